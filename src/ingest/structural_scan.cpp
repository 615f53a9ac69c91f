#include "ingest/structural_scan.hpp"

#include <cstring>

namespace ror::ingest {

std::size_t container_end_scalar(std::string_view text, std::size_t pos) {
  std::size_t depth = 0;
  bool in_string = false;
  // A backslash escapes the next byte wherever it stands (outside a string, where valid JSON has
  // none, too: so that both walks agree on any text).
  for (std::size_t p = pos; p < text.size(); ++p) {
    const char c = text[p];
    if (c == '\\') {
      ++p;
    } else if (in_string) {
      if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      ++depth;
    } else if (c == '}' || c == ']') {
      if (--depth == 0) {
        return p + 1;
      }
    }
  }
  return std::string_view::npos;
}

#if defined(__AVX2__)

namespace {

// The bytes of a 64-byte chunk equal to c, as a bit mask.
inline std::uint64_t equal_mask(__m256i lo, __m256i hi, char c) {
  const __m256i k = _mm256_set1_epi8(c);
  const auto a = static_cast<std::uint32_t>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(lo, k)));
  const auto b = static_cast<std::uint32_t>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(hi, k)));
  return a | (std::uint64_t{b} << 32);
}

// Each bit the xor of it and every bit below it: 1 from an opening quote up to (not including)
// its closing one.
inline std::uint64_t prefix_xor(std::uint64_t x) {
  x ^= x << 1;
  x ^= x << 2;
  x ^= x << 4;
  x ^= x << 8;
  x ^= x << 16;
  x ^= x << 32;
  return x;
}

// What the walk carries from one chunk to the next.
struct Carry {
  std::uint64_t escaped_first = 0;  // 1: the chunk's first byte is escaped by a backslash
  std::uint64_t in_string = 0;      // all ones: the chunk starts inside a string
  std::size_t depth = 0;
};

// The bytes escaped by a backslash: the byte after each backslash that is not itself escaped
// (in a run of backslashes every other one escapes the next). Updates carry.escaped_first.
inline std::uint64_t escaped_bytes(std::uint64_t backslash, Carry& carry) {
  constexpr std::uint64_t kOdd = 0xAAAAAAAAAAAAAAAAULL;
  const std::uint64_t first = carry.escaped_first;
  // A backslash that is escaped itself starts nothing.
  const std::uint64_t starts = backslash & ~first;
  // For runs beginning on an even bit, the odd bits of the run escape...; subtracting each run
  // from the odd bits above it marks, run by run, which bytes end an escape.
  const std::uint64_t shifted = (starts << 1) | kOdd;
  const std::uint64_t series = (shifted - starts) ^ kOdd;
  const std::uint64_t escape = series & starts;
  const std::uint64_t escaped = series ^ (starts | first);
  carry.escaped_first = escape >> 63;
  return escaped;
}

}  // namespace

std::size_t container_end(std::string_view text, std::size_t pos) {
  Carry carry;
  std::size_t p = pos;
  alignas(32) char tail[64];
  while (p < text.size()) {
    const char* chunk = text.data() + p;
    const std::size_t left = text.size() - p;
    if (left < 64) {
      std::memset(tail, ' ', sizeof tail);
      std::memcpy(tail, chunk, left);
      chunk = tail;
    }
    const __m256i lo = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(chunk));
    const __m256i hi = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(chunk + 32));
    const std::uint64_t backslash = equal_mask(lo, hi, '\\');
    const std::uint64_t escaped = escaped_bytes(backslash, carry);
    const std::uint64_t quotes = equal_mask(lo, hi, '"') & ~escaped;
    const std::uint64_t in_string = prefix_xor(quotes) ^ carry.in_string;
    carry.in_string = static_cast<std::uint64_t>(static_cast<std::int64_t>(in_string) >> 63);
    const __m256i fold = _mm256_set1_epi8(0x20);
    const __m256i lo_folded = _mm256_or_si256(lo, fold);
    const __m256i hi_folded = _mm256_or_si256(hi, fold);
    const std::uint64_t outside = ~in_string & ~escaped;
    const std::uint64_t opens = equal_mask(lo_folded, hi_folded, '{') & outside;
    std::uint64_t brackets = opens | (equal_mask(lo_folded, hi_folded, '}') & outside);
    if (left < 64) {
      brackets &= (std::uint64_t{1} << left) - 1;
    }
    while (brackets != 0) {
      const int bit = __builtin_ctzll(brackets);
      if ((opens >> bit) & 1U) {
        ++carry.depth;
      } else if (--carry.depth == 0) {
        return p + static_cast<std::size_t>(bit) + 1;
      }
      brackets &= brackets - 1;
    }
    p += 64;
  }
  return std::string_view::npos;
}

#else

std::size_t container_end(std::string_view text, std::size_t pos) {
  return container_end_scalar(text, pos);
}

#endif

}  // namespace ror::ingest
