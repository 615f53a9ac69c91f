#!/usr/bin/env bash
# Installs what is missing, builds build/ror, and scores the bundled samples: a broadcaster, a
# relationship builder, a blog post with its comments, and a small X archive.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$ROOT/scripts/setup.sh"

ROR="$ROOT/build/ror"
for sample in broadcaster relationship-builder seed-blog; do
  echo
  echo "\$ build/ror score data/samples/$sample.json"
  "$ROR" score "$ROOT/data/samples/$sample.json"
done
echo
echo "\$ build/ror score tests/fixtures/importers/x-archive.zip   # an X archive, as X hands it out"
"$ROR" score "$ROOT/tests/fixtures/importers/x-archive.zip"
echo
echo "\$ build/ror score --require 'ror.score>=60' data/samples/broadcaster.json   # a CI gate"
set +e
"$ROR" score -q --format csv --require 'ror.score>=60' "$ROOT/data/samples/broadcaster.json" | grep '^check'
echo "exit code: ${PIPESTATUS[0]} (1 = a condition failed)"
