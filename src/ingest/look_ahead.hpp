// Look-ups in a hash table far larger than the caches, done in a row: each one's slot is asked
// for a few steps ahead, so that the memory is fetched while the steps before it run. The merge
// of posts, the linking of statuses and the merge of profile tables walk this way.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <type_traits>
#include <utility>

namespace ror::ingest {

// Calls body(k, ahead(k)) for k = 0 .. n-1, in order, where ahead(k), called once for each k,
// in order, and kAhead steps before its body, computes what the look-up of step k needs (its
// hash) and asks for the slot it will read.
template <std::size_t kAhead = 8, class Ahead, class Body>
void walk_ahead(std::size_t n, Ahead&& ahead, Body&& body) {
  using Value = std::invoke_result_t<Ahead&, std::size_t>;
  std::array<Value, kAhead> ring{};
  for (std::size_t k = 0; k < std::min(n, kAhead); ++k) {
    ring[k] = ahead(k);
  }
  for (std::size_t k = 0; k < n; ++k) {
    Value v = std::move(ring[k % kAhead]);
    if (k + kAhead < n) {
      ring[k % kAhead] = ahead(k + kAhead);
    }
    body(k, v);
  }
}

}  // namespace ror::ingest
