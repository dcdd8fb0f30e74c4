/*
 * runs.c — every run as a paged list, newest first (run_list/run_count):
 * course, run, dates with ISO weeks, phase, places and the pairing state in
 * words. Filters: text (/), year (-/+, 0 = all) and phase (f, cycling).
 */
#include "lmskurs/ui/runs.h"

#include <stdlib.h>
#include <string.h>

#include "lmskurs/i18n.h"
#include "lmskurs/ui/uitext.h"

typedef struct runs_row {
	int64_t id;
	lk_run_phase phase;
	bool unpaired;
	char *course, *title, *dates, *places, *pairing;
} runs_row;

typedef struct runs_state {
	lk_ctx *ctx;
	int year;  /* 0: every year */
	int phase; /* -1: every phase, else lk_run_phase */
	lk_list list;
} runs_state;

/* ---- the list source ---- */

static lk_run_filter runs_filter(const lk_list *l)
{
	const runs_state *s = l->arg;
	return (lk_run_filter){.year = s->year, .phase = s->phase, .text = l->filter};
}

static int64_t runs_count(lk_list *l, lk_err *err)
{
	lk_run_filter f = runs_filter(l);
	return run_count(((runs_state *)l->arg)->ctx, &f, err);
}

static void runs_row_free(void *row)
{
	runs_row *r = row;
	free(r->course);
	free(r->title);
	free(r->dates);
	free(r->places);
	free(r->pairing);
	free(r);
}

/* The row as shown, owning its texts; NULL when out of memory. */
static runs_row *runs_row_new(const lk_run *r)
{
	runs_row *row = calloc(1, sizeof *row);
	if (!row)
		return NULL;
	row->id = r->id;
	row->phase = r->phase;
	row->unpaired = r->n_unpaired > 0;
	row->course = uitext_printf("%s%s", row->unpaired ? "! " : "", r->course_title ? r->course_title : "");
	row->title = strdup(r->title ? r->title : "");
	row->dates = runs_dates_text(r->first_date, r->last_date);
	row->places = runs_places_text(r);
	row->pairing = runs_pairing_text(r);
	if (row->course && row->title && row->dates && row->places && row->pairing)
		return row;
	runs_row_free(row);
	return NULL;
}

struct fetch_ctx {
	lk_list *l;
	lk_err *err;
	int rc;
};

static int fetch_one(void *arg, const lk_run *r)
{
	struct fetch_ctx *fc = arg;
	runs_row *row = runs_row_new(r);
	if (!row)
		fc->rc = lk_fail(fc->err, LK_ENOMEM, _("Out of memory."));
	else
		fc->rc = list_add_row(fc->l, row, fc->err);
	return fc->rc < 0;
}

static int runs_fetch(lk_list *l, lk_page page, lk_err *err)
{
	lk_run_filter f = runs_filter(l);
	struct fetch_ctx fc = {l, err, 0};
	if (run_list(((runs_state *)l->arg)->ctx, &f, page, fetch_one, &fc, err) < 0)
		return -1;
	return fc.rc;
}

static int64_t runs_row_id(const void *row)
{
	return ((const runs_row *)row)->id;
}

static lk_style runs_cells(const void *row, const char **cells)
{
	const runs_row *r = row;
	cells[0] = r->course;
	cells[1] = r->title;
	cells[2] = run_phase_label(r->phase);
	cells[3] = r->dates;
	cells[4] = r->places;
	cells[5] = r->pairing;
	if (r->unpaired)
		return LK_STYLE_WARNING;
	return r->phase == LK_RUN_CLOSED || r->phase == LK_RUN_CANCELLED ? LK_STYLE_DIM : LK_STYLE_NORMAL;
}

/* The course, run and phase come first; an unpaired run's course carries
 * the "!" marker too, so the warning shows however narrow the terminal. */
static const lk_column runs_cols[] = {
	{N_("Course"), 10, 4},
	{N_("Run"), 10, 1},
	{N_("Phase"), 13, 1},
	{N_("Dates"), 26, 0},
	{N_("Places"), 6, 0},
	{N_("Pairing"), 21, 0},
};

static const lk_list_ops runs_list_ops = {
	.cols = runs_cols, .ncols = 6,
	.count = runs_count, .fetch = runs_fetch, .row_free = runs_row_free,
	.row_id = runs_row_id, .row_cells = runs_cells,
	.empty_text = N_("No runs to show. 0 shows every year, f steps through the phases; a new run is made from a course (Courses, its Runs tab)."),
	.no_match_text = N_("No run matches the filter; Esc clears it."),
};

/* ---- the view ---- */

static int runs_open(lk_view *v, const void *arg, lk_err *err)
{
	(void)arg;
	runs_state *s = v->state;
	s->ctx = v->ui->ctx;
	s->phase = -1;
	list_init(&s->list, &runs_list_ops, s);
	return list_reload(&s->list, err);
}

static void runs_done(lk_view *v)
{
	list_fini(&((runs_state *)v->state)->list);
}

static int runs_reload(lk_view *v, lk_err *err)
{
	return list_reload(&((runs_state *)v->state)->list, err);
}

static lk_list *runs_list(lk_view *v)
{
	return &((runs_state *)v->state)->list;
}

/* "Runs 2027: 10 runs in phase 'registration open' matching "kols"". */
static char *runs_title(lk_view *v)
{
	runs_state *s = v->state;
	char *year = s->year ? uitext_printf(_("Runs %d"), s->year) : uitext_printf("%s", _("Runs, all years"));
	char *count = uitext_printf(ngettext("%lld run", "%lld runs", (unsigned long)s->list.total),
		(long long)s->list.total);
	char *phase = s->phase >= 0 ? uitext_printf(_(" in phase '%s'"), run_phase_label((lk_run_phase)s->phase))
	                            : strdup("");
	char *match = s->list.filter ? uitext_printf(_(" matching \"%s\""), s->list.filter) : strdup("");
	char *t = year && count && phase && match ? uitext_printf("%s: %s%s%s", year, count, phase, match) : NULL;
	free(year);
	free(count);
	free(phase);
	free(match);
	return t;
}

/* Stepping from "every year" starts at this year. */
static void runs_step_year(runs_state *s, int step)
{
	s->year = s->year ? s->year + step : ctx_today(s->ctx).year;
}

static void runs_next_phase(runs_state *s)
{
	s->phase = s->phase + 1 >= LK_RUN_PHASE_COUNT ? -1 : s->phase + 1;
}

/* A changed filter starts from the top again. */
static void runs_refilter(lk_view *v)
{
	runs_state *s = v->state;
	lk_err err;
	if (list_set_filter(&s->list, s->list.filter, &err) < 0)
		ui_status_err(v->ui, &err);
}

static bool runs_request(lk_view *v, lk_action a)
{
	runs_state *s = v->state;
	const runs_row *row = list_selected(&s->list);
	switch (a) {
	case LK_ACT_YEAR_PREV: runs_step_year(s, -1); break;
	case LK_ACT_YEAR_NEXT: runs_step_year(s, 1); break;
	case LK_ACT_YEAR_ALL: s->year = 0; break;
	case LK_ACT_FILTER_PHASE: runs_next_phase(s); break;
	case LK_ACT_OPEN:
		if (row)
			ui_push(v->ui, &run_view, &row->id, NULL);
		else
			ui_status(v->ui, LK_STYLE_WARNING, "%s", _("No run is selected."));
		return true;
	default: return false;
	}
	runs_refilter(v);
	return true;
}

static const lk_action runs_actions[] = {
	LK_ACT_MOVE_UP, LK_ACT_MOVE_DOWN, LK_ACT_PAGE_UP, LK_ACT_PAGE_DOWN,
	LK_ACT_MOVE_FIRST, LK_ACT_MOVE_LAST, LK_ACT_OPEN, LK_ACT_BACK, LK_ACT_FILTER,
	LK_ACT_FILTER_PHASE, LK_ACT_YEAR_PREV, LK_ACT_YEAR_NEXT, LK_ACT_YEAR_ALL, 0,
};

static const lk_action runs_hints[] = {
	LK_ACT_OPEN, LK_ACT_FILTER, LK_ACT_YEAR_PREV, LK_ACT_YEAR_NEXT, LK_ACT_YEAR_ALL,
	LK_ACT_FILTER_PHASE, LK_ACT_BACK, 0,
};

const lk_view_ops runs_view = {
	.name = "runs",
	.label = N_("Runs"),
	.state_size = sizeof(runs_state),
	.actions = runs_actions,
	.hints = runs_hints,
	.open = runs_open,
	.done = runs_done,
	.title = runs_title,
	.reload = runs_reload,
	.list = runs_list,
	.request = runs_request,
};
