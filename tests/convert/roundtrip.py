#!/usr/bin/env python3
"""`ror convert` round trip: converting an export to ror/v1 loses nothing the report uses.

Usage: python3 tests/convert/roundtrip.py --binary build/ror [--fixtures DIR] [--realdata DIR] [-v]

For every input set (below) this runs `BINARY score --format json INPUTS`,
`BINARY convert INPUTS -o T.json` and `BINARY convert --ndjson INPUTS -o T.ndjson`, scores both
conversions and requires every metric, score, coverage, the verdict, the checks and the account
(id, handle, platform, followers) to equal the original's exactly; the `input` object may differ.
Each conversion is also scored by the Python reference (tests/reference/ror_reference.py) and
compared with the binary's report of it as tests/reference/compare.py does.

Input sets:
  - our fixtures (tests/fixtures/importers): every folder as a whole, every archive beside them,
    every file of the folders whose files are read one by one (x-api, mastodon-api, reddit,
    reddit-dump, reddit-api, bluesky-api, hn-algolia, hn-algolia-search, hn-firebase, wordpress-api,
    youtube-api, linkedin), and the folders read together in COMBINED;
  - the real exports in ../shared/realdata of the formats x-archive, x-api, mastodon-export,
    mastodon-api, reddit, reddit-dump, bluesky-api, hn-firebase, wordpress-api, youtube-api,
    facebook, instagram and linkedin: every folder as a whole, every file in it, and every folder or
    archive inside.
  - tweets.js of our X archive on its own, and a ror/v1 file written here whose post has no
    text.
A set that holds no posts on its own (an account file) and a file no importer recognises (a
README, a LICENSE) is passed over, saying so. The real exports are not in the repository: when
their folder is absent, that part is passed over with a message; it never fails the test.

KNOWN_FAILURES lists sets on which the binary is known to go against docs/format.md (as
Catch2's [!mayfail] does for the unit tests): their failures are printed and not counted; one
that passes is reported so that it can leave the list.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.join(REPO, "tests", "reference"))

import compare  # noqa: E402  (compare_metrics: the reference against the binary)
import ror_reference  # noqa: E402

# Folders whose files are each a complete input on their own.
PER_FILE = ("x-api", "mastodon-api", "reddit", "reddit-dump", "reddit-api", "bluesky-api", "hn-algolia",
            "hn-algolia-search", "hn-firebase", "wordpress-api", "youtube-api", "linkedin")
# Fixture folders read together: one account's export and API pages, whose posts merge.
COMBINED = (("mastodon-export", "mastodon-api"), ("x-archive", "x-api"), ("wordpress-wxr", "wordpress-api"),
            ("x-archive", "mastodon-export", "bluesky-api"))
# Real export folders of the formats under test.
REAL_FOLDERS = ("twitter-archive", "twitter-archive-2024", "twarc2", "twitter-api", "mastodon-api",
                "mastodon-export", "reddit", "reddit-pushshift", "bluesky", "hackernews", "wordpress-rest",
                "youtube", "facebook", "instagram", "linkedin")
# Sets known to fail, and why.
KNOWN_FAILURES = {}
ACCOUNT_KEYS = ("id", "handle", "platform", "followers")
by_platform = ("--by", "platform")
SECTIONS = ("roi", "ror", "hygiene")


class PassOver(Exception):
    """The set is not scorable on its own (no posts, or nothing recognised)."""


def run(cmd, timeout=300):
    return subprocess.run(cmd, capture_output=True, timeout=timeout)


def score(binary, paths, by=()):
    proc = run([binary, "score", "--format", "json", "--quiet"] + list(by) + paths)
    err = proc.stderr.decode("utf-8", "replace").strip()
    if proc.returncode != 0:
        if "empty input: no posts" in err or "no importer recognises" in err:
            raise PassOver(err)
        raise RuntimeError("`ror score %s` exited %d: %s" % (" ".join(paths), proc.returncode, err))
    return json.loads(proc.stdout.decode("utf-8"))


def differences(want, got, where=""):
    """Yields 'path: want vs got' for every difference between two JSON values."""
    if isinstance(want, dict) and isinstance(got, dict):
        for key in sorted(set(want) | set(got)):
            if key not in want or key not in got:
                yield "%s/%s: %s vs %s" % (where, key, json.dumps(want.get(key, "<absent>")),
                                           json.dumps(got.get(key, "<absent>")))
            else:
                yield from differences(want[key], got[key], where + "/" + key)
    elif isinstance(want, list) and isinstance(got, list) and len(want) == len(got):
        for i, (w, g) in enumerate(zip(want, got)):
            yield from differences(w, g, "%s/%d" % (where, i))
    elif want != got or type(want) is not type(got):
        yield "%s: %s vs %s" % (where, json.dumps(want, ensure_ascii=False), json.dumps(got, ensure_ascii=False))


def report_part(report):
    """What a conversion must keep: the groups (with --by, each row's), the verdict, the checks and
    the account."""
    if "rows" in report:
        part = {"rows": report["rows"]}
    else:
        part = {section: report[section] for section in SECTIONS}
        part["verdict"] = report.get("verdict")
    part["checks"] = report.get("checks")
    part["account"] = {key: report["account"].get(key) for key in ACCOUNT_KEYS}
    return part


def check_set(binary, name, paths, workdir):
    """Returns (summary, failures); raises PassOver for a set that cannot be scored alone."""
    original = score(binary, paths)
    failures = []
    want = report_part(original)
    for layout, flag in (("json", []), ("ndjson", ["--ndjson"])):
        out = os.path.join(workdir, "%s.%s" % (name.replace("/", "_"), layout))
        proc = run([binary, "convert", "--quiet"] + flag + paths + ["-o", out])
        if proc.returncode != 0:
            failures.append("%s: `ror convert%s` exited %d: %s" % (
                name, " --ndjson" if flag else "", proc.returncode,
                proc.stderr.decode("utf-8", "replace").strip()))
            continue
        converted = score(binary, [out])
        for d in differences(want, report_part(converted)):
            failures.append("%s (%s): original vs converted %s" % (name, layout, d))
        # Each platform's row survives too, named as before (its people stay its own).
        for d in differences(report_part(score(binary, paths, by_platform)),
                             report_part(score(binary, [out], by_platform))):
            failures.append("%s (%s, --by platform): original vs converted %s" % (name, layout, d))
        try:
            ref = ror_reference.score_files([out])
        except ror_reference.InputError as e:
            failures.append("%s (%s): the reference rejects the conversion: %s" % (name, layout, e))
            continue
        for metric, r, g in compare.compare_metrics(ref, converted):
            failures.append("%s (%s): %s: reference %s, binary %s" % (
                name, layout, metric, json.dumps(r, ensure_ascii=False), json.dumps(g, ensure_ascii=False)))
    inp = original["input"]
    summary = "%s: %d posts (%d original, %d outreach), %s comments, statuses placed %d, verdict %s" % (
        name, inp["posts_scored"], inp["original_posts"], inp["outreach_posts"],
        original["roi"]["metrics"]["comments"], inp["statuses_placed"], original["verdict"])
    return summary, failures


def fixture_sets(root):
    sets = []
    for entry in sorted(os.listdir(root)):
        path = os.path.join(root, entry)
        if entry.endswith(".md"):
            continue  # the folder's README
        sets.append(("fixtures/" + entry, [path]))
        if os.path.isdir(path) and entry in PER_FILE:
            for f in sorted(os.listdir(path)):
                sets.append(("fixtures/%s/%s" % (entry, f), [os.path.join(path, f)]))
    for group in COMBINED:
        paths = [os.path.join(root, entry) for entry in group]
        if all(os.path.exists(p) for p in paths):
            sets.append(("fixtures/" + "+".join(group), paths))
    tweets = os.path.join(root, "x-archive", "data", "tweets.js")
    if os.path.isfile(tweets):
        sets.append(("fixtures/x-archive/data/tweets.js", [tweets]))
    return sets


def inline_sets(workdir):
    """Inputs written here: a ror/v1 post with no text (convert keeps an empty text first)."""
    path = os.path.join(workdir, "post-without-text.json")
    with open(path, "w", encoding="utf-8") as f:
        f.write('{"schema": "ror/v1", "account": {"handle": "acme"}, "posts": [\n'
                ' {"id": "p1", "created_at": "2026-01-05T10:00:00Z", "metrics": {"likes": 3}},\n'
                ' {"id": "p2", "created_at": "2026-01-06T10:00:00Z", "text": "a text"}]}\n')
    return [("inline/post-without-text", [path])]


def real_sets(realdata):
    sets = []
    for folder in REAL_FOLDERS:
        base = os.path.join(realdata, folder)
        if not os.path.isdir(base):
            continue
        sets.append(("realdata/" + folder, [base]))
        for entry in sorted(os.listdir(base)):
            sets.append(("realdata/%s/%s" % (folder, entry), [os.path.join(base, entry)]))
    return sets


def main():
    parser = argparse.ArgumentParser(description="ror convert round trip")
    parser.add_argument("--binary", required=True)
    parser.add_argument("--fixtures", default=os.path.join(REPO, "tests", "fixtures", "importers"))
    parser.add_argument("--realdata", default=os.path.join(os.path.dirname(REPO), "shared", "realdata"))
    parser.add_argument("-v", "--verbose", action="store_true", help="print a line per set")
    args = parser.parse_args()
    sets = fixture_sets(args.fixtures)
    if os.path.isdir(args.realdata):
        sets += real_sets(args.realdata)
    else:
        print("roundtrip: %s not found: the real exports are passed over" % args.realdata)
    passed = failed = passed_over = known = 0
    with tempfile.TemporaryDirectory(prefix="ror-roundtrip-") as workdir:
        for name, paths in sets + inline_sets(workdir):
            try:
                summary, failures = check_set(args.binary, name, paths, workdir)
            except PassOver as e:
                passed_over += 1
                print("%s: passed over (%s)" % (name, str(e).splitlines()[0][:160]))
                continue
            except (RuntimeError, subprocess.TimeoutExpired, json.JSONDecodeError) as e:
                summary, failures = name + ": failed", ["%s: %s" % (name, e)]
            if failures and name in KNOWN_FAILURES:
                known += 1
                print("%s: known failure: %s" % (name, KNOWN_FAILURES[name]))
                for line in failures[:5]:
                    print("    " + line)
            elif failures:
                failed += 1
                print(summary + "  [FAIL]")
                for line in failures[:40]:
                    print("    " + line)
            else:
                passed += 1
                if name in KNOWN_FAILURES:
                    print("%s: passes now: take it off KNOWN_FAILURES" % name)
                elif args.verbose:
                    print(summary + "  [ok]")
    print("%d passed, %d failed, %d known failures, %d passed over" % (passed, failed, known, passed_over))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
