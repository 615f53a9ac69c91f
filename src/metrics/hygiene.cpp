// Hygiene: the habits that inflate ROI (hashtag stuffing, duplicates, bursts, canned answers,
// mention blasts, broadcasting without answering).
#include <algorithm>

#include "metrics/selection.hpp"

namespace ror::metrics {

namespace {

// Number of entries whose non-zero hash occurs earlier too (occurrences - 1 per text).
std::uint64_t repeats(std::vector<std::uint64_t> hashes) {
  std::sort(hashes.begin(), hashes.end());
  std::uint64_t count = 0;
  for (std::size_t i = 1; i < hashes.size(); ++i) {
    count += (hashes[i] != 0 && hashes[i] == hashes[i - 1]) ? 1U : 0U;
  }
  return count;
}

// Number of entries whose non-zero hash occurs at least twice (every member of such a group).
std::uint64_t shared(std::vector<std::uint64_t> hashes) {
  std::sort(hashes.begin(), hashes.end());
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

// Number of times that lie in some run of `size` or more times spanning at most `window` ms.
std::uint64_t in_bursts(std::vector<TimeMs> times, std::uint32_t size, TimeMs window) {
  std::sort(times.begin(), times.end());
  std::uint64_t marked = 0;
  std::size_t next_unmarked = 0;
  std::size_t j = 0;
  for (std::size_t k = 0; k < times.size(); ++k) {
    while (times[k] - times[j] > window) {
      ++j;
    }
    if (k - j + 1 >= size) {
      const std::size_t from = std::max(j, next_unmarked);
      marked += k + 1 - from;
      next_unmarked = k + 1;
    }
  }
  return marked;
}

}  // namespace

void compute_hygiene(const Selection& s, MetricValues& out) {
  const MetricOptions& o = s.options;
  MetricCounts& counts = out.counts;
  std::vector<std::uint64_t> original_texts;
  std::vector<TimeMs> original_times;
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
    ++counts.original_posts;
    counts.hashtag_abuse_posts += post.hashtags > o.hashtag_limit ? 1U : 0U;
    counts.mention_blast_posts += post.mentions >= o.mention_blast ? 1U : 0U;
    original_texts.push_back(post.norm_hash);
    original_times.push_back(post.created_at);
  }
  counts.duplicate_posts = repeats(std::move(original_texts));
  counts.burst_posts =
      in_bursts(std::move(original_times), o.burst_posts, o.burst_window_seconds * 1000);
  counts.account_answers = answer_texts.size();
  counts.canned_replies = shared(std::move(answer_texts));

  const auto originals = static_cast<double>(counts.original_posts);
  const auto share = [&](std::uint64_t n) { return ratio(static_cast<double>(n), originals); };
  out.set(MetricId::hashtag_abuse_rate, share(counts.hashtag_abuse_posts));
  out.set(MetricId::duplicate_post_rate, share(counts.duplicate_posts));
  out.set(MetricId::burst_post_rate, share(counts.burst_posts));
  out.set(MetricId::canned_reply_rate, ratio(static_cast<double>(counts.canned_replies),
                                             static_cast<double>(counts.account_answers)));
  out.set(MetricId::mention_blast_rate, share(counts.mention_blast_posts));
  // account_answers is account comments + outreach posts, the non-broadcast side.
  out.set(MetricId::broadcast_ratio,
          ratio(originals, originals + static_cast<double>(counts.account_answers)));
}

}  // namespace ror::metrics
