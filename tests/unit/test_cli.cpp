#include <catch2/catch.hpp>

#include "render/format.hpp"
#include "ror/metrics.hpp"

#include <sstream>

#include "ror/cli.hpp"

namespace {

struct Run {
  int code;
  std::string out;
  std::string err;
};

Run run(std::vector<std::string> args) {
  args.insert(args.begin(), "ror");
  std::ostringstream out;
  std::ostringstream err;
  const int code = ror::run_cli(args, out, err);
  return {code, out.str(), err.str()};
}

const std::string kSmall = std::string(ROR_SOURCE_DIR) + "/tests/cli/fixtures/small.json";

}  // namespace

TEST_CASE("usage errors exit 2 with one line on stderr and nothing on stdout", "[cli]") {
  for (const auto& args : std::vector<std::vector<std::string>>{
           {},
           {"frobnicate"},
           {"score", "--format", "yaml", kSmall},
           {"score", "--top", "x", kSmall},
           {"score", "--by", "year", kSmall},
           {"score", "--since", "2026-03-01", "--until", "2026-01-01", kSmall},
           {"score", "--color", "sometimes", kSmall},
           {"score", "--since", "2026-02-30", kSmall},
           {"score", "--require", "ror.score", kSmall},
           {"score", "--require", "ror.nope>1", kSmall},
           {"score", "--require", "ror.score>=sixty", kSmall},
           {"explain", "nope"},
           {"compare", kSmall},
           {"compare", kSmall, kSmall, kSmall},
           {"compare", "-", "-"},
           {"compare", "--split", "soon", kSmall},
           {"compare", "--split", "2026-02-01", "--account-a", "acme", kSmall},
           {"compare", "--require", "c.ror.score>=1", kSmall, kSmall},
           {"compare", "--require", "delta.ror.score>=101", kSmall, kSmall},
           {"compare", "--csv-raw", kSmall, kSmall},
           {"compare", "--top", "3", kSmall, kSmall},
           {"compare", "--junit", "/tmp/ror-never-written.xml", kSmall, kSmall}}) {
    const Run r = run(args);
    INFO(r.err);
    CHECK(r.code == 2);
    CHECK(r.out.empty());
    CHECK(r.err.rfind("ror: error: ", 0) == 0);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
  }
}

TEST_CASE("exact messages of the command line", "[cli]") {
  // (the list of commands grows: it is made from the command table)
  CHECK_THAT(run({}).err, Catch::StartsWith("ror: error: a subcommand is required: score, ") &&
                              Catch::EndsWith(" or explain (see ror --help)\n"));
  CHECK(run({"score", "--require", "roi.posts=3", kSmall}).err ==
        "ror: error: --require 'roi.posts=3': expected <group>.<metric> followed by <, <=, >, >= "
        "or == and a number\n");
  CHECK(run({"score", "--require", "hygiene.score>=5x", kSmall}).err ==
        "ror: error: --require 'hygiene.score>=5x': \"5x\" is not a number\n");
  CHECK(run({"score", "/no/such/file.json"}).err ==
        "ror: error: cannot open /no/such/file.json: No such file or directory\n");
  CHECK(run({"score", "/no/such/file.json"}).code == 3);
}

TEST_CASE("--require decides the exit code; the report still goes to stdout", "[cli]") {
  const Run pass = run({"score", "-q", "--format", "csv", "--require", "roi.posts == 3", kSmall});
  CHECK(pass.code == 0);
  CHECK(pass.out.find("check,roi.posts==3,passed") != std::string::npos);
  CHECK(pass.err.empty());
  const Run fail = run({"score", "-q", "--format", "csv", "--require", "roi.posts<3", "--require",
                        "roi.views>0", kSmall});
  CHECK(fail.code == 1);
  CHECK(fail.out.find("check,roi.posts<3,failed") != std::string::npos);
  CHECK(fail.out.find("check,roi.views>0,failed") != std::string::npos);  // unknown fails
}

TEST_CASE("help and version go to stdout and exit 0", "[cli]") {
  const Run help = run({"--help"});
  CHECK(help.code == 0);
  CHECK(help.out.find("score") != std::string::npos);
  const Run score_help = run({"score", "--help"});
  CHECK(score_help.code == 0);
  CHECK(score_help.out.find("--require") != std::string::npos);
  CHECK(run({"--version"}).out.rfind("ror 0.2.0\nimporters: ror/v1, ", 0) == 0);
}

TEST_CASE("every table label and column header is known to ror explain", "[cli]") {
  std::vector<std::string_view> labels;
  for (const ror::MetricInfo& m : ror::metric_catalog()) {
    const std::string_view label = ror::metric_label(m.id);
    CAPTURE(label);
    CHECK(std::count(labels.begin(), labels.end(), label) == 0);  // one metric per label
    labels.push_back(label);
    const Run r = run({"explain", std::string(label)});
    CHECK(r.code == 0);
    CHECK(r.out.find(std::string(m.name)) != std::string::npos);
  }
  for (const ror::render::ColumnName& c : ror::render::kBreakdownColumns) {
    CAPTURE(c.header);
    CHECK(run({"explain", std::string(c.header)}).code == 0);
  }
}
