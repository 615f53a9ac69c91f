// Fuzz target for ingest: any bytes must either load (then score and render) or fail with a
// ror::Error, and, opened as an input source (plain, compressed or an archive), be read or fail
// the same way. A crash, a hang, a sanitizer report or any other exception is a bug. Built as a
// libFuzzer target with -DROR_FUZZ=ON (clang), and always as a replay test over the corpus.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "ingest/sources/source_list.hpp"

#include "ror/error.hpp"
#include "ror/ingest.hpp"
#include "ror/render.hpp"
#include "ror/report.hpp"

namespace {

// The input sources: the bytes opened as a file would be (plain, zstd, gzip, an archive), each
// source read up to a budget and the rest skipped. Decoding ahead on a thread or not.
void read_sources(const std::string& bytes) {
  constexpr std::size_t kBudget = std::size_t{1} << 20;
  std::vector<char> buffer(std::size_t{1} << 16);
  for (const bool read_ahead : {false, true}) {
    ror::ingest::SourceOptions options;
    options.read_ahead = read_ahead;
    try {
      ror::ingest::SourceList list =
          ror::ingest::SourceList::from_memory({{"fuzz", bytes}}, options);
      while (const std::unique_ptr<ror::ingest::ByteSource> source = list.next()) {
        std::size_t total = 0;
        while (total < kBudget) {
          const std::size_t k = source->read(buffer.data(), buffer.size());
          if (k == 0) {
            break;
          }
          total += k;
        }
        source->skip_rest();
      }
    } catch (const ror::Error&) {
      // A clean refusal: corrupt, truncated, a bomb.
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  read_sources(bytes);
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
