// `ror explain [METRIC]`: each metric's definition and source, and how the scores are made.
#include <fmt/format.h>

#include "cli/app.hpp"
#include "cli/command.hpp"
#include "render/format.hpp"
#include "ror/metrics.hpp"
#include "ror/score.hpp"

namespace ror::cli {
namespace {

std::string_view unit_name(Unit unit) {
  switch (unit) {
    case Unit::count:
      return "count";
    case Unit::rate:
      return "rate in [0, 1]";
    case Unit::seconds:
      return "seconds";
    case Unit::ratio:
      return "ratio";
  }
  return "";
}

// Which way the metric improves, as `ror compare` judges it.
std::string_view better_text(Better better) {
  switch (better) {
    case Better::higher:
      return "higher (ror compare calls a rise better)";
    case Better::lower:
      return "lower (ror compare calls a fall better)";
    case Better::neither:
      return "neither (a volume: ror compare shows its change without judging it)";
  }
  return "";
}

// Where a score input sits in its group's score, or "" when it has no weight there.
std::string score_role(Group group, std::string_view input, const ScoreConfig& config) {
  const auto& components = config.components[static_cast<std::size_t>(group)];
  double total = 0;
  for (const ScoreComponent& c : components) {
    total += c.weight;
  }
  for (const ScoreComponent& c : components) {
    if (c.input == input && c.weight > 0) {
      return fmt::format("weight {:g} of {:g} in {}.score, {} scale, 0 at {:g}, 1 at {:g}",
                         c.weight, total, group_name(group),
                         c.scale == Scale::log ? "log" : "linear", c.bad, c.good);
    }
  }
  return "";
}

void explain_metric(const MetricInfo& m, const ScoreConfig& config, std::ostream& out) {
  out << fmt::format("{}.{} ({}), in the table \"{}\"\n  {}\n  Source: {}\n", group_name(m.group),
                     m.name, unit_name(m.unit), metric_label(m.id), m.definition, m.source);
  const std::string role = score_role(m.group, m.name, config);
  out << "  Score: " << (role.empty() ? "reported only, not scored" : role) << '\n';
  out << "  Better: " << better_text(m.better) << '\n';
}

// What `<group>.coverage` reads.
void explain_coverage(const ScoreConfig& config, std::ostream& out) {
  out << fmt::format(
      "  roi.coverage, ror.coverage, hygiene.coverage: the share (0 to 1, or a percentage in\n"
      "  --require) of the score's weight whose inputs are known. Below min_coverage ({:g}) the\n"
      "  score is low confidence, and for ROI or ROR the verdict is insufficient-data.\n",
      config.min_coverage);
}

void explain_scores(const ScoreConfig& config, std::ostream& out) {
  out << "How the scores are made\n"
         "  Each score is 100 x the weighted mean of its inputs, each normalised to [0, 1]\n"
         "  between a 'bad' value (0) and a 'good' value (1), linearly or on log(1 + value).\n"
         "  Unknown inputs drop out and the remaining weights are renormalised; a score with no\n"
         "  known input is unknown. Scores are rounded to one decimal.\n";
  for (const Group g : kGroups) {
    out << fmt::format("  {}.score:\n", group_name(g));
    for (const ScoreComponent& c : config.components[static_cast<std::size_t>(g)]) {
      out << fmt::format("    {:<28} {}\n", c.input, score_role(g, c.input, config));
    }
  }
  out << "  Derived inputs:\n";
  for (const DerivedInput& d : derived_inputs()) {
    out << fmt::format("    {}.{}: {}\n", group_name(d.group), d.name, d.definition);
  }
  out << fmt::format(
      "    Answer credit: 1 up to {:g} s, the floor {:g} from {:g} s on; unanswered earns 0.\n",
      config.credit_good_seconds, config.credit_floor, config.credit_bad_seconds);
  out << fmt::format(
      "  Verdict (threshold {:g}): relationship-builder (ROI and ROR high), broadcaster (ROI\n"
      "  high, ROR low), niche-community (ROI low, ROR high), dormant (both low);\n"
      "  insufficient-data when ROI or ROR rests on less than {:g}% of its weight.\n",
      config.verdict_threshold, config.min_coverage * 100.0);
  explain_coverage(config, out);
  out << "  Better: higher, for every score (ror compare judges their changes so).\n";
}

class ExplainCommand final : public Command {
 public:
  void setup(CLI::App& app) override {
    std::vector<std::string> names{"scores", "coverage"};
    for (const MetricInfo& m : metric_catalog()) {
      names.emplace_back(m.name);
    }
    for (const DerivedInput& d : derived_inputs()) {
      names.emplace_back(d.name);
    }
    app.add_option("metric", metric_, "A metric (response_rate or ror.response_rate) or 'scores'")
        ->check(completion_values(names));
    app.add_option("--config", config_, "Score configuration to explain instead of the default")
        ->type_name("FILE");
  }

  ExitCode run(const Streams& streams) override {
    configure_logging(streams.err, false, false);
    const ScoreConfig config =
        config_.empty() ? default_score_config() : load_score_config(config_);
    std::ostream& out = streams.out;
    if (metric_.empty()) {
      for (const MetricInfo& m : metric_catalog()) {
        explain_metric(m, config, out);
      }
      out << '\n';
      explain_scores(config, out);
      return ExitCode::ok;
    }
    // A column header of the table's breakdown stands for what it shows.
    for (const render::ColumnName& c : render::kBreakdownColumns) {
      if (metric_ == c.header) {
        metric_ = std::string(c.explains);
      }
    }
    if (metric_ == "scores" || metric_ == "score" || metric_.ends_with(".score")) {
      explain_scores(config, out);
      return ExitCode::ok;
    }
    if (metric_ == "coverage" || metric_.ends_with(".coverage")) {
      explain_coverage(config, out);
      return ExitCode::ok;
    }
    bool found = false;
    for (const MetricInfo& m : metric_catalog()) {
      const std::string qualified = fmt::format("{}.{}", group_name(m.group), m.name);
      if (metric_ == m.name || metric_ == qualified || metric_ == metric_label(m.id)) {
        explain_metric(m, config, out);
        found = true;
      }
    }
    for (const DerivedInput& d : derived_inputs()) {
      if (metric_ == d.name || metric_ == fmt::format("{}.{}", group_name(d.group), d.name)) {
        out << fmt::format("{}.{} (score input)\n  {}\n  Score: {}\n", group_name(d.group), d.name,
                           d.definition, score_role(d.group, d.name, config));
        found = true;
      }
    }
    if (!found) {
      throw usage_error(
          fmt::format("unknown metric '{}' (run `ror explain` for the list)", metric_));
    }
    return ExitCode::ok;
  }

 private:
  std::string metric_;
  std::string config_;
};

}  // namespace

std::unique_ptr<Command> make_explain_command() {
  return std::make_unique<ExplainCommand>();
}

}  // namespace ror::cli
