// The ror/v1 importer (src/importers/ror_v1.cpp): what convert writes for exports that hold no
// comments (comments_exported), the metrics quotes, bookmarks and replies, and the same post in
// two inputs. (The rest of ror/v1 is in test_ingest.cpp.)
#include <catch2/catch.hpp>

#include "importer_fixtures.hpp"

using ror::Dataset;
using ror::MetricId;
using ror::NamedInput;
using ror::PostMetric;
using ror::Unknown;
using ror::test::at;
using ror::test::comments_of;
using ror::test::error_of;
using ror::test::load_text;
using ror::test::post_of;

TEST_CASE("ror/v1: comments_exported false leaves comment metrics unknown", "[importer][ror/v1]") {
  const std::string both = R"({"account": {"handle": "acme"}, "posts": [
    {"id": "p1", "created_at": "2026-01-05T10:00:00Z", "comments_exported": false},
    {"id": "p2", "created_at": "2026-01-06T10:00:00Z", "comments_exported": false}]})";
  const Dataset none = load_text(both);
  CHECK_FALSE(post_of(none, "p1").comments_known);
  const ror::MetricValues unknown = ror::compute_metrics(none, {});
  for (const MetricId id : {MetricId::comments, MetricId::audience_comments,
                            MetricId::conversation_rate, MetricId::audience}) {
    CHECK(unknown.why_unknown(id) == Unknown::no_comments);
  }

  // One post whose export holds its comments is enough for them to be measured (over it).
  const Dataset some = load_text(R"({"account": {"handle": "acme"}, "posts": [
    {"id": "p1", "created_at": "2026-01-05T10:00:00Z", "comments_exported": false},
    {"id": "p2", "created_at": "2026-01-06T10:00:00Z", "comments_exported": true, "comments": [
      {"id": "c1", "author": "ann", "created_at": "2026-01-06T11:00:00Z", "text": "nice"}]},
    {"id": "p3", "created_at": "2026-01-07T10:00:00Z", "comments_exported": null}]})");
  CHECK(post_of(some, "p2").comments_known);
  CHECK(post_of(some, "p3").comments_known);  // null: the default, true
  const ror::MetricValues m = ror::compute_metrics(some, {});
  CHECK(m[MetricId::comments] == 1);
  CHECK(m[MetricId::conversation_rate] == Approx(1.0 / 2));  // p2 and p3 only
}

TEST_CASE("ror/v1: quotes, bookmarks and replies are post metrics", "[importer][ror/v1]") {
  const Dataset d = load_text(R"({"account": {"handle": "acme"}, "posts": [
    {"id": "p1", "created_at": "2026-01-05T10:00:00Z",
     "metrics": {"likes": 4, "quotes": 2, "bookmarks": 3, "replies": 5}, "comments": [
      {"id": "c1", "author": "ann", "created_at": "2026-01-05T11:00:00Z"}]},
    {"id": "p2", "created_at": "2026-01-06T10:00:00Z",
     "metrics": {"quotes": 1, "bookmarks": null, "replies": 0}}]})");
  const ror::Post& p1 = post_of(d, "p1");
  CHECK(p1.get(PostMetric::quotes) == 2);
  CHECK(p1.get(PostMetric::bookmarks) == 3);
  CHECK(p1.get(PostMetric::replies) == 5);
  CHECK_FALSE(post_of(d, "p2").has(PostMetric::bookmarks));
  const ror::MetricValues m = ror::compute_metrics(d, {});
  CHECK(m[MetricId::quotes] == 3);
  CHECK(m[MetricId::bookmarks] == 3);
  CHECK(m[MetricId::replies] == 5);
  CHECK(m.why_unknown(MetricId::saves) == Unknown::not_carried);
  CHECK(error_of("in.json", R"({"posts": [{"id": "p", "created_at": "2026-01-05T10:00:00Z",
    "metrics": {"quotes": -2}}]})") ==
        "\"quotes\" must be a non-negative integer at /posts/0/metrics/quotes (in.json:2)");
}

TEST_CASE("ror/v1: the same post in two inputs is one post, merged field by field",
          "[importer][ror/v1]") {
  const std::string earlier = R"({"account": {"handle": "acme"}, "posts": [
    {"id": "p1", "created_at": "2026-01-05T10:00:00Z", "text": "five words of text here",
     "metrics": {"likes": 5, "impressions": 100}, "comments": [
      {"id": "c1", "author": "ann", "created_at": "2026-01-05T11:00:00Z"}]},
    {"id": "p2", "created_at": "2026-01-06T10:00:00Z", "comments_exported": false}]})";
  const std::string later = R"({"posts": [
    {"id": "p1", "created_at": "2026-01-05T10:30:00Z", "metrics": {"likes": 7, "shares": 2},
     "comments_exported": false},
    {"id": "p2", "created_at": "2026-01-06T10:00:00Z", "comments": [
      {"id": "c2", "author": "bob", "created_at": "2026-01-06T11:00:00Z"},
      {"id": "c3", "author": "cy", "created_at": "2026-01-06T12:00:00Z"}]}]})";
  const Dataset d =
      ror::load_buffers({NamedInput{"a.json", earlier}, NamedInput{"b.json", later}}, {});
  CHECK(d.input.posts_read == 4);
  CHECK(d.posts.size() == 2);
  CHECK(d.input.posts_merged == 2);
  CHECK(d.input.warnings.total() == 0);  // no warning across inputs
  const ror::Post& p1 = post_of(d, "p1");
  CHECK(p1.created_at == at("2026-01-05T10:30:00Z"));  // the later copy's field
  CHECK(p1.get(PostMetric::likes) == 7);               // the later copy's metric
  CHECK(p1.get(PostMetric::shares) == 2);
  CHECK(p1.get(PostMetric::impressions) == 100);  // only the earlier copy carries it
  CHECK(p1.words == 5);                           // the later copy has no text
  CHECK(p1.comments_known);                       // either copy knows them
  REQUIRE(comments_of(d, "p1").size() == 1);      // the copy that has comments
  CHECK(comments_of(d, "p1")[0].author == "ann");
  CHECK(comments_of(d, "p2").size() == 2);
  CHECK(post_of(d, "p2").comments_known);

  SECTION("both copies with comments: the later copy's") {
    const Dataset both = ror::load_buffers(
        {NamedInput{"a.json", earlier},
         NamedInput{"c.json", R"({"posts": [{"id": "p1", "created_at": "2026-01-05T10:00:00Z",
           "text": "other", "comments": [
           {"id": "c9", "author": "dee", "created_at": "2026-01-05T12:00:00Z"}]}]})"}},
        {});
    REQUIRE(comments_of(both, "p1").size() == 1);
    CHECK(comments_of(both, "p1")[0].author == "dee");
    CHECK(post_of(both, "p1").words == 1);  // the later copy's text
    CHECK(post_of(both, "p1").get(PostMetric::likes) == 5);
  }
  SECTION("in one input, the later post replaces the earlier, with a warning") {
    const Dataset one = load_text(R"({"posts": [
      {"id": "p1", "created_at": "2026-01-05T10:00:00Z", "metrics": {"likes": 5}},
      {"id": "p1", "created_at": "2026-01-05T10:00:00Z", "metrics": {"shares": 1}}]})");
    CHECK(one.posts.size() == 1);
    CHECK(one.input.warnings.duplicate_post_ids == 1);
    CHECK(one.input.posts_merged == 0);
    CHECK_FALSE(post_of(one, "p1").has(PostMetric::likes));
  }
}

TEST_CASE("ror/v1: malformed new fields are one-line errors", "[importer][ror/v1]") {
  const std::string post = R"({"id": "p1", "created_at": "2026-01-05T10:00:00Z")";
  CHECK(error_of("in.json", "{\"posts\": [" + post + ", \"comments_exported\": \"no\"}]}") ==
        "\"comments_exported\" must be a boolean, not a string at /posts/0/comments_exported "
        "(in.json:1)");
  CHECK(error_of("in.json", "{\"account\": [], \"posts\": [" + post + "}]}") ==
        "\"account\" must be an object, not an array at /account (in.json:1)");
  CHECK(error_of("in.json", "{\"schema\": \"ror/v2\", \"posts\": [" + post + "}]}") ==
        "unsupported schema \"ror/v2\" (this ror reads \"ror/v1\") at /schema (in.json:1)");
  CHECK(error_of("in.json", "{\"posts\": [" + post + ", \"in_reply_to\": \"bob\"}]}") ==
        "\"in_reply_to\" must be an object, not a string at /posts/0/in_reply_to (in.json:1)");
  CHECK(error_of("in.json", "{\"posts\": [" + post +
                                ", \"comments\": [{\"id\": \"c\", \"author\": \"\", "
                                "\"created_at\": \"2026-01-05T10:00:00Z\"}]}]}") ==
        "\"author\" must be a non-empty string at /posts/0/comments/0/author (in.json:1)");
  CHECK(error_of("in.ndjson", post + "}\n" + post + ", \"metrics\": {\"replies\": \"3\"}}\n") ==
        "\"replies\" must be a non-negative integer, not a string at /metrics/replies "
        "(in.ndjson:2)");
}

TEST_CASE("ror/v1: numbers out of range and leading zeros get exact messages",
          "[importer][ror-v1]") {
  const auto error_of = [](const std::string& likes) {
    try {
      ror::load_buffers({ror::NamedInput{"n.json", R"({"account": {"handle": "a"}, "posts": [
        {"id": "p", "created_at": "2026-01-01T00:00:00Z", "metrics": {"likes": )" +
                                                       likes + "}}]}"}},
                        {});
    } catch (const ror::Error& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  CHECK(error_of("9223372036854775808")
            .find("\"likes\" is out of range: 9223372036854775808 (at most 9223372036854775807)") ==
        0);
  CHECK(error_of("18446744073709551615").find("\"likes\" is out of range: 18446744073709551615") ==
        0);
  CHECK(error_of("01").find("\"likes\" is not a JSON number: 01 has a leading zero") == 0);
  CHECK(error_of("9223372036854775807") == "no error");
}

TEST_CASE("ror/v1: a numeric id must be a well-formed integer", "[importer][ror-v1]") {
  const auto load_id = [](const std::string& id) {
    try {
      const ror::Dataset d = ror::load_buffers(
          {ror::NamedInput{"i.json", R"({"account": {"handle": "a"}, "posts": [{"id": )" + id +
                                         R"(, "created_at": "2026-01-01T00:00:00Z"}]})"}},
          {});
      return std::string(d.posts.size() == 1 ? "one post" : "no post");
    } catch (const ror::Error& e) {
      return std::string(e.what());
    }
  };
  CHECK(load_id("0") == "one post");
  CHECK(load_id("-12") == "one post");
  CHECK(load_id("9007199254740993123") == "one post");
  CHECK(load_id("012").find("malformed JSON") == 0);
  CHECK(load_id("-").find("malformed JSON") == 0);
  CHECK(load_id("1.5").find("\"id\" must be a string or an integer, not 1.5") == 0);
  CHECK(load_id("1e3").find("\"id\" must be a string or an integer, not 1e3") == 0);
}

TEST_CASE("ror/v1: -0 and 0 are one id; a leap second stays in its minute", "[importer][ror-v1]") {
  const ror::Dataset d =
      ror::load_buffers({ror::NamedInput{"z.json", R"({"account": {"handle": "a"}, "posts": [
        {"id": -0, "created_at": "2026-01-31T23:59:60Z"},
        {"id": 0, "created_at": "2026-01-31T23:59:60Z"}]})"}},
                        {});
  CHECK(d.posts.size() == 1);
  CHECK(d.input.warnings.duplicate_post_ids == 1);
  CHECK(ror::format_utc_ms(d.posts[0].created_at) == "2026-01-31T23:59:59.999Z");  // January
}

TEST_CASE("ror/v1: a key given twice: the last one is used, at every level, with a warning",
          "[importer][ror/v1]") {
  // Every level: the document (account, schema, posts), the account (handle, aliases), a post
  // (text, author, hashtags, in_reply_to, metrics, comments), the metrics (likes), a comment
  // (author, parent_id). Fourteen keys come twice.
  const std::string doc = R"({"schema": "ror/v1",
  "account": {"handle": "first", "followers": 5},
  "account": {"handle": "acme", "handle": "acme", "aliases": ["old"], "aliases": ["Acme Help"]},
  "posts": [{"id": "p0", "created_at": "2026-01-04T10:00:00Z"}],
  "schema": "ror/v1",
  "posts": [
    {"id": "p0", "created_at": "2026-01-05T10:00:00Z", "text": "one", "text": "two words",
     "author": "bob", "author": null, "hashtags": ["a", "b"], "hashtags": null,
     "in_reply_to": {"author": "eve"}, "in_reply_to": null,
     "metrics": {"likes": 5, "shares": 1}, "metrics": {"likes": 7, "likes": null, "saves": 2},
     "comments": [{"id": "c1", "author": "ann", "created_at": "2026-01-05T11:00:00Z"}],
     "comments": [
       {"id": "c2", "author": "eve", "author": "dan", "created_at": "2026-01-05T12:00:00Z"},
       {"id": "c3", "author": "Acme Help", "created_at": "2026-01-05T13:00:00Z",
        "parent_id": "nope", "parent_id": null}]}]})";
  ror::LoadOptions options;
  options.keep_details = true;
  SECTION("one block") {}
  SECTION("blocks of 64 bytes, two threads") {
    options.block_bytes = 64;
    options.threads = 2;
  }
  const Dataset d = load_text(doc, options, "twice.json");
  CHECK(d.input.warnings.repeated_keys == 14);
  CHECK(d.input.warnings.total() == 14);  // (p0 is no duplicate post: the first array is gone)
  CHECK(d.input.warnings.first ==
        R"(duplicate key "account" at /account: the last one is used (twice.json))");
  CHECK(d.account.handle == "acme");
  CHECK_FALSE(d.account.followers.has_value());  // the first account record is gone
  CHECK(d.account.names == std::vector<std::string>{"acme", "acme help"});
  REQUIRE(d.post_ids == std::vector<std::string_view>{"p0"});
  const ror::Post& p = d.posts[0];
  CHECK(p.created_at == at("2026-01-05T10:00:00Z"));
  CHECK(p.words == 2);
  CHECK(p.author == ror::kNone);    // the account's
  CHECK(p.hashtags == 0);           // no list given last: none in the text
  CHECK(p.reply_to == ror::kNone);  // answers no one
  CHECK_FALSE(p.has(PostMetric::likes));
  CHECK_FALSE(p.has(PostMetric::shares));
  CHECK(p.get(PostMetric::saves) == 2);
  const auto comments = comments_of(d, "p0");
  REQUIRE(comments.size() == 2);
  CHECK(comments[0].id == "c2");
  CHECK(comments[0].author == "dan");
  CHECK(comments[1].id == "c3");
  CHECK(comments[1].parent == ror::kNone);  // top-level: no dangling parent
  CHECK(d.input.warnings.dangling_parents == 0);
  CHECK(ror::test::count_kind(d, ror::PostKind::original) == 1);
}

TEST_CASE("ror/v1: a repeated key in NDJSON names its line; an escaped key is the same key",
          "[importer][ror/v1]") {
  std::string lines = R"({"account": {"handle": "acme"}, "account": {"handle": "acme2"}})"
                      "\n";
  for (int i = 0; i < 30; ++i) {
    lines += R"({"id": "p)" + std::to_string(i) +
             R"(", "created_at": "2026-01-05T10:00:00Z"})"
             "\n";
  }
  lines += R"({"id": "px", "created_at": "2026-01-05T10:00:00Z", "te\u0078t": "a", "text": "b c"})"
           "\n";
  ror::LoadOptions options;
  SECTION("one block") {}
  SECTION("blocks of 128 bytes, two threads") {
    options.block_bytes = 128;
    options.threads = 2;
  }
  const Dataset d = load_text(lines, options, "twice.ndjson");
  CHECK(d.input.warnings.repeated_keys == 2);
  CHECK(d.input.warnings.first ==
        R"(duplicate key "account" at /account: the last one is used (twice.ndjson:1))");
  CHECK(d.account.handle == "acme2");
  CHECK(post_of(d, "px").words == 2);

  // Without the header's repeat, the first one is on line 32, in a later block.
  lines.replace(lines.find(R"(, "account": {"handle": "acme2"})"),
                std::string_view(R"(, "account": {"handle": "acme2"})").size(), "");
  const Dataset later = load_text(lines, options, "twice.ndjson");
  CHECK(later.input.warnings.first ==
        R"(duplicate key "text" at /text: the last one is used (twice.ndjson:32))");
}

TEST_CASE("ror/v1: a post's platform makes its id and its people that platform's",
          "[importer][ror/v1]") {
  // What ror convert writes for a load of several platforms: post 5 on X and post 5 on
  // Mastodon are two posts, and "alice" on each is another person.
  const std::string doc = R"({"account": {"handle": "me"}, "posts": [
    {"id": "5", "platform": "x", "author": "me", "created_at": "2026-01-01T10:00:00Z",
     "comments": [{"id": "c1", "author": "alice", "created_at": "2026-01-01T11:00:00Z"}]},
    {"id": "5", "platform": "mastodon", "created_at": "2026-01-02T10:00:00Z",
     "comments": [{"id": "c1", "author": "Alice", "created_at": "2026-01-02T11:00:00Z"},
                  {"id": "c2", "author": "me", "created_at": "2026-01-02T12:00:00Z",
                   "parent_id": "c1"}]},
    {"id": "6", "author": "me", "created_at": "2026-01-03T10:00:00Z"}]})";
  const Dataset d = load_text(doc);
  CHECK(d.posts.size() == 3);
  CHECK(d.input.posts_merged == 0);
  CHECK(d.platforms == std::vector<std::string>{"x", "mastodon", ""});
  CHECK(d.platforms[d.posts[0].platform] == "x");
  CHECK(d.platforms[d.posts[1].platform] == "mastodon");
  CHECK(d.authors.qualifier(d.comments[0].author) == "x");
  CHECK(d.authors.qualifier(d.comments[1].author) == "mastodon");
  CHECK(d.account.names == std::vector<std::string>{"me"});  // (on every platform)
  const ror::MetricValues m = ror::compute_metrics(d, {});
  CHECK(m[MetricId::audience] == 2);
  CHECK(m[MetricId::audience_comments] == 2);
  CHECK(m[MetricId::response_rate] == Approx(1.0 / 2));  // the Mastodon comment was answered

  CHECK(error_of("p.json", R"({"posts": [{"id": "1", "created_at": "2026-01-01T10:00:00Z",
      "platform": "x\u0001y"}]})") ==
        "a post's platform must be a name of at most 64 bytes, such as \"mastodon\" at "
        "/posts/0/platform (p.json:2)");
}
