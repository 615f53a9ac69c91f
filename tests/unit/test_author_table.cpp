// The author table (src/model/author_table.cpp): names interned within platforms, and the marking
// of the account's names.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "ror/dataset.hpp"

using ror::AuthorId;
using ror::AuthorTable;
using ror::kQualifierSeparator;

namespace {

std::string spaced(const char* platform, const char* name) {
  return std::string(platform) + kQualifierSeparator + name;
}

}  // namespace

TEST_CASE("mark_account marks what names_account names, one look-up per author", "[authors]") {
  AuthorTable t;
  const AuthorId alice_x = t.intern("@Alice", "x");
  const AuthorId alice_m = t.intern("alice", "mastodon");
  const AuthorId bob_x = t.intern("BOB", "x");
  const AuthorId bob_m = t.intern("bob", "mastodon");
  const AuthorId carol = t.intern("carol");
  const AuthorId deleted = t.intern("[deleted]", "reddit");
  const AuthorId dave = t.intern("dave", "reddit");
  // A plain name holds on every platform; a spaced one on its own only; names repeat, as an
  // importer guessing one name per thread gives them.
  std::vector<std::string> names = {"alice", spaced("mastodon", "bob"), "carol", "[deleted]"};
  for (int i = 0; i < 1000; ++i) {
    names.push_back(spaced("reddit", "erin"));
  }
  t.mark_account(names);
  CHECK(t.is_account(alice_x));  // '@' and case do not matter
  CHECK(t.is_account(alice_m));
  CHECK_FALSE(t.is_account(bob_x));  // bob is named on Mastodon only
  CHECK(t.is_account(bob_m));
  CHECK(t.is_account(carol));
  CHECK_FALSE(t.is_account(deleted));  // never the account
  CHECK(t.is_anonymous(deleted));
  CHECK_FALSE(t.is_account(dave));
  for (AuthorId id = 0; id < t.size(); ++id) {
    CHECK(t.is_account(id) == t.names_account(id, names));
  }
}
