#!/usr/bin/env bash
# Journey: from a planned course to its first run, and the refusals on the
# way. A run of a course still in planning is refused with the core's
# reason (the form keeps what was typed); once active, a new run is laid
# out from the session plan, a session on 17 May is flagged as a public
# holiday and the run opens. A course with a run cannot be deleted (the
# dialog says so); a meeting records who attended and whether in person;
# an edit that loses a race keeps the typed text and overwrites nothing.
. "$(dirname "$0")/lib.sh"

cli() {
	local -a env_vars
	mapfile -d '' env_vars < <(e2e_env)
	env -i "${env_vars[@]}" "$LMSKURS_BIN" --db "$E2E_DB" "$@"
}

cli init >/dev/null
cli person add --name "Bjørg Løvås" --kind professional --profession lungesykepleier >/dev/null
cli person add --name "Nguyễn Thị Hương" --kind user_rep --organisation LHL >/dev/null
now="2027-01-10T09:00:00"
sql "INSERT INTO course (id, title, audience, phase, owner_id, created_at, updated_at)
     VALUES (1, 'KOLS-skole på Østlandet', 'patients', 'planning', 1, '$now', '$now')" >/dev/null
sql "INSERT INTO planning_member (course_id, person_id, added_at) VALUES (1, 1, '$now'), (1, 2, '$now')" >/dev/null
sql "INSERT INTO course_part (course_id, position, topic, minutes) VALUES
     (1, 1, 'Hva er KOLS?', 120), (1, 2, 'Pust og fysisk aktivitet', 90)" >/dev/null

start
wait_for_text "lmskurs · Home"
keys Enter
wait_for_text "Courses: 1 course"
keys Enter
wait_for_text "Course: KOLS-skole på Østlandet (planning)"

# ---- a run of a course in planning is refused; the form keeps the text ----
keys 6
wait_for_text "[Runs]"
assert_screen_contains "No runs of this course yet"
keys a
wait_for_text "New run of KOLS-skole på Østlandet"
type_text "Våren 2027"
keys Tab Tab
type_text "12"
keys Tab
type_text "10.05.2027"
wait_for_text "Mon 10.05.2027 wk 19"
keys Tab Tab
type_text "17:00"
keys Tab
type_text "Auditoriet"
keys C-s
wait_for_text "it must finish planning (be active) before a run can be"
assert_screen_contains "Våren 2027"
assert_screen_contains "Auditoriet"
expect_eq "no run" "0" "$(sql "SELECT count(*) FROM run")"
keys Escape
wait_for_text "Close without saving?"
keys y
wait_for_text "[Runs]"

# ---- planning → active: every condition met ----
keys 4
wait_for_text "Phase: planning"
keys '>'
wait_for_text "Every condition for active is met. Move there now?"
keys n
wait_for_text "The phase was not changed."
expect_eq "still planning" "planning" "$(sql "SELECT phase FROM course")"
keys '>'
wait_for_text "Every condition for active is met. Move there now?"
keys y
wait_for_text "Moved to active."

# ---- the run: laid out from the plan, 17 May flagged, the run opens ----
keys 6 a
wait_for_text "New run of KOLS-skole på Østlandet"
type_text "Våren 2027"
keys Tab Tab
type_text "12"
keys Tab
type_text "10.05.2027"
keys Tab Tab
type_text "17:00"
keys Tab
type_text "Auditoriet"
keys C-s
wait_for_text "Public holiday"
assert_screen_contains "Session 2, Mon 17.05.2027 wk 20: Constitution Day"
assert_screen_contains "Added the run with 2 sessions."
keys Enter
wait_for_text "Run: KOLS-skole på Østlandet · Våren 2027"
expect_eq "run stored" "Våren 2027|12|scheduling" "$(sql "SELECT title, capacity, phase FROM run")"
expect_eq "sessions laid out" "1|2027-05-10T17:00|2027-05-10T19:00|Auditoriet|Hva er KOLS?
2|2027-05-17T17:00|2027-05-17T18:30|Auditoriet|Pust og fysisk aktivitet" \
	"$(sql "SELECT seq, starts_at, ends_at, room, topic FROM session ORDER BY seq")"
keys Escape
wait_for_text "[Runs]"
dump_screen | grep -F "Våren 2027" | grep -F "Mon 10.05.2027 wk 19" | grep -F "! 2 of 2 unpaired" | grep -qF "0 of 12" ||
	fail "the run row should show its first date, pairing in words and places"

# ---- a course with a run cannot be deleted ----
keys 1 d
wait_for_text "Delete course"
assert_screen_contains "It has 1 run."
keys y
wait_for_text "Not deleted"
assert_screen_contains "This course has 1 run; a course with runs cannot be deleted."
assert_screen_contains "Retire it instead."
keys Enter
wait_gone "Not deleted"
expect_eq "course kept" "1" "$(sql "SELECT count(*) FROM course")"

# ---- a meeting and who attended ----
keys 5 a
wait_for_text "New meeting"
keys Tab Tab
type_text "12.01.2027"
keys Tab
type_text "12:00"
keys Tab
type_text "14:00"
keys Tab
type_text "Møterom Ø"
keys C-s
wait_for_text "Added the meeting"
assert_screen_contains "Tue 12.01.2027 wk 2"
keys Enter
wait_for_text "Meeting: planning meeting, Tue 12.01.2027 wk 2 12:00–14:00"
keys a
wait_for_text "Who attended?"
type_text "Hương"
wait_for_text "1/1"
keys Enter
wait_for_text "Recorded that Nguyễn Thị Hương attended in person"
keys Space
wait_for_text "remote"
expect_eq "attendee" "2|0" "$(sql "SELECT person_id, in_person FROM meeting_attendee")"
keys Escape
wait_for_text "[Meetings]"

# ---- an edit that loses a race keeps what was typed ----
keys 1 e
wait_for_text "Edit course: KOLS-skole på Østlandet"
sql "UPDATE course SET why = 'endret av en annen', version = version + 1" >/dev/null
wait_for_text "Someone else changed this course meanwhile" 3
keys Tab Tab
type_text "Mange med KOLS er ensomme."
keys C-s
wait_for_text "changed by someone else meanwhile"
assert_screen_contains "Mange med KOLS er ensomme."
expect_eq "not overwritten" "endret av en annen" "$(sql "SELECT why FROM course")"
keys Escape
wait_for_text "Close without saving?"
keys y
wait_for_text "[Overview]"
assert_screen_contains "endret av en annen"

keys Escape
wait_for_text "Courses: 1 course"
keys Escape
wait_for_text "lmskurs · Home"
keys q
expect_eq "exit status" "0" "$(wait_exit)"
echo "ok"
