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

}  // namespace ror
