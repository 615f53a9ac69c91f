// The Facebook importer (src/importers/facebook.cpp) on tests/fixtures/importers/facebook
// (Defne Yılmaz's "Download your information", every text mojibake as Meta writes it) and
// facebook.zip, the same folder zipped.
#include <catch2/catch.hpp>

#include "importer_fixtures.hpp"

using ror::Dataset;
using ror::MetricId;
using ror::PostKind;
using ror::Unknown;
using ror::test::at;
using ror::test::count_kind;
using ror::test::error_of;
using ror::test::load_fixture;
using ror::test::skipped;

namespace {

constexpr const char* kReactions = "reactions the account gave (on others' posts)";
constexpr const char* kOwn =
    "the account's comments under its own posts (the export does not say which post)";
constexpr const char* kUnnamed =
    "the account's comments whose post's author the title does not name";

// The index of the post whose text is `text` (details kept), or posts.size().
std::size_t with_text(const Dataset& d, std::string_view text) {
  for (std::size_t i = 0; i < d.posts.size(); ++i) {
    if (d.details->posts[i].text == text) {
      return i;
    }
  }
  return d.posts.size();
}

}  // namespace

TEST_CASE("facebook: your_posts_1.json alone", "[importer][facebook]") {
  ror::LoadOptions options;
  options.keep_details = true;
  const Dataset d = load_fixture({"facebook/posts/your_posts_1.json"}, options);
  CHECK(d.input.formats == std::vector<std::string>{"facebook"});
  CHECK(d.input.posts_read == 6);
  // An entry with only a time: what was posted is unknown, so it is no (empty) post.
  CHECK(skipped(d, "posts the export gives only a time for (no text, title or attachment)") == 1);
  CHECK(count_kind(d, PostKind::original) == 5);
  CHECK(count_kind(d, PostKind::outreach) == 1);  // "... wrote on Selin Kaya's timeline."
  // The mojibake read back: Turkish, an emoji, Greek; a real Latin-1 text left as it is.
  const std::size_t first = with_text(
      d, "Bug\u00fcn at\u00f6lyede \u00e7\u00f6mlek yapt\u0131k \u2615 #seramik #at\u00f6lye");
  REQUIRE(first < d.posts.size());
  CHECK(d.posts[first].created_at == at("2024-02-04T10:00:00Z"));
  CHECK(d.posts[first].hashtags == 2);
  CHECK(with_text(d, "F\u0131r\u0131ndan yeni \u00e7\u0131kt\u0131, s\u0131rlar tuttu") <
        d.posts.size());  // a photo's description, the post having no text
  const std::size_t greek =
      with_text(d,
                "\u039a\u03b5\u03c1\u03b1\u03bc\u03b9\u03ba\u03ae \u03bc\u03b5 "
                "\u03c6\u03af\u03bb\u03bf\u03c5\u03c2, "
                "\u03c0\u03bf\u03bb\u03cd \u03c9\u03c1\u03b1\u03af\u03b1 \u03bc\u03ad\u03c1\u03b1");
  REQUIRE(greek < d.posts.size());
  CHECK(d.posts[greek].mentions == 2);  // the people tagged
  CHECK(with_text(d, "caf\u00e9 cr\u00e8me at the studio") < d.posts.size());
  const std::size_t birthday = with_text(d, "Happy birthday Selin! \U0001F389\U0001F382");
  REQUIRE(birthday < d.posts.size());
  CHECK(d.posts[birthday].kind == PostKind::outreach);
  CHECK(d.authors.name(d.posts[birthday].reply_to) == "Selin Kaya");
  for (const ror::Post& p : d.posts) {
    CHECK_FALSE(p.comments_known);
    CHECK(p.known == 0);
  }
  const ror::MetricValues m = ror::compute_metrics(d, {});
  CHECK(m.why_unknown(MetricId::comments) == Unknown::no_comments);
  CHECK(m.why_unknown(MetricId::likes) == Unknown::not_carried);
  CHECK(m.why_unknown(MetricId::followers) == Unknown::not_carried);
}

TEST_CASE("facebook: posts and comments in groups", "[importer][facebook]") {
  const std::string posts = R"({"group_posts_v2": [
{"timestamp": 1700200000, "data": [{"post": "Kiln open day on Saturday"}],
 "title": "Defne Yilmaz posted in Ankara Potters."}]})";
  const std::string comments = R"({"group_comments_v2": [
{"timestamp": 1700300000, "data": [{"comment": {"timestamp": 1700300000,
  "comment": "I will bring the glazes", "author": "Defne Yilmaz", "group": "Ankara Potters"}}],
 "title": "Defne Yilmaz commented on Selin Kaya's post."}]})";
  const Dataset d = ror::load_buffers({ror::NamedInput{"your_posts_in_groups.json", posts},
                                       ror::NamedInput{"your_comments_in_groups.json", comments}},
                                      {});
  CHECK(d.input.formats == std::vector<std::string>{"facebook", "facebook"});
  CHECK(count_kind(d, PostKind::original) == 1);
  CHECK(count_kind(d, PostKind::outreach) == 1);  // the comment, answering Selin Kaya
}

TEST_CASE("facebook: a share with no words of the account's is not its post",
          "[importer][facebook]") {
  // Shares of another's post and of a memory, with no text: passed over as reposts are. A shared
  // link, and a share the account wrote words on, stay its posts.
  const std::string posts = R"([
{"timestamp": 1707300000, "data": [], "title": "Defne Yilmaz shared Selin Kaya's post."},
{"timestamp": 1707300100, "data": [], "title": "Defne Yilmaz shared a memory."},
{"timestamp": 1707300200, "data": [], "title": "Defne Yilmaz shared her own post."},
{"timestamp": 1707300300, "data": [], "title": "Defne Yilmaz shared Selin Kaya\u00e2\u0080\u0099s video."},
{"timestamp": 1707300400, "data": [], "title": "Defne Yilmaz shared a link.",
 "attachments": [{"data": [{"external_context": {"url": "https://pottery.example/kiln"}}]}]},
{"timestamp": 1707300500, "data": [{"post": "Worth a read before firing."}],
 "title": "Defne Yilmaz shared Selin Kaya's post."}])";
  const Dataset d = ror::test::load_text(posts, {}, "your_posts_1.json");
  CHECK(d.input.posts_read == 2);
  CHECK(skipped(d,
                "shares of others' posts and of memories, with no words of the account's (not "
                "its writing)") == 4);
  CHECK(count_kind(d, PostKind::original) == 2);
}

TEST_CASE("facebook: the whole export", "[importer][facebook]") {
  for (const char* path : {"facebook", "facebook.zip"}) {
    INFO(path);
    ror::LoadOptions options;
    options.keep_details = true;
    const Dataset d = load_fixture({path}, options);
    CHECK(d.input.files.size() == 5);
    CHECK(d.account.handle == "Defne Y\u0131lmaz");  // profile_information.json, repaired
    CHECK_FALSE(d.account.inferred);
    CHECK(d.account.followers == 3);  // followers.json's entries
    CHECK(d.input.posts_read == 9);   // 6 posts, 3 comments on others' posts
    CHECK(count_kind(d, PostKind::original) == 5);
    CHECK(count_kind(d, PostKind::outreach) == 4);
    CHECK(skipped(d, kReactions) == 3);
    CHECK(skipped(d, kOwn) == 1);
    CHECK(skipped(d, kUnnamed) == 1);  // a title in French
    const std::size_t thanks = with_text(d, "Te\u015fekk\u00fcrler \U0001F64F");
    REQUIRE(thanks < d.posts.size());
    CHECK(d.posts[thanks].created_at == at("2024-02-04T13:00:00Z"));
    CHECK(d.authors.name(d.posts[thanks].reply_to) ==
          "\u039d\u03af\u03ba\u03bf\u03c2 "
          "\u03a0\u03b1\u03c0\u03b1\u03b4\u03cc\u03c0\u03bf\u03c5\u03bb\u03bf\u03c2");
    const ror::MetricValues m = ror::compute_metrics(d, {});
    CHECK(m[MetricId::posts] == 9);
    CHECK(m[MetricId::outreach_replies] == 4);
    CHECK(m[MetricId::outreach_people] == 2);  // Selin Kaya and Nikos
    CHECK(m[MetricId::followers] == 3);
    CHECK(m.why_unknown(MetricId::comments) == Unknown::no_comments);
  }
}

TEST_CASE("facebook: posts without an id get the same id read twice", "[importer][facebook]") {
  // The folder and its zip together: every post is seen twice, in two inputs, and merged.
  const Dataset d = load_fixture({"facebook/posts/your_posts_1.json", "facebook.zip"});
  CHECK(d.input.posts_merged == 6);
  CHECK(d.posts.size() == 9);
  CHECK(d.input.warnings.total() == 0);
}

TEST_CASE("facebook: detection", "[importer][facebook]") {
  const std::string post = R"([{"timestamp": 1707040800, "data": [{"post": "hi"}]}])";
  CHECK(ror::test::load_text(post, {}, "p.json").input.formats ==
        std::vector<std::string>{"facebook"});
  // An Instagram posts file and an X archive are not Facebook's.
  CHECK(ror::test::load_text(R"([{"media": [{"uri": "a.jpg", "creation_timestamp": 1707040800,
      "title": ""}]}])",
                             {}, "posts_1.json")
            .input.formats == std::vector<std::string>{"instagram"});
  CHECK(
      error_of("other.json", R"({"comments": [1, 2]})").find("no importer recognises this input") !=
      std::string::npos);
  ror::LoadOptions from;
  from.from = "facebook";
  CHECK(ror::test::load_text(post, from, "p.json").input.posts_read == 1);
  from.from = "youtube-api";
  CHECK(error_of("p.json", post, from) ==
        "p.json does not look like youtube-api input (a JSON array); see ror formats");
}

TEST_CASE("facebook: malformed files are one-line errors", "[importer][facebook]") {
  CHECK(error_of("your_posts_1.json",
                 "[{\"timestamp\": 1707040800, \"data\": []},\n{\"data\": [{\"post\": \"x\"}]}]") ==
        "a post needs a \"timestamp\" at /1 (your_posts_1.json:2)");
  CHECK(error_of("your_posts_1.json",
                 "[{\"timestamp\": 1707040800, \"data\": []},\n{\"timestamp\": \"soon\", "
                 "\"data\": []}]")
            .starts_with("\"timestamp\" is not"));
  CHECK(error_of("your_posts_1.json",
                 "[{\"timestamp\": 1707040800, \"data\": []},\n{\"timestamp\": 1707040801, "
                 "\"data\": [{\"post\": 5}]}]") ==
        "\"post\" must be a string, not a number at /1/data/0/post (your_posts_1.json:2)");
  CHECK(
      error_of("comments.json",
               "{\"comments_v2\": [\n{\"timestamp\": 1707040800, \"title\": [], \"data\": []}]}") ==
      "\"title\" must be a string, not an array at /comments_v2/0/title (comments.json:2)");
  CHECK(error_of("your_posts_1.json", "[{\"timestamp\": 1707040800, \"data\": [{\"po") ==
        "malformed JSON: unterminated string (your_posts_1.json:1:41)");
}
