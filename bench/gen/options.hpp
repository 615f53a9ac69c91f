// What ror_gen is asked for, and what every generator shares: the version, the brand and the time
// frame.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "gen/pools.hpp"
#include "gen/random.hpp"

namespace gen {

// Bump when the output for given arguments changes (the benchmark script names files by it).
inline constexpr std::string_view kGenVersion = "5";

struct Options {
  uint64_t size = 0;
  uint64_t seed = 1;
  std::string out;              // a file ("-": standard output) or, for folder formats, a directory
  std::string format;           // "ror-v1" (default) or a platform format
  bool ndjson = false;          // ror-v1: NDJSON instead of the JSON document
  uint64_t page_bytes = 10000;  // mastodon-api: bytes per page of statuses
};

inline constexpr int64_t kYearStartMs = 1735689600000;  // 2025-01-01T00:00:00Z
inline constexpr int64_t kYearMs = 365LL * 86400000;
inline constexpr int64_t kTwitterEpochMs = 1288834974657;

// The brand of a seed (the same for every format).
inline const Brand& brand_of(uint64_t seed) {
  uint64_t s = seed ^ 0x5eed;
  return kBrands[static_cast<size_t>(splitmix64(s) % std::size(kBrands))];
}

}  // namespace gen
