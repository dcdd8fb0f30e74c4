# shellcheck shell=bash
# CLI tests of `lmskurs privacy purge|erase`, `lmskurs audit` and
# `lmskurs restore`: sourced by run.sh, which runs every t_* function here
# in its own subshell with the helpers there (lk, ok, expect_rc, out_has,
# err_has, sql, DB ...).

# Three participants: two in a run closed in 2020 (due under any clock
# after 2021), one also in a run still taking registrations (never due).
pv_fixture() {
	init_db
	cat >"$T/pv.sql" <<'EOF'
INSERT INTO course (id, title, audience, phase, created_at, updated_at) VALUES
	(1, 'Leve med diabetes', 'both', 'active', '2020-01-01T00:00:00', '2020-01-01T00:00:00');
INSERT INTO run (id, course_id, title, phase, closed_at, created_at) VALUES
	(7, 1, 'Våren 2020', 'closed', '2020-06-01T12:00:00', '2020-01-01T00:00:00'),
	(8, 1, 'Høsten 2099', 'registration', NULL, '2020-01-01T00:00:00');
INSERT INTO participant (id, name, phone, email, notes, birth_year, created_at) VALUES
	(11, 'Qwøxzyt Ærlendsdóttir', '+4791234567', 'qe@example.no', 'Trenger tolk', 1961, '2020-01-02T10:00:00'),
	(12, 'Zbigniew Żółtowski', '', '', '', NULL, '2020-01-02T10:00:00'),
	(13, 'Kari Nordmann', '98765432', '', '', NULL, '2020-01-02T10:00:00');
INSERT INTO enrollment (id, run_id, participant_id, category, status, requested_at, placed_at) VALUES
	(21, 7, 11, 'patient', 'registered', '2020-01-03T10:00:00', '2020-01-03T10:00:00'),
	(22, 7, 12, 'relative', 'registered', '2020-01-03T10:00:00', '2020-01-03T10:00:00'),
	(23, 7, 13, 'patient', 'registered', '2020-01-03T10:00:00', '2020-01-03T10:00:00'),
	(24, 8, 13, 'patient', 'registered', '2020-01-03T10:00:00', '2020-01-03T10:00:00');
EOF
	sql_script "$(DB)" "$T/pv.sql"
}

pv_state() {
	sql "$(DB)" "SELECT id, name, phone, email, notes, coalesce(birth_year, ''), coalesce(purged_at, ''), version FROM participant ORDER BY id"
	sql "$(DB)" "SELECT id, status FROM enrollment ORDER BY id"
	sql "$(DB)" "SELECT count(*) FROM audit"
}

# The raw bytes of the database and its WAL.
pv_bytes_have() {
	cat "$(DB)" "$(DB)-wal" 2>/dev/null | grep -qaF -- "$1"
}

t_privacy_help() {
	ok help privacy
	out_has "Usage: lmskurs privacy purge [--dry-run] [--format text|tsv|csv]"
	out_has "Usage: lmskurs privacy erase PARTICIPANT"
	ok --help
	for c in "privacy purge" "privacy erase" "audit" "restore"; do
		grep -qE "^  $c +[^ ]" "$T/out" || fail "--help has no line for '$c'"
	done
}

t_privacy_dry_run_lists_numbers_and_changes_nothing() {
	pv_fixture
	before=$(pv_state)
	ok privacy purge --dry-run
	out_has "2 participants are due for removal (dry run: nothing was changed)."
	out_has "Retention: 12 months"
	grep -qE '^ *11 +01\.06\.2020 +7 +Leve med diabetes – Våren 2020$' "$T/out" || fail "row of no. 11"
	grep -qE '^ *12 +01\.06\.2020 ' "$T/out" || fail "row of no. 12"
	out_lacks "Qwøxzyt"
	out_lacks "Kari"
	out_lacks "13 "
	[ "$(pv_state)" = "$before" ] || fail "the dry run changed the database"
	ok privacy purge --dry-run --format tsv
	out_eq "participant_id	last_activity	last_run_id	last_run
11	2020-06-01	7	Leve med diabetes – Våren 2020
12	2020-06-01	7	Leve med diabetes – Våren 2020
"
}

t_privacy_purge_removes_the_names_everywhere() {
	pv_fixture
	pv_bytes_have "Qwøxzyt" || fail "the test must find the name first"
	ok privacy purge
	out_has "Removed the names and contact details of 2 participants"
	out_lacks "Qwøxzyt"
	[ "$(sql "$(DB)" "SELECT count(*) FROM participant WHERE name = '' AND phone = '' AND email = '' AND notes = '' AND birth_year IS NULL AND purged_at IS NOT NULL")" = 2 ] || fail "not cleared"
	[ "$(sql "$(DB)" "SELECT name FROM participant WHERE id = 13")" = "Kari Nordmann" ] || fail "the one in a live run went"
	[ "$(sql "$(DB)" "SELECT count(*) FROM enrollment")" = 4 ] || fail "enrollments must stay"
	[ "$(sql "$(DB)" "SELECT group_concat(entity_id) FROM audit WHERE action = 'purge'")" = "11,12" ] || fail "purge not audited per participant"
	for text in "Qwøxzyt" "Ærlendsdóttir" "Żółtowski" "+4791234567" "qe@example.no" "Trenger tolk"; do
		! pv_bytes_have "$text" || fail "'$text' is still in the database file or its WAL"
	done
	pv_bytes_have "Kari Nordmann" || fail "the byte search finds what is kept"
	ok privacy purge
	out_has "Removed the names and contact details of 0 participants"
}

t_privacy_refused_for_staff_and_user_reps() {
	pv_fixture
	ok user add boss --role coordinator
	for role in staff user_rep; do
		ok user set "$ME" --role "$role"
		before=$(pv_state)
		for args in "privacy purge" "privacy purge --dry-run" "privacy erase 11"; do
			eval lk $args
			expect_rc 2
			err_prefixed
			out_empty
		done
		[ "$(pv_state)" = "$before" ] || fail "a refused privacy command changed the database"
		python3 - "$(DB)" "$ME" <<'EOF'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("UPDATE app_user SET role = 'coordinator' WHERE login = ?", (sys.argv[2],))
c.commit()
EOF
	done
}

t_privacy_erase_one() {
	pv_fixture
	lk privacy erase 13
	expect_rc 2
	err_has "Høsten 2099"
	! grep -q "Kari" "$T/err" || fail "the refusal names the person"
	before=$(pv_state)
	lk privacy erase 999
	expect_rc 2
	err_has "999"
	lk privacy erase x1
	expect_rc 2
	err_has "Usage: lmskurs privacy erase PARTICIPANT"
	[ "$(pv_state)" = "$before" ] || fail "a refused erase changed the database"
	ok privacy erase 11
	out_has "participant no. 11"
	[ "$(sql "$(DB)" "SELECT name = '' AND purged_at IS NOT NULL FROM participant WHERE id = 11")" = 1 ] || fail "not erased"
	[ "$(sql "$(DB)" "SELECT count(*) FROM audit WHERE action = 'erase' AND entity_id = 11")" = 1 ] || fail "not audited"
	! pv_bytes_have "Qwøxzyt" || fail "the name is still in the files"
	pv_bytes_have "Żółtowski" || fail "the others stay"
	lk privacy erase 11
	expect_rc 2
	err_has "removed already"
}

t_audit_lists_oldest_first_and_is_logged() {
	pv_fixture
	ok person add --name "Åse Ødegård" --kind professional
	ok audit
	head -1 "$T/out" | grep -qE '^No\. +Time +Login +Role +Action +Record +Detail$' || fail "header"
	out_has "coordinator  create"
	out_has "person 1"
	grep -q "app_user 1 " "$T/out" || out_has "app_user 1"
	n=$(sql "$(DB)" "SELECT count(*) FROM audit WHERE action = 'export' AND entity = 'audit'")
	[ "$n" = 1 ] || fail "the listing is not logged as an export"
	ok audit --format csv
	head -1 "$T/out" | grep -q '^id,at,login,role,action,entity,entity_id,detail,hash' || fail "csv header"
	python3 - "$T/out" <<'EOF' || fail "csv rows wrong"
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))
ids = [int(r[0]) for r in rows[1:]]
assert ids == sorted(ids), "oldest first"
assert all(len(r[8]) == 64 for r in rows[1:]), "hashes"
assert rows[1][4] == "create" and rows[1][5] == "app_user"
EOF
	ok audit --search "person" --format tsv
	[ "$(tail -n +2 "$T/out" | cut -f6 | sort -u)" = "person" ] || fail "--search"
}

t_audit_filters_by_participant_and_date() {
	pv_fixture
	ok privacy erase 12
	ok audit --participant 12 --format tsv
	[ "$(tail -n +2 "$T/out" | cut -f5,6,7)" = "erase	participant	12" ] || fail "--participant 12: $(cat "$T/out")"
	today=$(date +%Y-%m-%d)
	ok audit --from "$today" --to "$today" --format tsv
	[ "$(wc -l <"$T/out")" -gt 2 ] || fail "--from/--to today lists today's entries"
	ok audit --from 2001-01-01 --to 31.12.2001
	out_eq "No entries found.
"
	lk audit --from 2027-02-01 --to 2027-01-01
	expect_rc 2
	err_has "--from must not be after --to"
	lk audit --from 2027-02-30
	expect_rc 2
	err_has "--from"
	lk audit --participant 0
	expect_rc 2
	lk audit --format xml
	expect_rc 2
}

t_audit_refused_for_others() {
	pv_fixture
	ok user add boss --role coordinator
	ok user set "$ME" --role staff
	n=$(sql "$(DB)" "SELECT count(*) FROM audit")
	lk audit
	expect_rc 2
	out_empty
	err_has "audit log"
	lk audit --verify
	expect_rc 2
	[ "$(sql "$(DB)" "SELECT count(*) FROM audit")" = "$n" ] || fail "a refusal was logged or changed something"
}

t_audit_tampering_is_found_by_check_and_verify() {
	pv_fixture
	ok privacy erase 11
	ok audit --verify
	out_has "The audit log is intact:"
	grep -qE '^Newest hash: [0-9a-f]{64}$' "$T/out" || fail "no newest hash"
	head=$(sed -n 's/^Newest hash: //p' "$T/out")
	[ "$head" = "$(sql "$(DB)" "SELECT hash FROM audit ORDER BY id DESC LIMIT 1")" ] || fail "wrong head"
	ok check
	# Someone hides the erasure with sqlite3 (the triggers dropped first).
	python3 - "$(DB)" <<'EOF'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.executescript("DROP TRIGGER audit_no_update; UPDATE audit SET login = 'someone.else' WHERE action = 'erase';")
c.commit()
EOF
	id=$(sql "$(DB)" "SELECT id FROM audit WHERE action = 'erase'")
	lk check
	expect_rc 1
	out_has "audit log: entry $id does not match the chain"
	lk audit --verify
	expect_rc 1
	out_has "entry $id"
}

t_restore_from_a_backup() {
	pv_fixture
	ok backup "$T/b.db"
	ok person add --name "Etter backupen" --kind professional
	[ "$(sql "$(DB)" "SELECT count(*) FROM person")" = 1 ] || fail "setup"
	ok restore "$T/b.db"
	out_has "Restored $T/b.db (database version"
	out_has "The previous database is kept as $(DB).before-restore-"
	aside=$(ls "$(DB)".before-restore-*)
	[ "$(stat -c %a "$aside")" = 600 ] || fail "aside copy is not 600"
	[ "$(sql "$aside" "SELECT count(*) FROM person")" = 1 ] || fail "aside lacks the newer person"
	[ "$(sql "$(DB)" "SELECT count(*) FROM person")" = 0 ] || fail "not restored"
	[ "$(sql "$(DB)" "SELECT count(*) FROM audit WHERE action = 'restore'")" = 1 ] || fail "not logged"
	[ ! -e "$T/b.db-wal" ] || fail "the backup got a -wal beside it"
	ok check
}

t_restore_refusals_change_nothing() {
	pv_fixture
	ok backup "$T/b.db"
	python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('CREATE TABLE t(x)'); c.commit()" "$T/other.db"
	before=$(pv_state)
	lk restore "$T/other.db"
	expect_rc 2
	err_has "not an lmskurs database"
	lk restore "$T/missing.db"
	expect_rc 2
	lk restore "$(DB)"
	expect_rc 2
	err_has "the database itself"
	lk restore
	expect_rc 2
	err_has "Usage: lmskurs restore FILE"
	ok user add boss --role coordinator
	ok user set "$ME" --role user_rep
	before=$(pv_state)
	lk restore "$T/b.db"
	expect_rc 2
	err_prefixed
	[ "$(pv_state)" = "$before" ] || fail "a refused restore changed the database"
	[ -z "$(ls "$(DB)".before-restore-* 2>/dev/null)" ] || fail "a refused restore left a file"
}

t_restore_over_a_damaged_database() {
	pv_fixture
	ok backup "$T/b.db"
	printf 'not a database any more' >"$(DB)"
	lk restore "$T/b.db"
	expect_rc 0
	err_has "warning: the current database does not open"
	out_has "Restored $T/b.db"
	aside=$(ls "$(DB)".before-restore-*)
	[ "$(cat "$aside")" = "not a database any more" ] || fail "the damaged file was not kept"
	[ "$(sql "$(DB)" "SELECT name FROM participant WHERE id = 11")" = "Qwøxzyt Ærlendsdóttir" ] || fail "not restored"
	ok check
}
