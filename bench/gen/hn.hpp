// What the Hacker News formats share (hn_algolia.cpp, hn_firebase.cpp): names, ids, a text as
// HN's item HTML, a story's title, link or text and poll options, its points, the account as
// OUT.expected.json names it, and the tree of a story's items.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "gen/people.hpp"
#include "gen/status_text.hpp"
#include "gen/statuses.hpp"

namespace gen::hn {

inline constexpr uint64_t kFirstId = 42555000;  // the first item of 2025, about

// A person's HN name: the X handle (letters, digits, '_').
void username(std::string& s, const People& people, int64_t person);

// A text as HN's item HTML: paragraphs separated by <p> (never closed), a single line break as
// a space, links as anchors (long ones shown cut with "..."), names as typed; & < > " ' and '/'
// as entities.
void html(std::string& s, const Text& text, const People& people);

struct Story {
  bool poll = false;
  std::string title;
  std::string url;                   // a link story's; "" for a text story
  std::string html;                  // a text story's
  std::vector<std::string> options;  // a poll's, as HTML
};

// The story of the account's original status whose text is `text`; draws from `rng` (the
// status's own, after its text).
void story(Story& out, const Text& text, Rng& rng, const Brand& brand, const People& people);

// A story's points (HN's score), from its likes.
uint64_t points(const Status& s);

// The account as OUT.expected.json gives it: a username, no id, no follower count.
std::string account_json(const People& people);

// Of other people's comments, one in fifty was deleted (its author and text gone, its replies
// kept) and one in a hundred is dead (flagged, all there).
enum class Gone : uint8_t { no, deleted, dead };

// What both formats hold while they write the tree of one of the account's stories: who people
// are, the story, the ids of its items (in time order, a poll's options right after it), the
// replies under each item, which comments are gone, and what was written.
class Tree {
 public:
  Tree(const StatusStream& stream, uint64_t salt);

  const People& people() const { return people_; }
  const Tally& tally() const { return tally_; }

 protected:
  // Plans the tree of `unit` (oldest first; unit[0] the account's original).
  void plan(const std::vector<Status>& unit);
  // The next item id (ids grow with time, some taken by items elsewhere on the site).
  uint64_t next_id() { return next_id_ += 1 + rng_.below(24); }
  // html_: the text of the reply `s` to a status by `parent_author`, as HN's HTML.
  const std::string& reply_html(const Status& s, int64_t parent_author);
  // How many of the planned story's comments are not gone (its `descendants`, `num_comments`).
  uint64_t live_comments() const;

  People people_;
  TextMaker text_maker_;
  const Brand& brand_;
  Rng rng_;
  Rng text_rng_{0};
  Text text_;
  Story story_;
  Tally tally_;
  const std::vector<Status>* unit_ = nullptr;
  std::vector<uint64_t> ids_, option_ids_;
  std::vector<Gone> gone_;
  std::vector<std::vector<uint32_t>> kids_;
  std::string html_, scratch_;

 private:
  uint64_t next_id_ = kFirstId;
};

}  // namespace gen::hn
