// ror compare --format table (default): the two sides for a person at a terminal. Each score and
// metric on a line with side A, side B, the change and, in words, whether it is better or worse
// (colour only adds to the words); 80 columns.
#include <fmt/format.h>

#include "render/format.hpp"
#include "ror/render.hpp"
#include "ror/text.hpp"

namespace ror {
namespace {

using render::columns;
using render::fit;
using render::pad_right;

// Columns: two spaces, the label, side A, side B, the change (right-aligned), two spaces, the
// judgement. 30 + 11 + 11 + 18 + 2 + 7 = 79.
constexpr std::size_t kLabel = 30;
constexpr std::size_t kSide = 11;
constexpr std::size_t kChange = 18;
constexpr std::size_t kWidth = 80;

class Page {
 public:
  explicit Page(bool color) : color_(color) {}
  std::string bold(std::string_view s) const { return render::paint(color_, "1", s); }
  std::string dim(std::string_view s) const { return render::paint(color_, "2", s); }
  // The judgement in words, coloured by what it means; "changed" says nothing (a volume).
  std::string judgement(Judgement j) const {
    switch (j) {
      case Judgement::better:
        return render::paint(color_, "32", "better");
      case Judgement::worse:
        return render::paint(color_, "31", "worse");
      case Judgement::same:
        return "same";
      case Judgement::changed:
        return "";
      case Judgement::unknown:
        return dim("unknown");
    }
    return "";
  }

 private:
  bool color_;
};

// Right-aligns s in `width` columns (measured as a terminal shows them), always after a space,
// so that a value too wide for its column still stands apart from the one before.
std::string pad_left(std::string_view s, std::size_t width) {
  const std::size_t c = columns(s);
  return std::string(c < width ? width - c : 1, ' ') + std::string(s);
}

// A metric's value in its column: large counts compact ("633.3M"), so that two sides and the
// change fit in 80 columns.
std::string value_text(std::optional<double> value, Unit unit) {
  return unit == Unit::count && value ? render::compact_count(*value)
                                      : render::human_value(value, unit);
}

std::string row(std::string_view label, std::string_view a, std::string_view b,
                std::string_view change) {
  return "  " + pad_right(fit(label, kLabel - 3), kLabel - 2) + pad_left(a, kSide) +
         pad_left(b, kSide) + pad_left(change, kChange);
}

// "27.1", "27.1*" when low confidence, "n/a".
std::string score_text(const Scores& s, Group g) {
  return render::human_score(s.of(g)) + (s.low_confidence_of(g) ? "*" : "");
}

std::string_view group_title(Group g) {
  return g == Group::roi ? "REACH (ROI)" : g == Group::ror ? "RELATIONSHIP (ROR)" : "HYGIENE";
}

std::string_view score_label(Group g) {
  return g == Group::roi ? "reach (ROI)" : g == Group::ror ? "relationship (ROR)" : "hygiene";
}

// A side's heading: its name, the verdict and the period it covers (wrapped as plain text, then
// the side's letter made bold).
void side_heading(const Comparison& c, Side side, const Page& p, std::ostream& out) {
  const Report& r = side == Side::a ? c.a : c.b;
  std::string name = render::wrap(
      fmt::format("{}  {}", side == Side::a ? 'A' : 'B', render::side_name(c, side)), kWidth, 3);
  name.replace(0, 1, p.bold(name.substr(0, 1)));
  out << name << '\n'
      << render::wrap("   Verdict: " + render::verdict_line(r.scores), kWidth, 12) << '\n'
      << render::wrap("   " + render::period_line(r), kWidth, 11) << '\n';
}

void scores(const Comparison& c, const Page& p, std::ostream& out) {
  out << '\n'
      << p.bold(pad_right("SCORES", kLabel) + pad_left("A", kSide) + pad_left("B", kSide) +
                pad_left("change", kChange))
      << '\n';
  bool low = false;
  for (const Group g : kGroups) {
    const Change& s = c.score(g);
    low = low || c.a.scores.low_confidence_of(g) || c.b.scores.low_confidence_of(g);
    out << row(score_label(g), score_text(c.a.scores, g), score_text(c.b.scores, g),
               render::human_score_change(s))
        << "  " << p.judgement(s.judgement) << '\n';
  }
  // The share of each score's weight on known inputs, where it is not all of it.
  for (const Group g : kGroups) {
    const double a = c.a.scores.coverage_of(g);
    const double b = c.b.scores.coverage_of(g);
    if (a < 1.0 || b < 1.0) {
      const Change coverage{a, b, b - a, std::nullopt, Judgement::same};
      const std::string_view side = g == Group::roi ? "ROI" : g == Group::ror ? "ROR" : "hygiene";
      out << p.dim(row(std::string(side) + " weight known", render::human_value(a, Unit::rate),
                       render::human_value(b, Unit::rate),
                       render::human_change(coverage, Unit::rate)))
          << '\n';
    }
  }
  if (low) {
    out << p.dim(
               "  * low confidence: the score rests on too little of its weight (see the "
               "verdict)")
        << '\n';
  }
}

// A group's metrics; those unknown on both sides are named together after the others.
void metrics(const Comparison& c, Group g, const Page& p, std::ostream& out) {
  out << '\n' << p.bold(group_title(g)) << '\n';
  std::string unknown_both;
  bool volume = false;
  for (const MetricInfo& m : metric_catalog()) {
    if (m.group != g) {
      continue;
    }
    const Change& ch = c.metric(m.id);
    if (!ch.a && !ch.b) {
      unknown_both += (unknown_both.empty() ? "" : ", ") + std::string(metric_label(m.id));
      continue;
    }
    volume = volume || m.better == Better::neither;
    const std::string line = row(metric_label(m.id), value_text(ch.a, m.unit),
                                 value_text(ch.b, m.unit), render::human_change(ch, m.unit, true));
    const std::string judgement = p.judgement(ch.judgement);
    out << (ch.judgement == Judgement::unknown ? p.dim(line) : line)
        << (judgement.empty() ? "" : "  " + judgement) << '\n';
  }
  if (volume) {
    out << p.dim(render::wrap(
               "  posts and posts per day measure volume: their change is shown, not judged",
               kWidth, 4))
        << '\n';
  }
  if (!unknown_both.empty()) {
    out << p.dim(render::wrap("  unknown on both sides: " + unknown_both, kWidth, 4)) << '\n';
  }
}

}  // namespace

void render_comparison_table(const Comparison& c, const RenderOptions& options, std::ostream& out) {
  const Page p(options.color);
  // (a split compares one account with itself: it is named once, here)
  std::string title = render::wrap(
      c.split ? fmt::format("ror compare · {}, split at {}", render::account_label(c.a.account),
                            format_time_bound(*c.split, false))
              : std::string("ror compare"),
      kWidth, 6);
  title.replace(0, 11, p.bold("ror compare"));
  out << title << '\n';
  side_heading(c, Side::a, p, out);
  side_heading(c, Side::b, p, out);
  out << '\n' << render::wrap(render::judgement_summary(c), kWidth, 2) << '\n';
  scores(c, p, out);
  for (const Group g : kGroups) {
    metrics(c, g, p, out);
  }
  if (!c.checks.empty()) {
    out << '\n' << p.bold("CHECKS") << '\n';
    for (const CheckResult& check : c.checks) {
      out << (check.passed ? render::paint(options.color, "32", "PASS ")
                           : render::paint(options.color, "31", "FAIL "))
          << fit(render::check_line(check), kWidth - 5) << '\n';
    }
  }
  out << '\n'
      << render::wrap("Input A: " + render::input_line(c.a), kWidth, 9) << '\n'
      << render::wrap("Input B: " + render::input_line(c.b), kWidth, 9) << '\n';
}

}  // namespace ror
