// ror_gen: a deterministic generator of realistic ror/v1 exports, for the benchmark.
//
//   ror_gen --size 100M [--ndjson] [--seed N] [-o FILE]
//
// The same arguments give the same bytes on any machine: the only source of randomness is the
// xoshiro256** generator below, seeded by splitmix64, and every draw is done in integer arithmetic
// (no floating point, no std::*_distribution, whose results differ between standard libraries).
//
// The JSON document and the NDJSON layout of one seed and size hold the same posts, byte for byte
// inside each post: the layout only changes the framing around them, and the stopping rule counts
// the bytes of the NDJSON form in both layouts. Output is streamed: one post at a time.
//
// What the data looks like (see bench/README.md): one brand account, posts spread over 2025 with
// bursts, duplicates and hashtag-stuffed posts, some outreach replies and threads, metrics objects
// with missing keys, heavy-tailed comments per post (most posts few, some hundreds), commenters
// drawn Zipf-like from a large pool, account answers and audience replies to those answers, texts
// from word pools with accented letters, emoji, CJK, JSON escapes, URLs, hashtags and mentions, and
// RFC 3339 timestamps with `Z` or offsets, with or without fractions of a second.

#include <algorithm>
#include <bit>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace {

// Bump when the output for a given seed and size changes (the benchmark script names files by it).
constexpr std::string_view kGenVersion = "1";

// ---------------------------------------------------------------------------------------------
// Random numbers: integer only, identical everywhere.

uint64_t splitmix64(uint64_t& state) {
  uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

class Rng {
 public:
  explicit Rng(uint64_t seed) {
    uint64_t sm = seed;
    for (auto& v : s_)
      v = splitmix64(sm);
  }
  uint64_t next() {
    const uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
  }
  // Uniform in [0, n), n > 0 (Lemire's multiply-shift; the tiny bias is irrelevant here).
  uint64_t below(uint64_t n) {
    return static_cast<uint64_t>((static_cast<unsigned __int128>(next()) * n) >> 64);
  }
  // Uniform in [lo, hi].
  int64_t range(int64_t lo, int64_t hi) {
    return lo + static_cast<int64_t>(below(static_cast<uint64_t>(hi - lo + 1)));
  }
  bool per_mille(uint64_t p) { return below(1000) < p; }
  // Heavy tail (Lomax, alpha = 1): P(x >= k) = c / (k + c), capped.
  uint64_t pareto(uint64_t c, uint64_t cap) {
    const uint64_t u = (next() >> 32) + 1;  // 1 .. 2^32
    const uint64_t v = (c << 32) / u;       // c .. c * 2^32
    return std::min<uint64_t>(v - c, cap);
  }
  // Roughly log-uniform in [lo, lo * 2^doublings): pick a doubling, then uniform inside it.
  int64_t log_uniform(int64_t lo, int doublings) {
    const int64_t base = lo << below(static_cast<uint64_t>(doublings));
    return base + static_cast<int64_t>(below(static_cast<uint64_t>(base)));
  }
  template <class T, size_t N>
  const T& pick(const T (&items)[N]) {
    return items[below(N)];
  }

 private:
  static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  uint64_t s_[4];
};

// Zipf-like index in [0, n): log-uniform over [k, n + k) minus k, through geometric buckets
// computed in 44.20 fixed point (ratio 1 + 1/128), so the table is the same on every machine.
class Zipf {
 public:
  Zipf(uint64_t n, uint64_t k) : n_(n), k_(k) {
    uint64_t b = k << 20;
    const uint64_t end = (n + k) << 20;
    while (b < end) {
      bounds_.push_back(b >> 20);
      b += std::max<uint64_t>(b >> 7, 1);
    }
    bounds_.push_back(n + k);
  }
  uint64_t draw(Rng& rng) const {
    const size_t j = rng.below(bounds_.size() - 1);
    const uint64_t lo = bounds_[j];
    const uint64_t hi = bounds_[j + 1];
    const uint64_t v = lo + (hi > lo ? rng.below(hi - lo) : 0);
    return std::min(v - k_, n_ - 1);
  }

 private:
  uint64_t n_, k_;
  std::vector<uint64_t> bounds_;
};

// ---------------------------------------------------------------------------------------------
// Small output helpers.

void put_u(std::string& s, uint64_t v) {
  char tmp[24];
  const auto r = std::to_chars(tmp, tmp + sizeof tmp, v);
  s.append(tmp, r.ptr);
}
void put_digits(std::string& s, unsigned v, int width) {
  char tmp[8];
  for (int i = width - 1; i >= 0; --i) {
    tmp[i] = static_cast<char>('0' + v % 10);
    v /= 10;
  }
  s.append(tmp, static_cast<size_t>(width));
}

// Howard Hinnant's civil calendar algorithm.
void civil_from_days(int64_t z, int64_t& y, unsigned& m, unsigned& d) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  y = static_cast<int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  y += m <= 2;
}

int64_t floor_div(int64_t a, int64_t b) {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

// Timestamp styles, as platforms write them.
enum TsStyle : uint8_t { kZ, kZMillis, kOffset, kOffsetMillis, kZMicros };
constexpr int kOffsets[] = {60, 120, -300, -240, 330, 540, -480, 0, 345, -180, 600, -600};

TsStyle pick_style(Rng& rng) {
  const uint64_t r = rng.below(100);
  if (r < 45)
    return kZ;
  if (r < 70)
    return kZMillis;
  if (r < 90)
    return kOffset;
  if (r < 98)
    return kOffsetMillis;
  return kZMicros;
}

// RFC 3339 text of an instant (UTC milliseconds) in a style; an offset style shows local time.
void put_ts(std::string& s, int64_t utc_ms, TsStyle style, int offset_min) {
  const bool offset = style == kOffset || style == kOffsetMillis;
  const int64_t local_ms = utc_ms + (offset ? int64_t{offset_min} * 60000 : 0);
  const int64_t days = floor_div(local_ms, 86400000);
  const int64_t in_day = local_ms - days * 86400000;
  int64_t y;
  unsigned mo, d;
  civil_from_days(days, y, mo, d);
  s.push_back('"');
  put_digits(s, static_cast<unsigned>(y), 4);
  s.push_back('-');
  put_digits(s, mo, 2);
  s.push_back('-');
  put_digits(s, d, 2);
  s.push_back('T');
  const auto sec = static_cast<unsigned>(in_day / 1000);
  put_digits(s, sec / 3600, 2);
  s.push_back(':');
  put_digits(s, sec / 60 % 60, 2);
  s.push_back(':');
  put_digits(s, sec % 60, 2);
  const auto ms = static_cast<unsigned>(in_day % 1000);
  if (style == kZMillis || style == kOffsetMillis) {
    s.push_back('.');
    put_digits(s, ms, 3);
  } else if (style == kZMicros) {
    s.push_back('.');
    put_digits(s, ms * 1000 + (ms * 7 + sec) % 1000,
               6);  // sub-millisecond digits are cut off by readers
  }
  if (!offset) {
    s.push_back('Z');
  } else {
    const int a = offset_min < 0 ? -offset_min : offset_min;
    s.push_back(offset_min < 0 ? '-' : '+');
    put_digits(s, static_cast<unsigned>(a / 60), 2);
    s.push_back(':');
    put_digits(s, static_cast<unsigned>(a % 60), 2);
  }
  s.push_back('"');
}

// ---------------------------------------------------------------------------------------------
// Word pools. Every entry is already JSON-escaped text (written between quotes as is).

constexpr std::string_view kCommon[] = {
    "the",     "a",          "and",      "to",       "of",        "in",          "is",
    "it",      "you",        "that",     "for",      "on",        "with",        "this",
    "my",      "was",        "we",       "are",      "but",       "so",          "have",
    "just",    "not",        "be",       "at",       "your",      "all",         "from",
    "they",    "our",        "one",      "about",    "out",       "like",        "what",
    "when",    "can",        "get",      "if",       "more",      "up",          "new",
    "how",     "love",       "really",   "great",    "today",     "time",        "good",
    "much",    "thanks",     "coffee",   "morning",  "order",     "store",       "team",
    "again",   "best",       "ever",     "still",    "never",     "always",      "week",
    "weekend", "try",        "tried",    "taste",    "flavor",    "price",       "delivery",
    "open",    "closed",     "near",     "city",     "shop",      "cup",         "oat",
    "milk",    "beans",      "roast",    "fresh",    "bread",     "pastry",      "line",
    "wait",    "staff",      "friendly", "service",  "app",       "update",      "bug",
    "card",    "points",     "reward",   "free",     "sale",      "launch",      "drop",
    "limited", "edition",    "summer",   "winter",   "spring",    "autumn",      "holiday",
    "please",  "why",        "where",    "who",      "which",     "yes",         "no",
    "maybe",   "definitely", "honestly", "actually", "literally", "pretty",      "super",
    "very",    "too",        "also",     "back",     "here",      "there",       "now",
    "then",    "first",      "last",     "next",     "other",     "every",       "some",
    "any",     "many",       "few",      "little",   "big",       "small",       "hot",
    "cold",    "iced",       "sweet",    "bitter",   "smooth",    "strong",      "light",
    "dark",    "perfect",    "amazing",  "awful",    "okay",      "fine",        "wrong",
    "right",   "late",       "early",    "fast",     "slow",      "kids",        "friends",
    "family",  "work",       "home",     "office",   "train",     "bus",         "walk",
    "rain",    "sun",        "snow",     "stop",     "start",     "made",        "make",
    "know",    "think",      "want",     "need",     "feel",      "looks",       "see",
    "said",    "told",       "asked",    "answer",   "question",  "problem",     "refund",
    "receipt", "menu",       "recipe",   "cake",     "cookie",    "croissant",   "sandwich",
    "lunch",   "breakfast",  "dinner",   "table",    "seat",      "music",       "wifi",
    "parking", "door",       "window",   "sign",     "photo",     "video",       "story",
    "post",    "thread",     "link",     "read",     "watch",     "share",       "follow",
    "support", "help",       "team",     "local",    "farm",      "farmers",     "fair",
    "trade",   "planet",     "cups",     "compost",  "recycle",   "plastic",     "paper",
    "straws",  "lids",       "bags",     "tote",     "mug",       "bottle",      "subscription",
    "plan",    "monthly",    "box",      "gift",     "birthday",  "anniversary", "wedding",
    "party",
};
constexpr std::string_view kAccented[] = {
    "café",     "naïve",  "señor",       "Zürich", "crème",   "brûlée",     "façade",
    "jalapeño", "piñata", "smörgåsbord", "déjà",   "vu",      "São",        "Paulo",
    "Ærø",      "Łódź",   "straße",      "über",   "mañana",  "garçon",     "coöperative",
    "résumé",   "touché", "Kraków",      "Malmö",  "Curaçao", "Düsseldorf",
};
constexpr std::string_view kEmoji[] = {
    "🔥",    "😂",  "❤️", "👍",    "🙏",   "🎉",        "☕",
    "🥐", "👀",  "💯",      "🤔", "😍",   "👏🏽", "👨‍👩‍👧",
    "🙂", "😭",  "✨",      "🚀",    "💙",   "🤝",     "😅",
    "🇫🇷",   "🇯🇵", "🥲",   "☕☕",   "🔥🔥🔥",
};
constexpr std::string_view kScripts[] = {
    "你好",      "谢谢",       "好吃",   "咖啡", "ありがとう", "美味しい",       "コーヒー",
    "좋아요",    "감사합니다", "커피",   "شكرا", "قهوة",       "спасибо",        "кофе",
    "ευχαριστώ", "καφές",      "धन्यवाद", "קפה",  "ขอบคุณ",      "最高\u3000です",
};
// JSON escapes: \uXXXX (BMP and surrogate pairs), quotes, backslashes, tabs, escaped slashes.
constexpr std::string_view kEscaped[] = {
    "caf\\u00e9",
    "r\\u00e9sum\\u00e9",
    "\\u00fcber",
    "na\\u00efve",
    "\\ud83d\\ude00",
    "\\ud83d\\udc4d",
    "\\\"best\\\"",
    "\\\"really\\\"",
    "\\\"limited\\\"",
    "C:\\\\Users\\\\me",
    "\\u00af\\\\_(\\u30c4)_/\\u00af",
    "tab\\there",
    "and\\/or",
    "50\\u00a0km",
    "\\u201cfresh\\u201d",
    "\\u2014",
    "caf\\u00c9",
    "\\u00bfpor",
    "qu\\u00e9?",
};
constexpr std::string_view kShort[] = {
    "love this", "🔥🔥🔥",          "yes!",  "same",     "where?", "😂",    "+1",        "need this",
    "wow",       "so good",      "nope",  "finally!", "me too", "🙏",    "lol",       "agreed",
    "this!!",    "can't wait",   "😍😍",    "first",    "🤔",   "why?", "ok",        "thanks!",
    "bravo",     "c\\u00e9 bon", "好吃!", "merci",    "yum",    "ugh",  "same here", "💯",
};
constexpr std::string_view kCanned[] = {
    "Thanks for the love! 💙 Stay caffeinated ☕",
    "So sorry to hear that! Please DM us your order number and we'll make it right.",
    "Thank you! We're so glad you enjoyed it 🙂",
    "Hi! Could you email help@northwind.example with the details? We'll look into it right away.",
    "We hear you. Passing this on to the team \\u2014 thanks for telling us!",
    "Great question! Yes, all our cups are compostable.",
};
constexpr std::string_view kTags[] = {
    "coffee",        "ColdBrew",     "latteart",  "MondayMotivation", "giveaway",
    "win",           "contest",      "foodie",    "instafood",        "vegan",
    "oatmilk",       "breakfast",    "NewFlavor", "sustainability",   "ZeroWaste",
    "local",         "barista",      "espresso",  "caf\\u00e9",       "咖啡",
    "pumpkinspice",  "summerdrinks", "ad",        "sponsored",        "TBT",
    "FridayFeeling", "coffeetime",   "cozy",      "autumnvibes",      "Launch2025",
    "FreeShipping",
};
constexpr std::string_view kFirst[] = {
    "anna",  "ben",    "carla",  "dmitri",  "emma",      "farid",  "greta",  "hiro",
    "ines",  "jamal",  "kasia",  "liam",    "maya",      "noah",   "olga",   "pablo",
    "quinn", "rosa",   "sam",    "tariq",   "uma",       "victor", "wen",    "xavier",
    "yara",  "zoë",    "józef",  "søren",   "renée",     "chloé",  "mateo",  "aiko",
    "bjørn", "li",     "fatima", "kofi",    "lena",      "marco",  "nadia",  "oscar",
    "priya", "raúl",   "sofia",  "tom",     "valentina", "will",   "ximena", "yusuf",
    "zara",  "amélie", "bruno",  "camille", "diego",     "elif",   "felix",  "gabi",
    "hana",  "ivan",   "jade",   "kai",     "luca",      "mia",    "nils",   "omar",
};
constexpr std::string_view kLast[] = {
    "smith",   "müller", "garcía",   "nguyen",  "rossi",   "kowalski", "sato",      "kim",
    "silva",   "dubois", "jensen",   "ivanova", "haddad",  "okafor",   "patel",     "novak",
    "larsen",  "costa",  "fischer",  "lopez",   "brown",   "wang",     "tanaka",    "moreau",
    "horvat",  "nowak",  "popescu",  "yilmaz",  "khan",    "ali",      "hansen",    "berg",
    "schmidt", "romero", "ferreira", "martin",  "bianchi", "petrov",   "andersson", "ruiz",
    "cohen",   "mendes", "walsh",    "quinn",   "doyle",   "park",     "chen",      "ortiz",
    "vega",    "reyes",  "coffee",   "bakes",   "runs",    "reads",    "eats",      "travels",
    "codes",   "draws",  "sings",    "lifts",   "plays",   "writes",   "cooks",     "fan",
};
constexpr std::string_view kInstances[] = {"mastodon.social", "fosstodon.org", "hachyderm.io",
                                           "example.social"};

struct Brand {
  std::string_view handle;  // without @
  std::string_view alias1;  // support account
  std::string_view alias2;  // display name
  std::string_view domain;
  std::string_view platform;
};
constexpr Brand kBrands[] = {
    {"NorthwindCoffee", "NorthwindCare", "Northwind Coffee", "northwind.example", "mastodon"},
    {"GlowFizzDrinks", "GlowFizzCare", "GlowFizz", "glowfizz.example", "x"},
    {"HarbourBakery", "HarbourHelp", "Harbour Bakery", "harbour.example", "instagram"},
    {"Trailhead_Outfitters", "TrailheadSupport", "Trailhead", "trailhead.example", "bluesky"},
};

// ---------------------------------------------------------------------------------------------
// The generator.

struct Options {
  uint64_t size = 0;
  bool ndjson = false;
  uint64_t seed = 1;
  std::string out;
};

constexpr int64_t kYearStartMs = 1735689600000;  // 2025-01-01T00:00:00Z
constexpr int64_t kYearMs = 365LL * 86400000;
constexpr int64_t kTwitterEpochMs = 1288834974657;
constexpr uint64_t kAvgPostBytes = 4600;  // measured, to spread the posts over the year

struct Comment {
  int64_t t = 0;        // UTC ms
  int32_t parent = -1;  // index into the post's comments, -1 = top level
  int32_t author = -1;  // commenter pool index; -1 = the account
  uint8_t account_name = 0;
  TsStyle style = kZ;
  int16_t offset = 0;
  int64_t likes = -1;  // -1 = absent
  uint32_t seq = 0;    // creation order (sort tie-break)
  std::string text;
};

class Generator {
 public:
  explicit Generator(const Options& o)
      : opt_(o),
        rng_(o.seed),
        brand_(kBrands[splitmix_pick(o.seed, std::size(kBrands))]),
        pool_size_(std::bit_ceil(std::clamp<uint64_t>(o.size / 1500, 2048, uint64_t{1} << 21))),
        zipf_(pool_size_, 64) {
    est_posts_ = std::max<uint64_t>(1, o.size / kAvgPostBytes);
    avg_gap_ms_ = std::max<int64_t>(1000, kYearMs / static_cast<int64_t>(est_posts_));
    pool_offset_ = rng_.below(pool_size_);
    followers_ = static_cast<uint64_t>(rng_.range(8000, 600000));
    answer_rate_ = 250 + rng_.below(250);  // per mille of awaiting comments the account answers
    account_id_ = 1000000000000000000ULL + rng_.below(8000000000000000000ULL);
    now_ms_ = kYearStartMs + rng_.range(0, 36000000);
  }

  int run() {
    FILE* f = stdout;
    if (!opt_.out.empty() && opt_.out != "-") {
      f = std::fopen(opt_.out.c_str(), "wb");
      if (f == nullptr) {
        std::fprintf(stderr, "ror_gen: cannot write %s\n", opt_.out.c_str());
        return 2;
      }
    }
    std::string buf;
    buf.reserve(kFlushAt + (1 << 20));
    auto flush = [&] {
      if (!buf.empty() && std::fwrite(buf.data(), 1, buf.size(), f) != buf.size()) {
        std::fprintf(stderr, "ror_gen: write error\n");
        std::exit(2);
      }
      buf.clear();
    };

    std::string account;
    write_account(account);
    uint64_t counted = 0;  // bytes of the NDJSON form, the stopping rule in both layouts
    if (opt_.ndjson) {
      buf += "{\"account\": ";
      buf += account;
      buf += "}\n";
    } else {
      buf += "{\n \"schema\": \"ror/v1\",\n \"account\": ";
      buf += account;
      buf += ",\n \"posts\": [\n";
    }
    counted += 14 + account.size();

    std::string post;
    uint64_t posts = 0;
    while (posts == 0 || counted < opt_.size) {
      post.clear();
      write_post(post);
      counted += post.size() + 1;
      if (!opt_.ndjson && posts > 0)
        buf += ",\n";
      buf += post;
      if (opt_.ndjson)
        buf.push_back('\n');
      ++posts;
      if (buf.size() >= kFlushAt)
        flush();
    }
    if (!opt_.ndjson)
      buf += "\n ]\n}\n";
    flush();
    if (f != stdout ? std::fclose(f) != 0 : std::fflush(f) != 0) {
      std::fprintf(stderr, "ror_gen: write error\n");
      return 2;
    }
    std::fprintf(stderr, "ror_gen: %llu posts, %llu comments, %llu commenters in the pool\n",
                 static_cast<unsigned long long>(posts),
                 static_cast<unsigned long long>(comments_total_),
                 static_cast<unsigned long long>(pool_size_));
    return 0;
  }

 private:
  static constexpr size_t kFlushAt = size_t{4} << 20;
  static constexpr size_t kMaxComments = 900;

  static size_t splitmix_pick(uint64_t seed, size_t n) {
    uint64_t s = seed ^ 0x5eed;
    return static_cast<size_t>(splitmix64(s) % n);
  }

  void str(std::string& s, std::string_view v) {
    s.push_back('"');
    s += v;
    s.push_back('"');
  }

  void write_account(std::string& s) {
    s += "{\"id\": \"";
    put_u(s, account_id_);
    s += "\", \"handle\": \"@";
    s += brand_.handle;
    s += "\", \"platform\": ";
    str(s, brand_.platform);
    s += ", \"followers\": ";
    put_u(s, followers_);
    s += ", \"aliases\": [";
    str(s, brand_.alias1);
    s += ", ";
    str(s, brand_.alias2);
    s += "]}";
  }

  // Commenter names: a bijection from the pool index (the pool size is a power of two and the
  // multiplier odd), so names never collide, and neighbours in Zipf rank get unrelated names.
  void commenter_name(std::string& s, uint64_t i) {
    constexpr uint64_t F = std::size(kFirst), L = std::size(kLast);
    const uint64_t j = (i * 0x9E3779B97F4A7C15ULL) & (pool_size_ - 1);
    s += kFirst[j % F];
    s.push_back((j >> 12) % 5 == 0 ? '.' : '_');
    s += kLast[(j / F) % L];
    if (const uint64_t q = j / (F * L); q > 0)
      put_u(s, q);
    if ((j * 0xD6E8FEB86659FD93ULL >> 60) == 3) {
      s.push_back('@');
      s += kInstances[j % std::size(kInstances)];
    }
  }
  uint64_t draw_commenter() { return (zipf_.draw(rng_) + pool_offset_) % pool_size_; }

  void account_name(std::string& s, uint8_t variant) {
    switch (variant) {
      case 0:
        s += brand_.handle;
        break;
      case 1:
        s += brand_.alias1;
        break;
      case 2:
        s.push_back('@');
        for (char c : brand_.handle)
          s.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
        break;
      default:
        s += brand_.alias2;
        break;
    }
  }
  uint8_t pick_account_name() {
    const uint64_t r = rng_.below(100);
    return r < 70 ? 0 : r < 88 ? 1 : r < 97 ? 2 : 3;
  }

  void word(std::string& s) {
    const uint64_t r = rng_.below(1000);
    if (r < 845)
      s += rng_.pick(kCommon);
    else if (r < 885)
      s += rng_.pick(kAccented);
    else if (r < 915)
      s += rng_.pick(kEmoji);
    else if (r < 935)
      s += rng_.pick(kScripts);
    else if (r < 950)
      s += rng_.pick(kEscaped);
    else if (r < 985)
      put_u(s, rng_.pareto(3, 100000) + 1);
    else {
      s += brand_.alias2.substr(0, brand_.alias2.find(' '));
    }
  }
  // n words of running text, with punctuation, sentence breaks and escaped newlines.
  void words(std::string& s, uint64_t n) {
    uint64_t sentence = 0;
    const uint64_t sentence_len = 6 + rng_.below(10);
    for (uint64_t i = 0; i < n; ++i) {
      if (i > 0) {
        if (sentence >= sentence_len) {
          const uint64_t r = rng_.below(100);
          s += r < 60   ? ". "
               : r < 72 ? "! "
               : r < 80 ? "? "
               : r < 92 ? ".\\n"
               : r < 97 ? ".\\n\\n"
                        : "... ";
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
  void url(std::string& s, bool escaped_slashes) {
    const std::string_view sl = escaped_slashes ? "\\/" : "/";
    s += "https:";
    s += sl;
    s += sl;
    s += brand_.domain;
    s += sl;
    s += rng_.per_mille(500) ? "p" : "blog";
    s += sl;
    static constexpr char kAlnum[] = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    for (int i = 0; i < 7; ++i)
      s.push_back(kAlnum[rng_.below(sizeof kAlnum - 1)]);
    if (rng_.per_mille(300))
      s += "?utm_source=social&utm_medium=post&utm_campaign=c";
    if (rng_.per_mille(300))
      put_u(s, rng_.below(100));
  }

  void write_post(std::string& s) {
    // When: steady gaps over the year, with bursts of several posts minutes apart.
    if (burst_left_ > 0) {
      --burst_left_;
      now_ms_ += rng_.range(20000, 150000);
    } else {
      now_ms_ += rng_.range(avg_gap_ms_ / 5, avg_gap_ms_ * 9 / 5);
      if (rng_.per_mille(20))
        burst_left_ = static_cast<int>(rng_.range(2, 5));
    }
    const int64_t t = now_ms_;
    const uint64_t kind = rng_.below(1000);
    const bool outreach = kind < 40;
    const bool thread = !outreach && kind < 60 && !last_post_id_.empty();
    const bool stuffed = !outreach && rng_.per_mille(70);
    const bool duplicate = !outreach && !recent_texts_.empty() && rng_.per_mille(40);

    const std::string id = snowflake(t);
    s += "{\"id\": ";
    str(s, id);
    s += ", \"created_at\": ";
    put_ts(s, t, pick_style(rng_), kOffsets[rng_.below(std::size(kOffsets))]);
    if (rng_.per_mille(150)) {
      s += ", \"author\": \"";
      account_name(s, rng_.per_mille(800) ? 0 : 2);
      s.push_back('"');
    }

    // Text, hashtags, mentions.
    std::string text;
    std::vector<std::string_view> tags;
    std::vector<std::string> mentions;
    std::string reply_author;
    if (outreach) {
      commenter_name(reply_author, draw_commenter());
      text += '@';
      text += reply_author;
      text.push_back(' ');
      words(text, static_cast<uint64_t>(rng_.range(4, 35)));
      mentions.push_back(reply_author);
    } else if (duplicate) {
      text = recent_texts_[rng_.below(recent_texts_.size())];
    } else {
      words(text, static_cast<uint64_t>(rng_.range(8, 45)));
      if (rng_.per_mille(150)) {
        std::string m;
        commenter_name(m, draw_commenter());
        text += " cc @";
        text += m;
        mentions.push_back(std::move(m));
        if (rng_.per_mille(200)) {
          for (int i = 0, n = static_cast<int>(rng_.range(2, 5)); i < n; ++i) {
            std::string more;
            commenter_name(more, draw_commenter());
            text += " @";
            text += more;
            mentions.push_back(std::move(more));
          }
        }
      }
      if (rng_.per_mille(550)) {
        text.push_back(' ');
        if (rng_.per_mille(80))
          text += "👉 ";
        url(text, rng_.per_mille(30));
      }
      const uint64_t ntags = stuffed ? static_cast<uint64_t>(rng_.range(6, 14)) : rng_.below(3);
      for (uint64_t i = 0; i < ntags; ++i) {
        const std::string_view tag = rng_.pick(kTags);
        if (std::find(tags.begin(), tags.end(), tag) != tags.end())
          continue;
        tags.push_back(tag);
        text += " #";
        text += tag;
      }
      if (recent_texts_.size() < 64)
        recent_texts_.push_back(text);
      else
        recent_texts_[rng_.below(64)] = text;
    }
    s += ", \"text\": ";
    str(s, text);
    s += ", \"url\": \"https://social.example/@";
    s += brand_.handle;
    s += '/';
    s += id;
    s += '"';
    if (!tags.empty() && rng_.per_mille(700)) {
      const bool hash = rng_.per_mille(300);
      s += ", \"hashtags\": [";
      for (size_t i = 0; i < tags.size(); ++i) {
        if (i > 0)
          s += ", ";
        s.push_back('"');
        if (hash)
          s.push_back('#');
        s += tags[i];
        s.push_back('"');
      }
      s += ']';
    }
    if (!mentions.empty() && rng_.per_mille(600)) {
      s += ", \"mentions\": [";
      for (size_t i = 0; i < mentions.size(); ++i) {
        if (i > 0)
          s += ", ";
        str(s, mentions[i]);
      }
      s += ']';
    }
    if (outreach) {
      s += ", \"in_reply_to\": {\"author\": ";
      str(s, reply_author);
      s += ", \"id\": ";
      str(s, snowflake(t - rng_.range(60000, 86400000)));
      s += '}';
    } else if (thread) {
      s += ", \"in_reply_to\": {\"author\": \"";
      s += brand_.handle;
      s += "\", \"id\": ";
      str(s, last_post_id_);
      s += '}';
    }

    const uint64_t weight = outreach ? 30 : (stuffed ? 600 : 1000);
    const bool metrics_first = rng_.per_mille(900);
    std::string comments;
    const bool has_comments = write_comments(comments, t, outreach ? 1 : 2);
    if (metrics_first)
      write_metrics(s, weight);
    if (has_comments) {
      s += ", \"comments\": ";
      s += comments;
    }
    if (!metrics_first)
      write_metrics(s, weight);
    s += '}';
    last_post_id_ = id;
  }

  std::string snowflake(int64_t t) {
    std::string s;
    put_u(s, (static_cast<uint64_t>(t - kTwitterEpochMs) << 22) | (seq_++ & 0x3FFFFF));
    return s;
  }

  void write_metrics(std::string& s, uint64_t weight) {
    if (rng_.per_mille(30))
      return;  // no metrics at all
    const uint64_t imp =
        followers_ * (20 + rng_.pareto(40, 4000)) / 1000 * weight / 1000 + rng_.below(50);
    const uint64_t likes = imp * static_cast<uint64_t>(rng_.range(3, 45)) / 1000;
    s += ", \"metrics\": {";
    bool first = true;
    auto field = [&](std::string_view name, uint64_t v, uint64_t missing_per_mille,
                     uint64_t null_per_mille) {
      if (rng_.per_mille(missing_per_mille))
        return;
      if (!first)
        s += ", ";
      first = false;
      s.push_back('"');
      s += name;
      s += "\": ";
      if (rng_.per_mille(null_per_mille))
        s += "null";
      else
        put_u(s, v);
    };
    field("impressions", imp, 40, 0);
    field("reach", imp * static_cast<uint64_t>(rng_.range(45, 90)) / 100, 150, 0);
    field("views", imp * static_cast<uint64_t>(rng_.range(5, 60)) / 100, 600, 0);
    field("likes", likes, 20, 5);
    field("shares", likes * static_cast<uint64_t>(rng_.range(2, 40)) / 100, 60, 40);
    field("saves", likes * static_cast<uint64_t>(rng_.range(0, 10)) / 100, 300, 0);
    const uint64_t clicks = imp * static_cast<uint64_t>(rng_.range(1, 25)) / 1000;
    field("clicks", clicks, 200, 0);
    field("conversions", clicks * static_cast<uint64_t>(rng_.range(0, 12)) / 100, 800, 0);
    s += '}';
  }

  // Comment text: many short reactions, a long tail up to ~120 words.
  void comment_text(std::string& s) {
    const uint64_t r = rng_.below(100);
    if (r < 30) {
      if (rng_.per_mille(600))
        s += rng_.pick(kShort);
      else
        words(s, static_cast<uint64_t>(rng_.range(1, 3)));
    } else if (r < 70) {
      words(s, static_cast<uint64_t>(rng_.range(4, 14)));
    } else if (r < 94) {
      words(s, static_cast<uint64_t>(rng_.range(15, 40)));
    } else {
      words(s, static_cast<uint64_t>(rng_.range(41, 120)));
    }
    if (rng_.per_mille(40)) {
      s.push_back(' ');
      url(s, false);
    }
  }
  void answer_text(std::string& s, int32_t to_author) {
    if (rng_.per_mille(250)) {
      s += rng_.pick(kCanned);
      return;
    }
    if (to_author >= 0 && rng_.per_mille(700)) {
      s.push_back('@');
      commenter_name(s, static_cast<uint64_t>(to_author));
      s.push_back(' ');
    }
    words(s, static_cast<uint64_t>(rng_.range(3, 40)));
  }

  Comment& add_comment(int64_t t, int32_t parent, int32_t author) {
    if (n_ == comments_.size())
      comments_.emplace_back();
    Comment& c = comments_[n_];
    c.t = t;
    c.parent = parent;
    c.author = author;
    c.style = pick_style(rng_);
    c.offset = static_cast<int16_t>(kOffsets[rng_.below(std::size(kOffsets))]);
    c.likes = rng_.per_mille(700) ? static_cast<int64_t>(rng_.pareto(1, 5000)) : -1;
    c.seq = static_cast<uint32_t>(n_);
    c.text.clear();
    ++n_;
    return c;
  }

  // The post's comments: audience comments, account answers, and replies to those answers.
  bool write_comments(std::string& s, int64_t post_t, uint64_t c) {
    n_ = 0;
    const uint64_t top = rng_.pareto(c, 450);
    for (uint64_t i = 0; i < top && n_ < kMaxComments; ++i) {
      const auto author = static_cast<int32_t>(draw_commenter());
      int64_t t = post_t + rng_.log_uniform(30000, 17);  // 30 s .. ~45 days
      int32_t parent = -1;
      if (n_ > 0 && rng_.per_mille(100)) {  // replying to another audience comment
        parent = static_cast<int32_t>(rng_.below(n_));
        t = std::max(t, comments_[static_cast<size_t>(parent)].t + rng_.log_uniform(20000, 12));
      }
      comment_text(add_comment(t, parent, author).text);
    }
    // Answers and back-and-forth: walk the comments (the list grows while we walk).
    for (size_t i = 0; i < n_ && n_ < kMaxComments; ++i) {
      const int64_t cur_t = comments_[i].t;
      const int32_t cur_parent = comments_[i].parent;
      const int32_t cur_author = comments_[i].author;
      if (cur_author < 0) {
        // An account answer: the person answered may reply back.
        const int32_t answered = comments_[static_cast<size_t>(cur_parent)].author;
        if (answered >= 0 && rng_.per_mille(380)) {
          const int64_t t = cur_t + rng_.log_uniform(45000, 13);
          comment_text(add_comment(t, static_cast<int32_t>(i), answered).text);
        }
        continue;
      }
      const bool awaiting = cur_parent < 0 || comments_[static_cast<size_t>(cur_parent)].author < 0;
      const uint64_t rate = cur_parent < 0 ? answer_rate_ : answer_rate_ * 3 / 2;
      if (awaiting && rng_.per_mille(rate)) {
        const int64_t t = cur_t + rng_.log_uniform(60000, 13);  // 1 min .. ~11 days
        Comment& a = add_comment(t, static_cast<int32_t>(i), -1);
        a.account_name = pick_account_name();
        a.likes = rng_.per_mille(500) ? static_cast<int64_t>(rng_.pareto(1, 50)) : -1;
        answer_text(a.text, cur_author);
      }
    }
    comments_total_ += n_;
    if (n_ == 0) {
      const uint64_t r = rng_.below(10);
      if (r < 3)
        return false;              // no "comments" key
      s += r < 5 ? "null" : "[]";  // explicit empty
      return true;
    }

    // Chronological order; ids assigned in that order.
    order_.resize(n_);
    for (size_t i = 0; i < n_; ++i)
      order_[i] = static_cast<uint32_t>(i);
    std::sort(order_.begin(), order_.end(), [&](uint32_t a, uint32_t b) {
      return comments_[a].t != comments_[b].t ? comments_[a].t < comments_[b].t : a < b;
    });
    const bool integer_ids = rng_.per_mille(80);
    const bool explicit_null = rng_.per_mille(300);
    ids_.resize(n_);
    for (size_t k = 0; k < n_; ++k) {
      std::string& id = ids_[order_[k]];
      id.clear();
      if (integer_ids)
        put_u(id, k + 1);
      else {
        id.push_back('"');
        id += snowflake(comments_[order_[k]].t);
        id.push_back('"');
      }
    }
    s.push_back('[');
    for (size_t k = 0; k < n_; ++k) {
      const Comment& cm = comments_[order_[k]];
      if (k > 0)
        s += ", ";
      s += "{\"id\": ";
      s += ids_[order_[k]];
      s += ", \"author\": \"";
      if (cm.author < 0)
        account_name(s, cm.account_name);
      else
        commenter_name(s, static_cast<uint64_t>(cm.author));
      s += "\", \"created_at\": ";
      put_ts(s, cm.t, cm.style, cm.offset);
      s += ", \"text\": \"";
      s += cm.text;
      s.push_back('"');
      if (cm.parent >= 0) {
        s += ", \"parent_id\": ";
        s += ids_[static_cast<size_t>(cm.parent)];
      } else if (explicit_null) {
        s += ", \"parent_id\": null";
      }
      if (cm.likes >= 0) {
        s += ", \"likes\": ";
        put_u(s, static_cast<uint64_t>(cm.likes));
      }
      s.push_back('}');
    }
    s.push_back(']');
    return true;
  }

  Options opt_;
  Rng rng_;
  const Brand& brand_;
  uint64_t pool_size_;
  Zipf zipf_;
  uint64_t pool_offset_ = 0;
  uint64_t est_posts_ = 1;
  int64_t avg_gap_ms_ = 1000;
  uint64_t followers_ = 0;
  uint64_t answer_rate_ = 300;
  uint64_t account_id_ = 0;
  int64_t now_ms_ = 0;
  int burst_left_ = 0;
  uint64_t seq_ = 0;
  uint64_t comments_total_ = 0;
  std::string last_post_id_;
  std::vector<std::string> recent_texts_;
  std::vector<Comment> comments_;
  size_t n_ = 0;
  std::vector<uint32_t> order_;
  std::vector<std::string> ids_;
};

bool parse_size(std::string_view v, uint64_t& out) {
  uint64_t n = 0;
  const auto r = std::from_chars(v.data(), v.data() + v.size(), n);
  if (r.ec != std::errc{} || r.ptr == v.data())
    return false;
  std::string_view suffix(r.ptr, static_cast<size_t>(v.data() + v.size() - r.ptr));
  uint64_t mult = 1;
  if (suffix.empty() || suffix == "B")
    mult = 1;
  else if (suffix == "K" || suffix == "k" || suffix == "KB")
    mult = 1000;
  else if (suffix == "M" || suffix == "m" || suffix == "MB")
    mult = 1000 * 1000;
  else if (suffix == "G" || suffix == "g" || suffix == "GB")
    mult = 1000 * 1000 * 1000;
  else
    return false;
  out = n * mult;
  return out > 0;
}

int usage(int code) {
  std::fprintf(
      code == 0 ? stdout : stderr,
      "usage: ror_gen --size SIZE [--ndjson] [--seed N] [-o FILE]\n"
      "  --size SIZE   stop adding posts once the output reaches SIZE bytes; suffixes K, M, G\n"
      "                are powers of 1000 (10M = 10,000,000 bytes)\n"
      "  --ndjson      NDJSON: an {\"account\": ...} line, then one post per line\n"
      "                (default: a JSON document, one post per line in \"posts\")\n"
      "  --seed N      another dataset (default 1); same arguments, same bytes\n"
      "  -o FILE       write to FILE (default standard output)\n"
      "  --version     print the generator version (bumped whenever the output changes)\n");
  return code;
}

}  // namespace

int main(int argc, char** argv) {
  Options opt;
  for (int i = 1; i < argc; ++i) {
    const std::string_view a = argv[i];
    auto value = [&]() -> std::string_view {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "ror_gen: %s needs a value\n", argv[i]);
        std::exit(usage(2));
      }
      return argv[++i];
    };
    if (a == "--size") {
      if (!parse_size(value(), opt.size)) {
        std::fprintf(stderr, "ror_gen: bad --size %s\n", argv[i]);
        return usage(2);
      }
    } else if (a == "--ndjson") {
      opt.ndjson = true;
    } else if (a == "--seed") {
      const std::string_view v = value();
      if (std::from_chars(v.data(), v.data() + v.size(), opt.seed).ec != std::errc{}) {
        std::fprintf(stderr, "ror_gen: bad --seed %s\n", argv[i]);
        return usage(2);
      }
    } else if (a == "-o" || a == "--output") {
      opt.out = std::string(value());
    } else if (a == "--version") {
      std::printf("%.*s\n", static_cast<int>(kGenVersion.size()), kGenVersion.data());
      return 0;
    } else if (a == "-h" || a == "--help") {
      return usage(0);
    } else {
      std::fprintf(stderr, "ror_gen: unknown argument %s\n", argv[i]);
      return usage(2);
    }
  }
  if (opt.size == 0)
    return usage(2);
  return Generator(opt).run();
}
