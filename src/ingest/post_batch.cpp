#include "ingest/post_batch.hpp"

#include "ingest/post_index.hpp"

#include <algorithm>
#include <limits>

#include <fmt/format.h>

#include "ror/convert.hpp"
#include "ror/error.hpp"
#include "ror/text.hpp"

namespace ror::ingest {

TextRef PostBatch::keep(std::string_view text) {
  if (strings.size() + text.size() > std::numeric_limits<std::uint32_t>::max()) {
    throw input_error(fmt::format("{}: more than 4 GiB of ids in one block", source));
  }
  const TextRef ref{static_cast<std::uint32_t>(strings.size()),
                    static_cast<std::uint32_t>(text.size())};
  strings.append(text);
  return ref;
}

TextRef PostBatch::keep_lines(const std::vector<std::string_view>& lines) {
  const auto offset = static_cast<std::uint32_t>(strings.size());
  for (std::size_t i = 0; i < lines.size(); ++i) {
    strings.append(i == 0 ? "" : std::string_view(&kListSeparator, 1)).append(lines[i]);
  }
  return {offset, static_cast<std::uint32_t>(strings.size()) - offset};
}

std::uint32_t PostBatch::count_tags(const std::vector<std::string_view>& listed, bool is_listed,
                                    std::string_view text, char sigil) {
  if (!is_listed) {
    return count_text_tags(text, sigil);
  }
  tags_.assign(listed.begin(), listed.end());
  return count_distinct(tags_);
}

void PostBatch::account(const AccountRecord& given) {
  const bool named_profile = given.role == AccountRole::profile && !given.handle.empty();
  if (named_profile && given.id.empty() && !given.followers && given.follower_entries == 0 &&
      given.aliases.empty()) {
    bare_profiles = true;
    return;
  }
  if (named_profile) {
    // The same person's profile comes with each of their posts: one per batch.
    profiles.add(given);
    if (given.follower_entries == 0) {
      return;
    }
  }
  AccountRecord& kept = accounts.emplace_back(given);
  kept.at = at;
  kept.member = member;
  if (named_profile) {
    kept.handle.clear();  // what remains to merge is the follower entries
    kept.id.clear();
  }
}

void PostBatch::post(const PostRecord& record) {
  if (record.stand_in) {
    const auto [it, added] =
        stand_ins_.try_emplace(std::string(record.id), static_cast<std::uint32_t>(posts.size()));
    if (!added) {
      Post& earlier = posts[it->second];
      earlier.created_at = std::min(earlier.created_at, record.created_at);
      return;
    }
  }
  ++posts_read;
  comments_read += record.comments.size();
  nodes_.clear();
  for (const CommentRecord& c : record.comments) {
    nodes_.push_back({c.id, c.parent_id, c.has_parent, c.created_at});
  }
  // The tree finds repairs kind by kind: they are counted in the order of the comments they are
  // about, so that the first warning is the first in the input.
  repairs_.clear();
  tree_.build(nodes_, record.id, [&](TreeEvent event, std::uint32_t k) {
    const CommentRecord& c = record.comments[k];
    switch (event) {
      case TreeEvent::duplicate_id:
        repairs_.push_back(
            {k, &Warnings::duplicate_comment_ids,
             fmt::format("duplicate comment id \"{}\" in post \"{}\"", c.id, record.id)});
        break;
      case TreeEvent::dangling_parent:
        repairs_.push_back(
            {k, &Warnings::dangling_parents,
             fmt::format("comment \"{}\" names parent \"{}\", which is no comment of post \"{}\"",
                         c.id, c.parent_id, record.id)});
        break;
      case TreeEvent::cycle:
        repairs_.push_back(
            {k, &Warnings::parent_cycles,
             fmt::format("comment parents form a cycle at comment \"{}\" of post \"{}\"", c.id,
                         record.id)});
        break;
    }
  });
  std::stable_sort(repairs_.begin(), repairs_.end(),
                   [](const Repair& a, const Repair& b) { return a.comment < b.comment; });
  for (Repair& r : repairs_) {
    warnings.add(r.counter, fmt::format("{} ({})", r.what, source), at);
  }
  const auto& kept = tree_.kept();
  const auto& parents = tree_.parents();
  const auto count = static_cast<std::uint32_t>(kept.size());

  const TextStats stats = analyze_text(record.text);
  Post post;
  post.created_at = record.created_at;
  post.norm_hash = stats.norm_hash;
  post.words = stats.words;
  post.known = record.known;
  post.values = store_metrics(record.metrics, record.known, metric_values);
  post.comments_known = record.comments_known;
  post.stand_in = record.stand_in;
  post.under_owner_post = record.under_owner_post;
  post.first_comment = static_cast<std::uint32_t>(comments.size());
  post.comment_count = count;
  post.author = record.has_author ? authors.intern(record.author, record.platform) : kNone;
  post.reply_to =
      record.has_reply_to ? authors.intern(record.reply_to_author, record.platform) : kNone;
  if (!record.platform.empty()) {
    auto named = std::find(platforms.begin(), platforms.end(), record.platform);
    if (named == platforms.end()) {
      if (platforms.size() == 254) {
        throw input_error("more than 255 platforms in one load");
      }
      named = platforms.emplace(platforms.end(), record.platform);
    }
    post.platform = static_cast<std::uint8_t>(1 + (named - platforms.begin()));
  }
  const std::uint32_t hashtags =
      count_tags(record.hashtags, record.hashtags_listed, record.text, '#');
  const std::uint32_t mentions =
      count_tags(record.mentions, record.mentions_listed, record.text, '@');
  post.hashtags = static_cast<std::uint16_t>(std::min<std::uint32_t>(hashtags, 0xffff));
  post.mentions = static_cast<std::uint16_t>(std::min<std::uint32_t>(mentions, 0xffff));
  const auto index = static_cast<std::uint32_t>(posts.size());
  posts.push_back(post);
  post_ids.push_back(keep(record.id));
  post_tags.push_back(PostIndex::tag_of(
      PostIndex::key(record.platform.empty() ? input_platform : record.platform, record.id, key_)));
  post_at.push_back(at);
  if (record.repeat != RepeatRule::duplicate || !post_repeats.empty()) {
    post_repeats.resize(index, RepeatRule::duplicate);
    post_repeats.push_back(record.repeat);
    if (record.repeat == RepeatRule::same_text && repeat_reason.empty()) {
      // Named now, counted by the merge: the reasons keep the order in which they first come
      // however the input is cut into blocks (the merge drops none if none is repeated).
      repeat_reason = record.repeat_reason;
      skip(repeat_reason, 0);
    }
  }
  // A status is placed; any other post that names the post it answers is linked to it only.
  if (record.threaded || !record.reply_to_post.empty()) {
    threads.push_back({index, keep(record.reply_to_post), keep(record.conversation),
                       record.collects_replies, record.threaded});
  }
  if (keep_excerpts) {
    // Whole characters only: the cut steps back over continuation bytes.
    std::size_t cut = std::min(record.text.size(), kExcerptBytes);
    while (cut > 0 && cut < record.text.size() &&
           (static_cast<unsigned char>(record.text[cut]) & 0xc0) == 0x80) {
      --cut;
    }
    excerpts.emplace_back(keep(record.text.substr(0, cut)), keep(record.url));
  }
  if (keep_details) {
    post_details.push_back({keep(record.text), keep(record.url), keep_lines(record.hashtags),
                            keep_lines(record.mentions), record.hashtags_listed,
                            record.mentions_listed});
  }

  for (std::uint32_t k = 0; k < count; ++k) {
    const CommentRecord& c = record.comments[kept[k]];
    const TextStats text = analyze_text(c.text);
    Comment comment;
    comment.created_at = c.created_at;
    comment.norm_hash = text.norm_hash;
    comment.words = text.words;
    comment.author = authors.intern(c.author, record.platform);
    comment.parent = parents[k] == kNone ? kNone : post.first_comment + parents[k];
    comment.post = index;
    comments.push_back(comment);
    if (keep_details) {
      comment_ids.push_back(keep(c.id));
      comment_texts.push_back(keep(c.text));
    }
  }
}

void PostBatch::comment(const CommentRecord& record) {
  ++comments_read;
  const TextStats text = analyze_text(record.text);
  LooseRecord loose_record;
  loose_record.comment.created_at = record.created_at;
  loose_record.comment.norm_hash = text.norm_hash;
  loose_record.comment.words = text.words;
  loose_record.comment.author = authors.intern(record.author);
  loose_record.post_id = keep(record.post_id);
  loose_record.id = keep(record.id);
  loose_record.parent_id = keep(record.parent_id);
  loose_record.has_parent = record.has_parent;
  loose_record.at = at;
  if (keep_details) {
    loose_record.text = keep(record.text);
  }
  loose.push_back(loose_record);
}

void PostBatch::skip(std::string_view reason, std::uint64_t n) {
  skipped.add(reason, n);
}

void PostBatch::gone(std::string_view id, std::string_view parent) {
  if (!id.empty() && !parent.empty()) {
    gone_statuses.emplace_back(keep(id), keep(parent));
  }
}

void PostBatch::skip_once(std::string_view reason, std::string_view key, std::uint64_t n) {
  // Named now, counted by the merge (which alone knows the keys of earlier inputs): the reasons
  // keep the order in which they first come.
  skipped.add(reason, 0);
  skipped_once.push_back({reason, keep(key), n});
}

void PostBatch::expect_items(std::uint64_t n, std::string_view field) {
  expected.emplace(n, std::string(field));
}

std::string_view PostBatch::html_text(std::string_view html) {
  html_to_text(html, html_);
  return html_;
}

void PostBatch::mark(const Item& item) {
  KeyMark m;
  m.kind = item.kind;
  m.slot = static_cast<std::size_t>(item.index);
  m.repeated = item.repeated || item.kind == ItemKind::repeat;
  if (item.kind == ItemKind::repeat) {
    m.key = item.key;
  }
  m.posts = posts.size();
  m.loose = loose.size();
  m.accounts = accounts.size();
  m.elements = elements;
  marks.push_back(std::move(m));
}

const std::int64_t* store_metrics(const std::array<std::int64_t, kPostMetricCount>& metrics,
                                  std::uint16_t known, ValueArena& arena) {
  std::array<std::int64_t, kPostMetricCount> packed{};
  std::size_t n = 0;
  for (std::size_t m = 0; m < kPostMetricCount; ++m) {
    if ((known >> m) & 1U) {
      packed[n++] = metrics[m];
    }
  }
  return arena.store(packed.data(), n);
}

namespace {

// "one sequence", "3 sequences": what a warning of invalid UTF-8 says it replaced.
std::string sequences(std::uint64_t n) {
  return n == 1 ? std::string("one sequence") : fmt::format("{} sequences", n);
}

}  // namespace

void PostBatch::placed_warning(std::uint64_t Warnings::*counter, std::uint64_t n,
                               const std::string& what, std::optional<std::uint64_t> line) {
  const bool first = warnings.first.empty();
  if (!line) {
    warnings.add(counter, fmt::format("{} ({})", what, source), at, n);
    return;
  }
  warnings.add(counter, fmt::format("{} ({}:", what, source), at, n);
  if (first) {
    first_line_pending = *line;
  }
}

void PostBatch::repeated_key(std::string_view key, const std::string& pointer,
                             std::optional<std::uint64_t> line) {
  placed_warning(&Warnings::repeated_keys, 1,
                 fmt::format("duplicate key \"{}\" at {}: the last one is used", key, pointer),
                 line);
}

void PostBatch::invalid_utf8(std::uint64_t n, const std::string& pointer,
                             std::optional<std::uint64_t> line) {
  placed_warning(&Warnings::invalid_utf8, n,
                 fmt::format("invalid UTF-8 replaced by U+FFFD ({}{})", sequences(n),
                             pointer.empty() ? std::string() : " in the item at " + pointer),
                 line);
}

void PostBatch::invalid_utf8_text(std::uint64_t n, std::string_view place) {
  warnings.add(&Warnings::invalid_utf8,
               // (how many the input holds is the warning's count: a block knows only its own)
               fmt::format("invalid UTF-8 replaced by U+FFFD (the first at {})", place), at, n);
}

void PostBatch::settle_line(std::uint64_t first_line) {
  if (first_line_pending) {
    warnings.first += fmt::format("{})", first_line + *first_line_pending);
    first_line_pending.reset();
  }
}

}  // namespace ror::ingest
