#include "gen/status_text.hpp"

#include <algorithm>

namespace gen {

namespace {

// Characters the platforms escape in their own ways: X writes &amp; &lt; &gt; in its texts,
// Mastodon's HTML the same, and both then go through JSON.
constexpr std::string_view kSymbols[] = {
    "&", "Q&A", "R&D", "<3", "->", "x > y", "a<b", "\"quoted\"", "50% off", "rock'n'roll",
};

void begin_words(Text& out) {
  if (out.pieces.empty() || out.pieces.back().kind != PieceKind::words) {
    Piece p;
    p.begin = p.end = static_cast<uint32_t>(out.bytes.size());
    out.pieces.push_back(p);
  }
}

void end_words(Text& out) {
  out.pieces.back().end = static_cast<uint32_t>(out.bytes.size());
}

// Appends plain words (a separator, say) to the text.
void append(Text& out, std::string_view w) {
  begin_words(out);
  out.bytes += w;
  end_words(out);
}

}  // namespace

std::string_view last_link(const Text& text) {
  std::string_view link;
  for (const Piece& p : text.pieces) {
    if (p.kind == PieceKind::link) {
      link = text.of(p);
    }
  }
  return link;
}

void anchor_html(std::string& s, std::string_view url, const HtmlEscapes& escapes) {
  s += "<a href=\"";
  escape_html(s, url, escapes);
  s += "\">";
  escape_html(s, url, escapes);
  s += "</a>";
}

void escape_html(std::string& s, std::string_view text, const HtmlEscapes& escapes) {
  for (const char c : text) {
    std::string_view to;
    switch (c) {
      case '&':
        to = "&amp;";
        break;
      case '<':
        to = "&lt;";
        break;
      case '>':
        to = "&gt;";
        break;
      case '"':
        to = escapes.quot;
        break;
      case '\'':
        to = escapes.apos;
        break;
      case '/':
        to = escapes.slash;
        break;
      case '\n':
        to = escapes.newline;
        break;
      default:
        break;
    }
    if (to.empty()) {
      s.push_back(c);
    } else {
      s += to;
    }
  }
}

void TextMaker::words(Rng& rng, Text& out, uint64_t n) {
  begin_words(out);
  Words(rng, brand_, plain_lexicon()).words(out.bytes, n);
  if (rng.per_mille(60)) {
    out.bytes.push_back(' ');
    out.bytes += kSymbols[rng.below(std::size(kSymbols))];
  }
  end_words(out);
}

void TextMaker::mention(Text& out, int64_t person) {
  Piece p;
  p.kind = PieceKind::mention;
  p.person = person;
  out.pieces.push_back(p);
}

void TextMaker::link(Rng& rng, Text& out) {
  Piece p;
  p.kind = PieceKind::link;
  p.begin = static_cast<uint32_t>(out.bytes.size());
  Words(rng, brand_, plain_lexicon()).url(out.bytes, false);
  p.end = static_cast<uint32_t>(out.bytes.size());
  out.pieces.push_back(p);
}

void TextMaker::hashtags(Rng& rng, Text& out, uint64_t n) {
  tags_.clear();
  for (uint64_t i = 0; i < n; ++i) {
    const std::string_view tag = pick(rng, plain_lexicon().tags);
    if (std::find(tags_.begin(), tags_.end(), tag) != tags_.end()) {
      continue;
    }
    tags_.push_back(tag);
    append(out, " ");
    Piece p;
    p.kind = PieceKind::hashtag;
    p.begin = static_cast<uint32_t>(out.bytes.size());
    out.bytes += tag;
    p.end = static_cast<uint32_t>(out.bytes.size());
    out.pieces.push_back(p);
  }
}

void TextMaker::reaction(Rng& rng, Text& out) {
  const uint64_t r = rng.below(100);
  if (r < 30) {
    if (rng.per_mille(600)) {
      append(out, pick(rng, plain_lexicon().shorts));
    } else {
      words(rng, out, static_cast<uint64_t>(rng.range(1, 3)));
    }
  } else if (r < 70) {
    words(rng, out, static_cast<uint64_t>(rng.range(4, 14)));
  } else if (r < 94) {
    words(rng, out, static_cast<uint64_t>(rng.range(15, 40)));
  } else {
    words(rng, out, static_cast<uint64_t>(rng.range(41, 120)));
  }
  if (rng.per_mille(40)) {
    append(out, " ");
    link(rng, out);
  }
}

void TextMaker::make(const Status& s, int64_t parent_author, Rng& rng, Text& out) {
  rng = Rng(s.seed);
  out.clear();
  switch (s.kind) {
    case StatusKind::repost:
      make_other(s, out);
      return;
    case StatusKind::outreach:
      mention(out, s.other.author);
      append(out, " ");
      words(rng, out, static_cast<uint64_t>(rng.range(4, 35)));
      return;
    case StatusKind::answer:
      mention(out, parent_author);
      append(out, " ");
      if (rng.per_mille(250)) {
        append(out, pick(rng, plain_lexicon().canned));
      } else {
        words(rng, out, static_cast<uint64_t>(rng.range(3, 40)));
      }
      return;
    case StatusKind::audience:
      if (rng.per_mille(800)) {
        mention(out, parent_author);
        append(out, " ");
      }
      reaction(rng, out);
      return;
    case StatusKind::self_reply:
      words(rng, out, static_cast<uint64_t>(rng.range(6, 35)));
      if (rng.per_mille(300)) {
        append(out, " ");
        link(rng, out);
      }
      hashtags(rng, out, rng.below(2));
      return;
    case StatusKind::original:
      break;
  }
  const bool stuffed = rng.per_mille(70);
  words(rng, out, static_cast<uint64_t>(rng.range(8, 45)));
  if (rng.per_mille(150)) {
    append(out, " cc ");
    mention(out, static_cast<int64_t>(audience_.draw(rng)));
    for (int i = 0, n = rng.per_mille(200) ? static_cast<int>(rng.range(2, 5)) : 0; i < n; ++i) {
      append(out, " ");
      mention(out, static_cast<int64_t>(audience_.draw(rng)));
    }
  }
  if (rng.per_mille(550)) {
    append(out, rng.per_mille(80) ? " 👉 " : " ");
    link(rng, out);
  }
  hashtags(rng, out, stuffed ? static_cast<uint64_t>(rng.range(6, 14)) : rng.below(3));
}

void TextMaker::paragraphs(Rng& rng, Text& out, std::initializer_list<Odds> odds) {
  const uint64_t r = rng.below(100);
  uint64_t n = 0;
  for (const Odds& o : odds) {
    n = o.count;
    if (r < o.below) {
      break;
    }
  }
  for (uint64_t i = 0; i < n; ++i) {
    append(out, "\n\n");
    words(rng, out, static_cast<uint64_t>(rng.range(15, 45)));
  }
}

void TextMaker::make_other(const Status& s, Text& out) {
  Rng other(s.seed ^ 0x6f74686572ULL);
  out.clear();
  words(other, out, static_cast<uint64_t>(other.range(8, 40)));
  if (other.per_mille(300)) {
    append(out, " ");
    link(other, out);
  }
  hashtags(other, out, other.below(3));
}

}  // namespace gen
