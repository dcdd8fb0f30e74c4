#!/usr/bin/env bash
# Journey: the terminal shrinks below 60x16 in the middle of a form. The
# screen says so (and what it needs), grows back, and the form still holds
# what was typed; saving it works.
. "$(dirname "$0")/lib.sh"

start
wait_for_text "Welcome to lmskurs"
keys Enter
wait_for_text "No people yet"
keys a
wait_for_text "New person"
type_text "Bjørn Ærø-Łukasiewicz"
keys Tab Tab
type_text "fysioterapeut"
wait_for_text "fysioterapeut"

resize 30 10
wait_for_text "too small"
assert_screen_contains "have 30x10"
assert_screen_lacks "Bjørn"
# Keys other than q do nothing while too small (no typing blind).
type_text "x"

resize 100 30
wait_for_text "Bjørn Ærø-Łukasiewicz"
assert_screen_contains "fysioterapeut"
assert_screen_lacks "too small"
assert_screen_lacks "fysioterapeutx"
keys C-s
wait_for_text "Added Bjørn Ærø-Łukasiewicz."
expect_eq "stored" "Bjørn Ærø-Łukasiewicz|professional|fysioterapeut" \
	"$(sql "SELECT name, kind, profession FROM person")"

# Too small on the list, then q quits from the too-small screen.
resize 50 12
wait_for_text "too small"
keys q
expect_eq "exit status" "0" "$(wait_exit)"
echo "ok"
