#!/usr/bin/env python3
"""Convert real platform exports into ror/v1 JSON documents: a test oracle, not the importers.

Usage: python3 to_ror.py FORMAT PATH... [--account NAME]... > out.json

FORMAT is one of: twitter-archive, x-api, mastodon-export, mastodon-api, wordpress, reddit,
bluesky (twarc2 and mastodon are kept as older names of x-api and mastodon-api). A PATH may be a
file or a folder; for twitter-archive and mastodon-export also a zip of the export. What each
file holds is told from its content, never from its name. The ror/v1 document goes to stdout;
what the conversion skipped or had to guess goes to stderr, one line each, so nothing is dropped
silently.

For the formats that ror reads itself (x-archive, x-api, mastodon-export, mastodon-api, bluesky)
this script is written from docs/format.md alone, in particular its "What the load decides" (who is
the account, how statuses become posts and comments, which comments are known): `ror score X`
and `to_ror.py FMT X | ror score -` must give the same report, and tests/realdata/run_realdata.py
checks that they do. Because ror/v1 has no notion of a status, the load's outcome is written in
ror/v1 terms: a status placed under a conversation's root is a comment of that root's post; a
post whose comments the export does not hold has `"comments_exported": false`; a self-thread
that continues an outreach reply gets `in_reply_to.author` = the person its first outreach
reply answered.

Python 3.11 standard library only.
"""

import argparse
import collections
import dataclasses
import datetime
import html
import html.parser
import json
import os
import re
import sys
import zipfile

FORMATS = ("twitter-archive", "x-api", "mastodon-export", "mastodon-api", "wordpress", "reddit",
           "bluesky")
OLD_NAMES = {"twarc2": "x-api", "mastodon": "mastodon-api", "x-archive": "twitter-archive"}


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


def read_inputs(paths):
    """(name, text) of every input: a file; each file under a folder (walked in path order); each
    member of a zip. A byte order mark at the start is dropped."""
    def decoded(data):
        text = data.decode("utf-8")
        return text[1:] if text.startswith("\ufeff") else text

    for p in paths:
        if os.path.isdir(p):
            found = []
            for top, _dirs, names in os.walk(p):
                found.extend(os.path.join(top, n) for n in names)
            for f in sorted(found):
                yield from read_inputs([f])
        elif zipfile.is_zipfile(p):
            with zipfile.ZipFile(p) as z:
                for member in sorted(z.namelist()):
                    if not member.endswith("/"):
                        yield "%s:%s" % (p, member), decoded(z.read(member))
        else:
            with open(p, "rb") as f:
                yield p, decoded(f.read())


def drop_none(d):
    return {k: v for k, v in d.items() if v is not None}


def make_metrics(**counts):
    """Only the metrics the platform reports; a missing one stays unknown (not 0)."""
    m = {k: int(v) for k, v in counts.items() if v is not None}
    return m or None


def norm(name):
    """A name as ror compares it: one leading @ removed, ASCII letters lower-cased."""
    name = name[1:] if name.startswith("@") else name
    return "".join(chr(ord(c) + 32) if "A" <= c <= "Z" else c for c in name)


def most_frequent(names):
    """The most frequent name; ties go to the smallest normalised name."""
    counts = collections.Counter(names)
    if not counts:
        return None
    return min(counts, key=lambda n: (-counts[n], norm(str(n)), str(n)))


def document(account, posts):
    return {"schema": "ror/v1", "account": drop_none(account), "posts": posts}


def count_notes(fmt, counter, what):
    for reason, n in sorted(counter.items()):
        if n:
            note(fmt, "%d %s: %s" % (n, what, reason))


# ----------------------------------------------------------------------------- the account

@dataclasses.dataclass
class Account:
    """Whose export this is. `names()` are the names ror recognises it by (docs/format.md,
    "Who is the account"): its id, handle and aliases, normalised."""
    platform: str
    handle: str | None = None
    id: str | None = None
    followers: int | None = None
    aliases: list = dataclasses.field(default_factory=list)

    def names(self):
        return {norm(n) for n in [self.handle, self.id, *self.aliases] if n}

    def owns(self, name):
        """A status without an author is the account's."""
        return name is None or norm(name) in self.names()

    def add_name(self, name):
        if name and norm(name) not in self.names():
            if self.handle is None:
                self.handle = name
            else:
                self.aliases.append(name)

    def as_json(self):
        return {"id": self.id, "handle": self.handle, "platform": self.platform,
                "followers": self.followers, "aliases": self.aliases or None}


@dataclasses.dataclass
class Profile:
    """A user as an API response shows it (X `user`/`author`, a Mastodon status's `account`)."""
    id: str | None
    handle: str | None
    followers: int | None


def decide_account(fmt, account, statuses, profiles, cli_names, thread_guess=None):
    """The account is what the exports name (`account`, already filled by the converter) plus
    --account; when nothing names it, the thread's first author (`thread_guess`), else the most
    frequent status author (ties: the smallest normalised name). Then the account's own profile,
    when one is seen, gives its id and follower count where nothing else did, and its id and
    handle become names of the account."""
    for name in cli_names:
        account.add_name(name)
    if not account.names():
        if thread_guess is not None:
            account.handle = thread_guess
            note(fmt, "no account named: the thread's first author %s is taken" % thread_guess)
        else:
            authors = [norm(s.author) for s in statuses if s.author is not None]
            if authors:
                counts = collections.Counter(authors)
                best = max(counts.values())
                chosen = min(a for a in counts if counts[a] == best)
                account.handle = next(s.author for s in statuses
                                      if s.author is not None and norm(s.author) == chosen)
                note(fmt, "no account named: the most frequent author %s is taken (%d of %d statuses)"
                     % (account.handle, best, len(authors)))
    names = account.names()
    mine = next((p for p in profiles
                 if (p.handle and norm(p.handle) in names) or (p.id and norm(p.id) in names)), None)
    if mine is not None:
        if account.id is None:
            account.id = mine.id
        if account.followers is None:
            account.followers = mine.followers
        account.add_name(mine.id)
        account.add_name(mine.handle)
    return account


# ----------------------------------------------------------------------------- statuses and threads

@dataclasses.dataclass
class Status:
    """One status (tweet, toot) as a platform hands it over, before the load places it."""
    id: str
    author: str | None            # None: the account (an export that holds only its tweets)
    created_at: str
    text: str = ""
    url: str | None = None
    hashtags: list | None = None  # None: not given, so ror scans the text
    mentions: list | None = None
    metrics: dict | None = None
    reply_to: str | None = None          # the id of the status it answers
    reply_to_author: str | None = None   # the author of that status, as the export names them
    conversation: str | None = None      # the id of its conversation's first status, when known
    comments_known: bool = False  # its input holds the replies other people wrote to it
    collected_reply: bool = False  # its input collects replies: placed under a root, it is one


class Statuses:
    """The statuses of all inputs, by id. Within one input a repeated id replaces the earlier
    status; across inputs the copies are one status: the later copy's fields, with the text and
    each metric it lacks taken from the earlier (docs/format.md, "The same post twice")."""

    def __init__(self, fmt):
        self.fmt = fmt
        self.by_id = {}
        self.source = {}
        self.merged = 0
        self.replaced = 0

    def add(self, status, source):
        earlier = self.by_id.get(status.id)
        if earlier is not None and self.source[status.id] == source:
            self.replaced += 1
        elif earlier is not None:
            self.merged += 1
            if not status.text.split():
                status.text, status.hashtags, status.mentions = earlier.text, earlier.hashtags, earlier.mentions
            if earlier.metrics:
                status.metrics = {**earlier.metrics, **(status.metrics or {})}
            status.conversation = status.conversation or earlier.conversation
            status.comments_known = status.comments_known or earlier.comments_known
            status.collected_reply = status.collected_reply or earlier.collected_reply
        self.by_id.pop(status.id, None)
        self.by_id[status.id] = status
        self.source[status.id] = source

    def __contains__(self, status_id):
        return status_id in self.by_id

    def all(self):
        return list(self.by_id.values())

    def report(self):
        if self.merged:
            note(self.fmt, "%d statuses given twice, in two inputs: merged" % self.merged)
        if self.replaced:
            note(self.fmt, "%d statuses repeated within one input: the later kept" % self.replaced)


def place_statuses(fmt, account, statuses):
    """docs/format.md, "Threads": every status becomes a post or a comment, in ror/v1 terms.

    The root of a conversation is its first status when that is in the data, answers nothing and
    is the account's; the conversation is the platform's (`Status.conversation`) or else the chain
    of statuses each answers, as far as it is in the data. Every other status of a rooted
    conversation is a comment on the root, except the account's self-thread (statuses answering
    the account's own, all the way up to the root or to a missing status of its own), which stays
    posts. The rest stay posts:
    the account's answers to other people are outreach, and so is a self-thread continuing one;
    other people's are foreign.

    A post's comments are known when its input holds other people's replies to it
    (`Status.comments_known`: a Mastodon context), when comments from an input that collects
    replies are joined to it (`Status.collected_reply`: X API responses, a Mastodon context; not
    an account's page of statuses), or when the platform counts 0 replies for it while some post
    did receive such comments from other people; else they are unknown (docs/format.md, "What an
    export does not carry stays unknown")."""
    by_id = {s.id: s for s in statuses}

    def parent(s):
        return by_id.get(s.reply_to) if s.reply_to is not None else None

    def answers_nothing(s):
        return s.reply_to is None and s.reply_to_author is None

    def first_of_conversation(s):
        if s.conversation is not None:
            return by_id.get(s.conversation)
        seen, cur = {s.id}, s
        while parent(cur) is not None and parent(cur).id not in seen:
            cur = parent(cur)
            seen.add(cur.id)
        return cur

    def is_root(r):
        return r is not None and answers_nothing(r) and account.owns(r.author)

    def in_self_thread(s, root):
        """The account answering itself all the way up to the root, or up to a status of its own
        that is missing from the data (docs/format.md, Threads)."""
        seen, cur = set(), s
        while cur is not root:
            if not account.owns(cur.author) or cur.id in seen:
                return False
            seen.add(cur.id)
            up = parent(cur)
            if up is None:
                return account.owns(cur.reply_to_author)
            cur = up
        return True

    def outreach_target(s):
        """Whom the account's status s is outreach to (None: it is original). Up the account's
        own statuses to its first reply: the author that one answers, unless it is the account."""
        seen, cur = set(), s
        while cur.id not in seen:
            seen.add(cur.id)
            if answers_nothing(cur):
                return None
            p = parent(cur)
            if p is None:
                return None if account.owns(cur.reply_to_author) else cur.reply_to_author
            if not account.owns(p.author):
                return p.author
            cur = p
        return None

    # Which statuses are comments, and on which root.
    root_of = {}
    for s in statuses:
        first = first_of_conversation(s)
        if first is s or not is_root(first):
            continue
        if account.owns(s.author) and in_self_thread(s, first):
            continue
        root_of[s.id] = first.id

    comments = collections.defaultdict(list)
    for s in statuses:
        if s.id not in root_of:
            continue
        p = parent(s)
        parent_id = p.id if p is not None and root_of.get(p.id) == root_of[s.id] else None
        comments[root_of[s.id]].append(drop_none({
            "id": s.id, "author": s.author if s.author is not None else account.handle,
            "created_at": s.created_at, "text": s.text, "parent_id": parent_id,
            "likes": (s.metrics or {}).get("likes")}))
    joined = {root for s_id, root in root_of.items() if by_id[s_id].collected_reply}
    someone_commented = any(by_id[s_id].collected_reply and not account.owns(by_id[s_id].author)
                            for s_id in root_of)

    posts, kinds = [], collections.Counter()
    for s in statuses:
        if s.id in root_of:
            continue
        post = {"id": s.id, "author": s.author, "created_at": s.created_at, "text": s.text,
                "url": s.url, "hashtags": s.hashtags, "mentions": s.mentions, "metrics": s.metrics}
        if not account.owns(s.author):
            kinds["foreign"] += 1
            posts.append(drop_none(post))
            continue
        target = outreach_target(s)
        if target is not None:
            kinds["outreach"] += 1
            post["in_reply_to"] = drop_none({"author": target, "id": s.reply_to})
        else:
            kinds["original"] += 1
            if not answers_nothing(s):
                post["in_reply_to"] = drop_none({"author": account.handle, "id": s.reply_to})
        if s.id in comments:
            post["comments"] = comments[s.id]
        measured_none = someone_commented and (s.metrics or {}).get("replies") == 0
        if not (s.comments_known or s.id in joined or measured_none):
            post["comments_exported"] = False
        posts.append(drop_none(post))
    placed = sum(len(cs) for cs in comments.values())
    note(fmt, "%d statuses: %d original, %d outreach, %d foreign posts; %d placed as comments under %d roots"
         % (len(statuses), kinds["original"], kinds["outreach"], kinds["foreign"], placed, len(comments)))
    return posts


# ----------------------------------------------------------------------------- X, shared

def x_text(text):
    """X writes &amp;, &lt; and &gt; for the three characters; nothing else is encoded."""
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def x_time(s):
    """'Fri Mar 06 13:02:05 +0000 2026' (archive, API v1.1) to RFC 3339 in UTC."""
    t = datetime.datetime.strptime(s, "%a %b %d %H:%M:%S %z %Y")
    return t.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def x_number(v):
    """Archive numbers are strings, API numbers are numbers."""
    return None if v is None else int(v)


def classic_tweet(t, author):
    """A tweet of an X archive or of API v1.1 as a Status (None if it is a retweet)."""
    text = t.get("full_text", t.get("text", ""))
    if "retweeted_status" in t or text.startswith("RT @"):
        return None
    ent = t.get("entities") or {}
    return Status(
        id=str(t["id_str"]), author=author, created_at=x_time(t["created_at"]), text=x_text(text),
        hashtags=[h["text"] for h in ent["hashtags"]] if "hashtags" in ent else None,
        mentions=[m["screen_name"] for m in ent["user_mentions"]] if "user_mentions" in ent else None,
        metrics=make_metrics(likes=x_number(t.get("favorite_count")), shares=x_number(t.get("retweet_count"))),
        reply_to=t.get("in_reply_to_status_id_str") or None,
        reply_to_author=t.get("in_reply_to_screen_name") or t.get("in_reply_to_user_id_str") or None)


# ----------------------------------------------------------------------------- X archive

YTD = re.compile(r"\s*window\.YTD\.([A-Za-z0-9_]+)\.part\d+\s*=\s*")
THAR = re.compile(r"\s*window\.__THAR_CONFIG\s*=\s*")


def twitter_archive(paths, cli_names=()):
    """X "Download your data" (docs/format.md, "X archive"): the zip, its folder or its data
    files, each a script `window.YTD.<name>.partN = [...]` (manifest.js: `window.__THAR_CONFIG =
    {...}`), every number a string. account.js and manifest.js name the account, follower.js
    counts its followers, tweets.js (tweet.js, tweets-partN.js) holds its tweets; every other
    file is skipped. Retweets and the earlier versions of edited tweets are skipped. The archive
    holds no tweet by anyone else, so no post's comments are known."""
    fmt = "twitter-archive"
    account = Account("x")
    tweets, followers, skipped = [], None, collections.Counter()
    for name, text in read_inputs(paths):
        ytd, thar = YTD.match(text), THAR.match(text)
        if thar:
            info = json.loads(text[thar.end():].rstrip().rstrip(";")).get("userInfo") or {}
            account.handle = account.handle or info.get("userName")
            account.id = account.id or info.get("accountId")
            account.add_name(info.get("accountId"))
            continue
        if not ytd:
            skipped["files that are not archive data"] += 1
            continue
        items = json.loads(text[ytd.end():].rstrip().rstrip(";"))
        if any("tweet" in i for i in items):
            tweets.extend(i["tweet"] for i in items if "tweet" in i)
        elif any("account" in i for i in items):
            a = items[0]["account"]
            account.handle = account.handle or a.get("username")
            account.id = account.id or a.get("accountId")
            for n in (a.get("accountId"), a.get("username"), a.get("accountDisplayName")):
                account.add_name(n)
        elif ytd.group(1) == "follower":
            followers = (followers or 0) + len(items)
        else:
            skipped["archive files without tweets (%s)" % ytd.group(1)] += 1
    account.followers = followers
    for n in cli_names:
        account.add_name(n)
    if followers is None:
        note(fmt, "no follower.js: followers unknown")

    # Every version of an edited tweet but the last listed in editTweetIds is left out.
    earlier_versions = set()
    for t in tweets:
        info = t.get("edit_info") or {}
        ids = ((info.get("initial") or {}).get("editTweetIds")
               or ((info.get("edit") or {}).get("editControlInitial") or {}).get("editTweetIds") or [])
        earlier_versions.update(ids[:-1])

    statuses = Statuses(fmt)
    for t in tweets:
        if t["id_str"] in earlier_versions:
            skipped["earlier versions of edited tweets"] += 1
            continue
        status = classic_tweet(t, None)
        if status is None:
            skipped["retweets"] += 1
            continue
        status.url = "https://x.com/%s/status/%s" % (account.handle or "i", status.id)
        statuses.add(status, "archive")
    note(fmt, "%d tweets read" % len(tweets))
    count_notes(fmt, skipped, "skipped")
    statuses.report()
    posts = place_statuses(fmt, account, statuses.all())
    return document(account.as_json(), posts)


# ----------------------------------------------------------------------------- X API

V2_METRICS = {"like_count": "likes", "retweet_count": "shares", "quote_count": "quotes",
              "reply_count": "replies", "bookmark_count": "bookmarks",
              "impression_count": "impressions", "url_link_clicks": "clicks"}


def x_api(paths, cli_names=()):
    """X API responses (docs/format.md, "X API"): v2 pages `{"data", "includes", "errors",
    "meta"}` one per line (twarc2's raw output) or one per file, authors resolved through
    includes.users (includes.tweets are context and not read); twarc2's flattened tweets, one per
    line with `author` embedded; API v1.1 timelines (an array of statuses with `user`) or one
    status. Retweets are skipped. The account is --account, else the most frequent author; the
    account's own user object gives its id and follower count. Tweets are placed by the
    Threads rules, the conversation given by conversation_id (v2) or the chain of replies."""
    fmt = "x-api"
    statuses, profiles, skipped = Statuses(fmt), [], collections.Counter()

    def profile(user):
        if isinstance(user, dict) and user.get("username", user.get("screen_name")):
            pm = user.get("public_metrics") or {}
            followers = pm.get("followers_count", user.get("followers_count"))
            profiles.append(Profile(str(user.get("id_str") or user.get("id") or "") or None,
                                    user.get("username", user.get("screen_name")), x_number(followers)))

    def v2_tweet(t, users):
        """A v2 tweet (of a page, or flattened with `author`) as a Status; None for a retweet."""
        refs = t.get("referenced_tweets") or []
        if any(r.get("type") == "retweeted" for r in refs):
            return None
        author = t.get("author") if isinstance(t.get("author"), dict) else users.get(t.get("author_id"))
        ent = t.get("entities") or {}
        metrics = {}
        for group in ("public_metrics", "organic_metrics", "non_public_metrics"):
            for key, v in (t.get(group) or {}).items():
                if key in V2_METRICS and v is not None:
                    metrics.setdefault(V2_METRICS[key], int(v))
        replied_user = t.get("in_reply_to_user_id")
        if replied_user is not None:
            known = t.get("in_reply_to_user") or users.get(replied_user) or next(
                (m for m in ent.get("mentions", []) if m.get("id") == replied_user), None)
            replied_user = known["username"] if known and known.get("username") else replied_user
        text = (t.get("note_tweet") or {}).get("text") or t.get("text", "")
        return Status(
            id=str(t["id"]), author=author["username"] if author else t.get("author_id"),
            created_at=t["created_at"], text=x_text(text),
            url="https://x.com/%s/status/%s" % (author["username"] if author else "i", t["id"]),
            hashtags=[h["tag"] for h in ent["hashtags"]] if "hashtags" in ent else None,
            mentions=[m["username"] for m in ent["mentions"]] if "mentions" in ent else None,
            metrics=metrics or None,
            reply_to=next((r["id"] for r in refs if r.get("type") == "replied_to"), None),
            reply_to_author=replied_user, conversation=t.get("conversation_id"), collected_reply=True)

    def read_value(value, source):
        if isinstance(value, list):
            for v in value:
                read_value(v, source)
        elif isinstance(value, dict) and "data" in value:  # a v2 page
            includes = value.get("includes") or {}
            users = {u["id"]: u for u in includes.get("users", [])}
            for u in includes.get("users", []):
                profile(u)
            skipped["tweets in includes (context, not read)"] += len(includes.get("tweets", []))
            skipped["errors reported in pages"] += len(value.get("errors") or [])
            data = value["data"] if isinstance(value["data"], list) else [value["data"]]
            for t in data:
                add(v2_tweet(t, users), source)
        elif isinstance(value, dict) and isinstance(value.get("user"), dict):  # API v1.1
            profile(value["user"])
            status = classic_tweet(value, value["user"]["screen_name"])
            if status is not None:
                status.collected_reply = True
            add(status, source)
        elif isinstance(value, dict) and isinstance(value.get("author"), dict):  # twarc2 flattened
            profile(value["author"])
            add(v2_tweet(value, {}), source)
        else:
            skipped["values that are not tweets or pages"] += 1

    def add(status, source):
        if status is None:
            skipped["retweets"] += 1
        else:
            statuses.add(status, source)

    for name, text in read_inputs(paths):
        try:
            values = [json.loads(text)]
        except json.JSONDecodeError:
            values = [json.loads(line) for line in text.split("\n") if line.strip()]
        for v in values:
            read_value(v, name)
    count_notes(fmt, skipped, "skipped")
    statuses.report()
    account = decide_account(fmt, Account("x"), statuses.all(), profiles, cli_names)
    posts = place_statuses(fmt, account, statuses.all())
    return document(account.as_json(), posts)


# ----------------------------------------------------------------------------- Mastodon, shared

PUBLIC = {"https://www.w3.org/ns/activitystreams#Public", "as:Public", "Public"}


def mastodon_text(summary, content):
    """A content warning (spoiler text, summary) comes before the text."""
    text = strip_html(content)
    return (summary + "\n" + text) if summary else text


def snowflake_time(status_id):
    """Mastodon ids begin with the time: the id shifted right by 16 bits is epoch milliseconds."""
    return rfc3339_ms(int(status_id) >> 16)


# ----------------------------------------------------------------------------- Mastodon export

USER_URI = re.compile(r"^https?://([^/]+)/users/([^/]+)$")
STATUS_URI = re.compile(r"^(https?://[^/]+/users/[^/]+)/statuses/(\d+)$")


def mastodon_export(paths, cli_names=()):
    """A Mastodon account export (docs/format.md, "Mastodon export"): outbox.json (an
    OrderedCollection of activities) and actor.json (the account's Person), or the folder or zip
    holding them. Each Create's Note is a status; its id is the number ending the account's own
    status URIs (https://host/users/name/statuses/<n>), any other URI whole. Announces (boosts)
    and notes addressed to neither the public nor the followers (direct messages) are skipped.
    The export holds nobody else's statuses, so no post's comments are known."""
    fmt = "mastodon-export"
    account = Account("mastodon")
    notes_seen, skipped = [], collections.Counter()
    for name, text in read_inputs(paths):
        try:
            data = json.loads(text)
        except json.JSONDecodeError:
            skipped["files that are not JSON"] += 1
            continue
        kind = data.get("type") if isinstance(data, dict) else None
        if kind in ("OrderedCollection", "OrderedCollectionPage") and "orderedItems" in data:
            items = data["orderedItems"]
            if data.get("totalItems") is not None and data["totalItems"] != len(items):
                note(fmt, "%s: totalItems says %d, but %d activities are given"
                     % (name, data["totalItems"], len(items)))
            if any(isinstance(i, dict) and i.get("type") in ("Create", "Announce") for i in items):
                notes_seen.extend(items)
            else:
                skipped["collections without posts (likes, bookmarks)"] += 1
        elif kind in ("Person", "Service", "Group", "Application", "Organization"):
            host = re.match(r"https?://([^/]+)/", data.get("id", ""))
            handle = data.get("preferredUsername")
            account.handle = "%s@%s" % (handle, host.group(1)) if handle and host else handle
            for n in (data.get("id"), data.get("url"), data.get("name")):
                account.add_name(n)
        else:
            skipped["files that hold no posts"] += 1

    def person(uri):
        """https://host/users/name as name@host; any other URI as it is."""
        m = USER_URI.match(uri or "")
        return "%s@%s" % (m.group(2), m.group(1)) if m else uri

    def status_id(uri, actor):
        m = STATUS_URI.match(uri or "")
        return m.group(2) if m and m.group(1) == actor else uri

    statuses = Statuses(fmt)
    for activity in notes_seen:
        kind = activity.get("type")
        if kind == "Announce":
            skipped["boosts"] += 1
            continue
        obj = activity.get("object")
        if kind != "Create" or not isinstance(obj, dict):
            skipped["activities that are not a Create of a note"] += 1
            continue
        audience = set(obj.get("to") or []) | set(obj.get("cc") or [])
        actor = obj.get("attributedTo") or activity.get("actor")
        if not audience & PUBLIC and not any(a.endswith("/followers") for a in audience):
            skipped["direct messages"] += 1
            continue
        tags = obj.get("tag") or []
        mention_names = [t["name"].lstrip("@") for t in tags if t.get("type") == "Mention" and t.get("name")]
        reply_to, reply_author = obj.get("inReplyTo"), None
        if reply_to:
            m = STATUS_URI.match(reply_to)
            reply_author = person(m.group(1)) if m else (mention_names[0] if mention_names else None)
            reply_to = status_id(reply_to, actor) if m else reply_to
        statuses.add(Status(
            id=status_id(obj["id"], actor), author=person(actor), created_at=obj["published"],
            text=mastodon_text(obj.get("summary"), obj.get("content")), url=obj.get("url"),
            hashtags=[t["name"].lstrip("#") for t in tags if t.get("type") == "Hashtag" and t.get("name")],
            mentions=mention_names, reply_to=reply_to or None, reply_to_author=reply_author), "outbox")
    count_notes(fmt, skipped, "skipped")
    statuses.report()
    account = decide_account(fmt, account, statuses.all(), [], cli_names)
    posts = place_statuses(fmt, account, statuses.all())
    return document(account.as_json(), posts)


# ----------------------------------------------------------------------------- Mastodon API

def mastodon_api(paths, cli_names=()):
    """Mastodon REST API responses (docs/format.md, "Mastodon REST API"): pages of statuses
    (/api/v1/accounts/:id/statuses, timelines), a status, an account (/api/v1/accounts/:id) and
    contexts (/api/v1/statuses/:id/context). An account response names the account. Boosts and
    direct statuses are skipped. A context is one conversation: its statuses are placed under its
    first status when that is the account's; when the context lacks its first status, a stand-in
    post is made from that status's id (time from the snowflake) and the author its replies
    answer, and that author is the account if nothing names one."""
    fmt = "mastodon-api"
    account = Account("mastodon")
    statuses, profiles, skipped = Statuses(fmt), [], collections.Counter()
    thread_guess = None

    def as_status(s, names, conversation=None):
        """A Status from a Mastodon status; `names` resolves account ids to accts within its
        response."""
        a = s["account"]
        profiles.append(Profile(a.get("id"), a.get("acct"), a.get("followers_count")))
        irt_account = s.get("in_reply_to_account_id")
        return Status(
            id=s["id"], author=a["acct"], created_at=s["created_at"],
            text=mastodon_text(s.get("spoiler_text"), s.get("content")), url=s.get("url"),
            hashtags=[t["name"] for t in s.get("tags") or []],
            mentions=[m["acct"] for m in s.get("mentions") or []],
            metrics=make_metrics(likes=s.get("favourites_count"), shares=s.get("reblogs_count"),
                                 replies=s.get("replies_count"), quotes=s.get("quotes_count")),
            reply_to=s.get("in_reply_to_id"),
            reply_to_author=names.get(irt_account, irt_account) if irt_account else None,
            conversation=conversation, comments_known=conversation is not None,
            collected_reply=conversation is not None)

    def scored(s):
        if s.get("reblog"):
            skipped["boosts"] += 1
        elif s.get("visibility") == "direct":
            skipped["direct messages"] += 1
        else:
            return True
        return False

    def names_in(response_statuses):
        names = {}
        for s in response_statuses:
            for m in s.get("mentions") or []:
                names.setdefault(m["id"], m["acct"])
        for s in response_statuses:
            names[s["account"]["id"]] = s["account"]["acct"]
        return names

    for name, text in read_inputs(paths):
        data = json.loads(text)
        if isinstance(data, list):
            names = names_in(data)
            for s in data:
                if scored(s):
                    statuses.add(as_status(s, names), name)
        elif isinstance(data, dict) and "descendants" in data:
            chain = data.get("ancestors", []) + data["descendants"]
            names = names_in(chain)
            inside = {s["id"] for s in chain}
            first = chain[0] if data.get("ancestors") else None
            if first is not None and first.get("in_reply_to_id") is None:
                root_id = first["id"]
            else:
                # The context does not hold its first status: a stand-in, from the replies to it.
                replies = [s for s in chain if s.get("in_reply_to_id") not in inside]
                root_id = replies[0]["in_reply_to_id"]
                author_id = replies[0].get("in_reply_to_account_id")
                author = names.get(author_id, author_id)
                statuses.add(Status(id=root_id, author=author, created_at=snowflake_time(root_id),
                                    conversation=root_id, comments_known=True, collected_reply=True), name)
                note(fmt, "%s: the thread's first status %s is not in it: a stand-in by %s"
                     % (name, root_id, author))
            for s in chain:
                if scored(s):
                    statuses.add(as_status(s, names, conversation=root_id), name)
            if thread_guess is None and root_id in statuses:
                thread_guess = statuses.by_id[root_id].author
        elif isinstance(data, dict) and "content" in data and "account" in data:
            if scored(data):
                statuses.add(as_status(data, names_in([data])), name)
        elif isinstance(data, dict) and "acct" in data:
            account.handle = account.handle or data.get("acct")
            account.id = account.id or data.get("id")
            account.followers = data.get("followers_count") if account.followers is None else account.followers
            for n in (data.get("acct"), data.get("id"), data.get("url"), data.get("display_name")):
                account.add_name(n)
        else:
            skipped["responses that are not statuses, a context or an account"] += 1
    count_notes(fmt, skipped, "skipped")
    statuses.report()
    account = decide_account(fmt, account, statuses.all(), profiles, cli_names, thread_guess)
    posts = place_statuses(fmt, account, statuses.all())
    return document(account.as_json(), posts)



# ----------------------------------------------------------------------------- wordpress

def wordpress(paths, account_name=None):
    """WordPress REST API: /wp/v2/posts, /wp/v2/comments (all, or per post), /wp/v2/users and
    /wp/v2/tags, as docs/format.md ("WordPress REST API") says. Times are date_gmt + 'Z' (date is
    site-local without a zone); parent 0 is top-level; a user (a post's author, a registered
    commenter) is named by the user id, a visitor (author 0) by author_name. Tags and categories
    are taxonomy ids, not hashtags: hashtags are the ones in the text. Only published posts
    (not pages) and approved comments of type comment are read. A post none of whose comments is
    in the input has unknown comments (the API gives no comment count). The site is the account:
    every author of its posts and every user who may publish, unless --account names it."""
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

    skipped = collections.Counter()
    kept = {}
    for p in posts_raw.values():
        if p.get("type", "post") != "post":
            skipped["items of type %s" % p["type"]] += 1
        elif p.get("status", "publish") != "publish":
            skipped["posts not published"] += 1
        else:
            kept[p["id"]] = p
    user_by_id = {u["id"]: u for u in users}
    publishers = [u for u in users if "roles" not in u or
                  set(u["roles"]) & {"administrator", "editor", "author"}]
    if account_name:
        named = next((u for u in users if account_name.lstrip("@").lower() in
                      (u["slug"].lower(), str(u["id"]), u["name"].lower())), None)
        acct = {"handle": account_name, "platform": "wordpress"}
        if named is not None:
            acct.update({"id": str(named["id"]), "aliases": [named["slug"]]})
    else:
        names = set(str(p["author"]) for p in kept.values())
        for u in publishers:
            names.update((str(u["id"]), u["slug"], u["name"]))
        by_posts = most_frequent([p["author"] for p in kept.values()])
        owner = user_by_id.get(by_posts) or (publishers[0] if publishers else None)
        acct = {"platform": "wordpress", "aliases": sorted(n for n in names if n)}
        if owner is not None:
            acct.update({"id": str(owner["id"]), "handle": owner["slug"]})

    posts = {}
    for p in kept.values():
        title = strip_html(p["title"]["rendered"])
        content = strip_html(p["content"]["rendered"])
        text = title + ("\n\n" if title and content else "") + content
        posts[p["id"]] = {"id": str(p["id"]), "author": str(p["author"]),
                          "created_at": p["date_gmt"] + "Z", "text": text, "url": p.get("link"),
                          "comments": []}
    orphans = 0
    for c in sorted(comments_raw.values(), key=lambda c: (c["date_gmt"], c["id"])):
        if c.get("type", "comment") in ("pingback", "trackback"):
            skipped["pingbacks and trackbacks"] += 1
            continue
        if c.get("type", "comment") not in ("comment", ""):
            skipped["comments of type %s" % c["type"]] += 1
            continue
        if c.get("status", "approved") != "approved":
            skipped["comments not approved"] += 1
            continue
        if c["post"] not in posts:
            orphans += 1
            continue
        author = str(c["author"]) if c.get("author") else (c.get("author_name") or "anonymous")
        posts[c["post"]]["comments"].append(drop_none({
            "id": str(c["id"]), "author": author, "created_at": c["date_gmt"] + "Z",
            "text": strip_html(c["content"]["rendered"]), "parent_id": str(c["parent"]) if c["parent"] else None}))
    for post in posts.values():
        if not post["comments"]:
            post["comments_exported"] = False
    if orphans:
        note("wordpress", "%d comments on posts that are not in the input skipped" % orphans)
    for why, n in skipped.items():
        note("wordpress", "%d %s skipped" % (n, why))
    if tags:
        note("wordpress", "%d taxonomy terms not read (tags are not hashtags)" % len(tags))
    return document(acct, sorted(posts.values(), key=lambda p: (p["created_at"], p["id"])))


# ----------------------------------------------------------------------------- reddit

def reddit(paths, account_name=None):
    """Reddit /comments/<id>.json threads (and /api/morechildren responses). The submission's
    author is the account. Comments are flattened; t1_/t3_ prefixes are stripped from
    parent_id (a t3_ or null parent is top-level; an integer is a base-36 id in base 10, a
    comment's unless it is the link's); `replies: ""` means none; `kind: "more"` stubs
    (comments not included in the response) are skipped and counted on stderr. `num_comments`
    is the link's reply count (docs/format.md, "Reddit API")."""
    posts = {}
    stubs = {"stubs": 0, "stand_for": 0}
    stubs_seen = set()  # a stub is counted once, by its parent and id, however many files give it

    def count_stub(d, restated):
        key = (restated, d.get("parent_id"), d.get("id"))
        if d.get("id") and key in stubs_seen:
            return
        stubs_seen.add(key)
        stubs["stubs"] += 1
        stubs["stand_for"] += d.get("count", 0)
    extra = []
    author = None

    def likes_of(sub):
        """`ups`, else `score`: Reddit's net score; below zero it says nothing of likes."""
        n = sub.get("ups", sub.get("score"))
        return n if isinstance(n, (int, float)) and n >= 0 else None

    def base36(n):
        digits = ""
        while True:
            n, d = divmod(n, 36)
            digits = "0123456789abcdefghijklmnopqrstuvwxyz"[d] + digits
            if n == 0:
                return digits

    def strip_prefix(fullname):
        if isinstance(fullname, int):  # Pushshift's API of 2022-23: the base-36 id in base 10
            return base36(fullname)
        return fullname.split("_", 1)[1] if fullname and "_" in fullname else fullname

    def as_comment(d, thread_link):
        link = strip_prefix(d.get("link_id")) or thread_link
        parent = d.get("parent_id")
        if parent is None:
            parent = ""
        elif isinstance(parent, int):  # a comment, unless it is the link's own number
            parent = "t3_" if base36(parent) == link else "t1_" + base36(parent)
        score = d.get("score")
        return drop_none({"id": d["id"], "author": d["author"], "created_at": rfc3339_seconds(d["created_utc"]),
                          "text": d.get("body", ""),
                          "parent_id": None if parent.startswith("t3_") else strip_prefix(parent),
                          "likes": score if isinstance(score, int) and score >= 0 else None})

    def walk(children, out, link):
        for ch in children:
            if ch["kind"] == "more":
                count_stub(ch["data"], False)
                continue
            if ch["kind"] != "t1":
                continue
            out.append(as_comment(ch["data"], link))
            replies = ch["data"].get("replies")
            if isinstance(replies, dict):  # "" when there are none
                walk(replies["data"]["children"], out, link)

    for path in expand_paths(paths):
        data = load_json(path)
        if isinstance(data, list) and len(data) == 2:
            sub = data[0]["data"]["children"][0]["data"]
            author = author or sub["author"]
            text = sub.get("title", "")
            if sub.get("selftext") and sub["selftext"] not in ("[deleted]", "[removed]"):
                text += "\n\n" + sub["selftext"]  # (those two are Reddit's, not the author's)
            comments = []
            walk(data[1]["data"]["children"], comments, sub["id"])
            posts[sub["id"]] = {"id": sub["id"], "author": sub["author"],
                                "created_at": rfc3339_seconds(sub["created_utc"]), "text": text,
                                "url": "https://www.reddit.com" + sub["permalink"],
                                "metrics": make_metrics(likes=likes_of(sub), views=sub.get("view_count"),
                                                        replies=sub.get("num_comments")),
                                "comments": comments}
        elif isinstance(data, dict) and "json" in data:
            extra.extend(data["json"]["data"]["things"])
        else:
            note("reddit", "%s: not a thread or morechildren response; ignored" % path)

    added = orphans = 0
    for thing in extra:  # morechildren: a flat list, each thing naming its link and parent
        if thing["kind"] == "more":
            count_stub(thing["data"], True)
            continue
        post = posts.get(strip_prefix(thing["data"].get("link_id")))
        if post is None:
            orphans += 1
            continue
        if any(c["id"] == thing["data"]["id"] for c in post["comments"]):
            continue
        post["comments"].append(as_comment(thing["data"], None))
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

def bluesky(paths, cli_names=()):
    """Bluesky XRPC responses (docs/format.md, "Bluesky XRPC API"): app.bsky.feed.getAuthorFeed
    pages, app.bsky.feed.getPostThread threads, app.bsky.actor.getProfiles and getProfile. Every
    post is a status, its id the at:// URI, its conversation the record's reply.root; reposts are
    skipped. A feed's actor (the first item's repost `by`, else its author) is the account when
    nothing names one; getProfile names the account, getProfiles are profiles. Hashtags and
    mentions are the record's facets: a mention is the text its UTF-8 byte range covers, less the
    '@' (else its DID). A thread's posts are placed under its first post when that is the
    account's, and a thread holds the replies. "handle.invalid" names nobody: the DID stands in
    its place. A pinned copy repeated in its feed is read once; a createdAt that is not RFC 3339
    gives way to the post view's indexedAt."""
    fmt = "bluesky"
    account = Account("bluesky")
    statuses, profiles, skipped = Statuses(fmt), [], collections.Counter()
    guesses = []  # the actor of each feed
    missing = ("app.bsky.feed.defs#notFoundPost", "app.bsky.feed.defs#blockedPost")

    def did_of(uri):
        m = re.match(r"at://([^/]+)/", uri or "")
        return m.group(1) if m else ""

    def handle_of(actor):
        handle = actor.get("handle")
        return actor.get("did") if handle == "handle.invalid" else handle

    rfc3339 = re.compile(r"\d{4}-\d\d-\d\d[Tt]\d\d:\d\d:\d\d(\.\d+)?([Zz]|[+-]\d\d:\d\d)$")

    def created_at(p):
        created = p["record"]["createdAt"]
        if rfc3339.match(created) or not rfc3339.match(p.get("indexedAt") or ""):
            return created
        skipped["createdAt not RFC 3339, placed by indexedAt"] += 1
        return p["indexedAt"]

    def facets(rec):
        text = (rec.get("text") or "").encode("utf-8")
        tags, mentions = [], []
        for fc in rec.get("facets") or []:
            ix = fc.get("index") or {}
            start, end = ix.get("byteStart") or 0, ix.get("byteEnd") or 0
            for ft in fc.get("features") or []:
                kind = ft.get("$type")
                if kind == "app.bsky.richtext.facet#tag" and ft.get("tag"):
                    tags.append(ft["tag"])
                elif kind == "app.bsky.richtext.facet#mention":
                    span = text[start:end].decode("utf-8", "replace") if start < end <= len(text) else ""
                    if len(span) > 1 and span.startswith("@"):
                        mentions.append(span[1:])
                    elif ft.get("did"):
                        mentions.append(ft["did"])
        return tags, mentions

    def as_status(p, parent_author, in_thread):
        rec = p["record"]
        a = p["author"]
        handle = handle_of(a)
        profiles.append(Profile(a.get("did"), handle, None))
        reply = rec.get("reply") or {}
        parent = (reply.get("parent") or {}).get("uri")
        tags, mentions = facets(rec)
        return Status(
            id=p["uri"], author=handle or a.get("did"), created_at=created_at(p),
            text=rec.get("text") or "",
            url="https://bsky.app/profile/%s/post/%s" % (handle, p["uri"].rsplit("/", 1)[-1]),
            hashtags=tags, mentions=mentions,
            metrics=make_metrics(likes=p.get("likeCount"), shares=p.get("repostCount"),
                                 replies=p.get("replyCount"), quotes=p.get("quoteCount"),
                                 bookmarks=p.get("bookmarkCount")),
            reply_to=parent, reply_to_author=(parent_author or did_of(parent)) if parent else None,
            conversation=(reply.get("root") or {}).get("uri"),
            comments_known=in_thread, collected_reply=in_thread)

    def thread_posts(node, out):
        if "post" not in node:
            skipped["posts not found or blocked"] += 1
            return
        out.append(node["post"])
        if node.get("parent"):
            thread_posts(node["parent"], out)
        for r in node.get("replies") or []:
            thread_posts(r, out)

    for name, text in read_inputs(paths):
        try:
            data = json.loads(text)
        except ValueError:
            skipped["files that are not JSON"] += 1
            continue
        if not isinstance(data, dict):
            skipped["responses that are not a feed, a thread or profiles"] += 1
        elif "feed" in data:
            pinned = set()  # the uris of this feed's pinned posts
            for i, it in enumerate(data["feed"]):
                reason = it.get("reason") or {}
                repost = reason.get("$type") == "app.bsky.feed.defs#reasonRepost"
                if i == 0:
                    who = reason.get("by") if repost else it["post"]["author"]
                    guesses.append((who.get("did"), handle_of(who)))
                parent_author = None
                for key in ("root", "parent"):
                    ctx = (it.get("reply") or {}).get(key)
                    if ctx is None:
                        continue
                    if ctx.get("$type") in missing:
                        skipped["posts not found or blocked"] += 1
                    else:
                        skipped["reply context"] += 1
                        if key == "parent":
                            parent_author = handle_of(ctx.get("author") or {})
                if repost:
                    skipped["reposts"] += 1
                elif it["post"]["uri"] in pinned:
                    skipped["pinned copies"] += 1  # the pinned post again, in its place
                else:
                    if reason.get("$type") == "app.bsky.feed.defs#reasonPin":
                        pinned.add(it["post"]["uri"])
                    statuses.add(as_status(it["post"], parent_author, False), name)
        elif "thread" in data:
            posts = []
            thread_posts(data["thread"], posts)
            authors = {p["uri"]: handle_of(p["author"]) or p["author"].get("did") for p in posts}
            for p in posts:
                parent = ((p["record"].get("reply") or {}).get("parent") or {}).get("uri")
                statuses.add(as_status(p, authors.get(parent), True), name)
        elif "profiles" in data:
            for pr in data["profiles"]:
                profiles.append(Profile(pr.get("did"), handle_of(pr), pr.get("followersCount")))
        elif "did" in data and "handle" in data:
            account.handle = account.handle or handle_of(data)
            account.id = account.id or data["did"]
            if account.followers is None:
                account.followers = data.get("followersCount")
            for n in (handle_of(data), data["did"], data.get("displayName")):
                account.add_name(n)
        else:
            skipped["responses that are not a feed, a thread or profiles"] += 1
    count_notes(fmt, skipped, "skipped")
    statuses.report()
    for n in cli_names:
        account.add_name(n)
    if not account.names() and guesses:
        # The feeds' actors: their DIDs and handles name the account.
        account.id, account.handle = guesses[0]
        for did, handle in guesses[1:]:
            account.add_name(did)
            account.add_name(handle)
        note(fmt, "no account named: the feed's actor %s is taken" % (guesses[0][1] or guesses[0][0]))
    # (a profile that gives followers first: the load keeps one profile per person, with them)
    profiles.sort(key=lambda p: p.followers is None)
    account = decide_account(fmt, account, statuses.all(), profiles, cli_names)
    posts = place_statuses(fmt, account, statuses.all())
    return document(account.as_json(), posts)


# ----------------------------------------------------------------------------- main

CONVERTERS = {"twitter-archive": twitter_archive, "x-api": x_api, "mastodon-export": mastodon_export,
              "mastodon-api": mastodon_api, "wordpress": wordpress, "reddit": reddit, "bluesky": bluesky}
# The converters for formats ror does not read yet take one --account name, the others a list.
ONE_ACCOUNT = {"wordpress", "reddit"}


def convert(fmt, paths, accounts=()):
    fmt = OLD_NAMES.get(fmt, fmt)
    if fmt in ONE_ACCOUNT:
        return CONVERTERS[fmt](paths, accounts[0] if accounts else None)
    return CONVERTERS[fmt](paths, list(accounts))


def main(argv=None):
    parser = argparse.ArgumentParser(description="convert real platform exports into ror/v1 JSON")
    parser.add_argument("format", choices=FORMATS + tuple(OLD_NAMES))
    parser.add_argument("paths", nargs="+", help="files or folders (or zips of an export)")
    parser.add_argument("--account", action="append", default=[],
                        help="a name of the account, as `ror score --account` (repeatable)")
    args = parser.parse_args(argv)
    try:
        doc = convert(args.format, args.paths, args.account)
    except (OSError, ValueError, KeyError, IndexError, TypeError, zipfile.BadZipFile) as e:
        print("to_ror: error: %s: %s: %s" % (args.format, type(e).__name__, e), file=sys.stderr)
        return 2
    json.dump(doc, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
