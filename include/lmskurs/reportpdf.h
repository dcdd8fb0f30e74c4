/*
 * reportpdf.h — the reports as files (report.h gives the figures): the
 * activity report as an A4 PDF with bar charts (pdf.h), every report as
 * CSV (csv.h) for spreadsheets, the registration staff and payroll, and
 * the bars that the PDF and the screens draw.
 *
 *   report_activity / _figures ──▶ reportpdf_activity ──▶ FILE.pdf
 *   report_activity            ──▶ reportcsv_activity     ──▶ csv writer
 *   report_registration(_participants) ──▶ reportcsv_registration
 *   report_honorarium          ──▶ reportcsv_honorarium   (payroll)
 *
 * Every file states the period (or the run), when it was made and by which
 * login, and the report's definitions (report_definitions): the PDF on its
 * pages, the CSV in columns period_from, period_to, made_at on every row and
 * in rows of type "definition". Each writer logs the report with
 * report_log (no names) once its rows are written, before the caller
 * keeps the file; a failed log fails the writer, so nothing leaves
 * unlogged through a file. Coordinators only (LK_PERM_REPORTS), as the
 * reports themselves.
 *
 * CSV columns are stable codes; times are ISO ("2027-03-04T12:30"); hours
 * and kroner have two decimals with '.' in the plain flavour and ',' in the
 * Excel flavour (csv.h), so Norwegian Excel reads them as numbers.
 */
#ifndef LMSKURS_REPORTPDF_H
#define LMSKURS_REPORTPDF_H

#include <stddef.h>
#include <stdint.h>

#include "lmskurs/csv.h"
#include "lmskurs/report.h"

/* A bar of width cells for value out of max, from block characters in
 * eighths of a cell ("█████▍"): never longer than width, at least one
 * eighth for any value > 0, "" for 0 or max <= 0. Written into buf (size
 * bytes; 3 bytes per cell and a NUL suffice). */
void report_bar_text(int64_t value, int64_t max, int width, char *buf, size_t size);

typedef struct lk_reportpdf_result {
	int pages;
	int64_t rows; /* table rows printed (figures, audiences, courses, months) */
} lk_reportpdf_result;

/* Writes the activity report of p to path as an A4 PDF: organisation
 * (NULL or "" leaves it out), title, period, made at and by, the figures,
 * then tables with bars by audience, by course, and by month (by year for
 * a period of more than 24 months), and the definitions. The file is
 * created 0600 under a temporary name and renamed onto path when complete
 * (pdf.h); on failure path is left as it was. out may be NULL. */
int reportpdf_activity(lk_ctx *ctx, lk_period p, const char *organisation, const char *path,
	lk_reportpdf_result *out, lk_err *err);

/* The activity report as CSV rows to w: one row per slice (type "all",
 * "audience", "course", "month") with every figure of report_figures in
 * columns (minutes also as hours, shares as part, whole and per cent),
 * then the definitions. where (for the log) names the destination. *rows
 * (may be NULL) gets the data rows written. */
int reportcsv_activity(lk_ctx *ctx, lk_period p, lk_csv_writer *w, lk_csv_flavour flavour,
	const char *where, int64_t *rows, lk_err *err);

/* The registration list of run_id as CSV: one row per participant and
 * date present (type "attendance"; a participant never present gets one
 * row with the date empty), as patient administrative systems register
 * group education, then the four criteria (type "criterion": met yes/no
 * and the reason) and the definitions. */
int reportcsv_registration(lk_ctx *ctx, int64_t run_id, lk_csv_writer *w, lk_csv_flavour flavour,
	const char *where, int64_t *rows, lk_err *err);

/* The honorarium of p as CSV for payroll: one row per attendance (type
 * "item"), a row per person (type "person_total") after their items, a
 * last row "total", then the definitions. Amounts are empty when no rate
 * is set. */
int reportcsv_honorarium(lk_ctx *ctx, lk_period p, lk_csv_writer *w, lk_csv_flavour flavour,
	const char *where, int64_t *rows, lk_err *err);

#endif
