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
  CHECK(normalize_text("CAF\u00c9") == "caf\u00c9");
  CHECK(analyze_text("Big sale https://a.example").norm_hash ==
        analyze_text("big   SALE https://b.example").norm_hash);
  CHECK(analyze_text("big sale").norm_hash != analyze_text("big sales").norm_hash);
  CHECK(analyze_text("https://only.example").norm_hash == 0);
  CHECK(analyze_text("").norm_hash == 0);
}

TEST_CASE("link schemes are recognised in any case", "[text]") {
  CHECK(normalize_text("HTTPS://x.example/a gone") == "gone");
  CHECK(normalize_text("see Http://x.example hTtPs://y.example") == "see");
  CHECK(normalize_text("HTTP:// HTTPs://") == "");
  SECTION("only the scheme is case-insensitive: near misses are words") {
    CHECK(normalize_text("HTTPS:/x.example") == "https:/x.example");
    CHECK(normalize_text("HTTPSS://x.example") == "httpss://x.example");
    CHECK(normalize_text("ftp://x.example xhttp://y") == "ftp://x.example xhttp://y");
  }
  SECTION("every code path agrees") {
    for (const char* text :
         {"HTTPS://x.example/a", "Big sale HTTP://a.example", "HtTp://", "x hTTPS://y z"}) {
      INFO(text);
      const std::string lower = normalize_text(text);
      CHECK(analyze_text(text).norm_hash == ror::normalized_hash(lower));
      CHECK(ror::analyze_text_scalar(text).norm_hash == ror::normalized_hash(lower));
    }
    CHECK(analyze_text("Big sale HTTPS://a.example").norm_hash ==
          analyze_text("big sale https://b.example").norm_hash);
    CHECK(analyze_text("HTTPS://only.example").norm_hash == 0);
  }
  SECTION("the hash of a text without an upper-case scheme is what it always was") {
    CHECK(analyze_text("Big sale https://a.example today").norm_hash == 0x155b83cbd3dbca20ULL);
    CHECK(ror::analyze_text_scalar("Big sale https://a.example today").norm_hash ==
          0x155b83cbd3dbca20ULL);
  }
}

TEST_CASE("hashtags and mentions found in text", "[text]") {
  CHECK(count_text_tags("#one #two #One", '#') == 2);
  CHECK(count_text_tags("a#b is not a tag", '#') == 0);
  CHECK(count_text_tags("(#tag) and #tag2!", '#') == 2);
  CHECK(count_text_tags("caf\u00e9#tag follows a non-ASCII letter", '#') == 1);
  CHECK(count_text_tags("# alone, #_under", '#') == 1);
  CHECK(count_text_tags("##a #b#c", '#') ==
        2);  // a sigil after a sigil starts one; after a word not
  CHECK(count_text_tags("#", '#') == 0);
  CHECK(count_text_tags("end #last", '#') == 1);
  CHECK(count_text_tags("mail bob@example.com, ping @Alice @alice @bob_2", '@') == 2);
}

TEST_CASE("account names compare without one leading @ and ASCII case", "[text]") {
  CHECK(ror::normalize_name("@AcmeSupport") == "acmesupport");
  CHECK(ror::normalize_name("@@acme") == "@acme");
  CHECK(ror::normalize_name("Acme") == "acme");
  // is_normalised_name says whether normalize_name would change a name.
  for (const std::string_view name : {"acme", "", "@acme", "@@acme", "Acme", "acme_2", "ÉCOLE",
                                      "urn:li:activity:1", "a@b", "z[", "@"}) {
    CHECK(ror::is_normalised_name(name) == (ror::normalize_name(name) == name));
  }
}

namespace {

// Words counted the slow way, one character at a time.
std::uint32_t slow_words(std::string_view s) {
  std::uint32_t words = 0;
  bool in_word = false;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t ws = ror::whitespace_length(s.data() + i, s.data() + s.size());
    if (ws > 0) {
      in_word = false;
      i += ws;
    } else {
      words += in_word ? 0 : 1;
      in_word = true;
      ++i;
    }
  }
  return words;
}

}  // namespace

TEST_CASE("the fast tokenizer agrees with the slow one on every boundary", "[text]") {
  const std::vector<std::string> pieces = {"a",        "Bc",           "\u00e9",   " ",
                                           "\t",       "\u3000",       "\u00a0",   "\u2028",
                                           "\u200b",   "\u2019",       "\xe2\x80", "https://x.ex",
                                           "http:/",   "WORDS_LONG",   "\n\n",     "\u2009",
                                           "https://", "\u205f",       "\u1680",   "\u0085",
                                           "\xc2",     "\xe2\x80\xaf", "HTTPS://", "Http://Up",
                                           "hTTp:/",   "HTTPs"};
  std::uint64_t state = 7;
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const int length = round % 200;
    for (int i = 0; i < length; ++i) {
      state = state * 6364136223846793005ULL + 1442695040888963407ULL;
      text += pieces[(state >> 33) % pieces.size()];
    }
    INFO(text);
    const ror::TextStats fast = analyze_text(text);
    const ror::TextStats scalar = ror::analyze_text_scalar(text);
    CHECK(fast.words == slow_words(text));
    CHECK(scalar.words == fast.words);
    // The hash is the hash of the normalised text, whichever code computes it.
    CHECK(fast.norm_hash == ror::normalized_hash(normalize_text(text)));
    CHECK(scalar.norm_hash == fast.norm_hash);
    // Changing the whitespace and the case of ASCII letters keeps the normalised text.
    std::string variant;
    for (const char c : text) {
      if (c == ' ') {
        variant += "\t \n";
      } else {
        variant += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
      }
    }
    if (normalize_text(variant) == normalize_text(text)) {
      CHECK(analyze_text(variant).norm_hash == analyze_text(text).norm_hash);
    }
    CHECK((analyze_text(text).norm_hash == 0) == normalize_text(text).empty());
  }
}

TEST_CASE("text from inputs is shown visibly and cannot run in a spreadsheet", "[text][safe]") {
  using ror::visible_text;
  CHECK(visible_text("plain caf\u00e9 \U0001F389") == "plain caf\u00e9 \U0001F389");
  CHECK(visible_text("\x1b]0;title\x07x\x1b[2J") == "\\x1b]0;title\\x07x\\x1b[2J");
  CHECK(visible_text("two\nlines\tand\rmore") == "two\\nlines\\tand\\rmore");
  CHECK(visible_text("\u202eevil\u202c") == "\\u202eevil\\u202c");  // bidi override
  CHECK(visible_text("\u2066x\u2069") == "\\u2066x\\u2069");        // bidi isolates
  CHECK(visible_text("\u0085\u009b") == "\\u0085\\u009b");          // C1, CSI included
  CHECK(visible_text("\x7f") == "\\x7f");
  CHECK(visible_text("bad \xff byte") == "bad \\xff byte");
  CHECK(visible_text(std::string("nul\0x", 5)) == "nul\\x00x");
  using ror::spreadsheet_safe;
  CHECK(spreadsheet_safe("=HYPERLINK(\"http://example.invalid\")") ==
        "'=HYPERLINK(\"http://example.invalid\")");
  CHECK(spreadsheet_safe("+1+1") == "'+1+1");
  CHECK(spreadsheet_safe("-2+3") == "'-2+3");
  CHECK(spreadsheet_safe("@SUM(A1)") == "'@SUM(A1)");
  CHECK(spreadsheet_safe("\tx") == "'\tx");
  CHECK(spreadsheet_safe("\rx") == "'\rx");
  CHECK(spreadsheet_safe("-5") == "-5");  // numbers stay numbers
  CHECK(spreadsheet_safe("+1.5e3") == "+1.5e3");
  CHECK(spreadsheet_safe("-.5") == "-.5");
  CHECK(spreadsheet_safe("-") == "'-");
  CHECK(spreadsheet_safe("alice") == "alice");
  CHECK(spreadsheet_safe("") == "");
}

TEST_CASE("UTF-8 is validated as RFC 3629 has it, and invalid bytes are replaced", "[text][utf8]") {
  using ror::invalid_utf8_at;
  using ror::replace_invalid_utf8;
  using ror::utf8_length;
  CHECK(utf8_length("a", 0) == 1);
  CHECK(utf8_length("\u00e9", 0) == 2);
  CHECK(utf8_length("\u20ac", 0) == 3);
  CHECK(utf8_length("\U0001F389", 0) == 4);
  CHECK(utf8_length("\xc0\xaf", 0) == 0);          // overlong '/'
  CHECK(utf8_length("\xe0\x80\xaf", 0) == 0);      // overlong, three bytes
  CHECK(utf8_length("\xed\xa0\x80", 0) == 0);      // a surrogate (U+D800)
  CHECK(utf8_length("\xf4\x90\x80\x80", 0) == 0);  // past U+10FFFF
  CHECK(utf8_length("\xe2\x82", 0) == 0);          // cut short by the end
  CHECK(utf8_length("\x80", 0) == 0);              // a continuation byte alone
  CHECK(invalid_utf8_at("caf\u00e9") == std::string_view::npos);
  CHECK(invalid_utf8_at("ok \xff") == 3);

  std::string out;
  CHECK(replace_invalid_utf8("valid \u00e9\U0001F389", out) == 0);
  CHECK(out.empty());
  // One U+FFFD for each maximal subpart: a lone byte, or the valid start of a sequence cut short.
  CHECK(replace_invalid_utf8("caf\xe9 x", out) == 1);
  CHECK(out == "caf\ufffd x");
  CHECK(replace_invalid_utf8("\xe2\x82 \xf0\x9f\x98!", out) == 2);
  CHECK(out == "\ufffd \ufffd!");
  CHECK(replace_invalid_utf8("\xc0\xaf", out) == 2);  // neither byte starts a sequence
  CHECK(out == "\ufffd\ufffd");
  CHECK(replace_invalid_utf8("\xed\xa0\x80", out) == 3);  // a surrogate: three lone bytes
  CHECK(replace_invalid_utf8("end \xe2\x82", out) == 1);
  CHECK(out == "end \ufffd");
  // Whatever the bytes, the result is valid UTF-8.
  std::string bytes;
  for (int i = 0; i < 256; ++i) {
    bytes.push_back(static_cast<char>(i));
    bytes.push_back(static_cast<char>(255 - i));
  }
  REQUIRE(replace_invalid_utf8(bytes, out) > 0);
  CHECK(invalid_utf8_at(out) == std::string_view::npos);
}
