#include "ingest/dataset_builder.hpp"

#include <algorithm>
#include <array>
#include <map>

#include <fmt/format.h>

#include "ror/text.hpp"

namespace ror::ingest {

void DatasetBuilder::begin_source(const std::string& name, const std::string& format,
                                  std::uint64_t bytes) {
  source_ = name;
  data_.input.files.push_back(name);
  data_.input.formats.push_back(format);
  data_.input.bytes += bytes;
}

void DatasetBuilder::warn(std::uint64_t& counter, const std::string& what) {
  ++counter;
  // The smallest message rather than the first seen, so that input order cannot change it.
  std::string message = fmt::format("{} ({})", what, source_);
  std::string& shown = data_.input.warnings.first;
  if (shown.empty() || message < shown) {
    shown = std::move(message);
  }
}

void DatasetBuilder::add_account(const AccountRecord& account) {
  Account& mine = data_.account;
  for (const std::string* name : {&account.id, &account.handle}) {
    if (!name->empty()) {
      alias_names_.push_back(*name);
    }
  }
  alias_names_.insert(alias_names_.end(), account.aliases.begin(), account.aliases.end());
  if (!have_account_) {
    mine.id = account.id;
    mine.handle = account.handle;
    mine.platform = account.platform;
    mine.followers = account.followers;
    have_account_ = true;
    return;
  }
  if (account.followers && mine.followers && *account.followers != *mine.followers) {
    warn(data_.input.warnings.account_conflicts,
         fmt::format("account followers {} conflict with {} given earlier", *account.followers,
                     *mine.followers));
  }
  if (!mine.followers) {
    mine.followers = account.followers;
  }
  for (auto [field, value] : {std::pair{&mine.id, &account.id}, {&mine.handle, &account.handle},
                              {&mine.platform, &account.platform}}) {
    if (field->empty()) {
      *field = *value;
    }
  }
}

std::uint32_t DatasetBuilder::resolve_parents(const PostRecord& post,
                                              std::vector<std::uint32_t>& parent) {
  // Later comments with the same id replace earlier ones: keep_ lists the survivors in order.
  comment_index_.clear();
  for (std::uint32_t i = 0; i < post.comments.size(); ++i) {
    auto [it, inserted] = comment_index_.try_emplace(post.comments[i].id, i);
    if (!inserted) {
      warn(data_.input.warnings.duplicate_comment_ids,
           fmt::format("duplicate comment id \"{}\" in post \"{}\"", post.comments[i].id, post.id));
      it->second = i;
    }
  }
  keep_.clear();
  std::vector<std::uint32_t> ordinal(post.comments.size(), kNone);
  for (std::uint32_t i = 0; i < post.comments.size(); ++i) {
    if (comment_index_[post.comments[i].id] == i) {
      ordinal[i] = static_cast<std::uint32_t>(keep_.size());
      keep_.push_back(i);
    }
  }
  parent.assign(keep_.size(), kNone);
  for (std::uint32_t k = 0; k < keep_.size(); ++k) {
    const CommentRecord& c = post.comments[keep_[k]];
    if (!c.has_parent || c.parent_id == post.id) {
      continue;
    }
    const auto it = comment_index_.find(c.parent_id);
    if (it == comment_index_.end()) {
      warn(data_.input.warnings.dangling_parents,
           fmt::format("comment \"{}\" names parent \"{}\", which is no comment of post \"{}\"",
                       c.id, c.parent_id, post.id));
      continue;
    }
    parent[k] = ordinal[it->second];
  }
  return static_cast<std::uint32_t>(keep_.size());
}

void DatasetBuilder::break_cycles(const PostRecord& post, std::vector<std::uint32_t>& parent) {
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
      warn(data_.input.warnings.parent_cycles,
           fmt::format("comment parents form a cycle at comment \"{}\" of post \"{}\"",
                       post.comments[keep_[*earliest]].id, post.id));
      parent[*earliest] = kNone;
    }
    for (const std::uint32_t n : path) {
      state[n] = done;
    }
  }
}

void DatasetBuilder::add_post(const PostRecord& record) {
  InputStats& input = data_.input;
  ++input.posts_read;
  input.comments_read += record.comments.size();

  std::vector<std::uint32_t> parent;
  const std::uint32_t count = resolve_parents(record, parent);
  break_cycles(record, parent);

  const auto index = static_cast<std::uint32_t>(data_.posts.size());
  auto [it, inserted] = post_index_.try_emplace(std::string(record.id), index);
  if (!inserted) {
    warn(input.warnings.duplicate_post_ids,
         fmt::format("duplicate post id \"{}\"; the later post is kept", record.id));
    replaced_[it->second] = 1;
    it->second = index;
  }
  replaced_.push_back(0);
  data_.post_ids.emplace_back(record.id);

  Post post;
  post.created_at = record.created_at;
  post.norm_hash = record.text.norm_hash;
  post.metrics = record.metrics;
  post.known = record.known;
  post.first_comment = static_cast<std::uint32_t>(data_.comments.size());
  post.comment_count = count;
  post.author = record.has_author ? data_.authors.intern(record.author) : kNone;
  post.reply_to = record.has_reply_to ? data_.authors.intern(record.reply_to_author) : kNone;
  post.hashtags = static_cast<std::uint16_t>(std::min<std::uint32_t>(record.hashtags, 0xffff));
  post.mentions = static_cast<std::uint16_t>(std::min<std::uint32_t>(record.mentions, 0xffff));
  data_.posts.push_back(post);

  for (std::uint32_t k = 0; k < count; ++k) {
    const CommentRecord& c = record.comments[keep_[k]];
    Comment comment;
    comment.created_at = c.created_at;
    comment.norm_hash = c.text.norm_hash;
    comment.words = c.text.words;
    comment.author = data_.authors.intern(c.author);
    comment.parent = parent[k] == kNone ? kNone : post.first_comment + parent[k];
    comment.post = index;
    data_.comments.push_back(comment);
  }
}

void DatasetBuilder::resolve_account(const LoadOptions& options) {
  Account& account = data_.account;
  std::vector<std::string> names;
  for (const auto* list : std::array<const std::vector<std::string>*, 2>{&alias_names_, &options.accounts}) {
    for (const std::string& name : *list) {
      std::string normalised = normalize_name(name);
      if (!normalised.empty()) {
        names.push_back(std::move(normalised));
      }
    }
  }
  if (names.empty()) {
    // Nobody named the account: take the most frequent post author (ties: the smallest name).
    std::map<std::string, std::uint64_t> counts;
    for (std::size_t i = 0; i < data_.posts.size(); ++i) {
      if (!replaced_[i] && data_.posts[i].author != kNone) {
        ++counts[normalize_name(data_.authors.name(data_.posts[i].author))];
      }
    }
    const auto best = std::max_element(counts.begin(), counts.end(), [](auto& a, auto& b) {
      return a.second < b.second;
    });
    if (best != counts.end()) {
      names.push_back(best->first);
      account.inferred = true;
    }
  }
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  account.names = names;
  data_.authors.mark_account(names);
}

void DatasetBuilder::classify_posts() {
  for (Post& post : data_.posts) {
    if (post.author != kNone && !data_.authors.is_account(post.author)) {
      post.kind = PostKind::foreign;
    } else if (post.reply_to != kNone && !data_.authors.is_account(post.reply_to)) {
      post.kind = PostKind::outreach;
    } else {
      post.kind = PostKind::original;
    }
  }
}

void DatasetBuilder::compact(const LoadOptions& options) {
  InputStats& input = data_.input;
  std::vector<Post> posts;
  std::vector<std::string> ids;
  std::vector<Comment> comments;
  for (std::size_t i = 0; i < data_.posts.size(); ++i) {
    Post post = data_.posts[i];
    if (replaced_[i]) {
      continue;
    }
    if (post.kind == PostKind::foreign) {
      ++input.foreign_posts;
      input.foreign_comments += post.comment_count;
      continue;
    }
    if ((options.since && post.created_at < *options.since) ||
        (options.until && post.created_at > *options.until)) {
      ++input.filtered_posts;
      input.filtered_comments += post.comment_count;
      continue;
    }
    const auto new_index = static_cast<std::uint32_t>(posts.size());
    const auto new_first = static_cast<std::uint32_t>(comments.size());
    for (std::uint32_t k = 0; k < post.comment_count; ++k) {
      Comment c = data_.comments[post.first_comment + k];
      c.post = new_index;
      if (c.parent != kNone) {
        c.parent = c.parent - post.first_comment + new_first;
      }
      comments.push_back(c);
    }
    post.first_comment = new_first;
    posts.push_back(post);
    ids.push_back(std::move(data_.post_ids[i]));
  }
  data_.posts = std::move(posts);
  data_.post_ids = std::move(ids);
  data_.comments = std::move(comments);
}

Dataset DatasetBuilder::finish(const LoadOptions& options) {
  resolve_account(options);
  classify_posts();
  compact(options);
  return std::move(data_);
}

}  // namespace ror::ingest
