// The exit codes, environment and examples of ror, and their rendering as --help's footer (the
// man page renders the same table in src/docgen).
#include "cli/manual.hpp"

#include <algorithm>
#include <array>

namespace ror::cli {
namespace {

constexpr std::array<ManualItem, 7> kExitCodes = {{
    {"0", "scored, and every --require held"},
    {"1", "a --require condition failed"},
    {"2", "usage error"},
    {"3", "bad input"},
    {"4", "the output could not be written"},
    {"5", "out of memory"},
    {"130", "interrupted (Ctrl-C)"},
}};

constexpr std::array<ManualItem, 4> kEnvironment = {{
    {"NO_COLOR", "no colour"},
    {"CLICOLOR_FORCE", "colour even when piped"},
    {"TERM=dumb", "no colour"},
    {"COLUMNS", "the table's width"},
}};

constexpr std::array<ManualExample, 2> kExamples = {{
    {"ror score twitter-2026-03-06.zip",
     "Score an X archive as downloaded: the report on the terminal."},
    {"ror score --format json --require 'ror.score>=60' export.json",
     "The report as JSON for a script, and exit status 1 when the ROR score is below 60."},
}};

constexpr Manual kManual{
    "Return on Relationship scorer for social-media exports",
    "ror scores a social-media export two ways and puts the answers side by side: ROI, reach "
    "(impressions, likes, shares, followers), and ROR, Return on Relationship: whether people "
    "read and act, whether the account listens and answers, whether the same people come back "
    "month after month, whether conversations go both ways. It also checks hygiene, the habits "
    "that inflate reach, and gives a verdict: relationship-builder, broadcaster, niche-community "
    "or dormant, or insufficient-data when a score rests on too little of its weight.\n\n"
    "Inputs are read as they were downloaded and detected by their content, not their names: X "
    "archives and API pages, Mastodon exports and API responses, Reddit threads and dumps, "
    "WordPress, Bluesky, Hacker News, YouTube, LinkedIn, Facebook and Instagram exports, and "
    "ror's own ror/v1 (ror formats lists them). A path may be a file, a directory, an archive or "
    "a compressed stream; '-' or no path reads standard input. Several inputs are one dataset.",
    kExitCodes,
    kEnvironment,
    kExamples,
    "ror help COMMAND, ror explain METRIC, and the docs/ folder of the source",
};

constexpr std::size_t kWidth = 80;
constexpr std::size_t kIndent = 2;
constexpr std::size_t kGap = 3;

// "NO_COLOR       no colour": the term padded to the widest of its section.
std::string cell(const ManualItem& item, std::size_t term_width) {
  std::string s(item.term);
  s.resize(term_width + 1, ' ');
  return s.append(item.text);
}

std::size_t term_width(std::span<const ManualItem> items) {
  std::size_t width = 0;
  for (const ManualItem& item : items) {
    width = std::max(width, item.term.size());
  }
  return width;
}

}  // namespace

const Manual& manual() {
  return kManual;
}

std::string help_footer(const Manual& m) {
  struct Section {
    std::string_view title;
    std::span<const ManualItem> items;
  };
  const std::array<Section, 2> sections{
      {{"Exit codes", m.exit_codes}, {"Environment", m.environment}}};
  // One column width for both sections, so that their second columns line up.
  std::size_t left = 0;
  std::size_t right = 0;
  for (const Section& s : sections) {
    const std::size_t w = term_width(s.items);
    for (std::size_t i = 0; i < s.items.size(); ++i) {
      std::size_t& side = i % 2 == 0 ? left : right;
      side = std::max(side, cell(s.items[i], w).size());
    }
  }
  const bool two = kIndent + left + kGap + right <= kWidth;
  std::string out;
  for (const Section& s : sections) {
    out.append(s.title).append(":\n");
    const std::size_t w = term_width(s.items);
    for (std::size_t i = 0; i < s.items.size(); ++i) {
      std::string line(kIndent, ' ');
      line += cell(s.items[i], w);
      if (two && i + 1 < s.items.size()) {
        line.resize(kIndent + left + kGap, ' ');
        line += cell(s.items[++i], w);
      }
      out.append(line).push_back('\n');
    }
  }
  out.append("Examples:\n");
  for (const ManualExample& e : m.examples) {
    out.append(kIndent, ' ').append(e.command).push_back('\n');
  }
  return out.append("More: ").append(m.more).append(".");
}

}  // namespace ror::cli
