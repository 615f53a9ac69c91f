#include "ingest/field_reader.hpp"

#include <cmath>
#include <vector>

#include <fmt/format.h>

#include "ingest/json_syntax.hpp"

namespace ror::ingest {

namespace od = simdjson::ondemand;
using od::json_type;

namespace {

constexpr int kMaxDepth = 1024;

thread_local RepeatedKeys* repeated_keys = nullptr;

// Whether text is a non-empty run of ASCII digits.
bool all_digits(std::string_view text) {
  return !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
}

}  // namespace

RepeatedKeys* listen_for_repeated_keys(RepeatedKeys* listener) {
  RepeatedKeys* const before = repeated_keys;
  repeated_keys = listener;
  return before;
}

void Value::mark_repeated() {
  repeated_ = true;
  if (repeated_keys != nullptr) {
    repeated_keys->repeated_key(at_);
  }
}

std::string PathStep::pointer() const {
  std::vector<const PathStep*> steps;
  for (const PathStep* s = this; s != nullptr; s = s->parent) {
    if (s->parent != nullptr || s->element || !s->key.empty()) {
      steps.push_back(s);
    }
  }
  std::string out;
  for (auto it = steps.rbegin(); it != steps.rend(); ++it) {
    out += '/';
    if ((*it)->element) {
      out += std::to_string((*it)->index);
      continue;
    }
    // RFC 6901: '~' and '/' inside a key are escaped.
    for (const char c : (*it)->key) {
      out += c == '~'   ? std::string_view("~0")
             : c == '/' ? std::string_view("~1")
                        : std::string_view(&c, 1);
    }
  }
  return out;
}

std::string_view PathStep::field() const {
  for (const PathStep* s = this; s != nullptr; s = s->parent) {
    if (!s->element && !s->key.empty()) {
      return s->key;
    }
  }
  return {};
}

std::string_view type_name(json_type t) {
  switch (t) {
    case json_type::array:
      return "an array";
    case json_type::object:
      return "an object";
    case json_type::number:
      return "a number";
    case json_type::string:
      return "a string";
    case json_type::boolean:
      return "a boolean";
    case json_type::null:
      return "null";
  }
  return "a value";
}

std::string_view number_token(od::value& value) {
  std::string_view token = value.raw_json_token();
  const std::size_t end = token.find_last_not_of(" \t\r\n");
  return token.substr(0, end == std::string_view::npos ? 0 : end + 1);
}

// Whether a number token is well-formed JSON: at once for an integer (most ids and counts), else
// by the syntax checker.
bool well_formed_number(std::string_view token) {
  std::size_t i = token.starts_with('-') ? 1 : 0;
  bool integer = i < token.size() && (token[i] != '0' || token.size() == i + 1);
  for (; integer && i < token.size(); ++i) {
    integer = token[i] >= '0' && token[i] <= '9';
  }
  return integer || !find_syntax_error(token);
}

bool Value::null_read() {
  read_ = true;
  if (!value_.is_null()) {
    throw simdjson::simdjson_error(simdjson::N_ATOM_ERROR);
  }
  return true;
}

void Value::fail(std::string what) const {
  throw SchemaViolation{std::move(what), at_.pointer()};
}

void Value::fail_type(std::string_view expected) {
  const std::string_view field = at_.field();
  const std::string what = field.empty() ? std::string(at_.element ? "an item" : "the input")
                                         : fmt::format("\"{}\"", field);
  fail(fmt::format("{} must be {}, not {}", what, expected, type_name(type())));
}

std::string_view Value::id() {
  const json_type t = type();
  std::string_view id;
  read_ = true;
  if (t == json_type::string) {
    id = value_.get_string();
  } else if (t == json_type::number) {
    id = number_token(value_);
    if (!well_formed_number(id)) {
      throw simdjson::simdjson_error(simdjson::NUMBER_ERROR);  // malformed JSON, not a value
    }
    if (id.find_first_not_of("-0123456789") != std::string_view::npos) {
      fail(fmt::format("\"{}\" must be a string or an integer, not {}", at_.field(), id));
    }
    if (id == "-0") {
      id = "0";  // (the same number as 0, so the same id)
    }
  } else {
    fail_type("a string or an integer");
  }
  if (id.empty()) {
    fail(fmt::format("\"{}\" must not be empty", at_.field()));
  }
  return id;
}

std::optional<std::string_view> Value::optional_id() {
  if (is_null()) {
    return std::nullopt;
  }
  return id();
}

void Value::fail_number() {
  std::string_view raw = value_.raw_json_token();
  while (!raw.empty() &&
         (raw.back() == ' ' || raw.back() == '\n' || raw.back() == '\r' || raw.back() == '\t' ||
          raw.back() == ',' || raw.back() == '}' || raw.back() == ']')) {
    raw.remove_suffix(1);
  }
  const std::string_view digits = raw.substr(!raw.empty() && raw.front() == '-' ? 1 : 0);
  if (digits.size() > 1 && digits[0] == '0' && digits[1] >= '0' && digits[1] <= '9') {
    fail(fmt::format("\"{}\" is not a JSON number: {} has a leading zero", at_.field(), raw));
  }
  fail(fmt::format("\"{}\" is out of range: {} (at most 9223372036854775807)", at_.field(),
                   raw.substr(0, 40)));
}

std::optional<std::int64_t> Value::count_slow(CountText text) {
  if (is_null()) {
    return std::nullopt;
  }
  const json_type t = type();
  if (t == json_type::string && text == CountText::digits_too) {
    read_ = true;
    const std::string_view digits = value_.get_string();
    // At most 18 digits always fit in an int64.
    if (!all_digits(digits) || digits.size() > 18) {
      fail(fmt::format("\"{}\" must be a non-negative integer, not \"{}\"", at_.field(), digits));
    }
    std::int64_t n = 0;
    for (const char c : digits) {
      n = n * 10 + (c - '0');
    }
    return n;
  }
  if (t != json_type::number) {
    fail_type("a non-negative integer");
  }
  read_ = true;
  od::number n;
  if (value_.get_number().get(n) != simdjson::SUCCESS) {
    fail_number();
  }
  if (n.is_int64() && n.get_int64() >= 0) {
    return n.get_int64();
  }
  if (n.is_uint64()) {
    fail(fmt::format("\"{}\" is out of range: {} (at most 9223372036854775807)", at_.field(),
                     n.get_uint64()));
  }
  const double d = n.get_double();
  if (n.is_double() && d >= 0 && d < 9.2e18 && std::floor(d) == d) {
    return static_cast<std::int64_t>(d);
  }
  fail(fmt::format("\"{}\" must be a non-negative integer", at_.field()));
}

std::optional<std::int64_t> Value::optional_integer() {
  if (is_null()) {
    return std::nullopt;
  }
  if (type() != json_type::number) {
    fail_type("an integer");
  }
  read_ = true;
  od::number n;
  if (value_.get_number().get(n) != simdjson::SUCCESS) {
    fail_number();
  }
  if (n.is_int64()) {
    return n.get_int64();
  }
  if (n.is_uint64()) {
    fail(fmt::format("\"{}\" is out of range: {} (at most 9223372036854775807)", at_.field(),
                     n.get_uint64()));
  }
  const double d = n.get_double();
  if (n.is_double() && d > -9.2e18 && d < 9.2e18 && std::floor(d) == d) {
    return static_cast<std::int64_t>(d);
  }
  fail(fmt::format("\"{}\" must be an integer", at_.field()));
}

std::optional<bool> Value::optional_boolean() {
  if (is_null()) {
    return std::nullopt;
  }
  if (type() != json_type::boolean) {
    fail_type("a boolean");
  }
  read_ = true;
  return static_cast<bool>(value_.get_bool());
}

TimeMs Value::time(TimeFormat format) {
  const json_type t = type();
  const bool epoch = format == TimeFormat::epoch_seconds || format == TimeFormat::epoch_millis;
  std::string_view text;
  if (epoch && t == json_type::number) {
    read_ = true;
    text = number_token(value_);
  } else if (t == json_type::string) {
    read_ = true;
    text = value_.get_string();
  } else {
    fail_type(epoch ? "a number of seconds since 1970" : "a date-time string");
  }
  std::optional<TimeMs> time;
  std::string_view expected;
  switch (format) {
    case TimeFormat::rfc3339:
      time = parse_rfc3339(text);
      expected = "an RFC 3339 date-time";
      break;
    case TimeFormat::twitter:
      time = parse_twitter_time(text);
      expected = "a date-time like \"Fri Mar 06 13:02:05 +0000 2026\"";
      break;
    case TimeFormat::naive_utc:
      time = parse_naive_utc(text);
      expected = "a date-time";
      break;
    case TimeFormat::epoch_seconds:
      time = parse_epoch_seconds(text);
      expected = "a number of seconds since 1970";
      break;
    case TimeFormat::epoch_millis:
      time = parse_epoch_millis(text);
      expected = "a number of milliseconds since 1970";
      break;
  }
  if (!time) {
    fail(fmt::format("\"{}\" is not {}: \"{}\"", at_.field(), expected, text));
  }
  return *time;
}

std::optional<TimeMs> Value::optional_time(TimeFormat format) {
  if (is_null()) {
    return std::nullopt;
  }
  return time(format);
}

void Value::skip() {
  read_ = true;
  walk(value_, 0);
}

void Value::walk(od::value& v, int depth) {
  if (depth > kMaxDepth) {
    throw simdjson::simdjson_error(simdjson::DEPTH_ERROR);
  }
  switch (v.type()) {
    case json_type::array:
      for (auto element : v.get_array()) {
        od::value child = element.value();
        walk(child, depth + 1);
      }
      break;
    case json_type::object:
      for (auto field : v.get_object()) {
        field.unescaped_key().value();
        od::value child = field.value();
        walk(child, depth + 1);
      }
      break;
    case json_type::number:
      if (!well_formed_number(number_token(v))) {
        throw simdjson::simdjson_error(simdjson::NUMBER_ERROR);
      }
      break;
    case json_type::string:
      v.get_string().value();
      break;
    case json_type::boolean:
      v.get_bool().value();
      break;
    case json_type::null:
      if (!v.is_null()) {
        throw simdjson::simdjson_error(simdjson::N_ATOM_ERROR);
      }
      break;
  }
}

void Value::expect_container(json_type wanted, bool null_ok, bool& empty) {
  const json_type t = type();
  empty = false;
  if (t == wanted) {
    read_ = true;
    return;
  }
  if (null_ok && t == json_type::null) {
    empty = is_null();
    return;
  }
  fail_type(wanted == json_type::object ? "an object" : "an array");
}

void Value::tags(std::string_view member, char sigil, std::vector<std::string_view>& out) {
  const auto add = [&](std::string_view tag) {
    if (!tag.empty() && tag.front() == sigil) {
      tag.remove_prefix(1);
    }
    if (!tag.empty()) {
      out.push_back(tag);  // stays valid until the parser reads its next document
    }
  };
  const std::string_view field = at_.field();
  each_element([&](Value& item) {
    if (member.empty()) {
      if (item.type() != json_type::string) {
        item.fail(fmt::format("\"{}\" items must be strings", field));
      }
      add(item.string());
      return;
    }
    const std::array<std::string_view, 1> names{member};
    const std::size_t before = out.size();
    item.each_field(names, [&](std::string_view key, Value& v) {
      if (key == member) {
        if (v.repeated()) {
          out.resize(before);  // the last one is the tag
        }
        if (const auto name = v.optional_string()) {
          add(*name);
        }
      }
    });
  });
}

}  // namespace ror::ingest
