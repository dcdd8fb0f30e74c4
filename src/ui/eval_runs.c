/*
 * eval_runs.c — Home's Evaluation section (eval_runs_view): the runs to
 * evaluate, a page at a time, with how many forms are in. It starts on
 * the runs in evaluation; f cycles execution, closed and every phase; /
 * filters by text. Enter opens the run's evaluation; Q the questionnaires.
 */
#include "lmskurs/ui/eval.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lmskurs/i18n.h"
#include "lmskurs/response.h"
#include "lmskurs/ui/uitext.h"

typedef struct erun_row {
	int64_t id;
	char *course, *title;
	lk_run_phase phase;
	char first[48], forms[24];
} erun_row;

typedef struct eruns_state {
	lk_ctx *ctx;
	int phase; /* -1 any, else lk_run_phase */
	lk_list list;
} eruns_state;

/* The phases f steps through, then every phase (-1). */
static const int phase_cycle[] = {LK_RUN_EVALUATION, LK_RUN_EXECUTION, LK_RUN_CLOSED, -1};

static void erun_row_free(void *row)
{
	erun_row *r = row;
	if (!r)
		return;
	free(r->course);
	free(r->title);
	free(r);
}

static erun_row *erun_row_new(const lk_run *r)
{
	erun_row *row = calloc(1, sizeof *row);
	if (!row)
		return NULL;
	row->id = r->id;
	row->phase = r->phase;
	row->course = strdup(r->course_title ? r->course_title : "");
	row->title = strdup(r->title && *r->title ? r->title : _("(no title)"));
	if (r->first_date.year)
		uitext_date(r->first_date, row->first);
	else
		snprintf(row->first, sizeof row->first, "%s", "—");
	if (row->course && row->title)
		return row;
	erun_row_free(row);
	return NULL;
}

static lk_run_filter erun_filter(const lk_list *l)
{
	const eruns_state *s = l->arg;
	return (lk_run_filter){.phase = s->phase, .text = l->filter};
}

static int64_t eruns_count(lk_list *l, lk_err *err)
{
	lk_run_filter f = erun_filter(l);
	return run_count(((eruns_state *)l->arg)->ctx, &f, err);
}

struct page_rows {
	erun_row **v;
	int n, cap;
	bool oom;
};

static int erun_one(void *arg, const lk_run *r)
{
	struct page_rows *p = arg;
	erun_row *row = p->n < p->cap ? erun_row_new(r) : NULL;
	if (!row)
		return p->oom = true;
	p->v[p->n++] = row;
	return 0;
}

/* The page's runs first, then their form counts (no query inside the
 * run listing), then into the list. */
static int eruns_fetch(lk_list *l, lk_page page, lk_err *err)
{
	eruns_state *s = l->arg;
	lk_run_filter f = erun_filter(l);
	struct page_rows p = {calloc((size_t)page.limit + 1, sizeof *p.v), 0, page.limit, false};
	if (!p.v)
		return lk_fail(err, LK_ENOMEM, _("Out of memory."));
	int rc = run_list(s->ctx, &f, page, erun_one, &p, err);
	if (rc == 0 && p.oom)
		rc = lk_fail(err, LK_ENOMEM, _("Out of memory."));
	for (int i = 0; rc == 0 && i < p.n; i++) {
		int64_t n = response_count(s->ctx, p.v[i]->id, err);
		rc = n < 0 ? -1 : 0;
		snprintf(p.v[i]->forms, sizeof p.v[i]->forms, "%lld", (long long)n);
	}
	for (int i = 0; i < p.n; i++) {
		if (rc == 0)
			rc = list_add_row(l, p.v[i], err);
		else
			erun_row_free(p.v[i]);
	}
	free(p.v);
	return rc;
}

static int64_t erun_row_id(const void *row)
{
	return ((const erun_row *)row)->id;
}

static lk_style erun_cells(const void *row, const char **cells)
{
	const erun_row *r = row;
	cells[0] = r->course;
	cells[1] = r->title;
	cells[2] = run_phase_label(r->phase);
	cells[3] = r->forms;
	cells[4] = r->first;
	return LK_STYLE_NORMAL;
}

static const lk_column erun_cols[] = {
	{N_("Course"), 14, 3},
	{N_("Run"), 8, 2},
	{N_("Phase"), 10, 0},
	{N_("Forms"), 5, 0},
	{N_("First session"), 10, 1},
};

static const lk_list_ops eruns_list_ops = {
	.cols = erun_cols, .ncols = 5,
	.count = eruns_count, .fetch = eruns_fetch, .row_free = erun_row_free,
	.row_id = erun_row_id, .row_cells = erun_cells,
	.empty_text = N_("No run is in this phase; f shows another phase."),
	.no_match_text = N_("No run matches the filter; Esc clears it."),
};

static int eruns_open(lk_view *v, const void *arg, lk_err *err)
{
	(void)arg;
	eruns_state *s = v->state;
	s->ctx = v->ui->ctx;
	s->phase = LK_RUN_EVALUATION;
	list_init(&s->list, &eruns_list_ops, s);
	return list_reload(&s->list, err);
}

static void eruns_done(lk_view *v)
{
	list_fini(&((eruns_state *)v->state)->list);
}

static int eruns_reload(lk_view *v, lk_err *err)
{
	return list_reload(&((eruns_state *)v->state)->list, err);
}

static lk_list *eruns_list(lk_view *v)
{
	return &((eruns_state *)v->state)->list;
}

static char *eruns_title(lk_view *v)
{
	eruns_state *s = v->state;
	unsigned long n = (unsigned long)s->list.total;
	if (s->phase < 0)
		return uitext_printf(ngettext("Evaluation: %lld run in any phase", "Evaluation: %lld runs in any phase", n),
			(long long)s->list.total);
	return uitext_printf(ngettext("Evaluation: %lld run in %s", "Evaluation: %lld runs in %s", n),
		(long long)s->list.total, run_phase_label((lk_run_phase)s->phase));
}

static void eruns_cycle(lk_view *v)
{
	eruns_state *s = v->state;
	size_t n = sizeof phase_cycle / sizeof phase_cycle[0], i = 0;
	lk_err err;
	while (i < n && phase_cycle[i] != s->phase)
		i++;
	s->phase = phase_cycle[(i + 1) % n];
	if (list_move_to(&s->list, 0, &err) < 0 || list_reload(&s->list, &err) < 0)
		ui_status_err(v->ui, &err);
}

static bool eruns_request(lk_view *v, lk_action a)
{
	eruns_state *s = v->state;
	const erun_row *r = list_selected(&s->list);
	switch (a) {
	case LK_ACT_FILTER_PHASE: eruns_cycle(v); return true;
	case LK_ACT_QUESTIONNAIRES: ui_push(v->ui, &questionnaires_view, NULL, NULL); return true;
	case LK_ACT_OPEN:
		if (r)
			ui_push(v->ui, &eval_run_view, &r->id, NULL);
		else
			ui_status(v->ui, LK_STYLE_WARNING, "%s", _("No run is selected."));
		return true;
	default: return false;
	}
}

static const lk_action eruns_actions[] = {
	LK_ACT_MOVE_UP, LK_ACT_MOVE_DOWN, LK_ACT_PAGE_UP, LK_ACT_PAGE_DOWN, LK_ACT_MOVE_FIRST,
	LK_ACT_MOVE_LAST, LK_ACT_OPEN, LK_ACT_BACK, LK_ACT_FILTER, LK_ACT_FILTER_PHASE,
	LK_ACT_QUESTIONNAIRES, 0,
};
static const lk_action eruns_hints[] = {
	LK_ACT_OPEN, LK_ACT_FILTER_PHASE, LK_ACT_FILTER, LK_ACT_QUESTIONNAIRES, LK_ACT_BACK, 0,
};

const lk_view_ops eval_runs_view = {
	.name = "eval-runs",
	.label = N_("Evaluation"),
	.state_size = sizeof(eruns_state),
	.actions = eruns_actions,
	.hints = eruns_hints,
	.open = eruns_open,
	.done = eruns_done,
	.title = eruns_title,
	.reload = eruns_reload,
	.list = eruns_list,
	.request = eruns_request,
};
