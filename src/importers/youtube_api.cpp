// YouTube Data API v3 list responses as people save them: pages of videos (`videos.list`,
// {"kind": "youtube#videoListResponse", "items": [...]}) and pages of comment threads
// (`commentThreads.list`, "youtube#commentThreadListResponse"), or one such resource alone. A
// video is a post of its channel, with its statistics (every count a string); a thread's
// top-level comment and the replies the response includes are comments apart from their video,
// joined to it by videoId at the end of the load. A video that only its comments name gets a
// stand-in post, timed at its earliest comment, which the video itself replaces wherever it
// comes from.
#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "importers/importers.hpp"

namespace ror::importers {
namespace {

using ingest::AccountRecord;
using ingest::AccountRole;
using ingest::detected;
using ingest::Detection;
using ingest::FramingKind;
using ingest::ImportItem;
using ingest::Sniff;
using ingest::TimeFormat;
using ingest::Value;
using simdjson::ondemand::json_type;

constexpr std::string_view kPlatform = "youtube";
constexpr std::string_view kChannelComments = "channel discussion comments (on no video)";
constexpr std::string_view kAbsentReplies = "replies YouTube counts that the response leaves out";
constexpr std::string_view kNoSnippet = "videos without a snippet (no publication time)";

enum Variant : std::uint8_t { video_page, thread_page, video, thread };

// One comment as read: its own copies of what it says, since a thread is handed over whole.
struct YtComment {
  std::string id;
  std::string author;
  std::string parent_id;
  std::string video_id;
  std::string text;
  TimeMs created_at = 0;
};

// Requires an object at v.
void need_object(Value& v, std::string_view what) {
  if (v.type() != json_type::object) {
    v.fail(fmt::format("{} must be an object, not {}", what, ingest::type_name(v.type())));
  }
}

// A comment resource ({"id", "snippet": {...}}) into `out`. `sink` makes HTML text.
void read_comment(Value& v, YtComment& out, ingest::RecordSink& sink) {
  static constexpr std::array<std::string_view, 2> kKeys = {"id", "snippet"};
  static constexpr std::array<std::string_view, 7> kSnippet = {
      "authorDisplayName", "authorChannelId", "textOriginal", "textDisplay",
      "publishedAt",       "parentId",        "videoId"};
  static constexpr std::array<std::string_view, 1> kChannel = {"value"};
  need_object(v, "a comment");
  out = YtComment{};
  bool has_time = false;
  bool has_original = false;
  std::string display_name;
  v.each_field(kKeys, [&](std::string_view key, Value& f) {
    if (key == "id") {
      out.id = std::string(f.id());
    } else if (key == "snippet") {
      need_object(f, "a comment's \"snippet\"");
      f.each_field(kSnippet, [&](std::string_view k, Value& s) {
        if (k == "authorDisplayName") {
          display_name = std::string(s.optional_string().value_or(""));
        } else if (k == "authorChannelId") {
          s.each_field(kChannel, [&](std::string_view c, Value& id) {
            if (c == "value") {
              out.author = std::string(id.optional_id().value_or(""));
            }
          });
        } else if (k == "textOriginal") {
          if (const auto text = s.optional_string()) {
            out.text = std::string(*text);
            has_original = true;
          }
        } else if (k == "textDisplay") {
          if (const auto html = s.optional_string(); html && !has_original) {
            out.text = std::string(sink.html_text(*html));
          }
        } else if (k == "publishedAt") {
          out.created_at = s.time(TimeFormat::rfc3339);
          has_time = true;
        } else if (k == "parentId") {
          out.parent_id = std::string(s.optional_id().value_or(""));
        } else if (k == "videoId") {
          out.video_id = std::string(s.optional_id().value_or(""));
        }
      });
    }
  });
  if (out.id.empty()) {
    v.fail("a comment needs an \"id\"");
  }
  if (!has_time) {
    v.fail("a comment needs \"snippet\" with \"publishedAt\"");
  }
  if (out.author.empty()) {
    out.author = std::move(display_name);  // (channels are told apart by id; names may repeat)
  }
}

// A commentThread resource: its top-level comment and the replies included, handed over as
// comments of their video, with a stand-in for the video.
void read_thread(Value& v, ingest::RecordSink& sink) {
  static constexpr std::array<std::string_view, 3> kKeys = {"id", "snippet", "replies"};
  static constexpr std::array<std::string_view, 4> kSnippet = {
      "videoId", "channelId", "topLevelComment", "totalReplyCount"};
  static constexpr std::array<std::string_view, 1> kReplies = {"comments"};
  thread_local std::vector<YtComment> comments;  // [0] the top-level comment, then replies
  std::size_t count = 1;
  bool has_top = false;
  std::string video_id;
  std::string channel_id;
  std::optional<std::int64_t> reported;
  if (comments.empty()) {
    comments.emplace_back();
  }
  need_object(v, "a comment thread");
  v.each_field(kKeys, [&](std::string_view key, Value& f) {
    if (key == "snippet") {
      need_object(f, "a thread's \"snippet\"");
      f.each_field(kSnippet, [&](std::string_view k, Value& s) {
        if (k == "videoId") {
          video_id = std::string(s.optional_id().value_or(""));
        } else if (k == "channelId") {
          channel_id = std::string(s.optional_id().value_or(""));
        } else if (k == "topLevelComment") {
          read_comment(s, comments[0], sink);
          has_top = true;
        } else if (k == "totalReplyCount") {
          reported = s.count(ingest::CountText::digits_too);
        }
      });
    } else if (key == "replies") {
      f.each_field(kReplies, [&](std::string_view k, Value& list) {
        if (k != "comments") {
          return;
        }
        list.each_element([&](Value& c) {
          if (count == comments.size()) {
            comments.emplace_back();
          }
          read_comment(c, comments[count++], sink);
        });
      });
    }
  });
  if (!has_top) {
    v.fail("a comment thread needs \"snippet\" with \"topLevelComment\"");
  }
  const std::string& top = comments[0].id;
  if (video_id.empty()) {
    video_id = comments[0].video_id;  // (the comment's snippet repeats it)
  }
  const auto replies = static_cast<std::int64_t>(count - 1);
  if (reported && *reported > replies) {
    sink.skip(kAbsentReplies, static_cast<std::uint64_t>(*reported - replies));
  }
  if (video_id.empty()) {
    sink.skip(kChannelComments, count);  // a channel's discussion: no post to score them under
    return;
  }
  TimeMs earliest = comments[0].created_at;
  for (std::size_t i = 0; i < count; ++i) {
    const YtComment& c = comments[i];
    earliest = std::min(earliest, c.created_at);
    ingest::CommentRecord record;
    record.id = c.id;
    record.author = c.author;
    record.post_id = c.video_id.empty() ? std::string_view(video_id) : std::string_view(c.video_id);
    record.created_at = c.created_at;
    record.text = c.text;
    if (i > 0) {
      record.parent_id =
          c.parent_id.empty() ? std::string_view(top) : std::string_view(c.parent_id);
      record.has_parent = true;
    }
    sink.comment(record);
  }
  // The video itself may be in no input: a stand-in carries its comments until it comes.
  ingest::PostRecord stand_in;
  stand_in.id = video_id;
  stand_in.stand_in = true;
  stand_in.created_at = earliest;
  stand_in.author = channel_id;
  stand_in.has_author = !channel_id.empty();
  sink.post(stand_in);
}

// A video resource: a post of its channel, with the counts of its statistics.
void read_video(Value& v, ingest::RecordSink& sink) {
  static constexpr std::array<std::string_view, 3> kKeys = {"id", "snippet", "statistics"};
  static constexpr std::array<std::string_view, 5> kSnippet = {
      "publishedAt", "channelId", "channelTitle", "title", "description"};
  static constexpr std::array<std::string_view, 3> kStatistics = {"viewCount", "likeCount",
                                                                  "commentCount"};
  thread_local ingest::PostRecord r;
  thread_local std::string text;
  thread_local std::string url;
  r.clear();
  text.clear();
  std::string_view channel_id;
  std::string_view channel_title;
  std::string_view title;
  std::string_view description;
  bool has_time = false;
  bool has_snippet = false;
  need_object(v, "a video");
  v.each_field(kKeys, [&](std::string_view key, Value& f) {
    if (key == "id") {
      r.id = f.id();
    } else if (key == "snippet") {
      need_object(f, "a video's \"snippet\"");
      has_snippet = true;
      f.each_field(kSnippet, [&](std::string_view k, Value& s) {
        if (k == "publishedAt") {
          r.created_at = s.time(TimeFormat::rfc3339);
          has_time = true;
        } else if (k == "channelId") {
          channel_id = s.optional_id().value_or("");
        } else if (k == "channelTitle") {
          channel_title = s.optional_string().value_or("");
        } else if (k == "title") {
          title = s.optional_string().value_or("");
        } else if (k == "description") {
          description = s.optional_string().value_or("");
        }
      });
    } else if (key == "statistics") {
      // (favoriteCount, always "0" since 2015, and dislikeCount, in responses saved before
      // 2022, are not read; a count left out, as commentCount is when comments are off, stays
      // unknown)
      f.each_field(kStatistics, [&](std::string_view k, Value& s) {
        if (k != kStatistics[0] && k != kStatistics[1] && k != kStatistics[2]) {
          return;
        }
        if (const auto n = s.count(ingest::CountText::digits_too)) {
          r.set(k == "viewCount"   ? PostMetric::views
                : k == "likeCount" ? PostMetric::likes
                                   : PostMetric::replies,
                *n);
        }
      });
    }
  });
  if (r.id.empty()) {
    v.fail("a video needs an \"id\"");
  }
  if (!has_snippet) {
    sink.skip(kNoSnippet);  // (part=statistics alone: no time to place it by)
    return;
  }
  if (!has_time) {
    v.fail("a video's \"snippet\" needs \"publishedAt\"");
  }
  text.assign(title);
  if (!description.empty()) {
    text.append(text.empty() ? "" : "\n\n").append(description);
  }
  url.assign("https://www.youtube.com/watch?v=").append(r.id);
  r.text = text;
  r.url = url;
  r.author = channel_id;
  r.has_author = !channel_id.empty();
  r.comments_known = false;  // a page of videos holds none of their comments
  if (!channel_id.empty()) {
    AccountRecord profile;
    profile.role = AccountRole::profile;
    profile.platform = std::string(kPlatform);
    profile.id = std::string(channel_id);
    profile.handle = std::string(channel_title.empty() ? channel_id : channel_title);
    sink.account(std::move(profile));
  }
  sink.post(r);
}

void read(ImportItem& item, ingest::RecordSink& out) {
  if (item.kind == ingest::ItemKind::member) {
    return;  // kind, etag, nextPageToken, pageInfo (totalResults counts every page of a list)
  }
  switch (item.variant) {
    case video_page:
    case video:
      read_video(item.value, out);
      break;
    case thread_page:
    case thread:
      read_thread(item.value, out);
      break;
    default:
      break;
  }
}

Detection detect(const Sniff& s) {
  using ingest::Shape;
  const ingest::Framing page{FramingKind::document, {"items", {}}, false};
  const ingest::Framing array{FramingKind::document, {}, false};
  const ingest::Framing whole{FramingKind::whole, {}, false};
  if (s.shape == Shape::object) {
    const std::string_view kind = s.get("kind");
    const std::string_view first = s.get("items/0/kind");
    if (kind == "youtube#videoListResponse") {
      return detected(100, page, video_page);
    }
    if (kind == "youtube#commentThreadListResponse") {
      return detected(100, page, thread_page);
    }
    if (kind.empty() && s.get("items") == "[") {
      if (first == "youtube#video") {
        return detected(90, page, video_page);
      }
      if (first == "youtube#commentThread" || s.get("items/0/snippet/topLevelComment") == "{") {
        return detected(90, page, thread_page);
      }
    }
    if (kind == "youtube#video" && s.has("id")) {
      return detected(90, whole, video);
    }
    if (kind == "youtube#commentThread" && s.has("id")) {
      return detected(90, whole, thread);
    }
  }
  if (s.shape == Shape::array) {
    // The items of a response saved alone.
    if (s.get("0/kind") == "youtube#video") {
      return detected(85, array, video_page);
    }
    if (s.get("0/kind") == "youtube#commentThread") {
      return detected(85, array, thread_page);
    }
  }
  return {};
}

}  // namespace

const ingest::Importer kYoutubeApi = {
    "youtube-api",
    kPlatform,
    "YouTube Data API v3 responses: pages of videos (videos.list) and of comment threads "
    "(commentThreads.list), or one video or thread",
    "impressions, shares and saves (the API gives views, likes and comment counts), and the "
    "replies a thread does not include",
    true,
    detect,
    read,
};

}  // namespace ror::importers
