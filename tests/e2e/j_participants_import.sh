#!/usr/bin/env bash
# Journey: a coordinator imports the registration form's export
# (../shared/data/registration-export.csv: eleven rows, one without a name,
# one person signed up twice) into a run with five places, from the run's
# participants (i). The preview names the bad row by its line and why, and
# the second sign-up; Esc writes nothing (the database is checked). The
# second time Enter accepts: asked about leaving the bad row out, yes
# writes the rest in one transaction; five are registered and four wait,
# in the file's order. An Excel file in Windows-1252 is said to be
# converted.
. "$(dirname "$0")/lib.sh"

csv="$E2E_ROOT/../shared/data/registration-export.csv"
cp1252="$E2E_ROOT/../shared/data/registration-excel-cp1252.csv"
[ -r "$csv" ] || fail "the sample $csv is missing"

"$LMSKURS_BIN" --db "$E2E_DB" init >/dev/null 2>&1 || fail "init failed"
stamp=2026-11-01T09:00:00
sql "INSERT INTO course (id, title, audience, phase, created_at, updated_at) VALUES (1, 'Leve med diabetes type 2', 'both', 'active', ?, ?)" "$stamp" "$stamp" >/dev/null
sql "INSERT INTO run (id, course_id, title, phase, place, capacity, created_at) VALUES (1, 1, 'Våren 2027', 'registration', 'LMS Ålesund', 5, ?)" "$stamp" >/dev/null
sql "INSERT INTO run (id, course_id, title, phase, place, capacity, created_at) VALUES (2, 1, 'Høsten 2027', 'registration', 'LMS Ålesund', 20, ?)" "$stamp" >/dev/null

start
wait_for_text "lmskurs · Home"
keys g
for _ in 1 2 3 4 5; do
	cursor_line | grep -qF "Runs" && break
	keys Down
	sleep 0.2
done
keys Enter
wait_for_text "Runs, all years: 2 runs"
keys /
type_text "Våren"
wait_for_text 'matching "Våren"'
keys Enter Enter
wait_for_text "Run: Leve med diabetes type 2 · Våren 2027"
keys P
wait_for_text "Participants of Leve med diabetes type 2, Våren 2027"
assert_screen_contains "registered 0/5 · waitlist 0"

# i: the file, then the preview.
keys i
wait_for_text "Import participants into Leve med diabetes type 2, Våren 2027"
type_text "$csv"
keys C-s
wait_for_text "Preview of the import into Leve med diabetes type 2, Våren 2027"
assert_screen_contains "11 rows: 9 new, 0 matched to participants already registered, 1 a second"
assert_screen_contains "Of those enrolled: 5 registered, 4 on the waitlist."
assert_screen_contains "! line 10: "
assert_screen_contains "= line 9: the same person as line 2; counted once."
assert_screen_contains "Enter accept  Esc back"
assert_screen_lacks "converted"

# Esc: nothing written.
keys Escape
wait_for_text "Nothing was imported."
assert_screen_contains "registered 0/5 · waitlist 0"
expect_eq "nothing written" "0|0|0" \
	"$(sql "SELECT (SELECT count(*) FROM participant), (SELECT count(*) FROM enrollment), (SELECT count(*) FROM audit WHERE action = 'import')")"

# A file that is not there: said by the File field, the form stays.
keys i
wait_for_text "Import participants into"
type_text "/nonexistent/påmelding.csv"
keys C-s
wait_for_text "File: cannot read /nonexistent/påmelding.csv"
assert_screen_contains "Import participants into"
keys C-u
type_text "$csv"
keys C-s
wait_for_text "Preview of the import into"

# Enter: asked about the bad row, then written.
keys Enter
wait_for_text "Import without the bad rows?"
assert_screen_contains "1 row cannot be imported and is left out"
keys y
wait_for_text "Imported: 9 new, 0 matched; 5 registered, 4 on the waitlist; 1 left out."
wait_for_text "registered 5/5 · waitlist 4"
expect_eq "imported" "9|5|4|1" \
	"$(sql "SELECT (SELECT count(*) FROM participant), (SELECT count(*) FROM enrollment WHERE status = 'registered'), (SELECT count(*) FROM enrollment WHERE status = 'waitlisted'), (SELECT count(*) FROM audit WHERE action = 'import')")"
# First come first served: the file's order is the queue's.
expect_eq "the queue" "فاطمة الزهراء|1
Ánde Mikkel Ánte Sara|2
Олександр Шевченко|3
Siri O'Brien-Hansen|4" \
	"$(sql "SELECT p.name, row_number() OVER (ORDER BY e.requested_at, e.id) FROM enrollment e JOIN participant p ON p.id = e.participant_id WHERE e.status = 'waitlisted' ORDER BY e.requested_at, e.id")"
dump_screen | grep -F "Siri O'Brien-Hansen" | grep -qF "waitlist 4" || fail "the last in the file should wait as number 4"
dump_screen | grep -F "Nguyễn Thị Hương" | grep -qF "registered" || fail "the fifth in the file should have the last place"

# The Excel file into the other run: converted from Windows-1252, and the
# people already there are matched, not doubled.
if [ -r "$cp1252" ]; then
	keys Escape Escape
	wait_for_text "Runs, all years"
	keys / C-u
	type_text "Høsten"
	wait_for_text 'matching "Høsten"'
	keys Enter Enter
	wait_for_text "Run: Leve med diabetes type 2 · Høsten 2027"
	keys P
	wait_for_text "Participants of Leve med diabetes type 2, Høsten 2027"
	keys i
	wait_for_text "Import participants into"
	type_text "$cp1252"
	keys C-s
	wait_for_text "Preview of the import into Leve med diabetes type 2, Høsten 2027"
	assert_screen_contains "! The file is not UTF-8: it was read as Windows-1252"
	keys Escape
	wait_for_text "Nothing was imported."
	expect_eq "still nine" "9" "$(sql "SELECT count(*) FROM participant")"
fi

keys Escape Escape Escape
wait_for_text "lmskurs · Home"
keys q
expect_eq "exit status" "0" "$(wait_exit)"
echo "ok"
