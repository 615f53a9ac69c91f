// Deterministic random ror/v1 datasets for property tests: an account with followers, 5-40 posts
// over several months with partly missing metrics, comments from a pool of audience authors,
// account answers, audience replies back, hashtags and mentions, plus the edits the score
// properties need (shuffle, scale, answer one comment, append a burst). Only simple modulo
// arithmetic on std::mt19937_64 is used, so a seed gives the same data with every standard library.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace ror::test::gen {

using nlohmann::json;

// Seeded random numbers: modulo arithmetic only, so results are portable.
class Rng {
 public:
  explicit Rng(std::uint64_t seed)
      : engine_(seed * 0x9E3779B97F4A7C15ULL + 0x2545F4914F6CDD1DULL) {}

  std::uint64_t next() { return engine_(); }
  // A number in [0, n); n > 0.
  std::uint64_t below(std::uint64_t n) { return next() % n; }
  // A number in [lo, hi].
  std::int64_t between(std::int64_t lo, std::int64_t hi) {
    return lo + static_cast<std::int64_t>(below(static_cast<std::uint64_t>(hi - lo) + 1));
  }
  // True with probability percent / 100.
  bool chance(std::uint64_t percent) { return below(100) < percent; }
  // An index in [0, n) skewed towards 0 (a few people write most comments).
  std::size_t skewed(std::size_t n) {
    const std::uint64_t a = below(n);
    const std::uint64_t b = below(n);
    return static_cast<std::size_t>(a * b / n);
  }
  template <typename T>
  const T& pick(const std::vector<T>& items) {
    return items[static_cast<std::size_t>(below(items.size()))];
  }

 private:
  std::mt19937_64 engine_;
};

// ---- time -------------------------------------------------------------------------------------

// Days since 1970-01-01 to a civil date (H. Hinnant's algorithm).
inline void civil_from_days(std::int64_t z, std::int64_t& y, std::int64_t& m, std::int64_t& d) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  y = yoe + era * 400 + (m <= 2 ? 1 : 0);
}

// A civil date to days since 1970-01-01.
inline std::int64_t days_from_civil(std::int64_t y, std::int64_t m, std::int64_t d) {
  y -= m <= 2 ? 1 : 0;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t yoe = y - era * 400;
  const std::int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

// How a timestamp is spelled: a UTC offset in minutes, the separator and the zone letter.
struct TimeStyle {
  int offset_minutes = 0;  // 0 with zulu: "Z"
  bool zulu = true;
  char separator = 'T';
  bool lower_z = false;
  bool millis = false;
};

// RFC 3339 text of a UTC time in milliseconds, written in the given style.
inline std::string format_time(std::int64_t utc_ms, const TimeStyle& style) {
  const std::int64_t offset_ms = style.zulu ? 0 : std::int64_t{style.offset_minutes} * 60000;
  const std::int64_t local = utc_ms + offset_ms;
  const std::int64_t days = (local >= 0 ? local : local - 86399999) / 86400000;
  const std::int64_t in_day = local - days * 86400000;
  std::int64_t y = 0;
  std::int64_t mo = 0;
  std::int64_t d = 0;
  civil_from_days(days, y, mo, d);
  // Appended piece by piece: GCC 12 warns falsely on chains of string operator+ at -O3.
  std::string out = std::to_string(y);
  const auto two = [&out](char before, std::int64_t v) {
    out += before;
    out += static_cast<char>('0' + v / 10);
    out += static_cast<char>('0' + v % 10);
  };
  two('-', mo);
  two('-', d);
  two(style.separator, in_day / 3600000);
  two(':', in_day / 60000 % 60);
  two(':', in_day / 1000 % 60);
  if (style.millis) {
    const std::int64_t ms = in_day % 1000;
    out += '.';
    out += static_cast<char>('0' + ms / 100);
    out += static_cast<char>('0' + ms / 10 % 10);
    out += static_cast<char>('0' + ms % 10);
  }
  if (style.zulu) {
    out += style.lower_z ? 'z' : 'Z';
  } else {
    const int off = style.offset_minutes < 0 ? -style.offset_minutes : style.offset_minutes;
    two(style.offset_minutes < 0 ? '-' : '+', off / 60);
    two(':', off % 60);
  }
  return out;
}

// Reads back a timestamp written by format_time: UTC milliseconds.
inline std::int64_t parse_time(const std::string& text) {
  const auto num = [&](std::size_t at, std::size_t len) {
    return std::stoll(text.substr(at, len));
  };
  std::int64_t ms = days_from_civil(num(0, 4), num(5, 2), num(8, 2)) * 86400000 +
                    num(11, 2) * 3600000 + num(14, 2) * 60000 + num(17, 2) * 1000;
  std::size_t at = 19;
  if (at < text.size() && text[at] == '.') {
    ms += num(20, 3);
    at = 23;
  }
  if (text[at] == '+' || text[at] == '-') {
    const std::int64_t off = num(at + 1, 2) * 60 + num(at + 4, 2);
    ms -= (text[at] == '+' ? 1 : -1) * off * 60000;
  }
  return ms;
}

// prefix followed by the decimal digits of n (built by appending: GCC 12 warns falsely on
// "literal" + std::string&& at -O3).
template <typename Int>
std::string numbered(std::string_view prefix, Int n) {
  std::string out(prefix);
  out += std::to_string(n);
  return out;
}

// ---- names ------------------------------------------------------------------------------------

// The account's normalised names: one leading '@' dropped, ASCII lower case.
inline std::string normalise_name(std::string_view name) {
  if (!name.empty() && name.front() == '@') {
    name.remove_prefix(1);
  }
  std::string out(name);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
  }
  return out;
}

// An id (string or integer) as text.
inline std::string id_text(const json& id) {
  return id.is_string() ? id.get<std::string>() : id.dump();
}

// Whether `name` is one of the account's names in doc.
inline bool is_account_name(const json& doc, const std::string& name) {
  if (!doc.contains("account")) {
    return false;
  }
  const json& a = doc.at("account");
  const std::string n = normalise_name(name);
  for (const char* key : {"id", "handle"}) {
    if (a.contains(key) && !a.at(key).is_null() && normalise_name(id_text(a.at(key))) == n) {
      return true;
    }
  }
  if (a.contains("aliases")) {
    for (const json& alias : a.at("aliases")) {
      if (normalise_name(alias.get<std::string>()) == n) {
        return true;
      }
    }
  }
  return false;
}

// Whether a post belongs to the account (no author, or an account name): not foreign.
inline bool is_account_post(const json& doc, const json& post) {
  return !post.contains("author") || is_account_name(doc, post.at("author").get<std::string>());
}

// ---- generation -------------------------------------------------------------------------------

// What a generated dataset may contain beyond clean data.
struct Options {
  bool repairs = false;  // dangling parent ids and parent cycles (counted as input warnings)
};

namespace detail {

inline const std::vector<std::string>& vocabulary() {
  static const std::vector<std::string> words = {
      "the",    "new",     "release",  "is",        "out",        "today",
      "we",     "love",    "our",      "coffee",    "bread",      "launch",
      "thanks", "for",     "reading",  "great",     "question",   "answer",
      "team",   "support", "update",   "feature",   "bug",        "fixed",
      "see",    "you",     "at",       "the",       "meetup",     "next",
      "week",   "how",     "does",     "this",      "work",       "with",
      "older",  "devices", "shipping", "soon",      "order",      "delayed",
      "refund", "please",  "help",     "caf\u00e9", "na\u00efve", "r\u00e9sum\u00e9",
      "docs",   "guide",   "why",      "not",       "and",        "maybe",
      "later",  "yes"};
  return words;
}

inline std::string words(Rng& rng, std::int64_t count) {
  std::string out;
  for (std::int64_t i = 0; i < count; ++i) {
    if (i > 0) {
      // Mostly spaces, sometimes other whitespace the word counter must honour.
      const std::uint64_t r = rng.below(40);
      out += r == 0 ? "\u00a0" : r == 1 ? "\n" : r == 2 ? "  " : " ";
    }
    out += rng.pick(vocabulary());
  }
  if (rng.chance(30)) {
    out += rng.chance(50) ? "!" : "?";
  }
  return out;
}

// A comment length: low-effort, middling or substantive.
inline std::int64_t comment_length(Rng& rng) {
  const std::uint64_t r = rng.below(10);
  return r < 4 ? rng.between(1, 3) : r < 7 ? rng.between(4, 14) : rng.between(15, 40);
}

inline const std::vector<std::string>& tag_pool() {
  static const std::vector<std::string> tags = {"launch", "Coffee", "bread",   "sale",  "news",
                                                "tips",   "howto",  "Support", "event", "promo"};
  return tags;
}

struct Generator {
  Rng rng;
  Options options;
  json doc;
  std::string handle;
  std::vector<std::string> account_spellings;  // how the account signs posts and comments
  std::vector<std::string> audience;
  std::vector<std::string> outreach_people;
  std::vector<std::string> canned;
  std::int64_t responsiveness = 0;       // percent of awaiting comments the account answers
  std::int64_t reply_back = 0;           // percent of answers whose asker replies again
  std::uint64_t chattiness = 0;          // 0: a quiet audience, 1: some comments, 2: lively
  std::int64_t reach_scale = 1000;       // the largest impressions count of a post
  std::array<std::uint64_t, 8> carry{};  // percent of posts carrying each post metric
  std::vector<std::string> texts;        // earlier post texts, for reposts

  Generator(std::uint64_t seed, Options opts) : rng(seed), options(opts) {}

  TimeStyle style() {
    TimeStyle s;
    const std::uint64_t r = rng.below(10);
    if (r >= 7) {
      s.zulu = false;
      static const std::vector<int> offsets = {60, 120, -300, -480, 330, 0, -210};
      s.offset_minutes = rng.pick(offsets);
    }
    s.lower_z = rng.chance(5);
    s.separator = rng.chance(5) ? ' ' : rng.chance(3) ? 't' : 'T';
    s.millis = rng.chance(15);
    return s;
  }

  std::string time(std::int64_t ms) { return format_time(ms, style()); }

  json make_account(std::uint64_t seed) {
    // One random draw per statement: the order of evaluation of operands is unspecified.
    handle = numbered("brand", seed % 997);
    const std::string at_sign = rng.chance(50) ? "@" : "";
    const std::string stem = rng.chance(30) ? "Brand" : "brand";
    static const std::vector<std::string> platforms = {"mastodon", "x", "wordpress", "bluesky"};
    json account = {{"id", numbered("acct", seed % 1009)},
                    {"handle", at_sign + stem + std::to_string(seed % 997)},
                    {"platform", rng.pick(platforms)}};
    account_spellings = {handle, "@" + handle, numbered("BRAND", seed % 997)};
    if (rng.chance(40)) {
      account["aliases"] = json::array({"BrandSupport"});
      account_spellings.emplace_back("BrandSupport");
      account_spellings.emplace_back("@brandsupport");
    }
    if (rng.chance(92)) {
      // Log-uniform-ish: 10 .. 10^6.
      std::int64_t base = 1;
      for (std::int64_t e = rng.between(1, 5); e > 0; --e) {
        base *= 10;
      }
      const std::int64_t leading = rng.between(1, 9);
      account["followers"] = base * leading + rng.between(0, base - 1);
    }
    return account;
  }

  json metrics() {
    json m = json::object();
    const std::int64_t impressions = rng.chance(5) ? 0 : rng.between(reach_scale / 20, reach_scale);
    const std::int64_t reach = impressions * rng.between(40, 100) / 100;
    const std::int64_t views = impressions * rng.between(0, 60) / 100;
    const std::int64_t likes = impressions * rng.between(0, 8) / 100;
    const std::int64_t shares = likes * rng.between(0, 30) / 100;
    const std::int64_t saves = likes * rng.between(0, 20) / 100;
    const std::int64_t clicks = impressions * rng.between(0, 4) / 100;
    const std::int64_t conversions = clicks * rng.between(0, 25) / 100;
    const std::array<std::int64_t, 8> values = {impressions, reach, views,  likes,
                                                shares,      saves, clicks, conversions};
    static const std::array<const char*, 8> names = {
        "impressions", "reach", "views", "likes", "shares", "saves", "clicks", "conversions"};
    for (std::size_t i = 0; i < 8; ++i) {
      if (rng.chance(carry[i])) {
        m[names[i]] = values[i];
      } else if (rng.chance(20)) {
        m[names[i]] = nullptr;  // null is unknown too
      }
    }
    return m;
  }

  // Hashtags and mentions, either as arrays or inside the text.
  void tags(json& post, std::string& text) {
    const std::uint64_t r = rng.below(100);
    const std::int64_t n = r < 45   ? 0
                           : r < 80 ? rng.between(1, 2)
                           : r < 95 ? rng.between(3, 4)
                                    : rng.between(5, 7);
    std::vector<std::string> chosen;
    for (std::int64_t i = 0; i < n; ++i) {
      chosen.push_back(rng.pick(tag_pool()));
    }
    if (rng.chance(50)) {
      json list = json::array();
      for (const std::string& t : chosen) {
        list.push_back(rng.chance(50) ? "#" + t : t);
      }
      if (!chosen.empty() || rng.chance(20)) {
        post["hashtags"] = list;
      }
    } else {
      for (const std::string& t : chosen) {
        text += " #" + t;
      }
    }
    const std::int64_t m = rng.chance(90) ? rng.between(0, 2) : rng.between(3, 4);
    std::vector<std::string> people;
    for (std::int64_t i = 0; i < m; ++i) {
      people.push_back(rng.pick(audience));
    }
    if (rng.chance(50)) {
      if (!people.empty()) {
        json list = json::array();
        for (const std::string& p : people) {
          list.push_back(rng.chance(50) ? "@" + p : p);
        }
        post["mentions"] = list;
      }
    } else {
      for (const std::string& p : people) {
        text += " @" + p;
      }
    }
  }

  std::string post_text() {
    if (!texts.empty() && rng.chance(8)) {
      // A repost: the same words, maybe another link and case.
      std::string t = rng.pick(texts);
      if (rng.chance(50)) {
        t += numbered(" https://example.com/r/", rng.below(1000));
      }
      return t;
    }
    std::string t = words(rng, rng.between(3, 30));
    if (rng.chance(30)) {
      t += numbered(" https://example.com/p/", rng.below(100000));
    }
    texts.push_back(t);
    return t;
  }

  // Comments under one post: audience comments, account answers, replies back.
  json comments(const std::string& post_id, std::int64_t post_time) {
    json list = json::array();
    const std::uint64_t r = rng.below(100);
    std::int64_t top = 0;
    if (chattiness == 0) {
      top = r < 70 ? 0 : rng.between(1, 2);
    } else if (chattiness == 1) {
      top = r < 30 ? 0 : rng.between(1, 4);
    } else {
      top = r < 20 ? 0 : r < 70 ? rng.between(1, 4) : rng.between(5, 12);
    }
    std::int64_t serial = 0;
    const auto add = [&](const std::string& author, std::int64_t t, const json& parent,
                         std::string text) {
      json c = {{"id", numbered("c", ++serial)},
                {"author", author},
                {"created_at", time(t)},
                {"text", std::move(text)}};
      if (!parent.is_null()) {
        c["parent_id"] = parent;
      } else if (rng.chance(30)) {
        c["parent_id"] = nullptr;
      } else if (rng.chance(3)) {
        c["parent_id"] = post_id;  // some platforms mark top-level comments this way
      }
      if (rng.chance(40)) {
        c["likes"] = rng.between(0, 20);
      }
      list.push_back(c);
      return c.at("id");
    };
    for (std::int64_t i = 0; i < top; ++i) {
      const std::string who = audience[rng.skewed(audience.size())];
      const std::int64_t seconds = rng.between(30, 3600);
      const std::int64_t t =
          post_time + seconds * 1000 * (rng.chance(20) ? rng.between(24, 24 * 45) : 1);
      const json id = add(who, t, nullptr, words(rng, comment_length(rng)));
      // Arguments are drawn one per statement: argument evaluation order is unspecified.
      if (rng.chance(static_cast<std::uint64_t>(responsiveness))) {
        const std::int64_t delay =
            rng.chance(60) ? rng.between(0, 3600) : rng.between(3600, 1500000);
        const std::int64_t at = t + delay * 1000 - (rng.chance(3) ? 7200000 : 0);  // clocks drift
        const std::string text =
            !canned.empty() && rng.chance(40) ? rng.pick(canned) : words(rng, rng.between(2, 25));
        const std::string me = rng.pick(account_spellings);
        const json answer = add(me, at, id, text);
        if (rng.chance(10)) {
          const std::string again = rng.pick(account_spellings);
          const std::int64_t later = at + rng.between(60, 86400) * 1000;
          add(again, later, id, words(rng, rng.between(2, 10)));
        }
        if (rng.chance(static_cast<std::uint64_t>(reply_back))) {
          const std::int64_t later = at + rng.between(60, 200000) * 1000;
          const json back = add(who, later, answer, words(rng, comment_length(rng)));
          if (rng.chance(30)) {
            const std::string me_again = rng.pick(account_spellings);
            const std::int64_t latest = at + rng.between(200000, 400000) * 1000;
            add(me_again, latest, back, words(rng, rng.between(2, 12)));
          }
        }
        if (rng.chance(10)) {
          // Someone else joins in under the account's answer: also awaiting an answer.
          const std::string other = audience[rng.skewed(audience.size())];
          const std::int64_t later = at + rng.between(60, 90000) * 1000;
          add(other, later, answer, words(rng, comment_length(rng)));
        }
      }
      if (rng.chance(15)) {
        // The audience talking among itself: not awaiting the account.
        const std::string other = audience[rng.skewed(audience.size())];
        const std::int64_t later = t + rng.between(60, 90000) * 1000;
        add(other, later, id, words(rng, comment_length(rng)));
      }
    }
    if (rng.chance(8)) {
      const std::string me = rng.pick(account_spellings);
      const std::int64_t later = post_time + rng.between(60, 7200) * 1000;
      std::string update = "Update: ";
      update += words(rng, rng.between(3, 12));
      add(me, later, nullptr, update);
    }
    if (options.repairs && !list.empty() && rng.chance(15)) {
      list.back()["parent_id"] = numbered("missing-", rng.below(100));
    }
    if (options.repairs && list.size() >= 2 && rng.chance(10)) {
      // Two comments answering each other: a cycle to break.
      const std::size_t a = static_cast<std::size_t>(rng.below(list.size()));
      const std::size_t b = (a + 1) % list.size();
      list[a]["parent_id"] = list[b].at("id");
      list[b]["parent_id"] = list[a].at("id");
    }
    return list;
  }

  json generate(std::uint64_t seed) {
    doc = json::object();
    if (rng.chance(70)) {
      doc["schema"] = "ror/v1";
    }
    const std::int64_t pool = rng.between(3, 30);
    for (std::int64_t i = 0; i < pool; ++i) {
      static const std::vector<std::string> first = {
          "alice", "bob",  "carol",   "dave", "erin",   "frank", "grace", "heidi",
          "ivan",  "judy", "mallory", "niaj", "olivia", "peggy", "rupert"};
      std::string name = first[static_cast<std::size_t>(i) % first.size()];
      if (i >= static_cast<std::int64_t>(first.size())) {
        name += std::to_string(i);
      }
      if (rng.chance(10)) {
        name[0] = static_cast<char>(name[0] - 'a' + 'A');  // "Alice" and "alice" are two people
      }
      audience.push_back(name);
    }
    for (std::int64_t i = 0; i < 6; ++i) {
      outreach_people.push_back(numbered("someone", i));
    }
    if (rng.chance(50)) {
      canned = {"Thanks for reaching out! We will DM you.", "Thanks!"};
    }
    responsiveness = rng.chance(20) ? 0 : rng.between(0, 100);
    chattiness = rng.below(3);
    static const std::vector<std::int64_t> scales = {100, 1000, 10000, 40000, 200000};
    reach_scale = rng.pick(scales);
    reply_back = rng.between(0, 70);
    static const std::array<std::uint64_t, 5> carry_levels = {0, 40, 80, 100, 100};
    for (std::uint64_t& c : carry) {
      c = carry_levels[static_cast<std::size_t>(rng.below(carry_levels.size()))];
    }
    if (rng.chance(85)) {
      doc["account"] = make_account(seed);
    } else {
      // A bare account: a handle only, no follower count.
      doc["account"] = {{"handle", numbered("@brand", seed % 997)}};
      handle = numbered("brand", seed % 997);
      account_spellings = {handle, "@" + handle};
    }

    // 2025-01-01 plus up to ~10 months, then 2-8 months of activity.
    const std::int64_t start = (days_from_civil(2025, 1, 1) + rng.between(0, 300)) * 86400000 +
                               rng.between(0, 86399) * 1000;
    const std::int64_t span = rng.between(60, 240) * 86400000;
    const std::int64_t n = rng.between(5, 40);
    std::vector<std::int64_t> times;
    for (std::int64_t i = 0; i < n; ++i) {
      if (!times.empty() && rng.chance(6)) {
        times.push_back(times.back() + rng.between(10, 400) * 1000);  // posted in quick succession
      } else {
        times.push_back(start +
                        static_cast<std::int64_t>(rng.below(static_cast<std::uint64_t>(span))));
      }
    }
    std::sort(times.begin(), times.end());
    json posts = json::array();
    for (std::int64_t i = 0; i < n; ++i) {
      const json id = rng.chance(15) ? json(100000 + i) : json(numbered("p", i + 1));
      const std::int64_t t = times[static_cast<std::size_t>(i)];
      json post = {{"id", id}, {"created_at", time(t)}};
      const std::uint64_t kind = rng.below(100);
      if (kind < 5) {
        post["author"] = audience[rng.skewed(audience.size())];  // foreign: not scored
      } else if (rng.chance(40)) {
        post["author"] = rng.pick(account_spellings);
      }
      if (kind >= 5 && kind < 20) {
        const std::string person = rng.pick(outreach_people);
        post["in_reply_to"] = {{"author", person}, {"id", numbered("x", rng.below(10000))}};
      } else if (kind >= 20 && kind < 25) {
        post["in_reply_to"] = {{"author", "@" + handle}, {"id", numbered("p", i)}};
      }
      std::string text = post_text();
      tags(post, text);
      post["text"] = text;
      if (rng.chance(60)) {
        post["url"] = "https://social.example/" + handle + "/" + id_text(id);
      }
      if (!rng.chance(10)) {
        post["metrics"] = metrics();
      }
      json cs = comments(id_text(id), t);
      if (!cs.empty() || rng.chance(50)) {
        post["comments"] = std::move(cs);
      }
      posts.push_back(std::move(post));
    }
    doc["posts"] = std::move(posts);
    return doc;
  }
};

}  // namespace detail

// A random, realistic ror/v1 document for a seed.
inline json generate(std::uint64_t seed, Options options = {}) {
  detail::Generator g(seed, options);
  return g.generate(seed);
}

// ---- serialising --------------------------------------------------------------------------------

// The data as one JSON document on one line.
inline std::string to_document(const json& doc) {
  return doc.dump();
}

// The same data as NDJSON: an account line (when there is an account), then one post per line.
inline std::string to_ndjson(const json& doc) {
  std::string out;
  if (doc.contains("account")) {
    out += json{{"account", doc.at("account")}}.dump() + "\n";
  }
  for (const json& post : doc.at("posts")) {
    out += post.dump() + "\n";
  }
  return out;
}

// ---- edits --------------------------------------------------------------------------------------

namespace detail {

template <typename T>
void shuffle_array(T& array, Rng& rng) {
  for (std::size_t i = array.size(); i > 1; --i) {
    const std::size_t j = static_cast<std::size_t>(rng.below(i));
    std::swap(array[i - 1], array[j]);
  }
}

}  // namespace detail

// The same data with posts, and the comments within each post, in another order (ids kept).
inline json shuffled(json doc, std::uint64_t seed) {
  Rng rng(seed ^ 0x53485546464C45ULL);
  json& posts = doc.at("posts");
  detail::shuffle_array(posts, rng);
  for (json& post : posts) {
    if (post.contains("comments")) {
      detail::shuffle_array(post.at("comments"), rng);
    }
  }
  return doc;
}

// Every post metric count and the follower count multiplied by factor.
inline json scaled(json doc, std::int64_t factor) {
  if (doc.contains("account") && doc.at("account").contains("followers") &&
      doc.at("account").at("followers").is_number_integer()) {
    json& f = doc.at("account").at("followers");
    f = f.get<std::int64_t>() * factor;
  }
  for (json& post : doc.at("posts")) {
    if (!post.contains("metrics")) {
      continue;
    }
    for (auto& [key, value] : post.at("metrics").items()) {
      if (value.is_number_integer()) {
        value = value.get<std::int64_t>() * factor;
      }
    }
  }
  return doc;
}

// Whether comment c is top-level (no parent, null, or the post's own id).
inline bool is_top_level(const json& post, const json& c) {
  return !c.contains("parent_id") || c.at("parent_id").is_null() ||
         id_text(c.at("parent_id")) == id_text(post.at("id"));
}

// Where an account answer could go: a top-level audience comment on an account post that no
// account comment answers yet. Returns (post index, comment index) pairs.
inline std::vector<std::pair<std::size_t, std::size_t>> unanswered_comments(const json& doc) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  const json& posts = doc.at("posts");
  for (std::size_t p = 0; p < posts.size(); ++p) {
    const json& post = posts[p];
    if (!is_account_post(doc, post) || !post.contains("comments")) {
      continue;
    }
    const json& cs = post.at("comments");
    std::set<std::string> answered;
    std::set<std::string> ids;
    for (const json& c : cs) {
      ids.insert(id_text(c.at("id")));
    }
    for (const json& c : cs) {
      if (is_account_name(doc, c.at("author").get<std::string>()) && c.contains("parent_id") &&
          !c.at("parent_id").is_null()) {
        answered.insert(id_text(c.at("parent_id")));
      }
    }
    for (std::size_t k = 0; k < cs.size(); ++k) {
      const json& c = cs[k];
      const std::string id = id_text(c.at("id"));
      if (!is_account_name(doc, c.at("author").get<std::string>()) && is_top_level(post, c) &&
          answered.count(id) == 0) {
        out.emplace_back(p, k);
      }
    }
  }
  return out;
}

// Adds an account answer to one unanswered top-level audience comment (picked by seed), some
// minutes to days after it. Returns nullopt when there is no such comment.
inline std::optional<json> with_answer(json doc, std::uint64_t seed) {
  const auto candidates = unanswered_comments(doc);
  if (candidates.empty()) {
    return std::nullopt;
  }
  Rng rng(seed ^ 0x414E53574552ULL);
  const auto [p, k] = candidates[static_cast<std::size_t>(rng.below(candidates.size()))];
  json& cs = doc.at("posts")[p].at("comments");
  const json asked = cs[k];
  std::string id = "answer";
  for (int n = 1;; ++n) {
    const std::string candidate = numbered("answer", n);
    bool taken = false;
    for (const json& c : cs) {
      taken = taken || id_text(c.at("id")) == candidate;
    }
    if (!taken) {
      id = candidate;
      break;
    }
  }
  const std::string handle = doc.at("account").contains("handle")
                                 ? doc.at("account").at("handle").get<std::string>()
                                 : id_text(doc.at("account").at("id"));
  const std::int64_t at =
      parse_time(asked.at("created_at").get<std::string>()) + rng.between(60, 14 * 86400) * 1000;
  cs.push_back({{"id", id},
                {"author", handle},
                {"created_at", format_time(at, TimeStyle{})},
                {"parent_id", asked.at("id")},
                {"text", "Good point, thank you: we are on it (" + id + ")"}});
  return doc;
}

// What the posts of a burst carry in `metrics`.
enum class BurstMetrics : std::uint8_t {
  none,      // no metrics object
  reach,     // impressions, reach, likes and shares, but no clicks or conversions
  all_zero,  // every metric, all 0 (nobody acted)
};

// Appends k original posts (3 <= k <= 7, so that they fall within 10 minutes) at most 90 s
// apart, all with the same text stuffed with five hashtags, and no comments. The burst starts at
// a random time inside the data's time span.
inline json with_burst(json doc, std::size_t k, std::uint64_t seed,
                       BurstMetrics metrics = BurstMetrics::none) {
  Rng rng(seed ^ 0x4255525354ULL);
  json& posts = doc.at("posts");
  std::int64_t first = 0;
  std::int64_t last = 0;
  for (std::size_t i = 0; i < posts.size(); ++i) {
    const std::int64_t t = parse_time(posts[i].at("created_at").get<std::string>());
    first = i == 0 ? t : std::min(first, t);
    last = i == 0 ? t : std::max(last, t);
  }
  std::int64_t t = first + static_cast<std::int64_t>(
                               rng.below(static_cast<std::uint64_t>(last - first) + 86400000));
  const std::string text =
      "Huge SALE today only!!! #deal #sale #promo #win #free https://shop.example/deal";
  for (std::size_t i = 0; i < k; ++i) {
    json post = {{"id", numbered("burst-", seed % 1000) + numbered("-", i)},
                 {"created_at", format_time(t, TimeStyle{})},
                 {"text", text}};
    if (metrics == BurstMetrics::reach) {
      const std::int64_t impressions = rng.between(500, 5000);
      const std::int64_t likes = rng.between(0, 5);
      const std::int64_t shares = rng.between(0, 2);
      post["metrics"] = {{"impressions", impressions},
                         {"reach", impressions / 2},
                         {"likes", likes},
                         {"shares", shares}};
    } else if (metrics == BurstMetrics::all_zero) {
      post["metrics"] = {{"impressions", 0}, {"reach", 0}, {"views", 0},  {"likes", 0},
                         {"shares", 0},      {"saves", 0}, {"clicks", 0}, {"conversions", 0}};
    }
    posts.push_back(std::move(post));
    t += rng.between(0, 90) * 1000;  // k <= 6 keeps the burst within 10 minutes
  }
  return doc;
}

}  // namespace ror::test::gen
