// The format-neutral rules of a load (docs/format.md, "How inputs are read" and "What the load
// decides"): statuses placed in threads, comments joined to posts across inputs, the same post
// twice, a split key given twice, detection and --from, inputs no importer recognises. The
// thread and join rules are fed records straight into DatasetBuilder, as an importer hands them.
#include <catch2/catch.hpp>

#include "archive_writer.hpp"
#include "importer_fixtures.hpp"
#include "ingest/dataset_builder.hpp"

using ror::Dataset;
using ror::ExitCode;
using ror::LoadOptions;
using ror::NamedInput;
using ror::PostKind;
using ror::PostMetric;
using ror::ingest::AccountRecord;
using ror::ingest::CommentRecord;
using ror::ingest::PostRecord;
using ror::test::at;
using ror::test::comments_of;
using ror::test::count_kind;
using ror::test::error_of;
using ror::test::post_of;
using ror::test::reply_to_of;
using ror::test::skipped;

namespace {

// One input as an importer would hand it over.
struct Input {
  std::string platform = "x";
  bool audience = true;  // whether it holds comments other people wrote
  std::vector<AccountRecord> accounts;
  std::vector<PostRecord> posts;
  std::vector<CommentRecord> comments;  // apart from their posts
  std::vector<PostRecord> later_posts;  // a second batch of the same input (a later block)
};

AccountRecord owner(const std::string& handle) {
  AccountRecord a;
  a.handle = handle;
  return a;
}

// A status: answering `reply_post` (by `reply_author`) in `conversation`, when given.
PostRecord status(std::string_view id, std::string_view author, const char* time,
                  std::string_view reply_post = {}, std::string_view reply_author = {},
                  std::string_view conversation = {}) {
  PostRecord r;
  r.id = id;
  r.author = author;
  r.has_author = !author.empty();
  r.created_at = at(time);
  r.threaded = true;
  r.reply_to_post = reply_post;
  r.reply_to_author = reply_author;
  r.has_reply_to = !reply_author.empty();
  r.conversation = conversation;
  r.text = "a status";
  return r;
}

// A post that is not a status (a blog post, a ror/v1 post).
PostRecord post(std::string_view id, const char* time, bool comments_known = true) {
  PostRecord r;
  r.id = id;
  r.created_at = at(time);
  r.comments_known = comments_known;
  r.text = "a post";
  return r;
}

// A comment apart from its post.
CommentRecord loose(std::string_view id, std::string_view post_id, std::string_view author,
                    const char* time, std::string_view parent = {}) {
  CommentRecord c;
  c.id = id;
  c.post_id = post_id;
  c.author = author;
  c.created_at = at(time);
  c.parent_id = parent;
  c.has_parent = !parent.empty();
  c.text = "a comment";
  return c;
}

// Merges the inputs in order and finishes the load, as load.cpp does. (Every record has a text:
// StringArena::store of an empty text into a fresh arena crashes, see the report.)
// With `details`, texts and ids are kept (LoadOptions::keep_details).
Dataset build(std::vector<Input> inputs, bool details = false) {
  ror::ingest::DatasetBuilder builder;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    const std::string name = "input" + std::to_string(i);
    ror::ingest::PostBatch batch(name, details);
    for (AccountRecord& a : inputs[i].accounts) {
      batch.account(std::move(a));
    }
    for (const PostRecord& p : inputs[i].posts) {
      batch.post(p);
    }
    for (const CommentRecord& c : inputs[i].comments) {
      batch.comment(c);
    }
    builder.merge(std::move(batch), i, {inputs[i].platform, inputs[i].audience});
    if (!inputs[i].later_posts.empty()) {
      ror::ingest::PostBatch later(name, details);
      for (const PostRecord& p : inputs[i].later_posts) {
        later.post(p);
      }
      builder.merge(std::move(later), i, {inputs[i].platform, inputs[i].audience});
    }
    builder.end_source(i, name);
    builder.add_source(name, name, "test", 0);
  }
  return builder.finish({});
}

// A conversation on X: the account's root r1 with replies, its self-thread s1-s2, someone
// else's thread f1, outreach o1 continued by o2 and o3, and r2's replies without conversation ids.
std::vector<PostRecord> statuses() {
  return {
      status("r1", "me", "2026-03-02T10:00:00Z", {}, {}, "r1"),
      status("a1", "ann", "2026-03-02T10:05:00Z", "r1", "me", "r1"),
      status("m1", "me", "2026-03-02T10:10:00Z", "a1", "ann", "r1"),
      status("b1", "bob", "2026-03-02T10:20:00Z", "m1", "me", "r1"),
      status("m3", "me", "2026-03-02T10:30:00Z", "m1", "me", "r1"),  // answers its own comment
      // answers a status not in the data: placed by its conversation alone
      status("c1", "dan", "2026-03-02T10:40:00Z", "q7", "eve", "r1"),
      status("s1", "me", "2026-03-02T11:00:00Z", "r1", "me", "r1"),
      status("s2", "me", "2026-03-02T11:05:00Z", "s1", "me", "r1"),
      status("f1", "zed", "2026-03-02T12:00:00Z", {}, {}, "f1"),
      status("g1", "ann", "2026-03-02T12:10:00Z", "f1", "zed", "f1"),
      status("o1", "me", "2026-03-02T13:00:00Z", "x9", "carl", "x9"),  // x9 is not in the data
      status("o2", "me", "2026-03-02T13:01:00Z", "o1", "me", "x9"),
      status("o3", "me", "2026-04-02T13:02:00Z", "o2", "me", "x9"),
      status("r2", "me", "2026-03-03T14:00:00Z"),
      status("a2", "ann", "2026-03-03T14:10:00Z", "r2", "me"),
      status("a3", "bob", "2026-03-03T14:20:00Z", "a2", "ann"),
  };
}

void check_threads(const Dataset& d) {
  CHECK(d.posts.size() == 7);  // r1, s1, s2, o1, o2, o3, r2
  CHECK(count_kind(d, PostKind::original) == 4);
  CHECK(count_kind(d, PostKind::outreach) == 3);
  CHECK(d.input.foreign_posts == 2);  // f1 and the reply to it
  CHECK(d.input.statuses_placed == 7);
  for (const char* id : {"r1", "s1", "s2", "r2"}) {
    CHECK(post_of(d, id).kind == PostKind::original);
  }
  const auto r1 = comments_of(d, "r1");
  REQUIRE(r1.size() == 5);
  std::vector<std::string> ids;
  for (const auto& c : r1) {
    ids.push_back(c.id);
  }
  std::vector<std::string> want = {"a1", "m1", "b1", "m3", "c1"};
  std::sort(ids.begin(), ids.end());
  std::sort(want.begin(), want.end());
  CHECK(ids == want);
  for (const auto& c : r1) {
    const std::string parent = c.parent == ror::kNone ? "" : r1[c.parent].id;
    CHECK(parent == (c.id == "a1" || c.id == "c1" ? "" : c.id == "m1" ? "a1" : "m1"));
  }
  const auto r2 = comments_of(d, "r2");
  REQUIRE(r2.size() == 2);
  CHECK(r2[r2[0].id == "a3" ? 0 : 1].parent != ror::kNone);
  for (const char* id : {"o1", "o2", "o3"}) {
    CHECK(post_of(d, id).kind == PostKind::outreach);
    CHECK(reply_to_of(d, id) == "carl");  // a self-thread continuing outreach answers carl
  }
}

}  // namespace

TEST_CASE("load: statuses are placed once the account is known", "[load]") {
  Input x;
  x.accounts.push_back(owner("me"));
  x.posts = statuses();
  SECTION("in time order") {
    check_threads(build({x}, true));
  }
  SECTION("in reverse order, the account named after the statuses") {
    std::reverse(x.posts.begin(), x.posts.end());
    Input account;
    account.accounts.push_back(owner("@ME"));
    x.accounts.clear();
    check_threads(build({x, account}, true));
  }
  SECTION("the statuses answered come in a later input") {
    Input roots;
    roots.posts = {x.posts[0], x.posts[7]};  // r1, f1
    x.posts.erase(x.posts.begin() + 7);
    x.posts.erase(x.posts.begin());
    check_threads(build({x, roots}, true));
  }
  SECTION("statuses written again later in the same input, the later copy kept") {
    // (links found while merging the first block lead to the copies the later block drops)
    x.later_posts = {x.posts[0], x.posts[2], x.posts[7]};  // r1, m1, f1
    const Dataset d = build({x}, true);
    check_threads(d);
    CHECK(d.input.warnings.duplicate_post_ids == 3);
  }
  SECTION("the outreach chain counts one person, answered in two months") {
    const ror::MetricValues m = ror::compute_metrics(build({x}), {});
    CHECK(m[ror::MetricId::outreach_replies] == 3);
    CHECK(m[ror::MetricId::outreach_people] == 1);
    CHECK(m[ror::MetricId::outreach_retained_rate] == 1);
  }
}

TEST_CASE("load: comments apart from their posts join them from any input", "[load]") {
  Input before;  // comments before their posts
  before.platform = "";
  before.comments = {loose("c1", "p1", "ann", "2026-03-02T10:10:00Z"),
                     loose("c2", "p1", "me", "2026-03-02T10:20:00Z", "c1"),
                     loose("c5", "p2", "cy", "2026-03-02T10:25:00Z")};
  Input posts;  // p1 with a nested comment
  posts.platform = "";
  posts.accounts.push_back(owner("me"));
  posts.posts.push_back(post("p1", "2026-03-02T10:00:00Z"));
  CommentRecord nested;
  nested.id = "n1";
  nested.author = "bob";
  nested.created_at = at("2026-03-02T10:30:00Z");
  posts.posts.back().comments.push_back(nested);
  posts.comments = {loose("c3", "p1", "ann", "2026-03-02T10:40:00Z", "c2")};
  Input after;  // p2, then another comment of p1
  after.platform = "";
  after.posts.push_back(post("p2", "2026-03-02T09:00:00Z"));
  after.comments = {loose("c4", "p1", "dee", "2026-03-02T11:00:00Z")};
  const Dataset d = build({before, posts, after});
  CHECK(d.input.comments_read == 6);
  const auto p1 = comments_of(d, "p1");
  REQUIRE(p1.size() == 5);
  // Nested ones first, then the joined ones in input order: each post's comments lie together.
  // (Loaded without details, joined comments are told by author and time: with details, their
  // ids point into the builder's memory, which is freed with it; see the report.)
  CHECK(p1[0].author == "bob");
  CHECK(p1[1].author == "ann");
  CHECK(p1[1].created_at == at("2026-03-02T10:10:00Z"));
  CHECK(p1[2].author == "me");
  CHECK(p1[2].parent == 1);
  CHECK(p1[3].author == "ann");
  CHECK(p1[3].parent == 2);
  CHECK(p1[4].author == "dee");
  CHECK(p1[4].parent == ror::kNone);
  REQUIRE(comments_of(d, "p2").size() == 1);
  CHECK(comments_of(d, "p2")[0].author == "cy");
  CHECK(d.input.comments_merged == 0);
}

TEST_CASE("load: joined comments are deduplicated by id, the later copy wins", "[load]") {
  Input first;
  first.platform = "";
  first.comments = {loose("c1", "p1", "ann", "2026-03-02T10:10:00Z")};
  Input posts;
  posts.platform = "";
  posts.posts.push_back(post("p1", "2026-03-02T10:00:00Z"));
  CommentRecord nested;  // a nested comment of the same id: not compared with joined ones
  nested.id = "c1";
  nested.author = "bob";
  nested.created_at = at("2026-03-02T10:05:00Z");
  posts.posts.back().comments.push_back(nested);
  Input again;
  again.platform = "";
  again.comments = {loose("c1", "p1", "ann.again", "2026-03-02T10:12:00Z"),
                    loose("c2", "p1", "cy", "2026-03-02T10:15:00Z", "c1")};
  const Dataset d = build({first, posts, again});
  CHECK(d.input.comments_merged == 1);
  CHECK(d.input.warnings.total() == 0);
  const auto c = comments_of(d, "p1");
  REQUIRE(c.size() == 3);
  CHECK(c[0].author == "bob");
  CHECK(c[1].author == "ann.again");
  CHECK(c[1].created_at == at("2026-03-02T10:12:00Z"));
  CHECK(c[2].parent == 1);
}

TEST_CASE("load: comments whose post is in no input are counted", "[load]") {
  Input in;
  in.platform = "";
  in.accounts.push_back(owner("me"));
  in.posts.push_back(post("p1", "2026-03-02T10:00:00Z"));
  PostRecord other = post("p2", "2026-03-02T10:00:00Z");
  other.author = "zed";
  other.has_author = true;
  in.posts.push_back(other);
  in.comments = {loose("c1", "p9", "ann", "2026-03-02T10:10:00Z"),
                 loose("c2", "p8", "ann", "2026-03-02T10:11:00Z"),
                 loose("c3", "p2", "ann", "2026-03-02T10:12:00Z")};
  const Dataset d = build({in});
  CHECK(skipped(d, "comments whose post is not in the input") == 2);
  CHECK(d.comments.empty());
  CHECK(d.input.foreign_posts == 1);
  CHECK(d.input.foreign_comments == 1);  // c3, on zed's post
}

TEST_CASE("load: joined comments make a post's comments known", "[load]") {
  Input archive;  // like an X archive: no comments by other people
  archive.audience = false;
  archive.accounts.push_back(owner("me"));
  archive.posts = {post("p1", "2026-03-02T10:00:00Z", false),
                   post("p2", "2026-03-03T10:00:00Z", false),
                   post("p3", "2026-03-04T10:00:00Z", false)};
  archive.posts[1].set(PostMetric::replies, 0);
  Input replies;
  replies.comments = {loose("c1", "p1", "ann", "2026-03-02T10:10:00Z")};
  SECTION("from an input that holds other people's comments") {
    const Dataset d = build({archive, replies});
    CHECK(post_of(d, "p1").comments_known);
    CHECK(post_of(d, "p2").comments_known);  // the platform counts no replies: 0 is measured
    CHECK_FALSE(post_of(d, "p3").comments_known);
    const ror::MetricValues m = ror::compute_metrics(d, {});
    CHECK(m[ror::MetricId::conversation_rate] == Approx(1.0 / 2));
  }
  SECTION("from an input that holds none") {
    replies.audience = false;
    const Dataset d = build({archive, replies});
    CHECK(comments_of(d, "p1").size() == 1);
    CHECK_FALSE(post_of(d, "p1").comments_known);
    CHECK_FALSE(post_of(d, "p2").comments_known);
  }
}

TEST_CASE("load: the same post in two inputs is merged field by field", "[load]") {
  Input outbox;
  outbox.platform = "mastodon";
  outbox.audience = false;
  outbox.accounts.push_back(owner("me"));
  outbox.posts.push_back(post("11", "2026-03-02T10:00:00Z", false));
  outbox.posts.back().text = "three words here";
  outbox.posts.back().set(PostMetric::likes, 1);
  Input page;
  page.platform = "mastodon";
  page.posts.push_back(post("11", "2026-03-02T10:00:01Z", false));
  page.posts.back().text = "";
  page.posts.back().set(PostMetric::likes, 9);
  page.posts.back().set(PostMetric::shares, 2);
  Input x = page;
  x.platform = "x";  // the same id on another platform is another post
  const Dataset d = build({outbox, page, x}, true);
  CHECK(d.input.posts_merged == 1);
  CHECK(d.input.warnings.duplicate_post_ids == 0);
  REQUIRE(d.posts.size() == 2);
  const ror::Post& one = d.posts[0];
  CHECK(one.created_at == at("2026-03-02T10:00:01Z"));
  CHECK(one.get(PostMetric::likes) == 9);
  CHECK(one.get(PostMetric::shares) == 2);
  CHECK(one.words == 3);  // the later copy has no text
  CHECK(d.details->posts[0].text == "three words here");
  CHECK(d.post_ids == std::vector<std::string_view>{"11", "11"});
}

TEST_CASE("load: a split key given twice keeps the last array, with a warning", "[load]") {
  // (p2 in both arrays is no duplicate: the first array is gone before the second is merged)
  const std::string doc = R"({"account": {"handle": "acme"}, "posts": [
    {"id": "p1", "created_at": "2026-01-05T10:00:00Z"},
    {"id": "p2", "created_at": "2026-01-05T11:00:00Z"}],
  "posts": [{"id": "p2", "created_at": "2026-01-06T10:00:00Z"},
            {"id": "p3", "created_at": "2026-01-07T10:00:00Z"}]})";
  LoadOptions options;
  SECTION("one block") {}
  SECTION("blocks of 64 bytes, two threads") {
    options.block_bytes = 64;
    options.threads = 2;
  }
  const Dataset d = ror::test::load_text(doc, options, "twice.json");
  CHECK(d.post_ids == std::vector<std::string_view>{"p2", "p3"});
  CHECK(d.posts[0].created_at == at("2026-01-06T10:00:00Z"));
  CHECK(d.input.warnings.repeated_keys == 1);
  CHECK(d.input.warnings.total() == 1);
  CHECK(d.input.warnings.first ==
        R"(duplicate key "posts" at /posts: the last one is used (twice.json))");
}

TEST_CASE("load: a split key given again drops only what its own earlier value gave", "[load]") {
  // {"a": [p1, loose c1], "b": [p2, loose c2], "a": [p3]}, as the framing marks it: b's records
  // stay, a's first ones go; the elements a declared count is held against are those kept.
  ror::ingest::PostBatch batch("two.json");
  const auto mark = [&](ror::ingest::ItemKind kind, std::uint64_t slot, bool repeated = false) {
    ror::ingest::Item item;
    item.kind = kind;
    item.index = slot;
    item.repeated = repeated;
    batch.mark(item);
  };
  using ror::ingest::ItemKind;
  mark(ItemKind::open, 0);
  batch.post(post("p1", "2026-03-01T10:00:00Z"));
  batch.comment(loose("c1", "p2", "ann", "2026-03-02T11:00:00Z"));
  batch.elements += 2;
  mark(ItemKind::close, 0);
  mark(ItemKind::open, 1);
  batch.post(post("p2", "2026-03-02T10:00:00Z"));
  batch.comment(loose("c2", "p2", "bob", "2026-03-02T12:00:00Z"));
  batch.elements += 2;
  mark(ItemKind::close, 1);
  mark(ItemKind::open, 0, true);
  batch.post(post("p3", "2026-03-03T10:00:00Z"));
  batch.elements += 1;
  mark(ItemKind::close, 0);
  batch.expect_items(3, "totalItems");
  ror::ingest::DatasetBuilder builder;
  builder.merge(std::move(batch), 0, {"", true});
  builder.end_source(0, "two.json");
  builder.add_source("two.json", "two.json", "test", 0);
  const Dataset d = builder.finish({});
  CHECK(d.post_ids == std::vector<std::string_view>{"p2", "p3"});
  REQUIRE(comments_of(d, "p2").size() == 1);
  CHECK(comments_of(d, "p2")[0].author == "bob");
  CHECK(d.input.warnings.count_mismatches == 0);  // 2 + 2 + 1 elements, 2 of them dropped
}

TEST_CASE("load: the first warning is the first in input order", "[load]") {
  // Warnings of every kind, the earliest not the smallest message: a duplicate comment id in the
  // first post, a duplicate post id (found when batches are merged) and dangling parents later,
  // each many posts apart so that small blocks put them in different blocks.
  std::string doc = R"({"account": {"handle": "acme"}, "posts": [)";
  const auto filler = [&](int from, int to) {
    for (int i = from; i < to; ++i) {
      doc += R"({"id": "f)" + std::to_string(i) + R"(", "created_at": "2026-01-05T10:00:00Z",
        "text": "filler post with a few words"},)";
    }
  };
  doc += R"({"id": "p1", "created_at": "2026-01-05T10:00:00Z", "comments": [
      {"id": "c1", "author": "bob", "created_at": "2026-01-05T11:00:00Z"},
      {"id": "c1", "author": "eve", "created_at": "2026-01-05T12:00:00Z"}]},)";
  filler(0, 40);
  doc += R"({"id": "p1", "created_at": "2026-01-06T10:00:00Z"},)";
  filler(40, 80);
  doc += R"({"id": "p2", "created_at": "2026-01-07T10:00:00Z", "comments": [
      {"id": "c9", "author": "bob", "created_at": "2026-01-07T11:00:00Z", "parent_id": "a"}]}]})";
  const std::string first_comment = R"(duplicate comment id "c1" in post "p1" (order.json))";
  LoadOptions options;
  SECTION("one block, one thread") {
    options.threads = 1;
  }
  SECTION("blocks of 256 bytes, four threads") {
    options.block_bytes = 256;
    options.threads = 4;
  }
  SECTION("blocks of 256 bytes, two threads, three runs") {
    options.block_bytes = 256;
    options.threads = 2;
  }
  for (int run = 0; run < 3; ++run) {
    const Dataset d = ror::test::load_text(doc, options, "order.json");
    CHECK(d.input.warnings.total() == 3);
    CHECK(d.input.warnings.first == first_comment);
  }

  // Without the first post's repair, the duplicate post id comes first: it is found at the
  // merge, after the later post's dangling parent was counted, yet lies before it.
  std::string later = doc;
  const std::string repeated = R"("id": "c1", "author": "eve")";
  later.replace(later.find(repeated), repeated.size(), R"("id": "c2", "author": "eve")");
  CHECK(ror::test::load_text(later, options, "order.json").input.warnings.first ==
        R"(duplicate post id "p1"; the later post is kept (order.json))");

  // Across inputs, the order they are read in: the second input's warning is never first.
  const std::string clean = R"({"posts": [{"id": "q1", "created_at": "2026-01-05T10:00:00Z"}]})";
  const std::string dangling = R"({"posts": [{"id": "q2", "created_at": "2026-01-05T10:00:00Z",
    "comments": [{"id": "k", "author": "a", "created_at": "2026-01-05T11:00:00Z",
                  "parent_id": "zz"}]}]})";
  const Dataset two = ror::load_buffers(
      {NamedInput{"a.json", later}, NamedInput{"b.json", dangling}, NamedInput{"c.json", clean}},
      options);
  CHECK(two.input.warnings.total() == 3);
  CHECK(two.input.warnings.first == R"(duplicate post id "p1"; the later post is kept (a.json))");
  const Dataset swapped =
      ror::load_buffers({NamedInput{"b.json", dangling}, NamedInput{"a.json", later}}, options);
  CHECK(swapped.input.warnings.first ==
        R"(comment "k" names parent "zz", which is no comment of post "q2" (b.json))");
}

TEST_CASE("load: the surest importer wins, ties go to the first listed", "[load]") {
  // Both a v1.1 timeline (x-api, 90) and a Mastodon page (mastodon-api, 90): x-api is listed
  // first, so it reads the file, and a Mastodon time is no Twitter time.
  const std::string both = R"([{"id": "5", "id_str": "5", "created_at": "2026-03-02T07:10:00Z",
    "text": "x", "content": "x", "user": {"screen_name": "a"}, "account": {"acct": "a"}}])";
  CHECK(error_of("both.json", both).starts_with("\"created_at\" is not a date-time like"));
  LoadOptions mastodon;
  mastodon.from = "mastodon-api";
  CHECK(ror::test::load_text(both, mastodon, "both.json").input.formats ==
        std::vector<std::string>{"mastodon-api"});

  // An API page (x-api, 95) that happens to have "posts" (ror/v1, 60).
  const std::string page = R"({"posts": [], "data": [{"id": "1", "text": "x",
    "created_at": "2026-03-02T07:10:00Z", "author_id": "9"}], "meta": {}})";
  CHECK(ror::test::load_text(page, {}, "page.json").input.formats ==
        std::vector<std::string>{"x-api"});
  LoadOptions ror_v1;
  ror_v1.from = "ror/v1";
  CHECK(error_of("page.json", page, ror_v1) == "empty input: no posts in page.json");
  LoadOptions outbox;
  outbox.from = "mastodon-export";
  CHECK(error_of("page.json", page, outbox) ==
        "page.json does not look like mastodon-export input (a JSON object); see ror formats");
  LoadOptions nope;
  nope.from = "nope";
  try {
    ror::test::load_text(page, nope, "page.json");
    FAIL("no error");
  } catch (const ror::Error& e) {
    CHECK(e.code() == ExitCode::usage);
    CHECK(std::string(e.what()) == "--from nope: no such format (see ror formats)");
  }
}

TEST_CASE("load: a named input no importer recognises is an error", "[load]") {
  const std::string tried = ror::test::tried_importers();
  CHECK(error_of("notes.txt", "remember to buy flour\n") ==
        "notes.txt: no importer recognises this input (text that is not JSON)" + tried);
  CHECK(error_of("odd.json", R"({"kind": "Listing", "children": []})") ==
        "odd.json: no importer recognises this input (a JSON object)" + tried);
  CHECK(error_of({NamedInput{"ok.json", R"({"posts": [{"id": "p", "created_at":
    "2026-01-05T10:00:00Z"}]})"},
                  NamedInput{"list.json", "[1, 2, 3]"}}) ==
        "list.json: no importer recognises this input (a JSON array)" + tried);
}

TEST_CASE("load: a member of a directory no importer reads is counted", "[load]") {
  const ror::test::TempDir dir;
  ror::test::write_file(dir / "README.md", "# My export\n\nDownloaded in March.\n");
  ror::test::write_file(dir / "avatar.png", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  ror::test::write_file(dir / "empty.json", "");
  ror::test::write_file(dir / "posts.json",
                        R"({"posts": [{"id": "p", "created_at": "2026-01-05T10:00:00Z"}]})");
  const Dataset d = ror::load_files({dir.path().string()}, {});
  CHECK(d.posts.size() == 1);
  CHECK(d.input.files == std::vector<std::string>{dir / "posts.json"});
  CHECK(skipped(d, "files no importer reads") == 2);
  CHECK(skipped(d, "empty files") == 1);
}

TEST_CASE("load: a load that finds no post says what it passed over", "[load]") {
  const ror::test::TempDir dir;
  // The HTML form of an export: no file ror reads.
  ror::test::write_file(dir / "html/index.html", "<html><body>Your posts</body></html>\n");
  ror::test::write_file(dir / "html/posts.html", "<html><body>A post</body></html>\n");
  ror::test::write_file(dir / "html/empty.json", "");
  const auto message = [](const std::string& path) {
    try {
      ror::load_files({path}, {});
    } catch (const ror::Error& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  CHECK(message(dir / "html") == "empty input: no posts in " + dir / "html" +
                                     "; passed over: 1 empty files, 2 files no importer reads");
  // A WordPress folder of a draft, a page, a spam comment and a pingback: four reasons are
  // named, the rest summed.
  const std::string post = R"("slug": "a", "link": "https://notes.example/?p=1",
 "title": {"rendered": "A"}, "content": {"rendered": "a"}, "author": 3)";
  ror::test::write_file(dir / "wp/posts.json", R"([
{"id": 1, "date_gmt": "2026-01-05T10:00:00", "status": "draft", "type": "post", )" +
                                                   post + R"(},
{"id": 2, "date_gmt": "2026-01-06T10:00:00", "status": "publish", "type": "page", )" +
                                                   post + "}]");
  const std::string comment = R"("post": 1, "parent": 0, "author": 0, "author_name": "Oskar",
 "date_gmt": "2026-01-05T11:00:00", "content": {"rendered": "hi"})";
  ror::test::write_file(dir / "wp/comments.json", R"([
{"id": 7, "status": "spam", "type": "comment", )" + comment +
                                                      R"(},
{"id": 8, "status": "approved", "type": "pingback", )" +
                                                      comment + "}]");
  ror::test::write_file(dir / "wp/README.md", "# notes\n");
  ror::test::write_file(dir / "wp/empty.json", "");
  CHECK(message(dir / "wp") ==
        "empty input: no posts in " + dir / "wp/comments.json, " + dir / "wp/posts.json" +
            "; passed over: 1 files no importer reads, 1 comments not approved (held, spam, "
            "trash), 1 pingbacks and trackbacks (notices of links, not comments), 1 empty files, "
            "and 2 more");
  // A named input with one reason.
  const std::string drafts = R"([
{"id": 1, "date_gmt": "2026-01-05T10:00:00", "status": "draft", "type": "post", )" +
                             post + "}]";
  CHECK(error_of("posts.json", drafts) ==
        "empty input: no posts in posts.json; passed over: 1 posts not published (drafts, "
        "pending, private, trash)");
}

TEST_CASE("load: [deleted] and [removed] comments count, but as no audience member", "[load]") {
  const Dataset d = ror::load_buffers({NamedInput{"t.json", R"({"account": {"handle": "me"},
    "posts": [{"id": "p", "created_at": "2026-01-05T10:00:00Z", "comments": [
      {"id": "a", "author": "[deleted]", "created_at": "2026-01-05T11:00:00Z", "text": "one"},
      {"id": "b", "author": "[deleted]", "created_at": "2026-02-05T11:00:00Z", "text": "two"},
      {"id": "c", "author": "[removed]", "created_at": "2026-02-06T11:00:00Z", "text": "three"},
      {"id": "r", "author": "me", "parent_id": "a", "created_at": "2026-01-05T12:00:00Z"},
      {"id": "z", "author": "[deleted]", "parent_id": "r", "created_at": "2026-01-05T13:00:00Z"},
      {"id": "d", "author": "ann", "created_at": "2026-01-06T11:00:00Z", "text": "four"}]},
    {"id": "p2", "created_at": "2026-02-01T10:00:00Z", "comments": []}]})"}},
                                      {});
  CHECK(d.input.anonymous_comments == 4);
  const ror::MetricValues m = ror::compute_metrics(d, {});
  CHECK(m[ror::MetricId::audience_comments] == 5);         // counted as comments
  CHECK(m[ror::MetricId::audience] == 1);                  // ann alone is a member
  CHECK(m[ror::MetricId::retained_audience_rate] == 0.0);  // [deleted] in two months is nobody
  CHECK(m[ror::MetricId::reciprocity_rate] == 0.0);        // a [deleted] reply answers no one back
  CHECK(m[ror::MetricId::audience_concentration] == 1);
}

TEST_CASE("load: the same name on two platforms is two people", "[load]") {
  ror::ingest::DatasetBuilder builder;
  const auto batch_of = [](std::string_view author, std::string_view commenter) {
    ror::ingest::PostBatch batch(std::string(author) + ".json");
    PostRecord post;
    post.id = "p";
    post.author = author;
    post.has_author = true;
    post.created_at = at("2026-01-05T10:00:00Z");
    CommentRecord c;
    c.id = "c";
    c.author = commenter;
    c.created_at = at("2026-01-05T11:00:00Z");
    post.comments.push_back(c);
    batch.post(post);
    AccountRecord owner;
    owner.handle = std::string(author);
    batch.account(owner);
    return batch;
  };
  builder.add_source("x.json", "x.json", "test", 0);
  builder.merge(batch_of("me", "bob"), 0, {"x", true});
  builder.add_source("m.json", "m.json", "test", 0);
  // On Mastodon the account is "bob", and its commenter "me" is someone else.
  builder.merge(batch_of("bob", "me"), 1, {"mastodon", true});
  const Dataset d = builder.finish({});
  REQUIRE(d.posts.size() == 2);
  CHECK(count_kind(d, PostKind::original) == 2);  // each platform's account names its own
  const ror::MetricValues m = ror::compute_metrics(d, {});
  CHECK(m[ror::MetricId::audience_comments] == 2);  // "bob" on X and "me" on Mastodon
  CHECK(m[ror::MetricId::audience] == 2);
  CHECK(d.account.others.size() == 1);
}

TEST_CASE("load: dropping a post compacts the rest in order, with their ids, texts and comments",
          "[load]") {
  // p1 is given again in the same input (the later copy replaces it) and p4 comes from a second
  // input (its copy is merged): the kept posts move forward over the dropped ones.
  const std::string first = R"({"account": {"handle": "me"}, "posts": [
    {"id": "p1", "created_at": "2026-03-01T10:00:00Z", "text": "first copy of one"},
    {"id": "p2", "created_at": "2026-03-02T10:00:00Z", "text": "two", "comments": [
      {"id": "c1", "author": "ann", "created_at": "2026-03-02T11:00:00Z", "text": "hi two"}]},
    {"id": "p1", "created_at": "2026-03-01T10:00:00Z", "text": "second copy of one"},
    {"id": "p3", "created_at": "2026-03-03T10:00:00Z", "text": "three", "comments": [
      {"id": "c2", "author": "bob", "created_at": "2026-03-03T11:00:00Z", "text": "hi three"},
      {"id": "c3", "author": "cy", "created_at": "2026-03-03T12:00:00Z", "parent_id": "c2"}]},
    {"id": "p4", "created_at": "2026-03-04T10:00:00Z", "text": "four"}]})";
  const std::string second = R"({"account": {"handle": "me"}, "posts": [
    {"id": "p4", "created_at": "2026-03-04T10:00:00Z", "text": "four", "metrics": {"likes": 3}},
    {"id": "p5", "created_at": "2026-03-05T10:00:00Z", "text": "five"}]})";
  for (const bool details : {false, true}) {
    LoadOptions options;
    options.keep_details = details;
    const Dataset d =
        ror::load_buffers({NamedInput{"a.json", first}, NamedInput{"b.json", second}}, options);
    CHECK(d.input.warnings.duplicate_post_ids == 1);
    CHECK(d.input.posts_merged == 1);
    REQUIRE(d.posts.size() == 5);
    REQUIRE(d.post_ids.size() == 5);
    CHECK(d.post_ids == std::vector<std::string_view>{"p2", "p1", "p3", "p4", "p5"});
    CHECK(d.posts[1].created_at == at("2026-03-01T10:00:00Z"));
    CHECK(d.posts[3].get(PostMetric::likes) == 3);
    REQUIRE(comments_of(d, "p2").size() == 1);
    CHECK(comments_of(d, "p2")[0].author == "ann");
    REQUIRE(comments_of(d, "p3").size() == 2);
    CHECK(comments_of(d, "p3")[1].parent == 0);
    CHECK(comments_of(d, "p1").empty());
    for (std::size_t i = 0; i < d.comments.size(); ++i) {
      CHECK(d.posts[d.comments[i].post].first_comment <= i);
    }
    if (details) {
      REQUIRE(d.details->posts.size() == 5);
      CHECK(ror::test::text_of(d, "p1") == "second copy of one");
      CHECK(ror::test::text_of(d, "p3") == "three");
      CHECK(ror::test::text_of(d, "p5") == "five");
      REQUIRE(d.details->comments.size() == 3);
      CHECK(d.details->comments[0].text == "hi two");
      CHECK(d.details->comments[1].text == "hi three");
    }
  }
}
