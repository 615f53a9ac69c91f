// The input formats: each one is a file in this folder and a row in the table formats().
#pragma once

#include <simdjson.h>

#include <span>
#include <string>
#include <string_view>

#include "ingest/post_batch.hpp"

namespace ror::ingest {

// One whole input in memory; the bytes past `size` up to `capacity` are readable padding.
struct InputText {
  std::string_view name;  // as the user named it, for messages
  const char* data = nullptr;
  std::size_t size = 0;
  std::size_t capacity = 0;

  // The text itself.
  std::string_view view() const { return {data, size}; }
};

// A format: whether an input looks like it, and how to read it into the builder.
struct Format {
  std::string_view name;
  bool (*detect)(const InputText& input);
  void (*read)(const InputText& input, PostBatch& batch);
};

// Every format, in the order they are tried; the last one is the fallback.
std::span<const Format> formats();

// The NDJSON reader and its detector (ndjson.cpp).
bool looks_like_ndjson(const InputText& input);
void read_ndjson(const InputText& input, PostBatch& batch);

// The ror/v1 JSON document reader (json_document.cpp).
bool looks_like_json_document(const InputText& input);
void read_json_document(const InputText& input, PostBatch& batch);

// Reads a top-level member other than "posts": "schema", "account", or one the format ignores.
// Shared by the document and the NDJSON account line. Throws SchemaViolation or simdjson_error.
void read_header_member(std::string_view key, simdjson::ondemand::value value,
                        PostBatch& batch);

// Whether anything but whitespace follows the value the document iterator just finished.
bool has_trailing_content(simdjson::ondemand::document& doc);

// The error for malformed JSON: locates the first syntax error in `segment` (which starts at byte
// `segment_offset` of the input) and names the input's line and column.
[[noreturn]] void throw_malformed(const InputText& input, std::size_t segment_offset,
                                  std::string_view segment, const char* simdjson_location,
                                  std::string_view simdjson_message);

// The error for a schema violation at a JSON Pointer, with the input line where it happened.
[[noreturn]] void throw_violation(const InputText& input, const std::string& what,
                                  const std::string& path, const char* location);

}  // namespace ror::ingest
