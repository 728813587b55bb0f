#!/usr/bin/env bash
# A throwaway PostgreSQL server on loopback for the test suite.
#
#   bash scripts/pg-test-server.sh start DIR PORT [--secure]  # initdb + start, wait until it accepts connections
#   bash scripts/pg-test-server.sh stop DIR                    # stop it and remove its files
#
# DIR only records where the server lives (file DIR/server-dir); the data
# directory and the unix socket go to a fresh mktemp directory under /tmp, so
# that, when we run as root, the `postgres` system user (PostgreSQL refuses to
# run as root) can reach them. The server trusts the role `er_test`, listens
# on 127.0.0.1:PORT only and runs with fsync=off: it is for tests, nothing else.
#
# --secure makes the server a production-like one: TCP connections need the
# password (scram-sha-256) and may use TLS with a certificate made here by
# openssl for 127.0.0.1/localhost. For the tests it leaves in DIR: `password`
# (er_test's, random, 0600), `ca.pem` (the CA that signed the server's
# certificate) and `other-ca.pem` (a CA that did not).
#
# Any failure to start exits non-zero and prints the server log: the tests
# that need the server must fail rather than be skipped silently.
set -euo pipefail

die() { echo "pg-test-server: $*" >&2; exit 1; }

usage() {
    echo "usage: $0 start DIR PORT [--secure] | stop DIR" >&2
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
    rm -f -- "$dir/server-dir" "$dir/password" "$dir/ca.pem" "$dir/other-ca.pem"
}

# A CA and a server certificate signed by it (SAN 127.0.0.1 and localhost),
# plus an unrelated CA, for verify-full and its refusal.
make_certificates() {
    local dir="$1" tls="$2"
    mkdir -p "$tls"
    local subj=(-subj "/CN=Employee Records test CA")
    openssl req -x509 -newkey rsa:2048 -nodes -days 2 "${subj[@]}" -keyout "$tls/ca.key" -out "$tls/ca.pem" 2>/dev/null
    openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=Some other CA" \
        -keyout "$tls/other-ca.key" -out "$tls/other-ca.pem" 2>/dev/null
    openssl req -newkey rsa:2048 -nodes -subj "/CN=localhost" -keyout "$tls/server.key" -out "$tls/server.csr" 2>/dev/null
    printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\n' >"$tls/san.ext"
    openssl x509 -req -in "$tls/server.csr" -CA "$tls/ca.pem" -CAkey "$tls/ca.key" -CAcreateserial -days 2 \
        -extfile "$tls/san.ext" -out "$tls/server.pem" 2>/dev/null
    chmod 600 "$tls/server.key"
    cp "$tls/ca.pem" "$dir/ca.pem"
    cp "$tls/other-ca.pem" "$dir/other-ca.pem"
}

start_server() {
    local dir="$1" port="$2" secure="${3:-}"
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

    local auth=(--auth=trust)
    if [[ -n "$secure" ]]; then
        command -v openssl >/dev/null || fail "--secure needs openssl"
        (umask 077; head -c 18 /dev/urandom | base64 | tr -d '/+=' >"$dir/password")
        cp "$dir/password" "$work/pwfile"
        [[ $(id -u) -ne 0 ]] || chown postgres: "$work/pwfile"
        auth=(--auth-local=trust --auth-host=scram-sha-256 --pwfile="$work/pwfile")
    fi
    if ! as_server_user "$bindir/initdb" -D "$work/data" -U er_test "${auth[@]}" -E UTF8 --no-locale \
            --no-sync >"$work/initdb.log" 2>&1; then
        cat "$work/initdb.log" >&2 || true
        fail "initdb failed"
    fi
    rm -f "$work/pwfile"

    local opts="-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$work"
    opts+=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100"
    if [[ -n "$secure" ]]; then
        make_certificates "$dir" "$work/tls"
        [[ $(id -u) -ne 0 ]] || chown -R postgres: "$work/tls"
        opts+=" -c ssl=on -c ssl_cert_file=$work/tls/server.pem -c ssl_key_file=$work/tls/server.key"
    fi
    if ! as_server_user "$bindir/pg_ctl" -D "$work/data" -l "$log" -o "$opts" -w -t 60 start >/dev/null 2>&1; then
        fail "the server did not start on 127.0.0.1:$port"
    fi

    local pg_isready="$bindir/pg_isready"
    [[ -x "$pg_isready" ]] || pg_isready=$(command -v pg_isready || true)
    local i
    for ((i = 0; i < 60; i++)); do
        if [[ -n "$pg_isready" ]]; then
            "$pg_isready" -q -h 127.0.0.1 -p "$port" -U er_test -d postgres && {
                [[ -z "$secure" ]] || echo "pg-test-server: password authentication (scram-sha-256) and TLS, CA in $dir/ca.pem"
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
    start) [[ $# -eq 3 || ( $# -eq 4 && "$4" == --secure ) ]] || usage; start_server "$2" "$3" "${4:-}" ;;
    stop)  [[ $# -eq 2 ]] || usage; stop_server "$2" ;;
    *) usage ;;
esac
