// ror(1) in roff (the man macros), written from the command line's model and the manual's table.
#include "docgen/outputs.hpp"

#include <algorithm>
#include <cctype>
#include <sstream>

namespace ror::docgen {
namespace {

// Text as roff reads it literally: backslashes and hyphens escaped (a hyphen in an option must
// stay a hyphen-minus that can be copied), apostrophes and backquotes as such rather than
// typographic quotes, and a control character at a line's start made text.
std::string roff(std::string_view text) {
  std::string out;
  bool line_start = true;
  for (const char c : text) {
    if (line_start && (c == '.' || c == '\'')) {
      out += "\\&";
    }
    line_start = c == '\n';
    switch (c) {
      case '\\':
        out += "\\e";
        break;
      case '-':
        out += "\\-";
        break;
      case '\'':
        out += "\\(aq";
        break;
      case '`':
        out += "\\(ga";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string upper(std::string_view text) {
  std::string out;
  for (const char c : text) {
    out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return out;
}

std::string bold(std::string_view text) {
  return "\\fB" + roff(text) + "\\fR";
}

std::string italic(std::string_view text) {
  return "\\fI" + roff(text) + "\\fR";
}

// "ror score [OPTIONS] [FILES...]" with the words typed in bold and the placeholders in italics.
std::string synopsis_line(const CliModel& cli, const CommandModel& command) {
  std::string line = bold(cli.name + " " + command.name);
  const std::string plain = synopsis(cli, command);
  std::string rest = plain.substr(cli.name.size() + 1 + command.name.size());
  // The rest is " [OPTIONS] [FILES...]": brackets and dots plain, names in italics.
  std::string word;
  auto flush = [&] {
    if (!word.empty()) {
      line += italic(word);
      word.clear();
    }
  };
  for (const char c : rest) {
    if (c == ' ' || c == '[' || c == ']' || c == '.') {
      flush();
      line += c;
    } else {
      word += c;
    }
  }
  flush();
  return line;
}

// "\fB\-f\fR, \fB\-\-format\fR \fITEXT\fR", or "\fIFILES\fR..." for a positional.
std::string option_term(const OptionModel& o) {
  if (!o.positional.empty()) {
    return italic(upper(o.positional)) + (o.repeatable ? "..." : "");
  }
  std::string term;
  for (const std::string& n : o.names) {
    term += (term.empty() ? "" : ", ") + bold(n);
  }
  if (!o.type.empty()) {
    term += " " + italic(o.type);
  }
  return term;
}

// The option's help line, then its values and default.
std::string option_text(const OptionModel& o) {
  std::string text = o.description;
  std::string extra;
  if (!o.values.empty()) {
    extra = "one of ";
    for (std::size_t i = 0; i < o.values.size(); ++i) {
      extra += (i == 0 ? "" : ", ") + o.values[i];
    }
  }
  if (!o.default_value.empty()) {
    extra += (extra.empty() ? "default " : "; default ") + o.default_value;
  }
  if (!extra.empty()) {
    extra[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(extra[0])));
    text += ". " + extra + ".";
  }
  return roff(text);
}

void write_options(std::ostream& out, const std::vector<OptionModel>& options, bool skip_common) {
  for (const OptionModel& o : options) {
    if (skip_common && o.is_help_or_version) {
      continue;
    }
    out << ".TP\n" << option_term(o) << '\n' << option_text(o) << '\n';
  }
}

void write_items(std::ostream& out, std::span<const cli::ManualItem> items) {
  for (const cli::ManualItem& item : items) {
    out << ".TP\n" << bold(item.term) << '\n' << roff(item.text) << '\n';
  }
}

}  // namespace

std::string man_page(const CliModel& cli, std::string_view date) {
  const cli::Manual& m = *cli.manual;
  std::ostringstream out;
  out << ".\\\" " << cli.name
      << "(1), written by ror_docgen from ror's command line: do not edit.\n"
      << ".TH " << upper(cli.name) << " 1 \"" << roff(date) << "\" \""
      << roff(cli.name + " " + cli.version) << "\" \"User Commands\"\n"
      << ".nh\n"  // (no hyphens inserted in option and format names)
      << ".SH NAME\n"
      << roff(cli.name) << " \\- " << roff(m.summary) << '\n'
      << ".SH SYNOPSIS\n"
      << ".nf\n";
  for (const CommandModel& c : cli.commands) {
    out << synopsis_line(cli, c) << '\n';
  }
  out << bold(cli.name) << " [" << bold("-V") << "|" << bold("--version") << "]\n"
      << ".fi\n"
      << ".SH DESCRIPTION\n";
  std::string_view description = m.description;
  for (bool first = true; !description.empty(); first = false) {
    const std::size_t end = description.find("\n\n");
    out << (first ? "" : ".PP\n") << roff(description.substr(0, end)) << '\n';
    description = end == std::string_view::npos ? "" : description.substr(end + 2);
  }
  out << ".SH OPTIONS\n";
  write_options(out, cli.options, false);
  out << ".PP\nEvery command takes these two as well.\n"
      << ".SH COMMANDS\n";
  for (const CommandModel& c : cli.commands) {
    out << ".SS " << synopsis_line(cli, c) << '\n' << roff(c.description) << ".\n";
    write_options(out, c.positionals, true);
    write_options(out, c.options, true);
  }
  out << ".SH EXIT STATUS\n";
  write_items(out, m.exit_codes);
  out << ".SH ENVIRONMENT\n";
  write_items(out, m.environment);
  out << ".SH EXAMPLES\n";
  for (const cli::ManualExample& e : m.examples) {
    out << ".PP\n" << roff(e.what) << "\n.PP\n.RS 4\n.nf\n" << roff(e.command) << "\n.fi\n.RE\n";
  }
  out << ".SH SEE ALSO\n" << roff(m.more) << ".\n";
  return out.str();
}

}  // namespace ror::docgen
