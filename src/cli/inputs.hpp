// The input side shared by the subcommands that read exports (score, compare, convert): their
// options, the load, and writing a result to -o FILE or standard output.
#pragma once

#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "cli/command.hpp"
#include "ror/ingest.hpp"

namespace ror::cli {

// What the command line says about the inputs.
struct InputArgs {
  std::vector<std::string> files;
  std::vector<std::string> accounts;
  std::string from;
  std::string since;
  std::string until;
  std::size_t threads = 0;
  bool quiet = false;
  bool verbose = false;
};

// Declares the options that choose and read inputs, and the positional files.
void add_input_options(CLI::App& app, InputArgs& args, const std::string& files_help);

// A time the command line gives (YYYY-MM-DD or RFC 3339; a bare date is its day's first
// millisecond, or with end_of_day its last), nullopt for "". Throws ror::Error (usage) naming
// `flag` when it is neither.
std::optional<TimeMs> time_bound(const std::string& text, const char* flag, bool end_of_day);

// The load options they give. Throws ror::Error (usage) for a bad time or an unknown --from.
LoadOptions load_options(const InputArgs& args);

// Loads the inputs (standard input when none is named), with the progress line on a terminal
// and the -v timings.
Dataset load_inputs(InputArgs& args, LoadOptions options, const Streams& streams);

// Logs the warnings and notes of a load: data warnings, an inferred account, foreign posts.
void report_load(const Dataset& data);

// What the command line says about the output: its format, -o FILE and colour.
struct OutputArgs {
  std::string format;  // the first of the command's formats unless given
  std::string path;
  std::string color = "auto";
};

// Declares --format (one of `formats`, any case; the first is the default), -o and --color.
void add_output_options(CLI::App& app, OutputArgs& args, const std::vector<std::string>& formats,
                        const std::string& what);

// Where a result goes (-o FILE, or standard output for "" and "-"), opened before the load so
// that a bad path fails at once. A file is written as a temporary file beside it and renamed
// into place when complete, so a failure or Ctrl-C never leaves it partial or emptied.
class Output {
 public:
  // Opens the target. Throws ror::Error: usage when `path` names one of `inputs` (it would be
  // overwritten), output_failed when the temporary file cannot be made (with the reason).
  Output(const std::string& path, const std::vector<std::string>& inputs, const Streams& streams);
  ~Output();
  Output(const Output&) = delete;
  Output& operator=(const Output&) = delete;

  // Writes the result through `write` and puts it in place. Throws ror::Error (output_failed)
  // naming the reason when a write fails ("No space left on device").
  void write(const std::function<void(std::ostream&, bool to_terminal)>& write);

 private:
  // Gives the Ctrl-C handler's slot back (the temporary file is gone or in place).
  void release();

  std::string path_;  // "" for standard output
  std::string temporary_;
  char* slot_ = nullptr;  // the Ctrl-C handler's copy of temporary_
  const Streams& streams_;
};

}  // namespace ror::cli
