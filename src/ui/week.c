/*
 * week.c — the staff's week: Monday to Sunday of the week shown, each day
 * a header ("Monday 08.03.2027 (week 10)", today marked in words) with its
 * sessions across all runs under it (session_list_range): time, room,
 * course, run, facilitators, pairing. -/+ step weeks, t comes back to this
 * week, Enter opens the session's run, o its attendance (ui/attendance.h)
 * and p prints its attendance sheet.
 *
 * The list is paged like every list: a page is one pass over the week's
 * sessions (a bounded number), keeping only the rows on the page; the
 * headers are virtual rows between them.
 */
#include "lmskurs/ui/runs.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lmskurs/i18n.h"
#include "lmskurs/ui/attendance.h"
#include "lmskurs/ui/uitext.h"
#include "run_internal.h"

enum { WEEK_DAYS = 7 };

typedef struct week_row {
	bool header;
	lk_date day;
	char *text;            /* header: the day; session: unused */
	char *count;           /* header: "3 sessions" / "no sessions" */
	run_session_row *s;    /* session rows */
} week_row;

typedef struct week_state {
	lk_ctx *ctx;
	lk_date monday;
	lk_list list;
} week_state;

/* ---- the list source ---- */

static int count_one(void *arg, const lk_session *s)
{
	(void)s;
	(*(int64_t *)arg)++;
	return 0;
}

static int64_t week_count(lk_list *l, lk_err *err)
{
	const week_state *w = l->arg;
	int64_t n = 0;
	if (session_list_range(w->ctx, w->monday, date_add_days(w->monday, WEEK_DAYS - 1), count_one, &n, err) < 0)
		return -1;
	return n + WEEK_DAYS;
}

static void week_row_free(void *row)
{
	week_row *r = row;
	free(r->text);
	free(r->count);
	run_session_row_free(r->s);
	free(r);
}

/* One pass over the week: which rows fall on the page. */
typedef struct week_item {
	bool header;
	int day;
	lk_session s; /* session items: a copy */
} week_item;

struct week_acc {
	lk_date monday;
	int next_day;
	int per_day[WEEK_DAYS];
	int64_t index, from, to;
	week_item *items;
	int n;
	lk_err *err;
	int rc;
};

static void emit_headers(struct week_acc *a, int upto)
{
	for (; a->next_day <= upto && a->next_day < WEEK_DAYS; a->next_day++) {
		int64_t i = a->index++;
		if (i >= a->from && i < a->to)
			a->items[a->n++] = (week_item){.header = true, .day = a->next_day};
	}
}

static char *dup0(const char *s)
{
	return strdup(s ? s : "");
}

static int keep_session(struct week_acc *a, const lk_session *s)
{
	week_item *it = &a->items[a->n++];
	*it = (week_item){.day = -1, .s = *s};
	it->s.room = dup0(s->room);
	it->s.topic = dup0(s->topic);
	it->s.notes = dup0(s->notes);
	it->s.course_title = dup0(s->course_title);
	it->s.run_title = dup0(s->run_title);
	if (it->s.room && it->s.topic && it->s.notes && it->s.course_title && it->s.run_title)
		return 0;
	return lk_fail(a->err, LK_ENOMEM, _("Out of memory."));
}

static int week_each(void *arg, const lk_session *s)
{
	struct week_acc *a = arg;
	int day = (int)(date_to_days(s->starts_at.date) - date_to_days(a->monday));
	day = day < 0 ? 0 : day >= WEEK_DAYS ? WEEK_DAYS - 1 : day;
	emit_headers(a, day);
	a->per_day[day]++;
	int64_t i = a->index++;
	if (i >= a->from && i < a->to && (a->rc = keep_session(a, s)) < 0)
		return 1;
	return 0;
}

static week_row *header_row(const week_state *w, const struct week_acc *a, int day)
{
	week_row *r = calloc(1, sizeof *r);
	if (!r)
		return NULL;
	r->header = true;
	r->day = date_add_days(w->monday, day);
	r->text = runs_day_text(r->day, date_cmp(r->day, ctx_today(w->ctx)) == 0);
	int n = a->per_day[day];
	r->count = n ? uitext_printf(ngettext("%d session", "%d sessions", (unsigned long)n), n)
	             : strdup(_("no sessions"));
	if (r->text && r->count)
		return r;
	week_row_free(r);
	return NULL;
}

static week_row *session_row(const week_state *w, const lk_session *s, lk_err *err)
{
	week_row *r = calloc(1, sizeof *r);
	if (!r) {
		lk_fail(err, LK_ENOMEM, _("Out of memory."));
		return NULL;
	}
	r->day = s->starts_at.date;
	if ((r->s = run_session_row_new(w->ctx, s, err)))
		return r;
	free(r);
	return NULL;
}

/* Turns the page's items into rows (the queries for facilitators and
 * conflicts run here, after the listing); frees the items' copies. */
static int add_items(lk_list *l, struct week_acc *a, int rc, lk_err *err)
{
	const week_state *w = l->arg;
	for (int i = 0; i < a->n; i++) {
		week_item *it = &a->items[i];
		week_row *r = NULL;
		if (rc == 0) {
			r = it->header ? header_row(w, a, it->day) : session_row(w, &it->s, err);
			if (!r && it->header)
				lk_fail(err, LK_ENOMEM, _("Out of memory."));
			rc = r ? list_add_row(l, r, err) : -1;
		}
		if (!it->header)
			session_free(&it->s);
	}
	return rc;
}

static int week_fetch(lk_list *l, lk_page page, lk_err *err)
{
	const week_state *w = l->arg;
	struct week_acc a = {.monday = w->monday, .from = page.offset, .to = page.offset + page.limit, .err = err};
	a.items = calloc((size_t)(page.limit > 0 ? page.limit : 1), sizeof *a.items);
	if (!a.items)
		return lk_fail(err, LK_ENOMEM, _("Out of memory."));
	int rc = session_list_range(w->ctx, w->monday, date_add_days(w->monday, WEEK_DAYS - 1), week_each, &a, err);
	rc = rc < 0 ? -1 : a.rc;
	if (rc == 0)
		emit_headers(&a, WEEK_DAYS - 1);
	rc = add_items(l, &a, rc, err);
	free(a.items);
	return rc;
}

static int64_t week_row_id(const void *row)
{
	const week_row *r = row;
	return r->header ? -1 - date_to_days(r->day) : r->s->id;
}

static lk_style week_cells(const void *row, const char **cells)
{
	const week_row *r = row;
	if (r->header) {
		cells[0] = r->text;
		for (int i = 1; i < 6; i++)
			cells[i] = i == 1 ? r->count : "";
		return LK_STYLE_NORMAL;
	}
	cells[0] = r->s->time;
	cells[1] = r->s->room;
	cells[2] = r->s->course;
	cells[3] = r->s->run;
	cells[4] = *r->s->people ? r->s->people : _("(nobody yet)");
	cells[5] = r->s->marks;
	if (r->s->status == LK_SESSION_CANCELLED)
		return LK_STYLE_DIM;
	return r->s->warn ? LK_STYLE_WARNING : LK_STYLE_NORMAL;
}

static const lk_column week_cols[] = {
	{N_("Time"), 11, 0},
	{N_("Room"), 8, 1},
	{N_("Course"), 12, 3},
	{N_("Run"), 11, 1},
	{N_("Facilitators"), 12, 3},
	{N_("Pairing"), 10, 2},
};

static const lk_list_ops week_list_ops = {
	.cols = week_cols, .ncols = 6,
	.count = week_count, .fetch = week_fetch, .row_free = week_row_free,
	.row_id = week_row_id, .row_cells = week_cells,
};

/* ---- drawing: day headers across the whole width ---- */

enum { MARK_W = 2 };

static void week_draw_row(week_state *w, lk_ui *ui, int y, lk_rect r, int64_t index, const int *xs, const int *ws)
{
	const week_row *row = list_row(&w->list, index);
	bool sel = index == w->list.cursor;
	const char *cells[6] = {0};
	lk_style st = row ? week_cells(row, cells) : LK_STYLE_DIM;
	bool today = row && row->header && date_cmp(row->day, ctx_today(w->ctx)) == 0;
	st = sel ? LK_STYLE_SELECTED : today ? LK_STYLE_OK : st;
	screen_fill(ui, y, r.x, r.w, st);
	screen_text(ui, y, r.x, MARK_W, sel ? ">" : "", st);
	if (row && row->header) {
		int n = screen_text(ui, y, r.x + MARK_W, r.w - MARK_W, row->text, st);
		screen_text(ui, y, r.x + MARK_W + n + 2, r.w - MARK_W - n - 2, row->count, sel ? st : LK_STYLE_DIM);
	} else {
		/* The marker, not only the style: on a narrow terminal the
		 * pairing column may not show. */
		if (row && row->s->warn && row->s->status != LK_SESSION_CANCELLED)
			screen_text(ui, y, r.x + MARK_W, 1, "!", st);
		for (int i = 0; i < 6; i++)
			screen_text(ui, y, r.x + MARK_W + xs[i], ws[i], row ? cells[i] : "…", st);
	}
	if (sel)
		screen_cursor(ui, y, r.x);
}

static void week_draw(lk_view *v, lk_rect r)
{
	week_state *w = v->state;
	lk_rect in = {r.y + 1, r.x + 1, r.h - 1, r.w - 2};
	lk_err err;
	lk_err_clear(&err);
	if (in.h < 2)
		return;
	list_set_height(&w->list, in.h - 1);
	if (list_prepare(&w->list, &err) < 0)
		ui_status_err(v->ui, &err);
	char pos[48];
	snprintf(pos, sizeof pos, "%lld/%lld", (long long)(w->list.cursor + 1), (long long)w->list.total);
	int pw = uitext_width(pos);
	screen_text(v->ui, in.y, in.x + in.w - pw, pw, pos, LK_STYLE_DIM);
	int xs[6], ws[6];
	int indent = MARK_W + 2 + pw + 1; /* sessions sit under their day */
	uitext_columns(week_cols, 6, in.w - indent, xs, ws);
	for (int i = 0; i < 6; i++) {
		xs[i] += 2;
		screen_text(v->ui, in.y, in.x + MARK_W + xs[i], ws[i], _(week_cols[i].title), LK_STYLE_DIM);
	}
	for (int i = 0; i < in.h - 1 && w->list.top + i < w->list.total; i++)
		week_draw_row(w, v->ui, in.y + 1 + i, in, w->list.top + i, xs, ws);
}

/* ---- the view ---- */

/* Puts the cursor on today's header when today is in the week shown. */
static int week_to_today(week_state *w, lk_err *err)
{
	lk_date today = ctx_today(w->ctx);
	for (int i = 0; i < w->list.nrows; i++) {
		const week_row *r = w->list.rows[i];
		if (r->header && date_cmp(r->day, today) == 0)
			return list_move_to(&w->list, w->list.first + i, err);
	}
	return 0;
}

/* Shows the week of d from its first row (today's when it is this week). */
static int week_show(week_state *w, lk_date d, lk_err *err)
{
	w->monday = runs_week_monday(d);
	list_fini(&w->list);
	list_init(&w->list, &week_list_ops, w);
	if (list_reload(&w->list, err) < 0)
		return -1;
	return week_to_today(w, err);
}

static int week_open(lk_view *v, const void *arg, lk_err *err)
{
	week_state *w = v->state;
	w->ctx = v->ui->ctx;
	list_init(&w->list, &week_list_ops, w);
	return week_show(w, arg ? *(const lk_date *)arg : ctx_today(w->ctx), err);
}

static void week_done(lk_view *v)
{
	list_fini(&((week_state *)v->state)->list);
}

static int week_reload(lk_view *v, lk_err *err)
{
	return list_reload(&((week_state *)v->state)->list, err);
}

static lk_list *week_list(lk_view *v)
{
	return &((week_state *)v->state)->list;
}

static char *week_title(lk_view *v)
{
	week_state *w = v->state;
	lk_date sunday = date_add_days(w->monday, WEEK_DAYS - 1);
	char a[11], b[11];
	date_show(w->monday, a);
	date_show(sunday, b);
	int week = date_iso_week(w->monday, NULL);
	if (date_cmp(runs_week_monday(ctx_today(w->ctx)), w->monday) == 0)
		return uitext_printf(_("This week: week %d, %s–%s"), week, a, b);
	return uitext_printf(_("Week %d: %s–%s"), week, a, b);
}

static void week_step(lk_view *v, long days)
{
	week_state *w = v->state;
	lk_err err;
	lk_date d = days ? date_add_days(w->monday, days) : ctx_today(w->ctx);
	if (week_show(w, d, &err) < 0)
		ui_status_err(v->ui, &err);
}

static void week_open_run(lk_view *v)
{
	week_state *w = v->state;
	const week_row *r = list_selected(&w->list);
	if (!r || r->header)
		ui_status(v->ui, LK_STYLE_WARNING, "%s", _("Choose a session (a row under a day) to open its run."));
	else
		ui_push(v->ui, &run_view, &r->s->run_id, NULL);
}

/* o and p: the selected session's attendance or its printed sheet. */
static void week_open_session(lk_view *v, const lk_view_ops *ops)
{
	week_state *w = v->state;
	const week_row *r = list_selected(&w->list);
	if (!r || r->header)
		ui_status(v->ui, LK_STYLE_WARNING, "%s", _("Choose a session (a row under a day) first."));
	else
		ui_push(v->ui, ops, &r->s->id, NULL);
}

static bool week_request(lk_view *v, lk_action a)
{
	switch (a) {
	case LK_ACT_WEEK_PREV: week_step(v, -WEEK_DAYS); return true;
	case LK_ACT_WEEK_NEXT: week_step(v, WEEK_DAYS); return true;
	case LK_ACT_WEEK_THIS: week_step(v, 0); return true;
	case LK_ACT_OPEN: week_open_run(v); return true;
	case LK_ACT_ATTENDANCE: week_open_session(v, &session_attendance_view); return true;
	case LK_ACT_PRINT_SHEET: week_open_session(v, &attendance_print_view); return true;
	default: return false;
	}
}

static const lk_action week_actions[] = {
	LK_ACT_MOVE_UP, LK_ACT_MOVE_DOWN, LK_ACT_PAGE_UP, LK_ACT_PAGE_DOWN,
	LK_ACT_MOVE_FIRST, LK_ACT_MOVE_LAST, LK_ACT_OPEN, LK_ACT_BACK,
	LK_ACT_WEEK_PREV, LK_ACT_WEEK_NEXT, LK_ACT_WEEK_THIS, LK_ACT_ATTENDANCE, LK_ACT_PRINT_SHEET, 0,
};

static const lk_action week_hints[] = {
	LK_ACT_OPEN, LK_ACT_ATTENDANCE, LK_ACT_PRINT_SHEET, LK_ACT_WEEK_PREV, LK_ACT_WEEK_NEXT, LK_ACT_WEEK_THIS, LK_ACT_BACK, 0,
};

const lk_view_ops week_view = {
	.name = "week",
	.label = N_("This week"),
	.state_size = sizeof(week_state),
	.actions = week_actions,
	.hints = week_hints,
	.open = week_open,
	.done = week_done,
	.title = week_title,
	.reload = week_reload,
	.list = week_list,
	.draw = week_draw,
	.request = week_request,
};
