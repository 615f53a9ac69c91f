// What the first bytes of an input say it is: plain bytes, a zstd stream, another compressed
// stream, or an archive. Decided by magic numbers only, never by a file's name.
#pragma once

#include <cstddef>
#include <string_view>

namespace ror::ingest {

// How to open an input.
enum class Container {
  plain,       // read as it is
  zstd,        // a zstd frame (or a skippable frame), decoded with libzstd
  compressed,  // gzip, bzip2, xz, lzip, lz4 or compress, decoded with libarchive's filters
  archive,     // zip, tar, 7z, rar, cpio, ar, xar or cab, read member by member with libarchive
};

// Bytes to look at: enough for the tar magic at offset 257.
constexpr std::size_t kMagicBytes = 512;

// The container the start of an input shows (`head` holds up to kMagicBytes bytes).
Container container_of(std::string_view head);

}  // namespace ror::ingest
