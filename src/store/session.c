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

static void read_session(sqlite3_stmt *st, void *row)
{
	lk_session *s = row;
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
ST_STREAM_OF(stream_sessions, lk_session, read_session, session_free)

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
	return st_exec_ints(db, "DELETE FROM session WHERE run_id = ? AND seq > ?", run_id, seq,
		_("deleting sessions"), err);
}

/* Two steps, because SQLite checks UNIQUE (run_id, seq) row by row: first
 * out of the way, then down by one. */
int store_session_renumber(lk_db *db, int64_t run_id, int seq, lk_err *err)
{
	if (st_exec_ints(db, "UPDATE session SET seq = seq + 1000000 WHERE run_id = ? AND seq > ?",
		    run_id, seq, _("renumbering sessions"), err) < 0)
		return -1;
	return st_exec_ints(db, "UPDATE session SET seq = seq - 1000001 WHERE run_id = ? AND seq > 1000000",
		run_id, 0, _("renumbering sessions"), err);
}

int store_session_get(lk_db *db, int64_t id, lk_session *out, lk_err *err)
{
	return st_get_one(db, SESSION_SELECT " WHERE s.id = ?", id, read_session, out,
		_("reading a session"), err);
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
	if (st_exec_ints(db, "DELETE FROM session WHERE id = ? AND version = ?", id, version,
		    _("deleting a session"), err) < 0)
		return -1;
	return st_check_versioned(db, "SELECT 1 FROM session WHERE id = ?", id, _("The session"), err);
}

int64_t store_session_attendance(lk_db *db, int64_t session_id, lk_err *err)
{
	return st_scalar_id(db, "SELECT count(*) FROM attendance WHERE session_id = ?", session_id,
		_("counting sessions"), err);
}

int64_t store_session_run_attendance(lk_db *db, int64_t run_id, lk_err *err)
{
	return st_scalar_id(db, "SELECT count(*) FROM attendance a JOIN session s ON s.id = a.session_id"
				" WHERE s.run_id = ?", run_id, _("counting sessions"), err);
}

int64_t store_session_count_planned(lk_db *db, int64_t run_id, lk_err *err)
{
	return st_scalar_id(db, "SELECT count(*) FROM session WHERE run_id = ? AND status = 'planned'",
		run_id, _("counting sessions"), err);
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
	return stream_sessions(db, st, each, arg, _("reading sessions"), err);
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
	return stream_sessions(db, st, each, arg, _("reading sessions"), err);
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
	return st_get_row(db, st, NULL, NULL, _("reading facilitators"), err);
}

int store_session_facilitator_add(lk_db *db, int64_t session_id, int64_t person_id, lk_err *err)
{
	return st_exec_ints(db, "INSERT INTO session_facilitator (session_id, person_id) VALUES (?, ?)",
		session_id, person_id, _("booking a facilitator"), err);
}

int store_session_facilitator_remove(lk_db *db, int64_t session_id, int64_t person_id,
	lk_err *err)
{
	if (st_exec_ints(db, "DELETE FROM session_facilitator WHERE session_id = ? AND person_id = ?",
		    session_id, person_id, _("removing a facilitator"), err) < 0)
		return -1;
	return st_changes(db) > 0 ? 1 : 0;
}

static void read_person(sqlite3_stmt *st, lk_person *p) { st_read_person(st, 0, p); }

ST_STREAM_OF(stream_people, lk_person, read_person, person_free)

int store_session_facilitator_list(lk_db *db, int64_t session_id,
	int (*each)(void *, const lk_person *), void *arg, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, "SELECT " ST_PERSON_COLS("p.")
			   " FROM session_facilitator f JOIN person p ON p.id = f.person_id"
			   " WHERE f.session_id = ?"
			   " ORDER BY p.kind <> 'professional', p.name COLLATE NOCASE, p.id", &st, err) < 0)
		return -1;
	st_bind_int(st, 1, session_id);
	return stream_people(db, st, each, arg, _("reading facilitators"), err);
}

int store_session_facilitator_assign_run(lk_db *db, int64_t run_id, int64_t person_id,
	lk_err *err)
{
	return st_exec_ints(db, "INSERT OR IGNORE INTO session_facilitator (session_id, person_id)"
			       " SELECT id, ?2 FROM session WHERE run_id = ?1 AND status = 'planned'",
		run_id, person_id, _("booking facilitators"), err);
}
