// Turns the batches of every input into a Dataset: interning, the same post seen twice,
// comments that arrive apart from their posts, statuses placed as posts or comments once the
// account is known, the account's identity, and the --since/--until window.
#pragma once

#include <algorithm>
#include <array>
#include <map>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <sys/mman.h>

#include "ingest/post_batch.hpp"
#include "ingest/post_index.hpp"
#include "ingest/records.hpp"
#include "ror/dataset.hpp"
#include "ror/ingest.hpp"
#include "ror/keyed_hash.hpp"
#include "ror/string_index.hpp"

namespace ror::ingest {

// The reason comments are counted under when their post is in no input.
inline constexpr std::string_view kOrphanComments = "comments whose post is not in the input";

// An allocator that takes memory straight from the system (mmap) and gives it back on
// deallocation, so that a freed chunk leaves the process's resident memory at once (the heap
// would keep it).
template <typename T>
struct SystemAllocator {
  using value_type = T;
  SystemAllocator() = default;
  template <typename U>
  explicit SystemAllocator(const SystemAllocator<U>& /*other*/) {}
  T* allocate(std::size_t n) {
    void* p =
        ::mmap(nullptr, n * sizeof(T), PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) {
      throw std::bad_alloc();
    }
    return static_cast<T*>(p);
  }
  void deallocate(T* p, std::size_t n) { ::munmap(p, n * sizeof(T)); }
  template <typename U>
  bool operator==(const SystemAllocator<U>& /*other*/) const {
    return true;
  }
};

// How an input's importer bears on what its records mean.
struct SourceInfo {
  std::string_view platform;      // the namespace of its post ids ("x", "mastodon"; "" for ror/v1)
  bool audience_comments = true;  // whether it holds comments written by other people
};

class DatasetBuilder {
 public:
  // Notes an input that was read: its name, the importer that read it, and its bytes.
  void add_source(const std::string& name, const std::string& origin, std::string_view format,
                  std::uint64_t bytes);
  // Counts records or files passed over on purpose.
  void skip(std::string_view reason, std::uint64_t n = 1) { data_.input.skipped.add(reason, n); }
  // Joins a batch of input number `source` (batches must come in input order): its accounts,
  // then its posts and comments. Rethrows the batch's error, if it has one.
  void merge(PostBatch&& batch, std::size_t source, const SourceInfo& info);
  // The posts and comments merged so far (for the out-of-memory message).
  std::size_t posts_held() const { return data_.posts.size(); }
  std::size_t comments_held() const { return data_.comments.size(); }
  // Input `source` (named `name`, `bytes` long) ended: checks the count of items it declared, if
  // any.
  void end_source(std::size_t source, const std::string& name, std::uint64_t bytes = 0);
  // Reserves room for the whole input from what the first part of it held, so that the arrays
  // are not copied as they grow (which would double their peak memory).
  void plan(std::uint64_t bytes_done, std::uint64_t bytes_total);
  // Every input that may hold posts or name the account is merged; what is left are comments
  // apart from their posts (Detection::comments_apart). When --account alone names the account
  // and no input holds statuses, whose each post is and whether it is in the window are known
  // now, so the comments to come that cannot join a scored post are counted as assemble would
  // count them and dropped as they come: memory follows the account's share of a dump, not its
  // size.
  void start_shedding(const LoadOptions& options);
  // Resolves the account, places statuses, joins comments to their posts, and applies the time
  // window; the builder is spent afterwards.
  Dataset finish(const LoadOptions& options);

 private:
  // A comment waiting for its post until the end of the load.
  struct Loose {
    Comment comment;            // author is the dataset's; parent and post are set at the join
    std::string_view post_key;  // the post's key (see key_of)
    std::string_view id;        // its id and its parent's, as the input wrote them
    std::string_view parent_id;
    std::string_view text;  // with details only
    bool has_parent = false;
    bool audience_source = true;  // it came from an input that holds other people's comments
    std::uint64_t at = 0;         // its place in the inputs (Warnings::first_at)
    bool dropped = false;         // what a split key given again replaced
  };
  // What the latest value of a split key of the input being merged gave: posts, loose comments
  // and elements, [begin, end).
  struct KeyRun {
    std::size_t posts_begin = 0;
    std::size_t posts_end = 0;
    std::size_t loose_begin = 0;
    std::size_t loose_end = 0;
    std::uint64_t elements_begin = 0;
    std::uint64_t elements_end = 0;
  };
  // How a status names another: not at all, by the post that had the key when the status was
  // merged (most statuses come after the one they answer), or by the key itself (the status
  // named is not merged yet: an index in pending_keys_).
  enum class Link : std::uint8_t { none, post, key };
  // What a status needs to be placed: 16 bytes, where two views of keys took 40 (and the keys'
  // bytes besides).
  struct Thread {
    std::uint32_t post = 0;
    std::uint32_t reply_to = kNone;      // the status it answers (reply_link)
    std::uint32_t conversation = kNone;  // its conversation's first status (conversation_link)
    Link reply_link = Link::none;
    Link conversation_link = Link::none;
    bool collects_replies = true;  // PostRecord::collects_replies
    bool placed = true;            // a status (PostRecord::threaded), not only linked
  };
  // A thread record's link to status `id` of `platform`: the post merged with that key, or else
  // the key, kept (either into `to`).
  Link link_to(std::string_view platform, std::string_view id, std::uint32_t& to);
  // The post a link leads to once every input is merged (a post found while merging may have
  // been superseded since: its key finds the one that took its place), or kNone.
  std::uint32_t linked_post(Link link, std::uint32_t to) const;
  // The key a link names.
  std::string_view linked_key(Link link, std::uint32_t to) const {
    return link == Link::post ? post_key(to) : pending_keys_[to];
  }

  // A post's key: its id in its platform's namespace, stored in `arena`.
  static std::string_view key_of(std::string_view platform, std::string_view id,
                                 StringArena& arena);
  std::uint8_t platform_index(std::string_view platform);
  // The platform of post `post` of a batch: the one it names (ror/v1), else its input's.
  static std::string_view platform_of(const PostBatch& batch, std::size_t post,
                                      const SourceInfo& info);
  // Where input `source` starts in the inputs read one after another: the base of the places
  // of its warnings (inputs come in order).
  std::uint64_t base_of(std::size_t source);
  void add_account(const AccountRecord& account, const std::string& source,
                   std::size_t source_index, std::string_view platform);
  // Takes an owner record's names and identity (what the record says of the account).
  void take_owner(const AccountRecord& account, const std::string& source,
                  std::string_view platform);
  // The owner records that name the account: all of them, unless two name different accounts
  // (then --account must say which, else a usage error names both).
  void choose_owners(const LoadOptions& options);
  // The most frequent author of the posts of a platform (normalised), or "".
  std::string most_frequent_author(std::uint8_t platform) const;
  void apply_profiles();
  // Whether an input of `platform` gave profiles that named only handles.
  bool bare_profiles_on(std::string_view platform) const;
  // Merges posts [begin, end) of the batch.
  void merge_posts(PostBatch& batch, std::size_t source, const SourceInfo& info, std::size_t begin,
                   std::size_t end);
  // Gives post `index` (of id `id`, a RepeatRule::numbered repeat) the first of `id#2`, `id#3`,
  // ... that no post has.
  void number_repeat(std::string_view platform, std::string_view id, std::uint32_t index);
  // `shedding`: drops what shed() says; `lazy`: the batch's authors are not interned yet, those
  // of the comments kept are.
  void merge_loose(PostBatch& batch, const SourceInfo& info, bool shedding, bool lazy);
  // Shedding: whether loose comment `r` cannot join a scored post (then it is counted as such).
  bool shed(const PostBatch& batch, const LooseRecord& r, const SourceInfo& info);
  // Drops posts [begin, end) of the dataset (what a key given again replaces).
  void drop_posts(std::size_t begin, std::size_t end);
  // A split key's value starts or ends (the batch's posts, loose comments and elements from
  // `first_*` on): a key given again drops what its earlier value gave.
  void split_key_mark(const KeyMark& mark, std::size_t first_post, std::size_t first_loose,
                      std::uint64_t first_element);
  // A top-level member `key` of input `source` came again: the account records it gave go.
  void drop_member(std::size_t source, const std::string& key);
  // With details: the batch's texts and ids, stored beside the posts and comments.
  void merge_details(const PostBatch& batch);
  std::string_view keep_detail(const PostBatch& batch, TextRef ref);
  void reserve_for(const PostBatch& batch);
  // Moves the chunked comments into the dataset's array, reserved for `capacity` comments.
  void flush_comment_chunks(std::size_t capacity);
  void name_addressees();
  void resolve_account(const LoadOptions& options);
  // Throws a usage error when no author of the inputs is the account that --account names.
  void check_accounts_named(const std::vector<std::string>& accounts) const;
  // status_threads.cpp
  std::uint32_t find_post(std::string_view key) const;  // the surviving post of a key, or kNone
  // The status a status answering `key` answers once the gone statuses on the way are passed
  // (RecordSink::gone), or kNone.
  std::uint32_t through_gone(std::string_view key);
  std::uint32_t find_post(std::string_view key, std::uint32_t tag) const;  // PostIndex::tag_of
  // The key of post i (see key_of): its id is the end of the key stored in id_bytes.
  std::string_view post_key(std::uint32_t i) const {
    const std::string_view id = data_.post_ids[i];
    const std::size_t prefix = data_.platforms[data_.posts[i].platform].size();
    return prefix == 0 ? id : std::string_view(id.data() - prefix - 1, prefix + 1 + id.size());
  }
  // post_key as the index reads it.
  auto post_keys() const {
    return [this](std::uint32_t i) { return post_key(i); };
  }
  void link_statuses();  // fills the per-post links below, once
  void place_statuses();
  void classify_posts();
  // dataset_assembly.cpp
  void assemble(const LoadOptions& options);
  // Comment k to join: loose_[k], then the statuses of placed_ as loose comments.
  Loose join_entry(std::size_t k) const;

  Dataset data_;
  // A name an input gives the account, with the platform of that input ("" for ror/v1).
  struct SpacedName {
    std::string space;
    std::string name;
  };
  // The account on one platform, from the account records of its inputs.
  struct Identity {
    std::string space;     // the platform of the inputs ("" for ror/v1)
    std::string platform;  // as the record names it
    std::string id;
    std::string handle;
    std::optional<std::int64_t> followers;
  };
  struct Owner {
    AccountRecord record;
    std::string source;
    std::string space;  // the platform of its input ("" for ror/v1)
    std::size_t source_index = 0;
  };
  // Per input: its owner record named another account than the one scored, so its posts
  // without an author are that account's, not this one's (foreign).
  std::vector<std::uint8_t> disowned_;
  std::vector<Owner> owners_;  // owner records in input order, until choose_owners
  std::vector<Identity> identities_;
  std::vector<SpacedName> alias_names_;
  std::vector<SpacedName> weak_names_;  // names only guessed (a thread's first author), each once
  std::unordered_set<std::string> weak_seen_;  // "platform\x1fname" of each in weak_names_
  std::uint64_t follower_entries_ = 0;
  ProfileTable profiles_;
  // The platforms of inputs whose profiles named only handles (PostBatch::bare_profiles): their
  // authors stand for those profiles.
  std::vector<std::string> bare_profile_platforms_;
  PostIndex post_index_;  // post key -> index in data_.posts
  // Per post, the input it came from: runs of posts, as inputs come one after another, and the
  // posts a later input's copy took over (a few bytes per input, not 4 per post).
  class PostSources {
   public:
    void push(std::uint32_t post, std::uint32_t source) {
      if (runs_.empty() || runs_.back().second != source) {
        runs_.emplace_back(post, source);
      }
    }
    void set(std::uint32_t post, std::uint32_t source) { taken_[post] = source; }
    std::uint32_t operator[](std::uint32_t post) const {
      if (!taken_.empty()) {
        if (const auto it = taken_.find(post); it != taken_.end()) {
          return it->second;
        }
      }
      const auto run =
          std::upper_bound(runs_.begin(), runs_.end(), post,
                           [](std::uint32_t p, const std::pair<std::uint32_t, std::uint32_t>& r) {
                             return p < r.first;
                           });
      return std::prev(run)->second;
    }

   private:
    std::vector<std::pair<std::uint32_t, std::uint32_t>> runs_;  // first post, input
    std::unordered_map<std::uint32_t, std::uint32_t> taken_;
  };
  PostSources post_source_;
  std::vector<bool> source_audience_;  // per input: whether it holds other people's comments
  std::vector<bool> dropped_;          // per post: superseded, or placed as a comment
  std::size_t dropped_count_ = 0;
  // A post kept from a later input in place of an earlier input's copy (which a restart of the
  // later input's array brings back).
  std::unordered_map<std::uint32_t, std::uint32_t> superseded_;
  std::vector<Thread> threads_;
  // Per post, from link_statuses: the status it answers (kNone when not in the data), whether it
  // answers one at all (2: through gone statuses), whether it is a status, and its conversation's
  // first status when the platform names one.
  std::vector<std::uint32_t> parents_;
  std::vector<std::uint8_t> collects_;  // any copy's PostRecord::collects_replies
  std::vector<std::uint8_t> answers_;
  std::vector<std::uint8_t> threaded_;
  std::vector<std::uint32_t> conversations_;
  std::vector<std::uint8_t> names_conversation_;
  std::vector<Loose> loose_;
  // A status placed as a comment (place_statuses): 16 bytes, not a Loose's 112, until assemble
  // joins it (join_entry).
  struct Placed {
    std::uint32_t post = 0;       // the status
    std::uint32_t home = 0;       // the post it becomes a comment of
    std::uint32_t parent = 0;     // the status it answers under that post, or kNone
    bool audience_source = true;  // (Loose::audience_source)
  };
  std::vector<Placed> placed_;
  StringArena loose_bytes_;   // what loose comments name, until the end of the load
  StringArena thread_bytes_;  // what threads_ and gone_ name, until link_statuses
  std::vector<std::string_view> pending_keys_;  // Link::key keys of threads_ (in thread_bytes_)
  std::string link_scratch_;                    // a key looked up by link_to
  // By the key of each gone status (RecordSink::gone), the key of the status it answered and,
  // once through_gone has walked it, the status in the data its chain leads to; until
  // link_statuses (the keys in thread_bytes_).
  static constexpr std::uint32_t kGoneUnresolved = kNone - 1;
  static constexpr std::uint32_t kGoneWalking = kNone - 2;
  struct Gone {
    std::string_view parent;
    std::uint32_t resolved = kGoneUnresolved;
  };
  std::unordered_map<std::string_view, Gone, KeyedStringHash> gone_;
  // Shedding (start_shedding): the account's names, normalised, and the time window.
  bool shedding_ = false;
  std::vector<std::string> shed_names_;
  std::optional<TimeMs> shed_since_;
  std::optional<TimeMs> shed_until_;
  // Comments dropped while shedding because their post was in no input read so far, by post
  // key: a post that comes later in a comments file (one that mixes in posts) is told apart at
  // the end.
  std::unordered_map<std::string, std::uint64_t, KeyedStringHash> shed_orphans_;
  // "reason\x1fkey" of each skip counted once (RecordSink::skip_once).
  std::unordered_set<std::string, KeyedStringHash> skipped_once_;
  std::string shed_key_;  // scratch
  bool planned_ = false;
  // Comments merged before plan(), in order.
  std::vector<std::vector<Comment, SystemAllocator<Comment>>> comment_chunks_;
  std::size_t comment_count_ = 0;     // merged so far, chunks included
  std::vector<AuthorId> author_map_;  // scratch: batch author id -> dataset author id
  // The input being merged: where its posts and comments began, and what it declared.
  std::size_t current_source_ = static_cast<std::size_t>(-1);
  std::array<KeyRun, 2> runs_{};  // per split key of the framing
  std::uint64_t source_elements_ = 0;
  std::uint64_t source_dropped_elements_ = 0;  // of those, dropped with their key's value
  std::optional<std::pair<std::uint64_t, std::string>> source_expected_;
  std::size_t base_source_ = static_cast<std::size_t>(-1);  // the input base_ is of
  std::uint64_t base_ = 0;
  std::uint64_t next_base_ = 0;  // where the input after base_source_ starts
};

}  // namespace ror::ingest
