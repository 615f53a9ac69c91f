// The tables of output formats, one per kind of result: adding a format means a file in this
// folder and a row here.
#include <array>

#include "ror/render.hpp"

namespace ror {

std::span<const Renderer> renderers() {
  static constexpr std::array<Renderer, 4> kRenderers = {{
      {"table", render_table},
      {"json", render_json},
      {"csv", render_csv},
      {"markdown", render_markdown},
  }};
  return kRenderers;
}

const Renderer* find_renderer(std::string_view name) {
  return find_renderer(renderers(), name);
}

std::span<const RendererOf<Comparison>> comparison_renderers() {
  static constexpr std::array<RendererOf<Comparison>, 4> kRenderers = {{
      {"table", render_comparison_table},
      {"json", render_comparison_json},
      {"csv", render_comparison_csv},
      {"markdown", render_comparison_markdown},
  }};
  return kRenderers;
}

}  // namespace ror
