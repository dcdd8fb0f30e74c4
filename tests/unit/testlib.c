#include "testlib.h"

#include <criterion/criterion.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lmskurs/store.h"
#include "lmskurs/user.h"

static char tl_dirs[256][64];
static int tl_ndirs;

static void tl_cleanup(void)
{
	for (int i = 0; i < tl_ndirs; i++) {
		char cmd[128];
		snprintf(cmd, sizeof cmd, "rm -rf '%s'", tl_dirs[i]);
		if (system(cmd) != 0)
			fprintf(stderr, "could not remove %s\n", tl_dirs[i]);
	}
}

const char *tl_tmpdir(void)
{
	if (tl_ndirs == 256)
		abort();
	char *d = tl_dirs[tl_ndirs];
	strcpy(d, "/tmp/lmskurs-test-XXXXXX");
	if (!mkdtemp(d))
		abort();
	if (tl_ndirs++ == 0)
		atexit(tl_cleanup);
	return d;
}

/* One fake clock per test process; contexts point at it. */
static lk_datetime tl_now = {{2027, 1, 10}, 9, 0};

static lk_datetime tl_clock(void *arg)
{
	return *(lk_datetime *)arg;
}

void tl_set_now(lk_ctx *ctx, const char *iso)
{
	lk_err err;
	cr_assert_eq(datetime_parse(iso, (lk_datetime *)ctx->clock_arg, &err), 0, "%s", err.msg);
}

static lk_ctx *tl_open(const char *path, const char *login)
{
	lk_ctx *ctx = NULL;
	lk_err err;
	lk_err_clear(&err);
	cr_assert_eq(ctx_open(path, LK_OPEN_CREATE, login, NULL, &ctx, NULL, &err), 0, "%s", err.msg);
	ctx->clock = tl_clock;
	ctx->clock_arg = &tl_now;
	return ctx;
}

lk_ctx *tl_ctx(void)
{
	char path[128];
	tl_now = (lk_datetime){{2027, 1, 10}, 9, 0};
	snprintf(path, sizeof path, "%s/lmskurs.db", tl_tmpdir());
	return tl_open(path, "koord");
}

const char *tl_db_path(lk_ctx *ctx)
{
	return store_path(ctx->db);
}

lk_ctx *tl_ctx_as(lk_ctx *coord, const char *login, lk_role role)
{
	lk_err err;
	cr_assert_eq(user_add(coord, login, role, 0, &err), 0, "%s", err.msg);
	return tl_open(tl_db_path(coord), login);
}

int64_t tl_person(lk_ctx *ctx, const char *name, lk_person_kind kind)
{
	lk_err err;
	lk_person p = {.name = (char *)name, .kind = kind, .active = true,
		.profession = kind == LK_PROFESSIONAL ? "sykepleier" : "",
		.organisation = kind == LK_USER_REP ? "LHL" : ""};
	cr_assert_eq(person_create(ctx, &p, &err), 0, "%s", err.msg);
	return p.id;
}

sqlite3 *tl_sql_open(lk_ctx *ctx)
{
	sqlite3 *h = NULL;
	cr_assert_eq(sqlite3_open(tl_db_path(ctx), &h), SQLITE_OK);
	sqlite3_busy_timeout(h, 5000);
	return h;
}

int64_t tl_sql(lk_ctx *ctx, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *sql = sqlite3_vmprintf(fmt, ap);
	va_end(ap);
	sqlite3 *h = tl_sql_open(ctx);
	char *msg = NULL;
	int rc = sqlite3_exec(h, sql, NULL, NULL, &msg);
	cr_assert_eq(rc, SQLITE_OK, "%s: %s", sql, msg ? msg : "");
	int64_t id = sqlite3_last_insert_rowid(h);
	sqlite3_close(h);
	sqlite3_free(sql);
	return id;
}

int64_t tl_sql_int(lk_ctx *ctx, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *sql = sqlite3_vmprintf(fmt, ap);
	va_end(ap);
	sqlite3 *h = tl_sql_open(ctx);
	sqlite3_stmt *st;
	cr_assert_eq(sqlite3_prepare_v2(h, sql, -1, &st, NULL), SQLITE_OK, "%s", sql);
	cr_assert_eq(sqlite3_step(st), SQLITE_ROW, "%s", sql);
	int64_t v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(h);
	sqlite3_free(sql);
	return v;
}
