// Records as a format reader hands them to the dataset builder. String views point into the
// parser's buffers and stay valid only until the builder has taken the record.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ror/dataset.hpp"
#include "ror/text.hpp"

namespace ror::ingest {

struct CommentRecord {
  std::string_view id;
  std::string_view author;
  std::string_view parent_id;  // empty with has_parent false: top-level
  bool has_parent = false;
  TimeMs created_at = 0;
  TextStats text;
};

struct PostRecord {
  std::string_view id;
  std::string_view author;
  bool has_author = false;
  std::string_view reply_to_author;
  bool has_reply_to = false;
  TimeMs created_at = 0;
  TextStats text;
  std::uint32_t hashtags = 0;
  std::uint32_t mentions = 0;
  std::array<std::int64_t, kPostMetricCount> metrics{};
  std::uint8_t known = 0;
  std::vector<CommentRecord> comments;

  // Clears the record for reuse, keeping its allocations.
  void clear() {
    auto keep = std::move(comments);
    *this = PostRecord{};
    comments = std::move(keep);
    comments.clear();
  }
};

struct AccountRecord {
  std::string id;
  std::string handle;
  std::string platform;
  std::optional<std::int64_t> followers;
  std::vector<std::string> aliases;
};

}  // namespace ror::ingest
