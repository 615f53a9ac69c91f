#include <algorithm>
#include <cstring>

#include "ror/dataset.hpp"
#include "ror/text.hpp"

namespace ror {

char* StringArena::room(std::size_t size) {
  if (chunks_.empty() || used_ + size > size_) {
    size_ = std::max<std::size_t>(std::size_t{64} << 10, size);
    // Not zeroed: every byte handed out is written before it is read.
    chunks_.push_back(std::unique_ptr<char[]>(new char[size_]));
    held_ += size_;
    used_ = 0;
  }
  char* stored = chunks_.back().get() + used_;
  used_ += size;
  return stored;
}

std::string_view StringArena::store(std::string_view text) {
  char* stored = room(text.size());
  if (!text.empty()) {
    std::memcpy(stored, text.data(), text.size());
  }
  return {stored, text.size()};
}

std::string_view StringArena::store_joined(std::string_view a, char separator, std::string_view b) {
  const std::size_t size = a.size() + (separator != '\0' ? 1 : 0) + b.size();
  char* stored = room(size);
  char* at = stored;
  if (!a.empty()) {
    std::memcpy(at, a.data(), a.size());
    at += a.size();
  }
  if (separator != '\0') {
    *at++ = separator;
  }
  if (!b.empty()) {
    std::memcpy(at, b.data(), b.size());
  }
  return {stored, size};
}

AuthorId AuthorTable::intern(std::string_view name) {
  return intern(name, StringIndex::hash(name));
}

AuthorId AuthorTable::intern(std::string_view name, std::uint64_t hash) {
  if (const std::uint32_t* known = index_.find(name, hash)) {
    return *known;
  }
  const auto id = static_cast<AuthorId>(names_.size());
  const std::string_view view = bytes_.store(name);
  names_.push_back(view);
  index_.try_emplace(view, hash, id);
  return id;
}

void AuthorTable::intern_all(const AuthorTable& other, std::vector<AuthorId>& ids) {
  // A large table misses the cache on most lookups: fetch the slots (then the keys they hold)
  // some names ahead, so that the misses overlap instead of following one another.
  constexpr std::size_t kSlotsAhead = 16;
  constexpr std::size_t kKeysAhead = 8;
  const std::size_t n = other.size();
  hashes_.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    hashes_[i] = StringIndex::hash(other.names_[i]);
  }
  ids.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    if (i + kSlotsAhead < n) {
      index_.prefetch_slot(hashes_[i + kSlotsAhead]);
    }
    if (i + kKeysAhead < n) {
      index_.prefetch_key(hashes_[i + kKeysAhead]);
    }
    ids[i] = intern(other.names_[i], hashes_[i]);
  }
}

namespace {

// Whether `name`, without one leading '@' and ASCII-lowercased, equals `normalised`.
bool matches(std::string_view name, std::string_view normalised) {
  if (!name.empty() && name.front() == '@') {
    name.remove_prefix(1);
  }
  if (name.size() != normalised.size()) {
    return false;
  }
  for (std::size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    const char lower = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    if (lower != normalised[i]) {
      return false;
    }
  }
  return true;
}

}  // namespace

void AuthorTable::mark_account(const std::vector<std::string>& normalised_names) {
  account_.assign((names_.size() + 63) / 64, 0);
  for (std::size_t i = 0; i < names_.size(); ++i) {
    if (std::any_of(normalised_names.begin(), normalised_names.end(),
                    [&](const std::string& n) { return matches(names_[i], n); })) {
      account_[i / 64] |= std::uint64_t{1} << (i % 64);
    }
  }
}

}  // namespace ror
