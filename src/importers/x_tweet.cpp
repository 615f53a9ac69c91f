#include "importers/x_tweet.hpp"

#include <array>
#include <utility>
#include <vector>

#include "ror/text.hpp"

namespace ror::importers::x {

namespace {

using ingest::CountText;
using ingest::PostRecord;
using ingest::TimeFormat;
using ingest::Value;

constexpr std::array<std::string_view, 19> kV1Keys = {"id_str",
                                                      "id",
                                                      "created_at",
                                                      "full_text",
                                                      "text",
                                                      "user",
                                                      "entities",
                                                      "favorite_count",
                                                      "retweet_count",
                                                      "reply_count",
                                                      "quote_count",
                                                      "in_reply_to_status_id_str",
                                                      "in_reply_to_screen_name",
                                                      "in_reply_to_user_id_str",
                                                      "retweeted_status",
                                                      "edit_info",
                                                      "extended_tweet",
                                                      "bookmark_count",
                                                      "impression_count"};

// Hashtags and mentions of an entities object, counted distinct.
struct Entities {
  bool given = false;
  std::uint32_t hashtags = 0;
  std::uint32_t mentions = 0;
};

Entities read_entities(Value& v, ingest::RecordSink& sink, std::string_view hashtag_member,
                       std::string_view mentions_key, std::string_view mention_member) {
  Entities out;
  out.given = true;
  static constexpr std::array<std::string_view, 3> kKeys = {"hashtags", "user_mentions",
                                                            "mentions"};
  v.each_field(kKeys, [&](std::string_view key, Value& f) {
    if (key == "hashtags") {
      sink.tags.clear();
      f.tags(hashtag_member, '#', sink.tags);
      out.hashtags = count_distinct(sink.tags);
    } else if (key == mentions_key) {
      sink.tags.clear();
      f.tags(mention_member, '@', sink.tags);
      out.mentions = count_distinct(sink.tags);
    }
  });
  return out;
}

// The list of versions of an edited tweet, from its edit_info.
void read_edit_versions(Value& v, std::vector<std::string_view>& versions) {
  static constexpr std::array<std::string_view, 3> kKeys = {"initial", "edit",
                                                            "editControlInitial"};
  static constexpr std::array<std::string_view, 1> kIds = {"editTweetIds"};
  v.each_field(kKeys, [&](std::string_view key, Value& f) {
    if (key == "initial" || key == "editControlInitial") {
      f.each_field(kIds, [&](std::string_view k, Value& ids) {
        if (k == "editTweetIds") {
          versions.clear();
          ids.each_element([&](Value& id) { versions.push_back(id.id()); });
        }
      });
    } else if (key == "edit") {
      read_edit_versions(f, versions);
    }
  });
}

// Sets the post's text, and its tag counts (from entities when given, else from the text).
void set_text(PostRecord& out, ingest::RecordSink& sink, std::string_view raw,
              const Entities& entities) {
  // X writes &amp;, &lt; and &gt; in tweet texts.
  const std::string_view text = sink.html_text(raw);
  out.text = analyze_text(text);
  out.hashtags = entities.given ? entities.hashtags : count_text_tags(text, '#');
  out.mentions = entities.given ? entities.mentions : count_text_tags(text, '@');
}

}  // namespace

TweetKind read_v1_tweet(Value& v, PostRecord& out, ingest::RecordSink& sink, CountText counts,
                        ingest::AccountRecord& author) {
  out.clear();
  out.threaded = true;
  std::string_view id;
  std::string_view text;
  std::string_view reply_user_id;
  bool retweet = false;
  bool has_time = false;
  Entities entities;
  std::vector<std::string_view> versions;
  const auto count = [&](Value& f, PostMetric m) {
    if (const auto n = f.count(counts)) {
      out.set(m, *n);
    }
  };
  if (v.type() != simdjson::ondemand::json_type::object) {
    v.fail_type("an object");
  }
  v.each_field(kV1Keys, [&](std::string_view key, Value& f) {
    if (key == "id_str" || (key == "id" && id.empty())) {
      id = f.id();
    } else if (key == "created_at") {
      out.created_at = f.time(TimeFormat::twitter);
      has_time = true;
    } else if (key == "full_text" || (key == "text" && text.empty())) {
      text = f.optional_string().value_or(text);
    } else if (key == "user" && !f.is_null()) {
      static constexpr std::array<std::string_view, 4> kUserKeys = {"id_str", "screen_name",
                                                                    "followers_count", "name"};
      author.role = ingest::AccountRole::profile;
      author.platform = std::string(kPlatform);
      f.each_field(kUserKeys, [&](std::string_view k, Value& u) {
        if (k == "id_str") {
          author.id = std::string(u.id());
        } else if (k == "screen_name") {
          out.author = u.string();
          out.has_author = !out.author.empty();
          author.handle = std::string(out.author);
        } else if (k == "followers_count") {
          author.followers = u.count(counts);
        }
      });
    } else if (key == "entities" && !f.is_null()) {
      entities = read_entities(f, sink, "text", "user_mentions", "screen_name");
    } else if (key == "extended_tweet" && !f.is_null()) {
      // Compatibility mode of API v1.1: the long text and its entities.
      static constexpr std::array<std::string_view, 2> kExtended = {"full_text", "entities"};
      f.each_field(kExtended, [&](std::string_view k, Value& e) {
        if (k == "full_text") {
          text = e.string();
        } else if (k == "entities") {
          entities = read_entities(e, sink, "text", "user_mentions", "screen_name");
        }
      });
    } else if (key == "favorite_count") {
      count(f, PostMetric::likes);
    } else if (key == "retweet_count") {
      count(f, PostMetric::shares);
    } else if (key == "reply_count") {
      count(f, PostMetric::replies);
    } else if (key == "quote_count") {
      count(f, PostMetric::quotes);
    } else if (key == "bookmark_count") {
      count(f, PostMetric::bookmarks);
    } else if (key == "impression_count") {
      count(f, PostMetric::impressions);
    } else if (key == "in_reply_to_status_id_str") {
      out.reply_to_post = f.optional_id().value_or("");
    } else if (key == "in_reply_to_screen_name") {
      if (const auto name = f.optional_string(); name && !name->empty()) {
        out.reply_to_author = *name;
        out.has_reply_to = true;
      }
    } else if (key == "in_reply_to_user_id_str") {
      reply_user_id = f.optional_id().value_or("");
    } else if (key == "retweeted_status") {
      retweet = retweet || !f.is_null();
    } else if (key == "edit_info" && !f.is_null()) {
      read_edit_versions(f, versions);
    }
  });
  if (id.empty()) {
    const ingest::PathStep at{&v.at(), "id_str", 0, false};
    throw ingest::SchemaViolation{"missing required field \"id_str\"", at.pointer()};
  }
  if (!has_time) {
    const ingest::PathStep at{&v.at(), "created_at", 0, false};
    throw ingest::SchemaViolation{"missing required field \"created_at\"", at.pointer()};
  }
  out.id = id;
  if (!out.has_reply_to && !reply_user_id.empty()) {
    out.reply_to_author = reply_user_id;  // a reply whose handle the export leaves out
    out.has_reply_to = true;
  }
  if (retweet || text.starts_with("RT @")) {
    return TweetKind::retweet;
  }
  if (versions.size() > 1 && versions.back() != id) {
    return TweetKind::superseded;
  }
  set_text(out, sink, text, entities);
  out.comments_known = false;  // other people's replies are known only if they were collected
  return TweetKind::status;
}

ingest::AccountRecord read_v2_user(Value& v) {
  static constexpr std::array<std::string_view, 4> kKeys = {"id", "username", "name",
                                                            "public_metrics"};
  ingest::AccountRecord user;
  user.role = ingest::AccountRole::profile;
  user.platform = std::string(kPlatform);
  v.each_field(kKeys, [&](std::string_view key, Value& f) {
    if (key == "id") {
      user.id = std::string(f.id());
    } else if (key == "username") {
      user.handle = std::string(f.string());
    } else if (key == "public_metrics") {
      static constexpr std::array<std::string_view, 1> kMetrics = {"followers_count"};
      f.each_field(kMetrics, [&](std::string_view k, Value& m) {
        if (k == "followers_count") {
          user.followers = m.count();
        }
      });
    }
  });
  return user;
}

bool read_v2_tweet(Value& v, PostRecord& out, ingest::RecordSink& sink,
                   const std::unordered_map<std::string, V2User>& users,
                   ingest::AccountRecord& author) {
  static constexpr std::array<std::string_view, 14> kKeys = {"id",
                                                             "text",
                                                             "created_at",
                                                             "author_id",
                                                             "author",
                                                             "conversation_id",
                                                             "in_reply_to_user_id",
                                                             "referenced_tweets",
                                                             "public_metrics",
                                                             "non_public_metrics",
                                                             "organic_metrics",
                                                             "entities",
                                                             "note_tweet",
                                                             "edit_history_tweet_ids"};
  out.clear();
  out.threaded = true;
  std::string_view text;
  std::string_view author_id;
  std::string_view reply_user;
  bool retweet = false;
  bool has_id = false;
  bool has_time = false;
  Entities entities;
  std::vector<std::pair<std::string_view, std::string_view>> mentioned;  // id, username
  const auto read_metrics = [&](Value& f) {
    static constexpr std::array<std::string_view, 7> kMetricKeys = {
        "like_count",       "retweet_count",  "reply_count",    "quote_count",
        "impression_count", "bookmark_count", "url_link_clicks"};
    f.each_field(kMetricKeys, [&](std::string_view k, Value& m) {
      static constexpr std::array<std::pair<std::string_view, PostMetric>, 7> kMap = {{
          {"like_count", PostMetric::likes},
          {"retweet_count", PostMetric::shares},
          {"reply_count", PostMetric::replies},
          {"quote_count", PostMetric::quotes},
          {"impression_count", PostMetric::impressions},
          {"bookmark_count", PostMetric::bookmarks},
          {"url_link_clicks", PostMetric::clicks},
      }};
      for (const auto& [name, metric] : kMap) {
        if (k == name) {
          if (const auto n = m.count()) {
            out.set(metric, *n);
          }
        }
      }
    });
  };
  v.each_field(kKeys, [&](std::string_view key, Value& f) {
    if (key == "id") {
      out.id = f.id();
      has_id = true;
    } else if (key == "text") {
      text = f.string();
    } else if (key == "created_at") {
      out.created_at = f.time(TimeFormat::rfc3339);
      has_time = true;
    } else if (key == "author_id") {
      author_id = f.id();
    } else if (key == "author" && !f.is_null()) {
      author = read_v2_user(f);  // twarc2's flattened form embeds the author
    } else if (key == "conversation_id") {
      out.conversation = f.optional_id().value_or("");
    } else if (key == "in_reply_to_user_id") {
      reply_user = f.optional_id().value_or("");
    } else if (key == "referenced_tweets") {
      static constexpr std::array<std::string_view, 2> kRefKeys = {"type", "id"};
      f.each_element([&](Value& ref) {
        std::string_view type;
        std::string_view ref_id;
        ref.each_field(kRefKeys, [&](std::string_view k, Value& r) {
          if (k == "type") {
            type = r.string();
          } else if (k == "id") {
            ref_id = r.id();
          }
        });
        if (type == "retweeted") {
          retweet = true;
        } else if (type == "replied_to") {
          out.reply_to_post = ref_id;
        }
      });
    } else if (key == "public_metrics" || key == "organic_metrics" || key == "non_public_metrics") {
      read_metrics(f);
    } else if (key == "entities" && !f.is_null()) {
      static constexpr std::array<std::string_view, 2> kEntityLists = {"hashtags", "mentions"};
      entities.given = true;
      f.each_field(kEntityLists, [&](std::string_view k, Value& list) {
        sink.tags.clear();
        if (k == "hashtags") {
          list.tags("tag", '#', sink.tags);
          entities.hashtags = count_distinct(sink.tags);
        } else if (k == "mentions") {
          static constexpr std::array<std::string_view, 2> kMentionKeys = {"username", "id"};
          list.each_element([&](Value& m) {
            std::string_view name;
            std::string_view user_id;
            m.each_field(kMentionKeys, [&](std::string_view mk, Value& mv) {
              if (mk == "username") {
                name = mv.string();
              } else if (mk == "id") {
                user_id = mv.id();
              }
            });
            if (!name.empty()) {
              sink.tags.push_back(name);
              mentioned.emplace_back(user_id, name);
            }
          });
          entities.mentions = count_distinct(sink.tags);
        }
      });
    } else if (key == "note_tweet" && !f.is_null()) {
      // A long post: its whole text is here, the top-level text is cut.
      static constexpr std::array<std::string_view, 1> kNote = {"text"};
      f.each_field(kNote, [&](std::string_view k, Value& t) {
        if (k == "text") {
          text = t.string();
        }
      });
    }
  });
  if (!has_id || !has_time) {
    const std::string_view field = has_id ? "created_at" : "id";
    const ingest::PathStep at{&v.at(), field, 0, false};
    throw ingest::SchemaViolation{"missing required field \"" + std::string(field) + "\"",
                                  at.pointer()};
  }
  if (retweet) {
    return false;
  }
  if (!author.handle.empty()) {
    // twarc2 embedded the author
  } else if (const auto it = users.find(std::string(author_id)); it != users.end()) {
    author.role = ingest::AccountRole::profile;
    author.platform = std::string(kPlatform);
    author.id = std::string(author_id);
    author.handle = it->second.username;
    author.followers = it->second.followers;
  } else if (!author_id.empty()) {
    author.role = ingest::AccountRole::profile;
    author.platform = std::string(kPlatform);
    author.id = std::string(author_id);
    author.handle = std::string(author_id);  // a user the page does not describe
  }
  if (!author.handle.empty()) {
    out.author = author.handle;
    out.has_author = true;
  }
  if (!reply_user.empty()) {
    out.has_reply_to = true;
    out.reply_to_author = reply_user;
    if (const auto it = users.find(std::string(reply_user)); it != users.end()) {
      out.reply_to_author = it->second.username;
    } else {
      for (const auto& [user_id, name] : mentioned) {
        if (user_id == reply_user) {
          out.reply_to_author = name;
        }
      }
    }
  }
  out.comments_known = false;  // other people's replies are known only if they were collected
  // Words and tags of the text.
  const std::string_view plain = sink.html_text(text);
  out.text = analyze_text(plain);
  out.hashtags = entities.given ? entities.hashtags : count_text_tags(plain, '#');
  out.mentions = entities.given ? entities.mentions : count_text_tags(plain, '@');
  return true;
}

}  // namespace ror::importers::x
