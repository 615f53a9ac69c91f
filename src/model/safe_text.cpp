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

bool is_plain_number(std::string_view text) noexcept {
  std::size_t i = 0;
  const auto digits = [&] {
    const std::size_t start = i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
      ++i;
    }
    return i > start;
  };
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) {
    ++i;
  }
  const bool whole = digits();
  bool fraction = false;
  if (i < text.size() && text[i] == '.') {
    ++i;
    fraction = digits();
  }
  if (!whole && !fraction) {
    return false;
  }
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    if (i < text.size() && (text[i] == '-' || text[i] == '+')) {
      ++i;
    }
    if (!digits()) {
      return false;
    }
  }
  return i == text.size();
}

std::string visible_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto [c, n] = decode_utf8(text, i);
    if (c == U'\uFFFD' && n == 1) {
      out += fmt::format("\\x{:02x}", static_cast<unsigned char>(text[i]));  // no UTF-8
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

std::string markup_text(std::string_view text) {
  const std::string visible = visible_text(text);
  std::string out;
  out.reserve(visible.size());
  for (const char c : visible) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out.push_back(c);
    }
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
  if ((first == '-' || first == '+') && is_plain_number(cell)) {
    return std::string(cell);  // a plain number ("-5", "+1.5e3") is data; "-2+3" is a formula
  }
  return "'" + std::string(cell);  // OWASP: a leading apostrophe makes the cell text
}

}  // namespace ror
