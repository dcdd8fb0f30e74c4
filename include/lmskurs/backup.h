/*
 * backup.h — copying the whole database, which holds every participant's
 * health data: coordinators only, and logged.
 */
#ifndef LMSKURS_BACKUP_H
#define LMSKURS_BACKUP_H

#include "lmskurs/ctx.h"

/* Copies the live database to dest (a new file, 0600) while others keep
 * working, verifies the copy, and logs who made it. progress may be NULL.
 * LK_EPERM for roles other than coordinator. */
int db_backup(lk_ctx *ctx, const char *dest, void (*progress)(void *arg, int done, int total),
	void *arg, lk_err *err);

#endif
