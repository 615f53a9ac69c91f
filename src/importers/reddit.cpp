// Reddit API responses as people save them: a thread (`/comments/<id>.json`: an array of two
// Listings, the link then its comments, nested through `replies`) and `/api/morechildren`
// responses (`{"json": {"data": {"things": [...]}}}`: flat comments that name their link and
// parent). Every comment is handed over apart from its post, so the comments a morechildren
// response gives join the thread's link whatever file holds it, and one given twice is one.
// `more` stubs stand for comments that exist and are absent: the thread's are counted by the
// comments they stand for; a morechildren response's restate parts of the thread's stubs, so
// they are counted as stubs only; each stub once, however many inputs give it (a thread saved
// twice). A listing on its own (a subreddit's or a user's page) gives links without their
// comments, and comments apart from their links; a comment tree of Arctic Shift's API gives a
// thread's comments without its link (docs/format.md, "Reddit API").
#include <array>
#include <string>
#include <vector>

#include "importers/importers.hpp"
#include "importers/reddit_thing.hpp"

namespace ror::importers {
namespace {

using ingest::AccountRecord;
using ingest::AccountRole;
using ingest::detected;
using ingest::Detection;
using ingest::FramingKind;
using ingest::ImportItem;
using ingest::Sniff;
using ingest::Value;
using reddit::Thing;

constexpr std::string_view kStubbed = "comments in 'more' stubs, not in the thread";
constexpr std::string_view kContinued = "'continue this thread' links (deeper replies, uncounted)";
constexpr std::string_view kRestated =
    "'more' stubs of morechildren responses (their comments counted in the thread's stubs)";
constexpr std::string_view kOther = "Reddit things that are neither links nor comments";
constexpr std::string_view kErrors = "API errors";

enum Variant : std::uint8_t { thread, morechildren, listing, tree };

// Reads a thing, {"kind": "t1", "data": {...}}, into `data` (read_thing, handing a Listing of
// replies to on_replies); returns its kind. Fails without either member.
template <typename OnReplies>
std::string_view read_kind_and_data(Value& v, Thing& data, OnReplies&& on_replies) {
  static constexpr std::array<std::string_view, 2> kKeys = {"kind", "data"};
  std::string_view kind;
  bool has_data = false;
  v.each_field(
      kKeys,
      [&](std::string_view key, Value& f) {
        if (key == "kind") {
          kind = f.string();
        } else if (key == "data") {
          reddit::read_thing(f, data, on_replies);
          has_data = true;
        }
      },
      false);
  if (kind.empty() || !has_data) {
    v.fail(kind.empty() ? "a thing needs a \"kind\"" : "a thing needs \"data\"");
  }
  return kind;
}

// Hands each of a Listing's children to `child`: {"kind": "Listing", "data": {"children":
// [...]}}.
template <typename Child>
void each_listed(Value& v, Child&& child) {
  static constexpr std::array<std::string_view, 2> kListing = {"kind", "data"};
  static constexpr std::array<std::string_view, 1> kData = {"children"};
  v.each_field(
      kListing,
      [&](std::string_view key, Value& f) {
        if (key == "kind") {
          if (f.string() != "Listing") {
            f.fail("\"kind\" must be \"Listing\" here");
          }
        } else if (key == "data") {
          f.each_field(kData, [&](std::string_view k, Value& children) {
            if (k == "children") {
              children.each_element(child, false);
            }
          });
        }
      },
      false);
}

// Reads the things of a thread or a morechildren response, at any depth of replies.
class ThreadReader {
 public:
  ThreadReader(ingest::RecordSink& out, bool morechildren) : out_(out), more_(morechildren) {}

  // A Listing of things.
  void listing(Value& v) {
    each_listed(v, [&](Value& t) { thing(t); });
  }

  // An array of things.
  void things(Value& v) {
    v.each_element([&](Value& t) { thing(t); }, false);
  }

  // Hands over the comments read, each before its replies (their views stay valid while the
  // item is read).
  void finish() {
    for (const Thing& c : comments_) {
      reddit::emit_comment(c, link_, out_);
    }
  }

 private:
  // One thing: {"kind": "t1", "data": {...}}. A comment's place in comments_ is taken before
  // its replies are read.
  void thing(Value& v) {
    const std::size_t slot = comments_.size();
    comments_.emplace_back();
    Thing data;
    const std::string_view kind =
        read_kind_and_data(v, data, [&](Value& replies) { listing(replies); });
    if (kind == "t1") {
      reddit::check_comment(data, link_, v);
      comments_[slot] = data;
      return;
    }
    comments_.erase(comments_.begin() + static_cast<std::ptrdiff_t>(slot));
    if (kind == "t3") {
      link(data, v);
    } else if (kind == "more") {
      stub(data);
    } else {
      out_.skip(kOther);
    }
  }

  void link(const Thing& data, Value& v) {
    reddit::check_link(data, v);
    reddit::emit_link(data, true, out_);
    link_ = data.id;
    // A thread is its link's author's, unless something names the account; Reddit's name for
    // a deleted account is no one's.
    if (data.has_author && data.author != "[deleted]" && data.author != "[removed]") {
      AccountRecord guess;
      guess.role = AccountRole::guess;
      guess.platform = std::string(reddit::kPlatform);
      guess.handle = std::string(data.author);
      out_.account(std::move(guess));
    }
  }

  void stub(const Thing& data) {
    const std::uint64_t n = reddit::stub_count(data);
    const std::string_view reason = more_ ? kRestated : n > 0 ? kStubbed : kContinued;
    const std::uint64_t stands_for = more_ || n == 0 ? 1 : n;
    if (data.id.empty()) {
      out_.skip(reason, stands_for);  // (nothing to know it by again)
      return;
    }
    // A stub is known by its parent and its id (its first child's, or "_" for every "continue
    // this thread" link), so the copies of a thread count it once between them.
    key_.assign(data.parent_id);
    if (data.parent_number) {
      key_.append(std::to_string(*data.parent_number));
    }
    key_.append(1, ' ').append(data.id);
    out_.skip_once(reason, key_, stands_for);
  }

  ingest::RecordSink& out_;
  bool more_;
  std::string_view link_;        // the thread's link, once read
  std::vector<Thing> comments_;  // in the order they begin
  std::string key_;              // scratch: a stub's key
};

// A morechildren response: {"json": {"errors": [...], "data": {"things": [...]}}}.
void read_morechildren(Value& v, ingest::RecordSink& out) {
  static constexpr std::array<std::string_view, 1> kTop = {"json"};
  static constexpr std::array<std::string_view, 2> kJson = {"errors", "data"};
  static constexpr std::array<std::string_view, 1> kData = {"things"};
  ThreadReader reader(out, true);
  v.each_field(kTop, [&](std::string_view key, Value& json) {
    if (key != "json") {
      return;
    }
    json.each_field(kJson, [&](std::string_view k, Value& f) {
      if (k == "errors") {
        f.each_element([&](Value&) { out.skip(kErrors); });
      } else if (k == "data") {
        f.each_field(kData, [&](std::string_view d, Value& things) {
          if (d == "things") {
            reader.things(things);
            reader.finish();
          }
        });
      }
    });
  });
}

// A Listing of links and comments on its own, a page as a subreddit's or a user's listing gives
// it (/r/NAME/new.json, /user/NAME/submitted.json, /user/NAME/comments.json): {"kind":
// "Listing", "data": {"children": [...]}}. It holds no thread: a link's comments are unknown, and
// a comment joins its link when another input gives it.
void read_listing(Value& v, ingest::RecordSink& out) {
  Thing data;
  each_listed(v, [&](Value& t) {
    const std::string_view kind =
        read_kind_and_data(t, data, [](Value& replies) { replies.skip(); });
    if (kind == "t3") {
      reddit::check_link(data, t);
      reddit::emit_link(data, false, out);
    } else if (kind == "t1") {
      reddit::check_comment(data, {}, t);
      reddit::emit_comment(data, {}, out);
    } else {
      out.skip(kOther);
    }
  });
}

// A comment tree as Arctic Shift's /api/comments/tree answers: {"data": [...]}, the things of a
// thread's comments Listing (comments nested through `replies`, and `more` stubs), each comment
// naming its link, which the tree does not hold.
void read_tree(Value& v, ingest::RecordSink& out) {
  static constexpr std::array<std::string_view, 1> kKeys = {"data"};
  ThreadReader reader(out, false);
  v.each_field(
      kKeys,
      [&](std::string_view key, Value& things) {
        if (key == "data") {
          reader.things(things);
        }
      },
      false);
  reader.finish();
}

void read(ImportItem& item, ingest::RecordSink& out) {
  if (item.variant == tree) {
    read_tree(item.value, out);
    return;
  }
  if (item.variant == morechildren) {
    read_morechildren(item.value, out);
    return;
  }
  if (item.variant == listing) {
    read_listing(item.value, out);
    return;
  }
  ThreadReader reader(out, false);
  item.value.each_element([&](Value& listing) { reader.listing(listing); }, false);
  reader.finish();
}

Detection detect(const Sniff& s) {
  using ingest::Shape;
  const ingest::Framing whole{FramingKind::whole, {}, false};
  if (s.shape == Shape::array && s.get("0/kind") == "Listing" &&
      s.get("0/data/children/0/kind") == "t3") {
    return detected(100, whole, thread);
  }
  if (s.shape == Shape::object && s.get("json/data/things") == "[") {
    const std::string_view kind = s.get("json/data/things/0/kind");
    return detected(kind == "t1" || kind == "more" ? 100 : 70, whole, morechildren);
  }
  if (s.shape == Shape::object && s.get("kind") == "Listing" && s.get("data/children") == "[") {
    const std::string_view kind = s.get("data/children/0/kind");
    // (not comments_apart: a user's overview mixes its links and comments)
    return detected(kind == "t1" || kind == "t3" ? 95 : 60, whole, listing);
  }
  if (s.shape == Shape::object && s.get("data") == "[" && !s.has("kind")) {
    const std::string_view kind = s.get("data/0/kind");
    if (kind == "t1" || kind == "more") {
      Detection d = detected(95, whole, tree);
      d.comments_apart = true;  // comments and stubs only
      return d;
    }
  }
  return {};
}

}  // namespace

const ingest::Importer kReddit = {
    "reddit",
    reddit::kPlatform,
    "Reddit API responses: a thread (/comments/<id>.json, the link and its nested comments), "
    "/api/morechildren responses, listings of links or comments (a subreddit's or a user's "
    "page), and Arctic Shift's comment trees (/api/comments/tree)",
    "the comments behind 'more' stubs and 'continue this thread' links that were not fetched, "
    "and a listing's links' comments (num_comments still counts them)",
    true,
    detect,
    read,
};

}  // namespace ror::importers
