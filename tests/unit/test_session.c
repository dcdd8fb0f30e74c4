#include <criterion/criterion.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "lmskurs/course.h"
#include "lmskurs/run.h"
#include "lmskurs/session.h"
#include "testlib.h"

/* ---- helpers (private to this file) ---- */

static int64_t active_course(lk_ctx *ctx, const char *title, int parts)
{
	lk_err err;
	lk_course c = {.title = (char *)title, .audience = LK_AUDIENCE_RELATIVES};
	cr_assert_eq(course_create(ctx, &c, &err), 0, "%s", err.msg);
	for (int i = 0; i < parts; i++) {
		lk_course_part p = {.course_id = c.id, .topic = "Å leve med sykdom", .minutes = 120};
		cr_assert_eq(course_part_add(ctx, &p, &err), 0, "%s", err.msg);
	}
	cr_assert_eq(course_set_phase(ctx, c.id, LK_COURSE_PLANNING, "test", NULL, &err), 0, "%s", err.msg);
	cr_assert_eq(course_set_phase(ctx, c.id, LK_COURSE_ACTIVE, "test", NULL, &err), 0, "%s", err.msg);
	return c.id;
}

/* A run of a fresh course with `parts` sessions, weekly from first at 10:00. */
static int64_t scheduled_run(lk_ctx *ctx, const char *course, int parts, lk_date first)
{
	lk_err err;
	lk_run r = {.course_id = active_course(ctx, course, parts), .title = "Vår 2027", .capacity = 10};
	cr_assert_eq(run_create(ctx, &r, &err), 0, "%s", err.msg);
	lk_schedule s = {.first = first, .every_weeks = 1, .hour = 10, .minute = 0, .room = "Auditoriet"};
	cr_assert_eq(run_schedule(ctx, r.id, &s, &err), parts, "%s", err.msg);
	return r.id;
}

static lk_session get(lk_ctx *ctx, int64_t id)
{
	lk_err err;
	lk_session s;
	cr_assert_eq(session_get(ctx, id, &s, &err), 0, "%s", err.msg);
	return s;
}

static sqlite3 *raw_open(lk_ctx *ctx)
{
	sqlite3 *h;
	cr_assert_eq(sqlite3_open_v2(tl_db_path(ctx), &h, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
	sqlite3_busy_timeout(h, 2000);
	return h;
}

static int64_t raw_int(sqlite3 *h, const char *sql)
{
	sqlite3_stmt *st;
	cr_assert_eq(sqlite3_prepare_v2(h, sql, -1, &st, NULL), SQLITE_OK, "%s", sqlite3_errmsg(h));
	cr_assert_eq(sqlite3_step(st), SQLITE_ROW, "%s", sqlite3_errmsg(h));
	int64_t v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

static void raw_exec(sqlite3 *h, const char *sql)
{
	char *msg = NULL;
	cr_assert_eq(sqlite3_exec(h, sql, NULL, NULL, &msg), SQLITE_OK, "%s", msg ? msg : "");
}

/* PRAGMA data_version of a second connection changes whenever ctx commits. */
static int64_t data_version(sqlite3 *h)
{
	return raw_int(h, "PRAGMA data_version");
}

/* Marks one participant present at session_id, as a fixture. */
static void raw_attendance(sqlite3 *h, int64_t run_id, int64_t session_id)
{
	char sql[512];
	raw_exec(h, "INSERT INTO participant (name, created_at) VALUES ('Đặng Thị Hoa', '2027-01-01T10:00:00')");
	snprintf(sql, sizeof sql,
		"INSERT INTO enrollment (run_id, participant_id, category, status, requested_at, placed_at)"
		" VALUES (%lld, last_insert_rowid(), 'relative', 'registered', '2027-01-02T10:00:00', '2027-01-02T10:00:00')",
		(long long)run_id);
	raw_exec(h, sql);
	snprintf(sql, sizeof sql, "INSERT INTO attendance (session_id, enrollment_id, status, marked_by, marked_at)"
		" VALUES (%lld, last_insert_rowid(), 'present', 'koord', '2027-02-01T12:00:00')", (long long)session_id);
	raw_exec(h, sql);
}

struct rows {
	int n;
	char buf[1024];
};

static int collect(void *arg, const lk_session *s)
{
	struct rows *r = arg;
	char a[17];
	datetime_iso(s->starts_at, a);
	size_t len = strlen(r->buf);
	snprintf(r->buf + len, sizeof r->buf - len, "%d:%s:%s:%s|", s->seq, a, s->topic,
		session_status_code(s->status));
	r->n++;
	return 0;
}

static struct rows list(lk_ctx *ctx, int64_t run_id)
{
	lk_err err;
	struct rows r = {0};
	cr_assert_eq(session_list(ctx, run_id, collect, &r, &err), 0, "%s", err.msg);
	return r;
}

/* ---- add, get, update ---- */

Test(session, add_get_update_roundtrip)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	int64_t run = scheduled_run(ctx, "Kurs", 2, (lk_date){2027, 2, 1});
	lk_session s = {.run_id = run, .starts_at = {{2027, 3, 1}, 9, 30}, .ends_at = {{2027, 3, 1}, 11, 0},
		.room = "Rom Æ", .topic = "Erfaringsdeling – تبادل الخبرات", .notes = "Ta med kaffe\nog te"};
	cr_assert_eq(session_add(ctx, &s, &err), 0, "%s", err.msg);
	cr_assert_eq(s.seq, 3, "appended after the scheduled ones");
	cr_assert_eq(s.version, 1);
	cr_assert_eq(s.status, LK_SESSION_PLANNED);
	lk_session got = get(ctx, s.id);
	cr_assert_eq(got.run_id, run);
	cr_assert_eq(datetime_cmp(got.starts_at, s.starts_at), 0);
	cr_assert_eq(datetime_cmp(got.ends_at, s.ends_at), 0);
	cr_assert_str_eq(got.room, "Rom Æ");
	cr_assert_str_eq(got.topic, "Erfaringsdeling – تبادل الخبرات");
	cr_assert_str_eq(got.notes, "Ta med kaffe\nog te");
	cr_assert_str_eq(got.course_title, "Kurs");
	cr_assert_str_eq(got.run_title, "Vår 2027");
	cr_assert_null(got.holiday);
	free(got.topic);
	got.topic = strdup("Kosthold 饮食");
	got.starts_at.hour = 12;
	got.ends_at.hour = 14;
	cr_assert_eq(session_update(ctx, &got, &err), 0, "%s", err.msg);
	cr_assert_eq(got.version, 2);
	lk_session again = get(ctx, s.id);
	cr_assert_str_eq(again.topic, "Kosthold 饮食");
	cr_assert_eq(again.starts_at.hour, 12);
	session_free(&again);
	session_free(&got);
	ctx_close(ctx);
}

Test(session, invalid_times_and_text_refused)
{
	lk_ctx *ctx = tl_ctx();
	sqlite3 *h = raw_open(ctx);
	lk_err err;
	int64_t run = scheduled_run(ctx, "Kurs", 1, (lk_date){2027, 2, 1});
	int64_t before = data_version(h);
	lk_session s = {.run_id = run, .starts_at = {{2027, 3, 1}, 11, 0}, .ends_at = {{2027, 3, 1}, 11, 0}};
	cr_assert_eq(session_add(ctx, &s, &err), -1);
	cr_assert_eq(err.code, LK_EINVAL);
	cr_assert(strstr(err.msg, "end after it starts"), "%s", err.msg);
	s.ends_at = (lk_datetime){{2027, 3, 1}, 10, 0};
	cr_assert_eq(session_add(ctx, &s, &err), -1);
	s.ends_at = (lk_datetime){{2027, 3, 2}, 12, 0};
	cr_assert_eq(session_add(ctx, &s, &err), -1);
	cr_assert(strstr(err.msg, "same day") || strstr(err.msg, "day it starts"), "%s", err.msg);
	s.starts_at = (lk_datetime){{2027, 2, 29}, 10, 0};
	s.ends_at = (lk_datetime){{2027, 2, 29}, 12, 0};
	cr_assert_eq(session_add(ctx, &s, &err), -1);
	cr_assert(strstr(err.msg, "not a valid date"), "%s", err.msg);
	s.starts_at = (lk_datetime){{2027, 3, 1}, 10, 60};
	s.ends_at = (lk_datetime){{2027, 3, 1}, 12, 0};
	cr_assert_eq(session_add(ctx, &s, &err), -1);
	s.starts_at = (lk_datetime){{2027, 3, 1}, 10, 0};
	char bad[] = {'R', 'o', (char)0xE5, 'm', 0};
	s.room = bad;
	cr_assert_eq(session_add(ctx, &s, &err), -1);
	cr_assert(strstr(err.msg, "UTF-8"), "%s", err.msg);
	s.room = "Rom";
	s.topic = "Linje\nto";
	cr_assert_eq(session_add(ctx, &s, &err), -1, "a topic is one line");
	s.topic = "Ok";
	s.run_id = 999;
	cr_assert_eq(session_add(ctx, &s, &err), -1);
	cr_assert_eq(err.code, LK_ENOTFOUND);
	cr_assert_eq(data_version(h), before, "nothing was written");
	cr_assert_eq(list(ctx, run).n, 1);
	lk_session got = get(ctx, 1);
	got.ends_at = got.starts_at;
	cr_assert_eq(session_update(ctx, &got, &err), -1);
	cr_assert_eq(err.code, LK_EINVAL);
	cr_assert_eq(data_version(h), before);
	session_free(&got);
	sqlite3_close(h);
	ctx_close(ctx);
}

Test(session, stale_update_refused_and_nothing_overwritten)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	scheduled_run(ctx, "Kurs", 1, (lk_date){2027, 2, 1});
	lk_session a = get(ctx, 1), b = get(ctx, 1);
	free(a.room);
	a.room = strdup("Rom 1");
	cr_assert_eq(session_update(ctx, &a, &err), 0, "%s", err.msg);
	free(b.room);
	b.room = strdup("Rom 2");
	cr_assert_eq(session_update(ctx, &b, &err), -1);
	cr_assert_eq(err.code, LK_ECONFLICT);
	cr_assert(strstr(err.msg, "changed by someone else"), "%s", err.msg);
	cr_assert_eq(session_set_status(ctx, 1, b.version, LK_SESSION_CANCELLED, &err), -1);
	cr_assert_eq(err.code, LK_ECONFLICT);
	cr_assert_eq(session_delete(ctx, 1, b.version, &err), -1);
	cr_assert_eq(err.code, LK_ECONFLICT);
	lk_session c = get(ctx, 1);
	cr_assert_str_eq(c.room, "Rom 1");
	cr_assert_eq(c.status, LK_SESSION_PLANNED);
	session_free(&a);
	session_free(&b);
	session_free(&c);
	ctx_close(ctx);
}

Test(session, get_unknown_is_not_found)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	lk_session s;
	cr_assert_eq(session_get(ctx, 77, &s, &err), -1);
	cr_assert_eq(err.code, LK_ENOTFOUND);
	session_free(&s);
	ctx_close(ctx);
}

/* ---- status ---- */

Test(session, held_only_once_started_and_stays_held_with_attendance)
{
	lk_ctx *ctx = tl_ctx();
	sqlite3 *h = raw_open(ctx);
	lk_err err;
	int64_t run = scheduled_run(ctx, "Kurs", 2, (lk_date){2027, 2, 1});
	tl_set_now(ctx, "2027-02-01T09:59");
	int64_t before = data_version(h);
	cr_assert_eq(session_set_status(ctx, 1, 1, LK_SESSION_HELD, &err), -1);
	cr_assert_eq(err.code, LK_ERULE);
	cr_assert(strstr(err.msg, "before it starts"), "%s", err.msg);
	cr_assert_eq(session_set_status(ctx, 1, 1, (lk_session_status)9, &err), -1);
	cr_assert_eq(err.code, LK_EINVAL);
	cr_assert_eq(data_version(h), before);
	tl_set_now(ctx, "2027-02-01T10:00");
	cr_assert_eq(session_set_status(ctx, 1, 1, LK_SESSION_HELD, &err), 0, "%s", err.msg);
	lk_session s = get(ctx, 1);
	cr_assert_eq(s.status, LK_SESSION_HELD);
	cr_assert_eq(s.version, 2);
	session_free(&s);
	raw_attendance(h, run, 1);
	before = data_version(h);
	cr_assert_eq(session_set_status(ctx, 1, 2, LK_SESSION_PLANNED, &err), -1);
	cr_assert_eq(err.code, LK_ERULE);
	cr_assert(strstr(err.msg, "attendance"), "%s", err.msg);
	cr_assert_eq(session_set_status(ctx, 1, 2, LK_SESSION_CANCELLED, &err), -1);
	cr_assert_eq(data_version(h), before);
	/* Without attendance a held session may go back to planned. */
	tl_set_now(ctx, "2027-02-08T12:00");
	cr_assert_eq(session_set_status(ctx, 2, 1, LK_SESSION_HELD, &err), 0, "%s", err.msg);
	cr_assert_eq(session_set_status(ctx, 2, 2, LK_SESSION_PLANNED, &err), 0, "%s", err.msg);
	cr_assert_eq(session_set_status(ctx, 2, 3, LK_SESSION_CANCELLED, &err), 0, "%s", err.msg);
	cr_assert_str_eq(list(ctx, run).buf, "1:2027-02-01T10:00:Å leve med sykdom:held|"
		"2:2027-02-08T10:00:Å leve med sykdom:cancelled|");
	sqlite3_close(h);
	ctx_close(ctx);
}

/* Attendance ties a session to the day it was held: with marks it cannot
 * move to another day, nor start later once that lies ahead; times on the
 * day may be corrected afterwards. */
Test(session, session_with_attendance_cannot_be_moved)
{
	lk_ctx *ctx = tl_ctx();
	sqlite3 *h = raw_open(ctx);
	lk_err err;
	int64_t run = scheduled_run(ctx, "Kurs for pårørende", 2, (lk_date){2027, 2, 1});
	raw_attendance(h, run, 1);
	tl_set_now(ctx, "2027-02-01T13:00");
	lk_session s = get(ctx, 1);
	int64_t before = data_version(h);
	static const lk_datetime moves[][2] = {
		{{{2027, 2, 15}, 10, 0}, {{2027, 2, 15}, 12, 0}}, /* a later day, ahead */
		{{{2027, 1, 25}, 10, 0}, {{2027, 1, 25}, 12, 0}}, /* an earlier day */
		{{{2027, 2, 1}, 14, 0}, {{2027, 2, 1}, 15, 30}},  /* later today, after now */
	};
	for (size_t i = 0; i < sizeof moves / sizeof moves[0]; i++) {
		lk_session m = s;
		m.starts_at = moves[i][0];
		m.ends_at = moves[i][1];
		cr_assert_eq(session_update(ctx, &m, &err), -1, "move %zu", i);
		cr_assert_eq(err.code, LK_ERULE, "move %zu: %s", i, err.msg);
		cr_assert(strstr(err.msg, "attendance") && strstr(err.msg, "Session 1"), "%s", err.msg);
		cr_assert_eq(m.version, s.version);
	}
	cr_assert_eq(data_version(h), before, "refused moves write nothing");
	/* Corrections on the day: it ran over by half an hour, in another room. */
	s.ends_at.minute = 30;
	s.starts_at.hour = 9;
	free(s.room);
	s.room = strdup("Peisestua");
	cr_assert_eq(session_update(ctx, &s, &err), 0, "%s", err.msg);
	lk_session got = get(ctx, 1);
	cr_assert_eq(got.ends_at.hour, 12);
	cr_assert_eq(got.ends_at.minute, 30);
	cr_assert_eq(got.starts_at.hour, 9);
	cr_assert_str_eq(got.room, "Peisestua");
	/* A session without marks moves freely. */
	lk_session two = get(ctx, 2);
	two.starts_at.date = two.ends_at.date = (lk_date){2027, 2, 22};
	cr_assert_eq(session_update(ctx, &two, &err), 0, "%s", err.msg);
	cr_assert_str_eq(list(ctx, run).buf, "1:2027-02-01T09:00:Å leve med sykdom:planned|"
		"2:2027-02-22T10:00:Å leve med sykdom:planned|");
	session_free(&s);
	session_free(&got);
	session_free(&two);
	sqlite3_close(h);
	ctx_close(ctx);
}

/* Rolled back after the insert: the caller gets no id of a row that is gone. */
Test(session, failed_add_leaves_no_id_behind)
{
	lk_ctx *ctx = tl_ctx();
	sqlite3 *h = raw_open(ctx);
	lk_err err;
	int64_t run = scheduled_run(ctx, "Kurs", 1, (lk_date){2027, 2, 1});
	raw_exec(h, "CREATE TRIGGER test_fail AFTER INSERT ON audit WHEN NEW.entity = 'session'"
		" BEGIN SELECT RAISE(ABORT, 'test: audit refused'); END");
	int64_t before = data_version(h);
	lk_session s = {.run_id = run, .starts_at = {{2027, 3, 1}, 9, 30}, .ends_at = {{2027, 3, 1}, 11, 0},
		.room = "Rom Ø", .topic = "Ekstra"};
	cr_assert_eq(session_add(ctx, &s, &err), -1);
	cr_assert_eq(s.id, 0);
	cr_assert_eq(s.seq, 0);
	cr_assert_eq(s.version, 0);
	cr_assert_eq(data_version(h), before);
	raw_exec(h, "DROP TRIGGER test_fail");
	cr_assert_eq(session_add(ctx, &s, &err), 0, "%s", err.msg);
	cr_assert_eq(s.seq, 2);
	sqlite3_close(h);
	ctx_close(ctx);
}

/* ---- delete ---- */

Test(session, delete_renumbers_and_refuses_with_attendance)
{
	lk_ctx *ctx = tl_ctx();
	sqlite3 *h = raw_open(ctx);
	lk_err err;
	int64_t run = scheduled_run(ctx, "Kurs", 4, (lk_date){2027, 2, 1});
	int64_t p = tl_person(ctx, "Ingrid", LK_PROFESSIONAL);
	cr_assert_eq(session_facilitator_add(ctx, 2, p, &err), 0, "%s", err.msg);
	cr_assert_eq(session_delete(ctx, 2, 1, &err), 0, "%s", err.msg);
	cr_assert_str_eq(list(ctx, run).buf,
		"1:2027-02-01T10:00:Å leve med sykdom:planned|"
		"2:2027-02-15T10:00:Å leve med sykdom:planned|"
		"3:2027-02-22T10:00:Å leve med sykdom:planned|");
	cr_assert_eq(raw_int(h, "SELECT count(*) FROM session_facilitator"), 0, "bookings went with it");
	lk_session s = {.run_id = run, .starts_at = {{2027, 3, 1}, 10, 0}, .ends_at = {{2027, 3, 1}, 11, 0}};
	cr_assert_eq(session_add(ctx, &s, &err), 0, "%s", err.msg);
	cr_assert_eq(s.seq, 4);

	raw_attendance(h, run, 1);
	int64_t before = data_version(h);
	cr_assert_eq(session_delete(ctx, 1, 1, &err), -1);
	cr_assert_eq(err.code, LK_ERULE);
	cr_assert(strstr(err.msg, "cancelled instead"), "%s", err.msg);
	cr_assert_eq(session_delete(ctx, 99, 1, &err), -1);
	cr_assert_eq(err.code, LK_ENOTFOUND);
	cr_assert_eq(data_version(h), before);
	cr_assert_eq(list(ctx, run).n, 4);
	sqlite3_close(h);
	ctx_close(ctx);
}

/* ---- which run phases allow changes ---- */

Test(session, closed_or_cancelled_runs_are_final)
{
	lk_ctx *ctx = tl_ctx();
	sqlite3 *h = raw_open(ctx);
	lk_err err;
	int64_t run = scheduled_run(ctx, "Kurs", 2, (lk_date){2027, 2, 1});
	int64_t p = tl_person(ctx, "Ingrid", LK_PROFESSIONAL);
	cr_assert_eq(run_set_phase(ctx, run, LK_RUN_CANCELLED, "Ingen påmeldte", NULL, &err), 0, "%s", err.msg);
	int64_t before = data_version(h);
	lk_session s = {.run_id = run, .starts_at = {{2027, 3, 1}, 10, 0}, .ends_at = {{2027, 3, 1}, 11, 0}};
	cr_assert_eq(session_add(ctx, &s, &err), -1);
	cr_assert_eq(err.code, LK_ERULE);
	cr_assert(strstr(err.msg, "can no longer be changed"), "%s", err.msg);
	lk_session got = get(ctx, 1);
	cr_assert_eq(session_update(ctx, &got, &err), -1);
	cr_assert_eq(err.code, LK_ERULE);
	cr_assert_eq(session_set_status(ctx, 1, got.version, LK_SESSION_CANCELLED, &err), -1);
	cr_assert_eq(session_delete(ctx, 1, got.version, &err), -1);
	cr_assert_eq(session_facilitator_add(ctx, 1, p, &err), -1);
	cr_assert_eq(err.code, LK_ERULE);
	cr_assert_eq(run_assign_facilitators(ctx, run, &p, 1, &err), -1);
	cr_assert_eq(err.code, LK_ERULE);
	cr_assert_eq(data_version(h), before);
	session_free(&got);
	sqlite3_close(h);
	ctx_close(ctx);
}

Test(session, evaluation_phase_asks_to_move_back_first)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	int64_t run = scheduled_run(ctx, "Kurs", 1, (lk_date){2027, 2, 1});
	cr_assert_eq(run_set_phase(ctx, run, LK_RUN_REGISTRATION, "test", NULL, &err), -1, "unpaired: hard rule");
	int64_t ids[2] = {tl_person(ctx, "Ingrid", LK_PROFESSIONAL), tl_person(ctx, "Jon", LK_USER_REP)};
	cr_assert_eq(run_assign_facilitators(ctx, run, ids, 2, &err), 1, "%s", err.msg);
	cr_assert_eq(run_set_phase(ctx, run, LK_RUN_REGISTRATION, "test", NULL, &err), 0, "%s", err.msg);
	cr_assert_eq(run_set_phase(ctx, run, LK_RUN_EXECUTION, "test", NULL, &err), 0, "%s", err.msg);
	cr_assert_eq(run_set_phase(ctx, run, LK_RUN_EVALUATION, "test", NULL, &err), 0, "%s", err.msg);
	lk_session got = get(ctx, 1);
	free(got.notes);
	got.notes = strdup("Notat");
	cr_assert_eq(session_update(ctx, &got, &err), -1);
	cr_assert_eq(err.code, LK_ERULE);
	cr_assert(strstr(err.msg, "move it back"), "%s", err.msg);
	cr_assert_eq(run_set_phase(ctx, run, LK_RUN_EXECUTION, NULL, NULL, &err), 0, "%s", err.msg);
	cr_assert_eq(session_update(ctx, &got, &err), 0, "%s", err.msg);
	session_free(&got);
	ctx_close(ctx);
}

/* ---- facilitators and pairing ---- */

static int collect_people(void *arg, const lk_person *p)
{
	char *buf = arg;
	strcat(buf, p->name);
	strcat(buf, p->kind == LK_PROFESSIONAL ? "(F)|" : "(B)|");
	return 0;
}

Test(session, facilitators_add_list_remove)
{
	lk_ctx *ctx = tl_ctx();
	sqlite3 *h = raw_open(ctx);
	lk_err err;
	scheduled_run(ctx, "Kurs", 1, (lk_date){2027, 2, 1});
	int64_t rep = tl_person(ctx, "Åsmund Brukar", LK_USER_REP);
	int64_t prof = tl_person(ctx, "Zofia Wiśniewska", LK_PROFESSIONAL);
	int64_t prof2 = tl_person(ctx, "Bjørg Lege", LK_PROFESSIONAL);
	cr_assert_eq(session_facilitator_add(ctx, 1, rep, &err), 0, "%s", err.msg);
	cr_assert_eq(session_facilitator_add(ctx, 1, prof, &err), 0, "%s", err.msg);
	cr_assert_eq(session_facilitator_add(ctx, 1, prof2, &err), 0, "%s", err.msg);
	char buf[256] = "";
	cr_assert_eq(session_facilitator_list(ctx, 1, collect_people, buf, &err), 0, "%s", err.msg);
	cr_assert_str_eq(buf, "Bjørg Lege(F)|Zofia Wiśniewska(F)|Åsmund Brukar(B)|");
	lk_session s = get(ctx, 1);
	cr_assert_eq(s.n_professionals, 2);
	cr_assert_eq(s.n_user_reps, 1);
	session_free(&s);

	int64_t before = data_version(h);
	cr_assert_eq(session_facilitator_add(ctx, 1, rep, &err), -1);
	cr_assert_eq(err.code, LK_EINVAL);
	cr_assert(strstr(err.msg, "already facilitates"), "%s", err.msg);
	cr_assert_eq(session_facilitator_add(ctx, 1, 999, &err), -1);
	cr_assert_eq(err.code, LK_ENOTFOUND);
	cr_assert_eq(session_facilitator_add(ctx, 42, rep, &err), -1);
	cr_assert_eq(err.code, LK_ENOTFOUND);
	cr_assert_eq(session_facilitator_remove(ctx, 1, 999, &err), -1);
	cr_assert_eq(err.code, LK_ENOTFOUND);
	lk_person inactive;
	cr_assert_eq(person_get(ctx, tl_person(ctx, "Passiv", LK_USER_REP), &inactive, &err), 0);
	before = data_version(h);
	inactive.active = false;
	cr_assert_eq(person_update(ctx, &inactive, &err), 0, "%s", err.msg);
	before = data_version(h);
	cr_assert_eq(session_facilitator_add(ctx, 1, inactive.id, &err), -1);
	cr_assert_eq(err.code, LK_EINVAL);
	cr_assert(strstr(err.msg, "inactive"), "%s", err.msg);
	cr_assert_eq(data_version(h), before);
	person_free(&inactive);

	cr_assert_eq(session_facilitator_remove(ctx, 1, prof, &err), 0, "%s", err.msg);
	buf[0] = 0;
	cr_assert_eq(session_facilitator_list(ctx, 1, collect_people, buf, &err), 0, "%s", err.msg);
	cr_assert_str_eq(buf, "Bjørg Lege(F)|Åsmund Brukar(B)|");
	sqlite3_close(h);
	ctx_close(ctx);
}

Test(session, pairing_text_says_what_is_missing)
{
	lk_session s = {0};
	cr_assert_str_eq(session_pairing_text(&s), "missing both");
	s.n_professionals = 1;
	cr_assert_str_eq(session_pairing_text(&s), "missing user representative");
	cr_assert(session_pairing(&s).has_professional);
	cr_assert_not(session_pairing(&s).has_user_rep);
	s.n_professionals = 0;
	s.n_user_reps = 2;
	cr_assert_str_eq(session_pairing_text(&s), "missing professional");
	s.n_professionals = 3;
	cr_assert_str_eq(session_pairing_text(&s), "F+B");
	cr_assert(session_pairing(&s).has_user_rep);
}

static int collect_seq(void *arg, const lk_session *s)
{
	char *buf = arg;
	char one[32];
	snprintf(one, sizeof one, "%d:%s|", s->seq, session_pairing_text(s));
	strcat(buf, one);
	return 0;
}

Test(session, run_unpaired_lists_sessions_missing_a_kind)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	int64_t run = scheduled_run(ctx, "Kurs", 4, (lk_date){2027, 2, 1});
	int64_t prof = tl_person(ctx, "Kari", LK_PROFESSIONAL), rep = tl_person(ctx, "Ola", LK_USER_REP);
	cr_assert_eq(session_facilitator_add(ctx, 1, prof, &err), 0, "%s", err.msg);
	cr_assert_eq(session_facilitator_add(ctx, 1, rep, &err), 0, "%s", err.msg);
	cr_assert_eq(session_facilitator_add(ctx, 2, prof, &err), 0, "%s", err.msg);
	cr_assert_eq(session_facilitator_add(ctx, 3, rep, &err), 0, "%s", err.msg);
	cr_assert_eq(session_set_status(ctx, 4, 1, LK_SESSION_CANCELLED, &err), 0, "%s", err.msg);
	char buf[256] = "";
	cr_assert_eq(run_unpaired(ctx, run, collect_seq, buf, &err), 0, "%s", err.msg);
	cr_assert_str_eq(buf, "2:missing user representative|3:missing professional|",
		"paired and cancelled sessions are left out");
	buf[0] = 0;
	cr_assert_eq(session_list(ctx, run, collect_seq, buf, &err), 0, "%s", err.msg);
	cr_assert_str_eq(buf, "1:F+B|2:missing user representative|3:missing professional|4:missing both|");
	cr_assert_eq(run_unpaired(ctx, 999, collect_seq, buf, &err), -1);
	cr_assert_eq(err.code, LK_ENOTFOUND);
	ctx_close(ctx);
}

Test(session, assign_facilitators_to_planned_sessions)
{
	lk_ctx *ctx = tl_ctx();
	sqlite3 *h = raw_open(ctx);
	lk_err err;
	int64_t run = scheduled_run(ctx, "Kurs", 4, (lk_date){2027, 2, 1});
	tl_set_now(ctx, "2027-02-01T12:00");
	cr_assert_eq(session_set_status(ctx, 1, 1, LK_SESSION_HELD, &err), 0, "%s", err.msg);
	cr_assert_eq(session_set_status(ctx, 4, 1, LK_SESSION_CANCELLED, &err), 0, "%s", err.msg);
	int64_t prof = tl_person(ctx, "Kari", LK_PROFESSIONAL), rep = tl_person(ctx, "Ola", LK_USER_REP);
	cr_assert_eq(session_facilitator_add(ctx, 2, rep, &err), 0, "%s", err.msg);
	int64_t ids[2] = {prof, rep};
	cr_assert_eq(run_assign_facilitators(ctx, run, ids, 2, &err), 2, "%s", err.msg);
	char buf[256] = "";
	cr_assert_eq(session_list(ctx, run, collect_seq, buf, &err), 0, "%s", err.msg);
	cr_assert_str_eq(buf, "1:missing both|2:F+B|3:F+B|4:missing both|");
	cr_assert_eq(raw_int(h, "SELECT count(*) FROM session_facilitator"), 4, "Ola is booked once on session 2");

	int64_t before = data_version(h);
	cr_assert_eq(run_assign_facilitators(ctx, run, ids, 0, &err), -1);
	cr_assert_eq(err.code, LK_EINVAL);
	int64_t with_unknown[2] = {prof, 999};
	cr_assert_eq(run_assign_facilitators(ctx, run, with_unknown, 2, &err), -1);
	cr_assert_eq(err.code, LK_ENOTFOUND);
	cr_assert_eq(run_assign_facilitators(ctx, 999, ids, 2, &err), -1);
	cr_assert_eq(err.code, LK_ENOTFOUND);
	cr_assert_eq(data_version(h), before, "all or nothing");
	sqlite3_close(h);
	ctx_close(ctx);
}

/* ---- lists across runs ---- */

static int collect_range(void *arg, const lk_session *s)
{
	char *buf = arg;
	char one[160], a[17];
	datetime_iso(s->starts_at, a);
	snprintf(one, sizeof one, "%s %s #%lld|", a, s->course_title, (long long)s->run_id);
	strcat(buf, one);
	return 0;
}

Test(session, list_range_across_runs_in_time_order)
{
	lk_ctx *ctx = tl_ctx();
	lk_ctx *staff = tl_ctx_as(ctx, "vert", LK_ROLE_STAFF);
	lk_err err;
	int64_t a = scheduled_run(ctx, "Diabetes", 3, (lk_date){2027, 2, 1});
	int64_t b = scheduled_run(ctx, "Ρευματισμός", 2, (lk_date){2027, 2, 8});
	int64_t c = scheduled_run(ctx, "Avlyst kurs", 1, (lk_date){2027, 2, 9});
	cr_assert_eq(run_set_phase(ctx, c, LK_RUN_CANCELLED, "Ingen påmeldte", NULL, &err), 0, "%s", err.msg);
	lk_session s = {.run_id = b, .starts_at = {{2027, 2, 8}, 8, 0}, .ends_at = {{2027, 2, 8}, 9, 0}};
	cr_assert_eq(session_add(ctx, &s, &err), 0, "%s", err.msg);
	char buf[1024] = "";
	cr_assert_eq(session_list_range(staff, (lk_date){2027, 2, 8}, (lk_date){2027, 2, 14}, collect_range, buf, &err), 0,
		"%s", err.msg);
	char want[512];
	snprintf(want, sizeof want,
		"2027-02-08T08:00 Ρευματισμός #%lld|2027-02-08T10:00 Diabetes #%lld|2027-02-08T10:00 Ρευματισμός #%lld|",
		(long long)b, (long long)a, (long long)b);
	cr_assert_str_eq(buf, want, "the cancelled run's session on 09.02 is left out");
	buf[0] = 0;
	cr_assert_eq(session_list_range(staff, (lk_date){2027, 2, 15}, (lk_date){2027, 2, 15}, collect_range, buf, &err), 0);
	cr_assert(strstr(buf, "2027-02-15T10:00 Diabetes"), "%s", buf);
	cr_assert(strstr(buf, "2027-02-15T10:00 Ρευματισμός"), "%s", buf);
	cr_assert_eq(session_list_range(staff, (lk_date){2027, 2, 15}, (lk_date){2027, 2, 14}, collect_range, buf, &err), -1);
	cr_assert_eq(err.code, LK_EINVAL);
	ctx_close(staff);
	ctx_close(ctx);
}

Test(session, holiday_flag_on_added_sessions)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	int64_t run = scheduled_run(ctx, "Kurs", 1, (lk_date){2027, 2, 1});
	lk_session s = {.run_id = run, .starts_at = {{2027, 5, 17}, 10, 0}, .ends_at = {{2027, 5, 17}, 11, 0}};
	cr_assert_eq(session_add(ctx, &s, &err), 0, "allowed on a holiday: %s", err.msg);
	lk_session got = get(ctx, s.id);
	cr_assert_not_null(got.holiday);
	cr_assert_str_eq(got.holiday, date_holiday((lk_date){2027, 5, 17}));
	session_free(&got);
	lk_session asc = {.run_id = run, .starts_at = {{2027, 5, 6}, 10, 0}, .ends_at = {{2027, 5, 6}, 11, 0}};
	cr_assert_eq(session_add(ctx, &asc, &err), 0, "%s", err.msg);
	got = get(ctx, asc.id);
	cr_assert_not_null(got.holiday, "Ascension Day 2027 is 6 May");
	session_free(&got);
	got = get(ctx, 1);
	cr_assert_null(got.holiday);
	session_free(&got);
	ctx_close(ctx);
}

/* ---- roles ---- */

Test(session, staff_may_list_but_not_write)
{
	lk_ctx *ctx = tl_ctx();
	lk_ctx *staff = tl_ctx_as(ctx, "vert", LK_ROLE_STAFF);
	lk_ctx *rep = tl_ctx_as(ctx, "bruker", LK_ROLE_USER_REP);
	sqlite3 *h = raw_open(ctx);
	lk_err err;
	int64_t run = scheduled_run(ctx, "Kurs", 2, (lk_date){2027, 2, 1});
	int64_t p = tl_person(ctx, "Kari", LK_PROFESSIONAL);
	cr_assert_eq(session_facilitator_add(ctx, 1, p, &err), 0, "%s", err.msg);
	int64_t before = data_version(h);
	lk_session s = {.run_id = run, .starts_at = {{2027, 3, 1}, 10, 0}, .ends_at = {{2027, 3, 1}, 11, 0}};
	lk_ctx *who[2] = {staff, rep};
	for (int i = 0; i < 2; i++) {
		cr_assert_eq(session_add(who[i], &s, &err), -1);
		cr_assert_eq(err.code, LK_EPERM);
		lk_session got = get(who[i], 1);
		cr_assert_eq(session_update(who[i], &got, &err), -1);
		cr_assert_eq(err.code, LK_EPERM);
		cr_assert_eq(session_set_status(who[i], 1, got.version, LK_SESSION_CANCELLED, &err), -1);
		cr_assert_eq(err.code, LK_EPERM);
		cr_assert_eq(session_delete(who[i], 1, got.version, &err), -1);
		cr_assert_eq(err.code, LK_EPERM);
		cr_assert_eq(session_facilitator_add(who[i], 2, p, &err), -1);
		cr_assert_eq(err.code, LK_EPERM);
		cr_assert_eq(session_facilitator_remove(who[i], 1, p, &err), -1);
		cr_assert_eq(err.code, LK_EPERM);
		session_free(&got);
		cr_assert_eq(list(who[i], run).n, 2);
		char buf[128] = "";
		cr_assert_eq(session_facilitator_list(who[i], 1, collect_people, buf, &err), 0, "%s", err.msg);
		cr_assert_str_eq(buf, "Kari(F)|");
		buf[0] = 0;
		cr_assert_eq(run_unpaired(who[i], run, collect_seq, buf, &err), 0, "%s", err.msg);
		cr_assert_str_eq(buf, "1:missing user representative|2:missing both|");
	}
	cr_assert_eq(data_version(h), before);
	sqlite3_close(h);
	ctx_close(rep);
	ctx_close(staff);
	ctx_close(ctx);
}
