#include "ingest/byte_source.hpp"

#include <cerrno>
#include <cstring>
#include <utility>

#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "ror/error.hpp"

namespace ror::ingest {

namespace {

std::uint64_t page_size() {
  static const auto size = static_cast<std::uint64_t>(::sysconf(_SC_PAGESIZE));
  return size;
}

}  // namespace

ByteSource ByteSource::open(const std::string& path, std::uint64_t map_bytes) {
  if (path == "-") {
    return ByteSource(path, stdin, false);
  }
  errno = 0;
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) {
    throw input_error(fmt::format("cannot open {}: {}", path, std::strerror(errno)));
  }
  ByteSource source(path, file, true);
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

ByteSource::ByteSource(ByteSource&& other) noexcept
    : name_(std::move(other.name_)),
      file_(std::exchange(other.file_, nullptr)),
      owned_(other.owned_),
      memory_(other.memory_),
      size_(other.size_),
      mapped_(std::exchange(other.mapped_, std::string_view{})) {}

ByteSource::~ByteSource() {
  if (!mapped_.empty()) {
    ::munmap(const_cast<char*>(mapped_.data()), mapped_.size());
  }
  if (owned_ && file_ != nullptr) {
    std::fclose(file_);
  }
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
  if (file_ == nullptr) {
    const std::size_t k = std::min(n, memory_.size());
    std::memcpy(out, memory_.data(), k);
    memory_.remove_prefix(k);
    return k;
  }
  const std::size_t k = std::fread(out, 1, n, file_);
  if (k < n && std::ferror(file_) != 0) {
    throw input_error(fmt::format("cannot read {}: {}", name_, std::strerror(errno)));
  }
  return k;
}

std::optional<std::uint64_t> ByteSource::remaining() const {
  if (file_ == nullptr) {
    return memory_.size();
  }
  const std::uint64_t size = size_hint();
  const long at = std::ftell(file_);
  if (size == 0 || at < 0) {
    return std::nullopt;
  }
  return size > static_cast<std::uint64_t>(at) ? size - static_cast<std::uint64_t>(at) : 0;
}

std::uint64_t ByteSource::size_hint() const {
  if (file_ == nullptr) {
    return size_;
  }
  struct stat st {};
  return ::fstat(::fileno(file_), &st) == 0 && S_ISREG(st.st_mode)
             ? static_cast<std::uint64_t>(st.st_size)
             : 0;
}

}  // namespace ror::ingest
