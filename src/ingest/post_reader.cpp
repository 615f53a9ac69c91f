#include "ingest/post_reader.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>

#include <fmt/format.h>

#include "ingest/json_syntax.hpp"
#include "ror/text.hpp"
#include "ror/time.hpp"

namespace ror::ingest {

namespace od = simdjson::ondemand;
using simdjson::ondemand::json_type;

SchemaViolation&& SchemaViolation::under(std::string_view segment) && {
  path.insert(0, fmt::format("/{}", segment));
  return std::move(*this);
}

namespace {

[[noreturn]] void violate(std::string_view field, std::string what) {
  throw SchemaViolation{std::move(what), fmt::format("/{}", field)};
}

}  // namespace

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

namespace {

constexpr int kMaxDepth = 1024;

// The key of a field. A key written as one of `names` (the keys a reader knows, none of which
// needs escaping) is recognised where it lies, without the copy that unescaping makes; any other
// key is unescaped, which also catches a known key written with escapes.
template <typename Field, std::size_t N>
std::string_view key_of(Field& field, const std::array<std::string_view, N>& names) {
  // The bytes after the opening quote; reading one past a name stays within simdjson's padding.
  const char* raw = od::raw_json_string(field.key()).raw();
  for (const std::string_view name : names) {
    if (raw[0] == name[0] && std::memcmp(raw, name.data(), name.size()) == 0 &&
        raw[name.size()] == '"') {
      return name;
    }
  }
  return field.unescaped_key();
}

constexpr std::array<std::string_view, 10> kPostKeys = {
    "id",       "created_at", "author",      "text",    "url",
    "hashtags", "mentions",   "in_reply_to", "metrics", "comments"};
constexpr std::array<std::string_view, 6> kCommentKeys = {"id",   "author",    "created_at",
                                                          "text", "parent_id", "likes"};
constexpr std::array<std::string_view, 2> kReplyToKeys = {"author", "id"};

// The text of a number as written, without the whitespace On-Demand leaves after it.
std::string_view number_token(od::value& v) {
  std::string_view token = v.raw_json_token();
  const std::size_t end = token.find_last_not_of(" \t\r\n");
  return token.substr(0, end == std::string_view::npos ? 0 : end + 1);
}

// Walks a value the format does not use, so that malformed JSON inside it is still an error
// (On-Demand would otherwise skip it unchecked) and nesting stays bounded.
void skip_value(od::value& v, int depth = 0) {
  if (depth > kMaxDepth) {
    throw simdjson::simdjson_error(simdjson::DEPTH_ERROR);
  }
  switch (v.type()) {
    case json_type::array:
      for (auto element : v.get_array()) {
        od::value child = element.value();
        skip_value(child, depth + 1);
      }
      break;
    case json_type::object:
      for (auto field : v.get_object()) {
        field.unescaped_key().value();
        od::value child = field.value();
        skip_value(child, depth + 1);
      }
      break;
    case json_type::number: {
      if (find_syntax_error(number_token(v))) {
        throw simdjson::simdjson_error(simdjson::NUMBER_ERROR);
      }
      break;
    }
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

[[noreturn]] void wrong_type(std::string_view field, std::string_view expected, json_type got) {
  violate(field, fmt::format("\"{}\" must be {}, not {}", field, expected, type_name(got)));
}

// An id: a non-empty string, or a number kept as its decimal text.
std::string_view read_id(od::value& v, std::string_view field) {
  const json_type t = v.type();
  std::string_view id;
  if (t == json_type::string) {
    id = v.get_string();
  } else if (t == json_type::number) {
    id = number_token(v);
    if (id.find_first_not_of("-0123456789") != std::string_view::npos) {
      violate(field, fmt::format("\"{}\" must be a string or an integer, not {}", field, id));
    }
  } else {
    wrong_type(field, "a string or an integer", t);
  }
  if (id.empty()) {
    violate(field, fmt::format("\"{}\" must not be empty", field));
  }
  return id;
}

// A string, or nullopt for null.
std::optional<std::string_view> read_optional_string(od::value& v, std::string_view field) {
  const json_type t = v.type();
  if (t == json_type::null) {
    return std::nullopt;
  }
  if (t != json_type::string) {
    wrong_type(field, "a string", t);
  }
  return std::string_view(v.get_string());
}

TimeMs read_time(od::value& v, std::string_view field) {
  const json_type t = v.type();
  if (t != json_type::string) {
    wrong_type(field, "an RFC 3339 date-time string", t);
  }
  const std::string_view text = v.get_string();
  const auto time = parse_rfc3339(text);
  if (!time) {
    violate(field, fmt::format("\"{}\" is not an RFC 3339 date-time: \"{}\"", field, text));
  }
  return *time;
}

// A count: a non-negative integer (an integral float is accepted), or nullopt for null.
std::optional<std::int64_t> read_count(od::value& v, std::string_view field) {
  const json_type t = v.type();
  if (t == json_type::null) {
    return std::nullopt;
  }
  if (t != json_type::number) {
    wrong_type(field, "a non-negative integer", t);
  }
  od::number n;
  if (v.get_number().get(n) != simdjson::SUCCESS) {
    violate(field, fmt::format("\"{}\" is out of range", field));
  }
  if (n.is_int64() && n.get_int64() >= 0) {
    return n.get_int64();
  }
  const double d = n.get_double();
  if (n.is_double() && d >= 0 && d < 9.2e18 && std::floor(d) == d) {
    return static_cast<std::int64_t>(d);
  }
  violate(field, fmt::format("\"{}\" must be a non-negative integer", field));
}

// Hashtags or mentions given as an array: strips one sigil, drops empties, counts distinct.
std::uint32_t read_tags(od::value& v, std::string_view field, char sigil,
                        std::vector<std::string_view>& scratch) {
  const json_type t = v.type();
  if (t != json_type::array) {
    wrong_type(field, "an array of strings", t);
  }
  scratch.clear();
  std::size_t index = 0;
  for (auto element : v.get_array()) {
    od::value item = element.value();
    if (item.type() != json_type::string) {
      throw SchemaViolation{fmt::format("\"{}\" items must be strings", field),
                            fmt::format("/{}/{}", field, index)};
    }
    std::string_view tag = item.get_string();
    if (!tag.empty() && tag.front() == sigil) {
      tag.remove_prefix(1);
    }
    if (!tag.empty()) {
      scratch.push_back(tag);  // stays valid until the next document
    }
    ++index;
  }
  return count_distinct(scratch);
}

void read_metrics(od::value& v, PostRecord& out) {
  const json_type t = v.type();
  if (t == json_type::null) {
    return;
  }
  if (t != json_type::object) {
    wrong_type("metrics", "an object", t);
  }
  for (auto field : v.get_object()) {
    const std::string_view key = key_of(field, kPostMetricNames);
    const auto* name = std::find(kPostMetricNames.begin(), kPostMetricNames.end(), key);
    if (name == kPostMetricNames.end()) {
      od::value unused = field.value();
      skip_value(unused);
      continue;
    }
    {
      const auto i = static_cast<std::size_t>(name - kPostMetricNames.begin());
      try {
        od::value count_value = field.value();
        if (const auto count = read_count(count_value, key)) {
          out.metrics[i] = *count;
          out.known = static_cast<std::uint8_t>(out.known | (1U << i));
        }
      } catch (SchemaViolation& e) {
        throw std::move(e).under("metrics");
      }
    }
  }
}

void read_reply_to(od::value& v, PostRecord& out) {
  const json_type t = v.type();
  if (t == json_type::null) {
    return;
  }
  if (t != json_type::object) {
    wrong_type("in_reply_to", "an object", t);
  }
  for (auto field : v.get_object()) {
    const std::string_view key = key_of(field, kReplyToKeys);
    try {
      if (key == "author") {
        od::value author_value = field.value();
        if (const auto author = read_optional_string(author_value, key)) {
          out.reply_to_author = *author;
          out.has_reply_to = !author->empty();
        }
      } else if (key == "id") {
        od::value id = field.value();
        if (id.type() != json_type::null) {
          read_id(id, key);
        }
      } else {
        od::value unused = field.value();
        skip_value(unused);
      }
    } catch (SchemaViolation& e) {
      throw std::move(e).under("in_reply_to");
    }
  }
}

void read_comment(od::value& v, CommentRecord& out) {
  const json_type t = v.type();
  if (t != json_type::object) {
    throw SchemaViolation{fmt::format("a comment must be an object, not {}", type_name(t)), ""};
  }
  bool has_id = false;
  bool has_author = false;
  bool has_time = false;
  for (auto field : v.get_object()) {
    const std::string_view key = key_of(field, kCommentKeys);
    od::value value = field.value();
    if (key == "id") {
      out.id = read_id(value, key);
      has_id = true;
    } else if (key == "author") {
      const auto author = read_optional_string(value, key);
      if (!author || author->empty()) {
        violate(key, "\"author\" must be a non-empty string");
      }
      out.author = *author;
      has_author = true;
    } else if (key == "created_at") {
      out.created_at = read_time(value, key);
      has_time = true;
    } else if (key == "text") {
      if (const auto text = read_optional_string(value, key)) {
        out.text = analyze_text(*text);
      }
    } else if (key == "parent_id") {
      if (value.type() != json_type::null) {
        out.parent_id = read_id(value, key);
        out.has_parent = true;
      }
    } else if (key == "likes") {
      read_count(value, key);
    } else {
      skip_value(value);
    }
  }
  for (auto [seen, name] :
       {std::pair{has_id, "id"}, {has_author, "author"}, {has_time, "created_at"}}) {
    if (!seen) {
      violate(name, fmt::format("missing required field \"{}\"", name));
    }
  }
}

void read_comments(od::value& v, PostRecord& out) {
  const json_type t = v.type();
  if (t == json_type::null) {
    return;
  }
  if (t != json_type::array) {
    wrong_type("comments", "an array", t);
  }
  std::size_t index = 0;
  for (auto element : v.get_array()) {
    CommentRecord& comment = out.comments.emplace_back();
    try {
      od::value comment_value = element.value();
      read_comment(comment_value, comment);
    } catch (SchemaViolation& e) {
      throw std::move(e).under(std::to_string(index)).under("comments");
    }
    ++index;
  }
}

}  // namespace

void read_post(od::value& value, PostRecord& out, std::vector<std::string_view>& scratch) {
  out.clear();
  const json_type t = value.type();
  if (t != json_type::object) {
    throw SchemaViolation{fmt::format("a post must be an object, not {}", type_name(t)), ""};
  }
  bool has_id = false;
  bool has_time = false;
  bool has_hashtags = false;
  bool has_mentions = false;
  std::string_view text;
  for (auto field : value.get_object()) {
    const std::string_view key = key_of(field, kPostKeys);
    od::value v = field.value();
    if (key == "id") {
      out.id = read_id(v, key);
      has_id = true;
    } else if (key == "created_at") {
      out.created_at = read_time(v, key);
      has_time = true;
    } else if (key == "author") {
      if (const auto author = read_optional_string(v, key); author && !author->empty()) {
        out.author = *author;
        out.has_author = true;
      }
    } else if (key == "text") {
      text = read_optional_string(v, key).value_or(std::string_view{});
    } else if (key == "url") {
      read_optional_string(v, key);
    } else if (key == "hashtags" && v.type() != json_type::null) {
      out.hashtags = read_tags(v, key, '#', scratch);
      has_hashtags = true;
    } else if (key == "mentions" && v.type() != json_type::null) {
      out.mentions = read_tags(v, key, '@', scratch);
      has_mentions = true;
    } else if (key == "in_reply_to") {
      read_reply_to(v, out);
    } else if (key == "metrics") {
      read_metrics(v, out);
    } else if (key == "comments") {
      read_comments(v, out);
    } else {
      skip_value(v);
    }
  }
  if (!has_id) {
    violate("id", "missing required field \"id\"");
  }
  if (!has_time) {
    violate("created_at", "missing required field \"created_at\"");
  }
  out.text = analyze_text(text);
  if (!has_hashtags) {
    out.hashtags = count_text_tags(text, '#');
  }
  if (!has_mentions) {
    out.mentions = count_text_tags(text, '@');
  }
}

AccountRecord read_account(od::value value) {
  AccountRecord account;
  const json_type t = value.type();
  if (t == json_type::null) {
    return account;
  }
  if (t != json_type::object) {
    throw SchemaViolation{fmt::format("\"account\" must be an object, not {}", type_name(t)), ""};
  }
  for (auto field : value.get_object()) {
    const std::string_view key = field.unescaped_key();
    od::value v = field.value();
    if (key == "id" && v.type() != json_type::null) {
      account.id = read_id(v, key);
    } else if (key == "handle" || key == "platform") {
      const std::string text(read_optional_string(v, key).value_or(""));
      (key == "handle" ? account.handle : account.platform) = text;
    } else if (key == "followers") {
      account.followers = read_count(v, key);
    } else if (key == "aliases" && v.type() != json_type::null) {
      if (v.type() != json_type::array) {
        wrong_type(key, "an array of strings", v.type());
      }
      std::size_t index = 0;
      for (auto element : v.get_array()) {
        od::value item = element.value();
        if (item.type() != json_type::string) {
          throw SchemaViolation{"\"aliases\" items must be strings",
                                fmt::format("/aliases/{}", index)};
        }
        account.aliases.emplace_back(std::string_view(item.get_string()));
        ++index;
      }
    } else {
      skip_value(v);
    }
  }
  return account;
}

void skip_unused(od::value value) {
  skip_value(value);
}

void check_schema_tag(json_type type, std::string_view tag) {
  if (type == json_type::null) {
    return;
  }
  if (type != json_type::string) {
    wrong_type("schema", "the string \"ror/v1\"", type);
  }
  if (tag != "ror/v1") {
    violate("schema", fmt::format("unsupported schema \"{}\" (this ror reads \"ror/v1\")", tag));
  }
}

void check_schema_tag(od::value value) {
  const json_type t = value.type();
  check_schema_tag(t, t == json_type::string ? std::string_view(value.get_string()) : "");
}

}  // namespace ror::ingest
