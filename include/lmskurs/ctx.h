/*
 * ctx.h — who is working, on which database, with which settings.
 *
 * Every core operation takes an lk_ctx: it checks ctx->role, validates,
 * writes in one transaction on ctx->db and appends to the audit log as
 * ctx->login. The OS login identifies the user; the login that creates the
 * database becomes its first coordinator.
 */
#ifndef LMSKURS_CTX_H
#define LMSKURS_CTX_H

#include <stdbool.h>
#include <stdint.h>
#include "lmskurs/date.h"
#include "lmskurs/err.h"
#include "lmskurs/settings.h"
#include "lmskurs/store.h"

typedef enum lk_role {
	LK_ROLE_COORDINATOR,
	LK_ROLE_USER_REP,
	LK_ROLE_STAFF,
} lk_role;

typedef struct lk_ctx {
	lk_db *db;
	char *login;
	lk_role role;
	int64_t user_id;
	int64_t person_id;     /* the person record linked to this login, 0 if none */
	bool revoked;          /* a coordinator took this login's access away meanwhile */
	lk_settings settings;
	/* The clock; tests replace it. Returns local wall-clock time. */
	lk_datetime (*clock)(void *arg);
	void *clock_arg;
} lk_ctx;

/* Opens db_path (mode as store_open) as login. On a database without users
 * login becomes its first coordinator. A login without access is refused
 * with LK_EPERM and a message saying how a coordinator grants it. settings
 * may be NULL (defaults). Caller frees with ctx_close. */
int ctx_open(const char *db_path, lk_open_mode mode, const char *login,
	const lk_settings *settings, lk_ctx **out, bool *created, lk_err *err);

void ctx_close(lk_ctx *ctx);

/* Reads the login's role and access again (a long-running screen calls it
 * when another process has committed). A login made inactive or removed
 * meanwhile gets ctx->revoked and LK_EPERM; every later role check then
 * refuses. */
int ctx_refresh(lk_ctx *ctx, lk_err *err);

/* The login of the process's real user (getpwuid), newly allocated. */
char *ctx_os_login(lk_err *err);

/* Now, by ctx's clock. */
lk_datetime ctx_now(const lk_ctx *ctx);
lk_date ctx_today(const lk_ctx *ctx);
/* Now as "YYYY-MM-DDTHH:MM:SS". */
void ctx_stamp(const lk_ctx *ctx, char buf[static 20]);

/* Ends an operation's transaction: commits when rc == 0, else rolls back.
 * Returns 0 or -1 (err filled by whoever failed, or by the commit). */
int ctx_end(lk_ctx *ctx, int rc, lk_err *err);

const char *role_code(lk_role r);          /* "coordinator" ... (stored form) */
const char *role_label(lk_role r);         /* translated, for people */
int role_parse(const char *code, lk_role *out); /* accepts stored form; -1 if unknown */

#endif
