#include <algorithm>

#include "ror/dataset.hpp"
#include "ror/text.hpp"

namespace ror {

AuthorId AuthorTable::intern(std::string_view name) {
  if (const auto it = index_.find(name); it != index_.end()) {
    return it->second;
  }
  const auto id = static_cast<AuthorId>(names_.size());
  const std::string_view stored = storage_.emplace_back(name);
  names_.push_back(stored);
  account_.push_back(0);
  index_.emplace(stored, id);
  return id;
}

void AuthorTable::mark_account(const std::vector<std::string>& normalised_names) {
  for (std::size_t i = 0; i < names_.size(); ++i) {
    const std::string name = normalize_name(names_[i]);
    account_[i] = std::find(normalised_names.begin(), normalised_names.end(), name) !=
                          normalised_names.end()
                      ? 1
                      : 0;
  }
}

}  // namespace ror
