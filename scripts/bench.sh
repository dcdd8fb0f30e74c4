#!/usr/bin/env bash
# scripts/bench.sh — how fast the screens are on 20 years of data.
#
#   scripts/bench.sh [BINARY]        (default build/lmskurs; make it first)
#
# Not a timed test: a script people run (docs/performance.md has the figures
# and what they mean). It
#   1. makes `lmskurs demo --years 20` into a database, cached in
#      ${XDG_CACHE_HOME:-~/.cache}/lmskurs/bench/ under the binary's SHA-256
#      (a changed binary makes it again; that takes some seconds);
#   2. measures with hyperfine, the binary on a 100x30 pseudo-terminal fed
#      by a tiny driver (compiled here, C, forkpty):
#      (a) start to first screen: the driver waits for Home's title, then
#          sends q;
#      (b) Runs list: opens it, pages down 20 times, quits; (b0) opens it and
#          quits; per page move = (b − b0) / 20, and (b − a) / 20 with
#          the opening of the list included;
#      (c) the same for the Courses list;
#   3. counts instructions with valgrind --tool=callgrind, figures that do
#      not depend on the machine or its load: (a), and per page move;
#   4. prints the machine, the rows per table and the figures as Markdown.
# The keys of (b) and (c) are sent at once; ncurses then skips writing
# frames that a waiting key would replace, but every key is still handled:
# each page move fetches and draws its page.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
bin=$(readlink -f "${1:-$root/build/lmskurs}")
[ -x "$bin" ] || { echo "bench: no program at $bin; run make first" >&2; exit 2; }
for tool in hyperfine valgrind cc python3 sha256sum; do
	if ! command -v "$tool" >/dev/null; then
		echo "bench: $tool is needed; on Debian: sudo apt-get install hyperfine valgrind gcc python3 coreutils" >&2
		exit 2
	fi
done

cache=${XDG_CACHE_HOME:-$HOME/.cache}/lmskurs/bench
mkdir -p "$cache"
work=$(mktemp -d "${TMPDIR:-/tmp}/lmskurs-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
export LANGUAGE=en LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color TZ=${TZ:-Europe/Oslo}
unset NO_COLOR

# ---- the pty driver ----
cat >"$work/ptydrive.c" <<'EOF'
/* ptydrive MARKER KEYS [MARKER KEYS ...] -- CMD...: runs CMD on a 100x30
 * pty; each time its output shows the next MARKER, writes that MARKER's KEYS
 * (\r, \e and \\ decoded); reads until CMD ends. Exits with CMD's status;
 * 3 when a MARKER never came, 4 after 20 s without output. */
#define _GNU_SOURCE
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static char *decode(const char *s)
{
	char *out = malloc(strlen(s) + 1), *o = out;
	for (; out && *s; s++) {
		if (*s != '\\' || !s[1]) {
			*o++ = *s;
			continue;
		}
		s++;
		*o++ = *s == 'r' ? '\r' : *s == 'e' ? '\033' : *s;
	}
	if (out)
		*o = 0;
	return out;
}

/* The output seen since the last marker, with enough kept to find a
 * marker split over two reads. */
struct seen {
	char buf[16384];
	size_t have;
};

static int seen_add(struct seen *w, const char *data, size_t n, const char *marker)
{
	size_t mlen = strlen(marker);
	while (n > 0) {
		if (w->have + 1 >= sizeof w->buf) {
			size_t keep = mlen < w->have ? mlen : w->have;
			memmove(w->buf, w->buf + w->have - keep, keep);
			w->have = keep;
		}
		size_t room = sizeof w->buf - 1 - w->have, take = n < room ? n : room;
		memcpy(w->buf + w->have, data, take);
		w->have += take, data += take, n -= take;
		if (memmem(w->buf, w->have, marker, mlen))
			return 1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	int sep = 1;
	while (sep < argc && strcmp(argv[sep], "--") != 0)
		sep++;
	if (sep >= argc - 1 || sep < 3 || (sep - 1) % 2) {
		fprintf(stderr, "usage: ptydrive MARKER KEYS [MARKER KEYS ...] -- CMD...\n");
		return 2;
	}
	struct winsize ws = {.ws_row = 30, .ws_col = 100};
	int fd;
	pid_t pid = forkpty(&fd, NULL, NULL, &ws);
	if (pid < 0)
		return perror("forkpty"), 2;
	if (pid == 0) {
		execvp(argv[sep + 1], argv + sep + 1);
		_exit(127);
	}
	static struct seen w;
	int next = 1; /* argv index of the marker waited for */
	for (;;) {
		struct pollfd p = {fd, POLLIN, 0};
		if (poll(&p, 1, 20000) <= 0)
			return kill(pid, SIGKILL), 4;
		char buf[4096];
		ssize_t n = read(fd, buf, sizeof buf);
		if (n <= 0)
			break;
		if (next < sep && seen_add(&w, buf, (size_t)n, argv[next])) {
			char *keys = decode(argv[next + 1]);
			if (!keys || write(fd, keys, strlen(keys)) < 0)
				return perror("write"), 2;
			free(keys);
			w.have = 0;
			next += 2;
		}
	}
	int st;
	waitpid(pid, &st, 0);
	if (next < sep)
		return fprintf(stderr, "ptydrive: never saw \"%s\"\n", argv[next]), 3;
	return WIFEXITED(st) ? WEXITSTATUS(st) : 1;
}
EOF
cc -O2 -o "$work/ptydrive" "$work/ptydrive.c" -lutil
drive=$work/ptydrive

# ---- the data ----
sum=$(sha256sum "$bin" | cut -c1-16)
cached=$cache/demo20-$sum.db
if [ ! -f "$cached" ]; then
	echo "bench: making 20 years of example data (cached in $cache) …" >&2
	rm -f "$cache"/demo20-*.db "$cache"/demo20-*.db-wal "$cache"/demo20-*.db-shm
	"$bin" --db "$work/new.db" demo --years 20 >&2
	mv "$work/new.db" "$cached"
fi
db=$work/bench.db
cp "$cached" "$db"

# ---- measuring ----
# Commands as hyperfine -N reads them (no shell): single-quoted words; the
# driver waits for each marker (a screen's title) before sending its keys
# (\r and \e decoded by the driver). Home starts on Courses for a
# coordinator, Runs is the row below; 0 shows the runs of every year.
case "$work$bin" in *"'"*) echo "bench: paths with ' are not supported" >&2; exit 2 ;; esac
pages=$(printf '\\e[6~%.0s' $(seq 20))
home="lmskurs · Home"
runs="Runs, all years"
courses="Courses: "
cmd() {
	local s="'$drive'" w
	for w in "$@"; do s+=" '$w'"; done
	printf "%s -- '%s' --db '%s'" "$s" "$bin" "$db"
}
run_a=$(cmd "$home" 'q')
run_b0=$(cmd "$home" 'j\r0' "$runs" 'qq')
run_b=$(cmd "$home" 'j\r0' "$runs" "${pages}qq")
run_c0=$(cmd "$home" '\r' "$courses" 'qq')
run_c=$(cmd "$home" '\r' "$courses" "${pages}qq")
for c in "$run_a" "$run_b0" "$run_b" "$run_c0" "$run_c"; do
	eval "$c" >/dev/null || { echo "bench: failed (status $?): $c" >&2; exit 1; }
done
hyperfine -N --warmup 3 --runs "${BENCH_RUNS:-30}" --export-json "$work/h.json" --style basic \
	-n a "$run_a" -n b0 "$run_b0" -n b "$run_b" -n c0 "$run_c0" -n c "$run_c" >&2

# Instructions, machine-independent: valgrind runs under the driver, so only
# the program is counted. (a), and (b0)/(b) and (c0)/(c) for a page move.
instructions() {
	local out=$work/cg.$1 args
	eval "args=(${2%% -- *})"
	"${args[@]}" -- valgrind --tool=callgrind --callgrind-out-file="$out" "$bin" --db "$db" \
		>/dev/null 2>&1 || { echo "?"; return; }
	callgrind_annotate "$out" 2>/dev/null | awk '/PROGRAM TOTALS/ && !n++ {gsub(",", "", $1); print $1}'
}
instr=""
for m in a b0 b c0 c; do
	v=run_$m
	instr+="$m=$(instructions "$m" "${!v}") "
done

# ---- report ----
python3 - "$work/h.json" "$db" "$instr" "$bin" <<'PY'
import json, os, platform, sqlite3, subprocess, sys
h = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
db, binary = sys.argv[2], sys.argv[4]
instr = {}
for kv in sys.argv[3].split():
    k, v = kv.split("=", 1)
    instr[k] = int(v) if v.isdigit() else None
ms = lambda name: h[name]["mean"] * 1000
sd = lambda name: h[name]["stddev"] * 1000
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.processor())
print(f"Machine: {os.cpu_count()} CPUs ({len(os.sched_getaffinity(0))} usable), {cpu}; {platform.system()} {platform.release()}")
print(f"Binary: {binary}; database {os.path.getsize(db) / 1e6:.1f} MB")
con = sqlite3.connect(db)
tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts%' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name")]
rows = {t: con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
print("Rows: " + ", ".join(f"{t} {n}" for t, n in rows.items() if n))
print()
print("| measure | mean | ± | limit |")
print("|---|---|---|---|")
print(f"| (a) start to first screen (Home), then q | {ms('a'):.1f} ms | {sd('a'):.1f} | 100 ms |")
print(f"| (b0) Runs list opened, then quit | {ms('b0'):.1f} ms | {sd('b0'):.1f} | |")
print(f"| (b) Runs list, 20 × PgDn, quit | {ms('b'):.1f} ms | {sd('b'):.1f} | |")
print(f"| Runs: per page move (b − b0) / 20 | {(ms('b') - ms('b0')) / 20:.2f} ms | | 30 ms |")
print(f"| Runs: (b − a) / 20, opening included | {(ms('b') - ms('a')) / 20:.2f} ms | | 30 ms |")
print(f"| (c0) Courses list opened, then quit | {ms('c0'):.1f} ms | {sd('c0'):.1f} | |")
print(f"| (c) Courses list, 20 × PgDn, quit | {ms('c'):.1f} ms | {sd('c'):.1f} | |")
print(f"| Courses: per page move (c − c0) / 20 | {(ms('c') - ms('c0')) / 20:.2f} ms | | 30 ms |")
print(f"| Courses: (c − a) / 20, opening included | {(ms('c') - ms('a')) / 20:.2f} ms | | 30 ms |")
def count(n):
    return f"{n:,}" if n is not None else "?"
def per_page(x):
    if instr.get(x) is None or instr.get(x + "0") is None:
        return "?"
    return f"{(instr[x] - instr[x + '0']) // 20:,}"
print(f"| (a) instructions (callgrind) | {count(instr.get('a'))} | | |")
print(f"| Runs: instructions per page move | {per_page('b')} | | |")
print(f"| Courses: instructions per page move | {per_page('c')} | | |")
slow = []
if ms("a") > 100: slow.append("first screen over 100 ms")
for x in "bc":
    if (ms(x) - ms(x + "0")) / 20 > 30: slow.append(f"({x}) page move over 30 ms")
print()
print("Not instant: " + "; ".join(slow) if slow else "Everything is within its limit.")
PY
