// NDJSON: one post object per line, optionally preceded by a line {"account": {...}}.
#include <cstring>
#include <memory>

#include <fmt/format.h>

#include "ingest/formats.hpp"
#include "ingest/json_syntax.hpp"
#include "ingest/post_reader.hpp"

namespace ror::ingest {

namespace od = simdjson::ondemand;
using od::json_type;

namespace {

bool is_blank(std::string_view line) {
  return line.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

// Whether a single-line input's top-level object has a "posts" member (then it is a document).
bool has_posts_member(const InputText& input) {
  od::parser parser;
  od::document doc;
  if (parser.iterate(input.data, input.size, input.capacity).get(doc) != simdjson::SUCCESS) {
    return false;
  }
  od::object object;
  if (doc.get_object().get(object) != simdjson::SUCCESS) {
    return false;
  }
  for (auto field : object) {
    std::string_view key;
    if (field.unescaped_key().get(key) != simdjson::SUCCESS) {
      return false;
    }
    if (key == "posts") {
      return true;
    }
  }
  return false;
}

// Whether a first line is a header ({"account": ...} or {"schema": ...}) rather than a post.
bool is_header(od::document& doc) {
  bool header = false;
  for (auto field : doc.get_object()) {
    const std::string_view key = field.unescaped_key();
    if (key == "id") {
      header = false;
      break;
    }
    header = header || key == "account" || key == "schema";
  }
  doc.rewind();
  return header;
}

void read_header(od::document& doc, PostBatch& batch) {
  for (auto field : doc.get_object()) {
    read_header_member(field.unescaped_key(), field.value(), batch);
  }
}

class NdjsonFramer final : public Framer {
 public:
  std::size_t cut(InputText& text, bool at_end) override {
    if (at_end) {
      return text.size;
    }
    const std::size_t newline = text.view().rfind('\n');
    return newline == std::string_view::npos ? 0 : newline + 1;
  }
};

}  // namespace

bool looks_like_ndjson(const InputText& start, bool whole) {
  const std::string_view text = start.view();
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) {
    return false;
  }
  const std::size_t newline = text.find('\n', first);
  if (newline == std::string_view::npos) {
    // One line: a lone post unless it holds "posts"; a first line longer than the first chunk
    // is taken for a document.
    return whole && !has_posts_member(start);
  }
  if (whole && is_blank(text.substr(newline + 1))) {
    return !has_posts_member(start);
  }
  return !find_syntax_error(text.substr(first, newline - first)).has_value();
}

std::unique_ptr<Framer> make_ndjson_framer() {
  return std::make_unique<NdjsonFramer>();
}

void read_ndjson(const InputText& block, PostBatch& batch) {
  od::parser parser;
  PostRecord record;
  std::vector<std::string_view> scratch;
  bool first = block.input_start;
  std::size_t pos = 0;
  batch.newlines = 0;
  batch.tail_bytes = block.size;
  while (pos < block.size) {
    const void* found = std::memchr(block.data + pos, '\n', block.size - pos);
    const std::size_t end =
        found != nullptr ? static_cast<std::size_t>(static_cast<const char*>(found) - block.data)
                         : block.size;
    if (found != nullptr) {
      ++batch.newlines;
      batch.tail_bytes = block.size - end - 1;
    }
    const std::string_view line(block.data + pos, end - pos);
    const std::size_t line_start = pos;
    pos = end + 1;
    if (is_blank(line)) {
      continue;
    }
    od::document doc;
    if (const auto error =
            parser.iterate(line.data(), line.size(), block.capacity - line_start).get(doc)) {
      throw_malformed(block, line_start, line, nullptr, simdjson::error_message(error));
    }
    try {
      if (doc.type() != json_type::object) {
        throw SchemaViolation{"each NDJSON line must be a JSON object", ""};
      }
      if (first && is_header(doc)) {
        read_header(doc, batch);
      } else {
        od::value post = doc.get_value();
        read_post(post, record, scratch);
        batch.add_post(record);
      }
      first = false;
      if (has_trailing_content(doc)) {
        throw_malformed(block, line_start, line, nullptr, "unexpected content after the object");
      }
    } catch (SchemaViolation& e) {
      throw_violation(block, e.what, e.path, block.data + line_start);
    } catch (simdjson::simdjson_error& e) {
      throw_malformed(block, line_start, line, nullptr, simdjson::error_message(e.error()));
    }
  }
}

}  // namespace ror::ingest
