#!/usr/bin/env bash
# The sanitized suite: a clang build with AddressSanitizer and UBSan (every UBSan finding fatal)
# in build-asan/, then the unit tests, the CLI cases and the fuzz corpora under it. Run by
# test.sh after the release suite; expects scripts/setup.sh to have installed the packages.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${ASAN_BUILD_DIR:-$ROOT/build-asan}"

# Tuned for this CPU as build/ is, so that the sanitizers run the same SIMD code paths.
cmake -S "$ROOT" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DROR_WERROR=ON \
  -DROR_SANITIZE=ON -DROR_NATIVE=ON -DCMAKE_CXX_COMPILER="$(command -v clang++)" \
  -DPython3_EXECUTABLE=/usr/bin/python3 >&2
cmake --build "$BUILD_DIR" --parallel "$(nproc)" --target ror ror_tests ror_fuzz_replay \
  ror_fuzz_html_replay >&2

# Leaks are reported too; a finding ends the test with a non-zero exit.
export ASAN_OPTIONS="abort_on_error=1:detect_leaks=1:strict_string_checks=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
cd "$BUILD_DIR"
ctest --output-on-failure --parallel "$(nproc)" --timeout 600 \
  -R '^(unit|cli_cases|fuzz_corpus_.*|fuzz_html_corpus)$'
