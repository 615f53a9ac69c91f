// The audience table (`ror audience`) in each output format: one row per member, the same
// columns everywhere, input text escaped as each format needs.
#include <array>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "render/format.hpp"
#include "ror/render.hpp"
#include "ror/text.hpp"

namespace ror {
namespace {

std::string day(TimeMs t) {
  return format_utc(t).substr(0, 10);
}

std::string reciprocity(const AudienceRow& m) {
  return m.reciprocity ? fmt::format("{:.0f}%", *m.reciprocity * 100) : std::string("n/a");
}

// What the levels ask, for the legend.
std::string legend(const AudienceOptions& o) {
  std::string text;
  for (std::size_t l = 0; l < o.rules.size(); ++l) {
    text += fmt::format("{}: {}+ posts in {}+ months; ", level_name(static_cast<Level>(l)),
                        o.rules[l].posts, o.rules[l].months);
  }
  return text + fmt::format("each seen in the last {} days; explorer: anyone else", o.recent_days);
}

void render_table(const AudienceReport& r, const RenderOptions& options, std::ostream& out) {
  const std::size_t width = std::max<std::size_t>(options.width, 80);
  out << "AUDIENCE of " << visible_text(render::account_label(r.account)) << '\n';
  const Audience& a = r.audience;
  if (!a.comments_known) {
    out << "  unknown: the export holds no comments written by other people\n";
    return;
  }
  out << render::wrap("  " + render::levels_line(a.per_level), width, 4) << '\n';
  out << render::wrap("  " + legend(r.options), width, 4) << '\n';
  out << render::wrap(fmt::format("  as of {}, the latest post or comment; mo: months with a "
                                  "comment, ans: answers received, recip: share of answers "
                                  "replied to; RFM: recency, frequency, words, 1-5 each (5 best)",
                                  day(a.as_of)),
                      width, 4)
      << "\n\n";
  const std::size_t author = width - 60;
  const auto line = [&](auto&&... cells) {
    return fmt::format("{:>3}  {}{:<12}{:>5}{:>6}{:>4}  {:<11}{:>5}{:>6}{:>4}\n", cells...);
  };
  out << line("#", render::pad_right("author", author), "level", "cmts", "posts", "mo", "last seen",
              "ans", "recip", "RFM");
  for (std::size_t i = 0; i < r.shown; ++i) {
    const AudienceRow& m = a.members[i];
    out << line(
        i + 1,
        render::pad_right(render::shorten_middle(visible_text(m.author), author - 1), author),
        level_name(m.level), m.comments, m.posts, m.months, day(m.last_seen), m.answers,
        reciprocity(m), m.rfm_code());
  }
  if (r.shown < a.members.size()) {
    out << fmt::format("  ... and {} more (--top N shows more)\n", a.members.size() - r.shown);
  }
}

constexpr std::array<std::string_view, 13> kColumns = {
    "rank",   "author", "level",   "comments", "posts",       "first_seen", "last_seen",
    "months", "words",  "answers", "answered", "reciprocity", "rfm"};

std::vector<std::string> cells(const AudienceRow& m, std::size_t rank) {
  return {std::to_string(rank),
          std::string(m.author),
          std::string(level_name(m.level)),
          std::to_string(m.comments),
          std::to_string(m.posts),
          format_utc(m.first_seen),
          format_utc(m.last_seen),
          std::to_string(m.months),
          std::to_string(m.words),
          std::to_string(m.answers),
          std::to_string(m.answered),
          m.reciprocity ? fmt::format("{:.4f}", *m.reciprocity) : std::string(),
          m.rfm_code()};
}

void render_csv(const AudienceReport& r, const RenderOptions& options, std::ostream& out) {
  for (std::size_t c = 0; c < kColumns.size(); ++c) {
    out << (c == 0 ? "" : ",") << kColumns[c];
  }
  out << '\n';
  for (std::size_t i = 0; i < r.shown; ++i) {
    const std::vector<std::string> row = cells(r.audience.members[i], i + 1);
    for (std::size_t c = 0; c < row.size(); ++c) {
      out << (c == 0 ? "" : ",") << render::csv_cell(row[c], options.csv_raw);
    }
    out << '\n';
  }
}

void render_json(const AudienceReport& r, const RenderOptions& /*options*/, std::ostream& out) {
  using Json = nlohmann::ordered_json;
  const Audience& a = r.audience;
  Json levels = Json::object();
  for (std::size_t l = 0; l < kLevelCount; ++l) {
    levels[std::string(level_name(static_cast<Level>(l)))] = a.per_level[l];
  }
  Json members = Json::array();
  for (std::size_t i = 0; i < r.shown; ++i) {
    const AudienceRow& m = a.members[i];
    members.push_back(Json{{"author", m.author},
                           {"level", level_name(m.level)},
                           {"comments", m.comments},
                           {"posts", m.posts},
                           {"first_seen", format_utc(m.first_seen)},
                           {"last_seen", format_utc(m.last_seen)},
                           {"months", m.months},
                           {"words", m.words},
                           {"answers", m.answers},
                           {"awaiting", m.awaiting},
                           {"answered", m.answered},
                           {"replied", m.replied},
                           {"reciprocity", m.reciprocity ? Json(*m.reciprocity) : Json(nullptr)},
                           {"rfm", m.rfm_code()}});
  }
  const Json doc{{"schema_version", kOutputSchemaVersion},
                 {"kind", "audience"},
                 {"account", Json{{"handle", r.account.handle}, {"platform", r.account.platform}}},
                 {"as_of", a.comments_known ? Json(format_utc(a.as_of)) : Json(nullptr)},
                 {"comments_known", a.comments_known},
                 {"members_total", a.members.size()},
                 {"levels", a.comments_known ? levels : Json(nullptr)},
                 {"members", members}};
  out << doc.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

std::string md_cell(std::string_view text) {
  return render::markdown_cell(text);  // (as the score report's Markdown)
}

void render_markdown(const AudienceReport& r, const RenderOptions& /*options*/, std::ostream& out) {
  const Audience& a = r.audience;
  out << "## Audience of " << md_cell(render::account_label(r.account)) << "\n\n";
  if (!a.comments_known) {
    out << "Unknown: the export holds no comments written by other people.\n";
    return;
  }
  out << render::levels_line(a.per_level) << ". " << legend(r.options) << ".\n\n";
  out << "| # | Author | Level | Comments | Posts | Months | Last seen | Answers | Reciprocity | "
         "RFM |\n|--:|---|---|--:|--:|--:|---|--:|--:|---|\n";
  for (std::size_t i = 0; i < r.shown; ++i) {
    const AudienceRow& m = a.members[i];
    out << fmt::format("| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |\n", i + 1,
                       md_cell(m.author), level_name(m.level), m.comments, m.posts, m.months,
                       day(m.last_seen), m.answers, reciprocity(m), m.rfm_code());
  }
}

}  // namespace

std::span<const RendererOf<AudienceReport>> audience_renderers() {
  static constexpr std::array<RendererOf<AudienceReport>, 4> kRenderers = {{
      {"table", render_table},
      {"csv", render_csv},
      {"json", render_json},
      {"markdown", render_markdown},
  }};
  return kRenderers;
}

}  // namespace ror
