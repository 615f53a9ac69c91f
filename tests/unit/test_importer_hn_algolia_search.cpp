// hn-algolia-search (src/importers/hn_algolia_search.cpp) on tests/fixtures/importers/
// hn-algolia-search/: tarnhollow's history in two pages of search_by_date (stories, comments
// under its own story and under someone else's, a deleted hit), and the comments of its Show HN
// story as a search of that story gives them.
#include <catch2/catch.hpp>

#include <algorithm>

#include <nlohmann/json.hpp>

#include "importer_fixtures.hpp"
#include "ingest/detect.hpp"
#include "ingest/sniff.hpp"

using ror::Dataset;
using ror::MetricId;
using ror::PostKind;
using ror::PostMetric;
using ror::Unknown;
using ror::test::at;
using ror::test::comments_of;
using ror::test::count_kind;
using ror::test::error_of;
using ror::test::fixture_text;
using ror::test::load_fixture;
using ror::test::post_of;
using ror::test::reply_to_of;
using ror::test::skipped;

namespace {

constexpr const char* kDeleted = "deleted or dead items";
constexpr const char* kPage0 = "hn-algolia-search/author-page-0.json";
constexpr const char* kPage1 = "hn-algolia-search/author-page-1.json";
constexpr const char* kStoryPage = "hn-algolia-search/story-9300001-comments.json";

// The comment with this id among `comments` (the dataset loaded with details).
const ror::test::SeenComment& comment(const std::vector<ror::test::SeenComment>& comments,
                                      std::string_view id) {
  INFO("comment " << id);
  const auto it = std::find_if(comments.begin(), comments.end(),
                               [&](const ror::test::SeenComment& c) { return c.id == id; });
  REQUIRE(it != comments.end());
  return *it;
}

// The index of the comment with this id among `comments`.
std::uint32_t index_in(const std::vector<ror::test::SeenComment>& comments, std::string_view id) {
  return static_cast<std::uint32_t>(&comment(comments, id) - comments.data());
}

// Whether every input was read by hn-algolia-search.
bool all_search(const Dataset& d) {
  return !d.input.formats.empty() &&
         std::all_of(d.input.formats.begin(), d.input.formats.end(),
                     [](const std::string& f) { return f == "hn-algolia-search"; });
}

// The figures a report shows of two datasets are the same.
void check_same_figures(const Dataset& a, const Dataset& b) {
  CHECK(a.input.posts_read == b.input.posts_read);
  CHECK(a.input.statuses_placed == b.input.statuses_placed);
  CHECK(a.input.skipped.counts == b.input.skipped.counts);
  CHECK(a.posts.size() == b.posts.size());
  CHECK(a.comments.size() == b.comments.size());
  CHECK(a.account.handle == b.account.handle);
  const ror::MetricValues ma = ror::compute_metrics(a, {});
  const ror::MetricValues mb = ror::compute_metrics(b, {});
  for (std::size_t i = 0; i < ror::kMetricCount; ++i) {
    INFO("metric " << i);
    CHECK(ma.values[i] == mb.values[i]);
    CHECK(ma.why[i] == mb.why[i]);
  }
}

}  // namespace

TEST_CASE("hn-algolia-search: a person's history in two pages", "[importer][hn-algolia-search]") {
  ror::LoadOptions options;
  options.keep_details = true;
  const Dataset d = load_fixture({kPage0, kPage1}, options);
  CHECK(all_search(d));
  // Pages of one person's hits name that person, though the first page holds only comments.
  CHECK(d.account.handle == "tarnhollow");
  CHECK(d.account.platform == "hackernews");
  CHECK(d.account.inferred);
  CHECK(d.account.thread_authors);
  CHECK(d.input.posts_read == 6);
  CHECK(skipped(d, kDeleted) == 1);  // the hit without an author
  // 9300005 answers a comment in no input under the account's own story: an answer there.
  CHECK(d.input.statuses_placed == 1);
  REQUIRE(d.posts.size() == 5);
  CHECK(count_kind(d, PostKind::original) == 2);
  CHECK(count_kind(d, PostKind::outreach) == 3);
  CHECK(d.input.foreign_posts == 0);

  const ror::Post& show = post_of(d, "9300001");
  CHECK(show.created_at == at("2026-04-01T09:00:00Z"));
  CHECK(show.get(PostMetric::likes) == 41);
  CHECK(show.get(PostMetric::replies) == 6);
  CHECK_FALSE(show.comments_known);  // its answer placed under it is the account's own
  CHECK(show.comment_count == 1);
  const ror::Post& ask = post_of(d, "9300020");
  CHECK(ask.get(PostMetric::likes) == 7);
  CHECK_FALSE(ask.has(PostMetric::replies));  // num_comments null: unknown, not 0
  CHECK(ror::test::text_of(d, "9300020") ==
        "Ask HN: How do you keep a shared workshop log?\nOur studio keeps a paper log beside the "
        "kiln & it goes missing every other week.\nWhat do you use / recommend? I'd like "
        "something \"boring\" that survives clay dust.");
  CHECK(d.details->posts[ror::test::index_of(d, "9300020")].url ==
        "https://news.ycombinator.com/item?id=9300020");

  // On someone else's story, which no input holds: outreach to the author of what it answers.
  CHECK(post_of(d, "9300030").kind == PostKind::outreach);
  CHECK(reply_to_of(d, "9300030") == "item?id=9300100");
  CHECK(reply_to_of(d, "9300031") == "item?id=9300101");
  CHECK_FALSE(post_of(d, "9300031").has(PostMetric::likes));  // points null on comments
  // Its follow-up to its own comment continues that outreach, to the same person.
  CHECK(post_of(d, "9300032").kind == PostKind::outreach);
  CHECK(reply_to_of(d, "9300032") == "item?id=9300100");

  const ror::MetricValues m = ror::compute_metrics(d, {});
  CHECK(m[MetricId::posts] == 5);
  CHECK(m[MetricId::outreach_replies] == 3);
  CHECK(m[MetricId::outreach_people] == 2);
  CHECK(m[MetricId::likes] == 48);
  CHECK(m[MetricId::replies] == 6);
  CHECK(m.why_unknown(MetricId::comments) == Unknown::no_comments);
  CHECK(m.why_unknown(MetricId::audience_comments) == Unknown::no_comments);
  CHECK(m.why_unknown(MetricId::response_rate) == Unknown::no_comments);
}

TEST_CASE("hn-algolia-search: a story's comments from a search of the story join it",
          "[importer][hn-algolia-search]") {
  ror::LoadOptions options;
  options.keep_details = true;
  const Dataset d = load_fixture({"hn-algolia-search"}, options);
  CHECK(d.input.posts_read == 10);
  CHECK(d.input.posts_merged == 1);  // 9300005, in a page of each
  CHECK(d.input.statuses_placed == 4);
  CHECK(d.posts.size() == 5);
  const ror::Post& show = post_of(d, "9300001");
  CHECK(show.comments_known);  // the story's page holds other people's comments
  const auto comments = comments_of(d, "9300001");
  REQUIRE(comments.size() == 4);
  CHECK(comment(comments, "9300002").author == "brindle");
  CHECK(comment(comments, "9300002").parent == ror::kNone);
  CHECK(comment(comments, "9300003").parent == ror::kNone);
  // The account's answer, under what it answered, and brindle's answer to it.
  CHECK(comment(comments, "9300005").author == "tarnhollow");
  CHECK(comment(comments, "9300005").parent == index_in(comments, "9300003"));
  CHECK(comment(comments, "9300006").parent == index_in(comments, "9300005"));
  CHECK(post_of(d, "9300030").kind == PostKind::outreach);  // still outreach
  CHECK_FALSE(post_of(d, "9300020").comments_known);
  const ror::MetricValues m = ror::compute_metrics(d, {});
  CHECK(m[MetricId::comments] == 4);
  CHECK(m[MetricId::audience_comments] == 3);
  CHECK(m[MetricId::audience] == 2);
  CHECK(m[MetricId::response_rate] == Approx(1.0 / 3));
  CHECK(m[MetricId::response_time_median] == 35 * 60);
  CHECK(m[MetricId::outreach_people] == 2);

  // The story's page alone names no account: its hits are several people's, none a story.
  const Dataset alone = load_fixture({kStoryPage});
  CHECK(alone.account.inferred);
  CHECK_FALSE(alone.account.thread_authors);  // the most frequent author
}

TEST_CASE("hn-algolia-search: a folder, its files and its pages as lines give the same figures",
          "[importer][hn-algolia-search]") {
  const Dataset folder = load_fixture({"hn-algolia-search"});
  const Dataset files = load_fixture({kPage0, kPage1, kStoryPage});
  check_same_figures(folder, files);
  std::string lines;
  for (const char* page : {kPage0, kPage1, kStoryPage}) {
    lines += nlohmann::json::parse(fixture_text(page)).dump() + "\n";
  }
  const Dataset ndjson = ror::test::load_text(lines, {}, "pages.ndjson");
  CHECK(all_search(ndjson));
  check_same_figures(folder, ndjson);
  // A page past the last one holds no hits, and changes nothing.
  const std::string empty =
      R"({"hits": [], "nbHits": 7, "page": 2, "nbPages": 2, "hitsPerPage": 4, "query": ""})";
  std::vector<ror::NamedInput> inputs;
  for (const char* page : {kPage0, kPage1, kStoryPage}) {
    inputs.push_back({page, fixture_text(page)});
  }
  inputs.push_back({"author-page-2.json", empty});
  const Dataset with_empty = ror::load_buffers(inputs, {});
  check_same_figures(folder, with_empty);
  CHECK(all_search(with_empty));
  CHECK(with_empty.input.formats.size() == 4);
}

TEST_CASE("hn: a story and its comments give one dataset from all three APIs",
          "[importer][hn-algolia-search][hn-algolia][hn-firebase]") {
  // Story 1 by wren; bob's comment 2 on it; wren's answer 3 to bob.
  const std::string firebase =
      R"({"by": "wren", "id": 1, "kids": [2], "score": 9, "descendants": 2, "time": 1700000000, "title": "Kilns", "type": "story"}
{"by": "bob", "id": 2, "parent": 1, "text": "Nice &amp; warm", "time": 1700000100, "type": "comment"}
{"by": "wren", "id": 3, "parent": 2, "text": "Thanks", "time": 1700000400, "type": "comment"}
)";
  const std::string algolia = R"({"id": 1, "created_at_i": 1700000000, "type": "story",
"author": "wren", "title": "Kilns", "points": 9, "num_comments": 2, "children": [
 {"id": 2, "created_at_i": 1700000100, "type": "comment", "author": "bob", "text": "Nice &amp; warm",
  "parent_id": 1, "story_id": 1, "children": [
   {"id": 3, "created_at_i": 1700000400, "type": "comment", "author": "wren", "text": "Thanks",
    "parent_id": 2, "story_id": 1, "children": []}]}]})";
  // A search of the story (tags=story_1): the story and its comments, newest first.
  const std::string search = R"({"hits": [
 {"objectID": "3", "_tags": ["comment", "author_wren", "story_1"], "author": "wren",
  "created_at": "2023-11-14T22:20:00.000Z", "created_at_i": 1700000400, "comment_text": "Thanks",
  "points": null, "parent_id": 2, "story_id": 1, "_highlightResult": {"author": {"value": "wren"}}},
 {"objectID": "2", "_tags": ["comment", "author_bob", "story_1"], "author": "bob",
  "created_at_i": 1700000100, "comment_text": "Nice &amp; warm", "parent_id": 1, "story_id": 1},
 {"objectID": "1", "_tags": ["story", "author_wren", "story_1"], "author": "wren",
  "created_at_i": 1700000000, "title": "Kilns", "points": 9, "num_comments": 2, "story_id": 1,
  "story_text": null, "children": [2]}],
 "nbHits": 3, "page": 0, "nbPages": 1, "hitsPerPage": 20, "query": "", "params": "tags=story_1"})";
  ror::LoadOptions options;
  options.keep_details = true;
  const Dataset from_firebase = ror::test::load_text(firebase, options, "items.ndjson");
  const Dataset from_algolia = ror::test::load_text(algolia, options, "item.json");
  const Dataset from_search = ror::test::load_text(search, options, "search.json");
  CHECK(all_search(from_search));
  for (const Dataset* d : {&from_algolia, &from_search}) {
    check_same_figures(from_firebase, *d);
    CHECK(ror::test::text_of(*d, "1") == "Kilns");
    const auto comments = comments_of(*d, "1");
    REQUIRE(comments.size() == 2);
    CHECK(comment(comments, "2").author == "bob");
    CHECK(comment(comments, "2").parent == ror::kNone);
    CHECK(comment(comments, "3").parent == index_in(comments, "2"));
    CHECK(d->details->comments[post_of(*d, "1").first_comment + index_in(comments, "2")].text ==
          "Nice & warm");
  }
  CHECK(post_of(from_search, "1").comments_known);
  CHECK(post_of(from_search, "1").get(PostMetric::replies) == 2);
}

TEST_CASE("hn-algolia-search: polls, jobs, hits without an author",
          "[importer][hn-algolia-search]") {
  const std::string page = R"({"hits": [
 {"objectID": "20", "_tags": ["poll", "author_ash", "story_20"], "author": "ash",
  "created_at_i": 1700000000, "title": "Poll: glaze or slip?", "points": 3, "num_comments": 0},
 {"objectID": "21", "_tags": ["pollopt", "author_ash"], "author": "ash", "created_at_i": 1700000000},
 {"objectID": "22", "_tags": ["job", "author_ash", "story_22"], "author": "ash",
  "created_at": "2023-11-14T22:30:00Z", "title": "Kiln Co. is hiring a potter", "points": null},
 {"objectID": "23", "_tags": ["comment", "story_20"], "author": null, "comment_text": null,
  "parent_id": 20, "story_id": 20},
 {"objectID": "24", "author": "ash", "created_at_i": 1700000900, "comment_text": "Slip.",
  "parent_id": 23, "story_id": 20}],
 "nbHits": 5, "page": 0, "nbPages": 1, "hitsPerPage": 20})";
  const Dataset d = ror::test::load_text(page, {}, "search.json");
  CHECK(d.input.posts_read == 3);
  CHECK(skipped(d, "poll options") == 1);
  CHECK(skipped(d, kDeleted) == 1);  // no author, and no time: a deleted item needs none
  CHECK(d.account.handle == "ash");
  CHECK(post_of(d, "20").get(PostMetric::replies) == 0);  // counted 0: known, not unknown
  CHECK(post_of(d, "20").has(PostMetric::replies));
  CHECK_FALSE(post_of(d, "22").has(PostMetric::likes));
  CHECK(post_of(d, "22").created_at == at("2023-11-14T22:30:00Z"));
  // 24 (no type tag, but a parent: a comment) answers the deleted 23, which passes it on to the
  // poll: the account's answer there, placed as a top-level comment.
  CHECK(d.input.statuses_placed == 1);
  const auto comments = comments_of(d, "20");
  REQUIRE(comments.size() == 1);
  CHECK(comments[0].parent == ror::kNone);
  CHECK(d.posts.size() == 2);

  // Named otherwise, the account's comments on ash's poll are outreach to ash.
  ror::LoadOptions as_other;
  as_other.accounts = {"birch"};
  const std::string other = R"({"hits": [
 {"objectID": "30", "_tags": ["comment", "author_birch", "story_20"], "author": "birch",
  "created_at_i": 1700001000, "comment_text": "Glaze.", "parent_id": 20, "story_id": 20}],
 "nbHits": 1, "page": 0, "nbPages": 1, "hitsPerPage": 20})";
  const Dataset both = ror::load_buffers({{"a.json", page}, {"b.json", other}}, as_other);
  CHECK(reply_to_of(both, "30") == "ash");  // its parent is in the data: it decides
  CHECK(post_of(both, "30").kind == PostKind::outreach);
}

TEST_CASE("hn-algolia-search: detection", "[importer][hn-algolia-search]") {
  const ror::ingest::Importer* search = ror::ingest::find_importer("hn-algolia-search");
  REQUIRE(search != nullptr);
  const auto sniffed = [](const char* name, const std::string& text) {
    return ror::ingest::sniff(name, text, true);
  };
  for (const char* file : {kPage0, kPage1, kStoryPage}) {
    INFO(file);
    const ror::ingest::Choice c =
        ror::ingest::choose_importer(sniffed(file, fixture_text(file)), nullptr);
    REQUIRE(c.importer != nullptr);
    CHECK(c.importer->name == "hn-algolia-search");
    CHECK(c.detection.confidence == 95);
  }
  const std::string empty = R"({"hits": [], "nbHits": 0, "page": 0, "nbPages": 0,
 "hitsPerPage": 20, "query": "nothing"})";
  CHECK(search->detect(sniffed("empty.json", empty)).confidence == 80);
  // Other shapes with hits are not search responses.
  CHECK(search->detect(sniffed("es.json", R"({"hits": {"total": 1, "hits": []}})")).confidence ==
        0);
  CHECK(search->detect(sniffed("x.json", R"({"hits": [{"id": 1, "name": "a"}]})")).confidence == 0);
  CHECK(search->detect(sniffed("x.json", R"({"hits": []})")).confidence == 0);
  for (const char* file :
       {"hn-algolia/item-9200001.json", "hn-firebase/items.jsonl", "hn-firebase/item/9100001.json",
        "youtube-api/videos.json", "mastodon-api/statuses.json", "bluesky-api/author-feed.json",
        "reddit-listing/submitted.json", "wordpress-api/posts.json", "x-api/v2-body.json"}) {
    INFO(file);
    CHECK(search->detect(sniffed(file, fixture_text(file))).confidence == 0);
  }
  for (const char* name : {"hn-algolia", "hn-firebase"}) {
    INFO(name);
    const ror::ingest::Importer* other = ror::ingest::find_importer(name);
    REQUIRE(other != nullptr);
    CHECK(other->detect(sniffed(kPage1, fixture_text(kPage1))).confidence == 0);
  }
  ror::LoadOptions forced;
  forced.from = "hn-algolia-search";
  CHECK(error_of("item.json", fixture_text("hn-algolia/item-9200001.json"), forced) ==
        "item.json does not look like hn-algolia-search input (a JSON object); see ror formats");
}

TEST_CASE("hn-algolia-search: malformed pages are one-line errors",
          "[importer][hn-algolia-search]") {
  const auto page = [](const std::string& hits) {
    return R"({"hits": [{"objectID": "1", "_tags": ["story"], "author": "a", "created_at_i": 1,
 "title": "t"}, )" +
           hits + R"(], "nbHits": 2})";
  };
  CHECK(error_of("p.json", page(R"("x")")) ==
        "a hit must be an object, not a string at /hits/1 (p.json:2)");
  CHECK(error_of("p.json", page(R"({"author": "b", "created_at_i": 2})")) ==
        "a hit needs an \"objectID\" at /hits/1 (p.json:2)");
  CHECK(error_of("p.json", page(R"({"objectID": "2", "author": "b"})")) ==
        "a hit needs \"created_at_i\" or \"created_at\" at /hits/1 (p.json:2)");
  CHECK(error_of("p.json", page(R"({"objectID": "2", "author": "b", "created_at_i": 2,
 "points": -1})")) == "\"points\" must be a non-negative integer at /hits/1/points (p.json:3)");
  CHECK(error_of("p.json", page(R"({"objectID": "2", "author": "b", "created_at": "today"})"))
            .starts_with("\"created_at\" "));
  CHECK(error_of("p.json", page(R"({"objectID": "2", "_tags": "comment", "author": "b",
 "created_at_i": 2})")) == "\"_tags\" must be an array, not a string at /hits/1/_tags (p.json:2)");
  // One page per line: a line that is not a page.
  const std::string first = R"({"hits": [], "nbHits": 0, "hitsPerPage": 20})";
  CHECK(error_of("pages.ndjson", first + "\n" + R"({"nbHits": 0})" + "\n") ==
        "a search response needs \"hits\" at / (pages.ndjson:2)");
  CHECK(error_of("pages.ndjson", first + "\n[1]\n") ==
        "a search response must be an object, not an array at / (pages.ndjson:2)");
}
