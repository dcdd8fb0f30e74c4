/*
 * revision.h — a course's revision log (DESIGN.md §2, revision phase): each
 * entry says which plan element changed, what changed and why, and may
 * point at the meeting decision behind it and at a part of the session plan.
 * Reads: every role; add and delete: coordinators, one transaction, audited.
 */
#ifndef LMSKURS_REVISION_H
#define LMSKURS_REVISION_H

#include <stdint.h>
#include "lmskurs/ctx.h"

typedef enum lk_plan_element {
	LK_ELEMENT_TARGET_GROUP,
	LK_ELEMENT_GOALS,
	LK_ELEMENT_FRAME,
	LK_ELEMENT_CONTENT,
	LK_ELEMENT_METHODS,
	LK_ELEMENT_EVALUATION,
	LK_ELEMENT_SESSION_PLAN,
	LK_ELEMENT_OTHER,
	LK_ELEMENT_COUNT
} lk_plan_element;

/* "target_group" ... "other" (stored form); "" if unknown. */
const char *revision_element_code(lk_plan_element e);
/* Translated: "target group", "goals", "frame conditions", "content",
 * "methods", "evaluation", "session plan", "other". */
const char *revision_element_label(lk_plan_element e);
int revision_element_parse(const char *code, lk_plan_element *out); /* -1 if unknown */

typedef struct lk_revision {
	int64_t id;
	int64_t course_id;
	int64_t decision_id;     /* the meeting decision behind it, 0 none */
	lk_plan_element element;
	int64_t part_id;         /* a part of the course's session plan, 0 none */
	char *change;            /* what changed (required) */
	char *why;
	char *login, *at;        /* read-only: who and when ("YYYY-MM-DDTHH:MM:SS") */
	int64_t version;
} lk_revision;

/* Frees the strings inside r (not r) and zeroes it. */
void revision_free(lk_revision *r);

/* Adds r to r->course_id's log as ctx->login now; sets r->id and
 * r->version (login and at are not written back into r). A decision must
 * come from a meeting of the same course, a part from its session plan
 * (LK_EINVAL otherwise); LK_ENOTFOUND for an unknown course. */
int revision_add(lk_ctx *ctx, lk_revision *r, lk_err *err);

/* Reads one entry (caller frees with revision_free). */
int revision_get(lk_ctx *ctx, int64_t id, lk_revision *out, lk_err *err);

/* Streams one page of the course's log, newest first. The entry is freed
 * after each() returns; each() returning non-zero stops. */
int revision_list(lk_ctx *ctx, int64_t course_id, lk_page page,
	int (*each)(void *arg, const lk_revision *r), void *arg, lk_err *err);
int64_t revision_count(lk_ctx *ctx, int64_t course_id, lk_err *err);

/* Deletes an entry (version as read). Coordinators only; audited. */
int revision_delete(lk_ctx *ctx, int64_t id, int64_t version, lk_err *err);

#endif
