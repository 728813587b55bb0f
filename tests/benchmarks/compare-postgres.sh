#!/usr/bin/env bash
# The benchmark on PostgreSQL, in one run on this machine (issue 11, part 4):
# the Django peer against the same server, our import and the view figures
# (employee-records-bench --database-url), and the floor: psql's \copy of the
# very rows our import wrote into the same schema. Prints our import rate
# against both (targets: >= 10x Django, >= 0.3x \copy).
#
#   tests/benchmarks/compare-postgres.sh [N] [BUILD_DIR]
#     N          employees (default 100000)
#     BUILD_DIR  where employee-records-bench was built (default: build)
#   PG_URL=postgresql://user@host:port  a server to use (needs CREATEDB; the databases er_bench,
#              er_bench_copy and er_bench_django are dropped and created there). Default: a
#              throwaway server started here by scripts/pg-test-server.sh on port PG_PORT (54420).
#   DJANGO_N=... employees for the Django peer (default: N capped at 20000: on PostgreSQL it
#              writes about 300 rows/s here, flat in N). REPEAT=3 medians.
set -euo pipefail

N=${1:-100000}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
PEERS=$(cd "$ROOT/.." && pwd)/shared/peers
BUILD=${2:-$ROOT/build}
BENCH=$BUILD/tests/benchmarks/employee-records-bench
APP=$BUILD/app/employee-records
[[ -x "$BENCH" && -x "$APP" ]] || { echo "build employee-records and employee-records-bench in $BUILD first" >&2; exit 2; }
DJANGO_N=${DJANGO_N:-$(( N < 20000 ? N : 20000 ))}
REPEAT=${REPEAT:-3}
PG_PORT=${PG_PORT:-54420}

if ! /usr/bin/python3 -c 'import django, psycopg2' 2>/dev/null; then
    echo "installing python3-django and python3-psycopg2 (Debian packages) for the peer..." >&2
    SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO=sudo
    $SUDO apt-get install -y python3-django python3-psycopg2 >&2 \
        || { $SUDO apt-get update >&2 && $SUDO apt-get install -y python3-django python3-psycopg2 >&2; }
fi

WORK=$(mktemp -d)
SERVER_DIR=$WORK/server
cleanup() {
    [[ -n "${PG_URL_GIVEN:-}" ]] || bash "$ROOT/scripts/pg-test-server.sh" stop "$SERVER_DIR" || true
    rm -rf "$WORK"
}
trap cleanup EXIT
if [[ -n "${PG_URL:-}" ]]; then
    PG_URL_GIVEN=1
else
    bash "$ROOT/scripts/pg-test-server.sh" start "$SERVER_DIR" "$PG_PORT" >&2
    PG_URL=postgresql://er_test@127.0.0.1:$PG_PORT
fi
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
psql_on() { local db=$1; shift; psql -X -q -v ON_ERROR_STOP=1 "$PG_URL/$db" "$@"; }
recreate() { psql_on postgres -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1" >/dev/null; }

echo "== PostgreSQL $(psql_on postgres -Atc 'show server_version'), same run: N=$N (Django peer: $DJANGO_N) on $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg) =="
recreate er_bench_django
DJANGO_LINE=$(/usr/bin/python3 "$PEERS/django_employees/bench.py" "$DJANGO_N" "$PG_URL/er_bench_django")
echo "$DJANGO_LINE"
DJANGO_RATE=$(sed -n 's/.*rows_per_s=\([0-9.]*\).*/\1/p' <<<"$DJANGO_LINE")
psql_on postgres -c "DROP DATABASE er_bench_django" >/dev/null

"$BENCH" --employees "$N" --repeat "$REPEAT" --work "$WORK" --database-url "$PG_URL/er_bench" \
    --django-rate "$DJANGO_RATE" | tee "$WORK/ours.txt"
OURS=$(sed -n 's/^bench_import N=[0-9]* rows_per_s=\([0-9.]*\).*/\1/p' "$WORK/ours.txt")

# The floor: the rows our import wrote, copied by psql into the same schema
# (made by the application, so indexes, constraints and triggers are ours).
psql_on er_bench -c "\\copy employee TO '$WORK/employee.csv' CSV" -c "\\copy employee_profile TO '$WORK/profile.csv' CSV"
recreate er_bench_copy
"$APP" --database-url "$PG_URL/er_bench_copy" --check >/dev/null
START=$(date +%s.%N)
psql_on er_bench_copy -c "\\copy employee FROM '$WORK/employee.csv' CSV" -c "\\copy employee_profile FROM '$WORK/profile.csv' CSV"
END=$(date +%s.%N)
COPY_RATE=$(awk -v n="$N" -v s="$START" -v e="$END" 'BEGIN { printf "%.0f", n / (e - s) }')
COPIED=$(psql_on er_bench_copy -Atc "SELECT count(*) FROM employee_profile")
echo "psql_copy N=$N rows_per_s=$COPY_RATE profiles=$COPIED seconds=$(awk -v s="$START" -v e="$END" 'BEGIN { printf "%.2f", e - s }')"

echo
echo "== import rate ratios (same run, PostgreSQL) =="
awk -v o="$OURS" -v d="$DJANGO_RATE" -v c="$COPY_RATE" 'BEGIN {
    printf "ours        %10.0f rows/s\n", o
    printf "Django peer %10.0f rows/s   ours/django = %6.2fx  (target >= 10x)   %s\n", d, o / d, (o / d >= 10 ? "PASS" : "FAIL")
    printf "psql \\copy  %10.0f rows/s   ours/copy   = %6.3fx  (target >= 0.3x)  %s\n", c, o / c, (o / c >= 0.3 ? "PASS" : "FAIL")
}'
