#include "gen/mastodon.hpp"

#include <algorithm>

#include "gen/output.hpp"

namespace gen {

namespace {

// Words with their newlines as paragraphs (a blank line) and <br /> (a single one).
void words_html(std::string& s, std::string_view words) {
  size_t at = 0;
  while (at < words.size()) {
    const size_t nl = words.find('\n', at);
    escape_html(s, words.substr(at, nl == std::string_view::npos ? nl : nl - at), kHtmlQuotes);
    if (nl == std::string_view::npos) {
      break;
    }
    if (nl + 1 < words.size() && words[nl + 1] == '\n') {
      s += "</p><p>";
      at = nl + 2;
    } else {
      s += "<br />";
      at = nl + 1;
    }
  }
}

// A link as Mastodon shortens it: the scheme and "www." invisible, the rest cut after 30
// characters into an ellipsis and an invisible tail.
void link_html(std::string& s, std::string_view url) {
  s += "<a href=\"";
  escape_html(s, url, kHtmlQuotes);
  s += "\" target=\"_blank\" rel=\"nofollow noopener\" translate=\"no\"><span class=\"invisible\">";
  size_t cut = url.find("://");
  cut = cut == std::string_view::npos ? 0 : cut + 3;
  if (url.substr(cut, 4) == "www.") {
    cut += 4;
  }
  escape_html(s, url.substr(0, cut), kHtmlQuotes);
  const std::string_view rest = url.substr(cut);
  if (rest.size() > 30) {
    s += "</span><span class=\"ellipsis\">";
    escape_html(s, rest.substr(0, 30), kHtmlQuotes);
    s += "</span><span class=\"invisible\">";
    escape_html(s, rest.substr(30), kHtmlQuotes);
  } else {
    s += "</span><span class=\"\">";
    escape_html(s, rest, kHtmlQuotes);
    s += "</span><span class=\"invisible\">";
  }
  s += "</span></a>";
}

}  // namespace

void render_html(const Text& text, const People& people, MastodonHtml& out) {
  out.html = "<p>";
  out.tags.clear();
  out.mentions.clear();
  for (const Piece& p : text.pieces) {
    switch (p.kind) {
      case PieceKind::words:
        words_html(out.html, text.of(p));
        break;
      case PieceKind::hashtag:
        out.html += "<a href=\"";
        tag_url(out.html, text.of(p));
        out.html += "\" class=\"mention hashtag\" rel=\"tag\">#<span>";
        escape_html(out.html, text.of(p), kHtmlQuotes);
        out.html += "</span></a>";
        out.tags.push_back(text.of(p));
        break;
      case PieceKind::mention:
        out.html += "<span class=\"h-card\" translate=\"no\"><a href=\"";
        people.mastodon_profile_url(out.html, p.person);
        out.html += "\" class=\"u-url mention\">@<span>";
        people.mastodon_username(out.html, p.person);
        out.html += "</span></a></span>";
        if (std::find(out.mentions.begin(), out.mentions.end(), p.person) == out.mentions.end()) {
          out.mentions.push_back(p.person);
        }
        break;
      case PieceKind::link:
        link_html(out.html, text.of(p));
        break;
    }
  }
  out.html += "</p>";
}

void status_uri(std::string& s, const People& people, int64_t person, uint64_t id) {
  people.mastodon_actor_uri(s, person);
  s += "/statuses/";
  put_u(s, id);
}

void status_url(std::string& s, const People& people, int64_t person, uint64_t id) {
  people.mastodon_profile_url(s, person);
  s.push_back('/');
  put_u(s, id);
}

void tag_url(std::string& s, std::string_view tag) {
  s += "https://";
  s += kHomeInstance;
  s += "/tags/";
  s += tag;
}

}  // namespace gen
