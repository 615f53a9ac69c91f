// --format linkedin: the folder of a LinkedIn data export (Settings, Data privacy, Get a copy of
// your data), as far as ror reads it: Shares.csv (the account's posts), Comments.csv (the
// account's comments on posts), Reactions.csv (its reactions), Profile.csv and Connections.csv
// (a note, then one row per connection). UTF-8, comma-separated, LF, newest first, with the
// export's quirks: each line of a share's commentary inside quotes of its own (the cell reads
// `first line"` newline `"second line`), a share with several media written once per media, and
// Comments.csv writing a quote inside a quoted cell as \" rather than "".
//
// An export holds the account's own writing only. A conversation's original is a share (a quote
// a share of the quoted post's link), a repost a share with neither commentary nor link; the
// account's continuation of its thread, its answers to the people who commented (named first, as
// LinkedIn writes a reply) and its outreach are rows of Comments.csv. Other people's comments are
// not in the export; some of the posts the account commented on or reposted it reacted to as well.
#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "gen/formats.hpp"
#include "gen/output.hpp"
#include "gen/people.hpp"
#include "gen/status_text.hpp"
#include "gen/statuses.hpp"

namespace gen {

namespace {

constexpr uint64_t kUnitBytes = 1750;        // bytes per conversation, all files, measured
constexpr uint64_t kMaxConnections = 30000;  // LinkedIn's limit

constexpr std::string_view kReactionTypes[] = {
    "LIKE", "LIKE", "LIKE", "PRAISE", "EMPATHY", "INTEREST", "APPRECIATION", "ENTERTAINMENT"};
constexpr std::string_view kPositions[] = {
    "Barista",    "Marketing Manager", "Software Engineer",
    "Founder",    "Product Manager",   "Student",
    "Chef",       "Operations Lead",   "Designer",
    "Consultant", "Sales Director",    "Head of Partnerships",
};

// A LinkedIn id: milliseconds since 1970 over 22 bits, as activity and share URNs are.
uint64_t linkedin_id(int64_t t, uint64_t seq) {
  return (static_cast<uint64_t>(t) << 22) | (seq & 0x3FFFFF);
}

// https://www.linkedin.com/feed/update/urn%3Ali%3AKIND%3AID
void feed_link(std::string& s, std::string_view kind, uint64_t id) {
  s += "https://www.linkedin.com/feed/update/urn%3Ali%3A";
  s += kind;
  s += "%3A";
  put_u(s, id);
}

// "2025-07-01 14:33:22", UTC.
void put_date(std::string& s, int64_t t) {
  put_local_time(s, t, 0, ' ');
}

// How a cell quotes what it holds.
enum class Quote : uint8_t {
  rfc,        // "" for a quote (Shares.csv)
  backslash,  // \" for a quote (Comments.csv)
};

// A cell: `""` when empty, quoted when it holds a comma, a quote or a line break.
void cell(std::string& s, std::string_view text, Quote quote) {
  if (text.empty()) {
    s += "\"\"";
    return;
  }
  if (text.find_first_of(",\"\n\r") == std::string_view::npos) {
    s += text;
    return;
  }
  s.push_back('"');
  for (const char c : text) {
    if (c == '"') {
      s += quote == Quote::rfc ? "\"\"" : "\\\"";
    } else {
      s.push_back(c);
    }
  }
  s.push_back('"');
}

class Export {
 public:
  explicit Export(const StatusStream& stream)
      : people_(stream.brand(), stream.audience(), stream.account_key(), stream.followers()),
        audience_(stream.audience()),
        brand_(stream.brand()),
        text_maker_(stream.brand(), stream.audience()) {}

  uint64_t media_rows() const { return media_rows_; }
  uint64_t reactions() const { return reactions_; }

  std::string profile() {
    std::string s =
        "First Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary,Industry,Zip Code,"
        "Geo Location,Twitter Handles,Websites,Instant Messengers\n";
    const std::string_view name = brand_.alias2;
    const size_t space = name.find(' ');
    cell(s, name.substr(0, space), Quote::rfc);
    s.push_back(',');
    cell(s, space == std::string_view::npos ? "" : name.substr(space + 1), Quote::rfc);
    s += ",,,,";
    cell(s, std::string(name) + " | Good things, made with care", Quote::rfc);
    s.push_back(',');
    Status about;
    about.kind = StatusKind::self_reply;
    about.seed = 0x70726f66696c65ULL;
    Rng rng(0);
    text_maker_.make(about, kAccount, rng, text_);
    text(scratch_, text_, rng);
    cell(s, scratch_, Quote::rfc);
    s += ",Food and Beverage Services,,\"Portland, Oregon, United States\",[";
    s += brand_.handle;
    s += "],[COMPANY:https://";
    s += brand_.domain;
    s += "],\n";
    return s;
  }

  // The note, the header, and `n` connections (people of the audience, each once).
  std::string connections(uint64_t n) {
    std::string s =
        "Notes:\n\"When exporting your connection data, you may notice that some of the email "
        "addresses are missing. You will only see email addresses for connections who have "
        "allowed their connections to see or download their email address using this setting "
        "https://www.linkedin.com/psettings/privacy/email. You can learn more here "
        "https://www.linkedin.com/help/linkedin/answer/261\"\n\n"
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n";
    std::string name, handle;
    for (uint64_t i = 0; i < n; ++i) {
      const auto person = static_cast<int64_t>(i);
      name.clear();
      people_.display_name(name, person);
      handle.clear();
      people_.x_handle(handle, person);
      const size_t space = name.find(' ');
      cell(s, space == std::string::npos ? name : name.substr(0, space), Quote::rfc);
      s.push_back(',');
      cell(s, space == std::string::npos ? "" : name.substr(space + 1), Quote::rfc);
      s += ",https://www.linkedin.com/in/";
      for (const char c : handle) {
        s.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c == '_' ? '-' : c);
      }
      const uint64_t key = audience_.key(i);
      s.push_back('-');
      put_u(s, key % 900000 + 100000);
      s.push_back(',');
      if (key % 10 == 3) {
        s += handle + "@mail.example";
      }
      s.push_back(',');
      scratch_.clear();
      Rng rng(key ^ 0x636f6d70616e79ULL);
      Words(rng, brand_, plain_lexicon()).phrase(scratch_, static_cast<uint64_t>(rng.range(1, 3)));
      cell(s, scratch_, Quote::rfc);
      s.push_back(',');
      cell(s, kPositions[key % std::size(kPositions)], Quote::rfc);
      s.push_back(',');
      int64_t y;
      unsigned mo, d;
      civil_from_days(floor_div(people_.joined(person), 86400000) + 200, y, mo, d);
      put_digits(s, d, 2);
      s.push_back(' ');
      s += kMonthNames[mo - 1];
      s.push_back(' ');
      put_digits(s, static_cast<unsigned>(std::min<int64_t>(y, 2025)), 4);
      s.push_back('\n');
    }
    return s;
  }

  // A conversation's rows: shares, comments and reactions, newest first.
  void conversation(const std::vector<Status>& unit, std::string& shares, std::string& comments,
                    std::string& reactions) {
    const Status& first = unit.back();  // newest first: the conversation's oldest status
    for (const Status& s : unit) {
      switch (s.kind) {
        case StatusKind::original:
        case StatusKind::repost:
          share(s, shares, reactions);
          break;
        case StatusKind::self_reply:
        case StatusKind::answer:
          comment(s, unit, activity(first), comments);
          break;
        case StatusKind::outreach: {
          const uint64_t post = linkedin_id(s.other.t, s.other.seq);
          comment(s, unit, post, comments);
          Rng rng(s.seed ^ 0x7265616374ULL);
          if (rng.per_mille(700)) {
            reaction(rng, s.t - rng.range(1000, 120000), post, reactions);
          }
          break;
        }
        case StatusKind::audience:
          break;  // other people's writing: not in the export
      }
    }
  }

 private:
  // The activity URN of one of the account's shares (where its comments are).
  static uint64_t activity(const Status& s) { return linkedin_id(s.t, s.seq) + 1; }

  // A text as LinkedIn keeps it: mentions by name, links shortened to lnkd.in.
  void text(std::string& out, const Text& t, Rng& rng) {
    static constexpr char kAlnum[] =
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-";
    out.clear();
    for (const Piece& p : t.pieces) {
      switch (p.kind) {
        case PieceKind::words:
          out += t.of(p);
          break;
        case PieceKind::hashtag:
          out.push_back('#');
          out += t.of(p);
          break;
        case PieceKind::mention:
          people_.name_or_handle(out, p.person);
          break;
        case PieceKind::link:
          out += "https://lnkd.in/";
          out.push_back('g');
          for (int i = 0; i < 7; ++i) {
            out.push_back(kAlnum[rng.below(sizeof kAlnum - 1)]);
          }
          break;
      }
    }
  }

  void share(const Status& s, std::string& out, std::string& reactions) {
    text_maker_.make(s, kAccount, rng_, text_);
    const bool repost = s.kind == StatusKind::repost;
    std::string link;
    feed_link(link, rng_.per_mille(900) ? "share" : "ugcPost", linkedin_id(s.t, s.seq));
    std::string shared, media;
    size_t copies = 1;
    if (repost) {
      scratch_.clear();
      copies = 0;
      if (rng_.per_mille(500)) {
        reaction(rng_, s.t - rng_.range(1000, 60000), linkedin_id(s.other.t, s.other.seq),
                 reactions);
      }
    } else {
      // A LinkedIn post runs long: the 188 shares with commentary of the real export in
      // shared/realdata average 719 characters, the median 619; these, by the paragraphs added
      // here, about the same (version 4; version 3's averaged 183).
      text_maker_.paragraphs(rng_, text_,
                             {{8, 0}, {25, 1}, {48, 2}, {68, 3}, {83, 4}, {93, 5}, {100, 8}});
      text(scratch_, text_, rng_);
      if (s.quote) {
        shared = "https://www.linkedin.com/feed/update/urn:li:activity:" +
                 std::to_string(linkedin_id(s.other.t, s.other.seq)) + "/";
      } else {
        for (const Piece& p : text_.pieces) {
          if (p.kind == PieceKind::link && rng_.per_mille(500)) {
            shared = text_.of(p);
            break;
          }
        }
      }
      if (rng_.per_mille(80)) {
        copies = rng_.per_mille(250) ? static_cast<size_t>(rng_.range(2, 4)) : 1;
      } else {
        copies = 0;
      }
    }
    // Each line of the commentary in quotes of its own.
    wrapped_.clear();
    for (const char c : scratch_) {
      wrapped_ += c == '\n' ? std::string_view("\"\n\"") : std::string_view(&c, 1);
    }
    date_.clear();
    put_date(date_, s.t);
    const std::string_view visibility = rng_.per_mille(30) ? "CONNECTIONS" : "MEMBER_NETWORK";
    for (size_t k = 0; k < std::max<size_t>(copies, 1); ++k) {
      media.clear();
      if (copies > 0) {
        media = "https://media.licdn.com/dms/image/v2/D4E22AQ";
        static constexpr char kB64[] =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        Rng m(s.seed ^ (0x6d65646961ULL + k));
        for (int i = 0; i < 15; ++i) {
          media.push_back(kB64[m.below(64)]);
        }
        media += "/feedshare-shrink_800/feedshare-shrink_800/0/";
        put_u(media, static_cast<uint64_t>(s.t));
        media += "?e=1767225600&v=beta&t=";
        for (int i = 0; i < 43; ++i) {
          media.push_back(kB64[m.below(64)]);
        }
      }
      out += date_;
      out.push_back(',');
      out += link;
      out.push_back(',');
      cell(out, wrapped_, Quote::rfc);
      out.push_back(',');
      cell(out, shared, Quote::rfc);
      out.push_back(',');
      cell(out, media, Quote::rfc);
      out.push_back(',');
      out += visibility;
      out.push_back('\n');
    }
    media_rows_ += copies > 1 ? copies - 1 : 0;
  }

  // The account's comment on a post (its own, or someone else's): the person answered named
  // first, as LinkedIn writes a reply.
  void comment(const Status& s, const std::vector<Status>& unit, uint64_t post, std::string& out) {
    const int64_t parent_author =
        s.parent >= 0 ? unit[static_cast<size_t>(s.parent)].author : s.other.author;
    text_maker_.make(s, parent_author, rng_, text_);
    text(scratch_, text_, rng_);
    put_date(out, s.t);
    out.push_back(',');
    feed_link(out, "activity", post);
    out.push_back(',');
    cell(out, scratch_, Quote::backslash);
    out.push_back('\n');
  }

  void reaction(Rng& rng, int64_t t, uint64_t post, std::string& out) {
    put_date(out, t);
    out.push_back(',');
    out += kReactionTypes[rng.below(std::size(kReactionTypes))];
    out.push_back(',');
    feed_link(out, "activity", post);
    out.push_back('\n');
    ++reactions_;
  }

  People people_;
  const Audience& audience_;
  const Brand& brand_;
  TextMaker text_maker_;
  Rng rng_{0};
  Text text_;
  std::string scratch_, wrapped_, date_;
  uint64_t media_rows_ = 0, reactions_ = 0;
};

}  // namespace

int generate_linkedin(const Options& opt) {
  StatusStream stream(stream_params(opt, kUnitBytes, Order::newest_first));
  Export exp(stream);
  make_dirs(opt.out);

  const uint64_t n_connections =
      std::min({stream.followers(), kMaxConnections, opt.size / 2000, stream.audience().size()});
  uint64_t bytes = write_file(opt.out + "/Profile.csv", exp.profile());
  bytes += write_file(opt.out + "/Connections.csv", exp.connections(n_connections));

  Sink shares, comments, reactions;
  shares.open(opt.out + "/Shares.csv");
  comments.open(opt.out + "/Comments.csv");
  reactions.open(opt.out + "/Reactions.csv");
  shares.buf() += "Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility\n";
  comments.buf() += "Date,Link,Message\n";
  reactions.buf() += "Date,Type,Link\n";
  Tally tally;
  while (tally.items() == 0 ||
         bytes + shares.bytes() + comments.bytes() + reactions.bytes() < opt.size) {
    const std::vector<Status>& unit = stream.next();
    exp.conversation(unit, shares.buf(), comments.buf(), reactions.buf());
    tally.add_unit(unit, false);
    shares.flush();
    comments.flush();
    reactions.flush();
  }
  bytes += shares.bytes() + comments.bytes() + reactions.bytes();
  shares.close();
  comments.close();
  reactions.close();

  std::string name(stream.brand().alias2);
  const std::string account =
      "{\"username\": \"" + name + "\", \"followers\": " + std::to_string(n_connections) + "}";
  const uint64_t shares_read = tally.of(StatusKind::original);
  const uint64_t comments_written = tally.items() - tally.reposts() - shares_read;
  std::string extra;
  expected_line(extra, "connections", n_connections);
  expected_line(extra, "shares", shares_read);
  expected_line(extra, "comment_rows", comments_written);
  expected_line(extra, "skipped", tally.reposts() + exp.media_rows() + exp.reactions());
  expected_line(extra, "skipped_reposts", tally.reposts());
  expected_line(extra, "skipped_media_rows", exp.media_rows());
  expected_line(extra, "skipped_reactions", exp.reactions());
  write_expected(opt.out + ".expected.json", "linkedin", opt, bytes, 5, account, tally, extra);
  std::fprintf(stderr, "ror_gen: %llu shares, %llu comments, %llu reposts, %llu reactions\n",
               static_cast<unsigned long long>(shares_read),
               static_cast<unsigned long long>(comments_written),
               static_cast<unsigned long long>(tally.reposts()),
               static_cast<unsigned long long>(exp.reactions()));
  return 0;
}

}  // namespace gen
