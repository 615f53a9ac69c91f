#include <catch2/catch.hpp>

#include "fixtures.hpp"
#include "ror/error.hpp"

using ror::Dataset;
using ror::ExitCode;
using ror::test::load_text;

namespace {

// The message of the ror::Error that loading `text` throws; fails the test when none is thrown.
std::string load_error(const std::string& text, const std::string& name = "in.json") {
  try {
    load_text(text, {}, name);
  } catch (const ror::Error& e) {
    CHECK(e.code() == ExitCode::bad_input);
    return e.what();
  }
  FAIL("no error for: " << text);
  return "";
}

constexpr const char* kPost = R"({"id": "p1", "created_at": "2026-01-05T10:00:00Z"})";

}  // namespace

TEST_CASE("documents and NDJSON are told apart by content", "[ingest]") {
  SECTION("pretty-printed document") {
    const Dataset d = load_text("{\n \"posts\": [\n  " + std::string(kPost) + "\n ]\n}\n");
    CHECK(d.input.formats.front() == "ror/v1");
    CHECK(d.posts.size() == 1);
  }
  SECTION("one-line document") {
    CHECK(load_text("{\"posts\": [" + std::string(kPost) + "]}").input.formats.front() == "ror/v1");
  }
  SECTION("NDJSON with an account line") {
    const Dataset d =
        load_text("{\"account\": {\"handle\": \"@a\"}}\n" + std::string(kPost) + "\n\n" +
                  R"({"id": "p2", "created_at": "2026-01-06T10:00:00Z"})" + "\r\n");
    CHECK(d.input.formats.front() == "ror/v1");
    CHECK(d.posts.size() == 2);
    CHECK(d.account.handle == "@a");
  }
  SECTION("a single post line is NDJSON") {
    CHECK(load_text(kPost).input.formats.front() == "ror/v1");
  }
}

TEST_CASE("null means absent for every optional field", "[ingest]") {
  const Dataset d = load_text(R"({"schema": null, "account": {"id": null, "handle": null,
    "platform": null, "followers": null, "aliases": null}, "posts": [{"id": "p1", "created_at":
    "2026-01-05T10:00:00Z", "author": null, "text": null, "url": null, "hashtags": null,
    "mentions": null, "in_reply_to": null, "metrics": null, "comments": [{"id": "c1", "author":
    "a", "created_at": "2026-01-05T10:00:00Z", "text": null, "parent_id": null, "likes": null}]},
    {"id": "p2", "created_at": "2026-01-05T10:00:00Z", "comments": null,
     "in_reply_to": {"author": null, "id": null}, "metrics": {"likes": null}}]})");
  CHECK(d.posts.size() == 2);
  CHECK(d.comments.size() == 1);
  CHECK(d.posts[1].known == 0);
  CHECK(d.posts[1].kind == ror::PostKind::original);
}

TEST_CASE("ids may be numbers, kept as their decimal text", "[ingest]") {
  const Dataset d = load_text(R"({"posts": [{"id": 1234567890123456789012, "created_at":
    "2026-01-05T10:00:00Z", "comments": [{"id": 7, "author": "a", "created_at":
    "2026-01-05T10:00:00Z"}, {"id": "8", "author": "b", "created_at": "2026-01-05T10:00:00Z",
    "parent_id": 7}]}]})");
  CHECK(d.post_ids.front() == "1234567890123456789012");
  REQUIRE(d.comments.size() == 2);
  CHECK(d.comments[1].parent == 0);
}

TEST_CASE("keys mean the same written with escapes", "[ingest]") {
  // "i\u0064" is "id", "\u0061uthor" is "author"; "ids" and "id\"" are other keys.
  {
    const std::string text = std::string(R"({"posts": [{"i\u0064": "p1", "created_at":
    "2026-01-05T10:00:00Z", "ids": 3, "id\"": 4, "metrics": {"l\u0069kes": 5}, "comments": [
    {"id": "c1", "\u0061uthor": "a", "cr\u0065ated_at": "2026-01-05T11:00:00Z"}]}]})");
    const Dataset d = load_text(text);
    REQUIRE(d.posts.size() == 1);
    CHECK(d.post_ids.front() == "p1");
    CHECK(d.posts.front().get(ror::PostMetric::likes) == 5);
    REQUIRE(d.comments.size() == 1);
    CHECK(d.authors.name(d.comments.front().author) == "a");
  }
  CHECK(load_error(R"({"posts": [{"id": "p1", "created_at": "2026-01-05T10:00:00Z",
    "\u00zz": 1}]})")
            .starts_with("malformed JSON"));
}

TEST_CASE("survivable data problems are counted, not fatal", "[ingest]") {
  const Dataset d = load_text(R"({"posts": [
    {"id": "p1", "created_at": "2026-01-05T10:00:00Z", "text": "old"},
    {"id": "p1", "created_at": "2026-01-06T10:00:00Z", "text": "new", "comments": [
      {"id": "c1", "author": "a", "created_at": "2026-01-06T11:00:00Z", "parent_id": "ghost"},
      {"id": "c2", "author": "b", "created_at": "2026-01-06T12:00:00Z", "parent_id": "c3"},
      {"id": "c3", "author": "c", "created_at": "2026-01-06T13:00:00Z", "parent_id": "c2"},
      {"id": "c4", "author": "d", "created_at": "2026-01-06T14:00:00Z", "parent_id": "c4"},
      {"id": "c5", "author": "e", "created_at": "2026-01-06T15:00:00Z"},
      {"id": "c5", "author": "f", "created_at": "2026-01-06T16:00:00Z", "parent_id": "p1"}]}]})");
  const ror::Warnings& w = d.input.warnings;
  CHECK(w.duplicate_post_ids == 1);
  CHECK(w.duplicate_comment_ids == 1);
  CHECK(w.dangling_parents == 1);
  CHECK(w.parent_cycles == 2);
  CHECK(w.total() == 5);
  CHECK_FALSE(w.first.empty());
  REQUIRE(d.posts.size() == 1);
  CHECK(d.posts[0].created_at == *ror::parse_rfc3339("2026-01-06T10:00:00Z"));  // later post won
  REQUIRE(d.comments.size() == 5);
  CHECK(d.comments[0].parent == ror::kNone);  // dangling -> top-level
  CHECK(d.comments[1].parent == ror::kNone);  // the cycle breaks at its earliest member, c2
  CHECK(d.comments[2].parent == 1);           // c3 still answers c2
  CHECK(d.comments[3].parent == ror::kNone);  // a comment that is its own parent
  CHECK(d.authors.name(d.comments[4].author) == "f");  // the later c5 won
  CHECK(d.comments[4].parent == ror::kNone);           // parent = the post itself
}

TEST_CASE("the account is resolved after all inputs are read", "[ingest]") {
  SECTION("an account object after the posts") {
    const Dataset d = load_text(R"({"posts": [{"id": "p1", "author": "ACME", "created_at":
      "2026-01-05T10:00:00Z"}, {"id": "p2", "author": "zed", "created_at":
      "2026-01-05T10:00:00Z"}], "account": {"handle": "@acme"}})");
    CHECK(d.posts.size() == 1);
    CHECK(d.input.foreign_posts == 1);
  }
  SECTION("inferred from the most frequent post author") {
    const Dataset d = load_text(R"({"posts": [
      {"id": "p1", "author": "b", "created_at": "2026-01-05T10:00:00Z"},
      {"id": "p2", "author": "a", "created_at": "2026-01-05T10:00:00Z"},
      {"id": "p3", "author": "b", "created_at": "2026-01-05T10:00:00Z"}]})");
    CHECK(d.account.inferred);
    CHECK(d.account.names == std::vector<std::string>{"b"});
    CHECK(d.posts.size() == 2);
  }
  SECTION("--account names add to the account's") {
    ror::LoadOptions options;
    options.accounts = {"@Other"};
    const Dataset d = load_text(R"({"account": {"handle": "acme"}, "posts": [
      {"id": "p1", "author": "other", "created_at": "2026-01-05T10:00:00Z"}]})",
                                options);
    CHECK(d.posts.size() == 1);
  }
}

TEST_CASE("--since and --until keep posts by creation time", "[ingest]") {
  ror::LoadOptions options;
  options.since = ror::parse_time_bound("2026-01-05", false);
  options.until = ror::parse_time_bound("2026-01-05", true);
  const Dataset d = load_text(R"({"posts": [
    {"id": "p1", "created_at": "2026-01-04T23:59:59Z"},
    {"id": "p2", "created_at": "2026-01-05T00:00:00Z"},
    {"id": "p3", "created_at": "2026-01-05T23:59:59.999Z", "comments": [
      {"id": "c1", "author": "a", "created_at": "2026-01-09T00:00:00Z"}]},
    {"id": "p4", "created_at": "2026-01-06T00:00:00Z"}]})",
                              options);
  CHECK(d.post_ids == std::vector<std::string_view>{"p2", "p3"});
  CHECK(d.comments.size() == 1);
  CHECK(d.input.filtered_posts == 2);
}

TEST_CASE("every bad-input class is a one-line error naming the place", "[ingest]") {
  CHECK(load_error("") == "empty input: in.json holds no JSON");
  CHECK(load_error("{\"posts\": []}") == "empty input: no posts in in.json");
  CHECK(load_error("{\"posts\": [\n" + std::string(kPost) + ",\n") ==
        "malformed JSON: expected a value, found end of input (in.json:3:1)");
  CHECK(load_error("{\"posts\": [" + std::string(kPost) + ",]}") ==
        "malformed JSON: expected a value, found ']' (in.json:1:63)");
  // Problems are reported in document order: here the schema violation comes first.
  CHECK(load_error("{\"posts\": [1,]}") ==
        "a post must be an object, not a number at /posts/0 (in.json:1)");
  CHECK(load_error("{\"posts\": [{\"id\": \"p1\"}]}") ==
        "missing required field \"created_at\" at /posts/0/created_at (in.json:1)");
  CHECK(load_error(R"({"posts": [{"id": "p1", "created_at": "2026-01-05T10:00:00Z",
    "comments": [{"id": "c1", "author": "a", "created_at": "soon"}]}]})") ==
        "\"created_at\" is not an RFC 3339 date-time: \"soon\" at "
        "/posts/0/comments/0/created_at (in.json:2)");
  CHECK(load_error(R"({"posts": [{"id": true, "created_at": "2026-01-05T10:00:00Z"}]})") ==
        "\"id\" must be a string or an integer, not a boolean at /posts/0/id (in.json:1)");
  CHECK(load_error(R"({"posts": [{"id": "p", "created_at": "2026-01-05T10:00:00Z",
    "metrics": {"likes": 1.5}}]})") ==
        "\"likes\" must be a non-negative integer at /posts/0/metrics/likes (in.json:2)");
  CHECK(load_error(R"({"posts": [{"id": "p", "created_at": "2026-01-05T10:00:00Z",
    "hashtags": ["a", 3]}]})") ==
        "\"hashtags\" items must be strings at /posts/0/hashtags/1 (in.json:2)");
  CHECK(load_error(R"({"posts": {}})") ==
        "\"posts\" must be an array, not an object at /posts (in.json:1)");
  CHECK(load_error("{\"account\": {\"followers\": \"many\"}, \"posts\": [" + std::string(kPost) +
                   "]}") ==
        "\"followers\" must be a non-negative integer, not a string at /account/followers "
        "(in.json:1)");
  CHECK(load_error(std::string(kPost) + "\n{\"id\": \"p2\"}\n", "in.ndjson") ==
        "missing required field \"created_at\" at /created_at (in.ndjson:2)");
  CHECK(load_error(std::string(kPost) + "\n{\"id\": \"p2\",, }\n", "in.ndjson") ==
        "malformed JSON: expected a string key, found ',' (in.ndjson:2:13)");
  CHECK(load_error("{\"x\": [1, 2", "in.json") ==
        "malformed JSON: expected ',' or ']', found end of input (in.json:1:12)");
  CHECK(load_error("{\"posts\": [" + std::string(kPost) + "], \"extra\": \"\\q\"}") ==
        "malformed JSON: invalid escape sequence in a string (in.json:1:76)");
}

TEST_CASE("a comment is 32 bytes whatever its text", "[ingest]") {
  STATIC_REQUIRE(sizeof(ror::Comment) == 32);
}
