#include "lmskurs/audit.h"

#include "lmskurs/store/user.h"

int audit_log(lk_ctx *ctx, const char *action, const char *entity, int64_t id,
	const char *detail, lk_err *err)
{
	char stamp[20];
	ctx_stamp(ctx, stamp);
	return store_audit_append(ctx->db, stamp, ctx->login, role_code(ctx->role), action,
		entity, id, detail, err);
}
