// --format hn-firebase: Hacker News items as the official Firebase API gives them
// (/v0/item/<id>.json), one per line as a crawler saves them: each of the account's stories and
// then, oldest first, every item of its tree of replies, with the keys in alphabetical order as
// Firebase writes them (by, dead, deleted, descendants, id, kids, parent, parts, poll, score,
// text, time, title, type, url), UTF-8 as it is.
//
// Each of the account's original statuses is a story (a link, a text, now and then a poll whose
// options follow it as pollopt items), the replies under it comments naming their parent; the
// account's thread continued is its own comments. Of other people's comments one in fifty was
// deleted (only id, parent, time, type, kids and "deleted": true are left) and one in a hundred
// is dead (flagged: all there, with "dead": true); the replies under them stay, and ror places
// them through the gone item (which names its parent). The account's outreach replies are
// comments whose parent is not in the file; reposts are left out.
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

constexpr uint64_t kUnitBytes = 3300;  // bytes per conversation, measured
constexpr JsonStyle kFirebaseStyle{false, ":", ",", Escape::utf8};

using hn::Gone;

// What the file holds, and what ror must make of it (docs/format.md, "Hacker News, Firebase").
struct FirebaseCounts {
  uint64_t lines = 0, stories = 0, polls = 0, poll_options = 0, deleted = 0, dead = 0;
  uint64_t placed = 0;          // comments under one of the account's stories
  uint64_t original_posts = 0;  // stories, the account's thread, replies whose parent is absent
};

class Firebase : public hn::Tree {
 public:
  Firebase(const StatusStream& stream, uint64_t seed)
      : Tree(stream, seed ^ 0x686e666972656261ULL) {}

  const FirebaseCounts& counts() const { return counts_; }

  void conversation(const std::vector<Status>& unit, std::string& out) {
    const Status& root = unit.front();
    if (root.kind == StatusKind::repost) {
      return;
    }
    if (root.kind == StatusKind::outreach) {  // a reply to a comment that is not in the file
      const uint64_t parent = next_id();
      const uint64_t id = next_id();
      JsonWriter w(out, kFirebaseStyle);
      w.begin_object();
      by(w, kAccount);
      w.key("id").number(id);
      w.key("parent").number(parent);
      w.field("text", reply_html(root, root.other.author));
      end_comment(w, out, root.t);
      ++counts_.original_posts;
      tally_.add(root);
      return;
    }
    const size_t n = unit.size();
    plan(unit);
    story(out, live_comments());
    for (size_t i = 1; i < n; ++i) {
      comment(out, i);
    }
    ++counts_.stories;
    ++counts_.original_posts;
    counts_.polls += story_.poll ? 1 : 0;
    tally_.add_unit(unit, true);
  }

 private:
  void by(JsonWriter& w, int64_t person) {
    scratch_.clear();
    hn::username(scratch_, people_, person);
    w.field("by", scratch_);
  }
  // A comment's time and type, the end of its line.
  void end_comment(JsonWriter& w, std::string& out, int64_t t) {
    w.key("time").signed_number(epoch_seconds(t));
    w.field("type", "comment");
    w.end_object();
    out.push_back('\n');
    ++counts_.lines;
  }
  void kids(JsonWriter& w, size_t i) {
    if (kids_[i].empty()) {
      return;
    }
    w.key("kids").begin_array();
    for (const uint32_t k : kids_[i]) {
      w.number(ids_[k]);
    }
    w.end_array();
  }

  void story(std::string& out, uint64_t descendants) {
    const Status& s = unit_->front();
    const int64_t t = epoch_seconds(s.t);
    const uint64_t points = hn::points(s);
    JsonWriter w(out, kFirebaseStyle);
    w.begin_object();
    by(w, kAccount);
    w.key("descendants").number(descendants);
    w.key("id").number(ids_[0]);
    kids(w, 0);
    if (story_.poll) {
      w.key("parts").begin_array();
      for (const uint64_t id : option_ids_) {
        w.number(id);
      }
      w.end_array();
    }
    w.key("score").number(points);
    if (!story_.html.empty()) {
      w.field("text", story_.html);
    }
    w.key("time").signed_number(t);
    w.field("title", story_.title);
    w.field("type", story_.poll ? "poll" : "story");
    if (!story_.url.empty()) {
      w.field("url", story_.url);
    }
    w.end_object();
    out.push_back('\n');
    ++counts_.lines;
    for (size_t k = 0; k < option_ids_.size(); ++k) {
      JsonWriter o(out, kFirebaseStyle);
      o.begin_object();
      by(o, kAccount);
      o.key("id").number(option_ids_[k]);
      o.key("poll").number(ids_[0]);
      o.key("score").number(points * (k + 1) / (option_ids_.size() + 1));
      o.field("text", story_.options[k]);
      o.key("time").signed_number(t);
      o.field("type", "pollopt");
      o.end_object();
      out.push_back('\n');
      ++counts_.lines;
      ++counts_.poll_options;
    }
  }

  void comment(std::string& out, size_t i) {
    const Status& s = (*unit_)[i];
    const auto parent = static_cast<size_t>(s.parent);
    JsonWriter w(out, kFirebaseStyle);
    w.begin_object();
    if (gone_[i] == Gone::deleted) {
      w.key("deleted").boolean(true);
      w.key("id").number(ids_[i]);
      kids(w, i);
      w.key("parent").number(ids_[parent]);
    } else {
      by(w, s.author);
      if (gone_[i] == Gone::dead) {
        w.key("dead").boolean(true);
      }
      w.key("id").number(ids_[i]);
      kids(w, i);
      w.key("parent").number(ids_[parent]);
      w.field("text", reply_html(s, (*unit_)[parent].author));
    }
    end_comment(w, out, s.t);

    // What ror makes of it.
    if (gone_[i] != Gone::no) {
      ++(gone_[i] == Gone::deleted ? counts_.deleted : counts_.dead);
    } else if (s.kind == StatusKind::self_reply) {
      ++counts_.original_posts;
    } else {
      ++counts_.placed;  // (through the deleted and dead items above it)
    }
  }

  FirebaseCounts counts_;
};

}  // namespace

int generate_hn_firebase(const Options& opt) {
  StatusStream stream(stream_params(opt, kUnitBytes, Order::oldest_first));
  Firebase firebase(stream, opt.seed);
  Sink out;
  out.open(opt.out);
  while (firebase.counts().stories == 0 || out.bytes() < opt.size) {
    firebase.conversation(stream.next(), out.buf());
    out.flush();
  }
  const uint64_t bytes = out.bytes();
  out.close();

  const FirebaseCounts& c = firebase.counts();
  std::string extra;
  const auto line = [&](std::string_view key, uint64_t v) { expected_line(extra, key, v); };
  line("lines", c.lines);
  line("stories", c.stories);
  line("polls", c.polls);
  line("poll_options", c.poll_options);
  line("deleted", c.deleted);
  line("dead", c.dead);
  line("statuses", c.lines - c.deleted - c.dead - c.poll_options);
  line("placed", c.placed);
  line("posts", c.original_posts);
  line("original_posts", c.original_posts);
  write_expected(opt.out + ".expected.json", "hn-firebase", opt, bytes, 1,
                 hn::account_json(firebase.people()), firebase.tally(), extra);
  std::fprintf(stderr, "ror_gen: %llu items: %llu stories, %llu deleted, %llu dead\n",
               static_cast<unsigned long long>(c.lines), static_cast<unsigned long long>(c.stories),
               static_cast<unsigned long long>(c.deleted), static_cast<unsigned long long>(c.dead));
  return 0;
}

}  // namespace gen
