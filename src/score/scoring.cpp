// Normalising metrics into 0-100 scores and the verdict.
#include <algorithm>
#include <array>
#include <cmath>

#include <fmt/format.h>

#include "ror/score.hpp"

namespace ror {
namespace {

constexpr std::array<DerivedInput, 3> kDerived = {{
    {Group::ror, "timely_response",
     "Mean answer credit over the comments awaiting an answer: 1 for an answer within the good "
     "delay, falling on a log scale to the floor at the bad delay, 0 when unanswered."},
    {Group::ror, "two_way_rate",
     "Comments awaiting an answer that became a two-way exchange (answered, and their author "
     "replied to the answer) / comments awaiting an answer."},
    {Group::hygiene, "clean_post_rate",
     "Original posts showing none of the post habits (hashtag abuse, duplicate text, burst, "
     "mention blast) / original posts."},
}};

double clamp01(double x) {
  return std::clamp(x, 0.0, 1.0);
}

double normalise(double v, const ScoreComponent& c) {
  if (c.scale == Scale::log) {
    const double lo = std::log1p(c.bad);
    return clamp01((std::log1p(std::max(v, 0.0)) - lo) / (std::log1p(c.good) - lo));
  }
  return clamp01((v - c.bad) / (c.good - c.bad));
}

// Credit of one answer delay: full up to the good delay, the floor from the bad delay on.
double answer_credit(double delay, const ScoreConfig& config) {
  if (delay <= config.credit_good_seconds) {
    return 1.0;
  }
  if (delay >= config.credit_bad_seconds) {
    return config.credit_floor;
  }
  const double t = (std::log(delay) - std::log(config.credit_good_seconds)) /
                   (std::log(config.credit_bad_seconds) - std::log(config.credit_good_seconds));
  return 1.0 - (1.0 - config.credit_floor) * t;
}

}  // namespace

std::span<const DerivedInput> derived_inputs() {
  return kDerived;
}

std::optional<double> score_input(const MetricValues& values, Group group, std::string_view input,
                                  const ScoreConfig& config) {
  if (const auto metric = find_metric(group, input)) {
    return values[*metric];
  }
  if (group == Group::hygiene && input == "clean_post_rate") {
    const auto originals = static_cast<double>(values.counts.original_posts);
    return originals == 0
               ? std::nullopt
               : std::optional<double>(static_cast<double>(values.counts.clean_posts) / originals);
  }
  const auto awaiting = static_cast<double>(values.counts.awaiting);
  if (group != Group::ror || awaiting == 0) {
    return std::nullopt;
  }
  if (input == "two_way_rate") {
    return static_cast<double>(values.counts.reciprocated) / awaiting;
  }
  if (input == "timely_response") {
    double credit = 0;
    for (const double delay : values.response_delays) {
      credit += answer_credit(delay, config);
    }
    return credit / awaiting;
  }
  return std::nullopt;
}

std::string_view verdict_name(Verdict verdict) {
  switch (verdict) {
    case Verdict::relationship_builder:
      return "relationship-builder";
    case Verdict::broadcaster:
      return "broadcaster";
    case Verdict::niche_community:
      return "niche-community";
    case Verdict::dormant:
      return "dormant";
    case Verdict::insufficient_data:
      break;
  }
  return "insufficient-data";
}

std::string input_unknown_reason(const MetricValues& values, Group group, std::string_view input) {
  if (const auto metric = find_metric(group, input)) {
    const Unknown why = values.why_unknown(*metric);
    if (why == Unknown::not_carried && *metric != MetricId::followers &&
        *metric != MetricId::engagement_rate_followers) {
      std::string name(input);
      std::replace(name.begin(), name.end(), '_', ' ');
      return "the export carries no " + name;  // (more telling than "nothing carries it")
    }
    return unknown_reason(*metric, why);
  }
  if (group == Group::hygiene) {
    return "no original post";
  }
  return values.counts.commented_posts == 0
             ? unknown_reason(MetricId::conversation_rate, Unknown::no_comments)
             : "no comment awaits an answer";
}

Scores compute_scores(const MetricValues& values, const ScoreConfig& config, bool inputs) {
  Scores scores;
  for (const Group group : kGroups) {
    const auto g = static_cast<std::size_t>(group);
    double weighted = 0;
    double weights = 0;
    double all_weights = 0;
    double heaviest_unknown = 0;
    for (const ScoreComponent& c : config.components[g]) {
      const auto v = score_input(values, group, c.input, config);
      all_weights += c.weight;
      if (inputs) {
        scores.inputs[g].push_back(
            {c.input, c.weight, v, v ? std::optional<double>(normalise(*v, c)) : std::nullopt});
      }
      if (v && c.weight > 0) {
        weighted += c.weight * normalise(*v, c);
        weights += c.weight;
      } else if (!v && c.weight > heaviest_unknown) {
        heaviest_unknown = c.weight;
        scores.missing[g] = input_unknown_reason(values, group, c.input);
      }
    }
    scores.coverage[g] = all_weights > 0 ? weights / all_weights : 0;
    // (compared in the three decimals the reports print, so that what they show decides)
    scores.low_confidence[g] = weights == 0 || std::round(scores.coverage[g] * 1000.0) <
                                                   std::round(config.min_coverage * 1000.0);
    if (weights > 0) {
      const double exact = 100.0 * weighted / weights;
      scores.exact[g] = exact;
      scores.score[g] = std::round(exact * 10.0) / 10.0;
    }
  }
  for (const Group group : {Group::roi, Group::ror}) {
    if (!scores.low_confidence_of(group)) {
      continue;
    }
    const auto g = static_cast<std::size_t>(group);
    scores.insufficient +=
        fmt::format("{}{} rests on {:.0f}% of its weight, {:.0f}% needed: {}",
                    scores.insufficient.empty() ? "" : "; ", group == Group::roi ? "ROI" : "ROR",
                    std::floor(scores.coverage[g] * 100.0), std::ceil(config.min_coverage * 100.0),
                    scores.missing[g]);
  }
  if (!scores.insufficient.empty()) {
    scores.verdict = Verdict::insufficient_data;
    return scores;
  }
  const auto high = [&](Group g) {
    const auto s = scores.of(g);
    return s && *s >= config.verdict_threshold;
  };
  const bool roi = high(Group::roi);
  const bool ror = high(Group::ror);
  scores.verdict = roi ? (ror ? Verdict::relationship_builder : Verdict::broadcaster)
                       : (ror ? Verdict::niche_community : Verdict::dormant);
  return scores;
}

}  // namespace ror
