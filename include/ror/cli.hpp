// The command-line layer: argument parsing, dispatch, rendering, and the one place where errors
// become "ror: error: ..." and an exit code.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace ror {

// Runs `ror` with args (args[0] is the program name), writing data to out and messages to err.
// Returns the process exit code; never throws.
int run_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

// The same for main(): standard streams.
int run_cli(int argc, char** argv);

}  // namespace ror
