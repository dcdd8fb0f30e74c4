/* Maintenance: integrity checks, online backup, the meta table. */
#include "store_impl.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lmskurs/i18n.h"

static int run_integrity(lk_db *db, void (*problem)(void *, const char *), void *arg, lk_err *err)
{
	sqlite3_stmt *st;
	int n = 0, rc;
	if (st_prepare(db, "PRAGMA integrity_check", &st, err) < 0)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *line = (const char *)sqlite3_column_text(st, 0);
		if (line && strcmp(line, "ok") != 0) {
			char msg[600];
			snprintf(msg, sizeof msg, _("database integrity: %s"), line);
			if (problem)
				problem(arg, msg);
			n++;
		}
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? n : st_fail(db, rc, _("checking integrity"), err);
}

static int run_fk_check(lk_db *db, void (*problem)(void *, const char *), void *arg, lk_err *err)
{
	sqlite3_stmt *st;
	int n = 0, rc;
	if (st_prepare(db, "PRAGMA foreign_key_check", &st, err) < 0)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		char msg[300];
		snprintf(msg, sizeof msg, _("broken reference: %s row %lld points to a missing %s"),
			(const char *)sqlite3_column_text(st, 0), (long long)sqlite3_column_int64(st, 1),
			(const char *)sqlite3_column_text(st, 2));
		if (problem)
			problem(arg, msg);
		n++;
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? n : st_fail(db, rc, _("checking references"), err);
}

int store_check_integrity(lk_db *db, void (*problem)(void *, const char *), void *arg, lk_err *err)
{
	int a = run_integrity(db, problem, arg, err);
	if (a < 0)
		return -1;
	int b = run_fk_check(db, problem, arg, err);
	return b < 0 ? -1 : a + b;
}

static int copy_pages(lk_db *db, sqlite3 *dst, void (*progress)(void *, int, int), void *arg, lk_err *err)
{
	sqlite3_backup *b = sqlite3_backup_init(dst, "main", db->h, "main");
	if (!b)
		return lk_fail(err, LK_EDB, _("Backup could not start: %s"), sqlite3_errmsg(dst));
	int rc;
	/* Small steps with a pause let other users keep writing meanwhile. */
	while ((rc = sqlite3_backup_step(b, 256)) == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
		if (progress)
			progress(arg, sqlite3_backup_pagecount(b) - sqlite3_backup_remaining(b), sqlite3_backup_pagecount(b));
		if (rc != SQLITE_OK)
			sqlite3_sleep(20);
	}
	sqlite3_backup_finish(b);
	if (rc != SQLITE_DONE)
		return lk_fail(err, LK_EDB, _("Backup failed: %s"), sqlite3_errstr(rc));
	return 0;
}

static int verify_copy(sqlite3 *dst, lk_err *err)
{
	sqlite3_stmt *st;
	int ok = 0;
	if (sqlite3_prepare_v2(dst, "PRAGMA integrity_check", -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		ok = strcmp((const char *)sqlite3_column_text(st, 0), "ok") == 0;
	sqlite3_finalize(st);
	return ok ? 0 : lk_fail(err, LK_EDB, _("The backup copy failed its integrity check; do not rely on it."));
}

int store_backup(lk_db *db, const char *dest, void (*progress)(void *, int, int), void *arg, lk_err *err)
{
	int fd = open(dest, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0 && errno == EEXIST)
		return lk_fail(err, LK_EIO, _("%s already exists; choose a new file name for the backup."), dest);
	if (fd < 0)
		return lk_fail(err, LK_EIO, _("Cannot create %s: %s"), dest, strerror(errno));
	close(fd);
	sqlite3 *dst = NULL;
	int rc = -1;
	if (sqlite3_open_v2(dest, &dst, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
		lk_fail(err, LK_EIO, _("Cannot open %s for the backup: %s"), dest, sqlite3_errmsg(dst));
	else if (copy_pages(db, dst, progress, arg, err) == 0)
		rc = verify_copy(dst, err);
	sqlite3_close(dst);
	if (rc < 0)
		unlink(dest);
	return rc;
}

int store_meta_get(lk_db *db, const char *key, char **value, lk_err *err)
{
	sqlite3_stmt *st;
	*value = NULL;
	if (st_prepare(db, "SELECT value FROM meta WHERE key = ?", &st, err) < 0)
		return -1;
	st_bind_text(st, 1, key);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*value = st_col_text(st, 0);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return st_fail(db, rc, _("reading settings"), err);
	return 0;
}

int store_meta_set(lk_db *db, const char *key, const char *value, lk_err *err)
{
	sqlite3_stmt *st;
	if (st_prepare(db, "INSERT INTO meta (key, value) VALUES (?, ?) "
			   "ON CONFLICT (key) DO UPDATE SET value = excluded.value", &st, err) < 0)
		return -1;
	st_bind_text(st, 1, key);
	st_bind_text(st, 2, value);
	return st_exec_stmt(db, st, _("saving settings"), err);
}
