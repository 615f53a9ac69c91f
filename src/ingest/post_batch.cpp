#include "ingest/post_batch.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace ror::ingest {

void PostBatch::warn(std::uint64_t Warnings::*counter, const std::string& what) {
  warnings.add(counter, fmt::format("{} ({})", what, source));
}

std::uint32_t PostBatch::resolve_parents(const PostRecord& post,
                                         std::vector<std::uint32_t>& parent) {
  // Later comments with the same id replace earlier ones: keep_ lists the survivors in order.
  comment_index_.clear();
  bool duplicates = false;
  for (std::uint32_t i = 0; i < post.comments.size(); ++i) {
    auto [slot, inserted] = comment_index_.try_emplace(post.comments[i].id, i);
    if (!inserted) {
      warn(&Warnings::duplicate_comment_ids,
           fmt::format("duplicate comment id \"{}\" in post \"{}\"", post.comments[i].id, post.id));
      *slot = i;
      duplicates = true;
    }
  }
  keep_.clear();
  ordinal_.assign(post.comments.size(), kNone);
  for (std::uint32_t i = 0; i < post.comments.size(); ++i) {
    if (!duplicates || *comment_index_.find(post.comments[i].id) == i) {
      ordinal_[i] = static_cast<std::uint32_t>(keep_.size());
      keep_.push_back(i);
    }
  }
  parent.assign(keep_.size(), kNone);
  for (std::uint32_t k = 0; k < keep_.size(); ++k) {
    const CommentRecord& c = post.comments[keep_[k]];
    if (!c.has_parent || c.parent_id == post.id) {
      continue;
    }
    const std::uint32_t* found = comment_index_.find(c.parent_id);
    if (found == nullptr) {
      warn(&Warnings::dangling_parents,
           fmt::format("comment \"{}\" names parent \"{}\", which is no comment of post \"{}\"",
                       c.id, c.parent_id, post.id));
      continue;
    }
    parent[k] = ordinal_[*found];
  }
  return static_cast<std::uint32_t>(keep_.size());
}

void PostBatch::break_cycles(const PostRecord& post, std::vector<std::uint32_t>& parent) {
  // A cycle needs a comment whose parent comes after it; usually every parent comes first.
  bool backwards = false;
  for (std::uint32_t k = 0; k < parent.size(); ++k) {
    backwards = backwards || (parent[k] != kNone && parent[k] >= k);
  }
  if (!backwards) {
    return;
  }
  enum : std::uint8_t { unseen, on_path, done };
  std::vector<std::uint8_t> state(parent.size(), unseen);
  std::vector<std::uint32_t> path;
  for (std::uint32_t start = 0; start < parent.size(); ++start) {
    path.clear();
    std::uint32_t node = start;
    while (node != kNone && state[node] == unseen) {
      state[node] = on_path;
      path.push_back(node);
      node = parent[node];
    }
    if (node != kNone && state[node] == on_path) {
      // The cycle is the tail of the path from `node`; its earliest member becomes top-level.
      const auto first = std::find(path.begin(), path.end(), node);
      const auto earliest = std::min_element(first, path.end(), [&](auto a, auto b) {
        const CommentRecord& ca = post.comments[keep_[a]];
        const CommentRecord& cb = post.comments[keep_[b]];
        return ca.created_at != cb.created_at ? ca.created_at < cb.created_at : ca.id < cb.id;
      });
      warn(&Warnings::parent_cycles,
           fmt::format("comment parents form a cycle at comment \"{}\" of post \"{}\"",
                       post.comments[keep_[*earliest]].id, post.id));
      parent[*earliest] = kNone;
    }
    for (const std::uint32_t n : path) {
      state[n] = done;
    }
  }
}

void PostBatch::add_post(const PostRecord& record) {
  ++posts_read;
  comments_read += record.comments.size();
  const std::uint32_t count = resolve_parents(record, parent_);
  if (count > 1) {
    break_cycles(record, parent_);
  }

  Post post;
  post.created_at = record.created_at;
  post.norm_hash = record.text.norm_hash;
  post.metrics = record.metrics;
  post.known = record.known;
  post.first_comment = static_cast<std::uint32_t>(comments.size());
  post.comment_count = count;
  post.author = record.has_author ? authors.intern(record.author) : kNone;
  post.reply_to = record.has_reply_to ? authors.intern(record.reply_to_author) : kNone;
  post.hashtags = static_cast<std::uint16_t>(std::min<std::uint32_t>(record.hashtags, 0xffff));
  post.mentions = static_cast<std::uint16_t>(std::min<std::uint32_t>(record.mentions, 0xffff));
  const auto index = static_cast<std::uint32_t>(posts.size());
  posts.push_back(post);
  post_ids.emplace_back(record.id);

  for (std::uint32_t k = 0; k < count; ++k) {
    const CommentRecord& c = record.comments[keep_[k]];
    Comment comment;
    comment.created_at = c.created_at;
    comment.norm_hash = c.text.norm_hash;
    comment.words = c.text.words;
    comment.author = authors.intern(c.author);
    comment.parent = parent_[k] == kNone ? kNone : post.first_comment + parent_[k];
    comment.post = index;
    comments.push_back(comment);
  }
}

}  // namespace ror::ingest
