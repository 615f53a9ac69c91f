#!/usr/bin/env python3
"""Reference pass with Python's json module, for the benchmark's optional rows.

    python3 bench/reference.py [--ndjson|--json] FILE

The same minimal aggregation as ror_floor (posts, comments, likes and impressions summed over the
posts, distinct commenters, median reply delay between a comment and its parent) written the way
one would in a notebook: json.load for a document, json.loads per line for NDJSON (a first line
{"account": ...} is skipped), datetime.fromisoformat for timestamps. Prints the same JSON line.
"""
import json
import sys
from datetime import datetime, timedelta, timezone

EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
MS = timedelta(milliseconds=1)


def ts_ms(s):
    if s[-1] in "Zz":  # Python < 3.11 does not read a trailing Z
        s = s[:-1] + "+00:00"
    return (datetime.fromisoformat(s) - EPOCH) // MS  # floor: sub-millisecond digits are cut


def posts_of(path, ndjson):
    with open(path, "rb") as f:
        if not ndjson:
            yield from json.load(f)["posts"]
            return
        first = True
        for line in f:
            if not line.strip():
                continue
            obj = json.loads(line)
            if first and "account" in obj:
                first = False
                continue
            first = False
            yield obj


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    path = args[0]
    if "--ndjson" in sys.argv:
        ndjson = True
    elif "--json" in sys.argv:
        ndjson = False
    else:
        with open(path, "rb") as f:
            ndjson = f.read(64).lstrip().startswith(b'{"account"')
    posts = comments = likes = impressions = 0
    commenters = set()
    delays = []
    for post in posts_of(path, ndjson):
        posts += 1
        metrics = post.get("metrics") or {}
        likes += metrics.get("likes") or 0
        impressions += metrics.get("impressions") or 0
        cs = post.get("comments") or []
        comments += len(cs)
        times = {}
        for c in cs:
            commenters.add(c["author"])
            times[str(c["id"])] = ts_ms(c["created_at"])
        for c in cs:
            parent = c.get("parent_id")
            if parent is not None and str(parent) in times:
                delays.append(times[str(c["id"])] - times[str(parent)])
    delays.sort()
    n = len(delays)
    if n == 0:
        median = None
    else:
        twice = delays[n // 2] * 2 if n % 2 else delays[n // 2 - 1] + delays[n // 2]
        median = twice // 2 if twice % 2 == 0 else twice / 2
    out = {"posts": posts, "comments": comments, "likes": likes, "impressions": impressions,
           "commenters": len(commenters), "replies": n, "reply_delay_median_ms": median}
    print(json.dumps(out, separators=(",", ":")))


if __name__ == "__main__":
    main()
