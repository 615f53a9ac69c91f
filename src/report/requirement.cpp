// --require expressions: parsing and evaluation.
#include <array>
#include <cerrno>
#include <cmath>
#include <cstdlib>

#include <fmt/format.h>

#include "ror/error.hpp"
#include "ror/report.hpp"
#include "ror/text.hpp"

namespace ror {
namespace {

struct OpSpelling {
  std::string_view symbol;
  CompareOp op;
};
// Two-character operators first, so "<=" is not read as "<".
constexpr std::array<OpSpelling, 5> kOps = {{{"<=", CompareOp::le},
                                             {">=", CompareOp::ge},
                                             {"==", CompareOp::eq},
                                             {"<", CompareOp::lt},
                                             {">", CompareOp::gt}}};

// A plain decimal number (is_plain_number), finite; no "nan", "inf" or hexadecimal forms.
std::optional<double> plain_number(const std::string& text) {
  if (!is_plain_number(text)) {
    return std::nullopt;
  }
  errno = 0;
  const double value = std::strtod(text.c_str(), nullptr);
  if (errno == ERANGE || !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

// Seconds in a duration unit: s, m (minutes), h, d, w.
std::optional<double> duration_unit(std::string_view unit) {
  constexpr std::array<std::pair<std::string_view, double>, 5> kUnits = {
      {{"s", 1}, {"m", 60}, {"h", 3600}, {"d", 86400}, {"w", 604800}}};
  for (const auto& [name, seconds] : kUnits) {
    if (unit == name) {
      return seconds;
    }
  }
  return std::nullopt;
}

bool holds(double value, CompareOp op, double threshold) {
  switch (op) {
    case CompareOp::lt:
      return value < threshold;
    case CompareOp::le:
      return value <= threshold;
    case CompareOp::gt:
      return value > threshold;
    case CompareOp::ge:
      return value >= threshold;
    case CompareOp::eq:
      return value == threshold;
  }
  return false;
}

std::string without_spaces(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c != ' ' && c != '\t') {
      out.push_back(c);
    }
  }
  return out;
}

}  // namespace

std::string_view op_symbol(CompareOp op) {
  for (const OpSpelling& s : kOps) {
    if (s.op == op) {
      return s.symbol;
    }
  }
  return "?";
}

Requirement parse_requirement(std::string_view given, RequirementScope scope) {
  Requirement r;
  r.text = without_spaces(given);
  std::string_view text = r.text;
  const auto bad = [&](std::string_view why) {
    return usage_error(fmt::format("--require '{}': {}", given, why));
  };
  // A side prefix: "a.", "b." or "delta." (comparisons only).
  constexpr std::array<std::pair<std::string_view, Side>, 3> kSides = {
      {{"a.", Side::a}, {"b.", Side::b}, {"delta.", Side::delta}}};
  for (const auto& [prefix, side] : kSides) {
    if (text.starts_with(prefix)) {
      if (scope != RequirementScope::comparison) {
        throw bad(fmt::format("\"{}\" names a side of a comparison: it applies to ror compare only",
                              prefix.substr(0, prefix.size() - 1)));
      }
      r.side = side;
      text.remove_prefix(prefix.size());
    }
  }
  if (scope == RequirementScope::comparison && r.side == Side::own) {
    r.side = Side::b;
  }
  const bool change = r.side == Side::delta;  // (a change may be negative)
  std::size_t at = std::string::npos;
  const OpSpelling* found = nullptr;
  for (const OpSpelling& s : kOps) {
    const std::size_t p = text.find(s.symbol);
    if (p != std::string::npos && p < at) {
      at = p;
      found = &s;
    }
  }
  if (found == nullptr) {
    throw bad("expected <group>.<metric> followed by <, <=, >, >= or == and a number");
  }
  r.op = found->op;
  const std::string path(text.substr(0, at));
  const std::string number(text.substr(at + found->symbol.size()));
  const std::size_t dot = path.find('.');
  if (dot == std::string::npos) {
    throw bad(fmt::format("unknown path \"{}\"; paths look like ror.score or roi.posts", path));
  }
  const std::string group = path.substr(0, dot);
  const std::string name = path.substr(dot + 1);
  bool group_found = false;
  for (const Group g : kGroups) {
    if (group_name(g) == group) {
      r.group = g;
      group_found = true;
    }
  }
  if (!group_found) {
    throw bad(fmt::format("unknown group \"{}\"; use roi, ror or hygiene", group));
  }
  if (name == "top_audience") {
    throw bad("ror.top_audience is a list; compare a number such as ror.audience");
  }
  r.coverage = name == "coverage";
  if (name != "score" && !r.coverage) {
    r.metric = find_metric(r.group, name);
    if (!r.metric) {
      throw bad(fmt::format("unknown metric \"{}\" (see `ror explain`)", path));
    }
  }
  // What the threshold is measured in: a fraction (rates, coverage), seconds, or a plain number.
  const Unit unit = r.coverage ? Unit::rate : r.metric ? metric_info(*r.metric).unit : Unit::ratio;
  const std::string_view what = r.metric ? metric_info(*r.metric).name : std::string_view(name);
  // The number, then an optional suffix: "%" or a duration unit.
  std::size_t digits = 0;
  while (digits < number.size() &&
         std::string_view("+-.0123456789eE").find(number[digits]) != std::string_view::npos) {
    ++digits;
  }
  // (an exponent's sign aside, a letter after the digits is a suffix: "1e3" is a number, "2d" not)
  const std::string suffix = number.substr(digits);
  const auto value = plain_number(number.substr(0, digits));
  if (!value) {
    throw bad(fmt::format("\"{}\" is not a number", number));
  }
  r.threshold = *value;
  if (suffix == "%") {
    if (unit != Unit::rate) {
      throw bad(fmt::format("{} is {}, not a rate: a percentage does not apply", what,
                            unit == Unit::seconds ? "a time" : "a number"));
    }
    r.threshold /= 100.0;
    if (r.threshold < (change ? -1 : 0) || r.threshold > 1) {
      throw bad(fmt::format("{} is a fraction: a percentage lies in 0% to 100%", what));
    }
  } else if (!suffix.empty()) {
    const auto seconds = duration_unit(suffix);
    if (!seconds) {
      throw bad(fmt::format("\"{}\" is not a number", number));
    }
    if (unit != Unit::seconds) {
      throw bad(fmt::format("{} is not a time: a duration does not apply", what));
    }
    r.threshold *= *seconds;
    if (!std::isfinite(r.threshold)) {
      throw bad(fmt::format("\"{}\" is out of range", number));
    }
  } else if (unit == Unit::rate && (r.threshold < (change ? -1 : 0) || r.threshold > 1)) {
    throw bad(fmt::format("{} is a fraction from 0 to 1; write {}% or {}", what, number,
                          r.threshold / 100.0));
  } else if (!r.metric && !r.coverage && (r.threshold < (change ? -100 : 0) || r.threshold > 100)) {
    throw bad(change ? "a score changes by -100 to 100" : "scores run from 0 to 100");
  }
  if (r.threshold < 0 && !change) {
    throw bad(fmt::format("{} is never negative", what));  // (counts, ratios and times)
  }
  return r;
}

std::optional<double> requirement_value(const Requirement& r, const MetricValues& values,
                                        const Scores& scores) {
  if (r.coverage) {
    return std::round(scores.coverage_of(r.group) * 1000.0) / 1000.0;  // as the reports print it
  }
  return r.metric ? values[*r.metric] : scores.of(r.group);
}

CheckResult check_requirement(const Requirement& requirement, std::optional<double> value) {
  return {requirement, value, value && holds(*value, requirement.op, requirement.threshold), {}};
}

}  // namespace ror
