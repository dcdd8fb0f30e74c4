/*
 * evalresult.h — the sums of participants' evaluation forms (DESIGN.md §2,
 * "Evaluation"): what the results screens and the evaluation report show.
 *
 *   responses + answers ──evalresult_get──▶ lk_results: per question n,
 *       blanks, mean, median and counts per value or option
 *   ──evalresult_texts──▶ the free-text answers, streamed a page at a time
 *   ──evalresult_versions──▶ which questionnaire versions a scope has forms on
 *   ──evalresult_compare──▶ one run against the course's earlier runs
 *
 * Results are always over ONE questionnaire version (its questions are the
 * rows), within a scope: one run, one course (all its runs), or every run
 * that used that version. Sums are made in SQL (GROUP BY question and
 * value); C only turns counts per value into mean and median.
 *
 * The minimum-answers rule: when the scope has fewer forms than
 * ctx->settings.min_answers, lk_results.counts_only is set and
 * counts_only_reason says why in a sentence a person can read. Then only
 * the number of forms, and per question how many answered and how many left
 * it blank, are given: has_stats is false, n_bars is 0 and bars is NULL, and
 * evalresult_texts refuses (LK_ERULE with the same reason). Screens and
 * reports show the reason where the numbers would have been.
 *
 * Every function here needs LK_PERM_READ_RESULTS and only reads (nothing
 * is written, nothing audited). Errors: LK_EPERM, LK_ENOTFOUND for an
 * unknown run, course or questionnaire, LK_EINVAL for a bad scope, LK_EDB.
 */
#ifndef LMSKURS_EVALRESULT_H
#define LMSKURS_EVALRESULT_H

#include <stdbool.h>
#include <stdint.h>
#include "lmskurs/ctx.h"
#include "lmskurs/questionnaire.h"

typedef enum lk_result_scope {
	LK_RESULT_RUN,           /* id: a run */
	LK_RESULT_COURSE,        /* id: a course; all its runs */
	LK_RESULT_QUESTIONNAIRE, /* id: ignored; every run with forms on the version */
	LK_RESULT_SCOPE_COUNT
} lk_result_scope;

/* What to sum. questionnaire_id picks the version; 0 means: for a run, the
 * version questionnaire_for_run gives (the one its forms are entered on);
 * for a course, the version of its newest form (or the course's form when
 * it has none). LK_RESULT_QUESTIONNAIRE needs questionnaire_id. */
typedef struct lk_result_query {
	lk_result_scope scope;
	int64_t id;
	int64_t questionnaire_id;
} lk_result_query;

/* One bar: a scale value, a choice option or yes/no. */
typedef struct lk_result_bar {
	int value;     /* scale: the value; choice: option 1..n; yes/no: 1 yes, 0 no */
	char *label;   /* scale: the value as text ("7"); choice: the option; yes/no: translated */
	int64_t count; /* answers with this value */
} lk_result_bar;

typedef struct lk_question_result {
	int64_t question_id;
	int position;               /* 1-based number in the form */
	lk_question_section section;
	lk_question_kind kind;
	char *text;
	int scale_min, scale_max;   /* scale only */
	char *label_min, *label_max;/* scale only, may be "" */
	int64_t n;                  /* answers given (text: non-empty answers) */
	int64_t blank;              /* forms that left it blank: n_responses - n */
	bool has_stats;             /* scale with n > 0 and not counts_only */
	double mean;                /* has_stats only */
	double median;              /* has_stats only; mean of the two middle values when n is even */
	int n_bars;                 /* 0 for text and when counts_only */
	lk_result_bar *bars;        /* scale: scale_min..scale_max in order; choice: options in
	                               order; yes/no: yes then no. Every value, zeros included. */
} lk_question_result;

typedef struct lk_results {
	lk_result_scope scope;
	int64_t scope_id;
	int64_t questionnaire_id;   /* the version summed */
	int64_t family_id;
	int version_no;
	char *questionnaire_name;
	int64_t n_responses;        /* forms in the scope on this version */
	int64_t n_runs;             /* runs those forms come from */

	/* Response rate: rate_responses of rate_denominator who came to the
	 * last held session (of each run with forms, summed, for a course).
	 * has_rate is false when no run in scope has a held session with
	 * someone present, or for LK_RESULT_QUESTIONNAIRE. rate_text is always
	 * set: "12 of 14 who came to the last session (86 %)", or why there is
	 * no rate. rate_responses counts the forms on every version of the
	 * runs concerned (a late form on an older version is still a form). */
	bool has_rate;
	int64_t rate_responses;
	int64_t rate_denominator;
	char *rate_text;

	/* The minimum-answers rule (see the top of this file). */
	bool counts_only;
	int min_answers;            /* ctx->settings.min_answers when read */
	char *counts_only_reason;   /* "" unless counts_only; translated */

	int n_questions;
	lk_question_result *questions; /* in form order */
} lk_results;

/* Frees everything inside r (not r) and zeroes it; NULL is fine. */
void evalresult_free(lk_results *r);

/* Sums the forms of q into out (caller frees with evalresult_free, also
 * after a failure). A scope with no forms gives n_responses 0, counts_only
 * (0 < min_answers) and every question with n 0. LK_ENOTFOUND for an
 * unknown run/course/questionnaire; LK_EINVAL when questionnaire_id is
 * missing for LK_RESULT_QUESTIONNAIRE. */
int evalresult_get(lk_ctx *ctx, const lk_result_query *q, lk_results *out, lk_err *err);

/* Streams one page of the free-text answers to question_id within q's
 * scope, in the order the forms were entered (CRLF already LF). text is
 * only valid during each(); each() returning non-zero stops. Refused with
 * LK_ERULE (the counts-only reason) when the scope has fewer forms than
 * min_answers; LK_EINVAL when question_id is not a question of the
 * version. Other answers of a question (numbers) are not streamed. */
int evalresult_texts(lk_ctx *ctx, const lk_result_query *q, int64_t question_id, lk_page page,
	int (*each)(void *arg, const char *text), void *arg, lk_err *err);

/* A questionnaire version that has forms in a scope. */
typedef struct lk_result_version {
	int64_t questionnaire_id;
	int64_t family_id;
	int version_no;
	const char *name;           /* valid during each() only */
	int64_t n_responses;        /* in the scope */
	const char *last_entered_at;/* newest form, "YYYY-MM-DDTHH:MM:SS" */
} lk_result_version;

/* Streams the versions with forms in scope (q->questionnaire_id ignored),
 * newest form first. */
int evalresult_versions(lk_ctx *ctx, const lk_result_query *q,
	int (*each)(void *arg, const lk_result_version *v), void *arg, lk_err *err);

/* ---- comparison: one run against the course's earlier runs ---- */

/* One scale question of the run's version. Earlier answers are those to a
 * scale question with the same text (compared without case, spacing and
 * punctuation) and the same ends on any version of the same questionnaire
 * family, in runs of the same course that started before this one. */
typedef struct lk_compare_row {
	int64_t question_id;
	int position;
	char *text;
	int64_t n;            /* this run's answers */
	bool has_mean;        /* n > 0 and the run is not counts_only */
	double mean;
	int64_t earlier_n;    /* answers in the earlier runs */
	bool has_earlier;     /* earlier_n > 0 and earlier_responses >= min_answers */
	double earlier_mean;
} lk_compare_row;

typedef struct lk_comparison {
	int64_t run_id;
	int64_t course_id;
	int64_t questionnaire_id;   /* the run's version (as evalresult_get with 0) */
	int64_t family_id;
	int64_t n_responses;        /* this run's forms on that version */
	int64_t earlier_runs;       /* earlier runs with forms on the family */
	int64_t earlier_responses;  /* their forms on the family */
	bool counts_only;           /* this run below min_answers: no means */
	bool earlier_counts_only;   /* earlier forms below min_answers: no earlier means */
	char *counts_only_reason;   /* "" unless one of the two is set; translated */
	int n_rows;
	lk_compare_row *rows;       /* the version's scale questions in form order */
} lk_comparison;

void evalresult_comparison_free(lk_comparison *c);

/* Compares run_id with the earlier runs of its course (see lk_compare_row).
 * Caller frees out with evalresult_comparison_free, also after a failure.
 * LK_ENOTFOUND for an unknown run. */
int evalresult_compare(lk_ctx *ctx, int64_t run_id, lk_comparison *out, lk_err *err);

/* The course's latest run that has forms (newest first date, then newest
 * id); *run_id = 0 when none has. For "compare the latest run". */
int evalresult_latest_run(lk_ctx *ctx, int64_t course_id, int64_t *run_id, lk_err *err);

const char *result_scope_code(lk_result_scope s); /* "run" | "course" | "questionnaire" */

/* A question's text as a key for matching texts written differently (a
 * survey export's column header, an earlier version's question): only its
 * letters and digits (ASCII punctuation, spaces, no-break spaces and the
 * General Punctuation block dropped), without a trailing scale range in
 * brackets such as "(0-10)" or "(1–5)". Compare two keys with
 * text_equal_fold (case-insensitive, æøå included). Newly allocated
 * (caller frees); NULL only when out of memory. NULL text gives "". */
char *evalresult_question_key(const char *text);

/* True when two question texts are the same by evalresult_question_key. */
bool evalresult_same_question(const char *a, const char *b);

#endif
