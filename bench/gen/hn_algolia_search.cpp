// --format hn-algolia-search: a folder of Algolia HN Search API pages (/api/v1/search_by_date),
// DIR/search_<N>.json, as someone saves a search of the account's stories and the comments under
// them: each page one object, {"hits": [...], "nbHits", "page", "nbPages", "hitsPerPage",
// "exhaustiveNbHits", "query", "params", "processingTimeMS"}, at most 1,000 hits a page (the
// API's own limit), on one line as the API writes it. A hit is flat, its keys as the API gives
// them: `_highlightResult` (the author and the text again, as Algolia marks up matches),
// `_tags` (type, author_NAME, story_ID), author, created_at, created_at_i, num_comments,
// objectID, parent_id, points, story_id, story_text or comment_text, story_title, title, url.
//
// Each of the account's original statuses is a story hit (a poll is one too: the search gives
// its options as hits of their own, left out here), the replies under it comment hits. Deleted
// and dead comments are not in a search: a reply under one names a parent no page holds, and is
// placed by its story_id. The account's outreach replies are comment hits whose parent and story
// are in no page. Reposts are left out.
#include <cstdio>
#include <string>
#include <vector>

#include "gen/formats.hpp"
#include "gen/hn.hpp"
#include "gen/json_writer.hpp"
#include "gen/output.hpp"
#include "gen/people.hpp"
#include "gen/status_text.hpp"
#include "gen/statuses.hpp"

namespace gen {

namespace {

using hn::Gone;

constexpr uint64_t kUnitBytes = 18000;  // bytes per conversation, measured
constexpr size_t kHitsPerPage = 1000;

struct SearchCounts {
  uint64_t pages = 0, hits = 0, stories = 0, polls = 0, gone = 0;
  uint64_t placed = 0;          // comments under one of the account's stories
  uint64_t original_posts = 0;  // stories and the account's thread continued
  uint64_t outreach = 0;        // the account's replies elsewhere
};

class Search : public hn::Tree {
 public:
  Search(const StatusStream& stream, uint64_t seed, std::string dir)
      : Tree(stream, seed ^ 0x686e736561726368ULL), dir_(std::move(dir)) {}

  const SearchCounts& counts() const { return counts_; }

  // Writes the hits of `unit` (oldest first); returns the bytes written to pages it closed.
  uint64_t conversation(const std::vector<Status>& unit) {
    const Status& root = unit.front();
    if (root.kind == StatusKind::repost) {
      return 0;
    }
    if (root.kind == StatusKind::outreach) {  // a reply to a comment that is in no page
      const uint64_t story = next_id();
      const uint64_t parent = next_id();
      const uint64_t id = next_id();
      comment_hit(root, id, parent, story, reply_html(root, root.other.author));
      ++counts_.outreach;
      tally_.add(root);
      return end_hit();
    }
    plan(unit);
    uint64_t bytes = 0;
    story_hit(root, live_comments());
    ++counts_.stories;
    ++counts_.original_posts;
    counts_.polls += story_.poll ? 1 : 0;
    bytes += end_hit();
    for (size_t i = 1; i < unit.size(); ++i) {
      const Status& s = unit[i];
      if (gone_[i] != Gone::no) {
        ++counts_.gone;
        continue;
      }
      const auto parent = static_cast<size_t>(s.parent);
      comment_hit(s, ids_[i], ids_[parent], ids_[0], reply_html(s, unit[parent].author));
      ++(s.kind == StatusKind::self_reply ? counts_.original_posts : counts_.placed);
      bytes += end_hit();
    }
    tally_.add_unit(unit, true);
    return bytes;
  }

  // Closes the last page; returns its bytes.
  uint64_t finish() { return in_page_ > 0 ? close_page() : 0; }

 private:
  void name(int64_t person) {
    name_.clear();
    hn::username(name_, people_, person);
  }
  void start_hit() {
    if (in_page_ == 0) {
      scratch_ = dir_ + "/search_";
      put_u(scratch_, counts_.pages);
      scratch_ += ".json";
      file_.open(scratch_);
      file_.buf() += "{\"hits\":[";
    } else {
      file_.buf().push_back(',');
    }
  }
  // The hit's keys from author to created_at_i, its _highlightResult and _tags first.
  void head(JsonWriter& w, const Status& s, std::string_view type, uint64_t story,
            const std::string& text, std::string_view text_key) {
    name(s.author);
    w.begin_object();
    w.key("_highlightResult").begin_object();
    w.key("author").begin_object();
    w.field("matchLevel", "none");
    w.key("matchedWords").empty_array();
    w.field("value", name_);
    w.end_object();
    w.key(text_key).begin_object();
    w.field("matchLevel", "none");
    w.key("matchedWords").empty_array();
    w.field("value", text);
    w.end_object();
    w.end_object();
    w.key("_tags").begin_array();
    w.string(type);
    scratch_ = "author_";
    scratch_ += name_;
    w.string(scratch_);
    scratch_ = "story_";
    put_u(scratch_, story);
    w.string(scratch_);
    w.end_array();
    w.field("author", name_);
    const int64_t secs = epoch_seconds(s.t);
    time_.clear();
    iso_time(time_, secs * 1000, true);
    w.field("created_at", time_);
    w.key("created_at_i").signed_number(secs);
  }
  void story_hit(const Status& s, uint64_t descendants) {
    start_hit();
    JsonWriter w(file_.buf(), kRailsStyle);
    const std::string& text = story_.html.empty() ? story_.title : story_.html;
    head(w, s, story_.poll ? "poll" : "story", ids_[0], text,
         story_.html.empty() ? "title" : "story_text");
    w.key("num_comments").number(descendants);
    put_id(w, "objectID", ids_[0]);
    w.key("points").number(hn::points(s));
    w.key("story_id").number(ids_[0]);
    if (!story_.html.empty()) {
      w.field("story_text", story_.html);
    }
    w.field("title", story_.title);
    w.field("updated_at", time_);
    w.key("url");
    story_.url.empty() ? w.null() : w.string(story_.url);
    w.end_object();
  }
  void comment_hit(const Status& s, uint64_t id, uint64_t parent, uint64_t story,
                   const std::string& html) {
    start_hit();
    JsonWriter w(file_.buf(), kRailsStyle);
    head(w, s, "comment", story, html, "comment_text");
    w.field("comment_text", html);
    w.key("num_comments").null();
    put_id(w, "objectID", id);
    w.key("parent_id").number(parent);
    w.key("points").null();
    w.key("story_id").number(story);
    w.key("story_title").null();
    w.key("story_url").null();
    w.field("updated_at", time_);
    w.end_object();
  }
  void put_id(JsonWriter& w, std::string_view key, uint64_t id) {
    id_.clear();
    put_u(id_, id);
    w.field(key, id_);
  }
  // Counts the hit just written, and closes its page once it holds kHitsPerPage.
  uint64_t end_hit() {
    ++counts_.hits;
    file_.flush();
    return ++in_page_ == kHitsPerPage ? close_page() : 0;
  }
  uint64_t close_page() {
    std::string& out = file_.buf();
    out += "],\"nbHits\":";
    put_u(out, in_page_);
    out += ",\"page\":";
    put_u(out, counts_.pages);
    out += ",\"nbPages\":1,\"hitsPerPage\":";
    put_u(out, kHitsPerPage);
    out +=
        ",\"exhaustiveNbHits\":true,\"exhaustiveTypo\":true,\"query\":\"\",\"params\":"
        "\"tags=author_account\",\"processingTimeMS\":3}\n";
    const uint64_t bytes = file_.bytes();
    file_.close();
    ++counts_.pages;
    in_page_ = 0;
    return bytes;
  }

  std::string dir_;
  Sink file_;
  size_t in_page_ = 0;
  std::string name_, id_, time_;  // the hit's author, id and time (created_at, updated_at)
  SearchCounts counts_;
};

}  // namespace

int generate_hn_algolia_search(const Options& opt) {
  StatusStream stream(stream_params(opt, kUnitBytes, Order::oldest_first));
  Search search(stream, opt.seed, opt.out);
  make_dirs(opt.out);
  uint64_t bytes = write_until_size(
      stream, opt, [&](const std::vector<Status>& unit) { return search.conversation(unit); });
  bytes += search.finish();

  const SearchCounts& c = search.counts();
  const Tally& t = search.tally();
  std::string extra;
  const auto line = [&](std::string_view key, uint64_t v) { expected_line(extra, key, v); };
  line("pages", c.pages);
  line("hits", c.hits);
  line("stories", c.stories);
  line("polls", c.polls);
  line("gone", c.gone);
  // What ror reads: every hit a status; the comments under the account's stories placed, the
  // stories and the account's thread continued posts, its replies elsewhere outreach.
  line("statuses", c.hits);
  line("placed", c.placed);
  line("original_posts", c.original_posts);
  line("outreach_posts", c.outreach);
  write_expected(opt.out + ".expected.json", "hn-algolia-search", opt, bytes, c.pages,
                 hn::account_json(search.people()), t, extra);
  std::fprintf(stderr, "ror_gen: %llu pages, %llu hits (%llu stories, %llu outreach)\n",
               static_cast<unsigned long long>(c.pages), static_cast<unsigned long long>(c.hits),
               static_cast<unsigned long long>(c.stories),
               static_cast<unsigned long long>(c.outreach));
  return 0;
}

}  // namespace gen
