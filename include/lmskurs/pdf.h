/*
 * pdf.h — a small A4 page and table layer on cairo and pango, for printed
 * sheets and reports.
 *
 *   pdf_create ──▶ a new file beside path (0600), nothing at path yet
 *   pdf_set_begin(header) ──▶ pages of one set; every page starts with the
 *       header callback, so a long list repeats its header
 *   pdf_text / pdf_field / pdf_gap / pdf_table_* ──▶ flow down the page;
 *       whatever does not fit starts a new page of the set
 *   pdf_set_end ──▶ the set's pages with footers "page 1 of 3" (numbered
 *       within the set)
 *   pdf_finish ──▶ the file renamed onto path; pdf_abort removes it
 *
 * Units are points (1/72 inch); the page is A4 portrait, 595.28 x 841.89.
 * All text is UTF-8 laid out by pango (DejaVu Sans, with fontconfig's
 * fallback for scripts it lacks), so Polish, Vietnamese, Arabic (right to
 * left), Cyrillic and Sámi shape correctly; a right-to-left paragraph is
 * aligned to the right of its box. The file is written under a temporary
 * name with mode 0600 and renamed onto path only when complete: a sheet of
 * names is health data, and a half-written file never replaces a good one.
 * Any file already at path is replaced, and the result is 0600 whatever
 * the old file's mode was.
 *
 * Errors: functions return 0 or -1 with err (LK_EIO for files, LK_ENOMEM,
 * LK_EINVAL for a misuse such as a row before pdf_table_begin). After a
 * failure the only useful call is pdf_abort.
 */
#ifndef LMSKURS_PDF_H
#define LMSKURS_PDF_H

#include <stdbool.h>
#include "lmskurs/err.h"

typedef struct lk_pdf lk_pdf;

/* A4 portrait in points, and the margins the layer uses. */
#define LK_PDF_PAGE_W 595.28 /* 210 mm, as pdfinfo names A4 */
#define LK_PDF_PAGE_H 841.89 /* 297 mm */
#define LK_PDF_MARGIN 42.52 /* 15 mm left, right and top */
#define LK_PDF_MARGIN_BOTTOM 56.69 /* 20 mm: the footer sits here */

typedef enum lk_pdf_style {
	LK_PDF_BODY,   /* 10 pt */
	LK_PDF_BOLD,   /* 10 pt bold */
	LK_PDF_SMALL,  /* 8 pt */
	LK_PDF_TITLE,  /* 16 pt bold */
	LK_PDF_STYLE_COUNT
} lk_pdf_style;

typedef enum lk_pdf_align { LK_PDF_LEFT, LK_PDF_CENTER, LK_PDF_RIGHT } lk_pdf_align;

typedef struct lk_pdf_column {
	const char *title; /* header cell, already translated; copied */
	double weight;     /* share of the table's width (> 0), relative to the others */
	lk_pdf_align align;/* LEFT is flipped for right-to-left text */
	int max_lines;     /* longer text is cut with "…" after this many lines; 0: no limit */
	bool tick_box;     /* draw an empty square in the cell (for a tick by hand) */
} lk_pdf_column;

/* Draws the header of every page of a set at the top of the page (with
 * pdf_text, pdf_field, pdf_gap); returns 0, or -1 with err. It must fit on
 * one page. */
typedef int (*lk_pdf_header_fn)(lk_pdf *pdf, void *arg, lk_err *err);

/* Starts a PDF that will end up at path: creates a temporary file (0600) in
 * path's folder. title is the document's title in its metadata (may be
 * NULL). *out is NULL on failure (LK_EIO naming path and why). */
int pdf_create(const char *path, const char *title, lk_pdf **out, lk_err *err);

/* Starts a set of pages and its first page. header (may be NULL) draws the
 * top of every page, arg is passed to it; footer (may be NULL) is printed
 * at the bottom left of every page, beside "page N of M" on the right.
 * LK_EINVAL when a set is already open. */
int pdf_set_begin(lk_pdf *pdf, lk_pdf_header_fn header, void *arg, const char *footer,
	lk_err *err);

/* Ends the set: numbers its pages and writes them to the file. Returns the
 * number of pages of the set, or -1 with err. */
int pdf_set_end(lk_pdf *pdf, lk_err *err);

/* A paragraph across the page width in style, wrapped at word boundaries,
 * starting a new page when it does not fit. */
int pdf_text(lk_pdf *pdf, const char *text, lk_pdf_style style, lk_pdf_align align, lk_err *err);

/* A labelled line: label in bold in a fixed first column, value wrapped in
 * the rest of the width. An empty or NULL value prints "–". */
int pdf_field(lk_pdf *pdf, const char *label, const char *value, lk_err *err);

/* Moves down by points (to the end of the page at most). */
void pdf_gap(lk_pdf *pdf, double points);

/* Starts a table of n columns (1..16) across the page width and draws its
 * header row; the header row is drawn again on every page the table
 * continues on. cols is copied. LK_EINVAL for a bad column list or a table
 * already open. */
int pdf_table_begin(lk_pdf *pdf, const lk_pdf_column *cols, int n, lk_err *err);

/* One row of n cells (NULL cells are empty); it grows to the tallest cell
 * (at least min_height points, so there is room to sign) and moves to a new
 * page with the page header and the table's header row when it does not fit. */
int pdf_table_row(lk_pdf *pdf, const char *const cells[], double min_height, lk_err *err);

/* True when that row would fit on the current page without a page break. */
bool pdf_table_row_fits(lk_pdf *pdf, const char *const cells[], double min_height);

/* Ends the table (the cursor moves below it). */
void pdf_table_end(lk_pdf *pdf);

/* Pages of the current set so far (0 outside a set). */
int pdf_set_pages(const lk_pdf *pdf);

/* Total pages written to the file by pdf_set_end so far. */
int pdf_pages(const lk_pdf *pdf);

/* Finishes the file (an open set is ended first) and renames it onto the
 * path given to pdf_create, replacing any file there; frees pdf (also on
 * failure, when the temporary file is removed and path is left as it was). */
int pdf_finish(lk_pdf *pdf, lk_err *err);

/* Frees pdf and removes its temporary file; path is left as it was. NULL is
 * fine. */
void pdf_abort(lk_pdf *pdf);

#endif
