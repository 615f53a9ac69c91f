// The Hacker News importers on tests/fixtures/importers: hn-firebase (src/importers/
// hn_firebase.cpp) on hn-firebase/ (one item per file under item/, items one per line, and the
// BigQuery export's all-string rows) and hn-algolia (src/importers/hn_algolia.cpp) on
// hn-algolia/ (a story and a poll with their replies nested).
#include <catch2/catch.hpp>

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
constexpr const char* kPollOptions = "poll options";

}  // namespace

TEST_CASE("hn-firebase: a story and its comments, one item per file", "[importer][hn-firebase]") {
  ror::LoadOptions options;
  options.keep_details = true;
  const Dataset d = load_fixture({"hn-firebase/item"}, options);
  CHECK(d.input.files.size() == 7);
  CHECK(d.input.formats == std::vector<std::string>(7, "hn-firebase"));
  CHECK(d.account.handle == "kilnworks");  // the story's author
  CHECK(d.account.inferred);
  CHECK(d.input.posts_read == 5);
  CHECK(skipped(d, kDeleted) == 2);     // a deleted and a dead comment
  CHECK(d.input.statuses_placed == 4);  // up the chain of parents to the story
  CHECK(d.posts.size() == 1);
  CHECK(d.input.foreign_posts == 0);  // the reply to the deleted comment: placed through it
  const ror::Post& story = post_of(d, "9100001");
  CHECK(story.created_at == at("2026-03-02T07:10:00Z"));
  CHECK(story.get(PostMetric::likes) == 42);   // score
  CHECK(story.get(PostMetric::replies) == 6);  // descendants, beside the 3 present
  CHECK_FALSE(story.has(PostMetric::shares));
  CHECK(story.comments_known);
  CHECK(ror::test::text_of(d, "9100001") == "Show HN: A kiln controller written in Rust");
  CHECK(d.details->posts[0].url == "https://news.ycombinator.com/item?id=9100001");
  const auto comments = comments_of(d, "9100001");
  REQUIRE(comments.size() == 4);
  CHECK(comments[0].id == "9100002");
  CHECK(comments[0].author == "glazer");
  CHECK(comments[0].parent == ror::kNone);
  CHECK(comments[1].author == "kilnworks");
  CHECK(comments[1].parent == 0);
  CHECK(comments[2].author == "potter");
  CHECK(comments[2].parent == 1);
  CHECK(comments[2].created_at == at("2026-03-02T08:10:00Z"));
  // 9100007 answers 9100005, deleted: placed through it, top-level (whom it answered is gone).
  CHECK(comments[3].id == "9100007");
  CHECK(comments[3].parent == ror::kNone);
  const ror::MetricValues m = ror::compute_metrics(d, {});
  CHECK(m[MetricId::comments] == 4);
  CHECK(m[MetricId::audience_comments] == 3);
  CHECK(m[MetricId::response_rate] == Approx(1.0 / 3));  // 9100007 awaits one too
  CHECK(m[MetricId::response_time_median] == 15 * 60);
  CHECK(m.why_unknown(MetricId::impressions) == Unknown::not_carried);
}

TEST_CASE("hn-firebase: items one per line and the BigQuery export", "[importer][hn-firebase]") {
  ror::LoadOptions options;
  options.keep_details = true;
  const Dataset lines = load_fixture({"hn-firebase/items.jsonl"}, options);
  CHECK(lines.input.posts_read == 3);
  CHECK(skipped(lines, kPollOptions) == 1);
  CHECK(lines.input.statuses_placed == 1);
  CHECK(lines.posts.size() == 2);  // a story and a poll
  CHECK(ror::test::text_of(lines, "9100010") ==
        "Ask HN: How do you log firing temperatures?\nWe write them on a whiteboard > then lose "
        "them.");
  CHECK(post_of(lines, "9100013").get(PostMetric::replies) == 0);

  // Every value a string, no type: comments by their parent.
  const Dataset bq = load_fixture({"hn-firebase/bigquery.jsonl"}, options);
  CHECK(bq.input.posts_read == 1);
  CHECK(skipped(bq, kDeleted) == 1);  // "dead": "true"
  CHECK(bq.posts[0].created_at == at("2026-03-03T07:25:00Z"));
  CHECK(ror::test::text_of(bq, "9100012") == "Same here, it's the only way I've found & it works.");
  // Its parent is in no input, and the export does not say whom it answers: original.
  CHECK(bq.posts[0].kind == PostKind::original);

  // Together, the BigQuery comment joins the story through the comment it answers.
  const Dataset both = load_fixture({"hn-firebase/items.jsonl", "hn-firebase/bigquery.jsonl"});
  CHECK(both.input.statuses_placed == 2);
  const auto comments = comments_of(both, "9100010");
  REQUIRE(comments.size() == 2);
  CHECK(comments[1].author == "glazer");
  CHECK(comments[1].parent == 0);
}

TEST_CASE("hn-firebase: the whole folder is one dataset", "[importer][hn-firebase]") {
  const Dataset d = load_fixture({"hn-firebase"});
  CHECK(d.input.files.size() == 9);
  CHECK(d.input.posts_read == 9);
  CHECK(d.input.statuses_placed == 6);
  CHECK(skipped(d, kDeleted) == 3);
  CHECK(skipped(d, kPollOptions) == 1);
  CHECK(d.posts.size() == 3);
  CHECK(count_kind(d, PostKind::original) == 3);
  const ror::MetricValues m = ror::compute_metrics(d, {});
  CHECK(m[MetricId::posts] == 3);
  CHECK(m[MetricId::likes] == 42 + 9 + 3);
  CHECK(m[MetricId::replies] == 6 + 2 + 0);
  CHECK(m[MetricId::comments] == 6);
  CHECK(m[MetricId::audience_comments] == 5);
  CHECK(m.why_unknown(MetricId::followers) == Unknown::not_carried);
}

TEST_CASE("hn-algolia: a story with its replies nested", "[importer][hn-algolia]") {
  ror::LoadOptions options;
  options.keep_details = true;
  const Dataset d = load_fixture({"hn-algolia/item-9200001.json"}, options);
  CHECK(d.input.formats == std::vector<std::string>{"hn-algolia"});
  CHECK(d.account.handle == "loomhall");
  CHECK(d.account.inferred);
  CHECK(d.account.thread_authors);  // the story's author, not the most frequent one
  CHECK(d.input.posts_read == 6);
  CHECK(skipped(d, kDeleted) == 1);  // author and text null
  CHECK(d.input.statuses_placed == 5);
  CHECK(d.posts.size() == 1);
  const ror::Post& story = post_of(d, "9200001");
  CHECK(story.created_at == at("2026-03-03T07:10:00Z"));
  CHECK(story.get(PostMetric::likes) == 57);
  CHECK_FALSE(story.has(PostMetric::replies));  // the item has every reply; it counts none
  CHECK(story.comments_known);
  const auto comments = comments_of(d, "9200001");
  REQUIRE(comments.size() == 5);
  CHECK(comments[0].id == "9200002");
  CHECK(comments[1].author == "loomhall");
  CHECK(comments[1].parent == 0);
  CHECK(comments[2].parent == 1);
  CHECK(comments[3].author == "warp");  // under the deleted comment: top-level in the story
  CHECK(comments[3].parent == ror::kNone);
  CHECK(comments[4].author == "shuttle");
  const ror::MetricValues m = ror::compute_metrics(d, {});
  CHECK(m[MetricId::comments] == 5);
  CHECK(m[MetricId::audience_comments] == 4);
  CHECK(m[MetricId::response_rate] == Approx(1.0 / 4));
  CHECK(m[MetricId::response_time_median] == 15 * 60);
  CHECK(m.why_unknown(MetricId::replies) == Unknown::not_carried);
}

TEST_CASE("hn-algolia: a poll, and a commenter named as the account", "[importer][hn-algolia]") {
  const Dataset poll = load_fixture({"hn-algolia/item-9200010.json"});
  CHECK(poll.input.posts_read == 2);
  CHECK(skipped(poll, kPollOptions) == 2);
  CHECK(poll.input.statuses_placed == 1);
  CHECK(post_of(poll, "9200010").get(PostMetric::likes) == 12);

  const Dataset all = load_fixture({"hn-algolia"});
  CHECK(all.input.posts_read == 8);
  CHECK(all.posts.size() == 2);

  ror::LoadOptions as_weft;
  as_weft.accounts = {"weft"};
  const Dataset d = load_fixture({"hn-algolia/item-9200001.json"}, as_weft);
  CHECK(d.input.statuses_placed == 0);  // the story is someone else's
  CHECK(count_kind(d, PostKind::outreach) == 2);
  CHECK(d.input.foreign_posts == 4);
  CHECK(reply_to_of(d, "9200002") == "loomhall");
  CHECK(reply_to_of(d, "9200004") == "loomhall");
  const ror::MetricValues m = ror::compute_metrics(d, {});
  CHECK(m[MetricId::outreach_people] == 1);

  // Named in another case, the account takes its handle as the items write it, and the
  // platform, from the authors (the items' profiles name nothing else).
  ror::LoadOptions as_upper;
  as_upper.accounts = {"@WEFT"};
  const Dataset upper = load_fixture({"hn-algolia/item-9200001.json"}, as_upper);
  CHECK(upper.account.handle == "weft");
  CHECK(upper.account.platform == "hackernews");
  CHECK_FALSE(upper.account.inferred);
  CHECK(count_kind(upper, PostKind::outreach) == 2);
}

TEST_CASE("hn: a reply under a deleted comment is placed alike from both APIs",
          "[importer][hn-algolia][hn-firebase]") {
  // Story 1; comment 5, deleted, answered it; erin's 6 and wren's 7 answer 5. Algolia nests
  // them under 5 and names their story; a Firebase item names only its parent, and the deleted
  // item passes it on.
  const std::string firebase =
      R"({"by": "wren", "id": 1, "kids": [2, 5], "score": 9, "time": 1700000000, "title": "Kilns", "type": "story"}
{"by": "bob", "id": 2, "parent": 1, "text": "Nice", "time": 1700000100, "type": "comment"}
{"deleted": true, "id": 5, "parent": 1, "time": 1700000400, "type": "comment", "kids": [6]}
{"by": "erin", "id": 6, "parent": 5, "text": "Under a deleted one", "time": 1700000500, "type": "comment"}
{"by": "wren", "id": 7, "parent": 5, "text": "I answered it", "time": 1700000600, "type": "comment"}
)";
  const std::string algolia = R"({"id": 1, "created_at_i": 1700000000, "type": "story",
"author": "wren", "title": "Kilns", "points": 9, "parent_id": null, "story_id": 1, "children": [
 {"id": 2, "created_at_i": 1700000100, "type": "comment", "author": "bob", "text": "Nice",
  "parent_id": 1, "story_id": 1, "children": []},
 {"id": 5, "created_at_i": 1700000400, "type": "comment", "author": null, "text": null,
  "parent_id": 1, "story_id": 1, "children": [
   {"id": 6, "created_at_i": 1700000500, "type": "comment", "author": "erin",
    "text": "Under a deleted one", "parent_id": 5, "story_id": 1, "children": []},
   {"id": 7, "created_at_i": 1700000600, "type": "comment", "author": "wren",
    "text": "I answered it", "parent_id": 5, "story_id": 1, "children": []}]}]})";
  for (const auto& [name, text] : {std::pair{"items.ndjson", firebase}, {"item.json", algolia}}) {
    INFO(name);
    const Dataset d = ror::test::load_text(text, {}, name);
    CHECK(d.posts.size() == 1);
    CHECK(d.input.foreign_posts == 0);
    CHECK(skipped(d, "deleted or dead items") == 1);
    // The account's answer to the deleted comment is an answer, not its thread continued.
    REQUIRE(d.comments.size() == 3);
    CHECK(d.comments[1].parent == ror::kNone);  // top-level: whom it answered is gone
    CHECK(d.comments[2].parent == ror::kNone);
    CHECK(d.authors.is_account(d.comments[2].author));
  }
}

TEST_CASE("hn-firebase: chains of deleted items, and a cycle of them", "[importer][hn-firebase]") {
  // 5 and 6 deleted, 6 answering 5 answering the story; 8 and 9 deleted, each naming the other.
  const std::string text =
      R"({"by": "wren", "id": 1, "score": 9, "time": 1700000000, "title": "Kilns", "type": "story"}
{"deleted": true, "id": 5, "parent": 1, "time": 1700000100, "type": "comment"}
{"deleted": true, "id": 6, "parent": 5, "time": 1700000200, "type": "comment"}
{"by": "erin", "id": 7, "parent": 6, "text": "Deep under", "time": 1700000300, "type": "comment"}
{"by": "bob", "id": 10, "parent": 6, "text": "Beside it", "time": 1700000350, "type": "comment"}
{"deleted": true, "id": 8, "parent": 9, "time": 1700000400, "type": "comment"}
{"deleted": true, "id": 9, "parent": 8, "time": 1700000500, "type": "comment"}
{"by": "erin", "id": 11, "parent": 8, "text": "Nowhere", "time": 1700000600, "type": "comment"}
)";
  const Dataset d = ror::test::load_text(text, {}, "items.ndjson");
  CHECK(skipped(d, kDeleted) == 4);
  CHECK(d.input.statuses_placed == 2);  // 7 and 10, through both deleted items
  REQUIRE(d.comments.size() == 2);
  CHECK(d.comments[0].parent == ror::kNone);
  CHECK(d.input.foreign_posts == 1);  // 11: its chain leads to no status
}

TEST_CASE("hn: detection and --from", "[importer][hn-algolia][hn-firebase]") {
  const auto choice = [](const char* file) {
    return ror::ingest::choose_importer(ror::ingest::sniff(file, fixture_text(file), true),
                                        nullptr);
  };
  for (const char* file : {"hn-firebase/item/9100001.json", "hn-firebase/item/9100005.json",
                           "hn-firebase/items.jsonl"}) {
    INFO(file);
    const ror::ingest::Choice c = choice(file);
    REQUIRE(c.importer != nullptr);
    CHECK(c.importer->name == "hn-firebase");
    CHECK(c.detection.confidence == 90);
  }
  const ror::ingest::Choice bq = choice("hn-firebase/bigquery.jsonl");
  REQUIRE(bq.importer != nullptr);
  CHECK(bq.importer->name == "hn-firebase");
  CHECK(bq.detection.confidence == 75);  // no type: less sure
  const ror::ingest::Choice algolia = choice("hn-algolia/item-9200001.json");
  REQUIRE(algolia.importer != nullptr);
  CHECK(algolia.importer->name == "hn-algolia");
  CHECK(algolia.detection.confidence == 95);
  const ror::ingest::Importer* firebase = ror::ingest::find_importer("hn-firebase");
  const ror::ingest::Importer* algolia_importer = ror::ingest::find_importer("hn-algolia");
  REQUIRE(firebase != nullptr);
  REQUIRE(algolia_importer != nullptr);
  for (const char* file :
       {"mastodon-api/statuses.json", "mastodon-api/status.json", "x-api/twarc2-flat.jsonl",
        "bluesky-api/author-feed.json", "hn-algolia/item-9200001.json"}) {
    INFO(file);
    CHECK(firebase->detect(ror::ingest::sniff(file, fixture_text(file), true)).confidence == 0);
  }
  for (const char* file :
       {"mastodon-api/status.json", "hn-firebase/item/9100001.json", "bluesky-api/thread.json"}) {
    INFO(file);
    CHECK(algolia_importer->detect(ror::ingest::sniff(file, fixture_text(file), true)).confidence ==
          0);
  }
  ror::LoadOptions forced;
  forced.from = "hn-firebase";
  CHECK(load_fixture({"hn-firebase/item/9100001.json"}, forced).input.posts_read == 1);
  forced.from = "hn-algolia";
  CHECK(error_of("item.json", fixture_text("hn-firebase/item/9100001.json"), forced) ==
        "item.json does not look like hn-algolia input (a JSON object); see ror formats");
}

TEST_CASE("hn: malformed items are one-line errors", "[importer][hn-algolia][hn-firebase]") {
  const std::string story =
      R"({"id": 1, "by": "a", "time": 1772435400, "type": "story", "title": "t"})";
  CHECK(error_of("items.jsonl",
                 story + "\n" + R"({"id": 2, "by": "b", "time": "soon", "type": "comment"})") ==
        "\"time\" is not a number of seconds since 1970: \"soon\" at /time (items.jsonl:2)");
  CHECK(error_of("items.jsonl",
                 story + "\n" + R"({"id": 2, "by": "b", "type": "comment", "parent": 1})") ==
        "an item needs a \"time\" at / (items.jsonl:2)");
  CHECK(error_of("items.jsonl",
                 story + "\n" + R"({"id": 2, "time": 1772435401, "type": "comment"})") ==
        "an item needs \"by\" (unless it is deleted or dead) at / (items.jsonl:2)");
  CHECK(
      error_of("items.jsonl",
               story + "\n" + R"({"id": 2, "by": "b", "time": 1772435401, "deleted": "maybe"})") ==
      "\"deleted\" must be true or false at /deleted (items.jsonl:2)");
  CHECK(error_of("items.jsonl",
                 story + "\n" + R"({"id": 2, "by": "b", "time": 1772435401, "score": -3})") ==
        "\"score\" must be a non-negative integer at /score (items.jsonl:2)");
  CHECK(error_of("items.jsonl", story + "\n{\"id\": 2, \"by").starts_with("malformed JSON"));
  const std::string item = R"({"id": 1, "created_at_i": 1772521800, "type": "story",
 "author": "a", "children": [)";
  CHECK(error_of("item.json", item + R"({"id": 2, "created_at_i": "x", "author": "b"}]})") ==
        "\"created_at_i\" is not a number of seconds since 1970: \"x\" at /children/0/created_at_i "
        "(item.json:2)");
  CHECK(error_of("item.json", item + R"({"id": 2, "created_at_i": 1, "author": "b",
 "children": {}}]})") ==
        "\"children\" must be an array, not an object at /children/0/children (item.json:3)");
  CHECK(error_of("item.json", item + R"("x"]})") ==
        "an item must be an object, not a string at /children/0 (item.json:2)");
  CHECK(error_of("item.json", item + R"({"author": "b", "created_at_i": 1}]})") ==
        "an item needs an \"id\" at /children/0 (item.json:2)");
}
