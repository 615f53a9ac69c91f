#include <catch2/catch.hpp>

#include "ror/text.hpp"

using ror::analyze_text;
using ror::count_text_tags;
using ror::normalize_text;

TEST_CASE("words are maximal runs of non-whitespace", "[text]") {
  CHECK(analyze_text("").words == 0);
  CHECK(analyze_text("   ").words == 0);
  CHECK(analyze_text("one").words == 1);
  CHECK(analyze_text("  two\twords\n").words == 2);
  CHECK(analyze_text("a,b c.d").words == 2);
  SECTION("Unicode spaces separate words") {
    CHECK(analyze_text("no\u00a0break").words == 2);
    CHECK(analyze_text("ideographic\u3000space").words == 2);
    CHECK(analyze_text("line\u2028separator").words == 2);
    CHECK(analyze_text("thin\u2009space").words == 2);
  }
  SECTION("zero-width and look-alike characters do not") {
    CHECK(analyze_text("zero\u200bwidth").words == 1);
    CHECK(analyze_text("unit\x1fsep").words == 1);
    CHECK(analyze_text("caf\u00e9 ol\u00e9").words == 2);
  }
}

TEST_CASE("normalised text drops links, squeezes spaces, lowercases ASCII", "[text]") {
  CHECK(normalize_text("  Big   SALE today https://x.example/a ") == "big sale today");
  CHECK(normalize_text("http://a.example only") == "only");
  CHECK(normalize_text("HTTPS://kept.example") == "https://kept.example");
  CHECK(normalize_text("CAF\u00c9") == "caf\u00c9");
  CHECK(analyze_text("Big sale https://a.example").norm_hash ==
        analyze_text("big   SALE https://b.example").norm_hash);
  CHECK(analyze_text("big sale").norm_hash != analyze_text("big sales").norm_hash);
  CHECK(analyze_text("https://only.example").norm_hash == 0);
  CHECK(analyze_text("").norm_hash == 0);
}

TEST_CASE("hashtags and mentions found in text", "[text]") {
  CHECK(count_text_tags("#one #two #One", '#') == 2);
  CHECK(count_text_tags("a#b is not a tag", '#') == 0);
  CHECK(count_text_tags("(#tag) and #tag2!", '#') == 2);
  CHECK(count_text_tags("caf\u00e9#tag follows a non-ASCII letter", '#') == 1);
  CHECK(count_text_tags("# alone, #_under", '#') == 1);
  CHECK(count_text_tags("mail bob@example.com, ping @Alice @alice @bob_2", '@') == 2);
}

TEST_CASE("account names compare without one leading @ and ASCII case", "[text]") {
  CHECK(ror::normalize_name("@AcmeSupport") == "acmesupport");
  CHECK(ror::normalize_name("@@acme") == "@acme");
  CHECK(ror::normalize_name("Acme") == "acme");
}
