// Reading X (Twitter) tweet objects, shared by the X importers: the API v1.1 shape, which the X
// account archive uses too (with every number a string), and the API v2 shape.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "ingest/field_reader.hpp"
#include "ingest/records.hpp"
#include "ror/keyed_hash.hpp"

namespace ror::importers::x {

inline constexpr std::string_view kPlatform = "x";
inline constexpr std::string_view kReposts = "reposts (retweets), not the account's writing";
inline constexpr std::string_view kEditedVersions = "earlier versions of edited tweets";

// What a v1.1 tweet turned out to be.
enum class TweetKind : std::uint8_t { status, retweet, superseded };

// Reads a v1.1-shaped tweet object (API v1.1, or an X archive entry when `counts` is
// digits_too) into `out`. When the object carries its author (`user`), `author` receives it as
// a profile.
TweetKind read_v1_tweet(ingest::Value& v, ingest::PostRecord& out, ingest::RecordSink& sink,
                        ingest::CountText counts, ingest::AccountRecord& author);

// A user of an API v2 page's includes: their handle and follower count (views into the page).
struct V2User {
  std::string_view username;
  std::optional<std::int64_t> followers;
};
using V2Users = std::unordered_map<std::string_view, V2User, KeyedStringHash>;

// An API v2 tweet as read, before its authors are resolved (its views point into the page).
struct V2Tweet {
  ingest::PostRecord record;
  std::string text;  // its own copy of the plain text
  std::string_view author_id;
  std::string_view reply_user;                                           // in_reply_to_user_id
  std::vector<std::pair<std::string_view, std::string_view>> mentioned;  // id, username
  ingest::AccountRecord author;  // twarc2's embedded author, when there is one
  bool retweet = false;
};

// Reads an API v2 tweet object, flattened by twarc2 (with `author` embedded) or plain.
void read_v2_tweet(ingest::Value& v, V2Tweet& out, ingest::RecordSink& sink);

// Names the tweet's author and the person it answers, through `users` (a page's includes) or
// the tweet's own author and mentions. Returns false for a retweet.
bool resolve_v2_tweet(V2Tweet& tweet, const V2Users& users);

// Reads an API v2 user object (an includes.users entry, or twarc2's embedded author) as a
// profile of the platform.
ingest::AccountRecord read_v2_user(ingest::Value& v);

}  // namespace ror::importers::x
