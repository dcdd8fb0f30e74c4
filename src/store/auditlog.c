/* store/auditlog.c — reading the audit log: filtered pages and the chain
 * walk. Appending is store_audit_append (user.c). */
#include "store_impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lmskurs/i18n.h"
#include "lmskurs/store/auditlog.h"

#define AUDIT_COLS "a.id, a.at, a.login, a.role, a.action, a.entity, coalesce(a.entity_id, 0), " \
	"a.detail, a.hash"

static void read_entry(sqlite3_stmt *st, lk_audit_entry *e)
{
	e->id = sqlite3_column_int64(st, 0);
	e->at = st_col_text(st, 1);
	e->login = st_col_text(st, 2);
	e->role = st_col_text(st, 3);
	e->action = st_col_text(st, 4);
	e->entity = st_col_text(st, 5);
	e->entity_id = sqlite3_column_int64(st, 6);
	e->detail = st_col_text(st, 7);
	e->hash = st_col_text(st, 8);
}

ST_STREAM_OF(stream_entries, lk_audit_entry, read_entry, audit_entry_free)

/* Entries about participant ?3: the record itself, their enrollments, and
 * attendance marks, whose detail begins "enrollment <id>:" (attendance.c). */
#define ABOUT_PARTICIPANT \
	" (a.entity = 'participant' AND a.entity_id = ?3)" \
	" OR (a.entity = 'enrollment' AND a.entity_id IN" \
	"     (SELECT id FROM enrollment WHERE participant_id = ?3))" \
	" OR (a.entity = 'attendance' AND EXISTS (SELECT 1 FROM enrollment e" \
	"     WHERE e.participant_id = ?3 AND a.detail LIKE 'enrollment ' || e.id || ':%'))"

/* The filter's WHERE clause is fixed; absent criteria bind as "match all". */
#define AUDIT_WHERE \
	" WHERE (?1 IS NULL OR a.at >= ?1) AND (?2 IS NULL OR a.at < ?2)" \
	"   AND (?3 = 0 OR" ABOUT_PARTICIPANT ")" \
	"   AND (?4 IS NULL OR a.action LIKE ?4 ESCAPE '\\' OR a.entity LIKE ?4 ESCAPE '\\'" \
	"        OR a.login LIKE ?4 ESCAPE '\\' OR a.detail LIKE ?4 ESCAPE '\\')"

static int bind_query(sqlite3_stmt *st, const lk_audit_query *q, lk_err *err)
{
	st_bind_text(st, 1, q->from);
	st_bind_text(st, 2, q->before);
	st_bind_int(st, 3, q->participant_id);
	if (!q->text || !q->text[0])
		return 0;
	char *pat = st_like_pattern(q->text);
	if (!pat)
		return lk_fail(err, LK_ENOMEM, _("Out of memory."));
	st_bind_text(st, 4, pat);
	free(pat);
	return 0;
}

int store_audit_list(lk_db *db, const lk_audit_query *q, lk_page page,
	int (*each)(void *, const lk_audit_entry *), void *arg, lk_err *err)
{
	sqlite3_stmt *st;
	int rc = q->oldest_first
		? st_prepare(db, "SELECT " AUDIT_COLS " FROM audit a" AUDIT_WHERE
			" ORDER BY a.id LIMIT ?5 OFFSET ?6", &st, err)
		: st_prepare(db, "SELECT " AUDIT_COLS " FROM audit a" AUDIT_WHERE
			" ORDER BY a.id DESC LIMIT ?5 OFFSET ?6", &st, err);
	if (rc < 0 || bind_query(st, q, err) < 0)
		return -1;
	st_bind_int(st, 5, page.limit > 0 ? page.limit : -1);
	st_bind_int(st, 6, page.offset);
	return stream_entries(db, st, each, arg, _("reading the audit log"), err);
}

int64_t store_audit_count(lk_db *db, const lk_audit_query *q, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, "SELECT count(*) FROM audit a" AUDIT_WHERE, &st, err) < 0 ||
	    bind_query(st, q, err) < 0)
		return -1;
	return st_scalar(db, st, _("reading the audit log"), err);
}

/* ---- the chain ---- */

static void read_head(sqlite3_stmt *st, void *out)
{
	lk_audit_head *h = out;
	h->present = sqlite3_column_int(st, 0) != 0;
	h->first_id = sqlite3_column_int64(st, 1);
	h->last_id = sqlite3_column_int64(st, 2);
	const unsigned char *hash = sqlite3_column_text(st, 3);
	snprintf(h->last_hash, sizeof h->last_hash, "%s", hash ? (const char *)hash : "");
	h->max_id = sqlite3_column_int64(st, 4);
}

static int read_chain_head(lk_db *db, lk_audit_head *head, lk_err *err)
{
	sqlite3_stmt *st;
	memset(head, 0, sizeof *head);
	if (st_prepare(db, "SELECT c.one IS NOT NULL, coalesce(c.first_id, 0), coalesce(c.last_id, 0),"
			   " coalesce(c.last_hash, ''), (SELECT coalesce(max(id), 0) FROM audit)"
			   " FROM (SELECT 1) LEFT JOIN audit_chain c ON c.one = 1", &st, err) < 0)
		return -1;
	return st_get_row(db, st, read_head, head, _("reading the audit log"), err) < 0 ? -1 : 0;
}

static int walk_in_snapshot(lk_db *db, lk_audit_head *head,
	int (*each)(void *, const lk_audit_entry *), void *arg, lk_err *err)
{
	sqlite3_stmt *st;
	if (read_chain_head(db, head, err) < 0 ||
	    st_prepare(db, "SELECT " AUDIT_COLS " FROM audit a ORDER BY a.id", &st, err) < 0)
		return -1;
	return stream_entries(db, st, each, arg, _("reading the audit log"), err);
}

int store_audit_walk(lk_db *db, lk_audit_head *head,
	int (*each)(void *, const lk_audit_entry *), void *arg, lk_err *err)
{
	/* A deferred transaction only reads: writers in other processes go on
	 * (WAL), and the record and the entries are of one moment. */
	bool own = db->depth == 0;
	if (own && st_exec(db, "BEGIN", err) < 0)
		return -1;
	int rc = walk_in_snapshot(db, head, each, arg, err);
	if (own)
		sqlite3_exec(db->h, rc == 0 ? "COMMIT" : "ROLLBACK", NULL, NULL, NULL);
	return rc;
}
