/*
 * course_runs.c — the Runs tab: the runs of this course with dates, phase,
 * places taken and whether every session is paired (in words); Enter
 * opens the run. a lays out a new run: run_create, then run_schedule from
 * the session plan, saying how many sessions were made and warning about
 * sessions on public holidays. E shows the course's evaluation results
 * across its runs (eval_results_view).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lmskurs/i18n.h"
#include "lmskurs/role.h"
#include "lmskurs/run.h"
#include "lmskurs/session.h"
#include "lmskurs/ui/courses.h"
#include "lmskurs/ui/dialog.h"
#include "lmskurs/ui/eval.h"
#include "lmskurs/ui/form.h"
#include "lmskurs/ui/runs.h"
#include "lmskurs/ui/uitext.h"

/* ---- the list ---- */

typedef struct run_row {
	int64_t id;
	char *title;
	lk_run_phase phase;
	bool unpaired;
	char first[48], places[48], pairing[64];
} run_row;

static void run_row_free(void *row)
{
	run_row *r = row;
	free(r->title);
	free(r);
}

static void places_text(const lk_run *r, char buf[static 48])
{
	if (r->capacity > 0)
		snprintf(buf, 48, _("%d of %d"), r->n_registered, r->capacity);
	else
		snprintf(buf, 48, _("%d (no capacity set)"), r->n_registered);
	if (r->n_waitlisted > 0) {
		size_t n = strlen(buf);
		snprintf(buf + n, 48 - n, _(", %d waiting"), r->n_waitlisted);
	}
}

/* Pairing in words, with "!" when a session lacks a kind of facilitator. */
static void pairing_text(const lk_run *r, char buf[static 64])
{
	if (r->n_sessions == 0)
		snprintf(buf, 64, "%s", _("no sessions yet"));
	else if (r->n_unpaired == 0)
		snprintf(buf, 64, ngettext("%d paired", "all %d paired", (unsigned long)r->n_sessions), r->n_sessions);
	else
		snprintf(buf, 64, _("! %d of %d unpaired"), r->n_unpaired, r->n_sessions);
}

static run_row *run_row_new(const lk_run *r)
{
	run_row *row = calloc(1, sizeof *row);
	if (!row)
		return NULL;
	row->id = r->id;
	row->phase = r->phase;
	row->unpaired = r->n_unpaired > 0;
	row->title = strdup(r->title && *r->title ? r->title : _("(no title)"));
	if (r->first_date.year)
		uitext_date(r->first_date, row->first);
	else
		snprintf(row->first, sizeof row->first, "%s", "—");
	places_text(r, row->places);
	pairing_text(r, row->pairing);
	if (row->title)
		return row;
	run_row_free(row);
	return NULL;
}

static lk_run_filter runs_filter(const lk_list *l)
{
	return (lk_run_filter){.course_id = ((const lk_course_page *)l->arg)->id, .phase = -1};
}

static int64_t runs_count(lk_list *l, lk_err *err)
{
	lk_run_filter f = runs_filter(l);
	return run_count(course_page_ctx(l), &f, err);
}

struct fetch_ctx {
	lk_list *l;
	lk_err *err;
	int rc;
};

static int run_one(void *arg, const lk_run *r)
{
	struct fetch_ctx *fc = arg;
	run_row *row = run_row_new(r);
	fc->rc = row ? list_add_row(fc->l, row, fc->err) : lk_fail(fc->err, LK_ENOMEM, _("Out of memory."));
	return fc->rc < 0;
}

static int runs_fetch(lk_list *l, lk_page page, lk_err *err)
{
	lk_run_filter f = runs_filter(l);
	struct fetch_ctx fc = {l, err, 0};
	if (run_list(course_page_ctx(l), &f, page, run_one, &fc, err) < 0)
		return -1;
	return fc.rc;
}

static int64_t run_row_id(const void *row)
{
	return ((const run_row *)row)->id;
}

static lk_style run_cells(const void *row, const char **cells)
{
	const run_row *r = row;
	cells[0] = r->title;
	cells[1] = r->first;
	cells[2] = run_phase_label(r->phase);
	cells[3] = r->pairing;
	cells[4] = r->places;
	if (r->phase == LK_RUN_CANCELLED || r->phase == LK_RUN_CLOSED)
		return LK_STYLE_DIM;
	return r->unpaired ? LK_STYLE_WARNING : LK_STYLE_NORMAL;
}

static const lk_column run_cols[] = {
	{N_("Run"), 8, 2},
	{N_("First session"), 20, 0},
	{N_("Phase"), 8, 1},
	{N_("Pairing"), 12, 1},
	{N_("Places"), 0, 3},
};

static const lk_list_ops runs_list_ops = {
	.cols = run_cols, .ncols = 5,
	.count = runs_count, .fetch = runs_fetch, .row_free = run_row_free,
	.row_id = run_row_id, .row_cells = run_cells,
	.empty_text = N_("No runs of this course yet: press a to schedule the first."),
};

static void runs_open_run(lk_course_page *p, int64_t id)
{
	ui_push(p->ui, &run_view, &id, NULL);
}

static bool runs_request(lk_course_page *p, lk_action a)
{
	const run_row *r = list_selected(&p->list);
	if (a == LK_ACT_ADD) {
		if (courses_may_edit(p->ui))
			ui_push(p->ui, &course_run_form_view, &p->id, NULL);
		return true;
	}
	if (a == LK_ACT_EVAL_RESULTS) {
		lk_result_query q = {LK_RESULT_COURSE, p->id, 0};
		ui_push(p->ui, &eval_results_view, &q, NULL);
		return true;
	}
	if (a != LK_ACT_OPEN)
		return false;
	if (!r)
		ui_status(p->ui, LK_STYLE_WARNING, "%s", _("No run is selected."));
	else
		runs_open_run(p, r->id);
	return true;
}

static const lk_action runs_actions[] = {
	LK_ACT_MOVE_UP, LK_ACT_MOVE_DOWN, LK_ACT_PAGE_UP, LK_ACT_PAGE_DOWN,
	LK_ACT_MOVE_FIRST, LK_ACT_MOVE_LAST, LK_ACT_OPEN, LK_ACT_ADD, LK_ACT_EVAL_RESULTS, 0,
};
static const lk_action runs_hints[] = {LK_ACT_OPEN, LK_ACT_ADD, LK_ACT_EVAL_RESULTS, 0};

const lk_course_tab course_tab_runs = {
	.label = N_("Runs"),
	.list_ops = &runs_list_ops,
	.actions = runs_actions,
	.hints = runs_hints,
	.request = runs_request,
};

/* ---- the new run form ---- */

enum { F_TITLE, F_PLACE, F_CAPACITY, F_FIRST, F_RHYTHM, F_START, F_ROOM };
enum { RHYTHMS = 4 };

typedef struct run_form {
	lk_form form; /* first: the shared helpers read it */
	int64_t course_id;
	char *course_title;
	const char *rhythms[RHYTHMS];
} run_form;

static int run_form_build(run_form *s)
{
	s->rhythms[0] = _("weekly");
	s->rhythms[1] = _("every second week");
	s->rhythms[2] = _("every third week");
	s->rhythms[3] = _("every fourth week");
	lk_form *f = &s->form;
	form_init(f);
	bool ok = form_add_text(f, LK_FIELD_TEXT, _("Title"), false, NULL) == F_TITLE &&
		form_add_text(f, LK_FIELD_TEXT, _("Place"), false, NULL) == F_PLACE &&
		form_add_text(f, LK_FIELD_NUMBER, _("Capacity"), false, NULL) == F_CAPACITY &&
		form_add_text(f, LK_FIELD_DATE, _("First date"), true, NULL) == F_FIRST &&
		form_add_choice(f, _("Rhythm"), s->rhythms, RHYTHMS, 0) == F_RHYTHM &&
		form_add_text(f, LK_FIELD_TIME, _("Start time"), true, NULL) == F_START &&
		form_add_text(f, LK_FIELD_TEXT, _("Room"), false, NULL) == F_ROOM;
	return ok ? 0 : -1;
}

static int run_form_open(lk_view *v, const void *arg, lk_err *err)
{
	run_form *s = v->state;
	lk_course c;
	if (role_require(v->ui->ctx, LK_PERM_EDIT_PLAN, err) < 0 ||
	    course_get(v->ui->ctx, *(const int64_t *)arg, &c, err) < 0)
		return -1;
	s->course_id = c.id;
	s->course_title = strdup(c.title);
	course_free(&c);
	if (!s->course_title || run_form_build(s) < 0)
		return lk_fail(err, LK_ENOMEM, _("Out of memory."));
	return 0;
}

static void run_form_done(lk_view *v)
{
	run_form *s = v->state;
	form_free(&s->form);
	free(s->course_title);
}

static char *run_form_title(lk_view *v)
{
	return uitext_printf(_("New run of %s"), ((run_form *)v->state)->course_title);
}

/* Capacity, first date and start time as typed; -1 with the error on
 * its field. */
static int typed_schedule(run_form *s, long *capacity, lk_schedule *sch, lk_err *err)
{
	bool empty;
	*capacity = 0;
	if (form_number(&s->form, F_CAPACITY, 0, 1000, capacity, &empty, err) < 0 ||
	    form_date(&s->form, F_FIRST, &sch->first, NULL, err) < 0 ||
	    form_time(&s->form, F_START, &sch->hour, &sch->minute, NULL, err) < 0)
		return -1;
	sch->every_weeks = form_choice(&s->form, F_RHYTHM) + 1;
	sch->room = form_text(&s->form, F_ROOM);
	return 0;
}

/* run_create then run_schedule; a run that cannot be laid out is deleted
 * again so nothing half-made stays. Returns the sessions made, or -1. */
static int create_and_schedule(lk_ctx *ctx, lk_run *r, const lk_schedule *sch, lk_err *err)
{
	if (run_create(ctx, r, err) < 0)
		return -1;
	int n = run_schedule(ctx, r->id, sch, err);
	if (n >= 0)
		return n;
	lk_err undo;
	run_delete(ctx, r->id, r->version, NULL, &undo);
	return -1;
}

struct holidays {
	char *text;
	int n;
};

static int holiday_one(void *arg, const lk_session *ss)
{
	struct holidays *h = arg;
	if (!ss->holiday)
		return 0;
	char day[48];
	uitext_date(ss->starts_at.date, day);
	char *t = uitext_printf(_("%s\nSession %d, %s: %s"), h->text ? h->text : "", ss->seq, day, ss->holiday);
	if (t) {
		free(h->text);
		h->text = t;
		h->n++;
	}
	return 0;
}

/* Sessions of the new run that fall on a public holiday, in a dialog. */
static void warn_holidays(lk_ui *ui, int64_t run_id)
{
	struct holidays h = {NULL, 0};
	lk_err err;
	if (session_list(ui->ctx, run_id, holiday_one, &h, &err) < 0)
		ui_status_err(ui, &err);
	if (h.n > 0) {
		char *msg = uitext_printf(ngettext("%d session falls on a public holiday; move it or keep it on purpose:%s",
			"%d sessions fall on public holidays; move them or keep them on purpose:%s", (unsigned long)h.n),
			h.n, h.text);
		dialog_error(ui, _("Public holiday"), msg ? msg : h.text);
		free(msg);
	}
	free(h.text);
}

static void run_form_save(lk_view *v)
{
	run_form *s = v->state;
	lk_schedule sch = {0};
	long capacity;
	lk_err err;
	form_clear_errors(&s->form);
	if (typed_schedule(s, &capacity, &sch, &err) < 0) {
		ui_status_err(v->ui, &err);
		return;
	}
	lk_run r = {.course_id = s->course_id, .title = (char *)form_text(&s->form, F_TITLE),
		.place = (char *)form_text(&s->form, F_PLACE), .capacity = (int)capacity, .notes = ""};
	int n = create_and_schedule(v->ui->ctx, &r, &sch, &err);
	if (n < 0) {
		form_set_error(&s->form, &err);
		ui_status_err(v->ui, &err);
		return;
	}
	lk_ui *ui = v->ui;
	int64_t id = r.id;
	ui_pop(ui);
	ui_status(ui, LK_STYLE_OK, ngettext("Added the run with %d session.", "Added the run with %d sessions.",
		(unsigned long)n), n);
	warn_holidays(ui, id);
	ui_push(ui, &run_view, &id, NULL);
}

static bool run_form_request(lk_view *v, lk_action a)
{
	return course_form_request(v, a, run_form_save);
}

const lk_view_ops course_run_form_view = {
	.name = "course-run-form",
	.label = N_("New run"),
	.state_size = sizeof(run_form),
	.actions = form_actions,
	.hints = form_hints,
	.text_entry = true,
	.open = run_form_open,
	.done = run_form_done,
	.title = run_form_title,
	.draw = course_form_draw,
	.request = run_form_request,
	.input = course_form_input,
};
