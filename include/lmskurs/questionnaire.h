/*
 * questionnaire.h — evaluation forms (evalueringsskjema) and their
 * versions (DESIGN.md §2, "Evaluation").
 *
 *   questionnaire_create / _copy ──▶ a new family, version 1
 *   question_add / _update / _delete / _move / _set_options ──▶ its questions
 *   questionnaire_edit_begin ──▶ the id to edit: the same one while it has
 *                                no answers, else a new version
 *   questionnaire_for_run ──▶ which form a run's participants fill in
 *
 * A questionnaire with responses is never changed, so old results keep the
 * exact questions they answered: every edit of one with answers is refused
 * (LK_ERULE "has answers; edit a new version"). questionnaire_edit_begin
 * makes that new version (version_no + 1 in the same family, previous_id
 * pointing back, questions and options copied). Versions of a family share
 * family_id (the id of version 1).
 *
 * Reading needs LK_PERM_READ_PLAN; every change LK_PERM_EDIT_QUESTIONNAIRES.
 */
#ifndef LMSKURS_QUESTIONNAIRE_H
#define LMSKURS_QUESTIONNAIRE_H

#include <stdbool.h>
#include <stdint.h>
#include "lmskurs/ctx.h"

typedef enum lk_question_section {
	LK_SECTION_BACKGROUND, /* gender, patient or relative, age band … */
	LK_SECTION_RATING,     /* 0–10 or categories */
	LK_SECTION_OPEN,       /* free text */
	LK_SECTION_COUNT
} lk_question_section;

typedef enum lk_question_kind {
	LK_QUESTION_SCALE,  /* a whole number scale_min..scale_max */
	LK_QUESTION_CHOICE, /* one of the options, numbered 1..n_options */
	LK_QUESTION_YESNO,  /* 1 yes, 0 no */
	LK_QUESTION_TEXT,   /* free text */
	LK_QUESTION_KIND_COUNT
} lk_question_kind;

/* Limits of the editor. */
enum {
	LK_QUESTION_TEXT_MAX = 500, /* code points of a question */
	LK_OPTIONS_MAX = 30,        /* options of a choice question (at least 2) */
	LK_SCALE_LIMIT = 100,       /* scale ends lie in -100..100 */
};

typedef struct lk_question {
	int64_t id;
	int64_t questionnaire_id;
	int position;                /* 1-based order in the form; set by the module */
	lk_question_section section;
	lk_question_kind kind;
	char *text;
	int scale_min, scale_max;    /* scale: min < max; others: ignored (0) */
	char *label_min, *label_max; /* scale: words at the ends ("Lite relevant"), may be "" */
	int n_options;
	char **options;              /* choice: n_options labels, option k is options[k-1] */
	int64_t version;
} lk_question;

typedef struct lk_questionnaire {
	int64_t id;
	int64_t family_id;
	int version_no;        /* 1, 2, … within the family */
	int64_t previous_id;   /* the version this one was made from, 0 none */
	char *name;
	char *description;
	bool is_default;       /* used when neither run nor course chose one */
	int64_t n_responses;   /* read-only: responses given on this version */
	int64_t version;       /* optimistic concurrency of name/description */
	int n_questions;
	lk_question *questions; /* questionnaire_get only: in position order */
} lk_questionnaire;

typedef struct lk_questionnaire_filter {
	bool all_versions; /* false: only the newest version of each family */
} lk_questionnaire_filter;

/* Free the strings and arrays inside (not the struct itself); NULL is fine. */
void question_free(lk_question *q);
void questionnaire_free(lk_questionnaire *q);

/* Creates an empty questionnaire from q->name and q->description as
 * version 1 of a new family (not the default). Sets q->id, family_id,
 * version_no, previous_id and version. */
int questionnaire_create(lk_ctx *ctx, lk_questionnaire *q, lk_err *err);

/* Copies questionnaire id, questions and options, into a new family named
 * "Copy of <name>" (translated); *new_id gets its id. Answers are not
 * copied; the copy is not the default. */
int questionnaire_copy(lk_ctx *ctx, int64_t id, int64_t *new_id, lk_err *err);

/* Reads one questionnaire with its questions and options into out (caller
 * frees with questionnaire_free, also after a failure). LK_ENOTFOUND. */
int questionnaire_get(lk_ctx *ctx, int64_t id, lk_questionnaire *out, lk_err *err);

/* Saves q->name and q->description if nobody changed them since q->version
 * was read (LK_ECONFLICT); bumps q->version. LK_ERULE when it has answers. */
int questionnaire_update(lk_ctx *ctx, lk_questionnaire *q, lk_err *err);

/* Deletes a questionnaire (versioned) and its questions. LK_ERULE when it
 * has answers, is the default, or is chosen for a course or run. */
int questionnaire_delete(lk_ctx *ctx, int64_t id, int64_t version, lk_err *err);

/* Streams one page of questionnaires (questions not filled) sorted by name,
 * then newest version first. each() returning non-zero stops. */
int questionnaire_list(lk_ctx *ctx, const lk_questionnaire_filter *f, lk_page page,
	int (*each)(void *arg, const lk_questionnaire *q), void *arg, lk_err *err);

/* Makes id the default (the one before stops being it). */
int questionnaire_set_default(lk_ctx *ctx, int64_t id, lk_err *err);

/* Where to edit questionnaire id. *editable_id = id while it has no
 * answers (nothing written). Otherwise the family's newest version if that
 * one has no answers yet (an edit already begun), else a new version:
 * version_no + 1 of the newest, a copy of its questions and options,
 * previous_id set; if the family held the default, the new version becomes
 * the default. Old answers stay with the version they were given on. */
int questionnaire_edit_begin(lk_ctx *ctx, int64_t id, int64_t *editable_id, lk_err *err);

/* The questionnaire a run's forms are entered on: the run's choice, else
 * its course's, else the default — followed to the newest version of that
 * family, except that a run which already has responses on a version of
 * that family keeps the version of its latest response (one run, one form).
 * LK_ENOTFOUND for an unknown run or when there is no default at all. */
int questionnaire_for_run(lk_ctx *ctx, int64_t run_id, int64_t *qid, lk_err *err);

/* Appends q to questionnaire_id (q->position, q->id, q->questionnaire_id
 * and q->version are set). Validated: text 1..LK_QUESTION_TEXT_MAX; scale
 * ends within ±LK_SCALE_LIMIT, min < max, labels ≤ LK_NAME_MAX; choice 2..
 * LK_OPTIONS_MAX options of 1..LK_NAME_MAX, no two alike (trimmed, any
 * case); the scale fields of a non-scale and the options of a non-choice
 * are not stored. LK_ENOTFOUND for an unknown questionnaire; LK_ERULE when
 * it has answers. */
int question_add(lk_ctx *ctx, int64_t questionnaire_id, lk_question *q, lk_err *err);

/* Saves q's section, kind, text, scale and labels, and for a choice its
 * options (replacing them), if nobody changed it since q->version was read;
 * bumps q->version. Position stays (see question_move). LK_ERULE as above. */
int question_update(lk_ctx *ctx, lk_question *q, lk_err *err);

/* Replaces the options of choice question id (versioned; LK_EINVAL for a
 * question that is not a choice); *version is bumped. LK_ERULE as above. */
int question_set_options(lk_ctx *ctx, int64_t id, int64_t *version,
	const char *const *labels, int n, lk_err *err);

/* Deletes question id (versioned); later questions move up one. LK_ERULE
 * as above. */
int question_delete(lk_ctx *ctx, int64_t id, int64_t version, lk_err *err);

/* Moves question id to position to (1..number of questions), shifting the
 * ones between, if nobody changed it since *version was read; *version is
 * bumped. LK_EINVAL for a position out of range. LK_ERULE as above. */
int question_move(lk_ctx *ctx, int64_t id, int64_t *version, int to, lk_err *err);

/* Reads one question with its options (caller frees with question_free,
 * also after a failure). */
int question_get(lk_ctx *ctx, int64_t id, lk_question *out, lk_err *err);

const char *question_section_code(lk_question_section s);  /* "background" | "rating" | "open" */
const char *question_section_label(lk_question_section s); /* translated */
int question_section_parse(const char *code, lk_question_section *out); /* -1 if unknown */
const char *question_kind_code(lk_question_kind k);  /* "scale" | "choice" | "yesno" | "text" */
const char *question_kind_label(lk_question_kind k); /* translated */
int question_kind_parse(const char *code, lk_question_kind *out);

#endif
