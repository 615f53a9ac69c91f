// Timestamps: RFC 3339 parsing into UTC milliseconds, and UTC formatting.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ror {

// Milliseconds since 1970-01-01T00:00:00Z.
using TimeMs = std::int64_t;

// Parses an RFC 3339 date-time ("2026-01-05T11:02:00.250+01:00"); nullopt when malformed.
// Accepts `T`, `t` or a space between date and time, `Z`/`z` or a +hh:mm/-hh:mm offset, and a
// fraction of any length (kept to milliseconds, truncated).
std::optional<TimeMs> parse_rfc3339(std::string_view text) noexcept;

// TEMPORARY (replaced by the text branch): other encodings of a time.
std::optional<TimeMs> parse_twitter_time(std::string_view text) noexcept;
std::optional<TimeMs> parse_naive_utc(std::string_view text) noexcept;
std::optional<TimeMs> parse_epoch_seconds(std::string_view text) noexcept;
std::optional<TimeMs> parse_epoch_millis(std::string_view text) noexcept;

// Parses a --since/--until bound: an RFC 3339 date-time, or a date `YYYY-MM-DD` (midnight UTC;
// with end_of_day, the last millisecond of that day).
std::optional<TimeMs> parse_time_bound(std::string_view text, bool end_of_day) noexcept;

// Days since 1970-01-01 of a proleptic Gregorian civil date.
std::int64_t days_from_civil(std::int64_t year, unsigned month, unsigned day) noexcept;

// A UTC calendar month as year * 12 + (month - 1), for grouping.
std::int64_t utc_month_index(TimeMs t) noexcept;

// "YYYY-MM" of a month index from utc_month_index.
std::string format_month(std::int64_t month_index);

// "YYYY-MM-DDTHH:MM:SSZ" (seconds precision, fraction dropped).
std::string format_utc(TimeMs t);

}  // namespace ror
