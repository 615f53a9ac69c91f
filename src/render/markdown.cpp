// --format markdown: the report as GitHub-flavoured Markdown, fit for a CI job summary.
#include <algorithm>

#include <fmt/format.h>

#include "render/format.hpp"
#include "ror/render.hpp"

namespace ror {
namespace {

using render::markdown_cell;

std::vector<const MetricInfo*> group_metrics(Group g) {
  std::vector<const MetricInfo*> list;
  for (const MetricInfo& info : metric_catalog()) {
    if (info.group == g) {
      list.push_back(&info);
    }
  }
  return list;
}

void side_by_side(const Report& r, std::ostream& out) {
  const auto roi = group_metrics(Group::roi);
  const auto ror = group_metrics(Group::ror);
  out << fmt::format("| Reach (ROI) | {} | Relationship (ROR) | {} |\n",
                     render::human_score(r.scores.of(Group::roi)),
                     render::human_score(r.scores.of(Group::ror)));
  out << "|---|--:|---|--:|\n";
  for (std::size_t i = 0; i < std::max(roi.size(), ror.size()); ++i) {
    const auto show = [&](const std::vector<const MetricInfo*>& list) {
      if (i >= list.size()) {
        return std::string("| | ");
      }
      const MetricInfo& m = *list[i];
      return fmt::format("| {} | {} ", markdown_cell(m.name),
                         render::human_value(r.metrics[m.id], m.unit));
    };
    out << show(roi) << show(ror) << "|\n";
  }
}

void breakdown(const Report& r, std::ostream& out) {
  std::string title(breakdown_name(*r.by));
  title[0] = static_cast<char>(title[0] - 'a' + 'A');  // "Post", "Week", ...
  out << "| " << title << " | ROI | ROR | Hygiene |";
  for (const MetricId id : breakdown_metrics()) {
    out << ' ' << markdown_cell(metric_info(id).name) << " |";
  }
  out << "\n|---|--:|--:|--:|";
  for (std::size_t i = 0; i < breakdown_metrics().size(); ++i) {
    out << "--:|";
  }
  out << '\n';
  for (const BreakdownRow& row : r.rows) {
    if (*r.by == BreakdownBy::post) {
      // The date, the first words as a link to the post (when it has one), and the id.
      const std::string words = row.excerpt.empty() ? row.key : row.excerpt;
      out << "| " << format_utc(row.metrics.counts.first_post).substr(0, 10) << ' '
          << (row.url.empty() ? markdown_cell(words)
                              : fmt::format("[{}]({})", markdown_cell(words), row.url));
    } else {
      out << "| " << markdown_cell(row.key);
    }
    for (const Group g : kGroups) {
      out << " | " << render::human_score(row.scores.of(g));
    }
    for (const MetricId id : breakdown_metrics()) {
      out << " | " << render::human_value(row.metrics[id], metric_info(id).unit);
    }
    out << " |\n";
  }
}

}  // namespace

void render_markdown(const Report& r, const RenderOptions& /*options*/, std::ostream& out) {
  out << "## ror: " << markdown_cell(render::account_label(r.account)) << "\n\n";
  out << fmt::format("**Verdict: {}** · ROI {} · ROR {} · Hygiene {}\n\n",
                     markdown_cell(render::verdict_line(r.scores)),
                     render::human_score(r.scores.of(Group::roi)),
                     render::human_score(r.scores.of(Group::ror)),
                     render::human_score(r.scores.of(Group::hygiene)));
  out << markdown_cell(render::period_line(r)) << "\n\n";
  if (r.by) {
    breakdown(r, out);
  } else {
    side_by_side(r, out);
    out << fmt::format("\n### Hygiene {}\n\n| Metric | Value |\n|---|--:|\n",
                       render::human_score(r.scores.of(Group::hygiene)));
    for (const MetricInfo* m : group_metrics(Group::hygiene)) {
      out << fmt::format("| {} | {} |\n", markdown_cell(m->name),
                         render::human_value(r.metrics[m->id], m->unit));
    }
    for (const HygieneFlag& f : r.flags) {
      out << fmt::format("\n- ⚠️ {}: {}", markdown_cell(metric_info(f.metric).name),
                         markdown_cell(f.text));
    }
    out << (r.flags.empty() ? "" : "\n");
    if (!r.metrics.top_audience.empty()) {
      out << "\n### Top audience\n\n";
      if (r.levels) {
        out << "By level: " << render::levels_line(*r.levels) << ".\n\n";
      }
      out << "| # | Author | Comments | Posts | First seen | Last seen | "
             "Answers |\n|--:|---|--:|--:|---|---|--:|\n";
      std::size_t rank = 0;
      for (const AudienceMember& m : r.metrics.top_audience) {
        out << fmt::format("| {} | {} | {} | {} | {} | {} | {} |\n", ++rank,
                           markdown_cell(m.author), m.comments, m.posts, format_utc(m.first_seen),
                           format_utc(m.last_seen), m.answers);
      }
    }
  }
  if (!r.checks.empty()) {
    out << "\n### Checks\n\n";
    for (const CheckResult& c : r.checks) {
      out << (c.passed ? "- ✅ " : "- ❌ ") << markdown_cell(render::check_line(c)) << '\n';
    }
  }
  if (const std::string coverage = render::coverage_line(r.scores); !coverage.empty()) {
    out << "\n_" << markdown_cell(coverage) << "_\n";
  }
  out << "\n_Input: " << markdown_cell(render::input_line(r)) << "_\n";
  if (!r.unknown.empty()) {
    out << "\n_Unknown metrics: " << markdown_cell(render::unknown_list(r)) << "_\n";
  }
}

}  // namespace ror
