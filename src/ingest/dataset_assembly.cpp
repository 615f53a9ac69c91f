// The last step of a load: posts that were superseded or placed as comments are dropped, other
// people's posts and posts outside the time window are counted and left out, and comments that
// arrived apart from their posts join them, so that each post's comments lie together in
// Dataset::comments (nested ones first, then the joined ones in input order).
#include <algorithm>

#include <fmt/format.h>

#include "ingest/comment_tree.hpp"
#include "ingest/dataset_builder.hpp"

namespace ror::ingest {

namespace {

constexpr std::uint32_t kLeftOut = kNone - 1;  // a post kept out of the dataset
// (comments dropped as they came because their post was in no input yet: see start_shedding)
constexpr std::string_view kReadEarly = "comments read before their post in a file read last";

}  // namespace

DatasetBuilder::Loose DatasetBuilder::join_entry(std::size_t k) const {
  if (k < loose_.size()) {
    return loose_[k];
  }
  const Placed& placed = placed_[k - loose_.size()];
  const Post& post = data_.posts[placed.post];
  Loose c;
  c.comment.created_at = post.created_at;
  c.comment.norm_hash = post.norm_hash;
  c.comment.words = post.words;
  c.comment.author = post.author;
  c.post_key = post_key(placed.home);
  c.id = data_.post_ids[placed.post];
  c.has_parent = placed.parent != kNone;
  c.parent_id = c.has_parent ? data_.post_ids[placed.parent] : std::string_view{};
  c.audience_source = placed.audience_source;
  if (data_.details) {
    c.text = data_.details->posts[placed.post].text;
  }
  return c;
}

void DatasetBuilder::assemble(const LoadOptions& options) {
  InputStats& input = data_.input;
  std::erase_if(loose_, [](const Loose& c) { return c.dropped; });  // (a key given again)
  const bool windowed = options.since || options.until;
  input.since = options.since;
  input.until = options.until;
  const bool any_foreign = std::any_of(data_.posts.begin(), data_.posts.end(),
                                       [](const Post& p) { return p.kind == PostKind::foreign; });
  // Comments whose post is in no input, and (shedding) those dropped before their post came.
  std::uint64_t orphans = 0;
  std::uint64_t shed_early = 0;
  for (const auto& [key, n] : shed_orphans_) {
    (find_post(key) == kNone ? orphans : shed_early) += n;
  }
  decltype(shed_orphans_)().swap(shed_orphans_);
  if (shed_early > 0) {
    input.skipped.add(kReadEarly, shed_early);
  }
  const std::size_t joins = loose_.size() + placed_.size();
  if (dropped_count_ == 0 && !windowed && !any_foreign && joins == 0) {
    if (orphans > 0) {
      input.skipped.add(kOrphanComments, orphans);
    }
    return;  // nothing to drop or join: keep the arrays as they are
  }
  // Where each post goes: its new index, kNone when dropped, kLeftOut when counted out.
  std::vector<std::uint32_t> target(data_.posts.size(), kNone);
  std::uint32_t kept = 0;
  for (std::size_t i = 0; i < data_.posts.size(); ++i) {
    const Post& post = data_.posts[i];
    if (dropped_[i] != 0) {
      continue;
    }
    target[i] = kLeftOut;
    if (post.kind != PostKind::foreign) {
      const bool first = kept == 0 && input.filtered_posts == 0;
      input.posts_first = first ? post.created_at : std::min(input.posts_first, post.created_at);
      input.posts_last = first ? post.created_at : std::max(input.posts_last, post.created_at);
    }
    if (post.kind == PostKind::foreign) {
      ++input.foreign_posts;
      input.foreign_comments += post.comment_count;
    } else if ((options.since && post.created_at < *options.since) ||
               (options.until && post.created_at > *options.until)) {
      ++input.filtered_posts;
      input.filtered_comments += post.comment_count;
    } else {
      target[i] = kept++;
    }
  }
  // The joined comments of each kept post, in input order (a counting sort by post).
  std::vector<std::uint32_t> start(kept + 1, 0);
  std::vector<std::uint32_t> home(joins, kNone);
  for (std::size_t k = 0; k < joins; ++k) {
    const std::uint32_t p =
        k < loose_.size() ? find_post(loose_[k].post_key) : placed_[k - loose_.size()].home;
    if (p == kNone) {
      ++orphans;
    } else if (target[p] == kLeftOut) {
      ++(data_.posts[p].kind == PostKind::foreign ? input.foreign_comments
                                                  : input.filtered_comments);
    } else {
      home[k] = target[p];
      ++start[target[p] + 1];
    }
  }
  if (orphans > 0) {
    input.skipped.add(kOrphanComments, orphans);
  }
  post_index_.release();  // every join has its post: room for the new arrays
  for (std::uint32_t i = 0; i < kept; ++i) {
    start[i + 1] += start[i];
  }
  std::vector<std::uint32_t> order(start[kept]);
  {
    std::vector<std::uint32_t> next(start.begin(), start.end() - 1);
    for (std::uint32_t k = 0; k < joins; ++k) {
      if (home[k] != kNone) {
        order[next[home[k]]++] = k;
      }
    }
  }
  decltype(home)().swap(home);  // (room for the arrays below)

  // The kept posts keep their order, so each moves only forward: they are compacted in place,
  // saving fresh memory for a copy of them, unless a status placed as a comment must still be
  // read where it was (join_entry).
  const bool in_place = placed_.empty();
  std::vector<Post> posts;
  std::vector<std::string_view> ids;
  std::vector<Comment> comments;
  DatasetDetails* const details = data_.details.get();
  std::vector<PostDetails> post_details;
  std::vector<CommentDetails> comment_details;
  if (!in_place) {
    posts.reserve(kept);
    ids.reserve(kept);
  }
  comments.reserve(data_.comments.size() + order.size());
  CommentTree tree;
  std::vector<TreeComment> nodes;
  bool replies_collected = false;  // some post got other people's comments from a join
  for (std::size_t i = 0; i < data_.posts.size(); ++i) {
    if (target[i] == kNone || target[i] == kLeftOut) {
      continue;
    }
    Post post = data_.posts[i];
    const std::uint32_t new_index = target[i];
    const auto first = static_cast<std::uint32_t>(comments.size());
    for (std::uint32_t k = 0; k < post.comment_count; ++k) {
      Comment c = data_.comments[post.first_comment + k];
      c.post = new_index;
      if (c.parent != kNone) {
        c.parent = c.parent - post.first_comment + first;
      }
      comments.push_back(c);
      if (details != nullptr) {
        comment_details.push_back(details->comments[post.first_comment + k]);
      }
    }
    const std::span<const std::uint32_t> joined(order.data() + start[new_index],
                                                start[new_index + 1] - start[new_index]);
    if (!joined.empty()) {
      nodes.clear();
      for (const std::uint32_t k : joined) {
        const Loose c = join_entry(k);
        nodes.push_back({c.id, c.parent_id, c.has_parent, c.comment.created_at});
      }
      const std::string_view post_id = data_.post_ids[i];
      tree.build(nodes, post_id, [&](TreeEvent event, std::uint32_t k) {
        const Loose c = join_entry(joined[k]);
        if (event == TreeEvent::duplicate_id) {
          ++input.comments_merged;
        } else if (event == TreeEvent::dangling_parent) {
          input.warnings.add(
              &Warnings::dangling_parents,
              fmt::format("comment \"{}\" names parent \"{}\", which is no comment of post \"{}\"",
                          c.id, c.parent_id, post_id),
              c.at);
        } else {
          input.warnings.add(
              &Warnings::parent_cycles,
              fmt::format("comment parents form a cycle at comment \"{}\" of post \"{}\"", c.id,
                          post_id),
              c.at);
        }
      });
      const auto base = static_cast<std::uint32_t>(comments.size());
      for (std::size_t k = 0; k < tree.kept().size(); ++k) {
        const Loose c = join_entry(joined[tree.kept()[k]]);
        Comment comment = c.comment;
        comment.post = new_index;
        comment.parent = tree.parents()[k] == kNone ? kNone : base + tree.parents()[k];
        comments.push_back(comment);
        if (details != nullptr) {
          comment_details.push_back({c.id, c.text});
        }
        post.comments_known = post.comments_known || c.audience_source;
        replies_collected = replies_collected || c.audience_source;
      }
    }
    post.first_comment = first;
    post.comment_count = static_cast<std::uint32_t>(comments.size()) - first;
    if (in_place) {
      data_.posts[new_index] = post;
      data_.post_ids[new_index] = data_.post_ids[i];
      if (details != nullptr && new_index != i) {
        details->posts[new_index] = std::move(details->posts[i]);
      }
    } else {
      posts.push_back(post);
      ids.push_back(data_.post_ids[i]);
      if (details != nullptr) {
        post_details.push_back(details->posts[i]);
      }
    }
  }
  if (in_place) {
    data_.posts.resize(kept);
    data_.post_ids.resize(kept);
    if (details != nullptr) {
      details->posts.resize(kept);
    }
  } else {
    data_.posts = std::move(posts);
    data_.post_ids = std::move(ids);
    if (details != nullptr) {
      details->posts = std::move(post_details);
    }
  }
  // Where the inputs hold other people's replies, a post the platform counts no replies for
  // has none: zero is then measured, not unknown.
  for (Post& post : data_.posts) {
    if (replies_collected && !post.comments_known && post.has(PostMetric::replies) &&
        post.get(PostMetric::replies) == 0) {
      post.comments_known = true;
    }
  }
  data_.comments = std::move(comments);
  if (details != nullptr) {
    details->comments = std::move(comment_details);
  }
  decltype(loose_)().swap(loose_);
  decltype(placed_)().swap(placed_);
}

}  // namespace ror::ingest
