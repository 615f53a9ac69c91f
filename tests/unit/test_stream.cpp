// Streaming ingest: blocks of any size, any number of threads, either layout: the same output.
#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>

#include "fixtures.hpp"
#include "generated_dataset.hpp"
#include "ror/error.hpp"
#include "ror/render.hpp"
#include "ror/report.hpp"

using namespace ror;

namespace {

std::string json_of(const std::string& text, std::size_t block, std::size_t threads,
                    const std::string& name = "in") {
  LoadOptions options;
  options.block_bytes = block;
  options.threads = threads;
  const Dataset d = test::load_text(text, options, name);
  std::ostringstream out;
  render_json(build_report(d, default_score_config(), {}, BreakdownBy::month), {}, out);
  render_json(build_report(d, default_score_config(), {}), {}, out);
  return out.str();
}

std::string error_of(const std::string& text, std::size_t block, std::size_t threads) {
  LoadOptions options;
  options.block_bytes = block;
  options.threads = threads;
  try {
    test::load_text(text, options, "in");
  } catch (const Error& e) {
    return e.what();
  }
  return "no error";
}

// The same, from a file, mapped into memory (as large files are) or read.
std::string json_of_file(const std::string& text, std::size_t block, std::size_t threads,
                         bool mapped) {
  const std::filesystem::path path = std::filesystem::temp_directory_path() / "ror-test-mapped";
  std::ofstream(path, std::ios::binary) << text;
  LoadOptions options;
  options.block_bytes = block;
  options.threads = threads;
  options.map_bytes = mapped ? 1 : std::numeric_limits<std::uint64_t>::max();
  std::ostringstream out;
  try {
    const Dataset d = load_files({path.string()}, options);
    render_json(build_report(d, default_score_config(), {}, BreakdownBy::month), {}, out);
    render_json(build_report(d, default_score_config(), {}), {}, out);
  } catch (const Error& e) {
    out << e.what();
  }
  std::filesystem::remove(path);
  return out.str();
}

constexpr std::size_t kBlocks[] = {1, 7, 64, 1000, 1 << 16};
constexpr std::size_t kThreads[] = {1, 2, 3};

}  // namespace

TEST_CASE("block size and threads never change the output", "[stream]") {
  for (std::uint64_t seed = 1; seed <= 25; ++seed) {
    const auto doc = test::gen::generate(seed, {seed % 2 == 0});
    const std::string document = test::gen::to_document(doc);
    const std::string ndjson = test::gen::to_ndjson(doc);
    const std::string expected = json_of(document, 0, 1);
    const std::string expected_ndjson = json_of(ndjson, 0, 1);
    for (const std::size_t block : kBlocks) {
      for (const std::size_t threads : kThreads) {
        INFO("seed " << seed << ", block " << block << ", threads " << threads);
        CHECK(json_of(document, block, threads) == expected);
        CHECK(json_of(ndjson, block, threads) == expected_ndjson);
      }
    }
    // A mapped file reads as the same file read into blocks.
    INFO("seed " << seed << ", mapped");
    CHECK(json_of_file(document, 64, 2, true) == json_of_file(document, 0, 1, false));
    CHECK(json_of_file(ndjson, 1000, 3, true) == json_of_file(ndjson, 0, 1, false));
  }
}

TEST_CASE("NDJSON and the document give byte-identical metrics", "[stream]") {
  for (std::uint64_t seed = 1; seed <= 25; ++seed) {
    const auto doc = test::gen::generate(seed);
    LoadOptions options;
    const Dataset a = test::load_text(test::gen::to_document(doc), options, "in");
    options.threads = 2;
    options.block_bytes = 512;
    const Dataset b = test::load_text(test::gen::to_ndjson(doc), options, "in");
    std::ostringstream ra;
    std::ostringstream rb;
    Report report_a = build_report(a, default_score_config(), {});
    Report report_b = build_report(b, default_score_config(), {});
    report_a.input = report_b.input = InputStats{};
    render_json(report_a, {}, ra);
    render_json(report_b, {}, rb);
    INFO("seed " << seed);
    CHECK(ra.str() == rb.str());
  }
}

TEST_CASE("errors are the same whatever the block size", "[stream]") {
  const std::string post = R"({"id": "p1", "created_at": "2026-01-05T10:00:00Z"})";
  for (const std::string& bad : std::vector<std::string>{
           "{\"posts\": [\n" + post + ",\n" + post + ",\n{\"id\": \"p2\",, }]}",
           "{\"posts\": [\n" + post + ",\n" + post + "\n",
           "{\"posts\": [\n" + post + "],\n \"x\": tru}", "{\"posts\": [\n" + post + "]}\n{}",
           "{\"posts\": [\n" + post + ",\n {\"id\": \"p2\"}]}",
           post + "\n" + post + "\n{\"id\": 1,\n", post + "\n" + post + "\n{\"id\": \"p3\"}\n"}) {
    const std::string expected = error_of(bad, 0, 1);
    CHECK(expected != "no error");
    for (const std::size_t block : kBlocks) {
      for (const std::size_t threads : kThreads) {
        INFO(bad << "\nblock " << block << ", threads " << threads);
        CHECK(error_of(bad, block, threads) == expected);
      }
      INFO(bad << "\nblock " << block << ", mapped");
      CHECK(json_of_file(bad, block, 2, true) == json_of_file(bad, 0, 1, false));
    }
  }
}
