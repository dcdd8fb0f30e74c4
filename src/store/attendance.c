#include "store_impl.h"

#include <stdio.h>
#include <string.h>

#include "lmskurs/i18n.h"
#include "lmskurs/store/attendance.h"

/* Session s is expected of enrollment e (see attendance.h): not cancelled,
 * on or after the day e got its place, and before the day e was cancelled. */
#define EXPECTED \
	"(s.status <> 'cancelled' AND e.placed_at IS NOT NULL" \
	" AND substr(s.starts_at, 1, 10) >= substr(e.placed_at, 1, 10)" \
	" AND (e.status <> 'cancelled' OR substr(s.starts_at, 1, 10) < substr(e.cancelled_at, 1, 10)))"

static void copy_col(char *buf, size_t size, sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	snprintf(buf, size, "%s", t ? (const char *)t : "");
}

static void read_att_session(sqlite3_stmt *st, void *row)
{
	lk_att_session *s = row;
	s->run_id = sqlite3_column_int64(st, 0);
	copy_col(s->starts_at, sizeof s->starts_at, st, 1);
	copy_col(s->status, sizeof s->status, st, 2);
	copy_col(s->run_phase, sizeof s->run_phase, st, 3);
}

int store_att_session(lk_db *db, int64_t session_id, lk_att_session *out, lk_err *err)
{
	return st_get_one(db, "SELECT s.run_id, s.starts_at, s.status, r.phase FROM session s"
			      " JOIN run r ON r.id = s.run_id WHERE s.id = ?", session_id,
		read_att_session, out, _("reading a session"), err);
}

static void read_status(sqlite3_stmt *st, void *status) { copy_col(status, 12, st, 0); }

int store_att_get(lk_db *db, int64_t session_id, int64_t enrollment_id, char status[static 12],
	lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, "SELECT status FROM attendance WHERE session_id = ? AND enrollment_id = ?",
			&st, err) < 0)
		return -1;
	st_bind_int(st, 1, session_id);
	st_bind_int(st, 2, enrollment_id);
	return st_get_row(db, st, read_status, status, _("reading attendance"), err);
}

int store_att_put(lk_db *db, int64_t session_id, int64_t enrollment_id, const char *status,
	const char *login, const char *stamp, const char *reason, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, "INSERT INTO attendance (session_id, enrollment_id, status, marked_by,"
			   " marked_at, reason) VALUES (?, ?, ?, ?, ?, ?)"
			   " ON CONFLICT (session_id, enrollment_id) DO UPDATE SET status = excluded.status,"
			   " marked_by = excluded.marked_by, marked_at = excluded.marked_at,"
			   " reason = excluded.reason", &st, err) < 0)
		return -1;
	st_bind_int(st, 1, session_id);
	st_bind_int(st, 2, enrollment_id);
	st_bind_text(st, 3, status);
	st_bind_text(st, 4, login);
	st_bind_text(st, 5, stamp);
	st_bind_text(st, 6, reason ? reason : "");
	return st_exec_stmt(db, st, _("saving attendance"), err);
}

int store_att_delete(lk_db *db, int64_t session_id, int64_t enrollment_id, lk_err *err)
{
	return st_exec_ints(db, "DELETE FROM attendance WHERE session_id = ? AND enrollment_id = ?",
		session_id, enrollment_id, _("clearing attendance"), err);
}

int store_att_session_held(lk_db *db, int64_t session_id, lk_err *err)
{
	return st_exec_ints(db, "UPDATE session SET status = 'held', version = version + 1"
			        " WHERE id = ? AND status = 'planned'", session_id, 0,
		_("marking the session held"), err);
}

int store_att_counts(lk_db *db, int64_t enrollment_id, lk_attendance_summary *out, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db,
		"SELECT count(e.id),"
		" count(s.id) FILTER (WHERE " EXPECTED " AND a.status = 'present'),"
		" count(s.id) FILTER (WHERE " EXPECTED " AND a.status = 'absent'),"
		" count(s.id) FILTER (WHERE " EXPECTED " AND a.status = 'excused'),"
		" count(s.id) FILTER (WHERE " EXPECTED " AND s.status = 'held' AND a.status IS NULL),"
		" count(s.id) FILTER (WHERE NOT " EXPECTED "),"
		" count(s.id) FILTER (WHERE " EXPECTED " AND s.status = 'held'),"
		" count(s.id) FILTER (WHERE " EXPECTED ")"
		" FROM enrollment e LEFT JOIN session s ON s.run_id = e.run_id AND s.status <> 'cancelled'"
		" LEFT JOIN attendance a ON a.session_id = s.id AND a.enrollment_id = e.id"
		" WHERE e.id = ?", &st, err) < 0)
		return -1;
	st_bind_int(st, 1, enrollment_id);
	int rc = sqlite3_step(st);
	int found = rc == SQLITE_ROW && sqlite3_column_int(st, 0) > 0;
	if (found) {
		int *f[] = {&out->present, &out->absent, &out->excused, &out->unmarked,
			&out->not_expected, &out->held_expected, &out->planned_expected};
		for (int i = 0; i < 7; i++)
			*f[i] = sqlite3_column_int(st, i + 1);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? found : st_fail(db, rc, _("counting attendance"), err);
}

int store_att_session_counts(lk_db *db, int64_t session_id, int counts[static 4], lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db,
		"SELECT count(*) FILTER (WHERE a.status = 'present'),"
		" count(*) FILTER (WHERE a.status = 'absent'),"
		" count(*) FILTER (WHERE a.status = 'excused'),"
		" count(*) FILTER (WHERE a.status IS NULL)"
		" FROM session s JOIN enrollment e ON e.run_id = s.run_id"
		" LEFT JOIN attendance a ON a.session_id = s.id AND a.enrollment_id = e.id"
		" WHERE s.id = ? AND " EXPECTED, &st, err) < 0)
		return -1;
	st_bind_int(st, 1, session_id);
	int rc = sqlite3_step(st);
	for (int i = 0; i < 4; i++)
		counts[i] = rc == SQLITE_ROW ? sqlite3_column_int(st, i) : 0;
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 0 : st_fail(db, rc, _("counting attendance"), err);
}

int store_att_grid(lk_db *db, int64_t run_id,
	int (*each_cell)(void *, int64_t, int64_t, lk_att_cell), void *arg, lk_err *err)
{
	sqlite3_stmt *st;
	/* The cell states are bound, so the SQL gives lk_att_cell values. */
	if (st_prepare(db,
		"SELECT e.id, s.id, CASE WHEN s.status = 'cancelled' THEN ?7"
		"   WHEN NOT " EXPECTED " THEN ?6 WHEN a.status IS NULL THEN ?5"
		"   WHEN a.status = 'present' THEN ?2 WHEN a.status = 'absent' THEN ?3 ELSE ?4 END"
		" FROM enrollment e JOIN participant p ON p.id = e.participant_id"
		" JOIN session s ON s.run_id = e.run_id"
		" LEFT JOIN attendance a ON a.session_id = s.id AND a.enrollment_id = e.id"
		" WHERE e.run_id = ?1 AND e.status = 'registered'"
		" ORDER BY p.name COLLATE NOCASE, e.id, s.starts_at, s.seq", &st, err) < 0)
		return -1;
	st_bind_int(st, 1, run_id);
	const lk_att_cell cells[] = {LK_CELL_PRESENT, LK_CELL_ABSENT, LK_CELL_EXCUSED,
		LK_CELL_UNMARKED, LK_CELL_NOT_EXPECTED, LK_CELL_CANCELLED};
	for (int i = 0; i < 6; i++)
		st_bind_int(st, i + 2, cells[i]);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (each_cell(arg, sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1),
			    (lk_att_cell)sqlite3_column_int(st, 2)))
			break;
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : st_fail(db, rc, _("reading attendance"), err);
}
