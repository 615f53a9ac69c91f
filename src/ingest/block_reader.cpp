// Reading one block: each item the framing found is parsed with simdjson On-Demand and handed to
// the input's importer as a Value rooted at the item's JSON Pointer. Errors are turned into
// messages with the input's name, line and column, or the JSON Pointer, here and only here.
#include "ingest/block_reader.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <optional>

#include <fmt/format.h>

#include "ingest/json_syntax.hpp"
#include "ingest/sniff.hpp"
#include "ror/error.hpp"
#include "ror/text.hpp"

namespace ror::ingest {

namespace od = simdjson::ondemand;
using od::json_type;

namespace {

bool is_blank(std::string_view line) {
  return line.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

const char* location_of(od::document& doc) {
  const char* where = nullptr;
  return doc.current_location().get(where) == simdjson::SUCCESS ? where : nullptr;
}

bool has_trailing_content(od::document& doc) {
  return location_of(doc) != nullptr;
}

// The calling thread's parser. It is kept from block to block: its buffers grow to the largest
// item seen and are reused, where a parser per block would allocate (and the system zero) them
// again for every block of large items. After an item larger than this its buffers are let go.
constexpr std::size_t kParserKeep = std::size_t{64} << 20;

od::parser& thread_parser() {
  thread_local od::parser parser;
  return parser;
}

// Parses items one after another with the thread's parser, and hands each to the importer; hears
// of the keys given twice in an object and counts them in the batch.
class ItemReader final : public RepeatedKeys {
 public:
  ItemReader(const InputText& block, const Importer& importer, std::uint8_t variant,
             PostBatch& batch)
      : block_(block),
        importer_(importer),
        variant_(variant),
        batch_(batch),
        parser_(thread_parser()),
        listening_to_(listen_for_repeated_keys(this)) {}
  ItemReader(const ItemReader&) = delete;
  ItemReader& operator=(const ItemReader&) = delete;
  ~ItemReader() override {
    listen_for_repeated_keys(listening_to_);
    if (parser_.capacity() > kParserKeep) {
      parser_ = od::parser{};
    }
  }

  void repeated_key(const PathStep& at) override {
    batch_.repeated_key(at.key, at.pointer(), line_);
  }

  // The line within the block of the items that follow, when the block is read as lines.
  void at_line(std::uint64_t line) { line_ = line; }

  // Reads the item in block[begin, end). `root` is its place; `kind`, `key` and `index` what
  // the importer is told of it.
  void read(std::size_t begin, std::size_t end, const PathStep& root, ItemKind kind,
            std::string_view key, std::uint64_t index, bool first, const char* violation_at) {
    place_ = block_.offset + begin;
    const std::string_view span(block_.data + begin, end - begin);
    const char c = span.empty() ? ' ' : span[span.find_first_not_of(" \t\r\n")];
    if (c != '{' && c != '[') {
      // On-Demand gives no value for a scalar document, and reads a scalar only as far as it
      // needs: check its syntax whole, then read it as the element of an array of one.
      if (const auto error = find_syntax_error(span)) {
        throw_malformed_at(block_, begin + error->offset, error->message);
      }
      scalar_.assign("[");
      scalar_.append(span);
      scalar_.append("]");
      scalar_.reserve(scalar_.size() + simdjson::SIMDJSON_PADDING);
      parse(scalar_.data(), scalar_.size(), scalar_.capacity(), begin, span, root, kind, key, index,
            first, violation_at != nullptr ? violation_at : span.data(), true);
      return;
    }
    parse(span.data(), span.size(), block_.capacity - begin, begin, span, root, kind, key, index,
          first, violation_at, false);
  }

 private:
  void parse(const char* data, std::size_t size, std::size_t capacity, std::size_t begin,
             std::string_view span, const PathStep& root, ItemKind kind, std::string_view key,
             std::uint64_t index, bool first, const char* violation_at, bool wrapped) {
    od::document doc;
    auto error = parser_.iterate(data, size, capacity).get(doc);
    if (error == simdjson::UTF8_ERROR) {
      // Invalid UTF-8: each invalid sequence becomes U+FFFD in a copy of the item, which is read
      // instead, and they are counted (--strict refuses them).
      const std::uint64_t n = replace_invalid_utf8(std::string_view(data, size), repaired_);
      if (n != 0) {
        batch_.at = place_;
        batch_.invalid_utf8(n, root.pointer(), line_);
        repaired_.reserve(repaired_.size() + simdjson::SIMDJSON_PADDING);
        data = repaired_.data();
        size = repaired_.size();
        violation_at = violation_at != nullptr ? violation_at : span.data();
        error = parser_.iterate(data, size, repaired_.capacity()).get(doc);
      }
    }
    if (error) {
      throw_malformed(block_, begin, span, nullptr, simdjson::error_message(error));
    }
    try {
      if (wrapped) {
        for (auto element : doc.get_array()) {
          od::value v = element.value();
          Value value(v, root);
          hand_over(value, kind, key, index, first);
          break;
        }
      } else {
        od::value v = doc.get_value();
        Value value(v, root);
        hand_over(value, kind, key, index, first);
        if (has_trailing_content(doc)) {
          throw simdjson::simdjson_error(simdjson::TRAILING_CONTENT);
        }
      }
    } catch (SchemaViolation& e) {
      const char* where = violation_at != nullptr ? violation_at : location_of(doc);
      throw_violation(block_, e.what, e.path, where != nullptr ? where : span.data());
    } catch (simdjson::simdjson_error& e) {
      throw_malformed(block_, begin, span, wrapped ? nullptr : location_of(doc),
                      simdjson::error_message(e.error()));
    }
  }

  void hand_over(Value& value, ItemKind kind, std::string_view key, std::uint64_t index,
                 bool first) {
    batch_.at = place_;
    ImportItem item{kind, key, index, first, variant_, value};
    importer_.read(item, batch_);
    if (!value.was_read()) {
      value.skip();  // still walked, so that malformed JSON in it is an error
    }
  }

  const InputText& block_;
  const Importer& importer_;
  std::uint8_t variant_;
  PostBatch& batch_;
  od::parser& parser_;
  std::string scalar_;
  std::string repaired_;     // an item with invalid UTF-8, repaired
  std::uint64_t place_ = 0;  // where the item being read starts in the input
  RepeatedKeys* listening_to_;
  std::optional<std::uint64_t> line_;
};

// Whether `text` (starting at byte `offset` of the input) is UTF-8, checked a window at a time;
// with `release`, each window's pages are let go once checked, so that checking a large file does
// not hold all of it (the importer reads the pages in again as it goes).
bool valid_utf8(std::string_view text, std::uint64_t offset, const ReleaseBytes& release) {
  constexpr std::size_t kWindow = std::size_t{16} << 20;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = std::min(text.size(), pos + kWindow);
    // (a window ends before a character's continuation bytes, not among them)
    for (int k = 0; k < 3 && end < text.size() && end > pos &&
                    (static_cast<unsigned char>(text[end]) & 0xc0) == 0x80;
         ++k) {
      --end;
    }
    if (!simdjson::validate_utf8(text.data() + pos, end - pos)) {
      return false;
    }
    if (release && text.size() > kWindow) {
      // (a block of one window is read next: its pages stay until it is merged)
      release(offset + pos, offset + end);
    }
    pos = end;
  }
  return true;
}

// A text input's bytes as UTF-8: as they are when they are UTF-8 (or UTF-16 after a byte order
// mark, which the importer reads, or XML that declares another encoding, which its parser
// decodes), else with each invalid sequence replaced by U+FFFD in `repaired`, counted with the
// place of the first.
std::string_view utf8_text(const InputText& block, PostBatch& batch, std::string& repaired,
                           const ReleaseBytes& release) {
  const std::string_view text = block.view();
  if (starts_with_utf16_bom(text) || valid_utf8(text, block.offset, release) ||
      declares_other_encoding(text)) {
    return text;
  }
  const std::size_t bad = invalid_utf8_at(text);
  const std::uint64_t n = replace_invalid_utf8(text, repaired);
  if (n == 0) {
    return text;
  }
  const Position at = position_in(block, bad);
  batch.at = block.offset + bad;
  batch.invalid_utf8_text(n, fmt::format("{}:{}:{}", block.name, at.line, at.column));
  batch.at = block.offset;
  return repaired;
}

void read_lines(const InputText& block, ItemReader& reader, PostBatch& batch) {
  bool first = block.input_start;
  std::size_t pos = 0;
  batch.newlines = 0;
  batch.tail_bytes = block.size;
  const PathStep root;
  while (pos < block.size) {
    const void* found = std::memchr(block.data + pos, '\n', block.size - pos);
    const std::size_t end =
        found != nullptr ? static_cast<std::size_t>(static_cast<const char*>(found) - block.data)
                         : block.size;
    if (found != nullptr) {
      ++batch.newlines;
      batch.tail_bytes = block.size - end - 1;
    }
    const std::size_t begin = pos;
    pos = end + 1;
    if (is_blank(std::string_view(block.data + begin, end - begin))) {
      continue;
    }
    reader.at_line(batch.newlines - (found != nullptr ? 1 : 0));
    reader.read(begin, end, root, ItemKind::whole, {}, 0, first, block.data + begin);
    first = false;
  }
}

void read_items(const InputText& block, ItemReader& reader, PostBatch& batch) {
  bool first = block.input_start;
  for (const Item& item : block.items) {
    if (item.kind == ItemKind::open || item.kind == ItemKind::close ||
        item.kind == ItemKind::repeat) {
      batch.at = block.offset + item.begin;
      if (item.kind == ItemKind::repeat || item.repeated) {
        const PathStep step{nullptr, item.key, 0, false};
        batch.repeated_key(item.key, step.pointer());
      }
      batch.mark(item);
      continue;
    }
    if (item.kind == ItemKind::member) {
      batch.member = item.key;
    } else if (!batch.member.empty()) {
      batch.member.clear();
    }
    const PathStep array_step{nullptr, item.split_key, 0, false};
    PathStep root;
    if (item.kind == ItemKind::element) {
      root = PathStep{item.split_key.empty() ? nullptr : &array_step, {}, item.index, true};
      ++batch.elements;
    } else if (item.kind == ItemKind::member) {
      root = PathStep{nullptr, item.key, 0, false};
    }
    const std::string_view key = item.kind == ItemKind::member ? item.key : item.split_key;
    reader.read(item.begin, item.end, root, item.kind, key, item.index, first, nullptr);
    first = false;
  }
}

}  // namespace

void read_block(const InputText& block, const Framing& framing, const Importer& importer,
                std::uint8_t variant, PostBatch& batch, const ReleaseBytes& release) {
  batch.input_platform = importer.platform;
  if (framing.kind == FramingKind::text) {
    if (importer.read_text == nullptr) {
      throw input_error(fmt::format("{}: {} reads no text input", block.name, importer.name));
    }
    try {
      batch.at = block.offset;
      batch.text_start = block.offset;
      std::string repaired;
      TextItem item{.name = block.name,
                    .bytes = utf8_text(block, batch, repaired, release),
                    .variant = variant,
                    .first_line = block.first_line,
                    .head = !block.input_start && block.head ? std::string_view(*block.head)
                                                             : std::string_view(),
                    .input_end = block.input_end,
                    .backslash_quotes = block.backslash_quotes,
                    .done_before = {}};
      if (release && item.bytes.data() == block.data) {
        // (the importer reads the block's own bytes, not a repaired copy)
        item.done_before = [&release, &block, from = std::size_t{0}](std::size_t offset) mutable {
          if (offset > from) {
            release(block.offset + from, block.offset + offset);  // (a page cut off stays)
            from = offset;
          }
        };
      }
      importer.read_text(item, batch);
    } catch (TextViolation& e) {
      throw input_error(e.line == 0 ? fmt::format("{} ({})", e.what, block.name)
                                    : fmt::format("{} ({}:{})", e.what, block.name, e.line));
    }
    return;
  }
  ItemReader reader(block, importer, variant, batch);
  if (framing.kind == FramingKind::lines) {
    read_lines(block, reader, batch);
  } else {
    read_items(block, reader, batch);
  }
}

}  // namespace ror::ingest
