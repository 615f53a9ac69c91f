#include "gen/reddit.hpp"

#include <algorithm>

#include "gen/options.hpp"
#include "gen/output.hpp"
#include "gen/text.hpp"

namespace gen::reddit {

void put_base36(std::string& s, uint64_t v) {
  char tmp[16];
  int n = 0;
  do {
    const auto d = static_cast<char>(v % 36);
    tmp[n++] = static_cast<char>(d < 10 ? '0' + d : 'a' + d - 10);
    v /= 36;
  } while (v > 0);
  while (n > 0) {
    s.push_back(tmp[--n]);
  }
}

void fullname(std::string& s, std::string_view kind, uint64_t id) {
  s += kind;
  put_base36(s, id);
}

void id_field(JsonWriter& w, std::string_view key, std::string_view kind, uint64_t id) {
  std::string s;
  fullname(s, kind, id);
  w.field(key, s);
}

void username(std::string& s, const People& people, int64_t person) {
  if (person == kDeleted) {
    s += "[deleted]";
  } else {
    people.x_handle(s, person);
  }
}

void user_fullname(std::string& s, const People& people, int64_t person) {
  fullname(s, "t2_", people.x_id(person) % 2821109907456ULL);  // 36^8
}

std::string_view subreddit(const Brand& brand) {
  return brand.handle;
}

void subreddit_id(std::string& s, const Brand& brand) {
  uint64_t h = 0;
  for (const char c : brand.handle) {
    h = h * 131 + static_cast<unsigned char>(c);
  }
  fullname(s, "t5_", 60466176 + splitmix64(h) % 1000000000);  // 36^5 and up: 6 characters
}

uint64_t subscribers(uint64_t followers, int64_t t) {
  return followers / 4 + 1200 +
         static_cast<uint64_t>(std::max<int64_t>(0, t - kYearStartMs) / (86400000 / 40));
}

void markdown(std::string& s, const Text& text, const People& people) {
  render_plain(text, s, [&](std::string& out, int64_t person) {
    out += "u/";
    username(out, people, person);
  });
}

void html(std::string& s, const Text& text, const People& people) {
  s += "<div class=\"md\"><p>";
  for (const Piece& p : text.pieces) {
    switch (p.kind) {
      case PieceKind::words: {
        const std::string_view w = text.of(p);
        size_t at = 0;
        while (at <= w.size()) {
          const size_t br = w.find("\n\n", at);
          escape_html(s, w.substr(at, br == std::string_view::npos ? br : br - at), kHtmlQuotes);
          if (br == std::string_view::npos) {
            break;
          }
          s += "</p>\n\n<p>";
          at = br + 2;
        }
        break;
      }
      case PieceKind::hashtag:
        s.push_back('#');
        escape_html(s, text.of(p), kHtmlQuotes);
        break;
      case PieceKind::mention: {
        std::string name;
        username(name, people, p.person);
        s += "<a href=\"/u/";
        s += name;
        s += "\">u/";
        s += name;
        s += "</a>";
        break;
      }
      case PieceKind::link:
        anchor_html(s, text.of(p), kHtmlQuotes);
        break;
    }
  }
  s += "</p>\n</div>";
}

namespace {

// A submission's title, drawn from `rng` (after the text): words on one line.
void title(std::string& s, Rng& rng, const Brand& brand) {
  std::string w;
  Words(rng, brand, plain_lexicon()).words(w, static_cast<uint64_t>(rng.range(3, 16)));
  for (const char c : w) {
    if (c == '\n' || c == '\t') {
      if (!s.empty() && s.back() != ' ') {
        s.push_back(' ');
      }
    } else {
      s.push_back(c);
    }
  }
  while (!s.empty() && s.back() == ' ') {
    s.pop_back();
  }
  if (s.size() > 280) {
    s.resize(280);
    while (!s.empty() && (static_cast<unsigned char>(s.back()) & 0xC0) == 0x80) {
      s.pop_back();  // (not in the middle of a character)
    }
    if (!s.empty() && static_cast<unsigned char>(s.back()) >= 0xC0) {
      s.pop_back();
    }
  }
  if (s.empty()) {
    s = "Question";
  }
}

// The permalink's slug of a title: lower-case ASCII words joined by '_', about 50 characters.
void slug(std::string& s, std::string_view title) {
  const size_t start = s.size();
  bool gap = false;
  for (const char c : title) {
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    const bool upper = c >= 'A' && c <= 'Z';
    if (alnum || upper) {
      if (gap && s.size() > start) {
        if (s.size() - start >= 46) {
          break;
        }
        s.push_back('_');
      }
      s.push_back(upper ? static_cast<char>(c + 32) : c);
      gap = false;
    } else if (c == ' ' || c == '-' || c == '\n') {
      gap = true;
    }
  }
  if (s.size() == start) {
    s += "post";
  }
}

}  // namespace

void submission(Submission& out, const Text& text, Rng& rng, const Brand& brand) {
  out.title.clear();
  title(out.title, rng, brand);
  out.slug.clear();
  slug(out.slug, out.title);
  // A link post when the text holds a link, some of the time: its url, no selftext.
  out.url = last_link(text);
  if (!out.url.empty() && rng.per_mille(500)) {
    out.url = {};
  }
}

void Submission::domain(std::string& s, const Brand& brand) const {
  if (is_self()) {
    s += "self.";
    s += subreddit(brand);
  } else {
    s += brand.domain;
  }
}

void Submission::link(std::string& s, std::string_view permalink) const {
  if (is_self()) {
    s += "https://www.reddit.com";
    s += permalink;
  } else {
    s += url;
  }
}

void permalink(std::string& s, const Brand& brand, uint64_t link, std::string_view slug,
               uint64_t comment) {
  s += "/r/";
  s += subreddit(brand);
  s += "/comments/";
  put_base36(s, link);
  s.push_back('/');
  s += slug;
  s.push_back('/');
  if (comment != 0) {
    put_base36(s, comment);
    s.push_back('/');
  }
}

void edited(JsonWriter& w, const Status& s, bool api) {
  if (!s.edited) {
    w.key("edited").boolean(false);
    return;
  }
  const int64_t secs = epoch_seconds(s.t) + epoch_seconds(s.t - s.edit_t) + 1;
  if (api) {
    api_seconds(w, "edited", secs);
  } else {
    w.key("edited").signed_number(secs);
  }
}

void api_seconds(JsonWriter& w, std::string_view key, int64_t secs) {
  std::string s;
  put_u(s, static_cast<uint64_t>(secs));
  s += ".0";
  w.key(key).raw(s);
}

std::string upvote_ratio(uint64_t score) {
  const uint64_t r = std::min<uint64_t>(100, 50 + score * 50 / (score + 4));
  if (r == 100) {
    return "1.0";
  }
  std::string s = "0.";
  put_digits(s, static_cast<unsigned>(r), 2);
  if (s.back() == '0') {
    s.pop_back();
  }
  return s;
}

std::string account_json(const People& people) {
  std::string s = "{\"username\": \"";
  username(s, people, kAccount);
  s += "\", \"id\": \"";
  user_fullname(s, people, kAccount);
  s += "\", \"followers\": null}";
  return s;
}

}  // namespace gen::reddit
