/*
 * ui/reports.h — the Reports section: choose a report and its period, read
 * its figures with bars in the terminal, write it to a file.
 *
 *   Home ──Reports──▶ reports_view: a form (report, From, To) ──Ctrl-S──▶
 *       report_activity_view   (arg: const lk_period *): figures, bars by
 *           audience, course and month (year); - / + the year before/after
 *       report_runs_view       (arg: const lk_period *): the runs held in
 *           the period, each with whether it meets the funding criteria
 *           ──Enter──▶ report_registration_view (arg: const int64_t *run id)
 *       report_honorarium_view (arg: const lk_period *): each user
 *           representative's paid hours with a bar, and the amount
 *   p / c ──▶ report_export_view (arg: const lk_report_export *): the file
 *       name (and for CSV the spreadsheet) ──Ctrl-S──▶ reportpdf.h's
 *       writers (0600, logged) ──▶ back, with where it went on the status line
 *
 * Coordinators only (LK_PERM_REPORTS): Home shows the section to them
 * alone and every view refuses to open for anyone else with the core's
 * message. The views keep the report as a document (lk_rdoc) made from
 * the core's figures and re-make it when the data changes; its layout to
 * a width is pure (rdoc_layout) so it is unit-tested, and the drawing
 * only paints the laid-out lines. Bars always have their number beside
 * them, and "yes"/"no" or "!" say what colour only underlines.
 */
#ifndef LMSKURS_UI_REPORTS_H
#define LMSKURS_UI_REPORTS_H

#include <stdbool.h>
#include <stdint.h>

#include "lmskurs/report.h"
#include "lmskurs/ui/view.h"

extern const lk_view_ops reports_view;
extern const lk_view_ops report_activity_view;
extern const lk_view_ops report_runs_view;
extern const lk_view_ops report_registration_view;
extern const lk_view_ops report_honorarium_view;
extern const lk_view_ops report_export_view;

typedef enum lk_export_format { LK_EXPORT_PDF, LK_EXPORT_CSV } lk_export_format;

/* What report_export_view writes. */
typedef struct lk_report_export {
	lk_report_kind kind;
	lk_export_format format; /* PDF: the activity report only */
	lk_period period;        /* activity and honorarium */
	int64_t run_id;          /* registration */
} lk_report_export;

/* "activity-report-2027-01-01-2027-12-31.pdf", "registration-run-12.csv",
 * "honorarium-2027-01-01-2027-12-31.csv": the file name offered; newly
 * allocated (NULL when out of memory). */
char *report_export_name(const lk_report_export *x);

/* ---- the document a report view shows ---- */

enum { LK_RDOC_COLS = 8, LK_RDOC_TABLES = 8 };

typedef enum lk_rdoc_kind {
	LK_RD_HEADING, /* a section's title */
	LK_RD_TEXT,    /* a paragraph, wrapped to the width */
	LK_RD_HEADER,  /* the column titles of a table */
	LK_RD_ROW,     /* a row of a table */
	LK_RD_BLANK,
} lk_rdoc_kind;

typedef struct lk_rdoc_table {
	int ncols;
	const char *titles[LK_RDOC_COLS]; /* translated; "" for none */
	int min[LK_RDOC_COLS];            /* columns at least */
	int weight[LK_RDOC_COLS];         /* share of the rest of the width */
	bool right[LK_RDOC_COLS];         /* numbers: right-aligned */
	int bar_col;                      /* the column drawn as a bar; -1 none */
} lk_rdoc_table;

typedef struct lk_rdoc_line {
	lk_rdoc_kind kind;
	lk_style style;
	int table;                        /* HEADER and ROW: the table's index */
	char *cells[LK_RDOC_COLS];        /* owned; TEXT and HEADING use cells[0] */
	int64_t bar_value, bar_max;       /* ROW: the bar's length out of max */
} lk_rdoc_line;

typedef struct lk_rdoc {
	lk_rdoc_line *lines;
	int n, cap;
	lk_rdoc_table tables[LK_RDOC_TABLES];
	int ntables;
	bool oom;                         /* a line could not be added */
} lk_rdoc;

/* Frees the lines and empties d (the tables go too). */
void rdoc_clear(lk_rdoc *d);

/* Adds a table; returns its index, or -1 when there are too many. */
int rdoc_table(lk_rdoc *d, const lk_rdoc_table *t);

/* Adds a heading, a paragraph or a blank line; the text is copied. */
void rdoc_heading(lk_rdoc *d, const char *text);
void rdoc_text(lk_rdoc *d, lk_style st, const char *text);
void rdoc_blank(lk_rdoc *d);

/* Adds the header of table, then a row of its ncols cells (copied; NULL
 * is empty) with a bar of value out of max in its bar column. Returns the
 * row's index, -1 when out of memory. */
void rdoc_header(lk_rdoc *d, int table);
int rdoc_row(lk_rdoc *d, int table, lk_style st, const char *const *cells, int64_t value,
	int64_t max);

/* Lays d out to width columns: out(arg, text, style) once per screen line,
 * text never wider than width (cut with "…" where a cell is too narrow,
 * paragraphs wrapped). Returns the number of lines. */
int rdoc_layout(const lk_rdoc *d, int width, void (*out)(void *arg, const char *text, lk_style st),
	void *arg);

/* Builds the activity report of p into d (cleared first): the figures,
 * then by audience, by course and by month (by year for a long period),
 * the definitions and when it was made. -1 with err (the core's refusal,
 * LK_ENOMEM). Pure apart from the core's reads: unit-tested. */
int reports_activity_doc(lk_ctx *ctx, lk_period p, lk_rdoc *d, lk_err *err);

/* The registration list of run_id into d: the run, the criteria with
 * yes/no and the reasons, the participants with their dates. */
int reports_registration_doc(lk_ctx *ctx, int64_t run_id, lk_rdoc *d, lk_err *err);

/* The honorarium of p into d: the rate, each user representative's
 * sessions, meetings, paid time with a bar and amount, the total. */
int reports_honorarium_doc(lk_ctx *ctx, lk_period p, lk_rdoc *d, lk_err *err);

#endif
