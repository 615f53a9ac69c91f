// Sorting the large arrays of numbers the metrics need in order (hashes, delays) in linear time.
#pragma once

#include <algorithm>
#include <bit>
#include <cstdint>
#include <utility>
#include <vector>

namespace ror::metrics {

// Sorts 64-bit values, least significant digit first, 16 bits a pass: unsigned integers, or
// non-negative doubles (whose bit patterns order as the numbers do).
template <typename T>
void radix_sort(std::vector<T>& values) {
  static_assert(sizeof(T) == 8);
  const auto digit = [](T v, int shift) {
    return static_cast<std::size_t>((std::bit_cast<std::uint64_t>(v) >> shift) & 0xffff);
  };
  std::vector<T> buffer(values.size());
  std::vector<std::size_t> start(std::size_t{1} << 16);
  for (int shift = 0; shift < 64; shift += 16) {
    std::fill(start.begin(), start.end(), 0);
    for (const T v : values) {
      ++start[digit(v, shift)];
    }
    std::size_t at = 0;
    for (std::size_t& slot : start) {
      at += std::exchange(slot, at);
    }
    for (const T v : values) {
      buffer[start[digit(v, shift)]++] = v;
    }
    values.swap(buffer);
  }
}

}  // namespace ror::metrics
