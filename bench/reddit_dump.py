#!/usr/bin/env python3
"""A Reddit dump of a chosen size made from the real Pushshift lines in ../shared/realdata (the
fields, lengths and quirks of real submissions and comments), for timing the reddit-dump
importer until ror_gen writes that format itself.

Every round copies the 1,500 AskMen submissions and (--copies, 4) times the 1,075 comments of
RC_2005-12 with fresh ids; each comment answers one of its round's submissions (or an earlier
comment of the round, half the time); a share of the submissions (--owner-share, 0.1) and 5% of
the comments are by `acct_owner`, a tenth of that share of the submissions by `acct_small`. With --fresh-authors the commenters of each round are new
people (a busy subreddit's hundreds of thousands of authors, not RC_2005-12's few hundred). Writes DIR/dump_comments.ndjson and DIR/dump_submissions.ndjson (the comments
file comes first in path order, as Pushshift's `<sub>_comments` does before `<sub>_submissions`).

Usage: bench/reddit_dump.py --size 1G -o DIR [--realdata PATH] [--seed N] [--copies N]
                            [--owner-share F] [--fresh-authors]
Then:  /usr/bin/time -v build/ror score --format json -o /dev/null DIR
       (or --account acct_owner DIR; zstd --long=31 each file for the compressed case)
"""

import argparse
import json
import os
import random
import sys


def size_of(text):
    units = {"K": 10**3, "M": 10**6, "G": 10**9}
    return int(text[:-1]) * units[text[-1].upper()] if text[-1].upper() in units else int(text)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", required=True)
    parser.add_argument("-o", required=True, dest="out")
    parser.add_argument("--realdata", default=os.path.join(here, "..", "..", "shared", "realdata"))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--copies", type=int, default=4)
    parser.add_argument("--owner-share", type=float, default=0.1)
    parser.add_argument("--fresh-authors", action="store_true")
    args = parser.parse_args()
    folder = os.path.join(args.realdata, "reddit-pushshift")
    subs_path = os.path.join(folder, "AskMen_submissions-first1500.ndjson")
    coms_path = os.path.join(folder, "RC_2005-12.ndjson")
    if not (os.path.exists(subs_path) and os.path.exists(coms_path)):
        sys.exit(f"reddit_dump: the Pushshift samples are not in {folder}")
    with open(subs_path, encoding="utf-8") as f:
        submissions = [json.loads(line) for line in f]
    with open(coms_path, encoding="utf-8") as f:
        comments = [json.loads(line) for line in f]
    want = size_of(args.size)
    rng = random.Random(args.seed)
    os.makedirs(args.out, exist_ok=True)
    written = 0
    counts = {"submissions": 0, "comments": 0}
    with open(os.path.join(args.out, "dump_submissions.ndjson"), "w", encoding="utf-8") as so, \
            open(os.path.join(args.out, "dump_comments.ndjson"), "w", encoding="utf-8") as co:
        round_no = 0
        while written < want:
            names = []
            for s in submissions:
                s = dict(s)
                s["id"] = f"{s['id']}r{round_no}"
                s["name"] = "t3_" + s["id"]
                if "permalink" in s:
                    s["permalink"] = s["permalink"].replace("/comments/", f"/comments/{s['id']}/", 1)
                draw = rng.random()
                if draw < args.owner_share:
                    s["author"] = "acct_owner"
                elif draw < args.owner_share * 1.1:
                    s["author"] = "acct_small"  # a tenth of acct_owner's share
                line = json.dumps(s) + "\n"
                so.write(line)
                written += len(line)
                names.append(s["name"])
                counts["submissions"] += 1
            recent = []
            for copy in range(args.copies):
                for c in comments:
                    c = dict(c)
                    c["id"] = f"{c['id']}r{round_no}c{copy}"
                    c["name"] = "t1_" + c["id"]
                    c["link_id"] = rng.choice(names)
                    c["parent_id"] = rng.choice(recent) if recent and rng.random() < 0.5 \
                        else c["link_id"]
                    if rng.random() < 0.05:
                        c["author"] = "acct_owner"
                    elif args.fresh_authors and not c["author"].startswith("["):
                        c["author"] = f"{c['author']}_{round_no}_{copy}"
                    recent = (recent + [c["name"]])[-50:]
                    line = json.dumps(c) + "\n"
                    co.write(line)
                    written += len(line)
                    counts["comments"] += 1
            round_no += 1
    print(f"reddit_dump: {written / 1e6:.1f} MB: {counts['submissions']} submissions, "
          f"{counts['comments']} comments", file=sys.stderr)


if __name__ == "__main__":
    main()
