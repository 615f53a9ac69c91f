// The Reddit importers (src/importers/reddit.cpp, reddit_dump.cpp) on
// tests/fixtures/importers/reddit (a thread of r/kiteflying and a morechildren response for it),
// tests/fixtures/importers/reddit-listing (a user's listings of links and of comments), and
// tests/fixtures/importers/reddit-dump (Pushshift submissions and comments of the same
// subreddit, and Arctic Shift comments), and tests/fixtures/importers/reddit-api (the pages of
// one author's submissions and comments that Arctic Shift's and Pushshift's search APIs answer).
#include <algorithm>
#include <sstream>
#include <utility>

#include <fmt/format.h>
#include <catch2/catch.hpp>

#include "importer_fixtures.hpp"
#include "ror/render.hpp"
#include "ror/report.hpp"

using ror::Dataset;
using ror::LoadOptions;
using ror::MetricId;
using ror::PostKind;
using ror::PostMetric;
using ror::Unknown;
using ror::test::at;
using ror::test::comments_of;
using ror::test::count_kind;
using ror::test::error_of;
using ror::test::fixture_text;
using ror::test::load_fixture;
using ror::test::post_of;
using ror::test::skipped;

namespace {

constexpr const char* kStubbed = "comments in 'more' stubs, not in the thread";
constexpr const char* kContinued = "'continue this thread' links (deeper replies, uncounted)";
constexpr const char* kRestated =
    "'more' stubs of morechildren responses (their comments counted in the thread's stubs)";
constexpr const char* kOrphans = "comments whose post is not in the input";

LoadOptions details() {
  LoadOptions o;
  o.keep_details = true;
  return o;
}

LoadOptions account(const char* name) {
  LoadOptions o;
  o.accounts = {name};
  o.keep_details = true;
  return o;
}

// NDJSON lines as one page of a search API, on one line: {"data": [line, line, ...]}.
std::string page_of(const std::string& lines) {
  std::string page = "{\"data\": [";
  std::istringstream in(lines);
  std::string line;
  const char* comma = "";
  while (std::getline(in, line)) {
    if (!line.empty()) {
      page.append(comma).append(line);
      comma = ", ";
    }
  }
  return page + "]}";
}

// A post's comments as (id, the index of their parent among them): kNone for a top-level one.
using Placed = std::vector<std::pair<std::string, std::uint32_t>>;
Placed placed_comments(const Dataset& d, std::string_view post) {
  Placed out;
  for (const ror::test::SeenComment& c : comments_of(d, post)) {
    out.emplace_back(c.id, c.parent);
  }
  return out;
}

// The score JSON of a dataset, but for the names, origins and size of its inputs.
std::string score_json(const Dataset& d) {
  ror::Report report = ror::build_report(d, ror::default_score_config(), {});
  report.input.files.clear();
  report.input.origins.clear();
  report.input.bytes = 0;
  std::ostringstream out;
  ror::render_json(report, {}, out);
  return out.str();
}

}  // namespace

TEST_CASE("reddit: a thread", "[importer][reddit]") {
  const Dataset d = load_fixture({"reddit/thread.json"}, details());
  CHECK(d.input.formats == std::vector<std::string>{"reddit"});
  // The link's author: a guess, taken since nothing names the account.
  CHECK(d.account.names == std::vector<std::string>{"tidewrack"});
  CHECK_FALSE(d.account.followers);
  CHECK(d.input.posts_read == 1);
  CHECK(d.input.comments_read == 4);
  const ror::Post& link = post_of(d, "q7lnk2");
  CHECK(link.kind == PostKind::original);
  CHECK(link.created_at == at("2026-01-01T10:00:00Z"));
  CHECK(link.get(PostMetric::likes) == 41);
  CHECK(link.get(PostMetric::replies) == 9);  // num_comments: present or not
  CHECK_FALSE(link.has(PostMetric::views));   // view_count null
  CHECK(link.comments_known);
  CHECK(ror::test::text_of(d, "q7lnk2").starts_with("First flight with the delta\n\nFlew the"));
  const auto c = comments_of(d, "q7lnk2");
  REQUIRE(c.size() == 4);
  CHECK(c[0].id == "k1a");
  CHECK(c[0].parent == ror::kNone);  // parent_id t3_: top-level
  CHECK(c[0].created_at == at("2026-01-01T10:30:00Z"));
  CHECK(c[1].id == "k2b");
  CHECK(c[1].author == "tidewrack");
  CHECK(c[1].parent == 0);
  CHECK(c[2].id == "k3c");
  CHECK(c[2].parent == 1);
  CHECK(c[3].id == "k6f");
  CHECK(c[3].author == "[deleted]");  // kept as written
  // Stubs: k4d stands for 2 under k1a, m1 for 3 (count, not its 2 ids) at the top; the stub
  // under k3c is a "continue this thread" link.
  CHECK(skipped(d, kStubbed) == 5);
  CHECK(skipped(d, kContinued) == 1);
  const ror::MetricValues m = ror::compute_metrics(d, {});
  CHECK(m[MetricId::comments] == 4);
  CHECK(m[MetricId::audience_comments] == 3);
  CHECK(m[MetricId::replies] == 9);
  CHECK(m[MetricId::likes] == 41);
  CHECK(m.why_unknown(MetricId::followers) == Unknown::not_carried);
  CHECK(m.why_unknown(MetricId::impressions) == Unknown::not_carried);
}

TEST_CASE("reddit: a morechildren response joins its thread", "[importer][reddit]") {
  const Dataset d = load_fixture({"reddit/thread.json", "reddit/morechildren.json"}, details());
  CHECK(d.input.formats == std::vector<std::string>{"reddit", "reddit"});
  CHECK(d.input.posts_read == 1);
  CHECK(d.input.comments_read == 8);    // the response's 4 comments, the thread's 4
  CHECK(d.input.comments_merged == 1);  // k6f, in both
  CHECK(skipped(d, kOrphans) == 1);     // z9y, of a link in no input
  CHECK(skipped(d, kRestated) == 2);    // m1b, m2: stubs only, not their comments
  CHECK(skipped(d, kStubbed) == 5);
  const auto c = comments_of(d, "q7lnk2");
  REQUIRE(c.size() == 6);
  // (the join places each comment after its parent)
  CHECK(c[3].id == "m1");
  CHECK(c[3].author == "sandpiper");
  CHECK(c[3].parent == ror::kNone);
  CHECK(c[4].id == "m1a");
  CHECK(c[4].parent == 3);
  CHECK(c[5].id == "k6f");
  const ror::MetricValues m = ror::compute_metrics(d, {});
  CHECK(m[MetricId::comments] == 6);
  CHECK(m[MetricId::audience_comments] == 4);
  CHECK(m[MetricId::replies] == 9);  // the link's count: the joined comments are within it
}

TEST_CASE("reddit: a thread saved twice counts its stubs once", "[importer][reddit]") {
  // A re-fetch of the same thread: one post, its comments merged, and each stub (by its parent
  // and id) counted once, whichever copy comes first.
  const std::string thread = fixture_text("reddit/thread.json");
  const std::string more = fixture_text("reddit/morechildren.json");
  const Dataset d = ror::load_buffers(
      {{"thread.json", thread}, {"thread_refetch.json", thread}, {"more.json", more}}, details());
  CHECK(d.input.posts_merged == 1);
  CHECK(d.input.comments_merged == 5);  // the thread's 4, and k6f of the response
  CHECK(skipped(d, kStubbed) == 5);     // as for one copy ("a thread")
  CHECK(skipped(d, kContinued) == 1);
  CHECK(skipped(d, kRestated) == 2);  // as with one copy of the thread
  CHECK(comments_of(d, "q7lnk2").size() == 6);
  // The same morechildren response twice restates its stubs once.
  const Dataset twice = ror::load_buffers(
      {{"thread.json", thread}, {"more.json", more}, {"more_again.json", more}}, details());
  CHECK(skipped(twice, kRestated) == 2);
  CHECK(skipped(twice, kStubbed) == 5);
}

TEST_CASE("reddit: --account wins over the link's author", "[importer][reddit]") {
  const Dataset d = load_fixture({"reddit/thread.json"}, account("gullfeather"));
  CHECK_FALSE(d.account.inferred);
  CHECK(d.input.foreign_posts == 1);  // tidewrack's link
  CHECK(d.input.foreign_comments == 4);
}

TEST_CASE("reddit: a morechildren response alone has no posts", "[importer][reddit]") {
  CHECK(error_of("more.json", R"({"json": {"errors": [], "data": {"things": [
    {"kind": "t1", "data": {"id": "a1", "author": "x", "created_utc": 1767261600.0, "body": "b",
     "parent_id": "t3_p", "link_id": "t3_p", "replies": ""}}]}}})") ==
        "empty input: no posts in more.json (1 comments, none of whose posts is there)");
}

TEST_CASE("reddit: a user's listings, alone and with the thread", "[importer][reddit]") {
  // Links without their comments: replies and likes as the listing gives them.
  const Dataset links = load_fixture({"reddit-listing/submitted.json"}, details());
  CHECK(links.input.formats == std::vector<std::string>{"reddit"});
  CHECK(links.input.posts_read == 2);
  CHECK(links.account.inferred);
  CHECK(links.account.names == std::vector<std::string>{"tidewrack"});  // the most frequent
  const ror::Post& p2 = post_of(links, "p2wind");
  CHECK_FALSE(p2.comments_known);
  CHECK(p2.get(PostMetric::replies) == 4);
  CHECK(p2.get(PostMetric::likes) == 12);
  CHECK(p2.created_at == at("2025-12-22T10:00:00Z"));
  const ror::MetricValues m = ror::compute_metrics(links, {});
  CHECK(m.why_unknown(MetricId::comments) == Unknown::no_comments);

  // A user's comments join the thread that holds their link; one under a link in no input is
  // counted, and a thing of another kind (a subreddit) passed over.
  const Dataset both = load_fixture({"reddit-listing/comments.json", "reddit/thread.json"});
  CHECK(both.input.posts_read == 1);
  CHECK(both.input.comments_merged == 1);  // k1a, in both
  CHECK(comments_of(both, "q7lnk2").size() == 4);
  CHECK(skipped(both, kOrphans) == 1);
  CHECK(skipped(both, "Reddit things that are neither links nor comments") == 1);
  CHECK(error_of("comments.json", fixture_text("reddit-listing/comments.json")) ==
        "empty input: no posts in comments.json (2 comments, none of whose posts is there); "
        "passed over: 1 Reddit things that are neither links nor comments");

  // The listing's link and the thread's are one post, its comments known from the thread.
  const Dataset merged =
      load_fixture({"reddit-listing/submitted.json", "reddit/thread.json"}, details());
  CHECK(merged.input.posts_merged == 1);
  CHECK(merged.posts.size() == 2);
  CHECK(post_of(merged, "q7lnk2").comments_known);
  CHECK(comments_of(merged, "q7lnk2").size() == 4);
}

TEST_CASE("reddit: an Arctic Shift comment tree joins its link", "[importer][reddit]") {
  // /api/comments/tree of a9k1, whose submission only the author's page of submissions holds:
  // k7a1 and the answer nested under it, a stub for k7e4, and k7f6.
  const Dataset d =
      load_fixture({"reddit/comments_tree_a9k1.json", "reddit-api/posts_search_tidewrack.json"},
                   account("tidewrack"));
  CHECK(d.input.formats == std::vector<std::string>{"reddit", "reddit-dump"});
  CHECK(d.input.posts_read == 2);
  CHECK(d.input.comments_read == 3);
  CHECK(skipped(d, kStubbed) == 1);
  CHECK(skipped(d, kOrphans) == 0);
  CHECK(placed_comments(d, "a9k1") ==
        Placed{{"k7a1", ror::kNone}, {"k7b2", 0}, {"k7f6", ror::kNone}});
  CHECK(ror::compute_metrics(d, {})[MetricId::response_rate] == Approx(0.5));
  // Alone it holds no post.
  CHECK(error_of("tree.json", fixture_text("reddit/comments_tree_a9k1.json")) ==
        "empty input: no posts in tree.json (3 comments, none of whose posts is there); passed "
        "over: 1 comments in 'more' stubs, not in the thread");
}

TEST_CASE("reddit: detection", "[importer][reddit]") {
  const std::string thread = R"([{"kind": "Listing", "data": {"children": [{"kind": "t3",
    "data": {"id": "p", "author": "me", "created_utc": 1767261600, "title": "t"}}]}},
    {"kind": "Listing", "data": {"children": []}}])";
  CHECK(ror::test::load_text(thread, {}, "t.json").input.formats ==
        std::vector<std::string>{"reddit"});
  // A Listing of something else, or a bare Listing, is no thread.
  CHECK(error_of("odd.json", R"([{"kind": "Listing", "data": {"children": [{"kind": "t5",
    "data": {}}]}}])")
            .find("no importer recognises this input") != std::string::npos);
  // --from reads a thread by name; a dump's line is not a thread.
  LoadOptions from;
  from.from = "reddit";
  CHECK(ror::test::load_text(thread, from, "t.json").posts.size() == 1);
  CHECK(error_of("RS.ndjson", R"({"id": "p", "author": "me", "created_utc": 1, "title": "t"})",
                 from) ==
        "RS.ndjson does not look like reddit input (a JSON object); see ror formats");
}

TEST_CASE("reddit: malformed threads are one-line errors", "[importer][reddit]") {
  const auto thread = [](const std::string& comment) {
    return R"([{"kind": "Listing", "data": {"children": [{"kind": "t3", "data": {"id": "p",
  "author": "me", "created_utc": 1767261600.0, "title": "t", "num_comments": 1}}]}},
  {"kind": "Listing", "data": {"children": [)" +
           comment + "]}}]";
  };
  CHECK(error_of("t.json", thread(R"({"kind": "t1", "data": {"id": "c", "author": "a",
  "body": "b", "parent_id": "t3_p", "created_utc": "soon"}})")) ==
        "\"created_utc\" is not a number of seconds since 1970: \"soon\" at "
        "/1/data/children/0/data/created_utc (t.json:4)");
  CHECK(error_of("t.json", thread(R"({"kind": "t1", "data": {"id": "c", "body": "b",
  "parent_id": "t3_p", "created_utc": 1767261600}})")) ==
        "a comment needs an \"author\" at /1/data/children/0 (t.json:4)");
  CHECK(error_of("t.json", thread(R"({"kind": "t1", "data": {"id": "c", "author": "a",
  "created_utc": 1767261600, "replies": {"kind": "Listing", "data": {"children": [
  {"kind": "more", "data": {"count": -1}}]}}}})")) ==
        "\"count\" must be a non-negative integer at "
        "/1/data/children/0/data/replies/data/children/0/data/count (t.json:5)");
  CHECK(error_of("t.json", thread(R"({"data": {"id": "c"}})")) ==
        "a thing needs a \"kind\" at /1/data/children/0 (t.json:3)");
  CHECK(error_of("t.json", thread(R"({"kind": "t1", "data": {"id": "c", "author": "a",
  "created_utc": 1767261600, "replies": 7}})")) ==
        "\"replies\" must be a string, not a number at /1/data/children/0/data/replies (t.json:4)");
  CHECK(error_of("t.json", thread(R"({"kind": "t1", "data": {"id": "c", "au)")) ==
        "malformed JSON: unterminated string (t.json:3:87)");
}

TEST_CASE("reddit-dump: submissions and comments join across files", "[importer][reddit-dump]") {
  const Dataset d =
      load_fixture({"reddit-dump/RC_kiteflying.ndjson", "reddit-dump/RS_kiteflying.ndjson",
                    "reddit-dump/arctic_shift_comments.jsonl"},
                   account("tidewrack"));
  CHECK(d.input.formats == std::vector<std::string>{"reddit-dump", "reddit-dump", "reddit-dump"});
  CHECK(d.input.posts_read == 3);
  CHECK(d.input.comments_read == 9);
  CHECK(count_kind(d, PostKind::original) == 1);  // s1a
  CHECK(d.input.foreign_posts == 2);              // gullfeather's s2b, [deleted]'s s3c
  CHECK(d.input.foreign_comments == 3);           // d5 on s3c, e1 and e2 on s2b
  CHECK(skipped(d, kOrphans) == 2);               // d6, d7: t3_gone1 is in no file
  const ror::Post& s1a = post_of(d, "s1a");
  CHECK(s1a.created_at == at("2026-01-01T10:00:00Z"));
  CHECK(s1a.get(PostMetric::likes) == 12);
  CHECK(s1a.get(PostMetric::replies) == 4);
  CHECK(s1a.comments_known);  // the comments file gives them
  const auto c = comments_of(d, "s1a");
  REQUIRE(c.size() == 4);
  CHECK(c[0].id == "d1");
  CHECK(c[0].parent == ror::kNone);
  CHECK(c[1].id == "d2");
  CHECK(c[1].parent == 0);
  CHECK(c[2].author == "[deleted]");
  CHECK(c[3].id == "d4");
  CHECK(c[3].parent == 1);
  const ror::MetricValues m = ror::compute_metrics(d, {});
  CHECK(m[MetricId::comments] == 4);
  CHECK(m[MetricId::audience_comments] == 3);
  CHECK(m[MetricId::response_rate] == Approx(1.0 / 3));  // d1 answered by d2
}

TEST_CASE("reddit-dump: Pushshift API comments of 2022-23, integer parents",
          "[importer][reddit-dump]") {
  // parent_id null for a top-level comment, else the parent comment's id in base 10; link_id a
  // fullname or, here too, an integer.
  const Dataset d =
      load_fixture({"reddit-dump/RS_kiteflying.ndjson", "reddit-dump/pushshift_api_2023.ndjson"},
                   account("tidewrack"));
  CHECK(d.input.warnings.total() == 0);
  CHECK(skipped(d, kOrphans) == 0);
  const auto c = comments_of(d, "s1a");
  REQUIRE(c.size() == 4);
  CHECK(c[0].id == "f1");
  CHECK(c[0].parent == ror::kNone);  // null
  CHECK(c[1].id == "f2");
  CHECK(c[1].parent == 0);  // 541: "f1"
  CHECK(c[2].id == "f3");   // link_id 36334: "s1a"
  CHECK(c[2].parent == 1);  // 542: "f2"
  CHECK(c[3].id == "f4");
  CHECK(c[3].parent == ror::kNone);  // 36334: its link, "s1a"
  const ror::MetricValues m = ror::compute_metrics(d, {});
  CHECK(m[MetricId::audience_comments] == 3);
  CHECK(m[MetricId::response_rate] == Approx(1.0 / 3));  // f1 answered by f2
}

TEST_CASE("reddit-dump: Arctic Shift lines, string times", "[importer][reddit-dump]") {
  const Dataset d =
      load_fixture({"reddit-dump/RS_kiteflying.ndjson", "reddit-dump/arctic_shift_comments.jsonl"},
                   account("gullfeather"));
  CHECK(d.input.formats == std::vector<std::string>{"reddit-dump", "reddit-dump"});
  const auto c = comments_of(d, "s2b");
  REQUIRE(c.size() == 2);
  CHECK(c[0].id == "e1");
  CHECK(c[0].created_at == at("2026-01-02T10:20:00Z"));
  CHECK(c[1].author == "gullfeather");
  CHECK(c[1].parent == 0);
  CHECK(ror::compute_metrics(d, {})[MetricId::response_rate] == 1);
}

TEST_CASE("reddit-dump: a submissions file holds no comments", "[importer][reddit-dump]") {
  const Dataset d = load_fixture({"reddit-dump/RS_kiteflying.ndjson"}, details());
  CHECK(d.input.posts_read == 3);
  // Nothing names the account: the most frequent author, ties to the smallest name; "[deleted]"
  // is no one person, so never the account.
  CHECK(d.account.inferred);
  CHECK(d.account.names == std::vector<std::string>{"gullfeather"});
  CHECK(d.input.foreign_posts == 2);
  const ror::Post& s2b = post_of(d, "s2b");
  CHECK_FALSE(s2b.comments_known);
  CHECK(s2b.get(PostMetric::replies) == 2);
  CHECK(s2b.get(PostMetric::likes) == 1);
  const ror::MetricValues m = ror::compute_metrics(d, {});
  CHECK(m.why_unknown(MetricId::comments) == Unknown::no_comments);
}

TEST_CASE("reddit-dump: a comments file alone has no posts", "[importer][reddit-dump]") {
  CHECK(error_of("RC.ndjson",
                 R"({"id": "c", "author": "a", "created_utc": 1, "subreddit": "s", "body": "b",
                     "link_id": "t3_p", "parent_id": "t3_p"})") ==
        "empty input: no posts in RC.ndjson (1 comments, none of whose posts is there)");
}

TEST_CASE("reddit-dump: detection", "[importer][reddit-dump]") {
  const std::string sub = R"({"id": "p", "author": "me", "created_utc": "1767261600", )"
                          R"("subreddit": "s", "title": "t", "num_comments": 0})";
  CHECK(ror::test::load_text(sub + "\n" + sub + "\n", {}, "RS").input.formats ==
        std::vector<std::string>{"reddit-dump"});
  // A line with neither a title nor a comment's fields is not a dump's.
  CHECK(error_of("x.ndjson", "{\"id\": \"p\", \"author\": \"me\", \"created_utc\": 1}\n{}\n")
            .find("no importer recognises this input") != std::string::npos);
  LoadOptions from;
  from.from = "reddit-dump";
  CHECK(ror::test::load_text(sub, from, "one.json").posts.size() == 1);
}

TEST_CASE("reddit-dump: malformed lines are one-line errors", "[importer][reddit-dump]") {
  const std::string ok = R"({"id": "p", "author": "me", "created_utc": 1767261600, )"
                         R"("subreddit": "s", "title": "t", "num_comments": 1})";
  CHECK(error_of("RS.ndjson", ok + "\n" + R"({"id": "q", "author": "me", "title": "t"})" + "\n") ==
        "a link needs \"created_utc\" at / (RS.ndjson:2)");
  CHECK(error_of("RS.ndjson",
                 ok + "\n" + R"({"id": "q", "created_utc": 1, "num_comments": "many"})" + "\n") ==
        "\"num_comments\" must be a non-negative integer, not \"many\" at /num_comments "
        "(RS.ndjson:2)");
  CHECK(error_of("RS.ndjson", ok + "\n[1]\n") ==
        "a line must be a submission or a comment object, not an array at / (RS.ndjson:2)");
  CHECK(error_of("RC.ndjson", ok + "\n" +
                                  R"({"id": "c", "author": "a", "created_utc": 1, "body": "b"})" +
                                  "\n") == "a comment needs a \"link_id\" at / (RC.ndjson:2)");
  // An integer parent or link is an id in base 10: never below 0, never a fraction.
  CHECK(error_of("RC.ndjson", ok + "\n" +
                                  R"({"id": "c", "author": "a", "created_utc": 1, "body": "b", )"
                                  R"("link_id": "t3_p", "parent_id": -541})" +
                                  "\n") ==
        "\"parent_id\" must be a non-negative integer at /parent_id (RC.ndjson:2)");
  CHECK(error_of("RC.ndjson", ok + "\n" +
                                  R"({"id": "c", "author": "a", "created_utc": 1, "body": "b", )"
                                  R"("link_id": 1.5, "parent_id": null})" +
                                  "\n") ==
        "\"link_id\" must be a non-negative integer at /link_id (RC.ndjson:2)");
  CHECK(error_of("RS.ndjson", ok + "\n{\"id\": \"q\", \"tit") ==
        "malformed JSON: unterminated string (RS.ndjson:2:17)");
}

TEST_CASE("reddit-dump: with --account, comment files are read last and shed as they come",
          "[importer][reddit-dump]") {
  const std::vector<std::string> files = {"reddit-dump/RC_kiteflying.ndjson",
                                          "reddit-dump/RS_kiteflying.ndjson",
                                          "reddit-dump/arctic_shift_comments.jsonl"};
  LoadOptions whole = account("tidewrack");  // each file one block: read in the order given
  SECTION("the account's posts") {}
  SECTION("two names, and a window that leaves s1a out") {
    whole.accounts = {"tidewrack", "gullfeather"};
    whole.since = at("2026-01-02T00:00:00Z");
  }
  LoadOptions blocks = whole;  // in blocks: the comment files wait, then are shed
  blocks.block_bytes = 128;
  blocks.threads = GENERATE(std::size_t{1}, std::size_t{2});
  const Dataset a = load_fixture(files, whole);
  const Dataset b = load_fixture(files, blocks);
  CHECK(a.input.files.front().ends_with("RC_kiteflying.ndjson"));
  CHECK(b.input.files.front().ends_with("RS_kiteflying.ndjson"));
  CHECK(b.input.files.back().ends_with("arctic_shift_comments.jsonl"));
  // The same figures (see "submissions and comments join across files").
  CHECK(b.input.posts_read == a.input.posts_read);
  CHECK(b.input.comments_read == a.input.comments_read);
  CHECK(b.input.foreign_posts == a.input.foreign_posts);
  CHECK(b.input.foreign_comments == a.input.foreign_comments);
  CHECK(b.input.filtered_posts == a.input.filtered_posts);
  CHECK(b.input.filtered_comments == a.input.filtered_comments);
  CHECK(b.input.skipped.counts == a.input.skipped.counts);
  CHECK(skipped(b, kOrphans) == 2);
  CHECK(b.account.names == a.account.names);
  CHECK(b.post_ids == a.post_ids);
  for (const std::string_view id : a.post_ids) {
    const auto ca = comments_of(a, id);
    const auto cb = comments_of(b, id);
    REQUIRE(cb.size() == ca.size());
    for (std::size_t i = 0; i < ca.size(); ++i) {
      CHECK(cb[i].id == ca[i].id);
      CHECK(cb[i].parent == ca[i].parent);
      CHECK(cb[i].author == ca[i].author);
    }
  }
  const ror::MetricValues ma = ror::compute_metrics(a, {});
  const ror::MetricValues mb = ror::compute_metrics(b, {});
  for (const MetricId m : {MetricId::comments, MetricId::audience_comments, MetricId::response_rate,
                           MetricId::audience}) {
    CHECK(mb.why_unknown(m) == ma.why_unknown(m));
    CHECK(mb[m] == ma[m]);
  }
  if (whole.since) {
    CHECK(b.input.filtered_comments == 4);  // d1-d4 on s1a
    CHECK(comments_of(b, "s2b").size() == 2);
  }
}

TEST_CASE("reddit-dump: what a comment file read last drops is counted",
          "[importer][reddit-dump]") {
  // The comment files come first in the order given and are read last. The first one's comment
  // is on a submission that comes later in that same file, so it was dropped when read (its post
  // was in no input yet): counted under a reason of its own. In the other, the stranger's
  // comment on another author's post is dropped, and the stranger's name is never kept.
  const auto line = [](const char* id, const char* author, const char* rest) {
    return fmt::format(R"({{"id": "{}", "author": "{}", "created_utc": 1767261700, )"
                       R"("subreddit": "s", {}}})",
                       id, author, rest) +
           "\n";
  };
  const std::string mixed =
      line("c1", "fan", R"("body": "early", "link_id": "t3_late", "parent_id": "t3_late")") +
      line("late", "me", R"("title": "late", "num_comments": 1)");
  const std::string comments =
      line("c2", "stranger", R"("body": "hi", "link_id": "t3_q", "parent_id": "t3_q")") +
      line("c3", "friend", R"("body": "hello", "link_id": "t3_p", "parent_id": "t3_p")");
  const std::string submissions = line("p", "me", R"("title": "t", "num_comments": 1)") +
                                  line("q", "other", R"("title": "u", "num_comments": 1)");
  LoadOptions options = account("me");
  options.block_bytes = 64;
  const Dataset d = ror::load_buffers({{"a_comments.ndjson", mixed},
                                       {"b_submissions.ndjson", submissions},
                                       {"c_comments.ndjson", comments}},
                                      options);
  CHECK(d.input.files ==
        std::vector<std::string>{"b_submissions.ndjson", "a_comments.ndjson", "c_comments.ndjson"});
  CHECK(d.input.posts_read == 3);
  CHECK(d.input.comments_read == 3);
  CHECK(skipped(d, "comments read before their post in a file read last") == 1);
  CHECK(skipped(d, kOrphans) == 0);
  CHECK(d.input.foreign_posts == 1);
  CHECK(d.input.foreign_comments == 1);
  CHECK(comments_of(d, "p").size() == 1);
  CHECK(comments_of(d, "late").empty());
  std::vector<std::string> names;
  for (ror::AuthorId a = 0; a < d.authors.size(); ++a) {
    names.emplace_back(d.authors.name(a));
  }
  std::sort(names.begin(), names.end());
  CHECK(names == std::vector<std::string>{"fan", "friend", "me", "other"});  // (fan: a mixed batch)
}

TEST_CASE("reddit-dump: search API pages of one author, a folder", "[importer][reddit-dump]") {
  // Arctic Shift's pages of tidewrack's submissions and comments (and the empty page after the
  // last), and Pushshift's page of the comments under one of the submissions: tidewrack's k7b2
  // is on two pages, k6z0 is on a submission in no file.
  const Dataset d = load_fixture({"reddit-api"}, account("tidewrack"));
  CHECK(d.input.formats == std::vector<std::string>(4, "reddit-dump"));
  CHECK(d.input.posts_read == 2);
  CHECK(d.input.comments_read == 5);
  CHECK(d.input.comments_merged == 1);
  CHECK(skipped(d, kOrphans) == 1);
  CHECK(d.input.skipped.counts.size() == 1);
  CHECK(count_kind(d, PostKind::original) == 2);
  CHECK(d.input.warnings.total() == 0);
  const ror::Post& a9k1 = post_of(d, "a9k1");
  CHECK(a9k1.created_at == at("2026-01-04T10:00:00Z"));
  CHECK(a9k1.get(PostMetric::likes) == 15);
  CHECK(a9k1.get(PostMetric::replies) == 3);
  CHECK(ror::test::text_of(d, "a9k1").starts_with("Night flying with LED tails\n\nFlew the sled"));
  // In input order, a comment given twice where its later copy is (the author's page).
  CHECK(placed_comments(d, "a9k1") == Placed{{"k7a1", ror::kNone}, {"k7e4", 2}, {"k7b2", 0}});
  const auto c = comments_of(d, "a9k1");
  REQUIRE(c.size() == 3);
  CHECK(c[0].author == "gullfeather");
  CHECK(c[2].author == "tidewrack");
  CHECK(c[2].created_at == at("2026-01-04T11:00:00Z"));  // "1767524400" on that page
  CHECK(comments_of(d, "a9m3").empty());
  CHECK(post_of(d, "a9m3").get(PostMetric::replies) == 1);
  const ror::MetricValues m = ror::compute_metrics(d, {});
  CHECK(m[MetricId::comments] == 3);
  CHECK(m[MetricId::audience_comments] == 2);
  CHECK(m[MetricId::response_rate] == Approx(0.5));  // k7a1 answered by k7b2, k7e4 not
  // Nothing names the account: the most frequent author of the submissions.
  const Dataset guessed = load_fixture({"reddit-api"}, details());
  CHECK(guessed.account.inferred);
  CHECK(guessed.account.names == std::vector<std::string>{"tidewrack"});
}

TEST_CASE("reddit-dump: things give the same figures as lines and as pages",
          "[importer][reddit-dump]") {
  const std::string rs = fixture_text("reddit-dump/RS_kiteflying.ndjson");
  const std::string rc = fixture_text("reddit-dump/RC_kiteflying.ndjson");
  const std::string arctic = fixture_text("reddit-dump/arctic_shift_comments.jsonl");
  // Arctic Shift's two comments as two pages, one per line.
  const std::size_t cut = arctic.find('\n') + 1;
  const std::string arctic_pages =
      page_of(arctic.substr(0, cut)) + "\n" + page_of(arctic.substr(cut)) + "\n";
  LoadOptions options = account("tidewrack");
  SECTION("the account named") {}
  SECTION("no account named") {
    options.accounts.clear();
  }
  SECTION("the comment files read last and shed, in blocks") {
    options.block_bytes = 128;
    options.threads = 2;
  }
  const Dataset lines =
      ror::load_buffers({{"RC.ndjson", rc}, {"RS.ndjson", rs}, {"arctic.jsonl", arctic}}, options);
  const Dataset pages = ror::load_buffers(
      {{"rc.json", page_of(rc)}, {"rs.json", page_of(rs)}, {"arctic.ndjson", arctic_pages}},
      options);
  CHECK(pages.input.formats == std::vector<std::string>(3, "reddit-dump"));
  CHECK(pages.input.posts_read == 3);
  CHECK(pages.input.comments_read == 9);
  if (options.block_bytes == 128) {
    CHECK(pages.input.files == std::vector<std::string>{"rs.json", "rc.json", "arctic.ndjson"});
  }
  CHECK(score_json(pages) == score_json(lines));
  for (const std::string_view id : lines.post_ids) {
    CHECK(comments_of(pages, id).size() == comments_of(lines, id).size());
  }
}

TEST_CASE("reddit-dump: a page that mixes submissions and comments", "[importer][reddit-dump]") {
  const std::string page =
      R"({"data": [{"id": "c1", "author": "fan", "created_utc": 1767261700, "body": "nice", )"
      R"("link_id": "t3_p", "parent_id": "t3_p", "subreddit": "s"}, )"
      R"({"id": "p", "author": "me", "created_utc": 1767261600, "title": "t", )"
      R"("num_comments": 1, "subreddit": "s"}], "metadata": {"total_results": 2}})";
  const Dataset d = ror::test::load_text(page, details(), "overview.json");
  CHECK(d.input.formats == std::vector<std::string>{"reddit-dump"});
  CHECK(d.input.posts_read == 1);
  CHECK(placed_comments(d, "p") == Placed{{"c1", ror::kNone}});
}

TEST_CASE("reddit-dump: an empty page", "[importer][reddit-dump]") {
  // Alone it holds no posts; beside other inputs it is read as nothing (the folder above).
  CHECK(error_of("page2.json", R"({"data": []})") == "empty input: no posts in page2.json");
  CHECK(error_of("page2.json", R"({"data": [], "metadata": {"total_results": 0}})") ==
        "empty input: no posts in page2.json");
  // With a member no archive writes it is nobody's.
  CHECK(error_of("page2.json", R"({"data": [], "paging": {}})")
            .find("no importer recognises this input") != std::string::npos);
  const std::string sub = R"({"id": "p", "author": "me", "created_utc": 1, "title": "t", )"
                          R"("num_comments": 0})";
  const Dataset d = ror::load_buffers(
      {{"a.json", R"({"data": []})"}, {"b.json", "{\"data\": [" + sub + "]}"}}, details());
  CHECK(d.input.formats == std::vector<std::string>(2, "reddit-dump"));
  CHECK(d.input.posts_read == 1);
  CHECK(d.input.skipped.counts.empty());
}

TEST_CASE("reddit-dump: a page's \"data\" given twice is the last one", "[importer][reddit-dump]") {
  const Dataset d = ror::test::load_text(
      R"({"data": [{"id": "p", "author": "me", "created_utc": 1, "title": "t", "num_comments": 0}],)"
      R"( "data": [{"id": "q", "author": "me", "created_utc": 2, "title": "u", "num_comments": 0}]})",
      details(), "page.json");
  CHECK(d.post_ids == std::vector<std::string_view>{"q"});
  CHECK(d.input.warnings.total() == 1);  // the duplicate key
}

TEST_CASE("reddit-dump: detection of pages", "[importer][reddit-dump]") {
  const auto sub = [](const char* id) {
    return fmt::format(R"({{"id": "{}", "author": "me", "created_utc": "1767261600", )"
                       R"("subreddit": "s", "title": "t", "num_comments": 0}})",
                       id);
  };
  // One page per line.
  const Dataset d = ror::test::load_text(
      page_of(sub("p")) + "\n" + page_of(sub("q") + "\n" + sub("r")) + "\n", details(), "pages");
  CHECK(d.input.formats == std::vector<std::string>{"reddit-dump"});
  CHECK(d.post_ids == std::vector<std::string_view>{"p", "q", "r"});
  // A Reddit listing's "data" is an object: still the reddit importer's.
  CHECK(load_fixture({"reddit-listing/submitted.json"}).input.formats ==
        std::vector<std::string>{"reddit"});
  // Things that are not Reddit's in "data" (an X API page, aggregations) are not a dump's.
  CHECK(error_of("agg.json", R"({"data": [{"key": "kiteflying", "doc_count": 12}]})")
            .find("no importer recognises this input") != std::string::npos);
}

TEST_CASE("reddit-dump: a bad element of a page names its path", "[importer][reddit-dump]") {
  const std::string ok = R"({"id": "p", "author": "me", "created_utc": 1767261600, )"
                         R"("subreddit": "s", "title": "t", "num_comments": 1})";
  CHECK(error_of("page.json",
                 "{\"data\": [" + ok +
                     R"(, {"id": "c", "author": "a", "created_utc": 1, "body": "b"}]})") ==
        "a comment needs a \"link_id\" at /data/1 (page.json:1)");
  CHECK(error_of("page.json", "{\"data\": [" + ok + ", 7]}") ==
        "an element of \"data\" must be a submission or a comment object, not a number at "
        "/data/1 (page.json:1)");
  CHECK(error_of("page.json", "{\"data\": [" + ok +
                                  R"(, {"id": "q", "created_utc": 1, "num_comments": -1}]})") ==
        "\"num_comments\" must be a non-negative integer at /data/1/num_comments (page.json:1)");
  CHECK(error_of("pages.ndjson", page_of(ok) + "\n{\"data\": {\"id\": 1}}\n") ==
        "\"data\" must be an array, not an object at /data (pages.ndjson:2)");
}
