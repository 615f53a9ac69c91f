// `ror report`: the visual report, one self-contained HTML page with charts, from the same load
// and scoring as `ror score`.
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "cli/command.hpp"
#include "cli/inputs.hpp"
#include "cli/scoring.hpp"
#include "ror/render.hpp"

namespace ror::cli {
namespace {

class ReportCommand final : public Command {
 public:
  void setup(CLI::App& app) override {
    add_input_options(app, inputs_,
                      "Exports in any format ror reads (see ror formats); '-' or none reads stdin");
    add_output_options(app, output_, renderer_names(visual_renderers()), "the page");
    add_scoring_options(app, scoring_);
  }

  ExitCode run(const Streams& streams) override {
    configure_logging(streams.err, inputs_.quiet, inputs_.verbose);
    const auto* renderer = find_renderer(visual_renderers(), output_.format);
    if ((output_.path.empty() || output_.path == "-") && streams.out_is_terminal) {
      throw usage_error("ror report writes an HTML page: name it with -o report.html");
    }
    LoadOptions load = load_options(inputs_);
    load.keep_excerpts = true;  // (the page lists posts by their first words)
    Scoring scoring = prepare_scoring(scoring_, inputs_.files, streams);
    Output output(output_.path, inputs_.files, streams);  // (a bad -o fails before the load)
    const Dataset data = load_inputs(inputs_, load, streams);
    check_strict(scoring_, data);
    report_load(data);

    const VisualReport report = build_visual_report(data, scoring.config, scoring.requirements);
    output.write([&](std::ostream& out, bool to_terminal) {
      renderer->render(report, RenderOptions{use_color(output_.color, to_terminal), false, 80},
                       out);
    });
    if (!output_.path.empty() && output_.path != "-") {
      spdlog::info("wrote {}", output_.path);
    }
    return finish_checks(scoring, report.report.checks);
  }

 private:
  InputArgs inputs_;
  OutputArgs output_;
  ScoringArgs scoring_;
};

}  // namespace

std::unique_ptr<Command> make_report_command() {
  return std::make_unique<ReportCommand>();
}

}  // namespace ror::cli
