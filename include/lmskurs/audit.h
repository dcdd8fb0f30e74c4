/*
 * audit.h — the audit log: who did what, when. Called inside the
 * operation's own transaction, so the entry and the change stand or fall
 * together. Never pass a participant's name or contact details as detail.
 */
#ifndef LMSKURS_AUDIT_H
#define LMSKURS_AUDIT_H

#include <stdint.h>
#include "lmskurs/ctx.h"

/* action: "create", "update", "delete", "phase", "read_contact", ...;
 * entity: the table name; id: its row (0 for none); detail may be NULL. */
int audit_log(lk_ctx *ctx, const char *action, const char *entity, int64_t id,
	const char *detail, lk_err *err);

#endif
