// ROR: whether people read, act, are listened to, answered, and come back.
#include <algorithm>
#include <bit>
#include <deque>
#include <limits>
#include <map>
#include <unordered_map>

#include "metrics/answers.hpp"
#include "metrics/radix_sort.hpp"
#include "metrics/selection.hpp"
#include "ror/keyed_hash.hpp"
#include "ror/string_index.hpp"
#include "ror/text.hpp"

namespace ror::metrics {

namespace {

// One audience member's tally: 32 bytes, one to a cache line's quarter, as there may be
// millions of them, read in no order.
struct alignas(32) Tally32 {
  TimeMs first_seen = kNever;
  TimeMs last_seen = std::numeric_limits<TimeMs>::min();
  std::uint32_t comments = 0;
  std::uint32_t posts = 0;
  std::uint32_t answers = 0;
  std::uint32_t last_post = kNone;

  // Whether the member commented in two or more calendar months (UTC): every comment lies
  // between the first and the last, so those two decide. Times 31 days apart or more cannot
  // share a month; equal times always do.
  bool multi_month() const {
    constexpr TimeMs kMonthAtMost = TimeMs{31} * 86'400'000;
    if (last_seen - first_seen >= kMonthAtMost) {
      return true;
    }
    return last_seen != first_seen && utc_month_index(first_seen) != utc_month_index(last_seen);
  }
};

// A member's tally with whom it belongs to.
struct Member : Tally32 {
  AuthorId author = kNone;
};

// The members' tallies: a table indexed by author when the selection is large relative to the
// author table, else a small open-addressed one (one post of a large dataset: a --by post row),
// of at least twice as many slots as the selection has comments, so it never fills. Its slot
// of an author mixes the id with the process's hash key, so no export can choose ids that
// share a slot.
class Members {
 public:
  Members(const AuthorTable& names, std::size_t comments)
      : names_(names), dense_(comments * 4 >= names.size()) {
    if (dense_) {
      table_.resize(names.size());
      return;
    }
    std::size_t slots = 16;
    while (slots < 2 * comments) {
      slots *= 2;
    }
    sparse_.resize(slots);
    shift_ = 64 - std::countr_zero(slots);
    multiplier_ = hash_key().k0 | 1U;
  }

  Tally32& of(AuthorId author) {
    if (dense_) {
      return table_[author];
    }
    const std::size_t mask = sparse_.size() - 1;
    for (std::size_t i = slot(author);; i = (i + 1) & mask) {
      Member& m = sparse_[i];
      if (m.author == author) {
        return m;
      }
      if (m.author == kNone) {
        m.author = author;
        return m;
      }
    }
  }

  // Asks the CPU to fetch an author's tally ahead of its use (the table is too large for the
  // cache, and authors come in no order).
  void prefetch(AuthorId author) const {
    if (dense_) {
      __builtin_prefetch(&table_[author]);
    }
  }

  // Calls f(tally, author) for every member who commented, in no particular order. An anonymous
  // name ("[deleted]") is no one member: its comments are left out here.
  template <typename F>
  void for_each(F&& f) const {
    for (std::size_t a = 0; a < table_.size(); ++a) {
      if (table_[a].comments > 0 && !names_.is_anonymous(static_cast<AuthorId>(a))) {
        f(table_[a], static_cast<AuthorId>(a));
      }
    }
    for (const Member& m : sparse_) {
      if (m.author != kNone && m.comments > 0 && !names_.is_anonymous(m.author)) {
        f(m, m.author);
      }
    }
  }

 private:
  std::size_t slot(AuthorId author) const {
    return static_cast<std::size_t>(((author + std::uint64_t{1}) * multiplier_) >> shift_);
  }

  const AuthorTable& names_;
  bool dense_;
  std::vector<Tally32> table_;
  std::vector<Member> sparse_;
  int shift_ = 0;
  std::uint64_t multiplier_ = 0;
};

struct Tally {
  std::uint64_t audience_comments = 0;
  std::uint64_t substantive = 0;
  std::uint64_t low_effort = 0;
};

// What a scan of the posts gathers.
struct Scan {
  Scan(const AuthorTable& authors, std::size_t comments) : members(authors, comments) {}

  Members members;
  Tally tally;
  std::uint64_t account_comments = 0;
  std::uint64_t awaiting = 0;
  std::uint64_t answered = 0;
  std::uint64_t reciprocated = 0;
  std::vector<std::uint64_t> delays;  // milliseconds, one per answered comment
  std::uint64_t unanswered = 0;
  TimeMs oldest_unanswered = kNever;
};

void add_audience_comment(const Comment& c, std::uint32_t post, const MetricOptions& options,
                          Tally32& m, Tally& tally) {
  ++tally.audience_comments;
  tally.substantive += c.words >= options.substantive_words ? 1 : 0;
  tally.low_effort += c.words <= options.low_effort_words ? 1 : 0;
  ++m.comments;
  if (m.last_post != post) {
    m.last_post = post;
    ++m.posts;
  }
  m.first_seen = std::min(m.first_seen, c.created_at);
  m.last_seen = std::max(m.last_seen, c.created_at);
}

// Walks one post's comments: audience tallies, answers, delays and reciprocity.
void scan_post(const Selection& s, std::uint32_t post_index, Scan& out, AnswerMarks& marks) {
  Members& members = out.members;
  const Dataset& d = s.data;
  const Post& post = d.posts[post_index];
  const auto cs = s.comments_of(post);
  const std::uint32_t base = post.first_comment;
  for (const Comment& c : cs) {
    if (!d.by_account(c)) {
      add_audience_comment(c, post_index, s.options, members.of(c.author), out.tally);
      continue;
    }
    ++out.account_comments;
    if (c.parent != kNone && !d.by_account(cs[c.parent - base])) {
      ++members.of(cs[c.parent - base].author).answers;
    }
  }
  mark_answers(d, cs, base, marks);
  for (std::size_t k = 0; k < cs.size(); ++k) {
    if (!awaits_answer(d, cs, base, cs[k])) {
      continue;
    }
    ++out.awaiting;
    if (marks.earliest[k] == kNever) {
      ++out.unanswered;
      out.oldest_unanswered = std::min(out.oldest_unanswered, cs[k].created_at);
      continue;
    }
    ++out.answered;
    out.reciprocated += marks.back[k];
    out.delays.push_back(
        static_cast<std::uint64_t>(std::max<TimeMs>(0, marks.earliest[k] - cs[k].created_at)));
  }
}

void set_response_times(std::vector<std::uint64_t>& delays_ms, MetricValues& out) {
  radix_sort(delays_ms);
  std::vector<double>& delays = out.response_delays;
  delays.resize(delays_ms.size());
  std::transform(delays_ms.begin(), delays_ms.end(), delays.begin(),
                 [](std::uint64_t ms) { return static_cast<double>(ms) / 1000.0; });
  const std::size_t n = delays.size();
  if (n == 0) {
    out.set(MetricId::response_time_median, std::nullopt);
    out.set(MetricId::response_time_p90, std::nullopt);
    return;
  }
  const double median = n % 2 == 1 ? delays[n / 2] : (delays[n / 2 - 1] + delays[n / 2]) / 2.0;
  out.set(MetricId::response_time_median, median);
  out.set(MetricId::response_time_p90, delays[(9 * n + 9) / 10 - 1]);
}

// The fewest members whose comments make up half of all audience comments, or nullopt when
// there are none: the members taken from the most prolific down, counted by comment count.
std::optional<double> concentration(const Members& members, std::uint64_t comments) {
  // How many members wrote each number of comments.
  std::vector<std::uint32_t> with;
  members.for_each([&](const Tally32& m, AuthorId) {
    if (m.comments >= with.size()) {
      with.resize(std::max<std::size_t>(m.comments + 1, with.size() * 2), 0);
    }
    ++with[m.comments];
  });
  std::uint64_t written = 0;
  std::uint64_t taken = 0;
  for (std::size_t count = with.size(); count-- > 1;) {
    const std::uint64_t k = with[count];
    if (k == 0) {
      continue;
    }
    if (2 * (written + k * count) >= comments) {
      // Part of this group is enough: the smallest j with 2 * (written + j * count) >= comments.
      const std::uint64_t need = (comments - 2 * written + 2 * count - 1) / (2 * count);
      return static_cast<double>(taken + std::max<std::uint64_t>(need, 1));
    }
    written += k * count;
    taken += k;
  }
  return std::nullopt;
}

void set_audience(const Selection& s, const Members& members, MetricValues& out) {
  std::uint64_t audience = 0;
  std::uint64_t repeat = 0;
  std::uint64_t retained = 0;
  // The top members so far, the weakest first (a heap): most comments, then most posts, then
  // the name.
  const auto names = [&](const Member& m) { return s.data.authors.name(m.author); };
  const auto stronger = [&](const Member& a, const Member& b) {
    if (a.comments != b.comments) {
      return a.comments > b.comments;
    }
    if (a.posts != b.posts) {
      return a.posts > b.posts;
    }
    return names(a) < names(b);
  };
  std::vector<Member> top;
  std::uint64_t member_comments = 0;  // (anonymous comments belong to no member)
  members.for_each([&](const Tally32& t, AuthorId author) {
    ++audience;
    member_comments += t.comments;
    repeat += t.posts >= 2 ? 1U : 0U;
    retained += t.multi_month() ? 1U : 0U;
    if (s.options.top == 0) {
      return;
    }
    const Member m{t, author};
    if (top.size() < s.options.top) {
      top.push_back(m);
      std::push_heap(top.begin(), top.end(), stronger);
    } else if (stronger(m, top.front())) {
      std::pop_heap(top.begin(), top.end(), stronger);
      top.back() = m;
      std::push_heap(top.begin(), top.end(), stronger);
    }
  });
  const auto n = static_cast<double>(audience);
  out.set(MetricId::audience, n);
  out.set(MetricId::repeat_audience_rate, ratio(static_cast<double>(repeat), n));
  out.set(MetricId::retained_audience_rate, ratio(static_cast<double>(retained), n));
  out.set(MetricId::audience_concentration, concentration(members, member_comments));
  std::sort_heap(top.begin(), top.end(), stronger);
  for (const Member& m : top) {
    out.top_audience.push_back(AudienceMember{std::string(names(m)), m.comments, m.posts,
                                              m.first_seen, m.last_seen, m.answers});
  }
}

void set_outreach(const Selection& s, MetricValues& out) {
  // The months each person was answered in, first by author id (cheap), then by name (names that
  // differ only in case or a leading '@' are one person).
  struct Person {
    std::int64_t first_month = 0;
    bool multi_month = false;
    bool seen = false;

    void add(std::int64_t month, bool multi) {
      if (!seen) {
        *this = Person{month, multi, true};
        return;
      }
      multi_month = multi_month || multi || month != first_month;
    }
  };
  const AuthorTable& names = s.data.authors;
  std::uint64_t outreach = 0;
  for (const std::uint32_t index : s.posts) {
    outreach += s.data.posts[index].kind == PostKind::outreach ? 1U : 0U;
  }
  out.counts.outreach_posts += outreach;
  // By author: a table indexed by id when the selection is large beside the author table (a
  // whole dataset of replies: there may be hundreds of thousands of people, read in no order),
  // else a map (a --by row).
  const bool dense = outreach * 4 >= names.size();
  std::vector<Person> table(dense ? names.size() : 0);
  std::unordered_map<AuthorId, Person> map;
  std::vector<AuthorId> seen;  // (in the table)
  for (const std::uint32_t index : s.posts) {
    const Post& post = s.data.posts[index];
    if (post.kind != PostKind::outreach || post.reply_to == kNone) {
      continue;
    }
    const std::int64_t month = utc_month_index(post.created_at);
    Person& person = dense ? table[post.reply_to] : map[post.reply_to];
    if (dense && !person.seen) {
      seen.push_back(post.reply_to);
    }
    person.add(month, false);
  }
  // By name: a name already in its normal form is its own key; others are spelled out.
  StringIndex by_name;
  std::vector<Person> people;
  std::deque<std::string> normalised;
  by_name.reserve(dense ? seen.size() : map.size());
  const auto add = [&](AuthorId author, const Person& person) {
    std::string_view key = names.name(author);
    if (!is_normalised_name(key)) {
      key = normalised.emplace_back(normalize_name(key));
    }
    const auto [slot, inserted] =
        by_name.try_emplace(key, static_cast<std::uint32_t>(people.size()));
    if (inserted) {
      people.push_back(person);
    } else {
      people[*slot].add(person.first_month, person.multi_month);
    }
  };
  for (const AuthorId author : seen) {
    add(author, table[author]);
  }
  for (const auto& [author, person] : map) {
    add(author, person);
  }
  const auto retained =
      std::count_if(people.begin(), people.end(), [](const Person& p) { return p.multi_month; });
  out.set(MetricId::outreach_replies, static_cast<double>(out.counts.outreach_posts));
  out.set(MetricId::outreach_people, static_cast<double>(people.size()));
  out.set(MetricId::outreach_retained_rate,
          ratio(static_cast<double>(retained), static_cast<double>(people.size())));
}

// Whether any post carries clicks or conversions.
bool carries_actions(std::span<const std::uint32_t> posts, const Dataset& data) {
  return std::any_of(posts.begin(), posts.end(), [&](std::uint32_t i) {
    return data.posts[i].has(PostMetric::clicks) || data.posts[i].has(PostMetric::conversions);
  });
}

// (clicks + conversions) / impressions over posts with impressions > 0; unknown when no post
// carries clicks or conversions.
std::optional<double> action_rate(std::span<const std::uint32_t> posts, const Dataset& data) {
  if (!carries_actions(posts, data)) {
    return std::nullopt;
  }
  // (128-bit, so that counts near 2^63 cannot overflow the sums)
  __extension__ __int128 actions = 0;
  __extension__ __int128 impressions = 0;
  for (const std::uint32_t index : posts) {
    const Post& post = data.posts[index];
    if (post.has(PostMetric::impressions) && post.get(PostMetric::impressions) > 0) {
      actions +=
          static_cast<__int128>(post.get(PostMetric::clicks)) + post.get(PostMetric::conversions);
      impressions += post.get(PostMetric::impressions);
    }
  }
  return ratio(static_cast<double>(actions), static_cast<double>(impressions));
}

// Scans every post of the selection, each post's members fetched while the one before is read.
void scan_posts(const Selection& s, Scan& out) {
  AnswerMarks marks;
  for (std::size_t i = 0; i < s.posts.size(); ++i) {
    if (i + 1 < s.posts.size()) {
      for (const Comment& c : s.comments_of(s.data.posts[s.posts[i + 1]])) {
        out.members.prefetch(c.author);
      }
    }
    scan_post(s, s.posts[i], out, marks);
  }
}

}  // namespace

void mark_answers(const Dataset& d, std::span<const Comment> cs, std::uint32_t base,
                  AnswerMarks& marks) {
  marks.earliest.assign(cs.size(), kNever);
  marks.back.assign(cs.size(), 0);
  for (const Comment& c : cs) {
    if (!d.by_account(c) || c.parent == kNone) {
      continue;
    }
    const std::uint32_t asked = c.parent - base;
    if (awaits_answer(d, cs, base, cs[asked])) {
      marks.earliest[asked] = std::min(marks.earliest[asked], c.created_at);
    }
  }
  // A reply r to an account answer a to comment q is reciprocity when r and q share an author.
  for (const Comment& r : cs) {
    if (r.parent == kNone || d.by_account(r)) {
      continue;
    }
    const Comment& answer = cs[r.parent - base];
    if (!d.by_account(answer) || answer.parent == kNone) {
      continue;
    }
    const Comment& asked = cs[answer.parent - base];
    if (asked.author == r.author && !d.authors.is_anonymous(r.author) &&
        awaits_answer(d, cs, base, asked)) {
      marks.back[answer.parent - base] = 1;
    }
  }
}

void compute_ror(const Selection& s, MetricValues& out) {
  std::size_t comment_count = 0;
  std::size_t posts_with_comments = 0;  // posts whose export holds other people's comments
  for (const std::uint32_t index : s.posts) {
    const Post& post = s.data.posts[index];
    comment_count += post.comment_count;
    posts_with_comments += post.comments_known ? 1U : 0U;
  }
  Scan scan(s.data.authors, comment_count);
  scan_posts(s, scan);
  MetricCounts& counts = out.counts;
  counts.commented_posts = posts_with_comments;
  counts.unanswered = scan.unanswered;
  counts.oldest_unanswered = scan.unanswered > 0 ? scan.oldest_unanswered : 0;
  counts.account_comments = scan.account_comments;
  counts.awaiting = scan.awaiting;
  counts.answered = scan.answered;
  counts.reciprocated = scan.reciprocated;
  const Tally& tally = scan.tally;
  const auto comments = static_cast<double>(tally.audience_comments);
  out.set(MetricId::conversation_rate, ratio(comments, static_cast<double>(posts_with_comments)));
  out.set(MetricId::response_rate,
          ratio(static_cast<double>(counts.answered), static_cast<double>(counts.awaiting)));
  set_response_times(scan.delays, out);
  out.set(MetricId::reciprocity_rate,
          ratio(static_cast<double>(counts.reciprocated), static_cast<double>(counts.answered)));
  out.set(MetricId::substantive_comment_rate,
          ratio(static_cast<double>(tally.substantive), comments));
  out.set(MetricId::low_effort_comment_rate,
          ratio(static_cast<double>(tally.low_effort), comments));
  out.set(MetricId::action_rate, action_rate(s.posts, s.data),
          carries_actions(s.posts, s.data) ? Unknown::no_cases : Unknown::not_carried);
  set_audience(s, scan.members, out);
  set_outreach(s, out);
}

}  // namespace ror::metrics
