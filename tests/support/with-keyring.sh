#!/usr/bin/env bash
# with-keyring.sh COMMAND [ARGS...]: runs COMMAND in a D-Bus session of its
# own with an unlocked GNOME Keyring answering as the desktop's secret
# service, in a throwaway home (the keyring's files go there and are removed).
# For the tests of "Remember password"; never touches the user's keyring.
set -euo pipefail
command -v dbus-run-session >/dev/null || { echo "with-keyring: dbus-run-session missing (package dbus-daemon)" >&2; exit 1; }
command -v gnome-keyring-daemon >/dev/null || { echo "with-keyring: gnome-keyring-daemon missing (package gnome-keyring)" >&2; exit 1; }
home=$(mktemp -d /tmp/er-keyring.XXXXXX)
trap 'rm -rf -- "$home"' EXIT
HOME="$home" XDG_RUNTIME_DIR="$home" XDG_DATA_HOME="$home/data" dbus-run-session -- bash -c '
    printf %s "keyring of a test" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
    "$@"' with-keyring "$@" 2> >(grep -v -e "Failed to set fd limit" -e "Activating service" -e "Successfully activated" >&2)
