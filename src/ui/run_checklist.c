/*
 * run_checklist.c — a run's checklist (phase.h): the items of each phase
 * the run has entered, in lifecycle order, ticked or not and by whom.
 * Space ticks or unticks (checklist_set_done, versioned). The gate of the
 * next phase lists the unticked items of the phase the run is in; they
 * can then only be passed with a written reason.
 */
#include "lmskurs/ui/runs.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lmskurs/i18n.h"
#include "lmskurs/role.h"
#include "lmskurs/ui/dialog.h"
#include "lmskurs/ui/uitext.h"
#include "run_internal.h"

typedef struct check_row {
	int64_t id, version;
	bool done;
	char *phase; /* the phase's label */
	char *text;
	char *by;    /* "koord 10.01.2027 09:00" (under "Ticked by") or "" */
} check_row;

typedef struct check_state {
	lk_ctx *ctx;
	int64_t run_id;
	lk_run run;
	lk_list list;
} check_state;

/* ---- the list source ---- */

static int count_one(void *arg, const lk_checklist_item *it)
{
	(void)it;
	(*(int64_t *)arg)++;
	return 0;
}

static lk_owner owner_of(const check_state *s)
{
	return (lk_owner){.run_id = s->run_id};
}

static int64_t check_count(lk_list *l, lk_err *err)
{
	const check_state *s = l->arg;
	int64_t n = 0;
	return checklist_list(s->ctx, owner_of(s), NULL, count_one, &n, err) < 0 ? -1 : n;
}

static void check_row_free(void *row)
{
	check_row *r = row;
	free(r->phase);
	free(r->text);
	free(r->by);
	free(r);
}

/* "koord 10.01.2027 09:00" from the stored stamp: the column's title
 * says "Ticked by". */
static char *ticked_by(const lk_checklist_item *it)
{
	if (!it->done)
		return strdup("");
	lk_datetime t;
	char when[17] = "", minute[17];
	/* Stamps have seconds ("2027-01-10T09:00:00"); people read minutes. */
	snprintf(minute, sizeof minute, "%s", it->done_at ? it->done_at : "");
	if (datetime_parse(minute, &t, NULL) == 0)
		datetime_show(t, when);
	return uitext_printf("%s %s", it->done_by ? it->done_by : "", when);
}

static check_row *check_row_new(const lk_checklist_item *it)
{
	check_row *r = calloc(1, sizeof *r);
	if (!r)
		return NULL;
	lk_run_phase p;
	r->id = it->id;
	r->version = it->version;
	r->done = it->done;
	r->phase = strdup(run_phase_parse(it->phase, &p) == 0 ? run_phase_label(p) : it->phase);
	r->text = uitext_printf("%s %s", it->done ? "[x]" : "[ ]", it->text);
	r->by = ticked_by(it);
	if (r->phase && r->text && r->by)
		return r;
	check_row_free(r);
	return NULL;
}

struct page_acc {
	lk_list *l;
	int64_t index, from, to;
	lk_err *err;
	int rc;
};

static int keep_one(void *arg, const lk_checklist_item *it)
{
	struct page_acc *a = arg;
	int64_t i = a->index++;
	if (i < a->from)
		return 0;
	if (i >= a->to)
		return 1;
	check_row *r = check_row_new(it);
	a->rc = r ? list_add_row(a->l, r, a->err) : lk_fail(a->err, LK_ENOMEM, _("Out of memory."));
	return a->rc < 0;
}

static int check_fetch(lk_list *l, lk_page page, lk_err *err)
{
	const check_state *s = l->arg;
	struct page_acc a = {l, 0, page.offset, page.offset + page.limit, err, 0};
	if (checklist_list(s->ctx, owner_of(s), NULL, keep_one, &a, err) < 0)
		return -1;
	return a.rc;
}

static int64_t check_row_id(const void *row)
{
	return ((const check_row *)row)->id;
}

static lk_style check_cells(const void *row, const char **cells)
{
	const check_row *r = row;
	cells[0] = r->text;
	cells[1] = r->phase;
	cells[2] = r->by;
	return r->done ? LK_STYLE_DIM : LK_STYLE_NORMAL;
}

/* The item text gets the width: the phase and who ticked take what their
 * cells need (the list sizes columns by the page shown). */
static const lk_column check_cols[] = {
	{N_("Item"), 20, 4},
	{N_("Phase"), 12, 1},
	{N_("Ticked by"), 9, 1},
};

static const lk_list_ops check_list_ops = {
	.cols = check_cols, .ncols = 3,
	.count = check_count, .fetch = check_fetch, .row_free = check_row_free,
	.row_id = check_row_id, .row_cells = check_cells,
	.empty_text = N_("No checklist items: the run's phases have none."),
};

/* ---- the view ---- */

static bool run_is_final(const lk_run *r)
{
	return r->phase == LK_RUN_CLOSED || r->phase == LK_RUN_CANCELLED;
}

static int check_load(lk_view *v, lk_err *err)
{
	check_state *s = v->state;
	run_free(&s->run);
	memset(&s->run, 0, sizeof s->run);
	if (run_get(s->ctx, s->run_id, &s->run, err) < 0)
		return -1;
	bool edits = role_allows(s->ctx->role, LK_PERM_EDIT_PLAN) && !run_is_final(&s->run);
	v->ops = edits ? &run_checklist_view : &run_checklist_readonly;
	return list_reload(&s->list, err);
}

static int check_open(lk_view *v, const void *arg, lk_err *err)
{
	check_state *s = v->state;
	s->ctx = v->ui->ctx;
	s->run_id = *(const int64_t *)arg;
	list_init(&s->list, &check_list_ops, s);
	return check_load(v, err);
}

static void check_done(lk_view *v)
{
	check_state *s = v->state;
	list_fini(&s->list);
	run_free(&s->run);
}

static lk_list *check_list(lk_view *v)
{
	return &((check_state *)v->state)->list;
}

static char *check_title(lk_view *v)
{
	check_state *s = v->state;
	return uitext_printf(_("Checklist: %s · %s"), s->run.course_title, s->run.title);
}

/* The intro's lines at most (three on a narrow terminal). */
enum { INTRO_MAX = 3 };

static void check_draw(lk_view *v, lk_rect r)
{
	check_state *s = v->state;
	lk_rect in = {r.y + 1, r.x + 1, r.h - 1, r.w - 2};
	char *intro = uitext_printf(_("Phase now: %s. Moving on asks for the items of this phase; unticked ones can only be passed with a written reason."),
		run_phase_label(s->run.phase));
	int n = screen_wrap(v->ui, (lk_rect){in.y, in.x, INTRO_MAX, in.w}, intro ? intro : "", LK_STYLE_DIM);
	free(intro);
	n = n > INTRO_MAX ? INTRO_MAX : n;
	ui_draw_list(v->ui, &s->list, (lk_rect){in.y + n + 1, in.x, in.h - n - 1, in.w});
}

static void check_toggle(lk_view *v)
{
	check_state *s = v->state;
	const check_row *r = list_selected(&s->list);
	lk_err err;
	if (!r) {
		ui_status(v->ui, LK_STYLE_WARNING, "%s", _("No item is selected."));
		return;
	}
	if (!run_ui_may_edit(v->ui))
		return;
	bool done = !r->done;
	if (checklist_set_done(s->ctx, r->id, r->version, done, &err) < 0)
		dialog_error(v->ui, _("Not changed"), err.msg);
	else
		ui_status(v->ui, LK_STYLE_OK, "%s", done ? _("Ticked.") : _("Unticked."));
	if (check_load(v, &err) < 0)
		ui_status_err(v->ui, &err);
}

static bool check_request(lk_view *v, lk_action a)
{
	if (a != LK_ACT_TOGGLE)
		return false;
	check_toggle(v);
	return true;
}

#define CHECK_MOVES \
	LK_ACT_MOVE_UP, LK_ACT_MOVE_DOWN, LK_ACT_PAGE_UP, LK_ACT_PAGE_DOWN, \
	LK_ACT_MOVE_FIRST, LK_ACT_MOVE_LAST, LK_ACT_BACK

static const lk_action check_actions[] = {CHECK_MOVES, LK_ACT_TOGGLE, 0};
static const lk_action check_hints[] = {LK_ACT_TOGGLE, LK_ACT_BACK, 0};
static const lk_action check_readonly_actions[] = {CHECK_MOVES, 0};
static const lk_action check_readonly_hints[] = {LK_ACT_BACK, 0};

const lk_view_ops run_checklist_view = {
	.name = "run-checklist",
	.label = N_("Run checklist"),
	.state_size = sizeof(check_state),
	.actions = check_actions,
	.hints = check_hints,
	.open = check_open,
	.done = check_done,
	.title = check_title,
	.reload = check_load,
	.list = check_list,
	.draw = check_draw,
	.request = check_request,
};

const lk_view_ops run_checklist_readonly = {
	.name = "run-checklist-readonly",
	.label = N_("Run checklist"),
	.state_size = sizeof(check_state),
	.actions = check_readonly_actions,
	.hints = check_readonly_hints,
	.open = check_open,
	.done = check_done,
	.title = check_title,
	.reload = check_load,
	.list = check_list,
	.draw = check_draw,
	.request = check_request,
};
