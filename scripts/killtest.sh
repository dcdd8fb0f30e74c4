#!/usr/bin/env bash
# scripts/killtest.sh — writers killed at random points (issue 6). KILLS
# times (default 300) a stress writer (tests/stress/stress.c: enroll,
# cancel, mark attendance, edit a person's notes through the core API) is
# started on one database and killed with SIGKILL after a random few
# milliseconds, mid-operation as often as not. After every kill
# `lmskurs check` must be clean (integrity, references, the audit chain),
# and every few kills and at the end each operation must be all or
# nothing: every operation writes its effect and its audit entry in one
# transaction, so the pairs must match:
#   - every enrollment has its "create"/"reenroll" entry, and every such
#     entry its enrollment; every cancelled one its "cancel" entry;
#   - every attendance mark has an entry naming it;
#   - each person's notes hold exactly as many tokens as the log has
#     "update" entries for that person.
# Run from make: `make killtest` (STRESS and LMSKURS_BIN set there).
set -euo pipefail

STRESS=${STRESS:-build/stress}
BIN=${LMSKURS_BIN:-build/lmskurs}
KILLS=${KILLS:-300}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/lmskurs-killtest.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
db=$tmp/lmskurs.db

pairs() {
	python3 - "$db" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
def rows(sql):
    return {r[0] if len(r) == 1 else tuple(r) for r in c.execute(sql)}
problems = []
enr = rows("SELECT id FROM enrollment WHERE run_id <> 4")
marked = rows("SELECT entity_id FROM audit WHERE entity = 'enrollment' AND action IN ('create', 'reenroll')"
              " AND entity_id IN (SELECT id FROM enrollment WHERE run_id <> 4) OR (entity = 'enrollment'"
              " AND action IN ('create', 'reenroll') AND entity_id NOT IN (SELECT id FROM enrollment))")
if enr != marked:
    problems.append(f"enrollments without their entry, or entries without their enrollment: {sorted(enr ^ marked)[:10]}")
for (eid,) in c.execute("SELECT id FROM enrollment WHERE status = 'cancelled' AND NOT EXISTS"
                        " (SELECT 1 FROM audit a WHERE a.action = 'cancel' AND a.entity_id = enrollment.id)"):
    problems.append(f"enrollment {eid} cancelled without its entry")
for s, e in c.execute("SELECT session_id, enrollment_id FROM attendance a WHERE NOT EXISTS"
                      " (SELECT 1 FROM audit WHERE entity = 'attendance' AND entity_id = a.session_id"
                      " AND detail LIKE 'enrollment ' || a.enrollment_id || ':%')"):
    problems.append(f"attendance {s}/{e} without its entry")
for pid, notes in c.execute("SELECT id, notes FROM person WHERE id BETWEEN 3 AND 8"):
    n = c.execute("SELECT count(*) FROM audit WHERE action = 'update' AND entity = 'person'"
                  " AND entity_id = ?", (pid,)).fetchone()[0]
    tokens = [t for t in notes.split(";") if t]
    if len(tokens) != n or len(set(tokens)) != n:
        problems.append(f"person {pid}: {len(tokens)} tokens in the notes, {n} update entries")
if problems:
    print("FAIL (all or nothing):\n  " + "\n  ".join(problems))
    sys.exit(1)
print(f"   pairs match: {len(enr)} enrollments, "
      f"{c.execute('SELECT count(*) FROM attendance').fetchone()[0]} marks, "
      f"{c.execute('SELECT count(*) FROM audit').fetchone()[0]} audit entries")
PY
}

"$STRESS" setup "$db"
echo "== killing a writer $KILLS times on $db"
for i in $(seq 1 "$KILLS"); do
	"$STRESS" work "$db" "w$((i % 16 + 1))" "$i" 1000000 /dev/null >/dev/null 2>"$tmp/err" &
	pid=$!
	sleep "$(printf '0.%03d' $((RANDOM % 90 + 5)))"
	kill -9 "$pid" 2>/dev/null || true
	wait "$pid" 2>/dev/null || true
	if [ -s "$tmp/err" ]; then
		echo "FAIL after kill $i: the writer met a failure before it was killed:"
		cat "$tmp/err"
		exit 1
	fi
	if ! "$BIN" --db "$db" check >"$tmp/check" 2>&1; then
		echo "FAIL after kill $i: lmskurs check:"
		cat "$tmp/check"
		exit 1
	fi
	if [ $((i % 50)) -eq 0 ] || [ "$i" -eq "$KILLS" ]; then
		echo "   $i kills, check clean"
		pairs || { echo "   (after kill $i)"; exit 1; }
	fi
done
echo "ok   $KILLS kills: check clean every time, every operation all or nothing"
