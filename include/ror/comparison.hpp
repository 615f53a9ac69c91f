// A comparison (ror compare): two reports side by side, every metric and score on each side with
// its change and whether the change is for the better, and the --require checks on either side
// or the change. Built from two datasets, or from one split at a date; renderers only format it.
#pragma once

#include <array>
#include <optional>
#include <string_view>
#include <vector>

#include "ror/report.hpp"

namespace ror {

// What a change from side a to side b means, by the metric's direction (MetricInfo::better):
// better or worse; same (equal values); changed (the values differ but the metric is better
// neither way, as posts); unknown (either side is unknown: an unknown value is never read as 0).
enum class Judgement : std::uint8_t { better, worse, same, changed, unknown };

// "better", "worse", "same", "changed" or "unknown".
std::string_view judgement_name(Judgement judgement);

// Judges the move from a to b of a figure that improves the way `better` says.
Judgement judge(std::optional<double> a, std::optional<double> b, Better better);

// One figure on both sides.
struct Change {
  std::optional<double> a;
  std::optional<double> b;
  std::optional<double> delta;     // b - a, when both are known
  std::optional<double> relative;  // delta / a, for counts and ratios, when a is known and not 0
  Judgement judgement = Judgement::unknown;
};

// Two reports compared.
struct Comparison {
  Report a;  // the first export, or the posts before the split
  Report b;  // the second export, or the posts from the split on
  // With --split: the instant the export was cut at (a holds the posts before it, b the rest).
  std::optional<TimeMs> split;
  std::array<Change, kMetricCount> metrics;  // by MetricId
  // By Group: the reported scores (one decimal; the change rounded so too). Better is higher.
  std::array<Change, 3> scores;
  std::vector<CheckResult> checks;  // the --require conditions, on a, b or delta

  const Change& metric(MetricId id) const { return metrics[static_cast<std::size_t>(id)]; }
  const Change& score(Group g) const { return scores[static_cast<std::size_t>(g)]; }
  // Whether every check passed.
  bool passed() const;
};

// Compares two reports (built without requirements) and judges `requirements` (parsed in the
// comparison scope: a., b. or delta.; a bare path reads b) on them.
Comparison compare_reports(Report a, Report b, const std::vector<Requirement>& requirements);

// Compares the reports of two datasets: different accounts are allowed.
Comparison build_comparison(const Dataset& a, const Dataset& b, const ScoreConfig& config,
                            const std::vector<Requirement>& requirements);

// Compares one dataset's posts before `split` with those from `split` on, each half with its own
// period (so posts_per_day and the month-based rates read that half's window), its window shown
// in the report as if asked with --until or --since, and the other half's posts counted as
// outside it. Throws ror::Error (bad input) when either half has no post.
Comparison build_split_comparison(const Dataset& data, TimeMs split, const ScoreConfig& config,
                                  const std::vector<Requirement>& requirements);

// The value a comparison requirement reads: a side's figure, or the change between them
// (scores to one decimal, coverage to three, as the reports print them); unknown when a side is.
std::optional<double> requirement_value(const Requirement& r, const Comparison& comparison);

}  // namespace ror
