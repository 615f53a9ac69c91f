#include "ingest/sources/byte_source.hpp"

#include <cerrno>
#include <cstring>
#include <utility>

#include <sys/mman.h>
#include <unistd.h>

#include <fmt/format.h>

#include "ingest/sources/stream.hpp"
#include "ror/error.hpp"

namespace ror::ingest {

namespace {

std::uint64_t page_size() {
  static const auto size = static_cast<std::uint64_t>(::sysconf(_SC_PAGESIZE));
  return size;
}

}  // namespace

ByteSource::ByteSource(std::string name) : name_(std::move(name)), origin_(name_) {}

ByteSource ByteSource::adopt(const std::string& name, int fd, std::uint64_t size,
                             std::uint64_t map_bytes) {
  ByteSource source(name);
  source.fd_ = fd;
  source.size_ = size;
  if (size > 0 && size >= map_bytes) {
    source.map();  // (a file that cannot be mapped is read instead)
  }
  return source;
}

bool ByteSource::map() {
  if (!mapped_.empty()) {
    return true;
  }
  if (fd_ < 0 || stream_ || size_ == 0 || ended_) {
    return false;
  }
  // The file's pages (the last one zero-filled past the end) and one more page of zeros after
  // them: an anonymous span first, the file mapped over its start.
  const std::uint64_t page = page_size();
  const std::uint64_t span = (size_ + page - 1) / page * page + page;
  void* area = ::mmap(nullptr, span, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (area == MAP_FAILED) {
    return false;
  }
  void* map = ::mmap(area, size_, PROT_READ, MAP_PRIVATE | MAP_FIXED, fd_, 0);
  if (map == MAP_FAILED) {
    ::munmap(area, span);
    return false;
  }
  ::madvise(map, size_, MADV_SEQUENTIAL);
  mapped_ = std::string_view(static_cast<const char*>(map), size_);
  mapped_span_ = span;
  return true;
}

ByteSource ByteSource::memory(const std::string& name, std::string_view bytes) {
  ByteSource source(name);
  source.memory_ = bytes;
  source.size_ = bytes.size();
  return source;
}

ByteSource ByteSource::stream(const std::string& name, std::unique_ptr<Stream> stream,
                              std::uint64_t size) {
  ByteSource source(name);
  source.stream_ = std::move(stream);
  source.size_ = size;
  return source;
}

ByteSource::ByteSource(ByteSource&& other) noexcept
    : name_(std::move(other.name_)),
      origin_(std::move(other.origin_)),
      named_(other.named_),
      archived_(other.archived_),
      fd_(std::exchange(other.fd_, -1)),
      at_(other.at_),
      ended_(other.ended_),
      memory_(other.memory_),
      size_(other.size_),
      mapped_(std::exchange(other.mapped_, std::string_view{})),
      mapped_span_(std::exchange(other.mapped_span_, 0)),
      stream_(std::move(other.stream_)) {}

ByteSource::~ByteSource() {
  if (!mapped_.empty()) {
    ::munmap(const_cast<char*>(mapped_.data()), mapped_span_);
  }
  if (fd_ >= 0) {
    ::close(fd_);
  }
}

void ByteSource::set_origin(std::string origin, bool named) {
  origin_ = std::move(origin);
  named_ = named;
}

void ByteSource::release(std::uint64_t begin, std::uint64_t end) const {
  const std::uint64_t page = page_size();
  const std::uint64_t first = (begin + page - 1) / page * page;
  const std::uint64_t last = end / page * page;
  if (mapped_.empty() || last <= first) {
    return;
  }
  ::madvise(const_cast<char*>(mapped_.data() + first), last - first, MADV_DONTNEED);
}

std::size_t ByteSource::read(char* out, std::size_t n) {
  if (stream_) {
    return stream_->read(out, n);
  }
  if (fd_ < 0) {
    const std::size_t k = std::min(n, memory_.size());
    if (k > 0) {
      std::memcpy(out, memory_.data(), k);
      memory_.remove_prefix(k);
    }
    return k;
  }
  // A file is read up to the size it had when it was opened; one that says 0 (as files under
  // /proc do) is read to its end.
  if (ended_ || (size_ > 0 && at_ >= size_)) {
    return 0;
  }
  std::size_t k = 0;
  while (k < n) {
    const ssize_t got = ::read(fd_, out + k, n - k);
    if (got == 0) {
      break;
    }
    if (got < 0) {
      if (errno == EINTR) {
        continue;
      }
      throw input_error(fmt::format("cannot read {}: {}", name_, std::strerror(errno)));
    }
    k += static_cast<std::size_t>(got);
    if (at_ + k >= size_) {
      break;  // the size fstat gave is reached: one more read would only find the end
    }
  }
  at_ += k;
  return k;
}

void ByteSource::skip_rest() {
  if (stream_) {
    stream_->skip_rest();
  }
  memory_ = {};
  ended_ = true;
}

std::optional<std::uint64_t> ByteSource::remaining() const {
  if (stream_) {
    return stream_->remaining();
  }
  if (fd_ < 0) {
    return memory_.size();
  }
  if (ended_) {
    return 0;
  }
  if (size_ == 0) {
    return std::nullopt;  // a file whose size says nothing (under /proc)
  }
  return size_ > at_ ? size_ - at_ : 0;
}

std::uint64_t ByteSource::size_hint() const {
  return size_;
}

}  // namespace ror::ingest
