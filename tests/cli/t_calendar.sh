# CLI tests for calendar, course export/import and run create (sourced by
# run.sh, which gives the helpers: lk ok expect_rc out_has err_has sql ...).

# A session plan for course 1 of fixtures/plan.sql (active, no parts yet).
add_parts() {
	sql "$(DB)" "INSERT INTO course_part (course_id, position, topic, minutes, needs, description) VALUES
		(1, 1, 'Å leve med diabetes', 180, 'both', 'Brukerens historie; og \"samtale\"
andre linje \\ med skråstrek'),
		(1, 2, 'Kosthold, mat og sukker', 150, 'professional', ''),
		(1, 3, 'Fysisk aktivitet', 120, 'user_rep', '')" >/dev/null
	sql "$(DB)" "UPDATE course SET goals = 'Mestre hverdagen
med diabetes', why = 'Mange spør; få får svar' WHERE id = 1" >/dev/null
}

# Every line of FILE ends in CRLF and is at most 75 octets.
ics_lines_ok() {
	python3 - "$1" <<'EOF' || fail "$1 breaks RFC 5545 line rules"
import sys
data = open(sys.argv[1], "rb").read()
assert data.endswith(b"\r\n"), "no CRLF at the end"
for line in data.split(b"\r\n")[:-1]:
    assert b"\n" not in line and b"\r" not in line, line
    assert len(line) <= 75, (len(line), line)
    line.decode("utf-8")
EOF
}

t_calendar_run() {
	init_db
	load_plan
	ok calendar --run 7 -o kurs.ics
	out_eq "Wrote 3 sessions to kurs.ics.
"
	[ "$(stat -c %a kurs.ics)" = 644 ] || fail "kurs.ics is not 0644"
	ics_lines_ok kurs.ics
	[ "$(grep -c '^BEGIN:VEVENT' kurs.ics)" -eq 3 ] || fail "expected 3 events"
	grep -q '^TZID:Europe/Oslo' kurs.ics || fail "no VTIMEZONE for Europe/Oslo"
	grep -q '^DTSTART;TZID=Europe/Oslo:20990303T120000' kurs.ics || fail "first session's start"
	grep -q '^LOCATION:Rom 1\\, Aker\\, bygg 5' kurs.ics || fail "room and place, commas escaped"
	grep -q '^STATUS:CONFIRMED' kurs.ics || fail "no status"
	grep '^UID:' kurs.ics >uids1
	ok calendar --run 7 --output kurs2.ics
	grep '^UID:' kurs2.ics >uids2
	cmp -s uids1 uids2 || fail "UIDs changed between two exports"
	grep -q '^UID:session-31-.*@lmskurs' uids1 || fail "UID form"
	[ "$(sql "$(DB)" "SELECT count(*) FROM meta WHERE key = 'calendar_id'")" = 1 ] || fail "calendar id not kept"
}

t_calendar_person_and_stdout() {
	init_db
	load_plan
	ok calendar --person 102 -o -
	[ "$(grep -c '^BEGIN:VEVENT' "$T/out")" -eq 2 ] || fail "王秀英 facilitates sessions 31 and 33"
	grep -q 'UID:session-31-' "$T/out" && grep -q 'UID:session-33-' "$T/out" || fail "wrong sessions"
	grep -q 'UID:session-32-' "$T/out" && fail "session 32 is not theirs"
	grep -q '王秀英' "$T/out" || fail "facilitators in the description"
	sql "$(DB)" "UPDATE session SET status = 'cancelled', version = version + 1 WHERE id = 33" >/dev/null
	ok calendar --person 102 -o p.ics
	python3 - p.ics <<'EOF' || fail "cancelled session not marked with a higher SEQUENCE"
import sys
text = open(sys.argv[1], encoding="utf-8").read().replace("\r\n ", "")
ev = [e for e in text.split("BEGIN:VEVENT")[1:] if "UID:session-33-" in e][0]
assert "STATUS:CANCELLED" in ev and "SEQUENCE:1" in ev, ev
EOF
}

t_calendar_refused() {
	init_db
	load_plan
	lk calendar -o k.ics
	expect_rc 2
	err_has "Give either --run RUN or --person PERSON."
	err_prefixed
	lk calendar --run 7 --person 101 -o k.ics
	expect_rc 2
	lk calendar --run 7
	expect_rc 2
	err_has "-o FILE.ics"
	lk calendar --run x -o k.ics
	expect_rc 2
	err_has "--run wants a record number"
	lk calendar --run 99 -o k.ics
	expect_rc 2
	err_has "no run with number 99"
	lk calendar --person 99 -o k.ics
	expect_rc 2
	err_has "no person with number 99"
	lk calendar --run 7 -o no/such/dir/k.ics
	expect_rc 2
	err_has "Cannot write no/such/dir/k.ics"
	out_empty
	[ ! -e k.ics ] || fail "a refused export left a file"
	ls -a | grep -q 'k.ics\.' && fail "a temporary file was left"
	true
}

t_course_export_import_round_trip() {
	init_db
	load_plan
	add_parts
	ok course export 1 -o diabetes.ini
	out_has "Wrote course 1 'Leve med diabetes' with 3 parts in its session plan to diabetes.ini."
	grep -q '^\[part 3\]$' diabetes.ini || fail "no [part 3]"
	grep -q '^goals = "Mestre hverdagen\\nmed diabetes"$' diabetes.ini || fail "newline not escaped"
	ok course import diabetes.ini
	out_has "Imported 'Leve med diabetes' as course number 3 (phase idea) with 3 parts in its session plan."
	for col in title audience why goals referral_required; do
		[ "$(sql "$(DB)" "SELECT $col FROM course WHERE id = 1")" = "$(sql "$(DB)" "SELECT $col FROM course WHERE id = 3")" ] ||
			fail "course.$col differs after the round trip"
	done
	[ "$(sql "$(DB)" "SELECT phase || '|' || coalesce(owner_id, '') FROM course WHERE id = 3")" = "idea|" ] || fail "phase/owner"
	a=$(sql "$(DB)" "SELECT position, topic, minutes, needs, description FROM course_part WHERE course_id = 1 ORDER BY position")
	b=$(sql "$(DB)" "SELECT position, topic, minutes, needs, description FROM course_part WHERE course_id = 3 ORDER BY position")
	[ "$a" = "$b" ] || fail "parts differ: $a / $b"
	ok help course export
	out_has "Usage: lmskurs course export COURSE -o FILE.ini"
}

t_course_import_refused_changes_nothing() {
	init_db
	load_plan
	printf '[template]\nformat = 1\n[course]\ntitle = "Kurs"\naudience = pasienter\n' >bad.ini
	before=$(sql "$(DB)" "SELECT (SELECT count(*) FROM course) || '/' || (SELECT count(*) FROM audit) || '/' || (SELECT count(*) FROM checklist_item)")
	lk course import bad.ini
	expect_rc 2
	out_empty
	err_has "lmskurs: bad.ini:5: audience must be patients, relatives or both, not 'pasienter'"
	err_prefixed
	printf '[template]\nformat = 1\n[course]\ntitle = "Kurs"\naudience = both\n[course:title]\nx = 1\n' >cve.ini
	lk course import cve.ini
	expect_rc 2
	err_has "lmskurs: cve.ini:6: unknown section [course:title]"
	printf '[template]\nformat = 1\n[course]\ntitle = "P\xe5r\xf8rende"\naudience = both\n' >latin1.ini
	lk course import latin1.ini
	expect_rc 2
	err_has "latin1.ini:4: the text is not valid UTF-8"
	lk course import missing.ini
	expect_rc 2
	err_has "missing.ini: cannot open the template"
	after=$(sql "$(DB)" "SELECT (SELECT count(*) FROM course) || '/' || (SELECT count(*) FROM audit) || '/' || (SELECT count(*) FROM checklist_item)")
	[ "$before" = "$after" ] || fail "a refused import changed the database: $before -> $after"
	lk course export 99 -o x.ini
	expect_rc 2
	err_has "no course with number 99"
	[ ! -e x.ini ] || fail "a refused export left a file"
	lk course export 1
	expect_rc 2
	err_has "-o FILE.ini"
}

t_run_create_with_holiday_warning() {
	init_db
	load_plan
	add_parts
	lk run create 1 --start 03.05.2099 --time 17:30 --room "Rom 3" --capacity 10 --title "Våren 2099" --place "Aker"
	expect_rc 0
	out_eq "Created run number 8 with 3 sessions.
"
	err_has "lmskurs: warning: session 3 on Sunday 17.05.2099 falls on a public holiday (Constitution Day)"
	[ "$(wc -l <"$T/err")" -eq 1 ] || fail "one warning only"
	[ "$(sql "$(DB)" "SELECT group_concat(starts_at || '-' || substr(ends_at, 12) || ' ' || room || ' ' || topic, ';') FROM (SELECT * FROM session WHERE run_id = 8 ORDER BY seq)")" = \
		"2099-05-03T17:30-20:30 Rom 3 Å leve med diabetes;2099-05-10T17:30-20:00 Rom 3 Kosthold, mat og sukker;2099-05-17T17:30-19:30 Rom 3 Fysisk aktivitet" ] ||
		fail "sessions not laid out weekly from the plan"
	[ "$(sql "$(DB)" "SELECT title || '|' || place || '|' || capacity || '|' || phase FROM run WHERE id = 8")" = "Våren 2099|Aker|10|scheduling" ] ||
		fail "run fields"
	ok run create 1 --start 2099-09-01 --every 2
	out_eq "Created run number 9 with 3 sessions.
"
	[ "$(sql "$(DB)" "SELECT group_concat(starts_at, ' ') FROM (SELECT starts_at FROM session WHERE run_id = 9 ORDER BY seq)")" = \
		"2099-09-01T12:00 2099-09-15T12:00 2099-09-29T12:00" ] || fail "every second week from noon"
}

t_run_create_refused_makes_nothing() {
	init_db
	load_plan
	count() { sql "$(DB)" "SELECT (SELECT count(*) FROM run) || '/' || (SELECT count(*) FROM session) || '/' || (SELECT count(*) FROM audit)"; }
	before=$(count)
	lk run create 1 --start 2099-05-03
	expect_rc 2
	err_has "no session plan"
	[ "$(count)" = "$before" ] || fail "a run without sessions was left: $before -> $(count)"
	add_parts
	before=$(count)
	lk run create 2 --start 2099-05-03
	expect_rc 2
	err_prefixed
	lk run create 1 --start 2099-05-03 --time 22:00
	expect_rc 2
	err_has "after midnight"
	lk run create 1 --start 2099-05-03 --every 9
	expect_rc 2
	err_has "every 1 to 8 weeks"
	lk run create 1 --start 2099-05-03 --capacity 5000
	expect_rc 2
	lk run create 1 --start 31.02.2099
	expect_rc 2
	err_has "--start: 31.02.2099 is not a date"
	lk run create 1 --time 25:00 --start 2099-05-03
	expect_rc 2
	err_has "--time"
	lk run create 1
	expect_rc 2
	err_has "--start DATE"
	lk run create 99 --start 2099-05-03
	expect_rc 2
	out_empty
	[ "$(count)" = "$before" ] || fail "a refused run create changed the database: $before -> $(count)"
}

t_help_lists_calendar_template_and_run_create() {
	ok --help
	for c in "calendar" "course export" "course import" "run create"; do
		grep -qE "^  $c +[^ ]" "$T/out" || fail "--help has no line for '$c'"
	done
	ok help run create
	out_has "Usage: lmskurs run create COURSE --start DATE [--every WEEKS] [--time HH:MM] [--room ROOM] [--capacity N] [--title T] [--place P]"
	ok calendar --help
	out_has "Usage: lmskurs calendar (--run RUN | --person PERSON) -o FILE.ics"
}
