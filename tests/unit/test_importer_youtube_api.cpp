// The YouTube Data API importer (src/importers/youtube_api.cpp) on
// tests/fixtures/importers/youtube-api: a page of two videos of Kiln Works, a page of threads on
// the first (with a channel discussion thread), and a page of threads on a video in no file.
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
using ror::test::skipped;

namespace {

constexpr const char* kChannel = "UCkilnW0rks7Qm2Tz9bLpA1x";
constexpr const char* kGlaze = "kiLnGl4ze01";  // videos.json, threads.json
constexpr const char* kWheel = "kiLnWh33l02";  // videos.json, no comments
constexpr const char* kRaku = "kiLnR4ku003";   // threads-raku.json only: a stand-in
constexpr const char* kAbsent = "replies YouTube counts that the response leaves out";
constexpr const char* kChannelComments = "channel discussion comments (on no video)";

}  // namespace

TEST_CASE("youtube-api: a page of videos", "[importer][youtube-api]") {
  ror::LoadOptions options;
  options.keep_details = true;
  const Dataset d = load_fixture({"youtube-api/videos.json"}, options);
  CHECK(d.input.formats == std::vector<std::string>{"youtube-api"});
  CHECK(d.input.posts_read == 2);
  CHECK(d.account.inferred);  // the most frequent author: the channel
  CHECK(d.account.id == kChannel);
  CHECK(d.account.handle == "Kiln Works");  // its profile: channelTitle
  CHECK_FALSE(d.account.followers);
  const ror::Post& glaze = post_of(d, kGlaze);
  CHECK(glaze.created_at == at("2026-02-09T17:00:00Z"));
  CHECK(glaze.get(PostMetric::views) == 1520);  // strings, read as counts
  CHECK(glaze.get(PostMetric::likes) == 88);
  CHECK(glaze.get(PostMetric::replies) == 6);
  CHECK_FALSE(glaze.has(PostMetric::impressions));  // a view is no impression
  CHECK_FALSE(glaze.has(PostMetric::saves));        // favoriteCount is not read
  CHECK(glaze.hashtags == 2);  // #pottery #glaze in the description; snippet.tags are not
  CHECK_FALSE(glaze.comments_known);
  CHECK(ror::test::text_of(d, kGlaze).starts_with("Celadon glaze, start to finish\n\nMixing"));
  CHECK(d.details->posts[ror::test::index_of(d, kGlaze)].url ==
        "https://www.youtube.com/watch?v=kiLnGl4ze01");
  const ror::Post& wheel = post_of(d, kWheel);
  CHECK_FALSE(wheel.has(PostMetric::likes));  // likes hidden: no likeCount
  CHECK(wheel.get(PostMetric::replies) == 0);
  const ror::MetricValues m = ror::compute_metrics(d, {});
  CHECK(m[MetricId::views] == 1830);
  CHECK(m[MetricId::likes] == 88);
  CHECK(m.why_unknown(MetricId::impressions) == Unknown::not_carried);
  CHECK(m.why_unknown(MetricId::shares) == Unknown::not_carried);
  CHECK(m.why_unknown(MetricId::comments) == Unknown::no_comments);  // no thread in the input
}

TEST_CASE("youtube-api: only commentCount counts replies; without it they are unknown",
          "[importer][youtube-api]") {
  // Comments turned off: no commentCount. favoriteCount and dislikeCount (responses saved before
  // 2022) are other counts, wherever they stand.
  const std::string page = R"({"kind": "youtube#videoListResponse", "items": [
{"id": "off", "snippet": {"publishedAt": "2026-03-01T10:00:00Z", "channelId": "UCk"},
 "statistics": {"viewCount": "40", "likeCount": "5", "favoriteCount": "9"}},
{"id": "old", "snippet": {"publishedAt": "2021-03-01T10:00:00Z", "channelId": "UCk"},
 "statistics": {"viewCount": "70", "commentCount": "4", "favoriteCount": "0",
                "dislikeCount": "3"}}]})";
  const Dataset d = ror::test::load_text(page);
  REQUIRE(d.posts.size() == 2);
  const ror::Post& off = post_of(d, "off");
  CHECK(off.get(PostMetric::views) == 40);
  CHECK(off.get(PostMetric::likes) == 5);
  CHECK_FALSE(off.has(PostMetric::replies));
  CHECK(post_of(d, "old").get(PostMetric::replies) == 4);
  const ror::MetricValues m = ror::compute_metrics(d, {});
  CHECK(m[MetricId::replies] == 4);
  CHECK(m[MetricId::likes] == 5);
}

TEST_CASE("youtube-api: a page of statistics alone says why it gives no post",
          "[importer][youtube-api]") {
  const std::string page = R"({"kind": "youtube#videoListResponse", "items": [
{"id": "v1", "statistics": {"viewCount": "40"}}]})";
  CHECK(error_of("stats.json", page) ==
        "empty input: no posts in stats.json; passed over: 1 videos without a snippet (no "
        "publication time)");
}

TEST_CASE("youtube-api: threads of a video in no file get a stand-in", "[importer][youtube-api]") {
  ror::LoadOptions options;
  options.keep_details = true;
  const Dataset d = load_fixture({"youtube-api/threads-raku.json"}, options);
  CHECK(d.input.posts_read == 1);  // two threads, one stand-in
  CHECK(d.input.comments_read == 3);
  CHECK(d.posts.size() == 1);
  CHECK(skipped(d, kAbsent) == 0);  // the one reply counted is included
  CHECK(skipped(d, "comments whose post is not in the input") == 0);
  const ror::Post& raku = post_of(d, kRaku);
  CHECK(raku.created_at == at("2026-03-01T15:05:00Z"));  // its earliest comment
  CHECK(raku.kind == PostKind::original);                // by the thread's channelId, the account
  CHECK(raku.known == 0);
  CHECK(raku.words == 0);
  CHECK(raku.comments_known);
  CHECK(d.account.inferred);
  const auto comments = comments_of(d, kRaku);
  REQUIRE(comments.size() == 3);
  CHECK(comments[0].author == "UCbob7Potter5Rn2Vc6Xy4Le");
  CHECK(comments[1].author == "UCcyrus3Glazer8Mw1Ks5Tb0");
  CHECK(comments[2].author == kChannel);
  CHECK(comments[2].parent == 1);
  CHECK(comments[2].id == "UgxCyrusRaku06kiln4AaABAg.reply0000001");
  const ror::MetricValues m = ror::compute_metrics(d, {});
  CHECK(m[MetricId::comments] == 3);
  CHECK(m[MetricId::audience_comments] == 2);
  CHECK(m[MetricId::response_rate] == Approx(1.0 / 2));
  CHECK(m[MetricId::response_time_median] == 30 * 60);
}

TEST_CASE("youtube-api: the folder joins threads to their videos", "[importer][youtube-api]") {
  ror::LoadOptions options;
  options.keep_details = true;
  const Dataset d = load_fixture({"youtube-api"}, options);
  CHECK(d.input.files.size() == 3);
  // threads-raku.json: one stand-in; threads.json: one stand-in; videos.json: two videos, one
  // of which kGlaze's stand-in stood for: three posts, none seen twice.
  CHECK(d.input.posts_read == 3);
  CHECK(d.input.posts_merged == 0);
  CHECK(d.posts.size() == 3);
  CHECK(d.input.comments_read == 8);
  CHECK(skipped(d, kAbsent) == 2);           // 3 counted, 2 given; 1 counted, none given
  CHECK(skipped(d, kChannelComments) == 2);  // Cyrus's question and the channel's answer
  CHECK(count_kind(d, PostKind::original) == 3);
  CHECK(d.account.handle == "Kiln Works");
  const ror::Post& glaze = post_of(d, kGlaze);
  CHECK(glaze.created_at == at("2026-02-09T17:00:00Z"));  // the video's, not the stand-in's
  CHECK(glaze.get(PostMetric::views) == 1520);
  CHECK(glaze.get(PostMetric::replies) == 6);
  CHECK(glaze.words > 0);
  CHECK(glaze.comments_known);
  const auto comments = comments_of(d, kGlaze);
  REQUIRE(comments.size() == 5);
  CHECK(comments[0].author == "UCada9Lovelace0Hk3Jw8pQz");
  CHECK(comments[0].parent == ror::kNone);
  CHECK(comments[1].author == kChannel);  // the channel's answer
  CHECK(comments[1].parent == 0);
  CHECK(comments[2].parent == 0);
  CHECK(comments[3].author == "UCbob7Potter5Rn2Vc6Xy4Le");
  CHECK(comments[3].parent == ror::kNone);
  // kWheel counts no comments, and the inputs hold comments: 0 is measured.
  CHECK(post_of(d, kWheel).comments_known);
  const ror::MetricValues m = ror::compute_metrics(d, {});
  CHECK(m[MetricId::posts] == 3);
  CHECK(m[MetricId::comments] == 8);
  CHECK(m[MetricId::audience_comments] == 6);
  CHECK(m[MetricId::replies] == 6);
}

TEST_CASE("youtube-api: the video replaces its stand-in in either order",
          "[importer][youtube-api]") {
  for (const bool videos_first : {true, false}) {
    INFO("videos first: " << videos_first);
    const std::vector<std::string> files =
        videos_first
            ? std::vector<std::string>{"youtube-api/videos.json", "youtube-api/threads.json"}
            : std::vector<std::string>{"youtube-api/threads.json", "youtube-api/videos.json"};
    const Dataset d = load_fixture(files);
    CHECK(d.posts.size() == 2);
    CHECK(d.input.posts_read == 2);
    CHECK(d.input.posts_merged == 0);  // a stand-in is not a copy of the post
    CHECK(d.input.warnings.total() == 0);
    const ror::Post& glaze = post_of(d, kGlaze);
    CHECK(glaze.created_at == at("2026-02-09T17:00:00Z"));
    CHECK_FALSE(glaze.stand_in);
    CHECK(glaze.get(PostMetric::likes) == 88);
    CHECK(glaze.hashtags == 2);
    CHECK(glaze.comment_count == 5);
    CHECK(glaze.comments_known);
  }
}

TEST_CASE("youtube-api: stand-ins of one video from several pages are one post",
          "[importer][youtube-api]") {
  const std::string page_a = R"({"kind": "youtube#commentThreadListResponse", "items": [
    {"kind": "youtube#commentThread", "id": "t1", "snippet": {"videoId": "v1",
     "topLevelComment": {"kind": "youtube#comment", "id": "t1", "snippet": {"videoId": "v1",
       "authorChannelId": {"value": "UCa"}, "textOriginal": "late", "publishedAt": "2026-03-05T10:00:00Z"}},
     "totalReplyCount": 0}}]})";
  const std::string page_b = R"({"kind": "youtube#commentThreadListResponse", "items": [
    {"kind": "youtube#commentThread", "id": "t2", "snippet": {"videoId": "v1",
     "topLevelComment": {"kind": "youtube#comment", "id": "t2", "snippet": {"videoId": "v1",
       "authorChannelId": {"value": "UCb"}, "textOriginal": "early", "publishedAt": "2026-03-01T10:00:00Z"}},
     "totalReplyCount": 0}}]})";
  const Dataset d = ror::load_buffers({{"a.json", page_a}, {"b.json", page_b}}, {});
  CHECK(d.posts.size() == 1);
  CHECK(d.input.warnings.total() == 0);
  CHECK(post_of(d, "v1").created_at == at("2026-03-01T10:00:00Z"));
  CHECK(post_of(d, "v1").comment_count == 2);
}

TEST_CASE("youtube-api: detection", "[importer][youtube-api]") {
  // A list response by its kind; its items alone; one resource; not an unrelated object.
  const std::string thread = R"({"kind": "youtube#commentThread", "id": "t1", "snippet": {
    "videoId": "v1", "topLevelComment": {"id": "t1", "snippet": {"textOriginal": "hi",
    "authorDisplayName": "Someone", "publishedAt": "2026-03-01T10:00:00Z"}}}})";
  const Dataset one = ror::test::load_text(thread, {}, "thread.json");
  CHECK(one.input.formats == std::vector<std::string>{"youtube-api"});
  CHECK(one.input.comments_read == 1);
  const Dataset items = ror::test::load_text("[" + thread + "]", {}, "items.json");
  CHECK(items.input.formats == std::vector<std::string>{"youtube-api"});
  const std::string video =
      R"({"kind": "youtube#video", "id": "v1", "snippet": {"publishedAt": "2026-03-01T10:00:00Z",
      "title": "t"}, "statistics": {"viewCount": "5"}})";
  CHECK(ror::test::load_text(video, {}, "v.json").posts[0].get(PostMetric::views) == 5);
  // --from reads a response whose kind is missing.
  ror::LoadOptions from;
  from.from = "youtube-api";
  const Dataset forced = ror::test::load_text(R"({"items": [)" + thread + "]}", from, "page.json");
  CHECK(forced.input.comments_read == 1);
  CHECK(error_of("other.json", R"({"kind": "youtube#channelListResponse", "items": []})")
            .find("no importer recognises this input") != std::string::npos);
}

TEST_CASE("youtube-api: malformed responses are one-line errors", "[importer][youtube-api]") {
  const std::string head = R"({"kind": "youtube#videoListResponse", "items": [)";
  const std::string ok = R"({"id": "v1", "snippet": {"publishedAt": "2026-03-01T10:00:00Z"}})";
  CHECK(error_of("videos.json", head + ok +
                                    ",\n{\"id\": \"v2\", \"snippet\": {\"publishedAt\": "
                                    "\"last week\"}}]}") ==
        "\"publishedAt\" is not an RFC 3339 date-time: \"last week\" at "
        "/items/1/snippet/publishedAt (videos.json:2)");
  CHECK(error_of("videos.json", head + ok +
                                    ",\n{\"id\": \"v2\", \"snippet\": {\"publishedAt\": "
                                    "\"2026-03-01T10:00:00Z\"}, \"statistics\": "
                                    "{\"viewCount\": \"many\"}}]}") ==
        "\"viewCount\" must be a non-negative integer, not \"many\" at "
        "/items/1/statistics/viewCount (videos.json:2)");
  CHECK(error_of("videos.json", head + ok + ",\n{\"snippet\": {}}]}") ==
        "a video needs an \"id\" at /items/1 (videos.json:2)");
  CHECK(error_of("videos.json", head + ok + ",\n7]}") ==
        "a video must be an object, not a number at /items/1 (videos.json:2)");
  CHECK(error_of("videos.json", head + ok + ",\n{\"id\": \"v2\", \"snip") ==
        "malformed JSON: unterminated string (videos.json:2:19)");
  const std::string threads = R"({"kind": "youtube#commentThreadListResponse", "items": [
{"id": "t1", "snippet": {"videoId": "v1", "totalReplyCount": 0}}]})";
  CHECK(error_of("threads.json", threads) ==
        "a comment thread needs \"snippet\" with \"topLevelComment\" at /items/0 (threads.json:2)");
  const std::string no_time = R"({"kind": "youtube#commentThreadListResponse", "items": [
{"id": "t1", "snippet": {"videoId": "v1", "topLevelComment": {"id": "t1", "snippet": {
"textOriginal": "hi"}}}}]})";
  CHECK(error_of("threads.json", no_time) ==
        "a comment needs \"snippet\" with \"publishedAt\" at /items/0/snippet/topLevelComment "
        "(threads.json:3)");
}
