/* store/course.h — SQL for courses, planning groups, session plans and
 * revisions. Validation, roles and audit are core's. Getters return 1
 * found, 0 not found, -1 error. */
#ifndef LMSKURS_STORE_COURSE_H
#define LMSKURS_STORE_COURSE_H

#include "lmskurs/course.h"
#include "lmskurs/revision.h"
#include "lmskurs/store.h"

/* ---- courses ---- */

int store_course_insert(lk_db *db, lk_course *c, const char *stamp, lk_err *err);
int store_course_get(lk_db *db, int64_t id, lk_course *out, lk_err *err);
/* Versioned; writes every field but the phase. */
int store_course_update(lk_db *db, lk_course *c, const char *stamp, lk_err *err);
int store_course_delete(lk_db *db, int64_t id, int64_t version, lk_err *err);
int store_course_set_phase(lk_db *db, int64_t id, const char *phase, const char *stamp, lk_err *err);
/* today: "YYYY-MM-DD", for the next run's date. */
int store_course_list(lk_db *db, const lk_course_filter *f, const char *today, lk_page page,
	int (*each)(void *arg, const lk_course_row *row), void *arg, lk_err *err);
int64_t store_course_count(lk_db *db, const lk_course_filter *f, lk_err *err);

/* What hangs on a course. */
typedef struct lk_course_usage {
	int64_t runs, parts, members, meetings, checklist, overrides, revisions;
} lk_course_usage;
int store_course_usage(lk_db *db, int64_t id, lk_course_usage *out, lk_err *err);

/* 1 when a row with that id exists in person (active or not) /
 * questionnaire, 0 not, -1 error. */
int store_course_person_exists(lk_db *db, int64_t id, bool *active, lk_err *err);
int store_course_questionnaire_exists(lk_db *db, int64_t id, lk_err *err);

/* ---- planning group ---- */

/* 1 when person_id is in the group, 0 not, -1 error. */
int store_member_exists(lk_db *db, int64_t course_id, int64_t person_id, lk_err *err);
int store_member_insert(lk_db *db, int64_t course_id, int64_t person_id, const char *note,
	const char *stamp, lk_err *err);
/* 1 removed, 0 was not a member, -1 error. */
int store_member_delete(lk_db *db, int64_t course_id, int64_t person_id, lk_err *err);
int store_member_list(lk_db *db, int64_t course_id,
	int (*each)(void *arg, const lk_member *m), void *arg, lk_err *err);
int store_member_balance(lk_db *db, int64_t course_id, int64_t *n_prof, int64_t *n_userrep,
	lk_err *err);

/* ---- session plan ---- */

/* Appends: sets p->id, p->position and p->version. */
int store_part_insert(lk_db *db, lk_course_part *p, lk_err *err);
int store_part_get(lk_db *db, int64_t id, lk_course_part *out, lk_err *err);
int store_part_update(lk_db *db, lk_course_part *p, lk_err *err);
/* Versioned delete, then later parts move up one. */
int store_part_delete(lk_db *db, const lk_course_part *p, lk_err *err);
/* Versioned on p; swaps p with the part at position `with`; 0 when there is
 * no such part (nothing changed), 1 swapped, -1 error. */
int store_part_swap(lk_db *db, const lk_course_part *p, int with, lk_err *err);
int store_part_list(lk_db *db, int64_t course_id,
	int (*each)(void *arg, const lk_course_part *p), void *arg, lk_err *err);

/* ---- revisions ---- */

/* Sets r->id and r->version; r->login and r->at must be set. */
int store_revision_insert(lk_db *db, lk_revision *r, lk_err *err);
int store_revision_get(lk_db *db, int64_t id, lk_revision *out, lk_err *err);
int store_revision_delete(lk_db *db, int64_t id, int64_t version, lk_err *err);
int store_revision_list(lk_db *db, int64_t course_id, lk_page page,
	int (*each)(void *arg, const lk_revision *r), void *arg, lk_err *err);
int64_t store_revision_count(lk_db *db, int64_t course_id, lk_err *err);

#endif
