/*
 * course.h — the course concept (kurs, lærings- og mestringstilbud) through
 * idea, anchoring and planning (DESIGN.md §2): its six plan elements, its
 * planning group of professionals and user representatives, its session
 * plan, and its phase moves with their gates.
 *
 *   course_create ──▶ idea ──gate: owner──▶ planning ──gate: group + plan──▶
 *   active ⇄ revision;  any ──▶ retired;  back one step without a gate
 *
 * Reads need LK_PERM_READ_PLAN (every role); writes need LK_PERM_EDIT_PLAN
 * (coordinators). Every write is one transaction and audited. Records a
 * person edits carry a version: a stale one is refused with LK_ECONFLICT
 * and nothing is overwritten.
 */
#ifndef LMSKURS_COURSE_H
#define LMSKURS_COURSE_H

#include <stdbool.h>
#include <stdint.h>
#include "lmskurs/ctx.h"
#include "lmskurs/person.h"
#include "lmskurs/phase.h"

typedef enum lk_audience {
	LK_AUDIENCE_PATIENTS,
	LK_AUDIENCE_RELATIVES,
	LK_AUDIENCE_BOTH,
	LK_AUDIENCE_COUNT
} lk_audience;

const char *course_audience_code(lk_audience a);  /* "patients" | "relatives" | "both"; "" if unknown */
const char *course_audience_label(lk_audience a); /* translated */
int course_audience_parse(const char *code, lk_audience *out); /* -1 if unknown */

typedef struct lk_course {
	int64_t id;
	char *title;
	lk_audience audience;
	lk_course_phase phase;     /* read-only: course_set_phase moves it */
	char *why;                 /* idea and anchoring: why this course */
	int64_t owner_id;          /* the owning person, 0 when none is named */
	char *management_backing;  /* forankring: who in management backs it */
	/* the didactic relation model's six plan elements */
	char *target_group, *goals, *frame, *content, *methods, *evaluation;
	bool referral_required;
	int64_t questionnaire_id;  /* 0: none chosen (the default form applies) */
	char *created_at, *updated_at; /* read-only; filled by get and list */
	int64_t version;
} lk_course;

/* Frees the strings inside c (not c) and zeroes it. */
void course_free(lk_course *c);

/* Creates c in phase idea and copies the idea checklist. Text fields may be
 * NULL (empty); title is required. On success sets c->id, c->phase and
 * c->version (1); other fields are not touched. On failure c->id and
 * c->version are 0 (nothing was saved). LK_EINVAL for invalid input (also
 * an owner or questionnaire that does not exist). */
int course_create(lk_ctx *ctx, lk_course *c, lk_err *err);

/* Reads one course into out (caller frees with course_free); LK_ENOTFOUND. */
int course_get(lk_ctx *ctx, int64_t id, lk_course *out, lk_err *err);

/* Saves every field of c except the phase if nobody changed the course
 * since c->version was read (LK_ECONFLICT otherwise); bumps c->version (left
 * as it was on failure). A phase move bumps the version too, so a form read
 * before the move is refused as stale: read the course again. */
int course_update(lk_ctx *ctx, lk_course *c, lk_err *err);

/* Deletes a course without runs together with its session plan, planning
 * group, meetings (attendees, decisions), checklist, overrides and
 * revisions; the audit detail says how many of each went. A course with
 * runs is refused with LK_ERULE saying how many (retire it instead). */
int course_delete(lk_ctx *ctx, int64_t id, int64_t version, lk_err *err);

typedef struct lk_course_filter {
	const char *text; /* substring of the title (LIKE wildcards literal); NULL = all */
	int phase;        /* -1 any, else lk_course_phase */
	int audience;     /* -1 any, else lk_audience */
} lk_course_filter;

/* One row of the course list. */
typedef struct lk_course_row {
	lk_course course;
	char *owner_name;      /* NULL when no owner is named */
	int64_t n_runs;        /* every run, cancelled ones included */
	char *next_first_date; /* first date ("YYYY-MM-DD") of the next run that is
	                          not cancelled and starts today or later; NULL if none */
} lk_course_row;

/* Streams one page of courses sorted by title (case-insensitive). The row
 * is freed after each() returns; each() returning non-zero stops. f may be
 * NULL (all). */
int course_list(lk_ctx *ctx, const lk_course_filter *f, lk_page page,
	int (*each)(void *arg, const lk_course_row *row), void *arg, lk_err *err);
/* Number of courses f matches; -1 on error. */
int64_t course_count(lk_ctx *ctx, const lk_course_filter *f, lk_err *err);

/* ---- planning group ---- */

typedef struct lk_member {
	int64_t person_id;
	char *name;
	lk_person_kind kind;
	char *profession, *organisation;
	char *role_note; /* e.g. "leder plangruppen"; "" if none */
	bool active;     /* the person's active flag */
} lk_member;

void course_member_free(lk_member *m);

/* Adds an active person to the course's planning group (role_note may be
 * NULL). LK_EINVAL if already a member or inactive; LK_ENOTFOUND for an
 * unknown course or person. */
int course_member_add(lk_ctx *ctx, int64_t course_id, int64_t person_id, const char *role_note,
	lk_err *err);
/* Removes a member; LK_ENOTFOUND if the person is not in the group. */
int course_member_remove(lk_ctx *ctx, int64_t course_id, int64_t person_id, lk_err *err);
/* Streams the group, professionals first, then by name. The group is small,
 * so there is no paging. */
int course_member_list(lk_ctx *ctx, int64_t course_id,
	int (*each)(void *arg, const lk_member *m), void *arg, lk_err *err);
/* How many professionals and user representatives the group has. */
int course_group_balance(lk_ctx *ctx, int64_t course_id, int64_t *n_prof, int64_t *n_userrep,
	lk_err *err);

/* ---- session plan ---- */

typedef enum lk_part_needs {
	LK_NEEDS_BOTH,          /* a professional and a user representative */
	LK_NEEDS_PROFESSIONAL,
	LK_NEEDS_USER_REP,
	LK_NEEDS_COUNT
} lk_part_needs;

const char *course_part_needs_code(lk_part_needs n);  /* "both" | "professional" | "user_rep" */
const char *course_part_needs_label(lk_part_needs n); /* translated */
int course_part_needs_parse(const char *code, lk_part_needs *out);

enum { LK_PART_MINUTES_MIN = 5, LK_PART_MINUTES_MAX = 720 };

typedef struct lk_course_part {
	int64_t id;
	int64_t course_id;
	int position;        /* 1.. in the plan; set by add, changed by move/delete */
	char *topic;
	int minutes;         /* LK_PART_MINUTES_MIN..MAX */
	lk_part_needs needs;
	char *description;
	int64_t version;
} lk_course_part;

void course_part_free(lk_course_part *p);

/* Appends p to its course's plan (p->course_id); sets id, position, version
 * (all 0 again on failure). */
int course_part_add(lk_ctx *ctx, lk_course_part *p, lk_err *err);
int course_part_get(lk_ctx *ctx, int64_t id, lk_course_part *out, lk_err *err);
/* Saves topic, minutes, needs and description (versioned; bumps p->version). */
int course_part_update(lk_ctx *ctx, lk_course_part *p, lk_err *err);
/* Deletes a part and closes the gap: later parts move up one (same
 * transaction). Versioned. */
int course_part_delete(lk_ctx *ctx, int64_t id, int64_t version, lk_err *err);
/* Moves a part one place up (step -1) or down (step +1), swapping with its
 * neighbour. Versioned on the moved part, whose version is bumped.
 * LK_EINVAL when it is already first/last or step is not ±1. */
int course_part_move(lk_ctx *ctx, int64_t id, int64_t version, int step, lk_err *err);
/* Streams the plan in order (bounded: no paging). */
int course_part_list(lk_ctx *ctx, int64_t course_id,
	int (*each)(void *arg, const lk_course_part *p), void *arg, lk_err *err);

/* ---- phases ---- */

/* Fills out (initialised here; caller frees with gate_free) with what is
 * unmet for moving course id from its phase to to: leaving idea needs a
 * named owner; reaching active (from planning or revision) needs a planning
 * group with >= 1 professional and >= 1 user representative and a session
 * plan with >= 1 part; then the current phase's unticked checklist items.
 * Moving back one step or to retired has no gate. LK_ERULE when the move
 * itself is not allowed (see course_set_phase). */
int course_gate(lk_ctx *ctx, int64_t id, lk_course_phase to, lk_gate *out, lk_err *err);

/* Moves course id to phase to. Allowed: idea→planning→active,
 * active→revision→active, any→retired, retired→revision (to take a course
 * up again) and back one step planning→idea, active→planning (no gate).
 * When the gate is unmet and reason is NULL or blank: LK_ERULE
 * "Cannot move to planning: no owner is named; checklist: '…' is not
 * ticked" and nothing changes; with a reason the move is made and the
 * override (unmet sentences + reason) kept. Entering a phase copies its
 * checklist once. unmet_out (may be NULL; caller frees with gate_free) gets
 * what the gate found, also when the move was made. Audited as "phase"
 * with detail "idea->planning". Bumps the course's version. Coordinators
 * only. */
int course_set_phase(lk_ctx *ctx, int64_t id, lk_course_phase to, const char *reason,
	lk_gate *unmet_out, lk_err *err);

#endif
