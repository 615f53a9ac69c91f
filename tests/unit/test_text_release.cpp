// A text input's pages let go as it is read (read_block's `release`, TextItem::done_before): the
// stretches named are in order, within the block, and reading gives the same records with them
// as without.
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "importers/csv_table.hpp"
#include "ingest/block_reader.hpp"
#include "ingest/importer.hpp"
#include "ingest/post_batch.hpp"

namespace {

using Stretches = std::vector<std::pair<std::uint64_t, std::uint64_t>>;

// A WXR file of posts, larger than the pieces libxml2 is fed.
std::string big_wxr() {
  std::string text =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<rss version=\"2.0\" xmlns:wp=\"http://wordpress.org/export/1.2/\">\n"
      "<channel><title>T</title>\n";
  for (int n = 1; text.size() < (std::size_t{5} << 20); ++n) {
    text += fmt::format(
        "<item><wp:post_id>{}</wp:post_id><wp:post_date_gmt>2026-03-01 10:00:00"
        "</wp:post_date_gmt><wp:post_type>post</wp:post_type><wp:status>publish</wp:status>"
        "<title>{}</title></item>\n",
        n, std::string(300, 'x'));
  }
  return text + "</channel></rss>\n";
}

// Reads `text` as one text block starting at input byte `offset`, noting what is let go.
std::uint64_t read_wxr(const std::string& text, std::uint64_t offset, Stretches* released) {
  ror::ingest::InputText block;
  block.name = "big.xml";
  block.data = text.data();
  block.size = text.size();
  block.capacity = text.size();
  block.offset = offset;
  ror::ingest::PostBatch batch("big.xml");
  const ror::ingest::Framing framing{ror::ingest::FramingKind::text, {}, false};
  ror::ingest::ReleaseBytes release;
  if (released != nullptr) {
    release = [released](std::uint64_t begin, std::uint64_t end) {
      released->emplace_back(begin, end);
    };
  }
  ror::ingest::read_block(block, framing, *ror::ingest::find_importer("wordpress-wxr"), 0, batch,
                          release);
  return batch.posts.size();
}

// The stretches follow one another from `from`, and end by `to`.
void check_in_order(const Stretches& s, std::uint64_t from, std::uint64_t to) {
  REQUIRE_FALSE(s.empty());
  std::uint64_t at = from;
  for (const auto& [begin, end] : s) {
    CHECK(begin >= at);
    CHECK(end > begin);
    CHECK(end <= to);
    at = end;
  }
}

}  // namespace

TEST_CASE("text inputs: a WXR file's pages are let go as it is read", "[ingest][release]") {
  const std::string text = big_wxr();
  const std::uint64_t posts = read_wxr(text, 0, nullptr);
  REQUIRE(posts > 10000);
  Stretches released;
  CHECK(read_wxr(text, 1000, &released) == posts);
  // The pieces fed to the parser, from the input's start (the UTF-8 check lets go of nothing in
  // a block of one 16 MiB window: the parser reads its pages next).
  REQUIRE_FALSE(released.empty());
  CHECK(released.front().first == 1000);
  check_in_order(released, 1000, 1000 + text.size());
  CHECK(released.back().second == 1000 + text.size());
  CHECK(released.size() >= 5);  // (1 MiB pieces)

  // Invalid UTF-8: the importer reads a repaired copy, whose pages are not the input's.
  std::string bad = text;
  const std::size_t at = bad.find("xxxx", text.size() / 2);  // (in a title)
  bad[at] = '\xff';
  released.clear();
  CHECK(read_wxr(bad, 0, &released) == posts);
  CHECK(released.empty());
  CHECK(at > 0);
}

namespace {

struct Count : ror::importers::csv::RowHandler {
  std::uint64_t rows = 0;
  std::uint64_t bytes = 0;
  void row(std::span<const std::string> cells, std::uint64_t, std::size_t) override {
    ++rows;
    for (const std::string& c : cells) {
      bytes += c.size();
    }
  }
  void malformed(std::uint64_t) override {}
};

}  // namespace

TEST_CASE("text inputs: a CSV file is let go a stretch at a time", "[ingest][release]") {
  for (const bool with_escapes : {true, false}) {
    // A quote inside a cell written `\"` or `""`, cells across lines, 40 MiB in all.
    const std::string quote = with_escapes ? "\\\"" : "\"\"";
    std::string t = "Date,Link,Message\n";
    std::uint64_t rows = 0;
    while (t.size() < (std::size_t{40} << 20)) {
      t += fmt::format("2026-01-0{} 10:00:00,https://example.org/{},\"one, {}two{}\nthree\"\n",
                       rows % 9 + 1, rows, quote, quote);
      ++rows;
    }
    std::vector<std::size_t> told;
    const auto done_before = [&](std::size_t offset) { told.push_back(offset); };
    Count plain;
    Count let_go;
    const bool repair = ror::importers::csv::backslash_escapes(t, ',');
    CHECK(repair == with_escapes);
    CHECK(ror::importers::csv::backslash_escapes(t, ',', done_before) == repair);
    ror::importers::csv::read_table(t, ',', plain, repair);
    ror::importers::csv::read_table(t, ',', let_go, repair, done_before);
    CHECK(plain.rows == rows + 1);  // (and the header)
    CHECK(let_go.rows == plain.rows);
    CHECK(let_go.bytes == plain.bytes);
    // (the search for `\"` tells only when there is none; reading, every 16 MiB)
    REQUIRE(told.size() >= (with_escapes ? 2U : 4U));
    for (std::size_t k = 0; k < told.size(); ++k) {
      CHECK(told[k] <= t.size());
    }
  }
}
