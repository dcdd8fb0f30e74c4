/* report_activity.c — the activity report and the runs held in a period
 * (see report.h for the definitions; the sums are store/report.c's). */
#include "lmskurs/report.h"

#include <stdio.h>
#include <string.h>

#include "lmskurs/i18n.h"
#include "lmskurs/store/report.h"
#include "report_impl.h"

/* ---- the activity report ---- */

struct activity_walk {
	lk_report_by by;
	int (*each)(void *arg, const lk_report_row *row);
	void *arg;
};

static int activity_row(void *arg, const lk_store_slice *s)
{
	struct activity_walk *w = arg;
	lk_report_row row = {.by = w->by, .key = s->key, .course_id = s->course_id,
		.course_title = s->course_title, .n = s->n, .max_teaching_min = s->max_teaching_min};
	lk_audience a = LK_AUDIENCE_PATIENTS;
	if (course_audience_parse(s->audience, &a) == 0)
		row.audience = a;
	return w->each(w->arg, &row);
}

int report_activity(lk_ctx *ctx, lk_period p, lk_report_by by, lk_page page,
	int (*each)(void *, const lk_report_row *), void *arg, lk_err *err)
{
	report_iso iso;
	if (report_begin(ctx, p, &iso, err) < 0)
		return -1;
	if ((unsigned)by >= LK_BY_COUNT)
		return lk_fail(err, LK_EINVAL, _("Choose how the report is grouped: all, by audience, by course, by month or by year."));
	struct activity_walk w = {by, each, arg};
	return store_report_activity(ctx->db, iso.from, iso.to_next, (int)by,
		ctx->settings.completion_threshold_pct, page, activity_row, &w, err);
}

static int take_total(void *arg, const lk_report_row *row)
{
	*(lk_report_counts *)arg = row->n;
	return 1;
}

int report_activity_total(lk_ctx *ctx, lk_period p, lk_report_counts *out, lk_err *err)
{
	memset(out, 0, sizeof *out);
	return report_activity(ctx, p, LK_BY_ALL, (lk_page){0, 1}, take_total, out, err);
}

/* ---- time lines ---- */

lk_report_by report_time_grouping(lk_period p)
{
	int months = (p.to.year - p.from.year) * 12 + p.to.month - p.from.month + 1;
	return months <= 24 ? LK_BY_MONTH : LK_BY_YEAR;
}

struct timeline {
	lk_report_by by;
	lk_date next, end;   /* the first slice not yet given; the period's end */
	int64_t max;         /* the scale of the bars, once a row has said it */
	int (*each)(void *arg, const lk_report_row *row);
	void *arg;
	int stop;
};

static lk_date slice_start(lk_report_by by, const char *key)
{
	lk_date d = {0, 1, 1};
	sscanf(key, by == LK_BY_YEAR ? "%4d" : "%4d-%2d", &d.year, &d.month);
	return d;
}

static lk_date slice_after(lk_report_by by, lk_date d)
{
	if (by == LK_BY_YEAR || d.month == 12)
		return (lk_date){d.year + 1, 1, 1};
	return (lk_date){d.year, d.month + 1, 1};
}

/* Rows of zeros for the slices from t->next up to (not including) until. */
static int give_gaps(struct timeline *t, lk_date until)
{
	while (!t->stop && date_cmp(t->next, until) < 0 && date_cmp(t->next, t->end) <= 0) {
		char key[16];
		if (t->by == LK_BY_YEAR)
			snprintf(key, sizeof key, "%04d", t->next.year);
		else
			snprintf(key, sizeof key, "%04d-%02d", t->next.year, t->next.month);
		lk_report_row zero = {.by = t->by, .key = key, .course_title = "", .max_teaching_min = t->max};
		t->stop = t->each(t->arg, &zero);
		t->next = slice_after(t->by, t->next);
	}
	return t->stop;
}

static int timeline_row(void *arg, const lk_report_row *r)
{
	struct timeline *t = arg;
	lk_date d = slice_start(t->by, r->key);
	t->max = r->max_teaching_min;
	if (give_gaps(t, d))
		return 1;
	t->next = slice_after(t->by, d);
	return t->stop = t->each(t->arg, r);
}

int report_activity_timeline(lk_ctx *ctx, lk_period p, lk_report_by by,
	int (*each)(void *, const lk_report_row *), void *arg, lk_err *err)
{
	if (by != LK_BY_MONTH && by != LK_BY_YEAR)
		return lk_fail(err, LK_EINVAL, _("A time line goes by month or by year."));
	struct timeline t = {by, {p.from.year, by == LK_BY_YEAR ? 1 : p.from.month, 1}, p.to, 0, each, arg, 0};
	if (report_activity(ctx, p, by, (lk_page){0, 0}, timeline_row, &t, err) < 0)
		return -1;
	give_gaps(&t, slice_after(by, p.to));
	return 0;
}

static const char *const month_names[12] = {
	N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
	N_("July"), N_("August"), N_("September"), N_("October"), N_("November"), N_("December"),
};

void report_row_name(const lk_report_row *r, char *buf, size_t size)
{
	lk_date d = slice_start(r->by, r->key);
	switch (r->by) {
	case LK_BY_AUDIENCE: snprintf(buf, size, "%s", course_audience_label(r->audience)); break;
	case LK_BY_COURSE: snprintf(buf, size, "%s", r->course_title); break;
	case LK_BY_MONTH:
		snprintf(buf, size, "%s %d", d.month >= 1 && d.month <= 12 ? _(month_names[d.month - 1]) : "", d.year);
		break;
	case LK_BY_YEAR: snprintf(buf, size, "%d", d.year); break;
	default: snprintf(buf, size, "%s", ""); break;
	}
}

/* ---- figures ---- */

static lk_report_figure fig(const char *code, const char *label, lk_figure_unit unit, int64_t value,
	int64_t of, int indent)
{
	return (lk_report_figure){code, label, unit, value, of, indent};
}

void report_figures(const lk_report_counts *c, lk_report_figure out[static LK_REPORT_FIGURES])
{
	int64_t fac = c->fac_min_professional + c->fac_min_user_rep;
	int i = 0;
	out[i++] = fig("courses", N_("Courses held"), LK_FIG_COUNT, c->courses, 0, 0);
	out[i++] = fig("runs", N_("Runs held"), LK_FIG_COUNT, c->runs, 0, 0);
	out[i++] = fig("runs_finished", N_("finished in the period"), LK_FIG_COUNT, c->runs_finished, 0, 1);
	out[i++] = fig("runs_cancelled", N_("Runs cancelled"), LK_FIG_COUNT, c->runs_cancelled, 0, 0);
	out[i++] = fig("sessions_held", N_("Sessions held"), LK_FIG_COUNT, c->sessions_held, 0, 0);
	out[i++] = fig("sessions_cancelled", N_("Sessions cancelled"), LK_FIG_COUNT, c->sessions_cancelled, 0, 0);
	out[i++] = fig("teaching_min", N_("Teaching hours"), LK_FIG_MINUTES, c->teaching_min, 0, 0);
	out[i++] = fig("enrollments", N_("Participants (enrollments)"), LK_FIG_COUNT, c->enrollments, 0, 0);
	out[i++] = fig("enrollments_patient", N_("patients"), LK_FIG_COUNT, c->enrollments_patient, 0, 1);
	out[i++] = fig("enrollments_relative", N_("relatives"), LK_FIG_COUNT, c->enrollments_relative, 0, 1);
	out[i++] = fig("people", N_("Unique people"), LK_FIG_COUNT, c->people, 0, 0);
	out[i++] = fig("people_patient", N_("patients"), LK_FIG_COUNT, c->people_patient, 0, 1);
	out[i++] = fig("people_relative", N_("relatives"), LK_FIG_COUNT, c->people_relative, 0, 1);
	out[i++] = fig("attendance", N_("Attendance rate"), LK_FIG_SHARE, c->present, c->expected, 0);
	out[i++] = fig("completion", N_("Completed (participants of finished runs)"), LK_FIG_SHARE,
		c->completed, c->finished_enrollments, 0);
	out[i++] = fig("facilitation_min", N_("Facilitation hours"), LK_FIG_MINUTES, fac, 0, 0);
	out[i++] = fig("facilitation_professional_min", N_("by professionals"), LK_FIG_MINUTES,
		c->fac_min_professional, 0, 1);
	out[i++] = fig("facilitation_user_rep_min", N_("by user representatives"), LK_FIG_MINUTES,
		c->fac_min_user_rep, 0, 1);
	out[i++] = fig("user_rep_share", N_("User representatives' share"), LK_FIG_SHARE,
		c->fac_min_user_rep, fac, 0);
}

/* ---- runs held in a period ---- */

struct runs_walk {
	int (*each)(void *arg, const lk_report_run *r);
	void *arg;
};

static int runs_row(void *arg, const lk_store_run *s)
{
	struct runs_walk *w = arg;
	lk_report_run r = {.run_id = s->run_id, .course_title = s->course_title,
		.run_title = s->run_title, .phase = LK_RUN_SCHEDULING,
		.first_date = report_iso_date(s->first_date), .last_date = report_iso_date(s->last_date),
		.sessions_held = s->sessions_held, .teaching_min = s->teaching_min};
	lk_run_phase ph;
	if (run_phase_parse(s->phase, &ph) == 0)
		r.phase = ph;
	return w->each(w->arg, &r);
}

int report_runs(lk_ctx *ctx, lk_period p, lk_page page,
	int (*each)(void *, const lk_report_run *), void *arg, lk_err *err)
{
	report_iso iso;
	if (report_begin(ctx, p, &iso, err) < 0)
		return -1;
	struct runs_walk w = {each, arg};
	return store_report_runs(ctx->db, iso.from, iso.to_next, page, runs_row, &w, err);
}

int64_t report_runs_count(lk_ctx *ctx, lk_period p, lk_err *err)
{
	report_iso iso;
	if (report_begin(ctx, p, &iso, err) < 0)
		return -1;
	return store_report_runs_count(ctx->db, iso.from, iso.to_next, err);
}
