#include "store_impl.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lmskurs/i18n.h"


sqlite3 *st_handle(lk_db *db) { return db->h; }
int64_t st_changes(lk_db *db) { return sqlite3_changes64(db->h); }
int64_t st_last_id(lk_db *db) { return sqlite3_last_insert_rowid(db->h); }
const char *store_path(const lk_db *db) { return db->path; }
int store_tx_depth(const lk_db *db) { return db->depth; }

int st_fail(lk_db *db, int rc, const char *what, lk_err *err)
{
	const char *detail = db && db->h ? sqlite3_errmsg(db->h) : sqlite3_errstr(rc);
	switch (rc & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return lk_fail(err, LK_EBUSY, _("The database is busy: another user is saving. Nothing was changed; try again (%s)."), what);
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		return lk_fail(err, LK_EDB, _("The database file is damaged or not an lmskurs database (%s: %s). Restore it from a backup."), what, detail);
	case SQLITE_FULL:
		return lk_fail(err, LK_EDB, _("The disk is full; nothing was saved (%s)."), what);
	case SQLITE_READONLY:
		return lk_fail(err, LK_EDB, _("The database is read-only for you; nothing was saved (%s)."), what);
	case SQLITE_CONSTRAINT:
		if (strstr(detail, "lmskurs: capacity"))
			return lk_fail(err, LK_ERULE, _("The run is full: no more places than its capacity."));
		return lk_fail(err, LK_EINVAL, _("Refused by the database's rules while %s: %s"), what, detail);
	default:
		return lk_fail(err, LK_EDB, _("Database error while %s: %s"), what, detail);
	}
}

/* A free statement of slot s: an idle one is reset and reused, an empty
 * place is prepared; NULL when all are busy stepping. */
static sqlite3_stmt *slot_take(lk_db *db, struct stmt_slot *s, int *rc)
{
	for (int i = 0; i < LK_STMT_NEST; i++) {
		if (!s->st[i]) {
			*rc = sqlite3_prepare_v3(db->h, s->sql, -1, SQLITE_PREPARE_PERSISTENT, &s->st[i], NULL);
			return *rc == SQLITE_OK ? s->st[i] : NULL;
		}
		if (!sqlite3_stmt_busy(s->st[i])) {
			sqlite3_reset(s->st[i]);
			sqlite3_clear_bindings(s->st[i]);
			return s->st[i];
		}
	}
	*rc = SQLITE_MISUSE;
	return NULL;
}

static struct stmt_slot *slot_for(lk_db *db, const char *sql)
{
	size_t start = ((uintptr_t)sql >> 3) % LK_STMT_CACHE;
	for (size_t i = 0; i < LK_STMT_CACHE; i++) {
		struct stmt_slot *s = &db->cache[(start + i) % LK_STMT_CACHE];
		if (s->sql == sql || !s->sql) {
			s->sql = sql;
			return s;
		}
	}
	return NULL;
}

int st_prepare(lk_db *db, const char *sql, sqlite3_stmt **out, lk_err *err)
{
	struct stmt_slot *s = slot_for(db, sql);
	if (!s)
		return lk_fail(err, LK_EDB, "statement cache full (%d); raise LK_STMT_CACHE", LK_STMT_CACHE);
	int rc = SQLITE_OK;
	*out = slot_take(db, s, &rc);
	if (*out)
		return 0;
	if (rc == SQLITE_MISUSE)
		return lk_fail(err, LK_EDB, "the same query is nested more than %d deep", LK_STMT_NEST);
	return st_fail(db, rc, _("preparing a query"), err);
}

int st_exec_stmt(lk_db *db, sqlite3_stmt *st, const char *what, lk_err *err)
{
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return st_fail(db, rc, what, err);
	return 0;
}

void st_bind_text(sqlite3_stmt *st, int i, const char *s)
{
	if (s)
		sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, i);
}

void st_bind_int(sqlite3_stmt *st, int i, int64_t v) { sqlite3_bind_int64(st, i, v); }

void st_bind_opt_int(sqlite3_stmt *st, int i, int64_t v, int is_null)
{
	if (is_null)
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_int64(st, i, v);
}

void st_bind_ints(sqlite3_stmt *st, int64_t a, int64_t b)
{
	sqlite3_bind_int64(st, 1, a);
	if (sqlite3_bind_parameter_count(st) >= 2)
		sqlite3_bind_int64(st, 2, b);
}

char *st_col_text(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	return strdup(t ? (const char *)t : "");
}

char *st_col_text_or_null(sqlite3_stmt *st, int i)
{
	if (sqlite3_column_type(st, i) == SQLITE_NULL)
		return NULL;
	return st_col_text(st, i);
}

int st_exec(lk_db *db, const char *sql, lk_err *err)
{
	char *msg = NULL;
	int rc = sqlite3_exec(db->h, sql, NULL, NULL, &msg);
	sqlite3_free(msg);
	if (rc != SQLITE_OK)
		return st_fail(db, rc, _("running a database command"), err);
	return 0;
}

int st_check_versioned(lk_db *db, const char *exists_sql, int64_t id, const char *what, lk_err *err)
{
	if (sqlite3_changes64(db->h) == 1)
		return 0;
	sqlite3_stmt *st;
	if (st_prepare(db, exists_sql, &st, err) < 0)
		return -1;
	st_bind_int(st, 1, id);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return lk_fail(err, LK_ECONFLICT, _("%s was changed by someone else meanwhile; nothing was overwritten. Open it again to see their change."), what);
	if (rc == SQLITE_DONE)
		return lk_fail(err, LK_ENOTFOUND, _("%s no longer exists (deleted by someone else?)."), what);
	return st_fail(db, rc, _("checking whether a record was changed"), err);
}

/* ---- reading rows ---- */

int st_get_row(lk_db *db, sqlite3_stmt *st, void (*read)(sqlite3_stmt *st, void *out), void *out,
	const char *what, lk_err *err)
{
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && read)
		read(st, out);
	sqlite3_reset(st);
	if (rc == SQLITE_ROW || rc == SQLITE_DONE)
		return rc == SQLITE_ROW;
	return st_fail(db, rc, what, err);
}

int st_get_one(lk_db *db, const char *sql, int64_t id, void (*read)(sqlite3_stmt *st, void *out),
	void *out, const char *what, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, sql, &st, err) < 0)
		return -1;
	st_bind_int(st, 1, id);
	return st_get_row(db, st, read, out, what, err);
}

void st_read_int64(sqlite3_stmt *st, void *out) { *(int64_t *)out = sqlite3_column_int64(st, 0); }

int64_t st_scalar(lk_db *db, sqlite3_stmt *st, const char *what, lk_err *err)
{
	int rc = sqlite3_step(st);
	int64_t n = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		st_fail(db, rc, what, err);
	return n;
}

int64_t st_scalar_id(lk_db *db, const char *sql, int64_t id, const char *what, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, sql, &st, err) < 0)
		return -1;
	st_bind_int(st, 1, id);
	return st_scalar(db, st, what, err);
}

int st_exec_ints(lk_db *db, const char *sql, int64_t a, int64_t b, const char *what, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, sql, &st, err) < 0)
		return -1;
	st_bind_ints(st, a, b);
	return st_exec_stmt(db, st, what, err);
}

int st_stream(lk_db *db, sqlite3_stmt *st, int (*row)(sqlite3_stmt *st, void *arg), void *arg,
	const char *what, lk_err *err)
{
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (row(st, arg))
			break;
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : st_fail(db, rc, what, err);
}

/* ---- transactions ---- */

int store_begin(lk_db *db, lk_err *err)
{
	const char *sql = db->depth == 0 ? "BEGIN IMMEDIATE" : "SAVEPOINT lk";
	if (db->aborted)
		return lk_fail(err, LK_EDB, _("The database ended the transaction after an error; nothing was saved."));
	if (st_exec(db, sql, err) < 0)
		return -1;
	db->depth++;
	return 0;
}

/* SQLite rolls the whole transaction back by itself after some errors (disk
 * full, I/O). From then on no level may commit: each level only counts down. */
static bool rolled_back_by_sqlite(lk_db *db)
{
	if (db->depth > 0 && sqlite3_get_autocommit(db->h))
		db->aborted = true;
	return db->aborted;
}

static void level_done(lk_db *db)
{
	if (--db->depth == 0)
		db->aborted = false;
}

int store_commit(lk_db *db, lk_err *err)
{
	if (db->depth <= 0)
		return lk_fail(err, LK_EDB, "commit without a transaction");
	if (rolled_back_by_sqlite(db)) {
		level_done(db);
		return lk_fail(err, LK_EDB, _("The database ended the transaction after an error; nothing was saved."));
	}
	const char *sql = db->depth == 1 ? "COMMIT" : "RELEASE lk";
	if (st_exec(db, sql, err) < 0) {
		store_rollback(db);
		return -1;
	}
	level_done(db);
	return 0;
}

void store_rollback(lk_db *db)
{
	if (!db || db->depth <= 0)
		return;
	if (!rolled_back_by_sqlite(db)) {
		if (db->depth == 1)
			sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
		else
			sqlite3_exec(db->h, "ROLLBACK TO lk; RELEASE lk", NULL, NULL, NULL);
	}
	level_done(db);
}

char *st_like_pattern(const char *text)
{
	size_t n = text ? strlen(text) : 0;
	char *p = malloc(2 * n + 3), *o = p;
	if (!p)
		return NULL;
	*o++ = '%';
	for (size_t i = 0; i < n; i++) {
		if (text[i] == '%' || text[i] == '_' || text[i] == '\\')
			*o++ = '\\';
		*o++ = text[i];
	}
	*o++ = '%';
	*o = '\0';
	return p;
}
