#!/usr/bin/env bash
# Journey: p on today's session in This week writes the attendance sheet.
# A run under way with a session today and four registered participants
# (names in several scripts); the config names the organisation and a
# printer; a fake lp on PATH logs what it gets and which files it has open.
# The login is staff.
#
# This week ▶ the session ▶ p: the form offers a file in the home folder
# and the configured printer; Ctrl-S writes an A4 PDF readable only by the
# user, with the names in it, sends it to lp (which gets no database file)
# and the screen says where the file went and what lp said.
. "$(dirname "$0")/lib.sh"

for tool in pdftotext pdfinfo; do
	command -v "$tool" >/dev/null || fail "$tool (poppler-utils) is needed"
done
"$LMSKURS_BIN" --db "$E2E_DB" init >/dev/null 2>&1 || fail "init failed"
today=$(TZ=Europe/Oslo python3 -c 'import datetime as d; print(d.date.today())')
stamp=2026-01-05T09:00:00
sql "INSERT INTO person (id, name, kind, profession, created_at) VALUES (1, 'Kari Nordmann-Øye', 'professional', 'sykepleier', ?)" "$stamp" >/dev/null
sql "INSERT INTO person (id, name, kind, organisation, created_at) VALUES (2, 'Åse Bråten', 'user_rep', 'LHL', ?)" "$stamp" >/dev/null
sql "INSERT INTO course (id, title, audience, phase, owner_id, created_at, updated_at) VALUES (1, 'Leve med KOLS – Ålesund', 'patients', 'active', 1, ?, ?)" "$stamp" "$stamp" >/dev/null
sql "INSERT INTO run (id, course_id, title, phase, place, capacity, first_date, last_date, created_at) VALUES (1, 1, 'Våren 2027', 'execution', 'LMS Ålesund', 12, ?, ?, ?)" "$today" "$today" "$stamp" >/dev/null
sql "INSERT INTO session (id, run_id, seq, starts_at, ends_at, room, topic) VALUES (1, 1, 1, ?, ?, 'Møterom Ørnen', 'Hva er KOLS?')" "${today}T17:00" "${today}T19:00" >/dev/null
sql "INSERT INTO session_facilitator (session_id, person_id) VALUES (1, 1), (1, 2)" >/dev/null
i=0
for name in 'Bjørn Ås' 'Nguyễn Văn Anh' 'Ольга Петрова' 'سارة الحربي'; do
	i=$((i + 1))
	sql "INSERT INTO participant (id, name, created_at) VALUES (?, ?, ?)" "$i" "$name" "$stamp" >/dev/null
	sql "INSERT INTO enrollment (id, run_id, participant_id, category, status, requested_at, placed_at) VALUES (?, 1, ?, 'relative', 'registered', ?, ?)" \
		"$i" "$i" "$stamp" "$stamp" >/dev/null
done
sql "UPDATE app_user SET role = 'staff'" >/dev/null

mkdir -p "$E2E_TMP/config/lmskurs" "$E2E_TMP/bin"
printf '[organisation]\nname = Lærings- og mestringssenteret i Ålesund\n[printing]\nprinter = Kontor_2\n' \
	>"$E2E_TMP/config/lmskurs/config.ini"
cat >"$E2E_TMP/bin/lp" <<EOF
#!/bin/sh
printf '%s\n' "\$@" >"$E2E_TMP/lp.args"
ls -l /proc/\$\$/fd >"$E2E_TMP/lp.fds" 2>&1
echo "request id is Kontor_2-17 (1 file(s))"
EOF
chmod +x "$E2E_TMP/bin/lp"

PATH="$E2E_TMP/bin:$PATH" start
wait_for_text "lmskurs · Home"
for _ in 1 2 3 4 5; do
	cursor_line | grep -qF "This week" && break
	keys Down
	sleep 0.2
done
keys Enter
wait_for_text "This week: week"
keys Down
sleep 0.3
cursor_line | grep -qF "17:00–19:00" || fail "today's session should be under today: [$(cursor_line)]"
keys p
wait_for_text "Attendance sheet: Leve med KOLS – Ålesund · Våren 2027, session 1"
sheet="$E2E_TMP/home/attendance-sheet-$today-Leve-med-KOLS-–-Ålesund.pdf"
assert_screen_contains "attendance-sheet-$today-Leve-med-KOLS-–-Ålesund.pdf"
assert_screen_contains "< yes, to Kontor_2 >"
keys C-s
wait_for_text "Wrote the attendance sheet to"
assert_screen_contains "readable only by you). It lists 4 participants."
assert_screen_contains "Sent it to the printer Kontor_2. request id is Kontor_2-17 (1 file(s))"
dump_screen | tr -d '\n ' | grep -qF "$(printf '%s' "$sheet" | tr -d ' ')" || fail "the screen should say where the file went: $sheet"

[ -f "$sheet" ] || fail "no file at $sheet"
expect_eq "file mode" "600" "$(stat -c %a "$sheet")"
pdfinfo "$sheet" | grep -q "^Page size:.*(A4)" || fail "not A4: $(pdfinfo "$sheet" | grep 'Page size')"
text=$(pdftotext "$sheet" -)
for name in 'Bjørn Ås' 'Nguyễn Văn Anh' 'Ольга Петрова' 'Lærings- og mestringssenteret i Ålesund' 'Leve med KOLS – Ålesund'; do
	grep -qF "$name" <<<"$text" || fail "the PDF lacks $name"
done
expect_eq "what lp got" "-d Kontor_2 $sheet " "$(tr '\n' ' ' <"$E2E_TMP/lp.args")"
! grep -q "lmskurs.db" "$E2E_TMP/lp.fds" || fail "lp inherited the database: $(cat "$E2E_TMP/lp.fds")"
expect_eq "the print logged, without names" "1" \
	"$(sql "SELECT count(*) FROM audit WHERE action = 'print' AND detail NOT LIKE '%Bjørn%'")"

# Enter goes back to the week.
keys Enter
wait_for_text "This week: week"
keys q
wait_for_text "lmskurs · Home"
keys q
expect_eq "exit status" "0" "$(wait_exit)"
echo "ok"
