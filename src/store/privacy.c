/* store/privacy.c — the retention rule as SQL, clearing a participant,
 * and compacting the file afterwards. */
#include "store_impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lmskurs/i18n.h"
#include "lmskurs/store/privacy.h"

/* Not purged, in no run that is still going (any enrollment status), and
 * the latest of: registered, signed up / placed / cancelled anywhere, a
 * run of theirs closed. Text stamps compare in time order. */
#define DUE_CTE \
	"WITH due AS (" \
	" SELECT p.id AS id, max(p.created_at, coalesce((" \
	"   SELECT max(max(e.requested_at, coalesce(e.placed_at, ''), coalesce(e.cancelled_at, '')," \
	"                  CASE WHEN r.phase = 'closed' THEN coalesce(r.closed_at, '') ELSE '' END))" \
	"   FROM enrollment e JOIN run r ON r.id = e.run_id WHERE e.participant_id = p.id), '')) AS since" \
	" FROM participant p" \
	" WHERE p.purged_at IS NULL AND NOT EXISTS (SELECT 1 FROM enrollment e JOIN run r ON r.id = e.run_id" \
	"   WHERE e.participant_id = p.id AND r.phase NOT IN ('closed', 'cancelled')))"

/* Their last run: the one closed last, else the latest signed up for. */
#define LAST_RUN \
	"(SELECT r.id FROM enrollment e JOIN run r ON r.id = e.run_id WHERE e.participant_id = d.id" \
	" ORDER BY coalesce(r.closed_at, e.requested_at) DESC, r.id DESC LIMIT 1)"

void purge_item_free(lk_purge_item *it)
{
	if (!it)
		return;
	free(it->since);
	free(it->last_run);
	memset(it, 0, sizeof *it);
}

static char *run_label(const char *course, const char *run)
{
	size_t n = strlen(course) + strlen(run) + 8;
	char *s = malloc(n);
	if (s)
		snprintf(s, n, "%s%s%s", course, *course && *run ? " – " : "", run);
	return s;
}

static void read_item(sqlite3_stmt *st, lk_purge_item *it)
{
	const unsigned char *course = sqlite3_column_text(st, 3), *run = sqlite3_column_text(st, 4);
	it->participant_id = sqlite3_column_int64(st, 0);
	it->since = st_col_text(st, 1);
	it->last_run_id = sqlite3_column_int64(st, 2);
	it->last_run = run_label(course ? (const char *)course : "", run ? (const char *)run : "");
}

ST_STREAM_OF(stream_items, lk_purge_item, read_item, purge_item_free)

int store_privacy_due(lk_db *db, const char *cutoff, lk_page page,
	int (*each)(void *, const lk_purge_item *), void *arg, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, DUE_CTE " SELECT d.id, d.since, coalesce(lr.id, 0), coalesce(c.title, ''),"
			   " coalesce(lr.title, '') FROM due d"
			   " LEFT JOIN run lr ON lr.id = " LAST_RUN
			   " LEFT JOIN course c ON c.id = lr.course_id"
			   " WHERE d.since <= ?1 ORDER BY d.since, d.id LIMIT ?2 OFFSET ?3", &st, err) < 0)
		return -1;
	st_bind_text(st, 1, cutoff);
	st_bind_int(st, 2, page.limit > 0 ? page.limit : -1);
	st_bind_int(st, 3, page.offset);
	return stream_items(db, st, each, arg, _("reading participants due for removal"), err);
}

/* The due list is first copied into a temporary table (in memory:
 * temp_store), so each() may change the participants while it is walked,
 * and the rule is computed once however long the list. */
int store_privacy_due_all(lk_db *db, const char *cutoff,
	int (*each)(void *, const lk_purge_item *), void *arg, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_exec(db, "CREATE TEMP TABLE IF NOT EXISTS privacy_due (n INTEGER PRIMARY KEY,"
			" id INTEGER, since TEXT, run_id INTEGER, course TEXT, run TEXT);"
			" DELETE FROM temp.privacy_due;", err) < 0 ||
	    st_prepare(db, DUE_CTE " INSERT INTO temp.privacy_due (id, since, run_id, course, run)"
			   " SELECT d.id, d.since, coalesce(lr.id, 0), coalesce(c.title, ''), coalesce(lr.title, '')"
			   " FROM due d LEFT JOIN run lr ON lr.id = " LAST_RUN
			   " LEFT JOIN course c ON c.id = lr.course_id"
			   " WHERE d.since <= ?1 ORDER BY d.since, d.id", &st, err) < 0)
		return -1;
	st_bind_text(st, 1, cutoff);
	if (st_exec_stmt(db, st, _("reading participants due for removal"), err) < 0 ||
	    st_prepare(db, "SELECT id, since, run_id, course, run FROM temp.privacy_due ORDER BY n", &st, err) < 0)
		return -1;
	int rc = stream_items(db, st, each, arg, _("reading participants due for removal"), err);
	lk_err ignore;
	st_exec(db, "DELETE FROM temp.privacy_due", &ignore);
	return rc;
}

int64_t store_privacy_due_count(lk_db *db, const char *cutoff, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, DUE_CTE " SELECT count(*) FROM due WHERE since <= ?1", &st, err) < 0)
		return -1;
	st_bind_text(st, 1, cutoff);
	return st_scalar(db, st, _("reading participants due for removal"), err);
}

int store_privacy_clear(lk_db *db, int64_t id, int64_t version, const char *stamp, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, "UPDATE participant SET name = '', phone = '', email = '', birth_year = NULL,"
			   " notes = '', purged_at = ?3, version = version + 1"
			   " WHERE id = ?1 AND (?2 = 0 OR version = ?2) AND purged_at IS NULL", &st, err) < 0)
		return -1;
	st_bind_int(st, 1, id);
	st_bind_int(st, 2, version);
	st_bind_text(st, 3, stamp);
	if (st_exec_stmt(db, st, _("removing a participant's details"), err) < 0)
		return -1;
	return st_check_versioned(db, "SELECT 1 FROM participant WHERE id = ?", id,
		_("The participant"), err);
}

static void read_checkpoint(sqlite3_stmt *st, void *out)
{
	bool *cleared = out;
	/* busy, frames in the WAL, frames checkpointed */
	*cleared = sqlite3_column_int(st, 0) == 0 && sqlite3_column_int(st, 1) <= 0;
}

int store_privacy_compact(lk_db *db, bool *wal_cleared, lk_err *err)
{
	sqlite3_stmt *st;
	*wal_cleared = false;
	if (db->depth > 0)
		return lk_fail(err, LK_EDB, "compacting inside a transaction");
	if (st_exec(db, "VACUUM", err) < 0 ||
	    st_prepare(db, "PRAGMA wal_checkpoint(TRUNCATE)", &st, err) < 0)
		return -1;
	return st_get_row(db, st, read_checkpoint, wal_cleared, _("emptying the write-ahead log"), err) < 0 ? -1 : 0;
}
