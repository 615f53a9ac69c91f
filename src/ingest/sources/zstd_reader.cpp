#include "ingest/sources/zstd_reader.hpp"

#include <zstd.h>
#include <zstd_errors.h>

#include <new>

#include <fmt/format.h>

#include "ror/error.hpp"

namespace ror::ingest {

namespace {

// The largest window accepted: 2^31 bytes, what `zstd --long=31` uses.
constexpr int kWindowLogMax = 31;

// Compressed bytes read from the input at a time.
constexpr std::size_t kInputChunk = std::size_t{1} << 20;

}  // namespace

ZstdStream::ZstdStream(std::string name, std::unique_ptr<Stream> input, std::uint64_t max_expansion)
    : name_(std::move(name)),
      input_(std::move(input)),
      guard_(max_expansion),
      context_(ZSTD_createDCtx()),
      in_(kInputChunk) {
  if (context_ == nullptr) {
    throw std::bad_alloc();
  }
  ZSTD_DCtx_setParameter(context_, ZSTD_d_windowLogMax, kWindowLogMax);
}

ZstdStream::~ZstdStream() {
  ZSTD_freeDCtx(context_);
}

std::size_t ZstdStream::read(char* out, std::size_t n) {
  if (ended_ || n == 0) {
    return 0;
  }
  const std::size_t k = decode(out, n);
  const std::uint64_t consumed = in_total_ - (in_size_ - in_at_);
  guard_.check(k, consumed, name_);
  return k;
}

void ZstdStream::skip_rest() {
  ended_ = true;
  input_->skip_rest();
}

// Decodes until some output is produced, or the stream ends.
std::size_t ZstdStream::decode(char* out, std::size_t n) {
  ZSTD_outBuffer output{out, n, 0};
  while (output.pos == 0) {
    if (in_at_ == in_size_ && !in_ended_) {
      refill();
    }
    if (in_at_ == in_size_ && in_ended_ && frame_left_ == 0) {
      ended_ = true;
      return 0;
    }
    ZSTD_inBuffer input{in_.data(), in_size_, in_at_};
    const std::size_t hint = ZSTD_decompressStream(context_, &output, &input);
    const bool moved = input.pos != in_at_ || output.pos != 0;
    in_at_ = input.pos;
    if (ZSTD_isError(hint) != 0U) {
      if (ZSTD_getErrorCode(hint) == ZSTD_error_frameParameter_windowTooLarge) {
        throw input_error(fmt::format(
            "{}: the zstd frame needs a window over 2 GiB (more than --long=31); refusing it",
            name_));
      }
      throw input_error(fmt::format("{}: corrupt zstd stream: {}", name_, ZSTD_getErrorName(hint)));
    }
    frame_left_ = hint;
    if (!moved && in_ended_) {
      throw input_error(fmt::format("{}: truncated zstd stream", name_));
    }
    if (!moved && in_at_ < in_size_) {
      throw input_error(fmt::format("{}: corrupt zstd stream: no progress", name_));
    }
  }
  return output.pos;
}

void ZstdStream::refill() {
  in_size_ = input_->read(in_.data(), in_.size());
  in_at_ = 0;
  in_total_ += in_size_;
  in_ended_ = in_size_ == 0;
}

}  // namespace ror::ingest
