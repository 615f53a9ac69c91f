// Where an input's bytes come from: a regular file, memory, or a stream (standard input, a pipe,
// a zstd or gzip file, an archive member). A large regular file is mapped, so that its blocks
// are read where they lie; everything else is read in order. SourceList makes them from the
// command line's paths.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace ror::ingest {

class Stream;

// One input's bytes, mapped or read in order, with where it came from.
class ByteSource {
 public:
  // The regular file open at `fd` (which the source then owns), of `size` bytes as fstat gave
  // it; mapped when it has at least `map_bytes` bytes, else read in order.
  static ByteSource adopt(const std::string& name, int fd, std::uint64_t size,
                          std::uint64_t map_bytes);
  // Bytes already in memory (read in order, as a stream would be).
  static ByteSource memory(const std::string& name, std::string_view bytes);
  // The bytes of a stream, read in order; `size` is its decoded size when known, else 0.
  static ByteSource stream(const std::string& name, std::unique_ptr<Stream> stream,
                           std::uint64_t size);

  ByteSource(ByteSource&& other) noexcept;
  ByteSource(const ByteSource&) = delete;
  ByteSource& operator=(const ByteSource&) = delete;
  ByteSource& operator=(ByteSource&&) = delete;
  ~ByteSource();

  // The whole input when it is mapped (then read() is not used), else an empty view.
  std::string_view mapped() const { return mapped_; }
  // Bytes that may be read past the end of mapped() (zeros): a page, so that a reader that
  // looks a little past its input's end (SIMD loads) needs no copy of the last item.
  std::size_t mapped_tail() const { return mapped_span_ - mapped_.size(); }
  // Maps a regular file not mapped yet (whatever read() has read of it: mapped() is the whole
  // file); false when it cannot be (not a regular file of known size, or the system refused).
  bool map();
  // Lets the system drop the mapped pages wholly inside [begin, end): they were read, and are
  // read again from the file if touched.
  void release(std::uint64_t begin, std::uint64_t end) const;

  // Appends up to n bytes at out; returns how many. 0 means the end of the input.
  std::size_t read(char* out, std::size_t n);
  // How many bytes are left to read() when that is known (memory, a regular file, an archive
  // member of recorded size), else nullopt.
  std::optional<std::uint64_t> remaining() const;
  // The total size when known (a regular file, memory, a member of recorded size), else 0.
  std::uint64_t size_hint() const;
  // Whether it is a regular file read with read(2) (neither mapped, nor memory, nor a stream),
  // of a known size: then any one thread at a time may read it, not only the one that opened it.
  bool plain_file() const { return fd_ >= 0 && !stream_ && mapped_.empty() && size_ > 0; }
  // The rest will not be read: stops decoding it (skipping it cheaply in an archive); read()
  // then returns 0.
  void skip_rest();

  // The input's name in messages: the path, "dir/sub/file.json" or "archive.zip:data/file.js".
  const std::string& name() const { return name_; }
  // The command-line path it came from (the name itself for a path or memory).
  const std::string& origin() const { return origin_; }
  // Whether the command line named it (a path, standard input, memory), rather than it being
  // found in a directory or an archive.
  bool named() const { return named_; }
  // Notes where the source came from (SourceList does, for the sources it makes).
  void set_origin(std::string origin, bool named);
  // Whether it is a member of an archive, read from the archive's stream: it must then be
  // finished before the next source is opened. Other sources may stay open side by side.
  bool archived() const { return archived_; }
  void set_archived() { archived_ = true; }

 private:
  explicit ByteSource(std::string name);

  std::string name_;
  std::string origin_;
  bool named_ = true;
  bool archived_ = false;
  int fd_ = -1;              // a regular file, owned
  std::uint64_t at_ = 0;     // of the file: bytes read so far
  bool ended_ = false;       // skip_rest() on a file
  std::string_view memory_;  // memory not read yet
  std::uint64_t size_ = 0;   // of the file, of memory, or of a stream when known
  std::string_view mapped_;
  std::size_t mapped_span_ = 0;  // the mapping's length: the file's pages and a page of zeros
  std::unique_ptr<Stream> stream_;
};

}  // namespace ror::ingest
