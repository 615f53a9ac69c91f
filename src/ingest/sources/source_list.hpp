// The command line's paths expanded, lazily, into the byte streams to read: plain files, standard
// input, directories walked in path order, zstd and gzip/bzip2/xz streams decoded, archive
// members one by one. Format-neutral: it knows no platform and no JSON. Decoders run ahead of
// the reader on a background thread.
#pragma once

#include <cstdint>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ingest/sources/byte_source.hpp"
#include "ingest/sources/directory.hpp"
#include "ingest/sources/skip_counts.hpp"

namespace ror::ingest {

class ArchiveReader;
class Stream;

// How the paths are opened.
struct SourceOptions {
  // Plain regular files at least this large are mapped (as LoadOptions::map_bytes).
  std::uint64_t map_bytes = std::numeric_limits<std::uint64_t>::max();
  // The zip bomb guard: past 64 MiB decoded, a decoded stream may not exceed this many times the
  // compressed bytes read so far (0: no guard).
  std::uint64_t max_expansion = 1000;
  // Decode zstd streams and archive members on a background thread, ahead of the reader.
  bool read_ahead = true;
};

// The byte streams of the command line's paths, opened one at a time, in order.
class SourceList {
 public:
  // The sources of `paths`, in order ("-" is standard input). Nothing is opened yet.
  SourceList(std::vector<std::string> paths, SourceOptions options);
  // The same expansion for inputs in memory, each treated as if it were a file of that name (so
  // a zip or a .zst in memory is opened as a file would be). The bytes must outlive the list and
  // its sources.
  static SourceList from_memory(std::vector<std::pair<std::string, std::string_view>> inputs,
                                SourceOptions options = {});

  SourceList(SourceList&&) noexcept;
  SourceList& operator=(SourceList&&) noexcept;
  ~SourceList();

  // The next byte stream to read, opened only now; nullptr when all are done. The previous one
  // must be finished or dropped first (an archive's members are read in order). Throws
  // ror::Error (bad input) naming the file (and member) that cannot be opened or decoded.
  std::unique_ptr<ByteSource> next();

  // What was passed over, by reason ("symlink in an archive", "unsafe member
  // name", ...), with counts, in first-seen order.
  const std::vector<std::pair<std::string, std::uint64_t>>& skipped() const {
    return skips_.counts();
  }

  // The sizes of the inputs named, summed (regular files, the files under a directory, archives
  // and compressed files as their compressed size), for progress; 0 if unknown.
  std::uint64_t size_hint() const;

 private:
  struct Input {
    std::string path;
    std::optional<std::string_view> bytes;  // an input in memory
  };

  SourceList(std::vector<Input> inputs, SourceOptions options);

  std::unique_ptr<ByteSource> open_input(std::size_t index);
  std::unique_ptr<ByteSource> open_path(const std::string& path, const std::string& origin,
                                        bool named);
  std::unique_ptr<ByteSource> open_container(const std::string& name, const std::string& origin,
                                             bool named, std::unique_ptr<Stream> input,
                                             std::string_view head);
  std::unique_ptr<ByteSource> decoded(const std::string& name, const std::string& origin,
                                      bool named, std::unique_ptr<Stream> stream,
                                      std::optional<std::uint64_t> size) const;
  void start_archive(const std::string& name, const std::string& origin, bool named,
                     std::unique_ptr<Stream> input, bool raw_allowed);
  DirectoryListing listing(std::size_t index) const;
  std::uint64_t directory_bytes(std::size_t index) const;

  std::vector<Input> inputs_;
  SourceOptions options_;
  std::size_t next_input_ = 0;
  SkipCounts skips_;
  std::vector<std::string> walk_;  // files of the directory being walked, not opened yet
  std::size_t walk_next_ = 0;
  std::string walk_origin_;
  std::unique_ptr<ArchiveReader> archive_;  // the archive being read
  std::string archive_origin_;
  bool archive_named_ = false;
  mutable std::map<std::size_t, DirectoryListing> listings_;  // walked early, for size_hint
  mutable std::optional<std::uint64_t> size_hint_;
};

}  // namespace ror::ingest
