// --format csv (RFC 4180 quoting, "\n" line ends). The report is long by default: one
// `section,name,value` row per figure. A breakdown (--by) is wide: one row per post, day, week,
// month or platform, one column per figure. --wide makes the report itself one wide row, and a
// breakdown's rows carry every metric.
#include <algorithm>
#include <cmath>
#include <tuple>

#include <fmt/format.h>

#include "render/csv_parts.hpp"
#include "render/format.hpp"
#include "ror/render.hpp"
#include "ror/text.hpp"

namespace ror {
namespace render {

std::string csv_value(std::optional<double> value, Unit unit) {
  if (!value) {
    return "";
  }
  if (unit == Unit::count && std::abs(*value) < 9.2e18) {
    return fmt::format("{}", std::llround(*value));
  }                                  // (a sum past 2^63 keeps its exponent, never wrapped)
  return fmt::format("{}", *value);  // shortest round-trip form
}

std::string csv_time(std::optional<TimeMs> t) {
  return t ? format_utc_ms(*t) : std::string();
}

// The one place cells are written: quoted where RFC 4180 needs it, and made unable to run as a
// spreadsheet formula unless --csv-raw asked for the bytes.
void write_csv_line(std::ostream& out, const std::vector<std::string>& cells, bool raw) {
  for (std::size_t i = 0; i < cells.size(); ++i) {
    out << (i == 0 ? "" : ",") << csv_cell(cells[i], raw);
  }
  out << '\n';
}

}  // namespace render

namespace {

using render::csv_time;
using render::csv_value;
using render::write_csv_line;

// One figure: its section ("roi", "check", ...), its name within it, and its text.
struct Field {
  std::string section;
  std::string name;
  std::string value;
};
using Fields = std::vector<Field>;

// A group's score, coverage, confidence and metrics (every one, or a breakdown's main ones).
void add_group(Fields& out, Group g, const MetricValues& m, const Scores& s, bool all_metrics) {
  const std::string section(group_name(g));
  out.push_back({section, "score", csv_value(s.of(g), Unit::ratio)});
  out.push_back({section, "coverage",
                 csv_value(std::round(s.coverage_of(g) * 1000.0) / 1000.0, Unit::ratio)});
  out.push_back({section, "low_confidence", s.low_confidence_of(g) ? "true" : "false"});
  out.push_back({section, "missing", s.missing[static_cast<std::size_t>(g)]});
  for (const MetricInfo& info : metric_catalog()) {
    if (info.group != g) {
      continue;
    }
    const auto shown = breakdown_metrics();
    if (all_metrics || std::find(shown.begin(), shown.end(), info.id) != shown.end()) {
      out.push_back({section, std::string(info.name), csv_value(m[info.id], info.unit)});
    }
  }
}

// The counts behind the rates and each score's inputs (the totals only).
void add_counts_and_inputs(Fields& out, const Report& r) {
  const MetricCounts& c = r.metrics.counts;
  for (const auto& [section, name, n] :
       {std::tuple<std::string_view, std::string_view, std::uint64_t>{"roi", "original_posts",
                                                                      c.original_posts},
        {"roi", "outreach_posts", c.outreach_posts},
        {"roi", "commented_posts", c.commented_posts},
        {"ror", "account_comments", c.account_comments},
        {"ror", "awaiting", c.awaiting},
        {"ror", "answered", c.answered},
        {"ror", "reciprocated", c.reciprocated},
        {"hygiene", "clean_posts", c.clean_posts},
        {"hygiene", "hashtag_abuse_posts", c.hashtag_abuse_posts},
        {"hygiene", "duplicate_posts", c.duplicate_posts},
        {"hygiene", "burst_posts", c.burst_posts},
        {"hygiene", "mention_blast_posts", c.mention_blast_posts},
        {"hygiene", "account_answers", c.account_answers},
        {"hygiene", "canned_replies", c.canned_replies}}) {
    out.push_back({std::string(section), fmt::format("counts.{}", name), std::to_string(n)});
  }
  for (const Group g : kGroups) {
    for (const ScoredInput& i : r.scores.inputs[static_cast<std::size_t>(g)]) {
      const std::string name = "input." + i.name;
      out.push_back({std::string(group_name(g)), name, csv_value(i.value, Unit::ratio)});
      out.push_back({std::string(group_name(g)), name + ".weight", fmt::format("{}", i.weight)});
      out.push_back(
          {std::string(group_name(g)), name + ".normalised", csv_value(i.normalised, Unit::ratio)});
    }
  }
}

// Each --require condition: whether it passed, and the value it measured.
void add_checks(Fields& out, const Report& r) {
  for (const CheckResult& c : r.checks) {
    out.push_back({"check", c.requirement.text, c.passed ? "passed" : "failed"});
    out.push_back({"check.value", c.requirement.text, csv_value(c.value, Unit::ratio)});
  }
}

// Every figure of the report's totals, in the long form's order.
Fields totals(const Report& report) {
  Fields out;
  out.push_back({"meta", "schema_version", std::to_string(kOutputSchemaVersion)});
  const Account& a = report.account;
  out.push_back({"account", "id", a.id});
  out.push_back({"account", "handle", a.handle});
  out.push_back({"account", "platform", a.platform});
  out.push_back({"account", "followers", a.followers ? std::to_string(*a.followers) : ""});
  const InputStats& in = report.input;
  const bool any = report.metrics[MetricId::posts].value_or(0) > 0;
  out.push_back({"period", "first_post", any ? csv_time(report.metrics.counts.first_post) : ""});
  out.push_back({"period", "last_post", any ? csv_time(report.metrics.counts.last_post) : ""});
  out.push_back({"period", "since", csv_time(in.since)});
  out.push_back({"period", "until", csv_time(in.until)});
  for (const auto& [name, n] :
       {std::pair<std::string_view, std::uint64_t>{"files", in.files.size()},
        {"bytes", in.bytes},
        {"posts_read", in.posts_read},
        {"comments_read", in.comments_read},
        {"foreign_posts", in.foreign_posts},
        {"filtered_posts", in.filtered_posts},
        {"warnings", in.warnings.total()}}) {
    out.push_back({"input", std::string(name), std::to_string(n)});
  }
  for (const Group g : kGroups) {
    add_group(out, g, report.metrics, report.scores, true);
  }
  add_counts_and_inputs(out, report);
  std::size_t rank = 0;
  for (const AudienceMember& m : report.metrics.top_audience) {
    const std::string prefix = fmt::format("top_audience.{}.", ++rank);
    out.push_back({"ror", prefix + "author", m.author});
    out.push_back({"ror", prefix + "comments", std::to_string(m.comments)});
    out.push_back({"ror", prefix + "posts", std::to_string(m.posts)});
    out.push_back({"ror", prefix + "first_seen", format_utc(m.first_seen)});
    out.push_back({"ror", prefix + "last_seen", format_utc(m.last_seen)});
    out.push_back({"ror", prefix + "answers", std::to_string(m.answers)});
  }
  for (std::size_t l = 0; report.levels && l < kLevelCount; ++l) {
    out.push_back({"ror", fmt::format("audience_levels.{}", level_name(static_cast<Level>(l))),
                   std::to_string((*report.levels)[l])});
  }
  out.push_back({"verdict", "verdict", std::string(verdict_name(report.scores.verdict))});
  out.push_back({"verdict", "reason", report.scores.insufficient});
  return out;
}

// One breakdown row's figures.
Fields row_fields(const BreakdownRow& row, bool all_metrics, bool post) {
  Fields out;
  if (post) {
    out.push_back({"post", "time", csv_time(row.metrics.counts.first_post)});
    out.push_back({"post", "excerpt", row.excerpt});
    out.push_back({"post", "url", row.url});
  }
  for (const Group g : kGroups) {
    add_group(out, g, row.metrics, row.scores, all_metrics);
  }
  out.push_back({"verdict", "verdict", std::string(verdict_name(row.scores.verdict))});
  out.push_back({"verdict", "reason", row.scores.insufficient});
  return out;
}

// A wide table, written as it comes: a header of "section.name" columns (after the key's, when
// there is one) before the first record, then a line per record.
class WideTable {
 public:
  WideTable(std::ostream& out, std::string key, bool raw)
      : out_(out), key_(std::move(key)), raw_(raw) {}

  void add(const Fields& record, const std::string& key = {}) {
    cells_.clear();
    if (!started_) {
      if (!key_.empty()) {
        cells_.push_back(key_);
      }
      for (const Field& f : record) {
        cells_.push_back(f.section + "." + f.name);
      }
      write_csv_line(out_, cells_, raw_);
      cells_.clear();
      started_ = true;
    }
    if (!key_.empty()) {
      cells_.push_back(key);
    }
    for (const Field& f : record) {
      cells_.push_back(f.value);
    }
    write_csv_line(out_, cells_, raw_);
  }

 private:
  std::ostream& out_;
  std::string key_;
  bool raw_;
  bool started_ = false;
  std::vector<std::string> cells_;
};

}  // namespace

void render_csv(const Report& report, const RenderOptions& options, std::ostream& out) {
  Fields checks;
  add_checks(checks, report);
  if (report.by) {
    // (the checks judge the whole report: every row repeats them, so none is lost)
    WideTable table(out, std::string(breakdown_name(*report.by)), options.csv_raw);
    for (const BreakdownRow& row : report.rows) {
      Fields f = row_fields(row, options.wide, *report.by == BreakdownBy::post);
      f.insert(f.end(), checks.begin(), checks.end());
      table.add(f, row.key);
    }
    return;
  }
  Fields all = totals(report);
  all.insert(all.end(), checks.begin(), checks.end());
  if (options.wide) {
    WideTable(out, "", options.csv_raw).add(all);
    return;
  }
  out << "section,name,value\n";
  for (const Field& f : all) {
    write_csv_line(out, {f.section, f.name, f.value}, options.csv_raw);
  }
}

}  // namespace ror
