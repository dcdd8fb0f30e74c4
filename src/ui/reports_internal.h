/* reports_internal.h — private to src/ui/reports*.c: what the report views
 * share (see ui/reports.h). */
#ifndef LMSKURS_UI_REPORTS_INTERNAL_H
#define LMSKURS_UI_REPORTS_INTERNAL_H

#include "lmskurs/ui/reports.h"

/* A view that shows a document: the document and where it is scrolled. */
typedef struct rdoc_view {
	lk_rdoc doc;
	int top;   /* first screen line shown */
	int page;  /* lines shown by the last draw */
	int total; /* lines of the document at the last draw's width */
} rdoc_view;

/* Frees the document. */
void rdoc_view_free(rdoc_view *s);

/* Lays the document out to r's width and paints the lines from top; the
 * terminal cursor goes to the first line shown, with a position counter
 * on the right when it does not all fit. */
void rdoc_view_draw(rdoc_view *s, lk_ui *ui, lk_rect r);

/* Scrolling: up, down, page up and down, first, last; true when a was one. */
bool rdoc_view_move(rdoc_view *s, lk_action a);

/* Adds the report's definitions under a heading, and the line saying when
 * and by whom it was made. -1 when out of memory. */
int rdoc_footer(lk_ctx *ctx, lk_report_kind k, lk_rdoc *d);

/* Shows "Making the report …" over the screen until the next frame, for
 * the half second a report over many years takes. */
void reports_working(lk_ui *ui);

/* Refuses what is not for the role, on the status line; true when allowed. */
bool reports_allowed(lk_ui *ui);

/* p / c in a report view: the export form over it. */
void reports_export(lk_ui *ui, const lk_report_export *x);

#endif
