// What each metric family reads: the dataset, the posts in scope, and the thresholds.
#pragma once

#include <optional>
#include <span>

#include "ror/metrics.hpp"

namespace ror::metrics {

struct Selection {
  const Dataset& data;
  std::span<const std::uint32_t> posts;  // indices into data.posts: the account's posts in scope
  const MetricOptions& options;

  // The comments of post p.
  std::span<const Comment> comments_of(const Post& p) const {
    return {data.comments.data() + p.first_comment, p.comment_count};
  }
};

// numerator / denominator, unknown when the denominator is 0.
inline std::optional<double> ratio(double numerator, double denominator) {
  if (denominator == 0) {
    return std::nullopt;
  }
  return numerator / denominator;
}

// Makes unknown every metric the data cannot show (metric_needs), from the counts the
// families gathered. Runs after them.
void apply_needs(MetricValues& values);

// The metric families, one file each.
void compute_roi(const Selection& s, MetricValues& out);
void compute_ror(const Selection& s, MetricValues& out);
void compute_hygiene(const Selection& s, MetricValues& out);

}  // namespace ror::metrics
