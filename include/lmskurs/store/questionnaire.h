/* store/questionnaire.h — SQL for questionnaires, questions and options.
 * Validation, roles and the "never change one with answers" rule are
 * core's. Functions returning "1 found, 0 not found, -1 error" say so. */
#ifndef LMSKURS_STORE_QUESTIONNAIRE_H
#define LMSKURS_STORE_QUESTIONNAIRE_H

#include "lmskurs/questionnaire.h"
#include "lmskurs/store.h"

/* Inserts q (name, description, is_default, previous_id; family_id 0 starts
 * a new family numbered after the highest; version_no 0 means 1). Sets
 * q->id, family_id, version_no, version. */
int store_questionnaire_insert(lk_db *db, lk_questionnaire *q, const char *stamp, lk_err *err);
/* 1/0/-1; questions not read. */
int store_questionnaire_get(lk_db *db, int64_t id, lk_questionnaire *out, lk_err *err);
int store_questionnaire_update(lk_db *db, lk_questionnaire *q, lk_err *err);
int store_questionnaire_delete(lk_db *db, int64_t id, int64_t version, lk_err *err);
int store_questionnaire_list(lk_db *db, const lk_questionnaire_filter *f, lk_page page,
	int (*each)(void *arg, const lk_questionnaire *q), void *arg, lk_err *err);
/* Responses given on questionnaire id; -1 on error. */
int64_t store_questionnaire_responses(lk_db *db, int64_t id, lk_err *err);
/* Courses and runs that chose id. */
int store_questionnaire_usage(lk_db *db, int64_t id, int64_t *courses, int64_t *runs, lk_err *err);
/* The id of the newest version of family (0 if none). */
int store_questionnaire_newest(lk_db *db, int64_t family_id, int64_t *id, lk_err *err);
/* True (1) when some version of family is the default. */
int store_questionnaire_family_default(lk_db *db, int64_t family_id, lk_err *err);
int store_questionnaire_set_default(lk_db *db, int64_t id, lk_err *err);
/* Copies every question and option of from_id into to_id (same positions). */
int store_questionnaire_copy_questions(lk_db *db, int64_t from_id, int64_t to_id, lk_err *err);

/* For questionnaire_for_run: 1 found the run (*chosen = its questionnaire,
 * else its course's, else the default, 0 when none), 0 no such run. */
int store_questionnaire_run_choice(lk_db *db, int64_t run_id, int64_t *chosen, lk_err *err);
/* The questionnaire of the run's latest response within family, 0 none. */
int store_questionnaire_run_used(lk_db *db, int64_t run_id, int64_t family_id, int64_t *id,
	lk_err *err);

/* Questions. Options are read with the question. */
int store_question_get(lk_db *db, int64_t id, lk_question *out, lk_err *err); /* 1/0/-1 */
/* All questions of questionnaire_id in position order, newly allocated
 * (*out NULL when none); caller frees each with question_free and *out. */
int store_question_load(lk_db *db, int64_t questionnaire_id, lk_question **out, int *n,
	lk_err *err);
/* Appends q at the end (sets id, position, version) with its options. */
int store_question_insert(lk_db *db, int64_t questionnaire_id, lk_question *q, lk_err *err);
/* Versioned save of the fields (not position) and version bump. */
int store_question_update(lk_db *db, lk_question *q, lk_err *err);
/* Versioned version bump only. */
int store_question_touch(lk_db *db, int64_t id, int64_t version, lk_err *err);
int store_question_set_options(lk_db *db, int64_t id, const char *const *labels, int n,
	lk_err *err);
/* Versioned delete; closes the gap in positions. */
int store_question_delete(lk_db *db, const lk_question *q, lk_err *err);
/* Moves q (positions as read) to position to, shifting the ones between. */
int store_question_move(lk_db *db, const lk_question *q, int to, lk_err *err);
/* Number of questions of questionnaire_id; -1 on error. */
int store_question_count(lk_db *db, int64_t questionnaire_id, lk_err *err);

#endif
