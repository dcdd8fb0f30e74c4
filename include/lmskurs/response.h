/*
 * response.h — participants' filled-in evaluation forms (besvarelser) and
 * the facilitators' own evaluation of a run (DESIGN.md §2, "Evaluation").
 *
 *   paper form ──response_add──▶ response + answers (anonymous)
 *   facilitator ──facilitator_eval_set──▶ one text per facilitator and run
 *
 * Forms are anonymous: a response is never linked to a participant (the
 * table has no such column); it records only which run, which
 * questionnaire version, how it came in (paper or import) and which login
 * typed it. Forms and evaluations are written while the run is in
 * execution, evaluation or closed (LK_ERULE in other phases).
 *
 * Results with fewer answers than settings.min_answers are shown only as
 * counts; that is the business of the results module, not of this one.
 */
#ifndef LMSKURS_RESPONSE_H
#define LMSKURS_RESPONSE_H

#include <stdint.h>
#include "lmskurs/ctx.h"

typedef enum lk_response_source {
	LK_SOURCE_PAPER,
	LK_SOURCE_IMPORT,
	LK_SOURCE_COUNT
} lk_response_source;

/* One answer. A question left blank has no answer (leave it out, or for a
 * text question pass NULL or only white space). */
typedef struct lk_answer {
	int64_t question_id;
	int64_t value; /* scale: the value; choice: option 1..n; yes/no: 1 yes, 0 no */
	char *text;    /* text question: the answer (CRLF taken as LF); else ignored, NULL on read */
} lk_answer;

typedef struct lk_response {
	int64_t id;
	int64_t run_id;
	int64_t questionnaire_id;
	lk_response_source source;
	char *entered_by;   /* login that typed it */
	char *entered_at;   /* "2027-03-04T12:30:00" */
	int64_t version;
	int n_answers;      /* answers given (blanks not counted) */
	lk_answer *answers; /* response_get only: in question order, owned */
} lk_response;

/* Frees the strings and answers inside r (not r); NULL is fine. */
void response_free(lk_response *r);

/* Enters one form for run_id on questionnaire_id (0: questionnaire_for_run)
 * with n answers; *id gets the new response. A questionnaire_id given must
 * be the one questionnaire_for_run returns for the run, or an earlier
 * version of that family which the run already has forms on (a late paper
 * form); any other is refused with LK_EINVAL naming both. Each answer is checked
 * against its question: a scale value within its ends, a choice 1..number
 * of options, yes/no 0 or 1, text valid UTF-8 of at most LK_TEXT_MAX code
 * points; a question of another questionnaire, or one answered twice, is
 * refused. All LK_EINVAL, naming the question by its number in the form;
 * nothing is saved then. LK_ENOTFOUND for an unknown run or questionnaire;
 * LK_ERULE outside execution, evaluation and closed. entered_by is
 * ctx->login. Needs LK_PERM_ENTER_RESPONSES. */
int response_add(lk_ctx *ctx, int64_t run_id, int64_t questionnaire_id, const lk_answer *answers,
	int n, lk_response_source source, int64_t *id, lk_err *err);

/* Replaces every answer of response id with the n given (checked as in
 * response_add) if nobody changed it since *version was read (LK_ECONFLICT
 * otherwise); *version is bumped. */
int response_update(lk_ctx *ctx, int64_t id, int64_t *version, const lk_answer *answers, int n,
	lk_err *err);

/* Deletes response id and its answers (versioned). */
int response_delete(lk_ctx *ctx, int64_t id, int64_t version, lk_err *err);

/* Reads one response with its answers (caller frees with response_free,
 * also after a failure). Needs LK_PERM_ENTER_RESPONSES. */
int response_get(lk_ctx *ctx, int64_t id, lk_response *out, lk_err *err);

/* Streams one page of run_id's responses (answers not filled), in the
 * order they were entered. Needs LK_PERM_ENTER_RESPONSES. */
int response_list(lk_ctx *ctx, int64_t run_id, lk_page page,
	int (*each)(void *arg, const lk_response *r), void *arg, lk_err *err);

/* Number of responses of run_id, or -1 with err. Needs LK_PERM_READ_PLAN
 * (a count shows no answers). */
int64_t response_count(lk_ctx *ctx, int64_t run_id, lk_err *err);

const char *response_source_code(lk_response_source s);  /* "paper" | "import" */
const char *response_source_label(lk_response_source s); /* translated */
int response_source_parse(const char *code, lk_response_source *out); /* -1 if unknown */

/* ---- the facilitators' own evaluation ---- */

typedef struct lk_facilitator_eval {
	int64_t run_id;
	int64_t person_id;
	char *person_name;
	char *text;
	char *written_at;
	int64_t version;
} lk_facilitator_eval;

void facilitator_eval_free(lk_facilitator_eval *e);

/* Writes person_id's evaluation of run_id. *version is 0 for a new one
 * (LK_ECONFLICT when one was written meanwhile) or the version read (then
 * versioned as usual); on success it holds the new version. The person
 * must facilitate a session of the run (LK_ERULE); a coordinator may write
 * for anyone, other roles only for the person linked to their login
 * (LK_EPERM). text: required, at most LK_TEXT_MAX code points, newlines
 * allowed. Needs LK_PERM_WRITE_FACILITATOR_EVALUATION. */
int facilitator_eval_set(lk_ctx *ctx, int64_t run_id, int64_t person_id, const char *text,
	int64_t *version, lk_err *err);

/* Reads one evaluation (caller frees with facilitator_eval_free, also after
 * a failure); LK_ENOTFOUND when none is written. Allowed with
 * LK_PERM_READ_RESULTS, or to the person it belongs to. */
int facilitator_eval_get(lk_ctx *ctx, int64_t run_id, int64_t person_id,
	lk_facilitator_eval *out, lk_err *err);

/* Streams run_id's evaluations by facilitator name. LK_PERM_READ_RESULTS. */
int facilitator_eval_list(lk_ctx *ctx, int64_t run_id,
	int (*each)(void *arg, const lk_facilitator_eval *e), void *arg, lk_err *err);

/* Deletes one (versioned); who may, as for facilitator_eval_set. */
int facilitator_eval_delete(lk_ctx *ctx, int64_t run_id, int64_t person_id, int64_t version,
	lk_err *err);

#endif
