// A batch of records read from one stretch of one input, assembled independently of every other
// batch so that batches can be read in parallel: nested comment ids deduplicated, parents
// resolved as indices, cycles broken, authors interned locally. DatasetBuilder::merge joins
// batches in order. It is the RecordSink importers write to.
#pragma once

#include <exception>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "ingest/comment_tree.hpp"
#include "ingest/profiles.hpp"
#include "ingest/records.hpp"
#include "ror/dataset.hpp"
#include "ror/keyed_hash.hpp"
#include "ror/string_index.hpp"

namespace ror::ingest {

// A string a batch keeps: offsets into its `strings`.
struct TextRef {
  std::uint32_t offset = 0;
  std::uint32_t size = 0;
};

// A comment apart from its post, as a batch keeps it until the end of the load.
struct LooseRecord {
  Comment comment;  // author indexes the batch's authors; parent and post are set at the join
  TextRef post_id;
  TextRef id;
  TextRef parent_id;
  TextRef text;  // kept with details only
  bool has_parent = false;
  std::uint64_t at = 0;  // where its item starts in the input
};

// A post's details as a batch keeps them (with details only).
struct PostTextRefs {
  TextRef text;
  TextRef url;
  TextRef hashtags;  // one per line
  TextRef mentions;
  bool hashtags_listed = false;
  bool mentions_listed = false;
};

// What a status needs to be placed once the account is known.
struct ThreadRecord {
  std::uint32_t post = 0;  // index in the batch's posts
  TextRef reply_to_post;
  TextRef conversation;
  bool collects_replies = true;  // PostRecord::collects_replies
  bool placed = true;            // PostRecord::threaded: placed as a post or a comment
};

class PostBatch final : public RecordSink {
 public:
  // A batch of the input named `source` (for warning messages); with `details`, it keeps the
  // texts and ids too (LoadOptions::keep_details).
  explicit PostBatch(std::string name, bool details = false, bool excerpts = false)
      : source(std::move(name)), keep_details(details), keep_excerpts(excerpts) {}

  void account(AccountRecord account) override;
  void post(const PostRecord& record) override;
  void comment(const CommentRecord& record) override;
  void skip(std::string_view reason, std::uint64_t n) override;
  void expect_items(std::uint64_t n, std::string_view field) override;
  std::string_view html_text(std::string_view html) override;

  // Notes that a split array's key came again: what the input gave under it so far (in this
  // batch and before it) is superseded.
  void restart();
  // The text of a reference.
  std::string_view text(TextRef ref) const { return {strings.data() + ref.offset, ref.size}; }

  std::string source;
  // Where the item being read starts in the input (bytes from its start), set by the block
  // reader: the place of each warning, post and account record it gives (input order).
  std::uint64_t at = 0;
  bool keep_details = false;
  bool keep_excerpts = false;           // LoadOptions::keep_excerpts
  std::vector<AccountRecord> accounts;  // what the input says of the account
  ProfileTable profiles;                // people's profiles, one per handle
  std::vector<Post> posts;        // author and reply_to index `authors`; first_comment is local
  std::vector<TextRef> post_ids;  // parallel to posts
  std::vector<std::uint64_t> post_at;  // parallel to posts: where each one's item starts
  std::vector<Comment> comments;       // nested comments: author indexes `authors`, parent is local
  std::vector<LooseRecord> loose;
  std::vector<ThreadRecord> threads;
  std::vector<PostTextRefs> post_details;  // parallel to posts, with details only
  std::vector<TextRef> comment_ids;        // parallel to comments, with details only
  std::vector<TextRef> comment_texts;      // parallel to comments, with details only
  // {first words, link} of each post, parallel to posts, with excerpts only.
  std::vector<std::pair<TextRef, TextRef>> excerpts;
  std::string strings;  // the text of every TextRef
  AuthorTable authors;  // this batch's names
  Warnings warnings;
  Skips skipped;
  std::optional<std::pair<std::uint64_t, std::string>> expected;  // items the input says it has
  std::uint64_t elements = 0;  // items read that were elements of a split array
  // Set by restart(): the posts and loose comments of this batch before it are superseded.
  std::optional<std::pair<std::size_t, std::size_t>> restart_at;
  std::uint64_t restart_elements = 0;  // `elements` when restart() was called
  std::uint64_t restart_place = 0;     // `at` when restart() was called
  std::uint64_t posts_read = 0;
  std::uint64_t comments_read = 0;
  // Newlines in the block, and the bytes after the last one (all of them when there is none);
  // set when the block is read as lines.
  std::uint64_t newlines = 0;
  std::uint64_t tail_bytes = 0;
  std::exception_ptr error;  // set when reading this batch failed; rethrown by the merge

 private:
  TextRef keep(std::string_view text);
  TextRef keep_lines(const std::vector<std::string_view>& lines);
  std::uint32_t count_tags(const std::vector<std::string_view>& listed, bool is_listed,
                           std::string_view text, char sigil);

  // A repair the comment tree made, about comment `comment` of the post.
  struct Repair {
    std::uint32_t comment = 0;
    std::uint64_t Warnings::*counter = nullptr;
    std::string what;
  };
  std::vector<Repair> repairs_;  // scratch, per post
  CommentTree tree_;             // scratch, per post
  // The stand-in posts of this batch, by id: one per id, at the earliest time given.
  std::unordered_map<std::string, std::uint32_t, KeyedStringHash> stand_ins_;
  std::vector<TreeComment> nodes_;      // scratch, per post
  std::string html_;                    // scratch for html_text
  std::vector<std::string_view> tags_;  // scratch for counting tags
};

}  // namespace ror::ingest
