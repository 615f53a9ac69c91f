#include "gen/ror_v1.hpp"

#include <algorithm>
#include <cstdio>

#include "gen/formats.hpp"

namespace gen {

namespace {

void str(std::string& s, std::string_view v) {
  s.push_back('"');
  s += v;
  s.push_back('"');
}

}  // namespace

RorV1Generator::RorV1Generator(const Options& o)
    : opt_(o),
      rng_(o.seed),
      brand_(brand_of(o.seed)),
      audience_(o.size),
      words_(rng_, brand_, escaped_lexicon()) {
  est_posts_ = std::max<uint64_t>(1, o.size / kAvgPostBytes);
  avg_gap_ms_ = std::max<int64_t>(1000, kYearMs / static_cast<int64_t>(est_posts_));
  audience_.set_offset(rng_.below(audience_.size()));
  followers_ = static_cast<uint64_t>(rng_.range(8000, 600000));
  answer_rate_ = 250 + rng_.below(250);  // per mille of awaiting comments the account answers
  account_id_ = 1000000000000000000ULL + rng_.below(8000000000000000000ULL);
  now_ms_ = kYearStartMs + rng_.range(0, 36000000);
}

int RorV1Generator::run() {
  Sink out;
  out.open(opt_.out);
  std::string& buf = out.buf();

  std::string account;
  write_account(account);
  uint64_t counted = 0;  // bytes of the NDJSON form, the stopping rule in both layouts
  if (opt_.ndjson) {
    buf += "{\"account\": ";
    buf += account;
    buf += "}\n";
  } else {
    buf += "{\n \"schema\": \"ror/v1\",\n \"account\": ";
    buf += account;
    buf += ",\n \"posts\": [\n";
  }
  counted += 14 + account.size();

  std::string post;
  uint64_t posts = 0;
  while (posts == 0 || counted < opt_.size) {
    post.clear();
    write_post(post);
    counted += post.size() + 1;
    if (!opt_.ndjson && posts > 0) {
      buf += ",\n";
    }
    buf += post;
    if (opt_.ndjson) {
      buf.push_back('\n');
    }
    ++posts;
    out.flush();
  }
  if (!opt_.ndjson) {
    buf += "\n ]\n}\n";
  }
  out.close();
  std::fprintf(stderr, "ror_gen: %llu posts, %llu comments, %llu commenters in the pool\n",
               static_cast<unsigned long long>(posts),
               static_cast<unsigned long long>(comments_total_),
               static_cast<unsigned long long>(audience_.size()));
  return 0;
}

void RorV1Generator::write_account(std::string& s) {
  s += "{\"id\": \"";
  put_u(s, account_id_);
  s += "\", \"handle\": \"@";
  s += brand_.handle;
  s += "\", \"platform\": ";
  str(s, brand_.platform);
  s += ", \"followers\": ";
  put_u(s, followers_);
  s += ", \"aliases\": [";
  str(s, brand_.alias1);
  s += ", ";
  str(s, brand_.alias2);
  s += "]}";
}

void RorV1Generator::account_name(std::string& s, uint8_t variant) {
  switch (variant) {
    case 0:
      s += brand_.handle;
      break;
    case 1:
      s += brand_.alias1;
      break;
    case 2:
      s.push_back('@');
      for (char c : brand_.handle)
        s.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
      break;
    default:
      s += brand_.alias2;
      break;
  }
}

uint8_t RorV1Generator::pick_account_name() {
  const uint64_t r = rng_.below(100);
  return r < 70 ? 0 : r < 88 ? 1 : r < 97 ? 2 : 3;
}

void RorV1Generator::write_post(std::string& s) {
  // When: steady gaps over the year, with bursts of several posts minutes apart.
  if (burst_left_ > 0) {
    --burst_left_;
    now_ms_ += rng_.range(20000, 150000);
  } else {
    now_ms_ += rng_.range(avg_gap_ms_ / 5, avg_gap_ms_ * 9 / 5);
    if (rng_.per_mille(20))
      burst_left_ = static_cast<int>(rng_.range(2, 5));
  }
  const int64_t t = now_ms_;
  const uint64_t kind = rng_.below(1000);
  const bool outreach = kind < 40;
  const bool thread = !outreach && kind < 60 && !last_post_id_.empty();
  const bool stuffed = !outreach && rng_.per_mille(70);
  const bool duplicate = !outreach && !recent_texts_.empty() && rng_.per_mille(40);

  const std::string id = snowflake(t);
  s += "{\"id\": ";
  str(s, id);
  s += ", \"created_at\": ";
  put_ts(s, t, pick_style(rng_), kOffsets[rng_.below(std::size(kOffsets))]);
  if (rng_.per_mille(150)) {
    s += ", \"author\": \"";
    account_name(s, rng_.per_mille(800) ? 0 : 2);
    s.push_back('"');
  }

  // Text, hashtags, mentions.
  std::string text;
  std::vector<std::string_view> tags;
  std::vector<std::string> mentions;
  std::string reply_author;
  if (outreach) {
    commenter_name(reply_author, draw_commenter());
    text += '@';
    text += reply_author;
    text.push_back(' ');
    words_.words(text, static_cast<uint64_t>(rng_.range(4, 35)));
    mentions.push_back(reply_author);
  } else if (duplicate) {
    text = recent_texts_[rng_.below(recent_texts_.size())];
  } else {
    words_.words(text, static_cast<uint64_t>(rng_.range(8, 45)));
    if (rng_.per_mille(150)) {
      std::string m;
      commenter_name(m, draw_commenter());
      text += " cc @";
      text += m;
      mentions.push_back(std::move(m));
      if (rng_.per_mille(200)) {
        for (int i = 0, n = static_cast<int>(rng_.range(2, 5)); i < n; ++i) {
          std::string more;
          commenter_name(more, draw_commenter());
          text += " @";
          text += more;
          mentions.push_back(std::move(more));
        }
      }
    }
    if (rng_.per_mille(550)) {
      text.push_back(' ');
      if (rng_.per_mille(80))
        text += "👉 ";
      words_.url(text, rng_.per_mille(30));
    }
    const uint64_t ntags = stuffed ? static_cast<uint64_t>(rng_.range(6, 14)) : rng_.below(3);
    for (uint64_t i = 0; i < ntags; ++i) {
      const std::string_view tag = rng_.pick(kTags);
      if (std::find(tags.begin(), tags.end(), tag) != tags.end())
        continue;
      tags.push_back(tag);
      text += " #";
      text += tag;
    }
    if (recent_texts_.size() < 64)
      recent_texts_.push_back(text);
    else
      recent_texts_[rng_.below(64)] = text;
  }
  s += ", \"text\": ";
  str(s, text);
  s += ", \"url\": \"https://social.example/@";
  s += brand_.handle;
  s += '/';
  s += id;
  s += '"';
  if (!tags.empty() && rng_.per_mille(700)) {
    const bool hash = rng_.per_mille(300);
    s += ", \"hashtags\": [";
    for (size_t i = 0; i < tags.size(); ++i) {
      if (i > 0)
        s += ", ";
      s.push_back('"');
      if (hash)
        s.push_back('#');
      s += tags[i];
      s.push_back('"');
    }
    s += ']';
  }
  if (!mentions.empty() && rng_.per_mille(600)) {
    s += ", \"mentions\": [";
    for (size_t i = 0; i < mentions.size(); ++i) {
      if (i > 0)
        s += ", ";
      str(s, mentions[i]);
    }
    s += ']';
  }
  if (outreach) {
    s += ", \"in_reply_to\": {\"author\": ";
    str(s, reply_author);
    s += ", \"id\": ";
    str(s, snowflake(t - rng_.range(60000, 86400000)));
    s += '}';
  } else if (thread) {
    s += ", \"in_reply_to\": {\"author\": \"";
    s += brand_.handle;
    s += "\", \"id\": ";
    str(s, last_post_id_);
    s += '}';
  }

  const uint64_t weight = outreach ? 30 : (stuffed ? 600 : 1000);
  const bool metrics_first = rng_.per_mille(900);
  std::string comments;
  const bool has_comments = write_comments(comments, t, outreach ? 1 : 2);
  if (metrics_first)
    write_metrics(s, weight);
  if (has_comments) {
    s += ", \"comments\": ";
    s += comments;
  }
  if (!metrics_first)
    write_metrics(s, weight);
  s += '}';
  last_post_id_ = id;
}

std::string RorV1Generator::snowflake(int64_t t) {
  std::string s;
  put_u(s, (static_cast<uint64_t>(t - kTwitterEpochMs) << 22) | (seq_++ & 0x3FFFFF));
  return s;
}

void RorV1Generator::write_metrics(std::string& s, uint64_t weight) {
  if (rng_.per_mille(30))
    return;  // no metrics at all
  const uint64_t imp =
      followers_ * (20 + rng_.pareto(40, 4000)) / 1000 * weight / 1000 + rng_.below(50);
  const uint64_t likes = imp * static_cast<uint64_t>(rng_.range(3, 45)) / 1000;
  s += ", \"metrics\": {";
  bool first = true;
  auto field = [&](std::string_view name, uint64_t v, uint64_t missing_per_mille,
                   uint64_t null_per_mille) {
    if (rng_.per_mille(missing_per_mille))
      return;
    if (!first)
      s += ", ";
    first = false;
    s.push_back('"');
    s += name;
    s += "\": ";
    if (rng_.per_mille(null_per_mille))
      s += "null";
    else
      put_u(s, v);
  };
  field("impressions", imp, 40, 0);
  field("reach", imp * static_cast<uint64_t>(rng_.range(45, 90)) / 100, 150, 0);
  field("views", imp * static_cast<uint64_t>(rng_.range(5, 60)) / 100, 600, 0);
  field("likes", likes, 20, 5);
  field("shares", likes * static_cast<uint64_t>(rng_.range(2, 40)) / 100, 60, 40);
  field("saves", likes * static_cast<uint64_t>(rng_.range(0, 10)) / 100, 300, 0);
  const uint64_t clicks = imp * static_cast<uint64_t>(rng_.range(1, 25)) / 1000;
  field("clicks", clicks, 200, 0);
  field("conversions", clicks * static_cast<uint64_t>(rng_.range(0, 12)) / 100, 800, 0);
  s += '}';
}

}  // namespace gen

namespace gen {

int generate_ror_v1(const Options& opt) {
  return RorV1Generator(opt).run();
}

}  // namespace gen
