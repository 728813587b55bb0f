#!/usr/bin/env bash
# A throwaway PostgreSQL server on loopback for the test suite.
#
#   bash scripts/pg-test-server.sh start DIR PORT   # initdb + start, wait until it accepts connections
#   bash scripts/pg-test-server.sh stop DIR         # stop it and remove its files
#
# DIR only records where the server lives (file DIR/server-dir); the data
# directory and the unix socket go to a fresh mktemp directory under /tmp, so
# that, when we run as root, the `postgres` system user (PostgreSQL refuses to
# run as root) can reach them. The server trusts the role `er_test`, listens
# on 127.0.0.1:PORT only and runs with fsync=off: it is for tests, nothing else.
#
# Any failure to start exits non-zero and prints the server log: the tests
# that need the server must fail rather than be skipped silently.
set -euo pipefail

die() { echo "pg-test-server: $*" >&2; exit 1; }

usage() {
    echo "usage: $0 start DIR PORT | stop DIR" >&2
    exit 2
}

find_bindir() {
    local dir best
    # The glob sorts 10 before 9, so pick the highest version explicitly.
    best=$(for dir in /usr/lib/postgresql/*/bin; do
               [[ -x "$dir/initdb" && -x "$dir/pg_ctl" ]] && echo "$dir"
           done | sort -V | tail -n 1)
    [[ -n "$best" ]] || die "no initdb/pg_ctl under /usr/lib/postgresql/*/bin (install the 'postgresql' package: bash scripts/setup.sh test does)"
    echo "$best"
}

# Run a command as the user that will own the server: ourselves, or
# `postgres` when we are root.
as_server_user() {
    if [[ $(id -u) -eq 0 ]]; then
        (cd / && runuser -u postgres -- "$@")
    else
        "$@"
    fi
}

stop_server() {
    local dir="$1" work
    [[ -f "$dir/server-dir" ]] || return 0
    work=$(<"$dir/server-dir")
    if [[ -n "$work" && -d "$work" ]]; then
        local bindir
        bindir=$(find_bindir)
        if [[ -f "$work/data/postmaster.pid" ]]; then
            as_server_user "$bindir/pg_ctl" -D "$work/data" -m fast -w -t 30 stop >/dev/null 2>&1 \
                || as_server_user "$bindir/pg_ctl" -D "$work/data" -m immediate -w -t 30 stop >/dev/null 2>&1 \
                || echo "pg-test-server: warning: could not stop the server in $work" >&2
        fi
        case "$work" in
            /tmp/er-pg-test.*) rm -rf -- "$work" ;;
            *) echo "pg-test-server: warning: not removing unexpected directory '$work'" >&2 ;;
        esac
    fi
    rm -f -- "$dir/server-dir"
}

start_server() {
    local dir="$1" port="$2"
    [[ "$port" =~ ^[0-9]+$ ]] || die "PORT must be a number, got '$port'"
    local bindir
    bindir=$(find_bindir)

    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    # A server left over from an interrupted run would hold the port.
    stop_server "$dir"

    local work
    work=$(mktemp -d /tmp/er-pg-test.XXXXXX)
    echo "$work" >"$dir/server-dir"
    if [[ $(id -u) -eq 0 ]]; then
        id postgres >/dev/null 2>&1 || die "running as root but there is no 'postgres' system user to run the server as"
        chown postgres: "$work"
    fi
    chmod 700 "$work"

    local log="$work/server.log"
    fail() {
        echo "pg-test-server: $*" >&2
        if [[ -f "$log" ]]; then
            echo "----- $log -----" >&2
            cat "$log" >&2 || true
            echo "-----" >&2
        fi
        stop_server "$dir"
        exit 1
    }

    if ! as_server_user "$bindir/initdb" -D "$work/data" -U er_test --auth=trust -E UTF8 --no-locale \
            --no-sync >"$work/initdb.log" 2>&1; then
        cat "$work/initdb.log" >&2 || true
        fail "initdb failed"
    fi

    local opts="-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$work"
    opts+=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100"
    if ! as_server_user "$bindir/pg_ctl" -D "$work/data" -l "$log" -o "$opts" -w -t 60 start >/dev/null 2>&1; then
        fail "the server did not start on 127.0.0.1:$port"
    fi

    local pg_isready="$bindir/pg_isready"
    [[ -x "$pg_isready" ]] || pg_isready=$(command -v pg_isready || true)
    local i
    for ((i = 0; i < 60; i++)); do
        if [[ -n "$pg_isready" ]]; then
            "$pg_isready" -q -h 127.0.0.1 -p "$port" -U er_test -d postgres && {
                echo "pg-test-server: PostgreSQL ($("$bindir/postgres" --version | awk '{print $3}')) accepting connections at postgresql://er_test@127.0.0.1:$port/postgres"
                return 0
            }
        else
            (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && return 0
        fi
        sleep 0.5
    done
    fail "the server started but does not accept connections on 127.0.0.1:$port"
}

case "${1:-}" in
    start) [[ $# -eq 3 ]] || usage; start_server "$2" "$3" ;;
    stop)  [[ $# -eq 2 ]] || usage; stop_server "$2" ;;
    *) usage ;;
esac
