#!/usr/bin/env bash
# Check the Debian package end to end (issue #4), on a Debian 12 machine as root
# (or with sudo):
#   1. cpack -G DEB in the build directory  -> employee-records_<version>_amd64.deb
#   2. apt-get install ./that.deb            (apt pulls in the Depends)
#   3. the installed /usr/bin/employee-records: --version, a headless --import
#      of a small generated CSV and --check, with the default database in a temp HOME
#   4. apt-get purge employee-records, then show the user's database is still there
#
#   bash scripts/package-check.sh [BUILD_DIR]     (default: ./build, as setup.sh makes it)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD_DIR=$(cd "${1:-${ER_BUILD_DIR:-$ROOT/build}}" && pwd)

say() { printf '==> %s\n' "$*"; }
die() { printf 'package-check: FAILED: %s\n' "$*" >&2; exit 1; }

sudo=()
[[ $(id -u) -eq 0 ]] || sudo=(sudo)
apt=("${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -q -y -o DPkg::Lock::Timeout=600 -o Dpkg::Use-Pty=0)

work=$(mktemp -d /tmp/er-package-check.XXXXXX)
trap 'rm -rf "$work"' EXIT

# ---- 1. build the package -----------------------------------------------------
say "cpack -G DEB in $BUILD_DIR"
rm -f "$BUILD_DIR"/employee-records_*_amd64.deb
(cd "$BUILD_DIR" && cpack -G DEB >"$work/cpack.log" 2>&1) || { cat "$work/cpack.log" >&2; die "cpack -G DEB"; }
debs=("$BUILD_DIR"/employee-records_*_amd64.deb)
[[ -f "${debs[0]}" && ${#debs[@]} -eq 1 ]] || die "expected one employee-records_<version>_amd64.deb in $BUILD_DIR"
deb=${debs[0]}
say "Built $(basename "$deb") ($(du -h "$deb" | cut -f1))"
dpkg-deb --field "$deb" Package Version Architecture Depends
dpkg-deb --contents "$deb" | awk '{print "    " $NF}' | grep -v '/$'

for path in ./usr/bin/employee-records \
            ./usr/share/applications/org.example.EmployeeRecords.desktop \
            ./usr/share/metainfo/org.example.EmployeeRecords.metainfo.xml \
            ./usr/share/icons/hicolor/scalable/apps/org.example.EmployeeRecords.svg \
            ./usr/share/icons/hicolor/256x256/apps/org.example.EmployeeRecords.png; do
    dpkg-deb --contents "$deb" | awk '{print $NF}' | grep -qx "$path" || die "$path is not in the package"
done
dpkg-deb --field "$deb" Depends | grep -q 'libqt6core6' || die "Depends lacks the Qt libraries (dpkg-shlibdeps)"
dpkg-deb --field "$deb" Depends | grep -q 'libxlsxwriter' || die "Depends lacks libxlsxwriter (dpkg-shlibdeps)"

# ---- 2. install it with apt ----------------------------------------------------
say "apt-get install $(basename "$deb")"
# apt needs a path it can read as the _apt user: copy the package to /tmp.
cp "$deb" "$work/" && chmod 755 "$work" && chmod 644 "$work/$(basename "$deb")"
"${apt[@]}" install "$work/$(basename "$deb")" >"$work/apt-install.log" 2>&1 \
    || { cat "$work/apt-install.log" >&2; die "apt-get install of the package"; }
dpkg-query -W -f='    installed: ${Package} ${Version}\n' employee-records
[[ -x /usr/bin/employee-records ]] || die "/usr/bin/employee-records is not installed"

# ---- 3. use the installed binary ------------------------------------------------
export HOME="$work/home" QT_QPA_PLATFORM=offscreen
unset XDG_DATA_HOME XDG_CONFIG_HOME
mkdir -p "$HOME"
say "/usr/bin/employee-records --version"
version=$(/usr/bin/employee-records --version) || die "--version"
echo "    $version"
[[ "$version" == *0.* ]] || die "--version printed no version"

csv="$work/employees.csv"
{
    echo "first_name,last_name,email,phone"
    echo "Ada,Lovelace,ada.lovelace@example.org,+44 20 7946 0958"
    echo "Grace,Hopper,grace.hopper@example.org,+1 202 555 0143"
    echo "Margaret,Hamilton,margaret.hamilton@example.org,"
    echo "Katherine,Johnson,katherine.johnson@example.org,+1 757 555 0100"
} >"$csv"
say "/usr/bin/employee-records --import $(basename "$csv")   (HOME=$HOME)"
/usr/bin/employee-records --import "$csv" || die "headless --import"
say "/usr/bin/employee-records --check"
/usr/bin/employee-records --check || die "--check"

database=$(find "$HOME" -type f -name '*.sqlite' | head -n 1)
[[ -n "$database" && -s "$database" ]] || die "no SQLite database was written under $HOME"
say "The user's database: $database ($(stat -c %s "$database") bytes)"

# ---- 4. purge, the user's data stays -------------------------------------------
say "apt-get purge employee-records"
"${apt[@]}" purge employee-records >"$work/apt-purge.log" 2>&1 \
    || { cat "$work/apt-purge.log" >&2; die "apt-get purge"; }
[[ ! -e /usr/bin/employee-records ]] || die "/usr/bin/employee-records is still there after the purge"
dpkg-query -W -f='${db:Status-Status}' employee-records 2>/dev/null | grep -q '^installed' \
    && die "employee-records still installed after the purge"
[[ -s "$database" ]] || die "the user's database $database is gone after the purge"
ls -l "$database"
if command -v sqlite3 >/dev/null; then
    echo "    employees in it: $(sqlite3 "$database" 'select count(*) from employee' 2>/dev/null || echo '?')"
fi
say "Package check passed: built, installed, ran, purged; the user's database is kept"
