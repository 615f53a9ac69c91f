# Script mode: writes OUTPUT, a header defining `inline constexpr std::string_view SYMBOL` with the
# bytes of INPUT as a hex char array (safe for any content).
file(READ ${INPUT} content HEX)
string(LENGTH "${content}" hex_length)
math(EXPR byte_count "${hex_length} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${content}")
file(WRITE ${OUTPUT}
  "// Generated from ${INPUT}; do not edit.\n#pragma once\n#include <string_view>\n\n"
  "namespace ror::embedded {\ninline constexpr char ${SYMBOL}_bytes[] = {${bytes} 0};\n"
  "inline constexpr std::string_view ${SYMBOL}{${SYMBOL}_bytes, ${byte_count}};\n}  // namespace ror::embedded\n")
