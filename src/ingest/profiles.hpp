// The profiles seen in the inputs: people's handles, ids and follower counts, one per handle. The
// account's own profile, seen among the others, completes what no input says of the account;
// an id that a reply gives for its addressee is named by the handle of that id's profile.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/records.hpp"
#include "ror/dataset.hpp"
#include "ror/string_index.hpp"

namespace ror::ingest {

struct Profile {
  std::string_view handle;
  std::string_view id;
  std::string_view platform;
  std::optional<std::int64_t> followers;
  std::uint64_t hash = 0;  // StringIndex::hash(handle): a merge into another table needs it again
};

class ProfileTable {
 public:
  // Adds a profile (role profile), or updates the one of its handle: a follower count replaces
  // the earlier, an id fills a missing one.
  void add(const AccountRecord& profile);
  // Adds every profile of another table, in its order.
  void merge(const ProfileTable& other);
  // The first profile whose normalised handle or id is one of `names` (sorted), or nullptr.
  const Profile* find_any(const std::vector<std::string>& names) const;
  // The handle of the profile with this id, or "".
  std::string_view handle_of_id(std::string_view id) const;
  // Number of profiles.
  std::size_t size() const { return profiles_.size(); }

 private:
  // (hash: StringIndex::hash(handle))
  void add(std::string_view handle, std::uint64_t hash, std::string_view id,
           std::string_view platform, const std::optional<std::int64_t>& followers);

  StringArena bytes_;
  StringIndex by_handle_;  // handle as written -> index in profiles_
  StringIndex by_id_;      // id -> index in profiles_
  std::vector<Profile> profiles_;
};

}  // namespace ror::ingest
