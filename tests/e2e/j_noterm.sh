#!/usr/bin/env bash
# Journey: no terminal to draw on. TERM=dumb, TERM unset, an unknown TERM,
# stdin or stdout not a terminal: one line on stderr, exit status 2, and
# not a single escape byte written.
. "$(dirname "$0")/lib.sh"

mapfile -d '' base < <(e2e_env)
out="$E2E_TMP/out"

# check NAME EXPECTED-TEXT STATUS
check() {
	local name=$1 text=$2 status=$3
	expect_eq "$name: exit status" 2 "$status"
	grep -qF -- "$text" "$out" || fail "$name: message should say '$text', got: $(cat "$out")"
	if LC_ALL=C grep -q $'\x1b' "$out"; then
		fail "$name: escape bytes in the output: $(od -c "$out" | head -5)"
	fi
	local lines
	lines=$(tr -d '\r' <"$out" | grep -c .)
	expect_eq "$name: lines of output" 1 "$lines"
}

st=0; run_in_pty "$out" "${base[@]}" TERM=dumb -- "$LMSKURS_BIN" --db "$E2E_DB" || st=$?
check "TERM=dumb" '"dumb" cannot show' "$st"

st=0; run_in_pty "$out" "${base[@]}" -- "$LMSKURS_BIN" --db "$E2E_DB" || st=$?
check "TERM unset" "TERM is not set" "$st"

st=0; run_in_pty "$out" "${base[@]}" TERM= -- "$LMSKURS_BIN" --db "$E2E_DB" || st=$?
check "TERM empty" "TERM is not set" "$st"

st=0; run_in_pty "$out" "${base[@]}" TERM=no-such-terminal-lmskurs -- "$LMSKURS_BIN" --db "$E2E_DB" || st=$?
check "unknown TERM" '"no-such-terminal-lmskurs" is unknown' "$st"

st=0; run_in_pty "$out" --stdin-null "${base[@]}" TERM=xterm-256color -- "$LMSKURS_BIN" --db "$E2E_DB" || st=$?
check "stdin not a tty" "needs a terminal" "$st"

# Neither stdin nor stdout a terminal (a pipe, as in a script).
st=0
env -i "${base[@]}" TERM=xterm-256color "$LMSKURS_BIN" --db "$E2E_DB" </dev/null >"$out" 2>&1 || st=$?
check "no tty at all" "needs a terminal" "$st"

# stdout into a file while stdin is a terminal.
st=0; run_in_pty "$E2E_TMP/pty" "${base[@]}" TERM=xterm-256color -- /bin/sh -c \
	'"$0" --db "$1" >"$2" 2>&1' "$LMSKURS_BIN" "$E2E_DB" "$out" || st=$?
check "stdout not a tty" "needs a terminal" "$st"
echo "ok"
