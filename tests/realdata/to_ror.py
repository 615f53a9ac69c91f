#!/usr/bin/env python3
"""Convert real platform exports into ror/v1 JSON documents (a test aid, not the importers).

Usage: python3 to_ror.py FORMAT PATH... [--account NAME] > out.json

FORMAT is one of: mastodon, wordpress, reddit, bluesky, twarc2, twitter-archive.
A PATH may be a file or a folder (every file in it is read; the kind of each file is told
from its content, not its name). The ror/v1 document goes to stdout; what the conversion
skipped or had to guess goes to stderr, one line each, so nothing is dropped silently.

Python 3.11 standard library only. The C++ importers come later; this script exists so the
scorer can be checked on real data now (see run_realdata.py next to it).
"""

import argparse
import collections
import datetime
import html
import html.parser
import json
import os
import re
import sys

FORMATS = ("mastodon", "wordpress", "reddit", "bluesky", "twarc2", "twitter-archive")


# ----------------------------------------------------------------------------- helpers

def note(fmt, message):
    """One line on stderr about something the conversion skipped, guessed or repaired."""
    print("to_ror: %s: %s" % (fmt, message), file=sys.stderr)


class _TextExtractor(html.parser.HTMLParser):
    BLOCK = {"p", "br", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
             "tr", "td", "th", "dt", "dd", "pre", "table", "hr", "figure", "figcaption", "cite"}
    SKIP = {"script", "style"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.skipping += 1
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in self.SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


def strip_html(markup):
    """HTML to plain text: tags dropped, entities decoded, block elements become line breaks.

    Mastodon hides parts of long links in <span class="invisible">; their text is kept, so a
    link comes out whole (https://...) and is recognised as a URL by the scorer."""
    if not markup:
        return ""
    parser = _TextExtractor()
    parser.feed(markup)
    parser.close()
    text = "".join(parser.parts)
    text = re.sub(r"[ \t]*\n[ \t\n]*", "\n", text)
    return text.strip()


def rfc3339_ms(epoch_ms):
    t = datetime.datetime.fromtimestamp(epoch_ms / 1000, datetime.timezone.utc)
    return t.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (epoch_ms % 1000)


def rfc3339_seconds(epoch_s):
    """Float epoch seconds (Reddit's created_utc) to RFC 3339 UTC, millisecond precision."""
    return rfc3339_ms(int(round(float(epoch_s) * 1000)))


def load_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def load_ytd(path):
    """An X archive data file: `window.YTD.<name>.part0 = [...]`."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    prefix = re.match(r"\s*window\.YTD\.[A-Za-z0-9_]+\.part\d+\s*=\s*", text)
    if not prefix:
        raise ValueError("%s: no window.YTD...part0 = prefix" % path)
    return json.loads(text[prefix.end():])


def expand_paths(paths):
    """Files as given; a folder gives its data files (not LICENSE, README, *.md or *.txt)."""
    files = []
    for p in paths:
        if os.path.isdir(p):
            for n in sorted(os.listdir(p)):
                skip = n.upper().startswith(("LICENSE", "README")) or n.endswith((".md", ".txt"))
                if os.path.isfile(os.path.join(p, n)) and not skip:
                    files.append(os.path.join(p, n))
        else:
            files.append(p)
    return files


def drop_none(d):
    return {k: v for k, v in d.items() if v is not None}


def make_metrics(**counts):
    """Only the metrics the platform reports; a missing one stays unknown (not 0)."""
    m = {k: int(v) for k, v in counts.items() if v is not None}
    return m or None


def norm(name):
    name = name[1:] if name.startswith("@") else name
    return "".join(chr(ord(c) + 32) if "A" <= c <= "Z" else c for c in name)


def most_frequent(names):
    """The most frequent name; ties go to the smallest normalised name (as decisions.md infers)."""
    counts = collections.Counter(names)
    if not counts:
        return None
    return min(counts, key=lambda n: (-counts[n], norm(str(n)), str(n)))


def document(account, posts):
    return {"schema": "ror/v1", "account": drop_none(account), "posts": posts}


# ----------------------------------------------------------------------------- mastodon

def mastodon(paths, account_name=None):
    """Mastodon REST API bodies: /accounts/:id, /accounts/:id/statuses pages, /statuses/:id and
    /statuses/:id/context. Statuses are the account's posts; a context's descendants become the
    comments of the status they hang under. A context whose root is another account's status is
    emitted as that account's (foreign) post. Without an account file (and without --account),
    the account is the root author of the first context, so a thread alone can be scored."""
    account = None
    statuses = {}
    contexts = []
    for path in expand_paths(paths):
        data = load_json(path)
        if isinstance(data, list):
            for s in data:
                statuses[s["id"]] = s
        elif "descendants" in data:
            contexts.append((path, data))
        elif "content" in data:
            statuses[data["id"]] = data
        elif "followers_count" in data:
            account = data
        else:
            note("mastodon", "%s: not an account, status list, status or context; ignored" % path)

    # Account ids -> acct names, from every account object and mention seen.
    names = {}
    for s in list(statuses.values()) + [d for _, c in contexts for d in c["ancestors"] + c["descendants"]]:
        for a in (s["account"], (s.get("reblog") or {}).get("account")):
            if a:
                names[a["id"]] = a["acct"]
        for m in s.get("mentions", []):
            names.setdefault(m["id"], m["acct"])

    def root_of(ctx):
        if ctx["ancestors"]:
            return ctx["ancestors"][0]["id"], ctx["ancestors"][0]["account"]["id"]
        inside = {d["id"] for d in ctx["descendants"]}
        for d in ctx["descendants"]:
            if d["in_reply_to_id"] not in inside:
                return d["in_reply_to_id"], d["in_reply_to_account_id"]
        return None, None

    if account is not None:
        acct = {"id": account["id"], "handle": account["acct"], "platform": "mastodon",
                "followers": account.get("followers_count"),
                "aliases": [account["username"], account.get("display_name") or None]}
        host = re.match(r"https?://([^/]+)/", account.get("url", ""))
        if host:
            acct["aliases"].append("%s@%s" % (account["username"], host.group(1)))
        acct["aliases"] = [a for a in acct["aliases"] if a]
        own_id = account["id"]
    elif account_name or contexts:
        own_id = None
        handle = account_name
        if handle is None:
            own_id = root_of(contexts[0][1])[1]
            handle = names.get(own_id, own_id)
            note("mastodon", "no account file: the account is the thread's root author %s" % handle)
        acct = {"handle": handle, "platform": "mastodon"}
    else:
        raise ValueError("mastodon: no account file, no context and no --account")
    own_names = {norm(n) for n in [acct.get("handle") or ""] + acct.get("aliases", []) if n}

    def who(account_id):
        return names.get(account_id, account_id)

    def text_of(s):
        text = strip_html(s.get("content"))
        if s.get("spoiler_text"):
            text = s["spoiler_text"] + "\n" + text
        return text

    def as_post(s):
        src = s.get("reblog") or s
        post = {"id": s["id"], "author": src["account"]["acct"], "created_at": src["created_at"],
                "text": text_of(src), "url": src.get("url"),
                "hashtags": [t["name"] for t in src.get("tags", [])],
                "mentions": [m["acct"] for m in src.get("mentions", [])],
                "metrics": make_metrics(likes=src.get("favourites_count"), shares=src.get("reblogs_count"))}
        if s.get("reblog"):
            post["id"] = s["id"]  # the boost's own id: the boosted status is someone else's post
        elif src.get("in_reply_to_account_id"):
            post["in_reply_to"] = drop_none({"author": who(src["in_reply_to_account_id"]),
                                             "id": src.get("in_reply_to_id")})
        return drop_none(post)

    def as_comment(d, root_id):
        parent = d.get("in_reply_to_id")
        return drop_none({"id": d["id"], "author": d["account"]["acct"], "created_at": d["created_at"],
                          "text": text_of(d), "parent_id": None if parent == root_id else parent,
                          "likes": d.get("favourites_count")})

    posts = {sid: as_post(s) for sid, s in statuses.items()}
    boosts = sum(1 for s in statuses.values() if s.get("reblog"))
    if boosts:
        note("mastodon", "%d boosts emitted as the boosted author's (foreign) posts" % boosts)
    for path, ctx in contexts:
        root_id, root_account = root_of(ctx)
        chain = ctx["ancestors"][1:] + ctx["descendants"]
        comments = [as_comment(d, root_id) for d in chain]
        if root_id in posts:
            post = posts[root_id]
        else:
            # The root status is not in the file: its time comes from the id, a Mastodon
            # snowflake whose upper bits are milliseconds since the epoch.
            root_author = who(root_account)
            post = {"id": root_id, "author": root_author, "created_at": rfc3339_ms(int(root_id) >> 16)}
            posts[root_id] = post
            state = "the account's" if norm(root_author) in own_names else "foreign"
            note("mastodon", "%s: root %s by %s is not in the input (%s post; time from its id)"
                 % (os.path.basename(path), root_id, root_author, state))
        post.setdefault("comments", []).extend(comments)
        # An own status that is now a comment in this thread must not count as a post too.
        for c in comments:
            if c["id"] in posts and c["id"] != root_id:
                del posts[c["id"]]
                note("mastodon", "status %s is a reply in thread %s: kept as a comment only" % (c["id"], root_id))
    return document(acct, sorted(posts.values(), key=lambda p: (p["created_at"], p["id"])))


# ----------------------------------------------------------------------------- wordpress

def wordpress(paths, account_name=None):
    """WordPress REST API: /wp/v2/posts, /wp/v2/comments (all, or per post), /wp/v2/users and
    /wp/v2/tags. Times are date_gmt + 'Z' (date is site-local without a zone); parent 0 is
    top-level; comment authors are author_name; tags become the posts' hashtags."""
    posts_raw, comments_raw, users, tags = {}, {}, [], {}
    for path in expand_paths(paths):  # (the *.headers.txt files are skipped)
        data = load_json(path)
        if not isinstance(data, list) or not data:
            note("wordpress", "%s: not a non-empty list; ignored" % path)
            continue
        first = data[0]
        if "post" in first and "author_name" in first:
            comments_raw.update((c["id"], c) for c in data)
        elif "title" in first and "content" in first:
            posts_raw.update((p["id"], p) for p in data)
        elif "taxonomy" in first:
            tags.update((t["id"], t["name"]) for t in data)
        elif "slug" in first and "avatar_urls" in first:
            users.extend(data)
        else:
            note("wordpress", "%s: unknown list; ignored" % path)

    user_slug = {u["id"]: u["slug"] for u in users}
    by_posts = most_frequent([p["author"] for p in posts_raw.values()])
    owner = next((u for u in users if u["id"] == by_posts), users[0] if users else None)
    if owner is not None:
        acct = {"id": str(owner["id"]), "handle": owner["slug"], "platform": "wordpress",
                "aliases": [owner["name"]]}
    else:
        acct = {"handle": account_name or "wordpress-user-%s" % by_posts, "platform": "wordpress"}
    if account_name:
        acct.setdefault("aliases", []).append(account_name)

    posts = {}
    for p in posts_raw.values():
        text = strip_html(p["title"]["rendered"]) + "\n\n" + strip_html(p["content"]["rendered"])
        post = {"id": str(p["id"]), "author": user_slug.get(p["author"], str(p["author"])),
                "created_at": p["date_gmt"] + "Z", "text": text.strip(), "url": p.get("link"),
                "comments": []}
        if tags:
            post["hashtags"] = [tags[t] for t in p.get("tags", []) if t in tags]
        posts[p["id"]] = post
    orphans = 0
    skipped_types = collections.Counter()
    for c in sorted(comments_raw.values(), key=lambda c: (c["date_gmt"], c["id"])):
        if c.get("type", "comment") != "comment":
            skipped_types[c["type"]] += 1
            continue
        if c["post"] not in posts:
            orphans += 1
            continue
        author = c["author_name"] or user_slug.get(c["author"]) or "anonymous"
        posts[c["post"]]["comments"].append(drop_none({
            "id": str(c["id"]), "author": author, "created_at": c["date_gmt"] + "Z",
            "text": strip_html(c["content"]["rendered"]), "parent_id": str(c["parent"]) if c["parent"] else None}))
    if orphans:
        note("wordpress", "%d comments on posts that are not in the input skipped" % orphans)
    for t, n in skipped_types.items():
        note("wordpress", "%d comments of type %s skipped" % (n, t))
    return document(acct, sorted(posts.values(), key=lambda p: (p["created_at"], p["id"])))


# ----------------------------------------------------------------------------- reddit

def reddit(paths, account_name=None):
    """Reddit /comments/<id>.json threads (and /api/morechildren responses). The submission's
    author is the account. Comments are flattened; t1_/t3_ prefixes are stripped from
    parent_id (a t3_ parent is top-level); `replies: ""` means none; `kind: "more"` stubs
    (comments not included in the response) are skipped and counted on stderr."""
    posts = {}
    stubs = {"stubs": 0, "stand_for": 0}
    extra = []
    author = None

    def strip_prefix(fullname):
        return fullname.split("_", 1)[1] if fullname and "_" in fullname else fullname

    def as_comment(d):
        parent = d.get("parent_id") or ""
        score = d.get("score")
        return drop_none({"id": d["id"], "author": d["author"], "created_at": rfc3339_seconds(d["created_utc"]),
                          "text": d.get("body", ""),
                          "parent_id": None if parent.startswith("t3_") else strip_prefix(parent),
                          "likes": score if isinstance(score, int) and score >= 0 else None})

    def walk(children, out):
        for ch in children:
            if ch["kind"] == "more":
                stubs["stubs"] += 1
                stubs["stand_for"] += ch["data"].get("count", 0)
                continue
            if ch["kind"] != "t1":
                continue
            out.append(as_comment(ch["data"]))
            replies = ch["data"].get("replies")
            if isinstance(replies, dict):  # "" when there are none
                walk(replies["data"]["children"], out)

    for path in expand_paths(paths):
        data = load_json(path)
        if isinstance(data, list) and len(data) == 2:
            sub = data[0]["data"]["children"][0]["data"]
            author = author or sub["author"]
            text = sub.get("title", "")
            if sub.get("selftext"):
                text += "\n\n" + sub["selftext"]
            comments = []
            walk(data[1]["data"]["children"], comments)
            posts[sub["id"]] = {"id": sub["id"], "author": sub["author"],
                                "created_at": rfc3339_seconds(sub["created_utc"]), "text": text,
                                "url": "https://www.reddit.com" + sub["permalink"],
                                "metrics": make_metrics(likes=sub.get("ups"), views=sub.get("view_count")),
                                "comments": comments}
        elif isinstance(data, dict) and "json" in data:
            extra.extend(data["json"]["data"]["things"])
        else:
            note("reddit", "%s: not a thread or morechildren response; ignored" % path)

    added = orphans = 0
    for thing in extra:  # morechildren: a flat list, each thing naming its link and parent
        if thing["kind"] == "more":
            stubs["stubs"] += 1
            stubs["stand_for"] += thing["data"].get("count", 0)
            continue
        post = posts.get(strip_prefix(thing["data"].get("link_id")))
        if post is None:
            orphans += 1
            continue
        if any(c["id"] == thing["data"]["id"] for c in post["comments"]):
            continue
        post["comments"].append(as_comment(thing["data"]))
        added += 1
    if extra:
        note("reddit", "morechildren: %d comments added, %d for threads not in the input" % (added, orphans))
    note("reddit", "skipped %d 'more' stubs standing for %d comments not in the input"
         % (stubs["stubs"], stubs["stand_for"]))
    deleted = sum(1 for p in posts.values() for c in p["comments"] if c["author"] == "[deleted]")
    if deleted:
        note("reddit", "%d comments have the author [deleted] (kept as one name)" % deleted)
    acct = {"handle": account_name or author, "platform": "reddit"}
    return document(acct, sorted(posts.values(), key=lambda p: (p["created_at"], p["id"])))


# ----------------------------------------------------------------------------- bluesky

def bluesky(paths, account_name=None):
    """Bluesky XRPC responses: app.bsky.feed.getAuthorFeed (posts), app.bsky.actor.getProfiles
    (followers) and app.bsky.feed.getPostThread (a thread: its replies become comments).
    Reposts are the original author's (foreign) posts; a reply to someone else is outreach via
    in_reply_to. Hashtags and mentions come from facets (byte offsets into the UTF-8 text);
    a post without tag (mention) facets leaves them to the scorer's text scan."""
    feed, profiles, threads = [], [], []
    for path in expand_paths(paths):
        data = load_json(path)
        if "feed" in data:
            feed.extend(data["feed"])
        elif "profiles" in data:
            profiles.extend(data["profiles"])
        elif "thread" in data:
            threads.append(data["thread"])
        else:
            note("bluesky", "%s: not a feed, profiles or thread response; ignored" % path)

    reposters = [it["reason"]["by"]["did"] for it in feed if it.get("reason")]
    authors = [it["post"]["author"]["did"] for it in feed if not it.get("reason")]
    own_did = most_frequent(reposters + authors)
    handles = {}
    for it in feed:
        for a in (it["post"]["author"], (it.get("reason") or {}).get("by"),
                  *[((it.get("reply") or {}).get(k) or {}).get("author") for k in ("parent", "root")]):
            if a:
                handles[a["did"]] = a["handle"]
    profile = next((p for p in profiles if p["did"] == own_did), profiles[0] if profiles else None)
    if profile is not None:
        own_did = profile["did"]
        acct = {"id": profile["did"], "handle": profile["handle"], "platform": "bluesky",
                "followers": profile.get("followersCount"), "aliases": [profile.get("displayName")]}
    else:
        acct = {"id": own_did, "handle": handles.get(own_did, own_did), "platform": "bluesky", "aliases": []}
    if account_name:
        acct["aliases"].append(account_name)
    acct["aliases"] = [a for a in acct["aliases"] if a]

    def did_of(uri):
        m = re.match(r"at://([^/]+)/", uri or "")
        return m.group(1) if m else None

    def who(did):
        return handles.get(did, did)

    def facets(record, kind):
        text = record.get("text", "").encode("utf-8")
        found, seen = [], False
        for fc in record.get("facets", []):
            for ft in fc.get("features", []):
                if ft.get("$type") == "app.bsky.richtext.facet#tag" and kind == "tag":
                    seen = True
                    found.append(ft["tag"])
                elif ft.get("$type") == "app.bsky.richtext.facet#mention" and kind == "mention":
                    seen = True
                    ix = fc["index"]
                    span = text[ix["byteStart"]:ix["byteEnd"]].decode("utf-8", "replace")
                    found.append(span.lstrip("@") or ft["did"])
        return found if seen else None

    def url_of(post):
        return "https://bsky.app/profile/%s/post/%s" % (post["author"]["handle"], post["uri"].rsplit("/", 1)[-1])

    def as_post(item):
        p = item["post"]
        rec = p["record"]
        post = {"id": p["uri"], "author": p["author"]["handle"], "created_at": rec["createdAt"],
                "text": rec.get("text", ""), "url": url_of(p),
                "hashtags": facets(rec, "tag"), "mentions": facets(rec, "mention"),
                "metrics": make_metrics(likes=p.get("likeCount"), shares=p.get("repostCount"))}
        parent = (rec.get("reply") or {}).get("parent")
        if parent and not item.get("reason"):
            hydrated = ((item.get("reply") or {}).get("parent") or {}).get("author")
            author = hydrated["handle"] if hydrated else who(did_of(parent["uri"]))
            post["in_reply_to"] = {"author": author, "id": parent["uri"]}
        return drop_none(post)

    def thread_comments(node, root_uri, out):
        for r in node.get("replies", []) or []:
            if r.get("$type", "").endswith("#threadViewPost"):
                p = r["post"]
                parent = p["record"].get("reply", {}).get("parent", {}).get("uri")
                out.append(drop_none({"id": p["uri"], "author": p["author"]["handle"],
                                      "created_at": p["record"]["createdAt"], "text": p["record"].get("text", ""),
                                      "parent_id": None if parent == root_uri else parent,
                                      "likes": p.get("likeCount")}))
                thread_comments(r, root_uri, out)

    posts = {}
    for it in feed:
        post = as_post(it)
        posts[post["id"]] = post
    reposts = sum(1 for it in feed if it.get("reason"))
    if reposts:
        note("bluesky", "%d reposts emitted as their authors' (foreign) posts" % reposts)
    unresolved = sum(1 for p in posts.values() if (p.get("in_reply_to") or {}).get("author", "").startswith("did:"))
    if unresolved:
        note("bluesky", "%d replies to deleted/unhydrated posts: in_reply_to.author is the DID" % unresolved)
    for th in threads:
        root = th["post"]
        post = posts.get(root["uri"]) or as_post({"post": root})
        posts[post["id"]] = post
        comments = []
        thread_comments(th, root["uri"], comments)
        post["comments"] = post.get("comments", []) + comments
        if root.get("replyCount", 0) > len(comments):
            note("bluesky", "thread %s: %d of replyCount %d replies present"
                 % (root["uri"], len(comments), root["replyCount"]))
    return document(acct, sorted(posts.values(), key=lambda p: (p["created_at"], p["id"])))


# ----------------------------------------------------------------------------- twarc2

def twarc2(paths, account_name=None):
    """twarc2 "flattened" Twitter API v2 JSONL: one tweet per line with public_metrics and the
    author embedded. The account is --account or the most frequent author; every other
    author's tweet is a foreign post. Retweets are the retweeted author's posts."""
    rows = []
    for path in expand_paths(paths):
        with open(path, encoding="utf-8") as f:
            rows.extend(json.loads(line) for line in f if line.strip())
    if rows and "data" in rows[0] and "author" not in rows[0]:
        raise ValueError("twarc2: unflattened API pages; run `twarc2 flatten` first")
    handle = account_name or most_frequent([r["author"]["username"] for r in rows])
    me = next((r["author"] for r in rows if norm(r["author"]["username"]) == norm(handle)), {})
    acct = {"id": me.get("id"), "handle": handle, "platform": "x",
            "followers": (me.get("public_metrics") or {}).get("followers_count")}
    if not account_name:
        count = sum(1 for r in rows if r["author"]["username"] == handle)
        note("twarc2", "account inferred: %s (%d of %d tweets; the rest are foreign posts)" % (handle, count, len(rows)))

    def retweeted_author(r):
        for ref in r.get("referenced_tweets", []):
            if ref.get("type") == "retweeted":
                if isinstance(ref.get("author"), dict):
                    return ref["author"]["username"]
                m = re.match(r"RT @(\w+):", r["text"])
                return m.group(1) if m else "unknown"
        return None

    posts = []
    for r in rows:
        ent = r.get("entities") or {}
        pm = r.get("public_metrics") or {}
        post = {"id": r["id"], "author": r["author"]["username"], "created_at": r["created_at"],
                "text": html.unescape(r["text"]),
                "url": "https://twitter.com/%s/status/%s" % (r["author"]["username"], r["id"]),
                "hashtags": [h["tag"] for h in ent.get("hashtags", [])],
                "mentions": [m["username"] for m in ent.get("mentions", [])],
                "metrics": make_metrics(likes=pm.get("like_count"), shares=pm.get("retweet_count"),
                                        impressions=pm.get("impression_count"))}
        original = retweeted_author(r)
        if original:
            post["author"] = original
        elif r.get("in_reply_to_user_id"):
            user = r.get("in_reply_to_user") or next(
                (m for m in ent.get("mentions", []) if m.get("id") == r["in_reply_to_user_id"]), None)
            replied = next((t["id"] for t in r.get("referenced_tweets", []) if t.get("type") == "replied_to"), None)
            post["in_reply_to"] = drop_none({"author": user["username"] if user else r["in_reply_to_user_id"],
                                             "id": replied})
        posts.append(drop_none(post))
    return document(acct, posts)


# ----------------------------------------------------------------------------- X archive

def twitter_archive(paths, account_name=None):
    """X "Download your data" archive: data/tweets.js (or tweet.js), account.js, follower.js.
    Each file is `window.YTD.<name>.part0 = [...]`; every number is a string; created_at is
    "Fri Mar 06 13:02:05 +0000 2026". Replies to others are outreach; retweets ("RT @x: ...")
    are the retweeted author's (foreign) posts, retweets of its own tweets are skipped; followers = the number of follower.js entries."""
    tweets, account, followers = [], None, None
    for path in expand_paths(paths):
        name = os.path.basename(path)
        if not name.endswith(".js"):
            continue
        data = load_ytd(path)
        if data and "tweet" in data[0]:
            tweets.extend(d["tweet"] for d in data)
        elif data and "account" in data[0]:
            account = data[0]["account"]
        elif name.startswith("follower"):
            followers = len(data)
    if account is None and not account_name:
        raise ValueError("twitter-archive: no account.js and no --account")
    handle = account["username"] if account else account_name
    own_id = account["accountId"] if account else None
    acct = {"id": own_id, "handle": handle, "platform": "x", "followers": followers,
            "aliases": [a for a in [(account or {}).get("accountDisplayName"), account_name] if a]}
    if followers is None:
        note("twitter-archive", "no follower.js: followers unknown")

    def when(s):
        return datetime.datetime.strptime(s, "%a %b %d %H:%M:%S %z %Y").astimezone(
            datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")

    posts, retweets, self_retweets, no_name = [], 0, 0, 0
    for t in tweets:
        ent = t.get("entities") or {}
        post = {"id": t["id_str"], "author": handle, "created_at": when(t["created_at"]),
                "text": html.unescape(t["full_text"]),
                "url": "https://x.com/%s/status/%s" % (handle, t["id_str"]),
                "hashtags": [h["text"] for h in ent.get("hashtags", [])],
                "mentions": [m["screen_name"] for m in ent.get("user_mentions", [])],
                "metrics": make_metrics(likes=t.get("favorite_count"), shares=t.get("retweet_count"))}
        rt = re.match(r"RT @(\w+):", t["full_text"])
        if rt and norm(rt.group(1)) == norm(handle):
            self_retweets += 1  # a re-broadcast of its own tweet: not a new post
            continue
        if rt:
            post["author"] = rt.group(1)
            retweets += 1
        elif t.get("in_reply_to_user_id_str"):
            replied = t.get("in_reply_to_screen_name")
            if t["in_reply_to_user_id_str"] == own_id:
                replied = handle
            elif not replied:
                replied = t["in_reply_to_user_id_str"]
                no_name += 1
            post["in_reply_to"] = drop_none({"author": replied, "id": t.get("in_reply_to_status_id_str")})
        posts.append(drop_none(post))
    note("twitter-archive", "%d retweets emitted as the retweeted authors' (foreign) posts" % retweets)
    if self_retweets:
        note("twitter-archive", "%d retweets of the account's own tweets skipped (ror/v1 has no reposts)"
             % self_retweets)
    if no_name:
        note("twitter-archive", "%d replies without in_reply_to_screen_name: author is the user id" % no_name)
    return document(acct, posts)


# ----------------------------------------------------------------------------- main

CONVERTERS = {"mastodon": mastodon, "wordpress": wordpress, "reddit": reddit, "bluesky": bluesky,
              "twarc2": twarc2, "twitter-archive": twitter_archive}


def convert(fmt, paths, account=None):
    return CONVERTERS[fmt](paths, account)


def main(argv=None):
    parser = argparse.ArgumentParser(description="convert real platform exports into ror/v1 JSON")
    parser.add_argument("format", choices=FORMATS)
    parser.add_argument("paths", nargs="+", help="files or folders")
    parser.add_argument("--account", help="the account's name (twarc2: instead of the most frequent author)")
    args = parser.parse_args(argv)
    try:
        doc = convert(args.format, args.paths, args.account)
    except (OSError, ValueError, KeyError, IndexError, TypeError) as e:
        print("to_ror: error: %s: %s: %s" % (args.format, type(e).__name__, e), file=sys.stderr)
        return 2
    json.dump(doc, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
