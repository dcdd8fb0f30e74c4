#include "lmskurs/ui/dialog.h"

#include <stdlib.h>
#include <string.h>

#include "lmskurs/i18n.h"
#include "lmskurs/text.h"
#include "lmskurs/ui/people.h"
#include "lmskurs/ui/uitext.h"

/* Messages read best at most 72 wide; the person picker is a table and
 * takes up to 90. */
enum { BOX_MAX_W = 72, PICKER_MAX_W = 90 };

/* A centred box at most max_w wide for inner_lines of content plus a hint
 * line. */
static lk_rect box_rect_w(const lk_ui *ui, int inner_lines, int max_w)
{
	int w = ui->cols - 4 < max_w ? ui->cols - 4 : max_w;
	int h = inner_lines + 4;
	if (h > ui->rows - 2)
		h = ui->rows - 2;
	return (lk_rect){.y = (ui->rows - h) / 2, .x = (ui->cols - w) / 2, .h = h, .w = w};
}

static lk_rect box_rect(const lk_ui *ui, int inner_lines)
{
	return box_rect_w(ui, inner_lines, BOX_MAX_W);
}

static lk_rect inner(lk_rect box)
{
	return (lk_rect){box.y + 1, box.x + 2, box.h - 3, box.w - 4};
}

static void draw_hint(lk_ui *ui, lk_rect box, const lk_action *hints, bool text_entry)
{
	char *h = keys_hint_line(hints, text_entry, false);
	screen_text(ui, box.y + box.h - 2, box.x + 2, box.w - 4, h ? h : "", LK_STYLE_DIM);
	free(h);
}

/* ---- confirm and error ---- */

struct message {
	const char *title, *text;
	const lk_action *hints;
	lk_style style;
};

static void message_draw(lk_ui *ui, void *arg)
{
	struct message *m = arg;
	lk_rect box = box_rect(ui, screen_wrap_lines(m->text, box_rect(ui, 0).w - 4));
	screen_box(ui, box, m->title);
	screen_wrap(ui, inner(box), m->text, m->style);
	if (m->hints)
		draw_hint(ui, box, m->hints, false);
	else
		screen_text(ui, box.y + box.h - 2, box.x + 2, box.w - 4, _("Enter or Esc closes this."), LK_STYLE_DIM);
	screen_cursor(ui, box.y + 1, box.x + 2);
}

static const lk_action confirm_actions[] = {LK_ACT_YES, LK_ACT_NO, 0};

bool dialog_confirm(lk_ui *ui, const char *title, const char *text)
{
	struct message m = {title, text, confirm_actions, LK_STYLE_NORMAL};
	lk_key key;
	while (ui_modal_key(ui, message_draw, &m, &key) == 0) {
		lk_action a = keys_lookup(key, confirm_actions, false);
		if (a == LK_ACT_YES || a == LK_ACT_NO)
			return a == LK_ACT_YES;
	}
	return false;
}

static const lk_action error_actions[] = {LK_ACT_OPEN, LK_ACT_BACK, 0};

void dialog_error(lk_ui *ui, const char *title, const char *text)
{
	char *marked = uitext_printf("! %s", text);
	struct message m = {title, marked ? marked : text, NULL, LK_STYLE_ERROR};
	lk_key key;
	while (ui_modal_key(ui, message_draw, &m, &key) == 0)
		if (keys_lookup(key, error_actions, false) != LK_ACT_NONE || key == ' ')
			break;
	free(marked);
}

/* ---- reason ---- */

enum { REASON_ROWS = 6 };

struct reason {
	const char *title, *prompt;
	lk_edit edit;
	const char *problem;
};

static const lk_action reason_actions[] = {
	LK_ACT_SAVE, LK_ACT_CANCEL, LK_ACT_LINE_UP, LK_ACT_LINE_DOWN, LK_ACT_NEWLINE,
	LK_ACT_CHAR_LEFT, LK_ACT_CHAR_RIGHT, LK_ACT_LINE_START, LK_ACT_LINE_END,
	LK_ACT_DEL_BACK, LK_ACT_DEL_FORWARD, LK_ACT_KILL_BEFORE, LK_ACT_KILL_AFTER, 0,
};
static const lk_action reason_hints[] = {LK_ACT_SAVE, LK_ACT_CANCEL, 0};

struct put_ctx {
	int y, x;
};

static void put_char(void *arg, int row, int col, const char *bytes, size_t len)
{
	struct put_ctx *p = arg;
	mvaddnstr(p->y + row, p->x + col, bytes, (int)len);
}

static void reason_draw(lk_ui *ui, void *arg)
{
	struct reason *r = arg;
	int plines = screen_wrap_lines(r->prompt, box_rect(ui, 0).w - 4);
	lk_rect box = box_rect(ui, plines + REASON_ROWS + 2);
	screen_box(ui, box, r->title);
	lk_rect in = inner(box);
	int n = screen_wrap(ui, in, r->prompt, LK_STYLE_NORMAL);
	int rows = in.h - n - 2 < REASON_ROWS ? in.h - n - 2 : REASON_ROWS;
	int y = in.y + n + 1;
	if (r->problem)
		screen_text(ui, y + (rows > 0 ? rows : 0), in.x, in.w, r->problem, LK_STYLE_ERROR);
	draw_hint(ui, box, reason_hints, true);
	if (rows < 1)
		return;
	edit_scroll(&r->edit, in.w, rows);
	attrset(A_UNDERLINE);
	for (int i = 0; i < rows; i++)
		mvhline(y + i, in.x, ' ', in.w);
	edit_visible(&r->edit, in.w, rows, put_char, &(struct put_ctx){y, in.x});
	attrset(A_NORMAL);
	screen_cursor(ui, y + edit_cursor_line(&r->edit) - r->edit.vscroll,
		in.x + edit_cursor_col(&r->edit) - r->edit.hscroll);
}

/* One key in the reason box: 1 accepted, -1 cancelled, 0 go on. */
static int reason_key(struct reason *r, lk_key key)
{
	lk_action a = keys_lookup(key, reason_actions, true);
	r->problem = NULL;
	switch (a) {
	case LK_ACT_SAVE: return 1;
	case LK_ACT_CANCEL: return -1;
	case LK_ACT_NEWLINE: edit_insert(&r->edit, '\n'); return 0;
	case LK_ACT_LINE_UP: edit_up(&r->edit); return 0;
	case LK_ACT_LINE_DOWN: edit_down(&r->edit); return 0;
	default: break;
	}
	if (!edit_request(&r->edit, a))
		edit_input(&r->edit, key);
	return 0;
}

/* The reason, trimmed, or NULL (and r->problem set) when it is empty. */
static char *reason_take(struct reason *r)
{
	char *t = text_trim_dup(edit_text(&r->edit));
	if (t && *t)
		return t;
	free(t);
	r->problem = _("! Write a reason first, or press Esc to cancel.");
	return NULL;
}

char *dialog_reason(lk_ui *ui, const char *title, const char *prompt)
{
	struct reason r = {title, prompt, {0}, NULL};
	if (edit_init(&r.edit, NULL, true) < 0)
		return NULL;
	char *out = NULL;
	lk_key key;
	while (!out && ui_modal_key(ui, reason_draw, &r, &key) == 0) {
		int done = reason_key(&r, key);
		if (done < 0)
			break;
		if (done > 0)
			out = reason_take(&r);
	}
	edit_free(&r.edit);
	return out;
}

/* ---- person picker ---- */

struct picker {
	const char *title;
	lk_people_source src;
	lk_list_ops ops; /* people_list_ops without the Status column */
	lk_list list;
	lk_edit filter;
};

/* Only active people are offered, so their status says nothing: names,
 * kinds and professions share the width (the list sizes them by what the
 * page shows, so names come whole). */
static const lk_column picker_cols[] = {
	{N_("Name"), 16, 3},
	{N_("Kind"), 12, 1},
	{N_("Profession / organisation"), 14, 2},
};

static const lk_action picker_actions[] = {
	LK_ACT_OPEN, LK_ACT_BACK, LK_ACT_MOVE_UP, LK_ACT_MOVE_DOWN, LK_ACT_PAGE_UP, LK_ACT_PAGE_DOWN,
	LK_ACT_CHAR_LEFT, LK_ACT_CHAR_RIGHT, LK_ACT_LINE_START, LK_ACT_LINE_END,
	LK_ACT_DEL_BACK, LK_ACT_DEL_FORWARD, LK_ACT_KILL_BEFORE, LK_ACT_KILL_AFTER, 0,
};
/* The picker's keys in its own words ("choose", not "open"). */
static void picker_hint(lk_ui *ui, lk_rect box)
{
	char enter[32], esc[32];
	keys_name('\n', enter, sizeof enter);
	keys_name(LK_KEY_ESC, esc, sizeof esc);
	char *h = uitext_printf(_("Type to filter  %s choose  %s cancel"), enter, esc);
	screen_text(ui, box.y + box.h - 2, box.x + 2, box.w - 4, h ? h : "", LK_STYLE_DIM);
	free(h);
}

static void picker_draw(lk_ui *ui, void *arg)
{
	struct picker *p = arg;
	lk_rect box = box_rect_w(ui, ui->rows, PICKER_MAX_W);
	screen_box(ui, box, p->title);
	lk_rect in = inner(box);
	int lw = screen_text(ui, in.y, in.x, in.w / 2, _("Filter: "), LK_STYLE_DIM);
	edit_scroll(&p->filter, in.w - lw, 1);
	edit_visible(&p->filter, in.w - lw, 1, put_char, &(struct put_ctx){in.y, in.x + lw});
	ui_draw_list(ui, &p->list, (lk_rect){in.y + 1, in.x, in.h - 1, in.w});
	picker_hint(ui, box);
	screen_cursor(ui, in.y, in.x + lw + edit_cursor_col(&p->filter) - p->filter.hscroll);
}

/* One key in the picker: 1 picked, -1 cancelled, 0 go on. */
static int picker_key(lk_ui *ui, struct picker *p, lk_key key)
{
	lk_action a = keys_lookup(key, picker_actions, true);
	lk_err err;
	if (a == LK_ACT_OPEN)
		return list_selected(&p->list) ? 1 : 0;
	if (a == LK_ACT_BACK)
		return -1;
	if (list_request(&p->list, a, &err)) {
		if (err.code)
			ui_status_err(ui, &err);
		return 0;
	}
	p->filter.changed = false;
	if (!edit_request(&p->filter, a))
		edit_input(&p->filter, key);
	if (p->filter.changed && list_set_filter(&p->list, edit_text(&p->filter), &err) < 0)
		ui_status_err(ui, &err);
	return 0;
}

bool dialog_pick_person(lk_ui *ui, const char *title, int person_kind, int64_t *id, char **name)
{
	struct picker p = {.title = title, .src = {ui->ctx, person_kind, false}, .ops = people_list_ops};
	lk_err err;
	p.ops.cols = picker_cols;
	p.ops.ncols = (int)(sizeof picker_cols / sizeof picker_cols[0]);
	list_init(&p.list, &p.ops, &p.src);
	edit_init(&p.filter, NULL, false);
	int done = list_reload(&p.list, &err) < 0 ? -1 : 0;
	if (done < 0)
		dialog_error(ui, title, err.msg);
	lk_key key;
	while (done == 0 && ui_modal_key(ui, picker_draw, &p, &key) == 0)
		done = picker_key(ui, &p, key);
	const lk_person *sel = done > 0 ? list_selected(&p.list) : NULL;
	if (sel && (*name = strdup(sel->name)))
		*id = sel->id;
	bool picked = sel && *name;
	list_fini(&p.list);
	edit_free(&p.filter);
	return picked;
}
