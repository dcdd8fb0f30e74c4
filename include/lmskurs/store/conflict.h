/* store/conflict.h — SQL for conflicts. The room comparison (trim, case)
 * and the holiday calendar are core's; the store finds time overlaps. */
#ifndef LMSKURS_STORE_CONFLICT_H
#define LMSKURS_STORE_CONFLICT_H

#include "lmskurs/conflict.h"
#include "lmskurs/store.h"

typedef struct lk_conflict_query {
	int64_t run_id;       /* at most one of run_id and session_id; both 0: all */
	int64_t session_id;
	const char *from_iso; /* NULL: no bound; else both sessions start >= it */
} lk_conflict_query;

/* Streams candidate pairs (a, b) of live sessions (neither they nor their
 * runs cancelled) overlapping in time, each pair once (see conflict.h for
 * which one is a). kind LK_CONFLICT_ROOM: pairs where both rooms are not
 * empty (the caller compares them); LK_CONFLICT_FACILITATOR: one row per
 * person facilitating both (person_id, person_name set). Strings are
 * borrowed for the call. each() non-zero stops. */
int store_conflict_pairs(lk_db *db, lk_conflict_kind kind, const lk_conflict_query *q,
	int (*each)(void *arg, const lk_conflict *c), void *arg, lk_err *err);

/* Streams the live sessions in scope ordered by start (for holidays). */
int store_conflict_sessions(lk_db *db, const lk_conflict_query *q,
	int (*each)(void *arg, const lk_conflict_session *s), void *arg, lk_err *err);

/* 1 when the run / session exists, 0 not, -1 error. */
int store_conflict_run_exists(lk_db *db, int64_t run_id, lk_err *err);
int store_conflict_session_exists(lk_db *db, int64_t session_id, lk_err *err);

/* EXPLAIN QUERY PLAN of every query above: line(arg, query name, detail)
 * once per plan row ("SEARCH b USING INDEX session_starts …"). For tests
 * that pin the plans. */
int store_conflict_plan(lk_db *db, void (*line)(void *arg, const char *query, const char *detail),
	void *arg, lk_err *err);

#endif
