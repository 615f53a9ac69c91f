// The Mastodon export importer (src/importers/mastodon_export.cpp) on
// tests/fixtures/importers/mastodon-export: the outbox, actor and likes of marrow@fjord.example.
#include <catch2/catch.hpp>

#include "importer_fixtures.hpp"

using ror::Dataset;
using ror::MetricId;
using ror::PostKind;
using ror::Unknown;
using ror::test::at;
using ror::test::count_kind;
using ror::test::error_of;
using ror::test::load_fixture;
using ror::test::post_of;
using ror::test::reply_to_of;
using ror::test::skipped;
using ror::test::text_of;

namespace {

// Status ids: the numbers ending the account's own status URIs.
constexpr const char* kRye = "116158326374400001";        // hashtags, a mention
constexpr const char* kSoldOut = "116158444339200003";    // a self-reply
constexpr const char* kHydration = "116159600394240002";  // a reply to another server
constexpr const char* kChart = "116164421222400004";      // a content warning
constexpr const char* kScalded = "116169493708800006";    // a reply to a non-Mastodon URI
constexpr const char* kClosed = "116172226560000007";     // &amp;

Dataset load_export() {
  ror::LoadOptions options;
  options.keep_details = true;
  return load_fixture({"mastodon-export"}, options);
}

}  // namespace

TEST_CASE("mastodon-export: outbox, actor and likes", "[importer][mastodon-export]") {
  const Dataset d = load_export();
  CHECK(d.input.formats == std::vector<std::string>(2, "mastodon-export"));  // actor, outbox
  CHECK(d.account.id == "https://fjord.example/users/marrow");
  CHECK(d.account.handle == "marrow@fjord.example");
  CHECK(d.account.platform == "mastodon");
  CHECK_FALSE(d.account.followers.has_value());
  CHECK(d.account.names == std::vector<std::string>{"https://fjord.example/@marrow",
                                                    "https://fjord.example/users/marrow", "marrow",
                                                    "marrow bakehouse", "marrow@fjord.example"});
  CHECK_FALSE(d.account.inferred);

  CHECK(d.input.posts_read == 6);
  CHECK(d.posts.size() == 6);
  CHECK(count_kind(d, PostKind::original) == 4);
  CHECK(count_kind(d, PostKind::outreach) == 2);
  CHECK(d.comments.empty());
  CHECK(d.input.statuses_placed == 0);
  CHECK(skipped(d, "reposts (boosts), not the account's writing") == 1);
  CHECK(skipped(d, "direct messages") == 1);
  CHECK(skipped(d, "likes and bookmarks (Mastodon export)") == 1);
  CHECK(d.input.skipped.total() == 3);
}

TEST_CASE("mastodon-export: a wrong totalItems is a warning", "[importer][mastodon-export]") {
  const Dataset d = load_export();
  CHECK(d.input.warnings.count_mismatches == 1);
  CHECK(d.input.warnings.total() == 1);
  CHECK(d.input.warnings.first == "\"totalItems\" says 9 items, but 8 are given (" +
                                      ror::test::fixture_path("mastodon-export/outbox.json") + ")");
}

TEST_CASE("mastodon-export: notes as statuses", "[importer][mastodon-export]") {
  const Dataset d = load_export();
  const ror::Post& rye = post_of(d, kRye);
  CHECK(rye.kind == PostKind::original);
  CHECK(rye.created_at == at("2026-03-02T07:10:00Z"));
  CHECK(rye.hashtags == 2);
  CHECK(rye.mentions == 1);
  CHECK(rye.known == 0);  // no counts in an export
  CHECK_FALSE(rye.comments_known);
  CHECK(text_of(d, kRye) ==
        "First rye of the season is out of the oven, come early tomorrow. Thanks @breadbox for "
        "the starter! #sourdough #baking");
  CHECK(post_of(d, kSoldOut).kind == PostKind::original);  // answers the account's own note
  CHECK(post_of(d, kHydration).kind == PostKind::outreach);
  CHECK(reply_to_of(d, kHydration) == "breadbox@crumb.example");  // from the status URI
  CHECK(reply_to_of(d, kScalded) == "oatmeal@bakers.example");    // else the first mention
  CHECK(text_of(d, kChart) ==
        "long baking notes\nOven temperature chart for anyone who asked, pinned by the till.");
  CHECK(text_of(d, kClosed) ==
        "Closed on Monday for the oven service. See you Tuesday & thanks for understanding!");
  CHECK(post_of(d, kClosed).words == 14);
}

TEST_CASE("mastodon-export: what an export cannot know stays unknown",
          "[importer][mastodon-export]") {
  const ror::MetricValues m = ror::compute_metrics(load_export(), {});
  CHECK(m[MetricId::posts] == 6);
  CHECK(m[MetricId::outreach_people] == 2);
  // (no count and no comment of others: engagements are unknown, not 0)
  for (const MetricId id :
       {MetricId::likes, MetricId::shares, MetricId::replies, MetricId::engagements,
        MetricId::engagement_rate_followers, MetricId::followers, MetricId::applause_rate}) {
    CHECK(m.why_unknown(id) == Unknown::not_carried);
  }
  for (const MetricId id : {MetricId::comments, MetricId::audience, MetricId::response_rate}) {
    CHECK(m.why_unknown(id) == Unknown::no_comments);
  }
}

TEST_CASE("mastodon-export: malformed outboxes are one-line errors",
          "[importer][mastodon-export]") {
  const std::string head =
      R"({"@context": "https://www.w3.org/ns/activitystreams", "type": "OrderedCollection",
  "totalItems": 2, "orderedItems": [)"
      "\n";
  const std::string note =
      R"({"type": "Create", "actor": "https://h.example/users/me", "object": {"id":
  "https://h.example/users/me/statuses/1", "type": "Note", "published": "2026-03-02T07:10:00Z",
  "to": ["https://www.w3.org/ns/activitystreams#Public"], "content": "<p>hi</p>"}},)"
      "\n";
  const std::string actor = R"({"type": "Create", "actor": "https://h.example/users/me", )";
  CHECK(error_of("outbox.json",
                 head + note + actor +
                     R"("object": {"type": "Note", "published": "2026-03-02T07:10:00Z"}}]})") ==
        "a note needs an \"id\" at /orderedItems/1/object (outbox.json:6)");
  CHECK(error_of("outbox.json",
                 head + note + actor +
                     R"("object": {"id": "https://h.example/users/me/statuses/2", "published":
  "2 March 2026"}}]})") ==
        "\"published\" is not an RFC 3339 date-time: \"2 March 2026\" at "
        "/orderedItems/1/object/published (outbox.json:7)");
  CHECK(error_of("outbox.json",
                 head + note + actor +
                     R"("object": {"id": "https://h.example/users/me/statuses/2", "published":
  "2026-03-02T07:10:00Z", "content": ["x"]}}]})") ==
        "\"content\" must be a string, not an array at /orderedItems/1/object/content "
        "(outbox.json:7)");
  CHECK(error_of("outbox.json",
                 head + note + actor +
                     R"("object": {"id": "https://h.example/users/me/statuses/2", "published":
  "2026-03-02T07:10:00Z", "tag": {"type": "Hashtag"}}}]})") ==
        "\"tag\" must be an array, not an object at /orderedItems/1/object/tag (outbox.json:7)");
  CHECK(error_of("outbox.json", head + note + actor + R"("obj)") ==
        "malformed JSON: unterminated string (outbox.json:6:63)");
  CHECK(error_of("outbox.json", head + note + R"("https://h.example/users/me/statuses/9"]})") ==
        "\"orderedItems\" must be an object, not a string at /orderedItems/1 (outbox.json:6)");
  CHECK(error_of("actor.json", R"({"@context": "https://www.w3.org/ns/activitystreams",
    "type": "Person", "id": "https://h.example/users/me", "preferredUsername": 5})") ==
        "\"preferredUsername\" must be a string, not a number at /preferredUsername "
        "(actor.json:2)");
}
