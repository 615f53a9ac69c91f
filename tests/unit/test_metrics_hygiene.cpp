// Hygiene metrics on small hand-computed ror/v1 fixtures: hashtag stuffing, duplicate posts,
// bursts, canned answers, mention blasts and broadcasting.
#include <catch2/catch.hpp>

#include <algorithm>
#include <limits>
#include <random>
#include <set>
#include <tuple>
#include <vector>

#include <fmt/format.h>
#include <string>

#include "fixtures.hpp"

using ror::MetricId;
using ror::MetricValues;
using ror::test::known;
using ror::test::metrics_of;
using ror::test::unknown;

namespace {

// A document for the account "acme" with the given posts.
std::string with_posts(const std::string& posts) {
  return R"({"schema": "ror/v1", "account": {"id": "acme_id", "handle": "@acme",
    "aliases": ["AcmeSupport"]}, "posts": [)" +
         posts + "]}";
}

}  // namespace

TEST_CASE("hygiene: hashtags from the array, else from the text", "[hygiene]") {
  // h1: array {a, b} = 2 (its text tags are ignored).        h2: array {one, two, three} = 3.
  // h3: empty array = 0 (text ignored).                       h4: text {launch, sale, new} = 3.
  // h5: text "a#b c#d #e#f (#g)" -> {e, g} = 2.               h6: array "#", "" dropped -> {x, y}
  // = 2. h7: hashtags null = no array -> text {p, q, r} = 3. h8: text: "caf\u00e9#tag" counts
  // (non-ASCII before '#'), "#\u00e9t\u00e9" does not, "#ok_1" -> 2. The outreach and the foreign
  // post are not original posts. Abuse (> 2): h2, h4, h7 = 3 / 8.
  const std::string text = with_posts(R"json(
    {"id": "h1", "created_at": "2026-01-01T00:00:00Z", "text": "#x #y #z #w",
     "hashtags": ["#a", "B", "b", "#A"]},
    {"id": "h2", "created_at": "2026-01-02T00:00:00Z", "hashtags": ["one", "two", "#three"]},
    {"id": "h3", "created_at": "2026-01-03T00:00:00Z", "text": "#a #b #c", "hashtags": []},
    {"id": "h4", "created_at": "2026-01-04T00:00:00Z", "text": "#Launch #launch #sale #new"},
    {"id": "h5", "created_at": "2026-01-05T00:00:00Z", "text": "a#b c#d #e#f (#g)"},
    {"id": "h6", "created_at": "2026-01-06T00:00:00Z", "hashtags": ["#", "", "x", "y"]},
    {"id": "h7", "created_at": "2026-01-07T00:00:00Z", "text": "#p #q #r", "hashtags": null},
    {"id": "h8", "created_at": "2026-01-08T00:00:00Z", "text": "caf\u00e9#tag #\u00e9t\u00e9 #ok_1"},
    {"id": "o1", "created_at": "2026-01-09T00:00:00Z", "in_reply_to": {"author": "bob"},
     "hashtags": ["a", "b", "c", "d", "e"]},
    {"id": "f1", "author": "zed", "created_at": "2026-01-10T00:00:00Z",
     "hashtags": ["a", "b", "c", "d", "e"]})json");
  const auto m = metrics_of(text);
  CHECK(m.counts.original_posts == 8);
  CHECK(m.counts.hashtag_abuse_posts == 3);
  CHECK(known(m, MetricId::hashtag_abuse_rate) == 0.375);  // 3 / 8

  SECTION("hashtag_limit 1: more than one tag") {
    // h1, h2, h4, h5, h6, h7, h8 (all but h3) = 7 / 8.
    ror::MetricOptions options;
    options.hashtag_limit = 1;
    CHECK(known(metrics_of(text, options), MetricId::hashtag_abuse_rate) == 0.875);
  }
  SECTION("hashtag_limit 3: nobody has more than three") {
    ror::MetricOptions options;
    options.hashtag_limit = 3;
    CHECK(known(metrics_of(text, options), MetricId::hashtag_abuse_rate) == 0);
  }
}

TEST_CASE("hygiene: mention blasts from the array, else from the text", "[hygiene]") {
  // m1: array {bob, carol} = 2.        m2: array {a, b, c} = 3.
  // m3: text {ann, ben, cy} = 3.       m4: text "x@y.com" is no mention -> {a, b} = 2.
  // m5: empty array = 0.               m6: array "@", "" dropped, "@@z" -> "@z": {x, y, @z} = 3.
  // Blasts (>= 3): m2, m3, m6 = 3 / 6.
  const std::string text = with_posts(R"(
    {"id": "m1", "created_at": "2026-01-01T00:00:00Z", "mentions": ["@bob", "Bob", "carol"]},
    {"id": "m2", "created_at": "2026-01-02T00:00:00Z", "mentions": ["a", "b", "c"]},
    {"id": "m3", "created_at": "2026-01-03T00:00:00Z", "text": "hi @Ann @ann @ben @cy"},
    {"id": "m4", "created_at": "2026-01-04T00:00:00Z", "text": "mail x@y.com @a @b"},
    {"id": "m5", "created_at": "2026-01-05T00:00:00Z", "text": "@a @b @c", "mentions": []},
    {"id": "m6", "created_at": "2026-01-06T00:00:00Z", "mentions": ["@", "", "@x", "y", "@@z"]},
    {"id": "o1", "created_at": "2026-01-07T00:00:00Z", "in_reply_to": {"author": "bob"},
     "text": "@a @b @c @d"})");
  const auto m = metrics_of(text);
  CHECK(m.counts.mention_blast_posts == 3);
  CHECK(known(m, MetricId::mention_blast_rate) == 0.5);  // 3 / 6

  SECTION("mention_blast option 2") {
    // m1, m2, m3, m4, m6 = 5 / 6.
    ror::MetricOptions options;
    options.mention_blast = 2;
    CHECK(known(metrics_of(text, options), MetricId::mention_blast_rate) == Approx(5.0 / 6));
  }
}

TEST_CASE("hygiene: duplicate posts by normalised text", "[hygiene]") {
  // In time order (the array is shuffled):
  // d1 "Big SALE today <link>"        first of its text
  // d2 "big   sale today <link>"      duplicate of d1 (spaces, case and links do not matter)
  // d3 "BIG sale TODAY"               duplicate of d1
  // d4 "" / d5 link only / d6 no text: empty normalised text, never duplicates
  // d7 "Caf\u00e9 ouvert"             first
  // d8 "CAF\u00c9 ouvert"             not a duplicate: only ASCII letters are lowercased
  // d9 "Caf\u00e9<U+00A0>ouvert"      duplicate of d7 (no-break space is whitespace)
  // d10 "HTTPS://x.example big sale today": duplicate of d1 (a link's scheme has no case)
  // The outreach post and the foreign post with the same text are not original posts.
  // Duplicates: d2, d3, d9, d10 = 4 / 10.
  const auto m = metrics_of(with_posts(R"(
    {"id": "d3", "created_at": "2026-01-03T00:00:00Z", "text": "BIG sale TODAY"},
    {"id": "d1", "created_at": "2026-01-01T00:00:00Z", "text": "Big SALE today https://x.example/a"},
    {"id": "d2", "author": "@ACME", "created_at": "2026-01-02T00:00:00Z",
     "text": "big   sale today https://y.example/b"},
    {"id": "d4", "created_at": "2026-01-04T00:00:00Z", "text": ""},
    {"id": "d5", "created_at": "2026-01-05T00:00:00Z", "text": "https://only.example"},
    {"id": "d6", "created_at": "2026-01-06T00:00:00Z"},
    {"id": "d7", "created_at": "2026-01-07T00:00:00Z", "text": "Caf\u00e9 ouvert"},
    {"id": "d9", "created_at": "2026-01-09T00:00:00Z", "text": "Caf\u00e9\u00a0ouvert"},
    {"id": "d8", "created_at": "2026-01-08T00:00:00Z", "text": "CAF\u00c9 ouvert"},
    {"id": "d10", "created_at": "2026-01-10T00:00:00Z", "text": "HTTPS://x.example big sale today"},
    {"id": "o1", "created_at": "2026-01-11T00:00:00Z", "in_reply_to": {"author": "bob"},
     "text": "big sale today"},
    {"id": "f1", "author": "zed", "created_at": "2026-01-12T00:00:00Z", "text": "big sale today"})"));
  CHECK(m.counts.original_posts == 10);
  CHECK(m.counts.duplicate_posts == 4);
  CHECK(known(m, MetricId::duplicate_post_rate) == Approx(0.4));
}

TEST_CASE("hygiene: bursts of 3 original posts within 600 seconds", "[hygiene]") {
  SECTION("exactly 600 s is a burst") {
    // 09:00Z (written +01:00), 09:05Z, 09:10Z (written -01:00): span 600 -> 3 in a burst;
    // 11:00Z alone. 3 / 4.
    const auto m = metrics_of(with_posts(R"(
      {"id": "b1", "created_at": "2026-01-01T10:00:00+01:00"},
      {"id": "b2", "created_at": "2026-01-01T09:05:00Z"},
      {"id": "b3", "created_at": "2026-01-01T08:10:00-01:00"},
      {"id": "b4", "created_at": "2026-01-01T11:00:00Z"})"));
    CHECK(m.counts.burst_posts == 3);
    CHECK(known(m, MetricId::burst_post_rate) == 0.75);
  }
  SECTION("601 s is not") {
    const auto m = metrics_of(with_posts(R"(
      {"id": "b1", "created_at": "2026-01-01T09:00:00Z"},
      {"id": "b2", "created_at": "2026-01-01T09:05:00Z"},
      {"id": "b3", "created_at": "2026-01-01T09:10:01Z"})"));
    CHECK(known(m, MetricId::burst_post_rate) == 0);
  }
  SECTION("600.001 s is not") {
    const auto m = metrics_of(with_posts(R"(
      {"id": "b1", "created_at": "2026-01-01T09:00:00Z"},
      {"id": "b2", "created_at": "2026-01-01T09:05:00Z"},
      {"id": "b3", "created_at": "2026-01-01T09:10:00.001Z"})"));
    CHECK(known(m, MetricId::burst_post_rate) == 0);
  }
  SECTION("two posts are no burst") {
    const auto m = metrics_of(with_posts(R"(
      {"id": "b1", "created_at": "2026-01-01T09:00:00Z"},
      {"id": "b2", "created_at": "2026-01-01T09:00:30Z"})"));
    CHECK(known(m, MetricId::burst_post_rate) == 0);

    // With burst_posts 2 and a 30 s window they are: 2 / 2.
    ror::MetricOptions options;
    options.burst_posts = 2;
    options.burst_window_seconds = 30;
    CHECK(known(metrics_of(with_posts(R"(
      {"id": "b1", "created_at": "2026-01-01T09:00:00Z"},
      {"id": "b2", "created_at": "2026-01-01T09:00:30Z"})"),
                           options),
                MetricId::burst_post_rate) == 1);
  }
  SECTION("overlapping windows") {
    // Times 0, 360, 540, 720 s: {0, 360, 540} spans 540, {360, 540, 720} spans 360, so all four
    // are in a burst although 0 and 720 are 720 s apart; 2000 s is alone. 4 / 5.
    const auto m = metrics_of(with_posts(R"(
      {"id": "b1", "created_at": "2026-01-01T09:00:00Z"},
      {"id": "b5", "created_at": "2026-01-01T09:33:20Z"},
      {"id": "b4", "created_at": "2026-01-01T09:12:00Z"},
      {"id": "b2", "created_at": "2026-01-01T09:06:00Z"},
      {"id": "b3", "created_at": "2026-01-01T09:09:00Z"})"));
    CHECK(m.counts.burst_posts == 4);
    CHECK(known(m, MetricId::burst_post_rate) == 0.8);
  }
  SECTION("a self-thread is one piece of writing, not a burst") {
    // Four posts in three minutes, each later one answering the account: one thread. 0 / 4.
    const auto m = metrics_of(with_posts(R"(
      {"id": "t1", "created_at": "2026-01-01T09:00:00Z", "text": "A thread on answering"},
      {"id": "t2", "created_at": "2026-01-01T09:01:00Z", "in_reply_to": {"author": "@ACME"}},
      {"id": "t3", "created_at": "2026-01-01T09:02:00Z", "in_reply_to": {"author": "acme"}},
      {"id": "t4", "created_at": "2026-01-01T09:03:00Z", "in_reply_to": {"author": "acme"}})"));
    CHECK(m.counts.original_posts == 4);
    CHECK(m.counts.burst_posts == 0);
    CHECK(known(m, MetricId::burst_post_rate) == 0);
  }
  SECTION("separate posts are still a burst, a thread among them counted once") {
    // b1, b2, b3 within five minutes are a burst; t2 and t3 continue b1's thread and are not
    // marked. 3 / 5.
    const auto m = metrics_of(with_posts(R"(
      {"id": "b1", "created_at": "2026-01-01T09:00:00Z"},
      {"id": "t2", "created_at": "2026-01-01T09:00:30Z", "in_reply_to": {"author": "acme"}},
      {"id": "t3", "created_at": "2026-01-01T09:01:00Z", "in_reply_to": {"author": "acme"}},
      {"id": "b2", "created_at": "2026-01-01T09:03:00Z"},
      {"id": "b3", "created_at": "2026-01-01T09:05:00Z"})"));
    CHECK(m.counts.burst_posts == 3);
    CHECK(known(m, MetricId::burst_post_rate) == Approx(0.6));
  }
  SECTION("three threads started within minutes are a burst of three") {
    // Heads at 09:00, 09:02, 09:04, each with one continuation: 3 / 6.
    const auto m = metrics_of(with_posts(R"(
      {"id": "h1", "created_at": "2026-01-01T09:00:00Z"},
      {"id": "c1", "created_at": "2026-01-01T09:00:10Z", "in_reply_to": {"author": "acme"}},
      {"id": "h2", "created_at": "2026-01-01T09:02:00Z"},
      {"id": "c2", "created_at": "2026-01-01T09:02:10Z", "in_reply_to": {"author": "acme"}},
      {"id": "h3", "created_at": "2026-01-01T09:04:00Z"},
      {"id": "c3", "created_at": "2026-01-01T09:04:10Z", "in_reply_to": {"author": "acme"}})"));
    CHECK(m.counts.burst_posts == 3);
    CHECK(known(m, MetricId::burst_post_rate) == Approx(0.5));
  }
  SECTION("outreach and foreign posts do not make a burst") {
    // Only 2 original posts within the minute: 0 / 2.
    const auto m = metrics_of(with_posts(R"(
      {"id": "b1", "created_at": "2026-01-01T09:00:00Z"},
      {"id": "b2", "created_at": "2026-01-01T09:01:00Z"},
      {"id": "o1", "created_at": "2026-01-01T09:02:00Z", "in_reply_to": {"author": "bob"}},
      {"id": "f1", "author": "zed", "created_at": "2026-01-01T09:03:00Z"})"));
    CHECK(m.counts.original_posts == 2);
    CHECK(known(m, MetricId::burst_post_rate) == 0);
  }
}

TEST_CASE("hygiene: canned replies and the broadcast ratio", "[hygiene]") {
  // Account answers: k1..k7 (account comments on account posts) + o1, o2 (outreach) = 9.
  // k1 and k2 share a normalised text (case, spaces, link); k3 and o1 share one: each member of
  // a pair counts -> 4. k4 "", k5 no text, k6 and k7 (links only) are empty: never canned.
  // a1 (audience, same text as k1) and p2 (original post, same text) are no account answers;
  // the foreign post f1 and its account comment are excluded.
  // canned 4 / 9; broadcast 2 originals / (2 + 7 account comments + 2 outreach) = 2 / 11.
  const auto m = metrics_of(with_posts(R"(
    {"id": "p1", "created_at": "2026-01-01T00:00:00Z", "text": "Welcome", "comments": [
      {"id": "a1", "author": "alice", "created_at": "2026-01-01T01:00:00Z",
       "text": "Thanks for reaching out! DM us."},
      {"id": "k1", "author": "acme", "created_at": "2026-01-01T01:05:00Z", "parent_id": "a1",
       "text": "Thanks for reaching out! DM us."},
      {"id": "a2", "author": "bob", "created_at": "2026-01-01T02:00:00Z", "text": "help"},
      {"id": "k2", "author": "@AcmeSupport", "created_at": "2026-01-01T02:05:00Z", "parent_id": "a2",
       "text": "thanks for reaching out!   dm us. https://help.example"},
      {"id": "k3", "author": "acme", "created_at": "2026-01-01T03:00:00Z", "text": "We fixed it, sorry."},
      {"id": "k4", "author": "acme", "created_at": "2026-01-01T03:01:00Z", "text": ""},
      {"id": "k5", "author": "acme", "created_at": "2026-01-01T03:02:00Z"},
      {"id": "k6", "author": "acme", "created_at": "2026-01-01T03:03:00Z", "text": "https://only.example/x"},
      {"id": "k7", "author": "ACME_ID", "created_at": "2026-01-01T03:04:00Z", "text": "https://other.example"}]},
    {"id": "o1", "created_at": "2026-01-02T00:00:00Z", "in_reply_to": {"author": "bob"},
     "text": "We  FIXED it, sorry."},
    {"id": "o2", "created_at": "2026-01-03T00:00:00Z", "in_reply_to": {"author": "carol"},
     "text": "Happy to help"},
    {"id": "p2", "created_at": "2026-01-04T00:00:00Z", "text": "Thanks for reaching out! DM us."},
    {"id": "f1", "author": "zed", "created_at": "2026-01-05T00:00:00Z", "comments": [
      {"id": "x1", "author": "acme", "created_at": "2026-01-05T01:00:00Z", "text": "Happy to help"}]})"));
  CHECK(m.counts.account_comments == 7);
  CHECK(m.counts.outreach_posts == 2);
  CHECK(m.counts.account_answers == 9);
  CHECK(m.counts.canned_replies == 4);
  CHECK(known(m, MetricId::canned_reply_rate) == Approx(4.0 / 9));
  CHECK(known(m, MetricId::broadcast_ratio) == Approx(2.0 / 11));
  CHECK(known(m, MetricId::duplicate_post_rate) == 0);  // "Welcome" and p2 differ
}

TEST_CASE("hygiene: only original posts, or only outreach", "[hygiene]") {
  SECTION("no account answers: canned unknown, broadcast 1") {
    const auto m = metrics_of(with_posts(R"(
      {"id": "p1", "created_at": "2026-01-01T00:00:00Z", "text": "hello", "comments": [
        {"id": "a1", "author": "alice", "created_at": "2026-01-01T01:00:00Z", "text": "hi"}]},
      {"id": "p2", "created_at": "2026-01-02T00:00:00Z", "text": "hello"})"));
    CHECK(unknown(m, MetricId::canned_reply_rate));
    CHECK(known(m, MetricId::broadcast_ratio) == 1);        // 2 / (2 + 0 + 0)
    CHECK(known(m, MetricId::duplicate_post_rate) == 0.5);  // p2 repeats p1: 1 / 2
  }
  SECTION("no original posts: the per-original rates are unknown") {
    // Two outreach posts with one text: canned 2 / 2; broadcast 0 / (0 + 0 + 2).
    const auto m = metrics_of(with_posts(R"(
      {"id": "o1", "created_at": "2026-01-01T00:00:00Z", "in_reply_to": {"author": "bob"},
       "text": "Sorry about that #a #b #c"},
      {"id": "o2", "created_at": "2026-01-01T00:01:00Z", "in_reply_to": {"author": "cy"},
       "text": "sorry about   that #A #B #C"},
      {"id": "o3", "created_at": "2026-01-01T00:02:00Z", "in_reply_to": {"author": "di"},
       "text": "ok"})"));
    for (const MetricId id : {MetricId::hashtag_abuse_rate, MetricId::duplicate_post_rate,
                              MetricId::burst_post_rate, MetricId::mention_blast_rate}) {
      CHECK(unknown(m, id));
    }
    CHECK(known(m, MetricId::canned_reply_rate) == Approx(2.0 / 3));  // o1, o2 of o1..o3
    CHECK(known(m, MetricId::broadcast_ratio) == 0);
  }
}

TEST_CASE("hygiene: foreign posts are excluded, posts without author are the account's",
          "[hygiene]") {
  // zed's three identical, stuffed, blasting posts within a minute are foreign: none counts.
  // The account's posts (no author, "@AcmeSupport", "acme_id") are 3 originals a day apart,
  // two of them with one text: duplicate 1 / 3.
  const auto m = metrics_of(with_posts(R"(
    {"id": "a1", "created_at": "2026-01-01T00:00:00Z", "text": "news"},
    {"id": "a2", "author": "@AcmeSupport", "created_at": "2026-01-02T00:00:00Z", "text": "NEWS"},
    {"id": "a3", "author": "acme_id", "created_at": "2026-01-03T00:00:00Z", "text": "other"},
    {"id": "z1", "author": "zed", "created_at": "2026-01-05T00:00:00Z",
     "text": "buy #a #b #c @x @y @z"},
    {"id": "z2", "author": "zed", "created_at": "2026-01-05T00:00:20Z",
     "text": "buy #a #b #c @x @y @z"},
    {"id": "z3", "author": "zed", "created_at": "2026-01-05T00:00:40Z",
     "text": "buy #a #b #c @x @y @z"})"));
  CHECK(m.counts.original_posts == 3);
  CHECK(known(m, MetricId::hashtag_abuse_rate) == 0);
  CHECK(known(m, MetricId::mention_blast_rate) == 0);
  CHECK(known(m, MetricId::burst_post_rate) == 0);
  CHECK(known(m, MetricId::duplicate_post_rate) == Approx(1.0 / 3));
  CHECK(known(m, MetricId::broadcast_ratio) == 1);
}

TEST_CASE("hygiene: duplicates and bursts equal a brute-force count in any post order",
          "[hygiene]") {
  // Posts at random minutes (with ties) and from five texts (and none), given in time order,
  // in reverse and shuffled: the pass walks ordered posts as they are and sorts the others.
  const char* texts[] = {"", "hello there", "Hello   there", "another one", "third text", "x"};
  std::mt19937 random(7);
  for (int round = 0; round < 60; ++round) {
    struct P {
      int minute;
      int text;
      std::string id;
    };
    std::vector<P> posts;
    const int n = 1 + static_cast<int>(random() % 40);
    for (int i = 0; i < n; ++i) {
      posts.push_back({static_cast<int>(random() % 90), static_cast<int>(random() % 6),
                       "p" + std::to_string(random() % 1000)});
    }
    // Ids distinct (a repeated id would merge posts).
    for (int i = 0; i < n; ++i) {
      posts[static_cast<std::size_t>(i)].id += "-" + std::to_string(i);
    }
    const int order = round % 3;
    if (order == 0 || order == 1) {
      std::stable_sort(posts.begin(), posts.end(),
                       [](const P& a, const P& b) { return a.minute < b.minute; });
      if (order == 1) {
        std::reverse(posts.begin(), posts.end());
      }
    }
    std::string body;
    for (const P& p : posts) {
      body += fmt::format(
          R"({}{{"id": "{}", "created_at": "2026-01-01T{:02}:{:02}:00Z", "text": "{}"}})",
          body.empty() ? "" : ",", p.id, p.minute / 60, p.minute % 60, texts[p.text]);
    }
    ror::MetricOptions options;
    options.list_habit_posts = true;
    const auto m = metrics_of(with_posts(body), options);
    // Brute force: a duplicate repeats a non-empty normalised text of an earlier post (by time,
    // then id); a post is in a burst when some 600 s window holding it holds 3 posts or more.
    const auto norm = [&](int t) { return t == 2 ? 1 : t; };  // texts 1 and 2 normalise alike
    std::uint64_t duplicates = 0;
    std::uint64_t bursts = 0;
    std::set<std::string> marked;
    for (const P& p : posts) {
      bool duplicate = false;
      bool burst = false;
      for (const P& q : posts) {
        duplicate = duplicate || (p.text != 0 && norm(q.text) == norm(p.text) &&
                                  std::tie(q.minute, q.id) < std::tie(p.minute, p.id));
        if (q.minute >= p.minute && q.minute - p.minute <= 10) {
          // the window [q - 10 min, q] holds p: count what it holds
          const auto held = std::count_if(posts.begin(), posts.end(), [&](const P& r) {
            return r.minute <= q.minute && q.minute - r.minute <= 10;
          });
          burst = burst || held >= 3;
        }
      }
      duplicates += duplicate ? 1 : 0;
      bursts += burst ? 1 : 0;
      if (duplicate || burst) {
        marked.insert(p.id);
      }
    }
    INFO("round " << round << ", " << n << " posts, order " << order);
    CHECK(m.counts.duplicate_posts == duplicates);
    CHECK(m.counts.burst_posts == bursts);
    CHECK(m.habit_posts.size() == marked.size());
  }
}
