#!/usr/bin/env bash
# Installs what ror needs to build and test (Debian 12 packages), then configures and builds
# build/ (release, warnings as errors, tuned for this CPU: ROR_NATIVE) with clang, whose code for
# the ingest loops is faster than g++'s (CXX=g++ builds too). Run by demo.sh and test.sh; safe to
# run again.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${BUILD_DIR:-$ROOT/build}"

PACKAGES=(clang g++ cmake ninja-build libcli11-dev nlohmann-json3-dev libfmt-dev libspdlog-dev catch2
          libsimdjson-dev libarchive-dev libxml2-dev libcsv-dev libzstd-dev zstd python3
          python3-jsonschema libjs-chart.js chromium lintian dpkg-dev file man-db
          bash-completion zsh fish)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

CXX="${CXX:-clang++}"
cmake -S "$ROOT" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release -DROR_WERROR=ON \
  -DROR_NATIVE=ON -DCMAKE_CXX_COMPILER="$(command -v "$CXX")" \
  -DPython3_EXECUTABLE=/usr/bin/python3 >&2
# ROR_TARGETS (e.g. "ror") builds only those targets: the demo needs the binary alone.
# shellcheck disable=SC2086
cmake --build "$BUILD_DIR" --parallel "$(nproc)" ${ROR_TARGETS:+--target $ROR_TARGETS} >&2
