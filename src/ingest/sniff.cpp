#include "ingest/sniff.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>

#include "ingest/json_syntax.hpp"
#include "ingest/structural_scan.hpp"

namespace ror::ingest {

namespace {

constexpr int kMaxDepth = 5;
constexpr std::size_t kMaxFields = 2000;
constexpr std::size_t kBinaryWindow = 4096;
constexpr std::size_t kScanWindow = std::size_t{1} << 20;  // how far the first item is scanned

bool is_space(char c) {
  return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

bool is_ident(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '$' || c == '.';
}

// A tolerant walk of the first JSON value of a text, recording the first item's members. It
// stops quietly where the text ends.
class Scanner {
 public:
  Scanner(std::string_view text, std::size_t pos, Sniff& out) : s_(text), p_(pos), out_(out) {}

  // Scans one value, whose path is path_; false when the text ends (or is not JSON) first.
  bool value(int depth) {
    space();
    if (p_ >= s_.size()) {
      return false;
    }
    const char c = s_[p_];
    if (c == '{') {
      record("{");
      return object(depth);
    }
    if (c == '[') {
      record("[");
      return array(depth);
    }
    if (c == '"') {
      const std::size_t start = p_ + 1;
      if (!string()) {
        return false;
      }
      record(s_.substr(start, p_ - 1 - start));
      return true;
    }
    const std::size_t start = p_;
    while (p_ < s_.size() && !is_space(s_[p_]) && s_[p_] != ',' && s_[p_] != '}' && s_[p_] != ']') {
      ++p_;
    }
    if (p_ >= s_.size() || p_ == start) {
      return false;
    }
    note_scalar(s_.substr(start, p_ - start));
    record(s_.substr(start, p_ - start));
    return true;
  }

  std::size_t position() const { return p_; }
  // Whether every scalar walked over looked like one (letters, digits, signs, points): then the
  // walk found the brackets the framing's walk would (the walk tolerates more, to detect).
  bool strict() const { return strict_; }

 private:
  bool object(int depth) {
    ++p_;
    space();
    if (p_ < s_.size() && s_[p_] == '}') {
      ++p_;
      return true;
    }
    while (true) {
      space();
      if (p_ >= s_.size() || s_[p_] != '"') {
        return false;
      }
      const std::size_t start = p_ + 1;
      if (!string()) {
        return false;
      }
      const std::string_view key = s_.substr(start, p_ - 1 - start);
      space();
      if (p_ >= s_.size() || s_[p_] != ':') {
        return false;
      }
      ++p_;
      bool read = false;
      if (depth < kMaxDepth) {
        const std::size_t length = enter(key);
        read = value(depth + 1);
        path_.resize(length);
      } else {
        read = skip();
      }
      if (!read) {
        return false;
      }
      const After next = after('}');
      if (next != After::more) {
        return next == After::closed;
      }
    }
  }

  bool array(int depth) {
    ++p_;
    space();
    if (p_ < s_.size() && s_[p_] == ']') {
      ++p_;
      return true;
    }
    bool first = true;
    const bool top = path_.empty();
    while (true) {
      bool read = false;
      if (first && depth < kMaxDepth) {
        const std::size_t length = enter("0");
        read = value(depth + 1);
        path_.resize(length);
      } else {
        read = skip();
      }
      if (!read) {
        return false;
      }
      if (top) {
        return false;  // a top-level array: its first element is all detection needs
      }
      first = false;
      const After next = after(']');
      if (next != After::more) {
        return next == After::closed;
      }
    }
  }

  enum class After : std::uint8_t { more, closed, bad };

  // What follows a member or element: ',' (more), the closing `end`, or anything else.
  After after(char end) {
    space();
    if (p_ >= s_.size()) {
      return After::bad;
    }
    const char c = s_[p_++];
    return c == ',' ? After::more : c == end ? After::closed : After::bad;
  }

  // Skips one value without recording it.
  bool skip() {
    space();
    if (p_ < s_.size() && (s_[p_] == '{' || s_[p_] == '[')) {
      const std::size_t end = container_end(s_, p_);
      if (end == std::string_view::npos) {
        return false;
      }
      p_ = end;
      return true;
    }
    if (p_ < s_.size() && s_[p_] != '"') {
      const std::size_t start = p_;
      const bool skipped = skip_scalar();
      note_scalar(s_.substr(start, p_ - start));
      return skipped;
    }
    return skip_scalar();
  }

  void note_scalar(std::string_view scalar) {
    strict_ = strict_ && std::all_of(scalar.begin(), scalar.end(), [](char c) {
                return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '+' || c == '-' ||
                       c == '.';
              });
  }

  // Skips a string or a scalar (and, tolerantly, whatever runs on from it).
  bool skip_scalar() {
    std::size_t depth = 0;
    while (p_ < s_.size()) {
      if (depth > 0) {
        // Inside a container only quotes and brackets matter.
        p_ = static_cast<std::size_t>(next_structural(s_.data() + p_, s_.data() + s_.size()) -
                                      s_.data());
        if (p_ >= s_.size()) {
          return false;
        }
      }
      const char c = s_[p_];
      if (c == '"') {
        if (!string()) {
          return false;
        }
      } else if (c == '{' || c == '[') {
        ++depth;
        ++p_;
      } else if (c == '}' || c == ']') {
        if (depth == 0) {
          return true;
        }
        --depth;
        ++p_;
      } else if (depth == 0 && (c == ',' || is_space(c))) {
        return true;
      } else {
        ++p_;
      }
      if (depth == 0 && p_ > 0 && (s_[p_ - 1] == '"' || s_[p_ - 1] == '}' || s_[p_ - 1] == ']')) {
        return true;
      }
    }
    return false;
  }

  // Moves past a string whose opening quote is at p_.
  bool string() {
    ++p_;
    while (p_ < s_.size()) {
      const void* q = std::memchr(s_.data() + p_, '"', s_.size() - p_);
      if (q == nullptr) {
        return false;
      }
      const auto quote = static_cast<std::size_t>(static_cast<const char*>(q) - s_.data());
      std::size_t backslashes = 0;
      while (quote - backslashes > p_ && s_[quote - backslashes - 1] == '\\') {
        ++backslashes;
      }
      p_ = quote + 1;
      if (backslashes % 2 == 0) {
        return true;
      }
    }
    return false;
  }

  void space() {
    while (p_ < s_.size() && is_space(s_[p_])) {
      ++p_;
    }
  }

  void record(std::string_view value) {
    if (!path_.empty() && out_.fields.size() < kMaxFields) {
      out_.fields.push_back({static_cast<std::uint32_t>(out_.paths.size()),
                             static_cast<std::uint32_t>(path_.size()), value});
      out_.paths.append(path_);
    }
  }

  // Makes path_ the path of a member or element `step` of it; returns the length to restore.
  std::size_t enter(std::string_view step) {
    const std::size_t length = path_.size();
    if (length > 0) {
      path_.push_back('/');
    }
    path_.append(step);
    return length;
  }

  std::string_view s_;
  std::string path_;  // of the value being scanned
  std::size_t p_;
  Sniff& out_;
  bool strict_ = true;
};

bool looks_binary(std::string_view head) {
  const std::string_view window = head.substr(0, kBinaryWindow);
  return std::any_of(window.begin(), window.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u == 0 || (u < 0x20 && u != '\n' && u != '\r' && u != '\t' && u != '\f');
  });
}

// The length of a script prefix (`name = `) at the start of text, or 0.
std::size_t script_prefix(std::string_view text, std::size_t pos, std::string_view& name) {
  std::size_t p = pos;
  while (p < text.size() && is_ident(text[p])) {
    ++p;
  }
  const std::size_t name_end = p;
  while (p < text.size() && is_space(text[p])) {
    ++p;
  }
  if (name_end == pos || p >= text.size() || text[p] != '=') {
    return 0;
  }
  ++p;
  while (p < text.size() && is_space(text[p])) {
    ++p;
  }
  if (p >= text.size() || (text[p] != '[' && text[p] != '{')) {
    return 0;
  }
  name = text.substr(pos, name_end - pos);
  return p - pos;
}

}  // namespace

bool declares_other_encoding(std::string_view text) {
  if (!text.starts_with("<?xml")) {
    return false;
  }
  const std::string_view declaration = text.substr(0, text.find("?>"));
  const std::size_t at = declaration.find("encoding=");
  if (at == std::string_view::npos || at + 10 > declaration.size()) {
    return false;
  }
  const char quote = declaration[at + 9];
  const std::size_t end = declaration.find(quote, at + 10);
  if (end == std::string_view::npos) {
    return false;
  }
  std::string name(declaration.substr(at + 10, end - at - 10));
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return name != "utf-8" && name != "utf8";
}

std::string_view shape_name(Shape shape) {
  switch (shape) {
    case Shape::empty:
      return "empty";
    case Shape::object:
      return "a JSON object";
    case Shape::array:
      return "a JSON array";
    case Shape::lines:
      return "JSON lines";
    case Shape::text:
      return "text that is not JSON";
    case Shape::binary:
      return "binary data";
  }
  return "unknown";
}

bool Sniff::has(std::string_view path) const {
  return std::any_of(fields.begin(), fields.end(), [&](const Field& f) {
    return std::string_view(paths).substr(f.path_at, f.path_size) == path;
  });
}

bool Sniff::only_members(std::span<const std::string_view> members) const {
  return std::all_of(fields.begin(), fields.end(), [&](const Field& f) {
    const std::string_view path = std::string_view(paths).substr(f.path_at, f.path_size);
    const std::string_view member = path.substr(0, path.find('/'));
    return std::find(members.begin(), members.end(), member) != members.end();
  });
}

std::string_view Sniff::get(std::string_view path) const {
  for (const Field& f : fields) {
    if (std::string_view(paths).substr(f.path_at, f.path_size) == path) {
      return f.value;
    }
  }
  return {};
}

std::string_view Sniff::file_name() const {
  const std::size_t cut = name.find_last_of("/:");
  return cut == std::string_view::npos ? name : name.substr(cut + 1);
}

Sniff sniff(std::string_view name, std::string_view head, bool whole) {
  Sniff out;
  out.name = name;
  out.head = head;
  out.whole = whole;
  std::size_t pos = 0;
  while (pos < head.size() && is_space(head[pos])) {
    ++pos;
  }
  if (pos >= head.size()) {
    out.shape = Shape::empty;
    return out;
  }
  if (starts_with_utf16_bom(head)) {
    out.shape = Shape::text;  // UTF-16 with a byte order mark
    return out;
  }
  if (looks_binary(head)) {
    out.shape = Shape::binary;
    return out;
  }
  if (head[pos] != '{' && head[pos] != '[') {
    const std::size_t prefix = script_prefix(head, pos, out.script);
    if (prefix == 0) {
      out.shape = Shape::text;
      return out;
    }
    pos += prefix;
  }
  const bool object = head[pos] == '{';
  Scanner scanner(head.substr(0, std::max(kScanWindow, pos + 1)), pos, out);
  out.fields.reserve(64);
  out.paths.reserve(2048);
  const bool complete = scanner.value(0);
  out.shape = object ? Shape::object : Shape::array;
  if (complete && scanner.strict()) {
    out.value_begin = pos;
    out.value_end = scanner.position();
  }
  if (!out.script.empty()) {
    return out;
  }
  if (!complete) {
    // A first item longer than the scan: lines when the first line holds one whole value and
    // another value starts on the next line (a long first line of NDJSON).
    const std::size_t newline = head.find('\n', pos);
    if (newline != std::string_view::npos && newline > kScanWindow) {
      std::size_t next = newline;
      while (next < head.size() && is_space(head[next])) {
        ++next;
      }
      if (next < head.size() && (head[next] == '{' || head[next] == '[') &&
          !find_syntax_error(head.substr(pos, newline - pos))) {
        out.shape = Shape::lines;
      }
    }
    return out;
  }
  // One value on the first line, and another value on a later line: JSON lines.
  const std::size_t end = scanner.position();
  const std::size_t first_newline = head.find('\n', pos);
  std::size_t next = end;
  while (next < head.size() && is_space(head[next])) {
    ++next;
  }
  const bool on_first_line = first_newline == std::string_view::npos || end <= first_newline;
  if (on_first_line && next < head.size() && (head[next] == '{' || head[next] == '[') &&
      head.substr(end, next - end).find('\n') != std::string_view::npos) {
    out.shape = Shape::lines;
  }
  return out;
}

}  // namespace ror::ingest
