// ror compare's library side: directions, judgements, unknown sides, the split, and --require on
// either side or the change.
#include <catch2/catch.hpp>

#include <string>

#include "fixtures.hpp"
#include "ror/comparison.hpp"
#include "ror/error.hpp"
#include "ror/report.hpp"

using namespace ror;

namespace {

const ScoreConfig& defaults() {
  static const ScoreConfig config = default_score_config();
  return config;
}

// An account whose one post draws `comments` audience comments and `likes` likes; the account
// answers the first `answered` of them. With impressions unless `impressions` is 0.
std::string export_text(int comments, int answered, int likes, int impressions,
                        const std::string& day = "2026-01-05") {
  std::string list;
  for (int i = 0; i < comments; ++i) {
    list += (list.empty() ? "" : ",") + std::string(R"({"id": "c)") + std::to_string(i) +
            R"(", "author": "fan)" + std::to_string(i) + R"(", "created_at": ")" + day +
            R"(T11:00:00Z", "text": "what do you think of it"})";
    if (i < answered) {
      list += R"(,{"id": "r)" + std::to_string(i) + R"(", "author": "acme", "created_at": ")" +
              day + R"(T12:00:00Z", "text": "answer number )" + std::to_string(i) +
              R"(", "parent_id": "c)" + std::to_string(i) + R"("})";
    }
  }
  const std::string metrics = impressions > 0 ? R"("impressions": )" + std::to_string(impressions) +
                                                    R"(, "likes": )" + std::to_string(likes)
                                              : R"("likes": )" + std::to_string(likes);
  return R"({"account": {"handle": "@acme", "followers": 1000}, "posts": [{"id": "p1",
    "created_at": ")" +
         day + R"(T10:00:00Z", "text": "hello there", "metrics": {)" + metrics +
         R"(}, "comments": [)" + list + "]}]}";
}

Comparison compare_texts(const std::string& a, const std::string& b,
                         const std::vector<std::string>& requirements = {}) {
  std::vector<Requirement> parsed;
  for (const std::string& r : requirements) {
    parsed.push_back(parse_requirement(r, RequirementScope::comparison));
  }
  return build_comparison(test::load_text(a), test::load_text(b), defaults(), parsed);
}

Dataset sample(const std::string& name, LoadOptions options = {}) {
  return load_files({std::string(ROR_SOURCE_DIR) + "/data/samples/" + name}, options);
}

TimeMs at(const char* text) {
  return *parse_time_bound(text, false);
}

}  // namespace

TEST_CASE("every metric says which way is better", "[comparison]") {
  using enum MetricId;
  for (const MetricInfo& m : metric_catalog()) {
    CAPTURE(m.name);
    if (m.group == Group::hygiene) {
      CHECK(m.better == Better::lower);  // the habits that inflate reach
    }
    if (m.unit == Unit::seconds) {
      CHECK(m.better == Better::lower);  // a faster answer
    }
  }
  CHECK(metric_info(posts).better == Better::neither);
  CHECK(metric_info(posts_per_day).better == Better::neither);
  CHECK(metric_info(low_effort_comment_rate).better == Better::lower);
  CHECK(metric_info(audience_concentration).better == Better::higher);
  CHECK(metric_info(response_rate).better == Better::higher);
  CHECK(metric_info(impressions).better == Better::higher);
  CHECK(better_name(Better::neither) == "neither");
}

TEST_CASE("a change is judged by the metric's direction, and unknown is never 0", "[comparison]") {
  CHECK(judge(1, 2, Better::higher) == Judgement::better);
  CHECK(judge(2, 1, Better::higher) == Judgement::worse);
  CHECK(judge(2, 1, Better::lower) == Judgement::better);
  CHECK(judge(1, 2, Better::lower) == Judgement::worse);
  CHECK(judge(3, 3, Better::lower) == Judgement::same);
  CHECK(judge(1, 5, Better::neither) == Judgement::changed);
  CHECK(judge(5, 5, Better::neither) == Judgement::same);
  CHECK(judge(std::nullopt, 0, Better::higher) == Judgement::unknown);
  CHECK(judge(0, std::nullopt, Better::lower) == Judgement::unknown);
  CHECK(judge(std::nullopt, std::nullopt, Better::neither) == Judgement::unknown);
  CHECK(judgement_name(Judgement::changed) == "changed");
}

TEST_CASE("a comparison holds both sides, the change and its judgement", "[comparison]") {
  // b answers more of its comments, has more likes and the same single post.
  const Comparison c = compare_texts(export_text(4, 1, 10, 1000), export_text(4, 3, 30, 1000));
  const Change& likes = c.metric(MetricId::likes);
  CHECK(likes.a == 10);
  CHECK(likes.b == 30);
  CHECK(likes.delta == 20);
  CHECK(likes.relative == Approx(2.0));  // a count: relative too
  CHECK(likes.judgement == Judgement::better);
  const Change& answered = c.metric(MetricId::response_rate);
  CHECK(*answered.delta == Approx(0.5));
  CHECK_FALSE(answered.relative);  // a rate: the change in points only
  CHECK(answered.judgement == Judgement::better);
  CHECK(c.metric(MetricId::posts).judgement == Judgement::same);
  // Scores: higher is better; the change is in the reported one-decimal scores.
  const Change& ror = c.score(Group::ror);
  REQUIRE(ror.delta);
  CHECK(*ror.delta == Approx(*ror.b - *ror.a));
  CHECK(ror.judgement == Judgement::better);
  CHECK(c.a.scores.of(Group::ror) == ror.a);
  CHECK(c.b.scores.verdict == c.b.scores.verdict);
}

TEST_CASE("a figure unknown on either side has no change and an unknown judgement",
          "[comparison]") {
  // a carries no impressions; b does. a's post has no comments, so its ROR rates are unknown.
  const Comparison c = compare_texts(export_text(0, 0, 10, 0), export_text(3, 1, 10, 500));
  for (const MetricId id : {MetricId::impressions, MetricId::engagement_rate_impressions,
                            MetricId::response_rate, MetricId::audience_concentration}) {
    const Change& m = c.metric(id);
    CAPTURE(metric_info(id).name);
    CHECK_FALSE(m.a);
    CHECK(m.b);
    CHECK_FALSE(m.delta);
    CHECK_FALSE(m.relative);
    CHECK(m.judgement == Judgement::unknown);
  }
  // A relative change needs a side a that is not 0.
  const Comparison zero = compare_texts(export_text(0, 0, 0, 100), export_text(0, 0, 7, 100));
  CHECK(zero.metric(MetricId::likes).delta == 7);
  CHECK_FALSE(zero.metric(MetricId::likes).relative);
  CHECK(zero.metric(MetricId::likes).judgement == Judgement::better);
}

TEST_CASE("--require reads side a, side b or the change", "[comparison][require]") {
  const Comparison c = compare_texts(
      export_text(4, 1, 10, 1000), export_text(4, 3, 30, 1000),
      {"delta.ror.score>=0", "a.roi.posts>=10", "b.ror.response_rate>=50%",
       "ror.response_rate>=0.8", "delta.roi.likes==20", "delta.ror.score<0",
       "delta.roi.impressions>=0", "delta.ror.coverage==0", "delta.ror.response_rate>=-10%"});
  REQUIRE(c.checks.size() == 9);
  const auto passed = [&](std::size_t i) {
    CAPTURE(c.checks[i].requirement.text);
    return c.checks[i].passed;
  };
  CHECK(passed(0));
  CHECK_FALSE(passed(1));  // one post
  CHECK(c.checks[1].value == 1);
  CHECK(passed(2));        // 75%
  CHECK_FALSE(passed(3));  // a bare path reads b: 75% < 80%
  CHECK(c.checks[3].value == Approx(0.75));
  CHECK(passed(4));
  CHECK_FALSE(passed(5));
  CHECK(passed(6));  // 0, the same on both sides
  CHECK(passed(7));
  CHECK(passed(8));
  CHECK_FALSE(c.passed());

  // The change of two reported scores is itself one decimal, so an exact condition holds.
  Report low;
  Report high;
  low.scores.score[static_cast<std::size_t>(Group::ror)] = 38.1;
  high.scores.score[static_cast<std::size_t>(Group::ror)] = 49.8;
  const Comparison exact = compare_reports(
      low, high, {parse_requirement("delta.ror.score==11.7", RequirementScope::comparison)});
  CHECK(exact.checks.front().passed);

  // A change that a side cannot show is unknown, and fails.
  const Comparison u = compare_texts(export_text(0, 0, 10, 0), export_text(3, 1, 10, 500),
                                     {"delta.roi.impressions>=0", "b.roi.impressions>=0"});
  CHECK_FALSE(u.checks[0].value);
  CHECK_FALSE(u.checks[0].passed);
  CHECK(u.checks[1].passed);
}

TEST_CASE("side prefixes belong to the comparison scope", "[comparison][require]") {
  CHECK(parse_requirement("ror.score>=1", RequirementScope::comparison).side == Side::b);
  CHECK(parse_requirement("a.ror.score>=1", RequirementScope::comparison).side == Side::a);
  CHECK(parse_requirement("delta.ror.score>=-5", RequirementScope::comparison).threshold == -5);
  CHECK_THROWS_AS(parse_requirement("a.ror.score>=1"), Error);
  CHECK_THROWS_AS(parse_requirement("b.ror.score>=-5", RequirementScope::comparison), Error);
}

TEST_CASE("a split compares the posts before a date with those from it on", "[comparison]") {
  const Dataset all = sample("broadcaster.json");
  const TimeMs split = at("2025-03-15");
  const Comparison c = build_split_comparison(all, split, defaults(), {});
  REQUIRE(c.split == split);
  // Each half is the report that a window would give: --until the day before, --since the day.
  LoadOptions before;
  before.until = *parse_time_bound("2025-03-14", true);
  LoadOptions after;
  after.since = split;
  const Report a = build_report(sample("broadcaster.json", before), defaults(), {});
  const Report b = build_report(sample("broadcaster.json", after), defaults(), {});
  for (const MetricInfo& m : metric_catalog()) {
    CAPTURE(m.name);
    CHECK(c.a.metrics[m.id] == a.metrics[m.id]);
    CHECK(c.b.metrics[m.id] == b.metrics[m.id]);
  }
  for (const Group g : kGroups) {
    CHECK(c.a.scores.of(g) == a.scores.of(g));
    CHECK(c.b.scores.of(g) == b.scores.of(g));
  }
  CHECK(c.a.input.until == before.until);
  CHECK_FALSE(c.a.input.since);
  CHECK(c.b.input.since == split);
  CHECK(c.a.input.filtered_posts == a.input.filtered_posts);
  CHECK(c.b.input.filtered_posts == b.input.filtered_posts);
  CHECK(c.b.input.filtered_comments == b.input.filtered_comments);
  // posts_per_day reads each half's own period, not the whole export's.
  const double days_a =
      static_cast<double>(c.a.metrics.counts.last_post - c.a.metrics.counts.first_post) /
      86400000.0;
  CHECK(*c.a.metrics[MetricId::posts_per_day] ==
        Approx(*c.a.metrics[MetricId::posts] / std::max(1.0, days_a)));
  CHECK(c.a.metrics.counts.last_post < split);
  CHECK(c.b.metrics.counts.first_post >= split);
}

TEST_CASE("a split keeps the window asked for, and month-based rates follow each half",
          "[comparison]") {
  LoadOptions window;
  window.since = at("2025-02-10");
  const Dataset d = sample("broadcaster.json", window);
  // The first half lies within February: nobody could come back another month.
  const Comparison c = build_split_comparison(d, at("2025-03-01"), defaults(), {});
  CHECK(c.a.input.since == window.since);
  CHECK(c.a.input.until == at("2025-03-01") - 1);
  CHECK(c.a.metrics.why_unknown(MetricId::retained_audience_rate) == Unknown::one_month);
  CHECK(c.metric(MetricId::retained_audience_rate).judgement == Judgement::unknown);
}

TEST_CASE("a split with an empty half is bad input", "[comparison]") {
  const Dataset d = sample("broadcaster.json");
  for (const char* split : {"2025-01-01", "2025-02-03T00:00:00Z", "2026-01-01"}) {
    CAPTURE(split);
    try {
      build_split_comparison(d, at(split), defaults(), {});
      FAIL("no error");
    } catch (const Error& e) {
      CHECK(e.code() == ExitCode::bad_input);
      CHECK(std::string(e.what()).find("both halves need posts") != std::string::npos);
    }
  }
}
