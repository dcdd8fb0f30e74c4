#!/usr/bin/env bash
# Journey: the walk-through of a coordinator at 100x30 (and 60x16), with
# what it found cut or unclear now readable.
#   Run: the session table gives the status column only what "! missing
#   both" needs, so room and topic read whole; a session on a public
#   holiday says "! Constitution Day" first; laying the run out again onto
#   Easter Monday says so on the status line; the gate of the next phase
#   says C opens the checklist; the checklist shows who ticked and when
#   once, under "Ticked by"; the help at 60x16 wraps, nothing is cut.
#   Course: the person picker shows names, kinds and organisations whole;
#   the planning group's columns have whole titles; the cursor goes to the
#   member, part and checklist item just added; the course's gate says
#   Space ticks on that tab. The database agrees after each step.
. "$(dirname "$0")/lib.sh"

"$LMSKURS_BIN" --db "$E2E_DB" init >/dev/null 2>&1 || fail "init failed"
stamp=2026-11-01T09:00:00
sql "INSERT INTO person (id, name, kind, profession, created_at) VALUES (1, 'Kari Nordmann-Øye', 'professional', 'sykepleier', ?)" "$stamp" >/dev/null
sql "INSERT INTO person (id, name, kind, organisation, created_at) VALUES (2, 'Ingrid Sæther-Øvrebø', 'user_rep', 'Landsforeningen for hjerte- og lungesyke', ?)" "$stamp" >/dev/null
sql "INSERT INTO person (id, name, kind, profession, created_at) VALUES (3, 'Ahmad Karimi كريمي', 'professional', 'fysioterapeut', ?)" "$stamp" >/dev/null
sql "INSERT INTO course (id, title, audience, phase, owner_id, created_at, updated_at) VALUES (1, 'Leve med KOLS – Ålesund', 'patients', 'active', 1, ?, ?)" "$stamp" "$stamp" >/dev/null
sql "INSERT INTO course_part (course_id, position, topic, minutes) VALUES (1, 1, 'Hva er KOLS?', 120), (1, 2, 'Pust og fysisk aktivitet', 120), (1, 3, 'Mat og KOLS', 60)" >/dev/null
sql "INSERT INTO course (id, title, audience, phase, created_at, updated_at) VALUES (2, 'Pårørendeskolen – Ålesund', 'relatives', 'idea', ?, ?)" "$stamp" "$stamp" >/dev/null
"$LMSKURS_BIN" --db "$E2E_DB" run create 1 --start 2027-05-10 --time 17:00 --room "Møterom Ålesund" \
	--capacity 12 --title "Våren 2027" >/dev/null 2>&1 || fail "run create failed"

# Goes from the top of Home down to the section named $1 and opens it.
open_section() {
	keys g
	for _ in 1 2 3 4 5 6 7 8; do
		cursor_line | grep -qF "$1" && break
		keys Down
		sleep 0.2
	done
	cursor_line | grep -qF "$1" || fail "Home has no $1 section: [$(cursor_line)]"
	keys Enter
}

start
wait_for_text "lmskurs · Home"
open_section "Runs"
wait_for_text "Runs, all years: 1 run"
keys Enter
wait_for_text "Run: Leve med KOLS – Ålesund · Våren 2027"

# ---- the session table: the holiday first, readable in its row ----
assert_screen_contains "Status"
row=$(dump_screen | grep -F "Mon 17.05.2027 wk 20") || fail "no row for 17.05.2027"
case "$row" in *"17:00–19:00 ! Constitution Day · "*) ;; *) fail "the holiday first, whole: [$row]" ;; esac
keys Down
wait_for_text "Session 2 · Mon 17.05.2027 wk 20"
assert_screen_contains "! public holiday: Constitution Day"
assert_screen_contains "Status and pairing: ! Constitution Day · ! missing both"

# ---- laid out again onto Easter Monday: said on the status line ----
keys s
wait_for_text "Lay out the sessions again?"
keys y
wait_for_text "First date*"
keys C-u
type_text "22.03.2027"
keys C-s
wait_for_text "! Laid out 3 sessions; session 2 (29.03.2027) is on Easter Monday."
expect_eq "laid out again" "2027-03-22T17:00|2027-03-29T17:00|2027-04-05T17:00" \
	"$(sql "SELECT group_concat(starts_at, '|') FROM (SELECT starts_at FROM session WHERE run_id = 1 ORDER BY seq)")"
dump_screen | grep -F "Mon 29.03.2027 wk 13" | grep -qF "17:00–19:00 ! Easter Monday · " ||
	fail "the Easter Monday row should name it"

# ---- no holiday: the plain count; status takes only what "! missing
# both" needs, so the room reads whole ----
keys s
wait_for_text "Lay out the sessions again?"
keys y
wait_for_text "First date*"
keys C-u
type_text "01.03.2027"
keys C-s
wait_for_text "Laid out 3 sessions from the session plan."
assert_screen_lacks "! Laid out"
row=$(dump_screen | grep -F "Mon 01.03.2027 wk 9") || fail "no row for 01.03.2027"
case "$row" in *"! missing both"*"(nobody yet)"*"Møterom Ålesund"*"Hva er KOLS?"*) ;;
	*) fail "status, facilitators, room and topic whole: [$row]" ;; esac

# ---- the gate says how to tick the checklist ----
keys '>'
wait_for_text "Not moved"
assert_screen_contains "To tick them: Esc, then C opens the checklist."
keys Enter
wait_for_text "Not moved to registration open."
expect_eq "still scheduling" "scheduling" "$(sql "SELECT phase FROM run WHERE id = 1")"

# ---- the run's checklist: who and when once, the item text whole ----
keys C
wait_for_text "Checklist: Leve med KOLS – Ålesund · Våren 2027"
assert_screen_contains "Ticked by"
keys Space
wait_for_text "Ticked."
dump_screen | grep -F "[x]" | grep -qE "scheduling +[^ ]+ [0-9]{2}\.[0-9]{2}\.[0-9]{4} [0-9]{2}:[0-9]{2}" ||
	fail "the ticked row should say who and when"
assert_screen_lacks "ticked by"
first=$(sql "SELECT text FROM checklist_item WHERE run_id = 1 ORDER BY position LIMIT 1")
dump_screen | grep -F "[x] $first" >/dev/null || fail "the item text should be whole: $first"
expect_eq "ticked" "1" "$(sql "SELECT count(*) FROM checklist_item WHERE run_id = 1 AND done = 1")"
keys Escape
wait_for_text "Run: Leve med KOLS – Ålesund · Våren 2027"

# ---- the help at 60x16 wraps instead of cutting ----
resize 60 16
keys '?'
wait_for_text "Keys for Run"
for _ in 1 2 3; do
	screen_has "gate asks for)" && break
	keys PageDown
	sleep 0.3
done
assert_screen_contains "gate asks for)"
dump_screen | sed -n '2,15p' | grep -qF "…" && fail "the help should cut nothing"
keys Escape
resize 100 30
wait_for_text "Run: Leve med KOLS – Ålesund · Våren 2027"
keys Escape
wait_for_text "Runs, all years"
keys Escape
wait_for_text "lmskurs · Home"

# ---- the course: planning group, picker, cursor on what was added ----
open_section "Courses"
wait_for_text "Courses: 2 courses"
keys Down Enter
wait_for_text "Course: Pårørendeskolen – Ålesund (idea and anchoring)"
keys Tab
wait_for_text "Nobody plans this course yet"
keys a
wait_for_text "Add to the planning group"
row=$(dump_screen | grep -F "Ingrid Sæther-Øvrebø") || fail "the picker should list Ingrid"
case "$row" in *"user representative"*"Landsforeningen for hjerte- og lungesyke"*) ;;
	*) fail "the picker should show kind and organisation whole: [$row]" ;; esac
type_text "Nordmann"
wait_for_text "1/1"
keys Enter
wait_for_text "Added Kari Nordmann-Øye to the planning group."
keys a
wait_for_text "Add to the planning group"
type_text "Sæther"
wait_for_text "1/1"
keys Enter
wait_for_text "Added Ingrid Sæther-Øvrebø to the planning group."
cursor_line | grep -qF "Ingrid Sæther-Øvrebø" || fail "the cursor should be on Ingrid: [$(cursor_line)]"
assert_screen_contains "Profession / organisation"
dump_screen | grep -F "Profession / organisation" | grep -qE "Role( |$)" || fail "the Role title should be whole"
expect_eq "members" "1,2" "$(sql "SELECT group_concat(person_id) FROM (SELECT person_id FROM planning_member WHERE course_id = 2 ORDER BY person_id)")"

keys Tab
wait_for_text "Session plan"
for topic in "Å være pårørende" "Rettigheter – Ørjan forteller"; do
	keys a
	wait_for_text "New part of the session plan"
	type_text "$topic"
	keys Tab
	type_text "60"
	keys C-s
	wait_for_text "Added the part $topic."
	cursor_line | grep -qF "$topic" || fail "the cursor should be on $topic: [$(cursor_line)]"
done
expect_eq "parts" "2" "$(sql "SELECT count(*) FROM course_part WHERE course_id = 2")"

keys Tab
wait_for_text "Phase: idea and anchoring"
keys a
wait_for_text "New checklist item for phase idea and anchoring"
type_text "Egen sjekk – Åse og Ørjan"
keys C-s
wait_for_text "Added the checklist item."
cursor_line | grep -qF "Egen sjekk – Åse og Ørjan" || fail "the cursor should be on the new item: [$(cursor_line)]"
keys '>'
wait_for_text "Not met for moving to planning:"
assert_screen_contains "To tick them: Esc, then Space ticks the selected item"
keys Escape
wait_for_text "The phase was not changed."
expect_eq "still idea" "idea" "$(sql "SELECT phase FROM course WHERE id = 2")"
expect_eq "no override" "0" "$(sql "SELECT count(*) FROM gate_override")"
keys q
keys q
keys q
