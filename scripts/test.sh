#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test: the speed benchmark's smoke run, then
# ctest (unit, CLI cases, reference comparison, real data). Non-zero exit on any failure.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$ROOT/scripts/setup.sh"

# 10 MB of each layout, scored and checked against the floor program (bench/README.md).
"$ROOT/bench/run.sh" --smoke

cd "$ROOT/build"
ctest --output-on-failure --parallel "$(nproc)" --timeout 600
