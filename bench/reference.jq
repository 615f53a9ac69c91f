# Reference pass with jq, for the benchmark's optional rows:
#   jq -n -c --arg ndjson 0 -f bench/reference.jq FILE.json
#   jq -n -c --arg ndjson 1 -f bench/reference.jq FILE.ndjson
# The same minimal aggregation as ror_floor, printing the same JSON line. Each post is reduced to a
# small summary as it is read (timestamps parsed only for replies and their parents), then the
# summaries are combined: the fastest form we found. The obvious `reduce` over all comments into
# one accumulator is far slower in jq 1.6: on a 10 MB export, a reduce that does nothing but
# collect the commenters into one object took 9 s, this whole program under 1 s.

# RFC 3339 -> UTC milliseconds (jq's fromdateiso8601 reads neither offsets nor fractions).
def ts_ms:
  . as $s
  | ($s[0:10] + "T" + $s[11:19] | strptime("%Y-%m-%dT%H:%M:%S") | mktime) as $sec
  | $s[19:] as $rest
  | (if ($rest | endswith("Z") or endswith("z")) then [$rest[0:-1], 0]
     else [$rest[0:-6],
           (($rest[-5:-3] | tonumber) * 3600 + ($rest[-2:] | tonumber) * 60)
           * (if $rest[-6:-5] == "-" then -1 else 1 end)]
     end) as [$frac, $offset]
  | (if ($frac | length) > 1 then ($frac[1:] + "00")[0:3] | tonumber else 0 end) as $ms
  | ($sec - $offset) * 1000 + $ms;

def summary:
  (.comments // []) as $cs
  | [$cs[] | select(.parent_id != null)] as $replies
  | (if ($replies | length) == 0 then {}
     else reduce $cs[] as $c ({}; .[$c.id | tostring] = $c.created_at) end) as $times
  | {c: ($cs | length), l: (.metrics.likes // 0), i: (.metrics.impressions // 0),
     a: [$cs[].author],
     d: [$replies[] | $times[.parent_id | tostring] as $p | select($p != null)
         | (.created_at | ts_ms) - ($p | ts_ms)]};

def median:
  sort | length as $n
  | if $n == 0 then null
    elif $n % 2 == 1 then .[($n - 1) / 2]
    else (.[$n / 2 - 1] + .[$n / 2]) / 2 end;

(if $ndjson == "1" then [inputs | select(has("account") | not) | summary]
 else [input.posts[] | summary] end)
| [.[].d[]] as $delays
| {posts: length, comments: (map(.c) | add // 0), likes: (map(.l) | add // 0),
   impressions: (map(.i) | add // 0), commenters: ([.[].a[]] | unique | length),
   replies: ($delays | length), reply_delay_median_ms: ($delays | median)}
