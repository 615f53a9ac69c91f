// A batch of posts read from one stretch of one input, assembled independently of every other
// batch so that batches can be read in parallel: comment ids deduplicated, parents resolved as
// indices, cycles broken, authors interned locally. DatasetBuilder::merge joins batches in order.
#pragma once

#include <exception>
#include <string>
#include <vector>

#include "ingest/records.hpp"
#include "ror/dataset.hpp"
#include "ror/string_index.hpp"

namespace ror::ingest {

class PostBatch {
 public:
  // A batch of the input named `source` (for warning messages).
  explicit PostBatch(std::string name) : source(std::move(name)) {}

  // Keeps an account object for the merge.
  void add_account(AccountRecord account) { accounts.push_back(std::move(account)); }
  // Assembles one post with its comments.
  void add_post(const PostRecord& record);

  std::string source;
  std::vector<AccountRecord> accounts;
  std::vector<Post> posts;            // author and reply_to index `authors`; first_comment is local
  std::vector<std::string> post_ids;  // parallel to posts
  std::vector<Comment> comments;      // author indexes `authors`; parent is a local index
  AuthorTable authors;                // this batch's names
  Warnings warnings;
  std::uint64_t posts_read = 0;
  std::uint64_t comments_read = 0;
  // Newlines in the block, and the bytes after the last one (all of them when there is none);
  // set by the formats that count lines.
  std::uint64_t newlines = 0;
  std::uint64_t tail_bytes = 0;
  std::exception_ptr error;  // set when reading this batch failed; rethrown by the merge

 private:
  void warn(std::uint64_t Warnings::*counter, const std::string& what);
  std::uint32_t resolve_parents(const PostRecord& post, std::vector<std::uint32_t>& parent);
  void break_cycles(const PostRecord& post, std::vector<std::uint32_t>& parent);

  StringIndex comment_index_;           // scratch, per post: comment id -> position in the record
  std::vector<std::uint32_t> keep_;     // scratch, per post
  std::vector<std::uint32_t> ordinal_;  // scratch, per post
  std::vector<std::uint32_t> parent_;   // scratch, per post
};

}  // namespace ror::ingest
