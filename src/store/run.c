#include "store_impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lmskurs/i18n.h"
#include "lmskurs/store/run.h"

/* A session "lacks" a kind when none of its facilitators is of that kind. */
#define LACKS(kind) \
	"NOT EXISTS (SELECT 1 FROM session_facilitator f JOIN person p ON p.id = f.person_id" \
	"            WHERE f.session_id = s.id AND p.kind = '" kind "')"

#define RUN_COLS \
	"SELECT r.id, r.course_id, c.title, r.title, r.phase, r.place, r.capacity," \
	"       r.questionnaire_id, r.first_date, r.last_date, r.notes, r.closed_at, r.version," \
	"       (SELECT count(*) FROM session s WHERE s.run_id = r.id AND s.status <> 'cancelled')," \
	"       (SELECT count(*) FROM session s WHERE s.run_id = r.id AND s.status <> 'cancelled'" \
	"           AND (" LACKS("professional") " OR " LACKS("user_rep") "))," \
	"       (SELECT count(*) FROM enrollment e WHERE e.run_id = r.id AND e.status = 'registered')," \
	"       (SELECT count(*) FROM enrollment e WHERE e.run_id = r.id AND e.status = 'waitlisted')"
#define RUN_SELECT RUN_COLS "  FROM run r JOIN course c ON c.id = r.course_id"
/* Runs without dates first, then newest first: the order of the run_list_order index. */
#define RUN_ORDER " ORDER BY (r.first_date IS NOT NULL), r.first_date DESC, r.id"

static lk_date col_date(sqlite3_stmt *st, int i)
{
	lk_date d = {0, 0, 0};
	const char *t = (const char *)sqlite3_column_text(st, i);
	if (t && date_parse(t, &d, NULL) < 0)
		d = (lk_date){0, 0, 0};
	return d;
}

static void read_run(sqlite3_stmt *st, void *row)
{
	lk_run *r = row;
	r->id = sqlite3_column_int64(st, 0);
	r->course_id = sqlite3_column_int64(st, 1);
	r->course_title = st_col_text(st, 2);
	r->title = st_col_text(st, 3);
	if (run_phase_parse((const char *)sqlite3_column_text(st, 4), &r->phase) < 0)
		r->phase = LK_RUN_SCHEDULING;
	r->place = st_col_text(st, 5);
	r->capacity = sqlite3_column_int(st, 6);
	r->questionnaire_id = sqlite3_column_int64(st, 7);
	r->first_date = col_date(st, 8);
	r->last_date = col_date(st, 9);
	r->notes = st_col_text(st, 10);
	r->closed_at = st_col_text_or_null(st, 11);
	r->version = sqlite3_column_int64(st, 12);
	r->n_sessions = sqlite3_column_int(st, 13);
	r->n_unpaired = sqlite3_column_int(st, 14);
	r->n_registered = sqlite3_column_int(st, 15);
	r->n_waitlisted = sqlite3_column_int(st, 16);
}

/* ---- reads of other tables the run module needs ---- */

int store_run_course(lk_db *db, int64_t course_id, char phase[static 16],
	int64_t *questionnaire_id, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, "SELECT phase, questionnaire_id FROM course WHERE id = ?", &st, err) < 0)
		return -1;
	st_bind_int(st, 1, course_id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		const char *p = (const char *)sqlite3_column_text(st, 0);
		snprintf(phase, 16, "%s", p ? p : "");
		*questionnaire_id = sqlite3_column_int64(st, 1);
	}
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return 1;
	return rc == SQLITE_DONE ? 0 : st_fail(db, rc, _("reading a course"), err);
}

int store_run_questionnaire_exists(lk_db *db, int64_t id, lk_err *err)
{
	return st_get_one(db, "SELECT 1 FROM questionnaire WHERE id = ?", id, NULL, NULL,
		_("reading questionnaires"), err);
}

int store_run_has_evaluation_meeting(lk_db *db, int64_t run_id, lk_err *err)
{
	return st_get_one(db, "SELECT 1 FROM meeting WHERE run_id = ? AND kind = 'evaluation' LIMIT 1",
		run_id, NULL, NULL, _("reading meetings"), err);
}

int store_run_parts(lk_db *db, int64_t course_id,
	int (*each)(void *, const lk_run_part *), void *arg, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, "SELECT position, topic, minutes FROM course_part WHERE course_id = ?"
			   " ORDER BY position", &st, err) < 0)
		return -1;
	st_bind_int(st, 1, course_id);
	int rc, stop = 0;
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		lk_run_part p = {sqlite3_column_int(st, 0), (const char *)sqlite3_column_text(st, 1),
			sqlite3_column_int(st, 2)};
		stop = each(arg, &p);
	}
	sqlite3_reset(st);
	if (stop)
		return stop < 0 ? -1 : 0;
	return rc == SQLITE_DONE ? 0 : st_fail(db, rc, _("reading the session plan"), err);
}

/* ---- runs ---- */

/* A run's phase as stored; one that does not parse reads as scheduling. */
static void read_phase(sqlite3_stmt *st, void *out)
{
	if (run_phase_parse((const char *)sqlite3_column_text(st, 0), out) < 0)
		*(lk_run_phase *)out = LK_RUN_SCHEDULING;
}

int store_run_phase(lk_db *db, int64_t run_id, lk_run_phase *out, lk_err *err)
{
	return st_get_one(db, "SELECT phase FROM run WHERE id = ?", run_id, read_phase, out,
		_("reading a run"), err);
}

static void bind_fields(sqlite3_stmt *st, const lk_run *r)
{
	st_bind_text(st, 1, r->title ? r->title : "");
	st_bind_text(st, 2, r->place ? r->place : "");
	st_bind_opt_int(st, 3, r->questionnaire_id, r->questionnaire_id == 0);
	st_bind_text(st, 4, r->notes ? r->notes : "");
}

int store_run_insert(lk_db *db, lk_run *r, const char *stamp, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, "INSERT INTO run (title, place, questionnaire_id, notes, course_id,"
			   " capacity, phase, created_at) VALUES (?, ?, ?, ?, ?, ?, 'scheduling', ?)",
			&st, err) < 0)
		return -1;
	bind_fields(st, r);
	st_bind_int(st, 5, r->course_id);
	st_bind_opt_int(st, 6, r->capacity, r->capacity == 0);
	st_bind_text(st, 7, stamp);
	if (st_exec_stmt(db, st, _("saving a run"), err) < 0)
		return -1;
	r->id = st_last_id(db);
	r->version = 1;
	return 0;
}

int store_run_get(lk_db *db, int64_t id, lk_run *out, lk_err *err)
{
	return st_get_one(db, RUN_SELECT " WHERE r.id = ?", id, read_run, out, _("reading a run"), err);
}

int store_run_update(lk_db *db, lk_run *r, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, "UPDATE run SET title = ?, place = ?, questionnaire_id = ?, notes = ?,"
			   " version = version + 1 WHERE id = ? AND version = ?", &st, err) < 0)
		return -1;
	bind_fields(st, r);
	st_bind_int(st, 5, r->id);
	st_bind_int(st, 6, r->version);
	if (st_exec_stmt(db, st, _("saving a run"), err) < 0 ||
	    st_check_versioned(db, "SELECT 1 FROM run WHERE id = ?", r->id, _("The run"), err) < 0)
		return -1;
	r->version++;
	return 0;
}

int store_run_delete(lk_db *db, int64_t id, int64_t version, lk_err *err)
{
	if (st_exec_ints(db, "DELETE FROM run WHERE id = ? AND version = ?", id, version,
		    _("deleting a run"), err) < 0)
		return -1;
	return st_check_versioned(db, "SELECT 1 FROM run WHERE id = ?", id, _("The run"), err);
}

int store_run_set_phase(lk_db *db, int64_t id, const char *phase, const char *closed_at,
	lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, "UPDATE run SET phase = ?, closed_at = coalesce(?, closed_at),"
			   " version = version + 1 WHERE id = ?", &st, err) < 0)
		return -1;
	st_bind_text(st, 1, phase);
	st_bind_text(st, 2, closed_at);
	st_bind_int(st, 3, id);
	return st_exec_stmt(db, st, _("changing a run's phase"), err);
}

int store_run_usage(lk_db *db, int64_t id, lk_run_usage *out, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db,
		"SELECT (SELECT count(*) FROM session WHERE run_id = ?1),"
		"       (SELECT count(*) FROM enrollment WHERE run_id = ?1),"
		"       (SELECT count(*) FROM response WHERE run_id = ?1),"
		"       (SELECT count(*) FROM meeting WHERE run_id = ?1)", &st, err) < 0)
		return -1;
	st_bind_int(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		out->sessions = sqlite3_column_int64(st, 0);
		out->enrollments = sqlite3_column_int64(st, 1);
		out->responses = sqlite3_column_int64(st, 2);
		out->meetings = sqlite3_column_int64(st, 3);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 0 : st_fail(db, rc, _("reading what belongs to a run"), err);
}

int store_run_refresh_dates(lk_db *db, int64_t run_id, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db,
		"UPDATE run SET"
		" first_date = (SELECT substr(min(starts_at), 1, 10) FROM session"
		"               WHERE run_id = ?1 AND status <> 'cancelled'),"
		" last_date = (SELECT substr(max(starts_at), 1, 10) FROM session"
		"              WHERE run_id = ?1 AND status <> 'cancelled')"
		" WHERE id = ?1", &st, err) < 0)
		return -1;
	st_bind_int(st, 1, run_id);
	return st_exec_stmt(db, st, _("saving a run's dates"), err);
}

/* The filter's WHERE clause is fixed; absent criteria bind as "match all". */
#define RUN_WHERE \
	" WHERE (?1 = 0 OR r.course_id = ?1)" \
	"   AND (?2 = 0 OR (r.first_date >= printf('%04d-01-01', ?2)" \
	"                   AND r.first_date < printf('%04d-01-01', ?2 + 1)))" \
	"   AND (?3 IS NULL OR r.phase = ?3)" \
	"   AND (?4 = '%' OR c.title LIKE ?4 ESCAPE '\\' OR r.title LIKE ?4 ESCAPE '\\')"

static int bind_filter(sqlite3_stmt *st, const lk_run_filter *f, lk_err *err)
{
	char *pat = st_like_pattern(f ? f->text : NULL);
	if (!pat)
		return lk_fail(err, LK_ENOMEM, _("Out of memory."));
	st_bind_int(st, 1, f ? f->course_id : 0);
	st_bind_int(st, 2, f ? f->year : 0);
	st_bind_text(st, 3, f && f->phase >= 0 && f->phase < LK_RUN_PHASE_COUNT ?
		run_phase_code((lk_run_phase)f->phase) : NULL);
	st_bind_text(st, 4, pat);
	free(pat);
	return 0;
}

ST_STREAM_OF(stream_runs, lk_run, read_run, run_free)

int store_run_list(lk_db *db, const lk_run_filter *f, lk_page page,
	int (*each)(void *, const lk_run *), void *arg, lk_err *err)
{
	sqlite3_stmt *st;
	/* The page's ids are chosen first, walking the index; the counts are
	 * worked out for those rows only, not for every run before the page. */
	if (st_prepare(db, RUN_COLS
			   "  FROM (SELECT r.id AS pid FROM run r JOIN course c ON c.id = r.course_id"
			   RUN_WHERE RUN_ORDER " LIMIT ?5 OFFSET ?6) page"
			   "  JOIN run r ON r.id = page.pid JOIN course c ON c.id = r.course_id"
			   RUN_ORDER, &st, err) < 0 ||
	    bind_filter(st, f, err) < 0)
		return -1;
	st_bind_int(st, 5, page.limit > 0 ? page.limit : -1);
	st_bind_int(st, 6, page.offset);
	return stream_runs(db, st, each, arg, _("reading runs"), err);
}

int64_t store_run_count(lk_db *db, const lk_run_filter *f, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, "SELECT count(*) FROM run r JOIN course c ON c.id = r.course_id" RUN_WHERE,
			&st, err) < 0 ||
	    bind_filter(st, f, err) < 0)
		return -1;
	return st_scalar(db, st, _("counting runs"), err);
}
