#include "gen/wordpress.hpp"

#include "gen/output.hpp"
#include "gen/text.hpp"

namespace gen::wp {

namespace {

constexpr uint64_t kPostSalt = 0x77702d706f7374ULL;

// How many authors the site has (1 to 3).
int authors_of(uint64_t seed) {
  uint64_t s = seed ^ 0x77702d61757468ULL;
  const uint64_t r = splitmix64(s) % 10;
  return r < 5 ? 1 : r < 8 ? 2 : 3;
}

int offset_of(uint64_t seed) {
  static constexpr int kSiteOffsets[] = {-300, -480, 0, 60, 120, 600, -240, 330};
  uint64_t s = seed ^ 0x77702d747aULL;
  return kSiteOffsets[splitmix64(s) % std::size(kSiteOffsets)];
}

// SITE/2025/03/04/SLUG/
void permalink(std::string& s, const std::string& site, int64_t local_ms, std::string_view slug) {
  std::string q;
  put_ts(q, local_ms, kZ, 0);
  s += site;
  s.push_back('/');
  s.append(q, 1, 4);
  s.push_back('/');
  s.append(q, 6, 2);
  s.push_back('/');
  s.append(q, 9, 2);
  s.push_back('/');
  s += slug;
  s.push_back('/');
}

// The paragraphs of a post's body: the status's own text first, then more from statuses of its
// own seeds (the same post always reads the same).
void body(TextMaker& maker, const Status& s, Rng& rng, std::vector<Text>& out) {
  const auto n = static_cast<size_t>(rng.range(2, 7));
  if (out.size() < n) {
    out.resize(n);
  }
  Rng text_rng(0);
  maker.make(s, kAccount, text_rng, out[0]);
  for (size_t k = 1; k < n; ++k) {
    Status more = s;
    more.kind = StatusKind::self_reply;
    more.seed = s.seed ^ (0x9E3779B97F4A7C15ULL * k);
    maker.make(more, kAccount, text_rng, out[k]);
  }
  out.resize(n);
}

// The index of a hashtag among the pool's tags, or -1.
int tag_index(std::string_view tag) {
  const auto tags = plain_lexicon().tags;
  for (size_t i = 0; i < tags.size(); ++i) {
    if (tags[i] == tag) {
      return static_cast<int>(i);
    }
  }
  return -1;
}

// A name in lower case, '_' as '-'.
void lower_dashed(std::string& s, std::string_view name) {
  for (const char c : name) {
    s.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c == '_' ? '-' : c);
  }
}

}  // namespace

Site::Site(const Brand& b, uint64_t seed)
    : brand(b),
      url("https://blog." + std::string(b.domain)),
      authors(authors_of(seed)),
      offset(offset_of(seed)) {}

void author_slug(std::string& s, const Brand& brand, int id) {
  lower_dashed(s, id == 2 ? brand.alias1 : brand.handle);
  if (id == 3) {
    s += "-editorial";
  }
}

void blog_name(std::string& s, const People& people, int64_t person) {
  std::string handle;
  people.x_handle(handle, person);
  lower_dashed(s, handle);
}

void author_name(std::string& s, const Brand& brand, int id) {
  s += id == 2 ? brand.alias1 : brand.alias2;
  if (id == 3) {
    s += " Editorial";
  }
}

void title(Rng& rng, const Brand& brand, std::string& out) {
  out.clear();
  Words(rng, brand, plain_lexicon()).phrase(out, static_cast<uint64_t>(rng.range(3, 9)));
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') {
    out[0] = static_cast<char>(out[0] - 'a' + 'A');
  }
}

void slug(std::string& s, std::string_view title) {
  static constexpr char kHex[] = "0123456789abcdef";
  const size_t start = s.size();
  bool dash = true;
  for (const char ch : title) {
    const auto c = static_cast<unsigned char>(ch);
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      s.push_back(static_cast<char>(c));
      dash = false;
    } else if (c >= 'A' && c <= 'Z') {
      s.push_back(static_cast<char>(c - 'A' + 'a'));
      dash = false;
    } else if (c >= 0x80) {
      s.push_back('%');
      s.push_back(kHex[c >> 4]);
      s.push_back(kHex[c & 15]);
      dash = false;
    } else if (!dash) {
      s.push_back('-');
      dash = true;
    }
    if (s.size() - start >= 190) {
      break;
    }
  }
  while (s.size() > start && s.back() == '-') {
    s.pop_back();
  }
  if (s.size() == start) {
    s += "post";
  }
}

std::string upload_dir(int64_t t) {
  std::string q;
  put_ts(q, t, kZ, 0);
  return q.substr(1, 4) + "/" + q.substr(6, 2) + "/";
}

std::string image_file(uint64_t media) {
  return "IMG_" + std::to_string(1000 + media % 9000);
}

void plan_post(Post& out, const Site& site, TextMaker& maker, const Status& s, uint64_t& next_id) {
  Rng rng(s.seed ^ kPostSalt);
  const uint64_t gap = rng.below(3);
  out.draft = gap > 0 && rng.per_mille(150) ? next_id : 0;
  const bool image = rng.per_mille(450);
  out.media = image ? next_id + gap : 0;
  out.id = next_id + gap + (image ? 1 : 0);
  next_id = out.id + 1;
  out.author =
      site.authors == 1 || rng.per_mille(700) ? 1 : static_cast<int>(rng.range(2, site.authors));
  title(rng, site.brand, out.title);
  out.slug.clear();
  slug(out.slug, out.title);
  out.link.clear();
  permalink(out.link, site.url, s.t + int64_t{site.offset} * 60000, out.slug);
  body(maker, s, rng, out.paragraphs);
  out.headings.assign(out.paragraphs.size(), {});
  for (size_t k = 1; k < out.paragraphs.size(); ++k) {
    if (rng.per_mille(200)) {
      Words(rng, site.brand, plain_lexicon())
          .phrase(out.headings[k], static_cast<uint64_t>(rng.range(2, 5)));
    }
  }
  out.categories[0] = 2 + rng.below(std::size(kCategories));
  out.categories[1] = rng.per_mille(200) ? (out.categories[0] == 2 ? 3 : 2) : 0;
  out.tags.clear();
  for (const Text& t : out.paragraphs) {
    for (const Piece& p : t.pieces) {
      if (const int k = p.kind == PieceKind::hashtag ? tag_index(t.of(p)) : -1; k >= 0) {
        out.tags.push_back(static_cast<size_t>(k));
      }
    }
  }
}

uint64_t comment_id(const Status& c, uint64_t& next_id, uint64_t& held) {
  Rng r(c.seed ^ 0x77702d68656c64ULL);
  held = r.per_mille(25) ? next_id++ : 0;
  return next_id++;
}

uint64_t pingback_id(const Status& s, uint64_t& next_id) {
  Rng r(s.seed ^ 0x77702d70696e67ULL);
  return r.per_mille(60) ? next_id++ : 0;
}

void comment_text(TextMaker& maker, const std::vector<Status>& unit, const Status& c,
                  const Site& site, int post_author, Rng& rng, Text& text, int& account_author) {
  maker.make(c, unit[static_cast<size_t>(c.parent)].author, rng, text);
  account_author = site.authors > 1 && rng.per_mille(250)
                       ? static_cast<int>(rng.range(1, site.authors))
                       : post_author;
}

void visitor_name(std::string& s, const People& people, const Audience& audience, int64_t person) {
  const size_t start = s.size();
  if ((audience.key(static_cast<uint64_t>(person)) >> 3) % 2 == 0) {
    people.display_name(s, person);
  }
  if (s.size() == start) {
    people.x_handle(s, person);
  }
}

uint64_t user_id(const Audience& audience, int64_t person) {
  const uint64_t key = audience.key(static_cast<uint64_t>(person));
  return key % 16 == 5 ? 100 + key : 0;
}

void words_html(std::string& s, std::string_view w, bool texturize) {
  size_t done = 0;  // what is written; the characters from there on need no more than escaping
  for (size_t i = 0; i < w.size(); ++i) {
    const char c = w[i];
    std::string_view to;
    size_t skip = 0;  // characters taken besides c
    if (c == '\n') {
      skip = i + 1 < w.size() && w[i + 1] == '\n' ? 1 : 0;
      to = skip > 0 ? "</p>\n<p>" : "<br />\n";
    } else if (texturize) {
      const bool start = i == 0 || w[i - 1] == ' ' || w[i - 1] == '\n' || w[i - 1] == '(';
      if (c == '&') {
        to = "&#038;";
      } else if (c == '"') {
        to = start ? "&#8220;" : "&#8221;";
      } else if (c == '\'') {
        to = start ? "&#8216;" : "&#8217;";
      } else if (c == '.' && w.substr(i, 3) == "...") {
        to = "&#8230;";
        skip = 2;
      }
    }
    if (!to.empty()) {
      escape_html(s, w.substr(done, i - done), kHtmlMinimal);
      s += to;
      i += skip;
      done = i + 1;
    }
  }
  escape_html(s, w.substr(done), kHtmlMinimal);
}

void inline_html(std::string& s, const Text& text, const People& people, bool texturize,
                 std::string_view rel) {
  for (const Piece& p : text.pieces) {
    switch (p.kind) {
      case PieceKind::words:
        words_html(s, text.of(p), texturize);
        break;
      case PieceKind::hashtag:
        s.push_back('#');
        words_html(s, text.of(p), texturize);
        break;
      case PieceKind::mention: {
        std::string name;
        people.name_or_handle(name, p.person);
        s.push_back('@');
        words_html(s, name, texturize);
        break;
      }
      case PieceKind::link: {
        std::string url;
        words_html(url, text.of(p), false);
        s += "<a href=\"";
        s += url;
        s.push_back('"');
        if (!rel.empty()) {
          s += " rel=\"";
          s += rel;
          s.push_back('"');
        }
        s.push_back('>');
        s += url;
        s += "</a>";
        break;
      }
    }
  }
}

void typed_html(std::string& s, const Text& text, const People& people) {
  std::string plain;
  render_plain(text, plain, [&](std::string& out, int64_t person) {
    out.push_back('@');
    people.name_or_handle(out, person);
  });
  escape_html(s, plain, kHtmlMinimal);
}

}  // namespace gen::wp
