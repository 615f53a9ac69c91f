// Where an input's bytes come from: a file, standard input, or memory. A large regular file is
// mapped, so that its blocks are read where they lie; everything else is read in order.
#pragma once

#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>

namespace ror::ingest {

class ByteSource {
 public:
  // Standard input for "-", else the file at path, mapped when it is a regular file of at least
  // `map_bytes` bytes. Throws ror::Error (bad input) when the file cannot be opened.
  static ByteSource open(const std::string& path, std::uint64_t map_bytes);
  // Bytes already in memory (read in order, as a stream would be).
  static ByteSource memory(const std::string& name, std::string_view bytes);

  ByteSource(ByteSource&& other) noexcept;
  ByteSource(const ByteSource&) = delete;
  ByteSource& operator=(const ByteSource&) = delete;
  ByteSource& operator=(ByteSource&&) = delete;
  ~ByteSource();

  // The whole input when it is mapped (then read() is not used), else an empty view.
  std::string_view mapped() const { return mapped_; }
  // Lets the system drop the mapped pages wholly inside [begin, end): they were read, and are
  // read again from the file if touched.
  void release(std::uint64_t begin, std::uint64_t end) const;

  // Appends up to n bytes at out; returns how many. 0 means the end of the input.
  std::size_t read(char* out, std::size_t n);
  // How many bytes are left to read() when that is known (memory, a regular file), else nullopt.
  std::optional<std::uint64_t> remaining() const;
  // The total size when known (a regular file or memory), else 0.
  std::uint64_t size_hint() const;

  const std::string& name() const { return name_; }

 private:
  ByteSource(std::string name, std::FILE* file, bool owned)
      : name_(std::move(name)), file_(file), owned_(owned) {}

  std::string name_;
  std::FILE* file_ = nullptr;
  bool owned_ = false;
  std::string_view memory_;  // memory not read yet
  std::uint64_t size_ = 0;
  std::string_view mapped_;
};

}  // namespace ror::ingest
