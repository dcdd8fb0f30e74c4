/* SQL for meetings, attendees and decisions. */
#include "store_impl.h"

#include <stdlib.h>

#include "lmskurs/i18n.h"
#include "lmskurs/store/meeting.h"

static const char *nz(const char *s) { return s ? s : ""; }

/* ---- meetings ---- */

#define MEETING_COLS                                                                       \
	"m.id, m.course_id, m.run_id, m.kind, m.starts_at, m.ends_at, m.place, m.notes,"    \
	" m.version, (SELECT count(*) FROM meeting_attendee a WHERE a.meeting_id = m.id),"  \
	" (SELECT count(*) FROM decision d WHERE d.meeting_id = m.id)"

static void read_meeting(sqlite3_stmt *st, void *row)
{
	lk_meeting *m = row;
	m->id = sqlite3_column_int64(st, 0);
	m->course_id = sqlite3_column_int64(st, 1);
	m->run_id = sqlite3_column_int64(st, 2);
	meeting_kind_parse((const char *)sqlite3_column_text(st, 3), &m->kind);
	m->starts_at = st_col_text(st, 4);
	m->ends_at = st_col_text(st, 5);
	m->place = st_col_text(st, 6);
	m->notes = st_col_text(st, 7);
	m->version = sqlite3_column_int64(st, 8);
	m->n_attendees = sqlite3_column_int64(st, 9);
	m->n_decisions = sqlite3_column_int64(st, 10);
}

/* Binds run, kind, times, place, notes as ?1..?6. */
static void bind_meeting(sqlite3_stmt *st, const lk_meeting *m)
{
	st_bind_opt_int(st, 1, m->run_id, m->run_id == 0);
	st_bind_text(st, 2, meeting_kind_code(m->kind));
	st_bind_text(st, 3, m->starts_at);
	st_bind_text(st, 4, m->ends_at);
	st_bind_text(st, 5, nz(m->place));
	st_bind_text(st, 6, nz(m->notes));
}

int store_meeting_insert(lk_db *db, lk_meeting *m, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, "INSERT INTO meeting (run_id, kind, starts_at, ends_at, place, notes,"
			   " course_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", &st, err) < 0)
		return -1;
	bind_meeting(st, m);
	st_bind_int(st, 7, m->course_id);
	if (st_exec_stmt(db, st, _("saving a meeting"), err) < 0)
		return -1;
	m->id = st_last_id(db);
	m->version = 1;
	return 0;
}

int store_meeting_get(lk_db *db, int64_t id, lk_meeting *out, lk_err *err)
{
	return st_get_one(db, "SELECT " MEETING_COLS " FROM meeting m WHERE m.id = ?", id, read_meeting,
		out, _("reading a meeting"), err);
}

int store_meeting_update(lk_db *db, lk_meeting *m, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, "UPDATE meeting SET run_id = ?1, kind = ?2, starts_at = ?3, ends_at = ?4,"
			   " place = ?5, notes = ?6, version = version + 1"
			   " WHERE id = ?7 AND version = ?8", &st, err) < 0)
		return -1;
	bind_meeting(st, m);
	st_bind_int(st, 7, m->id);
	st_bind_int(st, 8, m->version);
	if (st_exec_stmt(db, st, _("saving a meeting"), err) < 0 ||
	    st_check_versioned(db, "SELECT 1 FROM meeting WHERE id = ?", m->id, _("The meeting"), err) < 0)
		return -1;
	m->version++;
	return 0;
}

int store_meeting_delete(lk_db *db, int64_t id, int64_t version, lk_err *err)
{
	if (st_exec_ints(db, "DELETE FROM meeting WHERE id = ? AND version = ?", id, version,
		    _("deleting a meeting"), err) < 0)
		return -1;
	return st_check_versioned(db, "SELECT 1 FROM meeting WHERE id = ?", id, _("The meeting"), err);
}

#define MEETING_WHERE " WHERE m.course_id = ?1 AND (?2 IS NULL OR m.kind = ?2)"

static void bind_meeting_filter(sqlite3_stmt *st, int64_t course_id, int kind)
{
	st_bind_int(st, 1, course_id);
	st_bind_text(st, 2, kind >= 0 ? meeting_kind_code((lk_meeting_kind)kind) : NULL);
}

ST_STREAM_OF(stream_meetings, lk_meeting, read_meeting, meeting_free)

int store_meeting_list(lk_db *db, int64_t course_id, int kind, lk_page page,
	int (*each)(void *, const lk_meeting *), void *arg, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, "SELECT " MEETING_COLS " FROM meeting m" MEETING_WHERE
			   " ORDER BY m.starts_at DESC, m.id DESC LIMIT ?3 OFFSET ?4", &st, err) < 0)
		return -1;
	bind_meeting_filter(st, course_id, kind);
	st_bind_int(st, 3, page.limit > 0 ? page.limit : -1);
	st_bind_int(st, 4, page.offset);
	return stream_meetings(db, st, each, arg, _("reading meetings"), err);
}

int64_t store_meeting_count(lk_db *db, int64_t course_id, int kind, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, "SELECT count(*) FROM meeting m" MEETING_WHERE, &st, err) < 0)
		return -1;
	bind_meeting_filter(st, course_id, kind);
	return st_scalar(db, st, _("counting meetings"), err);
}

int64_t store_meeting_count_for_run(lk_db *db, int64_t run_id, int kind, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, "SELECT count(*) FROM meeting WHERE run_id = ?1"
			   " AND (?2 IS NULL OR kind = ?2)", &st, err) < 0)
		return -1;
	st_bind_int(st, 1, run_id);
	st_bind_text(st, 2, kind >= 0 ? meeting_kind_code((lk_meeting_kind)kind) : NULL);
	return st_scalar(db, st, _("counting meetings"), err);
}

int store_meeting_run_course(lk_db *db, int64_t run_id, int64_t *course_id, lk_err *err)
{
	return st_get_one(db, "SELECT course_id FROM run WHERE id = ?", run_id, st_read_int64, course_id,
		_("reading a run"), err);
}

/* ---- attendees ---- */

int store_attendee_exists(lk_db *db, int64_t meeting_id, int64_t person_id, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, "SELECT count(*) FROM meeting_attendee WHERE meeting_id = ? AND person_id = ?",
		    &st, err) < 0)
		return -1;
	st_bind_int(st, 1, meeting_id);
	st_bind_int(st, 2, person_id);
	int64_t n = st_scalar(db, st, _("reading a meeting's attendees"), err);
	return n < 0 ? -1 : n > 0;
}

int store_attendee_insert(lk_db *db, int64_t meeting_id, int64_t person_id, bool in_person,
	lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, "INSERT INTO meeting_attendee (meeting_id, person_id, in_person)"
			   " VALUES (?, ?, ?)", &st, err) < 0)
		return -1;
	st_bind_int(st, 1, meeting_id);
	st_bind_int(st, 2, person_id);
	st_bind_int(st, 3, in_person);
	return st_exec_stmt(db, st, _("saving a meeting's attendees"), err);
}

int store_attendee_set(lk_db *db, int64_t meeting_id, int64_t person_id, bool in_person,
	lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, "UPDATE meeting_attendee SET in_person = ?3"
			   " WHERE meeting_id = ?1 AND person_id = ?2", &st, err) < 0)
		return -1;
	st_bind_int(st, 1, meeting_id);
	st_bind_int(st, 2, person_id);
	st_bind_int(st, 3, in_person);
	if (st_exec_stmt(db, st, _("saving a meeting's attendees"), err) < 0)
		return -1;
	return st_changes(db) > 0;
}

int store_attendee_delete(lk_db *db, int64_t meeting_id, int64_t person_id, lk_err *err)
{
	if (st_exec_ints(db, "DELETE FROM meeting_attendee WHERE meeting_id = ? AND person_id = ?",
		    meeting_id, person_id, _("saving a meeting's attendees"), err) < 0)
		return -1;
	return st_changes(db) > 0;
}

static void read_attendee(sqlite3_stmt *st, lk_attendee *a)
{
	lk_person p;
	st_read_person_head(st, 0, &p);
	*a = (lk_attendee){.person_id = p.id, .name = p.name, .kind = p.kind,
		.profession = p.profession, .organisation = p.organisation,
		.in_person = sqlite3_column_int(st, 5) != 0};
}

ST_STREAM_OF(stream_attendees, lk_attendee, read_attendee, meeting_attendee_free)

int store_attendee_list(lk_db *db, int64_t meeting_id,
	int (*each)(void *, const lk_attendee *), void *arg, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, "SELECT p.id, p.name, p.kind, p.profession, p.organisation, a.in_person"
			   " FROM meeting_attendee a JOIN person p ON p.id = a.person_id"
			   " WHERE a.meeting_id = ? ORDER BY p.kind <> 'professional',"
			   " p.name COLLATE NOCASE, p.id", &st, err) < 0)
		return -1;
	st_bind_int(st, 1, meeting_id);
	return stream_attendees(db, st, each, arg, _("reading a meeting's attendees"), err);
}

/* ---- decisions ---- */

static void read_decision(sqlite3_stmt *st, void *row)
{
	lk_decision *d = row;
	d->id = sqlite3_column_int64(st, 0);
	d->meeting_id = sqlite3_column_int64(st, 1);
	d->text = st_col_text(st, 2);
	d->version = sqlite3_column_int64(st, 3);
}

int store_decision_insert(lk_db *db, lk_decision *d, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, "INSERT INTO decision (meeting_id, text) VALUES (?, ?)", &st, err) < 0)
		return -1;
	st_bind_int(st, 1, d->meeting_id);
	st_bind_text(st, 2, d->text);
	if (st_exec_stmt(db, st, _("saving a decision"), err) < 0)
		return -1;
	d->id = st_last_id(db);
	d->version = 1;
	return 0;
}

int store_decision_get(lk_db *db, int64_t id, lk_decision *out, lk_err *err)
{
	return st_get_one(db, "SELECT id, meeting_id, text, version FROM decision WHERE id = ?", id,
		read_decision, out, _("reading a decision"), err);
}

int store_decision_update(lk_db *db, lk_decision *d, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, "UPDATE decision SET text = ?, version = version + 1"
			   " WHERE id = ? AND version = ?", &st, err) < 0)
		return -1;
	st_bind_text(st, 1, d->text);
	st_bind_int(st, 2, d->id);
	st_bind_int(st, 3, d->version);
	if (st_exec_stmt(db, st, _("saving a decision"), err) < 0 ||
	    st_check_versioned(db, "SELECT 1 FROM decision WHERE id = ?", d->id, _("The decision"), err) < 0)
		return -1;
	d->version++;
	return 0;
}

int store_decision_delete(lk_db *db, int64_t id, int64_t version, lk_err *err)
{
	if (st_exec_ints(db, "DELETE FROM decision WHERE id = ? AND version = ?", id, version,
		    _("deleting a decision"), err) < 0)
		return -1;
	return st_check_versioned(db, "SELECT 1 FROM decision WHERE id = ?", id, _("The decision"), err);
}

ST_STREAM_OF(stream_decisions, lk_decision, read_decision, meeting_decision_free)

int store_decision_list(lk_db *db, int64_t meeting_id,
	int (*each)(void *, const lk_decision *), void *arg, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, "SELECT id, meeting_id, text, version FROM decision WHERE meeting_id = ?"
			   " ORDER BY id", &st, err) < 0)
		return -1;
	st_bind_int(st, 1, meeting_id);
	return stream_decisions(db, st, each, arg, _("reading decisions"), err);
}

int store_decision_course(lk_db *db, int64_t decision_id, int64_t *course_id, lk_err *err)
{
	return st_get_one(db, "SELECT m.course_id FROM decision d JOIN meeting m ON m.id = d.meeting_id"
			      " WHERE d.id = ?", decision_id, st_read_int64, course_id,
		_("reading a decision"), err);
}
