// Hacker News search responses of the Algolia HN Search API (/api/v1/search and
// /api/v1/search_by_date): a page of flat hits, `{"hits": [...], "nbHits", "page", ...}`, one page
// per file or one per line, as people save their own history (`tags=author_NAME`) or a story's
// comments (`tags=comment,story_ID`). Every hit is a status, as on the other two HN APIs
// (hn_item.hpp), so that one item gives one record whichever API it came from: a story is a post
// whose comments the page does not hold, a comment names its parent and its story, and the load
// places it (docs/format.md, "Threads"). A page is read whole: whether all of its hits are one
// person's decides what it says of the account and of other people's comments.
#include <array>
#include <string>
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

// Whom an account's comment answers when its parent is in no input: the parent item stands for
// its author, who is not known (`item?id=` cannot be a Hacker News name).
constexpr std::string_view kAddressee = "item?id=";

// The item's type among a hit's `_tags` (the others name its author, its story, its section).
std::string_view type_in_tags(std::string_view tag) {
  for (const std::string_view type : {"story", "comment", "poll", "pollopt", "job"}) {
    if (tag == type) {
      return type;
    }
  }
  return {};
}

// Reads the hit at `v` into all[count++].
void read_hit(Value& v, std::vector<hn::AlgoliaItem>& all, std::size_t& count) {
  static constexpr std::array<std::string_view, 12> kKeys = {
      "objectID",  "_tags",    "created_at_i", "created_at", "author",       "title",
      "parent_id", "story_id", "points",       "story_text", "comment_text", "num_comments"};
  if (v.type() != json_type::object) {
    v.fail(fmt::format("a hit must be an object, not {}", ingest::type_name(v.type())));
  }
  if (count == all.size()) {
    all.emplace_back();
  }
  hn::AlgoliaItem& n = all[count++];
  n = hn::AlgoliaItem{};
  v.each_field(kKeys, [&](std::string_view key, Value& f) {
    if (hn::read_algolia_field(key, f, n)) {
      return;
    }
    if (key == "objectID") {
      n.id = f.id();
    } else if (key == "_tags") {
      n.type = {};
      f.each_element([&](Value& tag) {
        if (const auto t = tag.optional_string(); t && n.type.empty()) {
          n.type = type_in_tags(*t);
        }
      });
    } else if (key == "story_text" || key == "comment_text") {
      // (a hit carries one of the two; the other is null or absent)
      if (const auto html = f.optional_string()) {
        n.words.html = *html;
      }
    }
  });
  if (n.id.empty()) {
    v.fail("a hit needs an \"objectID\"");
  }
  if (!n.has_time && n.has_author) {
    v.fail("a hit needs \"created_at_i\" or \"created_at\"");
  }
}

// Whether every hit with an author has the same one (a page of one person's items).
bool one_author(const std::vector<hn::AlgoliaItem>& hits, std::size_t count) {
  std::string_view author;
  for (std::size_t i = 0; i < count; ++i) {
    if (!hits[i].has_author) {
      continue;
    }
    if (!author.empty() && hits[i].author != author) {
      return false;
    }
    author = hits[i].author;
  }
  return true;
}

void read_page(Value& v, ingest::RecordSink& out) {
  static constexpr std::array<std::string_view, 1> kKeys = {"hits"};
  thread_local std::vector<hn::AlgoliaItem> hits;  // reused
  thread_local std::string addressee;
  if (v.type() != json_type::object) {
    v.fail(fmt::format("a search response must be an object, not {}", ingest::type_name(v.type())));
  }
  std::size_t count = 0;
  bool has_hits = false;
  v.each_field(kKeys, [&](std::string_view key, Value& f) {
    if (key == "hits") {
      count = 0;  // (given again: the last one is used)
      has_hits = true;
      f.each_element([&](Value& hit) { read_hit(hit, hits, count); });
    }
  });
  if (!has_hits) {
    v.fail("a search response needs \"hits\"");
  }
  // A page of one person's items (`tags=author_NAME`) names that person, and holds none of the
  // comments other people wrote; a page of several people's (a story's comments) holds them.
  const bool own_items = one_author(hits, count);
  bool guessed = false;
  for (std::size_t i = 0; i < count; ++i) {
    const hn::AlgoliaItem& n = hits[i];
    if (hn::passed_over(n, out)) {
      continue;  // (the search leaves deleted items out; one that comes has no author)
    }
    ingest::PostRecord r;
    const bool comment = hn::start_status(n, r);
    if (comment && !n.parent_id.empty()) {
      addressee.assign(kAddressee).append(n.parent_id);  // (its parent, when in the data, decides)
      r.reply_to_author = addressee;
      r.has_reply_to = true;
    }
    r.comments_known = false;  // a hit holds no comments: they are hits of their own
    r.collects_replies = !own_items;
    // A story's author is the account when nothing names one, as is the person of a page of
    // one person's items.
    const bool guess = !comment || (own_items && !guessed);
    guessed = guessed || guess;
    hn::put_status(r, n.words, guess, out);
  }
}

void read(ImportItem& item, ingest::RecordSink& out) {
  if (item.kind == ingest::ItemKind::member) {
    return;
  }
  read_page(item.value, out);
}

Detection detect(const Sniff& s) {
  using ingest::Shape;
  if (s.get("hits") != "[") {
    return {};
  }
  // The first hit's keys; an empty page (past the last one) by the page's own counts.
  const bool hit =
      s.has("hits/0/objectID") && (s.get("hits/0/_tags") == "[" || s.has("hits/0/created_at_i"));
  const bool empty_page = !s.has("hits/0") && s.has("nbHits") && s.has("hitsPerPage");
  if (!hit && !empty_page) {
    return {};
  }
  const int sure = hit ? 95 : 80;
  if (s.shape == Shape::object) {
    return detected(sure, {FramingKind::whole, {}, false});
  }
  if (s.shape == Shape::lines) {
    return detected(sure - 5, {FramingKind::lines, {}, false});
  }
  return {};
}

}  // namespace

const ingest::Importer kHnAlgoliaSearch = {
    "hn-algolia-search",
    kPlatform,
    "Hacker News search responses from the Algolia HN Search API (/api/v1/search and "
    "search_by_date: pages of flat hits, one per file or per line)",
    "other people's comments unless pages of them are read (a page of one person's hits holds "
    "none); whom a comment answers when its parent is not in the input; points on comments",
    true,
    detect,
    read,
};

}  // namespace ror::importers
