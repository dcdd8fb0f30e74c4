# shellcheck shell=bash
# CLI tests of `lmskurs participants import` and `participants export`:
# sourced by run.sh, which runs every t_* function here in its own subshell
# with the helpers there (lk, ok, expect_rc, out_has, err_has, sql, DB ...).
#
# The sample files users bring are read where they are, ../shared/data
# beside the repository, never copied or changed.

PARTICIPANTS_DATA=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)/shared/data

# A database with run 7 (capacity 6) open for registration.
pp_fixture() {
	init_db
	cat >"$T/run.sql" <<'EOF'
INSERT INTO course (id, title, audience, phase, created_at, updated_at) VALUES
	(1, 'Leve med diabetes', 'both', 'active', '2027-01-01T00:00:00', '2027-01-01T00:00:00');
INSERT INTO run (id, course_id, title, phase, capacity, created_at) VALUES
	(7, 1, 'Våren 2027', 'registration', 6, '2027-01-01T00:00:00'),
	(8, 1, 'Høsten 2027', 'registration', NULL, '2027-01-01T00:00:00');
EOF
	sql_script "$(DB)" "$T/run.sql"
}

pp_count() { sql "$(DB)" "SELECT count(*) FROM $1"; }

# The rows an import writes, for "nothing changed" checks.
pp_state() {
	sql "$(DB)" "SELECT 'p', id, name, phone, email FROM participant UNION ALL SELECT 'e', id, run_id, participant_id, status FROM enrollment ORDER BY 1, 2"
	sql "$(DB)" "SELECT count(*) FROM audit"
}

t_participants_help() {
	ok help participants
	out_has "Usage: lmskurs participants import RUN FILE.csv [--dry-run] [--skip-bad] [--category patient|relative]"
	out_has "Usage: lmskurs participants export RUN [--excel] [-o FILE]"
	ok --help
	grep -qE "^  participants import +[^ ]" "$T/out" || fail "--help has no line for participants import"
}

t_participants_import_dry_run_previews_and_writes_nothing() {
	pp_fixture
	before=$(pp_state)
	lk participants import 7 "$PARTICIPANTS_DATA/registration-export.csv" --dry-run
	expect_rc 1
	err_empty
	out_has "Rows read: 11"
	out_has "New participants: 9"
	out_has "Existing participants matched: 0"
	out_has "Already in the run (left as they are): 1"
	out_has "Registered: 6"
	out_has "On the waitlist: 3"
	out_has "Rows that cannot be imported: 1"
	out_has "Line 9: the same person as line 2; counted once."
	out_has "Line 10: The name is missing."
	out_has "Line 8: on the waitlist, place 1."
	out_has "Dry run: nothing was written."
	out_lacks "Kari"
	out_lacks "@example"
	[ "$(pp_state)" = "$before" ] || fail "the dry run changed the database"
}

t_participants_import_bad_row_refuses_all() {
	pp_fixture
	before=$(pp_state)
	lk participants import 7 "$PARTICIPANTS_DATA/registration-export.csv"
	expect_rc 2
	out_has "Line 10: The name is missing."
	err_has "lmskurs: 1 row cannot be imported; nothing was written."
	err_has "--skip-bad"
	[ "$(pp_state)" = "$before" ] || fail "a refused import changed the database"
}

t_participants_import_skip_bad_writes_the_rest() {
	pp_fixture
	lk participants import 7 "$PARTICIPANTS_DATA/registration-export.csv" --skip-bad
	expect_rc 1
	out_has "The import was written."
	[ "$(pp_count participant)" = 9 ] || fail "expected 9 participants, got $(pp_count participant)"
	[ "$(sql "$(DB)" "SELECT count(*) FROM participant WHERE name = 'Kari Nordmann'")" = 1 ] || fail "Kari doubled"
	[ "$(sql "$(DB)" "SELECT status, count(*) FROM enrollment GROUP BY 1 ORDER BY 1")" = "registered|6
waitlisted|3" ] || fail "places: $(sql "$(DB)" "SELECT status, count(*) FROM enrollment GROUP BY 1")"
	for n in "Nguyễn Thị Hương" "فاطمة الزهراء" "Олександр Шевченко" "Ánde Mikkel Ánte Sara" "Grzegorz Brzęczyszczykiewicz"; do
		[ "$(sql "$(DB)" "SELECT count(*) FROM participant WHERE name = '$n'")" = 1 ] || fail "$n not stored exactly"
	done
	# Importing the same file again adds nobody.
	lk participants import 7 "$PARTICIPANTS_DATA/registration-export.csv" --skip-bad
	expect_rc 1
	out_has "New participants: 0"
	out_has "Already in the run (left as they are): 10"
	[ "$(pp_count participant)" = 9 ] || fail "the second import added people"
}

t_participants_import_cp1252_told_and_converted() {
	pp_fixture
	ok participants import 8 "$PARTICIPANTS_DATA/registration-excel-cp1252.csv"
	out_has "is not UTF-8; it was read as Windows-1252"
	out_has "New participants: 3"
	out_has "The import was written."
	[ "$(sql "$(DB)" "SELECT name FROM participant ORDER BY id")" = "Bjørn Ærlig
Åsmund Østby
Line Sæther" ] || fail "names: $(sql "$(DB)" "SELECT name FROM participant")"
	[ "$(sql "$(DB)" "SELECT category FROM enrollment ORDER BY id")" = "relative
patient
patient" ] || fail "categories"
}

t_participants_import_malformed_files() {
	pp_fixture
	before=$(pp_state)
	printf 'Navn;Kommentar\r\nKari;ok\r\nOla;"starter her\r\nog slutter aldri\r\n' >"$T/quote.csv"
	lk participants import 7 "$T/quote.csv"
	expect_rc 2
	err_has "Line 3: a quoted field that starts on line 3 is never closed"
	err_has "Nothing was written."
	err_prefixed
	printf 'Navn;Kategori\nKari;Pasient\nO\000la;Pasient\n' >"$T/nul.csv"
	lk participants import 7 "$T/nul.csv"
	expect_rc 2
	err_has "Line 3: the file contains a NUL byte"
	: >"$T/empty.csv"
	lk participants import 7 "$T/empty.csv" --dry-run
	expect_rc 2
	err_has "empty"
	printf 'Navn;E-post\r\n' >"$T/header.csv"
	lk participants import 7 "$T/header.csv"
	expect_rc 2
	err_has "The file has no rows to import."
	printf 'E-post;Telefon\r\na@example.no;123\r\n' >"$T/noname.csv"
	lk participants import 7 "$T/noname.csv"
	expect_rc 2
	err_has "no column for the name"
	lk participants import 7 "$T/missing.csv"
	expect_rc 2
	err_has "Cannot read $T/missing.csv"
	lk participants import seven "$T/header.csv"
	expect_rc 2
	err_has "Usage: lmskurs participants import"
	lk participants import 99 "$PARTICIPANTS_DATA/registration-excel-cp1252.csv"
	expect_rc 2
	err_has "There is no run with number 99."
	out_lacks "Rows read"
	[ "$(pp_state)" = "$before" ] || fail "a refused import changed the database"
}

t_participants_import_from_stdin_with_default_category() {
	pp_fixture
	printf 'Navn,E-post\nAila Gaup,aila@example.no\n' | "$BIN" participants import 8 - --category relative >"$T/out" 2>"$T/err"
	rc=$?
	expect_rc 0
	out_has "New participants: 1"
	[ "$(sql "$(DB)" "SELECT category FROM enrollment")" = relative ] || fail "the default category was not used"
	lk participants import 8 - --category lege </dev/null
	expect_rc 2
	err_has "Unknown category 'lege'"
}

t_participants_refused_for_staff() {
	pp_fixture
	ok participants import 7 "$PARTICIPANTS_DATA/registration-excel-cp1252.csv"
	sql "$(DB)" "UPDATE app_user SET role = 'staff' WHERE login = '$ME'" >/dev/null
	before=$(pp_state)
	lk participants import 8 "$PARTICIPANTS_DATA/registration-excel-cp1252.csv" --dry-run
	expect_rc 2
	err_prefixed
	out_lacks "Rows read"
	lk participants export 7 -o "$T/staff.csv"
	expect_rc 2
	err_prefixed
	out_empty
	[ ! -e "$T/staff.csv" ] || fail "a refused export left a file"
	[ -z "$(ls "$T" | grep 'staff.csv')" ] || fail "a temporary file was left behind"
	lk participants export 7
	expect_rc 2
	out_empty
	[ "$(pp_state)" = "$before" ] || fail "refused commands changed the database"
}

t_participants_export_file_private_plain_and_excel() {
	pp_fixture
	lk participants import 7 "$PARTICIPANTS_DATA/registration-export.csv" --skip-bad
	umask 022
	ok participants export 7 -o "$T/liste.csv"
	out_has "Wrote 9 enrollments to $T/liste.csv"
	[ "$(stat -c %a "$T/liste.csv")" = 600 ] || fail "the export is not private: $(stat -c %a "$T/liste.csv")"
	[ "$(head -n 1 "$T/liste.csv")" = $'Name,Category,Status,Phone,E-mail\r' ] || fail "header: $(head -n 1 "$T/liste.csv")"
	grep -qF $'Nguyễn Thị Hương,relative,registered,47481234,huong@example.vn\r' "$T/liste.csv" || fail "Nguyễn's row"
	grep -qF $'Siri O\'Brien-Hansen,patient,on the waitlist,22222222,siri@example.no\r' "$T/liste.csv" || fail "Siri's row"
	[ "$(wc -l <"$T/liste.csv")" = 10 ] || fail "expected a header and 9 rows"
	# An existing readable file is replaced by a private one.
	echo old >"$T/excel.csv"
	chmod 644 "$T/excel.csv"
	ok participants export 7 --excel --output "$T/excel.csv"
	[ "$(stat -c %a "$T/excel.csv")" = 600 ] || fail "the Excel export is not private"
	[ "$(head -c 3 "$T/excel.csv" | od -An -tx1 | tr -d ' ')" = efbbbf ] || fail "no BOM in the Excel flavour"
	grep -qF $'Name;Category;Status;Phone;E-mail\r' "$T/excel.csv" || fail "Excel header"
	grep -qF 'Олександр Шевченко;relative;on the waitlist;+380501234567;o.shevchenko@example.ua' "$T/excel.csv" || fail "Excel row"
	# To stdout when no file is named; read back by the import.
	ok participants export 7
	out_has "فاطمة الزهراء,patient,registered,40000001,fatima@example.org"
	cp "$T/out" "$T/back.csv"
	ok participants import 8 "$T/back.csv"
	out_has "Existing participants matched: 9"
	out_has "New participants: 0"
	lk participants export 99 -o "$T/none.csv"
	expect_rc 2
	err_has "There is no run with number 99."
	[ ! -e "$T/none.csv" ] || fail "a failed export left a file"
	[ "$(sql "$(DB)" "SELECT count(*) FROM audit WHERE action = 'export'")" = 3 ] || fail "exports not audited"
}

# A big file imported by a process that is killed with SIGKILL half-way:
# the database holds none of its rows.
t_participants_import_killed_half_way_writes_nothing() {
	pp_fixture
	python3 - "$T/big.csv" <<'EOF'
import sys
with open(sys.argv[1], "w", encoding="utf-8", newline="") as f:
    f.write("Navn;E-post;Telefon;Jeg deltar som\r\n")
    for i in range(60000):
        f.write(f"Deltaker Øvre {i};d{i}@example.no;9{i:07d};{'Pasient' if i % 2 else 'Pårørende'}\r\n")
EOF
	before=$(pp_state)
	"$BIN" participants import 8 "$T/big.csv" >"$T/out" 2>"$T/err" &
	pid=$!
	wal="$(DB)-wal"
	for _ in $(seq 1 600); do
		[ -f "$wal" ] && [ "$(stat -c %s "$wal")" -gt 300000 ] && break
		sleep 0.05
	done
	[ "$(stat -c %s "$wal" 2>/dev/null || echo 0)" -gt 300000 ] || fail "the import never got going"
	kill -9 "$pid" 2>/dev/null || fail "the import finished before it was killed"
	wait "$pid"
	[ $? -eq 137 ] || fail "the import was not killed"
	[ "$(pp_state)" = "$before" ] || fail "a killed import left rows behind"
	[ "$(sql "$(DB)" "PRAGMA integrity_check")" = ok ] || fail "the database is damaged"
}
