// --format instagram: the folder of an Instagram "Download your information" export in its JSON
// form, as far as ror reads it (meta_export.hpp for what the files share with Facebook's:
// mojibake, seconds, Meta's pretty printing):
//   your_instagram_activity/content/posts_1.json                      the posts, newest first
//   your_instagram_activity/comments/post_comments_1.json             the account's comments
//   your_instagram_activity/likes/liked_posts.json                    likes_media_likes
//   personal_information/personal_information/personal_information.json  profile_user
//   connections/followers_and_following/followers_1.json              one entry per follower
// The export is the account's own: its originals are posts (one photo or video with its caption,
// or a carousel with the caption on the post); the continuation of its threads and its answers
// are comments on its own posts (Media Owner: the account), its outreach comments on other
// people's posts; what it reposts elsewhere it likes here. Other people's comments are not in it.
#include <cstdio>
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

constexpr uint64_t kUnitBytes = 2100;  // bytes per conversation, all files, measured

constexpr char kShortcode[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

struct Counts {
  uint64_t posts = 0, media = 0, comments = 0, likes = 0;
};

class InstagramExport {
 public:
  explicit InstagramExport(const StatusStream& stream)
      : people_(stream.brand(), stream.audience(), stream.account_key(), stream.followers()),
        text_maker_(stream.brand(), stream.audience()) {}

  const People& people() const { return people_; }
  Rng& rng() { return rng_; }

  // Instagram's username of a person: the handle in lower case.
  void username(std::string& s, int64_t person) const {
    const size_t at = s.size();
    people_.x_handle(s, person);
    for (size_t i = at; i < s.size(); ++i) {
      if (s[i] >= 'A' && s[i] <= 'Z') {
        s[i] = static_cast<char>(s[i] + 32);
      }
    }
  }

  // An entry of posts_1.json: one media with the caption on it, or a carousel. Returns the
  // number of media.
  uint64_t post(JsonWriter& w, const Status& s) {
    text_maker_.make(s, kAccount, rng_, text_);
    render();
    const int64_t sec = epoch_seconds(s.t);
    const uint64_t media = rng_.per_mille(120) ? static_cast<uint64_t>(rng_.range(2, 10)) : 1;
    const bool cross_post = rng_.per_mille(300);
    w.begin_object();
    w.key("media").begin_array();
    for (uint64_t i = 0; i < media; ++i) {
      const bool video = rng_.per_mille(media == 1 ? 250 : 100);
      w.begin_object();
      uri_.assign("media/posts/");
      int64_t y;
      unsigned m, d;
      civil_from_days(floor_div(s.t, 86400000), y, m, d);
      put_u(uri_, static_cast<uint64_t>(y));
      put_digits(uri_, m, 2);
      uri_ += "/";
      put_u(uri_, 100000000 + (s.seed >> 8) % 900000000);
      uri_ += "_";
      put_u(uri_, 1000000000000000ULL + (s.seed >> 3) % 9000000000000000ULL + i);
      uri_ += "_";
      put_u(uri_, 1000000000 + (s.seed >> 30) % 9000000000ULL);
      uri_ += "_n_";
      put_u(uri_, 17840000000000000ULL + s.seq * 16 + i);  // unique: the post's id
      uri_ += video ? ".mp4" : ".jpg";
      w.field("uri", uri_);
      w.key("creation_timestamp").signed_number(sec - static_cast<int64_t>(i == 0 ? 0 : i * 3));
      if (rng_.per_mille(350)) {
        metadata(w, video, sec);
      }
      w.field("title", media == 1 ? std::string_view(plain_) : std::string_view());
      if (cross_post) {
        w.key("cross_post_source").begin_object();
        w.field("source_app", "FB");
        w.end_object();
      }
      w.end_object();
    }
    w.end_array();
    if (media > 1) {
      w.field("title", plain_);
      w.key("creation_timestamp").signed_number(sec);
    }
    w.end_object();
    return media;
  }

  // An entry of post_comments_1.json: the account's comment on a post of `owner`'s.
  void comment(JsonWriter& w, const Status& s, int64_t parent_author, int64_t owner) {
    text_maker_.make(s, parent_author, rng_, text_);
    render();
    w.begin_object();
    w.key("media_list_data").begin_array();
    w.begin_object();
    w.field("uri", "");
    w.end_object();
    w.end_array();
    w.key("string_map_data").begin_object();
    w.key("Comment").begin_object();
    w.field("value", plain_);
    w.end_object();
    w.key("Media Owner").begin_object();
    uri_.clear();
    username(uri_, owner);
    w.field("value", uri_);
    w.end_object();
    w.key("Time").begin_object();
    w.key("timestamp").signed_number(epoch_seconds(s.t));
    w.end_object();
    w.end_object();
    w.end_object();
  }

  // An entry of liked_posts.json: the account liked a post of `owner`'s, identified by `key`.
  void like(JsonWriter& w, int64_t t, int64_t owner, uint64_t key) {
    w.begin_object();
    uri_.clear();
    username(uri_, owner);
    w.field("title", uri_);
    w.key("string_list_data").begin_array();
    w.begin_object();
    uri_ = "https://www.instagram.com/p/";
    Rng code(key);
    for (int i = 0; i < 11; ++i) {
      uri_.push_back(kShortcode[code.below(sizeof kShortcode - 1)]);
    }
    uri_ += "/";
    w.field("href", uri_);
    w.field("value", "\xF0\x9F\x91\x8D");  // U+1F44D, as the export writes it
    w.key("timestamp").signed_number(epoch_seconds(t));
    w.end_object();
    w.end_array();
    w.end_object();
  }

 private:
  // The caption or comment as Instagram shows it: mentions are @usernames.
  void render() {
    plain_.clear();
    render_plain(text_, plain_, [&](std::string& out, int64_t person) {
      out.push_back('@');
      username(out, person);
    });
  }

  void metadata(JsonWriter& w, bool video, int64_t sec) {
    w.key("media_metadata").begin_object();
    w.key(video ? "video_metadata" : "photo_metadata").begin_object();
    w.key("exif_data").begin_array();
    w.begin_object();
    if (!video && rng_.per_mille(500)) {  // a place, in millionths of a degree
      const auto coordinate = [&](std::string_view key, int64_t lo, int64_t hi) {
        const int64_t v = rng_.range(lo, hi);
        scratch_.clear();
        if (v < 0) {
          scratch_.push_back('-');
        }
        const auto a = static_cast<uint64_t>(v < 0 ? -v : v);
        put_u(scratch_, a / 1000000);
        scratch_.push_back('.');
        put_digits(scratch_, static_cast<unsigned>(a % 1000000), 6);
        w.key(key).raw(scratch_);
      };
      coordinate("latitude", -40000000, 60000000);
      coordinate("longitude", -120000000, 140000000);
    } else {
      w.field("scene_capture_type", "standard");
      w.field("software", rng_.per_mille(500) ? "Instagram" : "Android");
      w.field("device_id", rng_.per_mille(500) ? "android-8f3e2a91c04d7b65" : "");
      w.field("source_type", video ? "camera" : "library");
      w.key("date_time_original");
      scratch_b_.clear();
      put_ts(scratch_b_, (sec - rng_.range(60, 86400)) * 1000, kZ, 0);
      // EXIF's "2025:03:01 10:00:00" from RFC 3339's "2025-03-01T10:00:00Z" (quoted)
      std::string exif = scratch_b_.substr(1, 19);
      exif[4] = exif[7] = ':';
      exif[10] = ' ';
      w.string(exif);
    }
    w.end_object();
    w.end_array();
    w.end_object();
    w.end_object();
  }

  People people_;
  TextMaker text_maker_;
  Rng rng_{0};
  Text text_;
  std::string plain_, uri_, scratch_, scratch_b_;
};

std::string personal_information(const InstagramExport& ig, const Brand& brand, int64_t joined) {
  std::string s, v;
  JsonWriter w(s, meta::kStyle);
  const auto entry = [&](std::string_view key, std::string_view value) {
    w.key(key).begin_object();
    w.field("href", "");
    w.field("value", value);
    w.key("timestamp").number(0);
    w.end_object();
  };
  w.begin_object();
  w.key("profile_user").begin_array();
  w.begin_object();
  w.field("title", "");
  w.key("media_map_data").begin_object();
  w.key("Profile Photo").begin_object();
  w.field("uri", "media/profile/202401/17912345678901234.jpg");
  w.key("creation_timestamp").signed_number(epoch_seconds(joined));
  w.field("title", "");
  w.end_object();
  w.end_object();
  w.key("string_map_data").begin_object();
  v = "social@";
  v += brand.domain;
  entry("Email", v);
  entry("Phone Confirmed", "False");
  v.clear();
  ig.username(v, kAccount);
  entry("Username", v);
  v.clear();
  ig.people().display_name(v, kAccount);
  entry("Name", v);
  entry("Bio", "Coffee, pastries & good company \xE2\x98\x95 Questions? DM us.");
  entry("Gender", "");
  entry("Private Account", "False");
  v = "https://";
  v += brand.domain;
  entry("Website", v);
  w.end_object();
  w.end_object();
  w.end_array();
  w.end_object();
  s += "\n";
  return s;
}

// followers_1.json: `n` of the audience, each with the time it followed; returns its bytes.
uint64_t followers_json(const std::string& path, const InstagramExport& ig, uint64_t n,
                        int64_t until) {
  meta::List list(path, "");
  std::string name;
  for (uint64_t i = 0; i < n; ++i) {
    JsonWriter& w = list.next();
    w.begin_object();
    w.field("title", "");
    meta::empty_array(w, "media_list_data", 2);
    w.key("string_list_data").begin_array();
    w.begin_object();
    name.clear();
    ig.username(name, static_cast<int64_t>(i));
    w.field("href", "https://www.instagram.com/" + name);
    w.field("value", name);
    w.key("timestamp").signed_number(meta::followed_at(until, i));
    w.end_object();
    w.end_array();
    w.end_object();
    list.flush();
  }
  return list.close();
}

}  // namespace

int generate_instagram(const Options& opt) {
  StatusStream stream(stream_params(opt, kUnitBytes, Order::newest_first));
  InstagramExport ig(stream);
  const People& people = ig.people();
  const std::string activity = opt.out + "/your_instagram_activity";

  uint64_t bytes =
      meta::write(opt.out + "/personal_information/personal_information/personal_information.json",
                  personal_information(ig, stream.brand(), people.joined(kAccount)));
  const uint64_t followers = listed_followers(stream, opt);
  bytes += followers_json(opt.out + "/connections/followers_and_following/followers_1.json", ig,
                          followers, kYearStartMs + kYearMs);

  meta::List posts(activity + "/content/posts_1.json", "");
  meta::List comments(activity + "/comments/post_comments_1.json", "");
  meta::List likes(activity + "/likes/liked_posts.json", "likes_media_likes");
  Counts n;
  Tally tally;
  const auto written = [&] { return bytes + posts.bytes() + comments.bytes() + likes.bytes(); };
  while (tally.items() == tally.reposts() || written() < opt.size) {
    const std::vector<Status>& unit = stream.next();
    for (const Status& st : unit) {
      switch (st.kind) {
        case StatusKind::audience:
          continue;  // other people's comments are not in the export
        case StatusKind::repost:
          ig.like(likes.next(), st.t, st.other.author,
                  st.other.seq * 0x9E3779B97F4A7C15ULL ^ st.seed);
          continue;  // (Instagram has no reposts here: the account liked the post)
        case StatusKind::original:
          n.media += ig.post(posts.next(), st);
          break;
        case StatusKind::outreach:
          ig.comment(comments.next(), st, st.other.author, st.other.author);
          if (ig.rng().per_mille(600)) {
            const int64_t t = st.t - ig.rng().range(5000, 600000);
            ig.like(likes.next(), t, st.other.author, st.other.seq ^ st.seed);
          }
          break;
        case StatusKind::self_reply:
        case StatusKind::answer:  // under the account's own post
          ig.comment(comments.next(), st, unit[static_cast<size_t>(st.parent)].author, kAccount);
          break;
      }
      tally.add(st);
      tally.quotes += st.quote ? 1 : 0;
    }
    posts.flush();
    comments.flush();
    likes.flush();
  }
  n.posts = posts.count();
  n.comments = comments.count();
  n.likes = likes.count();
  bytes += posts.close() + comments.close() + likes.close();

  std::string account = "{\"username\": \"";
  ig.username(account, kAccount);
  account += "\", \"followers\": " + std::to_string(followers) + "}";
  std::string extra;
  const auto line = [&](std::string_view key, uint64_t v) { expected_line(extra, key, v); };
  line("followers", followers);
  line("posts", n.posts);
  line("media", n.media);
  line("comments", n.comments);
  line("likes", n.likes);
  write_expected(opt.out + ".expected.json", "instagram", opt, bytes, 5, account, tally, extra);
  std::fprintf(
      stderr, "ror_gen: %llu posts (%llu media), %llu comments, %llu likes, %llu followers\n",
      static_cast<unsigned long long>(n.posts), static_cast<unsigned long long>(n.media),
      static_cast<unsigned long long>(n.comments), static_cast<unsigned long long>(n.likes),
      static_cast<unsigned long long>(followers));
  return 0;
}

}  // namespace gen
