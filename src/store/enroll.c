#include "store_impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lmskurs/i18n.h"
#include "lmskurs/store/enroll.h"

/* Queue position: waiting enrollments of the run up to and including this
 * one in (requested_at, id) order; uses the enrollment_queue index. */
#define WAITPOS \
	"CASE WHEN e.status = 'waitlisted' THEN (SELECT count(*) FROM enrollment w" \
	" WHERE w.run_id = e.run_id AND w.status = 'waitlisted' AND (w.requested_at < e.requested_at" \
	"   OR (w.requested_at = e.requested_at AND w.id <= e.id))) ELSE 0 END"

#define ENR_SELECT \
	"SELECT e.id, e.run_id, e.participant_id, p.name, e.category, e.status, e.requested_at," \
	" e.placed_at, e.cancelled_at, e.referral, " WAITPOS ", e.version" \
	" FROM enrollment e JOIN participant p ON p.id = e.participant_id"

static void read_enrollment(sqlite3_stmt *st, void *row)
{
	lk_enrollment *e = row;
	memset(e, 0, sizeof *e);
	e->id = sqlite3_column_int64(st, 0);
	e->run_id = sqlite3_column_int64(st, 1);
	e->participant_id = sqlite3_column_int64(st, 2);
	e->participant_name = st_col_text(st, 3);
	enroll_category_parse((const char *)sqlite3_column_text(st, 4), &e->category);
	enroll_status_parse((const char *)sqlite3_column_text(st, 5), &e->status);
	e->requested_at = st_col_text(st, 6);
	e->placed_at = st_col_text_or_null(st, 7);
	e->cancelled_at = st_col_text_or_null(st, 8);
	e->referral = sqlite3_column_int(st, 9) != 0;
	e->waitlist_pos = sqlite3_column_int(st, 10);
	e->version = sqlite3_column_int64(st, 11);
}

static void read_run(sqlite3_stmt *st, void *row)
{
	lk_enroll_run *r = row;
	r->course_id = sqlite3_column_int64(st, 0);
	snprintf(r->phase, sizeof r->phase, "%s", (const char *)sqlite3_column_text(st, 1));
	r->capacity = sqlite3_column_int(st, 2);
}

int store_enroll_run(lk_db *db, int64_t run_id, lk_enroll_run *out, lk_err *err)
{
	return st_get_one(db, "SELECT course_id, phase, coalesce(capacity, 0) FROM run WHERE id = ?",
		run_id, read_run, out, _("reading a run"), err);
}

int store_enroll_get(lk_db *db, int64_t id, lk_enrollment *out, lk_err *err)
{
	return st_get_one(db, ENR_SELECT " WHERE e.id = ?", id, read_enrollment, out,
		_("reading an enrollment"), err);
}

int store_enroll_find(lk_db *db, int64_t run_id, int64_t participant_id, lk_enrollment *out,
	lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, ENR_SELECT " WHERE e.run_id = ? AND e.participant_id = ?", &st, err) < 0)
		return -1;
	st_bind_int(st, 1, run_id);
	st_bind_int(st, 2, participant_id);
	return st_get_row(db, st, read_enrollment, out, _("reading an enrollment"), err);
}

int store_enroll_first_waiting(lk_db *db, int64_t run_id, lk_enrollment *out, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, ENR_SELECT " WHERE e.run_id = ? AND e.status = 'waitlisted'"
			   " ORDER BY e.requested_at, e.id LIMIT 1", &st, err) < 0)
		return -1;
	st_bind_int(st, 1, run_id);
	return st_get_row(db, st, read_enrollment, out, _("reading an enrollment"), err);
}

int store_enroll_counts(lk_db *db, int64_t run_id, int64_t counts[static 3], lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db,
		"SELECT count(*) FILTER (WHERE status = 'registered'),"
		"       count(*) FILTER (WHERE status = 'waitlisted'),"
		"       count(*) FILTER (WHERE status = 'cancelled')"
		" FROM enrollment WHERE run_id = ?", &st, err) < 0)
		return -1;
	st_bind_int(st, 1, run_id);
	int rc = sqlite3_step(st);
	for (int i = 0; i < 3; i++)
		counts[i] = rc == SQLITE_ROW ? sqlite3_column_int64(st, i) : 0;
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 0 : st_fail(db, rc, _("counting enrollments"), err);
}

int store_enroll_queue_stamp(lk_db *db, int64_t run_id, const char *now, int64_t self_id,
	char out[static 20], lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db,
		"SELECT CASE WHEN m IS NULL OR m < ?2 OR (m = ?2 AND ?3 = 0) THEN ?2"
		"            WHEN ?3 = 0 THEN m"
		"            ELSE strftime('%Y-%m-%dT%H:%M:%S', m, '+1 second') END"
		" FROM (SELECT max(requested_at) AS m FROM enrollment"
		"        WHERE run_id = ?1 AND status <> 'cancelled' AND id <> ?3)", &st, err) < 0)
		return -1;
	st_bind_int(st, 1, run_id);
	st_bind_text(st, 2, now);
	st_bind_int(st, 3, self_id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		snprintf(out, 20, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 0 : st_fail(db, rc, _("reading the waitlist"), err);
}

int store_enroll_insert(lk_db *db, const lk_enrollment *e, int64_t *id, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, "INSERT INTO enrollment (run_id, participant_id, category, status,"
			   " requested_at, placed_at, referral) VALUES (?, ?, ?, ?, ?, ?, ?)", &st, err) < 0)
		return -1;
	st_bind_int(st, 1, e->run_id);
	st_bind_int(st, 2, e->participant_id);
	st_bind_text(st, 3, enroll_category_code(e->category));
	st_bind_text(st, 4, enroll_status_code(e->status));
	st_bind_text(st, 5, e->requested_at);
	st_bind_text(st, 6, e->placed_at);
	st_bind_int(st, 7, e->referral);
	if (st_exec_stmt(db, st, _("saving an enrollment"), err) < 0)
		return -1;
	*id = st_last_id(db);
	return 0;
}

int store_enroll_reopen(lk_db *db, const lk_enrollment *e, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, "UPDATE enrollment SET category = ?, status = ?, requested_at = ?,"
			   " placed_at = ?, cancelled_at = NULL, referral = ?, version = version + 1"
			   " WHERE id = ? AND version = ?", &st, err) < 0)
		return -1;
	st_bind_text(st, 1, enroll_category_code(e->category));
	st_bind_text(st, 2, enroll_status_code(e->status));
	st_bind_text(st, 3, e->requested_at);
	st_bind_text(st, 4, e->placed_at);
	st_bind_int(st, 5, e->referral);
	st_bind_int(st, 6, e->id);
	st_bind_int(st, 7, e->version);
	if (st_exec_stmt(db, st, _("saving an enrollment"), err) < 0)
		return -1;
	return st_check_versioned(db, "SELECT 1 FROM enrollment WHERE id = ?", e->id,
		_("The enrollment"), err);
}

int store_enroll_cancel(lk_db *db, int64_t id, int64_t version, const char *stamp, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, "UPDATE enrollment SET status = 'cancelled', cancelled_at = ?,"
			   " version = version + 1 WHERE id = ? AND version = ?", &st, err) < 0)
		return -1;
	st_bind_text(st, 1, stamp);
	st_bind_int(st, 2, id);
	st_bind_int(st, 3, version);
	if (st_exec_stmt(db, st, _("cancelling an enrollment"), err) < 0)
		return -1;
	return st_check_versioned(db, "SELECT 1 FROM enrollment WHERE id = ?", id,
		_("The enrollment"), err);
}

int store_enroll_place(lk_db *db, int64_t id, const char *stamp, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, "UPDATE enrollment SET status = 'registered', placed_at = ?,"
			   " version = version + 1 WHERE id = ? AND status = 'waitlisted'", &st, err) < 0)
		return -1;
	st_bind_text(st, 1, stamp);
	st_bind_int(st, 2, id);
	if (st_exec_stmt(db, st, _("giving a place from the waitlist"), err) < 0)
		return -1;
	if (st_changes(db) != 1)
		return lk_fail(err, LK_ECONFLICT, _("The waitlist was changed by someone else meanwhile; nothing was changed."));
	return 0;
}

int store_enroll_set_capacity(lk_db *db, int64_t run_id, int capacity, lk_err *err)
{
	return st_exec_ints(db, "UPDATE run SET capacity = ?, version = version + 1 WHERE id = ?",
		capacity, run_id, _("saving the capacity"), err);
}

ST_STREAM_OF(stream_enrollments, lk_enrollment, read_enrollment, enrollment_free)

int store_enroll_list(lk_db *db, int64_t run_id, const char *status, lk_page page,
	int (*each)(void *, const lk_enrollment *), void *arg, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, ENR_SELECT " WHERE e.run_id = ?1 AND (?2 IS NULL OR e.status = ?2)"
			   " ORDER BY CASE e.status WHEN 'registered' THEN 0 WHEN 'waitlisted' THEN 1 ELSE 2 END,"
			   " CASE WHEN e.status = 'waitlisted' THEN '' ELSE p.name END COLLATE NOCASE,"
			   " e.requested_at, e.id LIMIT ?3 OFFSET ?4", &st, err) < 0)
		return -1;
	st_bind_int(st, 1, run_id);
	st_bind_text(st, 2, status);
	st_bind_int(st, 3, page.limit > 0 ? page.limit : -1);
	st_bind_int(st, 4, page.offset);
	return stream_enrollments(db, st, each, arg, _("reading enrollments"), err);
}
