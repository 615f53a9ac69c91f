// ROI metrics on small hand-computed ror/v1 fixtures: sums over the posts that carry a metric,
// engagements and their rates, posts per day, and who counts as the account.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <string>

#include "fixtures.hpp"

using ror::MetricId;
using ror::MetricValues;
using ror::test::known;
using ror::test::load_text;
using ror::test::metrics_of;
using ror::test::unknown;

namespace {}  // namespace

TEST_CASE("roi: sums run over the posts that carry each metric", "[roi]") {
  // p1 carries every metric, p2 a few (views carried as 0), p3 none.
  const auto m = metrics_of(R"({"schema": "ror/v1",
    "account": {"id": "acme_id", "handle": "@acme", "followers": 1000, "aliases": ["AcmeSupport"]},
    "posts": [
      {"id": "p1", "author": "acme", "created_at": "2026-01-01T00:00:00Z", "text": "launch",
       "metrics": {"impressions": 1000, "reach": 800, "likes": 30, "shares": 5, "saves": 1,
                   "clicks": 12, "conversions": 2},
       "comments": [
         {"id": "c1", "author": "alice", "created_at": "2026-01-01T01:00:00Z", "text": "nice"},
         {"id": "c2", "author": "acme", "created_at": "2026-01-01T01:05:00Z", "text": "thanks",
          "parent_id": "c1"},
         {"id": "c3", "author": "bob", "created_at": "2026-01-01T02:00:00Z", "text": "cool"}]},
      {"id": "p2", "author": "acme", "created_at": "2026-01-02T00:00:00Z", "text": "more",
       "metrics": {"impressions": 500, "likes": 10, "views": 0},
       "comments": [
         {"id": "c4", "author": "alice", "created_at": "2026-01-02T01:00:00Z", "text": "again"}]},
      {"id": "p3", "author": "acme", "created_at": "2026-01-03T00:00:00Z", "text": "quiet"}]})");

  CHECK(known(m, MetricId::posts) == 3);
  CHECK(known(m, MetricId::followers) == 1000);
  CHECK(known(m, MetricId::impressions) == 1500);  // 1000 + 500
  CHECK(known(m, MetricId::reach) == 800);         // p1 only
  CHECK(known(m, MetricId::views) == 0);           // carried by p2 as 0: known zero, not unknown
  CHECK(known(m, MetricId::likes) == 40);          // 30 + 10
  CHECK(known(m, MetricId::shares) == 5);
  CHECK(known(m, MetricId::saves) == 1);
  CHECK(known(m, MetricId::clicks) == 12);
  CHECK(known(m, MetricId::conversions) == 2);
  CHECK(known(m, MetricId::comments) == 4);           // c1..c4
  CHECK(known(m, MetricId::audience_comments) == 3);  // c1, c3, c4 (c2 is the account's)
  // p1: 30 + 5 + 1 + 12 + 2 audience comments = 50; p2: 10 + 1 = 11; p3: 0.
  CHECK(known(m, MetricId::engagements) == 61);
  // p1 and p2 have impressions > 0: (50 + 11) / (1000 + 500).
  CHECK(known(m, MetricId::engagement_rate_impressions) == Approx(61.0 / 1500.0));
  // 61 / (3 posts x 1000 followers).
  CHECK(known(m, MetricId::engagement_rate_followers) == Approx(61.0 / 3000.0));
  CHECK(known(m, MetricId::applause_rate) == 20);      // 40 likes / 2 posts carrying likes
  CHECK(known(m, MetricId::amplification_rate) == 5);  // 5 shares / 1 post carrying shares
  CHECK(known(m, MetricId::posts_per_day) == 1.5);     // 3 posts / 2 days
}

TEST_CASE("roi: a metric no post carries is unknown, never zero", "[roi]") {
  const auto m = metrics_of(R"({"schema": "ror/v1", "account": {"handle": "@acme"},
    "posts": [
      {"id": "p1", "created_at": "2026-01-01T00:00:00Z", "text": "one",
       "metrics": {"impressions": null, "likes": null},
       "comments": [
         {"id": "c1", "author": "alice", "created_at": "2026-01-01T01:00:00Z", "text": "hi"},
         {"id": "c2", "author": "bob", "created_at": "2026-01-01T02:00:00Z", "text": "yo"}]},
      {"id": "p2", "created_at": "2026-01-01T06:00:00Z", "text": "two", "metrics": {}}]})");

  for (const MetricId id :
       {MetricId::followers, MetricId::impressions, MetricId::reach, MetricId::views,
        MetricId::likes, MetricId::shares, MetricId::saves, MetricId::clicks, MetricId::conversions,
        MetricId::engagement_rate_impressions, MetricId::engagement_rate_followers,
        MetricId::applause_rate, MetricId::amplification_rate}) {
    CHECK(unknown(m, id));
  }
  CHECK(known(m, MetricId::posts) == 2);
  CHECK(known(m, MetricId::comments) == 2);
  CHECK(known(m, MetricId::audience_comments) == 2);
  CHECK(known(m, MetricId::engagements) == 2);  // unknown counts as 0: just the 2 audience comments
  CHECK(known(m, MetricId::posts_per_day) == 2);  // 2 posts / max(1, 0.25 day)
}

TEST_CASE("roi: a metric carried by some posts sums only those", "[roi]") {
  // likes: p1 7, p2 unknown, p3 0 -> sum 7 over 2 carriers, applause 3.5 (not 7/3).
  const auto m = metrics_of(R"({"schema": "ror/v1", "account": {"handle": "acme"},
    "posts": [
      {"id": "p1", "created_at": "2026-01-01T00:00:00Z", "metrics": {"likes": 7, "shares": 3}},
      {"id": "p2", "created_at": "2026-01-01T01:00:00Z", "metrics": {"shares": 0}},
      {"id": "p3", "created_at": "2026-01-01T02:00:00Z", "metrics": {"likes": 0}}]})");
  CHECK(known(m, MetricId::likes) == 7);
  CHECK(known(m, MetricId::applause_rate) == 3.5);  // 7 / 2 carriers
  CHECK(known(m, MetricId::shares) == 3);
  CHECK(known(m, MetricId::amplification_rate) == 1.5);  // 3 / 2 carriers (p1, p2)
  CHECK(unknown(m, MetricId::impressions));
  CHECK(known(m, MetricId::engagements) == 10);  // 7 + 3 + 0 + 0
}

TEST_CASE("roi: engagement_rate_impressions counts only posts with impressions > 0", "[roi]") {
  // p1: impressions 100, engagements 10 + 1 comment = 11.
  // p2: impressions 0 -> left out (its 50 likes do not count).
  // p3: impressions unknown -> left out (7 likes + 1 comment).
  // p4: impressions 300, engagements 2 + 4 + 3 = 9 (saves and clicks count, views do not).
  const auto m = metrics_of(R"({"schema": "ror/v1", "account": {"handle": "acme", "followers": 0},
    "posts": [
      {"id": "p1", "created_at": "2026-01-01T00:00:00Z", "metrics": {"impressions": 100, "likes": 10},
       "comments": [{"id": "c1", "author": "ann", "created_at": "2026-01-01T00:01:00Z"}]},
      {"id": "p2", "created_at": "2026-01-02T00:00:00Z", "metrics": {"impressions": 0, "likes": 50}},
      {"id": "p3", "created_at": "2026-01-03T00:00:00Z", "metrics": {"likes": 7},
       "comments": [{"id": "c1", "author": "ann", "created_at": "2026-01-03T00:01:00Z"}]},
      {"id": "p4", "created_at": "2026-01-04T00:00:00Z",
       "metrics": {"impressions": 300, "saves": 2, "clicks": 4, "views": 99},
       "comments": [{"id": "c1", "author": "ann", "created_at": "2026-01-04T00:01:00Z"},
                    {"id": "c2", "author": "bo", "created_at": "2026-01-04T00:02:00Z"},
                    {"id": "c3", "author": "cy", "created_at": "2026-01-04T00:03:00Z"}]}]})");
  CHECK(known(m, MetricId::impressions) == 400);                   // 100 + 0 + 300
  CHECK(known(m, MetricId::engagements) == 78);                    // 11 + 50 + 8 + 9
  CHECK(known(m, MetricId::engagement_rate_impressions) == 0.05);  // (11 + 9) / (100 + 300)
  CHECK(unknown(m, MetricId::engagement_rate_followers));          // followers 0
  CHECK(known(m, MetricId::followers) == 0);

  SECTION("all impressions zero: unknown") {
    const auto z = metrics_of(R"({"schema": "ror/v1", "account": {"handle": "acme"},
      "posts": [{"id": "p1", "created_at": "2026-01-01T00:00:00Z",
                 "metrics": {"impressions": 0, "likes": 4}}]})");
    CHECK(known(z, MetricId::impressions) == 0);
    CHECK(unknown(z, MetricId::engagement_rate_impressions));
  }
}

TEST_CASE("roi: engagement_rate_followers needs followers", "[roi]") {
  const std::string posts = R"("posts": [
      {"id": "p1", "created_at": "2026-01-01T00:00:00Z", "metrics": {"likes": 6, "shares": 2}},
      {"id": "p2", "created_at": "2026-01-01T12:00:00Z", "metrics": {"clicks": 1},
       "comments": [{"id": "c1", "author": "ann", "created_at": "2026-01-01T13:00:00Z"}]}]})";
  // engagements = 6 + 2 + 1 + 1 comment = 10.
  const auto with = metrics_of(
      R"({"schema": "ror/v1", "account": {"handle": "acme", "followers": 40}, )" + posts);
  CHECK(known(with, MetricId::engagements) == 10);
  CHECK(known(with, MetricId::engagement_rate_followers) == 0.125);  // 10 / (2 x 40)
  const auto without =
      metrics_of(R"({"schema": "ror/v1", "account": {"handle": "acme"}, )" + posts);
  CHECK(known(without, MetricId::engagements) == 10);
  CHECK(unknown(without, MetricId::followers));
  CHECK(unknown(without, MetricId::engagement_rate_followers));
  const auto null_followers = metrics_of(
      R"({"schema": "ror/v1", "account": {"handle": "acme", "followers": null}, )" + posts);
  CHECK(unknown(null_followers, MetricId::engagement_rate_followers));
}

TEST_CASE("roi: posts_per_day over spans under one day and over several days", "[roi]") {
  SECTION("span under one day divides by 1") {
    // 3 posts within 6 hours: 3 / max(1, 0.25).
    const auto m = metrics_of(R"({"schema": "ror/v1", "account": {"handle": "acme"},
      "posts": [
        {"id": "p1", "created_at": "2026-01-01T00:00:00Z"},
        {"id": "p2", "created_at": "2026-01-01T06:00:00Z"},
        {"id": "p3", "created_at": "2026-01-01T03:00:00Z"}]})");
    CHECK(known(m, MetricId::posts_per_day) == 3);
  }
  SECTION("a single post") {
    const auto m = metrics_of(R"({"schema": "ror/v1", "account": {"handle": "acme"},
      "posts": [{"id": "p1", "created_at": "2026-01-01T00:00:00Z"}]})");
    CHECK(known(m, MetricId::posts_per_day) == 1);
  }
  SECTION("no post of the account: unknown, not 0") {
    const auto m = metrics_of(R"({"schema": "ror/v1", "account": {"handle": "acme"},
      "posts": [{"id": "p1", "author": "zed", "created_at": "2026-01-01T00:00:00Z"}]})");
    CHECK(known(m, MetricId::posts) == 0);
    CHECK(unknown(m, MetricId::posts_per_day));
  }
  SECTION("span of 36 hours") {
    // 3 posts / 1.5 days.
    const auto m = metrics_of(R"({"schema": "ror/v1", "account": {"handle": "acme"},
      "posts": [
        {"id": "p1", "created_at": "2026-01-02T12:00:00Z"},
        {"id": "p2", "created_at": "2026-01-01T00:00:00Z"},
        {"id": "p3", "created_at": "2026-01-01T01:00:00Z"}]})");
    CHECK(known(m, MetricId::posts_per_day) == 2);
  }
  SECTION("several days, span measured in UTC") {
    // p1 = 2025-12-31T22:00Z, p2 = 2026-01-05T22:00Z: 5 days; 2 posts / 5 = 0.4.
    const auto m = metrics_of(R"({"schema": "ror/v1", "account": {"handle": "acme"},
      "posts": [
        {"id": "p1", "created_at": "2026-01-01T00:00:00+02:00"},
        {"id": "p2", "created_at": "2026-01-05T22:00:00Z"}]})");
    CHECK(known(m, MetricId::posts_per_day) == Approx(0.4));
  }
  SECTION("eight days") {
    // 4 posts over 8 days: 0.5.
    const auto m = metrics_of(R"({"schema": "ror/v1", "account": {"handle": "acme"},
      "posts": [
        {"id": "p1", "created_at": "2026-01-01T00:00:00Z"},
        {"id": "p2", "created_at": "2026-01-03T00:00:00Z"},
        {"id": "p3", "created_at": "2026-01-09T00:00:00Z"},
        {"id": "p4", "created_at": "2026-01-04T00:00:00Z"}]})");
    CHECK(known(m, MetricId::posts_per_day) == 0.5);
  }
}

TEST_CASE("roi: foreign posts and their comments are excluded", "[roi]") {
  const std::string text = R"({"schema": "ror/v1", "account": {"handle": "@acme", "followers": 10},
    "posts": [
      {"id": "p1", "author": "acme", "created_at": "2026-01-01T00:00:00Z",
       "metrics": {"impressions": 100, "likes": 4},
       "comments": [{"id": "c1", "author": "ann", "created_at": "2026-01-01T00:01:00Z"}]},
      {"id": "p2", "author": "zed", "created_at": "2026-01-09T00:00:00Z",
       "metrics": {"impressions": 9000, "likes": 900, "reach": 5},
       "comments": [{"id": "c1", "author": "ann", "created_at": "2026-01-09T00:01:00Z"},
                    {"id": "c2", "author": "bo", "created_at": "2026-01-09T00:02:00Z"}]}]})";
  const auto data = load_text(text);
  CHECK(data.input.foreign_posts == 1);
  CHECK(data.input.foreign_comments == 2);
  const auto m = metrics_of(text);
  CHECK(known(m, MetricId::posts) == 1);
  CHECK(known(m, MetricId::impressions) == 100);
  CHECK(known(m, MetricId::likes) == 4);
  CHECK(unknown(m, MetricId::reach));  // only the foreign post carried reach
  CHECK(known(m, MetricId::comments) == 1);
  CHECK(known(m, MetricId::audience_comments) == 1);
  CHECK(known(m, MetricId::engagements) == 5);    // 4 likes + 1 comment
  CHECK(known(m, MetricId::posts_per_day) == 1);  // the foreign post does not stretch the span
}

TEST_CASE("roi: the account is matched by id, handle and aliases", "[roi]") {
  // Names: acme_id, acme (from "@acme"), acmesupport. One leading '@' is ignored, case is not
  // significant; "@@acme" keeps its second '@' and is somebody else.
  const std::string text = R"({"schema": "ror/v1",
    "account": {"id": "acme_id", "handle": "@acme", "aliases": ["AcmeSupport"]},
    "posts": [
      {"id": "p1", "created_at": "2026-01-01T00:00:00Z", "metrics": {"likes": 1},
       "comments": [
         {"id": "c1", "author": "ann", "created_at": "2026-01-01T00:01:00Z"},
         {"id": "c2", "author": "@ACMESUPPORT", "created_at": "2026-01-01T00:02:00Z"},
         {"id": "c3", "author": "Acme_Id", "created_at": "2026-01-01T00:03:00Z"},
         {"id": "c4", "author": "@@acme", "created_at": "2026-01-01T00:04:00Z"}]},
      {"id": "p2", "author": "ACME", "created_at": "2026-01-01T01:00:00Z", "metrics": {"likes": 2}},
      {"id": "p3", "author": "@AcmeSupport", "created_at": "2026-01-01T02:00:00Z", "metrics": {"likes": 4}},
      {"id": "p4", "author": "@acme_ID", "created_at": "2026-01-01T03:00:00Z", "metrics": {"likes": 8}},
      {"id": "p5", "author": "@@acme", "created_at": "2026-01-01T04:00:00Z", "metrics": {"likes": 16}},
      {"id": "p6", "author": "acme-support", "created_at": "2026-01-01T05:00:00Z", "metrics": {"likes": 32}}]})";
  const auto data = load_text(text);
  CHECK(data.input.foreign_posts == 2);  // p5, p6
  const auto m = metrics_of(text);
  CHECK(known(m, MetricId::posts) == 4);   // p1 (no author), p2, p3, p4
  CHECK(known(m, MetricId::likes) == 15);  // 1 + 2 + 4 + 8
  CHECK(known(m, MetricId::comments) == 4);
  CHECK(known(m, MetricId::audience_comments) == 2);  // ann and "@@acme"; c2, c3 are the account
}

TEST_CASE("roi: extra account names come from LoadOptions::accounts", "[roi]") {
  const std::string text = R"({"schema": "ror/v1", "account": {"handle": "acme"},
    "posts": [
      {"id": "p1", "author": "acme", "created_at": "2026-01-01T00:00:00Z"},
      {"id": "p2", "author": "Brand", "created_at": "2026-01-01T01:00:00Z"}]})";
  CHECK(known(ror::compute_metrics(load_text(text), {}), MetricId::posts) == 1);
  ror::LoadOptions options;
  options.accounts = {"@brand"};  // Brand's post becomes the account's
  CHECK(known(ror::compute_metrics(load_text(text, options), {}), MetricId::posts) == 2);
}

TEST_CASE("roi: without account names the most frequent post author is the account", "[roi]") {
  // zed wrote 2 posts, amy 1 (foreign); the post without author is the account's.
  const std::string text = R"({"schema": "ror/v1",
    "posts": [
      {"id": "p1", "author": "zed", "created_at": "2026-01-01T00:00:00Z", "metrics": {"likes": 1}},
      {"id": "p2", "author": "amy", "created_at": "2026-01-01T01:00:00Z", "metrics": {"likes": 2}},
      {"id": "p3", "author": "@Zed", "created_at": "2026-01-01T02:00:00Z", "metrics": {"likes": 4}},
      {"id": "p4", "created_at": "2026-01-01T03:00:00Z", "metrics": {"likes": 8}}]})";
  const auto data = load_text(text);
  CHECK(data.account.inferred);
  CHECK(data.input.foreign_posts == 1);
  const auto m = metrics_of(text);
  CHECK(known(m, MetricId::posts) == 3);
  CHECK(known(m, MetricId::likes) == 13);  // 1 + 4 + 8
}

TEST_CASE("roi: sums of counts near 2^63 never wrap", "[roi]") {
  // Two posts of 5e18 likes each: 1e19, past the largest signed 64-bit integer.
  const auto m = metrics_of(R"({"schema": "ror/v1", "account": {"handle": "acme"}, "posts": [
    {"id": "p1", "created_at": "2026-01-01T00:00:00Z",
     "metrics": {"likes": 5000000000000000000, "shares": 9223372036854775807}},
    {"id": "p2", "created_at": "2026-01-02T00:00:00Z",
     "metrics": {"likes": 5000000000000000000, "shares": 9223372036854775807}}]})");
  CHECK(known(m, MetricId::likes) == Approx(1e19));
  CHECK(known(m, MetricId::shares) == Approx(2 * 9.223372036854775807e18));
  CHECK(known(m, MetricId::engagements) > 1e19);
  CHECK(known(m, MetricId::applause_rate) == Approx(5e18));
}
