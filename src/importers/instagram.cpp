// Instagram's "Download your information" in its JSON form (the zip or its folder): the
// account's posts (`posts_1.json`: an array of {media: [{uri, creation_timestamp, title}], title,
// creation_timestamp}, the caption on the post or, for one photo, on media[0].title; its reels
// and IGTV videos, the same entries under {"ig_reels_media": [...]}, {"ig_igtv_media": [...]};
// its stories, {"ig_stories": [...]}, counted), its
// comments on posts (`post_comments_1.json`, `comments.json`: either {"comments_media_comments":
// [{title, string_list_data}]} or an array of {string_map_data: {Comment, Media Owner, Time}}),
// its likes (`liked_posts.json`), its profile (`personal_information.json`) and its followers
// (`followers_1.json`). Every text is mojibake, repaired (meta_export.hpp). The export is the
// account's own: no comment other people wrote, no like count.
#include <optional>
#include <string>

#include "importers/importers.hpp"
#include "importers/meta_export.hpp"

namespace ror::importers {
namespace {

using ingest::AccountRecord;
using ingest::AccountRole;
using ingest::detected;
using ingest::Detection;
using ingest::FramingKind;
using ingest::ImportItem;
using ingest::Sniff;
using ingest::TimeFormat;
using ingest::Value;
using simdjson::ondemand::json_type;

constexpr std::string_view kPlatform = "instagram";
constexpr std::string_view kLikes = "likes the account gave (on others' posts)";
constexpr std::string_view kNoOwner = "the account's comments whose post's owner is not given";

constexpr std::string_view kStories =
    "stories (posts seen for a day, not scored beside the account's posts)";

enum Variant : std::uint8_t {
  posts,
  comments_map,
  comments_list,
  likes,
  profile,
  followers,
  stories
};

// A post of posts_1.json.
void read_post(Value& v, ingest::RecordSink& sink) {
  static constexpr std::array<std::string_view, 3> kKeys = {"media", "title", "creation_timestamp"};
  static constexpr std::array<std::string_view, 3> kMedia = {"uri", "creation_timestamp", "title"};
  thread_local ingest::PostRecord r;
  thread_local std::string caption;
  thread_local std::string first_title;
  thread_local std::string id;
  r.clear();
  caption.clear();
  first_title.clear();
  id.clear();
  bool has_caption = false;
  std::optional<TimeMs> time;
  std::optional<TimeMs> first_time;
  std::uint64_t media = 0;
  std::uint64_t hash = meta::fnv1a({});
  if (v.type() != json_type::object) {
    v.fail_type("an object");
  }
  v.each_field(kKeys, [&](std::string_view key, Value& f) {
    if (key == "title") {
      meta::read_text(f, caption);
      has_caption = true;
    } else if (key == "creation_timestamp") {
      time = f.optional_time(TimeFormat::epoch_seconds);
    } else if (key == "media") {
      f.each_element([&](Value& m) {
        const bool first = media++ == 0;
        m.each_field(kMedia, [&](std::string_view k, Value& mf) {
          if (k == "uri") {
            const std::string_view uri = mf.optional_string().value_or("");
            hash = meta::fnv1a(uri, hash);
            if (first) {
              id.assign(uri);
            }
          } else if (k == "creation_timestamp" && first) {
            first_time = mf.optional_time(TimeFormat::epoch_seconds);
          } else if (k == "title" && first) {
            meta::read_text(mf, first_title);
          }
        });
      });
    }
  });
  if (!time) {
    time = first_time;
  }
  if (!time) {
    v.fail("a post needs \"creation_timestamp\" (on it or on its first media)");
  }
  r.created_at = *time;
  r.text = has_caption ? caption : first_title;
  if (id.empty()) {
    id = meta::made_id("", r.created_at, meta::fnv1a(r.text, hash));
  }
  r.id = id;                 // the first photo's path in the export: unique and stable
  r.comments_known = false;  // the export holds none of the comments under the account's posts
  sink.post(r);
}

// The account's comment on someone's post: an outreach post answering the post's owner (under
// the account's own post, counted out by the load: PostRecord::under_owner_post).
void emit_comment(std::string_view text, std::string_view owner, std::optional<TimeMs> time,
                  Value& v, ingest::RecordSink& sink) {
  thread_local ingest::PostRecord r;
  thread_local std::string id;
  if (!time) {
    v.fail("a comment needs a time (\"timestamp\")");
  }
  if (owner.empty()) {
    sink.skip(kNoOwner);
    return;
  }
  r.clear();
  id = meta::made_id("comment-", *time, meta::fnv1a(owner, meta::fnv1a(text)));
  r.id = id;
  r.created_at = *time;
  r.text = text;
  r.reply_to_author = owner;
  r.has_reply_to = true;
  r.under_owner_post = true;  // (under the account's own post: counted out, kOwnPostUnknown)
  r.comments_known = false;
  sink.post(r);
}

// The newer shape: {"string_map_data": {"Comment": {"value"}, "Media Owner": {"value"},
// "Time": {"timestamp"}}}.
void read_comment_map(Value& v, ingest::RecordSink& sink) {
  static constexpr std::array<std::string_view, 1> kKeys = {"string_map_data"};
  static constexpr std::array<std::string_view, 3> kMap = {"Comment", "Media Owner", "Time"};
  static constexpr std::array<std::string_view, 2> kEntry = {"value", "timestamp"};
  std::string text;
  std::string owner;
  std::optional<TimeMs> time;
  if (v.type() != json_type::object) {
    v.fail_type("an object");
  }
  v.each_field(kKeys, [&](std::string_view key, Value& map) {
    if (key != "string_map_data") {
      return;
    }
    map.each_field(kMap, [&](std::string_view k, Value& entry) {
      entry.each_field(kEntry, [&](std::string_view e, Value& f) {
        if (e == "value" && k == "Comment") {
          meta::read_text(f, text);
        } else if (e == "value" && k == "Media Owner") {
          meta::read_text(f, owner);
        } else if (e == "timestamp" && (k == "Time" || !time)) {
          if (const auto t = f.optional_time(TimeFormat::epoch_seconds); t && *t > 0) {
            time = t;
          }
        }
      });
    });
  });
  emit_comment(text, owner, time, v, sink);
}

// The older shape: {"title": owner, "string_list_data": [{"value": text, "timestamp"}]}.
void read_comment_list(Value& v, ingest::RecordSink& sink) {
  static constexpr std::array<std::string_view, 2> kKeys = {"title", "string_list_data"};
  static constexpr std::array<std::string_view, 2> kEntry = {"value", "timestamp"};
  std::string owner;
  std::string text;
  std::optional<TimeMs> time;
  if (v.type() != json_type::object) {
    v.fail_type("an object");
  }
  v.each_field(kKeys, [&](std::string_view key, Value& f) {
    if (key == "title") {
      meta::read_text(f, owner);
    } else if (key == "string_list_data") {
      f.each_element([&](Value& entry) {
        entry.each_field(kEntry, [&](std::string_view e, Value& ef) {
          if (e == "value") {
            meta::read_text(ef, text);
          } else if (e == "timestamp") {
            time = ef.optional_time(TimeFormat::epoch_seconds);
          }
        });
      });
    }
  });
  emit_comment(text, owner, time, v, sink);
}

// personal_information.json: {"profile_user": [{"string_map_data": {"Username": {"value"},
// "Name": {"value"}}}]}.
void read_profile(Value& v, ingest::RecordSink& sink) {
  static constexpr std::array<std::string_view, 1> kKeys = {"string_map_data"};
  static constexpr std::array<std::string_view, 2> kMap = {"Username", "Name"};
  static constexpr std::array<std::string_view, 1> kEntry = {"value"};
  AccountRecord account;
  account.platform = std::string(kPlatform);
  std::string name;
  v.each_field(kKeys, [&](std::string_view key, Value& map) {
    if (key != "string_map_data") {
      return;
    }
    map.each_field(kMap, [&](std::string_view k, Value& entry) {
      if (k != "Username" && k != "Name") {
        return;
      }
      entry.each_field(kEntry, [&](std::string_view e, Value& f) {
        if (e == "value") {
          meta::read_text(f, k == "Username" ? account.handle : name);
        }
      });
    });
  });
  if (account.handle.empty()) {
    return;
  }
  if (!name.empty()) {
    account.aliases.push_back(name);
  }
  sink.account(std::move(account));
}

void read(ImportItem& item, ingest::RecordSink& out) {
  if (item.kind == ingest::ItemKind::member) {
    return;  // (a member beside the split array)
  }
  switch (item.variant) {
    case posts:
      read_post(item.value, out);
      break;
    case comments_map:
      read_comment_map(item.value, out);
      break;
    case comments_list:
      read_comment_list(item.value, out);
      break;
    case likes:
      out.skip(kLikes);
      break;
    case stories:
      out.skip(kStories);
      break;
    case profile:
      read_profile(item.value, out);
      break;
    case followers: {
      AccountRecord entries;
      entries.role = AccountRole::profile;  // adds to the follower count, names nobody
      entries.follower_entries = 1;
      out.account(std::move(entries));
      break;
    }
    default:
      break;
  }
}

Detection detect(const Sniff& s) {
  using ingest::Shape;
  const ingest::Framing array{FramingKind::document, {}, false};
  const auto split = [](std::string_view a, std::string_view b = {}) {
    return ingest::Framing{FramingKind::document, {a, b}, false};
  };
  if (s.shape == Shape::array) {
    if (s.get("0/media") == "[" &&
        (s.has("0/media/0/uri") || s.has("0/media/0/creation_timestamp"))) {
      return detected(90, array, posts);
    }
    if (s.get("0/string_map_data") == "{" &&
        (s.has("0/string_map_data/Comment") || s.has("0/string_map_data/Media Owner"))) {
      return detected(90, array, comments_map);
    }
    if (s.get("0/string_list_data") == "[" && s.has("0/string_list_data/0/href") &&
        s.has("0/string_list_data/0/value")) {
      return detected(70, array, followers);  // followers_1.json: one entry per follower
    }
    return {};
  }
  if (s.shape != Shape::object) {
    return {};
  }
  if (s.get("comments_media_comments") == "[" || s.get("comments_reels_comments") == "[") {
    const bool list = s.get("comments_media_comments/0/string_list_data") == "[" ||
                      s.get("comments_reels_comments/0/string_list_data") == "[";
    return detected(95, split("comments_media_comments", "comments_reels_comments"),
                    list ? comments_list : comments_map);
  }
  // Reels (content/reels.json) and IGTV videos (igtv_videos.json) are posts as posts_1.json's
  // are, each array under its one key.
  if (s.get("ig_reels_media") == "[" || s.get("ig_igtv_media") == "[") {
    return detected(95, split("ig_reels_media", "ig_igtv_media"), posts);
  }
  if (s.get("ig_stories") == "[") {
    return detected(95, split("ig_stories"), stories);
  }
  if (s.get("likes_media_likes") == "[" || s.get("likes_comment_likes") == "[") {
    return detected(95, split("likes_media_likes", "likes_comment_likes"), likes);
  }
  if (s.get("relationships_followers") == "[") {
    return detected(95, split("relationships_followers"), followers);
  }
  if (s.get("profile_user") == "[" && s.get("profile_user/0/string_map_data") == "{") {
    return detected(95, split("profile_user"), profile);
  }
  return {};
}

}  // namespace

const ingest::Importer kInstagram = {
    "instagram",
    kPlatform,
    "Instagram's \"Download your information\" JSON: the zip or its folder, or posts_1.json, "
    "reels.json, post_comments_1.json, liked_posts.json, personal_information.json, "
    "followers_1.json",
    "like, comment and view counts and every comment other people wrote (the export holds only "
    "the account's own writing), impressions",
    false,
    detect,
    read,
};

}  // namespace ror::importers
