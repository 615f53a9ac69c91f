// The audience table: tallies per member, distinct posts and months, answers and reciprocity,
// levels by activity and recency, RFM codes, and what an export without comments gives.
#include <catch2/catch.hpp>

#include <list>
#include <string>
#include <utility>

#include "fixtures.hpp"
#include "ror/audience.hpp"
#include "ror/score.hpp"

using ror::Audience;
using ror::AudienceOptions;
using ror::AudienceRow;
using ror::Level;

namespace {

// A post of @acme on `day` (YYYY-MM-DD) holding `comments`.
std::string post(const std::string& id, const std::string& day, const std::string& comments) {
  return R"({"id": ")" + id + R"(", "created_at": ")" + day + R"(T09:00:00Z", "comments": [)" +
         comments + "]}";
}

std::string comment(const std::string& id, const std::string& author, const std::string& day,
                    const std::string& parent = "", const std::string& text = "a comment") {
  return R"({"id": ")" + id + R"(", "author": ")" + author + R"(", "created_at": ")" + day +
         R"(T10:00:00Z", "text": ")" + text + "\"" +
         (parent.empty() ? "" : R"(, "parent_id": ")" + parent + "\"") + "}";
}

// The audience of a document of posts. Its rows view the dataset's names, so the datasets of a
// test run are kept.
const Audience& audience_of(const std::string& posts, AudienceOptions options = {}) {
  static std::list<std::pair<ror::Dataset, Audience>> kept;
  ror::Dataset& data = kept.emplace_back().first;
  data = ror::test::load_text(R"({"schema": "ror/v1", "account": {"handle": "@acme"}, "posts": [)" +
                              posts + "]}");
  kept.back().second = ror::compute_audience(data, options);
  return kept.back().second;
}

const AudienceRow& member(const Audience& a, const std::string& name) {
  for (const AudienceRow& m : a.members) {
    if (m.author == name) {
      return m;
    }
  }
  for (const AudienceRow& m : a.members) {
    UNSCOPED_INFO("member [" << m.author << "]");
  }
  FAIL("no member " << name);
  return a.members.front();
}

}  // namespace

TEST_CASE("audience tallies comments, distinct posts, months and words per member") {
  const Audience& a = audience_of(
      post("p1", "2026-01-05",
           comment("c1", "ann", "2026-01-05", "", "one two three") + "," +
               comment("c2", "ann", "2026-01-06") + "," + comment("c3", "bob", "2026-01-06")) +
      "," + post("p2", "2026-03-01", comment("c4", "ann", "2026-03-02")));
  REQUIRE(a.comments_known);
  REQUIRE(a.members.size() == 2);
  const AudienceRow& ann = member(a, "ann");
  CHECK(ann.comments == 3);
  CHECK(ann.posts == 2);
  CHECK(ann.months == 2);
  CHECK(ann.words == 3 + 2 + 2);
  CHECK(ror::format_utc(ann.first_seen) == "2026-01-05T10:00:00Z");
  CHECK(ror::format_utc(ann.last_seen) == "2026-03-02T10:00:00Z");
  CHECK(member(a, "bob").posts == 1);
  CHECK(ror::format_utc(a.as_of) == "2026-03-02T10:00:00Z");
  // (closest level first, then most comments)
  CHECK(a.members.front().author == "ann");
}

TEST_CASE("audience months count each month once, however a member's comments interleave") {
  // ann: January, March, January again, March again, with bob between; each month once.
  const Audience& a = audience_of(
      post("p1", "2026-01-05",
           comment("c1", "ann", "2026-01-05") + "," + comment("c2", "bob", "2026-01-05") + "," +
               comment("c3", "ann", "2026-03-05") + "," + comment("c4", "ann", "2026-01-07")) +
      "," +
      post("p2", "2026-03-01",
           comment("c5", "bob", "2026-03-02") + "," + comment("c6", "ann", "2026-03-02") + "," +
               comment("c7", "ann", "2026-03-03") + "," + comment("c8", "ann", "2026-05-03")));
  CHECK(member(a, "ann").months == 3);
  CHECK(member(a, "bob").months == 2);
  // The levels alone (ror score) come from the same months as the whole table.
  const ror::Dataset data = ror::test::load_text(
      R"({"schema": "ror/v1", "account": {"handle": "@acme"}, "posts": [)" +
      post("p1", "2026-01-05",
           comment("c1", "ann", "2026-01-05") + "," + comment("c3", "ann", "2026-03-05") + "," +
               comment("c4", "ann", "2026-01-07") + "," + comment("c5", "ann", "2026-05-07")) +
      "]}");
  AudienceOptions three_months;
  three_months.rules[0].posts = 1;
  three_months.rules[0].months = 3;
  const Audience levels = ror::compute_audience(data, three_months, true);
  const Audience table = ror::compute_audience(data, three_months);
  CHECK(levels.per_level == table.per_level);
  CHECK(levels.per_level[0] == 1);
}

TEST_CASE("audience counts the account's answers and the replies to them") {
  const Audience& a = audience_of(post(
      "p1", "2026-01-05",
      comment("q1", "ann", "2026-01-05") + "," + comment("a1", "acme", "2026-01-05", "q1") + "," +
          comment("r1", "ann", "2026-01-06", "a1") + "," + comment("q2", "bob", "2026-01-05") +
          "," + comment("a2", "acme", "2026-01-05", "q2") + "," +
          comment("q3", "cat", "2026-01-05")));
  const AudienceRow& ann = member(a, "ann");
  CHECK(ann.answers == 1);
  CHECK(ann.answered == 1);
  CHECK(ann.replied == 1);
  REQUIRE(ann.reciprocity.has_value());
  CHECK(*ann.reciprocity == 1.0);
  CHECK(*member(a, "bob").reciprocity == 0.0);
  // Unknown is not zero: nobody answered cat.
  CHECK_FALSE(member(a, "cat").reciprocity.has_value());
  CHECK(member(a, "cat").awaiting == 1);
}

TEST_CASE("audience levels follow activity, then recency") {
  AudienceOptions o;
  o.rules = {{{3, 2}, {2, 2}, {2, 1}}};
  o.recent_days = 30;
  // ann: 3 posts over 2 months, recent: advocate. bob: 2 posts in 2 months: contributor.
  // cat: 2 posts in one month: participant. dan: 3 posts in 2 months, but months ago: explorer.
  const Audience& a = audience_of(
      post("p1", "2026-01-05",
           comment("a1", "ann", "2026-01-05") + "," + comment("b1", "bob", "2026-01-05") + "," +
               comment("d1", "dan", "2026-01-05")) +
          "," +
          post("p2", "2026-01-20",
               comment("d2", "dan", "2026-01-20") + "," + comment("c1", "cat", "2026-05-01")) +
          "," +
          post("p3", "2026-02-10",
               comment("a2", "ann", "2026-02-10") + "," + comment("d3", "dan", "2026-02-10")) +
          "," +
          post("p4", "2026-05-01",
               comment("a3", "ann", "2026-05-02") + "," + comment("b2", "bob", "2026-05-02") + "," +
                   comment("c2", "cat", "2026-05-02")),
      o);
  CHECK(member(a, "ann").level == Level::advocate);
  CHECK(member(a, "bob").level == Level::contributor);
  CHECK(member(a, "cat").level == Level::participant);
  CHECK(member(a, "dan").level == Level::explorer);
  CHECK(a.per_level == std::array<std::uint64_t, 4>{1, 1, 1, 1});
  CHECK(a.members[0].author == "ann");
  CHECK(a.members[3].author == "dan");
}

TEST_CASE("RFM codes rank members against each other, ties alike") {
  const Audience& a = audience_of(
      post("p1", "2026-01-05",
           comment("a1", "ann", "2026-01-07", "", "many words are written here by ann") + "," +
               comment("a2", "ann", "2026-01-07") + "," + comment("b1", "bob", "2026-01-06") + "," +
               comment("c1", "cat", "2026-01-06")));
  CHECK(member(a, "ann").rfm_code() == "444");
  CHECK(member(a, "bob").rfm_code() == "111");
  CHECK(member(a, "cat").rfm_code() == "111");  // (bob's twin: the same code)
}

TEST_CASE("an export without other people's comments has no known audience") {
  const Audience a = ror::compute_audience(
      ror::test::load_text(R"({"schema": "ror/v1", "account": {"handle": "@acme"},
        "posts": [{"id": "p1", "created_at": "2026-01-01T00:00:00Z", "comments_exported": false}]})"),
      AudienceOptions{});
  CHECK_FALSE(a.comments_known);
  CHECK(a.members.empty());
}

TEST_CASE("the audience levels are configurable and checked") {
  const ror::ScoreConfig c = ror::parse_score_config(
      R"({"audience": {"recent_days": 10, "advocate": {"posts": 9, "months": 4}}})", "test");
  CHECK(c.audience.recent_days == 10);
  CHECK(c.audience.rules[0].posts == 9);
  CHECK(c.audience.rules[1].posts == 3);
  CHECK_THROWS_WITH(
      ror::parse_score_config(R"({"audience": {"participant": {"posts": 9}}})", "test"),
      Catch::Contains("audience.contributor must ask at least as much as audience.participant"));
  CHECK_THROWS_WITH(ror::parse_score_config(R"({"audience": {"advocat": {}}})", "test"),
                    Catch::Contains("did you mean \"advocate\""));
}

TEST_CASE("the levels alone (the score report's count) agree with the full table") {
  for (const char* sample : {"broadcaster", "relationship-builder", "seed-blog"}) {
    INFO(sample);
    const ror::Dataset data =
        ror::load_files({std::string(ROR_SOURCE_DIR "/data/samples/") + sample + ".json"}, {});
    for (const std::uint32_t days : {90U, 30U, 7U}) {
      AudienceOptions o;
      o.recent_days = days;
      const Audience full = ror::compute_audience(data, o);
      const Audience levels = ror::compute_audience(data, o, true);
      CHECK(levels.per_level == full.per_level);
      CHECK(levels.as_of == full.as_of);
      CHECK(levels.comments_known == full.comments_known);
    }
  }
}
