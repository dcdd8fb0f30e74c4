/*
 * participant_pick.c — a modal picker over every participant: a filter
 * line on top (typing searches as in the Participants screen, a page at a
 * time) and the matching names below. Enter chooses, Esc cancels, Ctrl-N
 * (when offered) says the person is not there yet and should be
 * registered first.
 */
#include "lmskurs/ui/participants.h"

#include <stdlib.h>
#include <string.h>

#include "lmskurs/i18n.h"
#include "lmskurs/ui/dialog.h"
#include "lmskurs/ui/uitext.h"

enum { PICK_MAX_W = 76 };

struct picker {
	const char *title;
	bool offer_new;
	lk_list list;
	lk_edit filter;
};

static const lk_action pick_actions[] = {
	LK_ACT_OPEN, LK_ACT_BACK, LK_ACT_MOVE_UP, LK_ACT_MOVE_DOWN, LK_ACT_PAGE_UP, LK_ACT_PAGE_DOWN,
	LK_ACT_CHAR_LEFT, LK_ACT_CHAR_RIGHT, LK_ACT_LINE_START, LK_ACT_LINE_END,
	LK_ACT_DEL_BACK, LK_ACT_DEL_FORWARD, LK_ACT_KILL_BEFORE, LK_ACT_KILL_AFTER,
	LK_ACT_NEW_PARTICIPANT, 0,
};

static lk_rect pick_box(const lk_ui *ui)
{
	int w = ui->cols - 4 < PICK_MAX_W ? ui->cols - 4 : PICK_MAX_W;
	int h = ui->rows - 2;
	return (lk_rect){.y = (ui->rows - h) / 2, .x = (ui->cols - w) / 2, .h = h, .w = w};
}

struct put_ctx {
	int y, x;
};

static void put_char(void *arg, int row, int col, const char *bytes, size_t len)
{
	struct put_ctx *p = arg;
	mvaddnstr(p->y + row, p->x + col, bytes, (int)len);
}

/* The picker's keys in its own words ("choose", not "open"). */
static void pick_hint(lk_ui *ui, const struct picker *p, lk_rect box)
{
	char enter[32], esc[32], new_key[32];
	keys_name('\n', enter, sizeof enter);
	keys_name(LK_KEY_ESC, esc, sizeof esc);
	keys_name(LK_CTRL('n'), new_key, sizeof new_key);
	char *h = p->offer_new
		? uitext_printf(_("Type to search  %s choose  %s new participant  %s cancel"), enter, new_key, esc)
		: uitext_printf(_("Type to search  %s choose  %s cancel"), enter, esc);
	screen_text(ui, box.y + box.h - 2, box.x + 2, box.w - 4, h ? h : "", LK_STYLE_DIM);
	free(h);
}

static void pick_draw(lk_ui *ui, void *arg)
{
	struct picker *p = arg;
	lk_rect box = pick_box(ui);
	screen_box(ui, box, p->title);
	lk_rect in = {box.y + 1, box.x + 2, box.h - 3, box.w - 4};
	int lw = screen_text(ui, in.y, in.x, in.w / 2, _("Search: "), LK_STYLE_DIM);
	edit_scroll(&p->filter, in.w - lw, 1);
	edit_visible(&p->filter, in.w - lw, 1, put_char, &(struct put_ctx){in.y, in.x + lw});
	ui_draw_list(ui, &p->list, (lk_rect){in.y + 1, in.x, in.h - 1, in.w});
	pick_hint(ui, p, box);
	screen_cursor(ui, in.y, in.x + lw + edit_cursor_col(&p->filter) - p->filter.hscroll);
}

/* One key: 1 chosen, 2 new, -1 cancelled, 0 go on. */
static int pick_key(lk_ui *ui, struct picker *p, lk_key key)
{
	lk_action a = keys_lookup(key, pick_actions, true);
	lk_err err;
	if (a == LK_ACT_OPEN)
		return list_selected(&p->list) ? 1 : 0;
	if (a == LK_ACT_BACK)
		return -1;
	if (a == LK_ACT_NEW_PARTICIPANT)
		return p->offer_new ? 2 : 0;
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

lk_pick_result participants_pick(lk_ui *ui, const char *title, bool offer_new, int64_t *id,
	char **name)
{
	struct picker p = {.title = title, .offer_new = offer_new};
	lk_err err;
	list_init(&p.list, &participants_list_ops, ui->ctx);
	edit_init(&p.filter, NULL, false);
	int done = list_reload(&p.list, &err) < 0 ? -1 : 0;
	if (done < 0)
		dialog_error(ui, title, err.msg);
	lk_key key;
	while (done == 0 && ui_modal_key(ui, pick_draw, &p, &key) == 0)
		done = pick_key(ui, &p, key);
	const lk_participant *sel = done == 1 ? list_selected(&p.list) : NULL;
	*name = NULL;
	if (sel && (*name = strdup(sel->name)))
		*id = sel->id;
	if (done == 2)
		*name = strdup(edit_text(&p.filter));
	lk_pick_result r = sel && *name ? LK_PICK_CHOSEN : done == 2 ? LK_PICK_NEW : LK_PICK_CANCELLED;
	list_fini(&p.list);
	edit_free(&p.filter);
	return r;
}
