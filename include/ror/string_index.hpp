// A hash map from strings to 32-bit values for the hot paths of ingest: open addressing, no
// allocation per insert, and a clear() that costs nothing. Keys are views: their bytes must stay
// alive (and unchanged) as long as the index holds them. Its hash is keyed per process and
// nothing reads its slots in order, so its layout never shows in any output.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>
#include <utility>
#include <vector>

#include "ror/keyed_hash.hpp"

namespace ror {

class StringIndex {
 public:
  // The value slot of key, inserting `value` when the key is new; second is true on insertion.
  std::pair<std::uint32_t*, bool> try_emplace(std::string_view key, std::uint32_t value) {
    return try_emplace(key, hash(key), value);
  }
  // The same, with the key's hash(key) already known.
  std::pair<std::uint32_t*, bool> try_emplace(std::string_view key, std::uint64_t h,
                                              std::uint32_t value) {
    if (too_full(size_ + 1, slots_.size())) {
      grow();
    }
    for (std::size_t i = h & mask_;; i = (i + 1) & mask_) {
      Slot& s = slots_[i];
      if (s.generation != generation_) {
        s = Slot{h, key, value, generation_};
        ++size_;
        return {&s.value, true};
      }
      if (s.hash == h && s.key == key) {
        return {&s.value, false};
      }
    }
  }

  // The value of key, or nullptr.
  const std::uint32_t* find(std::string_view key) const { return find(key, hash(key)); }
  // The same, with the key's hash(key) already known.
  const std::uint32_t* find(std::string_view key, std::uint64_t h) const {
    if (size_ == 0) {
      return nullptr;
    }
    for (std::size_t i = h & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.generation != generation_) {
        return nullptr;
      }
      if (s.hash == h && s.key == key) {
        return &s.value;
      }
    }
  }

  // How many slots a lookup of key visits (1 when it sits where its hash points): what the
  // tests measure the table's health by.
  std::size_t probes(std::string_view key) const {
    if (size_ == 0) {
      return 0;
    }
    const std::uint64_t h = hash(key);
    std::size_t n = 1;
    for (std::size_t i = h & mask_;; i = (i + 1) & mask_, ++n) {
      const Slot& s = slots_[i];
      if (s.generation != generation_ || (s.hash == h && s.key == key)) {
        return n;
      }
    }
  }

  // Asks the CPU to fetch the first slot a key with hash h would occupy, ahead of a lookup.
  void prefetch_slot(std::uint64_t h) const {
    if (!slots_.empty()) {
      __builtin_prefetch(&slots_[h & mask_]);
    }
  }
  // Then, once that slot is in cache, asks for the bytes of the key it holds if its hash is h.
  void prefetch_key(std::uint64_t h) const {
    if (!slots_.empty()) {
      const Slot& s = slots_[h & mask_];
      if (s.generation == generation_ && s.hash == h) {
        __builtin_prefetch(s.key.data());
      }
    }
  }

  // Forgets every key, keeping the table.
  void clear() {
    size_ = 0;
    if (++generation_ == 0) {  // wrapped: really empty the slots once
      for (Slot& s : slots_) {
        s.generation = 0;
      }
      generation_ = 1;
    }
  }

  std::size_t size() const { return size_; }
  // Makes room for `keys` keys at once, so that inserting that many never grows the table
  // (growing holds the old table and the new one together).
  void reserve(std::size_t keys) {
    std::size_t slots = slots_.empty() ? 16 : slots_.size();
    while (too_full(keys + 1, slots)) {
      slots *= 2;
    }
    if (slots != slots_.size()) {
      rehash(slots);
    }
  }
  // Bytes the table holds (not the keys' bytes).
  std::size_t memory_bytes() const { return slots_.capacity() * sizeof(Slot); }

  // The hash of a key, as the index computes it: keyed per process (ror/keyed_hash.hpp), so
  // that no input can choose keys that pile up in one run of slots.
  static std::uint64_t hash(std::string_view key) { return keyed_hash(key); }

 private:
  struct Slot {
    std::uint64_t hash = 0;
    std::string_view key;
    std::uint32_t value = 0;
    std::uint32_t generation = 0;  // the slot is used when it equals the index's generation
  };

  // Whether `keys` keys would fill more than three quarters of `slots` slots.
  static bool too_full(std::size_t keys, std::size_t slots) { return keys * 4 > slots * 3; }

  void grow() { rehash(slots_.empty() ? 16 : slots_.size() * 2); }

  // Moves the keys into a table of `slots` slots (a power of two).
  void rehash(std::size_t slots) {
    std::vector<Slot> old = std::move(slots_);
    const std::uint32_t old_generation = generation_;
    slots_.assign(slots, Slot{});
    mask_ = slots_.size() - 1;
    generation_ = 1;
    size_ = 0;
    for (const Slot& s : old) {
      if (s.generation == old_generation) {
        for (std::size_t i = s.hash & mask_;; i = (i + 1) & mask_) {
          if (slots_[i].generation != generation_) {
            slots_[i] = Slot{s.hash, s.key, s.value, generation_};
            ++size_;
            break;
          }
        }
      }
    }
  }

  std::vector<Slot> slots_;
  std::size_t mask_ = 0;
  std::size_t size_ = 0;
  std::uint32_t generation_ = 1;
};

}  // namespace ror
