// The metrics: a catalog (names, groups, definitions, sources) and their computation over a
// Dataset. Pure functions of the data: no I/O, no globals, input order never matters.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ror/dataset.hpp"

namespace ror {

// The three sides of the report.
enum class Group : std::uint8_t { roi, ror, hygiene };
inline constexpr std::array<Group, 3> kGroups = {Group::roi, Group::ror, Group::hygiene};

// "roi", "ror" or "hygiene".
std::string_view group_name(Group group);

// How a value reads: a count, a fraction in [0, 1], seconds, or any other ratio.
enum class Unit : std::uint8_t { count, rate, seconds, ratio };

// Every metric, in report order (the JSON key order). The ROI sums impressions..replies follow
// the order of PostMetric, so that sum_metric() maps one to the other.
enum class MetricId : std::uint8_t {
  // ROI
  posts,
  followers,
  impressions,
  reach,
  views,
  likes,
  shares,
  saves,
  clicks,
  conversions,
  quotes,
  bookmarks,
  replies,
  comments,
  audience_comments,
  engagements,
  engagement_rate_impressions,
  engagement_rate_followers,
  applause_rate,
  amplification_rate,
  posts_per_day,
  // ROR
  conversation_rate,
  audience,
  response_rate,
  response_time_median,
  response_time_p90,
  reciprocity_rate,
  repeat_audience_rate,
  retained_audience_rate,
  substantive_comment_rate,
  low_effort_comment_rate,
  action_rate,
  audience_concentration,
  outreach_replies,
  outreach_people,
  outreach_retained_rate,
  // Hygiene
  hashtag_abuse_rate,
  duplicate_post_rate,
  burst_post_rate,
  canned_reply_rate,
  mention_blast_rate,
  broadcast_ratio,
};
inline constexpr std::size_t kMetricCount = static_cast<std::size_t>(MetricId::broadcast_ratio) + 1;

// The ROI metric that sums post metric m over the posts that carry it.
constexpr MetricId sum_metric(PostMetric m) {
  return static_cast<MetricId>(static_cast<std::size_t>(MetricId::impressions) +
                               static_cast<std::size_t>(m));
}
static_assert(sum_metric(PostMetric::replies) == MetricId::replies);

// Which way a metric moves for the better, for comparisons: up, down, or neither (a volume such
// as posts, which is no aim in itself). docs/metrics.md gives each metric's and why.
enum class Better : std::uint8_t { higher, lower, neither };

// "higher", "lower" or "neither".
std::string_view better_name(Better better);

// What the catalog says of a metric.
struct MetricInfo {
  MetricId id;
  Group group;
  std::string_view name;
  Unit unit;
  Better better;                // which way is better (ror compare judges changes by it)
  std::string_view definition;  // one or two sentences
  std::string_view source;      // where the idea comes from
};

// Every metric in report order.
std::span<const MetricInfo> metric_catalog();

// How the table names a metric for a person, with its unit where it has one: "comments per
// post", "comments answered". `ror explain` knows these labels too.
std::string_view metric_label(MetricId id);

// The catalog entry of a metric.
const MetricInfo& metric_info(MetricId id);

// The metric called `name` in `group`, if there is one.
std::optional<MetricId> find_metric(Group group, std::string_view name);

// The thresholds inside the metric definitions (configurable, see data/score.json).
struct MetricOptions {
  std::uint32_t hashtag_limit = 2;          // more than this many hashtags is abuse
  std::uint32_t mention_blast = 3;          // this many distinct mentions or more is a blast
  std::uint32_t burst_posts = 3;            // this many original posts ...
  std::int64_t burst_window_seconds = 600;  // ... within this span is a burst
  std::uint32_t substantive_words = 15;  // a comment with at least this many words is substantive
  std::uint32_t low_effort_words = 3;    // a comment with at most this many words is low-effort
  std::size_t top = 10;                  // size of top_audience
  bool list_habit_posts = false;         // fill MetricValues::habit_posts (the HTML report's)
};

// One of the most active audience members.
struct AudienceMember {
  std::string author;
  std::uint64_t comments = 0;
  std::uint64_t posts = 0;  // distinct posts commented on
  TimeMs first_seen = 0;
  TimeMs last_seen = 0;
  std::uint64_t answers = 0;  // account comments replying to this member's comments
};

// Counts behind the rates, for explanations and for the scores.
struct MetricCounts {
  std::uint64_t original_posts = 0;
  std::uint64_t outreach_posts = 0;
  std::uint64_t account_comments = 0;
  std::uint64_t awaiting = 0;  // audience comments awaiting an answer
  std::uint64_t answered = 0;
  std::uint64_t reciprocated = 0;  // answered comments whose author replied to the answer
  std::uint64_t hashtag_abuse_posts = 0;
  std::uint64_t duplicate_posts = 0;
  std::uint64_t burst_posts = 0;
  std::uint64_t mention_blast_posts = 0;
  std::uint64_t clean_posts = 0;      // original posts showing none of the four post habits
  std::uint64_t account_answers = 0;  // account comments plus outreach posts
  std::uint64_t canned_replies = 0;
  TimeMs first_post = 0;
  TimeMs last_post = 0;
  std::uint64_t commented_posts = 0;  // posts whose export holds other people's comments
  std::uint64_t unanswered = 0;       // comments awaiting an answer that got none
  TimeMs oldest_unanswered = 0;       // the earliest of them (when there is one)
};

// Why a metric has no value.
enum class Unknown : std::uint8_t {
  known,        // it has a value
  not_carried,  // nothing in the export carries the figure
  no_comments,  // the export holds no comments written by other people
  no_cases,     // there is nothing to measure it on (its population is empty)
  one_post,     // comments are known on one post only: nobody could come back to another
  one_month,    // the posts lie within one calendar month: nobody could come back a month later
};

// What a metric needs before it can be measured at all, beyond a non-empty population: the
// window the data covers must be able to show the thing measured (bits, see metric_needs).
namespace needs {
inline constexpr std::uint8_t comments = 1;    // comments written by other people in the export
inline constexpr std::uint8_t two_posts = 2;   // those comments known on two posts or more
inline constexpr std::uint8_t two_months = 4;  // posts in two UTC calendar months or more
}  // namespace needs

// The habits a post can show (bits of MetricValues::habit_posts).
namespace habits {
inline constexpr std::uint8_t hashtags = 1;   // more than hashtag_limit hashtags
inline constexpr std::uint8_t duplicate = 2;  // repeats an earlier post's text
inline constexpr std::uint8_t burst = 4;      // one of a burst
inline constexpr std::uint8_t mentions = 8;   // mentions mention_blast people or more
}  // namespace habits

// What metric id needs (needs:: bits, 0 for nothing): the one rule that makes a metric unknown
// when the data cannot show it, applied by compute_metrics.
std::uint8_t metric_needs(MetricId id);

// Why metric `id` is unknown, in a few words: "the export holds no comments written by other
// people", "no comment awaits an answer". Empty for Unknown::known.
std::string unknown_reason(MetricId id, Unknown why);

// The value of every metric (nullopt: unknown), with what stands behind some of them.
struct MetricValues {
  std::array<std::optional<double>, kMetricCount> values{};
  std::array<Unknown, kMetricCount> why{};  // for each unknown value, why
  std::vector<AudienceMember> top_audience;
  std::vector<double> response_delays;  // seconds, one per answered comment, ascending
  // The original posts showing a habit: (index in Dataset::posts, habits:: bits), in input order;
  // filled when MetricOptions::list_habit_posts asks.
  std::vector<std::pair<std::uint32_t, std::uint8_t>> habit_posts;
  MetricCounts counts;

  // The value of metric id.
  std::optional<double> operator[](MetricId id) const {
    return values[static_cast<std::size_t>(id)];
  }
  // Sets the value of metric id (an unknown one for want of cases, unless said otherwise).
  void set(MetricId id, std::optional<double> value, Unknown why_unknown = Unknown::no_cases) {
    values[static_cast<std::size_t>(id)] = value;
    why[static_cast<std::size_t>(id)] = value ? Unknown::known : why_unknown;
  }
  // Why metric id is unknown (Unknown::known when it is not).
  Unknown why_unknown(MetricId id) const { return why[static_cast<std::size_t>(id)]; }
};

// Computes every metric over all posts of the dataset.
MetricValues compute_metrics(const Dataset& data, const MetricOptions& options);

// Computes every metric over the given posts (indices into data.posts) only.
MetricValues compute_metrics(const Dataset& data, std::span<const std::uint32_t> posts,
                             const MetricOptions& options);

}  // namespace ror
