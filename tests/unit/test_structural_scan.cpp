// The vector walk of JSON structure against the byte-by-byte one.
#include <catch2/catch.hpp>

#include <random>
#include <string>

#include "ingest/sniff.hpp"
#include "ingest/structural_scan.hpp"

using ror::ingest::container_end;
using ror::ingest::container_end_scalar;

TEST_CASE("container_end finds the end of objects and arrays", "[framing]") {
  CHECK(container_end(R"({"a": 1} tail)", 0) == 8);
  CHECK(container_end(R"([1, [2, {"b": "]"}]], 3)", 0) == 20);
  CHECK(container_end(R"({"q": "a \" } b"} x)", 0) == 17);
  CHECK(container_end(R"({"q": "ends with \\"} x)", 0) == 21);
  CHECK(container_end(R"({"open": [1, 2)", 0) == std::string_view::npos);
  CHECK(container_end(R"({"in": "string })", 0) == std::string_view::npos);
}

TEST_CASE("container_end agrees with the byte-by-byte walk on random text", "[framing]") {
  // Texts made of the bytes that matter (quotes, backslashes, brackets) and filler, across
  // 64-byte chunks, so that runs of backslashes and strings straddle chunk edges.
  std::mt19937_64 rng(7);
  const std::string alphabet = "\"\\{}[]ab :,";
  for (int round = 0; round < 20000; ++round) {
    const std::size_t length = 1 + rng() % 300;
    std::string text(1, (rng() & 1U) != 0 ? '{' : '[');
    for (std::size_t i = 1; i < length; ++i) {
      text.push_back(alphabet[rng() % alphabet.size()]);
    }
    INFO(text);
    CHECK(container_end(text, 0) == container_end_scalar(text, 0));
  }
}

namespace {

// A random JSON value of objects, arrays, strings (with escapes) and scalars, `depth` deep at most.
void random_value(std::mt19937_64& rng, int depth, std::string& out) {
  const auto pick = rng() % (depth > 0 ? 6 : 3);
  if (pick == 0) {
    out += "\"a";
    const std::string_view escapes[] = {"\\\"", "\\\\", "}", "]", "{", "x"};
    for (auto n = rng() % 4; n > 0; --n) {
      out += escapes[rng() % 6];
    }
    out += '"';
  } else if (pick == 1) {
    out += std::to_string(rng() % 1000);
  } else if (pick == 2) {
    out += (rng() & 1U) != 0 ? "true" : "null";
  } else if (pick <= 4) {
    out += '{';
    for (auto n = rng() % 4; n > 0; --n) {
      out += "\"k\": ";
      random_value(rng, depth - 1, out);
      out += n > 1 ? ", " : "";
    }
    out += '}';
  } else {
    out += '[';
    for (auto n = rng() % 4; n > 0; --n) {
      random_value(rng, depth - 1, out);
      out += n > 1 ? "," : "";
    }
    out += ']';
  }
}

}  // namespace

TEST_CASE("where format detection says the first value ends, the framing's walk agrees",
          "[framing]") {
  // Valid objects, some with a byte changed or a tail after them: wherever detection walks the
  // first value to its end, the end is the one the framer's own walk finds (which it then skips).
  std::mt19937_64 rng(13);
  const std::string bytes = "\"\\{}[],: x1";
  int walked = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string text = std::string(rng() % 3, ' ') + "{\"id\": ";
    random_value(rng, 4, text);
    text += ", \"children\": ";
    random_value(rng, 4, text);
    text += '}';
    if (rng() % 3 == 0) {
      text[rng() % text.size()] = bytes[rng() % bytes.size()];
    }
    if (rng() % 4 == 0) {
      text += (rng() & 1U) != 0 ? " {}" : "\n";
    }
    INFO(text);
    const ror::ingest::Sniff sniff = ror::ingest::sniff("t.json", text, true);
    if (sniff.value_end == 0) {
      continue;
    }
    ++walked;
    CHECK(sniff.value_end == container_end(text, sniff.value_begin));
  }
  CHECK(walked > 10000);
}

TEST_CASE("find_newlines counts and places newlines across 32-byte chunks and the tail",
          "[framing]") {
  using ror::ingest::find_newlines;
  CHECK(find_newlines("").count == 0);
  CHECK(find_newlines("").last == std::string_view::npos);
  CHECK(find_newlines("\n").last == 0);
  std::mt19937_64 rng(11);
  for (int round = 0; round < 2000; ++round) {
    std::string text(rng() % 200, 'x');
    std::uint64_t expected = 0;
    for (char& c : text) {
      if (rng() % 7 == 0) {
        c = '\n';
        ++expected;
      }
    }
    INFO(text);
    const auto found = find_newlines(text);
    CHECK(found.count == expected);
    CHECK(found.last == text.rfind('\n'));
  }
}
