#!/usr/bin/env bash
# Journey: the centre's leader makes the activity report of 2027 on the
# screen. Home ▶ Reports ▶ the form (report, From, To): a period that ends
# before it starts is refused by the To field; 2027 shows the figures
# worked out by hand in tests/unit/test_report.c (11 h of teaching, 81.8 %
# attendance, completion 50.0 %, the user representatives' share 39.1 %)
# with bars that have their numbers beside them, by audience, course and
# month; - shows 2026 (nothing held) and + comes back; p writes the A4 PDF
# and c the CSV after asking the file name, both readable only by the
# user and noted in the audit log; at 60x16 the report still reads.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/report_fixture.sh"

report_centre
start
wait_for_text "lmskurs · Home"
go_to_reports
wait_for_text "lmskurs · Reports"
assert_screen_contains "Report* < Activity report >"

# A period that ends before it starts: the message stands by the To field.
keys Tab C-u
type_text "01.01.2027"
keys Tab C-u
type_text "31.12.2026"
keys C-s
wait_for_text "To (31.12.2026) is before From (01.01.2027)"
dump_screen | grep -A1 "^ To\*" | grep -qF "before From" || fail "the message should be under the To field"
expect_eq "nothing logged" "0" "$(sql "SELECT count(*) FROM audit WHERE action = 'report'")"

keys C-u
type_text "31.12.2027"
keys C-s
wait_for_text "Activity report 01.01.2027–31.12.2027"
assert_screen_contains "Period: 01.01.2027–31.12.2027"
dump_screen | grep -F "Teaching hours" | grep -qF "11 h" || fail "teaching hours should be 11 h"
dump_screen | grep -F "Attendance rate" | grep -F "81.8 %" | grep -qF "█" || fail "attendance 81.8 % with its bar"
dump_screen | grep -F "Completed" | grep -qF "50.0 %" || fail "completion 50.0 %"
dump_screen | grep -F "User representatives' share" | grep -qF "39.1 %" || fail "share 39.1 %"
dump_screen | grep -F "Sessions cancelled" | grep -qE " 2$" || fail "2 sessions cancelled"
cursor_line | grep -qF "Period: 01.01.2027" || fail "the cursor should sit on the first line shown: [$(cursor_line)]"

keys PgDn
wait_for_text "By course"
dump_screen | grep -F "Leve med diabetes" | grep -F " 9.0 h" | grep -qF "█" || fail "the course row: 9 h with a bar"
dump_screen | grep -F "Pårørendeskolen" | grep -F " 2.0 h" | grep -qF "100.0 %" || fail "the relatives' course"
wait_for_text "February 2027"
dump_screen | grep -F "February 2027" | grep -qF " 9.0 h" || fail "February has the 9 h"
dump_screen | grep -E "^ July 2027 " | grep -qF "0.0 h" || fail "a month without sessions shows 0 h"
keys G
wait_for_text "Definitions"
assert_screen_contains "by root."

# A year back and on again.
keys -
wait_for_text "Activity report 01.01.2026–31.12.2026"
keys g
dump_screen | grep -F "Teaching hours" | grep -qF " 0 h" || fail "nothing was held in 2026"
keys +
wait_for_text "Activity report 01.01.2027–31.12.2027"

# p: the PDF, where we say.
keys p
wait_for_text "Write Activity report as PDF"
assert_screen_contains "~/activity-report-2027-01-01-2027-12-31.pdf"
keys C-u
type_text "$E2E_TMP/aktivitet.pdf"
keys C-s
wait_for_text "Wrote $E2E_TMP/aktivitet.pdf"
[ "$(stat -c %a "$E2E_TMP/aktivitet.pdf")" = 600 ] || fail "the PDF is not 0600"
pdfinfo "$E2E_TMP/aktivitet.pdf" | grep -q "595.28 x 841.89 pts (A4)" || fail "the PDF is not A4"
pdftotext -layout "$E2E_TMP/aktivitet.pdf" - | grep -F "Teaching hours" | grep -qF "11 h" || fail "the PDF lacks the teaching hours"
expect_eq "the PDF logged" "1" "$(sql "SELECT count(*) FROM audit WHERE action = 'report' AND detail LIKE 'activity 2027-01-01..2027-12-31:%aktivitet.pdf'")"

# c: the CSV for other programs, into a folder: the offered name in it.
keys c
wait_for_text "Write Activity report as CSV"
keys C-u
type_text "$E2E_TMP/"
keys Tab Right
wait_for_text "other programs"
keys C-s
wait_for_text "Wrote $E2E_TMP/activity-report-2027-01-01-2027-12-31.csv"
csv="$E2E_TMP/activity-report-2027-01-01-2027-12-31.csv"
[ "$(stat -c %a "$csv")" = 600 ] || fail "the CSV is not 0600"
python3 - "$csv" <<'PY' || fail "the CSV is not as worked out"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8", newline="")))
a = rows[0]
assert a["type"] == "all" and a["teaching_min"] == "660" and a["attendance_pct"] == "81.8", a
PY

# Narrow: the report still reads at the smallest size.
resize 60 16
wait_for_text "Teaching hours"
dump_screen | grep -F "Teaching hours" | grep -qF "11 h" || fail "at 60x16 the hours still show"
resize 100 30
keys Escape
wait_for_text "lmskurs · Reports"
keys Escape
wait_for_text "lmskurs · Home"
keys q
expect_eq "exit status" "0" "$(wait_exit)"
