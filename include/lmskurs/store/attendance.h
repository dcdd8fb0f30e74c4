/* store/attendance.h — SQL for attendance marks and the sums over them.
 * Rules, roles and auditing are core's (attendance.c). "Expected" is
 * defined once, in src/store/attendance.c, as attendance.h documents. */
#ifndef LMSKURS_STORE_ATTENDANCE_H
#define LMSKURS_STORE_ATTENDANCE_H

#include "lmskurs/attendance.h"
#include "lmskurs/store.h"

/* What marking needs to know about a session. */
typedef struct lk_att_session {
	int64_t run_id;
	char starts_at[17]; /* "YYYY-MM-DDTHH:MM" */
	char status[12];    /* planned | held | cancelled */
	char run_phase[16]; /* stored phase code of the run */
} lk_att_session;

/* 1 found, 0 not found, -1 error. */
int store_att_session(lk_db *db, int64_t session_id, lk_att_session *out, lk_err *err);
/* The existing mark: 1 with its stored status in status, 0 none, -1 error. */
int store_att_get(lk_db *db, int64_t session_id, int64_t enrollment_id, char status[static 12],
	lk_err *err);
/* Inserts or replaces the mark. */
int store_att_put(lk_db *db, int64_t session_id, int64_t enrollment_id, const char *status,
	const char *login, const char *stamp, const char *reason, lk_err *err);
int store_att_delete(lk_db *db, int64_t session_id, int64_t enrollment_id, lk_err *err);
/* planned → held (bumps the session's version); held stays held. */
int store_att_session_held(lk_db *db, int64_t session_id, lk_err *err);

/* Fills the counts of out (present … planned_expected; the rest is
 * core's) for one enrollment: 1 found, 0 no such enrollment, -1 error. */
int store_att_counts(lk_db *db, int64_t enrollment_id, lk_attendance_summary *out, lk_err *err);
/* counts[0..3]: present, absent, excused, unmarked at session_id among the
 * enrollments it is expected of. */
int store_att_session_counts(lk_db *db, int64_t session_id, int counts[static 4], lk_err *err);
/* Cells of the run's registered enrollments × sessions, in grid order. */
int store_att_grid(lk_db *db, int64_t run_id,
	int (*each_cell)(void *arg, int64_t enrollment_id, int64_t session_id, lk_att_cell state),
	void *arg, lk_err *err);

#endif
