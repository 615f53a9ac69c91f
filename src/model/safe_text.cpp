// Input text made safe to show: control characters, escape sequences and bidirectional
// overrides written visibly, so that a name can neither drive a terminal nor break a line.
#include <fmt/format.h>

#include "ror/text.hpp"

namespace ror {
namespace {

// Whether code point c must not reach a terminal raw: C0 and DEL, C1, and the bidirectional
// embeddings, overrides and isolates (and the line and paragraph separators).
bool unsafe(char32_t c) {
  return c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) ||
         (c >= 0x2066 && c <= 0x2069) || c == 0x2028 || c == 0x2029 || c == 0x200e || c == 0x200f ||
         c == 0x061c;
}

}  // namespace

std::string visible_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto b = static_cast<unsigned char>(text[i]);
    const std::size_t n = b < 0x80         ? 1
                          : (b >> 5) == 6  ? 2
                          : (b >> 4) == 14 ? 3
                          : (b >> 3) == 30 ? 4
                                           : 0;
    bool valid = n != 0 && i + n <= text.size();
    char32_t c = n == 1 ? b : (b & (0x7f >> n));
    for (std::size_t k = 1; valid && k < n; ++k) {
      const auto next = static_cast<unsigned char>(text[i + k]);
      valid = (next & 0xc0) == 0x80;
      c = (c << 6) | (next & 0x3f);
    }
    if (!valid) {
      out += fmt::format("\\x{:02x}", b);  // a byte that is no UTF-8
      ++i;
      continue;
    }
    if (!unsafe(c)) {
      out.append(text.substr(i, n));
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < 0x80) {
      out += fmt::format("\\x{:02x}", static_cast<unsigned>(c));  // ESC shows as \x1b
    } else {
      out += fmt::format("\\u{:04x}", static_cast<unsigned>(c));
    }
    i += n;
  }
  return out;
}

std::string spreadsheet_safe(std::string_view cell) {
  if (cell.empty()) {
    return std::string(cell);
  }
  const char first = cell.front();
  if (first != '=' && first != '+' && first != '-' && first != '@' && first != '\t' &&
      first != '\r') {
    return std::string(cell);
  }
  // A plain number ("-5", "+1.5e3") is data, not a formula; "-2+3" is a formula.
  std::size_t i = 1;
  const auto digits = [&] {
    const std::size_t start = i;
    while (i < cell.size() && cell[i] >= '0' && cell[i] <= '9') {
      ++i;
    }
    return i > start;
  };
  if (first == '-' || first == '+') {
    bool number = digits();
    if (i < cell.size() && cell[i] == '.') {
      ++i;
      number = digits() || number;
    }
    if (number && i < cell.size() && (cell[i] == 'e' || cell[i] == 'E')) {
      ++i;
      if (i < cell.size() && (cell[i] == '-' || cell[i] == '+')) {
        ++i;
      }
      number = digits();
    }
    if (number && i == cell.size()) {
      return std::string(cell);
    }
  }
  return "'" + std::string(cell);  // OWASP: a leading apostrophe makes the cell text
}

}  // namespace ror
