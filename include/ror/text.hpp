// Text measures shared by every format: words, normalised-text hashes, hashtags and mentions,
// and HTML turned into plain text.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ror {

// What the metrics need to know about one text, computed once at ingest.
struct TextStats {
  std::uint32_t words = 0;      // maximal runs of non-whitespace
  std::uint64_t norm_hash = 0;  // hash of the normalised text; 0 when it is empty
};

// True when text begins with an http(s) link, "http://" or "https://", the scheme in any ASCII
// case (RFC 3986): the links that normalised text leaves out.
constexpr bool starts_with_link(std::string_view text) noexcept {
  const auto starts_with_lower = [text](std::string_view prefix) {
    if (text.size() < prefix.size()) {
      return false;
    }
    for (std::size_t i = 0; i < prefix.size(); ++i) {
      const char c = text[i];
      if ((c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c) != prefix[i]) {
        return false;  // most often at the first byte
      }
    }
    return true;
  };
  return starts_with_lower("http://") || starts_with_lower("https://");
}

// Byte length of the whitespace character starting at p (ASCII or Unicode White_Space), else 0.
std::size_t whitespace_length(const char* p, const char* end) noexcept;

// Word count and normalised-text hash of a UTF-8 text (see docs/metrics.md for normalisation).
TextStats analyze_text(std::string_view text) noexcept;

// The same, computed byte by byte: the reference for the vector code that analyze_text uses
// where the CPU has it.
TextStats analyze_text_scalar(std::string_view text) noexcept;

// The hash of a normalised text (what normalize_text returns): analyze_text(t).norm_hash equals
// normalized_hash(normalize_text(t)).
std::uint64_t normalized_hash(std::string_view normalized) noexcept;

// The normalised text: tokens without http(s) links (scheme in any case), one space apart, ASCII
// lowercased.
std::string normalize_text(std::string_view text);

// Distinct (ASCII case-insensitive) `#tags` (sigil '#') or `@mentions` (sigil '@') in a text.
std::uint32_t count_text_tags(std::string_view text, char sigil);

// How many distinct names there are, compared without ASCII case (sorts `names`).
std::uint32_t count_distinct(std::vector<std::string_view>& names);

// UTF-8 as RFC 3629 has it: overlong forms, surrogates (U+D800-DFFF) and values past U+10FFFF
// are invalid.
// The length (1-4) of the valid UTF-8 sequence at text[i], or 0 when none starts there.
std::size_t utf8_length(std::string_view text, std::size_t i) noexcept;
// The offset of the first byte of `text` that is not valid UTF-8, or npos.
std::size_t invalid_utf8_at(std::string_view text) noexcept;
// When `text` holds invalid UTF-8: writes it into `out` with each maximal invalid subpart (a byte
// that starts no sequence, or the valid start of a sequence cut short) replaced by U+FFFD, and
// returns how many were replaced. Returns 0, leaving `out` empty, when `text` is valid.
std::uint64_t replace_invalid_utf8(std::string_view text, std::string& out);
// The code point at text[i] and the bytes it takes; a byte that starts no valid UTF-8 sequence
// reads as U+FFFD taking 1 byte (a real U+FFFD takes 3).
std::pair<char32_t, std::size_t> decode_utf8(std::string_view text, std::size_t i) noexcept;

// Whether text is a plain decimal number as JSON writes one: an optional sign (`+` too), digits,
// an optional fraction, an optional exponent; never "nan", "inf" or hexadecimal.
bool is_plain_number(std::string_view text) noexcept;

// Text from an input made safe for a terminal and one line: control characters (C0, DEL, C1),
// escape sequences, bidirectional overrides and isolates, line separators and bytes that are no
// UTF-8 are written visibly (`\x1b`, `\n`, `\u202e`, `\xff`); everything else is kept.
std::string visible_text(std::string_view text);

// Text from an input made safe for HTML and XML, as text or in a quoted attribute: visible_text,
// then `&`, `<`, `>`, `"` and `'` as character references. A `<script>` in a comment stays text.
std::string markup_text(std::string_view text);

// A CSV cell a spreadsheet cannot run (OWASP, CSV injection): one that begins with `=`, `+`,
// `-`, `@`, a tab or a carriage return gets a leading `'`, unless it is a number ("-5").
std::string spreadsheet_safe(std::string_view cell);

// The name of `known` closest to `name` by edit distance (insertions, deletions,
// substitutions), when it is within two edits: what "did you mean" suggests.
std::optional<std::string_view> nearest_name(std::string_view name,
                                             std::span<const std::string_view> known);

// ASCII-lowercases a name after removing one leading '@': how account names are compared.
std::string normalize_name(std::string_view name);
// Whether normalize_name(name) == name (no copy needed).
bool is_normalised_name(std::string_view name) noexcept;

// Text whose UTF-8 bytes were each written as a code point of their own (Meta's exports write
// "Ã§" for "ç"), read back: when every code point of `text` is at most U+00FF, one at least past
// U+007F, and those code points taken as bytes form valid UTF-8, that UTF-8 (written into `out`,
// which is cleared first); otherwise `text` itself, unchanged (a real Latin-1 text such as "café"
// is not valid UTF-8 once its code points are taken as bytes).
std::string_view repair_mojibake(std::string_view text, std::string& out);

// HTML (a post's or comment's markup, a fragment or a whole document) as plain UTF-8 text:
// - Tags are dropped. Block-level elements (p, br, div, li, h1-h6, blockquote, table rows and
//   cells, hr, pre, ul, section, ...) and dropped elements are line breaks: words on either side
//   never join. ASCII whitespace around a break folds into one '\n'; none at the start or end.
// - The contents of script, style and title are dropped (head needs no rule: what it holds gives
//   no text), and so are comments `<!-- -->`, `<!...>` and `<?...>`.
// - Character references are decoded: numeric ones (`&#39;`, `&#x1F600;`; the ';' may be missing;
//   0, surrogates and values past U+10FFFF give U+FFFD, 0x80-0x9F are read as Windows-1252) and
//   named ones with their ';' (the HTML 4 set, `apos`, HTML5 punctuation; `&nbsp;` is U+00A0).
//   An unknown or malformed reference stays as written.
// - A link `<a href="http(s)://...">` gives its URL (its href, references decoded, set off by
//   spaces from text it would touch) in place of its text, unless that text starts with '#' or
//   '@' (Mastodon hashtags and mentions) or is itself a URL (Mastodon's split links, hidden parts
//   included), which is kept. A link to anything else (mailto:, a relative path) keeps its text.
// - Attribute values may be quoted with '"' or '\'' or not at all; '>' in quotes ends no tag.
//   A '<' not followed by a letter, '/' and a letter, '!' or '?' is text. A tag, comment or
//   script left open at the end of the input is dropped with the rest of it.
// - Bytes are copied as they are: invalid UTF-8 stays invalid.
std::string html_to_text(std::string_view html);

// The same into `out`, which is cleared first and keeps its capacity: for the hot path.
void html_to_text(std::string_view html, std::string& out);

}  // namespace ror
