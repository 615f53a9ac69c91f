// --format hn-algolia: a folder of Hacker News items as the Algolia HN Search API returns them
// (/api/v1/items/<id>), one file per story of the account (DIR/item_<id>.json): the story with
// every reply nested in `children`, each node with the same thirteen keys in alphabetical order
// (author, children, created_at, created_at_i, id, options, parent_id, points, story_id, text,
// title, type, url; null when a node has no value), on one line as Rails writes JSON ('<' '>'
// '&' as \u003c \u003e \u0026). So a story's own id comes after its whole tree.
//
// Each of the account's original statuses is a story (a link, or a text as Ask HN and Show HN
// posts are, or now and then a poll with its options nested in `options`), the replies under it
// its comments; the account's thread continued is its own comments. One in fifty of other
// people's comments was deleted: the node stays, with its replies, its author and text null.
// Outreach and reposts are left out.
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

constexpr uint64_t kUnitBytes = 4500;  // bytes per conversation, measured

struct AlgoliaCounts {
  uint64_t stories = 0, polls = 0, poll_options = 0, comments = 0, deleted = 0, nodes = 0;
};

class Algolia : public hn::Tree {
 public:
  Algolia(const StatusStream& stream, uint64_t seed) : Tree(stream, seed ^ 0x686e616c676f6c69ULL) {}

  const AlgoliaCounts& counts() const { return counts_; }

  // Writes the story of `unit` (oldest first) to DIR/item_<id>.json; returns its bytes.
  uint64_t item(const std::vector<Status>& unit, const std::string& dir, Sink& file) {
    plan(unit);
    scratch_ = dir + "/item_";
    put_u(scratch_, ids_[0]);
    scratch_ += ".json";
    file.open(scratch_);
    node(file.buf(), 0);
    file.buf().push_back('\n');
    const uint64_t bytes = file.bytes();
    file.close();

    ++counts_.stories;
    counts_.polls += story_.poll ? 1 : 0;
    counts_.poll_options += story_.options.size();
    tally_.add_unit(unit, true);
    return bytes;
  }

 private:
  void time(JsonWriter& w, int64_t t) {
    const int64_t secs = epoch_seconds(t);
    scratch_.clear();
    iso_time(scratch_, secs * 1000, true);
    w.field("created_at", scratch_);
    w.key("created_at_i").signed_number(secs);
  }

  // Status i and, nested, its replies.
  void node(std::string& out, size_t i) {
    const Status& s = (*unit_)[i];
    const bool story = i == 0;
    const bool gone = gone_[i] == hn::Gone::deleted;  // (the API shows dead items as they are)
    // (a writer per node: JsonWriter nests 32 levels at most, and a thread may go deeper)
    JsonWriter w(out, kRailsStyle);
    w.begin_object();
    if (gone) {
      w.key("author").null();
    } else {
      scratch_.clear();
      hn::username(scratch_, people_, s.author);
      w.field("author", scratch_);
    }
    w.key("children").raw("[");
    for (size_t k = 0; k < kids_[i].size(); ++k) {
      if (k > 0) {
        out.push_back(',');
      }
      node(out, kids_[i][k]);
    }
    out.push_back(']');
    time(w, s.t);
    w.key("id").number(ids_[i]);
    w.key("options").begin_array();
    if (story) {
      for (size_t k = 0; k < story_.options.size(); ++k) {
        option(w, k, s);
      }
    }
    w.end_array();
    if (story) {
      w.key("parent_id").null();
      w.key("points").number(hn::points(s));
    } else {
      w.key("parent_id").number(ids_[static_cast<size_t>(s.parent)]);
      w.key("points").null();
    }
    w.key("story_id").number(ids_[0]);
    w.key("text");
    if (gone) {
      w.null();
    } else if (story) {
      story_.html.empty() ? w.null() : w.string(story_.html);
    } else {
      w.string(reply_html(s, (*unit_)[static_cast<size_t>(s.parent)].author));
    }
    w.key("title");
    story ? w.string(story_.title) : w.null();
    w.field("type", story ? (story_.poll ? "poll" : "story") : "comment");
    w.key("url");
    story && !story_.url.empty() ? w.string(story_.url) : w.null();
    w.end_object();

    ++counts_.nodes;
    counts_.comments += story ? 0 : 1;
    counts_.deleted += gone ? 1 : 0;
  }

  void option(JsonWriter& w, size_t k, const Status& poll) {
    w.begin_object();
    scratch_.clear();
    hn::username(scratch_, people_, kAccount);
    w.field("author", scratch_);
    w.key("children").empty_array();
    time(w, poll.t);
    w.key("id").number(option_ids_[k]);
    w.key("options").empty_array();
    w.key("parent_id").number(ids_[0]);
    w.key("points").number(hn::points(poll) * (k + 1) / (story_.options.size() + 1));
    w.key("story_id").number(ids_[0]);
    w.field("text", story_.options[k]);
    w.key("title").null();
    w.field("type", "pollopt");
    w.key("url").null();
    w.end_object();
    ++counts_.nodes;
  }

  AlgoliaCounts counts_;
};

}  // namespace

int generate_hn_algolia(const Options& opt) {
  StatusStream stream(stream_params(opt, kUnitBytes, Order::oldest_first));
  Algolia algolia(stream, opt.seed);
  make_dirs(opt.out);
  Sink file;
  const uint64_t bytes = write_until_size(stream, opt, [&](const std::vector<Status>& unit) {
    return unit.front().kind == StatusKind::original ? algolia.item(unit, opt.out, file) : 0;
  });

  const AlgoliaCounts& c = algolia.counts();
  const Tally& t = algolia.tally();
  std::string extra;
  const auto line = [&](std::string_view key, uint64_t v) { expected_line(extra, key, v); };
  line("stories", c.stories);
  line("polls", c.polls);
  line("poll_options", c.poll_options);
  line("nodes", c.nodes);
  line("deleted", c.deleted);
  // What ror reads: every node but the deleted and the poll options; the story and the account's
  // thread continued stay posts, every other comment is placed under the story.
  line("statuses", c.nodes - c.deleted - c.poll_options);
  line("posts", c.stories + t.of(StatusKind::self_reply));
  line("placed", c.comments - c.deleted - t.of(StatusKind::self_reply));
  write_expected(opt.out + ".expected.json", "hn-algolia", opt, bytes, c.stories,
                 hn::account_json(algolia.people()), t, extra);
  std::fprintf(stderr, "ror_gen: %llu stories (%llu polls), %llu comments (%llu deleted)\n",
               static_cast<unsigned long long>(c.stories), static_cast<unsigned long long>(c.polls),
               static_cast<unsigned long long>(c.comments),
               static_cast<unsigned long long>(c.deleted));
  return 0;
}

}  // namespace gen
