#include <array>

#include "ror/dataset.hpp"

namespace ror {

std::span<const Warnings::Kind> Warnings::kinds() {
  static constexpr std::array<Kind, 8> kKinds = {{
      {&Warnings::duplicate_post_ids, "duplicate_post_ids", "duplicate post id(s)"},
      {&Warnings::duplicate_comment_ids, "duplicate_comment_ids", "duplicate comment id(s)"},
      {&Warnings::dangling_parents, "dangling_parents", "dangling parent(s)"},
      {&Warnings::parent_cycles, "parent_cycles", "parent cycle(s)"},
      {&Warnings::account_conflicts, "account_conflicts", "account conflict(s)"},
      {&Warnings::count_mismatches, "count_mismatches", "count mismatch(es)"},
      {&Warnings::repeated_keys, "repeated_keys", "repeated key(s)"},
      {&Warnings::invalid_utf8, "invalid_utf8", "invalid UTF-8 sequence(s) replaced"},
  }};
  return kKinds;
}

std::uint64_t Warnings::total() const noexcept {
  std::uint64_t sum = 0;
  for (const Kind& k : kinds()) {
    sum += this->*k.counter;
  }
  return sum;
}

void Warnings::add(std::uint64_t Warnings::*counter, std::string message, std::uint64_t at,
                   std::uint64_t n) {
  this->*counter += n;
  if (first.empty() || at < first_at) {
    first = std::move(message);
    first_at = at;
  }
}

void Warnings::merge(const Warnings& other, std::uint64_t shift) {
  for (const Kind& k : kinds()) {
    this->*k.counter += other.*k.counter;
  }
  const std::uint64_t at = other.first_at == kNowhere ? kNowhere : other.first_at + shift;
  if (!other.first.empty() && (first.empty() || at < first_at)) {
    first = other.first;
    first_at = at;
  }
}

void Skips::add(std::string_view reason, std::uint64_t n) {
  for (auto& [known, count] : counts) {
    if (known == reason) {
      count += n;
      return;
    }
  }
  counts.emplace_back(reason, n);
}

std::uint64_t Skips::total() const noexcept {
  std::uint64_t sum = 0;
  for (const auto& [reason, n] : counts) {
    sum += n;
  }
  return sum;
}

}  // namespace ror
