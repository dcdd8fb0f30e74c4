#!/usr/bin/env bash
# Journey: a coordinator plans a course from nothing. Two people exist
# (made with `lmskurs person add`); through the screens she creates the
# course with an owner, forms the planning group of a professional and a
# user representative, writes a session plan of two parts (a length out of
# range is refused and the form keeps what was typed), ticks the checklist
# and moves the course idea → planning → active through the gate dialog:
# once passing an unticked item with a written reason (an empty reason is
# refused, Esc changes nothing), once with every condition met. The
# database then holds all of it.
. "$(dirname "$0")/lib.sh"

cli() {
	local -a env_vars
	mapfile -d '' env_vars < <(e2e_env)
	env -i "${env_vars[@]}" "$LMSKURS_BIN" --db "$E2E_DB" "$@"
}

cli init >/dev/null
cli person add --name "Ingrid Sæther-Øvrebø" --kind professional --profession sykepleier >/dev/null
cli person add --name "Ahmad Karimi كريمي" --kind user_rep --organisation LHL >/dev/null
ingrid=$(sql "SELECT id FROM person WHERE kind = 'professional'")
ahmad=$(sql "SELECT id FROM person WHERE kind = 'user_rep'")

start
wait_for_text "lmskurs · Home"
keys Enter
wait_for_text "Courses: 0 courses"
assert_screen_contains "No courses yet: press a to add the first."

# ---- idea and anchoring: the new-course form ----
keys a
wait_for_text "New course"
type_text "Leve med hjertesvikt – for pårørende"
keys Tab Right Tab
type_text "Pårørende står ofte alene med ansvaret."
keys Tab Enter
wait_for_text "Type to filter"
type_text "Sæther"
wait_for_text "1/1"
keys Enter
wait_gone "Type to filter"
assert_screen_contains "Ingrid Sæther-Øvrebø"
keys Tab
type_text "Klinikksjef Ødegård"
keys C-s
wait_for_text "Added the course Leve med hjertesvikt – for pårørende."
assert_screen_contains "Course: Leve med hjertesvikt – for pårørende (idea and anchoring)"
assert_screen_contains "[Overview]"
assert_screen_contains "Klinikksjef Ødegård"
expect_eq "stored course" "Leve med hjertesvikt – for pårørende|relatives|idea|$ingrid|Klinikksjef Ødegård" \
	"$(sql "SELECT title, audience, phase, owner_id, management_backing FROM course")"

# ---- planning group: both kinds, said in words ----
keys Tab
wait_for_text "[Planning group]"
assert_screen_contains "Professionals: 0, user representatives: 0 — a professional and a user representative are"
keys a
wait_for_text "Add to the planning group"
type_text "Ingrid"
wait_for_text "1/1"
keys Enter
wait_for_text "Added Ingrid Sæther-Øvrebø to the planning group."
assert_screen_contains "Professionals: 1, user representatives: 0 — a user representative is missing."
keys a
wait_for_text "Add to the planning group"
type_text "كريمي"
wait_for_text "1/1"
keys Enter
wait_for_text "Added Ahmad Karimi كريمي to the planning group."
assert_screen_contains "Professionals: 1, user representatives: 1 — both kinds are in the group."
dump_screen | grep -F "Ahmad Karimi كريمي" | grep -F "user representative" | grep -qF "LHL" ||
	fail "the member row should show name, kind and organisation"

# ---- session plan: two parts; an out-of-range length is refused ----
keys Tab
wait_for_text "The session plan is empty"
keys a
wait_for_text "New part of the session plan"
type_text "Hva er hjertesvikt?"
keys Tab
type_text "90"
keys C-s
wait_for_text "Added the part Hva er hjertesvikt?."
keys a
wait_for_text "New part of the session plan"
type_text "Å leve med det – erfaringer"
keys Tab
type_text "900"
keys C-s
wait_for_text "Minutes: write a whole number from 5 to 720"
assert_screen_contains "Å leve med det – erfaringer"
expect_eq "refused part not stored" "1" "$(sql "SELECT count(*) FROM course_part")"
keys C-u
type_text "60"
keys Tab Right Right
keys C-s
wait_for_text "Added the part Å leve med det – erfaringer."
assert_screen_contains "2 parts, 2 h 30 min in all."
dump_screen | grep -F "Å leve med det – erfaringer" | grep -F "1 h" | grep -qF "user representative" ||
	fail "the second part should show its length and that it needs a user representative"

# ---- checklist and phase: idea → planning with a reason ----
keys Tab
wait_for_text "Phase: idea and anchoring"
assert_screen_contains "Moves: > next: planning"
assert_screen_contains "[ ]  Kurseier er utpekt"
# Tick every item but the last ("Kurseier er utpekt").
items=$(sql "SELECT count(*) FROM checklist_item WHERE course_id = 1 AND phase = 'idea'")
for ((i = 1; i < items; i++)); do
	keys Space j
	wait_for_text "$((i + 1))/$items"
done
wait_for_text "[x]"
expect_eq "ticked in idea" "$((items - 1))" \
	"$(sql "SELECT count(*) FROM checklist_item WHERE course_id = 1 AND phase = 'idea' AND done = 1")"

keys '>'
wait_for_text "Not met for moving to planning:"
assert_screen_contains "- checklist: 'Kurseier er utpekt' is not ticked"
assert_screen_contains "To move on anyway, write why."
# Esc: nothing changes.
keys Escape
wait_for_text "The phase was not changed."
expect_eq "still idea" "idea" "$(sql "SELECT phase FROM course")"
# An empty reason is refused in the box.
keys '>'
wait_for_text "Not met for moving to planning:"
keys C-s
wait_for_text "Write a reason first"
type_text "Eier utpekt muntlig – vedtak i mars (Åse)"
keys C-s
wait_for_text "Moved to planning."
wait_for_text "Phase: planning"
assert_screen_contains "Course: Leve med hjertesvikt – for pårørende (planning)"
assert_screen_contains 'idea and anchoring → planning'
assert_screen_contains '"Eier utpekt muntlig – vedtak i mars'
wait_for_text "1/6"

# ---- planning → active with everything met ----
items=$(sql "SELECT count(*) FROM checklist_item WHERE course_id = 1 AND phase = 'planning'")
for ((i = 1; i <= items; i++)); do
	keys Space j
	wait_for_text "$((i < items ? i + 1 : items))/$items"
done
sleep 0.3
expect_eq "ticked in planning" "$items" \
	"$(sql "SELECT count(*) FROM checklist_item WHERE course_id = 1 AND phase = 'planning' AND done = 1")"
keys '>'
wait_for_text "Every condition for active is met. Move there now?"
keys y
wait_for_text "Moved to active."
assert_screen_contains "Course: Leve med hjertesvikt – for pårørende (active)"
assert_screen_contains "This phase has no checklist"

# ---- what the database holds ----
expect_eq "phase" "active" "$(sql "SELECT phase FROM course")"
expect_eq "planning group" "$ingrid|professional
$ahmad|user_rep" \
	"$(sql "SELECT m.person_id, p.kind FROM planning_member m JOIN person p ON p.id = m.person_id WHERE m.course_id = 1 ORDER BY p.kind")"
expect_eq "session plan" "1|Hva er hjertesvikt?|90|both
2|Å leve med det – erfaringer|60|user_rep" \
	"$(sql "SELECT position, topic, minutes, needs FROM course_part WHERE course_id = 1 ORDER BY position")"
expect_eq "override kept" "idea|planning|Eier utpekt muntlig – vedtak i mars (Åse)" \
	"$(sql "SELECT from_phase, to_phase, reason FROM gate_override WHERE course_id = 1")"
sql "SELECT unmet FROM gate_override" | grep -qF "Kurseier er utpekt" || fail "the override should keep what was unmet"
expect_eq "phase moves audited" "idea->planning
planning->active" "$(sql "SELECT detail FROM audit WHERE entity = 'course' AND action = 'phase' ORDER BY id")"

# Back in the catalogue the course shows as active; q leaves.
keys Escape
wait_for_text "Courses: 1 course"
dump_screen | grep -F "Leve med hjertesvikt" | grep -F "active" | grep -qF "relatives" ||
	fail "the catalogue row should show phase and audience"
keys Escape
wait_for_text "lmskurs · Home"
keys q
expect_eq "exit status" "0" "$(wait_exit)"
echo "ok"
