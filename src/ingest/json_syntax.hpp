// A plain JSON syntax checker used on the error path only: simdjson says that a document is
// malformed, this says where and why, as a line and column the user can jump to.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace ror::ingest {

// The first syntax error of a JSON text: its byte offset and what was wrong.
struct SyntaxError {
  std::size_t offset = 0;
  std::string message;
};

// Checks that `text` is exactly one JSON value surrounded by whitespace (RFC 8259).
std::optional<SyntaxError> find_syntax_error(std::string_view text);

}  // namespace ror::ingest
