// Renderers: a Report to text in one output format. One file per format in src/render/, one row
// per format in renderers().
#pragma once

#include <ostream>
#include <span>
#include <string_view>

#include "ror/report.hpp"

namespace ror {

// How a renderer may decorate its output.
struct RenderOptions {
  bool color = false;      // ANSI colour (only the table uses it)
  bool wide = false;       // CSV: one row per report or per group, with every figure (--wide)
  std::size_t width = 80;  // the table's width in columns (80 or more)
  bool csv_raw = false;    // CSV: cells as the inputs wrote them, formulas not neutralised
};

// An output format: its --format name and its function.
struct Renderer {
  std::string_view name;
  void (*render)(const Report& report, const RenderOptions& options, std::ostream& out);
};

// Every output format; the first is the default.
std::span<const Renderer> renderers();

// The renderer called name, or nullptr.
const Renderer* find_renderer(std::string_view name);

// The JSON schema version of `--format json` and the CSV "schema_version" row.
inline constexpr int kOutputSchemaVersion = 3;

void render_table(const Report& report, const RenderOptions& options, std::ostream& out);
void render_json(const Report& report, const RenderOptions& options, std::ostream& out);
void render_csv(const Report& report, const RenderOptions& options, std::ostream& out);
void render_markdown(const Report& report, const RenderOptions& options, std::ostream& out);

}  // namespace ror
