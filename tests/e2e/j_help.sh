#!/usr/bin/env bash
# Journey: ? shows the keys of the current screen, generated from the key
# table; in a form (typed text) F1 does, and printable keys are not listed.
. "$(dirname "$0")/lib.sh"

start
wait_for_text "Welcome to lmskurs"
assert_screen_contains "? help"
keys Enter
wait_for_text "No people yet"
keys "?"
wait_for_text "Keys for People"
for line in "Moving" "Up, k" "Move up one row" "PgDn" "Screens" "Esc, q" \
	"Filter the list as you type" "Changing" "Add a new entry" \
	"Delete the selected entry (asks first)" "Everywhere" "?, F1" "Ctrl-C" "Quit lmskurs"; do
	assert_screen_contains "$line"
done
# Only what People offers: no form keys here.
assert_screen_lacks "Ctrl-S"
assert_screen_lacks "Go to the next field"
keys Escape
wait_for_text "People: 0 people"

# In the form, ? is text and F1 is help.
keys a
wait_for_text "New person"
type_text "Hva?"
keys F1
wait_for_text "Keys for Person form"
for line in "Ctrl-S, F2" "Save" "Close without saving" "Go to the next field" \
	"Ctrl-U" "Erase from the start of the line" "F1"; do
	assert_screen_contains "$line"
done
assert_screen_lacks "?, F1"
keys Escape
wait_for_text "New person"
assert_screen_contains "Hva?"
keys Escape
wait_for_text "Close without saving?"
keys y
wait_for_text "People: 0 people"
expect_eq "nothing saved" "0" "$(sql "SELECT count(*) FROM person")"

# Ctrl-C quits from anywhere, restoring the terminal: a normal exit.
keys a
wait_for_text "New person"
keys C-c
expect_eq "exit status after Ctrl-C" "0" "$(wait_exit)"
echo "ok"
