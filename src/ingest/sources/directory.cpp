#include "ingest/sources/directory.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>
#include <thread>

#include <fmt/format.h>

#include "ror/error.hpp"

namespace ror::ingest {

namespace {

// A directory with this many files or more has their sizes asked for on two threads: asking
// the file system is most of the walk of a folder of small files (a Hacker News dump).
constexpr std::size_t kParallelSizes = 8192;

[[noreturn]] void unreadable(const std::string& shown, int error) {
  throw input_error(fmt::format("cannot read directory {}: {}", shown, std::strerror(error)));
}

std::string joined(const std::string& shown, const std::string& name) {
  return shown.ends_with('/') ? shown + name : shown + "/" + name;
}

// An open directory stream that closes itself.
struct DirCloser {
  void operator()(DIR* dir) const { ::closedir(dir); }
};
using Dir = std::unique_ptr<DIR, DirCloser>;

// The size of file `name` of the directory open as `fd`; 0 when it cannot be asked for (reading
// it will say why).
std::uint64_t size_of(int fd, const std::string& name) {
  struct stat st {};
  return ::fstatat(fd, name.c_str(), &st, 0) == 0 ? static_cast<std::uint64_t>(st.st_size) : 0;
}

// The sizes of the files `names` of the directory open as `fd`, summed.
std::uint64_t sizes_of(int fd, const std::vector<std::string>& names) {
  const auto sum = [&](std::size_t begin, std::size_t end) {
    std::uint64_t bytes = 0;
    for (std::size_t i = begin; i < end; ++i) {
      bytes += size_of(fd, names[i]);
    }
    return bytes;
  };
  if (names.size() < kParallelSizes) {
    return sum(0, names.size());
  }
  const std::size_t half = names.size() / 2;
  std::uint64_t first = 0;
  std::thread other([&] { first = sum(0, half); });
  const std::uint64_t second = sum(half, names.size());
  other.join();
  return first + second;
}

// What an entry of a directory is: its type as the directory gave it (d_type), the file
// system asked only where the directory did not say.
enum class Kind { regular, directory, symlink, other };

Kind kind_of(int fd, const dirent& entry, const std::string& shown) {
  switch (entry.d_type) {
    case DT_REG:
      return Kind::regular;
    case DT_DIR:
      return Kind::directory;
    case DT_LNK:
      return Kind::symlink;
    case DT_UNKNOWN:
      break;
    default:
      return Kind::other;
  }
  struct stat st {};
  if (::fstatat(fd, entry.d_name, &st, AT_SYMLINK_NOFOLLOW) != 0) {
    unreadable(shown, errno);
  }
  return S_ISREG(st.st_mode)   ? Kind::regular
         : S_ISDIR(st.st_mode) ? Kind::directory
         : S_ISLNK(st.st_mode) ? Kind::symlink
                               : Kind::other;
}

// What a symlink met in the walk leads to: a file is listed (with its size, asked for here),
// anything else counted.
void add_symlink(int fd, const std::string& name, std::string shown, DirectoryListing& listing) {
  struct stat target {};
  if (::fstatat(fd, name.c_str(), &target, 0) != 0) {
    listing.skips.add("broken symlink");  // (its target is missing or cannot be reached)
  } else if (S_ISREG(target.st_mode)) {
    listing.bytes += static_cast<std::uint64_t>(target.st_size);
    listing.files.push_back(std::move(shown));
  } else if (S_ISDIR(target.st_mode)) {
    listing.skips.add("symlink to a directory");
  } else {
    listing.skips.add("not a regular file");
  }
}

void walk(const std::string& path, const std::string& shown, DirectoryListing& listing) {
  const Dir dir(::opendir(path.c_str()));
  if (dir == nullptr) {
    unreadable(shown, errno);
  }
  const int fd = ::dirfd(dir.get());
  std::vector<std::string> files;  // the regular files' names, for their sizes
  std::vector<std::string> subdirectories;
  while (true) {
    errno = 0;
    const dirent* entry = ::readdir(dir.get());
    if (entry == nullptr) {
      if (errno != 0) {
        unreadable(shown, errno);
      }
      break;
    }
    const std::string name = entry->d_name;
    if (name == "." || name == "..") {
      continue;
    }
    std::string entry_shown = joined(shown, name);
    switch (kind_of(fd, *entry, entry_shown)) {
      case Kind::regular:
        files.push_back(name);
        listing.files.push_back(std::move(entry_shown));
        break;
      case Kind::directory:
        subdirectories.push_back(name);
        break;
      case Kind::symlink:
        add_symlink(fd, name, std::move(entry_shown), listing);
        break;
      case Kind::other:
        listing.skips.add("not a regular file");
        break;
    }
  }
  listing.bytes += sizes_of(fd, files);
  for (const std::string& name : subdirectories) {
    walk(joined(path, name), joined(shown, name), listing);
  }
}

}  // namespace

DirectoryListing list_directory(const std::string& root) {
  std::string shown = root;
  while (shown.size() > 1 && shown.ends_with('/')) {
    shown.pop_back();
  }
  DirectoryListing listing;
  walk(root, shown, listing);
  std::sort(listing.files.begin(), listing.files.end());
  return listing;
}

}  // namespace ror::ingest
