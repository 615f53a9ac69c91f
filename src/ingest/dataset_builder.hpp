// Turns the records of one or more inputs into a Dataset: interning, duplicate ids, parent links,
// cycles, the account's identity, and the --since/--until window.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "ingest/post_batch.hpp"
#include "ingest/records.hpp"
#include "ror/dataset.hpp"
#include "ror/ingest.hpp"
#include "ror/string_index.hpp"

namespace ror::ingest {

class DatasetBuilder {
 public:
  // Notes the start of a new input, named as the user named it.
  void begin_source(const std::string& name, const std::string& format, std::uint64_t bytes);
  // Joins a batch (batches must come in input order): its accounts, then its posts, where a post
  // id seen before replaces the earlier post. Rethrows the batch's error, if it has one.
  void merge(PostBatch&& batch);
  // Reserves room for the whole input from what the first part of it held, so that the arrays
  // are not copied as they grow (which would double their peak memory).
  void plan(std::uint64_t bytes_done, std::uint64_t bytes_total);
  // The authors known so far, for batches to look up while they are read.
  const AuthorTable& authors() const { return data_.authors; }
  // Resolves the account, post kinds and the time window; the builder is spent afterwards.
  Dataset finish(const LoadOptions& options);

 private:
  void add_account(const AccountRecord& account, const std::string& source);
  void reserve_for(const PostBatch& batch);
  void resolve_account(const LoadOptions& options);
  void classify_posts();
  void compact(const LoadOptions& options);

  Dataset data_;
  bool have_account_ = false;
  std::vector<std::string> alias_names_;
  StringIndex post_index_;              // post id -> index in data_.posts
  std::vector<std::uint8_t> replaced_;  // per post: superseded by a later one
  std::size_t replaced_count_ = 0;
  bool planned_ = false;
  std::vector<AuthorId> author_map_;  // scratch: batch author id -> dataset author id
};

}  // namespace ror::ingest
