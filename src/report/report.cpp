// Assembling the report: totals, scores, checks, unknown metrics and the optional breakdown.
#include <algorithm>
#include <array>
#include <deque>
#include <future>
#include <map>
#include <numeric>

#include <fmt/format.h>

#include "ror/report.hpp"

namespace ror {
namespace {

// Spells out a hygiene habit from the counts behind its rate.
std::string describe_flag(MetricId id, const MetricValues& m, const MetricOptions& o) {
  const MetricCounts& c = m.counts;
  switch (id) {
    case MetricId::hashtag_abuse_rate:
      return fmt::format("{} of {} original posts carry more than {} hashtags",
                         c.hashtag_abuse_posts, c.original_posts, o.hashtag_limit);
    case MetricId::duplicate_post_rate:
      return fmt::format("{} of {} original posts repeat an earlier post's text", c.duplicate_posts,
                         c.original_posts);
    case MetricId::burst_post_rate:
      return fmt::format("{} of {} original posts came in bursts of {}+ within {} minutes",
                         c.burst_posts, c.original_posts, o.burst_posts,
                         o.burst_window_seconds / 60);
    case MetricId::canned_reply_rate:
      return fmt::format("{} of {} answers share their text with another answer", c.canned_replies,
                         c.account_answers);
    case MetricId::mention_blast_rate:
      return fmt::format("{} of {} original posts mention {}+ people", c.mention_blast_posts,
                         c.original_posts, o.mention_blast);
    default:
      return fmt::format("{} original posts, {} answers: mostly broadcasting", c.original_posts,
                         c.account_answers);
  }
}

// A hygiene metric is flagged when it is worse than its score component's "good" value, or, for
// a metric the score does not weigh directly, when it is above 0.
std::vector<HygieneFlag> hygiene_flags(const MetricValues& m, const ScoreConfig& config) {
  std::vector<HygieneFlag> flags;
  const auto& components = config.components[static_cast<std::size_t>(Group::hygiene)];
  for (const MetricInfo& info : metric_catalog()) {
    const auto v = m[info.id];
    if (info.group != Group::hygiene || !v) {
      continue;
    }
    const auto c = std::find_if(components.begin(), components.end(),
                                [&](const ScoreComponent& sc) { return sc.input == info.name; });
    const bool worse =
        c == components.end() ? *v > 0 : (c->bad > c->good ? *v > c->good : *v < c->good);
    if (worse) {
      flags.push_back({info.id, *v, describe_flag(info.id, m, config.metrics)});
    }
  }
  return flags;
}

// A post's first words on one line (whitespace made single spaces), when the load kept them
// (LoadOptions::keep_excerpts); "" otherwise.
std::string excerpt_line(const PostExcerpt* e) {
  std::string line;
  if (e != nullptr) {
    for (const char c : e->text) {  // (one line whatever the text holds)
      const bool space = c == ' ' || c == '\n' || c == '\r' || c == '\t';
      if (!space) {
        line += c;
      } else if (!line.empty() && line.back() != ' ') {
        line += ' ';
      }
    }
  }
  return line;
}

}  // namespace

std::span<const MetricId> breakdown_metrics() {
  static constexpr std::array<MetricId, 12> kColumns = {MetricId::posts,
                                                        MetricId::impressions,
                                                        MetricId::likes,
                                                        MetricId::shares,
                                                        MetricId::engagements,
                                                        MetricId::engagement_rate_impressions,
                                                        MetricId::audience_comments,
                                                        MetricId::conversation_rate,
                                                        MetricId::audience,
                                                        MetricId::response_rate,
                                                        MetricId::response_time_median,
                                                        MetricId::reciprocity_rate};
  return kColumns;
}

namespace {
constexpr std::array<std::string_view, 5> kBreakdownNames = {"post", "day", "week", "month",
                                                             "platform"};
}  // namespace

std::string_view breakdown_name(BreakdownBy by) {
  return kBreakdownNames[static_cast<std::size_t>(by)];
}

std::optional<BreakdownBy> find_breakdown(std::string_view name) {
  for (std::size_t i = 0; i < kBreakdownNames.size(); ++i) {
    if (kBreakdownNames[i] == name) {
      return static_cast<BreakdownBy>(i);
    }
  }
  return std::nullopt;
}

std::span<const std::string_view> breakdown_names() {
  return kBreakdownNames;
}

void add_trends(Report& report, const Dataset& data, const ScoreConfig& config) {
  report.trends = Breakdown(data, config, BreakdownBy::month).all();
}

Breakdown::Breakdown(const Dataset& data, const ScoreConfig& config, BreakdownBy by)
    : data_(&data), config_(config), by_(by) {
  config_.metrics.top = 0;  // (no row shows a top audience)
  const auto close_group = [this] { starts_.push_back(posts_.size()); };
  starts_.push_back(0);
  if (by == BreakdownBy::post) {
    posts_.resize(data.posts.size());
    std::iota(posts_.begin(), posts_.end(), 0U);
    // Chronological, ties by id, so that input order never changes the output.
    std::sort(posts_.begin(), posts_.end(), [&](std::uint32_t a, std::uint32_t b) {
      const Post& pa = data.posts[a];
      const Post& pb = data.posts[b];
      return pa.created_at != pb.created_at ? pa.created_at < pb.created_at
                                            : data.post_ids[a] < data.post_ids[b];
    });
    starts_.resize(posts_.size() + 1);
    std::iota(starts_.begin(), starts_.end(), std::size_t{0});
    return;
  }
  if (by == BreakdownBy::platform) {
    // In the order the inputs bring them, then "all": the whole, beside them.
    std::vector<std::vector<std::uint32_t>> of(data.platforms.size());
    for (std::uint32_t i = 0; i < data.posts.size(); ++i) {
      of[data.posts[i].platform].push_back(i);
    }
    for (std::size_t p = 0; p < of.size(); ++p) {
      if (!of[p].empty()) {
        // ror/v1 posts carry no platform of their own: the account's, else "ror/v1".
        const std::string& name = data.platforms[p];
        keys_.push_back(!name.empty()                    ? name
                        : !data.account.platform.empty() ? data.account.platform
                                                         : std::string("ror/v1"));
        posts_.insert(posts_.end(), of[p].begin(), of[p].end());
        close_group();
      }
    }
    keys_.emplace_back("all");
    for (std::uint32_t i = 0; i < data.posts.size(); ++i) {
      posts_.push_back(i);
    }
    close_group();
    return;
  }
  // Periods (UTC), ascending: keyed by an index that sorts in time.
  const auto index = [by](TimeMs t) {
    return by == BreakdownBy::day    ? utc_day_index(t)
           : by == BreakdownBy::week ? iso_week_start(utc_day_index(t))
                                     : utc_month_index(t);
  };
  std::map<std::int64_t, std::vector<std::uint32_t>> periods;
  for (std::uint32_t i = 0; i < data.posts.size(); ++i) {
    periods[index(data.posts[i].created_at)].push_back(i);
  }
  for (const auto& [period, posts] : periods) {
    keys_.push_back(by == BreakdownBy::day    ? format_day(period)
                    : by == BreakdownBy::week ? format_iso_week(period)
                                              : format_month(period));
    posts_.insert(posts_.end(), posts.begin(), posts.end());
    close_group();
  }
}

BreakdownRow Breakdown::operator[](std::size_t i) const {
  const std::span<const std::uint32_t> posts(posts_.data() + starts_[i],
                                             starts_[i + 1] - starts_[i]);
  BreakdownRow row;
  row.key = by_ == BreakdownBy::post ? std::string(data_->post_ids[posts.front()]) : keys_[i];
  row.metrics = compute_metrics(*data_, posts, config_.metrics);
  row.scores = compute_scores(row.metrics, config_);
  if (by_ == BreakdownBy::post) {
    const PostExcerpt* e = data_->excerpt(posts.front());
    row.excerpt = excerpt_line(e);
    if (e != nullptr) {
      row.url = e->url;
    }
  }
  return row;
}

std::vector<BreakdownRow> Breakdown::all() const {
  std::vector<BreakdownRow> rows;
  rows.reserve(size());
  for (const BreakdownRow& row : *this) {
    rows.push_back(row);
  }
  return rows;
}

// The rows computed ahead: the chunk the loop reads, and the next ones on their way.
struct Breakdown::Iterator::Ahead {
  std::size_t first = 0;  // the row index of chunk[0]
  std::vector<BreakdownRow> chunk;
  std::deque<std::future<std::vector<BreakdownRow>>> next;  // the chunks after it, in order
};

namespace {

constexpr std::size_t kChunkRows = 256;
// Chunks on their way: two, so that both cores compute while the loop's body writes.
constexpr std::size_t kChunksAhead = 2;

std::vector<BreakdownRow> compute_rows(const Breakdown& rows, std::size_t from) {
  std::vector<BreakdownRow> chunk;
  const std::size_t to = std::min(rows.size(), from + kChunkRows);
  chunk.reserve(to - from);
  for (std::size_t i = from; i < to; ++i) {
    chunk.push_back(rows[i]);
  }
  return chunk;
}

}  // namespace

Breakdown::Iterator::Iterator(const Breakdown* rows, std::size_t at)
    : rows_(rows), at_(at), ahead_(std::make_unique<Ahead>()) {
  ahead_->first = at;
  if (at < rows->size()) {
    ahead_->chunk = compute_rows(*rows, at);
  }
}

Breakdown::Iterator::Iterator(Iterator&&) noexcept = default;
Breakdown::Iterator& Breakdown::Iterator::operator=(Iterator&&) noexcept = default;
Breakdown::Iterator::~Iterator() = default;  // (waits for the chunks still on their way)

const BreakdownRow& Breakdown::Iterator::operator*() const {
  return ahead_->chunk[at_ - ahead_->first];
}

Breakdown::Iterator& Breakdown::Iterator::operator++() {
  Ahead& a = *ahead_;
  ++at_;
  if (at_ == a.first + a.chunk.size() && at_ < rows_->size()) {
    a.chunk = a.next.front().get();
    a.next.pop_front();
    a.first = at_;
  }
  // (the first chunk is computed at once, and the ones after it once the loop has begun; every
  // chunk but the last is whole, so the first row not yet asked for follows from them)
  for (std::size_t from = a.first + a.chunk.size() + a.next.size() * kChunkRows;
       a.next.size() < kChunksAhead && from < rows_->size(); from += kChunkRows) {
    a.next.push_back(std::async(std::launch::async, compute_rows, std::cref(*rows_), from));
  }
  return *this;
}

VisualReport build_visual_report(const Dataset& data, const ScoreConfig& config,
                                 const std::vector<Requirement>& requirements) {
  VisualReport v;
  ScoreConfig listing = config;
  listing.metrics.list_habit_posts = true;  // the page shows the posts behind each habit
  v.report = build_report(data, listing, requirements);
  v.posts = Breakdown(data, config, BreakdownBy::post).all();
  v.months = Breakdown(data, config, BreakdownBy::month).all();
  v.audience = compute_audience(data, config.audience);
  for (const auto& [post, bits] : v.report.metrics.habit_posts) {
    const PostExcerpt* e = data.excerpt(post);
    v.habit_posts.push_back({bits, data.posts[post].created_at, std::string(data.post_ids[post]),
                             excerpt_line(e), e != nullptr ? std::string(e->url) : std::string()});
  }
  std::sort(v.habit_posts.begin(), v.habit_posts.end(), [](const HabitPost& a, const HabitPost& b) {
    return a.time != b.time ? a.time < b.time : a.id < b.id;
  });
  return v;
}

bool Report::passed() const {
  return std::all_of(checks.begin(), checks.end(), [](const CheckResult& c) { return c.passed; });
}

Report build_report(const Dataset& data, std::span<const std::uint32_t> posts,
                    const ScoreConfig& config, const std::vector<Requirement>& requirements) {
  Report report;
  report.account = data.account;
  report.input = data.input;
  report.options = config.metrics;
  report.metrics = compute_metrics(data, posts, config.metrics);
  report.scores = compute_scores(report.metrics, config, true);
  for (const MetricInfo& info : metric_catalog()) {
    if (!report.metrics[info.id]) {
      report.unknown.push_back(info.id);
    }
  }
  report.flags = hygiene_flags(report.metrics, config);
  if (const Audience audience = compute_audience(data, config.audience, true);
      audience.comments_known) {
    report.levels = audience.per_level;
  }
  for (const Requirement& r : requirements) {
    CheckResult& c = report.checks.emplace_back(
        check_requirement(r, requirement_value(r, report.metrics, report.scores)));
    if (!r.metric && !r.coverage && report.scores.low_confidence_of(r.group)) {
      c.low_coverage = report.scores.coverage_of(r.group);
    }
  }
  return report;
}

Report build_report(const Dataset& data, const ScoreConfig& config,
                    const std::vector<Requirement>& requirements, std::optional<BreakdownBy> by) {
  std::vector<std::uint32_t> all(data.posts.size());
  std::iota(all.begin(), all.end(), 0U);
  Report report = build_report(data, all, config, requirements);
  report.by = by;
  if (by) {
    report.rows = Breakdown(data, config, *by);
  }
  return report;
}

}  // namespace ror
