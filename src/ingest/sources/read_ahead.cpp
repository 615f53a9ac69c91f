#include "ingest/sources/read_ahead.hpp"

#include <algorithm>
#include <cstring>

namespace ror::ingest {

ReadAhead::ReadAhead(std::unique_ptr<Stream> inner, std::size_t buffers, std::size_t buffer_bytes)
    : inner_(std::move(inner)),
      total_(inner_->remaining()),
      buffer_bytes_(buffer_bytes),
      ring_(std::max<std::size_t>(buffers, 2)) {
  thread_ = std::thread([this] { run(); });
}

ReadAhead::~ReadAhead() {
  stop();
}

void ReadAhead::stop() {
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    stop_ = true;
  }
  stopping_.store(true, std::memory_order_relaxed);
  freed_.notify_all();
  if (thread_.joinable()) {
    thread_.join();
  }
}

std::size_t ReadAhead::read(char* out, std::size_t n) {
  std::size_t given = 0;
  while (given < n) {
    {
      std::unique_lock<std::mutex> lock(mutex_);
      if (given > 0 && full_ == 0) {
        break;  // what is ready now is enough; do not wait for more
      }
      filled_.wait(lock, [this] { return full_ > 0 || done_; });
      if (full_ == 0) {
        if (error_ && given == 0 && !stop_) {
          std::rethrow_exception(error_);
        }
        break;
      }
    }
    // The head buffer is the reader's until it is given back.
    Buffer& buffer = ring_[head_];
    const std::size_t k = std::min(n - given, buffer.size - head_at_);
    std::memcpy(out + given, buffer.data.get() + head_at_, k);
    given += k;
    head_at_ += k;
    if (head_at_ == buffer.size) {
      head_ = (head_ + 1) % ring_.size();
      head_at_ = 0;
      {
        const std::lock_guard<std::mutex> lock(mutex_);
        --full_;
      }
      freed_.notify_one();
    }
  }
  delivered_ += given;
  return given;
}

void ReadAhead::skip_rest() {
  stop();
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    full_ = 0;
    error_ = nullptr;
  }
  inner_->skip_rest();
}

std::optional<std::uint64_t> ReadAhead::remaining() const {
  if (!total_ || delivered_ >= *total_) {
    return std::nullopt;
  }
  return *total_ - delivered_;
}

void ReadAhead::run() {
  bool more = true;
  while (more) {
    {
      std::unique_lock<std::mutex> lock(mutex_);
      freed_.wait(lock, [this] { return stop_ || full_ < ring_.size(); });
      if (stop_) {
        break;
      }
    }
    Buffer& buffer = ring_[tail_];
    std::exception_ptr error;
    try {
      more = fill(buffer);
    } catch (...) {
      error = std::current_exception();
      more = false;
    }
    if (buffer.size > 0) {
      tail_ = (tail_ + 1) % ring_.size();
    }
    {
      const std::lock_guard<std::mutex> lock(mutex_);
      full_ += buffer.size > 0 ? 1 : 0;
      error_ = error;
    }
    filled_.notify_one();
  }
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    done_ = true;
  }
  filled_.notify_all();
}

// Fills a free buffer from the stream below (the bytes before an error stay in it); false at the
// end of the stream or on stop.
bool ReadAhead::fill(Buffer& buffer) {
  buffer.size = 0;
  if (!buffer.data) {
    buffer.data = std::make_unique_for_overwrite<char[]>(buffer_bytes_);
  }
  while (buffer.size < buffer_bytes_) {
    const std::size_t k =
        inner_->read(buffer.data.get() + buffer.size, buffer_bytes_ - buffer.size);
    if (k == 0) {
      return false;
    }
    buffer.size += k;
    if (stopping_.load(std::memory_order_relaxed)) {
      return false;
    }
  }
  return true;
}

}  // namespace ror::ingest
