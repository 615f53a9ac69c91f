// Records as an importer hands them over, and the sink it hands them to. String views point into
// the parser's buffers and stay valid only until the sink has taken the record.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ror/dataset.hpp"
#include "ror/text.hpp"

namespace ror::ingest {

// What the load counts out for PostRecord::under_owner_post (and Facebook's importer, whose
// titles say so, for the same comments).
inline constexpr std::string_view kOwnPostUnknown =
    "the account's comments under its own posts (the export does not say which post)";

// What a post whose id an earlier post of the same input has already means.
enum class RepeatRule : std::uint8_t {
  duplicate,  // the same post given again: the later copy is kept, with a warning
  numbered,   // the id is the importer's own making, not the platform's: another post, whose id
              // is numbered `id#2`, `id#3`, ... in input order
  same_text,  // when its text is the earlier one's, the post written again (LinkedIn writes a
              // share once per media): not read, counted under PostRecord::repeat_reason;
              // else a duplicate
};

struct CommentRecord {
  std::string_view id;
  std::string_view author;
  std::string_view parent_id;  // empty with has_parent false: top-level
  bool has_parent = false;
  std::string_view post_id;  // a loose comment's post (RecordSink::comment); unused when nested
  TimeMs created_at = 0;
  std::string_view text;  // plain text (HTML already made text)
};

struct PostRecord {
  std::string_view id;
  // The platform of the post when the input names one per post (ror/v1's `platform`): its id,
  // its author and its comments' authors belong to that platform. "": the importer's.
  std::string_view platform;
  std::string_view author;
  bool has_author = false;
  std::string_view reply_to_author;
  bool has_reply_to = false;
  // For statuses (see `threaded`): the id of the status it answers, and of the first status of
  // its conversation when the platform says; empty when none or unknown.
  std::string_view reply_to_post;
  std::string_view conversation;
  // A status of a platform where replies are statuses too (X, Mastodon, Bluesky): once the
  // account is known, the load places it as a post or as a comment under its conversation's
  // first post (docs/format.md, "Threads").
  bool threaded = false;
  // For a status: whether its input collects other people's replies (a conversation's API
  // page, a thread) rather than one account's own statuses (a Bluesky feed). Placed as a
  // comment, only a status from such an input makes its root's comments known.
  bool collects_replies = true;
  // Whether this export holds the comments other people wrote under it.
  bool comments_known = true;
  // A stand-in for a post the input does not hold but its comments name (Post::stand_in): it
  // yields to any copy of the post itself, and copies of one stand-in keep the earliest time.
  bool stand_in = false;
  // An account's comment under a post the export does not hold, known only by its owner
  // (`reply_to_author`; an Instagram comment): when the owner is the account itself, it is an
  // answer under one of the account's posts that cannot be found, counted out by the load
  // (kOwnPostUnknown) rather than scored as a post of its own.
  bool under_owner_post = false;
  // What a later post of this input with this id means (the merge reads it: the posts of one
  // input may be read by several threads).
  RepeatRule repeat = RepeatRule::duplicate;
  std::string_view repeat_reason;  // same_text: the skip reason (static storage)
  TimeMs created_at = 0;
  std::string_view text;  // plain text (HTML already made text)
  std::string_view url;
  // The hashtags and mentions the export lists (one sigil removed); without a list they are
  // found in the text.
  std::vector<std::string_view> hashtags;
  std::vector<std::string_view> mentions;
  bool hashtags_listed = false;
  bool mentions_listed = false;
  std::array<std::int64_t, kPostMetricCount> metrics{};
  std::uint16_t known = 0;
  std::vector<CommentRecord> comments;  // comments nested in the post (ror/v1)

  // Sets metric m, marking it carried.
  void set(PostMetric m, std::int64_t value) {
    metrics[static_cast<std::size_t>(m)] = value;
    known = static_cast<std::uint16_t>(known | (1U << static_cast<unsigned>(m)));
  }
  // Marks metric m not carried.
  void unset(PostMetric m) {
    metrics[static_cast<std::size_t>(m)] = 0;
    known = static_cast<std::uint16_t>(known & ~(1U << static_cast<unsigned>(m)));
  }
  // Whether metric m was set.
  bool has(PostMetric m) const { return (known >> static_cast<unsigned>(m)) & 1U; }
  // The value of metric m (0 when not set).
  std::int64_t get(PostMetric m) const { return metrics[static_cast<std::size_t>(m)]; }
  // Clears the record for reuse, keeping its allocations.
  void clear() {
    auto keep = std::move(comments);
    auto tags = std::move(hashtags);
    auto names = std::move(mentions);
    *this = PostRecord{};
    comments = std::move(keep);
    comments.clear();
    hashtags = std::move(tags);
    hashtags.clear();
    mentions = std::move(names);
    mentions.clear();
  }
};

// What an account record says: this is the account (an X archive's account.js, ror/v1's
// account), probably the account (the author of a thread's first post, a blog's authors: its id,
// handle and aliases used only when nothing names the account), or someone's profile (used for the
// account's follower count and id when that someone turns out to be the account).
enum class AccountRole : std::uint8_t { owner, guess, profile };

struct AccountRecord {
  AccountRole role = AccountRole::owner;
  std::string id;
  std::string handle;
  std::string platform;
  std::optional<std::int64_t> followers;
  // Entries of a follower list (X's follower.js): their sum over the load is the follower count
  // when no input gives one.
  std::uint64_t follower_entries = 0;
  std::vector<std::string> aliases;
  // Where it was read, set by the sink: its place (for the warnings it causes), and the
  // document's top-level key it came under when that is not split ("" for any other item), so
  // that the key given again replaces it.
  std::uint64_t at = 0;
  std::string member;
};

// Where an importer puts what it reads.
class RecordSink {
 public:
  virtual ~RecordSink() = default;
  // Something the export says about the account (or, role profile, of someone: copied only
  // when it adds follower entries, so an importer may give one record again and again).
  virtual void account(const AccountRecord& account) = 0;
  // A post (with its nested comments, if any).
  virtual void post(const PostRecord& post) = 0;
  // A comment that arrives apart from its post (record.post_id names it): joined to its post at
  // the end of the load, whatever input the post comes from.
  virtual void comment(const CommentRecord& comment) = 0;
  // A record passed over on purpose, counted under `reason` in the input accounting.
  virtual void skip(std::string_view reason, std::uint64_t n = 1) = 0;
  // A record passed over that other inputs may give again (a Reddit thread's `more` stub, in a
  // thread saved twice): counted as skip counts it, but only the first time the load meets
  // `key` under `reason` (static storage), in input order.
  virtual void skip_once(std::string_view reason, std::string_view key, std::uint64_t n = 1) = 0;
  // How many items the input says it holds (a collection's totalItems): a different count is a
  // warning at the end of the input.
  virtual void expect_items(std::uint64_t n, std::string_view field) = 0;
  // The plain text of HTML, in a buffer reused from call to call (valid until the next call).
  virtual std::string_view html_text(std::string_view html) = 0;
  // A text importer (Importer::read_text): the records it gives next start `offset` bytes into
  // the item's bytes (TextItem::bytes). Warnings about them are placed there, in input order,
  // however the input was cut into blocks.
  virtual void reading_at(std::uint64_t offset) { static_cast<void>(offset); }
  // A status the export names that holds nothing any more (deleted, dead), which answered
  // `parent`: a status that answers it is linked through it to `parent`, as if it answered
  // that. The gone status itself is no record (an importer counts it as skipped).
  virtual void gone(std::string_view id, std::string_view parent) = 0;
};

}  // namespace ror::ingest
