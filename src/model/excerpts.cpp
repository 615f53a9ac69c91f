// Looking up a post's excerpt (kept for --by post and the HTML report) by its key.
#include "ror/dataset.hpp"

namespace ror {

std::string_view Dataset::excerpt_key(std::string_view platform, std::string_view id,
                                      std::string& room) {
  room.assign(platform).append(1, kQualifierSeparator).append(id);
  return room;
}

const PostExcerpt* Dataset::excerpt(std::size_t i) const {
  if (excerpts.empty()) {
    return nullptr;
  }
  const std::string_view platform =
      platforms.empty() ? std::string_view() : std::string_view(platforms[posts[i].platform]);
  std::string room;
  const auto it = excerpts.find(excerpt_key(platform, post_ids[i], room));
  return it == excerpts.end() ? nullptr : &it->second;
}

}  // namespace ror
