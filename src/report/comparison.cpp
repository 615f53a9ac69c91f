// Comparing two reports: each figure on both sides, its change and its judgement, the checks,
// and the split of one dataset into the posts before a date and those from it on.
#include "ror/comparison.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "ror/error.hpp"

namespace ror {
namespace {

double rounded(double value, double per_unit) {
  return std::round(value * per_unit) / per_unit;
}

// A figure on both sides. A relative change is given for counts and ratios only: for a rate (a
// share already) the change in points is the one that reads, and seconds are read as they are.
Change change_of(std::optional<double> a, std::optional<double> b, Unit unit, Better better) {
  Change c{a, b, std::nullopt, std::nullopt, judge(a, b, better)};
  if (a && b) {
    c.delta = *b - *a;
    if ((unit == Unit::count || unit == Unit::ratio) && *a != 0) {
      c.relative = *c.delta / *a;
    }
  }
  return c;
}

// A report's coverage of a group as the reports print it (three decimals).
double printed_coverage(const Report& r, Group g) {
  return rounded(r.scores.coverage_of(g), 1000.0);
}

}  // namespace

std::string_view judgement_name(Judgement judgement) {
  switch (judgement) {
    case Judgement::better:
      return "better";
    case Judgement::worse:
      return "worse";
    case Judgement::same:
      return "same";
    case Judgement::changed:
      return "changed";
    case Judgement::unknown:
      return "unknown";
  }
  return "?";
}

Judgement judge(std::optional<double> a, std::optional<double> b, Better better) {
  if (!a || !b) {
    return Judgement::unknown;
  }
  if (*a == *b) {
    return Judgement::same;
  }
  if (better == Better::neither) {
    return Judgement::changed;
  }
  return (*b > *a) == (better == Better::higher) ? Judgement::better : Judgement::worse;
}

bool Comparison::passed() const {
  return std::all_of(checks.begin(), checks.end(), [](const CheckResult& c) { return c.passed; });
}

std::optional<double> requirement_value(const Requirement& r, const Comparison& c) {
  if (r.side == Side::a) {
    return requirement_value(r, c.a.metrics, c.a.scores);
  }
  if (r.side != Side::delta) {
    return requirement_value(r, c.b.metrics, c.b.scores);  // (a bare path reads b)
  }
  if (r.coverage) {
    return rounded(printed_coverage(c.b, r.group) - printed_coverage(c.a, r.group), 1000.0);
  }
  return r.metric ? c.metric(*r.metric).delta : c.score(r.group).delta;
}

Comparison compare_reports(Report a, Report b, const std::vector<Requirement>& requirements) {
  Comparison c;
  c.a = std::move(a);
  c.b = std::move(b);
  for (const MetricInfo& info : metric_catalog()) {
    c.metrics[static_cast<std::size_t>(info.id)] =
        change_of(c.a.metrics[info.id], c.b.metrics[info.id], info.unit, info.better);
  }
  for (const Group g : kGroups) {
    Change& s = c.scores[static_cast<std::size_t>(g)];
    s = change_of(c.a.scores.of(g), c.b.scores.of(g), Unit::rate, Better::higher);
    if (s.delta) {
      // (the reported scores have one decimal: 49.8 - 38.1 is 11.7, not 11.699999999999996)
      s.delta = rounded(*s.delta, 10.0);
    }
  }
  for (const Requirement& r : requirements) {
    c.checks.push_back(check_requirement(r, requirement_value(r, c)));
  }
  return c;
}

Comparison build_comparison(const Dataset& a, const Dataset& b, const ScoreConfig& config,
                            const std::vector<Requirement>& requirements) {
  return compare_reports(build_report(a, config, {}), build_report(b, config, {}), requirements);
}

Comparison build_split_comparison(const Dataset& data, TimeMs split, const ScoreConfig& config,
                                  const std::vector<Requirement>& requirements) {
  std::vector<std::uint32_t> before;
  std::vector<std::uint32_t> after;
  std::uint64_t comments_before = 0;
  std::uint64_t comments_after = 0;
  for (std::uint32_t i = 0; i < data.posts.size(); ++i) {
    const Post& p = data.posts[i];
    (p.created_at < split ? before : after).push_back(i);
    (p.created_at < split ? comments_before : comments_after) += p.comment_count;
  }
  if (before.empty() || after.empty()) {
    const std::string when = format_time_bound(split, false);
    if (data.posts.empty()) {
      throw input_error(fmt::format("--split {}: the export holds no post", when));
    }
    const auto [first, last] = std::minmax_element(
        data.posts.begin(), data.posts.end(),
        [](const Post& x, const Post& y) { return x.created_at < y.created_at; });
    throw input_error(fmt::format(
        "--split {}: no post {}, and both halves need posts (the posts run from {} to {})", when,
        before.empty() ? "before it" : "from it on", format_utc(first->created_at),
        format_utc(last->created_at)));
  }
  Report a = build_report(data, before, config, {});
  Report b = build_report(data, after, config, {});
  // Each half reads as a report of its own window: the other half lies outside it.
  a.input.until = a.input.until ? std::min(*a.input.until, split - 1) : split - 1;
  a.input.filtered_posts += after.size();
  a.input.filtered_comments += comments_after;
  b.input.since = b.input.since ? std::max(*b.input.since, split) : split;
  b.input.filtered_posts += before.size();
  b.input.filtered_comments += comments_before;
  Comparison c = compare_reports(std::move(a), std::move(b), requirements);
  c.split = split;
  return c;
}

}  // namespace ror
