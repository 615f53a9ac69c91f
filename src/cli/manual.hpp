// What `ror --help` and the man page ror(1) both say beyond the options: what ror is, its exit
// codes, environment variables and examples. One table, rendered by each, so they cannot drift.
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace ror::cli {

// A term and what it means: an exit code, an environment variable.
struct ManualItem {
  std::string_view term;  // "2", "NO_COLOR"
  std::string_view text;  // "usage error"
};

struct ManualExample {
  std::string_view command;  // as typed at a shell
  std::string_view what;     // what it does (the man page says it; --help shows the command only)
};

struct Manual {
  std::string_view summary;      // one line: --help's first line, the man page's NAME
  std::string_view description;  // the man page's DESCRIPTION: paragraphs split by "\n\n"
  std::span<const ManualItem> exit_codes;
  std::span<const ManualItem> environment;
  std::span<const ManualExample> examples;
  std::string_view more;  // where to read on (--help's last line, the man page's SEE ALSO)
};

const Manual& manual();

// The footer of every --help: exit codes and environment two to a line (one when two do not
// fit in 80 columns), the examples' commands, where to read on.
std::string help_footer(const Manual& manual);

}  // namespace ror::cli
