// ror_floor: the minimal simdjson On-Demand pass over a ror/v1 export, the benchmark's yardstick.
//
//   ror_floor [--ndjson|--json] FILE [--check ROR_JSON]
//
// It reads every post and every comment and computes the minimal aggregation that issue 3 compares
// `ror score` with: posts, comments, the sums of the posts' likes and impressions, distinct
// commenters (a hash set of author strings), and the median delay between a reply and its parent
// comment (both RFC 3339 timestamps parsed). It prints one JSON line:
//
//   {"posts":..,"comments":..,"likes":..,"impressions":..,"commenters":..,"replies":..,
//    "reply_delay_median_ms":..}
//
// bench/reference.py and bench/reference.jq print the same line for the same file.
//
// Layout: NDJSON when the first line starts with {"account" (as ror_gen writes it) or with
// --ndjson; otherwise one JSON document. The document is loaded whole (padded_string::load, then
// one On-Demand pass). NDJSON is read in 4 MiB chunks and each line parsed on its own, so memory
// stays bounded. Single-threaded.
//
// --check ROR_JSON compares the figures with the output of `ror score --format json` (posts_read,
// comments_read, roi likes and impressions) and exits 1 on any difference.

#include <simdjson.h>

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cinttypes>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace simdjson;

uint64_t hash_bytes(std::string_view s) {
  uint64_t h = 0x9E3779B97F4A7C15ULL ^ (s.size() * 0xff51afd7ed558ccdULL);
  const char* p = s.data();
  size_t n = s.size();
  while (n >= 8) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    h = (h ^ w) * 0xbf58476d1ce4e5b9ULL;
    h ^= h >> 29;
    p += 8;
    n -= 8;
  }
  if (n > 0) {
    uint64_t w = 0;
    std::memcpy(&w, p, n);
    h = (h ^ w) * 0x94d049bb133111ebULL;
  }
  h ^= h >> 32;
  h *= 0xd6e8feb86659fd93ULL;
  h ^= h >> 32;
  return h;
}

// Open-addressing set of strings; the strings are copied into an arena.
class StringSet {
 public:
  StringSet() : slots_(1 << 16) {}
  void insert(std::string_view s) {
    const uint64_t h = hash_bytes(s);
    size_t mask = slots_.size() - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
      Slot& slot = slots_[i];
      if (slot.len == kEmpty) {
        slot = {h, arena_.size(), static_cast<uint32_t>(s.size())};
        arena_.append(s);
        if (++count_ * 2 > slots_.size())
          grow();
        return;
      }
      if (slot.hash == h && slot.len == s.size() &&
          std::memcmp(arena_.data() + slot.off, s.data(), s.size()) == 0) {
        return;
      }
    }
  }
  size_t size() const { return count_; }

 private:
  static constexpr uint32_t kEmpty = UINT32_MAX;
  struct Slot {
    uint64_t hash = 0;
    size_t off = 0;
    uint32_t len = kEmpty;
  };
  void grow() {
    std::vector<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    const size_t mask = slots_.size() - 1;
    for (const Slot& s : old) {
      if (s.len == kEmpty)
        continue;
      size_t i = s.hash & mask;
      while (slots_[i].len != kEmpty)
        i = (i + 1) & mask;
      slots_[i] = s;
    }
  }
  std::vector<Slot> slots_;
  std::string arena_;
  size_t count_ = 0;
};

int64_t days_from_civil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

// Minimal RFC 3339: YYYY-MM-DD[Tt ]HH:MM:SS[.fff...](Z|z|+HH:MM|-HH:MM) -> UTC milliseconds.
int64_t parse_ts(std::string_view s) {
  const size_t n = s.size();
  if (n < 20)
    throw std::runtime_error("bad timestamp: " + std::string(s));
  auto d2 = [&](size_t i) { return static_cast<unsigned>((s[i] - '0') * 10 + (s[i + 1] - '0')); };
  const int64_t y = d2(0) * 100 + d2(2);
  const int64_t secs =
      days_from_civil(y, d2(5), d2(8)) * 86400 + d2(11) * 3600 + d2(14) * 60 + d2(17);
  size_t i = 19;
  int64_t ms = 0;
  if (s[i] == '.') {
    int digits = 0;
    for (++i; i < n && s[i] >= '0' && s[i] <= '9'; ++i, ++digits) {
      if (digits < 3)
        ms = ms * 10 + (s[i] - '0');
    }
    for (; digits < 3; ++digits)
      ms *= 10;
  }
  int64_t offset = 0;
  if (i < n && (s[i] == '+' || s[i] == '-')) {
    if (i + 6 > n)
      throw std::runtime_error("bad timestamp: " + std::string(s));
    offset = (d2(i + 1) * 60 + d2(i + 4)) * 60;
    if (s[i] == '-')
      offset = -offset;
  } else if (i >= n || (s[i] != 'Z' && s[i] != 'z')) {
    throw std::runtime_error("bad timestamp: " + std::string(s));
  }
  return (secs - offset) * 1000 + ms;
}

// An id as text: a string's content or a number's digits (so 7 and "7" are one id).
std::string_view id_token(std::string_view raw) {
  while (!raw.empty() &&
         (raw.back() == ' ' || raw.back() == '\n' || raw.back() == '\r' || raw.back() == '\t')) {
    raw.remove_suffix(1);
  }
  if (raw.size() >= 2 && raw.front() == '"')
    raw = raw.substr(1, raw.size() - 2);
  return raw;
}

struct Totals {
  uint64_t posts = 0, comments = 0, likes = 0, impressions = 0;
  StringSet commenters;
  std::vector<int64_t> delays;
};

struct CommentRec {
  std::string_view id;
  std::string_view parent;
  int64_t t = 0;
  bool has_parent = false;
};

class Floor {
 public:
  Totals totals;

  void post(ondemand::object obj) {
    ++totals.posts;
    for (ondemand::field field : obj) {
      const ondemand::raw_json_string key = field.key();
      if (key == "comments") {
        ondemand::value v = field.value();
        if (v.is_null())
          continue;
        cs_.clear();
        for (ondemand::object c : v.get_array())
          comment(c);
        resolve_parents();
      } else if (key == "metrics") {
        ondemand::value v = field.value();
        if (v.is_null())
          continue;
        for (ondemand::field m : v.get_object()) {
          const ondemand::raw_json_string mk = m.key();
          if (mk == "likes")
            add_metric(m.value(), totals.likes);
          else if (mk == "impressions")
            add_metric(m.value(), totals.impressions);
        }
      }
    }
  }

 private:
  static void add_metric(ondemand::value v, uint64_t& sum) {
    if (!v.is_null())
      sum += v.get_uint64();
  }

  void comment(ondemand::object obj) {
    ++totals.comments;
    CommentRec c;
    for (ondemand::field field : obj) {
      const ondemand::raw_json_string key = field.key();
      if (key == "id") {
        c.id = id_token(field.value().raw_json_token());
      } else if (key == "author") {
        totals.commenters.insert(field.value().get_string());
      } else if (key == "created_at") {
        c.t = parse_ts(field.value().get_string());
      } else if (key == "parent_id") {
        ondemand::value v = field.value();
        if (!v.is_null()) {
          c.parent = id_token(v.raw_json_token());
          c.has_parent = true;
        }
      }
    }
    cs_.push_back(c);
  }

  // Reply delays: each comment whose parent_id names a comment of the same post.
  void resolve_parents() {
    const size_t n = cs_.size();
    if (n < 2)
      return;
    size_t cap = 16;
    while (cap < n * 2)
      cap <<= 1;
    table_.assign(cap, -1);
    const size_t mask = cap - 1;
    for (size_t k = 0; k < n; ++k) {
      size_t i = hash_bytes(cs_[k].id) & mask;
      while (table_[i] >= 0)
        i = (i + 1) & mask;
      table_[i] = static_cast<int32_t>(k);
    }
    for (const CommentRec& c : cs_) {
      if (!c.has_parent)
        continue;
      for (size_t i = hash_bytes(c.parent) & mask; table_[i] >= 0; i = (i + 1) & mask) {
        const CommentRec& p = cs_[static_cast<size_t>(table_[i])];
        if (p.id == c.parent) {
          totals.delays.push_back(c.t - p.t);
          break;
        }
      }
    }
  }

  std::vector<CommentRec> cs_;
  std::vector<int32_t> table_;
};

void run_document(const char* path, Floor& floor) {
  padded_string json = padded_string::load(path);
  ondemand::parser parser;
  ondemand::document doc = parser.iterate(json);
  for (ondemand::field field : doc.get_object()) {
    if (field.key() == "posts") {
      for (ondemand::object post : field.value().get_array())
        floor.post(post);
    }
  }
}

void run_ndjson(const char* path, Floor& floor) {
  const int fd = ::open(path, O_RDONLY);
  if (fd < 0)
    throw std::runtime_error(std::string("cannot open ") + path);
  size_t cap = size_t{4} << 20;
  std::vector<char> buf(cap + SIMDJSON_PADDING);
  size_t have = 0;
  bool eof = false;
  bool first_line = true;
  ondemand::parser parser;
  uint64_t line_no = 0;
  auto line = [&](const char* p, size_t len) {
    ++line_no;
    while (len > 0 && (p[len - 1] == '\r' || p[len - 1] == ' ' || p[len - 1] == '\t'))
      --len;
    size_t lead = 0;
    while (lead < len && (p[lead] == ' ' || p[lead] == '\t'))
      ++lead;
    if (lead == len)
      return;  // blank line
    p += lead;
    len -= lead;
    if (first_line) {
      first_line = false;
      if (std::string_view(p, len).starts_with("{\"account\""))
        return;
    }
    const size_t allocated = static_cast<size_t>(buf.data() + buf.size() - p);
    ondemand::document doc = parser.iterate(p, len, allocated);
    floor.post(doc.get_object());
  };
  while (!eof || have > 0) {
    while (!eof && have < cap) {
      const ssize_t r = ::read(fd, buf.data() + have, cap - have);
      if (r < 0)
        throw std::runtime_error(std::string("read error on ") + path);
      if (r == 0)
        eof = true;
      have += static_cast<size_t>(r);
    }
    const char* begin = buf.data();
    const char* end = begin + have;
    const char* last_nl = static_cast<const char*>(memrchr(begin, '\n', have));
    if (last_nl == nullptr) {
      if (!eof) {  // a line longer than the buffer: grow it
        cap *= 2;
        buf.resize(cap + SIMDJSON_PADDING);
        continue;
      }
      last_nl = end;  // the last line, without a newline
    }
    const char* p = begin;
    while (p < last_nl) {
      const char* nl =
          static_cast<const char*>(std::memchr(p, '\n', static_cast<size_t>(last_nl - p)));
      if (nl == nullptr)
        nl = last_nl;
      line(p, static_cast<size_t>(nl - p));
      p = nl + 1;
    }
    const size_t consumed = std::min(have, static_cast<size_t>(last_nl - begin) + 1);
    std::memmove(buf.data(), buf.data() + consumed, have - consumed);
    have -= consumed;
    if (eof && have > 0 && memrchr(buf.data(), '\n', have) == nullptr) {
      line(buf.data(), have);
      have = 0;
    }
  }
  ::close(fd);
  (void)line_no;
}

bool looks_ndjson(const char* path) {
  FILE* f = std::fopen(path, "rb");
  if (f == nullptr)
    throw std::runtime_error(std::string("cannot open ") + path);
  char head[64] = {};
  const size_t n = std::fread(head, 1, sizeof head - 1, f);
  std::fclose(f);
  std::string_view s(head, n);
  while (!s.empty() &&
         (s.front() == ' ' || s.front() == '\n' || s.front() == '\r' || s.front() == '\t')) {
    s.remove_prefix(1);
  }
  return s.starts_with("{\"account\"");
}

std::string median_text(std::vector<int64_t>& v) {
  if (v.empty())
    return "null";
  const size_t n = v.size();
  std::nth_element(v.begin(), v.begin() + static_cast<ptrdiff_t>(n / 2), v.end());
  int64_t twice = 2 * v[n / 2];
  if (n % 2 == 0)
    twice = v[n / 2] + *std::max_element(v.begin(), v.begin() + static_cast<ptrdiff_t>(n / 2));
  // Half milliseconds are printed as .5, like Python and jq print the mean of two integers.
  char out[32];
  if (twice % 2 == 0)
    std::snprintf(out, sizeof out, "%" PRId64, twice / 2);
  else
    std::snprintf(out, sizeof out, "%s%" PRId64 ".5", twice < 0 ? "-" : "",
                  (twice < 0 ? -twice : twice) / 2);
  return out;
}

// Compares with `ror score --format json` output; returns the number of differences.
int check_against_ror(const char* ror_json, const Totals& t) {
  dom::parser parser;
  dom::element out = parser.load(ror_json);
  int bad = 0;
  auto expect = [&](const char* what, dom::element v, uint64_t want) {
    uint64_t got = 0;
    if (v.is_null()) {
      std::fprintf(stderr, "ror_floor: check %s: ror says null, floor %" PRIu64 "\n", what, want);
      ++bad;
      return;
    }
    if (v.get(got) != SUCCESS || got != want) {
      std::fprintf(stderr, "ror_floor: check %s: ror %s, floor %" PRIu64 "\n", what,
                   simdjson::minify(v).c_str(), want);
      ++bad;
    }
  };
  expect("input.posts_read", out["input"]["posts_read"], t.posts);
  expect("input.comments_read", out["input"]["comments_read"], t.comments);
  expect("roi.metrics.likes", out["roi"]["metrics"]["likes"], t.likes);
  expect("roi.metrics.impressions", out["roi"]["metrics"]["impressions"], t.impressions);
  return bad;
}

int usage() {
  std::fprintf(stderr, "usage: ror_floor [--ndjson|--json] FILE [--check ROR_JSON]\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  const char* path = nullptr;
  const char* check = nullptr;
  int layout = 0;  // 0 detect, 1 document, 2 NDJSON
  for (int i = 1; i < argc; ++i) {
    const std::string_view a = argv[i];
    if (a == "--ndjson")
      layout = 2;
    else if (a == "--json")
      layout = 1;
    else if (a == "--check" && i + 1 < argc)
      check = argv[++i];
    else if (!a.empty() && a[0] == '-' && a.size() > 1)
      return usage();
    else if (path == nullptr)
      path = argv[i];
    else
      return usage();
  }
  if (path == nullptr)
    return usage();
  try {
    Floor floor;
    if (layout == 0)
      layout = looks_ndjson(path) ? 2 : 1;
    if (layout == 2)
      run_ndjson(path, floor);
    else
      run_document(path, floor);
    Totals& t = floor.totals;
    std::printf("{\"posts\":%" PRIu64 ",\"comments\":%" PRIu64 ",\"likes\":%" PRIu64
                ",\"impressions\":%" PRIu64
                ",\"commenters\":%zu,\"replies\":%zu,\"reply_delay_median_ms\":%s}\n",
                t.posts, t.comments, t.likes, t.impressions, t.commenters.size(), t.delays.size(),
                median_text(t.delays).c_str());
    if (check != nullptr) {
      const int bad = check_against_ror(check, t);
      if (bad > 0)
        return 1;
      std::fprintf(stderr, "ror_floor: check: ror agrees on posts, comments, likes, impressions\n");
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "ror_floor: %s: %s\n", path, e.what());
    return 2;
  }
  return 0;
}
