#include "ingest/sources/directory.hpp"

#include <algorithm>
#include <filesystem>
#include <system_error>

#include <fmt/format.h>

#include "ror/error.hpp"

namespace ror::ingest {

namespace {

namespace fs = std::filesystem;

[[noreturn]] void unreadable(const std::string& shown, const std::error_code& error) {
  throw input_error(fmt::format("cannot read directory {}: {}", shown, error.message()));
}

std::string joined(const std::string& shown, const std::string& name) {
  return shown.ends_with('/') ? shown + name : shown + "/" + name;
}

void add_file(const fs::path& path, std::string shown, DirectoryListing& listing) {
  std::error_code error;
  const std::uintmax_t size = fs::file_size(path, error);
  listing.bytes += error ? 0 : static_cast<std::uint64_t>(size);
  listing.files.push_back(std::move(shown));
}

// What a symlink met in the walk leads to: a file is listed, anything else counted.
void add_symlink(const fs::path& path, std::string shown, DirectoryListing& listing) {
  std::error_code error;
  const fs::file_status target = fs::status(path, error);
  if (fs::is_regular_file(target)) {
    add_file(path, std::move(shown), listing);
  } else if (fs::is_directory(target)) {
    listing.skips.add("symlink to a directory");
  } else if (!fs::exists(target)) {
    listing.skips.add("broken symlink");
  } else {
    listing.skips.add("not a regular file");
  }
}

void walk(const fs::path& dir, const std::string& shown, DirectoryListing& listing) {
  std::error_code error;
  fs::directory_iterator it(dir, error);
  for (const fs::directory_iterator end; !error && it != end; it.increment(error)) {
    const fs::directory_entry& entry = *it;
    std::string entry_shown = joined(shown, entry.path().filename().string());
    // The entry's type as the directory gave it (d_type); the file system is asked only where
    // the directory did not say.
    std::error_code status_error;
    const bool symlink = entry.is_symlink(status_error);
    const bool directory = !symlink && !status_error && entry.is_directory(status_error);
    const bool regular =
        !symlink && !directory && !status_error && entry.is_regular_file(status_error);
    if (status_error) {
      unreadable(entry_shown, status_error);
    }
    if (symlink) {
      add_symlink(entry.path(), std::move(entry_shown), listing);
    } else if (directory) {
      walk(entry.path(), entry_shown, listing);
    } else if (regular) {
      add_file(entry.path(), std::move(entry_shown), listing);
    } else {
      listing.skips.add("not a regular file");
    }
  }
  if (error) {
    unreadable(shown, error);
  }
}

}  // namespace

DirectoryListing list_directory(const std::string& root) {
  std::string shown = root;
  while (shown.size() > 1 && shown.ends_with('/')) {
    shown.pop_back();
  }
  DirectoryListing listing;
  walk(fs::path(root), shown, listing);
  std::sort(listing.files.begin(), listing.files.end());
  return listing;
}

}  // namespace ror::ingest
