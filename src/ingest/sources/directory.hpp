// A directory named on the command line, walked recursively into the regular files it holds.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "ingest/sources/skip_counts.hpp"

namespace ror::ingest {

// The regular files under a directory, with what was passed over.
struct DirectoryListing {
  std::vector<std::string> files;  // "root/sub/file.json", sorted by path, byte by byte
  std::uint64_t bytes = 0;         // the files' sizes, summed
  SkipCounts skips;
};

// Walks `root` and every directory below it. A symlink to a file is followed; a symlink to a
// directory is not (counted, so that no walk can loop); anything but a regular file is counted as
// skipped. Throws ror::Error (bad input) naming a directory that cannot be read.
DirectoryListing list_directory(const std::string& root);

}  // namespace ror::ingest
