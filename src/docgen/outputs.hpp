// What ror_docgen writes from the command line's model: the man page and three completions.
#pragma once

#include <string>
#include <string_view>

#include "docgen/cli_model.hpp"

namespace ror::docgen {

// ror(1) in roff; `date` goes in its header line.
std::string man_page(const CliModel& cli, std::string_view date);

// Completion scripts: bash's for bash-completion's completions/ folder (or `source`), zsh's
// `_ror` for a folder of $fpath, fish's for vendor_completions.d (or `source`).
std::string bash_completion(const CliModel& cli);
std::string zsh_completion(const CliModel& cli);
std::string fish_completion(const CliModel& cli);

}  // namespace ror::docgen
