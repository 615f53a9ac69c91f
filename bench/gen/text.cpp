#include "gen/text.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <vector>

#include "gen/output.hpp"

namespace gen {

namespace {

// A pool decoded from JSON-escaped text to UTF-8; the views point into `text`.
struct PlainPool {
  std::vector<std::string> text;
  std::vector<std::string_view> views;
};

unsigned hex_value(std::string_view s, size_t at) {
  unsigned v = 0;
  for (size_t i = at; i < at + 4; ++i) {
    const char c = s[i];
    v = v * 16 + static_cast<unsigned>(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
  }
  return v;
}

void put_utf8(std::string& s, uint32_t cp) {
  if (cp < 0x80) {
    s.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    s.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    s.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    s.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    s.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    s.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    s.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    s.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    s.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    s.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// The pools hold well-formed escapes only (they are ours), so this checks nothing.
std::string json_unescape(std::string_view in) {
  std::string out;
  for (size_t i = 0; i < in.size(); ++i) {
    if (in[i] != '\\') {
      out.push_back(in[i]);
      continue;
    }
    const char e = in[++i];
    switch (e) {
      case 'n':
        out.push_back('\n');
        break;
      case 't':
        out.push_back('\t');
        break;
      case 'u': {
        uint32_t cp = hex_value(in, i + 1);
        i += 4;
        if (cp >= 0xD800 && cp < 0xDC00) {  // a surrogate pair: \uD83D\uDE00
          cp = 0x10000 + ((cp - 0xD800) << 10) + (hex_value(in, i + 3) - 0xDC00);
          i += 6;
        }
        put_utf8(out, cp);
        break;
      }
      default:  // \" \\ \/
        out.push_back(e);
        break;
    }
  }
  return out;
}

std::span<const std::string_view> plain(std::span<const std::string_view> pool, PlainPool& keep) {
  keep.text.reserve(pool.size());
  for (std::string_view w : pool) {
    keep.text.push_back(json_unescape(w));
  }
  for (const std::string& w : keep.text) {
    keep.views.push_back(w);
  }
  return keep.views;
}

}  // namespace

const Lexicon& escaped_lexicon() {
  static const Lexicon kLex{kCommon,  kAccented, kEmoji,
                            kScripts, kEscaped,  kShort,
                            kCanned,  kTags,     {". ", "! ", "? ", ".\\n", ".\\n\\n", "... "},
                            "\\/"};
  return kLex;
}

const Lexicon& plain_lexicon() {
  static std::array<PlainPool, 8> keep;
  static const Lexicon kLex{plain(kCommon, keep[0]),
                            plain(kAccented, keep[1]),
                            plain(kEmoji, keep[2]),
                            plain(kScripts, keep[3]),
                            plain(kEscaped, keep[4]),
                            plain(kShort, keep[5]),
                            plain(kCanned, keep[6]),
                            plain(kTags, keep[7]),
                            {". ", "! ", "? ", ".\n", ".\n\n", "... "},
                            "/"};
  return kLex;
}

void Words::word(std::string& s) {
  const uint64_t r = rng_.below(1000);
  if (r < 845) {
    s += pick(rng_, lex_.common);
  } else if (r < 885) {
    s += pick(rng_, lex_.accented);
  } else if (r < 915) {
    s += pick(rng_, lex_.emoji);
  } else if (r < 935) {
    s += pick(rng_, lex_.scripts);
  } else if (r < 950) {
    s += pick(rng_, lex_.escaped);
  } else if (r < 985) {
    put_u(s, rng_.pareto(3, 100000) + 1);
  } else {
    s += brand_.alias2.substr(0, brand_.alias2.find(' '));
  }
}

void Words::words(std::string& s, uint64_t n) {
  uint64_t sentence = 0;
  const uint64_t sentence_len = 6 + rng_.below(10);
  for (uint64_t i = 0; i < n; ++i) {
    if (i > 0) {
      if (sentence >= sentence_len) {
        const uint64_t r = rng_.below(100);
        s += lex_.breaks[r < 60 ? 0 : r < 72 ? 1 : r < 80 ? 2 : r < 92 ? 3 : r < 97 ? 4 : 5];
        sentence = 0;
      } else if (rng_.per_mille(60)) {
        s += ", ";
      } else {
        s.push_back(' ');
      }
    }
    word(s);
    ++sentence;
  }
}

void Words::phrase(std::string& s, uint64_t n) {
  for (uint64_t i = 0; i < n; ++i) {
    if (i > 0) {
      s.push_back(' ');
    }
    word(s);
  }
}

void Words::url(std::string& s, bool escaped_slashes) {
  const std::string_view sl = escaped_slashes ? lex_.escaped_slash : "/";
  s += "https:";
  s += sl;
  s += sl;
  s += brand_.domain;
  s += sl;
  s += rng_.per_mille(500) ? "p" : "blog";
  s += sl;
  static constexpr char kAlnum[] = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  for (int i = 0; i < 7; ++i) {
    s.push_back(kAlnum[rng_.below(sizeof kAlnum - 1)]);
  }
  if (rng_.per_mille(300)) {
    s += "?utm_source=social&utm_medium=post&utm_campaign=c";
  }
  if (rng_.per_mille(300)) {
    put_u(s, rng_.below(100));
  }
}

Audience::Audience(uint64_t size_bytes)
    : size_(std::bit_ceil(std::clamp<uint64_t>(size_bytes / 1500, 2048, uint64_t{1} << 21))),
      zipf_(size_, 64) {}

void Audience::name(std::string& s, uint64_t i) const {
  constexpr uint64_t F = std::size(kFirst), L = std::size(kLast);
  const uint64_t j = key(i);
  s += kFirst[j % F];
  s.push_back((j >> 12) % 5 == 0 ? '.' : '_');
  s += kLast[(j / F) % L];
  if (const uint64_t q = j / (F * L); q > 0) {
    put_u(s, q);
  }
  if ((j * 0xD6E8FEB86659FD93ULL >> 60) == 3) {
    s.push_back('@');
    s += kInstances[j % std::size(kInstances)];
  }
}

void fold_handle(std::string& s, std::string_view name, char sep) {
  // U+00C0..U+00FF without accents ('-': dropped).
  static constexpr char kLatin1[] =
      "AAAAAAACEEEEIIIIDNOOOOO-OUUUUYTsaaaaaaaceeeeiiiidnooooo-ouuuuyty";
  for (size_t i = 0; i < name.size(); ++i) {
    const auto c = static_cast<unsigned char>(name[i]);
    if (c == '@') {
      break;
    }
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
      s.push_back(static_cast<char>(c));
    } else if (c == '.' || c == '_') {
      s.push_back(sep);
    } else if (c == 0xC3 && i + 1 < name.size()) {  // U+00C0..U+00FF
      const char folded = kLatin1[static_cast<unsigned char>(name[++i]) & 0x3F];
      if (folded != '-') {
        s.push_back(folded);
      }
    } else if (c >= 0xC0) {
      while (i + 1 < name.size() && (static_cast<unsigned char>(name[i + 1]) & 0xC0) == 0x80) {
        ++i;  // another script: dropped
      }
    }
  }
}

}  // namespace gen
