#include "store_impl.h"

#include "lmskurs/i18n.h"
#include "lmskurs/store/enroll_export.h"

static void read_contact(sqlite3_stmt *st, lk_enroll_contact *c)
{
	c->enrollment_id = sqlite3_column_int64(st, 0);
	c->participant_id = sqlite3_column_int64(st, 1);
	c->name = (const char *)sqlite3_column_text(st, 2);
	c->phone = (const char *)sqlite3_column_text(st, 3);
	c->email = (const char *)sqlite3_column_text(st, 4);
	enroll_category_parse((const char *)sqlite3_column_text(st, 5), &c->category);
	enroll_status_parse((const char *)sqlite3_column_text(st, 6), &c->status);
	c->waitlist_pos = sqlite3_column_int(st, 7);
}

int store_enroll_contacts(lk_db *db, int64_t run_id,
	int (*each)(void *, const lk_enroll_contact *), void *arg, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, "SELECT e.id, e.participant_id, p.name, p.phone, p.email, e.category,"
			   " e.status, CASE WHEN e.status = 'waitlisted' THEN (SELECT count(*) FROM enrollment w"
			   "  WHERE w.run_id = e.run_id AND w.status = 'waitlisted' AND (w.requested_at < e.requested_at"
			   "  OR (w.requested_at = e.requested_at AND w.id <= e.id))) ELSE 0 END"
			   " FROM enrollment e JOIN participant p ON p.id = e.participant_id"
			   " WHERE e.run_id = ?1 AND p.purged_at IS NULL"
			   " ORDER BY CASE e.status WHEN 'registered' THEN 0 WHEN 'waitlisted' THEN 1 ELSE 2 END,"
			   " CASE WHEN e.status = 'waitlisted' THEN '' ELSE p.name END COLLATE NOCASE,"
			   " e.requested_at, e.id", &st, err) < 0)
		return -1;
	st_bind_int(st, 1, run_id);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		lk_enroll_contact c;
		read_contact(st, &c);
		if (!c.name || !c.phone || !c.email) {
			rc = SQLITE_NOMEM;
			break;
		}
		if (each(arg, &c))
			break;
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : st_fail(db, rc, _("reading enrollments"), err);
}
