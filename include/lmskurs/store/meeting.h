/* store/meeting.h — SQL for meetings, their attendees and decisions.
 * Validation, roles and audit are core's. Getters return 1 found, 0 not
 * found, -1 error. */
#ifndef LMSKURS_STORE_MEETING_H
#define LMSKURS_STORE_MEETING_H

#include "lmskurs/meeting.h"
#include "lmskurs/store.h"

/* m->starts_at/ends_at must already be in ISO form. Sets id and version. */
int store_meeting_insert(lk_db *db, lk_meeting *m, lk_err *err);
int store_meeting_get(lk_db *db, int64_t id, lk_meeting *out, lk_err *err);
/* Versioned; writes kind, run, times, place, notes. */
int store_meeting_update(lk_db *db, lk_meeting *m, lk_err *err);
int store_meeting_delete(lk_db *db, int64_t id, int64_t version, lk_err *err);
int store_meeting_list(lk_db *db, int64_t course_id, int kind, lk_page page,
	int (*each)(void *arg, const lk_meeting *m), void *arg, lk_err *err);
int64_t store_meeting_count(lk_db *db, int64_t course_id, int kind, lk_err *err);
int64_t store_meeting_count_for_run(lk_db *db, int64_t run_id, int kind, lk_err *err);
/* The course a run belongs to: 1 found (*course_id set), 0 no such run. */
int store_meeting_run_course(lk_db *db, int64_t run_id, int64_t *course_id, lk_err *err);

/* 1 when recorded, 0 not, -1 error. */
int store_attendee_exists(lk_db *db, int64_t meeting_id, int64_t person_id, lk_err *err);
int store_attendee_insert(lk_db *db, int64_t meeting_id, int64_t person_id, bool in_person,
	lk_err *err);
/* 1 changed/removed, 0 was not recorded, -1 error. */
int store_attendee_set(lk_db *db, int64_t meeting_id, int64_t person_id, bool in_person,
	lk_err *err);
int store_attendee_delete(lk_db *db, int64_t meeting_id, int64_t person_id, lk_err *err);
int store_attendee_list(lk_db *db, int64_t meeting_id,
	int (*each)(void *arg, const lk_attendee *a), void *arg, lk_err *err);

int store_decision_insert(lk_db *db, lk_decision *d, lk_err *err);
int store_decision_get(lk_db *db, int64_t id, lk_decision *out, lk_err *err);
int store_decision_update(lk_db *db, lk_decision *d, lk_err *err);
int store_decision_delete(lk_db *db, int64_t id, int64_t version, lk_err *err);
int store_decision_list(lk_db *db, int64_t meeting_id,
	int (*each)(void *arg, const lk_decision *d), void *arg, lk_err *err);
/* The course whose meeting made the decision: 1 found, 0 no such decision. */
int store_decision_course(lk_db *db, int64_t decision_id, int64_t *course_id, lk_err *err);

#endif
