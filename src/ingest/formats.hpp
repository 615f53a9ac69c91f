// The input formats: each one is a file in this folder and a row in the table formats(). An input
// is read as a stream: a format's Framer cuts the bytes into blocks of whole items, and its block
// reader turns one block into a PostBatch. Blocks are read in parallel and merged in order.
#pragma once

#include <simdjson.h>

#include <exception>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/post_batch.hpp"

namespace ror::ingest {

// What an item of a block is.
enum class ItemKind : std::uint8_t { post, member };

// One item a framer found: a post, or a top-level member other than "posts" (with its key).
struct Item {
  std::size_t begin = 0;  // offsets in the block
  std::size_t end = 0;
  ItemKind kind = ItemKind::post;
  std::uint64_t index = 0;  // the post's position in the "posts" array
  std::string key;          // a member's key
};

// A stretch of an input in memory, holding whole items. The bytes past `size` up to `capacity`
// are readable padding, as simdjson needs.
struct InputText {
  std::string_view name;  // as the user named the input, for messages
  const char* data = nullptr;
  std::size_t size = 0;
  std::size_t capacity = 0;
  // Line and column of data[0] in the input; line 0 when not known yet (see Format::counts_lines).
  std::uint64_t first_line = 1;
  std::uint64_t first_column = 1;
  bool input_start = true;  // data[0] is the first byte of the input
  std::vector<Item> items;  // filled by framers that find items (the document)

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

  // A framer that meets malformed structure returns the whole items before it and keeps the
  // error here, so that an earlier error inside an item is still reported first.
  std::exception_ptr error;
};

// A format: whether an input's first bytes look like it, its framer, and its block reader.
struct Format {
  std::string_view name;
  // `start` is the beginning of the input; `whole` says it is all of it.
  bool (*detect)(const InputText& start, bool whole);
  std::unique_ptr<Framer> (*framer)();
  // Reads one block into a batch. Throws ror::Error (bad input) on malformed data.
  void (*read)(const InputText& block, PostBatch& batch);
  // Whether `read` counts the lines of its block (batch.newlines, batch.tail_bytes) and the
  // framer never fails: then blocks are cut without counting lines, and their position is known
  // only when they are merged. A block that fails is read again there, to name the right line.
  bool counts_lines;
};

// Every format, in the order they are tried; the last one is the fallback.
std::span<const Format> formats();

// NDJSON (ndjson.cpp).
bool looks_like_ndjson(const InputText& start, bool whole);
std::unique_ptr<Framer> make_ndjson_framer();
void read_ndjson(const InputText& block, PostBatch& batch);

// The ror/v1 JSON document (json_document.cpp).
bool looks_like_json_document(const InputText& start, bool whole);
std::unique_ptr<Framer> make_document_framer();
void read_json_document(const InputText& block, PostBatch& batch);

// Reads a top-level member other than "posts": "schema", "account", or one the format ignores.
// Shared by the document and the NDJSON account line. Throws SchemaViolation or simdjson_error.
void read_header_member(std::string_view key, simdjson::ondemand::value value, PostBatch& batch);

// Whether anything but whitespace follows the value the document iterator just finished.
bool has_trailing_content(simdjson::ondemand::document& doc);

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

// The error for a schema violation at a JSON Pointer, with the input line where it happened.
[[noreturn]] void throw_violation(const InputText& block, const std::string& what,
                                  const std::string& path, const char* location);

}  // namespace ror::ingest
