#include "gen/twitter_v2.hpp"

#include "gen/output.hpp"

namespace gen {

namespace {

// The ISO 8601 form of v2's created_at: whole seconds, ".000Z".
void v2_time(std::string& s, int64_t t) {
  std::string q;
  put_ts(q, t - t % 1000, kZMillis, 0);
  s += std::string_view(q).substr(1, q.size() - 2);
}

void id_string(JsonWriter& w, std::string_view key, uint64_t id) {
  w.key(key).quoted_number(id);
}

}  // namespace

uint64_t conversation_root(const std::vector<Status>& unit) {
  for (const Status& s : unit) {
    if (s.parent < 0) {
      return twitter_id(s.t, s.seq);
    }
  }
  return 0;
}

V2Tweet resolve_v2(const std::vector<Status>& unit, size_t i, uint64_t root) {
  V2Tweet t;
  t.s = unit[i];
  t.id = twitter_id(t.s.t, t.s.seq);
  t.conversation_id = t.id;
  if (t.s.parent >= 0) {
    const Status& parent = unit[static_cast<size_t>(t.s.parent)];
    t.reply = true;
    t.parent_id = twitter_id(parent.t, parent.seq);
    t.parent_author = parent.author;
    t.conversation_id = root;
  } else if (t.s.kind == StatusKind::outreach) {
    t.reply = true;
    t.parent_id = twitter_id(t.s.other.t, t.s.other.seq);
    t.parent_author = t.s.other.author;
    t.conversation_id = t.parent_id;
  }
  return t;
}

void V2Objects::user_fields(JsonWriter& w, int64_t person, bool id_and_username) {
  if (id_and_username) {
    id_string(w, "id", people_.x_id(person));
  }
  scratch_.clear();
  v2_time(scratch_, people_.joined(person));
  w.field("created_at", scratch_);
  scratch_.clear();
  people_.display_name(scratch_, person);
  w.field("name", scratch_);
  if (id_and_username) {
    scratch_.clear();
    people_.x_handle(scratch_, person);
    w.field("username", scratch_);
  }
  w.key("public_metrics").begin_object();
  w.field_number("followers_count", people_.followers(person));
  w.field_number("following_count", people_.following(person));
  w.field_number("tweet_count", people_.statuses(person));
  w.field_number("listed_count", people_.followers(person) / 200);
  w.end_object();
  w.field("url", "");
  w.key("verified").boolean(false);
  w.key("protected").boolean(false);
  w.field("description", person < 0 ? "Coffee, pastries & good company ☕" : "");
  scratch_ = "https://pbs.twimg.com/profile_images/";
  put_u(scratch_, people_.x_id(person) % 1000000007);
  scratch_ += "/avatar_normal.jpg";
  w.field("profile_image_url", scratch_);
}

void V2Objects::user(JsonWriter& w, int64_t person) {
  w.begin_object();
  user_fields(w, person, true);
  w.end_object();
}

void V2Objects::public_metrics(JsonWriter& w, const Status& s, bool repost) {
  w.key("public_metrics").begin_object();
  w.field_number("retweet_count", s.reposts);
  w.field_number("reply_count", repost ? 0 : s.replies);
  w.field_number("like_count", repost ? 0 : s.likes);
  w.field_number("quote_count", repost ? 0 : s.quotes);
  w.field_number("bookmark_count", repost ? 0 : s.bookmarks);
  w.field_number("impression_count", repost ? 0 : s.impressions);
  w.end_object();
}

void V2Objects::entities(JsonWriter& w, bool flat) {
  if (tt_.entities.empty()) {
    return;
  }
  bool any[4] = {};
  for (const TweetEntity& e : tt_.entities) {
    any[static_cast<int>(e.kind)] = true;
  }
  w.key("entities").begin_object();
  if (any[static_cast<int>(PieceKind::hashtag)]) {
    w.key("hashtags").begin_array();
    for (const TweetEntity& e : tt_.entities) {
      if (e.kind == PieceKind::hashtag) {
        w.begin_object();
        w.field_number("start", e.start);
        w.field_number("end", e.end);
        w.field("tag", e.value);
        w.end_object();
      }
    }
    w.end_array();
  }
  if (any[static_cast<int>(PieceKind::mention)]) {
    w.key("mentions").begin_array();
    for (const TweetEntity& e : tt_.entities) {
      if (e.kind == PieceKind::mention) {
        w.begin_object();
        w.field_number("start", e.start);
        w.field_number("end", e.end);
        scratch_.clear();
        people_.x_handle(scratch_, e.person);
        w.field("username", scratch_);
        id_string(w, "id", people_.x_id(e.person));
        if (flat) {
          user_fields(w, e.person, false);
        }
        w.end_object();
      }
    }
    w.end_array();
  }
  if (any[static_cast<int>(PieceKind::link)]) {
    w.key("urls").begin_array();
    for (const TweetEntity& e : tt_.entities) {
      if (e.kind == PieceKind::link) {
        w.begin_object();
        w.field_number("start", e.start);
        w.field_number("end", e.end);
        w.field("url", e.tco);
        w.field("expanded_url", e.value);
        scratch_.clear();
        display_url(scratch_, e.value);
        w.field("display_url", scratch_);
        w.end_object();
      }
    }
    w.end_array();
  }
  w.end_object();
}

void V2Objects::tweet(JsonWriter& w, const V2Tweet& t, std::string_view twarc) {
  const Status& s = t.s;
  const bool flat = !twarc.empty();
  const bool repost = s.kind == StatusKind::repost;
  text_maker_.make(s, t.parent_author, rng_, text_);
  std::string prefix;
  if (repost) {
    prefix = "RT @";
    people_.x_handle(prefix, s.other.author);
    prefix += ": ";
  }
  render_tweet(text_, people_, rng_, prefix, repost ? 140 : 100000, tt_);
  if (s.quote) {
    std::string url;
    tweet_url(url, people_, s.other.author, twitter_id(s.other.t, s.other.seq));
    append_link(tt_, url, rng_);
  }
  named_.clear();
  named_.push_back(s.author);
  if (t.reply) {
    named_.push_back(t.parent_author);
  }
  for (const TweetEntity& e : tt_.entities) {
    if (e.kind == PieceKind::mention) {
      named_.push_back(e.person);
    }
  }
  if (repost || s.quote) {
    named_.push_back(s.other.author);
  }

  w.begin_object();
  w.key("edit_history_tweet_ids").begin_array();
  if (s.edited) {
    w.quoted_number(twitter_id(s.edit_t, s.edit_seq));
  }
  w.quoted_number(t.id);
  w.end_array();
  id_string(w, "conversation_id", t.conversation_id);
  if (t.reply || repost || s.quote) {
    w.key("referenced_tweets").begin_array();
    w.begin_object();
    w.field("type", t.reply ? "replied_to" : repost ? "retweeted" : "quoted");
    id_string(w, "id", t.reply ? t.parent_id : twitter_id(s.other.t, s.other.seq));
    if (flat && !t.reply) {
      other_tweet(w, s, true);
    }
    w.end_object();
    w.end_array();
  }
  w.field("reply_settings", "everyone");
  scratch_.clear();
  v2_time(scratch_, s.t);
  w.field("created_at", scratch_);
  public_metrics(w, s, repost);
  if (t.reply) {
    id_string(w, "in_reply_to_user_id", people_.x_id(t.parent_author));
  }
  entities(w, flat);
  w.field("lang", tweet_lang(rng_));
  w.key("possibly_sensitive").boolean(false);
  id_string(w, "id", t.id);
  scratch_.clear();
  escape_html(scratch_, tt_.text, kHtmlMinimal);  // as X writes tweet texts
  w.field("text", scratch_);
  id_string(w, "author_id", people_.x_id(s.author));
  if (flat) {
    w.key("author");
    user(w, s.author);
    if (t.reply) {
      w.key("in_reply_to_user");
      user(w, t.parent_author);
    }
    w.field_raw("__twarc", twarc);
  }
  w.end_object();
}

// Called inside the object of a referenced tweet (flat) or as a whole object (includes.tweets).
void V2Objects::other_tweet(JsonWriter& w, const Status& s, bool flat) {
  Text text;
  text_maker_.make_other(s, text);
  TweetText tt;
  Rng rng(s.seed ^ 0x7463ULL);
  render_tweet(text, people_, rng, "", 100000, tt);
  const uint64_t id = twitter_id(s.other.t, s.other.seq);
  if (!flat) {
    w.begin_object();
    id_string(w, "id", id);
  }
  w.key("edit_history_tweet_ids").begin_array();
  w.quoted_number(id);
  w.end_array();
  id_string(w, "conversation_id", id);
  w.field("reply_settings", "everyone");
  scratch_.clear();
  v2_time(scratch_, s.other.t);
  w.field("created_at", scratch_);
  public_metrics(w, s, false);  // a repost carries the reposted tweet's counts
  w.field("lang", "en");
  w.key("possibly_sensitive").boolean(false);
  scratch_.clear();
  escape_html(scratch_, tt.text, kHtmlMinimal);  // as X writes tweet texts
  w.field("text", scratch_);
  id_string(w, "author_id", people_.x_id(s.other.author));
  if (flat) {
    w.key("author");
    user(w, s.other.author);
  } else {
    w.end_object();
  }
}

std::string twarc_member(const People& people, bool timeline, uint64_t conversation_id,
                         int64_t retrieved_ms) {
  constexpr std::string_view kFields =
      "expansions=author_id%2Cin_reply_to_user_id%2Creferenced_tweets.id%2Creferenced_tweets.id."
      "author_id%2Centities.mentions.username&tweet.fields=author_id%2Cconversation_id%2Ccreated_"
      "at%2Centities%2Cid%2Cin_reply_to_user_id%2Clang%2Cpublic_metrics%2Ctext%2Cpossibly_"
      "sensitive%2Creferenced_tweets%2Creply_settings%2Cedit_history_tweet_ids&user.fields=created_"
      "at%2Cdescription%2Cid%2Cname%2Cprofile_image_url%2Cprotected%2Cpublic_metrics%2Curl%"
      "2Cusername%2Cverified&max_results=100";
  std::string s = "{\"url\": \"https://api.twitter.com/2/";
  if (timeline) {
    s += "users/";
    put_u(s, people.x_id(kAccount));
    s += "/tweets?";
    s += kFields;
  } else {
    s += "tweets/search/all?";
    s += kFields;
    s += "&query=conversation_id%3A";
    put_u(s, conversation_id);
  }
  s += "\", \"version\": \"2.14.0\", \"retrieved_at\": \"";
  std::string q;
  put_ts(q, retrieved_ms - retrieved_ms % 1000, kZ, 0);
  s += std::string_view(q).substr(1, q.size() - 3);  // without the quotes and the "Z"
  s += "+00:00\"}";
  return s;
}

}  // namespace gen
