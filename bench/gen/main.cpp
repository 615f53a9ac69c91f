// ror_gen: deterministic generators of realistic exports, for the benchmark (bench/README.md).
//
//   ror_gen --size 100M [--format NAME] [--ndjson] [--seed N] [--page-bytes N] [-o PATH]
//
// The same arguments give the same bytes on any machine: the only source of randomness is the
// xoshiro256** generator of random.hpp, seeded by splitmix64, and every draw is done in integer
// arithmetic. Every generator streams (it holds one post, or one conversation, at a time) and
// stops once its output reaches --size.
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <iterator>
#include <string>
#include <string_view>

#include "gen/formats.hpp"

namespace {

using gen::Format;

constexpr Format kFormats[] = {
    {"ror-v1", false, "ror/v1, a JSON document or NDJSON (--ndjson); the default",
     gen::generate_ror_v1},
    {"x-archive", true, "folder: data/tweets.js, account.js, profile.js, follower.js",
     gen::generate_x_archive},
    {"twarc2", false, "twarc2's flattened API v2 tweets, one per line", gen::generate_twarc2},
    {"twitter-v2-pages", false, "API v2 response pages as twarc2 saves them, one per line",
     gen::generate_twitter_v2_pages},
    {"mastodon-outbox", true, "folder of a Mastodon export: outbox.json, actor.json",
     gen::generate_mastodon_outbox},
    {"mastodon-api", true, "folder of REST pages: account, statuses_*, context_*",
     gen::generate_mastodon_api},
    {"reddit-dump", true, "folder of a subreddit's dump: SUB_submissions/_comments.ndjson",
     gen::generate_reddit_dump},
    {"reddit", true, "folder of API threads: comments_ID.json, with more stubs",
     gen::generate_reddit_thread},
    {"hn-algolia", true, "folder of Algolia HN items: item_ID.json, a story's tree",
     gen::generate_hn_algolia},
    {"hn-algolia-search", true, "folder of Algolia HN search pages: search_N.json, flat hits",
     gen::generate_hn_algolia_search},
    {"hn-firebase", false, "HN Firebase items, one per line: stories, then their items",
     gen::generate_hn_firebase},
    {"wordpress-api", true, "folder of WP REST pages: posts-N, comments-N, users, terms",
     gen::generate_wordpress_api},
    {"wordpress-wxr", false, "a WordPress export (WXR 1.2): posts, comments and the rest",
     gen::generate_wordpress_wxr},
    {"youtube-api", true, "folder of Data API pages: videos-N, commentThreads-VIDEO-N",
     gen::generate_youtube_api},
    {"linkedin", true, "folder of a LinkedIn export: Shares, Comments, Reactions CSV",
     gen::generate_linkedin},
    {"bluesky-api", true, "folder of XRPC pages: profile, getAuthorFeed_*, getPostThread_*",
     gen::generate_bluesky_api},
    {"facebook", true, "folder of a Facebook JSON export: posts, comments, reactions",
     gen::generate_facebook},
    {"instagram", true, "folder of an Instagram JSON export: posts, comments, likes",
     gen::generate_instagram},
};

bool parse_size(std::string_view v, uint64_t& out) {
  uint64_t n = 0;
  const auto r = std::from_chars(v.data(), v.data() + v.size(), n);
  if (r.ec != std::errc{} || r.ptr == v.data()) {
    return false;
  }
  const std::string_view suffix(r.ptr, static_cast<size_t>(v.data() + v.size() - r.ptr));
  uint64_t mult = 1;
  if (suffix.empty() || suffix == "B") {
    mult = 1;
  } else if (suffix == "K" || suffix == "k" || suffix == "KB") {
    mult = 1000;
  } else if (suffix == "M" || suffix == "m" || suffix == "MB") {
    mult = 1000 * 1000;
  } else if (suffix == "G" || suffix == "g" || suffix == "GB") {
    mult = 1000 * 1000 * 1000;
  } else {
    return false;
  }
  out = n * mult;
  return out > 0;
}

int usage(int code) {
  FILE* f = code == 0 ? stdout : stderr;
  std::fprintf(
      f,
      "usage: ror_gen --size SIZE [--format NAME] [--ndjson] [--seed N] [--page-bytes N] [-o "
      "PATH]\n"
      "  --size SIZE      stop once the output reaches SIZE bytes (all files of a folder format\n"
      "                   together); suffixes K, M, G are powers of 1000 (10M = 10,000,000 bytes)\n"
      "  --format NAME    what to write (default ror-v1):\n");
  for (const Format& fmt : kFormats) {
    std::fprintf(f, "                     %-17.*s %.*s\n", static_cast<int>(fmt.name.size()),
                 fmt.name.data(), static_cast<int>(fmt.what.size()), fmt.what.data());
  }
  std::fprintf(
      f,
      "  --ndjson         ror-v1: NDJSON, an {\"account\": ...} line, then one post per line\n"
      "                   (default: a JSON document, one post per line in \"posts\")\n"
      "  --seed N         another dataset (default 1); same arguments, same bytes\n"
      "  --page-bytes N   mastodon-api: bytes per page of statuses (default 10K)\n"
      "  -o PATH          the file to write (default standard output), or the directory of a\n"
      "                   folder format (required); platform formats also write\n"
      "                   PATH.expected.json, the counts any correct importer must find\n"
      "  --version        print the generator version (bumped whenever the output changes)\n");
  return code;
}

}  // namespace

int main(int argc, char** argv) {
  gen::Options opt;
  opt.format = "ror-v1";
  for (int i = 1; i < argc; ++i) {
    const std::string_view a = argv[i];
    auto value = [&]() -> std::string_view {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "ror_gen: %s needs a value\n", argv[i]);
        std::exit(usage(2));
      }
      return argv[++i];
    };
    if (a == "--size" || a == "--page-bytes") {
      uint64_t& target = a == "--size" ? opt.size : opt.page_bytes;
      if (!parse_size(value(), target)) {
        std::fprintf(stderr, "ror_gen: bad %.*s %s\n", static_cast<int>(a.size()), a.data(),
                     argv[i]);
        return usage(2);
      }
    } else if (a == "--format") {
      opt.format = std::string(value());
    } else if (a == "--ndjson") {
      opt.ndjson = true;
    } else if (a == "--seed") {
      const std::string_view v = value();
      if (std::from_chars(v.data(), v.data() + v.size(), opt.seed).ec != std::errc{}) {
        std::fprintf(stderr, "ror_gen: bad --seed %s\n", argv[i]);
        return usage(2);
      }
    } else if (a == "-o" || a == "--output") {
      opt.out = std::string(value());
    } else if (a == "--version") {
      std::printf("%.*s\n", static_cast<int>(gen::kGenVersion.size()), gen::kGenVersion.data());
      return 0;
    } else if (a == "-h" || a == "--help") {
      return usage(0);
    } else {
      std::fprintf(stderr, "ror_gen: unknown argument %s\n", argv[i]);
      return usage(2);
    }
  }
  if (opt.size == 0) {
    return usage(2);
  }
  for (const Format& fmt : kFormats) {
    if (fmt.name == opt.format) {
      if (fmt.folder && (opt.out.empty() || opt.out == "-")) {
        std::fprintf(stderr, "ror_gen: --format %s writes a folder: -o DIR is required\n",
                     opt.format.c_str());
        return 2;
      }
      if (opt.ndjson && fmt.name != "ror-v1") {
        std::fprintf(stderr, "ror_gen: --ndjson is for --format ror-v1 only\n");
        return 2;
      }
      return fmt.run(opt);
    }
  }
  std::fprintf(stderr, "ror_gen: unknown --format %s\n", opt.format.c_str());
  return usage(2);
}
