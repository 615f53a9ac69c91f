#include "model/html_names.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>

namespace ror::html {
namespace {

constexpr char ascii_lower(char c) noexcept {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

constexpr bool is_alnum(char c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

struct Entity {
  std::string_view name;
  char32_t code = 0;
};

// Names of consecutive code points from the first one given on; "" marks a code point without a
// name. Latin-1 from U+00A0:
constexpr std::string_view kLatin1[] = {
    "nbsp",   "iexcl",  "cent",   "pound",  "curren", "yen",    "brvbar", "sect",   "uml",
    "copy",   "ordf",   "laquo",  "not",    "shy",    "reg",    "macr",   "deg",    "plusmn",
    "sup2",   "sup3",   "acute",  "micro",  "para",   "middot", "cedil",  "sup1",   "ordm",
    "raquo",  "frac14", "frac12", "frac34", "iquest", "Agrave", "Aacute", "Acirc",  "Atilde",
    "Auml",   "Aring",  "AElig",  "Ccedil", "Egrave", "Eacute", "Ecirc",  "Euml",   "Igrave",
    "Iacute", "Icirc",  "Iuml",   "ETH",    "Ntilde", "Ograve", "Oacute", "Ocirc",  "Otilde",
    "Ouml",   "times",  "Oslash", "Ugrave", "Uacute", "Ucirc",  "Uuml",   "Yacute", "THORN",
    "szlig",  "agrave", "aacute", "acirc",  "atilde", "auml",   "aring",  "aelig",  "ccedil",
    "egrave", "eacute", "ecirc",  "euml",   "igrave", "iacute", "icirc",  "iuml",   "eth",
    "ntilde", "ograve", "oacute", "ocirc",  "otilde", "ouml",   "divide", "oslash", "ugrave",
    "uacute", "ucirc",  "uuml",   "yacute", "thorn",  "yuml"};

// Greek capitals from U+0391 (U+03A2 has none), small letters from U+03B1.
constexpr std::string_view kGreekUpper[] = {
    "Alpha", "Beta",   "Gamma",   "Delta", "Epsilon", "Zeta",    "Eta",  "Theta", "Iota",
    "Kappa", "Lambda", "Mu",      "Nu",    "Xi",      "Omicron", "Pi",   "Rho",   "",
    "Sigma", "Tau",    "Upsilon", "Phi",   "Chi",     "Psi",     "Omega"};

constexpr std::string_view kGreekLower[] = {
    "alpha", "beta",   "gamma",   "delta", "epsilon", "zeta",    "eta",  "theta", "iota",
    "kappa", "lambda", "mu",      "nu",    "xi",      "omicron", "pi",   "rho",   "sigmaf",
    "sigma", "tau",    "upsilon", "phi",   "chi",     "psi",     "omega"};

// ASCII: the HTML 4 four, apos, and the HTML5 names for punctuation.
constexpr Entity kAsciiNames[] = {
    {"quot", 0x22},   {"amp", 0x26},   {"apos", 0x27},   {"lt", 0x3c},     {"gt", 0x3e},
    {"excl", 0x21},   {"num", 0x23},   {"dollar", 0x24}, {"percnt", 0x25}, {"lpar", 0x28},
    {"rpar", 0x29},   {"ast", 0x2a},   {"plus", 0x2b},   {"comma", 0x2c},  {"period", 0x2e},
    {"sol", 0x2f},    {"colon", 0x3a}, {"semi", 0x3b},   {"equals", 0x3d}, {"quest", 0x3f},
    {"commat", 0x40}, {"lsqb", 0x5b},  {"bsol", 0x5c},   {"rsqb", 0x5d},   {"lowbar", 0x5f},
    {"grave", 0x60},  {"lcub", 0x7b},  {"verbar", 0x7c}, {"rcub", 0x7d}};

// Latin Extended and spacing modifiers.
constexpr Entity kLatinExtendedNames[] = {{"OElig", 0x152},  {"oelig", 0x153}, {"Scaron", 0x160},
                                          {"scaron", 0x161}, {"Yuml", 0x178},  {"fnof", 0x192},
                                          {"circ", 0x2c6},   {"tilde", 0x2dc}};

// Greek symbols.
constexpr Entity kGreekSymbolNames[] = {{"thetasym", 0x3d1}, {"upsih", 0x3d2}, {"piv", 0x3d6}};

// General punctuation.
constexpr Entity kPunctuationNames[] = {
    {"ensp", 0x2002},   {"emsp", 0x2003},  {"thinsp", 0x2009}, {"zwnj", 0x200c},
    {"zwj", 0x200d},    {"lrm", 0x200e},   {"rlm", 0x200f},    {"ndash", 0x2013},
    {"mdash", 0x2014},  {"lsquo", 0x2018}, {"rsquo", 0x2019},  {"sbquo", 0x201a},
    {"ldquo", 0x201c},  {"rdquo", 0x201d}, {"bdquo", 0x201e},  {"dagger", 0x2020},
    {"Dagger", 0x2021}, {"bull", 0x2022},  {"hellip", 0x2026}, {"permil", 0x2030},
    {"prime", 0x2032},  {"Prime", 0x2033}, {"lsaquo", 0x2039}, {"rsaquo", 0x203a},
    {"oline", 0x203e},  {"frasl", 0x2044}, {"euro", 0x20ac}};

// Letter-like symbols and arrows.
constexpr Entity kLetterlikeAndArrowNames[] = {
    {"image", 0x2111},   {"weierp", 0x2118}, {"real", 0x211c},  {"trade", 0x2122},
    {"alefsym", 0x2135}, {"larr", 0x2190},   {"uarr", 0x2191},  {"rarr", 0x2192},
    {"darr", 0x2193},    {"harr", 0x2194},   {"crarr", 0x21b5}, {"lArr", 0x21d0},
    {"uArr", 0x21d1},    {"rArr", 0x21d2},   {"dArr", 0x21d3},  {"hArr", 0x21d4}};

// Mathematical operators.
constexpr Entity kMathNames[] = {
    {"forall", 0x2200}, {"part", 0x2202},   {"exist", 0x2203}, {"empty", 0x2205}, {"nabla", 0x2207},
    {"isin", 0x2208},   {"notin", 0x2209},  {"ni", 0x220b},    {"prod", 0x220f},  {"sum", 0x2211},
    {"minus", 0x2212},  {"lowast", 0x2217}, {"radic", 0x221a}, {"prop", 0x221d},  {"infin", 0x221e},
    {"ang", 0x2220},    {"and", 0x2227},    {"or", 0x2228},    {"cap", 0x2229},   {"cup", 0x222a},
    {"int", 0x222b},    {"there4", 0x2234}, {"sim", 0x223c},   {"cong", 0x2245},  {"asymp", 0x2248},
    {"ne", 0x2260},     {"equiv", 0x2261},  {"le", 0x2264},    {"ge", 0x2265},    {"sub", 0x2282},
    {"sup", 0x2283},    {"nsub", 0x2284},   {"sube", 0x2286},  {"supe", 0x2287},  {"oplus", 0x2295},
    {"otimes", 0x2297}, {"perp", 0x22a5},   {"sdot", 0x22c5}};

// Technical, shapes, suits (lang and rang as HTML5 maps them).
constexpr Entity kShapeNames[] = {{"lceil", 0x2308},  {"rceil", 0x2309},  {"lfloor", 0x230a},
                                  {"rfloor", 0x230b}, {"lang", 0x27e8},   {"rang", 0x27e9},
                                  {"loz", 0x25ca},    {"spades", 0x2660}, {"clubs", 0x2663},
                                  {"hearts", 0x2665}, {"diams", 0x2666}};

template <std::size_t N>
constexpr std::size_t named_count(const std::string_view (&names)[N]) {
  return static_cast<std::size_t>(
      std::count_if(names, names + N, [](std::string_view n) { return !n.empty(); }));
}

constexpr std::size_t kCount = named_count(kLatin1) + named_count(kGreekUpper) +
                               named_count(kGreekLower) + std::size(kAsciiNames) +
                               std::size(kLatinExtendedNames) + std::size(kGreekSymbolNames) +
                               std::size(kPunctuationNames) + std::size(kLetterlikeAndArrowNames) +
                               std::size(kMathNames) + std::size(kShapeNames);

// Every entity, sorted by name, built at compile time.
constexpr std::array<Entity, kCount> kSorted = [] {
  std::array<Entity, kCount> all{};
  std::size_t n = 0;
  const auto add_run = [&](char32_t first, const auto& names) {
    for (std::size_t i = 0; i < std::size(names); ++i) {
      if (!names[i].empty()) {
        all[n++] = {names[i], first + static_cast<char32_t>(i)};
      }
    }
  };
  add_run(0xa0, kLatin1);
  add_run(0x391, kGreekUpper);
  add_run(0x3b1, kGreekLower);
  const auto add = [&](const auto& entities) {
    for (const Entity& e : entities) {
      all[n++] = e;
    }
  };
  add(kAsciiNames);
  add(kLatinExtendedNames);
  add(kGreekSymbolNames);
  add(kPunctuationNames);
  add(kLetterlikeAndArrowNames);
  add(kMathNames);
  add(kShapeNames);
  std::sort(all.begin(), all.end(),
            [](const Entity& a, const Entity& b) { return a.name < b.name; });
  return all;
}();

static_assert(std::adjacent_find(kSorted.begin(), kSorted.end(),
                                 [](const Entity& a, const Entity& b) {
                                   return a.name == b.name;
                                 }) == kSorted.end(),
              "entity names are unique");

// Block-level elements, and some that are not but still end a line when rendered (br, td, ...).
constexpr std::string_view kBlockTags[] = {
    "address", "article", "aside",  "body",   "br",      "caption",  "center", "dd",     "details",
    "dialog",  "dir",     "div",    "dl",     "dt",      "fieldset", "figure", "footer", "form",
    "h1",      "h2",      "h3",     "h4",     "h5",      "h6",       "head",   "header", "hgroup",
    "hr",      "html",    "legend", "li",     "main",    "menu",     "nav",    "ol",     "optgroup",
    "option",  "p",       "pre",    "search", "section", "summary",  "table",  "tbody",  "td",
    "tfoot",   "th",      "thead",  "tr",     "ul"};

struct Tag {
  std::uint64_t key = 0;  // 0: an empty slot
  TagKind kind = TagKind::other;
};

constexpr std::size_t kTagCount = std::size(kBlockTags) + 4;

// The tags of at most 8 letters that have a kind, keyed by TagName::low.
constexpr std::array<Tag, kTagCount> kTags = [] {
  std::array<Tag, kTagCount> tags{};
  std::size_t n = 0;
  for (const std::string_view name : kBlockTags) {
    tags[n++] = {tag_name(name).low, TagKind::block};
  }
  tags[n++] = {tag_name("a").low, TagKind::anchor};
  for (const std::string_view name : {"script", "style", "title"}) {
    tags[n++] = {tag_name(name).low, TagKind::dropped};
  }
  return tags;
}();

// A perfect hash of those tags: (key * kTagMultiplier) >> 56 differs for each, found at compile
// time, so that a name is classified by one multiply, one load and one comparison.
constexpr std::uint64_t kTagMultiplier = [] {
  for (std::uint64_t m = 0x9e3779b97f4a7c15ULL;; m += 0x632be59bd9b4e01aULL) {
    std::array<bool, 256> used{};
    bool distinct = true;
    for (const Tag& tag : kTags) {
      const std::size_t slot = (tag.key * m) >> 56;
      distinct = distinct && !used[slot];
      used[slot] = true;
    }
    if (distinct) {
      return m;
    }
  }
}();

constexpr std::array<Tag, 256> kTagSlots = [] {
  std::array<Tag, 256> slots{};
  for (const Tag& tag : kTags) {
    slots[(tag.key * kTagMultiplier) >> 56] = tag;
  }
  return slots;
}();

// Windows-1252 for 0x80-0x9F; 0 where it has no character (the code point then stays).
constexpr char32_t kWindows1252[32] = {
    0x20ac, 0,      0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017d, 0,      0,      0x2018, 0x2019, 0x201c, 0x201d, 0x2022,
    0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0,      0x017e, 0x0178};

// The code point of a named reference (without '&' and ';'), 0 when the name is unknown.
char32_t named_reference(std::string_view name) noexcept {
  const auto* it = std::lower_bound(kSorted.begin(), kSorted.end(), name,
                                    [](const Entity& e, std::string_view n) { return e.name < n; });
  return it != kSorted.end() && it->name == name ? it->code : 0;
}

// The code point a numeric reference gives, as browsers read it.
char32_t numeric_reference(char32_t value) noexcept {
  if (value == 0 || value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff)) {
    return 0xfffd;
  }
  if (value >= 0x80 && value <= 0x9f && kWindows1252[value - 0x80] != 0) {
    return kWindows1252[value - 0x80];
  }
  return value;
}

}  // namespace

TagKind classify_tag(const TagName& name) noexcept {
  if (name.length > 8) {
    const bool block = name == tag_name("blockquote") || name == tag_name("figcaption");
    return block ? TagKind::block : TagKind::other;
  }
  const Tag& slot = kTagSlots[(name.low * kTagMultiplier) >> 56];
  return slot.key == name.low ? slot.kind : TagKind::other;
}

std::size_t encode_utf8(char32_t c, char* bytes) noexcept {
  if (c < 0x80) {
    bytes[0] = static_cast<char>(c);
    return 1;
  }
  if (c < 0x800) {
    bytes[0] = static_cast<char>(0xc0 | (c >> 6));
    bytes[1] = static_cast<char>(0x80 | (c & 0x3f));
    return 2;
  }
  if (c < 0x10000) {
    bytes[0] = static_cast<char>(0xe0 | (c >> 12));
    bytes[1] = static_cast<char>(0x80 | ((c >> 6) & 0x3f));
    bytes[2] = static_cast<char>(0x80 | (c & 0x3f));
    return 3;
  }
  bytes[0] = static_cast<char>(0xf0 | (c >> 18));
  bytes[1] = static_cast<char>(0x80 | ((c >> 12) & 0x3f));
  bytes[2] = static_cast<char>(0x80 | ((c >> 6) & 0x3f));
  bytes[3] = static_cast<char>(0x80 | (c & 0x3f));
  return 4;
}

Reference read_reference(const char* amp, const char* end) noexcept {
  const char* p = amp + 1;
  if (p < end && *p == '#') {
    ++p;
    const bool hex = p < end && (*p == 'x' || *p == 'X');
    p += hex ? 1 : 0;
    const char* digits = p;
    char32_t value = 0;
    for (; p < end; ++p) {
      const char c = ascii_lower(*p);
      const bool decimal = c >= '0' && c <= '9';
      if (!decimal && !(hex && c >= 'a' && c <= 'f')) {
        break;
      }
      const auto digit = static_cast<char32_t>(decimal ? c - '0' : c - 'a' + 10);
      value = std::min<char32_t>(value * (hex ? 16 : 10) + digit, 0x110000);  // no overflow
    }
    if (p == digits) {
      return {};
    }
    return {numeric_reference(value), p < end && *p == ';' ? p + 1 : p};
  }
  constexpr std::ptrdiff_t kLongestName = 32;
  const char* name = p;
  while (p < end && p - name <= kLongestName && is_alnum(*p)) {
    ++p;
  }
  if (p == name || p == end || *p != ';') {
    return {};
  }
  const char32_t code = named_reference({name, static_cast<std::size_t>(p - name)});
  return {code, p + 1};
}

void append_decoded(std::string& out, std::string_view text) {
  const char* p = text.data();
  const char* const end = p + text.size();
  while (p < end) {
    const auto* amp =
        static_cast<const char*>(std::memchr(p, '&', static_cast<std::size_t>(end - p)));
    if (amp == nullptr) {
      out.append(p, static_cast<std::size_t>(end - p));
      return;
    }
    out.append(p, static_cast<std::size_t>(amp - p));
    const Reference ref = read_reference(amp, end);
    if (ref.code == 0) {
      out.push_back('&');
      p = amp + 1;
    } else {
      char bytes[4];
      out.append(bytes, encode_utf8(ref.code, bytes));
      p = ref.next;
    }
  }
}

}  // namespace ror::html
