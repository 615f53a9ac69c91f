// Who the account and the people of the audience are on each platform: ids, handles, display
// names and follower counts, all functions of the person (no table is held).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "gen/pools.hpp"
#include "gen/text.hpp"

namespace gen {

// The instance the account is on; its audience is spread over it and others.
inline constexpr std::string_view kHomeInstance = "example.social";

// A person is an audience index, or kAccount.
inline constexpr int64_t kAccount = -1;

class People {
 public:
  People(const Brand& brand, const Audience& audience, uint64_t account_key, uint64_t followers)
      : brand_(brand), audience_(audience), account_key_(account_key), followers_(followers) {}

  const Brand& brand() const { return brand_; }

  // "Anna Smith", or the brand's display name.
  void display_name(std::string& s, int64_t person) const;
  // The display name, or the X handle of someone whose name gives none ("rx42").
  void name_or_handle(std::string& s, int64_t person) const;
  uint64_t followers(int64_t person) const;
  uint64_t following(int64_t person) const;
  uint64_t statuses(int64_t person) const;
  // When the person joined (UTC ms), before 2025.
  int64_t joined(int64_t person) const;

  // X: the numeric user id and the screen name (ASCII letters, digits, '_').
  uint64_t x_id(int64_t person) const;
  void x_handle(std::string& s, int64_t person) const;

  // Mastodon: the account id, the username, the instance, and the acct as the home instance
  // shows it ("user" for local accounts, "user@instance" for the others).
  uint64_t mastodon_id(int64_t person) const;
  void mastodon_username(std::string& s, int64_t person) const;
  std::string_view mastodon_instance(int64_t person) const;
  void mastodon_acct(std::string& s, int64_t person) const;
  // https://instance/@user and https://instance/users/user.
  void mastodon_profile_url(std::string& s, int64_t person) const;
  void mastodon_actor_uri(std::string& s, int64_t person) const;

 private:
  uint64_t mix(int64_t person) const;

  const Brand& brand_;
  const Audience& audience_;
  uint64_t account_key_;
  uint64_t followers_;
};

}  // namespace gen
