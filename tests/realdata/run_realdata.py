#!/usr/bin/env python3
"""Score the real platform exports in ../shared/realdata with `ror`, and check it against two
independent oracles: to_ror.py (a converter written from docs/format.md) and the Python
reference of the metrics.

Usage: python3 tests/realdata/run_realdata.py --binary build/ror [--realdata DIR | --fixtures]
                                              [--keep DIR] [--case NAME]... [-v]

For a sample of a format that ror imports itself (x-archive, x-api, mastodon-export,
mastodon-api, reddit, bluesky-api, wordpress-api), one case:
  a. `ror score --format json FILES...` reads the export itself (the native report);
  b. `to_ror.py FMT FILES | ror score --format json -` scores the oracle's ror/v1 conversion;
  c. both must exit 0 and agree on every metric of roi/ror/hygiene (compare.compare_metrics),
     on the three scores and coverages, on the verdict, on the account (its names and
     followers) and on how the posts were classified (scored, original, outreach, foreign);
     the input accounting may differ otherwise. A difference is printed as
     `DISAGREE <what>: ror <native value>, oracle <converted value>`;
  d. tests/reference/ror_reference.py on the converted file must agree with the binary on it;
  e. facts stated in PROVENANCE.md (or counted in the sample) hold in the native report's
     `input` and `account` (posts read, skips, warnings, followers, statuses placed...);
  f. every line of the native `--format table` report fits in 100 columns.
For a format that to_ror.py does not read (the Reddit dumps, Hacker News, youtube-api,
facebook, instagram, linkedin: `fmt` None): a, e and f only.

Directories and zips are cases only when `ror score DIR` works (probed once at the start).
One summary line per case, then `N passed, M failed`; exit 1 on any failure. When DIR (default:
../shared/realdata beside the repository) is absent this says so and exits 77 (ctest: skipped).

With --fixtures it runs, the same way, the small exports written by hand in
tests/realdata/fixtures instead: the thread rules that no real sample exercises.
"""

import argparse
import dataclasses
import glob
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
REFERENCE_DIR = os.path.join(REPO, "tests", "reference")
sys.dont_write_bytecode = True
sys.path.insert(0, REFERENCE_DIR)

import compare  # noqa: E402  (tests/reference/compare.py: compare_metrics)

SKIP = 77
TABLE_WIDTH = 100
ANSI = re.compile(r"\x1b\[[0-9;]*m")
SECTIONS = ("roi", "ror", "hygiene")
CLASSIFIED = ("posts_scored", "original_posts", "outreach_posts", "foreign_posts")


# ----------------------------------------------------------------------------- facts

def skipped(report, word):
    """The number skipped for the reason whose wording holds `word` (0 when none)."""
    return sum(n for reason, n in (report["input"].get("skipped") or {}).items() if word in reason)


def archive_facts(tweets, retweets, edits, followers):
    def facts(report, realdata):
        inp = report["input"]
        return [
            ("tweets = posts read + retweets skipped + edited versions skipped", tweets,
             inp["posts_read"] + skipped(report, "repost") + skipped(report, "edited")),
            ("retweets skipped", retweets, skipped(report, "repost")),
            ("earlier versions of edited tweets skipped", edits, skipped(report, "edited")),
            ("account followers", followers, report["account"]["followers"]),
        ]
    return facts


def api_tweets_facts(tweets, retweets=None, errors=None):
    def facts(report, realdata):
        inp = report["input"]
        out = [("tweets = posts read + retweets skipped", tweets, inp["posts_read"] + skipped(report, "repost"))]
        if retweets is not None:
            out.append(("retweets skipped", retweets, skipped(report, "repost")))
        if errors is not None:
            out.append(("API errors counted", errors, skipped(report, "error")))
        return out
    return facts


def dewitt_facts(report, realdata):
    inp = report["input"]
    return [("tweets read", 20, inp["posts_read"]),
            ("account followers", 6164, report["account"]["followers"]),
            ("replies to others, outreach", 7, inp["outreach_posts"]),
            ("the one reply to itself stays original", 13, inp["original_posts"])]


def mentions_facts(report, realdata):
    inp = report["input"]
    return [("tweets = posts read + retweets skipped", 19, inp["posts_read"] + skipped(report, "repost"))]


def mentioned_account_facts(report, realdata):
    inp = report["input"]
    return [("tweets by others = foreign posts + retweets skipped", 19,
             inp["foreign_posts"] + skipped(report, "repost")),
            ("posts scored", 0, inp["posts_scored"])]


def outbox_facts(report, realdata):
    inp = report["input"]
    warnings = inp["warnings"]
    first = warnings.get("first") or ""
    return [("activities = posts read + boosts + direct messages", 216,
             inp["posts_read"] + skipped(report, "boost") + skipped(report, "direct")),
            ("Announce activities skipped as boosts", 26, skipped(report, "boost")),
            ("count_mismatches warnings (totalItems 190, 216 given)", 1, warnings.get("count_mismatches")),
            ("warnings in all", 1, warnings.get("total")),
            ("the warning names 190 and 216", True, "190" in first and "216" in first)]


def fosstodon_facts(report, realdata):
    inp = report["input"]
    return [("account followers (account file)", 1036, report["account"]["followers"]),
            ("statuses read (two pages of 20, one status)", 41, inp["posts_read"]),
            ("the status also in page 0 is one post", 1, inp["posts_merged"])]


def context_self_thread(path):
    """Descendants of a context that stay posts: the first status's author answering, all the way
    up, only that author's statuses or that first status (docs/format.md, "Threads")."""
    with open(path, encoding="utf-8") as f:
        ctx = json.load(f)
    chain = ctx["ancestors"] + ctx["descendants"]
    by_id = {s["id"]: s for s in chain}
    top = next(s for s in chain if s["in_reply_to_id"] not in by_id)
    root_id, root_author = top["in_reply_to_id"], top["in_reply_to_account_id"]
    count = 0
    for s in ctx["descendants"]:
        cur = s
        while cur["account"]["id"] == root_author and cur["in_reply_to_id"] in by_id:
            cur = by_id[cur["in_reply_to_id"]]
        count += cur["account"]["id"] == root_author and cur["in_reply_to_id"] == root_id
    return len(ctx["descendants"]), count


def context_facts(report, realdata):
    inp = report["input"]
    path = os.path.join(realdata, "mastodon-api", "context_mastodon.social_109294719267373593.json")
    descendants, self_thread = context_self_thread(path)
    return [("descendants in the context", 59, descendants),
            ("statuses read: the descendants and a stand-in first status", descendants + 1, inp["posts_read"]),
            # The doc's Threads rule: the root author's replies to its own first status are its
            # self-thread and stay posts; the other descendants become comments.
            ("descendants placed as comments (59 less the self-thread of %d)" % self_thread,
             descendants - self_thread, inp["statuses_placed"]),
            ("original posts: the stand-in and the self-thread", 1 + self_thread, inp["original_posts"])]


def status_facts(report, realdata):
    return [("statuses read", 1, report["input"]["posts_read"]),
            ("account followers (its profile in the status)", 1037, report["account"]["followers"])]


def wordpress_facts(report, realdata):
    inp = report["input"]
    with open(os.path.join(realdata, "wordpress-rest", "comments_post_1148.headers.txt"), encoding="utf-8") as f:
        total = int(re.search(r"^X-WP-Total: *(\d+)", f.read(), re.M).group(1))
    return [("posts read", 38, inp["posts_read"]),
            ("distinct comments (comments_all.json)", 22, report["roi"]["metrics"]["comments"]),
            ("the per-post file repeats X-WP-Total comments, merged", total, inp["comments_merged"]),
            ("the headers file passed over", 1, skipped(report, "HTTP response headers")),
            ("tags passed over, not hashtags", 1, skipped(report, "taxonomy")),
            ("the account: user 1 of users.json", "themedemos", report["account"]["handle"])]


def bluesky_feed_facts(items, reposts, followers=None):
    def facts(report, realdata):
        inp = report["input"]
        out = [("feed items = posts read + reposts skipped", items, inp["posts_read"] + skipped(report, "repost")),
               ("reposts skipped", reposts, skipped(report, "repost"))]
        if followers is not None:
            out.append(("account followers (getProfiles)", followers, report["account"]["followers"]))
def linkedin_facts(shares, comments, reposts=0, media_rows=0):
    """PROVENANCE.md's counts (202 share rows, 323 comments) and the sample's: every share row is a
    post, a repost (no commentary, link or media) or a share's row for another of its media;
    every comment an outreach post."""
    def facts(report, realdata):
        inp = report["input"]
        out = [("rows skipped as unreadable", 0, skipped(report, "CSV rows")),
               ("no warnings (a share's rows per media are not duplicates)", 0, inp["warnings"]["total"])]
        if shares is not None:
            out += [("share rows = original posts + reposts + rows for more media", shares,
                     inp["original_posts"] + skipped(report, "repost") + skipped(report, "another of its media")),
                    ("shares with no commentary, link or media: reposts", reposts, skipped(report, "repost")),
                    ("one share's rows for 4 more of its media", media_rows, skipped(report, "another of its media"))]
        if comments is not None:
            out.append(("comments, each an outreach post", comments, inp["outreach_posts"]))
        out.append(("posts read", (shares or 0) - reposts - media_rows + (comments or 0), inp["posts_read"]))
        return out
    return facts


def bluesky_folder_facts(report, realdata):
    inp = report["input"]
    return [("posts read: the feed's 43 own posts and the thread's one", 44, inp["posts_read"]),
            ("reposts skipped", 7, skipped(report, "repost")),
            ("account followers (getProfiles)", 554, report["account"]["followers"]),
            ("the thread is someone else's post", 1, inp["foreign_posts"])]


def telsky_facts(report, realdata):
    inp, roi = report["input"], report["roi"]["metrics"]
    return [("feed items = posts read + reposts skipped", 30, inp["posts_read"] + skipped(report, "repost")),
            ("reposts skipped (their replyCount, 225 in all, is other people's)", 28, skipped(report, "repost")),
            ("replies reported on the account's 2 own posts", 0, roi.get("replies"))]


def hn_firebase_facts(report, realdata):
    inp = report["input"]
    return [("items = posts read + deleted", 4, inp["posts_read"] + skipped(report, "deleted")),
            ("the deleted comment skipped", 1, skipped(report, "deleted")),
            ("the two comments placed under the story", 2, inp["statuses_placed"]),
            ("the story's author is the account", ["xaro"], report["account"]["names"]),
            ("comments present", 2, report["roi"]["metrics"]["comments"]),
            ("replies reported (descendants)", 3, report["roi"]["metrics"].get("replies"))]


def hn_bigquery_facts(report, realdata):
    inp = report["input"]
    return [("comments read as statuses", 1000, inp["posts_read"]),
            ("no story in the file: nothing placed", 0, inp["statuses_placed"]),
            ("the most frequent author's 3 comments scored, the rest foreign", [3, 997],
             [inp["posts_scored"], inp["foreign_posts"]])]


def values(*expected):
    """Facts as (what, expected value, dotted path into the report)."""
    def facts(report, realdata):
        out = []
        for what, value, path in expected:
            got = report
            for key in path.split("."):
                got = got.get(key) if isinstance(got, dict) else None
            out.append((what, value, got))
        return out
    return facts


def timeline_facts(statuses):
    def facts(report, realdata):
        inp = report["input"]
        return [("statuses = posts read + direct messages", statuses,
                 inp["posts_read"] + skipped(report, "direct"))]
    return facts


def reddit_thread_counts(path):
    """(comments present, stubs, comments the stubs stand for, 'continue this thread' links,
    num_comments) of a /comments/<id>.json thread, counted in the sample."""
    with open(path, encoding="utf-8") as f:
        thread = json.load(f)
    counts = {"present": 0, "stubs": 0, "stand_for": 0, "continued": 0}

    def walk(children):
        for child in children:
            data = child["data"]
            if child["kind"] == "t1":
                counts["present"] += 1
                if isinstance(data.get("replies"), dict):
                    walk(data["replies"]["data"]["children"])
            elif child["kind"] == "more":
                counts["stubs"] += 1
                n = data.get("count") or len(data.get("children") or [])
                counts["stand_for"] += n
                counts["continued"] += n == 0
    walk(thread[1]["data"]["children"])
    link = thread[0]["data"]["children"][0]["data"]
    return counts["present"], counts["stubs"], counts["stand_for"], counts["continued"], link["num_comments"]


REDDIT_THREAD = "reddit/comments_n49rw.json"
REDDIT_MORE = "reddit/morechildren_n49rw_sample.json"


def reddit_facts(with_more):
    def facts(report, realdata):
        present, stubs, stand_for, continued, num_comments = reddit_thread_counts(
            os.path.join(realdata, REDDIT_THREAD))
        out = [("comments in the thread (PROVENANCE: 485)", 485, present),
               ("more stubs in the thread (PROVENANCE: 177)", 177, stubs),
               ("comments the thread's stubs stand for", stand_for, skipped(report, "'more' stubs, not in")),
               ("'continue this thread' links", continued, skipped(report, "continue this thread")),
               ("the link's reply count is num_comments", num_comments, report["roi"]["metrics"]["replies"])]
        if with_more:
            with open(os.path.join(realdata, REDDIT_MORE), encoding="utf-8") as f:
                things = json.load(f)["json"]["data"]["things"]
            joined = sum(t["kind"] == "t1" for t in things)
            out += [("comments present: the thread's and the morechildren response's",
                     present + joined, report["roi"]["metrics"]["comments"]),
                    ("the response's stubs counted as stubs only", sum(t["kind"] == "more" for t in things),
                     skipped(report, "morechildren"))]
        else:
            out.append(("comments present", present, report["roi"]["metrics"]["comments"]))
        return out
    return facts


def dump_lines(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def askmen_facts(report, realdata):
    subs = dump_lines(os.path.join(realdata, ASKMEN))
    inp, account = report["input"], report["account"]
    mine = [s for s in subs if norm_name(s["author"]) in {norm_name(n) for n in account.get("names") or []}]
    return [("submissions read", 1500, inp["posts_read"]),
            ("num_comments summed (PROVENANCE: 28348)", 28348, sum(s["num_comments"] for s in subs)),
            ("[deleted] authors (PROVENANCE: 728)", 728, sum(s["author"] == "[deleted]" for s in subs)),
            ("original + foreign posts", 1500, inp["original_posts"] + inp["foreign_posts"]),
            ("the account's reply count: its submissions' num_comments", sum(s["num_comments"] for s in mine),
             report["roi"]["metrics"]["replies"]),
            ("no comments in a submissions file: unknown", None, report["roi"]["metrics"]["comments"])]


def norm_name(name):
    name = name[1:] if name.startswith("@") else name
    return "".join(chr(ord(c) + 32) if "A" <= c <= "Z" else c for c in name)


def rc_stand_ins(realdata, workdir):
    """A submissions file with one line per thread of the RC dump, by `realdata-stand-in`, so that
    the dump's comments have posts to join (the dump holds comments only)."""
    links = {c["link_id"] for c in dump_lines(os.path.join(realdata, RC_PLAIN))}
    path = os.path.join(workdir, "RS_stand-ins.ndjson")
    with open(path, "w", encoding="utf-8") as f:
        for link in sorted(links):
            f.write(json.dumps({"id": link[3:], "author": "realdata-stand-in", "created_utc": 1133395200,
                                "subreddit": "reddit.com", "title": "stand-in", "num_comments": 0}) + "\n")
    return [path]


def search_pages(realdata, dump, workdir, per_page=100):
    """The lines of a dump as the pages Arctic Shift's and Pushshift's search APIs answer
    ({"data": [...]}, per_page things each, then the empty page after the last), written as files
    under workdir: the same things, so the same facts as the dump's."""
    things = dump_lines(os.path.join(realdata, dump))
    folder = os.path.join(workdir, os.path.basename(dump) + "-pages")
    os.makedirs(folder, exist_ok=True)
    paths = []
    for n, at in enumerate(list(range(0, len(things), per_page)) + [len(things)]):
        paths.append(os.path.join(folder, "page%03d.json" % n))
        with open(paths[-1], "w", encoding="utf-8") as f:
            json.dump({"data": things[at:at + per_page]}, f)
    return paths


def rc_facts(report, realdata):
    comments = dump_lines(os.path.join(realdata, RC_PLAIN))
    inp = report["input"]
    return [("threads (PROVENANCE: 396): the stand-in posts", 396, report["roi"]["metrics"]["posts"]),
            ("comments (PROVENANCE: 1075), all joined", 1075, report["roi"]["metrics"]["comments"]),
            ("top-level comments (PROVENANCE: 746)", 746, sum(c["parent_id"].startswith("t3_") for c in comments)),
            ("[deleted] authors (PROVENANCE: 185)", 185, sum(c["author"] == "[deleted]" for c in comments)),
            ("no comment is an orphan", 0, skipped(report, "post is not in the input")),
            ("posts read", 396, inp["posts_read"])]


def rc_orphan_facts(report, realdata):
    return [("every comment's thread is in no input: counted", 1075,
             skipped(report, "post is not in the input")),
            ("submissions read", 1500, report["input"]["posts_read"])]


# ----------------------------------------------------------------------------- cases

@dataclasses.dataclass
class Case:
    name: str
    fmt: str | None           # to_ror.py's format; None: no oracle reads it (a, e and f only)
    files: list               # globs under the realdata folder, in order
    importer: str | None = None   # ror's importer; None: ror does not read this format yet
    accounts: tuple = ()      # --account names, given to both
    facts: object = None
    why: str = ""             # what the case is for, when it is not plain
    made: object = None       # (realdata, workdir) -> more input files the case writes itself


MASTODON_API = "mastodon-api/"
FOSSTODON = [MASTODON_API + f for f in ("account_fosstodon_109302436954721982.json",
                                        "account_statuses_fosstodon_109302436954721982_page0.json",
                                        "account_statuses_fosstodon_109302436954721982_page1.json",
                                        "status_fosstodon_114620457512351116.json")]
CONTEXT = MASTODON_API + "context_mastodon.social_109294719267373593.json"
ASKMEN = "reddit-pushshift/AskMen_submissions-first1500.ndjson"
RC_PLAIN = "reddit-pushshift/RC_2005-12.ndjson"
RC_ZST = "reddit-pushshift/RC_2005-12.zst"

BSKYR = ["bluesky/getAuthorFeed_chriskenny.json", "bluesky/getProfiles_chriskenny.json",
         "bluesky/getPostThread_3k7qmjev5lr2s.json"]

CASES = [
    Case("x-archive", "twitter-archive", ["twitter-archive/*.js"], "x-archive",
         facts=archive_facts(2045, 239, 0, 61)),
    Case("x-archive-2024", "twitter-archive", ["twitter-archive-2024/data/*.js"], "x-archive",
         facts=archive_facts(1223, 12, 5, None)),
    Case("x-archive-2024-tweets-only", "twitter-archive", ["twitter-archive-2024/data/tweets.js"], "x-archive",
         facts=archive_facts(1223, 12, 5, None), why="data/tweets.js alone, nothing naming the account"),
    Case("x-api-twarc2-flat", "x-api", ["twarc2/flat.jsonl"], "x-api", facts=api_tweets_facts(100)),
    Case("x-api-v2-brexit", "x-api", ["twitter-api/twarc-brexit.jsonl"], "x-api", facts=api_tweets_facts(100)),
    Case("x-api-v2-noflat", "x-api", ["twitter-api/twarc-noflat.jsonl"], "x-api",
         facts=api_tweets_facts(100, errors=1)),
    Case("x-api-v2-quotes", "x-api", ["twitter-api/pytwitter-quote_tweets.json"], "x-api",
         facts=api_tweets_facts(15, retweets=0)),
    Case("x-api-v1-dewitt", "x-api", ["twitter-api/python-twitter-user_timeline-dewitt.json"], "x-api",
         facts=dewitt_facts),
    Case("x-api-v1-mentions", "x-api", ["twitter-api/python-twitter-mentions.json"], "x-api",
         facts=mentions_facts),
    Case("x-api-v1-mentions-as-himawari8bot", "x-api", ["twitter-api/python-twitter-mentions.json"], "x-api",
         accounts=("himawari8bot",), facts=mentioned_account_facts,
         why="the mentioned account named: every tweet is someone else's"),
    Case("mastodon-export", "mastodon-export", ["mastodon-export/hawksworx-outbox.json"], "mastodon-export",
         facts=outbox_facts),
    Case("mastodon-api-fosstodon", "mastodon-api", FOSSTODON, "mastodon-api", facts=fosstodon_facts),
    Case("mastodon-api-context", "mastodon-api", [CONTEXT], "mastodon-api", facts=context_facts),
    Case("mastodon-api-context-as-olikockova", "mastodon-api", [CONTEXT], "mastodon-api",
         accounts=("OliKockova@toot.whatever.cz",), why="a replier named: outreach inside someone's thread"),
    Case("mastodon-api-status", "mastodon-api", [MASTODON_API + "status_fosstodon_114620457512351116.json"],
         "mastodon-api", facts=status_facts),
    Case("mastodon-api-home", "mastodon-api", [MASTODON_API + "mastodonpy-home-timeline.json"], "mastodon-api",
         facts=timeline_facts(13)),
    Case("mastodon-api-public", "mastodon-api", [MASTODON_API + "mastodonpy-public-timeline.json"],
         "mastodon-api", facts=timeline_facts(20)),
    # No oracle converts these formats: facts from PROVENANCE.md (or counted in the sample) only.
    Case("youtube-api-threads", None, ["youtube/commentThreads-7ghhRHRP6t4.json"], "youtube-api",
         facts=values(("98 threads: their top-level comments read", 98, "input.comments_read"),
                      ("the video, in no input, is one stand-in post", 1, "input.posts_read"),
                      ("comments present under it", 98, "roi.metrics.comments"),
                      ("totalReplyCount sum 6, no replies part: counted as left out", 6,
                       "input.skipped.replies YouTube counts that the response leaves out"))),
    Case("youtube-api-threads-small", None, ["youtube/pyyoutube-commentThreads-F1UP7wRCPH8.json"],
         "youtube-api",
         facts=values(("5 threads", 5, "input.comments_read"), ("one stand-in video", 1, "input.posts_read"))),
    Case("youtube-api-threads-channel", None, ["youtube/pyyoutube-commentThreads-all-to-me.json"],
         "youtube-api",
         facts=values(("4 threads, 2 of them on the video", 2, "input.comments_read"),
                      ("2 channel comments without videoId, skipped", 2,
                       "input.skipped.channel discussion comments (on no video)"),
                      ("the one reply counted and not included", 1,
                       "input.skipped.replies YouTube counts that the response leaves out"),
                      ("the channel (snippet.channelId) is the stand-in's author and the account", 1,
                       "input.original_posts"))),
    Case("youtube-api-videos", None, ["youtube/videos-8PhdfcX9tG0.json"], "youtube-api",
         facts=values(("one video", 1, "input.posts_read"),
                      ("viewCount \"1376083\" as views", 1376083, "roi.metrics.views"),
                      ("likeCount \"55834\"", 55834, "roi.metrics.likes"),
                      ("commentCount \"3313\" as the reported replies", 3313, "roi.metrics.replies"),
                      ("no comment in the input: comments unknown", None, "roi.metrics.comments"),
                      ("views are not impressions", None, "roi.metrics.impressions"))),
    Case("youtube-api-all", None, ["youtube/*.json"], "youtube-api",
         facts=values(("posts: the video and three stand-ins", 4, "input.posts_read"),
                      ("comments read: 98 + 5 + 2", 105, "input.comments_read"),
                      ("the Fireship video is another channel's: foreign", 1, "input.foreign_posts")),
         why="four samples of unrelated channels read together"),
    Case("facebook-posts", None, ["facebook/hunterhillis-your_posts_1.json"], "facebook",
         facts=values(("124 entries: 78 posts", 78, "input.posts_read"),
                      ("and 46 that give only a time", 46,
                       "input.skipped.posts the export gives only a time for (no text, title or attachment)"),
                      ("7 titles \"... wrote on <name>'s timeline.\": outreach", 7, "input.outreach_posts"),
                      ("the account's own posts: comments by others unknown", None, "roi.metrics.comments"))),
    Case("instagram-posts", None, ["instagram/ig-import-posts_1.json"], "instagram",
         facts=values(("1057 posts", 1057, "input.posts_read"),
                      ("every post the account's own", 1057, "input.original_posts"),
                      ("likes unknown (the export has none)", None, "roi.metrics.likes"))),
    Case("wordpress", "wordpress", ["wordpress-rest"], "wordpress-api", facts=wordpress_facts,
         why="the folder: posts, all comments and one post's comments (the same 19 again), users, "
             "tags and a saved headers file"),
    Case("wordpress-posts-and-comments", "wordpress",
         ["wordpress-rest/comments_all.json", "wordpress-rest/posts_all.json"], "wordpress-api",
         facts=values(("posts read", 38, "input.posts_read"), ("comments", 22, "roi.metrics.comments")),
         why="comments before their posts, no users file: the account is named by its user id"),
    Case("reddit", "reddit", [REDDIT_THREAD, REDDIT_MORE], "reddit", facts=reddit_facts(True),
         why="a thread and a morechildren response: its comments join the thread's link"),
    Case("reddit-thread", "reddit", [REDDIT_THREAD], "reddit", facts=reddit_facts(False)),
    Case("reddit-dump-askmen", None, [ASKMEN], "reddit-dump", facts=askmen_facts),
    Case("reddit-dump-rc", None, [RC_PLAIN], "reddit-dump", accounts=("realdata-stand-in",), facts=rc_facts,
         made=rc_stand_ins, why="a comments dump holds no posts: stand-in submissions for its threads"),
    Case("reddit-dump-rc-zst", None, [RC_ZST], "reddit-dump", accounts=("realdata-stand-in",), facts=rc_facts,
         made=rc_stand_ins, why="the same dump as zstd --long=31"),
    Case("reddit-dump-rc-orphans", None, [RC_ZST, ASKMEN], "reddit-dump", facts=rc_orphan_facts,
         why="comments whose submissions are in no input are counted"),
    Case("reddit-api-askmen-pages", None, [], "reddit-dump", facts=askmen_facts,
         made=lambda realdata, workdir: search_pages(realdata, ASKMEN, workdir),
         why="the submissions as search API pages of 100, and an empty page: the dump's facts"),
    Case("reddit-api-rc-pages", None, [], "reddit-dump", accounts=("realdata-stand-in",), facts=rc_facts,
         made=lambda realdata, workdir: rc_stand_ins(realdata, workdir) + search_pages(realdata, RC_PLAIN, workdir),
         why="the comments as search API pages of 100, with --account: the dump's facts"),
    Case("bluesky", "bluesky", BSKYR, "bluesky-api", facts=bluesky_folder_facts,
         why="the bskyr responses together: chriskenny's feed and profile, and an unrelated thread"),
    Case("bluesky-feed", "bluesky", ["bluesky/getAuthorFeed_chriskenny.json"], "bluesky-api",
         facts=bluesky_feed_facts(50, 7)),
    Case("bluesky-feed-profiles", "bluesky",
         ["bluesky/getAuthorFeed_chriskenny.json", "bluesky/getProfiles_chriskenny.json"], "bluesky-api",
         facts=bluesky_feed_facts(50, 7, 554)),
    Case("bluesky-telsky", "bluesky", ["bluesky/telsky-getAuthorFeed.json"], "bluesky-api", facts=telsky_facts),
    Case("bluesky-thread", "bluesky", ["bluesky/getPostThread_3k7qmjev5lr2s.json"], "bluesky-api",
         facts=values(("the thread's post, with no replies", 1, "input.posts_read"))),
    Case("hn-firebase", None, ["hackernews/firebase-21500569/item/*.json"], "hn-firebase",
         facts=hn_firebase_facts),
    Case("hn-bigquery", None, ["hackernews/typesense-hn-comments-1000.jsonl"], "hn-firebase",
         facts=hn_bigquery_facts, why="comments only, every value a string: no story to place them under"),
    Case("linkedin-shares", None, ["linkedin/*Shares.csv"], "linkedin", facts=linkedin_facts(202, None, 14, 4),
         why="commentary over several lines, each line in quotes of its own"),
    Case("linkedin-comments", None, ["linkedin/*Comments.csv"], "linkedin", facts=linkedin_facts(None, 323),
         why="quotes written \\\" inside quoted messages: 348 ragged rows to a strict reader, 323 repaired"),
    Case("linkedin", None, ["linkedin/*.csv"], "linkedin", facts=linkedin_facts(202, 323, 14, 4)),
    Case("wordpress", "wordpress", ["wordpress-rest"]),
    Case("reddit", "reddit", ["reddit"]),
    Case("bluesky", "bluesky", ["bluesky"]),
]

# Read only when the binary reads folders and archives (probed on the first of them).
FOLDER_CASES = [
    Case("bluesky-folder", "bluesky", ["bluesky"], "bluesky-api",
         facts=values(("posts read: 43 + 2 own posts of two feeds, the thread's one", 46, "input.posts_read")),
         why="the whole folder: two feeds of two actors, both taken for the account"),
    Case("hn-folder", None, ["hackernews"], "hn-firebase",
         facts=values(("posts read: the story, its 2 comments, 1000 BigQuery comments", 1003, "input.posts_read"))),
    Case("x-archive-2024-folder", "twitter-archive", ["twitter-archive-2024/data"], "x-archive",
         facts=archive_facts(1223, 12, 5, None)),
    Case("x-archive-2024-zip", "twitter-archive", ["twitter-archive-2024/alrocar-2024.zip"], "x-archive",
         facts=archive_facts(1223, 12, 5, None)),
    Case("x-archive-folder", "twitter-archive", ["twitter-archive"], "x-archive",
         facts=archive_facts(2045, 239, 0, 61)),
]


# Small exports written by hand for what the real samples never show (--fixtures; they live in
# tests/realdata/fixtures). Each `why` says what docs/format.md asks for.
FIXTURE_CASES = [
    Case("fixture-x-api-conversation", "x-api", ["x-api-conversation.jsonl"], "x-api", accounts=("me",),
         facts=values(("bob's reply and the answer placed as comments", 2, "input.statuses_placed"),
                      ("the page holds bob's reply: comments known", 2, "roi.metrics.comments"),
                      ("audience comments", 1, "roi.metrics.audience_comments")),
         why="a v2 page of a conversation: 'a twarc2 collection of a conversation gives the account's "
             "tweet with the replies under it as comments' (Threads)"),
    Case("fixture-x-api-missing-link", "x-api", ["x-api-missing-link.jsonl"], "x-api", accounts=("me",),
         why="the account answers its own tweet that is not in the data, inside its rooted conversation: "
             "self-thread only 'all the way up to the root' (Threads), so an answer"),
    Case("fixture-x-archive-outreach-thread", "twitter-archive", ["x-archive-outreach-thread/*.js"], "x-archive",
         facts=values(("outreach replies: the reply to bob and its continuation", 2, "ror.metrics.outreach_replies"),
                      ("people answered: bob only", 1, "ror.metrics.outreach_people")),
         why="a self-thread continuing an outreach reply is outreach to the person the reply answered"),
    Case("fixture-x-archive-tweets-only", "twitter-archive", ["x-archive-tweets-only/tweets.js"], "x-archive",
         facts=values(("tweets read", 2, "input.posts_read")),
         why="data/tweets.js alone (a documented input): nothing names the account"),
    Case("fixture-mastodon-api-page-and-context", "mastodon-api",
         ["mastodon-api-page.json", "mastodon-api-context.json"], "mastodon-api",
         facts=values(("the reply and the answer placed as comments", 2, "input.statuses_placed"),
                      ("the root, in the page and as the context's stand-in, is one post", 2, "input.posts_scored"),
                      ("a stand-in is no copy: nothing merged", 0, "input.posts_merged"),
                      ("comments known through the context", 2, "roi.metrics.comments")),
         why="an account's page and the context of one of its statuses"),
]


# ----------------------------------------------------------------------------- running

def run(cmd, timeout=300, stdin=None):
    return subprocess.run(cmd, capture_output=True, timeout=timeout, input=stdin)


def text(b):
    return b.decode("utf-8", "replace").strip()


def fmt_score(v):
    return "n/a" if v is None else "%.1f" % v


def fmt_count(v):
    return "n/a" if v is None else str(v)


def show(v):
    return json.dumps(v, ensure_ascii=False)


def paths_of(base, case):
    paths = []
    for pattern in case.files:
        found = sorted(glob.glob(os.path.join(base, pattern)))
        if not found:
            raise FileNotFoundError("%s: no %s under %s" % (case.name, pattern, base))
        paths.extend(found)
    return paths


def score_json(binary, args, stdin=None):
    """(report, None) or (None, failure text)."""
    proc = run([binary, "score", "--format", "json"] + args, stdin=stdin)
    if proc.returncode != 0:
        what = "killed by signal %d" % -proc.returncode if proc.returncode < 0 else "exited %d" % proc.returncode
        return None, "%s: %s" % (what, text(proc.stderr) or "(no message)")
    try:
        return json.loads(proc.stdout.decode("utf-8")), None
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        return None, "output is not JSON: %s" % e


def disagreements(native, converted):
    """(what, native value, converted value) for everything the two reports must share."""
    out = list(compare.compare_metrics(native, converted))
    for section in SECTIONS:
        for key in ("score", "coverage"):
            a, b = native[section].get(key), converted[section].get(key)
            if a != b:
                out.append(("%s.%s" % (section, key), a, b))
    if native.get("verdict") != converted.get("verdict"):
        out.append(("verdict", native.get("verdict"), converted.get("verdict")))
    a, b = native["account"], converted["account"]
    if sorted(a.get("names") or []) != sorted(b.get("names") or []):
        out.append(("account.names", sorted(a.get("names") or []), sorted(b.get("names") or [])))
    if a.get("followers") != b.get("followers"):
        out.append(("account.followers", a.get("followers"), b.get("followers")))
    for key in CLASSIFIED:
        if native["input"].get(key) != converted["input"].get(key):
            out.append(("input." + key, native["input"].get(key), converted["input"].get(key)))
    return out


def table_width_failures(binary, args, stdin=None):
    table = run([binary, "score", "--format", "table", "--color", "never"] + args, stdin=stdin)
    if table.returncode != 0:
        return ["`ror score --format table` exited %d: %s" % (table.returncode, text(table.stderr))]
    failures = []
    for i, line in enumerate(table.stdout.decode("utf-8", "replace").splitlines(), 1):
        width = len(ANSI.sub("", line))
        if width > TABLE_WIDTH:
            failures.append("table line %d is %d columns: %s" % (i, width, line))
    return failures


def summary_line(name, report):
    roi, ror = report["roi"]["metrics"], report["ror"]["metrics"]
    inp, account = report["input"], report["account"]
    who = account.get("handle") or (account.get("names") or ["(unnamed)"])[0]
    return ("%s: posts %s (%s original, %s outreach, %s foreign), comments %s (%s audience), account %s%s, "
            "followers %s; roi %s ror %s hygiene %s, verdict %s"
            % (name, roi["posts"], inp.get("original_posts"), inp.get("outreach_posts"), inp.get("foreign_posts"),
               fmt_count(roi["comments"]), fmt_count(roi["audience_comments"]), who,
               " (inferred)" if account.get("inferred") else "", fmt_count(account.get("followers")), fmt_score(report["roi"].get("score")),
               fmt_score(report["ror"].get("score")), fmt_score(report["hygiene"].get("score")),
               report.get("verdict")))


def check_conversion(binary, case, paths, account_args, workdir, failures, notes):
    """b and d: the oracle's conversion scored, and the reference on it. Returns (the report of
    the conversion or None, the case's summary line when the case ends here or None)."""
    conv = run([sys.executable, os.path.join(HERE, "to_ror.py"), case.fmt] + paths + account_args)
    notes += ["to_ror: " + line.split(": ", 2)[-1] for line in text(conv.stderr).splitlines() if line]
    if conv.returncode != 0:
        failures.append("to_ror.py exited %d: %s" % (conv.returncode, text(conv.stderr)))
        return None, "%s: conversion failed" % case.name
    converted_path = os.path.join(workdir, case.name + ".json")
    with open(converted_path, "wb") as f:
        f.write(conv.stdout)

    # b. The oracle's conversion, through standard input as a user would pipe it.
    converted, problem = score_json(binary, account_args + ["-"], stdin=conv.stdout)
    if problem:
        failures.append("`to_ror.py %s | ror score -` %s" % (case.fmt, problem))

    # d. The reference on the conversion against the binary on it.
    ref_proc = run([sys.executable, os.path.join(REFERENCE_DIR, "ror_reference.py")]
                   + account_args + [converted_path])
    if ref_proc.returncode != 0:
        failures.append("reference exited %d: %s" % (ref_proc.returncode, text(ref_proc.stderr)))
    elif converted is not None:
        ref = json.loads(ref_proc.stdout.decode("utf-8"))
        for metric, r, g in compare.compare_metrics(ref, converted):
            failures.append("reference vs binary on the conversion: %s: reference %s, binary %s"
                            % (metric, show(r), show(g)))

    if case.importer is None:
        failures += table_width_failures(binary, account_args + [converted_path])
        if converted is None:
            return None, "%s: binary failed" % case.name
        return converted, summary_line(case.name, converted)

    return converted, None


def check_case(binary, base, case, workdir):
    """Returns (summary line, failure lines, notes). The case's files are under `base`."""
    paths = paths_of(base, case) + (case.made(base, workdir) if case.made else [])
    account_args = [a for name in case.accounts for a in ("--account", name)]
    failures, notes = [], []

    converted = None
    if case.fmt is not None:
        converted, early = check_conversion(binary, case, paths, account_args, workdir, failures, notes)
        if early is not None:
            return early, failures, notes

    return check_native(binary, base, case, paths, account_args, converted, failures, notes)


def check_native(binary, base, case, paths, account_args, converted, failures, notes):
    """Steps a, c (when there is an oracle's conversion), e and f of a case."""
    # a. ror reading the export itself.
    native, problem = score_json(binary, account_args + paths)
    if problem:
        failures.append("`ror score %s` %s" % (" ".join(os.path.relpath(p, base) for p in paths), problem))
        if converted is None:
            what = "the export" if case.fmt is None else "the export and on the conversion"
            return "%s: the binary failed on %s" % (case.name, what), failures, notes
        return ("%s: the binary failed on the export; the oracle's conversion gives %s"
                % (case.name, summary_line("", converted)[2:]), failures, notes)
    formats = native["input"].get("formats") or []
    if any(f != case.importer for f in formats):
        failures.append("read as %s, expected %s" % (", ".join(formats), case.importer))

    # c. The two reports agree.
    if converted is not None:
        for what, a, b in disagreements(native, converted):
            failures.append("DISAGREE %s: ror %s, oracle %s" % (what, show(a), show(b)))

    # e. Facts about the sample.
    for what, expected, got in (case.facts(native, base) if case.facts else []):
        if expected != got:
            failures.append("fact: %s: expected %s, ror says %s" % (what, show(expected), show(got)))
        else:
            notes.append("fact: %s: %s" % (what, show(got)))

    # f. The native table fits.
    failures += table_width_failures(binary, account_args + paths)
    return summary_line(case.name, native), failures, notes


def reads_folders(binary, realdata):
    probe = os.path.join(realdata, "twitter-archive-2024", "data")
    return run([binary, "score", "--format", "json", probe]).returncode == 0


def main():
    parser = argparse.ArgumentParser(description="score the real exports against two oracles")
    parser.add_argument("--binary", required=True, help="the ror binary")
    parser.add_argument("--realdata", help="folder of real exports (default: ../shared/realdata beside the repo)")
    parser.add_argument("--keep", help="keep the converted ror/v1 files in this folder")
    parser.add_argument("--case", action="append", help="run only the cases with this name (repeatable)")
    parser.add_argument("--fixtures", action="store_true",
                        help="run the hand-written cases of tests/realdata/fixtures instead of the real exports")
    parser.add_argument("-v", "--verbose", action="store_true", help="show conversion notes and the facts checked")
    args = parser.parse_args()
    if not os.path.isfile(args.binary):
        print("realdata: error: no binary at %s" % args.binary, file=sys.stderr)
        return 2

    if args.fixtures:
        base, cases = os.path.join(HERE, "fixtures"), list(FIXTURE_CASES)
    else:
        base = args.realdata or os.path.join(os.path.dirname(REPO), "shared", "realdata")
        if not os.path.isdir(base):
            print("realdata: %s not found (the real exports are not part of the repository): skipping"
                  % (args.realdata or os.path.normpath(base)))
            return SKIP
        cases = list(CASES)
        if reads_folders(args.binary, base):
            cases += FOLDER_CASES
        else:
            print("realdata: `ror score DIR` does not read folders yet: the folder and zip cases are not run")
    if args.case:
        cases = [c for c in cases if c.name in args.case]

    passed = failed = 0
    with tempfile.TemporaryDirectory(prefix="ror-realdata-") as tmp:
        workdir = args.keep or tmp
        os.makedirs(workdir, exist_ok=True)
        for case in cases:
            try:
                summary, failures, notes = check_case(args.binary, base, case, workdir)
            except subprocess.TimeoutExpired as e:
                summary, failures, notes = "%s: timed out" % case.name, ["timed out: %s" % e.cmd], []
            except FileNotFoundError as e:
                summary, failures, notes = "%s: sample missing" % case.name, [str(e)], []
            print("%s  [%s]" % (summary, "FAIL" if failures else "ok"))
            if args.verbose:
                if case.why:
                    print("    case: " + case.why)
                for n in notes:
                    print("    " + n)
            for f in failures:
                print("    " + f)
            failed += bool(failures)
            passed += not failures
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
