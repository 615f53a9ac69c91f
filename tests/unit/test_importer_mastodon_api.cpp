// The Mastodon REST API importer (src/importers/mastodon_api.cpp) on
// tests/fixtures/importers/mastodon-api: marrow's account, a page of statuses, a status, the
// context of a status of the page, and a context whose first status is in no file.
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

constexpr const char* kRye = "116158326374400001";        // in statuses.json; context.json's root
constexpr const char* kCroissant = "116198159155200021";  // statuses.json
constexpr const char* kSpelt = "116198709657600022";      // statuses.json: a reply to @oatmeal
constexpr const char* kDoors = "116198277120000023";      // status.json: answers kCroissant
constexpr const char* kBun = "116103787315200041";        // context-orphan.json's missing root

constexpr const char* kBoosts = "reposts (boosts), not the account's writing";

}  // namespace

TEST_CASE("mastodon-api: a page of statuses", "[importer][mastodon-api]") {
  const Dataset d = load_fixture({"mastodon-api/statuses.json"});
  CHECK(d.input.formats == std::vector<std::string>{"mastodon-api"});
  CHECK(d.account.handle == "marrow");
  CHECK(d.account.inferred);  // the page names nobody: its most frequent author
  CHECK_FALSE(d.account.thread_authors);
  CHECK(d.account.followers == 418);  // from the statuses' account
  CHECK(d.account.id == "109876543210000077");
  CHECK(d.input.posts_read == 3);
  CHECK(count_kind(d, PostKind::original) == 2);
  CHECK(count_kind(d, PostKind::outreach) == 1);
  CHECK(skipped(d, kBoosts) == 1);
  CHECK(skipped(d, "direct messages") == 1);
  CHECK(reply_to_of(d, kSpelt) == "oatmeal@bakers.example");  // in_reply_to_account_id, mentions
  const ror::Post& rye = post_of(d, kRye);
  CHECK(rye.get(PostMetric::likes) == 7);
  CHECK(rye.get(PostMetric::shares) == 2);
  CHECK(rye.get(PostMetric::replies) == 3);
  CHECK(rye.get(PostMetric::quotes) == 0);
  CHECK(rye.hashtags == 2);
  CHECK_FALSE(rye.has(PostMetric::impressions));
  const ror::MetricValues m = ror::compute_metrics(d, {});
  CHECK(m[MetricId::likes] == 20);
  CHECK(m[MetricId::quotes] == 1);
  CHECK(m.why_unknown(MetricId::comments) == Unknown::no_comments);  // a page holds no replies
}

TEST_CASE("mastodon-api: one status", "[importer][mastodon-api]") {
  const Dataset d = load_fixture({"mastodon-api/status.json"});
  CHECK(d.posts.size() == 1);
  // in_reply_to_account_id is its own account's: the start of a thread, not outreach.
  CHECK(post_of(d, kDoors).kind == PostKind::original);
  CHECK(reply_to_of(d, kDoors) == "marrow");
  CHECK(post_of(d, kDoors).created_at == at("2026-03-09T08:30:00Z"));
}

TEST_CASE("mastodon-api: a context's statuses are comments of its root",
          "[importer][mastodon-api]") {
  ror::LoadOptions options;
  options.keep_details = true;
  const Dataset d = load_fixture({"mastodon-api/context.json"}, options);
  // The context holds the replies, not the status itself: a stand-in is made from its id.
  CHECK(d.posts.size() == 1);
  CHECK(d.input.posts_read == 5);
  CHECK(d.input.statuses_placed == 4);
  CHECK(d.account.handle == "marrow");  // the stand-in's author
  CHECK(d.account.inferred);
  const ror::Post& root = post_of(d, kRye);
  CHECK(root.created_at == at("2026-03-02T07:10:00Z"));  // the id's milliseconds
  CHECK(root.comments_known);
  const auto comments = comments_of(d, kRye);
  REQUIRE(comments.size() == 4);
  CHECK(comments[0].author == "breadbox@crumb.example");
  CHECK(comments[0].parent == ror::kNone);
  CHECK(comments[1].author == "marrow");
  CHECK(comments[1].parent == 0);
  CHECK(comments[2].parent == 1);
  CHECK(comments[3].author == "ryeguy");
  CHECK(comments[3].id == "116159230771200034");
  const ror::MetricValues m = ror::compute_metrics(d, {});
  CHECK(m[MetricId::comments] == 4);
  CHECK(m[MetricId::audience_comments] == 3);
  CHECK(m[MetricId::response_rate] == Approx(1.0 / 3));
  CHECK(m[MetricId::response_time_median] == 22 * 60);
  CHECK(m[MetricId::reciprocity_rate] == 1);
  CHECK(m[MetricId::substantive_comment_rate] == Approx(1.0 / 3));
}

TEST_CASE("mastodon-api: a context whose root is in no file", "[importer][mastodon-api]") {
  const Dataset d = load_fixture({"mastodon-api/context-orphan.json"});
  CHECK(d.posts.size() == 1);
  CHECK(d.input.statuses_placed == 2);
  const ror::Post& bun = post_of(d, kBun);
  CHECK(bun.created_at == at("2026-02-20T16:00:00Z"));
  CHECK(bun.kind == PostKind::original);
  CHECK(bun.known == 0);
  CHECK(bun.words == 0);
  const auto comments = comments_of(d, kBun);
  REQUIRE(comments.size() == 2);
  CHECK(comments[0].author == "oatmeal@bakers.example");
  CHECK(comments[1].author == "marrow");
  CHECK(comments[1].parent == 0);
  const ror::MetricValues m = ror::compute_metrics(d, {});
  CHECK(m[MetricId::response_rate] == 1);
  CHECK(m[MetricId::response_time_median] == 20 * 60);
}

TEST_CASE("mastodon-api: the whole folder is one dataset", "[importer][mastodon-api]") {
  const Dataset d = load_fixture({"mastodon-api"});
  CHECK(d.input.files.size() == 5);
  CHECK_FALSE(d.account.inferred);  // account.json names it
  CHECK(d.account.followers == 418);
  CHECK(d.input.posts_read == 11);  // context.json's stand-in is the page's status
  CHECK(d.posts.size() == 5);
  CHECK(count_kind(d, PostKind::original) == 4);
  CHECK(count_kind(d, PostKind::outreach) == 1);
  CHECK(d.input.posts_merged == 0);  // a stand-in is no copy of the post
  CHECK(d.input.statuses_placed == 6);
  const ror::Post& rye = post_of(d, kRye);
  CHECK(rye.get(PostMetric::likes) == 7);  // from the page
  CHECK(rye.comment_count == 4);           // from the context
  CHECK(rye.comments_known);
  CHECK(post_of(d, kDoors).kind == PostKind::original);  // answers the page's kCroissant
  // The page's posts with no replies counted have none: 0 is measured.
  CHECK(post_of(d, kCroissant).comments_known);
  const ror::MetricValues m = ror::compute_metrics(d, {});
  CHECK(m[MetricId::likes] == 25);
  CHECK(m[MetricId::comments] == 6);
  CHECK(m[MetricId::audience_comments] == 4);
  CHECK(m[MetricId::conversation_rate] == Approx(4.0 / 5));
  CHECK(m[MetricId::audience] == 3);
  CHECK(m[MetricId::response_rate] == Approx(2.0 / 4));
  CHECK(m[MetricId::response_time_median] == Approx((20 * 60 + 22 * 60) / 2.0));
  CHECK(m[MetricId::reciprocity_rate] == Approx(1.0 / 2));
}

TEST_CASE("mastodon-api: API pages and the account's export are one dataset",
          "[importer][mastodon-api]") {
  const Dataset d = load_fixture({"mastodon-export", "mastodon-api"});
  CHECK(d.account.handle == "marrow@fjord.example");  // actor.json comes first
  CHECK(d.account.followers == 418);                  // account.json gives the count
  CHECK(d.input.posts_read == 17);
  CHECK(d.input.posts_merged == 1);  // the rye post: outbox and page (the context's stand-in)
  CHECK(d.posts.size() == 10);
  CHECK(count_kind(d, PostKind::original) == 7);
  CHECK(count_kind(d, PostKind::outreach) == 3);
  CHECK(skipped(d, kBoosts) == 2);
  CHECK(skipped(d, "direct messages") == 2);
  const ror::Post& rye = post_of(d, kRye);
  CHECK(rye.get(PostMetric::likes) == 7);
  CHECK(rye.comment_count == 4);
  CHECK(rye.comments_known);
  // The outbox's own posts hold no replies and the platform's counts are not in it: unknown.
  CHECK_FALSE(post_of(d, "116158444339200003").comments_known);
  const ror::MetricValues m = ror::compute_metrics(d, {});
  CHECK(m[MetricId::posts] == 10);
  CHECK(m[MetricId::audience_comments] == 4);
  CHECK(m[MetricId::conversation_rate] == Approx(4.0 / 5));
  CHECK(m[MetricId::outreach_people] == 2);  // breadbox and oatmeal, by either importer
}

TEST_CASE("mastodon-api: a reply's account is resolved through the same response",
          "[importer][mastodon-api]") {
  // docs/format.md, "Mastodon REST API": in_reply_to_account_id is "resolved to an acct through
  // the statuses and mentions seen in the same response". Today each status of a page is read
  // with only its own account and mentions, so a reply to a status of the same page that does
  // not mention its author answers the bare account id ("1").
  ror::LoadOptions me;
  me.accounts = {"me"};
  const Dataset d = ror::test::load_text(R"([
    {"id": "200", "created_at": "2026-03-02T08:00:00.000Z", "in_reply_to_id": "100",
     "in_reply_to_account_id": "1", "content": "<p>agreed</p>", "mentions": [],
     "account": {"id": "7", "acct": "me", "username": "me"}},
    {"id": "100", "created_at": "2026-03-02T07:00:00.000Z", "in_reply_to_id": null,
     "content": "<p>hello</p>", "mentions": [],
     "account": {"id": "1", "acct": "alice", "username": "alice"}}])",
                                         me, "statuses.json");
  CHECK(post_of(d, "200").kind == PostKind::outreach);
  CHECK(d.input.foreign_posts == 1);
  CHECK(reply_to_of(d, "200") == "alice");
}

TEST_CASE("mastodon-api: malformed responses are one-line errors", "[importer][mastodon-api]") {
  const std::string status =
      R"({"id": "1", "created_at": "2026-03-02T07:10:00.000Z", "content": "<p>a</p>",
  "account": {"id": "7", "acct": "me", "username": "me"}})";
  const std::string other = R"("content": "", "account": {"id": "7", "acct": "me"})";
  CHECK(error_of("statuses.json", "[" + status +
                                      ",\n{\"created_at\": \"2026-03-02T07:10:00.000Z\", " + other +
                                      "}]") == "a status needs an \"id\" at /1 (statuses.json:3)");
  CHECK(error_of(
            "statuses.json",
            "[" + status + ",\n{\"id\": \"2\", \"created_at\": \"yesterday\", " + other + "}]") ==
        "\"created_at\" is not an RFC 3339 date-time: \"yesterday\" at /1/created_at "
        "(statuses.json:3)");
  CHECK(error_of("statuses.json",
                 "[" + status + ",\n{\"id\": \"2\", \"created_at\": \"2026-03-02T07:10:00Z\", " +
                     other + ", \"favourites_count\": -1}]") ==
        "\"favourites_count\" must be a non-negative integer at /1/favourites_count "
        "(statuses.json:3)");
  CHECK(error_of("statuses.json", "[" + status + ",\n\"2\"]") ==
        "a status must be an object, not a string at /1 (statuses.json:3)");
  CHECK(error_of("statuses.json", "[" + status + ",\n{\"id\": \"2\", \"conte") ==
        "malformed JSON: unterminated string (statuses.json:3:19)");
  CHECK(error_of("context.json", R"({"ancestors": [], "descendants": [)" + status +
                                     R"(, {"id": "2", "created_at": "2026-03-02T07:10:00Z",
  "content": "", "account": {"id": "7", "acct": "me"}, "tags": [{"name": 3}]}]})") ==
        "\"name\" must be a string, not a number at /descendants/1/tags/0/name (context.json:3)");
  CHECK(error_of("account.json",
                 R"({"id": "7", "acct": "me", "username": "me", "followers_count": "many"})") ==
        "\"followers_count\" must be a non-negative integer, not a string at /followers_count "
        "(account.json:1)");
}
