// Know your audience: one row per person who commented on the account's posts, with an
// Orbit-style level (advocate, contributor, participant, explorer) and an RFM code. Pure
// functions of the dataset, like the metrics.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ror/dataset.hpp"

namespace ror {

// The levels, the closest first. Each needs its own activity (distinct posts commented on and
// distinct UTC months with a comment) and, above explorer, a comment within recent_days of the
// data's end.
enum class Level : std::uint8_t { advocate, contributor, participant, explorer };
inline constexpr std::size_t kLevelCount = 4;

// "advocate", "contributor", "participant", "explorer".
std::string_view level_name(Level level);

// What a level asks of a member.
struct LevelRule {
  std::uint32_t posts = 1;   // distinct posts commented on, at least
  std::uint32_t months = 1;  // distinct UTC months with a comment, at least
};

// The thresholds (data/score.json, "audience").
struct AudienceOptions {
  std::uint32_t recent_days = 90;  // a level above explorer needs a comment this recent
  std::array<LevelRule, 3> rules = {
      {{5, 3}, {3, 2}, {2, 1}}};  // advocate, contributor, participant
};

// One audience member.
struct AudienceRow {
  std::string_view author;  // a view into the dataset's author table
  std::uint64_t comments = 0;
  std::uint64_t posts = 0;  // distinct posts commented on
  TimeMs first_seen = 0;
  TimeMs last_seen = 0;
  std::uint32_t months = 0;           // distinct UTC months with a comment
  std::uint64_t words = 0;            // words written in all
  std::uint64_t answers = 0;          // the account's comments replying to theirs
  std::uint64_t awaiting = 0;         // their comments that awaited an answer
  std::uint64_t answered = 0;         // ... and got one
  std::uint64_t replied = 0;          // ... and whose answer they replied to
  std::optional<double> reciprocity;  // replied / answered; unknown when nothing was answered
  Level level = Level::explorer;
  // RFM, each 1-5 (5 best), by the share of the audience the member is ahead of: recency (last
  // seen), frequency (comments), and, for the "monetary" value, words written.
  std::array<std::uint8_t, 3> rfm{};

  // "545": the RFM code.
  std::string rfm_code() const;
};

// The whole audience of a selection of posts.
struct Audience {
  std::vector<AudienceRow> members;  // the closest level first, then most comments, then name
  std::array<std::uint64_t, kLevelCount> per_level{};
  TimeMs as_of = 0;             // the data's end: the latest post or comment in scope
  bool comments_known = false;  // whether the export holds comments by other people at all
};

// Computes the audience of every post of the dataset, or of the posts given (indices). With
// levels_only, only per_level, as_of and comments_known are wanted: the members' RFM codes and
// their order (the costly part, on millions of members) are left out.
Audience compute_audience(const Dataset& data, const AudienceOptions& options,
                          bool levels_only = false);
Audience compute_audience(const Dataset& data, std::span<const std::uint32_t> posts,
                          const AudienceOptions& options, bool levels_only = false);

}  // namespace ror
