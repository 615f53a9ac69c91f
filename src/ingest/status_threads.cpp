// Statuses placed once the account is known (docs/format.md, "Threads"). On X, Mastodon and
// Bluesky a reply is a status like any other, so an export of statuses is placed here:
//  - the first status of a conversation, by the account, is a post; so is each status of a
//    self-thread that continues it (the account answering itself, all the way up);
//  - any other status in that conversation is a comment on that post: other people's are
//    audience comments, the account's are its answers; a comment's parent is the status it
//    answers when that status is a comment of the same post;
//  - every other status stays a post: the account's replies to others are outreach, other
//    people's are foreign.
// A self-thread that continues a reply to someone else is outreach too, to the same person.
// A status answering a gone one (deleted, dead) is placed by the chain through it, as a
// top-level comment: whom it answered is unknown.
#include <algorithm>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "ingest/dataset_builder.hpp"
#include "ingest/look_ahead.hpp"

namespace ror::ingest {

namespace {

constexpr std::uint32_t kUnknown = kNone - 1;  // memo: not computed yet
// answers_: the status answers one that a chain of gone statuses (RecordSink::gone) leads to.
constexpr std::uint8_t kAnswersThroughGone = 2;

}  // namespace

std::uint32_t DatasetBuilder::find_post(std::string_view key) const {
  return key.empty() ? kNone : find_post(key, PostIndex::tag_of(key));
}

std::uint32_t DatasetBuilder::find_post(std::string_view key, std::uint32_t tag) const {
  if (key.empty()) {
    return kNone;
  }
  const std::uint32_t* i = post_index_.find(key, tag, post_keys());
  return i == nullptr || dropped_[*i] != 0 ? kNone : *i;
}

std::uint32_t DatasetBuilder::linked_post(Link link, std::uint32_t to) const {
  switch (link) {
    case Link::none:
      return kNone;
    case Link::post:
      return dropped_[to] != 0 ? find_post(post_key(to)) : to;
    case Link::key:
      return find_post(pending_keys_[to]);
  }
  return kNone;
}

std::uint32_t DatasetBuilder::through_gone(std::string_view key) {
  // Up the chain of gone statuses to the first status in the data; each link's answer is kept,
  // so every chain is walked once however many replies hang from it (a cycle of gone statuses
  // leads to none).
  std::vector<Gone*> path;
  std::uint32_t found = kNone;
  for (auto it = gone_.find(key); it != gone_.end(); it = gone_.find(it->second.parent)) {
    Gone& g = it->second;
    if (g.resolved != kGoneUnresolved) {
      found = g.resolved == kGoneWalking ? kNone : g.resolved;
      break;
    }
    g.resolved = kGoneWalking;
    path.push_back(&g);
    if (found = find_post(g.parent); found != kNone) {
      break;
    }
  }
  for (Gone* g : path) {
    g->resolved = found;
  }
  return found;
}

void DatasetBuilder::link_statuses() {
  // A status seen in several inputs has a thread record per copy: what any copy names counts
  // (the first that names a status it answers, the first that names a conversation).
  const std::size_t n = data_.posts.size();
  threaded_.assign(n, 0);
  collects_.assign(n, 0);
  parents_.assign(n, kNone);
  answers_.assign(n, 0);
  conversations_.assign(n, kNone);
  names_conversation_.assign(n, 0);
  std::vector<std::uint8_t> conversation_named(n, 0);  // a copy named one (maybe its own)
  // (the statuses of a conversation usually come together: the last one found is kept)
  std::pair<Link, std::uint32_t> last_conversation{Link::none, kNone};
  std::uint32_t last_root = kNone;
  // The slot of a key not found while merging is asked for a few records ahead (the index is
  // far larger than the caches; look_ahead.hpp), its tag kept for the lookup.
  const auto ahead = [&](std::size_t k) {
    const Thread& t = threads_[k];
    if (t.reply_link != Link::key) {
      return std::uint32_t{0};
    }
    const std::uint32_t tag = PostIndex::tag_of(pending_keys_[t.reply_to]);
    post_index_.prefetch(tag);
    return tag;
  };
  walk_ahead(threads_.size(), ahead, [&](std::size_t k, std::uint32_t reply_tag) {
    const Thread& t = threads_[k];
    // (a post not dropped is the one its key finds: only a dropped copy needs the lookup)
    const std::uint32_t p = dropped_[t.post] ? find_post(post_key(t.post)) : t.post;
    if (p == kNone) {
      return;
    }
    if (t.placed) {
      threaded_[p] = 1;
      collects_[p] = static_cast<std::uint8_t>(collects_[p] | (t.collects_replies ? 1 : 0));
    }
    if (answers_[p] == 0 && t.reply_link != Link::none) {
      answers_[p] = 1;
      parents_[p] = t.reply_link == Link::key ? find_post(pending_keys_[t.reply_to], reply_tag)
                                              : linked_post(t.reply_link, t.reply_to);
      if (parents_[p] == kNone && !gone_.empty()) {
        parents_[p] = through_gone(linked_key(t.reply_link, t.reply_to));
        if (parents_[p] != kNone) {
          answers_[p] = kAnswersThroughGone;
        }
      }
    }
    if (conversation_named[p] == 0 && t.conversation_link != Link::none) {
      conversation_named[p] = 1;
      if (linked_key(t.conversation_link, t.conversation) != post_key(p)) {
        names_conversation_[p] = 1;
        if (const std::pair named{t.conversation_link, t.conversation};
            named != last_conversation) {
          last_conversation = named;
          last_root = linked_post(t.conversation_link, t.conversation);
        }
        conversations_[p] = last_root;
      }
    }
  });
  // The links are resolved: the records and the keys they name go before the statuses are
  // placed (which needs room for as many comments), and the heap gives the pages back (glibc
  // keeps freed chunks of the heap resident otherwise: 35 MB on 845,000 statuses).
  decltype(threads_)().swap(threads_);  // (`= {}` would keep the capacity)
  decltype(gone_)().swap(gone_);
  decltype(pending_keys_)().swap(pending_keys_);
  thread_bytes_ = {};
#if defined(__GLIBC__)
  malloc_trim(0);
#endif
}

void DatasetBuilder::place_statuses() {
  if (threads_.empty()) {
    return;
  }
  link_statuses();
  const std::size_t n = data_.posts.size();
  const auto answers = [&](std::uint32_t p) { return answers_[p] != 0; };
  const auto parent = [&](std::uint32_t p) { return parents_[p]; };
  // Linked through a gone status: placed by the chain, but whom it answers is unknown.
  const auto via_gone = [&](std::uint32_t p) { return answers_[p] == kAnswersThroughGone; };
  const auto by_account = [&](std::uint32_t p) {
    const AuthorId a = data_.posts[p].author;
    return a == kNone || data_.authors.is_account(a);
  };

  // The first status of each status's conversation, when it is in the data and top-level. A
  // status that answers nothing is a root itself (placed under nothing); one whose platform
  // names its conversation takes that conversation's first status; any other follows the
  // statuses it answers up to one of those (so the result does not depend on input order).
  std::vector<std::uint32_t> root(n, kUnknown);
  for (std::uint32_t p = 0; p < n; ++p) {
    if (!threaded_[p] || dropped_[p] != 0) {
      continue;
    }
    if (!answers(p)) {
      root[p] = kNone;
    } else if (names_conversation_[p] != 0) {
      const std::uint32_t r = conversations_[p];
      root[p] = r != kNone && !answers(r) ? r : kNone;
    }
  }
  std::vector<std::uint32_t> path;
  for (std::uint32_t p = 0; p < n; ++p) {
    if (!threaded_[p] || dropped_[p] != 0 || root[p] != kUnknown) {
      continue;
    }
    // Up the chain of parents; a missing link leaves the chain without a root.
    path.clear();
    std::uint32_t q = p;
    std::uint32_t found = kNone;
    while (true) {
      path.push_back(q);
      if (path.size() > n) {
        break;  // a cycle of replies: no root
      }
      const std::uint32_t up = parent(q);
      if (up == kNone) {
        found = answers(q) ? kNone : q;
        break;
      }
      if (root[up] != kUnknown) {
        found = root[up] == kNone && !answers(up) ? up : root[up];
        break;
      }
      q = up;
    }
    for (const std::uint32_t s : path) {
      root[s] = s == found ? kNone : found;
    }
  }

  // Which statuses become comments of their root: all but the root's own self-thread.
  std::vector<std::uint8_t> self_thread(n, 0);  // 1: yes, 2: no (computed in input order)
  const auto is_self_thread = [&](std::uint32_t p, std::uint32_t r) {
    path.clear();
    std::uint32_t q = p;
    std::uint8_t verdict = 2;
    while (true) {
      if (self_thread[q] != 0) {
        verdict = self_thread[q];
        break;
      }
      const Post& post = data_.posts[q];
      const std::uint32_t up = parent(q);
      // The account answering itself: the status it answers is its own (when it is in the
      // data, its author says; else the reply's addressee).
      const bool self_reply =
          !via_gone(q) &&
          (up != kNone ? by_account(up)
                       : post.reply_to != kNone && data_.authors.is_account(post.reply_to));
      if (!by_account(q) || !self_reply) {
        break;
      }
      path.push_back(q);
      if (up == kNone || up == r) {
        verdict = 1;  // up to the root, or to a missing status of the account's own thread
        break;
      }
      if (root[up] != r || path.size() > n) {
        break;
      }
      q = up;
    }
    for (const std::uint32_t s : path) {
      self_thread[s] = verdict;
    }
    return verdict == 1;
  };
  std::vector<std::uint32_t> home(n, kNone);
  std::size_t placed = 0;
  for (std::uint32_t p = 0; p < n; ++p) {
    const std::uint32_t r = root[p];
    if (r == kUnknown || r == kNone || dropped_[p] != 0 || !by_account(r)) {
      continue;
    }
    if (data_.posts[p].author == kNone || (by_account(p) && is_self_thread(p, r))) {
      continue;  // (a comment needs an author: a status without one stays a post)
    }
    home[p] = r;
    ++placed;
  }
  placed_.reserve(placed);  // (one allocation: growing it touched 3x the memory)
  for (std::uint32_t p = 0; p < n; ++p) {
    if (home[p] == kNone) {
      continue;
    }
    const std::uint32_t up = parent(p);
    // Other people's comments are known when the status came from an input that holds them
    // (and that collects replies: not an account's own feed).
    const bool under = up != kNone && home[up] == home[p] && !via_gone(p);
    placed_.push_back(
        {p, home[p], under ? up : kNone, source_audience_[post_source_[p]] && collects_[p] != 0});
    ++data_.input.statuses_placed;
  }
  for (std::uint32_t p = 0; p < n; ++p) {
    if (home[p] != kNone) {
      dropped_[p] = 1;
      ++dropped_count_;
    }
  }
}

void DatasetBuilder::classify_posts() {
  const std::size_t n = data_.posts.size();
  if (parents_.size() != n) {
    parents_.assign(n, kNone);  // no statuses: nothing links posts
  }
  const auto parent = [&](std::uint32_t p) -> std::uint32_t {
    const std::uint32_t up = parents_[p];
    // (placed as a comment: gone; reached through a gone status: whom it answers is unknown)
    return up == kNone || dropped_[up] != 0 || answers_[p] == kAnswersThroughGone ? kNone : up;
  };
  const AuthorTable& authors = data_.authors;
  const auto own = [&](AuthorId a) { return a == kNone || authors.is_account(a); };
  // A post without an author is its input's account's: not this one's when that input named
  // another account (choose_owners).
  const auto disowned = [&](std::uint32_t p) {
    const std::uint32_t s = post_source_[p];
    return s < disowned_.size() && disowned_[s] != 0;
  };
  std::vector<std::uint8_t> done(n, 0);
  std::vector<std::uint32_t> path;
  std::uint64_t own_post_unknown = 0;
  for (std::uint32_t p = 0; p < n; ++p) {
    // A self-reply takes the kind of the post it continues, up the chain; a self-thread that
    // continues an outreach reply answers the same person.
    path.clear();
    std::uint32_t q = p;
    while (true) {
      Post& post = data_.posts[q];
      if (done[q] != 0) {
        break;
      }
      const std::uint32_t up = parent(q);
      if (!own(post.author) || (post.author == kNone && disowned(q))) {
        post.kind = PostKind::foreign;
      } else if (up != kNone && own(data_.posts[up].author)) {
        // Answering its own status (in the data, whatever the reply's addressee says).
        if (path.size() <= n) {
          path.push_back(q);
          q = up;
          continue;
        }
        post.kind = PostKind::original;
      } else if (up != kNone) {
        post.kind = PostKind::outreach;  // answering another person's status
        post.reply_to = data_.posts[up].author;
      } else if (post.reply_to != kNone && !authors.is_account(post.reply_to)) {
        post.kind = PostKind::outreach;
      } else if (post.under_owner_post && post.reply_to != kNone && path.empty()) {
        // The account's comment under its own post, which the export does not say: no post.
        dropped_[q] = 1;
        ++dropped_count_;
        ++own_post_unknown;
      } else {
        post.kind = PostKind::original;
        // Answering the account by name, its status not in the data: a part of its thread.
        post.continues_thread = post.reply_to != kNone;
      }
      done[q] = 1;
      break;
    }
    const Post& top = data_.posts[q];
    for (const std::uint32_t s : path) {
      Post& part = data_.posts[s];
      part.kind = top.kind;
      if (data_.details) {
        data_.details->posts[s].reply_to_id = data_.post_ids[parent(s)];  // (for convert)
      }
      if (top.kind == PostKind::outreach) {
        part.reply_to = top.reply_to;
      } else {
        part.continues_thread = true;
        if (part.reply_to == kNone) {
          part.reply_to = part.author;  // (whom it answers: the account, for convert)
        }
      }
      done[s] = 1;
    }
  }
  if (own_post_unknown > 0) {
    // Skipped, as an importer that can tell would skip them (Facebook): not posts read.
    data_.input.posts_read -= own_post_unknown;
    data_.input.skipped.add(kOwnPostUnknown, own_post_unknown);
  }
}

}  // namespace ror::ingest
