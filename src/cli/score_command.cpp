// `ror score`: read exports, compute the report, render it, and turn --require into an exit code.
#include <chrono>
#include <fstream>
#include <thread>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "cli/command.hpp"
#include "cli/inputs.hpp"
#include "ror/ingest.hpp"
#include "ror/render.hpp"
#include "ror/report.hpp"

namespace ror::cli {
namespace {

struct ScoreArgs {
  InputArgs inputs;
  std::string format = "table";
  std::string output;
  std::optional<std::size_t> top;
  std::string by;
  std::string color = "auto";
  std::vector<std::string> requires_;
  std::string config;
  bool strict = false;
  bool wide = false;
  bool csv_raw = false;
};

double elapsed_ms(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
      .count();
}

class ScoreCommand final : public Command {
 public:
  void setup(CLI::App& app) override {
    add_input_options(app, a_.inputs,
                      "Exports in any format ror reads (see ror formats); '-' or none reads stdin");
    std::vector<std::string> names;
    for (const Renderer& r : renderers()) {
      names.emplace_back(r.name);
    }
    app.add_option("-f,--format", a_.format, "Output format")
        ->transform(CLI::IsMember(names, CLI::ignore_case))
        ->capture_default_str();
    app.add_option("-o,--output", a_.output, "Write the report to FILE instead of stdout")
        ->type_name("FILE");
    app.add_option("--top", a_.top, "Size of the top-audience list (default 10)")
        ->check(CLI::Range(0, 1000000));
    app.add_option("--by", a_.by,
                   "One row per post, day, week (ISO), month or platform instead of the report")
        ->transform(CLI::IsMember(
            std::vector<std::string>(breakdown_names().begin(), breakdown_names().end()),
            CLI::ignore_case));
    app.add_option("--color", a_.color, "Colour the table")
        ->transform(CLI::IsMember({"auto", "always", "never"}, CLI::ignore_case))
        ->capture_default_str();
    app.add_option("--require", a_.requires_,
                   "Condition like 'ror.score>=60'; exit 1 when one fails (repeatable)")
        ->allow_extra_args(false);
    app.add_option("--config", a_.config, "Score configuration (see data/score.json)")
        ->type_name("FILE");
    app.add_flag("--strict", a_.strict, "Treat every data warning as bad input (exit 3)");
    app.add_flag("--wide", a_.wide,
                 "With --format csv: one row for the report (or per --by group), every figure a "
                 "column");
    app.add_flag("--csv-raw", a_.csv_raw,
                 "With --format csv: write cells as the inputs wrote them (no formula guard)");
  }

  ExitCode run(const Streams& streams) override {
    configure_logging(streams.err, a_.inputs.quiet, a_.inputs.verbose);
    // Everything the command line can get wrong is checked before any input is read.
    ScoreConfig config = a_.config.empty() ? default_score_config() : load_score_config(a_.config);
    if (a_.top) {
      config.metrics.top = *a_.top;
    }
    std::vector<Requirement> requirements;
    for (const std::string& text : a_.requires_) {
      requirements.push_back(parse_requirement(text));
    }
    LoadOptions load = load_options(a_.inputs);
    const Renderer* renderer = find_renderer(a_.format);
    if ((a_.wide || a_.csv_raw) && a_.format != "csv") {
      throw usage_error(
          fmt::format("{} shapes CSV only: add --format csv", a_.wide ? "--wide" : "--csv-raw"));
    }
    const std::optional<BreakdownBy> by = find_breakdown(a_.by);
    load.keep_excerpts = by == BreakdownBy::post;

    Output output(a_.output, a_.inputs.files, streams);  // (a bad -o fails before the load)
    const Dataset data = load_inputs(a_.inputs, load, streams);
    if (a_.strict && data.input.warnings.total() > 0) {
      throw input_error(fmt::format("--strict: {}", data.input.warnings.first));
    }
    report_load(data);

    auto start = std::chrono::steady_clock::now();
    const Report report = build_report(data, config, requirements, by);
    spdlog::debug("metrics and scores in {:.1f} ms", elapsed_ms(start));

    start = std::chrono::steady_clock::now();
    output.write([&](std::ostream& out, bool to_terminal) {
      renderer->render(report,
                       RenderOptions{use_color(a_.color, to_terminal), a_.wide,
                                     output_width(to_terminal), a_.csv_raw},
                       out);
    });
    spdlog::debug("rendered {} in {:.1f} ms", a_.format, elapsed_ms(start));
    for (const CheckResult& c : report.checks) {
      if (!c.passed) {
        spdlog::info("check failed: {}", c.requirement.text);
      }
    }
    return report.passed() ? ExitCode::ok : ExitCode::check_failed;
  }

 private:
  ScoreArgs a_;
};

}  // namespace

std::unique_ptr<Command> make_score_command() {
  return std::make_unique<ScoreCommand>();
}

}  // namespace ror::cli
