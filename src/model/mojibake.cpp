// Repair of "mojibake": UTF-8 text whose bytes were each written as a code point of their own
// (U+0000 to U+00FF), as Meta's "Download your information" JSON does ("Ã§" for "ç").
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "ror/text.hpp"

namespace ror {
namespace {

// The length of the run of ASCII bytes at the start of bytes[0, n), eight at a time.
std::size_t ascii_run(const char* bytes, std::size_t n) noexcept {
  std::size_t i = 0;
  for (std::uint64_t word = 0; i + 8 <= n; i += 8) {
    std::memcpy(&word, bytes + i, 8);
    if ((word & 0x8080808080808080ULL) != 0) {
      break;
    }
  }
  while (i < n && static_cast<unsigned char>(bytes[i]) < 0x80) {
    ++i;
  }
  return i;
}

// Whether `bytes` is well-formed UTF-8 (no overlong forms, surrogates or values past U+10FFFF).
bool valid_utf8(std::string_view bytes) noexcept {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const unsigned char* const end = p + bytes.size();
  while (p < end) {
    const unsigned char lead = *p;
    if (lead < 0x80) {
      ++p;
      continue;
    }
    std::size_t extra = 0;
    unsigned char low = 0x80;  // the range of the byte after the lead
    unsigned char high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
      extra = 1;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      extra = 2;
      low = lead == 0xE0 ? 0xA0 : 0x80;
      high = lead == 0xED ? 0x9F : 0xBF;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      extra = 3;
      low = lead == 0xF0 ? 0x90 : 0x80;
      high = lead == 0xF4 ? 0x8F : 0xBF;
    } else {
      return false;
    }
    if (static_cast<std::size_t>(end - p) <= extra || p[1] < low || p[1] > high) {
      return false;
    }
    for (std::size_t k = 2; k <= extra; ++k) {
      if (p[k] < 0x80 || p[k] > 0xBF) {
        return false;
      }
    }
    p += extra + 1;
  }
  return true;
}

}  // namespace

std::string_view repair_mojibake(std::string_view text, std::string& out) {
  // Code points up to U+00FF are ASCII bytes, or C2/C3 followed by one continuation byte.
  bool high = false;
  const std::size_t n = text.size();
  for (std::size_t i = ascii_run(text.data(), n); i < n; i += ascii_run(text.data() + i, n - i)) {
    const auto c = static_cast<unsigned char>(text[i]);
    if ((c != 0xC2 && c != 0xC3) || i + 1 == n) {
      return text;  // a code point past U+00FF (or invalid UTF-8): not this mojibake
    }
    const auto next = static_cast<unsigned char>(text[i + 1]);
    if (next < 0x80 || next > 0xBF) {
      return text;
    }
    high = true;
    i += 2;
  }
  if (!high) {
    return text;  // ASCII
  }
  out.clear();
  out.reserve(n);
  for (std::size_t i = 0; i < n;) {
    const std::size_t run = ascii_run(text.data() + i, n - i);
    out.append(text.data() + i, run);
    i += run;
    if (i < n) {  // C2 or C3 and a continuation byte, as the walk above found
      const auto c = static_cast<unsigned char>(text[i]);
      const auto next = static_cast<unsigned char>(text[i + 1]);
      out.push_back(static_cast<char>(((c & 0x03U) << 6U) | (next & 0x3FU)));
      i += 2;
    }
  }
  return valid_utf8(out) ? std::string_view(out) : text;
}

}  // namespace ror
