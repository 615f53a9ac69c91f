// The X (Twitter) API as people save it: API v2 response pages ({"data": [...], "includes":
// {...}, "meta": {...}}), one per line as twarc2 writes them or one per file; twarc2's
// flattened form, one tweet per line with its author embedded; and API v1.1 timelines (an
// array of statuses with `user`). Replies are tweets too: placed under the conversation's first
// tweet once the account is known (docs/format.md, "Threads").
#include <unordered_map>

#include "importers/importers.hpp"
#include "importers/x_tweet.hpp"

namespace ror::importers {
namespace {

using ingest::AccountRecord;
using ingest::detected;
using ingest::Detection;
using ingest::FramingKind;
using ingest::ImportItem;
using ingest::Sniff;
using ingest::Value;

enum Variant : std::uint8_t { v2_page, v2_flat, v1_status };

constexpr std::string_view kContextTweets = "tweets in a page's includes (context of the data)";
constexpr std::string_view kApiErrors = "errors reported in API pages";

// An includes.users entry: its handle for the page's tweets, and its profile.
void read_user(Value& v, x::V2Users& users, ingest::RecordSink& out) {
  static constexpr std::array<std::string_view, 3> kKeys = {"id", "username", "public_metrics"};
  std::string_view id;
  x::V2User user;
  v.each_field(kKeys, [&](std::string_view key, Value& f) {
    if (key == "id") {
      id = f.id();
    } else if (key == "username") {
      user.username = f.string();
    } else if (key == "public_metrics") {
      static constexpr std::array<std::string_view, 1> kMetrics = {"followers_count"};
      f.each_field(kMetrics, [&](std::string_view k, Value& m) {
        if (k == "followers_count") {
          user.followers = m.count();
        }
      });
    }
  });
  if (id.empty() || user.username.empty()) {
    return;
  }
  users[id] = user;
  AccountRecord profile;
  profile.role = ingest::AccountRole::profile;
  profile.platform = std::string(x::kPlatform);
  profile.id = std::string(id);
  profile.handle = std::string(user.username);
  profile.followers = user.followers;
  out.account(std::move(profile));
}

// Hands a read tweet over, with its author's profile; a retweet is counted and left out.
void emit_v2(x::V2Tweet& tweet, ingest::RecordSink& out, const x::V2Users& users,
             bool with_profile) {
  if (!x::resolve_v2_tweet(tweet, users)) {
    out.skip(x::kReposts);
    return;
  }
  if (with_profile && !tweet.author.handle.empty()) {
    out.account(tweet.author);
  }
  out.post(tweet.record);
}

// A v2 page: its tweets are read as they come and handed over once the page's includes (which
// may come after them) have named their authors.
void read_page(Value& page, ingest::RecordSink& out) {
  static constexpr std::array<std::string_view, 4> kKeys = {"data", "includes", "errors", "meta"};
  thread_local std::vector<x::V2Tweet> tweets;  // reused, with their allocations
  x::V2Users users;
  std::size_t count = 0;
  page.each_field(kKeys, [&](std::string_view key, Value& f) {
    if (key == "data") {
      if (f.repeated()) {
        count = 0;  // the last page of tweets given is the page
      }
      f.each_element(
          [&](Value& tweet) {
            if (count == tweets.size()) {
              tweets.emplace_back();
            }
            x::read_v2_tweet(tweet, tweets[count++], out);
          },
          false);
    } else if (key == "includes") {
      static constexpr std::array<std::string_view, 2> kIncludes = {"users", "tweets"};
      f.each_field(kIncludes, [&](std::string_view k, Value& list) {
        if (k == "users") {
          list.each_element([&](Value& u) { read_user(u, users, out); });
        } else if (k == "tweets") {
          std::uint64_t n = 0;
          list.each_element([&](Value& t) {
            t.skip();
            ++n;
          });
          out.skip(kContextTweets, n);
        }
      });
    } else if (key == "errors") {
      std::uint64_t n = 0;
      f.each_element([&](Value& e) {
        e.skip();
        ++n;
      });
      if (n > 0) {
        out.skip(kApiErrors, n);
      }
    }
  });
  for (std::size_t i = 0; i < count; ++i) {
    emit_v2(tweets[i], out, users, false);  // (the includes gave the profiles)
  }
}

void read(ImportItem& item, ingest::RecordSink& out) {
  if (item.kind == ingest::ItemKind::member) {
    return;
  }
  switch (item.variant) {
    case v2_page:
      read_page(item.value, out);
      break;
    case v2_flat: {
      thread_local x::V2Tweet tweet;
      x::read_v2_tweet(item.value, tweet, out);
      emit_v2(tweet, out, {}, true);
      break;
    }
    case v1_status: {
      thread_local ingest::PostRecord record;
      AccountRecord author;
      const x::TweetKind kind =
          x::read_v1_tweet(item.value, record, out, ingest::CountText::numbers_only, author);
      if (kind == x::TweetKind::retweet) {
        out.skip(x::kReposts);
        break;
      }
      if (!author.handle.empty()) {
        out.account(author);
      }
      if (kind == x::TweetKind::superseded) {
        out.skip(x::kEditedVersions);
      } else {
        out.post(record);
      }
      break;
    }
    default:
      break;
  }
}

Detection detect(const Sniff& s) {
  using ingest::Shape;
  const bool lines = s.shape == Shape::lines;
  const ingest::Framing per_item{lines ? FramingKind::lines : FramingKind::whole, {}, false};
  if ((lines || s.shape == Shape::object) && s.get("data") == "[" && s.has("data/0/id") &&
      s.has("data/0/text")) {
    return detected(s.has("includes") || s.has("meta") ? 95 : 85, per_item, v2_page);
  }
  if ((lines || s.shape == Shape::object) && s.has("id") && s.has("text") &&
      s.get("author") == "{" && s.has("author/username")) {
    return detected(90, per_item, v2_flat);
  }
  if (s.shape == Shape::array && s.has("0/id_str") && s.get("0/user") == "{" &&
      (s.has("0/text") || s.has("0/full_text"))) {
    return detected(90, {FramingKind::document, {}, false}, v1_status);
  }
  if ((lines || s.shape == Shape::object) && s.has("id_str") && s.get("user") == "{") {
    return detected(80, per_item, v1_status);
  }
  return {};
}

}  // namespace

const ingest::Importer kXApi = {
    "x-api",
    x::kPlatform,
    "X (Twitter) API responses: v2 pages (as twarc2 writes them, one per line, or one per "
    "file), twarc2's flattened tweets, and v1.1 timelines",
    "whatever the responses leave out: impressions and clicks without organic or non-public "
    "metrics, and the replies that were not collected",
    true,
    detect,
    read,
};

}  // namespace ror::importers
