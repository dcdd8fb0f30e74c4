#!/usr/bin/env bash
# Runs the end-to-end journeys: tests/e2e/run.sh [PATTERN]
# Every tests/e2e/j_*.sh (matching PATTERN) runs against $LMSKURS_BIN;
# without it, the private UI driver is built and used. Ends with
# "N passed, M failed" and exits non-zero when any failed.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
if [ -z "${LMSKURS_BIN:-}" ]; then
	LMSKURS_BIN=$root/$("$here/build.sh" build/e2e/uidriver) || { echo "0 passed, 1 failed (build)"; exit 1; }
fi
export LMSKURS_BIN
for tool in tmux python3; do
	command -v "$tool" >/dev/null || { echo "e2e: $tool is needed"; echo "0 passed, 1 failed"; exit 1; }
done
passed=0 failed=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT
for j in "$here"/j_*.sh; do
	name=$(basename "$j" .sh)
	case "$name" in *"${1:-}"*) ;; *) continue ;; esac
	if (cd "$root" && bash "$j") >"$log" 2>&1; then
		passed=$((passed + 1))
		echo "ok   $name"
	else
		failed=$((failed + 1))
		echo "FAIL $name"
		sed 's/^/     /' "$log"
	fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
