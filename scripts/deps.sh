#!/bin/sh
# Installs the Debian packages lmskurs needs to build and test, when it can:
# as root, or with sudo that needs no password. Otherwise prints the one
# apt-get line to run and stops. Used by `make run` and `make test`.
set -eu

PKGS="build-essential pkg-config gettext libncurses-dev libsqlite3-dev \
libpango1.0-dev libcairo2-dev libiniparser-dev libical-dev libcriterion-dev \
tmux poppler-utils python3 fonts-dejavu-core fonts-wqy-microhei"

missing=""
for p in $PKGS; do
	status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
	[ "$status" = "installed" ] || missing="$missing $p"
done
[ -z "$missing" ] && exit 0

echo "lmskurs: installing missing packages:$missing" >&2
if [ "$(id -u)" -eq 0 ]; then
	SUDO=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
	SUDO="sudo -n"
else
	echo "lmskurs: cannot install packages without root. Run:" >&2
	echo "  sudo apt-get install -y$missing" >&2
	exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
