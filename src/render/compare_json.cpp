// ror compare --format json: the versioned comparison document (docs/output.md, "Comparison"),
// schema_version as the report's, told apart by "kind": "comparison". Key order is fixed.
#include <cmath>

#include "render/json_parts.hpp"
#include "ror/render.hpp"

namespace ror {
namespace {

using render::Json;
using render::json_number;

Json optional_number(std::optional<double> value) {
  return value ? Json(*value) : Json(nullptr);
}

double printed_coverage(const Scores& s, Group g) {
  return std::round(s.coverage_of(g) * 1000.0) / 1000.0;
}

// One side: who, when, what was read, and its verdict.
Json side_json(const Report& r) {
  return Json{{"account", render::account_json(r.account)},
              {"period", render::period_json(r)},
              {"input", render::input_json(r)},
              {"verdict", verdict_name(r.scores.verdict)},
              {"verdict_reason",
               r.scores.insufficient.empty() ? Json(nullptr) : Json(r.scores.insufficient)}};
}

Json scores_json(const Comparison& c) {
  Json out = Json::object();
  for (const Group g : kGroups) {
    const Change& s = c.score(g);
    const auto missing = [g](const Scores& side) {
      const std::string& m = side.missing[static_cast<std::size_t>(g)];
      return m.empty() ? Json(nullptr) : Json(m);
    };
    const double coverage_a = printed_coverage(c.a.scores, g);
    const double coverage_b = printed_coverage(c.b.scores, g);
    out[std::string(group_name(g))] = Json{
        {"a", optional_number(s.a)},
        {"b", optional_number(s.b)},
        {"change", optional_number(s.delta)},
        {"judgement", judgement_name(s.judgement)},
        {"coverage", Json{{"a", coverage_a},
                          {"b", coverage_b},
                          {"change", std::round((coverage_b - coverage_a) * 1000.0) / 1000.0}}},
        {"low_confidence",
         Json{{"a", c.a.scores.low_confidence_of(g)}, {"b", c.b.scores.low_confidence_of(g)}}},
        {"missing", Json{{"a", missing(c.a.scores)}, {"b", missing(c.b.scores)}}}};
  }
  return out;
}

Json metrics_json(const Comparison& c) {
  Json out = Json::object();
  for (const Group g : kGroups) {
    Json group = Json::object();
    for (const MetricInfo& m : metric_catalog()) {
      if (m.group != g) {
        continue;
      }
      const Change& ch = c.metric(m.id);
      group[std::string(m.name)] = Json{
          {"a", json_number(ch.a, m.unit)},          {"b", json_number(ch.b, m.unit)},
          {"change", json_number(ch.delta, m.unit)}, {"relative", optional_number(ch.relative)},
          {"better", better_name(m.better)},         {"judgement", judgement_name(ch.judgement)}};
    }
    out[std::string(group_name(g))] = std::move(group);
  }
  return out;
}

Json checks_json(const Comparison& c) {
  Json list = Json::array();
  for (const CheckResult& check : c.checks) {
    const Side side = check.requirement.side;
    list.push_back(Json{{"condition", check.requirement.text},
                        {"side", side == Side::a       ? "a"
                                 : side == Side::delta ? "delta"
                                                       : "b"},
                        {"value", optional_number(check.value)},
                        {"passed", check.passed}});
  }
  return list;
}

}  // namespace

void render_comparison_json(const Comparison& c, const RenderOptions& /*options*/,
                            std::ostream& out) {
  const Json doc{{"schema_version", kOutputSchemaVersion},
                 {"kind", kComparisonKind},
                 {"split", c.split ? Json(format_utc_ms(*c.split)) : Json(nullptr)},
                 {"a", side_json(c.a)},
                 {"b", side_json(c.b)},
                 {"scores", scores_json(c)},
                 {"metrics", metrics_json(c)},
                 {"checks", checks_json(c)}};
  out << doc.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

}  // namespace ror
