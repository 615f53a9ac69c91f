// ror compare --format markdown: the comparison as GitHub-flavoured Markdown tables, fit for a CI
// job summary; better and worse are words (with a marker), never colour alone.
#include <fmt/format.h>

#include "render/format.hpp"
#include "ror/render.hpp"

namespace ror {
namespace {

using render::markdown_cell;

std::string judgement_cell(Judgement j) {
  switch (j) {
    case Judgement::better:
      return "🟢 better";
    case Judgement::worse:
      return "🔴 worse";
    case Judgement::same:
      return "same";
    case Judgement::changed:
      return "";  // (a volume: its change is not judged)
    case Judgement::unknown:
      return "unknown";
  }
  return "";
}

std::string_view group_title(Group g) {
  return g == Group::roi ? "Reach (ROI)" : g == Group::ror ? "Relationship (ROR)" : "Hygiene";
}

std::string score_cell(const Scores& s, Group g) {
  return render::human_score(s.of(g)) + (s.low_confidence_of(g) ? " (low confidence)" : "");
}

}  // namespace

void render_comparison_markdown(const Comparison& c, const RenderOptions& /*options*/,
                                std::ostream& out) {
  const std::string a = markdown_cell(render::side_name(c, Side::a));
  const std::string b = markdown_cell(render::side_name(c, Side::b));
  if (c.split) {
    out << fmt::format("## ror compare: {}, split at {}\n\n",
                       markdown_cell(render::account_label(c.a.account)),
                       format_time_bound(*c.split, false));
  } else {
    out << fmt::format("## ror compare: {} against {}\n\n", a, b);
  }
  out << fmt::format("| | A: {} | B: {} |\n|---|---|---|\n", a, b);
  out << fmt::format("| Verdict | {} | {} |\n", markdown_cell(render::verdict_line(c.a.scores)),
                     markdown_cell(render::verdict_line(c.b.scores)));
  // (the row names the period: the line's own "Period: " would repeat it)
  const auto period = [](const Report& r) {
    std::string line = render::period_line(r);
    return markdown_cell(line.starts_with("Period: ") ? line.substr(8) : line);
  };
  out << fmt::format("| Period | {} | {} |\n\n", period(c.a), period(c.b));
  out << markdown_cell(render::judgement_summary(c)) << "\n\n";

  out << "| Score | A | B | Change | |\n|---|--:|--:|--:|---|\n";
  for (const Group g : kGroups) {
    const Change& s = c.score(g);
    out << fmt::format("| {}.score | {} | {} | {} | {} |\n", group_name(g),
                       score_cell(c.a.scores, g), score_cell(c.b.scores, g),
                       render::human_score_change(s), judgement_cell(s.judgement));
  }
  for (const Group g : kGroups) {
    out << fmt::format("\n### {}\n\n| Metric | A | B | Change | |\n|---|--:|--:|--:|---|\n",
                       group_title(g));
    for (const MetricInfo& m : metric_catalog()) {
      if (m.group != g) {
        continue;
      }
      const Change& ch = c.metric(m.id);
      out << fmt::format("| {} | {} | {} | {} | {} |\n", markdown_cell(m.name),
                         render::human_value(ch.a, m.unit), render::human_value(ch.b, m.unit),
                         render::human_change(ch, m.unit), judgement_cell(ch.judgement));
    }
  }
  out << "\n_posts and posts\\_per\\_day measure volume: their change is shown, not judged._\n";
  if (!c.checks.empty()) {
    out << "\n### Checks\n\n";
    for (const CheckResult& check : c.checks) {
      out << (check.passed ? "- ✅ " : "- ❌ ") << markdown_cell(render::check_line(check)) << '\n';
    }
  }
  out << "\n_Input A: " << markdown_cell(render::input_line(c.a)) << "_\n";
  out << "\n_Input B: " << markdown_cell(render::input_line(c.b)) << "_\n";
}

}  // namespace ror
