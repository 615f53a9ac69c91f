#include <algorithm>
#include <cstring>

#include "ror/dataset.hpp"
#include "ror/text.hpp"

namespace ror {

AuthorId AuthorTable::intern(std::string_view name) {
  const auto id = static_cast<AuthorId>(names_.size());
  if (const std::uint32_t* known = index_.find(name)) {
    return *known;
  }
  if (chunk_used_ + name.size() > chunk_size_) {
    chunk_size_ = std::max<std::size_t>(std::size_t{64} << 10, name.size());
    chunks_.push_back(std::make_unique<char[]>(chunk_size_));
    chunk_used_ = 0;
  }
  char* stored = chunks_.back().get() + chunk_used_;
  std::memcpy(stored, name.data(), name.size());
  chunk_used_ += name.size();
  const std::string_view view(stored, name.size());
  names_.push_back(view);
  account_.push_back(0);
  index_.try_emplace(view, id);
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
