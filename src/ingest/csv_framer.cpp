// The framer of CSV text (FramingKind::text with a csv_delimiter): cuts an input into blocks of
// whole records, so that the parsing threads share a large file, and hands every block the
// input's first lines (its header).
//
// A cut must fall where a reader of the whole file would be between two records. The framer
// follows the quoting from the start of the input, a quote at a time, as long as the text is
// regular CSV: a quote opens a cell only at the cell's start, a closing quote is followed (after
// spaces) by the delimiter or a line end, `""` is a quote inside a cell. Its cuts are then at line
// ends outside quoted cells. Some exporters write a quote inside a cell as `\"`: once one such
// `\"` is certain (it is followed by what cannot follow a closing quote), every `\"` inside a
// quoted cell is one quote, as csv::read_table reads it with the repair. Anything else (a quote
// inside an unquoted cell, text after a closing quote, a `\"` that may end its cell before the
// repair is known) is where a reader could resynchronise differently: no cut is made after it,
// and the rest of the input is one block.
#include <cstring>
#include <memory>
#include <string>
#include <string_view>

#include "ingest/framing.hpp"

namespace ror::ingest {

namespace {

// What is kept of the input's start for every block: its first lines (a header is looked for
// among the first few). The first block holds them all, so that it finds the same header; an
// input whose first lines are longer than kHeadBytes is not cut.
constexpr std::size_t kHeadLines = 16;
constexpr std::size_t kHeadBytes = std::size_t{16} << 20;

class CsvFramer final : public Framer {
 public:
  explicit CsvFramer(char delimiter) : delimiter_(delimiter) {}

  std::size_t cut(InputText& text, bool at_end) override {
    std::size_t end = 0;
    if (text.input_start && !keep_head(text.view())) {
      whole_ = whole_ || text.size > kHeadBytes;  // (else: more bytes, to hold the head)
    } else if (!whole_) {
      end = last_record_end(text.view(), at_end);
      if (text.input_start && end < head_->size()) {
        end = 0;  // (the first block holds the head)
      }
    }
    if (at_end) {
      end = text.size;
    }
    text.head = head_;
    text.backslash_quotes = escapes_;
    if (end > 0) {
      text.items.push_back(Item{0, end, ItemKind::whole, 0, {}, {}});
    }
    return end;
  }

 private:
  // Keeps the first lines of `text` (the input's start) as the head; false when `text` ends
  // before them.
  bool keep_head(std::string_view text) {
    std::size_t end = 0;
    for (std::size_t line = 0; line < kHeadLines; ++line) {
      const std::size_t newline = text.find('\n', end);
      if (newline == std::string_view::npos) {
        return false;
      }
      end = newline + 1;
    }
    head_ = block_head(text.substr(0, end));
    return true;
  }

  bool ends_cell(char c) const { return c == delimiter_ || c == '\n' || c == '\r'; }

  // Where the last record that ends in `text` (which starts where a record starts) ends, after
  // its line end; 0 when none does. Sets whole_ on text that is not regular.
  std::size_t last_record_end(std::string_view text, bool at_end) {
    const std::size_t n = text.size();
    std::size_t end = 0;
    std::size_t pos = 0;
    bool cell_start = true;
    while (pos < n) {
      const char* found = static_cast<const char*>(std::memchr(text.data() + pos, '"', n - pos));
      const std::size_t quote =
          found == nullptr ? n : static_cast<std::size_t>(found - text.data());
      const std::string_view unquoted = text.substr(pos, quote - pos);
      if (const std::size_t newline = unquoted.rfind('\n'); newline != std::string_view::npos) {
        end = pos + newline + 1;
      }
      if (quote == n) {
        break;
      }
      if (!csv_cell_starts_after(unquoted, delimiter_, cell_start)) {
        whole_ = true;  // a quote inside an unquoted cell
        break;
      }
      const std::size_t after = quoted_cell_end(text, quote + 1, at_end);
      if (after == std::string_view::npos) {
        break;  // irregular (whole_ is set), or the cell goes on past the text
      }
      pos = after;
      cell_start = false;  // (text[after] ends the cell: the next stretch starts with it)
    }
    return end;
  }

  // Where the quoted cell whose text starts at `from` ends: the delimiter or line end after its
  // closing quote; npos when the text ends first or is not regular (then whole_ is set).
  std::size_t quoted_cell_end(std::string_view text, std::size_t from, bool at_end) {
    const std::size_t n = text.size();
    std::size_t i = from;
    while (true) {
      const char* found = static_cast<const char*>(std::memchr(text.data() + i, '"', n - i));
      if (found == nullptr) {
        return std::string_view::npos;
      }
      const auto quote = static_cast<std::size_t>(found - text.data());
      if (quote + 1 >= n && !at_end) {
        return std::string_view::npos;  // what follows the quote is not here yet
      }
      const char next = quote + 1 < n ? text[quote + 1] : '\n';
      if (quote > i && text[quote - 1] == '\\') {
        if (!ends_cell(next) && next != '"' && next != ' ') {
          escapes_ = true;  // it can only be a quote inside the cell
        } else if (!escapes_) {
          whole_ = true;  // it may be the cell's end, until the repair is known
          return std::string_view::npos;
        }
        i = quote + 1;
        continue;
      }
      if (next == '"') {
        i = quote + 2;  // a doubled quote
        continue;
      }
      std::size_t after = quote + 1;
      while (after < n && text[after] == ' ') {
        ++after;
      }
      if (after == n) {
        return std::string_view::npos;
      }
      if (!ends_cell(text[after])) {
        whole_ = true;  // text after a closing quote
        return std::string_view::npos;
      }
      return after;
    }
  }

  char delimiter_;
  std::shared_ptr<const std::string> head_;
  bool whole_ = false;    // text that is not regular was met: the rest is one block
  bool escapes_ = false;  // a `\"` that can only escape a quote was met
};

}  // namespace

std::unique_ptr<Framer> make_csv_framer(char delimiter) {
  return std::make_unique<CsvFramer>(delimiter);
}

}  // namespace ror::ingest
