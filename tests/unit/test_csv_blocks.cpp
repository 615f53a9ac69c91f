// CSV text cut into blocks of records (src/ingest/csv_framer.cpp): a LinkedIn file read in
// blocks, by one thread or several, from memory or mapped, must give what one block gives: the
// same report, the same ids (comments numbered on a repeat, in input order), the same skips
// and the same errors. The texts are random mixes of what real exports hold: cells over lines,
// `""` and `\"` quotes (some that only a repair reads, some that could end a cell), CRLF, blank
// lines and rows that are not well-formed.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <limits>
#include <random>
#include <sstream>
#include <string>

#include "fixtures.hpp"
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

}  // namespace ror
