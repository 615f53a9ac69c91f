#include "importers/x_tweet.hpp"

#include <array>
#include <utility>
#include <vector>

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

// Reads the hashtags and mentions of a v1.1 entities object into the record.
void read_entities(Value& v, PostRecord& out) {
  static constexpr std::array<std::string_view, 2> kKeys = {"hashtags", "user_mentions"};
  v.each_field(kKeys, [&](std::string_view key, Value& f) {
    if (key == "hashtags") {
      out.hashtags.clear();
      f.tags("text", '#', out.hashtags);
      out.hashtags_listed = true;
    } else if (key == "user_mentions") {
      out.mentions.clear();
      f.tags("screen_name", '@', out.mentions);
      out.mentions_listed = true;
    }
  });
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
      read_entities(f, out);
    } else if (key == "extended_tweet" && !f.is_null()) {
      // Compatibility mode of API v1.1: the long text and its entities.
      static constexpr std::array<std::string_view, 2> kExtended = {"full_text", "entities"};
      f.each_field(kExtended, [&](std::string_view k, Value& e) {
        if (k == "full_text") {
          text = e.string();
        } else if (k == "entities") {
          read_entities(e, out);
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
  out.text = sink.html_text(text);  // X writes &amp;, &lt; and &gt; in tweet texts
  out.comments_known = false;       // other people's replies are known only if they were collected
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

void read_v2_tweet(Value& v, V2Tweet& tweet, ingest::RecordSink& sink) {
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
  PostRecord& out = tweet.record;
  out.clear();
  out.threaded = true;
  tweet.text.clear();
  tweet.author_id = tweet.reply_user = {};
  tweet.mentioned.clear();
  tweet.author = ingest::AccountRecord{};
  tweet.retweet = false;
  std::string_view text;
  std::string_view& author_id = tweet.author_id;
  std::string_view& reply_user = tweet.reply_user;
  bool& retweet = tweet.retweet;
  bool has_id = false;
  bool has_time = false;
  auto& mentioned = tweet.mentioned;
  ingest::AccountRecord& author = tweet.author;
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
      f.each_field(kEntityLists, [&](std::string_view k, Value& list) {
        if (k == "hashtags") {
          out.hashtags.clear();
          list.tags("tag", '#', out.hashtags);
          out.hashtags_listed = true;
        } else if (k == "mentions") {
          static constexpr std::array<std::string_view, 2> kMentionKeys = {"username", "id"};
          out.mentions.clear();
          out.mentions_listed = true;
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
              out.mentions.push_back(name);
              mentioned.emplace_back(user_id, name);
            }
          });
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
  out.comments_known = false;  // other people's replies are known only if they were collected
  tweet.text.assign(sink.html_text(text));
}

bool resolve_v2_tweet(V2Tweet& tweet, const V2Users& users) {
  if (tweet.retweet) {
    return false;
  }
  PostRecord& out = tweet.record;
  ingest::AccountRecord& author = tweet.author;
  if (author.handle.empty() && !tweet.author_id.empty()) {
    author.role = ingest::AccountRole::profile;
    author.platform = std::string(kPlatform);
    author.id = std::string(tweet.author_id);
    const auto it = users.find(tweet.author_id);
    // (a user the page does not describe is known by id)
    author.handle = std::string(it != users.end() ? it->second.username : tweet.author_id);
    if (it != users.end()) {
      author.followers = it->second.followers;
    }
  }
  if (!author.handle.empty()) {
    out.author = author.handle;
    out.has_author = true;
  }
  if (!tweet.reply_user.empty()) {
    out.has_reply_to = true;
    out.reply_to_author = tweet.reply_user;
    if (const auto it = users.find(tweet.reply_user); it != users.end()) {
      out.reply_to_author = it->second.username;
    } else {
      for (const auto& [user_id, name] : tweet.mentioned) {
        if (user_id == tweet.reply_user) {
          out.reply_to_author = name;
        }
      }
    }
  }
  out.text = tweet.text;
  return true;
}

}  // namespace ror::importers::x
