// --format table (default): the comparison report for a terminal, at most 100 columns wide.
#include <algorithm>

#include <fmt/format.h>

#include "render/format.hpp"
#include "ror/render.hpp"

namespace ror {
namespace {

constexpr std::size_t kWidth = 100;
constexpr std::size_t kHalf = 47;
constexpr std::size_t kHygieneName = 32;  // hygiene metric name and value, then the explanation

// Display columns of a UTF-8 string (one per code point; wide glyphs are not measured).
std::size_t columns(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xc0) != 0x80; }));
}

// Cuts a UTF-8 string to at most `width` columns, marking the cut with "~".
std::string fit(std::string_view s, std::size_t width) {
  if (columns(s) <= width) {
    return std::string(s);
  }
  std::string out;
  std::size_t used = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const bool starts = (static_cast<unsigned char>(s[i]) & 0xc0) != 0x80;
    if (starts && ++used > width - 1) {
      break;
    }
    out.push_back(s[i]);
  }
  return out + "~";
}

std::string pad_right(std::string_view s, std::size_t width) {
  const std::size_t c = columns(s);
  return std::string(s) + std::string(c < width ? width - c : 0, ' ');
}

// Word-wraps text to the page width, indenting continuation lines.
std::string wrap(std::string_view text, std::size_t indent) {
  std::string out;
  std::size_t line = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find(' ', pos);
    end = end == std::string_view::npos ? text.size() : end;
    const std::string_view word = text.substr(pos, end - pos);
    if (line > indent && line + 1 + columns(word) > kWidth) {
      out.push_back('\n');
      out.append(indent, ' ');
      line = indent;
    } else if (line > 0) {
      out += ' ';
      ++line;
    }
    out += fit(word, kWidth - indent);
    line += columns(word);
    pos = end + 1;
  }
  return out;
}

class Painter {
 public:
  explicit Painter(bool color) : color_(color) {}
  std::string bold(std::string_view s) const { return wrap_in("1", s); }
  std::string dim(std::string_view s) const { return wrap_in("2", s); }
  std::string good(std::string_view s) const { return wrap_in("32", s); }
  std::string warn(std::string_view s) const { return wrap_in("33", s); }
  std::string bad(std::string_view s) const { return wrap_in("31", s); }
  std::string score(std::optional<double> s, double threshold) const {
    const std::string text = render::human_score(s);
    return s && *s >= threshold ? good(text) : warn(text);
  }

 private:
  std::string wrap_in(std::string_view code, std::string_view s) const {
    return color_ ? fmt::format("\x1b[{}m{}\x1b[0m", code, s) : std::string(s);
  }
  bool color_;
};

std::vector<std::string> side(const Report& r, Group g, const Painter& p, std::string_view title) {
  std::vector<std::string> lines;
  const std::string score = render::human_score(r.scores.of(g)) + " / 100" +
                            (r.scores.low_confidence_of(g) ? " low confidence" : "");
  lines.push_back(p.bold(pad_right(title, kHalf - columns(score))) +
                  p.score(r.scores.of(g), 50).append(score.substr(score.find(' '))));
  for (const MetricInfo& m : metric_catalog()) {
    if (m.group == g) {
      const std::string value = render::human_value(r.metrics[m.id], m.unit);
      const std::string shown = r.metrics[m.id] ? value : p.dim(value);
      lines.push_back(pad_right(m.name, kHalf - columns(value)) + shown);
    }
  }
  return lines;
}

void comparison(const Report& r, const Painter& p, std::ostream& out) {
  const auto left = side(r, Group::roi, p, "REACH (ROI)");
  const auto right = side(r, Group::ror, p, "RELATIONSHIP (ROR)");
  for (std::size_t i = 0; i < std::max(left.size(), right.size()); ++i) {
    const std::string l = i < left.size() ? left[i] : std::string(kHalf, ' ');
    out << l << " | " << (i < right.size() ? right[i] : "") << '\n';
  }
}

void hygiene(const Report& r, const Painter& p, std::ostream& out) {
  const std::string score = render::human_score(r.scores.of(Group::hygiene)) + " / 100" +
                            (r.scores.low_confidence_of(Group::hygiene) ? " low confidence" : "");
  const MetricCounts& c = r.metrics.counts;
  out << '\n'
      << p.bold(pad_right("HYGIENE", kHalf - columns(score)))
      << p.score(r.scores.of(Group::hygiene), 50) << score.substr(score.find(' '))
      << fmt::format("   {} of {} original posts clean", c.clean_posts, c.original_posts) << '\n';
  for (const MetricInfo& m : metric_catalog()) {
    if (m.group != Group::hygiene) {
      continue;
    }
    const auto flag = std::find_if(r.flags.begin(), r.flags.end(),
                                   [&](const HygieneFlag& f) { return f.metric == m.id; });
    const std::string value = render::human_value(r.metrics[m.id], m.unit);
    const std::string line = pad_right(m.name, kHygieneName - columns(value)) + value;
    if (flag != r.flags.end()) {
      out << p.warn("! " + line) << "  " << fit(flag->text, kWidth - kHygieneName - 4) << '\n';
    } else {
      out << "  " << line << '\n';
    }
  }
}

void top_audience(const Report& r, const Painter& p, std::ostream& out) {
  if (r.metrics.top_audience.empty()) {
    return;
  }
  out << '\n' << p.bold("TOP AUDIENCE") << '\n';
  out << fmt::format("{:>3}  {}{:>9}{:>7}  {:<12}{:<12}{:>7}\n", "#", pad_right("author", 32),
                     "comments", "posts", "first seen", "last seen", "answers");
  std::size_t rank = 0;
  for (const AudienceMember& m : r.metrics.top_audience) {
    out << fmt::format("{:>3}  {}{:>9}{:>7}  {:<12}{:<12}{:>7}\n", ++rank,
                       pad_right(fit(m.author, 31), 32), m.comments, m.posts,
                       format_utc(m.first_seen).substr(0, 10),
                       format_utc(m.last_seen).substr(0, 10), m.answers);
  }
}

void breakdown(const Report& r, std::ostream& out, const Painter& p) {
  out << p.bold(fmt::format("{:<16}{:>6}{:>6}{:>8}{:>6}{:>12}{:>12}{:>10}{:>9}{:>9}",
                            breakdown_name(*r.by), "ROI", "ROR", "hygiene", "posts", "impressions",
                            "engagements", "conv/post", "answered", "median"))
      << '\n';
  for (const BreakdownRow& row : r.rows) {
    const MetricValues& m = row.metrics;
    out << fmt::format("{}{:>6}{:>6}{:>8}{:>6}{:>12}{:>12}{:>10}{:>9}{:>9}\n",
                       pad_right(fit(row.key, 15), 16),
                       render::human_score(row.scores.of(Group::roi)),
                       render::human_score(row.scores.of(Group::ror)),
                       render::human_score(row.scores.of(Group::hygiene)),
                       render::human_value(m[MetricId::posts], Unit::count),
                       render::human_value(m[MetricId::impressions], Unit::count),
                       render::human_value(m[MetricId::engagements], Unit::count),
                       render::human_value(m[MetricId::conversation_rate], Unit::ratio),
                       render::human_value(m[MetricId::response_rate], Unit::rate),
                       render::human_value(m[MetricId::response_time_median], Unit::seconds));
  }
}

}  // namespace

void render_table(const Report& r, const RenderOptions& options, std::ostream& out) {
  const Painter p(options.color);
  out << p.bold("ror") << " · " << fit(render::account_label(r.account), kWidth - 6) << '\n';
  // (wrapped as plain text, then the verdict's name made bold)
  std::string verdict = wrap("Verdict: " + render::verdict_line(r.scores), 9);
  const std::string name(verdict_name(r.scores.verdict));
  verdict.replace(9, name.size(), p.bold(name));
  out << verdict << '\n' << wrap(render::period_line(r), 8) << "\n\n";
  if (r.by) {
    breakdown(r, out, p);
  } else {
    comparison(r, p, out);
    hygiene(r, p, out);
    top_audience(r, p, out);
  }
  if (!r.checks.empty()) {
    out << '\n' << p.bold("CHECKS") << '\n';
    for (const CheckResult& c : r.checks) {
      out << (c.passed ? p.good("PASS ") : p.bad("FAIL ")) << fit(render::check_line(c), kWidth - 5)
          << '\n';
    }
  }
  out << '\n';
  if (!r.unknown.empty()) {
    out << wrap("Unknown: " + render::unknown_list(r), 9) << '\n';
  }
  if (const std::string coverage = render::coverage_line(r.scores); !coverage.empty()) {
    out << wrap(coverage, 2) << '\n';
  }
  out << wrap("Input: " + render::input_line(r), 7) << '\n';
}

}  // namespace ror
