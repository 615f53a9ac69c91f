// --format mastodon-outbox: the folder of a Mastodon account export, as far as ror reads it:
// outbox.json (an ActivityStreams OrderedCollection of the account's activities, oldest first, on
// one line as Mastodon writes it: a Create of a Note for each status, an Announce for each boost)
// and actor.json (the account, a Person). An outbox holds the account's own statuses only.
#include <string>

#include "gen/formats.hpp"
#include "gen/json_writer.hpp"
#include "gen/mastodon.hpp"
#include "gen/output.hpp"
#include "gen/statuses.hpp"

namespace gen {

namespace {

constexpr uint64_t kUnitBytes = 12500;  // outbox bytes per conversation, measured
constexpr std::string_view kPublic = "https://www.w3.org/ns/activitystreams#Public";
constexpr int kTotalWidth = 20;  // room for totalItems, filled in at the end

class Outbox {
 public:
  explicit Outbox(const StatusStream& stream)
      : people_(stream.brand(), stream.audience(), stream.account_key(), stream.followers()),
        text_maker_(stream.brand(), stream.audience()) {
    people_.mastodon_actor_uri(actor_, kAccount);
    followers_ = actor_ + "/followers";
  }

  const People& people() const { return people_; }
  const std::string& actor() const { return actor_; }

  void activity(JsonWriter& w, const Status& s, const std::vector<Status>& unit) {
    const uint64_t id = mastodon_id(s.t, s.seq);
    uri_.clear();
    status_uri(uri_, people_, kAccount, id);
    const bool boost = s.kind == StatusKind::repost;
    w.begin_object();
    if (boost) {
      w.field("@context", "https://www.w3.org/ns/activitystreams");
    }
    w.field("id", uri_ + "/activity");
    w.field("type", boost ? "Announce" : "Create");
    w.field("actor", actor_);
    scratch_.clear();
    iso_time(scratch_, s.t, false);
    w.field("published", scratch_);
    if (boost) {
      w.key("to").begin_array();
      w.string(kPublic);
      w.end_array();
      w.key("cc").begin_array();
      scratch_.clear();
      people_.mastodon_actor_uri(scratch_, s.other.author);
      w.string(scratch_);
      w.string(followers_);
      w.end_array();
      scratch_.clear();
      status_uri(scratch_, people_, s.other.author, mastodon_id(s.other.t, s.other.seq));
      w.field("object", scratch_);
      w.end_object();
      return;
    }
    const int64_t parent_author =
        s.parent >= 0 ? unit[static_cast<size_t>(s.parent)].author : kAccount;
    text_maker_.make(s, parent_author, rng_, text_);
    render_html(text_, people_, html_);
    audience(w);
    w.key("object");
    note(w, s, unit, id);
    signature(w, s.t);
    w.end_object();
  }

 private:
  void audience(JsonWriter& w) {
    w.key("to").begin_array();
    w.string(kPublic);
    w.end_array();
    w.key("cc").begin_array();
    w.string(followers_);
    for (const int64_t person : html_.mentions) {
      scratch_.clear();
      people_.mastodon_actor_uri(scratch_, person);
      w.string(scratch_);
    }
    w.end_array();
  }

  void note(JsonWriter& w, const Status& s, const std::vector<Status>& unit, uint64_t id) {
    std::string reply_to;
    if (s.parent >= 0) {
      const Status& parent = unit[static_cast<size_t>(s.parent)];
      status_uri(reply_to, people_, parent.author, mastodon_id(parent.t, parent.seq));
    } else if (s.kind == StatusKind::outreach) {
      status_uri(reply_to, people_, s.other.author, mastodon_id(s.other.t, s.other.seq));
    }
    w.begin_object();
    w.field("id", uri_);
    w.field("type", "Note");
    w.key("summary").null();
    w.key("inReplyTo");
    reply_to.empty() ? w.null() : w.string(reply_to);
    scratch_.clear();
    iso_time(scratch_, s.t, false);
    w.field("published", scratch_);
    scratch_.clear();
    status_url(scratch_, people_, kAccount, id);
    w.field("url", scratch_);
    w.field("attributedTo", actor_);
    audience(w);
    w.key("sensitive").boolean(false);
    w.field("atomUri", uri_);
    w.key("inReplyToAtomUri");
    reply_to.empty() ? w.null() : w.string(reply_to);
    scratch_ = "tag:example.social,2025:objectId=";
    put_u(scratch_, (s.seed >> 40) + 1000000);
    scratch_ += ":objectType=Conversation";
    w.field("conversation", scratch_);
    w.field("content", html_.html);
    w.key("contentMap").begin_object();
    w.field("en", html_.html);
    w.end_object();
    w.key("attachment").begin_array();
    w.end_array();
    w.key("tag").begin_array();
    for (const std::string_view tag : html_.tags) {
      w.begin_object();
      w.field("type", "Hashtag");
      scratch_.clear();
      tag_url(scratch_, tag);
      w.field("href", scratch_);
      w.field("name", "#" + std::string(tag));
      w.end_object();
    }
    for (const int64_t person : html_.mentions) {
      w.begin_object();
      w.field("type", "Mention");
      scratch_.clear();
      people_.mastodon_actor_uri(scratch_, person);
      w.field("href", scratch_);
      scratch_ = "@";
      people_.mastodon_username(scratch_, person);
      scratch_ += "@";
      scratch_ += people_.mastodon_instance(person);
      w.field("name", scratch_);
      w.end_object();
    }
    w.end_array();
    w.key("replies").begin_object();
    w.field("id", uri_ + "/replies");
    w.field("type", "Collection");
    w.key("first").begin_object();
    w.field("type", "CollectionPage");
    w.field("next", uri_ + "/replies?only_other_accounts=true&page=true");
    w.field("partOf", uri_ + "/replies");
    w.key("items").begin_array();
    w.end_array();
    w.end_object();
    w.end_object();
    w.end_object();
  }

  void signature(JsonWriter& w, int64_t t) {
    static constexpr char kBase64[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    w.key("signature").begin_object();
    w.field("type", "RsaSignature2017");
    w.field("creator", actor_ + "#main-key");
    scratch_.clear();
    iso_time(scratch_, t + 3600000, false);
    w.field("created", scratch_);
    scratch_.clear();
    for (int i = 0; i < 342; ++i) {
      scratch_.push_back(kBase64[rng_.below(64)]);
    }
    scratch_ += "==";
    w.field("signatureValue", scratch_);
    w.end_object();
  }

  People people_;
  TextMaker text_maker_;
  Rng rng_{0};
  Text text_;
  MastodonHtml html_;
  std::string actor_, followers_, uri_, scratch_;
};

std::string actor_json(const People& people, const std::string& actor) {
  std::string s;
  JsonWriter w(s, kRailsStyle);
  std::string v;
  w.begin_object();
  w.key("@context").begin_array();
  w.string("https://www.w3.org/ns/activitystreams");
  w.string("https://w3id.org/security/v1");
  w.end_array();
  w.field("id", actor);
  w.field("type", "Person");
  for (const std::string_view end : {"following", "followers", "inbox", "outbox"}) {
    w.field(end, actor + "/" + std::string(end));
  }
  v.clear();
  people.mastodon_username(v, kAccount);
  w.field("preferredUsername", v);
  v.clear();
  people.display_name(v, kAccount);
  w.field("name", v);
  w.field("summary", "<p>Coffee, pastries &amp; good company.</p>");
  v.clear();
  people.mastodon_profile_url(v, kAccount);
  w.field("url", v);
  w.key("manuallyApprovesFollowers").boolean(false);
  w.key("discoverable").boolean(true);
  v.clear();
  iso_time(v, people.joined(kAccount) - people.joined(kAccount) % 86400000, false);
  w.field("published", v);
  w.key("publicKey").begin_object();
  w.field("id", actor + "#main-key");
  w.field("owner", actor);
  w.field("publicKeyPem",
          "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA\n-----END "
          "PUBLIC KEY-----\n");
  w.end_object();
  w.key("tag").begin_array();
  w.end_array();
  w.key("attachment").begin_array();
  w.end_array();
  w.key("endpoints").begin_object();
  w.field("sharedInbox", "https://example.social/inbox");
  w.end_object();
  w.end_object();
  return s;
}

}  // namespace

int generate_mastodon_outbox(const Options& opt) {
  StatusStream stream(stream_params(opt, kUnitBytes, Order::oldest_first));
  Outbox outbox(stream);
  make_dirs(opt.out);
  uint64_t bytes = write_file(opt.out + "/actor.json", actor_json(outbox.people(), outbox.actor()));

  const std::string path = opt.out + "/outbox.json";
  Sink out;
  out.open(path);
  std::string& s = out.buf();
  s += R"({"@context":"https://www.w3.org/ns/activitystreams","id":"outbox.json",)";
  s += R"("type":"OrderedCollection","totalItems":)";
  const uint64_t total_at = s.size();
  s.append(kTotalWidth, ' ');
  s += R"(,"orderedItems":[)";
  JsonWriter w(s, kRailsStyle);
  Tally tally;
  bool first = true;
  while (first || bytes + out.bytes() < opt.size) {
    const std::vector<Status>& unit = stream.next();
    for (const Status& st : unit) {
      if (st.kind == StatusKind::audience) {
        continue;  // other people's statuses are not in an export
      }
      if (!first) {
        s.push_back(',');
      }
      first = false;
      outbox.activity(w, st, unit);
    }
    tally.add_unit(unit, false);
    out.flush();
  }
  s += "]}";
  bytes += out.bytes();
  out.close();
  // totalItems, right-aligned in the room left for it (JSON allows the spaces).
  std::string total = std::to_string(tally.items());
  patch_file(path, total_at, std::string(kTotalWidth - total.size(), ' ') + total);

  std::string account = "{\"username\": \"";
  outbox.people().mastodon_username(account, kAccount);
  account += "\", \"id\": \"" + outbox.actor() + "\", \"followers\": null}";
  write_expected(opt.out + ".expected.json", "mastodon-outbox", opt, bytes, 2, account, tally,
                 "  \"total_items\": " + total + ",\n");
  std::fprintf(stderr, "ror_gen: %llu activities (%llu boosts)\n",
               static_cast<unsigned long long>(tally.items()),
               static_cast<unsigned long long>(tally.reposts()));
  return 0;
}

}  // namespace gen
