// Reddit dumps, Pushshift's and Arctic Shift's: NDJSON, one submission or one comment per line
// (monthly RS_/RC_ files, per-subreddit files, usually zstd with --long=31, which the byte
// sources decode). Each line is a link or a comment as the API gave it when it was archived, its
// fields in any order; `created_utc` is a number or a string. Submissions are posts; comments
// come apart from them and join their link (link_id) across files at the end of the load, and
// those whose link is in no input are counted there. A submissions file holds no comments, so
// its posts' comments are unknown unless a comments file gives some.
// The same archives' search APIs answer with pages of the same things, {"data": [...]} (Arctic
// Shift's /api/posts/search, /api/comments/search, /api/posts/ids, /api/comments/ids;
// Pushshift's /reddit/search/submission and /reddit/search/comment): a page, one per file or one
// per line, reads as its things would as lines.
#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "importers/importers.hpp"
#include "importers/reddit_thing.hpp"

namespace ror::importers {
namespace {

using ingest::detected;
using ingest::Detection;
using ingest::FramingKind;
using ingest::ImportItem;
using ingest::Sniff;
using ingest::Value;
using reddit::Thing;

enum Variant : std::uint8_t { submissions, comments, pages };

// Reads a line or a page's element, `what` in messages, and checks it: what it is comes from its
// own fields, so a file or a page that mixes links and comments reads as well as a pure one.
void read_checked(Value& v, std::string_view what, Thing& t) {
  if (v.type() != simdjson::ondemand::json_type::object) {
    v.fail(std::string(what) + " must be a submission or a comment object, not " +
           std::string(ingest::type_name(v.type())));
  }
  reddit::read_thing(v, t, [](Value& replies) { replies.skip(); });
  if (t.looks_like_comment()) {
    reddit::check_comment(t, {}, v);
  } else {
    reddit::check_link(t, v);
  }
}

// Hands a checked thing over: a link as a post whose comments this input does not hold, a
// comment apart from its link.
void emit(const Thing& t, ingest::RecordSink& out) {
  if (t.looks_like_comment()) {
    reddit::emit_comment(t, {}, out);
  } else {
    reddit::emit_link(t, false, out);
  }
}

// A page of search results: {"data": [...]}, with whatever else the archive adds ("metadata",
// "error"), not read. Its things are handed over once the page is read: a "data" given again is
// the page (the last one is used).
void read_page(Value& page, ingest::RecordSink& out) {
  static constexpr std::array<std::string_view, 1> kKeys = {"data"};
  thread_local std::vector<Thing> things;  // reused, with its allocation
  std::size_t count = 0;
  page.each_field(
      kKeys,
      [&](std::string_view key, Value& data) {
        if (key != "data") {
          return;
        }
        if (data.repeated()) {
          count = 0;
        }
        data.each_element(
            [&](Value& v) {
              if (count == things.size()) {
                things.emplace_back();
              }
              read_checked(v, "an element of \"data\"", things[count++]);
            },
            false);
      },
      false);
  for (std::size_t i = 0; i < count; ++i) {
    emit(things[i], out);
  }
}

void read(ImportItem& item, ingest::RecordSink& out) {
  if (item.variant == pages) {
    read_page(item.value, out);
    return;
  }
  Thing t;
  read_checked(item.value, "a line", t);
  emit(t, out);
}

// What the thing whose fields lie under `at` ("" for a line, "data/0/" for a page's first)
// looks like.
struct Look {
  bool comment = false;
  bool submission = false;
  bool subreddit = false;

  // Whether it is one of the two, and not both.
  bool thing() const { return comment != submission; }
};

Look look_at(const Sniff& s, std::string_view at) {
  std::string path;
  const auto has = [&](std::string_view key) {
    path.assign(at).append(key);
    return s.has(path);
  };
  Look l;
  if (!has("id") || !has("created_utc") || !has("author") || has("kind") || has("data")) {
    return l;
  }
  l.comment = has("link_id") && has("parent_id") && has("body");
  l.submission = has("title") && (has("num_comments") || has("selftext"));
  l.subreddit = has("subreddit");
  return l;
}

// The top-level members of a page the archives write: "data", Pushshift's "metadata", an
// "error".
constexpr std::array<std::string_view, 3> kPageMembers = {"data", "metadata", "error"};

Detection detect(const Sniff& s) {
  using ingest::Shape;
  if (s.shape != Shape::lines && s.shape != Shape::object) {
    return {};
  }
  // One value per line; a file of one value (on one line or not) is read whole.
  const ingest::Framing framing{
      s.shape == Shape::lines ? FramingKind::lines : FramingKind::whole, {}, false};
  // (A Reddit listing's "data" is an object, and its "kind" is at the top.)
  const bool page = s.get("data") == "[" && !s.has("kind");
  const Look look = look_at(s, page ? "data/0/" : "");
  if (page && !s.has("data/0")) {
    // An empty page says nothing of what it would hold: it is read (as nothing) only when all
    // of it looks like an archive's.
    return s.only_members(kPageMembers) ? detected(40, framing, pages) : Detection{};
  }
  if (!look.thing()) {
    return {};
  }
  // A dump's lines name their subreddit; without one it is less sure.
  const int confidence = look.subreddit ? 90 : 60;
  Detection d = detected(confidence, framing, page ? pages : look.comment ? comments : submissions);
  d.comments_apart = look.comment;
  return d;
}

}  // namespace

const ingest::Importer kRedditDump = {
    "reddit-dump",
    reddit::kPlatform,
    "Reddit dumps (Pushshift, Arctic Shift): NDJSON of submissions or of comments, plain or "
    "zstd-compressed; and the pages of submissions or comments their search APIs answer "
    "({\"data\": [...]}, one per file or per line)",
    "the comments of a submission unless a comments file or page holds them; how each score and "
    "count changed after it was archived",
    true,
    detect,
    read,
};

}  // namespace ror::importers
