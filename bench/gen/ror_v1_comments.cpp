// The comments of a ror/v1 post: audience comments (heavy-tailed in number, Zipf-like in who),
// the account's answers, replies back to those answers, and some audience members answering each
// other.
#include <algorithm>

#include "gen/ror_v1.hpp"

namespace gen {

// Comment text: many short reactions, a long tail up to ~120 words.
void RorV1Generator::comment_text(std::string& s) {
  const uint64_t r = rng_.below(100);
  if (r < 30) {
    if (rng_.per_mille(600))
      s += rng_.pick(kShort);
    else
      words_.words(s, static_cast<uint64_t>(rng_.range(1, 3)));
  } else if (r < 70) {
    words_.words(s, static_cast<uint64_t>(rng_.range(4, 14)));
  } else if (r < 94) {
    words_.words(s, static_cast<uint64_t>(rng_.range(15, 40)));
  } else {
    words_.words(s, static_cast<uint64_t>(rng_.range(41, 120)));
  }
  if (rng_.per_mille(40)) {
    s.push_back(' ');
    words_.url(s, false);
  }
}

void RorV1Generator::answer_text(std::string& s, int32_t to_author) {
  if (rng_.per_mille(250)) {
    s += rng_.pick(kCanned);
    return;
  }
  if (to_author >= 0 && rng_.per_mille(700)) {
    s.push_back('@');
    commenter_name(s, static_cast<uint64_t>(to_author));
    s.push_back(' ');
  }
  words_.words(s, static_cast<uint64_t>(rng_.range(3, 40)));
}

RorV1Generator::Comment& RorV1Generator::add_comment(int64_t t, int32_t parent, int32_t author) {
  if (n_ == comments_.size())
    comments_.emplace_back();
  Comment& c = comments_[n_];
  c.t = t;
  c.parent = parent;
  c.author = author;
  c.style = pick_style(rng_);
  c.offset = static_cast<int16_t>(kOffsets[rng_.below(std::size(kOffsets))]);
  c.likes = rng_.per_mille(700) ? static_cast<int64_t>(rng_.pareto(1, 5000)) : -1;
  c.seq = static_cast<uint32_t>(n_);
  c.text.clear();
  ++n_;
  return c;
}

bool RorV1Generator::write_comments(std::string& s, int64_t post_t, uint64_t c) {
  n_ = 0;
  const uint64_t top = rng_.pareto(c, 450);
  for (uint64_t i = 0; i < top && n_ < kMaxComments; ++i) {
    const auto author = static_cast<int32_t>(draw_commenter());
    int64_t t = post_t + rng_.log_uniform(30000, 17);  // 30 s .. ~45 days
    int32_t parent = -1;
    if (n_ > 0 && rng_.per_mille(100)) {  // replying to another audience comment
      parent = static_cast<int32_t>(rng_.below(n_));
      t = std::max(t, comments_[static_cast<size_t>(parent)].t + rng_.log_uniform(20000, 12));
    }
    comment_text(add_comment(t, parent, author).text);
  }
  // Answers and back-and-forth: walk the comments (the list grows while we walk).
  for (size_t i = 0; i < n_ && n_ < kMaxComments; ++i) {
    const int64_t cur_t = comments_[i].t;
    const int32_t cur_parent = comments_[i].parent;
    const int32_t cur_author = comments_[i].author;
    if (cur_author < 0) {
      // An account answer: the person answered may reply back.
      const int32_t answered = comments_[static_cast<size_t>(cur_parent)].author;
      if (answered >= 0 && rng_.per_mille(380)) {
        const int64_t t = cur_t + rng_.log_uniform(45000, 13);
        comment_text(add_comment(t, static_cast<int32_t>(i), answered).text);
      }
      continue;
    }
    const bool awaiting = cur_parent < 0 || comments_[static_cast<size_t>(cur_parent)].author < 0;
    const uint64_t rate = cur_parent < 0 ? answer_rate_ : answer_rate_ * 3 / 2;
    if (awaiting && rng_.per_mille(rate)) {
      const int64_t t = cur_t + rng_.log_uniform(60000, 13);  // 1 min .. ~11 days
      Comment& a = add_comment(t, static_cast<int32_t>(i), -1);
      a.account_name = pick_account_name();
      a.likes = rng_.per_mille(500) ? static_cast<int64_t>(rng_.pareto(1, 50)) : -1;
      answer_text(a.text, cur_author);
    }
  }
  comments_total_ += n_;
  if (n_ == 0) {
    const uint64_t r = rng_.below(10);
    if (r < 3)
      return false;              // no "comments" key
    s += r < 5 ? "null" : "[]";  // explicit empty
    return true;
  }
  write_comment_list(s);
  return true;
}

// The comments in chronological order, ids assigned in that order.
void RorV1Generator::write_comment_list(std::string& s) {
  order_.resize(n_);
  for (size_t i = 0; i < n_; ++i)
    order_[i] = static_cast<uint32_t>(i);
  std::sort(order_.begin(), order_.end(), [&](uint32_t a, uint32_t b) {
    return comments_[a].t != comments_[b].t ? comments_[a].t < comments_[b].t : a < b;
  });
  const bool integer_ids = rng_.per_mille(80);
  const bool explicit_null = rng_.per_mille(300);
  ids_.resize(n_);
  for (size_t k = 0; k < n_; ++k) {
    std::string& id = ids_[order_[k]];
    id.clear();
    if (integer_ids)
      put_u(id, k + 1);
    else {
      id.push_back('"');
      id += snowflake(comments_[order_[k]].t);
      id.push_back('"');
    }
  }
  s.push_back('[');
  for (size_t k = 0; k < n_; ++k) {
    const Comment& cm = comments_[order_[k]];
    if (k > 0)
      s += ", ";
    s += "{\"id\": ";
    s += ids_[order_[k]];
    s += ", \"author\": \"";
    if (cm.author < 0)
      account_name(s, cm.account_name);
    else
      commenter_name(s, static_cast<uint64_t>(cm.author));
    s += "\", \"created_at\": ";
    put_ts(s, cm.t, cm.style, cm.offset);
    s += ", \"text\": \"";
    s += cm.text;
    s.push_back('"');
    if (cm.parent >= 0) {
      s += ", \"parent_id\": ";
      s += ids_[static_cast<size_t>(cm.parent)];
    } else if (explicit_null) {
      s += ", \"parent_id\": null";
    }
    if (cm.likes >= 0) {
      s += ", \"likes\": ";
      put_u(s, static_cast<uint64_t>(cm.likes));
    }
    s.push_back('}');
  }
  s.push_back(']');
}

}  // namespace gen
