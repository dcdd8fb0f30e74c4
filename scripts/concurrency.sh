#!/usr/bin/env bash
# scripts/concurrency.sh — several coordinators on one database at once
# (issue 6). PROCS processes (default 4) make WRITES mixed writes each
# (default 1000) through the core API (tests/stress/stress.c: enroll,
# cancel, mark attendance, read-modify-write a person's notes), all at the
# same time. Then it insists that:
#   - no process met "database is locked" (LK_EBUSY) or any other failure;
#   - no update was lost: every token a process logged as appended to a
#     person's notes is there exactly once, and nothing else is;
#   - the counts add up: the enrollments, cancellations and attendance
#     marks the processes logged as committed are what the database and its
#     audit log hold;
#   - no run has more registered than places, nor anyone waiting while a
#     place is free;
#   - `lmskurs check` is clean (integrity, references, the audit chain).
# Run from make: `make concurrency` (STRESS and LMSKURS_BIN set there).
set -euo pipefail

STRESS=${STRESS:-build/stress}
BIN=${LMSKURS_BIN:-build/lmskurs}
PROCS=${PROCS:-4}
WRITES=${WRITES:-1000}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/lmskurs-concurrency.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
db=$tmp/lmskurs.db

"$STRESS" setup "$db"
echo "== $PROCS processes, $WRITES writes each, on $db"
start=$(date +%s)
pids=()
for i in $(seq 1 "$PROCS"); do
	"$STRESS" work "$db" "w$i" "$i" "$WRITES" "$tmp/w$i.log" >"$tmp/w$i.out" 2>"$tmp/w$i.err" &
	pids+=($!)
done
failed=0
for pid in "${pids[@]}"; do
	wait "$pid" || failed=1
done
echo "   took $(($(date +%s) - start)) s"
cat "$tmp"/w*.out
if [ "$failed" -ne 0 ] || grep -q . "$tmp"/w*.err; then
	echo "FAIL: a process met a failure that is not a rule's refusal:"
	cat "$tmp"/w*.err
	exit 1
fi

python3 - "$db" "$tmp" <<'PY'
import collections, glob, os, sqlite3, sys

db, tmp = sys.argv[1], sys.argv[2]
c = sqlite3.connect(db)
problems = []
enrolled, cancelled = collections.Counter(), collections.Counter()
enrollment_ids, marks, tokens = set(), set(), collections.defaultdict(list)
for path in glob.glob(os.path.join(tmp, "w*.log")):
    login = os.path.basename(path)[:-4]
    for line in open(path, encoding="utf-8"):
        f = line.split()
        if f[0] == "E":
            enrolled[login] += 1
            enrollment_ids.add(int(f[1]))
        elif f[0] == "C":
            cancelled[login] += 1
        elif f[0] == "M":
            marks.add((int(f[1]), int(f[2])))
        elif f[0] == "P":
            tokens[int(f[1])].append(f[3])

def one(sql, *args):
    return c.execute(sql, args).fetchone()[0]

# No lost update: the notes hold exactly the tokens logged as saved.
for pid in range(3, 9):
    notes = one("SELECT notes FROM person WHERE id = ?", pid)
    have = sorted(t + ";" for t in notes.split(";") if t)
    if have != sorted(tokens[pid]):
        problems.append(f"person {pid}: {len(have)} tokens in the notes, {len(tokens[pid])} logged as saved")
    if len(set(have)) != len(have):
        problems.append(f"person {pid}: a token twice")
# Counts: enrollments, cancellations (audit per login), attendance rows.
rows = {r[0] for r in c.execute("SELECT id FROM enrollment WHERE run_id <> 4")}
if rows != enrollment_ids:
    problems.append(f"enrollments: {len(rows)} in the database, {len(enrollment_ids)} logged")
for login in set(enrolled) | set(cancelled):
    n = one("SELECT count(*) FROM audit WHERE login = ? AND entity = 'enrollment'"
            " AND action IN ('create', 'reenroll')", login)
    if n != enrolled[login]:
        problems.append(f"{login}: {enrolled[login]} enrollments logged, {n} in the audit log")
    n = one("SELECT count(*) FROM audit WHERE login = ? AND action = 'cancel'", login)
    if n != cancelled[login]:
        problems.append(f"{login}: {cancelled[login]} cancellations logged, {n} in the audit log")
att = {tuple(r) for r in c.execute("SELECT session_id, enrollment_id FROM attendance")}
if att != marks:
    problems.append(f"attendance: {len(att)} marks in the database, {len(marks)} logged")
# Places: never over capacity, nobody waiting beside a free place.
for run, cap, reg, wait in c.execute(
        "SELECT r.id, r.capacity, count(*) FILTER (WHERE e.status = 'registered'),"
        " count(*) FILTER (WHERE e.status = 'waitlisted')"
        " FROM run r LEFT JOIN enrollment e ON e.run_id = r.id WHERE r.id <> 4 GROUP BY r.id"):
    if reg > cap or (wait > 0 and reg < cap):
        problems.append(f"run {run}: {reg} registered, {wait} waiting, {cap} places")
total = sum(enrolled.values()) + sum(cancelled.values()) + len(marks) + sum(map(len, tokens.values()))
print(f"   checked: {sum(enrolled.values())} enrollments, {sum(cancelled.values())} cancellations,"
      f" {len(marks)} attendance marks, {sum(map(len, tokens.values()))} notes appended")
if problems:
    print("FAIL:\n  " + "\n  ".join(problems))
    sys.exit(1)
PY

"$BIN" --db "$db" check >"$tmp/check.out" 2>&1 || { echo "FAIL: lmskurs check:"; cat "$tmp/check.out"; exit 1; }
echo "ok   no lost update, no locked database, counts add up, check clean"
