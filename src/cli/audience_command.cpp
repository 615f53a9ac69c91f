// `ror audience`: one row per person who commented, with level and RFM code, for a terminal, a
// spreadsheet (--format csv) or a program.
#include <algorithm>

#include <fmt/format.h>

#include "cli/command.hpp"
#include "cli/inputs.hpp"
#include "cli/scoring.hpp"
#include "ror/render.hpp"

namespace ror::cli {
namespace {

constexpr std::array<std::string_view, 5> kSorts = {"level", "comments", "posts", "recent", "name"};

class AudienceCommand final : public Command {
 public:
  void setup(CLI::App& app) override {
    add_input_options(app, inputs_,
                      "Exports in any format ror reads (see ror formats); '-' or none reads stdin");
    add_output_options(app, output_, renderer_names(audience_renderers()), "the table");
    add_scoring_options(app, scoring_, ScoringFlags{false, false});
    app.add_option("--top", top_, "Show the first N members only (default: all)")
        ->check(CLI::Range(0, 100000000));
    app.add_option("--sort", sort_, "Order: level (closest first), comments, posts, recent, name")
        ->transform(
            CLI::IsMember(std::vector<std::string>(kSorts.begin(), kSorts.end()), CLI::ignore_case))
        ->capture_default_str();
    app.add_flag("--csv-raw", csv_raw_,
                 "With --format csv: write cells as the inputs wrote them (no formula guard)");
  }

  ExitCode run(const Streams& streams) override {
    configure_logging(streams.err, inputs_.quiet, inputs_.verbose);
    const auto* renderer = find_renderer(audience_renderers(), output_.format);
    if (csv_raw_ && renderer->name != "csv") {
      throw usage_error("--csv-raw shapes CSV only: add --format csv");
    }
    const LoadOptions load = load_options(inputs_);
    Scoring scoring = prepare_scoring(scoring_, inputs_.files, streams);
    Output output(output_.path, inputs_.files, streams);  // (a bad -o fails before the load)
    const Dataset data = load_inputs(inputs_, load, streams);
    check_strict(scoring_, data);
    report_load(data);

    AudienceReport report{data.account, data.input, scoring.config.audience,
                          compute_audience(data, scoring.config.audience), 0};
    sort(report.audience.members);
    report.shown = std::min(report.audience.members.size(), top_.value_or(SIZE_MAX));
    output.write([&](std::ostream& out, bool to_terminal) {
      renderer->render(report,
                       RenderOptions{use_color(output_.color, to_terminal), false,
                                     output_width(to_terminal), csv_raw_},
                       out);
    });
    return ExitCode::ok;
  }

 private:
  // Reorders the members as --sort asks; ties keep the level order (most comments, then name).
  void sort(std::vector<AudienceRow>& members) const {
    const auto by = [&](auto key) {
      std::stable_sort(members.begin(), members.end(),
                       [&](const AudienceRow& a, const AudienceRow& b) { return key(a, b); });
    };
    if (sort_ == "comments") {
      by([](const AudienceRow& a, const AudienceRow& b) { return a.comments > b.comments; });
    } else if (sort_ == "posts") {
      by([](const AudienceRow& a, const AudienceRow& b) { return a.posts > b.posts; });
    } else if (sort_ == "recent") {
      by([](const AudienceRow& a, const AudienceRow& b) { return a.last_seen > b.last_seen; });
    } else if (sort_ == "name") {
      by([](const AudienceRow& a, const AudienceRow& b) { return a.author < b.author; });
    }
  }

  InputArgs inputs_;
  OutputArgs output_;
  ScoringArgs scoring_;
  std::optional<std::size_t> top_;
  std::string sort_ = "level";
  bool csv_raw_ = false;
};

}  // namespace

std::unique_ptr<Command> make_audience_command() {
  return std::make_unique<AudienceCommand>();
}

}  // namespace ror::cli
