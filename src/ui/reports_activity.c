/* reports_activity.c — the activity report on the screen: the figures,
 * then bars by audience, course and month (year), each bar with its hours
 * beside it (ui/reports.h). */
#include "reports_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lmskurs/i18n.h"
#include "lmskurs/ui/uitext.h"

/* ---- the document ---- */

static int figures_table(lk_rdoc *d)
{
	lk_rdoc_table t = {.ncols = 3, .titles = {_("Figure"), _("Value"), ""},
		.min = {22, 9, 10}, .weight = {4, 0, 3}, .right = {false, true, false}, .bar_col = 2};
	return rdoc_table(d, &t);
}

static void add_figures(lk_rdoc *d, const lk_report_counts *n)
{
	lk_report_figure f[LK_REPORT_FIGURES];
	int t = figures_table(d);
	report_figures(n, f);
	rdoc_heading(d, _("Figures"));
	rdoc_header(d, t);
	for (int i = 0; i < LK_REPORT_FIGURES; i++) {
		char label[256], value[40];
		snprintf(label, sizeof label, "%s%s", f[i].indent ? "  " : "", _(f[i].label));
		report_figure_text(&f[i], value);
		bool share = f[i].unit == LK_FIG_SHARE;
		const char *cells[] = {label, value, ""};
		rdoc_row(d, t, LK_STYLE_NORMAL, cells, share ? f[i].value : 0, share ? f[i].of : 0);
	}
}

/* The table of a grouping; first names its first column. */
static int slices_table(lk_rdoc *d, const char *first)
{
	lk_rdoc_table t = {.ncols = 7,
		.titles = {first, _("Hours"), "", _("Sessions"), _("Participants"), _("Attendance"), _("Completed")},
		.min = {10, 9, 5, 4, 5, 7, 7}, .weight = {6, 0, 2, 0, 0, 0, 0},
		.right = {false, true, false, true, true, true, true}, .bar_col = 2};
	return rdoc_table(d, &t);
}

struct slices {
	lk_rdoc *d;
	int table;
};

static int add_slice(void *arg, const lk_report_row *r)
{
	struct slices *s = arg;
	char name[256], hours[40], ses[24], ppl[24], att[24], done[24];
	report_row_name(r, name, sizeof name);
	report_hours_short(r->n.teaching_min, hours);
	snprintf(ses, sizeof ses, "%lld", (long long)r->n.sessions_held);
	snprintf(ppl, sizeof ppl, "%lld", (long long)r->n.enrollments);
	report_share_text(r->n.present, r->n.expected, att);
	report_share_text(r->n.completed, r->n.finished_enrollments, done);
	const char *cells[] = {name, hours, "", ses, ppl, att, done};
	return rdoc_row(s->d, s->table, LK_STYLE_NORMAL, cells, r->n.teaching_min, r->max_teaching_min) < 0;
}

static int add_slices(lk_ctx *ctx, lk_period p, lk_report_by by, lk_rdoc *d, lk_err *err)
{
	static const char *const titles[LK_BY_COUNT][2] = {
		[LK_BY_AUDIENCE] = {N_("By audience"), N_("Audience")},
		[LK_BY_COURSE] = {N_("By course"), N_("Course")},
		[LK_BY_MONTH] = {N_("By month"), N_("Month")},
		[LK_BY_YEAR] = {N_("By year"), N_("Year")},
	};
	struct slices s = {d, slices_table(d, _(titles[by][1]))};
	rdoc_blank(d);
	rdoc_heading(d, _(titles[by][0]));
	rdoc_header(d, s.table);
	if (by == LK_BY_MONTH || by == LK_BY_YEAR)
		return report_activity_timeline(ctx, p, by, add_slice, &s, err);
	return report_activity(ctx, p, by, (lk_page){0, 0}, add_slice, &s, err);
}

int reports_activity_doc(lk_ctx *ctx, lk_period p, lk_rdoc *d, lk_err *err)
{
	lk_report_counts n;
	char period[32];
	rdoc_clear(d);
	if (report_activity_total(ctx, p, &n, err) < 0)
		return -1;
	report_period_text(p, period);
	char *head = uitext_printf(_("Period: %s"), period);
	rdoc_text(d, LK_STYLE_NORMAL, head ? head : "");
	free(head);
	rdoc_blank(d);
	add_figures(d, &n);
	if (add_slices(ctx, p, LK_BY_AUDIENCE, d, err) < 0 || add_slices(ctx, p, LK_BY_COURSE, d, err) < 0 ||
	    add_slices(ctx, p, report_time_grouping(p), d, err) < 0)
		return -1;
	if (rdoc_footer(ctx, LK_REPORT_ACTIVITY, d) < 0 || d->oom)
		return lk_fail(err, LK_ENOMEM, "%s", _("Out of memory."));
	return 0;
}

/* ---- the view ---- */

typedef struct activity_state {
	rdoc_view doc; /* first: the shared document view */
	lk_period p;
} activity_state;

static int activity_reload(lk_view *v, lk_err *err)
{
	activity_state *s = v->state;
	return reports_activity_doc(v->ui->ctx, s->p, &s->doc.doc, err);
}

static int activity_open(lk_view *v, const void *arg, lk_err *err)
{
	activity_state *s = v->state;
	s->p = *(const lk_period *)arg;
	return activity_reload(v, err);
}

static void activity_done(lk_view *v)
{
	rdoc_view_free(&((activity_state *)v->state)->doc);
}

static char *activity_title(lk_view *v)
{
	activity_state *s = v->state;
	char period[32];
	report_period_text(s->p, period);
	return uitext_printf("%s %s", report_kind_label(LK_REPORT_ACTIVITY), period);
}

static void activity_draw(lk_view *v, lk_rect r)
{
	rdoc_view_draw(&((activity_state *)v->state)->doc, v->ui, r);
}

/* The same dates a year earlier or later (29 February becomes the 28th). */
static lk_date year_shift(lk_date d, int years)
{
	lk_date e = {d.year + years, d.month, d.day};
	if (!date_valid(e))
		e.day = 28;
	return e;
}

static void activity_shift(lk_view *v, int years)
{
	activity_state *s = v->state;
	lk_period old = s->p;
	lk_err err;
	s->p = (lk_period){year_shift(old.from, years), year_shift(old.to, years)};
	reports_working(v->ui);
	if (activity_reload(v, &err) < 0) {
		s->p = old;
		ui_status_err(v->ui, &err);
		if (activity_reload(v, &err) < 0)
			ui_status_err(v->ui, &err);
		return;
	}
	s->doc.top = 0;
}

static bool activity_request(lk_view *v, lk_action a)
{
	activity_state *s = v->state;
	lk_report_export x = {LK_REPORT_ACTIVITY, LK_EXPORT_PDF, s->p, 0};
	if (rdoc_view_move(&s->doc, a))
		return true;
	switch (a) {
	case LK_ACT_YEAR_PREV: activity_shift(v, -1); return true;
	case LK_ACT_YEAR_NEXT: activity_shift(v, 1); return true;
	case LK_ACT_EXPORT_PDF: reports_export(v->ui, &x); return true;
	case LK_ACT_EXPORT_CSV: x.format = LK_EXPORT_CSV; reports_export(v->ui, &x); return true;
	default: return false;
	}
}

static const lk_action activity_actions[] = {
	LK_ACT_MOVE_UP, LK_ACT_MOVE_DOWN, LK_ACT_PAGE_UP, LK_ACT_PAGE_DOWN, LK_ACT_MOVE_FIRST,
	LK_ACT_MOVE_LAST, LK_ACT_BACK, LK_ACT_YEAR_PREV, LK_ACT_YEAR_NEXT, LK_ACT_EXPORT_PDF,
	LK_ACT_EXPORT_CSV, 0,
};

static const lk_action activity_hints[] = {
	LK_ACT_EXPORT_PDF, LK_ACT_EXPORT_CSV, LK_ACT_YEAR_PREV, LK_ACT_YEAR_NEXT, LK_ACT_BACK, 0,
};

const lk_view_ops report_activity_view = {
	.name = "report-activity",
	.label = N_("Activity report"),
	.state_size = sizeof(activity_state),
	.actions = activity_actions,
	.hints = activity_hints,
	.open = activity_open,
	.done = activity_done,
	.title = activity_title,
	.reload = activity_reload,
	.draw = activity_draw,
	.request = activity_request,
};
