// The WordPress importers on tests/fixtures/importers: the REST API's responses
// (src/importers/wordpress_api.cpp; wordpress-api/: a posts page by two authors, comments of two
// of its posts, the users, tags, a page, a post with ?_embed, saved headers) and the export file
// (src/importers/wordpress_wxr.cpp; wordpress-wxr/blog.xml: two posts, a page, a draft, an
// attachment and a menu item; nested comments with one by the author, a spam comment, a held one
// and a pingback).
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include "importer_fixtures.hpp"

using ror::Dataset;
using ror::MetricId;
using ror::PostKind;
using ror::PostMetric;
using ror::Unknown;
using ror::test::at;
using ror::test::comments_of;
using ror::test::count_kind;
using ror::test::error_of;
using ror::test::load_fixture;
using ror::test::post_of;
using ror::test::skipped;

namespace {

constexpr const char* kUnapproved = "comments not approved (held, spam, trash)";
constexpr const char* kPings = "pingbacks and trackbacks (notices of links, not comments)";
constexpr const char* kOrphans = "comments whose post is not in the input";

ror::LoadOptions with_details() {
  ror::LoadOptions o;
  o.keep_details = true;
  return o;
}

bool named(const Dataset& d, const std::string& name) {
  return std::find(d.account.names.begin(), d.account.names.end(), name) != d.account.names.end();
}

}  // namespace

TEST_CASE("wordpress-api: a posts page", "[importer][wordpress-api]") {
  const Dataset d = load_fixture({"wordpress-api/posts.json"}, with_details());
  CHECK(d.input.formats == std::vector<std::string>{"wordpress-api"});
  CHECK(d.input.posts_read == 3);
  // The site is the account: both authors of its posts, by user id, as nothing names it.
  CHECK(d.account.inferred);
  CHECK(d.account.names == std::vector<std::string>{"3", "5"});
  CHECK(count_kind(d, PostKind::original) == 3);
  const ror::Post& rye = post_of(d, "101");
  CHECK(rye.created_at == at("2026-03-02T14:15:00Z"));  // date_gmt, not the local date
  CHECK(rye.hashtags == 1);  // #baking in the text; the tag ids 7 and 8 are not hashtags
  CHECK(rye.known == 0);     // the API has no likes, shares or comment counts
  CHECK_FALSE(rye.comments_known);
  CHECK(ror::test::text_of(d, "101").rfind("Rye season \u2013 again\n\nThe first rye", 0) == 0);
  CHECK(d.details->posts[ror::test::index_of(d, "101")].url ==
        "https://notes.example/2026/03/rye-season/");
  const ror::MetricValues m = ror::compute_metrics(d, {});
  CHECK(m.why_unknown(MetricId::comments) == Unknown::no_comments);
  CHECK(m.why_unknown(MetricId::likes) == Unknown::not_carried);
  CHECK(m.why_unknown(MetricId::impressions) == Unknown::not_carried);
  CHECK(m[MetricId::hashtag_abuse_rate] == 0);
}

TEST_CASE("wordpress-api: comments before their posts, users after them",
          "[importer][wordpress-api]") {
  const Dataset d = load_fixture(
      {"wordpress-api/comments.json", "wordpress-api/posts.json", "wordpress-api/users.json"});
  CHECK(d.input.posts_read == 3);
  CHECK(d.account.inferred);
  CHECK(d.account.handle == "mira");  // user 3's profile: the first author the users file names
  CHECK(d.account.id == "3");
  CHECK(named(d, "mira holt"));
  CHECK(named(d, "tom-r"));
  CHECK(skipped(d, kUnapproved) == 1);  // the spam comment
  CHECK(skipped(d, kPings) == 1);
  CHECK(skipped(d, kOrphans) == 1);  // on post 999
  const auto rye = comments_of(d, "101");
  REQUIRE(rye.size() == 3);
  CHECK(rye[0].author == "Lena Park");
  CHECK(rye[0].parent == ror::kNone);
  CHECK(rye[1].author == "3");  // a user's comment is named by the user id, as their posts are
  CHECK(rye[1].parent == 0);
  CHECK(rye[1].created_at == at("2026-03-02T15:31:00Z"));
  CHECK(rye[2].parent == 1);
  const auto stones = comments_of(d, "102");
  REQUIRE(stones.size() == 3);
  CHECK(stones[1].author == "Mira Holt");  // a visitor by the account's name: its answer
  CHECK(stones[2].author == "anonymous");  // no name typed
  CHECK(post_of(d, "101").comments_known);
  CHECK_FALSE(post_of(d, "103").comments_known);  // no comment of it came
  const ror::MetricValues m = ror::compute_metrics(d, {});
  CHECK(m[MetricId::comments] == 6);
  CHECK(m[MetricId::audience_comments] == 4);
  CHECK(m[MetricId::audience] == 3);  // Lena Park, Oskar, anonymous
  CHECK(m[MetricId::response_time_median] == Approx((30 + 20) / 2.0 * 60));
  CHECK(m[MetricId::reciprocity_rate] == Approx(1.0 / 2));  // Lena thanked; Oskar did not
}

TEST_CASE("wordpress-api: without the users file the account's name is not known",
          "[importer][wordpress-api]") {
  const Dataset d = load_fixture({"wordpress-api/posts.json", "wordpress-api/comments.json"});
  CHECK(d.account.handle.empty());
  CHECK(comments_of(d, "102")[1].author == "Mira Holt");
  const ror::MetricValues m = ror::compute_metrics(d, {});
  CHECK(m[MetricId::audience_comments] == 5);  // "Mira Holt" is a visitor now
}

TEST_CASE("wordpress-api: --account wins over the site's authors", "[importer][wordpress-api]") {
  ror::LoadOptions options;
  options.accounts = {"mira"};
  const Dataset d = load_fixture({"wordpress-api/posts.json", "wordpress-api/users.json"}, options);
  CHECK_FALSE(d.account.inferred);
  CHECK(d.account.id == "3");  // the profile of the name given
  CHECK(count_kind(d, PostKind::original) == 2);
  CHECK(d.input.foreign_posts == 1);  // Tom's post
}

TEST_CASE("wordpress-api: a post with ?_embed", "[importer][wordpress-api]") {
  const Dataset d = load_fixture({"wordpress-api/posts-embed.json"});
  CHECK(d.input.posts_read == 1);
  CHECK(d.account.handle == "mira");  // _embedded.author
  const ror::Post& levain = post_of(d, "104");
  CHECK(levain.comments_known);  // _embedded.replies
  CHECK(levain.hashtags == 2);
  const auto replies = comments_of(d, "104");
  REQUIRE(replies.size() == 2);
  // Embedded replies carry only the local date: the post's date less its date_gmt is -7 hours.
  CHECK(replies[0].author == "3");  // newest first, as the API lists them
  CHECK(replies[0].parent == 1);
  CHECK(replies[1].author == "Oskar");
  CHECK(replies[1].created_at == at("2026-03-10T15:00:00Z"));
  const ror::MetricValues m = ror::compute_metrics(d, {});
  CHECK(m[MetricId::response_rate] == 1);
  CHECK(m[MetricId::response_time_median] == 15 * 60);
}

TEST_CASE("wordpress-api: the whole folder", "[importer][wordpress-api]") {
  const Dataset d = load_fixture({"wordpress-api"});
  CHECK(d.input.files.size() == 5);  // the headers and the tags are passed over
  CHECK(d.input.posts_read == 4);
  CHECK(d.posts.size() == 4);
  CHECK(skipped(d, "pages (the site's pages, not posts)") == 1);
  CHECK(skipped(d, "taxonomy terms (tags and categories are not hashtags)") == 1);
  CHECK(skipped(d, "HTTP response headers (X-WP-Total is not read)") == 1);
  CHECK(d.account.handle == "mira");
  const ror::MetricValues m = ror::compute_metrics(d, {});
  CHECK(m[MetricId::comments] == 8);
  CHECK(m[MetricId::audience_comments] == 5);
}

TEST_CASE("wordpress-api: detection", "[importer][wordpress-api]") {
  ror::LoadOptions forced;
  forced.from = "wordpress-api";
  CHECK(error_of("status.json", R"({"id": "1", "created_at": "2026-03-02T07:10:00Z",
    "content": "<p>a</p>", "account": {"id": "7", "acct": "me"}})",
                 forced) ==
        "status.json does not look like wordpress-api input (a JSON object); see "
        "ror formats");
  // A WordPress user list is not a Mastodon account list, nor the other way round.
  const Dataset d = ror::test::load_text(
      R"([{"id": 1, "date_gmt": "2026-03-02T07:10:00", "title": {"rendered": "t"},
           "content": {"rendered": "c"}, "author": 1}])",
      {}, "posts.json");
  CHECK(d.input.formats == std::vector<std::string>{"wordpress-api"});
}

TEST_CASE("wordpress-api: malformed responses are one-line errors", "[importer][wordpress-api]") {
  const std::string post =
      R"({"id": 1, "date_gmt": "2026-03-02T07:10:00", "title": {"rendered": "t"},
  "content": {"rendered": "c"}, "author": 1})";
  const std::string comment =
      R"({"id": 5, "post": 1, "parent": 0, "author": 0, "author_name": "a",
  "date_gmt": "2026-03-02T08:00:00", "content": {"rendered": "c"}})";
  CHECK(error_of("posts.json", "[" + post + ",\n{\"id\": 2, \"title\": {\"rendered\": \"\"}}]") ==
        "a published post needs \"date_gmt\" at /1 (posts.json:3)");
  CHECK(error_of("posts.json", "[" + post + ",\n\"2\"]") ==
        "a post must be an object, not a string at /1 (posts.json:3)");
  CHECK(error_of("posts.json",
                 "[" + post + ",\n{\"id\": 2, \"date_gmt\": \"yesterday\", \"title\": {}}]") ==
        "\"date_gmt\" is not a date-time: \"yesterday\" at /1/date_gmt (posts.json:3)");
  CHECK(error_of("comments.json", "[" + comment + ",\n{\"id\": 6, \"author_name\": 7}]") ==
        "\"author_name\" must be a string, not a number at /1/author_name (comments.json:3)");
  CHECK(error_of("comments.json", "[" + comment + ",\n{\"id\": 6, \"author_name\": \"b\"}]") ==
        "a comment needs its \"post\" at /1 (comments.json:3)");
  CHECK(error_of("comments.json", "[" + comment + ",\n{\"id\": 6, \"post\": 1, \"conte") ==
        "malformed JSON: unterminated string (comments.json:3:28)");
}

TEST_CASE("wordpress-wxr: an export file", "[importer][wordpress-wxr]") {
  const Dataset d = load_fixture({"wordpress-wxr/blog.xml"}, with_details());
  CHECK(d.input.formats == std::vector<std::string>{"wordpress-wxr"});
  CHECK(d.input.posts_read == 2);
  // The export is the site's: its title, its address and its author.
  CHECK_FALSE(d.account.inferred);
  CHECK(d.account.handle == "Pebble Lane Pottery");
  CHECK(named(d, "ines"));
  CHECK(named(d, "ines varga"));
  CHECK(named(d, "https://pebble.example"));
  CHECK(skipped(d, "attachments (media files)") == 1);
  CHECK(skipped(d, "pages (the site's pages, not posts)") == 1);
  CHECK(skipped(d, "menu items") == 1);
  CHECK(skipped(d, "posts not published (drafts, pending, private, trash)") == 1);
  CHECK(skipped(d, "spam comments") == 1);
  CHECK(skipped(d, "comments not approved (held for moderation, trash)") == 1);
  CHECK(skipped(d, kPings) == 1);
  const ror::Post& celadon = post_of(d, "31");
  CHECK(celadon.created_at == at("2026-03-03T09:30:00Z"));
  CHECK(celadon.hashtags == 1);  // #glaze in the text; the category and tag are not hashtags
  CHECK(celadon.known == 0);
  CHECK(ror::test::text_of(d, "31").find("first coat & a slower cool") != std::string::npos);
  const auto comments = comments_of(d, "31");
  REQUIRE(comments.size() == 3);
  CHECK(comments[0].author == "Ravi");
  CHECK(comments[1].author == "ines");  // wp:comment_user_id 2: the author's login
  CHECK(comments[1].parent == 0);
  CHECK(comments[2].parent == 1);
  CHECK(comments[2].created_at == at("2026-03-03T11:30:00Z"));
  CHECK(post_of(d, "32").comments_known);  // the export holds every comment: 0 here
  CHECK(post_of(d, "32").comment_count == 0);
  const ror::MetricValues m = ror::compute_metrics(d, {});
  CHECK(m[MetricId::comments] == 3);
  CHECK(m[MetricId::audience_comments] == 2);
  CHECK(m[MetricId::response_time_median] == 45 * 60);
  CHECK(m[MetricId::reciprocity_rate] == 1);
  CHECK(m[MetricId::conversation_rate] == 1);            // two audience comments, two posts
  CHECK(m[MetricId::response_rate] == Approx(1.0 / 2));  // Ravi's thanks awaits an answer
  CHECK(m.why_unknown(MetricId::likes) == Unknown::not_carried);
}

namespace {

// A one-item export around `item` (the item's lines start on line 4).
std::string wxr(const std::string& item) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<rss version=\"2.0\" xmlns:wp=\"http://wordpress.org/export/1.2/\">\n"
         "<channel><title>T</title>\n" +
         item + "\n</channel></rss>\n";
}

}  // namespace

TEST_CASE("wordpress-wxr: bad files are one-line errors", "[importer][wordpress-wxr]") {
  const std::string ok =
      "<item><wp:post_id>1</wp:post_id><wp:post_date_gmt>2026-03-01 10:00:00</wp:post_date_gmt>"
      "<wp:post_type>post</wp:post_type><wp:status>publish</wp:status></item>";
  CHECK(ror::test::load_text(wxr(ok), {}, "a.xml").input.posts_read == 1);
  CHECK(error_of("a.xml", wxr(ok + "\n<item><wp:post_type>post</wp:post_type></item>")) ==
        "a post item needs <wp:post_id> (a.xml:5)");
  CHECK(error_of("a.xml", wxr("<item><wp:post_id>1</wp:post_id>\n<wp:post_date_gmt>soon"
                              "</wp:post_date_gmt></item>")) ==
        "wp:post_date_gmt is not a time: \"soon\" (a.xml:4)");
  CHECK(error_of("a.xml", wxr(ok).substr(0, 200)) == "malformed XML: expected '>' (a.xml:4)");
  CHECK(error_of("a.xml", wxr(ok).substr(0, 217)) ==
        "malformed XML: the file ends before <item> is closed (a.xml:4)");
  CHECK(error_of("a.xml", wxr("<item><title>x</titel></item>")) ==
        "malformed XML: Opening and ending tag mismatch: title line 4 and titel (a.xml:4)");
  CHECK(error_of("a.xml", wxr("<item><title>&nbsp;</title></item>")) ==
        "malformed XML: Entity 'nbsp' not defined (a.xml:4)");
}

TEST_CASE("wordpress-wxr: a file past 10 MB is read whole", "[importer][wordpress-wxr]") {
  // libxml2 looks at most 10 MB ahead in what it is given at once: fed as one piece, such a
  // file failed with "Huge input lookup".
  std::string items;
  int n = 0;
  while (items.size() < (std::size_t{12} << 20)) {
    ++n;
    items += fmt::format(
        "<item><wp:post_id>{}</wp:post_id><wp:post_date_gmt>2026-03-01 10:00:00"
        "</wp:post_date_gmt><wp:post_type>post</wp:post_type><wp:status>publish</wp:status>"
        "<title>{}</title></item>\n",
        n, std::string(400, 'x'));
  }
  const Dataset d = ror::test::load_text(wxr(items), {}, "big.xml");
  CHECK(d.input.posts_read == static_cast<std::uint64_t>(n));
  CHECK(d.posts.size() == static_cast<std::size_t>(n));
}

TEST_CASE("wordpress-wxr: a file that lists no authors is the site's by its posts' creators",
          "[importer][wordpress-wxr]") {
  // WXR 1.0 (WordPress 3.0 and older, and converters from other blogs) has no <wp:author>.
  const auto item = [](int id, const std::string& creator, const std::string& comments) {
    return fmt::format(
        "<item><title>Post {0}</title><dc:creator>{1}</dc:creator><wp:post_id>{0}</wp:post_id>"
        "<wp:post_date_gmt>2026-03-01 10:00:00</wp:post_date_gmt><wp:post_type>post"
        "</wp:post_type><wp:status>publish</wp:status>{2}</item>\n",
        id, creator, comments);
  };
  const std::string visitor =
      "<wp:comment><wp:comment_id>7</wp:comment_id><wp:comment_author>Oskar</wp:comment_author>"
      "<wp:comment_date_gmt>2026-03-01 11:00:00</wp:comment_date_gmt><wp:comment_content>Nice"
      "</wp:comment_content><wp:comment_approved>1</wp:comment_approved></wp:comment>";
  const std::string channel =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" "
      "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
      "xmlns:wp=\"http://wordpress.org/export/1.0/\">\n<channel><title>Ann's Blog</title>\n";
  const Dataset d = ror::test::load_text(
      channel + item(1, "ann", visitor) + item(2, "bo", "") + "</channel></rss>\n", {}, "a.xml");
  CHECK(d.posts.size() == 2);
  CHECK(d.input.foreign_posts == 0);
  CHECK(count_kind(d, PostKind::original) == 2);
  CHECK(d.account.handle == "Ann's Blog");
  // A WordPress.com export: the site is the network, the blog is the account's.
  const std::string wpcom =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" "
      "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
      "xmlns:wp=\"http://wordpress.org/export/1.2/\">\n<channel><title></title>"
      "<wp:base_site_url>http://wordpress.com/</wp:base_site_url>"
      "<wp:base_blog_url>https://kilnnotes.wordpress.com</wp:base_blog_url>\n" +
      item(1, "ann", "") + "</channel></rss>\n";
  CHECK(ror::test::load_text(wpcom, {}, "c.xml").account.handle ==
        "https://kilnnotes.wordpress.com");
  const ror::MetricValues m = ror::compute_metrics(d, {});
  CHECK(m[MetricId::audience_comments] == 1);
  // Read in blocks, each block names the creators of its own posts.
  std::string items;
  int n = 0;
  while (items.size() < (std::size_t{24} << 20)) {
    ++n;
    // (Ann's posts in the first blocks only: the last block sees only Bo's)
    items += item(n, items.size() < (std::size_t{12} << 20) ? "ann" : "bo", std::string(200, ' '));
  }
  const Dataset big = ror::test::load_text(channel + items + "</channel></rss>\n", {}, "b.xml");
  CHECK(big.input.foreign_posts == 0);
  CHECK(big.posts.size() == static_cast<std::size_t>(n));
}

TEST_CASE("wordpress-wxr: entities are never declared", "[importer][wordpress-wxr]") {
  // "Billion laughs": ten entities each ten times the one before. A DOCTYPE ends the parse
  // before its declarations are read, so nothing is expanded, nor any file or URL loaded.
  std::string lol = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n<!ENTITY l0 \"lol\">\n";
  for (int i = 1; i < 10; ++i) {
    lol += "<!ENTITY l" + std::to_string(i) + " \"";
    for (int k = 0; k < 10; ++k) {
      lol += "&l" + std::to_string(i - 1) + ";";
    }
    lol += "\">\n";
  }
  lol +=
      "<!ENTITY ext SYSTEM \"file:///etc/passwd\">\n]>\n"
      "<rss xmlns:wp=\"http://wordpress.org/export/1.2/\"><channel><title>&l9;&ext;</title>"
      "</channel></rss>\n";
  ror::LoadOptions forced;
  forced.from = "wordpress-wxr";
  CHECK(error_of("lol.xml", lol, forced) ==
        "a WXR file has no DOCTYPE (entity declarations are not read) (lol.xml:1)");
}

TEST_CASE("wordpress-wxr: detection", "[importer][wordpress-wxr]") {
  // A blog's RSS feed is not an export.
  const std::string feed =
      "<?xml version=\"1.0\"?>\n<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
      "<channel><title>T</title></channel></rss>\n";
  CHECK(error_of("feed.xml", feed).find("no importer recognises this input") != std::string::npos);
  ror::LoadOptions forced;
  forced.from = "wordpress-wxr";
  CHECK(error_of("posts.json", R"([{"id": 1}])", forced) ==
        "posts.json does not look like wordpress-wxr input (a JSON array); see ror formats");
}
