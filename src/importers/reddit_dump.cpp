// Reddit dumps, Pushshift's and Arctic Shift's: NDJSON, one submission or one comment per line
// (monthly RS_/RC_ files, per-subreddit files, usually zstd with --long=31, which the byte
// sources decode). Each line is a link or a comment as the API gave it when it was archived, its
// fields in any order; `created_utc` is a number or a string. Submissions are posts; comments
// come apart from them and join their link (link_id) across files at the end of the load, and
// those whose link is in no input are counted there. A submissions file holds no comments, so
// its posts' comments are unknown unless a comments file gives some.
#include <array>
#include <string>

#include "importers/importers.hpp"
#include "importers/reddit_thing.hpp"

namespace ror::importers {
namespace {

using ingest::detected;
using ingest::Detection;
using ingest::FramingKind;
using ingest::ImportItem;
using ingest::Sniff;
using reddit::Thing;

enum Variant : std::uint8_t { submissions, comments };

void read(ImportItem& item, ingest::RecordSink& out) {
  if (item.value.type() != simdjson::ondemand::json_type::object) {
    item.value.fail("a line must be a submission or a comment object, not " +
                    std::string(ingest::type_name(item.value.type())));
  }
  Thing t;
  reddit::read_thing(item.value, t, [](ingest::Value& replies) { replies.skip(); });
  // What a line is comes from its own fields: a mixed file reads as well as a pure one.
  if (t.looks_like_comment()) {
    reddit::check_comment(t, {}, item.value);
    reddit::emit_comment(t, {}, out);
  } else {
    reddit::emit_link(t, item.value, false, out);
  }
}

Detection detect(const Sniff& s) {
  using ingest::Shape;
  if (s.shape != Shape::lines && s.shape != Shape::object) {
    return {};
  }
  // One object per line; a file of one object (on one line or not) is read whole.
  const ingest::Framing framing{
      s.shape == Shape::lines ? FramingKind::lines : FramingKind::whole, {}, false};
  const bool thing = s.has("id") && s.has("created_utc") && s.has("author");
  if (!thing || s.has("kind") || s.has("data")) {
    return {};
  }
  const bool comment = s.has("link_id") && s.has("parent_id") && s.has("body");
  const bool submission = s.has("title") && (s.has("num_comments") || s.has("selftext"));
  if (comment == submission) {
    return {};
  }
  // A dump's lines name their subreddit; without one it is less sure.
  const int confidence = s.has("subreddit") ? 90 : 60;
  Detection d = detected(confidence, framing, comment ? comments : submissions);
  d.comments_apart = comment;
  return d;
}

}  // namespace

const ingest::Importer kRedditDump = {
    "reddit-dump",
    reddit::kPlatform,
    "Reddit dumps (Pushshift, Arctic Shift): NDJSON of submissions or of comments, plain or "
    "zstd-compressed",
    "the comments of a submission unless a comments file holds them; how each score and count "
    "changed after it was archived",
    true,
    detect,
    read,
};

}  // namespace ror::importers
