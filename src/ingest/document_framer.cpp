// The document framing: walks the top level of one JSON value and splits it into items (a
// top-level array's elements; a top-level object's members, with the arrays under the framing's
// keys split into their elements), so that a document of any size streams through in blocks.
// The whole framing is the same walk with the value kept as one item.
#include <algorithm>
#include <cctype>
#include <cstring>
#include <memory>
#include <optional>
#include <unordered_set>

#include <fmt/format.h>

#include "ingest/framing.hpp"
#include "ingest/json_syntax.hpp"
#include "ingest/structural_scan.hpp"
#include "ror/error.hpp"
#include "ror/keyed_hash.hpp"

namespace ror::ingest {

namespace {

bool is_space(char c) {
  return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

// The end of the string whose opening quote is at `pos`, just past its closing quote; nullopt
// when the text ends first.
std::optional<std::size_t> string_end(std::string_view text, std::size_t pos) {
  std::size_t p = pos + 1;
  // Most strings are short keys and values: a plain loop finds their end before memchr would
  // be called.
  for (const std::size_t near = std::min(text.size(), p + 24); p < near; ++p) {
    if (text[p] == '\\') {
      ++p;  // an escaped character, whatever it is
    } else if (text[p] == '"') {
      return p + 1;
    }
  }
  if (p > text.size()) {
    return std::nullopt;
  }
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
    // (the count may start inside the part the loop above read: then an escape pair before the
    // quote is a backslash and its escaped character, which the parity still tells right)
    if (backslashes % 2 == 0) {
      return quote + 1;
    }
    p = quote + 1;
  }
}

// The structure of a document, one token at a time, resumable at any token boundary.
class DocumentFramer final : public Framer {
 public:
  explicit DocumentFramer(const Framing& framing) : framing_(framing) {}

  void known_value(std::size_t begin, std::size_t end) override {
    known_begin_ = begin;
    known_end_ = end;
  }

  std::size_t cut(InputText& text, bool at_end) override {
    std::size_t committed = 0;
    std::size_t cut = 0;
    try {
      cut = cut_from(text, at_end, committed);
    } catch (const Error&) {
      error = std::current_exception();
      cut = committed;
    }
    known_end_ = 0;  // (it was of this text's offsets)
    return cut;
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
    start,          // before the value (or its script prefix)
    first_key,      // after '{': a key or '}'
    key,            // after ',': a key
    colon,          // after a key
    value,          // after ':'
    after_value,    // after a member: ',' or '}'
    first_element,  // after the '[' of a split array: an element or ']'
    element,        // after ',' in a split array
    after_element,  // after an element: ',' or ']'
    done,           // after the value
  };

  std::string expectation() const {
    switch (state_) {
      case State::start:
        return framing_.kind == FramingKind::whole ? "expected a value" : "expected '{' or '['";
      case State::first_key:
        return "expected a string key or '}'";
      case State::key:
        return "expected a string key";
      case State::colon:
        return "expected ':'";
      case State::value:
      case State::first_element:
      case State::element:
        return "expected a value";
      case State::after_value:
        return "expected ',' or '}'";
      case State::after_element:
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
    const bool in_array = state_ == State::first_element || state_ == State::element;
    throw_malformed_at(text, text.size,
                       in_array ? "expected ',' or ']', found end of input"
                                : "expected ',' or '}', found end of input");
  }

  // The end of the value starting at `pos` (balanced brackets, strings skipped whole); nullopt
  // when the text ends first. Scalars end at the next delimiter.
  std::optional<std::size_t> value_end(const InputText& text, std::size_t pos) const {
    const std::string_view s = text.view();
    if (known_end_ > pos && known_begin_ == pos && known_end_ <= s.size()) {
      return known_end_;
    }
    if (s[pos] == '{' || s[pos] == '[') {
      const std::size_t end = container_end(s, pos);
      return end == std::string_view::npos ? std::nullopt : std::optional<std::size_t>(end);
    }
    std::size_t depth = 0;
    std::size_t p = pos;
    while (p < s.size()) {
      if (depth > 0) {
        // Inside a container only quotes and brackets matter.
        p = static_cast<std::size_t>(next_structural(s.data() + p, s.data() + s.size()) - s.data());
        if (p >= s.size()) {
          break;
        }
      }
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

  // Consumes a whole value at `pos` as an item of `kind` and moves to `next`.
  std::optional<std::size_t> item(InputText& text, std::size_t pos, ItemKind kind, State next) {
    const auto end = value_end(text, pos);
    const bool closed =
        end && *end > pos &&
        (text.data[*end - 1] == '}' || text.data[*end - 1] == ']' || text.data[*end - 1] == '"');
    if (!end || (*end == text.size && !closed)) {
      return std::nullopt;  // a scalar at the very end may go on in the next block
    }
    if (*end == pos) {
      unexpected(text, pos);
    }
    Item found;
    found.begin = pos;
    found.end = *end;
    found.kind = kind;
    if (kind == ItemKind::element) {
      found.index = elements_++;
      found.split_key = split_key_;
    } else if (kind == ItemKind::member) {
      found.key = key_;
    }
    text.items.push_back(found);
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

  // A script prefix (`window.YTD.tweets.part0 = `) at `pos`: the position after it, or nullopt
  // when the text ends first.
  std::optional<std::size_t> prefix(const InputText& text, std::size_t pos) const {
    const std::string_view s = text.view();
    std::size_t p = pos;
    while (p < s.size() && (std::isalnum(static_cast<unsigned char>(s[p])) != 0 || s[p] == '_' ||
                            s[p] == '.' || s[p] == '$')) {
      ++p;
    }
    while (p < s.size() && is_space(s[p])) {
      ++p;
    }
    if (p >= s.size()) {
      return std::nullopt;
    }
    if (s[p] != '=') {
      unexpected(text, p);
    }
    return p + 1;
  }

  // A mark of no bytes at `pos`.
  static Item mark(std::size_t pos, ItemKind kind, std::uint64_t slot = 0) {
    Item m;
    m.begin = m.end = pos;
    m.kind = kind;
    m.index = slot;
    return m;
  }

  // The framing's slot of a split key, or the number of keys when it is not one.
  std::size_t slot_of(std::string_view key) const {
    for (std::size_t i = 0; i < framing_.item_keys.size(); ++i) {
      if (!key.empty() && key == framing_.item_keys[i]) {
        return i;
      }
    }
    return framing_.item_keys.size();
  }

  // The open mark of split key `slot` at `pos`, saying whether it was given before.
  Item open_mark(std::size_t pos, std::size_t slot) {
    Item m = mark(pos, ItemKind::open, slot);
    m.split_key = framing_.item_keys[slot];
    m.key = key_;
    m.repeated = seen_[slot];
    seen_[slot] = true;
    return m;
  }

  // Opens a split array under `key` (or at the top level, with an empty key).
  void open_array(InputText& text, std::size_t pos, std::string_view key) {
    if (const std::size_t slot = slot_of(key); slot < framing_.item_keys.size()) {
      split_key_ = framing_.item_keys[slot];
      split_slot_ = slot;
      text.items.push_back(open_mark(pos, slot));
    }
    elements_ = 0;
    state_ = State::first_element;
  }

  // Closes the array being split, at `pos` (its ']').
  void close_array(InputText& text, std::size_t pos) {
    if (!top_array_) {
      Item m = mark(pos, ItemKind::close, split_slot_);
      m.split_key = split_key_;
      text.items.push_back(m);
    }
    state_ = top_array_ ? State::done : State::after_value;
  }

  // A whole member value was just added as the last item (at `pos`), under the key key_: a
  // split key's value that is no array is framed by its marks; a key given before gets a repeat
  // mark ahead of it.
  void mark_member(InputText& text, std::size_t pos) {
    const std::size_t slot = slot_of(key_);
    const auto at = text.items.end() - 1;
    if (slot < framing_.item_keys.size()) {
      const Item open = open_mark(pos, slot);
      Item close = mark(text.items.back().end, ItemKind::close, slot);
      close.split_key = open.split_key;
      text.items.insert(at, open);
      text.items.push_back(close);
      return;
    }
    if (!other_keys_.insert(key_).second) {
      Item repeat = mark(pos, ItemKind::repeat);
      repeat.key = key_;
      text.items.insert(at, repeat);
    }
  }

  // Consumes one token at `pos`; returns the position after it, or nullopt when it is not whole.
  std::optional<std::size_t> step(InputText& text, std::size_t pos) {
    const char c = text.data[pos];
    switch (state_) {
      case State::start:
        if (framing_.script_prefix && !prefixed_ &&
            (std::isalpha(static_cast<unsigned char>(c)) != 0)) {
          const auto after = prefix(text, pos);
          prefixed_ = after.has_value();
          return after;
        }
        if (framing_.kind == FramingKind::whole) {
          return item(text, pos, ItemKind::whole, State::done);
        }
        if (c == '[') {
          top_array_ = true;
          split_key_ = {};
          open_array(text, pos, {});
          return pos + 1;
        }
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
      case State::value: {
        if (c == '[' && framing_.splits(key_)) {
          open_array(text, pos, key_);
          return pos + 1;
        }
        const auto end = item(text, pos, ItemKind::member, State::after_value);
        if (end) {
          mark_member(text, pos);  // (only once the item is whole: a cut may come back to it)
        }
        return end;
      }
      case State::after_value:
        return separator(text, pos, '}', State::key, State::done);
      case State::first_element:
        if (c == ']') {
          close_array(text, pos);
          return pos + 1;
        }
        return item(text, pos, ItemKind::element, State::after_element);
      case State::element:
        return item(text, pos, ItemKind::element, State::after_element);
      case State::after_element:
        if (c == ']') {
          close_array(text, pos);
          return pos + 1;
        }
        return separator(text, pos, ']', State::element, State::after_value);
      case State::done:
        unexpected(text, pos);
    }
    return std::nullopt;
  }

  const Framing framing_;
  State state_ = State::start;
  bool prefixed_ = false;
  bool top_array_ = false;
  std::array<bool, 2> seen_{};  // per split key: given before
  std::size_t split_slot_ = 0;  // the slot of the array being split
  // The top-level keys given so far that are not split (a document has few).
  std::unordered_set<std::string, KeyedStringHash> other_keys_;
  std::string key_;             // the last key read, raw
  std::string_view split_key_;  // the key of the array being split
  std::uint64_t elements_ = 0;  // elements of it so far
  // The value known to span [known_begin_, known_end_) of the text being cut (known_value), or 0.
  std::size_t known_begin_ = 0;
  std::size_t known_end_ = 0;
};

}  // namespace

std::unique_ptr<Framer> make_document_framer(const Framing& framing) {
  return std::make_unique<DocumentFramer>(framing);
}

}  // namespace ror::ingest
