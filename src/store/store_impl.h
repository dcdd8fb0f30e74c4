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
#include "lmskurs/person.h"
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
/* Binds ?1 to a and, when the statement has a second parameter, ?2 to b. */
void st_bind_ints(sqlite3_stmt *st, int64_t a, int64_t b);

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

/* ---- reading rows ---- */

/* Steps a bound statement that gives at most one row, then resets it.
 * With a row, read(st, out) fills out (read NULL: only whether there is
 * one). 1 row, 0 none, -1 error (err filled; what names the read for the
 * message, e.g. _("reading a course")). */
int st_get_row(lk_db *db, sqlite3_stmt *st, void (*read)(sqlite3_stmt *st, void *out), void *out,
	const char *what, lk_err *err);

/* st_get_row for sql (as for st_prepare) with its one parameter bound to
 * id: "get one row by id", or with read NULL "does it exist". */
int st_get_one(lk_db *db, const char *sql, int64_t id, void (*read)(sqlite3_stmt *st, void *out),
	void *out, const char *what, lk_err *err);

/* A read for st_get_row/st_get_one: column 0 into the int64_t out points to. */
void st_read_int64(sqlite3_stmt *st, void *out);

/* Steps a bound statement and returns its first column as an integer, then
 * resets it: for count(*) and coalesce(...) queries. -1 on error, and when
 * there is no row (err filled either way). */
int64_t st_scalar(lk_db *db, sqlite3_stmt *st, const char *what, lk_err *err);

/* st_scalar for sql (as for st_prepare) with its one parameter bound to id. */
int64_t st_scalar_id(lk_db *db, const char *sql, int64_t id, const char *what, lk_err *err);

/* Runs sql (as for st_prepare), a statement without rows, with ?1 bound to
 * a and, when it has a second parameter, ?2 to b. 0 or -1 (err filled). */
int st_exec_ints(lk_db *db, const char *sql, int64_t a, int64_t b, const char *what, lk_err *err);

/* Steps a bound statement row by row, calling row(st, arg) for each until
 * it returns non-zero, then resets it. 0 when the rows ran out or row()
 * stopped them; -1 on a database error (err filled; what names the read). */
int st_stream(lk_db *db, sqlite3_stmt *st, int (*row)(sqlite3_stmt *st, void *arg), void *arg,
	const char *what, lk_err *err);

/* ST_STREAM_OF(name, T, read, free_fn) defines, in a store file,
 *
 *   static int name(lk_db *db, sqlite3_stmt *st,
 *           int (*each)(void *arg, const T *row), void *arg,
 *           const char *what, lk_err *err);
 *
 * which st_streams a bound statement: each row is read into a T with
 * read(st, &row), handed to each() (non-zero stops) and freed with
 * free_fn(&row). The row lives only during the call; each() copies what it
 * keeps. Typed end to end: no casts of the caller's callback. */
#define ST_STREAM_OF(name, T, read, free_fn)                                                 \
	struct name##_walk {                                                                 \
		int (*each)(void *arg, const T *row);                                        \
		void *arg;                                                                   \
	};                                                                                   \
	static int name##_row(sqlite3_stmt *st, void *walk)                                  \
	{                                                                                    \
		const struct name##_walk *w = walk;                                          \
		T row;                                                                       \
		read(st, &row);                                                              \
		int stop = w->each(w->arg, &row);                                            \
		free_fn(&row);                                                               \
		return stop;                                                                 \
	}                                                                                    \
	static int name(lk_db *db, sqlite3_stmt *st, int (*each)(void *arg, const T *row),   \
		void *arg, const char *what, lk_err *err)                                    \
	{                                                                                    \
		struct name##_walk w = {each, arg};                                          \
		return st_stream(db, st, name##_row, &w, what, err);                         \
	}

/* ---- people (store/person.c) ---- */

/* The person columns st_read_person reads, each prefixed by t ("" or "p."). */
#define ST_PERSON_COLS(t)                                                                    \
	t "id, " t "name, " t "kind, " t "profession, " t "organisation, " t "email, "       \
	t "phone, " t "notes, " t "active, " t "version"

/* Reads ST_PERSON_COLS from column c on into p (strings owned by p: free
 * with person_free). A kind that does not parse reads as professional. */
void st_read_person(sqlite3_stmt *st, int c, lk_person *p);

/* Reads only the first five of them (id, name, kind, profession,
 * organisation), for rows that show who someone is without contact
 * details; the rest of p is zero. */
void st_read_person_head(sqlite3_stmt *st, int c, lk_person *p);

/* "%text%" with LIKE's wildcards in text escaped by '\'; NULL/empty text
 * gives "%". Newly allocated; caller frees. Use with ESCAPE '\'. */
char *st_like_pattern(const char *text);
#endif
