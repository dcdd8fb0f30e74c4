#!/usr/bin/env bash
# Journey: a coordinator registers two participants (names in æøå and
# Cyrillic), is offered the existing record instead of doubling one, and
# enrolls both into a run open for registration with one place: the first
# is registered, the second goes to the waitlist as number 1. Cancelling
# the first place (it asks, naming who gets the place) moves the second
# up, and the status line names her so she can be called. The database
# agrees after each step. Then the same login as staff: names only, and
# none of the changing keys.
. "$(dirname "$0")/lib.sh"

"$LMSKURS_BIN" --db "$E2E_DB" init >/dev/null 2>&1 || fail "init failed"
stamp=2026-11-01T09:00:00
sql "INSERT INTO course (id, title, audience, phase, created_at, updated_at) VALUES (1, 'Leve med KOLS – Ålesund', 'patients', 'active', ?, ?)" "$stamp" "$stamp" >/dev/null
sql "INSERT INTO run (id, course_id, title, phase, place, capacity, created_at) VALUES (1, 1, 'Våren 2027', 'registration', 'LMS Ålesund', 1, ?)" "$stamp" >/dev/null

# Home ▶ a section by name.
home_to() {
	keys g
	sleep 0.2
	for _ in 1 2 3 4 5 6; do
		cursor_line | grep -qF "$1" && break
		keys Down
		sleep 0.2
	done
	cursor_line | grep -qF "$1" || fail "Home has no $1 section: [$(cursor_line)]"
	keys Enter
}

start
wait_for_text "lmskurs · Home"
assert_screen_contains "0 participants"
home_to Participants
wait_for_text "Participants: 0 participants"
assert_screen_contains "No participants yet."

# Register Åse with phone and e-mail.
keys a
wait_for_text "New participant"
type_text "Åse Ødegård-Bråten"
keys Tab
type_text "+47 912 34 567"
keys Tab
type_text "aase@example.no"
keys Tab
type_text "1961"
keys C-s
wait_for_text "Registered Åse Ødegård-Bråten (no. 1)."
wait_for_text "Participants: 1 participant"
# Coordinators see the selected participant's contact details.
assert_screen_contains "No. 1 · Phone: +4791234567 · E-mail: aase@example.no · Born: 1961"
expect_eq "stored" "Åse Ødegård-Bråten|+4791234567|aase@example.no|1961" \
	"$(sql "SELECT name, phone, email, birth_year FROM participant")"

# The same person again (same name, the phone written otherwise): offered
# the existing record instead; taking it adds nothing and opens her.
keys a
wait_for_text "New participant"
type_text "åse ødegård-bråten"
keys Tab
type_text "912 34 567"
keys C-s
wait_for_text "Already registered"
assert_screen_contains "Åse Ødegård-Bråten is already registered with the same phone or"
assert_screen_contains "(no. 1, born 1961, added"
keys y
wait_for_text "Participant: Åse Ødegård-Bråten"
assert_screen_contains "Kept the record no. 1 of Åse Ødegård-Bråten; nothing was added."
expect_eq "not doubled" "1" "$(sql "SELECT count(*) FROM participant")"
keys Escape
wait_for_text "Participants: 1 participant"

# Register Олександр (no contact details).
keys a
wait_for_text "New participant"
type_text "Олександр Шевченко"
keys C-s
wait_for_text "Registered Олександр Шевченко (no. 2)."
wait_for_text "Participants: 2 participants"

# Search as you type: by a part of the name, and by phone.
keys /
type_text "шевч"
wait_for_text 'Participants: 1 matching "шевч"'
keys C-u
type_text "91234"
wait_for_text 'Participants: 1 matching "91234"'
assert_screen_contains "Åse Ødegård-Bråten"
keys Escape
wait_for_text "Participants: 2 participants"
keys Escape
wait_for_text "lmskurs · Home"

# Runs ▶ the run ▶ P: its participants.
home_to Runs
wait_for_text "Runs, all years: 1 run"
keys Enter
wait_for_text "Run: Leve med KOLS – Ålesund · Våren 2027"
keys P
wait_for_text "Participants of Leve med KOLS – Ålesund, Våren 2027"
assert_screen_contains "registered 0/1 · waitlist 0"
assert_screen_contains "Nobody has signed up for this run yet."

# a: pick Åse, she gets the place.
keys a
wait_for_text "Enroll whom?"
type_text "Ødeg"
wait_for_text "1/1"
keys Enter
wait_for_text "Enroll Åse Ødegård-Bråten in"
assert_screen_contains "A place is free: they are registered at once."
keys C-s
wait_for_text "Åse Ødegård-Bråten is registered."
assert_screen_contains "registered 1/1 · waitlist 0"

# a: Олександр, the run is full: the waitlist, as number 1.
keys a
wait_for_text "Enroll whom?"
type_text "Олек"
wait_for_text "1/1"
keys Enter
wait_for_text "The run is full: they join the back of the waitlist."
keys Right
keys C-s
wait_for_text "Олександр Шевченко is on the waitlist as number 1."
assert_screen_contains "registered 1/1 · waitlist 1"
dump_screen | grep -F "Олександр Шевченко" | grep -F "waitlist 1" | grep -qF "relative" ||
	fail "the waitlisted row should say its place in the queue and the category"
expect_eq "enrolled" "Åse Ødegård-Bråten|registered|patient
Олександр Шевченко|waitlisted|relative" \
	"$(sql "SELECT p.name, e.status, e.category FROM enrollment e JOIN participant p ON p.id = e.participant_id ORDER BY e.id")"

# d on Åse: it asks, naming who gets the place; n keeps everything.
keys g d
wait_for_text "Cancel a place"
assert_screen_contains "The place goes to Олександр Шевченко, the first on"
keys n
wait_for_text "Nothing was cancelled."
expect_eq "kept after no" "registered" "$(sql "SELECT status FROM enrollment WHERE participant_id = 1")"

# d again, y: the status line names who moved up.
keys d
wait_for_text "Cancel a place"
keys y
wait_for_text "Call Олександр Шевченко: moved up from the waitlist. Cancelled the place of Åse Ødegård-Bråten."
assert_screen_contains "registered 1/1 · waitlist 0"
dump_screen | grep -F "Олександр Шевченко" | grep -qF "registered" || fail "Олександр should now be registered"
assert_screen_lacks "Åse Ødegård-Bråten  "
expect_eq "after cancelling" "cancelled
registered" "$(sql "SELECT status FROM enrollment ORDER BY id")"
expect_eq "audited" "1|1" "$(sql "SELECT (SELECT count(*) FROM audit WHERE entity = 'enrollment' AND action = 'cancel'), (SELECT count(*) FROM audit WHERE entity = 'enrollment' AND action = 'promote')")"
# No name of a participant in the audit log.
expect_eq "no names in the audit" "0" "$(sql "SELECT count(*) FROM audit WHERE detail LIKE '%Олександр%' OR detail LIKE '%Åse%'")"

# Enter on Олександр: the details with the place in the run.
keys g Enter
wait_for_text "Participant: Олександр Шевченко"
assert_screen_contains "Leve med KOLS – Ålesund, Våren 2027"
assert_screen_contains "registered"
keys q
wait_for_text "Participants of Leve med KOLS"
keys q q q
wait_for_text "lmskurs · Home"
keys q
expect_eq "exit status" "0" "$(wait_exit)"

# The same login as staff: names only, no changing keys.
sql "UPDATE app_user SET role = 'staff'" >/dev/null
tm set-option -s exit-empty off
tm kill-session -t main
start
wait_for_text "lmskurs · Home"
home_to Participants
wait_for_text "Participants: 2 participants"
assert_screen_contains "Names only: contact details are for coordinators."
assert_screen_lacks "aase@example.no"
assert_screen_contains "/ filter  Enter open  Esc back"
keys a
wait_for_text "That key does nothing here"
keys /
type_text "91234"
wait_for_text 'Participants: 0 matching "91234"'
keys Escape Escape
wait_for_text "lmskurs · Home"
keys q
expect_eq "exit status (staff)" "0" "$(wait_exit)"
expect_eq "staff wrote nothing" "2|2" "$(sql "SELECT (SELECT count(*) FROM participant), (SELECT count(*) FROM enrollment)")"
echo "ok"
