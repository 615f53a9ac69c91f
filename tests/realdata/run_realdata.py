#!/usr/bin/env python3
"""Score the real platform exports in ../shared/realdata with `ror` and check it against the
reference implementation.

Usage: python3 tests/realdata/run_realdata.py --binary build/ror [--realdata DIR] [-v]

For each platform: convert the export to ror/v1 with to_ror.py (into a temporary file), run
`BINARY score --format json FILE` and tests/reference/ror_reference.py on it, require exit 0
from the binary, compare every metric as tests/reference/compare.py does (its own functions),
and check that every line of `BINARY score --format table FILE` fits in 100 columns (code
points). One summary line per platform, then `N passed, M failed`; exit 1 on any failure.

The real files are not part of the repository. When DIR (default: ../shared/realdata beside
the repository) is absent this prints a message and exits 77, which ctest can treat as skipped.
"""

import argparse
import datetime
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

# (case name, to_ror format, folder under realdata, files in it (None: the whole folder)).
CASES = [
    ("mastodon", "mastodon", "mastodon-api", None),
    # The context alone: the thread's root author is the account (the one real nested thread).
    ("mastodon-thread", "mastodon", "mastodon-api", ["context_mastodon.social_109294719267373593.json"]),
    ("wordpress", "wordpress", "wordpress-rest", None),
    ("reddit", "reddit", "reddit", None),
    ("bluesky", "bluesky", "bluesky", None),
    ("twarc2", "twarc2", "twarc2", None),
    ("twitter-archive", "twitter-archive", "twitter-archive", None),
]


def run(cmd, timeout=120):
    return subprocess.run(cmd, capture_output=True, timeout=timeout)


def text(b):
    return b.decode("utf-8", "replace").strip()


def fmt_score(v):
    return "n/a" if v is None else "%.1f" % v


def observations(doc, report):
    """Things worth a look that are not failures: printed with -v."""
    seen = []
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S")
    times = [p["created_at"] for p in doc["posts"]] + [c["created_at"] for p in doc["posts"]
                                                       for c in p.get("comments") or []]
    future = [t for t in times if t[:19].replace(" ", "T") > now]
    if future:
        seen.append("%d timestamps in the future (first %s)" % (len(future), min(future)))
    ror = report["ror"]["metrics"]
    roi = report["roi"]["metrics"]
    if roi["audience_comments"] and roi["comments"] == roi["audience_comments"]:
        seen.append("no comment is the account's: response_rate is %s" % ror["response_rate"])
    for name in ("response_time_median", "response_time_p90"):
        if ror[name] is not None and ror[name] > 30 * 86400:
            seen.append("%s is %.1f days" % (name, ror[name] / 86400))
    return seen


def check_case(binary, realdata, name, fmt, folder, files, workdir, verbose):
    """Returns (summary line, list of failure lines, list of notes)."""
    base = os.path.join(realdata, folder)
    paths = [os.path.join(base, f) for f in files] if files else [base]
    out = os.path.join(workdir, name + ".json")
    conv = run([sys.executable, os.path.join(HERE, "to_ror.py"), fmt] + paths)
    notes = [line for line in text(conv.stderr).splitlines() if line]
    if conv.returncode != 0:
        return "%s: conversion failed" % name, ["%s: to_ror.py exited %d: %s" % (name, conv.returncode, text(conv.stderr))], []
    with open(out, "wb") as f:
        f.write(conv.stdout)
    doc = json.loads(conv.stdout)

    failures = []
    js = run([binary, "score", "--format", "json", out])
    if js.returncode != 0:
        return "%s: binary failed" % name, ["%s: `ror score --format json` exited %d: %s"
                                            % (name, js.returncode, text(js.stderr))], notes
    try:
        got = json.loads(js.stdout.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        return "%s: bad JSON" % name, ["%s: binary output is not JSON: %s" % (name, e)], notes

    ref_proc = run([sys.executable, os.path.join(REFERENCE_DIR, "ror_reference.py"), out])
    if ref_proc.returncode != 0:
        failures.append("%s: reference exited %d: %s" % (name, ref_proc.returncode, text(ref_proc.stderr)))
    else:
        ref = json.loads(ref_proc.stdout.decode("utf-8"))
        for metric, r, g in compare.compare_metrics(ref, got):
            failures.append("%s: %s: reference %s, binary %s" % (name, metric, json.dumps(r, ensure_ascii=False),
                                                                  json.dumps(g, ensure_ascii=False)))

    table = run([binary, "score", "--format", "table", "--color", "never", out])
    if table.returncode != 0:
        failures.append("%s: `ror score --format table` exited %d: %s" % (name, table.returncode, text(table.stderr)))
    for i, line in enumerate(table.stdout.decode("utf-8", "replace").splitlines(), 1):
        width = len(ANSI.sub("", line))
        if width > TABLE_WIDTH:
            failures.append("%s: table line %d is %d columns: %s" % (name, i, width, line))

    inp = got.get("input", {})
    roi, ror = got["roi"]["metrics"], got["ror"]["metrics"]
    summary = ("%s: posts %s (%s original, %s outreach, %s foreign), comments %s (%s audience), audience %s, "
               "roi %s ror %s hygiene %s, verdict %s, warnings %s"
               % (name, roi["posts"], inp.get("original_posts"), inp.get("outreach_posts"), inp.get("foreign_posts"),
                  roi["comments"], roi["audience_comments"], ror["audience"],
                  fmt_score(got["roi"].get("score")), fmt_score(got["ror"].get("score")),
                  fmt_score(got["hygiene"].get("score")), got.get("verdict"),
                  (inp.get("warnings") or {}).get("total")))
    if verbose:
        notes += ["observed: " + o for o in observations(doc, got)]
    return summary, failures, notes


def main():
    parser = argparse.ArgumentParser(description="score the real exports and compare with the reference")
    parser.add_argument("--binary", required=True, help="the ror binary")
    parser.add_argument("--realdata", help="folder of real exports (default: ../shared/realdata beside the repo)")
    parser.add_argument("--keep", help="keep the converted ror/v1 files in this folder")
    parser.add_argument("-v", "--verbose", action="store_true", help="show conversion notes and observations")
    args = parser.parse_args()

    realdata = args.realdata or os.path.join(os.path.dirname(REPO), "shared", "realdata")
    if not os.path.isdir(realdata):
        print("realdata: %s not found, skipping" % (args.realdata or "../shared/realdata"))
        return SKIP
    if not os.path.isfile(args.binary):
        print("realdata: error: no binary at %s" % args.binary, file=sys.stderr)
        return 2

    passed = failed = 0
    with tempfile.TemporaryDirectory(prefix="ror-realdata-") as tmp:
        workdir = args.keep or tmp
        os.makedirs(workdir, exist_ok=True)
        for name, fmt, folder, files in CASES:
            try:
                summary, failures, notes = check_case(args.binary, realdata, name, fmt, folder, files,
                                                      workdir, args.verbose)
            except subprocess.TimeoutExpired as e:
                summary, failures, notes = "%s: timed out" % name, ["%s: timed out: %s" % (name, e.cmd)], []
            status = "FAIL" if failures else "ok"
            print("%s  [%s]" % (summary, status))
            if args.verbose:
                for n in notes:
                    print("    " + n)
            for f in failures:
                print("    " + f)
            if failures:
                failed += 1
            else:
                passed += 1
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
