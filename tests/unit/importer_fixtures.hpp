// Helpers for the importer and load-rule tests: the committed exports under
// tests/fixtures/importers, lookups in a loaded dataset by post id, the skip counts, and the
// one-line error a bad input gives.
#pragma once

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "fixtures.hpp"
#include "ror/error.hpp"
#include "ror/ingest.hpp"
#include "ror/time.hpp"

namespace ror::test {

// The path of a fixture, relative to tests/fixtures/importers.
inline std::string fixture_path(const std::string& relative) {
  return std::string(ROR_SOURCE_DIR) + "/tests/fixtures/importers/" + relative;
}

// The bytes of a fixture, relative to tests/fixtures/importers.
inline std::string fixture_text(const std::string& relative) {
  std::ifstream in(fixture_path(relative), std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Loads fixtures (files, folders or archives, relative to tests/fixtures/importers) as one
// dataset.
inline Dataset load_fixture(const std::vector<std::string>& relative, LoadOptions options = {}) {
  std::vector<std::string> paths;
  for (const std::string& r : relative) {
    paths.push_back(fixture_path(r));
  }
  return load_files(paths, options);
}

// The index of the post with this id, or posts.size() when there is none.
inline std::size_t index_of(const Dataset& d, std::string_view id) {
  const auto it = std::find(d.post_ids.begin(), d.post_ids.end(), id);
  return static_cast<std::size_t>(it - d.post_ids.begin());
}

// Whether the dataset holds a post with this id.
inline bool has_post(const Dataset& d, std::string_view id) {
  return index_of(d, id) < d.posts.size();
}

// The post with this id; fails the test when there is none.
inline const Post& post_of(const Dataset& d, std::string_view id) {
  const std::size_t i = index_of(d, id);
  INFO("post " << id);
  REQUIRE(i < d.posts.size());
  return d.posts[i];
}

// The plain text of a post (the dataset must be loaded with keep_details).
inline std::string text_of(const Dataset& d, std::string_view id) {
  REQUIRE(d.details != nullptr);
  const std::size_t i = index_of(d, id);
  REQUIRE(i < d.details->posts.size());
  return std::string(d.details->posts[i].text);
}

// The name a post answers ("" when it answers nobody).
inline std::string reply_to_of(const Dataset& d, std::string_view id) {
  const Post& p = post_of(d, id);
  return p.reply_to == kNone ? std::string() : std::string(d.authors.name(p.reply_to));
}

// The posts of a kind.
inline std::size_t count_kind(const Dataset& d, PostKind kind) {
  return static_cast<std::size_t>(
      std::count_if(d.posts.begin(), d.posts.end(), [&](const Post& p) { return p.kind == kind; }));
}

// How many records were passed over for `reason` (0 when none).
inline std::uint64_t skipped(const Dataset& d, std::string_view reason) {
  for (const auto& [r, n] : d.input.skipped.counts) {
    if (r == reason) {
      return n;
    }
  }
  return 0;
}

// One comment as a test reads it: its id (with details), author, parent's index within the post
// (kNone: top-level) and time.
struct SeenComment {
  std::string id;
  std::string author;
  std::uint32_t parent = kNone;
  TimeMs created_at = 0;
};

// The comments of a post, in dataset order.
inline std::vector<SeenComment> comments_of(const Dataset& d, std::string_view id) {
  const Post& p = post_of(d, id);
  std::vector<SeenComment> out;
  for (std::uint32_t k = 0; k < p.comment_count; ++k) {
    const std::uint32_t at = p.first_comment + k;
    const Comment& c = d.comments[at];
    SeenComment seen;
    seen.id = d.details ? std::string(d.details->comments[at].id) : std::string();
    seen.author = c.author == kNone ? std::string("<none>") : std::string(d.authors.name(c.author));
    seen.parent = c.parent == kNone ? kNone : c.parent - p.first_comment;
    seen.created_at = c.created_at;
    out.push_back(seen);
  }
  return out;
}

// A time written as RFC 3339, in milliseconds.
inline TimeMs at(const char* rfc3339) {
  return parse_rfc3339(rfc3339).value_or(0);
}

// "; tried ror/v1, x-archive, ... (--from NAME forces one)": how an input no importer
// recognises ends its message, from the registry.
inline std::string tried_importers() {
  std::string names;
  for (const FormatInfo& f : input_formats()) {
    names += (names.empty() ? "" : ", ") + f.name;
  }
  return "; tried " + names + " (--from NAME forces one)";
}

// The message of the bad-input error that loading `inputs` throws; fails the test when none is.
inline std::string error_of(std::vector<NamedInput> inputs, LoadOptions options = {}) {
  try {
    load_buffers(std::move(inputs), options);
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::bad_input);
    return e.what();
  }
  FAIL("no error");
  return "";
}

// The same for one named input.
inline std::string error_of(const std::string& name, const std::string& text,
                            LoadOptions options = {}) {
  return error_of({NamedInput{name, text}}, options);
}

}  // namespace ror::test
