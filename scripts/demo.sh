#!/usr/bin/env bash
# Installs what is missing, builds build/ror (the binary only), and scores the bundled samples: a
# broadcaster, a relationship builder, a blog post with its comments, and a small X archive; then
# compares two of them, lists an audience and writes an HTML report, saying where.
# Each command is printed exactly as it is run, from the repository's root.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROR_TARGETS=ror "$ROOT/scripts/setup.sh"
cd "$ROOT"

# Prints a command line, then runs it as printed.
run() {
  printf '\n$ %s\n' "$1"
  bash -c "$1" || true
}

for sample in broadcaster relationship-builder seed-blog; do
  run "build/ror score data/samples/$sample.json"
done
run "build/ror score tests/fixtures/importers/x-archive.zip"
run "build/ror score -q --format csv --require 'ror.score>=60' data/samples/broadcaster.json | grep '^check'; echo \"exit code \${PIPESTATUS[0]}: 1 means a condition failed\""
run "build/ror compare data/samples/broadcaster.json data/samples/relationship-builder.json"
run "build/ror audience --top 10 data/samples/relationship-builder.json"
mkdir -p build/demo
run "build/ror report -o build/demo/report.html data/samples/relationship-builder.json"
printf '\nThe HTML report is %s: open it in a browser (it needs no network).\n' \
  "$ROOT/build/demo/report.html"
