// The scoring options shared by score, report, compare and audience, and the end of a run:
// failed checks logged, the --junit file written, the exit code.
#include "cli/scoring.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "ror/render.hpp"

namespace ror::cli {

void add_scoring_options(CLI::App& app, ScoringArgs& args, ScoringFlags flags) {
  if (flags.top) {
    app.add_option("--top", args.top, "Size of the top-audience list (default 10)")
        ->check(CLI::Range(0, 1000000));
  }
  if (flags.require) {
    app.add_option("--require", args.requires_,
                   "Condition like 'ror.score>=60'; exit 1 when one fails (repeatable)")
        ->allow_extra_args(false);
    app.add_option("--junit", args.junit,
                   "Also write the --require conditions to FILE as JUnit XML test cases")
        ->type_name("FILE");
  }
  app.add_option("--config", args.config, "Score configuration (see data/score.json)")
      ->type_name("FILE");
  app.add_flag("--strict", args.strict, "Treat every data warning as bad input (exit 3)");
}

Scoring prepare_scoring(const ScoringArgs& args, const std::vector<std::string>& inputs,
                        const Streams& streams, RequirementScope scope) {
  Scoring s;
  s.config = args.config.empty() ? default_score_config() : load_score_config(args.config);
  if (args.top) {
    s.config.metrics.top = *args.top;
  }
  for (const std::string& text : args.requires_) {
    s.requirements.push_back(parse_requirement(text, scope));
  }
  if (!args.junit.empty()) {
    if (args.requires_.empty()) {
      throw usage_error("--junit writes the --require conditions: add at least one --require");
    }
    s.junit = std::make_unique<Output>(args.junit, inputs, streams);
  }
  return s;
}

void check_strict(const ScoringArgs& args, const Dataset& data) {
  if (args.strict && data.input.warnings.total() > 0) {
    throw input_error(fmt::format("--strict: {}", data.input.warnings.first));
  }
}

ExitCode finish_checks(Scoring& scoring, const std::vector<CheckResult>& checks) {
  bool passed = true;
  for (const CheckResult& c : checks) {
    if (!c.passed) {
      spdlog::info("check failed: {}", c.requirement.text);
      passed = false;
    }
  }
  if (scoring.junit) {
    scoring.junit->write(
        [&](std::ostream& out, bool /*to_terminal*/) { render_junit(checks, out); });
  }
  return passed ? ExitCode::ok : ExitCode::check_failed;
}

}  // namespace ror::cli
