// Fuzz target for ingest: any bytes must either load (then score, render and convert) or fail
// with a ror::Error, and, opened as an input source (plain, compressed or an archive), be read or
// fail the same way. A crash, a hang, a sanitizer report or any other exception is a bug. The
// bytes go through detection, and, when ROR_FUZZ_FROM names an importer, through that importer
// forced as well, so that each importer can be fuzzed on its own; forced, the bytes are also
// read from a file in small blocks, with read(2) (as a large file is, which the framers cut into
// blocks that a small input in memory never is) and mapped (as a file is where one item outgrows
// the blocks), and each must give the same report or the same error.
// Built as a libFuzzer target
// with -DROR_FUZZ=ON (clang), and always as a replay test over the corpus (one folder per
// importer, replayed with it forced).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <limits>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

#include "ingest/sources/source_list.hpp"

#include "ror/convert.hpp"
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

// The importer ROR_FUZZ_FROM names, or "" for detection only.
const std::string& forced_importer() {
  static const std::string name = [] {
    const char* value = std::getenv("ROR_FUZZ_FROM");
    return std::string(value != nullptr ? value : "");
  }();
  return name;
}

// How outcome() reads the bytes: from memory; from a file in blocks of 7 bytes, mapped or read
// with read(2); or from a file read whole by the parsing thread that detects it (a small plain
// file).
enum class ReadAs { memory, mapped, blocks, file };

// The report of `bytes` read as `how` (each named by the file's path), without the inputs'
// names; or the error.
std::string outcome(const std::string& bytes, const std::string& from, ReadAs how) {
  ror::LoadOptions options;
  options.threads = 2;
  options.from = from;
  // (one file per process: tests run in parallel)
  static const std::string path =
      (std::filesystem::temp_directory_path() / ("ror-fuzz-mapped-" + std::to_string(getpid())))
          .string();
  std::string out;
  try {
    ror::Dataset data_set;
    if (how != ReadAs::memory) {
      std::ofstream(path, std::ios::binary) << bytes;
      options.block_bytes = how == ReadAs::file ? 0 : 7;
      options.map_bytes = how == ReadAs::mapped ? 1 : std::numeric_limits<std::uint64_t>::max();
      struct Removed {  // (however the load ends: a run leaves no file behind)
        const std::string& path;
        ~Removed() {
          std::error_code ignored;
          std::filesystem::remove(path, ignored);
        }
      } removed{path};
      data_set = ror::load_files({path}, options);
    } else {
      options.map_bytes = std::numeric_limits<std::uint64_t>::max();
      data_set = ror::load_buffers({{path, bytes}}, options);
    }
    ror::Report report = ror::build_report(data_set, ror::default_score_config(), {});
    report.input.files.clear();
    report.input.origins.clear();
    std::ostringstream rendered;
    ror::render_json(report, {}, rendered);
    out = rendered.str();
  } catch (const ror::Error& e) {
    out = e.what();
  }
  return out;
}

void load_and_score(const std::string& bytes, const std::string& from, std::size_t block,
                    bool details) {
  ror::LoadOptions options;
  options.block_bytes = block;
  options.threads = 2;
  options.from = from;
  options.keep_details = details;
  try {
    const ror::Dataset data_set = ror::load_buffers({{"fuzz", bytes}}, options);
    const ror::Report report =
        ror::build_report(data_set, ror::default_score_config(), {}, ror::BreakdownBy::month);
    std::ostringstream out;
    ror::render_json(report, {}, out);
    if (details) {
      ror::write_ror_v1(data_set, false, out);
    }
  } catch (const ror::Error&) {
    // A clean refusal is the expected outcome for most inputs.
  }
}

// The bytes cut in two at a line break near the middle, read as two inputs with --account: a
// comments file among them is read after the other (Detection::comments_apart) and its comments
// that cannot be the account's are dropped as they come.
void load_two_with_account(const std::string& bytes) {
  const std::size_t cut = bytes.find('\n', bytes.size() / 2);
  if (cut == std::string::npos) {
    return;
  }
  ror::LoadOptions options;
  options.block_bytes = 64;
  options.threads = 2;
  options.accounts = {"a"};
  try {
    const ror::Dataset data_set = ror::load_buffers(
        {{"fuzz-1", bytes.substr(0, cut + 1)}, {"fuzz-2", bytes.substr(cut + 1)}}, options);
    ror::build_report(data_set, ror::default_score_config(), {}, ror::BreakdownBy::platform);
  } catch (const ror::Error&) {
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  read_sources(bytes);
  // Small blocks and two threads, so that the framers' carry-over and the merge are exercised.
  for (const std::size_t block : {std::size_t{7}, std::size_t{0}}) {
    load_and_score(bytes, "", block, block == 0);
    if (!forced_importer().empty()) {
      load_and_score(bytes, forced_importer(), block, block != 0);
    }
  }
  load_two_with_account(bytes);
  const std::string in_memory = outcome(bytes, forced_importer(), ReadAs::memory);
  const std::string read_whole = outcome(bytes, forced_importer(), ReadAs::file);
  if (in_memory != read_whole) {
    // A small file read by a parsing thread reads differently.
    std::fprintf(stderr, "in memory:\n%s\nfrom a file:\n%s\n", in_memory.c_str(),
                 read_whole.c_str());
    std::abort();
  }
  if (!forced_importer().empty()) {
    for (const ReadAs how : {ReadAs::mapped, ReadAs::blocks}) {
      const std::string in_blocks = outcome(bytes, forced_importer(), how);
      if (in_memory != in_blocks) {
        // A file cut into blocks reads differently.
        std::fprintf(stderr, "in memory:\n%s\n%s in blocks:\n%s\n", in_memory.c_str(),
                     how == ReadAs::mapped ? "mapped" : "read", in_blocks.c_str());
        std::abort();
      }
    }
  }
  return 0;
}
