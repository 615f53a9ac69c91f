// ROI: reach and its ratios ("how many could see my message").
#include <algorithm>

#include "metrics/selection.hpp"

namespace ror::metrics {

namespace {

// Sums of every post metric over the posts that carry it, and how many carry it.
// (128-bit: a post's counts reach 2^63 - 1 each, and their sums must not overflow)
__extension__ typedef __int128 Wide;
struct PostMetricSums {
  std::array<Wide, kPostMetricCount> sum{};
  std::array<std::uint64_t, kPostMetricCount> carriers{};
};

// The audience comments a post counts for: those present, or, when the platform reports more
// replies than the export holds, its reply count less the account's own comments present.
Wide audience_replies(const Post& post, std::int64_t audience_present) {
  if (!post.has(PostMetric::replies)) {
    return audience_present;
  }
  const Wide own = static_cast<Wide>(post.comment_count) - audience_present;
  return std::max<Wide>(audience_present, post.get(PostMetric::replies) - own);
}

// The counts an engagement is made of, besides the audience's comments.
constexpr std::array kEngagementCounts = {
    PostMetric::likes,     PostMetric::shares, PostMetric::quotes, PostMetric::saves,
    PostMetric::bookmarks, PostMetric::clicks, PostMetric::replies};

}  // namespace

void compute_roi(const Selection& s, MetricValues& out) {
  PostMetricSums sums;
  std::int64_t comments = 0;
  std::int64_t audience_comments = 0;
  Wide engagements = 0;
  Wide engaged_with_impressions = 0;  // engagements of posts with impressions > 0
  Wide impressions_positive = 0;
  TimeMs first = 0;
  TimeMs last = 0;
  bool any = false;
  bool comments_known = false;
  bool engagement_known = false;  // some post carries one of its counts
  for (const std::uint32_t index : s.posts) {
    const Post& post = s.data.posts[index];
    comments_known = comments_known || post.comments_known;
    for (std::size_t m = 0; m < kPostMetricCount; ++m) {
      if (post.has(static_cast<PostMetric>(m))) {
        sums.sum[m] += post.get(static_cast<PostMetric>(m));
        ++sums.carriers[m];
      }
    }
    std::int64_t audience = 0;
    for (const Comment& c : s.comments_of(post)) {
      audience += s.data.by_account(c) ? 0 : 1;
    }
    comments += post.comment_count;
    audience_comments += audience;
    for (const PostMetric m : kEngagementCounts) {
      engagement_known = engagement_known || post.has(m);
    }
    const Wide engaged = Wide{post.get(PostMetric::likes)} + post.get(PostMetric::shares) +
                         post.get(PostMetric::quotes) + post.get(PostMetric::saves) +
                         post.get(PostMetric::bookmarks) + post.get(PostMetric::clicks) +
                         audience_replies(post, audience);
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
          followers ? std::optional<double>(static_cast<double>(*followers)) : std::nullopt,
          Unknown::not_carried);
  for (std::size_t m = 0; m < kPostMetricCount; ++m) {
    out.set(sum_metric(static_cast<PostMetric>(m)),
            sums.carriers[m] > 0 ? std::optional<double>(static_cast<double>(sums.sum[m]))
                                 : std::nullopt,
            Unknown::not_carried);
  }
  // Comments are counted where the export holds them.
  const auto where_known = [&](std::int64_t n) {
    return comments_known ? std::optional<double>(static_cast<double>(n)) : std::nullopt;
  };
  out.set(MetricId::comments, where_known(comments), Unknown::no_comments);
  out.set(MetricId::audience_comments, where_known(audience_comments), Unknown::no_comments);
  // A sum of counts of which none is known is no measured 0.
  const bool engaged_known = engagement_known || comments_known;
  out.set(MetricId::engagements,
          engaged_known ? std::optional<double>(static_cast<double>(engagements)) : std::nullopt,
          Unknown::not_carried);
  const auto impressions = static_cast<std::size_t>(PostMetric::impressions);
  out.set(MetricId::engagement_rate_impressions,
          ratio(static_cast<double>(engaged_with_impressions),
                static_cast<double>(impressions_positive)),
          sums.carriers[impressions] > 0 ? Unknown::no_cases : Unknown::not_carried);
  out.set(MetricId::engagement_rate_followers,
          followers && engaged_known
              ? ratio(static_cast<double>(engagements), n * static_cast<double>(*followers))
              : std::nullopt,
          followers && engaged_known ? Unknown::no_cases : Unknown::not_carried);
  const auto per_carrier = [&](PostMetric m) {
    const auto i = static_cast<std::size_t>(m);
    return ratio(static_cast<double>(sums.sum[i]), static_cast<double>(sums.carriers[i]));
  };
  out.set(MetricId::applause_rate, per_carrier(PostMetric::likes), Unknown::not_carried);
  out.set(MetricId::amplification_rate, per_carrier(PostMetric::shares), Unknown::not_carried);
  const double days = static_cast<double>(last - first) / 86'400'000.0;
  out.set(MetricId::posts_per_day,
          n > 0 ? std::optional<double>(n / std::max(1.0, days)) : std::nullopt);  // (no post)
  out.counts.first_post = first;
  out.counts.last_post = last;
}

}  // namespace ror::metrics
