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

// Where the object or array that starts at text[pos] ('{' or '[') ends: the position just past
// its closing bracket, or npos when the text ends first. Brackets inside strings do not count;
// the text is not otherwise checked (the parser does that).
std::size_t container_end(std::string_view text, std::size_t pos);

// The same, byte by byte: the reference for the vector code.
std::size_t container_end_scalar(std::string_view text, std::size_t pos);

}  // namespace ror::ingest
