// LinkedIn's data export (Settings, Data privacy, Get a copy of your data): a zip or folder of CSV
// files, of which these are read: Shares.csv (the account's posts), Comments.csv (the account's
// comments on posts: outreach), Reactions.csv (counted, not scored), Profile.csv (the account)
// and Connections.csv (its rows: the follower count). Exports since about 2020 are UTF-8 and
// comma-separated; older ones UTF-16 with a byte order mark and tab-separated. Each file is known
// by its header line. The export holds no counts (likes, impressions) and nothing other people
// wrote, so those stay unknown.
#include <algorithm>
#include <array>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "importers/csv_table.hpp"
#include "importers/importers.hpp"
#include "ror/time.hpp"

namespace ror::importers {
namespace {

using ingest::AccountRecord;
using ingest::AccountRole;
using ingest::Detection;
using ingest::FramingKind;
using ingest::RecordSink;
using ingest::Sniff;
using ingest::TextItem;
using ingest::TextViolation;

constexpr std::string_view kPlatform = "linkedin";
constexpr std::string_view kWrongCells = "CSV rows with the wrong number of cells";
constexpr std::string_view kMalformed = "CSV rows that are not well-formed";
constexpr std::string_view kMissing = "CSV rows missing a required cell";
constexpr std::string_view kBadDate = "CSV rows whose Date is not a date";
constexpr std::string_view kReposts =
    "LinkedIn reposts (shares without commentary, link or media), not the account's writing";
constexpr std::string_view kReactions = "LinkedIn reactions to posts, not the account's writing";
constexpr std::string_view kMoreProfiles = "LinkedIn profile rows after the first";
constexpr std::string_view kMediaRows =
    "LinkedIn share rows repeating a share for another of its media";

// The header is looked for on the first lines (Connections.csv opens with a note).
constexpr std::uint64_t kHeaderLines = 8;
constexpr std::size_t kHeadBytes = 64 * 1024;

enum Variant : std::uint8_t { shares, comments, reactions, profile, connections };

// A file of the export as its header line names its columns (lower case).
struct Layout {
  Variant variant;
  std::string_view file;                        // how messages name it
  std::span<const std::string_view> required;   // columns it must have
  std::span<const std::string_view> exact;      // the header LinkedIn writes
  std::span<const std::string_view> exact_old;  // an older export's header (or none)
};

constexpr std::array<std::string_view, 6> kShares = {"date",      "sharelink", "sharecommentary",
                                                     "sharedurl", "mediaurl",  "visibility"};
constexpr std::array<std::string_view, 5> kSharesOld = {"date", "sharelink", "sharecommentary",
                                                        "sharedurl", "mediaurl"};
constexpr std::array<std::string_view, 3> kSharesNeed = {"date", "sharelink", "sharecommentary"};
constexpr std::array<std::string_view, 3> kComments = {"date", "link", "message"};
constexpr std::array<std::string_view, 3> kReactionsHeader = {"date", "type", "link"};
constexpr std::array<std::string_view, 13> kProfile = {
    "first name",      "last name", "maiden name",       "address",  "birth date",
    "headline",        "summary",   "industry",          "zip code", "geo location",
    "twitter handles", "websites",  "instant messengers"};
constexpr std::array<std::string_view, 3> kProfileNeed = {"first name", "last name", "headline"};
constexpr std::array<std::string_view, 7> kConnections = {
    "first name", "last name", "url", "email address", "company", "position", "connected on"};
constexpr std::array<std::string_view, 3> kConnectionsNeed = {"first name", "last name",
                                                              "connected on"};

constexpr std::array<Layout, 5> kLayouts = {{
    {shares, "Shares.csv", kSharesNeed, kShares, kSharesOld},
    {comments, "Comments.csv", kComments, kComments, {}},
    {reactions, "Reactions.csv", kReactionsHeader, kReactionsHeader, {}},
    {profile, "Profile.csv", kProfileNeed, kProfile, {}},
    {connections, "Connections.csv", kConnectionsNeed, kConnections, {}},
}};

constexpr int kExact = 95;    // the header LinkedIn writes
constexpr int kColumns = 70;  // its columns among others, or in another order

bool same(std::span<const std::string> cells, std::span<const std::string_view> names) {
  return !names.empty() && std::equal(cells.begin(), cells.end(), names.begin(), names.end());
}

// How sure a header of these cells makes us that it is this layout's (0: not at all).
int match(const Layout& layout, std::span<const std::string> cells) {
  if (same(cells, layout.exact) || same(cells, layout.exact_old)) {
    return kExact;
  }
  for (const std::string_view need : layout.required) {
    if (std::find(cells.begin(), cells.end(), need) == cells.end()) {
      return 0;
    }
  }
  return kColumns;
}

struct Header {
  const Layout* layout = nullptr;
  int confidence = 0;
  char delimiter = ',';
  std::uint64_t line = 0;  // from 1
  std::vector<std::string> cells;
};

// The first line among the first few that is the header of a file of the export (of `only`'s
// layout when given).
std::optional<Header> find_header(std::string_view text, std::optional<Variant> only) {
  std::size_t pos = 0;
  for (std::uint64_t line = 1; line <= kHeaderLines && pos < text.size(); ++line) {
    const std::size_t newline = text.find('\n', pos);
    const std::size_t end = newline == std::string_view::npos ? text.size() : newline;
    const std::string_view candidate = text.substr(pos, end - pos);
    pos = end + 1;
    const char delimiter = csv::delimiter_of(candidate);
    std::vector<std::string> cells = csv::header_cells(candidate, delimiter);
    for (const Layout& layout : kLayouts) {
      if (only && layout.variant != *only) {
        continue;
      }
      if (const int confidence = match(layout, cells); confidence > 0) {
        return Header{&layout, confidence, delimiter, line, std::move(cells)};
      }
    }
  }
  return std::nullopt;
}

// The post a LinkedIn link names, as its URN ("urn:li:share:7345..." of
// "https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A7345...", ASCII percent-decoded);
// the link itself when it has none. Written into `out` (kept by the caller: no allocation a row).
void urn_of(std::string_view link, std::string& out) {
  const std::size_t at = link.find("urn%3A");
  const std::size_t start = at != std::string_view::npos ? at : link.find("urn:li:");
  out.clear();
  if (start == std::string_view::npos) {
    out.assign(link);
    return;
  }
  std::string_view rest = link.substr(start);
  rest = rest.substr(0, rest.find_first_of("/?#"));
  const auto hex = [](char c) {
    return c >= '0' && c <= '9'   ? c - '0'
           : c >= 'a' && c <= 'f' ? c - 'a' + 10
           : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                  : -1;
  };
  std::size_t from = 0;  // (copied up to here)
  for (std::size_t i = rest.find('%'); i != std::string_view::npos; i = rest.find('%', i + 1)) {
    // (only ASCII is decoded: the id stays UTF-8 whatever the link holds)
    if (i + 2 < rest.size() && hex(rest[i + 1]) >= 0 && hex(rest[i + 1]) < 8 &&
        hex(rest[i + 2]) >= 0) {
      out.append(rest, from, i - from);
      out.push_back(static_cast<char>(hex(rest[i + 1]) * 16 + hex(rest[i + 2])));
      i += 2;
      from = i + 1;
    }
  }
  out.append(rest, from);
}

std::string_view trimmed(std::string_view s) {
  const std::size_t first = s.find_first_not_of(" \t\r\n");
  return first == std::string_view::npos
             ? std::string_view{}
             : s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

// The columns the rows are read by, and their names in a header (lower case).
enum class Column : std::uint8_t {
  date,
  share_link,
  share_commentary,
  shared_url,
  media_url,
  link,
  message,
  type,
  first_name,
  last_name
};
constexpr std::array<std::string_view, 10> kColumnNames = {
    "date",    "sharelink", "sharecommentary", "sharedurl", "mediaurl", "link",
    "message", "type",      "first name",      "last name"};

// The rows of one file, after its header, as records.
class Rows final : public csv::RowHandler {
 public:
  Rows(const Header& header, RecordSink& out) : header_(header), out_(out) {
    for (std::size_t c = 0; c < kColumnNames.size(); ++c) {
      const auto it = std::find(header.cells.begin(), header.cells.end(), kColumnNames[c]);
      columns_[c] = static_cast<std::size_t>(it - header.cells.begin());  // (size: none)
    }
  }

  void row(std::span<const std::string> cells, std::uint64_t line, std::size_t offset) override {
    out_.reading_at(offset);
    if (line < header_.line) {
      return;  // (the note before Connections.csv's header)
    }
    if (line == header_.line) {
      return;  // the header, read already
    }
    if (cells.size() != header_.cells.size()) {
      out_.skip(kWrongCells);
      return;
    }
    switch (header_.layout->variant) {
      case shares:
        share(cells);
        break;
      case comments:
        comment(cells);
        break;
      case reactions:
        reaction(cells);
        break;
      case profile:
        profile_row(cells);
        break;
      case connections:
        ++connections_;
        break;
    }
  }

  void malformed(std::uint64_t line) override {
    if (line > header_.line) {
      out_.skip(kMalformed);
    }
  }

  // What the whole file says (the follower entries of Connections.csv).
  void finish() {
    if (connections_ > 0) {
      AccountRecord entries;
      entries.role = AccountRole::profile;  // adds to the follower count, names nobody
      entries.platform = std::string(kPlatform);
      entries.follower_entries = connections_;
      out_.account(std::move(entries));
    }
  }

 private:
  // The cell of a column ("" when the file has no such column).
  std::string_view cell(std::span<const std::string> cells, Column c) const {
    const std::size_t at = columns_[static_cast<std::size_t>(c)];
    return at < cells.size() ? std::string_view(cells[at]) : std::string_view{};
  }

  // The Date of a row, or nullopt (counted) when it is empty or not a date.
  std::optional<TimeMs> date(std::span<const std::string> cells) {
    const std::string_view text = trimmed(cell(cells, Column::date));
    const std::optional<TimeMs> t = parse_naive_utc(text);
    if (!t) {
      out_.skip(text.empty() ? kMissing : kBadDate);
    }
    return t;
  }

  void share(std::span<const std::string> cells) {
    const std::string_view link = trimmed(cell(cells, Column::share_link));
    const std::string_view commentary = cell(cells, Column::share_commentary);
    if (link.empty()) {
      out_.skip(kMissing);
      return;
    }
    const std::optional<TimeMs> t = date(cells);
    if (!t) {
      return;
    }
    if (trimmed(commentary).empty() && trimmed(cell(cells, Column::shared_url)).empty() &&
        trimmed(cell(cells, Column::media_url)).empty()) {
      out_.skip(kReposts);
      return;
    }
    urn_of(link, id_);
    ingest::PostRecord& r = record_;
    r.clear();
    r.id = id_;
    // A share with several media is written once per media, its other cells repeated: the
    // merge drops the repeats (the rows of a file may be read by several threads).
    r.repeat = ingest::RepeatRule::same_text;
    r.repeat_reason = kMediaRows;
    r.created_at = *t;
    r.text = csv::unwrap_quoted_lines(commentary, text_);
    r.url = link;
    r.comments_known = false;  // the export holds nothing other people wrote
    out_.post(r);
  }

  // A comment of the account's on a post: an outreach post, answering the post's author, whom
  // the export does not name: the post's URN stands for them.
  void comment(std::span<const std::string> cells) {
    const std::string_view link = trimmed(cell(cells, Column::link));
    const std::string_view message = cell(cells, Column::message);
    if (link.empty() || trimmed(message).empty()) {
      out_.skip(kMissing);
      return;
    }
    const std::optional<TimeMs> t = date(cells);
    if (!t) {
      return;
    }
    urn_of(link, target_);
    // A comment has no id of its own: its post and time make one, which the merge numbers on a
    // repeat.
    id_ = target_;
    id_.push_back('#');
    id_.append(trimmed(cell(cells, Column::date)));
    ingest::PostRecord& r = record_;
    r.clear();
    r.id = id_;
    r.repeat = ingest::RepeatRule::numbered;
    r.created_at = *t;
    r.text = message;
    r.url = link;
    r.reply_to_author = target_;
    r.has_reply_to = true;
    r.comments_known = false;
    out_.post(r);
  }

  void reaction(std::span<const std::string> cells) {
    if (trimmed(cell(cells, Column::link)).empty() || trimmed(cell(cells, Column::type)).empty()) {
      out_.skip(kMissing);
      return;
    }
    if (date(cells)) {
      out_.skip(kReactions);
    }
  }

  void profile_row(std::span<const std::string> cells) {
    const std::string_view first = trimmed(cell(cells, Column::first_name));
    const std::string_view last = trimmed(cell(cells, Column::last_name));
    if (first.empty() && last.empty()) {
      out_.skip(kMissing);
      return;
    }
    if (named_) {
      out_.skip(kMoreProfiles);
      return;
    }
    named_ = true;
    AccountRecord a;
    a.role = AccountRole::owner;
    a.platform = std::string(kPlatform);
    a.handle = std::string(first);
    if (!first.empty() && !last.empty()) {
      a.handle.push_back(' ');
    }
    a.handle.append(last);
    out_.account(std::move(a));
  }

  const Header& header_;
  RecordSink& out_;
  std::array<std::size_t, kColumnNames.size()> columns_{};  // each column's cell, by header
  ingest::PostRecord record_;
  std::string id_;
  std::string target_;
  std::string text_;
  std::uint64_t connections_ = 0;
  bool named_ = false;
};

void read_text(const TextItem& item, RecordSink& out) {
  std::string decoded;
  const std::string_view utf8 = csv::utf8_text(item.bytes, decoded);
  const auto variant = static_cast<Variant>(item.variant);
  // (a block after the first finds the header in the input's first lines)
  const std::optional<Header> header = find_header(item.head.empty() ? utf8 : item.head, variant);
  if (!header) {
    const std::string_view file =
        item.variant < kLayouts.size() ? kLayouts[item.variant].file : "LinkedIn";
    throw TextViolation{"no header line of LinkedIn's " + std::string(file), 1};
  }
  Rows rows(*header, out);
  // (a UTF-16 file is read from its UTF-8 copy: the input's pages are not what is read)
  const std::function<void(std::size_t)> none;
  const auto& done_before = utf8.data() == item.bytes.data() ? item.done_before : none;
  const bool repair =
      item.backslash_quotes || csv::backslash_escapes(utf8, header->delimiter, done_before);
  csv::read_table(utf8, header->delimiter, rows, repair, done_before, item.first_line);
  rows.finish();
}

Detection detect(const Sniff& s) {
  if (s.shape != ingest::Shape::text) {
    return {};
  }
  const std::string head = csv::utf8_head(s.head.substr(0, kHeadBytes));
  const std::optional<Header> header = find_header(head, std::nullopt);
  if (!header) {
    return {};
  }
  // The files that can be large are cut into blocks of records, read in parallel, unless they
  // are UTF-16 (then the importer makes them UTF-8 first).
  const Variant variant = header->layout->variant;
  const bool cut = !ingest::starts_with_utf16_bom(s.head) &&
                   (variant == shares || variant == comments || variant == reactions);
  return ingest::detected(header->confidence,
                          {FramingKind::text, {}, false, cut ? header->delimiter : '\0'}, variant);
}

// (a text format: read_text reads the input)
void read(ingest::ImportItem&, RecordSink&) {}

}  // namespace

const ingest::Importer kLinkedIn = {
    "linkedin",
    kPlatform,
    "LinkedIn's data export: Shares.csv (posts), Comments.csv (the account's comments: "
    "outreach), Reactions.csv (counted), Profile.csv, Connections.csv (followers)",
    "likes, reposts, impressions and every comment other people wrote; whom a comment answers",
    false,
    detect,
    read,
    read_text,
};

}  // namespace ror::importers
