# shellcheck shell=bash
# CLI tests of `lmskurs report activity|registration|honorarium`: sourced
# by run.sh, which runs every t_* function here in its own subshell with the
# helpers there (lk, ok, expect_rc, out_has, err_has, sql, init_db ...).
#
# The centre is the one of tests/unit/test_report.c, whose figures are
# worked out by hand there: 2027 has 4 sessions held (11 h), 2 cancelled,
# 5 enrollments of 4 people, attendance 9 of 11 (81.8 %), completion 2 of
# 4 (50.0 %), facilitation 14 h by professionals and 9 h by user
# representatives (39.1 %), one run cancelled. Run 1 meets the funding
# criteria, run 2 does not. Honorarium at 350,00 kr/h: Åse 11 h 30 min
# (4025.00), Zhang Wei 1 h 30 min (525.00).

report_fixture() {
	init_db
	cat >"$T/centre.sql" <<'EOF'
INSERT INTO person (id, name, kind, profession, organisation, created_at) VALUES
	(1, 'Kari Nordmann', 'professional', 'Sykepleier', '', '2027-01-01T00:00:00'),
	(2, 'Ola Ødegård', 'professional', 'lege', '', '2027-01-01T00:00:00'),
	(3, 'Åse Brukersen', 'user_rep', '', 'LHL', '2027-01-01T00:00:00'),
	(4, 'Zhang Wei 张伟', 'user_rep', '', 'Diabetesforbundet', '2027-01-01T00:00:00');
INSERT INTO course (id, title, audience, phase, created_at, updated_at) VALUES
	(1, 'Leve med diabetes', 'patients', 'active', '2027-01-01T00:00:00', '2027-01-01T00:00:00'),
	(2, 'Pårørendeskolen', 'relatives', 'active', '2027-01-01T00:00:00', '2027-01-01T00:00:00');
INSERT INTO run (id, course_id, title, phase, place, capacity, created_at) VALUES
	(1, 1, 'Våren 2027', 'evaluation', 'Aker, bygg 5', 20, '2027-01-02T00:00:00'),
	(2, 2, 'Vår', 'execution', '', 20, '2027-01-02T00:00:00'),
	(3, 1, 'Avlyst', 'cancelled', '', 20, '2027-01-02T00:00:00');
INSERT INTO gate_override (run_id, from_phase, to_phase, unmet, reason, login, at) VALUES
	(3, 'registration', 'cancelled', '', 'For få påmeldte', 'koord', '2027-03-20T10:00:00');
INSERT INTO session (id, run_id, seq, starts_at, ends_at, status) VALUES
	(1, 1, 1, '2027-02-01T10:00', '2027-02-01T13:00', 'held'),
	(2, 1, 2, '2027-02-08T10:00', '2027-02-08T13:00', 'held'),
	(3, 1, 3, '2027-02-15T10:00', '2027-02-15T13:00', 'held'),
	(4, 2, 1, '2027-03-01T18:00', '2027-03-01T20:00', 'held'),
	(5, 2, 2, '2027-03-08T18:00', '2027-03-08T20:00', 'cancelled'),
	(6, 2, 3, '2027-03-15T18:00', '2027-03-15T19:30', 'planned'),
	(7, 3, 1, '2027-04-05T10:00', '2027-04-05T13:00', 'planned');
UPDATE run SET first_date = '2027-02-01', last_date = '2027-02-15' WHERE id = 1;
INSERT INTO session_facilitator VALUES (1, 1), (1, 3), (2, 2), (2, 3), (3, 1), (3, 2), (3, 3), (4, 1), (7, 1), (7, 3);
INSERT INTO participant (id, name, created_at) VALUES
	(1, 'Åsmund Ærlig', '2027-01-03T00:00:00'), (2, 'Nguyễn Thị Lan', '2027-01-03T00:00:00'),
	(3, 'Ewa Żółć', '2027-01-03T00:00:00'), (4, 'محمد علي', '2027-01-03T00:00:00'),
	(5, 'Vera Venter', '2027-01-03T00:00:00');
INSERT INTO enrollment (id, run_id, participant_id, category, status, requested_at, placed_at, cancelled_at) VALUES
	(1, 1, 1, 'patient', 'registered', '2027-01-04T00:00:00', '2027-01-15T10:00:00', NULL),
	(2, 1, 2, 'patient', 'registered', '2027-01-04T00:00:00', '2027-01-15T10:00:00', NULL),
	(3, 1, 3, 'relative', 'registered', '2027-01-04T00:00:00', '2027-02-05T10:00:00', NULL),
	(4, 1, 4, 'relative', 'cancelled', '2027-01-04T00:00:00', '2027-01-15T10:00:00', '2027-02-10T09:00:00'),
	(5, 1, 5, 'patient', 'waitlisted', '2027-01-04T00:00:00', NULL, NULL),
	(6, 2, 1, 'relative', 'registered', '2027-01-04T00:00:00', '2027-02-20T10:00:00', NULL);
INSERT INTO attendance (session_id, enrollment_id, status, marked_by, marked_at) VALUES
	(1, 1, 'present', 'koord', '2027-02-01T13:00:00'), (2, 1, 'present', 'koord', '2027-02-01T13:00:00'),
	(3, 1, 'present', 'koord', '2027-02-01T13:00:00'), (1, 2, 'present', 'koord', '2027-02-01T13:00:00'),
	(2, 2, 'absent', 'koord', '2027-02-01T13:00:00'), (3, 2, 'present', 'koord', '2027-02-01T13:00:00'),
	(2, 3, 'present', 'koord', '2027-02-01T13:00:00'), (3, 3, 'present', 'koord', '2027-02-01T13:00:00'),
	(1, 4, 'present', 'koord', '2027-02-01T13:00:00'), (2, 4, 'excused', 'koord', '2027-02-01T13:00:00'),
	(4, 6, 'present', 'koord', '2027-03-01T20:00:00');
INSERT INTO meeting (id, course_id, run_id, kind, starts_at, ends_at) VALUES
	(1, 1, NULL, 'planning', '2027-01-20T12:00', '2027-01-20T13:30'),
	(2, 1, 1, 'evaluation', '2027-03-01T09:00', '2027-03-01T09:20');
INSERT INTO meeting_attendee VALUES (1, 3, 1), (1, 4, 0), (1, 1, 1), (2, 3, 1);
EOF
	sql_script "$(DB)" "$T/centre.sql"
	mkdir -p "$XDG_CONFIG_HOME/lmskurs"
	printf '[organisation]\nname = LMS Aker sykehus\n' >"$XDG_CONFIG_HOME/lmskurs/config.ini"
}

with_rate() {
	printf '[organisation]\nname = LMS Aker sykehus\n[honorarium]\nrate = 350,00\n' \
		>"$XDG_CONFIG_HOME/lmskurs/config.ini"
}

report_logs() { sql "$(DB)" "SELECT count(*) FROM audit WHERE action = 'report'"; }

# line_has TEXT...: some line of stdout has every TEXT, in any order.
line_has() {
	python3 - "$T/out" "$@" <<'EOF' || fail "no line of stdout has: ${*}"
import sys
words = sys.argv[2:]
sys.exit(0 if any(all(w in l for w in words) for l in open(sys.argv[1], encoding="utf-8")) else 1)
EOF
}

# ---- activity ----

t_report_activity_text() {
	report_fixture
	ok report activity --from 2027-01-01 --to 31.12.2027
	out_has "LMS Aker sykehus"
	out_has "Activity report"
	out_has "Period: 01.01.2027–31.12.2027"
	out_has "Made "
	out_has " by $ME"
	line_has "Courses held" " 2"
	line_has "Sessions held" " 4"
	line_has "Sessions cancelled" " 2"
	line_has "Teaching hours" "11 h"
	line_has "Participants (enrollments)" " 5"
	line_has "Unique people" " 4"
	line_has "Attendance rate" "81.8 %" "█"
	line_has "Completed (participants of finished runs)" "50.0 %"
	line_has "by professionals" "14 h"
	line_has "by user representatives" "9 h"
	line_has "User representatives' share" "39.1 %"
	line_has "Runs cancelled" " 1"
	# by audience and course, with bars; every month of 2027
	line_has "patients" "9 h" "██████████" "80.0 %" "50.0 %"
	line_has "relatives" "2 h" "100.0 %"
	line_has "Leve med diabetes" "9 h"
	line_has "Pårørendeskolen" "2 h"
	line_has "February 2027" "9 h"
	line_has "December 2027" "0 h"
	[ "$(grep -c ' 2027 ' "$T/out")" -ge 12 ] || fail "not every month of 2027"
	out_has "Definitions"
	out_has "  - Held: a session counts as held"
	out_has "present at 80 % or more"
	out_lacks "Åsmund"
	[ "$(report_logs)" = 1 ] || fail "the report was not logged"
	[ "$(sql "$(DB)" "SELECT detail FROM audit WHERE action = 'report'")" = \
		"activity 2027-01-01..2027-12-31: 35 rows, to stdout" ] || fail "log detail: $(sql "$(DB)" "SELECT detail FROM audit WHERE action = 'report'")"
}

t_report_activity_text_lines_up() {
	report_fixture
	ok report activity --from 2027-02-01 --to 2027-03-31
	# In the table by course, each number of runs ends in the column where
	# the header "Runs" ends, whatever the width of the names before it.
	python3 - "$T/out" <<'EOF' || fail "the table by course does not line up"
import sys, unicodedata
w = lambda s: sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
i = lines.index("By course")
head, rows = lines[i + 1], lines[i + 2:i + 4]
end = w(head[:head.index("Runs") + 4])
assert [r.split()[0] for r in rows] == ["Leve", "Pårørendeskolen"], rows
for r in rows:
    cut = [c for c in range(len(r)) if w(r[:c]) == end]
    assert cut and r[cut[0] - 1] == "1" and r[cut[0]] == " ", (r, end)
EOF
	grep -q ' $' "$T/out" && fail "lines end in spaces"
	true
}

t_report_activity_csv() {
	report_fixture
	ok report activity --from 2027-01-01 --to 2027-12-31 --format csv
	python3 - "$T/out" <<'EOF' || fail "activity CSV is not as worked out by hand"
import csv, sys
raw = open(sys.argv[1], "rb").read()
assert not raw.startswith(b"\xef\xbb\xbf"), "no BOM in the plain flavour"
assert raw.count(b"\r\n") == raw.count(b"\n"), "CRLF line ends"
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8", newline="")))
by = {}
for r in rows:
    by.setdefault(r["type"], []).append(r)
a = by["all"][0]
want = {"courses": "2", "runs": "2", "runs_finished": "1", "runs_cancelled": "1",
        "sessions_held": "4", "sessions_cancelled": "2", "teaching_min": "660",
        "teaching_hours": "11.00", "enrollments": "5", "enrollments_patient": "2",
        "enrollments_relative": "3", "people": "4", "people_patient": "2", "people_relative": "3",
        "attendance_part": "9", "attendance_of": "11", "attendance_pct": "81.8",
        "completion_part": "2", "completion_of": "4", "completion_pct": "50.0",
        "facilitation_min": "1380", "facilitation_professional_min": "840",
        "facilitation_user_rep_min": "540", "user_rep_share_pct": "39.1",
        "period_from": "2027-01-01", "period_to": "2027-12-31"}
for k, v in want.items():
    assert a[k] == v, (k, a[k], v)
assert a["made_at"][:4].isdigit() and a["made_by"], a
assert [(r["key"], r["teaching_min"]) for r in by["audience"]] == [("patients", "540"), ("relatives", "120")], by["audience"]
assert [(r["name"], r["audience"]) for r in by["course"]] == [("Leve med diabetes", "patients"), ("Pårørendeskolen", "relatives")]
assert [(r["key"], r["sessions_held"], r["sessions_cancelled"], r["runs_cancelled"]) for r in by["month"]] == \
    [("2027-02", "3", "0", "0"), ("2027-03", "1", "1", "1"), ("2027-04", "0", "1", "0")], by["month"]
defs = [r["text"] for r in by["definition"]]
assert len(defs) == 8 and defs[0].startswith("Held:"), defs
assert all(r["period_from"] == "2027-01-01" for r in rows)
EOF
	[ "$(report_logs)" = 1 ] || fail "not logged"
}

t_report_activity_csv_for_excel() {
	report_fixture
	ok report activity --from 2027-01-01 --to 2027-12-31 --format csv --excel -o aktivitet.csv
	out_empty
	[ "$(stat -c %a aktivitet.csv)" = 600 ] || fail "the CSV is not 0600"
	python3 - aktivitet.csv <<'EOF' || fail "Excel flavour wrong"
import csv
raw = open("aktivitet.csv", "rb").read()
assert raw.startswith(b"\xef\xbb\xbf"), "BOM"
rows = list(csv.DictReader(open("aktivitet.csv", encoding="utf-8-sig", newline=""), delimiter=";"))
a = rows[0]
assert a["type"] == "all" and a["attendance_pct"] == "81,8" and a["teaching_hours"] == "11,00", a
EOF
	[ "$(sql "$(DB)" "SELECT detail FROM audit WHERE action = 'report'")" = \
		"activity 2027-01-01..2027-12-31: 8 rows, to aktivitet.csv" ] || fail "log: $(sql "$(DB)" "SELECT detail FROM audit WHERE action = 'report'")"
}

t_report_activity_pdf() {
	report_fixture
	echo old >rapport.pdf
	chmod 644 rapport.pdf
	ok report activity --from 2027-01-01 --to 2027-12-31 --format pdf -o rapport.pdf
	out_has "Wrote the activity report to rapport.pdf"
	pdfinfo rapport.pdf >"$T/info" || fail "not a PDF"
	grep -q "Page size: *595.28 x 841.89 pts (A4)" "$T/info" || fail "not A4: $(cat "$T/info")"
	grep -q "^Title: *Activity report" "$T/info" || fail "no title"
	[ "$(stat -c %a rapport.pdf)" = 600 ] || fail "the PDF is not 0600"
	pdftotext -layout rapport.pdf "$T/pdf.txt" || fail "pdftotext failed"
	for want in "LMS Aker sykehus" "Activity report" "01.01.2027–31.12.2027" "Figures" \
		"Teaching hours" "11 h" "81.8 %" "39.1 %" "By audience" "By course" "Leve med" \
		"Pårørendeskolen" "By month" "February 2027" "December 2027" "Definitions" "page 1 of"; do
		grep -qF -- "$want" "$T/pdf.txt" || fail "the PDF lacks: $want"
	done
	grep -q "█" "$T/pdf.txt" || fail "the PDF has no bars"
	! grep -qF "Åsmund" "$T/pdf.txt" || fail "a participant's name in the activity report"
	[ "$(report_logs)" = 1 ] || fail "not logged"
}

t_report_activity_pdf_of_many_years_goes_by_year() {
	report_fixture
	ok report activity --from 2020-01-01 --to 2027-12-31 --format pdf -o lang.pdf
	pdftotext -layout lang.pdf "$T/pdf.txt"
	grep -qF "By year" "$T/pdf.txt" || fail "a long period should go by year"
	grep -qE "^ *2020 " "$T/pdf.txt" || fail "2020 should have its row of zeros"
}

# ---- registration ----

t_report_registration_text() {
	report_fixture
	ok report registration 1
	out_has "Activity registration list"
	out_has "Run 1: Leve med diabetes, Våren 2027 (Aker, bygg 5)"
	out_has "3 held, 0 planned, 0 cancelled; 9 h of teaching held"
	out_has "Funding criteria (ISF, A0099): met"
	out_has "[yes] At least 7 teaching hours: 9 h of teaching held."
	out_has "[yes] At least 80 % attendance per participant: 2 of 4 participants were present at 80 % or more"
	out_has "[yes] Professionals of more than one profession: Facilitated by professionals of 2 professions: lege, Sykepleier."
	out_has "[yes] A user representative among the facilitators"
	line_has "Åsmund Ærlig" "patient" "3/3" "yes" "01.02, 08.02, 15.02.2027"
	line_has "Nguyễn Thị Lan" "2/3" "no" "01.02, 15.02.2027"
	line_has "Ewa Żółć" "relative" "2/2" "yes" "08.02, 15.02.2027"
	line_has "محمد علي (place cancelled)" "1/2" "no" "01.02.2027"
	out_lacks "Vera Venter"
	out_has "Contains health information"
	same_cols "$T/out" 5 "Category" "patient" "relative"
	[ "$(sql "$(DB)" "SELECT entity, entity_id, detail FROM audit WHERE action = 'report'")" = \
		"run|1|registration: 4 rows, to stdout" ] || fail "not logged by run"
}

t_report_registration_says_why_not() {
	report_fixture
	ok report registration 2
	out_has "Funding criteria (ISF, A0099): NOT met"
	out_has "[no] At least 7 teaching hours: Only 2 h of teaching held; at least 7 h are needed."
	out_has "[no] Professionals of more than one profession: Only one profession among the professionals: Sykepleier."
	out_has "[no] A user representative among the facilitators: No user representative facilitated a held session."
	out_has "[yes] At least 80 % attendance per participant: 1 of 1 participant was present"
}

t_report_registration_csv() {
	report_fixture
	ok report registration 1 --format csv
	python3 - "$T/out" <<'EOF' || fail "registration CSV wrong"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8", newline="")))
att = [(r["name"], r["date"], r["meets_attendance"]) for r in rows if r["type"] == "attendance"]
assert att == [("Ewa Żółć", "2027-02-08", "yes"), ("Ewa Żółć", "2027-02-15", "yes"),
    ("Nguyễn Thị Lan", "2027-02-01", "no"), ("Nguyễn Thị Lan", "2027-02-15", "no"),
    ("Åsmund Ærlig", "2027-02-01", "yes"), ("Åsmund Ærlig", "2027-02-08", "yes"),
    ("Åsmund Ærlig", "2027-02-15", "yes"), ("محمد علي", "2027-02-01", "no")], att
crit = [(r["criterion"], r["met"]) for r in rows if r["type"] == "criterion"]
assert crit == [("teaching_hours", "yes"), ("attendance", "yes"), ("professions", "yes"),
    ("user_representative", "yes")], crit
assert all(r["run_id"] == "1" and r["course"] == "Leve med diabetes" for r in rows if r["type"] != "definition")
assert any(r["type"] == "definition" and "health information" in r["text"] for r in rows)
EOF
	[ "$(sql "$(DB)" "SELECT detail FROM audit WHERE action = 'report'")" = \
		"registration: 8 rows, to stdout" ] || fail "log: $(sql "$(DB)" "SELECT detail FROM audit WHERE action = 'report'")"
}

# ---- honorarium ----

t_report_honorarium_text_without_rate() {
	report_fixture
	ok report honorarium --from 2027-01-01 --to 2027-12-31
	out_has "Honorarium of user representatives"
	out_has "Rate: not set ([honorarium] rate in the config); amounts are left empty"
	out_has "Åse Brukersen (LHL)"
	out_has "Zhang Wei 张伟 (Diabetesforbundet)"
	line_has "01.03.2027" "09:00–09:20" "evaluation meeting" "20 min" "1 h"
	line_has "20.01.2027" "planning meeting (remote)" "1 h 30 min"
	line_has "Leve med diabetes, Våren 2027: session 2" "3 h"
	out_has "Total: 3 sessions, 2 meetings; paid 11 h 30 min"
	out_has "All user representatives: 3 sessions, 3 meetings; paid 13 h"
	out_lacks "Kari Nordmann"
	out_lacks "kroner"
}

t_report_honorarium_csv_for_payroll() {
	report_fixture
	with_rate
	ok report honorarium --from 2027-01-01 --to 2027-12-31 --format csv -o lonn.csv
	[ "$(stat -c %a lonn.csv)" = 600 ] || fail "not 0600"
	python3 - lonn.csv <<'EOF' || fail "payroll CSV wrong"
import csv
rows = list(csv.DictReader(open("lonn.csv", encoding="utf-8", newline="")))
items = [(r["name"], r["kind"], r["date"], r["in_person"], r["actual_min"], r["paid_min"], r["paid_hours"], r["amount"])
         for r in rows if r["type"] == "item"]
assert items == [
    ("Zhang Wei 张伟", "planning", "2027-01-20", "no", "90", "90", "1.50", "525.00"),
    ("Åse Brukersen", "planning", "2027-01-20", "yes", "90", "90", "1.50", "525.00"),
    ("Åse Brukersen", "session", "2027-02-01", "yes", "180", "180", "3.00", "1050.00"),
    ("Åse Brukersen", "session", "2027-02-08", "yes", "180", "180", "3.00", "1050.00"),
    ("Åse Brukersen", "session", "2027-02-15", "yes", "180", "180", "3.00", "1050.00"),
    ("Åse Brukersen", "evaluation", "2027-03-01", "yes", "20", "60", "1.00", "350.00")], items
tot = [(r["type"], r["name"], r["sessions"], r["meetings"], r["paid_min"], r["amount"]) for r in rows
       if r["type"] in ("person_total", "total")]
assert tot == [("person_total", "Zhang Wei 张伟", "0", "1", "90", "525.00"),
    ("person_total", "Åse Brukersen", "3", "2", "690", "4025.00"),
    ("total", "", "3", "3", "780", "4550.00")], tot
assert sum(float(r["amount"]) for r in rows if r["type"] == "item") == 4550.0
assert any(r["type"] == "definition" and "Rate: 350.00 kroner per hour" in r["text"] for r in rows)
assert all(r["period_from"] == "2027-01-01" for r in rows)
EOF
	ok report honorarium --from 2027-01-01 --to 2027-12-31
	out_has "Rate: 350.00 kroner per hour"
	out_has "Total: 3 sessions, 2 meetings; paid 11 h 30 min; 4025.00 kroner"
}

# ---- refusals ----

t_report_usage_errors_change_nothing() {
	report_fixture
	before=$(dump "$(DB)")
	lk report activity --to 2027-12-31
	expect_rc 2
	err_has "Give the period with --from DATE and --to DATE."
	err_has "Usage: lmskurs report activity"
	lk report activity --from 2027-12-31 --to 2027-01-01
	expect_rc 2
	err_has "To (01.01.2027) is before From (31.12.2027)"
	lk report activity --from 2027-02-30 --to 2027-12-31
	expect_rc 2
	err_has "From: "
	lk report activity --from 2027-01-01 --to 2027-12-31 --format pdf
	expect_rc 2
	err_has "Say where the PDF goes with -o FILE.pdf."
	lk report activity --from 2027-01-01 --to 2027-12-31 --format xml
	expect_rc 2
	err_has "Unknown format 'xml'"
	lk report registration 1 --format pdf -o x.pdf
	expect_rc 2
	lk report registration
	expect_rc 2
	lk report registration tre
	expect_rc 2
	lk report registration 1 --from 2027-01-01
	expect_rc 2
	lk report registration 99
	expect_rc 2
	err_has "There is no run with number 99."
	lk report honorarium --from 2027-01-01 --to 2027-12-31 --format pdf -o x.pdf
	expect_rc 2
	lk report activity --from 2027-01-01 --to 2027-12-31 -o "$T/no/such/folder/r.csv"
	expect_rc 2
	lk report frob
	expect_rc 2
	out_empty
	err_prefixed
	[ ! -e x.pdf ] || fail "x.pdf was written"
	[ "$(dump "$(DB)")" = "$before" ] || fail "a refused report changed the database"
	[ "$(report_logs)" = 0 ] || fail "a refused report was logged"
}

t_report_refused_for_staff_and_user_representatives() {
	report_fixture
	for role in staff user_rep; do
		sql "$(DB)" "UPDATE app_user SET role = '$role' WHERE login = '$ME'" >/dev/null
		before=$(dump "$(DB)")
		lk report activity --from 2027-01-01 --to 2027-12-31 --format pdf -o a.pdf
		expect_rc 2
		err_has "you may not make reports"
		lk report registration 1 -o r.txt
		expect_rc 2
		err_has "you may not make reports"
		lk report honorarium --from 2027-01-01 --to 2027-12-31 --format csv
		expect_rc 2
		out_empty
		err_prefixed
		[ ! -e a.pdf ] && [ ! -e r.txt ] || fail "a refused report left a file"
		[ "$(dump "$(DB)")" = "$before" ] || fail "a refused report changed the database"
	done
	[ "$(report_logs)" = 0 ] || fail "a refused report was logged"
}

t_report_text_to_a_private_file() {
	report_fixture
	ok report registration 1 -o liste.txt
	out_empty
	[ "$(stat -c %a liste.txt)" = 600 ] || fail "the list is not 0600"
	grep -qF "Åsmund Ærlig" liste.txt || fail "the file lacks the list"
	[ "$(sql "$(DB)" "SELECT detail FROM audit WHERE action = 'report'")" = \
		"registration: 4 rows, to liste.txt" ] || fail "not logged with the file"
}

t_report_in_norwegian_by_default() {
	report_fixture
	unset LANGUAGE
	ok report activity --from 2027-01-01 --to 2027-12-31
	out_has "01.01.2027–31.12.2027"
	line_has "81" "8 %"
}

t_report_help_lists_the_reports() {
	ok help report
	out_has "Usage: lmskurs report activity --from DATE --to DATE [--format text|csv|pdf] [--excel] [-o FILE]"
	out_has "Usage: lmskurs report registration RUN"
	out_has "Usage: lmskurs report honorarium --from DATE --to DATE"
}
