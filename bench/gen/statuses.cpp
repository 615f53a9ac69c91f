#include "gen/statuses.hpp"

#include <algorithm>

#include "gen/output.hpp"

namespace gen {

namespace {

constexpr size_t kMaxUnit = 900;  // statuses in one conversation, at most

}  // namespace

uint64_t twitter_id(int64_t t, uint64_t seq) {
  return (static_cast<uint64_t>(t - kTwitterEpochMs) << 22) | (seq & 0x3FFFFF);
}

uint64_t mastodon_id(int64_t t, uint64_t seq) {
  return (static_cast<uint64_t>(t) << 16) | (seq & 0xFFFF);
}

StatusStream::StatusStream(const StreamParams& p)
    : p_(p), rng_(p.seed ^ 0x7374617475736573ULL), brand_(brand_of(p.seed)), audience_(p.size) {
  audience_.set_offset(rng_.below(audience_.size()));
  followers_ = static_cast<uint64_t>(rng_.range(8000, 600000));
  answer_rate_ = 250 + rng_.below(250);  // per mille of the replies awaiting it the account answers
  account_key_ = rng_.next();
  const uint64_t units = std::max<uint64_t>(1, p.size / std::max<uint64_t>(p.unit_bytes, 1));
  avg_gap_ms_ = std::max<int64_t>(1000, kYearMs / static_cast<int64_t>(units));
  start_ms_ = p.order == Order::newest_first ? kYearStartMs + kYearMs - rng_.range(0, 36000000)
                                             : kYearStartMs + rng_.range(0, 36000000);
  now_ms_ = start_ms_;
}

Status& StatusStream::add(StatusKind kind, int64_t t, int32_t parent, int64_t author) {
  Status& s = unit_.emplace_back();
  s.kind = kind;
  s.t = t;
  s.parent = parent;
  s.author = author;
  s.seed = rng_.next();
  return s;
}

const std::vector<Status>& StatusStream::next() {
  // When: steady gaps over the year, with bursts of a few conversations minutes apart.
  int64_t step;
  if (burst_left_ > 0) {
    --burst_left_;
    step = rng_.range(20000, 150000);
  } else {
    step = rng_.range(avg_gap_ms_ / 5, avg_gap_ms_ * 9 / 5);
    if (rng_.per_mille(20)) {
      burst_left_ = static_cast<int>(rng_.range(2, 5));
    }
  }
  now_ms_ += p_.order == Order::newest_first ? -step : step;

  unit_.clear();
  const uint64_t r = rng_.below(1000);
  const auto someone_elses = [&](int64_t before) {
    OtherStatus o;
    o.author = static_cast<int64_t>(audience_.draw(rng_));
    o.t = before - rng_.log_uniform(60000, 12);  // 1 min .. ~3 days earlier
    o.seq = seq_++;
    return o;
  };
  if (r < 100) {
    Status& s = add(StatusKind::repost, now_ms_, -1, -1);
    s.other = someone_elses(s.t);
  } else if (r < 180) {
    Status& s = add(StatusKind::outreach, now_ms_, -1, -1);
    s.other = someone_elses(s.t);
  } else {
    Status& s = add(StatusKind::original, now_ms_, -1, -1);
    if (rng_.per_mille(50)) {
      s.quote = true;
      s.other = someone_elses(s.t);
    }
    thread_and_audience();
    answers_and_replies_back();
  }
  finish_unit();
  return sorted_;
}

// The account's thread (the original, sometimes continued), then other people's replies: most
// to the original, some to the thread's later statuses, some to each other.
void StatusStream::thread_and_audience() {
  if (rng_.per_mille(80)) {
    for (int i = 0, n = static_cast<int>(rng_.range(1, 6)); i < n; ++i) {
      const auto prev = static_cast<int32_t>(unit_.size() - 1);
      add(StatusKind::self_reply, unit_.back().t + rng_.range(30000, 600000), prev, -1);
    }
  }
  const size_t thread = unit_.size();
  const uint64_t top = rng_.pareto(2, 450);
  for (uint64_t i = 0; i < top && unit_.size() < kMaxUnit; ++i) {
    const auto author = static_cast<int64_t>(audience_.draw(rng_));
    int32_t parent = 0;
    if (unit_.size() > thread && rng_.per_mille(100)) {
      parent = static_cast<int32_t>(thread + rng_.below(unit_.size() - thread));
    } else if (thread > 1 && rng_.per_mille(300)) {
      parent = static_cast<int32_t>(rng_.below(thread));
    }
    const int64_t t = unit_[static_cast<size_t>(parent)].t + rng_.log_uniform(30000, 17);
    add(StatusKind::audience, t, parent, author);
  }
}

// The account answers some replies addressed to it; the person answered may reply back, and the
// account may answer again. Walks the conversation while it grows.
void StatusStream::answers_and_replies_back() {
  for (size_t i = 1; i < unit_.size() && unit_.size() < kMaxUnit; ++i) {
    const Status cur = unit_[i];
    if (cur.kind == StatusKind::self_reply) {
      continue;
    }
    const Status& parent = unit_[static_cast<size_t>(cur.parent)];
    const auto here = static_cast<int32_t>(i);
    if (cur.kind == StatusKind::answer) {
      if (parent.author >= 0 && rng_.per_mille(380)) {
        add(StatusKind::audience, cur.t + rng_.log_uniform(45000, 13), here, parent.author);
      }
      continue;
    }
    const bool to_account = parent.author < 0;
    const uint64_t rate = parent.kind == StatusKind::answer ? answer_rate_ * 3 / 2 : answer_rate_;
    if (to_account && rng_.per_mille(rate)) {
      add(StatusKind::answer, cur.t + rng_.log_uniform(60000, 13), here, -1);
    }
  }
}

void StatusStream::set_metrics(Status& s) {
  if (s.kind == StatusKind::audience) {
    s.impressions = 10 + rng_.pareto(30, 20000);
    s.likes = s.impressions * static_cast<uint64_t>(rng_.range(0, 60)) / 1000;
    s.reposts = s.likes * static_cast<uint64_t>(rng_.range(0, 10)) / 100;
    s.bookmarks = s.likes * static_cast<uint64_t>(rng_.range(0, 5)) / 100;
    return;
  }
  if (s.kind == StatusKind::repost) {  // the reposted status's counts
    s.likes = rng_.pareto(20, 200000);
    s.reposts = s.likes * static_cast<uint64_t>(rng_.range(5, 40)) / 100;
    s.quotes = s.reposts * static_cast<uint64_t>(rng_.range(0, 20)) / 100;
    s.replies = static_cast<uint32_t>(s.likes * static_cast<uint64_t>(rng_.range(1, 10)) / 100);
    s.impressions = s.likes * static_cast<uint64_t>(rng_.range(30, 90));
    return;
  }
  uint64_t weight = 1000;
  switch (s.kind) {
    case StatusKind::self_reply:
      weight = 400;
      break;
    case StatusKind::outreach:
      weight = 30;
      break;
    case StatusKind::answer:
      weight = 15;
      break;
    default:
      weight = s.quote ? 700 : 1000;
      break;
  }
  s.impressions = followers_ * (20 + rng_.pareto(40, 4000)) / 1000 * weight / 1000 + rng_.below(50);
  s.likes = s.impressions * static_cast<uint64_t>(rng_.range(3, 45)) / 1000;
  s.reposts = s.likes * static_cast<uint64_t>(rng_.range(2, 40)) / 100;
  s.quotes = s.reposts * static_cast<uint64_t>(rng_.range(0, 25)) / 100;
  s.bookmarks = s.likes * static_cast<uint64_t>(rng_.range(0, 12)) / 100;
}

// Counts, metrics, then time order: sequence numbers (so ids grow with time) and parents
// renumbered to positions in that order.
void StatusStream::finish_unit() {
  for (const Status& s : unit_) {
    if (s.parent >= 0) {
      ++unit_[static_cast<size_t>(s.parent)].replies;
    }
  }
  for (Status& s : unit_) {
    set_metrics(s);
  }
  const size_t n = unit_.size();
  order_.resize(n);
  for (size_t i = 0; i < n; ++i) {
    order_[i] = static_cast<uint32_t>(i);
  }
  std::sort(order_.begin(), order_.end(), [&](uint32_t a, uint32_t b) {
    return unit_[a].t != unit_[b].t ? unit_[a].t < unit_[b].t : a < b;
  });
  for (uint32_t i : order_) {
    Status& s = unit_[i];
    if ((s.kind == StatusKind::original || s.kind == StatusKind::self_reply) &&
        rng_.per_mille(15)) {
      s.edited = true;  // the first version comes 1 to 50 minutes before the last
      s.edit_t = s.t - rng_.range(60000, 3000000);
      s.edit_seq = seq_++;
    }
    s.seq = seq_++;
  }
  if (p_.order == Order::newest_first) {
    std::reverse(order_.begin(), order_.end());
  }
  position_.resize(n);
  for (size_t k = 0; k < n; ++k) {
    position_[order_[k]] = static_cast<int32_t>(k);
  }
  sorted_.resize(n);
  for (size_t k = 0; k < n; ++k) {
    sorted_[k] = unit_[order_[k]];
    if (sorted_[k].parent >= 0) {
      sorted_[k].parent = position_[static_cast<size_t>(sorted_[k].parent)];
    }
  }
}

void Tally::add_unit(const std::vector<Status>& unit, bool with_audience) {
  bool replies = false;
  for (const Status& s : unit) {
    if (s.kind == StatusKind::audience) {
      replies = true;
      if (!with_audience) {
        continue;
      }
    }
    add(s);
    quotes += s.quote ? 1 : 0;
    edited += s.edited ? 1 : 0;
  }
  conversations += replies && with_audience ? 1 : 0;
}

uint64_t Tally::items() const {
  uint64_t n = 0;
  for (uint64_t k : kinds) {
    n += k;
  }
  return n;
}

StreamParams stream_params(const Options& opt, uint64_t unit_bytes, Order order) {
  StreamParams p;
  p.seed = opt.seed;
  p.size = opt.size;
  p.unit_bytes = unit_bytes;
  p.order = order;
  return p;
}

void expected_line(std::string& s, std::string_view key, uint64_t v) {
  s += "  \"";
  s += key;
  s += "\": ";
  put_u(s, v);
  s += ",\n";
}

uint64_t listed_followers(const StatusStream& stream, const Options& opt) {
  return std::min<uint64_t>(stream.followers(), std::max<uint64_t>(50, opt.size / 2000));
}

void write_expected(const std::string& path, std::string_view format, const Options& opt,
                    uint64_t bytes, uint64_t files, const std::string& account_json,
                    const Tally& tally, std::string_view extra) {
  if (opt.out.empty() || opt.out == "-") {
    return;  // written to standard output: nowhere to put it
  }
  std::string s = "{\n";
  const auto line = [&](std::string_view key, uint64_t v) { expected_line(s, key, v); };
  s += "  \"generator\": \"ror_gen ";
  s += kGenVersion;
  s += "\",\n  \"format\": \"";
  s += format;
  s += "\",\n";
  line("seed", opt.seed);
  line("size", opt.size);
  line("bytes", bytes);
  line("files", files);
  s += "  \"account\": ";
  s += account_json;
  s += ",\n";
  s += extra;
  line("items", tally.items());
  line("reposts", tally.reposts());
  line("by_account", tally.by_account());
  line("by_others", tally.by_others());
  line("originals", tally.of(StatusKind::original));
  line("quotes", tally.quotes);
  line("self_replies", tally.of(StatusKind::self_reply));
  line("outreach", tally.of(StatusKind::outreach));
  line("answers", tally.of(StatusKind::answer));
  line("audience", tally.of(StatusKind::audience));
  line("edited", tally.edited);
  s += "  \"conversations_with_replies\": ";
  put_u(s, tally.conversations);
  s += "\n}\n";
  write_file(path, s);
}

}  // namespace gen
