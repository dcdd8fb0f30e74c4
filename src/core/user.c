#include "lmskurs/user.h"

#include <stdlib.h>
#include <string.h>

#include "lmskurs/audit.h"
#include "lmskurs/i18n.h"
#include "lmskurs/role.h"
#include "lmskurs/store/person.h"
#include "lmskurs/store/user.h"

void user_free(lk_user *u)
{
	if (!u)
		return;
	free(u->login);
	free(u->name);
	memset(u, 0, sizeof *u);
}

static int person_must_exist(lk_ctx *ctx, int64_t id, lk_err *err)
{
	lk_person p = {0};
	int found = store_person_get(ctx->db, id, &p, err);
	person_free(&p);
	if (found == 0)
		return lk_fail(err, LK_ENOTFOUND, _("There is no person with number %lld."), (long long)id);
	return found < 0 ? -1 : 0;
}

static int login_check(const char *login, lk_err *err)
{
	size_t n = login ? strlen(login) : 0;
	if (n == 0 || n > 64)
		return lk_fail(err, LK_EINVAL, _("A login has 1 to 64 characters."));
	for (size_t i = 0; i < n; i++) {
		char c = login[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		      c == '.' || c == '_' || c == '-'))
			return lk_fail(err, LK_EINVAL, _("'%s' is not a login name: use letters a-z, digits, '.', '_' and '-'."), login);
	}
	return 0;
}

int user_add(lk_ctx *ctx, const char *login, lk_role role, int64_t person_id, lk_err *err)
{
	if (role_require(ctx, LK_PERM_MANAGE_USERS, err) < 0 || login_check(login, err) < 0 ||
	    store_begin(ctx->db, err) < 0)
		return -1;
	lk_user_row row = {0};
	int rc = store_user_by_login(ctx->db, login, &row, err);
	if (rc == 1)
		rc = row.active ? lk_fail(err, LK_ERULE, _("The login '%s' already has access."), login)
			: lk_fail(err, LK_ERULE, _("The login '%s' exists but is inactive; give access again with: lmskurs user set %s --role ROLE"), login, login);
	store_user_row_free(&row);
	if (rc == 0 && person_id != 0)
		rc = person_must_exist(ctx, person_id, err);
	int64_t id = 0;
	if (rc == 0) {
		char stamp[20];
		ctx_stamp(ctx, stamp);
		lk_user_row u = {.login = (char *)login, .role = (char *)role_code(role),
			.person_id = person_id, .active = 1};
		rc = store_user_insert(ctx->db, &u, stamp, &id, err);
	}
	if (rc == 0)
		rc = audit_log(ctx, "create", "app_user", id, role_code(role), err);
	return ctx_end(ctx, rc, err);
}

struct coord_count {
	int n;
	const char *except;
};

static int count_coordinators(void *arg, const lk_user_row *u)
{
	struct coord_count *c = arg;
	if (u->active && strcmp(u->role, "coordinator") == 0 && strcmp(u->login, c->except) != 0)
		c->n++;
	return 0;
}

static int apply_user_change(lk_ctx *ctx, const char *login, lk_role role, bool active, lk_err *err)
{
	lk_user_row u = {0};
	int found = store_user_by_login(ctx->db, login, &u, err);
	if (found <= 0) {
		store_user_row_free(&u);
		return found < 0 ? -1 : lk_fail(err, LK_ENOTFOUND, _("The login '%s' has no access to change."), login);
	}
	struct coord_count others = {0, login};
	int rc = store_user_list(ctx->db, count_coordinators, &others, err);
	if (rc == 0 && others.n == 0 && (role != LK_ROLE_COORDINATOR || !active))
		rc = lk_fail(err, LK_ERULE, _("'%s' is the last coordinator; make someone else coordinator first."), login);
	if (rc == 0) {
		free(u.role);
		u.role = strdup(role_code(role));
		u.active = active;
		rc = u.role ? store_user_update(ctx->db, &u, err) : lk_fail(err, LK_ENOMEM, _("Out of memory."));
	}
	if (rc == 0)
		rc = audit_log(ctx, "update", "app_user", u.id, role_code(role), err);
	store_user_row_free(&u);
	return rc;
}

int user_set(lk_ctx *ctx, const char *login, lk_role role, bool active, lk_err *err)
{
	if (role_require(ctx, LK_PERM_MANAGE_USERS, err) < 0 || store_begin(ctx->db, err) < 0)
		return -1;
	return ctx_end(ctx, apply_user_change(ctx, login, role, active, err), err);
}

struct list_adapter {
	int (*each)(void *, const lk_user *);
	void *arg;
};

static int adapt_user(void *arg, const lk_user_row *r)
{
	struct list_adapter *a = arg;
	lk_user u = {.id = r->id, .login = r->login, .name = r->name, .person_id = r->person_id,
		.active = r->active != 0, .version = r->version};
	role_parse(r->role, &u.role);
	return a->each(a->arg, &u);
}

int user_list(lk_ctx *ctx, int (*each)(void *, const lk_user *), void *arg, lk_err *err)
{
	if (role_require(ctx, LK_PERM_MANAGE_USERS, err) < 0)
		return -1;
	struct list_adapter a = {each, arg};
	return store_user_list(ctx->db, adapt_user, &a, err);
}
