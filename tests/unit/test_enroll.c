#include <criterion/criterion.h>
#include <pthread.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

static int64_t mk(lk_ctx *ctx, const char *name)
{
	lk_err err;
	lk_participant p = {.name = (char *)name};
	cr_assert_eq(participant_create(ctx, &p, &err), 0, "%s", err.msg);
	return p.id;
}

static lk_enrollment add(lk_ctx *ctx, int64_t run, int64_t who)
{
	lk_err err;
	lk_enrollment e;
	cr_assert_eq(enroll_add(ctx, run, who, LK_CAT_PATIENT, false, &e, &err), 0, "%s", err.msg);
	return e;
}

static int collect(void *arg, const lk_enrollment *e)
{
	char *buf = arg;
	sprintf(buf + strlen(buf), "%s:%s:%d|", e->participant_name, enroll_status_code(e->status),
		e->waitlist_pos);
	return 0;
}

static char *listing(lk_ctx *ctx, int64_t run, int status, lk_page page)
{
	static char buf[2048];
	lk_err err;
	buf[0] = '\0';
	cr_assert_eq(enroll_list(ctx, run, status, page, collect, buf, &err), 0, "%s", err.msg);
	return buf;
}

static const lk_page ALL = {0, 0};

static void assert_counts(lk_ctx *ctx, int64_t run, int64_t reg, int64_t wait, int64_t canc)
{
	lk_err err;
	int64_t r, w, c;
	cr_assert_eq(enroll_counts(ctx, run, &r, &w, &c, &err), 0, "%s", err.msg);
	cr_assert_eq(r, reg, "registered %lld, expected %lld", (long long)r, (long long)reg);
	cr_assert_eq(w, wait, "waitlisted %lld, expected %lld", (long long)w, (long long)wait);
	cr_assert_eq(c, canc, "cancelled %lld, expected %lld", (long long)c, (long long)canc);
}

/* ---- adding ---- */

Test(enroll, fills_places_then_waitlists_first_come_first_served)
{
	lk_ctx *ctx = tl_ctx();
	int64_t run = fx_run(ctx, 0, "registration", 2);
	lk_enrollment a = add(ctx, run, mk(ctx, "Åse Ødegård"));
	lk_enrollment b = add(ctx, run, mk(ctx, "Bjørn"));
	lk_enrollment c = add(ctx, run, mk(ctx, "陈静"));
	lk_enrollment d = add(ctx, run, mk(ctx, "Dina"));
	cr_assert_eq(a.status, LK_ENR_REGISTERED);
	cr_assert_eq(b.status, LK_ENR_REGISTERED);
	cr_assert_str_eq(a.placed_at, "2027-01-10T09:00:00");
	cr_assert_eq(c.status, LK_ENR_WAITLISTED);
	cr_assert_eq(c.waitlist_pos, 1);
	cr_assert_null(c.placed_at);
	cr_assert_eq(d.waitlist_pos, 2);
	cr_assert_str_eq(c.participant_name, "陈静");
	cr_assert_str_eq(listing(ctx, run, -1, ALL),
		"Bjørn:registered:0|Åse Ødegård:registered:0|陈静:waitlisted:1|Dina:waitlisted:2|");
	assert_counts(ctx, run, 2, 2, 0);
	cr_assert_eq(tl_sql_int(ctx, "SELECT count(*) FROM audit WHERE entity = 'enrollment' AND action = 'create'"), 4);
	enrollment_free(&a);
	enrollment_free(&b);
	enrollment_free(&c);
	enrollment_free(&d);
	ctx_close(ctx);
}

Test(enroll, run_without_capacity_registers_everyone)
{
	lk_ctx *ctx = tl_ctx();
	int64_t run = fx_run(ctx, 0, "execution", 0);
	for (int i = 0; i < 3; i++) {
		char name[16];
		snprintf(name, sizeof name, "Deltaker %d", i);
		lk_enrollment e = add(ctx, run, mk(ctx, name));
		cr_assert_eq(e.status, LK_ENR_REGISTERED);
		enrollment_free(&e);
	}
	assert_counts(ctx, run, 3, 0, 0);
	ctx_close(ctx);
}

Test(enroll, refused_outside_registration_and_execution_naming_the_phase)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	int64_t who = mk(ctx, "Kari");
	static const struct {
		const char *code;
		lk_run_phase phase;
	} phases[] = {{"scheduling", LK_RUN_SCHEDULING}, {"evaluation", LK_RUN_EVALUATION},
		{"closed", LK_RUN_CLOSED}, {"cancelled", LK_RUN_CANCELLED}};
	for (size_t i = 0; i < sizeof phases / sizeof phases[0]; i++) {
		int64_t run = fx_run(ctx, 0, phases[i].code, 10);
		char *before = fx_snapshot(ctx);
		lk_enrollment e;
		cr_assert_eq(enroll_add(ctx, run, who, LK_CAT_PATIENT, false, &e, &err), -1);
		cr_assert_eq(err.code, LK_ERULE);
		cr_assert(strstr(err.msg, run_phase_label(phases[i].phase)), "%s", err.msg);
		assert_unchanged(ctx, before);
	}
	int64_t open_run = fx_run(ctx, 0, "registration", 10);
	lk_enrollment e = add(ctx, open_run, who);
	enrollment_free(&e);
	ctx_close(ctx);
}

Test(enroll, bad_input_refused_and_nothing_written)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	int64_t run = fx_run(ctx, 0, "registration", 10);
	int64_t who = mk(ctx, "Kari");
	int64_t gone = mk(ctx, "Per");
	tl_sql(ctx, "UPDATE participant SET name = '', purged_at = '2027-01-01T00:00:00' WHERE id = %lld", (long long)gone);
	char *before = fx_snapshot(ctx);
	cr_assert_eq(enroll_add(ctx, run, who, (lk_category)5, false, NULL, &err), -1);
	cr_assert_eq(err.code, LK_EINVAL);
	cr_assert_eq(enroll_add(ctx, 999, who, LK_CAT_PATIENT, false, NULL, &err), -1);
	cr_assert_eq(err.code, LK_ENOTFOUND);
	cr_assert_eq(enroll_add(ctx, run, 999, LK_CAT_PATIENT, false, NULL, &err), -1);
	cr_assert_eq(err.code, LK_ENOTFOUND);
	cr_assert_eq(enroll_add(ctx, run, gone, LK_CAT_PATIENT, false, NULL, &err), -1);
	cr_assert_eq(err.code, LK_ERULE);
	cr_assert_eq(enroll_list(ctx, run, 7, ALL, collect, NULL, &err), -1);
	cr_assert_eq(err.code, LK_EINVAL);
	assert_unchanged(ctx, before);
	ctx_close(ctx);
}

Test(enroll, already_enrolled_refused)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	int64_t run = fx_run(ctx, 0, "registration", 1);
	int64_t kari = mk(ctx, "Kari"), per = mk(ctx, "Per Åsmund");
	lk_enrollment a = add(ctx, run, kari), b = add(ctx, run, per);
	char *before = fx_snapshot(ctx);
	char no[48];
	cr_assert_eq(enroll_add(ctx, run, kari, LK_CAT_RELATIVE, true, NULL, &err), -1);
	cr_assert_eq(err.code, LK_ERULE);
	snprintf(no, sizeof no, "Participant no. %lld is already registered", (long long)kari);
	cr_assert(strstr(err.msg, no), "%s", err.msg);
	cr_assert_null(strstr(err.msg, "Kari"), "messages reach logs: no names (%s)", err.msg);
	cr_assert_eq(enroll_add(ctx, run, per, LK_CAT_PATIENT, false, NULL, &err), -1);
	cr_assert_eq(err.code, LK_ERULE);
	snprintf(no, sizeof no, "no. %lld", (long long)per);
	cr_assert(strstr(err.msg, "waitlist") && strstr(err.msg, "number 1") && strstr(err.msg, no), "%s", err.msg);
	cr_assert_null(strstr(err.msg, "Per"), "%s", err.msg);
	assert_unchanged(ctx, before);
	enrollment_free(&a);
	enrollment_free(&b);
	ctx_close(ctx);
}

/* A database error while looking for an earlier enrollment is reported as
 * such: nothing is read from (or freed in) an enrollment that was not found. */
Test(enroll, failed_lookup_of_an_earlier_enrollment_is_an_error_not_a_crash)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	int64_t run = fx_run(ctx, 0, "registration", 5);
	int64_t kari = mk(ctx, "Kari Ødegård");
	/* Only the lookup of an earlier enrollment reads this column. */
	tl_sql(ctx, "ALTER TABLE enrollment RENAME COLUMN referral TO referral_gone");
	char *before = fx_snapshot(ctx);
	for (int i = 0; i < 3; i++) {
		lk_enrollment e;
		memset(&e, 0x5a, sizeof e);
		cr_assert_eq(enroll_add(ctx, run, kari, LK_CAT_PATIENT, false, &e, &err), -1);
		cr_assert_eq(err.code, LK_EDB, "%s", err.msg);
		cr_assert_eq(e.id, 0);
		cr_assert_null(e.participant_name);
	}
	assert_unchanged(ctx, before);
	ctx_close(ctx);
}

Test(enroll, cancelled_one_reenrolls_at_the_back_of_the_queue)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	int64_t run = fx_run(ctx, 0, "registration", 1);
	lk_enrollment a = add(ctx, run, mk(ctx, "Anne"));
	int64_t bid = mk(ctx, "Bård");
	lk_enrollment b = add(ctx, run, bid);
	lk_enrollment c = add(ctx, run, mk(ctx, "Cecilie"));
	lk_promotion none;
	cr_assert_eq(enroll_cancel(ctx, b.id, b.version, &none, &err), 0, "%s", err.msg);
	cr_assert_not(none.promoted, "a waiting person's cancel frees no place");
	cr_assert_null(none.name);
	cr_assert_str_eq(listing(ctx, run, LK_ENR_WAITLISTED, ALL), "Cecilie:waitlisted:1|");
	/* Same minute by the fake clock: Bård must still come after Cecilie. */
	lk_enrollment again;
	cr_assert_eq(enroll_add(ctx, run, bid, LK_CAT_RELATIVE, true, &again, &err), 0, "%s", err.msg);
	cr_assert_eq(again.id, b.id, "the cancelled enrollment is reused");
	cr_assert_eq(again.status, LK_ENR_WAITLISTED);
	cr_assert_eq(again.waitlist_pos, 2);
	cr_assert_eq(again.category, LK_CAT_RELATIVE);
	cr_assert(again.referral);
	cr_assert_null(again.cancelled_at);
	cr_assert_str_eq(listing(ctx, run, -1, ALL), "Anne:registered:0|Cecilie:waitlisted:1|Bård:waitlisted:2|");
	lk_promotion p;
	cr_assert_eq(enroll_cancel(ctx, a.id, a.version, &p, &err), 0, "%s", err.msg);
	cr_assert(p.promoted);
	cr_assert_str_eq(p.name, "Cecilie");
	promotion_free(&p);
	enrollment_free(&a);
	enrollment_free(&b);
	enrollment_free(&c);
	enrollment_free(&again);
	ctx_close(ctx);
}

/* ---- cancelling ---- */

Test(enroll, cancel_promotes_the_first_waiting_and_says_who)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	int64_t run = fx_run(ctx, 0, "execution", 2);
	lk_enrollment a = add(ctx, run, mk(ctx, "Anne"));
	lk_enrollment b = add(ctx, run, mk(ctx, "Bjørn"));
	int64_t first = mk(ctx, "Ærlig Øyvind Ås");
	lk_enrollment c = add(ctx, run, first);
	lk_enrollment d = add(ctx, run, mk(ctx, "Dina"));
	tl_set_now(ctx, "2027-01-20T10:15");
	lk_promotion p;
	cr_assert_eq(enroll_cancel(ctx, b.id, b.version, &p, &err), 0, "%s", err.msg);
	cr_assert(p.promoted);
	cr_assert_eq(p.enrollment_id, c.id);
	cr_assert_eq(p.participant_id, first);
	cr_assert_str_eq(p.name, "Ærlig Øyvind Ås");
	lk_enrollment now;
	cr_assert_eq(enroll_get(ctx, c.id, &now, &err), 0);
	cr_assert_eq(now.status, LK_ENR_REGISTERED);
	cr_assert_str_eq(now.placed_at, "2027-01-20T10:15:00", "attendance is expected from the promotion");
	cr_assert_eq(now.waitlist_pos, 0);
	enrollment_free(&now);
	cr_assert_eq(enroll_get(ctx, b.id, &now, &err), 0);
	cr_assert_eq(now.status, LK_ENR_CANCELLED);
	cr_assert_str_eq(now.cancelled_at, "2027-01-20T10:15:00");
	enrollment_free(&now);
	cr_assert_str_eq(listing(ctx, run, -1, ALL),
		"Anne:registered:0|Ærlig Øyvind Ås:registered:0|Dina:waitlisted:1|Bjørn:cancelled:0|");
	assert_counts(ctx, run, 2, 1, 1);
	cr_assert_eq(tl_sql_int(ctx, "SELECT count(*) FROM audit WHERE action = 'promote' AND entity_id = %lld", (long long)c.id), 1);
	promotion_free(&p);
	enrollment_free(&a);
	enrollment_free(&b);
	enrollment_free(&c);
	enrollment_free(&d);
	ctx_close(ctx);
}

Test(enroll, cancel_stale_twice_or_in_a_closed_run_refused)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	int64_t run = fx_run(ctx, 0, "registration", 1);
	lk_enrollment a = add(ctx, run, mk(ctx, "Anne"));
	lk_enrollment b = add(ctx, run, mk(ctx, "Bo"));
	char *before = fx_snapshot(ctx);
	lk_promotion p;
	cr_assert_eq(enroll_cancel(ctx, a.id, a.version + 1, &p, &err), -1);
	cr_assert_eq(err.code, LK_ECONFLICT);
	cr_assert_not(p.promoted);
	cr_assert_eq(enroll_cancel(ctx, 999, 1, &p, &err), -1);
	cr_assert_eq(err.code, LK_ENOTFOUND);
	assert_unchanged(ctx, before);
	cr_assert_eq(enroll_cancel(ctx, b.id, b.version, NULL, &err), 0, "%s", err.msg);
	before = fx_snapshot(ctx);
	cr_assert_eq(enroll_cancel(ctx, b.id, b.version + 1, &p, &err), -1);
	cr_assert_eq(err.code, LK_ERULE);
	cr_assert(strstr(err.msg, "already cancelled"), "%s", err.msg);
	assert_unchanged(ctx, before);
	tl_sql(ctx, "UPDATE run SET phase = 'closed' WHERE id = %lld", (long long)run);
	before = fx_snapshot(ctx);
	cr_assert_eq(enroll_cancel(ctx, a.id, a.version, &p, &err), -1);
	cr_assert_eq(err.code, LK_ERULE);
	cr_assert(strstr(err.msg, run_phase_label(LK_RUN_CLOSED)), "%s", err.msg);
	assert_unchanged(ctx, before);
	enrollment_free(&a);
	enrollment_free(&b);
	ctx_close(ctx);
}

Test(enroll, cancel_in_evaluation_promotes_nobody)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	int64_t run = fx_run(ctx, 0, "registration", 1);
	lk_enrollment a = add(ctx, run, mk(ctx, "Anne"));
	lk_enrollment b = add(ctx, run, mk(ctx, "Bo"));
	tl_sql(ctx, "UPDATE run SET phase = 'evaluation' WHERE id = %lld", (long long)run);
	lk_promotion p;
	cr_assert_eq(enroll_cancel(ctx, a.id, a.version, &p, &err), 0, "%s", err.msg);
	cr_assert_not(p.promoted, "the run is over: the waitlist is not called");
	assert_counts(ctx, run, 0, 1, 1);
	enrollment_free(&a);
	enrollment_free(&b);
	ctx_close(ctx);
}

/* ---- moving ---- */

Test(enroll, move_frees_the_old_place_and_queues_in_the_new_run)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	int64_t course = fx_course(ctx, "Leve med KOLS");
	int64_t r1 = fx_run(ctx, course, "registration", 1);
	int64_t r2 = fx_run(ctx, course, "registration", 1);
	int64_t r3 = fx_run(ctx, course, "execution", 5);
	int64_t anne = mk(ctx, "Anne");
	lk_enrollment a = add(ctx, r1, anne);
	lk_enrollment b = add(ctx, r1, mk(ctx, "Børge"));
	lk_enrollment x = add(ctx, r2, mk(ctx, "Xu Ming"));
	lk_promotion freed;
	lk_enrollment moved;
	cr_assert_eq(enroll_move(ctx, a.id, a.version, r2, &freed, &moved, &err), 0, "%s", err.msg);
	cr_assert(freed.promoted);
	cr_assert_eq(freed.enrollment_id, b.id);
	cr_assert_str_eq(freed.name, "Børge");
	cr_assert_eq(moved.run_id, r2);
	cr_assert_eq(moved.participant_id, anne);
	cr_assert_eq(moved.status, LK_ENR_WAITLISTED, "r2 is full");
	cr_assert_eq(moved.waitlist_pos, 1);
	assert_counts(ctx, r1, 1, 0, 1);
	assert_counts(ctx, r2, 1, 1, 0);
	promotion_free(&freed);
	lk_enrollment moved2;
	cr_assert_eq(enroll_move(ctx, moved.id, moved.version, r3, &freed, &moved2, &err), 0, "%s", err.msg);
	cr_assert_not(freed.promoted, "a waiting person frees no place");
	cr_assert_eq(moved2.status, LK_ENR_REGISTERED);
	cr_assert_str_eq(listing(ctx, r3, -1, ALL), "Anne:registered:0|");
	cr_assert_eq(tl_sql_int(ctx, "SELECT count(*) FROM audit WHERE action = 'move'"), 2);
	promotion_free(&freed);
	enrollment_free(&a);
	enrollment_free(&b);
	enrollment_free(&x);
	enrollment_free(&moved);
	enrollment_free(&moved2);
	ctx_close(ctx);
}

Test(enroll, move_refused_across_courses_and_changes_nothing)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	int64_t course = fx_course(ctx, "Hjertekurs");
	int64_t r1 = fx_run(ctx, course, "registration", 1);
	int64_t r2 = fx_run(ctx, course, "scheduling", 5);
	int64_t r3 = fx_run(ctx, course, "registration", 5);
	int64_t other = fx_run(ctx, 0, "registration", 5);
	int64_t anne = mk(ctx, "Anne");
	lk_enrollment a = add(ctx, r1, anne);
	lk_enrollment b = add(ctx, r1, mk(ctx, "Bo"));
	lk_enrollment in3 = add(ctx, r3, anne);
	char *before = fx_snapshot(ctx);
	lk_promotion freed;
	lk_enrollment moved;
	cr_assert_eq(enroll_move(ctx, a.id, a.version, other, &freed, &moved, &err), -1);
	cr_assert_eq(err.code, LK_ERULE);
	cr_assert(strstr(err.msg, "same course"), "%s", err.msg);
	cr_assert_not(freed.promoted);
	cr_assert_eq(enroll_move(ctx, a.id, a.version, r1, &freed, &moved, &err), -1);
	cr_assert_eq(err.code, LK_ERULE);
	cr_assert_eq(enroll_move(ctx, a.id, a.version, r2, &freed, &moved, &err), -1);
	cr_assert_eq(err.code, LK_ERULE);
	cr_assert(strstr(err.msg, run_phase_label(LK_RUN_SCHEDULING)), "%s", err.msg);
	cr_assert_eq(enroll_move(ctx, a.id, a.version, r3, &freed, &moved, &err), -1);
	cr_assert_eq(err.code, LK_ERULE);
	cr_assert(strstr(err.msg, "already registered"), "%s", err.msg);
	cr_assert_not(freed.promoted, "a rolled-back promotion is not reported");
	cr_assert_eq(enroll_move(ctx, a.id, a.version + 3, r3, &freed, &moved, &err), -1);
	cr_assert_eq(err.code, LK_ECONFLICT);
	cr_assert_eq(enroll_move(ctx, a.id, a.version, 999, &freed, &moved, &err), -1);
	cr_assert_eq(err.code, LK_ENOTFOUND);
	assert_unchanged(ctx, before);
	enrollment_free(&a);
	enrollment_free(&b);
	enrollment_free(&in3);
	ctx_close(ctx);
}

/* ---- capacity ---- */

Test(enroll, raising_capacity_promotes_all_that_fit_in_order)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	int64_t run = fx_run(ctx, 0, "registration", 1);
	const char *names[] = {"Anne", "Bjørn", "Cao Thị Hà", "Dina", "Eirik"};
	int64_t ids[5];
	for (int i = 0; i < 5; i++) {
		lk_enrollment e = add(ctx, run, mk(ctx, names[i]));
		ids[i] = e.id;
		enrollment_free(&e);
	}
	lk_promotion_list l;
	cr_assert_eq(run_set_capacity(ctx, run, 3, &l, &err), 0, "%s", err.msg);
	cr_assert_eq(l.n, 2);
	cr_assert_eq(l.items[0].enrollment_id, ids[1]);
	cr_assert_str_eq(l.items[0].name, "Bjørn");
	cr_assert_eq(l.items[1].enrollment_id, ids[2]);
	cr_assert_str_eq(l.items[1].name, "Cao Thị Hà");
	promotion_list_free(&l);
	assert_counts(ctx, run, 3, 2, 0);
	cr_assert_eq(tl_sql_int(ctx, "SELECT capacity FROM run WHERE id = %lld", (long long)run), 3);
	cr_assert_eq(tl_sql_int(ctx, "SELECT version FROM run WHERE id = %lld", (long long)run), 2);
	cr_assert_eq(run_set_capacity(ctx, run, 1000, &l, &err), 0, "%s", err.msg);
	cr_assert_eq(l.n, 2);
	cr_assert_str_eq(l.items[0].name, "Dina");
	cr_assert_str_eq(l.items[1].name, "Eirik");
	promotion_list_free(&l);
	cr_assert_eq(run_set_capacity(ctx, run, 6, &l, &err), 0, "%s", err.msg);
	cr_assert_eq(l.n, 0);
	cr_assert_null(l.items);
	assert_counts(ctx, run, 5, 0, 0);
	ctx_close(ctx);
}

Test(enroll, lowering_capacity_below_registered_refused)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	int64_t run = fx_run(ctx, 0, "registration", 5);
	for (int i = 0; i < 3; i++) {
		char name[16];
		snprintf(name, sizeof name, "Person %d", i);
		lk_enrollment e = add(ctx, run, mk(ctx, name));
		enrollment_free(&e);
	}
	char *before = fx_snapshot(ctx);
	lk_promotion_list l;
	cr_assert_eq(run_set_capacity(ctx, run, 2, &l, &err), -1);
	cr_assert_eq(err.code, LK_ERULE);
	cr_assert(strstr(err.msg, "3 participants are registered"), "%s", err.msg);
	cr_assert_eq(l.n, 0);
	cr_assert_eq(run_set_capacity(ctx, run, 0, &l, &err), -1);
	cr_assert_eq(err.code, LK_EINVAL);
	cr_assert_eq(run_set_capacity(ctx, run, 1001, &l, &err), -1);
	cr_assert_eq(err.code, LK_EINVAL);
	cr_assert_eq(run_set_capacity(ctx, 999, 10, &l, &err), -1);
	cr_assert_eq(err.code, LK_ENOTFOUND);
	assert_unchanged(ctx, before);
	/* The schema refuses it too, whoever tries. */
	sqlite3 *h = tl_sql_open(ctx);
	cr_assert_neq(sqlite3_exec(h, "UPDATE run SET capacity = 2", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);
	cr_assert_eq(run_set_capacity(ctx, run, 3, NULL, &err), 0, "%s", err.msg);
	tl_sql(ctx, "UPDATE run SET phase = 'cancelled' WHERE id = %lld", (long long)run);
	cr_assert_eq(run_set_capacity(ctx, run, 4, NULL, &err), -1);
	cr_assert_eq(err.code, LK_ERULE);
	ctx_close(ctx);
}

/* ---- roles ---- */

Test(enroll, staff_and_user_reps_list_names_but_change_nothing)
{
	lk_ctx *ctx = tl_ctx();
	lk_ctx *staff = tl_ctx_as(ctx, "vert", LK_ROLE_STAFF);
	lk_ctx *rep = tl_ctx_as(ctx, "bruker", LK_ROLE_USER_REP);
	lk_err err;
	int64_t course = fx_course(ctx, "Hjertekurs");
	int64_t run = fx_run(ctx, course, "registration", 1);
	int64_t run2 = fx_run(ctx, course, "registration", 1);
	int64_t ola = mk(ctx, "Ola");
	lk_enrollment a = add(ctx, run, mk(ctx, "Åse"));
	lk_enrollment b = add(ctx, run, mk(ctx, "Bo"));
	char *before = fx_snapshot(ctx);
	lk_ctx *who[] = {staff, rep};
	for (int i = 0; i < 2; i++) {
		cr_assert_str_eq(listing(who[i], run, -1, ALL), "Åse:registered:0|Bo:waitlisted:1|");
		lk_enrollment e;
		cr_assert_eq(enroll_get(who[i], a.id, &e, &err), 0, "%s", err.msg);
		enrollment_free(&e);
		assert_counts(who[i], run, 1, 1, 0);
		cr_assert_eq(enroll_add(who[i], run, ola, LK_CAT_PATIENT, false, NULL, &err), -1);
		cr_assert_eq(err.code, LK_EPERM);
		cr_assert_eq(enroll_cancel(who[i], a.id, a.version, NULL, &err), -1);
		cr_assert_eq(err.code, LK_EPERM);
		cr_assert_eq(enroll_move(who[i], a.id, a.version, run2, NULL, NULL, &err), -1);
		cr_assert_eq(err.code, LK_EPERM);
		cr_assert_eq(run_set_capacity(who[i], run, 5, NULL, &err), -1);
		cr_assert_eq(err.code, LK_EPERM);
	}
	assert_unchanged(ctx, before);
	enrollment_free(&a);
	enrollment_free(&b);
	ctx_close(staff);
	ctx_close(rep);
	ctx_close(ctx);
}

Test(enroll, list_pages_and_filters)
{
	lk_ctx *ctx = tl_ctx();
	int64_t run = fx_run(ctx, 0, "registration", 2);
	const char *names[] = {"Cecilie", "anne", "Bjørn", "Dag", "Eva"};
	for (int i = 0; i < 5; i++) {
		lk_enrollment e = add(ctx, run, mk(ctx, names[i]));
		enrollment_free(&e);
	}
	cr_assert_str_eq(listing(ctx, run, -1, (lk_page){0, 2}), "anne:registered:0|Cecilie:registered:0|");
	cr_assert_str_eq(listing(ctx, run, -1, (lk_page){2, 2}), "Bjørn:waitlisted:1|Dag:waitlisted:2|");
	cr_assert_str_eq(listing(ctx, run, LK_ENR_WAITLISTED, (lk_page){2, 5}), "Eva:waitlisted:3|");
	cr_assert_str_eq(listing(ctx, run, LK_ENR_CANCELLED, ALL), "");
	ctx_close(ctx);
}

/* ---- two coordinators at once ---- */

Test(enroll, two_connections_interleaved_never_overfill)
{
	lk_ctx *a = tl_ctx();
	lk_ctx *b = tl_ctx_as(a, "koord2", LK_ROLE_COORDINATOR);
	lk_err err;
	int64_t run = fx_run(a, 0, "registration", 2);
	int64_t p1 = mk(a, "Anne"), p2 = mk(b, "Bjørn"), p3 = mk(a, "Cao");
	assert_counts(b, run, 0, 0, 0); /* b has seen the run empty */
	lk_enrollment e1, e2, e3;
	cr_assert_eq(enroll_add(a, run, p1, LK_CAT_PATIENT, false, &e1, &err), 0, "%s", err.msg);
	cr_assert_eq(enroll_add(b, run, p2, LK_CAT_PATIENT, false, &e2, &err), 0, "%s", err.msg);
	cr_assert_eq(enroll_add(b, run, p3, LK_CAT_RELATIVE, false, &e3, &err), 0, "%s", err.msg);
	cr_assert_eq(e1.status, LK_ENR_REGISTERED);
	cr_assert_eq(e2.status, LK_ENR_REGISTERED);
	cr_assert_eq(e3.status, LK_ENR_WAITLISTED);
	assert_counts(a, run, 2, 1, 0);
	/* b cancels with a version a has since changed: refused. */
	lk_enrollment stale = e1;
	cr_assert_eq(enroll_cancel(a, e1.id, e1.version, NULL, &err), 0, "%s", err.msg);
	cr_assert_eq(enroll_cancel(b, stale.id, stale.version, NULL, &err), -1);
	cr_assert_eq(err.code, LK_ECONFLICT);
	assert_counts(b, run, 2, 0, 1);
	cr_assert_eq(tl_sql_int(a, "SELECT count(*) FROM enrollment WHERE status = 'registered'"), 2);
	enrollment_free(&e1);
	enrollment_free(&e2);
	enrollment_free(&e3);
	ctx_close(b);
	ctx_close(a);
}

typedef struct racer {
	lk_ctx *ctx;
	int64_t run;
	const int64_t *who;
	int n, failures;
} racer;

static void *race(void *arg)
{
	racer *r = arg;
	for (int i = 0; i < r->n; i++) {
		lk_err err;
		if (enroll_add(r->ctx, r->run, r->who[i], LK_CAT_PATIENT, false, NULL, &err) < 0) {
			fprintf(stderr, "race: %s\n", err.msg);
			r->failures++;
		}
	}
	return NULL;
}

static void race_once(int capacity, int people)
{
	lk_ctx *a = tl_ctx();
	lk_ctx *b = tl_ctx_as(a, "koord2", LK_ROLE_COORDINATOR);
	int64_t run = fx_run(a, 0, "registration", capacity);
	int64_t ids[64];
	for (int i = 0; i < people; i++) {
		char name[24];
		snprintf(name, sizeof name, "Deltaker %02d", i);
		ids[i] = mk(a, name);
	}
	racer ra = {a, run, ids, people / 2, 0}, rb = {b, run, ids + people / 2, people - people / 2, 0};
	pthread_t ta, tb;
	cr_assert_eq(pthread_create(&ta, NULL, race, &ra), 0);
	cr_assert_eq(pthread_create(&tb, NULL, race, &rb), 0);
	pthread_join(ta, NULL);
	pthread_join(tb, NULL);
	cr_assert_eq(ra.failures + rb.failures, 0);
	assert_counts(a, run, capacity, people - capacity, 0);
	cr_assert_eq(tl_sql_int(a, "SELECT count(*) FROM enrollment WHERE status = 'registered'"), capacity);
	ctx_close(b);
	ctx_close(a);
}

Test(enroll, two_connections_in_threads_three_people_two_places)
{
	race_once(2, 3);
}

Test(enroll, two_connections_in_threads_many_people)
{
	race_once(5, 40);
}
