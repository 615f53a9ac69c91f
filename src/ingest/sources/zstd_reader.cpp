#include "ingest/sources/zstd_reader.hpp"

#define ZSTD_STATIC_LINKING_ONLY  // ZSTD_createDCtx_advanced and ZSTD_customMem
#include <sys/mman.h>
#include <zstd.h>
#include <zstd_errors.h>

#include <cstdlib>
#include <new>
#include <unordered_map>

#include <fmt/format.h>

#include "ror/error.hpp"

namespace ror::ingest {

namespace {

// The largest window accepted: 2^31 bytes, what `zstd --long=31` uses.
constexpr int kWindowLogMax = 31;

// Compressed bytes read from the input at a time.
constexpr std::size_t kInputChunk = std::size_t{1} << 20;

// Allocations from this size up are mapped on their own and offered huge pages.
constexpr std::size_t kLargeAllocation = std::size_t{32} << 20;

}  // namespace

// libzstd's allocator for one stream: small blocks from malloc, large ones (the window of a long
// frame) mapped with mmap and advised to use huge pages.
struct ZstdStream::WindowMemory {
  std::unordered_map<void*, std::size_t> mapped;

  static void* allocate(void* opaque, std::size_t size) {
    auto* self = static_cast<WindowMemory*>(opaque);
    if (size < kLargeAllocation) {
      return std::malloc(size);
    }
    void* p = mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) {
      return nullptr;
    }
#if defined(MADV_HUGEPAGE)
    madvise(p, size, MADV_HUGEPAGE);  // advice only: without huge pages the mapping still works
#endif
    try {
      self->mapped.emplace(p, size);
    } catch (...) {
      munmap(p, size);
      return nullptr;
    }
    return p;
  }

  static void release(void* opaque, void* p) {
    auto* self = static_cast<WindowMemory*>(opaque);
    const auto it = self->mapped.find(p);
    if (it == self->mapped.end()) {
      std::free(p);
      return;
    }
    munmap(it->first, it->second);
    self->mapped.erase(it);
  }
};

ZstdStream::ZstdStream(std::string name, std::unique_ptr<Stream> input, std::uint64_t max_expansion)
    : name_(std::move(name)),
      input_(std::move(input)),
      guard_(max_expansion),
      memory_(std::make_unique<WindowMemory>()),
      context_(ZSTD_createDCtx_advanced(
          ZSTD_customMem{&WindowMemory::allocate, &WindowMemory::release, memory_.get()})),
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
