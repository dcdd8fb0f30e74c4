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

static int set_pragmas(lk_db *db, lk_err *err)
{
	int on = 1;
	sqlite3_db_config(db->h, SQLITE_DBCONFIG_DEFENSIVE, 1, &on);
	sqlite3_db_config(db->h, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, &on);
	sqlite3_db_config(db->h, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, &on);
	sqlite3_busy_timeout(db->h, LK_BUSY_MS);
	return st_exec(db, "PRAGMA foreign_keys = ON; PRAGMA trusted_schema = OFF;"
		"PRAGMA secure_delete = ON; PRAGMA journal_mode = WAL;"
		"PRAGMA synchronous = FULL;", err);
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

/* An empty file is ours to initialise; a file with tables must carry our
 * application id. */
static int check_ours(lk_db *db, lk_err *err)
{
	int64_t app = 0, tables = 0;
	if (pragma_int(db, "PRAGMA application_id", &app, err) < 0 ||
	    pragma_int(db, "SELECT count(*) FROM sqlite_schema", &tables, err) < 0)
		return -1;
	if (tables > 0 && app != LK_APPLICATION_ID)
		return lk_fail(err, LK_EDB, _("%s is an SQLite database of another program, not an lmskurs database."), db->path);
	return 0;
}

static int apply_migration(lk_db *db, int n, lk_err *err)
{
	char set[96];
	if (store_begin(db, err) < 0)
		return -1;
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

static int open_handle(lk_db *db, lk_err *err)
{
	int rc = sqlite3_open_v2(db->path, &db->h,
		SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_EXRESCODE, NULL);
	if (rc != SQLITE_OK)
		return lk_fail(err, LK_EDB, _("Cannot open the database %s: %s"), db->path, sqlite3_errstr(rc));
	if (set_pragmas(db, err) < 0 || check_ours(db, err) < 0 || migrate(db, err) < 0)
		return -1;
	return 0;
}

int store_open(const char *path, lk_open_mode mode, lk_db **out, bool *created, lk_err *err)
{
	bool made = false;
	*out = NULL;
	if (mode == LK_OPEN_CREATE &&
	    (make_parent_dirs(path, err) < 0 || create_private_file(path, &made, err) < 0))
		return -1;
	if (mode == LK_OPEN_EXISTING && access(path, F_OK) < 0)
		return lk_fail(err, LK_EIO, _("There is no database at %s. Create one with `lmskurs init`."), path);
	lk_db *db = calloc(1, sizeof *db);
	if (!db || !(db->path = strdup(path))) {
		free(db);
		return lk_fail(err, LK_ENOMEM, _("Out of memory."));
	}
	if (open_handle(db, err) < 0) {
		store_close(db);
		if (made)
			unlink(path);
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
	for (int i = 0; i < (int)(sizeof db->cache / sizeof db->cache[0]); i++)
		sqlite3_finalize(db->cache[i].st);
	sqlite3_close(db->h);
	free(db->path);
	free(db);
}
