// The table of output formats: adding one means a file in this folder and a row here.
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
  for (const Renderer& r : renderers()) {
    if (r.name == name) {
      return &r;
    }
  }
  return nullptr;
}

}  // namespace ror
