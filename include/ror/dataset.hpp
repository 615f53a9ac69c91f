// The compact dataset every metric reads: interned authors, UTC times in milliseconds, parent links
// as indices, word counts and text hashes. Built by ingest, never by hand outside tests.
#pragma once

#include <array>
#include <bit>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "ror/string_index.hpp"
#include "ror/time.hpp"

namespace ror {

using AuthorId = std::uint32_t;
// "No such index": a post without author, a top-level comment, a post that answers nobody.
inline constexpr std::uint32_t kNone = 0xffffffffU;

// The per-post counts a platform reports, in the order of the ROI metrics that sum them. This
// table is the one list: the ror/v1 field names, the bit of Post::known and the ROI sum metric of
// each count all derive from it.
enum class PostMetric : std::uint8_t {
  impressions,
  reach,
  views,
  likes,
  shares,
  saves,
  clicks,
  conversions,
  quotes,
  bookmarks,
  replies,  // the platform's own count of replies, whether or not the export holds them
};
inline constexpr std::size_t kPostMetricCount = 11;
inline constexpr std::array<std::string_view, kPostMetricCount> kPostMetricNames = {
    "impressions", "reach",       "views",  "likes",     "shares", "saves",
    "clicks",      "conversions", "quotes", "bookmarks", "replies"};
static_assert(static_cast<std::size_t>(PostMetric::replies) + 1 == kPostMetricCount);

// Whose post it is: the account's own (original), the account answering someone (outreach), or
// someone else's (foreign: kept out of every metric and counted in the input accounting).
enum class PostKind : std::uint8_t { original, outreach, foreign };

// One post, as the metrics need it.
struct Post {
  TimeMs created_at = 0;
  std::uint64_t norm_hash = 0;  // normalised text hash, 0 when empty
  // The metrics it carries, one value for each bit of `known` in PostMetric order, in a
  // ValueArena of the dataset (of the batch while it loads); null when it carries none.
  const std::int64_t* values = nullptr;
  std::uint32_t first_comment = 0;  // index of its first comment in Dataset::comments
  std::uint32_t comment_count = 0;
  AuthorId author = kNone;     // kNone: no author given, so the account's
  AuthorId reply_to = kNone;   // in_reply_to.author, kNone when not a reply
  std::uint32_t words = 0;     // words of its text
  std::uint16_t hashtags = 0;  // distinct hashtags
  std::uint16_t mentions = 0;  // distinct mentions
  std::uint16_t known = 0;     // bit i set: metrics[i] was given
  PostKind kind = PostKind::original;
  std::uint8_t platform = 0;  // index in Dataset::platforms: the namespace of its id
  // Whether the export holds the comments other people wrote under this post. When it does not
  // (an X archive, a Mastodon outbox), every metric that needs them is unknown, not 0.
  bool comments_known = true;
  // A post the inputs do not hold, made to carry comments that name it (a YouTube video seen
  // only through its comments): a copy of the post itself, from any input, takes its place.
  bool stand_in = false;
  // An original post that continues a self-thread: it answers the account itself (a post of the
  // account in the data, or the account by name). Read with the post it continues, it is one
  // piece of writing: never a burst of its own (docs/metrics.md, "Self-threads").
  bool continues_thread = false;
  // While loading: an account's comment under a post known only by its owner (reply_to); see
  // ingest::PostRecord::under_owner_post.
  bool under_owner_post = false;

  // Whether the post carries metric m.
  bool has(PostMetric m) const noexcept { return (known >> static_cast<unsigned>(m)) & 1U; }
  // The value of metric m (0 when not carried).
  std::int64_t get(PostMetric m) const noexcept {
    const unsigned bit = static_cast<unsigned>(m);
    return (known >> bit) & 1U
               ? values[std::popcount(static_cast<unsigned>(known) & ((1U << bit) - 1))]
               : 0;
  }
  // How many metrics it carries (the values it points to).
  std::size_t carried() const noexcept { return static_cast<std::size_t>(std::popcount(known)); }
};

// Copies of metric values in chunks that never move, so that pointers to them stay valid: the
// values of the posts that carry any (most posts carry a few of the eleven, many none).
class ValueArena {
 public:
  // A lasting copy of values[0, n), or null when n is 0.
  const std::int64_t* store(const std::int64_t* values, std::size_t n);
  // Bytes held.
  std::size_t memory_bytes() const { return held_; }

 private:
  std::vector<std::unique_ptr<std::int64_t[]>> chunks_;
  std::size_t used_ = 0;  // of the current chunk, in values
  std::size_t size_ = 0;
  std::size_t held_ = 0;
};

// One comment: 32 bytes whatever the length of its text.
struct Comment {
  TimeMs created_at = 0;
  std::uint64_t norm_hash = 0;  // normalised text hash, 0 when empty
  AuthorId author = kNone;
  std::uint32_t parent = kNone;  // index in Dataset::comments, kNone when top-level
  std::uint32_t post = 0;        // index in Dataset::posts
  std::uint32_t words = 0;
};

// Copies of strings in chunks that never move, so views of them stay valid.
class StringArena {
 public:
  // A lasting copy of text.
  std::string_view store(std::string_view text);
  // A lasting copy of a + separator + b (no separator when it is '\0').
  std::string_view store_joined(std::string_view a, char separator, std::string_view b);
  // Bytes held.
  std::size_t memory_bytes() const { return held_; }

 private:
  // `size` bytes of room, from the current chunk or a new one.
  char* room(std::size_t size);

  std::vector<std::unique_ptr<char[]>> chunks_;
  std::size_t used_ = 0;  // of the current chunk
  std::size_t size_ = 0;  // of the current chunk
  std::size_t held_ = 0;  // of all chunks
};

// Between a platform and a name in a qualified author key ("mastodon\x1fbob").
inline constexpr char kQualifierSeparator = '\x1f';

// Interned author names; each id also knows whether that name is the account's. A name may be
// interned within a platform (its qualifier): "bob" on X and "bob" on Mastodon are two people.
class AuthorTable {
 public:
  // The id of name, adding it when new.
  AuthorId intern(std::string_view name);
  // The id of name within a platform ("" for none), adding it when new.
  AuthorId intern(std::string_view name, std::string_view qualifier);
  // Interns every name of `other` within a platform (`qualifier`; "" for the platform `other`
  // gives each name, if any): ids[i] is the id here of other's name i.
  void intern_all(const AuthorTable& other, std::vector<AuthorId>& ids,
                  std::string_view qualifier = {});
  // The name behind id.
  std::string_view name(AuthorId id) const { return names_[id]; }
  // The platform a name was interned within ("" for none).
  std::string_view qualifier(AuthorId id) const {
    const std::size_t n = qualifier_size_[id];
    return n == 0 ? std::string_view{} : std::string_view(names_[id].data() - n - 1, n);
  }
  // Whether id is one of the account's names (set by mark_account).
  bool is_account(AuthorId id) const {
    return id != kNone && id / 64 < account_.size() && ((account_[id / 64] >> (id % 64)) & 1U) != 0;
  }
  // Whether id stands for no one person: a name a platform writes for a deleted or removed
  // account ("[deleted]", "[removed]"). Such comments count as comments, never as one audience
  // member (set by mark_account).
  bool is_anonymous(AuthorId id) const {
    return id != kNone && id / 64 < anonymous_.size() &&
           ((anonymous_[id / 64] >> (id % 64)) & 1U) != 0;
  }
  // Whether a name stands for no one person (see is_anonymous).
  static bool anonymous_name(std::string_view name);
  // Frees the lookup index once no more names will be added (intern must not be called again).
  void seal() { index_ = StringIndex{}; }
  // Marks every author whose normalised name is in `normalised_names` as the account, and every
  // anonymous name (is_anonymous). A name written "platform\x1fname" marks that name within that
  // platform only; a name without a platform marks it within every platform.
  void mark_account(const std::vector<std::string>& normalised_names);
  // Whether mark_account(normalised_names) would mark id as the account.
  bool names_account(AuthorId id, const std::vector<std::string>& normalised_names) const;
  // Number of distinct names.
  std::size_t size() const { return names_.size(); }
  // Bytes held: names, their index and flags.
  std::size_t memory_bytes() const {
    return bytes_.memory_bytes() + names_.capacity() * sizeof(std::string_view) +
           qualifier_size_.capacity() +
           (account_.capacity() + anonymous_.capacity()) * sizeof(std::uint64_t) +
           index_.memory_bytes();
  }

 private:
  StringArena bytes_;
  std::vector<std::string_view> names_;
  // Per name, the length of its qualifier: stored as "qualifier\x1fname", the name's view is the
  // part after the separator.
  std::vector<std::uint8_t> qualifier_size_;
  std::vector<std::uint64_t> account_;    // a bit per name, set by mark_account: small enough
                                          // to stay in cache when every comment is checked
  std::vector<std::uint64_t> anonymous_;  // a bit per name, set by mark_account
  StringIndex index_;
  std::vector<std::uint64_t> hashes_;   // scratch for intern_all
  std::vector<std::string_view> keys_;  // scratch for intern_all

  AuthorId intern_key(std::string_view key, std::size_t qualifier_size, std::uint64_t hash);
  std::string scratch_;  // a qualified key being built
};

// Who the account is, merged from the inputs and --account.
struct Account {
  std::string id;
  std::string handle;
  std::string platform;
  std::optional<std::int64_t> followers;
  std::vector<std::string> names;  // normalised names that identify the account
  // The account on further platforms, when the inputs come from several: {platform, handle}.
  std::vector<std::pair<std::string, std::string>> others;
  bool inferred = false;  // no name was given: the most frequent post author was taken
  // ...or, when inferred, the author of each thread's first post (the inputs are threads).
  bool thread_authors = false;
  // The platforms whose account no input named, with the name taken for it ({platform, name}):
  // a thread's first author, else the most frequent post author.
  std::vector<std::pair<std::string, std::string>> guessed;
};

// Data problems that were survived, each counted; --strict turns any of them into an error.
struct Warnings {
  std::uint64_t duplicate_post_ids = 0;
  std::uint64_t duplicate_comment_ids = 0;
  std::uint64_t dangling_parents = 0;
  std::uint64_t parent_cycles = 0;
  std::uint64_t account_conflicts = 0;
  std::uint64_t count_mismatches =
      0;                            // an input's own count of its items differs from what it holds
  std::uint64_t repeated_keys = 0;  // a key given twice in one object (the last one is used)
  std::uint64_t invalid_utf8 = 0;   // invalid UTF-8 sequences replaced by U+FFFD
  // The first warning in input order (the inputs in the order read, then the bytes of each),
  // spelled out with its place, and where it lies: a byte offset into the inputs read one after
  // another (kNowhere when the warning names no place; it then comes after every placed one).
  std::string first;
  std::uint64_t first_at = kNowhere;
  static constexpr std::uint64_t kNowhere = ~std::uint64_t{0};

  // One kind of warning: its counter, its JSON key and how the input line names it.
  struct Kind {
    std::uint64_t Warnings::*counter;
    std::string_view key;
    std::string_view label;
  };
  // Every kind, in report order.
  static std::span<const Kind> kinds();

  // Sum of all counts.
  std::uint64_t total() const noexcept;
  // Counts `n` warnings of a kind, about the input byte `at`: `first` keeps the earliest, and of
  // two at one place the one counted first.
  void add(std::uint64_t Warnings::*counter, std::string message, std::uint64_t at = kNowhere,
           std::uint64_t n = 1);
  // Adds another set of warnings to this one, whose places lie `shift` bytes further on (a
  // batch counts from the start of its input).
  void merge(const Warnings& other, std::uint64_t shift = 0);
};

// Records or files passed over on purpose, by reason ("reposts", "files no importer reads"),
// reasons in first-seen order.
struct Skips {
  std::vector<std::pair<std::string, std::uint64_t>> counts;

  // Counts n more under `reason`.
  void add(std::string_view reason, std::uint64_t n = 1);
  // Sum of all counts.
  std::uint64_t total() const noexcept;
};

// What was read and what became of it: one line of the report.
struct InputStats {
  std::vector<std::string> files;    // every input read: a file, "-", or an archive member
  std::vector<std::string> formats;  // the importer that read it, per file
  std::vector<std::string> origins;  // the command-line path it came from, per file
  std::uint64_t bytes = 0;
  std::uint64_t posts_read = 0;     // post records, duplicates included
  std::uint64_t comments_read = 0;  // comment records, duplicates included
  std::uint64_t foreign_posts = 0;  // posts by other authors, not scored
  std::uint64_t foreign_comments = 0;
  std::uint64_t filtered_posts = 0;  // outside --since/--until
  std::uint64_t filtered_comments = 0;
  std::optional<TimeMs> since;  // the window asked for (--since, --until), when one was
  std::optional<TimeMs> until;
  // The first and the last of the account's posts before the window cut (when one was asked).
  TimeMs posts_first = 0;
  TimeMs posts_last = 0;
  std::uint64_t posts_merged = 0;     // copies of a post seen in another input, merged into one
  std::uint64_t comments_merged = 0;  // copies of a comment seen again, merged into one
  std::uint64_t statuses_placed = 0;  // statuses that turned out to be comments (see Threads)
  // Comments by a name that is no one person ("[deleted]"): counted as comments, never as an
  // audience member.
  std::uint64_t anonymous_comments = 0;
  Skips skipped;
  Warnings warnings;
  // Where the load spent its time, in milliseconds (for -v; never part of the report). The
  // stages overlap: each one's figure is its busy time, summed over the threads that ran it.
  double read_ms = 0;   // reading bytes and cutting them into blocks
  double parse_ms = 0;  // parsing blocks
  double merge_ms = 0;  // joining batches into the dataset and resolving it
  double load_ms = 0;   // wall time of the whole load
};

// The texts and ids the compact dataset reduces away, kept only when asked
// (LoadOptions::keep_details): what `ror convert` writes back. Parallel to the posts and
// comments; the views point into `bytes`.
struct PostDetails {
  std::string_view text;  // plain text
  std::string_view url;
  std::string_view hashtags;  // the hashtags the export listed, apart by kListSeparator
  std::string_view mentions;  // the same for mentions
  bool hashtags_listed = false;
  bool mentions_listed = false;
  std::string_view reply_to_id;  // the account's own post it answers, when in the data
};
struct CommentDetails {
  std::string_view id;
  std::string_view text;
};
struct DatasetDetails {
  std::vector<PostDetails> posts;
  std::vector<CommentDetails> comments;
  StringArena bytes;
};

// A post's first words and its link, kept when asked (LoadOptions::keep_excerpts). The views
// point into the dataset's excerpt_bytes.
struct PostExcerpt {
  std::string_view text;  // at most kExcerptBytes of the text, whole UTF-8 characters
  std::string_view url;
};
inline constexpr std::size_t kExcerptBytes = 120;

// Everything the metrics read. Posts keep input order; comments are grouped by post.
struct Dataset {
  Account account;
  std::vector<Post> posts;
  ValueArena post_metrics;                 // what posts[i].values point to
  std::vector<std::string_view> post_ids;  // parallel to posts, stored in id_bytes
  std::vector<std::string> platforms;      // the platforms of post ids ("" when the data says)
  StringArena id_bytes;
  std::vector<Comment> comments;
  AuthorTable authors;
  InputStats input;
  std::unique_ptr<DatasetDetails> details;  // null unless the load kept them
  // By post key (platform "\x1f" id), unless empty: see excerpt(). Keys and texts are stored in
  // excerpt_bytes.
  std::unordered_map<std::string_view, PostExcerpt, KeyedStringHash> excerpts;
  StringArena excerpt_bytes;

  // Post i's first words and link, when the load kept them and the post had any.
  const PostExcerpt* excerpt(std::size_t i) const;
  // The key of `excerpts` for a post (platform "\x1f" id), written into `room`.
  static std::string_view excerpt_key(std::string_view platform, std::string_view id,
                                      std::string& room);

  // Bytes the dataset holds, for -v and the benchmark notes.
  std::size_t memory_bytes() const {
    return posts.capacity() * sizeof(Post) + post_metrics.memory_bytes() +
           post_ids.capacity() * sizeof(std::string_view) + id_bytes.memory_bytes() +
           comments.capacity() * sizeof(Comment) + authors.memory_bytes();
  }

  // Whether comment c was written by the account.
  bool by_account(const Comment& c) const { return authors.is_account(c.author); }
};

}  // namespace ror
