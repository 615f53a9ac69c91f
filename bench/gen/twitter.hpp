// What the X formats share: a status's text as X writes it (mentions as @screen_name, links
// shortened to t.co, entities with their offsets in code points, '&' '<' '>' as HTML entities),
// and the small details X adds to every tweet.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "gen/people.hpp"
#include "gen/random.hpp"
#include "gen/status_text.hpp"

namespace gen {

struct TweetEntity {
  PieceKind kind = PieceKind::words;
  uint32_t start = 0, end = 0;  // code points of TweetText::text
  int64_t person = kAccount;    // mention
  std::string value;            // hashtag: the tag; link: the expanded URL
  std::string tco;              // link: the t.co URL in the text
};

struct TweetText {
  std::string text;  // plain: '&' not yet written as &amp;
  std::vector<TweetEntity> entities;
  uint32_t length = 0;  // code points
};

// Renders `in`, prefixed by `prefix` (as "RT @name: "), cut to `max_code_points` with "…" when
// longer (a retweet's text); t.co codes are drawn from `rng`.
void render_tweet(const Text& in, const People& people, Rng& rng, std::string_view prefix,
                  uint32_t max_code_points, TweetText& out);

// Appends " " and a t.co link to `url` (drawn from `rng`) to a rendered text: a quote's link to
// the tweet it quotes.
void append_link(TweetText& t, std::string_view url, Rng& rng);

// A link to a tweet, as quotes carry it: https://twitter.com/NAME/status/ID.
void tweet_url(std::string& s, const People& people, int64_t person, uint64_t id);

// What a URL shows in a tweet: without its scheme, cut to 26 characters with "…".
void display_url(std::string& s, std::string_view url);

// The app a tweet was sent from, as the `source` field's HTML (X archive) or name (API v2).
std::string_view tweet_source_html(Rng& rng, std::string_view& name);

// A tweet's language tag: mostly "en", some others, "und" and X's "qme" (links only).
std::string_view tweet_lang(Rng& rng);

}  // namespace gen
