// The X (Twitter) account archive, "Download your data": the zip, its folder, or its files. Each
// data file is a script, `window.YTD.<name>.part<N> = [...]`, in which every number is a string.
// tweets.js (tweet.js before 2022, tweets-part1.js when split) holds the account's tweets;
// account.js and manifest.js name the account; follower.js lists its followers. The archive
// holds none of the replies other people wrote, and no impressions.
#include "importers/importers.hpp"
#include "importers/x_tweet.hpp"

namespace ror::importers {
namespace {

using ingest::AccountRecord;
using ingest::AccountRole;
using ingest::detected;
using ingest::Detection;
using ingest::FramingKind;
using ingest::ImportItem;
using ingest::passed_over;
using ingest::Sniff;
using ingest::Value;

enum Variant : std::uint8_t { tweets, account, followers, manifest };

void read_tweet(Value& v, ingest::RecordSink& out) {
  thread_local ingest::PostRecord record;
  AccountRecord author;
  // An entry is {"tweet": {...}}; some tools write the tweet object alone.
  bool wrapped = false;
  static constexpr std::array<std::string_view, 1> kWrapper = {"tweet"};
  if (v.type() != simdjson::ondemand::json_type::object) {
    v.fail_type("an object");
  }
  x::TweetKind kind = x::TweetKind::status;
  v.each_field(kWrapper, [&](std::string_view key, Value& f) {
    if (key == "tweet") {
      wrapped = true;
      kind = x::read_v1_tweet(f, record, out, ingest::CountText::digits_too, author);
    }
  });
  if (!wrapped) {
    v.fail("an X archive entry must hold a \"tweet\" object");
  }
  if (kind == x::TweetKind::retweet) {
    out.skip(x::kReposts);
  } else if (kind == x::TweetKind::superseded) {
    out.skip(x::kEditedVersions);
  } else {
    out.post(record);
  }
}

void read_account(Value& v, ingest::RecordSink& out) {
  static constexpr std::array<std::string_view, 1> kWrapper = {"account"};
  static constexpr std::array<std::string_view, 3> kKeys = {"accountId", "username",
                                                            "accountDisplayName"};
  AccountRecord account;
  account.platform = std::string(x::kPlatform);
  v.each_field(kWrapper, [&](std::string_view key, Value& f) {
    if (key != "account") {
      return;
    }
    f.each_field(kKeys, [&](std::string_view k, Value& a) {
      if (k == "accountId") {
        account.id = std::string(a.id());
      } else if (k == "username") {
        account.handle = std::string(a.string());
      } else if (k == "accountDisplayName") {
        if (const auto name = a.optional_string(); name && !name->empty()) {
          account.aliases.emplace_back(*name);
        }
      }
    });
  });
  out.account(std::move(account));
}

// manifest.js: `window.__THAR_CONFIG = {"userInfo": {...}, "archiveInfo": ...}`.
void read_manifest_member(std::string_view key, Value& v, ingest::RecordSink& out) {
  if (key != "userInfo") {
    return;
  }
  static constexpr std::array<std::string_view, 2> kKeys = {"accountId", "userName"};
  AccountRecord account;
  account.platform = std::string(x::kPlatform);
  v.each_field(kKeys, [&](std::string_view k, Value& f) {
    if (k == "accountId") {
      account.id = std::string(f.id());
    } else if (k == "userName") {
      account.handle = std::string(f.string());
    }
  });
  out.account(std::move(account));
}

void read(ImportItem& item, ingest::RecordSink& out) {
  switch (item.variant) {
    case tweets:
      read_tweet(item.value, out);
      break;
    case account:
      read_account(item.value, out);
      break;
    case followers: {
      AccountRecord entries;
      entries.role = AccountRole::profile;  // adds to the follower count, names nobody
      entries.follower_entries = 1;
      out.account(std::move(entries));
      break;
    }
    case manifest:
      if (item.kind == ingest::ItemKind::member) {
        read_manifest_member(item.key, item.value, out);
      }
      break;
    default:
      break;
  }
}

Detection detect(const Sniff& s) {
  const ingest::Framing script{FramingKind::document, {}, true};
  const std::string_view var = s.script;
  if (var == "window.__THAR_CONFIG" && s.shape == ingest::Shape::object) {
    return detected(100, script, manifest);
  }
  if (!var.starts_with("window.YTD.")) {
    // A tweets.js whose script prefix was removed: an array of {"tweet": {...}}.
    if (s.shape == ingest::Shape::array && s.has("0/tweet/id_str") && s.has("0/tweet/created_at")) {
      return detected(90, {FramingKind::document, {}, false}, tweets);
    }
    return {};
  }
  std::string_view name = var.substr(11);
  name = name.substr(0, name.find('.'));
  if (s.shape != ingest::Shape::array) {
    return {};
  }
  if (name == "tweets" || name == "tweet") {
    return detected(100, script, tweets);
  }
  if (name == "account") {
    return detected(100, script, account);
  }
  if (name == "follower") {
    return detected(100, script, followers);
  }
  if (name == "deleted_tweets" || name == "deleted_tweet") {
    return passed_over(100, "deleted tweets (X archive)");
  }
  return passed_over(100, "X archive files without tweets");
}

}  // namespace

const ingest::Importer kXArchive = {
    "x-archive",
    x::kPlatform,
    "an X (Twitter) account archive: the zip, its folder, or data/tweets.js, account.js, "
    "follower.js and manifest.js",
    "impressions, clicks and reply counts (archives have none), and every comment other people "
    "wrote (the archive holds only the account's own tweets)",
    false,
    detect,
    read,
};

}  // namespace ror::importers
