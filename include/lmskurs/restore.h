/*
 * restore.h — `lmskurs restore FILE`: the database replaced by a backup,
 * after checking it, with the previous content kept aside.
 *
 *   restore_check_file ──▶ FILE opens read-only, passes integrity_check and
 *       foreign_key_check, carries lmskurs's application id and a database
 *       version this program knows (an older one is upgraded afterwards;
 *       a newer one is refused)
 *   db_restore (the current database opens; coordinators only):
 *       "restore" logged ──▶ the current content copied to
 *       <db>.before-restore-YYYYMMDD-HHMMSS (0600, verified) ──▶ FILE copied
 *       INTO the open database with SQLite's backup API ──▶ reopened
 *       (migrations) ──▶ "restore" logged in the restored database
 *   db_restore_damaged (the current file cannot be opened at all): the
 *       damaged file and its -wal renamed aside, -shm removed, FILE written
 *       as a new file, upgraded, logged when the login has access in it
 *
 * Other users. Copying into the live database is one write transaction on
 * it: other lmskurs processes (WAL) keep their connections and simply see
 * the restored content on their next read, as they would see another
 * coordinator's work; nobody has to leave first, and no one is left
 * writing to a file that was swapped away underneath them. Only the
 * damaged path swaps files: a process still holding the damaged file goes
 * on with it and should be restarted.
 */
#ifndef LMSKURS_RESTORE_H
#define LMSKURS_RESTORE_H

#include <stdbool.h>

#include "lmskurs/ctx.h"

typedef struct lk_restore_result {
	char *aside;      /* where the previous database is kept; owned */
	int from_version; /* the backup's database version (now upgraded) */
	bool access;      /* the login has access in the restored database */
} lk_restore_result;

/* Frees what r owns and zeroes it. */
void restore_result_free(lk_restore_result *r);

/* Checks that file is a sound lmskurs database this program can use (see
 * above); *version (may be NULL) gets its database version. LK_EIO when it
 * cannot be read, LK_EDB saying what is wrong with it otherwise. */
int restore_check_file(const char *file, int *version, lk_err *err);

/* The name the previous database is kept under: "<path>.before-restore-
 * YYYYMMDD-HHMMSS", with "-2", "-3" … when that exists already. Newly
 * allocated (NULL when out of memory). */
char *restore_aside_name(const char *path, lk_datetime now);

/* Replaces ctx's database with file (see above). Must be called outside a
 * transaction. Coordinators only (LK_PERM_BACKUP). Refused before anything
 * changes: file not sound (restore_check_file), file being the database
 * itself, a page size the open database cannot take. out gets the aside
 * name, also when a later step failed (then the message says what state
 * things are in). Afterwards ctx works on the restored database; when the
 * login has no access there, ctx->revoked is set and out->access false.
 * Caller frees out with restore_result_free. */
int db_restore(lk_ctx *ctx, const char *file, lk_restore_result *out, lk_err *err);

/* Replaces the database at path, which cannot be opened, with file
 * (checked first): the file at path and its -wal are renamed aside, file
 * written anew at path (0600) and upgraded. No role can be asked of a
 * database that does not open; whoever can write its folder may do this.
 * login is used to log the restore in the restored database when it has
 * access there (out->access). now names the aside file. */
int db_restore_damaged(const char *path, const char *file, const char *login, lk_datetime now,
	lk_restore_result *out, lk_err *err);

#endif
