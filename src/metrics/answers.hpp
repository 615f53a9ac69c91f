// Who was answered: for one post's comments, which of the audience's comments await an answer,
// when the account first answered each, and whether its author replied to that answer. One
// definition for the ROR metrics and for the audience table.
#pragma once

#include <limits>
#include <span>
#include <vector>

#include "ror/dataset.hpp"

namespace ror::metrics {

inline constexpr TimeMs kNever = std::numeric_limits<TimeMs>::max();

// The marks of one post's comments, indexed like them.
struct AnswerMarks {
  std::vector<TimeMs> earliest;    // the first answer's time, kNever when none (or not awaiting)
  std::vector<std::uint8_t> back;  // 1: its author replied to an answer to it
};

// Whether comment c (of the post whose comments are cs, the first at index base) awaits an
// answer: written by someone else, at the top of the thread or replying to the account.
inline bool awaits_answer(const Dataset& d, std::span<const Comment> cs, std::uint32_t base,
                          const Comment& c) {
  return !d.by_account(c) && (c.parent == kNone || d.by_account(cs[c.parent - base]));
}

// Marks the answers among one post's comments cs (the first at index base in the dataset).
void mark_answers(const Dataset& d, std::span<const Comment> cs, std::uint32_t base,
                  AnswerMarks& marks);

}  // namespace ror::metrics
