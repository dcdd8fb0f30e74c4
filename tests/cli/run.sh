#!/usr/bin/env bash
# CLI tests: run the real binary ($LMSKURS_BIN, default build/lmskurs) and
# assert on its output, exit status and the files it leaves. Every test runs
# in a subshell with a fresh temporary HOME and XDG folders, so the default
# database path is inside that folder. Prints one line per test and ends
# with "N passed, M failed"; exits non-zero when any test failed.
#
# Needs bash, python3 (its sqlite3 module, to look inside databases and to
# make fixtures) and coreutils. No network, no root.
set -u

HERE=$(cd "$(dirname "$0")" && pwd)
BIN=${LMSKURS_BIN:-build/lmskurs}
case $BIN in /*) ;; *) BIN=$PWD/$BIN ;; esac
FIXTURES=$HERE/fixtures
ROOT=$(mktemp -d "${TMPDIR:-/tmp}/lmskurs-cli.XXXXXX")
trap 'rm -rf "$ROOT"' EXIT

# ---- helpers (used inside a test's subshell) ----

fail() {
	echo "  $*"
	[ -f "$T/out" ] && { echo "  --- stdout:"; sed 's/^/  | /' "$T/out" | head -40; }
	[ -f "$T/err" ] && { echo "  --- stderr:"; sed 's/^/  | /' "$T/err" | head -20; }
	exit 1
}

# lk ARGS...: runs the binary; $rc, $T/out and $T/err hold what happened.
lk() {
	"$BIN" "$@" >"$T/out" 2>"$T/err"
	rc=$?
}

# ok ARGS...: runs the binary and insists on exit 0 with nothing on stderr.
ok() {
	lk "$@"
	[ "$rc" -eq 0 ] || fail "lmskurs $* exited $rc, expected 0"
	[ ! -s "$T/err" ] || fail "lmskurs $* wrote to stderr"
}

expect_rc() { [ "$rc" -eq "$1" ] || fail "exit status $rc, expected $1"; }
out_has() { grep -qF -- "$1" "$T/out" || fail "stdout lacks: $1"; }
out_lacks() { ! grep -qF -- "$1" "$T/out" || fail "stdout has: $1"; }
err_has() { grep -qF -- "$1" "$T/err" || fail "stderr lacks: $1"; }
out_empty() { [ ! -s "$T/out" ] || fail "stdout is not empty"; }
err_empty() { [ ! -s "$T/err" ] || fail "stderr is not empty"; }
# Every line on stderr is "lmskurs: ..." or a usage line (English: the
# driver sets LANGUAGE=en).
err_prefixed() {
	grep -qv -e '^lmskurs: ' -e '^Usage: ' -e '^    ' "$T/err" && fail "stderr has unprefixed lines"
	grep -q '^lmskurs: ' "$T/err" || fail "stderr has no 'lmskurs: ' message"
}
out_eq() {
	printf '%s' "$1" >"$T/expected"
	cmp -s "$T/expected" "$T/out" || { diff "$T/expected" "$T/out" | sed 's/^/  /'; fail "stdout differs"; }
}

DB() { echo "$XDG_DATA_HOME/lmskurs/lmskurs.db"; }

# sql DB QUERY: the rows of a query, one per line, fields joined by '|'.
sql() {
	python3 - "$1" "$2" <<'EOF'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
for row in c.execute(sys.argv[2]):
    print("|".join("" if v is None else str(v) for v in row))
c.commit()
EOF
}

# sql_script DB FILE: runs a file of SQL (fixtures).
sql_script() {
	python3 - "$1" "$2" <<'EOF'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.executescript(open(sys.argv[2], encoding="utf-8").read())
c.commit()
EOF
}

# dump DB: every row of the tables a refused command must not touch.
dump() {
	sql "$1" "SELECT 'p', * FROM person UNION ALL SELECT 'u', id, login, role, coalesce(person_id, ''), active, version, '', '', '', '', '' FROM app_user ORDER BY 1, 2"
	sql "$1" "SELECT count(*) FROM audit"
}

# display_cols FILE NEEDLE...: for each line of FILE, the terminal column
# where the first of the NEEDLEs found starts (East Asian wide = 2 columns,
# combining marks 0); lines without any are skipped.
display_cols() {
	python3 - "$@" <<'EOF'
import sys, unicodedata
def width(s):
    w = 0
    for ch in s:
        if unicodedata.combining(ch):
            continue
        w += 2 if unicodedata.east_asian_width(ch) in "WF" else 1
    return w
path, needles = sys.argv[1], sys.argv[2:]
for line in open(path, encoding="utf-8"):
    for n in needles:
        i = line.find(n)
        if i >= 0:
            print(width(line[:i]))
            break
EOF
}

# same_cols FILE N NEEDLE...: exactly N lines have a needle, all at one column.
same_cols() {
	local file=$1 n=$2
	shift 2
	local cols
	cols=$(display_cols "$file" "$@")
	[ "$(echo "$cols" | wc -l)" -eq "$n" ] || fail "expected $n lines with $*, got: $cols"
	[ "$(echo "$cols" | sort -u | wc -l)" -eq 1 ] || fail "columns do not line up: $(echo $cols)"
}

ME=$(id -un)

init_db() { ok init; }

add_people() {
	ok person add --name "Åse Ødegård" --kind professional --profession sykepleier
	ok person add --name "王秀英" --kind user_rep --organisation LHL
	ok person add --name 'Berg, Ola "Olli"' --kind professional --email ola@example.no
	ok person add --name "سارة الحربي" --kind user_rep --phone "+47 900 00 000"
}

load_plan() { sql_script "$(DB)" "$FIXTURES/plan.sql"; }

# ---- tests ----

t_help_lists_every_command() {
	ok --help
	out_has "Usage: lmskurs [--db PATH] [--config PATH] [--lang nb|en] [COMMAND ...]"
	for c in "init" "backup" "check" "demo" "user add" "user list" "user set" "person list" \
		"person add" "course list" "run list" "session list" "help"; do
		grep -qE "^  $c +[^ ]" "$T/out" || fail "--help has no line for '$c'"
	done
	for o in --db --config --lang --help --version; do out_has "  $o"; done
}

t_version() {
	ok --version
	want=$(sed -n 's/^VERSION *:= *//p' "$HERE/../../Makefile" 2>/dev/null)
	out_eq "lmskurs ${want:-0.1.0}
"
	[ "$(cat "$T/out")" = "lmskurs 0.1.0" ] || fail "version is not 0.1.0"
}

t_help_command() {
	ok help person add
	out_eq "Usage: lmskurs person add --name NAME --kind professional|user_rep [--profession P] [--organisation O] [--email E] [--phone P]
    add a professional or a user representative
"
	ok help user
	[ "$(grep -c '^Usage: lmskurs user ' "$T/out")" -eq 3 ] || fail "help user should show 3 commands"
	ok person list --help
	out_has "Usage: lmskurs person list"
	lk help frobnicate
	expect_rc 2
	out_empty
	err_prefixed
}

t_unknown_command() {
	lk frobnicate
	expect_rc 2
	out_empty
	err_has "lmskurs: "
	err_has "frobnicate"
	err_prefixed
	[ ! -e "$(DB)" ] || fail "an unknown command created a database"
}

t_missing_subcommand() {
	lk user
	expect_rc 2
	err_has "Usage: lmskurs user add"
	lk person delete
	expect_rc 2
	err_has "delete"
	out_empty
}

t_bad_options() {
	init_db
	lk person list --colour
	expect_rc 2
	err_has "--colour"
	err_has "Usage: lmskurs person list"
	err_prefixed
	out_empty
	lk person list --format
	expect_rc 2
	err_has "Usage: lmskurs person list"
	lk person list --format xml
	expect_rc 2
	err_has "xml"
	lk --nope
	expect_rc 2
	err_has "--nope"
	lk --db
	expect_rc 2
	lk backup
	expect_rc 2
	err_has "Usage: lmskurs backup FILE"
	lk backup a b
	expect_rc 2
	lk init extra
	expect_rc 2
}

t_init_creates_private_db() {
	ok init
	[ -f "$(DB)" ] || fail "no database at $(DB)"
	[ "$(stat -c %a "$(DB)")" = 600 ] || fail "database mode $(stat -c %a "$(DB)"), expected 600"
	[ "$(stat -c %a "$(dirname "$(DB)")")" = 700 ] || fail "folder mode is not 700"
	out_has "$(DB)"
	out_has "$ME"
	[ "$(sql "$(DB)" "SELECT login, role FROM app_user")" = "$ME|coordinator" ] || fail "not the first coordinator"
}

t_init_twice_is_fine() {
	ok init
	ok person add --name "Kari Nordmann" --kind professional
	ok init
	out_has "exists already"
	[ "$(sql "$(DB)" "SELECT count(*) FROM person")" = 1 ] || fail "second init changed the data"
}

t_missing_db_mentions_init() {
	lk person list
	expect_rc 2
	out_empty
	err_has "lmskurs init"
	err_prefixed
	[ ! -e "$(DB)" ] || fail "person list created a database"
	lk check
	expect_rc 2
	err_has "lmskurs init"
}

# Without a terminal the screens refuse in one line, before touching the
# database and without an escape byte.
t_no_command_without_terminal() {
	lk </dev/null
	expect_rc 2
	out_empty
	err_prefixed
	[ "$(wc -l <"$T/err")" -eq 1 ] || fail "more than one line on stderr"
	! grep -q $'\033' "$T/err" || fail "escape bytes on stderr"
	[ ! -e "$(DB)" ] || fail "a database was made without a terminal"
	TERM=dumb lk </dev/null
	expect_rc 2
}

t_db_option_and_config_path() {
	ok --db "$T/elsewhere.db" init
	[ -f "$T/elsewhere.db" ] || fail "--db ignored"
	[ ! -e "$(DB)" ] || fail "default database made despite --db"
	mkdir -p "$XDG_CONFIG_HOME/lmskurs"
	printf '[database]\npath = %s\n' "$T/from-config.db" >"$XDG_CONFIG_HOME/lmskurs/config.ini"
	ok init
	[ -f "$T/from-config.db" ] || fail "config's database path ignored"
	ok --db "$T/elsewhere.db" person list
	out_has "No people found."
}

t_person_add_and_list_text_aligned() {
	init_db
	add_people
	ok --lang en person list
	head -1 "$T/out" | grep -q '^No\.  Name' || fail "header is not first"
	[ "$(wc -l <"$T/out")" -eq 5 ] || fail "expected header + 4 rows"
	# The column after the names starts at one terminal column on every line.
	same_cols "$T/out" 5 "Kind" "professional" "user representative"
	same_cols "$T/out" 5 "Name" "Åse" "王秀英" "Berg" "سارة"
	grep -q ' $' "$T/out" && fail "lines end in spaces"
	# sorted by name
	[ "$(sed -n 2p "$T/out" | grep -c Berg)" = 1 ] || fail "not sorted by name"
	ok --lang en person list --kind user_rep
	[ "$(wc -l <"$T/out")" -eq 3 ] || fail "--kind user_rep should give 2 rows"
	out_lacks "Åse"
	ok person list --search "Ødeg"
	out_has "Åse Ødegård"
	out_lacks "王秀英"
	ok --lang en person list --search "nobody"
	out_eq "No people found.
"
}

t_person_list_tsv() {
	init_db
	add_people
	ok person list --format tsv
	printf 'id\tname\tkind\tprofession\torganisation\temail\tphone\n' >"$T/expected_head"
	head -1 "$T/out" | cmp -s - "$T/expected_head" || fail "tsv header differs"
	grep -qP '^\d+\t王秀英\tuser_rep\t\tLHL\t\t$' "$T/out" || fail "tsv row of 王秀英 wrong"
	grep -qP '^\d+\tBerg, Ola "Olli"\tprofessional\t\t\tola@example.no\t$' "$T/out" || fail "tsv row of Berg wrong"
	[ "$(awk -F'\t' '{print NF}' "$T/out" | sort -u)" = 7 ] || fail "not 7 fields on every line"
	grep -q $'\r' "$T/out" && fail "tsv has CR"
	true
}

t_person_list_csv_quoting() {
	init_db
	add_people
	ok person list --format csv
	python3 - "$T/out" <<'EOF' || fail "csv is not RFC 4180 as expected"
import csv, sys
raw = open(sys.argv[1], "rb").read()
assert raw.count(b"\r\n") == 5 and raw.count(b"\n") == 5, "CRLF line ends"
assert b'"Berg, Ola ""Olli"""' in raw, "quoted name"
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))
assert rows[0] == ["id", "name", "kind", "profession", "organisation", "email", "phone"], rows[0]
names = [r[1] for r in rows[1:]]
assert 'Berg, Ola "Olli"' in names and "王秀英" in names and "سارة الحربي" in names, names
assert all(len(r) == 7 for r in rows)
EOF
	# the header comes even when nothing matches
	ok person list --format csv --search nobody
	out_eq $'id,name,kind,profession,organisation,email,phone\r\n'
}

t_person_list_pages() {
	init_db
	python3 - "$(DB)" <<'EOF'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.executemany("INSERT INTO person (name, kind, created_at) VALUES (?, 'professional', '2027-01-01T00:00:00')",
              [("Person %04d" % i,) for i in range(1, 1203)])
c.commit()
EOF
	ok --lang en person list
	[ "$(wc -l <"$T/out")" -eq 1203 ] || fail "text list lost or doubled rows across pages"
	[ "$(grep -c '^No\.' "$T/out")" -eq 1 ] || fail "header printed more than once"
	[ "$(grep -o 'Person [0-9]*' "$T/out" | sort -u | wc -l)" -eq 1202 ] || fail "rows repeated"
	ok person list --format tsv
	[ "$(wc -l <"$T/out")" -eq 1203 ] || fail "tsv list lost rows"
}

t_person_add_refused_leaves_db_unchanged() {
	init_db
	add_people
	dump "$(DB)" >"$T/before"
	lk person add --kind professional
	expect_rc 2
	err_has "--name"
	lk person add --name "Ny Person"
	expect_rc 2
	err_has "--kind"
	lk person add --name "Ny Person" --kind doctor
	expect_rc 2
	err_has "doctor"
	lk person add --name "   " --kind professional
	expect_rc 2
	err_prefixed
	lk person add --name $'bad\xffname' --kind professional
	expect_rc 2
	err_has "UTF-8"
	lk person add --name $'line\nbreak' --kind professional
	expect_rc 2
	lk person add --name "$(head -c 201 /dev/zero | tr '\0' 'x')" --kind professional
	expect_rc 2
	err_has "too long"
	dump "$(DB)" >"$T/after"
	cmp -s "$T/before" "$T/after" || fail "a refused person add changed the database"
	ok person add --name "$(head -c 200 /dev/zero | tr '\0' 'y')" --kind professional
}

t_user_commands() {
	init_db
	ok user add kari.n --role staff
	out_has "kari.n"
	ok user list --format tsv
	out_eq "login	role	person_id	active
kari.n	staff		1
$ME	coordinator		1
"
	ok user set kari.n --role user_rep
	ok user list --format csv
	out_has $'kari.n,user_rep,,1\r'
	ok user set kari.n --role user_rep --inactive
	ok user list --format tsv
	out_has $'kari.n\tuser_rep\t\t0'
	ok person add --name "Per Brukerrep" --kind user_rep
	ok user add per --role user_rep --person 1
	ok --lang en user list
	grep -qE '^per +user representative +1 +yes$' "$T/out" || fail "linked person not shown"
}

t_user_refusals_leave_db_unchanged() {
	init_db
	ok user add kari --role staff
	dump "$(DB)" >"$T/before"
	lk user add kari --role staff
	expect_rc 2
	err_has "kari"
	lk user add "bad login" --role staff
	expect_rc 2
	lk user add ola --role boss
	expect_rc 2
	err_has "boss"
	lk user add ola
	expect_rc 2
	err_has "--role"
	lk user add ola --role staff --person 12x
	expect_rc 2
	err_has "12x"
	lk user add ola --role staff --person 99
	expect_rc 2
	err_has "99"
	lk user set "$ME" --role staff
	expect_rc 2
	err_has "last coordinator"
	lk user set nobody --role staff
	expect_rc 2
	lk user set kari
	expect_rc 2
	dump "$(DB)" >"$T/after"
	cmp -s "$T/before" "$T/after" || fail "a refused user command changed the database"
}

t_roles_checked_through_cli() {
	init_db
	ok user add boss --role coordinator
	ok user set "$ME" --role staff
	dump "$(DB)" >"$T/before"
	lk person add --name "Kari" --kind professional
	expect_rc 2
	err_prefixed
	lk user add ola --role staff
	expect_rc 2
	lk user list
	expect_rc 2
	dump "$(DB)" >"$T/after"
	cmp -s "$T/before" "$T/after" || fail "a refused command changed the database"
	ok person list
}

t_login_without_access() {
	init_db
	sql "$(DB)" "UPDATE app_user SET login = 'someone.else'"
	lk person list
	expect_rc 2
	out_empty
	err_has "lmskurs user add $ME"
}

t_backup_verified_copy() {
	init_db
	add_people
	ok backup "$T/copy.db"
	out_has "$T/copy.db"
	[ "$(stat -c %a "$T/copy.db")" = 600 ] || fail "backup is not mode 600"
	[ "$(sql "$T/copy.db" "PRAGMA integrity_check")" = ok ] || fail "copy fails integrity_check"
	[ "$(sql "$T/copy.db" "SELECT count(*) FROM person")" = 4 ] || fail "copy lacks people"
	ok --db "$T/copy.db" --lang en person list
	out_has "王秀英"
	md5=$(md5sum <"$T/copy.db")
	lk backup "$T/copy.db"
	expect_rc 2
	err_has "exists"
	out_empty
	[ "$(md5sum <"$T/copy.db")" = "$md5" ] || fail "refused backup changed the target"
	lk backup "$T/no/such/folder/x.db"
	expect_rc 2
	err_prefixed
}

t_backup_progress_only_on_a_tty() {
	init_db
	ok backup "$T/quiet.db"
	err_empty
	command -v script >/dev/null || { echo "  (no script(1): tty part skipped)"; return 0; }
	script -qec "$BIN backup $T/tty.db" /dev/null >"$T/out" 2>&1
	grep -q "100 %" "$T/out" || fail "no progress on a terminal"
	[ -f "$T/tty.db" ] || fail "no backup made on a terminal"
}

t_check_fresh_db() {
	init_db
	add_people
	ok check
	out_eq "No problems found.
"
}

t_check_finds_rule_problems() {
	init_db
	load_plan
	lk check
	expect_rc 1
	err_empty
	[ "$(wc -l <"$T/out")" -eq 2 ] || fail "expected exactly two problems"
	grep -q "10.03.2099.*missing user representative" "$T/out" || fail "unpaired session not reported"
	grep -q "17.05.2099" "$T/out" || fail "session on 17 May not reported"
	out_lacks "No problems found."
	# paired and moved off the holiday: nothing left
	sql "$(DB)" "INSERT INTO session_facilitator VALUES (32, 102)"
	sql "$(DB)" "UPDATE session SET starts_at = '2099-05-18T12:00', ends_at = '2099-05-18T15:30' WHERE id = 33"
	ok check
	out_eq "No problems found.
"
}

t_check_corrupted_copy() {
	init_db
	add_people
	load_plan
	ok backup "$T/c.db"
	size=$(stat -c %s "$T/c.db")
	[ "$size" -gt 40960 ] || fail "database unexpectedly small"
	head -c 8192 /dev/zero | tr '\0' '\377' | dd of="$T/c.db" bs=4096 seek=$((size / 4096 / 2)) conv=notrunc 2>/dev/null
	lk --db "$T/c.db" check
	[ "$rc" -ne 0 ] || fail "check passed a damaged file"
	[ -s "$T/out" ] || [ -s "$T/err" ] || fail "check said nothing"
	grep -qiE 'damage|integrity|malformed|corrupt|page' "$T/out" "$T/err" || fail "no message about the damage"
}

t_newer_database_refused() {
	init_db
	sql "$(DB)" "PRAGMA user_version = 99"
	lk person list
	expect_rc 2
	out_empty
	err_has "newer"
	[ "$(sql "$(DB)" "PRAGMA user_version")" = 99 ] || fail "newer database was touched"
}

t_not_an_lmskurs_db() {
	python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('CREATE TABLE t(x)'); c.commit()" "$T/other.db"
	lk --db "$T/other.db" person list
	expect_rc 2
	err_prefixed
}

t_lang_accepted() {
	unset LANGUAGE # the default: Norwegian bokmål
	ok --help
	out_has "lmskurs [--db PATH]"
	ok --lang en --help
	out_has "Usage:"
	ok --lang nb --help
	ok --lang en --version
	init_db
	ok --lang en person list
	ok --lang nb person list
	lk --lang de --help
	expect_rc 2
	err_has "de"
	mkdir -p "$XDG_CONFIG_HOME/lmskurs"
	printf '[ui]\nlanguage = en\n' >"$XDG_CONFIG_HOME/lmskurs/config.ini"
	ok person list
}

t_config_missing_is_fatal() {
	lk --config "$T/missing.ini" --help
	expect_rc 2
	err_has "missing.ini"
	out_empty
	init_db
	lk --config "$T/missing.ini" person list
	expect_rc 2
}

t_config_problems_are_warnings() {
	init_db
	mkdir -p "$XDG_CONFIG_HOME/lmskurs"
	printf '[ui]\nlanguage = en\nbogus = 1\n' >"$XDG_CONFIG_HOME/lmskurs/config.ini"
	lk person list
	expect_rc 0
	err_has "lmskurs: "
	err_has "config.ini:3"
	out_has "No people found."
	printf '[rules]\nbogus = 1\n' >"$T/named.ini"
	lk --config "$T/named.ini" person list
	expect_rc 0
	err_has "named.ini:2"
}

t_demo_example_centre() {
	ok demo --years 1 --seed 7
	[ -f "$(DB)" ] || fail "demo made no database"
	out_has "courses"
	[ "$(stat -c %a "$(DB)")" = 600 ] || fail "demo database is not mode 600"
	courses=$(sql "$(DB)" "SELECT count(*) FROM course")
	[ "$courses" -gt 0 ] || fail "demo made no courses"
	lk check
	expect_rc 1
	[ "$(wc -l <"$T/out")" -eq 2 ] || fail "the demo keeps exactly two problems"
	ok run list --format tsv
	[ "$(wc -l <"$T/out")" -gt 1 ] || fail "no runs listed"
	run=$(sed -n 2p "$T/out" | cut -f1)
	ok session list "$run" --format csv
	head -1 "$T/out" | grep -q '^seq,id,starts_at' || fail "session list of a demo run failed"
	dump "$(DB)" >"$T/before"
	lk demo
	expect_rc 2
	err_prefixed
	dump "$(DB)" >"$T/after"
	cmp -s "$T/before" "$T/after" || fail "a refused demo changed the database"
	[ "$(sql "$(DB)" "SELECT count(*) FROM course")" = "$courses" ] || fail "second demo added courses"
}

t_demo_bad_arguments() {
	for bad in "--years 0" "--years 51" "--years x" "--years 1.5" "--seed -1" "--seed 7z" "extra"; do
		eval lk demo $bad
		expect_rc 2
		err_has "Usage: lmskurs demo"
		out_empty
	done
	[ ! -e "$(DB)" ] || fail "a refused demo made a database"
}

t_course_list() {
	init_db
	load_plan
	ok --lang en course list
	out_has "Leve med diabetes"
	out_has "Åse Ødegård"
	out_has "03.03.2099"
	same_cols "$T/out" 3 "Audience" "patients" "relatives"
	ok course list --format csv
	python3 - "$T/out" <<'EOF' || fail "course csv wrong"
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))
assert rows[0] == ["id", "title", "audience", "phase", "owner", "runs", "next_run"], rows[0]
assert rows[1] == ["1", "Leve med diabetes", "patients", "active", "Åse Ødegård", "1", "2099-03-03"], rows[1]
assert rows[2] == ["2", 'Pårørendeskole, "psykisk helse"', "relatives", "idea", "", "0", ""], rows[2]
EOF
	ok course list --format tsv --phase idea
	[ "$(wc -l <"$T/out")" -eq 2 ] || fail "--phase idea should give one course"
	out_has "Pårørendeskole"
	ok course list --format tsv --audience patients --search diabetes
	[ "$(wc -l <"$T/out")" -eq 2 ] || fail "--audience/--search should give one course"
	lk course list --phase nonsense
	expect_rc 2
	err_has "nonsense"
	lk course list --audience kids
	expect_rc 2
}

t_run_list() {
	init_db
	load_plan
	ok --lang en run list
	out_has "Våren 2099"
	out_has "03.03.2099"
	out_has "17.05.2099"
	out_has "0/12"
	out_has "! 1 session unpaired"
	ok run list --format tsv
	out_eq "id	course_id	course	title	phase	first_date	last_date	place	capacity	registered	waitlisted	sessions	unpaired
7	1	Leve med diabetes	Våren 2099	scheduling	2099-03-03	2099-05-17	Aker, bygg 5	12	0	0	3	1
"
	ok run list --format tsv --year 2099 --course 1 --phase scheduling
	[ "$(wc -l <"$T/out")" -eq 2 ] || fail "filters should keep the run"
	ok run list --format tsv --year 2098
	[ "$(wc -l <"$T/out")" -eq 1 ] || fail "--year 2098 should give no run"
	ok --lang en run list --course 2
	out_eq "No runs found.
"
	for bad in "--year 20x9" "--year 99999" "--year -2099" "--course 0" "--course 1.5" "--course ''" "--phase running"; do
		eval lk run list $bad
		expect_rc 2
		err_has "Usage: lmskurs run list"
	done
}

t_session_list() {
	init_db
	load_plan
	ok --lang en session list 7
	head -1 "$T/out" | grep -q "Leve med diabetes – Våren 2099" || fail "no heading naming the run"
	out_has "03.03.2099"
	out_has "week 10"
	out_has "Tue"
	out_has "12:00–15:00"
	out_has "! missing user representative"
	out_has "Kosthold"
	grep -E '17\.05\.2099.*! ' "$T/out" | grep -q "week 20" || fail "holiday marker or week missing on 17 May"
	same_cols "$T/out" 4 "Date" "03.03" "10.03" "17.05"
	same_cols "$T/out" 4 "Room" "Rom 1" "Rom 2"
	ok session list 7 --format csv
	python3 - "$T/out" <<'EOF' || fail "session csv wrong"
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))
assert rows[0] == ["seq", "id", "starts_at", "ends_at", "room", "topic", "status", "pairing",
                   "professionals", "user_reps", "holiday"], rows[0]
assert rows[1][:10] == ["1", "31", "2099-03-03T12:00", "2099-03-03T15:00", "Rom 1",
                        "Å leve med diabetes", "planned", "paired", "1", "1"], rows[1]
assert rows[1][10] == "", rows[1]
assert rows[2][5] == 'Kosthold, mat og "sukker"' and rows[2][7] == "missing_user_rep", rows[2]
assert rows[3][2] == "2099-05-17T12:00" and rows[3][10] != "", rows[3]
assert len(rows) == 4
EOF
	ok session list 7 --format tsv
	out_lacks "Leve med diabetes"
	lk session list 99
	expect_rc 2
	err_has "99"
	out_empty
	lk session list 7x
	expect_rc 2
	err_has "Usage: lmskurs session list RUN"
	lk session list
	expect_rc 2
	lk session list 0
	expect_rc 2
}

t_errors_never_on_stdout() {
	init_db
	for args in "person add --name X" "user add" "backup" "session list 5" "run list --year x"; do
		eval lk $args
		[ "$rc" -eq 2 ] || fail "lmskurs $args exited $rc"
		out_empty
		err_prefixed
	done
}

# ---- driver ----

if [ ! -x "$BIN" ]; then
	echo "FAIL no lmskurs binary at $BIN (build it first)"
	echo "0 passed, 1 failed"
	exit 1
fi

pass=0
failed=0
n=0
# Tests of one feature may live in tests/cli/t_<feature>.sh beside this
# file: each defines more t_* functions with the same helpers.
HERE=$(cd "$(dirname "$0")" && pwd)
extra=""
for f in "$HERE"/t_*.sh; do
	[ -e "$f" ] || continue
	# shellcheck disable=SC1090
	. "$f"
	extra="$extra $f"
done
tests=$(grep -ohE '^t_[a-z0-9_]+' "$0" $extra)
for t in $tests; do
	n=$((n + 1))
	T="$ROOT/$n"
	mkdir -p "$T/home"
	if (
		export HOME="$T/home" XDG_DATA_HOME="$T/data" XDG_CONFIG_HOME="$T/config"
		export XDG_STATE_HOME="$T/state" XDG_CACHE_HOME="$T/cache"
		# English msgids, so assertions hold once po/nb.po is translated;
		# t_lang_accepted runs without this.
		unset LC_ALL LC_MESSAGES
		export LANG=C.UTF-8 LANGUAGE=en
		cd "$T"
		$t
	) >"$T/log" 2>&1; then
		echo "ok   $t"
		pass=$((pass + 1))
	else
		echo "FAIL $t"
		sed 's/^/    /' "$T/log"
		failed=$((failed + 1))
	fi
done
echo "$pass passed, $failed failed"
[ "$failed" -eq 0 ]
