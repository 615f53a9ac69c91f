#include "gen/hn.hpp"

#include <algorithm>

#include "gen/text.hpp"

namespace gen::hn {

void username(std::string& s, const People& people, int64_t person) {
  people.x_handle(s, person);
}

namespace {

// HN's escapes in item text: & < > " ' and '/'.
constexpr HtmlEscapes kHnEscapes{"&quot;", "&#x27;", "&#x2F;", {}};

}  // namespace

void html(std::string& s, const Text& text, const People& people) {
  for (const Piece& p : text.pieces) {
    switch (p.kind) {
      case PieceKind::words: {
        const std::string_view w = text.of(p);
        size_t at = 0;
        while (at < w.size()) {
          const size_t nl = w.find('\n', at);
          escape_html(s, w.substr(at, nl == std::string_view::npos ? nl : nl - at), kHnEscapes);
          if (nl == std::string_view::npos) {
            break;
          }
          if (nl + 1 < w.size() && w[nl + 1] == '\n') {
            s += "<p>";
            at = nl + 2;
          } else {
            s.push_back(' ');
            at = nl + 1;
          }
        }
        break;
      }
      case PieceKind::hashtag:
        s.push_back('#');
        escape_html(s, text.of(p), kHnEscapes);
        break;
      case PieceKind::mention:
        username(s, people, p.person);
        break;
      case PieceKind::link: {
        const std::string_view url = text.of(p);
        s += "<a href=\"";
        escape_html(s, url, kHnEscapes);
        s += "\" rel=\"nofollow\">";
        escape_html(s, url.size() > 60 ? url.substr(0, 57) : url, kHnEscapes);
        s += url.size() > 60 ? "...</a>" : "</a>";
        break;
      }
    }
  }
}

void story(Story& out, const Text& text, Rng& rng, const Brand& brand, const People& people) {
  out = Story{};
  const std::string_view link = last_link(text);
  const uint64_t r = rng.below(1000);
  out.poll = r < 20;
  const bool is_link = !out.poll && !link.empty() && r < 620;
  if (!is_link && !out.poll) {
    out.title = r < 780 ? "Ask HN: " : r < 880 ? "Show HN: " : "";
  } else if (out.poll) {
    out.title = "Poll: ";
  }
  std::string w;
  Words(rng, brand, plain_lexicon()).words(w, static_cast<uint64_t>(rng.range(3, 12)));
  for (const char c : w) {
    if (out.title.size() >= 80) {
      break;
    }
    if (c == '\n' || c == '\t') {
      if (!out.title.empty() && out.title.back() != ' ') {
        out.title.push_back(' ');
      }
    } else {
      out.title.push_back(c);
    }
  }
  // Not cut inside a character, no trailing space.
  size_t k = out.title.size(), tail = 0;
  while (k > 0 && (static_cast<unsigned char>(out.title[k - 1]) & 0xC0) == 0x80) {
    --k;
    ++tail;
  }
  if (k > 0) {
    const auto lead = static_cast<unsigned char>(out.title[k - 1]);
    const size_t need = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : lead >= 0xC0 ? 1 : 0;
    if (tail < need) {
      out.title.resize(k - 1);
    }
  }
  while (!out.title.empty() && out.title.back() == ' ') {
    out.title.pop_back();
  }
  if (is_link) {
    out.url = link;
  } else {
    html(out.html, text, people);
  }
  if (out.poll) {
    for (int i = 0, n = static_cast<int>(rng.range(2, 5)); i < n; ++i) {
      std::string o;
      Words(rng, brand, plain_lexicon()).words(o, static_cast<uint64_t>(rng.range(1, 5)));
      std::string e;
      escape_html(e, o, kHnEscapes);
      out.options.push_back(e);
    }
  }
}

uint64_t points(const Status& s) {
  return std::min<uint64_t>(1 + s.likes / 8, 4000);
}

std::string account_json(const People& people) {
  std::string s = "{\"username\": \"";
  username(s, people, kAccount);
  s += "\", \"id\": null, \"followers\": null}";
  return s;
}

Tree::Tree(const StatusStream& stream, uint64_t salt)
    : people_(stream.brand(), stream.audience(), stream.account_key(), stream.followers()),
      text_maker_(stream.brand(), stream.audience()),
      brand_(stream.brand()),
      rng_(salt) {}

void Tree::plan(const std::vector<Status>& unit) {
  const size_t n = unit.size();
  unit_ = &unit;
  ids_.resize(n);
  gone_.assign(n, Gone::no);
  kids_.assign(n, {});
  text_maker_.make(unit[0], kAccount, text_rng_, text_);
  story(story_, text_, text_rng_, brand_, people_);
  option_ids_.clear();
  for (size_t i = 0; i < n; ++i) {
    ids_[i] = next_id();
    if (i == 0) {
      for (size_t k = 0; k < story_.options.size(); ++k) {
        option_ids_.push_back(next_id_ += 1);
      }
      continue;
    }
    if (!unit[i].by_account()) {
      const uint64_t r = rng_.below(1000);
      gone_[i] = r < 20 ? Gone::deleted : r < 30 ? Gone::dead : Gone::no;
    }
    kids_[static_cast<size_t>(unit[i].parent)].push_back(static_cast<uint32_t>(i));
  }
}

const std::string& Tree::reply_html(const Status& s, int64_t parent_author) {
  text_maker_.make(s, parent_author, text_rng_, text_);
  // A comment on HN runs longer than a status: a thousand real ones (the typesense sample of
  // shared/realdata) average 396 characters of HTML, the median 250; these, by the paragraphs
  // added here, about 385 and 276.
  text_maker_.paragraphs(text_rng_, text_, {{35, 0}, {65, 1}, {80, 2}, {90, 3}, {96, 5}, {100, 9}});
  html_.clear();
  html(html_, text_, people_);
  return html_;
}

uint64_t Tree::live_comments() const {
  uint64_t n = 0;
  for (size_t i = 1; i < gone_.size(); ++i) {
    n += gone_[i] == Gone::no ? 1 : 0;
  }
  return n;
}

}  // namespace gen::hn
