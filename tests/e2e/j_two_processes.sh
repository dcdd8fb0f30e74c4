#!/usr/bin/env bash
# Journey: two coordinators on one database, each in their own process (two
# tmux sessions). What one adds — through the form in process A, or with
# `lmskurs person add` from a shell — appears in B's open People list within
# 2 seconds without a key pressed in B, and B's selection stays on the
# person it was on even though the new names sort before it. Home in B
# re-reads its counts the same way.
. "$(dirname "$0")/lib.sh"

mapfile -d '' base < <(e2e_env)

# The command-line program on the same database, with the journey's environment.
cli() {
	env -i "${base[@]}" "$LMSKURS_BIN" --db "$E2E_DB" "$@"
}

# Process B: a second tmux session "b" on the same server.
start_b() {
	local cmd
	cmd=$(printf '%q ' env -i "${base[@]}" TERM=xterm-256color "$LMSKURS_BIN" --db "$E2E_DB")
	tm new-session -d -s b -x "$E2E_COLS" -y "$E2E_ROWS" "$cmd"
}

screen_b() {
	tm capture-pane -p -t b
}

wait_b() {
	local text=$1 secs=${2:-5} i
	for ((i = 0; i < secs * 10; i++)); do
		screen_b | grep -qF -- "$text" && return 0
		sleep 0.1
	done
	echo "---- screen B ----" >&2
	screen_b >&2
	fail "B waited ${secs}s for: $text"
}

cursor_line_b() {
	local y
	y=$(tm display-message -p -t b '#{cursor_y}')
	screen_b | sed -n "$((y + 1))p"
}

cli init >/dev/null
cli person add --name "Carl Øverby" --kind professional --profession sykepleier >/dev/null
cli person add --name "Dagny Ås" --kind user_rep --organisation LHL >/dev/null
cli person add --name "Ewa Łukasiewicz" --kind professional --profession lege >/dev/null

start
wait_for_text "3 people"
start_b
wait_b "3 people"

# Both open People; B selects Dagny (second row).
keys j j j Enter
wait_for_text "People: 3 people"
tm send-keys -t b j j j Enter
wait_b "People: 3 people"
tm send-keys -t b j
wait_b "2/3"
cursor_line_b | grep -qF "> Dagny Ås" || fail "B should be on Dagny: [$(cursor_line_b)]"

# A adds Bjørg through the form; no key is pressed in B.
keys a
wait_for_text "New person"
type_text "Bjørg Ærø-Berg"
keys Tab Tab
type_text "fysioterapeut"
keys C-s
wait_for_text "Added Bjørg Ærø-Berg."
wait_b "People: 4 people" 2
screen_b | grep -qF "Bjørg Ærø-Berg" || fail "B should list the person A added"
wait_b "3/4" 1
cursor_line_b | grep -qF "> Dagny Ås" || fail "B's selection should stay on Dagny: [$(cursor_line_b)]"

# From a shell: `lmskurs person add`; both lists follow within 2 seconds.
cli person add --name "Anders 安德斯" --kind user_rep --organisation "Mental Helse" >/dev/null
wait_b "People: 5 people" 2
wait_for_text "People: 5 people" 2
screen_b | grep -qF "Anders 安德斯" || fail "B should list the person added from the shell"
wait_b "4/5" 1
cursor_line_b | grep -qF "> Dagny Ås" || fail "B's selection should still be on Dagny: [$(cursor_line_b)]"
expect_eq "stored people" "5" "$(sql "SELECT count(*) FROM person")"

# Home in B re-reads too: back there, then another person from the shell.
tm send-keys -t b Escape
wait_b "5 people"
cli person add --name "Fatima الزهراء" --kind professional --profession psykolog >/dev/null
wait_b "6 people" 2

keys q q
expect_eq "A's exit status" "0" "$(wait_exit)"
echo "ok"
