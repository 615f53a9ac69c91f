// ror/v1, the project's own format (docs/format.md): a document {"schema": "ror/v1",
// "account": {...}, "posts": [...]}, or NDJSON with one post per line after an optional
// {"account": ...} line. Comments are nested in their posts.
#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "importers/importers.hpp"

namespace ror::importers {
namespace {

using ingest::CountText;
using ingest::detected;
using ingest::Detection;
using ingest::ImportItem;
using ingest::Sniff;
using ingest::TimeFormat;
using ingest::Value;
using simdjson::ondemand::json_type;

constexpr std::array<std::string_view, 13> kPostKeys = {
    "id",       "created_at",        "author",      "text",    "url",
    "hashtags", "mentions",          "in_reply_to", "metrics", "comments",
    "account",  "comments_exported", "platform"};
// The longest platform name a post may give.
constexpr std::size_t kPlatformBytes = 64;
constexpr std::array<std::string_view, 6> kCommentKeys = {"id",   "author",    "created_at",
                                                          "text", "parent_id", "likes"};
constexpr std::array<std::string_view, 5> kAccountKeys = {"id", "handle", "platform", "followers",
                                                          "aliases"};
constexpr std::array<std::string_view, 2> kReplyToKeys = {"author", "id"};

// The fields that must be present, checked after an object was read.
void require(Value& object, std::initializer_list<std::pair<bool, std::string_view>> fields) {
  for (const auto& [seen, name] : fields) {
    if (!seen) {
      const ingest::PathStep step{&object.at(), name, 0, false};
      throw ingest::SchemaViolation{fmt::format("missing required field \"{}\"", name),
                                    step.pointer()};
    }
  }
}

void read_comment(Value& v, ingest::CommentRecord& out) {
  if (v.type() != json_type::object) {
    v.fail(fmt::format("a comment must be an object, not {}", ingest::type_name(v.type())));
  }
  bool has_id = false;
  bool has_author = false;
  bool has_time = false;
  v.each_field(kCommentKeys, [&](std::string_view key, Value& f) {
    if (key == "id") {
      out.id = f.id();
      has_id = true;
    } else if (key == "author") {
      const auto author = f.optional_string();
      if (!author || author->empty()) {
        f.fail("\"author\" must be a non-empty string");
      }
      out.author = *author;
      has_author = true;
    } else if (key == "created_at") {
      out.created_at = f.time(TimeFormat::rfc3339);
      has_time = true;
    } else if (key == "text") {
      out.text = f.optional_string().value_or("");
    } else if (key == "parent_id") {
      if (f.repeated()) {
        out.parent_id = {};
        out.has_parent = false;
      }
      if (const auto parent = f.optional_id()) {
        out.parent_id = *parent;
        out.has_parent = true;
      }
    } else if (key == "likes") {
      f.count();
    }
  });
  require(v, {{has_id, "id"}, {has_author, "author"}, {has_time, "created_at"}});
}

void read_metrics(Value& v, ingest::PostRecord& out) {
  v.each_field(kPostMetricNames, [&](std::string_view key, Value& f) {
    for (std::size_t i = 0; i < kPostMetricCount; ++i) {
      if (key == kPostMetricNames[i]) {
        if (f.repeated()) {
          out.unset(static_cast<PostMetric>(i));  // (a null given last leaves it unknown)
        }
        if (const auto count = f.count()) {
          out.set(static_cast<PostMetric>(i), *count);
        }
        return;
      }
    }
  });
}

void read_reply_to(Value& v, ingest::PostRecord& out) {
  v.each_field(kReplyToKeys, [&](std::string_view key, Value& f) {
    if (key == "author") {
      if (f.repeated()) {
        out.reply_to_author = {};
        out.has_reply_to = false;
      }
      if (const auto author = f.optional_string()) {
        out.reply_to_author = *author;
        out.has_reply_to = !author->empty();
      }
    } else if (key == "id") {
      // The post it answers: when that post is in the data, it decides (a self-thread).
      out.reply_to_post = f.optional_id().value_or("");
    }
  });
}

ingest::AccountRecord read_account(Value& v) {
  ingest::AccountRecord account;
  if (v.type() != json_type::object && v.type() != json_type::null) {
    v.fail(fmt::format("\"account\" must be an object, not {}", ingest::type_name(v.type())));
  }
  v.each_field(kAccountKeys, [&](std::string_view key, Value& f) {
    if (key == "id") {
      account.id = std::string(f.optional_id().value_or(""));
    } else if (key == "handle") {
      account.handle = std::string(f.optional_string().value_or(""));
    } else if (key == "platform") {
      account.platform = std::string(f.optional_string().value_or(""));
    } else if (key == "followers") {
      account.followers = f.count();
    } else if (key == "aliases") {
      account.aliases.clear();  // (the last list given is the list)
      f.each_element([&](Value& alias) {
        if (alias.type() != json_type::string) {
          alias.fail("\"aliases\" items must be strings");
        }
        account.aliases.emplace_back(alias.string());
      });
    }
  });
  return account;
}

void check_schema(Value& v) {
  if (v.is_null()) {
    return;
  }
  if (v.type() != json_type::string) {
    v.fail_type("the string \"ror/v1\"");
  }
  const std::string_view tag = v.string();
  if (tag != "ror/v1") {
    v.fail(fmt::format("unsupported schema \"{}\" (this ror reads \"ror/v1\")", tag));
  }
}

// Reads a post object into `out`. An NDJSON header line (`may_be_header`, no "id") instead fills
// `header` and sets `header_seen`; then the result is false.
bool read_post(Value& v, ingest::PostRecord& out, bool may_be_header, ingest::AccountRecord& header,
               bool& header_seen) {
  out.clear();
  if (v.type() != json_type::object) {
    v.fail(fmt::format("a post must be an object, not {}", ingest::type_name(v.type())));
  }
  bool has_id = false;
  bool has_time = false;
  v.each_field(kPostKeys, [&](std::string_view key, Value& f) {
    if (key == "id") {
      out.id = f.id();
      has_id = true;
    } else if (key == "created_at") {
      out.created_at = f.time(TimeFormat::rfc3339);
      has_time = true;
    } else if (key == "author") {
      if (f.repeated()) {
        out.author = {};
        out.has_author = false;
      }
      if (const auto author = f.optional_string(); author && !author->empty()) {
        out.author = *author;
        out.has_author = true;
      }
    } else if (key == "text") {
      out.text = f.optional_string().value_or(std::string_view{});
    } else if (key == "url") {
      out.url = f.optional_string().value_or("");
    } else if (key == "hashtags") {
      out.hashtags.clear();
      out.hashtags_listed = !f.is_null();
      if (out.hashtags_listed) {
        f.tags({}, '#', out.hashtags);
      }
    } else if (key == "mentions") {
      out.mentions.clear();
      out.mentions_listed = !f.is_null();
      if (out.mentions_listed) {
        f.tags({}, '@', out.mentions);
      }
    } else if (key == "in_reply_to") {
      if (f.repeated()) {
        out.reply_to_author = {};
        out.has_reply_to = false;
        out.reply_to_post = {};
      }
      read_reply_to(f, out);
    } else if (key == "metrics") {
      if (f.repeated()) {
        out.metrics = {};
        out.known = 0;
      }
      read_metrics(f, out);
    } else if (key == "comments") {
      out.comments.clear();  // (the last array given holds the comments)
      f.each_element([&](Value& c) { read_comment(c, out.comments.emplace_back()); });
    } else if (key == "comments_exported") {
      out.comments_known = f.optional_boolean().value_or(true);
    } else if (key == "platform") {
      // (a load of several platforms written back by ror convert: ids and authors are each
      // platform's own)
      out.platform = f.optional_string().value_or(std::string_view{});
      if (out.platform.size() > kPlatformBytes ||
          std::any_of(out.platform.begin(), out.platform.end(),
                      [](char c) { return static_cast<unsigned char>(c) < 0x20; })) {
        f.fail(
            fmt::format("a post's platform must be a name of at most {} bytes, such as "
                        "\"mastodon\"",
                        kPlatformBytes));
      }
    } else if (may_be_header && key == "account") {
      header = read_account(f);
      header_seen = true;
    } else if (may_be_header && key == "schema") {
      check_schema(f);
      header_seen = true;
    }
  });
  if (!has_id && header_seen) {
    return false;
  }
  require(v, {{has_id, "id"}, {has_time, "created_at"}});
  return true;
}

void read_member(std::string_view key, Value& v, ingest::RecordSink& out) {
  if (key == "schema") {
    check_schema(v);
  } else if (key == "account") {
    out.account(read_account(v));
  } else if (key == "posts" && !v.is_null()) {
    v.fail(fmt::format("\"posts\" must be an array, not {}", ingest::type_name(v.type())));
  }
}

void read(ImportItem& item, ingest::RecordSink& out) {
  thread_local ingest::PostRecord record;
  if (item.kind == ingest::ItemKind::member) {
    read_member(item.key, item.value, out);
    return;
  }
  if (item.kind == ingest::ItemKind::whole && item.value.type() != json_type::object) {
    item.value.fail("each NDJSON line must be a JSON object");
  }
  ingest::AccountRecord header;
  bool header_seen = false;
  const bool may_be_header = item.kind == ingest::ItemKind::whole && item.first;
  if (read_post(item.value, record, may_be_header, header, header_seen)) {
    out.post(record);
  } else if (!header.handle.empty() || !header.id.empty() || header.followers ||
             !header.aliases.empty() || !header.platform.empty()) {
    out.account(std::move(header));
  }
}

Detection detect(const Sniff& s) {
  using ingest::Framing;
  using ingest::FramingKind;
  using ingest::Shape;
  const Framing document{FramingKind::document, {"posts", {}}, false};
  if (s.shape == Shape::object) {
    if (s.get("schema").starts_with("ror/")) {
      return detected(100, document);
    }
    if (s.has("posts")) {
      return detected(60, document);
    }
    if (s.has("id") && s.has("created_at")) {
      return detected(40, {FramingKind::whole, {}, false});  // one post on its own
    }
    if (s.has("account") || s.has("schema")) {
      return detected(30, document);
    }
  }
  if (s.shape == Shape::lines) {
    const Framing lines{FramingKind::lines, {}, false};
    if (s.get("schema").starts_with("ror/") || s.get("account") == "{") {
      return detected(80, lines);
    }
    if (s.has("id") && s.has("created_at")) {
      return detected(50, lines);
    }
  }
  return {};
}

}  // namespace

const ingest::Importer kRorV1 = {
    "ror/v1",
    "",
    "ror's own format: a JSON document {\"schema\": \"ror/v1\", \"account\", \"posts\"} or "
    "NDJSON, one post per line (docs/format.md)",
    "whatever the file leaves out: a metric no post carries, comments of posts marked "
    "\"comments_exported\": false",
    true,
    detect,
    read,
};

}  // namespace ror::importers
