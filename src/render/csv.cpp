// --format csv (RFC 4180). The report is long: one `section,name,value` row per figure. A
// breakdown is wide: one row per post or month, one column per figure.
#include <cmath>

#include <fmt/format.h>

#include "ror/render.hpp"

namespace ror {
namespace {

std::string field(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) {
    return std::string(text);
  }
  std::string quoted = "\"";
  for (const char c : text) {
    quoted += c == '"' ? "\"\"" : std::string(1, c);
  }
  return quoted + "\"";
}

std::string value_text(std::optional<double> value, Unit unit) {
  if (!value) {
    return "";
  }
  if (unit == Unit::count) {
    return fmt::format("{}", std::llround(*value));
  }
  return fmt::format("{}", *value);  // shortest round-trip form
}

void row(std::ostream& out, std::string_view section, std::string_view name,
         std::string_view value) {
  out << field(section) << ',' << field(name) << ',' << field(value) << "\r\n";
}

void render_breakdown(const Report& report, std::ostream& out) {
  out << breakdown_name(*report.by);
  for (const Group g : kGroups) {
    out << ',' << group_name(g) << ".score";
  }
  for (const MetricId id : breakdown_metrics()) {
    out << ',' << group_name(metric_info(id).group) << '.' << metric_info(id).name;
  }
  out << ",verdict\r\n";
  for (const BreakdownRow& r : report.rows) {
    out << field(r.key);
    for (const Group g : kGroups) {
      out << ',' << value_text(r.scores.of(g), Unit::ratio);
    }
    for (const MetricId id : breakdown_metrics()) {
      out << ',' << value_text(r.metrics[id], metric_info(id).unit);
    }
    out << ',' << verdict_name(r.scores.verdict) << "\r\n";
  }
}

}  // namespace

void render_csv(const Report& report, const RenderOptions& /*options*/, std::ostream& out) {
  if (report.by) {
    render_breakdown(report, out);
    return;
  }
  out << "section,name,value\r\n";
  row(out, "meta", "schema_version", std::to_string(kOutputSchemaVersion));
  const Account& a = report.account;
  row(out, "account", "id", a.id);
  row(out, "account", "handle", a.handle);
  row(out, "account", "platform", a.platform);
  row(out, "account", "followers", a.followers ? std::to_string(*a.followers) : "");
  const InputStats& in = report.input;
  const bool any = report.metrics[MetricId::posts].value_or(0) > 0;
  const auto time = [](std::optional<TimeMs> t) { return t ? format_utc_ms(*t) : std::string(); };
  row(out, "period", "first_post", any ? time(report.metrics.counts.first_post) : "");
  row(out, "period", "last_post", any ? time(report.metrics.counts.last_post) : "");
  row(out, "period", "since", time(in.since));
  row(out, "period", "until", time(in.until));
  for (const auto& [name, n] :
       {std::pair<std::string_view, std::uint64_t>{"files", in.files.size()},
        {"bytes", in.bytes},
        {"posts_read", in.posts_read},
        {"comments_read", in.comments_read},
        {"foreign_posts", in.foreign_posts},
        {"filtered_posts", in.filtered_posts},
        {"warnings", in.warnings.total()}}) {
    row(out, "input", name, std::to_string(n));
  }
  for (const Group g : kGroups) {
    row(out, group_name(g), "score", value_text(report.scores.of(g), Unit::ratio));
    row(out, group_name(g), "coverage",
        value_text(std::round(report.scores.coverage_of(g) * 1000.0) / 1000.0, Unit::ratio));
    row(out, group_name(g), "low_confidence",
        report.scores.low_confidence_of(g) ? "true" : "false");
    row(out, group_name(g), "missing", report.scores.missing[static_cast<std::size_t>(g)]);
    for (const MetricInfo& info : metric_catalog()) {
      if (info.group == g) {
        row(out, group_name(g), info.name, value_text(report.metrics[info.id], info.unit));
      }
    }
  }
  std::size_t rank = 0;
  for (const AudienceMember& m : report.metrics.top_audience) {
    const std::string prefix = fmt::format("top_audience.{}.", ++rank);
    row(out, "ror", prefix + "author", m.author);
    row(out, "ror", prefix + "comments", std::to_string(m.comments));
    row(out, "ror", prefix + "posts", std::to_string(m.posts));
    row(out, "ror", prefix + "first_seen", format_utc(m.first_seen));
    row(out, "ror", prefix + "last_seen", format_utc(m.last_seen));
    row(out, "ror", prefix + "answers", std::to_string(m.answers));
  }
  row(out, "verdict", "verdict", verdict_name(report.scores.verdict));
  row(out, "verdict", "reason", report.scores.insufficient);
  for (const CheckResult& c : report.checks) {
    row(out, "check", c.requirement.text, c.passed ? "passed" : "failed");
  }
}

}  // namespace ror
