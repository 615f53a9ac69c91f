// Looking up a post's excerpt (kept for --by post and the HTML report) by its key.
#include <algorithm>
#include <array>

#include "ror/dataset.hpp"

namespace ror {

const PostExcerpt* Dataset::excerpt(std::size_t i) const {
  if (excerpts.empty()) {
    return nullptr;
  }
  const std::string_view platform =
      platforms.empty() ? std::string_view() : std::string_view(platforms[posts[i].platform]);
  const std::string_view id = post_ids[i];
  // The key, platform "\x1f" id, made without a heap copy when it is short (one per row).
  std::array<char, 128> room{};
  std::string longer;
  std::string_view key;
  if (platform.size() + 1 + id.size() <= room.size()) {
    char* end = std::copy(platform.begin(), platform.end(), room.data());
    *end++ = kQualifierSeparator;
    end = std::copy(id.begin(), id.end(), end);
    key = std::string_view(room.data(), static_cast<std::size_t>(end - room.data()));
  } else {
    longer = std::string(platform) + kQualifierSeparator + std::string(id);
    key = longer;
  }
  const auto it = excerpts.find(key);
  return it == excerpts.end() ? nullptr : &it->second;
}

}  // namespace ror
