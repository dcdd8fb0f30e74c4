#!/usr/bin/env bash
# Journey: the very first start. An empty database shows the welcome (what
# lmskurs is, c for the first course, d for example data). c opens the form
# for a new course over the Courses list; leaving it unsaved keeps the
# welcome. d asks first, and "no" loads nothing; "yes" fills in the example
# centre, after which Home shows its counts and the two problems the
# example keeps on purpose (an unpaired session and a room booked twice);
# Enter on a warning opens its run. d on a database with data is refused;
# q leaves with status 0.
. "$(dirname "$0")/lib.sh"

start
wait_for_text "Welcome to lmskurs"
assert_screen_contains "Begin with c to create the first course, or d to load example data"
assert_screen_contains "0 courses"
assert_screen_contains "0 people"
assert_screen_contains "Nothing needs attention from today on."
# The terminal cursor sits on the selected section (People on an empty database).
cursor_line | grep -qF "> People" || fail "cursor not on People: [$(cursor_line)]"

# c: the form for the first course, over the Courses list.
keys c
wait_for_text "lmskurs · New course"
assert_screen_contains "Title*"
keys Escape
wait_for_text "Courses: 0 courses"
keys Escape
wait_for_text "Welcome to lmskurs"
expect_eq "no course made" "0" "$(sql "SELECT count(*) FROM course")"

# d asks first; no leaves the database as it was.
keys d
wait_for_text "Fill this database with an example centre"
keys n
wait_for_text "Nothing was loaded."
assert_screen_contains "Welcome to lmskurs"
expect_eq "nothing loaded" "0|0|0" "$(sql "SELECT (SELECT count(*) FROM course), (SELECT count(*) FROM person), (SELECT count(*) FROM run)")"

# yes: the example centre, then Home with counts and warnings.
keys d
wait_for_text "Fill this database with an example centre"
keys y
wait_for_text "Example data loaded: 10 courses, 30 people" 30
assert_screen_lacks "Welcome to lmskurs"
assert_screen_contains "10 courses"
assert_screen_contains "30 people"
dump_screen | grep -E "Runs +[1-9][0-9]* runs? not closed" >/dev/null || fail "Runs should count the runs not closed"
# The example keeps two problems on purpose; on some days a run may also
# wait at a gate, so at least two.
dump_screen | grep -E "Needs attention: ([2-9]|[1-9][0-9]+) things" >/dev/null || fail "at least two warnings expected"
dump_screen | grep -F "! 1 unpaired session on" | grep -qF "(missing user representative)" ||
	fail "the example's unpaired session should be a warning"
dump_screen | grep -E "! Room .* double booked on" >/dev/null || fail "the example's room clash should be a warning"
expect_eq "stored courses" "10" "$(sql "SELECT count(*) FROM course")"
runs=$(sql "SELECT count(*) FROM run WHERE phase NOT IN ('closed', 'cancelled')")
assert_screen_contains "$runs runs not closed"

# The warnings can be walked to (after the eight sections, unpaired ones
# first, then rooms); the selected one is also shown in full.
keys j j j j j j j j j
cursor_line | grep -qF "> ! Room" || fail "the ninth row down should be the room clash: [$(cursor_line)]"
keys k
cursor_line | grep -qF "> ! 1 unpaired session" || fail "k should select the warning above: [$(cursor_line)]"
assert_screen_contains "(missing user representative):"
# Enter opens the run the warning is about; Esc comes back to Home.
keys Enter
wait_for_text "lmskurs · Run:"
assert_screen_contains "Pairing:"
keys Escape
wait_for_text "Needs attention:"
cursor_line | grep -qF "> ! 1 unpaired session" || fail "the selection should be kept: [$(cursor_line)]"

# Example data goes only into an empty database.
keys d
wait_for_text "Example data goes only into an empty database"
expect_eq "still one centre" "10" "$(sql "SELECT count(*) FROM course")"

keys q
expect_eq "exit status" "0" "$(wait_exit)"
echo "ok"
