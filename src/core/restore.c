/* restore.c — a backup put back in place of the database (restore.h). */
#include "lmskurs/restore.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lmskurs/audit.h"
#include "lmskurs/i18n.h"
#include "lmskurs/role.h"
#include "lmskurs/store/restore.h"

void restore_result_free(lk_restore_result *r)
{
	if (!r)
		return;
	free(r->aside);
	memset(r, 0, sizeof *r);
}

int restore_check_file(const char *file, int *version, lk_err *err)
{
	int v = 0;
	if (store_restore_check(file, &v, err) < 0)
		return -1;
	if (version)
		*version = v;
	return 0;
}

char *restore_aside_name(const char *path, lk_datetime now)
{
	size_t n = strlen(path) + 48;
	char *name = malloc(n);
	if (!name)
		return NULL;
	for (int i = 1; i < 1000; i++) {
		snprintf(name, n, "%s.before-restore-%04d%02d%02d-%02d%02d%02d", path, now.date.year,
			now.date.month, now.date.day, now.hour, now.minute, 0);
		if (i > 1)
			snprintf(name + strlen(name), n - strlen(name), "-%d", i);
		if (access(name, F_OK) < 0)
			return name;
	}
	free(name);
	return NULL;
}

/* "from FILE; previous kept as ASIDE" as the restore's audit detail. */
static int log_restore(lk_ctx *ctx, const char *what, const char *file, const char *aside,
	lk_err *err)
{
	char detail[1024];
	if (aside)
		snprintf(detail, sizeof detail, "%s %s; previous kept as %s", what, file, aside);
	else
		snprintf(detail, sizeof detail, "%s %s", what, file);
	if (store_begin(ctx->db, err) < 0)
		return -1;
	return ctx_end(ctx, audit_log(ctx, "restore", "database", 0, detail, err), err);
}

static int refuse_early(lk_ctx *ctx, const char *file, lk_restore_result *out, lk_err *err)
{
	if (role_require(ctx, LK_PERM_BACKUP, err) < 0 ||
	    restore_check_file(file, &out->from_version, err) < 0)
		return -1;
	if (store_restore_same_file(store_path(ctx->db), file))
		return lk_fail(err, LK_EINVAL, _("%s is the database itself; choose a backup file."), file);
	if (store_tx_depth(ctx->db) > 0)
		return lk_fail(err, LK_EDB, "restore inside a transaction");
	return 0;
}

/* The current content, verified, under a new name (out->aside only once
 * it exists). */
static int keep_aside(lk_ctx *ctx, lk_restore_result *out, lk_err *err)
{
	char *aside = restore_aside_name(store_path(ctx->db), ctx_now(ctx));
	if (!aside)
		return lk_fail(err, LK_ENOMEM, _("Out of memory."));
	if (store_backup(ctx->db, aside, NULL, NULL, err) < 0) {
		free(aside);
		return -1;
	}
	out->aside = aside;
	return 0;
}

/* The restored content may be of an older version: open it anew, which
 * upgrades it, and read the login's access there. */
static int reopen(lk_ctx *ctx, char *path, lk_restore_result *out, lk_err *err)
{
	store_close(ctx->db);
	ctx->db = NULL;
	if (store_open(path, LK_OPEN_EXISTING, &ctx->db, NULL, err) < 0) {
		lk_err_prefix(err, _("The backup was restored, but the database does not open now (the previous one is kept as %s)"), out->aside);
		return -1;
	}
	lk_err ignore;
	out->access = ctx_refresh(ctx, &ignore) == 0;
	return 0;
}

int db_restore(lk_ctx *ctx, const char *file, lk_restore_result *out, lk_err *err)
{
	memset(out, 0, sizeof *out);
	if (refuse_early(ctx, file, out, err) < 0 ||
	    log_restore(ctx, "restoring from", file, NULL, err) < 0 ||
	    keep_aside(ctx, out, err) < 0 || store_restore_into(ctx->db, file, err) < 0)
		return -1;
	char *path = strdup(store_path(ctx->db));
	if (!path)
		return lk_fail(err, LK_ENOMEM, _("Out of memory."));
	int rc = reopen(ctx, path, out, err);
	free(path);
	if (rc < 0)
		return -1;
	return log_restore(ctx, "restored from", file, out->aside, err);
}

/* Logs in the restored database as login, when it has access there. */
static void log_damaged(const char *path, const char *file, const char *login,
	lk_restore_result *out)
{
	lk_ctx *ctx = NULL;
	lk_err err;
	if (ctx_open(path, LK_OPEN_EXISTING, login, NULL, &ctx, NULL, &err) < 0)
		return;
	out->access = true;
	log_restore(ctx, "restored (the previous database did not open) from", file, out->aside, &err);
	ctx_close(ctx);
}

int db_restore_damaged(const char *path, const char *file, const char *login, lk_datetime now,
	lk_restore_result *out, lk_err *err)
{
	memset(out, 0, sizeof *out);
	if (restore_check_file(file, &out->from_version, err) < 0)
		return -1;
	if (store_restore_same_file(path, file))
		return lk_fail(err, LK_EINVAL, _("%s is the database itself; choose a backup file."), file);
	if (!(out->aside = restore_aside_name(path, now)))
		return lk_fail(err, LK_ENOMEM, _("Out of memory."));
	if (access(path, F_OK) < 0) { /* nothing there to keep */
		free(out->aside);
		out->aside = NULL;
	} else if (store_restore_set_aside(path, out->aside, err) < 0) {
		return -1;
	}
	if (store_restore_new(path, file, err) < 0)
		return -1;
	lk_db *db = NULL;
	if (store_open(path, LK_OPEN_EXISTING, &db, NULL, err) < 0) {
		lk_err_prefix(err, _("The backup was written to %s but does not open"), path);
		return -1;
	}
	store_close(db);
	log_damaged(path, file, login, out);
	return 0;
}
