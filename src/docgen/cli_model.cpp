// Reads the CLI11 app of cli::make_app into plain data: every visible option of ror and of each
// subcommand, what kind of value it takes and, where there is a fixed set, its values.
#include "docgen/cli_model.hpp"

#include <algorithm>
#include <cctype>

#include "cli/app.hpp"
#include "ror/version.hpp"

namespace ror::docgen {
namespace {

// CLI::IsMember describes its set as "{a,b,c}" (what --help shows after the type), and so does
// cli::completion_values, inactive; the set is read back from that description.
std::vector<std::string> fixed_values(CLI::Option& option) {
  std::vector<std::string> values;
  for (int i = 0;; ++i) {
    CLI::Validator validator;
    try {
      validator = *option.get_validator(i);
    } catch (const CLI::OptionNotFound&) {
      break;
    }
    validator.active(true);
    const std::string set = validator.get_description();
    if (set.size() < 2 || set.front() != '{' || set.back() != '}') {
      continue;  // a range, a file check: no list of values
    }
    std::size_t start = 1;
    while (start < set.size()) {
      std::size_t end = set.find(',', start);
      if (end == std::string::npos) {
        end = set.size() - 1;
      }
      std::string value = set.substr(start, end - start);
      if (!value.empty() && std::find(values.begin(), values.end(), value) == values.end()) {
        values.push_back(std::move(value));
      }
      start = end + 1;
    }
  }
  return values;
}

// "TEXT:{table,json}" -> "TEXT", "UINT:INT in [0 - 1000000]" -> "UINT".
std::string base_type(const CLI::Option& option) {
  const std::string full = option.get_type_name();
  return full.substr(0, full.find(':'));
}

// Options name their value FILE (CLI::Option::type_name) where they take a path; CLI11's own
// names (TEXT, UINT) say nothing of it.
bool is_path_type(const std::string& type) {
  return type == "FILE" || type == "DIR" || type == "PATH";
}

OptionModel read_option(CLI::App& app, CLI::Option& option) {
  OptionModel m;
  for (const std::string& s : option.get_snames()) {
    m.names.push_back("-" + s);
  }
  for (const std::string& l : option.get_lnames()) {
    m.names.push_back("--" + l);
  }
  if (m.names.empty()) {
    m.positional = option.get_name();
  }
  m.description = option.get_description();
  m.required = option.get_required();
  m.is_help_or_version = &option == app.get_help_ptr() || &option == app.get_version_ptr();
  // A flag expects no value; a vector (repeatable) more than one in all.
  if (option.get_items_expected_max() == 0) {
    return m;
  }
  m.repeatable = option.get_items_expected_max() > 1;
  m.type = base_type(option);
  m.default_value = option.get_default_str();
  m.values = fixed_values(option);
  m.kind = !m.values.empty()      ? ValueKind::choice
           : is_path_type(m.type) ? ValueKind::path
                                  : ValueKind::other;
  return m;
}

// The visible options (CLI11 hides those without a group) in declaration order.
void read_options(CLI::App& app, std::vector<OptionModel>& options,
                  std::vector<OptionModel>& positionals) {
  for (CLI::Option* option : app.get_options()) {
    if (option->get_group().empty()) {
      continue;
    }
    OptionModel m = read_option(app, *option);
    (m.positional.empty() ? options : positionals).push_back(std::move(m));
  }
}

std::string upper(std::string s) {
  for (char& c : s) {
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return s;
}

}  // namespace

CliModel read_cli() {
  cli::CliApp cli = cli::make_app();
  CliModel model;
  model.name = cli.app->get_name();
  model.version = std::string(kVersion);
  model.manual = &cli::manual();
  std::vector<OptionModel> no_positionals;
  read_options(*cli.app, model.options, no_positionals);
  for (CLI::App* sub : cli.subcommands) {
    CommandModel command;
    command.name = sub->get_name();
    command.description = sub->get_description();
    read_options(*sub, command.options, command.positionals);
    model.commands.push_back(std::move(command));
  }
  // `ror help COMMAND` is the one command run_cli handles before CLI11 sees it.
  CommandModel help;
  help.name = std::string(cli::kHelpCommand);
  help.description = std::string(cli::kHelpDescription);
  OptionModel topic;
  topic.positional = "command";
  topic.description = "A command";
  topic.kind = ValueKind::choice;
  topic.type = "TEXT";
  for (const CommandModel& c : model.commands) {
    topic.values.push_back(c.name);
  }
  help.positionals.push_back(std::move(topic));
  model.commands.push_back(std::move(help));
  return model;
}

std::string synopsis(const CliModel& cli, const CommandModel& command) {
  std::string s = cli.name + " " + command.name;
  const bool options = std::any_of(command.options.begin(), command.options.end(),
                                   [](const OptionModel& o) { return !o.is_help_or_version; });
  if (options) {
    s += " [OPTIONS]";
  }
  for (const OptionModel& p : command.positionals) {
    const std::string name = upper(p.positional) + (p.repeatable ? "..." : "");
    s += p.required ? " " + name : " [" + name + "]";
  }
  return s;
}

}  // namespace ror::docgen
