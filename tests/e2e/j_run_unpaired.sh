#!/usr/bin/env bash
# Journey: pairing blocks opening registration. A run being scheduled has
# two sessions, each led by a professional and a user representative. The
# coordinator removes the user representative from session 2 (the dialog
# says the session would be unpaired), sees the warning in words on the
# run screen (also on a 60x16 terminal), and tries to open registration:
# the dialog says which session (number and date) lacks a user
# representative and that no reason can pass it; the database keeps the
# run in scheduling and records no override.
. "$(dirname "$0")/lib.sh"

"$LMSKURS_BIN" --db "$E2E_DB" init >/dev/null 2>&1 || fail "init failed"
stamp=2026-11-01T09:00:00
sql "INSERT INTO person (id, name, kind, profession, created_at) VALUES (1, 'Kari Nordmann-Øye', 'professional', 'sykepleier', ?)" "$stamp" >/dev/null
sql "INSERT INTO person (id, name, kind, organisation, created_at) VALUES (2, 'Åse Bråten 张', 'user_rep', 'LHL', ?)" "$stamp" >/dev/null
sql "INSERT INTO course (id, title, audience, phase, owner_id, created_at, updated_at) VALUES (1, 'Leve med KOLS – Ålesund', 'patients', 'active', 1, ?, ?)" "$stamp" "$stamp" >/dev/null
sql "INSERT INTO course_part (course_id, position, topic, minutes) VALUES (1, 1, 'Hva er KOLS?', 120), (1, 2, 'Pust og fysisk aktivitet', 120)" >/dev/null
sql "INSERT INTO run (id, course_id, title, place, capacity, first_date, last_date, created_at) VALUES (1, 1, 'Våren 2027', 'LMS Ålesund', 12, '2027-03-01', '2027-03-08', ?)" "$stamp" >/dev/null
sql "INSERT INTO session (id, run_id, seq, starts_at, ends_at, room, topic) VALUES (1, 1, 1, '2027-03-01T17:00', '2027-03-01T19:00', 'Møterom Ålesund', 'Hva er KOLS?'), (2, 1, 2, '2027-03-08T17:00', '2027-03-08T19:00', 'Møterom Ålesund', 'Pust og fysisk aktivitet')" >/dev/null
sql "INSERT INTO session_facilitator (session_id, person_id) VALUES (1, 1), (1, 2), (2, 1), (2, 2)" >/dev/null

start
wait_for_text "lmskurs · Home"
for _ in 1 2 3 4; do
	cursor_line | grep -qF "Runs" && break
	keys Down
	sleep 0.2
done
keys Enter
wait_for_text "Runs, all years: 1 run"
keys Enter
wait_for_text "Run: Leve med KOLS – Ålesund · Våren 2027"
assert_screen_contains "Pairing: paired"

# Session 2's facilitators: professionals first, then user representatives.
keys j
wait_for_text "2/2"
cursor_line | grep -qF "Mon 08.03.2027 wk 10" || fail "cursor not on session 2: [$(cursor_line)]"
keys f
wait_for_text "Facilitators of session 2"
assert_screen_contains "Pairing: F+B"
keys j
wait_for_text "2/2"
cursor_line | grep -qF "Åse Bråten 张" || fail "cursor not on the user representative: [$(cursor_line)]"

# d asks, saying what goes with it; n keeps her.
keys d
wait_for_text "Remove Åse Bråten 张 from session 2?"
assert_screen_contains "unpaired (missing user representative)"
keys n
wait_for_text "Nobody was removed."
expect_eq "kept after no" "2" "$(sql "SELECT count(*) FROM session_facilitator WHERE session_id = 2")"
keys d
wait_for_text "Remove Åse Bråten 张 from session 2?"
keys y
wait_for_text "Åse Bråten 张 no longer leads session 2."
assert_screen_contains "Pairing: ! missing user representative"
expect_eq "removed" "1" "$(sql "SELECT person_id FROM session_facilitator WHERE session_id = 2")"
expect_eq "removal audited" "1" "$(sql "SELECT count(*) FROM audit WHERE entity = 'session_facilitator' OR (entity = 'session' AND entity_id = 2)")"

# Back on the run: the warning in words with a marker.
keys Escape
wait_for_text "Pairing: ! 1 session unpaired"
dump_screen | grep -F "Mon 08.03.2027" | grep -qF "! missing user representative" ||
	fail "session 2 should say what it misses"
dump_screen | grep -F "Mon 01.03.2027" | grep -qF "F+B" || fail "session 1 stays paired"
resize 60 16
wait_for_text "! missing user"
resize 100 30
wait_for_text "Pairing: ! 1 session unpaired"

# > : refused, naming the session, its date and what is missing.
keys '>'
wait_for_text "Not moved"
assert_screen_contains "Session 2 (08.03.2027) has no user representative"
assert_screen_contains "These must be fixed first; no"
keys Enter
wait_for_text "Not moved to registration open."
expect_eq "still scheduling" "scheduling" "$(sql "SELECT phase FROM run WHERE id = 1")"
expect_eq "no override kept" "0" "$(sql "SELECT count(*) FROM gate_override")"
expect_eq "no phase move audited" "0" "$(sql "SELECT count(*) FROM audit WHERE action = 'phase'")"

keys q
wait_for_text "Runs, all years: 1 run"
dump_screen | grep -F "! Leve med" | grep -qF "! 1 session unpaired" || fail "the runs list should warn too"
keys q
wait_for_text "lmskurs · Home"
keys q
expect_eq "exit status" "0" "$(wait_exit)"
echo "ok"
