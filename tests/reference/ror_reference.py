#!/usr/bin/env python3
"""Reference implementation of the ror/v1 metrics (issue 2 + decisions.md).

Deliberately simple: every rule is written out in the most direct way, with
no attempt at speed. It is used for differential testing of the C++ `ror`.

Usage: python3 ror_reference.py [--account NAME]... [--top N] FILE...
Prints {"roi": {"metrics": {...}}, "ror": {"metrics": {...}},
        "hygiene": {"metrics": {...}}} as JSON.
"""

import argparse
import calendar
import datetime
import json
import re
import sys

METRIC_KEYS = ["impressions", "reach", "views", "likes", "shares", "saves", "clicks", "conversions",
               "quotes", "bookmarks", "replies"]

# Whitespace for word splitting and text normalisation (decisions.md).
WHITESPACE = set("\t\n\v\f\r ") | {
    "\u0085", "\u00a0", "\u1680",
    "\u2000", "\u2001", "\u2002", "\u2003", "\u2004", "\u2005", "\u2006", "\u2007", "\u2008",
    "\u2009", "\u200a",
    "\u2028", "\u2029", "\u202f", "\u205f", "\u3000",
}


class InputError(Exception):
    pass


# ----------------------------------------------------------------------------- small helpers

# Names that stand for no one person (a deleted or removed account).
ANONYMOUS = ("[deleted]", "[removed]")


def ascii_lower(s):
    return "".join(chr(ord(c) + 32) if "A" <= c <= "Z" else c for c in s)


# A post's "platform" makes its id and its people that platform's own: held here as
# "platform\x1fname" (the account's names hold on every platform).
QUALIFIER = "\x1f"


def qualified(platform, name):
    return name if not platform or name is None else platform + QUALIFIER + name


def bare(name):
    """A name without its platform."""
    return name.rpartition(QUALIFIER)[2]


def norm_name(s):
    """Strip ONE leading '@', then lowercase ASCII letters (a platform before the name stays)."""
    platform, sep, s = s.rpartition(QUALIFIER)
    if s.startswith("@"):
        s = s[1:]
    return platform + sep + ascii_lower(s)


def id_text(v, where):
    """Ids are strings; JSON integers become their decimal text."""
    if isinstance(v, bool):
        raise InputError("id must be a string or integer at " + where)
    if isinstance(v, int):
        return str(v)
    if isinstance(v, str):
        return v
    raise InputError("id must be a string or integer at " + where)


def split_words(text):
    """Maximal runs of non-whitespace characters."""
    words = []
    current = ""
    for ch in text:
        if ch in WHITESPACE:
            if current:
                words.append(current)
            current = ""
        else:
            current += ch
    if current:
        words.append(current)
    return words


def normalised_text(text):
    # A link's scheme is case-insensitive (RFC 3986): HTTPS://x is a link like https://x.
    tokens = [t for t in split_words(text) if not ascii_lower(t[:8]).startswith(("http://", "https://"))]
    return ascii_lower(" ".join(tokens))


def is_word_char(ch):
    return ("A" <= ch <= "Z") or ("a" <= ch <= "z") or ("0" <= ch <= "9") or ch == "_"


def scan_tags(text, sigil):
    """'#'/'@' + [A-Za-z0-9_]+ at the start of the text or after a non-word char."""
    found = set()
    for i, ch in enumerate(text):
        if ch != sigil:
            continue
        if i > 0 and is_word_char(text[i - 1]):
            continue
        j = i + 1
        while j < len(text) and is_word_char(text[j]):
            j += 1
        if j > i + 1:
            found.add(ascii_lower(text[i + 1:j]))
    return found


def post_tags(post, field, sigil):
    """Distinct (ASCII-case-insensitive) hashtags / mentions of a post."""
    arr = post.get(field)
    if isinstance(arr, list):
        found = set()
        for item in arr:
            if not isinstance(item, str):
                raise InputError(field + " items must be strings")
            if item.startswith(sigil):
                item = item[1:]
            if item != "":
                found.add(ascii_lower(item))
        return found
    text = post.get("text")
    return scan_tags(text if isinstance(text, str) else "", sigil)


TIME_RE = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$"
)


def parse_time(s, where):
    """RFC 3339 -> integer milliseconds since the epoch (UTC); fraction truncated to ms."""
    if not isinstance(s, str):
        raise InputError("timestamp must be a string at " + where)
    m = TIME_RE.match(s)
    if not m:
        raise InputError("bad timestamp %r at %s" % (s, where))
    year, month, day, hour, minute, second = (int(m.group(k)) for k in range(1, 7))
    try:
        datetime.datetime(year, month, day, hour, minute, second)  # validates the fields
    except ValueError:
        raise InputError("bad timestamp %r at %s" % (s, where))
    frac = m.group(7)
    millis = int((frac[1:] + "000")[:3]) if frac else 0
    tz = m.group(8)
    if tz in ("Z", "z"):
        offset_minutes = 0
    else:
        sign = 1 if tz[0] == "+" else -1
        oh, om = int(tz[1:3]), int(tz[4:6])
        if oh > 23 or om > 59:
            raise InputError("bad offset %r at %s" % (s, where))
        offset_minutes = sign * (oh * 60 + om)
    local_seconds = calendar.timegm((year, month, day, hour, minute, second, 0, 0, 0))
    return (local_seconds - offset_minutes * 60) * 1000 + millis


def utc_month(ms):
    dt = datetime.datetime.fromtimestamp(ms // 1000, tz=datetime.timezone.utc)
    return "%04d-%02d" % (dt.year, dt.month)


def format_time(ms):
    dt = datetime.datetime.fromtimestamp(ms // 1000, tz=datetime.timezone.utc)
    return dt.strftime("%Y-%m-%dT%H:%M:%SZ")


def ratio(num, den):
    if den == 0:
        return None
    return num / den


# ----------------------------------------------------------------------------- loading

def load_file(path):
    """Returns (account dict or None, list of raw post dicts)."""
    if path == "-":
        data = sys.stdin.buffer.read()
    else:
        with open(path, "rb") as f:
            data = f.read()
    text = data.decode("utf-8")
    try:
        whole = json.loads(text)
    except json.JSONDecodeError:
        whole = None
    if isinstance(whole, dict) and "posts" in whole:
        posts = whole["posts"]
        if not isinstance(posts, list):
            raise InputError("posts must be an array")
        account = whole.get("account")
        return (account if isinstance(account, dict) else None), posts
    # NDJSON: one object per '\n'-separated line (NOT str.splitlines: U+2028 may occur raw).
    account = None
    posts = []
    first = True
    for line in text.split("\n"):
        if line.strip() == "":
            continue
        obj = json.loads(line)
        if not isinstance(obj, dict):
            raise InputError("NDJSON line is not an object")
        if first and "account" in obj and "id" not in obj:
            account = obj["account"] if isinstance(obj["account"], dict) else None
        else:
            posts.append(obj)
        first = False
    return account, posts


def build_comment(raw, where, platform):
    if not isinstance(raw, dict):
        raise InputError("comment must be an object at " + where)
    if "id" not in raw or "author" not in raw or "created_at" not in raw:
        raise InputError("comment needs id, author, created_at at " + where)
    if not isinstance(raw["author"], str):
        raise InputError("comment author must be a string at " + where)
    parent = raw.get("parent_id")
    text = raw.get("text")
    return {
        "id": id_text(raw["id"], where + "/id"),
        "author": qualified(platform, raw["author"]),
        "time": parse_time(raw["created_at"], where + "/created_at"),
        "text": text if isinstance(text, str) else "",
        "parent_raw": None if parent is None else id_text(parent, where + "/parent_id"),
    }


def build_post(raw, where):
    if not isinstance(raw, dict):
        raise InputError("post must be an object at " + where)
    if "id" not in raw or "created_at" not in raw:
        raise InputError("post needs id and created_at at " + where)
    metrics = {}
    raw_metrics = raw.get("metrics")
    if isinstance(raw_metrics, dict):
        for key in METRIC_KEYS:
            v = raw_metrics.get(key)
            if v is None:
                continue
            if isinstance(v, bool) or not isinstance(v, int) or v < 0:
                raise InputError("metric %s must be a non-negative integer at %s" % (key, where))
            metrics[key] = v
    reply_author = None
    reply_id = None
    irt = raw.get("in_reply_to")
    if isinstance(irt, dict) and isinstance(irt.get("author"), str) and irt["author"] != "":
        reply_author = irt["author"]
    if isinstance(irt, dict) and isinstance(irt.get("id"), (str, int)) and not isinstance(irt.get("id"), bool):
        reply_id = id_text(irt["id"], where + "/in_reply_to/id")
    author = raw.get("author")
    text = raw.get("text")
    platform = raw.get("platform") if isinstance(raw.get("platform"), str) else ""
    comments = []
    for i, c in enumerate(raw.get("comments") or []):
        comments.append(build_comment(c, "%s/comments/%d" % (where, i), platform))
    exported = raw.get("comments_exported")
    post = {
        "comments_known": exported is not False,
        "id": qualified(platform, id_text(raw["id"], where + "/id")),
        "author": qualified(platform, author) if isinstance(author, str) else None,
        "time": parse_time(raw["created_at"], where + "/created_at"),
        "text": text if isinstance(text, str) else "",
        "reply_author": qualified(platform, reply_author),
        "reply_id": qualified(platform, reply_id),
        "metrics": metrics,
        "raw": raw,
        "comments": comments,
    }
    resolve_comments(post)
    return post


def resolve_comments(post):
    """Dedup comment ids (later wins), resolve parents, break cycles."""
    by_id = {}
    for c in post["comments"]:
        by_id[c["id"]] = c  # later replaces earlier
    comments = list(by_id.values())
    for c in comments:
        p = c["parent_raw"]
        if p is None or p == post["id"] or p not in by_id:
            c["parent"] = None
        else:
            c["parent"] = p
    # Find every cycle on the unbroken graph, then break each at its smallest (time, id).
    cycles = []
    for c in comments:
        seen = [c["id"]]
        cur = c["parent"]
        while cur is not None and cur not in seen:
            seen.append(cur)
            cur = by_id[cur]["parent"]
        if cur == c["id"]:  # walked back to c: c is on a cycle, `seen` is that cycle
            members = frozenset(seen)
            if members not in cycles:
                cycles.append(members)
    for members in cycles:
        breaker = min(members, key=lambda cid: (by_id[cid]["time"], cid.encode("utf-8")))
        by_id[breaker]["parent"] = None
    post["comments"] = comments
    post["comment_by_id"] = by_id


def merge_copies(older, newer):
    """One post from copies in two inputs (docs/format.md, "The same post twice"): the newer
    copy's fields, with the text and metrics it lacks from the older; the comments of the copy
    that has them (the newer when both do); comments known if either copy knows them."""
    out = dict(newer)
    if not newer["text"].split():
        out["text"] = older["text"]
        out["raw"] = dict(newer["raw"])
        for key in ("hashtags", "mentions", "text"):
            if key in older["raw"]:
                out["raw"][key] = older["raw"][key]
            else:
                out["raw"].pop(key, None)
    metrics = dict(older["metrics"])
    metrics.update(newer["metrics"])
    out["metrics"] = metrics
    if not newer["comments"]:
        out["comments"] = older["comments"]
        out["comment_by_id"] = older["comment_by_id"]
    out["comments_known"] = older["comments_known"] or newer["comments_known"]
    return out


def load_dataset(paths, cli_accounts):
    names = set(norm_name(a) for a in cli_accounts)
    followers = None
    posts_by_id = {}
    for path in paths:
        account, raw_posts = load_file(path)
        if account is not None:
            for key in ("id", "handle"):
                if account.get(key) is not None:
                    names.add(norm_name(id_text(account[key], "/account/" + key)))
            for alias in account.get("aliases") or []:
                names.add(norm_name(id_text(alias, "/account/aliases")))
            if followers is None and account.get("followers") is not None:
                followers = account["followers"]
        seen_here = set()
        for i, raw in enumerate(raw_posts):
            post = build_post(raw, "/posts/%d" % i)
            post["file"] = path
            earlier = posts_by_id.get(post["id"])
            if earlier is not None and post["id"] not in seen_here:
                post = merge_copies(earlier, post)  # the same post in another input
            posts_by_id.pop(post["id"], None)
            posts_by_id[post["id"]] = post  # within one input, the later copy replaces the earlier
            seen_here.add(post["id"])
    posts = list(posts_by_id.values())
    if not names:
        authors = [bare(norm_name(p["author"])) for p in posts if p["author"] is not None]
        if authors:
            counts = {}
            for a in authors:
                counts[a] = counts.get(a, 0) + 1
            best = max(counts.values())
            names.add(min((a for a in counts if counts[a] == best), key=lambda a: a.encode("utf-8")))
    return {"names": names, "followers": followers, "posts": posts}


# ----------------------------------------------------------------------------- metrics

def compute(dataset, top_n=10):
    names = dataset["names"]

    def is_account(name):
        return bare(name) not in ANONYMOUS and bare(norm_name(name)) in names

    account_posts = [p for p in dataset["posts"] if p["author"] is None or is_account(p["author"])]
    # Whom each post answers (docs/format.md): the post its in_reply_to.id names decides when it
    # is in the data (an account post: the same kind as that one, up the chain; anyone else's:
    # outreach to its author); else in_reply_to.author (the account or nobody: original).
    by_id = {p["id"]: p for p in dataset["posts"]}

    def own(p):
        return p["author"] is None or is_account(p["author"])

    def kind_of(p, depth=0):
        # ("original", whether it continues a self-thread) or ("outreach", the person answered)
        parent = by_id.get(p["reply_id"]) if p["reply_id"] is not None else None
        if parent is not None and own(parent):
            if depth > len(by_id):
                return ("original", False)  # a cycle of self-replies
            kind, what = kind_of(parent, depth + 1)
            return (kind, True) if kind == "original" else (kind, what)
        if parent is not None and parent["author"] is not None:
            return ("outreach", parent["author"])
        if p["reply_author"] is not None and not is_account(p["reply_author"]):
            return ("outreach", p["reply_author"])
        return ("original", p["reply_author"] is not None)

    for p in account_posts:
        p["kind"], what = kind_of(p)
        p["continues"] = p["kind"] == "original" and what
        p["person"] = what if p["kind"] == "outreach" else None
    originals = [p for p in account_posts if p["kind"] == "original"]
    outreach = [p for p in account_posts if p["kind"] == "outreach"]

    # Every comment on an account post, tagged with its post.
    all_comments = []
    for p in account_posts:
        for c in p["comments"]:
            c["post"] = p
            c["is_account"] = is_account(c["author"])
            all_comments.append(c)
    account_comments = [c for c in all_comments if c["is_account"]]
    audience_comments = [c for c in all_comments if not c["is_account"]]

    def parent_of(c):
        if c["parent"] is None:
            return None
        return c["post"]["comment_by_id"][c["parent"]]

    # ------------------------------------------------------------------ ROI
    roi = {}
    n_posts = len(account_posts)
    roi["posts"] = n_posts
    roi["followers"] = dataset["followers"]
    for key in METRIC_KEYS:
        carriers = [p for p in account_posts if key in p["metrics"]]
        roi[key] = sum(p["metrics"][key] for p in carriers) if carriers else None
    comments_known = any(p["comments_known"] for p in account_posts)
    roi["comments"] = len(all_comments) if comments_known else None
    roi["audience_comments"] = len(audience_comments) if comments_known else None

    def post_engagements(p):
        e = 0
        for key in ("likes", "shares", "quotes", "saves", "bookmarks", "clicks"):
            e += p["metrics"].get(key, 0)
        audience_here = len([c for c in p["comments"] if not c["is_account"]])
        if "replies" in p["metrics"]:
            own = len(p["comments"]) - audience_here
            audience_here = max(audience_here, p["metrics"]["replies"] - own)
        return e + audience_here

    # A sum of counts none of which is known is unknown, not 0.
    engagement_keys = ("likes", "shares", "quotes", "saves", "bookmarks", "clicks", "replies")
    engagement_known = comments_known or any(
        key in p["metrics"] for p in account_posts for key in engagement_keys)
    engagements = sum(post_engagements(p) for p in account_posts)
    roi["engagements"] = engagements if engagement_known else None
    with_impr = [p for p in account_posts if p["metrics"].get("impressions", 0) > 0]
    if with_impr:
        roi["engagement_rate_impressions"] = (
            sum(post_engagements(p) for p in with_impr) / sum(p["metrics"]["impressions"] for p in with_impr))
    else:
        roi["engagement_rate_impressions"] = None
    followers = dataset["followers"]
    if followers is None or followers == 0 or n_posts == 0 or not engagement_known:
        roi["engagement_rate_followers"] = None
    else:
        roi["engagement_rate_followers"] = engagements / (n_posts * followers)
    for metric, key in (("applause_rate", "likes"), ("amplification_rate", "shares")):
        carriers = [p for p in account_posts if key in p["metrics"]]
        roi[metric] = ratio(sum(p["metrics"][key] for p in carriers), len(carriers))
    if n_posts == 0:
        roi["posts_per_day"] = None  # no post: nothing to measure
    else:
        times = [p["time"] for p in account_posts]
        span_days = (max(times) - min(times)) / 1000 / 86400
        roi["posts_per_day"] = n_posts / max(1, span_days)

    # ------------------------------------------------------------------ ROR
    ror = {}
    ror["conversation_rate"] = ratio(len(audience_comments),
                                     len([p for p in account_posts if p["comments_known"]]))
    # "[deleted]" and "[removed]" are no one person: their comments count, as no member.
    audience = sorted(set(c["author"] for c in audience_comments if bare(c["author"]) not in ANONYMOUS),
                      key=lambda a: a.encode("utf-8"))
    ror["audience"] = len(audience)

    def answers_to(c):
        return [a for a in account_comments if a["post"] is c["post"] and parent_of(a) is c]

    awaiting = []
    for c in audience_comments:
        parent = parent_of(c)
        if parent is None or parent["is_account"]:
            awaiting.append(c)
    answered = [c for c in awaiting if answers_to(c)]
    ror["response_rate"] = ratio(len(answered), len(awaiting))

    delays_ms = sorted(max(0, min(a["time"] for a in answers_to(c)) - c["time"]) for c in answered)
    n = len(delays_ms)
    if n == 0:
        ror["response_time_median"] = None
        ror["response_time_p90"] = None
    else:
        if n % 2 == 1:
            ror["response_time_median"] = delays_ms[n // 2] / 1000
        else:
            ror["response_time_median"] = (delays_ms[n // 2 - 1] + delays_ms[n // 2]) / 2 / 1000
        rank = (9 * n + 9) // 10  # ceil(0.9 n), in integers
        ror["response_time_p90"] = delays_ms[rank - 1] / 1000

    reciprocated = 0
    for c in answered:
        found = False
        for a in answers_to(c):
            for r in all_comments:
                if (r["post"] is c["post"] and parent_of(r) is a and r["author"] == c["author"]
                        and bare(r["author"]) not in ANONYMOUS):
                    found = True
        if found:
            reciprocated += 1
    ror["reciprocity_rate"] = ratio(reciprocated, len(answered))

    def comments_of(author):
        return [c for c in audience_comments if c["author"] == author]

    repeat = [a for a in audience if len(set(c["post"]["id"] for c in comments_of(a))) >= 2]
    ror["repeat_audience_rate"] = ratio(len(repeat), len(audience))
    retained = [a for a in audience if len(set(utc_month(c["time"]) for c in comments_of(a))) >= 2]
    ror["retained_audience_rate"] = ratio(len(retained), len(audience))
    # What the window cannot show is unknown (docs/metrics.md, "When a metric is unknown"):
    # coming back needs comments known on two posts; staying needs posts in two months.
    two_months = len(set(utc_month(p["time"]) for p in account_posts)) >= 2
    if len([p for p in account_posts if p["comments_known"]]) < 2:
        ror["repeat_audience_rate"] = None
    if not two_months:
        ror["retained_audience_rate"] = None

    substantive = [c for c in audience_comments if len(split_words(c["text"])) >= 15]
    low_effort = [c for c in audience_comments if len(split_words(c["text"])) <= 3]
    ror["substantive_comment_rate"] = ratio(len(substantive), len(audience_comments))
    ror["low_effort_comment_rate"] = ratio(len(low_effort), len(audience_comments))

    carries_action = any("clicks" in p["metrics"] or "conversions" in p["metrics"] for p in account_posts)
    if not carries_action or not with_impr:
        ror["action_rate"] = None
    else:
        actions = sum(p["metrics"].get("clicks", 0) + p["metrics"].get("conversions", 0) for p in with_impr)
        ror["action_rate"] = actions / sum(p["metrics"]["impressions"] for p in with_impr)

    if not audience:
        ror["audience_concentration"] = None
    else:
        counts = sorted((len(comments_of(a)) for a in audience), reverse=True)
        total = sum(counts)
        k = 0
        running = 0
        while 2 * running < total:
            running += counts[k]
            k += 1
        ror["audience_concentration"] = k

    ror["outreach_replies"] = len(outreach)
    people = sorted(set(norm_name(p["person"]) for p in outreach))
    ror["outreach_people"] = len(people)
    retained_people = [
        person for person in people
        if len(set(utc_month(p["time"]) for p in outreach if norm_name(p["person"]) == person)) >= 2
    ]
    ror["outreach_retained_rate"] = ratio(len(retained_people), len(people)) if two_months else None

    rows = []
    for a in audience:
        mine = comments_of(a)
        rows.append({
            "author": a,
            "comments": len(mine),
            "posts": len(set(c["post"]["id"] for c in mine)),
            "first_seen": format_time(min(c["time"] for c in mine)),
            "last_seen": format_time(max(c["time"] for c in mine)),
            "answers": len([x for x in account_comments
                            if parent_of(x) is not None and parent_of(x)["author"] == a]),
        })
    rows.sort(key=lambda r: (-r["comments"], -r["posts"], bare(r["author"]).encode("utf-8"),
                             r["author"].encode("utf-8")))
    for r in rows:
        r["author"] = bare(r["author"])  # (shown without its platform)
    ror["top_audience"] = rows[:top_n]
    if not comments_known:
        # No input holds other people's comments: what needs them is unknown, not 0.
        for key in ("conversation_rate", "audience", "response_rate", "response_time_median",
                    "response_time_p90", "reciprocity_rate", "repeat_audience_rate",
                    "retained_audience_rate", "substantive_comment_rate", "low_effort_comment_rate",
                    "audience_concentration"):
            ror[key] = None
        ror["top_audience"] = []

    # ------------------------------------------------------------------ hygiene
    hyg = {}
    n_orig = len(originals)
    hyg["hashtag_abuse_rate"] = ratio(len([p for p in originals if len(post_tags(p["raw"], "hashtags", "#")) > 2]),
                                      n_orig)
    by_time = sorted(originals, key=lambda p: p["time"])
    duplicates = 0
    for i, p in enumerate(by_time):
        t = normalised_text(p["text"])
        if t != "" and any(normalised_text(q["text"]) == t for q in by_time[:i]):
            duplicates += 1
    hyg["duplicate_post_rate"] = ratio(duplicates, n_orig)

    # A self-thread is one piece of writing: its later parts (answering the account itself)
    # neither make nor join a burst.
    pieces = [p for p in originals if not p["continues"]]

    def in_burst(p):
        # p is in a burst iff some window [q.time, q.time + 600 s] holds p and >= 3 pieces.
        for q in pieces:
            if q["time"] <= p["time"] <= q["time"] + 600000:
                inside = [r for r in pieces if q["time"] <= r["time"] <= q["time"] + 600000]
                if len(inside) >= 3:
                    return True
        return False

    hyg["burst_post_rate"] = ratio(len([p for p in pieces if in_burst(p)]), n_orig)

    answer_texts = [normalised_text(c["text"]) for c in account_comments] + \
                   [normalised_text(p["text"]) for p in outreach]
    canned = 0
    for i, t in enumerate(answer_texts):
        if t != "" and any(answer_texts[j] == t for j in range(len(answer_texts)) if j != i):
            canned += 1
    hyg["canned_reply_rate"] = ratio(canned, len(answer_texts))
    hyg["mention_blast_rate"] = ratio(len([p for p in originals if len(post_tags(p["raw"], "mentions", "@")) >= 3]),
                                      n_orig)
    hyg["broadcast_ratio"] = ratio(n_orig, n_orig + len(account_comments) + len(outreach))

    return {"roi": {"metrics": roi}, "ror": {"metrics": ror}, "hygiene": {"metrics": hyg}}


def score_files(paths, accounts=(), top_n=10):
    return compute(load_dataset(paths, list(accounts)), top_n)


def main(argv=None):
    parser = argparse.ArgumentParser(description="ror/v1 reference metrics")
    parser.add_argument("--account", action="append", default=[])
    parser.add_argument("--top", type=int, default=10)
    parser.add_argument("files", nargs="*")
    args = parser.parse_args(argv)
    try:
        result = score_files(args.files or ["-"], args.account, args.top)
    except (InputError, ValueError, OSError) as e:
        print("ror_reference: error: %s" % e, file=sys.stderr)
        return 3
    json.dump(result, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
