// The statuses of platforms where a reply is a status like any other (X, Mastodon): a stream of
// conversations, the same for every such format, which each format writes its own way.
//
// A conversation is one of:
//  - an original status by the account (sometimes quoting someone), sometimes continued by the
//    account into a thread, with other people's replies under it (heavy-tailed in number), the
//    account's answers to some of them, replies back to those answers, and people answering
//    each other;
//  - a reply by the account to someone else's status (outreach), which is not in the data;
//  - a repost of someone else's status.
// The stream holds one conversation at a time. Texts are not held: each status carries a seed its
// text is drawn from, so a status written twice (the Mastodon API's pages and contexts) reads the
// same both times.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "gen/options.hpp"
#include "gen/random.hpp"
#include "gen/text.hpp"

namespace gen {

enum class StatusKind : uint8_t {
  original,    // the account's, starting a conversation (quotes included)
  self_reply,  // the account continuing its own thread
  outreach,    // the account replying to someone else's status, outside its conversations
  answer,      // the account answering someone in one of its conversations
  audience,    // someone else replying in one of the account's conversations
  repost,      // the account reposting someone else's status
};
inline constexpr int kStatusKinds = 6;

// Someone else's status a status points at (the one answered by outreach, reposted or quoted); it
// is not in the data.
struct OtherStatus {
  int64_t author = -1;  // audience index; -1: none
  int64_t t = 0;
  uint64_t seq = 0;
};

struct Status {
  StatusKind kind = StatusKind::original;
  int64_t t = 0;         // UTC ms
  uint64_t seq = 0;      // ids are built from (t, seq): see twitter_id, mastodon_id
  int32_t parent = -1;   // index in the conversation of the status answered; -1: none there
  int64_t author = -1;   // audience index; -1: the account
  bool quote = false;    // an original quoting `other`
  OtherStatus other;     // outreach, repost, quote
  uint32_t replies = 0;  // statuses of the conversation answering this one
  uint64_t seed = 0;     // the text and the format's own details are drawn from it
  // An edited status (some of the account's own): its first version, written at edit_t with its
  // own id; `t` and `seq` are the last version's.
  bool edited = false;
  int64_t edit_t = 0;
  uint64_t edit_seq = 0;
  // Counts as the platform shows them.
  uint64_t likes = 0, reposts = 0, quotes = 0, impressions = 0, bookmarks = 0;

  bool by_account() const { return author < 0; }
};

// A status id on X (a snowflake) and on Mastodon (milliseconds in the high bits).
uint64_t twitter_id(int64_t t, uint64_t seq);
uint64_t mastodon_id(int64_t t, uint64_t seq);

// Which way time runs through the stream.
enum class Order : uint8_t { oldest_first, newest_first };

struct StreamParams {
  uint64_t seed = 1;
  uint64_t size = 0;           // bytes the format will write: sets the gap between conversations
  uint64_t unit_bytes = 4000;  // the format's average bytes per conversation (measured)
  Order order = Order::newest_first;
};

// The params of a format's stream: the seed and --size asked for, the format's bytes per
// conversation and which way its time runs.
StreamParams stream_params(const Options& opt, uint64_t unit_bytes, Order order);

class StatusStream {
 public:
  explicit StatusStream(const StreamParams& p);

  // The next conversation: its statuses in time order (oldest first) or the reverse, as the
  // params say; indices in Status::parent refer to this vector. Valid until the next call.
  const std::vector<Status>& next();

  const Brand& brand() const { return brand_; }
  const Audience& audience() const { return audience_; }
  uint64_t followers() const { return followers_; }
  uint64_t account_key() const { return account_key_; }  // what the account's ids are built from
  int64_t first_time() const { return start_ms_; }

 private:
  void begin_unit(StatusKind kind);
  Status& add(StatusKind kind, int64_t t, int32_t parent, int64_t author);
  void thread_and_audience();
  void answers_and_replies_back();
  void finish_unit();
  void set_metrics(Status& s);

  StreamParams p_;
  Rng rng_;
  const Brand& brand_;
  Audience audience_;
  uint64_t followers_ = 0;
  uint64_t answer_rate_ = 300;
  uint64_t account_key_ = 0;
  int64_t start_ms_ = 0;
  int64_t now_ms_ = 0;
  int64_t avg_gap_ms_ = 1000;
  int burst_left_ = 0;
  uint64_t seq_ = 0;
  std::vector<Status> unit_;
  std::vector<Status> sorted_;
  std::vector<uint32_t> order_;
  std::vector<int32_t> position_;
};

// What a format wrote, by kind: the facts of OUT.expected.json.
struct Tally {
  uint64_t kinds[kStatusKinds] = {};
  uint64_t conversations = 0;  // conversations written with at least one reply by someone else
  uint64_t quotes = 0;         // originals quoting someone
  uint64_t edited = 0;         // statuses edited once (their first version aside)

  void add(const Status& s) { ++kinds[static_cast<int>(s.kind)]; }
  // Counts the statuses of a conversation a format wrote: all of them, or all but other people's.
  void add_unit(const std::vector<Status>& unit, bool with_audience);
  uint64_t of(StatusKind k) const { return kinds[static_cast<int>(k)]; }
  uint64_t items() const;
  uint64_t reposts() const { return of(StatusKind::repost); }
  uint64_t by_others() const { return of(StatusKind::audience); }
  uint64_t by_account() const { return items() - reposts() - by_others(); }
};

// Hands conversations to `write` (which writes what it keeps of one and returns its bytes, 0
// when it leaves the conversation out) until something was written and the bytes reach --size;
// returns the bytes.
template <class Write>
uint64_t write_until_size(StatusStream& stream, const Options& opt, Write&& write) {
  uint64_t bytes = 0;
  bool any = false;
  while (!any || bytes < opt.size) {
    const uint64_t b = write(stream.next());
    any = any || b > 0;
    bytes += b;
  }
  return bytes;
}

// Appends a line of OUT.expected.json, `  "KEY": V,` and a line break (what a format adds to
// write_expected's lines).
void expected_line(std::string& s, std::string_view key, uint64_t v);

// How many followers an export lists, one entry each: as many as the account has, up to a share
// of --size.
uint64_t listed_followers(const StatusStream& stream, const Options& opt);

// Writes PATH (OUT.expected.json): the format, the arguments, the account, the counts of `tally`
// and `extra` (more "key": value lines, each ending in ",\n", written before the counts).
void write_expected(const std::string& path, std::string_view format, const Options& opt,
                    uint64_t bytes, uint64_t files, const std::string& account_json,
                    const Tally& tally, std::string_view extra);

}  // namespace gen
