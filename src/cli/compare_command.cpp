// `ror compare A B` or `ror compare INPUT... --split DATE`: two reports side by side, each figure's
// change and whether it is for the better, and --require on either side or the change.
#include <fmt/format.h>

#include "cli/command.hpp"
#include "cli/inputs.hpp"
#include "cli/scoring.hpp"
#include "ror/comparison.hpp"
#include "ror/ingest.hpp"
#include "ror/render.hpp"

namespace ror::cli {
namespace {

class CompareCommand final : public Command {
 public:
  void setup(CLI::App& app) override {
    add_input_options(app, inputs_,
                      "Two exports, A then B (each a file, folder or archive); with --split, one "
                      "export in one or more files ('-' or none reads stdin)");
    app.add_option("--split", split_,
                   "Compare one export's posts before DATE (A) with those from DATE on (B); "
                   "YYYY-MM-DD or RFC 3339")
        ->type_name("DATE");
    app.add_option("--account-a", accounts_a_,
                   "A name of A's account only (repeatable; --account names both)")
        ->allow_extra_args(false);
    app.add_option("--account-b", accounts_b_, "A name of B's account only (repeatable)")
        ->allow_extra_args(false);
    add_output_options(app, output_, renderer_names(comparison_renderers()), "the comparison");
    add_scoring_options(app, scoring_, ScoringFlags{.require = true, .top = false});
    app.add_flag("--csv-raw", csv_raw_,
                 "With --format csv: write cells as the inputs wrote them (no formula guard)");
  }

  ExitCode run(const Streams& streams) override {
    configure_logging(streams.err, inputs_.quiet, inputs_.verbose);
    // Everything the command line can get wrong is checked before any input is read.
    const RendererOf<Comparison>* renderer = find_renderer(comparison_renderers(), output_.format);
    if (csv_raw_ && renderer->name != "csv") {
      throw usage_error("--csv-raw shapes CSV only: add --format csv");
    }
    const std::optional<TimeMs> split = time_bound(split_, "--split", false);
    if (split) {
      if (!accounts_a_.empty() || !accounts_b_.empty()) {
        throw usage_error(
            "--split compares one export, so one account: name it with --account, not "
            "--account-a or --account-b");
      }
    } else if (inputs_.files.size() != 2) {
      throw usage_error(fmt::format(
          "ror compare takes two exports, A and B ({} given), or one export and --split DATE",
          inputs_.files.size()));
    } else if (inputs_.files[0] == "-" && inputs_.files[1] == "-") {
      throw usage_error("only one side can read standard input ('-')");
    }
    const LoadOptions load = load_options(inputs_);
    Scoring scoring =
        prepare_scoring(scoring_, inputs_.files, streams, RequirementScope::comparison);
    Output output(output_.path, inputs_.files, streams);  // (a bad -o fails before the load)

    const Comparison comparison =
        split ? compare_split(load, scoring, *split, streams) : compare_two(load, scoring, streams);
    output.write([&](std::ostream& out, bool to_terminal) {
      renderer->render(comparison,
                       RenderOptions{use_color(output_.color, to_terminal), false,
                                     output_width(to_terminal), csv_raw_},
                       out);
    });
    return finish_checks(scoring, comparison.checks);
  }

 private:
  // One export, cut in two: loaded once, each half scored over its own posts.
  Comparison compare_split(const LoadOptions& load, const Scoring& scoring, TimeMs split,
                           const Streams& streams) {
    const Dataset data = load_inputs(inputs_, load, streams);
    check_strict(scoring_, data);
    report_load(data);
    return build_split_comparison(data, split, scoring.config, scoring.requirements);
  }

  // Two exports, each loaded on its own (its own account) and reduced to its report before the
  // next is read, so that only one dataset is held at a time.
  Comparison compare_two(const LoadOptions& load, const Scoring& scoring, const Streams& streams) {
    const auto side = [&](std::size_t i, const std::vector<std::string>& accounts) {
      InputArgs args = inputs_;
      args.files = {inputs_.files[i]};
      LoadOptions options = load;
      options.accounts.insert(options.accounts.end(), accounts.begin(), accounts.end());
      const Dataset data = load_inputs(args, options, streams);
      check_strict(scoring_, data);
      report_load(data);
      return build_report(data, scoring.config, {});
    };
    Report a = side(0, accounts_a_);
    Report b = side(1, accounts_b_);
    return compare_reports(std::move(a), std::move(b), scoring.requirements);
  }

  InputArgs inputs_;
  OutputArgs output_;
  ScoringArgs scoring_;
  std::string split_;
  std::vector<std::string> accounts_a_;
  std::vector<std::string> accounts_b_;
  bool csv_raw_ = false;
};

}  // namespace

std::unique_ptr<Command> make_compare_command() {
  return std::make_unique<CompareCommand>();
}

}  // namespace ror::cli
