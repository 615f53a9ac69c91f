// Helpers shared by the unit tests: datasets from JSON text, metric lookups.
#pragma once

#include <catch2/catch.hpp>

#include <limits>
#include <string>
#include <vector>

#include "ror/ingest.hpp"
#include "ror/metrics.hpp"

namespace ror::test {

// Loads one in-memory input (JSON document or NDJSON) as a dataset.
inline Dataset load_text(const std::string& text, LoadOptions options = {},
                         const std::string& name = "test.json") {
  return load_buffers({NamedInput{name, text}}, options);
}

// Computes every metric of a JSON text with default thresholds.
inline MetricValues metrics_of(const std::string& text, MetricOptions options = {}) {
  return compute_metrics(load_text(text), options);
}

// The value of a metric that must be known (NaN, after a failed check, when it is not).
inline double known(const MetricValues& m, MetricId id) {
  INFO("metric " << metric_info(id).name);
  CHECK(m[id].has_value());
  return m[id].value_or(std::numeric_limits<double>::quiet_NaN());
}

// Whether a metric is unknown, naming it on failure.
inline bool unknown(const MetricValues& m, MetricId id) {
  INFO("metric " << metric_info(id).name);
  return !m[id].has_value();
}

}  // namespace ror::test
