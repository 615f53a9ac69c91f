#include <catch2/catch.hpp>

#include <limits>

#include "ror/time.hpp"

using ror::parse_rfc3339;

TEST_CASE("RFC 3339 timestamps become UTC milliseconds", "[time]") {
  CHECK(parse_rfc3339("1970-01-01T00:00:00Z") == 0);
  CHECK(parse_rfc3339("2026-01-05T10:00:00Z") == 1767607200000);
  SECTION("offsets are applied") {
    CHECK(parse_rfc3339("2026-01-05T11:02:00+01:00") == parse_rfc3339("2026-01-05T10:02:00Z"));
    CHECK(parse_rfc3339("2026-01-04T23:30:00-05:30") == parse_rfc3339("2026-01-05T05:00:00Z"));
  }
  SECTION("fractions are kept to milliseconds, truncated") {
    CHECK(*parse_rfc3339("1970-01-01T00:00:01.5Z") == 1500);
    CHECK(*parse_rfc3339("1970-01-01T00:00:01.123999Z") == 1123);
  }
  SECTION("separators and zone letters in either case") {
    CHECK(parse_rfc3339("2026-01-05t10:00:00z") == parse_rfc3339("2026-01-05T10:00:00Z"));
    CHECK(parse_rfc3339("2026-01-05 10:00:00Z") == parse_rfc3339("2026-01-05T10:00:00Z"));
  }
  SECTION("leap years") {
    CHECK(parse_rfc3339("2024-02-29T00:00:00Z").has_value());
    CHECK_FALSE(parse_rfc3339("2023-02-29T00:00:00Z").has_value());
    CHECK_FALSE(parse_rfc3339("2100-02-29T00:00:00Z").has_value());
    CHECK(parse_rfc3339("2000-02-29T00:00:00Z").has_value());
  }
}

TEST_CASE("malformed timestamps are refused", "[time]") {
  for (const char* bad : {"", "2026-01-05", "2026-01-05T10:00:00", "2026-13-01T00:00:00Z",
                          "2026-01-32T00:00:00Z", "2026-01-05T24:00:00Z", "2026-01-05T10:60:00Z",
                          "2026-01-05T10:00:00+0100", "2026-01-05T10:00:00.Z",
                          "2026-01-05T10:00:00Zjunk", "05/01/2026 10:00", "2026-1-5T10:00:00Z"}) {
    INFO(bad);
    CHECK_FALSE(parse_rfc3339(bad).has_value());
  }
}

TEST_CASE("UTC months and formatting", "[time]") {
  const auto t = *parse_rfc3339("2026-01-31T23:30:00-01:00");  // 2026-02-01T00:30Z
  CHECK(ror::format_month(ror::utc_month_index(t)) == "2026-02");
  CHECK(ror::format_utc(t) == "2026-02-01T00:30:00Z");
  CHECK(ror::format_utc(*parse_rfc3339("1969-12-31T23:59:59.5Z")) == "1969-12-31T23:59:59Z");
  CHECK(ror::format_month(ror::utc_month_index(-1)) == "1969-12");
}

TEST_CASE("--since/--until bounds", "[time]") {
  CHECK(ror::parse_time_bound("2026-01-05", false) == parse_rfc3339("2026-01-05T00:00:00Z"));
  CHECK(*ror::parse_time_bound("2026-01-05", true) == *parse_rfc3339("2026-01-06T00:00:00Z") - 1);
  CHECK(ror::parse_time_bound("2026-01-05T10:00:00+02:00", true) ==
        parse_rfc3339("2026-01-05T08:00:00Z"));
  CHECK_FALSE(ror::parse_time_bound("yesterday", false).has_value());
}

TEST_CASE("every parser refuses times outside years 0001-9999", "[time]") {
  CHECK(ror::in_time_range(ror::kMinTimeMs) == ror::kMinTimeMs);
  CHECK(ror::in_time_range(ror::kMaxTimeMs) == ror::kMaxTimeMs);
  CHECK_FALSE(ror::in_time_range(ror::kMinTimeMs - 1).has_value());
  CHECK_FALSE(ror::in_time_range(ror::kMaxTimeMs + 1).has_value());
  CHECK(parse_rfc3339("0001-01-01T00:00:00Z") == ror::kMinTimeMs);
  CHECK(parse_rfc3339("9999-12-31T23:59:59.999Z") == ror::kMaxTimeMs);
  CHECK_FALSE(parse_rfc3339("0000-12-31T23:59:59Z").has_value());
  // An offset can carry a written time across the limit.
  CHECK_FALSE(parse_rfc3339("0001-01-01T00:30:00+01:00").has_value());
  CHECK_FALSE(parse_rfc3339("9999-12-31T23:30:00-01:00").has_value());
  CHECK_FALSE(ror::parse_time_bound("0000-01-01", false).has_value());
  CHECK_FALSE(ror::parse_naive_utc("0000-06-01T00:00:00").has_value());
  CHECK_FALSE(ror::parse_twitter_time("Sat Jan 01 00:00:00 +0000 0000").has_value());
  CHECK(ror::parse_epoch_seconds("-62135596800") == ror::kMinTimeMs);
  CHECK_FALSE(ror::parse_epoch_seconds("-62135596800.001").has_value());
  CHECK(ror::parse_epoch_seconds("253402300799.999") == ror::kMaxTimeMs);
  CHECK_FALSE(ror::parse_epoch_seconds("253402300800").has_value());
  CHECK(ror::parse_epoch_millis("253402300799999") == ror::kMaxTimeMs);
  CHECK_FALSE(ror::parse_epoch_millis("253402300800000").has_value());
  CHECK_FALSE(ror::epoch_seconds_to_ms(253402300800.0).has_value());
  CHECK_FALSE(ror::epoch_seconds_to_ms(-1e300).has_value());
}

TEST_CASE("naive date-times are UTC (WordPress date_gmt)", "[time]") {
  using ror::parse_naive_utc;
  CHECK(parse_naive_utc("2026-03-06T13:02:05") == parse_rfc3339("2026-03-06T13:02:05Z"));
  CHECK(parse_naive_utc("2026-03-06 13:02:05") == parse_rfc3339("2026-03-06T13:02:05Z"));
  CHECK(parse_naive_utc("1970-01-01T00:00:01.25") == 1250);
  SECTION("with a zone it is RFC 3339") {
    CHECK(parse_naive_utc("2026-03-06T13:02:05Z") == parse_rfc3339("2026-03-06T13:02:05Z"));
    CHECK(parse_naive_utc("2026-03-06T14:02:05+01:00") == parse_rfc3339("2026-03-06T13:02:05Z"));
  }
  for (const char* bad :
       {"", "2026-03-06", "2026-03-06T", "2026-03-06T13:02", "2026-03-06T13:02:5",
        "2026-03-06T13:02:05.", "2026-03-06T13:02:05 ", "2026-03-06T13:02:05+0100",
        "2026-02-30T00:00:00", "2026-03-06T13:02:05Zjunk"}) {
    INFO(bad);
    CHECK_FALSE(parse_naive_utc(bad).has_value());
  }
}

TEST_CASE("Twitter created_at", "[time]") {
  using ror::parse_twitter_time;
  CHECK(parse_twitter_time("Fri Mar 06 13:02:05 +0000 2026") ==
        parse_rfc3339("2026-03-06T13:02:05Z"));
  CHECK(parse_twitter_time("Wed Oct 10 20:19:24 +0000 2018") == 1539202764000);
  SECTION("offsets either way") {
    CHECK(parse_twitter_time("Fri Mar 06 14:32:05 +0130 2026") ==
          parse_rfc3339("2026-03-06T13:02:05Z"));
    CHECK(parse_twitter_time("Thu Mar 05 20:02:05 -1700 2026") ==
          parse_rfc3339("2026-03-06T13:02:05Z"));
    CHECK(parse_twitter_time("Fri Mar 06 08:02:05 -0500 2026") ==
          parse_rfc3339("2026-03-06T13:02:05Z"));
  }
  SECTION("names in any ASCII case; the weekday is not checked against the date") {
    CHECK(parse_twitter_time("FRI MAR 06 13:02:05 +0000 2026") ==
          parse_rfc3339("2026-03-06T13:02:05Z"));
    CHECK(parse_twitter_time("Mon Mar 06 13:02:05 +0000 2026") ==
          parse_rfc3339("2026-03-06T13:02:05Z"));
  }
  SECTION("leap days") {
    CHECK(parse_twitter_time("Thu Feb 29 00:00:00 +0000 2024").has_value());
    CHECK_FALSE(parse_twitter_time("Sun Feb 29 00:00:00 +0000 2026").has_value());
  }
  for (const char* bad : {"", "Fri Mar 06 13:02:05 +0000", "Fri Mar 6 13:02:05 +0000 2026",
                          "Fri Mar 06 13:02:05 +00:00 2026", "Fri Mar 06 13:02:05 0000 2026",
                          "Fri Mar 06 13:02:05 +0000 2026 ", "Fry Mar 06 13:02:05 +0000 2026",
                          "Fri March 06 13:02:05 +0000 2026", "Fri Mar 32 13:02:05 +0000 2026",
                          "Fri Mar 06 24:02:05 +0000 2026", "Fri Mar 06 13:02:05.5 +0000 2026",
                          "Fri Mar 06 13:02:05 +2400 2026", "Fri Mar 06 13:02:05 +0060 2026",
                          "Fri,Mar 06 13:02:05 +0000 2026", "2026-03-06T13:02:05Z"}) {
    INFO(bad);
    CHECK_FALSE(parse_twitter_time(bad).has_value());
  }
}

TEST_CASE("epoch seconds and milliseconds", "[time]") {
  using ror::parse_epoch_seconds;
  CHECK(parse_epoch_seconds("0") == 0);
  CHECK(parse_epoch_seconds("1136073600") == 1136073600000);
  CHECK(parse_epoch_seconds("1136073600.0") == 1136073600000);
  CHECK(parse_epoch_seconds("1700000000.25") == 1700000000250);
  CHECK(parse_epoch_seconds("-86400") == -86400000);
  SECTION("kept to milliseconds, rounded toward negative infinity") {
    CHECK(parse_epoch_seconds("1.2345") == 1234);
    CHECK(parse_epoch_seconds("1.2349999") == 1234);
    CHECK(parse_epoch_seconds("-1.2345") == -1235);
    CHECK(parse_epoch_seconds("-1.2340000") == -1234);
    CHECK(parse_epoch_seconds("-0.0001") == -1);
    CHECK(parse_epoch_seconds("-0") == 0);
    CHECK(parse_epoch_seconds("00000000000000000000000001.5") == 1500);
  }
  for (const char* bad : {"", "-", "+1", " 1", "1 ", "1.", ".5", "1e9", "1,5", "0x10", "1.2.3",
                          "nan", "inf", "99999999999999999999999"}) {
    INFO(bad);
    CHECK_FALSE(parse_epoch_seconds(bad).has_value());
  }
  SECTION("milliseconds are integers") {
    CHECK(ror::parse_epoch_millis("1700000000250") == 1700000000250);
    CHECK(ror::parse_epoch_millis("-1") == -1);
    CHECK_FALSE(ror::parse_epoch_millis("1700000000250.5").has_value());
    CHECK_FALSE(ror::parse_epoch_millis("").has_value());
    CHECK_FALSE(ror::parse_epoch_millis("12a").has_value());
  }
}

TEST_CASE("epoch seconds given as a double", "[time]") {
  using ror::epoch_seconds_to_ms;
  CHECK(epoch_seconds_to_ms(1136073600.0) == 1136073600000);
  CHECK(epoch_seconds_to_ms(1700000000.25) == 1700000000250);
  // 1136073600.1 is a little below .1 as a double; it is read as the decimal it was written as.
  CHECK(epoch_seconds_to_ms(1136073600.1) == 1136073600100);
  CHECK(epoch_seconds_to_ms(-1.5) == -1500);
  CHECK(epoch_seconds_to_ms(-0.0) == 0);
  CHECK(epoch_seconds_to_ms(1e-300) == 0);
  CHECK(epoch_seconds_to_ms(-1e-300) == -1);
  CHECK_FALSE(epoch_seconds_to_ms(std::numeric_limits<double>::quiet_NaN()).has_value());
  CHECK_FALSE(epoch_seconds_to_ms(std::numeric_limits<double>::infinity()).has_value());
  CHECK_FALSE(epoch_seconds_to_ms(-std::numeric_limits<double>::infinity()).has_value());
  CHECK_FALSE(epoch_seconds_to_ms(1e15).has_value());
}

TEST_CASE("time: UTC days and ISO weeks for --by day and --by week", "[time]") {
  const auto day_of = [](const char* text) {
    return ror::utc_day_index(*ror::parse_rfc3339(text));
  };
  CHECK(ror::format_day(day_of("2026-03-06T23:59:59.999Z")) == "2026-03-06");
  CHECK(ror::format_day(day_of("2026-03-07T00:30:00+01:00")) == "2026-03-06");  // UTC decides
  CHECK(ror::format_day(day_of("1969-12-31T23:59:59Z")) == "1969-12-31");       // floor
  // ISO 8601: weeks start on Monday; the week's Thursday gives its year.
  const auto week_of = [&](const char* text) {
    return ror::format_iso_week(ror::iso_week_start(day_of(text)));
  };
  CHECK(week_of("2026-03-02T00:00:00Z") == "2026-W10");  // a Monday
  CHECK(week_of("2026-03-08T23:59:59Z") == "2026-W10");  // its Sunday
  CHECK(week_of("2026-03-09T00:00:00Z") == "2026-W11");
  CHECK(week_of("2026-12-31T12:00:00Z") == "2026-W53");  // 2026 has 53 weeks
  CHECK(week_of("2027-01-03T12:00:00Z") == "2026-W53");
  CHECK(week_of("2027-01-04T12:00:00Z") == "2027-W01");
  CHECK(week_of("2024-12-30T12:00:00Z") == "2025-W01");  // a Monday in the next ISO year
  CHECK(week_of("1970-01-01T00:00:00Z") == "1970-W01");
  CHECK(week_of("1969-12-29T00:00:00Z") == "1970-W01");
}

TEST_CASE("time: window bounds read as they were given", "[time]") {
  CHECK(ror::format_time_bound(*ror::parse_time_bound("2026-03-01", false), false) == "2026-03-01");
  CHECK(ror::format_time_bound(*ror::parse_time_bound("2026-03-31", true), true) == "2026-03-31");
  CHECK(ror::format_time_bound(*ror::parse_time_bound("2026-03-31T10:00:00Z", true), true) ==
        "2026-03-31T10:00:00Z");
  CHECK(ror::format_time_bound(*ror::parse_time_bound("2026-03-01T00:00:00.5Z", false), false) ==
        "2026-03-01T00:00:00.500Z");
}
