#include "gen/twitter.hpp"

#include "gen/output.hpp"

namespace gen {

namespace {

uint32_t code_points(std::string_view s) {
  uint32_t n = 0;
  for (const char c : s) {
    n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  }
  return n;
}

// The byte length of the first `n` code points of s.
size_t prefix_bytes(std::string_view s, uint32_t n) {
  size_t i = 0;
  for (uint32_t k = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && k++ == n) {
      break;
    }
  }
  return i;
}

void tco(std::string& s, Rng& rng) {
  static constexpr char kAlnum[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  s += "https://t.co/";
  for (int i = 0; i < 10; ++i) {
    s.push_back(kAlnum[rng.below(sizeof kAlnum - 1)]);
  }
}

}  // namespace

void render_tweet(const Text& in, const People& people, Rng& rng, std::string_view prefix,
                  uint32_t max_code_points, TweetText& out) {
  out.text.assign(prefix);
  out.entities.clear();
  uint32_t at = code_points(prefix);
  for (const Piece& p : in.pieces) {
    const size_t before = out.text.size();
    TweetEntity e;
    e.kind = p.kind;
    switch (p.kind) {
      case PieceKind::words:
        out.text += in.of(p);
        break;
      case PieceKind::hashtag:
        e.value = in.of(p);
        out.text.push_back('#');
        out.text += e.value;
        break;
      case PieceKind::mention:
        e.person = p.person;
        out.text.push_back('@');
        people.x_handle(out.text, p.person);
        break;
      case PieceKind::link:
        e.value = in.of(p);
        tco(e.tco, rng);
        out.text += e.tco;
        break;
    }
    const uint32_t n = code_points(std::string_view(out.text).substr(before));
    if (p.kind != PieceKind::words) {
      e.start = at;
      e.end = at + n;
      out.entities.push_back(std::move(e));
    }
    at += n;
  }
  if (at > max_code_points) {
    out.text.resize(prefix_bytes(out.text, max_code_points - 1));
    out.text += "…";
    at = max_code_points;
    while (!out.entities.empty() && out.entities.back().end >= at) {
      out.entities.pop_back();
    }
  }
  out.length = at;
}

void append_link(TweetText& t, std::string_view url, Rng& rng) {
  TweetEntity e;
  e.kind = PieceKind::link;
  e.value = url;
  tco(e.tco, rng);
  t.text.push_back(' ');
  t.text += e.tco;
  e.start = t.length + 1;
  e.end = e.start + static_cast<uint32_t>(e.tco.size());
  t.length = e.end;
  t.entities.push_back(std::move(e));
}

void tweet_url(std::string& s, const People& people, int64_t person, uint64_t id) {
  s += "https://twitter.com/";
  people.x_handle(s, person);
  s += "/status/";
  put_u(s, id);
}

void display_url(std::string& s, std::string_view url) {
  if (const size_t scheme = url.find("://"); scheme != std::string_view::npos) {
    url.remove_prefix(scheme + 3);
  }
  if (url.size() > 26) {
    s += url.substr(0, 26);
    s += "…";
  } else {
    s += url;
  }
}

std::string_view tweet_source_html(Rng& rng, std::string_view& name) {
  struct Source {
    std::string_view name, html;
  };
  static constexpr Source kSources[] = {
      {"Twitter Web App",
       R"(<a href="https://mobile.twitter.com" rel="nofollow">Twitter Web App</a>)"},
      {"Twitter for iPhone",
       R"(<a href="http://twitter.com/download/iphone" rel="nofollow">Twitter for iPhone</a>)"},
      {"Twitter for Android",
       R"(<a href="http://twitter.com/download/android" rel="nofollow">Twitter for Android</a>)"},
      {"Buffer", R"(<a href="https://buffer.com" rel="nofollow">Buffer</a>)"},
      {"Sprout Social", R"(<a href="https://sproutsocial.com" rel="nofollow">Sprout Social</a>)"},
  };
  const uint64_t r = rng.below(100);
  const Source& s = kSources[r < 40 ? 0 : r < 60 ? 1 : r < 70 ? 2 : r < 90 ? 3 : 4];
  name = s.name;
  return s.html;
}

std::string_view tweet_lang(Rng& rng) {
  static constexpr std::string_view kOther[] = {"fr", "de", "es", "ja", "pt", "it", "und", "qme"};
  return rng.per_mille(850) ? "en" : kOther[rng.below(std::size(kOther))];
}

}  // namespace gen
