#include "ror/text.hpp"

#if defined(__AVX2__)
#include <immintrin.h>
#endif

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>

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

inline bool starts_with_link(const char* p, const char* end) noexcept {
  if (end - p < 7 || p[0] != 'h') {
    return false;  // the common case, decided by one byte
  }
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
    case 0xe3:                                          // U+3000
      return (at(1) == 0x80 && at(2) == 0x80) ? 3 : 0;
    default:
      return 0;
  }
}

namespace {

// ASCII-lowercases the eight bytes of a word at once (bytes >= 0x80 are left alone).
std::uint64_t lower_ascii(std::uint64_t x) noexcept {
  constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
  const std::uint64_t low7 = x & ~kHigh;
  const std::uint64_t above_z = low7 + 0x2525252525252525ULL;   // high bit set when > 'Z'
  const std::uint64_t from_a = low7 + 0x3f3f3f3f3f3f3f3fULL;    // high bit set when >= 'A'
  const std::uint64_t upper = (from_a ^ above_z) & ~x & kHigh;  // ASCII 'A'..'Z'
  return x | (upper >> 2);
}

std::uint64_t mix64(std::uint64_t h) noexcept {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 33;
  return h;
}

// Hashes a sequence of tokens, each ASCII-lowercased: two texts get the same hash when their
// normalised forms (tokens joined by one space) are equal.
class TokenHash {
 public:
  // Adds the token [p, p + n); `text` is where its text begins (readable before the token).
  void add(const char* p, std::size_t n, const char* text) noexcept {
    std::uint64_t t = 0x9e3779b97f4a7c15ULL ^ n;
    std::size_t i = 0;
    for (; i + 8 <= n; i += 8) {
      std::uint64_t word = 0;
      std::memcpy(&word, p + i, 8);
      t = (t ^ lower_ascii(word)) * 0xbf58476d1ce4e5b9ULL;
      t ^= t >> 31;
    }
    if (const std::size_t rest = n - i; rest > 0) {
      std::uint64_t word = 0;
      if (p + n - text >= 8) {
        // Load the eight bytes ending at the token's end and drop the ones before the rest.
        std::memcpy(&word, p + n - 8, 8);
        word >>= 8 * (8 - rest);
      } else {
        std::memcpy(&word, p + i, rest);
      }
      t = (t ^ lower_ascii(word)) * 0xbf58476d1ce4e5b9ULL;
      t ^= t >> 31;
    }
    state_ = (std::rotl(state_, 23) ^ t) * 0x94d049bb133111ebULL;
    any_ = true;
  }
  // 0 when no token was added.
  std::uint64_t finish() const noexcept {
    if (!any_) {
      return 0;
    }
    const std::uint64_t h = mix64(state_);
    return h == 0 ? 1 : h;
  }

 private:
  std::uint64_t state_ = kFnvOffset;
  bool any_ = false;
};

// Bit i set: byte i of the 64 at p is whitespace, or lies past the text. A multi-byte space that
// runs past the 64 bytes leaves its remaining length in `carry` for the next call.
std::uint64_t whitespace_mask(const char* p, const char* end, std::size_t& carry) noexcept {
  const auto available = static_cast<std::size_t>(end - p);
  const std::size_t n = available < 64 ? available : 64;
  std::uint64_t ws = 0;
  std::uint64_t leads = 0;
#if defined(__AVX2__)
  alignas(32) char local[64];
  const char* src = p;
  if (n < 64) {
    std::memset(local, ' ', sizeof local);
    std::memcpy(local, p, n);
    src = local;
  }
  for (int half = 0; half < 2; ++half) {
    const __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(src + 32 * half));
    const __m256i shifted = _mm256_sub_epi8(v, _mm256_set1_epi8(0x09));
    const __m256i ascii =
        _mm256_or_si256(_mm256_cmpeq_epi8(v, _mm256_set1_epi8(' ')),
                        _mm256_cmpeq_epi8(_mm256_min_epu8(shifted, _mm256_set1_epi8(4)), shifted));
    const __m256i lead = _mm256_or_si256(
        _mm256_or_si256(_mm256_cmpeq_epi8(v, _mm256_set1_epi8(static_cast<char>(0xc2))),
                        _mm256_cmpeq_epi8(v, _mm256_set1_epi8(static_cast<char>(0xe1)))),
        _mm256_or_si256(_mm256_cmpeq_epi8(v, _mm256_set1_epi8(static_cast<char>(0xe2))),
                        _mm256_cmpeq_epi8(v, _mm256_set1_epi8(static_cast<char>(0xe3)))));
    ws |= static_cast<std::uint64_t>(static_cast<std::uint32_t>(_mm256_movemask_epi8(ascii)))
          << (32 * half);
    leads |= static_cast<std::uint64_t>(static_cast<std::uint32_t>(_mm256_movemask_epi8(lead)))
             << (32 * half);
  }
#else
  for (std::size_t i = 0; i < n; ++i) {
    const auto c = static_cast<unsigned char>(p[i]);
    ws |= static_cast<std::uint64_t>(c == ' ' || (c >= 0x09 && c <= 0x0d)) << i;
    leads |= static_cast<std::uint64_t>(c == 0xc2 || c == 0xe1 || c == 0xe2 || c == 0xe3) << i;
  }
  if (n < 64) {
    ws |= ~std::uint64_t{0} << n;
  }
#endif
  if (n < 64) {
    leads &= (std::uint64_t{1} << n) - 1;
  }
  // Bytes of a space that began in the previous 64.
  std::uint64_t forced = carry >= 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << carry) - 1;
  carry = 0;
  while (leads != 0) {
    const auto i = static_cast<std::size_t>(std::countr_zero(leads));
    leads &= leads - 1;
    const std::size_t len = whitespace_length(p + i, end);
    for (std::size_t k = i; k < i + len; ++k) {
      if (k < 64) {
        forced |= std::uint64_t{1} << k;
      } else {
        ++carry;
      }
    }
  }
  return ws | forced;
}

}  // namespace

TextStats analyze_text(std::string_view text) noexcept {
  TextStats stats;
  TokenHash hash;
  const char* const begin = text.data();
  const char* const end = begin + text.size();
  const char* token = nullptr;  // start of the token in progress
  const auto finish = [&](const char* token_end) {
    if (!starts_with_link(token, token_end)) {
      hash.add(token, static_cast<std::size_t>(token_end - token), begin);
    }
  };
  std::size_t carry = 0;
  for (const char* p = begin; p < end; p += 64) {
    const std::uint64_t word = ~whitespace_mask(p, end, carry);
    const std::uint64_t before = (word << 1) | (token != nullptr ? 1U : 0U);
    std::uint64_t starts = word & ~before;  // first bytes of tokens
    std::uint64_t ends = ~word & before;    // first bytes after tokens
    stats.words += static_cast<std::uint32_t>(std::popcount(starts));
    // Starts and ends alternate, so they pair up in order without testing which comes next.
    if (token != nullptr) {
      if (ends == 0) {
        continue;  // the token runs on through these 64 bytes
      }
      finish(p + std::countr_zero(ends));
      ends &= ends - 1;
      token = nullptr;
    }
    while (starts != 0) {
      const char* start = p + std::countr_zero(starts);
      starts &= starts - 1;
      if (ends == 0) {
        token = start;  // runs into the next 64 bytes
        break;
      }
      token = start;
      finish(p + std::countr_zero(ends));
      ends &= ends - 1;
      token = nullptr;
    }
  }
  if (token != nullptr) {
    finish(end);
  }
  stats.norm_hash = hash.finish();
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
