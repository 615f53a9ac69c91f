// Reading inputs into a Dataset. Formats are detected by content; see docs/format.md.
#pragma once

#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "ror/dataset.hpp"

namespace ror {

// Options that decide what the dataset holds.
struct LoadOptions {
  std::vector<std::string> accounts;  // extra names of the account (--account)
  std::string from;                   // the importer to read every input with (--from), or ""
  bool keep_details = false;          // keep texts and ids in Dataset::details (ror convert)
  bool keep_excerpts = false;         // keep each post's first words and link (--by post)
  std::optional<TimeMs> since;        // keep posts created at or after this time
  std::optional<TimeMs> until;        // keep posts created at or before this time
  std::size_t threads = 0;            // parsing threads; 0: one per hardware thread
  std::size_t block_bytes = 0;        // bytes per block; 0: the default (2 MiB)
  // Regular files at least this large are mapped into memory instead of read. By default none
  // is: on two cores, reading 1 GB in blocks took 10-20 % less time than mapping it and letting
  // its pages go (docs/performance.md). A file is mapped anyway where one item outgrows the
  // blocks read (a large irregular stretch of CSV, a huge JSON value).
  std::uint64_t map_bytes = std::numeric_limits<std::uint64_t>::max();
  // Called after each merged block with the bytes read so far and the total (0: unknown).
  std::function<void(std::uint64_t done, std::uint64_t total)> progress;
};

// An input already in memory: its name (for messages) and its bytes.
struct NamedInput {
  std::string name;
  std::string bytes;
};

// What an importer reads and cannot know (ror formats, docs/format.md).
struct FormatInfo {
  std::string name;      // as --from names it
  std::string platform;  // "" when the data says
  std::string reads;
  std::string unknown;
  bool audience_comments = false;  // whether its exports hold other people's comments
};

// Every importer, in the order detection breaks ties.
std::vector<FormatInfo> input_formats();

// What this build reads beyond plain files, with the libraries behind it: "archives (libarchive
// 3.6.2: zip, tar, 7z, gzip, bzip2, xz)", "zstd (libzstd 1.5.4, windows up to 2 GiB)".
std::vector<std::string> input_features();

// Reads files ("-" is standard input) as one dataset. Throws ror::Error (bad_input) on an
// unreadable file, malformed JSON, a schema violation, or an input with no posts at all.
Dataset load_files(const std::vector<std::string>& paths, const LoadOptions& options);

// The same for inputs in memory (tests, fuzzers).
Dataset load_buffers(std::vector<NamedInput> inputs, const LoadOptions& options);

}  // namespace ror
