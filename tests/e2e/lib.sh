# tests/e2e/lib.sh — drive the real lmskurs binary in tmux. Sourced by
# every journey (tests/e2e/j_*.sh); run them all with tests/e2e/run.sh.
#
#   start [NAME=VALUE ...]   start "$LMSKURS_BIN --db $E2E_DB" at 100x30
#   keys KEY...              tmux key names: Enter Escape Tab BTab C-s Up ...
#   type_text TEXT           literal text (UTF-8)
#   wait_for_text TEXT [S]   poll the screen up to S seconds (default 5)
#   wait_gone TEXT [S]       poll until TEXT is no longer on the screen
#   assert_screen_contains TEXT / assert_screen_lacks TEXT
#   dump_screen              the screen as text (dump_screen -e: with attributes)
#   cursor_line              the screen line the terminal cursor is on
#   resize COLS ROWS         resize the tmux window
#   wait_exit [S]            wait for the program to end; prints its status
#   sql QUERY [PARAM...]     query $E2E_DB with python3's sqlite3; rows as a|b|c
#   run_in_pty OUT [NAME=VALUE ...] -- CMD...   run CMD on a fresh pty with only
#                            those variables set; all its bytes go to OUT;
#                            returns its exit status (--stdin-null: stdin from
#                            /dev/null)
#   fail MESSAGE             print MESSAGE and the screen, exit 1
#
# Each journey gets its own tmux server (-L, a unique socket, -f /dev/null)
# so a user's tmux is never touched, and a temporary HOME and XDG folders;
# the binary sees only LANG/LC_ALL=C.UTF-8, TZ=Europe/Oslo,
# TERM=xterm-256color, PATH and those. Everything is removed at exit.
# Messages come from the repository's build/locale (LMSKURS_LOCALEDIR), in
# English (LANGUAGE=en) because the journeys assert English text; `start
# LANGUAGE=` gives the bokmål default (tests/e2e/j_language.sh).

set -euo pipefail

: "${LMSKURS_BIN:?set LMSKURS_BIN to the program to test (tests/e2e/run.sh does)}"

E2E_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
E2E_TMP=$(mktemp -d "${TMPDIR:-/tmp}/lmskurs-e2e.XXXXXX")
E2E_SOCK="lmskurs-e2e-$$-$RANDOM$RANDOM"
E2E_DB="$E2E_TMP/data/lmskurs/lmskurs.db"
E2E_COLS=100
E2E_ROWS=30

e2e_cleanup() {
	tmux -L "$E2E_SOCK" kill-server >/dev/null 2>&1 || true
	# kill-server leaves the socket file behind.
	rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$E2E_SOCK"
	rm -rf "$E2E_TMP"
}
trap e2e_cleanup EXIT

tm() {
	tmux -L "$E2E_SOCK" -f /dev/null "$@"
}

# The whole environment of the program under test.
e2e_env() {
	mkdir -p "$E2E_TMP/home" "$E2E_TMP/config" "$E2E_TMP/data" "$E2E_TMP/cache"
	printf '%s\0' PATH="$PATH" HOME="$E2E_TMP/home" \
		XDG_CONFIG_HOME="$E2E_TMP/config" XDG_DATA_HOME="$E2E_TMP/data" \
		XDG_CACHE_HOME="$E2E_TMP/cache" LANG=C.UTF-8 LC_ALL=C.UTF-8 TZ=Europe/Oslo \
		LMSKURS_LOCALEDIR="$E2E_ROOT/build/locale" LANGUAGE=en
}

start() {
	local -a env_vars
	mapfile -d '' env_vars < <(e2e_env)
	local cmd
	cmd=$(printf '%q ' env -i "${env_vars[@]}" TERM=xterm-256color "$@" "$LMSKURS_BIN" --db "$E2E_DB")
	tm new-session -d -s main -x "$E2E_COLS" -y "$E2E_ROWS" "sleep 86400"
	tm set-option -s escape-time 0
	tm set-option -g remain-on-exit on
	# The exit status goes to a file: tmux's #{pane_dead_status} comes up
	# empty for some programs (those built with LeakSanitizer).
	rm -f "$E2E_TMP/exit"
	tm respawn-pane -k -t main "$cmd; echo \$? > $(printf '%q' "$E2E_TMP/exit")"
}

keys() {
	tm send-keys -t main "$@"
}

type_text() {
	tm send-keys -t main -l "$1"
}

dump_screen() {
	tm capture-pane -p -t main "$@"
}

screen_has() {
	dump_screen | grep -qF -- "$1"
}

wait_for_text() {
	local text=$1 secs=${2:-5} i
	for ((i = 0; i < secs * 10; i++)); do
		screen_has "$text" && return 0
		sleep 0.1
	done
	fail "waited ${secs}s for: $text"
}

wait_gone() {
	local text=$1 secs=${2:-5} i
	for ((i = 0; i < secs * 10; i++)); do
		screen_has "$text" || return 0
		sleep 0.1
	done
	fail "still on the screen after ${secs}s: $text"
}

# The screen changes after a key arrives, so "contains" waits a little.
assert_screen_contains() {
	wait_for_text "$1" "${2:-3}"
}

assert_screen_lacks() {
	sleep 0.3
	if screen_has "$1"; then
		fail "should not be on the screen: $1"
	fi
}

cursor_line() {
	local y
	y=$(tm display-message -p -t main '#{cursor_y}')
	dump_screen | sed -n "$((y + 1))p"
}

resize() {
	tm resize-window -t main -x "$1" -y "$2"
}

wait_exit() {
	local secs=${1:-5} i
	for ((i = 0; i < secs * 10; i++)); do
		if [ -s "$E2E_TMP/exit" ]; then
			cat "$E2E_TMP/exit"
			return 0
		fi
		sleep 0.1
	done
	fail "the program did not exit within ${secs}s"
}

sql() {
	python3 - "$E2E_DB" "$@" <<'PY'
import sqlite3, sys
con = sqlite3.connect(sys.argv[1])
for row in con.execute(sys.argv[2], sys.argv[3:]).fetchall():
    print("|".join("" if v is None else str(v) for v in row))
con.commit()
PY
}

run_in_pty() {
	local out=$1
	shift
	python3 - "$out" "$@" <<'PY'
import os, pty, sys
out, args = sys.argv[1], sys.argv[2:]
stdin_null = "--stdin-null" in args
args = [a for a in args if a != "--stdin-null"]
sep = args.index("--")
env = dict(a.split("=", 1) for a in args[:sep])
cmd = args[sep + 1:]
pid, fd = pty.fork()
if pid == 0:
    if stdin_null:
        os.dup2(os.open("/dev/null", os.O_RDONLY), 0)
    os.execve(cmd[0], cmd, env)
data = b""
while True:
    try:
        chunk = os.read(fd, 4096)
    except OSError:
        break
    if not chunk:
        break
    data += chunk
_, status = os.waitpid(pid, 0)
open(out, "wb").write(data)
sys.exit(os.waitstatus_to_exitcode(status))
PY
}

fail() {
	echo "FAIL: $*" >&2
	if tm has-session -t main 2>/dev/null; then
		echo "---- screen ----" >&2
		dump_screen >&2 || true
		echo "----------------" >&2
	fi
	exit 1
}

# expect_eq WHAT EXPECTED ACTUAL
expect_eq() {
	[ "$2" = "$3" ] || fail "$1: expected [$2], got [$3]"
}
