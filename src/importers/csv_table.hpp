// Comma- or tab-separated text as importers of CSV exports meet it: UTF-8, or UTF-16 with a byte
// order mark (made UTF-8 here), cut into records by libcsv with each record's first line, and
// with the repair some exporters need (`\"` written for a quote inside a quoted cell). Knows no
// platform: an importer says which columns it wants.
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace ror::importers::csv {

// The text of an input as UTF-8: UTF-16 (little or big endian) with its byte order mark is
// transcoded into `storage`; UTF-8 is returned as it is (the block reader has replaced invalid
// bytes). Throws ingest::TextViolation, with the line, for an unpaired UTF-16 surrogate.
std::string_view utf8_text(std::string_view bytes, std::string& storage);

// The same for the first bytes of an input (a sniff's head), up to the first byte that is not
// UTF-8 (a character cut off at the end, or a fault that utf8_text will name); never throws.
std::string utf8_head(std::string_view head);

// The delimiter of a header line: a tab when it holds more tabs than commas, else a comma.
char delimiter_of(std::string_view line);

// The cells of one line split at `delimiter` (quotes around a cell removed, no quoted
// delimiters or newlines: enough for a header), trimmed of spaces and lower-cased (ASCII).
std::vector<std::string> header_cells(std::string_view line, char delimiter);

// Whether the text escapes a quote inside a quoted cell as `\"` (instead of `""`): when at
// least one `\"` inside a quoted cell is followed by something that cannot follow a closing
// quote (neither the delimiter nor a line end), which shows that the backslash escapes the
// quote. read_table(..., repair) then reads every `\"` inside a quoted cell as `""`.
// `done_before`, when given, is told as the search leaves each stretch of the text behind
// (TextItem::done_before).
bool backslash_escapes(std::string_view text, char delimiter,
                       const std::function<void(std::size_t)>& done_before = {});

// A cell whose every line break is written `"<newline>"`, the line's quotes kept inside the cell
// (LinkedIn's share commentary), with those quotes removed; any other cell unchanged.
std::string_view unwrap_quoted_lines(std::string_view cell, std::string& storage);

// The ends of the records of CSV text, read from a record's start, as a reader that only pairs
// quotes finds them: just past each line end ('\n' or '\r', as libcsv ends a record at either)
// outside a quoted cell (every quote opens or closes one, so `""` inside a cell closes and
// reopens it). Where the text is regular CSV, which is all a strict reader accepts, a record of
// that reader starts at one of these ends (a "\r\n" ends one at its '\r': the '\n' is an empty
// line). 64 bytes at a time, with bit masks, where the CPU has AVX2; byte by byte elsewhere.
class RecordEnds {
 public:
  explicit RecordEnds(std::string_view text, std::size_t pos = 0) : text_(text) { restart(pos); }
  // Starts again at `pos`, outside any quoted cell.
  void restart(std::size_t pos);
  // The end of the record that starts where the last one ended (or at the start): just past its
  // line end, or the text's size when none ends before it. `newlines` is set to how many '\n'
  // the record holds (its lines, for the lines of what follows).
  std::size_t next(std::uint64_t& newlines);

 private:
  void load(std::size_t at);

  std::string_view text_;
  std::size_t chunk_ = 0;       // where the bytes of the masks start
  std::uint64_t ends_ = 0;      // record ends in them not yet returned, a bit per byte
  std::uint64_t newlines_ = 0;  // newlines in them not yet counted
  bool inside_ = false;         // whether the chunk's last byte is inside a quoted cell
};

// The same ends, byte by byte: the reference for RecordEnds.
std::size_t record_end_scalar(std::string_view text, std::size_t pos, std::uint64_t& newlines);

// What reading a table calls back.
class RowHandler {
 public:
  virtual ~RowHandler() = default;
  // One record: its cells (each unquoted, valid until the next call), the line it starts on
  // (from 1) and where it starts in the text (bytes).
  virtual void row(std::span<const std::string> cells, std::uint64_t line, std::size_t offset) = 0;
  // A record that is not well-formed CSV (a quote inside an unquoted cell, text after a closing
  // quote): passed over; reading goes on at the next line.
  virtual void malformed(std::uint64_t line) = 0;
};

// Reads `text` (UTF-8) as CSV records separated by `delimiter`, quotes `"`, strictly (libcsv's
// CSV_STRICT). Empty lines hold no record. Throws ingest::TextViolation when a quoted cell is
// still open at the end of the text (a truncated file), naming the line its record starts on.
// Records are handed to libcsv whole (found by RecordEnds); with `repair`, one line at a time,
// every `\"` inside a quoted cell read as `""` (see backslash_escapes).
// `done_before`, when given, is told every few MiB how far the reading has come. `first_line`:
// the line of the input that `text` starts (a block of an input cut at record ends).
void read_table(std::string_view text, char delimiter, RowHandler& handler, bool repair = false,
                const std::function<void(std::size_t)>& done_before = {},
                std::uint64_t first_line = 1);

}  // namespace ror::importers::csv
