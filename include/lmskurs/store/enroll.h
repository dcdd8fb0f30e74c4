/* store/enroll.h — SQL for enrollments, the waitlist and a run's capacity.
 * Rules, roles and auditing are core's (enroll.c). Status and category are
 * passed in their stored form ("registered", "patient" ...). */
#ifndef LMSKURS_STORE_ENROLL_H
#define LMSKURS_STORE_ENROLL_H

#include "lmskurs/enroll.h"
#include "lmskurs/store.h"

/* What enrolling needs to know about a run. */
typedef struct lk_enroll_run {
	int64_t course_id;
	char phase[16];  /* stored phase code */
	int capacity;    /* 0 = not set (no limit) */
} lk_enroll_run;

/* 1 found, 0 not found, -1 error (all three "get"s). */
int store_enroll_run(lk_db *db, int64_t run_id, lk_enroll_run *out, lk_err *err);
int store_enroll_get(lk_db *db, int64_t id, lk_enrollment *out, lk_err *err);
int store_enroll_find(lk_db *db, int64_t run_id, int64_t participant_id, lk_enrollment *out,
	lk_err *err);
/* The first waitlisted enrollment of the run by (requested_at, id). */
int store_enroll_first_waiting(lk_db *db, int64_t run_id, lk_enrollment *out, lk_err *err);

/* counts[0..2]: registered, waitlisted, cancelled. */
int store_enroll_counts(lk_db *db, int64_t run_id, int64_t counts[static 3], lk_err *err);

/* The requested_at that puts a request made at now (a stamp) at the back
 * of run_id's queue: now, unless someone in the queue has a later stamp.
 * self_id is the enrollment being re-used (0 for a new one); it is moved a
 * second past the last so that its lower id cannot put it ahead. */
int store_enroll_queue_stamp(lk_db *db, int64_t run_id, const char *now, int64_t self_id,
	char out[static 20], lk_err *err);

int store_enroll_insert(lk_db *db, const lk_enrollment *e, int64_t *id, lk_err *err);
/* Re-uses a cancelled enrollment: category, status, referral,
 * requested_at, placed_at from e; cancelled_at cleared; version bumped. */
int store_enroll_reopen(lk_db *db, const lk_enrollment *e, lk_err *err);
/* Cancels (versioned: LK_ECONFLICT / LK_ENOTFOUND). */
int store_enroll_cancel(lk_db *db, int64_t id, int64_t version, const char *stamp, lk_err *err);
/* A waitlisted enrollment gets a place at stamp. */
int store_enroll_place(lk_db *db, int64_t id, const char *stamp, lk_err *err);
int store_enroll_set_capacity(lk_db *db, int64_t run_id, int capacity, lk_err *err);

/* status: stored form or NULL for all. Order as enroll_list documents. */
int store_enroll_list(lk_db *db, int64_t run_id, const char *status, lk_page page,
	int (*each)(void *arg, const lk_enrollment *e), void *arg, lk_err *err);

#endif
