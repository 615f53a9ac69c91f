#!/usr/bin/env python3
"""Generate the two campaign samples (and an NDJSON excerpt) in ror/v1 format.

Writes, next to this script (or into the directory given as the first argument):
  broadcaster.json           a brand on X that broadcasts: reach, hashtags, bursts
  relationship-builder.json  a small shop on Mastodon that talks with its readers
  campaign.ndjson            the first 15 posts of the relationship builder as NDJSON

Standard library only and fully deterministic: the same script gives byte-identical files.
All names, books, handles and texts are invented.
"""

import json
import math
import os
import random
import sys
from datetime import datetime, timedelta, timezone

UTC = timezone.utc

# ---------------------------------------------------------------------------------------------
# Shared helpers
# ---------------------------------------------------------------------------------------------


def x_id(when, seq):
    """A Twitter/X style snowflake id for a moment (milliseconds since the X epoch << 22)."""
    ms = int(when.timestamp() * 1000)
    return str(((ms - 1288834974657) << 22) | (seq & 0x3FFFFF))


def masto_id(when, seq):
    """A Mastodon style id: milliseconds since 1970 << 16, plus a sequence."""
    ms = int(when.timestamp() * 1000)
    return str((ms << 16) | (seq & 0xFFFF))


def ts_millis_z(when):
    """2025-02-03T15:04:05.123Z, as the X API writes it."""
    when = when.astimezone(UTC)
    return when.strftime("%Y-%m-%dT%H:%M:%S") + ".%03dZ" % (when.microsecond // 1000)


def ts_z(when):
    return when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


# US Pacific time; daylight saving began on 2025-03-09 at 10:00 UTC.
DST_START_2025 = datetime(2025, 3, 9, 10, 0, tzinfo=UTC)


def pacific(when):
    offset = -7 if when >= DST_START_2025 else -8
    return when.astimezone(timezone(timedelta(hours=offset)))


def ts_pacific(when):
    """Local shop time with an explicit offset, as the scheduling tool exports it."""
    return pacific(when).isoformat(timespec="seconds")


def pick(rng, items):
    return items[rng.randrange(len(items))]


def fill(template, **slots):
    return template.format(**slots).strip()


def lognormal_int(rng, median, sigma, low=0):
    return max(low, int(round(median * math.exp(rng.gauss(0.0, sigma)))))


# ---------------------------------------------------------------------------------------------
# Broadcaster: GlowFizz, a sparkling-drink brand on X
# ---------------------------------------------------------------------------------------------

GF_HANDLE = "GlowFizzDrinks"
GF_ACCOUNT = {
    "id": "1410392884553195521",
    "handle": "@GlowFizzDrinks",
    "platform": "x",
    "followers": 486300,
    "aliases": ["GlowFizz", "GlowFizzCare"],
}

GF_FLAVOURS = ["Yuzu Ginger", "Blood Orange", "Cucumber Mint", "Pink Grapefruit", "Mango Chili"]
GF_HOOKS = [
    "New week, new fizz! 🥤",
    "Your 3pm slump called. It wants a GlowFizz.",
    "Zero sugar. Zero regrets. 💥",
    "POV: you just cracked open a cold one 😎",
    "Hydration, but make it sparkle ✨",
    "Read that again: ZERO sugar.",
    "Weekend plans? Sorted. 🙌",
    "The fridge restock you didn't know you needed.",
    "Stop scrolling. Start sipping. 🛑🥤",
    "Main character energy, in a can.",
    "Hot take: water is better with bubbles.",
    "Desk drink upgrade unlocked 🔓",
]
GF_PRODUCT = [
    "{flavour} is back on shelves now.",
    "{flavour}: crisp, bright and only 15 calories.",
    "Have you tried {flavour} yet?",
    "{flavour} over ice is the move.",
    "Stock up on {flavour} before it sells out.",
    "{flavour} + a lime wedge = perfection.",
    "{flavour} now comes in 12-packs.",
    "Nobody does {flavour} like we do.",
]
GF_CTA = [
    "Find it near you 👉 {link}",
    "Shop now: {link}",
    "Grab yours 👉 {link}",
    "Link in bio!",
    "Tap to shop {link}",
    "",
]
GF_TAGS = [
    "sparkling", "soda", "healthydrinks", "refresh", "drinkup", "mood", "zerosugar", "thirsty",
    "foodie", "vegan", "wellness", "hydrate", "trending", "MondayMotivation", "snacktime",
    "instafood", "summervibes", "newflavor",
]
GF_GIVEAWAY = [
    "🎉 GIVEAWAY 🎉 RT + follow @GlowFizzDrinks for a chance to win a YEAR of fizz! Winner picked "
    "Sunday. #giveaway #win #contest #GlowFizz #freebies",
    "🚨 Last chance! RT + follow @GlowFizzDrinks to win a year of GlowFizz. Winner picked Sunday "
    "🥤 #giveaway #win #contest #GlowFizz #freebies",
]
GF_TAG_A_FRIEND = (
    "Tag a friend who needs a GlowFizz today 👇 #TagAFriend #GlowFizz #FridayFeeling #sparkling"
)
GF_POLL = [
    "Which flavour are you today? 🍊 Blood Orange or 🥒 Cucumber Mint? Reply below 👇 "
    "#GlowFizz #poll #drinkup",
    "Be honest: can or glass? 👀 #GlowFizz",
    "Rank our flavours. Wrong answers only 😂 #GlowFizz #sparkling #soda #fun",
    "Sparkling water with breakfast: yes or no? #GlowFizz #debate",
]
GF_CREATORS = [
    "sipwithsasha", "fitbymarco", "thekitchenkid", "lunchboxlena", "gymtokdani", "brunchqueenbee",
    "coachjayruns", "mealprepmo", "the_snack_critic", "yogawithkeiko",
]
GF_SHOUTOUT = [
    "Huge thanks to {m} for the love this week! 💙 #GlowFizz #ad #partner #sparkling",
    "Our favourite creators are sipping {flavour} 😍 {m} #GlowFizz #ad #collab #newflavor",
    "Squad goals 🥤 {m} #GlowFizz #partner #sparkling #influencer",
]
GF_LAUNCH = [
    ("It's HERE. 🍒 Sour Cherry is officially out! {link} #SourCherry #GlowFizz #newflavor "
     "#FlavorDrop #sparkling"),
    ("🍒🍒🍒 SOUR CHERRY 🍒🍒🍒 Available now {link} #SourCherry #GlowFizz #newflavor "
     "#FlavorDrop"),
    ("You asked, we listened. Sour Cherry is live {link} #SourCherry #GlowFizz #zerosugar "
     "#FlavorDrop #trending"),
    ("It's HERE. 🍒 Sour Cherry is officially out! {link} #SourCherry #GlowFizz #newflavor "
     "#FlavorDrop #sparkling"),
]
GF_SALE = [
    "⚡ FLASH SALE ⚡ 25% off everything for the next 2 hours! {link} "
    "#sale #GlowFizz #deal #sparkling",
    "2 hours only: 25% off all GlowFizz ⚡ {link} #sale #GlowFizz #deal #discount",
    "⚡ FLASH SALE ⚡ 25% off everything for the next 2 hours! {link} "
    "#sale #GlowFizz #deal #sparkling",
    "Clock's ticking ⏰ 25% off sitewide {link} #sale #GlowFizz #flashsale #deal #shopnow",
]
GF_RESTOCK = [
    "RESTOCKED 🙌 Mango Chili is back {link} #restock #MangoChili #GlowFizz #spicy",
    "Mango Chili is back in stock 🌶️🥭 {link} #restock #MangoChili #GlowFizz #spicy",
    "RESTOCKED 🙌 Mango Chili is back {link} #restock #MangoChili #GlowFizz #spicy",
]

GF_COMMENTS_PRAISE = [
    "🔥🔥🔥", "need", "yum", "obsessed", "love this flavour", "sour cherry slaps",
    "best soda ever fr", "my fridge is 90% glowfizz at this point", "W", "🍒😍",
    "the can design tho",
    "cucumber mint supremacy", "ok this looks good",
]
GF_COMMENTS_QUESTION = [
    "is this available in Canada?", "when is mango chili coming back??", "does this have caffeine?",
    "why can't I find it at my Target", "is the sour cherry one sweetened with stevia?",
    "do you ship to Alaska?", "are the cans recyclable?",
]
GF_COMMENTS_COMPLAINT = [
    "link doesn't work",
    "still waiting on my giveaway prize from January lol",
    "my last case arrived with three dented cans and nobody has answered my emails in two weeks, "
    "honestly really disappointing from a brand I used to recommend to everyone",
    "tastes like sparkling sunscreen, sorry",
    "price went up again?",
    "I've tried to contact support three times about a missing order and keep getting the same "
    "automatic reply, is anyone actually reading these messages",
    "too many ads from you on my timeline",
]
GF_COMMENTS_GIVEAWAY = [
    "done ✅", "entered!! 🤞", "done ✅ 🤞🤞", "pick me please 🙏", "RT'd and followed",
]
GF_CANNED_CARE = "Hi there! Thanks for reaching out. Please send us a DM so our team can help. 💙"
GF_CANNED_LOVE = "Thanks for the love! 💙 Stay fizzy 🥤"
GF_REPLY_BACK = ["I did DM, two weeks ago.", "DM sent.", "that's what you said last time"]

GF_FIRST = [
    "jay", "kels", "mike", "tori", "dre", "sam", "liz", "nate", "bri", "chris", "ash", "jess",
    "tay", "rob", "mo", "lex", "kim", "zoe", "ben", "cam", "dani", "ty", "emma", "luis",
]
GF_SUFFIX = ["_", "__", "x", "tv", "official", "lol", "_runs", "eats", "fan", "99", "2003", "_k"]
GF_HUNTERS = ["giveaway_gina77", "winbig_wallace", "contestqueen_ro", "freebie_frank"]


def gf_audience(rng):
    """A pool of audience handles; most appear once or twice, as on a big brand account."""
    names = []
    for first in GF_FIRST:
        for suffix in GF_SUFFIX:
            names.append("%s%s%d" % (first, suffix, rng.randrange(1, 999)))
    rng.shuffle(names)
    return names


def gf_link(rng):
    alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return "https://glowfizz.example/s/" + "".join(rng.choice(alphabet) for _ in range(7))


def gf_promo(rng):
    flavour = pick(rng, GF_FLAVOURS)
    tags = ["GlowFizz", flavour.replace(" ", "")] + rng.sample(GF_TAGS, rng.choice([0, 1, 2, 3, 4]))
    parts = [pick(rng, GF_HOOKS), fill(pick(rng, GF_PRODUCT), flavour=flavour),
             fill(pick(rng, GF_CTA), link=gf_link(rng))]
    text = " ".join(p for p in parts if p) + " " + " ".join("#" + t for t in tags)
    return text, tags


def gf_shoutout(rng):
    people = rng.sample(GF_CREATORS, rng.randint(3, 6))
    text = fill(pick(rng, GF_SHOUTOUT), m=" ".join("@" + p for p in people),
                flavour=pick(rng, GF_FLAVOURS))
    return text, people


def tags_in(text):
    return [w[1:] for w in text.split() if w.startswith("#")]


def gf_metrics(rng, kind, when, video):
    impressions = lognormal_int(rng, 90000 if kind != "burst" else 45000, 0.7, 8000)
    metrics = {
        "impressions": impressions,
        "reach": int(impressions * rng.uniform(0.55, 0.78)),
        "likes": int(impressions * rng.uniform(0.004, 0.015)),
        "shares": int(impressions * rng.uniform(0.0008, 0.004)),
        "clicks": int(impressions * rng.uniform(0.002, 0.008)),
    }
    if kind == "giveaway":
        metrics["shares"] = int(impressions * rng.uniform(0.01, 0.03))
        metrics["likes"] = int(impressions * rng.uniform(0.015, 0.03))
    if video:
        metrics["views"] = int(impressions * rng.uniform(0.3, 0.6))
    if when >= datetime(2025, 3, 1, tzinfo=UTC):  # bookmarks only tracked from March
        metrics["saves"] = int(impressions * rng.uniform(0.0002, 0.001))
    return metrics


def gf_schedule(rng):
    """(time, kind) for every post: a steady daily drip plus six bursts."""
    slots = []
    day = datetime(2025, 2, 3, tzinfo=UTC)
    end = datetime(2025, 4, 30, tzinfo=UTC)
    while day <= end:
        weekday = day.weekday()
        count = 0
        roll = rng.random()
        if weekday < 5:
            count = 2 if roll < 0.12 else (1 if roll < 0.8 else 0)
        elif roll < 0.45:
            count = 1
        hours = sorted(rng.sample([13, 15, 16, 17, 19, 21], count))
        for hour in hours:
            when = day + timedelta(hours=hour, minutes=pick(rng, [0, 0, 15, 30, 45]))
            if weekday == 4 and rng.random() < 0.7:
                kind = "tag_a_friend"
            else:
                kind = rng.choices(["promo", "giveaway", "shoutout", "poll"], [60, 12, 10, 10])[0]
            slots.append((when, kind))
        day += timedelta(days=1)
    bursts = [
        (datetime(2025, 2, 14, 17, 0, tzinfo=UTC), "sale", 4, 8),
        (datetime(2025, 2, 27, 16, 30, tzinfo=UTC), "restock", 3, 5),
        (datetime(2025, 3, 10, 14, 0, tzinfo=UTC), "launch", 4, 9),
        (datetime(2025, 3, 21, 18, 0, tzinfo=UTC), "giveaway", 3, 6),
        (datetime(2025, 4, 4, 19, 0, tzinfo=UTC), "shoutout", 3, 9),
        (datetime(2025, 4, 18, 15, 0, tzinfo=UTC), "sale", 4, 7),
    ]
    for start, kind, count, span in bursts:
        slots = [s for s in slots if abs((s[0] - start).total_seconds()) > 3 * 3600]
        offsets = sorted(rng.sample(range(0, span * 60), count - 1))
        slots.append((start, "burst:" + kind))
        for i, off in enumerate(offsets):
            slots.append((start + timedelta(seconds=off + 30 + i), "burst:" + kind))
    slots.sort(key=lambda s: s[0])
    return slots


def gf_comments(rng, post_when, kind, audience, seq):
    comments = []
    if kind == "giveaway":
        count = rng.randint(2, 5)
    else:
        count = rng.choice([0, 0, 0, 1, 1, 1, 2, 2, 3])
    for _ in range(count):
        when = post_when + timedelta(seconds=int(rng.expovariate(1 / 9000.0)) + 40,
                                     milliseconds=rng.randrange(1000))
        if kind == "giveaway" and rng.random() < 0.6:
            author, text, intent = pick(rng, GF_HUNTERS), pick(rng, GF_COMMENTS_GIVEAWAY), "praise"
        else:
            author = pick(rng, audience)
            intent = rng.choices(["praise", "question", "complaint"], [60, 25, 15])[0]
            pool = {"praise": GF_COMMENTS_PRAISE, "question": GF_COMMENTS_QUESTION,
                    "complaint": GF_COMMENTS_COMPLAINT}[intent]
            text = pick(rng, pool)
        seq[0] += 1
        comment = {"id": x_id(when, seq[0]), "author": author, "created_at": ts_millis_z(when),
                   "text": text}
        if rng.random() < 0.8:
            comment["likes"] = rng.choice([0, 0, 1, 1, 2, 3, 5, 8, 14])
        comments.append(comment)
        answer_odds = {"praise": 0.04, "question": 0.2, "complaint": 0.3}[intent]
        if rng.random() < answer_odds:
            answered = when + timedelta(hours=rng.uniform(18, 80))
            care = intent != "praise"
            seq[0] += 1
            answer = {"id": x_id(answered, seq[0]),
                      "author": "GlowFizzCare" if care and rng.random() < 0.5 else GF_HANDLE,
                      "created_at": ts_millis_z(answered),
                      "text": GF_CANNED_CARE if care else GF_CANNED_LOVE,
                      "parent_id": comment["id"], "likes": rng.choice([0, 0, 1])}
            comments.append(answer)
            if care and rng.random() < 0.5:
                back = answered + timedelta(minutes=rng.randint(5, 600))
                seq[0] += 1
                comments.append({"id": x_id(back, seq[0]), "author": author,
                                 "created_at": ts_millis_z(back), "text": pick(rng, GF_REPLY_BACK),
                                 "parent_id": answer["id"]})
    comments.sort(key=lambda c: c["created_at"])
    return comments


def build_broadcaster():
    rng = random.Random(20250203)
    audience = gf_audience(rng)
    seq = [0]
    posts = []
    burst_texts = {"launch": list(GF_LAUNCH), "sale": [], "restock": list(GF_RESTOCK)}
    for when, kind in gf_schedule(rng):
        when = when + timedelta(milliseconds=rng.randrange(1000))
        seq[0] += 1
        post_id = x_id(when, seq[0])
        mentions, tags, video = None, None, False
        metric_kind = "regular"
        if kind.startswith("burst:"):
            metric_kind = "burst"
            kind = kind[len("burst:"):]
            if kind == "sale":
                if not burst_texts["sale"]:
                    burst_texts["sale"] = list(GF_SALE)
                text = burst_texts["sale"].pop(0).format(link=gf_link(rng))
            elif kind in ("launch", "restock"):
                text = burst_texts[kind].pop(0).format(link=gf_link(rng))
                video = kind == "launch" and rng.random() < 0.5
            elif kind == "giveaway":
                text = GF_GIVEAWAY[0]
                metric_kind = "giveaway"
            else:
                text, mentions = gf_shoutout(rng)
        elif kind == "promo":
            text, tags = gf_promo(rng)
            video = rng.random() < 0.2
        elif kind == "giveaway":
            text = pick(rng, GF_GIVEAWAY)
            metric_kind = "giveaway"
        elif kind == "tag_a_friend":
            text = GF_TAG_A_FRIEND
        elif kind == "shoutout":
            text, mentions = gf_shoutout(rng)
        else:
            text = pick(rng, GF_POLL)
        post = {"id": post_id, "created_at": ts_millis_z(when), "text": text,
                "url": "https://x.com/%s/status/%s" % (GF_HANDLE, post_id)}
        # Half of the export came through the API, which lists entities; the rest is text only.
        if rng.random() < 0.5:
            post["hashtags"] = tags if tags is not None else tags_in(text)
            if mentions is not None:
                post["mentions"] = mentions
        post["metrics"] = gf_metrics(rng, metric_kind, when, video)
        post["comments"] = gf_comments(rng, when, "giveaway" if metric_kind == "giveaway" else kind,
                                       audience, seq)
        posts.append(post)

    # The launch thread: a second part that answers the brand's own first launch post.
    launch = next(p for p in posts if "#SourCherry" in p["text"])
    when = datetime(2025, 3, 10, 14, 12, 41, 250000, tzinfo=UTC)
    seq[0] += 1
    thread_id = x_id(when, seq[0])
    posts.append({"id": thread_id, "created_at": ts_millis_z(when),
                  "text": "Ingredients: sparkling water, tart cherry juice, a squeeze of lime, "
                          "nothing else. 2/2 #SourCherry #GlowFizz #clean #zerosugar",
                  "url": "https://x.com/%s/status/%s" % (GF_HANDLE, thread_id),
                  "in_reply_to": {"author": GF_HANDLE, "id": launch["id"]},
                  "metrics": gf_metrics(rng, "burst", when, False), "comments": []})

    # Three replies to other people's posts, all with the same stock line.
    for day, person in [(datetime(2025, 2, 20, 20, 5, tzinfo=UTC), "brunchqueenbee"),
                        (datetime(2025, 3, 12, 16, 48, tzinfo=UTC), "kels_runs212"),
                        (datetime(2025, 4, 9, 22, 31, tzinfo=UTC), "fitbymarco")]:
        seq[0] += 1
        their_id = x_id(day - timedelta(hours=5), seq[0])
        seq[0] += 1
        post_id = x_id(day, seq[0])
        posts.append({"id": post_id, "created_at": ts_millis_z(day),
                      "text": "@%s %s" % (person, GF_CANNED_LOVE),
                      "url": "https://x.com/%s/status/%s" % (GF_HANDLE, post_id),
                      "mentions": [person],
                      "in_reply_to": {"author": person, "id": their_id},
                      "metrics": {"impressions": rng.randint(900, 4000),
                                  "likes": rng.randint(2, 30), "shares": 0},
                      "comments": []})
    posts.sort(key=lambda p: p["created_at"])
    return {"schema": "ror/v1", "account": GF_ACCOUNT, "posts": posts}


# ---------------------------------------------------------------------------------------------
# Relationship builder: Tidewater Books, an independent bookshop on Mastodon
# ---------------------------------------------------------------------------------------------

TW_HANDLE = "tidewaterbooks"
TW_ACCOUNT = {
    "id": "109348221760443512",
    "handle": "@tidewaterbooks",
    "platform": "mastodon",
    "followers": 2140,
    "aliases": ["tidewaterbooks@harbourtown.social", "Tidewater Books"],
}
TW_URL = "https://harbourtown.social/@tidewaterbooks/"
TW_SITE = "https://tidewaterbooks.example/"

# Invented books: (title, author, one-line pitch).
BOOKS = [
    ("The Salt Orchard", "Imogen Vale",
     "A family tries to keep an apple farm alive while the sea creeps up the field."),
    ("Nine Lanterns", "Kofi Mensah-Hart",
     "A lamplighter learns that the city's lamps keep its ghosts asleep."),
    ("A Field Guide to Small Repairs", "Hanna Sorensen",
     "Short essays on mending jumpers, bicycles and friendships."),
    ("The Ferryman's Ledger", "R. J. Calloway",
     "A missing-person case worked out from a ferry's passenger lists."),
    ("Low Tide Radio", "Beatriz Aranda",
     "A pirate radio station broadcasting from a beach hut in 1974."),
    ("Orbit of Small Things", "Dev Raman",
     "A repair crew on a space station everyone else has forgotten."),
    ("How the Heron Waits", "Maeve Doherty",
     "Poems about patience, estuaries and living with teenagers."),
    ("Cartography for Beginners", "Sol Ferreira",
     "Two cousins map their town the summer before it is flooded for a reservoir."),
    ("The Quiet Kitchen", "Ada Whitlock",
     "One-pot recipes from a cook who fed a lighthouse crew for twenty years."),
    ("Tenants of the Moor", "Gideon Ashby",
     "Three generations of tenant farmers and a landlord who keeps changing."),
    ("Borrowed Light", "Nadia Qureshi",
     "Two sisters swap lives for a year and tell no one."),
    ("The Long Way to Marrow Point", "Tess Okonkwo",
     "A retired postwoman walks the coast path she once delivered along."),
]
STAFF = ["Priya", "Tomás", "Wren", "Abe"]

CORE = [  # (handle, first active month, last active month, chattiness)
    ("marisol_r@bookish.club", 1, 6, 0.55),
    ("hughcarraway@mastodon.social", 1, 6, 0.4),
    ("ines_reads@bookish.club", 1, 5, 0.45),
    ("old_tom_sails@harbourtown.social", 1, 6, 0.35),
    ("junebug@mastodon.social", 2, 6, 0.4),
    ("kwame_o@harbourtown.social", 1, 4, 0.3),
    ("ruthless_reader@bookish.club", 3, 6, 0.45),
    ("felix_knits@mastodon.online", 1, 6, 0.3),
    ("dana_leaf@harbourtown.social", 2, 6, 0.35),
    ("pmcgrath@mastodon.social", 1, 6, 0.25),
]
OCCASIONAL_FIRST = [
    "amara", "bartek", "celine", "dmitri", "eloise", "farid", "greta", "hamish", "ifeoma", "joss",
    "kasia", "lorcan", "mina", "niall", "odette", "pavel", "quinn", "rosa", "sunil", "talia",
    "ulrich", "vera", "wes", "yusuf", "zadie", "arlo", "bea", "cormac", "delphine", "emrys",
    "fern", "gus", "hana", "idris", "jude",
]
OCCASIONAL_TAIL = ["", "_reads", "_writes", "reads", "_books", "_", "72", "_on_the_coast"]
INSTANCES = ["mastodon.social", "harbourtown.social", "bookish.club", "mastodon.online",
             "mstdn.example.net"]

SHORT_CHEER = ["Added to my list!", "Ooh. Noted.", "Sold.", "Yes please.", "Loved this one."]
CLOSERS = ["", "", "", " Happy reading!", " See you soon.", " Thanks for always chiming in.",
           " 📚", " 💛"]

# Comment templates by post kind: (intent, text). Slots: {title} {author} {staff} {rec} {day}.
COMMENTS = {
    "pick": [
        ("short", "{cheer}"),
        ("read_it", "I read {title} over the winter and I keep going back to it."),
        ("read_it", "{title} was my favourite book last year, so glad to see it get some love."),
        ("stalled", "I've started {title} twice and stalled in the same place both times. "
                    "Should I push on?"),
        ("hold", "Could you put a copy of {title} aside for me? I can come in on Saturday."),
        ("hold", "Any signed copies of {title} left? It would make a great birthday present "
                 "for my dad."),
        ("age", "Would {title} suit a thoughtful thirteen-year-old?"),
        ("more", "Has {author} written anything else? I want more of this."),
        ("next", "What would you read after {title}?"),
    ],
    "club": [
        ("attend", "Count me in for {day}."),
        ("attend", "I'll be there, and I'm bringing the lemon drizzle again unless anyone "
                   "objects."),
        ("behind", "Can I still come if I haven't finished it? I'm about halfway."),
        ("cant", "Can't make {day} this time, work trip. Save me a seat next month?"),
        ("attend", "First book club for me. Is it all right to just turn up?"),
        ("attend", "Babysitter booked. See you {day}."),
        ("behind", "I'm only a third of the way in, is that allowed?"),
        ("attend", "Missed the last one, definitely coming to this. {title} looks like a good "
                   "argument starter."),
    ],
    "question": [
        ("rec", "{rec}, no contest. I've bought it for four different people."),
        ("rec", "Anything by {rec_author}. I will not be taking questions."),
        ("rec", "{rec}. I read it in one sitting during last year's power cut."),
        ("rec", "Mine is {rec}. My book group hated it and I loved it, which says something."),
        ("rec", "{rec}, because it was the first book in ages that made me miss my stop."),
        ("rec", "Probably {rec}. Not the most polished book, but it found me at the right time."),
    ],
    "event": [
        ("rsvp", "Just booked! Can I bring my sister along?"),
        ("rsvp", "RSVP'd. Will {author} be signing afterwards?"),
        ("recording", "Can't make it, any chance of a recording or a signed copy by post?"),
        ("rsvp", "Booked for two. Thank you for bringing authors to our end of the coast."),
    ],
    "news": [
        ("cheer", "Best news all week."),
        ("cheer", "This is why I love this shop."),
        ("cheer", "Ha! Brilliant."),
        ("cheer", "Love this little shop so much."),
        ("ask", "{ask}"),
    ],
    "recap": [
        ("thanks", "What a lovely evening. {author} was so generous with questions."),
        ("thanks", "Still thinking about what {author} said about endings. Thank you for "
                   "organising it."),
        ("missed", "Gutted I missed it! Are there any signed copies left?"),
        ("missed", "Sorry I couldn't come. How was it?"),
        ("thanks", "My first author event and definitely not my last."),
    ],
    "arrivals": [
        ("short", "{cheer}"),
        ("hold", "Could you hold {title} for me? I'll be in on Thursday."),
        ("secondhand", "Anything new in the secondhand corner this week?"),
        ("secondhand", "Is there a list of the secondhand books too, or is that in-shop only?"),
        ("short", "Ooh, that one!"),
    ],
    "outreach": [
        ("cheer", "Love seeing you two talk to each other."),
        ("cheer", "This town is lucky to have both of you."),
        ("cheer", "Two of my favourite places in one thread!"),
        ("cheer", "Small-town internet at its best."),
        ("cheer", "This is the kind of post that makes me glad I moved here."),
        ("cheer", "Oh I'd love that, count me in."),
    ],
    "thread": [("short", "{cheer}")],
}

ANSWERS = {
    "short": [
        "{h} we think you'll love it. {staff} says the middle is where it really takes off.",
        "{h} good choice! There are a couple of copies on the front table right now.",
        "{h} tell us what you make of it when you're done, we're collecting opinions.",
        "{h} that's the spirit. If it's sold out when you come in, ask and we'll order one.",
    ],
    "read_it": [
        "{h} isn't it wonderful? {staff} hand-sells it to anyone who stands still long enough.",
        "{h} same here. If it stayed with you, try {rec} next, it has a similar ache to it.",
        "{h} it's one of those books that gets better the longer you sit with it, isn't it?",
    ],
    "stalled": [
        "{h} push on a little, it turns soon after that. If it still hasn't got you a few "
        "chapters later, life's too short and we'll swap it.",
        "{h} honest answer from {staff}: that bit is the slow one. Skim it, the rest repays you.",
    ],
    "hold": [
        "{h} done, {title} is behind the counter with your name on it.",
        "{h} we have one signed copy of {title} left and it's yours. Want it gift-wrapped?",
        "{h} set aside for you. We're open until five on Saturday.",
    ],
    "age": [
        "{h} {staff} gave it to her own thirteen-year-old and it went down well. One sad chapter "
        "might be worth a chat, nothing graphic.",
        "{h} we'd say yes for a reader who likes to think. If it's too slow for them, "
        "{rec} is a faster way in.",
    ],
    "more": [
        "{h} {author}'s first book is out of print, but we often find secondhand copies. "
        "Want us to keep an eye out?",
        "{h} a new one from {author} is due in the autumn. We'll shout when we can take orders.",
    ],
    "next": [
        "{h} after {title}, try {rec}. A similar mood, a bit more hopeful.",
        "{h} {staff} would say {rec}, then a long walk, in that order.",
    ],
    "secondhand": [
        "{h} the secondhand shelf had a lovely run of old travel writing this week, worth a look.",
        "{h} in-shop only, it changes too fast to keep a list! This week it's mostly crime and "
        "some old Penguin poetry.",
        "{h} a box of children's classics came in on Tuesday, a few are still there.",
    ],
    "attend": [
        "{h} wonderful, we'll have the kettle on.",
        "{h} no objections have ever been raised to the lemon drizzle. See you {day}!",
        "{h} great, it's always better with you in the room.",
    ],
    "behind": [
        "{h} absolutely come. Half the group is always mid-book, and spoilers get a warning first.",
        "{h} of course! Finishing is optional, tea is not.",
    ],
    "cant": [
        "{h} saved in spirit. Next month's pick goes up in a couple of weeks.",
        "{h} safe travels! We'll send you the notes from the discussion.",
    ],
    "rec": [
        "{h} {rec_echo} is a great shout. {staff} has sold a small mountain of it.",
        "{h} adding {rec_echo} to the summer table list, thank you.",
        "{h} that's the best reason to love a book. We've got {rec_echo} in stock if anyone "
        "reading this wants to try it.",
        "{h} ha, the right book at the right time beats a perfect one every day.",
    ],
    "rsvp": [
        "{h} you're on the list, and of course bring her along, we'll add a chair.",
        "{h} yes, {author} is staying to sign. Bring any copies you already own too.",
        "{h} thank you for coming! We'll save you seats near the front.",
    ],
    "recording": [
        "{h} no recording, sadly, but we can get a copy signed and posted to you. Just tell us "
        "who to make it out to.",
    ],
    "cheer": [
        "{h} you're very kind, thank you.",
        "{h} that means a lot to a small shop like ours.",
        "{h} and we're lucky to have you, honestly.",
    ],
    "ask": ["{h} {ask_answer}"],
    "thanks": [
        "{h} thank you for coming and for the brilliant question about the map!",
        "{h} it was a good night, wasn't it? {author} called it one of the warmest crowds so far.",
    ],
    "missed": [
        "{h} a few signed copies are left, we'll put one aside if you like.",
        "{h} next time! And yes, there are signed copies at the till.",
        "{h} it was lovely, you were missed. {author} left a few signed copies at the till.",
    ],
    "long": [
        "{h} thank you for taking the time to write all that. The part about {echo} really "
        "stayed with us, and we've pinned it up by the till for {staff} to read.",
        "{h} this is exactly why we do this. {staff} read your comment out at the morning tea "
        "break and we all went quiet for a bit.",
        "{h} what a thoughtful note. You've convinced {staff} to reread it, and we want to hear "
        "what you think of {rec} when you're ready for the next one.",
        "{h} thank you, really. Bring these thoughts to book club, they deserve a bigger room.",
    ],
}
REPLY_BACK_A = [
    "Perfect, thank you!", "Thank you!", "Oh, lovely.", "Ha!", "Brilliant.", "You're the best.",
    "Deal 😄", "Noted.", "Oh, that's kind of you.", "Thanks so much.", "Great, thanks.",
    "Aw, thank you.", "Ha, fair.", "Lovely, cheers.",
]
REPLY_BACK_B = [
    "", "", "See you Saturday.", "I'll report back.", "That's just what I wanted to know.",
    "Will do.", "Adding it to the pile, the pile is getting dangerous.", "See you then.",
    "I'll pop in after work.", "My reading list thanks you, my bank balance less so.",
    "I'll bring my mum next time.", "Good to know.", "You've made my morning.",
    "I'll hold you to that.", "Tell Marmalade I said hello.",
]
RE_ANSWER = [
    "{h} 😊", "{h} 💛", "{h} thank you!", "{h} see you soon!", "{h} any time.",
    "{h} always a pleasure.", "{h} ha! Take care.", "{h} have a lovely week.", "{h} 🙌",
    "{h} enjoy!", "{h} say hi when you're in!", "{h} you too!", "{h} happy to help.",
]
RE_TAILS = ["", "", " 📚", " 💛", " 🙂"]

LONG_OPENERS = {
    "pick": ["I finished {title} on Sunday and I've been meaning to say something about it.",
             "I picked up {title} on {staff}'s say-so last month, so here's my report.",
             "Seeing {title} here made me smile, because it's the book I've talked about most "
             "this year."],
    "club": ["Some thoughts ahead of {day}, in case I'm too shy to say them in the room.",
             "I've just finished {title} and I'm writing this down before I lose it.",
             "I'm not sure I can make {day}, so here are my notes on {title} instead."],
    "question": ["Long answer, sorry. {rec}, and here's why.",
                 "This question sent me down memory lane. For me it's {rec}."],
    "event": ["I'll be there, and I wanted to say why this one matters to me.",
              "Booked, and I have to say how happy I am that {author} is coming."],
    "news": ["Small news, but it's the reason I keep coming back.",
             "I know this is a little post, but it made me want to write a long reply."],
    "recap": ["Last night was lovely, thank you for organising it.",
              "I came home from the reading and couldn't sleep, so here goes."],
    "arrivals": ["Coming back to this post because I finally read {title}.",
                 "I grabbed {title} from this list and I've just finished it."],
}
LONG_MIDDLES = [
    ("the handwritten card", "I'd never have picked it up from a chain shop table; it was the "
     "handwritten card on your shelf that did it."),
    ("moving here", "I moved here two winters ago knowing nobody, and book club is honestly how "
     "I met most of the people I now call friends."),
    ("reading again", "My reading slowed right down after my daughter was born, and books with "
     "short chapters like this one are what got me going again."),
    ("your grandmother's farm", "It made me think of my grandmother's farm, which was sold when I "
     "was nine, and how quickly a place stops being yours."),
    ("being trusted", "There is a particular pleasure in a book that trusts you to work things "
     "out instead of explaining every feeling."),
    ("arguing with your brother", "I bought a copy for my brother too, mostly so I'd have someone "
     "to argue with about the last chapter."),
    ("older characters", "I wish more novels let their older characters be the interesting ones "
     "rather than wise furniture in the background."),
    ("the ferry", "Reading it on the ferry each morning made the commute the best part of my day "
     "for two weeks."),
    ("the slow middle", "The middle dragged a little for me, but the last eighty pages more than "
     "made up for it."),
    ("your notebook", "I've started keeping a notebook of lines I want to remember, and this one "
     "filled four pages."),
    ("asking for help", "What I appreciate here is that nobody ever makes me feel silly for asking "
     "for a book I can only half describe."),
    ("reading aloud", "My partner and I have been reading it aloud to each other after dinner, "
     "which we haven't done since before the kids."),
    ("the library", "I borrowed it from the library first and then came in to buy my own copy, "
     "because I wanted to be able to write in the margins."),
    ("the weather", "The storms this winter made it the perfect time for a book about the sea "
     "taking things back."),
]
SHOP_MIDDLES = [
    ("moving here", "I moved here two winters ago knowing nobody, and book club is honestly how "
     "I met most of the people I now call friends."),
    ("asking for help", "What I appreciate here is that nobody ever makes me feel silly for asking "
     "for a book I can only half describe."),
    ("the cat", "My kids think of the shop as a library with a cat, and to be honest so do I."),
    ("the high street", "There were three bookshops on the high street when I was growing up, "
     "and now there is you. Please never leave."),
    ("ordering through you", "Every time I bought something online I felt a bit guilty, so now I "
     "order through you, even when it takes a few days longer."),
    ("the back room", "The back room on a wet Thursday evening is the cosiest place I know."),
    ("being remembered", "It's the only shop in town where someone remembers what I read last and "
     "asks how I found it."),
]
LONG_CLOSERS = ["Anyway, thank you for asking.", "See you at the next one.",
                "Thanks for keeping the shop going.", "Sorry for the essay!", ""]

QUESTIONS = [
    "What's a book you keep pressing on friends?",
    "If the shop flooded and you could carry out one book, which would it be?",
    "Which book got you through this winter?",
    "Name a book you'd never have picked up if someone hadn't insisted.",
    "What are you reading this weekend? {staff} is halfway through {title} and won't stop "
    "talking about it.",
    "Best book you ever read on a train, bus or ferry?",
    "What should go on our summer table this year? Tell us and we'll make a shelf of your picks.",
    "Which book would you give a friend who says they 'don't read'?",
    "A book that changed your mind about something?",
    "Which book would you want to be stuck in a lighthouse with for a week?",
    "Debut novels you loved lately? We want to stock more first books.",
    "Which book do you reread, and how often?",
]
NEWS = [  # (post text, the question someone asks, our answer)
    ("The shop cat has claimed the poetry shelf again. We've decided not to argue.",
     "Does the cat have a name? Asking for my kids.",
     "she's called Marmalade and she answers to none of it, your kids are welcome to try."),
    ("A retired teacher donated three boxes to the secondhand corner this week: lots of 1970s "
     "science fiction and some very handsome old atlases.",
     "Any atlases from before 1960? My father collects them.",
     "two, a 1952 and a 1958. We'll keep them back till the weekend for him."),
    ("Closed Monday for stocktake. If a special order is waiting for you, it will keep until "
     "Tuesday.",
     "Is the café next door open on Monday at least?",
     "they are, and they do a very good cheese scone. We'll be behind the blinds counting."),
    ("Children's story time moves to Saturdays at 10 from next month. Thank you to the parents who "
     "asked!",
     "Is it still free? And is it OK for a two-year-old?",
     "free as ever, and two-year-olds are our most enthusiastic audience."),
    ("We finally fixed the squeaky door. Regulars: you can now sneak in unannounced.",
     "I'll miss the squeak, it was like a doorbell.",
     "Abe says he can put the squeak back for a small fee."),
    ("New shelf by the window for local writers. If you've published something about the coast, "
     "bring us a copy and we'll talk.",
     "Does that include self-published books?",
     "yes! Bring a copy in and we'll read it before we decide, that's the only rule."),
]
ARRIVALS = [
    "This week's new arrivals are on the site, including a reprint of {title} by {author}: {link}",
    "Fresh boxes unpacked: {title} is finally back in stock, plus new poetry and two cookbooks. "
    "Full list: {link}",
    "Spring catalogue is up. Our favourite surprise is {title} by {author}: {link}",
]
CLUB = [  # (month, book index, meeting day)
    (1, 0, "Thursday 23rd"), (2, 4, "Thursday 20th"), (3, 9, "Thursday 27th"),
    (4, 10, "Thursday 24th"), (5, 3, "Thursday 22nd"), (6, 5, "Thursday 26th"),
]
EVENTS = [  # (month, day, book index)
    (2, 13, 0), (4, 10, 5), (5, 15, 6), (6, 12, 7),
]
OUTREACH = [  # ((month, day), the person whose post we answer, our reply)
    ((1, 14), "harbourlibrary@harbourtown.social",
     "Congratulations on the new opening hours! We'll point our Sunday browsers your way when "
     "we're closed."),
    ((1, 29), "saltmarshcafe@mastodon.social",
     "Your new window seat is the best reading spot in town. Can we leave a few secondhand "
     "paperbacks on the shelf there for people to swap?"),
    ((2, 6), "imogenvale@wandering.example",
     "So looking forward to having you on the 13th. We've ordered extra copies of The Salt "
     "Orchard and Priya has prepared far too many questions."),
    ((2, 24), "pagesandpints@mastodon.social",
     "Your quiz round on lighthouse novels was fiendish. We've put every book from it on one "
     "table, come and see how many you got right."),
    ((3, 11), "harbourlibrary@harbourtown.social",
     "Happy to help with the reading challenge prizes again. Shall we do book tokens, or would "
     "the kids prefer picking their own from a box?"),
    ((3, 26), "ferrytown_news@harbourtown.social",
     "Thanks for the kind piece about the shop. One small correction: the cat is Marmalade, "
     "not Mango. She'd want that on the record."),
    ((4, 8), "imogenvale@wandering.example",
     "The paperback cover is gorgeous. Readers who came to your February evening keep asking "
     "when it lands, we'll order plenty."),
    ((4, 22), "juniper_teaches@mastodon.online",
     "Your class's reading list is brilliant. If the school needs copies of Cartography for "
     "Beginners, we can do a teacher's discount."),
    ((5, 6), "harbourlibrary@harbourtown.social",
     "Count us in for the summer reading launch. We can bring a stall of secondhand children's "
     "books for 50p each."),
    ((5, 20), "pagesandpints@mastodon.social",
     "Rematch accepted. Our team name is Overdue and we intend to win this time."),
    ((6, 3), "saltmarshcafe@mastodon.social",
     "The swap shelf has emptied and refilled four times since January. Shall we add a second "
     "one for summer?"),
    ((6, 17), "lostbookmark_lily@mastodon.social",
     "We found a pressed-flower bookmark in a returned copy of How the Heron Waits. Is it yours? "
     "It's safe behind the counter."),
]


def tw_people(rng):
    occasional = []
    for first in OCCASIONAL_FIRST:
        occasional.append("%s%s@%s" % (first, pick(rng, OCCASIONAL_TAIL), pick(rng, INSTANCES)))
    return occasional


def short_handle(author):
    return "@" + author.split("@")[0]


def tw_long_comment(rng, kind, slots, used):
    openers = [o for o in LONG_OPENERS[kind] if o not in used] or LONG_OPENERS[kind]
    opener = pick(rng, openers)
    used.append(opener)
    pool = SHOP_MIDDLES if kind in ("news", "event", "recap") else LONG_MIDDLES
    chosen = rng.sample(pool, rng.randint(2, 4))
    parts = [fill(opener, **slots)] + [m[1] for m in chosen]
    parts.append(pick(rng, LONG_CLOSERS))
    return " ".join(p for p in parts if p), chosen[0][0]


def in_shop_hours(when):
    """Move a reply to the next morning when it would land in the middle of the night."""
    local = pacific(when)
    if 8 <= local.hour < 22:
        return when
    next_morning = local.replace(hour=8, minute=0, second=0) + timedelta(
        days=1 if local.hour >= 22 else 0, seconds=(local.minute * 97 + local.second * 13) % 5400)
    return next_morning.astimezone(UTC)


def tw_metrics(kind, rng, has_link):
    impressions = lognormal_int(rng, 2300 if kind != "outreach" else 450, 0.45, 120)
    metrics = {
        "impressions": impressions,
        "reach": int(impressions * rng.uniform(0.6, 0.85)),
        "likes": int(impressions * rng.uniform(0.015, 0.05)),
        "shares": int(impressions * rng.uniform(0.003, 0.012)),
        "saves": int(impressions * rng.uniform(0.001, 0.006)),
    }
    if has_link:
        metrics["clicks"] = int(impressions * rng.uniform(0.02, 0.06))
    if kind == "event":
        metrics["conversions"] = rng.randint(12, 45)
    return metrics


class Ids:
    """Id sequence, plus the answers already given so that no two read the same."""

    def __init__(self):
        self.seq = 0
        self.answers = set()

    def next(self, when):
        self.seq += 1
        return masto_id(when, self.seq)

    def fresh(self, make, tries=20):
        text = make()
        for _ in range(tries):
            if " ".join(text.lower().split()) not in self.answers:
                break
            text = make()
        self.answers.add(" ".join(text.lower().split()))
        return text


def tw_thread(rng, ids, post, kind, slots, people, month):
    """Audience comments on one post, the shop's answers, replies back and the odd last word."""
    post_when = datetime.fromisoformat(post["created_at"]).astimezone(UTC)
    authors = [c[0] for c in CORE if c[1] <= month <= c[2] and rng.random() < c[3]]
    extra = {"outreach": 0, "thread": 0}.get(kind, rng.choice([0, 1, 1, 2]))
    authors += [pick(rng, people) for _ in range(extra)]
    if kind in ("outreach", "thread"):
        authors = authors[: rng.choice([0, 1, 1, 2])]
    rng.shuffle(authors)
    seen, used, comments = [], [], []
    for author in authors:
        if author in seen:
            continue
        seen.append(author)
        when = post_when + timedelta(seconds=int(rng.expovariate(1 / 14000.0)) + 120)
        slots_c = dict(slots)
        rec_title, rec_author, _ = pick(rng, BOOKS)
        slots_c.update(rec=rec_title, rec_author=rec_author, cheer=pick(rng, SHORT_CHEER),
                       h=short_handle(author), rec_echo=rec_title)
        if kind in LONG_OPENERS and rng.random() < 0.22:
            text, echo = tw_long_comment(rng, kind, slots_c, used)
            intent = "long"
            slots_c["echo"] = echo
        else:
            choices = [t for t in COMMENTS[kind] if t[1] not in used] or COMMENTS[kind]
            intent, template = pick(rng, choices)
            used.append(template)
            text = fill(template, **slots_c)
            if intent == "rec" and "{rec_author}" in template:
                slots_c["rec_echo"] = rec_author
        comment = {"id": ids.next(when), "author": author, "created_at": ts_z(when), "text": text,
                   "parent_id": None}
        if rng.random() < 0.85:
            comment["likes"] = rng.choice([0, 1, 1, 2, 2, 3, 4, 6])
        comments.append(comment)
        if rng.random() >= 0.9:
            continue
        delay = timedelta(minutes=int(rng.lognormvariate(math.log(75), 0.8)))
        answered = in_shop_hours(when + delay)
        other_book = pick(rng, [b for b in BOOKS if b[0] != slots_c.get("title")])
        answer_slots = dict(slots_c, rec=other_book[0])
        fresh_templates = [t for t in ANSWERS[intent] if t not in used] or ANSWERS[intent]
        template = pick(rng, fresh_templates)
        used.append(template)
        answer_text = ids.fresh(lambda: fill(template, **answer_slots) + pick(rng, CLOSERS))
        author_name = TW_HANDLE if rng.random() < 0.9 else TW_ACCOUNT["aliases"][0]
        answer = {"id": ids.next(answered), "author": author_name, "created_at": ts_z(answered),
                  "text": answer_text, "parent_id": comment["id"]}
        if rng.random() < 0.7:
            answer["likes"] = rng.choice([1, 1, 2, 3])
        comments.append(answer)
        if rng.random() >= 0.55:
            continue
        back_when = answered + timedelta(minutes=int(rng.lognormvariate(math.log(90), 0.9)) + 3)
        back = {"id": ids.next(back_when), "author": author, "created_at": ts_z(back_when),
                "text": (pick(rng, REPLY_BACK_A) + " " + pick(rng, REPLY_BACK_B)).strip(),
                "parent_id": answer["id"]}
        comments.append(back)
        if rng.random() < 0.5:
            last = in_shop_hours(back_when + timedelta(minutes=rng.randint(10, 240)))
            comments.append({"id": ids.next(last), "author": TW_HANDLE, "created_at": ts_z(last),
                             "text": ids.fresh(lambda: fill(pick(rng, RE_ANSWER),
                                                            h=short_handle(author))
                                               + pick(rng, RE_TAILS)),
                             "parent_id": back["id"]})
    comments.sort(key=lambda c: (c["created_at"], c["id"]))
    return comments


def tw_calendar(rng):
    """(utc time, kind, details) for the shop's own posts, about eight a month."""
    plan = []
    questions = list(QUESTIONS)
    rng.shuffle(questions)
    news = list(NEWS)
    for month in range(1, 7):
        kinds = ["pick", "pick", "question", "question", "news", "arrivals"]
        if month in (3, 5):
            kinds.append("pick")
        days = sorted(rng.sample([d for d in range(2, 29)
                                  if datetime(2025, month, d).weekday() < 6], len(kinds)))
        rng.shuffle(kinds)
        for day, kind in zip(days, kinds):
            plan.append((month, day, kind))
        plan.append((month, rng.randint(2, 8), "club"))  # well before the meeting
        for (m, d, book) in EVENTS:
            if m == month:
                plan.append((month, max(1, d - 9), "event:%d:%d" % (d, book)))
                plan.append((month, d + 1, "recap:%d" % book))
    plan.sort()
    out = []
    used_days = set()
    pick_books = [1, 2, 11, 6, 8, 3, 7, 10, 4, 0, 9, 5, 2, 11]
    arrivals = list(ARRIVALS)
    for month, day, kind in plan:
        while (month, day) in used_days:
            day += 1
        used_days.add((month, day))
        local_hour = rng.choice([8, 9, 9, 10, 11, 13, 16])
        local = datetime(2025, month, day, local_hour, rng.randrange(0, 60), rng.randrange(60))
        offset = -7 if (month, day) >= (3, 9) else -8
        when = local.replace(tzinfo=timezone(timedelta(hours=offset))).astimezone(UTC)
        details = {"staff": pick(rng, STAFF)}
        if kind == "pick":
            book = BOOKS[pick_books.pop(0) if pick_books else rng.randrange(len(BOOKS))]
        elif kind == "club":
            _, idx, day_name = CLUB[month - 1]
            book = BOOKS[idx]
            details["day"] = day_name
        elif kind.startswith("event:"):
            _, event_day, idx = kind.split(":")
            book = BOOKS[int(idx)]
            details["event_day"] = int(event_day)
            kind = "event"
        elif kind.startswith("recap:"):
            book = BOOKS[int(kind.split(":")[1])]
            kind = "recap"
        else:
            book = pick(rng, BOOKS)
        details.update(title=book[0], author=book[1], pitch=book[2])
        if kind == "question":
            details["question"] = questions.pop(0)
        if kind == "news":
            details["news"] = news.pop(0) if news else NEWS[month % len(NEWS)]
        if kind == "arrivals":
            details["arrivals"] = arrivals.pop(0) if arrivals else pick(rng, ARRIVALS)
        out.append((when, kind, details))
    return out


def tw_original_text(rng, when, kind, d):
    """Text, link, hashtags array (or None) for one of the shop's own posts."""
    link, tags = None, None
    if kind == "pick":
        extra = pick(rng, ["Signed copies while they last.", "Ask at the till and we'll set one "
                           "aside.", "", "Also in the library if you'd like to borrow it first."])
        text = "%s's pick this week: %s by %s. %s %s" % (d["staff"], d["title"], d["author"],
                                                       d["pitch"], extra)
        if rng.random() < 0.4:
            text += " #AmReading"
    elif kind == "club":
        text = ("Book club for %s: %s by %s. We meet %s at 7pm in the back room, tea and biscuits "
                "on us. New faces very welcome. #bookclub" %
                (when.strftime("%B"), d["title"], d["author"], d["day"]))
        tags = ["bookclub"]
    elif kind == "question":
        text = fill(d["question"], staff=d["staff"], title=d["title"])
    elif kind == "news":
        text = d["news"][0]
    elif kind == "arrivals":
        link = TW_SITE + "new-arrivals/" + when.strftime("%Y-%m-%d")
        text = fill(d["arrivals"], title=d["title"], author=d["author"], link=link)
        tags = [] if rng.random() < 0.5 else None
    elif kind == "event":
        link = TW_SITE + "events/" + d["author"].lower().replace(" ", "-").replace(".", "")
        date = datetime(2025, when.month, d["event_day"]).strftime("%A %d %B").replace(" 0", " ")
        text = ("%s is coming to read from %s on %s at 6:30pm. Free, but please RSVP so we know "
                "how many chairs to put out: %s #IndieBookshop #AuthorEvent" %
                (d["author"], d["title"], date, link))
        tags = ["IndieBookshop", "AuthorEvent"] if rng.random() < 0.5 else None
    else:  # recap
        text = ("Thank you to the %d of you who squeezed into the back room for %s last night. "
                "Signed copies of %s are at the till for anyone who missed it." %
                (rng.randint(28, 46), d["author"], d["title"]))
    return " ".join(text.split()), link, tags


def build_relationship_builder():
    rng = random.Random(20250106)
    ids = Ids()
    people = tw_people(rng)
    posts = []
    for when, kind, d in tw_calendar(rng):
        text, link, tags = tw_original_text(rng, when, kind, d)
        post_id = ids.next(when)
        post = {"id": post_id, "author": TW_HANDLE, "created_at": ts_pacific(when), "text": text,
                "url": TW_URL + post_id}
        if tags is not None:
            post["hashtags"] = tags
        post["metrics"] = tw_metrics(kind, rng, link is not None)
        slots = dict(d)
        if kind == "news":
            slots.update(ask=d["news"][1], ask_answer=d["news"][2])
        post["comments"] = tw_thread(rng, ids, post, kind, slots, people, when.month)
        posts.append(post)

    # A two-part spring list: the second part answers the shop's own first part.
    first = next(p for p in posts
                 if p["created_at"].startswith("2025-03") and "'s pick this week" in p["text"])
    when = datetime.fromisoformat(first["created_at"]).astimezone(UTC) + timedelta(minutes=3)
    post_id = ids.next(when)
    posts.append({"id": post_id, "author": TW_HANDLE, "created_at": ts_pacific(when),
                  "text": "And while we're at it, three more for the spring table: Nine Lanterns, "
                          "The Quiet Kitchen and A Field Guide to Small Repairs. All three on "
                          "the front table this week.",
                  "url": TW_URL + post_id,
                  "in_reply_to": {"author": TW_HANDLE, "id": first["id"]},
                  "metrics": tw_metrics("thread", rng, False),
                  "comments": []})
    posts[-1]["comments"] = tw_thread(rng, ids, posts[-1], "thread", {"staff": pick(rng, STAFF)},
                                      people, 3)

    for (month, day), person, text in OUTREACH:
        local = datetime(2025, month, day, rng.choice([10, 12, 14, 15]), rng.randrange(60), 0)
        offset = -7 if (month, day) >= (3, 9) else -8
        when = local.replace(tzinfo=timezone(timedelta(hours=offset))).astimezone(UTC)
        their_id = ids.next(when - timedelta(hours=rng.randint(2, 20)))
        post_id = ids.next(when)
        post = {"id": post_id, "author": TW_HANDLE, "created_at": ts_pacific(when),
                "text": "%s %s" % (short_handle(person), text), "url": TW_URL + post_id,
                "mentions": [person], "in_reply_to": {"author": person, "id": their_id},
                "metrics": tw_metrics("outreach", rng, False)}
        post["comments"] = tw_thread(rng, ids, post, "outreach", {"staff": pick(rng, STAFF)},
                                     people, month)
        posts.append(post)
    posts.sort(key=lambda p: datetime.fromisoformat(p["created_at"]))
    return {"schema": "ror/v1", "account": TW_ACCOUNT, "posts": posts}


# ---------------------------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------------------------


def write_json(path, doc):
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        json.dump(doc, out, ensure_ascii=False, indent=1)
        out.write("\n")


def write_ndjson(path, doc, count):
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        out.write(json.dumps({"account": doc["account"]}, ensure_ascii=False) + "\n")
        for post in doc["posts"][:count]:
            out.write(json.dumps(post, ensure_ascii=False) + "\n")


def main():
    target = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    broadcaster = build_broadcaster()
    builder = build_relationship_builder()
    write_json(os.path.join(target, "broadcaster.json"), broadcaster)
    write_json(os.path.join(target, "relationship-builder.json"), builder)
    write_ndjson(os.path.join(target, "campaign.ndjson"), builder, 15)
    for name, doc in (("broadcaster.json", broadcaster), ("relationship-builder.json", builder)):
        comments = sum(len(p["comments"]) for p in doc["posts"])
        print("%s: %d posts, %d comments" % (name, len(doc["posts"]), comments))


if __name__ == "__main__":
    main()
