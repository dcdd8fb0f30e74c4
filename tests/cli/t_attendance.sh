# shellcheck shell=bash
# CLI tests of `lmskurs attendance sheet`: sourced by run.sh, which runs
# every t_* function here in its own subshell with the helpers there
# (lk, ok, expect_rc, out_has, err_has, sql, load_plan, DB ...).
#
# The PDFs are read back with poppler's pdftotext and pdfinfo.

SHEET_REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
SHARED_DATA=$(cd "$SHEET_REPO/.." && pwd)/shared/data

# Run 7 of plan.sql (sessions 31-33, 3 March 2099 onwards) open for
# registration, with names in several scripts registered, one waiting and
# one cancelled.
sheet_fixture() {
	init_db
	load_plan
	cat >"$T/people.sql" <<'EOF'
UPDATE run SET phase = 'registration' WHERE id = 7;
INSERT INTO participant (id, name, phone, email, created_at) VALUES
	(1, 'Grzegorz Brzęczyszczykiewicz', '4790000001', 'g@example.pl', '2027-01-01T00:00:00'),
	(2, 'Nguyễn Thị Hương', '4790000002', 'h@example.vn', '2027-01-01T00:00:00'),
	(3, 'محمد الأحمد', '4790000003', '', '2027-01-01T00:00:00'),
	(4, 'Анна Иванова', '4790000004', '', '2027-01-01T00:00:00'),
	(5, 'Áile Somby', '4790000005', '', '2027-01-01T00:00:00'),
	(6, 'Åse Ødegård-Ås', '4790000006', '', '2027-01-01T00:00:00'),
	(7, 'Venter Ventesen', '4790000007', '', '2027-01-01T00:00:00'),
	(8, 'Avmeldt Avmeldtsen', '4790000008', '', '2027-01-01T00:00:00');
INSERT INTO enrollment (run_id, participant_id, category, status, requested_at, placed_at, cancelled_at) VALUES
	(7, 1, 'patient', 'registered', '2027-01-02T10:00:00', '2027-01-02T10:00:00', NULL),
	(7, 2, 'relative', 'registered', '2027-01-02T10:01:00', '2027-01-02T10:01:00', NULL),
	(7, 3, 'patient', 'registered', '2027-01-02T10:02:00', '2027-01-02T10:02:00', NULL),
	(7, 4, 'relative', 'registered', '2027-01-02T10:03:00', '2027-01-02T10:03:00', NULL),
	(7, 5, 'patient', 'registered', '2027-01-02T10:04:00', '2027-01-02T10:04:00', NULL),
	(7, 6, 'patient', 'registered', '2027-01-02T10:05:00', '2027-01-02T10:05:00', NULL),
	(7, 7, 'patient', 'waitlisted', '2027-01-02T10:06:00', NULL, NULL),
	(7, 8, 'patient', 'cancelled', '2027-01-02T10:07:00', '2027-01-02T10:07:00', '2027-01-03T10:00:00');
EOF
	sql_script "$(DB)" "$T/people.sql"
	mkdir -p "$XDG_CONFIG_HOME/lmskurs"
	printf '[organisation]\nname = LMS Aker sykehus\n' >"$XDG_CONFIG_HOME/lmskurs/config.ini"
}

SHEET_NAMES=("Grzegorz Brzęczyszczykiewicz" "Nguyễn Thị Hương" "محمد الأحمد" "Анна Иванова"
	"Áile Somby" "Åse Ødegård-Ås")

# pdf_text FILE [PAGE]: the PDF's text (one page or all) on stdout.
pdf_text() {
	if [ $# -gt 1 ]; then
		pdftotext -q -enc UTF-8 -f "$2" -l "$2" "$1" - || fail "pdftotext $1 failed"
	else
		pdftotext -q -enc UTF-8 "$1" - || fail "pdftotext $1 failed"
	fi
}

# pdf_has FILE TEXT [PAGE]: the text is in the PDF. pdftotext reads Arabic
# back with spaces where letters do not join, bidi marks around it, and the
# lam-alef ligature in visual order, so those are evened out first.
pdf_has() {
	pdf_text "$1" ${3:+"$3"} >"$T/pdf.txt"
	python3 - "$T/pdf.txt" "$2" <<'EOF' || fail "the PDF $1 lacks: $2"
import re, sys
text, needle = open(sys.argv[1], encoding="utf-8").read(), sys.argv[2]
if needle in text:
    sys.exit(0)
squash = lambda s: re.sub("[\\s\u200e\u200f\u202a-\u202e]", "", s)
sys.exit(0 if squash(needle) in squash(text).replace("أل", "لأ") else 1)
EOF
}

pdf_lacks() {
	pdf_text "$1" >"$T/pdf.txt"
	! grep -qF -- "$2" "$T/pdf.txt" || fail "the PDF $1 has: $2"
}

pdf_pages() { pdfinfo "$1" | sed -n 's/^Pages: *//p'; }

audit_prints() { sql "$(DB)" "SELECT count(*) FROM audit WHERE action = 'print'"; }

# A fake lp in $T/bin that logs its arguments and the files it has open,
# then exits with $1.
fake_lp() {
	mkdir -p "$T/bin"
	cat >"$T/bin/lp" <<EOF
#!/bin/sh
printf '%s\n' "\$@" >"$T/lp.args"
ls -l /proc/\$\$/fd >"$T/lp.fds" 2>&1
[ $1 -eq 0 ] || echo "lp: The printer or class does not exist." >&2
[ $1 -eq 0 ] && echo "request id is Kontor_2-17 (1 file(s))"
exit $1
EOF
	chmod +x "$T/bin/lp"
}

t_attendance_sheet_of_a_session() {
	sheet_fixture
	ok attendance sheet 31 -o liste.pdf
	out_has "Wrote the attendance sheet to liste.pdf (1 page, readable only by you)."
	for n in "${SHEET_NAMES[@]}"; do
		out_lacks "$n"
		pdf_has liste.pdf "$n"
	done
	for h in "LMS Aker sykehus" "Attendance sheet" "Leve med diabetes" "Våren 2099, Aker, bygg 5" \
		"Tuesday 03.03.2099 (week 10)" "12:00–15:00" "Rom 1" "Å leve med diabetes" \
		"Åse Ødegård (professional)" "(user representative)" "page 1 of 1" "Signature" \
		"patient" "relative" "Contains health information"; do
		pdf_has liste.pdf "$h"
	done
	pdf_lacks liste.pdf "Venter Ventesen"
	pdf_lacks liste.pdf "Avmeldt Avmeldtsen"
	[ "$(stat -c %a liste.pdf)" = 600 ] || fail "liste.pdf has mode $(stat -c %a liste.pdf), not 600"
	pdfinfo liste.pdf | grep -q "^Page size: *595.28 x 841.89 pts (A4)" || fail "not A4: $(pdfinfo liste.pdf)"
	[ "$(audit_prints)" = 1 ] || fail "the print was not logged once"
	sql "$(DB)" "SELECT detail FROM audit WHERE action = 'print'" | grep -q "^attendance sheet: 6 names" ||
		fail "audit detail: $(sql "$(DB)" "SELECT detail FROM audit WHERE action = 'print'")"
}

t_attendance_sheet_long_option_and_replacing_a_file() {
	sheet_fixture
	echo "old" >liste.pdf
	chmod 644 liste.pdf
	ok attendance sheet --output=liste.pdf 32
	[ "$(stat -c %a liste.pdf)" = 600 ] || fail "the replaced file has mode $(stat -c %a liste.pdf)"
	pdf_has liste.pdf "Kosthold, mat og \"sukker\""
	ls -A | grep -q '^\.lmskurs-pdf-' && fail "a temporary file was left behind"
	true
}

t_attendance_sheet_of_a_whole_run() {
	sheet_fixture
	ok attendance sheet --run 7 -o alle.pdf
	out_has "Wrote the attendance sheets of 3 sessions to alle.pdf (3 pages, readable only by you)."
	[ "$(pdf_pages alle.pdf)" = 3 ] || fail "pages: $(pdf_pages alle.pdf)"
	pdf_has alle.pdf "Å leve med diabetes" 1
	pdf_has alle.pdf "Kosthold" 2
	pdf_has alle.pdf "Fysisk aktivitet" 3
	pdf_has alle.pdf "Sunday 17.05.2099" 3
	for p in 1 2 3; do
		pdf_has alle.pdf "page 1 of 1" "$p"
		pdf_has alle.pdf "Анна Иванова" "$p"
	done
	[ "$(audit_prints)" = 3 ] || fail "expected 3 print entries, got $(audit_prints)"
}

t_attendance_sheet_sixty_names_over_pages() {
	sheet_fixture
	python3 - "$(DB)" <<'EOF'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("UPDATE run SET capacity = 100 WHERE id = 7")
for i in range(60):
    pid = 100 + i
    c.execute("INSERT INTO participant (id, name, created_at) VALUES (?, ?, '2027-01-01T00:00:00')",
              (pid, "Deltaker %02d Ødegård" % (i + 1)))
    c.execute("INSERT INTO enrollment (run_id, participant_id, category, status, requested_at, placed_at)"
              " VALUES (7, ?, 'patient', 'registered', '2027-01-05T00:00:00', '2027-01-05T00:00:00')", (pid,))
c.commit()
EOF
	ok attendance sheet 33 -o mange.pdf
	pages=$(pdf_pages mange.pdf)
	[ "$pages" -gt 1 ] || fail "66 names on $pages page"
	for p in $(seq 1 "$pages"); do
		pdf_has mange.pdf "Leve med diabetes" "$p"
		pdf_has mange.pdf "Sunday 17.05.2099 (week 20)" "$p"
		pdf_has mange.pdf "Signature" "$p"
		pdf_has mange.pdf "page $p of $pages" "$p"
	done
	pdf_text mange.pdf >"$T/all.txt"
	[ "$(grep -c "^Deltaker .. Ødegård$" "$T/all.txt")" = 60 ] || fail "not every name once"
}

t_attendance_sheet_in_norwegian() {
	sheet_fixture
	unset LANGUAGE
	# the catalogue make builds, also for a binary in build-san/
	export LMSKURS_LOCALEDIR="$SHEET_REPO/build/locale"
	lk --lang nb attendance sheet 31 -o liste.pdf
	expect_rc 0
	pdf_has liste.pdf "tirsdag 03.03.2099 (uke 10)"
	pdf_has liste.pdf "pasient"
	pdf_has liste.pdf "pårørende"
}

t_attendance_sheet_usage_errors() {
	sheet_fixture
	before=$(dump "$(DB)")
	lk attendance sheet 31
	expect_rc 2
	err_has "Say where the PDF goes with -o FILE.pdf."
	err_has "Usage: lmskurs attendance sheet (SESSION | --run RUN) -o FILE.pdf [--print]"
	lk attendance sheet -o x.pdf
	expect_rc 2
	err_has "Give the session number, or --run RUN for every session of a run."
	lk attendance sheet 31 --run 7 -o x.pdf
	expect_rc 2
	err_has "Give a session number or --run RUN, not both."
	lk attendance sheet tre -o x.pdf
	expect_rc 2
	err_has "SESSION wants a record number such as 12, not 'tre'."
	lk attendance sheet --run 0 -o x.pdf
	expect_rc 2
	err_has "--run wants a record number"
	lk attendance sheet 31 32 -o x.pdf
	expect_rc 2
	out_empty
	err_prefixed
	[ ! -e x.pdf ] || fail "x.pdf was written"
	[ "$(dump "$(DB)")" = "$before" ] || fail "a refused command changed the database"
}

t_attendance_sheet_refusals_write_nothing() {
	sheet_fixture
	sql "$(DB)" "UPDATE session SET status = 'cancelled' WHERE id = 32" >/dev/null
	echo "old" >x.pdf
	lk attendance sheet 32 -o x.pdf
	expect_rc 2
	err_has "Session 2 of this run is cancelled, so it has no attendance sheet."
	[ "$(cat x.pdf)" = old ] || fail "x.pdf was changed"
	lk attendance sheet 999 -o y.pdf
	expect_rc 2
	out_empty
	err_prefixed
	lk attendance sheet --run 99 -o y.pdf
	expect_rc 2
	lk attendance sheet 31 -o "$T/no/such/folder/y.pdf"
	expect_rc 2
	err_has "No such file or directory"
	[ ! -e y.pdf ] || fail "y.pdf was written"
	[ "$(audit_prints)" = 0 ] || fail "a refused sheet was logged"
	sql "$(DB)" "UPDATE run SET phase = 'cancelled' WHERE id = 7" >/dev/null
	lk attendance sheet --run 7 -o y.pdf
	expect_rc 2
	err_has "Run 7 is cancelled, so it has no attendance sheets."
}

t_attendance_sheet_print_without_lp() {
	sheet_fixture
	mkdir -p "$T/empty"
	PATH="$T/empty" lk attendance sheet 31 -o liste.pdf --print
	expect_rc 2
	out_has "Wrote the attendance sheet to liste.pdf"
	err_has "The sheet is in liste.pdf but was not printed: the lp command (CUPS) is not installed."
	err_prefixed
	pdf_has liste.pdf "Анна Иванова"
}

t_attendance_sheet_print_with_lp() {
	sheet_fixture
	printf '[organisation]\nname = LMS Aker\n[printing]\nprinter = Kontor_2\n' >"$XDG_CONFIG_HOME/lmskurs/config.ini"
	fake_lp 0
	PATH="$T/bin:$PATH" ok attendance sheet 31 -o liste.pdf --print
	out_has "Sent liste.pdf to the printer Kontor_2."
	out_has "request id is Kontor_2-17"
	[ "$(tr '\n' ' ' <"$T/lp.args")" = "-d Kontor_2 liste.pdf " ] || fail "lp got: $(cat "$T/lp.args")"
	! grep -q "lmskurs.db" "$T/lp.fds" || fail "lp inherited the database: $(cat "$T/lp.fds")"
	# No printer in the config: lp's default; a name like an option is not one.
	rm "$XDG_CONFIG_HOME/lmskurs/config.ini"
	PATH="$T/bin:$PATH" ok attendance sheet 31 -o -ark.pdf --print
	out_has "Sent -ark.pdf to the default printer."
	[ "$(tr '\n' ' ' <"$T/lp.args")" = "./-ark.pdf " ] || fail "lp got: $(cat "$T/lp.args")"
}

t_attendance_sheet_print_failing_lp() {
	sheet_fixture
	fake_lp 1
	PATH="$T/bin:$PATH" lk attendance sheet --run 7 -o alle.pdf --print
	expect_rc 2
	err_has "lp: The printer or class does not exist."
	err_has "The sheet is in alle.pdf but was not printed: lp failed"
	[ "$(pdf_pages alle.pdf)" = 3 ] || fail "the PDF is not all there"
}

t_attendance_sheet_of_an_imported_registration_export() {
	sheet_fixture
	# room for everyone, and nobody waiting before them
	sql "$(DB)" "UPDATE run SET capacity = 40 WHERE id = 7" >/dev/null
	sql "$(DB)" "DELETE FROM enrollment WHERE status = 'waitlisted'" >/dev/null
	lk participants import 7 "$SHARED_DATA/registration-export.csv" --skip-bad
	[ "$rc" -le 1 ] || fail "import exited $rc"
	ok attendance sheet 31 -o import.pdf
	for n in "Kari Nordmann" "Grzegorz Brzęczyszczykiewicz" "Nguyễn Thị Hương" "فاطمة الزهراء" \
		"Ánde Mikkel Ánte Sara" "Олександр Шевченко" "Siri O'Brien-Hansen"; do
		pdf_has import.pdf "$n"
	done
}

t_attendance_sheet_help() {
	ok help attendance sheet
	out_has "Usage: lmskurs attendance sheet (SESSION | --run RUN) -o FILE.pdf [--print]"
	ok attendance sheet --help
	out_has "Usage: lmskurs attendance sheet"
	ok --help
	grep -qE "^  attendance sheet +write the attendance sheet" "$T/out" || fail "--help lacks attendance sheet"
}
