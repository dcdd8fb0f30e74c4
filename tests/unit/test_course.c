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

static int64_t new_course(lk_ctx *ctx, const char *title, lk_audience a)
{
	lk_err err;
	lk_course c = {.title = (char *)title, .audience = a};
	cr_assert_eq(course_create(ctx, &c, &err), 0, "%s", err.msg);
	return c.id;
}

static lk_course_phase phase_of(lk_ctx *ctx, int64_t id)
{
	lk_err err;
	lk_course c;
	cr_assert_eq(course_get(ctx, id, &c, &err), 0, "%s", err.msg);
	lk_course_phase p = c.phase;
	course_free(&c);
	return p;
}

static void set_owner(lk_ctx *ctx, int64_t id, int64_t owner)
{
	lk_err err;
	lk_course c;
	cr_assert_eq(course_get(ctx, id, &c, &err), 0, "%s", err.msg);
	c.owner_id = owner;
	cr_assert_eq(course_update(ctx, &c, &err), 0, "%s", err.msg);
	course_free(&c);
}

static int64_t add_part(lk_ctx *ctx, int64_t course_id, const char *topic, int minutes)
{
	lk_err err;
	lk_course_part p = {.course_id = course_id, .topic = (char *)topic, .minutes = minutes};
	cr_assert_eq(course_part_add(ctx, &p, &err), 0, "%s", err.msg);
	return p.id;
}

struct ids {
	int n;
	int64_t id[32], version[32];
	bool done[32];
};

static int collect_item(void *arg, const lk_checklist_item *it)
{
	struct ids *s = arg;
	s->id[s->n] = it->id;
	s->version[s->n] = it->version;
	s->done[s->n++] = it->done;
	return s->n == 32;
}

/* Ticks the first `first_n` items of the phase (all: -1). */
static void tick(lk_ctx *ctx, int64_t id, const char *phase, int first_n)
{
	lk_err err;
	struct ids s = {0};
	cr_assert_eq(checklist_list(ctx, (lk_owner){.course_id = id}, phase, collect_item, &s, &err), 0);
	for (int i = 0; i < s.n && (first_n < 0 || i < first_n); i++)
		if (!s.done[i])
			cr_assert_eq(checklist_set_done(ctx, s.id[i], s.version[i], true, &err), 0, "%s", err.msg);
}

/* A course brought to active the honest way: every gate met. */
static int64_t active_course(lk_ctx *ctx, const char *title)
{
	lk_err err;
	int64_t id = new_course(ctx, title, LK_AUDIENCE_PATIENTS);
	set_owner(ctx, id, tl_person(ctx, "Eier Eiersen", LK_PROFESSIONAL));
	tick(ctx, id, "idea", -1);
	cr_assert_eq(course_set_phase(ctx, id, LK_COURSE_PLANNING, NULL, NULL, &err), 0, "%s", err.msg);
	cr_assert_eq(course_member_add(ctx, id, tl_person(ctx, "Fag Person", LK_PROFESSIONAL), NULL, &err), 0);
	cr_assert_eq(course_member_add(ctx, id, tl_person(ctx, "Bruker Rep", LK_USER_REP), NULL, &err), 0);
	add_part(ctx, id, "Første samling", 90);
	tick(ctx, id, "planning", -1);
	cr_assert_eq(course_set_phase(ctx, id, LK_COURSE_ACTIVE, NULL, NULL, &err), 0, "%s", err.msg);
	return id;
}

/* ---- courses ---- */

Test(course, create_get_update_roundtrip)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	int64_t owner = tl_person(ctx, "Sigrid Ødegård", LK_PROFESSIONAL);
	lk_course c = {.title = "Lær å leve med KOLS — 慢性阻塞性肺病", .audience = LK_AUDIENCE_BOTH,
		.why = "Mange pasienter etterspør det.\nFlere linjer.", .owner_id = owner,
		.management_backing = "Avdelingsleder Æsa", .target_group = "Voksne med KOLS",
		.goals = "Mestring", .frame = "4 × 3 timer, Auditoriet", .content = "Pust, fysisk aktivitet",
		.methods = "Dialog, erfaringsdeling", .evaluation = "Nasjonalt skjema",
		.referral_required = true, .questionnaire_id = 1};
	cr_assert_eq(course_create(ctx, &c, &err), 0, "%s", err.msg);
	cr_assert_gt(c.id, 0);
	cr_assert_eq(c.version, 1);
	cr_assert_eq(c.phase, LK_COURSE_IDEA);
	lk_course got;
	cr_assert_eq(course_get(ctx, c.id, &got, &err), 0, "%s", err.msg);
	cr_assert_str_eq(got.title, "Lær å leve med KOLS — 慢性阻塞性肺病");
	cr_assert_eq(got.audience, LK_AUDIENCE_BOTH);
	cr_assert_eq(got.phase, LK_COURSE_IDEA);
	cr_assert_str_eq(got.why, "Mange pasienter etterspør det.\nFlere linjer.");
	cr_assert_eq(got.owner_id, owner);
	cr_assert_str_eq(got.management_backing, "Avdelingsleder Æsa");
	cr_assert_str_eq(got.frame, "4 × 3 timer, Auditoriet");
	cr_assert_str_eq(got.methods, "Dialog, erfaringsdeling");
	cr_assert_str_eq(got.evaluation, "Nasjonalt skjema");
	cr_assert(got.referral_required);
	cr_assert_eq(got.questionnaire_id, 1);
	cr_assert_str_eq(got.created_at, "2027-01-10T09:00:00");

	tl_set_now(ctx, "2027-01-11T14:30");
	free(got.goals);
	got.goals = strdup("تعلم التعايش"); /* Arabic */
	got.phase = LK_COURSE_RETIRED;   /* ignored: update never moves the phase */
	got.owner_id = 0;
	cr_assert_eq(course_update(ctx, &got, &err), 0, "%s", err.msg);
	cr_assert_eq(got.version, 2);
	lk_course again;
	cr_assert_eq(course_get(ctx, c.id, &again, &err), 0);
	cr_assert_str_eq(again.goals, "تعلم التعايش");
	cr_assert_eq(again.phase, LK_COURSE_IDEA);
	cr_assert_eq(again.owner_id, 0);
	cr_assert_str_eq(again.updated_at, "2027-01-11T14:30:00");
	cr_assert_eq(count_sql(ctx, "SELECT count(*) FROM audit WHERE entity = 'course' AND action IN ('create', 'update')"), 2);
	course_free(&got);
	course_free(&again);
	cr_assert_eq(course_get(ctx, 4242, &again, &err), -1);
	cr_assert_eq(err.code, LK_ENOTFOUND);
	ctx_close(ctx);
}

Test(course, invalid_input_refused_and_nothing_written)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	char *before = db_dump(ctx);
	lk_course c = {.title = "  ", .audience = LK_AUDIENCE_PATIENTS};
	cr_assert_eq(course_create(ctx, &c, &err), -1);
	cr_assert_eq(err.code, LK_EINVAL);
	cr_assert(strstr(err.msg, "Title must not be empty"), "%s", err.msg);
	c.title = NULL;
	cr_assert_eq(course_create(ctx, &c, &err), -1);
	char bad[] = {'K', 'o', 'l', (char)0xC3, 's', 0};
	c.title = bad;
	cr_assert_eq(course_create(ctx, &c, &err), -1);
	cr_assert(strstr(err.msg, "not valid UTF-8"), "%s", err.msg);
	char overlong[] = {'A', (char)0xC0, (char)0xAF, 0}; /* overlong encoding of '/' */
	c.title = overlong;
	cr_assert_eq(course_create(ctx, &c, &err), -1);
	cr_assert(strstr(err.msg, "UTF-8"), "%s", err.msg);
	char longtitle[LK_NAME_MAX * 2 + 3];
	for (int i = 0; i <= LK_NAME_MAX; i++)
		memcpy(longtitle + 2 * i, "ø", 2); /* 201 code points, 402 bytes */
	longtitle[2 * (LK_NAME_MAX + 1)] = 0;
	c.title = longtitle;
	cr_assert_eq(course_create(ctx, &c, &err), -1);
	cr_assert(strstr(err.msg, "too long: 201 characters, at most 200"), "%s", err.msg);
	longtitle[2 * LK_NAME_MAX] = 0; /* exactly 200: allowed later */
	c.title = "Kurs";
	c.goals = bad;
	cr_assert_eq(course_create(ctx, &c, &err), -1);
	cr_assert(strstr(err.msg, "Goals"), "%s", err.msg);
	c.goals = NULL;
	c.title = "Kurs\nmed linjeskift";
	cr_assert_eq(course_create(ctx, &c, &err), -1);
	cr_assert(strstr(err.msg, "control character"), "%s", err.msg);
	c.title = "Kurs";
	c.audience = (lk_audience)7;
	cr_assert_eq(course_create(ctx, &c, &err), -1);
	cr_assert(strstr(err.msg, "patients, relatives or both"), "%s", err.msg);
	c.audience = LK_AUDIENCE_RELATIVES;
	c.owner_id = 999;
	cr_assert_eq(course_create(ctx, &c, &err), -1);
	cr_assert_eq(err.code, LK_EINVAL);
	cr_assert(strstr(err.msg, "no person with number 999"), "%s", err.msg);
	c.owner_id = 0;
	c.questionnaire_id = 77;
	cr_assert_eq(course_create(ctx, &c, &err), -1);
	cr_assert(strstr(err.msg, "no questionnaire with number 77"), "%s", err.msg);
	c.questionnaire_id = -1;
	cr_assert_eq(course_create(ctx, &c, &err), -1);
	assert_unchanged(ctx, before);
	c.questionnaire_id = 0;
	c.title = longtitle;
	cr_assert_eq(course_create(ctx, &c, &err), 0, "200 characters are allowed: %s", err.msg);
	ctx_close(ctx);
}

Test(course, stale_update_refused_and_nothing_overwritten)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	int64_t id = new_course(ctx, "Søvnskole", LK_AUDIENCE_PATIENTS);
	lk_course a, b;
	cr_assert_eq(course_get(ctx, id, &a, &err), 0);
	cr_assert_eq(course_get(ctx, id, &b, &err), 0);
	free(a.content);
	a.content = strdup("Søvnhygiene");
	cr_assert_eq(course_update(ctx, &a, &err), 0, "%s", err.msg);
	char *before = db_dump(ctx);
	free(b.content);
	b.content = strdup("Noe annet");
	cr_assert_eq(course_update(ctx, &b, &err), -1);
	cr_assert_eq(err.code, LK_ECONFLICT);
	cr_assert(strstr(err.msg, "changed by someone else meanwhile"), "%s", err.msg);
	assert_unchanged(ctx, before);
	lk_course c;
	cr_assert_eq(course_get(ctx, id, &c, &err), 0);
	cr_assert_str_eq(c.content, "Søvnhygiene");
	cr_assert_eq(course_delete(ctx, id, b.version, &err), -1, "a stale delete is refused too");
	cr_assert_eq(err.code, LK_ECONFLICT);
	cr_assert_eq(course_delete(ctx, id, c.version, &err), 0, "%s", err.msg);
	cr_assert_eq(course_update(ctx, &c, &err), -1);
	cr_assert_eq(err.code, LK_ENOTFOUND);
	course_free(&a);
	course_free(&b);
	course_free(&c);
	ctx_close(ctx);
}

/* A form opened before a phase move is stale afterwards: the move bumps
 * the version, so saving the old form is refused and nothing changes. */
Test(course, phase_move_makes_an_earlier_edit_form_stale)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	int64_t id = new_course(ctx, "Mestring av smerte", LK_AUDIENCE_PATIENTS);
	set_owner(ctx, id, tl_person(ctx, "Åsa Øvrebø", LK_PROFESSIONAL));
	lk_course form;
	cr_assert_eq(course_get(ctx, id, &form, &err), 0, "%s", err.msg);
	int64_t v0 = form.version;
	cr_assert_eq(course_set_phase(ctx, id, LK_COURSE_PLANNING, "Sjekklisten tas senere", NULL, &err), 0, "%s", err.msg);
	lk_course now;
	cr_assert_eq(course_get(ctx, id, &now, &err), 0, "%s", err.msg);
	cr_assert_eq(now.version, v0 + 1, "a phase move bumps the version");
	char *before = db_dump(ctx);
	free(form.goals);
	form.goals = strdup("Gammelt skjema");
	cr_assert_eq(course_update(ctx, &form, &err), -1, "the form was read before the move");
	cr_assert_eq(err.code, LK_ECONFLICT, "%s", err.msg);
	cr_assert_eq(form.version, v0, "a refused save leaves the caller's version");
	assert_unchanged(ctx, before);
	free(now.goals);
	now.goals = strdup("Nytt skjema");
	cr_assert_eq(course_update(ctx, &now, &err), 0, "a form read after the move saves: %s", err.msg);
	cr_assert_eq(phase_of(ctx, id), LK_COURSE_PLANNING, "saving keeps the phase");
	cr_assert_eq(course_set_phase(ctx, id, LK_COURSE_IDEA, NULL, NULL, &err), 0, "%s", err.msg);
	cr_assert_eq(course_update(ctx, &now, &err), -1, "a step back bumps it too");
	cr_assert_eq(err.code, LK_ECONFLICT);
	course_free(&form);
	course_free(&now);
	ctx_close(ctx);
}

/* When an operation is rolled back after the row was written, the caller's
 * record does not keep the id and version of a row that no longer exists. */
Test(course, failed_create_leaves_no_id_behind)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	int64_t id = new_course(ctx, "Lærings- og mestringskurs", LK_AUDIENCE_BOTH);
	sqlite3 *h;
	cr_assert_eq(sqlite3_open(tl_db_path(ctx), &h), SQLITE_OK);
	cr_assert_eq(sqlite3_exec(h, "CREATE TRIGGER test_fail AFTER INSERT ON audit"
		" WHEN NEW.action = 'create' BEGIN SELECT RAISE(ABORT, 'test: audit refused'); END",
		NULL, NULL, NULL), SQLITE_OK, "%s", sqlite3_errmsg(h));
	char *before = db_dump(ctx);
	lk_course c = {.title = "Kols-skolen", .audience = LK_AUDIENCE_PATIENTS, .phase = LK_COURSE_IDEA};
	cr_assert_eq(course_create(ctx, &c, &err), -1);
	cr_assert_eq(c.id, 0, "id of a rolled-back row: %lld", (long long)c.id);
	cr_assert_eq(c.version, 0);
	lk_course_part p = {.course_id = id, .topic = "Pust og bevegelse", .minutes = 60};
	cr_assert_eq(course_part_add(ctx, &p, &err), -1);
	cr_assert_eq(p.id, 0, "id of a rolled-back part: %lld", (long long)p.id);
	cr_assert_eq(p.version, 0);
	cr_assert_eq(p.position, 0);
	assert_unchanged(ctx, before);
	cr_assert_eq(sqlite3_exec(h, "DROP TRIGGER test_fail", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);
	cr_assert_eq(course_create(ctx, &c, &err), 0, "%s", err.msg);
	cr_assert_gt(c.id, id);
	cr_assert_eq(c.version, 1);
	ctx_close(ctx);
}

Test(course, delete_takes_its_parts_and_says_so)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	int64_t id = new_course(ctx, "Slettes", LK_AUDIENCE_BOTH);
	int64_t keep = new_course(ctx, "Beholdes", LK_AUDIENCE_BOTH);
	int64_t kari = tl_person(ctx, "Kari", LK_PROFESSIONAL);
	cr_assert_eq(course_member_add(ctx, id, kari, "leder", &err), 0);
	cr_assert_eq(course_member_add(ctx, keep, kari, NULL, &err), 0);
	add_part(ctx, id, "En", 60);
	int64_t part = add_part(ctx, id, "To", 60);
	lk_meeting m = {.course_id = id, .kind = LK_MEETING_PLANNING,
		.starts_at = "2027-01-12T10:00", .ends_at = "2027-01-12T12:00"};
	cr_assert_eq(meeting_create(ctx, &m, &err), 0, "%s", err.msg);
	cr_assert_eq(meeting_attendee_add(ctx, m.id, kari, true, &err), 0);
	lk_decision d = {.meeting_id = m.id, .text = "Kortere samlinger"};
	cr_assert_eq(meeting_decision_add(ctx, &d, &err), 0);
	lk_revision r = {.course_id = id, .decision_id = d.id, .element = LK_ELEMENT_SESSION_PLAN,
		.part_id = part, .change = "90 → 60 minutter"};
	cr_assert_eq(revision_add(ctx, &r, &err), 0, "%s", err.msg);
	cr_assert_eq(course_delete(ctx, id, 1, &err), 0, "%s", err.msg);
	cr_assert_eq(count_sql(ctx, "SELECT count(*) FROM course_part"), 0);
	cr_assert_eq(count_sql(ctx, "SELECT count(*) FROM planning_member"), 1);
	cr_assert_eq(count_sql(ctx, "SELECT count(*) FROM meeting"), 0);
	cr_assert_eq(count_sql(ctx, "SELECT count(*) FROM meeting_attendee"), 0);
	cr_assert_eq(count_sql(ctx, "SELECT count(*) FROM decision"), 0);
	cr_assert_eq(count_sql(ctx, "SELECT count(*) FROM revision"), 0);
	cr_assert_eq(count_sql(ctx, "SELECT count(*) FROM checklist_item"), 3, "only the kept course's");
	cr_assert_eq(count_sql(ctx,
		"SELECT count(*) FROM audit WHERE action = 'delete' AND entity = 'course' AND detail ="
		" 'parts=2 members=1 meetings=1 checklist=3 overrides=0 revisions=1'"), 1);
	cr_assert_eq(course_delete(ctx, id, 1, &err), -1);
	cr_assert_eq(err.code, LK_ENOTFOUND);
	ctx_close(ctx);
}

Test(course, delete_refused_with_runs)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	int64_t id = active_course(ctx, "Med gjennomføringer");
	for (int i = 0; i < 2; i++) {
		lk_run r = {.course_id = id, .title = i ? "Høsten 2027" : "Våren 2027"};
		cr_assert_eq(run_create(ctx, &r, &err), 0, "%s", err.msg);
	}
	lk_course c;
	cr_assert_eq(course_get(ctx, id, &c, &err), 0);
	char *before = db_dump(ctx);
	cr_assert_eq(course_delete(ctx, id, c.version, &err), -1);
	cr_assert_eq(err.code, LK_ERULE);
	cr_assert(strstr(err.msg, "has 2 runs"), "%s", err.msg);
	cr_assert(strstr(err.msg, "Retire it instead"), "%s", err.msg);
	assert_unchanged(ctx, before);
	course_free(&c);
	ctx_close(ctx);
}

struct rows {
	char buf[1024];
	int64_t runs[8];
	char next[8][12];
	int n;
};

static int collect_row(void *arg, const lk_course_row *r)
{
	struct rows *s = arg;
	strcat(s->buf, r->course.title);
	if (r->owner_name) {
		strcat(s->buf, "@");
		strcat(s->buf, r->owner_name);
	}
	strcat(s->buf, "|");
	if (s->n < 8) {
		s->runs[s->n] = r->n_runs;
		snprintf(s->next[s->n], sizeof s->next[0], "%s", r->next_first_date ? r->next_first_date : "-");
	}
	s->n++;
	return 0;
}

Test(course, list_filters_pages_and_sorts)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	new_course(ctx, "Øyehelse", LK_AUDIENCE_PATIENTS);
	int64_t b = new_course(ctx, "barn og diabetes", LK_AUDIENCE_RELATIVES);
	new_course(ctx, "Angst 100% mestring", LK_AUDIENCE_BOTH);
	new_course(ctx, "Diabetes type 2", LK_AUDIENCE_PATIENTS);
	set_owner(ctx, b, tl_person(ctx, "Ingrid Ås", LK_PROFESSIONAL));
	struct rows s = {0};
	lk_page all = {0, 0};
	cr_assert_eq(course_list(ctx, NULL, all, collect_row, &s, &err), 0, "%s", err.msg);
	cr_assert_str_eq(s.buf, "Angst 100% mestring|barn og diabetes@Ingrid Ås|Diabetes type 2|Øyehelse|");
	cr_assert_eq(s.runs[0], 0);
	cr_assert_str_eq(s.next[0], "-");
	memset(&s, 0, sizeof s);
	cr_assert_eq(course_list(ctx, NULL, (lk_page){1, 2}, collect_row, &s, &err), 0);
	cr_assert_str_eq(s.buf, "barn og diabetes@Ingrid Ås|Diabetes type 2|");
	lk_course_filter f = {.text = "diabetes", .phase = -1, .audience = -1};
	cr_assert_eq(course_count(ctx, &f, &err), 2);
	f.audience = LK_AUDIENCE_PATIENTS;
	cr_assert_eq(course_count(ctx, &f, &err), 1);
	lk_course_filter pct = {.text = "0%", .phase = -1, .audience = -1};
	cr_assert_eq(course_count(ctx, &pct, &err), 1, "% is literal");
	lk_course_filter wild = {.text = "_", .phase = -1, .audience = -1};
	cr_assert_eq(course_count(ctx, &wild, &err), 0, "_ is literal");
	lk_course_filter ph = {.phase = LK_COURSE_PLANNING, .audience = -1};
	cr_assert_eq(course_count(ctx, &ph, &err), 0);
	ph.phase = LK_COURSE_IDEA;
	cr_assert_eq(course_count(ctx, &ph, &err), 4);
	ctx_close(ctx);
}

Test(course, list_counts_runs_and_next_date)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	int64_t id = active_course(ctx, "Hjerte");
	lk_run r1 = {.course_id = id, .title = "Vår"}, r2 = {.course_id = id, .title = "Høst"};
	cr_assert_eq(run_create(ctx, &r1, &err), 0, "%s", err.msg);
	cr_assert_eq(run_create(ctx, &r2, &err), 0, "%s", err.msg);
	lk_schedule s1 = {.first = {2027, 3, 1}, .every_weeks = 1, .hour = 10};
	lk_schedule s2 = {.first = {2027, 9, 6}, .every_weeks = 1, .hour = 10};
	cr_assert_geq(run_schedule(ctx, r1.id, &s1, &err), 0, "%s", err.msg);
	cr_assert_geq(run_schedule(ctx, r2.id, &s2, &err), 0, "%s", err.msg);
	struct rows s = {0};
	cr_assert_eq(course_list(ctx, NULL, (lk_page){0, 0}, collect_row, &s, &err), 0);
	cr_assert_eq(s.runs[0], 2);
	cr_assert_str_eq(s.next[0], "2027-03-01");
	tl_set_now(ctx, "2027-03-02T08:00");
	memset(&s, 0, sizeof s);
	cr_assert_eq(course_list(ctx, NULL, (lk_page){0, 0}, collect_row, &s, &err), 0);
	cr_assert_str_eq(s.next[0], "2027-09-06", "a run that has begun is not the next");
	ctx_close(ctx);
}

/* ---- planning group ---- */

static int collect_member(void *arg, const lk_member *m)
{
	char *buf = arg;
	strcat(buf, m->name);
	strcat(buf, m->kind == LK_PROFESSIONAL ? "(P:" : "(U:");
	strcat(buf, m->kind == LK_PROFESSIONAL ? m->profession : m->organisation);
	strcat(buf, ")|");
	return 0;
}

Test(course, planning_group_add_remove_list_balance)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	int64_t id = new_course(ctx, "Plangruppe", LK_AUDIENCE_BOTH);
	int64_t rep = tl_person(ctx, "Ánne Brukar", LK_USER_REP);
	int64_t nurse = tl_person(ctx, "Zofia Łukasiewicz", LK_PROFESSIONAL);
	int64_t doc = tl_person(ctx, "Bjørn Lege", LK_PROFESSIONAL);
	int64_t n_prof = -1, n_rep = -1;
	cr_assert_eq(course_group_balance(ctx, id, &n_prof, &n_rep, &err), 0);
	cr_assert_eq(n_prof + n_rep, 0);
	cr_assert_eq(course_member_add(ctx, id, rep, "brukerrepresentant", &err), 0, "%s", err.msg);
	cr_assert_eq(course_member_add(ctx, id, nurse, NULL, &err), 0, "%s", err.msg);
	cr_assert_eq(course_member_add(ctx, id, doc, NULL, &err), 0, "%s", err.msg);
	char buf[512] = "";
	cr_assert_eq(course_member_list(ctx, id, collect_member, buf, &err), 0);
	cr_assert_str_eq(buf, "Bjørn Lege(P:sykepleier)|Zofia Łukasiewicz(P:sykepleier)|Ánne Brukar(U:LHL)|");
	cr_assert_eq(course_group_balance(ctx, id, &n_prof, &n_rep, &err), 0);
	cr_assert_eq(n_prof, 2);
	cr_assert_eq(n_rep, 1);

	char *before = db_dump(ctx);
	cr_assert_eq(course_member_add(ctx, id, nurse, NULL, &err), -1);
	cr_assert_eq(err.code, LK_EINVAL);
	cr_assert(strstr(err.msg, "already in the planning group"), "%s", err.msg);
	cr_assert_eq(course_member_add(ctx, id, 999, NULL, &err), -1);
	cr_assert_eq(err.code, LK_ENOTFOUND);
	cr_assert_eq(course_member_add(ctx, 999, nurse, NULL, &err), -1);
	cr_assert_eq(err.code, LK_ENOTFOUND);
	cr_assert_eq(course_member_remove(ctx, id, 999, &err), -1);
	cr_assert_eq(err.code, LK_ENOTFOUND);
	assert_unchanged(ctx, before);

	lk_person p;
	int64_t gone = tl_person(ctx, "Sluttet", LK_USER_REP);
	cr_assert_eq(person_get(ctx, gone, &p, &err), 0);
	p.active = false;
	cr_assert_eq(person_update(ctx, &p, &err), 0);
	person_free(&p);
	cr_assert_eq(course_member_add(ctx, id, gone, NULL, &err), -1);
	cr_assert(strstr(err.msg, "inactive"), "%s", err.msg);

	cr_assert_eq(course_member_remove(ctx, id, nurse, &err), 0, "%s", err.msg);
	cr_assert_eq(course_group_balance(ctx, id, &n_prof, &n_rep, &err), 0);
	cr_assert_eq(n_prof, 1);
	cr_assert_eq(count_sql(ctx, "SELECT count(*) FROM audit WHERE entity = 'planning_member'"), 4);
	ctx_close(ctx);
}

/* ---- session plan ---- */

static int collect_part(void *arg, const lk_course_part *p)
{
	char *buf = arg;
	char line[300];
	snprintf(line, sizeof line, "%d:%s|", p->position, p->topic);
	strcat(buf, line);
	return 0;
}

static char *plan_of(lk_ctx *ctx, int64_t id, char *buf)
{
	lk_err err;
	buf[0] = 0;
	cr_assert_eq(course_part_list(ctx, id, collect_part, buf, &err), 0, "%s", err.msg);
	return buf;
}

Test(course, session_plan_add_update_validate)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	char buf[512];
	int64_t id = new_course(ctx, "Samlingsplan", LK_AUDIENCE_PATIENTS);
	lk_course_part p = {.course_id = id, .topic = "Velkommen", .minutes = 5, .needs = LK_NEEDS_USER_REP};
	cr_assert_eq(course_part_add(ctx, &p, &err), 0, "%s", err.msg);
	cr_assert_eq(p.position, 1);
	lk_course_part q = {.course_id = id, .topic = "Kosthold — التغذية", .minutes = 720,
		.description = "Med ernæringsfysiolog"};
	cr_assert_eq(course_part_add(ctx, &q, &err), 0, "%s", err.msg);
	cr_assert_eq(q.position, 2);
	cr_assert_str_eq(plan_of(ctx, id, buf), "1:Velkommen|2:Kosthold — التغذية|");

	char *before = db_dump(ctx);
	lk_course_part bad = {.course_id = id, .topic = "Kort", .minutes = 4};
	cr_assert_eq(course_part_add(ctx, &bad, &err), -1);
	cr_assert(strstr(err.msg, "from 5 to 720 minutes, not 4"), "%s", err.msg);
	bad.minutes = 721;
	cr_assert_eq(course_part_add(ctx, &bad, &err), -1);
	bad.minutes = 60;
	bad.needs = (lk_part_needs)9;
	cr_assert_eq(course_part_add(ctx, &bad, &err), -1);
	cr_assert_eq(err.code, LK_EINVAL);
	bad.needs = LK_NEEDS_BOTH;
	bad.topic = "";
	cr_assert_eq(course_part_add(ctx, &bad, &err), -1);
	cr_assert(strstr(err.msg, "Topic must not be empty"), "%s", err.msg);
	bad.topic = "Ok";
	bad.course_id = 999;
	cr_assert_eq(course_part_add(ctx, &bad, &err), -1);
	cr_assert_eq(err.code, LK_ENOTFOUND);
	assert_unchanged(ctx, before);

	lk_course_part got;
	cr_assert_eq(course_part_get(ctx, p.id, &got, &err), 0);
	cr_assert_eq(got.needs, LK_NEEDS_USER_REP);
	free(got.topic);
	got.topic = strdup("Velkommen og presentasjon");
	got.minutes = 30;
	cr_assert_eq(course_part_update(ctx, &got, &err), 0, "%s", err.msg);
	cr_assert_eq(got.version, 2);
	p.minutes = 45; /* p still has version 1 */
	before = db_dump(ctx);
	cr_assert_eq(course_part_update(ctx, &p, &err), -1);
	cr_assert_eq(err.code, LK_ECONFLICT);
	assert_unchanged(ctx, before);
	course_part_free(&got);
	cr_assert_str_eq(course_part_needs_code(LK_NEEDS_USER_REP), "user_rep");
	ctx_close(ctx);
}

Test(course, session_plan_delete_renumbers_and_moves)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	char buf[512];
	int64_t id = new_course(ctx, "Rekkefølge", LK_AUDIENCE_PATIENTS);
	int64_t a = add_part(ctx, id, "A", 60);
	int64_t b = add_part(ctx, id, "B", 60);
	add_part(ctx, id, "C", 60);
	int64_t d = add_part(ctx, id, "D", 60);
	cr_assert_eq(course_part_delete(ctx, b, 2, &err), -1, "stale version");
	cr_assert_eq(err.code, LK_ECONFLICT);
	cr_assert_eq(course_part_delete(ctx, b, 1, &err), 0, "%s", err.msg);
	cr_assert_str_eq(plan_of(ctx, id, buf), "1:A|2:C|3:D|");
	cr_assert_eq(course_part_move(ctx, d, 1, -1, &err), 0, "%s", err.msg);
	cr_assert_str_eq(plan_of(ctx, id, buf), "1:A|2:D|3:C|");
	cr_assert_eq(course_part_move(ctx, d, 2, -1, &err), 0, "%s", err.msg);
	cr_assert_str_eq(plan_of(ctx, id, buf), "1:D|2:A|3:C|");
	char *before = db_dump(ctx);
	cr_assert_eq(course_part_move(ctx, d, 3, -1, &err), -1);
	cr_assert(strstr(err.msg, "already the first"), "%s", err.msg);
	cr_assert_eq(course_part_move(ctx, d, 1, 1, &err), -1, "stale version");
	cr_assert_eq(err.code, LK_ECONFLICT);
	cr_assert_eq(course_part_move(ctx, a, 1, 2, &err), -1);
	cr_assert_eq(err.code, LK_EINVAL);
	int64_t c = count_sql(ctx, "SELECT id FROM course_part WHERE topic = 'C'");
	cr_assert_eq(course_part_move(ctx, c, 1, 1, &err), -1);
	cr_assert(strstr(err.msg, "already the last"), "%s", err.msg);
	assert_unchanged(ctx, before);
	cr_assert_eq(course_part_move(ctx, a, 1, 1, &err), 0, "%s", err.msg);
	cr_assert_str_eq(plan_of(ctx, id, buf), "1:D|2:C|3:A|");
	cr_assert_eq(course_part_delete(ctx, d, 3, &err), 0, "%s", err.msg);
	cr_assert_str_eq(plan_of(ctx, id, buf), "1:C|2:A|");
	ctx_close(ctx);
}

/* ---- phases ---- */

Test(course, leaving_idea_needs_owner_and_checklist)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	int64_t id = new_course(ctx, "Idé", LK_AUDIENCE_PATIENTS);
	tick(ctx, id, "idea", 2);
	char *before = db_dump(ctx);
	lk_gate g;
	cr_assert_eq(course_set_phase(ctx, id, LK_COURSE_PLANNING, NULL, &g, &err), -1);
	cr_assert_eq(err.code, LK_ERULE);
	cr_assert_str_eq(err.msg, "Cannot move to planning: no owner is named; checklist: 'Kurseier er utpekt' is not ticked");
	cr_assert_eq(g.n, 2);
	gate_free(&g);
	assert_unchanged(ctx, before);

	cr_assert_eq(course_gate(ctx, id, LK_COURSE_PLANNING, &g, &err), 0);
	cr_assert_eq(g.n, 2);
	gate_free(&g);
	set_owner(ctx, id, tl_person(ctx, "Eier", LK_PROFESSIONAL));
	cr_assert_eq(course_gate(ctx, id, LK_COURSE_PLANNING, &g, &err), 0);
	cr_assert_eq(g.n, 1);
	cr_assert_str_eq(g.unmet[0], "checklist: 'Kurseier er utpekt' is not ticked");
	gate_free(&g);
	tick(ctx, id, "idea", -1);
	cr_assert_eq(course_set_phase(ctx, id, LK_COURSE_PLANNING, NULL, &g, &err), 0, "%s", err.msg);
	cr_assert_eq(g.n, 0);
	gate_free(&g);
	cr_assert_eq(phase_of(ctx, id), LK_COURSE_PLANNING);
	cr_assert_eq(count_sql(ctx, "SELECT count(*) FROM audit WHERE action = 'phase' AND detail = 'idea->planning'"), 1);
	cr_assert_eq(count_sql(ctx, "SELECT count(*) FROM checklist_item WHERE phase = 'planning'"), 6);
	cr_assert_eq(count_sql(ctx, "SELECT count(*) FROM gate_override"), 0);
	ctx_close(ctx);
}

Test(course, leaving_planning_needs_group_and_plan)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	int64_t id = new_course(ctx, "Plan", LK_AUDIENCE_PATIENTS);
	cr_assert_eq(course_set_phase(ctx, id, LK_COURSE_PLANNING, "Eier kommer", NULL, &err), 0, "%s", err.msg);
	tick(ctx, id, "planning", -1);
	lk_gate g;
	char *before = db_dump(ctx);
	cr_assert_eq(course_set_phase(ctx, id, LK_COURSE_ACTIVE, "", &g, &err), -1);
	cr_assert_str_eq(err.msg, "Cannot move to active: the planning group has no professional; "
		"the planning group has no user representative; the session plan has no parts");
	gate_free(&g);
	assert_unchanged(ctx, before);

	cr_assert_eq(course_member_add(ctx, id, tl_person(ctx, "Fag", LK_PROFESSIONAL), NULL, &err), 0);
	cr_assert_eq(course_gate(ctx, id, LK_COURSE_ACTIVE, &g, &err), 0);
	cr_assert_eq(g.n, 2);
	cr_assert_str_eq(g.unmet[0], "the planning group has no user representative");
	gate_free(&g);
	cr_assert_eq(course_member_add(ctx, id, tl_person(ctx, "Rep", LK_USER_REP), NULL, &err), 0);
	cr_assert_eq(course_gate(ctx, id, LK_COURSE_ACTIVE, &g, &err), 0);
	cr_assert_eq(g.n, 1);
	cr_assert_str_eq(g.unmet[0], "the session plan has no parts");
	gate_free(&g);
	add_part(ctx, id, "Del 1", 60);
	cr_assert_eq(course_set_phase(ctx, id, LK_COURSE_ACTIVE, NULL, NULL, &err), 0, "%s", err.msg);
	cr_assert_eq(phase_of(ctx, id), LK_COURSE_ACTIVE);
	ctx_close(ctx);
}

Test(course, back_steps_retire_and_revision)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	int64_t id = active_course(ctx, "Livssyklus");
	cr_assert_eq(course_set_phase(ctx, id, LK_COURSE_PLANNING, NULL, NULL, &err), 0, "back without a gate: %s", err.msg);
	cr_assert_eq(course_set_phase(ctx, id, LK_COURSE_ACTIVE, NULL, NULL, &err), 0, "%s", err.msg);
	cr_assert_eq(course_set_phase(ctx, id, LK_COURSE_REVISION, NULL, NULL, &err), 0, "%s", err.msg);
	cr_assert_eq(count_sql(ctx, "SELECT count(*) FROM checklist_item WHERE phase = 'revision'"), 1);
	lk_gate g;
	cr_assert_eq(course_set_phase(ctx, id, LK_COURSE_ACTIVE, NULL, &g, &err), -1);
	cr_assert(strstr(err.msg, "Beslutningene fra evalueringen"), "%s", err.msg);
	cr_assert_eq(g.n, 1);
	gate_free(&g);
	tick(ctx, id, "revision", -1);
	cr_assert_eq(course_set_phase(ctx, id, LK_COURSE_ACTIVE, NULL, NULL, &err), 0, "%s", err.msg);
	cr_assert_eq(course_set_phase(ctx, id, LK_COURSE_RETIRED, NULL, NULL, &err), 0, "%s", err.msg);
	cr_assert_eq(course_set_phase(ctx, id, LK_COURSE_RETIRED, NULL, NULL, &err), -1);
	cr_assert_eq(err.code, LK_ERULE);
	cr_assert_eq(course_set_phase(ctx, id, LK_COURSE_ACTIVE, NULL, NULL, &err), -1);
	cr_assert_eq(err.code, LK_ERULE);
	cr_assert_eq(course_set_phase(ctx, id, LK_COURSE_REVISION, NULL, NULL, &err), 0, "%s", err.msg);
	cr_assert_eq(count_sql(ctx, "SELECT count(*) FROM checklist_item WHERE phase = 'revision'"), 1, "copied once");
	cr_assert_eq(count_sql(ctx, "SELECT count(*) FROM audit WHERE action = 'phase'"), 8);
	ctx_close(ctx);
}

Test(course, disallowed_moves_refused_even_with_reason)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	int64_t id = new_course(ctx, "Hopp", LK_AUDIENCE_PATIENTS);
	char *before = db_dump(ctx);
	cr_assert_eq(course_set_phase(ctx, id, LK_COURSE_ACTIVE, "Vil hoppe over", NULL, &err), -1);
	cr_assert_eq(err.code, LK_ERULE);
	cr_assert(strstr(err.msg, "cannot move from 'idea and anchoring' to 'active'"), "%s", err.msg);
	cr_assert_eq(course_set_phase(ctx, id, LK_COURSE_REVISION, "x", NULL, &err), -1);
	cr_assert_eq(course_set_phase(ctx, id, LK_COURSE_IDEA, "x", NULL, &err), -1);
	cr_assert_eq(course_set_phase(ctx, id, (lk_course_phase)17, "x", NULL, &err), -1);
	cr_assert_eq(err.code, LK_EINVAL);
	cr_assert_eq(course_set_phase(ctx, 999, LK_COURSE_PLANNING, "x", NULL, &err), -1);
	cr_assert_eq(err.code, LK_ENOTFOUND);
	char bad[] = {'x', (char)0xFF, 0};
	cr_assert_eq(course_set_phase(ctx, id, LK_COURSE_PLANNING, bad, NULL, &err), -1);
	cr_assert(strstr(err.msg, "UTF-8"), "%s", err.msg);
	lk_gate g;
	cr_assert_eq(course_gate(ctx, id, LK_COURSE_ACTIVE, &g, &err), -1);
	cr_assert_eq(err.code, LK_ERULE);
	gate_free(&g);
	assert_unchanged(ctx, before);
	cr_assert_eq(course_set_phase(ctx, id, LK_COURSE_RETIRED, NULL, NULL, &err), 0, "retiring is never gated: %s", err.msg);
	ctx_close(ctx);
}

/* ---- roles ---- */

Test(course, staff_and_user_reps_read_but_do_not_write)
{
	lk_ctx *ctx = tl_ctx();
	lk_ctx *rep = tl_ctx_as(ctx, "bruker", LK_ROLE_USER_REP);
	lk_ctx *staff = tl_ctx_as(ctx, "vert", LK_ROLE_STAFF);
	lk_err err;
	int64_t id = new_course(ctx, "Roller", LK_AUDIENCE_PATIENTS);
	int64_t part = add_part(ctx, id, "Del", 60);
	int64_t person = tl_person(ctx, "Per", LK_PROFESSIONAL);
	cr_assert_eq(course_member_add(ctx, id, person, NULL, &err), 0);
	int64_t other = tl_person(ctx, "Ny person", LK_USER_REP);
	char *before = db_dump(ctx);
	lk_ctx *who[] = {rep, staff};
	for (int i = 0; i < 2; i++) {
		lk_course c;
		cr_assert_eq(course_get(who[i], id, &c, &err), 0, "reading is allowed: %s", err.msg);
		cr_assert_eq(course_count(who[i], NULL, &err), 1);
		lk_course n = {.title = "Ny", .audience = LK_AUDIENCE_BOTH};
		cr_assert_eq(course_create(who[i], &n, &err), -1);
		cr_assert_eq(err.code, LK_EPERM);
		cr_assert_eq(course_update(who[i], &c, &err), -1);
		cr_assert_eq(err.code, LK_EPERM);
		cr_assert_eq(course_delete(who[i], id, c.version, &err), -1);
		cr_assert_eq(err.code, LK_EPERM);
		cr_assert_eq(course_set_phase(who[i], id, LK_COURSE_RETIRED, NULL, NULL, &err), -1);
		cr_assert_eq(err.code, LK_EPERM);
		cr_assert_eq(course_member_add(who[i], id, other, NULL, &err), -1);
		cr_assert_eq(err.code, LK_EPERM);
		cr_assert_eq(course_member_remove(who[i], id, person, &err), -1);
		cr_assert_eq(err.code, LK_EPERM);
		lk_course_part p = {.course_id = id, .topic = "X", .minutes = 60};
		cr_assert_eq(course_part_add(who[i], &p, &err), -1);
		cr_assert_eq(err.code, LK_EPERM);
		cr_assert_eq(course_part_delete(who[i], part, 1, &err), -1);
		cr_assert_eq(err.code, LK_EPERM);
		cr_assert_eq(course_part_move(who[i], part, 1, 1, &err), -1);
		cr_assert_eq(err.code, LK_EPERM);
		course_free(&c);
	}
	assert_unchanged(ctx, before);
	ctx_close(staff);
	ctx_close(rep);
	ctx_close(ctx);
}
