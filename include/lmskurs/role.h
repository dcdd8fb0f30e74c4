/*
 * role.h — what each role may do, as one table (src/core/role.c). Core
 * operations call role_require before touching anything; screens and
 * commands may call role_allows to hide what a role cannot use.
 */
#ifndef LMSKURS_ROLE_H
#define LMSKURS_ROLE_H

#include <stdbool.h>
#include "lmskurs/ctx.h"

typedef enum lk_perm {
	LK_PERM_READ_PLAN,          /* courses, runs, sessions, people, meetings */
	LK_PERM_EDIT_PLAN,          /* create/change/delete those */
	LK_PERM_READ_PARTICIPANTS,  /* participants' names and enrollments */
	LK_PERM_READ_CONTACT,       /* participants' phone, e-mail, notes, birth year */
	LK_PERM_EDIT_PARTICIPANTS,  /* register, enroll, cancel, merge, delete */
	LK_PERM_MARK_ATTENDANCE,
	LK_PERM_ENTER_RESPONSES,    /* type in evaluation forms */
	LK_PERM_READ_RESULTS,       /* evaluation results */
	LK_PERM_WRITE_FACILITATOR_EVALUATION,
	LK_PERM_EDIT_QUESTIONNAIRES,
	LK_PERM_MANAGE_USERS,
	LK_PERM_READ_AUDIT,
	LK_PERM_REPORTS,
	LK_PERM_BACKUP,             /* copy the whole database */
	LK_PERM_COUNT
} lk_perm;

bool role_allows(lk_role role, lk_perm perm);

/* 0 when ctx's role allows perm; else LK_EPERM naming the role and what was
 * refused. */
int role_require(const lk_ctx *ctx, lk_perm perm, lk_err *err);

#endif
