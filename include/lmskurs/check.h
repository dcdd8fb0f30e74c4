/*
 * check.h — `lmskurs check`: the database's integrity and the standard
 * method's rules, one line per problem.
 *
 * The rule checks look at what can still be acted on: sessions from today on
 * in runs that are not closed or cancelled. Integrity and foreign keys cover
 * the whole file.
 */
#ifndef LMSKURS_CHECK_H
#define LMSKURS_CHECK_H

#include "lmskurs/ctx.h"

typedef enum lk_problem_kind {
	LK_PROBLEM_INTEGRITY,   /* damaged file or broken reference */
	LK_PROBLEM_UNPAIRED,    /* a session without a professional or a user representative */
	LK_PROBLEM_ROOM,        /* a room booked twice at overlapping times */
	LK_PROBLEM_FACILITATOR, /* a person facilitating two overlapping sessions */
	LK_PROBLEM_HOLIDAY,     /* a session on a Norwegian public holiday */
	LK_PROBLEM_CAPACITY,    /* more registered than the run's capacity */
} lk_problem_kind;

/* Calls problem() once per problem with a translated one-line description;
 * returns how many there were, or -1 with err when a check could not run. */
int check_all(lk_ctx *ctx, void (*problem)(void *arg, lk_problem_kind kind, const char *line),
	void *arg, lk_err *err);

#endif
