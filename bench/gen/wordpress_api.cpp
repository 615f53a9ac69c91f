// --format wordpress-api: a folder of WordPress REST API responses as a crawler saves them, one
// response per file: posts-N.json (GET /wp-json/wp/v2/posts?per_page=100&page=N, newest first),
// comments-N.json (GET /wp/v2/comments?per_page=100&page=N: every approved comment of the site,
// the comments of a page arriving apart from their posts), users.json (/wp/v2/users: the site's
// authors), tags.json and categories.json (taxonomy terms), and the saved HTTP headers of the
// first page of each listing (X-WP-Total). PHP's json_encode writes them: compact, '/' as "\/",
// every non-ASCII character as \uXXXX.
//
// The site is the account: a blog of the brand with one to three authors. A conversation of the
// stream is a post (its original) with its comments: other people's replies (visitors named by
// what they typed, author 0, and a few registered users), the answers of the post's author (their
// user id) and the account's continuation of its own thread. Outreach and reposts have no place
// on a blog and are not written. The stream runs oldest first, so that post and comment ids grow
// as WordPress's do; each page is written newest first and the pages are numbered from the newest
// once the last is known.
//
// The WordPress site (wordpress.hpp) is the one --format wordpress-wxr exports for the same seed.
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "gen/formats.hpp"
#include "gen/json_writer.hpp"
#include "gen/output.hpp"
#include "gen/people.hpp"
#include "gen/status_text.hpp"
#include "gen/statuses.hpp"
#include "gen/wordpress.hpp"

namespace gen {

namespace {

constexpr size_t kPerPage = 100;  // the API's per_page at most

// PHP's json_encode: compact, '/' as "\/", every non-ASCII character as \uXXXX.
constexpr JsonStyle kPhpStyle{false, ":", ",", Escape::ascii_slash};

// 32 hex digits, as a Gravatar hash (of an email address) reads.
void put_hash(std::string& s, uint64_t v) {
  static constexpr char kHex[] = "0123456789abcdef";
  for (int i = 0; i < 2; ++i) {
    const uint64_t h = splitmix64(v);
    for (int k = 60; k >= 0; k -= 4) {
      s.push_back(kHex[(h >> k) & 15]);
    }
  }
}

class WordpressApi {
 public:
  WordpressApi(const StatusStream& stream, uint64_t seed)
      : people_(stream.brand(), stream.audience(), stream.account_key(), stream.followers()),
        audience_(stream.audience()),
        brand_(stream.brand()),
        text_maker_(stream.brand(), stream.audience()),
        site_(stream.brand(), seed),
        api_(site_.url + "/wp-json/wp/v2/"),
        tag_counts_(plain_lexicon().tags.size()) {}

  const std::string& api() const { return api_; }
  int authors() const { return site_.authors; }

  // The post of a conversation (its original, unit[0]) and its comments, into `post` and one
  // string per comment (appended to `comments`).
  void conversation(const std::vector<Status>& unit, std::string& post,
                    std::vector<std::string>& comments, size_t& n_comments) {
    const Status& s = unit[0];
    wp::plan_post(post_, site_, text_maker_, s, post_id_);
    const uint64_t id = post_.id, media = post_.media;
    const int author = post_.author;

    post.clear();
    JsonWriter w(post, kPhpStyle);
    w.begin_object();
    w.field_number("id", id);
    time_field(w, "date", s.t, site_.offset);
    time_field(w, "date_gmt", s.t, 0);
    w.key("guid").begin_object();
    w.field("rendered", site_.url + "/?p=" + std::to_string(id));
    w.end_object();
    const int64_t modified = s.edited ? s.t + (s.t - s.edit_t) : s.t;
    time_field(w, "modified", modified, site_.offset);
    time_field(w, "modified_gmt", modified, 0);
    w.field("slug", post_.slug);
    w.field("status", "publish");
    w.field("type", "post");
    w.field("link", post_.link);
    html_.clear();
    wp::words_html(html_, post_.title, true);
    w.key("title").begin_object();
    w.field("rendered", html_);
    w.end_object();
    content(media, s.t);
    w.key("content").begin_object();
    w.field("rendered", html_);
    w.key("protected").boolean(false);
    w.end_object();
    excerpt();
    w.key("excerpt").begin_object();
    w.field("rendered", html_);
    w.key("protected").boolean(false);
    w.end_object();
    w.field_number("author", static_cast<uint64_t>(author));
    w.field_number("featured_media", media);
    w.field("comment_status", "open");
    w.field("ping_status", "open");
    w.key("sticky").boolean(false);
    w.field("template", "");
    w.field("format", "standard");
    w.key("meta").begin_object();
    w.field("footnotes", "");
    w.end_object();
    w.key("categories").begin_array();
    for (const uint64_t category : post_.categories) {
      if (category != 0) {
        w.number(category);
      }
    }
    w.end_array();
    w.key("tags").begin_array();
    for (const size_t k : post_.tags) {
      w.number(wp::kFirstTagId + k);
      ++tag_counts_[k];
    }
    w.end_array();
    post_links(w, id, author, media);
    w.end_object();

    // The comments, oldest first: ids as they were given.
    ids_.assign(unit.size(), 0);
    for (size_t i = 1; i < unit.size(); ++i) {
      uint64_t held = 0;
      ids_[i] = wp::comment_id(unit[i], comment_id_, held);
      if (n_comments == comments.size()) {
        comments.emplace_back();
      }
      comment(unit[i], unit, id, author, comments[n_comments++]);
    }
    wp::pingback_id(s, comment_id_);
  }

  // users.json: the site's authors.
  std::string users() {
    std::string s;
    JsonWriter w(s, kPhpStyle);
    w.begin_array();
    for (int id = 1; id <= site_.authors; ++id) {
      w.begin_object();
      w.field_number("id", static_cast<uint64_t>(id));
      scratch_.clear();
      wp::author_name(scratch_, brand_, id);
      w.field("name", scratch_);
      w.field("url", "https://" + std::string(brand_.domain));
      w.field("description", id == 1 ? "News, recipes and stories from our cafés." : "");
      scratch_.clear();
      wp::author_slug(scratch_, brand_, id);
      const std::string slug = scratch_;
      w.field("link", site_.url + "/author/" + slug + "/");
      w.field("slug", slug);
      avatars(w, "avatar_urls", static_cast<uint64_t>(id) ^ 0xa17ULL);
      w.key("meta").empty_array();
      w.key("_links").begin_object();
      link_list(w, "self", api_ + "users/" + std::to_string(id));
      link_list(w, "collection", api_ + "users");
      w.end_object();
      w.end_object();
    }
    w.end_array();
    return s;
  }

  // tags.json: the terms of the pool's hashtags with the number of posts carrying each.
  std::string tags() {
    std::string s;
    JsonWriter w(s, kPhpStyle);
    w.begin_array();
    const auto pool = plain_lexicon().tags;
    for (size_t k = 0; k < pool.size(); ++k) {
      scratch_.clear();
      wp::slug(scratch_, pool[k]);
      term(w, 10 + k, tag_counts_[k], pool[k], scratch_, "post_tag", "tags");
    }
    w.end_array();
    return s;
  }

  std::string categories() {
    std::string s;
    JsonWriter w(s, kPhpStyle);
    w.begin_array();
    term(w, 1, 0, "Uncategorized", "uncategorized", "category", "categories");
    for (size_t k = 0; k < std::size(wp::kCategories); ++k) {
      scratch_.clear();
      wp::slug(scratch_, wp::kCategories[k]);
      term(w, 2 + k, 0, wp::kCategories[k], scratch_, "category", "categories");
    }
    w.end_array();
    return s;
  }

 private:
  void time_field(JsonWriter& w, std::string_view k, int64_t t, int offset) {
    scratch_.clear();
    put_local_time(scratch_, t, offset, 'T');
    w.field(k, scratch_);
  }

  void link_list(JsonWriter& w, std::string_view k, const std::string& href) {
    w.key(k).begin_array();
    w.begin_object();
    w.field("href", href);
    w.end_object();
    w.end_array();
  }

  void embeddable(JsonWriter& w, std::string_view k, const std::string& href,
                  std::string_view post_type = {}) {
    w.key(k).begin_array();
    w.begin_object();
    w.key("embeddable").boolean(true);
    if (!post_type.empty()) {
      w.field("post_type", post_type);
    }
    w.field("href", href);
    w.end_object();
    w.end_array();
  }

  void avatars(JsonWriter& w, std::string_view k, uint64_t who) {
    w.key(k).begin_object();
    std::string hash;
    put_hash(hash, who);
    for (const std::string_view size : {"24", "48", "96"}) {
      w.field(size, "https://secure.gravatar.com/avatar/" + hash + "?s=" + std::string(size) +
                        "&d=mm&r=g");
    }
    w.end_object();
  }

  void term(JsonWriter& w, uint64_t id, uint64_t count, std::string_view name,
            const std::string& slug, std::string_view taxonomy, std::string_view route) {
    w.begin_object();
    w.field_number("id", id);
    w.field_number("count", count);
    w.field("description", "");
    w.field("link", site_.url + (taxonomy == "category" ? "/category/" : "/tag/") + slug + "/");
    w.field("name", name);
    w.field("slug", slug);
    w.field("taxonomy", taxonomy);
    if (taxonomy == "category") {
      w.field_number("parent", 0);
    }
    w.key("meta").empty_array();
    w.key("_links").begin_object();
    link_list(w, "self", api_ + std::string(route) + "/" + std::to_string(id));
    link_list(w, "collection", api_ + std::string(route));
    link_list(w, "about", api_ + "taxonomies/" + std::string(taxonomy));
    link_list(w, "wp:post_type",
              api_ + "posts?" + std::string(taxonomy == "category" ? "categories" : "tags") + "=" +
                  std::to_string(id));
    curies(w);
    w.end_object();
    w.end_object();
  }

  void curies(JsonWriter& w) {
    w.key("curies").begin_array();
    w.begin_object();
    w.field("name", "wp");
    w.field("href", "https://api.w.org/{rel}");
    w.key("templated").boolean(true);
    w.end_object();
    w.end_array();
  }

  // content.rendered: the blocks as rendered, blank lines between them; a heading now and then,
  // the featured image as a figure.
  void content(uint64_t media, int64_t t) {
    html_.clear();
    for (size_t k = 0; k < post_.paragraphs.size(); ++k) {
      if (k == 1 && media != 0) {
        const std::string upload = site_.url + "/wp-content/uploads/" + wp::upload_dir(t);
        const std::string file = wp::image_file(media);
        html_ +=
            "\n\n<figure class=\"wp-block-image size-large\"><img decoding=\"async\" "
            "width=\"1024\" height=\"683\" src=\"";
        html_ += upload + file + "-1024x683.jpg\" alt=\"\" class=\"wp-image-" +
                 std::to_string(media) + "\" srcset=\"" + upload + file + "-1024x683.jpg 1024w, " +
                 upload + file + "-300x200.jpg 300w, " + upload + file +
                 "-768x512.jpg 768w\" sizes=\"(max-width: 1024px) 100vw, 1024px\" /></figure>\n";
      }
      if (!post_.headings[k].empty()) {
        html_ += "\n\n<h2 class=\"wp-block-heading\">";
        wp::words_html(html_, post_.headings[k], true);
        html_ += "</h2>\n";
      }
      html_ += "\n\n<p>";
      wp::inline_html(html_, post_.paragraphs[k], people_, true, "");
      html_ += "</p>\n";
    }
    html_.erase(0, 1);  // the first block's blank line is one newline
  }

  // excerpt.rendered: the first 55 words of the text, then " [&hellip;]".
  void excerpt() {
    std::string plain;
    size_t words = 0;
    bool cut = false;
    for (const Text& t : post_.paragraphs) {
      for (const Piece& p : t.pieces) {
        if (p.kind == PieceKind::mention) {
          continue;
        }
        plain += p.kind == PieceKind::hashtag ? "#" : "";
        for (const char c : t.of(p)) {
          const bool space = c == ' ' || c == '\n';
          if (space && !plain.empty() && plain.back() != ' ') {
            if (++words == 55) {
              cut = true;
              break;
            }
            plain.push_back(' ');
          } else if (!space) {
            plain.push_back(c);
          }
        }
        if (cut) {
          break;
        }
      }
      if (cut) {
        break;
      }
      plain.push_back(' ');
    }
    while (!plain.empty() && plain.back() == ' ') {
      plain.pop_back();
    }
    html_ = "<p>";
    wp::words_html(html_, plain, true);
    html_ += cut ? " [&hellip;]</p>\n" : "</p>\n";
  }

  void post_links(JsonWriter& w, uint64_t id, int author, uint64_t media) {
    const std::string ids = std::to_string(id);
    w.key("_links").begin_object();
    link_list(w, "self", api_ + "posts/" + ids);
    link_list(w, "collection", api_ + "posts");
    link_list(w, "about", api_ + "types/post");
    embeddable(w, "author", api_ + "users/" + std::to_string(author));
    embeddable(w, "replies", api_ + "comments?post=" + ids);
    w.key("version-history").begin_array();
    w.begin_object();
    w.field_number("count", 1);
    w.field("href", api_ + "posts/" + ids + "/revisions");
    w.end_object();
    w.end_array();
    if (media != 0) {
      embeddable(w, "wp:featuredmedia", api_ + "media/" + std::to_string(media));
    }
    link_list(w, "wp:attachment", api_ + "media?parent=" + ids);
    w.key("wp:term").begin_array();
    for (const std::string_view tax : {"category", "post_tag"}) {
      w.begin_object();
      w.field("taxonomy", tax);
      w.key("embeddable").boolean(true);
      w.field("href", api_ + (tax == "category" ? "categories" : "tags") + "?post=" + ids);
      w.end_object();
    }
    w.end_array();
    curies(w);
    w.end_object();
  }

  void comment(const Status& c, const std::vector<Status>& unit, uint64_t post, int post_author,
               std::string& out) {
    Rng rng(0);
    int account_author = post_author;
    wp::comment_text(text_maker_, unit, c, site_, post_author, rng, text_, account_author);
    const uint64_t id = ids_[static_cast<size_t>(&c - unit.data())];
    const uint64_t parent_id = c.parent > 0 ? ids_[static_cast<size_t>(c.parent)] : 0;
    const uint64_t user =
        c.by_account() ? static_cast<uint64_t>(account_author) : wp::user_id(audience_, c.author);

    out.clear();
    JsonWriter w(out, kPhpStyle);
    w.begin_object();
    w.field_number("id", id);
    w.field_number("post", post);
    w.field_number("parent", parent_id);
    w.field_number("author", user);
    scratch_.clear();
    if (c.by_account()) {
      wp::author_name(scratch_, brand_, account_author);
    } else {
      wp::visitor_name(scratch_, people_, audience_, c.author);
    }
    w.field("author_name", scratch_);
    if (c.by_account()) {
      w.field("author_url", "https://" + std::string(brand_.domain));
    } else if (rng.per_mille(200)) {
      scratch_ = "https://";
      wp::blog_name(scratch_, people_, c.author);
      scratch_ += ".blog.example/";
      w.field("author_url", scratch_);
    } else {
      w.field("author_url", "");
    }
    time_field(w, "date", c.t, site_.offset);
    time_field(w, "date_gmt", c.t, 0);
    html_ = "<p>";
    wp::inline_html(html_, text_, people_, true, "nofollow ugc");
    html_ += "</p>\n";
    w.key("content").begin_object();
    w.field("rendered", html_);
    w.end_object();
    w.field("link", post_.link + "#comment-" + std::to_string(id));
    w.field("status", "approved");
    w.field("type", "comment");
    avatars(w, "author_avatar_urls",
            c.by_account() ? static_cast<uint64_t>(account_author) ^ 0xa17ULL
                           : audience_.key(static_cast<uint64_t>(c.author)) ^ 0xc0ffeeULL);
    w.key("meta").empty_array();
    w.key("_links").begin_object();
    link_list(w, "self", api_ + "comments/" + std::to_string(id));
    link_list(w, "collection", api_ + "comments");
    if (user != 0) {
      embeddable(w, "author", api_ + "users/" + std::to_string(user));
    }
    embeddable(w, "up", api_ + "posts/" + std::to_string(post), "post");
    if (parent_id != 0) {
      embeddable(w, "in-reply-to", api_ + "comments/" + std::to_string(parent_id));
    }
    w.end_object();
    w.end_object();
  }

  People people_;
  const Audience& audience_;
  const Brand& brand_;
  TextMaker text_maker_;
  wp::Site site_;
  std::string api_;
  uint64_t post_id_ = wp::kFirstPostId;        // the next free id
  uint64_t comment_id_ = wp::kFirstCommentId;  // (1: "Hello world!"'s, deleted long ago)
  std::vector<uint64_t> tag_counts_;
  std::vector<uint64_t> ids_;  // comment ids of the conversation's statuses
  wp::Post post_;
  Text text_;
  std::string html_, scratch_;
};

// Pages written oldest first under a temporary name, numbered from the newest at the end.
class Pages {
 public:
  Pages(const std::string& dir, std::string_view name) : dir_(dir), name_(name) {}

  uint64_t count() const { return pages_; }

  // Writes the items (oldest first) as one page, newest first; returns its bytes.
  uint64_t write(const std::vector<std::string>& items, size_t n) {
    page_.clear();
    page_.push_back('[');
    for (size_t i = n; i-- > 0;) {
      page_ += items[i];
      page_ += i > 0 ? "," : "";
    }
    page_.push_back(']');
    return write_file(temp(++pages_), page_);
  }

  // Renames the pages: the last written (the newest) is page 1.
  void number() {
    for (uint64_t k = 1; k <= pages_; ++k) {
      std::error_code ec;
      const std::string to = final_name(pages_ + 1 - k);
      std::filesystem::rename(temp(k), to, ec);
      if (ec) {
        fail("cannot rename to", to);
      }
    }
  }

  // The saved headers of the first page: the totals a crawler reads before asking for the rest.
  uint64_t headers(const std::string& api, uint64_t total) {
    std::string h =
        "HTTP/1.1 200 OK\r\n"
        "Server: nginx\r\n"
        "Date: Wed, 31 Dec 2025 23:12:09 GMT\r\n"
        "Content-Type: application/json; charset=UTF-8\r\n"
        "Connection: keep-alive\r\n"
        "X-Robots-Tag: noindex\r\n";
    h += "Link: <" + api.substr(0, api.size() - 6) + ">; rel=\"https://api.w.org/\"\r\n";
    h += "X-Content-Type-Options: nosniff\r\n"
         "Access-Control-Expose-Headers: X-WP-Total, X-WP-TotalPages, Link\r\n"
         "Access-Control-Allow-Headers: Authorization, X-WP-Nonce, Content-Disposition, "
         "Content-MD5, Content-Type\r\n";
    h += "X-WP-Total: " + std::to_string(total) + "\r\n";
    h += "X-WP-TotalPages: " + std::to_string(pages_) + "\r\n";
    if (pages_ > 1) {
      h += "Link: <" + api + std::string(name_) + "?per_page=100&page=2>; rel=\"next\"\r\n";
    }
    h += "Allow: GET\r\nVary: Origin\r\n\r\n";
    return write_file(dir_ + "/" + std::string(name_) + "-1.headers.txt", h);
  }

 private:
  std::string temp(uint64_t k) const {
    return dir_ + "/." + std::string(name_) + "-" + std::to_string(k) + ".part";
  }
  std::string final_name(uint64_t k) const {
    return dir_ + "/" + std::string(name_) + "-" + std::to_string(k) + ".json";
  }

  std::string dir_;
  std::string_view name_;
  uint64_t pages_ = 0;
  std::string page_;
};

}  // namespace

int generate_wordpress_api(const Options& opt) {
  StatusStream stream(stream_params(opt, wp::kUnitBytes, Order::oldest_first));
  WordpressApi api(stream, opt.seed);
  make_dirs(opt.out);

  uint64_t bytes = write_file(opt.out + "/users.json", api.users());
  Pages post_pages(opt.out, "posts"), comment_pages(opt.out, "comments");
  std::vector<std::string> posts(kPerPage), comments;
  size_t n_posts = 0, n_comments = 0;
  uint64_t total_posts = 0, total_comments = 0;
  Tally tally;
  const auto pending = [&] {  // bytes of the items not written yet
    uint64_t n = 0;
    for (size_t i = 0; i < n_posts; ++i) {
      n += posts[i].size() + 1;
    }
    for (size_t i = 0; i < n_comments; ++i) {
      n += comments[i].size() + 1;
    }
    return n;
  };
  while (tally.items() == 0 || bytes + pending() < opt.size) {
    const std::vector<Status>& unit = stream.next();
    if (unit[0].kind != StatusKind::original) {
      continue;  // outreach and reposts: not on the blog
    }
    const size_t before = n_comments;
    api.conversation(unit, posts[n_posts++], comments, n_comments);
    total_posts += 1;
    total_comments += n_comments - before;
    tally.add_unit(unit, true);
    if (n_posts == kPerPage) {
      bytes += post_pages.write(posts, n_posts);
      n_posts = 0;
    }
    while (n_comments >= kPerPage) {  // full pages; the rest moves to the front
      bytes += comment_pages.write(comments, kPerPage);
      for (size_t i = kPerPage; i < n_comments; ++i) {
        comments[i - kPerPage].swap(comments[i]);
      }
      n_comments -= kPerPage;
    }
  }
  if (n_posts > 0) {
    bytes += post_pages.write(posts, n_posts);
  }
  if (n_comments > 0) {
    bytes += comment_pages.write(comments, n_comments);
  }
  post_pages.number();
  comment_pages.number();
  bytes += post_pages.headers(api.api(), total_posts);
  bytes += comment_pages.headers(api.api(), total_comments);
  bytes += write_file(opt.out + "/tags.json", api.tags());
  bytes += write_file(opt.out + "/categories.json", api.categories());
  const uint64_t files = 5 + post_pages.count() + comment_pages.count();

  std::string slug;
  wp::author_slug(slug, stream.brand(), 1);
  const std::string account =
      "{\"username\": \"" + slug + "\", \"id\": \"1\", \"followers\": null}";
  std::string extra;
  expected_line(extra, "posts", total_posts);
  expected_line(extra, "comments", total_comments);
  expected_line(extra, "authors", static_cast<uint64_t>(api.authors()));
  expected_line(extra, "post_pages", post_pages.count());
  expected_line(extra, "comment_pages", comment_pages.count());
  expected_line(extra, "skipped_files", 4);
  write_expected(opt.out + ".expected.json", "wordpress-api", opt, bytes, files, account, tally,
                 extra);
  std::fprintf(stderr, "ror_gen: %llu posts, %llu comments in %llu files\n",
               static_cast<unsigned long long>(total_posts),
               static_cast<unsigned long long>(total_comments),
               static_cast<unsigned long long>(files));
  return 0;
}

}  // namespace gen
