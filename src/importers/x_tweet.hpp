// Reading X (Twitter) tweet objects, shared by the X importers: the API v1.1 shape, which the X
// account archive uses too (with every number a string), and the API v2 shape.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

#include "ingest/field_reader.hpp"
#include "ingest/records.hpp"

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

// A user of an API v2 page's includes: their handle and follower count.
struct V2User {
  std::string username;
  std::optional<std::int64_t> followers;
};

// Reads an API v2 tweet object into `out`: flattened by twarc2 (with `author` embedded) or
// plain (authors found in `users` by author_id). Returns false for a retweet.
bool read_v2_tweet(ingest::Value& v, ingest::PostRecord& out, ingest::RecordSink& sink,
                   const std::unordered_map<std::string, V2User>& users,
                   ingest::AccountRecord& author);

// Reads an API v2 user object (an includes.users entry, or twarc2's embedded author) as a
// profile of the platform.
ingest::AccountRecord read_v2_user(ingest::Value& v);

}  // namespace ror::importers::x
