#!/usr/bin/env bash
# Journey: two coordinators edit the same person at the same time, each in
# their own process (two tmux sessions on one database). A saves first. B
# is warned while still typing, and B's save is refused with "changed by
# someone else" — the form stays open with everything B typed, and A's
# change is what the database holds. B then reopens the person, sees A's
# change, and saves on top of it.
. "$(dirname "$0")/lib.sh"

mapfile -d '' base < <(e2e_env)
cli() {
	env -i "${base[@]}" "$LMSKURS_BIN" --db "$E2E_DB" "$@"
}

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

cli init >/dev/null
cli person add --name "Åse Ødegård" --kind user_rep --organisation LHL >/dev/null

start
wait_for_text "1 person"
start_b
wait_b "1 person"

# Both open the person's form (People, the only row, e).
keys j j j Enter
wait_for_text "People: 1 person"
keys e
wait_for_text "Edit person: Åse Ødegård"
tm send-keys -t b j j j Enter
wait_b "People: 1 person"
tm send-keys -t b e
wait_b "Edit person: Åse Ødegård"

# Both go to Notes (the eighth field) and type.
keys Tab Tab Tab Tab Tab Tab Tab
type_text "A: ringer fredag"
tm send-keys -t b Tab Tab Tab Tab Tab Tab Tab
tm send-keys -t b -l "B: trenger tolk, 需要翻译"

# A saves first.
keys C-s
wait_for_text "Saved Åse Ødegård."
expect_eq "A's save" "A: ringer fredag|2" "$(sql "SELECT notes, version FROM person")"

# B is warned without a key pressed, then refused on saving; B's text stays.
wait_b "Someone else changed this person meanwhile" 3
tm send-keys -t b C-s
wait_b "changed by someone else meanwhile"
screen_b | grep -qF "B: trenger tolk, 需要翻译" || fail "B's typed text should stay in the form"
screen_b | grep -qF "Edit person: Åse Ødegård" || fail "B's form should stay open"
expect_eq "nothing overwritten" "A: ringer fredag|2" "$(sql "SELECT notes, version FROM person")"
expect_eq "one update logged" "1" "$(sql "SELECT count(*) FROM audit WHERE action = 'update' AND entity = 'person'")"

# B leaves the form (it asks first), opens the person again and sees A's change.
tm send-keys -t b Escape
wait_b "Close without saving?"
tm send-keys -t b y
for ((i = 0; i < 50; i++)); do
	screen_b | grep -qF "Close without saving?" || break
	sleep 0.1
done
tm send-keys -t b e
wait_b "A: ringer fredag"
tm send-keys -t b Tab Tab Tab Tab Tab Tab Tab C-e
tm send-keys -t b -l " / B: tolk"
tm send-keys -t b C-s
wait_b "Saved Åse Ødegård."
expect_eq "B on top of A" "A: ringer fredag / B: tolk|3" "$(sql "SELECT notes, version FROM person")"
wait_for_text "People: 1 person"

keys Escape
wait_for_text "Home"
keys q
expect_eq "exit status A" "0" "$(wait_exit)"
tm send-keys -t b Escape
tm send-keys -t b q
echo "ok"
