#include "ingest/framing.hpp"

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "ingest/json_syntax.hpp"
#include "ingest/structural_scan.hpp"
#include "ror/error.hpp"
#include "ror/text.hpp"

namespace ror::ingest {

namespace {

// NDJSON and JSON Lines: each line is an item, so a block ends after its last newline.
class LinesFramer final : public Framer {
 public:
  std::size_t cut(InputText& text, bool at_end) override {
    if (at_end) {
      return text.size;
    }
    const std::size_t newline = text.view().rfind('\n');
    return newline == std::string_view::npos ? 0 : newline + 1;
  }
};

// A format that is not JSON: the input is one item, cut only at its end.
class TextFramer final : public Framer {
 public:
  std::size_t cut(InputText& text, bool at_end) override {
    if (!at_end) {
      return 0;
    }
    text.items.push_back(Item{0, text.size, ItemKind::whole, 0, {}, {}});
    return text.size;
  }
};

}  // namespace

std::unique_ptr<Framer> make_document_framer(const Framing& framing);
std::unique_ptr<Framer> make_csv_framer(char delimiter);
std::unique_ptr<Framer> make_rss_framer();

std::unique_ptr<Framer> make_framer(const Framing& framing) {
  if (framing.kind == FramingKind::lines) {
    return std::make_unique<LinesFramer>();
  }
  if (framing.kind == FramingKind::text) {
    return framing.csv_delimiter != 0 ? make_csv_framer(framing.csv_delimiter)
           : framing.rss_items        ? make_rss_framer()
                                      : std::make_unique<TextFramer>();
  }
  return make_document_framer(framing);
}

std::shared_ptr<const std::string> block_head(std::string_view start) {
  std::string repaired;
  if (invalid_utf8_at(start) < start.size()) {
    replace_invalid_utf8(start, repaired);
    return std::make_shared<const std::string>(std::move(repaired));
  }
  return std::make_shared<const std::string>(start);
}

Position Position::after(std::string_view text) const {
  const Newlines newlines = find_newlines(text);
  if (newlines.count == 0) {
    return after(0, text.size());
  }
  return after(newlines.count, text.size() - newlines.last - 1);
}

Position position_in(const InputText& block, std::size_t offset) {
  return Position{block.first_line, block.first_column}.after(block.view().substr(0, offset));
}

void throw_malformed_at(const InputText& block, std::size_t offset, std::string_view message) {
  const Position at = position_in(block, offset);
  throw input_error(
      fmt::format("malformed JSON: {} ({}:{}:{})", message, block.name, at.line, at.column));
}

void throw_malformed(const InputText& block, std::size_t segment_offset, std::string_view segment,
                     const char* simdjson_location, std::string_view simdjson_message) {
  if (const auto error = find_syntax_error(segment)) {
    throw_malformed_at(block, segment_offset + error->offset, error->message);
  }
  // Valid JSON syntax that simdjson still refuses, such as a number beyond double range.
  const bool inside = simdjson_location != nullptr && simdjson_location >= block.data &&
                      simdjson_location <= block.data + block.size;
  throw_malformed_at(
      block, inside ? static_cast<std::size_t>(simdjson_location - block.data) : segment_offset,
      simdjson_message);
}

void throw_violation(const InputText& block, const std::string& what, const std::string& path,
                     const char* location) {
  const std::string where = path.empty() ? "/" : path;
  if (location != nullptr && location >= block.data && location <= block.data + block.size) {
    const Position at = position_in(block, static_cast<std::size_t>(location - block.data));
    throw input_error(fmt::format("{} at {} ({}:{})", what, where, block.name, at.line));
  }
  throw input_error(fmt::format("{} at {} ({})", what, where, block.name));
}

}  // namespace ror::ingest
