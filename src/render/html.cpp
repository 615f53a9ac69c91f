// The HTML report (`ror report -o report.html`): one self-contained page that opens offline.
// Every number is in a plain table, so the page reads without JavaScript and prints; Chart.js
// (Debian's libjs-chart.js, embedded at build time) draws the charts from a JSON block. Text
// from the inputs is escaped by markup_text in the page and by JSON (with '<' written \u003c)
// in the data, so a `<script>` in a comment stays text.
#include <algorithm>
#include <array>
#include <cmath>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "chartjs.hpp"
#include "render/format.hpp"
#include "report_css.hpp"
#include "report_js.hpp"
#include "ror/render.hpp"
#include "ror/text.hpp"

namespace ror {
namespace {

using Json = nlohmann::ordered_json;
using render::human_score;
using render::human_value;

// The most posts the scatter draws and the posts table lists: a page must stay small enough to
// open. The note under each says when more were left out.
constexpr std::size_t kMostPoints = 5000;
constexpr std::size_t kMostRows = 1000;

std::string esc(std::string_view text) {
  return markup_text(text);
}

std::string day(TimeMs t) {
  return format_utc(t).substr(0, 10);
}

// A JSON value safe inside <script>: no '<' can close the element or open a comment.
std::string script_json(const Json& j) {
  std::string text = j.dump(-1, ' ', false, Json::error_handler_t::replace);
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    if (c == '<') {
      out += "\\u003c";
    } else {
      out += c;
    }
  }
  return out;
}

// A link the page may follow: http or https only, never javascript: or data:.
std::string safe_url(std::string_view url) {
  const auto starts = [&](std::string_view p) {
    return url.size() > p.size() && std::equal(p.begin(), p.end(), url.begin(),
                                               [](char a, char b) { return a == (b | 0x20); });
  };
  return starts("https://") || starts("http://") ? std::string(url) : std::string();
}

// A post's text, linked to the post when it has a link the page may follow.
std::string linked(std::string_view text, std::string_view url) {
  const std::string href = safe_url(url);
  return href.empty() ? esc(text) : fmt::format("<a href=\"{}\">{}</a>", esc(href), esc(text));
}

Json value_or_null(std::optional<double> v, double scale = 1) {
  return v ? Json(std::round(*v * scale * 1000.0) / 1000.0) : Json(nullptr);
}

// The measure of a post's reach the scatter uses: impressions where the export carries them,
// else the engagements (likes, shares, replies...) the platform counts.
MetricId reach_metric(const Report& r) {
  return r.metrics[MetricId::impressions] ? MetricId::impressions : MetricId::engagements;
}

// The response-time histogram's bins: upper bounds in seconds, and labels.
constexpr std::array<std::pair<double, std::string_view>, 7> kDelayBins = {
    {{900, "< 15 min"},
     {3600, "15-60 min"},
     {14400, "1-4 h"},
     {86400, "4-24 h"},
     {259200, "1-3 days"},
     {604800, "3-7 days"},
     {INFINITY, "> 7 days"}}};

std::array<std::uint64_t, kDelayBins.size()> delay_counts(const std::vector<double>& delays) {
  std::array<std::uint64_t, kDelayBins.size()> counts{};
  for (const double d : delays) {
    std::size_t b = 0;
    while (d >= kDelayBins[b].first) {
      ++b;
    }
    ++counts[b];
  }
  return counts;
}

Json chart_data(const VisualReport& v) {
  const Report& r = v.report;
  Json doc = Json::object();
  const MetricId x = reach_metric(r);
  if (r.metrics[MetricId::audience_comments]) {
    Json points = Json::array();
    for (const BreakdownRow& row : v.posts) {
      const auto reach = row.metrics[x];
      const auto talk = row.metrics[MetricId::audience_comments];
      if (!reach || !talk || points.size() >= kMostPoints) {
        continue;
      }
      points.push_back(Json{{"x", *reach},
                            {"y", *talk},
                            {"id", row.key},
                            {"date", day(row.metrics.counts.first_post)},
                            {"text", row.excerpt},
                            {"url", safe_url(row.url)}});
    }
    doc["posts"] = Json{{"x_label", metric_label(x)},
                        {"y_label", metric_label(MetricId::audience_comments)},
                        {"points", points}};
  }
  Json labels = Json::array();
  std::array<Json, 5> series;
  for (Json& s : series) {
    s = Json::array();
  }
  for (const BreakdownRow& row : v.months) {
    labels.push_back(row.key);
    series[0].push_back(value_or_null(row.scores.of(Group::roi)));
    series[1].push_back(value_or_null(row.scores.of(Group::ror)));
    series[2].push_back(value_or_null(row.scores.of(Group::hygiene)));
    series[3].push_back(value_or_null(row.metrics[MetricId::response_rate], 100));
    series[4].push_back(value_or_null(row.metrics[MetricId::response_time_median], 1.0 / 3600));
  }
  doc["months"] =
      Json{{"labels", labels},     {"roi", series[0]},           {"ror", series[1]},
           {"hygiene", series[2]}, {"response_rate", series[3]}, {"median_hours", series[4]}};
  Json bins = Json::array();
  Json counts = Json::array();
  const auto delays = delay_counts(r.metrics.response_delays);
  for (std::size_t b = 0; b < kDelayBins.size(); ++b) {
    bins.push_back(kDelayBins[b].second);
    counts.push_back(delays[b]);
  }
  doc["delays"] = Json{{"labels", bins}, {"counts", counts}};
  if (v.audience.comments_known) {
    Json names = Json::array();
    Json members = Json::array();
    for (std::size_t l = 0; l < kLevelCount; ++l) {
      names.push_back(level_name(static_cast<Level>(l)));
      members.push_back(v.audience.per_level[l]);
    }
    doc["levels"] = Json{{"labels", names}, {"counts", members}};
  }
  return doc;
}

void header(const VisualReport& v, std::ostream& out) {
  const Report& r = v.report;
  out << "<h1>Return on Relationship: " << esc(render::account_label(r.account)) << "</h1>\n";
  out << "<p class=\"meta\">" << esc(render::period_line(r)) << "</p>\n";
  out << "<p class=\"meta\">" << esc(render::input_line(r)) << "</p>\n";
  out << "<div class=\"scores\">\n";
  for (const Group g : kGroups) {
    const bool low = r.scores.low_confidence_of(g);
    out << fmt::format(
        "<div class=\"score\">{} score<b>{}</b><span class=\"{}\">rests on {:.0f}% of its "
        "weight{}</span></div>\n",
        g == Group::hygiene ? "Hygiene"
        : g == Group::roi   ? "ROI"
                            : "ROR",
        human_score(r.scores.of(g)), low ? "low" : "note", r.scores.coverage_of(g) * 100,
        low ? ": low confidence" : "");
  }
  out << "</div>\n<p class=\"verdict\">Verdict: <b>" << esc(render::verdict_line(r.scores))
      << "</b></p>\n";
}

void metrics_tables(const Report& r, std::ostream& out) {
  out << "<h2>Every figure</h2>\n";
  for (const Group g : kGroups) {
    out << fmt::format(
        "<table><caption>{}</caption><tr><th>metric</th><th class=\"n\">value</th>"
        "<th>behind it</th></tr>\n",
        g == Group::roi   ? "ROI (reach)"
        : g == Group::ror ? "ROR (relationship)"
                          : "Hygiene");
    for (const MetricInfo& info : metric_catalog()) {
      if (info.group != g) {
        continue;
      }
      const auto value = r.metrics[info.id];
      const std::string detail = value ? render::metric_detail(info.id, r.metrics, r.options)
                                       : unknown_reason(info.id, r.metrics.why_unknown(info.id));
      out << fmt::format("<tr><td>{}</td><td class=\"n\">{}</td><td>{}</td></tr>\n",
                         esc(metric_label(info.id)), esc(human_value(value, info.unit)),
                         esc(detail));
    }
    out << "</table>\n";
  }
}

void posts_section(const VisualReport& v, std::ostream& out) {
  const Report& r = v.report;
  const MetricId x = reach_metric(r);
  out << "<h2>Reach against conversation, per post</h2>\n";
  if (!r.metrics[MetricId::audience_comments]) {
    out << "<p class=\"note\">Unknown: "
        << esc(unknown_reason(MetricId::audience_comments,
                              r.metrics.why_unknown(MetricId::audience_comments)))
        << ".</p>\n";
  } else {
    out << fmt::format(
        "<p class=\"note\">Each point is a post: across, its {}; up, the comments other people "
        "wrote on it. Hover for the post, click to open it.{}</p>\n",
        esc(metric_label(x)),
        v.posts.size() > kMostPoints ? fmt::format(" The first {} posts are drawn.", kMostPoints)
                                     : "");
    out << "<div class=\"chart\"><canvas id=\"chart-posts\"></canvas></div>\n";
  }
  out << fmt::format(
      "<details><summary>The posts as a table ({}{})</summary>\n<table><tr><th>date</th>"
      "<th>post</th><th class=\"n\">{}</th><th class=\"n\">comments by others</th>"
      "<th class=\"n\">answered</th></tr>\n",
      std::min(v.posts.size(), kMostRows),
      v.posts.size() > kMostRows ? fmt::format(" of {}", v.posts.size()) : "",
      esc(metric_label(x)));
  for (std::size_t i = 0; i < v.posts.size() && i < kMostRows; ++i) {
    const BreakdownRow& row = v.posts[i];
    out << fmt::format(
        "<tr><td>{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>"
        "<td class=\"n\">{}</td></tr>\n",
        day(row.metrics.counts.first_post),
        linked(row.excerpt.empty() ? row.key : row.excerpt, row.url),
        esc(human_value(row.metrics[x], Unit::count)),
        esc(human_value(row.metrics[MetricId::audience_comments], Unit::count)),
        esc(human_value(row.metrics[MetricId::response_rate], Unit::rate)));
  }
  out << "</table></details>\n";
}

void months_section(const VisualReport& v, std::ostream& out) {
  out << "<h2>Month by month</h2>\n<p class=\"note\">The three scores, the share of comments "
         "answered, and the median time to answer, per UTC month.</p>\n"
         "<div class=\"chart\"><canvas id=\"chart-months\"></canvas></div>\n";
  out << "<table><tr><th>month</th><th class=\"n\">posts</th><th class=\"n\">ROI</th>"
         "<th class=\"n\">ROR</th><th class=\"n\">hygiene</th><th class=\"n\">answered</th>"
         "<th class=\"n\">median time to answer</th></tr>\n";
  for (const BreakdownRow& row : v.months) {
    out << fmt::format(
        "<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>"
        "<td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>\n",
        esc(row.key), esc(human_value(row.metrics[MetricId::posts], Unit::count)),
        human_score(row.scores.of(Group::roi)), human_score(row.scores.of(Group::ror)),
        human_score(row.scores.of(Group::hygiene)),
        esc(human_value(row.metrics[MetricId::response_rate], Unit::rate)),
        esc(human_value(row.metrics[MetricId::response_time_median], Unit::seconds)));
  }
  out << "</table>\n";
}

void delays_section(const Report& r, std::ostream& out) {
  out << "<h2>How long answers took</h2>\n";
  if (r.metrics.response_delays.empty()) {
    out << "<p class=\"note\">No answered comment in the export.</p>\n";
    return;
  }
  out << "<div class=\"chart\"><canvas id=\"chart-delays\"></canvas></div>\n<table><tr>";
  const auto counts = delay_counts(r.metrics.response_delays);
  for (const auto& [bound, label] : kDelayBins) {
    out << "<th class=\"n\">" << esc(label) << "</th>";
  }
  out << "</tr><tr>";
  for (const std::uint64_t n : counts) {
    out << "<td class=\"n\">" << n << "</td>";
  }
  out << "</tr></table>\n";
}

void audience_section(const VisualReport& v, std::size_t top, std::ostream& out) {
  const Audience& a = v.audience;
  out << "<h2>Know your audience</h2>\n";
  if (!a.comments_known) {
    out << "<p class=\"note\">Unknown: the export holds no comments written by other "
           "people.</p>\n";
    return;
  }
  out << "<p>" << esc(render::levels_line(a.per_level))
      << ". Levels follow activity and recency (see <code>ror audience</code>).</p>\n"
         "<div class=\"chart\"><canvas id=\"chart-levels\"></canvas></div>\n";
  out << "<table><tr><th>#</th><th>author</th><th>level</th><th class=\"n\">comments</th>"
         "<th class=\"n\">posts</th><th class=\"n\">months</th><th>first seen</th>"
         "<th>last seen</th><th class=\"n\">answers</th><th class=\"n\">reciprocity</th>"
         "<th>RFM</th></tr>\n";
  for (std::size_t i = 0; i < a.members.size() && i < top; ++i) {
    const AudienceRow& m = a.members[i];
    out << fmt::format(
        "<tr><td class=\"n\">{}</td><td>{}</td><td>{}</td><td class=\"n\">{}</td>"
        "<td class=\"n\">{}</td><td class=\"n\">{}</td><td>{}</td><td>{}</td>"
        "<td class=\"n\">{}</td><td class=\"n\">{}</td><td>{}</td></tr>\n",
        i + 1, esc(m.author), level_name(m.level), m.comments, m.posts, m.months, day(m.first_seen),
        day(m.last_seen), m.answers, esc(human_value(m.reciprocity, Unit::rate)), m.rfm_code());
  }
  out << "</table>\n";
}

void hygiene_section(const VisualReport& v, std::ostream& out) {
  const Report& r = v.report;
  out << "<h2>Hygiene findings</h2>\n";
  if (r.flags.empty()) {
    out << "<p class=\"good\">None of the habits that inflate reach shows.</p>\n";
  }
  for (const HygieneFlag& f : r.flags) {
    out << "<p class=\"bad\">" << esc(f.text) << "</p>\n";
  }
  constexpr std::array<std::pair<std::uint8_t, std::string_view>, 4> kHabits = {
      {{habits::hashtags, "hashtags"},
       {habits::duplicate, "repeat"},
       {habits::burst, "burst"},
       {habits::mentions, "mention blast"}}};
  if (v.habit_posts.empty()) {
    return;
  }
  out << fmt::format(
      "<details open><summary>The {} posts behind them</summary>\n<table><tr><th>date</th>"
      "<th>habits</th><th>post</th></tr>\n",
      v.habit_posts.size());
  for (std::size_t i = 0; i < v.habit_posts.size() && i < kMostRows; ++i) {
    const HabitPost& p = v.habit_posts[i];
    std::string names;
    for (const auto& [bit, name] : kHabits) {
      if ((p.habits & bit) != 0) {
        names += (names.empty() ? "" : ", ") + std::string(name);
      }
    }
    out << fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td></tr>\n", day(p.time), names,
                       linked(p.excerpt.empty() ? p.id : p.excerpt, p.url));
  }
  out << "</table></details>\n";
}

void checks_section(const Report& r, std::ostream& out) {
  if (r.checks.empty()) {
    return;
  }
  out << "<h2>Checks</h2>\n<ul>\n";
  for (const CheckResult& c : r.checks) {
    out << fmt::format("<li class=\"{}\">{}</li>\n", c.passed ? "good" : "bad",
                       esc(render::check_line(c)));
  }
  out << "</ul>\n";
}

}  // namespace

void render_html(const VisualReport& v, const RenderOptions& /*options*/, std::ostream& out) {
  const Report& r = v.report;
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         "<meta name=\"generator\" content=\"ror\">\n<title>ror report: "
      << esc(render::account_label(r.account)) << "</title>\n<style>\n"
      << embedded::report_css << "</style>\n</head>\n<body>\n";
  header(v, out);
  posts_section(v, out);
  months_section(v, out);
  delays_section(r, out);
  audience_section(v, std::max<std::size_t>(r.options.top, 1), out);
  hygiene_section(v, out);
  checks_section(r, out);
  metrics_tables(r, out);
  out << fmt::format("<p class=\"note\">Made by ror (schema {}). Charts by Chart.js.</p>\n",
                     kOutputSchemaVersion);
  out << "<script type=\"application/json\" id=\"ror-data\">" << script_json(chart_data(v))
      << "</script>\n<script>\n"
      << embedded::chartjs << "\n</script>\n<script>\n"
      << embedded::report_js << "</script>\n</body>\n</html>\n";
}

std::span<const RendererOf<VisualReport>> visual_renderers() {
  static constexpr std::array<RendererOf<VisualReport>, 1> kRenderers = {{{"html", render_html}}};
  return kRenderers;
}

}  // namespace ror
