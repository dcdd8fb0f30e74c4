#include <criterion/criterion.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lmskurs/conflict.h"
#include "lmskurs/store/conflict.h"
#include "lmskurs/text.h"
#include "testlib.h"
/* Only to count the virtual machine's work on the context's connection. */
#include "../../src/store/store_impl.h"

/* ---- fixtures: raw rows through a second connection (tests only) ---- */

static sqlite3 *fx_open(lk_ctx *ctx)
{
	sqlite3 *h = NULL;
	cr_assert_eq(sqlite3_open_v2(tl_db_path(ctx), &h, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
	sqlite3_busy_timeout(h, 5000);
	cr_assert_eq(sqlite3_exec(h, "PRAGMA foreign_keys = ON", NULL, NULL, NULL), SQLITE_OK);
	return h;
}

/* Runs sql with text parameters (NULL for SQL NULL); returns the new rowid. */
static int64_t fx_insert(sqlite3 *h, const char *sql, int n, const char *const *params)
{
	sqlite3_stmt *st;
	cr_assert_eq(sqlite3_prepare_v2(h, sql, -1, &st, NULL), SQLITE_OK, "%s", sqlite3_errmsg(h));
	for (int i = 0; i < n; i++)
		sqlite3_bind_text(st, i + 1, params[i], -1, SQLITE_TRANSIENT);
	cr_assert_eq(sqlite3_step(st), SQLITE_DONE, "%s: %s", sql, sqlite3_errmsg(h));
	sqlite3_finalize(st);
	return sqlite3_last_insert_rowid(h);
}

static int64_t fx_course(sqlite3 *h, const char *title)
{
	const char *p[] = {title};
	return fx_insert(h, "INSERT INTO course (title, audience, phase, created_at, updated_at) "
			    "VALUES (?, 'both', 'active', '2026-12-01T00:00:00', '2026-12-01T00:00:00')", 1, p);
}

static int64_t fx_run(sqlite3 *h, int64_t course_id, const char *phase)
{
	char c[24];
	snprintf(c, sizeof c, "%lld", (long long)course_id);
	const char *p[] = {c, phase};
	return fx_insert(h, "INSERT INTO run (course_id, phase, created_at) VALUES (?, ?, '2026-12-01T00:00:00')", 2, p);
}

static int64_t fx_session(sqlite3 *h, int64_t run_id, int seq, const char *starts, const char *ends,
	const char *room, const char *status)
{
	char r[24], s[24];
	snprintf(r, sizeof r, "%lld", (long long)run_id);
	snprintf(s, sizeof s, "%d", seq);
	const char *p[] = {r, s, starts, ends, room, status};
	return fx_insert(h, "INSERT INTO session (run_id, seq, starts_at, ends_at, room, status) "
			    "VALUES (?, ?, ?, ?, ?, ?)", 6, p);
}

static void fx_facilitate(sqlite3 *h, int64_t session_id, int64_t person_id)
{
	char s[24], pe[24];
	snprintf(s, sizeof s, "%lld", (long long)session_id);
	snprintf(pe, sizeof pe, "%lld", (long long)person_id);
	const char *p[] = {s, pe};
	fx_insert(h, "INSERT INTO session_facilitator (session_id, person_id) VALUES (?, ?)", 2, p);
}

/* ---- collecting results ---- */

enum { MAXC = 4096 };

typedef struct got {
	int n;
	lk_conflict_kind kind[MAXC];
	int64_t a[MAXC], b[MAXC], person[MAXC];
	char holiday[MAXC][48];
	char person_name[MAXC][48];
	char title_a[MAXC][48];
} got;

static int collect(void *arg, const lk_conflict *c)
{
	got *g = arg;
	cr_assert_lt(g->n, MAXC);
	g->kind[g->n] = c->kind;
	g->a[g->n] = c->a.id;
	g->b[g->n] = c->b.id;
	g->person[g->n] = c->person_id;
	snprintf(g->holiday[g->n], 48, "%s", c->holiday ? c->holiday : "");
	snprintf(g->person_name[g->n], 48, "%s", c->person_name ? c->person_name : "");
	snprintf(g->title_a[g->n], 48, "%s", c->a.course_title ? c->a.course_title : "");
	g->n++;
	return 0;
}

static got *list(lk_ctx *ctx, int64_t run_id, const char *from)
{
	got *g = calloc(1, sizeof *g);
	lk_err err;
	lk_conflict_scope sc = {.run_id = run_id, .from_iso = from};
	cr_assert_eq(conflict_list(ctx, &sc, collect, g, &err), 0, "%s", err.msg);
	return g;
}

static int count_kind(const got *g, lk_conflict_kind k)
{
	int n = 0;
	for (int i = 0; i < g->n; i++)
		n += g->kind[i] == k;
	return n;
}

/* True when the pair (x, y), in either order, was reported with kind k. */
static int has_pair(const got *g, lk_conflict_kind k, int64_t x, int64_t y)
{
	int n = 0;
	for (int i = 0; i < g->n; i++)
		if (g->kind[i] == k && ((g->a[i] == x && g->b[i] == y) || (g->a[i] == y && g->b[i] == x)))
			n++;
	return n;
}

/* ---- room ---- */

Test(conflict, room_overlap_found_near_misses_not)
{
	lk_ctx *ctx = tl_ctx();
	sqlite3 *h = fx_open(ctx);
	int64_t c1 = fx_course(h, "Leve med diabetes"), c2 = fx_course(h, "Hjerte og lunger");
	int64_t r1 = fx_run(h, c1, "registration"), r2 = fx_run(h, c2, "execution");
	int64_t rx = fx_run(h, c2, "cancelled");
	int64_t a = fx_session(h, r1, 1, "2027-03-02T10:00", "2027-03-02T12:00", "Møterom Ø", "planned");
	int64_t b = fx_session(h, r1, 2, "2027-03-02T12:00", "2027-03-02T14:00", "Møterom Ø", "planned");
	int64_t c = fx_session(h, r2, 1, "2027-03-02T11:00", "2027-03-02T13:00", "  MØTEROM ø ", "held");
	fx_session(h, r2, 2, "2027-03-02T11:00", "2027-03-02T13:00", "Møterom 2", "planned");
	fx_session(h, r2, 3, "2027-03-02T10:30", "2027-03-02T12:30", "", "planned");
	fx_session(h, r2, 4, "2027-03-02T10:30", "2027-03-02T12:30", "   ", "planned");
	fx_session(h, r2, 5, "2027-03-02T10:30", "2027-03-02T12:30", "Møterom Ø", "cancelled");
	fx_session(h, rx, 1, "2027-03-02T10:30", "2027-03-02T12:30", "Møterom Ø", "planned");
	fx_session(h, r2, 6, "2027-03-03T10:30", "2027-03-03T12:30", "Møterom Ø", "planned");
	got *g = list(ctx, 0, NULL);
	cr_assert_eq(g->n, 2, "only a-c and b-c clash, got %d", g->n);
	cr_assert_eq(has_pair(g, LK_CONFLICT_ROOM, a, c), 1);
	cr_assert_eq(has_pair(g, LK_CONFLICT_ROOM, b, c), 1);
	cr_assert_eq(has_pair(g, LK_CONFLICT_ROOM, a, b), 0, "back-to-back is no clash");
	cr_assert_eq(g->a[0], a, "a is the session starting first");
	cr_assert_str_eq(g->title_a[0], "Leve med diabetes");
	free(g);
	sqlite3_close(h);
	ctx_close(ctx);
}

Test(conflict, each_pair_once_also_with_equal_starts)
{
	lk_ctx *ctx = tl_ctx();
	sqlite3 *h = fx_open(ctx);
	int64_t r = fx_run(h, fx_course(h, "Kols-skole"), "scheduling");
	int64_t s1 = fx_session(h, r, 1, "2027-04-06T09:00", "2027-04-06T15:00", "Aula", "planned");
	int64_t s2 = fx_session(h, r, 2, "2027-04-06T09:00", "2027-04-06T10:00", "aula", "planned");
	int64_t s3 = fx_session(h, r, 3, "2027-04-06T09:30", "2027-04-06T11:00", "AULA", "planned");
	got *g = list(ctx, 0, NULL);
	cr_assert_eq(g->n, 3);
	cr_assert_eq(has_pair(g, LK_CONFLICT_ROOM, s1, s2), 1);
	cr_assert_eq(has_pair(g, LK_CONFLICT_ROOM, s1, s3), 1);
	cr_assert_eq(has_pair(g, LK_CONFLICT_ROOM, s2, s3), 1);
	free(g);
	g = list(ctx, r, NULL);
	cr_assert_eq(g->n, 3, "both sessions in the run: still once");
	free(g);
	sqlite3_close(h);
	ctx_close(ctx);
}

Test(conflict, multi_day_session_clashes_with_later_start)
{
	lk_ctx *ctx = tl_ctx();
	sqlite3 *h = fx_open(ctx);
	int64_t c = fx_course(h, "Helgesamling");
	int64_t r1 = fx_run(h, c, "registration"), r2 = fx_run(h, c, "registration");
	int64_t longs = fx_session(h, r1, 1, "2027-03-01T18:00", "2027-03-03T12:00", "Hytta", "planned");
	int64_t day = fx_session(h, r2, 1, "2027-03-02T10:00", "2027-03-02T11:00", "hytta", "planned");
	fx_session(h, r2, 2, "2027-03-03T12:00", "2027-03-03T13:00", "hytta", "planned");
	got *g = list(ctx, r2, NULL);
	cr_assert_eq(g->n, 1);
	cr_assert_eq(g->a[0], day, "in a run scope a is the run's session");
	cr_assert_eq(g->b[0], longs);
	free(g);
	sqlite3_close(h);
	ctx_close(ctx);
}

/* ---- facilitator ---- */

Test(conflict, facilitator_double_booked_once_per_person)
{
	lk_ctx *ctx = tl_ctx();
	sqlite3 *h = fx_open(ctx);
	int64_t ase = tl_person(ctx, "Åse Ødegård", LK_PROFESSIONAL);
	int64_t dmitri = tl_person(ctx, "Дмитрий Иванов", LK_USER_REP);
	int64_t amal = tl_person(ctx, "أمل حسن", LK_USER_REP);
	int64_t r1 = fx_run(h, fx_course(h, "Leve med kreft"), "execution");
	int64_t r2 = fx_run(h, fx_course(h, "Pårørendeskole"), "registration");
	int64_t a = fx_session(h, r1, 1, "2027-02-09T10:00", "2027-02-09T12:00", "Rom 1", "planned");
	int64_t b = fx_session(h, r2, 1, "2027-02-09T11:30", "2027-02-09T13:00", "Rom 2", "planned");
	int64_t next = fx_session(h, r2, 2, "2027-02-09T13:00", "2027-02-09T15:00", "Rom 2", "planned");
	int64_t gone = fx_session(h, r2, 3, "2027-02-09T10:00", "2027-02-09T12:00", "Rom 3", "cancelled");
	fx_facilitate(h, a, ase);
	fx_facilitate(h, b, ase);
	fx_facilitate(h, a, dmitri);
	fx_facilitate(h, b, dmitri);
	fx_facilitate(h, b, amal);
	fx_facilitate(h, next, amal);
	fx_facilitate(h, gone, ase);
	got *g = list(ctx, 0, NULL);
	cr_assert_eq(g->n, 2, "Åse and Dmitrij once each; back-to-back and cancelled none");
	cr_assert_eq(count_kind(g, LK_CONFLICT_FACILITATOR), 2);
	int seen = 0;
	for (int i = 0; i < g->n; i++) {
		cr_assert_eq(g->a[i], a);
		cr_assert_eq(g->b[i], b);
		if (g->person[i] == ase) {
			seen |= 1;
			cr_assert_str_eq(g->person_name[i], "Åse Ødegård");
		}
		if (g->person[i] == dmitri) {
			seen |= 2;
			cr_assert_str_eq(g->person_name[i], "Дмитрий Иванов");
		}
	}
	cr_assert_eq(seen, 3);
	free(g);
	sqlite3_close(h);
	ctx_close(ctx);
}

/* ---- holidays ---- */

Test(conflict, holiday_sessions_found)
{
	lk_ctx *ctx = tl_ctx();
	sqlite3 *h = fx_open(ctx);
	int64_t r = fx_run(h, fx_course(h, "Mestring av smerte"), "registration");
	int64_t maundy = fx_session(h, r, 1, "2027-03-25T10:00", "2027-03-25T12:00", "", "planned");
	fx_session(h, r, 2, "2027-03-24T10:00", "2027-03-24T12:00", "", "planned");
	int64_t may17 = fx_session(h, r, 3, "2027-05-17T10:00", "2027-05-17T12:00", "", "planned");
	fx_session(h, r, 4, "2027-12-25T10:00", "2027-12-25T12:00", "", "cancelled");
	got *g = list(ctx, 0, NULL);
	cr_assert_eq(g->n, 2);
	cr_assert_eq(count_kind(g, LK_CONFLICT_HOLIDAY), 2);
	cr_assert_eq(g->a[0], maundy);
	cr_assert_eq(g->a[1], may17);
	cr_assert_str_eq(g->holiday[0], date_holiday((lk_date){2027, 3, 25}));
	cr_assert_neq(g->holiday[1][0], '\0');
	cr_assert_eq(g->b[0], 0, "holiday has no second session");
	free(g);
	sqlite3_close(h);
	ctx_close(ctx);
}

/* ---- scope ---- */

Test(conflict, scope_by_run_and_from)
{
	lk_ctx *ctx = tl_ctx();
	sqlite3 *h = fx_open(ctx);
	int64_t c = fx_course(h, "Søvnskole");
	int64_t r1 = fx_run(h, c, "registration"), r2 = fx_run(h, c, "registration");
	int64_t r3 = fx_run(h, c, "registration"), r4 = fx_run(h, c, "registration");
	int64_t s1 = fx_session(h, r1, 1, "2027-02-02T10:00", "2027-02-02T12:00", "Rom A", "planned");
	int64_t s2 = fx_session(h, r2, 1, "2027-02-02T11:00", "2027-02-02T12:00", "Rom A", "planned");
	int64_t s3 = fx_session(h, r3, 1, "2027-02-16T10:00", "2027-02-16T12:00", "Rom B", "planned");
	int64_t s4 = fx_session(h, r4, 1, "2027-02-16T09:00", "2027-02-16T10:30", "rom b", "planned");
	got *g = list(ctx, r2, NULL);
	cr_assert_eq(g->n, 1);
	cr_assert_eq(g->a[0], s2, "a is the run's own session");
	cr_assert_eq(g->b[0], s1);
	free(g);
	g = list(ctx, r3, NULL);
	cr_assert_eq(g->n, 1);
	cr_assert_eq(g->a[0], s3);
	cr_assert_eq(g->b[0], s4, "an earlier-starting session of another run is found");
	free(g);
	g = list(ctx, 0, NULL);
	cr_assert_eq(g->n, 2);
	free(g);
	g = list(ctx, 0, "2027-02-10");
	cr_assert_eq(g->n, 1);
	cr_assert_eq(g->a[0], s4);
	free(g);
	g = list(ctx, 0, "16.02.2027 09:30");
	cr_assert_eq(g->n, 0, "a pair needs both sessions in range");
	free(g);
	sqlite3_close(h);
	ctx_close(ctx);
}

Test(conflict, for_session_marks_one_row)
{
	lk_ctx *ctx = tl_ctx();
	sqlite3 *h = fx_open(ctx);
	int64_t p = tl_person(ctx, "Nguyễn Thị Hoa", LK_USER_REP);
	int64_t r = fx_run(h, fx_course(h, "Hverdagsmestring"), "registration");
	int64_t r2 = fx_run(h, fx_course(h, "Annet kurs"), "registration");
	int64_t s = fx_session(h, r, 1, "2027-05-17T10:00", "2027-05-17T12:00", "Sal 1", "planned");
	int64_t o = fx_session(h, r2, 1, "2027-05-17T11:00", "2027-05-17T13:00", "SAL 1", "planned");
	int64_t lone = fx_session(h, r2, 2, "2027-06-01T11:00", "2027-06-01T13:00", "Sal 1", "planned");
	fx_facilitate(h, s, p);
	fx_facilitate(h, o, p);
	lk_err err;
	got *g = calloc(1, sizeof *g);
	cr_assert_eq(conflict_for_session(ctx, o, collect, g, &err), 0, "%s", err.msg);
	cr_assert_eq(g->n, 3, "room, facilitator and holiday");
	cr_assert_eq(g->kind[0], LK_CONFLICT_ROOM);
	cr_assert_eq(g->kind[1], LK_CONFLICT_FACILITATOR);
	cr_assert_eq(g->kind[2], LK_CONFLICT_HOLIDAY);
	for (int i = 0; i < 3; i++)
		cr_assert_eq(g->a[i], o);
	cr_assert_eq(g->b[0], s);
	memset(g, 0, sizeof *g);
	cr_assert_eq(conflict_for_session(ctx, lone, collect, g, &err), 0, "%s", err.msg);
	cr_assert_eq(g->n, 0);
	cr_assert_eq(conflict_for_session(ctx, 99999, collect, g, &err), -1);
	cr_assert_eq(err.code, LK_ENOTFOUND);
	free(g);
	sqlite3_close(h);
	ctx_close(ctx);
}

static int stop_first(void *arg, const lk_conflict *c)
{
	(void)c;
	++*(int *)arg;
	return 1;
}

Test(conflict, refused_input_and_roles)
{
	lk_ctx *ctx = tl_ctx();
	sqlite3 *h = fx_open(ctx);
	int64_t r = fx_run(h, fx_course(h, "Kurs"), "registration");
	fx_session(h, r, 1, "2027-05-17T10:00", "2027-05-17T12:00", "X", "planned");
	fx_session(h, r, 2, "2027-05-17T10:00", "2027-05-17T12:00", "X", "planned");
	lk_err err;
	int n = 0;
	lk_conflict_scope sc = {.run_id = 4242};
	cr_assert_eq(conflict_list(ctx, &sc, stop_first, &n, &err), -1);
	cr_assert_eq(err.code, LK_ENOTFOUND);
	sc = (lk_conflict_scope){.from_iso = "31.02.2027"};
	cr_assert_eq(conflict_list(ctx, &sc, stop_first, &n, &err), -1);
	cr_assert_eq(err.code, LK_EINVAL);
	cr_assert(strstr(err.msg, "31.02.2027"), "%s", err.msg);
	cr_assert_eq(n, 0);
	/* Every role may see conflicts (they read the plan); stopping early works. */
	lk_ctx *staff = tl_ctx_as(ctx, "vert", LK_ROLE_STAFF);
	cr_assert_eq(conflict_list(staff, NULL, stop_first, &n, &err), 0, "%s", err.msg);
	cr_assert_eq(n, 1, "each() returning non-zero stops the walk");
	ctx_close(staff);
	cr_assert_str_neq(conflict_kind_label(LK_CONFLICT_ROOM), "");
	cr_assert_str_eq(conflict_kind_code(LK_CONFLICT_HOLIDAY), "holiday");
	cr_assert_str_eq(conflict_kind_label((lk_conflict_kind)9), "");
	sqlite3_close(h);
	ctx_close(ctx);
}

/* ---- plans: no full cross join ---- */

typedef struct plan_seen {
	int bad;
	int b_by_starts;
	int lookback_indexed;
	char text[8192];
} plan_seen;

static void on_plan(void *arg, const char *query, const char *detail)
{
	plan_seen *p = arg;
	size_t used = strlen(p->text);
	snprintf(p->text + used, sizeof p->text - used, "%s: %s\n", query, detail);
	/* The inner side of a pair must be an index search, never a scan. */
	const char *inner[] = {"SCAN b", "SCAN rb", "SCAN cb", "SCAN fa", "SCAN fb", "SCAN p ", "SCAN ra", "SCAN ca"};
	for (size_t i = 0; i < sizeof inner / sizeof inner[0]; i++)
		if (strncmp(detail, inner[i], strlen(inner[i])) == 0)
			p->bad++;
	if (strstr(detail, "SEARCH b USING INDEX session_starts"))
		p->b_by_starts++;
	if (strcmp(query, "lookback") == 0 && strstr(detail, "session_multi_day"))
		p->lookback_indexed++;
}

Test(conflict, query_plans_use_indexes)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	plan_seen *p = calloc(1, sizeof *p);
	cr_assert_eq(store_conflict_plan(ctx->db, on_plan, p, &err), 0, "%s", err.msg);
	cr_assert_eq(p->bad, 0, "plans:\n%s", p->text);
	cr_assert_eq(p->b_by_starts, 6, "every pair query finds b by time:\n%s", p->text);
	cr_assert_eq(p->lookback_indexed, 1, "the look-back reads only multi-day sessions:\n%s", p->text);
	free(p);
	ctx_close(ctx);
}

/* ---- 5 000 sessions against a brute-force reference ---- */

typedef struct sess {
	int64_t id, run;
	char starts[17], ends[17], room[24];
	int live;
	int64_t fac[2];
} sess;

static unsigned lcg(unsigned *s)
{
	*s = *s * 1103515245u + 12345u;
	return (*s >> 16) & 0x7fff;
}

static const char *const rooms[] = {"Rom 1", "rom 1", " ROM 1 ", "Møterom Ø", "MØTEROM ø", "Aula", "", "Sal B"};

static void make_session(sess *s, unsigned *seed, int i, long base_days, int nruns)
{
	long day = base_days + i / 7;   /* ~7 sessions a day over two years */
	lk_date d = date_from_days(day);
	int start = 8 * 60 + 30 * (int)(lcg(seed) % 16);
	int len = 30 * (1 + (int)(lcg(seed) % 6));
	lk_datetime a = {d, start / 60, start % 60};
	lk_datetime b = datetime_from_minutes(datetime_to_minutes(a) + len);
	datetime_iso(a, s->starts);
	datetime_iso(b, s->ends);
	snprintf(s->room, sizeof s->room, "%s", rooms[lcg(seed) % 8]);
	s->run = 1 + (int64_t)(lcg(seed) % (unsigned)nruns);
	s->live = lcg(seed) % 20 != 0;
}

static int overlaps(const sess *a, const sess *b)
{
	return strcmp(a->starts, b->ends) < 0 && strcmp(b->starts, a->ends) < 0;
}

static int trimmed_equal(const char *a, const char *b)
{
	char *ta = text_trim_dup(a), *tb = text_trim_dup(b);
	int eq = *ta && text_equal_fold(ta, tb);
	free(ta);
	free(tb);
	return eq;
}

static int shared_facilitators(const sess *a, const sess *b)
{
	int n = 0;
	for (int i = 0; i < 2; i++)
		for (int j = 0; j < 2; j++)
			n += a->fac[i] && a->fac[i] == b->fac[j];
	return n;
}

static int count_kops(void *arg)
{
	++*(long long *)arg;
	return 0;
}

Test(conflict, five_thousand_sessions_match_brute_force, .timeout = 120)
{
	enum { N = 5000, NRUNS = 400, NPEOPLE = 40 };
	lk_ctx *ctx = tl_ctx();
	sqlite3 *h = fx_open(ctx);
	int64_t people[NPEOPLE];
	char name[32];
	for (int i = 0; i < NPEOPLE; i++) {
		snprintf(name, sizeof name, "Kursholder %d Ærlig", i);
		people[i] = tl_person(ctx, name, i % 2 ? LK_USER_REP : LK_PROFESSIONAL);
	}
	sess *s = calloc(N, sizeof *s);
	unsigned seed = 20270110;
	long base = date_to_days((lk_date){2027, 1, 4});
	cr_assert_eq(sqlite3_exec(h, "BEGIN", NULL, NULL, NULL), SQLITE_OK);
	int64_t course = fx_course(h, "Stor test");
	int run_live[NRUNS + 1];
	for (int r = 1; r <= NRUNS; r++) {
		run_live[r] = r % 37 != 0;
		cr_assert_eq(fx_run(h, course, run_live[r] ? "execution" : "cancelled"), r);
	}
	int seqs[NRUNS + 1] = {0};
	for (int i = 0; i < N; i++) {
		make_session(&s[i], &seed, i, base, NRUNS);
		s[i].id = fx_session(h, s[i].run, ++seqs[s[i].run], s[i].starts, s[i].ends, s[i].room,
			s[i].live ? "planned" : "cancelled");
		s[i].live = s[i].live && run_live[s[i].run];
		s[i].fac[0] = people[lcg(&seed) % NPEOPLE];
		s[i].fac[1] = lcg(&seed) % 2 ? people[lcg(&seed) % NPEOPLE] : 0;
		if (s[i].fac[1] == s[i].fac[0])
			s[i].fac[1] = 0;
		fx_facilitate(h, s[i].id, s[i].fac[0]);
		if (s[i].fac[1])
			fx_facilitate(h, s[i].id, s[i].fac[1]);
	}
	cr_assert_eq(sqlite3_exec(h, "COMMIT", NULL, NULL, NULL), SQLITE_OK);

	int want_room = 0, want_fac = 0, want_hol = 0;
	for (int i = 0; i < N; i++) {
		if (!s[i].live)
			continue;
		want_hol += date_holiday(date_from_days(base + i / 7)) != NULL;
		for (int j = i + 1; j < N && strncmp(s[j].starts, s[i].ends, 10) <= 0; j++) {
			if (!s[j].live || !overlaps(&s[i], &s[j]))
				continue;
			want_room += trimmed_equal(s[i].room, s[j].room);
			want_fac += shared_facilitators(&s[i], &s[j]);
		}
	}
	long long kops = 0;
	sqlite3_progress_handler(st_handle(ctx->db), 1000, count_kops, &kops);
	got *g = list(ctx, 0, NULL);
	sqlite3_progress_handler(st_handle(ctx->db), 0, NULL, NULL);
	/* Linear work: a pair search that walked every earlier session would
	 * needs ~260 times more (seen when SQLite picked the wrong range bound). */
	cr_assert_lt(kops, 4 * N, "%lld thousand VM steps for %d sessions", kops, N);
	cr_log_info("conflicts: %d, VM steps: %lld thousand", g->n, kops);
	cr_assert_eq(count_kind(g, LK_CONFLICT_ROOM), want_room);
	cr_assert_eq(count_kind(g, LK_CONFLICT_FACILITATOR), want_fac);
	cr_assert_eq(count_kind(g, LK_CONFLICT_HOLIDAY), want_hol);
	cr_assert_gt(want_room, 100, "the data must actually clash");
	cr_assert_gt(want_fac, 20);
	cr_assert_gt(want_hol, 10);
	/* Each reported pair really clashes and is reported once. */
	for (int i = 0; i < g->n; i++) {
		if (g->kind[i] == LK_CONFLICT_HOLIDAY)
			continue;
		const sess *x = &s[g->a[i] - s[0].id], *y = &s[g->b[i] - s[0].id];
		cr_assert(x->live && y->live && overlaps(x, y));
		cr_assert_leq(strcmp(x->starts, y->starts), 0, "a starts first");
		if (g->kind[i] == LK_CONFLICT_ROOM)
			cr_assert_eq(has_pair(g, LK_CONFLICT_ROOM, x->id, y->id), 1);
		else
			cr_assert(g->person[i] == x->fac[0] || g->person[i] == x->fac[1]);
	}
	free(g);
	free(s);
	sqlite3_close(h);
	ctx_close(ctx);
}
