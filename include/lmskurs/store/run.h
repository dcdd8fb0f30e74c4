/* store/run.h — SQL for runs, and the few reads of courses, course parts,
 * questionnaires and meetings the run module needs. Validation, roles and
 * rules are core's (src/core/run.c). */
#ifndef LMSKURS_STORE_RUN_H
#define LMSKURS_STORE_RUN_H

#include "lmskurs/run.h"
#include "lmskurs/store.h"

/* What hangs on a run (for delete). */
typedef struct lk_run_usage {
	int64_t sessions, enrollments, responses, meetings;
} lk_run_usage;

/* One part of a course's session plan, as scheduling needs it. */
typedef struct lk_run_part {
	int position;
	const char *topic; /* owned by the store; valid during the callback */
	int minutes;
} lk_run_part;

/* The course's phase code (into phase, <= 15 bytes) and questionnaire (0 =
 * none). 1 found, 0 not found, -1 error. */
int store_run_course(lk_db *db, int64_t course_id, char phase[static 16],
	int64_t *questionnaire_id, lk_err *err);
/* 1 when questionnaire id exists, 0 not, -1 error. */
int store_run_questionnaire_exists(lk_db *db, int64_t id, lk_err *err);
/* Streams the course's parts in position order; each() returning > 0
 * stops, < 0 stops with an error (each() filled err) and gives -1. */
int store_run_parts(lk_db *db, int64_t course_id,
	int (*each)(void *arg, const lk_run_part *p), void *arg, lk_err *err);
/* 1 when an evaluation meeting of the run exists, 0 not, -1 error. */
int store_run_has_evaluation_meeting(lk_db *db, int64_t run_id, lk_err *err);

/* The run's phase: 1 found, 0 not found, -1 error. */
int store_run_phase(lk_db *db, int64_t run_id, lk_run_phase *out, lk_err *err);

/* Inserts r in phase scheduling; sets r->id and r->version. */
int store_run_insert(lk_db *db, lk_run *r, const char *stamp, lk_err *err);
/* 1 found (out filled, caller frees), 0 not found, -1 error. */
int store_run_get(lk_db *db, int64_t id, lk_run *out, lk_err *err);
/* Versioned writes: LK_ECONFLICT / LK_ENOTFOUND as st_check_versioned. */
int store_run_update(lk_db *db, lk_run *r, lk_err *err);
int store_run_delete(lk_db *db, int64_t id, int64_t version, lk_err *err);
/* Sets phase (stored code) and, when closed_at is not NULL, closed_at;
 * bumps the version. */
int store_run_set_phase(lk_db *db, int64_t id, const char *phase, const char *closed_at,
	lk_err *err);
int store_run_usage(lk_db *db, int64_t id, lk_run_usage *out, lk_err *err);
/* Recomputes first_date/last_date from the run's non-cancelled sessions
 * (a cache: the version is not bumped). */
int store_run_refresh_dates(lk_db *db, int64_t run_id, lk_err *err);

int store_run_list(lk_db *db, const lk_run_filter *f, lk_page page,
	int (*each)(void *arg, const lk_run *r), void *arg, lk_err *err);
int64_t store_run_count(lk_db *db, const lk_run_filter *f, lk_err *err);

#endif
