// Scores: each side's metrics normalised to [0, 1], weighted, and scaled to 0-100; the verdict.
// Weights and normalisations come from data/score.json (built in) or --config FILE.
#pragma once

#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ror/audience.hpp"
#include "ror/metrics.hpp"

namespace ror {

// How a value maps to [0, 1]: linearly, or on log(1 + value), between `bad` (0) and `good` (1).
enum class Scale : std::uint8_t { linear, log };

// One weighted term of a score.
struct ScoreComponent {
  std::string input;  // a metric of the group, or a derived input (see score_inputs)
  double weight = 0;
  Scale scale = Scale::linear;
  double good = 1;
  double bad = 0;
};

// Everything that decides the numbers beyond the data.
struct ScoreConfig {
  MetricOptions metrics;
  std::array<std::vector<ScoreComponent>, 3> components;  // by Group
  double credit_good_seconds = 3600;                      // an answer this fast earns full credit
  double credit_bad_seconds = 604800;  // an answer this slow earns only the floor
  double credit_floor = 0.25;          // the credit of a late answer (an unanswered one has 0)
  double verdict_threshold = 50;
  // The least share of a score's weight that must rest on known inputs for the verdict to use
  // that score; below it the score is low-confidence and the verdict insufficient-data.
  double min_coverage = 0.5;
  AudienceOptions audience;  // the audience levels' thresholds
};

// The built-in configuration (data/score.json).
ScoreConfig default_score_config();

// Reads a configuration: keys present replace the defaults. Throws ror::Error (usage).
ScoreConfig parse_score_config(std::string_view json, std::string_view name);

// Reads a configuration file. Throws ror::Error (usage) when unreadable or invalid.
ScoreConfig load_score_config(const std::string& path);

// A derived score input: not a metric, but computed from the same data.
struct DerivedInput {
  Group group;
  std::string_view name;
  std::string_view definition;
};

// The derived inputs: timely_response and two_way_rate.
std::span<const DerivedInput> derived_inputs();

// The value of a score input (metric or derived) for a group, unknown when its data is missing.
std::optional<double> score_input(const MetricValues& values, Group group, std::string_view input,
                                  const ScoreConfig& config);

// The verdicts: the four quadrants of ROI against ROR, and none when either rests on too little.
enum class Verdict : std::uint8_t {
  relationship_builder,
  broadcaster,
  niche_community,
  dormant,
  insufficient_data,
};

// "relationship-builder", "broadcaster", "niche-community", "dormant" or "insufficient-data".
std::string_view verdict_name(Verdict verdict);

// One input of a score as the score used it: enough to recompute the score from the report.
struct ScoredInput {
  std::string name;  // a metric of the group, or a derived input
  double weight = 0;
  std::optional<double> value;       // nullopt: unknown, so left out
  std::optional<double> normalised;  // in [0, 1], when the value is known
};

// The scores of one set of metric values.
struct Scores {
  std::array<std::optional<double>, 3> exact{};  // by Group, unrounded; nullopt: nothing known
  std::array<std::optional<double>, 3> score{};  // the same rounded to one decimal (reported)
  std::array<double, 3> coverage{};  // by Group: share of the score's weight whose input was known
  // By Group: the score rests on less than min_coverage of its weight (or on none).
  std::array<bool, 3> low_confidence{};
  // By Group: why the heaviest of its unknown inputs is unknown ("" when every input is known).
  std::array<std::string, 3> missing;
  Verdict verdict = Verdict::dormant;
  // With Verdict::insufficient_data: what it lacks, in a sentence ("ROR rests on 5% of its
  // weight, 50% needed: the export holds no comments written by other people").
  std::string insufficient;
  // By Group: each input with its value (filled by compute_scores with `inputs` set: the
  // report's totals, not every breakdown row).
  std::array<std::vector<ScoredInput>, 3> inputs;

  // The reported score of a group.
  std::optional<double> of(Group g) const { return score[static_cast<std::size_t>(g)]; }
  // The share of a group's weight that rests on known inputs.
  double coverage_of(Group g) const { return coverage[static_cast<std::size_t>(g)]; }
  // Whether a group's score rests on too little to be used (see ScoreConfig::min_coverage).
  bool low_confidence_of(Group g) const { return low_confidence[static_cast<std::size_t>(g)]; }
};

// Scores a set of metric values. The verdict is insufficient-data when ROI or ROR is
// low-confidence.
Scores compute_scores(const MetricValues& values, const ScoreConfig& config, bool inputs = false);

}  // namespace ror
