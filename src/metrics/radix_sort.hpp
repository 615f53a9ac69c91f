// Sorting the large arrays of numbers the metrics need in order (hashes, delays) in linear time.
#pragma once

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace ror::metrics {

// Sorts unsigned 64-bit values, least significant digit first, 16 bits a pass; the passes above
// the highest bit set in any value are skipped. Below a few thousand values a comparison sort
// is faster than clearing the 65,536 counters (a --by post row sorts a post's few delays).
inline void radix_sort(std::vector<std::uint64_t>& values) {
  if (values.size() < 4096) {
    std::sort(values.begin(), values.end());
    return;
  }
  std::uint64_t any = 0;
  for (const std::uint64_t v : values) {
    any |= v;
  }
  const int bits = 64 - std::countl_zero(any);
  std::vector<std::uint64_t> buffer(values.size());
  std::vector<std::size_t> start(std::size_t{1} << 16);
  for (int shift = 0; shift < bits; shift += 16) {
    const auto digit = [shift](std::uint64_t v) {
      return static_cast<std::size_t>((v >> shift) & 0xffff);
    };
    std::fill(start.begin(), start.end(), 0);
    for (const std::uint64_t v : values) {
      ++start[digit(v)];
    }
    std::size_t at = 0;
    for (std::size_t& slot : start) {
      at += std::exchange(slot, at);
    }
    for (const std::uint64_t v : values) {
      buffer[start[digit(v)]++] = v;
    }
    values.swap(buffer);
  }
}

}  // namespace ror::metrics
