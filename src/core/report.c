/* report.c — what every report shares: periods, kinds, the definitions
 * they print, numbers as people read them, and the audit entry for a
 * report that leaves the program (see report.h). */
#include "lmskurs/report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lmskurs/audit.h"
#include "lmskurs/codes.h"
#include "lmskurs/i18n.h"
#include "lmskurs/role.h"
#include "report_impl.h"

/* ---- periods ---- */

int report_period_check(lk_period p, lk_err *err)
{
	char f[11], t[11];
	if (!date_valid(p.from))
		return lk_fail(err, LK_EINVAL, _("From: choose a real date."));
	if (!date_valid(p.to))
		return lk_fail(err, LK_EINVAL, _("To: choose a real date."));
	if (date_cmp(p.from, p.to) <= 0)
		return 0;
	date_show(p.from, f);
	date_show(p.to, t);
	return lk_fail(err, LK_EINVAL, _("To (%s) is before From (%s): the period would be empty."), t, f);
}

static int parse_one(const char *label, const char *text, lk_date *out, lk_err *err)
{
	if (!text || !*text)
		return lk_fail(err, LK_EINVAL, _("%s: give a date, such as 01.01.2027."), label);
	if (date_parse(text, out, err) == 0)
		return 0;
	lk_err_prefix(err, "%s: ", label);
	return -1;
}

int report_period_parse(const char *from, const char *to, lk_period *out, lk_err *err)
{
	lk_period p;
	if (parse_one(_("From"), from, &p.from, err) < 0 || parse_one(_("To"), to, &p.to, err) < 0 ||
	    report_period_check(p, err) < 0)
		return -1;
	*out = p;
	return 0;
}

lk_period report_period_year(int year)
{
	return (lk_period){{year, 1, 1}, {year, 12, 31}};
}

void report_period_text(lk_period p, char buf[static 32])
{
	char f[11], t[11];
	date_show(p.from, f);
	date_show(p.to, t);
	snprintf(buf, 32, "%s–%s", f, t);
}

int report_begin(lk_ctx *ctx, lk_period p, report_iso *iso, lk_err *err)
{
	if (role_require(ctx, LK_PERM_REPORTS, err) < 0 || report_period_check(p, err) < 0)
		return -1;
	date_iso(p.from, iso->from);
	date_iso(date_add_days(p.to, 1), iso->to_next);
	return 0;
}

lk_date report_iso_date(const char *s)
{
	lk_date d = {0, 0, 0};
	if (!s || sscanf(s, "%4d-%2d-%2d", &d.year, &d.month, &d.day) != 3 || !date_valid(d))
		d = (lk_date){0, 0, 0};
	return d;
}

lk_datetime report_iso_datetime(const char *s)
{
	lk_datetime t = {{0, 0, 0}, 0, 0};
	lk_err ignore;
	if (!s || datetime_parse(s, &t, &ignore) < 0)
		t = (lk_datetime){{0, 0, 0}, 0, 0};
	return t;
}

/* ---- kinds ---- */

static const lk_code_name kinds[] = {
	[LK_REPORT_ACTIVITY] = {"activity", N_("Activity report")},
	[LK_REPORT_REGISTRATION] = {"registration", N_("Activity registration list")},
	[LK_REPORT_HONORARIUM] = {"honorarium", N_("Honorarium of user representatives")},
};

const char *report_kind_code(lk_report_kind k) { return codes_code(kinds, LK_NCODES(kinds), k); }
const char *report_kind_label(lk_report_kind k) { return codes_label(kinds, LK_NCODES(kinds), k); }

/* ---- numbers as people read them ---- */

int report_permille(int64_t part, int64_t whole)
{
	if (whole <= 0)
		return -1;
	return (int)((part * 2000 + whole) / (2 * whole));
}

void report_hours_text(int64_t minutes, char buf[static 40])
{
	long long h = (long long)(minutes / 60);
	int m = (int)(minutes % 60);
	if (m == 0)
		snprintf(buf, 40, _("%lld h"), h);
	else
		snprintf(buf, 40, _("%lld h %d min"), h, m);
}

void report_hours_short(int64_t minutes, char buf[static 40])
{
	int64_t tenths = (minutes + 3) / 6;
	snprintf(buf, 40, _("%lld.%d h"), (long long)(tenths / 10), (int)(tenths % 10));
}

void report_share_text(int64_t part, int64_t whole, char buf[static 24])
{
	int pm = report_permille(part, whole);
	if (pm < 0)
		snprintf(buf, 24, "–");
	else
		snprintf(buf, 24, _("%d.%d %%"), pm / 10, pm % 10);
}

void report_money_text(int64_t ore, char buf[static 32])
{
	if (ore < 0)
		buf[0] = 0;
	else
		snprintf(buf, 32, _("%lld.%02d"), (long long)(ore / 100), (int)(ore % 100));
}

void report_figure_text(const lk_report_figure *f, char buf[static 40])
{
	switch (f->unit) {
	case LK_FIG_MINUTES: report_hours_text(f->value, buf); break;
	case LK_FIG_SHARE: report_share_text(f->value, f->of, buf); break;
	default: snprintf(buf, 40, "%lld", (long long)f->value); break;
	}
}

/* ---- definitions ---- */

static const char *const activity_defs[] = {
	N_("Held: a session counts as held when it is marked held (attendance marked, or set held), whatever happened to its run later, and in the period when its date lies in it. Teaching hours are the held sessions' lengths added up."),
	N_("Sessions cancelled: sessions marked cancelled, and the sessions still planned of a cancelled run."),
	N_("Courses and runs held: those with at least one session held in the period. A run whose sessions fall in two months or years counts in both."),
	N_("Participants: an enrollment counts when the person had a place at one or more of the held sessions of the period; unique people count each person once (once in each category they came in)."),
	N_("Attendance rate: present marks divided by the places expected at held sessions (sessions held so far, not planned; sessions before someone got a place are not expected)."),
	NULL, /* completion: with the threshold */
	N_("Facilitation hours: each held session's length for each of its facilitators; the user representatives' share is their part of the whole."),
	N_("Runs cancelled: runs whose cancellation is dated in the period."),
};

static const char *const registration_defs[] = {
	N_("Held: sessions marked held. Teaching hours are the held sessions' lengths added up; the facilitators are those of the held sessions."),
	NULL, /* the funding criteria: with their numbers */
	N_("Listed: every registered participant, and anyone whose place was cancelled after being present at least once. Dates: the days they were marked present."),
	N_("Contains health information: keep it locked away and delete or shred it after use."),
};

static char *completion_def(const lk_ctx *ctx)
{
	const char *fmt = _("Completion: in runs that finished in the period (every session held or cancelled, the last held one in the period), the registered participants present at %d %% or more of the sessions expected of them; a place cancelled along the way counts as not completed.");
	int n = snprintf(NULL, 0, fmt, ctx->settings.completion_threshold_pct);
	char *s = malloc((size_t)n + 1);
	if (s)
		snprintf(s, (size_t)n + 1, fmt, ctx->settings.completion_threshold_pct);
	return s;
}

static char *funding_def(const lk_ctx *ctx, int i)
{
	char buf[512];
	(void)ctx;
	(void)i;
	snprintf(buf, sizeof buf, _("Funding criteria (ISF, special code A0099): at least %d teaching hours held; each participant present at %d %% or more of the held sessions expected of them (marked \"yes\" below); professionals of more than one profession and at least one user representative among the facilitators."),
		LK_FUNDING_MIN_MINUTES / 60, LK_FUNDING_ATTENDANCE_PCT);
	return strdup(buf);
}

static char *rounding_def(const lk_settings *s)
{
	char buf[512];
	if (s->honorarium_round_min > 1)
		snprintf(buf, sizeof buf, _("Actual time is rounded to the nearest %d minutes (halves up); an attendance in person is paid at least %d minutes; a meeting attended remotely is paid its rounded time; absence is not paid."),
			s->honorarium_round_min, s->honorarium_minimum_min);
	else
		snprintf(buf, sizeof buf, _("Actual time is paid as it is, not rounded; an attendance in person is paid at least %d minutes; a meeting attended remotely is paid its time; absence is not paid."),
			s->honorarium_minimum_min);
	return strdup(buf);
}

static char *rate_def(const lk_settings *s)
{
	char buf[512], money[32];
	if (s->honorarium_rate_ore <= 0)
		return strdup(_("No hourly rate is set ([honorarium] rate in the config), so the amounts are left empty."));
	report_money_text(s->honorarium_rate_ore, money);
	snprintf(buf, sizeof buf, _("Rate: %s kroner per hour; each amount is rounded to the øre, and the totals are the sums of the rows."), money);
	return strdup(buf);
}

/* Hands the n msgids (NULL: fill(i)) to each; returns how many, or -1. */
static int give_defs(const char *const *ids, int n, char *(*fill)(const lk_ctx *, int),
	const lk_ctx *ctx, int (*each)(void *, const char *), void *arg)
{
	for (int i = 0; i < n; i++) {
		char *own = ids[i] ? NULL : fill(ctx, i);
		if (!ids[i] && !own)
			return -1;
		int stop = each(arg, ids[i] ? _(ids[i]) : own);
		free(own);
		if (stop)
			return i + 1;
	}
	return n;
}

static char *activity_fill(const lk_ctx *ctx, int i)
{
	(void)i;
	return completion_def(ctx);
}

static char *honorarium_fill(const lk_ctx *ctx, int i)
{
	if (i == 0)
		return strdup(_("Paid: the held sessions a user representative facilitated, and the planning and evaluation meetings they attended, dated in the period."));
	return i == 1 ? rounding_def(&ctx->settings) : rate_def(&ctx->settings);
}

int report_definitions(const lk_ctx *ctx, lk_report_kind k, int (*each)(void *, const char *),
	void *arg)
{
	static const char *const none[3] = {NULL, NULL, NULL};
	switch (k) {
	case LK_REPORT_ACTIVITY:
		return give_defs(activity_defs, (int)LK_NCODES(activity_defs), activity_fill, ctx, each, arg);
	case LK_REPORT_REGISTRATION:
		return give_defs(registration_defs, (int)LK_NCODES(registration_defs), funding_def, ctx, each, arg);
	case LK_REPORT_HONORARIUM:
		return give_defs(none, 3, honorarium_fill, ctx, each, arg);
	default:
		return 0;
	}
}

/* ---- the audit entry ---- */

int report_log(lk_ctx *ctx, lk_report_kind k, int64_t run_id, const lk_period *p, int64_t rows,
	const char *where, lk_err *err)
{
	char detail[1024], period[32] = "";
	if (role_require(ctx, LK_PERM_REPORTS, err) < 0)
		return -1;
	if (p)
		snprintf(period, sizeof period, " %04d-%02d-%02d..%04d-%02d-%02d", p->from.year,
			p->from.month, p->from.day, p->to.year, p->to.month, p->to.day);
	snprintf(detail, sizeof detail, "%s%s: %lld rows, to %s", report_kind_code(k), period,
		(long long)rows, where && *where ? where : "-");
	if (store_begin(ctx->db, err) < 0)
		return -1;
	bool by_run = k == LK_REPORT_REGISTRATION;
	return ctx_end(ctx, audit_log(ctx, "report", by_run ? "run" : "report", by_run ? run_id : 0,
		detail, err), err);
}
