#include "ror/time.hpp"

#include <fmt/format.h>

#include <array>
#include <charconv>
#include <cmath>

namespace ror {
namespace {

constexpr std::int64_t kMsPerDay = 86'400'000;

// Reads exactly `width` ASCII digits at `pos`; false when any is missing.
[[gnu::always_inline]] inline bool read_digits(std::string_view s, std::size_t pos,
                                               std::size_t width, int& out) noexcept {
  if (pos + width > s.size()) {
    return false;
  }
  int value = 0;
  for (std::size_t i = pos; i < pos + width; ++i) {
    const char c = s[i];
    if (c < '0' || c > '9') {
      return false;
    }
    value = value * 10 + (c - '0');
  }
  out = value;
  return true;
}

bool is_leap(int year) noexcept {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(int year, int month) noexcept {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap(year) ? 29 : kDays[month - 1];
}

// Parses "YYYY-MM-DD" at the start of s into days since the epoch.
std::optional<std::int64_t> parse_date(std::string_view s) noexcept {
  int year = 0;
  int month = 0;
  int day = 0;
  if (!read_digits(s, 0, 4, year) || s.size() < 10 || s[4] != '-' || !read_digits(s, 5, 2, month) ||
      s[7] != '-' || !read_digits(s, 8, 2, day)) {
    return std::nullopt;
  }
  if (month < 1 || month > 12 || day < 1 || day > days_in_month(year, month)) {
    return std::nullopt;
  }
  return days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
}

// Parses "HH:MM:SS" at pos (then, when `fraction`, an optional ".d+" kept to milliseconds,
// truncated) into milliseconds since midnight; pos is left after it. A leap second (second 60)
// stays in its minute: it reads as that minute's last millisecond.
[[gnu::always_inline]] inline std::optional<std::int64_t> parse_clock(std::string_view s,
                                                                      std::size_t& pos,
                                                                      bool fraction) noexcept {
  int hour = 0;
  int minute = 0;
  int second = 0;
  if (!read_digits(s, pos, 2, hour) || pos + 8 > s.size() || s[pos + 2] != ':' ||
      !read_digits(s, pos + 3, 2, minute) || s[pos + 5] != ':' ||
      !read_digits(s, pos + 6, 2, second)) {
    return std::nullopt;
  }
  if (hour > 23 || minute > 59 || second > 60) {
    return std::nullopt;
  }
  pos += 8;
  int millis = 0;
  if (fraction && pos < s.size() && s[pos] == '.') {
    ++pos;
    const std::size_t start = pos;
    int scale = 100;
    while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
      millis += (s[pos] - '0') * scale;
      scale /= 10;
      ++pos;
    }
    if (pos == start) {
      return std::nullopt;
    }
  }
  if (second == 60) {
    return (hour * 3600 + minute * 60 + 59) * std::int64_t{1000} + 999;
  }
  return (hour * 3600 + minute * 60 + second) * std::int64_t{1000} + millis;
}

// Parses a UTC offset at pos, "+hh:mm" (with `colon`) or "+hhmm", '-' for west, into minutes
// east of UTC; pos is left after it.
[[gnu::always_inline]] inline std::optional<int> parse_offset(std::string_view s, std::size_t& pos,
                                                              bool colon) noexcept {
  const std::size_t minutes_at = pos + (colon ? 4 : 3);
  int oh = 0;
  int om = 0;
  if (pos >= s.size() || (s[pos] != '+' && s[pos] != '-') || !read_digits(s, pos + 1, 2, oh) ||
      (colon && (pos + 3 >= s.size() || s[pos + 3] != ':')) || !read_digits(s, minutes_at, 2, om) ||
      oh > 23 || om > 59) {
    return std::nullopt;
  }
  const int sign = s[pos] == '-' ? -1 : 1;
  pos = minutes_at + 2;
  return (oh * 60 + om) * sign;
}

// Parses an RFC 3339 date-time; without `zone_required`, a missing zone means UTC.
std::optional<TimeMs> parse_date_time(std::string_view s, bool zone_required) noexcept {
  const auto days = parse_date(s);
  if (!days || s.size() < 11 || (s[10] != 'T' && s[10] != 't' && s[10] != ' ')) {
    return std::nullopt;
  }
  std::size_t pos = 11;
  const auto clock = parse_clock(s, pos, true);
  if (!clock) {
    return std::nullopt;
  }
  const TimeMs local = *days * kMsPerDay + *clock;
  if (pos == s.size()) {
    return zone_required ? std::nullopt : in_time_range(local);
  }
  if (s[pos] == 'Z' || s[pos] == 'z') {
    return pos + 1 == s.size() ? in_time_range(local) : std::nullopt;
  }
  const auto offset = parse_offset(s, pos, true);
  if (!offset || pos != s.size()) {
    return std::nullopt;
  }
  return in_time_range(local - *offset * std::int64_t{60'000});
}

constexpr std::array<std::string_view, 7> kWeekdays = {"mon", "tue", "wed", "thu",
                                                       "fri", "sat", "sun"};
constexpr std::array<std::string_view, 12> kMonths = {"jan", "feb", "mar", "apr", "may", "jun",
                                                      "jul", "aug", "sep", "oct", "nov", "dec"};

// The index in `names` of the three-letter name at s[pos], ASCII case ignored; nullopt if none.
template <std::size_t N>
std::optional<std::size_t> find_name(std::string_view s, std::size_t pos,
                                     const std::array<std::string_view, N>& names) noexcept {
  if (pos + 3 > s.size()) {
    return std::nullopt;
  }
  char lower[3];
  for (std::size_t i = 0; i < 3; ++i) {
    const char c = s[pos + i];
    lower[i] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  }
  for (std::size_t k = 0; k < N; ++k) {
    if (names[k] == std::string_view(lower, 3)) {
      return k;
    }
  }
  return std::nullopt;
}

// Parses "[-]digits[.digits]" counting units of `unit` milliseconds (1000 for seconds, 1 for
// milliseconds, which takes no fraction) into whole milliseconds, rounded toward negative
// infinity.
std::optional<TimeMs> parse_decimal_time(std::string_view s, std::int64_t unit) noexcept {
  // Past this many units nothing is in range, and whole * unit cannot overflow.
  constexpr std::int64_t kWholeLimit = 1'000'000'000'000'000;
  std::size_t pos = 0;
  const bool negative = !s.empty() && s[0] == '-';
  pos += negative ? 1 : 0;
  const std::size_t start = pos;
  std::int64_t whole = 0;
  while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
    whole = whole * 10 + (s[pos] - '0');
    if (whole > kWholeLimit) {
      return std::nullopt;
    }
    ++pos;
  }
  if (pos == start) {
    return std::nullopt;
  }
  std::int64_t millis = whole * unit;
  bool dropped = false;  // a non-zero digit below the millisecond was cut off
  if (unit > 1 && pos < s.size() && s[pos] == '.') {
    ++pos;
    const std::size_t fraction_start = pos;
    std::int64_t scale = unit / 10;
    for (; pos < s.size() && s[pos] >= '0' && s[pos] <= '9'; ++pos) {
      millis += (s[pos] - '0') * scale;
      dropped = dropped || (scale == 0 && s[pos] != '0');
      scale /= 10;
    }
    if (pos == fraction_start) {
      return std::nullopt;
    }
  }
  if (pos != s.size()) {
    return std::nullopt;
  }
  return in_time_range(negative ? -millis - (dropped ? 1 : 0) : millis);
}

}  // namespace

std::optional<TimeMs> in_time_range(TimeMs t) noexcept {
  if (t < kMinTimeMs || t > kMaxTimeMs) {
    return std::nullopt;
  }
  return t;
}

std::int64_t days_from_civil(std::int64_t year, unsigned month, unsigned day) noexcept {
  // Howard Hinnant's civil-from-days inverse, for the proleptic Gregorian calendar.
  year -= month <= 2 ? 1 : 0;
  const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
  const auto yoe = static_cast<unsigned>(year - era * 400);
  const unsigned doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

std::optional<TimeMs> parse_rfc3339(std::string_view s) noexcept {
  return parse_date_time(s, true);
}

std::optional<TimeMs> parse_naive_utc(std::string_view s) noexcept {
  return parse_date_time(s, false);
}

std::optional<TimeMs> parse_twitter_time(std::string_view s) noexcept {
  // "Fri Mar 06 13:02:05 +0000 2026": every field at a fixed place.
  int day = 0;
  int year = 0;
  const auto month = find_name(s, 4, kMonths);
  if (s.size() != 30 || !find_name(s, 0, kWeekdays) || s[3] != ' ' || !month || s[7] != ' ' ||
      !read_digits(s, 8, 2, day) || s[10] != ' ' || s[19] != ' ' || s[25] != ' ' ||
      !read_digits(s, 26, 4, year)) {
    return std::nullopt;
  }
  const int month_number = static_cast<int>(*month) + 1;
  if (day < 1 || day > days_in_month(year, month_number)) {
    return std::nullopt;
  }
  std::size_t pos = 11;
  const auto clock = parse_clock(s, pos, false);
  pos = 20;
  const auto offset = parse_offset(s, pos, false);
  if (!clock || !offset) {
    return std::nullopt;
  }
  const std::int64_t days =
      days_from_civil(year, static_cast<unsigned>(month_number), static_cast<unsigned>(day));
  return in_time_range(days * kMsPerDay + *clock - *offset * std::int64_t{60'000});
}

std::optional<TimeMs> parse_epoch_seconds(std::string_view text) noexcept {
  return parse_decimal_time(text, 1000);
}

std::optional<TimeMs> epoch_seconds_to_ms(double seconds) noexcept {
  // NaN, infinities and magnitudes that the range check refuses anyway stop here, so that the
  // decimal form fits the buffer.
  if (!(std::fabs(seconds) < 1e15)) {
    return std::nullopt;
  }
  char digits[64];
  const auto [end, error] =
      std::to_chars(digits, digits + sizeof digits, seconds, std::chars_format::fixed);
  if (error != std::errc{}) {
    // Only a magnitude far below a millisecond has a fixed form this long.
    return in_time_range(static_cast<TimeMs>(std::floor(seconds * 1000.0)));
  }
  return parse_decimal_time({digits, static_cast<std::size_t>(end - digits)}, 1000);
}

std::optional<TimeMs> parse_epoch_millis(std::string_view text) noexcept {
  return parse_decimal_time(text, 1);
}

std::optional<TimeMs> parse_time_bound(std::string_view text, bool end_of_day) noexcept {
  if (text.size() == 10) {
    const auto days = parse_date(text);
    if (!days) {
      return std::nullopt;
    }
    return in_time_range(*days * kMsPerDay + (end_of_day ? kMsPerDay - 1 : 0));
  }
  return parse_rfc3339(text);
}

std::int64_t utc_month_index(TimeMs t) noexcept {
  // Floor division so times before 1970 land in the right day.
  std::int64_t days = t / kMsPerDay;
  if (t % kMsPerDay < 0) {
    --days;
  }
  // civil_from_days, keeping only year and month.
  days += 719468;
  const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const auto doe = static_cast<unsigned>(days - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned month = mp < 10 ? mp + 3 : mp - 9;
  const std::int64_t year = static_cast<std::int64_t>(yoe) + era * 400 + (month <= 2 ? 1 : 0);
  return year * 12 + static_cast<std::int64_t>(month) - 1;
}

std::string format_month(std::int64_t month_index) {
  std::int64_t year = month_index / 12;
  std::int64_t month0 = month_index % 12;
  if (month0 < 0) {
    month0 += 12;
    --year;
  }
  return fmt::format("{:04}-{:02}", year, month0 + 1);
}

std::int64_t utc_day_index(TimeMs t) noexcept {
  return t / kMsPerDay - (t % kMsPerDay < 0 ? 1 : 0);
}

std::int64_t iso_week_start(std::int64_t day) noexcept {
  // 1970-01-01 was a Thursday: day 0 is weekday 3 counting from Monday.
  const std::int64_t weekday = ((day + 3) % 7 + 7) % 7;
  return day - weekday;
}

std::string format_day(std::int64_t day) {
  return format_utc(day * kMsPerDay).substr(0, 10);
}

std::string format_time_bound(TimeMs t, bool end_of_day) {
  const TimeMs into_day = t - utc_day_index(t) * kMsPerDay;
  return into_day == (end_of_day ? kMsPerDay - 1 : 0) ? format_day(utc_day_index(t))
                                                      : format_utc_ms(t);
}

std::string format_iso_week(std::int64_t monday) {
  const std::int64_t thursday = monday + 3;
  const std::int64_t month_index = utc_month_index(thursday * kMsPerDay);
  const std::int64_t year = month_index / 12 - (month_index % 12 < 0 ? 1 : 0);
  const std::int64_t week = (thursday - days_from_civil(year, 1, 1)) / 7 + 1;
  return fmt::format("{:04}-W{:02}", year, week);
}

std::string format_utc(TimeMs t) {
  std::int64_t seconds = t / 1000;
  if (t % 1000 < 0) {
    --seconds;
  }
  std::int64_t days = seconds / 86400;
  std::int64_t rem = seconds % 86400;
  if (rem < 0) {
    rem += 86400;
    --days;
  }
  const std::int64_t month_index = utc_month_index(days * kMsPerDay);
  const std::int64_t year = month_index / 12 - (month_index % 12 < 0 ? 1 : 0);
  const auto month = static_cast<unsigned>(month_index - year * 12 + 1);
  const std::int64_t day = days - days_from_civil(year, month, 1) + 1;
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", year, month, day, rem / 3600,
                     rem / 60 % 60, rem % 60);
}

std::string format_utc_ms(TimeMs t) {
  const std::int64_t ms = ((t % 1000) + 1000) % 1000;
  std::string out = format_utc(t);
  if (ms != 0) {
    out.insert(out.size() - 1, fmt::format(".{:03}", ms));
  }
  return out;
}

}  // namespace ror
