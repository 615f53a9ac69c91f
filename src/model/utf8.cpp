// UTF-8 as RFC 3629 defines it: what a valid sequence is, and text whose invalid bytes are each
// replaced by U+FFFD (one for every maximal subpart, as the Unicode standard recommends and the
// WHATWG encoding standard does).
#include "ror/text.hpp"

namespace ror {
namespace {

// What the bytes at text[i] hold: `length` the bytes of the sequence its first byte starts (0 when
// no sequence starts with it), `valid` how many of them are there and in range (the whole
// sequence when it is valid: overlong forms, surrogates and values past U+10FFFF are not).
struct Sequence {
  std::size_t length = 0;
  std::size_t valid = 0;
};

Sequence sequence_at(std::string_view text, std::size_t i) noexcept {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char b = byte(i);
  if (b < 0x80) {
    return {1, 1};
  }
  Sequence s;
  unsigned low = 0x80;  // the range of the second byte
  unsigned high = 0xbf;
  if (b >= 0xc2 && b <= 0xdf) {
    s.length = 2;
  } else if (b >= 0xe0 && b <= 0xef) {
    s.length = 3;
    low = b == 0xe0 ? 0xa0 : 0x80;   // no overlong form
    high = b == 0xed ? 0x9f : 0xbf;  // no surrogate
  } else if (b >= 0xf0 && b <= 0xf4) {
    s.length = 4;
    low = b == 0xf0 ? 0x90 : 0x80;   // no overlong form
    high = b == 0xf4 ? 0x8f : 0xbf;  // nothing past U+10FFFF
  } else {
    return {0, 0};
  }
  s.valid = 1;
  while (s.valid < s.length && i + s.valid < text.size()) {
    const unsigned next = byte(i + s.valid);
    if (next < (s.valid == 1 ? low : 0x80) || next > (s.valid == 1 ? high : 0xbf)) {
      break;
    }
    ++s.valid;
  }
  return s;
}

}  // namespace

std::size_t utf8_length(std::string_view text, std::size_t i) noexcept {
  const Sequence s = sequence_at(text, i);
  return s.valid == s.length ? s.length : 0;
}

std::size_t invalid_utf8_at(std::string_view text) noexcept {
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t n = utf8_length(text, i);
    if (n == 0) {
      return i;
    }
    i += n;
  }
  return std::string_view::npos;
}

std::uint64_t replace_invalid_utf8(std::string_view text, std::string& out) {
  out.clear();
  std::uint64_t replaced = 0;
  std::size_t copied = 0;  // text[copied, i) is valid and not yet in out
  for (std::size_t i = 0; i < text.size();) {
    const Sequence s = sequence_at(text, i);
    if (s.length != 0 && s.valid == s.length) {
      i += s.length;
      continue;
    }
    if (replaced == 0) {
      out.reserve(text.size() + 16);
    }
    out.append(text.substr(copied, i - copied));
    out.append("\xef\xbf\xbd");
    ++replaced;
    i += s.valid == 0 ? 1 : s.valid;  // the maximal subpart: a lone byte, or a cut-off sequence
    copied = i;
  }
  if (replaced != 0) {
    out.append(text.substr(copied));
  }
  return replaced;
}

std::pair<char32_t, std::size_t> decode_utf8(std::string_view text, std::size_t i) noexcept {
  const std::size_t n = utf8_length(text, i);
  const auto b = static_cast<unsigned char>(text[i]);
  if (n <= 1) {
    return {n == 1 ? char32_t{b} : U'\uFFFD', 1};
  }
  char32_t c = b & (0x7fU >> n);
  for (std::size_t k = 1; k < n; ++k) {
    c = (c << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3fU);
  }
  return {c, n};
}

}  // namespace ror
