// The field-reading toolkit every importer uses: a JSON value with its place, read as ids,
// strings, counts, times or tags, that names the JSON Pointer of the value in every error it
// raises. The place is a chain of steps on the reader's stack, spelled out only on error, so no
// importer catches and rethrows to build a path. Format-neutral: it knows no platform.
#pragma once

#include <simdjson.h>

#include <array>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ror/time.hpp"

namespace ror::ingest {

// One step from an item's root to a value: a member's key, or an element's index.
struct PathStep {
  const PathStep* parent = nullptr;
  std::string_view key;  // the member's key (empty for an element or the root)
  std::uint64_t index = 0;
  bool element = false;

  // The JSON Pointer of this step from the root ("/posts/3/comments/0/created_at").
  std::string pointer() const;
  // The nearest member key on the way up: the field a message names.
  std::string_view field() const;
};

// A value that is not what the reader expects: what is wrong, and where (a JSON Pointer).
struct SchemaViolation {
  std::string what;
  std::string path;
};

// Told of every key a reader names that comes twice in one object (Value::each_field): the load's
// block reader counts each as a warning. One per thread, set around the reading of a block.
class RepeatedKeys {
 public:
  virtual ~RepeatedKeys() = default;
  // The member at `at` repeats a key of its object (the last one is used).
  virtual void repeated_key(const PathStep& at) = 0;
};

// Sets the calling thread's listener (nullptr for none) and returns the one it replaces.
RepeatedKeys* listen_for_repeated_keys(RepeatedKeys* listener);

// "an array", "a number", "null", ...: how messages name a JSON type.
std::string_view type_name(simdjson::ondemand::json_type type);

// How a time is written.
enum class TimeFormat : std::uint8_t {
  rfc3339,        // "2026-03-06T13:02:05Z"
  twitter,        // "Fri Mar 06 13:02:05 +0000 2026"
  naive_utc,      // "2026-03-06T13:02:05", UTC without a zone (WordPress date_gmt)
  epoch_seconds,  // 1772802125 or 1772802125.5, as a number or a string
  epoch_millis,   // 1772802125000, as a number or a string
};

// Whether a count may be written as a string of digits ("favorite_count": "12").
enum class CountText : std::uint8_t { numbers_only, digits_too };

// A JSON value being read, with its place. Whatever a reader does not read of it is still walked
// (so malformed JSON anywhere is an error), by each_field and each_element.
class Value {
 public:
  Value(simdjson::ondemand::value& value, const PathStep& at) : value_(value), at_(at) {}
  Value(const Value&) = delete;
  Value& operator=(const Value&) = delete;

  // Its JSON type (looked at once).
  [[gnu::always_inline]] simdjson::ondemand::json_type type() {
    if (!typed_) {
      type_ = value_.type();
      typed_ = true;
    }
    return type_;
  }
  // Whether it is null (then it counts as read).
  [[gnu::always_inline]] bool is_null() {
    if (type() != simdjson::ondemand::json_type::null) {
      return false;
    }
    return null_read();
  }
  // Its place.
  const PathStep& at() const { return at_; }
  // Whether a reader took it (read it, or went into it).
  bool was_read() const { return read_; }
  // Whether this member's key came before in its object (each_field): the last one is used, so
  // a reader forgets what it took from the earlier one (what it assigns is overwritten anyway;
  // what it gathers, such as a list, starts again).
  bool repeated() const { return repeated_; }

  // Throws a SchemaViolation at this value.
  [[noreturn]] void fail(std::string what) const;
  // Throws `"field" must be <expected>, not <its type>`.
  [[noreturn]] void fail_type(std::string_view expected);
  // Fails for a number simdjson cannot read: a leading zero ("01"), or too large.
  [[noreturn]] void fail_number();

  // A string. One without escapes is a view of the input itself (no copy: a text of hundreds
  // of MB costs no second buffer); one with escapes is unescaped into the parser's buffer.
  [[gnu::always_inline]] std::string_view string() {
    if (type() != simdjson::ondemand::json_type::string) {
      fail_type("a string");
    }
    read_ = true;
    // (the token runs from its opening quote to the next structural character: the closing
    // quote is its last quote, whitespace after it aside)
    const std::string_view token = value_.raw_json_token();
    const std::size_t close = token.find_last_of('"');
    if (close > 0 && close != std::string_view::npos) {
      const std::string_view inner = token.substr(1, close - 1);
      if (inner.find('\\') == std::string_view::npos) {
        return inner;
      }
    }
    return value_.get_string();
  }
  // A string, or nullopt for null.
  [[gnu::always_inline]] std::optional<std::string_view> optional_string() {
    if (is_null()) {
      return std::nullopt;
    }
    return string();
  }
  // An id: a non-empty string, or an integer kept as its decimal text.
  std::string_view id();
  // An id, or nullopt for null.
  std::optional<std::string_view> optional_id();
  // A non-negative integer (an integral float is accepted), or nullopt for null.
  [[gnu::always_inline]] std::optional<std::int64_t> count(
      CountText text = CountText::numbers_only) {
    std::int64_t n = 0;
    if (type() == simdjson::ondemand::json_type::number &&
        value_.get_int64().get(n) == simdjson::SUCCESS && n >= 0) {
      read_ = true;  // the common case: a plain non-negative integer
      return n;
    }
    return count_slow(text);
  }
  // An integer of either sign (an integral float is accepted), or nullopt for null: a net score
  // that may fall below zero.
  std::optional<std::int64_t> optional_integer();
  // A boolean, or nullopt for null.
  std::optional<bool> optional_boolean();
  // A time in the given format.
  TimeMs time(TimeFormat format);
  // A time, or nullopt for null.
  std::optional<TimeMs> optional_time(TimeFormat format);
  // Walks the value, checking it is well-formed JSON nested at most 1024 deep.
  void skip();

  // Calls f(key, child) for each member of an object, in order. `names` are keys the reader
  // knows (written without escapes, at most 63 bytes, at most 64 of them): such a key is
  // recognised where it lies, without a copy, and passed as the view from `names`. A child f does
  // not read is skipped. A name that comes again in the object is a repeat (child.repeated(),
  // told to the thread's RepeatedKeys); keys that are not names are not tracked (a reader that
  // ignores a key cannot tell its copies apart). An object is required unless `null_ok` (then
  // null reads as no members).
  template <std::size_t N, typename F>
  void each_field(const std::array<std::string_view, N>& names, F&& f, bool null_ok = true);
  // Calls f(child) for each element of an array, in order; a child f does not read is skipped.
  // An array is required unless `null_ok` (null reads as no elements).
  template <typename F>
  void each_element(F&& f, bool null_ok = true);

  // Appends tags of an array to `out`: strings, or (with `member`) objects whose `member` is the
  // tag's name (X's entities.hashtags[].text). One leading `sigil` is removed; empties are dropped.
  void tags(std::string_view member, char sigil, std::vector<std::string_view>& out);

 private:
  // The key of a field: recognised in place when it is one of `names`, else unescaped; `slot` is
  // its index in `names`, or N.
  template <typename Field, std::size_t N>
  [[gnu::always_inline]] static std::string_view key_of(
      Field& field, const std::array<std::string_view, N>& names, std::size_t& slot);
  // Notes that this member repeats a key of its object.
  [[gnu::cold]] void mark_repeated();
  void walk(simdjson::ondemand::value& v, int depth);
  bool null_read();
  std::optional<std::int64_t> count_slow(CountText text);
  void expect_container(simdjson::ondemand::json_type wanted, bool null_ok, bool& empty);

  simdjson::ondemand::value& value_;
  const PathStep& at_;
  bool read_ = false;
  bool typed_ = false;
  bool repeated_ = false;
  simdjson::ondemand::json_type type_{};

  template <std::size_t N, typename F>
  friend void for_each_member(simdjson::ondemand::object object, const PathStep& at,
                              const std::array<std::string_view, N>& names, F&& f);
};

// Calls f(key, child) for each member of an object that is not a Value (a document's top level),
// as Value::each_field does.
template <std::size_t N, typename F>
void for_each_member(simdjson::ondemand::object object, const PathStep& at,
                     const std::array<std::string_view, N>& names, F&& f) {
  static_assert(N <= 64, "each_field tracks at most 64 names");
  std::uint64_t seen = 0;  // a bit per name met so far
  for (auto field : object) {
    std::size_t slot = N;
    const std::string_view key = Value::key_of(field, names, slot);
    simdjson::ondemand::value child_value = field.value();
    const PathStep step{&at, key, 0, false};
    Value child(child_value, step);
    if (slot < N) {
      const std::uint64_t bit = std::uint64_t{1} << slot;
      if ((seen & bit) != 0) {
        child.mark_repeated();
      }
      seen |= bit;
    }
    f(key, child);
    if (!child.read_) {
      child.skip();
    }
  }
}

template <typename Field, std::size_t N>
std::string_view Value::key_of(Field& field, const std::array<std::string_view, N>& names,
                               std::size_t& slot) {
  // The bytes after the opening quote, up to the closing one, looked at for no longer than a
  // known name can be (within the parser's padding); a key with an escape is unescaped instead,
  // as is one that no name matches.
  constexpr std::size_t kLongestName = 63;
  const char* raw = simdjson::ondemand::raw_json_string(field.key()).raw();
  std::size_t length = 0;
  while (length <= kLongestName && raw[length] != '"' && raw[length] != '\\') {
    ++length;
  }
  if (length <= kLongestName && raw[length] == '"') {
    for (std::size_t i = 0; i < N; ++i) {
      if (names[i].size() == length && std::memcmp(raw, names[i].data(), length) == 0) {
        slot = i;
        return names[i];
      }
    }
    return field.unescaped_key();
  }
  // Written with an escape (or long): unescaped, it may still be a name ("po\u0073ts").
  const std::string_view key = field.unescaped_key();
  for (std::size_t i = 0; i < N; ++i) {
    if (key == names[i]) {
      slot = i;
      return names[i];
    }
  }
  return key;
}

template <std::size_t N, typename F>
void Value::each_field(const std::array<std::string_view, N>& names, F&& f, bool null_ok) {
  bool empty = false;
  expect_container(simdjson::ondemand::json_type::object, null_ok, empty);
  if (!empty) {
    for_each_member(value_.get_object(), at_, names, f);
  }
}

template <typename F>
void Value::each_element(F&& f, bool null_ok) {
  bool empty = false;
  expect_container(simdjson::ondemand::json_type::array, null_ok, empty);
  if (empty) {
    return;
  }
  std::uint64_t index = 0;
  for (auto element : value_.get_array()) {
    simdjson::ondemand::value child_value = element.value();
    const PathStep step{&at_, {}, index++, true};
    Value child(child_value, step);
    f(child);
    if (!child.read_) {
      child.skip();
    }
  }
}

// The text of a number as written, without the whitespace On-Demand leaves after it.
std::string_view number_token(simdjson::ondemand::value& value);

}  // namespace ror::ingest
