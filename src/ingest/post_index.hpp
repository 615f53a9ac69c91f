// The load's index of posts by key (platform "\x1f" id): 8 bytes a slot, a quarter of a
// StringIndex's, because a slot holds no key. It holds the post's index and 32 bits of the key's
// hash (keyed per process); the key itself is read back from the posts (`key_at(index)`) only
// when those bits match. Ten million posts take 128 MB instead of 512 MB.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ror/keyed_hash.hpp"

namespace ror::ingest {

class PostIndex {
 public:
  // The slot of `key`'s post index, inserting `value` when the key is new (second: inserted).
  // `key_at(i)` must give the key of post i for every index the table holds; a slot's value
  // may be changed only to another post of the same key.
  template <class KeyAt>
  std::pair<std::uint32_t*, bool> try_emplace(std::string_view key, std::uint32_t value,
                                              const KeyAt& key_at) {
    return try_emplace(key, tag_of(key), value, key_at);
  }
  // The same, with the key's tag_of(key) already known.
  template <class KeyAt>
  std::pair<std::uint32_t*, bool> try_emplace(std::string_view key, std::uint32_t tag,
                                              std::uint32_t value, const KeyAt& key_at) {
    if ((size_ + 1) * 4 > slots_.size() * 3) {
      rehash(slots_.empty() ? 16 : slots_.size() * 2);
    }
    for (std::size_t i = tag & mask_;; i = (i + 1) & mask_) {
      Slot& s = slots_[i];
      if (s.value == kEmpty) {
        s = Slot{tag, value};
        ++size_;
        return {&s.value, true};
      }
      if (s.tag == tag && key_at(s.value) == key) {
        return {&s.value, false};
      }
    }
  }

  // The post index of `key`, or nullptr.
  template <class KeyAt>
  const std::uint32_t* find(std::string_view key, const KeyAt& key_at) const {
    return find(key, tag_of(key), key_at);
  }
  // The same, with the key's tag_of(key) already known.
  template <class KeyAt>
  const std::uint32_t* find(std::string_view key, std::uint32_t tag, const KeyAt& key_at) const {
    if (size_ == 0) {
      return nullptr;
    }
    for (std::size_t i = tag & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.value == kEmpty) {
        return nullptr;
      }
      if (s.tag == tag && key_at(s.value) == key) {
        return &s.value;
      }
    }
  }

  // Makes room for `keys` keys at once (growing holds the old table and the new one together).
  // Rehashing reads no key: a slot's place comes from the hash bits it keeps.
  void reserve(std::size_t keys) {
    std::size_t slots = slots_.empty() ? 16 : slots_.size();
    while ((keys + 1) * 4 > slots * 3) {
      slots *= 2;
    }
    if (slots != slots_.size()) {
      rehash(slots);
    }
  }
  std::size_t size() const { return size_; }

  // What a key joins a post's platform and id with.
  static constexpr char kSeparator = '\x1f';
  // The key of post `id` of `platform`: "platform \x1f id", or the id alone when the platform is
  // "" (ror/v1 posts that name none); written into `out` when it is not the id itself.
  // DatasetBuilder::key_of stores the same key in an arena.
  static std::string_view key(std::string_view platform, std::string_view id, std::string& out) {
    if (platform.empty()) {
      return id;
    }
    out.assign(platform).push_back(kSeparator);
    out.append(id);
    return out;
  }

  // What try_emplace and find look a key up by: 32 bits of its keyed hash.
  static std::uint32_t tag_of(std::string_view key) {
    return static_cast<std::uint32_t>(keyed_hash(key));
  }
  // Asks the CPU to fetch the slot a key of this tag is looked for first, ahead of the lookup.
  void prefetch(std::uint32_t tag) const {
    if (!slots_.empty()) {
      __builtin_prefetch(&slots_[tag & mask_]);
    }
  }

  // Lets the table go.
  void release() {
    std::vector<Slot>().swap(slots_);
    size_ = 0;
    mask_ = 0;
  }

 private:
  static constexpr std::uint32_t kEmpty = ~std::uint32_t{0};
  struct Slot {
    std::uint32_t tag = 0;  // the key hash's low 32 bits, whose lowest pick the slot
    std::uint32_t value = kEmpty;
  };

  void rehash(std::size_t slots) {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(slots, Slot{});
    mask_ = slots - 1;
    for (const Slot& s : old) {
      if (s.value != kEmpty) {
        std::size_t i = s.tag & mask_;
        while (slots_[i].value != kEmpty) {
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

}  // namespace ror::ingest
