// Mastodon REST API responses as people save them: pages of statuses (an account's statuses, a
// timeline), one status, a status's context ({"ancestors": [...], "descendants": [...]}) and an
// account. Ids are the server's own numbers. A context's statuses are placed as comments under
// its thread's first status when that status is the account's (docs/format.md, "Threads"); when
// the context does not hold its first status, a stand-in is made for it from its id (Mastodon ids
// begin with the time in milliseconds) and the author of the replies to it.
#include <algorithm>
#include <optional>
#include <string>
#include <vector>

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

// Account ids and the accts they stand for, as one response shows them (few: a linear list).
class Names {
 public:
  void add(std::string_view id, std::string_view acct) {
    if (!id.empty() && !acct.empty() && find(id).empty()) {
      pairs_.emplace_back(id, acct);
    }
  }
  std::string_view find(std::string_view id) const {
    for (const auto& [known, acct] : pairs_) {
      if (known == id) {
        return acct;
      }
    }
    return {};
  }
  void clear() { pairs_.clear(); }

 private:
  std::vector<std::pair<std::string_view, std::string_view>> pairs_;
};

// One status as read. Its views point into the parser's buffers (valid while the response is
// read); its text is its own, since HTML is made text in a buffer reused from call to call.
struct Status {
  ingest::PostRecord record;
  std::string text;
  std::string_view author;  // account.acct
  std::string_view account_id;
  std::string_view reply_account_id;
  std::string_view in_reply_to;
  std::string_view display_name;
  std::optional<std::int64_t> followers;
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

// A status's account: its id, acct and follower count (what a profile needs).
void read_status_account(Value& v, Status& out) {
  static constexpr std::array<std::string_view, 4> kKeys = {"id", "acct", "display_name",
                                                            "followers_count"};
  v.each_field(kKeys, [&](std::string_view key, Value& f) {
    if (key == "id") {
      out.account_id = f.id();
    } else if (key == "acct") {
      out.author = f.string();
    } else if (key == "display_name") {
      out.display_name = f.optional_string().value_or("");
    } else if (key == "followers_count") {
      out.followers = f.count();
    }
  });
}

void read_mentions(Value& v, Status& out, Names& names) {
  static constexpr std::array<std::string_view, 2> kMention = {"id", "acct"};
  v.each_element([&](Value& m) {
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
      out.record.mentions.push_back(acct);
      names.add(id, acct);
    }
  });
}

// Reads a Status object. `names` gathers the account ids and accts the response shows (for the
// account a reply answers).
void read_status(Value& v, Status& out, ingest::RecordSink& sink, Names& names) {
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
  out.text.clear();
  out.author = out.account_id = out.reply_account_id = out.in_reply_to = out.display_name = {};
  out.followers.reset();
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
      out.in_reply_to = f.optional_id().value_or("");
    } else if (key == "in_reply_to_account_id") {
      out.reply_account_id = f.optional_id().value_or("");
    } else if (key == "content") {
      content = f.optional_string().value_or("");
    } else if (key == "spoiler_text") {
      spoiler = f.optional_string().value_or("");
    } else if (key == "account") {
      read_status_account(f, out);
    } else if (key == "reblog") {
      out.boost = !f.is_null();
    } else if (key == "mentions") {
      if (f.repeated()) {
        out.record.mentions.clear();
      }
      read_mentions(f, out, names);
    } else if (key == "tags") {
      if (f.repeated()) {
        r.hashtags.clear();  // the last list given is the list
      }
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
  names.add(out.account_id, out.author);
  if (!spoiler.empty()) {
    out.text.assign(sink.html_text(spoiler)).push_back('\n');
  }
  out.text.append(sink.html_text(content));
  r.threaded = true;
  r.comments_known = false;    // a page holds no replies (a context does)
  r.collects_replies = false;  // nor, placed under the account's status, does it show them
}

// Hands a status over: a boost or a direct message is counted and left out. The profile of its
// author goes with it (the batch keeps one per person).
void emit(Status& s, ingest::RecordSink& out, const Names& names) {
  if (s.boost) {
    out.skip(kBoosts);
    return;
  }
  if (s.direct) {
    out.skip(kDirect);
    return;
  }
  ingest::PostRecord& r = s.record;
  r.author = s.author;
  r.has_author = !s.author.empty();
  r.reply_to_post = s.in_reply_to;
  r.text = s.text;
  if (!s.reply_account_id.empty()) {
    const std::string_view known = names.find(s.reply_account_id);
    r.reply_to_author = s.reply_account_id == s.account_id ? s.author
                        : !known.empty()                   ? known
                                                           : s.reply_account_id;
    r.has_reply_to = true;
  }
  if (!s.author.empty()) {
    AccountRecord profile;
    profile.role = AccountRole::profile;
    profile.platform = std::string(kPlatform);
    profile.id = std::string(s.account_id);
    profile.handle = std::string(s.author);
    profile.followers = s.followers;
    out.account(std::move(profile));
  }
  out.post(r);
}

// A context: its statuses, the first status of its thread, and a stand-in for that status when
// the context does not hold it.
void read_context(Value& v, ingest::RecordSink& out) {
  static constexpr std::array<std::string_view, 2> kKeys = {"ancestors", "descendants"};
  thread_local std::vector<Status> all;  // reused, with the allocations of its statuses
  thread_local Names names;
  thread_local std::vector<std::string_view> present;
  names.clear();
  std::size_t count = 0;
  v.each_field(kKeys, [&](std::string_view key, Value& list) {
    if (key != "ancestors" && key != "descendants") {
      return;  // (walked, not read)
    }
    list.each_element(
        [&](Value& s) {
          if (count == all.size()) {
            all.emplace_back();
          }
          read_status(s, all[count++], out, names);
        },
        false);
  });
  // The thread's first status: the first ancestor, else what the first descendant answers.
  present.clear();
  for (std::size_t i = 0; i < count; ++i) {
    present.push_back(all[i].record.id);
  }
  std::sort(present.begin(), present.end());
  const auto is_present = [&](std::string_view id) {
    return std::binary_search(present.begin(), present.end(), id);
  };
  std::string_view root;
  std::string_view root_account;
  for (std::size_t i = 0; i < count; ++i) {
    const Status& s = all[i];
    if (s.in_reply_to.empty() || !is_present(s.in_reply_to)) {
      root = s.in_reply_to.empty() ? s.record.id : s.in_reply_to;
      root_account = s.in_reply_to.empty() ? s.account_id : s.reply_account_id;
      break;
    }
  }
  for (std::size_t i = 0; i < count; ++i) {
    all[i].record.conversation = root;
    all[i].record.comments_known = true;  // a context holds its thread's replies
    all[i].record.collects_replies = true;
    emit(all[i], out, names);
  }
  // The thread's first author is taken for the account when nothing names one.
  if (const std::string_view author = names.find(root_account); !author.empty()) {
    AccountRecord guess;
    guess.role = AccountRole::guess;
    guess.handle = std::string(author);
    out.account(std::move(guess));
  }
  if (root.empty() || is_present(root)) {
    return;
  }
  // Mastodon ids begin with milliseconds since 1970 (the low 16 bits are a sequence).
  std::uint64_t id = 0;
  const bool numeric =
      root.size() < 20 && root.find_first_not_of("0123456789") == std::string_view::npos;
  for (const char c : root) {
    id = numeric ? id * 10 + static_cast<std::uint64_t>(c - '0') : 0;
  }
  const std::string_view author = names.find(root_account);
  if (numeric && id > 0 && !author.empty()) {
    ingest::PostRecord stand_in;
    stand_in.id = root;
    stand_in.created_at = static_cast<TimeMs>(id >> 16);
    stand_in.author = author;
    stand_in.has_author = true;
    stand_in.stand_in = true;
    stand_in.threaded = true;
    stand_in.conversation = root;
    out.post(stand_in);
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
      thread_local Names names;
      names.clear();
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
