#!/usr/bin/env bash
# The one script behind the README's two commands:
#
#   bash scripts/setup.sh run [-- APP-ARGS...]   # install dependencies, build, launch the application
#   bash scripts/setup.sh test                   # install dependencies, build, run the whole test suite
#
# Dependencies come from Debian 12's packages (apt-get, through sudo when not
# root). The build goes to ./build (Ninja, RelWithDebInfo); set ER_BUILD_DIR to
# use another directory. Safe to run again: installed packages and an
# up-to-date build are left as they are.
set -euo pipefail

# Every Debian package the project needs to build, test, run and package. Keep
# this the only list: the README and CI refer to it.
PACKAGES=(
    # toolchain
    build-essential cmake ninja-build dpkg-dev file
    # Qt 6.4 and its tools, SQL drivers, SVG, translations, platform plugins
    qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools linguist-qt6
    libqt6sql6-sqlite libqt6sql6-psql qt6-svg-dev libqt6svg6 libgl-dev
    qt6-translations-l10n qt6-qpa-plugins
    # phone number parsing and normalisation
    libphonenumber-dev
    # the SQLite headers: bulk imports use Qt's SQLite connection through native statements
    libsqlite3-dev
    # databases: the PostgreSQL server the tests start on loopback, sqlite3 to poke at files
    postgresql sqlite3
    # "Remember password" through the desktop's secret service (QtKeychain, libsecret at run time)
    qtkeychain-qt6-dev libsecret-1-0
    # libpq's headers: noticing at once that the server ended the connection
    libpq-dev
    # tests of connecting: openssl makes the test server's certificates, a D-Bus
    # session with GNOME Keyring is the secret service of the keyring test
    openssl dbus-daemon gnome-keyring
    # headless GUI runs, desktop integration and its validators
    xvfb xauth xdg-utils desktop-file-utils appstream
    # tests of the person's data export (GDPR Art. 15): pdftotext reads the PDF's text
    poppler-utils
    # the CSV import's detection of a legacy encoding (Windows-1252, ISO-8859-1/15)
    libuchardet-dev
    # the export's Excel workbooks (.xlsx); unzip reads their XML back in the tests
    libxlsxwriter-dev unzip
)

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD_DIR=${ER_BUILD_DIR:-$ROOT/build}
BUILD_TYPE=${ER_BUILD_TYPE:-RelWithDebInfo}
JOBS=${ER_JOBS:-$(nproc 2>/dev/null || echo 2)}

say() { printf '==> %s\n' "$*"; }
die() { printf 'setup.sh: error: %s\n' "$*" >&2; exit 1; }

usage() {
    cat >&2 <<EOF
usage: bash scripts/setup.sh run [-- APP-ARGS...]   install dependencies, build, launch the application
       bash scripts/setup.sh test                   install dependencies, build, run the tests
       bash scripts/setup.sh deps                   install dependencies only
       bash scripts/setup.sh build                  install dependencies and build only
EOF
    exit 2
}

missing_packages() {
    local pkg status
    for pkg in "${PACKAGES[@]}"; do
        status=$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)
        [[ "$status" == installed ]] || echo "$pkg"
    done
}

install_dependencies() {
    command -v apt-get >/dev/null || die "apt-get not found: this script targets Debian 12 (bookworm)"
    local sudo=()
    if [[ $(id -u) -ne 0 ]]; then
        command -v sudo >/dev/null || die "not root and no sudo: install as root: apt-get install ${PACKAGES[*]}"
        sudo=(sudo)
    fi

    local missing
    missing=$(missing_packages | tr '\n' ' ')
    if [[ -z "${missing// /}" ]]; then
        say "All ${#PACKAGES[@]} Debian packages are installed"
        return 0
    fi

    mkdir -p "$BUILD_DIR"
    local log="$BUILD_DIR/setup-apt.log"
    : >"$log"
    say "Installing Debian packages: $missing(log: $log)"
    local apt=("${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -q -y
               -o DPkg::Lock::Timeout=600 -o Dpkg::Use-Pty=0)
    if ! "${apt[@]}" update >>"$log" 2>&1 \
        || ! "${apt[@]}" install --no-install-recommends "${PACKAGES[@]}" >>"$log" 2>&1; then
        echo "----- apt-get output ($log) -----" >&2
        cat "$log" >&2
        die "installing the Debian packages failed"
    fi
    missing=$(missing_packages | tr '\n' ' ')
    [[ -z "${missing// /}" ]] || { cat "$log" >&2; die "still missing after apt-get install: $missing"; }
}

build() {
    # A build directory configured with another generator cannot be reused.
    if [[ -f "$BUILD_DIR/CMakeCache.txt" ]] \
        && ! grep -q '^CMAKE_GENERATOR:INTERNAL=Ninja$' "$BUILD_DIR/CMakeCache.txt"; then
        say "Reconfiguring $BUILD_DIR for Ninja"
        rm -rf "$BUILD_DIR/CMakeCache.txt" "$BUILD_DIR/CMakeFiles"
    fi
    say "Configuring in $BUILD_DIR ($BUILD_TYPE, Ninja)"
    cmake -S "$ROOT" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE="$BUILD_TYPE" -DBUILD_TESTING=ON \
        --log-level=WARNING
    say "Building with $JOBS jobs"
    cmake --build "$BUILD_DIR" --parallel "$JOBS"
}

run_app() {
    local app="$BUILD_DIR/app/employee-records"
    [[ -x "$app" ]] || die "$app was not built"
    if [[ $# -eq 0 && -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" && -z "${QT_QPA_PLATFORM:-}" ]]; then
        say "No display found: starting the GUI on a virtual X server (xvfb-run); nothing will be visible."
        say "Use a desktop session to see it, or pass CLI options: bash scripts/setup.sh run -- --help"
        exec xvfb-run -a "$app"
    fi
    say "Starting $app $* (database: the embedded SQLite default unless --database/--database-url is given)"
    exec "$app" "$@"
}

run_tests() {
    say "Running the tests (ctest -j $JOBS)"
    # ctest exits non-zero when any test fails, and --no-tests=error when none ran.
    ctest --test-dir "$BUILD_DIR" --output-on-failure --no-tests=error -j "$JOBS"
}

mode=${1:-}
[[ $# -gt 0 ]] && shift
case "$mode" in
    run)
        [[ "${1:-}" == "--" ]] && shift
        install_dependencies
        build
        run_app "$@"
        ;;
    test)
        install_dependencies
        build
        run_tests
        ;;
    deps) install_dependencies ;;
    build) install_dependencies; build ;;
    *) usage ;;
esac
