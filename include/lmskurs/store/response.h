/* store/response.h — SQL for responses, answers and facilitators'
 * evaluations. Validation, roles and phase rules are core's. */
#ifndef LMSKURS_STORE_RESPONSE_H
#define LMSKURS_STORE_RESPONSE_H

#include <stdbool.h>
#include "lmskurs/response.h"
#include "lmskurs/store.h"

/* The run's stored phase code into phase: 1 found, 0 no such run, -1 error. */
int store_response_run_phase(lk_db *db, int64_t run_id, char phase[static 16], lk_err *err);

/* Inserts a response row (no answers); *id gets its id. */
int store_response_insert(lk_db *db, const lk_response *r, const char *stamp, int64_t *id,
	lk_err *err);
/* One answer: value_int when text is NULL, else value_text. */
int store_answer_insert(lk_db *db, int64_t response_id, int64_t question_id, int64_t value,
	const char *text, lk_err *err);
int store_response_clear_answers(lk_db *db, int64_t response_id, lk_err *err);
/* Versioned version bump (LK_ECONFLICT / LK_ENOTFOUND). */
int store_response_touch(lk_db *db, int64_t id, int64_t version, lk_err *err);
int store_response_delete(lk_db *db, int64_t id, int64_t version, lk_err *err);
/* 1/0/-1; answers included, in question order. */
int store_response_get(lk_db *db, int64_t id, lk_response *out, lk_err *err);
int store_response_list(lk_db *db, int64_t run_id, lk_page page,
	int (*each)(void *arg, const lk_response *r), void *arg, lk_err *err);
int64_t store_response_count(lk_db *db, int64_t run_id, lk_err *err); /* -1 on error */
/* Responses of run_id on questionnaire_id; -1 on error. */
int64_t store_response_count_on(lk_db *db, int64_t run_id, int64_t questionnaire_id, lk_err *err);

/* 1 when person_id facilitates a session of run_id, 0 not, -1 error. */
int store_feval_is_facilitator(lk_db *db, int64_t run_id, int64_t person_id, lk_err *err);
/* 1/0/-1. */
int store_feval_get(lk_db *db, int64_t run_id, int64_t person_id, lk_facilitator_eval *out,
	lk_err *err);
int store_feval_insert(lk_db *db, const lk_facilitator_eval *e, lk_err *err);
/* Versioned on e->version; e->version is bumped. */
int store_feval_update(lk_db *db, lk_facilitator_eval *e, lk_err *err);
int store_feval_delete(lk_db *db, int64_t run_id, int64_t person_id, int64_t version, lk_err *err);
int store_feval_list(lk_db *db, int64_t run_id,
	int (*each)(void *arg, const lk_facilitator_eval *e), void *arg, lk_err *err);

#endif
