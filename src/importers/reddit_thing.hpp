// Reading Reddit's things, shared by the Reddit importers: the data of a link (a submission,
// `t3`), of a comment (`t1`) and of a `more` stub, as the API's thread and morechildren
// responses and the Pushshift and Arctic Shift dumps write them. Fields may come in any order
// (the dumps' lines do), so a thing is read whole before it is decided what it is.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "ingest/field_reader.hpp"
#include "ingest/records.hpp"

namespace ror::importers::reddit {

inline constexpr std::string_view kPlatform = "reddit";

// The id in a fullname: "t3_n49rw" gives "n49rw"; a name without a kind prefix is kept whole.
std::string_view strip_kind(std::string_view fullname);

// The fields of a thing's data that ror reads (views into the parser's buffers).
struct Thing {
  std::string_view id;
  std::string_view author;
  std::string_view title;      // a link's
  std::string_view selftext;   // a self post's text (markdown)
  std::string_view body;       // a comment's text (markdown)
  std::string_view parent_id;  // a comment's parent, as a fullname (t1_ or t3_)
  std::string_view link_id;    // a comment's submission, as a fullname (t3_)
  // The same two as integers: the base-36 id written in base 10, as Pushshift's API gave them
  // in 2022-23 (then parent_id and link_id are empty).
  std::optional<std::uint64_t> parent_number;
  std::optional<std::uint64_t> link_number;
  std::string_view permalink;
  std::optional<TimeMs> created_at;
  std::optional<std::int64_t> num_comments;
  std::optional<std::int64_t> score;
  std::optional<std::int64_t> ups;
  std::optional<std::int64_t> view_count;
  std::optional<std::int64_t> count;  // a more stub's
  std::uint64_t children = 0;         // a more stub's list of ids, its length
  bool has_title = false;
  bool has_body = false;
  bool has_author = false;

  // Whether it names its submission.
  bool has_link() const { return !link_id.empty() || link_number; }
  // Whether it has a comment's fields (and no link's).
  bool looks_like_comment() const { return !has_title && (has_body || has_link()); }
};

// Reads a thing's data object into `out` (cleared first). A `replies` member that is a Listing
// (the thread JSON's nesting) is handed to on_replies; `""` and null are no replies.
template <typename OnReplies>
void read_thing(ingest::Value& v, Thing& out, OnReplies&& on_replies);

// How many comments a more stub stands for: its count, else the length of its list of ids
// (0 for a "continue this thread" link, which gives neither).
std::uint64_t stub_count(const Thing& stub);

// Fails at `v` when a link lacks an id or a time.
void check_link(const Thing& link, ingest::Value& v);

// Hands a checked link over as a post: title and selftext as its text, `ups` (else `score`) as
// likes, num_comments as replies, view_count as views. `comments_known`: whether the input holds
// the comments other people wrote under it.
void emit_link(const Thing& link, bool comments_known, ingest::RecordSink& out);

// Fails at `v` when a comment lacks an id, an author, a time, or a post: its link_id, else
// `fallback_post` (the thread's link).
void check_comment(const Thing& comment, std::string_view fallback_post, ingest::Value& v);

// Hands a checked comment over apart from its post: post_id from link_id, else `fallback_post`;
// the parent from parent_id (a t3_ parent, or an integer that is the link's own id, is
// top-level; an integer is made the base-36 id it stands for).
void emit_comment(const Thing& comment, std::string_view fallback_post, ingest::RecordSink& out);

// ---------------------------------------------------------------------------------------------

// (what read_thing reads of each field but `replies`)
void read_thing_field(std::string_view key, ingest::Value& f, Thing& out);

inline constexpr std::array<std::string_view, 16> kThingKeys = {
    "id",         "author",  "created_utc", "title",        "selftext", "body",
    "parent_id",  "link_id", "permalink",   "num_comments", "score",    "ups",
    "view_count", "count",   "children",    "replies"};

template <typename OnReplies>
void read_thing(ingest::Value& v, Thing& out, OnReplies&& on_replies) {
  out = Thing{};
  v.each_field(
      kThingKeys,
      [&](std::string_view key, ingest::Value& f) {
        if (key == "replies") {
          if (f.type() == simdjson::ondemand::json_type::object) {
            on_replies(f);
          } else if (!f.is_null()) {
            f.string();  // "" when there are none
          }
        } else {
          read_thing_field(key, f, out);
        }
      },
      false);
}

}  // namespace ror::importers::reddit
