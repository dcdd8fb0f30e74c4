/*
 * store_impl.h — private to src/store: the sqlite3 handle, a statement
 * cache keyed by the SQL text's address, and helpers that turn sqlite
 * result codes into lk_err messages.
 */
#ifndef LMSKURS_STORE_IMPL_H
#define LMSKURS_STORE_IMPL_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stdint.h>
#include "lmskurs/store.h"

/* Returns a prepared statement for sql (which must be a string literal or
 * otherwise live as long as db), reset and with bindings cleared. The
 * statement is cached and owned by db: do not finalize it. A statement of
 * the same SQL that is still being stepped is never handed out again; up
 * to LK_STMT_NEST nested uses get their own. */
int st_prepare(lk_db *db, const char *sql, sqlite3_stmt **out, lk_err *err);

/* Fills err from the connection's last error; returns -1. what names the
 * operation for the message ("reading courses"). */
int st_fail(lk_db *db, int rc, const char *what, lk_err *err);

/* Steps a statement that returns no rows; resets it. */
int st_exec_stmt(lk_db *db, sqlite3_stmt *st, const char *what, lk_err *err);

/* Binds text (NULL binds NULL), an int64 (or NULL if is_null). 1-based. */
void st_bind_text(sqlite3_stmt *st, int i, const char *s);
void st_bind_int(sqlite3_stmt *st, int i, int64_t v);
void st_bind_opt_int(sqlite3_stmt *st, int i, int64_t v, int is_null);

/* A newly allocated copy of column i ("" for NULL); NULL only when out of
 * memory. */
char *st_col_text(sqlite3_stmt *st, int i);
/* A newly allocated copy of column i, or NULL for SQL NULL. */
char *st_col_text_or_null(sqlite3_stmt *st, int i);

/* Executes plain SQL without parameters (pragmas, migrations). */
int st_exec(lk_db *db, const char *sql, lk_err *err);

/* After an UPDATE/DELETE guarded by id and version: 0 when one row changed;
 * otherwise LK_ENOTFOUND if no row with that id exists in table, else
 * LK_ECONFLICT ("changed by someone else meanwhile"). what names the record
 * for the message. */
int st_check_versioned(lk_db *db, const char *exists_sql, int64_t id, const char *what, lk_err *err);

enum { LK_STMT_CACHE = 1024, LK_STMT_NEST = 4 };

/* One SQL text may be stepped by nested calls (a list whose callback calls
 * the same list), so each slot holds a few statements for it. */
struct stmt_slot {
	const char *sql;
	sqlite3_stmt *st[LK_STMT_NEST];
};

struct lk_db {
	sqlite3 *h;
	char *path;
	int depth; /* transaction nesting: 0 none, 1 BEGIN, >1 savepoints */
	bool aborted; /* SQLite rolled the whole transaction back by itself */
	struct stmt_slot cache[LK_STMT_CACHE];
};

sqlite3 *st_handle(lk_db *db);
int64_t st_changes(lk_db *db);
int64_t st_last_id(lk_db *db);

/* "%text%" with LIKE's wildcards in text escaped by '\'; NULL/empty text
 * gives "%". Newly allocated; caller frees. Use with ESCAPE '\'. */
char *st_like_pattern(const char *text);
#endif
