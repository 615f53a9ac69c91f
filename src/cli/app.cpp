// The entry point of the command line: the table of subcommands, the CLI11 app made from it
// (make_app, which the man page and completion generator shares), parsing, and the single place
// where every error becomes "ror: error: ..." plus an exit code.
#include <unistd.h>

#include <algorithm>
#include <array>
#include <iostream>
#include <new>

#include <fmt/format.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include "cli/app.hpp"
#include "cli/command.hpp"
#include "cli/manual.hpp"
#include "ror/cli.hpp"
#include "ror/ingest.hpp"
#include "ror/text.hpp"
#include "ror/version.hpp"

namespace ror {
namespace {

struct CommandEntry {
  const char* name;
  const char* description;
  std::unique_ptr<cli::Command> (*make)();
};

constexpr std::array<CommandEntry, 7> kCommands = {{
    {"score", "Score exports: ROI reach against Return on Relationship, plus hygiene",
     cli::make_score_command},
    {"report", "Draw the report as one self-contained HTML page with charts (-o report.html)",
     cli::make_report_command},
    {"audience", "Know the audience: one row per commenter, with level and RFM code",
     cli::make_audience_command},
    {"compare", "Compare two exports, or one before and after a date: every figure's change",
     cli::make_compare_command},
    {"convert", "Write what the importers read as ror/v1 (a document, or NDJSON)",
     cli::make_convert_command},
    {"formats", "List the input formats ror reads, and what each cannot know",
     cli::make_formats_command},
    {"explain", "Explain a metric (or all of them) and how the scores are made",
     cli::make_explain_command},
}};

int fail(std::ostream& err, ExitCode code, std::string_view message) {
  err << "ror: error: " << visible_text(message) << '\n';  // (messages quote inputs)
  return static_cast<int>(code);
}

// The command names, for suggestions.
std::vector<std::string_view> command_names() {
  std::vector<std::string_view> names;
  for (const CommandEntry& entry : kCommands) {
    names.emplace_back(entry.name);
  }
  return names;
}

// "score, audience, convert, formats or explain".
std::string command_list() {
  std::string list;
  for (std::size_t i = 0; i < kCommands.size(); ++i) {
    list += i == 0 ? "" : i + 1 == kCommands.size() ? " or " : ", ";
    list += kCommands[i].name;
  }
  return list;
}

// "unknown command 'scroe'; did you mean 'score'?"
std::string unknown_command(std::string_view name) {
  const std::vector<std::string_view> names = command_names();
  const auto near = nearest_name(name, names);
  return fmt::format("unknown command '{}'{}; the commands are {} (see ror --help)", name,
                     near ? fmt::format(" (did you mean '{}'?)", *near) : "", command_list());
}

int run(std::vector<std::string> args, const cli::Streams& streams) {
  cli::CliApp cli = cli::make_app();
  CLI::App& app = *cli.app;
  const std::vector<std::unique_ptr<cli::Command>>& commands = cli.commands;
  const std::vector<CLI::App*>& subs = cli.subcommands;
  // `ror help [COMMAND]` is `ror [COMMAND] --help`; a first word that names no command (nor an
  // option) is refused with the nearest name.
  if (args.size() > 1 && args[1] == cli::kHelpCommand) {
    args.erase(args.begin() + 1);
    args.emplace_back("--help");
  }
  if (args.size() > 1 && !args[1].empty() && args[1][0] != '-') {
    const std::vector<std::string_view> names = command_names();
    if (std::find(names.begin(), names.end(), args[1]) == names.end()) {
      return fail(streams.err, ExitCode::usage, unknown_command(args[1]));
    }
  }
  std::vector<std::string> reversed(args.rbegin(), args.rend() - 1);
  try {
    app.parse(reversed);
  } catch (const CLI::CallForHelp&) {
    // Help for the subcommand it was asked of, else for ror itself.
    for (CLI::App* sub : subs) {
      if (sub->parsed()) {
        // (CLI11 names a subcommand alone in its usage line: "Usage: score"; people type "ror")
        std::string help = sub->help();
        const std::string usage = "Usage: " + sub->get_name();
        if (const std::size_t at = help.find(usage); at != std::string::npos) {
          help.replace(at, usage.size(), "Usage: ror " + sub->get_name());
        }
        streams.out << help;
        return 0;
      }
    }
    streams.out << app.help();
    return 0;
  } catch (const CLI::CallForVersion&) {
    streams.out << "ror " << kVersion << '\n';
    std::string importers;
    for (const FormatInfo& f : input_formats()) {
      importers += (importers.empty() ? "" : ", ") + f.name;
    }
    streams.out << "importers: " << importers << '\n';
    for (const std::string& feature : input_features()) {
      streams.out << "built with: " << feature << '\n';
    }
    return 0;
  } catch (const CLI::ParseError& e) {
    // Help asked of a subcommand arrives as CallForHelp too; everything else is a usage error.
    if (e.get_exit_code() == 0) {
      streams.out << app.help();
      return 0;
    }
    std::string message = e.what();
    if (dynamic_cast<const CLI::RequiredError*>(&e) != nullptr && app.get_subcommands().empty()) {
      message = fmt::format("a subcommand is required: {} (see ror --help)", command_list());
    }
    return fail(streams.err, ExitCode::usage, message);
  }
  for (std::size_t i = 0; i < subs.size(); ++i) {
    if (subs[i]->parsed()) {
      return static_cast<int>(commands[i]->run(streams));
    }
  }
  return fail(streams.err, ExitCode::usage, "no subcommand given");
}

}  // namespace

namespace cli {

CliApp make_app() {
  CliApp cli;
  const std::string footer = help_footer(manual());
  cli.app = std::make_unique<CLI::App>(fmt::format("ror: {}", manual().summary), "ror");
  cli.app->set_version_flag("-V,--version", std::string(kVersion));
  cli.app->require_subcommand(1);
  cli.app->footer(footer);
  for (const CommandEntry& entry : kCommands) {
    cli.commands.push_back(entry.make());
    cli.subcommands.push_back(cli.app->add_subcommand(entry.name, entry.description));
    cli.subcommands.back()->set_version_flag("-V,--version", std::string(kVersion));
    cli.subcommands.back()->footer(footer);
    cli.commands.back()->setup(*cli.subcommands.back());
  }
  return cli;
}

CLI::Validator completion_values(const std::vector<std::string>& values) {
  std::string set = "{";
  for (const std::string& v : values) {
    set += (set.size() > 1 ? "," : "") + v;
  }
  set += '}';
  CLI::Validator hint([](std::string&) { return std::string(); }, set,
                      std::string(kCompletionValues));
  return hint.active(false);
}

}  // namespace cli

int run_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  try {
    const cli::Streams streams{out, err, &out == &std::cout && ::isatty(STDOUT_FILENO) == 1,
                               &err == &std::cerr && ::isatty(STDERR_FILENO) == 1};
    return run(args, streams);
  } catch (const Error& e) {
    return fail(err, e.code(), e.what());
  } catch (const std::bad_alloc&) {
    // (the load names its place itself; here nothing that allocates)
    err << "ror: error: out of memory\n";
    return static_cast<int>(ExitCode::out_of_memory);
  } catch (const std::exception& e) {
    return fail(err, ExitCode::bad_input, std::string("internal error: ") + e.what());
  }
}

int run_cli(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  std::vector<std::string> args(argv, argv + argc);
  const int code = run_cli(args, std::cout, std::cerr);
  spdlog::shutdown();
  return code;
}

}  // namespace ror
