// Renderers: a Report to text in one output format. One file per format in src/render/, one row
// per format in renderers().
#pragma once

#include <algorithm>
#include <ostream>
#include <span>
#include <string_view>
#include <vector>

#include "ror/comparison.hpp"
#include "ror/report.hpp"

namespace ror {

// How a renderer may decorate its output.
struct RenderOptions {
  bool color = false;      // ANSI colour (only the table uses it)
  bool wide = false;       // CSV: one row per report or per group, with every figure (--wide)
  std::size_t width = 80;  // the table's width in columns (80 or more)
  bool csv_raw = false;    // CSV: cells as the inputs wrote them, formulas not neutralised
};

// An output format of one kind of result T (a Report, a Comparison, an Audience): its --format
// name and its function. Each kind has its own table of them.
template <typename T>
struct RendererOf {
  std::string_view name;
  void (*render)(const T& result, const RenderOptions& options, std::ostream& out);
};
using Renderer = RendererOf<Report>;

// The renderer of `table` called name (compared without ASCII case), or nullptr.
template <typename T>
const RendererOf<T>* find_renderer(std::span<const RendererOf<T>> table, std::string_view name) {
  for (const RendererOf<T>& r : table) {
    if (r.name.size() == name.size() &&
        std::equal(r.name.begin(), r.name.end(), name.begin(),
                   [](char a, char b) { return (a | 0x20) == (b | 0x20); })) {
      return &r;
    }
  }
  return nullptr;
}

// The names of a table's formats, in order.
template <typename T>
std::vector<std::string> renderer_names(std::span<const RendererOf<T>> table) {
  std::vector<std::string> names;
  for (const RendererOf<T>& r : table) {
    names.emplace_back(r.name);
  }
  return names;
}

// Every output format of the score report; the first is the default.
std::span<const Renderer> renderers();

// The score report's renderer called name, or nullptr.
const Renderer* find_renderer(std::string_view name);

// The JSON schema version of `--format json` and the CSV "schema_version" row.
inline constexpr int kOutputSchemaVersion = 3;

void render_table(const Report& report, const RenderOptions& options, std::ostream& out);
void render_json(const Report& report, const RenderOptions& options, std::ostream& out);
void render_csv(const Report& report, const RenderOptions& options, std::ostream& out);
void render_markdown(const Report& report, const RenderOptions& options, std::ostream& out);

// What `ror audience` prints: the account, the input line and its audience.
struct AudienceReport {
  Account account;
  InputStats input;
  AudienceOptions options;
  Audience audience;
  std::size_t shown = 0;  // rows to print (--top), at most audience.members.size()
};

// Every output format of the audience table; the first is the default.
std::span<const RendererOf<AudienceReport>> audience_renderers();

// The visual report's formats (`ror report`): html.
std::span<const RendererOf<VisualReport>> visual_renderers();

// Every output format of a comparison (ror compare); the first is the default.
std::span<const RendererOf<Comparison>> comparison_renderers();

// The JSON "kind" of a comparison document (a score report has none), beside schema_version.
inline constexpr std::string_view kComparisonKind = "comparison";

void render_comparison_table(const Comparison& comparison, const RenderOptions& options,
                             std::ostream& out);
void render_comparison_json(const Comparison& comparison, const RenderOptions& options,
                            std::ostream& out);
void render_comparison_csv(const Comparison& comparison, const RenderOptions& options,
                           std::ostream& out);
void render_comparison_markdown(const Comparison& comparison, const RenderOptions& options,
                                std::ostream& out);

// The --require checks as JUnit XML: one test case per condition (--junit FILE).
void render_junit(const std::vector<CheckResult>& checks, std::ostream& out);

}  // namespace ror
