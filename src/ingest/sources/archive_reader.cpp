#include "ingest/sources/archive_reader.hpp"

#include <archive.h>
#include <archive_entry.h>

#include <cctype>
#include <cerrno>
#include <exception>
#include <mutex>
#include <new>
#include <stdexcept>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "ingest/sources/magic.hpp"
#include "ror/error.hpp"

namespace ror::ingest {

namespace {

// Compressed bytes handed to libarchive at a time.
constexpr std::size_t kInputChunk = std::size_t{1} << 20;

using Handle = struct archive;

}  // namespace

// What an archive and its members' streams share. The mutex makes one user of the libarchive
// handle at a time (the calling thread between members, a read-ahead thread inside one).
struct ArchiveState {
  ArchiveState(std::string archive_name, std::unique_ptr<Stream> in, std::uint64_t max_expansion)
      : name(std::move(archive_name)),
        input(std::move(in)),
        handle(archive_read_new()),
        buffer(kInputChunk),
        guard(max_expansion) {
    if (handle == nullptr) {
      throw std::bad_alloc();
    }
  }
  ArchiveState(const ArchiveState&) = delete;
  ArchiveState& operator=(const ArchiveState&) = delete;
  ~ArchiveState() { archive_read_free(handle); }

  // Throws the error of the last libarchive call, naming `what`: an exception from a callback
  // first, else libarchive's message.
  [[noreturn]] void fail(const std::string& what) {
    if (callback_error) {
      std::rethrow_exception(std::exchange(callback_error, nullptr));
    }
    const char* text = archive_error_string(handle);
    std::string_view message = text != nullptr ? text : "";
    while (!message.empty() && std::isspace(static_cast<unsigned char>(message.back())) != 0) {
      message.remove_suffix(1);  // some messages end with a newline
    }
    throw input_error(
        fmt::format("{}: {}", what, message.empty() ? "corrupt or truncated archive" : message));
  }

  // Reads member data; the caller holds the mutex.
  std::size_t read_locked(char* out, std::size_t n, const std::string& member) {
    const la_ssize_t k = archive_read_data(handle, out, n);
    if (k < 0) {
      fail(member);
    }
    const auto got = static_cast<std::size_t>(k);
    guard.check(got, input->consumed(), member);
    return got;
  }

  std::string name;
  std::unique_ptr<Stream> input;
  Handle* handle;
  std::vector<char> buffer;
  std::exception_ptr callback_error;
  ExpansionGuard guard;  // all members' bytes against the archive's bytes read
  std::mutex mutex;
  std::uint64_t generation = 0;  // counts members opened; a member's stream works in its own
};

namespace {

la_ssize_t read_callback(Handle* handle, void* data, const void** block) {
  auto* state = static_cast<ArchiveState*>(data);
  try {
    *block = state->buffer.data();
    return static_cast<la_ssize_t>(state->input->read(state->buffer.data(), state->buffer.size()));
  } catch (...) {
    state->callback_error = std::current_exception();
    archive_set_error(handle, EIO, "read failed");
    return ARCHIVE_FATAL;
  }
}

la_int64_t seek_callback(Handle* /*handle*/, void* data, la_int64_t offset, int whence) {
  auto* state = static_cast<ArchiveState*>(data);
  const std::int64_t at = state->input->seek(offset, whence);
  return at < 0 ? ARCHIVE_FATAL : at;
}

// One member's bytes, read through the archive while it is the current member.
class MemberStream final : public Stream {
 public:
  // The current member of `state`; `whole` when it is a compressed stream's only content, which
  // is never skipped (that would decode it to its end).
  MemberStream(std::shared_ptr<ArchiveState> state, std::string name,
               std::optional<std::uint64_t> size, bool whole)
      : state_(std::move(state)),
        name_(std::move(name)),
        size_(size),
        whole_(whole),
        generation_(state_->generation) {}

  std::size_t read(char* out, std::size_t n) override {
    if (ended_ || n == 0) {
      return 0;
    }
    const std::lock_guard<std::mutex> lock(state_->mutex);
    if (state_->generation != generation_) {
      throw std::logic_error(name_ + " was read after the next member was opened");
    }
    const std::size_t k = state_->read_locked(out, n, name_);
    delivered_ += k;
    ended_ = k == 0;
    return k;
  }

  void skip_rest() override {
    const std::lock_guard<std::mutex> lock(state_->mutex);
    if (!ended_ && !whole_ && state_->generation == generation_) {
      // An error is left for the next header to report.
      archive_read_data_skip(state_->handle);
    }
    ended_ = true;
  }

  std::optional<std::uint64_t> remaining() const override {
    if (!size_ || delivered_ >= *size_) {
      return std::nullopt;
    }
    return *size_ - delivered_;
  }

 private:
  std::shared_ptr<ArchiveState> state_;
  std::string name_;
  std::optional<std::uint64_t> size_;
  bool whole_;
  std::uint64_t generation_;
  std::uint64_t delivered_ = 0;
  bool ended_ = false;
};

// Compressed streams libarchive decodes itself (zstd is decoded with libzstd before).
void support_filters(Handle* handle) {
  archive_read_support_filter_gzip(handle);
  archive_read_support_filter_bzip2(handle);
  archive_read_support_filter_xz(handle);
  archive_read_support_filter_lzip(handle);
  archive_read_support_filter_lz4(handle);
  archive_read_support_filter_compress(handle);
}

void support_formats(Handle* handle, bool raw) {
  archive_read_support_format_tar(handle);
  archive_read_support_format_zip(handle);
  archive_read_support_format_7zip(handle);
  archive_read_support_format_rar(handle);
  archive_read_support_format_rar5(handle);
  archive_read_support_format_cpio(handle);
  archive_read_support_format_ar(handle);
  archive_read_support_format_xar(handle);
  archive_read_support_format_cab(handle);
  archive_read_support_format_empty(handle);
  if (raw) {
    archive_read_support_format_raw(handle);
  }
}

// Why a member that is not a regular file, or cannot be trusted, is passed over.
std::optional<std::string> skip_reason(archive_entry* entry) {
  if (archive_entry_hardlink(entry) != nullptr) {
    return "hardlink in an archive";
  }
  switch (archive_entry_filetype(entry)) {
    case AE_IFREG:
      break;
    case AE_IFLNK:
      return "symlink in an archive";
    default:
      return "special file in an archive";
  }
  if (archive_entry_is_encrypted(entry) != 0) {
    return "encrypted member";
  }
  return std::nullopt;
}

const char* pathname_of(archive_entry* entry) {
  const char* utf8 = archive_entry_pathname_utf8(entry);
  return utf8 != nullptr ? utf8 : archive_entry_pathname(entry);
}

}  // namespace

std::optional<std::string> safe_member_name(std::string_view name) {
  while (name.substr(0, 2) == "./") {
    name.remove_prefix(2);
    while (!name.empty() && name.front() == '/') {
      name.remove_prefix(1);
    }
  }
  if (name.empty() || name.front() == '/' || name.front() == '\\' ||
      (name.size() >= 2 && name[1] == ':')) {
    return std::nullopt;
  }
  std::size_t start = 0;
  for (std::size_t i = 0; i <= name.size(); ++i) {
    if (i == name.size() || name[i] == '/' || name[i] == '\\') {
      if (name.substr(start, i - start) == "..") {
        return std::nullopt;
      }
      start = i + 1;
    } else if (static_cast<unsigned char>(name[i]) < 0x20 || name[i] == 0x7f) {
      return std::nullopt;
    }
  }
  return std::string(name);
}

ArchiveReader::ArchiveReader(std::string name, std::unique_ptr<Stream> input, bool raw_allowed,
                             std::uint64_t max_expansion)
    : state_(std::make_shared<ArchiveState>(std::move(name), std::move(input), max_expansion)),
      raw_allowed_(raw_allowed) {
  Handle* handle = state_->handle;
  support_filters(handle);
  support_formats(handle, raw_allowed);
  archive_read_set_read_callback(handle, read_callback);
  if (state_->input->seekable()) {
    archive_read_set_seek_callback(handle, seek_callback);
  }
  archive_read_set_callback_data(handle, state_.get());
  const int status = archive_read_open1(handle);
  if (status != ARCHIVE_OK && status != ARCHIVE_WARN) {
    state_->fail(state_->name);
  }
}

ArchiveReader::~ArchiveReader() = default;

std::optional<ArchiveReader::Member> ArchiveReader::next(SkipCounts& skips) {
  const std::lock_guard<std::mutex> lock(state_->mutex);
  ++state_->generation;
  while (!ended_) {
    if (std::optional<Member> member = member_from_header(skips)) {
      return member;
    }
  }
  return std::nullopt;
}

// Reads the next header: the member it opens, or nullopt when it was passed over (or was the
// last). The caller holds the mutex.
std::optional<ArchiveReader::Member> ArchiveReader::member_from_header(SkipCounts& skips) {
  archive_entry* entry = nullptr;
  const int status = archive_read_next_header(state_->handle, &entry);
  if (status == ARCHIVE_EOF) {
    ended_ = true;
    return std::nullopt;
  }
  if (status != ARCHIVE_OK && status != ARCHIVE_WARN) {
    state_->fail(state_->name);  // ARCHIVE_RETRY too: the entry is not to be trusted
  }
  const bool raw = first_ && raw_allowed_ && archive_format(state_->handle) == ARCHIVE_FORMAT_RAW;
  first_ = false;
  if (raw) {
    // A compressed stream with no archive inside: the stream is the one member, and the last.
    ended_ = true;
    return Member{state_->name,
                  std::make_unique<MemberStream>(state_, state_->name, std::nullopt, true),
                  std::nullopt, true};
  }
  if (archive_entry_filetype(entry) == AE_IFDIR) {
    // A folder's own entry (`zip -r` writes one): what it holds comes as members of their own,
    // and a folder on disk counts no entry for itself either.
    return std::nullopt;
  }
  if (std::optional<std::string> reason = skip_reason(entry)) {
    skips.add(*reason);
    return std::nullopt;
  }
  const char* path = pathname_of(entry);
  const std::optional<std::string> safe =
      path != nullptr ? safe_member_name(path) : std::optional<std::string>();
  if (!safe) {
    skips.add("unsafe member name");
    return std::nullopt;
  }
  const std::string name = state_->name + ":" + *safe;
  std::optional<std::uint64_t> size;
  if (archive_entry_size_is_set(entry) != 0 && archive_entry_size(entry) >= 0) {
    size = static_cast<std::uint64_t>(archive_entry_size(entry));
  }
  // Look at the member's start: an archive or a compressed file inside is not opened.
  std::string head(kMagicBytes, '\0');
  std::size_t have = 0;
  while (have < head.size()) {
    const std::size_t k = state_->read_locked(head.data() + have, head.size() - have, name);
    if (k == 0) {
      break;
    }
    have += k;
  }
  head.resize(have);
  const Container inside = container_of(head);
  if (inside != Container::plain) {
    skips.add(inside == Container::archive ? "archive inside an archive"
                                           : "compressed file inside an archive");
    return std::nullopt;
  }
  std::optional<std::uint64_t> rest_size;
  if (size && *size >= have) {
    rest_size = *size - have;
  }
  auto rest = std::make_unique<MemberStream>(state_, name, rest_size, false);
  return Member{name, std::make_unique<PrefixedStream>(std::move(head), std::move(rest)), size,
                false};
}

}  // namespace ror::ingest
