window.YTD.tweets.part0 = [
  {"tweet": {"id_str": "10", "id": "10", "created_at": "Mon Jan 05 10:00:00 +0000 2026", "full_text": "Fresh bread &amp; coffee #bakery", "favorite_count": "4", "retweet_count": "1", "entities": {"hashtags": [{"text": "bakery"}], "user_mentions": []}}},
  {"tweet": {"id_str": "11", "created_at": "Mon Jan 05 10:05:00 +0000 2026", "full_text": "@ann yes, Saturday", "favorite_count": "0", "retweet_count": "0", "in_reply_to_status_id_str": "9", "in_reply_to_screen_name": "ann", "in_reply_to_user_id_str": "77", "entities": {"user_mentions": [{"screen_name": "ann", "id_str": "77"}]}}},
  {"tweet": {"id_str": "12", "created_at": "Mon Jan 05 10:06:00 +0000 2026", "full_text": "and Sunday too", "favorite_count": "0", "retweet_count": "0", "in_reply_to_status_id_str": "11", "in_reply_to_screen_name": "oven", "in_reply_to_user_id_str": "1"}},
  {"tweet": {"id_str": "13", "created_at": "Mon Jan 05 11:00:00 +0000 2026", "full_text": "RT @ann: the rye is back", "favorite_count": "0", "retweet_count": "3"}}
]
