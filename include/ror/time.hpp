// Timestamps: RFC 3339, naive UTC, Twitter and epoch forms parsed into UTC milliseconds (one
// range check for all), and UTC formatting.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ror {

// Milliseconds since 1970-01-01T00:00:00Z.
using TimeMs = std::int64_t;

// The first and the last millisecond every parser accepts: 0001-01-01T00:00:00.000Z and
// 9999-12-31T23:59:59.999Z (proleptic Gregorian, UTC).
inline constexpr TimeMs kMinTimeMs = -62'135'596'800'000;
inline constexpr TimeMs kMaxTimeMs = 253'402'300'799'999;

// The range check shared by every parser: t when kMinTimeMs <= t <= kMaxTimeMs, else nullopt.
std::optional<TimeMs> in_time_range(TimeMs t) noexcept;

// Parses an RFC 3339 date-time ("2026-01-05T11:02:00.250+01:00"); nullopt when malformed.
// Accepts `T`, `t` or a space between date and time, `Z`/`z` or a +hh:mm/-hh:mm offset, and a
// fraction of any length (kept to milliseconds, truncated). Like every parser here, it refuses a
// time outside years 0001-9999 UTC (see in_time_range).
std::optional<TimeMs> parse_rfc3339(std::string_view text) noexcept;

// Parses an RFC 3339 date-time whose offset may be missing, the time then being UTC (WordPress
// `date_gmt`: "2026-03-06T13:02:05"); with `Z` or an offset it is parse_rfc3339. Fraction allowed.
std::optional<TimeMs> parse_naive_utc(std::string_view text) noexcept;

// Parses Twitter's created_at, "Fri Mar 06 13:02:05 +0000 2026": English weekday and month
// names (ASCII case ignored), a two-digit day, an offset +hhmm or -hhmm. The weekday must be one
// of the seven names but is not checked against the date, which the other fields decide.
std::optional<TimeMs> parse_twitter_time(std::string_view text) noexcept;

// Parses epoch seconds written in decimal, "1136073600", "-86400" or "1700000000.25" (no sign
// but '-', no exponent, no spaces); the fraction is kept to milliseconds, rounded toward
// negative infinity (floor), exactly, with no floating point.
std::optional<TimeMs> parse_epoch_seconds(std::string_view text) noexcept;

// Epoch seconds given as a number (a JSON float) in milliseconds: the double is read as the
// shortest decimal that converts back to it (what the JSON said), then as parse_epoch_seconds
// reads text, so 1136073600.1 gives ...100 ms, not ...099. nullopt for NaN, infinities and times
// out of range.
std::optional<TimeMs> epoch_seconds_to_ms(double seconds) noexcept;

// Parses epoch milliseconds written as a decimal integer, "1700000000250" or "-1".
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

// A UTC day as days since 1970-01-01 (floor), for grouping.
std::int64_t utc_day_index(TimeMs t) noexcept;

// The Monday (a utc_day_index) that starts the ISO 8601 week of a UTC day.
std::int64_t iso_week_start(std::int64_t day) noexcept;

// "YYYY-MM-DD" of a day index.
std::string format_day(std::int64_t day);

// A --since/--until bound as a person reads it: "YYYY-MM-DD" when it is the first millisecond of
// its day (or, with end_of_day, the last), else format_utc_ms.
std::string format_time_bound(TimeMs t, bool end_of_day);

// "YYYY-Www" of the ISO 8601 week that starts on Monday `monday` (iso_week_start): the year is
// the one of the week's Thursday, so 2026-12-28 opens 2026-W53 and 2027-01-04 opens 2027-W01.
std::string format_iso_week(std::int64_t monday);

// "YYYY-MM-DDTHH:MM:SSZ" (seconds precision, fraction dropped).
std::string format_utc(TimeMs t);

// The same with the milliseconds when there are any: "YYYY-MM-DDTHH:MM:SS.mmmZ".
std::string format_utc_ms(TimeMs t);

}  // namespace ror
