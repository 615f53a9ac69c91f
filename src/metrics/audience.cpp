// The audience table: every member's tallies in one pass over the comments, then their months,
// answers, level and RFM code.
#include "ror/audience.hpp"

#include <algorithm>
#include <array>
#include <limits>
#include <numeric>

#include "metrics/answers.hpp"
#include "metrics/radix_sort.hpp"

namespace ror {
namespace {

constexpr std::array<std::string_view, kLevelCount> kLevelNames = {"advocate", "contributor",
                                                                   "participant", "explorer"};

// The RFM score of each value: 1 + 5 x the share of members whose value is lower, at most 5.
// Ties share a score, so the code never depends on input order.
void rank_into(std::vector<AudienceRow>& rows, std::size_t dimension,
               const std::vector<std::uint64_t>& values) {
  std::vector<std::uint64_t> sorted = values;
  std::sort(sorted.begin(), sorted.end());
  const std::size_t n = sorted.size();
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto lower = static_cast<std::size_t>(
        std::lower_bound(sorted.begin(), sorted.end(), values[i]) - sorted.begin());
    rows[i].rfm[dimension] = static_cast<std::uint8_t>(std::min<std::size_t>(5, 1 + 5 * lower / n));
  }
}

// A member's comment in its UTC month, as one sortable number: member << 24 | month (shifted
// positive: year 1 is month -23,628).
std::uint64_t month_key(std::size_t member, TimeMs t) {
  constexpr std::int64_t kMonthOffset = std::int64_t{1} << 17;
  return static_cast<std::uint64_t>(member) << 24 |
         static_cast<std::uint64_t>(utc_month_index(t) + kMonthOffset);
}

// How many distinct months each of `members` commented in, from their month_keys (sorted here).
std::vector<std::uint32_t> distinct_months(std::vector<std::uint64_t>& keys, std::size_t members) {
  metrics::radix_sort(keys);
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  std::vector<std::uint32_t> count(members, 0);
  for (const std::uint64_t key : keys) {
    ++count[key >> 24];
  }
  return count;
}

// The (member, month) keys that distinct_months counts, a key kept only when it is not the
// member's last one: a member's comments of one month mostly come one after another, so the
// keys to sort are far fewer than the comments.
class MonthKeys {
 public:
  void add(std::size_t member, TimeMs t) {
    const std::uint64_t key = month_key(member, t);  // (never 0: the month is shifted positive)
    if (member >= last_.size()) {
      last_.resize(std::max(member + 1, last_.size() * 2), 0);
    }
    if (last_[member] != key) {
      last_[member] = key;
      keys_.push_back(key);
    }
  }
  // How many distinct months each of `members` commented in.
  std::vector<std::uint32_t> counts(std::size_t members) {
    std::vector<std::uint64_t>().swap(last_);
    return distinct_months(keys_, members);
  }

 private:
  std::vector<std::uint64_t> keys_;
  std::vector<std::uint64_t> last_;  // per member
};

Level level_of(const AudienceRow& m, const AudienceOptions& o, TimeMs as_of) {
  constexpr TimeMs kDay = 86'400'000;
  const bool recent = m.last_seen >= as_of - static_cast<TimeMs>(o.recent_days) * kDay;
  if (!recent) {
    return Level::explorer;
  }
  for (std::size_t l = 0; l < o.rules.size(); ++l) {
    if (m.posts >= o.rules[l].posts && m.months >= o.rules[l].months) {
      return static_cast<Level>(l);
    }
  }
  return Level::explorer;
}

}  // namespace

std::string_view level_name(Level level) {
  return kLevelNames[static_cast<std::size_t>(level)];
}

std::string AudienceRow::rfm_code() const {
  std::string code;
  for (const std::uint8_t s : rfm) {
    code.push_back(static_cast<char>('0' + s));
  }
  return code;
}

namespace {

// The levels alone (what `ror score` reports): 16 bytes a member and no answers, names, RFM or
// order, as there may be millions of members. The same rules as the full table's.
Audience count_levels(const Dataset& data, std::span<const std::uint32_t> posts,
                      const AudienceOptions& options) {
  struct Tally {
    TimeMs last_seen = 0;
    std::uint32_t posts = 0;
    std::uint32_t last_post = kNone;
  };
  Audience out;
  std::vector<std::uint32_t> index(data.authors.size(), kNone);  // author -> tally
  std::vector<Tally> tallies;
  MonthKeys months;
  for (const std::uint32_t p : posts) {
    const Post& post = data.posts[p];
    out.as_of = std::max(out.as_of, post.created_at);
    out.comments_known = out.comments_known || post.comments_known;
    for (std::uint32_t k = 0; k < post.comment_count; ++k) {
      const Comment& c = data.comments[post.first_comment + k];
      out.as_of = std::max(out.as_of, c.created_at);
      if (c.author == kNone || data.by_account(c) || data.authors.is_anonymous(c.author)) {
        continue;
      }
      if (index[c.author] == kNone) {
        index[c.author] = static_cast<std::uint32_t>(tallies.size());
        tallies.push_back({c.created_at, 0, kNone});
      }
      const std::uint32_t t = index[c.author];
      Tally& m = tallies[t];
      m.last_seen = std::max(m.last_seen, c.created_at);
      if (m.last_post != p) {
        m.last_post = p;
        ++m.posts;
      }
      months.add(t, c.created_at);
    }
  }
  const std::vector<std::uint32_t> month_count = months.counts(tallies.size());
  AudienceRow m;
  for (std::size_t t = 0; t < tallies.size(); ++t) {
    m.last_seen = tallies[t].last_seen;
    m.posts = tallies[t].posts;
    m.months = month_count[t];
    ++out.per_level[static_cast<std::size_t>(level_of(m, options, out.as_of))];
  }
  return out;
}

}  // namespace

Audience compute_audience(const Dataset& data, std::span<const std::uint32_t> posts,
                          const AudienceOptions& options, bool levels_only) {
  if (levels_only) {
    return count_levels(data, posts, options);
  }
  Audience out;
  std::vector<std::uint32_t> index(data.authors.size(), kNone);  // author -> row
  MonthKeys months;
  std::vector<std::uint32_t> last_post;  // per row: the last post it commented on
  const auto row_of = [&](AuthorId author) -> std::size_t {
    if (index[author] == kNone) {
      index[author] = static_cast<std::uint32_t>(out.members.size());
      out.members.emplace_back();
      out.members.back().author = data.authors.name(author);
      last_post.push_back(kNone);
    }
    return index[author];
  };
  const auto is_member = [&](const Comment& c) {
    return c.author != kNone && !data.by_account(c) && !data.authors.is_anonymous(c.author);
  };
  metrics::AnswerMarks marks;
  for (const std::uint32_t p : posts) {
    const Post& post = data.posts[p];
    out.as_of = std::max(out.as_of, post.created_at);
    out.comments_known = out.comments_known || post.comments_known;
    const std::span<const Comment> cs{data.comments.data() + post.first_comment,
                                      post.comment_count};
    const std::uint32_t base = post.first_comment;
    metrics::mark_answers(data, cs, base, marks);
    for (std::size_t k = 0; k < cs.size(); ++k) {
      const Comment& c = cs[k];
      out.as_of = std::max(out.as_of, c.created_at);
      if (data.by_account(c)) {
        if (c.parent != kNone && is_member(cs[c.parent - base])) {
          ++out.members[row_of(cs[c.parent - base].author)].answers;
        }
        continue;
      }
      if (!is_member(c)) {
        continue;
      }
      const std::size_t row = row_of(c.author);
      AudienceRow& m = out.members[row];
      if (m.comments == 0) {
        m.first_seen = c.created_at;
        m.last_seen = c.created_at;
      }
      if (last_post[row] != p) {  // (a post's comments come together)
        last_post[row] = p;
        ++m.posts;
      }
      ++m.comments;
      m.words += c.words;
      m.first_seen = std::min(m.first_seen, c.created_at);
      m.last_seen = std::max(m.last_seen, c.created_at);
      months.add(row, c.created_at);
      if (metrics::awaits_answer(data, cs, base, c)) {
        ++m.awaiting;
        if (marks.earliest[k] != metrics::kNever) {
          ++m.answered;
          m.replied += marks.back[k];
        }
      }
    }
  }
  const std::vector<std::uint32_t> month_count = months.counts(out.members.size());
  for (std::size_t row = 0; row < out.members.size(); ++row) {
    out.members[row].months = month_count[row];
  }
  std::vector<std::uint64_t> recency;
  std::vector<std::uint64_t> frequency;
  std::vector<std::uint64_t> words;
  for (AudienceRow& m : out.members) {
    if (m.answered > 0) {
      m.reciprocity = static_cast<double>(m.replied) / static_cast<double>(m.answered);
    }
    m.level = level_of(m, options, out.as_of);
    ++out.per_level[static_cast<std::size_t>(m.level)];
    recency.push_back(static_cast<std::uint64_t>(m.last_seen) ^
                      (std::uint64_t{1} << 63));  // (order kept)
    frequency.push_back(m.comments);
    words.push_back(m.words);
  }
  rank_into(out.members, 0, recency);
  rank_into(out.members, 1, frequency);
  rank_into(out.members, 2, words);
  std::sort(out.members.begin(), out.members.end(), [](const AudienceRow& a, const AudienceRow& b) {
    if (a.level != b.level) {
      return a.level < b.level;
    }
    if (a.comments != b.comments) {
      return a.comments > b.comments;
    }
    if (a.posts != b.posts) {
      return a.posts > b.posts;
    }
    return a.author < b.author;
  });
  return out;
}

Audience compute_audience(const Dataset& data, const AudienceOptions& options, bool levels_only) {
  std::vector<std::uint32_t> all(data.posts.size());
  std::iota(all.begin(), all.end(), 0U);
  return compute_audience(data, all, options, levels_only);
}

}  // namespace ror
