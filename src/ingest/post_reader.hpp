// Reads ror/v1 objects (account, post, comment) from simdjson On-Demand values into records. Shared
// by the JSON document and NDJSON formats, which differ only in how the objects are framed.
#pragma once

#include <simdjson.h>

#include <string>
#include <vector>

#include "ingest/records.hpp"

namespace ror::ingest {

// A schema violation: what is wrong and the JSON Pointer of the place, relative to the value read.
struct SchemaViolation {
  std::string what;
  std::string path;  // "/comments/0/created_at"

  // Returns the violation with `segment` ("posts", "3") put in front of its path.
  SchemaViolation&& under(std::string_view segment) &&;
};

// Reads a post object into `out` (cleared first). Throws SchemaViolation or simdjson_error.
void read_post(simdjson::ondemand::value& value, PostRecord& out,
               std::vector<std::string_view>& scratch);

// Reads an account object. Throws SchemaViolation or simdjson_error.
AccountRecord read_account(simdjson::ondemand::value value);

// "an array", "a number", "null", ...: how messages name a JSON type.
std::string_view type_name(simdjson::ondemand::json_type type);

// Checks a value the format does not use: well-formed JSON, nested at most 1024 deep.
void skip_unused(simdjson::ondemand::value value);

// Checks a `schema` member: it must be the string "ror/v1".
void check_schema_tag(simdjson::ondemand::value value);

// The same for a `schema` value already read: its type, and its text when it is a string.
void check_schema_tag(simdjson::ondemand::json_type type, std::string_view tag);

}  // namespace ror::ingest
