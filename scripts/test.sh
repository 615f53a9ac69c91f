#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test (ctest); non-zero exit on any failure.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$ROOT/scripts/setup.sh"

cd "$ROOT/build"
ctest --output-on-failure --parallel "$(nproc)" --timeout 600
