// `ror convert`'s output: a dataset written back as ror/v1 (docs/format.md), a document or
// NDJSON, one post at a time. Scoring it gives the report of the inputs it came from.
#include "ror/convert.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "ror/error.hpp"

namespace ror {
namespace {

using Json = nlohmann::ordered_json;

// A list kept one entry per '\x1f'-separated part ("" is no entry).
Json split_list(std::string_view joined) {
  Json list = Json::array();
  while (!joined.empty()) {
    const std::size_t cut = joined.find(kListSeparator);
    list.push_back(std::string(joined.substr(0, cut)));
    joined = cut == std::string_view::npos ? std::string_view{} : joined.substr(cut + 1);
  }
  return list;
}

Json account_json(const Account& a) {
  Json out = Json::object();
  if (!a.id.empty()) {
    out["id"] = a.id;
  }
  if (!a.handle.empty()) {
    out["handle"] = a.handle;
  }
  if (!a.platform.empty()) {
    out["platform"] = a.platform;
  }
  if (a.followers) {
    out["followers"] = *a.followers;
  }
  out["aliases"] = a.names;
  return out;
}

// The account's name as an author: the given one, else the name it goes by.
std::string account_name(const Dataset& d, AuthorId given) {
  if (given != kNone) {
    return std::string(d.authors.name(given));
  }
  const Account& a = d.account;
  return !a.handle.empty() ? a.handle : !a.names.empty() ? a.names.front() : a.id;
}

Json post_json(const Dataset& d, std::size_t i, bool says_platform) {
  const Post& p = d.posts[i];
  const PostDetails& details = d.details->posts[i];
  Json out{{"id", std::string(d.post_ids[i])}};
  // A post that says its platform: its ids and its authors are that platform's
  // (reading them back tells "alice" on X from "alice" on Mastodon, as the load did).
  if (says_platform && !d.platforms[p.platform].empty()) {
    out["platform"] = d.platforms[p.platform];
  }
  out["created_at"] = format_utc_ms(p.created_at);
  if (p.author != kNone) {
    out["author"] = std::string(d.authors.name(p.author));
  }
  out["text"] = std::string(details.text);
  if (!details.url.empty()) {
    out["url"] = std::string(details.url);
  }
  if (details.hashtags_listed) {
    out["hashtags"] = split_list(details.hashtags);
  }
  if (details.mentions_listed) {
    out["mentions"] = split_list(details.mentions);
  }
  // What the load decided is written so that reading it back decides the same: outreach
  // answers somebody else, a self-thread's part answers the account, other posts nobody.
  if (p.kind == PostKind::outreach && p.reply_to != kNone) {
    out["in_reply_to"] = Json{{"author", std::string(d.authors.name(p.reply_to))}};
  } else if (p.continues_thread) {
    Json reply = Json::object();
    if (const std::string name = account_name(d, p.reply_to); !name.empty()) {
      reply["author"] = name;
    }
    if (!details.reply_to_id.empty()) {
      reply["id"] = std::string(details.reply_to_id);
    }
    out["in_reply_to"] = std::move(reply);
  }
  Json metrics = Json::object();
  for (std::size_t m = 0; m < kPostMetricCount; ++m) {
    if (p.has(static_cast<PostMetric>(m))) {
      metrics[std::string(kPostMetricNames[m])] = p.get(static_cast<PostMetric>(m));
    }
  }
  if (!metrics.empty()) {
    out["metrics"] = std::move(metrics);
  }
  if (!p.comments_known) {
    out["comments_exported"] = false;
  }
  Json comments = Json::array();
  for (std::uint32_t k = 0; k < p.comment_count; ++k) {
    const std::uint32_t index = p.first_comment + k;
    const Comment& c = d.comments[index];
    const CommentDetails& cd = d.details->comments[index];
    Json comment{{"id", std::string(cd.id)},
                 {"author", std::string(d.authors.name(c.author))},
                 {"created_at", format_utc_ms(c.created_at)},
                 {"text", std::string(cd.text)}};
    if (c.parent != kNone) {
      comment["parent_id"] = std::string(d.details->comments[c.parent].id);
    }
    comments.push_back(std::move(comment));
  }
  if (!comments.empty()) {
    out["comments"] = std::move(comments);
  }
  return out;
}

std::string dump(const Json& j) {
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace

void write_ror_v1(const Dataset& data, bool ndjson, std::ostream& out) {
  if (!data.details) {
    throw Error(ExitCode::usage, "the dataset was loaded without its texts (keep_details)");
  }
  const Json account = account_json(data.account);
  // Posts of several platforms each say theirs; so do posts of one when the account names
  // none, which would leave them in the file's own namespace (`--by platform` names it).
  const bool says_platform = data.account.platform.empty() ||
                             std::any_of(data.posts.begin(), data.posts.end(), [&](const Post& p) {
                               return p.platform != data.posts.front().platform;
                             });
  if (ndjson) {
    out << dump(Json{{"schema", "ror/v1"}, {"account", account}}) << '\n';
    for (std::size_t i = 0; i < data.posts.size(); ++i) {
      out << dump(post_json(data, i, says_platform)) << '\n';
    }
    return;
  }
  out << "{\"schema\": \"ror/v1\",\n \"account\": " << dump(account) << ",\n \"posts\": [";
  for (std::size_t i = 0; i < data.posts.size(); ++i) {
    out << (i == 0 ? "\n  " : ",\n  ") << dump(post_json(data, i, says_platform));
  }
  out << "\n ]}\n";
}

}  // namespace ror
