#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <deque>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "fixtures.hpp"
#include "generated_dataset.hpp"
#include "ror/error.hpp"
#include "ror/render.hpp"
#include "ror/report.hpp"
#include "ror/score.hpp"

using nlohmann::json;
using ror::BreakdownBy;
using ror::Group;
using ror::MetricId;
using ror::Report;
using ror::ScoreConfig;
using ror::Verdict;
namespace gen = ror::test::gen;

namespace {

// Seeds per property; the whole file stays well under 5 s in a Release build.
constexpr std::uint64_t kSeeds = 200;

constexpr auto kRoi = static_cast<std::size_t>(Group::roi);
constexpr auto kRor = static_cast<std::size_t>(Group::ror);
constexpr auto kHygiene = static_cast<std::size_t>(Group::hygiene);

const ScoreConfig& defaults() {
  static const ScoreConfig config = ror::default_score_config();
  return config;
}

Report report_of(const std::string& text, const ScoreConfig& config = defaults(),
                 std::optional<BreakdownBy> by = std::nullopt,
                 const std::string& name = "generated") {
  // (a breakdown's rows are computed as they are read, from the dataset: kept for the run)
  static std::deque<ror::Dataset> kept;
  return ror::build_report(kept.emplace_back(ror::test::load_text(text, {}, name)), config, {}, by);
}

Report report_of(const json& doc, const ScoreConfig& config = defaults(),
                 std::optional<BreakdownBy> by = std::nullopt) {
  return report_of(gen::to_document(doc), config, by);
}

std::string rendered(const Report& report, const ror::Renderer& renderer) {
  std::ostringstream out;
  renderer.render(report, ror::RenderOptions{}, out);
  return out.str();
}

std::string json_of(const Report& report) {
  std::ostringstream out;
  ror::render_json(report, ror::RenderOptions{}, out);
  return out.str();
}

// The --format json text with some "input" fields removed.
std::string json_without_input(const Report& report, const std::vector<std::string>& fields) {
  auto doc = nlohmann::ordered_json::parse(json_of(report));
  for (const std::string& f : fields) {
    doc.at("input").erase(f);
  }
  return doc.dump(1);
}

// The verdict the 50/50 rule gives for reported scores (unknown counts as below).
Verdict expected_verdict(const ror::Scores& s) {
  if (s.low_confidence_of(Group::roi) || s.low_confidence_of(Group::ror)) {
    return Verdict::insufficient_data;
  }
  const auto high = [&](Group g) { return s.of(g) && *s.of(g) >= 50.0; };
  if (high(Group::roi)) {
    return high(Group::ror) ? Verdict::relationship_builder : Verdict::broadcaster;
  }
  return high(Group::ror) ? Verdict::niche_community : Verdict::dormant;
}

void check_in_range(const ror::Scores& s) {
  for (const Group g : ror::kGroups) {
    const auto i = static_cast<std::size_t>(g);
    CAPTURE(ror::group_name(g));
    CHECK(s.exact[i].has_value() == s.score[i].has_value());
    // The share of the weight that rests on known inputs: some of it exactly when known.
    CHECK(s.coverage[i] >= 0.0);
    CHECK(s.coverage[i] <= 1.0);
    CHECK(s.exact[i].has_value() == (s.coverage[i] > 0.0));
    if (s.exact[i]) {
      CHECK(*s.exact[i] >= 0.0);  // false for NaN too
      CHECK(*s.exact[i] <= 100.0);
      CHECK(*s.score[i] >= 0.0);
      CHECK(*s.score[i] <= 100.0);
    }
  }
}

// A random but valid score configuration: any inputs of each group, any weights and scales.
std::string random_config(std::uint64_t seed) {
  gen::Rng rng(seed);
  static const std::vector<double> levels = {0, 0.01, 0.3, 0.5, 1, 2, 50, 1000, 1e6};
  json config = json::object();
  for (const Group g : ror::kGroups) {
    std::vector<std::string> inputs;
    for (const ror::MetricInfo& info : ror::metric_catalog()) {
      if (info.group == g) {
        inputs.emplace_back(info.name);
      }
    }
    for (const ror::DerivedInput& d : ror::derived_inputs()) {
      if (d.group == g) {
        inputs.emplace_back(d.name);
      }
    }
    json list = json::array();
    const std::int64_t n = rng.between(0, 8);
    for (std::int64_t k = 0; k < n; ++k) {
      const double good = rng.pick(levels);
      double bad = rng.pick(levels);
      if (bad == good) {
        bad = good + 1;
      }
      const std::string input = rng.pick(inputs);
      const std::int64_t weight = rng.between(0, 20);
      const bool log = rng.chance(40);
      list.push_back({{"input", input},
                      {"weight", weight},
                      {"scale", log ? "log" : "linear"},
                      {"good", good},
                      {"bad", bad}});
    }
    config[std::string(ror::group_name(g))] = list;
  }
  return config.dump();
}

}  // namespace

TEST_CASE("every score stays within 0-100 or is unknown", "[score]") {
  for (std::uint64_t seed = 1; seed <= kSeeds; ++seed) {
    CAPTURE(seed);
    const json doc = gen::generate(seed, gen::Options{seed % 4 == 3});
    const std::string text = gen::to_document(doc);
    const ScoreConfig random = ror::parse_score_config(random_config(seed), "random.json");
    for (const ScoreConfig* config : {&defaults(), &random}) {
      for (const auto by : {std::optional<BreakdownBy>{}, std::optional{BreakdownBy::post},
                            std::optional{BreakdownBy::month}}) {
        const Report r = report_of(text, *config, by);
        check_in_range(r.scores);
        for (const ror::BreakdownRow& row : r.rows) {
          CAPTURE(row.key);
          check_in_range(row.scores);
        }
      }
    }
  }
}

TEST_CASE("scaling every reach count and followers leaves ror.score unchanged", "[score]") {
  std::uint64_t with_action_rate = 0;
  for (std::uint64_t seed = 1; seed <= kSeeds; ++seed) {
    CAPTURE(seed);
    const json doc = gen::generate(seed);
    const Report base = report_of(doc, defaults(), BreakdownBy::month);
    with_action_rate += base.metrics[MetricId::action_rate] ? 1U : 0U;
    for (const std::int64_t factor : {2, 10, 1000}) {
      CAPTURE(factor);
      const Report scaled = report_of(gen::scaled(doc, factor), defaults(), BreakdownBy::month);
      // The edit did scale the reach side.
      for (const MetricId m : {MetricId::impressions, MetricId::clicks, MetricId::followers}) {
        REQUIRE(scaled.metrics[m].has_value() == base.metrics[m].has_value());
        if (base.metrics[m]) {
          CHECK(*scaled.metrics[m] == *base.metrics[m] * static_cast<double>(factor));
        }
      }
      CHECK(scaled.scores.exact[kRor] == base.scores.exact[kRor]);
      CHECK(scaled.scores.score[kRor] == base.scores.score[kRor]);
      REQUIRE(scaled.rows.size() == base.rows.size());
      for (std::size_t i = 0; i < base.rows.size(); ++i) {
        CAPTURE(base.rows[i].key);
        CHECK(scaled.rows[i].scores.exact[kRor] == base.rows[i].scores.exact[kRor]);
      }
    }
  }
  CHECK(with_action_rate >= kSeeds / 4);  // the one reach-based ror input is often in play
}

TEST_CASE("answering an unanswered audience comment raises ror.score", "[score]") {
  std::uint64_t answered = 0;
  for (std::uint64_t seed = 1; seed <= kSeeds; ++seed) {
    CAPTURE(seed);
    json doc = gen::generate(seed);
    Report before = report_of(doc);
    // Up to three answers in a row, each must help.
    for (int step = 0; step < 3; ++step) {
      CAPTURE(step);
      const auto next = gen::with_answer(doc, seed * 7 + static_cast<std::uint64_t>(step));
      if (!next) {
        break;
      }
      ++answered;
      const Report after = report_of(*next);
      CHECK(after.metrics.counts.answered == before.metrics.counts.answered + 1);
      CHECK(after.metrics.counts.awaiting == before.metrics.counts.awaiting);
      REQUIRE(before.scores.exact[kRor]);
      REQUIRE(after.scores.exact[kRor]);
      CHECK(*after.scores.exact[kRor] > *before.scores.exact[kRor]);
      CHECK(*after.scores.score[kRor] >= *before.scores.score[kRor]);
      doc = *next;
      before = after;
    }
  }
  CHECK(answered >= kSeeds);  // most seeds had comments left to answer
}

TEST_CASE("a burst of duplicate hashtag-stuffed posts lowers hygiene, never raises ror",
          "[score]") {
  for (std::uint64_t seed = 1; seed <= kSeeds; ++seed) {
    CAPTURE(seed);
    const json doc = gen::generate(seed);
    const std::size_t k = 3 + seed % 4;
    const auto metrics = static_cast<gen::BurstMetrics>(seed % 3);
    CAPTURE(k, static_cast<int>(metrics));
    const Report before = report_of(doc);
    const Report after = report_of(gen::with_burst(doc, k, seed, metrics));
    // The edit is what it says: k more originals, all stuffed, repeated and in one burst.
    const ror::MetricCounts& b = before.metrics.counts;
    const ror::MetricCounts& a = after.metrics.counts;
    CHECK(a.original_posts == b.original_posts + k);
    CHECK(a.hashtag_abuse_posts == b.hashtag_abuse_posts + k);
    CHECK(a.duplicate_posts >= b.duplicate_posts + k - 1);
    CHECK(a.burst_posts >= b.burst_posts + k);

    REQUIRE(after.scores.exact[kHygiene]);
    if (before.scores.exact[kHygiene]) {
      const double was = *before.scores.exact[kHygiene];
      const double now = *after.scores.exact[kHygiene];
      CHECK((now < was || was == 0.0));
      CHECK((*after.scores.score[kHygiene] < *before.scores.score[kHygiene] ||
             *before.scores.score[kHygiene] == 0.0));
    }
    REQUIRE(before.scores.exact[kRor].has_value() == after.scores.exact[kRor].has_value());
    if (before.scores.exact[kRor]) {
      CHECK(*after.scores.exact[kRor] <= *before.scores.exact[kRor]);
      CHECK(*after.scores.score[kRor] <= *before.scores.score[kRor]);
    }
  }
}

TEST_CASE("input order never changes any output", "[score]") {
  const std::vector<std::optional<BreakdownBy>> breakdowns = {std::nullopt, BreakdownBy::post,
                                                              BreakdownBy::month};
  for (std::uint64_t seed = 1; seed <= kSeeds; ++seed) {
    CAPTURE(seed);
    const json doc = gen::generate(seed);
    const json mixed = gen::shuffled(doc, seed);
    REQUIRE(mixed != doc);
    for (const auto& by : breakdowns) {
      CAPTURE(by.has_value() ? static_cast<int>(*by) : -1);
      const Report a = report_of(doc, defaults(), by);
      const Report b = report_of(mixed, defaults(), by);
      for (const ror::Renderer& renderer : ror::renderers()) {
        CAPTURE(renderer.name);
        CHECK(rendered(a, renderer) == rendered(b, renderer));
      }
    }

    // The JSON document and NDJSON give the same report. Both inputs have the same name; only
    // the byte count differs (both read as ror/v1). (No SECTION here: in a loop, Catch would
    // enter it for the first seed only.)
    const std::vector<std::string> differ = {"formats", "bytes"};
    for (const auto& by : breakdowns) {
      CAPTURE(by.has_value() ? static_cast<int>(*by) : -1);
      const Report a = report_of(gen::to_document(doc), defaults(), by, "export");
      const Report b = report_of(gen::to_ndjson(mixed), defaults(), by, "export");
      REQUIRE(a.input.formats == std::vector<std::string>{"ror/v1"});
      REQUIRE(b.input.formats == std::vector<std::string>{"ror/v1"});
      CHECK(json_without_input(a, differ) == json_without_input(b, differ));
    }
  }
}

TEST_CASE(
    "input order never changes the report of data that needed repairs but for the first warning",
    "[score]") {
  // The first warning is the first in input order (test_load_rules.cpp checks it), so shuffled
  // records may name another one first; everything else stays as it was.
  std::uint64_t repaired = 0;
  for (std::uint64_t seed = 1; seed <= kSeeds; ++seed) {
    CAPTURE(seed);
    const json doc = gen::generate(seed, gen::Options{true});
    Report a = report_of(doc);
    Report b = report_of(gen::shuffled(doc, seed + 1));
    repaired += a.input.warnings.total() > 0 ? 1U : 0U;
    CHECK(a.input.warnings.total() == b.input.warnings.total());
    CHECK(a.input.warnings.first.empty() == b.input.warnings.first.empty());
    for (Report* r : {&a, &b}) {
      r->input.warnings.first = r->input.warnings.first.empty() ? "" : "(the first warning)";
    }
    for (const ror::Renderer& renderer : ror::renderers()) {
      CAPTURE(renderer.name);
      CHECK(rendered(a, renderer) == rendered(b, renderer));
    }
  }
  CHECK(repaired >= kSeeds / 4);
}

TEST_CASE("the verdict follows the 50/50 rule on the reported scores", "[score]") {
  SECTION("on generated data") {
    for (std::uint64_t seed = 1; seed <= kSeeds; ++seed) {
      CAPTURE(seed);
      const Report r = report_of(gen::generate(seed));
      CHECK(r.scores.verdict == expected_verdict(r.scores));
      CHECK(nlohmann::json::parse(json_of(r)).at("verdict") ==
            std::string(ror::verdict_name(expected_verdict(r.scores))));
    }
  }
  SECTION("at the boundary, the rounded score decides") {
    // One component per side, so the score is 100 x the value.
    const ScoreConfig config = ror::parse_score_config(
        R"({"roi": [{"input": "posts_per_day", "weight": 1, "good": 1}],
            "ror": [{"input": "response_rate", "weight": 1, "good": 1}]})",
        "boundary.json");
    REQUIRE(config.verdict_threshold == 50.0);
    struct Case {
      std::optional<double> roi;
      std::optional<double> ror;
      Verdict verdict;
    };
    const std::vector<Case> cases = {
        {0.5, 0.5, Verdict::relationship_builder},
        {0.4996, 0.49951, Verdict::relationship_builder},  // 49.96 and 49.951 report as 50.0
        {0.4996, 0.49949, Verdict::broadcaster},           // 49.949 reports as 49.9
        {0.49949, 0.9, Verdict::niche_community},
        {0.1, 0.2, Verdict::dormant},
        {1.0, std::nullopt, Verdict::insufficient_data},  // a side on no data: no verdict
        {std::nullopt, 1.0, Verdict::insufficient_data},
        {std::nullopt, std::nullopt, Verdict::insufficient_data},
    };
    for (const Case& c : cases) {
      ror::MetricValues v;
      v.set(MetricId::posts_per_day, c.roi);
      v.set(MetricId::response_rate, c.ror);
      const ror::Scores s = ror::compute_scores(v, config);
      CAPTURE(c.roi, c.ror, s.score[kRoi], s.score[kRor]);
      CHECK(s.verdict == c.verdict);
      CHECK(s.verdict == expected_verdict(s));
    }
    CHECK(ror::verdict_name(Verdict::relationship_builder) == "relationship-builder");
    CHECK(ror::verdict_name(Verdict::broadcaster) == "broadcaster");
    CHECK(ror::verdict_name(Verdict::niche_community) == "niche-community");
    CHECK(ror::verdict_name(Verdict::dormant) == "dormant");
    CHECK(ror::verdict_name(Verdict::insufficient_data) == "insufficient-data");
  }
}

TEST_CASE("a verdict needs min_coverage of each side's weight", "[score]") {
  // ROI: posts_per_day (weight 1) and followers (weight 3); ROR: response_rate (1) and
  // conversation_rate (1). Known weight decides, against min_coverage.
  ScoreConfig config = ror::parse_score_config(
      R"({"roi": [{"input": "posts_per_day", "weight": 1, "good": 1},
                  {"input": "followers", "weight": 3, "good": 1000}],
          "ror": [{"input": "response_rate", "weight": 1, "good": 1},
                  {"input": "conversation_rate", "weight": 1, "good": 1}]})",
      "coverage.json");
  REQUIRE(config.min_coverage == 0.5);
  ror::MetricValues v;
  v.set(MetricId::posts_per_day, 1.0);
  v.set(MetricId::followers, std::nullopt, ror::Unknown::not_carried);
  v.set(MetricId::response_rate, 1.0);
  v.set(MetricId::conversation_rate, 2.0);
  SECTION("a quarter of ROI's weight is too little, whatever its value") {
    const ror::Scores s = ror::compute_scores(v, config);
    CHECK(s.coverage_of(Group::roi) == 0.25);
    CHECK(s.of(Group::roi) == 100.0);  // the value is still reported
    CHECK(s.low_confidence_of(Group::roi));
    CHECK_FALSE(s.low_confidence_of(Group::ror));
    CHECK(s.verdict == Verdict::insufficient_data);
    CHECK(s.missing[kRoi] == "the export gives no follower count");
    CHECK(s.insufficient ==
          "ROI rests on 25% of its weight, 50% needed: the export gives no follower count");
  }
  SECTION("a lower min_coverage accepts it") {
    config.min_coverage = 0.25;
    const ror::Scores s = ror::compute_scores(v, config);
    CHECK_FALSE(s.low_confidence_of(Group::roi));
    CHECK(s.verdict == Verdict::relationship_builder);
    CHECK(s.insufficient.empty());
    CHECK(s.missing[kRoi] == "the export gives no follower count");  // still named
  }
  SECTION("exactly min_coverage is enough; both sides short are both named") {
    v.set(MetricId::followers, 10.0);
    v.set(MetricId::posts_per_day, std::nullopt);
    config.min_coverage = 0.75;
    ror::Scores s = ror::compute_scores(v, config);
    CHECK(s.coverage_of(Group::roi) == 0.75);
    CHECK_FALSE(s.low_confidence_of(Group::roi));
    v.set(MetricId::response_rate, std::nullopt);
    s = ror::compute_scores(v, config);
    CHECK(s.low_confidence_of(Group::ror));
    CHECK(s.insufficient ==
          "ROR rests on 50% of its weight, 75% needed: no comment awaits an answer");
    config.min_coverage = 0.8;
    s = ror::compute_scores(v, config);
    CHECK(s.insufficient.find("ROI rests on 75% of its weight, 80% needed: ") == 0);
    CHECK(s.insufficient.find("; ROR rests on 50%") != std::string::npos);
  }
}

namespace {

// The exit code parse_score_config fails with, or ok.
ror::ExitCode config_failure(const std::string& text) {
  try {
    ror::parse_score_config(text, "test-config.json");
  } catch (const ror::Error& e) {
    return e.code();
  }
  return ror::ExitCode::ok;
}

// The message of the usage error parse_score_config fails with, or "" (also on another error).
std::string config_message(const std::string& text) {
  try {
    ror::parse_score_config(text, "test-config.json");
  } catch (const ror::Error& e) {
    return e.code() == ror::ExitCode::usage ? e.what() : "";
  }
  return "";
}

bool same_components(const ScoreConfig& a, const ScoreConfig& b, Group g) {
  const auto& x = a.components[static_cast<std::size_t>(g)];
  const auto& y = b.components[static_cast<std::size_t>(g)];
  if (x.size() != y.size()) {
    return false;
  }
  for (std::size_t i = 0; i < x.size(); ++i) {
    if (x[i].input != y[i].input || x[i].weight != y[i].weight || x[i].scale != y[i].scale ||
        x[i].good != y[i].good || x[i].bad != y[i].bad) {
      return false;
    }
  }
  return true;
}

// Four original posts with 1, 3, 5 and 6 hashtags.
const char* const kHashtagFixture = R"({"schema": "ror/v1",
  "account": {"handle": "@acme", "followers": 1000},
  "posts": [
    {"id": "p1", "created_at": "2026-01-05T10:00:00Z", "text": "one #a"},
    {"id": "p2", "created_at": "2026-01-06T10:00:00Z", "text": "three #a #b #c"},
    {"id": "p3", "created_at": "2026-01-07T10:00:00Z", "hashtags": ["a", "b", "c", "d", "e"]},
    {"id": "p4", "created_at": "2026-01-08T10:00:00Z", "text": "six #a #b #c #d #e #f",
     "comments": [{"id": "c1", "author": "bob", "created_at": "2026-01-08T11:00:00Z",
                   "text": "nice"}]}]})";

double normalised(double v, const ror::ScoreComponent& c) {
  const double x = c.scale == ror::Scale::log ? (std::log1p(v) - std::log1p(c.bad)) /
                                                    (std::log1p(c.good) - std::log1p(c.bad))
                                              : (v - c.bad) / (c.good - c.bad);
  return std::clamp(x, 0.0, 1.0);
}

}  // namespace

TEST_CASE("invalid score configurations are usage errors", "[score]") {
  CHECK(config_failure(R"({"ror": [{"input": "response_rate", "weight": 1}]})") ==
        ror::ExitCode::ok);
  CHECK(config_failure("{}") == ror::ExitCode::ok);
  // Unknown inputs, including a metric of another group.
  CHECK(config_failure(R"({"ror": [{"input": "happiness", "weight": 1}]})") ==
        ror::ExitCode::usage);
  CHECK(config_failure(R"({"ror": [{"input": "followers", "weight": 1}]})") ==
        ror::ExitCode::usage);
  CHECK(config_failure(R"({"hygiene": [{"input": "timely_response", "weight": 1}]})") ==
        ror::ExitCode::usage);
  CHECK(config_failure(R"({"roi": [{"weight": 1}]})") == ror::ExitCode::usage);
  // Scales.
  CHECK(config_failure(R"({"roi": [{"input": "reach", "scale": "cubic"}]})") ==
        ror::ExitCode::usage);
  CHECK(config_failure(R"({"roi": [{"input": "reach", "scale": "log", "good": 10, "bad": -1}]})") ==
        ror::ExitCode::usage);
  // Weights and ranges.
  CHECK(config_failure(R"({"roi": [{"input": "reach", "weight": -1}]})") == ror::ExitCode::usage);
  CHECK(config_failure(R"({"roi": [{"input": "reach", "weight": "5"}]})") == ror::ExitCode::usage);
  CHECK(config_failure(R"({"roi": [{"input": "reach", "good": 3, "bad": 3}]})") ==
        ror::ExitCode::usage);
  CHECK(config_failure(R"({"roi": [{"input": "reach", "good": 0}]})") ==
        ror::ExitCode::usage);  // bad defaults to 0
  // Malformed JSON, and JSON that is no configuration.
  CHECK(config_failure(R"({"roi": [)") == ror::ExitCode::usage);
  CHECK(config_failure("") == ror::ExitCode::usage);
  CHECK(config_failure("[]") == ror::ExitCode::usage);
  CHECK(config_failure(R"({"roi": {"input": "reach"}})") == ror::ExitCode::usage);
  CHECK(config_failure(R"({"schema": "ror-score/v2"})") == ror::ExitCode::usage);
  CHECK(config_failure(R"({"thresholds": {"hashtag_limit": -1}})") == ror::ExitCode::usage);
  CHECK(config_failure(R"({"thresholds": {"hashtag_limit": 2.5}})") == ror::ExitCode::usage);
}

TEST_CASE("a partial configuration replaces only the keys it has", "[score]") {
  const ScoreConfig config =
      ror::parse_score_config(R"({"thresholds": {"hashtag_limit": 5}})", "partial.json");
  const ScoreConfig& d = defaults();
  CHECK(d.metrics.hashtag_limit == 2);
  CHECK(config.metrics.hashtag_limit == 5);
  CHECK(config.metrics.mention_blast == d.metrics.mention_blast);
  CHECK(config.metrics.burst_posts == d.metrics.burst_posts);
  CHECK(config.metrics.burst_window_seconds == d.metrics.burst_window_seconds);
  CHECK(config.metrics.substantive_words == d.metrics.substantive_words);
  CHECK(config.metrics.low_effort_words == d.metrics.low_effort_words);
  CHECK(config.metrics.top == d.metrics.top);
  CHECK(config.credit_good_seconds == d.credit_good_seconds);
  CHECK(config.credit_bad_seconds == d.credit_bad_seconds);
  CHECK(config.credit_floor == d.credit_floor);
  CHECK(config.verdict_threshold == d.verdict_threshold);
  CHECK(config.min_coverage == d.min_coverage);
  for (const Group g : ror::kGroups) {
    CAPTURE(ror::group_name(g));
    CHECK(same_components(config, d, g));
  }

  const Report by_default = report_of(std::string(kHashtagFixture), d);
  const Report by_config = report_of(std::string(kHashtagFixture), config);
  REQUIRE(by_default.metrics[MetricId::hashtag_abuse_rate]);
  REQUIRE(by_config.metrics[MetricId::hashtag_abuse_rate]);
  CHECK(*by_default.metrics[MetricId::hashtag_abuse_rate] == Approx(0.75));
  CHECK(*by_config.metrics[MetricId::hashtag_abuse_rate] == Approx(0.25));
  CHECK(*by_config.scores.exact[kHygiene] > *by_default.scores.exact[kHygiene]);
  CHECK(by_config.scores.exact[kRoi] == by_default.scores.exact[kRoi]);
  CHECK(by_config.scores.exact[kRor] == by_default.scores.exact[kRor]);

  SECTION("a component list replaces that group's list only") {
    const ScoreConfig ror_only = ror::parse_score_config(
        R"({"ror": [{"input": "response_rate", "weight": 2}]})", "ror-only.json");
    REQUIRE(ror_only.components[kRor].size() == 1);
    CHECK(ror_only.components[kRor][0].input == "response_rate");
    CHECK(ror_only.components[kRor][0].weight == 2);
    CHECK(ror_only.components[kRor][0].scale == ror::Scale::linear);
    CHECK(same_components(ror_only, d, Group::roi));
    CHECK(same_components(ror_only, d, Group::hygiene));
    CHECK(ror_only.metrics.hashtag_limit == d.metrics.hashtag_limit);
  }
}

TEST_CASE("unknown score inputs drop out and the rest are renormalised", "[score]") {
  const ScoreConfig& d = defaults();
  SECTION("one known ror metric: the score is 100 x its normalised value") {
    std::size_t tried = 0;
    for (const ror::ScoreComponent& c : d.components[kRor]) {
      const auto id = ror::find_metric(Group::ror, c.input);
      if (!id) {
        continue;  // the derived inputs, below
      }
      CAPTURE(c.input);
      for (const double share : {0.0, 0.37, 0.8, 1.5}) {
        const double value = c.bad + share * (c.good - c.bad);
        ror::MetricValues v;
        v.set(*id, value);
        const ror::Scores s = ror::compute_scores(v, d);
        CAPTURE(value);
        REQUIRE(s.exact[kRor]);
        CHECK(*s.exact[kRor] == Approx(100.0 * normalised(value, c)).margin(1e-9));
        CHECK_FALSE(s.exact[kRoi]);
        CHECK_FALSE(s.exact[kHygiene]);
        CHECK(s.verdict == expected_verdict(s));
      }
      ++tried;
    }
    CHECK(tried >= 5);
  }
  SECTION("the derived inputs are known exactly when comments await an answer") {
    ror::MetricValues v;
    v.counts.awaiting = 4;
    v.counts.answered = 3;
    v.counts.reciprocated = 1;
    v.response_delays = {60.0, 7200.0, 864000.0};
    const double mid = 1.0 - (1.0 - d.credit_floor) * (std::log(7200.0) - std::log(3600.0)) /
                                 (std::log(604800.0) - std::log(3600.0));
    const double timely = (1.0 + mid + d.credit_floor) / 4.0;
    const double two_way = 0.25;
    REQUIRE(ror::score_input(v, Group::ror, "timely_response", d));
    CHECK(*ror::score_input(v, Group::ror, "timely_response", d) == Approx(timely));
    CHECK(*ror::score_input(v, Group::ror, "two_way_rate", d) == Approx(two_way));
    double weighted = 0;
    double weights = 0;
    for (const ror::ScoreComponent& c : d.components[kRor]) {
      if (c.input == "timely_response" || c.input == "two_way_rate") {
        weighted += c.weight * normalised(c.input == "timely_response" ? timely : two_way, c);
        weights += c.weight;
      }
    }
    REQUIRE(weights > 0);
    const ror::Scores s = ror::compute_scores(v, d);
    REQUIRE(s.exact[kRor]);
    CHECK(*s.exact[kRor] == Approx(100.0 * weighted / weights).margin(1e-9));

    v.counts.awaiting = 0;
    CHECK_FALSE(ror::score_input(v, Group::ror, "timely_response", d));
    CHECK_FALSE(ror::score_input(v, Group::ror, "two_way_rate", d));
    CHECK_FALSE(ror::compute_scores(v, d).exact[kRor]);
  }
  SECTION("on generated data, unknown components weigh exactly nothing") {
    for (std::uint64_t seed = 1; seed <= kSeeds; ++seed) {
      CAPTURE(seed);
      const Report r = report_of(gen::generate(seed));
      ScoreConfig known_only = d;
      for (const Group g : ror::kGroups) {
        auto& list = known_only.components[static_cast<std::size_t>(g)];
        std::erase_if(list, [&](const ror::ScoreComponent& c) {
          return !ror::score_input(r.metrics, g, c.input, d);
        });
      }
      const ror::Scores s = ror::compute_scores(r.metrics, known_only);
      CHECK(s.exact == r.scores.exact);
      CHECK(s.score == r.scores.score);
    }
  }
}

// Known problems, reported with these minimal reproducers. They run but do not fail the suite.

TEST_CASE("a burst never raises hygiene, even when every habit is already saturated", "[score]") {
  // Four originals that already stuff hashtags, repeat each other, come in a burst and each
  // mention three people. Six more stuffed duplicates in a burst dilute mention_blast_rate
  // (0.8 -> 0.36) while the other rates were already past their "bad" end: hygiene goes from
  // 20.0 to 21.6.
  json doc = {{"account", {{"handle", "@acme"}, {"followers", 100}}}, {"posts", json::array()}};
  for (int i = 0; i < 4; ++i) {
    doc["posts"].push_back({{"id", gen::numbered("p", i)},
                            {"created_at", gen::format_time(1767607200000 + i * 60000, {})},
                            {"text", "buy now"},
                            {"mentions", {"a", "b", "c"}},
                            {"hashtags", {"x", "y", "z"}}});
  }
  doc["posts"].push_back(json::parse(R"({"id": "p9", "created_at": "2026-02-01T10:00:00Z",
    "text": "hello", "comments": [
      {"id": "c1", "author": "bob", "created_at": "2026-02-01T11:00:00Z", "text": "hi there"},
      {"id": "c2", "author": "acme", "created_at": "2026-02-01T12:00:00Z", "text": "welcome",
       "parent_id": "c1"}]})"));
  const json burst = gen::with_burst(doc, 6, 1);
  const Report before = report_of(doc);
  const Report after = report_of(burst);
  REQUIRE(before.scores.exact[kHygiene]);
  REQUIRE(after.scores.exact[kHygiene]);
  CAPTURE(*before.scores.score[kHygiene], *after.scores.score[kHygiene]);
  CHECK((*after.scores.exact[kHygiene] < *before.scores.exact[kHygiene] ||
         *before.scores.exact[kHygiene] == 0.0));
}

TEST_CASE("a burst never raises ror, even when its posts draw clicks", "[score]") {
  // 30 posts with 5 clicks per 1000 impressions, then 3 stuffed duplicates with 40: action_rate
  // rises more than conversation_rate falls, so ror.score goes from 33.7 to 34.2.
  json doc = {{"account", {{"handle", "@acme"}}}, {"posts", json::array()}};
  const std::int64_t day = 86400000;
  const std::int64_t start = 1767607200000;  // 2026-01-05T10:00:00Z
  for (int i = 0; i < 30; ++i) {
    json comment = {{"id", "c1"},
                    {"author", gen::numbered("u", i % 7)},
                    {"created_at", gen::format_time(start + i * day + 3600000, {})},
                    {"text", "hi"}};
    doc["posts"].push_back({{"id", gen::numbered("p", i)},
                            {"created_at", gen::format_time(start + i * day, {})},
                            {"text", gen::numbered("post ", i)},
                            {"metrics", {{"impressions", 1000}, {"clicks", 5}}},
                            {"comments", json::array({comment})}});
  }
  json burst = doc;
  for (int i = 0; i < 3; ++i) {
    burst["posts"].push_back({{"id", gen::numbered("b", i)},
                              {"created_at", gen::format_time(start + 40 * day + i * 60000, {})},
                              {"text", "SALE #a #b #c #d #e"},
                              {"metrics", {{"impressions", 1000}, {"clicks", 40}}}});
  }
  const Report before = report_of(doc);
  const Report after = report_of(burst);
  REQUIRE(before.scores.exact[kRor]);
  REQUIRE(after.scores.exact[kRor]);
  CAPTURE(*before.scores.score[kRor], *after.scores.score[kRor]);
  CHECK(*after.scores.exact[kRor] <= *before.scores.exact[kRor]);
}

TEST_CASE("--require reads thresholds in the metric's own unit", "[score][require]") {
  const auto threshold = [](const char* text) { return ror::parse_requirement(text).threshold; };
  CHECK(threshold("hygiene.hashtag_abuse_rate<=10%") == Approx(0.10));
  CHECK(threshold("hygiene.hashtag_abuse_rate<=0.1") == Approx(0.10));
  CHECK(threshold("ror.response_time_median<=90m") == 5400);
  CHECK(threshold("ror.response_time_median<=1.5h") == 5400);
  CHECK(threshold("ror.response_time_p90<=2d") == 172800);
  CHECK(threshold("ror.response_time_p90<=1w") == 604800);
  CHECK(threshold("ror.response_time_p90<=30s") == 30);
  CHECK(threshold("ror.response_time_p90<=3600") == 3600);  // bare: seconds
  CHECK(threshold("roi.posts>=1e2") == 100);
  CHECK(threshold("ror.score>=60") == 60);
  const ror::Requirement c = ror::parse_requirement("ror.coverage >= 50%");
  CHECK(c.coverage);
  CHECK_FALSE(c.metric);
  CHECK(c.threshold == 0.5);
  ror::MetricValues v;
  ror::Scores s;
  s.coverage[static_cast<std::size_t>(Group::ror)] = 0.6839;
  CHECK(ror::requirement_value(c, v, s) == Approx(0.684));  // as the reports print it
  for (const char* wrong : {"hygiene.hashtag_abuse_rate<=10",
                            "hygiene.hashtag_abuse_rate>=-0.1",
                            "ror.score>=nan",
                            "ror.score>=inf",
                            "ror.score>=-inf",
                            "ror.score>=infinity",
                            "ror.score>=0x10",
                            "ror.score>=1e",
                            "ror.score>=.",
                            "ror.score>=",
                            "ror.score>=160",
                            "ror.score>=50%",
                            "roi.posts>=10%",
                            "roi.posts<=2d",
                            "ror.response_rate<=1h",
                            "ror.response_time_median<=1y",
                            "ror.coverage>=2",
                            "ror.response_time_median<=5%",
                            "ror.response_rate>=150%",
                            "roi.posts>=-1",
                            "ror.response_time_median<=-1h",
                            "ror.response_time_median<=1e305w"}) {
    CAPTURE(wrong);
    CHECK_THROWS_AS(ror::parse_requirement(wrong), ror::Error);
  }
  CHECK_THROWS_WITH(ror::parse_requirement("hygiene.hashtag_abuse_rate<=10"),
                    "--require 'hygiene.hashtag_abuse_rate<=10': hashtag_abuse_rate is a fraction "
                    "from 0 to 1; write 10% or 0.1");
}

TEST_CASE("a configuration names its unknown keys, wrong types and values out of range",
          "[score]") {
  SECTION("unknown keys at every level, with the nearest known name") {
    CHECK(config_message(R"({"thresholds": {"hashtag_limt": 3}})") ==
          "invalid score configuration: unknown key \"thresholds.hashtag_limt\" (did you mean "
          "\"hashtag_limit\"?) (test-config.json)");
    CHECK(config_message(R"({"verdict_treshold": 40})") ==
          "invalid score configuration: unknown key \"verdict_treshold\" (did you mean "
          "\"verdict_threshold\"?) (test-config.json)");
    CHECK(config_message(R"({"response_credit": {"flor": 0.5}})") ==
          "invalid score configuration: unknown key \"response_credit.flor\" (did you mean "
          "\"floor\"?) (test-config.json)");
    CHECK(config_message(R"({"ror": [{"input": "response_rate"}, {"input": "response_rate",
                                       "wieght": 1}]})") ==
          "invalid score configuration: unknown key \"ror[1].wieght\" (did you mean "
          "\"weight\"?) (test-config.json)");
    CHECK(config_message(R"({"colour": "blue"})") ==
          "invalid score configuration: unknown key \"colour\" (test-config.json)");
    // A key that would break the one-line message is escaped.
    CHECK(config_message("{\"a\\nb\": 1}") ==
          "invalid score configuration: unknown key \"a\\nb\" (test-config.json)");
  }
  SECTION("wrong types") {
    CHECK(config_message(R"({"roi": [{"input": "reach", "scale": 1}]})") ==
          "invalid score configuration: roi[0].scale must be \"linear\" or \"log\" "
          "(test-config.json)");
    CHECK(config_message(R"({"response_credit": 3600})") ==
          "invalid score configuration: response_credit must be an object (test-config.json)");
    CHECK(config_message(R"({"response_credit": {"floor": "0.5"}})") ==
          "invalid score configuration: response_credit.floor must be a number "
          "(test-config.json)");
    CHECK(config_message(R"({"verdict_threshold": "50"})") ==
          "invalid score configuration: verdict_threshold must be a number (test-config.json)");
    CHECK(config_message(R"({"min_coverage": "half"})") ==
          "invalid score configuration: min_coverage must be a number (test-config.json)");
    CHECK(config_message(R"({"thresholds": {"top": 2.0}})") ==
          "invalid score configuration: thresholds.top must be an integer from 0 to "
          "9223372036854775807 (test-config.json)");
    CHECK(config_failure(R"({"roi": [{"input": "reach", "good": "1"}]})") == ror::ExitCode::usage);
  }
  SECTION("values out of range") {
    CHECK(config_message(R"({"min_coverage": 1.5})") ==
          "invalid score configuration: min_coverage must be a number from 0 to 1 "
          "(test-config.json)");
    CHECK(config_failure(R"({"min_coverage": -0.1})") == ror::ExitCode::usage);
    CHECK(config_message(R"({"verdict_threshold": 101})") ==
          "invalid score configuration: verdict_threshold must be a number from 0 to 100 "
          "(test-config.json)");
    CHECK(config_failure(R"({"verdict_threshold": -1})") == ror::ExitCode::usage);
    CHECK(config_message(R"({"thresholds": {"hashtag_limit": 5000000000}})") ==
          "invalid score configuration: thresholds.hashtag_limit must be an integer from 0 to "
          "4294967295 (test-config.json)");
    // Its milliseconds must fit in 64 bits.
    CHECK(config_failure(R"({"thresholds": {"burst_window_seconds": 9223372036854775}})") ==
          ror::ExitCode::ok);
    CHECK(config_failure(R"({"thresholds": {"burst_window_seconds": 9223372036854776}})") ==
          ror::ExitCode::usage);
  }
  SECTION("min_coverage: 0.5 by default, any number from 0 to 1") {
    CHECK(defaults().min_coverage == 0.5);
    CHECK(ror::parse_score_config(R"({"min_coverage": 0.8})", "m.json").min_coverage == 0.8);
    CHECK(ror::parse_score_config(R"({"min_coverage": 0})", "m.json").min_coverage == 0.0);
    CHECK(ror::parse_score_config(R"({"min_coverage": 1})", "m.json").min_coverage == 1.0);
  }
}
