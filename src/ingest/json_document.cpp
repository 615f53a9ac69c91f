// The ror/v1 JSON document: {"schema": "ror/v1", "account": {...}, "posts": [...]}.
#include <fmt/format.h>

#include "ingest/formats.hpp"
#include "ingest/post_reader.hpp"

namespace ror::ingest {

namespace od = simdjson::ondemand;
using od::json_type;

namespace {

const char* location_of(od::document& doc) {
  const char* where = nullptr;
  return doc.current_location().get(where) == simdjson::SUCCESS ? where : nullptr;
}

void read_posts(od::value posts, PostBatch& batch) {
  const json_type t = posts.type();
  if (t == json_type::null) {
    return;
  }
  if (t != json_type::array) {
    throw SchemaViolation{"\"posts\" must be an array", "/posts"};
  }
  PostRecord record;
  std::vector<std::string> scratch;
  std::size_t index = 0;
  for (auto element : posts.get_array()) {
    try {
      read_post(element.value(), record, scratch);
    } catch (SchemaViolation& e) {
      throw std::move(e).under(std::to_string(index)).under("posts");
    }
    batch.add_post(record);
    ++index;
  }
}

}  // namespace

bool looks_like_json_document(const InputText& /*input*/) { return true; }

void read_json_document(const InputText& input, PostBatch& batch) {
  od::parser parser;
  od::document doc;
  if (const auto error = parser.iterate(input.data, input.size, input.capacity).get(doc)) {
    throw_malformed(input, 0, input.view(), nullptr, simdjson::error_message(error));
  }
  try {
    if (doc.type() != json_type::object) {
      throw SchemaViolation{"the document must be a JSON object with a \"posts\" array", ""};
    }
    for (auto field : doc.get_object()) {
      const std::string_view key = field.unescaped_key();
      if (key == "posts") {
        read_posts(field.value(), batch);
      } else {
        read_header_member(key, field.value(), batch);
      }
    }
    if (has_trailing_content(doc)) {
      throw_malformed(input, 0, input.view(), location_of(doc), "unexpected content after the document");
    }
  } catch (SchemaViolation& e) {
    throw_violation(input, e.what, e.path, location_of(doc));
  } catch (simdjson::simdjson_error& e) {
    throw_malformed(input, 0, input.view(), location_of(doc), simdjson::error_message(e.error()));
  }
}

}  // namespace ror::ingest
