// Turns the records of one or more inputs into a Dataset: interning, duplicate ids, parent links,
// cycles, the account's identity, and the --since/--until window.
#pragma once

#include <new>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include <sys/mman.h>

#include "ingest/post_batch.hpp"
#include "ingest/records.hpp"
#include "ror/dataset.hpp"
#include "ror/ingest.hpp"
#include "ror/string_index.hpp"

namespace ror::ingest {

// An allocator that takes memory straight from the system (mmap) and gives it back on
// deallocation, so that a freed chunk leaves the process's resident memory at once (the heap
// would keep it).
template <typename T>
struct SystemAllocator {
  using value_type = T;
  SystemAllocator() = default;
  template <typename U>
  explicit SystemAllocator(const SystemAllocator<U>& /*other*/) {}
  T* allocate(std::size_t n) {
    void* p =
        ::mmap(nullptr, n * sizeof(T), PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) {
      throw std::bad_alloc();
    }
    return static_cast<T*>(p);
  }
  void deallocate(T* p, std::size_t n) { ::munmap(p, n * sizeof(T)); }
  template <typename U>
  bool operator==(const SystemAllocator<U>& /*other*/) const {
    return true;
  }
};

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
  // Resolves the account, post kinds and the time window; the builder is spent afterwards.
  Dataset finish(const LoadOptions& options);

 private:
  void add_account(const AccountRecord& account, const std::string& source);
  void reserve_for(const PostBatch& batch);
  // Moves the chunked comments into the dataset's array, reserved for `capacity` comments.
  void flush_comment_chunks(std::size_t capacity);
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
  // Comments merged before plan(), in order.
  std::vector<std::vector<Comment, SystemAllocator<Comment>>> comment_chunks_;
  std::size_t comment_count_ = 0;     // merged so far, chunks included
  std::vector<AuthorId> author_map_;  // scratch: batch author id -> dataset author id
};

}  // namespace ror::ingest
