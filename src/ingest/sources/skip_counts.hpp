// What the input sources passed over, by reason, with counts, in the order reasons first came up.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace ror::ingest {

// Counts of what was passed over, by reason.
class SkipCounts {
 public:
  // Counts one more thing passed over for `reason`.
  void add(const std::string& reason, std::uint64_t count = 1) {
    for (auto& [known, n] : counts_) {
      if (known == reason) {
        n += count;
        return;
      }
    }
    counts_.emplace_back(reason, count);
  }

  // Adds every count of `other`.
  void add(const SkipCounts& other) {
    for (const auto& [reason, n] : other.counts_) {
      add(reason, n);
    }
  }

  // The reasons and their counts, in first-seen order.
  const std::vector<std::pair<std::string, std::uint64_t>>& counts() const { return counts_; }

 private:
  std::vector<std::pair<std::string, std::uint64_t>> counts_;
};

}  // namespace ror::ingest
