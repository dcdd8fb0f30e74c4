/* Opening a database: file and folder modes, pragmas, migrations. */
#include "store_impl.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lmskurs/i18n.h"
#include "lmskurs/schema_gen.h"
#include "lmskurs/store/fs.h"

/* 'LMSK': marks a file as ours, so `--db` pointed at another program's
 * SQLite file is refused instead of migrated. */
enum { LK_APPLICATION_ID = 0x4c4d534b, LK_BUSY_MS = 5000 };

int store_schema_latest(void) { return LK_SCHEMA_VERSION; }

/* Creates every missing folder of path's parent, the last one 0700. */
static int make_parent_dirs(const char *path, lk_err *err)
{
	char *dir = strdup(path);
	if (!dir)
		return lk_fail(err, LK_ENOMEM, _("Out of memory."));
	char *slash = strrchr(dir, '/');
	int rc = 0;
	if (slash && slash != dir) {
		*slash = '\0';
		for (char *p = dir + 1; *p && rc == 0; p++) {
			if (*p != '/')
				continue;
			*p = '\0';
			if (mkdir(dir, 0755) < 0 && errno != EEXIST)
				rc = lk_fail(err, LK_EIO, _("Cannot create folder %s: %s"), dir, strerror(errno));
			*p = '/';
		}
		if (rc == 0 && mkdir(dir, 0700) < 0 && errno != EEXIST)
			rc = lk_fail(err, LK_EIO, _("Cannot create folder %s: %s"), dir, strerror(errno));
	}
	free(dir);
	return rc;
}

/* Creates the file 0600 ourselves, so SQLite (which copies the database's
 * mode to its -wal and -shm files) never makes it readable by others. */
static int create_private_file(const char *path, bool *created, lk_err *err)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd >= 0) {
		close(fd);
		*created = true;
		return 0;
	}
	if (errno == EEXIST)
		return 0;
	return lk_fail(err, LK_EIO, _("Cannot create the database %s: %s"), path, strerror(errno));
}

static int set_config(lk_db *db, int op, int value, lk_err *err)
{
	int now = -1;
	if (sqlite3_db_config(db->h, op, value, &now) != SQLITE_OK || now != value)
		return lk_fail(err, LK_EDB, _("SQLite refused a safety setting (%d) for %s; not opening it."), op, db->path);
	return 0;
}

/* Connection safety first (nothing written yet): defensive mode, no
 * extension loading, untrusted schema. */
static int set_connection(lk_db *db, lk_err *err)
{
	sqlite3_busy_timeout(db->h, LK_BUSY_MS);
	return set_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, err) < 0 ||
	       set_config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, err) < 0 ||
	       set_config(db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, err) < 0 ? -1 : 0;
}

static int pragma_text_is(lk_db *db, const char *sql, const char *want)
{
	sqlite3_stmt *st;
	int same = 0;
	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		same = strcmp((const char *)sqlite3_column_text(st, 0), want) == 0;
	sqlite3_finalize(st);
	return same;
}

/* Only once the file is known to be ours: these may write to it. Temp
 * tables and sorts stay in memory so health data never lands in /tmp. */
static int set_pragmas(lk_db *db, lk_err *err)
{
	if (st_exec(db, "PRAGMA foreign_keys = ON; PRAGMA trusted_schema = OFF;"
			"PRAGMA secure_delete = ON; PRAGMA temp_store = MEMORY;"
			"PRAGMA synchronous = FULL;", err) < 0)
		return -1;
	/* Switching a new file to WAL needs it to itself for a moment: while
	 * another program sets it up, the pragma answers the old mode. */
	for (int waited = 0; waited < LK_BUSY_MS; waited += 20) {
		if (pragma_text_is(db, "PRAGMA journal_mode = WAL", "wal"))
			return 0;
		sqlite3_sleep(20);
	}
	return lk_fail(err, LK_EDB, _("%s cannot use write-ahead logging here (a network or read-only file system?); lmskurs needs it to share the database safely."), db->path);
	return 0;
}

static int pragma_int(lk_db *db, const char *sql, int64_t *out, lk_err *err)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, sql, -1, &st, NULL);
	if (rc == SQLITE_OK) {
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW) {
			*out = sqlite3_column_int64(st, 0);
			rc = SQLITE_OK;
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_OK)
		return st_fail(db, rc, _("opening the database"), err);
	return 0;
}

int store_schema_version(lk_db *db)
{
	int64_t v = -1;
	pragma_int(db, "PRAGMA user_version", &v, NULL);
	return (int)v;
}

int64_t store_data_version(lk_db *db)
{
	int64_t v = -1;
	pragma_int(db, "PRAGMA data_version", &v, NULL);
	return v;
}

/* A file with tables must carry our application id; an empty one is ours
 * to initialise only when we were asked to create. Reads only. */
static int check_ours(lk_db *db, lk_open_mode mode, lk_err *err)
{
	int64_t app = 0, tables = 0;
	if (pragma_int(db, "PRAGMA application_id", &app, err) < 0 ||
	    pragma_int(db, "SELECT count(*) FROM sqlite_schema", &tables, err) < 0)
		return -1;
	if (tables > 0 && app != LK_APPLICATION_ID)
		return lk_fail(err, LK_EDB, _("%s is an SQLite database of another program, not an lmskurs database."), db->path);
	if (tables == 0 && mode == LK_OPEN_EXISTING)
		return lk_fail(err, LK_EDB, _("%s is empty, not an lmskurs database. Create one with `lmskurs init`."), db->path);
	return 0;
}

/* The version is read again inside the write lock: when two programs open
 * a new database at once, the second finds the work done and skips it. */
static int apply_migration(lk_db *db, int n, lk_err *err)
{
	char set[96];
	if (store_begin(db, err) < 0)
		return -1;
	if (store_schema_version(db) > n)
		return store_commit(db, err);
	snprintf(set, sizeof set, "PRAGMA user_version = %d; PRAGMA application_id = %d;", n + 1, LK_APPLICATION_ID);
	if (st_exec(db, lk_migrations[n], err) < 0 || st_exec(db, set, err) < 0) {
		store_rollback(db);
		lk_err_prefix(err, _("Upgrading the database to version %d failed, nothing was changed"), n + 1);
		return -1;
	}
	return store_commit(db, err);
}

static int migrate(lk_db *db, lk_err *err)
{
	int have = store_schema_version(db);
	if (have < 0)
		return lk_fail(err, LK_EDB, _("Cannot read the database version of %s."), db->path);
	if (have > LK_SCHEMA_VERSION)
		return lk_fail(err, LK_EDB, _("%s was made by a newer lmskurs (database version %d; this program knows up to %d). Update lmskurs; the database was not touched."),
			db->path, have, LK_SCHEMA_VERSION);
	for (int n = have; n < LK_SCHEMA_VERSION; n++)
		if (apply_migration(db, n, err) < 0)
			return -1;
	return 0;
}

/* Health data: a database file others may read is refused, not used. A
 * coordinators' group may share it (0660). */
static int check_mode(const char *path, lk_err *err)
{
	struct stat sb;
	if (stat(path, &sb) < 0)
		return lk_fail(err, LK_EIO, _("Cannot open the database %s: %s"), path, strerror(errno));
	if (!S_ISREG(sb.st_mode))
		return lk_fail(err, LK_EIO, _("%s is not a regular file."), path);
	if (sb.st_mode & 0007)
		return lk_fail(err, LK_EPERM, _("%s can be read by every user on this machine (mode %04o), and it holds health data. Fix it with: chmod 600 %s"),
			path, (unsigned)(sb.st_mode & 07777), path);
	return 0;
}

static int open_handle(lk_db *db, lk_open_mode mode, lk_err *err)
{
	int rc = sqlite3_open_v2(db->path, &db->h,
		SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_EXRESCODE, NULL);
	if (rc != SQLITE_OK)
		return lk_fail(err, LK_EDB, _("Cannot open the database %s: %s"), db->path, sqlite3_errstr(rc));
	if (set_connection(db, err) < 0 || check_ours(db, mode, err) < 0 ||
	    set_pragmas(db, err) < 0 || migrate(db, err) < 0)
		return -1;
	return 0;
}

int store_open(const char *path, lk_open_mode mode, lk_db **out, bool *created, lk_err *err)
{
	bool made = false;
	*out = NULL;
	if (store_check_filesystem(path, err) < 0)
		return -1;
	if (mode == LK_OPEN_CREATE &&
	    (make_parent_dirs(path, err) < 0 || create_private_file(path, &made, err) < 0))
		return -1;
	if (mode == LK_OPEN_EXISTING && access(path, F_OK) < 0)
		return lk_fail(err, LK_EIO, _("There is no database at %s. Create one with `lmskurs init`."), path);
	if (check_mode(path, err) < 0)
		return -1;
	lk_db *db = calloc(1, sizeof *db);
	if (!db || !(db->path = strdup(path))) {
		free(db);
		return lk_fail(err, LK_ENOMEM, _("Out of memory."));
	}
	/* A file we just made is left in place on failure: another program may
	 * have opened it meanwhile, and an empty file is harmless. */
	if (open_handle(db, mode, err) < 0) {
		store_close(db);
		return -1;
	}
	if (created)
		*created = made;
	*out = db;
	return 0;
}

void store_close(lk_db *db)
{
	if (!db)
		return;
	while (db->depth > 0)
		store_rollback(db);
	for (int i = 0; i < LK_STMT_CACHE; i++)
		for (int k = 0; k < LK_STMT_NEST; k++)
			sqlite3_finalize(db->cache[i].st[k]);
	sqlite3_close(db->h);
	free(db->path);
	free(db);
}
