// ROR metrics on small hand-computed ror/v1 fixtures: conversations, answers and their delays,
// reciprocity, returning audience, comment substance, actions, concentration, outreach, and the
// top audience.
#include <catch2/catch.hpp>

#include <limits>
#include <string>
#include <vector>

#include "fixtures.hpp"
#include "ror/time.hpp"

using ror::MetricId;
using ror::MetricValues;
using ror::Unknown;
using ror::test::known;
using ror::test::metrics_of;
using ror::test::unknown;

namespace {

// Ten answered comments on one post, with delays 500, 100, 900, 300, 700, 200, 1000, 400, 800, 600
// s.
const std::string kTenAnswered = R"(
  {"id": "q0", "author": "u0", "created_at": "2026-01-01T01:00:00Z"},
  {"id": "k0", "author": "acme", "created_at": "2026-01-01T01:08:20Z", "parent_id": "q0"},
  {"id": "q1", "author": "u1", "created_at": "2026-01-01T02:00:00Z"},
  {"id": "k1", "author": "acme", "created_at": "2026-01-01T02:01:40Z", "parent_id": "q1"},
  {"id": "q2", "author": "u2", "created_at": "2026-01-01T03:00:00Z"},
  {"id": "k2", "author": "acme", "created_at": "2026-01-01T03:15:00Z", "parent_id": "q2"},
  {"id": "q3", "author": "u3", "created_at": "2026-01-01T04:00:00Z"},
  {"id": "k3", "author": "acme", "created_at": "2026-01-01T04:05:00Z", "parent_id": "q3"},
  {"id": "q4", "author": "u4", "created_at": "2026-01-01T05:00:00Z"},
  {"id": "k4", "author": "acme", "created_at": "2026-01-01T05:11:40Z", "parent_id": "q4"},
  {"id": "q5", "author": "u5", "created_at": "2026-01-01T06:00:00Z"},
  {"id": "k5", "author": "acme", "created_at": "2026-01-01T06:03:20Z", "parent_id": "q5"},
  {"id": "q6", "author": "u6", "created_at": "2026-01-01T07:00:00Z"},
  {"id": "k6", "author": "acme", "created_at": "2026-01-01T07:16:40Z", "parent_id": "q6"},
  {"id": "q7", "author": "u7", "created_at": "2026-01-01T08:00:00Z"},
  {"id": "k7", "author": "acme", "created_at": "2026-01-01T08:06:40Z", "parent_id": "q7"},
  {"id": "q8", "author": "u8", "created_at": "2026-01-01T09:00:00Z"},
  {"id": "k8", "author": "acme", "created_at": "2026-01-01T09:13:20Z", "parent_id": "q8"},
  {"id": "q9", "author": "u9", "created_at": "2026-01-01T10:00:00Z"},
  {"id": "k9", "author": "acme", "created_at": "2026-01-01T10:10:00Z", "parent_id": "q9"})";

// A document with one account post holding `comments`.
std::string one_post(const std::string& comments) {
  return R"({"schema": "ror/v1", "account": {"handle": "@acme"},
    "posts": [{"id": "p1", "created_at": "2025-12-31T23:00:00Z", "comments": [)" +
         comments + "]}]}";
}

}  // namespace

TEST_CASE("ror: awaiting, answered, response rate and delays", "[ror]") {
  // Awaiting: a1 (top-level), a2 (top-level), a3 (reply to account comment k3), a5 (top-level).
  // Not awaiting: a4 (audience reply to audience comment a2), even though k5 answers it.
  // Answered: a1 (k1, k2: earliest k2 at +300 s), a3 (k4 at +3600 s), a5 (k6 at 13:59Z, 60 s
  // BEFORE a5: delay 0). a2 is unanswered.
  const auto m = metrics_of(R"({"schema": "ror/v1",
    "account": {"id": "acme_id", "handle": "@acme", "aliases": ["AcmeSupport"]},
    "posts": [
      {"id": "p1", "created_at": "2026-01-01T00:00:00Z", "comments": [
        {"id": "a1", "author": "alice", "created_at": "2026-01-01T10:00:00Z", "parent_id": null},
        {"id": "k1", "author": "acme", "created_at": "2026-01-01T10:10:00Z", "parent_id": "a1"},
        {"id": "k2", "author": "@Acme", "created_at": "2026-01-01T10:05:00Z", "parent_id": "a1"},
        {"id": "a2", "author": "bob", "created_at": "2026-01-01T11:00:00Z"},
        {"id": "a4", "author": "dave", "created_at": "2026-01-01T11:30:00Z", "parent_id": "a2"},
        {"id": "k5", "author": "acme", "created_at": "2026-01-01T11:40:00Z", "parent_id": "a4"},
        {"id": "k3", "author": "acme", "created_at": "2026-01-01T12:00:00Z"},
        {"id": "a3", "author": "carol", "created_at": "2026-01-01T12:30:00Z", "parent_id": "k3"},
        {"id": "k4", "author": "AcmeSupport", "created_at": "2026-01-01T13:30:00Z", "parent_id": "a3"},
        {"id": "a5", "author": "erin", "created_at": "2026-01-01T14:00:00Z"},
        {"id": "k6", "author": "acme_id", "created_at": "2026-01-01T14:59:00+01:00", "parent_id": "a5"}]},
      {"id": "p2", "created_at": "2026-01-02T00:00:00Z"}]})");

  CHECK(m.counts.awaiting == 4);
  CHECK(m.counts.answered == 3);
  CHECK(m.counts.account_comments == 6);                // k1..k6
  CHECK(known(m, MetricId::response_rate) == 0.75);     // 3 / 4
  CHECK(known(m, MetricId::conversation_rate) == 2.5);  // 5 audience comments / 2 posts
  CHECK(known(m, MetricId::audience) == 5);             // alice, bob, carol, dave, erin
  CHECK(m.response_delays == std::vector<double>{0, 300, 3600});
  CHECK(known(m, MetricId::response_time_median) == 300);  // odd n = 3: the 2nd of 0, 300, 3600
  CHECK(known(m, MetricId::response_time_p90) == 3600);    // ceil(0.9 x 3) = 3rd smallest
}

TEST_CASE("ror: nothing awaiting or answered leaves the rates unknown", "[ror]") {
  SECTION("no comments at all") {
    const auto m = metrics_of(one_post(""));
    CHECK(known(m, MetricId::conversation_rate) == 0);  // 0 audience comments / 1 post
    CHECK(known(m, MetricId::audience) == 0);
    for (const MetricId id :
         {MetricId::response_rate, MetricId::response_time_median, MetricId::response_time_p90,
          MetricId::reciprocity_rate, MetricId::repeat_audience_rate,
          MetricId::retained_audience_rate, MetricId::substantive_comment_rate,
          MetricId::low_effort_comment_rate, MetricId::audience_concentration}) {
      CHECK(unknown(m, id));
    }
    CHECK(m.top_audience.empty());
  }
  SECTION("awaiting but never answered") {
    const auto m = metrics_of(one_post(R"(
      {"id": "a1", "author": "alice", "created_at": "2026-01-01T10:00:00Z"},
      {"id": "a2", "author": "bob", "created_at": "2026-01-01T10:01:00Z", "parent_id": "a1"})"));
    CHECK(known(m, MetricId::response_rate) == 0);  // 0 answered / 1 awaiting (a2 is not)
    CHECK(unknown(m, MetricId::response_time_median));
    CHECK(unknown(m, MetricId::response_time_p90));
    CHECK(unknown(m, MetricId::reciprocity_rate));
  }
}

TEST_CASE("ror: response time median with an even count, fractional seconds", "[ror]") {
  // Delays 60, 120.25, 600, 1200 s: median (120.25 + 600) / 2 = 360.125; p90 ceil(3.6) = 4th =
  // 1200.
  const auto m = metrics_of(one_post(R"(
    {"id": "q1", "author": "u1", "created_at": "2026-01-01T01:00:00Z"},
    {"id": "k1", "author": "acme", "created_at": "2026-01-01T01:20:00Z", "parent_id": "q1"},
    {"id": "q2", "author": "u2", "created_at": "2026-01-01T02:00:00Z"},
    {"id": "k2", "author": "acme", "created_at": "2026-01-01T02:01:00Z", "parent_id": "q2"},
    {"id": "q3", "author": "u3", "created_at": "2026-01-01T03:00:00Z"},
    {"id": "k3", "author": "acme", "created_at": "2026-01-01T03:10:00Z", "parent_id": "q3"},
    {"id": "q4", "author": "u4", "created_at": "2026-01-01T04:00:00.500Z"},
    {"id": "k4", "author": "acme", "created_at": "2026-01-01T04:02:00.750Z", "parent_id": "q4"})"));
  CHECK(known(m, MetricId::response_rate) == 1);  // 4 / 4
  CHECK(m.response_delays == std::vector<double>{60, 120.25, 600, 1200});
  CHECK(known(m, MetricId::response_time_median) == 360.125);
  CHECK(known(m, MetricId::response_time_p90) == 1200);
}

TEST_CASE("ror: p90 is the nearest rank ceil(0.9 n)", "[ror]") {
  SECTION("n = 10") {
    // Sorted delays 100 .. 1000; ceil(9.0) = 9th = 900; median (500 + 600) / 2 = 550.
    const auto m = metrics_of(one_post(kTenAnswered));
    CHECK(m.response_delays ==
          std::vector<double>{100, 200, 300, 400, 500, 600, 700, 800, 900, 1000});
    CHECK(known(m, MetricId::response_time_p90) == 900);
    CHECK(known(m, MetricId::response_time_median) == 550);
  }
  SECTION("n = 11") {
    // Adds a delay of 1100 s: ceil(9.9) = 10th = 1000; median the 6th = 600.
    const auto m = metrics_of(one_post(kTenAnswered + R"(,
      {"id": "q10", "author": "u10", "created_at": "2026-01-01T11:00:00Z"},
      {"id": "k10", "author": "acme", "created_at": "2026-01-01T11:18:20Z", "parent_id": "q10"})"));
    CHECK(m.response_delays.size() == 11);
    CHECK(known(m, MetricId::response_time_p90) == 1000);
    CHECK(known(m, MetricId::response_time_median) == 600);
  }
}

TEST_CASE("ror: reciprocity counts the asker replying to the account's answer", "[ror]") {
  // q1 alice -> k1 -> r1 alice: reciprocated.
  // q2 bob -> k2 -> r2 carol: a different author, not reciprocated.
  // q3 dave -> k3, no reply.
  // q4 erin -> k4 -> r4 erin -> k5: q4 reciprocated; r4 answered, nobody replies to k5.
  // q5 frank -> k6, and r5 frank replies to q5 itself (not to the answer): not reciprocated.
  // Awaiting: q1..q5, r1, r2, r4 (replies to account comments) = 8; r5 is not (reply to q5).
  // Answered: q1, q2, q3, q4, q5, r4 = 6. Reciprocated: q1, q4 = 2.
  const auto m = metrics_of(one_post(R"(
    {"id": "q1", "author": "alice", "created_at": "2026-01-01T10:00:00Z"},
    {"id": "k1", "author": "acme", "created_at": "2026-01-01T10:10:00Z", "parent_id": "q1"},
    {"id": "r1", "author": "alice", "created_at": "2026-01-01T10:20:00Z", "parent_id": "k1"},
    {"id": "q2", "author": "bob", "created_at": "2026-01-01T11:00:00Z"},
    {"id": "k2", "author": "acme", "created_at": "2026-01-01T11:10:00Z", "parent_id": "q2"},
    {"id": "r2", "author": "carol", "created_at": "2026-01-01T11:20:00Z", "parent_id": "k2"},
    {"id": "q3", "author": "dave", "created_at": "2026-01-01T12:00:00Z"},
    {"id": "k3", "author": "acme", "created_at": "2026-01-01T12:10:00Z", "parent_id": "q3"},
    {"id": "q4", "author": "erin", "created_at": "2026-01-01T13:00:00Z"},
    {"id": "k4", "author": "acme", "created_at": "2026-01-01T13:05:00Z", "parent_id": "q4"},
    {"id": "r4", "author": "erin", "created_at": "2026-01-01T13:10:00Z", "parent_id": "k4"},
    {"id": "k5", "author": "acme", "created_at": "2026-01-01T13:15:00Z", "parent_id": "r4"},
    {"id": "q5", "author": "frank", "created_at": "2026-01-01T14:00:00Z"},
    {"id": "k6", "author": "acme", "created_at": "2026-01-01T14:05:00Z", "parent_id": "q5"},
    {"id": "r5", "author": "frank", "created_at": "2026-01-01T14:10:00Z", "parent_id": "q5"})"));
  CHECK(m.counts.awaiting == 8);
  CHECK(m.counts.answered == 6);
  CHECK(m.counts.reciprocated == 2);
  CHECK(known(m, MetricId::response_rate) == 0.75);                // 6 / 8
  CHECK(known(m, MetricId::reciprocity_rate) == Approx(1.0 / 3));  // 2 / 6
}

TEST_CASE("ror: repeat audience across posts, retained across UTC months", "[ror]") {
  // alice: 2 comments on p1, both 2026-01-31T23:30Z (the second written +01:00, locally Feb):
  //        one post, one UTC month -> neither.
  // bob:   p1 2026-01-15, p2 2026-01-31T23:00-02:00 = 2026-02-01T01:00Z -> repeat and retained.
  // Bob:   another author (exact string compare), one comment -> neither.
  // carol: one comment -> neither.
  // erin:  2 comments on p1, 2025-03 and 2026-03 -> retained only (same month, other year).
  // frank: p2 2026-02-10, p3 2026-03-10 -> repeat and retained.
  // The account's comments on several posts and months do not make it audience.
  // Audience 6; repeat: bob, frank = 2/6; retained: bob, erin, frank = 3/6.
  const auto m = metrics_of(R"({"schema": "ror/v1", "account": {"handle": "@acme"},
    "posts": [
      {"id": "p1", "created_at": "2025-03-01T00:00:00Z", "comments": [
        {"id": "c1", "author": "alice", "created_at": "2026-01-31T23:30:00Z"},
        {"id": "c2", "author": "alice", "created_at": "2026-02-01T00:30:00+01:00"},
        {"id": "c3", "author": "bob", "created_at": "2026-01-15T10:00:00Z"},
        {"id": "c4", "author": "erin", "created_at": "2026-03-01T00:00:00Z"},
        {"id": "c5", "author": "erin", "created_at": "2025-03-15T00:00:00Z"},
        {"id": "c6", "author": "acme", "created_at": "2025-03-16T00:00:00Z"}]},
      {"id": "p2", "created_at": "2026-01-10T00:00:00Z", "comments": [
        {"id": "c1", "author": "bob", "created_at": "2026-01-31T23:00:00-02:00"},
        {"id": "c2", "author": "carol", "created_at": "2026-01-11T00:00:00Z"},
        {"id": "c3", "author": "frank", "created_at": "2026-02-10T00:00:00Z"},
        {"id": "c4", "author": "acme", "created_at": "2026-02-10T00:00:00Z"}]},
      {"id": "p3", "created_at": "2026-01-20T00:00:00Z", "comments": [
        {"id": "c1", "author": "frank", "created_at": "2026-03-10T00:00:00Z"},
        {"id": "c2", "author": "Bob", "created_at": "2026-03-11T00:00:00Z"}]}]})");
  CHECK(known(m, MetricId::audience) == 6);
  CHECK(known(m, MetricId::repeat_audience_rate) == Approx(1.0 / 3));  // 2 / 6
  CHECK(known(m, MetricId::retained_audience_rate) == 0.5);            // 3 / 6
  CHECK(known(m, MetricId::conversation_rate) == Approx(10.0 / 3));    // 10 audience comments / 3
}

TEST_CASE("ror: substantive and low-effort comments count words split on Unicode spaces", "[ror]") {
  // s1: 15 words, separated by space, U+00A0, U+3000, U+2028, U+205F, U+0085, tab, newline,
  //     U+2009, U+202F, U+1680, U+2000, U+200A, U+2029 -> substantive.
  // s2: 15 tokens but the last two joined by U+200B (not whitespace) -> 14 words, neither.
  // s3: joined by U+200B -> 1 word, low-effort.
  // s4: 4 words split by U+00A0 -> neither.
  // s5: no text -> 0 words, low-effort.
  // s6: U+001F is not whitespace -> 3 words, low-effort.
  // s7: "  a  b  c  " -> 3 words, low-effort.
  // s8: split by \v, \f, \r -> 4 words, neither.
  // The account's comments (20 words, 1 word) are not audience comments.
  // Substantive 1/8; low-effort s3, s5, s6, s7 = 4/8.
  const std::string text = one_post(R"(
    {"id": "s1", "author": "ann", "created_at": "2026-01-01T01:00:00Z",
     "text": "one two\u00a0three\u3000four\u2028five\u205fsix\u0085seven\tEight\nnine\u2009ten\u202feleven\u1680twelve\u2000thirteen\u200afourteen\u2029fifteen"},
    {"id": "s2", "author": "ann", "created_at": "2026-01-01T01:01:00Z",
     "text": "one two three four five six seven eight nine ten eleven twelve thirteen fourteen\u200bfifteen"},
    {"id": "s3", "author": "bo", "created_at": "2026-01-01T01:02:00Z",
     "text": "ok\u200bthanks\u200bso\u200bmuch"},
    {"id": "s4", "author": "bo", "created_at": "2026-01-01T01:03:00Z", "text": "a\u00a0b\u00a0c\u00a0d"},
    {"id": "s5", "author": "cy", "created_at": "2026-01-01T01:04:00Z"},
    {"id": "s6", "author": "cy", "created_at": "2026-01-01T01:05:00Z", "text": "one\u001ftwo three four"},
    {"id": "s7", "author": "di", "created_at": "2026-01-01T01:06:00Z", "text": "  a  b  c  "},
    {"id": "s8", "author": "di", "created_at": "2026-01-01T01:07:00Z", "text": "a\u000bb\u000cc\rd"},
    {"id": "k1", "author": "acme", "created_at": "2026-01-01T02:00:00Z",
     "text": "w w w w w w w w w w w w w w w w w w w w"},
    {"id": "k2", "author": "acme", "created_at": "2026-01-01T02:01:00Z", "text": "thanks"})");
  const auto m = metrics_of(text);
  CHECK(known(m, MetricId::substantive_comment_rate) == 0.125);  // 1 / 8
  CHECK(known(m, MetricId::low_effort_comment_rate) == 0.5);     // 4 / 8

  SECTION("thresholds are options") {
    ror::MetricOptions options;
    options.substantive_words = 14;  // s1, s2 -> 2 / 8
    options.low_effort_words = 0;    // s5 only -> 1 / 8
    const auto o = metrics_of(text, options);
    CHECK(known(o, MetricId::substantive_comment_rate) == 0.25);
    CHECK(known(o, MetricId::low_effort_comment_rate) == 0.125);
  }
}

TEST_CASE("ror: action_rate over posts with impressions > 0", "[ror]") {
  SECTION("clicks and conversions over positive impressions") {
    // p1: 12 + 3 over 1000; p2 impressions 0 (its 50 clicks left out); p3 impressions unknown
    // (its 9 conversions left out); p4: 0 actions over 500. (12 + 3) / (1000 + 500) = 0.01.
    const auto m = metrics_of(R"({"schema": "ror/v1", "account": {"handle": "acme"},
      "posts": [
        {"id": "p1", "created_at": "2026-01-01T00:00:00Z",
         "metrics": {"impressions": 1000, "clicks": 12, "conversions": 3}},
        {"id": "p2", "created_at": "2026-01-02T00:00:00Z", "metrics": {"impressions": 0, "clicks": 50}},
        {"id": "p3", "created_at": "2026-01-03T00:00:00Z", "metrics": {"conversions": 9}},
        {"id": "p4", "created_at": "2026-01-04T00:00:00Z", "metrics": {"impressions": 500}}]})");
    CHECK(known(m, MetricId::action_rate) == Approx(0.01));
  }
  SECTION("conversions alone are enough") {
    // 4 / 200.
    const auto m = metrics_of(R"({"schema": "ror/v1", "account": {"handle": "acme"},
      "posts": [{"id": "p1", "created_at": "2026-01-01T00:00:00Z",
                 "metrics": {"impressions": 200, "conversions": 4}}]})");
    CHECK(known(m, MetricId::action_rate) == Approx(0.02));
  }
  SECTION("unknown without clicks or conversions") {
    const auto m = metrics_of(R"({"schema": "ror/v1", "account": {"handle": "acme"},
      "posts": [{"id": "p1", "created_at": "2026-01-01T00:00:00Z",
                 "metrics": {"impressions": 1000, "likes": 5, "clicks": null}}]})");
    CHECK(unknown(m, MetricId::action_rate));
  }
  SECTION("unknown without positive impressions") {
    const auto m = metrics_of(R"({"schema": "ror/v1", "account": {"handle": "acme"},
      "posts": [{"id": "p1", "created_at": "2026-01-01T00:00:00Z",
                 "metrics": {"impressions": 0, "clicks": 5}},
                {"id": "p2", "created_at": "2026-01-01T00:00:00Z", "metrics": {"clicks": 5}}]})");
    CHECK(unknown(m, MetricId::action_rate));
  }
}

TEST_CASE("ror: audience_concentration is the fewest members writing half the comments", "[ror]") {
  SECTION("one member writing exactly half") {
    // alice 2, bob 1, carol 1: 2 x 2 >= 4 with k = 1.
    const auto m = metrics_of(one_post(R"(
      {"id": "c1", "author": "bob", "created_at": "2026-01-01T01:00:00Z"},
      {"id": "c2", "author": "alice", "created_at": "2026-01-01T01:01:00Z"},
      {"id": "c3", "author": "carol", "created_at": "2026-01-01T01:02:00Z"},
      {"id": "c4", "author": "alice", "created_at": "2026-01-01T01:03:00Z"},
      {"id": "k1", "author": "acme", "created_at": "2026-01-01T01:04:00Z"},
      {"id": "k2", "author": "acme", "created_at": "2026-01-01T01:05:00Z"})"));
    CHECK(known(m, MetricId::audience_concentration) == 1);
  }
  SECTION("five members, one comment each") {
    // 2 x 2 = 4 < 5, 2 x 3 = 6 >= 5: k = 3.
    const auto m = metrics_of(one_post(R"(
      {"id": "c1", "author": "a", "created_at": "2026-01-01T01:00:00Z"},
      {"id": "c2", "author": "b", "created_at": "2026-01-01T01:01:00Z"},
      {"id": "c3", "author": "c", "created_at": "2026-01-01T01:02:00Z"},
      {"id": "c4", "author": "d", "created_at": "2026-01-01T01:03:00Z"},
      {"id": "c5", "author": "e", "created_at": "2026-01-01T01:04:00Z"})"));
    CHECK(known(m, MetricId::audience_concentration) == 3);
  }
}

TEST_CASE("ror: outreach replies, people and retention", "[ror]") {
  // o1 original; o2 answers "@Acme" and o3 "acmesupport": the account's own threads, original.
  // r1 bob 2026-01-31T23:30-01:00 = 2026-02-01T00:30Z (Feb), r2 bob Jan -> bob retained.
  // r3 "Carol" and r4 "@carol" are one person (normalised), both Jan -> not retained.
  // r5 dave 2026-03-01T00:30+01:00 = 2026-02-28T23:30Z, r6 dave Feb 10 -> one UTC month.
  // z1 is a foreign post answering eve in another month: excluded.
  // outreach_replies 6, people bob, carol, dave = 3, retained bob = 1/3.
  const std::string text = R"({"schema": "ror/v1",
    "account": {"id": "acme_id", "handle": "@acme", "aliases": ["AcmeSupport"]},
    "posts": [
      {"id": "o1", "author": "acme", "created_at": "2026-01-01T00:00:00Z"},
      {"id": "o2", "author": "acme", "created_at": "2026-01-02T00:00:00Z",
       "in_reply_to": {"author": "@Acme", "id": "o1"}},
      {"id": "o3", "created_at": "2026-01-03T00:00:00Z", "in_reply_to": {"author": "acmesupport"}},
      {"id": "r1", "author": "acme", "created_at": "2026-01-31T23:30:00-01:00",
       "in_reply_to": {"author": "bob", "id": "x1"}},
      {"id": "r2", "created_at": "2026-01-20T00:00:00Z", "in_reply_to": {"author": "bob", "id": "x2"}},
      {"id": "r3", "created_at": "2026-01-05T00:00:00Z", "in_reply_to": {"author": "Carol"}},
      {"id": "r4", "created_at": "2026-01-25T00:00:00Z", "in_reply_to": {"author": "@carol"}},
      {"id": "r5", "created_at": "2026-03-01T00:30:00+01:00", "in_reply_to": {"author": "dave"}},
      {"id": "r6", "created_at": "2026-02-10T00:00:00Z", "in_reply_to": {"author": "dave"}},
      {"id": "z1", "author": "zed", "created_at": "2026-04-01T00:00:00Z",
       "in_reply_to": {"author": "bob"}},
      {"id": "z2", "author": "zed", "created_at": "2026-05-01T00:00:00Z",
       "in_reply_to": {"author": "carol"}}]})";
  const ror::Dataset d = ror::test::load_text(text);
  const auto m = ror::compute_metrics(d, {});
  CHECK(m.counts.original_posts == 3);
  CHECK(m.counts.outreach_posts == 6);
  CHECK(known(m, MetricId::posts) == 9);  // original + outreach
  CHECK(known(m, MetricId::outreach_replies) == 6);
  CHECK(known(m, MetricId::outreach_people) == 3);
  CHECK(known(m, MetricId::outreach_retained_rate) == Approx(1.0 / 3));

  SECTION("a selection small beside the author table: the same people") {
    // (its replies are tallied in a map, not a table of every author)
    std::vector<std::uint32_t> picked;
    for (std::uint32_t i = 0; i < d.posts.size(); ++i) {
      if (d.post_ids[i] == "r1" || d.post_ids[i] == "r2") {
        picked.push_back(i);
      }
    }
    REQUIRE(picked.size() == 2);
    REQUIRE(picked.size() * 4 < d.authors.size());
    const auto two = ror::compute_metrics(d, picked, {});
    CHECK(known(two, MetricId::outreach_replies) == 2);
    CHECK(known(two, MetricId::outreach_people) == 1);  // bob, in two months
    CHECK(known(two, MetricId::outreach_retained_rate) == 1);
  }
  SECTION("no outreach: zero replies and unknown retention") {
    const auto none = metrics_of(one_post(""));
    CHECK(known(none, MetricId::outreach_replies) == 0);
    CHECK(known(none, MetricId::outreach_people) == 0);
    CHECK(unknown(none, MetricId::outreach_retained_rate));
  }
}

TEST_CASE("ror: top_audience ordering, fields and size", "[ror]") {
  // Comments (posts): bob 3 (2), alice 3 (1), Zed 2 (2), carol 2 (2), dave 2 (2), erin 1 (1).
  // Order: comments desc, posts desc, author in byte order ("Zed" < "carol" < "dave").
  // answers: alice 2 (k1, k2 both answer c1), bob 1 (k3), dave 1 (k4 answers his reply to carol).
  const std::string text = R"({"schema": "ror/v1",
    "account": {"handle": "@acme", "aliases": ["AcmeSupport"]},
    "posts": [
      {"id": "p1", "created_at": "2026-01-05T09:00:00Z", "comments": [
        {"id": "c1", "author": "alice", "created_at": "2026-01-05T10:02:00Z"},
        {"id": "c2", "author": "alice", "created_at": "2026-01-05T10:30:00Z"},
        {"id": "c3", "author": "alice", "created_at": "2026-01-06T08:15:30.750+01:00"},
        {"id": "k1", "author": "acme", "created_at": "2026-01-05T10:05:00Z", "parent_id": "c1"},
        {"id": "k2", "author": "AcmeSupport", "created_at": "2026-01-05T10:06:00Z", "parent_id": "c1"},
        {"id": "c4", "author": "bob", "created_at": "2026-01-05T11:30:00+02:00"},
        {"id": "k3", "author": "acme", "created_at": "2026-01-05T12:00:00Z", "parent_id": "c4"},
        {"id": "c5", "author": "carol", "created_at": "2026-01-07T12:00:00Z"},
        {"id": "c6", "author": "Zed", "created_at": "2026-01-07T13:00:00Z"}]},
      {"id": "p2", "created_at": "2026-01-10T09:00:00Z", "comments": [
        {"id": "c7", "author": "bob", "created_at": "2026-02-01T00:00:00Z"},
        {"id": "c8", "author": "bob", "created_at": "2026-01-15T00:00:00Z"},
        {"id": "c9", "author": "dave", "created_at": "2026-01-11T00:00:00Z"},
        {"id": "c10", "author": "Zed", "created_at": "2026-01-12T00:00:00Z"}]},
      {"id": "p3", "created_at": "2026-01-20T09:00:00Z", "comments": [
        {"id": "c11", "author": "carol", "created_at": "2026-01-21T00:00:00Z"},
        {"id": "c12", "author": "dave", "created_at": "2026-01-22T00:00:00Z", "parent_id": "c11"},
        {"id": "k4", "author": "acme", "created_at": "2026-01-22T01:00:00Z", "parent_id": "c12"},
        {"id": "c13", "author": "erin", "created_at": "2026-01-23T00:00:00Z"}]}]})";

  struct Row {
    std::string author;
    std::uint64_t comments, posts;
    std::string first_seen, last_seen;
    std::uint64_t answers;
  };
  const std::vector<Row> expected = {
      {"bob", 3, 2, "2026-01-05T09:30:00Z", "2026-02-01T00:00:00Z", 1},
      {"alice", 3, 1, "2026-01-05T10:02:00Z", "2026-01-06T07:15:30Z", 2},
      {"Zed", 2, 2, "2026-01-07T13:00:00Z", "2026-01-12T00:00:00Z", 0},
      {"carol", 2, 2, "2026-01-07T12:00:00Z", "2026-01-21T00:00:00Z", 0},
      {"dave", 2, 2, "2026-01-11T00:00:00Z", "2026-01-22T00:00:00Z", 1},
      {"erin", 1, 1, "2026-01-23T00:00:00Z", "2026-01-23T00:00:00Z", 0},
  };

  const auto m = metrics_of(text);
  REQUIRE(m.top_audience.size() == 6);  // default top 10, only 6 members
  for (std::size_t i = 0; i < expected.size(); ++i) {
    INFO("rank " << i + 1);
    const auto& got = m.top_audience[i];
    CHECK(got.author == expected[i].author);
    CHECK(got.comments == expected[i].comments);
    CHECK(got.posts == expected[i].posts);
    CHECK(ror::format_utc(got.first_seen) == expected[i].first_seen);
    CHECK(ror::format_utc(got.last_seen) == expected[i].last_seen);
    CHECK(got.answers == expected[i].answers);
  }
  CHECK(known(m, MetricId::audience) == 6);
  // 13 audience comments sorted 3, 3, 2, ...: 2 x 6 < 13, 2 x 8 >= 13 -> 3.
  CHECK(known(m, MetricId::audience_concentration) == 3);
  CHECK(known(m, MetricId::repeat_audience_rate) == Approx(4.0 / 6));  // bob, Zed, carol, dave

  SECTION("the top option cuts the list") {
    ror::MetricOptions options;
    options.top = 2;
    const auto two = metrics_of(text, options);
    REQUIRE(two.top_audience.size() == 2);
    CHECK(two.top_audience[0].author == "bob");
    CHECK(two.top_audience[1].author == "alice");
    CHECK(known(two, MetricId::audience) == 6);  // the cut changes nothing else
    options.top = 0;
    CHECK(metrics_of(text, options).top_audience.empty());
  }
}

TEST_CASE("ror: comments on foreign posts are not audience", "[ror]") {
  // zed's post and its comments are excluded; only ann's comment on p1 counts.
  const auto m = metrics_of(R"({"schema": "ror/v1", "account": {"handle": "@acme"},
    "posts": [
      {"id": "p1", "author": "@ACME", "created_at": "2026-01-01T00:00:00Z", "comments": [
        {"id": "c1", "author": "ann", "created_at": "2026-01-01T01:00:00Z"},
        {"id": "c2", "author": "acme", "created_at": "2026-01-01T01:30:00Z", "parent_id": "c1"}]},
      {"id": "p2", "author": "zed", "created_at": "2026-01-02T00:00:00Z", "comments": [
        {"id": "c1", "author": "ann", "created_at": "2026-02-01T01:00:00Z"},
        {"id": "c2", "author": "bo", "created_at": "2026-02-01T02:00:00Z"}]}]})");
  CHECK(known(m, MetricId::audience) == 1);
  CHECK(known(m, MetricId::conversation_rate) == 1);  // 1 audience comment / 1 post
  // One post of the account, in one month: neither coming back nor staying can show.
  CHECK(m.why_unknown(MetricId::repeat_audience_rate) == Unknown::one_post);
  CHECK(m.why_unknown(MetricId::retained_audience_rate) == Unknown::one_month);
  CHECK(known(m, MetricId::response_rate) == 1);            // 1 / 1
  CHECK(known(m, MetricId::response_time_median) == 1800);  // 30 minutes
}
