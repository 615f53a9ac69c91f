// The comments of one post as a tree: given by id and parent id, resolved to indices. One rule
// for nested comments (per batch) and for comments joined to their posts at the end of the load.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ror/dataset.hpp"
#include "ror/string_index.hpp"

namespace ror::ingest {

// One comment as the tree sees it.
struct TreeComment {
  std::string_view id;
  std::string_view parent;  // the parent's id, when has_parent
  bool has_parent = false;
  TimeMs created_at = 0;
};

// What resolving a post's comments found, for the input accounting.
enum class TreeEvent : std::uint8_t { duplicate_id, dangling_parent, cycle };

class CommentTree {
 public:
  // Resolves the comments of post `post_id`: a later comment with an id seen before replaces the
  // earlier one; a parent that is the post itself (or none) makes a top-level comment; a parent
  // naming no comment of the post is dangling (top-level); each cycle of parents is broken at
  // its earliest member (by time, then id). `event(kind, k)` is called for each duplicate,
  // dangling parent and broken cycle, with k the input index of the comment concerned.
  template <typename Event>
  void build(std::span<const TreeComment> comments, std::string_view post_id, Event&& event);

  // Input indices of the surviving comments, in input order.
  const std::vector<std::uint32_t>& kept() const { return keep_; }
  // For each surviving comment: the position of its parent in kept(), or kNone.
  const std::vector<std::uint32_t>& parents() const { return parent_; }

 private:
  // Returns whether duplicates were found (then some comments are not kept).
  bool index(std::span<const TreeComment> comments);
  // The cycles' earliest members whose parent links it cut (positions in kept()).
  void break_cycles(std::span<const TreeComment> comments, std::vector<std::uint32_t>& cut);

  StringIndex index_;
  std::vector<std::uint32_t> keep_;
  std::vector<std::uint32_t> ordinal_;
  std::vector<std::uint32_t> parent_;
  std::vector<std::uint32_t> duplicates_;
  std::vector<std::uint32_t> cut_;
};

template <typename Event>
void CommentTree::build(std::span<const TreeComment> comments, std::string_view post_id,
                        Event&& event) {
  duplicates_.clear();
  index(comments);
  for (const std::uint32_t k : duplicates_) {
    event(TreeEvent::duplicate_id, k);
  }
  parent_.assign(keep_.size(), kNone);
  for (std::uint32_t k = 0; k < keep_.size(); ++k) {
    const TreeComment& c = comments[keep_[k]];
    if (!c.has_parent || c.parent == post_id) {
      continue;
    }
    const std::uint32_t* found = index_.find(c.parent);
    if (found == nullptr) {
      event(TreeEvent::dangling_parent, keep_[k]);
      continue;
    }
    parent_[k] = ordinal_[*found];
  }
  if (keep_.size() > 1) {
    cut_.clear();
    break_cycles(comments, cut_);
    for (const std::uint32_t k : cut_) {
      event(TreeEvent::cycle, keep_[k]);
    }
  }
}

}  // namespace ror::ingest
