#!/usr/bin/env bash
# Journey 1: a coordinator starts lmskurs on an empty database and, only
# through the screens, takes a course from nothing to a run open for
# registration. The welcome greets her; on People she adds a professional
# and a user representative; on Courses she creates a course with an
# owner, forms the planning group of both kinds (the screen says both are
# there), writes a session plan of two parts, ticks the checklists and
# moves the course idea → planning → active through the gate dialog. On
# the course's Runs tab she schedules a weekly run from a Monday about
# three months ahead with 12 places (if the app warns of a public holiday,
# she lays it out again a week later), pairs every session with F, meets
# the gate's checklist (C) and opens registration with >. The database
# then holds all of it, and the audit log the phase moves.
#
# J1_FIRST_DATE=dd.mm.yyyy overrides the first date (to try the holiday
# path, e.g. 10.05.2027: its second session falls on 17 May).
. "$(dirname "$0")/lib.sh"

# Poll a query until it gives EXPECTED (the screens write, then redraw).
wait_sql() {
	local expected=$1 query=$2 secs=${3:-5} i
	for ((i = 0; i < secs * 10; i++)); do
		[ "$(sql "$query")" = "$expected" ] && return 0
		sleep 0.1
	done
	fail "waited ${secs}s for [$expected] from: $query (got [$(sql "$query")])"
}

# Wait until one of the texts is on the screen; prints which one.
wait_for_one_of() {
	local secs=$1 i t
	shift
	for ((i = 0; i < secs * 10; i++)); do
		for t in "$@"; do
			if screen_has "$t"; then
				printf '%s\n' "$t"
				return 0
			fi
		done
		sleep 0.1
	done
	fail "waited ${secs}s for one of: $*"
}

# Tick every item of a checklist screen, top to bottom: Space ticks the
# selected item (the database says when), j moves down.
tick_all() {
	local count_query=$1 n=$2 i
	for ((i = 1; i <= n; i++)); do
		keys Space
		wait_sql "$i" "$count_query"
		((i < n)) && keys j && wait_for_text "$((i + 1))/$n"
	done
	return 0
}

# The first date: a Monday about three months ahead, in the app's time zone.
ahead=$(TZ=Europe/Oslo date -d "+3 months" +%F)
dow=$(date -d "$ahead" +%u)
first_iso=$(date -d "$ahead +$(((8 - dow) % 7)) days" +%F)
if [ -n "${J1_FIRST_DATE:-}" ]; then
	first_iso=$(date -d "$(echo "$J1_FIRST_DATE" | awk -F. '{print $3 "-" $2 "-" $1}')" +%F)
fi
dmy() { date -d "$1" +%d.%m.%Y; }
shown() { echo "$(LC_ALL=C date -d "$1" +%a) $(dmy "$1") wk $((10#$(date -d "$1" +%V)))"; }

t0=$SECONDS
start

# ---- first start: the welcome on an empty database ----
wait_for_text "Welcome to lmskurs"
assert_screen_contains "plan, run and evaluate group courses by the standard method"
assert_screen_contains "Begin with c to create the first course, or d to load example data"
assert_screen_contains "0 courses"
assert_screen_contains "0 people"
cursor_line | grep -qF "> People" || fail "an empty database should select People: [$(cursor_line)]"

# ---- People: a professional and a user representative ----
keys Enter
wait_for_text "No people yet"
keys a
wait_for_text "New person"
assert_screen_contains "Kind*         < professional >"
type_text "Ingrid Sæther-Øvrebø"
keys Tab Tab
type_text "sykepleier"
keys C-s
wait_for_text "Added Ingrid Sæther-Øvrebø."
assert_screen_contains "People: 1 person"

keys a
wait_for_text "New person"
type_text "Nguyễn Thị Hương"
keys Tab Right
wait_for_text "< user representative >"
keys Tab Tab
type_text "LHL"
keys C-s
wait_for_text "Added Nguyễn Thị Hương."
wait_for_text "People: 2 people"
dump_screen | grep -F "Ingrid Sæther-Øvrebø" | grep -F "professional" | grep -qF "sykepleier" ||
	fail "Ingrid's row should show her kind and profession"
dump_screen | grep -F "Nguyễn Thị Hương" | grep -F "user representative" | grep -qF "LHL" ||
	fail "Hương's row should show her kind and organisation"
expect_eq "people stored" "Ingrid Sæther-Øvrebø|professional|sykepleier|
Nguyễn Thị Hương|user_rep||LHL" \
	"$(sql "SELECT name, kind, profession, organisation FROM person ORDER BY id")"

# ---- Courses: a new course with an owner (idea and anchoring) ----
keys Escape
wait_for_text "lmskurs · Home"
assert_screen_contains "2 people"
keys g
wait_for_text "> Courses"
keys Enter
wait_for_text "Courses: 0 courses"
assert_screen_contains "No courses yet: press a to add the first."
keys a
wait_for_text "New course"
assert_screen_contains "Audience*           < patients >"
type_text "Leve med hjertesvikt"
keys Tab Tab
type_text "Mange med hjertesvikt vil lære å mestre hverdagen."
keys Tab Enter
wait_for_text "Type to filter"
type_text "Ingrid"
wait_for_text "1/1"
keys Enter
wait_gone "Type to filter"
assert_screen_contains "Ingrid Sæther-Øvrebø"
keys Tab
type_text "Klinikksjef Ødegård"
keys C-s
wait_for_text "Added the course Leve med hjertesvikt."
assert_screen_contains "Course: Leve med hjertesvikt (idea and anchoring)"
assert_screen_contains "[Overview]"
dump_screen | grep -F "Owner" | grep -qF "Ingrid Sæther-Øvrebø" || fail "the overview should name the owner"
expect_eq "course stored" "Leve med hjertesvikt|patients|idea|1|Klinikksjef Ødegård" \
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
type_text "Hương"
wait_for_text "1/1"
keys Enter
wait_for_text "Added Nguyễn Thị Hương to the planning group."
assert_screen_contains "Professionals: 1, user representatives: 1 — both kinds are in the group."
assert_screen_lacks "! Professionals"

# ---- session plan: two parts ----
keys Tab
wait_for_text "[Session plan]"
assert_screen_contains "The session plan is empty"
keys a
wait_for_text "New part of the session plan"
type_text "Hva er hjertesvikt?"
keys Tab
type_text "120"
keys C-s
wait_for_text "Added the part Hva er hjertesvikt?."
keys a
wait_for_text "New part of the session plan"
type_text "Å leve med det – erfaringer"
keys Tab
type_text "90"
keys C-s
wait_for_text "Added the part Å leve med det – erfaringer."
assert_screen_contains "2 parts, 3 h 30 min in all."
dump_screen | grep -F "Å leve med det – erfaringer" | grep -qF "1 h 30 min" ||
	fail "the second part should show its length"

# ---- checklist and phase: idea → planning → active, every item ticked ----
keys Tab
wait_for_text "Phase: idea and anchoring"
assert_screen_contains "Moves: > next: planning"
n=$(sql "SELECT count(*) FROM checklist_item WHERE course_id = 1 AND phase = 'idea'")
wait_for_text "1/$n"
tick_all "SELECT count(*) FROM checklist_item WHERE course_id = 1 AND phase = 'idea' AND done = 1" "$n"
wait_for_text "[x]"
keys '>'
wait_for_text "Every condition for planning is met. Move there now?"
keys y
wait_for_text "Moved to planning."
wait_for_text "Phase: planning"
assert_screen_contains "Course: Leve med hjertesvikt (planning)"

n=$(sql "SELECT count(*) FROM checklist_item WHERE course_id = 1 AND phase = 'planning'")
wait_for_text "1/$n"
tick_all "SELECT count(*) FROM checklist_item WHERE course_id = 1 AND phase = 'planning' AND done = 1" "$n"
keys '>'
wait_for_text "Every condition for active is met. Move there now?"
keys y
wait_for_text "Moved to active."
assert_screen_contains "Course: Leve med hjertesvikt (active)"
assert_screen_contains "Phase: active"

# ---- the course's Runs tab: a weekly run from a Monday ~3 months ahead ----
keys 6
wait_for_text "[Runs]"
assert_screen_contains "No runs of this course yet"
keys a
wait_for_text "New run of Leve med hjertesvikt"
type_text "Våren"
keys Tab
type_text "LMS Oslo"
keys Tab
type_text "12"
keys Tab
type_text "$(dmy "$first_iso")"
wait_for_text "$(shown "$first_iso")"
keys Tab
assert_screen_contains "Rhythm*     < weekly >"
keys Tab
type_text "17:00"
keys Tab
type_text "Auditoriet"
keys C-s
wait_for_text "Added the run with 2 sessions."
run_view="Run: Leve med hjertesvikt · Våren"
got=$(wait_for_one_of 5 "Public holiday" "$run_view")
if [ "$got" = "Public holiday" ]; then
	# The run is made; Enter opens it, then s lays it out again a week later
	# until no session falls on a holiday.
	keys Enter
	wait_for_text "$run_view"
	for ((try = 1; ; try++)); do
		((try <= 6)) || fail "no Monday without a holiday found"
		first_iso=$(date -d "$first_iso +7 days" +%F)
		keys s
		wait_for_text "Lay out the sessions again?"
		keys y
		wait_for_text "First date*"
		keys C-u
		type_text "$(dmy "$first_iso")"
		wait_for_text "$(shown "$first_iso")"
		keys C-s
		wait_for_text "Laid out 2 sessions from the session plan."
		wait_for_text "$(shown "$first_iso")"
		screen_has "! holiday" || break
	done
	echo "note: a session fell on a public holiday; laid out again from $(dmy "$first_iso")"
fi
second_iso=$(date -d "$first_iso +7 days" +%F)
wait_for_text "$run_view"
assert_screen_contains "Phase: scheduling"
assert_screen_contains "Capacity: 12"
assert_screen_contains "Pairing: ! 2 sessions unpaired"
assert_screen_contains "$(shown "$first_iso")"
assert_screen_contains "$(shown "$second_iso")"
assert_screen_lacks "! holiday"

# ---- pair every session: F, the same two people for all ----
keys F
wait_for_text "Professional for every session"
type_text "Ingrid"
wait_for_text "Filter: Ingrid"
keys Enter
wait_for_text "User representative for every session"
type_text "Hương"
wait_for_text "Filter: Hương"
keys Enter
wait_for_text "Ingrid Sæther-Øvrebø and Nguyễn Thị Hương now lead all 2 planned sessions."
assert_screen_contains "Pairing: paired"
assert_screen_lacks "! missing"
assert_screen_contains "Facilitators: Ingrid Sæther-Øvrebø (professional), Nguyễn Thị Hương (user representative)"

# ---- registration: the gate asks for the checklist; C ticks it ----
keys '>'
got=$(wait_for_one_of 5 "Not met for moving to registration open:" "Every condition for registration open is met")
if [ "$got" = "Not met for moving to registration open:" ]; then
	assert_screen_contains "is not ticked"
	keys Escape
	wait_for_text "The phase was not changed."
	expect_eq "still scheduling" "scheduling" "$(sql "SELECT phase FROM run")"
	keys C
	wait_for_text "Checklist: Leve med hjertesvikt · Våren"
	assert_screen_contains "Phase now: scheduling."
	n=$(sql "SELECT count(*) FROM checklist_item WHERE run_id = 1 AND phase = 'scheduling'")
	wait_for_text "1/$n"
	tick_all "SELECT count(*) FROM checklist_item WHERE run_id = 1 AND phase = 'scheduling' AND done = 1" "$n"
	keys Escape
	wait_for_text "$run_view"
	keys '>'
	wait_for_text "Every condition for registration open is met"
fi
keys y
wait_for_text "Moved to registration open."
assert_screen_contains "Phase: registration open"
assert_screen_contains "Registered: 0/12"

# ---- what the database holds ----
expect_eq "people of both kinds" "professional|1
user_rep|1" "$(sql "SELECT kind, count(*) FROM person GROUP BY kind ORDER BY kind")"
expect_eq "course active" "Leve med hjertesvikt|active" "$(sql "SELECT title, phase FROM course")"
expect_eq "planning group" "professional
user_rep" \
	"$(sql "SELECT p.kind FROM planning_member m JOIN person p ON p.id = m.person_id WHERE m.course_id = 1 ORDER BY p.kind")"
expect_eq "session plan" "1|Hva er hjertesvikt?|120
2|Å leve med det – erfaringer|90" \
	"$(sql "SELECT position, topic, minutes FROM course_part WHERE course_id = 1 ORDER BY position")"
expect_eq "run" "1|Våren|LMS Oslo|registration|12" "$(sql "SELECT course_id, title, place, phase, capacity FROM run")"
expect_eq "sessions" "1|${first_iso}T17:00|${first_iso}T19:00|Auditoriet|planned
2|${second_iso}T17:00|${second_iso}T18:30|Auditoriet|planned" \
	"$(sql "SELECT seq, starts_at, ends_at, room, status FROM session WHERE run_id = 1 ORDER BY seq")"
expect_eq "a week apart" "7.0" \
	"$(sql "SELECT julianday(b.starts_at) - julianday(a.starts_at) FROM session a JOIN session b ON b.run_id = a.run_id AND b.seq = 2 WHERE a.seq = 1")"
expect_eq "each session paired" "1|1|1
2|1|1" "$(sql "SELECT s.seq, sum(p.kind = 'professional'), sum(p.kind = 'user_rep')
	FROM session s JOIN session_facilitator f ON f.session_id = s.id JOIN person p ON p.id = f.person_id
	WHERE s.run_id = 1 GROUP BY s.seq ORDER BY s.seq")"
expect_eq "the same two for all" "2" "$(sql "SELECT count(DISTINCT person_id) FROM session_facilitator")"
expect_eq "no gate passed with a reason" "0" "$(sql "SELECT count(*) FROM gate_override")"
expect_eq "phase moves audited" "course|1|idea->planning
course|1|planning->active
run|1|scheduling->registration" \
	"$(sql "SELECT entity, entity_id, detail FROM audit WHERE action = 'phase' ORDER BY id")"

# Back out: the course's Runs tab shows the run open and paired; q leaves.
keys Escape
wait_for_text "[Runs]"
dump_screen | grep -F "Våren" | grep -F "$(shown "$first_iso")" | grep -F "registration" | grep -qF "all 2 paired" ||
	fail "the Runs tab should show the run open for registration, paired"
keys Escape
wait_for_text "Courses: 1 course"
dump_screen | grep -F "Leve med hjertesvikt" | grep -qF "active" || fail "the catalogue should show the course active"
keys Escape
wait_for_text "lmskurs · Home"
keys q
expect_eq "exit status" "0" "$(wait_exit)"
echo "ok ($((SECONDS - t0)) s)"
