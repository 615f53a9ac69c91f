// Helpers shared by the unit tests: datasets from JSON text, metric lookups.
#pragma once

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

}  // namespace ror::test
