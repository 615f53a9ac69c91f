// Number and text formatting shared by the human-readable renderers (table, Markdown), for
// reports and comparisons.
#pragma once

#include <array>

#include <optional>
#include <string>
#include <string_view>

#include "ror/comparison.hpp"
#include "ror/metrics.hpp"
#include "ror/report.hpp"

namespace ror::render {

// "12,345" for counts (rounded).
std::string thousands(double value);

// "1d 04h", "2h 05m", "3m 20s", "45s".
std::string duration(double seconds);

// A metric value for people: counts with separators, rates as percentages, seconds as
// durations, other ratios with two decimals; "n/a" when unknown.
std::string human_value(std::optional<double> value, Unit unit);

// A score as "62.4", or "n/a".
std::string human_score(std::optional<double> score);

// The verdict with a short gloss: "broadcaster: reach without relationship", or what an
// insufficient-data verdict lacks.
std::string verdict_line(const Scores& scores);

// A column header of the table's breakdown and what `ror explain` says for it: a metric's name,
// or "scores".
struct ColumnName {
  std::string_view header;
  std::string_view explains;
};
inline constexpr std::array<ColumnName, 9> kBreakdownColumns = {
    {{"ROI", "scores"},
     {"ROR", "scores"},
     {"hygiene", "scores"},
     {"posts", "posts"},
     {"impressions", "impressions"},
     {"engagements", "engagements"},
     {"cmts/post", "conversation_rate"},
     {"answered", "response_rate"},
     {"median", "response_time_median"}}};

// Display columns of a UTF-8 string (one per code point; wide glyphs are not measured).
std::size_t columns(std::string_view s);

// A UTF-8 string cut to at most `width` columns, the cut marked with "~".
std::string fit(std::string_view s, std::size_t width);

// A UTF-8 string cut in the middle to at most `width` columns ("alexandra…@mastodon.social"),
// so that a name keeps its start and its domain.
std::string shorten_middle(std::string_view s, std::size_t width);

// s padded with spaces to `width` columns.
std::string pad_right(std::string_view s, std::size_t width);

// Text word-wrapped to `width` columns, continuation lines indented by `indent`.
std::string wrap(std::string_view text, std::size_t width, std::size_t indent);

// The counts behind a known metric, in words: "answered 12 of 81 comments awaiting an answer";
// "" when there is nothing to add.
std::string metric_detail(MetricId id, const MetricValues& values, const MetricOptions& options);

// "Period: 2025-02-03 to 2025-04-30, first to last post; window 2025-03-01 to 2025-03-31".
std::string period_line(const Report& report);

// One line of input accounting: files, posts, comments, skipped, warnings.
std::string input_line(const Report& report);

// "@acme (mastodon)", or the account's first name, or "(unnamed account)".
std::string account_label(const Account& account);

// "Scores rest on 45% (ROI), 80% (ROR) and 100% (hygiene) of their weight", or "" when all is
// known.
std::string coverage_line(const Scores& scores);

// "reach, views (nothing in the export carries it); audience (...)": the unknown metrics grouped
// by why they are unknown, or "" when every metric is known.
std::string unknown_list(const Report& report);

// "ror.score >= 60: 61.2 (passed)".
std::string check_line(const CheckResult& check);

// A CSV cell: quoted where RFC 4180 needs it and, unless raw (--csv-raw), unable to run as a
// spreadsheet formula (spreadsheet_safe).
std::string csv_cell(std::string_view text, bool raw);

// Text for a Markdown table cell: the characters that would break the cell or start markup
// escaped, line breaks made spaces.
std::string markdown_cell(std::string_view text);

// A sparkline of values, one character each ("▁▃▅█"): each value placed between lo and hi;
// an unknown value is "·". Equal lo and hi draw every known value at mid height.
std::string sparkline(const std::vector<std::optional<double>>& values, double lo, double hi);

// "2 advocates, 5 contributors, 11 participants, 30 explorers": the audience by level.
std::string levels_line(const std::array<std::uint64_t, kLevelCount>& levels);

// s in an ANSI colour or style ("1" bold, "2" dim, "31" red, "32" green, "33" yellow) when
// `color`, else as it is.
std::string paint(bool color, std::string_view code, std::string_view s);

// A count in at most 7 columns or so: "1,234,567" below ten million, then "633.3M", "12.4B",
// "1.2T" (for the comparison table's narrow columns).
std::string compact_count(double value);

// A change in a metric's unit, signed: "+1,234 (+25%)" for counts and "+0.52 (+37%)" for ratios
// (a growth past ten times reads "x12"), "+12.3 pts" for rates, "-1h 05m" for times; "n/a" when
// unknown; no sign for no change. `compact` writes counts as compact_count does.
std::string human_change(const Change& change, Unit unit, bool compact = false);

// A score's change: "+53.2", "-0.4", "0.0", or "n/a".
std::string human_score_change(const Change& change);

// What a side of a comparison is called: with a split, "before 2025-03-15" or "from 2025-03-15
// on"; else its account ("@acme on mastodon"), visibly escaped.
std::string side_name(const Comparison& comparison, Side side);

// "B against A: 18 metrics better, 9 worse, 6 the same, 4 unknown on one side" (volumes, which
// are not judged, and metrics unknown on both sides are left out).
std::string judgement_summary(const Comparison& comparison);

}  // namespace ror::render
