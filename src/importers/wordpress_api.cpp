// WordPress REST API responses as people save them, one response per file: `/wp/v2/posts`
// (an array, or one post), `/wp/v2/comments` (an array, or one comment; the comments of a page
// arrive apart from their posts, before or after them) and `/wp/v2/users`, with or without
// `?_embed` (`_embedded.author`, `_embedded.replies`). Taxonomy terms, media, API errors and saved
// HTTP headers are recognised and counted, not read. People are named by their user id, the one
// name every response gives (a post's `author`, a comment's `author`); visitors, whose user id is
// 0, by the name they typed. The site is the account: every author of its posts and every user
// of its users file is taken for it when nothing else names it (`--account` wins).
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "importers/importers.hpp"
#include "ror/time.hpp"

namespace ror::importers {
namespace {

using ingest::AccountRecord;
using ingest::AccountRole;
using ingest::CommentRecord;
using ingest::detected;
using ingest::Detection;
using ingest::FramingKind;
using ingest::ImportItem;
using ingest::passed_over;
using ingest::RecordSink;
using ingest::Sniff;
using ingest::TimeFormat;
using ingest::Value;
using simdjson::ondemand::json_type;

constexpr std::string_view kPlatform = "wordpress";
constexpr std::string_view kPages = "pages (the site's pages, not posts)";
constexpr std::string_view kOtherTypes = "items of other post types (not posts)";
constexpr std::string_view kUnpublished = "posts not published (drafts, pending, private, trash)";
constexpr std::string_view kPings = "pingbacks and trackbacks (notices of links, not comments)";
constexpr std::string_view kOtherComments = "comments of other types (notes, plugin records)";
constexpr std::string_view kUnapproved = "comments not approved (held, spam, trash)";

enum Variant : std::uint8_t { post, comment, user };

// A visitor who left no name (WordPress shows "Anonymous").
constexpr std::string_view kAnonymous = "anonymous";

// What a comment's type and status say: read it, or the reason it is passed over ("").
std::string_view comment_skip(std::string_view type, std::string_view status) {
  if (type == "pingback" || type == "trackback") {
    return kPings;
  }
  if (!type.empty() && type != "comment") {
    return kOtherComments;
  }
  if (!status.empty() && status != "approved") {
    return kUnapproved;
  }
  return {};
}

// The `rendered` member of a `{"rendered": ...}` field (title, content); a plain string is taken
// as it is.
std::string_view rendered(Value& v) {
  static constexpr std::array<std::string_view, 1> kKeys = {"rendered"};
  if (v.type() == json_type::string) {
    return v.string();
  }
  std::string_view out;
  v.each_field(kKeys, [&](std::string_view key, Value& f) {
    if (key == "rendered") {
      out = f.optional_string().value_or("");
    }
  });
  return out;
}

// One comment as read: views into the parser's buffers, its text its own.
struct Comment {
  std::string_view id;
  std::string_view post;
  std::string_view parent;
  std::string_view author_id;  // "0" for a visitor
  std::string_view author_name;
  std::string_view type;
  std::string_view status;
  std::optional<TimeMs> date_gmt;
  std::optional<TimeMs> date;  // site-local time, read as if UTC (embedded replies have no other)
  std::string text;
};

void read_comment(Value& v, Comment& c, RecordSink& sink) {
  static constexpr std::array<std::string_view, 10> kKeys = {
      "id",       "post", "parent",  "author", "author_name",
      "date_gmt", "date", "content", "type",   "status"};
  c = Comment{};
  bool has_id = false;
  if (v.type() != json_type::object) {
    v.fail(fmt::format("a comment must be an object, not {}", ingest::type_name(v.type())));
  }
  v.each_field(kKeys, [&](std::string_view key, Value& f) {
    if (key == "id") {
      c.id = f.id();
      has_id = true;
    } else if (key == "post") {
      c.post = f.id();
    } else if (key == "parent") {
      c.parent = f.optional_id().value_or("0");
    } else if (key == "author") {
      c.author_id = f.optional_id().value_or("0");
    } else if (key == "author_name") {
      c.author_name = f.optional_string().value_or("");
    } else if (key == "date_gmt") {
      c.date_gmt = f.optional_time(TimeFormat::naive_utc);
    } else if (key == "date") {
      c.date = f.optional_time(TimeFormat::naive_utc);
    } else if (key == "content") {
      c.text = sink.html_text(rendered(f));
    } else if (key == "type") {
      c.type = f.optional_string().value_or("");
    } else if (key == "status") {
      c.status = f.optional_string().value_or("");
    }
  });
  if (!has_id) {
    v.fail("a comment needs an \"id\"");
  }
}

// Hands a comment over to be joined to its post, or counts why it is passed over. `offset` is
// the site's local time less UTC, for a comment that gives only its local `date`.
void emit_comment(const Comment& c, std::string_view post_id, std::optional<TimeMs> offset,
                  RecordSink& sink) {
  if (const std::string_view why = comment_skip(c.type, c.status); !why.empty()) {
    sink.skip(why);
    return;
  }
  CommentRecord r;
  r.id = c.id;
  r.post_id = post_id;
  r.author = c.author_id.empty() || c.author_id == "0"
                 ? (c.author_name.empty() ? kAnonymous : c.author_name)
                 : c.author_id;
  r.has_parent = !c.parent.empty() && c.parent != "0";
  r.parent_id = r.has_parent ? c.parent : std::string_view();
  r.created_at = c.date_gmt ? *c.date_gmt : *c.date - offset.value_or(0);
  r.text = c.text;
  sink.comment(r);
}

// A user (`/wp/v2/users`, a post's `_embedded.author`): a profile naming the id by its slug, and,
// for one who may publish, a guess that the user is the site's account.
void read_user(Value& v, RecordSink& sink) {
  static constexpr std::array<std::string_view, 4> kKeys = {"id", "name", "slug", "roles"};
  AccountRecord profile;
  profile.role = AccountRole::profile;
  profile.platform = std::string(kPlatform);
  std::string name;
  bool publishes = true;  // the public listing holds only users with published posts
  if (v.type() != json_type::object) {
    v.fail(fmt::format("a user must be an object, not {}", ingest::type_name(v.type())));
  }
  v.each_field(kKeys, [&](std::string_view key, Value& f) {
    if (key == "id") {
      profile.id = std::string(f.id());
    } else if (key == "slug") {
      profile.handle = std::string(f.optional_string().value_or(""));
    } else if (key == "name") {
      name = std::string(f.optional_string().value_or(""));
    } else if (key == "roles") {  // with ?context=edit: subscribers comment, they do not publish
      publishes = false;
      f.each_element([&](Value& role) {
        const std::string_view r = role.string();
        publishes = publishes || r == "administrator" || r == "editor" || r == "author";
      });
    }
  });
  if (profile.id.empty()) {
    return;  // an embedded error ({"code": "rest_user_invalid_id", ...})
  }
  if (publishes) {
    AccountRecord guess;
    guess.role = AccountRole::guess;
    guess.platform = profile.platform;
    guess.id = profile.id;
    guess.handle = profile.handle;
    if (!name.empty()) {
      guess.aliases.push_back(std::move(name));
    }
    sink.account(std::move(guess));
  }
  sink.account(std::move(profile));
}

// A post's `_embedded`: its author's user object and its first page of comments.
void read_embedded(Value& v, std::vector<Comment>& replies, std::size_t& count, bool& has_replies,
                   RecordSink& sink) {
  static constexpr std::array<std::string_view, 2> kKeys = {"author", "replies"};
  v.each_field(kKeys, [&](std::string_view key, Value& f) {
    if (key == "author") {
      f.each_element([&](Value& u) { read_user(u, sink); });
    } else if (key == "replies") {
      has_replies = true;
      f.each_element([&](Value& page) {
        page.each_element([&](Value& c) {
          if (count == replies.size()) {
            replies.emplace_back();
          }
          read_comment(c, replies[count++], sink);
        });
      });
    }
  });
}

void read_post(Value& v, RecordSink& sink) {
  static constexpr std::array<std::string_view, 10> kKeys = {
      "id",   "date_gmt", "date",   "title", "content",
      "link", "author",   "status", "type",  "_embedded"};
  thread_local ingest::PostRecord r;
  thread_local std::string text;
  thread_local std::vector<Comment> replies;  // reused, with their allocations
  r.clear();
  text.clear();
  std::string content;
  std::string_view type = "post";
  std::string_view status = "publish";
  std::optional<TimeMs> date_gmt;
  std::optional<TimeMs> date;
  std::size_t reply_count = 0;
  bool has_replies = false;
  bool has_id = false;
  if (v.type() != json_type::object) {
    v.fail(fmt::format("a post must be an object, not {}", ingest::type_name(v.type())));
  }
  v.each_field(kKeys, [&](std::string_view key, Value& f) {
    if (key == "id") {
      r.id = f.id();
      has_id = true;
    } else if (key == "date_gmt") {
      date_gmt = f.optional_time(TimeFormat::naive_utc);
    } else if (key == "date") {  // the site's local time: only its offset from UTC is used
      date = parse_naive_utc(f.optional_string().value_or(""));
    } else if (key == "title") {
      text = sink.html_text(rendered(f));
    } else if (key == "content") {
      content = sink.html_text(rendered(f));
    } else if (key == "link") {
      r.url = f.optional_string().value_or("");
    } else if (key == "author") {
      r.author = f.optional_id().value_or("");
    } else if (key == "status") {
      status = f.optional_string().value_or("publish");
    } else if (key == "type") {
      type = f.optional_string().value_or("post");
    } else if (key == "_embedded") {
      read_embedded(f, replies, reply_count, has_replies, sink);
    }
  });
  if (type != "post") {
    sink.skip(type == "page" ? kPages : kOtherTypes);
    return;
  }
  if (status != "publish") {
    sink.skip(kUnpublished);
    return;
  }
  if (!has_id || !date_gmt) {
    v.fail(has_id ? "a published post needs \"date_gmt\"" : "a post needs an \"id\"");
  }
  r.created_at = *date_gmt;
  if (!content.empty()) {
    text.append(text.empty() ? "" : "\n\n").append(content);
  }
  r.text = text;
  r.has_author = !r.author.empty() && r.author != "0";
  // Tags and categories are taxonomy ids, not hashtags: hashtags are the ones in the text.
  r.hashtags_listed = false;
  // A posts page holds no comments; `_embedded.replies` holds the first page of them.
  r.comments_known = has_replies;
  if (r.has_author) {  // the site is the account: each author of its posts is taken for it
    AccountRecord guess;
    guess.role = AccountRole::guess;
    guess.platform = std::string(kPlatform);
    guess.id = std::string(r.author);
    sink.account(std::move(guess));
  }
  sink.post(r);
  // Embedded replies give only their local `date`: the post's own local time less its UTC time
  // is the site's offset.
  const std::optional<TimeMs> offset =
      date ? std::optional<TimeMs>(*date - *date_gmt) : std::nullopt;
  for (std::size_t i = 0; i < reply_count; ++i) {
    if (!replies[i].date_gmt && !replies[i].date) {
      v.fail("an embedded reply needs \"date_gmt\" or \"date\"");
    }
    emit_comment(replies[i], r.id, offset, sink);
  }
}

void read(ImportItem& item, RecordSink& sink) {
  if (item.kind == ingest::ItemKind::member) {
    return;
  }
  switch (item.variant) {
    case post:
      read_post(item.value, sink);
      break;
    case comment: {
      thread_local Comment c;
      read_comment(item.value, c, sink);
      if (c.post.empty() || !c.date_gmt) {
        item.value.fail(c.post.empty() ? "a comment needs its \"post\""
                                       : "a comment needs \"date_gmt\"");
      }
      emit_comment(c, c.post, std::nullopt, sink);
      break;
    }
    case user:
      read_user(item.value, sink);
      break;
    default:
      break;
  }
}

// Whether text starts like a saved HTTP response of a WordPress site (status line, X-WP- headers).
bool http_headers(const Sniff& s) {
  if (s.head.substr(0, 5) != "HTTP/") {
    return false;
  }
  const std::string_view head = s.head.substr(0, 8192);
  return head.find("\nX-WP-") != std::string_view::npos ||
         head.find("\nx-wp-") != std::string_view::npos;
}

Detection detect(const Sniff& s) {
  using ingest::Shape;
  if (s.shape == Shape::text) {
    return http_headers(s) ? passed_over(80, "HTTP response headers (X-WP-Total is not read)")
                           : Detection{};
  }
  const bool array = s.shape == Shape::array;
  if (!array && s.shape != Shape::object) {
    return {};
  }
  const std::string p = array ? "0/" : "";
  const auto has = [&](std::string_view key) { return s.has(p + std::string(key)); };
  const auto get = [&](std::string_view key) { return s.get(p + std::string(key)); };
  const ingest::Framing framing{array ? FramingKind::document : FramingKind::whole, {}, false};
  if (has("id") && has("post") && has("author_name") && get("content") == "{") {
    return detected(95, framing, comment);
  }
  if (has("id") && has("date_gmt") && get("title") == "{" && get("content") == "{") {
    return detected(95, framing, post);
  }
  if (has("id") && has("taxonomy") && has("slug") && has("count")) {
    return passed_over(80, "taxonomy terms (tags and categories are not hashtags)");
  }
  if (has("id") && has("media_type") && has("source_url")) {
    return passed_over(80, "media items (attachments)");
  }
  if (has("id") && has("slug") && has("name") && (has("avatar_urls") || has("link")) &&
      !has("title") && !has("post")) {
    return detected(80, framing, user);
  }
  if (!array && get("code").substr(0, 5) == "rest_" && has("message")) {
    return passed_over(70, "API errors");
  }
  return {};
}

}  // namespace

const ingest::Importer kWordpressApi = {
    "wordpress-api",
    kPlatform,
    "WordPress REST API responses: /wp/v2/posts, /wp/v2/comments and /wp/v2/users pages, "
    "with or without ?_embed",
    "likes, shares, views and comment counts (the API has none); comments not fetched",
    true,
    detect,
    read,
};

}  // namespace ror::importers
