// Streaming ingest: blocks of any size, any number of threads, either layout: the same output.
#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>

#include <unistd.h>

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

namespace {

// The report of a folder's files, or the error. A file no larger than a block is read whole by
// a parsing thread; a larger one is opened, detected and cut into blocks by the calling thread.
std::string json_of_folder(const std::filesystem::path& folder, std::size_t block,
                           std::size_t threads) {
  LoadOptions options;
  options.block_bytes = block;
  options.threads = threads;
  options.map_bytes = std::numeric_limits<std::uint64_t>::max();  // (files read, not mapped)
  std::ostringstream out;
  try {
    const Dataset d = load_files({folder.string()}, options);
    render_json(build_report(d, default_score_config(), {}), {}, out);
    for (const auto& [reason, n] : d.input.skipped.counts) {
      out << reason << ": " << n << "\n";
    }
    out << d.input.warnings.first << "\n";
  } catch (const Error& e) {
    out << e.what();
  }
  return out.str();
}

}  // namespace

TEST_CASE("a folder of small files reads the same whichever thread reads each file", "[stream]") {
  const std::filesystem::path folder =
      std::filesystem::temp_directory_path() / ("ror-test-folder-" + std::to_string(::getpid()));
  std::filesystem::remove_all(folder);
  std::filesystem::create_directories(folder);
  const auto write = [&](const std::string& name, const std::string& text) {
    std::ofstream(folder / name, std::ios::binary) << text;
  };
  for (std::uint64_t seed = 1; seed <= 12; ++seed) {
    auto doc = test::gen::generate(seed, {seed % 3 == 0});
    doc["account"] = {{"handle", "acme"}};  // one account across the files
    const std::string text =
        seed % 2 == 0 ? test::gen::to_document(doc) : test::gen::to_ndjson(doc);
    write("part-" + std::to_string(100 + seed) + (seed % 2 == 0 ? ".json" : ".ndjson"), text);
  }
  write("README.txt", "not an export\n");
  write("empty.json", "");
  write("z-invalid-utf8.json",
        "{\"posts\": [{\"id\": \"u1\", \"created_at\": \"2026-01-05T10:00:00Z\", "
        "\"text\": \"caf\xe9\"}]}");
  const std::string expected = json_of_folder(folder, 64, 1);  // every file cut into blocks
  INFO(expected.substr(0, 300));
  CHECK(expected.find("\"schema_version\"") != std::string::npos);
  CHECK(expected.find("files no importer reads: 1") != std::string::npos);
  CHECK(expected.find("z-invalid-utf8.json") != std::string::npos);
  for (const std::size_t threads : kThreads) {
    INFO("threads " << threads);
    CHECK(json_of_folder(folder, 64, threads) == expected);
    CHECK(json_of_folder(folder, 1 << 20, threads) == expected);  // every file read whole
  }
  // A malformed file is reported at its place, however it was read.
  write("part-105.ndjson",
        "{\"id\": \"p1\", \"created_at\": \"2026-01-05T10:00:00Z\"}\n{\"id\":,\n");
  const std::string error = json_of_folder(folder, 64, 1);
  CHECK(error.find("part-105.ndjson:2") != std::string::npos);
  for (const std::size_t threads : kThreads) {
    INFO("threads " << threads);
    CHECK(json_of_folder(folder, 1 << 20, threads) == error);
  }
  std::filesystem::remove_all(folder);
}
