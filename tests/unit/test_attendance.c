#include <criterion/criterion.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lmskurs/attendance.h"
#include "lmskurs/enroll.h"
#include "lmskurs/participant.h"
#include "lmskurs/phase.h"
#include "testlib.h"

/* ---- fixtures: a second connection on the test database ---- */

/* Every row of the tables this module writes, as one string. */
static char *fx_snapshot(lk_ctx *ctx)
{
	static const char *const sql[] = {
		"SELECT * FROM participant ORDER BY 1", "SELECT * FROM enrollment ORDER BY 1",
		"SELECT * FROM run ORDER BY 1", "SELECT * FROM audit ORDER BY 1",
		"SELECT * FROM session ORDER BY 1", "SELECT * FROM attendance ORDER BY 1, 2"};
	sqlite3 *h = tl_sql_open(ctx);
	size_t cap = 1 << 16, len = 0;
	char *out = calloc(1, cap);
	for (size_t i = 0; i < sizeof sql / sizeof sql[0]; i++) {
		sqlite3_stmt *st;
		cr_assert_eq(sqlite3_prepare_v2(h, sql[i], -1, &st, NULL), SQLITE_OK);
		while (sqlite3_step(st) == SQLITE_ROW)
			for (int c = 0; c < sqlite3_column_count(st); c++) {
				const char *t = (const char *)sqlite3_column_text(st, c);
				len += (size_t)snprintf(out + len, cap - len, "%s|", t ? t : "NULL");
				cr_assert_lt(len, cap);
			}
		sqlite3_finalize(st);
	}
	sqlite3_close(h);
	return out;
}

static void assert_unchanged(lk_ctx *ctx, char *before)
{
	char *after = fx_snapshot(ctx);
	cr_assert_str_eq(after, before, "a refused operation changed the database");
	free(after);
	free(before);
}

static int64_t fx_course(lk_ctx *ctx, const char *title)
{
	return tl_sql(ctx, "INSERT INTO course (title, audience, phase, created_at, updated_at)"
		" VALUES (%Q, 'both', 'active', '2027-01-01T00:00:00', '2027-01-01T00:00:00')", title);
}

/* A run of course (0: a new course) in phase with capacity (0: not set). */
static int64_t fx_run(lk_ctx *ctx, int64_t course, const char *phase, int capacity)
{
	if (!course)
		course = fx_course(ctx, "Hjertekurs");
	return tl_sql(ctx, "INSERT INTO run (course_id, title, phase, capacity, created_at)"
		" VALUES (%lld, 'Våren 2027', %Q, nullif(%d, 0), '2027-01-01T00:00:00')",
		(long long)course, phase, capacity);
}

static int64_t fx_session(lk_ctx *ctx, int64_t run, int seq, const char *starts)
{
	return tl_sql(ctx, "INSERT INTO session (run_id, seq, starts_at, ends_at)"
		" VALUES (%lld, %d, %Q, strftime('%%Y-%%m-%%dT%%H:%%M', %Q, '+2 hours'))",
		(long long)run, seq, starts, starts);
}


static int64_t mk(lk_ctx *ctx, const char *name)
{
	lk_err err;
	lk_participant p = {.name = (char *)name};
	cr_assert_eq(participant_create(ctx, &p, &err), 0, "%s", err.msg);
	return p.id;
}

static int64_t enroll(lk_ctx *ctx, int64_t run, const char *name)
{
	lk_err err;
	lk_enrollment e;
	cr_assert_eq(enroll_add(ctx, run, mk(ctx, name), LK_CAT_PATIENT, false, &e, &err), 0, "%s", err.msg);
	int64_t id = e.id;
	enrollment_free(&e);
	return id;
}

static void mark(lk_ctx *ctx, int64_t s, int64_t e, lk_att_status st, const char *reason)
{
	lk_err err;
	cr_assert_eq(attendance_mark(ctx, s, e, st, reason, &err), 0, "%s", err.msg);
}

static lk_attendance_summary summary(lk_ctx *ctx, int64_t e)
{
	lk_err err;
	lk_attendance_summary s;
	cr_assert_eq(attendance_summary(ctx, e, &s, &err), 0, "%s", err.msg);
	return s;
}

/* A run in execution with five weekly sessions (Tuesdays from 12.01.2027)
 * and capacity cap; clock at 10.01.2027 09:00. */
typedef struct course_fx {
	int64_t run;
	int64_t s[5];
} course_fx;

static course_fx fx_course_run(lk_ctx *ctx, int cap)
{
	course_fx f;
	f.run = fx_run(ctx, 0, "execution", cap);
	const char *days[] = {"2027-01-12T10:00", "2027-01-19T10:00", "2027-01-26T10:00",
		"2027-02-02T10:00", "2027-02-09T10:00"};
	for (int i = 0; i < 5; i++)
		f.s[i] = fx_session(ctx, f.run, i + 1, days[i]);
	return f;
}

/* ---- marking ---- */

Test(attendance, staff_marks_and_the_session_becomes_held)
{
	lk_ctx *ctx = tl_ctx();
	lk_ctx *staff = tl_ctx_as(ctx, "vert", LK_ROLE_STAFF);
	lk_ctx *rep = tl_ctx_as(ctx, "bruker", LK_ROLE_USER_REP);
	lk_err err;
	course_fx f = fx_course_run(ctx, 10);
	int64_t kari = enroll(ctx, f.run, "Kari Ødegård");
	int64_t chen = enroll(ctx, f.run, "陈静");
	tl_set_now(ctx, "2027-01-12T08:30");
	char *before = fx_snapshot(ctx);
	cr_assert_eq(attendance_mark(rep, f.s[0], kari, LK_ATT_PRESENT, NULL, &err), -1);
	cr_assert_eq(err.code, LK_EPERM);
	cr_assert_eq(attendance_clear(rep, f.s[0], kari, NULL, &err), -1);
	cr_assert_eq(err.code, LK_EPERM);
	assert_unchanged(ctx, before);
	mark(staff, f.s[0], kari, LK_ATT_PRESENT, NULL);
	mark(ctx, f.s[0], chen, LK_ATT_EXCUSED, "");
	cr_assert_eq(tl_sql_int(ctx, "SELECT count(*) FROM session WHERE id = %lld AND status = 'held' AND version = 2",
		(long long)f.s[0]), 1);
	cr_assert_eq(tl_sql_int(ctx, "SELECT count(*) FROM attendance WHERE enrollment_id = %lld"
		" AND status = 'present' AND marked_by = 'vert' AND marked_at = '2027-01-12T08:30:00'", (long long)kari), 1);
	cr_assert_eq(tl_sql_int(ctx, "SELECT count(*) FROM audit WHERE entity = 'attendance' AND action = 'create'"
		" AND entity_id = %lld AND detail = 'enrollment %lld: present'", (long long)f.s[0], (long long)kari), 1);
	cr_assert_eq(tl_sql_int(ctx, "SELECT count(*) FROM audit WHERE detail LIKE '%%Kari%%' OR detail LIKE '%%陈%%'"), 0);
	int p, a, x, u;
	cr_assert_eq(attendance_session_counts(rep, f.s[0], &p, &a, &x, &u, &err), 0, "%s", err.msg);
	cr_assert_eq(p, 1);
	cr_assert_eq(a, 0);
	cr_assert_eq(x, 1);
	cr_assert_eq(u, 0);
	ctx_close(staff);
	ctx_close(rep);
	ctx_close(ctx);
}

Test(attendance, refused_marks_change_nothing)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	course_fx f = fx_course_run(ctx, 1);
	course_fx other = fx_course_run(ctx, 10);
	int64_t kari = enroll(ctx, f.run, "Kari");
	int64_t waiting = enroll(ctx, f.run, "Vente Venn");
	int64_t elsewhere = enroll(ctx, other.run, "Annen Kurs");
	tl_sql(ctx, "UPDATE session SET status = 'cancelled' WHERE id = %lld", (long long)f.s[1]);
	tl_set_now(ctx, "2027-01-19T12:00");
	char *before = fx_snapshot(ctx);
	struct {
		int64_t s, e;
		lk_att_status st;
		lk_code code;
		const char *says;
	} cases[] = {
		{f.s[2], kari, LK_ATT_PRESENT, LK_ERULE, "26.01.2027"},
		{f.s[1], kari, LK_ATT_PRESENT, LK_ERULE, "cancelled"},
		{f.s[0], waiting, LK_ATT_PRESENT, LK_ERULE, "only registered"},
		{f.s[0], elsewhere, LK_ATT_ABSENT, LK_ERULE, "not enrolled in this session's run"},
		{f.s[0], kari, (lk_att_status)9, LK_EINVAL, "present, absent or excused"},
		{999, kari, LK_ATT_PRESENT, LK_ENOTFOUND, "session"},
		{f.s[0], 999, LK_ATT_PRESENT, LK_ENOTFOUND, "enrollment"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		cr_assert_eq(attendance_mark(ctx, cases[i].s, cases[i].e, cases[i].st, NULL, &err), -1, "case %zu", i);
		cr_assert_eq(err.code, cases[i].code, "case %zu: %s", i, err.msg);
		cr_assert(strstr(err.msg, cases[i].says), "case %zu: %s", i, err.msg);
	}
	char long_reason[600];
	memset(long_reason, 'x', sizeof long_reason - 1);
	long_reason[sizeof long_reason - 1] = '\0';
	cr_assert_eq(attendance_mark(ctx, f.s[0], kari, LK_ATT_PRESENT, long_reason, &err), -1);
	cr_assert_eq(err.code, LK_EINVAL);
	tl_sql(ctx, "UPDATE run SET phase = 'closed' WHERE id = %lld", (long long)f.run);
	free(before);
	before = fx_snapshot(ctx);
	cr_assert_eq(attendance_mark(ctx, f.s[0], kari, LK_ATT_PRESENT, NULL, &err), -1);
	cr_assert_eq(err.code, LK_ERULE);
	cr_assert(strstr(err.msg, run_phase_label(LK_RUN_CLOSED)), "%s", err.msg);
	assert_unchanged(ctx, before);
	ctx_close(ctx);
}

Test(attendance, sessions_before_the_place_are_not_expected)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	course_fx f = fx_course_run(ctx, 1);
	int64_t kari = enroll(ctx, f.run, "Kari");
	int64_t per = enroll(ctx, f.run, "Per Ås");
	tl_set_now(ctx, "2027-01-12T12:00");
	mark(ctx, f.s[0], kari, LK_ATT_PRESENT, NULL);
	tl_set_now(ctx, "2027-01-15T12:00");
	lk_enrollment k;
	cr_assert_eq(enroll_get(ctx, kari, &k, &err), 0);
	lk_promotion p;
	cr_assert_eq(enroll_cancel(ctx, kari, k.version, &p, &err), 0, "%s", err.msg);
	cr_assert_eq(p.enrollment_id, per);
	promotion_free(&p);
	enrollment_free(&k);
	tl_set_now(ctx, "2027-01-19T12:00");
	char *before = fx_snapshot(ctx);
	cr_assert_eq(attendance_mark(ctx, f.s[0], per, LK_ATT_ABSENT, NULL, &err), -1);
	cr_assert_eq(err.code, LK_ERULE);
	cr_assert(strstr(err.msg, "not expected") && strstr(err.msg, "15.01.2027") &&
		strstr(err.msg, "12.01.2027"), "%s", err.msg);
	assert_unchanged(ctx, before);
	mark(ctx, f.s[1], per, LK_ATT_PRESENT, NULL);
	lk_attendance_summary s = summary(ctx, per);
	cr_assert_eq(s.not_expected, 1);
	cr_assert_eq(s.planned_expected, 4);
	cr_assert_eq(s.held_expected, 1, "S1 was held but is not expected of Per");
	cr_assert_eq(s.present, 1);
	cr_assert_eq(s.absent, 0);
	cr_assert_eq(s.rate_pct, 100);
	/* Kari cancelled on the 15th: only S1 was expected of her. */
	s = summary(ctx, kari);
	cr_assert_eq(s.planned_expected, 1);
	cr_assert_eq(s.not_expected, 4);
	cr_assert_eq(s.present, 1);
	int pr, ab, ex, un;
	cr_assert_eq(attendance_session_counts(ctx, f.s[0], &pr, &ab, &ex, &un, &err), 0);
	cr_assert(pr == 1 && ab == 0 && ex == 0 && un == 0, "S1: Kari present, Per not expected");
	cr_assert_eq(attendance_session_counts(ctx, f.s[1], &pr, &ab, &ex, &un, &err), 0);
	cr_assert(pr == 1 && un == 0, "S2: Per present, Kari gone");
	ctx_close(ctx);
}

/* ---- corrections ---- */

Test(attendance, change_on_a_later_day_is_a_correction_and_needs_a_reason)
{
	lk_ctx *ctx = tl_ctx();
	lk_ctx *staff = tl_ctx_as(ctx, "vert", LK_ROLE_STAFF);
	lk_err err;
	course_fx f = fx_course_run(ctx, 10);
	int64_t e = enroll(ctx, f.run, "Åsmund");
	tl_set_now(ctx, "2027-01-12T10:05");
	mark(staff, f.s[0], e, LK_ATT_ABSENT, NULL);
	tl_set_now(ctx, "2027-01-12T10:40");
	mark(staff, f.s[0], e, LK_ATT_PRESENT, NULL); /* came late, same day: no reason needed */
	cr_assert_eq(tl_sql_int(ctx, "SELECT count(*) FROM audit WHERE action = 'update' AND detail = 'enrollment %lld: absent -> present'",
		(long long)e), 1);
	tl_set_now(ctx, "2027-01-13T09:00");
	char *before = fx_snapshot(ctx);
	cr_assert_eq(attendance_mark(staff, f.s[0], e, LK_ATT_EXCUSED, NULL, &err), -1);
	cr_assert_eq(err.code, LK_EINVAL);
	cr_assert(strstr(err.msg, "correction"), "%s", err.msg);
	cr_assert_eq(attendance_mark(staff, f.s[0], e, LK_ATT_EXCUSED, " \t ", &err), -1);
	cr_assert_eq(err.code, LK_EINVAL);
	assert_unchanged(ctx, before);
	mark(staff, f.s[0], e, LK_ATT_EXCUSED, " Meldte forfall dagen før ");
	cr_assert_eq(tl_sql_int(ctx, "SELECT count(*) FROM attendance WHERE status = 'excused'"
		" AND reason = 'Meldte forfall dagen før' AND marked_at = '2027-01-13T09:00:00'"), 1);
	cr_assert_eq(tl_sql_int(ctx, "SELECT count(*) FROM audit WHERE action = 'correct'"), 1);
	cr_assert_eq(tl_sql_int(ctx, "SELECT count(*) FROM audit WHERE detail LIKE '%%forfall%%'"), 0);
	int64_t rows = tl_sql_int(ctx, "SELECT count(*) FROM audit");
	mark(staff, f.s[0], e, LK_ATT_EXCUSED, NULL); /* the same again: nothing to do */
	cr_assert_eq(tl_sql_int(ctx, "SELECT count(*) FROM audit"), rows);
	/* A first mark on a later day (from the paper sheet) is no correction. */
	tl_set_now(ctx, "2027-01-21T09:00");
	mark(staff, f.s[1], e, LK_ATT_PRESENT, NULL);
	ctx_close(staff);
	ctx_close(ctx);
}

Test(attendance, clear_same_day_freely_later_with_a_reason)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	course_fx f = fx_course_run(ctx, 10);
	int64_t e = enroll(ctx, f.run, "Åsmund");
	tl_set_now(ctx, "2027-01-12T11:00");
	mark(ctx, f.s[0], e, LK_ATT_PRESENT, NULL);
	cr_assert_eq(attendance_clear(ctx, f.s[0], e, NULL, &err), 0, "%s", err.msg);
	cr_assert_eq(tl_sql_int(ctx, "SELECT count(*) FROM attendance"), 0);
	cr_assert_eq(attendance_clear(ctx, f.s[0], e, NULL, &err), -1);
	cr_assert_eq(err.code, LK_ENOTFOUND);
	mark(ctx, f.s[0], e, LK_ATT_ABSENT, NULL);
	tl_set_now(ctx, "2027-01-14T11:00");
	char *before = fx_snapshot(ctx);
	cr_assert_eq(attendance_clear(ctx, f.s[0], e, "", &err), -1);
	cr_assert_eq(err.code, LK_EINVAL);
	assert_unchanged(ctx, before);
	cr_assert_eq(attendance_clear(ctx, f.s[0], e, "Feil person krysset", &err), 0, "%s", err.msg);
	cr_assert_eq(tl_sql_int(ctx, "SELECT count(*) FROM attendance"), 0);
	cr_assert_eq(tl_sql_int(ctx, "SELECT count(*) FROM audit WHERE action = 'correct'"
		" AND detail = 'enrollment %lld: absent cleared; reason: Feil person krysset'", (long long)e), 1);
	cr_assert_eq(tl_sql_int(ctx, "SELECT count(*) FROM session WHERE id = %lld AND status = 'held'", (long long)f.s[0]), 1);
	ctx_close(ctx);
}

/* ---- rates, completion, unreachability ---- */

static void at(lk_ctx *ctx, const char *now, int64_t s, int64_t e, lk_att_status st)
{
	tl_set_now(ctx, now);
	mark(ctx, s, e, st, NULL);
}

Test(attendance, rate_counts_sessions_held_so_far)
{
	lk_ctx *ctx = tl_ctx();
	course_fx f = fx_course_run(ctx, 10);
	int64_t kari = enroll(ctx, f.run, "Kari");
	lk_attendance_summary s = summary(ctx, kari);
	cr_assert_eq(s.rate_pct, -1, "no session held yet");
	cr_assert_eq(s.held_expected, 0);
	cr_assert_eq(s.planned_expected, 5);
	cr_assert_eq(s.threshold_pct, 80);
	cr_assert_not(s.completed);
	cr_assert_not(s.completion_unreachable);
	at(ctx, "2027-01-12T12:00", f.s[0], kari, LK_ATT_PRESENT);
	s = summary(ctx, kari);
	cr_assert_eq(s.rate_pct, 100);
	cr_assert_eq(s.held_expected, 1);
	at(ctx, "2027-01-19T12:00", f.s[1], kari, LK_ATT_ABSENT);
	at(ctx, "2027-01-26T12:00", f.s[2], kari, LK_ATT_PRESENT);
	s = summary(ctx, kari);
	cr_assert_eq(s.present, 2);
	cr_assert_eq(s.absent, 1);
	cr_assert_eq(s.held_expected, 3);
	cr_assert_eq(s.rate_pct, 66, "2 of 3 held, rounded down");
	cr_assert_not(s.completed);
	cr_assert_not(s.completion_unreachable, "4 of 5 is still possible");
	at(ctx, "2027-02-02T12:00", f.s[3], kari, LK_ATT_PRESENT);
	at(ctx, "2027-02-09T12:00", f.s[4], kari, LK_ATT_PRESENT);
	s = summary(ctx, kari);
	cr_assert_eq(s.present, 4);
	cr_assert_eq(s.rate_pct, 80);
	cr_assert(s.completed, "4 of 5 = 80 %% reaches the threshold");
	cr_assert_not(s.completion_unreachable);
	ctx_close(ctx);
}

Test(attendance, completion_becomes_unreachable_and_follows_the_threshold)
{
	lk_ctx *ctx = tl_ctx();
	course_fx f = fx_course_run(ctx, 10);
	int64_t per = enroll(ctx, f.run, "Per");
	int64_t lise = enroll(ctx, f.run, "Lise");
	at(ctx, "2027-01-12T12:00", f.s[0], per, LK_ATT_ABSENT);
	lk_attendance_summary s = summary(ctx, per);
	cr_assert_not(s.completion_unreachable, "one absence of five: 80 %% still possible");
	at(ctx, "2027-01-19T12:00", f.s[1], per, LK_ATT_EXCUSED);
	s = summary(ctx, per);
	cr_assert(s.completion_unreachable, "at most 3 of 5 = 60 %%");
	cr_assert_not(s.completed);
	cr_assert_eq(s.rate_pct, 0);
	/* Lise has no marks at two held sessions: still reachable, two unmarked. */
	s = summary(ctx, lise);
	cr_assert_eq(s.unmarked, 2);
	cr_assert_eq(s.held_expected, 2);
	cr_assert_eq(s.rate_pct, 0);
	cr_assert_not(s.completion_unreachable);
	/* A lower threshold (config) changes the verdict. */
	ctx->settings.completion_threshold_pct = 60;
	s = summary(ctx, per);
	cr_assert_eq(s.threshold_pct, 60);
	cr_assert_not(s.completion_unreachable);
	/* Cancelled sessions leave the denominators. */
	ctx->settings.completion_threshold_pct = 80;
	tl_sql(ctx, "UPDATE session SET status = 'cancelled' WHERE id IN (%lld, %lld)",
		(long long)f.s[3], (long long)f.s[4]);
	s = summary(ctx, per);
	cr_assert_eq(s.planned_expected, 3);
	cr_assert_eq(s.not_expected, 0);
	cr_assert(s.completion_unreachable);
	ctx_close(ctx);
}

/* ---- whole runs ---- */

static int collect_summary(void *arg, const lk_enrollment *e, const lk_attendance_summary *s)
{
	char *buf = arg;
	sprintf(buf + strlen(buf), "%s:%d/%d:%d%s|", e->participant_name, s->present, s->held_expected,
		s->rate_pct, s->completed ? ":done" : "");
	return 0;
}

static int collect_cell(void *arg, int64_t e, int64_t s, lk_att_cell state)
{
	static const char mark_of[] = {
		[LK_CELL_PRESENT] = 'P', [LK_CELL_ABSENT] = 'A', [LK_CELL_EXCUSED] = 'E',
		[LK_CELL_UNMARKED] = '.', [LK_CELL_NOT_EXPECTED] = '-', [LK_CELL_CANCELLED] = 'x'};
	char *buf = arg;
	(void)s;
	static int64_t last;
	size_t n = strlen(buf);
	if (n && last != e)
		buf[n++] = '|';
	last = e;
	buf[n++] = mark_of[state];
	buf[n] = '\0';
	return 0;
}

Test(attendance, run_summary_and_grid)
{
	lk_ctx *ctx = tl_ctx();
	lk_ctx *rep = tl_ctx_as(ctx, "bruker", LK_ROLE_USER_REP);
	lk_err err;
	course_fx f = fx_course_run(ctx, 2);
	int64_t kari = enroll(ctx, f.run, "Kari");
	int64_t anne = enroll(ctx, f.run, "Anne");
	int64_t wait = enroll(ctx, f.run, "Venter");
	tl_sql(ctx, "UPDATE session SET status = 'cancelled' WHERE id = %lld", (long long)f.s[2]);
	at(ctx, "2027-01-12T12:00", f.s[0], kari, LK_ATT_PRESENT);
	at(ctx, "2027-01-12T12:00", f.s[0], anne, LK_ATT_ABSENT);
	tl_set_now(ctx, "2027-01-16T12:00");
	lk_enrollment a;
	cr_assert_eq(enroll_get(ctx, anne, &a, &err), 0);
	cr_assert_eq(enroll_cancel(ctx, anne, a.version, NULL, &err), 0, "%s", err.msg);
	enrollment_free(&a);
	at(ctx, "2027-01-19T12:00", f.s[1], kari, LK_ATT_EXCUSED);
	at(ctx, "2027-01-19T12:00", f.s[1], wait, LK_ATT_PRESENT);
	char buf[256] = "";
	cr_assert_eq(attendance_run_summary(rep, f.run, collect_summary, buf, &err), 0, "%s", err.msg);
	cr_assert_str_eq(buf, "Kari:1/2:50|Venter:1/1:100|", "registered only, by name");
	buf[0] = '\0';
	cr_assert_eq(attendance_grid(rep, f.run, collect_cell, buf, &err), 0, "%s", err.msg);
	cr_assert_str_eq(buf, "PEx..|-Px..");
	int pr, ab, ex, un;
	cr_assert_eq(attendance_session_counts(ctx, f.s[0], &pr, &ab, &ex, &un, &err), 0);
	cr_assert(pr == 1 && ab == 1 && un == 0, "Anne's mark before her cancellation counts");
	cr_assert_eq(attendance_session_counts(ctx, f.s[3], &pr, &ab, &ex, &un, NULL), 0);
	cr_assert(pr == 0 && un == 2, "two expected at a planned session");
	cr_assert_eq(attendance_session_counts(ctx, 999, &pr, &ab, &ex, &un, &err), -1);
	cr_assert_eq(err.code, LK_ENOTFOUND);
	cr_assert_eq(attendance_summary(ctx, 999, &(lk_attendance_summary){0}, &err), -1);
	cr_assert_eq(err.code, LK_ENOTFOUND);
	ctx_close(rep);
	ctx_close(ctx);
}

Test(attendance, a_place_got_on_the_session_day_is_expected)
{
	lk_ctx *ctx = tl_ctx();
	course_fx f = fx_course_run(ctx, 10);
	tl_set_now(ctx, "2027-01-12T09:55");
	int64_t late = enroll(ctx, f.run, "Siste Liten");
	mark(ctx, f.s[0], late, LK_ATT_PRESENT, NULL);
	lk_attendance_summary s = summary(ctx, late);
	cr_assert_eq(s.not_expected, 0);
	cr_assert_eq(s.planned_expected, 5);
	cr_assert_eq(s.present, 1);
	ctx_close(ctx);
}

/* Messages reach stderr and logs: participants are named by number only. */
Test(attendance, refusals_name_participants_by_number_not_by_name)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	course_fx f = fx_course_run(ctx, 1);
	course_fx other = fx_course_run(ctx, 10);
	int64_t first = enroll(ctx, f.run, "Først Førstesen");
	int64_t waiting = enroll(ctx, f.run, "Вера Иванова");
	int64_t elsewhere = enroll(ctx, other.run, "Ngô Bảo Châu");
	tl_set_now(ctx, "2027-01-15T12:00");
	lk_enrollment k;
	cr_assert_eq(enroll_get(ctx, first, &k, &err), 0);
	lk_promotion p;
	cr_assert_eq(enroll_cancel(ctx, first, k.version, &p, &err), 0, "%s", err.msg);
	cr_assert_eq(p.enrollment_id, waiting, "Вера got the place on the 15th");
	promotion_free(&p);
	enrollment_free(&k);
	tl_set_now(ctx, "2027-01-19T12:00");
	char *before = fx_snapshot(ctx);
	struct {
		int64_t e;
		const char *says, *name;
	} cases[] = {
		{elsewhere, "not enrolled in this session's run", "Ngô"},
		{first, "only registered", "Først"},
		{waiting, "not expected", "Вера"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char no[40];
		snprintf(no, sizeof no, "Participant no. %lld", (long long)tl_sql_int(ctx,
			"SELECT participant_id FROM enrollment WHERE id = %lld", (long long)cases[i].e));
		cr_assert_eq(attendance_mark(ctx, f.s[0], cases[i].e, LK_ATT_PRESENT, NULL, &err), -1, "case %zu", i);
		cr_assert_eq(err.code, LK_ERULE, "case %zu: %s", i, err.msg);
		cr_assert(strstr(err.msg, cases[i].says) && strstr(err.msg, no), "case %zu: %s", i, err.msg);
		cr_assert_null(strstr(err.msg, cases[i].name), "case %zu names them: %s", i, err.msg);
	}
	assert_unchanged(ctx, before);
	ctx_close(ctx);
}

/* Attendance belongs to a run under way: execution, and evaluation for the
 * late paper sheet and corrections; not while scheduling or registering. */
Test(attendance, marked_only_in_execution_and_evaluation)
{
	lk_ctx *ctx = tl_ctx();
	lk_ctx *staff = tl_ctx_as(ctx, "vert", LK_ROLE_STAFF);
	lk_err err;
	course_fx f = fx_course_run(ctx, 10);
	int64_t e = enroll(ctx, f.run, "Ærlig Åsen");
	tl_set_now(ctx, "2027-01-12T10:05");
	static const struct {
		const char *code;
		lk_run_phase phase;
	} early[] = {{"scheduling", LK_RUN_SCHEDULING}, {"registration", LK_RUN_REGISTRATION}};
	for (size_t i = 0; i < 2; i++) {
		tl_sql(ctx, "UPDATE run SET phase = %Q WHERE id = %lld", early[i].code, (long long)f.run);
		char *before = fx_snapshot(ctx);
		cr_assert_eq(attendance_mark(staff, f.s[0], e, LK_ATT_PRESENT, NULL, &err), -1, "%s", early[i].code);
		cr_assert_eq(err.code, LK_ERULE, "%s", err.msg);
		cr_assert(strstr(err.msg, run_phase_label(early[i].phase)) &&
			strstr(err.msg, run_phase_label(LK_RUN_EXECUTION)), "%s", err.msg);
		cr_assert_eq(attendance_clear(staff, f.s[0], e, "feil", &err), -1);
		cr_assert_eq(err.code, LK_ERULE, "%s", err.msg);
		assert_unchanged(ctx, before);
	}
	tl_sql(ctx, "UPDATE run SET phase = 'execution' WHERE id = %lld", (long long)f.run);
	mark(staff, f.s[0], e, LK_ATT_PRESENT, NULL);
	tl_set_now(ctx, "2027-01-19T10:05");
	mark(staff, f.s[1], e, LK_ATT_ABSENT, NULL);
	tl_sql(ctx, "UPDATE run SET phase = 'evaluation' WHERE id = %lld", (long long)f.run);
	tl_set_now(ctx, "2027-02-20T10:00");
	/* In evaluation: a first mark from the paper sheet, and a correction
	 * with a reason (without one it is refused). */
	mark(staff, f.s[2], e, LK_ATT_PRESENT, NULL);
	char *before = fx_snapshot(ctx);
	cr_assert_eq(attendance_mark(staff, f.s[1], e, LK_ATT_EXCUSED, NULL, &err), -1);
	cr_assert_eq(err.code, LK_EINVAL, "%s", err.msg);
	assert_unchanged(ctx, before);
	mark(staff, f.s[1], e, LK_ATT_EXCUSED, "Sykemelding levert");
	cr_assert_eq(tl_sql_int(ctx, "SELECT count(*) FROM attendance WHERE session_id = %lld AND status = 'excused'"
		" AND reason = 'Sykemelding levert'", (long long)f.s[1]), 1);
	cr_assert_eq(summary(ctx, e).present, 2);
	ctx_close(staff);
	ctx_close(ctx);
}
