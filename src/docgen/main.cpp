// ror_docgen: writes the man page and the shell completions of ror from the CLI11 app ror parses
// with, at build time. A program of its own, so that the installed ror carries none of it.
//
//   ror_docgen [--date DATE] [--man FILE] [--bash FILE] [--zsh FILE] [--fish FILE]
#include <cstdio>
#include <fstream>
#include <functional>
#include <iostream>
#include <string>

#include "docgen/outputs.hpp"

namespace {

int usage() {
  std::cerr << "usage: ror_docgen [--date DATE] [--man FILE] [--bash FILE] [--zsh FILE] "
               "[--fish FILE]\n";
  return 2;
}

// Writes beside the target and renames, so that a failed run never leaves a partial file for
// the build to take as up to date.
bool write_file(const std::string& path, const std::string& text) {
  const std::string temporary = path + ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out.flush()) {
      std::cerr << "ror_docgen: cannot write " << temporary << '\n';
      return false;
    }
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    std::cerr << "ror_docgen: cannot rename " << temporary << " to " << path << '\n';
    return false;
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  using ror::docgen::CliModel;
  std::string date;
  std::vector<std::pair<std::string, std::function<std::string(const CliModel&)>>> outputs;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (i + 1 == argc) {
      return usage();
    }
    const std::string value = argv[++i];
    if (arg == "--date") {
      date = value;
    } else if (arg == "--man") {
      outputs.emplace_back(
          value, [&date](const CliModel& cli) { return ror::docgen::man_page(cli, date); });
    } else if (arg == "--bash") {
      outputs.emplace_back(value, ror::docgen::bash_completion);
    } else if (arg == "--zsh") {
      outputs.emplace_back(value, ror::docgen::zsh_completion);
    } else if (arg == "--fish") {
      outputs.emplace_back(value, ror::docgen::fish_completion);
    } else {
      return usage();
    }
  }
  const CliModel cli = ror::docgen::read_cli();
  for (const auto& [path, render] : outputs) {
    if (!write_file(path, render(cli))) {
      return 1;
    }
  }
  return 0;
}
