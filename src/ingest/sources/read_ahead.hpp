// Decoding ahead of the reader: a background thread reads the stream below into a small ring of
// buffers, so that decompression runs while the calling thread cuts blocks and merges them.
#pragma once

#include <atomic>
#include <condition_variable>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "ingest/sources/stream.hpp"

namespace ror::ingest {

// A stream read ahead of its reader by a background thread.
class ReadAhead final : public Stream {
 public:
  // Three buffers of 4 MiB: two of the ingest pipeline's 2 MiB blocks each, and one more.
  static constexpr std::size_t kBuffers = 3;
  static constexpr std::size_t kBufferBytes = std::size_t{4} << 20;

  // Starts reading `inner` on a background thread. An error there is rethrown by read() once the
  // bytes before it are read.
  explicit ReadAhead(std::unique_ptr<Stream> inner, std::size_t buffers = kBuffers,
                     std::size_t buffer_bytes = kBufferBytes);
  // Stops the thread (after the read it is in) and waits for it.
  ~ReadAhead() override;

  std::size_t read(char* out, std::size_t n) override;
  void skip_rest() override;
  std::optional<std::uint64_t> remaining() const override;

 private:
  struct Buffer {
    std::unique_ptr<char[]> data;
    std::size_t size = 0;
  };

  void run();
  bool fill(Buffer& buffer);
  void stop();

  std::unique_ptr<Stream> inner_;
  std::optional<std::uint64_t> total_;  // what inner_ had left at the start, when known
  std::uint64_t delivered_ = 0;
  std::size_t buffer_bytes_;
  std::vector<Buffer> ring_;
  std::size_t head_ = 0;     // the buffer read() takes from (reader only)
  std::size_t head_at_ = 0;  // bytes of it already given (reader only)
  std::size_t tail_ = 0;     // the buffer the thread fills next (thread only)
  std::mutex mutex_;
  std::condition_variable filled_;     // a buffer was filled, or the thread is done
  std::condition_variable freed_;      // a buffer was given back, or stop
  std::size_t full_ = 0;               // filled buffers not read yet (guarded)
  bool done_ = false;                  // the thread ended: end of input, error or stop (guarded)
  bool stop_ = false;                  // guarded
  std::atomic<bool> stopping_{false};  // stop_, seen by the thread between reads
  std::exception_ptr error_;           // guarded
  std::thread thread_;
};

}  // namespace ror::ingest
