// Archives (zip, tar, 7z, ...) and compressed streams (gzip, bzip2, xz, ...) read with libarchive,
// member by member, in the archive's order, from any Stream (seekable or not). Nothing is ever
// written to disk: members are streams. Only regular members with safe names are given; the rest
// are counted as skipped.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "ingest/sources/skip_counts.hpp"
#include "ingest/sources/stream.hpp"

namespace ror::ingest {

struct ArchiveState;

// An archive's regular members (or a compressed stream's content), one after the other.
class ArchiveReader {
 public:
  // One opened member: its name ("archive:path/in/archive", or the archive's own name for a
  // compressed stream that is no archive), its bytes and its size when the archive records it.
  struct Member {
    std::string name;
    std::unique_ptr<Stream> stream;
    std::optional<std::uint64_t> size;
    bool whole = false;  // the compressed stream itself, not a member of an archive
  };

  // Opens `input`, named `name` in messages. With `raw_allowed`, a compressed stream that holds
  // no archive is read as one member. Throws ror::Error (bad input) with libarchive's message
  // when the input cannot be read.
  ArchiveReader(std::string name, std::unique_ptr<Stream> input, bool raw_allowed,
                std::uint64_t max_expansion);
  ~ArchiveReader();
  ArchiveReader(const ArchiveReader&) = delete;
  ArchiveReader& operator=(const ArchiveReader&) = delete;

  // The next regular member, nullopt after the last. Members passed over (links, directories,
  // devices, unsafe names, archives inside the archive, encrypted ones) are counted in `skips`.
  // The previous member's stream stops working. Throws ror::Error (bad input) for a corrupt or
  // truncated archive.
  std::optional<Member> next(SkipCounts& skips);

 private:
  std::optional<Member> member_from_header(SkipCounts& skips);

  std::shared_ptr<ArchiveState> state_;
  bool raw_allowed_;
  bool first_ = true;
  bool ended_ = false;
};

// A member's name without its leading "./", or nullopt when it is unsafe to show or to trust: an
// absolute path, a drive letter, a ".." segment, a control character, or nothing left.
std::optional<std::string> safe_member_name(std::string_view name);

}  // namespace ror::ingest
