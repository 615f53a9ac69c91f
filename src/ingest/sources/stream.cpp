#include "ingest/sources/stream.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <limits>
#include <utility>

#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "ror/error.hpp"

namespace ror::ingest {

namespace {

// Decoded bytes below which the guard never refuses: small files compress extremely well.
constexpr std::uint64_t kGuardFloor = std::uint64_t{64} << 20;

// The position lseek would give, or -1 when it falls outside [0, size].
std::int64_t seek_target(std::int64_t offset, int whence, std::uint64_t at, std::uint64_t size) {
  std::int64_t base = 0;
  if (whence == SEEK_CUR) {
    base = static_cast<std::int64_t>(at);
  } else if (whence == SEEK_END) {
    base = static_cast<std::int64_t>(size);
  } else if (whence != SEEK_SET) {
    return -1;
  }
  if ((offset > 0 && base > std::numeric_limits<std::int64_t>::max() - offset) ||
      base + offset < 0 || static_cast<std::uint64_t>(base + offset) > size) {
    return -1;
  }
  return base + offset;
}

}  // namespace

std::int64_t Stream::seek(std::int64_t /*offset*/, int /*whence*/) {
  return -1;
}

FdStream::FdStream(std::string name, int fd) : name_(std::move(name)), fd_(fd) {
  struct stat st {};
  if (::fstat(fd_, &st) == 0 && S_ISREG(st.st_mode)) {
    regular_ = true;
    size_ = static_cast<std::uint64_t>(st.st_size);
  }
}

FdStream::~FdStream() {
  if (fd_ > STDIN_FILENO) {
    ::close(fd_);
  }
}

int FdStream::release_fd() {
  return std::exchange(fd_, -1);
}

std::size_t FdStream::read(char* out, std::size_t n) {
  if (ended_ || n == 0) {
    return 0;
  }
  while (true) {
    const ssize_t k = ::read(fd_, out, n);
    if (k >= 0) {
      at_ += static_cast<std::uint64_t>(k);
      furthest_ = std::max(furthest_, at_);
      return static_cast<std::size_t>(k);
    }
    if (errno != EINTR) {
      throw input_error(fmt::format("cannot read {}: {}", name_, std::strerror(errno)));
    }
  }
}

std::int64_t FdStream::seek(std::int64_t offset, int whence) {
  if (!regular_) {
    return -1;
  }
  const std::int64_t target = seek_target(offset, whence, at_, size_);
  if (target < 0 || ::lseek(fd_, static_cast<off_t>(target), SEEK_SET) < 0) {
    return -1;
  }
  at_ = static_cast<std::uint64_t>(target);
  ended_ = false;
  return target;
}

std::string FdStream::peek(std::size_t n) const {
  if (regular_ && size_ > 0) {
    n = std::min<std::uint64_t>(n, size_);  // (no second read to find the end of a small file)
  }
  std::string head(n, '\0');
  std::size_t have = 0;
  while (have < n) {
    const ssize_t k = ::pread(fd_, head.data() + have, n - have, static_cast<off_t>(have));
    if (k == 0) {
      break;
    }
    if (k < 0 && errno != EINTR) {
      throw input_error(fmt::format("cannot read {}: {}", name_, std::strerror(errno)));
    }
    have += k > 0 ? static_cast<std::size_t>(k) : 0;
  }
  head.resize(have);
  return head;
}

std::size_t MemoryStream::read(char* out, std::size_t n) {
  const std::size_t k = std::min(n, bytes_.size() - at_);
  if (k == 0) {
    return 0;
  }
  std::memcpy(out, bytes_.data() + at_, k);
  at_ += k;
  furthest_ = std::max(furthest_, at_);
  return k;
}

std::int64_t MemoryStream::seek(std::int64_t offset, int whence) {
  const std::int64_t target = seek_target(offset, whence, at_, bytes_.size());
  if (target >= 0) {
    at_ = static_cast<std::size_t>(target);
  }
  return target;
}

std::size_t PrefixedStream::read(char* out, std::size_t n) {
  if (at_ < prefix_.size()) {
    const std::size_t k = std::min(n, prefix_.size() - at_);
    std::memcpy(out, prefix_.data() + at_, k);
    at_ += k;
    return k;
  }
  return rest_->read(out, n);
}

void PrefixedStream::skip_rest() {
  at_ = prefix_.size();
  rest_->skip_rest();
}

std::optional<std::uint64_t> PrefixedStream::remaining() const {
  const std::optional<std::uint64_t> rest = rest_->remaining();
  if (!rest) {
    return std::nullopt;
  }
  return *rest + (prefix_.size() - at_);
}

std::string read_up_to(Stream& stream, std::size_t n) {
  std::string head(n, '\0');
  std::size_t have = 0;
  while (have < n) {
    const std::size_t k = stream.read(head.data() + have, n - have);
    if (k == 0) {
      break;
    }
    have += k;
  }
  head.resize(have);
  return head;
}

void ExpansionGuard::check(std::uint64_t decoded, std::uint64_t consumed, const std::string& name) {
  decoded_ += decoded;
  if (decoded_ <= kGuardFloor || max_expansion_ == 0) {
    return;
  }
  const std::uint64_t allowed =
      consumed > std::numeric_limits<std::uint64_t>::max() / max_expansion_
          ? std::numeric_limits<std::uint64_t>::max()
          : consumed * max_expansion_;
  if (decoded_ > allowed) {
    throw input_error(
        fmt::format("{} expands more than {} times its compressed size; refusing a likely zip bomb",
                    name, max_expansion_));
  }
}

}  // namespace ror::ingest
