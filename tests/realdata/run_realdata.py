#!/usr/bin/env python3
"""Score the real platform exports in ../shared/realdata with `ror`, and check it against two
independent oracles: to_ror.py (a converter written from docs/format.md) and the Python
reference of the metrics.

Usage: python3 tests/realdata/run_realdata.py --binary build/ror [--realdata DIR | --fixtures]
                                              [--keep DIR] [--case NAME]... [-v]

For a sample of a format that ror imports itself (x-archive, x-api, mastodon-export,
mastodon-api), one case:
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
For a format without a C++ importer yet (wordpress, reddit, bluesky): convert with to_ror.py,
then d and f on the conversion, as before. For a format that ror reads and to_ror.py does not
(linkedin: its case has no `fmt`), a, e and f only: the facts are the oracle.

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


# ----------------------------------------------------------------------------- cases

@dataclasses.dataclass
class Case:
    name: str
    fmt: str | None           # to_ror.py's format; None: no oracle, facts only
    files: list               # globs under the realdata folder, in order
    importer: str | None = None   # ror's importer; None: ror does not read this format yet
    accounts: tuple = ()      # --account names, given to both
    facts: object = None
    why: str = ""             # what the case is for, when it is not plain


MASTODON_API = "mastodon-api/"
FOSSTODON = [MASTODON_API + f for f in ("account_fosstodon_109302436954721982.json",
                                        "account_statuses_fosstodon_109302436954721982_page0.json",
                                        "account_statuses_fosstodon_109302436954721982_page1.json",
                                        "status_fosstodon_114620457512351116.json")]
CONTEXT = MASTODON_API + "context_mastodon.social_109294719267373593.json"

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
                      ("the root, in the page and as the context's stand-in, is one post", 1, "input.posts_merged"),
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


def check_case(binary, base, case, workdir):
    """Returns (summary line, failure lines, notes). The case's files are under `base`."""
    paths = paths_of(base, case)
    account_args = [a for name in case.accounts for a in ("--account", name)]
    failures, notes = [], []

    if case.fmt is None:
        return check_native(binary, base, case, paths, account_args, None, failures, notes)

    conv = run([sys.executable, os.path.join(HERE, "to_ror.py"), case.fmt] + paths + account_args)
    notes += ["to_ror: " + line.split(": ", 2)[-1] for line in text(conv.stderr).splitlines() if line]
    if conv.returncode != 0:
        return "%s: conversion failed" % case.name, ["to_ror.py exited %d: %s" % (conv.returncode, text(conv.stderr))], notes
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
            return "%s: binary failed" % case.name, failures, notes
        return summary_line(case.name, converted), failures, notes

    return check_native(binary, base, case, paths, account_args, converted, failures, notes)


def check_native(binary, base, case, paths, account_args, converted, failures, notes):
    """Steps a, c (when there is a conversion), e and f of a case that ror reads itself."""
    # a. ror reading the export itself.
    native, problem = score_json(binary, account_args + paths)
    if problem:
        failures.append("`ror score %s` %s" % (" ".join(os.path.relpath(p, base) for p in paths), problem))
        if converted is None:
            return "%s: the binary failed on the export%s" % (
                case.name, "" if case.fmt is None else " and on the conversion"), failures, notes
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
