// Facebook's "Download your information" in its JSON form (the zip or its folder): the
// account's posts (`your_posts_1.json`: an array of {timestamp, data: [{post}], attachments,
// title, tags}), its comments on posts (`comments.json`: {"comments_v2": [...]}), its reactions
// (`likes_and_reactions_1.json`), its profile (`profile_information.json`) and its followers
// (`followers.json`). Every text is mojibake, repaired (meta_export.hpp). The export is the
// account's own: it holds no comment other people wrote and no reaction count.
#include <optional>
#include <string>
#include <vector>

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

constexpr std::string_view kPlatform = "facebook";
constexpr std::string_view kReactions = "reactions the account gave (on others' posts)";
constexpr std::string_view kOwnComments = ingest::kOwnPostUnknown;
constexpr std::string_view kContentLeftOut =
    "posts the export gives only a time for (no text, title or attachment)";
constexpr std::string_view kBareShares =
    "shares of others' posts and of memories, with no words of the account's (not its writing)";
constexpr std::string_view kUnnamedComments =
    "the account's comments whose post's author the title does not name";

enum Variant : std::uint8_t { posts, comments, reactions, profile, followers };

// Whom an activity's title ("Ada Byron commented on Alan Kay's post.", "... wrote on Alan Kay's
// timeline.") says it answers: the name before the last "'s", else "". `own` is set for the
// account's own post ("... commented on her own post."). Facebook writes titles in the account's
// language: only English ones are read.
std::string addressee(std::string_view title, bool& own) {
  own = false;
  static constexpr std::array<std::string_view, 3> kVerbs = {" commented on ", " replied to ",
                                                             " wrote on "};
  std::size_t at = std::string_view::npos;
  std::size_t verb_size = 0;
  for (const std::string_view verb : kVerbs) {
    if (const std::size_t p = title.find(verb); p != std::string_view::npos && p < at) {
      at = p;
      verb_size = verb.size();
    }
  }
  if (at == std::string_view::npos) {
    return {};
  }
  std::string_view rest = title.substr(at + verb_size);
  for (const std::string_view self : {"his own ", "her own ", "their own ", "your own ", "own "}) {
    if (rest.starts_with(self)) {
      own = true;
      return {};
    }
  }
  std::size_t end = std::string_view::npos;
  for (const std::string_view possessive :
       {std::string_view("'s "), std::string_view("\u2019s ")}) {
    if (const std::size_t p = rest.rfind(possessive);
        p != std::string_view::npos && (end == std::string_view::npos || p > end)) {
      end = p;
    }
  }
  if (end == std::string_view::npos || end == 0) {
    return {};
  }
  return std::string(rest.substr(0, end));
}

// Whether a post's title says it shares someone's post or a memory ("Ada Byron shared Alan Kay's
// post.", "... shared a memory.", "... shared her own post."): with no words of the account's,
// such a post is another's writing, or its own again, as a repost is. A shared link or photo is
// the account's choice of it and stays a post. English titles only, as addressee().
bool shares_writing(std::string_view title) {
  const std::size_t at = title.find(" shared ");
  if (at == std::string_view::npos) {
    return false;
  }
  const std::string_view rest = title.substr(at + 8);
  for (const std::string_view whose :
       {"a memory", "his own ", "her own ", "their own ", "your own "}) {
    if (rest.starts_with(whose)) {
      return true;
    }
  }
  return rest.find("'s ") != std::string_view::npos ||
         rest.find("\u2019s ") != std::string_view::npos;
}

// A timestamp member, required.
TimeMs need_time(Value& v, bool has, TimeMs time, std::string_view what) {
  if (!has) {
    v.fail(fmt::format("{} needs a \"timestamp\"", what));
  }
  return time;
}

// The attachments of a post: what identifies them (media URIs, links) goes into `hash`; the first
// media description is kept in `description` (a photo's caption). Returns whether any holds an
// entry (of any kind: a place, a link, a photo).
bool read_attachments(Value& v, std::uint64_t& hash, std::string& description) {
  bool any = false;
  static constexpr std::array<std::string_view, 1> kData = {"data"};
  static constexpr std::array<std::string_view, 2> kKinds = {"media", "external_context"};
  static constexpr std::array<std::string_view, 3> kInner = {"uri", "url", "description"};
  v.each_element([&](Value& attachment) {
    attachment.each_field(kData, [&](std::string_view key, Value& data) {
      if (key != "data") {
        return;
      }
      data.each_element([&](Value& entry) {
        any = true;
        entry.each_field(kKinds, [&](std::string_view kind, Value& inner) {
          if (kind != "media" && kind != "external_context") {
            return;
          }
          inner.each_field(kInner, [&](std::string_view k, Value& f) {
            if (k == "uri" || k == "url") {
              hash = meta::fnv1a(f.optional_string().value_or(""), hash);
            } else if (k == "description" && description.empty()) {
              meta::read_text(f, description);
            }
          });
        });
      });
    });
  });
  return any;
}

// A post of your_posts_1.json.
void read_post(Value& v, ingest::RecordSink& sink) {
  static constexpr std::array<std::string_view, 5> kKeys = {"timestamp", "data", "attachments",
                                                            "title", "tags"};
  static constexpr std::array<std::string_view, 1> kData = {"post"};
  static constexpr std::array<std::string_view, 1> kTag = {"name"};
  thread_local ingest::PostRecord r;
  thread_local std::string text;
  thread_local std::string title;
  thread_local std::string description;
  thread_local std::string id;
  thread_local std::string reply_to;
  thread_local std::vector<std::string> tags;
  r.clear();
  text.clear();
  title.clear();
  description.clear();
  tags.clear();
  std::uint64_t hash = meta::fnv1a({});
  bool has_time = false;
  bool tagged = false;
  bool attached = false;
  if (v.type() != json_type::object) {
    v.fail_type("an object");
  }
  v.each_field(kKeys, [&](std::string_view key, Value& f) {
    if (key == "timestamp") {
      r.created_at = f.time(TimeFormat::epoch_seconds);
      has_time = true;
    } else if (key == "data") {
      f.each_element([&](Value& entry) {
        entry.each_field(kData, [&](std::string_view k, Value& post) {
          if (k == "post") {
            std::string part = meta::text_of(post);
            if (!part.empty()) {
              text.append(text.empty() ? "" : "\n").append(part);
            }
          }
        });
      });
    } else if (key == "attachments") {
      attached = read_attachments(f, hash, description) || attached;
    } else if (key == "title") {
      meta::read_text(f, title);
    } else if (key == "tags") {
      tagged = true;
      f.each_element([&](Value& tag) {
        if (tag.type() == json_type::string) {
          tags.push_back(meta::text_of(tag));
          return;
        }
        tag.each_field(kTag, [&](std::string_view k, Value& name) {
          if (k == "name") {
            tags.push_back(meta::text_of(name));
          }
        });
      });
    }
  });
  r.created_at = need_time(v, has_time, r.created_at, "a post");
  if (text.empty() && title.empty() && !attached && tags.empty()) {
    sink.skip(kContentLeftOut);  // only a time: what was posted is unknown, not an empty post
    return;
  }
  if (text.empty() && shares_writing(title)) {
    sink.skip(kBareShares);
    return;
  }
  if (text.empty()) {
    text = description;  // a photo posted with its caption only
  }
  hash = meta::fnv1a(title, meta::fnv1a(text, hash));
  id = meta::made_id("", r.created_at, hash);
  r.id = id;
  r.text = text;
  r.comments_known = false;  // the export holds none of the comments under the account's posts
  if (tagged) {
    r.mentions_listed = true;
    for (const std::string& t : tags) {
      r.mentions.push_back(t);
    }
  }
  bool own = false;
  reply_to = addressee(title, own);  // "... wrote on Alan Kay's timeline."
  if (!reply_to.empty()) {
    r.reply_to_author = reply_to;
    r.has_reply_to = true;
  }
  sink.post(r);
}

// A comment of comments.json: the account's comment on a post, an outreach post when the title
// names the post's author.
void read_comment(Value& v, ingest::RecordSink& sink) {
  static constexpr std::array<std::string_view, 3> kKeys = {"timestamp", "data", "title"};
  static constexpr std::array<std::string_view, 1> kData = {"comment"};
  static constexpr std::array<std::string_view, 3> kComment = {"timestamp", "comment", "author"};
  thread_local ingest::PostRecord r;
  thread_local std::string text;
  thread_local std::string title;
  thread_local std::string author;
  thread_local std::string id;
  r.clear();
  text.clear();
  title.clear();
  author.clear();
  bool has_time = false;
  std::optional<TimeMs> comment_time;
  if (v.type() != json_type::object) {
    v.fail_type("an object");
  }
  v.each_field(kKeys, [&](std::string_view key, Value& f) {
    if (key == "timestamp") {
      r.created_at = f.time(TimeFormat::epoch_seconds);
      has_time = true;
    } else if (key == "title") {
      meta::read_text(f, title);
    } else if (key == "data") {
      f.each_element([&](Value& entry) {
        entry.each_field(kData, [&](std::string_view k, Value& comment) {
          if (k != "comment") {
            return;
          }
          comment.each_field(kComment, [&](std::string_view c, Value& field) {
            if (c == "timestamp") {
              comment_time = field.optional_time(TimeFormat::epoch_seconds);
            } else if (c == "comment") {
              meta::read_text(field, text);
            } else if (c == "author") {
              meta::read_text(field, author);
            }
          });
        });
      });
    }
  });
  if (!has_time && comment_time) {
    r.created_at = *comment_time;
    has_time = true;
  }
  r.created_at = need_time(v, has_time, r.created_at, "a comment");
  bool own = false;
  const std::string to = addressee(title, own);
  if (own) {
    sink.skip(kOwnComments);
    return;
  }
  if (to.empty()) {
    sink.skip(kUnnamedComments);
    return;
  }
  id = meta::made_id("comment-", r.created_at, meta::fnv1a(title, meta::fnv1a(text)));
  r.id = id;
  r.text = text;
  r.author = author;
  r.has_author = !author.empty();
  r.reply_to_author = to;
  r.has_reply_to = true;
  r.comments_known = false;
  sink.post(r);
}

// profile_information.json: {"profile_v2": {"name": {"full_name": ...}, "username": ...}}.
void read_profile(Value& v, ingest::RecordSink& sink) {
  static constexpr std::array<std::string_view, 2> kKeys = {"profile_v2", "profile"};
  static constexpr std::array<std::string_view, 2> kProfile = {"name", "username"};
  static constexpr std::array<std::string_view, 1> kName = {"full_name"};
  AccountRecord account;
  account.platform = std::string(kPlatform);
  std::string username;
  v.each_field(kKeys, [&](std::string_view key, Value& p) {
    if (key != "profile_v2" && key != "profile") {
      return;
    }
    p.each_field(kProfile, [&](std::string_view k, Value& f) {
      if (k == "name") {
        if (f.type() == json_type::string) {
          meta::read_text(f, account.handle);
          return;
        }
        f.each_field(kName, [&](std::string_view n, Value& full) {
          if (n == "full_name") {
            meta::read_text(full, account.handle);
          }
        });
      } else if (k == "username") {
        meta::read_text(f, username);
      }
    });
  });
  if (account.handle.empty()) {
    account.handle = username;
  } else if (!username.empty()) {
    account.aliases.push_back(username);
  }
  if (!account.handle.empty()) {
    sink.account(std::move(account));
  }
}

void read(ImportItem& item, ingest::RecordSink& out) {
  if (item.kind == ingest::ItemKind::member && item.variant != profile) {
    return;  // (a member beside the split array)
  }
  switch (item.variant) {
    case posts:
      read_post(item.value, out);
      break;
    case comments:
      read_comment(item.value, out);
      break;
    case reactions:
      out.skip(kReactions);
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
    if (!s.has("0/timestamp") || s.has("0/media") || s.has("0/string_map_data")) {
      return {};
    }
    if (s.get("0/data/0/reaction") == "{") {
      return detected(90, array, reactions);
    }
    if (s.get("0/data/0/comment") == "{") {
      return detected(80, array, comments);
    }
    if (s.get("0/data") == "[" || s.get("0/attachments") == "[") {
      return detected(80, array, posts);
    }
    return {};
  }
  if (s.shape != Shape::object) {
    return {};
  }
  if (s.get("comments_v2") == "[" ||
      (s.get("comments") == "[" && s.has("comments/0/timestamp") && s.has("comments/0/data"))) {
    return detected(95, split("comments_v2", "comments"), comments);
  }
  // What the account wrote in groups (groups/your_posts_in_groups.json,
  // your_comments_in_groups.json): its posts and comments, in the same entries.
  if (s.get("group_posts_v2") == "[") {
    return detected(95, split("group_posts_v2"), posts);
  }
  if (s.get("group_comments_v2") == "[") {
    return detected(95, split("group_comments_v2"), comments);
  }
  if (s.get("reactions_v2") == "[" ||
      (s.get("reactions") == "[" && s.get("reactions/0/data/0/reaction") == "{")) {
    return detected(95, split("reactions_v2", "reactions"), reactions);
  }
  if (s.get("status_updates_v2") == "[" ||
      (s.get("status_updates") == "[" && s.has("status_updates/0/timestamp"))) {
    return detected(90, split("status_updates_v2", "status_updates"), posts);
  }
  if (s.get("profile_v2") == "{" || (s.get("profile") == "{" && s.has("profile/name"))) {
    return detected(95, {FramingKind::whole, {}, false}, profile);
  }
  if (s.get("followers_v2") == "[") {
    return detected(95, split("followers_v2"), followers);
  }
  return {};
}

}  // namespace

const ingest::Importer kFacebook = {
    "facebook",
    kPlatform,
    "Facebook's \"Download your information\" JSON: the zip or its folder, or your_posts_1.json, "
    "comments.json, likes_and_reactions_1.json, profile_information.json, followers.json",
    "reaction, share and comment counts and every comment other people wrote (the export holds "
    "only the account's own writing), impressions",
    false,
    detect,
    read,
};

}  // namespace ror::importers
