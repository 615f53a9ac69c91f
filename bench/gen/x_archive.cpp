// --format x-archive: the folder of an X "Download your data" archive, as far as ror reads it:
// data/tweets.js (the account's tweets, newest first, pretty-printed behind
// `window.YTD.tweets.part0 = `, every number a string), data/account.js, data/profile.js and
// data/follower.js. An archive holds the account's own tweets only: its originals, threads,
// replies (to others and to people who answered it) and retweets, never other people's replies.
#include <algorithm>
#include <string>

#include "gen/formats.hpp"
#include "gen/json_writer.hpp"
#include "gen/output.hpp"
#include "gen/people.hpp"
#include "gen/statuses.hpp"
#include "gen/twitter.hpp"

namespace gen {

namespace {

constexpr uint64_t kUnitBytes = 7000;  // tweets.js bytes per conversation, measured

void put_iso_ms(std::string& s, int64_t t) {
  std::string q;
  put_ts(q, t, kZMillis, 0);
  s += std::string_view(q).substr(1, q.size() - 2);
}

void indices(JsonWriter& w, uint32_t start, uint32_t end) {
  w.key("indices").begin_array();
  w.quoted_number(start);
  w.quoted_number(end);
  w.end_array();
}

class XArchive {
 public:
  explicit XArchive(const StatusStream& stream)
      : people_(stream.brand(), stream.audience(), stream.account_key(), stream.followers()),
        text_maker_(stream.brand(), stream.audience()) {}

  const People& people() const { return people_; }

  // Writes status s; `first_version`: the first version of an edited status.
  void tweet(JsonWriter& w, const Status& s, const std::vector<Status>& unit, bool first_version) {
    const int64_t parent_author =
        s.parent >= 0 ? unit[static_cast<size_t>(s.parent)].author : kAccount;
    text_maker_.make(s, parent_author, rng_, text_);
    std::string prefix;
    if (s.kind == StatusKind::repost) {
      prefix = "RT @";
      people_.x_handle(prefix, s.other.author);
      prefix += ": ";
    }
    render_tweet(text_, people_, rng_, prefix, s.kind == StatusKind::repost ? 140 : 100000, tt_);
    const uint64_t id = first_version ? twitter_id(s.edit_t, s.edit_seq) : twitter_id(s.t, s.seq);
    const int64_t t = first_version ? s.edit_t : s.t;
    if (s.quote) {
      std::string url;
      tweet_url(url, people_, s.other.author, twitter_id(s.other.t, s.other.seq));
      append_link(tt_, url, rng_);
    }

    w.begin_object();
    w.key("tweet").begin_object();
    edit_info(w, s, id);
    w.key("retweeted").boolean(false);
    std::string_view source_name;
    w.field("source", tweet_source_html(rng_, source_name));
    entities(w);
    w.key("display_text_range").begin_array();
    w.quoted_number(0);
    w.quoted_number(tt_.length);
    w.end_array();
    const bool counted = s.kind != StatusKind::repost && !first_version;
    w.key("favorite_count").quoted_number(counted ? s.likes : 0);

    int64_t to_person = kAccount;
    uint64_t to_status = 0;
    const bool reply = s.parent >= 0 || s.kind == StatusKind::outreach;
    if (s.parent >= 0) {
      const Status& parent = unit[static_cast<size_t>(s.parent)];
      to_person = parent.author;
      to_status = twitter_id(parent.t, parent.seq);
    } else if (s.kind == StatusKind::outreach) {
      to_person = s.other.author;
      to_status = twitter_id(s.other.t, s.other.seq);
    }
    if (reply) {
      w.key("in_reply_to_status_id_str").quoted_number(to_status);
    }
    w.key("id_str").quoted_number(id);
    if (reply) {
      w.key("in_reply_to_user_id").quoted_number(people_.x_id(to_person));
    }
    w.key("truncated").boolean(false);
    w.key("retweet_count").quoted_number(first_version ? 0 : s.reposts);
    w.key("id").quoted_number(id);
    if (reply) {
      w.key("in_reply_to_status_id").quoted_number(to_status);
    }
    if (!tt_.entities.empty() && rng_.per_mille(400)) {
      w.key("possibly_sensitive").boolean(false);
    }
    scratch_.clear();
    put_twitter_time(scratch_, t);
    w.field("created_at", scratch_);
    w.key("favorited").boolean(false);
    scratch_.clear();
    escape_html(scratch_, tt_.text, kHtmlMinimal);  // as X writes tweet texts
    w.field("full_text", scratch_);
    w.field("lang", tweet_lang(rng_));
    if (reply) {
      scratch_.clear();
      people_.x_handle(scratch_, to_person);
      w.field("in_reply_to_screen_name", scratch_);
      w.key("in_reply_to_user_id_str").quoted_number(people_.x_id(to_person));
    }
    w.end_object();
    w.end_object();
  }

 private:
  // edit_info: "initial" for a tweet never edited and for an edited tweet's first version (both
  // versions' ids listed), "edit" for its last version.
  void edit_info(JsonWriter& w, const Status& s, uint64_t id) {
    const uint64_t first = s.edited ? twitter_id(s.edit_t, s.edit_seq) : id;
    const bool last_version = s.edited && id != first;
    w.key("edit_info").begin_object();
    if (last_version) {
      w.key("edit").begin_object();
      w.key("initialTweetId").quoted_number(first);
      w.key("editControlInitial").begin_object();
    } else {
      w.key("initial").begin_object();
    }
    w.key("editTweetIds").begin_array();
    w.quoted_number(first);
    if (s.edited) {
      w.quoted_number(twitter_id(s.t, s.seq));
    }
    w.end_array();
    scratch_.clear();
    put_iso_ms(scratch_, (s.edited ? s.edit_t : s.t) + 3600000);
    w.field("editableUntil", scratch_);
    w.field("editsRemaining", s.edited ? "4" : "5");
    w.key("isEditEligible").boolean(s.edited || rng_.per_mille(100));
    w.end_object();
    if (last_version) {
      w.end_object();
    }
    w.end_object();
  }

  void entities(JsonWriter& w) {
    w.key("entities").begin_object();
    w.key("hashtags").begin_array();
    for (const TweetEntity& e : tt_.entities) {
      if (e.kind == PieceKind::hashtag) {
        w.begin_object();
        w.field("text", e.value);
        indices(w, e.start, e.end);
        w.end_object();
      }
    }
    w.end_array();
    w.key("symbols").begin_array();
    w.end_array();
    w.key("user_mentions").begin_array();
    for (const TweetEntity& e : tt_.entities) {
      if (e.kind == PieceKind::mention) {
        w.begin_object();
        scratch_.clear();
        people_.display_name(scratch_, e.person);
        w.field("name", scratch_);
        scratch_.clear();
        people_.x_handle(scratch_, e.person);
        w.field("screen_name", scratch_);
        indices(w, e.start, e.end);
        w.key("id_str").quoted_number(people_.x_id(e.person));
        w.key("id").quoted_number(people_.x_id(e.person));
        w.end_object();
      }
    }
    w.end_array();
    w.key("urls").begin_array();
    for (const TweetEntity& e : tt_.entities) {
      if (e.kind == PieceKind::link) {
        w.begin_object();
        w.field("url", e.tco);
        w.field("expanded_url", e.value);
        scratch_.clear();
        display_url(scratch_, e.value);
        w.field("display_url", scratch_);
        indices(w, e.start, e.end);
        w.end_object();
      }
    }
    w.end_array();
    w.end_object();
  }

  People people_;
  TextMaker text_maker_;
  Rng rng_{0};
  Text text_;
  TweetText tt_;
  std::string scratch_;
};

// A small data/*.js file: `window.YTD.NAME.part0 = [` and its entries.
std::string js_header(std::string_view name) {
  std::string s = "window.YTD.";
  s += name;
  s += ".part0 = [";
  return s;
}

std::string account_js(const People& p, const Brand& brand) {
  std::string s = js_header("account");
  JsonWriter w(s, kXArchiveStyle, 1);
  s += "\n  ";
  w.begin_object();
  w.key("account").begin_object();
  std::string v = "social@";
  v += brand.domain;
  w.field("email", v);
  w.field("createdVia", "web");
  v.clear();
  p.x_handle(v, kAccount);
  w.field("username", v);
  v.clear();
  put_u(v, p.x_id(kAccount));
  w.field("accountId", v);
  v.clear();
  put_iso_ms(v, p.joined(kAccount));
  w.field("createdAt", v);
  v.clear();
  p.display_name(v, kAccount);
  w.field("accountDisplayName", v);
  w.end_object();
  w.end_object();
  s += "\n]";
  return s;
}

std::string profile_js(const Brand& brand) {
  std::string s = js_header("profile");
  JsonWriter w(s, kXArchiveStyle, 1);
  s += "\n  ";
  w.begin_object();
  w.key("profile").begin_object();
  w.key("description").begin_object();
  std::string v = "Coffee, pastries & good company. Questions? Ask @";
  v += brand.alias1;
  w.field("bio", v);
  v = "https://";
  v += brand.domain;
  w.field("website", v);
  w.field("location", "Everywhere");
  w.end_object();
  w.field("avatarMediaUrl", "https://pbs.twimg.com/profile_images/1/avatar.jpg");
  w.end_object();
  w.end_object();
  s += "\n]";
  return s;
}

// The followers: `n` entries of the audience, each in its own object.
void follower_js(Sink& out, const People& p, uint64_t n) {
  std::string& s = out.buf();
  s += js_header("follower");
  JsonWriter w(s, kXArchiveStyle, 1);
  std::string v;
  for (uint64_t i = 0; i < n; ++i) {
    s += i == 0 ? "\n  " : ",\n  ";
    w.begin_object();
    w.key("follower").begin_object();
    v.clear();
    put_u(v, p.x_id(static_cast<int64_t>(i)));
    w.field("accountId", v);
    w.field("userLink", "https://twitter.com/intent/user?user_id=" + v);
    w.end_object();
    w.end_object();
    out.flush();
  }
  s += "\n]";
}

}  // namespace

int generate_x_archive(const Options& opt) {
  StatusStream stream(stream_params(opt, kUnitBytes, Order::newest_first));
  XArchive archive(stream);
  const People& people = archive.people();
  const std::string data = opt.out + "/data";
  make_dirs(data);

  // An archive lists every follower: as many as the account has, up to a share of --size.
  const uint64_t followers = listed_followers(stream, opt);
  uint64_t bytes = write_file(data + "/account.js", account_js(people, stream.brand()));
  bytes += write_file(data + "/profile.js", profile_js(stream.brand()));
  {
    Sink f;
    f.open(data + "/follower.js");
    follower_js(f, people, followers);
    bytes += f.bytes();
    f.close();
  }
  std::string account_json = "{\"username\": \"";
  people.x_handle(account_json, kAccount);
  account_json += "\", \"id\": \"" + std::to_string(people.x_id(kAccount)) +
                  "\", \"followers\": " + std::to_string(followers) + "}";

  Sink out;
  out.open(data + "/tweets.js");
  std::string& s = out.buf();
  s += js_header("tweets");
  JsonWriter w(s, kXArchiveStyle, 1);
  Tally tally;
  uint64_t versions = 0;  // first versions of edited tweets
  bool first = true;
  while (first || bytes + out.bytes() < opt.size) {
    const std::vector<Status>& unit = stream.next();
    for (const Status& st : unit) {
      if (st.kind == StatusKind::audience) {
        continue;  // other people's tweets are not in the archive
      }
      s += first ? "\n  " : ",\n  ";
      first = false;
      archive.tweet(w, st, unit, false);
      if (st.edited) {  // the first version, older, comes next (newest first)
        s += ",\n  ";
        archive.tweet(w, st, unit, true);
        ++versions;
      }
    }
    tally.add_unit(unit, false);
    out.flush();
  }
  s += "\n]";
  bytes += out.bytes();
  out.close();

  const std::string extra = "  \"followers\": " + std::to_string(followers) + ",\n" +
                            "  \"edited_versions\": " + std::to_string(versions) + ",\n";
  write_expected(opt.out + ".expected.json", "x-archive", opt, bytes, 4, account_json, tally,
                 extra);
  std::fprintf(stderr, "ror_gen: %llu tweets (%llu retweets), %llu followers\n",
               static_cast<unsigned long long>(tally.items()),
               static_cast<unsigned long long>(tally.reposts()),
               static_cast<unsigned long long>(followers));
  return 0;
}

}  // namespace gen
