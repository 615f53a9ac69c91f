// The text of a status, as pieces each format renders its own way: words as they are, hashtags,
// mentions (of someone in the audience or of the account), and links. X writes them as text with
// entities and t.co links, Mastodon as HTML with anchors.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "gen/random.hpp"
#include "gen/statuses.hpp"
#include "gen/text.hpp"

namespace gen {

enum class PieceKind : uint8_t { words, hashtag, mention, link };

struct Piece {
  PieceKind kind = PieceKind::words;
  uint32_t begin = 0, end = 0;  // words, hashtag (without '#'), link: bytes of Text::bytes
  int64_t person = -1;          // mention: audience index; -1 the account
};

struct Text {
  std::string bytes;  // plain UTF-8
  std::vector<Piece> pieces;

  std::string_view of(const Piece& p) const { return {bytes.data() + p.begin, p.end - p.begin}; }
  void clear() {
    bytes.clear();
    pieces.clear();
  }
};

// The URL of the text's last link; empty when it has none.
std::string_view last_link(const Text& text);

// Appends the text as its author typed it, in plain UTF-8: words and links as they are, hashtags
// with their '#', each mention written by `mention(out, person)` (u/name on Reddit, @handle on
// YouTube, a name on Facebook).
template <class Mention>
void render_plain(const Text& text, std::string& out, Mention&& mention) {
  for (const Piece& p : text.pieces) {
    switch (p.kind) {
      case PieceKind::words:
      case PieceKind::link:
        out += text.of(p);
        break;
      case PieceKind::hashtag:
        out.push_back('#');
        out += text.of(p);
        break;
      case PieceKind::mention:
        mention(out, p.person);
        break;
    }
  }
}

// How a platform writes plain text into HTML: '&' '<' '>' always as &amp; &lt; &gt;; quotes,
// '/' and line breaks as it chooses (empty: as they are).
struct HtmlEscapes {
  std::string_view quot, apos, slash, newline;
};
// '&' '<' '>' only: X's tweet texts, the text WordPress stores.
inline constexpr HtmlEscapes kHtmlMinimal{};
// Quotes too, as Rails (Mastodon) and Reddit write HTML.
inline constexpr HtmlEscapes kHtmlQuotes{"&quot;", "&#39;", {}, {}};

// Appends `text` as HTML, escaped per `escapes`.
void escape_html(std::string& s, std::string_view text, const HtmlEscapes& escapes);
// Appends a link as an anchor showing its URL: <a href="URL">URL</a>.
void anchor_html(std::string& s, std::string_view url, const HtmlEscapes& escapes);

class TextMaker {
 public:
  TextMaker(const Brand& brand, const Audience& audience) : brand_(brand), audience_(audience) {}

  // The text of `s`, which answers a status by `parent_author` (when s.parent >= 0): `rng` is
  // seeded from s.seed, so the same status always reads the same; the format may go on drawing
  // from it for its own details.
  void make(const Status& s, int64_t parent_author, Rng& rng, Text& out);
  // The text of the status `s` reposts or quotes (its author is s.other.author), drawn from a
  // stream of its own.
  void make_other(const Status& s, Text& out);
  // Appends paragraphs of 15 to 45 words each, each after a blank line: the rest of a text
  // longer than a status (a Hacker News comment, a LinkedIn post). How many: a draw below 100
  // picks the first {below, count} of `odds` whose `below` it is under (the last one takes the
  // rest).
  struct Odds {
    uint64_t below, count;
  };
  void paragraphs(Rng& rng, Text& out, std::initializer_list<Odds> odds);

 private:
  void words(Rng& rng, Text& out, uint64_t n);
  void mention(Text& out, int64_t person);
  void link(Rng& rng, Text& out);
  void hashtags(Rng& rng, Text& out, uint64_t n);
  void reaction(Rng& rng, Text& out);  // an audience reply's body: mostly short

  const Brand& brand_;
  const Audience& audience_;
  std::vector<std::string_view> tags_;
};

}  // namespace gen
