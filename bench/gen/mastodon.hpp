// What the Mastodon formats share: a status's text as the HTML Mastodon serves (paragraphs,
// line breaks, hashtag and mention anchors, links with their invisible spans), its hashtags and
// mentions, and the URIs of accounts and statuses.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "gen/people.hpp"
#include "gen/status_text.hpp"

namespace gen {

struct MastodonHtml {
  std::string html;
  std::vector<std::string_view> tags;  // hashtags, without '#' (views into the Text)
  std::vector<int64_t> mentions;       // people mentioned, in order, once each
};

// Renders `text` as Mastodon's HTML content.
void render_html(const Text& text, const People& people, MastodonHtml& out);

// https://INSTANCE/users/NAME/statuses/ID
void status_uri(std::string& s, const People& people, int64_t person, uint64_t id);
// https://INSTANCE/@NAME/ID
void status_url(std::string& s, const People& people, int64_t person, uint64_t id);
// https://example.social/tags/TAG
void tag_url(std::string& s, std::string_view tag);

}  // namespace gen
