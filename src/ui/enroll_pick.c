/*
 * enroll_pick.c — a modal picker over the runs of one course that take
 * enrollments (run_list, a page at a time: those in registration, then
 * those under way): where to move someone. The run they are in shows
 * dimmed and cannot be chosen.
 */
#include "lmskurs/ui/participants.h"

#include <stdlib.h>
#include <string.h>

#include "lmskurs/i18n.h"
#include "lmskurs/run.h"
#include "lmskurs/ui/dialog.h"
#include "lmskurs/ui/runs.h"
#include "lmskurs/ui/uitext.h"

enum { PICK_MAX_W = 90 };

typedef struct run_pick_row {
	int64_t id;
	bool self;
	char *name, *dates, *phase, *places;
} run_pick_row;

struct run_picker {
	lk_ctx *ctx;
	const char *title;
	int64_t course_id, except;
	int64_t n_registration; /* runs in registration: listed first */
	lk_list list;
};

/* Only runs that take enrollments: those in registration, then those
 * under way (two run_list filters one after the other). */
static lk_run_filter rp_filter(const struct run_picker *p, lk_run_phase phase)
{
	return (lk_run_filter){.course_id = p->course_id, .phase = (int)phase};
}

static int64_t rp_count(lk_list *l, lk_err *err)
{
	struct run_picker *p = l->arg;
	lk_run_filter reg = rp_filter(p, LK_RUN_REGISTRATION), exe = rp_filter(p, LK_RUN_EXECUTION);
	int64_t a = run_count(p->ctx, &reg, err), b = a < 0 ? -1 : run_count(p->ctx, &exe, err);
	p->n_registration = a;
	return b < 0 ? -1 : a + b;
}

static void rp_row_free(void *row)
{
	run_pick_row *r = row;
	free(r->name);
	free(r->dates);
	free(r->phase);
	free(r->places);
	free(r);
}

static run_pick_row *rp_row_new(const lk_run *run, int64_t except)
{
	run_pick_row *r = calloc(1, sizeof *r);
	if (!r)
		return NULL;
	r->id = run->id;
	r->self = run->id == except;
	r->name = r->self ? uitext_printf(_("%s (this run)"), *run->title ? run->title : run->course_title)
	                  : strdup(*run->title ? run->title : run->course_title);
	r->dates = runs_dates_text(run->first_date, run->last_date);
	r->phase = strdup(run_phase_label(run->phase));
	r->places = runs_places_text(run);
	if (r->name && r->dates && r->phase && r->places)
		return r;
	rp_row_free(r);
	return NULL;
}

struct rp_fetch {
	lk_list *l;
	lk_err *err;
	int rc;
};

static int rp_one(void *arg, const lk_run *run)
{
	struct rp_fetch *fc = arg;
	const struct run_picker *p = fc->l->arg;
	run_pick_row *r = rp_row_new(run, p->except);
	fc->rc = r ? list_add_row(fc->l, r, fc->err) : lk_fail(fc->err, LK_ENOMEM, _("Out of memory."));
	return fc->rc < 0;
}

static int rp_fetch(lk_list *l, lk_page page, lk_err *err)
{
	struct run_picker *p = l->arg;
	struct rp_fetch fc = {l, err, 0};
	int64_t off = page.offset, end = page.offset + page.limit, nreg = p->n_registration;
	if (off < nreg) {
		lk_run_filter f = rp_filter(p, LK_RUN_REGISTRATION);
		int64_t n = (end < nreg ? end : nreg) - off;
		if (run_list(p->ctx, &f, (lk_page){off, (int)n}, rp_one, &fc, err) < 0 || fc.rc < 0)
			return -1;
	}
	if (end > nreg) {
		lk_run_filter f = rp_filter(p, LK_RUN_EXECUTION);
		int64_t from = off > nreg ? off - nreg : 0;
		if (run_list(p->ctx, &f, (lk_page){from, (int)(end - nreg - from)}, rp_one, &fc, err) < 0)
			return -1;
	}
	return fc.rc;
}

static int64_t rp_row_id(const void *row)
{
	return ((const run_pick_row *)row)->id;
}

static lk_style rp_cells(const void *row, const char **cells)
{
	const run_pick_row *r = row;
	cells[0] = r->name;
	cells[1] = r->dates;
	cells[2] = r->places;
	cells[3] = r->phase;
	return r->self ? LK_STYLE_DIM : LK_STYLE_NORMAL;
}

static const lk_column rp_cols[] = {
	{N_("Run"), 14, 1},
	{N_("Dates"), 26, 0},
	{N_("Places"), 16, 0},
	{N_("Phase"), 17, 0},
};

static const lk_list_ops rp_ops = {
	.cols = rp_cols, .ncols = 4,
	.count = rp_count, .fetch = rp_fetch, .row_free = rp_row_free,
	.row_id = rp_row_id, .row_cells = rp_cells,
	.empty_text = N_("No run of this course takes enrollments now (registration or execution)."),
};

static const lk_action rp_actions[] = {
	LK_ACT_OPEN, LK_ACT_BACK, LK_ACT_MOVE_UP, LK_ACT_MOVE_DOWN, LK_ACT_PAGE_UP, LK_ACT_PAGE_DOWN,
	LK_ACT_MOVE_FIRST, LK_ACT_MOVE_LAST, 0,
};

static void rp_draw(lk_ui *ui, void *arg)
{
	struct run_picker *p = arg;
	int w = ui->cols - 4 < PICK_MAX_W ? ui->cols - 4 : PICK_MAX_W;
	lk_rect box = {1, (ui->cols - w) / 2, ui->rows - 2, w};
	screen_box(ui, box, p->title);
	lk_rect in = {box.y + 1, box.x + 2, box.h - 3, box.w - 4};
	ui_draw_list(ui, &p->list, in);
	char enter[32], esc[32];
	keys_name('\n', enter, sizeof enter);
	keys_name(LK_KEY_ESC, esc, sizeof esc);
	char *h = uitext_printf(_("%s choose  %s cancel"), enter, esc);
	screen_text(ui, box.y + box.h - 2, box.x + 2, box.w - 4, h ? h : "", LK_STYLE_DIM);
	free(h);
}

/* One key: 1 chosen, -1 cancelled, 0 go on. */
static int rp_key(lk_ui *ui, struct run_picker *p, lk_key key)
{
	lk_action a = keys_lookup(key, rp_actions, false);
	lk_err err;
	const run_pick_row *r = list_selected(&p->list);
	if (a == LK_ACT_BACK)
		return -1;
	if (a == LK_ACT_OPEN && r && r->self)
		ui_status(ui, LK_STYLE_WARNING, "%s", _("That is the run they are in now; choose another."));
	else if (a == LK_ACT_OPEN)
		return r ? 1 : 0;
	else if (list_request(&p->list, a, &err) && err.code)
		ui_status_err(ui, &err);
	return 0;
}

bool enroll_pick_run(lk_ui *ui, const char *title, int64_t course_id, int64_t except_run,
	int64_t *run_id, char **label)
{
	struct run_picker p = {ui->ctx, title, course_id, except_run, 0, {0}};
	lk_err err;
	list_init(&p.list, &rp_ops, &p);
	int done = list_reload(&p.list, &err) < 0 ? -1 : 0;
	if (done < 0)
		dialog_error(ui, title, err.msg);
	lk_key key;
	while (done == 0 && ui_modal_key(ui, rp_draw, &p, &key) == 0)
		done = rp_key(ui, &p, key);
	const run_pick_row *sel = done == 1 ? list_selected(&p.list) : NULL;
	if (sel && (*label = strdup(sel->name)))
		*run_id = sel->id;
	bool picked = sel && *label;
	list_fini(&p.list);
	return picked;
}
