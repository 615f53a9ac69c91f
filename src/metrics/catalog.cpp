// The metric catalog: the one place that names each metric, its group, unit, definition and
// source. Output key order, `ror explain`, --require paths and CSV columns all come from here.
#include <algorithm>
#include <array>

#include "metrics/selection.hpp"
#include "ror/metrics.hpp"

namespace ror {
namespace {

constexpr std::string_view kReach = "Common reach reporting in social analytics (ROI side)";
constexpr std::string_view kKaushik =
    "Avinash Kaushik, 'Best Social Media Metrics: Conversation, Amplification, Applause, "
    "Economic Value' (2011)";
constexpr std::string_view kEngagement =
    "Industry engagement-rate conventions (by impressions, by followers)";
constexpr std::string_view kRubin =
    "Ted Rubin, Return on Relationship: listen, answer, engage long-term";
constexpr std::string_view kSeed =
    "'Return on Relationship' blog post: how many READ and ACT, not how many could see";
constexpr std::string_view kHabits =
    "ROI-inflating habits named in the ROR blog post: tweet blasts, hashtag abuse, spamming";

using enum MetricId;
using enum Group;
using enum Unit;
using enum Better;

constexpr std::array<MetricInfo, kMetricCount> kCatalog = {{
    {posts, roi, "posts", count, neither, "Posts by the account: originals plus outreach replies.",
     kReach},
    {followers, roi, "followers", count, higher, "The account's follower count as exported.",
     kReach},
    {impressions, roi, "impressions", count, higher,
     "Sum of impressions over the posts that carry the figure.", kReach},
    {reach, roi, "reach", count, higher, "Sum of reach over the posts that carry it.", kReach},
    {views, roi, "views", count, higher, "Sum of views over the posts that carry it.", kReach},
    {likes, roi, "likes", count, higher, "Sum of likes over the posts that carry it.", kReach},
    {shares, roi, "shares", count, higher, "Sum of shares over the posts that carry it.", kReach},
    {saves, roi, "saves", count, higher, "Sum of saves over the posts that carry it.", kReach},
    {clicks, roi, "clicks", count, higher, "Sum of clicks over the posts that carry it.", kReach},
    {conversions, roi, "conversions", count, higher,
     "Sum of conversions over the posts that carry it.", kReach},
    {quotes, roi, "quotes", count, higher,
     "Sum of quotes (shares with a comment of one's own) over the posts that carry them.", kReach},
    {bookmarks, roi, "bookmarks", count, higher, "Sum of bookmarks over the posts that carry them.",
     kReach},
    {replies, roi, "replies", count, higher,
     "Sum of the platform's own reply counts over the posts that carry one: the comments that "
     "exist, whether or not the export holds them.",
     kReach},
    {comments, roi, "comments", count, higher,
     "All comments on the account's posts, its own included.", kReach},
    {audience_comments, roi, "audience_comments", count, higher,
     "Comments on the account's posts written by anyone but the account.", kReach},
    {engagements, roi, "engagements", count, higher,
     "Per post likes + shares + quotes + saves + bookmarks + clicks (unknown counts as 0) + its "
     "audience comments (the platform's reply count less the account's comments, when that is "
     "more than the comments present), summed.",
     kEngagement},
    {engagement_rate_impressions, roi, "engagement_rate_impressions", rate, higher,
     "Engagements / impressions, both over the posts whose impressions are known and above 0.",
     kEngagement},
    {engagement_rate_followers, roi, "engagement_rate_followers", rate, higher,
     "Engagements / (posts x followers).", kEngagement},
    {applause_rate, roi, "applause_rate", ratio, higher, "Likes per post that carries likes.",
     kKaushik},
    {amplification_rate, roi, "amplification_rate", ratio, higher,
     "Shares per post that carries shares.", kKaushik},
    {posts_per_day, roi, "posts_per_day", ratio, neither,
     "Posts / max(1, days between the first and the last post).", kReach},

    {conversation_rate, ror, "conversation_rate", ratio, higher, "Audience comments per post.",
     kKaushik},
    {audience, ror, "audience", count, higher, "Distinct people who commented (not the account).",
     kRubin},
    {response_rate, ror, "response_rate", rate, higher,
     "Share of comments awaiting an answer (top-level, or replying to the account) that the "
     "account answered.",
     kRubin},
    {response_time_median, ror, "response_time_median", seconds, lower,
     "Median delay from an answered comment to the account's first answer.", kRubin},
    {response_time_p90, ror, "response_time_p90", seconds, lower,
     "90th percentile (nearest rank) of the same delays.", kRubin},
    {reciprocity_rate, ror, "reciprocity_rate", rate, higher,
     "Share of answered comments whose author replied to the account's answer.", kRubin},
    {repeat_audience_rate, ror, "repeat_audience_rate", rate, higher,
     "Share of the audience who commented on two or more distinct posts.", kRubin},
    {retained_audience_rate, ror, "retained_audience_rate", rate, higher,
     "Share of the audience who commented in two or more distinct UTC calendar months.", kRubin},
    {substantive_comment_rate, ror, "substantive_comment_rate", rate, higher,
     "Share of audience comments with 15 words or more.", kSeed},
    {low_effort_comment_rate, ror, "low_effort_comment_rate", rate, lower,
     "Share of audience comments with 3 words or fewer.", kSeed},
    {action_rate, ror, "action_rate", rate, higher,
     "(Clicks + conversions) / impressions over the posts whose impressions are known and above "
     "0.",
     kSeed},
    {audience_concentration, ror, "audience_concentration", count, higher,
     "The fewest audience members who together wrote at least half of the audience comments.",
     kRubin},
    {outreach_replies, ror, "outreach_replies", count, higher,
     "Posts in which the account answers somebody else's post.", kRubin},
    {outreach_people, ror, "outreach_people", count, higher,
     "Distinct people the outreach replies answered.", kRubin},
    {outreach_retained_rate, ror, "outreach_retained_rate", rate, higher,
     "Share of those people answered in two or more distinct UTC months.", kRubin},

    {hashtag_abuse_rate, hygiene, "hashtag_abuse_rate", rate, lower,
     "Share of original posts with more than 2 distinct hashtags.", kHabits},
    {duplicate_post_rate, hygiene, "duplicate_post_rate", rate, lower,
     "Share of original posts whose normalised text repeats an earlier original post.", kHabits},
    {burst_post_rate, hygiene, "burst_post_rate", rate, lower,
     "Share of original posts inside a burst: 3 or more original posts within 10 minutes.",
     kHabits},
    {canned_reply_rate, hygiene, "canned_reply_rate", rate, lower,
     "Share of the account's answers (comments and outreach posts) whose normalised text equals "
     "another answer's.",
     kHabits},
    {mention_blast_rate, hygiene, "mention_blast_rate", rate, lower,
     "Share of original posts with 3 or more distinct mentions.", kHabits},
    {broadcast_ratio, hygiene, "broadcast_ratio", rate, lower,
     "Original posts / (original posts + account comments + outreach posts).", kHabits},
}};

// The catalog's rows follow MetricId, and its ROI sums carry the post metrics' names.
constexpr bool catalog_in_order() {
  for (std::size_t i = 0; i < kCatalog.size(); ++i) {
    if (static_cast<std::size_t>(kCatalog[i].id) != i) {
      return false;
    }
  }
  for (std::size_t m = 0; m < kPostMetricCount; ++m) {
    if (kCatalog[static_cast<std::size_t>(sum_metric(static_cast<PostMetric>(m)))].name !=
        kPostMetricNames[m]) {
      return false;
    }
  }
  return true;
}
static_assert(catalog_in_order());

}  // namespace

std::string_view metric_label(MetricId id) {
  switch (id) {
    case replies:
      return "replies the platform counts";
    case audience_comments:
      return "comments by others";
    case engagement_rate_impressions:
      return "engagements per impression";
    case engagement_rate_followers:
      return "engagements per follower";
    case applause_rate:
      return "likes per post";
    case amplification_rate:
      return "shares per post";
    case posts_per_day:
      return "posts per day";
    case conversation_rate:
      return "comments per post";
    case audience:
      return "people who commented";
    case response_rate:
      return "comments answered";
    case response_time_median:
      return "median time to answer";
    case response_time_p90:
      return "9 in 10 answered within";
    case reciprocity_rate:
      return "answers replied to";
    case repeat_audience_rate:
      return "people back on another post";
    case retained_audience_rate:
      return "people back another month";
    case substantive_comment_rate:
      return "substantive comments";
    case low_effort_comment_rate:
      return "low-effort comments";
    case action_rate:
      return "actions per impression";
    case audience_concentration:
      return "people writing half of it";
    case outreach_replies:
      return "replies to others";
    case outreach_people:
      return "people replied to";
    case outreach_retained_rate:
      return "replied to in 2+ months";
    case hashtag_abuse_rate:
      return "posts stuffed with hashtags";
    case duplicate_post_rate:
      return "posts repeating a text";
    case burst_post_rate:
      return "posts in bursts";
    case canned_reply_rate:
      return "canned answers";
    case mention_blast_rate:
      return "posts blasting mentions";
    case broadcast_ratio:
      return "broadcast share";
    default:
      return kCatalog[static_cast<std::size_t>(id)].name;  // the counts read as they are named
  }
}

std::uint8_t metric_needs(MetricId id) {
  switch (id) {
    case conversation_rate:
    case audience:
    case response_rate:
    case response_time_median:
    case response_time_p90:
    case reciprocity_rate:
    case substantive_comment_rate:
    case low_effort_comment_rate:
    case audience_concentration:
      return needs::comments;
    case repeat_audience_rate:
      return needs::comments | needs::two_posts;
    case retained_audience_rate:
      return needs::comments | needs::two_months;
    case outreach_retained_rate:
      return needs::two_months;
    default:
      return 0;
  }
}

void metrics::apply_needs(MetricValues& values) {
  const MetricCounts& c = values.counts;
  const bool comments = c.commented_posts > 0;
  const bool two_posts = c.commented_posts >= 2;
  const bool two_months = utc_month_index(c.first_post) != utc_month_index(c.last_post);
  for (const MetricInfo& info : kCatalog) {
    const std::uint8_t need = metric_needs(info.id);
    if ((need & needs::comments) != 0 && !comments) {
      values.set(info.id, std::nullopt, Unknown::no_comments);  // the first reason to give
    } else if (!values[info.id]) {
      continue;
    } else if ((need & needs::two_posts) != 0 && !two_posts) {
      values.set(info.id, std::nullopt, Unknown::one_post);
    } else if ((need & needs::two_months) != 0 && !two_months) {
      values.set(info.id, std::nullopt, Unknown::one_month);
    }
  }
  if (!comments) {
    values.top_audience.clear();
  }
}

std::string unknown_reason(MetricId id, Unknown why) {
  switch (why) {
    case Unknown::known:
      return {};
    case Unknown::not_carried:
      return id == MetricId::followers || id == MetricId::engagement_rate_followers
                 ? "the export gives no follower count"
                 : "nothing in the export carries it";
    case Unknown::no_comments:
      return "the export holds no comments written by other people";
    case Unknown::one_post:
      return "comments are known on one post only: nobody could come back to another";
    case Unknown::one_month:
      return "the posts lie within one calendar month: nobody could come back a month later";
    case Unknown::no_cases:
      break;
  }
  switch (id) {
    case MetricId::engagement_rate_impressions:
    case MetricId::action_rate:
      return "no post has impressions above 0";
    case MetricId::response_rate:
      return "no comment awaits an answer";
    case MetricId::response_time_median:
    case MetricId::response_time_p90:
    case MetricId::reciprocity_rate:
      return "no comment was answered";
    case MetricId::repeat_audience_rate:
    case MetricId::retained_audience_rate:
    case MetricId::substantive_comment_rate:
    case MetricId::low_effort_comment_rate:
    case MetricId::audience_concentration:
      return "nobody but the account commented";
    case MetricId::outreach_retained_rate:
      return "no outreach reply";
    case MetricId::canned_reply_rate:
      return "the account answered nobody";
    case MetricId::hashtag_abuse_rate:
    case MetricId::duplicate_post_rate:
    case MetricId::burst_post_rate:
    case MetricId::mention_blast_rate:
    case MetricId::broadcast_ratio:
      return "no original post";
    default:
      return "nothing to measure it on";
  }
}

std::string_view better_name(Better better) {
  switch (better) {
    case Better::higher:
      return "higher";
    case Better::lower:
      return "lower";
    case Better::neither:
      return "neither";
  }
  return "?";
}

std::string_view group_name(Group group) {
  switch (group) {
    case Group::roi:
      return "roi";
    case Group::ror:
      return "ror";
    case Group::hygiene:
      return "hygiene";
  }
  return "?";
}

std::span<const MetricInfo> metric_catalog() {
  return kCatalog;
}

const MetricInfo& metric_info(MetricId id) {
  return kCatalog[static_cast<std::size_t>(id)];
}

std::optional<MetricId> find_metric(Group group, std::string_view name) {
  const auto it = std::find_if(kCatalog.begin(), kCatalog.end(), [&](const MetricInfo& m) {
    return m.group == group && m.name == name;
  });
  return it == kCatalog.end() ? std::nullopt : std::optional<MetricId>(it->id);
}

}  // namespace ror
