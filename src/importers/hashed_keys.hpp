// A map from 64-bit keyed hashes (ror/keyed_hash.hpp) to 64-bit values, for an importer that
// must tell millions of records apart without holding their strings: open addressing in one
// array, no allocation per insert. The keys are already random under the process's key, so
// they index the table as they are.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

namespace ror::importers {

class HashedKeys {
 public:
  // The value slot of `key`, inserting `value` when the key is new; second is true on insertion.
  std::pair<std::uint64_t*, bool> try_emplace(std::uint64_t key, std::uint64_t value = 0) {
    if ((size_ + 1) * 4 > slots_.size() * 3) {
      grow();
    }
    key = key == kEmpty ? 1 : key;  // (one key in 2^64 shares a slot key with another)
    for (std::size_t i = key & mask_;; i = (i + 1) & mask_) {
      Slot& s = slots_[i];
      if (s.key == kEmpty) {
        s = Slot{key, value};
        ++size_;
        return {&s.value, true};
      }
      if (s.key == key) {
        return {&s.value, false};
      }
    }
  }

  // Whether `key` was new (and is held now).
  bool insert(std::uint64_t key) { return try_emplace(key).second; }

  std::size_t size() const { return size_; }

 private:
  static constexpr std::uint64_t kEmpty = 0;

  struct Slot {
    std::uint64_t key = kEmpty;
    std::uint64_t value = 0;
  };

  void grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 64 : old.size() * 2, Slot{});
    mask_ = slots_.size() - 1;
    for (const Slot& s : old) {
      if (s.key != kEmpty) {
        std::size_t i = s.key & mask_;
        while (slots_[i].key != kEmpty) {
          i = (i + 1) & mask_;
        }
        slots_[i] = s;
      }
    }
  }

  std::vector<Slot> slots_;
  std::size_t mask_ = 0;
  std::size_t size_ = 0;
};

}  // namespace ror::importers
