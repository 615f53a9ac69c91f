// Bluesky XRPC responses as people save them: app.bsky.feed.getAuthorFeed ({"feed": [...],
// "cursor"}: an actor's posts, replies and reposts), app.bsky.feed.getPostThread ({"thread":
// {post, parent, replies}}: a post with the replies under it, nested), app.bsky.actor.getProfiles
// ({"profiles": [...]}) and app.bsky.actor.getProfile (one profile). A post's id is its at://
// URI. Replies are posts too: every post is a status, placed once the account is known
// (docs/format.md, "Threads"), with the conversation its record names (reply.root). Hashtags
// and mentions are the record's facets, whose places are UTF-8 byte offsets into its text.
#include <array>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>

#include "importers/importers.hpp"
#include "ror/keyed_hash.hpp"

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

constexpr std::string_view kPlatform = "bluesky";
constexpr std::string_view kReposts = "reposts, not the account's writing";
constexpr std::string_view kContext = "posts shown as a reply's context (its root and parent)";
constexpr std::string_view kMissing = "posts a response shows as not found or blocked";
constexpr std::string_view kPinned = "pinned copies of posts (the post comes again in the feed)";
constexpr std::string_view kIndexed =
    "createdAt times that are not RFC 3339 (the post placed by its indexedAt)";

enum Variant : std::uint8_t { feed, thread, profiles, profile };

// The handle the AppView shows for an account whose handle it cannot verify (its DID document
// and DNS or well-known record disagree, or it could not reach them: common in outages). Any
// number of people show it at once, so it names nobody: their DID stands in its place, as the
// author, the account and in links (bsky.app takes a DID where a handle goes).
constexpr std::string_view kInvalidHandle = "handle.invalid";

// A facet of a record's text: a tag, or a mention whose handle is the text it covers.
struct Facet {
  std::uint64_t start = 0;  // UTF-8 byte offsets into the text
  std::uint64_t end = 0;
  std::string_view tag;  // a #tag feature's tag
  std::string_view did;  // a #mention feature's DID
  bool mention = false;
};

// One post as read (a PostView). Its views point into the parser's buffers, valid while the
// response is read.
struct Status {
  ingest::PostRecord record;
  std::string url;
  std::string_view did;
  std::string_view handle;
  std::string_view parent_uri;     // record.reply.parent.uri
  std::string_view root_uri;       // record.reply.root.uri
  std::string_view parent_author;  // the parent's handle, when the response shows it
  std::vector<Facet> facets;
  bool repost = false;
  bool by_index = false;  // placed by indexedAt: counted under kIndexed when it is read
};

// The DID of an at:// URI ("at://did:plc:x/app.bsky.feed.post/y" -> "did:plc:x"), or "".
std::string_view did_of(std::string_view uri) {
  constexpr std::string_view kScheme = "at://";
  if (uri.substr(0, kScheme.size()) != kScheme) {
    return {};
  }
  uri.remove_prefix(kScheme.size());
  return uri.substr(0, uri.find('/'));
}

// The handle and DID of a profile view (a post's author, a repost's `by`): handle.invalid
// is read as the DID.
void read_actor(Value& v, std::string_view& did, std::string_view& handle) {
  static constexpr std::array<std::string_view, 2> kKeys = {"did", "handle"};
  v.each_field(kKeys, [&](std::string_view key, Value& f) {
    if (key == "did") {
      did = f.string();
    } else if (key == "handle") {
      handle = f.string();
    }
  });
  if (handle == kInvalidHandle) {
    handle = did;
  }
}

// The uri of a strong reference ({"uri", "cid"}).
std::string_view read_ref(Value& v) {
  static constexpr std::array<std::string_view, 1> kKeys = {"uri"};
  std::string_view uri;
  v.each_field(kKeys, [&](std::string_view key, Value& f) {
    if (key == "uri") {
      uri = f.string();
    }
  });
  return uri;
}

void read_facets(Value& v, std::vector<Facet>& out) {
  static constexpr std::array<std::string_view, 2> kFacet = {"index", "features"};
  static constexpr std::array<std::string_view, 2> kIndex = {"byteStart", "byteEnd"};
  static constexpr std::array<std::string_view, 3> kFeature = {"$type", "tag", "did"};
  v.each_element([&](Value& facet) {
    Facet at;
    std::vector<Facet> found;
    facet.each_field(kFacet, [&](std::string_view key, Value& f) {
      if (key == "index") {
        f.each_field(kIndex, [&](std::string_view k, Value& n) {
          if (k == "byteStart") {
            at.start = static_cast<std::uint64_t>(n.count().value_or(0));
          } else if (k == "byteEnd") {
            at.end = static_cast<std::uint64_t>(n.count().value_or(0));
          }
        });
      } else if (key == "features") {
        f.each_element([&](Value& feature) {
          std::string_view type;
          Facet one;
          feature.each_field(kFeature, [&](std::string_view k, Value& ff) {
            if (k == "$type") {
              type = ff.string();
            } else if (k == "tag") {
              one.tag = ff.string();
            } else if (k == "did") {
              one.did = ff.string();
            }
          });
          if (type == "app.bsky.richtext.facet#tag" && !one.tag.empty()) {
            found.push_back(one);
          } else if (type == "app.bsky.richtext.facet#mention") {
            one.mention = true;
            found.push_back(one);
          }
        });
      }
    });
    for (Facet& f : found) {
      f.start = at.start;
      f.end = at.end;
      out.push_back(f);
    }
  });
}

// A createdAt that is not RFC 3339, kept to fail with where no indexedAt stands in for it
// (the post view is read by then: the error names its JSON Pointer, and the line its end).
struct BadTime {
  std::string what;
  std::string path;
};

// A post's record (app.bsky.feed.post): its text, time, facets and what it answers. A
// createdAt is the writer's own claim, and older clients wrote it without a zone or with
// "+0000": such a time is left in `bad` for the post view's indexedAt to replace.
void read_record(Value& v, Status& out, bool& has_time, std::optional<BadTime>& bad) {
  static constexpr std::array<std::string_view, 4> kKeys = {"text", "createdAt", "facets", "reply"};
  static constexpr std::array<std::string_view, 2> kReply = {"root", "parent"};
  v.each_field(kKeys, [&](std::string_view key, Value& f) {
    if (key == "text") {
      out.record.text = f.optional_string().value_or("");
    } else if (key == "createdAt") {
      has_time = true;
      bad.reset();
      if (f.type() != json_type::string) {
        out.record.created_at = f.time(TimeFormat::rfc3339);  // (fails: not a string)
        return;
      }
      const std::string_view text = f.string();
      if (const auto t = parse_rfc3339(text)) {
        out.record.created_at = *t;
      } else {
        bad = BadTime{fmt::format("\"createdAt\" is not an RFC 3339 date-time: \"{}\"", text),
                      f.at().pointer()};
      }
    } else if (key == "facets") {
      read_facets(f, out.facets);
    } else if (key == "reply") {
      f.each_field(kReply, [&](std::string_view k, Value& ref) {
        if (k == "root") {
          out.root_uri = read_ref(ref);
        } else if (k == "parent") {
          out.parent_uri = read_ref(ref);
        }
      });
    }
  });
}

// Reads a PostView.
void read_post(Value& v, Status& out) {
  static constexpr std::array<std::string_view, 9> kKeys = {
      "uri",        "author",     "record",        "likeCount", "repostCount",
      "replyCount", "quoteCount", "bookmarkCount", "indexedAt"};
  out.record.clear();
  out.url.clear();
  out.facets.clear();
  out.did = out.handle = out.parent_uri = out.root_uri = out.parent_author = {};
  out.repost = false;
  out.by_index = false;
  ingest::PostRecord& r = out.record;
  bool has_time = false;
  std::optional<BadTime> bad_time;
  std::optional<TimeMs> indexed;  // when the app view indexed it, by its own clock
  if (v.type() != json_type::object) {
    v.fail(fmt::format("a post must be an object, not {}", ingest::type_name(v.type())));
  }
  v.each_field(kKeys, [&](std::string_view key, Value& f) {
    if (key == "uri") {
      r.id = f.id();
    } else if (key == "author") {
      read_actor(f, out.did, out.handle);
    } else if (key == "record") {
      read_record(f, out, has_time, bad_time);
    } else if (key == "indexedAt") {
      indexed = f.type() == json_type::string ? parse_rfc3339(f.string()) : std::nullopt;
    } else if (const auto n = (key == "likeCount" || key == "repostCount" || key == "replyCount" ||
                               key == "quoteCount" || key == "bookmarkCount")
                                  ? f.count()
                                  : std::nullopt) {
      r.set(key == "likeCount"     ? PostMetric::likes
            : key == "repostCount" ? PostMetric::shares
            : key == "replyCount"  ? PostMetric::replies
            : key == "quoteCount"  ? PostMetric::quotes
                                   : PostMetric::bookmarks,
            *n);
    }
  });
  if (r.id.empty()) {
    v.fail("a post needs a \"uri\"");
  }
  if (!has_time) {
    v.fail("a post needs \"record.createdAt\"");
  }
  if (bad_time) {
    if (!indexed) {
      throw ingest::SchemaViolation{std::move(bad_time->what), std::move(bad_time->path)};
    }
    r.created_at = *indexed;
    out.by_index = true;
  }
  // Facets name places by UTF-8 bytes: a mention's handle is the text it covers, less its '@'.
  r.hashtags_listed = true;
  r.mentions_listed = true;
  for (const Facet& f : out.facets) {
    if (!f.mention) {
      r.hashtags.push_back(f.tag);
      continue;
    }
    std::string_view covered;
    if (f.start < f.end && f.end <= r.text.size()) {
      covered = r.text.substr(f.start, f.end - f.start);
    }
    if (covered.size() > 1 && covered.front() == '@') {
      r.mentions.push_back(covered.substr(1));
    } else if (!f.did.empty()) {
      r.mentions.push_back(f.did);
    }
  }
  r.author = out.handle.empty() ? out.did : out.handle;
  r.has_author = !r.author.empty();
  if (!out.handle.empty()) {
    const std::string_view rkey = r.id.substr(r.id.rfind('/') + 1);
    out.url = fmt::format("https://bsky.app/profile/{}/post/{}", out.handle, rkey);
  }
  r.threaded = true;
  r.reply_to_post = out.parent_uri;
  r.conversation = out.root_uri;
  r.comments_known = false;    // a feed holds no replies (a thread does)
  r.collects_replies = false;  // nor, placed under the account's post, does it show them
}

// Hands a post over with its author's profile; the addressee of a reply is the parent's
// author when the response shows it, else the DID its URI begins with.
void emit(Status& s, ingest::RecordSink& out) {
  if (s.repost) {
    out.skip(kReposts);
    return;
  }
  if (s.by_index) {
    out.skip(kIndexed);  // (the post is read: the count tells how many were placed so)
  }
  ingest::PostRecord& r = s.record;
  r.url = s.url;  // (set here: the status may have moved since it was read)
  if (!s.parent_uri.empty()) {
    r.reply_to_author = !s.parent_author.empty() ? s.parent_author : did_of(s.parent_uri);
    r.has_reply_to = !r.reply_to_author.empty();
  }
  if (!s.did.empty() && !s.handle.empty()) {
    AccountRecord a;
    a.role = AccountRole::profile;
    a.platform = std::string(kPlatform);
    a.id = std::string(s.did);
    a.handle = std::string(s.handle);
    out.account(std::move(a));
  }
  out.post(r);
}

// A feed's reply context entry ({root, parent}): a PostView, or a not-found or blocked post.
// Returns the handle of a PostView's author.
std::string_view read_context_post(Value& v, ingest::RecordSink& out) {
  static constexpr std::array<std::string_view, 2> kKeys = {"$type", "author"};
  std::string_view type;
  std::string_view did;
  std::string_view handle;
  v.each_field(kKeys, [&](std::string_view key, Value& f) {
    if (key == "$type") {
      type = f.string();
    } else if (key == "author") {
      read_actor(f, did, handle);
    }
  });
  if (type == "app.bsky.feed.defs#notFoundPost" || type == "app.bsky.feed.defs#blockedPost") {
    out.skip(kMissing);
    return {};
  }
  out.skip(kContext);
  return handle;
}

// A feed item (FeedViewPost): the post, the reply context, and why it is in the feed. The
// actor whose feed it is (a repost's `by`, else the first post's author) is taken for the
// account when nothing names one.
//
// A pinned post (reason #reasonPin) heads the first page bsky.app asks for, and comes again in
// its place, unless it is older than the pages fetched. The items of a feed may be read on
// several threads, so no item knows whether another copy comes: each post of a feed is given
// the rule that a later post with its id and text is the same post again (RepeatRule::
// same_text), which the merge applies in input order. The first copy, the pinned one, is
// kept; the later one is counted under kPinned, neither read again nor a warning; a pin that
// comes once is read once. Nothing else repeats a post in one getAuthorFeed response (a repost
// of one's own post is a #reasonRepost item, not read), and a later copy with another text is
// still a duplicate id.
void read_feed_item(Value& v, bool first, ingest::RecordSink& out) {
  static constexpr std::array<std::string_view, 3> kKeys = {"post", "reply", "reason"};
  static constexpr std::array<std::string_view, 2> kReply = {"root", "parent"};
  static constexpr std::array<std::string_view, 2> kReason = {"$type", "by"};
  thread_local Status s;
  bool has_post = false;
  std::string_view parent_author;
  std::string_view by_did;
  std::string_view by_handle;
  bool repost = false;
  if (v.type() != json_type::object) {
    v.fail(fmt::format("a feed item must be an object, not {}", ingest::type_name(v.type())));
  }
  v.each_field(kKeys, [&](std::string_view key, Value& f) {
    if (key == "post") {
      read_post(f, s);
      has_post = true;
    } else if (key == "reply") {
      f.each_field(kReply, [&](std::string_view k, Value& p) {
        if (k == "root" || k == "parent") {
          const std::string_view handle = read_context_post(p, out);
          parent_author = k == "parent" ? handle : parent_author;
        }
      });
    } else if (key == "reason") {
      f.each_field(kReason, [&](std::string_view k, Value& r) {
        if (k == "$type") {
          repost = r.string() == "app.bsky.feed.defs#reasonRepost";
        } else if (k == "by") {
          read_actor(r, by_did, by_handle);
        }
      });
    }
  });
  if (!has_post) {
    v.fail("a feed item needs a \"post\"");
  }
  s.repost = repost;
  s.parent_author = parent_author;
  s.record.repeat = ingest::RepeatRule::same_text;
  s.record.repeat_reason = kPinned;
  if (first) {
    AccountRecord guess;
    guess.role = AccountRole::guess;
    guess.platform = std::string(kPlatform);
    guess.id = std::string(repost ? by_did : s.did);
    guess.handle = std::string(repost ? by_handle : s.handle);
    if (!guess.id.empty() || !guess.handle.empty()) {
      out.account(std::move(guess));
    }
  }
  emit(s, out);
}

// A thread's node (ThreadViewPost, or a not-found or blocked post): its post, its ancestors
// (`parent`) and the replies under it, into `all` from index `count`.
void read_thread_node(Value& v, std::vector<Status>& all, std::size_t& count,
                      ingest::RecordSink& out) {
  static constexpr std::array<std::string_view, 4> kKeys = {"$type", "post", "parent", "replies"};
  std::string_view type;
  bool has_post = false;
  if (v.type() != json_type::object) {
    v.fail(fmt::format("a thread node must be an object, not {}", ingest::type_name(v.type())));
  }
  v.each_field(kKeys, [&](std::string_view key, Value& f) {
    if (key == "$type") {
      type = f.string();
    } else if (key == "post") {
      if (count == all.size()) {
        all.emplace_back();
      }
      read_post(f, all[count++]);
      has_post = true;
    } else if (key == "parent") {
      if (!f.is_null()) {
        read_thread_node(f, all, count, out);
      }
    } else if (key == "replies") {
      f.each_element([&](Value& reply) { read_thread_node(reply, all, count, out); });
    }
  });
  if (!has_post) {
    if (type.empty()) {
      v.fail("a thread node needs a \"post\" or a \"$type\"");
    }
    out.skip(kMissing);  // #notFoundPost, #blockedPost, or a kind this reader does not know
  }
}

// A thread: every post of it, with the replies it holds known; a reply's addressee is its
// parent's author when the parent is in the thread.
void read_thread(Value& v, ingest::RecordSink& out) {
  static constexpr std::array<std::string_view, 1> kKeys = {"thread"};
  thread_local std::vector<Status> all;  // reused, with the allocations of its posts
  std::size_t count = 0;
  bool has_thread = false;
  v.each_field(kKeys, [&](std::string_view key, Value& f) {
    if (key == "thread") {
      read_thread_node(f, all, count, out);
      has_thread = true;
    }
  });
  if (!has_thread) {
    v.fail("a thread response needs a \"thread\"");
  }
  thread_local std::unordered_map<std::string_view, std::string_view, KeyedStringHash> authors;
  authors.clear();
  for (std::size_t i = 0; i < count; ++i) {
    authors.emplace(all[i].record.id, all[i].record.author);
  }
  for (std::size_t i = 0; i < count; ++i) {
    Status& s = all[i];
    if (const auto it = authors.find(s.parent_uri); it != authors.end()) {
      s.parent_author = it->second;
    }
    s.record.comments_known = true;  // a thread holds the replies (as deep as it was asked)
    s.record.collects_replies = true;
    emit(s, out);
  }
}

// A profile view: the person's DID, handle, display name and followers.
AccountRecord read_profile(Value& v, AccountRole role) {
  static constexpr std::array<std::string_view, 4> kKeys = {"did", "handle", "displayName",
                                                            "followersCount"};
  AccountRecord a;
  a.role = role;
  a.platform = std::string(kPlatform);
  if (v.type() != json_type::object) {
    v.fail(fmt::format("a profile must be an object, not {}", ingest::type_name(v.type())));
  }
  v.each_field(kKeys, [&](std::string_view key, Value& f) {
    if (key == "did") {
      a.id = std::string(f.string());
    } else if (key == "handle") {
      a.handle = std::string(f.string());
    } else if (key == "displayName") {
      if (const auto name = f.optional_string(); name && !name->empty()) {
        a.aliases.emplace_back(*name);
      }
    } else if (key == "followersCount") {
      a.followers = f.count();
    }
  });
  if (a.handle == kInvalidHandle) {
    a.handle = a.id;  // (handle.invalid alone names nobody)
  }
  if (a.id.empty() && a.handle.empty()) {
    v.fail("a profile needs a \"did\" or a \"handle\"");
  }
  return a;
}

void read(ImportItem& item, ingest::RecordSink& out) {
  switch (item.variant) {
    case feed:
      if (item.kind == ingest::ItemKind::element) {
        read_feed_item(item.value, item.index == 0, out);
      }
      break;
    case thread:
      read_thread(item.value, out);
      break;
    case profiles:
      if (item.kind == ingest::ItemKind::element) {
        out.account(read_profile(item.value, AccountRole::profile));
      }
      break;
    case profile:
      out.account(read_profile(item.value, AccountRole::owner));
      break;
    default:
      break;
  }
}

Detection detect(const Sniff& s) {
  using ingest::Shape;
  if (s.shape != Shape::object) {
    return {};
  }
  const auto at_uri = [&](std::string_view path) { return s.get(path).substr(0, 5) == "at://"; };
  if (s.get("feed") == "[" && at_uri("feed/0/post/uri")) {
    return detected(95, {FramingKind::document, {"feed", {}}, false}, feed);
  }
  // The last page of a feed, {"feed": []}, perhaps with its cursor: read as nothing, so that a
  // folder of pages ends well and the page alone is an empty input.
  static constexpr std::array<std::string_view, 2> kEmptyFeed = {"feed", "cursor"};
  if (s.get("feed") == "[" && !s.has("feed/0") && s.only_members(kEmptyFeed)) {
    return detected(40, {FramingKind::document, {"feed", {}}, false}, feed);
  }
  if (s.get("thread") == "{" &&
      (at_uri("thread/post/uri") || s.get("thread/$type").substr(0, 17) == "app.bsky.feed.def")) {
    return detected(100, {FramingKind::whole, {}, false}, thread);
  }
  if (s.get("profiles") == "[" && s.get("profiles/0/did").substr(0, 4) == "did:" &&
      s.has("profiles/0/handle")) {
    return detected(95, {FramingKind::document, {"profiles", {}}, false}, profiles);
  }
  if (s.get("did").substr(0, 4) == "did:" && s.has("handle") &&
      (s.has("followersCount") || s.has("displayName"))) {
    return detected(90, {FramingKind::whole, {}, false}, profile);
  }
  return {};
}

}  // namespace

const ingest::Importer kBlueskyApi = {
    "bluesky-api",
    kPlatform,
    "Bluesky XRPC responses: getAuthorFeed pages, getPostThread threads, getProfiles and "
    "getProfile",
    "the replies that were not fetched (a feed holds no replies; a thread holds some of them), "
    "impressions and clicks",
    true,
    detect,
    read,
};

}  // namespace ror::importers
