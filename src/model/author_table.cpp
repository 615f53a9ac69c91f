#include <algorithm>
#include <cstring>
#include <string>
#include <string_view>
#include <unordered_set>

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

const std::int64_t* ValueArena::store(const std::int64_t* values, std::size_t n) {
  if (n == 0) {
    return nullptr;
  }
  if (used_ + n > size_) {
    // Chunks grow from 256 values to 64 Ki (512 KB), so that a batch of a few posts holds little.
    size_ = std::max(n, std::clamp<std::size_t>(size_ * 2, 256, std::size_t{1} << 16));
    chunks_.push_back(std::make_unique_for_overwrite<std::int64_t[]>(size_));
    held_ += size_ * sizeof(std::int64_t);
    used_ = 0;
  }
  std::int64_t* out = chunks_.back().get() + used_;
  std::copy(values, values + n, out);
  used_ += n;
  return out;
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
  return intern_key(name, 0, StringIndex::hash(name));
}

AuthorId AuthorTable::intern(std::string_view name, std::string_view qualifier) {
  if (qualifier.empty()) {
    return intern(name);
  }
  scratch_.assign(qualifier).push_back(kQualifierSeparator);
  scratch_.append(name);
  return intern_key(scratch_, qualifier.size(), StringIndex::hash(scratch_));
}

AuthorId AuthorTable::intern_key(std::string_view key, std::size_t qualifier_size,
                                 std::uint64_t hash) {
  if (const std::uint32_t* known = index_.find(key, hash)) {
    return *known;
  }
  if (qualifier_size > 255) {
    qualifier_size = 0;  // (platform names are short; a longer one is kept as part of the name)
  }
  const auto id = static_cast<AuthorId>(names_.size());
  const std::string_view view = bytes_.store(key);
  names_.push_back(qualifier_size == 0 ? view : view.substr(qualifier_size + 1));
  qualifier_size_.push_back(static_cast<std::uint8_t>(qualifier_size));
  index_.try_emplace(view, hash, id);
  return id;
}

void AuthorTable::intern_all(const AuthorTable& other, std::vector<AuthorId>& ids,
                             std::string_view qualifier) {
  const std::size_t n = other.size();
  ids.resize(n);
  // The keys: the names as `other` holds them (within the platform it gives them, if any), or
  // "qualifier\x1fname", built in one buffer.
  keys_.resize(n);
  if (qualifier.empty()) {
    for (std::size_t i = 0; i < n; ++i) {
      const std::size_t q = other.qualifier_size_[i];
      const std::string_view name = other.names_[i];
      keys_[i] = q == 0 ? name : std::string_view(name.data() - q - 1, q + 1 + name.size());
    }
  } else {
    scratch_.clear();
    for (const std::string_view name : other.names_) {
      scratch_.append(qualifier).push_back(kQualifierSeparator);
      scratch_.append(name);
    }
    std::size_t at = 0;
    for (std::size_t i = 0; i < n; ++i) {
      const std::size_t size = qualifier.size() + 1 + other.names_[i].size();
      keys_[i] = std::string_view(scratch_).substr(at, size);
      at += size;
    }
  }
  // A large table misses the cache on most lookups: fetch the slots (then the keys they hold)
  // some names ahead, so that the misses overlap instead of following one another.
  constexpr std::size_t kSlotsAhead = 16;
  constexpr std::size_t kKeysAhead = 8;
  hashes_.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    hashes_[i] = StringIndex::hash(keys_[i]);
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (i + kSlotsAhead < n) {
      index_.prefetch_slot(hashes_[i + kSlotsAhead]);
    }
    if (i + kKeysAhead < n) {
      index_.prefetch_key(hashes_[i + kKeysAhead]);
    }
    ids[i] = intern_key(keys_[i], qualifier.empty() ? other.qualifier_size_[i] : qualifier.size(),
                        hashes_[i]);
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

bool AuthorTable::anonymous_name(std::string_view name) {
  return name == "[deleted]" || name == "[removed]";
}

bool AuthorTable::names_account(AuthorId id,
                                const std::vector<std::string>& normalised_names) const {
  const std::string_view name = names_[id];
  if (anonymous_name(name)) {
    return false;  // never the account
  }
  const std::string_view platform = qualifier(id);
  const auto named = [&](std::string_view n) {
    const std::size_t cut = n.find(kQualifierSeparator);
    if (cut == std::string_view::npos) {
      return matches(name, n);
    }
    return n.substr(0, cut) == platform && matches(name, n.substr(cut + 1));
  };
  return std::any_of(normalised_names.begin(), normalised_names.end(), named);
}

void AuthorTable::mark_account(const std::vector<std::string>& normalised_names) {
  account_.assign((names_.size() + 63) / 64, 0);
  anonymous_.assign((names_.size() + 63) / 64, 0);
  // One look-up per author, however many names (an importer may guess one per thread): a
  // name matches a normalised one when its normalize_name is that one (as matches() says).
  std::unordered_set<std::string_view> plain;
  std::unordered_set<std::string_view> spaced;  // "platform\x1fname"
  for (const std::string& n : normalised_names) {
    (n.find(kQualifierSeparator) == std::string::npos ? plain : spaced).insert(n);
  }
  std::string key;
  for (std::size_t i = 0; i < names_.size(); ++i) {
    if (anonymous_name(names_[i])) {
      anonymous_[i / 64] |= std::uint64_t{1} << (i % 64);
      continue;
    }
    const std::string name = normalize_name(names_[i]);
    bool named = plain.contains(name);
    if (!named && !spaced.empty()) {
      key.assign(qualifier(static_cast<AuthorId>(i)));
      key.push_back(kQualifierSeparator);
      key.append(name);
      named = spaced.contains(key);
    }
    if (named) {
      account_[i / 64] |= std::uint64_t{1} << (i % 64);
    }
  }
}

}  // namespace ror
