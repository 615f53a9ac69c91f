// Archives, compressed files and directories made by the tests themselves (with libarchive's
// writer and libzstd), in memory or in a temporary directory removed afterwards.
#pragma once

#include <archive.h>
#include <archive_entry.h>
#include <zstd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ror::test {

// One entry of an archive to write.
struct Entry {
  Entry(std::string entry_name, std::string entry_content = "", unsigned entry_type = AE_IFREG,
        std::string entry_link = "", bool hard_link = false)
      : name(std::move(entry_name)),
        content(std::move(entry_content)),
        type(entry_type),
        link(std::move(entry_link)),
        hard(hard_link) {}

  std::string name;
  std::string content;       // of a regular file
  unsigned type = AE_IFREG;  // AE_IFREG, AE_IFDIR, AE_IFLNK, AE_IFCHR, ...
  std::string link;          // a symlink's target, or a hardlink's when `hard`
  bool hard = false;
};

// The compression around the archive.
enum class Filter { none, gzip, bzip2, xz };

namespace detail {

inline la_ssize_t append(struct archive* /*a*/, void* out, const void* data, std::size_t n) {
  static_cast<std::string*>(out)->append(static_cast<const char*>(data), n);
  return static_cast<la_ssize_t>(n);
}

inline void check(int status, struct archive* a) {
  if (status < ARCHIVE_WARN) {
    throw std::runtime_error(archive_error_string(a));
  }
}

inline void set_format(struct archive* a, const std::string& format) {
  if (format == "zip") {
    check(archive_write_set_format_zip(a), a);
  } else if (format == "7z") {
    check(archive_write_set_format_7zip(a), a);
  } else if (format == "cpio") {
    check(archive_write_set_format_cpio_newc(a), a);
  } else if (format == "gnutar") {
    check(archive_write_set_format_gnutar(a), a);
  } else if (format == "raw") {
    check(archive_write_set_format_raw(a), a);
  } else {
    check(archive_write_set_format_pax_restricted(a), a);
  }
}

inline void add_filter(struct archive* a, Filter filter) {
  switch (filter) {
    case Filter::gzip:
      check(archive_write_add_filter_gzip(a), a);
      break;
    case Filter::bzip2:
      check(archive_write_add_filter_bzip2(a), a);
      break;
    case Filter::xz:
      check(archive_write_add_filter_xz(a), a);
      break;
    case Filter::none:
      break;
  }
}

inline void write_entry(struct archive* a, const Entry& e) {
  archive_entry* entry = archive_entry_new();
  archive_entry_set_pathname(entry, e.name.c_str());
  archive_entry_set_filetype(entry, e.type);
  archive_entry_set_perm(entry, e.type == AE_IFDIR ? 0755 : 0644);
  archive_entry_set_mtime(entry, 1767225600, 0);
  if (e.hard) {
    archive_entry_set_hardlink(entry, e.link.c_str());
  } else if (e.type == AE_IFLNK) {
    archive_entry_set_symlink(entry, e.link.c_str());
  }
  const bool data = e.type == AE_IFREG && !e.hard;
  archive_entry_set_size(entry, data ? static_cast<la_int64_t>(e.content.size()) : 0);
  check(archive_write_header(a, entry), a);
  if (data && !e.content.empty()) {
    if (archive_write_data(a, e.content.data(), e.content.size()) < 0) {
      throw std::runtime_error(archive_error_string(a));
    }
  }
  archive_entry_free(entry);
}

}  // namespace detail

// The bytes of an archive ("tar", "gnutar", "zip", "7z", "cpio"; "raw" for one compressed
// stream) holding `entries`, compressed by `filter`.
inline std::string archive_bytes(const std::string& format, Filter filter,
                                 const std::vector<Entry>& entries) {
  std::string out;
  struct archive* a = archive_write_new();
  detail::set_format(a, format);
  detail::add_filter(a, filter);
  archive_write_set_bytes_in_last_block(a, 1);
  detail::check(archive_write_open2(a, &out, nullptr, detail::append, nullptr, nullptr), a);
  for (const Entry& e : entries) {
    detail::write_entry(a, e);
  }
  detail::check(archive_write_close(a), a);
  archive_write_free(a);
  return out;
}

// `data` as one zstd frame. With `window_log`, long-distance matching with that window, and the
// frame does not record its size (as when `zstd --long` reads a pipe).
inline std::string zstd_bytes(std::string_view data, int window_log = 0) {
  ZSTD_CCtx* context = ZSTD_createCCtx();
  ZSTD_CCtx_setParameter(context, ZSTD_c_compressionLevel, 1);
  if (window_log > 0) {
    ZSTD_CCtx_setParameter(context, ZSTD_c_enableLongDistanceMatching, 1);
    ZSTD_CCtx_setParameter(context, ZSTD_c_windowLog, window_log);
  }
  std::string out(ZSTD_compressBound(data.size()) + 64, '\0');
  ZSTD_outBuffer output{out.data(), out.size(), 0};
  ZSTD_inBuffer input{data.data(), data.size(), 0};
  while (ZSTD_compressStream2(context, &output, &input, ZSTD_e_end) != 0) {
  }
  ZSTD_freeCCtx(context);
  out.resize(output.pos);
  return out;
}

inline void write_file(const std::filesystem::path& path, std::string_view bytes) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary)
      .write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// A fresh directory under the system's temporary directory, removed with all it holds.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "ror-sources-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) {
      throw std::runtime_error("mkdtemp failed");
    }
    path_ = pattern;
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }

  // The path of `name` inside the directory, as a string.
  std::string operator/(const std::string& name) const { return (path_ / name).string(); }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace ror::test
