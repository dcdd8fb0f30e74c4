#!/usr/bin/env bash
# Journey: a coordinator lays out a run and opens registration. The
# database holds an active course with a session plan of two parts, one
# professional and one user representative, and a run still being
# scheduled. Home ▶ Runs ▶ the run: s lays it out weekly (form: first date,
# rhythm, start time, room), F books the same professional and user
# representative for every session, > moves it to registration: the gate
# is met, so the dialog only asks. The screen and the database agree after
# each step; the week screen then shows the first session under its day.
. "$(dirname "$0")/lib.sh"

"$LMSKURS_BIN" --db "$E2E_DB" init >/dev/null 2>&1 || fail "init failed"
stamp=2026-11-01T09:00:00
sql "INSERT INTO person (id, name, kind, profession, created_at) VALUES (1, 'Kari Nordmann-Øye', 'professional', 'sykepleier', ?)" "$stamp" >/dev/null
sql "INSERT INTO person (id, name, kind, organisation, created_at) VALUES (2, 'Åse Bråten 张', 'user_rep', 'LHL', ?)" "$stamp" >/dev/null
sql "INSERT INTO course (id, title, audience, phase, owner_id, created_at, updated_at) VALUES (1, 'Leve med KOLS – Ålesund', 'patients', 'active', 1, ?, ?)" "$stamp" "$stamp" >/dev/null
sql "INSERT INTO course_part (course_id, position, topic, minutes) VALUES (1, 1, 'Hva er KOLS?', 120), (1, 2, 'Pust og fysisk aktivitet', 120)" >/dev/null
sql "INSERT INTO run (id, course_id, title, place, capacity, created_at) VALUES (1, 1, 'Våren 2027', 'LMS Ålesund', 12, ?)" "$stamp" >/dev/null

start
wait_for_text "lmskurs · Home"
# Home: down to Runs, open it, open the only run.
for _ in 1 2 3 4; do
	cursor_line | grep -qF "Runs" && break
	keys Down
	sleep 0.2
done
cursor_line | grep -qF "Runs" || fail "Home has no Runs section: [$(cursor_line)]"
keys Enter
wait_for_text "Runs, all years: 1 run"
dump_screen | grep -F "Leve med K" | grep -F "scheduling" | grep -qF "no sessions" ||
	fail "the runs list should show the run in scheduling without sessions"
keys Enter
wait_for_text "Run: Leve med KOLS – Ålesund · Våren 2027"
assert_screen_contains "No sessions yet: s lays them out"

# s: no sessions yet, so no question first; straight to the form.
keys s
wait_for_text "Lay out Leve med KOLS – Ålesund Våren 2027"
assert_screen_contains "First date*"
type_text "01.03.2027"
keys Tab Tab C-u
type_text "17:00"
keys Tab
type_text "Møterom Ålesund"
keys C-s
wait_for_text "Laid out 2 sessions from the session plan."
assert_screen_contains "Mon 01.03.2027 wk 9"
assert_screen_contains "Mon 08.03.2027 wk 10"
assert_screen_contains "17:00–19:00"
# Unpaired is said in words with a marker, not by colour alone.
assert_screen_contains "! missing both"
assert_screen_contains "Pairing: ! 2 sessions unpaired"
expect_eq "sessions stored" "1|2027-03-01T17:00|2027-03-01T19:00|Møterom Ålesund|Hva er KOLS?
2|2027-03-08T17:00|2027-03-08T19:00|Møterom Ålesund|Pust og fysisk aktivitet" \
	"$(sql "SELECT seq, starts_at, ends_at, room, topic FROM session WHERE run_id = 1 ORDER BY seq")"

# F: the same professional and user representative for every session.
keys F
wait_for_text "Professional for every session"
type_text "Kari"
wait_for_text "Kari Nordmann-Øye"
keys Enter
wait_for_text "User representative for every session"
type_text "Åse"
wait_for_text "Åse Bråten 张"
keys Enter
wait_for_text "Kari Nordmann-Øye and Åse Bråten 张 now lead all 2 planned sessions."
assert_screen_contains "Pairing: paired"
assert_screen_lacks "! missing"
expect_eq "facilitators booked" "4" "$(sql "SELECT count(*) FROM session_facilitator")"
dump_screen | grep -F "Mon 08.03.2027" | grep -qF "F+B" || fail "session 2 should show F+B"

# >: every condition is met, so the dialog just asks.
keys '>'
wait_for_text "Every condition for registration open is met"
keys y
wait_for_text "Moved to registration open."
assert_screen_contains "Phase: registration open"
expect_eq "phase stored" "registration" "$(sql "SELECT phase FROM run WHERE id = 1")"
expect_eq "moves audited" "1" "$(sql "SELECT count(*) FROM audit WHERE action = 'phase' AND entity = 'run' AND entity_id = 1")"

# The runs list re-reads: the run is now in registration and paired.
keys Escape
wait_for_text "Runs, all years: 1 run"
dump_screen | grep -F "Leve med K" | grep -F "registration" | grep -qF "paired" ||
	fail "the runs list should show the run open for registration, paired"

# This week, then step (+) to the week of 01.03.2027: the session under
# its day, with course, run, facilitators and pairing.
keys Escape
wait_for_text "lmskurs · Home"
for _ in 1 2 3 4; do
	cursor_line | grep -qF "This week" && break
	keys Down
	sleep 0.2
done
keys Enter
wait_for_text "This week: week"
assert_screen_contains "· today"
weeks=$(python3 -c 'import datetime as d; t = d.date.today(); m = t - d.timedelta(days=t.weekday()); print((d.date(2027, 3, 1) - m).days // 7)')
for ((i = 0; i < weeks; i++)); do keys +; done
wait_for_text "Week 9: 01.03.2027–07.03.2027"
assert_screen_contains "Monday 01.03.2027 (week 9)  1 session"
dump_screen | grep -F "17:00–19:00" | grep -F "Møterom" | grep -F "Leve med KOLS" | grep -F "Kari Nordmann-Øye" |
	grep -qF "F+B" || fail "the week should list the session with its facilitators, paired"
# Enter on the session opens its run.
keys Down
wait_for_text "2/8"
keys Enter
wait_for_text "Run: Leve med KOLS – Ålesund · Våren 2027"
keys q
wait_for_text "Week 9: 01.03.2027–07.03.2027"
keys q
wait_for_text "lmskurs · Home"
keys q
expect_eq "exit status" "0" "$(wait_exit)"
echo "ok"
