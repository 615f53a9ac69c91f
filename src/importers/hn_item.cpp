#include "importers/hn_item.hpp"

#include <string>

#include "importers/handle_profile.hpp"

namespace ror::importers::hn {

namespace {

constexpr std::string_view kItemUrl = "https://news.ycombinator.com/item?id=";

}  // namespace

bool read_algolia_field(std::string_view key, ingest::Value& f, AlgoliaItem& item) {
  using ingest::TimeFormat;
  if (key == "created_at_i") {
    if (const auto t = f.optional_time(TimeFormat::epoch_seconds)) {
      item.created_at = *t;
      item.has_time = item.has_epoch = true;
    }
  } else if (key == "created_at") {
    if (const auto t = f.optional_time(TimeFormat::rfc3339); t && !item.has_epoch) {
      item.created_at = *t;
      item.has_time = true;
    }
  } else if (key == "author") {
    item.author = f.optional_string().value_or("");
    item.has_author = !item.author.empty();
  } else if (key == "title") {
    item.words.title = f.optional_string().value_or("");
  } else if (key == "parent_id") {
    item.parent_id = f.optional_id().value_or("");
  } else if (key == "story_id") {
    item.story_id = f.optional_id().value_or("");
  } else if (key == "points") {
    item.words.points = f.count();
  } else if (key == "num_comments") {
    item.words.replies = f.count();
  } else {
    return false;
  }
  return true;
}

bool passed_over(const AlgoliaItem& item, ingest::RecordSink& out) {
  if (item.type == "pollopt") {
    out.skip(kPollOptions);
    return true;
  }
  if (!item.has_author) {
    out.skip(kDeleted);  // (a deleted comment keeps its place with no author and no text)
    out.gone(item.id, item.parent_id);
    return true;
  }
  return false;
}

bool start_status(const AlgoliaItem& item, ingest::PostRecord& r) {
  r.id = item.id;
  r.author = item.author;
  r.created_at = item.created_at;
  const bool comment = is_comment(item.type, item.parent_id);
  if (comment) {
    r.reply_to_post = item.parent_id;
    r.conversation = item.story_id;
  }
  return comment;
}

void put_status(ingest::PostRecord& r, const Words& words, bool guess, ingest::RecordSink& out) {
  thread_local std::string text;  // (the buffers reused)
  thread_local std::string url;
  text.assign(words.title);
  if (!words.html.empty()) {
    const std::string_view body = out.html_text(words.html);
    if (!text.empty() && !body.empty()) {
      text.push_back('\n');
    }
    text.append(body);
  }
  r.text = text;
  url.assign(kItemUrl).append(r.id);
  r.url = url;
  if (words.points) {
    r.set(PostMetric::likes, *words.points);
  }
  if (words.replies) {
    r.set(PostMetric::replies, *words.replies);
  }
  r.has_author = true;
  r.threaded = true;
  r.hashtags_listed = true;  // (Hacker News has neither hashtags nor mentions)
  r.mentions_listed = true;
  const ingest::AccountRecord& profile = handle_profile(kPlatform, r.author);
  if (guess) {
    ingest::AccountRecord account = profile;
    account.role = ingest::AccountRole::guess;
    out.account(std::move(account));
  }
  out.account(profile);
  out.post(r);
}

}  // namespace ror::importers::hn
