// The report: everything a renderer prints, assembled from a dataset, a score configuration and
// the --require conditions. Renderers only format it.
#pragma once

#include <array>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ror/audience.hpp"
#include "ror/dataset.hpp"
#include "ror/metrics.hpp"
#include "ror/score.hpp"

namespace ror {

// Comparison operators of --require.
enum class CompareOp : std::uint8_t { lt, le, gt, ge, eq };

// "<", "<=", ">", ">=" or "==".
std::string_view op_symbol(CompareOp op);

// Where a --require condition may look: a report's own figures, or (ror compare) either side
// of a comparison and the change between them.
enum class RequirementScope : std::uint8_t { report, comparison };

// Which figures a condition reads: the report's (report scope), or in a comparison the first
// input's, the second's, or the change from the first to the second.
enum class Side : std::uint8_t { own, a, b, delta };

// One --require condition: [a.|b.|delta.]<group>.<metric|score|coverage> <op> <number>. A rate
// or coverage also takes a percentage ("10%"), a time a duration ("90m", "1h", "2d"). The side
// prefixes are for comparisons: a bare path there reads the second input (b), and a change may
// be negative.
struct Requirement {
  std::string text;  // as given, whitespace removed
  Side side = Side::own;
  Group group = Group::ror;
  std::optional<MetricId> metric;  // nullopt: the group's score, or its coverage
  bool coverage = false;           // the share of the group's score weight on known inputs
  CompareOp op = CompareOp::ge;
  double threshold = 0;  // in the metric's own unit: a fraction, seconds, a count, 0-100
};

// Parses a --require expression. Throws ror::Error (usage) on a malformed expression or an
// unknown path (a side prefix outside the comparison scope among them).
Requirement parse_requirement(std::string_view text,
                              RequirementScope scope = RequirementScope::report);

// A condition with its measured value; an unknown value fails.
struct CheckResult {
  Requirement requirement;
  std::optional<double> value;
  bool passed = false;
  // A condition on a score that rests on less than min_coverage of its weight: that coverage
  // (the line says so, pass or fail: a gate on little data answers little).
  std::optional<double> low_coverage;
};

// Judges a condition on its measured value (unknown fails).
CheckResult check_requirement(const Requirement& requirement, std::optional<double> value);

// The granularity of a breakdown.
enum class BreakdownBy : std::uint8_t { post, day, week, month, platform };

// "post", "day", "week", "month", "platform": how --by and the machine outputs name a breakdown.
std::string_view breakdown_name(BreakdownBy by);

// The breakdown --by names, if any.
std::optional<BreakdownBy> find_breakdown(std::string_view name);

// Every breakdown's name, in enum order.
std::span<const std::string_view> breakdown_names();

// One row of a breakdown: a post id, a "YYYY-MM-DD" day, a "YYYY-Www" ISO week, a "YYYY-MM"
// month or a platform (and, last, "all": the whole), with its own metrics and scores.
struct BreakdownRow {
  std::string key;
  MetricValues metrics;
  Scores scores;
  // With --by post: the post's first words (whitespace made single spaces) and its link, when
  // the load kept them (LoadOptions::keep_excerpts).
  std::string excerpt;
  std::string url;
};

// A breakdown's rows, each computed when it is read: a renderer holds one row at a time, so
// `--by post` costs one row's memory, not one per post. It refers to the dataset it was made
// from, which must outlive it (as a string_view does its string), and keeps a copy of the score
// configuration. A row's metrics leave out the top audience (no breakdown shows it).
class Breakdown {
 public:
  Breakdown() = default;  // no rows
  Breakdown(const Dataset& data, const ScoreConfig& config, BreakdownBy by);

  std::size_t size() const { return starts_.empty() ? 0 : starts_.size() - 1; }
  bool empty() const { return size() == 0; }
  // Row i, computed now (in time for posts and periods; platforms in input order, then "all").
  BreakdownRow operator[](std::size_t i) const;
  // Every row, held at once (what the HTML report draws).
  std::vector<BreakdownRow> all() const;

  // Rows in order. A long breakdown computes its rows a chunk ahead on another thread while the
  // loop's body (a renderer) writes the chunk before; a short one computes each as it is reached.
  class Iterator {
   public:
    Iterator(const Breakdown* rows, std::size_t at);
    Iterator(Iterator&&) noexcept;
    Iterator& operator=(Iterator&&) noexcept;
    ~Iterator();
    const BreakdownRow& operator*() const;
    Iterator& operator++();
    bool operator==(const Iterator& o) const { return at_ == o.at_; }

   private:
    struct Ahead;
    const Breakdown* rows_;
    std::size_t at_;
    std::unique_ptr<Ahead> ahead_;  // the chunk being read and the one computed after it
  };
  Iterator begin() const { return {this, 0}; }
  Iterator end() const { return {this, size()}; }

 private:
  const Dataset* data_ = nullptr;
  ScoreConfig config_;
  BreakdownBy by_ = BreakdownBy::post;
  std::vector<std::string> keys_;     // by group (none by post: a post's key is its id)
  std::vector<std::uint32_t> posts_;  // the groups' post indices, one group after another
  std::vector<std::size_t> starts_;   // group i is posts_[starts_[i], starts_[i + 1])
};

// A hygiene habit seen in the data, spelled out for the report.
struct HygieneFlag {
  MetricId metric;
  double value = 0;
  std::string text;  // "14 of 117 original posts carry more than 2 hashtags"
};

// The metrics a breakdown row shows, per group, in column order.
std::span<const MetricId> breakdown_metrics();

// The whole comparison report.
struct Report {
  Account account;
  InputStats input;
  MetricOptions options;
  MetricValues metrics;
  Scores scores;
  std::vector<MetricId> unknown;   // metrics whose value is unknown
  std::vector<HygieneFlag> flags;  // hygiene metrics worse than their score's "good" value
  // How many audience members stand at each level (see ror audience), when the export holds
  // comments written by other people; unknown otherwise.
  std::optional<std::array<std::uint64_t, kLevelCount>> levels;
  std::vector<CheckResult> checks;
  std::optional<BreakdownBy> by;  // set when rows hold a breakdown
  Breakdown rows;
  // One row per UTC month, for the table's trend lines (add_trends); empty unless asked.
  std::vector<BreakdownRow> trends;

  // Whether every check passed.
  bool passed() const;
};

// Computes metrics, scores, checks and (when `by` is set) the breakdown.
Report build_report(const Dataset& data, const ScoreConfig& config,
                    const std::vector<Requirement>& requirements,
                    std::optional<BreakdownBy> by = std::nullopt);

// Fills report.trends with the months of the data (what the table's sparklines draw).
void add_trends(Report& report, const Dataset& data, const ScoreConfig& config);

// An original post that shows a hygiene habit, as the HTML report lists it.
struct HabitPost {
  std::uint8_t habits = 0;  // habits:: bits
  TimeMs time = 0;
  std::string id;
  std::string excerpt;  // first words, when the load kept them
  std::string url;
};

// Everything `ror report` draws: the report, its posts and months, the audience and the posts
// behind each hygiene habit. Strings are copies: it outlives nothing.
struct VisualReport {
  Report report;
  std::vector<BreakdownRow> posts;   // one row per post, in time
  std::vector<BreakdownRow> months;  // one row per UTC month
  Audience audience;                 // its rows view the dataset's names
  std::vector<HabitPost> habit_posts;
};

// Builds the visual report (the dataset should be loaded with keep_excerpts).
VisualReport build_visual_report(const Dataset& data, const ScoreConfig& config,
                                 const std::vector<Requirement>& requirements);

// The same report (no breakdown) over some of the posts only (indices into data.posts): what
// the data's period would give had its window held those posts. The input accounting stays the
// whole load's.
Report build_report(const Dataset& data, std::span<const std::uint32_t> posts,
                    const ScoreConfig& config, const std::vector<Requirement>& requirements);

// The value a requirement reads from a report's totals.
std::optional<double> requirement_value(const Requirement& r, const MetricValues& values,
                                        const Scores& scores);

}  // namespace ror
