// Hygiene: the habits that inflate ROI (hashtag stuffing, duplicates, bursts, canned answers,
// mention blasts, broadcasting without answering).
#include <algorithm>
#include <span>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "metrics/radix_sort.hpp"
#include "metrics/selection.hpp"

namespace ror::metrics {

namespace {

// The habits of the original posts in scope, one byte each (habits:: bits) beside the list of
// their indices: the pass holds no copy of the posts.
struct Originals {
  const Dataset& data;
  std::span<const std::uint32_t> posts;  // indices in Dataset::posts, in scope order
  std::vector<std::uint8_t> habits;      // parallel to posts
  std::vector<std::uint32_t> own;        // what posts views when the scope holds outreach

  const Post& post(std::uint32_t k) const { return data.posts[posts[k]]; }
  // Whether original k comes before original j: by time, then id, then scope order.
  bool earlier(std::uint32_t k, std::uint32_t j) const {
    const Post& a = post(k);
    const Post& b = post(j);
    if (a.created_at != b.created_at) {
      return a.created_at < b.created_at;
    }
    const std::string_view ia = data.post_ids[posts[k]];
    const std::string_view ib = data.post_ids[posts[j]];
    return ia != ib ? ia < ib : k < j;
  }
};

// Marks the posts whose non-empty normalised text repeats an earlier one (by time, then id, so
// that input order never matters); returns how many. One pass over a table of 8 bytes a slot
// (32 bits of the text's hash, the original's place), which keeps the earliest post of each
// text: of two posts with one text, the later one is marked.
std::uint64_t mark_duplicates(Originals& o) {
  struct Slot {
    std::uint32_t tag;
    std::uint32_t k;  // kNone: empty
  };
  std::size_t size = 16;
  while (size * 3 < o.posts.size() * 4) {
    size *= 2;
  }
  std::vector<Slot> table(size, Slot{0, kNone});
  const std::size_t mask = size - 1;
  std::uint64_t count = 0;
  for (std::uint32_t k = 0; k < o.posts.size(); ++k) {
    const std::uint64_t h = o.post(k).norm_hash;
    if (h == 0) {
      continue;
    }
    const auto tag = static_cast<std::uint32_t>(h);
    for (std::size_t i = (h >> 32) & mask;; i = (i + 1) & mask) {
      Slot& slot = table[i];
      if (slot.k == kNone) {
        slot = Slot{tag, k};
        break;
      }
      if (slot.tag == tag && o.post(slot.k).norm_hash == h) {
        const bool first = o.earlier(k, slot.k);
        o.habits[first ? slot.k : k] |= habits::duplicate;
        slot.k = first ? k : slot.k;
        ++count;
        break;
      }
    }
  }
  return count;
}

// Number of entries whose non-zero hash occurs at least twice (every member of such a group).
std::uint64_t shared(std::vector<std::uint64_t> hashes) {
  radix_sort(hashes);
  std::uint64_t count = 0;
  for (std::size_t i = 0; i < hashes.size();) {
    std::size_t j = i;
    while (j < hashes.size() && hashes[j] == hashes[i]) {
      ++j;
    }
    if (hashes[i] != 0 && j - i >= 2) {
      count += j - i;
    }
    i = j;
  }
  return count;
}

// Marks the posts that lie in some run of `size` or more pieces of writing spanning at most
// `window` ms; returns how many. A self-thread is one piece, at the time of its first post: its
// later parts are neither counted nor marked. Posts already in time order (either way, as
// exports mostly are) are walked as they are; others through a sorted copy of their times.
std::uint64_t mark_bursts(Originals& o, std::uint32_t size, TimeMs window) {
  bool forward = true;
  bool backward = true;
  std::size_t pieces = 0;
  TimeMs previous = 0;
  for (std::uint32_t k = 0; k < o.posts.size(); ++k) {
    if (!o.post(k).continues_thread) {
      const TimeMs t = o.post(k).created_at;
      forward = forward && (pieces == 0 || previous <= t);
      backward = backward && (pieces == 0 || previous >= t);
      previous = t;
      ++pieces;
    }
  }
  std::vector<std::pair<TimeMs, std::uint32_t>> sorted;  // time, place: when neither order holds
  if (!forward && !backward) {
    sorted.reserve(pieces);
    for (std::uint32_t k = 0; k < o.posts.size(); ++k) {
      if (!o.post(k).continues_thread) {
        sorted.emplace_back(o.post(k).created_at, k);
      }
    }
    std::sort(sorted.begin(), sorted.end());
  }
  // The i-th of m places in time order (ties in any order: the marked set is the same), and
  // whether it is a later part of a self-thread, which the walk passes over.
  const std::size_t m = sorted.empty() ? o.posts.size() : sorted.size();
  const auto place = [&](std::size_t i) -> std::uint32_t {
    if (!sorted.empty()) {
      return sorted[i].second;
    }
    return static_cast<std::uint32_t>(forward ? i : m - 1 - i);
  };
  const auto passed_over = [&](std::size_t i) {
    return sorted.empty() && o.post(place(i)).continues_thread;
  };
  const auto time_of = [&](std::size_t i) { return o.post(place(i)).created_at; };
  std::uint64_t marked = 0;
  std::size_t next_unmarked = 0;
  std::size_t j = 0;          // the window's first place
  std::size_t in_window = 0;  // pieces in [j, k]
  for (std::size_t k = 0; k < m; ++k) {
    if (passed_over(k)) {
      continue;
    }
    ++in_window;
    const TimeMs t = time_of(k);
    while (passed_over(j)) {
      ++j;
    }
    while (t - time_of(j) > window) {
      --in_window;
      ++j;
      while (passed_over(j)) {
        ++j;
      }
    }
    if (in_window >= size) {
      for (std::size_t i = std::max(j, next_unmarked); i <= k; ++i) {
        if (!passed_over(i)) {
          o.habits[place(i)] |= habits::burst;
          ++marked;
        }
      }
      next_unmarked = k + 1;
    }
  }
  return marked;
}

}  // namespace

void compute_hygiene(const Selection& s, MetricValues& out) {
  const MetricOptions& opt = s.options;
  MetricCounts& counts = out.counts;
  Originals o{s.data, {}, {}, {}};
  std::vector<std::uint64_t> answer_texts;
  std::size_t outreach = 0;
  for (const std::uint32_t index : s.posts) {
    outreach += s.data.posts[index].kind == PostKind::outreach ? 1 : 0;
  }
  if (outreach > 0) {
    o.own.reserve(s.posts.size() - outreach);
  }
  o.habits.reserve(s.posts.size() - outreach);
  for (const std::uint32_t index : s.posts) {
    const Post& post = s.data.posts[index];
    for (const Comment& c : s.comments_of(post)) {
      if (s.data.by_account(c)) {
        answer_texts.push_back(c.norm_hash);
      }
    }
    if (post.kind == PostKind::outreach) {
      answer_texts.push_back(post.norm_hash);
      continue;
    }
    const bool stuffed = post.hashtags > opt.hashtag_limit;
    const bool blast = post.mentions >= opt.mention_blast;
    counts.hashtag_abuse_posts += stuffed ? 1U : 0U;
    counts.mention_blast_posts += blast ? 1U : 0U;
    if (outreach > 0) {
      o.own.push_back(index);
    }
    o.habits.push_back(static_cast<std::uint8_t>((stuffed ? habits::hashtags : 0) |
                                                 (blast ? habits::mentions : 0)));
  }
  o.posts = outreach > 0 ? std::span<const std::uint32_t>(o.own) : s.posts;
  counts.original_posts = o.posts.size();
  counts.duplicate_posts = mark_duplicates(o);
  counts.burst_posts = mark_bursts(o, opt.burst_posts, opt.burst_window_seconds * 1000);
  const auto with_habits = static_cast<std::size_t>(
      std::count_if(o.habits.begin(), o.habits.end(), [](std::uint8_t bits) { return bits != 0; }));
  counts.clean_posts = o.posts.size() - with_habits;
  if (opt.list_habit_posts) {
    out.habit_posts.reserve(with_habits);
    for (std::size_t k = 0; k < o.posts.size(); ++k) {
      if (o.habits[k] != 0) {
        out.habit_posts.emplace_back(o.posts[k], o.habits[k]);
      }
    }
  }
  counts.account_answers = answer_texts.size();
  counts.canned_replies = shared(std::move(answer_texts));

  const auto n = static_cast<double>(counts.original_posts);
  const auto share = [&](std::uint64_t k) { return ratio(static_cast<double>(k), n); };
  out.set(MetricId::hashtag_abuse_rate, share(counts.hashtag_abuse_posts));
  out.set(MetricId::duplicate_post_rate, share(counts.duplicate_posts));
  out.set(MetricId::burst_post_rate, share(counts.burst_posts));
  out.set(MetricId::canned_reply_rate, ratio(static_cast<double>(counts.canned_replies),
                                             static_cast<double>(counts.account_answers)));
  out.set(MetricId::mention_blast_rate, share(counts.mention_blast_posts));
  // account_answers is account comments + outreach posts, the non-broadcast side.
  out.set(MetricId::broadcast_ratio, ratio(n, n + static_cast<double>(counts.account_answers)));
}

}  // namespace ror::metrics
