#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test: the speed benchmark's smoke run, then
# ctest (unit, CLI cases, reference comparison, real data), then the sanitized suite
# (scripts/sanitize.sh). Non-zero exit on any failure.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$ROOT/scripts/setup.sh"

# 10 MB of each layout, scored and checked against the floor program (bench/README.md).
"$ROOT/bench/run.sh" --smoke

cd "$ROOT/build"
ctest --output-on-failure --parallel "$(nproc)" --timeout 600

# The unit tests, the CLI cases and the fuzz corpora again, built with ASan and UBSan.
"$ROOT/scripts/sanitize.sh"
