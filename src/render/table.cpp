// --format table (default): the report for a person at a terminal. One column of sections, each
// metric on a line with its label, its value and the counts behind it (or why it is unknown);
// 80 columns, or the terminal's width when it is wider (RenderOptions::width).
#include <algorithm>

#include <fmt/format.h>

#include "render/format.hpp"
#include "ror/render.hpp"
#include "ror/text.hpp"

namespace ror {
namespace {

using render::columns;
using render::fit;
using render::pad_right;
using render::shorten_middle;

constexpr std::size_t kLabel = 32;  // two spaces of indent or a flag, then the label
constexpr std::size_t kValue = 10;  // right-aligned

// The page: its width and its colours.
class Page {
 public:
  Page(std::size_t width, bool color) : width_(std::max<std::size_t>(width, 80)), color_(color) {}

  std::size_t width() const { return width_; }
  std::string bold(std::string_view s) const { return paint("1", s); }
  std::string dim(std::string_view s) const { return paint("2", s); }
  std::string good(std::string_view s) const { return paint("32", s); }
  std::string warn(std::string_view s) const { return paint("33", s); }
  std::string bad(std::string_view s) const { return paint("31", s); }

  // Text word-wrapped to the page, continuation lines indented.
  std::string wrap(std::string_view text, std::size_t indent) const {
    return render::wrap(text, width_, indent);
  }

 private:
  std::string paint(std::string_view code, std::string_view s) const {
    return color_ ? fmt::format("\x1b[{}m{}\x1b[0m", code, s) : std::string(s);
  }
  std::size_t width_;
  bool color_;
};

// "38.1 / 100", "38.1 / 100 low confidence", "n/a / 100 low confidence".
std::string score_text(const Scores& s, Group g) {
  return render::human_score(s.of(g)) + " / 100" +
         (s.low_confidence_of(g) ? " low confidence" : "");
}

// A section's title line: its name, its score, and one line saying what it measures.
void section(const Report& r, Group g, std::string_view title, std::string_view meaning,
             const Page& p, std::ostream& out) {
  const auto s = r.scores.of(g);
  const std::string score = score_text(r.scores, g);
  const bool high = s && *s >= 50 && !r.scores.low_confidence_of(g);
  out << '\n'
      << p.bold(pad_right(title, kLabel + kValue - columns(score.substr(0, score.find(" /")))))
      << (high ? p.good(score) : p.warn(score)) << '\n'
      << p.dim(p.wrap(std::string("  ") + std::string(meaning), 2)) << '\n';
}

// One metric: flag, label, value, then the counts behind it or why it is unknown, wrapped under
// the detail column.
void metric_line(const Report& r, const MetricInfo& m, const Page& p, std::ostream& out) {
  const auto value = r.metrics[m.id];
  const auto flag = std::find_if(r.flags.begin(), r.flags.end(),
                                 [&](const HygieneFlag& f) { return f.metric == m.id; });
  const bool flagged = flag != r.flags.end();
  const std::string detail = flagged ? flag->text
                                     : (value ? render::metric_detail(m.id, r.metrics, r.options)
                                              : unknown_reason(m.id, r.metrics.why_unknown(m.id)));
  const std::string text = render::human_value(value, m.unit);
  std::string line = (flagged ? "! " : "  ") +
                     pad_right(fit(metric_label(m.id), kLabel - 3), kLabel - 2) +
                     std::string(kValue - std::min(kValue, columns(text)), ' ') + text;
  if (!detail.empty()) {
    const std::size_t indent = kLabel + kValue + 2;
    line = p.wrap(pad_right(line, indent) + detail, indent);
  }
  out << (flagged ? p.warn(line) : value ? line : p.dim(line)) << '\n';
}

// A group's metrics. Those unknown for a reason many share (the export does not carry them, or
// holds no comments by other people) are named together after the others.
void metrics(const Report& r, Group g, const Page& p, std::ostream& out) {
  std::string not_carried;
  std::string no_comments;
  for (const MetricInfo& m : metric_catalog()) {
    if (m.group != g) {
      continue;
    }
    const Unknown why = r.metrics.why_unknown(m.id);
    std::string* together = r.metrics[m.id] || m.id == MetricId::followers ? nullptr
                            : why == Unknown::not_carried                  ? &not_carried
                            : why == Unknown::no_comments                  ? &no_comments
                                                                           : nullptr;
    if (together != nullptr) {
      *together += (together->empty() ? "" : ", ") + std::string(metric_label(m.id));
      continue;
    }
    metric_line(r, m, p, out);
  }
  if (!no_comments.empty()) {
    out << p.dim(p.wrap(
               "  unknown, as the export holds no comments written by other people: " + no_comments,
               4))
        << '\n';
  }
  if (!not_carried.empty()) {
    out << p.dim(p.wrap("  not in the export: " + not_carried, 4)) << '\n';
  }
}

void top_audience(const Report& r, const Page& p, std::ostream& out) {
  if (r.metrics.top_audience.empty()) {
    return;
  }
  const std::size_t author = p.width() - 54;
  out << '\n'
      << p.bold("TOP AUDIENCE") << '\n'
      << p.dim(p.wrap("  who wrote the most comments, and how often the account answered them", 2))
      << '\n';
  if (r.levels) {
    out << p.wrap("  by level: " + render::levels_line(*r.levels), 4) << '\n';
  }
  out << fmt::format("{:>3}  {}{:>9}{:>6}  {:<11}{:<11}{:>8}\n", "#", pad_right("author", author),
                     "comments", "posts", "first seen", "last seen", "answers");
  std::size_t rank = 0;
  for (const AudienceMember& m : r.metrics.top_audience) {
    out << fmt::format("{:>3}  {}{:>9}{:>6}  {:<11}{:<11}{:>8}\n", ++rank,
                       pad_right(shorten_middle(visible_text(m.author), author - 1), author),
                       m.comments, m.posts, format_utc(m.first_seen).substr(0, 10),
                       format_utc(m.last_seen).substr(0, 10), m.answers);
  }
}

// Month by month, as sparklines: the scores and the answers, when the data spans two months or
// more. Scores and rates are drawn on their whole scale, times between their least and most.
void trends(const Report& r, const Page& p, std::ostream& out) {
  if (r.trends.size() < 2) {
    return;
  }
  const std::size_t shown = std::min<std::size_t>(r.trends.size(), p.width() - 40);
  const std::size_t from = r.trends.size() - shown;  // (the latest months when they do not fit)
  out << '\n'
      << p.bold("TRENDS") << '\n'
      << p.dim(fmt::format("  month by month, {} to {}; the figure is {}'s", r.trends[from].key,
                           r.trends.back().key, r.trends.back().key))
      << '\n';
  const auto line = [&](std::string_view label, auto value, double lo, double hi,
                        std::string_view last) {
    std::vector<std::optional<double>> values;
    double least = lo;
    double most = hi;
    for (std::size_t i = from; i < r.trends.size(); ++i) {
      values.push_back(value(r.trends[i]));
      if (values.back() && lo == hi) {
        least = values.size() == 1 ? *values.back() : std::min(least, *values.back());
        most = values.size() == 1 ? *values.back() : std::max(most, *values.back());
      }
    }
    out << fmt::format("  {}{}  {}\n", pad_right(label, 26), render::sparkline(values, least, most),
                       last);
  };
  const BreakdownRow& end = r.trends.back();
  for (const Group g : kGroups) {
    line(
        g == Group::roi   ? "ROI score"
        : g == Group::ror ? "ROR score"
                          : "hygiene score",
        [g](const BreakdownRow& row) { return row.scores.of(g); }, 0, 100,
        render::human_score(end.scores.of(g)));
  }
  line(
      "comments answered",
      [](const BreakdownRow& row) { return row.metrics[MetricId::response_rate]; }, 0, 1,
      render::human_value(end.metrics[MetricId::response_rate], Unit::rate));
  line(
      "median time to answer",
      [](const BreakdownRow& row) { return row.metrics[MetricId::response_time_median]; }, 0, 0,
      render::human_value(end.metrics[MetricId::response_time_median], Unit::seconds));
}

// What to do next, where a figure is weak and the data says what would help.
void next_steps(const Report& r, const Page& p, std::ostream& out) {
  std::vector<std::string> steps;
  const MetricCounts& c = r.metrics.counts;
  if (c.unanswered > 0) {
    steps.push_back(fmt::format(
        "Answer the {} comment{} still waiting for the account; the oldest is from {}.",
        c.unanswered, c.unanswered == 1 ? "" : "s", format_utc(c.oldest_unanswered).substr(0, 10)));
  }
  if (r.metrics.why_unknown(MetricId::conversation_rate) == Unknown::no_comments) {
    steps.push_back(
        "Add the comments other people wrote (a replies collection, API pages of the "
        "conversations) to measure the relationship.");
  }
  for (const HygieneFlag& f : r.flags) {
    if (f.metric == MetricId::hashtag_abuse_rate) {
      steps.push_back(fmt::format("Use at most {} hashtags a post.", r.options.hashtag_limit));
    } else if (f.metric == MetricId::burst_post_rate) {
      steps.push_back("Spread posts out instead of sending them in bursts.");
    } else if (f.metric == MetricId::canned_reply_rate) {
      steps.push_back("Write answers to the person instead of pasting the same text.");
    }
  }
  if (steps.empty()) {
    return;
  }
  out << '\n' << p.bold("NEXT") << '\n';
  for (const std::string& s : steps) {
    out << p.wrap("  - " + s, 4) << '\n';
  }
}

// One row per post, day, week, month or platform. Wider terminals get the reach columns.
void breakdown(const Report& r, const Page& p, std::ostream& out) {
  const bool reach = p.width() >= 110;
  const std::size_t fixed = 54 + (reach ? 24 : 0);
  const std::size_t key = std::min<std::size_t>(p.width() - fixed, 48);
  const bool posts = *r.by == BreakdownBy::post;
  const auto& h = render::kBreakdownColumns;
  std::string header =
      pad_right(posts ? "date  post" : breakdown_name(*r.by), key) +
      fmt::format("{:>6}{:>6}{:>8}{:>6}", h[0].header, h[1].header, h[2].header, h[3].header);
  if (reach) {
    header += fmt::format("{:>12}{:>12}", h[4].header, h[5].header);
  }
  header += fmt::format("{:>10}{:>9}{:>9}", h[6].header, h[7].header, h[8].header);
  out << p.bold(header) << '\n';
  for (const BreakdownRow& row : r.rows) {
    const MetricValues& m = row.metrics;
    // A post: its date and first words on the row, its link (or its id) on the next line.
    const std::string name =
        visible_text(posts ? fmt::format("{}  {}", format_utc(m.counts.first_post).substr(0, 10),
                                         row.excerpt.empty() ? row.key : row.excerpt)
                           : row.key);
    std::string line =
        pad_right(posts ? fit(name, key - 1) : shorten_middle(name, key - 1), key) +
        fmt::format("{:>6}{:>6}{:>8}{:>6}", render::human_score(row.scores.of(Group::roi)),
                    render::human_score(row.scores.of(Group::ror)),
                    render::human_score(row.scores.of(Group::hygiene)),
                    render::human_value(m[MetricId::posts], Unit::count));
    if (reach) {
      line +=
          fmt::format("{:>12}{:>12}", render::human_value(m[MetricId::impressions], Unit::count),
                      render::human_value(m[MetricId::engagements], Unit::count));
    }
    line += fmt::format("{:>10}{:>9}{:>9}",
                        render::human_value(m[MetricId::conversation_rate], Unit::ratio),
                        render::human_value(m[MetricId::response_rate], Unit::rate),
                        render::human_value(m[MetricId::response_time_median], Unit::seconds));
    out << line << '\n';
    if (posts && !row.excerpt.empty()) {
      const std::string where = visible_text(row.url.empty() ? "id " + row.key : row.url);
      out << p.dim("            " + shorten_middle(where, p.width() - 13)) << '\n';
    }
  }
}

}  // namespace

void render_table(const Report& r, const RenderOptions& options, std::ostream& out) {
  const Page p(options.width, options.color);
  std::string header = p.wrap("ror · " + render::account_label(r.account), 6);
  header.replace(0, 3, p.bold("ror"));
  out << header << '\n';
  // (wrapped as plain text, then the verdict's name made bold)
  std::string verdict = p.wrap("Verdict: " + render::verdict_line(r.scores), 9);
  const std::string name(verdict_name(r.scores.verdict));
  verdict.replace(9, name.size(), p.bold(name));
  out << verdict << '\n' << p.wrap(render::period_line(r), 8) << '\n';
  if (r.by) {
    out << '\n';
    breakdown(r, p, out);
  } else {
    section(r, Group::roi, "REACH (ROI)",
            "how many could see the posts and react to them: the easy numbers to inflate", p, out);
    metrics(r, Group::roi, p, out);
    section(r, Group::ror, "RELATIONSHIP (ROR)",
            "whether people comment, are answered, answer back and come back", p, out);
    metrics(r, Group::ror, p, out);
    section(r, Group::hygiene, "HYGIENE",
            "the habits that inflate reach: hashtag stuffing, repeats, bursts, blasts, canned "
            "answers",
            p, out);
    out << fmt::format("  {} of {} original posts clean\n", r.metrics.counts.clean_posts,
                       r.metrics.counts.original_posts);
    metrics(r, Group::hygiene, p, out);
    top_audience(r, p, out);
    trends(r, p, out);
    next_steps(r, p, out);
  }
  if (!r.checks.empty()) {
    out << '\n' << p.bold("CHECKS") << '\n';
    for (const CheckResult& c : r.checks) {
      out << (c.passed ? p.good("PASS ") : p.bad("FAIL "))
          << render::wrap(render::check_line(c), p.width() - 5, 5) << '\n';
    }
  }
  out << '\n';
  if (const std::string coverage = render::coverage_line(r.scores); !coverage.empty()) {
    out << p.wrap(coverage, 2) << '\n';
  }
  out << p.wrap("Input: " + render::input_line(r), 7) << '\n';
}

}  // namespace ror
