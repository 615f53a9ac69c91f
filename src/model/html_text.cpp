// HTML to plain text in one pass: memchr finds the next '<' and '&', text between them is copied
// as it is, and each tag is read in place, with no allocation but the output's.
#include <algorithm>
#include <cstdint>
#include <cstring>

#include "model/html_names.hpp"
#include "ror/text.hpp"

namespace ror {
namespace {

constexpr bool is_html_space(char c) noexcept {
  return c == ' ' || (c >= '\t' && c <= '\r');
}

constexpr bool is_ascii_alpha(char c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

constexpr char ascii_lower(char c) noexcept {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// True when s, ASCII lowercased, equals `lower`.
bool equals_lower(std::string_view s, std::string_view lower) noexcept {
  return s.size() == lower.size() && std::equal(s.begin(), s.end(), lower.begin(),
                                                [](char a, char b) { return ascii_lower(a) == b; });
}

using html::TagKind;

// ASCII whitespace removed from both ends.
std::string_view trim(std::string_view s) noexcept {
  while (!s.empty() && is_html_space(s.front())) {
    s.remove_prefix(1);
  }
  while (!s.empty() && is_html_space(s.back())) {
    s.remove_suffix(1);
  }
  return s;
}

// One conversion: the input, the output and what lies open between them.
class Converter {
 public:
  Converter(std::string_view html, std::string& out)
      : p_(html.data()), end_(html.data() + html.size()), out_(out) {}

  void run() {
    const char* next_lt = find(p_, '<');
    const char* next_amp = find(p_, '&');
    while (p_ < end_) {
      // Each memchr result serves until the cursor passes it.
      next_lt = next_lt < p_ ? find(p_, '<') : next_lt;
      next_amp = next_amp < p_ ? find(p_, '&') : next_amp;
      const char* markup = std::min(next_lt, next_amp);
      emit(p_, markup);
      if (markup == end_) {
        break;
      }
      p_ = *markup == '<' ? read_markup(markup) : read_text_reference(markup);
    }
    if (anchor_open_) {
      close_anchor();
    }
  }

 private:
  const char* find(const char* from, char c) const noexcept {
    if (from >= end_) {
      return end_;  // (an empty text may have no bytes at all: memchr must not see a null)
    }
    const void* hit = std::memchr(from, c, static_cast<std::size_t>(end_ - from));
    return hit == nullptr ? end_ : static_cast<const char*>(hit);
  }

  // Appends text, after what is pending.
  void emit(const char* from, const char* to) {
    if (pending_ != Pending::nothing && from < to) {
      from = settle_pending(from, to);
    }
    out_.append(from, static_cast<std::size_t>(to - from));
  }

  // Before text: after a break, the text's leading whitespace goes and, if text is left, one '\n'
  // comes first; after a link's URL, a space comes first unless the text begins with one.
  // Returns where the text to append begins.
  const char* settle_pending(const char* from, const char* to) {
    if (pending_ == Pending::space) {
      if (is_html_space(*from)) {
        pending_ = Pending::nothing;
      } else {
        flush_pending();
      }
      return from;
    }
    while (from < to && is_html_space(*from)) {
      ++from;
    }
    if (from < to) {
      flush_pending();
    }
    return from;
  }

  // Writes what is pending, as text that is no whitespace follows.
  void flush_pending() {
    if (pending_ == Pending::line && !out_.empty()) {
      out_.push_back('\n');
    } else if (pending_ == Pending::space) {
      out_.push_back(' ');
    }
    pending_ = Pending::nothing;
  }

  // A block boundary: trailing whitespace goes, and a '\n' waits for the next text.
  void add_break() {
    std::size_t n = out_.size();
    while (n > 0 && is_html_space(out_[n - 1])) {
      --n;
    }
    out_.resize(n);
    anchor_start_ = std::min(anchor_start_, n);
    pending_ = Pending::line;
  }

  const char* read_text_reference(const char* amp) {
    const html::Reference ref = html::read_reference(amp, end_);
    if (ref.code == 0) {
      emit(amp, amp + 1);
      return amp + 1;
    }
    char bytes[4];
    emit(bytes, bytes + html::encode_utf8(ref.code, bytes));
    return ref.next;
  }

  // At a '<': a tag, a comment or a declaration, or else a '<' of text.
  const char* read_markup(const char* lt) {
    const char* p = lt + 1;
    if (p < end_ && is_ascii_alpha(*p)) {
      return read_tag(p, false);
    }
    if (end_ - p > 1 && *p == '/' && is_ascii_alpha(p[1])) {
      return read_tag(p + 1, true);
    }
    if (p < end_ && *p == '!') {
      return skip_declaration(p + 1);
    }
    if (p < end_ && *p == '?') {
      return skip_past('>', p + 1);
    }
    emit(lt, p);
    return p;
  }

  const char* skip_past(char c, const char* from) const noexcept {
    const char* hit = find(from, c);
    return hit == end_ ? end_ : hit + 1;
  }

  // After "<!": a comment (which "-->" ends; "<!-->" and "<!--->" are empty ones) or a
  // declaration such as <!DOCTYPE html> (which '>' ends).
  const char* skip_declaration(const char* p) const noexcept {
    const std::string_view rest(p, static_cast<std::size_t>(end_ - p));
    if (!rest.starts_with("--")) {
      return skip_past('>', p);
    }
    if (rest.substr(2).starts_with(">")) {
      return p + 3;
    }
    if (rest.substr(2).starts_with("->")) {
      return p + 4;
    }
    const std::size_t close = rest.find("-->", 2);
    return close == std::string_view::npos ? end_ : p + close + 3;
  }

  // Reads a tag whose name starts at `name`, then does what it says; returns the byte after it.
  const char* read_tag(const char* name, bool end_tag) {
    const char* p = name;
    html::TagName tag;
    while (p < end_ && !is_html_space(*p) && *p != '/' && *p != '>') {
      tag.add(*p);
      ++p;
    }
    const TagKind kind = html::classify_tag(tag);
    std::string_view href;
    bool has_href = false;
    p = read_attributes(p, [&](std::string_view attribute, std::string_view value) {
      if (kind == TagKind::anchor && !has_href && equals_lower(attribute, "href")) {
        href = value;  // the first one counts, as in browsers
        has_href = true;
      }
    });
    if (p == nullptr) {
      return end_;  // left open at the end: dropped
    }
    switch (kind) {
      case TagKind::block:
        add_break();
        break;
      case TagKind::anchor:
        if (anchor_open_) {
          close_anchor();  // links do not nest: a new one closes the last
        }
        if (!end_tag && has_href) {
          open_anchor(href);
        }
        break;
      case TagKind::dropped:
        add_break();
        return end_tag ? p : skip_element_text(p, tag);
      case TagKind::other:
        break;
    }
    return p;
  }

  // Calls f(name, value) for each attribute from p to the '>' that ends the tag; returns the
  // byte after that '>', or nullptr when the input ends first.
  template <typename F>
  const char* read_attributes(const char* p, F&& f) const {
    for (;;) {
      while (p < end_ && (is_html_space(*p) || *p == '/')) {
        ++p;
      }
      if (p == end_) {
        return nullptr;
      }
      if (*p == '>') {
        return p + 1;
      }
      const char* name = p++;  // a first '=' belongs to the name
      while (p < end_ && !is_html_space(*p) && *p != '/' && *p != '>' && *p != '=') {
        ++p;
      }
      const std::string_view attribute(name, static_cast<std::size_t>(p - name));
      while (p < end_ && is_html_space(*p)) {
        ++p;
      }
      std::string_view value;
      if (p < end_ && *p == '=') {
        ++p;
        while (p < end_ && is_html_space(*p)) {
          ++p;
        }
        if (p < end_ && (*p == '"' || *p == '\'')) {
          const char* close = find(p + 1, *p);
          if (close == end_) {
            return nullptr;
          }
          value = {p + 1, static_cast<std::size_t>(close - p - 1)};
          p = close + 1;
        } else {
          const char* start = p;
          while (p < end_ && !is_html_space(*p) && *p != '>') {
            ++p;
          }
          value = {start, static_cast<std::size_t>(p - start)};
        }
      }
      f(attribute, value);
    }
  }

  // Skips the text of a script, style or title to its end tag; returns the byte after it.
  const char* skip_element_text(const char* p, const html::TagName& name) const {
    for (;;) {
      const char* lt = find(p, '<');
      if (end_ - lt < 2) {
        return end_;
      }
      if (lt[1] == '/') {
        html::TagName candidate;
        const char* q = lt + 2;
        while (q < end_ && candidate.length <= name.length && !is_html_space(*q) && *q != '/' &&
               *q != '>') {
          candidate.add(*q);
          ++q;
        }
        if (candidate == name) {
          const char* next = read_attributes(q, [](std::string_view, std::string_view) {});
          return next == nullptr ? end_ : next;
        }
      }
      p = lt + 1;
    }
  }

  // A link to an http(s) URL begins: its text is kept until its end decides.
  void open_anchor(std::string_view href) {
    href = trim(href);
    if (!starts_with_link(href)) {
      return;  // mailto:, relative and other links keep their text
    }
    flush_pending();  // the link gives text, a URL at least
    anchor_open_ = true;
    anchor_start_ = out_.size();
    href_ = href;
  }

  // The link ends: its text stays when it is a #tag, an @mention or a URL; else its URL replaces
  // it, set off by spaces from text it would touch, so that it stays one token.
  void close_anchor() {
    anchor_open_ = false;
    const std::string_view text =
        trim(std::string_view(out_).substr(std::min(anchor_start_, out_.size())));
    if (!text.empty() && (text.front() == '#' || text.front() == '@' || starts_with_link(text))) {
      return;
    }
    out_.resize(anchor_start_);
    if (!out_.empty() && !is_html_space(out_.back())) {
      out_.push_back(' ');
    }
    html::append_decoded(out_, href_);
    if (pending_ == Pending::nothing) {
      pending_ = Pending::space;
    }
  }

  // What waits for the next text.
  enum class Pending : std::uint8_t { nothing, space, line };

  const char* p_;
  const char* const end_;
  std::string& out_;
  Pending pending_ = Pending::nothing;
  bool anchor_open_ = false;
  std::size_t anchor_start_ = 0;  // where the open link's text begins in out_
  std::string_view href_;         // the open link's URL, as written
};

}  // namespace

void html_to_text(std::string_view html, std::string& out) {
  out.clear();
  out.reserve(html.size());  // the text is never longer than its HTML
  Converter(html, out).run();
}

std::string html_to_text(std::string_view html) {
  std::string out;
  html_to_text(html, out);
  return out;
}

}  // namespace ror
