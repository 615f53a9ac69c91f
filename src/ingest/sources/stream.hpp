// The pieces byte sources are built from: a Stream gives bytes in order (a file, memory, a
// decoder, an archive member), and decoders stack on the stream they decode. Inputs here know no
// format; the decoders are in zstd_reader, archive_reader and read_ahead.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace ror::ingest {

// Bytes read in order. Used by one thread at a time.
class Stream {
 public:
  Stream() = default;
  Stream(const Stream&) = delete;
  Stream& operator=(const Stream&) = delete;
  virtual ~Stream() = default;

  // Writes up to n bytes at out and returns how many; 0 means the end. Throws ror::Error.
  virtual std::size_t read(char* out, std::size_t n) = 0;
  // Gives up the rest of the stream, as cheaply as the stream allows; read() then returns 0.
  virtual void skip_rest() {}
  // How many bytes read() has left to give, when that is known exactly.
  virtual std::optional<std::uint64_t> remaining() const { return std::nullopt; }
  // Whether seek() works.
  virtual bool seekable() const { return false; }
  // Moves the read position as lseek does (whence: SEEK_SET, SEEK_CUR, SEEK_END); returns the new
  // position, or -1 when the stream cannot seek there.
  virtual std::int64_t seek(std::int64_t offset, int whence);
  // The furthest position read so far: the input bytes consumed, for the bomb guard.
  virtual std::uint64_t consumed() const { return 0; }
};

// A file descriptor, owned and closed unless it is standard input. Seekable when it is a regular
// file.
class FdStream final : public Stream {
 public:
  FdStream(std::string name, int fd);
  ~FdStream() override;

  std::size_t read(char* out, std::size_t n) override;
  void skip_rest() override { ended_ = true; }
  bool seekable() const override { return regular_; }
  std::int64_t seek(std::int64_t offset, int whence) override;
  std::uint64_t consumed() const override { return furthest_; }

  // Up to n bytes from the start of the file, without moving the read position (regular files).
  std::string peek(std::size_t n) const;
  // The file's size when it is a regular file, else 0.
  std::uint64_t size() const { return size_; }
  int fd() const { return fd_; }
  // Hands the descriptor over to the caller, who closes it.
  int release_fd();

 private:
  std::string name_;
  int fd_;
  bool regular_ = false;
  bool ended_ = false;
  std::uint64_t size_ = 0;
  std::uint64_t at_ = 0;
  std::uint64_t furthest_ = 0;
};

// Bytes in memory, not owned: they must outlive the stream. Seekable.
class MemoryStream final : public Stream {
 public:
  explicit MemoryStream(std::string_view bytes) : bytes_(bytes) {}

  std::size_t read(char* out, std::size_t n) override;
  void skip_rest() override { at_ = bytes_.size(); }
  std::optional<std::uint64_t> remaining() const override { return bytes_.size() - at_; }
  bool seekable() const override { return true; }
  std::int64_t seek(std::int64_t offset, int whence) override;
  std::uint64_t consumed() const override { return furthest_; }

 private:
  std::string_view bytes_;
  std::size_t at_ = 0;
  std::size_t furthest_ = 0;
};

// Bytes already taken from a stream (to look at its start) given back before the rest of it.
class PrefixedStream final : public Stream {
 public:
  PrefixedStream(std::string prefix, std::unique_ptr<Stream> rest)
      : prefix_(std::move(prefix)), rest_(std::move(rest)) {}

  std::size_t read(char* out, std::size_t n) override;
  void skip_rest() override;
  std::optional<std::uint64_t> remaining() const override;
  std::uint64_t consumed() const override { return rest_->consumed(); }

 private:
  std::string prefix_;
  std::size_t at_ = 0;
  std::unique_ptr<Stream> rest_;
};

// Reads up to n bytes from the start of a stream (fewer only at its end).
std::string read_up_to(Stream& stream, std::size_t n);

// The zip bomb guard: once more than 64 MiB are decoded, a decoder whose output exceeds
// `max_expansion` times the compressed bytes it consumed is refused (0: never).
class ExpansionGuard {
 public:
  explicit ExpansionGuard(std::uint64_t max_expansion) : max_expansion_(max_expansion) {}
  // Counts `decoded` more output bytes against `consumed` input bytes (all so far). Throws
  // ror::Error (bad input) naming `name` when the ratio is exceeded.
  void check(std::uint64_t decoded, std::uint64_t consumed, const std::string& name);

 private:
  std::uint64_t max_expansion_;
  std::uint64_t decoded_ = 0;
};

}  // namespace ror::ingest
