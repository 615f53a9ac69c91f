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
#include "ingest/framing.hpp"
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

// A skip counted once per key over the load (RecordSink::skip_once).
struct KeyedSkip {
  std::string_view reason;  // static storage
  TextRef key;
  std::uint64_t n = 0;
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

// Where what came under a document's top-level key starts or ends (ItemKind::open, close and
// repeat): the batch's records before the mark, and its elements.
struct KeyMark {
  ItemKind kind = ItemKind::open;
  std::size_t slot = 0;   // open, close: the split key's slot in the framing
  bool repeated = false;  // open: the key was given before; repeat: always
  std::string key;        // repeat: the member's key
  std::size_t posts = 0;
  std::size_t loose = 0;
  std::size_t accounts = 0;
  std::uint64_t elements = 0;
};

// The values of `metrics` that `known` marks, in PostMetric order, stored in `arena` (what
// Post::values points to).
const std::int64_t* store_metrics(const std::array<std::int64_t, kPostMetricCount>& metrics,
                                  std::uint16_t known, ValueArena& arena);

class PostBatch final : public RecordSink {
 public:
  // A batch of the input named `source` (for warning messages); with `details`, it keeps the
  // texts and ids too (LoadOptions::keep_details).
  explicit PostBatch(std::string name, bool details = false, bool excerpts = false)
      : source(std::move(name)), keep_details(details), keep_excerpts(excerpts) {}

  void account(const AccountRecord& account) override;
  void post(const PostRecord& record) override;
  void comment(const CommentRecord& record) override;
  void skip(std::string_view reason, std::uint64_t n) override;
  void skip_once(std::string_view reason, std::string_view key, std::uint64_t n) override;
  void expect_items(std::uint64_t n, std::string_view field) override;
  std::string_view html_text(std::string_view html) override;
  void reading_at(std::uint64_t offset) override { at = text_start + offset; }
  void gone(std::string_view id, std::string_view parent) override;

  // Notes a mark of the framing (at `at`): what came under a key given again is dropped when
  // the batch is merged.
  void mark(const Item& item);
  // A key given twice in one object, at JSON Pointer `pointer`: counted (the last one is used).
  // `line`: the item's line within the block, when the block is read as lines (the line the
  // message names is known at the merge: settle_line).
  void repeated_key(std::string_view key, const std::string& pointer,
                    std::optional<std::uint64_t> line = std::nullopt);
  // `n` invalid UTF-8 sequences replaced by U+FFFD in the item at `pointer` (`line` as for
  // repeated_key), or, for a text input, the first of them at `place` ("file:line:column").
  void invalid_utf8(std::uint64_t n, const std::string& pointer,
                    std::optional<std::uint64_t> line = std::nullopt);
  void invalid_utf8_text(std::uint64_t n, std::string_view place);
  // The block's first line is `first_line`: completes the first warning's line, if it needs one.
  void settle_line(std::uint64_t first_line);
  // The text of a reference.
  std::string_view text(TextRef ref) const { return {strings.data() + ref.offset, ref.size}; }

  std::string source;
  // Where the item being read starts in the input (bytes from its start), set by the block
  // reader: the place of each warning, post and account record it gives (input order); and the
  // document's top-level key it is the member of ("" for any other item).
  std::uint64_t at = 0;
  std::uint64_t text_start = 0;  // a text input's block: where it starts in the input
  std::string member;
  bool keep_details = false;
  bool keep_excerpts = false;           // LoadOptions::keep_excerpts
  std::vector<AccountRecord> accounts;  // what the input says of the account
  ProfileTable profiles;                // people's profiles, one per handle
  // A profile naming only a handle was given (an item's author, Hacker News): not kept, as the
  // author table holds the handle (DatasetBuilder::apply_profiles).
  bool bare_profiles = false;
  std::vector<Post> posts;  // author and reply_to index `authors`; first_comment is local;
                            // platform is 0 (the input's) or 1 + an index in `platforms`
  std::vector<std::string> platforms;  // the platforms posts name (PostRecord::platform)
  ValueArena metric_values;       // what the posts' values point to, until the merge copies them
  std::vector<TextRef> post_ids;  // parallel to posts
  // Parallel to posts: PostIndex::tag_of of each post's key (its platform, or input_platform,
  // and its id), hashed here so that the parsing threads do it, not the merge.
  std::vector<std::uint32_t> post_tags;
  std::string_view input_platform;  // the platform of the input's posts that name none
  // Parallel to posts once one of them has a RepeatRule other than duplicate (else empty); and
  // the skip reason of the same_text ones.
  std::vector<RepeatRule> post_repeats;
  std::string_view repeat_reason;
  std::vector<std::uint64_t> post_at;  // parallel to posts: where each one's item starts
  std::vector<Comment> comments;       // nested comments: author indexes `authors`, parent is local
  std::vector<LooseRecord> loose;
  std::vector<ThreadRecord> threads;
  // {id, parent} of each status named gone (RecordSink::gone).
  std::vector<std::pair<TextRef, TextRef>> gone_statuses;
  std::vector<PostTextRefs> post_details;  // parallel to posts, with details only
  std::vector<TextRef> comment_ids;        // parallel to comments, with details only
  std::vector<TextRef> comment_texts;      // parallel to comments, with details only
  // {first words, link} of each post, parallel to posts, with excerpts only.
  std::vector<std::pair<TextRef, TextRef>> excerpts;
  std::string strings;  // the text of every TextRef
  AuthorTable authors;  // this batch's names
  Warnings warnings;
  Skips skipped;
  std::vector<KeyedSkip> skipped_once;  // counted by the merge, the first time each key comes
  std::optional<std::pair<std::uint64_t, std::string>> expected;  // items the input says it has
  std::uint64_t elements = 0;  // items read that were elements of a split array
  std::vector<KeyMark> marks;  // in input order
  // Set when the first warning is a repeated key of a line: that line within the block.
  std::optional<std::uint64_t> first_line_pending;
  std::uint64_t posts_read = 0;
  std::uint64_t comments_read = 0;
  // Newlines in the block, and the bytes after the last one (all of them when there is none);
  // set when the block is read as lines.
  std::uint64_t newlines = 0;
  std::uint64_t tail_bytes = 0;
  std::exception_ptr error;  // set when reading this batch failed; rethrown by the merge

 private:
  // Counts `n` warnings of `counter` saying `what`, placed as repeated_key says.
  void placed_warning(std::uint64_t Warnings::*counter, std::uint64_t n, const std::string& what,
                      std::optional<std::uint64_t> line);
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
  std::string key_;                     // scratch for a post's key
  std::vector<std::string_view> tags_;  // scratch for counting tags
};

}  // namespace ror::ingest
