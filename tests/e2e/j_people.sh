#!/usr/bin/env bash
# Journey: a coordinator adds people through the form, finds them with the
# filter, edits one, meets another user's change (the list re-reads by
# itself; a stale edit is refused with the typed text kept) and deletes:
# a free person goes, a booked one is refused with the core's reason.
. "$(dirname "$0")/lib.sh"

start
wait_for_text "Welcome to lmskurs"
assert_screen_contains "0 people"
keys Enter
wait_for_text "No people yet"

# Add through the form: a user representative from LHL.
keys a
wait_for_text "New person"
type_text "Åse Ødegård-Bråten"
keys Tab Right Tab Tab
type_text "LHL"
keys Tab
type_text "ase@example.no"
keys C-s
wait_for_text "Added Åse Ødegård-Bråten."
assert_screen_contains "People: 1 person"
dump_screen | grep -F "Åse Ødegård-Bråten" | grep -F "user representative" | grep -qF "LHL" ||
	fail "the new row should show name, kind and organisation"
# The terminal cursor sits on the selected row (screen readers follow it).
cursor_line | grep -qF "> Åse Ødegård-Bråten" || fail "cursor not on the selected row: [$(cursor_line)]"
expect_eq "stored person" "Åse Ødegård-Bråten|user_rep|LHL|ase@example.no|1" \
	"$(sql "SELECT name, kind, organisation, email, version FROM person")"
expect_eq "audited" "1" "$(sql "SELECT count(*) FROM audit WHERE action = 'create' AND entity = 'person'")"

# A second person with CJK in the name, then the filter.
keys a
wait_for_text "New person"
type_text "Zhang Wei 张伟"
keys Tab Tab
type_text "lege"
keys C-s
wait_for_text "Added Zhang Wei 张伟."
keys /
type_text "degård"
wait_for_text 'People: 1 matching "degård"'
assert_screen_lacks "Zhang Wei"
keys Escape
wait_for_text "People: 2 people"
assert_screen_contains "Zhang Wei 张伟"
keys j
wait_for_text "2/2"
cursor_line | grep -qF "> Åse Ødegård-Bråten" || fail "cursor should follow j: [$(cursor_line)]"

# Edit Åse (first by name): add a phone number.
keys G e
wait_for_text "Edit person: Åse Ødegård-Bråten"
keys Tab Tab Tab Tab Tab
type_text "+47 912 34 567"
keys C-s
wait_for_text "Saved Åse Ødegård-Bråten."
expect_eq "edited" "+47 912 34 567|2" "$(sql "SELECT phone, version FROM person WHERE name = 'Åse Ødegård-Bråten'")"

# Details: contact and bookings tabs.
keys Enter
wait_for_text "Person: Åse Ødegård-Bråten"
assert_screen_contains "+47 912 34 567"
keys Tab
wait_for_text "Member of 0 planning groups."
keys Escape
wait_for_text "People: 2 people"

# Another user adds someone: the list re-reads on its own.
sql "INSERT INTO person (name, kind, created_at) VALUES ('Zoë Østby', 'professional', '2027-01-10T09:00:00')" >/dev/null
wait_for_text "People: 3 people" 3
assert_screen_contains "Zoë Østby"

# Another user changes Åse while we edit her: warned, then refused on save,
# and what we typed stays in the form.
keys G e
wait_for_text "Edit person: Åse Ødegård-Bråten"
sql "UPDATE person SET notes = 'endret av en annen', version = version + 1 WHERE name = 'Åse Ødegård-Bråten'" >/dev/null
wait_for_text "Someone else changed this person meanwhile" 3
keys Tab Tab Tab Tab Tab C-u
type_text "99 99 99 99"
keys C-s
wait_for_text "changed by someone else meanwhile"
assert_screen_contains "99 99 99 99"
assert_screen_contains "Edit person: Åse Ødegård-Bråten"
expect_eq "not overwritten" "+47 912 34 567|endret av en annen|3" \
	"$(sql "SELECT phone, notes, version FROM person WHERE name = 'Åse Ødegård-Bråten'")"
keys Escape
wait_for_text "Close without saving?"
keys y
wait_for_text "People: 3 people"

# Delete a free person: the dialog says she is booked for nothing.
keys /
type_text "Zoë"
wait_for_text 'People: 1 matching "Zoë"'
keys Enter d
wait_for_text "booked for nothing"
keys n
wait_for_text "Nothing was deleted."
expect_eq "kept after no" "1" "$(sql "SELECT count(*) FROM person WHERE name = 'Zoë Østby'")"
keys d
wait_for_text "booked for nothing"
keys y
wait_for_text "Deleted Zoë Østby."
expect_eq "deleted" "0" "$(sql "SELECT count(*) FROM person WHERE name = 'Zoë Østby'")"

# A booked person: the dialog says for what; the core refuses and says why.
sql "INSERT INTO course (id, title, audience, created_at, updated_at) VALUES (1, 'Leve med diabetes', 'patients', '2027-01-10T09:00:00', '2027-01-10T09:00:00')" >/dev/null
sql "INSERT INTO planning_member (course_id, person_id, added_at) SELECT 1, id, '2027-01-10T09:00:00' FROM person WHERE name = 'Åse Ødegård-Bråten'" >/dev/null
# The / line opens with the filter in force ("Zoë"); Ctrl-U empties it.
keys / C-u
type_text "degård"
wait_for_text 'People: 1 matching "degård"'
keys Enter d
wait_for_text "1 planning group"
keys y
wait_for_text "Not deleted"
assert_screen_contains "person inactive instead."
keys Enter
wait_gone "Not deleted"
expect_eq "booked person kept" "1" "$(sql "SELECT count(*) FROM person WHERE name = 'Åse Ødegård-Bråten'")"

# Back to Home (its count re-read) and quit: exit status 0.
keys Escape
wait_for_text "lmskurs · Home"
assert_screen_contains "2 people"
keys q
expect_eq "exit status" "0" "$(wait_exit)"
echo "ok"
