#include "ingest/sources/source_list.hpp"
#include "ror/ingest.hpp"

#include <archive.h>
#include <zstd.h>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>

#include <fmt/format.h>

#include "ingest/sources/archive_reader.hpp"
#include "ingest/sources/magic.hpp"
#include "ingest/sources/read_ahead.hpp"
#include "ingest/sources/stream.hpp"
#include "ingest/sources/zstd_reader.hpp"
#include "ror/error.hpp"

namespace ror::ingest {

namespace {

// Members this small are read on the calling thread: a thread would cost more than it saves.
constexpr std::uint64_t kReadAheadMin = std::uint64_t{1} << 20;

bool is_directory(const std::string& path) {
  struct stat st {};
  return path != "-" && ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

std::unique_ptr<ByteSource> with_origin(ByteSource source, const std::string& origin, bool named) {
  source.set_origin(origin, named);
  return std::make_unique<ByteSource>(std::move(source));
}

}  // namespace

SourceList::SourceList(std::vector<std::string> paths, SourceOptions options) : options_(options) {
  for (std::string& path : paths) {
    inputs_.push_back(Input{std::move(path), std::nullopt});
  }
}

SourceList::SourceList(std::vector<Input> inputs, SourceOptions options)
    : inputs_(std::move(inputs)), options_(options) {}

SourceList SourceList::from_memory(std::vector<std::pair<std::string, std::string_view>> inputs,
                                   SourceOptions options) {
  std::vector<Input> in;
  for (auto& [name, bytes] : inputs) {
    in.push_back(Input{std::move(name), bytes});
  }
  return SourceList(std::move(in), options);
}

SourceList::SourceList(SourceList&&) noexcept = default;
SourceList& SourceList::operator=(SourceList&&) noexcept = default;
SourceList::~SourceList() = default;

std::unique_ptr<ByteSource> SourceList::next() {
  while (true) {
    if (archive_) {
      if (std::optional<ArchiveReader::Member> member = archive_->next(skips_)) {
        std::unique_ptr<ByteSource> source =
            decoded(member->name, archive_origin_, member->whole && archive_named_,
                    std::move(member->stream), member->size);
        source->set_archived();
        return source;
      }
      archive_.reset();
      continue;
    }
    if (walk_next_ < walk_.size()) {
      const std::string path = std::move(walk_[walk_next_++]);
      if (std::unique_ptr<ByteSource> source = open_path(path, walk_origin_, false)) {
        return source;
      }
      continue;
    }
    walk_.clear();
    walk_next_ = 0;
    if (next_input_ == inputs_.size()) {
      return nullptr;
    }
    if (std::unique_ptr<ByteSource> source = open_input(next_input_++)) {
      return source;
    }
  }
}

// Opens a named input; nullptr when it holds no stream of its own (a directory or an archive,
// whose files and members follow).
std::unique_ptr<ByteSource> SourceList::open_input(std::size_t index) {
  const Input& input = inputs_[index];
  if (input.bytes) {
    const std::string_view bytes = *input.bytes;
    const std::string_view head = bytes.substr(0, kMagicBytes);
    if (container_of(head) == Container::plain) {
      return with_origin(ByteSource::memory(input.path, bytes), input.path, true);
    }
    return open_container(input.path, input.path, true, std::make_unique<MemoryStream>(bytes),
                          head);
  }
  if (is_directory(input.path)) {
    DirectoryListing files = listing(index);
    listings_.erase(index);
    skips_.add(files.skips);
    walk_ = std::move(files.files);
    walk_next_ = 0;
    walk_origin_ = input.path;
    return nullptr;
  }
  return open_path(input.path, input.path, true);
}

// Opens a file (or standard input) and looks at its first bytes to know how to read it.
std::unique_ptr<ByteSource> SourceList::open_path(const std::string& path,
                                                  const std::string& origin, bool named) {
  if (path == "-") {
    auto input = std::make_unique<FdStream>(path, 0);
    std::string head = read_up_to(*input, kMagicBytes);
    return open_container(path, origin, named,
                          std::make_unique<PrefixedStream>(head, std::move(input)), head);
  }
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    throw input_error(fmt::format("cannot open {}: {}", path, std::strerror(errno)));
  }
  auto input = std::make_unique<FdStream>(path, fd);
  if (!input->seekable()) {
    // A pipe or a device: read as a stream, its first bytes given back.
    std::string head = read_up_to(*input, kMagicBytes);
    return open_container(path, origin, named,
                          std::make_unique<PrefixedStream>(head, std::move(input)), head);
  }
  const std::string head = input->peek(kMagicBytes);
  if (container_of(head) == Container::plain) {
    const std::uint64_t fd_size = input->size();
    return with_origin(ByteSource::adopt(path, input->release_fd(), fd_size, options_.map_bytes),
                       origin, named);
  }
  return open_container(path, origin, named, std::move(input), head);
}

// Reads `input` as its first bytes say: as it is, decoded, or as an archive (whose members
// follow: then nullptr).
std::unique_ptr<ByteSource> SourceList::open_container(const std::string& name,
                                                       const std::string& origin, bool named,
                                                       std::unique_ptr<Stream> input,
                                                       std::string_view head) {
  switch (container_of(head)) {
    case Container::plain:
      return with_origin(ByteSource::stream(name, std::move(input), 0), origin, named);
    case Container::zstd: {
      // The frame header may say the decoded size (zstd writes it when it compresses a file).
      std::optional<std::uint64_t> size;
      const unsigned long long content = ZSTD_getFrameContentSize(head.data(), head.size());
      if (content != ZSTD_CONTENTSIZE_UNKNOWN && content != ZSTD_CONTENTSIZE_ERROR) {
        size = content;
      }
      auto zstd = std::make_unique<ZstdStream>(name, std::move(input), options_.max_expansion);
      std::string inner = read_up_to(*zstd, kMagicBytes);
      const bool archive = container_of(inner) == Container::archive;
      auto decoded_stream = std::make_unique<PrefixedStream>(std::move(inner), std::move(zstd));
      if (archive) {
        // A .tar.zst: libarchive reads the tar from the decoded stream.
        start_archive(name, origin, named, std::move(decoded_stream), false);
        return nullptr;
      }
      return decoded(name, origin, named, std::move(decoded_stream), size);
    }
    case Container::compressed:
      start_archive(name, origin, named, std::move(input), true);
      return nullptr;
    case Container::archive:
      start_archive(name, origin, named, std::move(input), false);
      return nullptr;
  }
  return nullptr;
}

// A decoded stream as a source, read ahead on a background thread unless it is small.
std::unique_ptr<ByteSource> SourceList::decoded(const std::string& name, const std::string& origin,
                                                bool named, std::unique_ptr<Stream> stream,
                                                std::optional<std::uint64_t> size) const {
  if (options_.read_ahead && (!size || *size >= kReadAheadMin)) {
    stream = std::make_unique<ReadAhead>(std::move(stream));
  }
  return with_origin(ByteSource::stream(name, std::move(stream), size.value_or(0)), origin, named);
}

void SourceList::start_archive(const std::string& name, const std::string& origin, bool named,
                               std::unique_ptr<Stream> input, bool raw_allowed) {
  archive_ =
      std::make_unique<ArchiveReader>(name, std::move(input), raw_allowed, options_.max_expansion);
  archive_origin_ = origin;
  archive_named_ = named;
}

DirectoryListing SourceList::listing(std::size_t index) const {
  const auto found = listings_.find(index);
  if (found != listings_.end()) {
    return found->second;
  }
  return list_directory(inputs_[index].path);
}

// The size of the files under a directory input: walked now, and the listing kept for when the
// directory's turn comes (unless it came already); 0 when it cannot be walked.
std::uint64_t SourceList::directory_bytes(std::size_t index) const {
  try {
    DirectoryListing files = list_directory(inputs_[index].path);
    const std::uint64_t bytes = files.bytes;
    if (index >= next_input_) {
      listings_.emplace(index, std::move(files));
    }
    return bytes;
  } catch (const Error&) {
    return 0;  // the error comes again when the directory is read
  }
}

std::uint64_t SourceList::size_hint() const {
  if (size_hint_) {
    return *size_hint_;
  }
  std::uint64_t total = 0;
  for (std::size_t i = 0; i < inputs_.size(); ++i) {
    const Input& input = inputs_[i];
    struct stat st {};
    if (input.bytes) {
      total += input.bytes->size();
    } else if (input.path == "-" || ::stat(input.path.c_str(), &st) != 0) {
      continue;  // unknown; a missing file is reported when its turn comes
    } else if (S_ISDIR(st.st_mode)) {
      total += directory_bytes(i);
    } else if (S_ISREG(st.st_mode)) {
      total += static_cast<std::uint64_t>(st.st_size);
    }
  }
  size_hint_ = total;
  return total;
}

}  // namespace ror::ingest

namespace ror {

std::vector<std::string> input_features() {
  std::vector<std::string> out;
  out.push_back(std::string("archives (") + archive_version_string() +
                ": zip, tar, 7z, cpio; gzip, bzip2, xz)");
  out.push_back(std::string("zstd (libzstd ") + ZSTD_versionString() + ", windows up to 2 GiB)");
  return out;
}

}  // namespace ror
