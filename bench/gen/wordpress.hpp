// What the WordPress formats share (wordpress_api.cpp, wordpress_wxr.cpp): the site a seed makes,
// the same in both (its address, authors and timezone; its posts with their ids, titles, slugs,
// permalinks, paragraphs, headings, categories and tags; the ids of its comments), and the HTML
// of its texts.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "gen/people.hpp"
#include "gen/status_text.hpp"
#include "gen/statuses.hpp"

namespace gen::wp {

// Bytes per conversation (post and comments), measured: the same for both formats (17.5 KB in
// the REST folder, 16.8 KB in the export), so that a seed and size make the same site in both.
inline constexpr uint64_t kUnitBytes = 17000;
inline constexpr uint64_t kFirstPostId = 10;  // 2 to 9: pages and menu items
inline constexpr uint64_t kFirstCommentId = 2;

// The categories of the site's posts (ids from 2; 1 is "Uncategorized"), and the pool's tags
// (ids from 10).
inline constexpr std::string_view kCategories[] = {
    "News", "Recipes", "Community", "Our Cafés", "Sustainability", "Behind the Scenes"};
inline constexpr uint64_t kFirstTagId = 10;

// The blog of the brand.
struct Site {
  Site(const Brand& brand, uint64_t seed);

  const Brand& brand;
  std::string url;  // https://blog.DOMAIN
  int authors;      // 1 to 3: 1 is the brand, 2 its care team, 3 an editorial account
  int offset;       // the site's offset from UTC in minutes (its timezone setting)
};

void author_slug(std::string& s, const Brand& brand, int id);
// A person's blog elsewhere (NAME.blog.example): the handle in lower case, '_' as '-'.
void blog_name(std::string& s, const People& people, int64_t person);
void author_name(std::string& s, const Brand& brand, int id);

// A post's title: a few words, the first capitalised.
void title(Rng& rng, const Brand& brand, std::string& out);
// sanitize_title: ASCII letters and digits in lower case, other characters a dash, bytes beyond
// ASCII percent-encoded; at most 200 bytes.
void slug(std::string& s, std::string_view title);
// "YYYY/MM/": the folder under wp-content/uploads of what was uploaded at `t`.
std::string upload_dir(int64_t t);
// The featured image's file name, without its extension: "IMG_1234".
std::string image_file(uint64_t media);

// A post of the site: the conversation's original, its ids, author, texts and terms.
struct Post {
  uint64_t id = 0;
  uint64_t media = 0;  // its featured image's id (the one before the post's); 0: none
  uint64_t draft = 0;  // a draft's id (exported by WXR only), taken before; 0: none
  int author = 1;
  std::string title, slug, link;      // link: SITE/2025/03/04/SLUG/
  std::vector<Text> paragraphs;       // the status's own text first, then more of its own seeds
  std::vector<std::string> headings;  // a heading over paragraph k ("": none)
  uint64_t categories[2] = {};        // term ids; the second 0 when there is one
  std::vector<size_t> tags;           // its hashtags found among the pool's tags, as indices
};

// Plans the post of the conversation whose original is `s`, taking its ids from `next_id`
// (revisions and autosaves take some, not exported). Both formats draw the same.
void plan_post(Post& out, const Site& site, TextMaker& maker, const Status& s, uint64_t& next_id);

// The id of a comment; a comment held for moderation (WXR only) sometimes takes the one before
// (`held`, else 0).
uint64_t comment_id(const Status& c, uint64_t& next_id, uint64_t& held);
// The id of a pingback the post received after its comments (WXR only), or 0.
uint64_t pingback_id(const Status& s, uint64_t& next_id);

// A comment of the conversation: its text, and the site's author the account answers as (the
// post's, or now and then another); `rng` goes on with the comment's own details.
void comment_text(TextMaker& maker, const std::vector<Status>& unit, const Status& c,
                  const Site& site, int post_author, Rng& rng, Text& text, int& account_author);

// A visitor's name as they typed it: their display name, or their handle.
void visitor_name(std::string& s, const People& people, const Audience& audience, int64_t person);
// A registered commenter's user id, or 0 for a visitor (most people).
uint64_t user_id(const Audience& audience, int64_t person);

// A text's words as HTML: '&' '<' '>' as entities, newlines as paragraphs and <br />. Raw (the
// post_content WordPress stores, WXR), quotes stay as typed; texturized (the rendered HTML of the
// REST API), wptexturize's curly quotes, &#8230; and &#038;.
void words_html(std::string& s, std::string_view w, bool texturize);
// A text as a paragraph's inner HTML: words escaped, hashtags as written, mentions as "@Name",
// links as anchors (`rel` for comments, where make_clickable adds rel="nofollow ugc").
void inline_html(std::string& s, const Text& text, const People& people, bool texturize,
                 std::string_view rel);
// A comment's text as WordPress keeps it: as typed, with '&' '<' '>' as entities and links as
// plain addresses (made clickable only when shown).
void typed_html(std::string& s, const Text& text, const People& people);

}  // namespace gen::wp
