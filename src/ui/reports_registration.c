/* reports_registration.c — activity registration lists on the screen: the
 * runs held in a period, each with whether it meets the funding criteria,
 * and one run's list with the criteria, the reasons and every participant's
 * dates (ui/reports.h). */
#include "reports_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lmskurs/i18n.h"
#include "lmskurs/ui/uitext.h"

/* ---- one run's list ---- */

static void add_run_head(lk_rdoc *d, const lk_registration *r)
{
	char first[11] = "", last[11] = "", hours[40];
	if (r->first_date.year)
		date_show(r->first_date, first);
	if (r->last_date.year)
		date_show(r->last_date, last);
	report_hours_text(r->teaching_min, hours);
	char *place = *r->place ? uitext_printf(_("Place: %s"), r->place) : NULL;
	char *sessions = uitext_printf(_("Sessions %s–%s: %d held, %d planned, %d cancelled; %s of teaching held."),
		first, last, r->sessions_held, r->sessions_planned, r->sessions_cancelled, hours);
	if (place)
		rdoc_text(d, LK_STYLE_NORMAL, place);
	rdoc_text(d, LK_STYLE_NORMAL, sessions ? sessions : "");
	free(place);
	free(sessions);
}

/* "yes  At least 7 teaching hours: 9 h of teaching held." — the word says
 * it; the style only underlines it. */
static void add_criteria(lk_rdoc *d, const lk_registration *r)
{
	char *head = uitext_printf("%s: %s", _("Funding criteria (ISF, A0099)"), r->meets ? _("met") : _("NOT met"));
	rdoc_blank(d);
	rdoc_heading(d, head ? head : "");
	free(head);
	for (int i = 0; i < LK_FUND_COUNT; i++) {
		char label[96];
		report_criterion_text((lk_funding_criterion)i, label);
		char *t = uitext_printf("%s %s: %s", r->met[i] ? _("yes") : _("! no"), label, r->reason[i]);
		rdoc_text(d, r->met[i] ? LK_STYLE_OK : LK_STYLE_WARNING, t ? t : "");
		free(t);
	}
}

static int participants_table(lk_rdoc *d)
{
	lk_rdoc_table t = {.ncols = 5,
		.titles = {_("Name"), _("Category"), _("Present"), _("≥ 80 %"), _("Dates present")},
		.min = {14, 8, 7, 6, 12}, .weight = {2, 0, 0, 0, 5},
		.right = {false, false, true, false, false}, .bar_col = -1};
	return rdoc_table(d, &t);
}

/* "01.02, 08.02, 15.02.2027": the year once, at the end of its dates. */
static void dates_text(const lk_reg_participant *p, char *buf, size_t size)
{
	size_t len = 0;
	buf[0] = 0;
	for (int i = 0; i < p->n_dates && len + 16 < size; i++) {
		const lk_date *d = &p->dates[i];
		len += (size_t)snprintf(buf + len, size - len, "%s%02d.%02d", i ? ", " : "", d->day, d->month);
		if (i + 1 == p->n_dates || p->dates[i + 1].year != d->year)
			len += (size_t)snprintf(buf + len, size - len, ".%d", d->year);
	}
}

struct part_rows {
	lk_rdoc *d;
	int table, n;
};

static int add_participant(void *arg, const lk_reg_participant *p)
{
	struct part_rows *w = arg;
	char name[300], present[48], dates[1024];
	if (!*p->name)
		snprintf(name, sizeof name, _("(name removed) no. %lld"), (long long)p->participant_id);
	else if (p->status == LK_ENR_CANCELLED)
		snprintf(name, sizeof name, _("%s (place cancelled)"), p->name);
	else
		snprintf(name, sizeof name, "%s", p->name);
	snprintf(present, sizeof present, "%d/%d", p->present, p->held_expected);
	dates_text(p, dates, sizeof dates);
	const char *cells[] = {name, enroll_category_label(p->category), present,
		p->meets_attendance ? _("yes") : _("no"), dates};
	w->n++;
	return rdoc_row(w->d, w->table, LK_STYLE_NORMAL, cells, 0, 0) < 0;
}

int reports_registration_doc(lk_ctx *ctx, int64_t run_id, lk_rdoc *d, lk_err *err)
{
	lk_registration r;
	rdoc_clear(d);
	int rc = report_registration(ctx, run_id, &r, err);
	if (rc == 0) {
		add_run_head(d, &r);
		add_criteria(d, &r);
	}
	registration_free(&r);
	struct part_rows w = {d, participants_table(d), 0};
	rdoc_blank(d);
	rdoc_heading(d, _("Participants"));
	rdoc_header(d, w.table);
	if (rc < 0 || report_registration_participants(ctx, run_id, (lk_page){0, 0}, add_participant, &w, err) < 0)
		return -1;
	if (w.n == 0)
		rdoc_text(d, LK_STYLE_DIM, _("Nobody is registered in this run."));
	if (rdoc_footer(ctx, LK_REPORT_REGISTRATION, d) < 0 || d->oom)
		return lk_fail(err, LK_ENOMEM, "%s", _("Out of memory."));
	return 0;
}

typedef struct registration_state {
	rdoc_view doc;
	int64_t run_id;
	char *title; /* "Leve med diabetes, Våren 2027", from the last read */
} registration_state;

static int registration_reload(lk_view *v, lk_err *err)
{
	registration_state *s = v->state;
	lk_registration r;
	if (report_registration(v->ui->ctx, s->run_id, &r, err) == 0) {
		free(s->title);
		s->title = uitext_printf("%s%s%s", r.course_title, *r.run_title ? ", " : "", r.run_title);
	}
	registration_free(&r);
	return reports_registration_doc(v->ui->ctx, s->run_id, &s->doc.doc, err);
}

static int registration_open(lk_view *v, const void *arg, lk_err *err)
{
	((registration_state *)v->state)->run_id = *(const int64_t *)arg;
	return registration_reload(v, err);
}

static void registration_done(lk_view *v)
{
	registration_state *s = v->state;
	rdoc_view_free(&s->doc);
	free(s->title);
}

static char *registration_title(lk_view *v)
{
	registration_state *s = v->state;
	return uitext_printf(_("Registration list: %s"), s->title ? s->title : "");
}

static void registration_draw(lk_view *v, lk_rect r)
{
	rdoc_view_draw(&((registration_state *)v->state)->doc, v->ui, r);
}

static bool registration_request(lk_view *v, lk_action a)
{
	registration_state *s = v->state;
	if (rdoc_view_move(&s->doc, a))
		return true;
	if (a != LK_ACT_EXPORT_CSV)
		return false;
	lk_report_export x = {LK_REPORT_REGISTRATION, LK_EXPORT_CSV, {{0, 0, 0}, {0, 0, 0}}, s->run_id};
	reports_export(v->ui, &x);
	return true;
}

static const lk_action registration_actions[] = {
	LK_ACT_MOVE_UP, LK_ACT_MOVE_DOWN, LK_ACT_PAGE_UP, LK_ACT_PAGE_DOWN, LK_ACT_MOVE_FIRST,
	LK_ACT_MOVE_LAST, LK_ACT_BACK, LK_ACT_EXPORT_CSV, 0,
};

static const lk_action registration_hints[] = {LK_ACT_EXPORT_CSV, LK_ACT_BACK, 0};

const lk_view_ops report_registration_view = {
	.name = "report-registration",
	.label = N_("Activity registration list"),
	.state_size = sizeof(registration_state),
	.actions = registration_actions,
	.hints = registration_hints,
	.open = registration_open,
	.done = registration_done,
	.title = registration_title,
	.reload = registration_reload,
	.draw = registration_draw,
	.request = registration_request,
};

/* ---- the runs of a period ---- */

typedef struct run_row {
	int64_t id;
	char *cells[5]; /* run, funding, dates, held, hours */
	bool meets;
} run_row;

typedef struct runs_state {
	lk_list list;
	lk_ctx *ctx;
	lk_period p;
} runs_state;

static void run_row_free(void *row)
{
	run_row *r = row;
	for (int i = 0; i < 5; i++)
		free(r->cells[i]);
	free(r);
}

/* "no: hours, professions" — the criteria not met, by short names. */
static char *funding_text(const lk_registration *g)
{
	static const char *const short_names[LK_FUND_COUNT] = {
		N_("hours"), N_("attendance"), N_("professions"), N_("user representative")};
	char buf[256] = "";
	size_t len = 0;
	if (g->meets)
		return strdup(_("yes"));
	len = (size_t)snprintf(buf, sizeof buf, "%s", _("! no:"));
	for (int i = 0; i < LK_FUND_COUNT && len < sizeof buf; i++)
		if (!g->met[i])
			len += (size_t)snprintf(buf + len, sizeof buf - len, " %s%s", _(short_names[i]),
				i + 1 < LK_FUND_COUNT ? "," : "");
	while (len && (buf[len - 1] == ',' || buf[len - 1] == ' '))
		buf[--len] = 0;
	return strdup(buf);
}

/* "20.01–10.02.2026", or with both years when they differ; "" without dates. */
static void span_text(lk_date a, lk_date b, char buf[static 32])
{
	char last[11];
	buf[0] = 0;
	if (!a.year || !b.year)
		return;
	date_show(b, last);
	if (a.year == b.year)
		snprintf(buf, 32, "%02d.%02d–%s", a.day, a.month, last);
	else
		snprintf(buf, 32, "%02d.%02d.%d–%s", a.day, a.month, a.year, last);
}

static run_row *row_of(runs_state *s, const lk_report_run *r, lk_err *err)
{
	run_row *row = calloc(1, sizeof *row);
	lk_registration g = {0};
	char dates[32], hours[40];
	if (!row)
		lk_fail(err, LK_ENOMEM, "%s", _("Out of memory."));
	if (!row || report_registration(s->ctx, r->run_id, &g, err) < 0) {
		registration_free(&g);
		free(row);
		return NULL;
	}
	span_text(r->first_date, r->last_date, dates);
	report_hours_text(g.teaching_min, hours);
	row->id = r->run_id;
	row->meets = g.meets;
	row->cells[0] = uitext_printf("%s%s%s", r->course_title, *r->run_title ? ", " : "", r->run_title);
	row->cells[1] = funding_text(&g);
	row->cells[2] = strdup(dates);
	row->cells[3] = uitext_printf("%d", g.sessions_held);
	row->cells[4] = strdup(hours);
	registration_free(&g);
	return row;
}

struct runs_fetch {
	runs_state *s;
	lk_err *err;
	int rc;
};

static int fetch_run(void *arg, const lk_report_run *r)
{
	struct runs_fetch *f = arg;
	run_row *row = row_of(f->s, r, f->err);
	if (!row) {
		f->rc = -1;
		return 1;
	}
	for (int i = 0; i < 5; i++)
		if (!row->cells[i]) {
			run_row_free(row);
			f->rc = lk_fail(f->err, LK_ENOMEM, "%s", _("Out of memory."));
			return 1;
		}
	f->rc = list_add_row(&f->s->list, row, f->err);
	return f->rc < 0;
}

static int64_t runs_count(lk_list *l, lk_err *err)
{
	runs_state *s = l->arg;
	return report_runs_count(s->ctx, s->p, err);
}

static int runs_fetch_page(lk_list *l, lk_page page, lk_err *err)
{
	runs_state *s = l->arg;
	struct runs_fetch f = {s, err, 0};
	if (report_runs(s->ctx, s->p, page, fetch_run, &f, err) < 0)
		return -1;
	return f.rc;
}

static int64_t run_row_id(const void *row)
{
	return ((const run_row *)row)->id;
}

static lk_style run_cells(const void *row, const char **cells)
{
	const run_row *r = row;
	for (int i = 0; i < 5; i++)
		cells[i] = r->cells[i];
	return r->meets ? LK_STYLE_NORMAL : LK_STYLE_WARNING;
}

static const lk_column runs_cols[] = {
	{N_("Run"), 14, 4}, {N_("Funding criteria"), 10, 3}, {N_("Dates"), 16, 0}, {N_("Held"), 4, 0},
	{N_("Hours"), 11, 0},
};

static const lk_list_ops runs_list_ops = {
	.cols = runs_cols, .ncols = 5,
	.count = runs_count, .fetch = runs_fetch_page, .row_free = run_row_free,
	.row_id = run_row_id, .row_cells = run_cells,
	.empty_text = N_("No run held a session in this period."),
	.no_match_text = N_("No run held a session in this period."),
};

static int runs_open(lk_view *v, const void *arg, lk_err *err)
{
	runs_state *s = v->state;
	s->ctx = v->ui->ctx;
	s->p = *(const lk_period *)arg;
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

static char *runs_title(lk_view *v)
{
	runs_state *s = v->state;
	char period[32];
	report_period_text(s->p, period);
	return uitext_printf(ngettext("Registration lists %s: %lld run", "Registration lists %s: %lld runs",
		(unsigned long)s->list.total), period, (long long)s->list.total);
}

static bool runs_request(lk_view *v, lk_action a)
{
	runs_state *s = v->state;
	const run_row *r = list_selected(&s->list);
	if (a != LK_ACT_OPEN && a != LK_ACT_EXPORT_CSV)
		return false;
	if (!r) {
		ui_status(v->ui, LK_STYLE_WARNING, "%s", _("No run is selected."));
		return true;
	}
	lk_report_export x = {LK_REPORT_REGISTRATION, LK_EXPORT_CSV, s->p, r->id};
	if (a == LK_ACT_OPEN)
		ui_push(v->ui, &report_registration_view, &r->id, NULL);
	else
		reports_export(v->ui, &x);
	return true;
}

static const lk_action runs_actions[] = {
	LK_ACT_MOVE_UP, LK_ACT_MOVE_DOWN, LK_ACT_PAGE_UP, LK_ACT_PAGE_DOWN, LK_ACT_MOVE_FIRST,
	LK_ACT_MOVE_LAST, LK_ACT_OPEN, LK_ACT_BACK, LK_ACT_EXPORT_CSV, 0,
};

static const lk_action runs_hints[] = {LK_ACT_OPEN, LK_ACT_EXPORT_CSV, LK_ACT_BACK, 0};

const lk_view_ops report_runs_view = {
	.name = "report-runs",
	.label = N_("Registration lists"),
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
