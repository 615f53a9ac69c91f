#!/usr/bin/env python3
"""Random but valid ror/v1 datasets that exercise every edge of the metric rules.

Usage: python3 gen_dataset.py --seed N [--posts K] [--ndjson] > file

Deterministic for a given (seed, posts, ndjson). Only stdlib `random.Random(seed)` is used.
"""

import argparse
import datetime
import json
import random
import sys

DAY_MS = 86400 * 1000

# Whitespace that splits words, and look-alikes that do NOT (U+200B, U+001F).
SEPARATORS = [" "] * 12 + ["  ", "\t", "\n", "\r\n", "\x0b", "\x0c", "\u0085", "\u00a0", "\u1680", "\u2000",
                           "\u2009", "\u200a", "\u2028", "\u2029", "\u202f", "\u205f", "\u3000"]
NON_SEPARATORS = ["\u200b", "\u001f", "\u001c", "\u180e", "\ufeff"]

WORDS = ["great", "launch", "thanks", "love", "this", "product", "why", "is", "it", "broken", "help", "please",
         "when", "shipping", "Europe", "refund", "ok", "nice", "team", "update", "battery", "works", "again",
         "café", "naïve", "日本語", "🎉", "👍🏽", "❤️", "Ünïcode", "x", "?", "!!", "ÇA", "ça"]
URLS = ["https://ex.com/a", "http://x.y/z?q=1", "https://t.co/AbC", "HTTPS://EX.COM/Up", "ftp://files.ex/x",
        "https://", "http://"]
TEXT_TAGS = ["#launch", "#Launch", "(#Sale)", "a#b", "é#tag", "##dbl", "#123", "#", "#café", "x_#y", "#tag#two",
             "#news,#NEWS", "#_", "日本#jp", "#Ünï"]
TEXT_MENTIONS = ["@bob", "@Bob", "bob@example.com", "(@carol)", "@", "@@dan", "é@eve", "@frank_1", "@zoe!",
                 "x@y", "@日本"]
ARRAY_TAGS = ["launch", "#Launch", "LAUNCH", "#", "", "##x", "news", "#news", "Café", "CAFÉ", "café", "sale",
              "#sale2", "tag"]
ARRAY_MENTIONS = ["bob", "@Bob", "BOB", "@", "", "@@dan", "carol", "@carol", "zoe", "émile", "ÉMILE", "frank"]

POST_BASES = ["New release out now", "Big sale this weekend only", "We are hiring engineers",
              "Thank you all for 10k followers", "Check out our blog", "Café opening soon"]
ANSWER_BASES = ["Thanks for reaching out! DM us.", "Sorry to hear that, we are on it",
                "Glad you like it", "Please send us your order number"]

AUDIENCE_POOL = ["alice", "Alice", "bob", "@carol", "dave", "émile", "李雷", "eve_1", "frank", "@@acme", "acme2",
                 "grace", "heidi", "Ivan", "judy"]
OUTREACH_PEOPLE = ["bob", "@Bob", "BOB", "zoe", "@zoe", "Yuki", "émile", "ÉMILE", "@@mallory", "trent"]
FOREIGN_AUTHORS = ["zed", "@other_brand", "Other_Brand", "@@acme", "acme_fan"]
OFFSETS_MIN = [0, 0, 0, 60, -300, 330, -480, 545, 840, -720, 120, -210]


class Gen:
    def __init__(self, seed, n_posts, ndjson):
        self.r = random.Random(seed)
        self.seed = seed
        self.n_posts = n_posts
        self.ndjson = ndjson

    # ------------------------------------------------------------------ primitives
    def chance(self, p):
        return self.r.random() < p

    def timestamp(self, ms):
        """Render UTC milliseconds as RFC 3339 with a random offset/separator/fraction; exact to the ms."""
        r = self.r
        off = r.choice(OFFSETS_MIN)
        local = datetime.datetime(1970, 1, 1) + datetime.timedelta(milliseconds=ms + off * 60000)
        sep = r.choice(["T"] * 6 + ["t", " "])
        base = local.strftime("%Y-%m-%d") + sep + local.strftime("%H:%M:%S")
        millis = local.microsecond // 1000
        if millis == 0:
            frac = r.choice(["", "", "", ".0", ".000", ".000000"])
        elif millis % 100 == 0 and self.chance(0.5):
            frac = "." + str(millis // 100)
        else:
            frac = ".%03d" % millis + "".join(r.choice("0123456789") for _ in range(r.choice([0, 0, 1, 3, 6])))
        if off == 0:
            tz = r.choice(["Z", "Z", "Z", "z", "+00:00", "-00:00"])
        else:
            sign = "+" if off > 0 else "-"
            tz = "%s%02d:%02d" % (sign, abs(off) // 60, abs(off) % 60)
        return base + frac + tz

    def sep(self):
        return self.r.choice(SEPARATORS)

    def join(self, tokens):
        out = ""
        for i, t in enumerate(tokens):
            if i:
                out += self.sep()
            out += t
        if self.chance(0.1):
            out = self.sep() + out
        if self.chance(0.1):
            out += self.sep()
        return out

    def random_text(self, n_words, extras=True):
        tokens = []
        for _ in range(n_words):
            w = self.r.choice(WORDS)
            if self.chance(0.05):
                w += self.r.choice(NON_SEPARATORS) + self.r.choice(WORDS)  # glued: one word
            tokens.append(w)
        if extras:
            for pool, p in ((URLS, 0.3), (TEXT_TAGS, 0.5), (TEXT_TAGS, 0.3), (TEXT_TAGS, 0.3), (TEXT_MENTIONS, 0.4),
                            (TEXT_MENTIONS, 0.3), (TEXT_MENTIONS, 0.3)):
                if self.chance(p):
                    tokens.insert(self.r.randint(0, len(tokens)), self.r.choice(pool))
        return self.join(tokens)

    def variant(self, base):
        """Same normalised text (ASCII case / URLs / whitespace) or a near miss."""
        r = self.r
        tokens = base.split(" ")
        kind = r.random()
        if kind < 0.15:  # non-ASCII case change: NOT equal after normalisation
            tokens = [t.upper() for t in tokens]
        elif kind < 0.6:
            tokens = [t.upper() if self.chance(0.3) else (t.lower() if self.chance(0.3) else t) for t in tokens]
        if self.chance(0.4):
            tokens.insert(r.randint(0, len(tokens)), r.choice(URLS[:3]))
        if self.chance(0.1):
            tokens.append(r.choice(URLS[3:5]))  # HTTPS:// is a link in any case; ftp:// is kept
        return self.join(tokens)

    def word_count_text(self):
        n = self.r.choice([0, 1, 2, 3, 3, 4, 5, 8, 14, 14, 15, 15, 16, 22, 40])
        return self.random_text(n, extras=self.chance(0.3))

    def an_id(self, prefix, n, numeric_p):
        if self.chance(numeric_p):
            return n
        return "%s%d" % (prefix, n)

    # ------------------------------------------------------------------ account
    def make_account(self):
        r = self.r
        mode = r.random()
        followers_roll = r.random()
        account = {}
        if followers_roll < 0.1:
            pass  # absent
        elif followers_roll < 0.15:
            account["followers"] = None
        elif followers_roll < 0.2:
            account["followers"] = 0
        else:
            account["followers"] = r.choice([1, 7, 250, 12000, 987654])
        account["platform"] = r.choice(["mastodon", "bluesky", "x"])
        if mode < 0.08:
            # No names at all: account inferred as the most frequent post author.
            self.name_mode = "inferred"
            self.account_spellings = ["acme", "@acme", "ACME", "@Acme"]
        elif mode < 0.13:
            # No names and no post authors: every post is the account's, no comment is.
            self.name_mode = "anonymous"
            self.account_spellings = ["acme", "@Acme"]  # these comment authors are audience here
        else:
            self.name_mode = "named"
            spellings = []
            if self.chance(0.7):
                if self.chance(0.2):
                    account["id"] = 4242
                    spellings += ["4242", "@4242"]
                else:
                    account["id"] = r.choice(["acme_id", "ACME_ID", "@acme_id"])
                    spellings += ["acme_id", "Acme_Id", "@ACME_ID"]
            if self.chance(0.8):
                account["handle"] = r.choice(["@acme", "acme", "@Acme", "ACME"])
                spellings += ["acme", "@acme", "ACME", "@Acme", "aCmE"]
            if self.chance(0.6) or not spellings:
                account["aliases"] = r.sample(["AcmeSupport", "@acme_help", "Acmé", "@@acme2"], r.randint(1, 3))
                for a in account["aliases"]:
                    bare = a[1:] if a.startswith("@") else a
                    spellings += [bare, "@" + bare, bare.upper(), bare.lower()]
            self.account_spellings = spellings
        if self.name_mode == "named" or self.chance(0.5):
            return account
        return account if self.chance(0.5) else None

    def account_name(self):
        return self.r.choice(self.account_spellings)

    # ------------------------------------------------------------------ times
    def post_times(self):
        r = self.r
        start = r.randint(1704067200, 1780000000) * 1000 + r.choice([0, 0, 500, 123, 999])
        span = int(r.choice([0, 0.005, 1, 3, 40, 40, 120, 120, 250]) * DAY_MS)
        times = []
        while len(times) < self.n_posts:
            t = start + r.randint(0, span)
            times.append(t)
            roll = r.random()
            if roll < 0.12:  # a burst: 2-3 more within 10 minutes
                for _ in range(r.randint(2, 3)):
                    times.append(t + r.randint(0, 600000))
            elif roll < 0.17:  # exactly at the 600 s boundary (a burst)
                times += [t + r.randint(1, 599999), t + 600000]
            elif roll < 0.22:  # 1 ms over the boundary (no burst from these three)
                times += [t + r.randint(1, 599999), t + 600001]
            elif roll < 0.25:  # simultaneous posts
                times.append(t)
            elif roll < 0.3:  # month boundary in UTC (offsets move the local month)
                d = datetime.datetime(1970, 1, 1) + datetime.timedelta(milliseconds=t)
                first = datetime.datetime(d.year + (d.month == 12), d.month % 12 + 1, 1)
                edge = int((first - datetime.datetime(1970, 1, 1)).total_seconds() * 1000)
                times.append(edge + r.choice([-1, 0, -1800000, 1800000]))
        return times[:self.n_posts]

    # ------------------------------------------------------------------ comments
    def make_comments(self, post_id, post_time):
        r = self.r
        audience = self.audience
        comments = []
        counter = [0]

        def new_id():
            counter[0] += 1
            return self.an_id("c", counter[0], 0.15)

        def add(author, t, parent, text=None, parent_style=None):
            c = {"id": new_id(), "author": author, "created_at": self.timestamp(t)}
            if text is None:
                text = self.word_count_text()
            if not self.chance(0.05):
                c["text"] = text
            if parent is None:
                style = parent_style or r.choice(["null", "absent", "absent", "null"])
                if style == "null":
                    c["parent_id"] = None
            else:
                c["parent_id"] = parent if not isinstance(parent, int) or self.chance(0.5) else str(parent)
            if self.chance(0.3):
                c["likes"] = r.randint(0, 9)
            comments.append(c)
            c["_t"] = t
            return c

        def fan():
            if self.chance(0.12):  # a one-off commenter
                self.guests += 1
                return "guest%d" % self.guests
            return r.choice(audience)

        def delay():
            return r.choice([0, 1000, 59000, 3600000, 86400000, 40 * DAY_MS, 75 * DAY_MS]) + r.randint(0, 3600000)

        budget = r.choice([0, 0, 1, 2, 4, 6, 9, 12, 15])
        while len(comments) < budget:
            roll = r.random()
            base_t = post_time + delay()
            if roll < 0.45 or not comments:
                c = add(fan(), base_t, None)
                # account answer(s), sometimes before the comment (negative delay counts as 0)
                if self.chance(0.55):
                    n_ans = 2 if self.chance(0.2) else 1
                    answers = []
                    for _ in range(n_ans):
                        at = c["_t"] + r.choice([-600000, -1, 0, 1, 30000, 7200000, 3 * DAY_MS]) + r.randint(0, 999)
                        text = self.variant(r.choice(ANSWER_BASES)) if self.chance(0.6) else None
                        answers.append(add(self.account_name(), at, c["id"], text=text))
                    a = r.choice(answers)
                    if self.chance(0.45):  # reciprocity: same audience author replies to the answer
                        add(c["author"], a["_t"] + delay(), a["id"])
                    if self.chance(0.2):  # someone else replies to the answer (awaiting, not reciprocity)
                        add(r.choice(audience), a["_t"] + delay(), a["id"])
            elif roll < 0.6:  # audience-to-audience reply (not awaiting)
                parent = r.choice(comments)
                c = add(fan(), parent["_t"] + delay(), parent["id"])
                if self.chance(0.3):  # account answers a non-awaiting comment (counts in top_audience answers)
                    add(self.account_name(), c["_t"] + delay(), c["id"])
            elif roll < 0.67:  # account top-level comment
                add(self.account_name(), base_t, None)
            elif roll < 0.73:  # dangling parent / parent = post id -> top-level
                bad = r.choice(["nope", 99999, post_id, str(post_id), "C1"])
                add(r.choice(audience), base_t, bad)
            elif roll < 0.78 and comments:  # duplicate comment id: the later one wins
                victim = r.choice(comments)
                c = add(r.choice(audience + self.account_spellings[:1]), base_t, None)
                c["id"] = victim["id"]
            elif roll < 0.84:  # 2-cycle audience <-> account, sometimes same time (id breaks the tie)
                t2 = base_t if self.chance(0.4) else base_t + r.randint(1, 50000)
                x = add(r.choice(audience), base_t, None)
                y = add(self.account_name() if self.chance(0.7) else r.choice(audience), t2, x["id"])
                x["parent_id"] = y["id"]
                if self.chance(0.4):  # something hanging off the cycle
                    add(x["author"], t2 + delay(), y["id"])
            elif roll < 0.88:  # self-parent
                x = add(r.choice(audience), base_t, None)
                x["parent_id"] = x["id"]
                if self.chance(0.5):
                    add(self.account_name(), base_t + delay(), x["id"])
            elif roll < 0.9:  # 3-cycle
                x = add(r.choice(audience), base_t, None)
                y = add(self.account_name(), base_t + 1000, x["id"])
                z = add(x["author"], base_t + 2000, y["id"])
                x["parent_id"] = z["id"]
            else:  # a comment just after a UTC month boundary / just before
                d = datetime.datetime(1970, 1, 1) + datetime.timedelta(milliseconds=base_t)
                first = datetime.datetime(d.year + (d.month == 12), d.month % 12 + 1, 1)
                edge = int((first - datetime.datetime(1970, 1, 1)).total_seconds() * 1000)
                add(r.choice(audience), edge + r.choice([-1, 0, -60000, 60000]), None)
        for c in comments:
            del c["_t"]
        if self.chance(0.15):
            r.shuffle(comments)
        return comments

    # ------------------------------------------------------------------ posts
    def make_metrics(self):
        r = self.r
        roll = r.random()
        if roll < 0.08:
            return "absent"
        if roll < 0.12:
            return {}
        m = {}
        for key in ["impressions", "reach", "views", "likes", "shares", "saves", "clicks", "conversions"]:
            if key in self.never_carried:
                if self.chance(0.3):
                    m[key] = None
                continue
            k = r.random()
            if k < 0.65:
                m[key] = r.choice([0, 0, 1, 3, 17, 250, 1000, 12345, 999999])
            elif k < 0.8:
                m[key] = None
        if "impressions" in m and m["impressions"] is not None and self.chance(0.15):
            m["impressions"] = 0
        return m

    def make_hashtags(self, field, pool):
        r = self.r
        roll = r.random()
        if roll < 0.55:
            return "absent"
        if roll < 0.65:
            return []
        return [r.choice(pool) for _ in range(r.randint(1, 5))]

    def make_post(self, i, t):
        r = self.r
        post = {}
        post["id"] = self.an_id("p", 1000 + i, 0.15)
        if self.name_mode == "anonymous":
            pass
        elif self.name_mode == "inferred":
            post["author"] = r.choice(self.account_spellings + FOREIGN_AUTHORS[:2])
        else:
            roll = r.random()
            if roll < 0.4:
                pass
            elif roll < 0.85:
                post["author"] = self.account_name()
            else:
                post["author"] = r.choice(FOREIGN_AUTHORS)
        post["created_at"] = self.timestamp(t)
        roll = r.random()
        outreach = False
        if roll < 0.1:
            post["in_reply_to"] = {"author": self.account_name(), "id": self.an_id("x", r.randint(1, 99), 0.3)}
        elif roll < 0.35:
            post["in_reply_to"] = {"author": r.choice(self.outreach_people), "id": self.an_id("x", r.randint(1, 99), 0.3)}
            outreach = True
        text_roll = r.random()
        if text_roll < 0.05:
            pass  # no text
        elif text_roll < 0.08:
            post["text"] = r.choice(URLS[:3]) + self.sep() + r.choice(URLS[:3])  # normalises to empty
        elif outreach and self.chance(0.6):
            post["text"] = self.variant(r.choice(ANSWER_BASES))
        elif self.chance(0.4):
            post["text"] = self.variant(r.choice(self.post_bases))
            if self.chance(0.2):
                post["text"] += self.sep() + r.choice(TEXT_TAGS + TEXT_MENTIONS)
        else:
            post["text"] = self.random_text(r.randint(0, 18))
        if self.chance(0.5):
            post["url"] = "https://social.example/%s" % post["id"]
        tags = self.make_hashtags("hashtags", ARRAY_TAGS)
        if tags != "absent":
            post["hashtags"] = tags
        mentions = self.make_hashtags("mentions", ARRAY_MENTIONS)
        if mentions != "absent":
            post["mentions"] = mentions
        metrics = self.make_metrics()
        if metrics != "absent":
            post["metrics"] = metrics
        comments = self.make_comments(post["id"], t)
        if comments or self.chance(0.5):
            post["comments"] = comments
        return post

    def generate(self):
        r = self.r
        account = self.make_account()
        self.audience = r.sample(AUDIENCE_POOL, r.randint(2, 8))
        self.guests = 0
        self.post_bases = r.sample(POST_BASES, r.randint(1, 3))
        self.outreach_people = r.sample(OUTREACH_PEOPLE, r.randint(1, 4))
        if self.name_mode == "anonymous":
            self.audience += ["acme"]  # the account's name, but no comment is the account's here
        keys = ["impressions", "reach", "views", "likes", "shares", "saves", "clicks", "conversions"]
        self.never_carried = set(k for k in keys if self.chance(0.12))
        if self.chance(0.08):
            self.never_carried |= {"clicks", "conversions"}
        if self.chance(0.05):
            self.never_carried |= {"impressions"}
        posts = [self.make_post(i, t) for i, t in enumerate(self.post_times())]
        r.shuffle(posts)
        # duplicate post ids: a later post replaces an earlier one entirely
        for _ in range(r.choice([0, 0, 1, 2])):
            if len(posts) < 2:
                break
            a, b = sorted(r.sample(range(len(posts)), 2))
            pid = posts[a]["id"]
            posts[b]["id"] = str(pid) if isinstance(pid, int) and self.chance(0.5) else pid
        if self.chance(0.1) and posts:  # an exact repeat of a post (re-export)
            posts.append(json.loads(json.dumps(posts[r.randrange(len(posts))])))
        ensure_ascii = self.chance(0.3)
        if self.ndjson:
            lines = []
            if account is not None:
                lines.append(json.dumps({"account": account}, ensure_ascii=ensure_ascii))
            for p in posts:
                lines.append(json.dumps(p, ensure_ascii=ensure_ascii))
            return "\n".join(lines) + "\n"
        doc = {"schema": "ror/v1"}
        if account is not None:
            doc["account"] = account
        doc["posts"] = posts
        return json.dumps(doc, ensure_ascii=ensure_ascii, indent=r.choice([None, 2])) + "\n"


def generate(seed, n_posts=20, ndjson=False):
    return Gen(seed, n_posts, ndjson).generate()


def main():
    parser = argparse.ArgumentParser(description="random ror/v1 dataset")
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--posts", type=int, default=20)
    parser.add_argument("--ndjson", action="store_true")
    args = parser.parse_args()
    sys.stdout.buffer.write(generate(args.seed, args.posts, args.ndjson).encode("utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
