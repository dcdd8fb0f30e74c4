/*
 * store.h — the only layer that speaks SQL.
 *
 *   path ──store_open──▶ lk_db (pragmas, migrations from schema/, 0600 file)
 *   core ──store_begin/commit──▶ one transaction per operation
 *   core ──store/<entity>.h──▶ typed reads and writes with bound parameters
 *
 * Transactions nest: the outermost store_begin is BEGIN IMMEDIATE, inner
 * ones are savepoints, so a bulk job (demo, import) may wrap many core
 * operations that each still are all-or-nothing.
 */
#ifndef LMSKURS_STORE_H
#define LMSKURS_STORE_H

#include <stdbool.h>
#include <stdint.h>
#include "lmskurs/err.h"

typedef struct lk_db lk_db;

typedef enum lk_open_mode {
	LK_OPEN_EXISTING, /* refuse a missing file */
	LK_OPEN_CREATE,   /* create file (0600) and folder (0700) when missing */
} lk_open_mode;

/* Opens the database at path, sets the per-connection pragmas and applies
 * pending migrations. A database newer than this program, a file that is not
 * an lmskurs database, or a damaged one is refused with LK_EDB. *created is
 * set true when the file did not exist before (may be NULL). Caller closes. */
int store_open(const char *path, lk_open_mode mode, lk_db **out, bool *created, lk_err *err);

/* Closes db (NULL is fine). An open transaction is rolled back. */
void store_close(lk_db *db);

/* The path db was opened with; owned by db. */
const char *store_path(const lk_db *db);

/* Transactions: see the header comment. store_rollback undoes the innermost
 * level and never fails. */
int store_begin(lk_db *db, lk_err *err);
int store_commit(lk_db *db, lk_err *err);
void store_rollback(lk_db *db);
int store_tx_depth(const lk_db *db);

/* Schema version of the open database (PRAGMA user_version) and the newest
 * this program knows. */
int store_schema_version(lk_db *db);
int store_schema_latest(void);

/* PRAGMA data_version: changes when another connection commits. */
int64_t store_data_version(lk_db *db);

/* Runs integrity_check and foreign_key_check; calls problem() once per
 * problem found with a one-line description. Returns the number of problems,
 * or -1 with err when the checks could not run. */
int store_check_integrity(lk_db *db, void (*problem)(void *arg, const char *line),
	void *arg, lk_err *err);

/* Copies the live database to dest (created 0600; must not exist) with the
 * online backup API, step by step so writers are not blocked for long, then
 * opens the copy and runs integrity_check on it. progress(arg, done, total)
 * may be NULL. */
int store_backup(lk_db *db, const char *dest,
	void (*progress)(void *arg, int done, int total), void *arg, lk_err *err);

/* Reads and writes a value of the meta table (key/value text). *value is
 * newly allocated (NULL when missing); caller frees. */
int store_meta_get(lk_db *db, const char *key, char **value, lk_err *err);
int store_meta_set(lk_db *db, const char *key, const char *value, lk_err *err);

/* Rows of one list page: offset and limit (limit <= 0 means no limit, for
 * exports that stream). */
typedef struct lk_page {
	int64_t offset;
	int limit;
} lk_page;

#endif
