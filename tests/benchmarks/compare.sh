#!/usr/bin/env bash
# Times, in one run on this machine: the Django peer (one transaction, its best
# case), the raw SQLite limit (set-based INSERT ... SELECT) and our benchmark,
# then prints our import rate against both (issue #5: >= 20x Django, >= 0.3x raw).
#
#   tests/benchmarks/compare.sh [N] [BUILD_DIR]
#     N          employees (default 100000)
#     BUILD_DIR  where employee-records-bench was built (default: build, then build-perf)
#   DJANGO_N=... employees for the Django peer (default: N capped at 200000; its
#                rate is flat in N and 1M rows take it ~5 minutes). REPEAT=3 medians.
set -euo pipefail

N=${1:-100000}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
PEERS=$(cd "$ROOT/.." && pwd)/shared/peers
BUILD=${2:-}
if [[ -z "$BUILD" ]]; then
    for candidate in "$ROOT/build" "$ROOT/../build-perf"; do
        [[ -x "$candidate/tests/benchmarks/employee-records-bench" ]] && BUILD=$candidate && break
    done
fi
BENCH=${BUILD:+$BUILD/tests/benchmarks/employee-records-bench}
if [[ -z "$BENCH" || ! -x "$BENCH" ]]; then
    echo "employee-records-bench not found; build it first (cmake --build BUILD --target employee-records-bench)" >&2
    exit 2
fi
DJANGO_N=${DJANGO_N:-$(( N < 200000 ? N : 200000 ))}
REPEAT=${REPEAT:-3}

if ! /usr/bin/python3 -c 'import django' 2>/dev/null; then
    echo "installing python3-django (Debian package) for the peer..." >&2
    SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO=sudo
    $SUDO apt-get install -y python3-django >&2 || { $SUDO apt-get update >&2 && $SUDO apt-get install -y python3-django >&2; }
fi

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}

echo "== peers, same run: N=$N (Django peer: $DJANGO_N) on $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg) =="
DJANGO_LINE=$(/usr/bin/python3 "$PEERS/django_employees/bench.py" "$DJANGO_N" "$WORK/django.sqlite3")
echo "$DJANGO_LINE"
DJANGO_RATE=$(sed -n 's/.*rows_per_s=\([0-9.]*\).*/\1/p' <<<"$DJANGO_LINE")
RAW_RATE=$(/usr/bin/python3 "$PEERS/sqlite_limit/raw_limit.py" "$N" "$WORK/raw.sqlite")
echo "raw_sqlite_limit N=$N rows_per_s=$RAW_RATE"
rm -f "$WORK"/django.sqlite3* "$WORK"/raw.sqlite*

"$BENCH" --employees "$N" --repeat "$REPEAT" --work "$WORK" --django-rate "$DJANGO_RATE" --raw-rate "$RAW_RATE" | tee "$WORK/ours.txt"
OURS=$(sed -n 's/^bench_import N=[0-9]* rows_per_s=\([0-9.]*\).*/\1/p' "$WORK/ours.txt")

echo
echo "== import rate ratios (same run) =="
awk -v o="$OURS" -v d="$DJANGO_RATE" -v r="$RAW_RATE" 'BEGIN {
    printf "ours        %10.0f rows/s\n", o
    printf "Django peer %10.0f rows/s   ours/django = %6.2fx  (target >= 20x)   %s\n", d, o / d, (o / d >= 20 ? "PASS" : "FAIL")
    printf "raw SQLite  %10.0f rows/s   ours/raw    = %6.3fx  (target >= 0.3x)  %s\n", r, o / r, (o / r >= 0.3 ? "PASS" : "FAIL")
}'
