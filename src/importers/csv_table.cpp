#include "importers/csv_table.hpp"

#include <csv.h>

#include <algorithm>
#include <bit>
#include <cstring>
#include <exception>

#if defined(__AVX2__)
#include <immintrin.h>
#endif

#include "ingest/importer.hpp"
#include "model/html_names.hpp"
#include "ror/text.hpp"

namespace ror::importers::csv {

namespace {

// How much text is read between two calls of a done_before.
constexpr std::size_t kStretch = std::size_t{16} << 20;

// The line (from 1) that offset `at` of `text` lies on.
std::uint64_t line_at(std::string_view text, std::size_t at) {
  return 1 + static_cast<std::uint64_t>(
                 std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
}

// UTF-16 code units after a byte order mark made UTF-8; the offset (in units) of an unpaired
// surrogate, or npos. An odd last byte is left out.
std::size_t transcode_utf16(std::string_view bytes, bool little, std::string& out) {
  out.clear();
  out.reserve(bytes.size());
  const std::size_t units = bytes.size() / 2;
  const auto unit = [&](std::size_t k) -> char32_t {
    const auto lo = static_cast<unsigned char>(bytes[2 * k + (little ? 0 : 1)]);
    const auto hi = static_cast<unsigned char>(bytes[2 * k + (little ? 1 : 0)]);
    return static_cast<char32_t>(hi << 8U | lo);
  };
  char encoded[4];
  for (std::size_t k = 0; k < units; ++k) {
    char32_t c = unit(k);
    if (c >= 0xd800 && c <= 0xdbff && k + 1 < units && unit(k + 1) >= 0xdc00 &&
        unit(k + 1) <= 0xdfff) {
      c = 0x10000 + ((c - 0xd800) << 10U) + (unit(k + 1) - 0xdc00);
      ++k;
    } else if (c >= 0xd800 && c <= 0xdfff) {
      return k;
    }
    out.append(encoded, html::encode_utf8(c, encoded));
  }
  return std::string_view::npos;
}

bool is_space(unsigned char c) {
  return c == ' ';
}

int libcsv_space(unsigned char c) {
  return is_space(c) ? 1 : 0;
}

// The state libcsv's callbacks fill: the cells of the record being read.
struct Reading {
  RowHandler& handler;
  std::vector<std::string> cells;
  std::size_t count = 0;         // cells of the record so far
  std::uint64_t start = 1;       // the line the record starts on
  std::size_t start_offset = 0;  // and where, in the text
  bool between_rows = true;      // no byte of a record fed since the last one ended
  std::exception_ptr failure;    // what the handler threw (not let through libcsv's C frames)
};

void on_cell(void* data, std::size_t size, void* state) {
  auto& r = *static_cast<Reading*>(state);
  if (r.count == r.cells.size()) {
    r.cells.emplace_back();
  }
  r.cells[r.count++].assign(static_cast<const char*>(data), size);
}

void on_row_end(int, void* state) {
  auto& r = *static_cast<Reading*>(state);
  if (!r.failure) {
    try {
      r.handler.row(std::span<const std::string>(r.cells.data(), r.count), r.start, r.start_offset);
    } catch (...) {
      r.failure = std::current_exception();
    }
  }
  r.count = 0;
  r.between_rows = true;
}

// A libcsv parser that frees itself.
class Parser {
 public:
  explicit Parser(char delimiter) : delimiter_(delimiter) { reset(); }
  ~Parser() { csv_free(&p_); }
  Parser(const Parser&) = delete;
  Parser& operator=(const Parser&) = delete;

  void reset() {
    if (initialised_) {
      csv_free(&p_);
    }
    if (csv_init(&p_, CSV_STRICT | CSV_STRICT_FINI) != 0) {
      throw ingest::TextViolation{"out of memory reading CSV", 0};
    }
    initialised_ = true;
    csv_set_delim(&p_, static_cast<unsigned char>(delimiter_));
    // libcsv's own test of a space (a space or a tab, trimmed around an unquoted cell) is inline,
    // where a function given is called for each byte (a tenth of the parse's time): it is given
    // only where the tab separates cells.
    if (delimiter_ == '\t') {
      csv_set_space_func(&p_, libcsv_space);
    }
  }
  csv_parser* get() { return &p_; }

 private:
  csv_parser p_{};
  char delimiter_;
  bool initialised_ = false;
};

}  // namespace

std::string_view utf8_text(std::string_view bytes, std::string& storage) {
  if (ingest::starts_with_utf16_bom(bytes)) {
    const bool little = bytes[0] == '\xff';
    const std::size_t bad = transcode_utf16(bytes.substr(2), little, storage);
    if (bad != std::string_view::npos) {
      throw ingest::TextViolation{"an unpaired UTF-16 surrogate", line_at(storage, storage.size())};
    }
    return storage;
  }
  return bytes;  // UTF-8: the block reader has replaced what was not
}

std::string utf8_head(std::string_view head) {
  std::string out;
  if (ingest::starts_with_utf16_bom(head)) {
    const bool little = head[0] == '\xff';
    std::string_view units = head.substr(2);
    // A surrogate pair cut off at the end: its first half is dropped.
    const std::size_t bad = transcode_utf16(units, little, out);
    if (bad != std::string_view::npos) {
      transcode_utf16(units.substr(0, bad * 2), little, out);
    }
    return out;
  }
  // Up to the first byte that is not UTF-8 (a character cut off by the end of the head, or a
  // fault that reading the input will name).
  return std::string(head.substr(0, std::min(invalid_utf8_at(head), head.size())));
}

char delimiter_of(std::string_view line) {
  const auto tabs = std::count(line.begin(), line.end(), '\t');
  const auto commas = std::count(line.begin(), line.end(), ',');
  return tabs > commas ? '\t' : ',';
}

std::vector<std::string> header_cells(std::string_view line, char delimiter) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (true) {
    const std::size_t end = std::min(line.find(delimiter, pos), line.size());
    std::string_view cell = line.substr(pos, end - pos);
    const auto trim = [&](std::string_view chars) {
      const std::size_t first = cell.find_first_not_of(chars);
      cell = first == std::string_view::npos
                 ? std::string_view{}
                 : cell.substr(first, cell.find_last_not_of(chars) - first + 1);
    };
    trim(" \r\n");
    if (cell.size() >= 2 && cell.front() == '"' && cell.back() == '"') {
      cell = cell.substr(1, cell.size() - 2);
      trim(" ");
    }
    std::string lower(cell);
    for (char& c : lower) {
      c = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    }
    out.push_back(std::move(lower));
    if (end >= line.size()) {
      return out;
    }
    pos = end + 1;
  }
}

namespace {

// Where a walk through CSV text is: inside a quoted cell, or at a cell's start.
struct QuoteState {
  bool quoted = false;
  bool cell_start = true;
};

// Walks `piece` (whole lines: a piece never ends inside a `\"` or a `""`) through the quoting
// state `q` carries from piece to piece, a quote at a time; with `out`, writes the piece there
// with every `\"` inside a quoted cell as `""`, when it holds one (returning the piece itself
// when it holds none). Sets `escapes` when a `\"` that can only escape a quote was seen (without
// `out`, stopping at the first one, leaving `q` where it was then).
std::string_view walk_backslash_quotes(std::string_view piece, char delimiter, QuoteState& q,
                                       std::string* out, bool& escapes) {
  std::size_t copied = 0;
  const std::size_t n = piece.size();
  std::size_t i = 0;
  while (i < n) {
    const std::size_t quote = piece.find('"', i);
    if (!q.quoted) {
      const std::size_t to = quote == std::string_view::npos ? n : quote;
      q.cell_start =
          ingest::csv_cell_starts_after(piece.substr(i, to - i), delimiter, q.cell_start);
      if (quote == std::string_view::npos) {
        break;
      }
      q.quoted = q.cell_start;  // (a quote elsewhere is the text's, malformed to libcsv)
      q.cell_start = false;
      i = quote + 1;
      continue;
    }
    if (quote == std::string_view::npos) {
      break;  // the rest of the piece is inside the cell
    }
    if (quote > i && piece[quote - 1] == '\\') {
      // (a backslash right before the quote: it came after the cell opened, as every walk
      // resumes after a quote)
      const char next = quote + 1 < n ? piece[quote + 1] : '\n';
      if (next != delimiter && next != '\n' && next != '\r' && next != '"' && next != ' ') {
        escapes = true;
        if (out == nullptr) {
          return piece;  // (only asked whether: the rest need not be walked)
        }
      }
      if (out != nullptr) {
        if (copied == 0) {
          out->clear();
        }
        out->append(piece.substr(copied, quote - 1 - copied)).append("\"\"");
        copied = quote + 1;
      }
      i = quote + 1;
    } else if (quote + 1 < n && piece[quote + 1] == '"') {
      i = quote + 2;  // a doubled quote
    } else {
      q.quoted = false;
      i = quote + 1;
    }
  }
  if (out == nullptr || copied == 0) {
    return piece;
  }
  out->append(piece.substr(copied));
  return *out;
}

}  // namespace

bool backslash_escapes(std::string_view text, char delimiter,
                       const std::function<void(std::size_t)>& done_before) {
  // (most files hold no `\"`: no walk needed; looked for a stretch at a time)
  bool any = false;
  for (std::size_t pos = 0; pos < text.size() && !any;) {
    const std::size_t end = std::min(text.size(), pos + kStretch);
    // (one byte more, so that a `\"` across the stretch's end is found)
    any = text.substr(pos, end - pos + 1).find("\\\"") != std::string_view::npos;
    if (!any && done_before) {
      done_before(end);
    }
    pos = end;
  }
  if (!any) {
    return false;
  }
  QuoteState q;
  bool escapes = false;
  walk_backslash_quotes(text, delimiter, q, nullptr, escapes);
  return escapes;
}

std::string_view unwrap_quoted_lines(std::string_view cell, std::string& storage) {
  if (cell.find('\n') == std::string_view::npos) {
    return cell;
  }
  for (std::size_t i = cell.find('\n'); i != std::string_view::npos; i = cell.find('\n', i + 1)) {
    const std::size_t before = i > 0 && cell[i - 1] == '\r' ? i - 1 : i;
    if (before == 0 || cell[before - 1] != '"' || i + 1 >= cell.size() || cell[i + 1] != '"') {
      return cell;  // a line break of the text itself
    }
  }
  // From quote to quote: a quote that starts a `"<newline>"` is replaced, the bytes between
  // copied as they are.
  storage.clear();
  std::size_t from = 0;
  for (std::size_t i = cell.find('"'); i != std::string_view::npos; i = cell.find('"', i)) {
    const std::size_t n = cell.substr(i, 3) == "\"\n\""     ? 3
                          : cell.substr(i, 4) == "\"\r\n\"" ? 4
                                                            : 0;
    if (n == 0) {
      ++i;
      continue;
    }
    storage.append(cell, from, i - from);
    storage.push_back('\n');
    i += n;
    from = i;
  }
  storage.append(cell, from);
  return storage;
}

namespace {

constexpr std::size_t kChunk = 64;  // bytes a mask covers

// Bit i set where p[i] == c, for the kChunk bytes at p.
std::uint64_t byte_mask(const char* p, char c) {
#if defined(__AVX2__)
  const __m256i k = _mm256_set1_epi8(c);
  const auto lo = static_cast<std::uint32_t>(_mm256_movemask_epi8(
      _mm256_cmpeq_epi8(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(p)), k)));
  const auto hi = static_cast<std::uint32_t>(_mm256_movemask_epi8(
      _mm256_cmpeq_epi8(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + 32)), k)));
  return std::uint64_t{hi} << 32U | lo;
#else
  std::uint64_t mask = 0;
  for (std::size_t i = 0; i < kChunk; ++i) {
    mask |= static_cast<std::uint64_t>(p[i] == c) << i;
  }
  return mask;
#endif
}

// Bit i set where bits 0..i of x hold an odd number of ones: with x the quotes, the bytes
// inside a quoted cell (its opening quote included).
std::uint64_t prefix_xor(std::uint64_t x) {
  for (unsigned shift = 1; shift < 64; shift *= 2) {
    x ^= x << shift;
  }
  return x;
}

}  // namespace

void RecordEnds::restart(std::size_t pos) {
  inside_ = false;
  load(pos);
}

void RecordEnds::load(std::size_t at) {
  chunk_ = at;
  if (at >= text_.size()) {
    ends_ = 0;
    newlines_ = 0;
    return;
  }
  const char* p = text_.data() + at;
  char padded[kChunk];
  if (text_.size() - at < kChunk) {
    std::memset(padded, 0, kChunk);
    std::memcpy(padded, p, text_.size() - at);
    p = padded;
  }
  const std::uint64_t inside = prefix_xor(byte_mask(p, '"')) ^ (inside_ ? ~std::uint64_t{0} : 0);
  newlines_ = byte_mask(p, '\n');
  ends_ = (newlines_ | byte_mask(p, '\r')) & ~inside;
  inside_ = (inside >> 63U) != 0;
}

std::size_t RecordEnds::next(std::uint64_t& newlines) {
  newlines = 0;
  while (true) {
    if (ends_ != 0) {
      const auto bit = static_cast<unsigned>(std::countr_zero(ends_));
      const std::uint64_t through = bit == 63 ? ~std::uint64_t{0} : (std::uint64_t{2} << bit) - 1;
      newlines += static_cast<std::uint64_t>(std::popcount(newlines_ & through));
      newlines_ &= ~through;
      ends_ &= ends_ - 1;
      return chunk_ + bit + 1;
    }
    newlines += static_cast<std::uint64_t>(std::popcount(newlines_));
    newlines_ = 0;
    if (chunk_ + kChunk >= text_.size()) {
      return text_.size();
    }
    load(chunk_ + kChunk);
  }
}

std::size_t record_end_scalar(std::string_view text, std::size_t pos, std::uint64_t& newlines) {
  newlines = 0;
  bool inside = false;
  for (std::size_t i = pos; i < text.size(); ++i) {
    if (text[i] == '"') {
      inside = !inside;
    } else if (text[i] == '\n' || text[i] == '\r') {
      newlines += text[i] == '\n' ? 1U : 0U;
      if (!inside) {
        return i + 1;
      }
    }
  }
  return text.size();
}

namespace {

// Hands `piece` (on line `line`, at `at` in the text) to libcsv. Where libcsv finds the text
// malformed, its record is passed over (RowHandler::malformed) and the parser starts afresh:
// then where in the piece it stopped, else npos. Any other failure is thrown, on the line that
// line_of(where it stopped) gives.
template <typename LineOf>
std::size_t feed(Parser& parser, Reading& r, std::string_view piece, std::uint64_t line,
                 std::size_t at, LineOf line_of) {
  if (r.between_rows) {
    if (piece.find_first_not_of("\r\n") == std::string_view::npos) {
      return std::string_view::npos;  // an empty line: no record
    }
    r.start = line;
    r.start_offset = at;
    r.between_rows = false;
  }
  const std::size_t parsed =
      csv_parse(parser.get(), piece.data(), piece.size(), on_cell, on_row_end, &r);
  if (r.failure) {
    std::rethrow_exception(r.failure);
  }
  if (parsed == piece.size()) {
    return std::string_view::npos;
  }
  if (csv_error(parser.get()) != CSV_EPARSE) {
    throw ingest::TextViolation{csv_strerror(csv_error(parser.get())), line_of(parsed)};
  }
  r.handler.malformed(r.start);
  parser.reset();
  r.count = 0;
  r.between_rows = true;
  return parsed;
}

// Hands libcsv a record at a time. Where it finds the text malformed, the rest of that line is
// passed over, as when reading a line at a time (read_lines).
void read_records(std::string_view text, Parser& parser, Reading& r,
                  const std::function<void(std::size_t)>& done_before, std::uint64_t first_line) {
  RecordEnds ends(text);
  std::uint64_t line = first_line;  // the line text[pos] is on
  std::size_t told = 0;             // what done_before was told
  for (std::size_t pos = 0; pos < text.size();) {
    if (done_before && pos - told >= kStretch) {
      done_before(pos);  // (every cell before it is copied: cells and rows own their bytes)
      told = pos;
    }
    std::uint64_t newlines = 0;
    const std::size_t end = ends.next(newlines);
    const std::string_view record = text.substr(pos, end - pos);
    const std::uint64_t record_line = line;
    const std::size_t record_at = pos;
    line += newlines;
    pos = end;
    const auto line_of = [&](std::size_t k) {
      return record_line +
             static_cast<std::uint64_t>(
                 std::count(record.begin(), record.begin() + static_cast<std::ptrdiff_t>(k), '\n'));
    };
    const std::size_t stop = feed(parser, r, record, record_line, record_at, line_of);
    if (stop != std::string_view::npos) {
      // (the rest of the line libcsv stopped on is passed over)
      const std::size_t newline = text.find('\n', record_at + stop);
      pos = newline == std::string_view::npos ? text.size() : newline + 1;
      line = line_of(stop) + 1;
      ends.restart(pos);
    }
  }
}

// Hands libcsv a line at a time, each repaired (walk_backslash_quotes).
void read_lines(std::string_view text, char delimiter, Parser& parser, Reading& r,
                const std::function<void(std::size_t)>& done_before, std::uint64_t first_line) {
  std::uint64_t line = first_line - 1;
  QuoteState quoting;    // (for the repair)
  std::string repaired;  // one line repaired
  std::size_t told = 0;  // what done_before was told
  for (std::size_t pos = 0; pos < text.size();) {
    if (done_before && pos - told >= kStretch) {
      done_before(pos);  // (every cell before it is copied: cells and rows own their bytes)
      told = pos;
    }
    const std::size_t newline = text.find('\n', pos);
    const std::size_t end = newline == std::string_view::npos ? text.size() : newline + 1;
    std::string_view piece = text.substr(pos, end - pos);
    const std::size_t piece_at = pos;
    ++line;
    pos = end;
    bool escapes = false;
    piece = walk_backslash_quotes(piece, delimiter, quoting, &repaired, escapes);
    feed(parser, r, piece, line, piece_at, [&](std::size_t) { return line; });
  }
}

}  // namespace

void read_table(std::string_view text, char delimiter, RowHandler& handler, bool repair,
                const std::function<void(std::size_t)>& done_before, std::uint64_t first_line) {
  Parser parser(delimiter);
  Reading r{handler, {}, 0, first_line, 0, true, nullptr};
  if (repair) {
    read_lines(text, delimiter, parser, r, done_before, first_line);
  } else {
    read_records(text, parser, r, done_before, first_line);
  }
  const int finished = csv_fini(parser.get(), on_cell, on_row_end, &r);
  if (r.failure) {
    std::rethrow_exception(r.failure);
  }
  if (finished != 0) {
    throw ingest::TextViolation{"a quoted cell is not closed by the end of the file", r.start};
  }
}

}  // namespace ror::importers::csv
