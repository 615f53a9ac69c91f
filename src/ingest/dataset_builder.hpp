// Turns the records of one or more inputs into a Dataset: interning, duplicate ids, parent links,
// cycles, the account's identity, and the --since/--until window.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "ingest/records.hpp"
#include "ror/dataset.hpp"
#include "ror/ingest.hpp"

namespace ror::ingest {

class DatasetBuilder {
 public:
  // Notes the start of a new input, named as the user named it.
  void begin_source(const std::string& name, const std::string& format, std::uint64_t bytes);
  // Merges an account object; a conflicting followers count is a warning.
  void add_account(const AccountRecord& account);
  // Adds one post with its comments; a post id seen before replaces the earlier post.
  void add_post(const PostRecord& post);
  // Resolves the account, post kinds and the time window; the builder is spent afterwards.
  Dataset finish(const LoadOptions& options);

 private:
  void warn(std::uint64_t& counter, const std::string& what);
  std::uint32_t resolve_parents(const PostRecord& post, std::vector<std::uint32_t>& parent);
  void break_cycles(const PostRecord& post, std::vector<std::uint32_t>& parent);
  void resolve_account(const LoadOptions& options);
  void classify_posts();
  void compact(const LoadOptions& options);

  Dataset data_;
  std::string source_;
  bool have_account_ = false;
  std::vector<std::string> alias_names_;
  std::unordered_map<std::string, std::uint32_t> post_index_;  // post id -> index in data_.posts
  std::vector<std::uint8_t> replaced_;                         // per post: superseded by a later one
  std::unordered_map<std::string_view, std::uint32_t> comment_index_;  // scratch, per post
  std::vector<std::uint32_t> keep_;                                    // scratch, per post
};

}  // namespace ror::ingest
