// Text cut into blocks: CSV at record ends (src/ingest/csv_framer.cpp), RSS before items
// (src/ingest/rss_framer.cpp). A LinkedIn file or a WordPress export read in blocks, by one
// thread or several, must give what one block gives: the same report, the same ids (LinkedIn
// comments numbered on a repeat, in input order), the same skips and the same errors. The texts
// are random mixes of what real exports hold: for CSV, cells over lines, `""` and `\"` quotes
// (some that only a repair reads, some that could end a cell), CRLF, blank lines and rows that
// are not well-formed; for WXR, CDATA and comments that hold markup, attributes with `>`, items
// that are not posts, comments of every status.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <limits>
#include <random>
#include <sstream>
#include <string>

#include "fixtures.hpp"
#include "ingest/framing.hpp"
#include "ror/error.hpp"
#include "ror/ingest.hpp"
#include "ror/render.hpp"
#include "ror/report.hpp"

namespace ror {
namespace {

enum class From { memory, file, mapped_file };

// What a load of `text` (named `name`) gives: the report, the ids in order, or the error.
std::string outcome(const std::string& name, const std::string& text, std::size_t block,
                    std::size_t threads, From from = From::memory) {
  LoadOptions options;
  options.block_bytes = block;
  options.threads = threads;
  std::ostringstream out;
  try {
    Dataset d;
    if (from != From::memory) {
      const std::filesystem::path path = std::filesystem::temp_directory_path() / name;
      std::ofstream(path, std::ios::binary) << text;
      options.map_bytes = from == From::mapped_file ? 1 : std::numeric_limits<std::uint64_t>::max();
      try {
        d = load_files({path.string()}, options);
      } catch (...) {
        std::filesystem::remove(path);
        throw;
      }
      std::filesystem::remove(path);
    } else {
      d = test::load_text(text, options, name);
    }
    Report report = build_report(d, default_score_config(), {});
    render_json(report, {}, out);
    for (const std::string_view id : d.post_ids) {
      out << id << '\n';
    }
  } catch (const Error& e) {
    out << e.what();
  }
  return out.str();
}

// A cell's text: words, quotes, line breaks and commas, from `rng`; with `backslash`, `\"` too,
// of which only the `ambiguous` ones may end the cell.
std::string cell_text(std::mt19937_64& rng, bool backslash, bool ambiguous = false) {
  static const char* const kPieces[] = {"relationship", " ", "return", ",",    "\"\"",   "\n",
                                        "\r\n",         "é", "🙂",   "#ror", "@maren", "  "};
  std::string s;
  const int n = static_cast<int>(rng() % 12);
  for (int k = 0; k < n; ++k) {
    if (backslash && rng() % 9 == 0) {
      // `\"` followed by a letter (only a repair reads it) or by a comma (it could end the cell)
      s += ambiguous && rng() % 3 == 0 ? "\\\"," : "\\\"so";
      continue;
    }
    s += kPieces[rng() % std::size(kPieces)];
  }
  return s;
}

// Rows that are not well-formed, and `\"` that may end a cell, stop the cutting (the rest of
// the file is one block): only some seeds have them, and only in the second half.
std::string comments_csv(std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  const bool backslash = seed % 2 == 0;
  const bool irregular = seed % 3 == 0;
  std::string csv = "Date,Link,Message\n";
  const int rows = 20 + static_cast<int>(rng() % 200);
  for (int i = 0; i < rows; ++i) {
    const bool late = irregular && i > rows / 2;
    const int kind = static_cast<int>(rng() % 40);
    if (kind == 0) {
      csv += "\n";  // a blank line
      continue;
    }
    // Few posts and times: comment ids repeat, to be numbered.
    csv += "2025-03-0" + std::to_string(1 + rng() % 3) + " 10:00:0" + std::to_string(rng() % 2);
    csv += ",https://www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A" +
           std::to_string(rng() % 5) + ",";
    if (kind == 1 && late) {
      csv += "an unquoted \"cell";  // not well-formed
    } else if (kind == 2 && late) {
      csv += "\"closed\" then text";  // not well-formed
    } else if (kind == 3 && late) {
      // Not well-formed: a reader goes on at the next line, where a quoted cell opens.
      csv += "\"closed\"x,\"open\n\"then\nmore\"";
    } else if (kind == 4 && late) {
      csv += "un\"quoted,\"open\n\",then\nmore\"";
    } else {
      csv += "\"" + cell_text(rng, backslash, late) + "x\"";
    }
    csv += rng() % 4 == 0 ? "\r\n" : "\n";
  }
  return csv;
}

std::string shares_csv(std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::string csv = "Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility\n";
  const int rows = 20 + static_cast<int>(rng() % 150);
  for (int i = 0; i < rows; ++i) {
    const std::string date = "2025-04-0" + std::to_string(1 + rng() % 9) + " 09:30:00";
    const std::string link =
        "https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A" + std::to_string(rng() % 40);
    // Commentary over lines, each written `"<newline>"` as LinkedIn does.
    std::string commentary = "\"\"\"On return" + std::to_string(rng() % 3) + "\"\"\n\"\"" +
                             cell_text(rng, false) + "\"\"\"";
    const int copies = rng() % 5 == 0 ? 2 : 1;  // a share with two media: written twice
    for (int c = 0; c < copies; ++c) {
      csv += date + "," + link + "," + commentary + ",,https://media.example/" + std::to_string(c) +
             ",MEMBER_NETWORK\n";
    }
  }
  return csv;
}

constexpr std::size_t kBlocks[] = {1, 13, 100, 1000, 1 << 16};

}  // namespace

TEST_CASE("csv blocks: a LinkedIn file reads the same in any blocks, by any threads",
          "[stream][linkedin]") {
  for (std::uint64_t seed = 1; seed <= 40; ++seed) {
    for (const bool comments : {true, false}) {
      const std::string name = comments ? "Comments.csv" : "Shares.csv";
      const std::string text = comments ? comments_csv(seed) : shares_csv(seed);
      const std::string expected = outcome(name, text, std::size_t{1} << 30, 1, From::file);
      REQUIRE(expected.starts_with("{"));  // (a report, not an error)
      for (const std::size_t block : kBlocks) {
        for (const std::size_t threads : {std::size_t{1}, std::size_t{2}, std::size_t{3}}) {
          INFO("seed " << seed << ", " << name << ", block " << block << ", threads " << threads);
          CHECK(outcome(name, text, block, threads, From::mapped_file) == expected);
        }
      }
      // (held in memory, a small input is one block)
      CHECK(outcome(name, text, 64, 2) == outcome(name, text, std::size_t{1} << 30, 1));
    }
  }
}

TEST_CASE("csv blocks: repeated comment ids are numbered in input order across blocks",
          "[stream][linkedin]") {
  std::string csv = "Date,Link,Message\n";
  for (int i = 0; i < 50; ++i) {
    csv +=
        "2025-03-01 10:00:00,https://www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A7,"
        "\"a comment\"\n";
  }
  const std::filesystem::path path = std::filesystem::temp_directory_path() / "Comments.csv";
  std::ofstream(path, std::ios::binary) << csv;
  LoadOptions options;
  options.block_bytes = 200;
  options.threads = 2;
  options.map_bytes = 1;
  const Dataset d = load_files({path.string()}, options);
  std::filesystem::remove(path);
  REQUIRE(d.post_ids.size() == 50);
  CHECK(d.post_ids[0] == "urn:li:activity:7#2025-03-01 10:00:00");
  CHECK(d.post_ids[1] == "urn:li:activity:7#2025-03-01 10:00:00#2");
  CHECK(d.post_ids[49] == "urn:li:activity:7#2025-03-01 10:00:00#50");
  CHECK(d.input.warnings.duplicate_post_ids == 0);
}

TEST_CASE("csv blocks: errors name the same line whatever the blocks", "[stream][linkedin]") {
  std::string csv = "Date,Link,Message\n";
  for (int i = 0; i < 30; ++i) {
    csv += "2025-03-01 10:00:0" + std::to_string(i % 10) +
           ",https://www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A1,\"fine\"\n";
  }
  csv +=
      "2025-03-02 10:00:00,https://www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A1,"
      "\"never closed\nover lines\n";
  const std::string expected = outcome("Comments.csv", csv, std::size_t{1} << 30, 1, From::file);
  CHECK(expected.find("Comments.csv:32)") != std::string::npos);
  for (const std::size_t block : kBlocks) {
    INFO("block " << block);
    CHECK(outcome("Comments.csv", csv, block, 2, From::mapped_file) == expected);
  }
}

TEST_CASE("csv blocks: no cut after text that is not regular CSV", "[stream][linkedin]") {
  // Each is followed by a line that a reader of the whole file reads inside a quoted cell, and
  // that would look like a record's end to a framer that went on.
  const char* const kIrregular[] = {
      "un\"quoted,\"open",   // a quote inside an unquoted cell
      "\"closed\"x,\"open",  // text after a closing quote
      "\"open\\\",more",     // a `\"` that ends the cell, no repair being certain
  };
  const std::string row =
      "2025-03-01 10:00:00,https://www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A3,\"fine\"\n";
  for (const char* irregular : kIrregular) {
    std::string csv = "Date,Link,Message\n";
    for (int i = 0; i < 20; ++i) {
      csv += row;
    }
    csv += "2025-03-02 10:00:00,https://www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A4,";
    csv += irregular;
    csv += "\n\",then\nmore\"\n";
    for (int i = 0; i < 20; ++i) {
      csv += row;
    }
    const std::string expected = outcome("Comments.csv", csv, std::size_t{1} << 30, 1, From::file);
    REQUIRE(expected.starts_with("{"));
    for (std::size_t block = 1; block < csv.size(); block += 5) {
      INFO(irregular << ", block " << block);
      CHECK(outcome("Comments.csv", csv, block, 2, From::mapped_file) == expected);
    }
  }
}

namespace {

const std::string kWxrStart =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n"
    "<!-- an export of a site -->\n"
    "<rss version=\"2.0\"\n"
    "\txmlns:content=\"http://purl.org/rss/1.0/modules/content/\"\n"
    "\txmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
    "\txmlns:wp=\"http://wordpress.org/export/1.2/\"\n>\n"
    "<channel>\n"
    "\t<title>Kiln Notes</title>\n"
    "\t<atom:link href=\"https://kiln.example/feed/\" rel=\"self\" xmlns:atom=\"a\" />\n"
    "\t<wp:base_site_url>https://kiln.example</wp:base_site_url>\n"
    "\t<wp:author><wp:author_id>3</wp:author_id><wp:author_login><![CDATA[oda]]>"
    "</wp:author_login></wp:author>\n";

// One item: a post (or a page, or a draft) with comments, its text holding markup in CDATA.
std::string wxr_item(std::mt19937_64& rng, int id) {
  static const char* const kTypes[] = {"post", "post", "post", "page", "attachment"};
  static const char* const kStatus[] = {"publish", "publish", "publish", "draft"};
  static const char* const kBody[] = {"Return on relationship",
                                      " <item> in a post ",
                                      "]]",
                                      "<!-- not a comment -->",
                                      "\n",
                                      "<b>bold</b> ",
                                      "é🙂",
                                      " #ror ",
                                      "</p></div>\n<item>"};
  std::string body;
  for (int k = static_cast<int>(rng() % 8); k > 0; --k) {
    body += kBody[rng() % std::size(kBody)];
  }
  std::string item = "\t<item>\n\t\t<title>Firing " + std::to_string(id) + "</title>\n";
  item += "\t\t<link>https://kiln.example/?p=" + std::to_string(id) + "</link>\n";
  item += "\t\t<dc:creator><![CDATA[oda]]></dc:creator>\n";
  item += "\t\t<guid isPermaLink=\"false\" note='a > b'>g" + std::to_string(id) + "</guid>\n";
  item += "\t\t<content:encoded><![CDATA[" + body + "]]></content:encoded>\n";
  item += "\t\t<wp:post_id>" + std::to_string(id) + "</wp:post_id>\n";
  item += "\t\t<wp:post_date_gmt><![CDATA[2026-0" + std::to_string(1 + rng() % 9) + "-1" +
          std::to_string(rng() % 10) + " 08:00:00]]></wp:post_date_gmt>\n";
  item +=
      std::string("\t\t<wp:post_type>") + kTypes[rng() % std::size(kTypes)] + "</wp:post_type>\n";
  item += std::string("\t\t<wp:status>") + kStatus[rng() % std::size(kStatus)] + "</wp:status>\n";
  if (rng() % 4 == 0) {
    item += "\t\t<!-- <item> in a comment -->\n\t\t<wp:postmeta/>\n";
  }
  const int comments = static_cast<int>(rng() % 4);
  for (int c = 1; c <= comments; ++c) {
    item += "\t\t<wp:comment>\n\t\t\t<wp:comment_id>" + std::to_string(id * 10 + c) +
            "</wp:comment_id>\n";
    item += std::string("\t\t\t<wp:comment_author><![CDATA[") +
            (rng() % 3 == 0 ? "oda" : "visitor " + std::to_string(rng() % 5)) +
            "]]></wp:comment_author>\n";
    item += "\t\t\t<wp:comment_date_gmt><![CDATA[2026-09-2" + std::to_string(rng() % 8) +
            " 10:00:00]]></wp:comment_date_gmt>\n";
    item += "\t\t\t<wp:comment_content><![CDATA[" + body + " thanks]]></wp:comment_content>\n";
    item += std::string("\t\t\t<wp:comment_approved><![CDATA[") + (rng() % 5 == 0 ? "spam" : "1") +
            "]]></wp:comment_approved>\n";
    item += "\t\t\t<wp:comment_parent>" + std::to_string(c > 1 && rng() % 2 ? id * 10 + 1 : 0) +
            "</wp:comment_parent>\n";
    item += std::string("\t\t\t<wp:comment_user_id>") + (rng() % 3 == 0 ? "3" : "0") +
            "</wp:comment_user_id>\n\t\t</wp:comment>\n";
  }
  return item + "\t</item>\n";
}

// A WordPress export; with `late_author`, an author element after half of the items (which
// stops the cutting, as blocks after it would not see it).
std::string wxr(std::uint64_t seed, bool late_author) {
  std::mt19937_64 rng(seed);
  std::string text = kWxrStart;
  const int items = 5 + static_cast<int>(rng() % 40);
  for (int i = 1; i <= items; ++i) {
    text += wxr_item(rng, i);
    if (late_author && i == items / 2) {
      text +=
          "\t<wp:author><wp:author_id>4</wp:author_id><wp:author_login>ren"
          "</wp:author_login></wp:author>\n";
    }
  }
  return text + "</channel>\n</rss>\n";
}

}  // namespace

TEST_CASE("text blocks: a WordPress export reads the same in any blocks, by any threads",
          "[stream][wordpress]") {
  for (std::uint64_t seed = 1; seed <= 30; ++seed) {
    const std::string text = wxr(seed, seed % 5 == 0);
    const std::string expected = outcome("blog.xml", text, std::size_t{1} << 30, 1, From::file);
    REQUIRE(expected.starts_with("{"));
    for (const std::size_t block : kBlocks) {
      for (const std::size_t threads : {std::size_t{1}, std::size_t{2}, std::size_t{3}}) {
        INFO("seed " << seed << ", block " << block << ", threads " << threads);
        CHECK(outcome("blog.xml", text, block, threads, From::mapped_file) == expected);
      }
    }
  }
}

TEST_CASE("text blocks: a WordPress export's errors name the same line in any blocks",
          "[stream][wordpress]") {
  std::mt19937_64 rng(7);
  std::string items;
  for (int i = 1; i <= 30; ++i) {
    items += wxr_item(rng, i);
  }
  const std::string broken[] = {
      kWxrStart + items + "\t<item><title>cut</wrong></item>\n" + items + "</channel>\n</rss>\n",
      kWxrStart + items + "</channel>\n",  // the file ends before </rss>
      kWxrStart + items,                   // ... before </channel>
      kWxrStart + items + "\t<item><wp:post_id>99</wp:post_id></item>\n</channel>\n</rss>\n",
  };
  for (const std::string& text : broken) {
    const std::string expected = outcome("blog.xml", text, std::size_t{1} << 30, 1, From::file);
    REQUIRE(expected.find("blog.xml:") != std::string::npos);
    for (std::size_t block = 1; block < text.size(); block += 97) {
      INFO("block " << block << ": " << expected);
      CHECK(outcome("blog.xml", text, block, 2, From::mapped_file) == expected);
    }
  }
}

TEST_CASE("text blocks: the cuts fall before the channel's items, past any markup they hold",
          "[stream][wordpress]") {
  std::mt19937_64 rng(3);
  std::string text = kWxrStart;
  for (int i = 1; i <= 40; ++i) {
    text += wxr_item(rng, i);
  }
  text += "</channel>\n</rss>\n";
  ingest::Framing framing;
  framing.kind = ingest::FramingKind::text;
  framing.rss_items = true;
  const auto framer = ingest::make_framer(framing);
  ingest::InputText input;
  input.data = text.data();
  input.size = text.size() - 20;  // (the document's end not in it)
  input.capacity = text.size();
  const std::size_t cut = framer->cut(input, false);
  CHECK(cut == text.rfind("\t<item>\n") + 1);
  REQUIRE(input.head);
  CHECK(*input.head == text.substr(0, text.find("\t<item>\n") + 1));
  // A block after it: its own first item is no cut.
  ingest::InputText next;
  next.data = text.data() + cut;
  next.size = text.size() - cut;
  next.capacity = next.size;
  next.input_start = false;
  CHECK(framer->cut(next, false) == 0);
  CHECK(framer->cut(next, true) == next.size);
}

TEST_CASE("text blocks: the cuts fall at record ends outside quoted cells", "[stream][linkedin]") {
  std::string text = "Date,Link,Message\n";
  for (int i = 0; i < 20; ++i) {
    text += "2025-03-01,l,\"two\nlines, \"\"quoted\"\"\"\n";
  }
  const std::size_t open = text.size();
  text += "2025-03-02,l,\"open\nstill open";
  ingest::Framing framing;
  framing.kind = ingest::FramingKind::text;
  framing.csv_delimiter = ',';
  const auto framer = ingest::make_framer(framing);
  ingest::InputText input;
  input.data = text.data();
  input.size = text.size();
  input.capacity = text.size();
  CHECK(framer->cut(input, false) == open);
  REQUIRE(input.head);
  CHECK(input.head->starts_with("Date,Link,Message\n"));
  // The first block holds the input's first lines whole (where the header is looked for).
  const auto another = ingest::make_framer(framing);
  input.size = 200;
  CHECK(another->cut(input, false) == 0);
}

}  // namespace ror
