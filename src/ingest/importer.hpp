// The importer interface: one importer per platform format, one file each in src/importers/,
// and one row each in the table of src/importers/registry.cpp. An importer says how sure it is that
// an input is its format (detect), how the input is cut into items (the Framing it returns), and
// what one item means (read). It knows its platform and nothing about threads, blocks or positions:
// it reads through the field toolkit, which names the JSON Pointer of every error.
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <string_view>

#include "ingest/field_reader.hpp"
#include "ingest/framing.hpp"
#include "ingest/records.hpp"
#include "ingest/sniff.hpp"

namespace ror::ingest {

// What detection says of an input.
struct Detection {
  int confidence = 0;  // 0: not this importer's; 100: certain
  Framing framing;
  std::uint8_t variant = 0;  // which kind of file of the format it is (the importer's own)
  // Non-empty: a file of this format that holds nothing the importer reads (an X archive's
  // like.js): not read, and counted under this reason.
  std::string_view skip;
  // The input holds comments that join posts of other inputs, and never statuses, profiles or
  // account records (a dump's comments file). With --account it is read after every other
  // input, so that its comments that cannot be the account's can be counted and dropped as they
  // come (DatasetBuilder::start_shedding).
  bool comments_apart = false;
};

// A detection of `confidence` with the framing to read the input by.
inline Detection detected(int confidence, const Framing& framing, std::uint8_t variant = 0) {
  Detection d;
  d.confidence = confidence;
  d.framing = framing;
  d.variant = variant;
  return d;
}

// A detection of a file of the format that holds nothing to read: counted under `reason`.
inline Detection passed_over(int confidence, std::string_view reason) {
  Detection d;
  d.confidence = confidence;
  d.skip = reason;
  return d;
}

// One item of an input, as an importer is handed it.
struct ImportItem {
  ItemKind kind;         // element of a split array, top-level member, or the whole value
  std::string_view key;  // the member's or the split array's key ("" at the top level)
  std::uint64_t index;   // an element's index in its array
  bool first;            // the first item of the input
  std::uint8_t variant;  // from detection
  Value& value;
};

// The input of an importer of a text format (FramingKind::text): all of its bytes, or, for text
// cut into blocks (Framing::csv_delimiter, rss_items), a block of whole records or items.
struct TextItem {
  std::string_view name;         // the input's name
  std::string_view bytes;        // after a UTF-8 byte order mark, if any
  std::uint8_t variant;          // from detection
  std::uint64_t first_line = 1;  // the line of the input that bytes[0] starts (from 1)
  // When `bytes` does not start the input: the start every block needs (InputText::head: a CSV
  // file's first lines; an RSS document up to its first item); else empty.
  std::string_view head;
  bool input_end = true;  // the input ends with `bytes`
  // A `\"` that escapes a quote inside a quoted cell was met in the input (in this block or
  // before it): read every `\"` inside a quoted cell as a quote (csv::read_table's repair).
  bool backslash_quotes = false;
  // When set, the importer calls it as it reads, once it is done (for now) with the bytes before
  // `offset`: a mapped input lets their pages go, so that the memory does not hold the whole
  // file. Reading them again is allowed (the pages come back from the file), only slower.
  std::function<void(std::size_t offset)> done_before;
};

// What a text importer throws for input it cannot read: what is wrong, and on which line of the
// input (from 1; 0 when it cannot say).
struct TextViolation {
  std::string what;
  std::uint64_t line = 0;
};

struct Importer {
  std::string_view name;      // as --from and the input line name it: "x-archive"
  std::string_view platform;  // "x", "mastodon"; "" when the data says (ror/v1)
  std::string_view reads;     // what it reads, one sentence (ror formats)
  std::string_view unknown;   // what its exports cannot show, one sentence (ror formats)
  // Whether its exports hold comments written by other people. When none of the inputs that
  // hold a post does, every metric that needs them is unknown, not 0.
  bool audience_comments;
  Detection (*detect)(const Sniff& sniff);
  // Reads one item into records. Throws SchemaViolation (through the toolkit) or a
  // simdjson error on bad input.
  void (*read)(ImportItem& item, RecordSink& out);
  // For a text format (its detection's framing is FramingKind::text; `read` is then unused):
  // reads the whole input. Throws TextViolation on bad input.
  void (*read_text)(const TextItem& item, RecordSink& out) = nullptr;
};

// Every importer, in the order ties in detection are broken (src/importers/registry.cpp).
std::span<const Importer* const> importers();

// The importer called `name`, or nullptr.
const Importer* find_importer(std::string_view name);

}  // namespace ror::ingest
