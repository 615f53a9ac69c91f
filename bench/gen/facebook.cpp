// --format facebook: the folder of a Facebook "Download your information" export in its JSON
// form, as far as ror reads it (meta_export.hpp for what the files share: mojibake, seconds,
// Meta's pretty printing):
//   your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json  the posts
//   your_facebook_activity/comments_and_reactions/comments.json                    comments_v2
//   your_facebook_activity/comments_and_reactions/likes_and_reactions_1.json       reactions
//   personal_information/profile_information/profile_information.json             profile_v2
//   connections/followers/followers.json                                           followers_v2
// The export is the account's own writing, oldest first: its originals (statuses, links, photos,
// the people it was with), its shares (quotes and reposts, both posts of its own there), its
// comments (the continuation of its own threads and its answers under its posts, its outreach
// on other people's posts; one outreach in eight written on someone's timeline, a post), and its
// reactions to the replies it got. Other people's comments are not in it.
#include <algorithm>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "gen/formats.hpp"
#include "gen/json_writer.hpp"
#include "gen/meta_export.hpp"
#include "gen/output.hpp"
#include "gen/people.hpp"
#include "gen/status_text.hpp"
#include "gen/statuses.hpp"

namespace gen {

namespace {

constexpr uint64_t kUnitBytes = 2850;  // bytes per conversation, all files, measured

constexpr char kAlnum[] = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ123456789";

// What the export holds, by kind of entry.
struct Counts {
  uint64_t posts = 0, comments = 0, own_comments = 0, timeline_posts = 0, reactions = 0;
};

class FacebookExport {
 public:
  explicit FacebookExport(const StatusStream& stream)
      : people_(stream.brand(), stream.audience(), stream.account_key(), stream.followers()),
        audience_(stream.audience()),
        text_maker_(stream.brand(), stream.audience()) {
    people_.display_name(name_, kAccount);
    username_ = username(kAccount);
  }

  const People& people() const { return people_; }
  const std::string& name() const { return name_; }
  const std::string& account_username() const { return username_; }

  // The name Facebook shows: the person's first and last name, with a middle name (and a second
  // surname) for the many who share a first and last name, as people on Facebook do.
  void full_name(std::string& s, int64_t person) const {
    if (person < 0) {
      s += name_;
      return;
    }
    constexpr uint64_t kF = std::size(kFirst), kL = std::size(kLast);
    const uint64_t q = audience_.key(static_cast<uint64_t>(person)) / (kF * kL);
    std::string plain;
    people_.display_name(plain, person);
    const size_t space = plain.find(' ');
    if (q == 0 || space == std::string::npos) {
      s += plain;
      return;
    }
    s.append(plain, 0, space + 1);
    const auto capitalized = [&](std::string_view w) {
      s.push_back(w[0] >= 'a' && w[0] <= 'z' ? static_cast<char>(w[0] - 32) : w[0]);
      s.append(w.substr(1));
    };
    capitalized(kFirst[q % kF]);
    s.append(plain, space);
    if (q >= kF) {
      s.push_back('-');
      capitalized(kLast[(q / kF) % kL]);
    }
  }

  // The person's username: the vanity part of a profile's URL.
  std::string username(int64_t person) const {
    std::string h;
    people_.x_handle(h, person);
    std::string u;
    for (const char c : h) {
      u.push_back(c == '_' ? '.' : static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
    }
    return u;
  }

  // An entry of the posts file: an original, a share (quote or repost), or outreach written on
  // someone's timeline.
  void post(JsonWriter& w, const Status& s) {
    text_maker_.make(s, kAccount, rng_, text_);
    render();
    const int64_t sec = epoch_seconds(s.t);
    w.begin_object();
    w.key("timestamp").signed_number(sec);
    const bool share = s.kind == StatusKind::repost || s.quote;
    const bool link =
        !share && s.kind == StatusKind::original && has(PieceKind::link) && rng_.per_mille(500);
    const uint64_t photos =
        !share && !link && s.kind == StatusKind::original && rng_.per_mille(350)
            ? (rng_.per_mille(800) ? 1 : static_cast<uint64_t>(rng_.range(2, 6)))
            : 0;
    const bool caption_only = photos == 1 && rng_.per_mille(150);
    if (share || link || photos > 0) {
      begin_attachments(w);
      if (share) {
        url_ = "https://www.facebook.com/";
        url_ += username(s.other.author);
        url_ += "/posts/pfbid0";
        Rng id(s.other.seq * 0x9E3779B97F4A7C15ULL + static_cast<uint64_t>(s.other.t));
        for (int i = 0; i < 40; ++i) {
          url_.push_back(kAlnum[id.below(sizeof kAlnum - 1)]);
        }
        external(w, url_);
      } else if (link) {
        external(w, first_link());
      } else {
        for (uint64_t i = 0; i < photos; ++i) {
          photo(w, s, sec, i);
        }
      }
      end_attachments(w);
    }
    if (s.kind == StatusKind::original && !s.quote && has(PieceKind::mention)) {
      w.key("tags").begin_array();
      for (const Piece& p : text_.pieces) {
        if (p.kind == PieceKind::mention) {
          w.begin_object();
          w.field("name", display(p.person));
          w.end_object();
        }
      }
      w.end_array();
    }
    if (s.kind == StatusKind::repost || caption_only) {
      meta::empty_array(w, "data", 2);  // a repost shares without a word; a photo has its caption
    } else {
      w.key("data").begin_array();
      w.begin_object();
      w.field("post", plain_);
      w.end_object();
      if (rng_.per_mille(400)) {
        w.begin_object();
        w.key("update_timestamp")
            .signed_number(sec + (rng_.per_mille(800) ? 0 : rng_.range(1, 900)));
        w.end_object();
      }
      w.end_array();
    }
    // Facebook's line about the post (English: the only titles ror reads).
    title_ = name_;
    if (s.kind == StatusKind::outreach) {
      title_ += " wrote on ";
      title_ += display(s.other.author);
      title_ += "'s timeline.";
    } else if (share) {
      title_ += " shared ";
      title_ += display(s.other.author);
      title_ += "'s post.";
    } else if (photos > 0) {
      title_ += photos == 1 ? " added a new photo." : " added new photos.";
    } else if (link) {
      title_ += " shared a link.";
    } else if (has(PieceKind::mention)) {
      size_t tagged = 0;
      for (const Piece& p : text_.pieces) {
        tagged += p.kind == PieceKind::mention ? 1 : 0;
      }
      title_ += " was with ";
      for (const Piece& p : text_.pieces) {
        if (p.kind == PieceKind::mention) {
          title_ += display(p.person);
          break;
        }
      }
      if (tagged == 2) {
        title_ += " and 1 other";
      } else if (tagged > 2) {
        title_ += " and ";
        put_u(title_, tagged - 1);
        title_ += " others";
      }
      title_ += ".";
    } else if (rng_.per_mille(700)) {
      title_ += " updated their status.";
    } else {
      title_.clear();  // (a status without a title, as newer exports write many)
    }
    if (!title_.empty()) {
      w.field("title", title_);
    }
    w.end_object();
  }

  // An entry of comments.json: the account continuing its own thread, answering someone under
  // its post, or commenting on someone else's post (outreach). `parent_author`: whom it answers.
  void comment(JsonWriter& w, const Status& s, int64_t parent_author) {
    text_maker_.make(s, parent_author, rng_, text_);
    render();
    const int64_t sec = epoch_seconds(s.t);
    w.begin_object();
    w.key("timestamp").signed_number(sec);
    if (has(PieceKind::link) && rng_.per_mille(300)) {
      begin_attachments(w);
      external(w, first_link());
      end_attachments(w);
    }
    data(w, "comment", plain_, "author", sec);
    title_ = name_;
    if (s.kind == StatusKind::self_reply) {
      title_ += " commented on their own post.";
    } else if (s.kind == StatusKind::answer) {
      title_ += " replied to ";
      title_ += display(parent_author);
      title_ += "'s comment.";
    } else {
      static constexpr std::string_view kWhat[] = {"post",  "post",  "post", "post", "photo",
                                                   "photo", "video", "link", "reel", "status"};
      title_ += " commented on ";
      title_ += display(parent_author);
      title_ += "'s ";
      title_ += kWhat[rng_.below(std::size(kWhat))];
      title_ += ".";
    }
    w.field("title", title_);
    w.end_object();
  }

  // An entry of likes_and_reactions_1.json: the account's reaction to someone's comment or post.
  void reaction(JsonWriter& w, int64_t t, int64_t person, std::string_view what) {
    static constexpr std::string_view kKinds[] = {"LIKE", "LIKE", "LIKE", "LIKE", "LIKE", "LIKE",
                                                  "LOVE", "LOVE", "CARE", "HAHA", "WOW"};
    const std::string_view kind = kKinds[rng_.below(std::size(kKinds))];
    w.begin_object();
    w.key("timestamp").signed_number(epoch_seconds(t));
    data(w, "reaction", kind, "actor", std::nullopt);
    title_ = name_;
    title_ += kind == "LIKE" ? " liked " : " reacted to ";
    title_ += display(person);
    title_ += "'s ";
    title_ += what;
    title_ += ".";
    w.field("title", title_);
    w.end_object();
  }

  Rng& rng() { return rng_; }

 private:
  std::string display(int64_t person) const {
    std::string d;
    full_name(d, person);
    return d;
  }

  // "attachments": [{"data": [...]}], opened; end_attachments closes it.
  static void begin_attachments(JsonWriter& w) {
    w.key("attachments").begin_array();
    w.begin_object();
    w.key("data").begin_array();
  }
  static void end_attachments(JsonWriter& w) {
    w.end_array();
    w.end_object();
    w.end_array();
  }

  // "data": [{KIND: {"timestamp", KIND: VALUE, WHO: the account's name}}], what a comment or a
  // reaction is (a reaction has no timestamp of its own).
  void data(JsonWriter& w, std::string_view kind, std::string_view value, std::string_view who,
            std::optional<int64_t> sec) {
    w.key("data").begin_array();
    w.begin_object();
    w.key(kind).begin_object();
    if (sec) {
      w.key("timestamp").signed_number(*sec);
    }
    w.field(kind, value);
    w.field(who, name_);
    w.end_object();
    w.end_object();
    w.end_array();
  }

  // The URL of the text's first link (the text has one).
  std::string_view first_link() const {
    for (const Piece& p : text_.pieces) {
      if (p.kind == PieceKind::link) {
        return text_.of(p);
      }
    }
    return {};
  }

  bool has(PieceKind kind) const {
    return std::any_of(text_.pieces.begin(), text_.pieces.end(),
                       [&](const Piece& p) { return p.kind == kind; });
  }

  // The text as Facebook shows it: a mention is the person's name.
  void render() {
    plain_.clear();
    render_plain(text_, plain_, [&](std::string& out, int64_t person) { full_name(out, person); });
  }

  void external(JsonWriter& w, std::string_view url) {
    w.begin_object();
    w.key("external_context").begin_object();
    w.field("url", url);
    w.end_object();
    w.end_object();
  }

  void photo(JsonWriter& w, const Status& s, int64_t sec, uint64_t i) {
    w.begin_object();
    w.key("media").begin_object();
    const uint64_t album = people_.followers(kAccount) * 7919 % 900000000 + 100000000;
    scratch_ = "your_facebook_activity/posts/media/TimelinePhotos_";
    put_u(scratch_, album);
    scratch_ += "/";
    put_u(scratch_, 100000000 + (s.seq * 8 + i) % 900000000);
    scratch_ += "_";
    put_u(scratch_, 10150000000000000ULL + (s.seed >> 12) % 10000000000000ULL + i);
    scratch_ += "_n_";
    put_u(scratch_, 1000000000000000ULL + (s.seed >> 3) % 9000000000000000ULL);
    scratch_ += ".jpg";
    w.field("uri", scratch_);
    w.key("creation_timestamp").signed_number(sec);
    w.key("media_metadata").begin_object();
    w.key("photo_metadata").begin_object();
    w.key("exif_data").begin_array();
    w.begin_object();
    scratch_ = "203.0.113.";
    put_u(scratch_, 1 + (s.seed >> 40) % 254);
    w.field("upload_ip", scratch_);
    w.key("taken_timestamp").signed_number(sec - rng_.range(60, 86400));
    w.end_object();
    w.end_array();
    w.end_object();
    w.end_object();
    w.field("title", i == 0 && rng_.per_mille(300) ? "Mobile uploads" : "Timeline photos");
    if (i == 0) {
      w.field("description", plain_);
    }
    w.end_object();
    w.end_object();
  }

  People people_;
  const Audience& audience_;
  TextMaker text_maker_;
  Rng rng_{0};
  Text text_;
  std::string plain_, title_, name_, username_, url_, scratch_;
};

std::string profile_json(const FacebookExport& fb, const Brand& brand, int64_t joined) {
  std::string s;
  JsonWriter w(s, meta::kStyle);
  w.begin_object();
  w.key("profile_v2").begin_object();
  w.key("name").begin_object();
  w.field("full_name", fb.name());
  const std::string& name = fb.name();
  const size_t space = name.find(' ');
  w.field("first_name", name.substr(0, space));
  w.field("middle_name", "");
  w.field("last_name", space == std::string::npos ? "" : name.substr(space + 1));
  w.end_object();
  w.key("emails").begin_object();
  w.key("emails").begin_array();
  std::string v = "social@";
  v += brand.domain;
  w.string(v);
  w.end_array();
  meta::empty_array(w, "previous_emails", 3);
  meta::empty_array(w, "pending_emails", 3);
  meta::empty_array(w, "ad_account_emails", 3);
  w.end_object();
  w.key("registration_timestamp").signed_number(epoch_seconds(joined));
  w.field("gender", "");  // (a brand's profile)
  w.field("username", fb.account_username());
  v = "https://www.facebook.com/";
  v += fb.account_username();
  w.field("profile_uri", v);
  w.end_object();
  w.end_object();
  s += "\n";
  return s;
}

// followers.json: `n` of the audience, each with the time it followed; returns its bytes.
uint64_t followers_json(const std::string& path, const FacebookExport& fb, uint64_t n,
                        int64_t until) {
  meta::List list(path, "followers_v2");
  std::string name;
  for (uint64_t i = 0; i < n; ++i) {
    JsonWriter& w = list.next();
    w.begin_object();
    name.clear();
    fb.full_name(name, static_cast<int64_t>(i));
    w.field("name", name);
    w.key("timestamp").signed_number(meta::followed_at(until, i));
    w.end_object();
    list.flush();
  }
  return list.close();
}

}  // namespace

int generate_facebook(const Options& opt) {
  StatusStream stream(stream_params(opt, kUnitBytes, Order::oldest_first));
  FacebookExport fb(stream);
  const People& people = fb.people();
  const std::string activity = opt.out + "/your_facebook_activity";

  uint64_t bytes =
      meta::write(opt.out + "/personal_information/profile_information/profile_information.json",
                  profile_json(fb, stream.brand(), people.joined(kAccount)));
  const uint64_t followers = listed_followers(stream, opt);
  bytes += followers_json(opt.out + "/connections/followers/followers.json", fb, followers,
                          kYearStartMs + kYearMs);

  meta::List posts(activity + "/posts/your_posts__check_ins__photos_and_videos_1.json", "");
  meta::List comments(activity + "/comments_and_reactions/comments.json", "comments_v2");
  meta::List reactions(activity + "/comments_and_reactions/likes_and_reactions_1.json", "");
  Counts n;
  Tally tally;
  const auto written = [&] { return bytes + posts.bytes() + comments.bytes() + reactions.bytes(); };
  while (tally.items() == tally.reposts() || written() < opt.size) {
    const std::vector<Status>& unit = stream.next();
    for (const Status& st : unit) {
      const int64_t parent_author =
          st.parent >= 0 ? unit[static_cast<size_t>(st.parent)].author : st.other.author;
      switch (st.kind) {
        case StatusKind::audience:
          // The account reacts to some of the replies it gets.
          if (parent_author < 0 && fb.rng().per_mille(250)) {
            fb.reaction(reactions.next(), st.t + fb.rng().log_uniform(30000, 12), st.author,
                        "comment");
          }
          continue;
        case StatusKind::outreach:
          if (fb.rng().per_mille(125)) {
            fb.post(posts.next(), st);
            ++n.timeline_posts;
            break;
          }
          [[fallthrough]];
        case StatusKind::self_reply:
        case StatusKind::answer:
          fb.comment(comments.next(), st, parent_author);
          n.own_comments += st.kind == StatusKind::self_reply ? 1 : 0;
          if (st.kind == StatusKind::outreach && fb.rng().per_mille(500)) {
            fb.reaction(reactions.next(), st.t - fb.rng().range(5000, 600000), st.other.author,
                        "post");
          }
          break;
        case StatusKind::original:
        case StatusKind::repost:
          fb.post(posts.next(), st);
          break;
      }
      tally.add(st);
      tally.quotes += st.quote ? 1 : 0;
    }
    posts.flush();
    comments.flush();
    reactions.flush();
  }
  n.posts = posts.count();
  n.comments = comments.count();
  n.reactions = reactions.count();
  bytes += posts.close() + comments.close() + reactions.close();

  std::string account = "{\"username\": \"" + fb.name() + "\", \"alias\": \"" +
                        fb.account_username() + "\", \"followers\": " + std::to_string(followers) +
                        "}";
  std::string extra;
  const auto line = [&](std::string_view key, uint64_t v) { expected_line(extra, key, v); };
  line("followers", followers);
  line("posts", n.posts);
  line("comments", n.comments);
  line("own_comments", n.own_comments);
  line("timeline_posts", n.timeline_posts);
  line("reactions", n.reactions);
  write_expected(opt.out + ".expected.json", "facebook", opt, bytes, 5, account, tally, extra);
  std::fprintf(
      stderr,
      "ror_gen: %llu posts, %llu comments (%llu on its own posts), %llu reactions, %llu "
      "followers\n",
      static_cast<unsigned long long>(n.posts), static_cast<unsigned long long>(n.comments),
      static_cast<unsigned long long>(n.own_comments), static_cast<unsigned long long>(n.reactions),
      static_cast<unsigned long long>(followers));
  return 0;
}

}  // namespace gen
