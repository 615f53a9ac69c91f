#include "ror/time.hpp"

#include <fmt/format.h>

namespace ror {
namespace {

constexpr std::int64_t kMsPerDay = 86'400'000;

// Reads exactly `width` ASCII digits at `pos`; false when any is missing.
bool read_digits(std::string_view s, std::size_t pos, std::size_t width, int& out) noexcept {
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

}  // namespace

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
  const auto days = parse_date(s);
  if (!days || s.size() < 19) {
    return std::nullopt;
  }
  const char sep = s[10];
  int hour = 0;
  int minute = 0;
  int second = 0;
  if ((sep != 'T' && sep != 't' && sep != ' ') || !read_digits(s, 11, 2, hour) || s[13] != ':' ||
      !read_digits(s, 14, 2, minute) || s[16] != ':' || !read_digits(s, 17, 2, second)) {
    return std::nullopt;
  }
  if (hour > 23 || minute > 59 || second > 60) {
    return std::nullopt;
  }
  std::size_t pos = 19;
  int millis = 0;
  if (pos < s.size() && s[pos] == '.') {
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
  if (pos >= s.size()) {
    return std::nullopt;
  }
  int offset_minutes = 0;
  if (s[pos] == 'Z' || s[pos] == 'z') {
    ++pos;
  } else if (s[pos] == '+' || s[pos] == '-') {
    int oh = 0;
    int om = 0;
    if (!read_digits(s, pos + 1, 2, oh) || pos + 3 >= s.size() || s[pos + 3] != ':' ||
        !read_digits(s, pos + 4, 2, om) || oh > 23 || om > 59) {
      return std::nullopt;
    }
    offset_minutes = (oh * 60 + om) * (s[pos] == '-' ? -1 : 1);
    pos += 6;
  } else {
    return std::nullopt;
  }
  if (pos != s.size()) {
    return std::nullopt;
  }
  const std::int64_t seconds_of_day = hour * 3600 + minute * 60 + second - offset_minutes * 60;
  return *days * kMsPerDay + seconds_of_day * 1000 + millis;
}

std::optional<TimeMs> parse_time_bound(std::string_view text, bool end_of_day) noexcept {
  if (text.size() == 10) {
    const auto days = parse_date(text);
    if (!days) {
      return std::nullopt;
    }
    return *days * kMsPerDay + (end_of_day ? kMsPerDay - 1 : 0);
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

}  // namespace ror
