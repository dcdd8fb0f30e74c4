#!/usr/bin/env bash
# Journey: staff mark who came, from This week. The database holds a run
# under way with two sessions, yesterday's (already marked) and today's,
# five registered participants with names in several scripts, one of them
# placed today (not expected yesterday). The login is staff.
#
# This week ▶ today's session ▶ o: one key per participant (Space, f, g,
# o, 3), the cursor moving on and the running count at the top; the
# database holds the marks. Then Enter opens the run, o yesterday's
# session: the late-comer is "not expected" and cannot be marked, and
# changing a mark (the day after) asks for a reason, which is kept.
. "$(dirname "$0")/lib.sh"

"$LMSKURS_BIN" --db "$E2E_DB" init >/dev/null 2>&1 || fail "init failed"
read -r today yesterday < <(TZ=Europe/Oslo python3 -c 'import datetime as d; t = d.date.today(); print(t, t - d.timedelta(days=1))')
stamp=2026-01-05T09:00:00
sql "INSERT INTO person (id, name, kind, profession, created_at) VALUES (1, 'Kari Nordmann-Øye', 'professional', 'sykepleier', ?)" "$stamp" >/dev/null
sql "INSERT INTO person (id, name, kind, organisation, created_at) VALUES (2, 'Åse Bråten', 'user_rep', 'LHL', ?)" "$stamp" >/dev/null
sql "INSERT INTO course (id, title, audience, phase, owner_id, created_at, updated_at) VALUES (1, 'Leve med KOLS – Ålesund', 'patients', 'active', 1, ?, ?)" "$stamp" "$stamp" >/dev/null
sql "INSERT INTO run (id, course_id, title, phase, place, capacity, first_date, last_date, created_at) VALUES (1, 1, 'Våren 2027', 'execution', 'LMS Ålesund', 12, ?, ?, ?)" "$yesterday" "$today" "$stamp" >/dev/null
sql "INSERT INTO session (id, run_id, seq, starts_at, ends_at, room, topic, status) VALUES (1, 1, 1, ?, ?, 'Møterom Ørnen', 'Hva er KOLS?', 'held'), (2, 1, 2, ?, ?, 'Møterom Ørnen', 'Pust og fysisk aktivitet', 'planned')" \
	"${yesterday}T17:00" "${yesterday}T19:00" "${today}T17:00" "${today}T19:00" >/dev/null
sql "INSERT INTO session_facilitator (session_id, person_id) VALUES (1, 1), (1, 2), (2, 1), (2, 2)" >/dev/null
i=0
for name in 'Bjørn Ås' 'Nguyễn Văn Anh' 'Ольга Петрова' 'سارة الحربي' 'Aino Kallio'; do
	i=$((i + 1))
	placed="${yesterday}T08:00:00"
	[ "$name" = 'Aino Kallio' ] && placed="${today}T08:00:00"
	sql "INSERT INTO participant (id, name, created_at) VALUES (?, ?, ?)" "$i" "$name" "$stamp" >/dev/null
	sql "INSERT INTO enrollment (id, run_id, participant_id, category, status, requested_at, placed_at) VALUES (?, 1, ?, 'patient', 'registered', ?, ?)" \
		"$i" "$i" "$placed" "$placed" >/dev/null
done
# Yesterday's sheet, typed in already: Bjørn, Nguyễn and سارة present, Ольга absent.
sql "INSERT INTO attendance (session_id, enrollment_id, status, marked_by, marked_at) VALUES (1, 1, 'present', 'vert', ?), (1, 2, 'present', 'vert', ?), (1, 3, 'absent', 'vert', ?), (1, 4, 'present', 'vert', ?)" \
	"${yesterday}T19:00:00" "${yesterday}T19:00:00" "${yesterday}T19:00:00" "${yesterday}T19:00:00" >/dev/null
sql "UPDATE app_user SET role = 'staff'" >/dev/null
me=$(sql "SELECT login FROM app_user")

start
wait_for_text "lmskurs · Home"
for _ in 1 2 3 4 5; do
	cursor_line | grep -qF "This week" && break
	keys Down
	sleep 0.2
done
cursor_line | grep -qF "This week" || fail "Home has no This week section: [$(cursor_line)]"
keys Enter
wait_for_text "This week: week"
assert_screen_contains "o attendance  p print"
# The week opens on today's header; the session is the row under it.
cursor_line | grep -qF "· today" || fail "the week should open on today: [$(cursor_line)]"
keys Down
sleep 0.3
cursor_line | grep -qF "17:00–19:00" || fail "today's session should be under today: [$(cursor_line)]"
keys o
wait_for_text "Attendance: Leve med KOLS – Ålesund · Våren 2027, session 2"
assert_screen_contains "present 0, absent 0, excused 0, not marked 5 of 5"
assert_screen_contains "Space present  f absent  g excused  Delete unmark  p print"
cursor_line | grep -qF "Aino Kallio" || fail "the first name should be selected: [$(cursor_line)]"

# One key per participant; the cursor moves on by itself.
keys Space
wait_for_text "Aino Kallio: present."
cursor_line | grep -qF "Bjørn Ås" || fail "the cursor should move to the next: [$(cursor_line)]"
keys f
wait_for_text "Bjørn Ås: absent."
keys g
wait_for_text "Nguyễn Văn Anh: excused."
keys o
wait_for_text "present 2, absent 1, excused 1, not marked 1 of 5"
keys 3
wait_for_text "present 2, absent 1, excused 2, not marked 0 of 5"
dump_screen | grep -F "Bjørn Ås" | grep -qF "absent" || fail "Bjørn's row should say absent"
dump_screen | grep -F "Ольга Петрова" | grep -qF "present" || fail "Ольга's row should say present"
expect_eq "today's marks stored" "1|absent|$me
2|excused|$me
3|present|$me
4|excused|$me
5|present|$me" "$(sql "SELECT participant_id, a.status, marked_by FROM attendance a JOIN enrollment e ON e.id = a.enrollment_id WHERE session_id = 2 ORDER BY participant_id")"
expect_eq "the session is held now" "held" "$(sql "SELECT status FROM session WHERE id = 2")"

# Back to the week, Enter opens the run; the first row is yesterday's session.
keys Escape
wait_for_text "This week: week"
keys Enter
wait_for_text "Run: Leve med KOLS – Ålesund · Våren 2027"
assert_screen_contains "Enter open  o attendance  O attendance grid  p print"
keys g
sleep 0.2
keys o
wait_for_text "Attendance: Leve med KOLS – Ålesund · Våren 2027, session 1"
assert_screen_contains "present 3, absent 1, excused 0, not marked 0 of 4"
assert_screen_contains "changing a mark now is a correction"
dump_screen | grep -F "Aino Kallio" | grep -qF "not expected" || fail "Aino got her place today: not expected yesterday"
before=$(sql "SELECT count(*) FROM audit")
keys Space
wait_for_text "Aino Kallio got a place after this session"
expect_eq "nothing written for the not expected" "$before" "$(sql "SELECT count(*) FROM audit")"

# Ольга came after all: changing her mark is a correction, with a reason.
keys Down Down Down
sleep 0.3
cursor_line | grep -qF "Ольга Петрова" || fail "Ольга should be selected: [$(cursor_line)]"
keys Space
wait_for_text "Correct attendance"
assert_screen_contains "Ольга Петрова is marked absent at the session of"
# Esc first: nothing changes.
keys Escape
wait_for_text "Nothing was changed."
expect_eq "unchanged after Esc" "absent" "$(sql "SELECT status FROM attendance WHERE session_id = 1 AND enrollment_id = 3")"
keys Space
wait_for_text "Correct attendance"
type_text "Kom etter pausen – ført feil på arket"
keys C-s
wait_for_text "Ольга Петрова: present."
assert_screen_contains "present 4, absent 0, excused 0, not marked 0 of 4"
expect_eq "the correction and its reason" "present|Kom etter pausen – ført feil på arket|$me" \
	"$(sql "SELECT status, reason, marked_by FROM attendance WHERE session_id = 1 AND enrollment_id = 3")"
expect_eq "logged as a correction" "1" "$(sql "SELECT count(*) FROM audit WHERE action = 'correct' AND entity = 'attendance'")"

# The grid from the run: O.
keys Escape
wait_for_text "Run: Leve med KOLS – Ålesund · Våren 2027"
keys O
wait_for_text "Attendance grid: Leve med KOLS – Ålesund · Våren 2027"
dump_screen | grep -F "Aino Kallio" | grep -qF "1/1 held (100 %)" || fail "Aino: 1 of 1 held"
dump_screen | grep -F "Bjørn Ås" | grep -qF "1/2 held (50 %)" || fail "Bjørn: 1 of 2 held"
keys q
wait_for_text "Run: Leve med KOLS – Ålesund · Våren 2027"
keys q
wait_for_text "This week: week"
keys q
wait_for_text "lmskurs · Home"
keys q
expect_eq "exit status" "0" "$(wait_exit)"
echo "ok"
