// The LinkedIn export importer (src/importers/linkedin.cpp, with csv_table.cpp) on
// tests/fixtures/importers/linkedin (Maren Holt's export: Shares, Comments with `\"` quotes,
// Reactions, Profile, Connections), linkedin-2019 (an old UTF-16, tab-separated Shares.csv) and
// linkedin-damaged (rows that cannot be read), plus inputs written here.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <span>
#include <string>
#include <vector>

#include "importer_fixtures.hpp"
#include "importers/csv_table.hpp"
#include "ingest/importer.hpp"

using ror::Dataset;
using ror::MetricId;
using ror::PostKind;
using ror::PostMetric;
using ror::Unknown;
using ror::test::at;
using ror::test::count_kind;
using ror::test::error_of;
using ror::test::load_fixture;
using ror::test::post_of;
using ror::test::reply_to_of;
using ror::test::skipped;
using ror::test::text_of;

namespace {

constexpr const char* kAtlas = "urn:li:share:7306000000000000101";  // commentary over lines
constexpr const char* kClient = "urn:li:ugcPost:7306000000000000202";
constexpr const char* kLinkOnly = "urn:li:share:7306000000000000303";
constexpr const char* kLedger = "urn:li:share:7306000000000000505";
constexpr const char* kOnJonas = "urn:li:activity:7306100000000000011";
constexpr const char* kOnStudio = "urn:li:activity:7306100000000000022";

constexpr const char* kReposts =
    "LinkedIn reposts (shares without commentary, link or media), not the account's writing";
constexpr const char* kReactions = "LinkedIn reactions to posts, not the account's writing";
constexpr const char* kMediaRows = "LinkedIn share rows repeating a share for another of its media";
constexpr const char* kWrongCells = "CSV rows with the wrong number of cells";
constexpr const char* kMissing = "CSV rows missing a required cell";
constexpr const char* kBadDate = "CSV rows whose Date is not a date";
constexpr const char* kMalformed = "CSV rows that are not well-formed";

ror::LoadOptions with_details() {
  ror::LoadOptions options;
  options.keep_details = true;
  return options;
}

// The formats the load read `text` as (named `name`), or the error it gave.
std::string read_as(const std::string& name, const std::string& text, std::string from = "") {
  ror::LoadOptions options;
  options.from = std::move(from);
  try {
    const Dataset d = ror::load_buffers({ror::NamedInput{name, text}}, options);
    return d.input.formats.empty() ? "" : d.input.formats.front();
  } catch (const ror::Error& e) {
    return e.what();
  }
}

const std::string kCommentsHeader = "Date,Link,Message\n";
const std::string kLink = "https://www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A42";

}  // namespace

TEST_CASE("linkedin: the export's folder", "[importer][linkedin]") {
  const Dataset d = load_fixture({"linkedin"}, with_details());
  CHECK(d.input.formats == std::vector<std::string>(5, "linkedin"));  // one per file
  CHECK(d.account.handle == "Maren Holt");                            // Profile.csv
  CHECK(d.account.platform == "linkedin");
  CHECK_FALSE(d.account.inferred);
  CHECK(d.account.followers == 4);  // the rows of Connections.csv, one without a name
  // Shares.csv: 6 rows, one a repost with nothing of the account's, one a share's second
  // picture; Comments.csv: 5.
  CHECK(d.input.posts_read == 9);
  CHECK(count_kind(d, PostKind::original) == 4);
  CHECK(count_kind(d, PostKind::outreach) == 5);
  CHECK(skipped(d, kReposts) == 1);
  CHECK(skipped(d, kReactions) == 3);
  CHECK(skipped(d, kMediaRows) == 1);
  CHECK(d.input.skipped.counts.size() == 3);
  CHECK(d.input.warnings.total() == 0);

  // LinkedIn writes each line of a commentary in quotes of its own: they are removed.
  CHECK(text_of(d, kAtlas) ==
        "Three things I learned rebinding a 1910 atlas:\n\n"
        "1. Wheat paste forgives, PVA does not.\n2. Measure the spine twice.\n"
        "3. Ask the owner what the book means to them. #bookbinding");
  CHECK(post_of(d, kAtlas).created_at == at("2025-03-14T09:12:40Z"));
  CHECK(post_of(d, kAtlas).hashtags == 1);
  CHECK(text_of(d, kClient) == "A client asked, \"Can you save it?\" Yes, mostly. #conservation");
  CHECK(text_of(d, kLinkOnly).empty());  // a link shared without a word: still a post
  CHECK(post_of(d, kLinkOnly).words == 0);
  CHECK(post_of(d, kLedger).words == 10);
  CHECK_FALSE(post_of(d, kAtlas).comments_known);
  CHECK(post_of(d, kAtlas).known == 0);  // no counts at all

  // Comments.csv: the account's comments on posts, each answering the post's unnamed author.
  const std::string second = std::string(kOnJonas) + "#2025-03-15 10:05:44";
  CHECK(post_of(d, second).kind == PostKind::outreach);
  CHECK(reply_to_of(d, second) == kOnJonas);
  CHECK(text_of(d, second) ==
        "Priya Nand I call that the \"second spine\" trick: a hollow tube glued between the text "
        "block and the cover.");
  const std::string studio = std::string(kOnStudio) + "#2025-03-16 18:30:00";
  CHECK(text_of(d, studio) ==
        "Congratulations on the new studio!\n\nIf you ever need a hand with the press, call me.");
  CHECK(post_of(d, studio + "#2").created_at == at("2025-03-16T18:30:00Z"));  // the same second
  // A comment under the account's own post is outreach too: the files are read apart.
  const std::string own = std::string(kClient) + "#2025-03-17 08:00:00";
  CHECK(post_of(d, own).kind == PostKind::outreach);
  CHECK(text_of(d, own) ==
        "Tomas Berg Thank you! The \"save it\" part took three weekends. My answer was "
        "\"mostly.\"");

  const ror::MetricValues m = ror::compute_metrics(d, {});
  CHECK(m[MetricId::posts] == 9);
  CHECK(m[MetricId::outreach_replies] == 5);
  CHECK(m[MetricId::outreach_people] == 3);  // the posts commented on stand for their authors
  CHECK(m.why_unknown(MetricId::comments) == Unknown::no_comments);
  CHECK(m.why_unknown(MetricId::likes) == Unknown::not_carried);
  CHECK(m.why_unknown(MetricId::impressions) == Unknown::not_carried);
}

TEST_CASE("linkedin: the same figures from a zip's members or single files",
          "[importer][linkedin]") {
  const Dataset folder = load_fixture({"linkedin"});
  const Dataset zip = load_fixture({"linkedin.zip"});
  CHECK(zip.input.posts_read == folder.input.posts_read);
  CHECK(zip.account.handle == folder.account.handle);
  CHECK(zip.account.followers == folder.account.followers);
  CHECK(skipped(zip, kReposts) == 1);
  const Dataset files =
      load_fixture({"linkedin/Profile.csv", "linkedin/Shares.csv", "linkedin/Comments.csv",
                    "linkedin/Reactions.csv", "linkedin/Connections.csv"});
  CHECK(files.input.posts_read == folder.input.posts_read);
  CHECK(files.account.handle == folder.account.handle);
  CHECK(files.account.followers == folder.account.followers);
  CHECK(skipped(files, kReactions) == 3);
}

TEST_CASE("linkedin: an old export, UTF-16 and tab-separated", "[importer][linkedin]") {
  const Dataset d = load_fixture({"linkedin-2019/Shares.csv"}, with_details());
  CHECK(d.input.formats == std::vector<std::string>{"linkedin"});
  CHECK(d.input.posts_read == 3);
  CHECK(text_of(d, "urn:li:share:6540000000000000011") ==
        "Open studio on Saturday, 10 to 4: bring a book that needs help.");
  // A quoted cell over two lines, and a character outside the BMP (a surrogate pair).
  CHECK(text_of(d, "urn:li:share:6540000000000000022") ==
        "Finished a quarter-leather binding today.\r\nThe gold tooling took longer than the "
        "sewing \xF0\x9F\x93\x9A");
  CHECK(post_of(d, "urn:li:share:6540000000000000033").created_at == at("2019-04-02T11:00:00Z"));
  CHECK_FALSE(d.account.followers.has_value());
}

TEST_CASE("linkedin: rows that cannot be read are counted by reason", "[importer][linkedin]") {
  const Dataset d = load_fixture({"linkedin-damaged/Comments.csv"});
  CHECK(d.input.posts_read == 2);
  CHECK(skipped(d, kWrongCells) == 1);
  CHECK(skipped(d, kMissing) == 1);
  CHECK(skipped(d, kBadDate) == 1);
  CHECK(skipped(d, kMalformed) == 1);
}

TEST_CASE("linkedin: a large file with an irregular rest reads as it does from memory",
          "[importer][linkedin]") {
  // A row that is not well-formed, then 40 MiB of rows: the rest is one block, so the file is
  // read in blocks until that outgrows 16 of them (and the 16 MiB read for detection), and
  // mapped from there on, while the parsing threads read the blocks before it (which own their
  // bytes: they let no page of the mapping go).
  std::string text = kCommentsHeader;
  const auto row = [&text](std::size_t i) {
    text += "2025-01-31 14:05:09,https://www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A" +
            std::to_string(i) + ",\"A comment on the post, with \"\"quotes\"\" and, a comma\"\n";
  };
  std::size_t rows = 0;
  while (text.size() < (std::size_t{8} << 20)) {
    row(rows++);
  }
  text += "2025-01-31 14:05:09," + kLink + ",a \"quote\" in an unquoted cell\n";
  while (text.size() < (std::size_t{48} << 20)) {
    row(rows++);
  }
  const std::filesystem::path path =
      std::filesystem::temp_directory_path() / ("ror-test-Comments-" + std::to_string(::getpid()));
  const std::filesystem::path file = path / "Comments.csv";
  std::filesystem::create_directories(path);
  std::ofstream(file, std::ios::binary) << text;
  ror::LoadOptions options;
  options.threads = 2;
  options.block_bytes = std::size_t{64} << 10;  // (mapped once the rest outgrows 16 MiB)
  const Dataset from_file = ror::load_files({file.string()}, options);
  std::filesystem::remove_all(path);
  const Dataset in_memory = ror::load_buffers({ror::NamedInput{file.string(), text}}, options);
  CHECK(from_file.input.posts_read == rows);
  CHECK(skipped(from_file, kMalformed) == 1);
  CHECK(from_file.input.posts_read == in_memory.input.posts_read);
  CHECK(from_file.posts.size() == in_memory.posts.size());
  CHECK(from_file.input.skipped.counts == in_memory.input.skipped.counts);
}

TEST_CASE("linkedin: detection by the header line", "[importer][linkedin]") {
  CHECK(read_as("Comments.csv", kCommentsHeader + "2025-01-31 14:05:09," + kLink + ",Hi\n") ==
        "linkedin");
  // Case and order do not matter, nor extra columns; the file's name does not either.
  CHECK(read_as("x.txt", "link,MESSAGE,date,extra\n" + kLink + ",Hi,2025-01-31 14:05:09,\n") ==
        "linkedin");
  // A CSV of other columns is no LinkedIn file, nor is one named like one.
  const std::string other = read_as("Shares.csv", "Date,Link,Text\n2025-01-31,x,y\n");
  CHECK(other.find("no importer recognises this input") != std::string::npos);
  CHECK(read_as("Shares.csv", "Date,Link,Text\n2025-01-31,x,y\n", "linkedin") ==
        "Shares.csv does not look like linkedin input (text that is not JSON); see ror formats");
  // JSON is someone else's, even when forced.
  CHECK(read_as("c.json", R"({"Date": 1, "Link": 2, "Message": 3})", "linkedin") ==
        "c.json does not look like linkedin input (a JSON object); see ror formats");
}

TEST_CASE("linkedin: bad input names the file and line", "[importer][linkedin]") {
  // A quoted cell open at the end: a truncated file.
  CHECK(error_of("Comments.csv", kCommentsHeader + "2025-01-31 14:05:09," + kLink +
                                     ",Fine\n2025-02-01 10:00:00," + kLink + ",\"Cut off") ==
        "a quoted cell is not closed by the end of the file (Comments.csv:3)");
  // Bytes that are not UTF-8 (nor UTF-16 after a byte order mark): each invalid sequence
  // replaced by U+FFFD and counted, with the place of the first.
  const Dataset d =
      ror::load_buffers({ror::NamedInput{"Comments.csv", kCommentsHeader + "2025-01-31 14:05:09," +
                                                             kLink + ",caf\xe9 \xff\xfe\n"}},
                        with_details());
  REQUIRE(d.posts.size() == 1);
  CHECK(d.details->posts[0].text == "caf\ufffd \ufffd\ufffd");
  CHECK(d.input.warnings.invalid_utf8 == 3);
  CHECK(d.input.warnings.first ==
        "invalid UTF-8 replaced by U+FFFD (the first at Comments.csv:2:86)");
  // Nothing readable: no posts.
  CHECK(error_of("Comments.csv", kCommentsHeader).find("no posts") != std::string::npos);
}

namespace {

// The cells of every record read_table finds, "|"-joined, one string per record.
struct Cells : ror::importers::csv::RowHandler {
  std::vector<std::string> rows;
  bool places = false;  // each row with its line and offset

  void row(std::span<const std::string> cells, std::uint64_t line, std::size_t offset) override {
    std::string joined =
        places ? std::to_string(line) + "@" + std::to_string(offset) + ":" : std::string();
    for (std::size_t i = 0; i < cells.size(); ++i) {
      joined.append(i == 0 ? "" : "|").append(cells[i]);
    }
    rows.push_back(joined);
  }
  void malformed(std::uint64_t line) override {
    rows.push_back("malformed@" + std::to_string(line));
  }
};

std::vector<std::string> read_repaired(const std::string& text) {
  Cells cells;
  ror::importers::csv::read_table(text, ',', cells,
                                  ror::importers::csv::backslash_escapes(text, ','));
  return cells.rows;
}

}  // namespace

TEST_CASE("linkedin: CSV repairs", "[importer][linkedin]") {
  using ror::importers::csv::backslash_escapes;
  using ror::importers::csv::unwrap_quoted_lines;
  std::string storage;
  // `\"` escaping a quote, shown by a letter after it: every `\"` in a quoted cell is repaired,
  // in a cell that spans lines too.
  CHECK(backslash_escapes("a,\"say \\\"hi\\\"\"\n", ','));
  CHECK(read_repaired("a,\"say \\\"hi\\\"\"\n") == std::vector<std::string>{"a|say \"hi\""});
  CHECK(read_repaired("a,\"one\n\\\"two\\\" three\"\nb,c\n") ==
        std::vector<std::string>{"a|one\n\"two\" three", "b|c"});
  // A backslash before a closing quote alone is a backslash: nothing changes.
  CHECK_FALSE(backslash_escapes("a,\"C:\\\",b\n", ','));
  CHECK(read_repaired("a,\"C:\\\",b\n") == std::vector<std::string>{"a|C:\\|b"});
  // Outside quotes, nothing changes (a quote inside an unquoted cell is malformed).
  CHECK_FALSE(backslash_escapes("a,b\\\"c\n", ','));
  CHECK(read_repaired("a,b\\\"c\n") == std::vector<std::string>{"malformed@1"});
  CHECK(unwrap_quoted_lines("one\"\n\"\"\n\"two", storage) == "one\n\ntwo");
  CHECK(unwrap_quoted_lines("\"quoted\"\"\n\"next", storage) == "\"quoted\"\nnext");
  CHECK(unwrap_quoted_lines("one\ntwo\"\n\"three", storage) == "one\ntwo\"\n\"three");
}

namespace {

// The `\"` repair as a walk of one byte at a time over the whole text: what read_table's repair
// must do, written the plain way. Returns the repaired text; `escapes` as backslash_escapes.
std::string repaired_plainly(const std::string& text, char delimiter, bool& escapes) {
  std::string out;
  bool quoted = false;
  bool cell_start = true;
  escapes = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    // (read_table repairs a line at a time: a `\"` cut by a line end is none)
    const bool line_end_next = c == '\n';
    if (!quoted) {
      out.push_back(c);
      if (c == '"' && cell_start) {
        quoted = true;
        cell_start = false;
      } else {
        cell_start = c == delimiter || c == '\n' || c == '\r' || (cell_start && c == ' ');
      }
      continue;
    }
    if (c == '\\' && !line_end_next && i + 1 < text.size() && text[i + 1] == '"') {
      const char next = i + 2 < text.size() ? text[i + 2] : '\n';
      escapes = escapes ||
                (next != delimiter && next != '\n' && next != '\r' && next != '"' && next != ' ');
      out.append("\"\"");
      ++i;
    } else if (c == '"') {
      out.push_back(c);
      if (i + 1 < text.size() && text[i + 1] == '"' && text[i + 1] != '\n') {
        out.push_back('"');
        ++i;
      } else {
        quoted = false;
      }
    } else {
      out.push_back(c);
    }
  }
  return out;
}

// The rows of `text` with their places, and the error reading ends in.
std::vector<std::string> read_plain(const std::string& text, bool repair) {
  Cells cells;
  cells.places = true;
  try {
    ror::importers::csv::read_table(text, ',', cells, repair);
  } catch (const ror::ingest::TextViolation& e) {
    cells.rows.push_back("error at " + std::to_string(e.line) + ": " + e.what);
  }
  return cells.rows;
}

// Whether `text` holds a '\r' that is not followed by '\n'.
bool bare_cr(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n')) {
      return true;
    }
  }
  return false;
}

// A small reproducible stream of random numbers (xorshift64).
struct XorShift {
  std::uint64_t state;
  std::uint64_t operator()() {
    state ^= state << 13U;
    state ^= state >> 7U;
    state ^= state << 17U;
    return state;
  }
};

}  // namespace

TEST_CASE("linkedin: the quote-by-quote repair reads as a byte-by-byte one",
          "[importer][linkedin]") {
  // Random texts of the bytes that matter, so that quotes, doubled quotes, backslashes, spaces
  // and line ends meet in every order.
  const std::string alphabet = "a,\"\"\\\\ \n\r";
  XorShift next{0x9e3779b97f4a7c15ULL};
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    const std::size_t size = next() % 40;
    for (std::size_t k = 0; k < size; ++k) {
      text.push_back(alphabet[next() % alphabet.size()]);
    }
    bool escapes = false;
    const std::string expected = repaired_plainly(text, ',', escapes);
    INFO("text: " << text);
    CHECK(ror::importers::csv::backslash_escapes(text, ',') == escapes);
    // Unrepaired text is handed to libcsv a record at a time, repaired text a line at a time:
    // the same rows at the same places, but where a bare '\r' ends a record inside a line.
    // Reading a line at a time then names the next line for the record after it, and drops an
    // empty line inside its quoted cell (see the next test case).
    if (!bare_cr(text)) {
      CHECK(read_plain(text, true) == read_plain(expected, false));
    }
  }
}

TEST_CASE("csv: records end at line ends outside quoted cells, 64 bytes at a time as byte by byte",
          "[importer][linkedin]") {
  const std::string alphabet = "a,\"\"\n\r  ";
  XorShift next{0x2545f4914f6cdd1dULL};
  for (int round = 0; round < 3000; ++round) {
    // Long enough to cross several 64-byte chunks, with quoted stretches that cross them too.
    std::string text;
    const std::size_t size = next() % 400;
    while (text.size() < size) {
      const std::uint64_t r = next();
      if (r % 7 == 0) {
        text.append(std::string(r % 150, 'x'));
      } else {
        text.push_back(alphabet[r % alphabet.size()]);
      }
    }
    INFO("round " << round);
    const std::size_t from = text.empty() ? 0 : next() % text.size();
    ror::importers::csv::RecordEnds ends(text, from);
    std::size_t pos = from;
    while (pos < text.size()) {
      std::uint64_t newlines = 0;
      std::uint64_t expected_newlines = 0;
      const std::size_t end = ends.next(newlines);
      const std::size_t expected =
          ror::importers::csv::record_end_scalar(text, pos, expected_newlines);
      REQUIRE(end == expected);
      REQUIRE(newlines == expected_newlines);
      pos = end;
      if (pos < text.size() && next() % 5 == 0) {
        pos += next() % (text.size() - pos);  // as after a malformed record
        ends.restart(pos);
      }
    }
    std::uint64_t newlines = 1;
    CHECK(ends.next(newlines) == text.size());  // and stays there
    CHECK(newlines == 0);
  }
}

TEST_CASE("csv: a record after a bare carriage return is named by its own line and place",
          "[importer][linkedin]") {
  CHECK(read_plain("a,b\rc,d\n\"e\nf\",g\r\nh,i", false) ==
        std::vector<std::string>{"1@0:a|b", "1@4:c|d", "2@8:e\nf|g", "4@17:h|i"});
  // An empty line inside the quoted cell of such a record is the cell's.
  CHECK(read_plain("a,b\r\"x\n\ny\"\n", false) ==
        std::vector<std::string>{"1@0:a|b", "1@4:x\n\ny"});
}

TEST_CASE("linkedin: ids are the URNs of the links, ASCII percent-decoded",
          "[importer][linkedin]") {
  const std::string share_header = "Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility\n";
  const Dataset d = ror::load_buffers(
      {ror::NamedInput{"Shares.csv", share_header +
                                         "2025-01-31 14:05:09,https://www.linkedin.com/feed/update/"
                                         "urn%3Ali%3Ashare%3A7%FF,Hi,,,\n"
                                         "2025-01-31 14:05:10,https://example.org/p/9,Hello,,,\n"}},
      ror::LoadOptions{});
  CHECK(ror::test::has_post(d, "urn:li:share:7%FF"));  // a byte that is not ASCII stays encoded
  CHECK(ror::test::has_post(d, "https://example.org/p/9"));  // no URN: the link itself
}
