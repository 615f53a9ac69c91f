#include "gen/output.hpp"

#include <charconv>
#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace gen {

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

namespace {

constexpr std::string_view kDayNames[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};

// An instant's civil date, its weekday and its second of the day.
struct Civil {
  int64_t y;
  unsigned mo, d;
  std::string_view weekday;
  unsigned sec;
};

Civil civil_of(int64_t utc_ms) {
  const int64_t days = floor_div(utc_ms, 86400000);
  Civil c{};
  civil_from_days(days, c.y, c.mo, c.d);
  c.weekday = kDayNames[static_cast<size_t>(((days % 7) + 11) % 7)];  // 1970-01-01: a Thursday
  c.sec = static_cast<unsigned>((utc_ms - days * 86400000) / 1000);
  return c;
}

// "13:02:05"
void put_hms(std::string& s, unsigned sec) {
  put_digits(s, sec / 3600, 2);
  s.push_back(':');
  put_digits(s, sec / 60 % 60, 2);
  s.push_back(':');
  put_digits(s, sec % 60, 2);
}

}  // namespace

void put_twitter_time(std::string& s, int64_t utc_ms) {
  const Civil c = civil_of(utc_ms);
  s += c.weekday;
  s.push_back(' ');
  s += kMonthNames[c.mo - 1];
  s.push_back(' ');
  put_digits(s, c.d, 2);
  s.push_back(' ');
  put_hms(s, c.sec);
  s += " +0000 ";
  put_digits(s, static_cast<unsigned>(c.y), 4);
}

void put_rfc822_time(std::string& s, int64_t utc_ms) {
  const Civil c = civil_of(utc_ms);
  s += c.weekday;
  s += ", ";
  put_digits(s, c.d, 2);
  s.push_back(' ');
  s += kMonthNames[c.mo - 1];
  s.push_back(' ');
  put_digits(s, static_cast<unsigned>(c.y), 4);
  s.push_back(' ');
  put_hms(s, c.sec);
  s += " +0000";
}

void iso_time(std::string& s, int64_t t, bool millis) {
  std::string q;
  put_ts(q, t, millis ? kZMillis : kZ, 0);
  s += std::string_view(q).substr(1, q.size() - 2);
}

void put_local_time(std::string& s, int64_t utc_ms, int offset_min, char sep) {
  std::string q;
  put_ts(q, utc_ms + int64_t{offset_min} * 60000, kZ, 0);
  q[11] = sep;
  s.append(q, 1, 19);
}

// ---------------------------------------------------------------------------------------------
// Files.

void fail(std::string_view message, const std::string& path) {
  std::fprintf(stderr, "ror_gen: error: %.*s %s\n", static_cast<int>(message.size()),
               message.data(), path.c_str());
  std::exit(2);
}

Sink::~Sink() {
  if (f_ != nullptr && f_ != stdout) {
    std::fclose(f_);
  }
}

void Sink::open(const std::string& path) {
  path_ = path.empty() ? "-" : path;
  written_ = 0;
  buf_.clear();
  if (buf_.capacity() < kFlushAt) {
    buf_.reserve(kFlushAt + (1 << 20));
  }
  f_ = path_ == "-" ? stdout : std::fopen(path_.c_str(), "wb");
  if (f_ == nullptr) {
    fail("cannot write", path_);
  }
}

void Sink::write_out() {
  if (!buf_.empty() && std::fwrite(buf_.data(), 1, buf_.size(), f_) != buf_.size()) {
    fail("write error on", path_);
  }
  written_ += buf_.size();
  buf_.clear();
}

void Sink::close() {
  if (f_ == nullptr) {
    return;
  }
  write_out();
  if (f_ != stdout ? std::fclose(f_) != 0 : std::fflush(f_) != 0) {
    f_ = nullptr;
    fail("write error on", path_);
  }
  f_ = nullptr;
  written_ = 0;
}

uint64_t write_file(const std::string& path, std::string_view content) {
  FILE* f = std::fopen(path.c_str(), "wb");
  if (f == nullptr) {
    fail("cannot write", path);
  }
  const bool ok = std::fwrite(content.data(), 1, content.size(), f) == content.size();
  if (std::fclose(f) != 0 || !ok) {
    fail("write error on", path);
  }
  return content.size();
}

void patch_file(const std::string& path, uint64_t offset, std::string_view text) {
  FILE* f = std::fopen(path.c_str(), "r+b");
  if (f == nullptr) {
    fail("cannot reopen", path);
  }
  const bool ok = std::fseek(f, static_cast<long>(offset), SEEK_SET) == 0 &&
                  std::fwrite(text.data(), 1, text.size(), f) == text.size();
  if (std::fclose(f) != 0 || !ok) {
    fail("write error on", path);
  }
}

void make_dirs(const std::string& path) {
  std::error_code ec;
  std::filesystem::create_directories(path, ec);
  if (ec) {
    fail("cannot create the directory", path);
  }
}

}  // namespace gen
