#include "ror/dataset.hpp"

namespace ror {

void Warnings::add(std::uint64_t Warnings::*counter, std::string message) {
  ++(this->*counter);
  if (first.empty() || message < first) {
    first = std::move(message);
  }
}

void Warnings::merge(const Warnings& other) {
  for (const auto counter :
       {&Warnings::duplicate_post_ids, &Warnings::duplicate_comment_ids,
        &Warnings::dangling_parents, &Warnings::parent_cycles, &Warnings::account_conflicts}) {
    this->*counter += other.*counter;
  }
  if (!other.first.empty() && (first.empty() || other.first < first)) {
    first = other.first;
  }
}

}  // namespace ror
