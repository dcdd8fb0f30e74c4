/*
 * ui/list.h — the paged list: a window of rows around the cursor, fetched
 * page by page through the core's list API (offset/limit, lk_page), never
 * all rows. It knows the total under the current filter (the core's
 * *_count) and re-queries when the filter changes, so `/` filters as you
 * type.
 *
 *   view ──list_init(ops, arg)──▶ lk_list
 *   driver ──list_move/list_page──▶ list_prepare ──ops->fetch──▶ core
 *   core ──each row──▶ ops->fetch ──list_add_row──▶ window
 *
 * The window logic has no curses in it and is unit-tested with a fake
 * source; list_draw is the only drawing function.
 */
#ifndef LMSKURS_UI_LIST_H
#define LMSKURS_UI_LIST_H

#include <stdbool.h>
#include <stdint.h>

#include "lmskurs/err.h"
#include "lmskurs/store.h"
#include "lmskurs/ui/screen.h"
#include "lmskurs/ui/uitext.h"

typedef struct lk_list lk_list;

enum { LK_LIST_COLS_MAX = 8 };

typedef struct lk_list_ops {
	const lk_column *cols; /* header and widths; ncols <= LK_LIST_COLS_MAX */
	int ncols;
	/* Rows under l->filter, or -1 with err. */
	int64_t (*count)(lk_list *l, lk_err *err);
	/* Fetches rows [page.offset, page.offset + page.limit) in list order,
	 * handing each (newly allocated) to list_add_row. 0 or -1 with err. */
	int (*fetch)(lk_list *l, lk_page page, lk_err *err);
	void (*row_free)(void *row);
	/* Stable id of a row, to keep the selection across re-reads. */
	int64_t (*row_id)(const void *row);
	/* Points cells[0..ncols) at the row's texts (owned by the row or
	 * static) and returns its style (LK_STYLE_NORMAL or e.g. DIM). */
	lk_style (*row_cells)(const void *row, const char **cells);
	/* Shown when there are no rows (msgids); may be NULL. */
	const char *empty_text;
	const char *no_match_text;
} lk_list_ops;

/* Fields are the list's own; read them, change them only through the
 * functions below. */
struct lk_list {
	const lk_list_ops *ops;
	void *arg;        /* for ops: usually the view's state */
	char *filter;     /* owned; NULL when not filtering */
	int64_t total;    /* rows under the filter */
	int64_t cursor;   /* selected row (0 when empty) */
	int64_t top;      /* first row shown */
	int height;       /* rows shown, from the last layout */
	int64_t first;    /* list index of rows[0] */
	void **rows;      /* the window */
	int nrows, cap;
	int fetches;      /* fetch calls so far (tests check paging) */
	int64_t fetched;  /* rows fetched so far */
};

/* Sets up an empty list; call list_reload to read. */
void list_init(lk_list *l, const lk_list_ops *ops, void *arg);

/* Frees the rows and the filter (not l). */
void list_fini(lk_list *l);

/* For ops->fetch: takes ownership of row (freed with ops->row_free even
 * when this fails with LK_ENOMEM). */
int list_add_row(lk_list *l, void *row, lk_err *err);

/* Re-reads count and the window, keeping the selected row by id when it is
 * still near, else the cursor position (clamped). */
int list_reload(lk_list *l, lk_err *err);

/* Sets the filter (NULL or "" clears it), goes to the first row, re-reads. */
int list_set_filter(lk_list *l, const char *text, lk_err *err);

/* Sets the rows shown (from the layout) and scrolls so the cursor shows. */
void list_set_height(lk_list *l, int height);

/* Moves the cursor by delta rows / to index (both clamped) and fetches the
 * window it needs. */
int list_move(lk_list *l, int64_t delta, lk_err *err);
int list_move_to(lk_list *l, int64_t index, lk_err *err);

/* The driver's moving actions (up, down, page, first, last); true when a
 * was one of them (err set when the fetch failed: check err->code). */
bool list_request(lk_list *l, int action, lk_err *err);

/* Makes sure the rows shown [top, top + height) are in the window. */
int list_prepare(lk_list *l, lk_err *err);

/* Moves the cursor to the row with id when it is in the window (as after
 * list_reload: the rows around the cursor); true when found, else the
 * cursor stays. For putting the cursor on a row just added. */
bool list_select_id(lk_list *l, int64_t id, lk_err *err);

/* Row at index if it is in the window, else NULL. */
void *list_row(const lk_list *l, int64_t index);

/* The selected row, or NULL when the list is empty. */
void *list_selected(const lk_list *l);

/* The columns of the page shown ([top, top + rows)) in width: each gets
 * what its title and its widest cell there need, up to its min first, then
 * the rest is shared by weight (a weight of 0 counts as 1) until every
 * column has what it needs; what is left goes by weight. Columns that do
 * not fit get width 0. xs/ws as in uitext_columns. No curses calls. */
void list_columns(const lk_list *l, int width, int rows, int *xs, int *ws);

/* Draws header, rows and a position counter inside r (after list_prepare)
 * and puts the terminal cursor on the selected row. The columns are
 * list_columns of the rows shown. */
void list_draw(lk_list *l, lk_ui *ui, lk_rect r);

#endif
