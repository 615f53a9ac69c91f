// Mastodon REST API responses as people save them: pages of statuses (an account's statuses, a
// timeline), one status, a status's context ({"ancestors": [...], "descendants": [...]}) and an
// account. Ids are the server's own numbers. A context's statuses are placed as comments under
// its thread's first status when that status is the account's (docs/format.md, "Threads"); when
// the context does not hold its first status, a stand-in is made for it from its id (Mastodon ids
// begin with the time in milliseconds) and the author of the replies to it.
#include <string>
#include <unordered_map>

#include <fmt/format.h>

#include "importers/importers.hpp"
#include "ror/text.hpp"

namespace ror::importers {
namespace {

using ingest::AccountRecord;
using ingest::AccountRole;
using ingest::detected;
using ingest::Detection;
using ingest::FramingKind;
using ingest::ImportItem;
using ingest::Sniff;
using ingest::TimeFormat;
using ingest::Value;
using simdjson::ondemand::json_type;

constexpr std::string_view kPlatform = "mastodon";
constexpr std::string_view kBoosts = "reposts (boosts), not the account's writing";
constexpr std::string_view kDirect = "direct messages";

enum Variant : std::uint8_t { statuses, status, context, account };

// One status as read, with the strings its record points to.
struct Status {
  ingest::PostRecord record;
  std::string author;
  std::string reply_author;
  std::string text;
  std::string account_id;
  std::string reply_account_id;
  std::string in_reply_to;
  AccountRecord profile;
  bool boost = false;
  bool direct = false;
};

AccountRecord read_account_object(Value& v) {
  static constexpr std::array<std::string_view, 6> kKeys = {
      "id", "acct", "username", "display_name", "followers_count", "url"};
  AccountRecord a;
  a.platform = std::string(kPlatform);
  v.each_field(kKeys, [&](std::string_view key, Value& f) {
    if (key == "id") {
      a.id = std::string(f.id());
    } else if (key == "acct") {
      a.handle = std::string(f.string());
    } else if (key == "username" || key == "display_name" || key == "url") {
      if (const auto name = f.optional_string(); name && !name->empty()) {
        a.aliases.emplace_back(*name);
      }
    } else if (key == "followers_count") {
      a.followers = f.count();
    }
  });
  return a;
}

// Reads a Status object. `names` maps account ids to accts seen so far (for the account a reply
// answers).
void read_status(Value& v, Status& out, ingest::RecordSink& sink,
                 std::unordered_map<std::string, std::string>& names) {
  static constexpr std::array<std::string_view, 15> kKeys = {"id",
                                                             "created_at",
                                                             "in_reply_to_id",
                                                             "in_reply_to_account_id",
                                                             "content",
                                                             "spoiler_text",
                                                             "account",
                                                             "reblog",
                                                             "mentions",
                                                             "tags",
                                                             "favourites_count",
                                                             "reblogs_count",
                                                             "replies_count",
                                                             "quotes_count",
                                                             "visibility"};
  out.record.clear();
  for (std::string* field : {&out.author, &out.reply_author, &out.text, &out.account_id,
                             &out.reply_account_id, &out.in_reply_to}) {
    field->clear();
  }
  out.profile = AccountRecord{};
  out.boost = false;
  out.direct = false;
  ingest::PostRecord& r = out.record;
  std::string_view content;
  std::string_view spoiler;
  bool has_id = false;
  bool has_time = false;
  r.hashtags_listed = true;
  r.mentions_listed = true;
  if (v.type() != json_type::object) {
    v.fail(fmt::format("a status must be an object, not {}", ingest::type_name(v.type())));
  }
  v.each_field(kKeys, [&](std::string_view key, Value& f) {
    if (key == "id") {
      r.id = f.id();
      has_id = true;
    } else if (key == "created_at") {
      r.created_at = f.time(TimeFormat::rfc3339);
      has_time = true;
    } else if (key == "in_reply_to_id") {
      out.in_reply_to = std::string(f.optional_id().value_or(""));
    } else if (key == "in_reply_to_account_id") {
      out.reply_account_id = std::string(f.optional_id().value_or(""));
    } else if (key == "content") {
      content = f.optional_string().value_or("");
    } else if (key == "spoiler_text") {
      spoiler = f.optional_string().value_or("");
    } else if (key == "account") {
      out.profile = read_account_object(f);
      out.profile.role = AccountRole::profile;
      out.author = out.profile.handle;
      out.account_id = out.profile.id;
    } else if (key == "reblog") {
      out.boost = !f.is_null();
    } else if (key == "mentions") {
      static constexpr std::array<std::string_view, 2> kMention = {"id", "acct"};
      f.each_element([&](Value& m) {
        std::string_view id;
        std::string_view acct;
        m.each_field(kMention, [&](std::string_view k, Value& mf) {
          if (k == "id") {
            id = mf.id();
          } else if (k == "acct") {
            acct = mf.string();
          }
        });
        if (!acct.empty()) {
          r.mentions.push_back(acct);
          names.try_emplace(std::string(id), std::string(acct));
        }
      });
    } else if (key == "tags") {
      f.tags("name", '#', r.hashtags);
    } else if (key == "favourites_count" || key == "reblogs_count" || key == "replies_count" ||
               key == "quotes_count") {
      if (const auto n = f.count()) {
        r.set(key == "favourites_count" ? PostMetric::likes
              : key == "reblogs_count"  ? PostMetric::shares
              : key == "replies_count"  ? PostMetric::replies
                                        : PostMetric::quotes,
              *n);
      }
    } else if (key == "visibility") {
      out.direct = f.optional_string().value_or("") == "direct";
    }
  });
  if (!has_id || !has_time) {
    v.fail(has_id ? "a status needs \"created_at\"" : "a status needs an \"id\"");
  }
  if (!out.account_id.empty()) {
    names.try_emplace(out.account_id, out.author);
  }
  out.text = spoiler.empty() ? std::string() : std::string(sink.html_text(spoiler)) + "\n";
  out.text.append(sink.html_text(content));
  r.threaded = true;
  r.comments_known = false;  // a page holds no replies (a context does)
}

// Hands a status over: a boost or a direct message is counted and left out.
void emit(Status& s, ingest::RecordSink& out,
          const std::unordered_map<std::string, std::string>& names) {
  if (s.boost) {
    out.skip(kBoosts);
    return;
  }
  if (s.direct) {
    out.skip(kDirect);
    return;
  }
  // (The record's views into the status's own strings are set here, once it stays put.)
  s.record.author = s.author;
  s.record.has_author = !s.author.empty();
  s.record.reply_to_post = s.in_reply_to;
  s.record.text = s.text;
  if (!s.reply_account_id.empty()) {
    const auto it = names.find(s.reply_account_id);
    s.reply_author = s.reply_account_id == s.account_id ? s.author
                     : it != names.end()                ? it->second
                                                        : s.reply_account_id;
    s.record.reply_to_author = s.reply_author;
    s.record.has_reply_to = true;
  }
  if (!s.profile.handle.empty()) {
    out.account(s.profile);
  }
  out.post(s.record);
}

// A context: its statuses, the first status of its thread, and a stand-in for that status when
// the context does not hold it.
void read_context(Value& v, ingest::RecordSink& out) {
  static constexpr std::array<std::string_view, 2> kKeys = {"ancestors", "descendants"};
  std::unordered_map<std::string, std::string> names;
  std::vector<Status> all;
  v.each_field(kKeys, [&](std::string_view /*key*/, Value& list) {
    list.each_element([&](Value& s) { read_status(s, all.emplace_back(), out, names); }, false);
  });
  // The thread's first status: the first ancestor, else what the first descendant answers.
  std::string root;
  std::string root_account;
  std::unordered_map<std::string, bool> present;
  for (const Status& s : all) {
    present[std::string(s.record.id)] = true;
  }
  for (const Status& s : all) {
    if (s.in_reply_to.empty() || !present.count(s.in_reply_to)) {
      root = s.in_reply_to.empty() ? std::string(s.record.id) : s.in_reply_to;
      root_account = s.in_reply_to.empty() ? s.account_id : s.reply_account_id;
      break;
    }
  }
  for (Status& s : all) {
    s.record.conversation = root;
    s.record.comments_known = true;  // a context holds its thread's replies
    emit(s, out, names);
  }
  if (!root.empty() && !present.count(root)) {
    // Mastodon ids begin with milliseconds since 1970 (the low 16 bits are a sequence).
    std::uint64_t id = 0;
    const bool numeric =
        root.size() < 20 && root.find_first_not_of("0123456789") == std::string::npos;
    for (const char c : root) {
      id = numeric ? id * 10 + static_cast<std::uint64_t>(c - '0') : 0;
    }
    const auto it = names.find(root_account);
    if (numeric && id > 0 && it != names.end()) {
      ingest::PostRecord stand_in;
      stand_in.id = root;
      stand_in.created_at = static_cast<TimeMs>(id >> 16);
      stand_in.author = it->second;
      stand_in.has_author = true;
      stand_in.threaded = true;
      stand_in.conversation = root;
      out.post(stand_in);
      AccountRecord guess;
      guess.role = AccountRole::guess;
      guess.handle = it->second;
      out.account(std::move(guess));
    }
  }
}

void read(ImportItem& item, ingest::RecordSink& out) {
  if (item.kind == ingest::ItemKind::member) {
    return;
  }
  switch (item.variant) {
    case statuses:
    case status: {
      thread_local Status s;
      std::unordered_map<std::string, std::string> names;
      read_status(item.value, s, out, names);
      emit(s, out, names);
      break;
    }
    case context:
      read_context(item.value, out);
      break;
    case account: {
      AccountRecord a = read_account_object(item.value);
      out.account(std::move(a));
      break;
    }
    default:
      break;
  }
}

Detection detect(const Sniff& s) {
  using ingest::Shape;
  const ingest::Framing whole{FramingKind::whole, {}, false};
  const auto status_at = [&](std::string_view prefix) {
    const std::string p(prefix);
    return s.has(p + "id") && s.has(p + "created_at") && s.get(p + "account") == "{" &&
           s.has(p + "content");
  };
  if (s.shape == Shape::array && status_at("0/")) {
    return detected(90, {FramingKind::document, {}, false}, statuses);
  }
  if (s.shape == Shape::object && s.get("ancestors") == "[" && s.get("descendants") == "[") {
    return detected(100, whole, context);
  }
  if (s.shape == Shape::object && status_at("")) {
    return detected(90, whole, status);
  }
  if (s.shape == Shape::lines && status_at("")) {
    return detected(85, {FramingKind::lines, {}, false}, status);
  }
  if (s.shape == Shape::object && s.has("acct") && s.has("username") && s.has("followers_count")) {
    return detected(90, whole, account);
  }
  return {};
}

}  // namespace

const ingest::Importer kMastodonApi = {
    "mastodon-api",
    kPlatform,
    "Mastodon REST API responses: pages of statuses, a status, a context (a thread), an account",
    "the replies that were not fetched (a status page holds no replies; a context holds its "
    "thread's)",
    true,
    detect,
    read,
};

}  // namespace ror::importers
