#include "ingest/sources/byte_source.hpp"

#include <cerrno>
#include <cstring>
#include <utility>

#include <sys/mman.h>
#include <sys/stat.h>
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

ByteSource::ByteSource(std::string name, std::FILE* file, bool owned)
    : name_(std::move(name)), origin_(name_), file_(file), owned_(owned) {}

ByteSource ByteSource::open(const std::string& path, std::uint64_t map_bytes) {
  if (path == "-") {
    return ByteSource(path, stdin, false);
  }
  errno = 0;
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) {
    throw input_error(fmt::format("cannot open {}: {}", path, std::strerror(errno)));
  }
  return from_file(path, file, map_bytes);
}

ByteSource ByteSource::adopt(const std::string& name, int fd, std::uint64_t map_bytes) {
  std::FILE* file = ::fdopen(fd, "rb");
  if (file == nullptr) {
    const int error = errno;
    ::close(fd);
    throw input_error(fmt::format("cannot open {}: {}", name, std::strerror(error)));
  }
  return from_file(name, file, map_bytes);
}

ByteSource ByteSource::from_file(const std::string& name, std::FILE* file,
                                 std::uint64_t map_bytes) {
  ByteSource source(name, file, true);
  const std::uint64_t size = source.size_hint();
  if (size > 0 && size >= map_bytes) {
    void* map = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, ::fileno(file), 0);
    if (map != MAP_FAILED) {
      ::madvise(map, size, MADV_SEQUENTIAL);
      source.mapped_ = std::string_view(static_cast<const char*>(map), size);
    }
    // A file that cannot be mapped is read instead.
  }
  return source;
}

ByteSource ByteSource::memory(const std::string& name, std::string_view bytes) {
  ByteSource source(name, nullptr, false);
  source.memory_ = bytes;
  source.size_ = bytes.size();
  return source;
}

ByteSource ByteSource::stream(const std::string& name, std::unique_ptr<Stream> stream,
                              std::uint64_t size) {
  ByteSource source(name, nullptr, false);
  source.stream_ = std::move(stream);
  source.size_ = size;
  return source;
}

ByteSource::ByteSource(ByteSource&& other) noexcept
    : name_(std::move(other.name_)),
      origin_(std::move(other.origin_)),
      named_(other.named_),
      file_(std::exchange(other.file_, nullptr)),
      owned_(other.owned_),
      ended_(other.ended_),
      memory_(other.memory_),
      size_(other.size_),
      mapped_(std::exchange(other.mapped_, std::string_view{})),
      stream_(std::move(other.stream_)) {}

ByteSource::~ByteSource() {
  if (!mapped_.empty()) {
    ::munmap(const_cast<char*>(mapped_.data()), mapped_.size());
  }
  if (owned_ && file_ != nullptr) {
    std::fclose(file_);
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
  if (file_ == nullptr) {
    const std::size_t k = std::min(n, memory_.size());
    if (k > 0) {
      std::memcpy(out, memory_.data(), k);
      memory_.remove_prefix(k);
    }
    return k;
  }
  if (ended_) {
    return 0;
  }
  const std::size_t k = std::fread(out, 1, n, file_);
  if (k < n && std::ferror(file_) != 0) {
    throw input_error(fmt::format("cannot read {}: {}", name_, std::strerror(errno)));
  }
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
  if (file_ == nullptr) {
    return memory_.size();
  }
  const std::uint64_t size = size_hint();
  const long at = std::ftell(file_);
  if (size == 0 || at < 0) {
    return std::nullopt;
  }
  if (ended_) {
    return 0;
  }
  return size > static_cast<std::uint64_t>(at) ? size - static_cast<std::uint64_t>(at) : 0;
}

std::uint64_t ByteSource::size_hint() const {
  if (stream_ || file_ == nullptr) {
    return size_;
  }
  struct stat st {};
  return ::fstat(::fileno(file_), &st) == 0 && S_ISREG(st.st_mode)
             ? static_cast<std::uint64_t>(st.st_size)
             : 0;
}

}  // namespace ror::ingest
