// The Instagram importer (src/importers/instagram.cpp) on tests/fixtures/importers/instagram
// (defne.kiln's "Download your information", texts mojibake as Meta writes them) and
// instagram-2021 (the older shapes of the comments and followers files).
#include <catch2/catch.hpp>

#include "importer_fixtures.hpp"
#include "ingest/records.hpp"

using ror::Dataset;
using ror::MetricId;
using ror::PostKind;
using ror::Unknown;
using ror::test::at;
using ror::test::count_kind;
using ror::test::error_of;
using ror::test::load_fixture;
using ror::test::post_of;
using ror::test::skipped;

namespace {

constexpr const char* kFirst = "media/posts/202402/4245_17990000000000001.jpg";
constexpr const char* kCarousel = "media/posts/202402/4301_17990000000000002.jpg";
constexpr const char* kBare = "media/posts/202402/4390_17990000000000005.jpg";
constexpr const char* kLikes = "likes the account gave (on others' posts)";
constexpr const char* kNoOwner = "the account's comments whose post's owner is not given";

}  // namespace

TEST_CASE("instagram: posts_1.json alone", "[importer][instagram]") {
  ror::LoadOptions options;
  options.keep_details = true;
  const Dataset d = load_fixture({"instagram/content/posts_1.json"}, options);
  CHECK(d.input.formats == std::vector<std::string>{"instagram"});
  CHECK(d.input.posts_read == 4);
  CHECK(count_kind(d, PostKind::original) == 4);
  // A one-photo post's caption is its media's title; a carousel's is the post's.
  CHECK(ror::test::text_of(d, kFirst) ==
        "F\u0131r\u0131n a\u00e7\u0131l\u0131\u015f\u0131 \u2600\ufe0f #seramik @selinkaya");
  CHECK(post_of(d, kFirst).created_at == at("2024-02-04T10:00:00Z"));
  CHECK(post_of(d, kFirst).hashtags == 1);
  CHECK(post_of(d, kFirst).mentions == 1);
  CHECK(ror::test::text_of(d, kCarousel) ==
        "\u00dc\u00e7 kase, bir hafta \U0001F3FA #seramik #\u00e7\u00f6mlek");
  CHECK(post_of(d, kCarousel).created_at == at("2024-02-06T10:00:00Z"));
  CHECK(post_of(d, kBare).words == 0);
  CHECK_FALSE(post_of(d, kBare).comments_known);
  const ror::MetricValues m = ror::compute_metrics(d, {});
  CHECK(m.why_unknown(MetricId::likes) == Unknown::not_carried);
  CHECK(m.why_unknown(MetricId::comments) == Unknown::no_comments);
}

TEST_CASE("instagram: reels and IGTV videos are posts, stories are counted",
          "[importer][instagram]") {
  const std::string reels = R"({"ig_reels_media": [
{"media": [{"uri": "media/reels/202403/900_1.mp4", "creation_timestamp": 1710000000,
  "title": "Throwing a tall cylinder \u00e2\u0098\u0095"}]},
{"media": [{"uri": "media/reels/202403/901_2.mp4", "creation_timestamp": 1710086400,
  "title": ""}]}]})";
  ror::LoadOptions options;
  options.keep_details = true;
  const Dataset d = ror::test::load_text(reels, options, "reels.json");
  CHECK(d.input.formats == std::vector<std::string>{"instagram"});
  REQUIRE(d.posts.size() == 2);
  CHECK(count_kind(d, PostKind::original) == 2);
  CHECK(post_of(d, "media/reels/202403/900_1.mp4").created_at == 1710000000000);
  CHECK(ror::test::text_of(d, "media/reels/202403/900_1.mp4") ==
        "Throwing a tall cylinder \u2615");  // (mojibake repaired)
  const std::string igtv = R"({"ig_igtv_media": [{"media": [{"uri": "media/igtv/1.mp4",
  "creation_timestamp": 1700000000, "title": "Studio tour"}]}]})";
  CHECK(ror::test::load_text(igtv, {}, "igtv_videos.json").posts.size() == 1);
  const std::string stories = R"({"ig_stories": [
{"uri": "media/stories/202403/1.jpg", "creation_timestamp": 1710000000, "title": ""},
{"uri": "media/stories/202403/2.jpg", "creation_timestamp": 1710000100, "title": ""}]})";
  const std::string message = error_of("stories.json", stories);
  CHECK(message ==
        "empty input: no posts in stories.json; passed over: 2 stories (posts seen for "
        "a day, not scored beside the account's posts)");
}

TEST_CASE("instagram: the whole export", "[importer][instagram]") {
  const Dataset d = load_fixture({"instagram"});
  CHECK(d.input.files.size() == 6);  // following.json is no file of the format
  CHECK(d.account.handle == "defne.kiln");
  CHECK_FALSE(d.account.inferred);
  CHECK(d.account.followers == 4);  // followers_1.json's entries, not following.json's
  CHECK(d.input.posts_read == 7);   // 4 posts, 3 comments on others' posts (1 on its own: skipped)
  CHECK(count_kind(d, PostKind::original) == 4);  // (its comment under its own post is none)
  CHECK(count_kind(d, PostKind::outreach) == 3);
  CHECK(d.posts.size() == 7);
  CHECK(skipped(d, kLikes) == 2);
  CHECK(skipped(d, kNoOwner) == 1);
  CHECK(skipped(d, ror::ingest::kOwnPostUnknown) == 1);
  const ror::MetricValues m = ror::compute_metrics(d, {});
  CHECK(m[MetricId::outreach_replies] == 3);
  CHECK(m[MetricId::outreach_people] == 2);  // selinkaya (twice), nikos.pap
  CHECK(m[MetricId::followers] == 4);
  CHECK(m.why_unknown(MetricId::comments) == Unknown::no_comments);
}

TEST_CASE("instagram: the older comments and followers files", "[importer][instagram]") {
  const Dataset d = load_fixture({"instagram-2021"});
  CHECK(d.input.posts_read == 2);
  CHECK(count_kind(d, PostKind::outreach) == 2);
  CHECK(d.account.followers == 2);
  CHECK(d.posts[0].created_at == at("2021-01-30T09:46:40Z"));
}

TEST_CASE("instagram: detection", "[importer][instagram]") {
  const std::string comment =
      R"([{"string_map_data": {"Comment": {"value": "hi"}, "Media Owner": {"value": "a"},
          "Time": {"timestamp": 1707040800}}}])";
  CHECK(ror::test::load_text(comment, {}, "c.json").input.formats ==
        std::vector<std::string>{"instagram"});
  CHECK(error_of("following.json", R"({"relationships_following": []})")
            .find("no importer recognises this input") != std::string::npos);
  ror::LoadOptions from;
  from.from = "instagram";
  CHECK(ror::test::load_text(comment, from, "c.json").input.posts_read == 1);
  from.from = "facebook";
  CHECK(error_of("c.json", comment, from) ==
        "c.json does not look like facebook input (a JSON array); see ror formats");
}

TEST_CASE("instagram: malformed files are one-line errors", "[importer][instagram]") {
  const std::string ok = R"({"media": [{"uri": "a.jpg", "creation_timestamp": 1707040800}]})";
  CHECK(error_of("posts_1.json", "[" + ok + ",\n{\"media\": [{\"uri\": \"b.jpg\"}]}]") ==
        "a post needs \"creation_timestamp\" (on it or on its first media) at /1 (posts_1.json:2)");
  CHECK(error_of("posts_1.json", "[" + ok +
                                     ",\n{\"media\": [{\"uri\": \"b.jpg\", "
                                     "\"creation_timestamp\": 1, \"title\": 3}]}]") ==
        "\"title\" must be a string, not a number at /1/media/0/title (posts_1.json:2)");
  CHECK(error_of("posts_1.json", "[" + ok + ",\n{\"media\": {}}]") ==
        "\"media\" must be an array, not an object at /1/media (posts_1.json:2)");
  CHECK(error_of("post_comments_1.json",
                 "[{\"string_map_data\": {\"Comment\": {\"value\": \"x\"}, \"Media Owner\": "
                 "{\"value\": \"a\"}}}]") ==
        "a comment needs a time (\"timestamp\") at /0 (post_comments_1.json:1)");
  CHECK(error_of("posts_1.json", "[" + ok + ",\n{\"media\": [{\"ur") ==
        "malformed JSON: unterminated string (posts_1.json:2:16)");
}
