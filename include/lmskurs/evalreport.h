/*
 * evalreport.h — the evaluation report of a run: an A4 PDF (pdf.h) for the
 * evaluation meeting and the archive, and a CSV of the sums for a
 * spreadsheet.
 *
 *   evalresult_get (the run's version) ──▶ per question: n, left blank,
 *       mean and median, a horizontal bar per value or option, the free
 *       texts (evalresult_texts, a page at a time)
 *   evalresult_compare ──▶ this run's means beside the earlier runs'
 *   facilitator_eval_list, meeting_list (the run's evaluation meetings),
 *       meeting_attendee_list, meeting_decision_list ──▶ the last pages
 *
 * Every page starts with the course, the run (title, place, dates) and
 * the questionnaire; the first says how many forms there are and the
 * response rate with its denominator. The minimum-answers rule is kept
 * exactly as evalresult.h says: below it the report gives the counts and
 * the reason, no means, bars or free text.
 *
 * The PDF holds participants' own words (free text) and the facilitators'
 * evaluations: like every PDF of pdf.h it is created with mode 0600 and
 * renamed into place only when complete. Needs LK_PERM_READ_RESULTS.
 * Numbers in the PDF follow the locale (8,5 in Norwegian); the CSV always
 * writes a decimal point (8.50), for machines.
 */
#ifndef LMSKURS_EVALREPORT_H
#define LMSKURS_EVALREPORT_H

#include <stdint.h>
#include "lmskurs/csv.h"
#include "lmskurs/ctx.h"

typedef struct lk_evalreport_opts {
	const char *organisation; /* [organisation] name for the page head; NULL or "" leaves it out */
} lk_evalreport_opts;

typedef struct lk_evalreport_result {
	int pages;            /* pages of the PDF */
	int64_t responses;    /* forms summed */
	int questions;        /* questions reported */
	bool counts_only;     /* the minimum-answers rule applied */
} lk_evalreport_result;

/* Writes run_id's report to path (replacing a file there; the new one is
 * 0600, and a failure leaves path as it was). opts and out may be NULL.
 * LK_EPERM without LK_PERM_READ_RESULTS, LK_ENOTFOUND for an unknown run,
 * LK_EIO when the file cannot be written. */
int evalreport_write_pdf(lk_ctx *ctx, int64_t run_id, const char *path,
	const lk_evalreport_opts *opts, lk_evalreport_result *out, lk_err *err);

/* Writes run_id's sums to w: a header row, then one row per question of
 * the run's questionnaire version in form order: number, section, kind,
 * question, answered, left blank, mean and median (two decimals, scale
 * questions only), then one column per value from the smallest to the
 * largest any question of the form can have (scale values; a choice's
 * option numbers; yes/no as 1 and 0) with the count of answers, the
 * meaning of the values of a choice or yes/no ("1 = Pasient; 2 = …"), and
 * a note (the minimum-answers reason when it applies: then the means and
 * counts per value are empty). Free texts are not in the CSV. out may be
 * NULL. Errors as for the PDF. */
int evalreport_write_csv(lk_ctx *ctx, int64_t run_id, lk_csv_writer *w, lk_evalreport_result *out,
	lk_err *err);

#endif
