/*
 * response_import.h — many evaluation forms into a run at once: the core
 * half of `evaluation import` (the CSV file itself is io's: evalimport.h).
 *
 *   row source (io: one form of the file at a time) ──response_import──▶
 *       per row: response_add (source "import", anonymous) in a savepoint
 *       ──▶ one outcome per row to the caller, a summary at the end
 *
 * ONE transaction: all forms or none, also when the process is killed
 * half-way. A refused row (a value outside its scale, a form without
 * answers) is left out and reported while the others go on; whether
 * anything is written is decided at the end, as for enroll_import.
 */
#ifndef LMSKURS_RESPONSE_IMPORT_H
#define LMSKURS_RESPONSE_IMPORT_H

#include <stdbool.h>
#include <stdint.h>

#include "lmskurs/ctx.h"
#include "lmskurs/enroll_import.h"
#include "lmskurs/response.h"

/* One form as the file gave it. Everything is borrowed (valid until the
 * source is asked for the next row). */
typedef struct lk_response_row {
	int64_t line;              /* physical line of the file where the row starts */
	const lk_answer *answers;  /* the answers read (blanks left out) */
	int n_answers;
	const char *problem;       /* not NULL: the reader could not use the row (why,
	                              translated); the row is left out */
	const char *note;          /* not NULL: the row is usable, but some answers were
	                              left blank (why, translated) */
} lk_response_row;

/* A source of rows: fills *row and returns 1, 0 when there are no more,
 * or -1 with err (the file could not be read further). */
typedef int (*lk_response_next)(void *arg, lk_response_row *row, lk_err *err);

/* What became of one row. */
typedef struct lk_response_outcome {
	int64_t line;
	bool bad;                 /* left out; why says so */
	const char *why;          /* bad: the reason, translated */
	const char *note;         /* as the row's note (may be NULL) */
	int n_answers;            /* answers saved (not bad) */
	int64_t response_id;      /* not bad; after a dry run not kept */
} lk_response_outcome;

typedef struct lk_response_import_summary {
	int64_t rows;             /* rows read (bad ones included) */
	int64_t imported;         /* forms saved (or, in a dry run, that would be) */
	int64_t bad;              /* rows left out */
	int64_t noted;            /* saved rows with some answer left blank by the reader */
	int64_t questionnaire_id; /* the version the forms went on */
} lk_response_import_summary;

/* Imports the forms next() gives into run_id on questionnaire_id (0: the
 * run's, questionnaire_for_run; a given one is checked as response_add
 * does), in file order, each with response_add (source import). Rows with
 * a problem, or refused by validation (LK_EINVAL) or a rule (LK_ERULE),
 * are bad and left out. each() (may be NULL) is called once per row in
 * order; non-zero stops the import (LK_EINVAL, nothing written). *sum (may
 * be NULL) is filled as far as the import went, also on failure.
 *
 * Writes, as one transaction with an "import" audit entry on the run
 * (counts only) beside each form's own, unless opts->dry_run, or some row
 * is bad and not opts->skip_bad (LK_EINVAL: "N rows cannot be imported;
 * nothing was written"), or the file has no rows (LK_EINVAL). Refused
 * before reading: roles without LK_PERM_ENTER_RESPONSES (LK_EPERM), an
 * unknown run (LK_ENOTFOUND), a run not in execution, evaluation or closed
 * (LK_ERULE). A failing source or database stops it with nothing written.
 * opts may be NULL (write). */
int response_import(lk_ctx *ctx, int64_t run_id, int64_t questionnaire_id, lk_response_next next,
	void *next_arg, const lk_import_opts *opts, int (*each)(void *arg, const lk_response_outcome *o),
	void *each_arg, lk_response_import_summary *sum, lk_err *err);

#endif
