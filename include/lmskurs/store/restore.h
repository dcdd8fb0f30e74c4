/* store/restore.h — the file work of a restore (restore.h): checking a
 * backup file, copying it into an open database or into a new file, and
 * setting a damaged file aside. Roles, names and logging are core's. */
#ifndef LMSKURS_STORE_RESTORE_H
#define LMSKURS_STORE_RESTORE_H

#include <stdbool.h>
#include "lmskurs/store.h"

/* Opens file read-only and checks it (application id, version 1..latest,
 * integrity_check, foreign_key_check); *version gets its version. */
int store_restore_check(const char *file, int *version, lk_err *err);

/* Copies file over the content of db (outside a transaction), in one step
 * under the write lock. LK_EDB when the page sizes differ (WAL cannot take
 * it). */
int store_restore_into(lk_db *db, const char *file, lk_err *err);

/* True when path and file name the same existing file. */
bool store_restore_same_file(const char *path, const char *file);

/* Writes file as a new database at path (made 0600; must not exist). */
int store_restore_new(const char *path, const char *file, lk_err *err);

/* Renames path to aside (then 0600) and path-wal to aside-wal; removes
 * path-shm. */
int store_restore_set_aside(const char *path, const char *aside, lk_err *err);

#endif
