#include "ingest/dataset_builder.hpp"

#include <algorithm>
#include <array>
#include <map>

#include <fmt/format.h>

#include "ingest/look_ahead.hpp"
#include "ror/error.hpp"
#include "ror/keyed_hash.hpp"
#include "ror/text.hpp"

namespace ror::ingest {

std::string_view DatasetBuilder::key_of(std::string_view platform, std::string_view id,
                                        StringArena& arena) {
  // (PostIndex::key, stored)
  return platform.empty() ? arena.store(id)
                          : arena.store_joined(platform, PostIndex::kSeparator, id);
}

DatasetBuilder::Link DatasetBuilder::link_to(std::string_view platform, std::string_view id,
                                             std::uint32_t& to) {
  if (id.empty()) {
    return Link::none;
  }
  if (to = find_post(PostIndex::key(platform, id, link_scratch_)); to != kNone) {
    return Link::post;  // (its key is the post's: post_key gives it back)
  }
  to = static_cast<std::uint32_t>(pending_keys_.size());
  pending_keys_.push_back(key_of(platform, id, thread_bytes_));
  return Link::key;
}

std::string_view DatasetBuilder::platform_of(const PostBatch& batch, std::size_t post,
                                             const SourceInfo& info) {
  const std::uint8_t named = batch.posts[post].platform;
  return named == 0 ? info.platform : std::string_view(batch.platforms[named - 1]);
}

std::uint8_t DatasetBuilder::platform_index(std::string_view platform) {
  auto& all = data_.platforms;
  const auto it = std::find(all.begin(), all.end(), platform);
  if (it != all.end()) {
    return static_cast<std::uint8_t>(it - all.begin());
  }
  if (all.size() == 255) {
    throw input_error("more than 255 platforms in one load");
  }
  all.emplace_back(platform);
  return static_cast<std::uint8_t>(all.size() - 1);
}

std::uint64_t DatasetBuilder::base_of(std::size_t source) {
  if (source != base_source_) {
    base_source_ = source;
    base_ = next_base_;
  }
  return base_;
}

void DatasetBuilder::add_source(const std::string& name, const std::string& origin,
                                std::string_view format, std::uint64_t bytes) {
  data_.input.files.push_back(name);
  data_.input.origins.push_back(origin);
  data_.input.formats.emplace_back(format);
  data_.input.bytes += bytes;
}

void DatasetBuilder::add_account(const AccountRecord& account, const std::string& source,
                                 std::size_t source_index, std::string_view platform) {
  follower_entries_ += account.follower_entries;
  if (account.role == AccountRole::guess) {
    // An importer may guess once per thread: each name is kept once, in the order first given.
    const auto guess = [&](const std::string& name) {
      if (!name.empty() &&
          weak_seen_.insert(fmt::format("{}{}{}", platform, kQualifierSeparator, name)).second) {
        weak_names_.push_back({std::string(platform), name});
      }
    };
    guess(account.id);
    guess(account.handle);
    for (const std::string& alias : account.aliases) {
      guess(alias);
    }
    return;
  }
  if (account.role == AccountRole::profile) {
    profiles_.add(account);
    return;
  }
  owners_.push_back({account, source, std::string(platform), source_index});
  owners_.back().record.at += base_of(source_index);
}

namespace {

// "@acme on x (export.json)": an owner record as an error names it.
std::string owner_label(const AccountRecord& r, std::string_view platform,
                        const std::string& source) {
  const std::string& name = r.handle.empty() ? r.id : r.handle;
  const std::string& shown = r.platform.empty() ? std::string(platform) : r.platform;
  return fmt::format("{}{} ({})", name, shown.empty() ? "" : " on " + shown, source);
}

// Whether two handles name one account: equal once normalised, or equal in their local part
// when one of them has no domain ("marrow" and "marrow@fjord.example" on Mastodon).
bool same_handle(const std::string& a, const std::string& b) {
  const std::string x = normalize_name(a);
  const std::string y = normalize_name(b);
  if (x == y) {
    return true;
  }
  const std::size_t dx = x.find('@');
  const std::size_t dy = y.find('@');
  if ((dx == std::string::npos) == (dy == std::string::npos)) {
    return false;  // both bare, or both with a domain: they differ
  }
  return x.substr(0, dx) == y.substr(0, dy);
}

// Whether two owner records name different accounts: by their handles when both give one, else
// by their ids when both give only ids (importers of one platform may spell ids differently:
// an actor URL and an API id).
bool differ(const AccountRecord& a, const AccountRecord& b) {
  if (!a.handle.empty() && !b.handle.empty()) {
    return !same_handle(a.handle, b.handle);
  }
  return a.handle.empty() && b.handle.empty() && !a.id.empty() && !b.id.empty() &&
         normalize_name(a.id) != normalize_name(b.id);
}

// Whether an owner record names one of the --account names.
bool named_by(const AccountRecord& r, const std::vector<std::string>& accounts) {
  for (const std::string& given : accounts) {
    const std::string name = normalize_name(given);
    for (const std::string* own : {&r.id, &r.handle}) {
      if (!own->empty() && normalize_name(*own) == name) {
        return true;
      }
    }
    for (const std::string& alias : r.aliases) {
      if (normalize_name(alias) == name) {
        return true;
      }
    }
  }
  return false;
}

}  // namespace

void DatasetBuilder::choose_owners(const LoadOptions& options) {
  // Records of one platform's inputs name one account; ror/v1 names hold on every platform, so
  // two ror/v1 inputs name one account too.
  // Each record is held against the first of its platform that gives a handle and the first
  // that gives only an id (a folder of 10,000 API pages has as many records: linear, not
  // quadratic).
  const Owner* first = nullptr;
  const Owner* second = nullptr;
  std::map<std::string_view, std::pair<const Owner*, const Owner*>> seen;  // with handle, id only
  for (const Owner& o : owners_) {
    auto& [by_handle, by_id] = seen[o.space];
    for (const Owner* earlier : {by_handle, by_id}) {
      if (earlier != nullptr && second == nullptr && differ(earlier->record, o.record)) {
        first = earlier;
        second = &o;
      }
    }
    if (!o.record.handle.empty() && by_handle == nullptr) {
      by_handle = &o;
    } else if (o.record.handle.empty() && !o.record.id.empty() && by_id == nullptr) {
      by_id = &o;
    }
  }
  if (second != nullptr && options.accounts.empty()) {
    throw usage_error(fmt::format(
        "the inputs name two accounts, {} and {}: score one with --account NAME, or each on its "
        "own to compare them",
        owner_label(first->record, first->space, first->source),
        owner_label(second->record, second->space, second->source)));
  }
  for (const Owner& o : owners_) {
    // With two accounts named, --account keeps the records that name it.
    if (second == nullptr || named_by(o.record, options.accounts)) {
      take_owner(o.record, o.source, o.space);
    } else {
      disowned_.resize(std::max(disowned_.size(), o.source_index + 1), 0);
      disowned_[o.source_index] = 1;
    }
  }
  owners_.clear();
}

void DatasetBuilder::take_owner(const AccountRecord& account, const std::string& source,
                                std::string_view platform) {
  for (const std::string* name : {&account.id, &account.handle}) {
    if (!name->empty()) {
      alias_names_.push_back({std::string(platform), *name});
    }
  }
  for (const std::string& alias : account.aliases) {
    alias_names_.push_back({std::string(platform), alias});
  }
  // One identity per platform (as the record names it, else its input's): the first record of a
  // platform starts it, later ones complete it.
  const std::string& shown = account.platform.empty() ? std::string(platform) : account.platform;
  auto it = std::find_if(identities_.begin(), identities_.end(),
                         [&](const Identity& i) { return i.platform == shown; });
  if (it == identities_.end()) {
    identities_.push_back(
        {std::string(platform), shown, account.id, account.handle, account.followers});
    return;
  }
  Identity& mine = *it;
  if (account.followers && mine.followers && *account.followers != *mine.followers) {
    data_.input.warnings.add(&Warnings::account_conflicts,
                             fmt::format("account followers {} conflict with {} given earlier ({})",
                                         *account.followers, *mine.followers, source),
                             account.at);
  }
  if (!mine.followers) {
    mine.followers = account.followers;
  }
  for (auto [field, value] : {std::pair{&mine.id, &account.id},
                              {&mine.handle, &account.handle},
                              {&mine.platform, &shown}}) {
    if (field->empty()) {
      *field = *value;
    }
  }
}

bool DatasetBuilder::bare_profiles_on(std::string_view platform) const {
  return std::find(bare_profile_platforms_.begin(), bare_profile_platforms_.end(), platform) !=
         bare_profile_platforms_.end();
}

void DatasetBuilder::apply_profiles() {
  // The account's own profile, seen among others, completes what no input said of it.
  Account& account = data_.account;
  const Profile* p = profiles_.find_any(account.names);
  // A profile that named only a handle (not kept: PostBatch::bare_profiles) is the first author
  // of its platform with one of the account's names, the handle as written.
  Profile bare;
  const AuthorTable& authors = data_.authors;
  for (AuthorId id = 0; p == nullptr && !bare_profile_platforms_.empty() && id < authors.size();
       ++id) {
    if (bare_profiles_on(authors.qualifier(id)) && authors.names_account(id, account.names)) {
      bare.handle = authors.name(id);
      bare.platform = authors.qualifier(id);
      p = &bare;
    }
  }
  if (p == nullptr) {
    return;
  }
  if (!account.followers && p->followers) {
    account.followers = p->followers;
  }
  for (auto [field, value] : {std::pair{&account.id, p->id},
                              {&account.handle, p->handle},
                              {&account.platform, p->platform}}) {
    if (field->empty()) {
      *field = std::string(value);
    }
  }
}

namespace {

// Makes room for `more` elements at the end of `v`, growing it by half again at least, so that
// appending batch after batch copies each element a few times only (room for exactly one more
// batch would copy the whole array at every batch).
template <class Vector>
void grow(Vector& v, std::size_t more) {
  if (v.size() + more > v.capacity()) {
    v.reserve(std::max(v.size() + more, v.capacity() + v.capacity() / 2));
  }
}

}  // namespace

void DatasetBuilder::reserve_for(const PostBatch& batch) {
  grow(data_.posts, batch.posts.size());
  grow(data_.post_ids, batch.posts.size());
  grow(dropped_, batch.posts.size());
  if (planned_) {
    grow(data_.comments, batch.comments.size());
  }
}

void DatasetBuilder::flush_comment_chunks(std::size_t capacity) {
  data_.comments.reserve(std::max(capacity, comment_count_));
  for (auto& chunk : comment_chunks_) {
    data_.comments.insert(data_.comments.end(), chunk.begin(), chunk.end());
    decltype(comment_chunks_)::value_type().swap(chunk);  // freed as it is copied
  }
  comment_chunks_.clear();
}

void DatasetBuilder::plan(std::uint64_t bytes_done, std::uint64_t bytes_total) {
  if (planned_ || bytes_done == 0 || bytes_total <= bytes_done) {
    return;
  }
  planned_ = true;
  const double scale = 1.05 * static_cast<double>(bytes_total) / static_cast<double>(bytes_done);
  const auto projected = [&](std::size_t n) {
    return static_cast<std::size_t>(static_cast<double>(n) * scale) + 1024;
  };
  flush_comment_chunks(projected(comment_count_));
  data_.posts.reserve(projected(data_.posts.size()));
  data_.post_ids.reserve(projected(data_.post_ids.size()));
  dropped_.reserve(projected(dropped_.size()));
  threads_.reserve(projected(threads_.size()));
  post_index_.reserve(projected(post_index_.size()));
}

namespace {

// One post from two copies of it: the newer copy's fields, but for text and metrics it does not
// carry, which the older copy gives; the comments of the older copy. A stand-in yields to a copy
// of the post itself, whichever comes first; of two stand-ins, the earlier time is kept.
Post merged(const Post& older, const Post& newer, ValueArena& arena) {
  if (newer.stand_in && !older.stand_in) {
    Post out = older;  // a stand-in gives nothing of the post itself
    out.comments_known = older.comments_known || newer.comments_known;
    return out;
  }
  Post out = newer;
  if (newer.stand_in && older.stand_in) {
    out.created_at = std::min(older.created_at, newer.created_at);
  }
  out.first_comment = older.first_comment;
  out.comment_count = older.comment_count;
  if (newer.author == kNone) {
    out.author = older.author;  // (an X archive's copy names no author: the API's does)
  }
  if (newer.reply_to == kNone) {
    out.reply_to = older.reply_to;
  }
  if (newer.words == 0 && newer.norm_hash == 0) {
    out.norm_hash = older.norm_hash;
    out.words = older.words;
    out.hashtags = older.hashtags;
    out.mentions = older.mentions;
  }
  if ((older.known & ~newer.known) != 0) {  // metrics only the older copy carries
    std::array<std::int64_t, kPostMetricCount> all{};
    for (std::size_t m = 0; m < kPostMetricCount; ++m) {
      const auto metric = static_cast<PostMetric>(m);
      all[m] = newer.has(metric) ? newer.get(metric) : older.get(metric);
    }
    out.known = static_cast<std::uint16_t>(older.known | newer.known);
    out.values = store_metrics(all, out.known, arena);
  }
  out.comments_known = older.comments_known || newer.comments_known;
  return out;
}

}  // namespace

void DatasetBuilder::merge_posts(PostBatch& batch, std::size_t source, const SourceInfo& info,
                                 std::size_t begin, std::size_t end) {
  InputStats& input = data_.input;
  const auto map_author = [&](AuthorId id) { return id == kNone ? kNone : author_map_[id]; };
  const auto offset = static_cast<std::uint32_t>(comment_count_);
  // Each post's key is made, and its slot of the index asked for, a few posts ahead
  // (look_ahead.hpp): the index is far larger than the caches, and an HN or Twitter export
  // merges millions of small posts.
  struct Keyed {
    std::string_view key;
    std::uint32_t tag = 0;
  };
  // (the batch hashed its keys with the platform the input's posts get here)
  const bool tagged =
      batch.post_tags.size() == batch.posts.size() && batch.input_platform == info.platform;
  const auto ahead = [&](std::size_t k) {
    const std::size_t i = begin + k;
    const std::string_view key =
        key_of(platform_of(batch, i, info), batch.text(batch.post_ids[i]), data_.id_bytes);
    const std::uint32_t tag = tagged ? batch.post_tags[i] : PostIndex::tag_of(key);
    post_index_.prefetch(tag);
    return Keyed{key, tag};
  };
  walk_ahead(end - begin, ahead, [&](std::size_t k, const Keyed& keyed) {
    const std::size_t i = begin + k;
    const auto index = static_cast<std::uint32_t>(data_.posts.size());
    const std::string_view id = batch.text(batch.post_ids[i]);
    const std::string_view platform = platform_of(batch, i, info);
    const std::string_view key = keyed.key;
    Post post = batch.posts[i];
    post.author = map_author(post.author);
    post.reply_to = map_author(post.reply_to);
    post.first_comment += offset;
    post.comments_known = post.comments_known && info.audience_comments;
    post.platform = platform_index(platform);
    post.values = data_.post_metrics.store(post.values, post.carried());
    data_.posts.push_back(post);
    data_.post_ids.push_back(key.substr(key.size() - id.size()));
    post_source_.push(index, static_cast<std::uint32_t>(source));
    dropped_.push_back(0);
    auto [slot, inserted] = post_index_.try_emplace(key, keyed.tag, index, post_keys());
    if (inserted) {
      return;
    }
    const std::uint32_t earlier = *slot;
    const RepeatRule rule =
        batch.post_repeats.empty() ? RepeatRule::duplicate : batch.post_repeats[i];
    const bool repeat =
        post_source_[earlier] == source && !post.stand_in && !data_.posts[earlier].stand_in;
    if (dropped_[earlier] != 0) {
      *slot = index;  // the earlier copy was superseded already
    } else if (repeat && rule == RepeatRule::numbered) {
      number_repeat(platform, id, index);
    } else if (repeat && rule == RepeatRule::same_text &&
               data_.posts[earlier].norm_hash == post.norm_hash &&
               data_.posts[earlier].words == post.words) {
      dropped_[index] = 1;  // the post written again: not read
      ++dropped_count_;
      --input.posts_read;
      input.skipped.add(batch.repeat_reason);
    } else if (repeat) {
      input.warnings.add(
          &Warnings::duplicate_post_ids,
          fmt::format("duplicate post id \"{}\"; the later post is kept ({})", id, batch.source),
          base_of(source) + batch.post_at[i]);
      dropped_[earlier] = 1;
      ++dropped_count_;
      *slot = index;
    } else {
      // The same post in another input, or a stand-in for it from any input: one post, its
      // comments from either copy.
      // Nested comments stay with the copy that has them (the later one when both do).
      // From now on the post is this input's: a repeat of it within this input is a repeat.
      // A stand-in is no copy of the post, only the id its comments name: the post was read
      // once (counted when the stand-in was), not merged.
      if (post.stand_in || data_.posts[earlier].stand_in) {
        --input.posts_read;
      } else {
        ++input.posts_merged;
      }
      Post one = merged(data_.posts[earlier], post, data_.post_metrics);
      const bool later_text = post.words != 0 || post.norm_hash != 0;
      if (post.comment_count > 0) {
        one.first_comment = post.first_comment;
        one.comment_count = post.comment_count;
        data_.posts[index] = one;
        dropped_[earlier] = 1;
        *slot = index;
        superseded_[index] = earlier;
        if (data_.details && !later_text && data_.details->posts.size() > index) {
          data_.details->posts[index] = data_.details->posts[earlier];
        }
      } else {
        data_.posts[earlier] = one;
        dropped_[index] = 1;
        post_source_.set(earlier, static_cast<std::uint32_t>(source));
        if (data_.details && later_text && data_.details->posts.size() > index) {
          data_.details->posts[earlier] = data_.details->posts[index];
        }
      }
      ++dropped_count_;
    }
  });
}

void DatasetBuilder::number_repeat(std::string_view platform, std::string_view id,
                                   std::uint32_t index) {
  std::string numbered;
  for (int n = 2;; ++n) {
    numbered = fmt::format("{}#{}", id, n);
    const std::string_view key = key_of(platform, numbered, data_.id_bytes);
    if (post_index_.try_emplace(key, PostIndex::tag_of(key), index, post_keys()).second) {
      data_.post_ids[index] = key.substr(key.size() - numbered.size());
      return;
    }
  }
}

std::string_view DatasetBuilder::keep_detail(const PostBatch& batch, TextRef ref) {
  return data_.details->bytes.store(batch.text(ref));
}

void DatasetBuilder::merge_details(const PostBatch& batch) {
  if (!batch.keep_details) {
    return;
  }
  if (!data_.details) {
    data_.details = std::make_unique<DatasetDetails>();
  }
  DatasetDetails& d = *data_.details;
  for (const PostTextRefs& p : batch.post_details) {
    d.posts.push_back({keep_detail(batch, p.text),
                       keep_detail(batch, p.url),
                       keep_detail(batch, p.hashtags),
                       keep_detail(batch, p.mentions),
                       p.hashtags_listed,
                       p.mentions_listed,
                       {}});
  }
  for (std::size_t i = 0; i < batch.comment_ids.size(); ++i) {
    d.comments.push_back(
        {keep_detail(batch, batch.comment_ids[i]), keep_detail(batch, batch.comment_texts[i])});
  }
}

void DatasetBuilder::start_shedding(const LoadOptions& options) {
  // Only --account names the account (no input gave an account record or a profile), and no
  // post is a status whose place depends on the others: a post is the account's when its
  // author is one of those names, as resolve_account and classify_posts will find.
  if (options.accounts.empty() || !owners_.empty() || !alias_names_.empty() ||
      !identities_.empty() || profiles_.size() > 0 || !bare_profile_platforms_.empty() ||
      !threads_.empty()) {
    return;
  }
  for (const std::string& name : options.accounts) {
    if (std::string n = normalize_name(name); !n.empty()) {
      shed_names_.push_back(std::move(n));
    }
  }
  shed_since_ = options.since;
  shed_until_ = options.until;
  shedding_ = !shed_names_.empty();
}

bool DatasetBuilder::shed(const PostBatch& batch, const LooseRecord& r, const SourceInfo& info) {
  const std::string_view key = PostIndex::key(info.platform, batch.text(r.post_id), shed_key_);
  const std::uint32_t p = find_post(key);
  InputStats& input = data_.input;
  if (p == kNone) {
    ++shed_orphans_[std::string(key)];
    return true;
  }
  const Post& post = data_.posts[p];
  if (post.author != kNone && !data_.authors.names_account(post.author, shed_names_)) {
    ++input.foreign_comments;  // (assemble counts the foreign posts)
    return true;
  }
  if ((shed_since_ && post.created_at < *shed_since_) ||
      (shed_until_ && post.created_at > *shed_until_)) {
    ++input.filtered_comments;
    return true;
  }
  return false;
}

void DatasetBuilder::merge_loose(PostBatch& batch, const SourceInfo& info, bool shedding,
                                 bool lazy) {
  constexpr AuthorId kUnseen = kNone - 1;
  if (lazy) {
    author_map_.assign(batch.authors.size(), kUnseen);
  } else {
    grow(loose_, batch.loose.size());
  }
  for (const LooseRecord& r : batch.loose) {
    if (shedding && shed(batch, r, info)) {
      continue;
    }
    Loose c;
    c.comment = r.comment;
    if (lazy) {
      AuthorId& mapped = author_map_[c.comment.author];
      if (mapped == kUnseen) {
        mapped = data_.authors.intern(batch.authors.name(c.comment.author), info.platform);
      }
    }
    c.comment.author = author_map_[c.comment.author];
    c.post_key = key_of(info.platform, batch.text(r.post_id), loose_bytes_);
    // (ids outlive the load when the details are kept: convert writes them)
    c.id = (batch.keep_details ? data_.details->bytes : loose_bytes_).store(batch.text(r.id));
    c.parent_id = loose_bytes_.store(batch.text(r.parent_id));
    c.has_parent = r.has_parent;
    c.audience_source = info.audience_comments;
    c.at = base_ + r.at;
    if (batch.keep_details) {
      c.text = data_.details->bytes.store(batch.text(r.text));
    }
    loose_.push_back(c);
  }
}

void DatasetBuilder::drop_posts(std::size_t begin, std::size_t end) {
  for (std::size_t i = begin; i < end; ++i) {
    if (dropped_[i] == 0) {
      dropped_[i] = 1;
      ++dropped_count_;
      // A copy that had replaced an earlier input's: that one comes back.
      if (const auto it = superseded_.find(static_cast<std::uint32_t>(i));
          it != superseded_.end()) {
        dropped_[it->second] = 0;
        --dropped_count_;
        *post_index_.try_emplace(post_key(it->second), it->second, post_keys()).first = it->second;
      }
    }
  }
}

void DatasetBuilder::split_key_mark(const KeyMark& mark, std::size_t first_post,
                                    std::size_t first_loose, std::uint64_t first_element) {
  const std::size_t posts = first_post + mark.posts;
  const std::size_t loose = first_loose + mark.loose;
  const std::uint64_t elements = first_element + mark.elements;
  KeyRun& run = runs_[mark.slot];
  if (mark.kind == ItemKind::close) {
    run.posts_end = posts;
    run.loose_end = loose;
    run.elements_end = elements;
    return;
  }
  if (mark.repeated) {
    // The key's earlier value gave way to this one: what it gave goes.
    drop_posts(run.posts_begin, run.posts_end);
    for (std::size_t k = run.loose_begin; k < run.loose_end; ++k) {
      loose_[k].dropped = true;
    }
    source_dropped_elements_ += run.elements_end - run.elements_begin;
  }
  run = {posts, posts, loose, loose, elements, elements};
}

void DatasetBuilder::drop_member(std::size_t source, const std::string& key) {
  std::erase_if(owners_,
                [&](const Owner& o) { return o.source_index == source && o.record.member == key; });
}

void DatasetBuilder::merge(PostBatch&& batch, std::size_t source, const SourceInfo& info) {
  if (batch.error) {
    std::rethrow_exception(batch.error);
  }
  if (source != current_source_) {
    current_source_ = source;
    if (source_audience_.size() <= source) {
      source_audience_.resize(source + 1, true);
    }
    source_audience_[source] = info.audience_comments;
    runs_ = {};
    source_elements_ = 0;
    source_dropped_elements_ = 0;
    source_expected_.reset();
  }
  InputStats& input = data_.input;
  input.posts_read += batch.posts_read;
  input.comments_read += batch.comments_read;
  input.warnings.merge(batch.warnings, base_of(source));
  for (const auto& [reason, n] : batch.skipped.counts) {
    input.skipped.add(reason, n);
  }
  for (const KeyedSkip& s : batch.skipped_once) {
    std::string key(s.reason);
    key.append(1, '\x1f').append(batch.text(s.key));
    if (skipped_once_.insert(std::move(key)).second) {
      input.skipped.add(s.reason, s.n);
    }
  }
  const std::uint64_t first_element = source_elements_;
  source_elements_ += batch.elements;
  if (batch.expected) {
    source_expected_ = batch.expected;
  }
  // A member given again replaces the account records the earlier one gave.
  std::size_t next_mark = 0;
  const auto drop_members = [&](std::size_t accounts) {
    for (; next_mark < batch.marks.size() && batch.marks[next_mark].accounts <= accounts;
         ++next_mark) {
      if (batch.marks[next_mark].kind == ItemKind::repeat) {
        drop_member(source, batch.marks[next_mark].key);
      }
    }
  };
  for (std::size_t i = 0; i < batch.accounts.size(); ++i) {
    drop_members(i);
    add_account(batch.accounts[i], batch.source, source, info.platform);
  }
  drop_members(batch.accounts.size() + 1);
  profiles_.merge(batch.profiles);
  if (batch.bare_profiles && !bare_profiles_on(info.platform)) {
    bare_profile_platforms_.emplace_back(info.platform);
  }
  // Shedding (not in a batch that marks a split key's values by their place among the loose
  // comments: a key given again drops those). In a batch of comments only, the authors of the
  // comments kept are interned as they come (merge_loose), not every author of the batch: a busy
  // subreddit's dump has hundreds of thousands.
  const bool shedding = shedding_ && batch.marks.empty();
  const bool lazy = shedding && batch.posts.empty() && batch.comments.empty();
  if (!lazy) {
    data_.authors.intern_all(batch.authors, author_map_, info.platform);
  }
  reserve_for(batch);
  const std::size_t first_post = data_.posts.size();
  merge_details(batch);  // first, so that merge_posts can merge the details of a post seen twice
  std::string key;
  for (std::size_t i = 0; i < batch.excerpts.size(); ++i) {
    // The copy with words wins, else the later one (as a post seen twice keeps its text).
    const auto& [text, url] = batch.excerpts[i];
    const std::string_view k =
        Dataset::excerpt_key(platform_of(batch, i, info), batch.text(batch.post_ids[i]), key);
    auto found = data_.excerpts.find(k);
    if (found == data_.excerpts.end()) {
      found = data_.excerpts.emplace(data_.excerpt_bytes.store(k), PostExcerpt{}).first;
    }
    PostExcerpt& e = found->second;
    if (text.size > 0 || e.text.empty()) {
      e.text = data_.excerpt_bytes.store(batch.text(text));
    }
    if (url.size > 0) {
      e.url = data_.excerpt_bytes.store(batch.text(url));
    }
  }
  const std::size_t first_loose = loose_.size();
  merge_loose(batch, info, shedding, lazy);
  // The posts, up to each mark of a split key in turn: a key given again drops what its earlier
  // value gave before the posts after it are merged (so they do not count as repeats of them).
  std::size_t merged = 0;
  for (const KeyMark& mark : batch.marks) {
    if (mark.kind != ItemKind::repeat) {
      merge_posts(batch, source, info, merged, mark.posts);
      merged = mark.posts;
      split_key_mark(mark, first_post, first_loose, first_element);
    }
  }
  merge_posts(batch, source, info, merged, batch.posts.size());
  for (const auto& [id, parent] : batch.gone_statuses) {
    gone_.emplace(key_of(info.platform, batch.text(id), thread_bytes_),
                  Gone{key_of(info.platform, batch.text(parent), thread_bytes_)});
  }
  for (const ThreadRecord& t : batch.threads) {
    const std::string_view platform = platform_of(batch, t.post, info);
    Thread& thread = threads_.emplace_back();
    thread.post = static_cast<std::uint32_t>(first_post + t.post);
    thread.reply_link = link_to(platform, batch.text(t.reply_to_post), thread.reply_to);
    thread.conversation_link = link_to(platform, batch.text(t.conversation), thread.conversation);
    thread.collects_replies = t.collects_replies;
    thread.placed = t.placed;
  }
  // Until the input's size is known, comments wait in chunks: growing one array without knowing
  // its final size would hold the old and the new copy at once.
  const auto append = [&](auto& out) {
    for (Comment c : batch.comments) {
      c.author = author_map_[c.author];
      c.parent = c.parent == kNone ? kNone : c.parent + static_cast<std::uint32_t>(comment_count_);
      c.post += static_cast<std::uint32_t>(first_post);
      out.push_back(c);
    }
  };
  if (planned_) {
    append(data_.comments);  // reserve_for made room
  } else if (!batch.comments.empty()) {
    auto& chunk = comment_chunks_.emplace_back();
    chunk.reserve(batch.comments.size());
    append(chunk);
  }
  comment_count_ += batch.comments.size();
}

void DatasetBuilder::end_source(std::size_t source, const std::string& name, std::uint64_t bytes) {
  const std::uint64_t base = base_of(source);
  const std::uint64_t elements = source_elements_ - source_dropped_elements_;
  if (source == current_source_ && source_expected_ && source_expected_->first != elements) {
    data_.input.warnings.add(
        &Warnings::count_mismatches,
        fmt::format("\"{}\" says {} items, but {} are given ({})", source_expected_->second,
                    source_expected_->first, elements, name),
        base + bytes);  // (about the whole input: placed at its end)
  }
  source_expected_.reset();
  next_base_ = base + bytes + 1;
}

namespace {

// A Reddit user as Reddit writes one ("u/name", "/u/name"): the name. Anything else as it is.
std::string_view without_user_prefix(std::string_view name) {
  for (const std::string_view prefix : {"/u/", "u/"}) {
    if (name.starts_with(prefix) && name.size() > prefix.size() &&
        name.find('/', prefix.size()) == std::string_view::npos) {
      return name.substr(prefix.size());
    }
  }
  return name;
}

}  // namespace

void DatasetBuilder::resolve_account(const LoadOptions& options) {
  choose_owners(options);
  Account& account = data_.account;
  // The identities the inputs name, the first one foremost; their follower counts add up (one
  // person's audiences on two platforms are two audiences).
  for (const Identity& identity : identities_) {
    if (account.id.empty() && account.handle.empty() && account.platform.empty()) {
      account.id = identity.id;
      account.handle = identity.handle;
      account.platform = identity.platform;
    } else if (!identity.handle.empty() || !identity.id.empty()) {
      account.others.push_back(
          {identity.platform, identity.handle.empty() ? identity.id : identity.handle});
    }
    if (identity.followers) {
      account.followers = account.followers.value_or(0) + *identity.followers;
    }
  }
  if (!account.followers && follower_entries_ > 0) {
    account.followers = static_cast<std::int64_t>(follower_entries_);
  }
  // The names of each platform's account: the names its inputs give, else (when neither they
  // nor --account nor a ror/v1 file name anyone) the author of the first post of a thread, else
  // its most frequent post author. A name given by --account or a ror/v1 file holds on every
  // platform; the others only on their own.
  std::vector<std::string> plain;   // as the report shows them
  std::vector<std::string> marked;  // "platform\x1fname", or a name for every platform
  const auto add = [&](std::string_view space, std::string_view name) {
    std::string normalised = normalize_name(name);
    if (normalised.empty()) {
      return;
    }
    plain.push_back(normalised);
    marked.push_back(space.empty() ? normalised
                                   : fmt::format("{}{}{}", space, kQualifierSeparator, normalised));
  };
  for (const std::string& name : options.accounts) {
    add("", without_user_prefix(name));
  }
  for (const auto& [space, name] : alias_names_) {
    if (space.empty()) {
      add("", name);
    }
  }
  const bool everywhere = !marked.empty();
  // {platform, name} of each platform whose account is inferred (plain and marked grow
  // together, so the plain name of marked[i] is plain[i]).
  std::vector<std::pair<std::string, std::string>> guessed;
  for (std::size_t p = 0; p < data_.platforms.size(); ++p) {
    const std::string& space = data_.platforms[p];
    const std::size_t before = marked.size();
    for (const auto& [s, name] : alias_names_) {
      if (s == space && !space.empty()) {
        add(space, name);
      }
    }
    if (marked.size() > before || everywhere) {
      continue;
    }
    for (const auto& [s, name] : weak_names_) {
      if (s == space) {
        add(space, name);
      }
    }
    if (marked.size() > before && guessed.empty()) {
      account.thread_authors = true;  // of the first platform guessed, which names the account
    }
    if (marked.size() == before) {
      if (const std::string frequent = most_frequent_author(static_cast<std::uint8_t>(p));
          !frequent.empty()) {
        add(space, frequent);
      }
    }
    if (marked.size() > before) {
      guessed.emplace_back(space, plain.back());
    }
  }
  // A platform whose account was only guessed is one of the account's identities too (when no
  // input named any, the first such platform's is the account itself, as its names say).
  for (std::size_t g = identities_.empty() ? 1 : 0; g < guessed.size(); ++g) {
    account.others.push_back(guessed[g]);
  }
  // Inferred: no input and no --account named anyone, on any platform.
  account.inferred = !guessed.empty() && identities_.empty() && !everywhere;
  account.guessed = std::move(guessed);
  std::sort(plain.begin(), plain.end());
  plain.erase(std::unique(plain.begin(), plain.end()), plain.end());
  account.names = plain;
  apply_profiles();
  // A profile may name the account by id as well as by handle.
  for (const std::string* extra : {&account.id, &account.handle}) {
    std::string normalised = normalize_name(*extra);
    if (!normalised.empty() &&
        std::find(account.names.begin(), account.names.end(), normalised) == account.names.end()) {
      account.names.push_back(normalised);
      const std::string& space = identities_.empty() ? std::string() : identities_.front().space;
      marked.push_back(space.empty()
                           ? normalised
                           : fmt::format("{}{}{}", space, kQualifierSeparator, normalised));
    }
  }
  std::sort(account.names.begin(), account.names.end());
  data_.authors.mark_account(marked);
  if (!options.accounts.empty() && identities_.empty()) {
    check_accounts_named(options.accounts);
  }
}

void DatasetBuilder::check_accounts_named(const std::vector<std::string>& accounts) const {
  for (AuthorId a = 0; a < data_.authors.size(); ++a) {
    if (data_.authors.is_account(a)) {
      return;
    }
  }
  // No post, comment or export names the account: a misspelt name, or the wrong input. The
  // posts' most frequent authors are named, and the nearest name when one is close.
  std::unordered_map<AuthorId, std::uint64_t> posts_by;
  for (const Post& post : data_.posts) {
    if (post.author != kNone && !data_.authors.is_anonymous(post.author)) {
      ++posts_by[post.author];
    }
  }
  std::vector<std::pair<std::uint64_t, std::string_view>> ranked;
  std::vector<std::string_view> names;
  for (const auto& [author, n] : posts_by) {
    ranked.emplace_back(n, data_.authors.name(author));
    names.push_back(data_.authors.name(author));
  }
  std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  std::string authors;
  for (std::size_t i = 0; i < std::min<std::size_t>(ranked.size(), 3); ++i) {
    authors += fmt::format("{}{} ({} post{})", i == 0 ? "" : ", ", ranked[i].second,
                           ranked[i].first, ranked[i].first == 1 ? "" : "s");
  }
  std::string given;
  for (const std::string& name : accounts) {
    given += given.empty() ? name : ", " + name;
  }
  const auto near = nearest_name(without_user_prefix(accounts.front()), names);
  throw usage_error(fmt::format(
      "--account {} names no author of the inputs{}{}", given,
      near ? fmt::format(": did you mean {}?", *near) : std::string(),
      authors.empty() ? std::string()
                      : fmt::format(" (the posts' most frequent authors: {})", authors)));
}

std::string DatasetBuilder::most_frequent_author(std::uint8_t platform) const {
  // Counting by author, then by name (names that differ in case or '@' are one); the most posts
  // win, and among equals the smallest name, so that no order matters.
  std::vector<std::uint64_t> by_author(data_.authors.size());  // (a count per author id)
  for (std::size_t i = 0; i < data_.posts.size(); ++i) {
    const Post& post = data_.posts[i];
    if (dropped_[i] == 0 && post.platform == platform && post.author != kNone) {
      ++by_author[post.author];
    }
  }
  std::unordered_map<std::string, std::uint64_t, KeyedStringHash> counts;
  for (std::size_t author = 0; author < by_author.size(); ++author) {
    const std::string_view name = data_.authors.name(static_cast<AuthorId>(author));
    if (by_author[author] > 0 && !AuthorTable::anonymous_name(name)) {
      counts[normalize_name(name)] += by_author[author];
    }
  }
  const auto best = std::max_element(counts.begin(), counts.end(), [](auto& a, auto& b) {
    return a.second != b.second ? a.second < b.second : a.first > b.first;
  });
  return best == counts.end() ? std::string() : best->first;
}

void DatasetBuilder::name_addressees() {
  // A reply whose addressee the export gives only as an account id (a Mastodon page's
  // in_reply_to_account_id, an X reply without its handle) names them by the handle that a
  // profile seen anywhere in the inputs gives that id.
  std::unordered_map<AuthorId, AuthorId> renamed;
  for (Post& post : data_.posts) {
    if (post.reply_to == kNone) {
      continue;
    }
    if (const auto done = renamed.find(post.reply_to); done != renamed.end()) {
      post.reply_to = done->second;
      continue;
    }
    const std::string_view name = data_.authors.name(post.reply_to);
    if (name.empty() || name.find_first_not_of("0123456789") != std::string_view::npos) {
      continue;  // a handle already
    }
    const std::string_view profile = profiles_.handle_of_id(name);
    if (profile.empty()) {
      continue;
    }
    const AuthorId handle = data_.authors.intern(profile, data_.authors.qualifier(post.reply_to));
    renamed.emplace(post.reply_to, handle);
    post.reply_to = handle;
  }
}

Dataset DatasetBuilder::finish(const LoadOptions& options) {
  flush_comment_chunks(comment_count_);
  name_addressees();
  resolve_account(options);
  data_.authors.seal();  // (no name is added from here on: the index goes before the placing)
  place_statuses();
  classify_posts();
  // (the links between statuses are spent: room for assemble's arrays)
  for (auto* links : {&parents_, &conversations_}) {
    std::vector<std::uint32_t>().swap(*links);
  }
  for (auto* flags : {&collects_, &answers_, &threaded_, &names_conversation_}) {
    std::vector<std::uint8_t>().swap(*flags);
  }
  assemble(options);
  for (const Comment& c : data_.comments) {
    data_.input.anonymous_comments += data_.authors.is_anonymous(c.author) ? 1 : 0;
  }
  post_index_.release();
  // (a reason named ahead of its repeats, none of which came, or only once-counted skips that
  // came before: PostBatch::post, PostBatch::skip_once)
  std::erase_if(data_.input.skipped.counts, [](const auto& entry) { return entry.second == 0; });
  return std::move(data_);
}

}  // namespace ror::ingest
