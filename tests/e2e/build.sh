#!/usr/bin/env bash
# Builds the private UI driver (tests/e2e/uidriver.c) against the library:
#   tests/e2e/build.sh [OUT]         (default build/e2e/uidriver)
#   SAN=1 tests/e2e/build.sh [OUT]   with ASan+UBSan (default build-san/e2e/uidriver)
# Prints OUT. The lead will replace the driver with the real binary;
# journeys only need LMSKURS_BIN to point at something taking `--db PATH`.
set -euo pipefail
cd "$(dirname "$0")/../.."
san=()
lib=build/liblmskurs.a
if [ "${SAN:-0}" = 1 ]; then
	san=(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all)
	lib=build-san/liblmskurs.a
fi
out=${1:-$(dirname "$lib")/e2e/uidriver}
make --no-print-directory SAN="${SAN:-0}" "$lib" >&2
mkdir -p "$(dirname "$out")"
pkgs="ncursesw sqlite3 pangocairo libical"
# shellcheck disable=SC2046
cc -std=c11 -D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE -Wall -Wextra -Werror -Iinclude "${san[@]}" \
	-o "$out" tests/e2e/uidriver.c "$lib" \
	$(pkg-config --libs $pkgs) -liniparser -lm
echo "$out"
