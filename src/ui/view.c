#include "lmskurs/ui/view.h"

#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lmskurs/i18n.h"
#include "lmskurs/ui/help.h"
#include "lmskurs/ui/uitext.h"

void ui_init(lk_ui *ui, lk_ctx *ctx, const lk_config *cfg, bool colour)
{
	memset(ui, 0, sizeof *ui);
	ui->ctx = ctx;
	ui->cfg = cfg;
	ui->colour = colour;
	ui->cur_y = -1;
	edit_init(&ui->filter, NULL, false);
	ui->data_version = store_data_version(ctx->db);
}

static void view_free(lk_view *v)
{
	if (v->ops->done)
		v->ops->done(v);
	free(v->state);
	free(v);
}

void ui_fini(lk_ui *ui)
{
	while (ui->depth > 0)
		view_free(ui->stack[--ui->depth]);
	free(ui->stack);
	free(ui->status);
	edit_free(&ui->filter);
	memset(ui, 0, sizeof *ui);
}

lk_view *ui_top(const lk_ui *ui)
{
	return ui->depth > 0 ? ui->stack[ui->depth - 1] : NULL;
}

lk_view *ui_below(const lk_ui *ui, const lk_view *v)
{
	for (int i = ui->depth - 1; i > 0; i--)
		if (ui->stack[i] == v)
			return ui->stack[i - 1];
	return NULL;
}

static int stack_grow(lk_ui *ui, lk_err *err)
{
	if (ui->depth < ui->cap)
		return 0;
	int cap = ui->cap ? ui->cap * 2 : 8;
	lk_view **s = realloc(ui->stack, (size_t)cap * sizeof *s);
	if (!s)
		return lk_fail(err, LK_ENOMEM, _("Out of memory."));
	ui->stack = s;
	ui->cap = cap;
	return 0;
}

static lk_view *view_new(lk_ui *ui, const lk_view_ops *ops, lk_err *err)
{
	lk_view *v = calloc(1, sizeof *v);
	void *state = calloc(1, ops->state_size ? ops->state_size : 1);
	if (!v || !state) {
		free(v);
		free(state);
		lk_fail(err, LK_ENOMEM, _("Out of memory."));
		return NULL;
	}
	*v = (lk_view){.ops = ops, .ui = ui, .state = state};
	return v;
}

int ui_push(lk_ui *ui, const lk_view_ops *ops, const void *arg, lk_err *err)
{
	lk_err local;
	err = err ? err : &local;
	lk_err_clear(err);
	lk_view *v = stack_grow(ui, err) < 0 ? NULL : view_new(ui, ops, err);
	if (v && ops->open && ops->open(v, arg, err) < 0) {
		view_free(v);
		v = NULL;
	}
	if (!v) {
		ui_status_err(ui, err);
		return -1;
	}
	ui->filtering = false;
	ui->stack[ui->depth++] = v;
	return 0;
}

static void view_reload(lk_ui *ui, lk_view *v)
{
	lk_err err;
	lk_err_clear(&err);
	v->stale = false;
	if (v->ops->reload && v->ops->reload(v, &err) < 0)
		ui_status_err(ui, &err);
}

void ui_pop(lk_ui *ui)
{
	if (ui->depth == 0)
		return;
	view_free(ui->stack[--ui->depth]);
	ui->filtering = false;
	if (ui->depth > 0)
		view_reload(ui, ui_top(ui));
}

/* ---- status line ---- */

void ui_status(lk_ui *ui, lk_style st, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = NULL;
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n >= 0 && (s = malloc((size_t)n + 1))) {
		va_start(ap, fmt);
		vsnprintf(s, (size_t)n + 1, fmt, ap);
		va_end(ap);
	}
	free(ui->status);
	ui->status = s;
	ui->status_style = st;
}

void ui_status_err(lk_ui *ui, const lk_err *err)
{
	ui_status(ui, LK_STYLE_ERROR, "%s", err && err->msg[0] ? err->msg : _("Something went wrong."));
}

static void status_clear(lk_ui *ui)
{
	free(ui->status);
	ui->status = NULL;
}

/* ---- layout and drawing ---- */

void ui_layout(lk_ui *ui)
{
	getmaxyx(stdscr, ui->rows, ui->cols);
	ui->too_small = ui->cols < LK_UI_MIN_COLS || ui->rows < LK_UI_MIN_ROWS;
	/* Title bar on top, status line and bottom line below the body. */
	ui->body = (lk_rect){.y = 1, .x = 0, .h = ui->rows - 3, .w = ui->cols};
}

static void draw_too_small(lk_ui *ui)
{
	char *msg = uitext_printf(_("Terminal too small (need %dx%d, have %dx%d)"),
		LK_UI_MIN_COLS, LK_UI_MIN_ROWS, ui->cols, ui->rows);
	lk_rect r = {0, 0, ui->rows, ui->cols};
	int n = screen_wrap(ui, r, msg ? msg : "", LK_STYLE_WARNING);
	free(msg);
	r.y = n + 1;
	r.h = ui->rows - r.y;
	screen_wrap(ui, r, _("q: quit"), LK_STYLE_NORMAL);
	screen_cursor(ui, 0, 0);
}

static void draw_title(lk_ui *ui, lk_view *v)
{
	char *t = v->ops->title ? v->ops->title(v) : NULL;
	char *left = uitext_printf(" lmskurs · %s", t ? t : _(v->ops->label));
	char *right = uitext_printf("%s (%s) ", ui->ctx->login, role_label(ui->ctx->role));
	int rw = uitext_width(right);
	screen_fill(ui, 0, 0, ui->cols, LK_STYLE_TITLE);
	if (rw > ui->cols / 3)
		rw = 0;
	screen_text(ui, 0, 0, ui->cols - rw - 1, left, LK_STYLE_TITLE);
	if (rw)
		screen_text(ui, 0, ui->cols - rw, rw, right, LK_STYLE_TITLE);
	free(t);
	free(left);
	free(right);
}

void ui_draw_list(lk_ui *ui, lk_list *l, lk_rect r)
{
	lk_err err;
	lk_err_clear(&err);
	list_set_height(l, r.h - 1);
	if (list_prepare(l, &err) < 0)
		ui_status_err(ui, &err);
	list_draw(l, ui, r);
}

static lk_list *view_list(lk_view *v)
{
	return v->ops->list ? v->ops->list(v) : NULL;
}

static void draw_body(lk_ui *ui, lk_view *v)
{
	lk_list *l = view_list(v);
	if (v->ops->draw)
		v->ops->draw(v, ui->body);
	else if (l)
		ui_draw_list(ui, l, ui->body);
}

struct put_ctx {
	lk_ui *ui;
	int y, x;
};

static void put_char(void *arg, int row, int col, const char *bytes, size_t len)
{
	struct put_ctx *p = arg;
	mvaddnstr(p->y + row, p->x + col, bytes, (int)len);
}

static void draw_filter(lk_ui *ui, int y)
{
	const char *label = _("Filter: ");
	int lw = screen_text(ui, y, 0, ui->cols / 2, label, LK_STYLE_TITLE);
	int w = ui->cols - lw - 1;
	edit_scroll(&ui->filter, w, 1);
	struct put_ctx p = {ui, y, lw};
	edit_visible(&ui->filter, w, 1, put_char, &p);
	screen_cursor(ui, y, lw + edit_cursor_col(&ui->filter) - ui->filter.hscroll);
}

static void draw_status(lk_ui *ui)
{
	int y = ui->rows - 2;
	if (ui->filtering) {
		draw_filter(ui, y);
		return;
	}
	if (!ui->status)
		return;
	bool alarm = ui->status_style == LK_STYLE_ERROR || ui->status_style == LK_STYLE_WARNING;
	char *s = uitext_printf("%s%s", alarm ? "! " : "", ui->status);
	screen_text(ui, y, 0, ui->cols, s ? s : "", ui->status_style);
	free(s);
}

static void draw_hints(lk_ui *ui, lk_view *v)
{
	int y = ui->rows - 1;
	screen_fill(ui, y, 0, ui->cols, LK_STYLE_TITLE);
	if (ui->filtering) {
		screen_text(ui, y, 1, ui->cols - 1,
			_("Type to filter  Enter keep the filter  Esc clear it  Up/Down move"), LK_STYLE_TITLE);
		return;
	}
	char *h = keys_hint_line(v->ops->hints, v->ops->text_entry, true);
	screen_text(ui, y, 1, ui->cols - 1, h ? h : "", LK_STYLE_TITLE);
	free(h);
}

void ui_draw(lk_ui *ui)
{
	erase();
	ui->cur_y = -1;
	lk_view *v = ui_top(ui);
	if (ui->too_small) {
		draw_too_small(ui);
		return;
	}
	if (!v)
		return;
	draw_title(ui, v);
	draw_body(ui, v);
	draw_status(ui);
	draw_hints(ui, v);
}

void ui_refresh(lk_ui *ui)
{
	if (ui->cur_y >= 0) {
		move(ui->cur_y, ui->cur_x);
		curs_set(1);
	} else {
		curs_set(0);
	}
	refresh();
}

/* ---- keys ---- */

int ui_read_key(lk_ui *ui, lk_key *key)
{
	(void)ui;
	wint_t ch;
	int r = get_wch(&ch);
	if (r == ERR)
		return 0;
	*key = r == KEY_CODE_YES ? LK_FN((int)ch) : (lk_key)ch;
	return 1;
}

/* Another process committed (PRAGMA data_version moved): the top view
 * re-reads now, covered views when they come back on top. */
static void poll_data(lk_ui *ui)
{
	int64_t dv = store_data_version(ui->ctx->db);
	if (dv == ui->data_version || ui->depth == 0)
		return;
	ui->data_version = dv;
	lk_err err;
	if (ctx_refresh(ui->ctx, &err) < 0)
		ui_status_err(ui, &err); /* the role may have changed: every action re-checks it */
	for (int i = 0; i < ui->depth; i++)
		ui->stack[i]->stale = true;
	view_reload(ui, ui_top(ui));
}

/* Ctrl-Z: raw mode keeps the terminal from sending SIGTSTP, so stop
 * ourselves after giving the terminal back; `fg` continues here. */
static void suspend(void)
{
	def_prog_mode();
	endwin();
	raise(SIGSTOP);
	reset_prog_mode();
	clearok(curscr, TRUE);
}

static const lk_action filter_actions[] = {
	LK_ACT_CHAR_LEFT, LK_ACT_CHAR_RIGHT, LK_ACT_LINE_START, LK_ACT_LINE_END,
	LK_ACT_DEL_BACK, LK_ACT_DEL_FORWARD, LK_ACT_KILL_BEFORE, LK_ACT_KILL_AFTER,
	LK_ACT_MOVE_UP, LK_ACT_MOVE_DOWN, LK_ACT_PAGE_UP, LK_ACT_PAGE_DOWN,
	LK_ACT_OPEN, LK_ACT_BACK, 0,
};

static void filter_apply(lk_ui *ui, lk_list *l, const char *text)
{
	lk_err err;
	if (list_set_filter(l, text, &err) < 0)
		ui_status_err(ui, &err);
}

static void driver_request(lk_ui *ui, lk_view *v, lk_action a);

static void filter_key(lk_ui *ui, lk_view *v, lk_key key)
{
	lk_list *l = view_list(v);
	lk_action a = keys_lookup(key, filter_actions, true);
	lk_err err;
	lk_err_clear(&err);
	if (!l || a == LK_ACT_OPEN || a == LK_ACT_BACK ||
	    (keys_action(a) && keys_action(a)->group == LK_GROUP_GLOBAL)) {
		ui->filtering = false;
		if (l && a == LK_ACT_BACK)
			filter_apply(ui, l, NULL);
		else if (a != LK_ACT_OPEN)
			driver_request(ui, v, a);
		return;
	}
	if (list_request(l, a, &err)) {
		if (err.code)
			ui_status_err(ui, &err);
		return;
	}
	ui->filter.changed = false;
	if (!edit_request(&ui->filter, a))
		edit_input(&ui->filter, key);
	if (ui->filter.changed)
		filter_apply(ui, l, edit_text(&ui->filter));
}

static void filter_open(lk_ui *ui, lk_view *v)
{
	lk_list *l = view_list(v);
	if (!l) {
		ui_status(ui, LK_STYLE_WARNING, "%s", _("There is nothing to filter here."));
		return;
	}
	edit_set(&ui->filter, l->filter);
	ui->filtering = true;
}

static void driver_move(lk_ui *ui, lk_view *v, lk_action a)
{
	lk_list *l = view_list(v);
	lk_err err;
	if (l && list_request(l, a, &err)) {
		if (err.code)
			ui_status_err(ui, &err);
		return;
	}
	char names[64];
	keys_names(LK_ACT_HELP, v->ops->text_entry, names, sizeof names);
	ui_status(ui, LK_STYLE_WARNING, _("That key does nothing here; %s shows the keys."), names);
}

static void driver_request(lk_ui *ui, lk_view *v, lk_action a)
{
	switch (a) {
	case LK_ACT_BACK: case LK_ACT_CANCEL: ui_pop(ui); break;
	case LK_ACT_QUIT: ui->quit = true; break;
	case LK_ACT_HELP: ui_push(ui, &help_view, v, NULL); break;
	case LK_ACT_REDRAW: clearok(curscr, TRUE); break;
	case LK_ACT_SUSPEND: suspend(); break;
	case LK_ACT_FILTER: filter_open(ui, v); break;
	default: driver_move(ui, v, a); break;
	}
}

static void handle_key(lk_ui *ui, lk_key key)
{
	lk_view *v = ui_top(ui);
	if (key == LK_FN(KEY_RESIZE)) {
		ui_layout(ui);
		return;
	}
	if (ui->too_small) {
		ui->quit = key == 'q' || key == LK_CTRL('c');
		return;
	}
	status_clear(ui);
	if (ui->filtering) {
		filter_key(ui, v, key);
		return;
	}
	lk_action a = keys_lookup(key, v->ops->actions, v->ops->text_entry);
	if (a != LK_ACT_NONE) {
		if (!(v->ops->request && v->ops->request(v, a)))
			driver_request(ui, v, a);
	} else if (!(v->ops->input && v->ops->input(v, key))) {
		driver_move(ui, v, LK_ACT_NONE);
	}
}

void ui_run(lk_ui *ui)
{
	ui_layout(ui);
	while (!ui->quit && ui->depth > 0) {
		lk_view *v = ui_top(ui);
		if (v->stale)
			view_reload(ui, v);
		ui_draw(ui);
		ui_refresh(ui);
		lk_key key;
		if (ui_read_key(ui, &key))
			handle_key(ui, key);
		poll_data(ui);
	}
}

int ui_modal_key(lk_ui *ui, void (*draw)(lk_ui *, void *), void *arg, lk_key *key)
{
	for (;;) {
		ui_draw(ui);
		if (!ui->too_small)
			draw(ui, arg);
		ui_refresh(ui);
		if (!ui_read_key(ui, key))
			continue; /* no data poll here: the caller may hold rows */
		if (*key == LK_FN(KEY_RESIZE)) {
			ui_layout(ui);
		} else if (*key == LK_CTRL('c') || (ui->too_small && *key == 'q')) {
			ui->quit = true;
			return -1;
		} else if (*key == LK_CTRL('l')) {
			clearok(curscr, TRUE);
		} else if (!ui->too_small) {
			return 0;
		}
	}
}
