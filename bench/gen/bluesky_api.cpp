// --format bluesky-api: a folder of Bluesky XRPC responses as a client saves them (compact JSON,
// UTF-8 as is, as the app view sends it):
//   getProfile.json                app.bsky.actor.getProfile of the account (followersCount)
//   getAuthorFeed_NNNNN.json       app.bsky.feed.getAuthorFeed pages, 50 items, newest first:
//                                  every post of the account (originals, its threads, its answers,
//                                  its replies to others) with the reply context a feed shows
//                                  (root and parent post views), and its reposts (#reasonRepost);
//                                  a cursor on every page but the last
//   getPostThread_RKEY.json        app.bsky.feed.getPostThread of each of the account's posts
//                                  with replies: the replies nested as deep as the API's default
//                                  depth (6), so a thread holds only some of what replyCount
//                                  counts when its conversation goes deeper
// Posts are post views: at:// uri, cid, author, the record (text, createdAt, langs, facets with
// UTF-8 byte offsets for tags, mentions and links, reply root and parent, an embed of images, a
// link card or a quoted post), the counts, indexedAt. The account's statuses are both in the feed
// and in its threads. A post's text keeps to 300 code points, as Bluesky's limit of 300 graphemes.
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

constexpr uint64_t kUnitBytes = 34000;  // bytes per conversation, feed and threads, measured
constexpr size_t kFeedPage = 50;        // getAuthorFeed's default limit
constexpr int kThreadDepth = 6;         // getPostThread's default depth
constexpr size_t kMaxCodePoints = 300;  // a post's text, at most

// The app view's JSON: compact, UTF-8 as is (JSON.stringify).
constexpr JsonStyle kBlueskyStyle{false, ":", ",", Escape::utf8};

constexpr char kBase32[] = "abcdefghijklmnopqrstuvwxyz234567";    // DIDs and CIDs
constexpr char kSortable[] = "234567abcdefghijklmnopqrstuvwxyz";  // record keys (TIDs)
constexpr int64_t kBlueskyOpenMs = 1677628800000;                 // 2023-03-01
constexpr int64_t kBeforeYearMs = kYearStartMs - kBlueskyOpenMs;  // accounts joined then

void put_base32(std::string& s, uint64_t v, int chars) {
  for (int i = 0; i < chars; ++i) {
    s.push_back(kBase32[v & 31]);
    v >>= 5;
  }
}

// A content id: "bafyrei" and 52 characters, a function of `key`.
void put_cid(std::string& s, uint64_t key, std::string_view prefix = "bafyrei") {
  s += prefix;
  uint64_t st = key;
  for (int i = 0; i < 4; ++i) {
    put_base32(s, splitmix64(st), 13);
  }
}

// A record key: a TID (microseconds and a clock id, 13 sortable base32 characters).
void put_rkey(std::string& s, int64_t t, uint64_t seq) {
  const uint64_t micros = static_cast<uint64_t>(t) * 1000 + (seq >> 10) % 1000;
  const uint64_t v = (micros << 10 | (seq & 1023)) & ~(uint64_t{1} << 63);
  for (int i = 0; i < 13; ++i) {
    const int shift = 60 - 5 * i;
    s.push_back(kSortable[(shift >= 0 ? v >> shift : v << -shift) & 31]);
  }
}

void put_time(std::string& s, int64_t t, bool micros) {
  if (!micros) {
    iso_time(s, t, true);
    return;
  }
  std::string q;
  put_ts(q, t, kZMicros, 0);
  s += std::string_view(q).substr(1, q.size() - 2);
}

// A status's text as Bluesky writes it: plain text with its facets.
struct Facet {
  PieceKind kind;
  uint32_t start, end;     // UTF-8 bytes of the rendered text
  std::string_view value;  // a tag (without '#') or a link's full URL: views into the Text
  int64_t person;          // a mention
};

struct Rendered {
  std::string text;
  std::vector<Facet> facets;
};

// Someone else's status, or one of the conversation, as a post view needs it.
struct PostRef {
  int64_t author = kAccount;
  int64_t t = 0;
  uint64_t seq = 0;
  uint64_t key = 0;  // what its cid and its own details are drawn from
};

class BlueskyApi {
 public:
  explicit BlueskyApi(const StatusStream& stream)
      : people_(stream.brand(), stream.audience(), stream.account_key(), stream.followers()),
        audience_(stream.audience()),
        brand_(stream.brand()),
        account_key_(stream.account_key()),
        text_maker_(stream.brand(), stream.audience()) {}

  const People& people() const { return people_; }

  void did(std::string& s, int64_t person) const {
    uint64_t st = (person < 0 ? account_key_ : audience_.key(static_cast<uint64_t>(person))) ^
                  0x626c7565736b79ULL;
    const uint64_t a = splitmix64(st);  // a bijection of the key: DIDs never collide
    s += "did:plc:";
    put_base32(s, a, 13);
    put_base32(s, splitmix64(st), 11);
  }

  // The account's handle is its domain; people's are NAME.bsky.social, or for those on another
  // instance their bridged handle (NAME.INSTANCE.ap.brid.gy).
  void handle(std::string& s, int64_t person) const {
    if (person < 0) {
      s += brand_.domain;
      return;
    }
    name_.clear();
    audience_.name(name_, static_cast<uint64_t>(person));
    const size_t at = s.size();
    fold_handle(s, name_, '-');
    for (size_t i = at; i < s.size(); ++i) {
      if (s[i] >= 'A' && s[i] <= 'Z') {
        s[i] = static_cast<char>(s[i] + 32);
      }
    }
    if (const size_t sign = name_.find('@'); sign != std::string::npos) {
      s.push_back('.');
      s += std::string_view(name_).substr(sign + 1);
      s += ".ap.brid.gy";
    } else {
      s += ".bsky.social";
    }
  }

  void uri(std::string& s, const PostRef& p, std::string_view collection) const {
    s += "at://";
    did(s, p.author);
    s += "/";
    s += collection;
    s += "/";
    put_rkey(s, p.t, p.seq);
  }

  // A profile view, basic (a post's author) or full (getProfile).
  void profile(JsonWriter& w, int64_t person, bool full, uint64_t posts = 0) {
    w.begin_object();
    scratch_.clear();
    did(scratch_, person);
    const std::string did_text = scratch_;
    w.field("did", did_text);
    scratch_.clear();
    handle(scratch_, person);
    w.field("handle", scratch_);
    scratch_.clear();
    people_.display_name(scratch_, person);
    w.field("displayName", scratch_);
    uint64_t st =
        (person < 0 ? account_key_ : audience_.key(static_cast<uint64_t>(person))) ^ 0x61766174ULL;
    const uint64_t m = splitmix64(st);
    scratch_ = "https://cdn.bsky.app/img/avatar/plain/";
    scratch_ += did_text;
    scratch_ += "/";
    put_cid(scratch_, m, "bafkrei");
    scratch_ += "@jpeg";
    w.field("avatar", scratch_);
    if (full) {
      w.key("associated").begin_object();
      w.field_number("lists", 0);
      w.field_number("feedgens", 0);
      w.field_number("starterPacks", 1);
      w.key("labeler").boolean(false);
      w.key("chat").begin_object();
      w.field("allowIncoming", "following");
      w.end_object();
      w.end_object();
    } else if (m % 3 == 0) {
      w.key("associated").begin_object();
      w.key("chat").begin_object();
      w.field("allowIncoming", m % 2 == 0 ? "following" : "all");
      w.end_object();
      w.end_object();
    }
    w.key("viewer").begin_object();
    w.key("muted").boolean(false);
    w.key("blockedBy").boolean(false);
    w.end_object();
    w.key("labels").empty_array();
    scratch_.clear();
    iso_time(scratch_, joined(person), true);
    w.field("createdAt", scratch_);
    if (full) {
      scratch_ = "Coffee, pastries & good company. Questions? Ask @";
      scratch_ += brand_.alias1;
      scratch_ += "\nhttps://";
      scratch_ += brand_.domain;
      w.field("description", scratch_);
      scratch_.clear();
      iso_time(scratch_, kYearStartMs + kYearMs - 86400000 + static_cast<int64_t>(m % 86400000),
               true);
      w.field("indexedAt", scratch_);
      scratch_ = "https://cdn.bsky.app/img/banner/plain/";
      scratch_ += did_text;
      scratch_ += "/";
      put_cid(scratch_, m ^ 1, "bafkrei");
      scratch_ += "@jpeg";
      w.field("banner", scratch_);
      w.field_number("followersCount", people_.followers(person));
      w.field_number("followsCount", people_.following(person));
      w.field_number("postsCount", posts);
    }
    w.end_object();
  }

  // A post view of the conversation's status `i` (`typed`: with its $type, as a feed's reply
  // context writes it).
  void status_view(JsonWriter& w, const std::vector<Status>& unit, size_t i, bool typed) {
    const Status& s = unit[i];
    const int64_t parent_author = s.parent >= 0 ? unit[static_cast<size_t>(s.parent)].author
                                  : s.kind == StatusKind::outreach ? s.other.author
                                                                   : kAccount;
    text_maker_.make(s, parent_author, rng_, text_);
    render(text_, main_);
    PostRef self{s.author, s.t, s.seq, s.seed};
    w.begin_object();
    post_head(w, self);
    // The record.
    const bool micros = rng_.per_mille(120);
    const int64_t indexed = s.t + rng_.range(150, 2500);
    Embed e;
    draw_embed(e, s, rng_);
    w.key("record").begin_object();
    w.field("$type", "app.bsky.feed.post");
    scratch_.clear();
    put_time(scratch_, s.t, micros);
    w.field("createdAt", scratch_);
    embed(w, e, s, false);
    facets(w, main_);
    langs(w, rng_);
    if (s.parent >= 0) {
      const Status& root = unit.back();
      const Status& parent = unit[static_cast<size_t>(s.parent)];
      reply_refs(w, {root.author, root.t, root.seq, root.seed},
                 {parent.author, parent.t, parent.seq, parent.seed});
    } else if (s.kind == StatusKind::outreach) {
      const PostRef other = other_ref(s);
      reply_refs(w, other, other);
    }
    w.field("text", main_.text);
    w.end_object();
    embed(w, e, s, true);
    counts(w, s.replies, s.reposts, s.likes, s.quotes, s.bookmarks);
    post_tail(w, indexed, typed);
  }

  // A post view of someone else's status the account's status `s` points at: the one it reposts,
  // quotes, or answers (outreach). None of them is in the data.
  void other_view(JsonWriter& w, const Status& s, bool typed) {
    const PostRef p = other_ref(s);
    w.begin_object();
    Rng rng = other_head(w, s, "record");
    if (s.kind == StatusKind::repost) {
      counts(w, s.replies, s.reposts, s.likes, s.quotes, 0);
    } else {
      const uint64_t likes = rng.pareto(5, 50000);
      counts(w, 1 + rng.pareto(2, 400), likes / 8, likes, likes / 40, likes / 30);
    }
    post_tail(w, p.t + rng.range(150, 2500), typed);
  }

  // A getAuthorFeed item for the account's status `i`: the post, the reply context, or the
  // repost's reason.
  void feed_item(JsonWriter& w, const std::vector<Status>& unit, size_t i) {
    const Status& s = unit[i];
    w.begin_object();
    if (s.kind == StatusKind::repost) {
      w.key("post");
      other_view(w, s, false);
      w.key("reason").begin_object();
      w.field("$type", "app.bsky.feed.defs#reasonRepost");
      w.key("by");
      profile(w, kAccount, false);
      scratch_.clear();
      uri(scratch_, {kAccount, s.t, s.seq, s.seed}, "app.bsky.feed.repost");
      w.field("uri", scratch_);
      scratch_.clear();
      put_cid(scratch_, s.seed ^ 0x7265706f7374ULL);
      w.field("cid", scratch_);
      scratch_.clear();
      iso_time(scratch_, s.t + 300, true);
      w.field("indexedAt", scratch_);
      w.end_object();
      w.end_object();
      return;
    }
    w.key("post");
    status_view(w, unit, i, false);
    if (s.parent >= 0 || s.kind == StatusKind::outreach) {
      w.key("reply").begin_object();
      if (s.parent >= 0) {
        const auto parent = static_cast<size_t>(s.parent);
        w.key("root");
        status_view(w, unit, unit.size() - 1, true);
        w.key("parent");
        status_view(w, unit, parent, true);
        if (const int32_t grand = unit[parent].parent; grand >= 0) {
          w.key("grandparentAuthor");
          profile(w, unit[static_cast<size_t>(grand)].author, false);
        }
      } else {
        w.key("root");
        other_view(w, s, true);
        w.key("parent");
        other_view(w, s, true);
      }
      w.end_object();
    }
    w.end_object();
  }

  // A thread node for status `i` at `depth` and the replies under it; counts the statuses
  // written into `tally` (the account's are counted from the feed).
  void thread_node(JsonWriter& w, const std::vector<Status>& unit,
                   const std::vector<std::vector<uint32_t>>& children, size_t i, int depth,
                   Tally& tally, uint64_t& nodes, uint64_t& audience) {
    w.begin_object();
    w.field("$type", "app.bsky.feed.defs#threadViewPost");
    w.key("post");
    status_view(w, unit, i, false);
    ++nodes;
    if (unit[i].kind == StatusKind::audience) {
      tally.add(unit[i]);
      ++audience;
    }
    if (depth < kThreadDepth || children[i].empty()) {
      w.key("replies").begin_array();
      for (const uint32_t c : children[i]) {
        thread_node(w, unit, children, c, depth + 1, tally, nodes, audience);
      }
      w.end_array();
    }  // (at the depth asked for, the replies below are not loaded: no "replies")
    if (depth == 0) {
      w.key("threadContext").empty_object();
    }
    w.end_object();
  }

 private:
  struct Embed {
    enum Kind : uint8_t { none, images, external, quote } kind = none;
    uint32_t count = 0;  // images
    uint64_t key = 0;    // cids, sizes and shapes are drawn from it
    std::string_view url;
    std::string title, description;
  };

  int64_t joined(int64_t person) const {
    return kBlueskyOpenMs + (people_.joined(person) - 1230768000000) % kBeforeYearMs;
  }

  PostRef other_ref(const Status& s) const {
    return {s.other.author, s.other.t, s.other.seq, s.seed ^ 0x6f74686572ULL};
  }

  // The text, cut at kMaxCodePoints (a piece that does not fit whole is dropped, but for words,
  // cut at a code point), and its facets.
  void render(const Text& text, Rendered& out) {
    out.text.clear();
    out.facets.clear();
    size_t points = 0;
    const auto room = [&](std::string_view piece) {
      size_t n = 0;
      for (const char c : piece) {
        n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
      }
      return n;
    };
    for (const Piece& p : text.pieces) {
      piece_.clear();
      Facet f{p.kind, 0, 0, {}, p.person};
      switch (p.kind) {
        case PieceKind::words:
          piece_ = text.of(p);
          break;
        case PieceKind::hashtag:
          piece_.push_back('#');
          piece_ += text.of(p);
          f.value = text.of(p);
          break;
        case PieceKind::mention:
          piece_.push_back('@');
          handle(piece_, p.person);
          break;
        case PieceKind::link: {
          // As the app shows a link: no scheme, cut after 32 characters.
          std::string_view url = text.of(p);
          f.value = url;
          url.remove_prefix(std::min(url.find("://") + 3, url.size()));
          piece_ = url.size() > 35 ? std::string(url.substr(0, 32)) + "..." : std::string(url);
          break;
        }
      }
      const size_t n = room(piece_);
      if (points + n > kMaxCodePoints) {
        if (p.kind == PieceKind::words) {  // as much as fits, whole code points
          size_t keep = 0;
          for (size_t left = kMaxCodePoints - points; keep < piece_.size(); ++keep) {
            if ((static_cast<unsigned char>(piece_[keep]) & 0xC0) != 0x80) {
              if (left == 0) {
                break;
              }
              --left;
            }
          }
          out.text.append(piece_, 0, keep);
        }
        break;
      }
      f.start = static_cast<uint32_t>(out.text.size());
      out.text += piece_;
      f.end = static_cast<uint32_t>(out.text.size());
      points += n;
      if (p.kind != PieceKind::words) {
        out.facets.push_back(f);
      }
    }
    // (a cut may leave a trailing space or a lone half of an emoji's sequence: as clients do)
  }

  void facets(JsonWriter& w, const Rendered& r) {
    if (r.facets.empty()) {
      return;
    }
    w.key("facets").begin_array();
    for (const Facet& f : r.facets) {
      w.begin_object();
      w.key("features").begin_array();
      w.begin_object();
      switch (f.kind) {
        case PieceKind::hashtag:
          w.field("$type", "app.bsky.richtext.facet#tag");
          w.field("tag", f.value);
          break;
        case PieceKind::mention:
          w.field("$type", "app.bsky.richtext.facet#mention");
          scratch_.clear();
          did(scratch_, f.person);
          w.field("did", scratch_);
          break;
        default:
          w.field("$type", "app.bsky.richtext.facet#link");
          w.field("uri", f.value);
          break;
      }
      w.end_object();
      w.end_array();
      w.key("index").begin_object();
      w.field_number("byteEnd", f.end);
      w.field_number("byteStart", f.start);
      w.end_object();
      w.end_object();
    }
    w.end_array();
  }

  void langs(JsonWriter& w, Rng& rng) {
    if (rng.per_mille(900)) {
      w.key("langs").begin_array();
      w.string("en");
      w.end_array();
    }
  }

  void reply_refs(JsonWriter& w, const PostRef& root, const PostRef& parent) {
    w.key("reply").begin_object();
    strong_ref(w, "parent", parent);
    strong_ref(w, "root", root);
    w.end_object();
  }

  void strong_ref(JsonWriter& w, std::string_view key, const PostRef& p) {
    w.key(key).begin_object();
    scratch_.clear();
    put_cid(scratch_, p.key);
    w.field("cid", scratch_);
    scratch_.clear();
    uri(scratch_, p, "app.bsky.feed.post");
    w.field("uri", scratch_);
    w.end_object();
  }

  // uri, cid, author and record (under `key`) of the view of someone else's status `s` points
  // at; returns the stream the view's other details are drawn from.
  Rng other_head(JsonWriter& w, const Status& s, std::string_view key) {
    text_maker_.make_other(s, other_text_);
    render(other_text_, other_);
    const PostRef p = other_ref(s);
    Rng rng(p.key);
    post_head(w, p);
    w.key(key).begin_object();
    w.field("$type", "app.bsky.feed.post");
    scratch_.clear();
    put_time(scratch_, p.t, rng.per_mille(120));
    w.field("createdAt", scratch_);
    facets(w, other_);
    langs(w, rng);
    w.field("text", other_.text);
    w.end_object();
    return rng;
  }

  // uri, cid and author of a post view.
  void post_head(JsonWriter& w, const PostRef& p) {
    scratch_.clear();
    uri(scratch_, p, "app.bsky.feed.post");
    w.field("uri", scratch_);
    scratch_.clear();
    put_cid(scratch_, p.key);
    w.field("cid", scratch_);
    w.key("author");
    profile(w, p.author, false);
  }

  void counts(JsonWriter& w, uint64_t replies, uint64_t reposts, uint64_t likes, uint64_t quotes,
              uint64_t bookmarks) {
    w.field_number("replyCount", replies);
    w.field_number("repostCount", reposts);
    w.field_number("likeCount", likes);
    w.field_number("quoteCount", quotes);
    w.field_number("bookmarkCount", bookmarks);
  }

  void post_tail(JsonWriter& w, int64_t indexed, bool typed) {
    scratch_.clear();
    iso_time(scratch_, indexed, true);
    w.field("indexedAt", scratch_);
    w.key("viewer").begin_object();
    w.key("threadMuted").boolean(false);
    w.key("embeddingDisabled").boolean(false);
    w.end_object();
    w.key("labels").empty_array();
    if (typed) {
      w.field("$type", "app.bsky.feed.defs#postView");
    }
    w.end_object();
  }

  // What the account's status carries: a quoted post, images, or a link's card.
  void draw_embed(Embed& e, const Status& s, Rng& rng) {
    e.kind = Embed::none;
    e.key = rng.next();
    if (s.quote) {
      e.kind = Embed::quote;
      return;
    }
    if (s.by_account() && s.kind != StatusKind::answer) {
      for (const Facet& f : main_.facets) {
        if (f.kind == PieceKind::link && rng.per_mille(500)) {
          e.kind = Embed::external;
          e.url = f.value;
          e.title.clear();
          e.description.clear();
          Words(rng, brand_, plain_lexicon())
              .words(e.title, static_cast<uint64_t>(rng.range(3, 9)));
          Words(rng, brand_, plain_lexicon())
              .words(e.description, static_cast<uint64_t>(rng.range(8, 30)));
          return;
        }
      }
      if (rng.per_mille(s.kind == StatusKind::original ? 300 : 80)) {
        e.kind = Embed::images;
        e.count = rng.per_mille(750) ? 1 : static_cast<uint32_t>(rng.range(2, 4));
      }
    } else if (rng.per_mille(40)) {  // someone answering with a picture
      e.kind = Embed::images;
      e.count = 1;
    }
  }

  void blob(JsonWriter& w, uint64_t key, std::string_view mime) {
    w.field("$type", "blob");
    w.key("ref").begin_object();
    scratch_.clear();
    put_cid(scratch_, key, "bafkrei");
    w.field("$link", scratch_);
    w.end_object();
    w.field("mimeType", mime);
    w.field_number("size", 20000 + key % 900000);
  }

  // An image's description: the account writes one for two images in three, people rarely.
  static std::string_view alt(const Status& s, uint64_t key) {
    static constexpr std::string_view kAlts[] = {
        "A photo of the new seasonal menu on the counter",
        "Two cups on a wooden table, latte art on both",
        "The team in aprons in front of the shop, smiling",
        "Close-up of a croissant, flaky layers",
        "Screenshot of the app's rewards page",
    };
    return key % 3 == 0 || !s.by_account() ? "" : kAlts[(key >> 8) % std::size(kAlts)];
  }

  void aspect(JsonWriter& w, uint64_t key) {
    static constexpr uint32_t kShapes[][2] = {{1080, 1080}, {1200, 800},  {800, 1200},
                                              {1920, 1080}, {1080, 1350}, {652, 348}};
    const auto& shape = kShapes[key % std::size(kShapes)];
    w.key("aspectRatio").begin_object();
    w.field_number("height", shape[1]);
    w.field_number("width", shape[0]);
    w.end_object();
  }

  void cdn(std::string& s, std::string_view kind, int64_t author, uint64_t key) {
    s = "https://cdn.bsky.app/img/";
    s += kind;
    s += "/plain/";
    did(s, author);
    s += "/";
    put_cid(s, key, "bafkrei");
    s += "@jpeg";
  }

  // What the account's status carries, as its record writes it (`view` false) or as its post
  // view shows it (true).
  void embed(JsonWriter& w, const Embed& e, const Status& s, bool view) {
    if (e.kind == Embed::none) {
      return;
    }
    w.key("embed").begin_object();
    switch (e.kind) {
      case Embed::none:
        break;
      case Embed::quote:
        if (!view) {
          w.field("$type", "app.bsky.embed.record");
          strong_ref(w, "record", other_ref(s));
        } else {
          quote_view(w, s);
        }
        break;
      case Embed::images:
        w.field("$type", view ? "app.bsky.embed.images#view" : "app.bsky.embed.images");
        w.key("images").begin_array();
        for (uint32_t i = 0; i < e.count; ++i) {
          const uint64_t key = e.key + i * 0x9E3779B97F4A7C15ULL;
          w.begin_object();
          if (view) {
            cdn(scratch_, "feed_thumbnail", s.author, key);
            w.field("thumb", scratch_);
            cdn(scratch_, "feed_fullsize", s.author, key);
            w.field("fullsize", scratch_);
          }
          w.field("alt", alt(s, key));
          aspect(w, key);
          if (!view) {
            w.key("image").begin_object();
            blob(w, key, "image/jpeg");
            w.end_object();
          }
          w.end_object();
        }
        w.end_array();
        break;
      case Embed::external:
        w.field("$type", view ? "app.bsky.embed.external#view" : "app.bsky.embed.external");
        w.key("external").begin_object();
        if (view) {
          w.field("uri", e.url);
          w.field("title", e.title);
          w.field("description", e.description);
          cdn(scratch_, "feed_thumbnail", s.author, e.key);
          w.field("thumb", scratch_);
        } else {
          w.field("description", e.description);
          w.key("thumb").begin_object();
          blob(w, e.key, "image/jpeg");
          w.end_object();
          w.field("title", e.title);
          w.field("uri", e.url);
        }
        w.end_object();
        break;
    }
    w.end_object();
  }

  // The view of the post a status quotes.
  void quote_view(JsonWriter& w, const Status& s) {
    w.field("$type", "app.bsky.embed.record#view");
    w.key("record").begin_object();
    w.field("$type", "app.bsky.embed.record#viewRecord");
    const PostRef p = other_ref(s);
    Rng rng = other_head(w, s, "value");
    w.key("labels").empty_array();
    const uint64_t likes = rng.pareto(5, 50000);
    w.field_number("likeCount", likes);
    w.field_number("replyCount", rng.pareto(2, 400));
    w.field_number("repostCount", likes / 8);
    w.field_number("quoteCount", 1 + likes / 40);
    scratch_.clear();
    iso_time(scratch_, p.t + rng.range(150, 2500), true);
    w.field("indexedAt", scratch_);
    w.key("embeds").empty_array();
    w.end_object();
  }

  People people_;
  const Audience& audience_;
  const Brand& brand_;
  uint64_t account_key_;
  TextMaker text_maker_;
  Rng rng_{0};
  Text text_, other_text_;
  Rendered main_, other_;
  std::string scratch_, piece_;
  mutable std::string name_;
};

std::string numbered(const std::string& dir, uint64_t n) {
  char name[48];
  std::snprintf(name, sizeof name, "/getAuthorFeed_%05llu.json",
                static_cast<unsigned long long>(n));
  return dir + name;
}

}  // namespace

int generate_bluesky_api(const Options& opt) {
  StatusStream stream(stream_params(opt, kUnitBytes, Order::newest_first));
  BlueskyApi api(stream);
  make_dirs(opt.out);

  uint64_t bytes = 0;
  Tally tally;
  uint64_t records = 0, feed_items = 0, context_posts = 0, pages = 0, threads = 0, not_shown = 0;
  uint64_t in_page = 0;
  int64_t last_time = 0;
  Sink page, thread;
  std::vector<std::vector<uint32_t>> children;
  const auto close_page = [&](bool last) {
    std::string& p = page.buf();
    p += "]";
    if (!last) {
      p += ",\"cursor\":\"";
      iso_time(p, last_time, true);
      p += "\"";
    }
    p += "}";
    bytes += page.bytes();
    page.close();
    in_page = 0;
  };
  while (tally.items() == tally.reposts() || bytes + page.bytes() < opt.size) {
    const std::vector<Status>& unit = stream.next();
    for (size_t i = 0; i < unit.size(); ++i) {  // the account's posts, newest first
      const Status& st = unit[i];
      if (st.kind == StatusKind::audience) {
        continue;
      }
      if (in_page == kFeedPage) {
        close_page(false);
      }
      if (in_page == 0) {
        page.open(numbered(opt.out, ++pages));
        page.buf() += "{\"feed\":[";
      } else {
        page.buf() += ",";
      }
      JsonWriter w(page.buf(), kBlueskyStyle);
      api.feed_item(w, unit, i);
      ++in_page;
      ++feed_items;
      ++records;
      if (st.parent >= 0 || st.kind == StatusKind::outreach) {
        context_posts += 2;
      }
      last_time = st.t;
      tally.add(st);
      tally.quotes += st.quote ? 1 : 0;
      page.flush();
    }
    if (unit.size() > 1) {  // the original's thread, as deep as the API's default
      const size_t root = unit.size() - 1;
      children.assign(unit.size(), {});
      for (size_t i = unit.size(); i-- > 0;) {  // oldest first
        if (unit[i].parent >= 0) {
          children[static_cast<size_t>(unit[i].parent)].push_back(static_cast<uint32_t>(i));
        }
      }
      std::string name = opt.out + "/getPostThread_";
      put_rkey(name, unit[root].t, unit[root].seq);
      thread.open(name + ".json");
      std::string& t = thread.buf();
      t += "{\"thread\":";
      JsonWriter w(t, kBlueskyStyle);
      uint64_t nodes = 0, audience = 0;
      api.thread_node(w, unit, children, root, 0, tally, nodes, audience);
      t += "}";
      bytes += thread.bytes();
      thread.close();
      ++threads;
      records += nodes;
      not_shown += static_cast<uint64_t>(std::count_if(
                       unit.begin(), unit.end(),
                       [](const Status& x) { return x.kind == StatusKind::audience; })) -
                   audience;
      tally.conversations += audience > 0 ? 1 : 0;
    }
  }
  if (in_page > 0) {
    close_page(true);
  }

  std::string s;
  JsonWriter pw(s, kBlueskyStyle);
  api.profile(pw, kAccount, true, tally.by_account());
  bytes += write_file(opt.out + "/getProfile.json", s);

  std::string account = "{\"username\": \"";
  api.handle(account, kAccount);
  account += "\", \"id\": \"";
  api.did(account, kAccount);
  account += "\", \"followers\": " + std::to_string(stream.followers()) + "}";
  std::string extra;
  const auto line = [&](std::string_view key, uint64_t v) {
    extra += "  \"";
    extra += key;
    extra += "\": ";
    put_u(extra, v);
    extra += ",\n";
  };
  line("records", records);
  line("duplicates", records - tally.items());
  line("pages", pages);
  line("feed_items", feed_items);
  line("context_posts", context_posts);
  line("threads", threads);
  line("not_shown", not_shown);
  write_expected(opt.out + ".expected.json", "bluesky-api", opt, bytes, 1 + pages + threads,
                 account, tally, extra);
  std::fprintf(stderr,
               "ror_gen: %llu posts (%llu by others, %llu reposts) in %llu files; %llu replies "
               "below the threads' depth\n",
               static_cast<unsigned long long>(tally.items()),
               static_cast<unsigned long long>(tally.by_others()),
               static_cast<unsigned long long>(tally.reposts()),
               static_cast<unsigned long long>(1 + pages + threads),
               static_cast<unsigned long long>(not_shown));
  return 0;
}

}  // namespace gen
