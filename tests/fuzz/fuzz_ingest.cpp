// Fuzz target for ingest: any bytes must either load (then score and render) or fail with a
// ror::Error. A crash, a hang, a sanitizer report or any other exception is a bug. Built as a
// libFuzzer target with -DROR_FUZZ=ON (clang), and always as a replay test over the corpus.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "ror/error.hpp"
#include "ror/ingest.hpp"
#include "ror/render.hpp"
#include "ror/report.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  // Small blocks and two threads, so that the framers' carry-over and the merge are exercised.
  for (const std::size_t block : {std::size_t{7}, std::size_t{0}}) {
    ror::LoadOptions options;
    options.block_bytes = block;
    options.threads = 2;
    try {
      const ror::Dataset data_set = ror::load_buffers({{"fuzz", bytes}}, options);
      const ror::Report report =
          ror::build_report(data_set, ror::default_score_config(), {}, ror::BreakdownBy::month);
      std::ostringstream out;
      ror::render_json(report, {}, out);
    } catch (const ror::Error&) {
      // A clean refusal is the expected outcome for most inputs.
    }
  }
  return 0;
}
