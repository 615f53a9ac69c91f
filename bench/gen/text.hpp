// Text for ror_gen: running text from the word pools, links, and the audience's names. The same
// code writes the ror/v1 exports (from the pools as they are, JSON-escaped) and the platform
// formats (from the pools decoded to plain UTF-8, escaped later the way each platform does).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "gen/pools.hpp"
#include "gen/random.hpp"

namespace gen {

// A set of word pools and the separators between sentences, all in one encoding.
struct Lexicon {
  std::span<const std::string_view> common, accented, emoji, scripts, escaped, shorts, canned, tags;
  // ". ", "! ", "? ", ".<newline>", ".<newline><newline>", "... "
  std::string_view breaks[6];
  std::string_view escaped_slash;  // "\/" in the JSON-escaped lexicon, "/" in the plain one
};

// The pools as they are: JSON-escaped text (ror/v1).
const Lexicon& escaped_lexicon();
// The pools decoded once: plain UTF-8, with real newlines, quotes and backslashes.
const Lexicon& plain_lexicon();

// Picks an element of a pool.
inline std::string_view pick(Rng& rng, std::span<const std::string_view> pool) {
  return pool[rng.below(pool.size())];
}

// Words drawn from a lexicon. Holds references: the generator owns the random stream.
class Words {
 public:
  Words(Rng& rng, const Brand& brand, const Lexicon& lex) : rng_(rng), brand_(brand), lex_(lex) {}

  // One word: mostly common ones, some accented, emoji, other scripts, escapes, numbers.
  void word(std::string& s);
  // n words of running text, with punctuation, sentence breaks and newlines.
  void words(std::string& s, uint64_t n);
  // n words (as word() draws them) separated by single spaces: a title, a heading, a name.
  void phrase(std::string& s, uint64_t n);
  // A link to the brand's site, sometimes with tracking parameters.
  void url(std::string& s, bool escaped_slashes);

  const Lexicon& lexicon() const { return lex_; }

 private:
  Rng& rng_;
  const Brand& brand_;
  const Lexicon& lex_;
};

// The audience: a pool of people, its size growing with the dataset as a real audience does,
// drawn Zipf-like so regulars come back.
class Audience {
 public:
  explicit Audience(uint64_t size_bytes);

  // Rotates the Zipf ranks by `offset` (drawn by the generator), so seeds differ in who is loud.
  void set_offset(uint64_t offset) { offset_ = offset; }
  uint64_t size() const { return size_; }
  // Someone from the pool, Zipf-like.
  uint64_t draw(Rng& rng) const { return (zipf_.draw(rng) + offset_) % size_; }
  // The name of person i: a bijection of the index (the pool size is a power of two and the
  // multiplier odd), so names never collide and neighbours in Zipf rank get unrelated names.
  // Some carry "@instance".
  void name(std::string& s, uint64_t i) const;
  // The scrambled index behind person i's name (what a platform's user id is built from).
  uint64_t key(uint64_t i) const { return (i * 0x9E3779B97F4A7C15ULL) & (size_ - 1); }

 private:
  uint64_t size_;
  Zipf zipf_;
  uint64_t offset_ = 0;
};

// Appends `name` folded to the characters a handle allows: ASCII letters and digits kept, Latin-1
// letters without their accents, anything else dropped; `sep` for '.' and '_'. Stops at '@'.
void fold_handle(std::string& s, std::string_view name, char sep);

}  // namespace gen
