// Hacker News items as the official Firebase API gives them (/v0/item/<id>.json): one item per
// file, one per line, or an array of them; and the same items exported from the public BigQuery
// table, where every value is a string ("time": "1665929544") and `type` may be left out. A
// story (or job, or poll) is a post; a comment names only its parent, so every item is a status
// and the load follows the chain of parents up to the story (docs/format.md, "Threads").
#include <string>

#include <fmt/format.h>

#include "importers/hn_item.hpp"
#include "importers/importers.hpp"

namespace ror::importers {
namespace {

using hn::kDeleted;
using hn::kPlatform;
using hn::kPollOptions;
using ingest::CountText;
using ingest::detected;
using ingest::Detection;
using ingest::FramingKind;
using ingest::ImportItem;
using ingest::Sniff;
using ingest::TimeFormat;
using ingest::Value;
using simdjson::ondemand::json_type;

enum Variant : std::uint8_t { item, items };

// A flag written as a boolean or, in the BigQuery export, as "true" / "false".
bool read_flag(Value& v) {
  if (v.type() == json_type::string) {
    const std::string_view s = v.string();
    if (s != "true" && s != "false" && !s.empty()) {
      v.fail(fmt::format("\"{}\" must be true or false", v.at().field()));
    }
    return s == "true";
  }
  return v.optional_boolean().value_or(false);
}

void read_item(Value& v, ingest::RecordSink& out) {
  static constexpr std::array<std::string_view, 11> kKeys = {
      "id",    "by",    "time", "type",    "parent", "descendants",
      "score", "title", "text", "deleted", "dead"};
  ingest::PostRecord r;
  std::string_view type;
  hn::Words words;
  bool has_time = false;
  bool gone = false;
  if (v.type() != json_type::object) {
    v.fail(fmt::format("an item must be an object, not {}", ingest::type_name(v.type())));
  }
  v.each_field(kKeys, [&](std::string_view key, Value& f) {
    if (key == "id") {
      r.id = f.id();
    } else if (key == "by") {
      r.author = f.optional_string().value_or("");
    } else if (key == "time") {
      if (const auto t = f.optional_time(TimeFormat::epoch_seconds)) {
        r.created_at = *t;
        has_time = true;
      }
    } else if (key == "type") {
      type = f.optional_string().value_or("");
    } else if (key == "parent") {
      r.reply_to_post = f.optional_id().value_or("");
    } else if (key == "descendants") {
      words.replies = f.count(CountText::digits_too);
    } else if (key == "score") {
      words.points = f.count(CountText::digits_too);
    } else if (key == "title") {
      words.title = f.optional_string().value_or("");
    } else if (key == "text") {
      words.html = f.optional_string().value_or("");
    } else if (key == "deleted" || key == "dead") {
      gone = read_flag(f) || gone;
    }
  });
  if (gone) {
    out.skip(kDeleted);
    out.gone(r.id, r.reply_to_post);  // (the replies under it answer what it answered)
    return;
  }
  if (type == "pollopt") {
    out.skip(kPollOptions);
    return;
  }
  if (r.id.empty()) {
    v.fail("an item needs an \"id\"");
  }
  if (!has_time) {
    v.fail("an item needs a \"time\"");
  }
  if (r.author.empty()) {
    v.fail("an item needs \"by\" (unless it is deleted or dead)");
  }
  // A comment answers its parent; any other item (a story, a job, a poll) starts a thread.
  const bool comment = hn::is_comment(type, r.reply_to_post);
  if (!comment) {
    r.reply_to_post = {};
  }
  r.comments_known = false;  // an item holds no comments: they are items of their own
  // The story's author is the account when nothing names one (each story's, when several are
  // read).
  hn::put_status(r, words, !comment, out);
}

void read(ImportItem& it, ingest::RecordSink& out) {
  if (it.kind == ingest::ItemKind::member) {
    return;
  }
  read_item(it.value, out);
}

// Whether the sniffed item at `prefix` looks like a Firebase item.
bool item_at(const Sniff& s, const std::string& prefix) {
  const std::string_view type = s.get(prefix + "type");
  const bool known_type =
      type == "story" || type == "comment" || type == "job" || type == "poll" || type == "pollopt";
  if (!s.has(prefix + "id") || !s.has(prefix + "time")) {
    return false;
  }
  if (known_type) {
    return s.has(prefix + "by") || s.has(prefix + "deleted") || s.has(prefix + "parent") ||
           s.has(prefix + "kids");
  }
  // The BigQuery export: no type, strings everywhere.
  return !s.has(prefix + "type") && s.has(prefix + "by") &&
         (s.has(prefix + "parent") || s.has(prefix + "title")) &&
         (s.has(prefix + "text") || s.has(prefix + "title"));
}

Detection detect(const Sniff& s) {
  using ingest::Shape;
  const int sure = s.has("type") || s.has("0/type") ? 90 : 75;
  if (s.shape == Shape::object && item_at(s, "")) {
    return detected(sure, {FramingKind::whole, {}, false}, item);
  }
  if (s.shape == Shape::lines && item_at(s, "")) {
    return detected(sure, {FramingKind::lines, {}, false}, item);
  }
  if (s.shape == Shape::array && item_at(s, "0/")) {
    return detected(sure, {FramingKind::document, {}, false}, items);
  }
  return {};
}

}  // namespace

const ingest::Importer kHnFirebase = {
    "hn-firebase",
    kPlatform,
    "Hacker News items from the Firebase API (/v0/item/<id>.json: one per file, one per line, "
    "or an array) and the same items exported from BigQuery with every value a string",
    "comments that were not fetched, and whom a comment answers when its parent is not in the "
    "input; points on comments",
    true,
    detect,
    read,
};

}  // namespace ror::importers
