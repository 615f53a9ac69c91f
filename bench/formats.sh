# shellcheck shell=bash disable=SC2034,SC2154  # sourced by run.sh, which sets and reads its globals
# The platform formats of the benchmark, sourced by bench/run.sh: how each input is made, what
# ror must find in it, and the targets read off its rows. Uses run.sh's GEN, BENCH_DIR,
# GEN_VERSION, SEED, log and die.
#
# A format's input is made by ror_gen --format (a file or a folder) and comes with
# PATH.expected.json, the counts of what was generated. x-archive.zip is the x-archive folder
# zipped with zip(1), as X hands it out; ndjson.zst is the ror/v1 NDJSON of the same size
# compressed with zstd, as large dumps travel.

# Every format row, in the order of the table.
ALL_FORMATS="x-archive x-archive.zip twarc2 twitter-v2-pages mastodon-outbox mastodon-api"
ALL_FORMATS+=" reddit-dump reddit hn-algolia hn-algolia-search hn-firebase wordpress-api wordpress-wxr youtube-api"
ALL_FORMATS+=" linkedin bluesky-api facebook instagram"

# What kind of input a format is, for the RSS targets: a JSON document (or a folder of them)
# may take up to 1.3x its size, a file of lines 0.3x (issue 3's targets for ror/v1).
format_kind() {
  case "$1" in
    twarc2 | twitter-v2-pages | reddit-dump | hn-firebase | ndjson.zst) echo ndjson ;;
    *) echo document ;;
  esac
}

# json_int FILE KEY: the first integer after "KEY": in FILE (expected.json has one key per line;
# ror's JSON report names each input figure once).
json_int() {
  local v
  v="$(grep -o "\"$2\": *[0-9]*" "$1" | head -n 1 | sed 's/.*: *//')"
  echo "${v:-0}"
}

# gen_options SIZE FORMAT: ror_gen's extra options for an input. The 100M mastodon-api folder is
# the many-small-files case of issue 7's target (about 10,000 pages in 100 MB), so its pages of
# statuses are cut at 2 KB rather than 10 KB; the contexts are one file per conversation.
gen_options() {
  if [ "$1" = 100M ] && [ "$2" = mastodon-api ]; then
    echo "--page-bytes 2000"
  fi
}

# format_input SIZE FORMAT: prints the path of the format's input at SIZE, generating it first
# when it is missing (a complete input has its .expected.json; generation writes to a temporary
# name and renames).
format_input() {
  local size="$1" fmt="$2"
  local base="$BENCH_DIR/fmt-g$GEN_VERSION-seed$SEED-$size"
  if [ "$fmt" = x-archive.zip ]; then
    local dir zip="$base.x-archive.zip"
    dir="$(format_input "$size" x-archive)"
    if [ ! -s "$zip.expected.json" ]; then
      rm -f "$zip.tmp"
      local t0=$EPOCHREALTIME
      (cd "$dir" && zip -q -r "$zip.tmp" data) || die "zip failed on $dir"
      mv "$zip.tmp" "$zip"
      cp "$dir.expected.json" "$zip.expected.json"
      log "zipped $dir: $(awk -v b="$(stat -c %s "$zip")" -v a="$t0" -v c="$EPOCHREALTIME" \
        'BEGIN { printf "%.1f MB in %.1f s", b / 1e6, c - a }')"
    fi
    echo "$zip"
    return
  fi
  local path="$base.$fmt"
  if [ ! -s "$path.expected.json" ]; then
    rm -rf "$path" "$path.tmp" "$path.tmp.expected.json"
    local t0=$EPOCHREALTIME
    # shellcheck disable=SC2046  # gen_options prints words to split
    "$GEN" --format "$fmt" --size "$(to_bytes "$size")" --seed "$SEED" $(gen_options "$size" "$fmt") \
      -o "$path.tmp" 2>"$WORK/gen.txt" ||
      { cat "$WORK/gen.txt" >&2; die "ror_gen --format $fmt failed"; }
    mv "$path.tmp" "$path"
    mv "$path.tmp.expected.json" "$path.expected.json"
    local bytes
    bytes="$(json_int "$path.expected.json" bytes)"
    log "generated $path: $(awk -v b="$bytes" -v a="$t0" -v c="$EPOCHREALTIME" \
      'BEGIN { printf "%.1f MB in %.2f s, %.0f MB/s", b / 1e6, c - a, b / 1e6 / (c - a) }') ($(sed 's/^ror_gen: //' "$WORK/gen.txt"))"
  fi
  echo "$path"
}

# Reads a file or a folder once, so every run finds it in the page cache.
warm() {
  if [ -d "$1" ]; then
    find "$1" -type f -exec cat {} + >/dev/null
  else
    cat "$1" >/dev/null
  fi
}

# ---------------------------------------------------------------------------------------------
# What ror must find. One function per format: `expect_FORMAT EXPECTED_JSON ROR_JSON` prints
# "WANT GOT WHAT": the figure the generated data fixes, the one ror reported, and how both are
# read. ror counts every status it reads in input.posts_read and passes reposts over (counted in
# input.skipped), so a correct importer reads every non-repost status the generator wrote.

posts_but_reposts() {  # EXPECTED: statuses written, reposts left out
  echo $(($(json_int "$1" items) - $(json_int "$1" reposts)))
}

expect_x-archive() {
  echo "$(posts_but_reposts "$1") $(json_int "$2" posts_read) input.posts_read = items - reposts (the account's tweets but retweets)"
}
expect_x-archive.zip() { expect_x-archive "$@"; }

expect_twarc2() {
  echo "$(posts_but_reposts "$1") $(json_int "$2" posts_read) input.posts_read = items - reposts (every tweet but retweets, everyone's)"
}
expect_twitter-v2-pages() {
  echo "$(posts_but_reposts "$1") $(json_int "$2" posts_read) input.posts_read = items - reposts (the pages' data tweets but retweets; includes.tweets are context)"
}

expect_mastodon-outbox() {
  echo "$(posts_but_reposts "$1") $(json_int "$2" posts_read) input.posts_read = items - reposts (the Creates; Announces are boosts)"
}

# The pages and the contexts both hold the account's replies, and ror makes a stand-in for the
# first status of each context (which is in the pages): every copy beyond the first is merged, so
# the statuses read once each are posts_read - posts_merged.
expect_mastodon-api() {
  echo "$(posts_but_reposts "$1") $(($(json_int "$2" posts_read) - $(json_int "$2" posts_merged))) input.posts_read - input.posts_merged = items - reposts (distinct statuses but boosts)"
}

# The formats that are not a stream of statuses: each writes what ror must find under keys of its
# own. Several figures are checked at once as "a/b/c".

# A subreddit's dump: every submission and comment is read; only the account's submissions are
# scored, and the comments under other people's submissions are counted apart.
expect_reddit-dump() {
  echo "$(json_int "$1" submissions)/$(json_int "$1" comments)/$(json_int "$1" account_submissions)/$(json_int "$1" comments_on_others)" \
    "$(json_int "$2" posts_read)/$(json_int "$2" comments_read)/$(json_int "$2" posts_scored)/$(json_int "$2" foreign_comments)" \
    "input.posts_read/comments_read/posts_scored/foreign_comments = submissions/comments/account_submissions/comments_on_others"
}

# API threads: the comments written out are read; those only counted in "more" stubs are skipped.
expect_reddit() {
  echo "$(json_int "$1" links)/$(json_int "$1" comments)/$(json_int "$1" stub_comments)" \
    "$(json_int "$2" posts_read)/$(json_int "$2" comments_read)/$(json_int "$2" "comments in 'more' stubs, not in the thread")" \
    "input.posts_read/comments_read/skipped(more stubs) = links/comments/stub_comments"
}

# Hacker News items are statuses: ror places each comment under the account's story (or keeps it
# a post of its own when its chain to the story is broken), and passes deleted, dead and poll
# option items over.
expect_hn-algolia() {
  echo "$(json_int "$1" statuses)/$(json_int "$1" placed)/$(json_int "$1" posts)" \
    "$(json_int "$2" posts_read)/$(json_int "$2" statuses_placed)/$(json_int "$2" posts_scored)" \
    "input.posts_read/statuses_placed/posts_scored = statuses/placed/posts"
}
# Search hits are statuses too: the comments under the account's stories are placed (through
# their story_id where the search left a deleted or dead parent out), the account's replies
# elsewhere are outreach to the item they answer.
expect_hn-algolia-search() {
  echo "$(json_int "$1" statuses)/$(json_int "$1" placed)/$(json_int "$1" original_posts)/$(json_int "$1" outreach_posts)/0" \
    "$(json_int "$2" posts_read)/$(json_int "$2" statuses_placed)/$(json_int "$2" original_posts)/$(json_int "$2" outreach_posts)/$(json_int "$2" foreign_posts)" \
    "input.posts_read/statuses_placed/original_posts/outreach_posts/foreign_posts = statuses/placed/original_posts/outreach_posts/0"
}
# Firebase items name only their parent: a reply under a deleted or dead item is placed through
# it, so nothing is cut off from its story (no outreach or foreign posts).
expect_hn-firebase() {
  echo "$(json_int "$1" statuses)/$(json_int "$1" placed)/$(json_int "$1" original_posts)/0/0" \
    "$(json_int "$2" posts_read)/$(json_int "$2" statuses_placed)/$(json_int "$2" original_posts)/$(json_int "$2" outreach_posts)/$(json_int "$2" foreign_posts)" \
    "input.posts_read/statuses_placed/original_posts/outreach_posts/foreign_posts = statuses/placed/original_posts/0/0"
}

# A blog: its published posts and approved comments (pages, drafts, attachments, held comments
# and pingbacks are skipped).
expect_wordpress-api() {
  echo "$(json_int "$1" posts)/$(json_int "$1" comments)" \
    "$(json_int "$2" posts_read)/$(json_int "$2" comments_read)" \
    "input.posts_read/comments_read = posts/comments"
}
expect_wordpress-wxr() { expect_wordpress-api "$@"; }

# A channel's videos and the comments the thread responses carry; the replies beyond the five a
# thread shows are counted as skipped.
expect_youtube-api() {
  echo "$(json_int "$1" posts)/$(json_int "$1" comments)/$(json_int "$1" absent_replies)" \
    "$(json_int "$2" posts_read)/$(json_int "$2" comments_read)/$(json_int "$2" "replies YouTube counts that the response leaves out")" \
    "input.posts_read/comments_read/skipped(absent replies) = posts/comments/absent_replies"
}

expect_linkedin() {
  echo "$(posts_but_reposts "$1") $(json_int "$2" posts_read) input.posts_read = items - reposts (shares and comment rows, the account's)"
}

# As the Mastodon API: the feed and the threads both hold the account's posts, every copy merged.
expect_bluesky-api() {
  echo "$(posts_but_reposts "$1") $(($(json_int "$2" posts_read) - $(json_int "$2" posts_merged))) input.posts_read - input.posts_merged = items - reposts (distinct posts but reposts)"
}

# Meta's exports: the account's posts and comments. Facebook's comments under the account's own
# posts (own_comments) are counted out, and so are its bare shares of others' posts (the
# generator's reposts: no words of the account's); Instagram's are read, then skipped.
expect_facebook() {
  echo "$(($(json_int "$1" posts) + $(json_int "$1" comments) - $(json_int "$1" own_comments) - $(json_int "$1" reposts))) $(json_int "$2" posts_read) input.posts_read = posts + comments - own_comments - reposts"
}
expect_instagram() {
  echo "$(($(json_int "$1" posts) + $(json_int "$1" comments) - $(json_int "$1" self_replies) - $(json_int "$1" answers))) $(json_int "$2" posts_read) input.posts_read = posts + comments - self_replies - answers (those under its own posts are skipped)"
}

# `expect_ndjson.zst PLAIN_ROR_JSON ROR_JSON`: the compressed file reads as the plain one.
expect_ndjson.zst() {
  echo "$(json_int "$1" posts_read)/$(json_int "$1" comments_read) $(json_int "$2" posts_read)/$(json_int "$2" comments_read) input.posts_read/comments_read as the plain NDJSON"
}

# ---------------------------------------------------------------------------------------------
# The targets of the formats, read off their rows (informative: a benchmark, not a test). Every
# format at 1G: >= 400 MB/s, peak RSS within ror/v1's targets for its kind; the .zst NDJSON at
# most 1.3x the plain file's time; the Mastodon API folder >= 200 MB/s at 100M. Uses run.sh's
# TIME, RSSR, FBYTES, largest, ZST_RATIO, UNZSTD_RATIO and ZST_DEFAULT_RATIO.
format_targets() {
  local fmt
  if [ "$largest_bytes" -ge 1000000000 ]; then
    echo
    echo "targets of the formats at $largest:"
    for fmt in $FORMATS; do
      awk -v f="$fmt" -v k="$(format_kind "$fmt")" -v t="${TIME[ror $fmt $largest]:-0}" \
        -v r="${RSSR[ror $fmt $largest]:-0}" -v b="${FBYTES[$fmt $largest]:-0}" 'BEGIN {
        limit = (k == "ndjson" ? 0.3 : 1.3)
        if (t <= 0) { printf "  %-17s failed\n", f; exit }
        mbs = b / 1e6 / t
        printf "  %-17s %5.0f MB/s (>= 400): %-7s  RSS %.2fx the data (%s <= %.1f): %s\n", f, mbs,
          (mbs >= 400 ? "met" : "NOT met"), r, k, limit, (r <= limit ? "met" : "NOT met")
      }'
    done
    if [ "$ZST" = 1 ]; then
      awk -v z="$ZST_RATIO" -v u="$UNZSTD_RATIO" -v d="$ZST_DEFAULT_RATIO" -v r="${RSSR[ror ndjson.zst $largest]:-0}" 'BEGIN {
        if (z <= 0) { printf "  %-17s failed\n", "ndjson.zst"; exit }
        printf "  %-17s %.2fx the plain NDJSON time (<= 1.3): %s; RSS %.2fx the data (ndjson <= 0.3): %s\n",
          "ndjson.zst", z, (z <= 1.3 ? "met" : "NOT met"), r, (r <= 0.3 ? "met" : "NOT met")
        if (u > 0) printf "  %-17s zstd -d alone takes %.2fx the plain NDJSON time; ror takes %.2fx zstd -d\n",
          "", u, z / u
        if (d > 0) printf "  %-17s with the default window (2 MiB): %.2fx the plain NDJSON time (<= 1.3): %s\n",
          "", d, (d <= 1.3 ? "met" : "NOT met")
      }'
    fi
  fi
  # The folder of 10,000 small API pages: its target is at 100M.
  case " $FORMATS " in
    *" mastodon-api "*) ;;
    *) return 0 ;;
  esac
  [ -n "${TIME[ror mastodon-api 100M]:-}" ] || return 0
  [ "$largest_bytes" -ge 1000000000 ] || echo
  awk -v t="${TIME[ror mastodon-api 100M]}" -v b="${FBYTES[mastodon-api 100M]}" \
    -v n="$(json_int "$BENCH_DIR/fmt-g$GEN_VERSION-seed$SEED-100M.mastodon-api.expected.json" files)" 'BEGIN {
    if (t <= 0) { printf "  %-17s failed at 100M\n", "mastodon-api"; exit }
    mbs = b / 1e6 / t
    printf "  %-17s %5.0f MB/s at 100M, %d files (>= 200): %s\n", "mastodon-api", mbs, n,
      (mbs >= 200 ? "met" : "NOT met")
  }'
}
