#!/usr/bin/env python3
"""Checks the reference against tiny datasets whose every metric was computed by hand.

Usage: python3 selftest.py        (prints "N passed, M failed"; exit 1 on any failure)

The working for each value is in the comments next to it.
"""

import json
import math
import os
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True

import ror_reference  # noqa: E402

ROI_KEYS = ["posts", "followers", "impressions", "reach", "views", "likes", "shares", "saves", "clicks",
            "conversions", "quotes", "bookmarks", "replies", "comments", "audience_comments", "engagements", "engagement_rate_impressions",
            "engagement_rate_followers", "applause_rate", "amplification_rate", "posts_per_day"]
ROR_KEYS = ["conversation_rate", "audience", "response_rate", "response_time_median", "response_time_p90",
            "reciprocity_rate", "repeat_audience_rate", "retained_audience_rate", "substantive_comment_rate",
            "low_effort_comment_rate", "action_rate", "audience_concentration", "outreach_replies",
            "outreach_people", "outreach_retained_rate", "top_audience"]
HYGIENE_KEYS = ["hashtag_abuse_rate", "duplicate_post_rate", "burst_post_rate", "canned_reply_rate",
                "mention_blast_rate", "broadcast_ratio"]
COUNTS = {"posts", "followers", "impressions", "reach", "views", "likes", "shares", "saves", "clicks",
          "conversions", "comments", "audience_comments", "engagements", "audience", "audience_concentration",
          "outreach_replies", "outreach_people"}


def c(id_, author, t, text=None, parent="absent"):
    d = {"id": id_, "author": author, "created_at": t}
    if text is not None:
        d["text"] = text
    if parent != "absent":
        d["parent_id"] = parent
    return d


# ---------------------------------------------------------------------------------------------
# A: a JSON document. Account names {acme_id, acme, acmehelp}; p3 is foreign; p4 is outreach.
DATASET_A = {
    "schema": "ror/v1",
    "account": {"id": "acme_id", "handle": "@Acme", "followers": 100, "aliases": ["AcmeHelp"]},
    "posts": [
        {"id": "p1", "created_at": "2026-01-01T00:00:00Z", "text": "Hello world #launch",
         "metrics": {"impressions": 1000, "reach": 800, "likes": 10, "shares": 2, "clicks": 5},
         "comments": [
             c("c1", "alice", "2026-01-01T01:00:00Z", "great post", None),
             c("c2", "ACME", "2026-01-01T01:30:00Z", "thanks alice", "c1"),
             c("c3", "alice", "2026-01-01T02:00:00Z", "you are welcome", "c2"),
             c("c4", "bob", "2026-01-02T00:00:00Z",
               "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen"),
         ]},
        {"id": "p2", "author": "@acmehelp", "created_at": "2026-01-03T00:00:00+02:00",
         "text": "Hello   WORLD https://x.y #launch", "metrics": {"impressions": 0, "likes": 4, "saves": 1},
         "comments": [
             c("c1", "bob", "2026-02-01T00:30:00+01:00", "hi", None),
             c("c2", "@acme_id", "2026-01-31T23:00:00Z", "thanks alice", "c1"),
         ]},
        {"id": "p3", "author": "Zed", "created_at": "2026-01-05T00:00:00Z", "text": "Hello world #launch",
         "metrics": {"impressions": 999, "likes": 999, "views": 5},
         "comments": [c("z1", "carol", "2026-03-01T00:00:00Z", "hi")]},
        {"id": "p4", "author": "acme", "created_at": "2026-01-11T00:00:00Z", "text": "Thanks alice",
         "in_reply_to": {"author": "Dave", "id": "d1"}, "metrics": {"likes": 1}},
    ],
}

EXPECTED_A = {
    "roi": {
        "posts": 3,                        # p1 (no author), p2 (@acmehelp), p4 (acme); p3 foreign
        "followers": 100,
        "impressions": 1000,               # p1 1000 + p2 0
        "reach": 800,
        "views": None,                     # only the foreign post carries views
        "likes": 15,                       # 10 + 4 + 1
        "shares": 2,
        "saves": 1,
        "clicks": 5,
        "conversions": None,
        "comments": 6,
        "audience_comments": 4,            # p1: c1 c3 c4, p2: c1
        "engagements": 27,                 # p1 10+2+5+3=20, p2 4+1+1=6, p4 1
        "engagement_rate_impressions": 0.02,   # p1 only (p2 has 0 impressions): 20/1000
        "engagement_rate_followers": 0.09,     # 27 / (3*100)
        "applause_rate": 5.0,              # 15 likes / 3 posts carrying likes
        "amplification_rate": 2.0,         # 2 / 1
        "posts_per_day": 0.3,              # 3 posts / 10 days (01-01T00Z .. 01-11T00Z)
    },
    "ror": {
        "conversation_rate": 4 / 3,
        "audience": 2,                     # alice, bob
        "response_rate": 0.5,              # awaiting p1.c1 p1.c3 p1.c4 p2.c1; answered p1.c1 p2.c1
        "response_time_median": 900.0,     # delays [0 (answer 30 min early), 1800] -> mean of both
        "response_time_p90": 1800.0,       # ceil(0.9*2) = 2nd
        "reciprocity_rate": 0.5,           # alice replied to the answer (p1.c3), bob did not
        "repeat_audience_rate": 0.5,       # bob commented on p1 and p2
        # bob's p2.c1 is 2026-01-31T23:30Z: January in UTC, like everything of the account's, so
        # staying a month cannot show: unknown, not 0 (and so for outreach)
        "retained_audience_rate": None,
        "substantive_comment_rate": 0.25,  # p1.c4 has exactly 15 words
        "low_effort_comment_rate": 0.75,   # "great post", "you are welcome", "hi"
        "action_rate": 0.005,              # (5 + 0) / 1000 over p1
        "audience_concentration": 1,       # counts 2, 2 of 4
        "outreach_replies": 1,
        "outreach_people": 1,              # dave
        "outreach_retained_rate": None,
        "top_audience": [                  # tie on comments (2), bob has more posts
            {"author": "bob", "comments": 2, "posts": 2, "first_seen": "2026-01-02T00:00:00Z",
             "last_seen": "2026-01-31T23:30:00Z", "answers": 1},
            {"author": "alice", "comments": 2, "posts": 1, "first_seen": "2026-01-01T01:00:00Z",
             "last_seen": "2026-01-01T02:00:00Z", "answers": 1},
        ],
    },
    "hygiene": {
        "hashtag_abuse_rate": 0.0,
        "duplicate_post_rate": 0.5,        # p2 normalises to "hello world #launch" like p1
        "burst_post_rate": 0.0,
        "canned_reply_rate": 1.0,          # p1.c2, p2.c2, p4 all "thanks alice"
        "mention_blast_rate": 0.0,
        "broadcast_ratio": 0.4,            # 2 / (2 + 2 + 1)
    },
}

# ---------------------------------------------------------------------------------------------
# B: NDJSON with an account line. Duplicate post id ("7" then 7), cycles, self-parent, dangling
# and post-id parents, duplicate comment id, unicode whitespace, ZWSP, burst boundary at exactly
# 600 s, hashtag arrays vs text scanning, outreach around a month edge.
B_ACCOUNT = {"account": {"handle": "brand", "followers": None}}
B_POSTS = [
    {"id": "7", "created_at": "2020-01-01T00:00:00Z", "metrics": {"views": 5},
     "comments": [c("z", "ghost", "2020-01-01T00:00:00Z")]},
    {"id": 7, "created_at": "2026-03-01T10:00:00.999Z", "text": "A\u00a0B\u3000C\u2028D\u200bE",
     "hashtags": ["#Sale", "sale", "SALE", "#", "News", "news2"], "mentions": ["@x", "y", "@Y", "z"],
     "metrics": {"impressions": None, "likes": 3},
     "comments": [
         c("k1", "u1", "2026-03-01T10:05:00Z", "a b c d", "k2"),
         c("k2", "Brand", "2026-03-01T10:05:00Z", "Sure  thing", "k1"),
         c("k3", "u2", "2026-04-01T00:00:00+02:00",
           "\u2028" + "\u3000".join("w%d" % i for i in range(1, 16)), "k3"),
         c("k4", "u2", "2026-03-01T10:07:00Z", "x", "k1"),
         c("k5", "@BRAND", "2026-03-01T10:08:00Z", "ok", "k4"),
         c("k6", "u3", "2026-03-01T10:09:00Z", "first", "nope"),
         c("k7", "u1", "2026-03-01T10:20:00.5Z", "a\u001fb\u001cc d", "k5"),
         c("k8", "u1", "2026-05-01T00:00:00Z", "", "k2"),
         c("k6", "u3", "2026-03-31T23:00:59.9999-02:00", "one\u200btwo", "7"),
     ]},
    {"id": "q3", "author": "@brand", "created_at": "2026-03-01 10:05:00+00:00",
     "text": "#One (#two) a#b @p @q @r", "mentions": [], "metrics": {"impressions": 100, "clicks": 2}},
    {"id": "q4", "created_at": "2026-03-01t11:10:00.999+01:00", "text": "é#tag1 #Tag2 #tag2 #t3",
     "metrics": {"impressions": 50, "conversions": 1}},
    {"id": "q5", "author": "BRAND", "created_at": "2026-03-01T10:15:00.001Z",
     "text": "a\u00a0b c D\u200bE https://t.co/x", "hashtags": ["Café", "#CAFÉ", "café", "x"], "in_reply_to": {"author": "brand", "id": "q3"},
     "metrics": {}},
    {"id": "q6", "created_at": "2026-04-01T00:00:00Z", "in_reply_to": {"author": "@Carl"}, "text": "sure thing"},
    {"id": "q7", "author": "brand", "created_at": "2026-04-01T00:30:00+01:00", "in_reply_to": {"author": "carl"},
     "text": "OK", "metrics": {"likes": None, "shares": 0}},
    {"id": "q8", "created_at": "2026-04-02T00:00:00Z", "in_reply_to": {"author": "Dora"}, "text": "Sure thing!",
     "metrics": {"impressions": 0, "reach": 10}},
    {"id": "q9", "author": "brand2", "created_at": "2026-03-01T10:01:00Z", "metrics": {"impressions": 5000},
     "comments": [c("f1", "u9", "2026-03-01T10:02:00Z")]},
]

EXPECTED_B = {
    "roi": {
        "posts": 7,                        # 7, q3..q8; q9 foreign; the first "7" replaced
        "followers": None,
        "impressions": 150,                # q3 100 + q4 50 + q8 0
        "reach": 10,
        "views": None,                     # only the replaced post carried views
        "likes": 3,
        "shares": 0,
        "saves": None,
        "clicks": 2,
        "conversions": 1,
        "comments": 8,                     # k1..k8 (k6 twice -> once)
        "audience_comments": 6,            # k1 k3 k4 k6 k7 k8
        "engagements": 11,                 # post 7: 3 likes + 6; q3: 2 clicks
        "engagement_rate_impressions": 2 / 150,   # q3 (2/100) and q4 (0/50)
        "engagement_rate_followers": None,
        "applause_rate": 3.0,
        "amplification_rate": 0.0,         # q7 carries shares = 0
        # 03-01T10:00:00.999Z .. 04-02T00:00:00Z = 31 days + 50399.001 s
        "posts_per_day": 7 / ((31 * 86400 + 50399.001) / 86400),
    },
    "ror": {
        "conversation_rate": 6 / 7,
        "audience": 3,
        # cycle k1<->k2 (same time) broken at k1 (smaller id): k1 top-level, k2 answers k1.
        # awaiting: k1, k3 (self-parent), k6 (parent = post id), k7 (parent k5 account), k8 (parent k2)
        "response_rate": 0.2,              # only k1 answered
        "response_time_median": 0.0,
        "response_time_p90": 0.0,
        "reciprocity_rate": 1.0,           # k8 by u1 replies to k2
        "repeat_audience_rate": 0.0,       # everything is on post 7
        "retained_audience_rate": 1 / 3,   # u1: March + May; u2's k3 is 03-31T22:00Z; u3 only April
        "substantive_comment_rate": 1 / 6,     # k3: 15 words split by U+3000
        "low_effort_comment_rate": 4 / 6,  # k4 "x", k6 "one<ZWSP>two", k7 (U+001F/U+001C join), k8 ""
        "action_rate": 3 / 150,            # (2 clicks + 1 conversion) / 150
        "audience_concentration": 1,       # u1 3 of 6
        "outreach_replies": 3,             # q6 q7 q8
        "outreach_people": 2,              # carl (@Carl = carl), dora
        "outreach_retained_rate": 0.5,     # carl: April (q6) and March (q7 = 03-31T23:30Z)
        "top_audience": [
            {"author": "u1", "comments": 3, "posts": 1, "first_seen": "2026-03-01T10:05:00Z",
             "last_seen": "2026-05-01T00:00:00Z", "answers": 1},
            {"author": "u2", "comments": 2, "posts": 1, "first_seen": "2026-03-01T10:07:00Z",
             "last_seen": "2026-03-31T22:00:00Z", "answers": 1},
            {"author": "u3", "comments": 1, "posts": 1, "first_seen": "2026-04-01T01:00:59Z",
             "last_seen": "2026-04-01T01:00:59Z", "answers": 0},
        ],
    },
    "hygiene": {
        # originals 7, q3, q4, q5 (q5 replies to the account itself)
        # 7: {sale,news,news2}; q3: {one,two} (not a#b); q4: {tag1,tag2,t3} (é#tag1 counts);
        # q5: {café, cafÉ, x} (only ASCII letters fold)
        "hashtag_abuse_rate": 0.75,
        "duplicate_post_rate": 0.25,       # q5 normalises to "a b c d<ZWSP>e" like 7
        "burst_post_rate": 0.75,           # 7, q3, q4 span exactly 600 s; q5 is 600.001 s after q3
        "canned_reply_rate": 0.8,          # k2 + q6 "sure thing", k5 + q7 "ok"; q8 "sure thing!" alone
        "mention_blast_rate": 0.25,        # 7: {x,y,z}; q3's [] overrides its text
        "broadcast_ratio": 4 / 9,          # 4 / (4 + 2 + 3)
    },
}

# ---------------------------------------------------------------------------------------------
# C: no account object; the account is inferred: bob 2 posts, alice 2 posts -> tie -> "alice".
DATASET_C = {
    "schema": "ror/v1",
    "posts": [
        {"id": "r1", "author": "@Bob", "created_at": "2026-05-01T00:00:00Z",
         "comments": [c("a", "bob", "2026-05-01T01:00:00Z", "hi")]},
        {"id": "r2", "author": "bob", "created_at": "2026-05-01T12:00:00Z"},
        {"id": "r3", "author": "alice", "created_at": "2026-05-02T00:00:00Z", "text": "Same text é",
         "comments": [c(1, "x", "2026-05-02T01:00:00Z", "hello there"),
                      c("1", "ALICE", "2026-05-02T00:30:00Z", "dup", None)]},
        {"id": "r4", "author": "Alice", "created_at": "2026-05-03T00:00:00Z", "text": "same   TEXT é",
         "comments": [c("y", "@alice", "2026-05-03T00:10:00Z", "Hi", "b"),    # cycle y <-> b, broken at y
                      c("b", "Bob", "2026-05-03T00:20:00Z", "yo", "y")]},      # (earlier, though larger id)
        {"id": "r5", "created_at": "2026-05-03T12:00:00Z", "text": "SAME TEXT É"},
    ],
}

EXPECTED_C = {
    "roi": {
        "posts": 3, "followers": None, "impressions": None, "reach": None, "views": None, "likes": None,
        "shares": None, "saves": None, "clicks": None, "conversions": None,
        "comments": 3,                     # r3: one (1 and "1" are the same id), r4: two
        "audience_comments": 1,            # b by "Bob"
        "engagements": 1,
        "engagement_rate_impressions": None, "engagement_rate_followers": None,
        "applause_rate": None, "amplification_rate": None,
        "posts_per_day": 2.0,              # 3 / 1.5 days
    },
    "ror": {
        "conversation_rate": 1 / 3, "audience": 1,
        "response_rate": 0.0,              # b awaits (its parent y is the account's), unanswered
        "response_time_median": None, "response_time_p90": None, "reciprocity_rate": None,
        "repeat_audience_rate": 0.0,
        "retained_audience_rate": None,    # all in one month: unknown, not 0
        "substantive_comment_rate": 0.0, "low_effort_comment_rate": 1.0,
        "action_rate": None, "audience_concentration": 1,
        "outreach_replies": 0, "outreach_people": 0, "outreach_retained_rate": None,
        "top_audience": [{"author": "Bob", "comments": 1, "posts": 1, "first_seen": "2026-05-03T00:20:00Z",
                          "last_seen": "2026-05-03T00:20:00Z", "answers": 0}],
    },
    "hygiene": {
        "hashtag_abuse_rate": 0.0,
        "duplicate_post_rate": 1 / 3,      # r4 "same text é" repeats r3; r5 "same text É" does not
        "burst_post_rate": 0.0,
        "canned_reply_rate": 0.0,          # "dup", "hi"
        "mention_blast_rate": 0.0,
        "broadcast_ratio": 0.6,            # 3 / (3 + 2)
    },
}

# ---------------------------------------------------------------------------------------------
# E: one post, 11 audience comments q1..q11 at hour i, each answered by the account after i minutes,
# the odd ones replied to by their author one minute after the answer. Authors a a a a a b b b c c d.
E_AUTHORS = ["a", "a", "a", "a", "a", "b", "b", "b", "c", "c", "d"]
E_COMMENTS = []
for _i, _author in enumerate(E_AUTHORS, start=1):
    E_COMMENTS.append(c("q%d" % _i, _author, "2026-07-01T%02d:00:00Z" % _i, "hello"))
    E_COMMENTS.append(c("r%d" % _i, "acme", "2026-07-01T%02d:%02d:00Z" % (_i, _i), "thanks", "q%d" % _i))
    if _i % 2 == 1:
        E_COMMENTS.append(c("s%d" % _i, _author, "2026-07-01T%02d:%02d:00Z" % (_i, _i + 1), "ok then sure thing",
                            "r%d" % _i))
DATASET_E = {"schema": "ror/v1", "account": {"handle": "acme"},
             "posts": [{"id": "e1", "created_at": "2026-07-01T00:00:00Z", "comments": E_COMMENTS}]}

EXPECTED_E = {
    "roi": {"posts": 1, "followers": None, "comments": 28, "audience_comments": 17, "engagements": 17,
            "engagement_rate_impressions": None, "engagement_rate_followers": None, "posts_per_day": 1.0},
    "ror": {
        "conversation_rate": 17.0, "audience": 4,
        "response_rate": 11 / 17,          # awaiting: 11 top-level + 6 replies to answers; answered 11
        "response_time_median": 360.0,     # delays 60..660 s; 6th
        "response_time_p90": 600.0,        # ceil(0.9 * 11) = 10th
        "reciprocity_rate": 6 / 11,
        # one post, one month: coming back and staying cannot show
        "repeat_audience_rate": None, "retained_audience_rate": None,
        "substantive_comment_rate": 0.0, "low_effort_comment_rate": 11 / 17,
        "action_rate": None,
        "audience_concentration": 2,       # a 8, b 4, c 3, d 2 of 17: 8*2 < 17 <= 12*2
        "outreach_replies": 0, "outreach_people": 0, "outreach_retained_rate": None,
        "top_audience": [
            {"author": "a", "comments": 8, "posts": 1, "first_seen": "2026-07-01T01:00:00Z",
             "last_seen": "2026-07-01T05:06:00Z", "answers": 5},
            {"author": "b", "comments": 4, "posts": 1, "first_seen": "2026-07-01T06:00:00Z",
             "last_seen": "2026-07-01T08:00:00Z", "answers": 3},
            {"author": "c", "comments": 3, "posts": 1, "first_seen": "2026-07-01T09:00:00Z",
             "last_seen": "2026-07-01T10:00:00Z", "answers": 2},
            {"author": "d", "comments": 2, "posts": 1, "first_seen": "2026-07-01T11:00:00Z",
             "last_seen": "2026-07-01T11:12:00Z", "answers": 1},
        ],
    },
    "hygiene": {"hashtag_abuse_rate": 0.0, "duplicate_post_rate": 0.0, "burst_post_rate": 0.0,
                "canned_reply_rate": 1.0, "mention_blast_rate": 0.0, "broadcast_ratio": 1 / 12},
}

# ---------------------------------------------------------------------------------------------
# D: two files, no names and no post authors: every post is the account's, no comment is.
D_FILE1 = {
    "schema": "ror/v1", "account": {"followers": None},
    "posts": [
        {"id": "s1", "created_at": "2026-06-01T00:00:00Z", "metrics": {"impressions": 10, "likes": 1},
         "comments": [c("m1", "acme", "2026-06-01T00:05:00Z", "we reply"),
                      c("m2", "zoe", "2026-06-01T00:06:00Z", "ok", "m1")]},
        {"id": "s2", "created_at": "2026-06-01T00:01:00Z", "metrics": {"impressions": 10, "likes": 100}},
    ],
}
D_FILE2_LINES = [
    {"account": {"followers": 50}},
    {"id": "s2", "created_at": "2026-06-01T00:02:00Z", "metrics": {"impressions": 20}},
    {"id": "s3", "created_at": "2026-06-01T00:03:00Z", "in_reply_to": {"author": "acme"}, "text": "t"},
]

EXPECTED_D = {
    "roi": {
        "posts": 3, "followers": 50,       # first non-null followers (second file)
        # s2 is in both files: merged, so its likes (100, file 1) stay, its impressions are file 2's
        "impressions": 30, "reach": None, "views": None, "likes": 101,
        "shares": None, "saves": None, "clicks": None, "conversions": None,
        "quotes": None, "bookmarks": None, "replies": None,
        "comments": 2, "audience_comments": 2, "engagements": 103,
        "engagement_rate_impressions": 103 / 30,  # (3 + 100) / (10 + 20)
        "engagement_rate_followers": 103 / 150,   # 103 / (3 * 50)
        "applause_rate": 50.5, "amplification_rate": None,
        "posts_per_day": 3.0,              # span 3 minutes -> max(1, ...) = 1
    },
    "ror": {
        "conversation_rate": 2 / 3, "audience": 2,
        "response_rate": 0.0,              # awaiting m1 only (m2's parent is audience)
        "response_time_median": None, "response_time_p90": None, "reciprocity_rate": None,
        "repeat_audience_rate": 0.0,
        "retained_audience_rate": None,    # all in one month: unknown, not 0
        "substantive_comment_rate": 0.0, "low_effort_comment_rate": 1.0,
        "action_rate": None,               # no post carries clicks or conversions
        "audience_concentration": 1,
        "outreach_replies": 1, "outreach_people": 1,  # s3 -> "acme"
        "outreach_retained_rate": None,    # June only
        "top_audience": [
            {"author": "acme", "comments": 1, "posts": 1, "first_seen": "2026-06-01T00:05:00Z",
             "last_seen": "2026-06-01T00:05:00Z", "answers": 0},
            {"author": "zoe", "comments": 1, "posts": 1, "first_seen": "2026-06-01T00:06:00Z",
             "last_seen": "2026-06-01T00:06:00Z", "answers": 0},
        ],
    },
    "hygiene": {
        "hashtag_abuse_rate": 0.0, "duplicate_post_rate": 0.0, "burst_post_rate": 0.0,
        "canned_reply_rate": 0.0,          # one answer: s3
        "mention_blast_rate": 0.0,
        "broadcast_ratio": 2 / 3,          # 2 / (2 + 0 + 1)
    },
}


class Checker:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, label, ok, detail=""):
        if ok:
            self.passed += 1
        else:
            self.failed += 1
            print("FAIL %s %s" % (label, detail))

    def value(self, label, got, want):
        if want is None or isinstance(want, (str, list, dict)):
            self.check(label, got == want, "got %r want %r" % (got, want))
            return
        kind = int if label.split(".")[-1] in COUNTS else float
        ok = type(got) is kind and math.isclose(got, want, rel_tol=1e-12, abs_tol=1e-15)
        self.check(label, ok, "got %r want %r (%s)" % (got, want, kind.__name__))

    def dataset(self, name, out, expected, keys=True):
        if keys:
            for section, order in (("roi", ROI_KEYS), ("ror", ROR_KEYS), ("hygiene", HYGIENE_KEYS)):
                self.check("%s.%s key order" % (name, section), list(out[section]["metrics"]) == order,
                           str(list(out[section]["metrics"])))
        for section, metrics in expected.items():
            for metric, want in metrics.items():
                self.value("%s.%s.%s" % (name, section, metric), out[section]["metrics"][metric], want)


def write(folder, name, content):
    path = os.path.join(folder, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(content)
    return path


def main():
    ck = Checker()
    with tempfile.TemporaryDirectory() as tmp:
        a = write(tmp, "a.json", json.dumps(DATASET_A, indent=2))
        b_lines = [json.dumps(B_ACCOUNT)] + [json.dumps(p, ensure_ascii=False) for p in B_POSTS]
        b = write(tmp, "b.ndjson", "\n".join(b_lines) + "\n")  # raw U+2028 inside a line
        c_ = write(tmp, "c.json", json.dumps(DATASET_C))
        d1 = write(tmp, "d1.json", json.dumps(D_FILE1))
        d2 = write(tmp, "d2.ndjson", "\n".join(json.dumps(x) for x in D_FILE2_LINES))

        ck.dataset("A", ror_reference.score_files([a]), EXPECTED_A)
        ck.dataset("B", ror_reference.score_files([b]), EXPECTED_B)
        ck.dataset("C", ror_reference.score_files([c_]), EXPECTED_C)
        ck.dataset("D", ror_reference.score_files([d1, d2]), EXPECTED_D)
        ck.dataset("E", ror_reference.score_files([write(tmp, "e.json", json.dumps(DATASET_E))]), EXPECTED_E)

        # --top 1 keeps the first row only.
        out = ror_reference.score_files([a], top_n=1)
        ck.value("A --top 1.ror.top_audience", out["ror"]["metrics"]["top_audience"],
                 EXPECTED_A["ror"]["top_audience"][:1])
        # --account bob on C: r1, r2, r5 are the account's; "bob"'s comment a is an account comment.
        out = ror_reference.score_files([c_], accounts=["@BOB"])
        ck.dataset("C --account @BOB", out, {
            "roi": {"posts": 3, "comments": 1, "audience_comments": 0, "posts_per_day": 1.2},  # 3 / 2.5 days
            "ror": {"audience": 0, "response_rate": None, "audience_concentration": None, "top_audience": []},
            "hygiene": {"broadcast_ratio": 0.75, "canned_reply_rate": 0.0},  # 3 / (3 + 1)
        }, keys=False)
        # --account acme on D: s3 becomes an original thread, m1 an account comment, m2 awaits.
        out = ror_reference.score_files([d1, d2], accounts=["acme"])
        ck.dataset("D --account acme", out, {
            "roi": {"audience_comments": 1, "engagements": 102},
            "ror": {"audience": 1, "response_rate": 0.0, "outreach_replies": 0, "outreach_retained_rate": None},
            "hygiene": {"broadcast_ratio": 0.75},  # 3 / (3 + 1 + 0)
        }, keys=False)
        # Input order never changes anything: reverse the posts of A.
        rev = dict(DATASET_A, posts=list(reversed(DATASET_A["posts"])))
        ck.check("A reversed", ror_reference.score_files([write(tmp, "ar.json", json.dumps(rev))]) ==
                 ror_reference.score_files([a]))
        # NDJSON with no account line, a single post: detected as NDJSON, not as a document.
        one = write(tmp, "one.ndjson", json.dumps(DATASET_A["posts"][0]) + "\n")
        out = ror_reference.score_files([one])
        ck.value("one-line NDJSON.roi.posts", out["roi"]["metrics"]["posts"], 1)
    print("%d passed, %d failed" % (ck.passed, ck.failed))
    return 1 if ck.failed else 0


if __name__ == "__main__":
    sys.exit(main())
