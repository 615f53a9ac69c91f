// ror compare --format csv: one row per figure with both sides beside each other,
// `section,name,a,b,change,relative,judgement` (docs/output.md, "Comparison"); cells written as
// the report's CSV writes them (the formula guard unless --csv-raw).
#include <cmath>

#include <fmt/format.h>

#include "render/csv_parts.hpp"
#include "ror/render.hpp"

namespace ror {
namespace {

using render::csv_time;
using render::csv_value;

struct Line {
  std::string section;
  std::string name;
  std::string a;
  std::string b;
  std::string change;
  std::string relative;
  std::string judgement;
};

// The same figure read from each side's report.
template <typename Read>
Line both(std::string section, std::string name, const Comparison& c, Read read) {
  return Line{std::move(section), std::move(name), read(c.a), read(c.b), {}, {}, {}};
}

void add_sides(std::vector<Line>& out, const Comparison& c) {
  for (const auto& [name, field] :
       {std::pair<std::string_view, std::string Account::*>{"id", &Account::id},
        {"handle", &Account::handle},
        {"platform", &Account::platform}}) {
    out.push_back(both("account", std::string(name), c,
                       [field = field](const Report& r) { return r.account.*field; }));
  }
  out.push_back(both("account", "followers", c, [](const Report& r) {
    return r.account.followers ? std::to_string(*r.account.followers) : std::string();
  }));
  const auto posted = [](const Report& r) { return r.metrics[MetricId::posts].value_or(0) > 0; };
  out.push_back(both("period", "first_post", c, [&](const Report& r) {
    return posted(r) ? csv_time(r.metrics.counts.first_post) : std::string();
  }));
  out.push_back(both("period", "last_post", c, [&](const Report& r) {
    return posted(r) ? csv_time(r.metrics.counts.last_post) : std::string();
  }));
  out.push_back(
      both("period", "since", c, [](const Report& r) { return csv_time(r.input.since); }));
  out.push_back(
      both("period", "until", c, [](const Report& r) { return csv_time(r.input.until); }));
  for (const auto& [name, count] :
       {std::pair<std::string_view, std::uint64_t (*)(const InputStats&)>{
            "files", [](const InputStats& in) -> std::uint64_t { return in.files.size(); }},
        {"bytes", [](const InputStats& in) { return in.bytes; }},
        {"posts_read", [](const InputStats& in) { return in.posts_read; }},
        {"comments_read", [](const InputStats& in) { return in.comments_read; }},
        {"foreign_posts", [](const InputStats& in) { return in.foreign_posts; }},
        {"filtered_posts", [](const InputStats& in) { return in.filtered_posts; }},
        {"warnings", [](const InputStats& in) { return in.warnings.total(); }}}) {
    out.push_back(both("input", std::string(name), c, [count = count](const Report& r) {
      return std::to_string(count(r.input));
    }));
  }
}

void add_group(std::vector<Line>& out, const Comparison& c, Group g) {
  const std::string section(group_name(g));
  const auto k = static_cast<std::size_t>(g);
  const Change& s = c.score(g);
  out.push_back({section, "score", csv_value(s.a, Unit::ratio), csv_value(s.b, Unit::ratio),
                 csv_value(s.delta, Unit::ratio), "", std::string(judgement_name(s.judgement))});
  const auto coverage = [g](const Report& r) {
    return std::round(r.scores.coverage_of(g) * 1000.0) / 1000.0;
  };
  out.push_back(
      {section, "coverage", csv_value(coverage(c.a), Unit::ratio),
       csv_value(coverage(c.b), Unit::ratio),
       csv_value(std::round((coverage(c.b) - coverage(c.a)) * 1000.0) / 1000.0, Unit::ratio), "",
       ""});
  out.push_back(both(section, "low_confidence", c, [g](const Report& r) {
    return std::string(r.scores.low_confidence_of(g) ? "true" : "false");
  }));
  out.push_back(both(section, "missing", c, [k](const Report& r) { return r.scores.missing[k]; }));
  for (const MetricInfo& m : metric_catalog()) {
    if (m.group == g) {
      const Change& ch = c.metric(m.id);
      out.push_back({section, std::string(m.name), csv_value(ch.a, m.unit), csv_value(ch.b, m.unit),
                     csv_value(ch.delta, m.unit), csv_value(ch.relative, Unit::ratio),
                     std::string(judgement_name(ch.judgement))});
    }
  }
}

}  // namespace

void render_comparison_csv(const Comparison& c, const RenderOptions& options, std::ostream& out) {
  // (the figures of the whole comparison, not of a side, sit in column a)
  std::vector<Line> lines = {
      {"meta", "schema_version", std::to_string(kOutputSchemaVersion), "", "", "", ""},
      {"meta", "kind", std::string(kComparisonKind), "", "", "", ""},
      {"meta", "split", c.split ? csv_time(*c.split) : std::string(), "", "", "", ""}};
  add_sides(lines, c);
  for (const Group g : kGroups) {
    add_group(lines, c, g);
  }
  lines.push_back(both("verdict", "verdict", c, [](const Report& r) {
    return std::string(verdict_name(r.scores.verdict));
  }));
  lines.push_back(
      both("verdict", "reason", c, [](const Report& r) { return r.scores.insufficient; }));
  // A check's measured value sits in the column of what it reads: a, b or the change.
  for (const CheckResult& check : c.checks) {
    Line line{"check", check.requirement.text, "", "", "", "", check.passed ? "passed" : "failed"};
    const std::string value = csv_value(check.value, Unit::ratio);
    const Side side = check.requirement.side;
    (side == Side::a ? line.a : side == Side::delta ? line.change : line.b) = value;
    lines.push_back(std::move(line));
  }
  render::write_csv_line(out, {"section", "name", "a", "b", "change", "relative", "judgement"},
                         options.csv_raw);
  for (const Line& l : lines) {
    render::write_csv_line(out, {l.section, l.name, l.a, l.b, l.change, l.relative, l.judgement},
                           options.csv_raw);
  }
}

}  // namespace ror
