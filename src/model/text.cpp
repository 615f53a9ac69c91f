#include "ror/text.hpp"

#include <algorithm>

namespace ror {
namespace {

constexpr std::uint64_t kFnvOffset = 0xcbf29ce484222325ULL;
constexpr std::uint64_t kFnvPrime = 0x100000001b3ULL;

constexpr char ascii_lower(char c) noexcept {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

constexpr bool is_word_char(char c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

bool starts_with_link(const char* p, const char* end) noexcept {
  const std::string_view token(p, static_cast<std::size_t>(end - p));
  return token.starts_with("http://") || token.starts_with("https://");
}

// Calls f(begin, end) for each whitespace-separated token of text.
template <typename F>
void for_each_token(std::string_view text, F&& f) {
  const char* p = text.data();
  const char* const end = p + text.size();
  while (p < end) {
    std::size_t ws = whitespace_length(p, end);
    while (ws != 0) {
      p += ws;
      ws = p < end ? whitespace_length(p, end) : 0;
    }
    if (p >= end) {
      break;
    }
    const char* start = p;
    while (p < end && whitespace_length(p, end) == 0) {
      ++p;
    }
    f(start, p);
  }
}

}  // namespace

std::size_t whitespace_length(const char* p, const char* end) noexcept {
  const auto c = static_cast<unsigned char>(*p);
  if (c < 0x80) {
    return (c == ' ' || (c >= 0x09 && c <= 0x0d)) ? 1 : 0;
  }
  const auto at = [&](std::ptrdiff_t i) {
    return p + i < end ? static_cast<unsigned char>(p[i]) : 0u;
  };
  switch (c) {
    case 0xc2:  // U+0085, U+00A0
      return (at(1) == 0x85 || at(1) == 0xa0) ? 2 : 0;
    case 0xe1:  // U+1680
      return (at(1) == 0x9a && at(2) == 0x80) ? 3 : 0;
    case 0xe2:
      if (at(1) == 0x80) {  // U+2000..U+200A, U+2028, U+2029, U+202F
        const unsigned b = at(2);
        return ((b >= 0x80 && b <= 0x8a) || b == 0xa8 || b == 0xa9 || b == 0xaf) ? 3 : 0;
      }
      return (at(1) == 0x81 && at(2) == 0x9f) ? 3 : 0;  // U+205F
    case 0xe3:  // U+3000
      return (at(1) == 0x80 && at(2) == 0x80) ? 3 : 0;
    default:
      return 0;
  }
}

TextStats analyze_text(std::string_view text) noexcept {
  TextStats stats;
  std::uint64_t hash = kFnvOffset;
  bool any = false;
  for_each_token(text, [&](const char* begin, const char* end) {
    ++stats.words;
    if (starts_with_link(begin, end)) {
      return;
    }
    if (any) {
      hash = (hash ^ static_cast<unsigned char>(' ')) * kFnvPrime;
    }
    for (const char* q = begin; q < end; ++q) {
      hash = (hash ^ static_cast<unsigned char>(ascii_lower(*q))) * kFnvPrime;
    }
    any = true;
  });
  stats.norm_hash = any ? (hash == 0 ? 1 : hash) : 0;
  return stats;
}

std::string normalize_text(std::string_view text) {
  std::string out;
  for_each_token(text, [&](const char* begin, const char* end) {
    if (starts_with_link(begin, end)) {
      return;
    }
    if (!out.empty()) {
      out.push_back(' ');
    }
    for (const char* q = begin; q < end; ++q) {
      out.push_back(ascii_lower(*q));
    }
  });
  return out;
}

void scan_text_tags(std::string_view text, char sigil, std::vector<std::string>& out) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != sigil || (i > 0 && is_word_char(text[i - 1]))) {
      continue;
    }
    std::size_t j = i + 1;
    while (j < text.size() && is_word_char(text[j])) {
      ++j;
    }
    if (j > i + 1) {
      std::string tag(text.substr(i + 1, j - i - 1));
      std::transform(tag.begin(), tag.end(), tag.begin(), ascii_lower);
      out.push_back(std::move(tag));
    }
    i = j - 1;
  }
}

std::uint32_t count_distinct(std::vector<std::string>& tags) {
  std::sort(tags.begin(), tags.end());
  return static_cast<std::uint32_t>(std::unique(tags.begin(), tags.end()) - tags.begin());
}

std::uint32_t count_text_tags(std::string_view text, char sigil) {
  std::vector<std::string> tags;
  scan_text_tags(text, sigil, tags);
  return count_distinct(tags);
}

std::string normalize_name(std::string_view name) {
  if (!name.empty() && name.front() == '@') {
    name.remove_prefix(1);
  }
  std::string out(name);
  std::transform(out.begin(), out.end(), out.begin(), ascii_lower);
  return out;
}

}  // namespace ror
