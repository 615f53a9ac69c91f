// Sorting the large arrays of numbers the metrics need in order (hashes, delays) in linear time.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <utility>
#include <vector>

namespace ror::metrics {

// Sorts 64-bit values: least significant digit first, 16 bits a pass.
inline void radix_sort(std::vector<std::uint64_t>& values) {
  std::vector<std::uint64_t> buffer(values.size());
  std::vector<std::size_t> start(std::size_t{1} << 16);
  for (int shift = 0; shift < 64; shift += 16) {
    std::fill(start.begin(), start.end(), 0);
    for (const std::uint64_t v : values) {
      ++start[(v >> shift) & 0xffff];
    }
    std::size_t at = 0;
    for (std::size_t& slot : start) {
      at += std::exchange(slot, at);
    }
    for (const std::uint64_t v : values) {
      buffer[start[(v >> shift) & 0xffff]++] = v;
    }
    values.swap(buffer);
  }
}

// Sorts non-negative doubles (whose bit patterns order as the numbers do) the same way.
inline void radix_sort(std::vector<double>& values) {
  std::vector<std::uint64_t> bits(values.size());
  std::memcpy(bits.data(), values.data(), values.size() * sizeof(double));
  radix_sort(bits);
  std::memcpy(values.data(), bits.data(), values.size() * sizeof(double));
}

}  // namespace ror::metrics
