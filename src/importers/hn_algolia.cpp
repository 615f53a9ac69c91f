// Hacker News items as the Algolia HN Search API gives them (/api/v1/items/<id>): an item with
// its whole tree of replies nested in `children`. Every item is a status, as on the Firebase API
// (hn_firebase.cpp), so that both give one dataset: the story is the post, and the load places
// the comments under it (docs/format.md, "Threads") by the story each names (`story_id`).
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "importers/handle_profile.hpp"
#include "importers/importers.hpp"

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

constexpr std::string_view kItemUrl = "https://news.ycombinator.com/item?id=";
constexpr std::string_view kPlatform = "hackernews";
constexpr std::string_view kDeleted = "deleted or dead items";
constexpr std::string_view kPollOptions = "poll options";
constexpr std::size_t kRoot = std::numeric_limits<std::size_t>::max();

// One item of the tree as read. Its views point into the parser's buffers.
struct Node {
  std::string_view id;
  std::string_view author;
  std::string_view type;
  std::string_view title;
  std::string_view html;
  std::string_view parent_id;
  std::string_view story_id;
  TimeMs created_at = 0;
  bool has_time = false;
  bool has_author = false;
  std::optional<std::int64_t> points;
  std::optional<std::int64_t> num_comments;
  std::size_t parent = kRoot;  // the index of the node it is nested in
};

// Reads the item at `v` and, depth first, the items nested in it, into `all` from `count`.
void read_node(Value& v, std::size_t parent, std::vector<Node>& all, std::size_t& count) {
  static constexpr std::array<std::string_view, 13> kKeys = {
      "id",        "created_at", "created_at_i", "type",     "author",  "title",       "text",
      "parent_id", "story_id",   "points",       "children", "options", "num_comments"};
  if (v.type() != json_type::object) {
    v.fail(fmt::format("an item must be an object, not {}", ingest::type_name(v.type())));
  }
  const std::size_t me = count++;
  if (me == all.size()) {
    all.emplace_back();
  }
  all[me] = Node{};
  all[me].parent = parent;
  bool has_epoch = false;
  v.each_field(kKeys, [&](std::string_view key, Value& f) {
    Node& n = all[me];  // (looked up again each time: nested items may move the vector)
    if (key == "id") {
      n.id = f.id();
    } else if (key == "created_at_i") {
      if (const auto t = f.optional_time(TimeFormat::epoch_seconds)) {
        n.created_at = *t;
        n.has_time = has_epoch = true;
      }
    } else if (key == "created_at") {
      if (const auto t = f.optional_time(TimeFormat::rfc3339); t && !has_epoch) {
        n.created_at = *t;
        n.has_time = true;
      }
    } else if (key == "type") {
      n.type = f.optional_string().value_or("");
    } else if (key == "author") {
      n.author = f.optional_string().value_or("");
      n.has_author = !n.author.empty();
    } else if (key == "title") {
      n.title = f.optional_string().value_or("");
    } else if (key == "text") {
      n.html = f.optional_string().value_or("");
    } else if (key == "parent_id") {
      n.parent_id = f.optional_id().value_or("");
    } else if (key == "story_id") {
      n.story_id = f.optional_id().value_or("");
    } else if (key == "points") {
      n.points = f.count();
    } else if (key == "num_comments") {
      n.num_comments = f.count();
    } else if (key == "children" || key == "options") {
      f.each_element([&](Value& child) { read_node(child, me, all, count); });
    }
  });
  const Node& n = all[me];
  if (n.id.empty()) {
    v.fail("an item needs an \"id\"");
  }
  if (!n.has_time && n.has_author) {
    v.fail("an item needs \"created_at_i\" or \"created_at\"");
  }
}

void read_tree(Value& v, ingest::RecordSink& out) {
  thread_local std::vector<Node> all;  // reused
  thread_local std::string text;
  thread_local std::string url;
  std::size_t count = 0;
  read_node(v, kRoot, all, count);
  // Parents come before the items nested in them, so what an item inherits is known by then.
  for (std::size_t i = 0; i < count; ++i) {
    Node& n = all[i];
    const Node* up = n.parent == kRoot ? nullptr : &all[n.parent];
    if (n.parent_id.empty() && up != nullptr) {
      n.parent_id = up->id;
    }
    if (n.story_id.empty()) {
      n.story_id = up != nullptr ? up->story_id : n.type == "comment" ? std::string_view{} : n.id;
    }
    if (n.type == "pollopt") {
      out.skip(kPollOptions);
      continue;
    }
    if (!n.has_author) {
      out.skip(kDeleted);  // a deleted comment keeps its place with no author and no text
      out.gone(n.id, n.parent_id);
      continue;
    }
    ingest::PostRecord r;
    r.id = n.id;
    r.author = n.author;
    r.has_author = true;
    r.created_at = n.created_at;
    const bool comment = n.type == "comment" || (n.type.empty() && !n.parent_id.empty());
    if (comment) {
      r.reply_to_post = n.parent_id;
      r.conversation = n.story_id;
      if (up != nullptr && up->has_author && up->type != "pollopt") {
        r.reply_to_author = up->author;
        r.has_reply_to = true;
      }
    }
    text.assign(n.title);
    if (!n.html.empty()) {
      const std::string_view body = out.html_text(n.html);
      if (!text.empty() && !body.empty()) {
        text.push_back('\n');
      }
      text.append(body);
    }
    r.text = text;
    url.assign(kItemUrl).append(n.id);  // (the buffer reused)
    r.url = url;
    if (n.points) {
      r.set(PostMetric::likes, *n.points);
    }
    if (n.num_comments) {
      r.set(PostMetric::replies, *n.num_comments);
    }
    r.threaded = true;
    r.comments_known = true;   // the item holds every reply under it
    r.hashtags_listed = true;  // (Hacker News has neither hashtags nor mentions)
    r.mentions_listed = true;
    const AccountRecord& profile = handle_profile(kPlatform, n.author);
    if (i == 0 && !comment) {
      AccountRecord guess = profile;  // the story's author is the account when nothing names one
      guess.role = AccountRole::guess;
      out.account(std::move(guess));
    }
    out.account(profile);
    out.post(r);
  }
}

void read(ImportItem& item, ingest::RecordSink& out) {
  if (item.kind == ingest::ItemKind::member) {
    return;
  }
  read_tree(item.value, out);
}

Detection detect(const Sniff& s) {
  using ingest::Shape;
  const bool item = s.has("id") && s.has("created_at_i") && s.has("type") &&
                    s.get("children") == "[" && (s.has("author") || s.has("story_id"));
  if (s.shape == Shape::object && item) {
    return detected(95, {FramingKind::whole, {}, false});
  }
  if (s.shape == Shape::lines && item) {
    return detected(90, {FramingKind::lines, {}, false});
  }
  return {};
}

}  // namespace

const ingest::Importer kHnAlgolia = {
    "hn-algolia",
    kPlatform,
    "Hacker News items from the Algolia HN Search API (/api/v1/items/<id>: an item with its "
    "replies nested in children)",
    "points on comments; the reply count (the item holds every reply it has)",
    true,
    detect,
    read,
};

}  // namespace ror::importers
