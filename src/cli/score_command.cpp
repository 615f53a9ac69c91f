// `ror score`: read exports, compute the report, render it, and turn --require into an exit code.
#include <chrono>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "cli/command.hpp"
#include "cli/inputs.hpp"
#include "cli/scoring.hpp"
#include "ror/ingest.hpp"
#include "ror/render.hpp"
#include "ror/report.hpp"

namespace ror::cli {
namespace {

double elapsed_ms(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
      .count();
}

class ScoreCommand final : public Command {
 public:
  void setup(CLI::App& app) override {
    add_input_options(app, inputs_,
                      "Exports in any format ror reads (see ror formats); '-' or none reads stdin");
    add_output_options(app, output_, renderer_names(renderers()), "the report");
    add_scoring_options(app, scoring_);
    app.add_option("--by", by_,
                   "One row per post, day, week (ISO), month or platform instead of the report")
        ->transform(CLI::IsMember(
            std::vector<std::string>(breakdown_names().begin(), breakdown_names().end()),
            CLI::ignore_case));
    app.add_flag("--wide", wide_,
                 "With --format csv: one row for the report (or per --by group), every figure a "
                 "column");
    app.add_flag("--csv-raw", csv_raw_,
                 "With --format csv: write cells as the inputs wrote them (no formula guard)");
  }

  ExitCode run(const Streams& streams) override {
    configure_logging(streams.err, inputs_.quiet, inputs_.verbose);
    // Everything the command line can get wrong is checked before any input is read.
    const Renderer* renderer = find_renderer(output_.format);
    if ((wide_ || csv_raw_) && renderer->name != "csv") {
      throw usage_error(
          fmt::format("{} shapes CSV only: add --format csv", wide_ ? "--wide" : "--csv-raw"));
    }
    LoadOptions load = load_options(inputs_);
    const std::optional<BreakdownBy> by = find_breakdown(by_);
    load.keep_excerpts = by == BreakdownBy::post;
    Scoring scoring = prepare_scoring(scoring_, inputs_.files, streams);
    Output output(output_.path, inputs_.files, streams);  // (a bad -o fails before the load)

    const Dataset data = load_inputs(inputs_, load, streams);
    check_strict(scoring_, data);
    report_load(data);

    auto start = std::chrono::steady_clock::now();
    Report report = build_report(data, scoring.config, scoring.requirements, by);
    if (!by && renderer->name == "table") {
      add_trends(report, data, scoring.config);  // (the table's sparklines)
    }
    spdlog::debug("metrics and scores in {:.1f} ms", elapsed_ms(start));

    start = std::chrono::steady_clock::now();
    output.write([&](std::ostream& out, bool to_terminal) {
      renderer->render(report,
                       RenderOptions{use_color(output_.color, to_terminal), wide_,
                                     output_width(to_terminal), csv_raw_},
                       out);
    });
    spdlog::debug("rendered {} in {:.1f} ms", renderer->name, elapsed_ms(start));
    return finish_checks(scoring, report.checks);
  }

 private:
  InputArgs inputs_;
  OutputArgs output_;
  ScoringArgs scoring_;
  std::string by_;
  bool wide_ = false;
  bool csv_raw_ = false;
};

}  // namespace

std::unique_ptr<Command> make_score_command() {
  return std::make_unique<ScoreCommand>();
}

}  // namespace ror::cli
