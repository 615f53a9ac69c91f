// Hacker News items as the Algolia HN Search API gives them (/api/v1/items/<id>): an item with
// its whole tree of replies nested in `children`. Every item is a status, as on the Firebase API
// (hn_firebase.cpp), so that both give one dataset: the story is the post, and the load places
// the comments under it (docs/format.md, "Threads") by the story each names (`story_id`).
#include <limits>
#include <vector>

#include <fmt/format.h>

#include "importers/hn_item.hpp"
#include "importers/importers.hpp"

namespace ror::importers {
namespace {

using hn::kPlatform;
using ingest::detected;
using ingest::Detection;
using ingest::FramingKind;
using ingest::ImportItem;
using ingest::Sniff;
using ingest::Value;
using simdjson::ondemand::json_type;

constexpr std::size_t kRoot = std::numeric_limits<std::size_t>::max();

// One item of the tree as read. Its views point into the parser's buffers.
struct Node {
  hn::AlgoliaItem item;
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
  v.each_field(kKeys, [&](std::string_view key, Value& f) {
    hn::AlgoliaItem& n = all[me].item;  // (looked up again each time: nested items may move it)
    if (hn::read_algolia_field(key, f, n)) {
      return;
    }
    if (key == "id") {
      n.id = f.id();
    } else if (key == "type") {
      n.type = f.optional_string().value_or("");
    } else if (key == "text") {
      n.words.html = f.optional_string().value_or("");
    } else if (key == "children" || key == "options") {
      f.each_element([&](Value& child) { read_node(child, me, all, count); });
    }
  });
  const hn::AlgoliaItem& n = all[me].item;
  if (n.id.empty()) {
    v.fail("an item needs an \"id\"");
  }
  if (!n.has_time && n.has_author) {
    v.fail("an item needs \"created_at_i\" or \"created_at\"");
  }
}

void read_tree(Value& v, ingest::RecordSink& out) {
  thread_local std::vector<Node> all;  // reused
  std::size_t count = 0;
  read_node(v, kRoot, all, count);
  // Parents come before the items nested in them, so what an item inherits is known by then.
  for (std::size_t i = 0; i < count; ++i) {
    hn::AlgoliaItem& n = all[i].item;
    const hn::AlgoliaItem* up = all[i].parent == kRoot ? nullptr : &all[all[i].parent].item;
    if (n.parent_id.empty() && up != nullptr) {
      n.parent_id = up->id;
    }
    if (n.story_id.empty()) {
      n.story_id = up != nullptr ? up->story_id : n.type == "comment" ? std::string_view{} : n.id;
    }
    if (hn::passed_over(n, out)) {
      continue;
    }
    ingest::PostRecord r;
    const bool comment = hn::start_status(n, r);
    if (comment && up != nullptr && up->has_author && up->type != "pollopt") {
      r.reply_to_author = up->author;
      r.has_reply_to = true;
    }
    r.comments_known = true;  // the item holds every reply under it
    // The story's author is the account when nothing names one.
    hn::put_status(r, n.words, i == 0 && !comment, out);
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
