#include "store_impl.h"

#include <stdlib.h>

#include "lmskurs/i18n.h"
#include "lmskurs/store/person.h"

void st_read_person_head(sqlite3_stmt *st, int c, lk_person *p)
{
	*p = (lk_person){.id = sqlite3_column_int64(st, c), .name = st_col_text(st, c + 1)};
	if (person_kind_parse((const char *)sqlite3_column_text(st, c + 2), &p->kind) < 0)
		p->kind = LK_PROFESSIONAL;
	p->profession = st_col_text(st, c + 3);
	p->organisation = st_col_text(st, c + 4);
}

void st_read_person(sqlite3_stmt *st, int c, lk_person *p)
{
	st_read_person_head(st, c, p);
	p->email = st_col_text(st, c + 5);
	p->phone = st_col_text(st, c + 6);
	p->notes = st_col_text(st, c + 7);
	p->active = sqlite3_column_int(st, c + 8) != 0;
	p->version = sqlite3_column_int64(st, c + 9);
}

static void read_person(sqlite3_stmt *st, void *p) { st_read_person(st, 0, p); }

ST_STREAM_OF(stream_people, lk_person, read_person, person_free)

static void bind_fields(sqlite3_stmt *st, const lk_person *p)
{
	st_bind_text(st, 1, p->name);
	st_bind_text(st, 2, person_kind_code(p->kind));
	st_bind_text(st, 3, p->profession ? p->profession : "");
	st_bind_text(st, 4, p->organisation ? p->organisation : "");
	st_bind_text(st, 5, p->email ? p->email : "");
	st_bind_text(st, 6, p->phone ? p->phone : "");
	st_bind_text(st, 7, p->notes ? p->notes : "");
	st_bind_int(st, 8, p->active);
}

int store_person_insert(lk_db *db, lk_person *p, const char *stamp, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, "INSERT INTO person (name, kind, profession, organisation, email, phone, "
			   "notes, active, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", &st, err) < 0)
		return -1;
	bind_fields(st, p);
	st_bind_text(st, 9, stamp);
	if (st_exec_stmt(db, st, _("saving a person"), err) < 0)
		return -1;
	p->id = st_last_id(db);
	p->version = 1;
	return 0;
}

int store_person_get(lk_db *db, int64_t id, lk_person *out, lk_err *err)
{
	return st_get_one(db, "SELECT " ST_PERSON_COLS("") " FROM person WHERE id = ?", id, read_person,
		out, _("reading a person"), err);
}

int store_person_update(lk_db *db, lk_person *p, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, "UPDATE person SET name = ?, kind = ?, profession = ?, organisation = ?, "
			   "email = ?, phone = ?, notes = ?, active = ?, version = version + 1 "
			   "WHERE id = ? AND version = ?", &st, err) < 0)
		return -1;
	bind_fields(st, p);
	st_bind_int(st, 9, p->id);
	st_bind_int(st, 10, p->version);
	if (st_exec_stmt(db, st, _("saving a person"), err) < 0 ||
	    st_check_versioned(db, "SELECT 1 FROM person WHERE id = ?", p->id, _("The person"), err) < 0)
		return -1;
	p->version++;
	return 0;
}

int store_person_delete(lk_db *db, int64_t id, int64_t version, lk_err *err)
{
	if (st_exec_ints(db, "DELETE FROM person WHERE id = ? AND version = ?", id, version,
		    _("deleting a person"), err) < 0)
		return -1;
	return st_check_versioned(db, "SELECT 1 FROM person WHERE id = ?", id, _("The person"), err);
}

/* The filter's WHERE clause is fixed; absent criteria bind as "match all". */
#define PERSON_WHERE \
	" WHERE (?1 = '%' OR name LIKE ?1 ESCAPE '\\' OR profession LIKE ?1 ESCAPE '\\'" \
	"        OR organisation LIKE ?1 ESCAPE '\\')" \
	"   AND (?2 IS NULL OR kind = ?2) AND (?3 OR active = 1)"

static int bind_filter(sqlite3_stmt *st, const lk_person_filter *f, lk_err *err)
{
	char *pat = st_like_pattern(f ? f->text : NULL);
	if (!pat)
		return lk_fail(err, LK_ENOMEM, _("Out of memory."));
	st_bind_text(st, 1, pat);
	free(pat);
	st_bind_text(st, 2, f && f->kind >= 0 ? person_kind_code((lk_person_kind)f->kind) : NULL);
	st_bind_int(st, 3, f && f->include_inactive);
	return 0;
}

int store_person_list(lk_db *db, const lk_person_filter *f, lk_page page,
	int (*each)(void *, const lk_person *), void *arg, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, "SELECT " ST_PERSON_COLS("") " FROM person" PERSON_WHERE
			   " ORDER BY name COLLATE NOCASE, id LIMIT ?4 OFFSET ?5", &st, err) < 0 ||
	    bind_filter(st, f, err) < 0)
		return -1;
	st_bind_int(st, 4, page.limit > 0 ? page.limit : -1);
	st_bind_int(st, 5, page.offset);
	return stream_people(db, st, each, arg, _("reading people"), err);
}

int64_t store_person_count(lk_db *db, const lk_person_filter *f, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, "SELECT count(*) FROM person" PERSON_WHERE, &st, err) < 0 ||
	    bind_filter(st, f, err) < 0)
		return -1;
	return st_scalar(db, st, _("counting people"), err);
}

int store_person_usage(lk_db *db, int64_t id, const char *now_iso, lk_person_usage *out, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db,
		"SELECT (SELECT count(*) FROM session_facilitator WHERE person_id = ?1),"
		"       (SELECT count(*) FROM session_facilitator f JOIN session s ON s.id = f.session_id"
		"         WHERE f.person_id = ?1 AND s.starts_at >= ?2 AND s.status <> 'cancelled'),"
		"       (SELECT count(*) FROM planning_member WHERE person_id = ?1),"
		"       (SELECT count(*) FROM meeting_attendee WHERE person_id = ?1),"
		"       (SELECT count(*) FROM course WHERE owner_id = ?1),"
		"       (SELECT count(*) FROM app_user WHERE person_id = ?1)", &st, err) < 0)
		return -1;
	st_bind_int(st, 1, id);
	st_bind_text(st, 2, now_iso);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		out->sessions = sqlite3_column_int64(st, 0);
		out->future_sessions = sqlite3_column_int64(st, 1);
		out->planning_groups = sqlite3_column_int64(st, 2);
		out->meetings = sqlite3_column_int64(st, 3);
		out->owned_courses = sqlite3_column_int64(st, 4);
		out->logins = sqlite3_column_int64(st, 5);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 0 : st_fail(db, rc, _("reading bookings"), err);
}
