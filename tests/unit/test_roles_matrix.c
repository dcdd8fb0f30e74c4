/* test_roles_matrix.c — what user representatives and staff can reach.
 *
 * 1. Contact details: no core function gives them a participant's phone,
 *    e-mail, notes or birth year (participant_get/search/count,
 *    find_duplicates, enroll_list, enroll_export, enroll_import, the
 *    registration report, the audit log, the privacy lists, backups).
 * 2. Writes: a table of every write function of every core module, each
 *    with the permission of src/core/role.c that governs it. Called as
 *    staff and as user representative: where the role table allows it the
 *    call is not refused for the role (LK_EPERM); everywhere else it is
 *    refused with LK_EPERM and the database is exactly as before, audit
 *    log included.
 *
 * Not in the table, by design: phase_enter_checklist, phase_unticked and
 * phase_record_override (phase.h: helpers for course.c and run.c inside
 * their transaction, "no role check, the caller checks"); audit_log (the
 * log itself). */
#include <criterion/criterion.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lmskurs/agenda.h"
#include "lmskurs/attendance.h"
#include "lmskurs/auditlog.h"
#include "lmskurs/backup.h"
#include "lmskurs/concept.h"
#include "lmskurs/course.h"
#include "lmskurs/demo.h"
#include "lmskurs/enroll.h"
#include "lmskurs/enroll_import.h"
#include "lmskurs/meeting.h"
#include "lmskurs/participant.h"
#include "lmskurs/person.h"
#include "lmskurs/phase.h"
#include "lmskurs/privacy.h"
#include "lmskurs/questionnaire.h"
#include "lmskurs/report.h"
#include "lmskurs/response.h"
#include "lmskurs/response_import.h"
#include "lmskurs/restore.h"
#include "lmskurs/revision.h"
#include "lmskurs/role.h"
#include "lmskurs/run.h"
#include "lmskurs/session.h"
#include "lmskurs/sheet.h"
#include "lmskurs/user.h"
#include "testlib.h"

/* ---- the fixture: one of everything, made by the coordinator ---- */

static const char *const fixture_sql =
	"INSERT INTO person (id, name, kind, profession, organisation, phone, email, created_at) VALUES"
	" (1, 'Åse Ødegård', 'professional', 'sykepleier', '', '90000001', 'ase@example.no', '2027-01-01T00:00:00'),"
	" (2, 'Nguyễn Văn An', 'user_rep', '', 'LHL', '90000002', 'an@example.no', '2027-01-01T00:00:00'),"
	" (3, 'Ledig Person', 'professional', 'lege', '', '', '', '2027-01-01T00:00:00');"
	"INSERT INTO course (id, title, audience, phase, owner_id, created_at, updated_at) VALUES"
	" (1, 'Leve med diabetes', 'both', 'active', 1, '2027-01-01T00:00:00', '2027-01-01T00:00:00');"
	"INSERT INTO planning_member (course_id, person_id, added_at) VALUES (1, 1, '2027-01-01T00:00:00');"
	"INSERT INTO course_part (id, course_id, position, topic, minutes) VALUES"
	" (1, 1, 1, 'Å leve med diabetes', 90), (2, 1, 2, 'Kosthold', 90);"
	"INSERT INTO run (id, course_id, title, phase, capacity, created_at) VALUES"
	" (1, 1, 'Våren 2027', 'execution', 10, '2027-01-01T00:00:00'),"
	" (2, 1, 'Høsten 2027', 'scheduling', 10, '2027-01-01T00:00:00'),"
	" (3, 1, 'Vinteren 2028', 'registration', 10, '2027-01-01T00:00:00');"
	"INSERT INTO session (id, run_id, seq, starts_at, ends_at, room, status) VALUES"
	" (1, 1, 1, '2027-01-05T17:00', '2027-01-05T18:30', 'Rom 1', 'held'),"
	" (2, 1, 2, '2027-03-02T17:00', '2027-03-02T18:30', 'Rom 1', 'planned'),"
	" (3, 2, 1, '2027-09-07T17:00', '2027-09-07T18:30', 'Rom 2', 'planned');"
	"INSERT INTO session_facilitator (session_id, person_id) VALUES (1, 1), (1, 2), (2, 1), (2, 2);"
	"INSERT INTO meeting (id, course_id, kind, starts_at, ends_at) VALUES"
	" (1, 1, 'planning', '2026-12-01T10:00', '2026-12-01T12:00');"
	"INSERT INTO meeting_attendee (meeting_id, person_id) VALUES (1, 1);"
	"INSERT INTO decision (id, meeting_id, text) VALUES (1, 1, 'Flere pauser');"
	"INSERT INTO revision (id, course_id, element, change, login, at) VALUES"
	" (1, 1, 'methods', 'Mer gruppearbeid', 'koord', '2027-01-02T10:00:00');"
	"INSERT INTO questionnaire (id, family_id, name, created_at) VALUES (100, 100, 'Skjema', '2027-01-01T00:00:00');"
	"INSERT INTO question (id, questionnaire_id, position, section, kind, text, scale_min, scale_max) VALUES"
	" (100, 100, 1, 'rating', 'scale', 'Hvor nyttig var kurset?', 0, 10),"
	" (101, 100, 2, 'background', 'choice', 'Pasient eller pårørende?', NULL, NULL);"
	"INSERT INTO question_option (question_id, position, label) VALUES (101, 1, 'Pasient'), (101, 2, 'Pårørende');"
	"INSERT INTO response (id, run_id, questionnaire_id, entered_by, entered_at) VALUES"
	" (1, 1, 100, 'koord', '2027-01-06T10:00:00');"
	"INSERT INTO answer (response_id, question_id, value_int) VALUES (1, 100, 8);"
	"INSERT INTO facilitator_evaluation (run_id, person_id, text, written_at) VALUES"
	" (1, 1, 'Gikk fint', '2027-01-06T10:00:00'), (1, 2, 'Bra dialog', '2027-01-06T10:00:00');"
	"INSERT INTO checklist_item (id, run_id, phase, position, text) VALUES (1, 1, 'execution', 1, 'Lister skrevet ut');"
	"INSERT INTO participant (id, name, phone, email, birth_year, notes, created_at) VALUES"
	" (1, 'Kari Qwøxzyt', '+4791234567', 'kari@example.no', 1961, 'Trenger tolk', '2027-01-01T00:00:00'),"
	" (2, 'Ola Ærlig', '98765432', 'ola@example.no', 1970, 'Rullestol', '2027-01-01T00:00:00'),"
	" (9, 'Per Uten Plass', '', '', NULL, '', '2027-01-01T00:00:00');"
	"INSERT INTO enrollment (id, run_id, participant_id, category, status, requested_at, placed_at) VALUES"
	" (1, 1, 1, 'patient', 'registered', '2027-01-01T00:00:00', '2027-01-01T00:00:00'),"
	" (2, 1, 2, 'relative', 'registered', '2027-01-01T00:00:00', '2027-01-01T00:00:00');"
	"INSERT INTO attendance (session_id, enrollment_id, status, marked_by, marked_at) VALUES"
	" (1, 2, 'present', 'koord', '2027-01-05T19:00:00');";

static const char *const contact_texts[] = {
	"+4791234567", "91234567", "kari@example.no", "Trenger tolk", "98765432", "ola@example.no", "Rullestol",
};

typedef struct fx {
	lk_ctx *coord;
	lk_ctx *as[2]; /* staff, user representative */
	char dir[256];
	char file[512]; /* a row's prepared file (prep) */
} fx;

static void sql_exec(lk_ctx *ctx, const char *sql)
{
	sqlite3 *h;
	cr_assert_eq(sqlite3_open(tl_db_path(ctx), &h), SQLITE_OK);
	sqlite3_busy_timeout(h, 5000);
	cr_assert_eq(sqlite3_exec(h, sql, NULL, NULL, NULL), SQLITE_OK, "%s", sqlite3_errmsg(h));
	sqlite3_close(h);
}

static int64_t sql_int(lk_ctx *ctx, const char *sql)
{
	sqlite3 *h;
	sqlite3_stmt *st;
	cr_assert_eq(sqlite3_open(tl_db_path(ctx), &h), SQLITE_OK);
	cr_assert_eq(sqlite3_prepare_v2(h, sql, -1, &st, NULL), SQLITE_OK, "%s", sql);
	cr_assert_eq(sqlite3_step(st), SQLITE_ROW, "%s", sql);
	int64_t v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(h);
	return v;
}

/* Every row of every table, as one string. */
static char *snapshot(lk_ctx *ctx)
{
	sqlite3 *h;
	cr_assert_eq(sqlite3_open(tl_db_path(ctx), &h), SQLITE_OK);
	sqlite3_stmt *tables;
	cr_assert_eq(sqlite3_prepare_v2(h, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name",
		-1, &tables, NULL), SQLITE_OK);
	size_t cap = 1 << 20, len = 0;
	char *out = calloc(1, cap);
	while (sqlite3_step(tables) == SQLITE_ROW) {
		char *sql = sqlite3_mprintf("SELECT * FROM \"%w\"", (const char *)sqlite3_column_text(tables, 0));
		sqlite3_stmt *st;
		cr_assert_eq(sqlite3_prepare_v2(h, sql, -1, &st, NULL), SQLITE_OK, "%s", sql);
		len += (size_t)snprintf(out + len, cap - len, "[%s]", sql);
		while (sqlite3_step(st) == SQLITE_ROW)
			for (int c = 0; c < sqlite3_column_count(st); c++) {
				const char *t = (const char *)sqlite3_column_text(st, c);
				len += (size_t)snprintf(out + len, cap - len, "%s|", t ? t : "NULL");
				cr_assert_lt(len, cap);
			}
		sqlite3_finalize(st);
		sqlite3_free(sql);
	}
	sqlite3_finalize(tables);
	sqlite3_close(h);
	return out;
}

static fx *fixture(void)
{
	fx *f = calloc(1, sizeof *f);
	f->coord = tl_ctx();
	sql_exec(f->coord, fixture_sql);
	f->as[0] = tl_ctx_as(f->coord, "vert", LK_ROLE_STAFF);
	f->as[1] = tl_ctx_as(f->coord, "bruker", LK_ROLE_USER_REP);
	/* Each linked to a facilitator of run 1, so that writing one's own
	 * facilitator evaluation is possible where the role allows it. */
	sql_exec(f->coord, "UPDATE app_user SET person_id = 1 WHERE login = 'vert';"
		"UPDATE app_user SET person_id = 2 WHERE login = 'bruker'");
	lk_err err;
	for (int i = 0; i < 2; i++)
		cr_assert_eq(ctx_refresh(f->as[i], &err), 0, "%s", err.msg);
	/* The database's own folder: testlib has room for 256 folders per test. */
	snprintf(f->dir, sizeof f->dir, "%s", tl_db_path(f->coord));
	*strrchr(f->dir, '/') = '\0';
	return f;
}

static void fixture_free(fx *f)
{
	ctx_close(f->as[0]);
	ctx_close(f->as[1]);
	ctx_close(f->coord);
	free(f);
}

static const char *role_name(const lk_ctx *c)
{
	return role_code(c->role);
}

/* ---- 1. contact details ---- */

static void assert_no_contact(const char *where, const char *text)
{
	for (size_t i = 0; i < sizeof contact_texts / sizeof contact_texts[0]; i++)
		cr_assert_null(text ? strstr(text, contact_texts[i]) : NULL, "%s shows '%s'", where, contact_texts[i]);
}

static int search_row(void *arg, const lk_participant *p)
{
	cr_assert_null(p->phone);
	cr_assert_null(p->email);
	cr_assert_null(p->notes);
	cr_assert_eq(p->birth_year, 0);
	cr_assert_not(p->contact_shown);
	++*(int *)arg;
	return 0;
}

Test(roles_matrix, participant_reads_hide_contact_details)
{
	fx *f = fixture();
	lk_err err;
	for (int i = 0; i < 2; i++) {
		lk_ctx *c = f->as[i];
		int64_t audit = sql_int(f->coord, "SELECT count(*) FROM audit");
		lk_participant p;
		cr_assert_eq(participant_get(c, 1, &p, &err), 0, "%s: %s", role_name(c), err.msg);
		cr_assert_str_eq(p.name, "Kari Qwøxzyt", "names are not contact details");
		cr_assert_null(p.phone);
		cr_assert_null(p.email);
		cr_assert_null(p.notes);
		cr_assert_eq(p.birth_year, 0);
		cr_assert_not(p.contact_shown);
		participant_free(&p);
		int n = 0;
		cr_assert_eq(participant_search(c, NULL, (lk_page){0, 0}, search_row, &n, &err), 0, "%s", err.msg);
		cr_assert_eq(n, 3);
		const char *lookups[] = {"91234567", "+47 912 34 567", "kari@example", "tolk", "1961"};
		for (size_t k = 0; k < sizeof lookups / sizeof lookups[0]; k++) {
			n = 0;
			cr_assert_eq(participant_search(c, lookups[k], (lk_page){0, 0}, search_row, &n, &err), 0);
			cr_assert_eq(n, 0, "%s found someone by '%s'", role_name(c), lookups[k]);
			cr_assert_eq(participant_count(c, lookups[k], &err), 0);
		}
		cr_assert_eq(sql_int(f->coord, "SELECT count(*) FROM audit"), audit, "no contact read, nothing logged");
	}
	/* The coordinator does find them that way (the test can fail). */
	cr_assert_eq(participant_count(f->coord, "+47 912 34 567", &err), 1);
	fixture_free(f);
}

static int refuse_row(void *arg, const lk_participant *p)
{
	(void)arg;
	cr_assert_fail("a row came: %s", p->name);
	return 1;
}

static int refuse_contact(void *arg, const lk_enroll_contact *c)
{
	(void)arg;
	cr_assert_fail("a contact row came: %s", c->name);
	return 1;
}

static int enrollment_row(void *arg, const lk_enrollment *e)
{
	++*(int *)arg;
	assert_no_contact("enroll_list", e->participant_name);
	return 0;
}

/* As many rows as *arg says, then the end. */
static int import_row(void *arg, lk_import_row *row, lk_err *err)
{
	int *left = arg;
	(void)err;
	if (*left <= 0)
		return 0;
	--*left;
	*row = (lk_import_row){.line = 2, .name = "Kari Qwøxzyt", .phone = "91234567", .category = LK_CAT_PATIENT};
	return 1;
}

static int reg_row(void *arg, const lk_reg_participant *p)
{
	(void)arg;
	cr_assert_fail("a registration row came: %s", p->name);
	return 1;
}

static int audit_row(void *arg, const lk_audit_entry *e)
{
	(void)arg;
	cr_assert_fail("an audit entry came: %lld", (long long)e->id);
	return 1;
}

static int purge_row(void *arg, const lk_purge_item *it)
{
	(void)arg;
	cr_assert_fail("a purge item came: %lld", (long long)it->participant_id);
	return 1;
}

Test(roles_matrix, no_other_way_to_contact_details)
{
	fx *f = fixture();
	lk_err err;
	for (int i = 0; i < 2; i++) {
		lk_ctx *c = f->as[i];
		char *before = snapshot(f->coord);
		const char *who = role_name(c);
		cr_assert_eq(participant_find_duplicates(c, "Kari Qwøxzyt", "91234567", NULL, refuse_row, NULL, &err), -1, "%s", who);
		cr_assert_eq(err.code, LK_EPERM);
		cr_assert_eq(enroll_export(c, 1, refuse_contact, NULL, &err), -1, "%s", who);
		cr_assert_eq(err.code, LK_EPERM);
		lk_import_summary sum;
		int left = 1;
		cr_assert_eq(enroll_import(c, 1, import_row, &left, NULL, NULL, NULL, &sum, &err), -1, "%s", who);
		cr_assert_eq(err.code, LK_EPERM);
		cr_assert_eq(report_registration_participants(c, 1, (lk_page){0, 0}, reg_row, NULL, &err), -1, "%s", who);
		cr_assert_eq(err.code, LK_EPERM);
		cr_assert_eq(auditlog_list(c, NULL, (lk_page){0, 0}, audit_row, NULL, &err), -1, "%s", who);
		cr_assert_eq(err.code, LK_EPERM);
		cr_assert_eq(auditlog_export(c, NULL, audit_row, NULL, NULL, &err), -1, "%s", who);
		cr_assert_eq(err.code, LK_EPERM);
		cr_assert_eq(privacy_due_list(c, (lk_page){0, 0}, purge_row, NULL, &err), -1, "%s", who);
		cr_assert_eq(err.code, LK_EPERM);
		char copy[512];
		snprintf(copy, sizeof copy, "%s/copy-%d.db", f->dir, i);
		cr_assert_eq(db_backup(c, copy, NULL, NULL, &err), -1, "%s may copy the whole database", who);
		cr_assert_eq(err.code, LK_EPERM);
		FILE *exists = fopen(copy, "r");
		cr_assert_null(exists, "no copy made");
		/* Lists they may see carry names only. */
		int n = 0;
		cr_assert_eq(enroll_list(c, 1, -1, (lk_page){0, 0}, enrollment_row, &n, &err), 0, "%s: %s", who, err.msg);
		cr_assert_eq(n, 2);
		char *after = snapshot(f->coord);
		cr_assert_str_eq(after, before, "%s: a refusal changed the database", who);
		free(after);
		free(before);
	}
	fixture_free(f);
}

/* ---- 2. every write function ---- */

typedef int (*call_fn)(lk_ctx *c, fx *f, lk_err *err);

static int64_t version_of(fx *f, const char *sql)
{
	return sql_int(f->coord, sql);
}

#define CALL(name) static int call_##name(lk_ctx *c, fx *f, lk_err *err)

/* courses */
CALL(course_create) { lk_course x = {.title = "Nytt kurs", .audience = LK_AUDIENCE_PATIENTS}; return course_create(c, &x, err); }
CALL(course_update)
{
	lk_course x;
	cr_assert_eq(course_get(f->coord, 1, &x, err), 0);
	free(x.goals);
	x.goals = strdup("Mestring");
	int rc = course_update(c, &x, err);
	course_free(&x);
	return rc;
}
CALL(course_delete) { return course_delete(c, 1, version_of(f, "SELECT version FROM course WHERE id = 1"), err); }
CALL(course_member_add) { return course_member_add(c, 1, 2, "bruker", err); }
CALL(course_member_remove) { return course_member_remove(c, 1, 1, err); }
CALL(course_part_add) { lk_course_part p = {.course_id = 1, .topic = "Fysisk aktivitet", .minutes = 60}; return course_part_add(c, &p, err); }
CALL(course_part_update)
{
	lk_course_part p;
	cr_assert_eq(course_part_get(f->coord, 1, &p, err), 0);
	p.minutes = 120;
	int rc = course_part_update(c, &p, err);
	course_part_free(&p);
	return rc;
}
CALL(course_part_delete) { return course_part_delete(c, 2, 1, err); }
CALL(course_part_move) { return course_part_move(c, 2, 1, -1, err); }
CALL(course_set_phase) { return course_set_phase(c, 1, LK_COURSE_REVISION, "fordi", NULL, err); }
CALL(concept_create)
{
	lk_course_part part = {.topic = "Samtale", .minutes = 60};
	lk_concept k = {.course = {.title = "Fra mal", .audience = LK_AUDIENCE_BOTH}, .parts = &part, .n_parts = 1};
	int64_t id;
	return concept_create(c, &k, &id, err);
}

/* runs and sessions */
CALL(run_create) { lk_run r = {.course_id = 1, .title = "Ekstra"}; return run_create(c, &r, err); }
CALL(run_create_scheduled)
{
	lk_run r = {.course_id = 1, .title = "Ekstra", .capacity = 8};
	lk_schedule s = {.first = {2027, 10, 5}, .every_weeks = 1, .hour = 17};
	return run_create_scheduled(c, &r, &s, err);
}
CALL(run_update)
{
	lk_run r;
	cr_assert_eq(run_get(f->coord, 2, &r, err), 0);
	free(r.place);
	r.place = strdup("Aker");
	int rc = run_update(c, &r, err);
	run_free(&r);
	return rc;
}
CALL(run_delete) { int n; return run_delete(c, 2, version_of(f, "SELECT version FROM run WHERE id = 2"), &n, err); }
CALL(run_schedule) { lk_schedule s = {.first = {2027, 9, 7}, .every_weeks = 1, .hour = 17}; return run_schedule(c, 2, &s, err); }
CALL(run_set_phase) { return run_set_phase(c, 1, LK_RUN_EVALUATION, "fordi", NULL, err); }
CALL(run_set_capacity) { return run_set_capacity(c, 1, 12, NULL, err); }
CALL(session_add)
{
	lk_session s = {.run_id = 2, .starts_at = {{2027, 9, 14}, 17, 0}, .ends_at = {{2027, 9, 14}, 18, 0}};
	return session_add(c, &s, err);
}
CALL(session_update)
{
	lk_session s;
	cr_assert_eq(session_get(f->coord, 2, &s, err), 0);
	free(s.room);
	s.room = strdup("Rom 9");
	int rc = session_update(c, &s, err);
	session_free(&s);
	return rc;
}
CALL(session_set_status) { return session_set_status(c, 2, 1, LK_SESSION_CANCELLED, err); }
CALL(session_delete) { return session_delete(c, 3, 1, err); }
CALL(session_facilitator_add) { return session_facilitator_add(c, 3, 3, err); }
CALL(session_facilitator_remove) { return session_facilitator_remove(c, 2, 1, err); }
CALL(run_assign_facilitators) { int64_t ids[] = {3}; return run_assign_facilitators(c, 2, ids, 1, err); }

/* people and users */
CALL(person_create) { lk_person p = {.name = "Ny Fagperson", .kind = LK_PROFESSIONAL, .active = true}; return person_create(c, &p, err); }
CALL(person_update)
{
	lk_person p;
	cr_assert_eq(person_get(f->coord, 3, &p, err), 0);
	free(p.notes);
	p.notes = strdup("endret");
	int rc = person_update(c, &p, err);
	person_free(&p);
	return rc;
}
CALL(person_delete) { return person_delete(c, 3, 1, err); }
CALL(user_add) { return user_add(c, "ny.bruker", LK_ROLE_STAFF, 0, err); }
CALL(user_set) { return user_set(c, "vert", LK_ROLE_COORDINATOR, true, err); }

/* participants, places, attendance */
CALL(participant_create) { lk_participant p = {.name = "Ny Deltaker"}; return participant_create(c, &p, err); }
CALL(participant_update)
{
	lk_participant p = {.id = 2, .name = "Ola Ærlig-Endret", .version = 1};
	return participant_update(c, &p, err);
}
CALL(participant_delete) { return participant_delete(c, 2, 1, err); }
CALL(participant_merge) { return participant_merge(c, 1, 2, err); }
static int no_dup(void *arg, const lk_participant *p) { (void)arg; (void)p; return 0; }
CALL(participant_find_duplicates) { return participant_find_duplicates(c, "Kari Qwøxzyt", "91234567", NULL, no_dup, NULL, err); }
CALL(enroll_add) { return enroll_add(c, 1, 9, LK_CAT_PATIENT, false, NULL, err); }
CALL(enroll_cancel) { return enroll_cancel(c, 1, 1, NULL, err); }
CALL(enroll_move) { return enroll_move(c, 1, 1, 3, NULL, NULL, err); }
CALL(enroll_import) { int left = 1; lk_import_summary s; return enroll_import(c, 1, import_row, &left, NULL, NULL, NULL, &s, err); }
static int skip_contact(void *arg, const lk_enroll_contact *x) { (void)arg; (void)x; return 0; }
CALL(enroll_export) { return enroll_export(c, 1, skip_contact, NULL, err); }
CALL(attendance_mark) { return attendance_mark(c, 1, 1, LK_ATT_PRESENT, "kom sent", err); }
CALL(attendance_clear) { return attendance_clear(c, 1, 2, "feil", err); }
CALL(privacy_purge) { return privacy_purge(c, NULL, NULL, NULL, err); }
CALL(privacy_erase) { return privacy_erase(c, 2, 0, NULL, err); }

/* meetings and revisions */
CALL(meeting_create)
{
	lk_meeting m = {.course_id = 1, .kind = LK_MEETING_PLANNING, .starts_at = "2027-02-01T10:00", .ends_at = "2027-02-01T11:00"};
	return meeting_create(c, &m, err);
}
CALL(meeting_update)
{
	lk_meeting m;
	cr_assert_eq(meeting_get(f->coord, 1, &m, err), 0);
	free(m.place);
	m.place = strdup("Møterom");
	int rc = meeting_update(c, &m, err);
	meeting_free(&m);
	return rc;
}
CALL(meeting_delete) { return meeting_delete(c, 1, 1, err); }
CALL(meeting_attendee_add) { return meeting_attendee_add(c, 1, 2, true, err); }
CALL(meeting_attendee_set) { return meeting_attendee_set(c, 1, 1, false, err); }
CALL(meeting_attendee_remove) { return meeting_attendee_remove(c, 1, 1, err); }
CALL(meeting_decision_add) { lk_decision d = {.meeting_id = 1, .text = "Kortere dager"}; return meeting_decision_add(c, &d, err); }
CALL(meeting_decision_update) { lk_decision d = {.id = 1, .meeting_id = 1, .text = "Endret", .version = 1}; return meeting_decision_update(c, &d, err); }
CALL(meeting_decision_delete) { return meeting_decision_delete(c, 1, 1, err); }
CALL(revision_add) { lk_revision r = {.course_id = 1, .element = LK_ELEMENT_GOALS, .change = "Nye mål"}; return revision_add(c, &r, err); }
CALL(revision_delete) { return revision_delete(c, 1, 1, err); }

/* checklists */
CALL(checklist_set_done) { return checklist_set_done(c, 1, 1, true, err); }
CALL(checklist_add) { return checklist_add(c, (lk_owner){0, 1}, "execution", "Kaffe bestilt", err); }
CALL(checklist_delete) { return checklist_delete(c, 1, 1, err); }
CALL(checklist_template_add) { return checklist_template_add(c, "execution", "Ny mal", err); }
CALL(checklist_template_delete) { return checklist_template_delete(c, 1, 1, err); }

/* questionnaires and evaluation */
CALL(questionnaire_create) { lk_questionnaire q = {.name = "Nytt skjema"}; return questionnaire_create(c, &q, err); }
CALL(questionnaire_copy) { int64_t id; return questionnaire_copy(c, 100, &id, err); }
CALL(questionnaire_update)
{
	lk_questionnaire q = {.id = 100, .name = "Skjema endret", .description = "", .version = 1};
	return questionnaire_update(c, &q, err);
}
CALL(questionnaire_delete) { return questionnaire_delete(c, 100, 1, err); }
CALL(questionnaire_set_default) { return questionnaire_set_default(c, 100, err); }
CALL(questionnaire_edit_begin) { int64_t id; return questionnaire_edit_begin(c, 100, &id, err); }
CALL(question_add)
{
	lk_question q = {.section = LK_SECTION_OPEN, .kind = LK_QUESTION_TEXT, .text = "Hva kan bli bedre?", .label_min = "", .label_max = ""};
	return question_add(c, 100, &q, err);
}
CALL(question_update)
{
	lk_question q = {.id = 100, .questionnaire_id = 100, .section = LK_SECTION_RATING, .kind = LK_QUESTION_SCALE,
		.text = "Hvor nyttig?", .scale_min = 0, .scale_max = 10, .label_min = "", .label_max = "", .version = 1};
	return question_update(c, &q, err);
}
CALL(question_set_options) { int64_t v = 1; const char *l[] = {"Ja", "Nei"}; return question_set_options(c, 101, &v, l, 2, err); }
CALL(question_delete) { return question_delete(c, 101, 1, err); }
CALL(question_move) { int64_t v = 1; return question_move(c, 101, &v, 1, err); }
CALL(response_add) { lk_answer a = {.question_id = 100, .value = 9}; int64_t id; return response_add(c, 1, 100, &a, 1, LK_SOURCE_PAPER, &id, err); }
CALL(response_update) { lk_answer a = {.question_id = 100, .value = 3}; int64_t v = 1; return response_update(c, 1, &v, &a, 1, err); }
CALL(response_delete) { return response_delete(c, 1, 1, err); }
static int one_form(void *arg, lk_response_row *row, lk_err *err)
{
	(void)err;
	static const lk_answer a = {.question_id = 100, .value = 7};
	int *left = arg;
	if ((*left)-- <= 0)
		return 0;
	*row = (lk_response_row){.line = 2, .answers = &a, .n_answers = 1};
	return 1;
}
CALL(response_import) { int left = 1; lk_response_import_summary s; return response_import(c, 1, 100, one_form, &left, NULL, NULL, NULL, &s, err); }
/* Each writes their own: staff is linked to person 1, the user representative to person 2. */
CALL(facilitator_eval_set) { int64_t v = 1; return facilitator_eval_set(c, 1, c->person_id ? c->person_id : 1, "Min vurdering", &v, err); }
CALL(facilitator_eval_delete) { return facilitator_eval_delete(c, 1, c->person_id ? c->person_id : 1, 1, err); }

/* the database as a whole, reports, printing */
CALL(db_backup) { char p[512]; snprintf(p, sizeof p, "%s/b-%s-%d.db", f->dir, role_code(c->role), rand()); return db_backup(c, p, NULL, NULL, err); }
/* A backup to restore from, made before the snapshot. */
static void prep_db_restore(fx *f)
{
	lk_err err;
	snprintf(f->file, sizeof f->file, "%s/source.db", f->dir);
	cr_assert_eq(db_backup(f->coord, f->file, NULL, NULL, &err), 0, "%s", err.msg);
}
CALL(db_restore)
{
	lk_restore_result r;
	int rc = db_restore(c, f->file, &r, err);
	restore_result_free(&r);
	return rc;
}
CALL(demo_fill) { lk_demo_opts o = {.years = 1, .seed = 1}; lk_demo_stats s; return demo_fill(c, &o, &s, err); }
static int no_entry(void *arg, const lk_audit_entry *e) { (void)arg; (void)e; return 0; }
CALL(auditlog_export) { return auditlog_export(c, NULL, no_entry, NULL, NULL, err); }
CALL(report_log) { lk_period p = {{2027, 1, 1}, {2027, 12, 31}}; return report_log(c, LK_REPORT_ACTIVITY, 0, &p, 3, "test", err); }
CALL(sheet_write_session) { char p[512]; snprintf(p, sizeof p, "%s/sheet-%d.pdf", f->dir, rand()); return sheet_write_session(c, 2, p, NULL, NULL, err); }
CALL(agenda_calendar_id) { char *id = NULL; int rc = agenda_calendar_id(c, &id, err); free(id); return rc; }

typedef struct row {
	const char *name;
	lk_perm perm;
	call_fn call;
	void (*prep)(fx *f); /* may be NULL: what the call needs, done first */
} row;

#define ROW(name, perm) {#name, perm, call_##name, NULL}
#define ROW_PREP(name, perm) {#name, perm, call_##name, prep_##name}

static const row matrix[] = {
	ROW(course_create, LK_PERM_EDIT_PLAN), ROW(course_update, LK_PERM_EDIT_PLAN),
	ROW(course_delete, LK_PERM_EDIT_PLAN), ROW(course_member_add, LK_PERM_EDIT_PLAN),
	ROW(course_member_remove, LK_PERM_EDIT_PLAN), ROW(course_part_add, LK_PERM_EDIT_PLAN),
	ROW(course_part_update, LK_PERM_EDIT_PLAN), ROW(course_part_delete, LK_PERM_EDIT_PLAN),
	ROW(course_part_move, LK_PERM_EDIT_PLAN), ROW(course_set_phase, LK_PERM_EDIT_PLAN),
	ROW(concept_create, LK_PERM_EDIT_PLAN),
	ROW(run_create, LK_PERM_EDIT_PLAN), ROW(run_create_scheduled, LK_PERM_EDIT_PLAN),
	ROW(run_update, LK_PERM_EDIT_PLAN), ROW(run_delete, LK_PERM_EDIT_PLAN),
	ROW(run_schedule, LK_PERM_EDIT_PLAN), ROW(run_set_phase, LK_PERM_EDIT_PLAN),
	ROW(run_set_capacity, LK_PERM_EDIT_PLAN),
	ROW(session_add, LK_PERM_EDIT_PLAN), ROW(session_update, LK_PERM_EDIT_PLAN),
	ROW(session_set_status, LK_PERM_EDIT_PLAN), ROW(session_delete, LK_PERM_EDIT_PLAN),
	ROW(session_facilitator_add, LK_PERM_EDIT_PLAN), ROW(session_facilitator_remove, LK_PERM_EDIT_PLAN),
	ROW(run_assign_facilitators, LK_PERM_EDIT_PLAN),
	ROW(person_create, LK_PERM_EDIT_PLAN), ROW(person_update, LK_PERM_EDIT_PLAN),
	ROW(person_delete, LK_PERM_EDIT_PLAN),
	ROW(user_add, LK_PERM_MANAGE_USERS), ROW(user_set, LK_PERM_MANAGE_USERS),
	ROW(participant_create, LK_PERM_EDIT_PARTICIPANTS), ROW(participant_update, LK_PERM_EDIT_PARTICIPANTS),
	ROW(participant_delete, LK_PERM_EDIT_PARTICIPANTS), ROW(participant_merge, LK_PERM_EDIT_PARTICIPANTS),
	ROW(participant_find_duplicates, LK_PERM_READ_CONTACT),
	ROW(enroll_add, LK_PERM_EDIT_PARTICIPANTS), ROW(enroll_cancel, LK_PERM_EDIT_PARTICIPANTS),
	ROW(enroll_move, LK_PERM_EDIT_PARTICIPANTS), ROW(enroll_import, LK_PERM_EDIT_PARTICIPANTS),
	ROW(enroll_export, LK_PERM_READ_CONTACT),
	ROW(attendance_mark, LK_PERM_MARK_ATTENDANCE), ROW(attendance_clear, LK_PERM_MARK_ATTENDANCE),
	ROW(privacy_purge, LK_PERM_EDIT_PARTICIPANTS), ROW(privacy_erase, LK_PERM_EDIT_PARTICIPANTS),
	ROW(meeting_create, LK_PERM_EDIT_PLAN), ROW(meeting_update, LK_PERM_EDIT_PLAN),
	ROW(meeting_delete, LK_PERM_EDIT_PLAN), ROW(meeting_attendee_add, LK_PERM_EDIT_PLAN),
	ROW(meeting_attendee_set, LK_PERM_EDIT_PLAN), ROW(meeting_attendee_remove, LK_PERM_EDIT_PLAN),
	ROW(meeting_decision_add, LK_PERM_EDIT_PLAN), ROW(meeting_decision_update, LK_PERM_EDIT_PLAN),
	ROW(meeting_decision_delete, LK_PERM_EDIT_PLAN),
	ROW(revision_add, LK_PERM_EDIT_PLAN), ROW(revision_delete, LK_PERM_EDIT_PLAN),
	ROW(checklist_set_done, LK_PERM_EDIT_PLAN), ROW(checklist_add, LK_PERM_EDIT_PLAN),
	ROW(checklist_delete, LK_PERM_EDIT_PLAN), ROW(checklist_template_add, LK_PERM_EDIT_PLAN),
	ROW(checklist_template_delete, LK_PERM_EDIT_PLAN),
	ROW(questionnaire_create, LK_PERM_EDIT_QUESTIONNAIRES), ROW(questionnaire_copy, LK_PERM_EDIT_QUESTIONNAIRES),
	ROW(questionnaire_update, LK_PERM_EDIT_QUESTIONNAIRES), ROW(questionnaire_delete, LK_PERM_EDIT_QUESTIONNAIRES),
	ROW(questionnaire_set_default, LK_PERM_EDIT_QUESTIONNAIRES),
	ROW(questionnaire_edit_begin, LK_PERM_EDIT_QUESTIONNAIRES),
	ROW(question_add, LK_PERM_EDIT_QUESTIONNAIRES), ROW(question_update, LK_PERM_EDIT_QUESTIONNAIRES),
	ROW(question_set_options, LK_PERM_EDIT_QUESTIONNAIRES), ROW(question_delete, LK_PERM_EDIT_QUESTIONNAIRES),
	ROW(question_move, LK_PERM_EDIT_QUESTIONNAIRES),
	ROW(response_add, LK_PERM_ENTER_RESPONSES), ROW(response_update, LK_PERM_ENTER_RESPONSES),
	ROW(response_delete, LK_PERM_ENTER_RESPONSES), ROW(response_import, LK_PERM_ENTER_RESPONSES),
	ROW(facilitator_eval_set, LK_PERM_WRITE_FACILITATOR_EVALUATION),
	ROW(facilitator_eval_delete, LK_PERM_WRITE_FACILITATOR_EVALUATION),
	ROW(db_backup, LK_PERM_BACKUP), ROW_PREP(db_restore, LK_PERM_BACKUP),
	ROW(demo_fill, LK_PERM_MANAGE_USERS),
	ROW(auditlog_export, LK_PERM_READ_AUDIT), ROW(report_log, LK_PERM_REPORTS),
	ROW(sheet_write_session, LK_PERM_READ_PARTICIPANTS), ROW(agenda_calendar_id, LK_PERM_READ_PLAN),
};

/* One row as one role, on a fresh fixture: refused and untouched, or let
 * through as the role table says. Returns a line for the failure list, or
 * NULL. */
static char *try_row(const row *r, int who)
{
	fx *f = fixture();
	lk_ctx *c = f->as[who];
	lk_err err;
	lk_err_clear(&err);
	bool allowed = role_allows(c->role, r->perm);
	if (r->prep)
		r->prep(f);
	char *before = snapshot(f->coord);
	int rc = r->call(c, f, &err);
	char *after = snapshot(f->coord);
	char *problem = NULL;
	if (!allowed && (rc != -1 || err.code != LK_EPERM))
		problem = sqlite3_mprintf("%s as %s: not refused (rc %d, code %d: %s)", r->name,
			role_code(c->role), rc, err.code, err.msg);
	else if (!allowed && strcmp(before, after) != 0)
		problem = sqlite3_mprintf("%s as %s: refused but the database changed", r->name, role_code(c->role));
	else if (allowed && rc < 0 && err.code == LK_EPERM)
		problem = sqlite3_mprintf("%s as %s: allowed by the role table, refused: %s", r->name,
			role_code(c->role), err.msg);
	char *line = problem ? strdup(problem) : NULL;
	sqlite3_free(problem);
	free(before);
	free(after);
	fixture_free(f);
	return line;
}

Test(roles_matrix, every_write_function_follows_the_role_table, .timeout = 120)
{
	char report[16384] = "";
	int failures = 0, refused = 0, let_through = 0;
	for (size_t i = 0; i < sizeof matrix / sizeof matrix[0]; i++)
		for (int who = 0; who < 2; who++) {
			char *line = try_row(&matrix[i], who);
			if (line) {
				failures++;
				strncat(report, line, sizeof report - strlen(report) - 2);
				strcat(report, "\n");
				free(line);
			}
			if (role_allows(who ? LK_ROLE_USER_REP : LK_ROLE_STAFF, matrix[i].perm))
				let_through++;
			else
				refused++;
		}
	cr_assert_eq(failures, 0, "%d of %zu calls break the role table:\n%s", failures,
		2 * (sizeof matrix / sizeof matrix[0]), report);
	/* The table is not empty on either side: the test can fail both ways. */
	cr_assert_gt(refused, 150);
	cr_assert_gt(let_through, 5);
}

/* The coordinator passes every row of the table (on a fresh fixture each):
 * so the refusals above are about the role, not about the fixture. */
Test(roles_matrix, the_coordinator_is_refused_nothing, .timeout = 120)
{
	for (size_t i = 0; i < sizeof matrix / sizeof matrix[0]; i++) {
		fx *f = fixture();
		lk_err err;
		lk_err_clear(&err);
		if (matrix[i].prep)
			matrix[i].prep(f);
		int rc = matrix[i].call(f->coord, f, &err);
		cr_assert(rc == 0 || err.code != LK_EPERM, "%s refused for the coordinator: %s", matrix[i].name, err.msg);
		fixture_free(f);
	}
}
