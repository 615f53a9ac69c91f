// The ror/v1 generator: one brand account and its posts, each with its comments, as a JSON
// document or NDJSON (bench/README.md, "The generated data").
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "gen/options.hpp"
#include "gen/output.hpp"
#include "gen/text.hpp"

namespace gen {

class RorV1Generator {
 public:
  explicit RorV1Generator(const Options& o);
  // Writes the export; returns the exit code.
  int run();

 private:
  struct Comment {
    int64_t t = 0;        // UTC ms
    int32_t parent = -1;  // index into the post's comments, -1 = top level
    int32_t author = -1;  // commenter pool index; -1 = the account
    uint8_t account_name = 0;
    TsStyle style = kZ;
    int16_t offset = 0;
    int64_t likes = -1;  // -1 = absent
    uint32_t seq = 0;    // creation order (sort tie-break)
    std::string text;
  };
  static constexpr size_t kMaxComments = 900;
  static constexpr uint64_t kAvgPostBytes = 4600;  // measured, to spread the posts over the year

  // ror_v1.cpp
  void write_account(std::string& s);
  void account_name(std::string& s, uint8_t variant);
  uint8_t pick_account_name();
  void write_post(std::string& s);
  std::string snowflake(int64_t t);
  void write_metrics(std::string& s, uint64_t weight);
  // ror_v1_comments.cpp
  void comment_text(std::string& s);
  void answer_text(std::string& s, int32_t to_author);
  Comment& add_comment(int64_t t, int32_t parent, int32_t author);
  bool write_comments(std::string& s, int64_t post_t, uint64_t c);
  void write_comment_list(std::string& s);

  void commenter_name(std::string& s, uint64_t i) { audience_.name(s, i); }
  uint64_t draw_commenter() { return audience_.draw(rng_); }

  Options opt_;
  Rng rng_;
  const Brand& brand_;
  Audience audience_;
  Words words_;
  uint64_t est_posts_ = 1;
  int64_t avg_gap_ms_ = 1000;
  uint64_t followers_ = 0;
  uint64_t answer_rate_ = 300;
  uint64_t account_id_ = 0;
  int64_t now_ms_ = 0;
  int burst_left_ = 0;
  uint64_t seq_ = 0;
  uint64_t comments_total_ = 0;
  std::string last_post_id_;
  std::vector<std::string> recent_texts_;
  std::vector<Comment> comments_;
  size_t n_ = 0;
  std::vector<uint32_t> order_;
  std::vector<std::string> ids_;
};

}  // namespace gen
