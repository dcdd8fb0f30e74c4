#include "store_impl.h"

#include <stdlib.h>
#include <string.h>

#include "lmskurs/i18n.h"
#include "lmskurs/store/session.h"

#define KIND_COUNT(kind) \
	"(SELECT count(*) FROM session_facilitator f JOIN person p ON p.id = f.person_id" \
	"  WHERE f.session_id = s.id AND p.kind = '" kind "')"

#define SESSION_SELECT \
	"SELECT s.id, s.run_id, s.seq, s.starts_at, s.ends_at, s.room, s.topic, s.status," \
	"       s.notes, s.version, " KIND_COUNT("professional") ", " KIND_COUNT("user_rep") "," \
	"       c.title, r.title" \
	"  FROM session s JOIN run r ON r.id = s.run_id JOIN course c ON c.id = r.course_id"

static lk_datetime col_datetime(sqlite3_stmt *st, int i)
{
	lk_datetime t = {{0, 0, 0}, 0, 0};
	const char *s = (const char *)sqlite3_column_text(st, i);
	if (!s || datetime_parse(s, &t, NULL) < 0)
		t = (lk_datetime){{0, 0, 0}, 0, 0};
	return t;
}

static void read_session(sqlite3_stmt *st, lk_session *s)
{
	s->id = sqlite3_column_int64(st, 0);
	s->run_id = sqlite3_column_int64(st, 1);
	s->seq = sqlite3_column_int(st, 2);
	s->starts_at = col_datetime(st, 3);
	s->ends_at = col_datetime(st, 4);
	s->room = st_col_text(st, 5);
	s->topic = st_col_text(st, 6);
	if (session_status_parse((const char *)sqlite3_column_text(st, 7), &s->status) < 0)
		s->status = LK_SESSION_PLANNED;
	s->notes = st_col_text(st, 8);
	s->version = sqlite3_column_int64(st, 9);
	s->n_professionals = sqlite3_column_int(st, 10);
	s->n_user_reps = sqlite3_column_int(st, 11);
	s->course_title = st_col_text(st, 12);
	s->run_title = st_col_text(st, 13);
	s->holiday = date_holiday(s->starts_at.date);
}

/* Streams the rows of a bound SESSION_SELECT statement to each(). */
static int stream_sessions(lk_db *db, sqlite3_stmt *st,
	int (*each)(void *, const lk_session *), void *arg, lk_err *err)
{
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		lk_session s;
		read_session(st, &s);
		int stop = each(arg, &s);
		session_free(&s);
		if (stop)
			break;
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : st_fail(db, rc, _("reading sessions"), err);
}

static void bind_times(sqlite3_stmt *st, int i, const lk_session *s)
{
	char a[17], b[17];
	datetime_iso(s->starts_at, a);
	datetime_iso(s->ends_at, b);
	st_bind_text(st, i, a);
	st_bind_text(st, i + 1, b);
}

int store_session_insert(lk_db *db, lk_session *s, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, "INSERT INTO session (run_id, seq, starts_at, ends_at, room, topic, notes)"
			   " VALUES (?1, (SELECT coalesce(max(seq), 0) + 1 FROM session WHERE run_id = ?1),"
			   "         ?2, ?3, ?4, ?5, ?6) RETURNING id, seq", &st, err) < 0)
		return -1;
	st_bind_int(st, 1, s->run_id);
	bind_times(st, 2, s);
	st_bind_text(st, 4, s->room ? s->room : "");
	st_bind_text(st, 5, s->topic ? s->topic : "");
	st_bind_text(st, 6, s->notes ? s->notes : "");
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		s->id = sqlite3_column_int64(st, 0);
		s->seq = sqlite3_column_int(st, 1);
		rc = sqlite3_step(st);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return st_fail(db, rc, _("saving a session"), err);
	s->status = LK_SESSION_PLANNED;
	s->version = 1;
	return 0;
}

int store_session_put_seq(lk_db *db, int64_t run_id, int seq, const char *starts_at,
	const char *ends_at, const char *room, const char *topic, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, "INSERT INTO session (run_id, seq, starts_at, ends_at, room, topic)"
			   " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (run_id, seq) DO UPDATE SET"
			   " starts_at = excluded.starts_at, ends_at = excluded.ends_at,"
			   " room = excluded.room, topic = excluded.topic, status = 'planned',"
			   " notes = '', version = version + 1", &st, err) < 0)
		return -1;
	st_bind_int(st, 1, run_id);
	st_bind_int(st, 2, seq);
	st_bind_text(st, 3, starts_at);
	st_bind_text(st, 4, ends_at);
	st_bind_text(st, 5, room ? room : "");
	st_bind_text(st, 6, topic ? topic : "");
	return st_exec_stmt(db, st, _("saving a session"), err);
}

int store_session_delete_beyond(lk_db *db, int64_t run_id, int seq, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, "DELETE FROM session WHERE run_id = ? AND seq > ?", &st, err) < 0)
		return -1;
	st_bind_int(st, 1, run_id);
	st_bind_int(st, 2, seq);
	return st_exec_stmt(db, st, _("deleting sessions"), err);
}

/* Two steps, because SQLite checks UNIQUE (run_id, seq) row by row: first
 * out of the way, then down by one. */
int store_session_renumber(lk_db *db, int64_t run_id, int seq, lk_err *err)
{
	sqlite3_stmt *up, *down;
	if (st_prepare(db, "UPDATE session SET seq = seq + 1000000 WHERE run_id = ? AND seq > ?",
			&up, err) < 0)
		return -1;
	st_bind_int(up, 1, run_id);
	st_bind_int(up, 2, seq);
	if (st_exec_stmt(db, up, _("renumbering sessions"), err) < 0 ||
	    st_prepare(db, "UPDATE session SET seq = seq - 1000001 WHERE run_id = ? AND seq > 1000000",
			&down, err) < 0)
		return -1;
	st_bind_int(down, 1, run_id);
	return st_exec_stmt(db, down, _("renumbering sessions"), err);
}

int store_session_get(lk_db *db, int64_t id, lk_session *out, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, SESSION_SELECT " WHERE s.id = ?", &st, err) < 0)
		return -1;
	st_bind_int(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_session(st, out);
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return 1;
	return rc == SQLITE_DONE ? 0 : st_fail(db, rc, _("reading a session"), err);
}

int store_session_update(lk_db *db, lk_session *s, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, "UPDATE session SET starts_at = ?, ends_at = ?, room = ?, topic = ?,"
			   " notes = ?, version = version + 1 WHERE id = ? AND version = ?", &st, err) < 0)
		return -1;
	bind_times(st, 1, s);
	st_bind_text(st, 3, s->room ? s->room : "");
	st_bind_text(st, 4, s->topic ? s->topic : "");
	st_bind_text(st, 5, s->notes ? s->notes : "");
	st_bind_int(st, 6, s->id);
	st_bind_int(st, 7, s->version);
	if (st_exec_stmt(db, st, _("saving a session"), err) < 0 ||
	    st_check_versioned(db, "SELECT 1 FROM session WHERE id = ?", s->id, _("The session"), err) < 0)
		return -1;
	s->version++;
	return 0;
}

int store_session_set_status(lk_db *db, int64_t id, int64_t version, const char *status,
	lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, "UPDATE session SET status = ?, version = version + 1"
			   " WHERE id = ? AND version = ?", &st, err) < 0)
		return -1;
	st_bind_text(st, 1, status);
	st_bind_int(st, 2, id);
	st_bind_int(st, 3, version);
	if (st_exec_stmt(db, st, _("saving a session"), err) < 0)
		return -1;
	return st_check_versioned(db, "SELECT 1 FROM session WHERE id = ?", id, _("The session"), err);
}

int store_session_delete(lk_db *db, int64_t id, int64_t version, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, "DELETE FROM session WHERE id = ? AND version = ?", &st, err) < 0)
		return -1;
	st_bind_int(st, 1, id);
	st_bind_int(st, 2, version);
	if (st_exec_stmt(db, st, _("deleting a session"), err) < 0)
		return -1;
	return st_check_versioned(db, "SELECT 1 FROM session WHERE id = ?", id, _("The session"), err);
}

/* Runs a "SELECT count(*) ... ?" query with one id. */
static int64_t count_by_id(lk_db *db, const char *sql, int64_t id, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, sql, &st, err) < 0)
		return -1;
	st_bind_int(st, 1, id);
	int rc = sqlite3_step(st);
	int64_t n = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
	sqlite3_reset(st);
	if (n < 0)
		st_fail(db, rc, _("counting sessions"), err);
	return n;
}

int64_t store_session_attendance(lk_db *db, int64_t session_id, lk_err *err)
{
	return count_by_id(db, "SELECT count(*) FROM attendance WHERE session_id = ?", session_id, err);
}

int64_t store_session_run_attendance(lk_db *db, int64_t run_id, lk_err *err)
{
	return count_by_id(db, "SELECT count(*) FROM attendance a JOIN session s ON s.id = a.session_id"
			       " WHERE s.run_id = ?", run_id, err);
}

int64_t store_session_count_planned(lk_db *db, int64_t run_id, lk_err *err)
{
	return count_by_id(db, "SELECT count(*) FROM session WHERE run_id = ? AND status = 'planned'",
		run_id, err);
}

int store_session_list(lk_db *db, int64_t run_id, bool unpaired_only,
	int (*each)(void *, const lk_session *), void *arg, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, SESSION_SELECT " WHERE s.run_id = ?1 AND (?2 = 0 OR"
			   " (s.status <> 'cancelled' AND (" KIND_COUNT("professional") " = 0"
			   "  OR " KIND_COUNT("user_rep") " = 0))) ORDER BY s.seq", &st, err) < 0)
		return -1;
	st_bind_int(st, 1, run_id);
	st_bind_int(st, 2, unpaired_only);
	return stream_sessions(db, st, each, arg, err);
}

int store_session_list_range(lk_db *db, const char *from, const char *to_excl,
	int (*each)(void *, const lk_session *), void *arg, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, SESSION_SELECT " WHERE s.starts_at >= ? AND s.starts_at < ?"
			   " AND r.phase <> 'cancelled' ORDER BY s.starts_at, s.id", &st, err) < 0)
		return -1;
	st_bind_text(st, 1, from);
	st_bind_text(st, 2, to_excl);
	return stream_sessions(db, st, each, arg, err);
}

/* ---- facilitators ---- */

int store_session_facilitator_has(lk_db *db, int64_t session_id, int64_t person_id, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, "SELECT 1 FROM session_facilitator WHERE session_id = ? AND person_id = ?",
			&st, err) < 0)
		return -1;
	st_bind_int(st, 1, session_id);
	st_bind_int(st, 2, person_id);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return 1;
	return rc == SQLITE_DONE ? 0 : st_fail(db, rc, _("reading facilitators"), err);
}

int store_session_facilitator_add(lk_db *db, int64_t session_id, int64_t person_id, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, "INSERT INTO session_facilitator (session_id, person_id) VALUES (?, ?)",
			&st, err) < 0)
		return -1;
	st_bind_int(st, 1, session_id);
	st_bind_int(st, 2, person_id);
	return st_exec_stmt(db, st, _("booking a facilitator"), err);
}

int store_session_facilitator_remove(lk_db *db, int64_t session_id, int64_t person_id,
	lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, "DELETE FROM session_facilitator WHERE session_id = ? AND person_id = ?",
			&st, err) < 0)
		return -1;
	st_bind_int(st, 1, session_id);
	st_bind_int(st, 2, person_id);
	if (st_exec_stmt(db, st, _("removing a facilitator"), err) < 0)
		return -1;
	return st_changes(db) > 0 ? 1 : 0;
}

static void read_person(sqlite3_stmt *st, lk_person *p)
{
	p->id = sqlite3_column_int64(st, 0);
	p->name = st_col_text(st, 1);
	if (person_kind_parse((const char *)sqlite3_column_text(st, 2), &p->kind) < 0)
		p->kind = LK_PROFESSIONAL;
	p->profession = st_col_text(st, 3);
	p->organisation = st_col_text(st, 4);
	p->email = st_col_text(st, 5);
	p->phone = st_col_text(st, 6);
	p->notes = st_col_text(st, 7);
	p->active = sqlite3_column_int(st, 8) != 0;
	p->version = sqlite3_column_int64(st, 9);
}

int store_session_facilitator_list(lk_db *db, int64_t session_id,
	int (*each)(void *, const lk_person *), void *arg, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, "SELECT p.id, p.name, p.kind, p.profession, p.organisation, p.email,"
			   " p.phone, p.notes, p.active, p.version"
			   " FROM session_facilitator f JOIN person p ON p.id = f.person_id"
			   " WHERE f.session_id = ?"
			   " ORDER BY p.kind <> 'professional', p.name COLLATE NOCASE, p.id", &st, err) < 0)
		return -1;
	st_bind_int(st, 1, session_id);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		lk_person p;
		read_person(st, &p);
		int stop = each(arg, &p);
		person_free(&p);
		if (stop)
			break;
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : st_fail(db, rc, _("reading facilitators"), err);
}

int store_session_facilitator_assign_run(lk_db *db, int64_t run_id, int64_t person_id,
	lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, "INSERT OR IGNORE INTO session_facilitator (session_id, person_id)"
			   " SELECT id, ?2 FROM session WHERE run_id = ?1 AND status = 'planned'",
			&st, err) < 0)
		return -1;
	st_bind_int(st, 1, run_id);
	st_bind_int(st, 2, person_id);
	return st_exec_stmt(db, st, _("booking facilitators"), err);
}
