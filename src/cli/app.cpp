// The entry point of the command line: the table of subcommands, parsing, and the single place
// where every error becomes "ror: error: ..." plus an exit code.
#include <unistd.h>

#include <array>
#include <iostream>
#include <new>

#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include "cli/command.hpp"
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

constexpr std::array<CommandEntry, 4> kCommands = {{
    {"score", "Score exports: ROI reach against Return on Relationship, plus hygiene",
     cli::make_score_command},
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

int run(const std::vector<std::string>& args, const cli::Streams& streams) {
  CLI::App app{"ror: Return on Relationship scorer for social-media exports", "ror"};
  app.set_version_flag("--version", std::string(kVersion));
  app.require_subcommand(1);
  std::vector<std::unique_ptr<cli::Command>> commands;
  std::vector<CLI::App*> subs;
  for (const CommandEntry& entry : kCommands) {
    commands.push_back(entry.make());
    subs.push_back(app.add_subcommand(entry.name, entry.description));
    commands.back()->setup(*subs.back());
  }
  std::vector<std::string> reversed(args.rbegin(), args.rend() - 1);
  try {
    app.parse(reversed);
  } catch (const CLI::CallForHelp&) {
    // Help for the subcommand it was asked of, else for ror itself.
    for (CLI::App* sub : subs) {
      if (sub->parsed()) {
        streams.out << sub->help();
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
      message = "a subcommand is required: score, convert, formats or explain (see ror --help)";
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

int run_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  try {
    const cli::Streams streams{out, err, &out == &std::cout && ::isatty(STDOUT_FILENO) == 1,
                               &err == &std::cerr && ::isatty(STDERR_FILENO) == 1};
    return run(args, streams);
  } catch (const Error& e) {
    return fail(err, e.code(), e.what());
  } catch (const std::bad_alloc&) {
    return fail(err, ExitCode::bad_input, "out of memory");
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
