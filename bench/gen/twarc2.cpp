// --format twarc2 and --format twitter-v2-pages: what `twarc2 timeline` (the account's tweets)
// and `twarc2 conversation` (everyone's replies in the account's conversations) write, as
// twarc2's flattened form (one tweet per line, users embedded) or as the raw v2 response pages
// (one page per line: data, includes.users, includes.tweets, meta, __twarc).
//
// Each tweet is written once: the account's in the timeline pages, other people's in the
// conversation pages. Pages are newest first, as the API returns them; a page holds 100 tweets.
#include <algorithm>
#include <string>
#include <vector>

#include "gen/formats.hpp"
#include "gen/output.hpp"
#include "gen/twitter_v2.hpp"

namespace gen {

namespace {

constexpr size_t kPageTweets = 100;

class V2Output {
 public:
  V2Output(const Options& opt, bool flat)
      : opt_(opt),
        flat_(flat),
        stream_(stream_params(opt, flat ? 38500 : 17300, Order::newest_first)),  // bytes measured
        people_(stream_.brand(), stream_.audience(), stream_.account_key(), stream_.followers()),
        text_maker_(stream_.brand(), stream_.audience()),
        objects_(people_, text_maker_) {
    retrieved_ms_ = kYearStartMs + kYearMs + 60LL * 86400000;
    timeline_.timeline = true;
    timeline_.twarc = twarc_member(people_, true, 0, retrieved_ms_);
  }

  int run();

 private:
  struct Page {
    bool timeline = false;
    std::string twarc;
    std::string data;    // the tweets, JSON, comma-separated
    std::string tweets;  // includes.tweets
    std::vector<int64_t> users;
    uint64_t n = 0, newest = 0, oldest = 0;
  };

  void add(Page& page, const V2Tweet& t);
  void flush(Page& page, bool more);
  uint64_t pending() const { return timeline_.data.size() + timeline_.tweets.size(); }

  const Options& opt_;
  bool flat_;
  StatusStream stream_;
  People people_;
  TextMaker text_maker_;
  V2Objects objects_;
  Sink out_;
  Page timeline_;
  Page conversation_;
  int64_t retrieved_ms_ = 0;
  uint64_t pages_ = 0;
};

void V2Output::add(Page& page, const V2Tweet& t) {
  if (flat_) {
    JsonWriter w(out_.buf(), kPythonStyle);
    objects_.tweet(w, t, page.twarc);
    out_.buf().push_back('\n');
    out_.flush();
    return;
  }
  if (page.n > 0) {
    page.data += ", ";
  }
  JsonWriter w(page.data, kPythonStyle);
  objects_.tweet(w, t, "");
  for (const int64_t person : objects_.named()) {
    if (std::find(page.users.begin(), page.users.end(), person) == page.users.end()) {
      page.users.push_back(person);
    }
  }
  if (t.s.kind == StatusKind::repost || t.s.quote) {
    if (!page.tweets.empty()) {
      page.tweets += ", ";
    }
    JsonWriter tw(page.tweets, kPythonStyle);
    objects_.other_tweet(tw, t.s, false);
  }
  page.newest = page.n == 0 ? t.id : page.newest;
  page.oldest = t.id;
  if (++page.n == kPageTweets) {
    flush(page, true);
  }
}

void V2Output::flush(Page& page, bool more) {
  if (flat_ || page.n == 0) {
    return;
  }
  std::string& s = out_.buf();
  s += "{\"data\": [";
  s += page.data;
  s += "], \"includes\": {\"users\": [";
  JsonWriter w(s, kPythonStyle);
  for (size_t i = 0; i < page.users.size(); ++i) {
    if (i > 0) {
      s += ", ";
    }
    objects_.user(w, page.users[i]);
  }
  s += "]";
  if (!page.tweets.empty()) {
    s += ", \"tweets\": [";
    s += page.tweets;
    s += "]";
  }
  s += "}, \"meta\": {\"newest_id\": \"";
  put_u(s, page.newest);
  s += "\", \"oldest_id\": \"";
  put_u(s, page.oldest);
  s += "\", \"result_count\": ";
  put_u(s, page.n);
  if (more) {
    s += ", \"next_token\": \"";
    static constexpr char kToken[] = "0123456789abcdefghijklmnopqrstuvwxyz";
    uint64_t state = page.oldest;
    for (int i = 0; i < 3; ++i) {
      uint64_t v = splitmix64(state);
      for (int k = 0; k < 12; ++k, v /= 36) {
        s.push_back(kToken[v % 36]);
      }
    }
    s += "\"";
  }
  s += "}, \"__twarc\": ";
  s += page.twarc;
  s += "}\n";
  ++pages_;
  page.data.clear();
  page.tweets.clear();
  page.users.clear();
  page.n = 0;
  out_.flush();
}

int V2Output::run() {
  out_.open(opt_.out);
  Tally tally;
  while (tally.items() == 0 || out_.bytes() + pending() < opt_.size) {
    const std::vector<Status>& unit = stream_.next();
    const uint64_t root = conversation_root(unit);
    bool replies = false;
    for (size_t i = 0; i < unit.size(); ++i) {
      if (unit[i].kind == StatusKind::audience) {
        if (!replies) {
          replies = true;
          conversation_.twarc = twarc_member(people_, false, root, retrieved_ms_);
        }
        add(conversation_, resolve_v2(unit, i, root));
      } else {
        add(timeline_, resolve_v2(unit, i, root));
      }
    }
    flush(conversation_, false);
    retrieved_ms_ += 1000;
    tally.add_unit(unit, true);
  }
  flush(timeline_, false);
  const uint64_t bytes = out_.bytes();
  out_.close();

  std::string account = "{\"username\": \"";
  people_.x_handle(account, kAccount);
  account += "\", \"id\": \"" + std::to_string(people_.x_id(kAccount)) +
             "\", \"followers\": " + std::to_string(stream_.followers()) + "}";
  std::string extra;
  if (!flat_) {
    extra = "  \"pages\": " + std::to_string(pages_) + ",\n";
  }
  write_expected(opt_.out + ".expected.json", flat_ ? "twarc2" : "twitter-v2-pages", opt_, bytes, 1,
                 account, tally, extra);
  std::fprintf(stderr, "ror_gen: %llu tweets (%llu by others, %llu retweets)%s\n",
               static_cast<unsigned long long>(tally.items()),
               static_cast<unsigned long long>(tally.by_others()),
               static_cast<unsigned long long>(tally.reposts()),
               flat_ ? "" : (", " + std::to_string(pages_) + " pages").c_str());
  return 0;
}

}  // namespace

int generate_twarc2(const Options& opt) {
  return V2Output(opt, true).run();
}

int generate_twitter_v2_pages(const Options& opt) {
  return V2Output(opt, false).run();
}

}  // namespace gen
