// Text measures shared by every format: words, normalised-text hashes, hashtags and mentions.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ror {

// What the metrics need to know about one text, computed once at ingest.
struct TextStats {
  std::uint32_t words = 0;      // maximal runs of non-whitespace
  std::uint64_t norm_hash = 0;  // hash of the normalised text; 0 when it is empty
};

// Byte length of the whitespace character starting at p (ASCII or Unicode White_Space), else 0.
std::size_t whitespace_length(const char* p, const char* end) noexcept;

// Word count and normalised-text hash of a UTF-8 text (see docs/metrics.md for normalisation).
TextStats analyze_text(std::string_view text) noexcept;

// The same, computed byte by byte: the reference for the vector code that analyze_text uses
// where the CPU has it.
TextStats analyze_text_scalar(std::string_view text) noexcept;

// The hash of a normalised text (what normalize_text returns): analyze_text(t).norm_hash equals
// normalized_hash(normalize_text(t)).
std::uint64_t normalized_hash(std::string_view normalized) noexcept;

// The normalised text: tokens without http(s) links (scheme in any case), one space apart, ASCII
// lowercased.
std::string normalize_text(std::string_view text);

// Distinct (ASCII case-insensitive) `#tags` (sigil '#') or `@mentions` (sigil '@') in a text.
std::uint32_t count_text_tags(std::string_view text, char sigil);

// How many distinct names there are, compared without ASCII case (sorts `names`).
std::uint32_t count_distinct(std::vector<std::string_view>& names);

// ASCII-lowercases a name after removing one leading '@': how account names are compared.
std::string normalize_name(std::string_view name);

}  // namespace ror
