#!/usr/bin/env bash
# Journey: a stack of five paper forms typed in with the keyboard only.
# A run in evaluation (six came to its last session) uses the shipped
# default questionnaire: four background choices, six 0–10 scales, two
# open questions. Home ▶ Evaluation ▶ the run ▶ Enter forms: digits answer
# and move on by themselves (1 then 0 is ten, 1 then Enter is one), Space
# leaves a question blank, a written answer ends with Enter on an empty
# line, Enter on the last question or Ctrl-S saves and starts an empty
# form; the counter says forms entered against who came. A form left half
# typed is not saved. The results screen then shows the means and medians
# worked out below, and bars with their numbers; the database holds the
# five forms with the right answers. (The harness is root, a coordinator;
# that user representatives may do the same and staff may not is in
# tests/unit/test_ui_eval.c.)
. "$(dirname "$0")/lib.sh"

"$LMSKURS_BIN" --db "$E2E_DB" init >/dev/null 2>&1 || fail "init failed"
stamp=2026-09-01T09:00:00
sql "INSERT INTO person (id, name, kind, profession, created_at) VALUES (1, 'Kari Nordmann-Øye', 'professional', 'sykepleier', ?)" "$stamp" >/dev/null
sql "INSERT INTO person (id, name, kind, organisation, created_at) VALUES (2, 'Åse Bråten 张', 'user_rep', 'LHL', ?)" "$stamp" >/dev/null
sql "INSERT INTO course (id, title, audience, phase, owner_id, created_at, updated_at) VALUES (1, 'Leve med KOLS – Ålesund', 'patients', 'active', 1, ?, ?)" "$stamp" "$stamp" >/dev/null
sql "INSERT INTO run (id, course_id, title, phase, place, capacity, first_date, last_date, created_at) VALUES (1, 1, 'Høsten 2026', 'evaluation', 'LMS Ålesund', 12, '2026-10-05', '2026-10-12', ?)" "$stamp" >/dev/null
sql "INSERT INTO session (id, run_id, seq, starts_at, ends_at, status) VALUES (1, 1, 1, '2026-10-05T17:00', '2026-10-05T19:00', 'held'), (2, 1, 2, '2026-10-12T17:00', '2026-10-12T19:00', 'held')" >/dev/null
sql "INSERT INTO session_facilitator (session_id, person_id) VALUES (1, 1), (1, 2), (2, 1), (2, 2)" >/dev/null
for i in 1 2 3 4 5 6 7; do
	sql "INSERT INTO participant (id, name, created_at) VALUES (?, ?, ?)" "$i" "Deltaker $i" "$stamp" >/dev/null
	sql "INSERT INTO enrollment (id, run_id, participant_id, category, status, requested_at, placed_at) VALUES (?, 1, ?, 'patient', 'registered', ?, ?)" "$i" "$i" "$stamp" "$stamp" >/dev/null
done
# Six came to the last session, one did not.
sql "INSERT INTO attendance (session_id, enrollment_id, status, marked_by, marked_at) SELECT 2, id, CASE WHEN id = 7 THEN 'absent' ELSE 'present' END, 'root', '2026-10-12T19:00:00' FROM enrollment" >/dev/null

start
wait_for_text "lmskurs · Home"
assert_screen_contains "1 run in evaluation"
keys g
for _ in 1 2 3 4 5 6 7; do
	cursor_line | grep -qF "Evaluation" && break
	keys Down
	sleep 0.2
done
cursor_line | grep -qF "Evaluation" || fail "Home has no Evaluation section: [$(cursor_line)]"
keys Enter
wait_for_text "Evaluation: 1 run in evaluation"
dump_screen | grep -F "Leve med KOLS" | grep -F "Høsten 2026" | grep -qF "evaluation" || fail "the run should be listed"
keys Enter
wait_for_text "Evaluation: Leve med KOLS – Ålesund · Høsten 2026"
assert_screen_contains "forms entered: 0 — came to the last session: 6"
cursor_line | grep -qF "> Enter forms" || fail "the cursor should start on Enter forms: [$(cursor_line)]"
keys Enter
wait_for_text "Fast entry: Leve med KOLS – Ålesund · Høsten 2026 · form 1"
assert_screen_contains "Question 1 of 12 · Standard evalueringsskjema (version 1)"
assert_screen_contains "Option: type 1–3 · Space blank"

# Form 1: choices 1 2 3 1; scales 8 9 10 7 6 10; a written answer of two
# lines ended by Enter on an empty line; the last left blank: Enter saves.
type_text "1231"
assert_screen_contains "Question 5 of 12"
assert_screen_contains "Scale: type 0–10; 1 then Enter is 1, 1 then 0 is 10"
type_text "89107610"
assert_screen_contains "Question 11 of 12"
type_text "Godt samarbeid – æøå"
keys Enter
type_text "og 北京"
keys Enter Enter
assert_screen_contains "Question 12 of 12"
keys Enter
wait_for_text "Saved form 1. Here is an empty form for the next one."
assert_screen_contains "forms entered: 1 — came to the last session: 6"
assert_screen_contains "form 2"
assert_screen_contains "Question 1 of 12"

# Form 2: 2 1 5 2; 10 8 9, then 1 and Enter (one), 5 9; no written answer
# to 11; 12 typed, then Ctrl-S.
type_text "2152108"
type_text "91"
assert_screen_contains "Question 8 of 12"
keys Enter
assert_screen_contains "Question 9 of 12"
type_text "59"
keys Enter
type_text "Mer tid til spørsmål"
keys C-s
wait_for_text "Saved form 2."
assert_screen_contains "forms entered: 2 — came to the last session: 6"

# Form 3: the first question left blank (Space); 3 8 6; 7 5 5 5 5 8.
keys Space
type_text "386755558"
keys Enter Enter
wait_for_text "Saved form 3."

# Form 4: 1 1 4 3; 9 9 9 9 9 6; a written answer in CJK and æøå.
type_text "1143999996"
type_text "北京 og Ålesund"
keys Enter Enter Enter
wait_for_text "Saved form 4."

# Form 5: 2 2 6 4; question 5 blank; 7 7 7 7 5; saved from question 11.
type_text "2264"
keys Space
type_text "77775"
assert_screen_contains "Question 11 of 12"
keys C-s
wait_for_text "Saved form 5."
assert_screen_contains "forms entered: 5 — came to the last session: 6"
assert_screen_contains "form 6"

# A sixth form half typed, then Esc: it asks, and nothing is saved.
type_text "12"
keys Escape
wait_for_text "Close without saving?"
keys y
wait_for_text "Evaluation: Leve med KOLS – Ålesund · Høsten 2026"
assert_screen_contains "forms entered: 5 — came to the last session: 6"
expect_eq "forms stored" "5" "$(sql "SELECT count(*) FROM response WHERE run_id = 1 AND source = 'paper' AND entered_by = 'root'")"

# The database holds the answers as typed, form by form.
answers() { # position → the answers in the order the forms were entered ("-" for blank)
	sql "SELECT group_concat(coalesce(a.value_int, a.value_text, '-'), ',') FROM (SELECT r.id AS rid FROM response r ORDER BY r.id) f
	     LEFT JOIN (SELECT a.response_id, a.value_int, a.value_text FROM answer a JOIN question q ON q.id = a.question_id WHERE q.position = ?) a ON a.response_id = f.rid" "$1"
}
expect_eq "question 1" "1,2,-,1,2" "$(answers 1)"
expect_eq "question 3" "3,5,8,4,6" "$(answers 3)"
expect_eq "question 5" "8,10,7,9,-" "$(answers 5)"
expect_eq "question 8" "7,1,5,9,7" "$(answers 8)"
expect_eq "question 10" "10,9,8,6,5" "$(answers 10)"
expect_eq "question 11" "Godt samarbeid – æøå
og 北京,-,-,北京 og Ålesund,-" "$(answers 11)"
expect_eq "question 12" "-,Mer tid til spørsmål,-,-,-" "$(answers 12)"
expect_eq "audited without answers" "5" "$(sql "SELECT count(*) FROM audit WHERE entity = 'response' AND action = 'create'")"

# Results: means and medians worked out by hand.
#   5 relevance: 8 10 7 9 (one blank)  → n 4, mean 8.5, median 8.5
#   8 sharing:   7 1 5 9 7             → n 5, mean 5.8, median 7.0
#  10 overall:   10 9 8 6 5            → n 5, mean 7.6, median 8.0
keys Down Down
cursor_line | grep -qF "> Results" || fail "Results should be two rows down: [$(cursor_line)]"
keys Enter
wait_for_text "Results: Leve med KOLS – Ålesund · Høsten 2026"
assert_screen_contains "Questionnaire: Standard evalueringsskjema, version 1 · 5 forms from 1 run"
assert_screen_contains "Response rate: 5 of 6 who came to the last session"
# Question 1: Pasient twice, Pårørende twice, one blank; bars with numbers.
dump_screen | grep -F "Pasient" | grep -F "│█" | grep -qE " 2  50 %" || fail "Pasient: a bar with 2 and 50 %"
dump_screen | grep -F "Annet" | grep -qE "│ +0   0 %" || fail "Annet: no bar, 0 and 0 %"
keys j j j j
wait_for_text "n 4 · blank 1 · mean 8.5 · median 8.5"
assert_screen_contains "5. Hvor relevant var kurset for deg?"
dump_screen | grep -E "^ +10 │█+ +1  25 %" >/dev/null || fail "value 10 on question 5: one answer, a bar and 25 %"
dump_screen | grep -E "^ +0 │ +0   0 %" >/dev/null || fail "value 0 on question 5: no bar, 0"
keys j j j
wait_for_text "n 5 · blank 0 · mean 5.8 · median 7.0"
keys j j
wait_for_text "n 5 · blank 0 · mean 7.6 · median 8.0"
assert_screen_contains "10. Totalt sett"
# The written answers: the first ones, Enter lists them all.
keys j
wait_for_text "2 written answers · blank 3"
keys Enter
wait_for_text "Written answers to 11. Hva var bra?"
assert_screen_contains "北京 og Ålesund"
keys Escape
wait_for_text "Results: Leve med KOLS"
keys G
wait_for_text "compared with the course's earlier runs"
assert_screen_contains "No earlier run of the course has forms on this questionnaire yet."

# Narrow terminal: still drawn, nothing garbled.
resize 60 16
keys g
wait_for_text "> 1. Jeg er"
resize 100 30
keys q q
wait_for_text "Evaluation: 1 run in evaluation"
keys q q
expect_eq "exit status" "0" "$(wait_exit)"
echo "ok"
