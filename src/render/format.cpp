// The human formatting shared by the table and Markdown renderers (see format.hpp).
#include "render/format.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "ror/text.hpp"

namespace ror::render {

std::string thousands(double value) {
  // (digits of the rounded value, however large: a sum may pass 2^63)
  std::string digits = fmt::format("{:.0f}", std::abs(std::round(value)));
  const bool negative = std::round(value) < 0;
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) {
      out.push_back(',');
    }
    out.push_back(digits[i]);
  }
  return negative ? "-" + out : out;
}

std::string duration(double seconds) {
  const auto s = static_cast<long long>(std::llround(seconds));
  if (s >= 86400) {
    return fmt::format("{}d {:02}h", s / 86400, s % 86400 / 3600);
  }
  if (s >= 3600) {
    return fmt::format("{}h {:02}m", s / 3600, s % 3600 / 60);
  }
  if (s >= 60) {
    return fmt::format("{}m {:02}s", s / 60, s % 60);
  }
  return fmt::format("{}s", s);
}

namespace {

// Columns a code point takes on a terminal: 0 for combining marks, zero-width characters and
// variation selectors, 2 for East Asian wide and fullwidth characters and emoji, else 1.
std::size_t width_of(char32_t c) {
  if ((c >= 0x0300 && c <= 0x036f) || (c >= 0x200b && c <= 0x200f) || c == 0xfe0f || c == 0xfe0e ||
      (c >= 0x20d0 && c <= 0x20ff)) {
    return 0;
  }
  const bool wide = (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) ||
                    (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) ||
                    (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) ||
                    (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x1f300 && c <= 0x1faff) ||
                    (c >= 0x20000 && c <= 0x3fffd);
  return wide ? 2 : 1;
}

// The byte offset where the first `n` columns of a UTF-8 string end, whole characters only.
std::size_t byte_of_column(std::string_view s, std::size_t n) {
  std::size_t used = 0;
  for (std::size_t i = 0; i < s.size();) {
    const auto [cp, size] = decode_utf8(s, i);
    used += width_of(cp);
    if (used > n) {
      return i;
    }
    i += size;
  }
  return s.size();
}

}  // namespace

std::size_t columns(std::string_view s) {
  std::size_t used = 0;
  for (std::size_t i = 0; i < s.size();) {
    const auto [cp, size] = decode_utf8(s, i);
    used += width_of(cp);
    i += size;
  }
  return used;
}

std::string fit(std::string_view s, std::size_t width) {
  if (columns(s) <= width) {
    return std::string(s);
  }
  return std::string(s.substr(0, byte_of_column(s, width == 0 ? 0 : width - 1))) + "~";
}

std::string shorten_middle(std::string_view s, std::size_t width) {
  const std::size_t n = columns(s);
  if (n <= width || width < 3) {
    return fit(s, width);
  }
  // Keep a domain ("@host", after the name) whole when it leaves room for the name's start.
  std::size_t tail = (width - 1) / 2;
  if (const std::size_t at = s.rfind('@'); at != std::string_view::npos && at > 0) {
    const std::size_t domain = columns(s.substr(at));
    if (domain + 4 <= width) {
      tail = domain;
    }
  }
  const std::size_t head = width - 1 - tail;
  // The tail: the shortest end of s that takes `tail` columns or fewer.
  std::size_t from = byte_of_column(s, n - tail);
  while (from < s.size() && columns(s.substr(from)) > tail) {
    from += decode_utf8(s, from).second;
  }
  return std::string(s.substr(0, byte_of_column(s, head))) + "\u2026" + std::string(s.substr(from));
}

std::string pad_right(std::string_view s, std::size_t width) {
  const std::size_t c = columns(s);
  return std::string(s) + std::string(c < width ? width - c : 0, ' ');
}

std::string wrap(std::string_view text, std::size_t width, std::size_t indent) {
  std::string out;
  std::size_t line = 0;
  std::size_t pos = 0;
  // (leading spaces are kept: they indent the first line)
  while (pos < text.size() && text[pos] == ' ') {
    out += ' ';
    ++line;
    ++pos;
  }
  const std::size_t lead = line;
  while (pos < text.size()) {
    if (text[pos] == ' ') {  // spaces between words are kept as written while the line has room
      if (line < width) {
        out += ' ';
        ++line;
      }
      ++pos;
      continue;
    }
    std::size_t end = text.find(' ', pos);
    end = end == std::string_view::npos ? text.size() : end;
    const std::string_view word = text.substr(pos, end - pos);
    if (line > std::max(indent, lead) && line + columns(word) > width) {
      while (!out.empty() && out.back() == ' ') {
        out.pop_back();
      }
      out.push_back('\n');
      out.append(indent, ' ');
      line = indent;
    }
    out += fit(word, width - indent);
    line += columns(word);
    pos = end;
  }
  return out;
}

std::string metric_detail(MetricId id, const MetricValues& v, const MetricOptions& o) {
  const MetricCounts& c = v.counts;
  const auto n = [&](MetricId m) { return std::llround(v[m].value_or(0)); };
  const auto part = [&](MetricId of_what) {
    return std::llround(*v[id] * static_cast<double>(n(of_what)));
  };
  // "1 person", "3 people", "1 post", ...
  const auto of = [](long long k, std::string_view one, std::string_view many) {
    return fmt::format("{} {}", k, k == 1 ? one : many);
  };
  const auto count = [](std::uint64_t k) { return static_cast<long long>(k); };
  const std::string_view originals = c.original_posts == 1 ? "post" : "posts";
  // "3 of 89 original posts": a habit's posts among the originals.
  const auto of_originals = [&](std::uint64_t k) {
    return fmt::format("{} of {} original {}", k, c.original_posts, originals);
  };
  switch (id) {
    case MetricId::posts:
      return fmt::format("{} original, {} replies to others", c.original_posts, c.outreach_posts);
    case MetricId::audience_comments:
      return fmt::format("on {} whose comments are known",
                         of(count(c.commented_posts), "post", "posts"));
    case MetricId::applause_rate:
      return v[MetricId::likes] ? fmt::format("{} likes", thousands(*v[MetricId::likes])) : "";
    case MetricId::amplification_rate:
      return v[MetricId::shares] ? fmt::format("{} shares", thousands(*v[MetricId::shares])) : "";
    case MetricId::conversation_rate:
      return fmt::format("{} by others on {}",
                         of(n(MetricId::audience_comments), "comment", "comments"),
                         of(count(c.commented_posts), "post", "posts"));
    case MetricId::response_rate:
      return fmt::format("answered {} of {} awaiting an answer", c.answered,
                         of(count(c.awaiting), "comment", "comments"));
    case MetricId::response_time_median:
      return "over " + of(count(c.answered), "answer", "answers");
    case MetricId::reciprocity_rate:
      return fmt::format("{} of {} answered {} wrote back", c.reciprocated, c.answered,
                         c.answered == 1 ? "person" : "people");
    case MetricId::repeat_audience_rate:
    case MetricId::retained_audience_rate:
      return fmt::format("{} of {}", part(MetricId::audience),
                         of(n(MetricId::audience), "person", "people"));
    case MetricId::substantive_comment_rate:
      return fmt::format("{} of {}+ words",
                         of(part(MetricId::audience_comments), "comment", "comments"),
                         o.substantive_words);
    case MetricId::low_effort_comment_rate:
      return fmt::format("{} of {} words or fewer",
                         of(part(MetricId::audience_comments), "comment", "comments"),
                         o.low_effort_words);
    case MetricId::audience_concentration:
      return "of " + of(n(MetricId::audience), "person", "people");
    case MetricId::outreach_retained_rate:
      return "of " + of(n(MetricId::outreach_people), "person", "people");
    case MetricId::hashtag_abuse_rate:
      return of_originals(c.hashtag_abuse_posts);
    case MetricId::duplicate_post_rate:
      return of_originals(c.duplicate_posts);
    case MetricId::burst_post_rate:
      return of_originals(c.burst_posts);
    case MetricId::mention_blast_rate:
      return of_originals(c.mention_blast_posts);
    case MetricId::canned_reply_rate:
      return fmt::format("{} of {}", c.canned_replies,
                         of(count(c.account_answers), "answer", "answers"));
    case MetricId::broadcast_ratio:
      return fmt::format("{} original {}, {}", c.original_posts, originals,
                         of(count(c.account_answers), "answer", "answers"));
    default:
      return "";
  }
}

std::string human_value(std::optional<double> value, Unit unit) {
  if (!value) {
    return "n/a";
  }
  switch (unit) {
    case Unit::count:
      return thousands(*value);
    case Unit::rate:
      return fmt::format("{:.1f}%", *value * 100.0);
    case Unit::seconds:
      return duration(*value);
    case Unit::ratio:
      return fmt::format("{:.2f}", *value);
  }
  return "n/a";
}

std::string human_score(std::optional<double> score) {
  return score ? fmt::format("{:.1f}", *score) : "n/a";
}

std::string verdict_line(const Scores& scores) {
  switch (scores.verdict) {
    case Verdict::relationship_builder:
      return "relationship-builder: reach that people answer and return to";
    case Verdict::broadcaster:
      return "broadcaster: reach without relationship";
    case Verdict::niche_community:
      return "niche-community: small reach, real relationships";
    case Verdict::dormant:
      return "dormant: little reach and little relationship";
    case Verdict::insufficient_data:
      return "insufficient-data: " + scores.insufficient;
  }
  return std::string(verdict_name(scores.verdict));
}

namespace {

// "1 post", "2 posts", "1,200 posts".
std::string count_of(double n, std::string_view noun) {
  return fmt::format("{} {}{}", thousands(n), noun, std::llround(n) == 1 ? "" : "s");
}

// "x-archive" or "x-archive 3, mastodon-api 1": the formats of some files, with their counts
// when there are several files.
std::string formats_of(const std::vector<std::pair<std::string, std::size_t>>& formats,
                       std::size_t files) {
  std::string out;
  for (const auto& [format, n] : formats) {
    out += out.empty() ? "" : ", ";
    out += formats.size() == 1 ? format : fmt::format("{} {}", format, thousands(double(n)));
  }
  return files == 1 ? out
                    : fmt::format("{}: {}", count_of(static_cast<double>(files), "file"), out);
}

// Adds one file of `format` to a list of formats with their counts (first-seen order).
void count_format(std::vector<std::pair<std::string, std::size_t>>& formats,
                  const std::string& format) {
  const auto it = std::find_if(formats.begin(), formats.end(),
                               [&](const auto& f) { return f.first == format; });
  if (it == formats.end()) {
    formats.emplace_back(format, 1);
  } else {
    ++it->second;
  }
}

// The inputs with their formats: each command-line path ("export.zip (4 files: x-archive)"),
// or, for more than a few, the files by format.
std::string inputs_of(const InputStats& in) {
  struct Origin {
    std::string path;
    std::size_t files = 0;
    std::vector<std::pair<std::string, std::size_t>> formats;
  };
  std::vector<Origin> origins;
  std::vector<std::pair<std::string, std::size_t>> all;
  for (std::size_t i = 0; i < in.files.size(); ++i) {
    const std::string& format = i < in.formats.size() ? in.formats[i] : std::string("?");
    const std::string& origin = i < in.origins.size() ? in.origins[i] : in.files[i];
    if (origins.empty() || origins.back().path != origin) {
      origins.push_back({origin, 0, {}});
    }
    ++origins.back().files;
    count_format(origins.back().formats, format);
    count_format(all, format);
  }
  constexpr std::size_t kListed = 4;
  if (origins.size() > kListed) {
    return fmt::format("{} ({})", count_of(static_cast<double>(in.files.size()), "file"),
                       formats_of(all, 1));
  }
  std::string out;
  for (const Origin& o : origins) {
    out +=
        fmt::format("{}{} ({})", out.empty() ? "" : ", ", o.path, formats_of(o.formats, o.files));
  }
  return out.empty() ? "no files" : out;
}

}  // namespace

std::string input_line(const Report& report) {
  const InputStats& in = report.input;
  const MetricCounts& c = report.metrics.counts;
  std::string line =
      fmt::format("{}, {}: {} scored ({} original, {} outreach), {}", inputs_of(in),
                  count_of(static_cast<double>(in.bytes), "byte"),
                  count_of(report.metrics[MetricId::posts].value_or(0), "post"),
                  thousands(static_cast<double>(c.original_posts)),
                  thousands(static_cast<double>(c.outreach_posts)),
                  count_of(report.metrics[MetricId::comments].value_or(0), "comment"));
  if (in.foreign_posts > 0) {
    line += fmt::format("; {} by others skipped",
                        count_of(static_cast<double>(in.foreign_posts), "post"));
  }
  if (in.filtered_posts > 0) {
    line += fmt::format("; {} outside the time window",
                        count_of(static_cast<double>(in.filtered_posts), "post"));
  }
  if (in.anonymous_comments > 0) {
    line += fmt::format("; {} by deleted accounts (counted, but as no audience member)",
                        count_of(static_cast<double>(in.anonymous_comments), "comment"));
  }
  if (in.posts_merged > 0) {
    line += fmt::format("; {} seen in two inputs, merged",
                        count_of(static_cast<double>(in.posts_merged), "post"));
  }
  for (const auto& [reason, n] : in.skipped.counts) {
    line += fmt::format("; {} skipped: {}", thousands(static_cast<double>(n)), reason);
  }
  const Warnings& w = in.warnings;
  if (w.total() == 0) {
    return visible_text(line + "; no warnings");  // (file names come from anyone)
  }
  std::string parts;
  for (const Warnings::Kind& kind : Warnings::kinds()) {
    if (const std::uint64_t n = w.*kind.counter; n > 0) {
      parts += fmt::format("{}{} {}", parts.empty() ? "" : ", ", n, kind.label);
    }
  }
  return visible_text(
      line + fmt::format("; {} warning{} ({})", w.total(), w.total() == 1 ? "" : "s", parts));
}

std::string account_label(const Account& account) {
  std::string name = !account.handle.empty()  ? account.handle
                     : !account.id.empty()    ? account.id
                     : !account.names.empty() ? account.names.front()
                                              : "(unnamed account)";
  if (account.inferred) {
    name += " (inferred)";
  }
  std::string label =
      account.platform.empty() ? name : fmt::format("{} on {}", name, account.platform);
  for (const auto& [platform, handle] : account.others) {
    const bool guessed = std::find(account.guessed.begin(), account.guessed.end(),
                                   std::pair{platform, handle}) != account.guessed.end();
    label += fmt::format(", {}{} on {}", handle, guessed ? " (inferred)" : "", platform);
  }
  return visible_text(label);
}

std::string period_line(const Report& report) {
  const MetricCounts& c = report.metrics.counts;
  const InputStats& in = report.input;
  std::string out = report.metrics[MetricId::posts].value_or(0) > 0
                        ? fmt::format("Period: {} to {}, first to last post",
                                      format_day(utc_day_index(c.first_post)),
                                      format_day(utc_day_index(c.last_post)))
                        : std::string("Period: no post");
  if (in.since || in.until) {
    out += fmt::format("; window {} to {}",
                       in.since ? format_time_bound(*in.since, false) : std::string("the start"),
                       in.until ? format_time_bound(*in.until, true) : std::string("the end"));
  }
  return out;
}

std::string coverage_line(const Scores& scores) {
  std::string parts;
  bool partial = false;
  for (const Group g : kGroups) {
    const double c = scores.coverage_of(g);
    partial = partial || c < 1.0;
    parts += fmt::format(
        "{}{:.0f}% ({})", parts.empty() ? "" : ", ", c * 100.0,
        g == Group::hygiene ? std::string("hygiene") : (g == Group::roi ? "ROI" : "ROR"));
  }
  return partial ? fmt::format("Known inputs carry {} of each score's weight", parts) : "";
}

std::string unknown_list(const Report& report) {
  std::vector<std::pair<std::string, std::string>> groups;  // reason, names
  for (const MetricId id : report.unknown) {
    const std::string reason = unknown_reason(id, report.metrics.why_unknown(id));
    auto it = std::find_if(groups.begin(), groups.end(),
                           [&](const auto& g) { return g.first == reason; });
    if (it == groups.end()) {
      groups.emplace_back(reason, "");
      it = groups.end() - 1;
    }
    it->second += (it->second.empty() ? "" : ", ") + std::string(metric_info(id).name);
  }
  std::string out;
  for (const auto& [reason, names] : groups) {
    out += fmt::format("{}{} ({})", out.empty() ? "" : "; ", names, reason);
  }
  return out;
}

std::string check_line(const CheckResult& check) {
  const Requirement& r = check.requirement;
  const std::string measured =
      check.value ? fmt::format("{:.6g}", *check.value) : std::string("unknown");
  const std::string low =
      check.low_coverage ? fmt::format("; low confidence: the score rests on {:.0f}% of its weight",
                                       std::floor(*check.low_coverage * 100.0))
                         : std::string();
  return fmt::format("{}: measured {} ({}{})", r.text, measured, check.passed ? "passed" : "failed",
                     low);
}

std::string csv_cell(std::string_view text, bool raw) {
  const std::string cell = raw ? std::string(text) : spreadsheet_safe(text);
  if (cell.find_first_of(",\"\r\n") == std::string::npos) {
    return cell;
  }
  std::string out = "\"";
  for (const char c : cell) {
    out += c == '"' ? std::string("\"\"") : std::string(1, c);
  }
  return out + "\"";
}

std::string markdown_cell(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == '|' || c == '*' || c == '_' || c == '`' || c == '\\' || c == '<' || c == '[') {
      out.push_back('\\');
    }
    out.push_back(c == '\n' || c == '\r' ? ' ' : c);
  }
  return out;
}

std::string sparkline(const std::vector<std::optional<double>>& values, double lo, double hi) {
  constexpr std::array<std::string_view, 8> kBars = {"\u2581", "\u2582", "\u2583", "\u2584",
                                                     "\u2585", "\u2586", "\u2587", "\u2588"};
  std::string line;
  for (const std::optional<double>& v : values) {
    if (!v) {
      line += "\u00b7";
      continue;
    }
    const double at = hi > lo ? std::clamp((*v - lo) / (hi - lo), 0.0, 1.0) : 0.5;
    line += kBars[static_cast<std::size_t>(std::lround(at * 7.0))];
  }
  return line;
}

std::string levels_line(const std::array<std::uint64_t, kLevelCount>& levels) {
  std::string line;
  for (std::size_t l = 0; l < kLevelCount; ++l) {
    line += fmt::format("{}{} {}{}", l == 0 ? "" : ", ", levels[l],
                        level_name(static_cast<Level>(l)), levels[l] == 1 ? "" : "s");
  }
  return line;
}

std::string paint(bool color, std::string_view code, std::string_view s) {
  return color ? fmt::format("\x1b[{}m{}\x1b[0m", code, s) : std::string(s);
}

namespace {

// "+37%", "-4.2%", or "x12" for a growth past ten times, where a percentage stops reading.
std::string relative_text(double relative) {
  if (relative >= 9.5) {
    return fmt::format("x{:.0f}", relative + 1.0);
  }
  const double percent = relative * 100.0;
  // (one decimal where a whole percent would mislead: below 10%, and a fall to nearly nothing
  // that would read -100%, as if B had none)
  const bool fine = std::abs(percent) < 9.95 || (percent <= -99.5 && percent > -100.0);
  return fine ? fmt::format("{:+.1f}%", percent) : fmt::format("{:+.0f}%", percent);
}

// A positive amount with `decimals` decimals, or, when that would read as zero, with as many as
// its first digit needs (up to six), so that a change judged better or worse never shows as none.
std::string small_or(double amount, int decimals) {
  if (amount > 0 && amount < 0.5 * std::pow(10.0, -decimals)) {
    decimals = std::min(6, static_cast<int>(std::ceil(-std::log10(amount))));
  }
  return fmt::format("{:.{}f}", amount, decimals);
}

}  // namespace

std::string compact_count(double value) {
  constexpr std::array<std::pair<double, std::string_view>, 3> kScales = {
      {{1e12, "T"}, {1e9, "B"}, {1e6, "M"}}};
  if (std::abs(value) >= 1e7) {
    for (const auto& [scale, suffix] : kScales) {
      if (std::abs(value) >= scale) {
        return fmt::format("{:.1f}{}", value / scale, suffix);
      }
    }
  }
  return thousands(value);
}

std::string human_change(const Change& change, Unit unit, bool compact) {
  if (!change.delta) {
    return "n/a";
  }
  const double d = *change.delta;
  const std::string sign = d > 0 ? "+" : d < 0 ? "-" : "";
  std::string text;
  switch (unit) {
    case Unit::count:
      text = sign + (compact ? compact_count(std::abs(d)) : thousands(std::abs(d)));
      break;
    case Unit::rate:
      text = sign + small_or(std::abs(d) * 100.0, 1) + " pts";
      break;
    case Unit::seconds:
      text = sign + duration(std::abs(d));
      break;
    case Unit::ratio:
      text = sign + small_or(std::abs(d), 2);
      break;
  }
  if (change.relative && d != 0) {
    text += " (" + relative_text(*change.relative) + ")";
  }
  return text;
}

std::string human_score_change(const Change& change) {
  if (!change.delta) {
    return "n/a";
  }
  return *change.delta == 0 ? std::string("0.0") : fmt::format("{:+.1f}", *change.delta);
}

std::string side_name(const Comparison& c, Side side) {
  if (c.split) {
    const std::string when = format_time_bound(*c.split, false);
    return side == Side::a ? "before " + when : "from " + when + " on";
  }
  return account_label(side == Side::a ? c.a.account : c.b.account);
}

std::string judgement_summary(const Comparison& c) {
  std::size_t better = 0;
  std::size_t worse = 0;
  std::size_t same = 0;
  std::size_t unknown = 0;
  for (const Change& m : c.metrics) {
    better += m.judgement == Judgement::better ? 1 : 0;
    worse += m.judgement == Judgement::worse ? 1 : 0;
    same += m.judgement == Judgement::same ? 1 : 0;
    unknown += m.judgement == Judgement::unknown && (m.a || m.b) ? 1 : 0;
  }
  std::string out = fmt::format("B against A: {} metric{} better, {} worse", better,
                                better == 1 ? "" : "s", worse);
  if (same > 0) {
    out += fmt::format(", {} the same", same);
  }
  if (unknown > 0) {
    out += fmt::format(", {} unknown on one side", unknown);
  }
  return out;
}

}  // namespace ror::render
