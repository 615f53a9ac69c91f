// The formats ror_gen writes, one generator each; main.cpp holds their table.
#pragma once

#include <string_view>

#include "gen/options.hpp"

namespace gen {

struct Format {
  std::string_view name;           // as --format names it
  bool folder;                     // -o names a directory (created) rather than a file
  std::string_view what;           // one line for --help
  int (*run)(const Options& opt);  // writes the output; returns the exit code
};

int generate_ror_v1(const Options& opt);             // ror_v1.cpp
int generate_x_archive(const Options& opt);          // x_archive.cpp
int generate_twarc2(const Options& opt);             // twarc2.cpp
int generate_twitter_v2_pages(const Options& opt);   // twarc2.cpp
int generate_mastodon_outbox(const Options& opt);    // mastodon_outbox.cpp
int generate_mastodon_api(const Options& opt);       // mastodon_api.cpp
int generate_reddit_dump(const Options& opt);        // reddit_dump.cpp
int generate_reddit_thread(const Options& opt);      // reddit_thread.cpp
int generate_hn_algolia(const Options& opt);         // hn_algolia.cpp
int generate_hn_algolia_search(const Options& opt);  // hn_algolia_search.cpp
int generate_hn_firebase(const Options& opt);        // hn_firebase.cpp
int generate_wordpress_api(const Options& opt);      // wordpress_api.cpp
int generate_wordpress_wxr(const Options& opt);      // wordpress_wxr.cpp
int generate_youtube_api(const Options& opt);        // youtube_api.cpp
int generate_linkedin(const Options& opt);           // linkedin.cpp
int generate_bluesky_api(const Options& opt);        // bluesky_api.cpp
int generate_facebook(const Options& opt);           // facebook.cpp
int generate_instagram(const Options& opt);          // instagram.cpp

}  // namespace gen
