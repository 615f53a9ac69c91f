// Reddit's things (see reddit_thing.hpp): the fields ror reads, and the records a link and a
// comment become.
#include "importers/reddit_thing.hpp"

#include <array>
#include <string>

#include "ror/dataset.hpp"

namespace ror::importers::reddit {

namespace {

// Reddit's stand-ins for a text that was deleted or removed: not the author's words.
bool placeholder(std::string_view text) {
  return text == "[deleted]" || text == "[removed]";
}

}  // namespace

std::string_view strip_kind(std::string_view fullname) {
  // Kinds are t1 (comment) to t6 (award): "t" and a digit, then "_".
  if (fullname.size() > 3 && fullname[0] == 't' && fullname[1] >= '1' && fullname[1] <= '9' &&
      fullname[2] == '_') {
    return fullname.substr(3);
  }
  return fullname;
}

void read_thing_field(std::string_view key, ingest::Value& f, Thing& out) {
  using ingest::TimeFormat;
  if (key == "id") {
    out.id = f.id();
  } else if (key == "author") {
    if (const auto author = f.optional_string()) {
      out.author = *author;
      out.has_author = !author->empty();
    }
  } else if (key == "created_utc") {
    out.created_at = f.optional_time(TimeFormat::epoch_seconds);
  } else if (key == "title") {
    out.title = f.optional_string().value_or("");
    out.has_title = true;
  } else if (key == "selftext") {
    out.selftext = f.optional_string().value_or("");
  } else if (key == "body") {
    out.body = f.optional_string().value_or("");
    out.has_body = true;
  } else if (key == "parent_id" || key == "link_id") {
    // A fullname ("t1_k2aaaa"), or the id in base 10 (1213162642): Pushshift's API wrote both as
    // integers for a while, and Value::id would keep the digits as an id that names nothing.
    std::string_view& name = key == "parent_id" ? out.parent_id : out.link_id;
    std::optional<std::uint64_t>& number = key == "parent_id" ? out.parent_number : out.link_number;
    name = {};
    number.reset();
    if (f.type() == simdjson::ondemand::json_type::number) {
      number = static_cast<std::uint64_t>(*f.count());
    } else {
      name = f.optional_id().value_or("");
    }
  } else if (key == "permalink") {
    out.permalink = f.optional_string().value_or("");
  } else if (key == "num_comments") {
    out.num_comments = f.count(ingest::CountText::digits_too);
  } else if (key == "score") {
    out.score = f.optional_integer();
  } else if (key == "ups") {
    out.ups = f.optional_integer();
  } else if (key == "view_count") {
    out.view_count = f.count();
  } else if (key == "count") {
    out.count = f.count();
  } else if (key == "children") {
    f.each_element([&](ingest::Value& child) {
      child.id();
      ++out.children;
    });
  }
}

std::uint64_t stub_count(const Thing& stub) {
  if (stub.count && *stub.count > 0) {
    return static_cast<std::uint64_t>(*stub.count);
  }
  return stub.children;
}

void check_link(const Thing& link, ingest::Value& v) {
  if (link.id.empty() || !link.created_at) {
    v.fail(link.id.empty() ? "a link needs an \"id\"" : "a link needs \"created_utc\"");
  }
}

void emit_link(const Thing& link, bool comments_known, ingest::RecordSink& out) {
  thread_local ingest::PostRecord r;
  thread_local std::string text;
  thread_local std::string url;
  r.clear();
  r.id = link.id;
  r.author = link.author;
  r.has_author = link.has_author;
  r.created_at = *link.created_at;
  text.assign(link.title);
  if (!link.selftext.empty() && !placeholder(link.selftext)) {
    text.append(text.empty() ? "" : "\n\n").append(link.selftext);
  }
  r.text = text;
  if (!link.permalink.empty() && link.permalink.front() == '/') {
    url.assign("https://www.reddit.com").append(link.permalink);
    r.url = url;
  }
  // Reddit's score is upvotes less downvotes, and `ups` the same number since 2014 (downs is
  // always 0): the nearest thing to likes. Below zero it says nothing of how many liked it.
  const std::optional<std::int64_t> likes = link.ups ? link.ups : link.score;
  if (likes && *likes >= 0) {
    r.set(PostMetric::likes, *likes);
  }
  if (link.num_comments) {
    r.set(PostMetric::replies, *link.num_comments);
  }
  if (link.view_count) {
    r.set(PostMetric::views, *link.view_count);
  }
  r.comments_known = comments_known;
  out.post(r);
}

namespace {

// Base 36 in Reddit's digits (0-9, then a-z), the form of every id: 13 digits hold any int64.
using Base36 = std::array<char, 13>;

std::string_view base36(std::uint64_t n, Base36& digits) {
  std::size_t at = digits.size();
  do {
    const auto d = static_cast<char>(n % 36);
    digits[--at] = static_cast<char>(d < 10 ? '0' + d : 'a' + (d - 10));
    n /= 36;
  } while (n > 0);
  return {digits.data() + at, digits.size() - at};
}

std::string_view post_of(const Thing& comment, std::string_view fallback_post, Base36& digits) {
  if (comment.link_number) {
    return base36(*comment.link_number, digits);
  }
  return comment.link_id.empty() ? fallback_post : strip_kind(comment.link_id);
}

}  // namespace

void check_comment(const Thing& comment, std::string_view fallback_post, ingest::Value& v) {
  Base36 digits;
  if (comment.id.empty() || !comment.has_author || !comment.created_at ||
      post_of(comment, fallback_post, digits).empty()) {
    v.fail(comment.id.empty()    ? "a comment needs an \"id\""
           : !comment.has_author ? "a comment needs an \"author\""
           : !comment.created_at ? "a comment needs \"created_utc\""
                                 : "a comment needs a \"link_id\"");
  }
}

void emit_comment(const Thing& comment, std::string_view fallback_post, ingest::RecordSink& out) {
  Base36 post_digits;
  Base36 parent_digits;
  const std::string_view post = post_of(comment, fallback_post, post_digits);
  ingest::CommentRecord c;
  c.id = comment.id;
  c.author = comment.author;
  c.post_id = post;
  c.created_at = *comment.created_at;
  c.text = comment.body;
  if (comment.parent_number) {
    // A number carries no kind. Pushshift wrote null for a top-level comment and the parent
    // comment's id otherwise; a number that is the link's own id is read as the link all the
    // same, since from the first day of comments (December 2005) every comment id has been
    // above every link id: no comment under a link bears the link's number.
    const std::string_view parent = base36(*comment.parent_number, parent_digits);
    if (parent != post) {
      c.parent_id = parent;
      c.has_parent = true;
    }
  } else if (!comment.parent_id.empty() && !comment.parent_id.starts_with("t3_")) {
    c.parent_id = strip_kind(comment.parent_id);
    c.has_parent = true;
  }
  out.comment(c);
}

}  // namespace ror::importers::reddit
