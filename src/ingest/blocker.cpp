#include "ingest/blocker.hpp"

#include <simdjson.h>

#include <algorithm>

#include <fmt/format.h>

#include "ror/error.hpp"

namespace ror::ingest {

namespace {

// The start of an input that format detection sees, whatever the block size.
constexpr std::size_t kDetectBytes = std::size_t{16} << 20;

// An item that needs more than this many blocks of text (and at least kDetectBytes) is read from
// a mapping of its file, where it lies, rather than read into memory.
constexpr std::size_t kMapPastBlocks = 16;

}  // namespace

std::string_view Blocker::head(bool& whole) {
  if (const std::string_view mapped = source_.mapped(); !mapped.empty()) {
    skip_bom();
    const std::string_view rest = mapped.substr(offset_);
    const std::size_t size = std::min(rest.size(), std::max(block_, kDetectBytes));
    whole = size == rest.size();
    return rest.substr(0, size);
  }
  fill(std::max(block_, kDetectBytes));
  skip_bom();
  whole = eof_;
  return carry_;
}

void Blocker::skip_bom() {
  if (offset_ != 0) {
    return;
  }
  const std::string_view start =
      source_.mapped().empty() ? std::string_view(carry_) : source_.mapped();
  if (start.substr(0, 3) == "\xef\xbb\xbf") {
    if (source_.mapped().empty()) {
      carry_.erase(0, 3);
    }
    // (offsets count the mark, read or mapped: a read input mapped later goes on at its offset)
    offset_ = 3;
    start_offset_ = offset_;
  }
}

void Blocker::begin(const Framing& framing) {
  framer_ = make_framer(framing);
  count_lines_ = framing.kind != FramingKind::lines;
  // (a text input of one block: nothing needs the position after it)
  one_block_ = framing.kind == FramingKind::text && !framing.text_in_blocks();
}

bool Blocker::whole_block() const {
  return source_.mapped().empty() && eof_ && carry_.size() <= block_;
}

void Blocker::take_whole(Block& block) {
  block.bytes.swap(carry_);
  carry_.clear();
  block.bytes.reserve(block.bytes.size() + simdjson::SIMDJSON_PADDING);
  block.text = text_at(block.bytes.data(), block.bytes.size(), block.bytes.capacity());
  block.offset = offset_;
  offset_ += block.text.size;
}

bool Blocker::next(Block& block) {
  return source_.mapped().empty() ? next_read(block) : next_mapped(block);
}

bool Blocker::next_read(Block& block) {
  while (true) {
    if ((carry_.empty() && eof_) || framer_->error) {
      return false;
    }
    block.bytes.swap(carry_);
    carry_.clear();
    block.bytes.reserve(block.bytes.size() + simdjson::SIMDJSON_PADDING);
    block.text = text_at(block.bytes.data(), block.bytes.size(), block.bytes.capacity());
    const std::size_t cut = framer_->cut(block.text, eof_);
    if (cut == 0 && !eof_ && !framer_->error) {
      // Not one whole item yet: read more (growing past the block size for a huge item), or,
      // past a size, map the file and read on where the item lies.
      block.bytes.swap(carry_);
      if (carry_.size() >= std::max(block_ * kMapPastBlocks, kDetectBytes) && source_.map()) {
        std::string().swap(carry_);
        return next_mapped(block);
      }
      fill();
      continue;
    }
    carry_.assign(block.bytes, cut, std::string::npos);
    block.bytes.resize(cut);
    block.bytes.reserve(cut + simdjson::SIMDJSON_PADDING);
    block.text.data = block.bytes.data();
    block.text.size = cut;
    block.text.capacity = block.bytes.capacity();
    block.text.input_end = eof_ && carry_.empty();
    block.offset = offset_;
    advance(block.text.view());
    if (carry_.size() < block_) {
      fill();
    }
    return true;
  }
}

bool Blocker::next_mapped(Block& block) {
  const std::string_view mapped = source_.mapped();
  if (offset_ >= mapped.size() || framer_->error) {
    return false;
  }
  const char* const data = mapped.data() + offset_;
  const std::size_t left = mapped.size() - offset_;
  const std::size_t readable = left + source_.mapped_tail();  // (zeros past the end)
  std::size_t want = block_;
  std::size_t cut = 0;
  while (true) {
    const std::size_t size = std::min(want, left);
    const bool at_end = size == left;
    block.text = text_at(data, size, readable);
    cut = framer_->cut(block.text, at_end);
    if (cut > 0 || at_end || framer_->error) {
      break;
    }
    want *= 2;  // not one whole item yet: a larger stretch
  }
  block.text.size = cut;
  block.text.input_end = cut == left;
  block.bytes.clear();
  if (readable - cut < simdjson::SIMDJSON_PADDING) {
    // Too near the end of the mapping for simdjson's padding: the block gets its own bytes.
    block.bytes.reserve(cut + simdjson::SIMDJSON_PADDING);
    block.bytes.assign(data, cut);
    block.text.data = block.bytes.data();
    block.text.capacity = block.bytes.capacity();
  }
  block.offset = offset_;
  advance(block.text.view());
  return true;
}

void Blocker::release(const Block& block) const {
  if (block.bytes.empty()) {
    source_.release(block.offset, block.offset + block.text.size);
  }
}

void Blocker::rethrow_framing_error() const {
  if (framer_ != nullptr && framer_->error) {
    std::rethrow_exception(framer_->error);
  }
}

// Reads until the carry holds `at_least` bytes (and twice what it held), or the input ends.
void Blocker::fill(std::size_t at_least) {
  std::size_t want = std::max({block_, at_least, carry_.size() * 2});
  if (const auto left = source_.remaining()) {
    // No bigger than what is left (plus one byte, to see the end), so small inputs stay small.
    want = std::min<std::size_t>(want, carry_.size() + static_cast<std::size_t>(*left) + 1);
  }
  const std::size_t old = carry_.size();
  if (carry_.capacity() > 2 * (want + simdjson::SIMDJSON_PADDING)) {
    // A buffer that held the input's start (or a huge item), back from a block: a new one
    // the size of a block, so that the large one is not kept resident for the rest of the load.
    std::string smaller;
    smaller.reserve(want + simdjson::SIMDJSON_PADDING);
    smaller.assign(carry_);
    carry_.swap(smaller);
  }
  // Room for the padding too, so that the block cut from it never reallocates: buffers then
  // circulate between the carry and the blocks instead of being freed and allocated again.
  carry_.reserve(want + simdjson::SIMDJSON_PADDING);
  carry_.resize(want);
  std::size_t have = old;
  while (have < want && !eof_) {
    const std::size_t k = source_.read(carry_.data() + have, want - have);
    have += k;
    eof_ = k == 0;
  }
  carry_.resize(have);
}

InputText Blocker::text_at(const char* data, std::size_t size, std::size_t capacity) const {
  InputText t;
  t.name = source_.name();
  t.data = data;
  t.size = size;
  t.capacity = capacity;
  t.first_line = count_lines_ ? position_.line : 0;
  t.first_column = count_lines_ ? position_.column : 0;
  t.input_start = offset_ == start_offset_;
  t.offset = offset_;
  return t;
}

// Moves the input position past `consumed`.
void Blocker::advance(std::string_view consumed) {
  offset_ += consumed.size();
  if (!count_lines_ || one_block_) {
    return;
  }
  position_ = position_.after(consumed);
}

}  // namespace ror::ingest
