// The word pools and brands ror_gen draws from. Every entry is JSON-escaped text, written between
// quotes as it is by the ror/v1 generator; text.hpp decodes them once for the platform formats,
// which escape text their own way.
#pragma once

#include <string_view>

namespace gen {

inline constexpr std::string_view kCommon[] = {
    "the",     "a",          "and",      "to",       "of",        "in",          "is",
    "it",      "you",        "that",     "for",      "on",        "with",        "this",
    "my",      "was",        "we",       "are",      "but",       "so",          "have",
    "just",    "not",        "be",       "at",       "your",      "all",         "from",
    "they",    "our",        "one",      "about",    "out",       "like",        "what",
    "when",    "can",        "get",      "if",       "more",      "up",          "new",
    "how",     "love",       "really",   "great",    "today",     "time",        "good",
    "much",    "thanks",     "coffee",   "morning",  "order",     "store",       "team",
    "again",   "best",       "ever",     "still",    "never",     "always",      "week",
    "weekend", "try",        "tried",    "taste",    "flavor",    "price",       "delivery",
    "open",    "closed",     "near",     "city",     "shop",      "cup",         "oat",
    "milk",    "beans",      "roast",    "fresh",    "bread",     "pastry",      "line",
    "wait",    "staff",      "friendly", "service",  "app",       "update",      "bug",
    "card",    "points",     "reward",   "free",     "sale",      "launch",      "drop",
    "limited", "edition",    "summer",   "winter",   "spring",    "autumn",      "holiday",
    "please",  "why",        "where",    "who",      "which",     "yes",         "no",
    "maybe",   "definitely", "honestly", "actually", "literally", "pretty",      "super",
    "very",    "too",        "also",     "back",     "here",      "there",       "now",
    "then",    "first",      "last",     "next",     "other",     "every",       "some",
    "any",     "many",       "few",      "little",   "big",       "small",       "hot",
    "cold",    "iced",       "sweet",    "bitter",   "smooth",    "strong",      "light",
    "dark",    "perfect",    "amazing",  "awful",    "okay",      "fine",        "wrong",
    "right",   "late",       "early",    "fast",     "slow",      "kids",        "friends",
    "family",  "work",       "home",     "office",   "train",     "bus",         "walk",
    "rain",    "sun",        "snow",     "stop",     "start",     "made",        "make",
    "know",    "think",      "want",     "need",     "feel",      "looks",       "see",
    "said",    "told",       "asked",    "answer",   "question",  "problem",     "refund",
    "receipt", "menu",       "recipe",   "cake",     "cookie",    "croissant",   "sandwich",
    "lunch",   "breakfast",  "dinner",   "table",    "seat",      "music",       "wifi",
    "parking", "door",       "window",   "sign",     "photo",     "video",       "story",
    "post",    "thread",     "link",     "read",     "watch",     "share",       "follow",
    "support", "help",       "team",     "local",    "farm",      "farmers",     "fair",
    "trade",   "planet",     "cups",     "compost",  "recycle",   "plastic",     "paper",
    "straws",  "lids",       "bags",     "tote",     "mug",       "bottle",      "subscription",
    "plan",    "monthly",    "box",      "gift",     "birthday",  "anniversary", "wedding",
    "party",
};
inline constexpr std::string_view kAccented[] = {
    "café",     "naïve",  "señor",       "Zürich", "crème",   "brûlée",     "façade",
    "jalapeño", "piñata", "smörgåsbord", "déjà",   "vu",      "São",        "Paulo",
    "Ærø",      "Łódź",   "straße",      "über",   "mañana",  "garçon",     "coöperative",
    "résumé",   "touché", "Kraków",      "Malmö",  "Curaçao", "Düsseldorf",
};
inline constexpr std::string_view kEmoji[] = {
    "🔥",    "😂",  "❤️", "👍",    "🙏",   "🎉",        "☕",
    "🥐", "👀",  "💯",      "🤔", "😍",   "👏🏽", "👨‍👩‍👧",
    "🙂", "😭",  "✨",      "🚀",    "💙",   "🤝",     "😅",
    "🇫🇷",   "🇯🇵", "🥲",   "☕☕",   "🔥🔥🔥",
};
inline constexpr std::string_view kScripts[] = {
    "你好",      "谢谢",       "好吃",   "咖啡", "ありがとう", "美味しい",       "コーヒー",
    "좋아요",    "감사합니다", "커피",   "شكرا", "قهوة",       "спасибо",        "кофе",
    "ευχαριστώ", "καφές",      "धन्यवाद", "קפה",  "ขอบคุณ",      "最高\u3000です",
};
// JSON escapes: \uXXXX (BMP and surrogate pairs), quotes, backslashes, tabs, escaped slashes.
inline constexpr std::string_view kEscaped[] = {
    "caf\\u00e9",
    "r\\u00e9sum\\u00e9",
    "\\u00fcber",
    "na\\u00efve",
    "\\ud83d\\ude00",
    "\\ud83d\\udc4d",
    "\\\"best\\\"",
    "\\\"really\\\"",
    "\\\"limited\\\"",
    "C:\\\\Users\\\\me",
    "\\u00af\\\\_(\\u30c4)_/\\u00af",
    "tab\\there",
    "and\\/or",
    "50\\u00a0km",
    "\\u201cfresh\\u201d",
    "\\u2014",
    "caf\\u00c9",
    "\\u00bfpor",
    "qu\\u00e9?",
};
inline constexpr std::string_view kShort[] = {
    "love this", "🔥🔥🔥",          "yes!",  "same",     "where?", "😂",    "+1",        "need this",
    "wow",       "so good",      "nope",  "finally!", "me too", "🙏",    "lol",       "agreed",
    "this!!",    "can't wait",   "😍😍",    "first",    "🤔",   "why?", "ok",        "thanks!",
    "bravo",     "c\\u00e9 bon", "好吃!", "merci",    "yum",    "ugh",  "same here", "💯",
};
inline constexpr std::string_view kCanned[] = {
    "Thanks for the love! 💙 Stay caffeinated ☕",
    "So sorry to hear that! Please DM us your order number and we'll make it right.",
    "Thank you! We're so glad you enjoyed it 🙂",
    "Hi! Could you email help@northwind.example with the details? We'll look into it right away.",
    "We hear you. Passing this on to the team \\u2014 thanks for telling us!",
    "Great question! Yes, all our cups are compostable.",
};
inline constexpr std::string_view kTags[] = {
    "coffee",        "ColdBrew",     "latteart",  "MondayMotivation", "giveaway",
    "win",           "contest",      "foodie",    "instafood",        "vegan",
    "oatmilk",       "breakfast",    "NewFlavor", "sustainability",   "ZeroWaste",
    "local",         "barista",      "espresso",  "caf\\u00e9",       "咖啡",
    "pumpkinspice",  "summerdrinks", "ad",        "sponsored",        "TBT",
    "FridayFeeling", "coffeetime",   "cozy",      "autumnvibes",      "Launch2025",
    "FreeShipping",
};
inline constexpr std::string_view kFirst[] = {
    "anna",  "ben",    "carla",  "dmitri",  "emma",      "farid",  "greta",  "hiro",
    "ines",  "jamal",  "kasia",  "liam",    "maya",      "noah",   "olga",   "pablo",
    "quinn", "rosa",   "sam",    "tariq",   "uma",       "victor", "wen",    "xavier",
    "yara",  "zoë",    "józef",  "søren",   "renée",     "chloé",  "mateo",  "aiko",
    "bjørn", "li",     "fatima", "kofi",    "lena",      "marco",  "nadia",  "oscar",
    "priya", "raúl",   "sofia",  "tom",     "valentina", "will",   "ximena", "yusuf",
    "zara",  "amélie", "bruno",  "camille", "diego",     "elif",   "felix",  "gabi",
    "hana",  "ivan",   "jade",   "kai",     "luca",      "mia",    "nils",   "omar",
};
inline constexpr std::string_view kLast[] = {
    "smith",   "müller", "garcía",   "nguyen",  "rossi",   "kowalski", "sato",      "kim",
    "silva",   "dubois", "jensen",   "ivanova", "haddad",  "okafor",   "patel",     "novak",
    "larsen",  "costa",  "fischer",  "lopez",   "brown",   "wang",     "tanaka",    "moreau",
    "horvat",  "nowak",  "popescu",  "yilmaz",  "khan",    "ali",      "hansen",    "berg",
    "schmidt", "romero", "ferreira", "martin",  "bianchi", "petrov",   "andersson", "ruiz",
    "cohen",   "mendes", "walsh",    "quinn",   "doyle",   "park",     "chen",      "ortiz",
    "vega",    "reyes",  "coffee",   "bakes",   "runs",    "reads",    "eats",      "travels",
    "codes",   "draws",  "sings",    "lifts",   "plays",   "writes",   "cooks",     "fan",
};
inline constexpr std::string_view kInstances[] = {"mastodon.social", "fosstodon.org",
                                                  "hachyderm.io", "example.social"};

struct Brand {
  std::string_view handle;  // without @
  std::string_view alias1;  // support account
  std::string_view alias2;  // display name
  std::string_view domain;
  std::string_view platform;
};
inline constexpr Brand kBrands[] = {
    {"NorthwindCoffee", "NorthwindCare", "Northwind Coffee", "northwind.example", "mastodon"},
    {"GlowFizzDrinks", "GlowFizzCare", "GlowFizz", "glowfizz.example", "x"},
    {"HarbourBakery", "HarbourHelp", "Harbour Bakery", "harbour.example", "instagram"},
    {"Trailhead_Outfitters", "TrailheadSupport", "Trailhead", "trailhead.example", "bluesky"},
};

}  // namespace gen
