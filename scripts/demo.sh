#!/usr/bin/env bash
# Installs what is missing, builds build/ror (the binary only), and scores the bundled samples: a
# broadcaster, a relationship builder, a blog post with its comments, and a small X archive.
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
