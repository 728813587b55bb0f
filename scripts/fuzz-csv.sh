#!/usr/bin/env bash
# The coverage-guided fuzz run of the CSV reader (README, Development):
#
#   bash scripts/fuzz-csv.sh                       # a million executions
#   bash scripts/fuzz-csv.sh -max_total_time=600   # or any libFuzzer options instead
#
# Builds FuzzCsvReader with clang (-fsanitize=fuzzer,address,undefined) in
# ./build-fuzz (ER_FUZZ_BUILD_DIR), writes the seed corpus (valid files as
# spreadsheets write them) to build-fuzz/fuzz-seeds and runs libFuzzer with
# the corpus it grows in build-fuzz/fuzz-corpus. A crash, a leak, a sanitizer
# report or a violated property stops it and leaves the input in
# build-fuzz/fuzz-artifacts/; replay it with
#   build-fuzz/tests/fuzz/FuzzCsvReader build-fuzz/fuzz-artifacts/crash-…
# or, in the normal build, build/tests/fuzz/FuzzCsvReaderSmoke FILE.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD_DIR=${ER_FUZZ_BUILD_DIR:-$ROOT/build-fuzz}
command -v clang++ >/dev/null || { echo "fuzz-csv.sh: needs clang (Debian: apt-get install clang)" >&2; exit 1; }
cmake -S "$ROOT" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_C_COMPILER=clang \
    -DCMAKE_CXX_COMPILER=clang++ -DER_FUZZ=ON --log-level=WARNING
cmake --build "$BUILD_DIR" --target FuzzCsvReader FuzzCsvReaderSmoke
mkdir -p "$BUILD_DIR/fuzz-corpus" "$BUILD_DIR/fuzz-artifacts"
"$BUILD_DIR/tests/fuzz/FuzzCsvReaderSmoke" --write-seeds "$BUILD_DIR/fuzz-seeds"
[[ $# -gt 0 ]] || set -- -runs=1000000
exec "$BUILD_DIR/tests/fuzz/FuzzCsvReader" -print_final_stats=1 -artifact_prefix="$BUILD_DIR/fuzz-artifacts/" "$@" \
    "$BUILD_DIR/fuzz-corpus" "$BUILD_DIR/fuzz-seeds"
