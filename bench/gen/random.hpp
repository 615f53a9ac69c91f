// Random numbers for ror_gen: integer only, so the same seed gives the same draws everywhere
// (no floating point, no std::*_distribution, whose results differ between standard libraries).
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace gen {

inline uint64_t splitmix64(uint64_t& state) {
  uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

class Rng {
 public:
  explicit Rng(uint64_t seed) {
    uint64_t sm = seed;
    for (auto& v : s_)
      v = splitmix64(sm);
  }
  uint64_t next() {
    const uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
  }
  // Uniform in [0, n), n > 0 (Lemire's multiply-shift; the tiny bias is irrelevant here).
  uint64_t below(uint64_t n) {
    return static_cast<uint64_t>((static_cast<unsigned __int128>(next()) * n) >> 64);
  }
  // Uniform in [lo, hi].
  int64_t range(int64_t lo, int64_t hi) {
    return lo + static_cast<int64_t>(below(static_cast<uint64_t>(hi - lo + 1)));
  }
  bool per_mille(uint64_t p) { return below(1000) < p; }
  // Heavy tail (Lomax, alpha = 1): P(x >= k) = c / (k + c), capped.
  uint64_t pareto(uint64_t c, uint64_t cap) {
    const uint64_t u = (next() >> 32) + 1;  // 1 .. 2^32
    const uint64_t v = (c << 32) / u;       // c .. c * 2^32
    return std::min<uint64_t>(v - c, cap);
  }
  // Roughly log-uniform in [lo, lo * 2^doublings): pick a doubling, then uniform inside it.
  int64_t log_uniform(int64_t lo, int doublings) {
    const int64_t base = lo << below(static_cast<uint64_t>(doublings));
    return base + static_cast<int64_t>(below(static_cast<uint64_t>(base)));
  }
  template <class T, size_t N>
  const T& pick(const T (&items)[N]) {
    return items[below(N)];
  }

 private:
  static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  uint64_t s_[4];
};

// Zipf-like index in [0, n): log-uniform over [k, n + k) minus k, through geometric buckets
// computed in 44.20 fixed point (ratio 1 + 1/128), so the table is the same on every machine.
class Zipf {
 public:
  Zipf(uint64_t n, uint64_t k) : n_(n), k_(k) {
    uint64_t b = k << 20;
    const uint64_t end = (n + k) << 20;
    while (b < end) {
      bounds_.push_back(b >> 20);
      b += std::max<uint64_t>(b >> 7, 1);
    }
    bounds_.push_back(n + k);
  }
  uint64_t draw(Rng& rng) const {
    const size_t j = rng.below(bounds_.size() - 1);
    const uint64_t lo = bounds_[j];
    const uint64_t hi = bounds_[j + 1];
    const uint64_t v = lo + (hi > lo ? rng.below(hi - lo) : 0);
    return std::min(v - k_, n_ - 1);
  }

 private:
  uint64_t n_, k_;
  std::vector<uint64_t> bounds_;
};

}  // namespace gen
