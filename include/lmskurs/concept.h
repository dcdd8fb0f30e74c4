/*
 * concept.h — a course concept as it travels between centres: what a
 * course is, without what belongs to one centre (owner, planning group,
 * questionnaire, runs, phase, who ticked what).
 *
 *   course + session plan + checklist texts ──concept_get──▶ lk_concept
 *   lk_concept ──concept_create──▶ a new course in phase idea (one transaction)
 *
 * The file format is io's (template.h); this module knows none.
 */
#ifndef LMSKURS_CONCEPT_H
#define LMSKURS_CONCEPT_H

#include <stdbool.h>
#include <stdint.h>
#include "lmskurs/course.h"

/* One checklist item's text in one of the course's checklist phases. */
typedef struct lk_concept_item {
	lk_course_phase phase; /* LK_COURSE_IDEA, _PLANNING or _REVISION */
	char *text;
} lk_concept_item;

typedef struct lk_concept {
	/* title, audience, why, the six plan elements and referral_required;
	 * the other fields are not part of a concept and are left zero. */
	lk_course course;
	lk_course_part *parts;  /* the session plan in order: topic, minutes, needs,
	                           description (ids, positions and versions unused) */
	int n_parts;
	lk_concept_item *items; /* checklist texts, each phase's in order */
	int n_items;
	/* has_checklist[p]: the concept says what phase p's checklist is (its
	 * items above, possibly none), instead of the receiving centre's
	 * template for that phase. */
	bool has_checklist[LK_COURSE_PHASE_COUNT];
} lk_concept;

/* Frees everything inside c (not c) and zeroes it; NULL is fine. */
void concept_free(lk_concept *c);

/* Appends a part / a checklist item (copies of the strings; c owns them)
 * and, for an item, sets has_checklist[phase]. -1 with LK_ENOMEM, or
 * LK_EINVAL for a phase outside lk_course_phase. */
int concept_add_part(lk_concept *c, const lk_course_part *p, lk_err *err);
int concept_add_item(lk_concept *c, lk_course_phase phase, const char *text, lk_err *err);

/* Reads course_id's concept into out (zeroed first; caller frees with
 * concept_free, also after a failure). has_checklist is set for idea (always:
 * every course has been in it) and for every phase the course has items
 * for. Every role may read; LK_ENOTFOUND for an unknown course. */
int concept_get(lk_ctx *ctx, int64_t course_id, lk_concept *out, lk_err *err);

/* Creates a new course in phase idea from c: its fields, its session plan,
 * and for each phase with has_checklist exactly those checklist texts in
 * that order (nothing ticked; the template's items for that phase are not
 * used). All in one transaction: on any refusal nothing is saved and
 * *course_id is 0. Errors as course_create, course_part_add and
 * checklist_add give them, prefixed with where ("Part 3: ..."). Checklist
 * phases other than idea, planning and revision are refused (LK_EINVAL).
 * Audited by each step and once as "import" on course. Coordinators only. */
int concept_create(lk_ctx *ctx, const lk_concept *c, int64_t *course_id, lk_err *err);

#endif
