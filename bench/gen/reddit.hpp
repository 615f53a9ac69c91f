// What the Reddit formats share (reddit_dump.cpp, reddit_thread.cpp): names and ids in base 36,
// the subreddit, a text as the markdown its author typed and as the API's HTML, a submission's
// title, slug and link, its permalink and upvote ratio, and the account as OUT.expected.json
// names it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "gen/json_writer.hpp"
#include "gen/people.hpp"
#include "gen/status_text.hpp"
#include "gen/statuses.hpp"

namespace gen::reddit {

inline constexpr int64_t kDeleted = -2;                    // an author whose account is gone
inline constexpr uint64_t kFirstLink = 3250056960ULL;      // "1hr0000" in base 36: early 2025
inline constexpr uint64_t kFirstComment = 48188183040ULL;  // "m4y0000"

// Reddit's JSON: a dump's lines compact, keys sorted, '/' as "\/"; the API's with ", " and ": ",
// '<' '>' '&' as \u003C \u003E \u0026. Both write every non-ASCII character as \uXXXX.
inline constexpr JsonStyle kDumpStyle{false, ":", ",", Escape::ascii_slash};
inline constexpr JsonStyle kApiStyle{false, ": ", ", ", Escape::ascii_html};

void put_base36(std::string& s, uint64_t v);
// s += KIND (as "t1_") and the id in base 36.
void fullname(std::string& s, std::string_view kind, uint64_t id);
// KEY: "KIND" and the id in base 36 (`kind` "" for the bare id).
void id_field(JsonWriter& w, std::string_view key, std::string_view kind, uint64_t id);

// A person's Reddit name: the X handle (letters, digits, '_'); "[deleted]" for kDeleted.
void username(std::string& s, const People& people, int64_t person);
// "t2_" and the account's id in base 36.
void user_fullname(std::string& s, const People& people, int64_t person);

// The brand's subreddit, and its "t5_" id.
std::string_view subreddit(const Brand& brand);
void subreddit_id(std::string& s, const Brand& brand);
// The subreddit's subscribers at `t`: a share of the brand's followers, growing through the year.
uint64_t subscribers(uint64_t followers, int64_t t);

// A text as the markdown its author typed: mentions as u/name, hashtags and links as typed.
void markdown(std::string& s, const Text& text, const People& people);
// A text as the API's body_html and selftext_html render its markdown: <div class="md"> with a
// paragraph per blank line, links and u/ mentions as anchors.
void html(std::string& s, const Text& text, const People& people);

// A submission of the status whose text is `text`: its title (words on one line) and slug drawn
// from `rng` after the text, and, for a link post, its url (the text's last link).
struct Submission {
  std::string title, slug;
  std::string_view url;  // a link post's (a view into the Text); empty for a self post
  bool is_self() const { return url.empty(); }
  // The domain field: "self.SUB", or the link's site.
  void domain(std::string& s, const Brand& brand) const;
  // The url field: the link, or a self post's own page (https://www.reddit.com and PERMALINK).
  void link(std::string& s, std::string_view permalink) const;
};
void submission(Submission& out, const Text& text, Rng& rng, const Brand& brand);

// /r/SUB/comments/LINK/SLUG/ and, for a comment (id != 0), COMMENT/.
void permalink(std::string& s, const Brand& brand, uint64_t link, std::string_view slug,
               uint64_t comment);

// "edited": false, or when the status was edited, in epoch seconds: an integer in dumps, a
// float ("1735689600.0") in the API.
void edited(JsonWriter& w, const Status& s, bool api);
// KEY: epoch seconds as the API writes them, a float.
void api_seconds(JsonWriter& w, std::string_view key, int64_t secs);

// upvote_ratio: 0.5 to 1.0 in hundredths, higher for higher scores, as Python writes them (1.0,
// 0.5, 0.97).
std::string upvote_ratio(uint64_t score);

// The account as OUT.expected.json gives it: username, id (t2_...), no follower count.
std::string account_json(const People& people);

}  // namespace gen::reddit
