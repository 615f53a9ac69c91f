// Framing: how an input's bytes are cut into items, apart from what the items mean. An input is
// read as a stream: a Framer cuts it into blocks of whole items, the blocks are read in
// parallel, and their batches are merged in order. Three framings serve every format:
//   lines     one JSON value per line (NDJSON, JSON Lines, twarc2 output);
//   document  one JSON value: a top-level array's elements are the items, or a top-level
//             object's members, with the arrays under chosen keys ("posts", "orderedItems")
//             split into their elements; optionally after a script prefix such as
//             `window.YTD.tweets.part0 = ` (X archives);
//   whole     one JSON value read as a single item (an account file, a thread);
//   text      the input as bytes, for formats that are not JSON (CSV, XML): the importer
//             parses it itself (Importer::read_text). One block; or, for CSV (csv_delimiter),
//             blocks of whole records, and for RSS (rss_items), blocks of whole items, cut
//             where the text is regular (csv_framer.cpp, rss_framer.cpp).
// Format-neutral: framers know no platform.
#pragma once

#include <array>
#include <cstdint>
#include <exception>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace ror::ingest {

enum class FramingKind : std::uint8_t { lines, document, whole, text };

// How to cut one input into items.
struct Framing {
  FramingKind kind = FramingKind::document;
  // document: the keys of the top-level object whose array values are split into items.
  std::array<std::string_view, 2> item_keys{};
  bool script_prefix = false;  // a `name = ` prefix may come before the value
  // text: the input is UTF-8 CSV with this delimiter, cut into blocks at the ends of records
  // (0: the input is one block).
  char csv_delimiter = 0;
  // text: the input is an RSS document in UTF-8, cut into blocks before the `<item>` elements
  // of its channel.
  bool rss_items = false;

  // text: whether the input is cut into blocks (else it is one).
  bool text_in_blocks() const { return csv_delimiter != 0 || rss_items; }

  // Whether `key` is one of item_keys.
  bool splits(std::string_view key) const {
    return !key.empty() && (key == item_keys[0] || key == item_keys[1]);
  }
};

// What an item of a block is.
enum class ItemKind : std::uint8_t {
  element,  // an element of a split array (or of a top-level array)
  member,   // a top-level member that is not split
  whole,    // a line, or the whole value
  // Marks, no bytes: what came under a top-level key of a document, to be dropped when the key
  // comes again (the last one is used).
  open,    // a split key's value starts (an array, split; or anything else, a member item)
  close,   // it ended
  repeat,  // a member that is not split comes under a key given before (its item follows)
};

// One item a framer found.
struct Item {
  std::size_t begin = 0;  // offsets of the value in the block
  std::size_t end = 0;
  ItemKind kind = ItemKind::element;
  std::uint64_t index = 0;     // an element's position in its array; open, close: the key's slot
  std::string_view split_key;  // an element's array key (from the Framing), "" at top level
  std::string key;             // a member's key (and a repeat's), raw (members are few)
  bool repeated = false;       // open: the split key was given before
};

// A stretch of an input in memory, holding whole items. The bytes past `size` up to `capacity`
// are readable padding, as simdjson needs.
struct InputText {
  std::string_view name;  // the input's name, for messages
  const char* data = nullptr;
  std::size_t size = 0;
  std::size_t capacity = 0;
  // Line and column of data[0] in the input; line 0 when not known yet (lines framing counts
  // them while reading and learns its place at the merge).
  std::uint64_t first_line = 1;
  std::uint64_t first_column = 1;
  bool input_start = true;   // data[0] is the first byte of the input
  std::uint64_t offset = 0;  // where data[0] lies in the input (bytes from its start)
  std::vector<Item> items;   // filled by the document framer
  bool input_end = true;     // the input ends with this text
  // Text cut into blocks (Framing::csv_delimiter, rss_items): the start of the input that every
  // block needs (a CSV file's first lines, with its header; an RSS document up to its first
  // item); and, for CSV, whether a `\"` that escapes a quote inside a quoted cell was met in
  // the input before this block ended (which the block itself may not show).
  std::shared_ptr<const std::string> head;
  bool backslash_quotes = false;

  // The text itself.
  std::string_view view() const { return {data, size}; }
};

// Cuts an input into blocks of whole items; it keeps its state from one call to the next.
class Framer {
 public:
  virtual ~Framer() = default;
  // The length of the longest prefix of `text` made of whole items, adding the items it finds to
  // text.items; 0 when more bytes are needed. With `at_end` no more bytes follow, so everything
  // must be consumed. Throws ror::Error for malformed structure.
  virtual std::size_t cut(InputText& text, bool at_end) = 0;
  // The value at `begin` of the next text cut is known to end at `end` (format detection walked
  // it): a framer that would walk it to find its end may take that instead.
  virtual void known_value(std::size_t /*begin*/, std::size_t /*end*/) {}

  // A framer that meets malformed structure returns the whole items before it and keeps the
  // error here, so that an earlier error inside an item is still reported first.
  std::exception_ptr error;
};

// The framer of a framing.
std::unique_ptr<Framer> make_framer(const Framing& framing);

// The start of an input that a text framer hands every block (InputText::head), its invalid
// UTF-8 replaced as the block reader replaces it in the first block.
std::shared_ptr<const std::string> block_head(std::string_view start);

// CSV's rule for where a cell starts, which the CSV framer cuts by and the CSV reader's `\"`
// repair walks by: after `unquoted` (text outside quotes, after a point where a cell started
// when `before`), a cell starts when its last byte that is not a space is the delimiter or a
// line end.
inline bool csv_cell_starts_after(std::string_view unquoted, char delimiter, bool before) {
  const std::size_t last = unquoted.find_last_not_of(' ');
  if (last == std::string_view::npos) {
    return before;
  }
  const char c = unquoted[last];
  return c == delimiter || c == '\n' || c == '\r';
}

// An input position: line and column, both from 1.
struct Position {
  std::uint64_t line = 1;
  std::uint64_t column = 1;

  // The position after `newlines` newlines and then `tail` more bytes.
  Position after(std::uint64_t newlines, std::uint64_t tail) const {
    return newlines == 0 ? Position{line, column + tail} : Position{line + newlines, tail + 1};
  }
  // The position after `text`.
  Position after(std::string_view text) const;
};

// The input position of a byte offset in a block.
Position position_in(const InputText& block, std::size_t offset);

// The error for malformed JSON: locates the first syntax error in `segment` (which starts at byte
// `segment_offset` of the block) and names the input's line and column.
[[noreturn]] void throw_malformed(const InputText& block, std::size_t segment_offset,
                                  std::string_view segment, const char* simdjson_location,
                                  std::string_view simdjson_message);

// The error for malformed JSON at a known place, with a known message.
[[noreturn]] void throw_malformed_at(const InputText& block, std::size_t offset,
                                     std::string_view message);

// The error for a value an importer does not accept, at a JSON Pointer, with the input line
// where it happened.
[[noreturn]] void throw_violation(const InputText& block, const std::string& what,
                                  const std::string& path, const char* location);

}  // namespace ror::ingest
