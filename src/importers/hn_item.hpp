// What the three readers of Hacker News items share (hn_firebase.cpp, hn_algolia.cpp,
// hn_algolia_search.cpp): the platform's names, the fields that Algolia's items and search hits
// both write, and the one way an item becomes a status, so that the same item gives the same
// record whichever API it came from.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "ingest/field_reader.hpp"
#include "ingest/records.hpp"

namespace ror::importers::hn {

inline constexpr std::string_view kPlatform = "hackernews";
inline constexpr std::string_view kDeleted = "deleted or dead items";
inline constexpr std::string_view kPollOptions = "poll options";

// The words and counts of an item, as its API writes them (views into the parser's buffers).
struct Words {
  std::string_view title;
  std::string_view html;  // the item's text, HTML
  std::optional<std::int64_t> points;
  std::optional<std::int64_t> replies;  // the platform's count of the comments under it
};

// An item as Algolia writes it, in an item's tree or as a search hit.
struct AlgoliaItem {
  std::string_view id;
  std::string_view author;
  std::string_view type;  // "story", "comment", "poll", "pollopt", "job"; "" when not said
  std::string_view parent_id;
  std::string_view story_id;
  TimeMs created_at = 0;
  bool has_time = false;
  bool has_epoch = false;  // created_at_i was read (it wins over created_at)
  bool has_author = false;
  Words words;
};

// Reads the member `key` into `item` when it is one that Algolia's items and hits share
// (created_at_i, created_at, author, title, parent_id, story_id, points, num_comments); returns
// whether it was.
bool read_algolia_field(std::string_view key, ingest::Value& f, AlgoliaItem& item);

// Whether an item of this type (Firebase's or Algolia's), answering `parent_id`, is a comment.
inline bool is_comment(std::string_view type, std::string_view parent_id) {
  return type == "comment" || (type.empty() && !parent_id.empty());
}

// Counts and passes over an Algolia item that is no status: a poll option, or a deleted item (no
// author), whose replies answer what it answered. Returns whether it did.
bool passed_over(const AlgoliaItem& item, ingest::RecordSink& out);

// Starts the record of an Algolia item: its id, author and time, and for a comment the item it
// answers and its story. Returns whether it is a comment.
bool start_status(const AlgoliaItem& item, ingest::PostRecord& r);

// Hands `r` over as a status, with its id, author, time and (for a comment) the ids it answers
// already set: its text is the title, then the text of the HTML; its link the item's page; its
// points likes and its count of comments replies, when the item carries them; and its author's
// profile, and with `guess` that author as the account when nothing names one.
void put_status(ingest::PostRecord& r, const Words& words, bool guess, ingest::RecordSink& out);

}  // namespace ror::importers::hn
