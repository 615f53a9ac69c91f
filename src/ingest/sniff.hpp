// A look at the start of an input, for detection: its shape (one JSON value, JSON lines, text,
// binary), a script prefix if any, and the keys and short values of its first item. Built from
// the first bytes only, tolerant of a value cut off at the end of them. Format-neutral.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ror::ingest {

// What the start of an input looks like.
enum class Shape : std::uint8_t {
  empty,   // whitespace only
  object,  // one JSON object (possibly after a script prefix)
  array,   // one JSON array (possibly after a script prefix)
  lines,   // a JSON value on its first line, then more values on later lines
  text,    // text that is not JSON (CSV, XML, ...)
  binary,  // bytes that are not text (media, unknown archives)
};

// "an object", "JSON lines", ...: how messages name a shape.
std::string_view shape_name(Shape shape);

// Whether a text starts with a UTF-16 byte order mark (little or big endian).
inline bool starts_with_utf16_bom(std::string_view text) {
  return text.starts_with("\xff\xfe") || text.starts_with("\xfe\xff");
}

// Whether a text starts with an XML declaration that names an encoding other than UTF-8
// (`<?xml version="1.0" encoding="ISO-8859-1"?>`), which the XML parser decodes.
bool declares_other_encoding(std::string_view text);

struct Sniff {
  std::string_view name;  // the input's name: a file, or an archive member
  std::string_view head;  // its first bytes (after a UTF-8 byte order mark)
  bool whole = false;     // head is all of the input
  Shape shape = Shape::empty;
  std::string_view script;  // a script prefix's variable ("window.YTD.tweets.part0"), or ""
  // The first item's members, by path from the value's root ("orderedItems/0/type"; a top-level
  // array's first element is "0"): a scalar's text (a string without its quotes), or "{" / "["
  // for an object or array. Only the first element of each array is entered, at most 5 deep.
  struct Field {
    std::uint32_t path_at = 0;  // the path is paths[path_at, path_at + path_size)
    std::uint32_t path_size = 0;
    std::string_view value;
  };
  std::vector<Field> fields;
  std::string paths;  // the fields' paths, one after another
  // Where the first value lies in head, [value_begin, value_end), when the scan walked it to its
  // end (a top-level object within the scan's window); value_end is 0 when it did not.
  std::size_t value_begin = 0;
  std::size_t value_end = 0;

  // Whether the first item has a value at `path`.
  bool has(std::string_view path) const;
  // The value at `path` as described above, or "" when absent.
  std::string_view get(std::string_view path) const;
  // Whether every top-level member of the first item is one of `members` (an empty page of a
  // paged API, which shows no item to tell its format by, holds nothing else).
  bool only_members(std::span<const std::string_view> members) const;
  // The last component of the name ("tweets.js" of "archive.zip:data/tweets.js").
  std::string_view file_name() const;
};

// Looks at the start of an input.
Sniff sniff(std::string_view name, std::string_view head, bool whole);

}  // namespace ror::ingest
