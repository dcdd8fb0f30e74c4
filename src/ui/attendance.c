/*
 * attendance.c — marking who came to one session: the session in a line,
 * the running count ("present 7, absent 1, excused 1, not marked 3 of 12"),
 * and the registered participants of its run by name, each with its mark.
 * One key marks the participant under the cursor and moves to the next.
 *
 *   enroll_list (registered, one page) ──▶ rows
 *   attendance_grid (the run) ──this session's cells──▶ each row's mark
 *   attendance_session_counts ──▶ the running count
 *   key ──attendance_mark / attendance_clear──▶ re-read everything
 *
 * Someone who got a place after the session is "not expected" there and
 * cannot be marked. Changing or removing a mark after the session's day
 * is a correction: the core wants a reason, so the view asks for one
 * first (dialog_reason) and the core keeps it.
 */
#include "attendance_internal.h"

#include <stdlib.h>
#include <string.h>

#include "lmskurs/enroll.h"
#include "lmskurs/i18n.h"
#include "lmskurs/role.h"
#include "lmskurs/run.h"
#include "lmskurs/session.h"
#include "lmskurs/ui/dialog.h"
#include "lmskurs/ui/uitext.h"

typedef struct att_row {
	int64_t enrollment_id;
	char *name;
	lk_category category;
	lk_att_cell cell;
} att_row;

typedef struct att_state {
	lk_ctx *ctx;
	int64_t session_id;
	lk_session session;   /* as last read */
	lk_run run;
	int counts[4];        /* present, absent, excused, not marked */
	bool gone;            /* deleted by someone else while shown */
	lk_list list;
	lk_att_ask_fn ask;
} att_state;

/* ---- the list source ---- */

static void att_row_free(void *row)
{
	att_row *r = row;
	if (r)
		free(r->name);
	free(r);
}

static int64_t att_count(lk_list *l, lk_err *err)
{
	const att_state *s = l->arg;
	int64_t n = 0;
	return enroll_counts(s->ctx, s->session.run_id, &n, NULL, NULL, err) < 0 ? -1 : n;
}

/* One page of rows, before they go to the list. */
typedef struct att_page {
	int64_t session_id;
	att_row **rows;
	int n, cap;
	lk_err *err;
	int rc;
} att_page;

static int page_take(void *arg, const lk_enrollment *e)
{
	att_page *p = arg;
	att_row *r = calloc(1, sizeof *r);
	if (r && (r->name = strdup(e->participant_name ? e->participant_name : ""))) {
		r->enrollment_id = e->id;
		r->category = e->category;
		r->cell = LK_CELL_UNMARKED;
		p->rows[p->n++] = r;
		return p->n >= p->cap;
	}
	att_row_free(r);
	p->rc = lk_fail(p->err, LK_ENOMEM, _("Out of memory."));
	return 1;
}

static int page_cell(void *arg, int64_t enrollment_id, int64_t session_id, lk_att_cell state)
{
	att_page *p = arg;
	if (session_id != p->session_id)
		return 0;
	for (int i = 0; i < p->n; i++)
		if (p->rows[i]->enrollment_id == enrollment_id)
			p->rows[i]->cell = state;
	return 0;
}

/* Hands the rows to the list (which frees them from then on). */
static int page_give(lk_list *l, att_page *p, int rc, lk_err *err)
{
	for (int i = 0; i < p->n; i++) {
		if (rc == 0)
			rc = list_add_row(l, p->rows[i], err);
		else
			att_row_free(p->rows[i]);
	}
	free(p->rows);
	return rc;
}

static int att_fetch(lk_list *l, lk_page page, lk_err *err)
{
	const att_state *s = l->arg;
	att_page p = {.session_id = s->session_id, .cap = page.limit > 0 ? page.limit : 1, .err = err};
	if (!(p.rows = calloc((size_t)p.cap, sizeof *p.rows)))
		return lk_fail(err, LK_ENOMEM, _("Out of memory."));
	int rc = enroll_list(s->ctx, s->session.run_id, LK_ENR_REGISTERED, page, page_take, &p, err);
	rc = rc < 0 ? -1 : p.rc;
	if (rc == 0 && p.n > 0)
		rc = attendance_grid(s->ctx, s->session.run_id, page_cell, &p, err);
	return page_give(l, &p, rc, err);
}

static int64_t att_row_id(const void *row)
{
	return ((const att_row *)row)->enrollment_id;
}

static lk_style att_cells(const void *row, const char **cells)
{
	const att_row *r = row;
	cells[LK_ATT_COL_MARK] = attendance_cell_label(r->cell);
	cells[LK_ATT_COL_NAME] = *r->name ? r->name : _("(name removed)");
	cells[LK_ATT_COL_CATEGORY] = enroll_category_label(r->category);
	switch (r->cell) {
	case LK_CELL_PRESENT: return LK_STYLE_OK;
	case LK_CELL_ABSENT: return LK_STYLE_WARNING;
	case LK_CELL_NOT_EXPECTED: case LK_CELL_CANCELLED: return LK_STYLE_DIM;
	default: return LK_STYLE_NORMAL;
	}
}

static const lk_column att_cols[LK_ATT_COLS] = {
	{N_("Attendance"), 12, 0},
	{N_("Name"), 16, 4},
	{N_("Category"), 8, 1},
};

static const lk_list_ops att_list_ops = {
	.cols = att_cols, .ncols = LK_ATT_COLS,
	.count = att_count, .fetch = att_fetch, .row_free = att_row_free,
	.row_id = att_row_id, .row_cells = att_cells,
	.empty_text = N_("Nobody is registered in this run."),
};

/* ---- reading ---- */

static int att_load(att_state *s, lk_err *err)
{
	session_free(&s->session);
	run_free(&s->run);
	memset(&s->session, 0, sizeof s->session);
	memset(&s->run, 0, sizeof s->run);
	if (session_get(s->ctx, s->session_id, &s->session, err) < 0) {
		s->gone = err->code == LK_ENOTFOUND;
		return s->gone ? 0 : -1;
	}
	s->gone = false;
	int *c = s->counts;
	if (run_get(s->ctx, s->session.run_id, &s->run, err) < 0 ||
	    attendance_session_counts(s->ctx, s->session_id, &c[0], &c[1], &c[2], &c[3], err) < 0)
		return -1;
	return list_reload(&s->list, err);
}

static bool run_final(const lk_run *r)
{
	return r->phase == LK_RUN_CLOSED || r->phase == LK_RUN_CANCELLED;
}

/* Marking keys only for those who may mark, where marking can be. */
static void att_pick_ops(lk_view *v)
{
	const att_state *s = v->state;
	bool open = !s->gone && !run_final(&s->run) && s->session.status != LK_SESSION_CANCELLED;
	bool marks = open && role_allows(v->ui->ctx->role, LK_PERM_MARK_ATTENDANCE);
	v->ops = marks ? &session_attendance_view : &session_attendance_readonly;
}

static int att_reload(lk_view *v, lk_err *err)
{
	int rc = att_load(v->state, err);
	att_pick_ops(v);
	return rc;
}

static void att_reread(lk_view *v)
{
	lk_err err;
	if (att_reload(v, &err) < 0)
		ui_status_err(v->ui, &err);
}

static int att_open(lk_view *v, const void *arg, lk_err *err)
{
	att_state *s = v->state;
	s->ctx = v->ui->ctx;
	s->session_id = *(const int64_t *)arg;
	s->ask = dialog_reason;
	list_init(&s->list, &att_list_ops, s);
	if (att_reload(v, err) < 0)
		return -1;
	return s->gone ? lk_fail(err, LK_ENOTFOUND, "%s", err->msg) : 0;
}

static void att_done(lk_view *v)
{
	att_state *s = v->state;
	list_fini(&s->list);
	session_free(&s->session);
	run_free(&s->run);
}

static char *att_title(lk_view *v)
{
	const att_state *s = v->state;
	if (s->gone)
		return uitext_printf(_("Attendance: %s"), _("(deleted)"));
	if (s->run.title && *s->run.title)
		return uitext_printf(_("Attendance: %s · %s, session %d"), s->run.course_title, s->run.title, s->session.seq);
	return uitext_printf(_("Attendance: %s, session %d"), s->run.course_title, s->session.seq);
}

static lk_list *att_list_of(lk_view *v)
{
	att_state *s = v->state;
	return s->gone ? NULL : &s->list;
}

/* ---- drawing ---- */

static bool after_day(const att_state *s)
{
	return date_cmp(ctx_today(s->ctx), s->session.starts_at.date) > 0;
}

/* "Thu 04.03.2027 wk 9 · 17:00–19:00 · Møterom · topic"; newly allocated. */
static char *when_text(const att_state *s)
{
	char day[48];
	uitext_date(s->session.starts_at.date, day);
	const lk_datetime *a = &s->session.starts_at, *b = &s->session.ends_at;
	const char *room = s->session.room && *s->session.room ? s->session.room : _("(no room)");
	const char *topic = s->session.topic ? s->session.topic : "";
	return uitext_printf("%s · %02d:%02d–%02d:%02d · %s%s%s", day, a->hour, a->minute, b->hour,
		b->minute, room, *topic ? " · " : "", topic);
}

/* What the user should know before pressing a key, or NULL. */
static const char *att_note(lk_view *v, lk_style *st)
{
	const att_state *s = v->state;
	*st = LK_STYLE_WARNING;
	if (s->session.status == LK_SESSION_CANCELLED)
		return _("! This session is cancelled; no attendance is kept for it.");
	if (run_final(&s->run))
		return _("! The run is over; its attendance can no longer be changed.");
	*st = LK_STYLE_DIM;
	if (!role_allows(v->ui->ctx->role, LK_PERM_MARK_ATTENDANCE))
		return _("You may look; staff and coordinators mark attendance.");
	if (after_day(s))
		return _("The session's day is past: changing a mark now is a correction, and you are asked why.");
	if (date_cmp(ctx_today(s->ctx), s->session.starts_at.date) < 0)
		return _("This session is still to come; attendance is marked from its day.");
	return NULL;
}

/* The lines above the list; returns the lines used. */
static int draw_head(lk_view *v, lk_rect r)
{
	const att_state *s = v->state;
	char *when = when_text(s);
	char *count = attendance_count_text(s->counts[0], s->counts[1], s->counts[2], s->counts[3]);
	int y = screen_wrap(v->ui, r, when ? when : "", LK_STYLE_NORMAL);
	if (y < r.h)
		y += screen_wrap(v->ui, (lk_rect){r.y + y, r.x, r.h - y, r.w}, count ? count : "", LK_STYLE_TITLE);
	lk_style st;
	const char *note = att_note(v, &st);
	if (note && y < r.h)
		y += screen_wrap(v->ui, (lk_rect){r.y + y, r.x, r.h - y, r.w}, note, st);
	free(when);
	free(count);
	return y < r.h ? y : r.h;
}

static void att_draw(lk_view *v, lk_rect r)
{
	att_state *s = v->state;
	lk_rect in = {r.y + 1, r.x + 1, r.h - 1, r.w - 2};
	if (s->gone) {
		screen_wrap(v->ui, in, _("! Someone else deleted this session meanwhile. Esc goes back."), LK_STYLE_WARNING);
		screen_cursor(v->ui, in.y, in.x);
		return;
	}
	int head = draw_head(v, (lk_rect){in.y, in.x, in.h - 3 > 1 ? in.h - 3 : 1, in.w}) + 1;
	ui_draw_list(v->ui, &s->list, (lk_rect){in.y + head, in.x, in.h - head, in.w});
}

/* ---- marking ---- */

/* The selected row if it can be marked; otherwise says why. */
static const att_row *markable(lk_view *v)
{
	att_state *s = v->state;
	const att_row *r = list_selected(&s->list);
	if (!r)
		ui_status(v->ui, LK_STYLE_WARNING, "%s", _("Nobody is registered in this run."));
	else if (r->cell == LK_CELL_NOT_EXPECTED)
		ui_status(v->ui, LK_STYLE_WARNING, _("%s got a place after this session: it is not expected of them, so it cannot be marked."), r->name);
	else if (r->cell == LK_CELL_CANCELLED)
		ui_status(v->ui, LK_STYLE_WARNING, "%s", _("This session is cancelled; no attendance is kept for it."));
	else
		return r;
	return NULL;
}

static bool has_mark(lk_att_cell c)
{
	return c == LK_CELL_PRESENT || c == LK_CELL_ABSENT || c == LK_CELL_EXCUSED;
}

/* A correction's reason (the caller frees); NULL when the user cancelled
 * (said on the status line) or when none is needed (*needed false). */
static char *ask_reason(lk_view *v, const char *name, lk_att_cell from, const char *to, bool *needed)
{
	att_state *s = v->state;
	*needed = after_day(s) && has_mark(from);
	if (!*needed)
		return NULL;
	char day[11];
	date_show(s->session.starts_at.date, day);
	char *q = uitext_printf(_("%s is marked %s at the session of %s. Changing it to %s now is a correction: write why (it is kept with the attendance)."),
		name, attendance_cell_label(from), day, to);
	char *reason = q ? s->ask(v->ui, _("Correct attendance"), q) : NULL;
	free(q);
	if (!reason)
		ui_status(v->ui, LK_STYLE_NORMAL, "%s", _("Nothing was changed."));
	return reason;
}

static lk_att_cell cell_of(lk_att_status st)
{
	return st == LK_ATT_PRESENT ? LK_CELL_PRESENT : st == LK_ATT_ABSENT ? LK_CELL_ABSENT : LK_CELL_EXCUSED;
}

/* After a change (rc 0) or a refusal (rc -1 with err): re-read; on
 * success say what was done and go to the next participant. */
static void att_after(lk_view *v, int rc, const lk_err *err, const char *name, const char *what)
{
	att_state *s = v->state;
	att_reread(v);
	if (rc < 0) {
		ui_status_err(v->ui, err);
		return;
	}
	lk_err e;
	if (list_move(&s->list, 1, &e) < 0)
		ui_status_err(v->ui, &e);
	else
		ui_status(v->ui, LK_STYLE_OK, _("%s: %s."), name, what);
}

/* Marks the selected participant st (to: its word), or removes the mark
 * (clear). The row is copied first: asking re-reads nothing, but the
 * change does. */
static void att_change(lk_view *v, bool clear, lk_att_status st)
{
	att_state *s = v->state;
	const att_row *r = markable(v);
	if (!r)
		return;
	lk_att_cell from = r->cell;
	const char *to = clear ? attendance_cell_label(LK_CELL_UNMARKED) : attendance_cell_label(cell_of(st));
	if (clear && !has_mark(from)) {
		ui_status(v->ui, LK_STYLE_NORMAL, _("%s has no mark to remove."), r->name);
		return;
	}
	char *name = strdup(r->name);
	int64_t eid = r->enrollment_id;
	bool needed = false;
	char *reason = name && (clear || from != cell_of(st)) ? ask_reason(v, name, from, to, &needed) : NULL;
	lk_err err;
	lk_err_clear(&err);
	int rc = 0;
	if (!name || (needed && !reason))
		rc = 1; /* out of memory, or the user cancelled */
	else if (clear)
		rc = attendance_clear(s->ctx, s->session_id, eid, reason, &err);
	else if (from != cell_of(st))
		rc = attendance_mark(s->ctx, s->session_id, eid, st, reason, &err);
	if (rc <= 0)
		att_after(v, rc, &err, name, to);
	free(reason);
	free(name);
}

static bool att_request(lk_view *v, lk_action a)
{
	att_state *s = v->state;
	if (s->gone)
		return false;
	switch (a) {
	case LK_ACT_MARK_PRESENT: att_change(v, false, LK_ATT_PRESENT); return true;
	case LK_ACT_MARK_ABSENT: att_change(v, false, LK_ATT_ABSENT); return true;
	case LK_ACT_MARK_EXCUSED: att_change(v, false, LK_ATT_EXCUSED); return true;
	case LK_ACT_MARK_CLEAR: att_change(v, true, LK_ATT_PRESENT); return true;
	case LK_ACT_PRINT_SHEET: ui_push(v->ui, &attendance_print_view, &s->session_id, NULL); return true;
	case LK_ACT_ATTENDANCE_GRID: ui_push(v->ui, &attendance_grid_view, &s->session.run_id, NULL); return true;
	default: return false;
	}
}

void attendance_view_set_ask(lk_view *v, lk_att_ask_fn ask)
{
	if (v->ops == &session_attendance_view || v->ops == &session_attendance_readonly)
		((att_state *)v->state)->ask = ask;
}

char *attendance_view_count_text(lk_view *v)
{
	if (v->ops != &session_attendance_view && v->ops != &session_attendance_readonly)
		return NULL;
	const int *c = ((att_state *)v->state)->counts;
	return attendance_count_text(c[0], c[1], c[2], c[3]);
}

lk_list *attendance_view_list(lk_view *v)
{
	if (v->ops == &session_attendance_view || v->ops == &session_attendance_readonly)
		return att_list_of(v);
	return attendance_grid_list(v);
}

/* g and G are not moves here: g marks excused (gyldig fravær). */
static const lk_action att_actions[] = {
	LK_ACT_MOVE_UP, LK_ACT_MOVE_DOWN, LK_ACT_PAGE_UP, LK_ACT_PAGE_DOWN, LK_ACT_BACK,
	LK_ACT_MARK_PRESENT, LK_ACT_MARK_ABSENT, LK_ACT_MARK_EXCUSED, LK_ACT_MARK_CLEAR,
	LK_ACT_PRINT_SHEET, LK_ACT_ATTENDANCE_GRID, 0,
};

static const lk_action att_hints[] = {
	LK_ACT_MARK_PRESENT, LK_ACT_MARK_ABSENT, LK_ACT_MARK_EXCUSED, LK_ACT_MARK_CLEAR,
	LK_ACT_PRINT_SHEET, LK_ACT_BACK, 0,
};

static const lk_action att_readonly_actions[] = {
	LK_ACT_MOVE_UP, LK_ACT_MOVE_DOWN, LK_ACT_PAGE_UP, LK_ACT_PAGE_DOWN, LK_ACT_MOVE_FIRST,
	LK_ACT_MOVE_LAST, LK_ACT_BACK, LK_ACT_PRINT_SHEET, LK_ACT_ATTENDANCE_GRID, 0,
};

static const lk_action att_readonly_hints[] = {LK_ACT_PRINT_SHEET, LK_ACT_ATTENDANCE_GRID, LK_ACT_BACK, 0};

const lk_view_ops session_attendance_view = {
	.name = "attendance",
	.label = N_("Attendance"),
	.state_size = sizeof(att_state),
	.actions = att_actions,
	.hints = att_hints,
	.open = att_open,
	.done = att_done,
	.title = att_title,
	.reload = att_reload,
	.list = att_list_of,
	.draw = att_draw,
	.request = att_request,
};

const lk_view_ops session_attendance_readonly = {
	.name = "attendance-readonly",
	.label = N_("Attendance"),
	.state_size = sizeof(att_state),
	.actions = att_readonly_actions,
	.hints = att_readonly_hints,
	.open = att_open,
	.done = att_done,
	.title = att_title,
	.reload = att_reload,
	.list = att_list_of,
	.draw = att_draw,
	.request = att_request,
};
