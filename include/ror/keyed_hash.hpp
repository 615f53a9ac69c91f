// A keyed hash for the hash tables that hold input strings (author names, post and comment ids,
// handles): SipHash-1-3 (Aumasson and Bernstein's pseudorandom function, one compression round
// per 8-byte word and three to finish) under a key drawn at random once per process. Whoever
// writes an export cannot know the key, so cannot choose names that all land in one slot: an
// unkeyed hash let 50,000 such names take seconds to intern, where random names take
// milliseconds. Nothing may depend on the hash's values beyond one run: they change with the key.
#pragma once

#include <sys/random.h>

#include <chrono>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace ror {

// The two 64-bit halves of a SipHash key.
struct HashKey {
  std::uint64_t k0 = 0;
  std::uint64_t k1 = 0;
};

namespace detail {

inline HashKey draw_hash_key() {
  HashKey key;
  unsigned char bytes[16] = {};
  std::size_t got = 0;
  while (got < sizeof bytes) {
    const ssize_t n = ::getrandom(bytes + got, sizeof bytes - got, 0);
    if (n <= 0) {
      break;
    }
    got += static_cast<std::size_t>(n);
  }
  std::memcpy(&key.k0, bytes, 8);
  std::memcpy(&key.k1, bytes + 8, 8);
  if (got < sizeof bytes) {
    // No system randomness (a sandbox without getrandom): the clock and an address still make
    // the key differ from run to run.
    const auto now =
        static_cast<std::uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count());
    key.k0 ^= now * 0x9e3779b97f4a7c15ULL;
    key.k1 ^= reinterpret_cast<std::uintptr_t>(&key) * 0xc2b2ae3d27d4eb4fULL;
  }
  return key;
}

[[gnu::always_inline]] inline std::uint64_t rotl(std::uint64_t x, int b) {
  return (x << b) | (x >> (64 - b));
}

// One SipRound on the four state words.
[[gnu::always_inline]] inline void sip_round(std::uint64_t& v0, std::uint64_t& v1,
                                             std::uint64_t& v2, std::uint64_t& v3) {
  v0 += v1;
  v1 = rotl(v1, 13) ^ v0;
  v0 = rotl(v0, 32);
  v2 += v3;
  v3 = rotl(v3, 16) ^ v2;
  v0 += v3;
  v3 = rotl(v3, 21) ^ v0;
  v2 += v1;
  v1 = rotl(v1, 17) ^ v2;
  v2 = rotl(v2, 32);
}

}  // namespace detail

// The process's key, drawn on first use.
inline const HashKey& hash_key() {
  static const HashKey key = detail::draw_hash_key();
  return key;
}

// SipHash-c-d of `text` under `key` (little-endian words, as the definition reads them; this
// code runs on little-endian machines only).
template <int C, int D>
std::uint64_t siphash(std::string_view text, const HashKey& key) {
  std::uint64_t v0 = key.k0 ^ 0x736f6d6570736575ULL;
  std::uint64_t v1 = key.k1 ^ 0x646f72616e646f6dULL;
  std::uint64_t v2 = key.k0 ^ 0x6c7967656e657261ULL;
  std::uint64_t v3 = key.k1 ^ 0x7465646279746573ULL;
  const auto absorb = [&](std::uint64_t m) {
    v3 ^= m;
    for (int r = 0; r < C; ++r) {
      detail::sip_round(v0, v1, v2, v3);
    }
    v0 ^= m;
  };
  const std::size_t size = text.size();
  std::size_t i = 0;
  for (; i + 8 <= size; i += 8) {
    std::uint64_t m = 0;
    std::memcpy(&m, text.data() + i, 8);
    absorb(m);
  }
  // The last word: the remaining bytes, and the length's low byte on top.
  std::uint64_t last = static_cast<std::uint64_t>(size & 0xff) << 56;
  std::uint64_t rest = 0;
  if (size > i) {
    std::memcpy(&rest, text.data() + i, size - i);
  }
  absorb(last | rest);
  v2 ^= 0xff;
  for (int r = 0; r < D; ++r) {
    detail::sip_round(v0, v1, v2, v3);
  }
  return v0 ^ v1 ^ v2 ^ v3;
}

// The hash the tables use: SipHash-1-3 under the process's key.
[[gnu::always_inline]] inline std::uint64_t keyed_hash(std::string_view text) {
  return siphash<1, 3>(text, hash_key());
}

// keyed_hash as a function object, for standard containers keyed by strings.
struct KeyedStringHash {
  std::size_t operator()(std::string_view text) const { return keyed_hash(text); }
};

}  // namespace ror
