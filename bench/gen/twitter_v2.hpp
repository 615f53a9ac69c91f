// Tweets and users as the Twitter API v2 returns them, and as twarc2 flattens them (the author,
// the user answered and the mentioned users embedded, the reposted or quoted tweet expanded into
// referenced_tweets, twarc's own __twarc member).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "gen/json_writer.hpp"
#include "gen/people.hpp"
#include "gen/status_text.hpp"
#include "gen/statuses.hpp"
#include "gen/twitter.hpp"

namespace gen {

// A status with what it points at resolved (its conversation may be gone by the time it is
// written).
struct V2Tweet {
  Status s;
  uint64_t id = 0;
  uint64_t conversation_id = 0;
  bool reply = false;
  uint64_t parent_id = 0;            // reply: the tweet answered
  int64_t parent_author = kAccount;  // reply: its author
};

// The id of a conversation's first status.
uint64_t conversation_root(const std::vector<Status>& unit);
// Resolves status `i` of a conversation whose first status has id `root`.
V2Tweet resolve_v2(const std::vector<Status>& unit, size_t i, uint64_t root);

class V2Objects {
 public:
  V2Objects(const People& people, const TextMaker& text_maker)
      : people_(people), text_maker_(text_maker) {}

  // Writes the tweet; with `twarc` (the __twarc object's JSON) twarc2's flattened form.
  // Afterwards named() lists the people it names and other() whether it points at someone else's
  // tweet (a retweet or a quote), for the includes of a page.
  void tweet(JsonWriter& w, const V2Tweet& t, std::string_view twarc);
  // Writes the tweet `s` reposts or quotes, as includes.tweets holds it (flat: with its author).
  void other_tweet(JsonWriter& w, const Status& s, bool flat);
  // Writes a user object.
  void user(JsonWriter& w, int64_t person);

  const std::vector<int64_t>& named() const { return named_; }

 private:
  void user_fields(JsonWriter& w, int64_t person, bool id_and_username);
  void public_metrics(JsonWriter& w, const Status& s, bool repost);
  void entities(JsonWriter& w, bool flat);

  const People& people_;
  TextMaker text_maker_;
  Rng rng_{0};
  Text text_;
  TweetText tt_;
  std::string scratch_;
  std::vector<int64_t> named_;
};

// The JSON of a __twarc member: the request a page came from.
std::string twarc_member(const People& people, bool timeline, uint64_t conversation_id,
                         int64_t retrieved_ms);

}  // namespace gen
