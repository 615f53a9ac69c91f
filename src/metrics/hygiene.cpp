// Hygiene: the habits that inflate ROI (hashtag stuffing, duplicates, bursts, canned answers,
// mention blasts, broadcasting without answering).
#include <algorithm>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "metrics/radix_sort.hpp"
#include "metrics/selection.hpp"

namespace ror::metrics {

namespace {

// One original post as the habits see it.
struct Original {
  TimeMs time = 0;
  std::uint64_t hash = 0;
  std::string_view id;
  bool habit = false;       // shows at least one habit
  bool continues = false;   // a later part of a self-thread (Post::continues_thread)
  std::uint32_t post = 0;   // index in Dataset::posts
  std::uint8_t habits = 0;  // habits:: bits
};

// Marks the posts whose non-empty normalised text repeats an earlier one (by time, then id, so
// that input order never matters); returns how many.
std::uint64_t mark_duplicates(std::vector<Original>& posts) {
  // Sorted by hash alone (16 bytes a post); in each group of equal hashes, every post but the
  // earliest (by time, then id, then input order) repeats it.
  struct Key {
    std::uint64_t hash;
    std::uint32_t index;
  };
  std::vector<Key> order;
  order.reserve(posts.size());
  for (std::size_t i = 0; i < posts.size(); ++i) {
    if (posts[i].hash != 0) {
      order.push_back({posts[i].hash, static_cast<std::uint32_t>(i)});
    }
  }
  std::sort(order.begin(), order.end(), [](const Key& a, const Key& b) {
    return a.hash != b.hash ? a.hash < b.hash : a.index < b.index;
  });
  const auto earlier = [&](std::uint32_t a, std::uint32_t b) {
    return std::tie(posts[a].time, posts[a].id, a) < std::tie(posts[b].time, posts[b].id, b);
  };
  std::uint64_t count = 0;
  for (std::size_t i = 0; i < order.size();) {
    std::size_t j = i;
    std::uint32_t first = order[i].index;
    for (; j < order.size() && order[j].hash == order[i].hash; ++j) {
      first = earlier(order[j].index, first) ? order[j].index : first;
    }
    for (std::size_t k = i; k < j; ++k) {
      if (order[k].index != first) {
        posts[order[k].index].habit = true;
        posts[order[k].index].habits |= habits::duplicate;
        ++count;
      }
    }
    i = j;
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
// later parts are neither counted nor marked.
std::uint64_t mark_bursts(std::vector<Original>& posts, std::uint32_t size, TimeMs window) {
  std::vector<std::pair<TimeMs, std::size_t>> order;  // time, index
  order.reserve(posts.size());
  for (std::size_t i = 0; i < posts.size(); ++i) {
    if (!posts[i].continues) {
      order.emplace_back(posts[i].time, i);
    }
  }
  std::sort(order.begin(), order.end());
  std::uint64_t marked = 0;
  std::size_t next_unmarked = 0;
  std::size_t j = 0;
  for (std::size_t k = 0; k < order.size(); ++k) {
    while (order[k].first - order[j].first > window) {
      ++j;
    }
    if (k - j + 1 >= size) {
      for (std::size_t i = std::max(j, next_unmarked); i <= k; ++i) {
        posts[order[i].second].habit = true;
        posts[order[i].second].habits |= habits::burst;
        ++marked;
      }
      next_unmarked = k + 1;
    }
  }
  return marked;
}

}  // namespace

void compute_hygiene(const Selection& s, MetricValues& out) {
  const MetricOptions& o = s.options;
  MetricCounts& counts = out.counts;
  std::vector<Original> originals;
  originals.reserve(s.posts.size());  // (growing would hold two copies at once)
  std::vector<std::uint64_t> answer_texts;
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
    const bool stuffed = post.hashtags > o.hashtag_limit;
    const bool blast = post.mentions >= o.mention_blast;
    counts.hashtag_abuse_posts += stuffed ? 1U : 0U;
    counts.mention_blast_posts += blast ? 1U : 0U;
    const auto bits = static_cast<std::uint8_t>((stuffed ? habits::hashtags : 0) |
                                                (blast ? habits::mentions : 0));
    originals.push_back({post.created_at, post.norm_hash, s.data.post_ids[index], stuffed || blast,
                         post.continues_thread, index, bits});
  }
  counts.original_posts = originals.size();
  counts.duplicate_posts = mark_duplicates(originals);
  counts.burst_posts = mark_bursts(originals, o.burst_posts, o.burst_window_seconds * 1000);
  counts.clean_posts = static_cast<std::uint64_t>(std::count_if(
      originals.begin(), originals.end(), [](const Original& p) { return !p.habit; }));
  out.habit_posts.reserve(static_cast<std::size_t>(std::count_if(
      originals.begin(), originals.end(), [](const Original& p) { return p.habits != 0; })));
  for (const Original& p : originals) {
    if (p.habits != 0) {
      out.habit_posts.emplace_back(p.post, p.habits);
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
