// Walking JSON structure fast, for the framers and the sniff: the next quote or bracket, and the
// end of an object or array, 64 bytes at a time where the CPU has AVX2 (quotes, escapes and the
// brackets inside strings are found with bit masks, as simdjson's first stage does), byte by
// byte elsewhere. Format-neutral.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#if defined(__AVX2__)
#include <immintrin.h>
#endif

namespace ror::ingest {

// The first of `"`, `{`, `}`, `[`, `]` in [p, end), or end.
inline const char* next_structural(const char* p, const char* end) {
#if defined(__AVX2__)
  // '[' and ']' differ from '{' and '}' by one bit (0x20): one compare finds both of a pair.
  const __m256i quote = _mm256_set1_epi8('"');
  const __m256i open = _mm256_set1_epi8('{');
  const __m256i close = _mm256_set1_epi8('}');
  const __m256i fold = _mm256_set1_epi8(0x20);
  while (end - p >= 32) {
    const __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
    const __m256i folded = _mm256_or_si256(v, fold);
    const __m256i hits = _mm256_or_si256(
        _mm256_cmpeq_epi8(v, quote),
        _mm256_or_si256(_mm256_cmpeq_epi8(folded, open), _mm256_cmpeq_epi8(folded, close)));
    const auto bits = static_cast<unsigned>(_mm256_movemask_epi8(hits));
    if (bits != 0) {
      return p + __builtin_ctz(bits);
    }
    p += 32;
  }
#endif
  for (; p < end; ++p) {
    const char c = *p;
    if (c == '"' || c == '{' || c == '}' || c == '[' || c == ']') {
      return p;
    }
  }
  return end;
}

// The newlines of a text: how many, and where the last one is (npos when there is none).
struct Newlines {
  std::uint64_t count = 0;
  std::size_t last = std::string_view::npos;
};

// The newlines of `text`, 32 bytes at a time where the CPU has AVX2.
inline Newlines find_newlines(std::string_view text) {
  const char* const begin = text.data();
  const char* const end = begin + text.size();
  const char* p = begin;
  Newlines found;
#if defined(__AVX2__)
  const __m256i newline = _mm256_set1_epi8('\n');
  while (end - p >= 32) {
    const __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
    const auto bits = static_cast<unsigned>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(v, newline)));
    if (bits != 0) {
      found.count += static_cast<std::uint64_t>(__builtin_popcount(bits));
      found.last =
          static_cast<std::size_t>(p - begin) + 31 - static_cast<std::size_t>(__builtin_clz(bits));
    }
    p += 32;
  }
#endif
  for (; p < end; ++p) {
    if (*p == '\n') {
      ++found.count;
      found.last = static_cast<std::size_t>(p - begin);
    }
  }
  return found;
}

// Where the object or array that starts at text[pos] ('{' or '[') ends: the position just past
// its closing bracket, or npos when the text ends first. Brackets inside strings do not count;
// the text is not otherwise checked (the parser does that).
std::size_t container_end(std::string_view text, std::size_t pos);

// The same, byte by byte: the reference for the vector code.
std::size_t container_end_scalar(std::string_view text, std::size_t pos);

}  // namespace ror::ingest
