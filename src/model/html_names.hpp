// What HTML's names mean to plain text: tag names, and character references named and numeric.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace ror::html {

// What a tag does to the text around it.
enum class TagKind : std::uint8_t {
  other,    // nothing: span, b, em, img, unknown names...
  block,    // a line break: p, br, div, li, h1-h6, blockquote, tr, td, hr, pre, ...
  anchor,   // a: a link
  dropped,  // script, style, title: their text is dropped
};

// A tag name, ASCII-lowercased, read one byte at a time: its first 16 bytes packed in two
// integers (byte i at bits 8i of `low`, then of `high`) and its length. Two names compare equal
// when they are the same name, or share their first 16 bytes and their length.
struct TagName {
  std::uint64_t low = 0;
  std::uint64_t high = 0;
  std::size_t length = 0;

  // Adds the name's next byte.
  constexpr void add(char c) noexcept {
    const auto byte = static_cast<unsigned char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    if (length < 8) {
      low |= std::uint64_t{byte} << (8 * length);
    } else if (length < 16) {
      high |= std::uint64_t{byte} << (8 * (length - 8));
    }
    ++length;
  }

  friend constexpr bool operator==(const TagName&, const TagName&) = default;
};

// The name of a tag given as text.
constexpr TagName tag_name(std::string_view name) noexcept {
  TagName tag;
  for (const char c : name) {
    tag.add(c);
  }
  return tag;
}

// What a tag of that name does to the text.
TagKind classify_tag(const TagName& name) noexcept;

// A character reference read at a '&': its code point (0 when there is none) and the byte
// after it.
struct Reference {
  char32_t code = 0;
  const char* next = nullptr;
};

// Reads the reference at amp (before end): `&#123;` or `&#x7b;` (the ';' may be missing; 0,
// surrogates and values past U+10FFFF give U+FFFD, and 0x80-0x9F are read as Windows-1252, as
// browsers do), or `&name;` with a name of the HTML 4 set, `apos` or the HTML5 names for ASCII
// punctuation (case-sensitive).
Reference read_reference(const char* amp, const char* end) noexcept;

// Writes the UTF-8 encoding of a code point (at most U+10FFFF) to bytes; returns its length.
std::size_t encode_utf8(char32_t c, char* bytes) noexcept;

// Appends text with its character references decoded; a '&' that begins none stays.
void append_decoded(std::string& out, std::string_view text);

}  // namespace ror::html
