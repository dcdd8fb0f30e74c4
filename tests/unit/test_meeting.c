#include <criterion/criterion.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lmskurs/course.h"
#include "lmskurs/meeting.h"
#include "lmskurs/revision.h"
#include "lmskurs/run.h"
#include "lmskurs/text.h"
#include "testlib.h"

/* ---- helpers (static: testlib is shared) ---- */

/* Every row of every table, as text: equal dumps mean an unchanged database. */
static char *db_dump(lk_ctx *ctx)
{
	sqlite3 *h;
	cr_assert_eq(sqlite3_open_v2(tl_db_path(ctx), &h, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	sqlite3_stmt *tables;
	sqlite3_prepare_v2(h, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name", -1, &tables, NULL);
	size_t cap = 1 << 16, len = 0;
	char *out = malloc(cap);
	out[0] = 0;
	while (sqlite3_step(tables) == SQLITE_ROW) {
		char sql[200];
		snprintf(sql, sizeof sql, "SELECT * FROM \"%s\"", (const char *)sqlite3_column_text(tables, 0));
		sqlite3_stmt *st;
		cr_assert_eq(sqlite3_prepare_v2(h, sql, -1, &st, NULL), SQLITE_OK);
		while (sqlite3_step(st) == SQLITE_ROW)
			for (int i = 0; i < sqlite3_column_count(st); i++) {
				const char *v = (const char *)sqlite3_column_text(st, i);
				size_t n = strlen(v ? v : "NULL") + 2;
				while (len + n + 1 > cap)
					out = realloc(out, cap *= 2);
				len += (size_t)sprintf(out + len, "%s%c", v ? v : "NULL", i + 1 == sqlite3_column_count(st) ? '\n' : '|');
			}
		sqlite3_finalize(st);
	}
	sqlite3_finalize(tables);
	sqlite3_close(h);
	return out;
}

static void assert_unchanged(lk_ctx *ctx, char *before)
{
	char *after = db_dump(ctx);
	cr_assert_str_eq(before, after, "a refused operation changed the database");
	free(before);
	free(after);
}

static int64_t count_sql(lk_ctx *ctx, const char *sql)
{
	sqlite3 *h;
	sqlite3_stmt *st;
	cr_assert_eq(sqlite3_open_v2(tl_db_path(ctx), &h, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	cr_assert_eq(sqlite3_prepare_v2(h, sql, -1, &st, NULL), SQLITE_OK, "%s", sqlite3_errmsg(h));
	cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
	int64_t n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(h);
	return n;
}

static int64_t new_course(lk_ctx *ctx, const char *title)
{
	lk_err err;
	lk_course c = {.title = (char *)title, .audience = LK_AUDIENCE_BOTH};
	cr_assert_eq(course_create(ctx, &c, &err), 0, "%s", err.msg);
	return c.id;
}

/* An active course (gates passed with a reason, which is quicker here) with
 * one run; returns the course, *run_id gets the run. */
static int64_t course_with_run(lk_ctx *ctx, const char *title, int64_t *run_id)
{
	lk_err err;
	int64_t id = new_course(ctx, title);
	lk_course_part p = {.course_id = id, .topic = "Del", .minutes = 60};
	cr_assert_eq(course_part_add(ctx, &p, &err), 0, "%s", err.msg);
	cr_assert_eq(course_set_phase(ctx, id, LK_COURSE_PLANNING, "test", NULL, &err), 0, "%s", err.msg);
	cr_assert_eq(course_set_phase(ctx, id, LK_COURSE_ACTIVE, "test", NULL, &err), 0, "%s", err.msg);
	lk_run r = {.course_id = id, .title = "Våren 2027"};
	cr_assert_eq(run_create(ctx, &r, &err), 0, "%s", err.msg);
	*run_id = r.id;
	return id;
}

static int64_t new_meeting(lk_ctx *ctx, int64_t course_id, const char *start, const char *end)
{
	lk_err err;
	lk_meeting m = {.course_id = course_id, .kind = LK_MEETING_PLANNING,
		.starts_at = (char *)start, .ends_at = (char *)end};
	cr_assert_eq(meeting_create(ctx, &m, &err), 0, "%s", err.msg);
	return m.id;
}

/* ---- meetings ---- */

Test(meeting, create_get_update_roundtrip)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	int64_t id = new_course(ctx, "Møtekurs");
	lk_meeting m = {.course_id = id, .kind = LK_MEETING_PLANNING, .starts_at = "12.01.2027 10:00",
		.ends_at = "2027-01-12 11:30", .place = "Møterom Ærfuglen", .notes = "Første møte.\nSakliste fulgte."};
	cr_assert_eq(meeting_create(ctx, &m, &err), 0, "%s", err.msg);
	cr_assert_gt(m.id, 0);
	cr_assert_eq(m.version, 1);
	cr_assert_str_eq(m.starts_at, "12.01.2027 10:00", "the caller's strings are not rewritten");
	lk_meeting got;
	cr_assert_eq(meeting_get(ctx, m.id, &got, &err), 0, "%s", err.msg);
	cr_assert_str_eq(got.starts_at, "2027-01-12T10:00");
	cr_assert_str_eq(got.ends_at, "2027-01-12T11:30");
	cr_assert_str_eq(got.place, "Møterom Ærfuglen");
	cr_assert_str_eq(got.notes, "Første møte.\nSakliste fulgte.");
	cr_assert_eq(got.kind, LK_MEETING_PLANNING);
	cr_assert_eq(got.run_id, 0);
	cr_assert_eq(got.n_attendees, 0);

	int64_t other = new_course(ctx, "Annet kurs");
	got.course_id = other; /* ignored: a meeting stays with its course */
	free(got.place);
	got.place = strdup("Zoom — 会议室");
	cr_assert_eq(meeting_update(ctx, &got, &err), 0, "%s", err.msg);
	cr_assert_eq(got.version, 2);
	lk_meeting again;
	cr_assert_eq(meeting_get(ctx, m.id, &again, &err), 0);
	cr_assert_str_eq(again.place, "Zoom — 会议室");
	cr_assert_eq(again.course_id, id);
	cr_assert_eq(count_sql(ctx, "SELECT count(*) FROM audit WHERE entity = 'meeting'"), 2);

	char *before = db_dump(ctx);
	m.place = "Stale";
	m.starts_at = "2027-01-12T10:00";
	m.ends_at = "2027-01-12T11:00";
	cr_assert_eq(meeting_update(ctx, &m, &err), -1);
	cr_assert_eq(err.code, LK_ECONFLICT);
	cr_assert_eq(meeting_delete(ctx, m.id, 1, &err), -1);
	cr_assert_eq(err.code, LK_ECONFLICT);
	assert_unchanged(ctx, before);
	meeting_free(&got);
	meeting_free(&again);
	cr_assert_eq(meeting_get(ctx, 999, &got, &err), -1);
	cr_assert_eq(err.code, LK_ENOTFOUND);
	cr_assert_str_eq(meeting_kind_label(LK_MEETING_EVALUATION), "evaluation meeting");
	ctx_close(ctx);
}

Test(meeting, invalid_meetings_refused)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	int64_t run_a, run_b;
	int64_t a = course_with_run(ctx, "Kurs A", &run_a);
	course_with_run(ctx, "Kurs B", &run_b);
	char *before = db_dump(ctx);
	lk_meeting m = {.course_id = a, .kind = LK_MEETING_PLANNING, .starts_at = "2027-02-30T10:00",
		.ends_at = "2027-03-01T11:00"};
	cr_assert_eq(meeting_create(ctx, &m, &err), -1);
	cr_assert_eq(err.code, LK_EINVAL);
	cr_assert(strncmp(err.msg, "Start: ", 7) == 0, "%s", err.msg);
	m.starts_at = "2027-03-01T10:00";
	m.ends_at = "i morgen";
	cr_assert_eq(meeting_create(ctx, &m, &err), -1);
	cr_assert(strncmp(err.msg, "End: ", 5) == 0, "%s", err.msg);
	m.ends_at = "2027-03-01T10:00";
	cr_assert_eq(meeting_create(ctx, &m, &err), -1);
	cr_assert_str_eq(err.msg, "The meeting must end after it starts.");
	m.ends_at = "2027-03-01T09:00";
	cr_assert_eq(meeting_create(ctx, &m, &err), -1);
	m.ends_at = "2027-03-01T12:00";
	m.kind = LK_MEETING_EVALUATION;
	cr_assert_eq(meeting_create(ctx, &m, &err), -1);
	cr_assert(strstr(err.msg, "belongs to a run"), "%s", err.msg);
	m.run_id = run_b;
	cr_assert_eq(meeting_create(ctx, &m, &err), -1);
	cr_assert(strstr(err.msg, "run of another course"), "%s", err.msg);
	m.run_id = 4711;
	cr_assert_eq(meeting_create(ctx, &m, &err), -1);
	cr_assert(strstr(err.msg, "no run with number 4711"), "%s", err.msg);
	m.run_id = run_a;
	char bad[] = {'R', 'o', 'm', (char)0xED, (char)0xA0, (char)0x80, 0}; /* a surrogate */
	m.place = bad;
	cr_assert_eq(meeting_create(ctx, &m, &err), -1);
	cr_assert(strstr(err.msg, "UTF-8"), "%s", err.msg);
	m.place = NULL;
	char *notes = malloc(LK_TEXT_MAX + 2);
	memset(notes, 'n', LK_TEXT_MAX + 1);
	notes[LK_TEXT_MAX + 1] = 0;
	m.notes = notes;
	cr_assert_eq(meeting_create(ctx, &m, &err), -1);
	cr_assert(strstr(err.msg, "too long"), "%s", err.msg);
	notes[LK_TEXT_MAX] = 0;
	m.course_id = 999;
	cr_assert_eq(meeting_create(ctx, &m, &err), -1);
	cr_assert_eq(err.code, LK_ENOTFOUND);
	m.course_id = a;
	m.kind = (lk_meeting_kind)5;
	cr_assert_eq(meeting_create(ctx, &m, &err), -1);
	cr_assert_eq(err.code, LK_EINVAL);
	assert_unchanged(ctx, before);
	m.kind = LK_MEETING_EVALUATION;
	cr_assert_eq(meeting_create(ctx, &m, &err), 0, "20000 characters of notes are fine: %s", err.msg);
	free(notes);
	ctx_close(ctx);
}

Test(meeting, evaluation_meeting_of_own_run)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	int64_t run_a, run_b;
	int64_t a = course_with_run(ctx, "Evaluering", &run_a);
	course_with_run(ctx, "Annet", &run_b);
	lk_meeting m = {.course_id = a, .run_id = run_a, .kind = LK_MEETING_EVALUATION,
		.starts_at = "2027-06-01T13:00", .ends_at = "2027-06-01T15:00"};
	cr_assert_eq(meeting_create(ctx, &m, &err), 0, "%s", err.msg);
	cr_assert_eq(meeting_count_for_run(ctx, run_a, LK_MEETING_EVALUATION, &err), 1);
	cr_assert_eq(meeting_count_for_run(ctx, run_b, LK_MEETING_EVALUATION, &err), 0);
	cr_assert_eq(meeting_count_for_run(ctx, run_a, LK_MEETING_PLANNING, &err), 0);
	/* moving it to another course's run is refused */
	m.run_id = run_b;
	char *before = db_dump(ctx);
	cr_assert_eq(meeting_update(ctx, &m, &err), -1);
	cr_assert(strstr(err.msg, "run of another course"), "%s", err.msg);
	m.run_id = 0;
	cr_assert_eq(meeting_update(ctx, &m, &err), -1, "an evaluation meeting needs its run");
	assert_unchanged(ctx, before);
	m.kind = LK_MEETING_PLANNING;
	cr_assert_eq(meeting_update(ctx, &m, &err), 0, "a planning meeting needs no run: %s", err.msg);
	ctx_close(ctx);
}

static int collect_start(void *arg, const lk_meeting *m)
{
	strcat(arg, m->starts_at + 5);
	strcat(arg, "|");
	return 0;
}

Test(meeting, list_newest_first_paged_and_filtered)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	int64_t run;
	int64_t id = course_with_run(ctx, "Liste", &run);
	int64_t other = new_course(ctx, "Annen");
	new_meeting(ctx, id, "2027-01-05T10:00", "2027-01-05T11:00");
	new_meeting(ctx, id, "2027-03-05T10:00", "2027-03-05T11:00");
	new_meeting(ctx, id, "2027-02-05T10:00", "2027-02-05T11:00");
	new_meeting(ctx, other, "2027-04-05T10:00", "2027-04-05T11:00");
	lk_meeting ev = {.course_id = id, .run_id = run, .kind = LK_MEETING_EVALUATION,
		.starts_at = "2027-06-01T10:00", .ends_at = "2027-06-01T11:00"};
	cr_assert_eq(meeting_create(ctx, &ev, &err), 0, "%s", err.msg);
	char buf[256] = "";
	cr_assert_eq(meeting_list(ctx, id, -1, (lk_page){0, 0}, collect_start, buf, &err), 0, "%s", err.msg);
	cr_assert_str_eq(buf, "06-01T10:00|03-05T10:00|02-05T10:00|01-05T10:00|");
	buf[0] = 0;
	cr_assert_eq(meeting_list(ctx, id, -1, (lk_page){1, 2}, collect_start, buf, &err), 0);
	cr_assert_str_eq(buf, "03-05T10:00|02-05T10:00|");
	buf[0] = 0;
	cr_assert_eq(meeting_list(ctx, id, LK_MEETING_PLANNING, (lk_page){0, 1}, collect_start, buf, &err), 0);
	cr_assert_str_eq(buf, "03-05T10:00|");
	cr_assert_eq(meeting_count(ctx, id, -1, &err), 4);
	cr_assert_eq(meeting_count(ctx, id, LK_MEETING_EVALUATION, &err), 1);
	cr_assert_eq(meeting_count(ctx, other, -1, &err), 1);
	ctx_close(ctx);
}

/* ---- attendees ---- */

static int collect_attendee(void *arg, const lk_attendee *a)
{
	strcat(arg, a->name);
	strcat(arg, a->in_person ? "+" : "~");
	strcat(arg, "|");
	return 0;
}

Test(meeting, attendees_add_set_remove)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	int64_t id = new_course(ctx, "Oppmøte");
	int64_t m = new_meeting(ctx, id, "2027-01-20T10:00", "2027-01-20T12:00");
	int64_t rep = tl_person(ctx, "Åshild Brukar", LK_USER_REP);
	int64_t nurse = tl_person(ctx, "Nguyễn Thị Lan", LK_PROFESSIONAL);
	cr_assert_eq(meeting_attendee_add(ctx, m, rep, false, &err), 0, "%s", err.msg);
	cr_assert_eq(meeting_attendee_add(ctx, m, nurse, true, &err), 0, "%s", err.msg);
	char buf[256] = "";
	cr_assert_eq(meeting_attendee_list(ctx, m, collect_attendee, buf, &err), 0);
	cr_assert_str_eq(buf, "Nguyễn Thị Lan+|Åshild Brukar~|");
	cr_assert_eq(meeting_attendee_set(ctx, m, rep, true, &err), 0, "%s", err.msg);
	buf[0] = 0;
	cr_assert_eq(meeting_attendee_list(ctx, m, collect_attendee, buf, &err), 0);
	cr_assert_str_eq(buf, "Nguyễn Thị Lan+|Åshild Brukar+|");
	lk_meeting got;
	cr_assert_eq(meeting_get(ctx, m, &got, &err), 0);
	cr_assert_eq(got.n_attendees, 2);
	meeting_free(&got);

	char *before = db_dump(ctx);
	cr_assert_eq(meeting_attendee_add(ctx, m, rep, true, &err), -1);
	cr_assert(strstr(err.msg, "already recorded"), "%s", err.msg);
	cr_assert_eq(meeting_attendee_add(ctx, m, 999, true, &err), -1);
	cr_assert_eq(err.code, LK_ENOTFOUND);
	cr_assert_eq(meeting_attendee_add(ctx, 999, rep, true, &err), -1);
	cr_assert_eq(err.code, LK_ENOTFOUND);
	int64_t absent = tl_person(ctx, "Ikke der", LK_PROFESSIONAL);
	free(before);
	before = db_dump(ctx);
	cr_assert_eq(meeting_attendee_set(ctx, m, absent, true, &err), -1);
	cr_assert_eq(err.code, LK_ENOTFOUND);
	cr_assert_eq(meeting_attendee_remove(ctx, m, absent, &err), -1);
	cr_assert_eq(err.code, LK_ENOTFOUND);
	assert_unchanged(ctx, before);

	cr_assert_eq(meeting_attendee_remove(ctx, m, nurse, &err), 0, "%s", err.msg);
	buf[0] = 0;
	cr_assert_eq(meeting_attendee_list(ctx, m, collect_attendee, buf, &err), 0);
	cr_assert_str_eq(buf, "Åshild Brukar+|");
	cr_assert_eq(count_sql(ctx, "SELECT count(*) FROM audit WHERE entity = 'meeting_attendee'"), 4);
	cr_assert_eq(count_sql(ctx, "SELECT count(*) FROM audit WHERE detail LIKE '%Åshild%' OR detail LIKE '%Nguy%'"), 0,
		"no names in the audit log");
	ctx_close(ctx);
}

/* ---- decisions ---- */

static int collect_decision(void *arg, const lk_decision *d)
{
	strcat(arg, d->text);
	strcat(arg, "|");
	return 0;
}

Test(meeting, decisions_add_update_delete)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	int64_t id = new_course(ctx, "Beslutninger");
	int64_t m = new_meeting(ctx, id, "2027-01-20T10:00", "2027-01-20T12:00");
	lk_decision a = {.meeting_id = m, .text = "Kortere økter"};
	lk_decision b = {.meeting_id = m, .text = "Mer erfaringsdeling"};
	cr_assert_eq(meeting_decision_add(ctx, &a, &err), 0, "%s", err.msg);
	cr_assert_eq(meeting_decision_add(ctx, &b, &err), 0, "%s", err.msg);
	char buf[256] = "";
	cr_assert_eq(meeting_decision_list(ctx, m, collect_decision, buf, &err), 0);
	cr_assert_str_eq(buf, "Kortere økter|Mer erfaringsdeling|");
	lk_decision got;
	cr_assert_eq(meeting_decision_get(ctx, a.id, &got, &err), 0);
	free(got.text);
	got.text = strdup("Kortere økter, 90 minutter");
	cr_assert_eq(meeting_decision_update(ctx, &got, &err), 0, "%s", err.msg);
	cr_assert_eq(got.version, 2);

	char *before = db_dump(ctx);
	a.text = "Utdatert";
	cr_assert_eq(meeting_decision_update(ctx, &a, &err), -1);
	cr_assert_eq(err.code, LK_ECONFLICT);
	cr_assert_eq(meeting_decision_delete(ctx, a.id, 1, &err), -1);
	cr_assert_eq(err.code, LK_ECONFLICT);
	lk_decision empty = {.meeting_id = m, .text = "\n "};
	cr_assert_eq(meeting_decision_add(ctx, &empty, &err), -1);
	cr_assert(strstr(err.msg, "Decision must not be empty"), "%s", err.msg);
	lk_decision orphan = {.meeting_id = 999, .text = "Noe"};
	cr_assert_eq(meeting_decision_add(ctx, &orphan, &err), -1);
	cr_assert_eq(err.code, LK_ENOTFOUND);
	assert_unchanged(ctx, before);

	cr_assert_eq(meeting_decision_delete(ctx, a.id, 2, &err), 0, "%s", err.msg);
	buf[0] = 0;
	cr_assert_eq(meeting_decision_list(ctx, m, collect_decision, buf, &err), 0);
	cr_assert_str_eq(buf, "Mer erfaringsdeling|");
	meeting_decision_free(&got);
	ctx_close(ctx);
}

Test(meeting, delete_takes_attendees_and_decisions_keeps_revisions)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	int64_t id = new_course(ctx, "Slett møte");
	int64_t m = new_meeting(ctx, id, "2027-01-20T10:00", "2027-01-20T12:00");
	cr_assert_eq(meeting_attendee_add(ctx, m, tl_person(ctx, "Per", LK_PROFESSIONAL), true, &err), 0);
	lk_decision d = {.meeting_id = m, .text = "Ny målgruppe"};
	cr_assert_eq(meeting_decision_add(ctx, &d, &err), 0);
	lk_revision r = {.course_id = id, .decision_id = d.id, .element = LK_ELEMENT_TARGET_GROUP,
		.change = "Også pårørende"};
	cr_assert_eq(revision_add(ctx, &r, &err), 0, "%s", err.msg);
	cr_assert_eq(meeting_delete(ctx, m, 1, &err), 0, "%s", err.msg);
	cr_assert_eq(count_sql(ctx, "SELECT count(*) FROM meeting_attendee"), 0);
	cr_assert_eq(count_sql(ctx, "SELECT count(*) FROM decision"), 0);
	cr_assert_eq(count_sql(ctx, "SELECT count(*) FROM revision WHERE decision_id IS NULL"), 1);
	cr_assert_eq(count_sql(ctx, "SELECT count(*) FROM audit WHERE entity = 'meeting' AND action = 'delete'"
		" AND detail = 'attendees=1 decisions=1'"), 1);
	ctx_close(ctx);
}

/* ---- revisions ---- */

struct revs {
	char buf[512];
	int64_t id[8], version[8];
	int n;
};

static int collect_revision(void *arg, const lk_revision *r)
{
	struct revs *s = arg;
	strcat(s->buf, revision_element_label(r->element));
	strcat(s->buf, ":");
	strcat(s->buf, r->change);
	strcat(s->buf, "|");
	if (s->n < 8) {
		s->id[s->n] = r->id;
		s->version[s->n] = r->version;
	}
	s->n++;
	return 0;
}

Test(meeting, revisions_logged_newest_first)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	int64_t id = new_course(ctx, "Revidert");
	lk_course_part part = {.course_id = id, .topic = "Kosthold", .minutes = 60};
	cr_assert_eq(course_part_add(ctx, &part, &err), 0);
	int64_t m = new_meeting(ctx, id, "2027-01-20T10:00", "2027-01-20T12:00");
	lk_decision d = {.meeting_id = m, .text = "Flytt kosthold"};
	cr_assert_eq(meeting_decision_add(ctx, &d, &err), 0);
	tl_set_now(ctx, "2027-02-01T09:00");
	lk_revision r1 = {.course_id = id, .element = LK_ELEMENT_GOALS, .change = "Nytt mål: هدف جديد",
		.why = "Evalueringen viste det"};
	cr_assert_eq(revision_add(ctx, &r1, &err), 0, "%s", err.msg);
	tl_set_now(ctx, "2027-02-02T09:00");
	lk_revision r2 = {.course_id = id, .decision_id = d.id, .element = LK_ELEMENT_SESSION_PLAN,
		.part_id = part.id, .change = "Kosthold først"};
	cr_assert_eq(revision_add(ctx, &r2, &err), 0, "%s", err.msg);
	struct revs s = {0};
	cr_assert_eq(revision_list(ctx, id, (lk_page){0, 0}, collect_revision, &s, &err), 0);
	cr_assert_str_eq(s.buf, "session plan:Kosthold først|goals:Nytt mål: هدف جديد|");
	memset(&s, 0, sizeof s);
	cr_assert_eq(revision_list(ctx, id, (lk_page){1, 5}, collect_revision, &s, &err), 0);
	cr_assert_str_eq(s.buf, "goals:Nytt mål: هدف جديد|");
	cr_assert_eq(revision_count(ctx, id, &err), 2);
	lk_revision got;
	cr_assert_eq(revision_get(ctx, r2.id, &got, &err), 0);
	cr_assert_str_eq(got.login, "koord");
	cr_assert_str_eq(got.at, "2027-02-02T09:00:00");
	cr_assert_eq(got.decision_id, d.id);
	cr_assert_eq(got.part_id, part.id);
	revision_free(&got);

	cr_assert_eq(revision_delete(ctx, r1.id, 2, &err), -1);
	cr_assert_eq(err.code, LK_ECONFLICT);
	cr_assert_eq(revision_delete(ctx, r1.id, 1, &err), 0, "%s", err.msg);
	cr_assert_eq(revision_count(ctx, id, &err), 1);
	cr_assert_eq(count_sql(ctx, "SELECT count(*) FROM audit WHERE entity = 'revision'"), 3);
	ctx_close(ctx);
}

Test(meeting, revisions_refuse_foreign_decisions_and_parts)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	int64_t id = new_course(ctx, "Eget");
	int64_t other = new_course(ctx, "Fremmed");
	lk_course_part part = {.course_id = other, .topic = "Fremmed del", .minutes = 60};
	cr_assert_eq(course_part_add(ctx, &part, &err), 0);
	int64_t m = new_meeting(ctx, other, "2027-01-20T10:00", "2027-01-20T12:00");
	lk_decision d = {.meeting_id = m, .text = "Fremmed beslutning"};
	cr_assert_eq(meeting_decision_add(ctx, &d, &err), 0);
	char *before = db_dump(ctx);
	lk_revision r = {.course_id = id, .element = LK_ELEMENT_CONTENT, .change = "Noe", .decision_id = d.id};
	cr_assert_eq(revision_add(ctx, &r, &err), -1);
	cr_assert(strstr(err.msg, "another course"), "%s", err.msg);
	r.decision_id = 999;
	cr_assert_eq(revision_add(ctx, &r, &err), -1);
	cr_assert_eq(err.code, LK_EINVAL);
	r.decision_id = 0;
	r.part_id = part.id;
	cr_assert_eq(revision_add(ctx, &r, &err), -1);
	cr_assert(strstr(err.msg, "another course's session plan"), "%s", err.msg);
	r.part_id = 999;
	cr_assert_eq(revision_add(ctx, &r, &err), -1);
	r.part_id = 0;
	r.element = (lk_plan_element)42;
	cr_assert_eq(revision_add(ctx, &r, &err), -1);
	cr_assert_eq(err.code, LK_EINVAL);
	r.element = LK_ELEMENT_OTHER;
	r.change = "";
	cr_assert_eq(revision_add(ctx, &r, &err), -1);
	cr_assert(strstr(err.msg, "Change must not be empty"), "%s", err.msg);
	r.change = "Ok";
	r.course_id = 999;
	cr_assert_eq(revision_add(ctx, &r, &err), -1);
	cr_assert_eq(err.code, LK_ENOTFOUND);
	assert_unchanged(ctx, before);
	r.course_id = id;
	cr_assert_eq(revision_add(ctx, &r, &err), 0, "%s", err.msg);
	ctx_close(ctx);
}

Test(meeting, element_codes_and_labels)
{
	const char *labels[] = {"target group", "goals", "frame conditions", "content", "methods",
		"evaluation", "session plan", "other"};
	for (int e = 0; e < LK_ELEMENT_COUNT; e++) {
		lk_plan_element back;
		cr_assert_eq(revision_element_parse(revision_element_code((lk_plan_element)e), &back), 0);
		cr_assert_eq((int)back, e);
		cr_assert_str_eq(revision_element_label((lk_plan_element)e), labels[e]);
	}
	lk_plan_element x;
	cr_assert_eq(revision_element_parse("mål", &x), -1);
	cr_assert_str_eq(revision_element_code(LK_ELEMENT_FRAME), "frame");
}

/* ---- roles ---- */

Test(meeting, only_coordinators_write)
{
	lk_ctx *ctx = tl_ctx();
	lk_ctx *rep = tl_ctx_as(ctx, "bruker", LK_ROLE_USER_REP);
	lk_ctx *staff = tl_ctx_as(ctx, "vert", LK_ROLE_STAFF);
	lk_err err;
	int64_t id = new_course(ctx, "Roller");
	int64_t m = new_meeting(ctx, id, "2027-01-20T10:00", "2027-01-20T12:00");
	int64_t per = tl_person(ctx, "Per", LK_PROFESSIONAL);
	cr_assert_eq(meeting_attendee_add(ctx, m, per, true, &err), 0);
	lk_decision d = {.meeting_id = m, .text = "Noe"};
	cr_assert_eq(meeting_decision_add(ctx, &d, &err), 0);
	lk_revision r = {.course_id = id, .element = LK_ELEMENT_OTHER, .change = "Noe"};
	cr_assert_eq(revision_add(ctx, &r, &err), 0);
	char *before = db_dump(ctx);
	lk_ctx *who[] = {rep, staff};
	for (int i = 0; i < 2; i++) {
		lk_meeting got;
		cr_assert_eq(meeting_get(who[i], m, &got, &err), 0, "reading is allowed: %s", err.msg);
		cr_assert_eq(revision_count(who[i], id, &err), 1);
		lk_meeting n = {.course_id = id, .kind = LK_MEETING_PLANNING,
			.starts_at = "2027-01-21T10:00", .ends_at = "2027-01-21T11:00"};
		cr_assert_eq(meeting_create(who[i], &n, &err), -1);
		cr_assert_eq(err.code, LK_EPERM);
		cr_assert_eq(meeting_update(who[i], &got, &err), -1);
		cr_assert_eq(err.code, LK_EPERM);
		cr_assert_eq(meeting_delete(who[i], m, got.version, &err), -1);
		cr_assert_eq(err.code, LK_EPERM);
		cr_assert_eq(meeting_attendee_set(who[i], m, per, false, &err), -1);
		cr_assert_eq(err.code, LK_EPERM);
		cr_assert_eq(meeting_attendee_remove(who[i], m, per, &err), -1);
		cr_assert_eq(err.code, LK_EPERM);
		cr_assert_eq(meeting_decision_update(who[i], &d, &err), -1);
		cr_assert_eq(err.code, LK_EPERM);
		cr_assert_eq(meeting_decision_delete(who[i], d.id, d.version, &err), -1);
		cr_assert_eq(err.code, LK_EPERM);
		lk_revision nr = {.course_id = id, .element = LK_ELEMENT_GOALS, .change = "X"};
		cr_assert_eq(revision_add(who[i], &nr, &err), -1);
		cr_assert_eq(err.code, LK_EPERM);
		cr_assert_eq(revision_delete(who[i], r.id, r.version, &err), -1);
		cr_assert_eq(err.code, LK_EPERM);
		meeting_free(&got);
	}
	assert_unchanged(ctx, before);
	ctx_close(staff);
	ctx_close(rep);
	ctx_close(ctx);
}
