// Writing for ror_gen: numbers, timestamps, and files written through a buffer with their bytes
// counted, so a generator can stop once the output reaches --size.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "gen/random.hpp"

namespace gen {

// Appends v in decimal.
void put_u(std::string& s, uint64_t v);
// Appends v in decimal, zero-padded to `width` digits.
void put_digits(std::string& s, unsigned v, int width);

// Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm).
void civil_from_days(int64_t z, int64_t& y, unsigned& m, unsigned& d);
// Division rounding towards minus infinity.
int64_t floor_div(int64_t a, int64_t b);

// Timestamp styles, as platforms write them.
enum TsStyle : uint8_t { kZ, kZMillis, kOffset, kOffsetMillis, kZMicros };
inline constexpr int kOffsets[] = {60, 120, -300, -240, 330, 540, -480, 0, 345, -180, 600, -600};

// A style, mostly `Z`, some with offsets or fractions of a second.
TsStyle pick_style(Rng& rng);
// Appends the quoted RFC 3339 text of an instant (UTC milliseconds) in a style; an offset style
// shows local time.
void put_ts(std::string& s, int64_t utc_ms, TsStyle style, int offset_min);
// Appends Twitter's created_at text of an instant, unquoted: "Fri Mar 06 13:02:05 +0000 2026".
void put_twitter_time(std::string& s, int64_t utc_ms);
// Appends RFC 822's text of an instant, as RSS's pubDate: "Thu, 02 Jan 2025 13:07:21 +0000".
void put_rfc822_time(std::string& s, int64_t utc_ms);
// Appends RFC 3339 in UTC, unquoted: "2025-03-01T10:00:00Z", or with milliseconds
// "2025-03-01T10:00:00.250Z".
void iso_time(std::string& s, int64_t t, bool millis);
// Appends the local time `offset_min` from UTC without a zone, the date and the time joined by
// `sep`: "2025-03-04T10:11:12" or "2025-03-04 10:11:12" (WordPress, LinkedIn).
void put_local_time(std::string& s, int64_t utc_ms, int offset_min, char sep);
// Seconds since 1970 of an instant in UTC milliseconds.
inline int64_t epoch_seconds(int64_t utc_ms) {
  return floor_div(utc_ms, 1000);
}
// Three-letter English month names, January first.
inline constexpr std::string_view kMonthNames[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// One output file, written through a buffer. Every write error ends the program (exit 2): this
// is a benchmark tool, and a half-written input must never be measured.
class Sink {
 public:
  Sink() = default;
  Sink(const Sink&) = delete;
  Sink& operator=(const Sink&) = delete;
  ~Sink();

  // Opens `path` for writing ("-" or "": standard output).
  void open(const std::string& path);
  // The buffer to append to; flush() hands it to the file when it is large.
  std::string& buf() { return buf_; }
  // Writes the buffer out once it holds kFlushAt bytes or more.
  void flush() {
    if (buf_.size() >= kFlushAt) {
      write_out();
    }
  }
  // Bytes written to this file so far, the buffer included.
  uint64_t bytes() const { return written_ + buf_.size(); }
  // Writes everything and closes the file; bytes() starts again from 0.
  void close();

  static constexpr size_t kFlushAt = size_t{4} << 20;

 private:
  void write_out();

  FILE* f_ = nullptr;
  std::string path_;
  std::string buf_;
  uint64_t written_ = 0;
};

// Writes `content` to `path` in one go; returns its size.
uint64_t write_file(const std::string& path, std::string_view content);
// Overwrites `text.size()` bytes of an existing file at `offset` (a placeholder filled in once a
// count is known).
void patch_file(const std::string& path, uint64_t offset, std::string_view text);
// Creates a directory (and its parents); ends the program if it cannot.
void make_dirs(const std::string& path);

// Prints "ror_gen: error: MESSAGE PATH" and exits 2.
[[noreturn]] void fail(std::string_view message, const std::string& path);

}  // namespace gen
