#include <criterion/criterion.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "lmskurs/ctx.h"
#include "lmskurs/store.h"
#include "lmskurs/user.h"
#include "testlib.h"

static lk_db *open_new(const char *path)
{
	lk_db *db = NULL;
	lk_err err;
	bool created = false;
	cr_assert_eq(store_open(path, LK_OPEN_CREATE, &db, &created, &err), 0, "%s", err.msg);
	cr_assert(created);
	return db;
}

Test(store, creates_private_file_and_folder)
{
	char path[256];
	snprintf(path, sizeof path, "%s/nested/lmskurs/lmskurs.db", tl_tmpdir());
	lk_db *db = open_new(path);
	struct stat sb;
	cr_assert_eq(stat(path, &sb), 0);
	cr_assert_eq(sb.st_mode & 0777, 0600);
	char *dir = strdup(path);
	*strrchr(dir, '/') = '\0';
	cr_assert_eq(stat(dir, &sb), 0);
	cr_assert_eq(sb.st_mode & 0777, 0700);
	free(dir);
	cr_assert_eq(store_schema_version(db), store_schema_latest());
	store_close(db);
}

Test(store, missing_file_refused_without_create)
{
	char path[256];
	lk_db *db = NULL;
	lk_err err;
	snprintf(path, sizeof path, "%s/none.db", tl_tmpdir());
	cr_assert_eq(store_open(path, LK_OPEN_EXISTING, &db, NULL, &err), -1);
	cr_assert_eq(err.code, LK_EIO);
	cr_assert(strstr(err.msg, "lmskurs init"), "%s", err.msg);
	cr_assert_null(db);
}

Test(store, newer_database_refused_untouched)
{
	char path[256];
	snprintf(path, sizeof path, "%s/x.db", tl_tmpdir());
	store_close(open_new(path));
	sqlite3 *h;
	cr_assert_eq(sqlite3_open(path, &h), SQLITE_OK);
	cr_assert_eq(sqlite3_exec(h, "PRAGMA user_version = 999", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);
	lk_db *db = NULL;
	lk_err err;
	cr_assert_eq(store_open(path, LK_OPEN_EXISTING, &db, NULL, &err), -1);
	cr_assert_eq(err.code, LK_EDB);
	cr_assert(strstr(err.msg, "newer"), "%s", err.msg);
}

Test(store, garbage_file_refused)
{
	char path[256];
	snprintf(path, sizeof path, "%s/garbage.db", tl_tmpdir());
	FILE *f = fopen(path, "w");
	for (int i = 0; i < 2000; i++)
		fputs("this is not a database ", f);
	fclose(f);
	lk_db *db = NULL;
	lk_err err;
	cr_assert_eq(store_open(path, LK_OPEN_EXISTING, &db, NULL, &err), -1);
	cr_assert_eq(err.code, LK_EDB, "%d %s", err.code, err.msg);
	cr_assert(strstr(err.msg, "damaged") || strstr(err.msg, "not an lmskurs"), "%s", err.msg);
}

Test(store, foreign_sqlite_file_refused)
{
	char path[256];
	snprintf(path, sizeof path, "%s/other.db", tl_tmpdir());
	sqlite3 *h;
	cr_assert_eq(sqlite3_open(path, &h), SQLITE_OK);
	cr_assert_eq(sqlite3_exec(h, "CREATE TABLE t(x)", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);
	lk_db *db = NULL;
	lk_err err;
	cr_assert_eq(store_open(path, LK_OPEN_EXISTING, &db, NULL, &err), -1);
	cr_assert(strstr(err.msg, "another program"), "%s", err.msg);
}

Test(store, nested_transactions_roll_back_inner_only)
{
	char path[256];
	lk_err err;
	snprintf(path, sizeof path, "%s/tx.db", tl_tmpdir());
	lk_db *db = open_new(path);
	cr_assert_eq(store_begin(db, &err), 0);
	cr_assert_eq(store_meta_set(db, "outer", "1", &err), 0);
	cr_assert_eq(store_begin(db, &err), 0);
	cr_assert_eq(store_meta_set(db, "inner", "1", &err), 0);
	store_rollback(db);
	cr_assert_eq(store_tx_depth(db), 1);
	cr_assert_eq(store_commit(db, &err), 0);
	char *v = NULL;
	cr_assert_eq(store_meta_get(db, "outer", &v, &err), 0);
	cr_assert_str_eq(v, "1");
	free(v);
	cr_assert_eq(store_meta_get(db, "inner", &v, &err), 0);
	cr_assert_null(v);
	store_close(db);
}

Test(store, backup_copies_and_verifies)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	tl_person(ctx, "Åse Ødegård", LK_PROFESSIONAL);
	char dest[256];
	snprintf(dest, sizeof dest, "%s/backup.db", tl_tmpdir());
	cr_assert_eq(store_backup(ctx->db, dest, NULL, NULL, &err), 0, "%s", err.msg);
	struct stat sb;
	cr_assert_eq(stat(dest, &sb), 0);
	cr_assert_eq(sb.st_mode & 0777, 0600);
	cr_assert_eq(store_backup(ctx->db, dest, NULL, NULL, &err), -1, "existing file must be refused");
	cr_assert(strstr(err.msg, "already exists"), "%s", err.msg);
	lk_ctx *copy = NULL;
	cr_assert_eq(ctx_open(dest, LK_OPEN_EXISTING, "koord", NULL, &copy, NULL, &err), 0, "%s", err.msg);
	lk_person_filter f = {.kind = -1};
	cr_assert_eq(person_count(copy, &f, &err), 1);
	ctx_close(copy);
	ctx_close(ctx);
}

Test(store, integrity_clean_on_new_database)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	cr_assert_eq(store_check_integrity(ctx->db, NULL, NULL, &err), 0);
	ctx_close(ctx);
}

Test(ctx, first_login_becomes_coordinator_others_refused)
{
	lk_ctx *ctx = tl_ctx();
	cr_assert_eq(ctx->role, LK_ROLE_COORDINATOR);
	cr_assert_str_eq(ctx->login, "koord");
	lk_ctx *other = NULL;
	lk_err err;
	cr_assert_eq(ctx_open(tl_db_path(ctx), LK_OPEN_EXISTING, "stranger", NULL, &other, NULL, &err), -1);
	cr_assert_eq(err.code, LK_EPERM);
	cr_assert(strstr(err.msg, "lmskurs user add stranger"), "%s", err.msg);
	lk_ctx *staff = tl_ctx_as(ctx, "vert", LK_ROLE_STAFF);
	cr_assert_eq(staff->role, LK_ROLE_STAFF);
	ctx_close(staff);
	ctx_close(ctx);
}

Test(user, last_coordinator_cannot_be_demoted)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	cr_assert_eq(user_set(ctx, "koord", LK_ROLE_STAFF, true, &err), -1);
	cr_assert_eq(err.code, LK_ERULE);
	cr_assert_eq(user_add(ctx, "kari", LK_ROLE_COORDINATOR, 0, &err), 0, "%s", err.msg);
	cr_assert_eq(user_set(ctx, "koord", LK_ROLE_STAFF, true, &err), 0, "%s", err.msg);
	ctx_close(ctx);
}

Test(user, bad_and_duplicate_logins_refused)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	cr_assert_eq(user_add(ctx, "has space", LK_ROLE_STAFF, 0, &err), -1);
	cr_assert_eq(err.code, LK_EINVAL);
	cr_assert_eq(user_add(ctx, "", LK_ROLE_STAFF, 0, &err), -1);
	cr_assert_eq(user_add(ctx, "ola", LK_ROLE_STAFF, 0, &err), 0, "%s", err.msg);
	cr_assert_eq(user_add(ctx, "ola", LK_ROLE_STAFF, 0, &err), -1);
	cr_assert_eq(err.code, LK_ERULE);
	lk_ctx *staff = tl_ctx_as(ctx, "vert", LK_ROLE_STAFF);
	cr_assert_eq(user_add(staff, "x", LK_ROLE_COORDINATOR, 0, &err), -1, "staff may not add users");
	cr_assert_eq(err.code, LK_EPERM);
	ctx_close(staff);
	ctx_close(ctx);
}
