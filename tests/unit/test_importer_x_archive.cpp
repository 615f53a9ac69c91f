// The X archive importer (src/importers/x_archive.cpp) on tests/fixtures/importers/x-archive:
// the data/ folder of @quillandkiln (12 tweets, account, followers, manifest, likes), the same
// folder as a zip, and x-archive-2020, the old layout (tweet.js).
#include <algorithm>

#include <catch2/catch.hpp>

#include "archive_writer.hpp"
#include "importer_fixtures.hpp"

using ror::Dataset;
using ror::MetricId;
using ror::PostKind;
using ror::PostMetric;
using ror::Unknown;
using ror::test::at;
using ror::test::count_kind;
using ror::test::error_of;
using ror::test::load_fixture;
using ror::test::post_of;
using ror::test::reply_to_of;
using ror::test::skipped;

namespace {

// The tweet ids of the fixture (data/tweets.js).
constexpr const char* kGlazeTests = "1896000000000000101";  // original, &amp;, 2 hashtags
constexpr const char* kCrackle = "1896000000000000202";     // reply to @mudlarkmaya
constexpr const char* kThread1 = "1896000000000000303";     // a self-thread of three
constexpr const char* kThread2 = "1896000000000000304";
constexpr const char* kThread3 = "1896000000000000305";
constexpr const char* kCone6 = "1896000000000000406";     // reply to @kilnwright ...
constexpr const char* kSchedule = "1896000000000000407";  // ... continued by the account
constexpr const char* kMugsOld = "1896000000000000610";   // edited: the first version
constexpr const char* kMugsNew = "1896000000000000611";   // edited: the last version
constexpr const char* kTeapot = "1896000000000000712";    // reply by user id only, +0200

constexpr const char* kReposts = "reposts (retweets), not the account's writing";
constexpr const char* kEdited = "earlier versions of edited tweets";
constexpr const char* kNoTweets = "X archive files without tweets";

// The checks every reading of the fixture (folder or zip) must pass.
void check_quillandkiln(const Dataset& d) {
  CHECK(d.account.id == "1290000000000000042");
  CHECK(d.account.handle == "quillandkiln");
  CHECK(d.account.platform == "x");
  CHECK(d.account.followers == 3);  // follower.js has three entries
  CHECK(d.account.names ==
        std::vector<std::string>{"1290000000000000042", "quill & kiln studio", "quillandkiln"});
  CHECK_FALSE(d.account.inferred);

  CHECK(d.input.posts_read == 9);
  CHECK(d.posts.size() == 9);
  CHECK(count_kind(d, PostKind::original) == 5);
  CHECK(count_kind(d, PostKind::outreach) == 4);
  CHECK(d.input.foreign_posts == 0);
  CHECK(d.comments.empty());
  CHECK(d.input.statuses_placed == 0);
  CHECK(d.input.warnings.total() == 0);
  CHECK(skipped(d, kReposts) == 2);
  CHECK(skipped(d, kEdited) == 1);
  CHECK(skipped(d, kNoTweets) == 1);  // like.js

  // Ids stay text: they pass 2^53.
  CHECK(ror::test::has_post(d, kGlazeTests));
  CHECK_FALSE(ror::test::has_post(d, kMugsOld));
  CHECK(ror::test::has_post(d, kMugsNew));

  const ror::Post& glaze = post_of(d, kGlazeTests);
  CHECK(glaze.kind == PostKind::original);
  CHECK(glaze.created_at == at("2026-03-02T09:15:00Z"));
  CHECK(glaze.get(PostMetric::likes) == 14);
  CHECK(glaze.get(PostMetric::shares) == 3);
  CHECK(glaze.known == ((1U << 3) | (1U << 4)));  // likes and shares only
  CHECK(glaze.hashtags == 2);
  CHECK(glaze.mentions == 1);
  CHECK(glaze.words == 22);  // "&amp;" is one word, "&"
  CHECK_FALSE(glaze.comments_known);

  CHECK(post_of(d, kCrackle).kind == PostKind::outreach);
  CHECK(reply_to_of(d, kCrackle) == "mudlarkmaya");
  for (const char* id : {kThread1, kThread2, kThread3}) {
    CHECK(post_of(d, id).kind == PostKind::original);
  }
  // A self-thread continuing an outreach reply is outreach to the same person.
  CHECK(post_of(d, kCone6).kind == PostKind::outreach);
  CHECK(post_of(d, kSchedule).kind == PostKind::outreach);
  CHECK(reply_to_of(d, kSchedule) == "kilnwright");
  // in_reply_to_screen_name absent: in_reply_to_user_id_str names whom it answers.
  CHECK(post_of(d, kTeapot).kind == PostKind::outreach);
  CHECK(reply_to_of(d, kTeapot) == "600400");
  CHECK(post_of(d, kTeapot).created_at == at("2026-03-08T17:30:00Z"));  // +0200
  CHECK(post_of(d, kMugsNew).get(PostMetric::likes) == 21);
}

}  // namespace

TEST_CASE("x-archive: the data folder of an archive", "[importer][x-archive]") {
  const Dataset d = load_fixture({"x-archive"});
  check_quillandkiln(d);
  CHECK(d.input.files.size() == 4);  // account, follower, manifest, tweets
  CHECK(d.input.formats == std::vector<std::string>(4, "x-archive"));
}

TEST_CASE("x-archive: the same archive zipped", "[importer][x-archive]") {
  SECTION("the committed zip") {
    const Dataset d = load_fixture({"x-archive.zip"});
    check_quillandkiln(d);
    CHECK(d.input.files.size() == 4);
    // zip -r stores data/ itself: not counted, so the zip and its folder give the same figures
    // (in the order each reason came: the zip's members are in the order zip wrote them)
    auto in_zip = d.input.skipped.counts;
    auto in_folder = load_fixture({"x-archive"}).input.skipped.counts;
    std::sort(in_zip.begin(), in_zip.end());
    std::sort(in_folder.begin(), in_folder.end());
    CHECK(in_zip == in_folder);
    CHECK(in_zip.size() == 3);
  }
  SECTION("a zip written here, without directory entries") {
    std::vector<ror::test::Entry> entries;
    for (const char* name : {"tweets.js", "account.js", "follower.js", "manifest.js", "like.js"}) {
      entries.emplace_back(std::string("data/") + name,
                           ror::test::read_file(ror::test::fixture_path("x-archive/data/") + name));
    }
    const ror::test::TempDir dir;
    ror::test::write_file(dir / "archive.zip",
                          ror::test::archive_bytes("zip", ror::test::Filter::none, entries));
    const Dataset d = ror::load_files({dir / "archive.zip"}, {});
    check_quillandkiln(d);
    CHECK(d.input.files.front() == dir / "archive.zip" + ":data/tweets.js");
  }
}

TEST_CASE("x-archive: what an archive cannot know stays unknown", "[importer][x-archive]") {
  const ror::MetricValues m = ror::compute_metrics(load_fixture({"x-archive"}), {});
  CHECK(m[MetricId::posts] == 9);
  CHECK(m[MetricId::followers] == 3);
  CHECK(m[MetricId::likes] == 90);
  CHECK(m[MetricId::shares] == 18);
  CHECK(m[MetricId::engagements] == 108);
  CHECK(m[MetricId::engagement_rate_followers] == Approx(108.0 / (9 * 3)));
  CHECK(m[MetricId::outreach_replies] == 4);
  CHECK(m[MetricId::outreach_people] == 3);  // mudlarkmaya, kilnwright, 600400
  // The three tweets of 4 March within 2.5 minutes are one self-thread, not a burst.
  CHECK(m[MetricId::burst_post_rate] == 0);
  for (const MetricId id : {MetricId::impressions, MetricId::clicks, MetricId::replies}) {
    CHECK(m.why_unknown(id) == Unknown::not_carried);
  }
  for (const MetricId id : {MetricId::comments, MetricId::audience_comments,
                            MetricId::conversation_rate, MetricId::response_rate}) {
    CHECK(m.why_unknown(id) == Unknown::no_comments);
  }
  CHECK(ror::unknown_reason(MetricId::comments, m.why_unknown(MetricId::comments)) ==
        "the export holds no comments written by other people");
}

TEST_CASE("x-archive: tweet.js of archives before 2022", "[importer][x-archive]") {
  const Dataset d = load_fixture({"x-archive-2020"});
  CHECK(d.input.formats == std::vector<std::string>(2, "x-archive"));
  CHECK(d.account.handle == "lowtideknits");
  CHECK(d.posts.size() == 2);
  CHECK(count_kind(d, PostKind::original) == 2);  // a post and its self-reply
  CHECK(skipped(d, kReposts) == 1);
  CHECK_FALSE(d.account.followers.has_value());  // no follower.js
  const ror::MetricValues m = ror::compute_metrics(d, {});
  CHECK(m.why_unknown(MetricId::followers) == Unknown::not_carried);
  CHECK(m[MetricId::likes] == 29);
}

TEST_CASE("x-archive: a split tweets file, and a byte order mark", "[importer][x-archive]") {
  const std::string tweet = R"({"tweet": {"id_str": "%", "created_at":
    "Fri Mar 06 13:02:05 +0000 2026", "full_text": "part %"}})";
  const auto entry = [&](const std::string& id) {
    std::string t = tweet;
    for (std::size_t at = t.find('%'); at != std::string::npos; at = t.find('%')) {
      t.replace(at, 1, id);
    }
    return t;
  };
  const Dataset d = ror::load_buffers(
      {ror::NamedInput{"account.js",
                       "window.YTD.account.part0 = [{\"account\": "
                       "{\"accountId\": \"9\", \"username\": \"me\"}}]"},
       ror::NamedInput{"tweets.js", "\xef\xbb\xbfwindow.YTD.tweets.part0 = [" + entry("1") + "]"},
       ror::NamedInput{"tweets-part1.js",
                       "window.YTD.tweets.part1 = [" + entry("2") + ", " + entry("3") + "]"}},
      {});
  CHECK(d.input.formats == std::vector<std::string>(3, "x-archive"));
  CHECK(d.posts.size() == 3);
  CHECK(d.account.handle == "me");
}

TEST_CASE("x-archive: tweets.js on its own names no account", "[importer][x-archive]") {
  // docs/format.md, "Who is the account": "If no post has an author either, every post is the
  // account's"; "Threads": an X archive "gives original posts and self-threads, and outreach
  // replies". Today the account's self-replies become comments without an author (and scoring
  // them crashes: `ror score data/tweets.js` ends with SIGSEGV in compute_ror).
  const Dataset d = load_fixture({"x-archive/data/tweets.js"});
  CHECK(d.posts.size() == 9);
  CHECK(d.input.statuses_placed == 0);
  CHECK(d.comments.empty());
  for (const ror::Comment& c : d.comments) {
    CHECK(c.author != ror::kNone);
  }
}

TEST_CASE("x-archive: malformed archive files are one-line errors", "[importer][x-archive]") {
  const std::string head = "window.YTD.tweets.part0 = [\n";
  const std::string good =
      R"(  {"tweet": {"id_str": "1", "created_at": "Fri Mar 06 13:02:05 +0000 2026"}},)"
      "\n";
  CHECK(error_of("tweets.js",
                 head + good + R"(  {"tweet": {"id_str": "2", "created_at": "2026-03-06"}}])") ==
        "\"created_at\" is not a date-time like \"Fri Mar 06 13:02:05 +0000 2026\": "
        "\"2026-03-06\" at /1/tweet/created_at (tweets.js:3)");
  CHECK(
      error_of("tweets.js",
               head + good + R"(  {"tweet": {"created_at": "Fri Mar 06 13:02:05 +0000 2026"}}])") ==
      "missing required field \"id_str\" at /1/tweet/id_str (tweets.js:3)");
  CHECK(error_of("tweets.js", head + R"(  {"tweet": {"id_str": "1", "created_at":
    "Fri Mar 06 13:02:05 +0000 2026", "favorite_count": "many"}}])") ==
        "\"favorite_count\" must be a non-negative integer, not \"many\" at "
        "/0/tweet/favorite_count (tweets.js:3)");
  CHECK(error_of("tweets.js", head + R"(  {"tweet": {"id_str": "1", "created_at":
    "Fri Mar 06 13:02:05 +0000 2026", "entities": []}}])") ==
        "\"entities\" must be an object, not an array at /0/tweet/entities (tweets.js:3)");
  CHECK(error_of("tweets.js", head + good + R"(  {"tweet": {"id_str": "2", "crea)") ==
        "malformed JSON: unterminated string (tweets.js:3:34)");
  CHECK(error_of("tweets.js", head + R"(  {"tweet": "1"}])") ==
        "\"tweet\" must be an object, not a string at /0/tweet (tweets.js:2)");
  CHECK(error_of("tweets.js", head + R"(  {"like": {"tweetId": "1"}}])") ==
        "an X archive entry must hold a \"tweet\" object at /0 (tweets.js:2)");
  CHECK(error_of("account.js",
                 "window.YTD.account.part0 = [\n"
                 R"(  {"account": {"accountId": "1", "username": 5}}])") ==
        "\"username\" must be a string, not a number at /0/account/username (account.js:2)");
}

TEST_CASE("x-archive: a script no importer takes names the importers tried",
          "[importer][x-archive]") {
  // docs/format.md, "Paths": "A file named on the command line that no importer recognises is an
  // error that names the importers tried". Today a whole script whose value no importer takes is
  // reported as malformed JSON at its first byte, the `window.YTD` prefix.
  CHECK(error_of("tweets.js", "window.YTD.tweets.part0 = {}") ==
        "tweets.js: no importer recognises this input (a JSON object)" +
            ror::test::tried_importers());
}
