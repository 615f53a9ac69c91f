#!/usr/bin/env bash
# The speed benchmark (issue 3): `ror score --format json` against the floor, the minimal simdjson
# On-Demand pass over the same file, on generated exports in both layouts; then ror alone on the
# platform formats (X, Mastodon, Reddit, Hacker News, WordPress, YouTube, LinkedIn, Bluesky,
# Facebook, Instagram: bench/formats.sh) and on zstd NDJSON.
#
#   bench/run.sh                     10M, 100M and 1G, every layout and format, 3 runs each
#   bench/run.sh --with-reference    also jq and Python rows (inputs <= 100M); same as REFERENCE=1
#   bench/run.sh --smoke             10M, one run; exit 1 unless ror exits 0 on every input, agrees
#                                    with the floor on the counts and finds what each generated
#                                    format holds (what CI runs)
#
# Environment: SIZES (default "10M 100M 1G"; K, M, G are powers of 1000), REPEAT (3), SEED (1),
# BENCH_DIR (/tmp/ror-bench: generated inputs, reused when the size, seed and generator version
# match), FORMATS (the platform format rows, default all: see bench/formats.sh), ZST (1: the
# .zst row), REFERENCE (0), REFERENCE_MAX (100M), REFERENCE_REPEAT (REPEAT), ROR (build/ror),
# ROR_ARGS (extra arguments for `ror score`), BENCH_BUILD (build-bench).
#
# Wall time is measured around each process; peak RSS comes from /usr/bin/time -v. Runs of ror
# and the floor alternate, so both see the same machine state; each row shows the median wall time,
# the range over the runs and the largest peak RSS.
set -euo pipefail
export LC_ALL=C

usage() { sed -n '2,21p' "$0" | sed 's/^# \{0,1\}//'; }

SMOKE=0
REF="${REFERENCE:-0}"
for arg in "$@"; do
  case "$arg" in
    --smoke) SMOKE=1 ;;
    --with-reference) REF=1 ;;
    -h | --help) usage; exit 0 ;;
    *) echo "bench: unknown argument: $arg" >&2; usage >&2; exit 2 ;;
  esac
done

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROR="${ROR:-$ROOT/build/ror}"
BENCH_BUILD="${BENCH_BUILD:-$ROOT/build-bench}"
BENCH_DIR="${BENCH_DIR:-/tmp/ror-bench}"
SIZES="${SIZES:-10M 100M 1G}"
REPEAT="${REPEAT:-3}"
SEED="${SEED:-1}"
REFERENCE_MAX="${REFERENCE_MAX:-100M}"
ROR_ARGS="${ROR_ARGS:-}"
ZST="${ZST:-1}"
if [ "$SMOKE" = 1 ]; then
  SIZES=10M
  REPEAT=1
fi
REFERENCE_REPEAT="${REFERENCE_REPEAT:-$REPEAT}"

log() { echo "bench: $*" >&2; }
die() { echo "bench: error: $*" >&2; exit 2; }

as_root() { if [ "$(id -u)" -ne 0 ]; then sudo "$@"; else "$@"; fi; }
apt_install() {
  log "installing $* (apt-get)"
  as_root apt-get update -qq >&2
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >&2
}

# "100M" -> 100000000
to_bytes() {
  local s="$1" n mult=1
  case "$s" in
    *[kK]) n="${s%?}"; mult=1000 ;;
    *[mM]) n="${s%?}"; mult=1000000 ;;
    *[gG]) n="${s%?}"; mult=1000000000 ;;
    *) n="$s" ;;
  esac
  [[ "$n" =~ ^[0-9]+$ ]] || die "bad size: $s"
  echo $((n * mult))
}

# ---------------------------------------------------------------------------------------------
# Tools and builds.

if [ ! -x "$ROR" ]; then
  if [ "$ROR" = "$ROOT/build/ror" ]; then
    log "build/ror is missing: running scripts/setup.sh"
    "$ROOT/scripts/setup.sh"
  fi
  [ -x "$ROR" ] || die "no ror binary at $ROR"
fi

missing=()
for p in clang cmake libsimdjson-dev time zip zstd; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] || apt_install "${missing[@]}"
[ -x /usr/bin/time ] || die "/usr/bin/time is missing"

cmake_gen=()
if [ ! -f "$BENCH_BUILD/CMakeCache.txt" ] && command -v ninja >/dev/null; then cmake_gen=(-G Ninja); fi
# The same compiler as build/ror (scripts/setup.sh), so that the ratios compare code, not compilers.
cmake -S "$ROOT/bench" -B "$BENCH_BUILD" "${cmake_gen[@]}" -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_CXX_COMPILER="$(command -v "${CXX:-clang++}")" >/dev/null
cmake --build "$BENCH_BUILD" --parallel "$(nproc)" >&2
GEN="$BENCH_BUILD/ror_gen"
FLOOR="$BENCH_BUILD/ror_floor"
GEN_VERSION="$("$GEN" --version)"
# shellcheck source=bench/formats.sh
. "$ROOT/bench/formats.sh"
FORMATS="${FORMATS:-$ALL_FORMATS}"
for fmt in $FORMATS; do
  declare -F "expect_$fmt" >/dev/null || die "unknown format in FORMATS: $fmt (known: $ALL_FORMATS)"
done

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# Measure a private copy of ror, so that a rebuild during the run cannot mix two binaries (or catch
# one half written).
ROR_BIN="$WORK/ror"
for attempt in 1 2 3 4 5 6 7 8 9 10; do
  cp "$ROR" "$ROR_BIN" && "$ROR_BIN" --version >/dev/null 2>&1 && break
  [ "$attempt" -lt 10 ] || die "$ROR does not run"
  log "$ROR does not run (being rebuilt?): retrying in 3 s"
  sleep 3
done
ROR_SUM="$(sha256sum "$ROR_BIN" | cut -c1-12)"

# ---------------------------------------------------------------------------------------------
# Inputs.

mkdir -p "$BENCH_DIR"
declare -a INPUTS=()  # "size layout path"
for size in $SIZES; do
  bytes_wanted="$(to_bytes "$size")"
  for layout in json ndjson; do
    file="$BENCH_DIR/ror-g$GEN_VERSION-seed$SEED-$size.$layout"
    if [ ! -s "$file" ]; then
      flag=()
      [ "$layout" = ndjson ] && flag=(--ndjson)
      t0=$EPOCHREALTIME
      "$GEN" --size "$bytes_wanted" --seed "$SEED" "${flag[@]}" -o "$file.tmp" 2>"$WORK/gen.txt"
      t1=$EPOCHREALTIME
      mv "$file.tmp" "$file"
      fbytes=$(stat -c %s "$file")
      log "generated $file: $(awk -v b="$fbytes" -v a="$t0" -v c="$t1" \
        'BEGIN { printf "%.1f MB in %.2f s, %.0f MB/s", b / 1e6, c - a, b / 1e6 / (c - a) }') ($(sed 's/^ror_gen: //' "$WORK/gen.txt"))"
    fi
    INPUTS+=("$size $layout $file")
  done
done
# The largest size: the .zst row's, and the one the targets are read at.
largest=""
largest_bytes=0
for size in $SIZES; do
  b=$(to_bytes "$size")
  if [ "$b" -gt "$largest_bytes" ]; then largest="$size" largest_bytes="$b"; fi
done
declare -a FORMAT_INPUTS=()  # "size format path"
for size in $SIZES; do
  for fmt in $FORMATS; do
    FORMAT_INPUTS+=("$size $fmt $(format_input "$size" "$fmt")")
  done
done

# ---------------------------------------------------------------------------------------------
# Measuring.

# run_timed OUT CMD...: sets RUN_WALL (s), RUN_RSS_KB, RUN_RC; stdout to OUT, stderr to $WORK/err.
run_timed() {
  local out="$1" t0 t1
  shift
  t0=$EPOCHREALTIME
  set +e
  /usr/bin/time -v -o "$WORK/time.txt" "$@" >"$out" 2>"$WORK/err"
  RUN_RC=$?
  set -e
  t1=$EPOCHREALTIME
  RUN_WALL=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.4f", b - a }')
  RUN_RSS_KB=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$WORK/time.txt")
  RUN_RSS_KB="${RUN_RSS_KB:-0}"
}

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.4f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
max() { printf '%s\n' "$@" | sort -g | tail -n 1; }

declare -a ROWS=()          # tab-separated table rows
declare -A TIME=()          # "tool layout size" -> median wall
declare -A BYTES=()         # "size" -> file bytes of the JSON layout (for linearity)
declare -A RSSR=()          # "tool layout size" -> RSS / file
FAILURES=0
NOTES=()

add_row() {  # size layout bytes tool wall rss_kb floor_wall note [all walls...]
  local size="$1" layout="$2" bytes="$3" tool="$4" wall="$5" rss="$6" floor="$7" note="${8:-}"
  shift 8
  local row range="-"
  [ $# -gt 1 ] && range="$(printf '%s\n' "$@" | sort -g | awk 'NR == 1 { a = $1 } { b = $1 } END { printf "%.3f-%.3f", a, b }')"
  row=$(awk -v s="$size" -v l="$layout" -v b="$bytes" -v t="$tool" -v w="$wall" -v g="$range" -v r="$rss" -v f="$floor" -v n="$note" '
    BEGIN {
      mb = b / 1e6
      ratio = (f > 0 && w > 0) ? sprintf("%.2f", w / f) : "-"
      if (w > 0) printf "%s\t%s\t%.1f\t%s\t%.3f\t%s\t%.0f\t%.1f\t%.2f\t%s\t%s", s, l, mb, t, w, g, mb / w, r / 1024, r * 1024 / b, ratio, n
      else printf "%s\t%s\t%.1f\t%s\t-\t-\t-\t-\t-\t-\t%s", s, l, mb, t, n
    }')
  ROWS+=("$row")
  echo "$row" | awk -F'\t' '{ printf "bench: %-5s %-16s %-6s %8s s (%s) %6s MB/s  RSS %8s MB  x floor %s %s\n", $1, $2, $4, $5, $6, $7, $8, $10, $11 }' >&2
  TIME["$tool $layout $size"]="$wall"
  RSSR["$tool $layout $size"]=$(awk -v r="$rss" -v b="$bytes" 'BEGIN { printf "%.3f", r * 1024 / b }')
}

ref_max_bytes=$(to_bytes "$REFERENCE_MAX")
REF_TOOLS=()
if [ "$REF" = 1 ]; then
  if command -v jq >/dev/null; then
    REF_TOOLS+=(jq)
    NOTES+=("jq row: $(jq --version 2>&1) running bench/reference.jq")
  else
    NOTES+=("jq rows skipped: jq is not installed (apt-get install jq)")
  fi
  if command -v python3 >/dev/null; then
    REF_TOOLS+=(python)
    NOTES+=("python row: $(python3 --version 2>&1) running bench/reference.py (json module)")
  else
    NOTES+=("python rows skipped: python3 is not installed")
  fi
  NOTES+=("reference rows only for inputs <= $REFERENCE_MAX (REFERENCE_MAX)")
fi
declare -A ROR_OUT=()

for entry in "${INPUTS[@]}"; do
  read -r size layout file <<<"$entry"
  bytes=$(stat -c %s "$file")
  [ "$layout" = json ] && BYTES["$size"]="$bytes"
  cat "$file" >/dev/null  # into the page cache, for every tool alike
  floor_walls=() floor_rss=() ror_walls=() ror_rss=()
  ror_failed=""
  for ((r = 1; r <= REPEAT; r++)); do
    run_timed "$WORK/floor.out" "$FLOOR" "$file"
    [ "$RUN_RC" -eq 0 ] || { cat "$WORK/err" >&2; die "ror_floor failed on $file"; }
    floor_walls+=("$RUN_WALL") floor_rss+=("$RUN_RSS_KB")
    # shellcheck disable=SC2086  # ROR_ARGS is a list of words
    run_timed "$WORK/ror-$size-$layout.json" "$ROR_BIN" score --format json $ROR_ARGS "$file"
    if [ "$RUN_RC" -ne 0 ]; then
      ror_failed="exit $RUN_RC: $(head -n 1 "$WORK/err")"
      log "ror failed on $file ($ror_failed)"
      break
    fi
    ror_walls+=("$RUN_WALL") ror_rss+=("$RUN_RSS_KB")
  done
  floor_wall=$(median "${floor_walls[@]}")
  add_row "$size" "$layout" "$bytes" floor "$floor_wall" "$(max "${floor_rss[@]}")" "$floor_wall" "" "${floor_walls[@]}"
  if [ -n "$ror_failed" ]; then
    add_row "$size" "$layout" "$bytes" ror 0 0 0 "FAILED ($ror_failed)"
    FAILURES=$((FAILURES + 1))
  else
    note=""
    if ! "$FLOOR" "$file" --check "$WORK/ror-$size-$layout.json" >/dev/null 2>"$WORK/check.txt"; then
      note="COUNTS DIFFER from the floor"
      sed 's/^/bench:   /' "$WORK/check.txt" >&2
      FAILURES=$((FAILURES + 1))
    fi
    add_row "$size" "$layout" "$bytes" ror "$(median "${ror_walls[@]}")" "$(max "${ror_rss[@]}")" "$floor_wall" "$note" "${ror_walls[@]}"
    ROR_OUT["$size $layout"]="$WORK/ror-$size-$layout.json"
  fi

  # Optional reference rows: jq and Python doing the floor's aggregation.
  if [ ${#REF_TOOLS[@]} -gt 0 ] && [ "$(to_bytes "$size")" -le "$ref_max_bytes" ]; then
    nd=0
    [ "$layout" = ndjson ] && nd=1
    for tool in "${REF_TOOLS[@]}"; do
      case "$tool" in
        jq) cmd=(jq -n -c --arg ndjson "$nd" -f "$ROOT/bench/reference.jq" "$file") ;;
        python) cmd=(python3 "$ROOT/bench/reference.py" "$file") ;;
      esac
      walls=() rss=()
      for ((r = 1; r <= REFERENCE_REPEAT; r++)); do
        run_timed "$WORK/ref.out" "${cmd[@]}"
        [ "$RUN_RC" -eq 0 ] || { log "$tool failed on $file: $(head -n 1 "$WORK/err")"; break; }
        walls+=("$RUN_WALL") rss+=("$RUN_RSS_KB")
      done
      if [ ${#walls[@]} -eq 0 ]; then
        add_row "$size" "$layout" "$bytes" "$tool" 0 0 0 "FAILED"
        continue
      fi
      note="same figures as the floor"
      cmp -s "$WORK/ref.out" "$WORK/floor.out" || note="FIGURES DIFFER: $(cat "$WORK/ref.out")"
      add_row "$size" "$layout" "$bytes" "$tool" "$(median "${walls[@]}")" "$(max "${rss[@]}")" "$floor_wall" "$note" "${walls[@]}"
    done
  fi
done

# ---------------------------------------------------------------------------------------------
# The platform formats: ror alone (the floor reads ror/v1 only), each run checked against what
# the generator wrote (bench/formats.sh says what is compared, format by format).

declare -A CHECKED=()  # format -> what its check compares
declare -A FBYTES=()   # "format size" -> the data's bytes
for entry in "${FORMAT_INPUTS[@]}"; do
  read -r size fmt path <<<"$entry"
  bytes=$(json_int "$path.expected.json" bytes)  # the data's bytes (for a zip, those inside it)
  warm "$path"
  walls=() rss=()
  failed=""
  for ((r = 1; r <= REPEAT; r++)); do
    # shellcheck disable=SC2086  # ROR_ARGS is a list of words
    run_timed "$WORK/ror-$size-$fmt.json" "$ROR_BIN" score --format json $ROR_ARGS "$path"
    if [ "$RUN_RC" -ne 0 ]; then
      failed="exit $RUN_RC: $(head -n 1 "$WORK/err")"
      log "ror failed on $path ($failed)"
      break
    fi
    walls+=("$RUN_WALL") rss+=("$RUN_RSS_KB")
  done
  if [ -n "$failed" ]; then
    add_row "$size" "$fmt" "$bytes" ror 0 0 0 "FAILED ($failed)"
    FAILURES=$((FAILURES + 1))
    continue
  fi
  note=""
  [ "$fmt" = x-archive.zip ] && note="zip of $(stat -c %s "$path" | awk '{ printf "%.1f MB", $1 / 1e6 }')"
  read -r want got what <<<"$("expect_$fmt" "$path.expected.json" "$WORK/ror-$size-$fmt.json")"
  CHECKED["$fmt"]="$what"
  if [ "$want" != "$got" ]; then
    note="${note:+$note; }COUNTS DIFFER: want $want, ror $got"
    log "ror on $path: $what: want $want, ror $got"
    FAILURES=$((FAILURES + 1))
  fi
  add_row "$size" "$fmt" "$bytes" ror "$(median "${walls[@]}")" "$(max "${rss[@]}")" 0 "$note" "${walls[@]}"
  FBYTES["$fmt $size"]="$bytes"
done

# The largest NDJSON compressed with zstd, against the plain file in the same runs.
# Two frames of it: `--long=31` (a window of the whole file, as Pushshift and Arctic Shift dumps
# are made) and zstd's default window (2 MiB at -3), each against the plain file.
ZST_RATIO=0
UNZSTD_RATIO=0
ZST_DEFAULT_RATIO=0
if [ "$ZST" = 1 ]; then
  plain="$BENCH_DIR/ror-g$GEN_VERSION-seed$SEED-$largest.ndjson"
  zst="$plain.zst"
  zst_default="$plain.default-window.zst"
  for spec in "$zst --long=31" "$zst_default"; do
    read -r out flags <<<"$spec"
    [ -s "$out" ] && continue
    t0=$EPOCHREALTIME
    # shellcheck disable=SC2086
    zstd -q -f -T0 $flags -3 "$plain" -o "$out.tmp" || die "zstd failed on $plain"
    mv "$out.tmp" "$out"
    log "compressed $plain ${flags:-(default window)}: $(awk -v b="$(stat -c %s "$out")" -v a="$t0" \
      -v c="$EPOCHREALTIME" 'BEGIN { printf "%.1f MB in %.1f s", b / 1e6, c - a }')"
  done
  bytes=$(stat -c %s "$plain")
  warm "$plain"
  warm "$zst"
  warm "$zst_default"
  plain_walls=() walls=() rss=() unzstd_walls=() default_walls=()
  failed=""
  for ((r = 1; r <= REPEAT; r++)); do
    # shellcheck disable=SC2086
    run_timed "$WORK/plain.json" "$ROR_BIN" score --format json $ROR_ARGS "$plain"
    [ "$RUN_RC" -eq 0 ] || { failed="exit $RUN_RC on the plain file"; break; }
    plain_walls+=("$RUN_WALL")
    # shellcheck disable=SC2086
    run_timed "$WORK/zst.json" "$ROR_BIN" score --format json $ROR_ARGS "$zst"
    if [ "$RUN_RC" -ne 0 ]; then
      failed="exit $RUN_RC: $(head -n 1 "$WORK/err")"
      log "ror failed on $zst ($failed)"
      break
    fi
    walls+=("$RUN_WALL") rss+=("$RUN_RSS_KB")
    # shellcheck disable=SC2086
    run_timed "$WORK/zst_default.json" "$ROR_BIN" score --format json $ROR_ARGS "$zst_default"
    [ "$RUN_RC" -eq 0 ] || { failed="exit $RUN_RC on the default-window frame"; break; }
    read -r want got _ <<<"$(expect_ndjson.zst "$WORK/plain.json" "$WORK/zst_default.json")"
    [ "$want" = "$got" ] || { failed="the default-window frame: want $want, ror $got"; break; }
    default_walls+=("$RUN_WALL")
    # Decompression alone, by the zstd tool: the floor under the .zst time on this machine.
    run_timed /dev/null zstd -q -d --long=31 -c "$zst"
    [ "$RUN_RC" -eq 0 ] && unzstd_walls+=("$RUN_WALL")
  done
  if [ -n "$failed" ]; then
    add_row "$largest" ndjson.zst "$bytes" ror 0 0 0 "FAILED ($failed)"
    FAILURES=$((FAILURES + 1))
  else
    wall=$(median "${walls[@]}")
    ZST_RATIO=$(awk -v a="$wall" -v b="$(median "${plain_walls[@]}")" 'BEGIN { printf "%.2f", a / b }')
    note="zstd -3 --long=31, $(stat -c %s "$zst" | awk '{ printf "%.1f MB", $1 / 1e6 }'); ${ZST_RATIO}x the plain file's time"
    if [ "${#unzstd_walls[@]}" -gt 0 ]; then
      UNZSTD_RATIO=$(awk -v a="$(median "${unzstd_walls[@]}")" -v b="$(median "${plain_walls[@]}")" \
        'BEGIN { printf "%.2f", a / b }')
      note="$note; zstd -d alone takes ${UNZSTD_RATIO}x"
    fi
    ZST_DEFAULT_RATIO=$(awk -v a="$(median "${default_walls[@]}")" -v b="$(median "${plain_walls[@]}")" \
      'BEGIN { printf "%.2f", a / b }')
    note="$note; with zstd's default window (2 MiB): ${ZST_DEFAULT_RATIO}x"
    read -r want got what <<<"$(expect_ndjson.zst "$WORK/plain.json" "$WORK/zst.json")"
    CHECKED[ndjson.zst]="$what"
    if [ "$want" != "$got" ]; then
      note="$note; COUNTS DIFFER: want $want, ror $got"
      FAILURES=$((FAILURES + 1))
    fi
    add_row "$largest" ndjson.zst "$bytes" ror "$wall" "$(max "${rss[@]}")" 0 "$note" "${walls[@]}"
    FBYTES["ndjson.zst $largest"]="$bytes"
  fi
fi

# ---------------------------------------------------------------------------------------------
# Report.

echo
echo "ror benchmark: $(date -u +%Y-%m-%dT%H:%M:%SZ), seed $SEED, generator v$GEN_VERSION, $REPEAT run(s) per row (median wall, max RSS)"
echo "machine: $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo), $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo) RAM, $(uname -sr)"
# The compiler a CMake build directory was configured with, and its version.
compiler_of() {
  local cxx
  cxx="$(sed -n 's/^CMAKE_CXX_COMPILER:[A-Z]*=//p' "$1/CMakeCache.txt" 2>/dev/null)"
  if [ -n "$cxx" ]; then "$cxx" --version | head -n 1; else echo '?'; fi
}
echo "ror: $ROR ($("$ROR_BIN" --version 2>&1 | head -n 1), sha256 $ROR_SUM, tree at $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')${ROR_ARGS:+, args: $ROR_ARGS}); simdjson $(dpkg-query -W -f='${Version}' libsimdjson-dev 2>/dev/null || echo '?'); ror built with $(compiler_of "$(dirname "$ROR")"), the floor with $(compiler_of "$BENCH_BUILD")"
echo
{
  printf 'input\tlayout\tsize MB\ttool\tmedian s\tmin-max s\tMB/s\tpeak RSS MB\tRSS/file\tx floor\tnote\n'
  printf '%s\n' "${ROWS[@]}"
} | awk -F'\t' '
  { for (i = 1; i <= NF; i++) { cell[NR, i] = $i; if (length($i) > w[i]) w[i] = length($i) } n = NR; nf = (NF > nf ? NF : nf) }
  END {
    for (r = 1; r <= n; r++) {
      line = ""
      for (i = 1; i <= nf; i++) {
        c = cell[r, i]
        if (i == nf) line = line c
        else if (i <= 2 || i == 4) line = line sprintf("%-" w[i] "s  ", c)
        else line = line sprintf("%" w[i] "s  ", c)
      }
      sub(/ +$/, "", line); print line
      if (r == 1) { s = ""; for (i = 1; i <= nf; i++) s = s sprintf("%s", (i < nf ? sprintf("%" w[i] "s  ", "") : "")); gsub(/ /, "-", s); print s }
    }
  }'

# Linearity: time at the largest size over time at 100M, per layout (issue 3: at most 11x).
echo
if [ -n "${BYTES[100M]:-}" ] && [ "$largest" != 100M ] && [ "$largest_bytes" -gt 100000000 ]; then
  for layout in json ndjson; do
    for tool in ror floor; do
      a="${TIME[$tool $layout $largest]:-0}" b="${TIME[$tool $layout 100M]:-0}"
      awk -v t="$tool" -v l="$layout" -v L="$largest" -v a="$a" -v b="$b" -v ba="${BYTES[$largest]}" -v bb="${BYTES[100M]}" 'BEGIN {
        if (a > 0 && b > 0) printf "linearity %-5s %-6s: %s / 100M time %.2fx for %.2fx the bytes\n", t, l, L, a / b, ba / bb }'
    done
  done
else
  echo "linearity: needs 100M and a larger size in SIZES"
fi

# The issue-3 targets, read off the largest input (informative: a benchmark, not a test).
if [ "$largest_bytes" -ge 1000000000 ]; then
  echo
  awk -v j="${TIME[ror json $largest]:-0}" -v jf="${TIME[floor json $largest]:-0}" -v jr="${RSSR[ror json $largest]:-0}" \
      -v n="${TIME[ror ndjson $largest]:-0}" -v nf="${TIME[floor ndjson $largest]:-0}" -v nr="${RSSR[ror ndjson $largest]:-0}" \
      -v jl="${TIME[ror json 100M]:-0}" -v nl="${TIME[ror ndjson 100M]:-0}" -v L="$largest" 'BEGIN {
    printf "targets at %s: JSON time %.2fx floor (<= 1.5): %s; JSON RSS %.2fx file (<= 1.3): %s\n", L,
      j / jf, (j > 0 && j / jf <= 1.5 ? "met" : "NOT met"), jr, (jr > 0 && jr <= 1.3 ? "met" : "NOT met")
    printf "                NDJSON time %.2fx floor (<= 1.0): %s; NDJSON RSS %.2fx file (<= 0.3): %s\n",
      n / nf, (n > 0 && n / nf <= 1.0 ? "met" : "NOT met"), nr, (nr > 0 && nr <= 0.3 ? "met" : "NOT met")
    if (jl > 0 && nl > 0)
      printf "                linear (<= 11x the 100M time): JSON %.1fx %s, NDJSON %.1fx %s\n",
        j / jl, (j / jl <= 11 ? "met" : "NOT met"), n / nl, (n / nl <= 11 ? "met" : "NOT met")
  }'
fi

format_targets

for note in "${NOTES[@]}"; do echo "note: $note"; done

# ---------------------------------------------------------------------------------------------
# Correctness checks (the smoke test's assertions; run in every mode).

LAYOUT_CHECK="JSON and NDJSON layouts score the same"
command -v python3 >/dev/null || LAYOUT_CHECK="JSON vs NDJSON comparison skipped (no python3)"
for size in $SIZES; do
  a="${ROR_OUT[$size json]:-}" b="${ROR_OUT[$size ndjson]:-}"
  [ -n "$a" ] && [ -n "$b" ] || continue
  if command -v python3 >/dev/null; then
    if ! python3 - "$a" "$b" <<'EOF'
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
keys = ("roi", "ror", "hygiene", "verdict")
diff = [k for k in keys if a.get(k) != b.get(k)]
if diff:
    print("bench: ror scores differ between the JSON and NDJSON layouts in: " + ", ".join(diff), file=sys.stderr)
    sys.exit(1)
EOF
    then
      FAILURES=$((FAILURES + 1))
      echo "check $size: ror output differs between the JSON and NDJSON layouts"
    fi
  fi
done

if [ "$FAILURES" -gt 0 ]; then
  echo "bench: $FAILURES check(s) failed" >&2
  exit 1
fi
echo "checks: ror exited 0 on every input and agrees with the floor on posts, comments, likes and impressions; $LAYOUT_CHECK"
for fmt in "${!CHECKED[@]}"; do echo "  $fmt: ${CHECKED[$fmt]}"; done | sort
