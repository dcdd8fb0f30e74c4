# shellcheck shell=bash
# CLI tests of `lmskurs evaluation import` and `lmskurs evaluation report`:
# sourced by run.sh, which runs every t_* function here in its own subshell
# with the helpers there (lk, ok, expect_rc, out_has, err_has, sql, load_plan,
# DB ...). The sample export is ../shared/data/evaluation-export.csv beside
# the repository; PDFs are read back with pdftotext and pdfinfo.

EVAL_REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
EVAL_SAMPLE=$(cd "$EVAL_REPO/.." && pwd)/shared/data/evaluation-export.csv

# Run 7 of plan.sql in evaluation, its three sessions held; nine of ten
# participants came to the last one. A facilitator's evaluation and an
# evaluation meeting with a decision. The form is the shipped default.
eval_fixture() {
	init_db
	load_plan
	{
		echo "UPDATE run SET phase = 'evaluation' WHERE id = 7;"
		echo "UPDATE session SET status = 'held' WHERE run_id = 7;"
		for i in 1 2 3 4 5 6 7 8 9 10; do
			echo "INSERT INTO participant (id, name, created_at) VALUES ($i, 'Deltaker Ærlig $i', '2027-01-01T00:00:00');"
			echo "INSERT INTO enrollment (id, run_id, participant_id, category, status, requested_at, placed_at) VALUES ($i, 7, $i, 'patient', 'registered', '2027-01-01T00:00:00', '2027-01-01T00:00:00');"
			[ "$i" -le 9 ] && echo "INSERT INTO attendance (session_id, enrollment_id, status, marked_by, marked_at) VALUES (33, $i, 'present', 'x', '2099-05-17T12:00:00');"
			echo "INSERT INTO attendance (session_id, enrollment_id, status, marked_by, marked_at) VALUES (31, $i, 'present', 'x', '2099-03-03T12:00:00');"
		done
		echo "INSERT INTO facilitator_evaluation (run_id, person_id, text, written_at) VALUES (7, 101, 'Gode samtaler; for lite tid til kosthold.', '2099-05-20T10:00:00');"
		echo "INSERT INTO meeting (id, course_id, run_id, kind, starts_at, ends_at, place, notes) VALUES (5, 1, 7, 'evaluation', '2099-06-01T13:00', '2099-06-01T14:30', 'Rom 1', 'Skjemaene gjennomgått sammen med brukerrepresentanten.');"
		echo "INSERT INTO meeting_attendee (meeting_id, person_id) VALUES (5, 101), (5, 102);"
		echo "INSERT INTO decision (meeting_id, text) VALUES (5, 'Samling 2 får mer tid til kosthold.');"
	} >"$T/eval.sql"
	sql_script "$(DB)" "$T/eval.sql"
}

eval_state() {
	sql "$(DB)" "SELECT (SELECT count(*) FROM response), (SELECT count(*) FROM answer), (SELECT count(*) FROM audit)"
}

# eval_pdf_text PDF: its text in $T/r.txt as one line (pango wraps long
# paragraphs, pdftotext gives the pieces on lines of their own).
eval_pdf_text() {
	pdftotext -q -enc UTF-8 "$1" - >"$T/r.raw" || fail "pdftotext $1 failed"
	tr '\n' ' ' <"$T/r.raw" | tr -s ' ' >"$T/r.txt"
}

eval_imported() {
	eval_fixture
	lk evaluation import 7 "$EVAL_SAMPLE" --skip-bad
	expect_rc 1
}

t_evaluation_import_preview_by_line_dry_run_writes_nothing() {
	eval_fixture
	local before
	before=$(eval_state)
	lk evaluation import 7 "$EVAL_SAMPLE" --dry-run
	expect_rc 1
	err_empty
	out_has "Questionnaire: Standard evalueringsskjema (version 1)"
	out_has 'Column 1 "Innsendt": left out; it names no question of the form.'
	out_has 'Column 5 "Hvor relevant var kurset for deg? (0-10)": question 5.'
	out_has 'Question 4 "Hvordan fikk du vite om kurset?": no column; left blank on every form.'
	out_has 'Line 8: left out: Question 5 ("Hvor relevant var kurset for deg? (0-10)"): 11 is outside the scale 0 to 10.'
	out_has 'Line 9: left out: Question 5 ("Hvor relevant var kurset for deg? (0-10)"): "sju" is not a whole number from 0 to 10.'
	out_has 'Line 4: Question 3 ("Alder"): "40-50" is none of the options; left blank.'
	out_has "Forms read: 8"
	out_has "Forms that can be imported: 6"
	out_has "Rows that cannot be imported: 2"
	out_has "Dry run: nothing was written."
	out_lacks "Line 2:"
	[ "$(eval_state)" = "$before" ] || fail "a dry run changed the database"
}

t_evaluation_import_bad_rows_refuse_everything() {
	eval_fixture
	local before
	before=$(eval_state)
	lk evaluation import 7 "$EVAL_SAMPLE"
	expect_rc 2
	err_has "2 rows cannot be imported; nothing was written. Correct the file, or import the other rows with --skip-bad."
	out_has "Line 8: left out:"
	[ "$(eval_state)" = "$before" ] || fail "a refused import changed the database"
}

t_evaluation_import_skip_bad_writes_the_good_forms() {
	eval_imported
	out_has "Forms imported: 6"
	out_has "The import was written."
	[ "$(sql "$(DB)" "SELECT count(*) FROM response WHERE run_id = 7 AND source = 'import' AND entered_by = '$ME'")" = 6 ] ||
		fail "six imported forms expected"
	[ "$(sql "$(DB)" "SELECT count(*) FROM audit WHERE action = 'import' AND entity = 'run' AND entity_id = 7")" = 1 ] ||
		fail "no import entry in the audit log"
	# Anonymous: nothing links a form to a participant, and no name is shown.
	out_lacks "Deltaker"
}

t_evaluation_import_refusals_change_nothing() {
	eval_fixture
	local before
	before=$(eval_state)
	sql "$(DB)" "UPDATE app_user SET role = 'staff' WHERE login = '$ME'" >/dev/null
	lk evaluation import 7 "$EVAL_SAMPLE" --skip-bad
	expect_rc 2
	err_prefixed
	err_has "evaluation forms"
	sql "$(DB)" "UPDATE app_user SET role = 'coordinator' WHERE login = '$ME'" >/dev/null
	lk evaluation import 99 "$EVAL_SAMPLE" --skip-bad
	expect_rc 2
	err_has "There is no run with number 99."
	sql "$(DB)" "UPDATE run SET phase = 'registration' WHERE id = 7" >/dev/null
	lk evaluation import 7 "$EVAL_SAMPLE" --skip-bad
	expect_rc 2
	err_has "once the run is under way"
	sql "$(DB)" "UPDATE run SET phase = 'evaluation' WHERE id = 7" >/dev/null
	lk evaluation import 7 "$T/none.csv"
	expect_rc 2
	err_has "Cannot read $T/none.csv"
	lk evaluation import 7
	expect_rc 2
	err_has "Usage: lmskurs evaluation import RUN FILE.csv"
	[ "$(sql "$(DB)" "SELECT count(*) FROM response")" = 0 ] || fail "a refused import wrote forms"
	[ "$(sql "$(DB)" "SELECT count(*) FROM audit WHERE action = 'import'")" = 0 ] || fail "a refused import was logged"
	[ "$(sql "$(DB)" "SELECT count(*) FROM answer")" = "$(echo "$before" | cut -d'|' -f2)" ] || fail "answers changed"
}

t_evaluation_report_pdf_is_a4_with_means_texts_and_meeting() {
	eval_imported
	lk evaluation report 7 -o "$T/rapport.pdf"
	expect_rc 0
	err_empty
	out_has "Wrote the evaluation report of run 7 to $T/rapport.pdf"
	out_has "readable only by you"
	[ "$(stat -c %a "$T/rapport.pdf")" = 600 ] || fail "the report is not 0600"
	pdfinfo "$T/rapport.pdf" | grep -q "Page size: *595.28 x 841.89 pts (A4)" || fail "not A4: $(pdfinfo "$T/rapport.pdf" | grep 'Page size')"
	eval_pdf_text "$T/rapport.pdf"
	local want
	for want in "Evaluation report" "Leve med diabetes" "Våren 2099, Aker, bygg 5" \
		"6 of 9 who came to the last session (67 %)" \
		"5. Hvor relevant var kurset for deg?" \
		"Answered: 6 · left blank: 0 · mean 8.0 · median 8" \
		"6. Hvor nyttig er det du lærte i hverdagen?" \
		"Answered: 5 · left blank: 1 · mean 8.0 · median 8" \
		"10 (Svært relevant)" "Pårørende" "Rommet var for varmt" "og trangt" "Mer om kosthold; og trening" \
		"Gode samtaler; for lite tid til kosthold." "Skjemaene gjennomgått sammen med brukerrepresentanten." \
		"Samling 2 får mer tid til kosthold." "Åse Ødegård"; do
		grep -qF -- "$want" "$T/r.txt" || fail "the PDF lacks: $want"
	done
	grep -qF "Deltaker" "$T/r.txt" && fail "a participant's name is in the report"
	true
}

t_evaluation_report_counts_only_below_the_minimum() {
	eval_fixture
	printf 'Hvor relevant var kurset for deg?;Hva var bra?\n9;Trygg gruppe\n8;Humor\n7;\n' >"$T/tre.csv"
	lk evaluation import 7 "$T/tre.csv"
	expect_rc 0
	out_has "Forms imported: 3"
	lk evaluation report 7 -o "$T/r.pdf"
	expect_rc 0
	out_has "Fewer forms than the minimum: the report gives only the counts, so that no one can be recognised."
	eval_pdf_text "$T/r.pdf"
	grep -qF "Fewer than 5 answers: only the number of forms is shown, so that no one can be recognised." "$T/r.txt" ||
		fail "the reason is missing"
	grep -qF "Answered: 3 · left blank: 0" "$T/r.txt" || fail "the counts are missing"
	grep -qF "mean" "$T/r.txt" && fail "a mean is shown below the minimum"
	grep -qF "Trygg gruppe" "$T/r.txt" && fail "free text is shown below the minimum"
	# The minimum comes from the config: 3 is enough then.
	mkdir -p "$XDG_CONFIG_HOME/lmskurs"
	printf '[evaluation]\nmin_answers = 3\n' >"$XDG_CONFIG_HOME/lmskurs/config.ini"
	lk evaluation report 7 -o "$T/r.pdf"
	expect_rc 0
	eval_pdf_text "$T/r.pdf"
	grep -qF "mean 8.0 · median 8" "$T/r.txt" || fail "with min_answers = 3 the mean is shown"
	grep -qF "Trygg gruppe" "$T/r.txt" || fail "with min_answers = 3 the free text is shown"
}

t_evaluation_report_csv_one_row_per_question() {
	eval_imported
	ok evaluation report 7 --format csv
	out_has "No.,Section,Kind,Question,Answered,Left blank,Mean,Median,0,1,2,3,4,5,6,7,8,9,10,Values,Note"
	# Relevance 9 7 10 6 8 8: one each of 6 7 9 10, two 8s.
	out_has "5,rating,scale,Hvor relevant var kurset for deg?,6,0,8.00,8.00,0,0,0,0,0,0,1,1,2,1,1,0 = Lite relevant; 10 = Svært relevant,"
	out_has "1,background,choice,Jeg er,6,0,,,,4,2,0,,,,,,,,1 = Pasient; 2 = Pårørende; 3 = Annet,"
	out_has '11,open question,free text,Hva var bra?,5,1,,,,,,,,,,,,,,,'
	[ "$(wc -l <"$T/out")" -eq 13 ] || fail "a header and 12 rows expected, got $(wc -l <"$T/out")"
	ok evaluation report 7 --format csv --excel -o "$T/sum.csv"
	out_has "readable only by you"
	[ "$(stat -c %a "$T/sum.csv")" = 600 ] || fail "the CSV is not 0600"
	head -c 3 "$T/sum.csv" | od -An -tx1 | grep -q "ef bb bf" || fail "--excel writes a BOM"
	grep -q "^5;rating;scale;" "$T/sum.csv" || fail "--excel uses ;"
	# A name ending in .csv is enough to choose CSV.
	ok evaluation report 7 -o "$T/b.csv"
	grep -q "^No.,Section" "$T/b.csv" || fail "-o x.csv writes CSV"
}

t_evaluation_report_refusals() {
	eval_imported
	lk evaluation report 7
	expect_rc 2
	err_has "Say where the PDF goes with -o FILE.pdf, or choose --format csv."
	lk evaluation report 7 --format xml
	expect_rc 2
	err_has "Unknown format 'xml': choose pdf or csv."
	lk evaluation report 99 -o "$T/x.pdf"
	expect_rc 2
	err_has "There is no run with number 99."
	[ ! -e "$T/x.pdf" ] || fail "a failed report left a file"
	sql "$(DB)" "UPDATE app_user SET role = 'staff' WHERE login = '$ME'" >/dev/null
	lk evaluation report 7 -o "$T/x.pdf"
	expect_rc 2
	err_prefixed
	[ ! -e "$T/x.pdf" ] || fail "staff got a report"
	ls -A "$T" | grep -q "^.lmskurs-pdf" && fail "a temporary file was left behind"
	true
}
