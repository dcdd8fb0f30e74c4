/* store/user.h — app_user rows and the audit table. */
#ifndef LMSKURS_STORE_USER_H
#define LMSKURS_STORE_USER_H

#include <stdint.h>
#include "lmskurs/store.h"

typedef struct lk_user_row {
	int64_t id;
	char *login;
	char *name;
	char *role;       /* stored form */
	int64_t person_id;
	int active;
	int64_t version;
} lk_user_row;

void store_user_row_free(lk_user_row *u);

/* 1 found, 0 no such login, -1 error. */
int store_user_by_login(lk_db *db, const char *login, lk_user_row *out, lk_err *err);
int64_t store_user_count(lk_db *db, lk_err *err); /* -1 on error */
int store_user_insert(lk_db *db, const lk_user_row *u, const char *stamp, int64_t *id, lk_err *err);
int store_user_update(lk_db *db, const lk_user_row *u, lk_err *err);
int store_user_list(lk_db *db, int (*each)(void *arg, const lk_user_row *u), void *arg, lk_err *err);

int store_audit_append(lk_db *db, const char *at, const char *login, const char *role,
	const char *action, const char *entity, int64_t id, const char *detail, lk_err *err);

#endif
