/*
 * enroll_import.h — many participants into a run at once, and a run's
 * enrollments out with contact details: the core half of CSV import and
 * export (the files themselves are io's: import.h, csv.h).
 *
 *   row source (io: one row of the file at a time) ──enroll_import──▶
 *       per row: match an existing participant (participant_find_duplicates:
 *       same name and same phone or e-mail) or create one, then enroll_add
 *       ──▶ one outcome per row to the caller, a summary at the end
 *   enroll_export ──▶ each enrollment of a run with name and contact details
 *
 * The import is ONE transaction: all rows or none, also when the process
 * is killed half-way. Each row runs in its own savepoint, so a refused row
 * (a bad phone, an unknown category) is left out and reported while the
 * others go on; whether anything is written is decided at the end.
 */
#ifndef LMSKURS_ENROLL_IMPORT_H
#define LMSKURS_ENROLL_IMPORT_H

#include <stdbool.h>
#include <stdint.h>

#include "lmskurs/ctx.h"
#include "lmskurs/enroll.h"

/* One row as the file gave it. Strings are borrowed (valid until the
 * source is asked for the next row); NULL counts as empty. */
typedef struct lk_import_row {
	int64_t line;            /* physical line of the file where the row starts */
	const char *name, *phone, *email, *notes;
	int birth_year;          /* 0 = none */
	lk_category category;
	const char *problem;     /* not NULL: the reader could not use the row;
	                            why, translated, without the row's values */
} lk_import_row;

/* A source of rows: fills *row and returns 1, returns 0 when there are no
 * more, or -1 with err (the file could not be read further). */
typedef int (*lk_import_next)(void *arg, lk_import_row *row, lk_err *err);

typedef enum lk_import_result {
	LK_IMPORT_BAD,      /* refused; why says so; nothing of it is written */
	LK_IMPORT_NEW,      /* a new participant, enrolled */
	LK_IMPORT_MATCHED,  /* an existing participant, enrolled */
	LK_IMPORT_ALREADY,  /* the participant already holds a place in the run
	                       (also: the same person as an earlier row): left as is */
} lk_import_result;

/* What became of one row. */
typedef struct lk_import_outcome {
	int64_t line;
	lk_import_result result;
	const char *why;          /* BAD: the reason, translated, no values of the row */
	int64_t participant_id;   /* 0 for BAD; after a dry run not kept */
	int64_t same_as_line;     /* ALREADY: the earlier row with the same person, else 0 */
	lk_enroll_status status;  /* not BAD: the place now held (registered or waitlisted) */
	int waitlist_pos;         /* when waitlisted: place in the queue */
} lk_import_outcome;

typedef struct lk_import_summary {
	int64_t rows;             /* rows read (bad ones included) */
	int64_t created, matched, already, bad;
	int64_t registered, waitlisted; /* places of the created and matched rows */
} lk_import_summary;

typedef struct lk_import_opts {
	bool dry_run;   /* do everything, then roll back: the summary is a preview */
	bool skip_bad;  /* write the good rows even when some rows are bad */
} lk_import_opts;

/* Imports the rows next() gives into run_id, in file order (first come
 * first served, so the file's order is the queue's; capacity and waitlist
 * as enroll_add). A row whose person already exists (same name and same
 * phone or e-mail, participant_find_duplicates; the lowest number when
 * several) is matched, and that record is not changed; an earlier row of
 * the same file counts as existing too, so a double sign-up is one person.
 * Rows with a problem, or refused by validation (LK_EINVAL) or a rule
 * (LK_ERULE), are BAD and left out. each() (may be NULL) is called once per
 * row in order; returning non-zero stops the import (LK_EINVAL, nothing
 * written). *sum is filled as far as the import went, also on failure.
 *
 * Writes, as one transaction with an "import" audit entry on the run
 * (counts only), unless opts->dry_run, or some row is BAD and not
 * opts->skip_bad (then LK_EINVAL: "N rows cannot be imported; nothing was
 * written"), or the file has no rows (LK_EINVAL). Refused before reading:
 * roles other than coordinators (LK_EPERM: contact details are imported
 * only by those who may read them), an unknown run (LK_ENOTFOUND), a run
 * not in registration or execution (LK_ERULE). A failing source or
 * database stops it with nothing written. opts may be NULL (write). */
int enroll_import(lk_ctx *ctx, int64_t run_id, lk_import_next next, void *next_arg,
	const lk_import_opts *opts, int (*each)(void *arg, const lk_import_outcome *o),
	void *each_arg, lk_import_summary *sum, lk_err *err);

/* One enrollment with the participant's contact details. */
typedef struct lk_enroll_contact {
	int64_t enrollment_id, participant_id;
	const char *name, *phone, *email; /* never NULL */
	lk_category category;
	lk_enroll_status status;
	int waitlist_pos;                  /* 0 unless waitlisted */
} lk_enroll_contact;

/* Streams every enrollment of run_id (every status; purged participants
 * left out) in enroll_list's order to each() (non-zero stops; the row is
 * only valid during the call). Coordinators only (LK_PERM_READ_CONTACT;
 * LK_EPERM otherwise), LK_ENOTFOUND for an unknown run. Audited in one
 * transaction: a "read_contact" entry (detail "export") per participant
 * streamed and an "export" entry on the run with the count. */
int enroll_export(lk_ctx *ctx, int64_t run_id, int (*each)(void *arg, const lk_enroll_contact *c),
	void *arg, lk_err *err);

#endif
