#include <catch2/catch.hpp>

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
