/*
 * run.c — one run: a header (course, run, phase, place, places, dates),
 * its sessions as a list (run_sessions.c) and the selected session in
 * full below. The keys lay the run out, change sessions and facilitators,
 * set the places and move the phase through gate_dialog; o opens the
 * selected session's attendance, p prints its sheet, O the run's
 * attendance grid (ui/attendance.h); P its participants and waitlist
 * (ui/participants.h).
 */
#include "lmskurs/ui/runs.h"

#include <stdlib.h>
#include <string.h>

#include "lmskurs/enroll.h"
#include "lmskurs/i18n.h"
#include "lmskurs/role.h"
#include "lmskurs/ui/attendance.h"
#include "lmskurs/ui/dialog.h"
#include "lmskurs/ui/eval.h"
#include "lmskurs/ui/gate.h"
#include "lmskurs/ui/participants.h"
#include "lmskurs/ui/uitext.h"
#include "run_internal.h"

typedef struct run_state {
	int64_t id;
	lk_run run;
	bool gone; /* deleted by someone else while shown */
	run_session_source src;
	lk_list list;
} run_state;

static int run_load(run_state *s, lk_ctx *ctx, lk_err *err)
{
	run_free(&s->run);
	memset(&s->run, 0, sizeof s->run);
	if (run_get(ctx, s->id, &s->run, err) < 0) {
		s->gone = err->code == LK_ENOTFOUND;
		return s->gone ? 0 : -1;
	}
	s->gone = false;
	return list_reload(&s->list, err);
}

/* Roles that may not change plans, and closed or cancelled runs (final),
 * get the screen without the changing keys. */
static void run_pick_ops(lk_view *v)
{
	const run_state *s = v->state;
	bool final = s->run.phase == LK_RUN_CLOSED || s->run.phase == LK_RUN_CANCELLED;
	bool edits = role_allows(v->ui->ctx->role, LK_PERM_EDIT_PLAN) && !final && !s->gone;
	v->ops = edits ? &run_view : &run_view_readonly;
}

static int run_reload(lk_view *v, lk_err *err)
{
	int rc = run_load(v->state, v->ui->ctx, err);
	run_pick_ops(v);
	return rc;
}

static int run_open(lk_view *v, const void *arg, lk_err *err)
{
	run_state *s = v->state;
	s->id = *(const int64_t *)arg;
	s->src = (run_session_source){v->ui->ctx, s->id};
	list_init(&s->list, &run_sessions_list_ops, &s->src);
	if (run_reload(v, err) < 0)
		return -1;
	return s->gone ? lk_fail(err, LK_ENOTFOUND, "%s", err->msg) : 0;
}

static void run_done(lk_view *v)
{
	run_state *s = v->state;
	list_fini(&s->list);
	run_free(&s->run);
}

static lk_list *run_list_of(lk_view *v)
{
	run_state *s = v->state;
	return s->gone ? NULL : &s->list;
}

static char *run_title(lk_view *v)
{
	run_state *s = v->state;
	if (s->gone)
		return uitext_printf(_("Run: %s"), _("(deleted)"));
	if (s->run.title && *s->run.title)
		return uitext_printf(_("Run: %s · %s"), s->run.course_title, s->run.title);
	return uitext_printf(_("Run: %s"), s->run.course_title);
}

/* ---- drawing ---- */

/* The header lines; returns the lines used. */
static int draw_header(run_state *s, lk_ui *ui, lk_rect r)
{
	const lk_run *run = &s->run;
	char *dates = runs_dates_text(run->first_date, run->last_date);
	char *places = runs_places_text(run);
	char *pairing = runs_pairing_text(run);
	char *cap = run->capacity > 0 ? uitext_printf("%d", run->capacity) : strdup(_("not set"));
	char *lines[3] = {
		uitext_printf(_("Course: %s   Run: %s   Phase: %s"), run->course_title,
			*run->title ? run->title : "–", run_phase_label(run->phase)),
		uitext_printf(_("Place: %s   Capacity: %s   Registered: %s   Dates: %s"),
			*run->place ? run->place : _("(not set)"), cap ? cap : "", places ? places : "", dates ? dates : ""),
		uitext_printf(_("Sessions: %d   Pairing: %s"), run->n_sessions, pairing ? pairing : ""),
	};
	int y = 0;
	for (int i = 0; i < 3; i++) {
		lk_style st = i == 2 && run->n_unpaired > 0 ? LK_STYLE_WARNING : LK_STYLE_NORMAL;
		if (y < r.h)
			y += screen_wrap(ui, (lk_rect){r.y + y, r.x, r.h - y, r.w}, lines[i] ? lines[i] : "", st);
		free(lines[i]);
	}
	free(dates);
	free(places);
	free(pairing);
	free(cap);
	return y < r.h ? y : r.h;
}

/* The selected session in full from line y of r; returns lines used. */
static int draw_detail(run_state *s, lk_ui *ui, lk_rect r, const char *text)
{
	const run_session_row *row = list_selected(&s->list);
	if (r.h < 2)
		return 0;
	screen_text(ui, r.y, r.x, r.w, _("Selected session"), LK_STYLE_DIM);
	lk_style st = row && row->warn ? LK_STYLE_WARNING : LK_STYLE_NORMAL;
	return 1 + screen_wrap(ui, (lk_rect){r.y + 1, r.x, r.h - 1, r.w}, text, st);
}

/* Header, then the list (as tall as it needs, leaving room for the
 * selected session's details when the terminal has it), then the details. */
static void run_draw_body(run_state *s, lk_ui *ui, lk_rect in)
{
	int head = draw_header(s, ui, in) + 1;
	lk_rect rest = {in.y + head, in.x, in.h - head, in.w};
	const run_session_row *row = list_selected(&s->list);
	char *text = row ? run_session_detail(row) : NULL;
	int want = text ? screen_wrap_lines(text, rest.w) + 2 : 0;
	int max = rest.h - 6 > 0 ? rest.h - 6 : 0; /* the list keeps its header and five rows */
	int detail = want < max ? want : max;
	int list_h = rest.h - detail;
	if (s->list.total + 1 < list_h)
		list_h = (int)s->list.total + (s->list.total ? 1 : 2);
	ui_draw_list(ui, &s->list, (lk_rect){rest.y, rest.x, list_h, rest.w});
	if (text && detail >= 3)
		draw_detail(s, ui, (lk_rect){rest.y + list_h + 1, rest.x, rest.h - list_h - 1, rest.w}, text);
	free(text);
}

static void run_draw(lk_view *v, lk_rect r)
{
	run_state *s = v->state;
	lk_rect in = {r.y + 1, r.x + 1, r.h - 1, r.w - 2};
	if (s->gone) {
		screen_wrap(v->ui, in, _("! Someone else deleted this run meanwhile. Esc goes back."), LK_STYLE_WARNING);
		screen_cursor(v->ui, in.y, in.x);
		return;
	}
	run_draw_body(s, v->ui, in);
}

/* ---- phases ---- */

struct phase_move {
	lk_ctx *ctx;
	int64_t run_id;
	lk_run_phase to;
};

static int move_run(void *arg, const char *reason, lk_err *err)
{
	const struct phase_move *m = arg;
	return run_set_phase(m->ctx, m->run_id, m->to, reason, NULL, err);
}

static void run_reread(lk_view *v)
{
	lk_err err;
	if (run_reload(v, &err) < 0)
		ui_status_err(v->ui, &err);
}

/* run_gate first (its hard conditions: unpaired sessions), then the
 * shared dialog; the core's refusal says what is missing. */
static void run_move_phase(lk_view *v, lk_run_phase to)
{
	run_state *s = v->state;
	lk_gate g;
	lk_err err;
	int k = run_gate(v->ui->ctx, s->id, to, &g, &err);
	if (k < 0)
		dialog_error(v->ui, _("Not moved"), err.msg);
	else if (gate_dialog(v->ui, run_phase_label(to), &g, k, move_run,
		         &(struct phase_move){v->ui->ctx, s->id, to}))
		run_reread(v);
	gate_free(&g);
}

static void run_phase_step(lk_view *v, int step)
{
	run_state *s = v->state;
	lk_run_phase p = s->run.phase;
	if (p == LK_RUN_CLOSED || p == LK_RUN_CANCELLED)
		ui_status(v->ui, LK_STYLE_WARNING, _("The run is %s; that is final."), run_phase_label(p));
	else if (p == LK_RUN_SCHEDULING && step < 0)
		ui_status(v->ui, LK_STYLE_WARNING, "%s", _("Scheduling is the first phase of a run; there is none before it."));
	else
		run_move_phase(v, (lk_run_phase)((int)p + step));
}

static void run_cancel(lk_view *v)
{
	run_state *s = v->state;
	lk_gate g;
	lk_err err;
	int k = run_gate(v->ui->ctx, s->id, LK_RUN_CANCELLED, &g, &err);
	gate_free(&g);
	if (k < 0) {
		dialog_error(v->ui, _("Not cancelled"), err.msg);
		return;
	}
	char *q = uitext_printf(_("Cancel %s %s? It stays on record with its sessions and enrollments, but it is over: nobody can enroll and nothing more happens in it. Write why (kept with the run)."),
		s->run.course_title, s->run.title);
	char *reason = dialog_reason(v->ui, _("Cancel the run"), q ? q : "");
	free(q);
	if (!reason) {
		ui_status(v->ui, LK_STYLE_NORMAL, "%s", _("The run was not cancelled."));
		return;
	}
	if (run_set_phase(v->ui->ctx, s->id, LK_RUN_CANCELLED, reason, NULL, &err) < 0)
		dialog_error(v->ui, _("Not cancelled"), err.msg);
	else
		ui_status(v->ui, LK_STYLE_OK, "%s", _("The run is cancelled; the reason is kept with it."));
	free(reason);
	run_reread(v);
}

/* ---- sessions ---- */

static void run_schedule_ask(lk_view *v)
{
	run_state *s = v->state;
	if (!run_ui_may_edit(v->ui))
		return;
	if (s->run.phase != LK_RUN_SCHEDULING) {
		/* The core refuses this too; saying it now spares filling in the form. */
		char *why = uitext_printf(_("The run is in phase '%s'; it is laid out from the session plan only while being scheduled. Move it back to scheduling, or change sessions one by one."),
			run_phase_label(s->run.phase));
		dialog_error(v->ui, _("Not laid out"), why ? why : "");
		free(why);
		return;
	}
	if (s->list.total > 0) {
		char *q = uitext_printf(ngettext(
			"The run has %lld session. Laying it out again REPLACES it: it gets its date, time, room and topic from the session plan, its facilitators stay, its notes are cleared. Sessions beyond the plan are deleted. Go on?",
			"The run has %lld sessions. Laying it out again REPLACES them: they get their dates, times, room and topics from the session plan, their facilitators stay, their notes are cleared. Sessions beyond the plan are deleted. Go on?",
			(unsigned long)s->list.total), (long long)s->list.total);
		bool yes = q && dialog_confirm(v->ui, _("Lay out the sessions again?"), q);
		free(q);
		if (!yes) {
			ui_status(v->ui, LK_STYLE_NORMAL, "%s", _("The sessions were not changed."));
			return;
		}
	}
	ui_push(v->ui, &run_schedule_form_view, &s->id, NULL);
}

/* Picks one professional and one user representative and books both for
 * every planned session. */
static void run_assign_all(lk_view *v)
{
	run_state *s = v->state;
	int64_t ids[2] = {0, 0};
	char *names[2] = {NULL, NULL};
	lk_err err;
	if (!run_ui_may_edit(v->ui))
		return;
	if (!dialog_pick_person(v->ui, _("Professional for every session"), LK_PROFESSIONAL, &ids[0], &names[0]) ||
	    !dialog_pick_person(v->ui, _("User representative for every session"), LK_USER_REP, &ids[1], &names[1])) {
		ui_status(v->ui, LK_STYLE_NORMAL, "%s", _("No facilitators were booked."));
	} else {
		int n = run_assign_facilitators(v->ui->ctx, s->id, ids, 2, &err);
		if (n < 0)
			dialog_error(v->ui, _("Not booked"), err.msg);
		else
			ui_status(v->ui, LK_STYLE_OK, ngettext("%s and %s now lead the %d planned session.",
				"%s and %s now lead all %d planned sessions.", (unsigned long)n), names[0], names[1], n);
	}
	free(names[0]);
	free(names[1]);
	run_reread(v);
}

/* Opens a screen about the selected session (arg: its id). */
static void run_open_session(lk_view *v, const lk_view_ops *ops, bool edits)
{
	run_state *s = v->state;
	const run_session_row *row = list_selected(&s->list);
	if (!row)
		ui_status(v->ui, LK_STYLE_WARNING, "%s", v->ops == &run_view ? _("There is no session yet: s lays them out from the course's session plan.")
		                                                             : _("This run has no sessions yet."));
	else if (!edits || run_ui_may_edit(v->ui))
		ui_push(v->ui, ops, &row->id, NULL);
}

static bool run_request_change(lk_view *v, lk_action a)
{
	run_state *s = v->state;
	switch (a) {
	case LK_ACT_SCHEDULE: run_schedule_ask(v); return true;
	case LK_ACT_EDIT: run_open_session(v, &run_session_form_view, true); return true;
	case LK_ACT_SESSION_STATUS: run_open_session(v, &run_status_form_view, true); return true;
	case LK_ACT_FACILITATORS_ALL: run_assign_all(v); return true;
	case LK_ACT_CAPACITY:
		if (run_ui_may_edit(v->ui))
			ui_push(v->ui, &run_capacity_form_view, &s->id, NULL);
		return true;
	case LK_ACT_PHASE_NEXT: run_phase_step(v, 1); return true;
	case LK_ACT_PHASE_BACK: run_phase_step(v, -1); return true;
	case LK_ACT_PHASE_CANCEL: run_cancel(v); return true;
	default: return false;
	}
}

static bool run_request(lk_view *v, lk_action a)
{
	run_state *s = v->state;
	if (s->gone)
		return false;
	if (a == LK_ACT_OPEN || a == LK_ACT_FACILITATORS) {
		run_open_session(v, &run_facilitators_view, false);
		return true;
	}
	if (a == LK_ACT_CHECKLIST) {
		ui_push(v->ui, &run_checklist_view, &s->id, NULL);
		return true;
	}
	if (a == LK_ACT_PARTICIPANTS) {
		ui_push(v->ui, &run_enroll_view, &s->id, NULL);
		return true;
	}
	if (a == LK_ACT_ATTENDANCE || a == LK_ACT_PRINT_SHEET) {
		run_open_session(v, a == LK_ACT_ATTENDANCE ? &session_attendance_view : &attendance_print_view, false);
		return true;
	}
	if (a == LK_ACT_ATTENDANCE_GRID) {
		ui_push(v->ui, &attendance_grid_view, &s->id, NULL);
		return true;
	}
	if (a == LK_ACT_EVALUATION) {
		ui_push(v->ui, &eval_run_view, &s->id, NULL);
		return true;
	}
	return run_request_change(v, a);
}

#define RUN_MOVES \
	LK_ACT_MOVE_UP, LK_ACT_MOVE_DOWN, LK_ACT_PAGE_UP, LK_ACT_PAGE_DOWN, \
	LK_ACT_MOVE_FIRST, LK_ACT_MOVE_LAST, LK_ACT_OPEN, LK_ACT_BACK

static const lk_action run_actions[] = {
	RUN_MOVES, LK_ACT_CHECKLIST, LK_ACT_PARTICIPANTS, LK_ACT_ATTENDANCE, LK_ACT_ATTENDANCE_GRID, LK_ACT_PRINT_SHEET,
	LK_ACT_EDIT, LK_ACT_SCHEDULE, LK_ACT_FACILITATORS, LK_ACT_FACILITATORS_ALL,
	LK_ACT_CAPACITY, LK_ACT_SESSION_STATUS, LK_ACT_PHASE_NEXT, LK_ACT_PHASE_BACK,
	LK_ACT_PHASE_CANCEL, LK_ACT_EVALUATION, 0,
};

static const lk_action run_hints[] = {
	LK_ACT_SCHEDULE, LK_ACT_EDIT, LK_ACT_FACILITATORS, LK_ACT_FACILITATORS_ALL,
	LK_ACT_SESSION_STATUS, LK_ACT_PHASE_NEXT, LK_ACT_BACK, 0,
};

static const lk_action run_readonly_actions[] = {
	RUN_MOVES, LK_ACT_CHECKLIST, LK_ACT_PARTICIPANTS, LK_ACT_ATTENDANCE, LK_ACT_ATTENDANCE_GRID, LK_ACT_PRINT_SHEET,
	LK_ACT_FACILITATORS, LK_ACT_EVALUATION, 0,
};

static const lk_action run_readonly_hints[] = {
	LK_ACT_OPEN, LK_ACT_ATTENDANCE, LK_ACT_ATTENDANCE_GRID, LK_ACT_PRINT_SHEET, LK_ACT_PARTICIPANTS, LK_ACT_BACK, 0,
};

const lk_view_ops run_view = {
	.name = "run",
	.label = N_("Run"),
	.state_size = sizeof(run_state),
	.actions = run_actions,
	.hints = run_hints,
	.open = run_open,
	.done = run_done,
	.title = run_title,
	.reload = run_reload,
	.list = run_list_of,
	.draw = run_draw,
	.request = run_request,
};

const lk_view_ops run_view_readonly = {
	.name = "run-readonly",
	.label = N_("Run"),
	.state_size = sizeof(run_state),
	.actions = run_readonly_actions,
	.hints = run_readonly_hints,
	.open = run_open,
	.done = run_done,
	.title = run_title,
	.reload = run_reload,
	.list = run_list_of,
	.draw = run_draw,
	.request = run_request,
};
