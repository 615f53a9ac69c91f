#include <numeric>
#include <thread>

#include "metrics/selection.hpp"

namespace ror {

MetricValues compute_metrics(const Dataset& data, std::span<const std::uint32_t> posts,
                             const MetricOptions& options) {
  const metrics::Selection selection{data, posts, options};
  MetricValues values;
  // The families write disjoint fields, so on a large selection ROR (the heaviest) runs beside
  // the other two. Small selections (a --by row) stay on one thread.
  constexpr std::size_t kParallelPosts = 20000;
  if (posts.size() >= kParallelPosts && std::thread::hardware_concurrency() > 1) {
    std::thread others([&] {
      metrics::compute_roi(selection, values);
      metrics::compute_hygiene(selection, values);
    });
    metrics::compute_ror(selection, values);
    others.join();
    metrics::apply_needs(values);
    return values;
  }
  metrics::compute_roi(selection, values);
  metrics::compute_ror(selection, values);
  metrics::compute_hygiene(selection, values);
  metrics::apply_needs(values);
  return values;
}

MetricValues compute_metrics(const Dataset& data, const MetricOptions& options) {
  std::vector<std::uint32_t> all(data.posts.size());
  std::iota(all.begin(), all.end(), 0U);
  return compute_metrics(data, all, options);
}

}  // namespace ror
