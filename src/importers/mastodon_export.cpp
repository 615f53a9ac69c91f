// The Mastodon account export (Preferences > Import and export > Request your archive): a zip or
// folder with outbox.json, an ActivityStreams OrderedCollection of the account's Create and
// Announce activities, and actor.json, the account's Person; likes.json and bookmarks.json list
// statuses by URI. The export holds no like, boost or reply counts and none of the replies
// other people wrote. Status ids are the numbers ending the account's own status URIs (as its
// server's API gives them), so that a status seen in the export and in API pages is one post.
#include <string>

#include "importers/importers.hpp"
#include "ror/text.hpp"

namespace ror::importers {
namespace {

using ingest::AccountRecord;
using ingest::detected;
using ingest::Detection;
using ingest::FramingKind;
using ingest::ImportItem;
using ingest::passed_over;
using ingest::Sniff;
using ingest::TimeFormat;
using ingest::Value;

constexpr std::string_view kPlatform = "mastodon";
enum Variant : std::uint8_t { outbox, actor };

// The host of an http(s) URI ("indieweb.social"), or "".
std::string_view host_of(std::string_view uri) {
  const std::size_t scheme = uri.find("://");
  if (scheme == std::string_view::npos) {
    return {};
  }
  const std::string_view rest = uri.substr(scheme + 3);
  return rest.substr(0, rest.find('/'));
}

// The acct of an actor URI: "name@host" for `https://host/users/name` (Mastodon's form) or
// `https://host/@name`, else the URI itself.
std::string acct_of(std::string_view uri) {
  const std::string_view host = host_of(uri);
  for (const std::string_view marker : {std::string_view("/users/"), std::string_view("/@")}) {
    const std::size_t at = uri.find(marker);
    if (!host.empty() && at != std::string_view::npos) {
      std::string_view name = uri.substr(at + marker.size());
      name = name.substr(0, name.find('/'));
      if (!name.empty()) {
        return std::string(name) + "@" + std::string(host);
      }
    }
  }
  return std::string(uri);
}

// A status's id: the number ending `https://<home>/users/<name>/statuses/<n>` when the status
// lives on `home` (the exporting server, whose API gives the same number), else the URI.
std::string_view status_id(std::string_view uri, std::string_view home) {
  const std::size_t at = uri.rfind("/statuses/");
  if (at == std::string_view::npos || host_of(uri) != home) {
    return uri;
  }
  const std::string_view n = uri.substr(at + 10);
  const bool digits = !n.empty() && n.find_first_not_of("0123456789") == std::string_view::npos;
  return digits ? n : uri;
}

// Who a reply answers, from the URI of the status it answers: its author's acct when the URI
// says (Mastodon's `/users/<name>/statuses/<n>`), else "".
std::string author_of_status(std::string_view uri) {
  const std::size_t at = uri.find("/statuses/");
  return at == std::string_view::npos ? std::string() : acct_of(uri.substr(0, at));
}

struct Note {
  ingest::PostRecord record;
  std::string author;        // acct of attributedTo
  std::string reply_author;  // acct of the replied-to status's author
  std::string text;          // content warning and content, as plain text
  std::string_view uri;      // the note's id
  std::string_view author_uri;
  std::string_view in_reply_to;
  std::string first_mention;
  bool is_public = false;
};

bool addressed_publicly(Value& list, bool& is_public) {
  if (list.type() == simdjson::ondemand::json_type::string) {
    const std::string_view to = list.string();
    is_public = is_public || to.ends_with("#Public") || to.ends_with("/followers");
    return true;
  }
  list.each_element([&](Value& to) {
    if (to.type() == simdjson::ondemand::json_type::string) {
      const std::string_view uri = to.string();
      is_public = is_public || uri.ends_with("#Public") || uri.ends_with("/followers");
    }
  });
  return true;
}

void read_tags(Value& v, Note& note) {
  static constexpr std::array<std::string_view, 2> kKeys = {"type", "name"};
  std::vector<std::string_view>& hashtags = note.record.hashtags;
  std::vector<std::string_view>& mentions = note.record.mentions;
  note.record.hashtags_listed = true;
  note.record.mentions_listed = true;
  v.each_element([&](Value& tag) {
    std::string_view type;
    std::string_view name;
    tag.each_field(kKeys, [&](std::string_view k, Value& f) {
      if (k == "type") {
        type = f.string();
      } else if (k == "name") {
        name = f.optional_string().value_or("");
      }
    });
    if (type == "Hashtag" && !name.empty()) {
      hashtags.push_back(name.front() == '#' ? name.substr(1) : name);
    } else if (type == "Mention" && !name.empty()) {
      mentions.push_back(name.front() == '@' ? name.substr(1) : name);
      if (note.first_mention.empty()) {
        note.first_mention = std::string(mentions.back());
      }
    }
  });
}

void read_note(Value& v, Note& note, ingest::RecordSink& sink) {
  static constexpr std::array<std::string_view, 10> kKeys = {
      "id",      "published", "attributedTo", "inReplyTo", "content",
      "summary", "tag",       "to",           "cc",        "type"};
  std::string_view content;
  std::string_view summary;
  bool has_id = false;
  bool has_time = false;
  v.each_field(kKeys, [&](std::string_view key, Value& f) {
    if (key == "id") {
      note.uri = f.string();  // (its id once the activity's actor is known: read_activity)
      has_id = true;
    } else if (key == "published") {
      note.record.created_at = f.time(TimeFormat::rfc3339);
      has_time = true;
    } else if (key == "attributedTo") {
      note.author_uri = f.string();
      note.author = acct_of(note.author_uri);
    } else if (key == "inReplyTo") {
      note.in_reply_to = f.optional_string().value_or("");
    } else if (key == "content") {
      content = f.optional_string().value_or("");
    } else if (key == "summary") {
      summary = f.optional_string().value_or("");
    } else if (key == "tag") {
      if (f.repeated()) {  // the last list given is the list
        note.record.hashtags.clear();
        note.record.mentions.clear();
        note.first_mention.clear();
      }
      read_tags(f, note);
    } else if (key == "to" || key == "cc") {
      addressed_publicly(f, note.is_public);
    }
  });
  if (!has_id || !has_time) {
    v.fail(has_id ? "a note needs \"published\"" : "a note needs an \"id\"");
  }
  note.text.assign(summary.empty() ? "" : std::string(sink.html_text(summary)) + "\n");
  note.text.append(sink.html_text(content));
}

void read_activity(Value& v, ingest::RecordSink& out) {
  static constexpr std::array<std::string_view, 3> kKeys = {"type", "actor", "object"};
  thread_local Note note;
  note.record.clear();
  note.author.clear();
  note.reply_author.clear();
  note.text.clear();
  note.in_reply_to = {};
  note.uri = {};
  note.author_uri = {};
  note.first_mention.clear();
  note.is_public = false;
  std::string_view type;
  std::string_view home;
  bool has_object = false;
  v.each_field(kKeys, [&](std::string_view key, Value& f) {
    if (key == "type") {
      type = f.string();
    } else if (key == "actor") {
      home = host_of(f.string());
    } else if (key == "object" && f.type() == simdjson::ondemand::json_type::object) {
      read_note(f, note, out);  // (an Announce's object is a URI)
      has_object = true;
    }
  });
  if (type == "Announce") {
    out.skip("reposts (boosts), not the account's writing");
    return;
  }
  if (type != "Create" || !has_object) {
    out.skip("activities other than posts and boosts");
    return;
  }
  if (!note.is_public) {
    out.skip("direct messages");
    return;
  }
  ingest::PostRecord& r = note.record;
  if (home.empty()) {
    home = host_of(note.author_uri);  // no actor: the note's author's server
  }
  r.id = status_id(note.uri, home);
  r.threaded = true;
  r.author = note.author;
  r.has_author = !note.author.empty();
  if (!note.in_reply_to.empty()) {
    r.reply_to_post = status_id(note.in_reply_to, home);
    note.reply_author = author_of_status(note.in_reply_to);
    if (note.reply_author.empty()) {
      note.reply_author = note.first_mention;
    }
    r.reply_to_author = note.reply_author;
    r.has_reply_to = !note.reply_author.empty();
  }
  r.text = note.text;
  out.post(r);
}

void read_actor(Value& v, ingest::RecordSink& out) {
  static constexpr std::array<std::string_view, 4> kKeys = {"id", "preferredUsername", "name",
                                                            "url"};
  AccountRecord account;
  account.platform = std::string(kPlatform);
  std::string_view uri;
  std::string_view username;
  v.each_field(kKeys, [&](std::string_view key, Value& f) {
    if (key == "id") {
      uri = f.string();
    } else if (key == "preferredUsername") {
      username = f.string();
    } else if (key == "name") {
      if (const auto name = f.optional_string(); name && !name->empty()) {
        account.aliases.emplace_back(*name);
      }
    } else if (key == "url") {
      if (const auto url = f.optional_string()) {
        account.aliases.emplace_back(*url);
      }
    }
  });
  account.id = std::string(uri);
  account.handle =
      username.empty() ? acct_of(uri) : std::string(username) + "@" + std::string(host_of(uri));
  if (!username.empty()) {
    account.aliases.emplace_back(username);
  }
  out.account(std::move(account));
}

void read(ImportItem& item, ingest::RecordSink& out) {
  if (item.variant == actor) {
    read_actor(item.value, out);
  } else if (item.kind == ingest::ItemKind::element) {
    read_activity(item.value, out);
  } else if (item.kind == ingest::ItemKind::member && item.key == "totalItems") {
    if (const auto n = item.value.count()) {
      out.expect_items(static_cast<std::uint64_t>(*n), "totalItems");
    }
  }
}

Detection detect(const Sniff& s) {
  if (s.shape != ingest::Shape::object) {
    return {};
  }
  const std::string_view type = s.get("type");
  if (type == "OrderedCollection" && s.has("orderedItems")) {
    if (s.get("orderedItems/0") == "{" || s.get("orderedItems") == "[") {
      if (s.get("orderedItems/0") != "{" && s.has("orderedItems/0")) {
        return passed_over(90, "likes and bookmarks (Mastodon export)");
      }
      return detected(s.has("@context") ? 100 : 80,
                      {FramingKind::document, {"orderedItems", {}}, false}, outbox);
    }
  }
  if ((type == "Person" || type == "Service") && s.has("preferredUsername") && s.has("@context")) {
    return detected(95, {FramingKind::whole, {}, false}, actor);
  }
  return {};
}

}  // namespace

const ingest::Importer kMastodonExport = {
    "mastodon-export",
    kPlatform,
    "a Mastodon account export: the zip, its folder, or outbox.json and actor.json",
    "like, boost and reply counts (the export has none), the follower count, and every reply "
    "other people wrote",
    false,
    detect,
    read,
};

}  // namespace ror::importers
