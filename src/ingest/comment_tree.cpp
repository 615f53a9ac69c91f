#include "ingest/comment_tree.hpp"

#include <algorithm>

namespace ror::ingest {

bool CommentTree::index(std::span<const TreeComment> comments) {
  // Later comments with the same id replace earlier ones: keep_ lists the survivors in order.
  index_.clear();
  bool duplicates = false;
  for (std::uint32_t i = 0; i < comments.size(); ++i) {
    auto [slot, inserted] = index_.try_emplace(comments[i].id, i);
    if (!inserted) {
      duplicates_.push_back(i);
      *slot = i;
      duplicates = true;
    }
  }
  keep_.clear();
  ordinal_.assign(comments.size(), kNone);
  for (std::uint32_t i = 0; i < comments.size(); ++i) {
    if (!duplicates || *index_.find(comments[i].id) == i) {
      ordinal_[i] = static_cast<std::uint32_t>(keep_.size());
      keep_.push_back(i);
    }
  }
  return duplicates;
}

void CommentTree::break_cycles(std::span<const TreeComment> comments,
                               std::vector<std::uint32_t>& cut) {
  // A cycle needs a comment whose parent comes after it; usually every parent comes first.
  bool backwards = false;
  for (std::uint32_t k = 0; k < parent_.size(); ++k) {
    backwards = backwards || (parent_[k] != kNone && parent_[k] >= k);
  }
  if (!backwards) {
    return;
  }
  enum : std::uint8_t { unseen, on_path, done };
  std::vector<std::uint8_t> state(parent_.size(), unseen);
  std::vector<std::uint32_t> path;
  for (std::uint32_t start = 0; start < parent_.size(); ++start) {
    path.clear();
    std::uint32_t node = start;
    while (node != kNone && state[node] == unseen) {
      state[node] = on_path;
      path.push_back(node);
      node = parent_[node];
    }
    if (node != kNone && state[node] == on_path) {
      // The cycle is the tail of the path from `node`; its earliest member becomes top-level.
      const auto first = std::find(path.begin(), path.end(), node);
      const auto earliest = std::min_element(first, path.end(), [&](auto a, auto b) {
        const TreeComment& ca = comments[keep_[a]];
        const TreeComment& cb = comments[keep_[b]];
        return ca.created_at != cb.created_at ? ca.created_at < cb.created_at : ca.id < cb.id;
      });
      cut.push_back(*earliest);
      parent_[*earliest] = kNone;
    }
    for (const std::uint32_t n : path) {
      state[n] = done;
    }
  }
}

}  // namespace ror::ingest
