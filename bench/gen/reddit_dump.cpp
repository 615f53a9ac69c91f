// --format reddit-dump: a per-subreddit dump as Pushshift made them and Arctic Shift makes them
// now: DIR/<sub>_submissions.ndjson and DIR/<sub>_comments.ndjson, one JSON object per line
// (compact, keys in alphabetical order, non-ASCII as \uXXXX, '/' as "\/"), oldest first.
//
// The subreddit is a busy one of which the account is one member: each conversation of the stream
// is one submission, the account's for one in twenty (kAccountShare), someone else's otherwise
// (the stream's statuses by the account are then the poster's own comments in their thread). The
// account's outreach replies are its comments on the latest submission by someone else; reposts
// are left out. Some authors are [deleted], some texts [deleted] or [removed]; one line in twenty
// gives created_utc as a string of digits, as some archived lines do.
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

using reddit::kDeleted;
using reddit::kDumpStyle;

constexpr uint64_t kUnitBytes = 20700;  // bytes per conversation, both files, measured
constexpr uint64_t kAccountShare = 50;  // per mille of the submissions that are the account's

// What the dump wrote, for OUT.expected.json.
struct DumpCounts {
  uint64_t submissions = 0, account_submissions = 0, deleted_submissions = 0,
           removed_submissions = 0;
  uint64_t comments = 0, comments_on_account = 0, account_comments = 0, deleted_comments = 0,
           deleted_on_account = 0, string_times = 0;
};

class Dump {
 public:
  Dump(const StatusStream& stream, uint64_t seed)
      : people_(stream.brand(), stream.audience(), stream.account_key(), stream.followers()),
        text_maker_(stream.brand(), stream.audience()),
        brand_(stream.brand()),
        audience_(stream.audience()),
        followers_(stream.followers()),
        rng_(seed ^ 0x7265646469746475ULL) {
    reddit::subreddit_id(sub_id_, brand_);
    sub_prefixed_ = "r/" + std::string(reddit::subreddit(brand_));
  }

  const People& people() const { return people_; }
  const DumpCounts& counts() const { return counts_; }
  const Tally& tally() const { return tally_; }

  // Writes a conversation: its submission to `subs`, its comments to `comments`.
  void conversation(const std::vector<Status>& unit, std::string& subs, std::string& comments) {
    const Status& root = unit.front();
    if (root.kind == StatusKind::repost) {
      return;  // a crosspost: left out
    }
    if (root.kind == StatusKind::outreach) {
      if (last_foreign_ == 0) {
        return;
      }
      ids_.assign(1, 0);
      authors_.assign(1, kAccount);
      comment(comments, unit, 0, last_foreign_, last_slug_, last_op_);
      tally_.add(root);
      return;
    }
    // Whose submission, and who wrote each status of the thread.
    const bool own = rng_.per_mille(kAccountShare);
    int64_t op = kAccount;
    bool removed = false;
    if (!own) {
      const uint64_t r = rng_.below(1000);
      op = r < 80 ? kDeleted : static_cast<int64_t>(audience_.draw(rng_));
      removed = r >= 80 && r < 170;
    }
    authors_.resize(unit.size());
    ids_.resize(unit.size());
    for (size_t i = 0; i < unit.size(); ++i) {
      const Status& s = unit[i];
      if (s.by_account()) {
        authors_[i] = op;
      } else {
        authors_[i] = rng_.per_mille(70) ? kDeleted : s.author;
      }
    }
    link_ = next_link_ += 1 + rng_.below(60);
    submission(subs, unit, op, removed);
    for (size_t i = 1; i < unit.size(); ++i) {
      comment(comments, unit, i, link_, sub_.slug, op);
    }
    if (own) {
      tally_.add_unit(unit, true);
    } else {
      last_foreign_ = link_;
      last_slug_ = sub_.slug;
      last_op_ = op;
    }
  }

 private:
  void name(JsonWriter& w, std::string_view key, int64_t person) {
    scratch_.clear();
    reddit::username(scratch_, people_, person);
    w.field(key, scratch_);
  }

  void time(JsonWriter& w, std::string_view key, int64_t secs, bool as_string) {
    if (as_string) {
      quoted_ = "\"";
      put_u(quoted_, static_cast<uint64_t>(secs));
      quoted_ += "\"";
      w.key(key).raw(quoted_);
    } else {
      w.key(key).signed_number(secs);
    }
  }

  // The author's flair fields and fullname, written between "author" and what follows it.
  void flair(JsonWriter& w, int64_t person) {
    if (person == kDeleted) {
      w.key("author_flair_background_color").null();
      w.key("author_flair_css_class").null();
      w.key("author_flair_text").null();
      w.key("author_flair_text_color").null();
      return;
    }
    if (person == kAccount) {
      w.field("author_flair_background_color", "#0079d3");
      w.field("author_flair_css_class", "official");
    } else {
      w.key("author_flair_background_color").null();
      w.key("author_flair_css_class").null();
    }
    w.key("author_flair_richtext").empty_array();
    w.key("author_flair_template_id").null();
    if (person == kAccount) {
      w.field("author_flair_text", "Official");
      w.field("author_flair_text_color", "light");
    } else {
      w.key("author_flair_text").null();
      w.key("author_flair_text_color").null();
    }
    w.field("author_flair_type", "text");
    scratch_.clear();
    reddit::user_fullname(scratch_, people_, person);
    w.field("author_fullname", scratch_);
    w.key("author_is_blocked").boolean(false);
    w.key("author_patreon_flair").boolean(false);
    w.key("author_premium").boolean(person >= 0 && people_.followers(person) % 17 == 0);
  }

  void submission(std::string& out, const std::vector<Status>& unit, int64_t op, bool removed) {
    const Status& s = unit.front();
    const bool own = op == kAccount;
    text_maker_.make(s, kAccount, text_rng_, text_);
    reddit::submission(sub_, text_, text_rng_, brand_);
    const bool is_self = sub_.is_self();
    md_.clear();
    if (op == kDeleted) {
      md_ = "[deleted]";
    } else if (removed) {
      md_ = "[removed]";
    } else if (is_self) {
      reddit::markdown(md_, text_, people_);
    }
    const int64_t created = epoch_seconds(s.t);
    const bool string_time = rng_.per_mille(50);
    const uint64_t score = own ? 1 + s.likes / 3 : 1 + s.likes / 12;

    JsonWriter w(out, kDumpStyle);
    w.begin_object();
    w.key("all_awardings").empty_array();
    w.key("allow_live_comments").boolean(false);
    w.key("archived").boolean(false);
    name(w, "author", op);
    flair(w, op);
    w.key("awarders").empty_array();
    w.key("can_gild").boolean(op != kDeleted);
    w.key("can_mod_post").boolean(false);
    w.key("category").null();
    w.key("content_categories").null();
    w.key("contest_mode").boolean(false);
    time(w, "created_utc", created, string_time);
    w.key("discussion_type").null();
    w.key("distinguished").null();
    scratch_.clear();
    sub_.domain(scratch_, brand_);
    w.field("domain", scratch_);
    reddit::edited(w, s, false);
    w.key("gilded").number(0);
    w.key("gildings").empty_object();
    w.key("hidden").boolean(false);
    reddit::id_field(w, "id", "", link_);
    w.key("is_created_from_ads_ui").boolean(false);
    w.key("is_crosspostable").boolean(!removed && op != kDeleted);
    w.key("is_meta").boolean(false);
    w.key("is_original_content").boolean(false);
    w.key("is_reddit_media_domain").boolean(false);
    w.key("is_robot_indexable").boolean(!removed && op != kDeleted);
    w.key("is_self").boolean(is_self);
    w.key("is_video").boolean(false);
    w.field("link_flair_background_color", "");
    w.key("link_flair_css_class").null();
    w.key("link_flair_richtext").empty_array();
    w.key("link_flair_text").null();
    w.field("link_flair_text_color", "dark");
    w.field("link_flair_type", "text");
    w.key("locked").boolean(false);
    w.key("media").null();
    w.key("media_embed").empty_object();
    w.key("media_only").boolean(false);
    reddit::id_field(w, "name", "t3_", link_);
    w.key("no_follow").boolean(score < 3);
    w.key("num_comments").number(unit.size() - 1);
    w.key("num_crossposts").number(0);
    w.key("over_18").boolean(false);
    w.field("parent_whitelist_status", "all_ads");
    permalink_.clear();
    reddit::permalink(permalink_, brand_, link_, sub_.slug, 0);
    w.field("permalink", permalink_);
    w.key("pinned").boolean(false);
    w.key("pwls").number(6);
    w.key("quarantine").boolean(false);
    w.key("removal_reason").null();
    w.key("removed_by").null();
    if (removed || op == kDeleted) {
      w.field("removed_by_category", removed ? "moderator" : "deleted");
    } else {
      w.key("removed_by_category").null();
    }
    w.key("retrieved_on").signed_number(created + 30 + static_cast<int64_t>(rng_.below(7200)));
    w.key("score").number(score);
    w.key("secure_media").null();
    w.key("secure_media_embed").empty_object();
    w.field("selftext", md_);
    w.key("send_replies").boolean(true);
    w.key("spoiler").boolean(false);
    w.key("stickied").boolean(false);
    w.field("subreddit", reddit::subreddit(brand_));
    w.field("subreddit_id", sub_id_);
    w.field("subreddit_name_prefixed", sub_prefixed_);
    w.key("subreddit_subscribers").number(reddit::subscribers(followers_, s.t));
    w.field("subreddit_type", "public");
    w.key("suggested_sort").null();
    w.field("thumbnail", is_self ? "self" : "default");
    w.key("thumbnail_height").null();
    w.key("thumbnail_width").null();
    w.field("title", sub_.title);
    w.key("total_awards_received").number(0);
    w.key("treatment_tags").empty_array();
    w.key("upvote_ratio").raw(reddit::upvote_ratio(score));
    w.key("ups").number(score);
    scratch_.clear();
    sub_.link(scratch_, permalink_);
    w.field("url", scratch_);
    w.key("view_count").null();
    w.field("whitelist_status", "all_ads");
    w.key("wls").number(6);
    w.end_object();
    out.push_back('\n');

    ++counts_.submissions;
    counts_.account_submissions += own ? 1 : 0;
    counts_.deleted_submissions += op == kDeleted ? 1 : 0;
    counts_.removed_submissions += removed ? 1 : 0;
    counts_.string_times += string_time ? 1 : 0;
  }

  // The comment unit[i] (its id and author in ids_ and authors_) under the submission `link`.
  void comment(std::string& out, const std::vector<Status>& unit, size_t i, uint64_t link,
               const std::string& link_slug, int64_t op) {
    const Status& s = unit[i];
    const int64_t author = authors_[i];
    ids_[i] = next_comment_ += 1 + rng_.below(300);
    md_.clear();
    if (author == kDeleted && !s.by_account()) {
      md_ = rng_.per_mille(300) ? "[removed]" : "[deleted]";
    } else {
      const int64_t parent_author =
          s.parent >= 0 ? unit[static_cast<size_t>(s.parent)].author : s.other.author;
      text_maker_.make(s, parent_author, text_rng_, text_);
      reddit::markdown(md_, text_, people_);
    }
    const int64_t created = epoch_seconds(s.t);
    const bool string_time = rng_.per_mille(50);
    int64_t score = static_cast<int64_t>(s.likes / (s.by_account() ? 4 : 1)) + 1;
    if (!s.by_account() && rng_.per_mille(40)) {
      score -= rng_.range(1, 9);
    }

    JsonWriter w(out, kDumpStyle);
    w.begin_object();
    w.key("all_awardings").empty_array();
    w.key("archived").boolean(false);
    w.key("associated_award").null();
    name(w, "author", author);
    flair(w, author);
    w.key("awarders").empty_array();
    w.key("banned_at_utc").null();
    w.key("banned_by").null();
    w.field("body", md_);
    w.key("can_gild").boolean(author != kDeleted);
    w.key("can_mod_post").boolean(false);
    w.key("collapsed").boolean(score < -4);
    w.key("collapsed_because_crowd_control").null();
    if (score < -4) {
      w.field("collapsed_reason", "comment score below threshold");
    } else {
      w.key("collapsed_reason").null();
    }
    w.key("collapsed_reason_code").null();
    w.key("comment_type").null();
    w.key("controversiality").number(score < 1 ? 1 : 0);
    time(w, "created_utc", created, string_time);
    if (author == kAccount && op == kAccount && s.seed % 4 == 0) {
      w.field("distinguished", "moderator");
    } else {
      w.key("distinguished").null();
    }
    w.key("downs").number(0);
    reddit::edited(w, s, false);
    w.key("gilded").number(0);
    w.key("gildings").empty_object();
    reddit::id_field(w, "id", "", ids_[i]);
    w.key("is_submitter").boolean(author == op && author != kDeleted);
    reddit::id_field(w, "link_id", "t3_", link);
    w.key("locked").boolean(false);
    reddit::id_field(w, "name", "t1_", ids_[i]);
    w.key("no_follow").boolean(score < 2);
    if (s.parent > 0) {
      reddit::id_field(w, "parent_id", "t1_", ids_[static_cast<size_t>(s.parent)]);
    } else {
      reddit::id_field(w, "parent_id", "t3_", link);
    }
    permalink_.clear();
    reddit::permalink(permalink_, brand_, link, link_slug, ids_[i]);
    w.field("permalink", permalink_);
    w.key("retrieved_on").signed_number(created + 20 + static_cast<int64_t>(rng_.below(3600)));
    w.key("score").signed_number(score);
    w.key("score_hidden").boolean(false);
    w.key("send_replies").boolean(true);
    w.key("stickied").boolean(false);
    w.field("subreddit", reddit::subreddit(brand_));
    w.field("subreddit_id", sub_id_);
    w.field("subreddit_name_prefixed", sub_prefixed_);
    w.field("subreddit_type", "public");
    w.key("top_awarded_type").null();
    w.key("total_awards_received").number(0);
    w.key("treatment_tags").empty_array();
    w.key("unrepliable_reason").null();
    w.key("ups").signed_number(score);
    w.end_object();
    out.push_back('\n');

    ++counts_.comments;
    counts_.comments_on_account += op == kAccount ? 1 : 0;
    counts_.account_comments += author == kAccount ? 1 : 0;
    counts_.deleted_comments += author == kDeleted ? 1 : 0;
    counts_.deleted_on_account += author == kDeleted && op == kAccount ? 1 : 0;
    counts_.string_times += string_time ? 1 : 0;
  }

  People people_;
  TextMaker text_maker_;
  const Brand& brand_;
  const Audience& audience_;
  uint64_t followers_;
  Rng rng_;
  Rng text_rng_{0};
  Text text_;
  Tally tally_;
  DumpCounts counts_;
  reddit::Submission sub_;
  std::string sub_id_, sub_prefixed_, md_, permalink_, scratch_, quoted_;
  std::vector<uint64_t> ids_;
  std::vector<int64_t> authors_;
  uint64_t next_link_ = reddit::kFirstLink, next_comment_ = reddit::kFirstComment, link_ = 0;
  uint64_t last_foreign_ = 0;  // the latest submission by someone else, for outreach
  std::string last_slug_;
  int64_t last_op_ = kDeleted;
};

}  // namespace

int generate_reddit_dump(const Options& opt) {
  StatusStream stream(stream_params(opt, kUnitBytes, Order::oldest_first));
  Dump dump(stream, opt.seed);
  make_dirs(opt.out);
  const std::string sub(reddit::subreddit(stream.brand()));
  Sink subs, comments;
  subs.open(opt.out + "/" + sub + "_submissions.ndjson");
  comments.open(opt.out + "/" + sub + "_comments.ndjson");
  while (dump.counts().account_submissions == 0 || subs.bytes() + comments.bytes() < opt.size) {
    dump.conversation(stream.next(), subs.buf(), comments.buf());
    subs.flush();
    comments.flush();
  }
  const uint64_t bytes = subs.bytes() + comments.bytes();
  subs.close();
  comments.close();

  const DumpCounts& c = dump.counts();
  std::string extra;
  const auto line = [&](std::string_view key, uint64_t v) { expected_line(extra, key, v); };
  extra += "  \"subreddit\": \"" + sub + "\",\n";
  line("submissions", c.submissions);
  line("account_submissions", c.account_submissions);
  line("foreign_submissions", c.submissions - c.account_submissions);
  line("deleted_submissions", c.deleted_submissions);
  line("removed_submissions", c.removed_submissions);
  line("comments", c.comments);
  line("comments_on_account", c.comments_on_account);
  line("comments_on_others", c.comments - c.comments_on_account);
  line("account_comments", c.account_comments);
  line("deleted_comments", c.deleted_comments);
  line("deleted_on_account", c.deleted_on_account);
  line("string_times", c.string_times);
  write_expected(opt.out + ".expected.json", "reddit-dump", opt, bytes, 2,
                 reddit::account_json(dump.people()), dump.tally(), extra);
  std::fprintf(stderr,
               "ror_gen: %llu submissions (%llu the account's), %llu comments (%llu under the "
               "account's)\n",
               static_cast<unsigned long long>(c.submissions),
               static_cast<unsigned long long>(c.account_submissions),
               static_cast<unsigned long long>(c.comments),
               static_cast<unsigned long long>(c.comments_on_account));
  return 0;
}

}  // namespace gen
