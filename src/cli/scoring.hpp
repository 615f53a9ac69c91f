// The scoring side shared by the subcommands that score exports (score, report, compare,
// audience): --config, --top, --require, --strict and --junit, checked before any input is read,
// and the end of a run that turns the --require checks into an exit code.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/command.hpp"
#include "cli/inputs.hpp"
#include "ror/report.hpp"

namespace ror::cli {

// What the command line says about scoring.
struct ScoringArgs {
  std::string config;
  std::optional<std::size_t> top;
  std::vector<std::string> requires_;
  std::string junit;  // --junit FILE: the checks as JUnit XML
  bool strict = false;
};

// Which of the scoring options a command offers.
struct ScoringFlags {
  bool require = true;  // --require and --junit
  bool top = true;      // --top
};

// Declares the scoring options on a subcommand.
void add_scoring_options(CLI::App& app, ScoringArgs& args, ScoringFlags flags = {});

// The configuration and conditions the options give, and the --junit file, opened (as -o is)
// before any input is read. Throws ror::Error (usage) for a bad --config or --require; `scope`
// says which paths --require may name (comparison: a., b. and delta.).
struct Scoring {
  ScoreConfig config;
  std::vector<Requirement> requirements;
  std::unique_ptr<Output> junit;
};
Scoring prepare_scoring(const ScoringArgs& args, const std::vector<std::string>& inputs,
                        const Streams& streams, RequirementScope scope = RequirementScope::report);

// Under --strict, a load that needed repairs is bad input (throws ror::Error).
void check_strict(const ScoringArgs& args, const Dataset& data);

// Logs the failed checks, writes the --junit file when asked, and gives the exit code: ok when
// every check passed, check_failed otherwise.
ExitCode finish_checks(Scoring& scoring, const std::vector<CheckResult>& checks);

}  // namespace ror::cli
