#!/usr/bin/env bash
# Journey: the registration staff's lists and the payroll office's
# honorarium, made by a coordinator on the screen, then a staff login that
# is not offered Reports at all.
#   Home ▶ Reports ▶ "Activity registration list" for 2027: the two runs
#   held, run 1 meeting the funding criteria and run 2 not, with the short
#   reasons; Enter opens run 1's list: the criteria in words (yes / ! no),
#   each participant with the dates present (names in several scripts);
#   run 2 says why not; c writes its CSV (one row per participant and date).
#   The honorarium of 2027 without a rate says so; with the rate in the
#   config, the amounts; c writes the payroll CSV.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/report_fixture.sh"

report_centre
start
wait_for_text "lmskurs · Home"
go_to_reports
wait_for_text "lmskurs · Reports"
keys Right
wait_for_text "< Activity registration list >"
keys Tab C-u
type_text "01.01.2027"
keys Tab C-u
type_text "31.12.2027"
keys Enter
wait_for_text "Registration lists 01.01.2027–31.12.2027: 2 runs"
dump_screen | grep -F "Leve med diabetes, Våren 2027" | grep -F "01.02–15.02.2027" | grep -qE " yes +01.02" || fail "run 1 meets the criteria"
dump_screen | grep -F "Pårørendeskolen, Vår" | grep -qF "! no: hours, professions" || fail "run 2 says what it lacks"
cursor_line | grep -qF "> Leve med diabetes" || fail "the cursor on the first run: [$(cursor_line)]"

keys Enter
wait_for_text "Registration list: Leve med diabetes, Våren 2027"
assert_screen_contains "Funding criteria (ISF, A0099): met"
assert_screen_contains "yes At least 7 teaching hours: 9 h of teaching held."
assert_screen_contains "yes Professionals of more than one profession: Facilitated by professionals of 2 professions:"
assert_screen_contains "lege, Sykepleier."
dump_screen | grep -F "Åsmund Ærlig" | grep -F "3/3" | grep -qF "01.02, 08.02, 15.02.2027" || fail "Åsmund's dates"
dump_screen | grep -F "Ewa Żółć" | grep -qF "08.02, 15.02.2027" || fail "Ewa's dates"
dump_screen | grep -F "(place cancelled)" | grep -qF "01.02.2027" || fail "the cancelled place with the day she came"
assert_screen_lacks "Vera Venter"
keys Escape
wait_for_text "Registration lists 01.01.2027–31.12.2027"
keys j Enter
wait_for_text "Registration list: Pårørendeskolen, Vår"
assert_screen_contains "Funding criteria (ISF, A0099): NOT met"
assert_screen_contains "! no At least 7 teaching hours: Only 2 h of teaching held; at least 7 h are needed."
assert_screen_contains "! no A user representative among the facilitators: No user representative facilitated a held"
keys c
wait_for_text "Write Activity registration list as CSV"
assert_screen_contains "The file holds names"
keys C-u
type_text "$E2E_TMP/liste.csv"
keys C-s
wait_for_text "Wrote $E2E_TMP/liste.csv"
[ "$(stat -c %a "$E2E_TMP/liste.csv")" = 600 ] || fail "the list is not 0600"
python3 - "$E2E_TMP/liste.csv" <<'PY' || fail "the registration CSV (Excel flavour) is wrong"
import csv, sys
raw = open(sys.argv[1], "rb").read()
assert raw.startswith(b"\xef\xbb\xbf"), "Excel: a BOM"
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8-sig", newline=""), delimiter=";"))
att = [(r["name"], r["date"]) for r in rows if r["type"] == "attendance"]
assert att == [("Åsmund Ærlig", "2027-03-01")], att
PY
expect_eq "logged by run, no names" "run|2|registration: 1 rows, to $E2E_TMP/liste.csv" \
	"$(sql "SELECT entity, entity_id, detail FROM audit WHERE action = 'report'")"
keys Escape Escape
wait_for_text "lmskurs · Reports"

# The honorarium: no rate yet.
keys BTab BTab Right
wait_for_text "< Honorarium of user representatives >"
keys C-s
wait_for_text "Honorarium of user representatives 01.01.2027–31.12.2027"
assert_screen_contains "! No hourly rate is set"
dump_screen | grep -F "Åse Brukersen (LHL)" | grep -E " 3 +2 " | grep -F "11 h 30 min" | grep -qF "█" || fail "Åse: 3 sessions, 2 meetings, 11 h 30 min with a bar"
dump_screen | grep -F "Zhang Wei 张伟" | grep -qF "1 h 30 min" || fail "Zhang Wei: the remote meeting, 1 h 30 min"
dump_screen | grep -F "All user representatives" | grep -qF "13 h" || fail "the total: 13 h"
assert_screen_lacks "Kari Nordmann"
keys Escape
wait_for_text "lmskurs · Reports"
keys Escape
wait_for_text "lmskurs · Home"
keys q
wait_exit >/dev/null

# With a rate in the config, the amounts and the payroll CSV.
mkdir -p "$E2E_TMP/config/lmskurs"
printf '[honorarium]\nrate = 350,00\n' >"$E2E_TMP/config/lmskurs/config.ini"
tm kill-server
start
wait_for_text "lmskurs · Home"
go_to_reports
wait_for_text "lmskurs · Reports"
keys Left
wait_for_text "< Honorarium of user representatives >"
keys Tab C-u
type_text "01.01.2027"
keys Tab C-u
type_text "31.12.2027"
keys C-s
wait_for_text "Rate: 350.00 kroner per hour."
dump_screen | grep -F "Åse Brukersen (LHL)" | grep -qF "4025.00" || fail "Åse's amount"
dump_screen | grep -F "All user representatives" | grep -qF "4550.00" || fail "the total amount"
keys c
wait_for_text "Write Honorarium of user representatives as CSV"
keys C-u
type_text "$E2E_TMP/lonn.csv"
keys Tab Right C-s
wait_for_text "Wrote $E2E_TMP/lonn.csv"
python3 - "$E2E_TMP/lonn.csv" <<'PY' || fail "the payroll CSV is wrong"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8", newline="")))
assert [r["amount"] for r in rows if r["type"] == "item"] == ["525.00", "525.00", "1050.00", "1050.00", "1050.00", "350.00"], rows
assert [r["amount"] for r in rows if r["type"] == "total"] == ["4550.00"]
PY
keys Escape
wait_for_text "lmskurs · Reports"
keys Escape
wait_for_text "lmskurs · Home"
keys q
wait_exit >/dev/null

# A staff login is not offered Reports.
sql "UPDATE app_user SET role = 'staff' WHERE role = 'coordinator'" >/dev/null
tm kill-server
start
wait_for_text "lmskurs · Home"
assert_screen_contains "This week"
assert_screen_lacks "Reports"
keys q
expect_eq "exit status" "0" "$(wait_exit)"
