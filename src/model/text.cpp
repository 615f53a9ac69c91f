#include "ror/text.hpp"

#if defined(__AVX2__)
#include <immintrin.h>
#endif

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <numeric>
#include <optional>
#include <span>

namespace ror {
namespace {

constexpr std::uint64_t kFnvOffset = 0xcbf29ce484222325ULL;

constexpr char ascii_lower(char c) noexcept {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

constexpr bool is_word_char(char c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
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

constexpr std::size_t kChunk = 64;
// Bytes past a chunk that its scan reads: a link prefix ("https://") and a multi-byte space.
constexpr std::size_t kLookahead = 8;

// The normalised text is hashed as a byte stream: each kept token, lowercased, followed by one
// space. Each 16 bytes go through one 64 x 64 -> 128-bit multiply, folded; the length closes it.
class StreamHash {
 public:
  // Adds the first n bytes of a 64-byte block; the bytes after them may be anything.
  void add64(const char* block, std::size_t n) noexcept {
    std::memcpy(pending_ + fill_, block, kChunk);
    const std::size_t total = fill_ + n;
    const std::size_t pairs = total / 16;
    for (std::size_t k = 0; k < pairs; ++k) {
      mix(word(pending_ + 16 * k), word(pending_ + 16 * k + 8));
    }
    std::memcpy(pending_, pending_ + 16 * pairs, 16);
    fill_ = total % 16;
    length_ += n;
  }
  // Adds n bytes (n <= 64).
  void add(const char* bytes, std::size_t n) noexcept {
    char block[kChunk] = {};
    std::memcpy(block, bytes, n);
    add64(block, n);
  }
  // 0 when nothing was added.
  std::uint64_t finish() noexcept {
    if (length_ == 0) {
      return 0;
    }
    std::memset(pending_ + fill_, 0, 16 - fill_);
    mix(word(pending_), word(pending_ + 8) ^ (static_cast<std::uint64_t>(length_) << 4));
    const std::uint64_t h = fold(state_ ^ 0x2d358dccaa6c78a5ULL, state_ ^ 0x8bb84b93962eacc9ULL);
    return h == 0 ? 1 : h;
  }

 private:
  __extension__ using Wide = unsigned __int128;

  static std::uint64_t word(const char* p) noexcept {
    std::uint64_t w = 0;
    std::memcpy(&w, p, 8);
    return w;
  }
  // The two halves of a * b, xored.
  static std::uint64_t fold(std::uint64_t a, std::uint64_t b) noexcept {
    const Wide product = static_cast<Wide>(a) * b;
    return static_cast<std::uint64_t>(product) ^ static_cast<std::uint64_t>(product >> 64);
  }
  void mix(std::uint64_t w0, std::uint64_t w1) noexcept {
    state_ = fold(w0 ^ 0xa0761d6478bd642fULL, w1 ^ state_);
  }

  char pending_[16 + kChunk];  // fill_ bytes not hashed yet, then scratch
  std::size_t fill_ = 0;
  std::size_t length_ = 0;
  std::uint64_t state_ = kFnvOffset;
};

// What one 64-byte chunk holds: bit i of `space` says byte i begins or continues a whitespace
// character (or lies past the text); `bytes` is the chunk with ASCII lowercased and every
// whitespace byte made ' '; bit i of `link` says bytes i.. read "http://" or "https://".
struct ChunkMasks {
  std::uint64_t space = 0;
  std::uint64_t space_tail = 0;  // the bytes of a multi-byte space past this chunk (bits 0-1)
  std::uint64_t link = 0;
  alignas(64) char bytes[kChunk];
};

// The scalar scan of the chunk at p, with `valid` bytes readable from p: byte by byte, the
// reference for the vector one.
void scan_chunk_scalar(const unsigned char* p, std::size_t valid, ChunkMasks& m) noexcept {
  unsigned char padded[kChunk + kLookahead];
  if (valid < sizeof padded) {
    // Spaces past the text, so that nothing there counts.
    std::memset(padded, ' ', sizeof padded);
    std::memcpy(padded, p, valid);
    p = padded;
  }
  m.space = 0;
  m.space_tail = 0;
  m.link = 0;
  std::uint64_t multi = 0;
  for (std::size_t i = 0; i < kChunk; ++i) {
    const unsigned char c = p[i];
    const bool ascii_space = c == ' ' || (c >= 0x09 && c <= 0x0d);
    m.space |= static_cast<std::uint64_t>(ascii_space) << i;
    m.bytes[i] = static_cast<char>(ascii_space ? ' ' : (c >= 'A' && c <= 'Z') ? c + 32 : c);
    if (c >= 0xc2 && c <= 0xe3) {
      const std::size_t len = whitespace_length(reinterpret_cast<const char*>(p + i),
                                                reinterpret_cast<const char*>(p + i + 3));
      for (std::size_t k = i; k < i + len; ++k) {
        if (k < kChunk) {
          multi |= std::uint64_t{1} << k;
        } else {
          m.space_tail |= std::uint64_t{1} << (k - kChunk);
        }
      }
    }
    if ((c | 0x20) == 'h' && starts_with_link({reinterpret_cast<const char*>(p + i), 8})) {
      m.link |= std::uint64_t{1} << i;
    }
  }
  for (std::size_t i = 0; i < kChunk; ++i) {
    if ((multi >> i) & 1U) {
      m.bytes[i] = ' ';
    }
  }
  m.space |= multi;
}

#if defined(__AVX512BW__) && defined(__AVX512VBMI2__)
// The same scan, 64 bytes at a time: byte comparisons at offsets 0 to 7 give the multi-byte
// spaces and the link prefixes. Near the end, masked loads read only the valid bytes and fill
// the rest with spaces.
void scan_chunk_vector(const unsigned char* p, std::size_t valid, ChunkMasks& m) noexcept {
  const __m512i spaces = _mm512_set1_epi8(' ');
  const bool whole = valid >= kChunk + kLookahead;
  const std::uint64_t in_text =
      valid >= kChunk ? ~std::uint64_t{0} : (std::uint64_t{1} << valid) - 1;
  const auto at = [&](std::size_t k) {
    if (whole) {
      return _mm512_loadu_si512(p + k);
    }
    const std::uint64_t mask =
        valid > k
            ? (valid - k >= kChunk ? ~std::uint64_t{0} : (std::uint64_t{1} << (valid - k)) - 1)
            : 0;
    return _mm512_mask_loadu_epi8(spaces, mask, p + k);
  };
  const auto eq = [](__m512i v, int c) {
    return _mm512_cmpeq_epi8_mask(v, _mm512_set1_epi8(static_cast<char>(c)));
  };
  const auto in_range = [](__m512i v, int low, int count) {
    return _mm512_cmple_epu8_mask(_mm512_sub_epi8(v, _mm512_set1_epi8(static_cast<char>(low))),
                                  _mm512_set1_epi8(static_cast<char>(count - 1)));
  };
  const __m512i v0 = at(0);
  const __m512i v1 = at(1);
  const __m512i v2 = at(2);
  const std::uint64_t ascii = eq(v0, ' ') | in_range(v0, 0x09, 5);
  // U+0085, U+00A0.
  const std::uint64_t two = eq(v0, 0xc2) & (eq(v1, 0x85) | eq(v1, 0xa0));
  // U+2000..U+200A, U+2028, U+2029, U+202F; U+205F; U+1680; U+3000.
  const std::uint64_t general =
      eq(v1, 0x80) & (in_range(v2, 0x80, 11) | eq(v2, 0xa8) | eq(v2, 0xa9) | eq(v2, 0xaf));
  const std::uint64_t three = (eq(v0, 0xe2) & (general | (eq(v1, 0x81) & eq(v2, 0x9f)))) |
                              (eq(v0, 0xe1) & eq(v1, 0x9a) & eq(v2, 0x80)) |
                              (eq(v0, 0xe3) & eq(v1, 0x80) & eq(v2, 0x80));
  const std::uint64_t multi = two | (two << 1) | three | (three << 1) | (three << 2);
  m.space_tail = (two >> 63) | (three >> 62) | (three >> 63);
  m.space = ascii | multi | ~in_text;
  // A byte ORed with 0x20 equals a lowercase letter only when it is that letter in either case.
  const __m512i case_bit = _mm512_set1_epi8(0x20);
  const auto eq_letter = [&](__m512i v, char c) { return eq(_mm512_or_si512(v, case_bit), c); };
  const std::uint64_t http =
      eq_letter(v0, 'h') & eq_letter(v1, 't') & eq_letter(v2, 't') & eq_letter(at(3), 'p');
  m.link = 0;
  if (http != 0) {
    const __m512i v4 = at(4);
    const __m512i v5 = at(5);
    const __m512i v6 = at(6);
    const std::uint64_t plain = eq(v4, ':') & eq(v5, '/') & eq(v6, '/');
    const std::uint64_t secure = eq_letter(v4, 's') & eq(v5, ':') & eq(v6, '/') & eq(at(7), '/');
    m.link = http & (plain | secure);
  }
  const __m512i lowered = _mm512_mask_add_epi8(v0, in_range(v0, 'A', 26), v0, _mm512_set1_epi8(32));
  _mm512_store_si512(m.bytes, _mm512_mask_mov_epi8(lowered, m.space, spaces));
}
#endif

// Adds the bytes of `chunk` whose bit is set in `keep`, in order.
void append_kept(StreamHash& hash, const char* chunk, std::uint64_t keep) noexcept {
#if defined(__AVX512BW__) && defined(__AVX512VBMI2__)
  alignas(64) char packed[kChunk];
  _mm512_store_si512(packed, _mm512_maskz_compress_epi8(keep, _mm512_load_si512(chunk)));
#else
  char packed[kChunk];
  std::size_t n = 0;
  for (std::uint64_t bits = keep; bits != 0; bits &= bits - 1) {
    packed[n++] = chunk[std::countr_zero(bits)];
  }
#endif
  hash.add64(packed, static_cast<std::size_t>(std::popcount(keep)));
}

// Words and the normalised hash, from masks of 64-byte chunks. Tokens are runs of non-space
// bytes; a link token is dropped with the space after it; every other token is kept with the
// first byte of the space after it, which the scan made ' '.
template <void (*scan)(const unsigned char*, std::size_t, ChunkMasks&)>
TextStats analyze(std::string_view text) noexcept {
  TextStats stats;
  StreamHash hash;
  ChunkMasks m;
  std::uint64_t space_carry = 0;  // bytes of a multi-byte space begun in the previous chunk
  std::uint64_t in_token = 0;     // 1 when the previous chunk ended inside a token
  std::uint64_t in_link = 0;      // ... inside a link token
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const auto* const end = p + text.size();
  for (; p < end; p += kChunk) {
    scan(p, static_cast<std::size_t>(end - p), m);
    const std::uint64_t token = ~(m.space | space_carry);
    space_carry = m.space_tail;
    const std::uint64_t before = (token << 1) | in_token;  // the previous byte is in a token
    const std::uint64_t starts = token & ~before;
    const std::uint64_t ends = ~token & before;  // first bytes after tokens
    stats.words += static_cast<std::uint32_t>(std::popcount(starts));
    // Runs of token bytes that begin at a link prefix (or continue one): adding a run's first
    // bit carries through the run.
    const std::uint64_t link_starts = (starts & m.link) | (in_link & token);
    const std::uint64_t link_bytes = ((token + link_starts) ^ token) & token;
    const std::uint64_t link_ends = ends & ((link_bytes << 1) | in_link);
    append_kept(hash, m.bytes, (token & ~link_bytes) | (ends & ~link_ends));
    in_token = token >> 63;
    in_link = link_bytes >> 63;
  }
  if (in_token != 0 && in_link == 0) {
    hash.add(" ", 1);  // the text ended inside a token, at a chunk boundary
  }
  stats.norm_hash = hash.finish();
  return stats;
}

}  // namespace

TextStats analyze_text(std::string_view text) noexcept {
#if defined(__AVX512BW__) && defined(__AVX512VBMI2__)
  return analyze<scan_chunk_vector>(text);
#else
  return analyze<scan_chunk_scalar>(text);
#endif
}

TextStats analyze_text_scalar(std::string_view text) noexcept {
  return analyze<scan_chunk_scalar>(text);
}

std::uint64_t normalized_hash(std::string_view normalized) noexcept {
  StreamHash hash;
  for (std::size_t at = 0; at < normalized.size(); at += kChunk) {
    hash.add(normalized.data() + at, std::min(kChunk, normalized.size() - at));
  }
  if (!normalized.empty()) {
    hash.add(" ", 1);
  }
  return hash.finish();
}

std::string normalize_text(std::string_view text) {
  std::string out;
  for_each_token(text, [&](const char* begin, const char* end) {
    if (starts_with_link({begin, static_cast<std::size_t>(end - begin)})) {
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

std::uint32_t count_distinct(std::vector<std::string_view>& names) {
  const auto less = [](std::string_view a, std::string_view b) {
    return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
      return ascii_lower(x) < ascii_lower(y);
    });
  };
  const auto same = [&](std::string_view a, std::string_view b) {
    return !less(a, b) && !less(b, a);
  };
  std::sort(names.begin(), names.end(), less);
  return static_cast<std::uint32_t>(std::unique(names.begin(), names.end(), same) - names.begin());
}

std::uint32_t count_text_tags(std::string_view text, char sigil) {
  // The tags' names as views of the text: no copies.
  thread_local std::vector<std::string_view> tags;
  tags.clear();
  // From sigil to sigil (most texts hold few): one that follows a word character starts no tag.
  for (std::size_t i = text.find(sigil); i != std::string_view::npos; i = text.find(sigil, i)) {
    if (i > 0 && is_word_char(text[i - 1])) {
      ++i;
      continue;
    }
    std::size_t j = i + 1;
    while (j < text.size() && is_word_char(text[j])) {
      ++j;
    }
    if (j > i + 1) {
      tags.push_back(text.substr(i + 1, j - i - 1));
    }
    i = j;
  }
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

bool is_normalised_name(std::string_view name) noexcept {
  return (name.empty() || name.front() != '@') &&
         std::none_of(name.begin(), name.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

std::optional<std::string_view> nearest_name(std::string_view key,
                                             std::span<const std::string_view> known) {
  std::optional<std::string_view> best;
  std::size_t best_distance = 3;
  std::vector<std::size_t> row;
  for (const std::string_view candidate : known) {
    row.resize(candidate.size() + 1);
    std::iota(row.begin(), row.end(), std::size_t{0});
    for (std::size_t i = 1; i <= key.size(); ++i) {
      std::size_t diagonal = row[0];
      row[0] = i;
      for (std::size_t j = 1; j <= candidate.size(); ++j) {
        const std::size_t above = row[j];
        const std::size_t change = key[i - 1] == candidate[j - 1] ? 0 : 1;
        row[j] = std::min({above + 1, row[j - 1] + 1, diagonal + change});
        diagonal = above;
      }
    }
    if (row.back() < best_distance) {
      best_distance = row.back();
      best = candidate;
    }
  }
  return best;
}

}  // namespace ror
