// Cuts one input into blocks of whole items, ready to be read in parallel: shows the start of
// the input for detection, asks the framing's framer where the last whole item of a stretch
// ends, and keeps the input position (line and column) of each block for error messages, unless
// the block reader counts lines itself (the lines framing). A file that is not mapped is read
// block by block; one whose item outgrows what a read block should hold is mapped there, and
// the item and the rest are cut where they lie.
#pragma once

#include <memory>
#include <string>

#include "ingest/framing.hpp"
#include "ingest/sources/byte_source.hpp"

namespace ror::ingest {

// One block of an input.
struct Block {
  std::string bytes;  // the block's bytes when it owns them (padded for simdjson), else empty
  InputText text;     // the block: its own bytes, or a stretch of a mapped input
  std::uint64_t offset = 0;  // where the block starts in the input
};

class Blocker {
 public:
  Blocker(ByteSource& source, std::size_t block_size) : source_(source), block_(block_size) {}

  // The start of the input (a UTF-8 byte order mark removed), at least 16 MiB of it unless the
  // input is shorter; `whole` says whether it is all of it. Call before begin().
  std::string_view head(bool& whole);

  // Starts cutting blocks with the framer of `framing`.
  void begin(const Framing& framing);

  // Whether the input is read (not mapped), held whole by head() and no larger than a block:
  // then take_whole() gives it as one block, to be detected and framed by whoever reads it.
  bool whole_block() const;

  // Moves the whole input into `block`, unframed (no items; line 1, column 1), and ends the
  // input. Call instead of begin() and next(), when whole_block() says so.
  void take_whole(Block& block);

  // Fills `block` with the next whole items; false when the input is exhausted.
  bool next(Block& block);

  // Lets a mapped input drop the pages of a block that was read.
  void release(const Block& block) const;

  // Bytes of the input cut into blocks so far: all of them once next() returned false.
  std::uint64_t offset() const { return offset_; }

  // Malformed structure met by the framer, reported after the blocks before it.
  void rethrow_framing_error() const;

 private:
  bool next_read(Block& block);
  bool next_mapped(Block& block);
  void fill(std::size_t at_least = 0);
  InputText text_at(const char* data, std::size_t size, std::size_t capacity) const;
  void advance(std::string_view consumed);
  void skip_bom();

  ByteSource& source_;
  std::size_t block_;
  std::unique_ptr<Framer> framer_;

  bool count_lines_ = true;  // false when the format's reader counts them
  bool one_block_ = false;   // the framing cuts the input as one block
  std::string carry_;        // read, not yet in a block (inputs that are not mapped)
  bool eof_ = false;
  std::uint64_t offset_ = 0;
  std::uint64_t start_offset_ = 0;  // where the input's text starts (past a byte order mark)
  Position position_;               // of offset_
};

}  // namespace ror::ingest
