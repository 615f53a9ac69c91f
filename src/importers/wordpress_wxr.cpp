// The WordPress export file (WXR: Tools > Export), an RSS document with `wp:` elements: the
// channel names the site (`title`, `wp:base_blog_url` else `wp:base_site_url`) and its authors
// (`wp:author`), and each `item` is a post, page, attachment or menu item with its comments
// (`wp:comment`) inside it. The export is the site's own, so the site is the account. Read with
// libxml2's SAX parser, one item at a time (an export of any size is never a tree in memory); a
// DOCTYPE stops it, so no entity can be declared (no entity expansion, no "billion laughs") and
// nothing is ever loaded from a file or the network.
#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <limits>
#include <mutex>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "importers/importers.hpp"
#include "ror/time.hpp"

namespace ror::importers {
namespace {

using ingest::AccountRecord;
using ingest::AccountRole;
using ingest::CommentRecord;
using ingest::detected;
using ingest::Detection;
using ingest::FramingKind;
using ingest::RecordSink;
using ingest::Sniff;
using ingest::TextItem;
using ingest::TextViolation;

constexpr std::string_view kPlatform = "wordpress";
constexpr std::string_view kPages = "pages (the site's pages, not posts)";
constexpr std::string_view kAttachments = "attachments (media files)";
constexpr std::string_view kMenuItems = "menu items";
constexpr std::string_view kOtherTypes = "items of other post types (not posts)";
constexpr std::string_view kUnpublished = "posts not published (drafts, pending, private, trash)";
constexpr std::string_view kUndated = "posts without a publication time (date_gmt 0000-00-00)";
constexpr std::string_view kCommentsOfSkipped = "comments on items not read (pages, drafts, media)";
constexpr std::string_view kPings = "pingbacks and trackbacks (notices of links, not comments)";
constexpr std::string_view kOtherComments = "comments of other types (notes, plugin records)";
constexpr std::string_view kSpam = "spam comments";
constexpr std::string_view kUnapproved = "comments not approved (held for moderation, trash)";
constexpr std::string_view kAnonymous = "anonymous";
// WordPress writes a time it does not have as zeros.
constexpr std::string_view kNoTime = "0000-00-00 00:00:00";

// Where an element is: what the reader keeps of it.
enum class Node : std::uint8_t {
  other,
  rss,
  channel,
  site_title,
  site_url,
  blog_url,
  author,
  author_id,
  author_login,
  author_name,
  item,
  title,
  link,
  creator,
  content,
  post_id,
  post_date_gmt,
  post_type,
  status,
  comment,
  comment_id,
  comment_author,
  comment_date_gmt,
  comment_content,
  comment_approved,
  comment_type,
  comment_parent,
  comment_user_id,
};

// The namespaces WXR uses.
enum class Ns : std::uint8_t { none, wp, content, dc, other };

Ns ns_of(const xmlChar* uri) {
  if (uri == nullptr) {
    return Ns::none;
  }
  const std::string_view u(reinterpret_cast<const char*>(uri));
  const auto is_wp = [&](std::string_view scheme) {
    return u.substr(0, scheme.size()) == scheme && u.find("/excerpt/") == std::string_view::npos;
  };
  if (is_wp("http://wordpress.org/export/") || is_wp("https://wordpress.org/export/")) {
    return Ns::wp;
  }
  if (u == "http://purl.org/rss/1.0/modules/content/") {
    return Ns::content;
  }
  if (u == "http://purl.org/dc/elements/1.1/") {
    return Ns::dc;
  }
  return Ns::other;
}

// The node an element is, from its parent's node, namespace and local name.
Node node_of(Node parent, Ns ns, std::string_view name) {
  struct Row {
    Node parent;
    Ns ns;
    std::string_view name;
    Node node;
  };
  static constexpr Row kRows[] = {
      {Node::other, Ns::none, "rss", Node::rss},
      {Node::rss, Ns::none, "channel", Node::channel},
      {Node::channel, Ns::none, "title", Node::site_title},
      {Node::channel, Ns::wp, "base_site_url", Node::site_url},
      {Node::channel, Ns::wp, "base_blog_url", Node::blog_url},
      {Node::channel, Ns::wp, "author", Node::author},
      {Node::channel, Ns::none, "item", Node::item},
      {Node::author, Ns::wp, "author_id", Node::author_id},
      {Node::author, Ns::wp, "author_login", Node::author_login},
      {Node::author, Ns::wp, "author_display_name", Node::author_name},
      {Node::item, Ns::none, "title", Node::title},
      {Node::item, Ns::none, "link", Node::link},
      {Node::item, Ns::dc, "creator", Node::creator},
      {Node::item, Ns::content, "encoded", Node::content},
      {Node::item, Ns::wp, "post_id", Node::post_id},
      {Node::item, Ns::wp, "post_date_gmt", Node::post_date_gmt},
      {Node::item, Ns::wp, "post_type", Node::post_type},
      {Node::item, Ns::wp, "status", Node::status},
      {Node::item, Ns::wp, "comment", Node::comment},
      {Node::comment, Ns::wp, "comment_id", Node::comment_id},
      {Node::comment, Ns::wp, "comment_author", Node::comment_author},
      {Node::comment, Ns::wp, "comment_date_gmt", Node::comment_date_gmt},
      {Node::comment, Ns::wp, "comment_content", Node::comment_content},
      {Node::comment, Ns::wp, "comment_approved", Node::comment_approved},
      {Node::comment, Ns::wp, "comment_type", Node::comment_type},
      {Node::comment, Ns::wp, "comment_parent", Node::comment_parent},
      {Node::comment, Ns::wp, "comment_user_id", Node::comment_user_id},
  };
  for (const Row& row : kRows) {
    if (row.parent == parent && row.ns == ns && row.name == name) {
      return row.node;
    }
  }
  return Node::other;
}

// Whether the text of a node is kept.
bool is_field(Node n) {
  return n != Node::other && n != Node::rss && n != Node::channel && n != Node::author &&
         n != Node::item && n != Node::comment;
}

// Text without the white space around it.
std::string_view trimmed(std::string_view s) {
  const std::size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) {
    return {};
  }
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

struct Author {
  std::string id;
  std::string login;
  std::string name;
};

struct WxrComment {
  std::string id, author, date_gmt, content, approved, type, parent, user_id;
  std::uint64_t line = 0;
};

struct WxrItem {
  std::string title, link, creator, content, post_id, date_gmt, type, status;
  std::vector<WxrComment> comments;  // reused: the first `count` are this item's
  std::size_t count = 0;
  std::uint64_t line = 0;
};

// The reader's state as the parser's events arrive.
class Reader {
 public:
  explicit Reader(RecordSink& sink) : sink_(sink) {}

  void start(Ns ns, std::string_view prefix, std::string_view name) {
    const Node parent = stack_.empty() ? Node::other : stack_.back();
    const Node n = node_of(parent, ns, name);
    stack_.push_back(n);
    name_starts_.push_back(names_.size());
    names_.append(name);
    if (stack_.size() <= outer_.size()) {
      std::string& qname = outer_[stack_.size() - 1];
      qname.assign(prefix);
      (prefix.empty() ? qname : qname.append(":")).append(name);
    }
    if (is_field(n)) {
      text_.clear();
    } else if (n == Node::author) {
      authors_.emplace_back();
    } else if (n == Node::item) {
      if (offset_of != nullptr) {
        sink_.reading_at(offset_of(parser));
      }
      item_.title.clear();
      item_.link.clear();
      item_.creator.clear();
      item_.content.clear();
      item_.post_id.clear();
      item_.date_gmt.clear();
      item_.type.clear();
      item_.status.clear();
      item_.count = 0;
      item_.line = line();
    } else if (n == Node::comment) {
      if (item_.count == item_.comments.size()) {
        item_.comments.emplace_back();
      }
      item_.comments[item_.count] = WxrComment{};
      item_.comments[item_.count].line = line();
      ++item_.count;
    }
  }

  void characters(std::string_view s) {
    if (!stack_.empty() && is_field(stack_.back())) {
      text_.append(s);
    }
  }

  void end() {
    const Node n = stack_.back();
    stack_.pop_back();
    names_.resize(name_starts_.back());
    name_starts_.pop_back();
    if (is_field(n)) {
      store(n);
    } else if (n == Node::item) {
      emit_item();
    } else if (n == Node::channel) {
      emit_site(!synthetic_end);
    }
  }

  // End tags for the elements still open, when they are the document's outer two (its root and
  // the root's child: the channel of an RSS document), else "".
  std::string outer_end_tags() const {
    return stack_.size() == outer_.size() ? "</" + outer_[1] + "></" + outer_[0] + ">"
                                          : std::string();
  }

  // The innermost element not closed yet, or "".
  std::string_view open_element() const {
    return name_starts_.empty() ? std::string_view()
                                : std::string_view(names_).substr(name_starts_.back());
  }

  // Set by the caller: how to learn the current line of the input, and the offset in the item's
  // bytes.
  std::uint64_t (*line_of)(void*) = nullptr;
  std::uint64_t (*offset_of)(void*) = nullptr;
  void* parser = nullptr;
  // The end tags being read are not the input's but the caller's, closing a block that ends
  // before the document does: the site is told of by the block that holds its real end.
  bool synthetic_end = false;

 private:
  std::uint64_t line() const { return line_of == nullptr ? 0 : line_of(parser); }

  WxrComment& comment() { return item_.comments[item_.count - 1]; }

  void store(Node n) {
    std::string* to = nullptr;
    switch (n) {
      case Node::site_title:
        to = &site_title_;
        break;
      case Node::site_url:
        to = &site_url_;
        break;
      case Node::blog_url:
        to = &blog_url_;
        break;
      case Node::author_id:
        to = &authors_.back().id;
        break;
      case Node::author_login:
        to = &authors_.back().login;
        break;
      case Node::author_name:
        to = &authors_.back().name;
        break;
      case Node::title:
        to = &item_.title;
        break;
      case Node::link:
        to = &item_.link;
        break;
      case Node::creator:
        to = &item_.creator;
        break;
      case Node::content:
        to = &item_.content;
        break;
      case Node::post_id:
        to = &item_.post_id;
        break;
      case Node::post_date_gmt:
        to = &item_.date_gmt;
        break;
      case Node::post_type:
        to = &item_.type;
        break;
      case Node::status:
        to = &item_.status;
        break;
      case Node::comment_id:
        to = &comment().id;
        break;
      case Node::comment_author:
        to = &comment().author;
        break;
      case Node::comment_date_gmt:
        to = &comment().date_gmt;
        break;
      case Node::comment_content:
        to = &comment().content;
        break;
      case Node::comment_approved:
        to = &comment().approved;
        break;
      case Node::comment_type:
        to = &comment().type;
        break;
      case Node::comment_parent:
        to = &comment().parent;
        break;
      case Node::comment_user_id:
        to = &comment().user_id;
        break;
      default:
        return;
    }
    // Content keeps its text as written; every other field is a name, an id or a time.
    if (n == Node::content || n == Node::comment_content) {
      to->swap(text_);
    } else {
      to->assign(trimmed(text_));
    }
  }

  TimeMs time_of(const std::string& text, std::string_view what, std::uint64_t at) const {
    const auto t = parse_naive_utc(text);
    if (!t) {
      throw TextViolation{fmt::format("{} is not a time: \"{}\"", what, text), at};
    }
    return *t;
  }

  // The login a user id stands for, or "".
  std::string_view login_of(std::string_view id) const {
    for (const Author& a : authors_) {
      if (!id.empty() && a.id == id) {
        return a.login;
      }
    }
    return {};
  }

  // The reason an item is passed over, or "".
  std::string_view item_skip() const {
    const std::string_view type = item_.type.empty() ? "post" : std::string_view(item_.type);
    if (type != "post") {
      return type == "page"            ? kPages
             : type == "attachment"    ? kAttachments
             : type == "nav_menu_item" ? kMenuItems
                                       : kOtherTypes;
    }
    if (!item_.status.empty() && item_.status != "publish") {
      return kUnpublished;
    }
    if (item_.date_gmt == kNoTime) {
      return kUndated;
    }
    return {};
  }

  void emit_item() {
    if (const std::string_view why = item_skip(); !why.empty()) {
      sink_.skip(why);
      if (item_.count > 0) {
        sink_.skip(kCommentsOfSkipped, item_.count);
      }
      return;
    }
    if (item_.post_id.empty()) {
      throw TextViolation{"a post item needs <wp:post_id>", item_.line};
    }
    if (item_.date_gmt.empty()) {
      throw TextViolation{"a post item needs <wp:post_date_gmt>", item_.line};
    }
    ingest::PostRecord& r = record_;
    r.clear();
    r.id = item_.post_id;
    r.created_at = time_of(item_.date_gmt, "wp:post_date_gmt", item_.line);
    r.author = item_.creator;
    r.has_author = !item_.creator.empty();
    note_creator(item_.creator);
    r.url = item_.link;
    text_.assign(sink_.html_text(item_.title));
    const std::string_view body = sink_.html_text(item_.content);
    if (!body.empty()) {
      text_.append(text_.empty() ? "" : "\n\n").append(body);
    }
    r.text = text_;
    r.hashtags_listed = false;  // categories and tags are taxonomy, not hashtags
    r.comments_known = true;    // the export holds every comment of the site
    sink_.post(r);
    for (std::size_t i = 0; i < item_.count; ++i) {
      emit_comment(item_.comments[i]);
    }
  }

  void emit_comment(const WxrComment& c) {
    const std::string_view type = c.type;
    if (type == "pingback" || type == "trackback") {
      sink_.skip(kPings);
      return;
    }
    if (!type.empty() && type != "comment") {
      sink_.skip(kOtherComments);
      return;
    }
    if (c.approved != "1") {
      sink_.skip(c.approved == "spam" ? kSpam : kUnapproved);
      return;
    }
    if (c.id.empty()) {
      throw TextViolation{"a comment needs <wp:comment_id>", c.line};
    }
    if (c.date_gmt == kNoTime) {
      sink_.skip("comments without a time (date_gmt 0000-00-00)");
      return;
    }
    CommentRecord r;
    r.id = c.id;
    r.post_id = item_.post_id;
    r.created_at = time_of(c.date_gmt, "wp:comment_date_gmt", c.line);
    // A user's comment is named as their posts are, by login; a visitor by the name typed.
    const std::string_view login = c.user_id == "0" ? std::string_view() : login_of(c.user_id);
    r.author = !login.empty() ? login : !c.author.empty() ? std::string_view(c.author) : kAnonymous;
    r.has_parent = !c.parent.empty() && c.parent != "0";
    r.parent_id = r.has_parent ? std::string_view(c.parent) : std::string_view();
    r.text = sink_.html_text(c.content);
    sink_.comment(r);
  }

  // The site is the account: its title, its address, its authors (ids, logins, names) and the
  // creators of its posts. A WXR 1.0 file (WordPress 3.0 and older, and files converted from
  // other blogs) lists no authors: its posts' creators are then all that names them. A block
  // that ends before the file does (`whole` false) gives the creators of its posts only.
  void emit_site(bool whole) {
    AccountRecord a;
    a.role = AccountRole::owner;
    a.platform = std::string(kPlatform);
    // The blog's address, else the site's: on WordPress.com the site is the network
    // ("http://wordpress.com/") and the blog is the account's.
    const std::string& url = blog_url_.empty() ? site_url_ : blog_url_;
    a.handle = site_title_.empty() ? url : site_title_;
    if (whole && !url.empty() && url != a.handle) {
      a.aliases.push_back(url);
    }
    for (const Author& author : whole ? authors_ : std::vector<Author>{}) {
      for (const std::string* name : {&author.id, &author.login, &author.name}) {
        if (!name->empty()) {
          a.aliases.push_back(*name);
        }
      }
    }
    a.aliases.insert(a.aliases.end(), creators_.begin(), creators_.end());
    if ((whole || !creators_.empty()) && (!a.handle.empty() || !a.aliases.empty())) {
      sink_.account(std::move(a));
    }
  }

  // Notes the creator of a post the file holds, when no author the channel lists is named so.
  void note_creator(const std::string& creator) {
    const auto listed = [&](const Author& a) { return a.login == creator; };
    if (!creator.empty() && std::none_of(authors_.begin(), authors_.end(), listed) &&
        std::find(creators_.begin(), creators_.end(), creator) == creators_.end()) {
      creators_.push_back(creator);
    }
  }

  RecordSink& sink_;
  std::vector<Node> stack_;
  // Parallel to stack_: the elements' local names, one after another, and where each starts.
  std::string names_;
  std::vector<std::size_t> name_starts_;
  std::array<std::string, 2> outer_;  // the qualified names of the two outer elements
  std::string text_;
  std::string site_title_;
  std::string site_url_;
  std::string blog_url_;
  std::vector<Author> authors_;
  std::vector<std::string> creators_;  // of posts, by no listed author's login (few: a site's)
  WxrItem item_;
  ingest::PostRecord record_;
};

// The parser's events, handed to the Reader. Its first error stops the parser.
struct Parse {
  Reader* reader = nullptr;
  xmlParserCtxtPtr ctxt = nullptr;
  std::string error;
  int error_code = 0;
  std::uint64_t error_line = 0;
  // A block after the first is read after the document's start (TextItem::head): the parser's
  // lines past the head's are moved by line_shift to be the input's.
  std::uint64_t head_lines = 0;
  std::int64_t line_shift = 0;
  std::uint64_t head_bytes = 0;
  bool doctype = false;

  // The input's line of the parser's line `line`.
  std::uint64_t input_line(std::uint64_t line) const {
    return line > head_lines
               ? static_cast<std::uint64_t>(static_cast<std::int64_t>(line) + line_shift)
               : line;
  }
  std::exception_ptr thrown;  // what the reader threw, rethrown once the parser is out
};

Parse& parse_of(void* ctx) {
  return *static_cast<Parse*>(ctx);
}

template <typename F>
void guarded(Parse& p, F&& f) {
  if (p.thrown) {
    return;
  }
  try {
    f();
  } catch (...) {
    p.thrown = std::current_exception();
    xmlStopParser(p.ctxt);
  }
}

void on_start(void* ctx, const xmlChar* local, const xmlChar* prefix, const xmlChar* uri,
              int /*nb_namespaces*/, const xmlChar** /*namespaces*/, int /*nb_attributes*/,
              int /*nb_defaulted*/, const xmlChar** /*attributes*/) {
  Parse& p = parse_of(ctx);
  guarded(p, [&] {
    p.reader->start(ns_of(uri), prefix == nullptr ? "" : reinterpret_cast<const char*>(prefix),
                    reinterpret_cast<const char*>(local));
  });
}

void on_end(void* ctx, const xmlChar* /*local*/, const xmlChar* /*prefix*/,
            const xmlChar* /*uri*/) {
  Parse& p = parse_of(ctx);
  guarded(p, [&] { p.reader->end(); });
}

void on_text(void* ctx, const xmlChar* ch, int len) {
  Parse& p = parse_of(ctx);
  guarded(p, [&] {
    p.reader->characters({reinterpret_cast<const char*>(ch), static_cast<std::size_t>(len)});
  });
}

// A message of libxml2's with every "line N" in it made the input's line.
std::string with_input_lines(const Parse& p, std::string_view message) {
  constexpr std::string_view kLine = "line ";
  std::string out;
  std::size_t pos = 0;
  for (std::size_t at = message.find(kLine); at != std::string_view::npos;
       at = message.find(kLine, pos)) {
    std::size_t end = at + kLine.size();
    std::uint64_t line = 0;
    while (end < message.size() && message[end] >= '0' && message[end] <= '9') {
      line = line * 10 + static_cast<std::uint64_t>(message[end++] - '0');
    }
    out.append(message.substr(pos, at + kLine.size() - pos));
    if (end > at + kLine.size()) {
      out.append(std::to_string(p.input_line(line)));
    }
    pos = end;
  }
  return out.append(message.substr(pos));
}

// A DOCTYPE may declare entities (and, through them, expand without bound or read files): WXR
// has none, so one ends the parse before its declarations are read.
void on_doctype(void* ctx, const xmlChar* /*name*/, const xmlChar* /*external_id*/,
                const xmlChar* /*system_id*/) {
  Parse& p = parse_of(ctx);
  p.doctype = true;
  xmlStopParser(p.ctxt);
}

void on_error(void* ctx, xmlErrorPtr e) {
  Parse& p = parse_of(ctx);
  if (e == nullptr || e->level < XML_ERR_ERROR || !p.error.empty()) {
    return;  // warnings are not errors; the first error is the one to tell
  }
  p.error = trimmed(e->message == nullptr ? "malformed XML" : e->message);
  if (p.line_shift != 0) {
    p.error = with_input_lines(p, p.error);
  }
  p.error_code = e->code;
  p.error_line = e->line > 0 ? p.input_line(static_cast<std::uint64_t>(e->line)) : 0;
  xmlStopParser(p.ctxt);
}

// The line of the input the parser is at (0 when it cannot say).
std::uint64_t input_line(void* parse) {
  const Parse& p = parse_of(parse);
  const auto* c = p.ctxt;
  return c->input != nullptr && c->input->line > 0
             ? p.input_line(static_cast<std::uint64_t>(c->input->line))
             : 0;
}

// Where the parser is in the item's bytes (after the head it was fed first).
std::uint64_t item_offset(void* parse) {
  const Parse& p = parse_of(parse);
  const long consumed = xmlByteConsumed(p.ctxt);
  return consumed > 0 && static_cast<std::uint64_t>(consumed) > p.head_bytes
             ? static_cast<std::uint64_t>(consumed) - p.head_bytes
             : 0;
}

// libxml2's messages that bypass the parser's error callback (an encoding the declaration names
// that the bytes do not follow): dropped, as the callback's error, or the parse's end, says it.
void ignore_generic_error(void* /*context*/, const char* /*message*/, ...) {}

void read_text(const TextItem& input, RecordSink& sink) {
  static std::once_flag init;
  std::call_once(init, [] { xmlInitParser(); });  // once, before threads parse at the same time
  xmlSetGenericErrorFunc(nullptr, ignore_generic_error);  // (libxml2 keeps it per thread)
  xmlSAXHandler handler;
  std::memset(&handler, 0, sizeof handler);
  handler.initialized = XML_SAX2_MAGIC;
  handler.startElementNs = on_start;
  handler.endElementNs = on_end;
  handler.characters = on_text;
  handler.cdataBlock = on_text;
  handler.internalSubset = on_doctype;
  handler.serror = on_error;
  Reader reader(sink);
  Parse p;
  p.reader = &reader;
  p.ctxt = xmlCreatePushParserCtxt(&handler, &p, nullptr, 0, nullptr);
  if (p.ctxt == nullptr) {
    throw TextViolation{"cannot start the XML parser", 0};
  }
  reader.line_of = input_line;
  reader.offset_of = item_offset;
  reader.parser = &p;
  // No network, no DTD loading, no entity substitution; errors come to on_error only.
  xmlCtxtUseOptions(p.ctxt, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  // Fed in 1 MiB pieces: libxml2 refuses to look further than 10 MB ahead in what it was given
  // ("Huge input lookup"), so one large piece fails on any file past that size.
  constexpr std::size_t kChunk = std::size_t{1} << 20;
  const auto going = [&] {
    return !p.thrown && !p.doctype && p.error.empty() && p.ctxt->instate != XML_PARSER_EOF;
  };
  const auto feed = [&](std::string_view text, bool last, bool tell) {
    std::string_view rest = text;
    do {
      const std::size_t n = std::min(rest.size(), kChunk);
      const int done = last && rest.size() <= kChunk ? 1 : 0;
      xmlParseChunk(p.ctxt, rest.data(), static_cast<int>(n), done);
      rest.remove_prefix(n);
      if (tell && input.done_before) {
        input.done_before(text.size() - rest.size());  // (libxml2 copies what it is fed)
      }
    } while (!rest.empty() && going());
  };
  if (!input.head.empty()) {
    // A block of items after the first: read after the document's start, its lines those of the
    // input (the block's first byte is on the line after the head's last line end).
    p.head_lines =
        static_cast<std::uint64_t>(std::count(input.head.begin(), input.head.end(), '\n'));
    p.line_shift =
        static_cast<std::int64_t>(input.first_line) - static_cast<std::int64_t>(p.head_lines + 1);
    p.head_bytes = input.head.size();
    feed(input.head, false, false);
  }
  if (going()) {
    feed(input.bytes, input.input_end, true);
  }
  if (!input.input_end && going()) {
    // The block ends where the channel's next item starts: the channel and the root are closed
    // here, whatever they are called.
    reader.synthetic_end = true;
    feed(reader.outer_end_tags(), true, false);
  }
  const bool well_formed = p.ctxt->wellFormed != 0;
  const std::uint64_t end_line = input_line(&p);
  xmlFreeParserCtxt(p.ctxt);
  if (p.thrown) {
    std::rethrow_exception(p.thrown);
  }
  if (p.doctype) {
    throw TextViolation{"a WXR file has no DOCTYPE (entity declarations are not read)", 1};
  }
  if (p.error_code == XML_ERR_DOCUMENT_END && !reader.open_element().empty()) {
    // What the push parser says of a file cut off ("Extra content at the end") misleads.
    throw TextViolation{
        fmt::format("malformed XML: the file ends before <{}> is closed", reader.open_element()),
        end_line};
  }
  if (!p.error.empty() || !well_formed) {
    throw TextViolation{fmt::format("malformed XML: {}", p.error.empty() ? "cut off" : p.error),
                        p.error.empty() ? end_line : p.error_line};
  }
}

Detection detect(const Sniff& s) {
  if (s.shape != ingest::Shape::text) {
    return {};
  }
  const std::string_view head = s.head.substr(0, 16384);
  const std::size_t rss = head.find("<rss");
  if (rss == std::string_view::npos ||
      head.find("wordpress.org/export/", rss) == std::string_view::npos) {
    return {};
  }
  // Cut into blocks of items, read in parallel, unless libxml2 must decode it first (UTF-16, or
  // an encoding the declaration names).
  const bool cut =
      !ingest::starts_with_utf16_bom(s.head) && !ingest::declares_other_encoding(s.head);
  return detected(95, {FramingKind::text, {}, false, '\0', cut});
}

}  // namespace

const ingest::Importer kWordpressWxr = {
    "wordpress-wxr",
    kPlatform,
    "the WordPress export file (WXR, Tools > Export): posts with their comments",
    "likes, shares, views and comment counts (the export has none)",
    true,
    detect,
    nullptr,
    read_text,
};

}  // namespace ror::importers
