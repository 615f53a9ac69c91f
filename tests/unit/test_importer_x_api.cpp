// The X API importer (src/importers/x_api.cpp) on tests/fixtures/importers/x-api: twarc2's
// flattened tweets of one conversation of @lanternferry, twarc2's raw v2 pages, a plain v2 body
// and a v1.1 user_timeline.
#include <catch2/catch.hpp>

#include "importer_fixtures.hpp"

using ror::Dataset;
using ror::MetricId;
using ror::PostKind;
using ror::PostMetric;
using ror::Unknown;
using ror::test::at;
using ror::test::comments_of;
using ror::test::count_kind;
using ror::test::error_of;
using ror::test::load_fixture;
using ror::test::post_of;
using ror::test::reply_to_of;
using ror::test::skipped;

namespace {

constexpr const char* kReposts = "reposts (retweets), not the account's writing";

// twarc2-flat.jsonl: the root, the replies under it, the account's self-reply.
constexpr const char* kTimetable = "1901000000000000100";
constexpr const char* kPinned = "1901000000000000190";

void check_lanternferry(const Dataset& d, std::int64_t followers) {
  CHECK(d.account.handle == "lanternferry");
  CHECK(d.account.id == "4400000001");
  CHECK(d.account.platform == "x");
  CHECK(d.account.followers == followers);
  CHECK(d.account.names == std::vector<std::string>{"4400000001", "lanternferry"});
  CHECK(d.account.inferred);  // the most frequent author: nothing names the account
}

}  // namespace

TEST_CASE("x-api: a twarc2 conversation places its replies under the root", "[importer][x-api]") {
  ror::LoadOptions options;
  options.keep_details = true;
  const Dataset d = load_fixture({"x-api/twarc2-flat.jsonl"}, options);
  CHECK(d.input.formats == std::vector<std::string>{"x-api"});
  check_lanternferry(d, 2300);
  CHECK(d.input.posts_read == 7);
  CHECK(d.input.statuses_placed == 4);
  CHECK(d.posts.size() == 2);
  CHECK(count_kind(d, PostKind::original) == 2);
  CHECK(d.input.foreign_posts == 1);  // @harbormasterjo's own tweet
  CHECK(skipped(d, kReposts) == 1);

  const ror::Post& root = post_of(d, kTimetable);
  CHECK(root.created_at == at("2026-03-02T07:30:00Z"));
  CHECK(root.get(PostMetric::likes) == 40);
  CHECK(root.get(PostMetric::shares) == 5);
  CHECK(root.get(PostMetric::replies) == 4);
  CHECK(root.get(PostMetric::quotes) == 1);
  CHECK(root.get(PostMetric::bookmarks) == 2);
  CHECK(root.get(PostMetric::impressions) == 1800);
  CHECK(root.hashtags == 1);
  const auto comments = comments_of(d, kTimetable);
  REQUIRE(comments.size() == 4);
  CHECK(comments[0].id == "1901000000000000150");
  CHECK(comments[0].author == "gullwatcher");
  CHECK(comments[0].parent == ror::kNone);
  CHECK(comments[1].author == "lanternferry");  // the account's answer ...
  CHECK(comments[1].parent == 0);               // ... to the first reply
  CHECK(comments[2].author == "gullwatcher");   // a reply to that answer
  CHECK(comments[2].parent == 1);
  CHECK(comments[3].author == "tidecharts");
  CHECK(comments[3].parent == ror::kNone);
  CHECK(comments[3].created_at == at("2026-03-02T09:00:00Z"));
  // The account answering its own root, all the way up: a self-thread, a post.
  CHECK(post_of(d, kPinned).kind == PostKind::original);
  CHECK(ror::test::text_of(d, kPinned) == "Full timetable for the week is pinned at both piers.");
}

TEST_CASE("x-api: replies collected from the API make the root's comments known",
          "[importer][x-api]") {
  // docs/format.md, "What an export does not carry stays unknown": a post has unknown comments
  // "unless comments are joined to it from an input that holds them" (x-api holds them), and
  // "Threads": "a twarc2 collection of a conversation gives the account's tweet with the replies
  // under it as comments". Today every placed X status keeps comments_known = false, so the
  // root's four comments are there but every comment metric is unknown.
  const Dataset d = load_fixture({"x-api/twarc2-flat.jsonl"});
  CHECK(post_of(d, kTimetable).comments_known);
  CHECK(post_of(d, kPinned).comments_known);  // the platform counts 0 replies for it
  const ror::MetricValues m = ror::compute_metrics(d, {});
  CHECK(m[MetricId::comments] == 4);
  CHECK(m[MetricId::audience_comments] == 3);
  CHECK(m[MetricId::conversation_rate] == Approx(3.0 / 2));
  CHECK(m[MetricId::audience] == 2);
  CHECK(m[MetricId::response_rate] == Approx(1.0 / 3));
  CHECK(m[MetricId::response_time_median] == 1200);
  CHECK(m[MetricId::reciprocity_rate] == 1);
  CHECK(m[MetricId::substantive_comment_rate] == Approx(1.0 / 3));
  CHECK(m[MetricId::low_effort_comment_rate] == Approx(1.0 / 3));
}

TEST_CASE("x-api: twarc2's raw v2 pages, one per line", "[importer][x-api]") {
  const Dataset d = load_fixture({"x-api/v2-pages.jsonl"});
  check_lanternferry(d, 2320);  // the latest of the pages' profiles
  CHECK(d.input.posts_read == 4);
  CHECK(d.input.statuses_placed == 2);  // @buoybell's reply and the account's answer
  CHECK(d.posts.size() == 2);
  CHECK(count_kind(d, PostKind::original) == 2);
  CHECK(skipped(d, "tweets in a page's includes (context of the data)") == 1);
  CHECK(skipped(d, "errors reported in API pages") == 1);
  CHECK(skipped(d, kReposts) == 1);
  REQUIRE(comments_of(d, "1902000000000000300").size() == 2);
  CHECK(comments_of(d, "1902000000000000300")[0].author == "buoybell");
  CHECK(comments_of(d, "1902000000000000300")[1].parent == 0);
  // non_public_metrics and organic_metrics come after public_metrics: their count is kept.
  const ror::Post& sunset = post_of(d, "1902000000000000340");
  CHECK(sunset.get(PostMetric::impressions) == 2650);
  CHECK(sunset.get(PostMetric::clicks) == 12);
  const ror::MetricValues m = ror::compute_metrics(d, {});
  CHECK(m[MetricId::impressions] == 4050);
  CHECK(m[MetricId::clicks] == 12);
  CHECK(m[MetricId::action_rate] == Approx(12.0 / 4050));
  CHECK(m.why_unknown(MetricId::conversions) == Unknown::not_carried);
}

TEST_CASE("x-api: a v2 body in a file, and note_tweet's long text", "[importer][x-api]") {
  ror::LoadOptions options;
  options.keep_details = true;
  const Dataset d = load_fixture({"x-api/v2-body.json"}, options);
  check_lanternferry(d, 2330);
  CHECK(d.posts.size() == 1);
  CHECK(d.input.statuses_placed == 2);
  const std::string text = ror::test::text_of(d, "1903000000000000400");
  CHECK(text.starts_with("Winter maintenance is done."));
  CHECK(text.ends_with("see you on board."));  // the whole text, not the cut one
  CHECK(post_of(d, "1903000000000000400").words == 40);
  const auto comments = comments_of(d, "1903000000000000400");
  REQUIRE(comments.size() == 2);
  CHECK(comments[0].author == "harbormasterjo");
  CHECK(comments[1].author == "lanternferry");
  CHECK(comments[1].parent == 0);
}

TEST_CASE("x-api: a v1.1 user_timeline", "[importer][x-api]") {
  ror::LoadOptions options;
  options.keep_details = true;
  const Dataset d = load_fixture({"x-api/v1-user_timeline.json"}, options);
  check_lanternferry(d, 2290);  // user.followers_count
  CHECK(d.posts.size() == 3);
  CHECK(count_kind(d, PostKind::original) == 2);  // a post and its self-reply
  CHECK(count_kind(d, PostKind::outreach) == 1);
  CHECK(skipped(d, kReposts) == 1);  // retweeted_status
  CHECK(d.input.statuses_placed == 0);
  CHECK(reply_to_of(d, "1904000000000000510") == "harbormasterjo");
  CHECK(post_of(d, "1904000000000000520").hashtags == 2);
  CHECK(post_of(d, "1904000000000000530").get(PostMetric::likes) == 12);
  CHECK(ror::test::text_of(d, "1904000000000000530") ==
        "Bikes go free on the evening crossings, racks & straps provided.");
  const ror::MetricValues m = ror::compute_metrics(d, {});
  CHECK(m[MetricId::likes] == 42);
  CHECK(m[MetricId::shares] == 9);
  CHECK(m.why_unknown(MetricId::impressions) == Unknown::not_carried);
  CHECK(m.why_unknown(MetricId::audience) == Unknown::no_comments);
}

TEST_CASE("x-api: one v1.1 status on its own", "[importer][x-api]") {
  const Dataset d = ror::test::load_text(
      R"({"id_str": "5", "text": "one &lt;3", "created_at": "Fri Mar 06 13:02:05 +0000 2026",
      "favorite_count": 2, "user": {"id_str": "77", "screen_name": "solo", "followers_count": 4}})",
      {}, "status.json");
  CHECK(d.input.formats == std::vector<std::string>{"x-api"});
  CHECK(d.posts.size() == 1);
  CHECK(d.account.handle == "solo");
  CHECK(d.account.id == "77");
  CHECK(d.account.followers == 4);
  CHECK(post_of(d, "5").get(PostMetric::likes) == 2);
  CHECK(post_of(d, "5").created_at == at("2026-03-06T13:02:05Z"));
}

TEST_CASE("x-api: the whole folder is one dataset", "[importer][x-api]") {
  const Dataset d = load_fixture({"x-api"});
  CHECK(d.input.files.size() == 4);
  CHECK(d.posts.size() == 8);
  CHECK(count_kind(d, PostKind::original) == 7);
  CHECK(count_kind(d, PostKind::outreach) == 1);
  CHECK(d.input.statuses_placed == 8);
  CHECK(d.account.followers == 2320);  // v2-pages.jsonl is read last
  CHECK(skipped(d, kReposts) == 3);
}

TEST_CASE("x-api: malformed API responses are one-line errors", "[importer][x-api]") {
  const std::string author = R"("author": {"id": "1", "username": "a"})";
  const std::string first =
      R"({"id": "1", "text": "x", "created_at": "2026-03-02T07:30:00.000Z", )" + author + "}\n";
  CHECK(error_of("flat.jsonl", first + R"({"text": "y", "created_at": "2026-03-02T07:31:00Z", )" +
                                   author + "}\n") ==
        "missing required field \"id\" at /id (flat.jsonl:2)");
  CHECK(error_of(
            "flat.jsonl",
            first + R"({"id": "2", "text": "y", "created_at": "Mon Mar 02 07:30:00 +0000 2026", )" +
                author + "}\n") ==
        "\"created_at\" is not an RFC 3339 date-time: \"Mon Mar 02 07:30:00 +0000 2026\" at "
        "/created_at (flat.jsonl:2)");
  CHECK(
      error_of("flat.jsonl", R"({"id": "1", "text": "x", "created_at": "2026-03-02T07:30:00Z", )" +
                                 author + R"(, "public_metrics": {"like_count": "4"}})" + "\n") ==
      "\"like_count\" must be a non-negative integer, not a string at "
      "/public_metrics/like_count (flat.jsonl:1)");
  CHECK(error_of("flat.jsonl", first + R"({"id": "2", "text": "y", "crea)" + "\n") ==
        "malformed JSON: unterminated string (flat.jsonl:2:31)");
  CHECK(
      error_of("flat.jsonl", R"({"id": "1", "text": "x", "created_at": "2026-03-02T07:30:00Z", )" +
                                 author + R"(, "referenced_tweets": {"type": "retweeted"}})") ==
      "\"referenced_tweets\" must be an array, not an object at /referenced_tweets "
      "(flat.jsonl:1)");
  const std::string tweet = R"({"id": "1", "text": "x", "created_at": "2026-03-02T07:30:00Z"})";
  CHECK(error_of("page.json",
                 R"({"data": [)" + tweet + R"(, {"id": "2", "text": "y"}], "meta": {}})") ==
        "missing required field \"created_at\" at /data/1/created_at (page.json:1)");
  CHECK(error_of("page.json", R"({"data": [)" + tweet + R"(], "includes": {"users": [
    {"id": "9", "username": 9}]}})") ==
        "\"username\" must be a string, not a number at /includes/users/0/username (page.json:2)");
  CHECK(error_of("timeline.json", R"([{"id_str": "1", "text": "x", "created_at":
    "Mon Mar 02 07:30:00 +0000 2026", "user": {"screen_name": "a", "followers_count": "12"}}])") ==
        "\"followers_count\" must be a non-negative integer, not a string at "
        "/0/user/followers_count (timeline.json:2)");
  CHECK(error_of("timeline.json", R"([{"id_str": "1", "text": "x", "created_at":
    "Mon Mar 02 07:30:00 +0000 2026", "user": {"screen_name": "a"}},
    {"text": "y", "user": {}}])") ==
        "missing required field \"id_str\" at /1/id_str (timeline.json:3)");
}

TEST_CASE("x-api: a key given twice is a warning, and the last one is used", "[importer][x-api]") {
  // Through the field toolkit, as in every importer: a tweet's text and counts, a hashtag
  // object's name, a user's screen name.
  const ror::Dataset d = ror::test::load_text(
      R"([{"id": 5, "id_str": "5", "created_at": "Fri Mar 06 13:02:05 +0000 2026",
           "full_text": "three old words", "full_text": "new text #b",
           "user": {"screen_name": "acme", "screen_name": "acme"},
           "favorite_count": 3, "favorite_count": 4,
           "entities": {"hashtags": [{"text": "a", "text": "b"}], "user_mentions": []}}])",
      {}, "timeline.json");
  CHECK(d.input.formats == std::vector<std::string>{"x-api"});
  CHECK(d.input.warnings.repeated_keys == 4);
  CHECK(d.input.warnings.first ==
        R"(duplicate key "full_text" at /0/full_text: the last one is used (timeline.json))");
  REQUIRE(d.posts.size() == 1);
  CHECK(d.posts[0].words == 3);
  CHECK(d.posts[0].hashtags == 1);
  CHECK(d.posts[0].get(ror::PostMetric::likes) == 4);
}
