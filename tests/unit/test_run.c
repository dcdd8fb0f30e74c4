#include <criterion/criterion.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "lmskurs/course.h"
#include "lmskurs/enroll.h"
#include "lmskurs/run.h"
#include "lmskurs/session.h"
#include "testlib.h"

/* ---- helpers (private to this file) ---- */

/* A course with n parts of `minutes` each ("Del 1" ...), moved to active
 * (gates passed with a reason where unmet). */
static int64_t course_with_parts(lk_ctx *ctx, const char *title, int n, int minutes)
{
	lk_err err;
	lk_course c = {.title = (char *)title, .audience = LK_AUDIENCE_BOTH};
	cr_assert_eq(course_create(ctx, &c, &err), 0, "%s", err.msg);
	for (int i = 0; i < n; i++) {
		char topic[32];
		snprintf(topic, sizeof topic, "Del %d: mestring", i + 1);
		lk_course_part p = {.course_id = c.id, .topic = topic, .minutes = minutes};
		cr_assert_eq(course_part_add(ctx, &p, &err), 0, "%s", err.msg);
	}
	cr_assert_eq(course_set_phase(ctx, c.id, LK_COURSE_PLANNING, "test", NULL, &err), 0, "%s", err.msg);
	cr_assert_eq(course_set_phase(ctx, c.id, LK_COURSE_ACTIVE, "test", NULL, &err), 0, "%s", err.msg);
	return c.id;
}

static int64_t new_run(lk_ctx *ctx, int64_t course_id, const char *title, int capacity)
{
	lk_err err;
	lk_run r = {.course_id = course_id, .title = (char *)title, .capacity = capacity};
	cr_assert_eq(run_create(ctx, &r, &err), 0, "%s", err.msg);
	return r.id;
}

static int schedule(lk_ctx *ctx, int64_t run_id, const char *first, int every, lk_err *err)
{
	lk_schedule s = {.every_weeks = every, .hour = 17, .minute = 0, .room = "Møterom Ålesund"};
	cr_assert_eq(date_parse(first, &s.first, NULL), 0);
	return run_schedule(ctx, run_id, &s, err);
}

/* Books a professional and a user representative on every planned session. */
static void pair_all(lk_ctx *ctx, int64_t run_id)
{
	lk_err err;
	int64_t ids[2] = {tl_person(ctx, "Siri Fagerlund", LK_PROFESSIONAL),
		tl_person(ctx, "Ørjan Brukersen", LK_USER_REP)};
	cr_assert_geq(run_assign_facilitators(ctx, run_id, ids, 2, &err), 0, "%s", err.msg);
}

static void tick_all(lk_ctx *ctx, int64_t run_id, const char *phase);

static void set_status(lk_ctx *ctx, int64_t session_id, lk_session_status st)
{
	lk_err err;
	lk_session s;
	cr_assert_eq(session_get(ctx, session_id, &s, &err), 0, "%s", err.msg);
	cr_assert_eq(session_set_status(ctx, session_id, s.version, st, &err), 0, "%s", err.msg);
	session_free(&s);
}

static lk_run get_run(lk_ctx *ctx, int64_t id)
{
	lk_err err;
	lk_run r;
	cr_assert_eq(run_get(ctx, id, &r, &err), 0, "%s", err.msg);
	return r;
}

static lk_run_phase phase_of(lk_ctx *ctx, int64_t id)
{
	lk_run r = get_run(ctx, id);
	lk_run_phase p = r.phase;
	run_free(&r);
	return p;
}

/* A second, raw connection to the same file: PRAGMA data_version changes
 * when any other connection commits, so an unchanged value proves that a
 * refused operation wrote nothing. */
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

static int64_t data_version(sqlite3 *h)
{
	return raw_int(h, "PRAGMA data_version");
}

static int count_checklist(void *arg, const lk_checklist_item *it)
{
	(void)it;
	(*(int *)arg)++;
	return 0;
}

static int n_checklist(lk_ctx *ctx, int64_t run_id, const char *phase)
{
	lk_err err;
	int n = 0;
	cr_assert_eq(checklist_list(ctx, (lk_owner){.run_id = run_id}, phase, count_checklist, &n, &err), 0,
		"%s", err.msg);
	return n;
}

struct tick {
	lk_ctx *ctx;
};

static int tick_one(void *arg, const lk_checklist_item *it)
{
	struct tick *t = arg;
	lk_err err;
	if (!it->done)
		cr_assert_eq(checklist_set_done(t->ctx, it->id, it->version, true, &err), 0, "%s", err.msg);
	return 0;
}

static void tick_all(lk_ctx *ctx, int64_t run_id, const char *phase)
{
	lk_err err;
	struct tick t = {ctx};
	cr_assert_eq(checklist_list(ctx, (lk_owner){.run_id = run_id}, phase, tick_one, &t, &err), 0,
		"%s", err.msg);
}

struct overrides {
	int n;
	char reason[256];
	char unmet[1024];
};

static int collect_override(void *arg, const lk_gate_override *o)
{
	struct overrides *ov = arg;
	if (ov->n++ == 0) {
		snprintf(ov->reason, sizeof ov->reason, "%s", o->reason);
		snprintf(ov->unmet, sizeof ov->unmet, "%s", o->unmet);
	}
	return 0;
}

static struct overrides overrides_of(lk_ctx *ctx, int64_t run_id)
{
	lk_err err;
	struct overrides ov = {0};
	cr_assert_eq(gate_override_list(ctx, (lk_owner){.run_id = run_id}, collect_override, &ov, &err), 0,
		"%s", err.msg);
	return ov;
}

struct dates {
	int n;
	char buf[1024];
};

static int collect_session(void *arg, const lk_session *s)
{
	struct dates *d = arg;
	char a[17], b[17];
	datetime_iso(s->starts_at, a);
	datetime_iso(s->ends_at, b);
	size_t len = strlen(d->buf);
	snprintf(d->buf + len, sizeof d->buf - len, "%d %s-%s %s|", s->seq, a, b + 11, s->topic);
	d->n++;
	return 0;
}

static struct dates sessions_of(lk_ctx *ctx, int64_t run_id)
{
	lk_err err;
	struct dates d = {0};
	cr_assert_eq(session_list(ctx, run_id, collect_session, &d, &err), 0, "%s", err.msg);
	return d;
}

/* A participant enrolled (registered) in the run, written directly as a
 * fixture; returns the enrollment id. */
static int64_t raw_enroll(sqlite3 *h, int64_t run_id)
{
	char sql[512];
	raw_exec(h, "INSERT INTO participant (name, created_at) VALUES ('Åse Ødegård', '2027-01-01T10:00:00')");
	snprintf(sql, sizeof sql,
		"INSERT INTO enrollment (run_id, participant_id, category, status, requested_at, placed_at)"
		" VALUES (%lld, last_insert_rowid(), 'patient', 'registered', '2027-01-02T10:00:00', '2027-01-02T10:00:00')",
		(long long)run_id);
	raw_exec(h, sql);
	return raw_int(h, "SELECT last_insert_rowid()");
}

/* ---- create ---- */

Test(run, create_needs_an_active_course)
{
	lk_ctx *ctx = tl_ctx();
	sqlite3 *h = raw_open(ctx);
	lk_err err;
	lk_course c = {.title = "Leve med KOLS", .audience = LK_AUDIENCE_PATIENTS};
	cr_assert_eq(course_create(ctx, &c, &err), 0, "%s", err.msg);
	int64_t before = data_version(h);
	lk_run r = {.course_id = c.id, .title = "Våren 2027", .capacity = 12};
	cr_assert_eq(run_create(ctx, &r, &err), -1);
	cr_assert_eq(err.code, LK_ERULE);
	cr_assert(strstr(err.msg, "must finish planning"), "%s", err.msg);
	cr_assert_eq(r.id, 0);
	cr_assert_eq(data_version(h), before, "a refused create writes nothing");
	cr_assert_eq(run_count(ctx, NULL, &err), 0);

	int64_t active = course_with_parts(ctx, "Leve med diabetes", 2, 90);
	r.course_id = active;
	cr_assert_eq(run_create(ctx, &r, &err), 0, "%s", err.msg);
	cr_assert_gt(r.id, 0);
	cr_assert_eq(r.phase, LK_RUN_SCHEDULING);
	cr_assert_eq(r.version, 1);
	cr_assert_eq(n_checklist(ctx, r.id, "scheduling"), 4, "the scheduling checklist is copied");
	cr_assert_eq(n_checklist(ctx, r.id, "registration"), 0);
	lk_run got = get_run(ctx, r.id);
	cr_assert_str_eq(got.title, "Våren 2027");
	cr_assert_str_eq(got.course_title, "Leve med diabetes");
	cr_assert_eq(got.capacity, 12);
	cr_assert_eq(got.first_date.year, 0, "no sessions yet: no dates");
	cr_assert_null(got.closed_at);
	run_free(&got);
	sqlite3_close(h);
	ctx_close(ctx);
}

Test(run, create_in_revision_and_questionnaire_from_course)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	int64_t cid = course_with_parts(ctx, "Mestring av angst", 1, 60);
	lk_course c;
	cr_assert_eq(course_get(ctx, cid, &c, &err), 0, "%s", err.msg);
	c.questionnaire_id = 1;
	cr_assert_eq(course_update(ctx, &c, &err), 0, "%s", err.msg);
	course_free(&c);
	cr_assert_eq(course_set_phase(ctx, cid, LK_COURSE_REVISION, "evaluert", NULL, &err), 0, "%s", err.msg);
	lk_run r = {.course_id = cid};
	cr_assert_eq(run_create(ctx, &r, &err), 0, "%s", err.msg);
	cr_assert_eq(r.questionnaire_id, 1, "a run without its own questionnaire takes the course's");
	lk_run got = get_run(ctx, r.id);
	cr_assert_eq(got.questionnaire_id, 1);
	cr_assert_eq(got.capacity, 0);
	run_free(&got);
	ctx_close(ctx);
}

Test(run, create_refuses_bad_input)
{
	lk_ctx *ctx = tl_ctx();
	sqlite3 *h = raw_open(ctx);
	lk_err err;
	int64_t cid = course_with_parts(ctx, "Hjerteskolen", 1, 60);
	int64_t before = data_version(h);
	lk_run r = {.course_id = cid, .capacity = 1001};
	cr_assert_eq(run_create(ctx, &r, &err), -1);
	cr_assert_eq(err.code, LK_EINVAL);
	cr_assert(strstr(err.msg, "capacity"), "%s", err.msg);
	r.capacity = -1;
	cr_assert_eq(run_create(ctx, &r, &err), -1);
	cr_assert_eq(err.code, LK_EINVAL);
	cr_assert(strstr(err.msg, "capacity") && strstr(err.msg, "0 while not decided"), "%s", err.msg);
	cr_assert_eq(r.id, 0);
	r.capacity = 1000;
	char bad[] = {'H', (char)0xC3, 'x', 0};
	r.title = bad;
	cr_assert_eq(run_create(ctx, &r, &err), -1);
	cr_assert(strstr(err.msg, "UTF-8"), "%s", err.msg);
	r.title = "Høst";
	r.questionnaire_id = 999;
	cr_assert_eq(run_create(ctx, &r, &err), -1);
	cr_assert_eq(err.code, LK_EINVAL);
	cr_assert(strstr(err.msg, "questionnaire"), "%s", err.msg);
	r.questionnaire_id = 0;
	r.course_id = 4242;
	cr_assert_eq(run_create(ctx, &r, &err), -1);
	cr_assert_eq(err.code, LK_ENOTFOUND);
	cr_assert_eq(data_version(h), before);
	cr_assert_eq(run_count(ctx, NULL, &err), 0);
	r.course_id = cid;
	cr_assert_eq(run_create(ctx, &r, &err), 0, "capacity 1000 is allowed: %s", err.msg);
	sqlite3_close(h);
	ctx_close(ctx);
}

/* Rolled back after the insert: the caller gets no id of a row that is gone. */
Test(run, failed_create_leaves_no_id_behind)
{
	lk_ctx *ctx = tl_ctx();
	sqlite3 *h = raw_open(ctx);
	lk_err err;
	int64_t cid = course_with_parts(ctx, "Diabetesskolen", 1, 60);
	raw_exec(h, "CREATE TRIGGER test_fail AFTER INSERT ON audit WHEN NEW.entity = 'run'"
		" BEGIN SELECT RAISE(ABORT, 'test: audit refused'); END");
	int64_t before = data_version(h);
	lk_run r = {.course_id = cid, .title = "Våren", .capacity = 8};
	cr_assert_eq(run_create(ctx, &r, &err), -1);
	cr_assert_eq(r.id, 0);
	cr_assert_eq(r.version, 0);
	cr_assert_eq(r.questionnaire_id, 0, "the caller's choice (none) is left as it was");
	cr_assert_eq(data_version(h), before);
	raw_exec(h, "DROP TRIGGER test_fail");
	cr_assert_eq(run_create(ctx, &r, &err), 0, "%s", err.msg);
	cr_assert_gt(r.id, 0);
	sqlite3_close(h);
	ctx_close(ctx);
}

/* ---- update, delete ---- */

Test(run, update_roundtrip_and_stale_version_refused)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	int64_t id = new_run(ctx, course_with_parts(ctx, "Pårørendeskolen", 2, 60), "Vår", 10);
	lk_run a = get_run(ctx, id), b = get_run(ctx, id);
	free(a.place);
	a.place = strdup("Tromsø – مركز التعلم");
	free(a.title);
	a.title = strdup("Høsten 2027 / 秋");
	a.capacity = 99; /* not saved by run_update */
	a.questionnaire_id = 1;
	cr_assert_eq(run_update(ctx, &a, &err), 0, "%s", err.msg);
	cr_assert_eq(a.version, 2);
	lk_run got = get_run(ctx, id);
	cr_assert_str_eq(got.place, "Tromsø – مركز التعلم");
	cr_assert_str_eq(got.title, "Høsten 2027 / 秋");
	cr_assert_eq(got.capacity, 10, "capacity belongs to run_set_capacity");
	cr_assert_eq(got.questionnaire_id, 1);
	cr_assert_eq(got.phase, LK_RUN_SCHEDULING);
	run_free(&got);

	free(b.notes);
	b.notes = strdup("stale");
	cr_assert_eq(run_update(ctx, &b, &err), -1);
	cr_assert_eq(err.code, LK_ECONFLICT);
	cr_assert(strstr(err.msg, "changed by someone else"), "%s", err.msg);
	got = get_run(ctx, id);
	cr_assert_str_eq(got.notes, "");
	cr_assert_str_eq(got.title, "Høsten 2027 / 秋");
	run_free(&got);
	a.questionnaire_id = 777;
	cr_assert_eq(run_update(ctx, &a, &err), -1);
	cr_assert_eq(err.code, LK_EINVAL);
	run_free(&a);
	run_free(&b);
	ctx_close(ctx);
}

Test(run, delete_in_scheduling_takes_sessions_along)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	int64_t id = new_run(ctx, course_with_parts(ctx, "Kurs", 3, 60), "", 10);
	cr_assert_eq(schedule(ctx, id, "2027-02-01", 1, &err), 3, "%s", err.msg);
	pair_all(ctx, id);
	lk_session s;
	struct dates d = sessions_of(ctx, id);
	cr_assert_eq(d.n, 3);
	lk_run r = get_run(ctx, id);
	cr_assert_eq(r.version, 1);
	cr_assert_eq(run_update(ctx, &r, &err), 0, "%s", err.msg);
	cr_assert_eq(run_delete(ctx, id, 1, NULL, &err), -1, "stale version");
	cr_assert_eq(err.code, LK_ECONFLICT);
	cr_assert_eq(sessions_of(ctx, id).n, 3, "nothing deleted");
	int n = -1;
	cr_assert_eq(run_delete(ctx, id, r.version, &n, &err), 0, "%s", err.msg);
	cr_assert_eq(n, 3);
	run_free(&r);
	cr_assert_eq(run_get(ctx, id, &r, &err), -1);
	cr_assert_eq(err.code, LK_ENOTFOUND);
	cr_assert_eq(session_list(ctx, id, collect_session, &d, &err), -1);
	cr_assert_eq(err.code, LK_ENOTFOUND);
	cr_assert_eq(session_get(ctx, 1, &s, &err), -1);
	ctx_close(ctx);
}

Test(run, delete_refused_when_past_scheduling_or_enrolled)
{
	lk_ctx *ctx = tl_ctx();
	sqlite3 *h = raw_open(ctx);
	lk_err err;
	int64_t id = new_run(ctx, course_with_parts(ctx, "Kurs", 1, 60), "", 10);
	cr_assert_eq(schedule(ctx, id, "2027-02-01", 1, &err), 1, "%s", err.msg);
	pair_all(ctx, id);
	tick_all(ctx, id, "scheduling");
	cr_assert_eq(run_set_phase(ctx, id, LK_RUN_REGISTRATION, NULL, NULL, &err), 0, "%s", err.msg);
	raw_enroll(h, id);
	lk_run r = get_run(ctx, id);
	int64_t before = data_version(h);
	cr_assert_eq(run_delete(ctx, id, r.version, NULL, &err), -1);
	cr_assert_eq(err.code, LK_ERULE);
	cr_assert(strstr(err.msg, "Cancel it instead"), "%s", err.msg);
	cr_assert_eq(data_version(h), before);
	run_free(&r);
	cr_assert_eq(run_set_phase(ctx, id, LK_RUN_CANCELLED, "For få påmeldte", NULL, &err), 0, "%s", err.msg);
	r = get_run(ctx, id);
	before = data_version(h);
	cr_assert_eq(run_delete(ctx, id, r.version, NULL, &err), -1);
	cr_assert_eq(err.code, LK_ERULE);
	cr_assert(strstr(err.msg, "1 enrollments"), "%s", err.msg);
	cr_assert_eq(data_version(h), before);
	run_free(&r);
	r = get_run(ctx, id);
	cr_assert_eq(r.phase, LK_RUN_CANCELLED);
	cr_assert_eq(r.n_registered, 1);
	run_free(&r);
	sqlite3_close(h);
	ctx_close(ctx);
}

Test(run, cancelled_run_without_enrollments_can_be_deleted)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	int64_t id = new_run(ctx, course_with_parts(ctx, "Kurs", 2, 60), "", 0);
	cr_assert_eq(schedule(ctx, id, "2027-02-01", 1, &err), 2, "%s", err.msg);
	cr_assert_eq(run_set_phase(ctx, id, LK_RUN_CANCELLED, "Ingen lokaler", NULL, &err), 0, "%s", err.msg);
	lk_run r = get_run(ctx, id);
	int n = 0;
	cr_assert_eq(run_delete(ctx, id, r.version, &n, &err), 0, "%s", err.msg);
	cr_assert_eq(n, 2);
	run_free(&r);
	ctx_close(ctx);
}

/* ---- list ---- */

static int collect_titles(void *arg, const lk_run *r)
{
	char *buf = arg;
	strcat(buf, r->title);
	strcat(buf, "|");
	return 0;
}

static char *list_titles(lk_ctx *ctx, const lk_run_filter *f, lk_page page, char *buf)
{
	lk_err err;
	buf[0] = 0;
	cr_assert_eq(run_list(ctx, f, page, collect_titles, buf, &err), 0, "%s", err.msg);
	return buf;
}

Test(run, list_filters_sorts_and_pages)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	int64_t kols = course_with_parts(ctx, "Leve med KOLS", 2, 60);
	int64_t barn = course_with_parts(ctx, "Pårørende til barn", 2, 60);
	int64_t a = new_run(ctx, kols, "A", 10);
	int64_t b = new_run(ctx, kols, "B", 10);
	int64_t c = new_run(ctx, barn, "C", 10);
	new_run(ctx, barn, "Ø uten datoer", 10);
	cr_assert_eq(schedule(ctx, a, "2027-03-01", 1, &err), 2, "%s", err.msg);
	cr_assert_eq(schedule(ctx, b, "2028-01-10", 1, &err), 2, "%s", err.msg);
	cr_assert_eq(schedule(ctx, c, "2027-09-06", 1, &err), 2, "%s", err.msg);
	char buf[256];
	lk_run_filter all = {.phase = -1};
	cr_assert_str_eq(list_titles(ctx, &all, (lk_page){0, 0}, buf), "Ø uten datoer|B|C|A|");
	cr_assert_str_eq(list_titles(ctx, &all, (lk_page){1, 2}, buf), "B|C|");
	cr_assert_eq(run_count(ctx, &all, &err), 4);
	lk_run_filter y = {.year = 2027, .phase = -1};
	cr_assert_str_eq(list_titles(ctx, &y, (lk_page){0, 0}, buf), "C|A|");
	cr_assert_eq(run_count(ctx, &y, &err), 2);
	lk_run_filter course = {.course_id = kols, .phase = -1};
	cr_assert_str_eq(list_titles(ctx, &course, (lk_page){0, 0}, buf), "B|A|");
	lk_run_filter text = {.text = "pårørende", .phase = -1};
	cr_assert_str_eq(list_titles(ctx, &text, (lk_page){0, 0}, buf), "Ø uten datoer|C|");
	text.text = "uten dato";
	cr_assert_eq(run_count(ctx, &text, &err), 1, "the run's own title matches too");
	text.text = "%";
	cr_assert_eq(run_count(ctx, &text, &err), 0, "wildcards are literal");
	cr_assert_eq(run_set_phase(ctx, c, LK_RUN_CANCELLED, "Avlyst", NULL, &err), 0, "%s", err.msg);
	lk_run_filter ph = {.phase = LK_RUN_CANCELLED};
	cr_assert_str_eq(list_titles(ctx, &ph, (lk_page){0, 0}, buf), "C|");
	ph.phase = LK_RUN_SCHEDULING;
	cr_assert_eq(run_count(ctx, &ph, &err), 3);
	ctx_close(ctx);
}

struct extras {
	int sessions, unpaired, registered, waitlisted;
};

static int collect_extras(void *arg, const lk_run *r)
{
	struct extras *e = arg;
	*e = (struct extras){r->n_sessions, r->n_unpaired, r->n_registered, r->n_waitlisted};
	return 1;
}

Test(run, list_rows_carry_counts)
{
	lk_ctx *ctx = tl_ctx();
	sqlite3 *h = raw_open(ctx);
	lk_err err;
	int64_t id = new_run(ctx, course_with_parts(ctx, "Kurs", 4, 60), "", 0);
	cr_assert_eq(schedule(ctx, id, "2027-02-01", 1, &err), 4, "%s", err.msg);
	int64_t prof = tl_person(ctx, "Kari Nordmann", LK_PROFESSIONAL);
	cr_assert_eq(run_assign_facilitators(ctx, id, &prof, 1, &err), 4, "%s", err.msg);
	int64_t rep = tl_person(ctx, "Ola Brukar", LK_USER_REP);
	cr_assert_eq(session_facilitator_add(ctx, 1, rep, &err), 0, "%s", err.msg);
	raw_enroll(h, id);
	raw_exec(h, "INSERT INTO participant (name, created_at) VALUES ('Zoë', '2027-01-01T10:00:00')");
	raw_exec(h, "INSERT INTO enrollment (run_id, participant_id, category, status, requested_at)"
		    " VALUES (1, last_insert_rowid(), 'relative', 'waitlisted', '2027-01-03T10:00:00')");
	struct extras e = {0};
	lk_run_filter all = {.phase = -1};
	cr_assert_eq(run_list(ctx, &all, (lk_page){0, 0}, collect_extras, &e, &err), 0, "%s", err.msg);
	cr_assert_eq(e.sessions, 4);
	cr_assert_eq(e.unpaired, 3);
	cr_assert_eq(e.registered, 1);
	cr_assert_eq(e.waitlisted, 1);
	sqlite3_close(h);
	ctx_close(ctx);
}

/* ---- scheduling ---- */

Test(run, schedule_weekly_across_a_month_end)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	int64_t id = new_run(ctx, course_with_parts(ctx, "Kurs", 4, 150), "", 10);
	cr_assert_eq(schedule(ctx, id, "2027-01-25", 1, &err), 4, "%s", err.msg);
	struct dates d = sessions_of(ctx, id);
	cr_assert_str_eq(d.buf,
		"1 2027-01-25T17:00-19:30 Del 1: mestring|"
		"2 2027-02-01T17:00-19:30 Del 2: mestring|"
		"3 2027-02-08T17:00-19:30 Del 3: mestring|"
		"4 2027-02-15T17:00-19:30 Del 4: mestring|");
	lk_run r = get_run(ctx, id);
	cr_assert_eq(date_cmp(r.first_date, (lk_date){2027, 1, 25}), 0);
	cr_assert_eq(date_cmp(r.last_date, (lk_date){2027, 2, 15}), 0);
	cr_assert_eq(r.n_sessions, 4);
	cr_assert_eq(r.n_unpaired, 4);
	run_free(&r);
	lk_session s;
	cr_assert_eq(session_get(ctx, 1, &s, &err), 0, "%s", err.msg);
	cr_assert_str_eq(s.room, "Møterom Ålesund");
	cr_assert_eq(s.status, LK_SESSION_PLANNED);
	session_free(&s);
	ctx_close(ctx);
}

Test(run, schedule_every_second_week_across_a_year_end)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	int64_t id = new_run(ctx, course_with_parts(ctx, "Kurs", 3, 60), "", 10);
	cr_assert_eq(schedule(ctx, id, "2027-12-20", 2, &err), 3, "%s", err.msg);
	struct dates d = sessions_of(ctx, id);
	cr_assert_str_eq(d.buf,
		"1 2027-12-20T17:00-18:00 Del 1: mestring|"
		"2 2028-01-03T17:00-18:00 Del 2: mestring|"
		"3 2028-01-17T17:00-18:00 Del 3: mestring|");
	lk_run r = get_run(ctx, id);
	cr_assert_eq(date_cmp(r.first_date, (lk_date){2027, 12, 20}), 0);
	cr_assert_eq(date_cmp(r.last_date, (lk_date){2028, 1, 17}), 0);
	run_free(&r);
	ctx_close(ctx);
}

struct holidays {
	int n;
	const char *names[8];
};

static int collect_holiday(void *arg, const lk_session *s)
{
	struct holidays *h = arg;
	h->names[h->n++] = s->holiday;
	return 0;
}

Test(run, schedule_flags_public_holidays_without_refusing)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	int64_t id = new_run(ctx, course_with_parts(ctx, "Kurs", 3, 60), "", 10);
	/* Thursdays: Ascension Day 6 May 2027, then 13 May, then 20 May. */
	cr_assert_eq(schedule(ctx, id, "2027-05-06", 1, &err), 3, "%s", err.msg);
	struct holidays hd = {0};
	cr_assert_eq(session_list(ctx, id, collect_holiday, &hd, &err), 0, "%s", err.msg);
	cr_assert_eq(hd.n, 3);
	cr_assert_not_null(hd.names[0]);
	cr_assert_str_eq(hd.names[0], date_holiday((lk_date){2027, 5, 6}));
	cr_assert_null(hd.names[1]);
	cr_assert_null(hd.names[2]);
	/* Mondays: 3, 10, 17 May (Constitution Day). */
	cr_assert_eq(schedule(ctx, id, "2027-05-03", 1, &err), 3, "%s", err.msg);
	hd = (struct holidays){0};
	cr_assert_eq(session_list(ctx, id, collect_holiday, &hd, &err), 0, "%s", err.msg);
	cr_assert_null(hd.names[0]);
	cr_assert_null(hd.names[1]);
	cr_assert_not_null(hd.names[2]);
	cr_assert_str_eq(hd.names[2], date_holiday((lk_date){2027, 5, 17}));
	ctx_close(ctx);
}

Test(run, schedule_replaces_sessions_and_keeps_facilitators)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	int64_t id = new_run(ctx, course_with_parts(ctx, "Kurs", 2, 60), "", 10);
	cr_assert_eq(schedule(ctx, id, "2027-02-01", 1, &err), 2, "%s", err.msg);
	pair_all(ctx, id);
	lk_session extra = {.run_id = id, .starts_at = {{2027, 3, 1}, 10, 0},
		.ends_at = {{2027, 3, 1}, 11, 0}, .topic = "Ekstra"};
	cr_assert_eq(session_add(ctx, &extra, &err), 0, "%s", err.msg);
	cr_assert_eq(extra.seq, 3);
	cr_assert_eq(schedule(ctx, id, "2027-04-05", 2, &err), 2, "%s", err.msg);
	struct dates d = sessions_of(ctx, id);
	cr_assert_str_eq(d.buf, "1 2027-04-05T17:00-18:00 Del 1: mestring|2 2027-04-19T17:00-18:00 Del 2: mestring|");
	lk_run r = get_run(ctx, id);
	cr_assert_eq(r.n_unpaired, 0, "facilitators stay with session numbers");
	cr_assert_eq(date_cmp(r.last_date, (lk_date){2027, 4, 19}), 0);
	run_free(&r);
	lk_session s;
	cr_assert_eq(session_get(ctx, extra.id, &s, &err), -1, "the extra session went");
	ctx_close(ctx);
}

Test(run, schedule_refusals_change_nothing)
{
	lk_ctx *ctx = tl_ctx();
	sqlite3 *h = raw_open(ctx);
	lk_err err;
	int64_t empty = new_run(ctx, course_with_parts(ctx, "Tomt kurs", 0, 60), "", 10);
	int64_t id = new_run(ctx, course_with_parts(ctx, "Kurs", 2, 600), "", 10);
	int64_t before = data_version(h);
	cr_assert_eq(schedule(ctx, empty, "2027-02-01", 1, &err), -1);
	cr_assert_eq(err.code, LK_ERULE);
	cr_assert(strstr(err.msg, "no session plan"), "%s", err.msg);
	cr_assert_eq(schedule(ctx, id, "2027-02-01", 0, &err), -1);
	cr_assert_eq(err.code, LK_EINVAL);
	cr_assert_eq(schedule(ctx, id, "2027-02-01", 9, &err), -1);
	cr_assert_eq(err.code, LK_EINVAL);
	lk_schedule bad = {.first = {2027, 2, 30}, .every_weeks = 1, .hour = 9};
	cr_assert_eq(run_schedule(ctx, id, &bad, &err), -1);
	cr_assert_eq(err.code, LK_EINVAL);
	bad = (lk_schedule){.first = {2027, 2, 1}, .every_weeks = 1, .hour = 24};
	cr_assert_eq(run_schedule(ctx, id, &bad, &err), -1);
	cr_assert_eq(err.code, LK_EINVAL);
	cr_assert_eq(run_schedule(ctx, 999, &(lk_schedule){.first = {2027, 2, 1}, .every_weeks = 1}, &err), -1);
	cr_assert_eq(err.code, LK_ENOTFOUND);
	/* 600 minutes from 17:00 end after midnight. */
	cr_assert_eq(schedule(ctx, id, "2027-02-01", 1, &err), -1);
	cr_assert_eq(err.code, LK_ERULE);
	cr_assert(strstr(err.msg, "after midnight"), "%s", err.msg);
	cr_assert_eq(data_version(h), before, "refused scheduling writes nothing");
	cr_assert_eq(sessions_of(ctx, id).n, 0);
	sqlite3_close(h);
	ctx_close(ctx);
}

Test(run, schedule_refused_outside_scheduling_or_with_attendance)
{
	lk_ctx *ctx = tl_ctx();
	sqlite3 *h = raw_open(ctx);
	lk_err err;
	int64_t id = new_run(ctx, course_with_parts(ctx, "Kurs", 2, 60), "", 10);
	cr_assert_eq(schedule(ctx, id, "2027-01-04", 1, &err), 2, "%s", err.msg);
	int64_t e = raw_enroll(h, id);
	char sql[256];
	snprintf(sql, sizeof sql, "INSERT INTO attendance (session_id, enrollment_id, status, marked_by, marked_at)"
		" VALUES (1, %lld, 'present', 'koord', '2027-01-04T18:00:00')", (long long)e);
	raw_exec(h, sql);
	int64_t before = data_version(h);
	cr_assert_eq(schedule(ctx, id, "2027-02-01", 1, &err), -1);
	cr_assert_eq(err.code, LK_ERULE);
	cr_assert(strstr(err.msg, "attendance"), "%s", err.msg);
	cr_assert_eq(data_version(h), before);
	raw_exec(h, "DELETE FROM attendance");
	pair_all(ctx, id);
	cr_assert_eq(run_set_phase(ctx, id, LK_RUN_REGISTRATION, "fort", NULL, &err), 0, "%s", err.msg);
	before = data_version(h);
	cr_assert_eq(schedule(ctx, id, "2027-02-01", 1, &err), -1);
	cr_assert_eq(err.code, LK_ERULE);
	cr_assert(strstr(err.msg, "scheduling"), "%s", err.msg);
	cr_assert_eq(data_version(h), before);
	struct dates d = sessions_of(ctx, id);
	cr_assert(strstr(d.buf, "2027-01-04T17:00"), "%s", d.buf);
	sqlite3_close(h);
	ctx_close(ctx);
}

/* ---- first_date / last_date ---- */

Test(run, first_and_last_date_follow_every_session_write)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	int64_t id = new_run(ctx, course_with_parts(ctx, "Kurs", 3, 60), "", 10);
	cr_assert_eq(schedule(ctx, id, "2027-02-01", 1, &err), 3, "%s", err.msg);
	lk_session s = {.run_id = id, .starts_at = {{2027, 1, 20}, 10, 0}, .ends_at = {{2027, 1, 20}, 12, 0},
		.topic = "Oppstart"};
	cr_assert_eq(session_add(ctx, &s, &err), 0, "%s", err.msg);
	lk_run r = get_run(ctx, id);
	cr_assert_eq(date_cmp(r.first_date, (lk_date){2027, 1, 20}), 0);
	cr_assert_eq(date_cmp(r.last_date, (lk_date){2027, 2, 15}), 0);
	run_free(&r);
	cr_assert_eq(session_set_status(ctx, s.id, s.version, LK_SESSION_CANCELLED, &err), 0, "%s", err.msg);
	r = get_run(ctx, id);
	cr_assert_eq(date_cmp(r.first_date, (lk_date){2027, 2, 1}), 0, "cancelled sessions do not count");
	run_free(&r);
	lk_session last;
	cr_assert_eq(session_get(ctx, 3, &last, &err), 0, "%s", err.msg);
	last.starts_at.date = last.ends_at.date = (lk_date){2027, 3, 31};
	cr_assert_eq(session_update(ctx, &last, &err), 0, "%s", err.msg);
	r = get_run(ctx, id);
	cr_assert_eq(date_cmp(r.last_date, (lk_date){2027, 3, 31}), 0);
	run_free(&r);
	cr_assert_eq(session_delete(ctx, last.id, last.version, &err), 0, "%s", err.msg);
	r = get_run(ctx, id);
	cr_assert_eq(date_cmp(r.last_date, (lk_date){2027, 2, 8}), 0);
	run_free(&r);
	session_free(&last);
	ctx_close(ctx);
}

/* ---- phases ---- */

Test(run, unpaired_session_blocks_registration_even_with_a_reason)
{
	lk_ctx *ctx = tl_ctx();
	sqlite3 *h = raw_open(ctx);
	lk_err err;
	int64_t id = new_run(ctx, course_with_parts(ctx, "Kurs", 3, 60), "", 10);
	cr_assert_eq(schedule(ctx, id, "2027-03-03", 1, &err), 3, "%s", err.msg);
	int64_t prof = tl_person(ctx, "Kari", LK_PROFESSIONAL), rep = tl_person(ctx, "Ola", LK_USER_REP);
	cr_assert_eq(run_assign_facilitators(ctx, id, (int64_t[]){prof, rep}, 2, &err), 3, "%s", err.msg);
	cr_assert_eq(session_facilitator_remove(ctx, 3, rep, &err), 0, "%s", err.msg);
	cr_assert_eq(session_facilitator_remove(ctx, 2, prof, &err), 0, "%s", err.msg);
	tick_all(ctx, id, "scheduling");

	lk_gate g;
	cr_assert_eq(run_gate(ctx, id, LK_RUN_REGISTRATION, &g, &err), 2, "%s", err.msg);
	cr_assert_eq(g.n, 2);
	cr_assert_str_eq(g.unmet[0], "Session 2 (10.03.2027) has no professional");
	cr_assert_str_eq(g.unmet[1], "Session 3 (17.03.2027) has no user representative");
	gate_free(&g);

	int64_t before = data_version(h);
	lk_run r0 = get_run(ctx, id);
	lk_gate unmet;
	cr_assert_eq(run_set_phase(ctx, id, LK_RUN_REGISTRATION, "Vi finner noen senere", &unmet, &err), -1);
	cr_assert_eq(err.code, LK_ERULE);
	cr_assert(strstr(err.msg, "Session 3 (17.03.2027) has no user representative"), "%s", err.msg);
	cr_assert(strstr(err.msg, "Session 2 (10.03.2027) has no professional"), "%s", err.msg);
	cr_assert_eq(unmet.n, 2);
	gate_free(&unmet);
	cr_assert_eq(data_version(h), before, "a refused move writes nothing");
	lk_run r1 = get_run(ctx, id);
	cr_assert_eq(r1.phase, LK_RUN_SCHEDULING);
	cr_assert_eq(r1.version, r0.version);
	cr_assert_eq(overrides_of(ctx, id).n, 0);
	cr_assert_eq(n_checklist(ctx, id, "registration"), 0);
	run_free(&r0);
	run_free(&r1);

	/* A cancelled session needs no pair. */
	set_status(ctx, 3, LK_SESSION_CANCELLED);
	cr_assert_eq(session_facilitator_add(ctx, 2, prof, &err), 0, "%s", err.msg);
	cr_assert_eq(run_set_phase(ctx, id, LK_RUN_REGISTRATION, NULL, NULL, &err), 0, "%s", err.msg);
	cr_assert_eq(phase_of(ctx, id), LK_RUN_REGISTRATION);
	sqlite3_close(h);
	ctx_close(ctx);
}

/* Without a capacity the waitlist rule cannot work: like pairing, no
 * reason passes it; it is counted among the hard conditions, listed first. */
Test(run, capacity_not_set_blocks_registration_even_with_a_reason)
{
	lk_ctx *ctx = tl_ctx();
	sqlite3 *h = raw_open(ctx);
	lk_err err;
	int64_t id = new_run(ctx, course_with_parts(ctx, "Kurs for pårørende", 2, 60), "Høsten", 0);
	lk_run r = get_run(ctx, id);
	cr_assert_eq(r.capacity, 0, "0 = not set yet is allowed at create");
	run_free(&r);
	cr_assert_eq(schedule(ctx, id, "2027-03-03", 1, &err), 2, "%s", err.msg);
	int64_t prof = tl_person(ctx, "Kari", LK_PROFESSIONAL);
	cr_assert_eq(run_assign_facilitators(ctx, id, (int64_t[]){prof}, 1, &err), 2, "%s", err.msg);
	lk_gate g;
	cr_assert_eq(run_gate(ctx, id, LK_RUN_REGISTRATION, &g, &err), 3, "%s", err.msg);
	cr_assert_eq(g.n, 3 + 4, "3 hard, then 4 unticked items");
	cr_assert_str_eq(g.unmet[0], "The number of places (capacity) is not set");
	cr_assert(strstr(g.unmet[1], "Session 1") && strstr(g.unmet[2], "Session 2"), "%s", g.unmet[1]);
	cr_assert(strstr(g.unmet[3], "checklist"), "%s", g.unmet[3]);
	gate_free(&g);
	int64_t rep = tl_person(ctx, "Ola", LK_USER_REP);
	cr_assert_eq(run_assign_facilitators(ctx, id, (int64_t[]){rep}, 1, &err), 2, "%s", err.msg);
	tick_all(ctx, id, "scheduling");
	cr_assert_eq(run_gate(ctx, id, LK_RUN_REGISTRATION, &g, &err), 1, "%s", err.msg);
	cr_assert_eq(g.n, 1);
	cr_assert_str_eq(g.unmet[0], "The number of places (capacity) is not set");
	gate_free(&g);

	int64_t before = data_version(h);
	lk_gate unmet;
	cr_assert_eq(run_set_phase(ctx, id, LK_RUN_REGISTRATION, "Vi teller stoler senere", &unmet, &err), -1);
	cr_assert_eq(err.code, LK_ERULE);
	cr_assert(strstr(err.msg, "capacity") && strstr(err.msg, "no reason can pass"), "%s", err.msg);
	cr_assert_eq(unmet.n, 1);
	gate_free(&unmet);
	cr_assert_eq(data_version(h), before, "a refused move writes nothing");
	cr_assert_eq(phase_of(ctx, id), LK_RUN_SCHEDULING);
	cr_assert_eq(overrides_of(ctx, id).n, 0);

	cr_assert_eq(run_set_capacity(ctx, id, 12, NULL, &err), 0, "%s", err.msg);
	cr_assert_eq(run_gate(ctx, id, LK_RUN_REGISTRATION, &g, &err), 0, "%s", err.msg);
	cr_assert_eq(g.n, 0);
	gate_free(&g);
	cr_assert_eq(run_set_phase(ctx, id, LK_RUN_REGISTRATION, NULL, NULL, &err), 0, "%s", err.msg);
	cr_assert_eq(phase_of(ctx, id), LK_RUN_REGISTRATION);
	sqlite3_close(h);
	ctx_close(ctx);
}

Test(run, soft_gate_needs_a_reason_which_is_kept)
{
	lk_ctx *ctx = tl_ctx();
	sqlite3 *h = raw_open(ctx);
	lk_err err;
	int64_t id = new_run(ctx, course_with_parts(ctx, "Kurs", 2, 60), "", 12);
	cr_assert_eq(schedule(ctx, id, "2027-03-03", 1, &err), 2, "%s", err.msg);
	pair_all(ctx, id);
	lk_gate g;
	cr_assert_eq(run_gate(ctx, id, LK_RUN_REGISTRATION, &g, &err), 0, "%s", err.msg);
	cr_assert_eq(g.n, 4, "4 unticked items");
	cr_assert(strstr(g.unmet[0], "checklist"), "%s", g.unmet[0]);
	gate_free(&g);
	int64_t before = data_version(h);
	cr_assert_eq(run_set_phase(ctx, id, LK_RUN_REGISTRATION, "   ", NULL, &err), -1);
	cr_assert_eq(err.code, LK_ERULE);
	cr_assert(strstr(err.msg, "Write a reason"), "%s", err.msg);
	cr_assert_eq(data_version(h), before);
	cr_assert_eq(phase_of(ctx, id), LK_RUN_SCHEDULING);

	lk_gate unmet;
	cr_assert_eq(run_set_phase(ctx, id, LK_RUN_REGISTRATION, "Rommet er lite; vi avgjør plassene på mandag",
		&unmet, &err), 0, "%s", err.msg);
	cr_assert_eq(unmet.n, 4);
	gate_free(&unmet);
	cr_assert_eq(phase_of(ctx, id), LK_RUN_REGISTRATION);
	struct overrides ov = overrides_of(ctx, id);
	cr_assert_eq(ov.n, 1);
	cr_assert_str_eq(ov.reason, "Rommet er lite; vi avgjør plassene på mandag");
	cr_assert(strstr(ov.unmet, "checklist"), "%s", ov.unmet);
	cr_assert_eq(n_checklist(ctx, id, "registration"), 2, "entering copies the checklist");
	sqlite3_close(h);
	ctx_close(ctx);
}

Test(run, met_gate_moves_without_reason_or_override)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	int64_t id = new_run(ctx, course_with_parts(ctx, "Kurs", 2, 60), "", 8);
	cr_assert_eq(schedule(ctx, id, "2027-03-03", 1, &err), 2, "%s", err.msg);
	pair_all(ctx, id);
	tick_all(ctx, id, "scheduling");
	lk_gate g;
	cr_assert_eq(run_gate(ctx, id, LK_RUN_REGISTRATION, &g, &err), 0, "%s", err.msg);
	cr_assert_eq(g.n, 0);
	gate_free(&g);
	lk_run r0 = get_run(ctx, id);
	cr_assert_eq(run_set_phase(ctx, id, LK_RUN_REGISTRATION, NULL, NULL, &err), 0, "%s", err.msg);
	lk_run r1 = get_run(ctx, id);
	cr_assert_eq(r1.phase, LK_RUN_REGISTRATION);
	cr_assert_eq(r1.version, r0.version + 1, "a phase move bumps the version");
	cr_assert_eq(overrides_of(ctx, id).n, 0);
	run_free(&r0);
	run_free(&r1);
	ctx_close(ctx);
}

Test(run, no_sessions_is_a_soft_gate)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	int64_t id = new_run(ctx, course_with_parts(ctx, "Kurs", 1, 60), "", 8);
	tick_all(ctx, id, "scheduling");
	lk_gate g;
	cr_assert_eq(run_gate(ctx, id, LK_RUN_REGISTRATION, &g, &err), 0, "%s", err.msg);
	cr_assert_eq(g.n, 1);
	cr_assert_str_eq(g.unmet[0], "The run has no sessions yet");
	gate_free(&g);
	ctx_close(ctx);
}

Test(run, moves_back_cancel_and_refused_moves)
{
	lk_ctx *ctx = tl_ctx();
	sqlite3 *h = raw_open(ctx);
	lk_err err;
	int64_t id = new_run(ctx, course_with_parts(ctx, "Kurs", 1, 60), "", 8);
	cr_assert_eq(schedule(ctx, id, "2027-03-03", 1, &err), 1, "%s", err.msg);
	pair_all(ctx, id);
	tick_all(ctx, id, "scheduling");
	int64_t before = data_version(h);
	cr_assert_eq(run_set_phase(ctx, id, LK_RUN_EXECUTION, "hopp", NULL, &err), -1, "no skipping");
	cr_assert_eq(err.code, LK_ERULE);
	cr_assert_eq(run_set_phase(ctx, id, LK_RUN_SCHEDULING, NULL, NULL, &err), -1, "already there");
	cr_assert_eq(run_set_phase(ctx, id, (lk_run_phase)42, "x", NULL, &err), -1);
	cr_assert_eq(err.code, LK_EINVAL);
	cr_assert_eq(run_set_phase(ctx, 999, LK_RUN_REGISTRATION, NULL, NULL, &err), -1);
	cr_assert_eq(err.code, LK_ENOTFOUND);
	cr_assert_eq(data_version(h), before);

	cr_assert_eq(run_set_phase(ctx, id, LK_RUN_REGISTRATION, NULL, NULL, &err), 0, "%s", err.msg);
	cr_assert_eq(run_set_phase(ctx, id, LK_RUN_SCHEDULING, NULL, NULL, &err), 0, "back needs no gate: %s", err.msg);
	cr_assert_eq(overrides_of(ctx, id).n, 0, "a step back without a reason keeps nothing");
	cr_assert_eq(run_set_phase(ctx, id, LK_RUN_REGISTRATION, NULL, NULL, &err), 0, "%s", err.msg);
	cr_assert_eq(run_set_phase(ctx, id, LK_RUN_SCHEDULING, "Feil dato", NULL, &err), 0, "%s", err.msg);
	struct overrides ov = overrides_of(ctx, id);
	cr_assert_eq(ov.n, 1);
	cr_assert_str_eq(ov.reason, "Feil dato");

	before = data_version(h);
	cr_assert_eq(run_set_phase(ctx, id, LK_RUN_CANCELLED, NULL, NULL, &err), -1);
	cr_assert_eq(err.code, LK_EINVAL);
	cr_assert(strstr(err.msg, "why"), "%s", err.msg);
	cr_assert_eq(run_set_phase(ctx, id, LK_RUN_CANCELLED, " \t", NULL, &err), -1);
	cr_assert_eq(data_version(h), before);
	cr_assert_eq(phase_of(ctx, id), LK_RUN_SCHEDULING);
	cr_assert_eq(run_set_phase(ctx, id, LK_RUN_CANCELLED, "Kursholder sykmeldt", NULL, &err), 0, "%s", err.msg);
	cr_assert_eq(phase_of(ctx, id), LK_RUN_CANCELLED);
	ov = overrides_of(ctx, id);
	cr_assert_eq(ov.n, 2);
	cr_assert_str_eq(ov.reason, "Kursholder sykmeldt", "newest first");
	before = data_version(h);
	cr_assert_eq(run_set_phase(ctx, id, LK_RUN_SCHEDULING, "angre", NULL, &err), -1);
	cr_assert_eq(err.code, LK_ERULE);
	cr_assert(strstr(err.msg, "final"), "%s", err.msg);
	lk_gate g;
	cr_assert_eq(run_gate(ctx, id, LK_RUN_SCHEDULING, &g, &err), -1);
	gate_free(&g);
	cr_assert_eq(data_version(h), before);
	sqlite3_close(h);
	ctx_close(ctx);
}

/* Moves a one-session run to execution with the gates met. */
static int64_t run_in_execution(lk_ctx *ctx, sqlite3 *h)
{
	lk_err err;
	(void)h;
	int64_t id = new_run(ctx, course_with_parts(ctx, "Kurs", 2, 60), "", 8);
	cr_assert_eq(schedule(ctx, id, "2027-03-03", 1, &err), 2, "%s", err.msg);
	pair_all(ctx, id);
	tick_all(ctx, id, "scheduling");
	cr_assert_eq(run_set_phase(ctx, id, LK_RUN_REGISTRATION, NULL, NULL, &err), 0, "%s", err.msg);
	tick_all(ctx, id, "registration");
	cr_assert_eq(run_set_phase(ctx, id, LK_RUN_EXECUTION, NULL, NULL, &err), 0, "%s", err.msg);
	cr_assert_eq(n_checklist(ctx, id, "execution"), 2);
	return id;
}

Test(run, leaving_execution_needs_every_session_held_or_cancelled)
{
	lk_ctx *ctx = tl_ctx();
	sqlite3 *h = raw_open(ctx);
	lk_err err;
	int64_t id = run_in_execution(ctx, h);
	tick_all(ctx, id, "execution");
	lk_gate g;
	cr_assert_eq(run_gate(ctx, id, LK_RUN_EVALUATION, &g, &err), 0, "%s", err.msg);
	cr_assert_eq(g.n, 2);
	cr_assert_str_eq(g.unmet[0], "Session 1 (03.03.2027) is neither held nor cancelled");
	cr_assert_str_eq(g.unmet[1], "Session 2 (10.03.2027) is neither held nor cancelled");
	gate_free(&g);
	int64_t before = data_version(h);
	cr_assert_eq(run_set_phase(ctx, id, LK_RUN_EVALUATION, NULL, NULL, &err), -1);
	cr_assert_eq(err.code, LK_ERULE);
	cr_assert_eq(data_version(h), before);
	tl_set_now(ctx, "2027-03-10T19:00");
	set_status(ctx, 1, LK_SESSION_HELD);
	set_status(ctx, 2, LK_SESSION_CANCELLED);
	cr_assert_eq(run_gate(ctx, id, LK_RUN_EVALUATION, &g, &err), 0, "%s", err.msg);
	cr_assert_eq(g.n, 0);
	gate_free(&g);
	cr_assert_eq(run_set_phase(ctx, id, LK_RUN_EVALUATION, NULL, NULL, &err), 0, "%s", err.msg);
	cr_assert_eq(n_checklist(ctx, id, "evaluation"), 3);
	sqlite3_close(h);
	ctx_close(ctx);
}

Test(run, closing_needs_an_evaluation_meeting_and_sets_closed_at)
{
	lk_ctx *ctx = tl_ctx();
	sqlite3 *h = raw_open(ctx);
	lk_err err;
	int64_t id = run_in_execution(ctx, h);
	tl_set_now(ctx, "2027-03-10T19:00");
	set_status(ctx, 1, LK_SESSION_HELD);
	set_status(ctx, 2, LK_SESSION_HELD);
	tick_all(ctx, id, "execution");
	cr_assert_eq(run_set_phase(ctx, id, LK_RUN_EVALUATION, NULL, NULL, &err), 0, "%s", err.msg);
	tick_all(ctx, id, "evaluation");
	lk_gate g;
	cr_assert_eq(run_gate(ctx, id, LK_RUN_CLOSED, &g, &err), 0, "%s", err.msg);
	cr_assert_eq(g.n, 1);
	cr_assert(strstr(g.unmet[0], "evaluation meeting"), "%s", g.unmet[0]);
	gate_free(&g);
	int64_t before = data_version(h);
	cr_assert_eq(run_set_phase(ctx, id, LK_RUN_CLOSED, NULL, NULL, &err), -1);
	cr_assert_eq(data_version(h), before);
	/* A planning meeting is not an evaluation meeting. */
	char sql[300];
	snprintf(sql, sizeof sql, "INSERT INTO meeting (course_id, run_id, kind, starts_at, ends_at)"
		" VALUES (1, %lld, 'planning', '2027-03-20T10:00', '2027-03-20T12:00')", (long long)id);
	raw_exec(h, sql);
	cr_assert_eq(run_gate(ctx, id, LK_RUN_CLOSED, &g, &err), 0, "%s", err.msg);
	cr_assert_eq(g.n, 1);
	gate_free(&g);
	snprintf(sql, sizeof sql, "INSERT INTO meeting (course_id, run_id, kind, starts_at, ends_at)"
		" VALUES (1, %lld, 'evaluation', '2027-03-24T10:00', '2027-03-24T12:00')", (long long)id);
	raw_exec(h, sql);
	cr_assert_eq(run_gate(ctx, id, LK_RUN_CLOSED, &g, &err), 0, "%s", err.msg);
	cr_assert_eq(g.n, 0);
	gate_free(&g);
	tl_set_now(ctx, "2027-03-25T08:15");
	cr_assert_eq(run_set_phase(ctx, id, LK_RUN_CLOSED, NULL, NULL, &err), 0, "%s", err.msg);
	lk_run r = get_run(ctx, id);
	cr_assert_eq(r.phase, LK_RUN_CLOSED);
	cr_assert_str_eq(r.closed_at, "2027-03-25T08:15:00");
	run_free(&r);
	cr_assert_eq(run_set_phase(ctx, id, LK_RUN_EVALUATION, "angre", NULL, &err), -1, "not out of closed");
	cr_assert_eq(run_set_phase(ctx, id, LK_RUN_CANCELLED, "angre", NULL, &err), -1, "closed cannot be cancelled");
	cr_assert_eq(phase_of(ctx, id), LK_RUN_CLOSED);
	sqlite3_close(h);
	ctx_close(ctx);
}

Test(run, evaluation_gate_passed_with_a_reason)
{
	lk_ctx *ctx = tl_ctx();
	sqlite3 *h = raw_open(ctx);
	lk_err err;
	int64_t id = run_in_execution(ctx, h);
	cr_assert_eq(run_set_phase(ctx, id, LK_RUN_EVALUATION, "Siste samling flyttet", NULL, &err), 0, "%s", err.msg);
	cr_assert_eq(run_set_phase(ctx, id, LK_RUN_CLOSED, "Plangruppen ble oppløst", NULL, &err), 0, "%s", err.msg);
	cr_assert_eq(phase_of(ctx, id), LK_RUN_CLOSED);
	cr_assert_eq(overrides_of(ctx, id).n, 2);
	sqlite3_close(h);
	ctx_close(ctx);
}

/* ---- roles ---- */

static int count_runs(void *arg, const lk_run *r)
{
	(void)r;
	(*(int *)arg)++;
	return 0;
}

Test(run, staff_may_list_but_not_write)
{
	lk_ctx *ctx = tl_ctx();
	lk_ctx *staff = tl_ctx_as(ctx, "vert", LK_ROLE_STAFF);
	sqlite3 *h = raw_open(ctx);
	lk_err err;
	int64_t cid = course_with_parts(ctx, "Kurs", 2, 60);
	int64_t id = new_run(ctx, cid, "Vår", 8);
	cr_assert_eq(schedule(ctx, id, "2027-03-03", 1, &err), 2, "%s", err.msg);
	int64_t before = data_version(h);
	lk_run r = {.course_id = cid};
	cr_assert_eq(run_create(staff, &r, &err), -1);
	cr_assert_eq(err.code, LK_EPERM);
	lk_run got = get_run(staff, id);
	cr_assert_eq(run_update(staff, &got, &err), -1);
	cr_assert_eq(err.code, LK_EPERM);
	cr_assert_eq(run_delete(staff, id, got.version, NULL, &err), -1);
	cr_assert_eq(err.code, LK_EPERM);
	run_free(&got);
	cr_assert_eq(schedule(staff, id, "2027-04-01", 1, &err), -1);
	cr_assert_eq(err.code, LK_EPERM);
	cr_assert_eq(run_set_phase(staff, id, LK_RUN_CANCELLED, "nei", NULL, &err), -1);
	cr_assert_eq(err.code, LK_EPERM);
	int64_t p = tl_person(ctx, "Kari", LK_PROFESSIONAL);
	before = data_version(h);
	cr_assert_eq(run_assign_facilitators(staff, id, &p, 1, &err), -1);
	cr_assert_eq(err.code, LK_EPERM);
	cr_assert_eq(data_version(h), before);
	int n = 0;
	cr_assert_eq(run_list(staff, NULL, (lk_page){0, 10}, count_runs, &n, &err), 0, "%s", err.msg);
	cr_assert_eq(n, 1);
	cr_assert_eq(run_count(staff, NULL, &err), 1);
	cr_assert_eq(sessions_of(staff, id).n, 2, "staff may list sessions");
	lk_gate g;
	cr_assert_geq(run_gate(staff, id, LK_RUN_REGISTRATION, &g, &err), 0, "%s", err.msg);
	gate_free(&g);
	sqlite3_close(h);
	ctx_close(staff);
	ctx_close(ctx);
}
