// --require expressions: parsing and evaluation.
#include <array>
#include <cerrno>
#include <cstdlib>

#include <fmt/format.h>

#include "ror/error.hpp"
#include "ror/report.hpp"

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

Requirement parse_requirement(std::string_view given) {
  Requirement r;
  r.text = without_spaces(given);
  const std::string& text = r.text;
  const auto bad = [&](std::string_view why) {
    return usage_error(fmt::format("--require '{}': {}", given, why));
  };
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
  const std::string path = text.substr(0, at);
  const std::string number = text.substr(at + found->symbol.size());
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
  if (name != "score") {
    r.metric = find_metric(r.group, name);
    if (!r.metric) {
      throw bad(fmt::format("unknown metric \"{}\" (see `ror explain`)", path));
    }
  }
  char* end = nullptr;
  errno = 0;
  r.threshold = std::strtod(number.c_str(), &end);
  if (number.empty() || end != number.c_str() + number.size() || errno == ERANGE) {
    throw bad(fmt::format("\"{}\" is not a number", number));
  }
  return r;
}

std::optional<double> requirement_value(const Requirement& r, const MetricValues& values,
                                        const Scores& scores) {
  return r.metric ? values[*r.metric] : scores.of(r.group);
}

}  // namespace ror
