#include "lmskurs/ui/list.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lmskurs/i18n.h"
#include "lmskurs/ui/keys.h"

/* The window holds this many screens of rows: one above the shown page and
 * one below, so moving a little never queries. */
enum { WINDOW_SCREENS = 3, WINDOW_MIN = 30 };

void list_init(lk_list *l, const lk_list_ops *ops, void *arg)
{
	memset(l, 0, sizeof *l);
	l->ops = ops;
	l->arg = arg;
	l->height = 1;
}

static void drop_rows(lk_list *l)
{
	for (int i = 0; i < l->nrows; i++)
		l->ops->row_free(l->rows[i]);
	l->nrows = 0;
}

void list_fini(lk_list *l)
{
	drop_rows(l);
	free(l->rows);
	free(l->filter);
	memset(l, 0, sizeof *l);
}

int list_add_row(lk_list *l, void *row, lk_err *err)
{
	if (l->nrows == l->cap) {
		int cap = l->cap ? l->cap * 2 : 64;
		void **rows = realloc(l->rows, (size_t)cap * sizeof *rows);
		if (!rows) {
			l->ops->row_free(row);
			return lk_fail(err, LK_ENOMEM, _("Out of memory."));
		}
		l->rows = rows;
		l->cap = cap;
	}
	l->rows[l->nrows++] = row;
	l->fetched++;
	return 0;
}

void *list_row(const lk_list *l, int64_t index)
{
	if (index < l->first || index >= l->first + l->nrows)
		return NULL;
	return l->rows[index - l->first];
}

void *list_selected(const lk_list *l)
{
	return l->total > 0 ? list_row(l, l->cursor) : NULL;
}

/* Keeps cursor inside [0, total) and the page [top, top + height) around it,
 * filled to the bottom when the list is long enough. */
static void scroll_to_cursor(lk_list *l)
{
	if (l->cursor >= l->total)
		l->cursor = l->total > 0 ? l->total - 1 : 0;
	if (l->cursor < 0)
		l->cursor = 0;
	if (l->cursor < l->top)
		l->top = l->cursor;
	if (l->cursor >= l->top + l->height)
		l->top = l->cursor - l->height + 1;
	if (l->top + l->height > l->total)
		l->top = l->total > l->height ? l->total - l->height : 0;
}

static int fetch_window(lk_list *l, lk_err *err)
{
	int64_t size = (int64_t)l->height * WINDOW_SCREENS;
	if (size < WINDOW_MIN)
		size = WINDOW_MIN;
	int64_t start = l->top - l->height;
	drop_rows(l);
	l->first = start > 0 ? start : 0;
	l->fetches++;
	if (l->ops->fetch(l, (lk_page){.offset = l->first, .limit = (int)size}, err) < 0)
		return -1;
	/* Rows went away between count and fetch: believe the fetch. */
	if (l->nrows < size && l->first + l->nrows < l->total) {
		l->total = l->first + l->nrows;
		scroll_to_cursor(l);
	}
	return 0;
}

int list_prepare(lk_list *l, lk_err *err)
{
	int64_t end = l->top + l->height;
	if (end > l->total)
		end = l->total;
	if (l->total == 0 || (l->top >= l->first && end <= l->first + l->nrows))
		return 0;
	return fetch_window(l, err);
}

void list_set_height(lk_list *l, int height)
{
	l->height = height > 0 ? height : 1;
	scroll_to_cursor(l);
}

/* Index of the row with id in the window, or -1. */
static int64_t find_id(const lk_list *l, int64_t id)
{
	for (int i = 0; i < l->nrows; i++)
		if (l->ops->row_id(l->rows[i]) == id)
			return l->first + i;
	return -1;
}

int list_reload(lk_list *l, lk_err *err)
{
	const void *sel = list_selected(l);
	int64_t id = sel ? l->ops->row_id(sel) : -1;
	int64_t total = l->ops->count(l, err);
	if (total < 0)
		return -1;
	drop_rows(l);
	l->total = total;
	scroll_to_cursor(l);
	if (list_prepare(l, err) < 0)
		return -1;
	int64_t at = id >= 0 ? find_id(l, id) : -1;
	if (at < 0 || at == l->cursor)
		return 0;
	l->cursor = at;
	scroll_to_cursor(l);
	return list_prepare(l, err);
}

bool list_select_id(lk_list *l, int64_t id, lk_err *err)
{
	lk_err_clear(err);
	int64_t at = find_id(l, id);
	if (at < 0)
		return false;
	list_move_to(l, at, err);
	return true;
}

int list_set_filter(lk_list *l, const char *text, lk_err *err)
{
	char *copy = NULL;
	if (text && *text && !(copy = strdup(text)))
		return lk_fail(err, LK_ENOMEM, _("Out of memory."));
	free(l->filter);
	l->filter = copy;
	drop_rows(l);
	l->cursor = l->top = 0;
	return list_reload(l, err);
}

int list_move_to(lk_list *l, int64_t index, lk_err *err)
{
	l->cursor = index;
	scroll_to_cursor(l);
	return list_prepare(l, err);
}

int list_move(lk_list *l, int64_t delta, lk_err *err)
{
	return list_move_to(l, l->cursor + delta, err);
}

bool list_request(lk_list *l, int action, lk_err *err)
{
	lk_err_clear(err);
	switch (action) {
	case LK_ACT_MOVE_UP: list_move(l, -1, err); return true;
	case LK_ACT_MOVE_DOWN: list_move(l, 1, err); return true;
	case LK_ACT_PAGE_UP: list_move(l, -l->height, err); return true;
	case LK_ACT_PAGE_DOWN: list_move(l, l->height, err); return true;
	case LK_ACT_MOVE_FIRST: list_move_to(l, 0, err); return true;
	case LK_ACT_MOVE_LAST: list_move_to(l, l->total - 1, err); return true;
	default: return false;
	}
}

/* ---- column widths ---- */

/* What each column needs on the page: its title and its widest cell among
 * the rows [top, top + rows) that are in the window. */
static void page_needs(const lk_list *l, int rows, int *need)
{
	const lk_list_ops *o = l->ops;
	for (int i = 0; i < o->ncols; i++)
		need[i] = uitext_width(_(o->cols[i].title));
	for (int64_t k = l->top; k < l->top + rows && k < l->total; k++) {
		const void *row = list_row(l, k);
		const char *cells[LK_LIST_COLS_MAX] = {0};
		if (!row)
			continue;
		o->row_cells(row, cells);
		for (int i = 0; i < o->ncols; i++) {
			int w = uitext_width(cells[i]);
			need[i] = w > need[i] ? w : need[i];
		}
	}
}

static int fill_weight(const lk_column *c)
{
	return c->weight > 0 ? c->weight : 1;
}

/* One round of sharing spare among the columns below their need, by
 * weight, never beyond the need; at least one column when any wants.
 * Returns what it gave (0: nobody wants more). */
static int fill_round(const lk_column *cols, int n, const int *need, int *ws, int spare)
{
	int weights = 0, given = 0, first = -1;
	for (int i = 0; i < n; i++)
		if (ws[i] < need[i]) {
			weights += fill_weight(&cols[i]);
			if (first < 0 || fill_weight(&cols[i]) > fill_weight(&cols[first]))
				first = i;
		}
	for (int i = 0; i < n && weights; i++) {
		int g = ws[i] < need[i] ? spare * fill_weight(&cols[i]) / weights : 0;
		g = g > need[i] - ws[i] ? need[i] - ws[i] : g;
		ws[i] += g;
		given += g;
	}
	if (given == 0 && first >= 0) {
		ws[first]++;
		given = 1;
	}
	return given;
}

/* What is left when every column has its need goes by weight, the odd
 * columns to the last weighted one, so the row is used to its end. */
static void share_rest(const lk_column *cols, int n, int *ws, int spare)
{
	int weights = 0, last = -1, given = 0;
	for (int i = 0; i < n; i++)
		if (cols[i].weight > 0)
			weights += cols[i].weight, last = i;
	if (spare <= 0 || last < 0)
		return;
	for (int i = 0; i < n; i++) {
		int g = spare * cols[i].weight / weights;
		ws[i] += g;
		given += g;
	}
	ws[last] += spare - given;
}

void list_columns(const lk_list *l, int width, int rows, int *xs, int *ws)
{
	const lk_column *cols = l->ops->cols;
	int n = l->ops->ncols, need[LK_LIST_COLS_MAX], spare = width - (n > 0 ? n - 1 : 0);
	page_needs(l, rows, need);
	for (int i = 0; i < n; i++) {
		ws[i] = cols[i].min < need[i] ? cols[i].min : need[i];
		spare -= ws[i];
	}
	for (int g; spare > 0 && (g = fill_round(cols, n, need, ws, spare)) > 0;)
		spare -= g;
	share_rest(cols, n, ws, spare);
	for (int i = 0, x = 0; i < n; i++) {
		ws[i] = x + ws[i] > width ? (width > x ? width - x : 0) : ws[i];
		xs[i] = x < width ? x : width;
		x += ws[i] + 1;
	}
}

/* ---- drawing ---- */

enum { MARK_W = 2 };

/* "12/340": where the cursor is, at the right of the header row. */
static int draw_position(lk_list *l, lk_ui *ui, lk_rect r)
{
	char pos[48];
	snprintf(pos, sizeof pos, "%lld/%lld", (long long)(l->total > 0 ? l->cursor + 1 : 0),
		(long long)l->total);
	int pw = uitext_width(pos);
	screen_text(ui, r.y, r.x + r.w - pw, pw, pos, LK_STYLE_DIM);
	return pw + 1;
}

/* Whether every title shown fits left of limit (the position counter). */
static bool titles_clear(const lk_list *l, int limit, const int *xs, const int *ws)
{
	for (int i = 0; i < l->ops->ncols; i++) {
		int tw = uitext_width(_(l->ops->cols[i].title));
		if (ws[i] > 0 && xs[i] + (tw < ws[i] ? tw : ws[i]) > limit)
			return false;
	}
	return true;
}

/* The titles, clear of the position counter (pw columns at the right of
 * the header row; the rows below may use that width). */
static void draw_header(lk_list *l, lk_ui *ui, lk_rect r, int pw, const int *xs, const int *ws)
{
	int limit = r.w - MARK_W - pw;
	for (int i = 0; i < l->ops->ncols; i++) {
		int w = xs[i] + ws[i] > limit ? limit - xs[i] : ws[i];
		screen_text(ui, r.y, r.x + MARK_W + xs[i], w, _(l->ops->cols[i].title), LK_STYLE_DIM);
	}
}

static void draw_row(lk_list *l, lk_ui *ui, int y, lk_rect r, int64_t index, const int *xs,
	const int *ws)
{
	const void *row = list_row(l, index);
	bool sel = index == l->cursor;
	const char *cells[LK_LIST_COLS_MAX] = {0};
	lk_style st = row ? l->ops->row_cells(row, cells) : LK_STYLE_DIM;
	if (sel)
		st = LK_STYLE_SELECTED;
	screen_fill(ui, y, r.x, r.w, st);
	screen_text(ui, y, r.x, MARK_W, sel ? ">" : "", st);
	for (int i = 0; i < l->ops->ncols; i++)
		screen_text(ui, y, r.x + MARK_W + xs[i], ws[i], row ? cells[i] : "…", st);
	if (sel)
		screen_cursor(ui, y, r.x);
}

static void draw_empty(lk_list *l, lk_ui *ui, lk_rect r)
{
	const char *msg = l->filter ? l->ops->no_match_text : l->ops->empty_text;
	if (!msg)
		msg = l->filter ? N_("Nothing matches the filter.") : N_("Nothing here yet.");
	screen_text(ui, r.y + 1, r.x + MARK_W, r.w - MARK_W, _(msg), LK_STYLE_DIM);
	screen_cursor(ui, r.y + 1, r.x);
}

void list_draw(lk_list *l, lk_ui *ui, lk_rect r)
{
	if (r.h < 2 || r.w < MARK_W + 1)
		return;
	int xs[LK_LIST_COLS_MAX], ws[LK_LIST_COLS_MAX];
	int pw = draw_position(l, ui, r);
	list_columns(l, r.w - MARK_W, r.h - 1, xs, ws);
	if (!titles_clear(l, r.w - MARK_W - pw, xs, ws))
		list_columns(l, r.w - MARK_W - pw, r.h - 1, xs, ws);
	draw_header(l, ui, r, pw, xs, ws);
	if (l->total == 0) {
		draw_empty(l, ui, r);
		return;
	}
	for (int i = 0; i < r.h - 1 && l->top + i < l->total; i++)
		draw_row(l, ui, r.y + 1 + i, r, l->top + i, xs, ws);
}
