#include <catch2/catch.hpp>

#include <cstdint>
#include <cstring>
#include <set>
#include <string>
#include <vector>

#include "ror/dataset.hpp"
#include "ror/keyed_hash.hpp"
#include "ror/string_index.hpp"

namespace {

// The unkeyed hash StringIndex used before issue 11: every step can be undone, so names that
// all hash alike can be computed.
std::uint64_t old_hash(std::string_view key) {
  std::uint64_t h = 0x9e3779b97f4a7c15ULL ^ key.size();
  std::size_t i = 0;
  for (; i + 8 <= key.size(); i += 8) {
    std::uint64_t word = 0;
    std::memcpy(&word, key.data() + i, 8);
    h = (h ^ word) * 0xbf58476d1ce4e5b9ULL;
    h ^= h >> 29;
  }
  std::uint64_t word = 0;
  if (key.size() > i) {
    std::memcpy(&word, key.data() + i, key.size() - i);
  }
  h = (h ^ word) * 0x94d049bb133111ebULL;
  return h ^ (h >> 31);
}

std::uint64_t old_mix(std::uint64_t x) {
  const std::uint64_t y = x * 0xbf58476d1ce4e5b9ULL;
  return y ^ (y >> 29);
}

std::uint64_t old_unmix(std::uint64_t z) {
  const std::uint64_t y = z ^ (z >> 29) ^ (z >> 58);
  // The inverse of the odd multiplier modulo 2^64, by Newton's iteration.
  std::uint64_t inverse = 0xbf58476d1ce4e5b9ULL;
  for (int i = 0; i < 6; ++i) {
    inverse *= 2 - 0xbf58476d1ce4e5b9ULL * inverse;
  }
  return y * inverse;
}

// n distinct 16-byte names that all have one value under old_hash.
std::vector<std::string> colliding_names(std::size_t n) {
  const std::uint64_t u = old_unmix(0x0123456789abcdefULL);
  const std::uint64_t h0 = 0x9e3779b97f4a7c15ULL ^ 16;
  std::vector<std::string> names;
  for (std::uint64_t k = 0; k < n; ++k) {
    const std::uint64_t first = 0x3030303030303030ULL + k;  // distinct first words
    const std::uint64_t second = old_mix(h0 ^ first) ^ u;
    std::string name(16, '\0');
    std::memcpy(name.data(), &first, 8);
    std::memcpy(name.data() + 8, &second, 8);
    names.push_back(std::move(name));
  }
  return names;
}

}  // namespace

TEST_CASE("SipHash gives the reference values of its definition", "[keyed_hash]") {
  // Key 00 01 .. 0f; messages 00 01 .. of length 0 and 15 (SipHash-2-4, the paper's vectors):
  // the same code runs the 1-3 rounds the tables use.
  ror::HashKey key;
  unsigned char k[16];
  for (int i = 0; i < 16; ++i) {
    k[i] = static_cast<unsigned char>(i);
  }
  std::memcpy(&key.k0, k, 8);
  std::memcpy(&key.k1, k + 8, 8);
  std::string message;
  for (int i = 0; i < 15; ++i) {
    message.push_back(static_cast<char>(i));
  }
  CHECK(ror::siphash<2, 4>("", key) == 0x726fdb47dd0e0e31ULL);
  CHECK(ror::siphash<2, 4>(message, key) == 0xa129ca6149be45e5ULL);
  CHECK(ror::siphash<1, 3>(message, key) != ror::siphash<2, 4>(message, key));
}

TEST_CASE("the keyed hash tells keys apart and is stable within a run", "[keyed_hash]") {
  const ror::HashKey& key = ror::hash_key();
  CHECK((key.k0 != 0 || key.k1 != 0));
  CHECK(&key == &ror::hash_key());
  CHECK(ror::keyed_hash("bob") == ror::keyed_hash(std::string("bob")));
  CHECK(ror::keyed_hash("bob") != ror::keyed_hash("bob "));
  CHECK(ror::keyed_hash("") != ror::keyed_hash(std::string_view("\0", 1)));
  std::set<std::uint64_t> seen;
  for (int i = 0; i < 10000; ++i) {
    seen.insert(ror::keyed_hash("name" + std::to_string(i)));
  }
  CHECK(seen.size() == 10000);
}

TEST_CASE("interning gives one id per name, in first-seen order", "[keyed_hash]") {
  ror::AuthorTable table;
  CHECK(table.intern("alice") == 0);
  CHECK(table.intern("bob") == 1);
  CHECK(table.intern("alice") == 0);
  CHECK(table.intern("bob", "x") == 2);
  CHECK(table.intern("bob", "mastodon") == 3);
  CHECK(table.intern("bob", "x") == 2);
  CHECK(table.name(2) == "bob");
  CHECK(table.qualifier(2) == "x");
  CHECK(table.size() == 4);

  ror::AuthorTable batch;
  batch.intern("carol");
  batch.intern("bob");
  std::vector<ror::AuthorId> ids;
  table.intern_all(batch, ids, "x");
  CHECK(ids == std::vector<ror::AuthorId>{4, 2});
}

TEST_CASE("names made to collide under the old hash intern in linear time", "[keyed_hash]") {
  constexpr std::size_t kNames = 50000;
  const std::vector<std::string> names = colliding_names(kNames);
  // They do collide under the old hash (which made interning them quadratic: 11.7 s)...
  for (const std::string& name : names) {
    REQUIRE(old_hash(name) == old_hash(names.front()));
  }
  // ...and not under the keyed one: every name is found within a few slots of its own.
  ror::StringIndex index;
  for (std::size_t i = 0; i < names.size(); ++i) {
    REQUIRE(index.try_emplace(names[i], static_cast<std::uint32_t>(i)).second);
  }
  std::size_t longest = 0;
  std::size_t total = 0;
  for (std::size_t i = 0; i < names.size(); ++i) {
    const std::uint32_t* found = index.find(names[i]);
    REQUIRE(found != nullptr);
    REQUIRE(*found == i);
    const std::size_t probes = index.probes(names[i]);
    longest = std::max(longest, probes);
    total += probes;
  }
  CHECK(longest <= 64);
  CHECK(total <= 4 * kNames);

  // The author tables, through a batch's table as ingest does it.
  ror::AuthorTable batch;
  for (std::size_t i = 0; i < names.size(); ++i) {
    REQUIRE(batch.intern(names[i]) == i);
  }
  ror::AuthorTable all;
  all.intern("acme");
  std::vector<ror::AuthorId> ids;
  all.intern_all(batch, ids);
  REQUIRE(ids.size() == kNames);
  for (std::size_t i = 0; i < names.size(); ++i) {
    REQUIRE(ids[i] == i + 1);
    REQUIRE(all.name(ids[i]) == names[i]);
  }
}
