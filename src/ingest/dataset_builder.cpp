#include "ingest/dataset_builder.hpp"

#include <algorithm>
#include <array>
#include <map>

#include <fmt/format.h>

#include "ror/text.hpp"

namespace ror::ingest {

void DatasetBuilder::begin_source(const std::string& name, const std::string& format,
                                  std::uint64_t bytes) {
  data_.input.files.push_back(name);
  data_.input.formats.push_back(format);
  data_.input.bytes += bytes;
}

void DatasetBuilder::add_account(const AccountRecord& account, const std::string& source) {
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
    data_.input.warnings.add(&Warnings::account_conflicts,
                             fmt::format("account followers {} conflict with {} given earlier ({})",
                                         *account.followers, *mine.followers, source));
  }
  if (!mine.followers) {
    mine.followers = account.followers;
  }
  for (auto [field, value] : {std::pair{&mine.id, &account.id},
                              {&mine.handle, &account.handle},
                              {&mine.platform, &account.platform}}) {
    if (field->empty()) {
      *field = *value;
    }
  }
}

void DatasetBuilder::reserve_for(const PostBatch& batch) {
  // Grow by half again at least, so that appending batches copies each record a few times only.
  const auto grow = [](auto& v, std::size_t more) {
    if (v.size() + more > v.capacity()) {
      v.reserve(std::max(v.size() + more, v.capacity() + v.capacity() / 2));
    }
  };
  grow(data_.posts, batch.posts.size());
  grow(data_.post_ids, batch.posts.size());
  grow(replaced_, batch.posts.size());
  if (planned_) {
    grow(data_.comments, batch.comments.size());
  }
}

void DatasetBuilder::flush_comment_chunks(std::size_t capacity) {
  data_.comments.reserve(std::max(capacity, comment_count_));
  for (auto& chunk : comment_chunks_) {
    data_.comments.insert(data_.comments.end(), chunk.begin(), chunk.end());
    decltype(comment_chunks_)::value_type().swap(chunk);  // freed as it is copied
  }
  comment_chunks_.clear();
}

void DatasetBuilder::plan(std::uint64_t bytes_done, std::uint64_t bytes_total) {
  if (planned_ || bytes_done == 0 || bytes_total <= bytes_done) {
    return;
  }
  planned_ = true;
  const double scale = 1.05 * static_cast<double>(bytes_total) / static_cast<double>(bytes_done);
  const auto projected = [&](std::size_t n) {
    return static_cast<std::size_t>(static_cast<double>(n) * scale) + 1024;
  };
  flush_comment_chunks(projected(comment_count_));
  data_.posts.reserve(projected(data_.posts.size()));
  data_.post_ids.reserve(projected(data_.post_ids.size()));
  replaced_.reserve(projected(replaced_.size()));
}

void DatasetBuilder::merge(PostBatch&& batch) {
  if (batch.error) {
    std::rethrow_exception(batch.error);
  }
  InputStats& input = data_.input;
  input.posts_read += batch.posts_read;
  input.comments_read += batch.comments_read;
  input.warnings.merge(batch.warnings);
  for (const AccountRecord& account : batch.accounts) {
    add_account(account, batch.source);
  }
  data_.authors.intern_all(batch.authors, author_map_);
  const auto map_author = [&](AuthorId id) { return id == kNone ? kNone : author_map_[id]; };
  const auto offset = static_cast<std::uint32_t>(comment_count_);
  reserve_for(batch);
  for (std::size_t i = 0; i < batch.posts.size(); ++i) {
    const auto index = static_cast<std::uint32_t>(data_.posts.size());
    const std::string_view id = data_.id_bytes.store(batch.post_ids[i]);
    auto [slot, inserted] = post_index_.try_emplace(id, index);
    if (!inserted) {
      input.warnings.add(
          &Warnings::duplicate_post_ids,
          fmt::format("duplicate post id \"{}\"; the later post is kept ({})", id, batch.source));
      replaced_[*slot] = 1;
      *slot = index;
      ++replaced_count_;
    }
    replaced_.push_back(0);
    Post post = batch.posts[i];
    post.author = map_author(post.author);
    post.reply_to = map_author(post.reply_to);
    post.first_comment += offset;
    data_.posts.push_back(post);
    data_.post_ids.push_back(id);
  }
  // Until the input's size is known, comments wait in chunks: growing one array without knowing
  // its final size would hold the old and the new copy at once.
  const auto append = [&](auto& out) {
    for (Comment c : batch.comments) {
      c.author = author_map_[c.author];
      c.parent = c.parent == kNone ? kNone : c.parent + offset;
      c.post += static_cast<std::uint32_t>(data_.posts.size() - batch.posts.size());
      out.push_back(c);
    }
  };
  if (planned_) {
    append(data_.comments);  // reserve_for made room
  } else {
    auto& chunk = comment_chunks_.emplace_back();
    chunk.reserve(batch.comments.size());
    append(chunk);
  }
  comment_count_ += batch.comments.size();
}

void DatasetBuilder::resolve_account(const LoadOptions& options) {
  Account& account = data_.account;
  std::vector<std::string> names;
  for (const auto* list :
       std::array<const std::vector<std::string>*, 2>{&alias_names_, &options.accounts}) {
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
    const auto best = std::max_element(counts.begin(), counts.end(),
                                       [](auto& a, auto& b) { return a.second < b.second; });
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
  const bool all_kept = replaced_count_ == 0 && !options.since && !options.until &&
                        std::none_of(data_.posts.begin(), data_.posts.end(),
                                     [](const Post& p) { return p.kind == PostKind::foreign; });
  if (all_kept) {
    return;  // nothing to drop: keep the arrays as they are
  }
  std::vector<Post> posts;
  std::vector<std::string_view> ids;
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
    ids.push_back(data_.post_ids[i]);
  }
  data_.posts = std::move(posts);
  data_.post_ids = std::move(ids);
  data_.comments = std::move(comments);
}

Dataset DatasetBuilder::finish(const LoadOptions& options) {
  flush_comment_chunks(comment_count_);
  resolve_account(options);
  classify_posts();
  compact(options);
  data_.authors.seal();
  post_index_ = StringIndex{};
  return std::move(data_);
}

}  // namespace ror::ingest
