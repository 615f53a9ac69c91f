// Finding the next byte that matters to a walk of JSON structure: a quote or a bracket. Inside a
// container every other byte is skipped, 32 at a time where the CPU has AVX2.
#pragma once

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

}  // namespace ror::ingest
