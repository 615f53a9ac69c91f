#include "ingest/json_syntax.hpp"

#include <cctype>
#include <vector>

#include <fmt/format.h>

namespace ror::ingest {
namespace {

class Checker {
 public:
  explicit Checker(std::string_view text) : s_(text) {}

  std::optional<SyntaxError> run() {
    skip_ws();
    if (at_end()) {
      return fail("expected a JSON value, found the end of the input");
    }
    if (!value()) {
      return error_;
    }
    skip_ws();
    if (!at_end()) {
      return fail(fmt::format("unexpected {} after the JSON value", describe()));
    }
    return std::nullopt;
  }

 private:
  bool at_end() const { return pos_ >= s_.size(); }
  char peek() const { return s_[pos_]; }

  void skip_ws() {
    while (!at_end() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r')) {
      ++pos_;
    }
  }

  std::string describe() const {
    if (at_end()) {
      return "end of input";
    }
    const auto c = static_cast<unsigned char>(peek());
    return c >= 0x20 && c < 0x7f ? fmt::format("'{}'", peek()) : fmt::format("byte 0x{:02x}", c);
  }

  std::optional<SyntaxError> fail(std::string message) {
    error_ = SyntaxError{pos_, std::move(message)};
    return error_;
  }

  bool reject(std::string message) {
    fail(std::move(message));
    return false;
  }

  bool expect_failed(std::string_view what) {
    return reject(fmt::format("expected {}, found {}", what, describe()));
  }

  // Values nest through an explicit stack so that deep input cannot overflow the call stack.
  bool value() {
    std::vector<char> stack;
    while (true) {
      skip_ws();
      if (at_end()) {
        return expect_failed("a value");
      }
      const char c = peek();
      if (c == '{' || c == '[') {
        ++pos_;
        skip_ws();
        const char close = c == '{' ? '}' : ']';
        if (!at_end() && peek() == close) {
          ++pos_;
        } else {
          stack.push_back(c);
          if (c == '{' && !key()) {
            return false;
          }
          continue;
        }
      } else if (!scalar()) {
        return false;
      }
      // After a complete value: close containers or move to the next member.
      while (true) {
        if (stack.empty()) {
          return true;
        }
        skip_ws();
        const char open = stack.back();
        const char close = open == '{' ? '}' : ']';
        if (!at_end() && peek() == ',') {
          ++pos_;
          if (open == '{' && !key()) {
            return false;
          }
          break;
        }
        if (!at_end() && peek() == close) {
          ++pos_;
          stack.pop_back();
          continue;
        }
        return expect_failed(open == '{' ? "',' or '}'" : "',' or ']'");
      }
    }
  }

  bool key() {
    skip_ws();
    if (at_end() || peek() != '"') {
      return expect_failed("a string key");
    }
    if (!string()) {
      return false;
    }
    skip_ws();
    if (at_end() || peek() != ':') {
      return expect_failed("':'");
    }
    ++pos_;
    return true;
  }

  bool scalar() {
    const char c = peek();
    if (c == '"') {
      return string();
    }
    if (c == '-' || (c >= '0' && c <= '9')) {
      return number();
    }
    for (std::string_view word : {"true", "false", "null"}) {
      if (s_.substr(pos_, word.size()) == word) {
        pos_ += word.size();
        return true;
      }
    }
    return expect_failed("a value");
  }

  bool digits() {
    const std::size_t start = pos_;
    while (!at_end() && peek() >= '0' && peek() <= '9') {
      ++pos_;
    }
    return pos_ > start || expect_failed("a digit");
  }

  bool number() {
    if (peek() == '-') {
      ++pos_;
    }
    if (!at_end() && peek() == '0') {
      ++pos_;
    } else if (!digits()) {
      return false;
    }
    if (!at_end() && peek() == '.') {
      ++pos_;
      if (!digits()) {
        return false;
      }
    }
    if (!at_end() && (peek() == 'e' || peek() == 'E')) {
      ++pos_;
      if (!at_end() && (peek() == '+' || peek() == '-')) {
        ++pos_;
      }
      return digits();
    }
    return true;
  }

  bool string() {
    ++pos_;  // opening quote
    while (!at_end()) {
      const auto c = static_cast<unsigned char>(peek());
      if (c == '"') {
        ++pos_;
        return true;
      }
      if (c < 0x20) {
        return reject("control character inside a string");
      }
      if (c == '\\') {
        ++pos_;
        if (at_end()) {
          break;
        }
        const char e = peek();
        if (e == 'u') {
          for (int i = 1; i <= 4; ++i) {
            const std::size_t p = pos_ + static_cast<std::size_t>(i);
            if (p >= s_.size() || !std::isxdigit(static_cast<unsigned char>(s_[p]))) {
              pos_ = p;
              return expect_failed("four hex digits after \\u");
            }
          }
          pos_ += 5;
          continue;
        }
        if (std::string_view("\"\\/bfnrt").find(e) == std::string_view::npos) {
          return reject("invalid escape sequence in a string");
        }
        ++pos_;
        continue;
      }
      ++pos_;
    }
    return reject("unterminated string");
  }

  std::string_view s_;
  std::size_t pos_ = 0;
  SyntaxError error_;
};

}  // namespace

std::optional<SyntaxError> find_syntax_error(std::string_view text) {
  return Checker(text).run();
}

}  // namespace ror::ingest
