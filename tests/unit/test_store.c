#include <criterion/criterion.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "lmskurs/backup.h"
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
	chmod(path, 0600);
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
	chmod(path, 0600);
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

static int inner_count(void *arg, const lk_person *p)
{
	(void)p;
	(*(int *)arg)++;
	return 0;
}

struct nest {
	lk_ctx *ctx;
	int outer, inner;
};

/* The same list query is stepped inside its own callback: both must see
 * every row (a shared cached statement would cut the outer one short). */
static int outer_row(void *arg, const lk_person *p)
{
	struct nest *n = arg;
	(void)p;
	lk_err err;
	lk_person_filter all = {.kind = -1};
	n->outer++;
	cr_assert_eq(person_list(n->ctx, &all, (lk_page){0, 0}, inner_count, &n->inner, &err), 0, "%s", err.msg);
	return 0;
}

Test(store, nested_use_of_one_query_sees_every_row)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	for (int i = 0; i < 4; i++) {
		char name[16];
		snprintf(name, sizeof name, "Person %d", i);
		tl_person(ctx, name, LK_PROFESSIONAL);
	}
	struct nest n = {ctx, 0, 0};
	lk_person_filter all = {.kind = -1};
	cr_assert_eq(person_list(ctx, &all, (lk_page){0, 0}, outer_row, &n, &err), 0, "%s", err.msg);
	cr_assert_eq(n.outer, 4);
	cr_assert_eq(n.inner, 16);
	ctx_close(ctx);
}

static char *journal_mode(const char *path)
{
	sqlite3 *h;
	sqlite3_stmt *st;
	cr_assert_eq(sqlite3_open(path, &h), SQLITE_OK);
	cr_assert_eq(sqlite3_prepare_v2(h, "PRAGMA journal_mode", -1, &st, NULL), SQLITE_OK);
	cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
	char *mode = strdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	sqlite3_close(h);
	return mode;
}

Test(store, foreign_file_left_untouched)
{
	char path[256];
	snprintf(path, sizeof path, "%s/other.db", tl_tmpdir());
	sqlite3 *h;
	cr_assert_eq(sqlite3_open(path, &h), SQLITE_OK);
	cr_assert_eq(sqlite3_exec(h, "CREATE TABLE t(x)", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);
	chmod(path, 0600);
	lk_db *db = NULL;
	lk_err err;
	cr_assert_eq(store_open(path, LK_OPEN_EXISTING, &db, NULL, &err), -1);
	char *mode = journal_mode(path);
	cr_assert_str_eq(mode, "delete", "refusing must not switch the file to WAL");
	free(mode);
}

Test(store, empty_file_refused_unless_creating)
{
	char path[256];
	snprintf(path, sizeof path, "%s/empty.db", tl_tmpdir());
	FILE *f = fopen(path, "w");
	fclose(f);
	chmod(path, 0600);
	lk_db *db = NULL;
	lk_err err;
	cr_assert_eq(store_open(path, LK_OPEN_EXISTING, &db, NULL, &err), -1);
	cr_assert(strstr(err.msg, "empty"), "%s", err.msg);
	cr_assert_eq(store_open(path, LK_OPEN_CREATE, &db, NULL, &err), 0, "%s", err.msg);
	store_close(db);
}

Test(store, world_readable_file_refused)
{
	char path[256];
	snprintf(path, sizeof path, "%s/open.db", tl_tmpdir());
	store_close(open_new(path));
	cr_assert_eq(chmod(path, 0644), 0);
	lk_db *db = NULL;
	lk_err err;
	cr_assert_eq(store_open(path, LK_OPEN_EXISTING, &db, NULL, &err), -1);
	cr_assert_eq(err.code, LK_EPERM);
	cr_assert(strstr(err.msg, "chmod 600"), "%s", err.msg);
	cr_assert_eq(chmod(path, 0660), 0, "a coordinators' group may share it");
	cr_assert_eq(store_open(path, LK_OPEN_EXISTING, &db, NULL, &err), 0, "%s", err.msg);
	store_close(db);
}

/* Two programs creating the same new database at once: both succeed, the
 * file survives, and it holds one schema. */
Test(store, simultaneous_first_opens, .timeout = 60)
{
	for (int round = 0; round < 10; round++) {
		char path[256];
		snprintf(path, sizeof path, "%s/race.db", tl_tmpdir());
		pid_t kids[3];
		for (int k = 0; k < 3; k++) {
			kids[k] = fork();
			if (kids[k] == 0) {
				lk_ctx *ctx = NULL;
				lk_err err;
				int rc = ctx_open(path, LK_OPEN_CREATE, "koord", NULL, &ctx, NULL, &err);
				ctx_close(ctx);
				_exit(rc == 0 ? 0 : 1);
			}
		}
		for (int k = 0; k < 3; k++) {
			int status;
			cr_assert_eq(waitpid(kids[k], &status, 0), kids[k]);
			cr_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0, "round %d: an open failed", round);
		}
		lk_db *db = NULL;
		lk_err err;
		cr_assert_eq(store_open(path, LK_OPEN_EXISTING, &db, NULL, &err), 0, "%s", err.msg);
		cr_assert_eq(store_schema_version(db), store_schema_latest());
		store_close(db);
	}
}

Test(ctx, demotion_and_removal_reach_an_open_session)
{
	lk_ctx *ctx = tl_ctx();
	lk_ctx *kari = tl_ctx_as(ctx, "kari", LK_ROLE_COORDINATOR);
	lk_err err;
	cr_assert_eq(user_set(ctx, "kari", LK_ROLE_STAFF, true, &err), 0, "%s", err.msg);
	cr_assert_eq(kari->role, LK_ROLE_COORDINATOR, "not re-read yet");
	cr_assert_eq(ctx_refresh(kari, &err), 0, "%s", err.msg);
	cr_assert_eq(kari->role, LK_ROLE_STAFF);
	cr_assert_eq(user_set(ctx, "kari", LK_ROLE_STAFF, false, &err), 0, "%s", err.msg);
	cr_assert_eq(ctx_refresh(kari, &err), -1);
	cr_assert_eq(err.code, LK_EPERM);
	lk_person_filter all = {.kind = -1};
	cr_assert_eq(person_count(kari, &all, &err), -1, "a revoked login may not even read");
	cr_assert_eq(user_add(ctx, "kari", LK_ROLE_STAFF, 0, &err), -1);
	cr_assert(strstr(err.msg, "user set kari"), "%s", err.msg);
	cr_assert_eq(user_add(ctx, "ola", LK_ROLE_USER_REP, 999, &err), -1);
	cr_assert_eq(err.code, LK_ENOTFOUND, "%s", err.msg);
	ctx_close(kari);
	ctx_close(ctx);
}

static int64_t audit_rows(lk_ctx *ctx, const char *action)
{
	sqlite3 *h;
	sqlite3_stmt *st;
	cr_assert_eq(sqlite3_open(tl_db_path(ctx), &h), SQLITE_OK);
	cr_assert_eq(sqlite3_prepare_v2(h, "SELECT count(*) FROM audit WHERE action = ?", -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_text(st, 1, action, -1, SQLITE_STATIC);
	cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
	int64_t n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(h);
	return n;
}

Test(backup, coordinators_only_and_logged)
{
	lk_ctx *ctx = tl_ctx();
	lk_ctx *staff = tl_ctx_as(ctx, "vert", LK_ROLE_STAFF);
	lk_err err;
	char dest[256];
	snprintf(dest, sizeof dest, "%s/copy.db", tl_tmpdir());
	cr_assert_eq(db_backup(staff, dest, NULL, NULL, &err), -1);
	cr_assert_eq(err.code, LK_EPERM);
	cr_assert_eq(access(dest, F_OK), -1, "no copy made for staff");
	cr_assert_eq(audit_rows(ctx, "backup"), 0);
	cr_assert_eq(db_backup(ctx, dest, NULL, NULL, &err), 0, "%s", err.msg);
	cr_assert_eq(audit_rows(ctx, "backup"), 1);
	ctx_close(staff);
	ctx_close(ctx);
}
