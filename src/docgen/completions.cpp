// The bash, zsh and fish completions of ror, written from the command line's model: commands,
// each command's options, the values of options that take one of a set, files where a file
// name is the likeliest value.
#include <sstream>

#include "docgen/outputs.hpp"

namespace ror::docgen {
namespace {

std::string join(const std::vector<std::string>& words, std::string_view separator = " ") {
  std::string out;
  for (const std::string& w : words) {
    out += (out.empty() ? "" : std::string(separator)) + w;
  }
  return out;
}

std::vector<std::string> command_names(const CliModel& cli) {
  std::vector<std::string> names;
  for (const CommandModel& c : cli.commands) {
    names.push_back(c.name);
  }
  return names;
}

std::vector<std::string> option_names(const std::vector<OptionModel>& options) {
  std::vector<std::string> names;
  for (const OptionModel& o : options) {
    names.insert(names.end(), o.names.begin(), o.names.end());
  }
  return names;
}

// "format" for --format, "f" for -f alone, "files" for a positional: what a value stands for.
std::string value_name(const OptionModel& o) {
  if (!o.positional.empty()) {
    return o.positional;
  }
  for (const std::string& n : o.names) {
    if (n.starts_with("--")) {
      return n.substr(2);
    }
  }
  return o.names.empty() ? "value" : o.names.front().substr(1);
}

// Only a command's positionals say what its bare words are; ror's commands have one at most.
const OptionModel* first_positional(const CommandModel& c) {
  return c.positionals.empty() ? nullptr : &c.positionals.front();
}

// ---- bash ----------------------------------------------------------------------------------

// A word list inside double quotes.
std::string bash_quoted(const std::vector<std::string>& words) {
  std::string out = "\"";
  for (const char ch : join(words)) {
    if (ch == '"' || ch == '\\' || ch == '$' || ch == '`') {
      out += '\\';
    }
    out += ch;
  }
  return out + "\"";
}

// What to reply for a value of `o` (an option's or a positional's), as one bash command.
std::string bash_value(const OptionModel& o) {
  switch (o.kind) {
    case ValueKind::choice:
      return "_ror_words " + bash_quoted(o.values);
    case ValueKind::path:
      return "_ror_files";
    case ValueKind::none:
    case ValueKind::other:
      break;
  }
  return ":";
}

void bash_command(std::ostream& out, const std::string& pattern,
                  const std::vector<OptionModel>& options, const OptionModel* positional,
                  const std::string& bare_words) {
  out << "    " << pattern << ")\n";
  bool any_value = false;
  for (const OptionModel& o : options) {
    any_value = any_value || o.kind != ValueKind::none;
  }
  if (any_value) {
    out << "      case \"$prev\" in\n";
    for (const OptionModel& o : options) {
      if (o.kind != ValueKind::none) {
        out << "        " << join(o.names, " | ") << ") " << bash_value(o) << "; return ;;\n";
      }
    }
    out << "      esac\n";
  }
  // Options for a word that starts like one, or for any word when there is nothing else.
  if (bare_words.empty() && positional == nullptr) {
    out << "      _ror_words " << bash_quoted(option_names(options)) << "\n      ;;\n";
    return;
  }
  out << "      if [[ $cur == -* ]]; then\n"
      << "        _ror_words " << bash_quoted(option_names(options)) << "\n      else\n        "
      << (bare_words.empty() ? bash_value(*positional) : bare_words) << "\n      fi\n      ;;\n";
}

// ---- zsh -----------------------------------------------------------------------------------

// A word for inside single quotes.
std::string zsh_single(std::string_view text) {
  std::string out;
  for (const char ch : text) {
    out += ch == '\'' ? std::string("'\\''") : std::string(1, ch);
  }
  return out;
}

// Backslashes before the characters that end the part of a spec they are in.
std::string zsh_escape(std::string_view text, std::string_view specials) {
  std::string out;
  for (const char ch : text) {
    if (ch == '\\' || specials.find(ch) != std::string_view::npos) {
      out += '\\';
    }
    out += ch;
  }
  return out;
}

// ":format:(table json)" after an option or as a positional's spec.
std::string zsh_argument(const OptionModel& o) {
  std::string action;
  switch (o.kind) {
    case ValueKind::choice: {
      std::vector<std::string> values;
      for (const std::string& v : o.values) {
        values.push_back(zsh_escape(v, " ():'\"$`"));
      }
      action = "(" + join(values) + ")";
      break;
    }
    case ValueKind::path:
      action = "_files";
      break;
    case ValueKind::none:
    case ValueKind::other:
      action = " ";  // (the message alone: nothing to complete)
      break;
  }
  return ":" + zsh_escape(value_name(o), ":") + ":" + action;
}

// One _arguments spec per name: '(-f --format)--format=[Output format]:format:(table json)'.
// `more`: further specs follow, so the last line continues too.
void zsh_specs(std::ostream& out, const std::vector<OptionModel>& options,
               const std::vector<OptionModel>& positionals, bool more) {
  std::vector<std::string> specs;
  for (const OptionModel& o : options) {
    std::string exclude;
    if (o.is_help_or_version) {
      exclude = "(- *)";  // nothing follows them
    } else if (o.repeatable) {
      exclude = "*";
    } else if (o.names.size() > 1) {
      exclude = "(" + join(o.names) + ")";
    }
    for (const std::string& n : o.names) {
      std::string spec = exclude + n;
      if (o.kind != ValueKind::none) {
        spec += n.starts_with("--") ? "=" : "+";  // --format=json or --format json; -fjson, -f json
      }
      spec += "[" + zsh_escape(o.description, "[]") + "]";
      if (o.kind != ValueKind::none) {
        spec += zsh_argument(o);
      }
      specs.push_back(std::move(spec));
    }
  }
  for (const OptionModel& p : positionals) {
    specs.push_back((p.repeatable ? "*" : p.required ? "" : ":") + zsh_argument(p));
  }
  for (std::size_t i = 0; i < specs.size(); ++i) {
    out << "    '" << zsh_single(specs[i]) << "'" << (more || i + 1 < specs.size() ? " \\" : "")
        << '\n';
  }
}

// ---- fish ----------------------------------------------------------------------------------

std::string fish_quoted(std::string_view text) {
  std::string out = "'";
  for (const char ch : text) {
    if (ch == '\\' || ch == '\'') {
      out += '\\';
    }
    out += ch;
  }
  return out + "'";
}

void fish_option(std::ostream& out, const std::string& condition, const OptionModel& o) {
  out << "complete -c ror -n " << fish_quoted(condition);
  for (const std::string& n : o.names) {
    out << (n.starts_with("--") ? " -l " + n.substr(2) : " -s " + n.substr(1));
  }
  switch (o.kind) {
    case ValueKind::choice:
      out << " -x -a " << fish_quoted(join(o.values));
      break;
    case ValueKind::path:
      out << " -r -F";
      break;
    case ValueKind::other:
      out << " -x";
      break;
    case ValueKind::none:
      break;
  }
  out << " -d " << fish_quoted(o.description) << '\n';
}

void fish_positional(std::ostream& out, const std::string& condition, const OptionModel& p) {
  switch (p.kind) {
    case ValueKind::choice:
      out << "complete -c ror -n " << fish_quoted(condition) << " -a "
          << fish_quoted(join(p.values)) << '\n';
      break;
    case ValueKind::path:
      out << "complete -c ror -n " << fish_quoted(condition) << " -F\n";
      break;
    case ValueKind::none:
    case ValueKind::other:
      break;
  }
}

}  // namespace

std::string bash_completion(const CliModel& cli) {
  std::ostringstream out;
  out << "# bash completion for ror(1), written by ror_docgen from ror's command line: do not "
         "edit.\n"
         "# bash-completion loads it from its completions/ folder on first use; `source` works "
         "too.\n\n"
         "# (cur is the caller's: bash scopes locals dynamically)\n"
         "_ror_words() {\n"
         "  mapfile -t COMPREPLY < <(compgen -W \"$1\" -- \"$cur\")\n"
         "}\n\n"
         "_ror_files() {\n"
         "  compopt -o filenames 2>/dev/null\n"
         "  mapfile -t COMPREPLY < <(compgen -f -- \"$cur\")\n"
         "}\n\n"
         "_ror() {\n"
         "  local cur=\"${COMP_WORDS[COMP_CWORD]}\" prev=\"\" command=\"\" i\n"
         "  if ((COMP_CWORD > 0)); then prev=\"${COMP_WORDS[COMP_CWORD - 1]}\"; fi\n"
         "  # bash cuts --option=value at the '=' (COMP_WORDBREAKS): the value is for the option.\n"
         "  if [[ $cur == \"=\" ]]; then\n"
         "    cur=\"\"\n"
         "  elif [[ $prev == \"=\" ]] && ((COMP_CWORD > 1)); then\n"
         "    prev=\"${COMP_WORDS[COMP_CWORD - 2]}\"\n"
         "  fi\n"
         "  COMPREPLY=()\n"
         "  # The command is the first word that is neither an option nor an option's value.\n"
         "  for ((i = 1; i < COMP_CWORD; i++)); do\n"
         "    case \"${COMP_WORDS[i]}\" in\n";
  std::vector<std::string> global_values;
  for (const OptionModel& o : cli.options) {
    if (o.kind != ValueKind::none) {
      global_values.insert(global_values.end(), o.names.begin(), o.names.end());
    }
  }
  if (!global_values.empty()) {
    out << "      " << join(global_values, " | ") << ") ((i++)) ;;\n";
  }
  out << "      -* | =) ;;\n"
         "      *)\n"
         "        command=\"${COMP_WORDS[i]}\"\n"
         "        break\n"
         "        ;;\n"
         "    esac\n"
         "  done\n"
         "  case \"$command\" in\n";
  bash_command(out, "\"\"", cli.options, nullptr, "_ror_words " + bash_quoted(command_names(cli)));
  for (const CommandModel& c : cli.commands) {
    bash_command(out, c.name, c.options, first_positional(c), "");
  }
  out << "  esac\n"
         "}\n\n"
         "complete -F _ror ror\n";
  return out.str();
}

std::string zsh_completion(const CliModel& cli) {
  std::ostringstream out;
  out << "#compdef ror\n"
         "# zsh completion for ror(1), written by ror_docgen from ror's command line: do not "
         "edit.\n"
         "# compinit finds it in a folder of $fpath (Debian: /usr/share/zsh/vendor-completions).\n";
  for (const CommandModel& c : cli.commands) {
    out << "\n_ror_" << c.name << "() {\n  _arguments -s -S \\\n";
    zsh_specs(out, c.options, c.positionals, false);
    out << "}\n";
  }
  out << "\n_ror() {\n"
         "  local curcontext=\"$curcontext\" state line ret=1\n"
         "  typeset -A opt_args\n"
         "  _arguments -C \\\n";
  zsh_specs(out, cli.options, {}, true);
  out << "    '1: :->command' \\\n"
         "    '*:: :->argument' && ret=0\n"
         "  case $state in\n"
         "    command)\n"
         "      local -a commands\n"
         "      commands=(\n";
  for (const CommandModel& c : cli.commands) {
    out << "        '" << zsh_single(zsh_escape(c.name, ":") + ":" + c.description) << "'\n";
  }
  out << "      )\n"
         "      _describe -t commands 'ror command' commands && ret=0\n"
         "      ;;\n"
         "    argument)\n"
         "      curcontext=\"${curcontext%:*:*}:ror-$words[1]:\"\n"
         "      case $words[1] in\n";
  for (const CommandModel& c : cli.commands) {
    out << "        " << c.name << ") _ror_" << c.name << " && ret=0 ;;\n";
  }
  out << "      esac\n"
         "      ;;\n"
         "  esac\n"
         "  return ret\n"
         "}\n\n"
         "# Autoloaded, this file is the body of _ror: it defines the functions above and runs "
         "the\n"
         "# completion; sourced, it registers _ror when compinit has run.\n"
         "if [[ $funcstack[1] == _ror ]]; then\n"
         "  _ror \"$@\"\n"
         "elif (( $+functions[compdef] )); then\n"
         "  compdef _ror ror\n"
         "fi\n";
  return out.str();
}

std::string fish_completion(const CliModel& cli) {
  std::ostringstream out;
  const std::string commands = join(command_names(cli));
  const std::string top = "not __fish_seen_subcommand_from " + commands;
  out << "# fish completion for ror(1), written by ror_docgen from ror's command line: do not "
         "edit.\n"
         "# fish loads it from vendor_completions.d on first use; `source` works too.\n\n"
         "# No file names but where an option or a command takes them.\n"
         "complete -c ror -f\n";
  for (const CommandModel& c : cli.commands) {
    out << "complete -c ror -n " << fish_quoted(top) << " -a " << c.name << " -d "
        << fish_quoted(c.description) << '\n';
  }
  for (const OptionModel& o : cli.options) {
    fish_option(out, top, o);
  }
  for (const CommandModel& c : cli.commands) {
    const std::string condition = "__fish_seen_subcommand_from " + c.name;
    out << '\n';
    for (const OptionModel& o : c.options) {
      fish_option(out, condition, o);
    }
    for (const OptionModel& p : c.positionals) {
      fish_positional(out, condition, p);
    }
  }
  return out.str();
}

}  // namespace ror::docgen
