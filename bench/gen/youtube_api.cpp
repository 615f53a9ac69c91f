// --format youtube-api: a folder of YouTube Data API v3 responses as a crawler of a channel saves
// them, pretty-printed as the API sends them: videos-N.json (videos.list of the channel's
// uploads, 50 a page, newest first: snippet, contentDetails, statistics with every count a
// string) and commentThreads-VIDEO-N.json (commentThreads.list?videoId=VIDEO&part=snippet,replies
// &order=time, 100 threads a page, newest first, nextPageToken on all but the last).
//
// The channel is the account. A conversation's original is a video; the statuses answering it
// are its top-level comments (the channel's own continuation of its thread among them), and
// every status under a top-level comment is a reply in that comment's thread, as YouTube's
// replies are one level deep. A thread's response carries at most five of its replies (the API
// leaves the rest to comments.list, which a crawler of threads does not call), so the replies
// beyond the fifth are counted in totalReplyCount and not written. Outreach (the channel
// commenting elsewhere) and reposts have no place in the channel's responses and are not written.
#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "gen/formats.hpp"
#include "gen/json_writer.hpp"
#include "gen/output.hpp"
#include "gen/people.hpp"
#include "gen/status_text.hpp"
#include "gen/statuses.hpp"

namespace gen {

namespace {

constexpr uint64_t kUnitBytes = 20000;   // bytes per conversation (video and threads), measured
constexpr size_t kVideosPerPage = 50;    // videos.list takes 50 ids at most
constexpr size_t kThreadsPerPage = 100;  // commentThreads.list's maxResults at most
constexpr size_t kRepliesShown = 5;      // the replies a thread's response carries at most

// Google's pretty-printed JSON: two spaces, "key": value, UTF-8 as is.
constexpr JsonStyle kGoogleStyle{true, ": ", ",", Escape::utf8};

// What YouTube escapes in textDisplay: '&' '<' '>' quotes, and line breaks as <br>.
constexpr HtmlEscapes kYoutubeEscapes{"&quot;", "&#39;", {}, "<br>"};

constexpr char kB64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

// `n` base64url characters of the bits of v (then of its mix, past 60 bits).
void put_b64(std::string& s, uint64_t v, int n) {
  uint64_t bits = v;
  int left = 64;
  for (int i = 0; i < n; ++i) {
    if (left < 6) {
      bits = splitmix64(v);
      left = 64;
    }
    s.push_back(kB64[bits & 63]);
    bits >>= 6;
    left -= 6;
  }
}

// A unique 64-bit value of a unique key, scrambled (splitmix64 is a bijection of its state).
uint64_t scramble(uint64_t key, uint64_t salt) {
  uint64_t state = key ^ salt;
  return splitmix64(state);
}

class YoutubeApi {
 public:
  explicit YoutubeApi(const StatusStream& stream)
      : people_(stream.brand(), stream.audience(), stream.account_key(), stream.followers()),
        brand_(stream.brand()),
        text_maker_(stream.brand(), stream.audience()) {
    channel_id(channel_, kAccount);
  }

  const std::string& channel() const { return channel_; }

  // An 11-character video id: 64 bits, the last character holding 4 of them as YouTube's do.
  void video_id(std::string& s, const Status& v) const {
    static constexpr char kLast[] = "AEIMQUYcgkosw048";
    const uint64_t x = scramble(v.seq, 0x79742d766964ULL);
    put_b64(s, x, 10);
    s.push_back(kLast[x >> 60]);
  }

  // UC and 22 characters, of the person's unique X id.
  void channel_id(std::string& s, int64_t person) const {
    static constexpr char kLast[] = "AQgw";
    const uint64_t x = scramble(people_.x_id(person), 0x79742d6368616eULL);
    s += "UC";
    put_b64(s, x, 10);
    put_b64(s, scramble(x, 1), 11);
    s.push_back(kLast[x >> 62]);
  }

  // A page of videos: the items, then pageInfo.
  void begin_videos(std::string& s, uint64_t page) {
    s += "{\n  \"kind\": \"youtube#videoListResponse\",\n  \"etag\": \"";
    put_b64(s, scramble(page, 0x65746167ULL), 27);
    s += "\",\n  \"items\": [";
  }
  void end_videos(std::string& s, size_t n) {
    s += "\n  ],\n  \"pageInfo\": {\n    \"totalResults\": " + std::to_string(n) +
         ",\n    \"resultsPerPage\": " + std::to_string(n) + "\n  }\n}\n";
  }

  // A video (the conversation's original), as an item of a page; `comments` the comments
  // YouTube counts under it.
  void video(std::string& s, bool first, const Status& v, uint64_t comments) {
    Rng rng(v.seed ^ 0x79742d766964656fULL);
    id_.clear();
    video_id(id_, v);
    title_.clear();
    Words(rng, brand_, plain_lexicon()).phrase(title_, static_cast<uint64_t>(rng.range(3, 10)));
    if (!title_.empty() && title_[0] >= 'a' && title_[0] <= 'z') {
      title_[0] = static_cast<char>(title_[0] - 'a' + 'A');
    }
    description(v, rng);

    s += first ? "\n" : ",\n";
    s.append(4, ' ');
    JsonWriter w(s, kGoogleStyle, 2);
    w.begin_object();
    w.field("kind", "youtube#video");
    etag(w, v.seq);
    w.field("id", id_);
    w.key("snippet").begin_object();
    iso(w, "publishedAt", v.t);
    w.field("channelId", channel_);
    w.field("title", title_);
    w.field("description", plain_);
    w.key("thumbnails").begin_object();
    static constexpr struct {
      std::string_view name, file;
      int width, height;
    } kThumbs[] = {{"default", "default", 120, 90},
                   {"medium", "mqdefault", 320, 180},
                   {"high", "hqdefault", 480, 360},
                   {"standard", "sddefault", 640, 480},
                   {"maxres", "maxresdefault", 1280, 720}};
    for (const auto& t : kThumbs) {
      w.key(t.name).begin_object();
      w.field("url", "https://i.ytimg.com/vi/" + id_ + "/" + std::string(t.file) + ".jpg");
      w.field_number("width", static_cast<uint64_t>(t.width));
      w.field_number("height", static_cast<uint64_t>(t.height));
      w.end_object();
    }
    w.end_object();
    w.field("channelTitle", brand_.alias2);
    w.key("tags").begin_array();
    for (const std::string_view tag : tags_) {
      w.string(tag);
    }
    w.string(brand_.alias2);
    w.end_array();
    w.field("categoryId", rng.per_mille(700) ? "22" : "26");
    w.field("liveBroadcastContent", "none");
    w.field("defaultLanguage", "en");
    w.key("localized").begin_object();
    w.field("title", title_);
    w.field("description", plain_);
    w.end_object();
    w.field("defaultAudioLanguage", "en");
    w.end_object();
    w.key("contentDetails").begin_object();
    const int64_t secs = rng.per_mille(300) ? rng.range(15, 59) : rng.range(60, 1800);
    std::string duration = "PT";
    if (secs >= 60) {
      duration += std::to_string(secs / 60) + "M";
    }
    if (secs % 60 != 0) {
      duration += std::to_string(secs % 60) + "S";
    }
    w.field("duration", duration);
    w.field("dimension", "2d");
    w.field("definition", "hd");
    w.field("caption", rng.per_mille(200) ? "true" : "false");
    w.key("licensedContent").boolean(true);
    w.key("contentRating").raw("{}");
    w.field("projection", "rectangular");
    w.end_object();
    w.key("statistics").begin_object();
    w.key("viewCount").quoted_number(v.impressions);
    w.key("likeCount").quoted_number(v.likes);
    w.key("favoriteCount").quoted_number(0);
    w.key("commentCount").quoted_number(comments);
    w.end_object();
    w.end_object();
  }

  // The top-level comments of a video, their indices in `unit` newest first, and each one's
  // replies oldest first (`replies[k]` of top[k]).
  void threads(const std::vector<Status>& unit, std::vector<size_t>& top,
               std::vector<std::vector<size_t>>& replies) {
    const size_t n = unit.size();
    const size_t video = n - 1;  // newest first: the original is the oldest
    root_.assign(n, 0);
    slot_.assign(n, 0);
    top.clear();
    for (size_t i = n - 1; i-- > 0;) {  // oldest first: a parent comes before its replies
      const auto parent = static_cast<size_t>(unit[i].parent);
      root_[i] = parent == video ? i : root_[parent];
    }
    for (size_t i = 0; i < video; ++i) {
      if (root_[i] == i) {
        slot_[i] = top.size();
        top.push_back(i);
      }
    }
    if (replies.size() < top.size()) {
      replies.resize(top.size());
    }
    for (size_t k = 0; k < top.size(); ++k) {
      replies[k].clear();
    }
    for (size_t i = video; i-- > 0;) {
      if (root_[i] != i) {
        replies[slot_[root_[i]]].push_back(i);
      }
    }
  }

  void begin_threads(std::string& s, const Status& v, uint64_t page, bool more, size_t n) {
    s += "{\n  \"kind\": \"youtube#commentThreadListResponse\",\n  \"etag\": \"";
    put_b64(s, scramble(v.seq * 131 + page, 0x74687265616473ULL), 27);
    s += "\",\n";
    if (more) {
      s += "  \"nextPageToken\": \"";
      put_b64(s, scramble(v.seq * 131 + page, 0x746f6b656eULL), 110);
      s += "==\",\n";
    }
    s += "  \"pageInfo\": {\n    \"totalResults\": " + std::to_string(n) +
         ",\n    \"resultsPerPage\": " + std::to_string(kThreadsPerPage) + "\n  },\n";
    s += "  \"items\": [";
  }
  void end_threads(std::string& s) { s += "\n  ]\n}\n"; }

  // A thread: the top-level comment unit[t] and its first replies; `video` is the original.
  void thread(std::string& s, bool first, const std::vector<Status>& unit, size_t t,
              const std::vector<size_t>& replies) {
    const Status& video = unit.back();
    vid_.clear();
    video_id(vid_, video);
    top_id_.clear();
    comment_id(top_id_, unit[t]);
    s += first ? "\n" : ",\n";
    s.append(4, ' ');
    JsonWriter w(s, kGoogleStyle, 2);
    w.begin_object();
    w.field("kind", "youtube#commentThread");
    etag(w, unit[t].seq ^ 0x7468ULL);
    w.field("id", top_id_);
    w.key("snippet").begin_object();
    w.field("channelId", channel_);
    w.field("videoId", vid_);
    w.key("topLevelComment");
    comment(w, unit[t], unit, top_id_, {});
    w.key("canReply").boolean(true);
    w.field_number("totalReplyCount", replies.size());
    w.key("isPublic").boolean(true);
    w.end_object();
    if (!replies.empty()) {
      w.key("replies").begin_object();
      w.key("comments").begin_array();
      for (size_t k = 0; k < replies.size() && k < kRepliesShown; ++k) {
        reply_id_ = top_id_;
        reply_id_ += '.';
        const uint64_t x = scramble(unit[replies[k]].seq, 0x7265706c79ULL);
        reply_id_ += x % 2 == 0 ? '9' : 'A';
        put_b64(reply_id_, x, 10);
        reply_id_ += x % 3 == 0 ? 'A' : 'B';
        put_b64(reply_id_, scramble(x, 2), 10);
        comment(w, unit[replies[k]], unit, reply_id_, top_id_);
      }
      w.end_array();
      w.end_object();
    }
    w.end_object();
  }

 private:
  void etag(JsonWriter& w, uint64_t key) {
    scratch_.clear();
    put_b64(scratch_, scramble(key, 0x65746167ULL), 27);
    w.field("etag", scratch_);
  }

  void iso(JsonWriter& w, std::string_view k, int64_t t) {
    scratch_.clear();
    iso_time(scratch_, t, false);
    w.field(k, scratch_);
  }

  // "Ugx", 16 characters of a unique value, "4AaABAg".
  void comment_id(std::string& s, const Status& c) const {
    const uint64_t x = scramble(c.seq, 0x636f6d6d656e74ULL);
    s += "Ug";
    s.push_back("wxyz"[x >> 62]);
    put_b64(s, x, 10);
    put_b64(s, scramble(x, 3), 6);
    s += "4AaABAg";
  }

  // The description: the status's text, then more paragraphs from statuses of its own seeds,
  // and links; its hashtags (the channel's) become the video's tags too.
  void description(const Status& v, Rng& rng) {
    plain_.clear();
    tags_.clear();
    Rng text_rng(0);
    const auto paragraphs = static_cast<int>(rng.range(1, 4));
    for (int k = 0; k < paragraphs; ++k) {
      Status more = v;
      if (k > 0) {
        more.kind = StatusKind::self_reply;
        more.seed = v.seed ^ (0xD1B54A32D192ED03ULL * static_cast<uint64_t>(k));
      }
      text_maker_.make(more, kAccount, text_rng, text_);
      plain_ += k > 0 ? "\n\n" : "";
      text_plain(plain_, text_);
      for (const Piece& p : text_.pieces) {
        if (p.kind == PieceKind::hashtag) {
          tag_words_.assign(text_.of(p));
          if (std::find(tags_.begin(), tags_.end(), tag_words_) == tags_.end()) {
            tags_.push_back(tag_words_);
          }
        }
      }
    }
    if (rng.per_mille(600)) {
      plain_ += "\n\n🔗 https://";
      plain_ += brand_.domain;
      plain_ += "\n📸 https://instagram.example/";
      plain_ += brand_.handle;
    }
    if (rng.per_mille(400)) {
      plain_ += "\n\n0:00 Intro";
      int64_t at = 0;
      Words words(rng, brand_, plain_lexicon());
      for (int i = 0, n = static_cast<int>(rng.range(2, 6)); i < n; ++i) {
        at += rng.range(20, 240);
        plain_.push_back('\n');
        put_u(plain_, static_cast<uint64_t>(at / 60));
        plain_ += at % 60 < 10 ? ":0" : ":";
        put_u(plain_, static_cast<uint64_t>(at % 60));
        plain_.push_back(' ');
        words.words(plain_, static_cast<uint64_t>(rng.range(1, 4)));
      }
    }
  }

  // A text as typed: mentions as @handle.
  void text_plain(std::string& s, const Text& text) const {
    render_plain(text, s, [&](std::string& out, int64_t person) {
      out.push_back('@');
      people_.x_handle(out, person);
    });
  }

  // textDisplay: the text as YouTube shows it, links and hashtags as anchors.
  void text_html(std::string& s, const Text& text) const {
    static constexpr char kHex[] = "0123456789ABCDEF";
    for (const Piece& p : text.pieces) {
      switch (p.kind) {
        case PieceKind::words:
          escape_html(s, text.of(p), kYoutubeEscapes);
          break;
        case PieceKind::hashtag:
          s += "<a href=\"http://www.youtube.com/results?search_query=%23";
          for (const char c : text.of(p)) {
            const auto u = static_cast<unsigned char>(c);
            if (u < 0x80) {
              s.push_back(c);
            } else {
              s.push_back('%');
              s.push_back(kHex[u >> 4]);
              s.push_back(kHex[u & 15]);
            }
          }
          s += "\">#";
          escape_html(s, text.of(p), kYoutubeEscapes);
          s += "</a>";
          break;
        case PieceKind::mention:
          s += "<a href=\"http://www.youtube.com/channel/";
          channel_id(s, p.person);
          s += "\">@";
          people_.x_handle(s, p.person);
          s += "</a>";
          break;
        case PieceKind::link:
          anchor_html(s, text.of(p), kYoutubeEscapes);
          break;
      }
    }
  }

  void comment(JsonWriter& w, const Status& c, const std::vector<Status>& unit,
               const std::string& id, std::string_view parent_id) {
    const int64_t parent_author = unit[static_cast<size_t>(c.parent)].author;
    text_maker_.make(c, parent_author, rng_, text_);
    w.begin_object();
    w.field("kind", "youtube#comment");
    etag(w, c.seq ^ 0x636dULL);
    w.field("id", id);
    w.key("snippet").begin_object();
    w.field("channelId", channel_);
    w.field("videoId", vid_);
    html_.clear();
    text_html(html_, text_);
    w.field("textDisplay", html_);
    plain_.clear();
    text_plain(plain_, text_);
    w.field("textOriginal", plain_);
    if (!parent_id.empty()) {
      w.field("parentId", parent_id);
    }
    const int64_t who = c.author;
    scratch_ = "@";
    people_.x_handle(scratch_, who);
    w.field("authorDisplayName", scratch_);
    scratch_ = "https://yt3.ggpht.com/ytc/";
    put_b64(scratch_, scramble(people_.x_id(who), 0x61766174ULL), 40);
    scratch_ += "=s48-c-k-c0x00ffffff-no-rj";
    w.field("authorProfileImageUrl", scratch_);
    scratch_ = "http://www.youtube.com/@";
    people_.x_handle(scratch_, who);
    w.field("authorChannelUrl", scratch_);
    w.key("authorChannelId").begin_object();
    scratch_.clear();
    channel_id(scratch_, who);
    w.field("value", scratch_);
    w.end_object();
    w.key("canRate").boolean(true);
    w.field("viewerRating", "none");
    w.field_number("likeCount", c.likes);
    iso(w, "publishedAt", c.t);
    iso(w, "updatedAt", rng_.per_mille(30) ? c.t + rng_.range(60000, 3600000) : c.t);
    w.end_object();
    w.end_object();
  }

  People people_;
  const Brand& brand_;
  TextMaker text_maker_;
  Rng rng_{0};
  Text text_;
  std::string channel_;
  std::string id_, vid_, top_id_, reply_id_, title_, plain_, html_, tag_words_, scratch_;
  std::vector<std::string> tags_;
  std::vector<size_t> root_, slot_;
};

}  // namespace

int generate_youtube_api(const Options& opt) {
  StatusStream stream(stream_params(opt, kUnitBytes, Order::newest_first));
  YoutubeApi api(stream);
  make_dirs(opt.out);

  Tally tally;
  uint64_t bytes = 0, video_pages = 0, thread_files = 0, in_page = 0;
  uint64_t videos = 0, comments = 0, absent = 0;
  Sink page, threads;
  std::vector<size_t> top;
  std::vector<std::vector<size_t>> replies;
  std::string vid;
  const auto close_page = [&] {
    api.end_videos(page.buf(), in_page);
    bytes += page.bytes();
    page.close();
    in_page = 0;
  };
  while (videos == 0 || bytes + page.bytes() < opt.size) {
    const std::vector<Status>& unit = stream.next();
    const Status& v = unit.back();
    if (v.kind != StatusKind::original) {
      continue;  // outreach and reposts: not in the channel's responses
    }
    api.threads(unit, top, replies);
    uint64_t counted = 0;  // the comments YouTube counts: every one, shown or not
    bool audience = false;
    for (size_t k = 0; k < top.size(); ++k) {
      const size_t shown = std::min(replies[k].size(), kRepliesShown);
      counted += 1 + replies[k].size();
      comments += 1 + shown;
      absent += replies[k].size() - shown;
      for (size_t r = 0; r <= shown; ++r) {
        const Status& c = unit[r == 0 ? top[k] : replies[k][r - 1]];
        tally.add(c);
        audience = audience || c.kind == StatusKind::audience;
      }
    }
    tally.add(v);
    tally.quotes += v.quote ? 1 : 0;
    tally.edited += v.edited ? 1 : 0;
    tally.conversations += audience ? 1 : 0;

    if (in_page == 0) {
      page.open(opt.out + "/videos-" + std::to_string(++video_pages) + ".json");
      api.begin_videos(page.buf(), video_pages);
    }
    api.video(page.buf(), in_page == 0, v, counted);
    ++videos;
    if (++in_page == kVideosPerPage) {
      close_page();
    }

    vid.clear();
    api.video_id(vid, v);
    for (size_t from = 0, n = 1; from < top.size(); from += kThreadsPerPage, ++n) {
      const size_t to = std::min(top.size(), from + kThreadsPerPage);
      threads.open(opt.out + "/commentThreads-" + vid + "-" + std::to_string(n) + ".json");
      api.begin_threads(threads.buf(), v, n, to < top.size(), to - from);
      for (size_t k = from; k < to; ++k) {
        api.thread(threads.buf(), k == from, unit, top[k], replies[k]);
        threads.flush();
      }
      api.end_threads(threads.buf());
      bytes += threads.bytes();
      threads.close();
      ++thread_files;
    }
  }
  if (in_page > 0) {
    close_page();
  }

  const std::string account = "{\"username\": \"" + std::string(stream.brand().alias2) +
                              "\", \"id\": \"" + api.channel() + "\", \"followers\": null}";
  std::string extra;
  expected_line(extra, "posts", videos);
  expected_line(extra, "comments", comments);
  expected_line(extra, "absent_replies", absent);
  expected_line(extra, "video_pages", video_pages);
  expected_line(extra, "thread_pages", thread_files);
  write_expected(opt.out + ".expected.json", "youtube-api", opt, bytes, video_pages + thread_files,
                 account, tally, extra);
  std::fprintf(stderr,
               "ror_gen: %llu videos, %llu comments (%llu replies left out) in %llu files\n",
               static_cast<unsigned long long>(videos), static_cast<unsigned long long>(comments),
               static_cast<unsigned long long>(absent),
               static_cast<unsigned long long>(video_pages + thread_files));
  return 0;
}

}  // namespace gen
