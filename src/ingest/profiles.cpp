#include "ingest/profiles.hpp"

#include <algorithm>

#include "ingest/look_ahead.hpp"
#include "ror/text.hpp"

namespace ror::ingest {

void ProfileTable::add(const AccountRecord& profile) {
  add(profile.handle, StringIndex::hash(profile.handle), profile.id, profile.platform,
      profile.followers);
}

void ProfileTable::merge(const ProfileTable& other) {
  // Each handle's slot is asked for a few profiles ahead (the load's table of every author is
  // far larger than the caches; look_ahead.hpp), with the hash the other table kept.
  const std::vector<Profile>& from = other.profiles_;
  const auto ahead = [&](std::size_t k) {
    const std::uint64_t h = from[k].hash;
    by_handle_.prefetch_slot(h);
    return h;
  };
  walk_ahead(from.size(), ahead, [&](std::size_t k, std::uint64_t h) {
    const Profile& p = from[k];
    add(p.handle, h, p.id, p.platform, p.followers);
  });
}

void ProfileTable::add(std::string_view handle, std::uint64_t hash, std::string_view id,
                       std::string_view platform, const std::optional<std::int64_t>& followers) {
  if (handle.empty()) {
    return;
  }
  if (const std::uint32_t* known = by_handle_.find(handle, hash)) {
    Profile& p = profiles_[*known];
    if (followers) {
      p.followers = followers;
    }
    if (p.id.empty() && !id.empty()) {
      p.id = bytes_.store(id);
      by_id_.try_emplace(p.id, *known);
    }
    return;
  }
  const auto index = static_cast<std::uint32_t>(profiles_.size());
  Profile p{bytes_.store(handle), id.empty() ? std::string_view{} : bytes_.store(id),
            platform.empty() ? std::string_view{} : bytes_.store(platform), followers, hash};
  by_handle_.try_emplace(p.handle, hash, index);
  if (!p.id.empty()) {
    by_id_.try_emplace(p.id, index);
  }
  profiles_.push_back(p);
}

const Profile* ProfileTable::find_any(const std::vector<std::string>& names) const {
  const auto named = [&](std::string_view name) {
    return !name.empty() && std::binary_search(names.begin(), names.end(), normalize_name(name));
  };
  for (const Profile& p : profiles_) {
    if (named(p.handle) || named(p.id)) {
      return &p;
    }
  }
  return nullptr;
}

std::string_view ProfileTable::handle_of_id(std::string_view id) const {
  const std::uint32_t* i = by_id_.find(id);
  return i == nullptr ? std::string_view{} : profiles_[*i].handle;
}

}  // namespace ror::ingest
