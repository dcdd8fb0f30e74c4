/*
 * enroll.c — the participants of one run (run_enroll_view): a header with
 * the places, then the registered by name and the waitlist by place in
 * the queue, a page at a time (enroll_list). Coordinators enroll (a),
 * cancel a place (d), move someone to another run of the course (m), set
 * the places (c) and import a file (i); whenever a place is freed the
 * status line names who moved up from the waitlist, so they can be called.
 */
#include "lmskurs/ui/participants.h"

#include <stdlib.h>
#include <string.h>

#include "lmskurs/i18n.h"
#include "lmskurs/role.h"
#include "lmskurs/run.h"
#include "lmskurs/ui/dialog.h"
#include "lmskurs/ui/runs.h"
#include "lmskurs/ui/uitext.h"

/* ---- the list source: registered, then waiting; never the cancelled ---- */

typedef struct enr_row {
	lk_enrollment e;
	char *status;       /* "registered", "waitlist 2" */
	char signed_up[48]; /* "Mon 04.01.2027 wk 1" */
} enr_row;

typedef struct enr_state {
	lk_ctx *ctx;
	int64_t run_id;
	lk_run run;
	char *name;   /* "course, run" */
	int64_t registered, waitlisted;
	bool gone;    /* the run was deleted meanwhile */
	lk_list list;
} enr_state;

static int64_t enr_count(lk_list *l, lk_err *err)
{
	enr_state *s = l->arg;
	if (enroll_counts(s->ctx, s->run_id, &s->registered, &s->waitlisted, NULL, err) < 0)
		return -1;
	return s->registered + s->waitlisted;
}

static void enr_row_free(void *row)
{
	enr_row *r = row;
	enrollment_free(&r->e);
	free(r->status);
	free(r);
}

static char *dup_or_null(const char *s)
{
	return s ? strdup(s) : NULL;
}

static void date_of(const char *stamp, char out[static 48])
{
	char iso[11] = "";
	lk_date d;
	out[0] = '\0';
	if (stamp && strlen(stamp) >= 10)
		memcpy(iso, stamp, 10);
	if (iso[0] && date_parse(iso, &d, NULL) == 0)
		uitext_date(d, out);
}

static enr_row *enr_row_new(const lk_enrollment *e)
{
	enr_row *r = calloc(1, sizeof *r);
	if (!r)
		return NULL;
	r->e = *e;
	r->e.participant_name = strdup(e->participant_name ? e->participant_name : "");
	r->e.requested_at = dup_or_null(e->requested_at);
	r->e.placed_at = dup_or_null(e->placed_at);
	r->e.cancelled_at = dup_or_null(e->cancelled_at);
	r->status = enroll_status_text(e);
	date_of(e->requested_at, r->signed_up);
	if (r->e.participant_name && r->status)
		return r;
	enr_row_free(r);
	return NULL;
}

struct fetch_ctx {
	lk_list *l;
	lk_err *err;
	int rc;
};

static int fetch_one(void *arg, const lk_enrollment *e)
{
	struct fetch_ctx *fc = arg;
	if (e->status == LK_ENR_CANCELLED)
		return 1; /* they come last: the rest is cancelled too */
	enr_row *r = enr_row_new(e);
	fc->rc = r ? list_add_row(fc->l, r, fc->err) : lk_fail(fc->err, LK_ENOMEM, _("Out of memory."));
	return fc->rc < 0;
}

static int enr_fetch(lk_list *l, lk_page page, lk_err *err)
{
	enr_state *s = l->arg;
	struct fetch_ctx fc = {l, err, 0};
	if (enroll_list(s->ctx, s->run_id, -1, page, fetch_one, &fc, err) < 0)
		return -1;
	return fc.rc;
}

static int64_t enr_row_id(const void *row)
{
	return ((const enr_row *)row)->e.id;
}

static lk_style enr_cells(const void *row, const char **cells)
{
	const enr_row *r = row;
	cells[0] = r->e.participant_name;
	cells[1] = r->status;
	cells[2] = enroll_category_label(r->e.category);
	cells[3] = r->e.referral ? _("yes") : _("no");
	cells[4] = r->signed_up;
	return LK_STYLE_NORMAL;
}

/* The status next to the name, so a narrow screen keeps it. */
static const lk_column enr_cols[] = {
	{N_("Name"), 16, 1},
	{N_("Status"), 11, 0},
	{N_("Category"), 9, 0},
	{N_("Referral"), 8, 0},
	{N_("Signed up"), 20, 0},
};

static const lk_list_ops enr_ops = {
	.cols = enr_cols, .ncols = 5,
	.count = enr_count, .fetch = enr_fetch, .row_free = enr_row_free,
	.row_id = enr_row_id, .row_cells = enr_cells,
	.empty_text = N_("Nobody has signed up for this run yet."),
};

/* ---- the view ---- */

static bool run_final(const lk_run *r)
{
	return r->phase == LK_RUN_CLOSED || r->phase == LK_RUN_CANCELLED;
}

static void enr_pick_ops(lk_view *v)
{
	enr_state *s = v->state;
	bool edits = role_allows(v->ui->ctx->role, LK_PERM_EDIT_PARTICIPANTS) && !s->gone && !run_final(&s->run);
	v->ops = edits ? &run_enroll_view : &run_enroll_readonly;
}

static int enr_load(enr_state *s, lk_err *err)
{
	run_free(&s->run);
	free(s->name);
	s->name = NULL;
	if (run_get(s->ctx, s->run_id, &s->run, err) < 0) {
		s->gone = err->code == LK_ENOTFOUND;
		return s->gone ? 0 : -1;
	}
	s->gone = false;
	if (!(s->name = enroll_run_name(s->run.course_title, s->run.title)))
		return lk_fail(err, LK_ENOMEM, _("Out of memory."));
	return list_reload(&s->list, err);
}

static int enr_reload(lk_view *v, lk_err *err)
{
	int rc = enr_load(v->state, err);
	enr_pick_ops(v);
	return rc;
}

static int enr_open(lk_view *v, const void *arg, lk_err *err)
{
	enr_state *s = v->state;
	s->ctx = v->ui->ctx;
	s->run_id = *(const int64_t *)arg;
	list_init(&s->list, &enr_ops, s);
	if (role_require(s->ctx, LK_PERM_READ_PARTICIPANTS, err) < 0 || enr_reload(v, err) < 0)
		return -1;
	return s->gone ? lk_fail(err, LK_ENOTFOUND, "%s", err->msg) : 0;
}

static void enr_done(lk_view *v)
{
	enr_state *s = v->state;
	list_fini(&s->list);
	run_free(&s->run);
	free(s->name);
}

static lk_list *enr_list(lk_view *v)
{
	enr_state *s = v->state;
	return s->gone ? NULL : &s->list;
}

static char *enr_title(lk_view *v)
{
	enr_state *s = v->state;
	return uitext_printf(_("Participants of %s"), s->gone ? _("(deleted)") : s->name);
}

/* Whether the run takes enrollments now (the core's rule, said early). */
static bool run_open_for_places(const lk_run *r)
{
	return r->phase == LK_RUN_REGISTRATION || r->phase == LK_RUN_EXECUTION;
}

static int draw_header(enr_state *s, lk_ui *ui, lk_rect r)
{
	char *places = enroll_places_text(s->registered, s->run.capacity, s->waitlisted);
	char *dates = runs_dates_text(s->run.first_date, s->run.last_date);
	char *l1 = uitext_printf(_("Phase: %s   Dates: %s"), run_phase_label(s->run.phase), dates ? dates : "");
	char *l2 = run_open_for_places(&s->run) ? uitext_printf("%s", places ? places : "")
		: uitext_printf(_("%s · ! takes no enrollments while in phase '%s'"), places ? places : "",
			run_phase_label(s->run.phase));
	int y = screen_wrap(ui, r, l1 ? l1 : "", LK_STYLE_NORMAL);
	if (y < r.h)
		y += screen_wrap(ui, (lk_rect){r.y + y, r.x, r.h - y, r.w}, l2 ? l2 : "",
			run_open_for_places(&s->run) ? LK_STYLE_NORMAL : LK_STYLE_WARNING);
	free(places);
	free(dates);
	free(l1);
	free(l2);
	return y < r.h ? y : r.h;
}

static void enr_draw(lk_view *v, lk_rect r)
{
	enr_state *s = v->state;
	lk_rect in = {r.y + 1, r.x + 1, r.h - 1, r.w - 2};
	if (s->gone) {
		screen_wrap(v->ui, in, _("! Someone else deleted this run meanwhile. Esc goes back."), LK_STYLE_WARNING);
		screen_cursor(v->ui, in.y, in.x);
		return;
	}
	int head = draw_header(s, v->ui, in) + 1;
	ui_draw_list(v->ui, &s->list, (lk_rect){in.y + head, in.x, in.h - head, in.w});
}

static void enr_reread(lk_view *v)
{
	lk_err err;
	if (enr_reload(v, &err) < 0)
		ui_status_err(v->ui, &err);
}

/* ---- enrolling ---- */

static void enr_add(lk_view *v)
{
	enr_state *s = v->state;
	int64_t id = 0;
	char *name = NULL;
	lk_pick_result r = participants_pick(v->ui, _("Enroll whom? Search by name, phone or e-mail"), true, &id, &name);
	if (r == LK_PICK_CHOSEN)
		ui_push(v->ui, &enroll_form_view, &(lk_enroll_form_arg){s->run_id, id, name}, NULL);
	else if (r == LK_PICK_NEW)
		ui_push(v->ui, &participant_form_view, &(lk_participant_form_arg){0, s->run_id, name}, NULL);
	else
		ui_status(v->ui, LK_STYLE_NORMAL, "%s", _("Nobody was enrolled."));
	free(name);
}

/* ---- cancelling ---- */

static int first_waiting_one(void *arg, const lk_enrollment *e)
{
	*(char **)arg = strdup(e->participant_name ? e->participant_name : "");
	return 1;
}

/* The first person waiting, or NULL (newly allocated). */
static char *first_waiting(enr_state *s)
{
	char *name = NULL;
	lk_err err;
	if (enroll_list(s->ctx, s->run_id, LK_ENR_WAITLISTED, (lk_page){0, 1}, first_waiting_one, &name, &err) < 0)
		return NULL;
	return name;
}

/* What goes with cancelling e, for the question. */
static char *cancel_question(enr_state *s, const lk_enrollment *e)
{
	if (e->status == LK_ENR_WAITLISTED)
		return uitext_printf(_("Take %s off the waitlist of %s? Everyone behind them moves one place up."),
			e->participant_name, s->name);
	char *next = run_open_for_places(&s->run) ? first_waiting(s) : NULL;
	char *q = next ? uitext_printf(_("Cancel %s's place in %s? The place goes to %s, the first on the waitlist."),
			e->participant_name, s->name, next)
		: uitext_printf(_("Cancel %s's place in %s? Nobody is waiting, so the place stays free."),
			e->participant_name, s->name);
	free(next);
	return q;
}

static void cancel_said(lk_ui *ui, const char *name, const lk_promotion *p)
{
	char *moved = enroll_promoted_text(p);
	ui_status(ui, LK_STYLE_OK, _("%sCancelled the place of %s."), moved ? moved : "", name);
	free(moved);
}

static void enr_cancel(lk_view *v, const enr_row *r)
{
	enr_state *s = v->state;
	lk_enrollment e = r->e; /* borrowed: the list is not re-read until the end */
	char *q = cancel_question(s, &e);
	bool yes = q && dialog_confirm(v->ui, _("Cancel a place"), q);
	free(q);
	lk_promotion p = {0};
	lk_err err;
	if (!yes)
		ui_status(v->ui, LK_STYLE_NORMAL, "%s", _("Nothing was cancelled."));
	else if (enroll_cancel(s->ctx, e.id, e.version, &p, &err) < 0)
		dialog_error(v->ui, _("Not cancelled"), err.msg);
	else
		cancel_said(v->ui, e.participant_name, &p);
	promotion_free(&p);
	enr_reread(v);
}

/* ---- moving ---- */

static void move_said(lk_ui *ui, const char *to, const char *name, const lk_enrollment *e,
	const lk_promotion *freed)
{
	char *placed = enroll_added_text(name, e);
	char *moved = freed->promoted
		? uitext_printf(_("Call %s: moved up to the place left here. "), freed->name)
		: strdup("");
	ui_status(ui, LK_STYLE_OK, _("%sMoved to %s: %s"), moved ? moved : "", to, placed ? placed : "");
	free(placed);
	free(moved);
}

static void enr_move_to(lk_view *v, const lk_enrollment *e, int64_t to, const char *label)
{
	enr_state *s = v->state;
	char *q = uitext_printf(_("Move %s from %s to %s? Their place here is given up (the first person waiting gets it); there they get a place if one is free, else the back of the waitlist."),
		e->participant_name, s->name, label);
	bool yes = q && dialog_confirm(v->ui, _("Move to another run"), q);
	free(q);
	lk_promotion freed = {0};
	lk_enrollment out = {0};
	lk_err err;
	if (!yes)
		ui_status(v->ui, LK_STYLE_NORMAL, "%s", _("Nobody was moved."));
	else if (enroll_move(s->ctx, e->id, e->version, to, &freed, &out, &err) < 0)
		dialog_error(v->ui, _("Not moved"), err.msg);
	else
		move_said(v->ui, label, e->participant_name, &out, &freed);
	promotion_free(&freed);
	enrollment_free(&out);
}

static void enr_move(lk_view *v, const enr_row *r)
{
	enr_state *s = v->state;
	lk_enrollment e = r->e;
	char *who = strdup(e.participant_name);
	e.participant_name = who;
	int64_t to = 0;
	char *label = NULL;
	char *title = who ? uitext_printf(_("Move %s to which run?"), who) : NULL;
	if (title && enroll_pick_run(v->ui, title, s->run.course_id, s->run_id, &to, &label))
		enr_move_to(v, &e, to, label);
	else
		ui_status(v->ui, LK_STYLE_NORMAL, "%s", _("Nobody was moved."));
	free(title);
	free(label);
	free(who);
	enr_reread(v);
}

/* ---- keys ---- */

static bool may_edit(lk_ui *ui, lk_perm perm)
{
	lk_err err;
	if (role_require(ui->ctx, perm, &err) == 0)
		return true;
	ui_status_err(ui, &err);
	return false;
}

static bool enr_request_row(lk_view *v, lk_action a, const enr_row *r)
{
	if (!r) {
		ui_status(v->ui, LK_STYLE_WARNING, "%s", _("Nobody is selected."));
		return true;
	}
	if (a == LK_ACT_OPEN)
		ui_push(v->ui, &participant_detail_view, &r->e.participant_id, NULL);
	else if (a == LK_ACT_CANCEL_PLACE && may_edit(v->ui, LK_PERM_EDIT_PARTICIPANTS))
		enr_cancel(v, r);
	else if (a == LK_ACT_MOVE_RUN && may_edit(v->ui, LK_PERM_EDIT_PARTICIPANTS))
		enr_move(v, r);
	return true;
}

static bool enr_request(lk_view *v, lk_action a)
{
	enr_state *s = v->state;
	if (s->gone)
		return false;
	switch (a) {
	case LK_ACT_ADD:
		if (may_edit(v->ui, LK_PERM_EDIT_PARTICIPANTS))
			enr_add(v);
		return true;
	case LK_ACT_CAPACITY:
		if (may_edit(v->ui, LK_PERM_EDIT_PLAN))
			ui_push(v->ui, &run_capacity_form_view, &s->run_id, NULL);
		return true;
	case LK_ACT_IMPORT:
		if (may_edit(v->ui, LK_PERM_EDIT_PARTICIPANTS))
			ui_push(v->ui, &import_form_view, &s->run_id, NULL);
		return true;
	case LK_ACT_OPEN: case LK_ACT_CANCEL_PLACE: case LK_ACT_MOVE_RUN:
		return enr_request_row(v, a, list_selected(&s->list));
	default:
		return false;
	}
}

#define ENR_MOVES \
	LK_ACT_MOVE_UP, LK_ACT_MOVE_DOWN, LK_ACT_PAGE_UP, LK_ACT_PAGE_DOWN, \
	LK_ACT_MOVE_FIRST, LK_ACT_MOVE_LAST, LK_ACT_OPEN, LK_ACT_BACK

static const lk_action enr_actions[] = {
	ENR_MOVES, LK_ACT_ADD, LK_ACT_CANCEL_PLACE, LK_ACT_MOVE_RUN, LK_ACT_CAPACITY, LK_ACT_IMPORT, 0,
};
static const lk_action enr_hints[] = {
	LK_ACT_ADD, LK_ACT_CANCEL_PLACE, LK_ACT_MOVE_RUN, LK_ACT_CAPACITY, LK_ACT_IMPORT, LK_ACT_BACK, 0,
};
static const lk_action enr_readonly_actions[] = {ENR_MOVES, 0};
static const lk_action enr_readonly_hints[] = {LK_ACT_OPEN, LK_ACT_BACK, 0};

#define ENR_OPS(nm, acts, hnts) { \
	.name = nm, .label = N_("Participants of a run"), .state_size = sizeof(enr_state), \
	.actions = acts, .hints = hnts, .open = enr_open, .done = enr_done, .title = enr_title, \
	.reload = enr_reload, .list = enr_list, .draw = enr_draw, .request = enr_request, }

const lk_view_ops run_enroll_view = ENR_OPS("run-enroll", enr_actions, enr_hints);
const lk_view_ops run_enroll_readonly = ENR_OPS("run-enroll-readonly", enr_readonly_actions,
	enr_readonly_hints);
