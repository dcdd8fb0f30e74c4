#include "lmskurs/ctx.h"

#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lmskurs/audit.h"
#include "lmskurs/codes.h"
#include "lmskurs/i18n.h"
#include "lmskurs/store/user.h"

static const lk_code_name role_names[] = {
	[LK_ROLE_COORDINATOR] = {"coordinator", N_("coordinator")},
	[LK_ROLE_USER_REP] = {"user_rep", N_("user representative")},
	[LK_ROLE_STAFF] = {"staff", N_("staff")},
};

const char *role_code(lk_role r) { return codes_code(role_names, LK_NCODES(role_names), r); }
const char *role_label(lk_role r) { return codes_label(role_names, LK_NCODES(role_names), r); }

int role_parse(const char *code, lk_role *out)
{
	int i;
	if (codes_parse(role_names, LK_NCODES(role_names), code, &i) < 0)
		return -1;
	*out = (lk_role)i;
	return 0;
}

static lk_datetime system_clock(void *arg)
{
	(void)arg;
	return datetime_now();
}

lk_datetime ctx_now(const lk_ctx *ctx) { return ctx->clock(ctx->clock_arg); }
lk_date ctx_today(const lk_ctx *ctx) { return ctx_now(ctx).date; }

void ctx_stamp(const lk_ctx *ctx, char buf[static 20])
{
	char iso[17];
	datetime_iso(ctx_now(ctx), iso);
	snprintf(buf, 20, "%s:00", iso);
}

int ctx_end(lk_ctx *ctx, int rc, lk_err *err)
{
	if (rc < 0) {
		store_rollback(ctx->db);
		return -1;
	}
	return store_commit(ctx->db, err);
}

char *ctx_os_login(lk_err *err)
{
	struct passwd *pw = getpwuid(getuid());
	if (!pw || !pw->pw_name) {
		lk_fail(err, LK_EPERM, _("Cannot tell who you are: user id %u has no login name."), (unsigned)getuid());
		return NULL;
	}
	return strdup(pw->pw_name);
}

/* The first login on a new database becomes its coordinator; done in one
 * transaction so two first starts at once cannot both win. */
static int adopt_first_user(lk_ctx *ctx, lk_err *err)
{
	/* Most opens find users and take no write lock at all. */
	int64_t n = store_user_count(ctx->db, err);
	if (n != 0)
		return n < 0 ? -1 : 0;
	if (store_begin(ctx->db, err) < 0)
		return -1;
	n = store_user_count(ctx->db, err);
	int rc = n < 0 ? -1 : 0;
	if (rc == 0 && n == 0) {
		char stamp[20];
		ctx_stamp(ctx, stamp);
		lk_user_row u = {.login = ctx->login, .name = "", .role = "coordinator", .active = 1};
		rc = store_user_insert(ctx->db, &u, stamp, &ctx->user_id, err);
		ctx->role = LK_ROLE_COORDINATOR;
		if (rc == 0)
			rc = audit_log(ctx, "create", "app_user", ctx->user_id, "first coordinator", err);
	}
	return ctx_end(ctx, rc, err);
}

static int load_user(lk_ctx *ctx, lk_err *err)
{
	lk_user_row u = {0};
	int found = store_user_by_login(ctx->db, ctx->login, &u, err);
	if (found < 0)
		return -1;
	if (found == 1 && !u.active) {
		store_user_row_free(&u);
		ctx->revoked = true;
		return lk_fail(err, LK_EPERM, _("The login '%s' has been made inactive in this database. A coordinator can give access again with: lmskurs user set %s --role staff|user_rep|coordinator"),
			ctx->login, ctx->login);
	}
	if (found == 0) {
		ctx->revoked = true;
		return lk_fail(err, LK_EPERM, _("The login '%s' has no access to this database. A coordinator can give it with: lmskurs user add %s --role staff|user_rep|coordinator"),
			ctx->login, ctx->login);
	}
	ctx->user_id = u.id;
	ctx->person_id = u.person_id;
	ctx->revoked = false;
	int rc = role_parse(u.role, &ctx->role);
	store_user_row_free(&u);
	return rc < 0 ? lk_fail(err, LK_EDB, _("The login '%s' has an unknown role in the database."), ctx->login) : 0;
}

int ctx_open(const char *db_path, lk_open_mode mode, const char *login,
	const lk_settings *settings, lk_ctx **out, bool *created, lk_err *err)
{
	*out = NULL;
	lk_ctx *ctx = calloc(1, sizeof *ctx);
	if (!ctx || !(ctx->login = strdup(login))) {
		free(ctx);
		return lk_fail(err, LK_ENOMEM, _("Out of memory."));
	}
	ctx->clock = system_clock;
	if (settings)
		ctx->settings = *settings;
	else
		settings_defaults(&ctx->settings);
	if (store_open(db_path, mode, &ctx->db, created, err) < 0 ||
	    adopt_first_user(ctx, err) < 0 || load_user(ctx, err) < 0) {
		ctx_close(ctx);
		return -1;
	}
	*out = ctx;
	return 0;
}

int ctx_refresh(lk_ctx *ctx, lk_err *err)
{
	return load_user(ctx, err);
}

void ctx_close(lk_ctx *ctx)
{
	if (!ctx)
		return;
	store_close(ctx->db);
	free(ctx->login);
	free(ctx);
}
