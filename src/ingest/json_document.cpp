// The ror/v1 JSON document: {"schema": "ror/v1", "account": {...}, "posts": [...]}. The framer
// walks the top level and splits the "posts" array into its elements, so that a document of any
// size streams through in blocks; each post and member is then parsed with simdjson On-Demand.
#include <cstring>
#include <memory>
#include <optional>

#include <fmt/format.h>

#include "ingest/formats.hpp"
#include "ingest/json_syntax.hpp"
#include "ingest/post_reader.hpp"
#include "ror/error.hpp"

namespace ror::ingest {

namespace od = simdjson::ondemand;
using od::json_type;

namespace {

bool is_space(char c) {
  return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

// The end of the string whose opening quote is at `pos`, just past its closing quote; nullopt
// when the text ends first.
std::optional<std::size_t> string_end(std::string_view text, std::size_t pos) {
  std::size_t p = pos + 1;
  while (true) {
    const void* q = std::memchr(text.data() + p, '"', text.size() - p);
    if (q == nullptr) {
      return std::nullopt;
    }
    const auto quote = static_cast<std::size_t>(static_cast<const char*>(q) - text.data());
    std::size_t backslashes = 0;
    while (quote - backslashes > pos + 1 && text[quote - backslashes - 1] == '\\') {
      ++backslashes;
    }
    if (backslashes % 2 == 0) {
      return quote + 1;
    }
    p = quote + 1;
  }
}

// The structure of a document, one token at a time, resumable at any token boundary.
class DocumentFramer final : public Framer {
 public:
  std::size_t cut(InputText& text, bool at_end) override {
    std::size_t committed = 0;
    try {
      return cut_from(text, at_end, committed);
    } catch (const Error&) {
      error = std::current_exception();
      return committed;
    }
  }

 private:
  std::size_t cut_from(InputText& text, bool at_end, std::size_t& committed) {
    const std::string_view s = text.view();
    std::size_t pos = 0;
    while (true) {
      while (pos < s.size() && is_space(s[pos])) {
        ++pos;
      }
      if (pos >= s.size()) {
        if (at_end && state_ != State::done) {
          throw_malformed_at(text, pos, expectation() + ", found end of input");
        }
        return s.size();  // only whitespace is left, which no later block needs
      }
      const auto next = step(text, pos);
      if (!next) {
        if (at_end) {
          truncated(text, pos);
        }
        return committed;
      }
      pos = *next;
      committed = pos;
    }
  }

  enum class State : std::uint8_t {
    start,        // before the opening brace
    first_key,    // after '{': a key or '}'
    key,          // after ',': a key
    colon,        // after a key
    value,        // after ':'
    after_value,  // after a member: ',' or '}'
    first_post,   // after "posts": [ : a post or ']'
    post,         // after ',' in posts
    after_post,   // after a post: ',' or ']'
    done,         // after the closing brace
  };

  std::string expectation() const {
    switch (state_) {
      case State::start:
        return "expected '{'";
      case State::first_key:
        return "expected a string key or '}'";
      case State::key:
        return "expected a string key";
      case State::colon:
        return "expected ':'";
      case State::value:
      case State::first_post:
      case State::post:
        return "expected a value";
      case State::after_value:
        return "expected ',' or '}'";
      case State::after_post:
        return "expected ',' or ']'";
      case State::done:
        return "expected the end of input";
    }
    return "unexpected input";
  }

  [[noreturn]] void unexpected(const InputText& text, std::size_t pos) const {
    const auto c = static_cast<unsigned char>(text.data[pos]);
    const std::string found = c >= 0x20 && c < 0x7f ? fmt::format("'{}'", text.data[pos])
                                                    : fmt::format("byte 0x{:02x}", c);
    if (state_ == State::done) {
      throw_malformed_at(text, pos, fmt::format("unexpected {} after the JSON value", found));
    }
    throw_malformed_at(text, pos, fmt::format("{}, found {}", expectation(), found));
  }

  // The input ended inside the token at `pos`: say what is wrong in it.
  [[noreturn]] void truncated(const InputText& text, std::size_t pos) const {
    const std::string_view rest = text.view().substr(pos);
    if (const auto syntax = find_syntax_error(rest)) {
      throw_malformed_at(text, pos + syntax->offset, syntax->message);
    }
    // The token is whole but nothing follows it.
    const bool in_posts = state_ == State::first_post || state_ == State::post;
    throw_malformed_at(text, text.size,
                       in_posts ? "expected ',' or ']', found end of input"
                                : "expected ',' or '}', found end of input");
  }

  // The end of the value starting at `pos` (balanced brackets, strings skipped whole); nullopt
  // when the text ends first. Scalars end at the next delimiter.
  std::optional<std::size_t> value_end(const InputText& text, std::size_t pos) const {
    const std::string_view s = text.view();
    std::size_t depth = 0;
    std::size_t p = pos;
    while (p < s.size()) {
      const char c = s[p];
      if (c == '"') {
        const auto end = string_end(s, p);
        if (!end) {
          return std::nullopt;
        }
        p = *end;
      } else if (c == '{' || c == '[') {
        ++depth;
        ++p;
      } else if (c == '}' || c == ']') {
        if (depth == 0) {
          return p;  // a scalar ended by the enclosing container
        }
        --depth;
        ++p;
      } else if (depth == 0 && (c == ',' || is_space(c))) {
        return p;
      } else {
        ++p;
      }
      if (depth == 0 && (c == '"' || c == '}' || c == ']') && p > pos) {
        return p;
      }
    }
    return std::nullopt;
  }

  // Consumes a whole value at `pos` as an item (a post or a member) and moves to `next`.
  std::optional<std::size_t> item(InputText& text, std::size_t pos, ItemKind kind, State next) {
    const auto end = value_end(text, pos);
    if (!end || *end == text.size) {
      return std::nullopt;  // a scalar at the very end may go on in the next block
    }
    if (*end == pos) {
      unexpected(text, pos);
    }
    if (kind == ItemKind::post) {
      text.items.push_back({pos, *end, kind, posts_++, {}});
    } else {
      text.items.push_back({pos, *end, kind, 0, key_});
    }
    state_ = next;
    return end;
  }

  // Consumes ',' (moving to `on_comma`) or `close` (moving to `on_close`).
  std::size_t separator(const InputText& text, std::size_t pos, char close, State on_comma,
                        State on_close) {
    const char c = text.data[pos];
    if (c != ',' && c != close) {
      unexpected(text, pos);
    }
    state_ = c == ',' ? on_comma : on_close;
    return pos + 1;
  }

  // Consumes one token at `pos`; returns the position after it, or nullopt when it is not whole.
  std::optional<std::size_t> step(InputText& text, std::size_t pos) {
    const char c = text.data[pos];
    switch (state_) {
      case State::start:
        if (c != '{') {
          unexpected(text, pos);
        }
        state_ = State::first_key;
        return pos + 1;
      case State::first_key:
      case State::key: {
        if (c == '}' && state_ == State::first_key) {
          state_ = State::done;
          return pos + 1;
        }
        if (c != '"') {
          unexpected(text, pos);
        }
        const auto end = string_end(text.view(), pos);
        if (!end) {
          return std::nullopt;
        }
        key_.assign(text.data + pos + 1, *end - pos - 2);
        state_ = State::colon;
        return end;
      }
      case State::colon:
        if (c != ':') {
          unexpected(text, pos);
        }
        state_ = State::value;
        return pos + 1;
      case State::value:
        if (key_ == "posts" && c == '[') {
          state_ = State::first_post;
          return pos + 1;
        }
        return item(text, pos, ItemKind::member, State::after_value);
      case State::after_value:
        return separator(text, pos, '}', State::key, State::done);
      case State::first_post:
        if (c == ']') {
          state_ = State::after_value;
          return pos + 1;
        }
        return item(text, pos, ItemKind::post, State::after_post);
      case State::post:
        return item(text, pos, ItemKind::post, State::after_post);
      case State::after_post:
        return separator(text, pos, ']', State::post, State::after_value);
      case State::done:
        unexpected(text, pos);
    }
    return std::nullopt;
  }

  State state_ = State::start;
  std::string key_;
  std::uint64_t posts_ = 0;
};

const char* location_of(od::document& doc) {
  const char* where = nullptr;
  return doc.current_location().get(where) == simdjson::SUCCESS ? where : nullptr;
}

// Reads a top-level member other than the "posts" array from its own span.
void read_member(od::document& doc, const Item& item, PostBatch& batch) {
  const json_type t = doc.type();
  if (item.key == "posts") {
    if (t != json_type::null) {
      throw SchemaViolation{fmt::format("\"posts\" must be an array, not {}", type_name(t)),
                            "/posts"};
    }
  } else if (t == json_type::object || t == json_type::array) {
    read_header_member(item.key, doc.get_value(), batch);
    if (has_trailing_content(doc)) {
      throw simdjson::simdjson_error(simdjson::TRAILING_CONTENT);
    }
  } else if (item.key == "schema") {
    check_schema_tag(t, t == json_type::string ? std::string_view(doc.get_string()) : "");
  } else if (item.key == "account" && t != json_type::null) {
    throw SchemaViolation{fmt::format("\"account\" must be an object, not {}", type_name(t)),
                          "/account"};
  }
}

}  // namespace

bool looks_like_json_document(const InputText& /*start*/, bool /*whole*/) {
  return true;
}

std::unique_ptr<Framer> make_document_framer() {
  return std::make_unique<DocumentFramer>();
}

void read_json_document(const InputText& block, PostBatch& batch) {
  od::parser parser;
  PostRecord record;
  std::vector<std::string_view> scratch;
  for (const Item& item : block.items) {
    const std::string_view span(block.data + item.begin, item.end - item.begin);
    od::document doc;
    if (const auto error =
            parser.iterate(span.data(), span.size(), block.capacity - item.begin).get(doc)) {
      throw_malformed(block, item.begin, span, nullptr, simdjson::error_message(error));
    }
    try {
      if (item.kind == ItemKind::member) {
        // On-Demand reads a scalar only as far as it needs: check its syntax whole.
        if (span.front() != '{' && span.front() != '[' && find_syntax_error(span)) {
          throw_malformed(block, item.begin, span, nullptr, "malformed value");
        }
        read_member(doc, item, batch);
      } else {
        try {
          if (doc.type() != json_type::object) {
            throw SchemaViolation{
                fmt::format("a post must be an object, not {}", type_name(doc.type())), ""};
          }
          od::value post = doc.get_value();
          read_post(post, record, scratch);
          if (has_trailing_content(doc)) {
            throw simdjson::simdjson_error(simdjson::TRAILING_CONTENT);
          }
        } catch (SchemaViolation& e) {
          throw std::move(e).under(std::to_string(item.index)).under("posts");
        }
        batch.add_post(record);
      }
    } catch (SchemaViolation& e) {
      const char* where = location_of(doc);
      throw_violation(block, e.what, e.path, where != nullptr ? where : span.data());
    } catch (simdjson::simdjson_error& e) {
      throw_malformed(block, item.begin, span, location_of(doc),
                      simdjson::error_message(e.error()));
    }
  }
}

}  // namespace ror::ingest
