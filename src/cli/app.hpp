// The command line as one CLI11 app, built in one place for the parser (run_cli) and for what is
// generated from it at build time (src/docgen: the man page and the shell completions), so that
// a subcommand or an option added to the table appears in all of them.
#pragma once

#include <CLI/CLI.hpp>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "cli/command.hpp"

namespace ror::cli {

// The app with every subcommand of app.cpp's table and their options declared; commands[i]
// receives the values parsed for subcommands[i], so the three live together.
struct CliApp {
  std::unique_ptr<CLI::App> app;
  std::vector<std::unique_ptr<Command>> commands;
  std::vector<CLI::App*> subcommands;
};

CliApp make_app();

// `ror help [COMMAND]` is no CLI11 subcommand: run_cli reads it as `ror [COMMAND] --help`.
inline constexpr std::string_view kHelpCommand = "help";
inline constexpr std::string_view kHelpDescription =
    "Print the help of ror, or of COMMAND (as ror COMMAND --help)";

// The name of the validator that completion_values() makes.
inline constexpr std::string_view kCompletionValues = "completion-values";

// Tells the generated completions that an option (or positional) takes one of `values`, for
// options that check their value later and better than CLI::IsMember would (--from names the
// nearest importer). Inactive: it checks nothing and adds nothing to --help. The values are
// kept in its description, in CLI::IsMember's "{a,b,c}" form, which the generator reads for both.
CLI::Validator completion_values(const std::vector<std::string>& values);

}  // namespace ror::cli
