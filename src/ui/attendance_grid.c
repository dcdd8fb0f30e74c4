/*
 * attendance_grid.c — a run's attendance: its registered participants
 * (rows, paged) × its sessions (columns, cancelled ones included), each
 * cell a letter (P present, A absent, E excused, – not expected, x the
 * session is cancelled, blank not marked), then per person the rate with
 * its denominator ("5/6 held (83 %)") and whether they completed or cannot
 * any more; under the grid each session's counts. Marks are letters and
 * the flags words and "!", never colour alone.
 *
 *   session_list ──▶ columns ──attendance_session_counts──▶ counts
 *   enroll_list (registered, one page) ──attendance_summary──▶ rows
 *   attendance_grid ──the page's cells──▶ rows
 *
 * Sessions that do not fit scroll sideways (Left/Right); the name and the
 * rate stay where they are. The threshold is the config's
 * (ctx->settings.completion_threshold_pct), as the core uses it.
 */
#include "attendance_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lmskurs/enroll.h"
#include "lmskurs/i18n.h"
#include "lmskurs/run.h"
#include "lmskurs/session.h"
#include "lmskurs/ui/uitext.h"

typedef struct grid_col {
	int64_t id;
	int seq;
	lk_date date;
	lk_session_status status;
	int counts[4]; /* present, absent, excused, not marked */
} grid_col;

typedef struct grid_row {
	int64_t enrollment_id;
	char *name;
	lk_attendance_summary sum;
	char *rate;
	lk_att_cell *cells; /* one per column */
} grid_row;

typedef struct grid_state {
	lk_ctx *ctx;
	int64_t run_id;
	lk_run run;
	bool gone;
	grid_col *cols;
	int ncols;
	int hscroll;  /* first session column shown */
	int shown;    /* session columns that fit, from the last draw */
	lk_list list;
} grid_state;

enum { CELL_W = 6, FLAG_W = 2, RATE_W = 17, DONE_W = 17, FOOT_ROWS = 4 };

/* ---- the columns ---- */

struct col_acc {
	grid_state *g;
	lk_err *err;
	int rc, cap;
};

static int col_take(void *arg, const lk_session *s)
{
	struct col_acc *a = arg;
	grid_state *g = a->g;
	if (g->ncols == a->cap) {
		int cap = a->cap ? a->cap * 2 : 16;
		grid_col *c = realloc(g->cols, (size_t)cap * sizeof *c);
		if (!c) {
			a->rc = lk_fail(a->err, LK_ENOMEM, _("Out of memory."));
			return 1;
		}
		g->cols = c;
		a->cap = cap;
	}
	g->cols[g->ncols++] = (grid_col){.id = s->id, .seq = s->seq, .date = s->starts_at.date, .status = s->status};
	return 0;
}

/* The run's sessions (a run has a handful), then each one's counts. */
static int cols_load(grid_state *g, lk_err *err)
{
	free(g->cols);
	g->cols = NULL;
	g->ncols = 0;
	struct col_acc a = {g, err, 0, 0};
	if (session_list(g->ctx, g->run_id, col_take, &a, err) < 0 || a.rc < 0)
		return -1;
	for (int i = 0; i < g->ncols; i++) {
		int *c = g->cols[i].counts;
		if (attendance_session_counts(g->ctx, g->cols[i].id, &c[0], &c[1], &c[2], &c[3], err) < 0)
			return -1;
	}
	return 0;
}

static int col_index(const grid_state *g, int64_t session_id)
{
	for (int i = 0; i < g->ncols; i++)
		if (g->cols[i].id == session_id)
			return i;
	return -1;
}

/* ---- the rows ---- */

static void grid_row_free(void *row)
{
	grid_row *r = row;
	if (!r)
		return;
	free(r->name);
	free(r->rate);
	free(r->cells);
	free(r);
}

static int64_t grid_count(lk_list *l, lk_err *err)
{
	const grid_state *g = l->arg;
	int64_t n = 0;
	return enroll_counts(g->ctx, g->run_id, &n, NULL, NULL, err) < 0 ? -1 : n;
}

typedef struct grid_page {
	const grid_state *g;
	grid_row **rows;
	int n, cap;
	lk_err *err;
	int rc;
} grid_page;

static int page_take(void *arg, const lk_enrollment *e)
{
	grid_page *p = arg;
	int nc = p->g->ncols;
	grid_row *r = calloc(1, sizeof *r);
	if (r && (r->name = strdup(e->participant_name ? e->participant_name : "")) &&
	    (r->cells = calloc((size_t)(nc > 0 ? nc : 1), sizeof *r->cells))) {
		r->enrollment_id = e->id;
		for (int i = 0; i < nc; i++)
			r->cells[i] = LK_CELL_UNMARKED;
		p->rows[p->n++] = r;
		return p->n >= p->cap;
	}
	grid_row_free(r);
	p->rc = lk_fail(p->err, LK_ENOMEM, _("Out of memory."));
	return 1;
}

static int page_cell(void *arg, int64_t enrollment_id, int64_t session_id, lk_att_cell state)
{
	grid_page *p = arg;
	int c = col_index(p->g, session_id);
	for (int i = 0; c >= 0 && i < p->n; i++)
		if (p->rows[i]->enrollment_id == enrollment_id)
			p->rows[i]->cells[c] = state;
	return 0;
}

/* Each row's summary and rate text, after the listing. */
static int page_sums(grid_page *p, lk_err *err)
{
	for (int i = 0; i < p->n; i++) {
		grid_row *r = p->rows[i];
		if (attendance_summary(p->g->ctx, r->enrollment_id, &r->sum, err) < 0)
			return -1;
		if (!(r->rate = attendance_rate_text(&r->sum)))
			return lk_fail(err, LK_ENOMEM, _("Out of memory."));
	}
	return 0;
}

static int grid_fetch(lk_list *l, lk_page page, lk_err *err)
{
	const grid_state *g = l->arg;
	grid_page p = {.g = g, .cap = page.limit > 0 ? page.limit : 1, .err = err};
	if (!(p.rows = calloc((size_t)p.cap, sizeof *p.rows)))
		return lk_fail(err, LK_ENOMEM, _("Out of memory."));
	int rc = enroll_list(g->ctx, g->run_id, LK_ENR_REGISTERED, page, page_take, &p, err);
	rc = rc < 0 ? -1 : p.rc;
	if (rc == 0 && p.n > 0)
		rc = attendance_grid(g->ctx, g->run_id, page_cell, &p, err);
	if (rc == 0)
		rc = page_sums(&p, err);
	for (int i = 0; i < p.n; i++) {
		if (rc == 0)
			rc = list_add_row(l, p.rows[i], err);
		else
			grid_row_free(p.rows[i]);
	}
	free(p.rows);
	return rc;
}

static int64_t grid_row_id(const void *row)
{
	return ((const grid_row *)row)->enrollment_id;
}

static lk_style grid_cells(const void *row, const char **cells)
{
	const grid_row *r = row;
	cells[0] = r->name;
	if (r->sum.completion_unreachable)
		return LK_STYLE_WARNING;
	return r->sum.completed ? LK_STYLE_OK : LK_STYLE_NORMAL;
}

static const lk_column grid_list_cols[] = {{N_("Name"), 12, 1}};

static const lk_list_ops grid_list_ops = {
	.cols = grid_list_cols, .ncols = 1,
	.count = grid_count, .fetch = grid_fetch, .row_free = grid_row_free,
	.row_id = grid_row_id, .row_cells = grid_cells,
	.empty_text = N_("Nobody is registered in this run."),
};

/* ---- the view ---- */

static int grid_load(grid_state *g, lk_err *err)
{
	run_free(&g->run);
	memset(&g->run, 0, sizeof g->run);
	if (run_get(g->ctx, g->run_id, &g->run, err) < 0) {
		g->gone = err->code == LK_ENOTFOUND;
		return g->gone ? 0 : -1;
	}
	g->gone = false;
	if (cols_load(g, err) < 0)
		return -1;
	return list_reload(&g->list, err);
}

static int grid_reload(lk_view *v, lk_err *err)
{
	return grid_load(v->state, err);
}

static int grid_open(lk_view *v, const void *arg, lk_err *err)
{
	grid_state *g = v->state;
	g->ctx = v->ui->ctx;
	g->run_id = *(const int64_t *)arg;
	list_init(&g->list, &grid_list_ops, g);
	if (grid_load(g, err) < 0)
		return -1;
	return g->gone ? lk_fail(err, LK_ENOTFOUND, "%s", err->msg) : 0;
}

static void grid_done(lk_view *v)
{
	grid_state *g = v->state;
	list_fini(&g->list);
	run_free(&g->run);
	free(g->cols);
}

static char *grid_title(lk_view *v)
{
	const grid_state *g = v->state;
	if (g->gone)
		return uitext_printf(_("Attendance grid: %s"), _("(deleted)"));
	if (g->run.title && *g->run.title)
		return uitext_printf(_("Attendance grid: %s · %s"), g->run.course_title, g->run.title);
	return uitext_printf(_("Attendance grid: %s"), g->run.course_title);
}

static lk_list *grid_list_of(lk_view *v)
{
	grid_state *g = v->state;
	return g->gone ? NULL : &g->list;
}

lk_list *attendance_grid_list(lk_view *v)
{
	return v->ops == &attendance_grid_view ? grid_list_of(v) : NULL;
}

/* ---- drawing ---- */

/* Where things go across the width. */
typedef struct grid_layout {
	int x;          /* left edge */
	int name_w;
	int cells_x;    /* first session column */
	int rate_x, rate_w;
	int done_x, done_w; /* done_w 0: no room, the flag and the line below say it */
} grid_layout;

static grid_layout layout(grid_state *g, lk_rect r)
{
	grid_layout L = {.x = r.x};
	L.done_w = r.w >= 90 ? DONE_W : 0;
	L.rate_w = RATE_W;
	L.name_w = r.w / 5 < 14 ? 14 : r.w / 5 > 28 ? 28 : r.w / 5;
	int room = r.w - FLAG_W - L.name_w - 1 - L.rate_w - (L.done_w ? L.done_w + 1 : 0);
	g->shown = room / CELL_W < 1 ? 1 : room / CELL_W;
	if (g->shown > g->ncols)
		g->shown = g->ncols;
	if (g->hscroll > g->ncols - g->shown)
		g->hscroll = g->ncols - g->shown > 0 ? g->ncols - g->shown : 0;
	L.cells_x = r.x + FLAG_W + L.name_w + 1;
	L.rate_x = L.cells_x + g->shown * CELL_W;
	L.done_x = L.rate_x + L.rate_w + 1;
	return L;
}

/* Text centred in a session column. */
static void cell_text(lk_ui *ui, int y, int x, const char *s, lk_style st)
{
	int w = uitext_width(s);
	int pad = (CELL_W - 1 - w) / 2;
	screen_text(ui, y, x + (pad > 0 ? pad : 0), CELL_W - 1, s, st);
}

static void draw_heading(grid_state *g, lk_ui *ui, int y, const grid_layout *L)
{
	screen_text(ui, y, L->x + FLAG_W, L->name_w, _("Name"), LK_STYLE_DIM);
	for (int j = 0; j < g->shown; j++) {
		const grid_col *c = &g->cols[g->hscroll + j];
		char no[16], day[8];
		snprintf(no, sizeof no, "%d", c->seq);
		snprintf(day, sizeof day, "%02d.%02d", c->date.day, c->date.month);
		cell_text(ui, y, L->cells_x + j * CELL_W, no, LK_STYLE_DIM);
		cell_text(ui, y + 1, L->cells_x + j * CELL_W, day, LK_STYLE_DIM);
	}
	if (g->hscroll > 0)
		screen_text(ui, y + 1, L->cells_x - 2, 1, "◂", LK_STYLE_TITLE);
	if (g->hscroll + g->shown < g->ncols)
		screen_text(ui, y + 1, L->rate_x - 1, 1, "▸", LK_STYLE_TITLE);
	screen_text(ui, y, L->rate_x, L->rate_w, _("Rate"), LK_STYLE_DIM);
	screen_text(ui, y, L->done_x, L->done_w, _("Completion"), LK_STYLE_DIM);
}

static const char *row_flag(const grid_row *r)
{
	return r->sum.completion_unreachable ? "!" : r->sum.completed ? "✓" : "";
}

static void draw_grid_row(grid_state *g, lk_ui *ui, int y, const grid_layout *L, int w, int64_t index)
{
	const grid_row *r = list_row(&g->list, index);
	bool sel = index == g->list.cursor;
	const char *cells[1] = {0};
	lk_style st = r ? grid_cells(r, cells) : LK_STYLE_DIM;
	st = sel ? LK_STYLE_SELECTED : st;
	screen_fill(ui, y, L->x, w, st);
	screen_text(ui, y, L->x, 1, sel ? ">" : "", st);
	if (!r) {
		screen_text(ui, y, L->x + FLAG_W, L->name_w, "…", st);
		return;
	}
	screen_text(ui, y, L->x + 1, 1, row_flag(r), st);
	screen_text(ui, y, L->x + FLAG_W, L->name_w, *r->name ? r->name : _("(name removed)"), st);
	for (int j = 0; j < g->shown; j++)
		cell_text(ui, y, L->cells_x + j * CELL_W, attendance_cell_mark(r->cells[g->hscroll + j]), st);
	screen_text(ui, y, L->rate_x, L->rate_w, r->rate, st);
	const char *done = r->sum.completed ? _("completed") : r->sum.completion_unreachable ? _("! cannot complete") : "";
	screen_text(ui, y, L->done_x, L->done_w, done, st);
	if (sel)
		screen_cursor(ui, y, L->x);
}

static void draw_rows(grid_state *g, lk_ui *ui, lk_rect r, const grid_layout *L)
{
	lk_err err;
	list_set_height(&g->list, r.h);
	if (list_prepare(&g->list, &err) < 0)
		ui_status_err(ui, &err);
	for (int i = 0; i < r.h && g->list.top + i < g->list.total; i++)
		draw_grid_row(g, ui, r.y + i, L, r.w, g->list.top + i);
	if (g->list.total == 0) {
		screen_text(ui, r.y, r.x + FLAG_W, r.w - FLAG_W, _(grid_list_ops.empty_text), LK_STYLE_DIM);
		screen_cursor(ui, r.y, r.x);
	}
}

static void draw_counts(grid_state *g, lk_ui *ui, int y, const grid_layout *L, int rows)
{
	static const char *const labels[FOOT_ROWS] = {N_("Present"), N_("Absent"), N_("Excused"), N_("Not marked")};
	for (int k = 0; k < rows; k++) {
		screen_text(ui, y + k, L->x + FLAG_W, L->name_w, _(labels[k]), LK_STYLE_DIM);
		for (int j = 0; j < g->shown; j++) {
			const grid_col *c = &g->cols[g->hscroll + j];
			char n[16];
			snprintf(n, sizeof n, "%d", c->counts[k]);
			cell_text(ui, y + k, L->cells_x + j * CELL_W, c->status == LK_SESSION_CANCELLED ? "x" : n, LK_STYLE_DIM);
		}
	}
}

/* "Kari: 5/6 held (83 %); completion needs 80 % of 8 expected sessions:
 * completed" for the selected row; newly allocated, NULL when none. */
static char *selected_text(const grid_state *g)
{
	const grid_row *r = list_selected(&g->list);
	if (!r)
		return NULL;
	const lk_attendance_summary *s = &r->sum;
	const char *done = *attendance_completion_text(s) ? attendance_completion_text(s) : _("not yet");
	return uitext_printf(_("%s: %s; needs %d %% of %d expected sessions: %s"),
		*r->name ? r->name : _("(name removed)"), r->rate, s->threshold_pct, s->planned_expected, done);
}

static void grid_draw_body(grid_state *g, lk_ui *ui, lk_rect in)
{
	int legend_h = in.h >= 16 ? 2 : 1;
	int y = screen_wrap(ui, (lk_rect){in.y, in.x, legend_h, in.w},
		_("P present · A absent · E excused · – not expected · x cancelled · blank: not marked"), LK_STYLE_DIM);
	y = (y > legend_h ? legend_h : y) + 1;
	char *sel = selected_text(g);
	int sel_h = in.h >= 16 && sel && screen_wrap_lines(sel, in.w) > 1 ? 2 : 1;
	grid_layout L = layout(g, in);
	int foot = in.h - y >= 16 ? FOOT_ROWS : 1;
	int list_h = in.h - y - 2 - foot - sel_h;
	if (list_h >= 1) {
		draw_heading(g, ui, in.y + y, &L);
		draw_rows(g, ui, (lk_rect){in.y + y + 2, in.x, list_h, in.w}, &L);
		draw_counts(g, ui, in.y + y + 2 + list_h, &L, foot);
		screen_wrap(ui, (lk_rect){in.y + in.h - sel_h, in.x, sel_h, in.w}, sel ? sel : "", LK_STYLE_NORMAL);
	}
	free(sel);
}

static void grid_draw(lk_view *v, lk_rect r)
{
	grid_state *g = v->state;
	lk_rect in = {r.y + 1, r.x + 1, r.h - 1, r.w - 2};
	if (g->gone) {
		screen_wrap(v->ui, in, _("! Someone else deleted this run meanwhile. Esc goes back."), LK_STYLE_WARNING);
		screen_cursor(v->ui, in.y, in.x);
	} else if (g->ncols == 0) {
		screen_wrap(v->ui, in, _("This run has no sessions yet, so there is no attendance to show."), LK_STYLE_DIM);
		screen_cursor(v->ui, in.y, in.x);
	} else {
		grid_draw_body(g, v->ui, in);
	}
}

static void grid_scroll(lk_view *v, int step)
{
	grid_state *g = v->state;
	int to = g->hscroll + step;
	int shown = g->shown > 0 ? g->shown : 1; /* before the first draw */
	if (to < 0)
		ui_status(v->ui, LK_STYLE_NORMAL, "%s", _("The first session is shown."));
	else if (to + shown > g->ncols)
		ui_status(v->ui, LK_STYLE_NORMAL, "%s", _("The last session is shown."));
	else
		g->hscroll = to;
}

static bool grid_request(lk_view *v, lk_action a)
{
	grid_state *g = v->state;
	if (g->gone)
		return false;
	switch (a) {
	case LK_ACT_SCROLL_LEFT: grid_scroll(v, -1); return true;
	case LK_ACT_SCROLL_RIGHT: grid_scroll(v, 1); return true;
	case LK_ACT_PRINT_SHEET: ui_push(v->ui, &attendance_print_run_view, &g->run_id, NULL); return true;
	default: return false;
	}
}

/* ---- for tests ---- */

char *attendance_grid_row_text(lk_view *v, int64_t index)
{
	grid_state *g = v->state;
	const grid_row *r = v->ops == &attendance_grid_view ? list_row(&g->list, index) : NULL;
	if (!r)
		return NULL;
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	if (!f)
		return NULL;
	fprintf(f, "%s", r->name);
	for (int j = 0; j < g->ncols; j++)
		fprintf(f, "|%s", attendance_cell_mark(r->cells[j]));
	fprintf(f, "|%s|%s", r->rate, attendance_completion_text(&r->sum));
	return fclose(f) == 0 ? buf : (free(buf), NULL);
}

char *attendance_grid_counts_text(lk_view *v)
{
	grid_state *g = v->state;
	char *buf = NULL;
	size_t len = 0;
	FILE *f = v->ops == &attendance_grid_view ? open_memstream(&buf, &len) : NULL;
	if (!f)
		return NULL;
	for (int j = 0; j < g->ncols; j++) {
		const int *c = g->cols[j].counts;
		char *t = attendance_count_text(c[0], c[1], c[2], c[3]);
		fprintf(f, "%s%s", j ? "|" : "", t ? t : "");
		free(t);
	}
	return fclose(f) == 0 ? buf : (free(buf), NULL);
}

static const lk_action grid_actions[] = {
	LK_ACT_MOVE_UP, LK_ACT_MOVE_DOWN, LK_ACT_PAGE_UP, LK_ACT_PAGE_DOWN, LK_ACT_MOVE_FIRST,
	LK_ACT_MOVE_LAST, LK_ACT_SCROLL_LEFT, LK_ACT_SCROLL_RIGHT, LK_ACT_BACK, LK_ACT_PRINT_SHEET, 0,
};

static const lk_action grid_hints[] = {
	LK_ACT_SCROLL_LEFT, LK_ACT_SCROLL_RIGHT, LK_ACT_PRINT_SHEET, LK_ACT_BACK, 0,
};

const lk_view_ops attendance_grid_view = {
	.name = "attendance-grid",
	.label = N_("Attendance grid"),
	.state_size = sizeof(grid_state),
	.actions = grid_actions,
	.hints = grid_hints,
	.open = grid_open,
	.done = grid_done,
	.title = grid_title,
	.reload = grid_reload,
	.list = grid_list_of,
	.draw = grid_draw,
	.request = grid_request,
};
