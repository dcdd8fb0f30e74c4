/* test_restore.c — `lmskurs restore`: a backup put back into the live
 * database (another connection sees it), the previous content kept aside
 * (0600), older versions upgraded, and every refusal leaving the database
 * and its folder as they were; the damaged-file path. */
#include <criterion/criterion.h>
#include <dirent.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lmskurs/auditlog.h"
#include "lmskurs/backup.h"
#include "lmskurs/person.h"
#include "lmskurs/restore.h"
#include "lmskurs/schema_gen.h"
#include "lmskurs/store.h"
#include "testlib.h"

static int64_t q_int(const char *path, const char *sql)
{
	sqlite3 *h;
	sqlite3_stmt *st;
	cr_assert_eq(sqlite3_open_v2(path, &h, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	cr_assert_eq(sqlite3_prepare_v2(h, sql, -1, &st, NULL), SQLITE_OK, "%s: %s", path, sql);
	cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
	int64_t v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(h);
	return v;
}

static void q_exec(const char *path, const char *sql)
{
	sqlite3 *h;
	cr_assert_eq(sqlite3_open(path, &h), SQLITE_OK);
	cr_assert_eq(sqlite3_exec(h, sql, NULL, NULL, NULL), SQLITE_OK, "%s", sqlite3_errmsg(h));
	sqlite3_close(h);
}

/* Names in the database's folder, sorted, "a|b|". */
static char *folder(lk_ctx *ctx)
{
	static char buf[2048];
	char dir[512];
	snprintf(dir, sizeof dir, "%s", tl_db_path(ctx));
	*strrchr(dir, '/') = '\0';
	struct dirent **names;
	int n = scandir(dir, &names, NULL, alphasort);
	buf[0] = '\0';
	for (int i = 0; i < n; i++) {
		if (names[i]->d_name[0] != '.')
			sprintf(buf + strlen(buf), "%s|", names[i]->d_name);
		free(names[i]);
	}
	free(names);
	return buf;
}

static int64_t people(lk_ctx *ctx)
{
	lk_err err;
	lk_person_filter f = {.kind = -1, .include_inactive = true};
	int64_t n = person_count(ctx, &f, &err);
	cr_assert_geq(n, 0, "%s", err.msg);
	return n;
}

/* A backup with two people in it (outside the database's folder). */
static char *backup_of(lk_ctx *ctx)
{
	lk_err err;
	tl_person(ctx, "Åse Ødegård", LK_USER_REP);
	tl_person(ctx, "Zhang Wei 张伟", LK_PROFESSIONAL);
	char *path = malloc(512);
	snprintf(path, 512, "%s/backup.db", tl_tmpdir());
	cr_assert_eq(db_backup(ctx, path, NULL, NULL, &err), 0, "%s", err.msg);
	return path;
}

Test(restore, a_backup_replaces_the_live_database_and_the_old_is_kept)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	char *file = backup_of(ctx);
	tl_person(ctx, "Kari etter backupen", LK_PROFESSIONAL);
	lk_ctx *other = tl_ctx_as(ctx, "koord2", LK_ROLE_COORDINATOR);
	cr_assert_eq(people(other), 3);
	tl_set_now(ctx, "2027-03-04T12:30");
	lk_restore_result r;
	cr_assert_eq(db_restore(ctx, file, &r, &err), 0, "%s", err.msg);
	cr_assert_eq(people(ctx), 2, "the backup's content");
	cr_assert_eq(people(other), 2, "another connection sees it without reopening");
	cr_assert(r.access);
	cr_assert_eq(r.from_version, store_schema_latest());
	char want[600];
	snprintf(want, sizeof want, "%s.before-restore-20270304-123000", tl_db_path(ctx));
	cr_assert_str_eq(r.aside, want);
	struct stat sb;
	cr_assert_eq(stat(r.aside, &sb), 0);
	cr_assert_eq(sb.st_mode & 0777, 0600);
	cr_assert_eq(q_int(r.aside, "SELECT count(*) FROM person"), 3, "the previous content, whole");
	cr_assert_eq(q_int(r.aside, "SELECT count(*) FROM audit WHERE action = 'restore'"), 1);
	cr_assert_eq(q_int(tl_db_path(ctx), "SELECT count(*) FROM audit WHERE action = 'restore'"), 1,
		"logged in the restored database");
	lk_audit_verdict v;
	cr_assert_eq(auditlog_verify(ctx, &v, &err), 0, "%s", err.msg);
	cr_assert_eq(v.state, LK_CHAIN_INTACT, "%s", v.line);
	char side[600];
	snprintf(side, sizeof side, "%s-wal", file);
	cr_assert_neq(access(side, F_OK), 0, "reading the backup left no -wal beside it");
	snprintf(side, sizeof side, "%s-shm", file);
	cr_assert_neq(access(side, F_OK), 0, "nor a -shm");
	tl_person(ctx, "Ny etter gjenopprettingen", LK_USER_REP);
	cr_assert_eq(people(other), 3, "work goes on");
	restore_result_free(&r);
	ctx_close(other);
	ctx_close(ctx);
	free(file);
}

/* A real backup of version 4, made from the first four embedded
 * migrations, with one person and one audit entry. */
static char *v4_backup(void)
{
	char *path = malloc(512);
	snprintf(path, 512, "%s/gammel-backup.db", tl_tmpdir());
	sqlite3 *h;
	cr_assert_eq(sqlite3_open(path, &h), SQLITE_OK);
	for (int i = 0; i < 4; i++)
		cr_assert_eq(sqlite3_exec(h, lk_migrations[i], NULL, NULL, NULL), SQLITE_OK, "%s", sqlite3_errmsg(h));
	cr_assert_eq(sqlite3_exec(h, "PRAGMA user_version = 4; PRAGMA application_id = 1280136011;" /* LMSK */
		"INSERT INTO app_user (login, role, created_at) VALUES ('koord', 'coordinator', '2026-01-01T00:00:00');"
		"INSERT INTO person (name, kind, created_at) VALUES ('Gammel Ødegård', 'professional', '2026-01-01T00:00:00');"
		"INSERT INTO audit (at, login, role, action, entity, entity_id) VALUES"
		" ('2026-01-01T00:00:00', 'koord', 'coordinator', 'create', 'person', 1);", NULL, NULL, NULL), SQLITE_OK,
		"%s", sqlite3_errmsg(h));
	sqlite3_close(h);
	return path;
}

Test(restore, an_older_version_is_upgraded)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	tl_person(ctx, "Nyere person", LK_PROFESSIONAL);
	char *file = v4_backup();
	lk_restore_result r;
	cr_assert_eq(db_restore(ctx, file, &r, &err), 0, "%s", err.msg);
	cr_assert_eq(r.from_version, 4);
	cr_assert(r.access);
	cr_assert_eq(store_schema_version(ctx->db), store_schema_latest());
	cr_assert_eq(people(ctx), 1);
	cr_assert_eq(q_int(tl_db_path(ctx), "SELECT count(*) FROM person WHERE name = 'Gammel Ødegård'"), 1);
	lk_audit_verdict v;
	cr_assert_eq(auditlog_verify(ctx, &v, &err), 0, "%s", err.msg);
	cr_assert_eq(v.state, LK_CHAIN_INTACT, "%s", v.line);
	cr_assert_eq(v.unchained, 1, "the backup's own entry");
	cr_assert_eq(v.entries, 1, "the restore's entry starts the chain");
	restore_result_free(&r);
	ctx_close(ctx);
	free(file);
}

Test(restore, a_login_without_access_in_the_backup_is_told)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	char *file = backup_of(ctx);
	lk_ctx *late = tl_ctx_as(ctx, "kommer.senere", LK_ROLE_COORDINATOR);
	lk_restore_result r;
	cr_assert_eq(db_restore(late, file, &r, &err), 0, "%s", err.msg);
	cr_assert_not(r.access);
	cr_assert(late->revoked);
	cr_assert_eq(person_count(late, &(lk_person_filter){.kind = -1}, &err), -1);
	cr_assert_eq(err.code, LK_EPERM);
	restore_result_free(&r);
	ctx_close(late);
	ctx_close(ctx);
	free(file);
}

/* What a refusal must leave alone: the people, the audit log, the folder. */
struct state {
	int64_t people, audit;
	char folder[2048];
};

static struct state state_of(lk_ctx *ctx)
{
	struct state s = {people(ctx), q_int(tl_db_path(ctx), "SELECT count(*) FROM audit"), ""};
	snprintf(s.folder, sizeof s.folder, "%s", folder(ctx));
	return s;
}

static void refused(lk_ctx *ctx, const char *file, lk_code code, const char *words)
{
	lk_err err;
	lk_restore_result r;
	struct state before = state_of(ctx);
	cr_assert_eq(db_restore(ctx, file, &r, &err), -1, "%s was restored", file);
	cr_assert_eq(err.code, code, "%s: %s", file, err.msg);
	cr_assert(strstr(err.msg, words), "%s", err.msg);
	struct state after = state_of(ctx);
	cr_assert_eq(after.people, before.people);
	cr_assert_eq(after.audit, before.audit, "nothing logged either");
	cr_assert_str_eq(after.folder, before.folder, "no aside file made");
	restore_result_free(&r);
}

Test(restore, unsound_files_are_refused_and_nothing_changes)
{
	lk_ctx *ctx = tl_ctx();
	char *good = backup_of(ctx);
	char path[512];
	const char *dir = tl_tmpdir();
	snprintf(path, sizeof path, "%s/missing.db", dir);
	refused(ctx, path, LK_EIO, "missing.db");
	snprintf(path, sizeof path, "%s/other.db", dir);
	q_exec(path, "CREATE TABLE t (x); INSERT INTO t VALUES (1);");
	refused(ctx, path, LK_EDB, "not an lmskurs database");
	snprintf(path, sizeof path, "%s/text.db", dir);
	FILE *f = fopen(path, "w");
	fputs("Dette er ikke en database, bare tekst.\n", f);
	fclose(f);
	refused(ctx, path, LK_EDB, "cannot be restored");
	snprintf(path, sizeof path, "%s/newer.db", dir);
	char cmd[1200];
	snprintf(cmd, sizeof cmd, "cp '%s' '%s'", good, path);
	cr_assert_eq(system(cmd), 0);
	q_exec(path, "PRAGMA user_version = 99");
	refused(ctx, path, LK_EDB, "newer lmskurs");
	snprintf(path, sizeof path, "%s/damaged.db", dir);
	snprintf(cmd, sizeof cmd, "cp '%s' '%s' && n=$(( $(stat -c %%s '%s') / 4096 / 2 )) &&"
		" head -c 8192 /dev/zero | tr '\\0' '\\377' | dd of='%s' bs=4096 seek=$n conv=notrunc 2>/dev/null",
		good, path, path, path);
	cr_assert_eq(system(cmd), 0);
	refused(ctx, path, LK_EDB, "integrity");
	refused(ctx, tl_db_path(ctx), LK_EINVAL, "the database itself");
	refused(ctx, dir, LK_EIO, "not a regular file");
	ctx_close(ctx);
	free(good);
}

Test(restore, only_coordinators)
{
	lk_ctx *ctx = tl_ctx();
	char *file = backup_of(ctx);
	lk_ctx *staff = tl_ctx_as(ctx, "vert", LK_ROLE_STAFF);
	lk_ctx *rep = tl_ctx_as(ctx, "bruker", LK_ROLE_USER_REP);
	tl_person(ctx, "Etter backupen", LK_USER_REP);
	refused(staff, file, LK_EPERM, "may not");
	refused(rep, file, LK_EPERM, "may not");
	cr_assert_eq(people(ctx), 3);
	ctx_close(rep);
	ctx_close(staff);
	ctx_close(ctx);
	free(file);
}

Test(restore, the_aside_name_never_overwrites)
{
	lk_datetime t = {{2027, 3, 4}, 9, 5};
	char path[512];
	snprintf(path, sizeof path, "%s/lmskurs.db", tl_tmpdir());
	char *a = restore_aside_name(path, t);
	cr_assert(strstr(a, "lmskurs.db.before-restore-20270304-090500"), "%s", a);
	cr_assert(strstr(a, "-090500") && a[strlen(a) - 1] == '0');
	FILE *f = fopen(a, "w");
	fclose(f);
	char *b = restore_aside_name(path, t);
	cr_assert(strstr(b, "-090500-2"), "%s", b);
	free(a);
	free(b);
}

Test(restore, a_damaged_database_is_set_aside_and_replaced)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	char *file = backup_of(ctx);
	char path[512];
	snprintf(path, sizeof path, "%s", tl_db_path(ctx));
	ctx_close(ctx);
	FILE *f = fopen(path, "w");
	fputs("damaged beyond repair", f);
	fclose(f);
	cr_assert_neq(ctx_open(path, LK_OPEN_EXISTING, "koord", NULL, &ctx, NULL, &err), 0, "it does not open");
	char wal[600];
	snprintf(wal, sizeof wal, "%s-wal", path);
	f = fopen(wal, "w");
	fputs("old wal", f);
	fclose(f);
	lk_restore_result r;
	lk_datetime now = {{2027, 5, 6}, 7, 8};
	cr_assert_eq(db_restore_damaged(path, file, "koord", now, &r, &err), 0, "%s", err.msg);
	cr_assert(r.access);
	char want[600];
	snprintf(want, sizeof want, "%s.before-restore-20270506-070800", path);
	cr_assert_str_eq(r.aside, want);
	cr_assert_eq(q_int(path, "SELECT count(*) FROM person"), 2);
	cr_assert_eq(q_int(path, "SELECT count(*) FROM audit WHERE action = 'restore'"), 1);
	struct stat sb;
	cr_assert_eq(stat(path, &sb), 0);
	cr_assert_eq(sb.st_mode & 0777, 0600);
	snprintf(want, sizeof want, "%s-wal", r.aside);
	cr_assert_eq(access(want, F_OK), 0, "the old WAL went with it");
	f = fopen(r.aside, "r");
	char buf[64] = "";
	cr_assert_not_null(fgets(buf, sizeof buf, f));
	fclose(f);
	cr_assert_str_eq(buf, "damaged beyond repair");
	restore_result_free(&r);
	/* Refusals before anything is touched: the database itself, a bad file. */
	cr_assert_eq(db_restore_damaged(path, path, "koord", now, &r, &err), -1);
	cr_assert_eq(err.code, LK_EINVAL, "%s", err.msg);
	restore_result_free(&r);
	cr_assert_eq(db_restore_damaged(path, want /* the old WAL set aside: no database */, "koord",
		now, &r, &err), -1);
	cr_assert_eq(err.code, LK_EDB, "%s", err.msg);
	restore_result_free(&r);
	cr_assert_eq(q_int(path, "SELECT count(*) FROM person"), 2, "left as it was");
	free(file);
}
