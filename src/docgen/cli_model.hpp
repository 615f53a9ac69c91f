// ror's command line as plain data, read off the CLI11 app that ror itself parses with
// (cli::make_app): what the man page and the shell completions are written from.
#pragma once

#include <string>
#include <vector>

#include "cli/manual.hpp"

namespace ror::docgen {

// What a shell can offer for a value.
enum class ValueKind {
  none,    // a flag: no value
  choice,  // one of `values`
  path,    // a file name: the option's type is FILE (what --help shows)
  other,   // a number, a date, a name: nothing to offer
};

struct OptionModel {
  std::vector<std::string> names;  // "-f", "--format"; empty for a positional
  std::string positional;          // "files"; empty for an option
  std::string description;
  std::string type;  // what --help shows after the names, "TEXT", "UINT"; empty for a flag
  ValueKind kind = ValueKind::none;
  std::vector<std::string> values;  // for ValueKind::choice
  std::string default_value;        // as --help shows it, when it does
  bool repeatable = false;
  bool required = false;
  bool is_help_or_version = false;  // -h, -V: on every command
};

struct CommandModel {
  std::string name;
  std::string description;
  std::vector<OptionModel> options;      // help and version first, as CLI11 declares them
  std::vector<OptionModel> positionals;  // in order
};

struct CliModel {
  std::string name;                     // "ror"
  std::string version;                  // "0.2.0"
  std::vector<OptionModel> options;     // of ror itself (help and version)
  std::vector<CommandModel> commands;   // the table's, then `help` (see cli::kHelpCommand)
  const cli::Manual* manual = nullptr;  // exit codes, environment, examples
};

// Builds the app as ror does and reads it.
CliModel read_cli();

// "ror score [OPTIONS] [FILES...]"
std::string synopsis(const CliModel& cli, const CommandModel& command);

}  // namespace ror::docgen
