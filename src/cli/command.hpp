// A subcommand: it declares its options on a CLI11 sub-app, then runs with the parsed values.
// Each subcommand is one file; app.cpp holds the table of them.
#pragma once

#include <CLI/CLI.hpp>

#include <memory>
#include <ostream>

#include "ror/error.hpp"

namespace ror::cli {

// The streams a command writes to: data on out, messages (through the logger) on err.
struct Streams {
  std::ostream& out;
  std::ostream& err;
  bool out_is_terminal = false;
  bool err_is_terminal = false;
};

class Command {
 public:
  virtual ~Command() = default;
  // Declares the command's options and positionals on its sub-app.
  virtual void setup(CLI::App& app) = 0;
  // Runs after a successful parse; errors are thrown as ror::Error.
  virtual ExitCode run(const Streams& streams) = 0;
};

std::unique_ptr<Command> make_score_command();
std::unique_ptr<Command> make_compare_command();
std::unique_ptr<Command> make_explain_command();
std::unique_ptr<Command> make_formats_command();
std::unique_ptr<Command> make_convert_command();
std::unique_ptr<Command> make_audience_command();
std::unique_ptr<Command> make_report_command();

// Sets up the "ror" logger on err: warnings by default, errors only with quiet, debug with
// verbose.
void configure_logging(std::ostream& err, bool quiet, bool verbose);

// Whether to colour: --color mode, NO_COLOR, CLICOLOR_FORCE, TERM=dumb and whether the output is
// a terminal.
bool use_color(const std::string& mode, bool to_terminal);

// The table's width: 80 columns, or the terminal's when it is wider (at most 160); always 80
// when the output is not a terminal, so that files and pipes get the same bytes.
std::size_t output_width(bool to_terminal);

}  // namespace ror::cli
