// What Facebook's and Instagram's "Download your information" JSON files share (facebook.cpp,
// instagram.cpp): pretty-printed with two spaces and `": "`, empty arrays over two lines, times
// in epoch seconds, every string in mojibake (each byte of its UTF-8 above 0x7F written as a code
// point of its own: "ç" is "\u00c3\u00a7"), and files that are lists of entries.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "gen/json_writer.hpp"
#include "gen/output.hpp"

namespace gen::meta {

// The pretty style of the exports, every string in mojibake.
inline constexpr JsonStyle kStyle{true, ": ", ",", Escape::latin1};

// key: an empty array as the exports write it, over two lines: `[`, a line of the indentation
// inside, `]`. `depth`: the nesting level of the object holding the key (its keys are indented
// 2 * depth spaces).
inline void empty_array(JsonWriter& w, std::string_view key, int depth) {
  std::string a = "[\n";
  a.append(static_cast<size_t>(2 * (depth + 1)), ' ');
  a.push_back('\n');
  a.append(static_cast<size_t>(2 * depth), ' ');
  a.push_back(']');
  w.key(key).raw(a);
}

// When follower i of a list began to follow: within the four years before `until_ms`, in epoch
// seconds.
inline int64_t followed_at(int64_t until_ms, uint64_t i) {
  return epoch_seconds(until_ms) - static_cast<int64_t>((i * 2654435761ULL) % (4 * 365 * 86400ULL));
}

// Writes `content` to PATH, creating its folder; returns its size.
inline uint64_t write(const std::string& path, std::string_view content) {
  make_dirs(path.substr(0, path.rfind('/')));
  return write_file(path, content);
}

// A file of the export that is a list of entries, each begun on a line of its own: a top-level
// array, or the array of an object's only key ({"comments_v2": [...]}).
class List {
 public:
  // Opens PATH, creating its folder; `key` empty for a top-level array.
  List(const std::string& path, std::string_view key)
      : depth_(key.empty() ? 1 : 2), w_(sink_.buf(), kStyle, depth_) {
    make_dirs(path.substr(0, path.rfind('/')));
    sink_.open(path);
    if (key.empty()) {
      sink_.buf() += "[";
    } else {
      sink_.buf() += "{\n  \"";
      sink_.buf() += key;
      sink_.buf() += "\": [";
    }
  }

  // The writer of the next entry.
  JsonWriter& next() {
    std::string& s = sink_.buf();
    s += count_++ == 0 ? "\n" : ",\n";
    s.append(static_cast<size_t>(2 * depth_), ' ');
    return w_;
  }
  uint64_t count() const { return count_; }
  uint64_t bytes() const { return sink_.bytes(); }
  void flush() { sink_.flush(); }
  // Ends the list and closes the file; returns its bytes.
  uint64_t close() {
    sink_.buf() += depth_ == 1 ? "\n]\n" : "\n  ]\n}\n";
    const uint64_t bytes = sink_.bytes();
    sink_.close();
    return bytes;
  }

 private:
  Sink sink_;
  int depth_;
  uint64_t count_ = 0;
  JsonWriter w_;
};

}  // namespace gen::meta
