// A streaming JSON writer in the styles platforms write: X's pretty-printed archive files, the
// compact output of Python's json module (twarc) and of Ruby on Rails (Mastodon), and the others'
// (PHP's json_encode, Reddit's, Meta's mojibake, ...). Strings are handed over as plain UTF-8 and
// escaped the way the style's writer does.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace gen {

enum class Escape : uint8_t {
  utf8,         // UTF-8 as is; only '"', '\\' and control characters escaped (X archive)
  ascii,        // every non-ASCII character as \uXXXX, surrogate pairs above U+FFFF (Python)
  html_safe,    // UTF-8 as is, '<' '>' '&' U+2028 U+2029 as \u escapes (Rails)
  ascii_slash,  // as ascii, and '/' as "\/" (PHP's json_encode, Pushshift's dumps)
  ascii_html,   // as ascii, and '<' '>' '&' as \u003C \u003E \u0026 (Reddit's API)
  latin1,       // every byte from 0x80 up as a code point of its own, \u00XX: the UTF-8 read
                // as Latin-1, the mojibake of Meta's exports ("ç" is "\u00c3\u00a7")
};

struct JsonStyle {
  bool pretty;             // one value per line, two spaces per level, "[ ]" when empty
  std::string_view colon;  // between a key and its value
  std::string_view comma;  // between values (in pretty style followed by the line break)
  Escape escape;
};

inline constexpr JsonStyle kXArchiveStyle{true, " : ", ",", Escape::utf8};
inline constexpr JsonStyle kPythonStyle{false, ": ", ", ", Escape::ascii};
inline constexpr JsonStyle kRailsStyle{false, ":", ",", Escape::html_safe};

// Appends `plain` to `out` as the body of a JSON string (no quotes), escaped per `escape`.
void escape_json(std::string& out, std::string_view plain, Escape escape);

// Writes values into a string. Containers nest up to kMaxDepth; a key is followed by exactly one
// value. Misuse is not checked: the generators are its only callers.
class JsonWriter {
 public:
  // `depth`: the nesting level the output starts at (for pretty items inside a file's array).
  JsonWriter(std::string& out, const JsonStyle& style, int depth = 0)
      : out_(out), style_(style), depth_(depth), base_(depth) {}

  std::string& out() { return out_; }

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }
  // {} and [] ("{ }" and "[ ]" in pretty style).
  void empty_object() {
    begin_object();
    end_object();
  }
  void empty_array() {
    begin_array();
    end_array();
  }
  // The key of the next value.
  JsonWriter& key(std::string_view k);

  void string(std::string_view plain);
  void number(uint64_t v);
  void signed_number(int64_t v);
  // A number written as a string, as X's archive writes every number: "3".
  void quoted_number(uint64_t v);
  void boolean(bool v) { raw(v ? "true" : "false"); }
  void null() { raw("null"); }
  // A value already encoded as JSON.
  void raw(std::string_view json);

  // key(k) and a value.
  void field(std::string_view k, std::string_view plain) { key(k).string(plain); }
  void field_number(std::string_view k, uint64_t v) { key(k).number(v); }
  void field_raw(std::string_view k, std::string_view json) { key(k).raw(json); }

  static constexpr int kMaxDepth = 32;

 private:
  void before_value();
  void newline(int depth);
  void open(char bracket);
  void close(char bracket);

  std::string& out_;
  const JsonStyle& style_;
  int depth_;
  int base_;
  bool pending_key_ = false;
  bool first_[kMaxDepth + 1] = {};
};

}  // namespace gen
