// Scores: each side's metrics normalised to [0, 1], weighted, and scaled to 0-100; the verdict.
// Weights and normalisations come from data/score.json (built in) or --config FILE.
#pragma once

#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

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

// The four verdicts.
enum class Verdict : std::uint8_t { relationship_builder, broadcaster, niche_community, dormant };

// "relationship-builder", "broadcaster", "niche-community" or "dormant".
std::string_view verdict_name(Verdict verdict);

// The scores of one set of metric values.
struct Scores {
  std::array<std::optional<double>, 3> exact{};  // by Group, unrounded; nullopt: nothing known
  std::array<std::optional<double>, 3> score{};  // the same rounded to one decimal (reported)
  std::array<double, 3> coverage{};  // by Group: share of the score's weight whose input was known
  Verdict verdict = Verdict::dormant;

  // The reported score of a group.
  std::optional<double> of(Group g) const { return score[static_cast<std::size_t>(g)]; }
  // The share of a group's weight that rests on known inputs.
  double coverage_of(Group g) const { return coverage[static_cast<std::size_t>(g)]; }
};

// Scores a set of metric values. An unknown score counts as below the verdict threshold.
Scores compute_scores(const MetricValues& values, const ScoreConfig& config);

}  // namespace ror
