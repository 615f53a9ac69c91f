// ROI: reach and its ratios ("how many could see my message").
#include <algorithm>

#include "metrics/selection.hpp"

namespace ror::metrics {

namespace {

// Sums of every post metric over the posts that carry it, and how many carry it.
struct PostMetricSums {
  std::array<std::int64_t, kPostMetricCount> sum{};
  std::array<std::uint64_t, kPostMetricCount> carriers{};
};

constexpr std::array<MetricId, kPostMetricCount> kSumMetric = {
    MetricId::impressions, MetricId::reach, MetricId::views,  MetricId::likes,
    MetricId::shares,      MetricId::saves, MetricId::clicks, MetricId::conversions};

}  // namespace

void compute_roi(const Selection& s, MetricValues& out) {
  PostMetricSums sums;
  std::int64_t comments = 0;
  std::int64_t audience_comments = 0;
  std::int64_t engagements = 0;
  std::int64_t engaged_with_impressions = 0;  // engagements of posts with impressions > 0
  std::int64_t impressions_positive = 0;
  TimeMs first = 0;
  TimeMs last = 0;
  bool any = false;
  for (const std::uint32_t index : s.posts) {
    const Post& post = s.data.posts[index];
    for (std::size_t m = 0; m < kPostMetricCount; ++m) {
      if (post.has(static_cast<PostMetric>(m))) {
        sums.sum[m] += post.metrics[m];
        ++sums.carriers[m];
      }
    }
    std::int64_t audience = 0;
    for (const Comment& c : s.comments_of(post)) {
      audience += s.data.by_account(c) ? 0 : 1;
    }
    comments += post.comment_count;
    audience_comments += audience;
    const std::int64_t engaged = post.get(PostMetric::likes) + post.get(PostMetric::shares) +
                                 post.get(PostMetric::saves) + post.get(PostMetric::clicks) +
                                 audience;
    engagements += engaged;
    if (post.has(PostMetric::impressions) && post.get(PostMetric::impressions) > 0) {
      engaged_with_impressions += engaged;
      impressions_positive += post.get(PostMetric::impressions);
    }
    first = any ? std::min(first, post.created_at) : post.created_at;
    last = any ? std::max(last, post.created_at) : post.created_at;
    any = true;
  }

  const auto n = static_cast<double>(s.posts.size());
  const auto& followers = s.data.account.followers;
  out.set(MetricId::posts, n);
  out.set(MetricId::followers,
          followers ? std::optional<double>(static_cast<double>(*followers)) : std::nullopt);
  for (std::size_t m = 0; m < kPostMetricCount; ++m) {
    out.set(kSumMetric[m], sums.carriers[m] > 0
                               ? std::optional<double>(static_cast<double>(sums.sum[m]))
                               : std::nullopt);
  }
  out.set(MetricId::comments, static_cast<double>(comments));
  out.set(MetricId::audience_comments, static_cast<double>(audience_comments));
  out.set(MetricId::engagements, static_cast<double>(engagements));
  out.set(MetricId::engagement_rate_impressions,
          ratio(static_cast<double>(engaged_with_impressions),
                static_cast<double>(impressions_positive)));
  out.set(MetricId::engagement_rate_followers,
          followers ? ratio(static_cast<double>(engagements), n * static_cast<double>(*followers))
                    : std::nullopt);
  const auto per_carrier = [&](PostMetric m) {
    const auto i = static_cast<std::size_t>(m);
    return ratio(static_cast<double>(sums.sum[i]), static_cast<double>(sums.carriers[i]));
  };
  out.set(MetricId::applause_rate, per_carrier(PostMetric::likes));
  out.set(MetricId::amplification_rate, per_carrier(PostMetric::shares));
  const double days = static_cast<double>(last - first) / 86'400'000.0;
  out.set(MetricId::posts_per_day, n / std::max(1.0, days));
  out.counts.first_post = first;
  out.counts.last_post = last;
}

}  // namespace ror::metrics
