// --format reddit: a folder of Reddit threads as the API's /comments/<id>.json returns them, one
// file per submission of the account (DIR/comments_<id>.json): an array of two Listings, the
// link (t3) then its comments (t1) nested through `replies` ("" when there are none), written as
// Reddit writes JSON (", " and ": ", non-ASCII as \uXXXX, '<' '>' '&' as \u003C \u003E \u0026).
//
// Each of the account's original statuses is a submission, the replies under it its comments
// (the account's thread continued is its own comments), best first. As the API does, a thread
// holds at most kLimit comments and at most a few replies to each comment past the top level:
// the rest are `more` stubs (`count`: the comments they stand for, `children`: the ids of the
// comments left out at that level); below depth kMaxDepth a "continue this thread" stub (id "_",
// count 0) stands for the replies. Deleted comments with replies keep their place as [deleted].
// Outreach and reposts are left out.
#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "gen/formats.hpp"
#include "gen/json_writer.hpp"
#include "gen/output.hpp"
#include "gen/people.hpp"
#include "gen/reddit.hpp"
#include "gen/status_text.hpp"
#include "gen/statuses.hpp"

namespace gen {

namespace {

using reddit::kApiStyle;
using reddit::kDeleted;

constexpr uint64_t kUnitBytes = 25000;  // bytes per conversation, measured
constexpr uint64_t kLimit = 200;        // comments a thread holds at most
constexpr int kMaxDepth = 10;           // comments deeper than this are behind a continue link

struct ThreadCounts {
  uint64_t links = 0, comments = 0, stubs = 0, stub_comments = 0, continue_links = 0,
           continued_comments = 0, deleted = 0, num_comments = 0;
};

// Replies past the top level a comment shows at `depth` (its children's depth), at most.
size_t cap(int depth) {
  return depth == 0 ? SIZE_MAX : std::max<size_t>(3, size_t{24} >> depth);
}

class Threads {
 public:
  Threads(const StatusStream& stream, uint64_t seed)
      : people_(stream.brand(), stream.audience(), stream.account_key(), stream.followers()),
        text_maker_(stream.brand(), stream.audience()),
        brand_(stream.brand()),
        followers_(stream.followers()),
        rng_(seed ^ 0x7265646469747468ULL) {
    reddit::subreddit_id(sub_id_, brand_);
    sub_prefixed_ = "r/" + std::string(reddit::subreddit(brand_));
  }

  const People& people() const { return people_; }
  const ThreadCounts& counts() const { return counts_; }
  const Tally& tally() const { return tally_; }

  // Whether the conversation makes a thread (the account's original).
  static bool wanted(const std::vector<Status>& unit) {
    return unit.front().kind == StatusKind::original;
  }

  // Writes the thread of `unit` (oldest first) to DIR/comments_<id>.json; returns its bytes.
  uint64_t thread(const std::vector<Status>& unit, const std::string& dir, Sink& file) {
    const size_t n = unit.size();
    unit_ = &unit;
    link_ = next_link_ += 1 + rng_.below(60);
    name_ = dir + "/comments_";
    reddit::put_base36(name_, link_);
    name_ += ".json";
    file.open(name_);
    ids_.resize(n);
    authors_.resize(n);
    scores_.resize(n);
    sizes_.assign(n, 1);
    kids_.assign(n, {});
    for (size_t i = 0; i < n; ++i) {
      const Status& s = unit[i];
      ids_[i] = i == 0 ? link_ : (next_comment_ += 1 + rng_.below(300));
      authors_[i] = s.author;
      if (i > 0 && !s.by_account() && s.replies > 0 && rng_.per_mille(100)) {
        authors_[i] = kDeleted;  // (a deleted comment without replies is not shown)
      }
      int64_t score = static_cast<int64_t>(s.likes / (s.by_account() && i > 0 ? 4 : 1)) + 1;
      if (i > 0 && !s.by_account() && rng_.per_mille(40)) {
        score -= rng_.range(1, 9);
      }
      scores_[i] = score;
    }
    for (size_t i = n; i-- > 1;) {
      const auto p = static_cast<size_t>(unit[i].parent);
      sizes_[p] += sizes_[i];
      kids_[p].push_back(static_cast<uint32_t>(i));
    }
    for (std::vector<uint32_t>& k : kids_) {  // best first: score, then age
      std::sort(k.begin(), k.end(), [&](uint32_t a, uint32_t b) {
        return scores_[a] != scores_[b] ? scores_[a] > scores_[b] : a < b;
      });
    }
    budget_ = kLimit;

    JsonWriter w(file.buf(), kApiStyle);
    w.begin_array();
    begin_listing(w, true);
    w.begin_object();
    w.field("kind", "t3");
    w.key("data");
    link_data(w, unit[0], n - 1);
    w.end_object();
    end_listing(w);
    begin_listing(w, false);
    children(w, 0, 0);
    end_listing(w);
    w.end_array();

    ++counts_.links;
    counts_.num_comments += n - 1;
    tally_.add_unit(unit, true);
    const uint64_t bytes = file.bytes();
    file.close();
    return bytes;
  }

 private:
  void author(JsonWriter& w, int64_t person) {
    scratch_.clear();
    reddit::username(scratch_, people_, person);
    w.field("author", scratch_);
  }

  // {"kind": "Listing", "data": {... "children": [ ... ]}}: opened, and closed by end_listing.
  void begin_listing(JsonWriter& w, bool link) {
    w.begin_object();
    w.field("kind", "Listing");
    w.key("data").begin_object();
    w.key("after").null();
    if (link) {
      w.key("dist").number(1);
    } else {
      w.key("dist").null();
    }
    w.field("modhash", "");
    w.field("geo_filter", "");
    w.key("children").begin_array();
  }
  void end_listing(JsonWriter& w) {
    w.end_array();
    w.key("before").null();
    w.end_object();
    w.end_object();
  }

  // The things under status `parent`, whose depth is `depth` (0: the link's comments).
  void children(JsonWriter& w, size_t parent, int depth) {
    const std::vector<uint32_t>& kids = kids_[parent];
    if (kids.empty()) {
      return;
    }
    if (depth >= kMaxDepth) {  // a "continue this thread" link
      w.begin_object();
      w.field("kind", "more");
      w.key("data").begin_object();
      w.key("count").number(0);
      w.field("name", "t1__");
      w.field("id", "_");
      reddit::id_field(w, "parent_id", "t1_", ids_[parent]);
      w.key("depth").number(static_cast<uint64_t>(depth));
      w.key("children").empty_array();
      w.end_object();
      w.end_object();
      ++counts_.continue_links;
      counts_.continued_comments += sizes_[parent] - 1;
      return;
    }
    for (size_t k = 0; k < kids.size(); ++k) {
      if (budget_ == 0 || k >= cap(depth)) {  // the rest, in a more stub
        uint64_t count = 0;
        for (size_t j = k; j < kids.size(); ++j) {
          count += sizes_[kids[j]];
        }
        w.begin_object();
        w.field("kind", "more");
        w.key("data").begin_object();
        w.key("count").number(count);
        reddit::id_field(w, "name", "t1_", ids_[kids[k]]);
        reddit::id_field(w, "id", "", ids_[kids[k]]);
        reddit::id_field(w, "parent_id", parent == 0 ? "t3_" : "t1_", ids_[parent]);
        w.key("depth").number(static_cast<uint64_t>(depth));
        w.key("children").begin_array();
        for (size_t j = k; j < kids.size(); ++j) {
          quoted_.clear();
          reddit::put_base36(quoted_, ids_[kids[j]]);
          w.string(quoted_);
        }
        w.end_array();
        w.end_object();
        w.end_object();
        ++counts_.stubs;
        counts_.stub_comments += count;
        return;
      }
      --budget_;
      comment(w, kids[k], depth);
    }
  }

  void comment(JsonWriter& w, size_t i, int depth) {
    const Status& s = (*unit_)[i];
    const int64_t who = authors_[i];
    const auto parent = static_cast<size_t>(s.parent);
    const int64_t created = epoch_seconds(s.t);
    const int64_t score = scores_[i];
    md_.clear();
    html_.clear();
    if (who == kDeleted) {
      md_ = rng_.per_mille(300) ? "[removed]" : "[deleted]";
      html_ = "<div class=\"md\"><p>" + md_ + "</p>\n</div>";
    } else {
      text_maker_.make(s, (*unit_)[parent].author, text_rng_, text_);
      reddit::markdown(md_, text_, people_);
      reddit::html(html_, text_, people_);
    }

    w.begin_object();
    w.field("kind", "t1");
    w.key("data").begin_object();
    w.field("subreddit_id", sub_id_);
    w.key("approved_at_utc").null();
    w.key("author_is_blocked").boolean(false);
    w.key("comment_type").null();
    w.key("awarders").empty_array();
    w.key("mod_reason_by").null();
    w.key("banned_by").null();
    w.field("author_flair_type", "text");
    w.key("total_awards_received").number(0);
    w.field("subreddit", reddit::subreddit(brand_));
    w.key("author_flair_template_id").null();
    w.key("likes").null();
    w.key("replies");
    if (kids_[i].empty()) {
      w.string("");
    } else {  // (a writer of its own: JsonWriter nests 32 levels at most, a thread 50 and more)
      w.raw("");
      JsonWriter rw(w.out(), kApiStyle);
      begin_listing(rw, false);
      children(rw, i, depth + 1);
      end_listing(rw);
    }
    w.key("user_reports").empty_array();
    w.key("saved").boolean(false);
    reddit::id_field(w, "id", "", ids_[i]);
    w.key("banned_at_utc").null();
    w.key("mod_reason_title").null();
    w.key("gilded").number(0);
    w.key("archived").boolean(false);
    w.key("collapsed_reason_code").null();
    w.key("no_follow").boolean(score < 2);
    author(w, who);
    w.key("can_mod_post").boolean(false);
    reddit::api_seconds(w, "created_utc", created);
    w.key("send_replies").boolean(true);
    reddit::id_field(w, "parent_id", parent == 0 ? "t3_" : "t1_", ids_[parent]);
    w.key("score").signed_number(score);
    if (who != kDeleted) {
      scratch_.clear();
      reddit::user_fullname(scratch_, people_, who);
      w.field("author_fullname", scratch_);
    }
    w.key("approved_by").null();
    w.key("mod_note").null();
    w.key("all_awardings").empty_array();
    w.key("collapsed").boolean(score < -4);
    w.field("body", md_);
    reddit::edited(w, s, true);
    w.key("top_awarded_type").null();
    if (who == kAccount) {
      w.field("author_flair_css_class", "official");
    } else {
      w.key("author_flair_css_class").null();
    }
    reddit::id_field(w, "name", "t1_", ids_[i]);
    w.key("is_submitter").boolean(who == kAccount);
    w.key("downs").number(0);
    w.key("author_flair_richtext").empty_array();
    w.key("author_patreon_flair").boolean(false);
    w.field("body_html", html_);
    w.key("removal_reason").null();
    if (score < -4) {
      w.field("collapsed_reason", "comment score below threshold");
    } else {
      w.key("collapsed_reason").null();
    }
    if (who == kAccount && s.seed % 4 == 0) {
      w.field("distinguished", "moderator");
    } else {
      w.key("distinguished").null();
    }
    w.key("associated_award").null();
    w.key("stickied").boolean(false);
    w.key("author_premium").boolean(false);
    w.key("can_gild").boolean(who != kDeleted);
    w.key("gildings").empty_object();
    w.key("unrepliable_reason").null();
    if (who == kAccount) {
      w.field("author_flair_text_color", "light");
    } else {
      w.key("author_flair_text_color").null();
    }
    w.key("score_hidden").boolean(false);
    permalink_.clear();
    permalink(permalink_, ids_[i]);
    w.field("permalink", permalink_);
    w.field("subreddit_type", "public");
    w.key("locked").boolean(false);
    w.key("report_reasons").null();
    reddit::api_seconds(w, "created", created);
    if (who == kAccount) {
      w.field("author_flair_text", "Official");
    } else {
      w.key("author_flair_text").null();
    }
    w.key("treatment_tags").empty_array();
    reddit::id_field(w, "link_id", "t3_", link_);
    w.field("subreddit_name_prefixed", sub_prefixed_);
    w.key("controversiality").number(score < 1 ? 1 : 0);
    w.key("depth").number(static_cast<uint64_t>(depth));
    if (who == kAccount) {
      w.field("author_flair_background_color", "#0079d3");
    } else {
      w.key("author_flair_background_color").null();
    }
    w.key("collapsed_because_crowd_control").null();
    w.key("mod_reports").empty_array();
    w.key("num_reports").null();
    w.key("ups").signed_number(score);
    w.end_object();
    w.end_object();

    ++counts_.comments;
    counts_.deleted += who == kDeleted ? 1 : 0;
  }

  void link_data(JsonWriter& w, const Status& s, uint64_t num_comments) {
    text_maker_.make(s, kAccount, text_rng_, text_);
    reddit::submission(sub_, text_, text_rng_, brand_);
    const bool is_self = sub_.is_self();
    md_.clear();
    html_.clear();
    if (is_self) {
      reddit::markdown(md_, text_, people_);
      html_ = "<!-- SC_OFF -->";
      reddit::html(html_, text_, people_);
      html_ += "<!-- SC_ON -->";
    }
    const int64_t created = epoch_seconds(s.t);
    const uint64_t score = 1 + s.likes / 3;
    permalink_.clear();
    permalink(permalink_, 0);

    w.begin_object();
    w.key("approved_at_utc").null();
    w.field("subreddit", reddit::subreddit(brand_));
    w.field("selftext", md_);
    scratch_.clear();
    reddit::user_fullname(scratch_, people_, kAccount);
    w.field("author_fullname", scratch_);
    w.key("saved").boolean(false);
    w.key("mod_reason_title").null();
    w.key("gilded").number(0);
    w.key("clicked").boolean(false);
    w.field("title", sub_.title);
    w.key("link_flair_richtext").empty_array();
    w.field("subreddit_name_prefixed", sub_prefixed_);
    w.key("hidden").boolean(false);
    w.key("pwls").number(6);
    w.key("link_flair_css_class").null();
    w.key("downs").number(0);
    w.key("thumbnail_height").null();
    w.key("top_awarded_type").null();
    w.key("hide_score").boolean(false);
    reddit::id_field(w, "name", "t3_", link_);
    w.key("quarantine").boolean(false);
    w.field("link_flair_text_color", "dark");
    w.key("upvote_ratio").raw(reddit::upvote_ratio(score));
    w.field("author_flair_background_color", "#0079d3");
    w.field("subreddit_type", "public");
    w.key("ups").number(score);
    w.key("total_awards_received").number(0);
    w.key("media_embed").empty_object();
    w.key("thumbnail_width").null();
    w.key("author_flair_template_id").null();
    w.key("is_original_content").boolean(false);
    w.key("user_reports").empty_array();
    w.key("secure_media").null();
    w.key("is_reddit_media_domain").boolean(false);
    w.key("is_meta").boolean(false);
    w.key("category").null();
    w.key("secure_media_embed").empty_object();
    w.key("link_flair_text").null();
    w.key("can_mod_post").boolean(false);
    w.key("score").number(score);
    w.key("approved_by").null();
    w.key("is_created_from_ads_ui").boolean(false);
    w.key("author_premium").boolean(false);
    w.field("thumbnail", is_self ? "self" : "default");
    reddit::edited(w, s, true);
    w.field("author_flair_css_class", "official");
    w.key("author_flair_richtext").empty_array();
    w.key("gildings").empty_object();
    w.key("content_categories").null();
    w.key("is_self").boolean(is_self);
    w.key("mod_note").null();
    reddit::api_seconds(w, "created", created);
    w.field("link_flair_type", "text");
    w.key("wls").number(6);
    w.key("removed_by_category").null();
    w.key("banned_by").null();
    w.field("author_flair_type", "text");
    scratch_.clear();
    sub_.domain(scratch_, brand_);
    w.field("domain", scratch_);
    w.key("allow_live_comments").boolean(false);
    w.key("selftext_html");
    is_self ? w.string(html_) : w.null();
    w.key("likes").null();
    w.key("suggested_sort").null();
    w.key("banned_at_utc").null();
    w.key("view_count").null();
    w.key("archived").boolean(false);
    w.key("no_follow").boolean(false);
    w.key("is_crosspostable").boolean(true);
    w.key("pinned").boolean(false);
    w.key("over_18").boolean(false);
    w.key("all_awardings").empty_array();
    w.key("awarders").empty_array();
    w.key("media_only").boolean(false);
    w.key("can_gild").boolean(false);
    w.key("spoiler").boolean(false);
    w.key("locked").boolean(false);
    w.field("author_flair_text", "Official");
    w.key("treatment_tags").empty_array();
    w.key("visited").boolean(false);
    w.key("removed_by").null();
    w.key("num_reports").null();
    w.key("distinguished").null();
    w.field("subreddit_id", sub_id_);
    w.key("author_is_blocked").boolean(false);
    w.key("mod_reason_by").null();
    w.key("removal_reason").null();
    w.field("link_flair_background_color", "");
    reddit::id_field(w, "id", "", link_);
    w.key("is_robot_indexable").boolean(true);
    w.key("report_reasons").null();
    author(w, kAccount);
    w.key("discussion_type").null();
    w.key("num_comments").number(num_comments);
    w.key("send_replies").boolean(true);
    w.key("contest_mode").boolean(false);
    w.key("mod_reports").empty_array();
    w.key("author_patreon_flair").boolean(false);
    w.field("author_flair_text_color", "light");
    w.field("permalink", permalink_);
    w.key("stickied").boolean(false);
    scratch_.clear();
    sub_.link(scratch_, permalink_);
    w.field("url", scratch_);
    w.key("subreddit_subscribers").number(reddit::subscribers(followers_, s.t));
    reddit::api_seconds(w, "created_utc", created);
    w.key("num_crossposts").number(0);
    w.key("media").null();
    w.key("is_video").boolean(false);
    w.end_object();
  }

  void permalink(std::string& s, uint64_t comment) {
    reddit::permalink(s, brand_, link_, sub_.slug, comment);
  }

  People people_;
  TextMaker text_maker_;
  const Brand& brand_;
  uint64_t followers_;
  Rng rng_;
  Rng text_rng_{0};
  Text text_;
  Tally tally_;
  ThreadCounts counts_;
  const std::vector<Status>* unit_ = nullptr;
  std::vector<uint64_t> ids_;
  std::vector<int64_t> authors_, scores_;
  std::vector<uint64_t> sizes_;
  std::vector<std::vector<uint32_t>> kids_;
  uint64_t budget_ = 0;
  uint64_t next_link_ = reddit::kFirstLink, next_comment_ = reddit::kFirstComment, link_ = 0;
  reddit::Submission sub_;
  std::string sub_id_, sub_prefixed_, md_, html_, permalink_, scratch_, quoted_;
  std::string name_;
};

}  // namespace

int generate_reddit_thread(const Options& opt) {
  StatusStream stream(stream_params(opt, kUnitBytes, Order::oldest_first));
  Threads threads(stream, opt.seed);
  make_dirs(opt.out);
  Sink file;
  const uint64_t bytes = write_until_size(stream, opt, [&](const std::vector<Status>& unit) {
    return Threads::wanted(unit) ? threads.thread(unit, opt.out, file) : 0;
  });

  const ThreadCounts& c = threads.counts();
  std::string extra;
  const auto line = [&](std::string_view key, uint64_t v) { expected_line(extra, key, v); };
  line("links", c.links);
  line("comments", c.comments);
  line("num_comments", c.num_comments);
  line("stubs", c.stubs);
  line("stub_comments", c.stub_comments);
  line("continue_links", c.continue_links);
  line("continued_comments", c.continued_comments);
  line("deleted_comments", c.deleted);
  write_expected(opt.out + ".expected.json", "reddit", opt, bytes, c.links,
                 reddit::account_json(threads.people()), threads.tally(), extra);
  std::fprintf(
      stderr,
      "ror_gen: %llu threads, %llu comments (%llu more in %llu stubs, %llu behind %llu "
      "continue links)\n",
      static_cast<unsigned long long>(c.links), static_cast<unsigned long long>(c.comments),
      static_cast<unsigned long long>(c.stub_comments), static_cast<unsigned long long>(c.stubs),
      static_cast<unsigned long long>(c.continued_comments),
      static_cast<unsigned long long>(c.continue_links));
  return 0;
}

}  // namespace gen
