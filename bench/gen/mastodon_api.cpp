// --format mastodon-api: a folder of Mastodon REST API responses, as a crawler saves them:
// account.json (GET /api/v1/accounts/:id), statuses_NNNNN.json (GET .../statuses, pages of
// about --page-bytes, newest first: everything the account posted, boosts included) and
// context_ID.json (GET /api/v1/statuses/:id/context for each of the account's conversations with
// replies: the replies of everyone, the account's answers included, so those are in two files).
#include <cstdio>
#include <string>

#include "gen/formats.hpp"
#include "gen/json_writer.hpp"
#include "gen/mastodon.hpp"
#include "gen/output.hpp"
#include "gen/statuses.hpp"

namespace gen {

namespace {

constexpr uint64_t kUnitBytes = 33500;  // bytes per conversation, pages and context, measured

class MastodonApi {
 public:
  explicit MastodonApi(const StatusStream& stream)
      : people_(stream.brand(), stream.audience(), stream.account_key(), stream.followers()),
        text_maker_(stream.brand(), stream.audience()) {}

  const People& people() const { return people_; }

  void account(JsonWriter& w, int64_t person) {
    w.begin_object();
    w.key("id").quoted_number(people_.mastodon_id(person));
    scratch_.clear();
    people_.mastodon_username(scratch_, person);
    w.field("username", scratch_);
    scratch_.clear();
    people_.mastodon_acct(scratch_, person);
    w.field("acct", scratch_);
    scratch_.clear();
    people_.display_name(scratch_, person);
    w.field("display_name", scratch_);
    for (const std::string_view flag : {"locked", "bot", "discoverable", "indexable", "group"}) {
      w.key(flag).boolean(flag == "discoverable");
    }
    scratch_.clear();
    const int64_t joined = people_.joined(person);
    iso_time(scratch_, joined - joined % 86400000, true);
    w.field("created_at", scratch_);
    w.field("note", person < 0 ? "<p>Coffee, pastries &amp; good company.</p>" : "");
    scratch_.clear();
    people_.mastodon_profile_url(scratch_, person);
    w.field("url", scratch_);
    scratch_.clear();
    people_.mastodon_actor_uri(scratch_, person);
    w.field("uri", scratch_);
    scratch_ = "https://files.example.social/accounts/avatars/";
    put_u(scratch_, people_.mastodon_id(person) % 1000000007);
    scratch_ += "/original/avatar.png";
    w.field("avatar", scratch_);
    w.field("avatar_static", scratch_);
    w.field("header", "https://example.social/headers/original/missing.png");
    w.field("header_static", "https://example.social/headers/original/missing.png");
    w.field_number("followers_count", people_.followers(person));
    w.field_number("following_count", people_.following(person));
    w.field_number("statuses_count", people_.statuses(person));
    w.field("last_status_at", "2025-12-30");
    w.key("hide_collections").boolean(false);
    w.key("noindex").boolean(false);
    w.key("emojis").begin_array();
    w.end_array();
    w.key("roles").begin_array();
    w.end_array();
    w.key("fields").begin_array();
    w.end_array();
    w.end_object();
  }

  void status(JsonWriter& w, const Status& s, const std::vector<Status>& unit) {
    const uint64_t id = mastodon_id(s.t, s.seq);
    if (s.kind == StatusKind::repost) {
      text_maker_.make_other(s, text_);
      render_html(text_, people_, html_);
      begin(w, id, s.t, kAccount, true);
      w.key("reblog");
      Status inner = s;  // the boosted status, with its counts
      inner.author = s.other.author;
      body(w, inner, mastodon_id(s.other.t, s.other.seq), s.other.t, 0, kAccount, false);
      end(w, kAccount, true, false);
      return;
    }
    const int64_t parent_author =
        s.parent >= 0 ? unit[static_cast<size_t>(s.parent)].author : kAccount;
    text_maker_.make(s, parent_author, rng_, text_);
    render_html(text_, people_, html_);
    uint64_t reply_to = 0;
    int64_t reply_author = kAccount;
    if (s.parent >= 0) {
      const Status& parent = unit[static_cast<size_t>(s.parent)];
      reply_to = mastodon_id(parent.t, parent.seq);
      reply_author = parent.author;
    } else if (s.kind == StatusKind::outreach) {
      reply_to = mastodon_id(s.other.t, s.other.seq);
      reply_author = s.other.author;
    }
    body(w, s, id, s.t, reply_to, reply_author, true);
  }

 private:
  // A status object up to its counts; a boost's wrapper has no content of its own.
  void begin(JsonWriter& w, uint64_t id, int64_t t, int64_t person, bool boost) {
    w.begin_object();
    w.key("id").quoted_number(id);
    scratch_.clear();
    iso_time(scratch_, t, true);
    w.field("created_at", scratch_);
    w.key("in_reply_to_id").null();
    w.key("in_reply_to_account_id").null();
    w.key("sensitive").boolean(false);
    w.field("spoiler_text", "");
    w.field("visibility", "public");
    w.key("language").null();
    scratch_.clear();
    status_uri(scratch_, people_, person, id);
    w.field("uri", scratch_ + (boost ? "/activity" : ""));
    w.key("url").null();
    for (const std::string_view count : {"replies_count", "reblogs_count", "favourites_count"}) {
      w.field_number(count, 0);
    }
    w.key("edited_at").null();
    w.field("content", "");
  }

  void body(JsonWriter& w, const Status& s, uint64_t id, int64_t t, uint64_t reply_to,
            int64_t reply_author, bool own_app) {
    w.begin_object();
    w.key("id").quoted_number(id);
    scratch_.clear();
    iso_time(scratch_, t, true);
    w.field("created_at", scratch_);
    if (reply_to != 0) {
      w.key("in_reply_to_id").quoted_number(reply_to);
      w.key("in_reply_to_account_id").quoted_number(people_.mastodon_id(reply_author));
    } else {
      w.key("in_reply_to_id").null();
      w.key("in_reply_to_account_id").null();
    }
    w.key("sensitive").boolean(false);
    w.field("spoiler_text", "");
    w.field("visibility", "public");
    w.field("language", "en");
    scratch_.clear();
    status_uri(scratch_, people_, s.author, id);
    w.field("uri", scratch_);
    scratch_.clear();
    status_url(scratch_, people_, s.author, id);
    w.field("url", scratch_);
    w.field_number("replies_count", s.replies);
    w.field_number("reblogs_count", s.reposts);
    w.field_number("favourites_count", s.likes);
    if (s.edited) {  // on Mastodon an edit keeps the id and the time; edited_at says when
      scratch_.clear();
      iso_time(scratch_, t + (s.t - s.edit_t), true);
      w.field("edited_at", scratch_);
    } else {
      w.key("edited_at").null();
    }
    w.field("content", html_.html);
    w.key("reblog").null();
    end(w, s.author, own_app && s.author < 0, true);
  }

  // The rest of a status: application, account, mentions and tags (of html_, or none).
  void end(JsonWriter& w, int64_t person, bool app, bool entities) {
    if (app) {
      w.key("application").begin_object();
      w.field("name", "Web");
      w.key("website").null();
      w.end_object();
    }
    w.key("account");
    account(w, person);
    w.key("media_attachments").begin_array();
    w.end_array();
    static const std::vector<int64_t> kNobody;
    static const std::vector<std::string_view> kNoTags;
    w.key("mentions").begin_array();
    for (const int64_t m : entities ? html_.mentions : kNobody) {
      w.begin_object();
      w.key("id").quoted_number(people_.mastodon_id(m));
      scratch_.clear();
      people_.mastodon_username(scratch_, m);
      w.field("username", scratch_);
      scratch_.clear();
      people_.mastodon_profile_url(scratch_, m);
      w.field("url", scratch_);
      scratch_.clear();
      people_.mastodon_acct(scratch_, m);
      w.field("acct", scratch_);
      w.end_object();
    }
    w.end_array();
    w.key("tags").begin_array();
    for (const std::string_view tag : entities ? html_.tags : kNoTags) {
      w.begin_object();
      w.field("name", tag);
      scratch_.clear();
      tag_url(scratch_, tag);
      w.field("url", scratch_);
      w.end_object();
    }
    w.end_array();
    w.key("emojis").begin_array();
    w.end_array();
    w.key("card").null();
    w.key("poll").null();
    w.end_object();
  }

  People people_;
  TextMaker text_maker_;
  Rng rng_{0};
  Text text_;
  MastodonHtml html_;
  std::string scratch_;
};

std::string numbered(const std::string& dir, uint64_t n) {
  char name[48];
  std::snprintf(name, sizeof name, "/statuses_%05llu.json", static_cast<unsigned long long>(n));
  return dir + name;
}

}  // namespace

int generate_mastodon_api(const Options& opt) {
  StatusStream stream(stream_params(opt, kUnitBytes, Order::newest_first));
  MastodonApi api(stream);
  make_dirs(opt.out);

  std::string s;
  JsonWriter aw(s, kRailsStyle);
  api.account(aw, kAccount);
  uint64_t bytes = write_file(opt.out + "/account.json", s);

  Tally tally;
  uint64_t records = 0, pages = 0, contexts = 0, in_page = 0;
  Sink page, context;
  const auto close_page = [&] {
    page.buf() += "]";
    bytes += page.bytes();
    page.close();
    in_page = 0;
  };
  while (tally.items() == 0 || bytes + page.bytes() < opt.size) {
    const std::vector<Status>& unit = stream.next();
    for (const Status& st : unit) {  // the account's statuses, newest first
      if (st.kind == StatusKind::audience) {
        continue;
      }
      if (in_page > 0 && page.bytes() >= opt.page_bytes) {
        close_page();
      }
      if (in_page == 0) {
        page.open(numbered(opt.out, ++pages));
        page.buf() += "[";
      } else {
        page.buf() += ",";
      }
      JsonWriter w(page.buf(), kRailsStyle);
      api.status(w, st, unit);
      ++in_page;
      ++records;
      page.flush();
    }
    if (unit.size() > 1) {  // the conversation's replies, oldest first
      const Status& root = unit.back();
      context.open(opt.out + "/context_" + std::to_string(mastodon_id(root.t, root.seq)) + ".json");
      std::string& c = context.buf();
      c += R"({"ancestors":[],"descendants":[)";
      JsonWriter w(c, kRailsStyle);
      for (size_t i = unit.size() - 1; i-- > 0;) {
        api.status(w, unit[i], unit);
        c += i > 0 ? "," : "";
        ++records;
        context.flush();
      }
      c += "]}";
      bytes += context.bytes();
      context.close();
      ++contexts;
    }
    tally.add_unit(unit, true);
  }
  if (in_page > 0) {
    close_page();
  }

  std::string account = "{\"username\": \"";
  api.people().mastodon_username(account, kAccount);
  account += "\", \"id\": \"" + std::to_string(api.people().mastodon_id(kAccount)) +
             "\", \"followers\": " + std::to_string(stream.followers()) + "}";
  const std::string extra = "  \"records\": " + std::to_string(records) + ",\n" +
                            "  \"duplicates\": " + std::to_string(records - tally.items()) + ",\n" +
                            "  \"pages\": " + std::to_string(pages) + ",\n" +
                            "  \"contexts\": " + std::to_string(contexts) + ",\n";
  write_expected(opt.out + ".expected.json", "mastodon-api", opt, bytes, 1 + pages + contexts,
                 account, tally, extra);
  std::fprintf(stderr, "ror_gen: %llu statuses (%llu by others, %llu boosts) in %llu files\n",
               static_cast<unsigned long long>(tally.items()),
               static_cast<unsigned long long>(tally.by_others()),
               static_cast<unsigned long long>(tally.reposts()),
               static_cast<unsigned long long>(1 + pages + contexts));
  return 0;
}

}  // namespace gen
