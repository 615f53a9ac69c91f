// What Facebook's and Instagram's "Download your information" JSON files share (facebook.cpp,
// instagram.cpp): every text is mojibake (the bytes of its UTF-8 written as code points of their
// own, repaired with ror::repair_mojibake), times are epoch seconds, and posts carry no id, so
// one is made from the post's time and what it says.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "ingest/field_reader.hpp"
#include "ror/text.hpp"

namespace ror::importers::meta {

// A string (null reads as ""), its mojibake repaired, into `out`.
inline void read_text(ingest::Value& v, std::string& out) {
  thread_local std::string repaired;
  const std::string_view text = v.optional_string().value_or("");
  out.assign(repair_mojibake(text, repaired));
}

// The same, returned.
inline std::string text_of(ingest::Value& v) {
  std::string out;
  read_text(v, out);
  return out;
}

// FNV-1a of some bytes, added to `hash`.
inline std::uint64_t fnv1a(std::string_view bytes, std::uint64_t hash = 14695981039346656037ULL) {
  for (const char c : bytes) {
    hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
  }
  return hash;
}

// An id for a record without one: its time in seconds and a hash of what identifies it, so the
// same record read twice (a folder and its zip) is one post.
inline std::string made_id(std::string_view prefix, TimeMs time, std::uint64_t hash) {
  return fmt::format("{}{}-{:016x}", prefix, time / 1000, hash);
}

}  // namespace ror::importers::meta
