// repair_mojibake (src/model/mojibake.cpp): UTF-8 bytes written one code point each, as Meta's
// exports do, read back as UTF-8; anything else left as it is.
#include <catch2/catch.hpp>

#include <string>

#include "ror/text.hpp"

namespace {

// The repair of `text`, as a string.
std::string repaired(std::string_view text) {
  std::string buffer;
  return std::string(ror::repair_mojibake(text, buffer));
}

// The mojibake of a UTF-8 text: each byte as the code point of its value.
std::string mangled(std::string_view utf8) {
  std::string out;
  for (const char ch : utf8) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x80) {
      out.push_back(ch);
    } else {
      out.push_back(static_cast<char>(0xC0 | (c >> 6)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
  }
  return out;
}

}  // namespace

TEST_CASE("mojibake: Turkish, Greek and emoji are read back", "[text][mojibake]") {
  const std::string turkish =
      "G\u00fczel bir g\u00fcn, \u015fehir \u00e7ok sakin \u0131\u015f\u0131k";
  const std::string greek =
      "\u039a\u03b1\u03bb\u03b7\u03bc\u03ad\u03c1\u03b1 \u03ba\u03cc\u03c3\u03bc\u03b5";
  const std::string emoji = "Bundt cake \U0001F382\U0001F44D\U0001F3FC!";
  CHECK(mangled(turkish) != turkish);
  CHECK(repaired(mangled(turkish)) == turkish);
  CHECK(repaired(mangled(greek)) == greek);
  CHECK(repaired(mangled(emoji)) == emoji);
  // As Meta writes it: "\u00c3\u00a7" for "ç", four code points for one emoji.
  CHECK(repaired("\u00c3\u00a7ay") == "\u00e7ay");
  CHECK(repaired("\u00f0\u009f\u0098\u0082") == "\U0001F602");
}

TEST_CASE("mojibake: other texts stay as they are", "[text][mojibake]") {
  CHECK(repaired("") == "");
  CHECK(repaired("plain ASCII, #tags @names") == "plain ASCII, #tags @names");
  // Real Latin-1 letters: their code points as bytes are no valid UTF-8.
  CHECK(repaired("caf\u00e9 au lait") == "caf\u00e9 au lait");
  CHECK(repaired("\u00c0 bient\u00f4t, gar\u00e7on") == "\u00c0 bient\u00f4t, gar\u00e7on");
  CHECK(repaired("\u00c3") == "\u00c3");                          // a lead byte at the end
  CHECK(repaired("\u00e0\u00a0") == "\u00e0\u00a0");              // E0 A0 needs one more byte
  CHECK(repaired("\u00c0\u00af") == "\u00c0\u00af");              // an overlong form
  CHECK(repaired("\u00ed\u00a0\u0080") == "\u00ed\u00a0\u0080");  // a surrogate
  // Text that already holds code points past U+00FF is proper UTF-8.
  CHECK(repaired("\u00c3\u00a7 \u015f") == "\u00c3\u00a7 \u015f");
  CHECK(repaired("\U0001F382") == "\U0001F382");
}

TEST_CASE("mojibake: long ASCII runs around the repaired bytes", "[text][mojibake]") {
  // ASCII is passed over eight bytes at a time: runs of every length up to 20, before, between
  // and after the repaired characters, and a lead byte cut off at the end after a long run.
  for (std::size_t k = 0; k <= 20; ++k) {
    const std::string run(k, 'a');
    const std::string utf8 = run + "\u00e7" + run + "\u015f" + run + "\U0001F382" + run;
    CHECK(repaired(mangled(utf8)) == utf8);
    const std::string cut = run + run + "\xc3";
    CHECK(repaired(cut) == cut);
    CHECK(repaired(run) == run);
  }
}
