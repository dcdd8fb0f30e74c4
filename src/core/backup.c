#include "lmskurs/backup.h"

#include "lmskurs/audit.h"
#include "lmskurs/role.h"
#include "lmskurs/store.h"

/* The entry is written first, in its own transaction: a copy that was
 * attempted is worth knowing about even if it failed half-way. */
int db_backup(lk_ctx *ctx, const char *dest, void (*progress)(void *, int, int), void *arg,
	lk_err *err)
{
	if (role_require(ctx, LK_PERM_BACKUP, err) < 0 || store_begin(ctx->db, err) < 0)
		return -1;
	if (ctx_end(ctx, audit_log(ctx, "backup", "database", 0, dest, err), err) < 0)
		return -1;
	return store_backup(ctx->db, dest, progress, arg, err);
}
