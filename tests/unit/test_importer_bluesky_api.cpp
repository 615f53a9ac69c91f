// The Bluesky XRPC importer (src/importers/bluesky_api.cpp) on
// tests/fixtures/importers/bluesky-api: fernbrook's getAuthorFeed page (posts, replies, a repost,
// a self-reply, a reply to a deleted post), the getPostThread of its first post, getProfiles
// and getProfile.
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

constexpr const char* kFern = "fernbrook.bsky.social";
constexpr const char* kFernDid = "did:plc:fernbrk7q2xw4mzd3hjv5lta";
// Posts of the fixtures, by their at:// URIs.
constexpr const char* kCafe =
    "at://did:plc:fernbrk7q2xw4mzd3hjv5lta/app.bsky.feed.post/3mfbk1aaaaa2a";
constexpr const char* kSacks =
    "at://did:plc:fernbrk7q2xw4mzd3hjv5lta/app.bsky.feed.post/3mfbk3eeeee2e";
constexpr const char* kEclairs =
    "at://did:plc:fernbrk7q2xw4mzd3hjv5lta/app.bsky.feed.post/3mfbk4fffff2f";
constexpr const char* kProof =
    "at://did:plc:fernbrk7q2xw4mzd3hjv5lta/app.bsky.feed.post/3mfbk5ggggg2g";
constexpr const char* kClosed =
    "at://did:plc:fernbrk7q2xw4mzd3hjv5lta/app.bsky.feed.post/3mfbk6hhhhh2h";

constexpr const char* kReposts = "reposts, not the account's writing";
constexpr const char* kContext = "posts shown as a reply's context (its root and parent)";
constexpr const char* kMissing = "posts a response shows as not found or blocked";

// The importer detection chooses for a text, and how sure it is.
ror::ingest::Choice choice_of(const std::string& name, const std::string& text) {
  const ror::ingest::Sniff s = ror::ingest::sniff(name, text, true);
  return ror::ingest::choose_importer(s, nullptr);
}

}  // namespace

TEST_CASE("bluesky-api: an author feed", "[importer][bluesky-api]") {
  ror::LoadOptions options;
  options.keep_details = true;
  const Dataset d = load_fixture({"bluesky-api/author-feed.json"}, options);
  CHECK(d.input.formats == std::vector<std::string>{"bluesky-api"});
  CHECK(d.account.handle == kFern);  // the feed's actor, the first item's author
  CHECK(d.account.inferred);
  CHECK(d.account.id == kFernDid);  // from its profile in the posts
  CHECK_FALSE(d.account.followers.has_value());
  CHECK(d.input.posts_read == 5);
  CHECK(skipped(d, kReposts) == 1);
  CHECK(skipped(d, kContext) == 4);  // root and parent of two replies
  CHECK(skipped(d, kMissing) == 2);  // root and parent of the reply to a deleted post
  CHECK(count_kind(d, PostKind::original) == 3);
  CHECK(count_kind(d, PostKind::outreach) == 2);
  CHECK(reply_to_of(d, kSacks) == "miller.bsky.social");  // the parent's author, from the context
  CHECK(reply_to_of(d, kProof) == "did:plc:gonex2m4kq7wz9vjd3ptcnab");  // only its URI says
  CHECK(post_of(d, kEclairs).kind == PostKind::original);               // answering its own post
  const ror::Post& cafe = post_of(d, kCafe);
  CHECK(cafe.created_at == at("2026-03-02T07:10:00Z"));
  CHECK(cafe.get(PostMetric::likes) == 12);
  CHECK(cafe.get(PostMetric::shares) == 3);
  CHECK(cafe.get(PostMetric::replies) == 5);
  CHECK(cafe.get(PostMetric::quotes) == 1);
  CHECK_FALSE(cafe.has(PostMetric::impressions));
  CHECK_FALSE(cafe.has(PostMetric::bookmarks));
  CHECK_FALSE(cafe.comments_known);
  // The facets, by UTF-8 byte offsets: "Café ☕" before them takes 4 bytes more than code points.
  CHECK(cafe.hashtags == 2);
  CHECK(cafe.mentions == 1);
  const ror::PostDetails& details = d.details->posts[ror::test::index_of(d, kCafe)];
  CHECK(details.hashtags_listed);
  CHECK(details.mentions == "miller.bsky.social");
  CHECK(post_of(d, kClosed).hashtags == 0);  // "#notafacet" is text, not a facet
  CHECK(ror::test::text_of(d, kClosed) == "Closed on Monday for the #notafacet oven repair.");
  CHECK(d.details->posts[ror::test::index_of(d, kClosed)].url ==
        "https://bsky.app/profile/fernbrook.bsky.social/post/3mfbk6hhhhh2h");
  const ror::MetricValues m = ror::compute_metrics(d, {});
  CHECK(m[MetricId::likes] == 22);
  CHECK(m[MetricId::replies] == 5);
  CHECK(m[MetricId::outreach_people] == 2);
  CHECK(m.why_unknown(MetricId::comments) == Unknown::no_comments);  // a feed holds no replies
  CHECK(m.why_unknown(MetricId::impressions) == Unknown::not_carried);
}

TEST_CASE("bluesky-api: a thread's replies are comments of its first post",
          "[importer][bluesky-api]") {
  ror::LoadOptions options;
  options.keep_details = true;
  const Dataset d = load_fixture({"bluesky-api/thread.json"}, options);
  CHECK(d.input.posts_read == 5);
  CHECK(d.account.handle == kFern);  // the most frequent author: 3 of 5
  CHECK(d.account.inferred);
  CHECK(skipped(d, kMissing) == 2);  // a blocked and a not-found reply
  CHECK(d.input.statuses_placed == 3);
  CHECK(d.posts.size() == 2);  // the post and its self-reply
  CHECK(post_of(d, kEclairs).kind == PostKind::original);
  const ror::Post& cafe = post_of(d, kCafe);
  CHECK(cafe.comments_known);
  CHECK(cafe.get(PostMetric::replies) == 5);  // the platform's count, beside the 3 present
  const auto comments = comments_of(d, kCafe);
  REQUIRE(comments.size() == 3);
  CHECK(comments[0].author == "miller.bsky.social");
  CHECK(comments[0].parent == ror::kNone);
  CHECK(comments[1].author == kFern);
  CHECK(comments[1].parent == 0);
  CHECK(comments[2].author == "miller.bsky.social");
  CHECK(comments[2].parent == 1);
  CHECK(comments[2].id == "at://did:plc:millr3kq8zv2wn5xptc4yhbe/app.bsky.feed.post/3mfbm3lllll2l");
  const ror::MetricValues m = ror::compute_metrics(d, {});
  CHECK(m[MetricId::comments] == 3);
  CHECK(m[MetricId::audience_comments] == 2);
  CHECK(m[MetricId::response_rate] == Approx(1.0 / 2));
  CHECK(m[MetricId::response_time_median] == 25 * 60);
}

TEST_CASE("bluesky-api: the whole folder is one dataset", "[importer][bluesky-api]") {
  const Dataset d = load_fixture({"bluesky-api"});
  CHECK(d.input.files.size() == 4);
  CHECK_FALSE(d.account.inferred);  // profile.json (getProfile) names it
  CHECK(d.account.handle == kFern);
  CHECK(d.account.id == kFernDid);
  CHECK(d.account.followers == 230);
  CHECK(d.input.posts_read == 10);
  CHECK(d.input.posts_merged == 2);  // the first post and its self-reply, in feed and thread
  CHECK(d.input.statuses_placed == 3);
  CHECK(d.posts.size() == 5);
  CHECK(count_kind(d, PostKind::original) == 3);
  CHECK(count_kind(d, PostKind::outreach) == 2);
  CHECK(skipped(d, kReposts) == 1);
  CHECK(skipped(d, kContext) == 4);
  CHECK(skipped(d, kMissing) == 4);
  const ror::Post& cafe = post_of(d, kCafe);
  CHECK(cafe.comment_count == 3);
  CHECK(cafe.comments_known);
  // The feed's posts that count no replies have none, now that a thread gave some: 0 measured.
  CHECK(post_of(d, kClosed).comments_known);
  const ror::MetricValues m = ror::compute_metrics(d, {});
  CHECK(m[MetricId::posts] == 5);
  CHECK(m[MetricId::followers] == 230);
  CHECK(m[MetricId::comments] == 3);
  CHECK(m[MetricId::audience_comments] == 2);
  CHECK(m[MetricId::conversation_rate] == Approx(2.0 / 5));  // audience comments / posts
}

TEST_CASE("bluesky-api: getProfiles gives the account's followers", "[importer][bluesky-api]") {
  const Dataset d = load_fixture({"bluesky-api/profiles.json", "bluesky-api/author-feed.json"});
  CHECK(d.account.inferred);
  CHECK(d.account.followers == 230);  // fernbrook's profile, not miller's (95)
  ror::LoadOptions as_miller;
  as_miller.accounts = {"miller.bsky.social"};
  const Dataset m =
      load_fixture({"bluesky-api/profiles.json", "bluesky-api/thread.json"}, as_miller);
  CHECK(m.account.followers == 95);
  CHECK(m.input.foreign_posts == 3);              // fernbrook's post, self-reply and answer
  CHECK(count_kind(m, PostKind::outreach) == 2);  // miller's replies in fernbrook's thread
}

TEST_CASE("bluesky-api: detection and --from", "[importer][bluesky-api]") {
  const auto read = fixture_text;
  for (const char* file : {"bluesky-api/author-feed.json", "bluesky-api/thread.json",
                           "bluesky-api/profiles.json", "bluesky-api/profile.json"}) {
    INFO(file);
    const ror::ingest::Choice c = choice_of(file, read(file));
    REQUIRE(c.importer != nullptr);
    CHECK(c.importer->name == "bluesky-api");
    CHECK(c.detection.confidence >= 90);
  }
  const ror::ingest::Importer* bluesky = ror::ingest::find_importer("bluesky-api");
  REQUIRE(bluesky != nullptr);
  // Other formats' files, and look-alikes, are not its own.
  for (const char* file :
       {"mastodon-api/statuses.json", "mastodon-api/context.json", "mastodon-api/account.json",
        "x-api/v2-body.json", "hn-algolia/item-9200001.json", "hn-firebase/item/9100001.json"}) {
    INFO(file);
    CHECK(bluesky->detect(ror::ingest::sniff(file, read(file), true)).confidence == 0);
  }
  CHECK(bluesky->detect(ror::ingest::sniff("f.json", R"({"feed": [{"post": {"uri": "x"}}]})", true))
            .confidence == 0);
  // A feed's last page holds no item: alone it is an empty input, with a member no feed page
  // has it is nobody's.
  CHECK(error_of("feed.json", R"({"feed": [], "cursor": "3l2k"})") ==
        "empty input: no posts in feed.json");
  CHECK(error_of("feed.json", R"({"feed": [], "next": 2})").find("no importer recognises") !=
        std::string::npos);
  ror::LoadOptions forced;
  forced.from = "bluesky-api";
  CHECK(load_fixture({"bluesky-api/thread.json"}, forced).input.posts_read == 5);
  ror::LoadOptions wrong;
  wrong.from = "mastodon-api";
  CHECK(error_of("feed.json", read("bluesky-api/author-feed.json"), wrong) ==
        "feed.json does not look like mastodon-api input (a JSON object); see ror formats");
}

TEST_CASE("bluesky-api: malformed responses are one-line errors", "[importer][bluesky-api]") {
  const std::string post =
      R"({"uri": "at://did:plc:a/app.bsky.feed.post/1", "author": {"did": "did:plc:a",
 "handle": "a.example"}, "record": {"text": "hi", "createdAt": "2026-03-02T07:10:00Z"}})";
  const auto feed = [&](const std::string& second) {
    return "{\"feed\": [{\"post\": " + post + "},\n" + second + "]}";
  };
  CHECK(error_of("feed.json", feed(R"({"reason": {}})")) ==
        "a feed item needs a \"post\" at /feed/1 (feed.json:3)");
  CHECK(error_of("feed.json", feed(R"({"post": {"uri": "at://did:plc:a/app.bsky.feed.post/2",
 "record": {"createdAt": "soon"}}})")) ==
        "\"createdAt\" is not an RFC 3339 date-time: \"soon\" at /feed/1/post/record/createdAt "
        "(feed.json:4)");
  CHECK(error_of("feed.json", feed(R"({"post": {"uri": "at://did:plc:a/app.bsky.feed.post/2",
 "record": {"text": "x"}}})")) ==
        "a post needs \"record.createdAt\" at /feed/1/post (feed.json:4)");
  CHECK(error_of("feed.json", feed(R"({"post": {"uri": "at://did:plc:a/app.bsky.feed.post/2",
 "likeCount": -1, "record": {"createdAt": "2026-03-02T07:10:00Z"}}})")) ==
        "\"likeCount\" must be a non-negative integer at /feed/1/post/likeCount (feed.json:4)");
  CHECK(error_of("feed.json", feed(R"({"post": {"uri": "at://did:plc:a/app.bsky.feed.post/2",
 "record": {"createdAt": "2026-03-02T07:10:00Z", "facets": [{"index": {"byteStart": "0"}}]}}})")) ==
        "\"byteStart\" must be a non-negative integer, not a string at "
        "/feed/1/post/record/facets/0/index/byteStart (feed.json:4)");
  CHECK(error_of("feed.json", feed(R"({"post": )")).starts_with("malformed JSON"));
  CHECK(error_of("thread.json", "{\"thread\": {\"post\": " + post + ",\n\"replies\": [\"x\"]}}") ==
        "a thread node must be an object, not a string at /thread/replies/0 (thread.json:3)");
  CHECK(error_of("profiles.json", R"({"profiles": [{"did": "did:plc:a", "handle": "a.example",
 "followersCount": "many"}]})") ==
        "\"followersCount\" must be a non-negative integer, not a string at "
        "/profiles/0/followersCount (profiles.json:2)");
}

TEST_CASE("bluesky-api: the account's own answers in a feed do not make comments known",
          "[importer][bluesky-api]") {
  // A feed holds the actor's posts only: its answer under its own post, to a reply that is not
  // in the feed, is placed as a comment (an answer), yet other people's replies stay unknown.
  const std::string feed = R"({"feed": [
  {"post": {"uri": "at://did:plc:me/app.bsky.feed.post/1", "author": {"did": "did:plc:me",
   "handle": "me.example"}, "record": {"text": "a post", "createdAt": "2026-03-02T07:00:00Z"},
   "replyCount": 1}},
  {"post": {"uri": "at://did:plc:me/app.bsky.feed.post/3", "author": {"did": "did:plc:me",
   "handle": "me.example"}, "record": {"text": "thanks", "createdAt": "2026-03-02T08:00:00Z",
   "reply": {"root": {"uri": "at://did:plc:me/app.bsky.feed.post/1"},
             "parent": {"uri": "at://did:plc:you/app.bsky.feed.post/2"}}}, "replyCount": 0},
   "reply": {"root": {"$type": "app.bsky.feed.defs#postView"},
             "parent": {"$type": "app.bsky.feed.defs#postView",
                        "author": {"did": "did:plc:you", "handle": "you.example"}}}},
  {"post": {"uri": "at://did:plc:me/app.bsky.feed.post/4", "author": {"did": "did:plc:me",
   "handle": "me.example"}, "record": {"text": "another", "createdAt": "2026-03-03T07:00:00Z"},
   "replyCount": 0}}]})";
  const Dataset d = ror::test::load_text(feed, {}, "feed.json");
  CHECK(d.input.statuses_placed == 1);
  const ror::Post& root = post_of(d, "at://did:plc:me/app.bsky.feed.post/1");
  CHECK(root.comment_count == 1);
  CHECK_FALSE(root.comments_known);
  CHECK_FALSE(post_of(d, "at://did:plc:me/app.bsky.feed.post/4").comments_known);  // 0 counted
  const ror::MetricValues m = ror::compute_metrics(d, {});
  CHECK(m.why_unknown(MetricId::conversation_rate) == Unknown::no_comments);
}

namespace {

// A post view of `did`, shown with `handle`, written at `created` and indexed at `indexed`
// ("" leaves either out), answering `parent` when one is given (in the conversation of it).
std::string post_view(const std::string& did, const std::string& rkey, const std::string& handle,
                      const std::string& created, const std::string& indexed = "",
                      const std::string& parent = "") {
  std::string out = "{\"uri\": \"at://" + did + "/app.bsky.feed.post/" + rkey +
                    "\", \"author\": {\"did\": \"" + did + "\", \"handle\": \"" + handle +
                    "\"}, \"record\": {\"text\": \"post " + rkey + "\"";
  if (!created.empty()) {
    out += ", \"createdAt\": \"" + created + "\"";
  }
  if (!parent.empty()) {
    out += ", \"reply\": {\"root\": {\"uri\": \"" + parent + "\"}, \"parent\": {\"uri\": \"" +
           parent + "\"}}";
  }
  out += "}, \"likeCount\": 1";
  if (!indexed.empty()) {
    out += ", \"indexedAt\": \"" + indexed + "\"";
  }
  return out + "}";
}

constexpr const char* kMe = "did:plc:me";
constexpr const char* kMyPost = "at://did:plc:me/app.bsky.feed.post/1";

}  // namespace

TEST_CASE("bluesky-api: an author shown as handle.invalid is known by their DID",
          "[importer][bluesky-api]") {
  // The AppView shows "handle.invalid" for every handle it cannot verify: two people who both
  // show it are two commenters, not one, and none of them is the account.
  const std::string thread =
      "{\"thread\": {\"post\": " + post_view(kMe, "1", "alice.example", "2026-03-02T07:00:00Z") +
      ", \"replies\": [{\"post\": " +
      post_view("did:plc:one", "2", "handle.invalid", "2026-03-02T08:00:00Z", "", kMyPost) +
      "}, {\"post\": " +
      post_view("did:plc:two", "3", "handle.invalid", "2026-03-02T09:00:00Z", "", kMyPost) + "}]}}";
  ror::LoadOptions as_alice;
  as_alice.accounts = {"alice.example"};
  as_alice.keep_details = true;
  const Dataset d = ror::test::load_text(thread, as_alice, "thread.json");
  const auto comments = comments_of(d, kMyPost);
  REQUIRE(comments.size() == 2);
  CHECK(comments[0].author == "did:plc:one");
  CHECK(comments[1].author == "did:plc:two");
  // Named by nobody, the account is the one author with a handle, not "handle.invalid" twice.
  const Dataset guessed = ror::test::load_text(thread, {}, "thread.json");
  CHECK(guessed.account.names == std::vector<std::string>{"alice.example", kMe});
  CHECK(comments_of(guessed, kMyPost).size() == 2);
}

TEST_CASE("bluesky-api: an account shown as handle.invalid is matched by its DID",
          "[importer][bluesky-api]") {
  // Its feed names it by DID, and a stranger who shows handle.invalid too is someone else
  // commenting, not the account answering.
  const std::string feed =
      "{\"feed\": [{\"post\": " + post_view(kMe, "1", "handle.invalid", "2026-03-02T07:00:00Z") +
      "}]}";
  const std::string stranger =
      "{\"thread\": {\"post\": " + post_view(kMe, "1", "handle.invalid", "2026-03-02T07:00:00Z") +
      ", \"replies\": [{\"post\": " +
      post_view("did:plc:stranger", "2", "handle.invalid", "2026-03-02T08:00:00Z", "", kMyPost) +
      "}]}}";
  ror::LoadOptions details;
  details.keep_details = true;
  const Dataset both = ror::load_buffers(
      {ror::NamedInput{"feed.json", feed}, ror::NamedInput{"thread.json", stranger}}, details);
  CHECK(both.account.id == kMe);
  CHECK(both.account.handle == kMe);
  CHECK(both.account.names == std::vector<std::string>{kMe});
  CHECK(both.posts.size() == 1);
  CHECK(count_kind(both, PostKind::outreach) == 0);
  const auto theirs = comments_of(both, kMyPost);
  REQUIRE(theirs.size() == 1);
  CHECK(theirs[0].author == "did:plc:stranger");
  // Its link names the DID, which bsky.app takes in place of a handle.
  CHECK(both.details->posts[ror::test::index_of(both, kMyPost)].url ==
        "https://bsky.app/profile/did:plc:me/post/1");
  const ror::MetricValues m = ror::compute_metrics(both, {});
  CHECK(m[MetricId::audience_comments] == 1);

  // A profile shown as handle.invalid names the person by DID: getProfile the account, and
  // getProfiles the account's followers.
  const std::string profile =
      R"({"did": "did:plc:me", "handle": "handle.invalid", "followersCount": 7})";
  const Dataset owner = ror::load_buffers(
      {ror::NamedInput{"profile.json", profile}, ror::NamedInput{"thread.json", stranger}}, {});
  CHECK_FALSE(owner.account.inferred);
  CHECK(owner.account.handle == kMe);
  CHECK(owner.account.followers == 7);
  CHECK(owner.posts.size() == 1);
  CHECK(comments_of(owner, kMyPost).size() == 1);
  const Dataset profiles = ror::load_buffers(
      {ror::NamedInput{"profiles.json", R"({"profiles": [{"did": "did:plc:stranger",
 "handle": "handle.invalid", "followersCount": 9}, )" +
                                            profile + "]}"},
       ror::NamedInput{"feed.json", feed}, ror::NamedInput{"thread.json", stranger}},
      {});
  CHECK(profiles.account.followers == 7);
}

TEST_CASE("bluesky-api: a pinned post is scored once", "[importer][bluesky-api]") {
  constexpr const char* kPinned = "pinned copies of posts (the post comes again in the feed)";
  const std::string pin =
      "{\"post\": " + post_view(kMe, "1", "me.example", "2026-03-01T07:00:00Z") +
      ", \"reason\": {\"$type\": \"app.bsky.feed.defs#reasonPin\"}}";
  const std::string again =
      "{\"post\": " + post_view(kMe, "1", "me.example", "2026-03-01T07:00:00Z") + "}";
  const std::string other =
      "{\"post\": " + post_view(kMe, "2", "me.example", "2026-03-02T07:00:00Z") + "}";
  // bsky.app's first page: the pinned post first, and again in its place.
  const std::string feed = "{\"feed\": [" + pin + ",\n" + other + ",\n" + again + "]}";
  for (const std::size_t block : {std::size_t{0}, std::size_t{64}}) {
    INFO(block);
    ror::LoadOptions options;
    options.block_bytes = block;  // (64: every item a block of its own)
    const Dataset d = ror::test::load_text(feed, options, "feed.json");
    CHECK(d.input.warnings.total() == 0);  // nothing for --strict to refuse
    CHECK(d.input.posts_read == 2);
    CHECK(skipped(d, kPinned) == 1);
    CHECK(d.posts.size() == 2);
    CHECK(post_of(d, kMyPost).get(PostMetric::likes) == 1);
    CHECK(d.account.handle == "me.example");  // the pinned copy's author: the feed's actor
  }
  // A pin older than the pages fetched comes only once: it is still the account's post.
  const Dataset once =
      ror::test::load_text("{\"feed\": [" + pin + ",\n" + other + "]}", {}, "feed.json");
  CHECK(once.input.warnings.total() == 0);
  CHECK(once.input.posts_read == 2);
  CHECK(skipped(once, kPinned) == 0);
  CHECK(ror::test::has_post(once, kMyPost));
}

TEST_CASE("bluesky-api: a createdAt that is not RFC 3339 is placed by indexedAt",
          "[importer][bluesky-api]") {
  constexpr const char* kIndexed =
      "createdAt times that are not RFC 3339 (the post placed by its indexedAt)";
  const auto feed = [](const std::string& created, const std::string& indexed) {
    return "{\"feed\": [{\"post\": " +
           post_view(kMe, "2", "me.example", "2026-03-02T07:00:00Z", "2026-03-02T07:00:01Z") +
           "},\n{\"post\": " + post_view(kMe, "1", "me.example", created, indexed) + "}]}";
  };
  // Older records: no zone, or an offset without its colon.
  for (const char* created : {"2025-01-02T10:00:00", "2025-01-02T10:00:00.000+0000"}) {
    INFO(created);
    const Dataset d =
        ror::test::load_text(feed(created, "2025-01-02T10:00:03.250Z"), {}, "feed.json");
    CHECK(post_of(d, kMyPost).created_at == at("2025-01-02T10:00:03.250Z"));
    CHECK(skipped(d, kIndexed) == 1);
    CHECK(d.input.warnings.total() == 0);
    CHECK(d.input.posts_read == 2);
  }
  // With no readable indexedAt, the createdAt is the error it was.
  for (const char* indexed : {"", "2025-01-02T10:00:00"}) {
    INFO(indexed);
    CHECK(error_of("feed.json", feed("2025-01-02T10:00:00", indexed)) ==
          "\"createdAt\" is not an RFC 3339 date-time: \"2025-01-02T10:00:00\" at "
          "/feed/1/post/record/createdAt (feed.json:2)");
  }
  CHECK(error_of("feed.json", feed("", "2025-01-02T10:00:03Z")) ==
        "a post needs \"record.createdAt\" at /feed/1/post (feed.json:2)");
}
