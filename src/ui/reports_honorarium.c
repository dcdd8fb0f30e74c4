/* reports_honorarium.c — the user representatives' honorarium on the
 * screen: per person the sessions and meetings, the paid time with a bar
 * beside its number, and the amount (ui/reports.h). The items one by one
 * go to payroll as CSV (c). */
#include "reports_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lmskurs/i18n.h"
#include "lmskurs/ui/uitext.h"

static int people_table(lk_rdoc *d)
{
	lk_rdoc_table t = {.ncols = 6,
		.titles = {_("User representative"), _("Sessions"), _("Meetings"), _("Paid"), "", _("Amount")},
		.min = {16, 4, 4, 11, 6, 9}, .weight = {4, 0, 0, 0, 3, 0},
		.right = {false, true, true, true, false, true}, .bar_col = 4};
	return rdoc_table(d, &t);
}

struct people {
	lk_rdoc *d;
	int table;
	int first;      /* the first person's line */
	int64_t max;    /* the most paid minutes of one person */
};

static void total_cells(const lk_hon_total *t, const char *name, char ses[24], char mtg[24],
	char paid[40], char amount[32], const char *cells[6])
{
	snprintf(ses, 24, "%d", t->sessions);
	snprintf(mtg, 24, "%d", t->meetings);
	report_hours_text(t->paid_min, paid);
	report_money_text(t->amount_ore, amount);
	const char *c[6] = {name, ses, mtg, paid, "", amount};
	memcpy(cells, c, sizeof c);
}

static int add_person(void *arg, const lk_hon_total *t)
{
	struct people *w = arg;
	char ses[24], mtg[24], paid[40], amount[32];
	const char *cells[6];
	char *name = *t->organisation ? uitext_printf("%s (%s)", t->name, t->organisation) : strdup(t->name);
	total_cells(t, name ? name : "", ses, mtg, paid, amount, cells);
	int row = rdoc_row(w->d, w->table, LK_STYLE_NORMAL, cells, t->paid_min, 0);
	free(name);
	if (w->first < 0)
		w->first = row;
	w->max = t->paid_min > w->max ? t->paid_min : w->max;
	return row < 0;
}

static void add_rate(lk_ctx *ctx, lk_rdoc *d)
{
	char money[32];
	report_money_text(ctx->settings.honorarium_rate_ore, money);
	char *t = ctx->settings.honorarium_rate_ore > 0 ? uitext_printf(_("Rate: %s kroner per hour."), money)
		: strdup(_("! No hourly rate is set ([honorarium] rate in the config): the amounts are left empty."));
	rdoc_text(d, ctx->settings.honorarium_rate_ore > 0 ? LK_STYLE_NORMAL : LK_STYLE_WARNING, t ? t : "");
	free(t);
}

/* Scales every person's bar to the most paid, now that it is known. */
static void set_scale(lk_rdoc *d, int first, int64_t max)
{
	for (int i = first; i >= 0 && i < d->n; i++)
		d->lines[i].bar_max = max;
}

static void add_grand(lk_rdoc *d, int table, const lk_hon_total *g)
{
	char ses[24], mtg[24], paid[40], amount[32];
	const char *cells[6];
	total_cells(g, _("All user representatives"), ses, mtg, paid, amount, cells);
	rdoc_row(d, table, LK_STYLE_TITLE, cells, 0, 0);
}

int reports_honorarium_doc(lk_ctx *ctx, lk_period p, lk_rdoc *d, lk_err *err)
{
	char period[32];
	lk_hon_total grand;
	rdoc_clear(d);
	struct people w = {d, people_table(d), -1, 0};
	lk_hon_sink sink = {NULL, add_person, &w};
	report_period_text(p, period);
	char *head = uitext_printf(_("Period: %s"), period);
	rdoc_text(d, LK_STYLE_NORMAL, head ? head : "");
	free(head);
	add_rate(ctx, d);
	rdoc_blank(d);
	rdoc_header(d, w.table);
	if (report_honorarium(ctx, p, &sink, &grand, err) < 0)
		return -1;
	set_scale(d, w.first, w.max);
	if (w.first < 0)
		rdoc_text(d, LK_STYLE_DIM, _("No user representative facilitated or attended a meeting in this period."));
	add_grand(d, w.table, &grand);
	if (rdoc_footer(ctx, LK_REPORT_HONORARIUM, d) < 0 || d->oom)
		return lk_fail(err, LK_ENOMEM, "%s", _("Out of memory."));
	return 0;
}

/* ---- the view ---- */

typedef struct honorarium_state {
	rdoc_view doc;
	lk_period p;
} honorarium_state;

static int honorarium_reload(lk_view *v, lk_err *err)
{
	honorarium_state *s = v->state;
	return reports_honorarium_doc(v->ui->ctx, s->p, &s->doc.doc, err);
}

static int honorarium_open(lk_view *v, const void *arg, lk_err *err)
{
	((honorarium_state *)v->state)->p = *(const lk_period *)arg;
	return honorarium_reload(v, err);
}

static void honorarium_done(lk_view *v)
{
	rdoc_view_free(&((honorarium_state *)v->state)->doc);
}

static char *honorarium_title(lk_view *v)
{
	honorarium_state *s = v->state;
	char period[32];
	report_period_text(s->p, period);
	return uitext_printf("%s %s", report_kind_label(LK_REPORT_HONORARIUM), period);
}

static void honorarium_draw(lk_view *v, lk_rect r)
{
	rdoc_view_draw(&((honorarium_state *)v->state)->doc, v->ui, r);
}

static bool honorarium_request(lk_view *v, lk_action a)
{
	honorarium_state *s = v->state;
	if (rdoc_view_move(&s->doc, a))
		return true;
	if (a != LK_ACT_EXPORT_CSV)
		return false;
	lk_report_export x = {LK_REPORT_HONORARIUM, LK_EXPORT_CSV, s->p, 0};
	reports_export(v->ui, &x);
	return true;
}

static const lk_action honorarium_actions[] = {
	LK_ACT_MOVE_UP, LK_ACT_MOVE_DOWN, LK_ACT_PAGE_UP, LK_ACT_PAGE_DOWN, LK_ACT_MOVE_FIRST,
	LK_ACT_MOVE_LAST, LK_ACT_BACK, LK_ACT_EXPORT_CSV, 0,
};

static const lk_action honorarium_hints[] = {LK_ACT_EXPORT_CSV, LK_ACT_BACK, 0};

const lk_view_ops report_honorarium_view = {
	.name = "report-honorarium",
	.label = N_("Honorarium of user representatives"),
	.state_size = sizeof(honorarium_state),
	.actions = honorarium_actions,
	.hints = honorarium_hints,
	.open = honorarium_open,
	.done = honorarium_done,
	.title = honorarium_title,
	.reload = honorarium_reload,
	.draw = honorarium_draw,
	.request = honorarium_request,
};
