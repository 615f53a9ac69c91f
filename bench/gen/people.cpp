#include "gen/people.hpp"

#include <algorithm>

#include "gen/options.hpp"
#include "gen/output.hpp"

namespace gen {

uint64_t People::mix(int64_t person) const {
  uint64_t state = person < 0 ? account_key_ : audience_.key(static_cast<uint64_t>(person));
  return splitmix64(state);
}

void People::display_name(std::string& s, int64_t person) const {
  if (person < 0) {
    s += brand_.alias2;
    return;
  }
  std::string name;
  audience_.name(name, static_cast<uint64_t>(person));
  bool start = true;
  for (const char c : name) {
    if (c == '@' || (c >= '0' && c <= '9')) {
      break;
    }
    if (c == '.' || c == '_') {
      s.push_back(' ');
      start = true;
      continue;
    }
    s.push_back(start && c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c);
    start = false;
  }
}

void People::name_or_handle(std::string& s, int64_t person) const {
  const size_t start = s.size();
  display_name(s, person);
  if (s.size() == start) {
    x_handle(s, person);
  }
}

uint64_t People::followers(int64_t person) const {
  if (person < 0) {
    return followers_;
  }
  // Heavy-tailed: most have a few hundred, a few have hundreds of thousands.
  const uint64_t u = (mix(person) & 0xFFFFF) + 1;
  return std::min<uint64_t>((uint64_t{150} << 20) / u - 140, 2000000);
}

uint64_t People::following(int64_t person) const {
  return 20 + (mix(person) >> 20) % 3000;
}

uint64_t People::statuses(int64_t person) const {
  return 50 + (mix(person) >> 32) % 40000;
}

int64_t People::joined(int64_t person) const {
  constexpr int64_t kEarliest = 1230768000000;  // 2009-01-01
  return kEarliest + static_cast<int64_t>((mix(person) >> 24) % uint64_t{15 * 365 * 86400}) * 1000;
}

uint64_t People::x_id(int64_t person) const {
  const uint64_t m = mix(person);
  if (person < 0) {
    return 100000000000000000ULL + m % 1500000000000000000ULL;
  }
  // The low 21 bits are the person's key, so ids never collide; some are old, short ids.
  const uint64_t high = m % 4 == 0 ? 1 + (m >> 8) % 4000 : 1 + (m >> 8) % 700000000000ULL;
  return (high << 21) | audience_.key(static_cast<uint64_t>(person));
}

void People::x_handle(std::string& s, int64_t person) const {
  if (person < 0) {
    s += brand_.handle;
    return;
  }
  std::string name;
  audience_.name(name, static_cast<uint64_t>(person));
  fold_handle(s, name, '_');
}

uint64_t People::mastodon_id(int64_t person) const {
  const uint64_t m = mix(person);
  if (person < 0) {
    return (static_cast<uint64_t>(kYearStartMs - 400LL * 86400000) << 16) | (m & 0xFFFF);
  }
  // Milliseconds in the high bits as Mastodon's ids; the person's key split between the last
  // five bits of the milliseconds and the low 16 bits, so ids never collide.
  const uint64_t key = audience_.key(static_cast<uint64_t>(person));
  const uint64_t ms = 1500000000000ULL + ((m >> 20) % (uint64_t{1} << 30)) * 32 + (key >> 16);
  return (ms << 16) | (key & 0xFFFF);
}

void People::mastodon_username(std::string& s, int64_t person) const {
  x_handle(s, person);
}

std::string_view People::mastodon_instance(int64_t person) const {
  return person < 0 ? kHomeInstance : kInstances[mix(person) % std::size(kInstances)];
}

void People::mastodon_acct(std::string& s, int64_t person) const {
  mastodon_username(s, person);
  const std::string_view instance = mastodon_instance(person);
  if (instance != kHomeInstance) {
    s.push_back('@');
    s += instance;
  }
}

void People::mastodon_profile_url(std::string& s, int64_t person) const {
  s += "https://";
  s += mastodon_instance(person);
  s += "/@";
  mastodon_username(s, person);
}

void People::mastodon_actor_uri(std::string& s, int64_t person) const {
  s += "https://";
  s += mastodon_instance(person);
  s += "/users/";
  mastodon_username(s, person);
}

}  // namespace gen
