/* store/session.h — SQL for sessions and their facilitators. Validation,
 * roles and rules are core's (src/core/session.c, src/core/run.c). */
#ifndef LMSKURS_STORE_SESSION_H
#define LMSKURS_STORE_SESSION_H

#include <stdbool.h>
#include "lmskurs/person.h"
#include "lmskurs/session.h"
#include "lmskurs/store.h"

/* Appends s to its run with seq = last + 1, status planned; sets s->id,
 * s->seq, s->status, s->version. */
int store_session_insert(lk_db *db, lk_session *s, lk_err *err);
/* Writes session number seq of the run (inserting or rewriting it in place:
 * status planned, notes cleared, facilitators kept). Times are stored text. */
int store_session_put_seq(lk_db *db, int64_t run_id, int seq, const char *starts_at,
	const char *ends_at, const char *room, const char *topic, lk_err *err);
/* Deletes the run's sessions numbered above seq. */
int store_session_delete_beyond(lk_db *db, int64_t run_id, int seq, lk_err *err);
/* Closes the gap left by a deleted session number seq. */
int store_session_renumber(lk_db *db, int64_t run_id, int seq, lk_err *err);

/* 1 found (out filled, caller frees), 0 not found, -1 error. */
int store_session_get(lk_db *db, int64_t id, lk_session *out, lk_err *err);
/* Versioned writes: LK_ECONFLICT / LK_ENOTFOUND as st_check_versioned. */
int store_session_update(lk_db *db, lk_session *s, lk_err *err);
int store_session_set_status(lk_db *db, int64_t id, int64_t version, const char *status,
	lk_err *err);
int store_session_delete(lk_db *db, int64_t id, int64_t version, lk_err *err);

/* Attendance marks of one session, of a whole run; -1 on error. */
int64_t store_session_attendance(lk_db *db, int64_t session_id, lk_err *err);
int64_t store_session_run_attendance(lk_db *db, int64_t run_id, lk_err *err);
/* Planned sessions of a run; -1 on error. */
int64_t store_session_count_planned(lk_db *db, int64_t run_id, lk_err *err);

/* The run's sessions in seq order; unpaired_only: only those not cancelled
 * lacking a professional or a user representative. */
int store_session_list(lk_db *db, int64_t run_id, bool unpaired_only,
	int (*each)(void *arg, const lk_session *s), void *arg, lk_err *err);
/* Sessions with from <= starts_at < to_excl (stored text) of runs not
 * cancelled, in time order. */
int store_session_list_range(lk_db *db, const char *from, const char *to_excl,
	int (*each)(void *arg, const lk_session *s), void *arg, lk_err *err);

/* 1 when person_id facilitates session_id, 0 not, -1 error. */
int store_session_facilitator_has(lk_db *db, int64_t session_id, int64_t person_id, lk_err *err);
int store_session_facilitator_add(lk_db *db, int64_t session_id, int64_t person_id, lk_err *err);
/* 1 removed, 0 there was no such booking, -1 error. */
int store_session_facilitator_remove(lk_db *db, int64_t session_id, int64_t person_id,
	lk_err *err);
int store_session_facilitator_list(lk_db *db, int64_t session_id,
	int (*each)(void *arg, const lk_person *p), void *arg, lk_err *err);
/* Books person_id on every planned session of the run (once). */
int store_session_facilitator_assign_run(lk_db *db, int64_t run_id, int64_t person_id,
	lk_err *err);

#endif
