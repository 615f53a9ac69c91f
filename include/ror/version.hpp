// The version of ror.
#pragma once

#include <string_view>

namespace ror {

// Semantic version of the tool; the JSON output carries its own schema_version.
inline constexpr std::string_view kVersion = "0.2.0";

}  // namespace ror
