/*
 * sheet.h — the printed attendance sheet (oppmøteliste) of a session, as an
 * A4 PDF (pdf.h), for staff to tick who came and for walk-ins to sign.
 *
 *   session_get, run_get, session_facilitator_list ──▶ the page header:
 *       organisation, course, run, session number, weekday and date with
 *       week, time, room, topic, facilitators
 *   enroll_list (registered, by name) ──▶ the table: No., name, category,
 *       a box to tick, a signature column; then blank rows for walk-ins
 *   ──▶ one page set per session, "page N of M" within the set, the header
 *       and the table's header row on every page
 *
 * Only registered participants are listed, and of those only the ones
 * expected at the session: someone who got their place after the session's
 * date is left out (attendance.h). Waitlisted and cancelled enrollments are
 * never printed. At least opts->blank_rows blank rows follow the names, and
 * more fill the page they end on.
 *
 * The sheet holds participants' names, which are health data: the file is
 * created with mode 0600 (pdf.h) and every sheet written is logged in the
 * audit log (action "print", with the number of names and the file, never
 * the names), in its own transaction before the file is written, as a
 * backup is. Every role may print (LK_PERM_READ_PARTICIPANTS): staff print
 * the sheets. Dates and labels are in the program's language (gettext).
 */
#ifndef LMSKURS_SHEET_H
#define LMSKURS_SHEET_H

#include <stdint.h>
#include "lmskurs/ctx.h"
#include "lmskurs/pdf.h"

typedef struct lk_sheet_opts {
	const char *organisation; /* [organisation] name; NULL or "" leaves it out */
	int blank_rows;           /* blank rows for walk-ins at least; <= 0: 5 */
} lk_sheet_opts;

enum { LK_SHEET_BLANK_ROWS = 5 };

typedef struct lk_sheet_result {
	int sessions;     /* page sets (sessions) in the file */
	int pages;        /* pages in the file */
	int participants; /* names printed, summed over the sessions */
} lk_sheet_result;

/* Writes the sheet of session_id to path (replacing a file there; the new
 * one is 0600, and a failure leaves path as it was). opts may be NULL; out
 * (may be NULL) says what was written. LK_ENOTFOUND for an unknown session;
 * LK_ERULE for a cancelled session or a session of a cancelled run (nothing
 * is written or logged); LK_EIO when the file cannot be written. */
int sheet_write_session(lk_ctx *ctx, int64_t session_id, const char *path,
	const lk_sheet_opts *opts, lk_sheet_result *out, lk_err *err);

/* Writes the sheets of every session of run_id that is not cancelled, in
 * session order, into one PDF at path (one page set per session). Refused
 * like sheet_write_session, and with LK_ERULE when the run has no session
 * left to print. */
int sheet_write_run(lk_ctx *ctx, int64_t run_id, const char *path, const lk_sheet_opts *opts,
	lk_sheet_result *out, lk_err *err);

/* Appends the page set of session_id to an open pdf (no set open), for a
 * caller that puts several sheets into one file (a week's sessions). Checks
 * as sheet_write_session and logs the print with pdf_path as the file; out
 * (may be NULL) is added to, not reset. */
int sheet_add_session(lk_ctx *ctx, lk_pdf *pdf, const char *pdf_path, int64_t session_id,
	const lk_sheet_opts *opts, lk_sheet_result *out, lk_err *err);

#endif
