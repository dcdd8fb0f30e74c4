/*
 * user.h — logins with access to the database and their roles.
 * Coordinators manage users; the last active coordinator cannot be removed
 * or demoted, so a database never locks everyone out.
 */
#ifndef LMSKURS_USER_H
#define LMSKURS_USER_H

#include <stdbool.h>
#include <stdint.h>
#include "lmskurs/ctx.h"

typedef struct lk_user {
	int64_t id;
	char *login;
	char *name;
	lk_role role;
	int64_t person_id; /* linked person (a user representative's own record), 0 none */
	bool active;
	int64_t version;
} lk_user;

void user_free(lk_user *u);

/* Gives login access with role. LK_EINVAL for a malformed login (1-64 chars
 * of letters, digits, . _ -), LK_ERULE if it already exists. */
int user_add(lk_ctx *ctx, const char *login, lk_role role, int64_t person_id, lk_err *err);

/* Changes role and active flag of login; refuses to leave no active coordinator. */
int user_set(lk_ctx *ctx, const char *login, lk_role role, bool active, lk_err *err);

/* Streams all users sorted by login. */
int user_list(lk_ctx *ctx, int (*each)(void *arg, const lk_user *u), void *arg, lk_err *err);

#endif
