/* store/restore.c — a backup file checked, copied into the live database
 * or into a new file, and a damaged file set aside (store/restore.h). */
#include "store_impl.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lmskurs/i18n.h"
#include "lmskurs/store/restore.h"

/* 'LMSK', as open.c marks our files. */
enum { RESTORE_APPLICATION_ID = 0x4c4d534b };

static int64_t pragma_value(sqlite3 *h, const char *sql, int *rc)
{
	sqlite3_stmt *st;
	int64_t v = -1;
	*rc = sqlite3_prepare_v2(h, sql, -1, &st, NULL);
	if (*rc == SQLITE_OK && (*rc = sqlite3_step(st)) == SQLITE_ROW) {
		v = sqlite3_column_int64(st, 0);
		*rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	return v;
}

/* The first line integrity_check gives ("ok" when sound) into buf. */
static int integrity_line(sqlite3 *h, char *buf, size_t size)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(h, "PRAGMA integrity_check", -1, &st, NULL);
	if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		snprintf(buf, size, "%s", (const char *)sqlite3_column_text(st, 0));
		rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	return rc;
}

static int broken_references(sqlite3 *h)
{
	sqlite3_stmt *st;
	int n = -1;
	if (sqlite3_prepare_v2(h, "PRAGMA foreign_key_check", -1, &st, NULL) == SQLITE_OK)
		for (n = 0; sqlite3_step(st) == SQLITE_ROW; n++)
			;
	sqlite3_finalize(st);
	return n;
}

static int not_sound(const char *file, const char *what, lk_err *err)
{
	return lk_fail(err, LK_EDB, _("%s cannot be restored: %s Nothing was changed."), file, what);
}

static int check_open(sqlite3 *h, const char *file, int *version, lk_err *err)
{
	int rc;
	int64_t app = pragma_value(h, "PRAGMA application_id", &rc);
	if (rc != SQLITE_OK)
		return not_sound(file, _("it is not an SQLite database, or it is damaged."), err);
	int64_t v = pragma_value(h, "PRAGMA user_version", &rc);
	if (app != RESTORE_APPLICATION_ID || v < 1)
		return not_sound(file, _("it is not an lmskurs database."), err);
	if (v > store_schema_latest()) {
		char what[200];
		snprintf(what, sizeof what, _("it was made by a newer lmskurs (database version %lld; this program knows up to %d)."),
			(long long)v, store_schema_latest());
		return not_sound(file, what, err);
	}
	char line[300] = "";
	if (integrity_line(h, line, sizeof line) != SQLITE_OK || strcmp(line, "ok") != 0 ||
	    broken_references(h) != 0)
		return not_sound(file, _("it fails SQLite's integrity check (damaged)."), err);
	*version = (int)v;
	return 0;
}

/* Reading a WAL-mode file read-only makes an empty -wal and a -shm beside
 * it that SQLite cannot remove on close; a check should leave no trace. */
typedef struct side_files {
	char wal[4096], shm[4096];
	bool had_wal, had_shm;
} side_files;

static void side_note(side_files *s, const char *file)
{
	snprintf(s->wal, sizeof s->wal, "%s-wal", file);
	snprintf(s->shm, sizeof s->shm, "%s-shm", file);
	s->had_wal = access(s->wal, F_OK) == 0;
	s->had_shm = access(s->shm, F_OK) == 0;
}

static void side_tidy(const side_files *s)
{
	struct stat sb;
	if (s->had_wal || stat(s->wal, &sb) < 0 || sb.st_size != 0)
		return;
	unlink(s->wal);
	if (!s->had_shm)
		unlink(s->shm);
}

int store_restore_check(const char *file, int *version, lk_err *err)
{
	struct stat sb;
	if (stat(file, &sb) < 0)
		return lk_fail(err, LK_EIO, _("Cannot read %s: %s"), file, strerror(errno));
	if (!S_ISREG(sb.st_mode))
		return lk_fail(err, LK_EIO, _("%s is not a regular file."), file);
	sqlite3 *h = NULL;
	side_files side;
	side_note(&side, file);
	int rc = sqlite3_open_v2(file, &h, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOFOLLOW, NULL);
	if (rc != SQLITE_OK)
		rc = lk_fail(err, LK_EIO, _("Cannot read %s: %s"), file, sqlite3_errstr(rc));
	else
		rc = check_open(h, file, version, err);
	sqlite3_close(h);
	side_tidy(&side);
	return rc;
}

bool store_restore_same_file(const char *path, const char *file)
{
	struct stat a, b;
	return stat(path, &a) == 0 && stat(file, &b) == 0 && a.st_dev == b.st_dev &&
	       a.st_ino == b.st_ino;
}

/* All pages of src's main into dst's main, retrying while others write. */
static int copy_all(sqlite3 *dst, sqlite3 *src)
{
	sqlite3_backup *b = sqlite3_backup_init(dst, "main", src, "main");
	if (!b)
		return sqlite3_errcode(dst);
	int rc;
	for (int tries = 0; (rc = sqlite3_backup_step(b, -1)) == SQLITE_BUSY || rc == SQLITE_LOCKED; tries++) {
		if (tries == 250)
			break;
		sqlite3_sleep(20);
	}
	int fin = sqlite3_backup_finish(b);
	return rc == SQLITE_DONE ? fin : rc;
}

static int open_source(const char *file, sqlite3 **src, lk_err *err)
{
	int rc = sqlite3_open_v2(file, src, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOFOLLOW, NULL);
	if (rc == SQLITE_OK)
		return 0;
	sqlite3_close(*src);
	*src = NULL;
	return lk_fail(err, LK_EIO, _("Cannot read %s: %s"), file, sqlite3_errstr(rc));
}

int store_restore_into(lk_db *db, const char *file, lk_err *err)
{
	sqlite3 *src = NULL;
	side_files side;
	if (db->depth > 0)
		return lk_fail(err, LK_EDB, "restore inside a transaction");
	side_note(&side, file);
	if (open_source(file, &src, err) < 0)
		return -1;
	int rc1, rc2;
	int64_t ours = pragma_value(db->h, "PRAGMA page_size", &rc1);
	int64_t theirs = pragma_value(src, "PRAGMA page_size", &rc2);
	int rc = -1;
	if (rc1 != SQLITE_OK || rc2 != SQLITE_OK || ours != theirs)
		lk_fail(err, LK_EDB, _("%s has pages of %lld bytes and the database %lld; SQLite cannot copy between them while others may be working. Nothing was changed."),
			file, (long long)theirs, (long long)ours);
	else if ((rc = copy_all(db->h, src)) != SQLITE_OK)
		rc = st_fail(db, rc, _("restoring the backup"), err);
	sqlite3_close(src);
	side_tidy(&side);
	return rc == SQLITE_OK ? 0 : -1;
}

int store_restore_new(const char *path, const char *file, lk_err *err)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0)
		return lk_fail(err, LK_EIO, _("Cannot create the database %s: %s"), path, strerror(errno));
	close(fd);
	sqlite3 *src = NULL, *dst = NULL;
	side_files side;
	int rc = -1;
	side_note(&side, file);
	if (open_source(file, &src, err) == 0) {
		int s = sqlite3_open_v2(path, &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL);
		if (s == SQLITE_OK)
			s = copy_all(dst, src);
		rc = s == SQLITE_OK ? 0 : lk_fail(err, LK_EIO, _("Cannot write %s: %s"), path, sqlite3_errstr(s));
	}
	sqlite3_close(dst);
	sqlite3_close(src);
	side_tidy(&side);
	if (rc < 0)
		unlink(path);
	return rc;
}

/* path + suffix into buf (4096). */
static const char *with(char *buf, const char *path, const char *suffix)
{
	snprintf(buf, 4096, "%s%s", path, suffix);
	return buf;
}

int store_restore_set_aside(const char *path, const char *aside, lk_err *err)
{
	char a[4096], b[4096];
	if (rename(path, aside) < 0)
		return lk_fail(err, LK_EIO, _("Cannot move %s aside to %s: %s"), path, aside, strerror(errno));
	chmod(aside, 0600);
	if (rename(with(a, path, "-wal"), with(b, aside, "-wal")) < 0 && errno != ENOENT)
		return lk_fail(err, LK_EIO, _("Cannot move %s aside to %s: %s"), a, b, strerror(errno));
	chmod(b, 0600);
	if (unlink(with(a, path, "-shm")) < 0 && errno != ENOENT)
		return lk_fail(err, LK_EIO, _("Cannot remove %s: %s"), a, strerror(errno));
	return 0;
}
