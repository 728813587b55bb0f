#!/usr/bin/env bash
# Same-run A/B of the import: two builds of employee-records-bench, run in
# turn (old, new, old, new, ...) on this machine, so that its drift over the
# run falls on both alike; prints each rate, then the medians and the change.
#
#   tests/benchmarks/ab-import.sh OLD_BUILD NEW_BUILD [N] [sqlite|postgresql]
#     OLD_BUILD, NEW_BUILD  build directories holding tests/benchmarks/employee-records-bench
#     N                     employees (default 1000000)
#   PAIRS=3 pairs (default). PostgreSQL: a throwaway server (scripts/pg-test-server.sh)
#   on port PG_PORT (54440), the database er_ab dropped and created before each run.
#
# e.g. git worktree add ../old HEAD~5 && cmake -S ../old -B ../old/build -G Ninja \
#        -DCMAKE_BUILD_TYPE=RelWithDebInfo && ninja -C ../old/build employee-records-bench
#      tests/benchmarks/ab-import.sh ../old/build build 1000000 postgresql
set -euo pipefail
OLD=$1/tests/benchmarks/employee-records-bench
NEW=$2/tests/benchmarks/employee-records-bench
N=${3:-1000000}
BACKEND=${4:-sqlite}
PAIRS=${PAIRS:-3}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
for b in "$OLD" "$NEW"; do [[ -x $b ]] || { echo "no $b" >&2; exit 2; }; done
export QT_QPA_PLATFORM=offscreen
WORK=$(mktemp -d)
URL=""
cleanup() {
    [[ -n $URL ]] && bash "$ROOT/scripts/pg-test-server.sh" stop "$WORK/server" >/dev/null 2>&1 || true
    rm -rf "$WORK"
}
trap cleanup EXIT
if [[ $BACKEND == postgresql ]]; then
    PG_PORT=${PG_PORT:-54440}
    bash "$ROOT/scripts/pg-test-server.sh" start "$WORK/server" "$PG_PORT" >&2
    URL=postgresql://er_test@127.0.0.1:$PG_PORT
fi
declare -a old_rates new_rates
for ((i = 1; i <= PAIRS; i++)); do
    for side in old new; do
        bench=$OLD; [[ $side == new ]] && bench=$NEW
        dir=$(mktemp -d -p "$WORK")
        args=(--employees "$N" --repeat 1 --import-only --work "$dir")
        if [[ -n $URL ]]; then
            psql -X -q "$URL/postgres" -c "DROP DATABASE IF EXISTS er_ab" -c "CREATE DATABASE er_ab" >/dev/null 2>&1
            args+=(--database-url "$URL/er_ab")
        fi
        rate=$("$bench" "${args[@]}" 2>/dev/null | sed -n 's/.*rows_per_s=\([0-9]*\).*/\1/p')
        echo "$side $rate"
        if [[ $side == old ]]; then old_rates+=("$rate"); else new_rates+=("$rate"); fi
        rm -rf "$dir"
    done
done
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
mo=$(median "${old_rates[@]}")
mn=$(median "${new_rates[@]}")
awk -v o="$mo" -v n="$mn" -v b="$BACKEND" -v N="$N" 'BEGIN { printf "median %s N=%s: old %.0f rows/s, new %.0f rows/s (%+.1f%%)\n", b, N, o, n, (n / o - 1) * 100 }'
