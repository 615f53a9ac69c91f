#include "ingest/formats.hpp"

#include <array>

#include <fmt/format.h>

#include "ingest/json_syntax.hpp"
#include "ingest/post_reader.hpp"
#include "ror/error.hpp"

namespace ror::ingest {

std::span<const Format> formats() {
  static constexpr std::array<Format, 2> kFormats = {{
      {"ndjson", looks_like_ndjson, read_ndjson},
      {"json", looks_like_json_document, read_json_document},
  }};
  return kFormats;
}

void read_header_member(std::string_view key, simdjson::ondemand::value value,
                        PostBatch& batch) {
  if (key == "schema") {
    check_schema_tag(value);
  } else if (key == "account") {
    try {
      batch.add_account(read_account(value));
    } catch (SchemaViolation& e) {
      throw std::move(e).under("account");
    }
  } else {
    skip_unused(value);
  }
}

bool has_trailing_content(simdjson::ondemand::document& doc) {
  const char* where = nullptr;
  return doc.current_location().get(where) == simdjson::SUCCESS;
}

void throw_malformed(const InputText& input, std::size_t segment_offset, std::string_view segment,
                     const char* simdjson_location, std::string_view simdjson_message) {
  std::size_t offset = 0;
  std::string message;
  if (const auto error = find_syntax_error(segment)) {
    offset = segment_offset + error->offset;
    message = error->message;
  } else {
    // Valid JSON syntax that simdjson still refuses, such as a number beyond double range.
    const bool inside = simdjson_location != nullptr && simdjson_location >= input.data &&
                        simdjson_location <= input.data + input.size;
    offset = inside ? static_cast<std::size_t>(simdjson_location - input.data) : segment_offset;
    message = std::string(simdjson_message);
  }
  const TextPosition at = position_of(input.view(), offset);
  throw input_error(
      fmt::format("malformed JSON: {} ({}:{}:{})", message, input.name, at.line, at.column));
}

void throw_violation(const InputText& input, const std::string& what, const std::string& path,
                     const char* location) {
  if (location != nullptr && location >= input.data && location <= input.data + input.size) {
    const auto offset = static_cast<std::size_t>(location - input.data);
    const TextPosition at = position_of(input.view(), offset);
    throw input_error(fmt::format("{} at {} ({}:{})", what, path.empty() ? "/" : path, input.name,
                                  at.line));
  }
  throw input_error(fmt::format("{} at {} ({})", what, path.empty() ? "/" : path, input.name));
}

}  // namespace ror::ingest
