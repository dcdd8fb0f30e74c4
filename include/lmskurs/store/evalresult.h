/* store/evalresult.h — SQL for the sums of evaluation forms: counts per
 * question and value made by the database (GROUP BY), response rates,
 * free texts a page at a time, the versions a scope has forms on, and the
 * earlier runs' sums for a comparison. Read only. Roles, the minimum-
 * answers rule and the arithmetic on the counts are core's (evalresult.c).
 *
 * A scope is (scope, id, questionnaire_id) as in lk_result_query: forms of
 * run id / of the runs of course id / of every run, on questionnaire_id.
 * Functions returning "1 found, 0 not found, -1 error" say so. */
#ifndef LMSKURS_STORE_EVALRESULT_H
#define LMSKURS_STORE_EVALRESULT_H

#include <stdbool.h>
#include <stdint.h>
#include "lmskurs/evalresult.h"
#include "lmskurs/store.h"

/* One row of store_evalresult_sums. The first row has question_id 0: count
 * is the number of forms in scope and runs the number of runs they come
 * from. Then one row per (question, value): is_text for the text answers
 * of a question (value 0), count answers with that value. */
typedef struct lk_eval_sum_row {
	int64_t question_id;
	bool is_text;
	int64_t value;
	int64_t count;
	int64_t runs;
} lk_eval_sum_row;

/* Streams the sums of a scope (see lk_eval_sum_row). */
int store_evalresult_sums(lk_db *db, lk_result_scope scope, int64_t id, int64_t questionnaire_id,
	int (*each)(void *arg, const lk_eval_sum_row *row), void *arg, lk_err *err);

/* Forms in a scope; -1 on error. */
int64_t store_evalresult_forms(lk_db *db, lk_result_scope scope, int64_t id,
	int64_t questionnaire_id, lk_err *err);

/* For the response rate. Run scope: runs is 1 when the run has a held
 * session, forms counts its forms on any version, present the participants
 * marked present at its last held session. Course scope: the same summed
 * over the course's runs that have forms on questionnaire_id and a held
 * session. */
typedef struct lk_eval_rate {
	int64_t runs, forms, present;
} lk_eval_rate;
int store_evalresult_rate(lk_db *db, lk_result_scope scope, int64_t id, int64_t questionnaire_id,
	lk_eval_rate *out, lk_err *err);

/* Streams one page of the non-empty text answers to question_id in scope,
 * in the order the forms were entered. */
int store_evalresult_texts(lk_db *db, lk_result_scope scope, int64_t id, int64_t questionnaire_id,
	int64_t question_id, lk_page page, int (*each)(void *arg, const char *text), void *arg,
	lk_err *err);

/* Streams the versions with forms in scope (questionnaire ignored), newest
 * form first. */
int store_evalresult_versions(lk_db *db, lk_result_scope scope, int64_t id,
	int (*each)(void *arg, const lk_result_version *v), void *arg, lk_err *err);

/* 1/0/-1: whether course id exists. */
int store_evalresult_course_exists(lk_db *db, int64_t id, lk_err *err);

/* 1/0/-1: whether question_id is a question of questionnaire_id. */
int store_evalresult_question_of(lk_db *db, int64_t question_id, int64_t questionnaire_id,
	lk_err *err);

/* The version a course's results default to: that of its newest form, else
 * the newest version of the family of the course's questionnaire (else the
 * default's); *qid 0 when there is none. 1 found the course, 0 not, -1. */
int store_evalresult_course_version(lk_db *db, int64_t course_id, int64_t *qid, lk_err *err);

/* The run's course: 1/0/-1. */
int store_evalresult_run_course(lk_db *db, int64_t run_id, int64_t *course_id, lk_err *err);

/* The course's run with forms that started last (0 when none). */
int store_evalresult_latest_run(lk_db *db, int64_t course_id, int64_t *run_id, lk_err *err);

/* One scale question of a family, for matching questions across versions. */
typedef struct lk_eval_scale_q {
	int64_t id;
	const char *text;
	int scale_min, scale_max;
} lk_eval_scale_q;

/* Streams every scale question of every version of family_id. */
int store_evalresult_family_scales(lk_db *db, int64_t family_id,
	int (*each)(void *arg, const lk_eval_scale_q *q), void *arg, lk_err *err);

/* Per question of the family: answers and their sum in the runs of run_id's
 * course that started before it (first date, then number). */
typedef struct lk_eval_earlier_sum {
	int64_t question_id, n, sum;
} lk_eval_earlier_sum;
int store_evalresult_earlier_sums(lk_db *db, int64_t run_id, int64_t family_id,
	int (*each)(void *arg, const lk_eval_earlier_sum *s), void *arg, lk_err *err);

/* Those earlier runs that have forms on the family, and their forms. */
int store_evalresult_earlier_counts(lk_db *db, int64_t run_id, int64_t family_id, int64_t *runs,
	int64_t *forms, lk_err *err);

#endif
