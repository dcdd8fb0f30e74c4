/* report_registration.c — the activity registration list of a run and the
 * funding criteria of DESIGN.md §2 (see report.h). */
#include "lmskurs/report.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lmskurs/i18n.h"
#include "lmskurs/role.h"
#include "lmskurs/store/report.h"
#include "report_impl.h"

void report_criterion_text(lk_funding_criterion c, char buf[static 96])
{
	switch (c) {
	case LK_FUND_HOURS:
		snprintf(buf, 96, _("At least %d teaching hours"), LK_FUNDING_MIN_MINUTES / 60);
		break;
	case LK_FUND_ATTENDANCE:
		snprintf(buf, 96, _("At least %d %% attendance per participant"), LK_FUNDING_ATTENDANCE_PCT);
		break;
	case LK_FUND_PROFESSIONS:
		snprintf(buf, 96, "%s", _("Professionals of more than one profession"));
		break;
	case LK_FUND_USER_REP:
		snprintf(buf, 96, "%s", _("A user representative among the facilitators"));
		break;
	default:
		buf[0] = 0;
	}
}

void registration_free(lk_registration *r)
{
	if (!r)
		return;
	free(r->course_title);
	free(r->run_title);
	free(r->place);
	free(r->professions);
	for (int i = 0; i < LK_FUND_COUNT; i++)
		free(r->reason[i]);
	memset(r, 0, sizeof *r);
}

/* ---- the facilitators of held sessions ---- */

struct fac_sum {
	lk_registration *r;
	char *list;   /* growing "lege, sykepleier" */
	bool oom;
};

static void list_add(struct fac_sum *f, const char *word)
{
	size_t old = f->list ? strlen(f->list) : 0, n = strlen(word);
	char *s = f->oom ? NULL : realloc(f->list, old + n + 3);
	if (!s) {
		f->oom = true;
		return;
	}
	snprintf(s + old, n + 3, "%s%s", old ? ", " : "", word);
	f->list = s;
}

static int fac_one(void *arg, const char *kind, const char *profession, int64_t people)
{
	struct fac_sum *f = arg;
	if (strcmp(kind, "user_rep") == 0) {
		f->r->n_user_reps += (int)people;
		return 0;
	}
	f->r->n_professionals += (int)people;
	if (!*profession) {
		f->r->professionals_without_profession += (int)people;
		return 0;
	}
	f->r->n_professions++;
	list_add(f, profession);
	return f->oom;
}

static int read_facilitators(lk_ctx *ctx, lk_registration *r, lk_err *err)
{
	struct fac_sum f = {r, NULL, false};
	int rc = store_report_facilitators(ctx->db, r->run_id, fac_one, &f, err);
	if (rc == 0 && f.oom)
		rc = lk_fail(err, LK_ENOMEM, _("Out of memory."));
	r->professions = f.list ? f.list : strdup("");
	if (rc == 0 && !r->professions)
		rc = lk_fail(err, LK_ENOMEM, _("Out of memory."));
	return rc;
}

/* ---- the criteria, each with what was found ---- */

static char *say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static char *say(const char *fmt, ...)
{
	char buf[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	return strdup(buf);
}

static char *hours_reason(const lk_registration *r)
{
	char held[40];
	report_hours_text(r->teaching_min, held);
	if (r->sessions_held == 0)
		return say("%s", _("No session has been held yet."));
	if (r->teaching_min >= LK_FUNDING_MIN_MINUTES)
		return say(_("%s of teaching held."), held);
	return say(_("Only %s of teaching held; at least %d h are needed."), held, LK_FUNDING_MIN_MINUTES / 60);
}

static char *attendance_reason(const lk_registration *r)
{
	if (r->participants == 0)
		return say("%s", _("No participants are registered."));
	if (r->participants_meeting > 0)
		return say(ngettext("%d of %d participant was present at 80 %% or more of the held sessions.",
				"%d of %d participants were present at 80 %% or more of the held sessions.",
				(unsigned long)r->participants),
			r->participants_meeting, r->participants);
	return say(ngettext("None of the %d participant was present at 80 %% or more of the held sessions.",
			"None of the %d participants was present at 80 %% or more of the held sessions.",
			(unsigned long)r->participants),
		r->participants);
}

static char *professions_reason(const lk_registration *r)
{
	int blank = r->professionals_without_profession;
	if (r->n_professions > 1)
		return say(_("Facilitated by professionals of %d professions: %s."), r->n_professions, r->professions);
	if (r->n_professionals == 0)
		return say("%s", _("No professional facilitated a held session."));
	if (r->n_professions == 1 && blank == 0)
		return say(_("Only one profession among the professionals: %s."), r->professions);
	if (r->n_professions == 1)
		return say(ngettext("Only one profession is known: %s; %d professional has no profession written in People.",
				"Only one profession is known: %s; %d professionals have no profession written in People.",
				(unsigned long)blank),
			r->professions, blank);
	return say(ngettext("No profession is known: %d professional has no profession written in People.",
			"No profession is known: %d professionals have no profession written in People.",
			(unsigned long)blank),
		blank);
}

static char *user_rep_reason(const lk_registration *r)
{
	if (r->n_user_reps == 0)
		return say("%s", _("No user representative facilitated a held session."));
	return say(ngettext("%d user representative facilitated.", "%d user representatives facilitated.",
			(unsigned long)r->n_user_reps),
		r->n_user_reps);
}

static int judge(lk_registration *r, lk_err *err)
{
	r->met[LK_FUND_HOURS] = r->teaching_min >= LK_FUNDING_MIN_MINUTES;
	r->met[LK_FUND_ATTENDANCE] = r->participants_meeting > 0;
	r->met[LK_FUND_PROFESSIONS] = r->n_professions > 1;
	r->met[LK_FUND_USER_REP] = r->n_user_reps > 0;
	r->reason[LK_FUND_HOURS] = hours_reason(r);
	r->reason[LK_FUND_ATTENDANCE] = attendance_reason(r);
	r->reason[LK_FUND_PROFESSIONS] = professions_reason(r);
	r->reason[LK_FUND_USER_REP] = user_rep_reason(r);
	r->meets = true;
	for (int i = 0; i < LK_FUND_COUNT; i++) {
		if (!r->reason[i])
			return lk_fail(err, LK_ENOMEM, _("Out of memory."));
		r->meets &= r->met[i];
	}
	return 0;
}

static int read_header(lk_ctx *ctx, int64_t run_id, lk_registration *out, lk_err *err)
{
	lk_store_reg_codes codes = {0};
	int found = store_report_registration(ctx->db, run_id, out, &codes, err);
	if (found == 0)
		return lk_fail(err, LK_ENOTFOUND, _("There is no run with number %lld."), (long long)run_id);
	if (found < 0)
		return -1;
	lk_run_phase ph;
	out->phase = run_phase_parse(codes.phase, &ph) == 0 ? ph : LK_RUN_SCHEDULING;
	out->first_date = report_iso_date(codes.first_date);
	out->last_date = report_iso_date(codes.last_date);
	return 0;
}

int report_registration(lk_ctx *ctx, int64_t run_id, lk_registration *out, lk_err *err)
{
	memset(out, 0, sizeof *out);
	if (role_require(ctx, LK_PERM_REPORTS, err) < 0 || read_header(ctx, run_id, out, err) < 0 ||
	    read_facilitators(ctx, out, err) < 0 ||
	    store_report_participant_counts(ctx->db, run_id, LK_FUNDING_ATTENDANCE_PCT,
		    &out->participants, &out->participants_meeting, err) < 0)
		return -1;
	return judge(out, err);
}

/* ---- participants ---- */

struct part_walk {
	int (*each)(void *arg, const lk_reg_participant *p);
	void *arg;
	lk_err *err;
	int rc;
};

static int date_order(const void *a, const void *b)
{
	return date_cmp(*(const lk_date *)a, *(const lk_date *)b);
}

/* The space-separated ISO dates into a sorted array (caller frees); *n
 * how many. NULL with *n = 0 for none, and when out of memory (*oom). */
static lk_date *parse_dates(const char *s, int *n, bool *oom)
{
	int cap = 1;
	for (const char *p = s; *p; p++)
		cap += *p == ' ';
	*n = 0;
	if (!*s)
		return NULL;
	lk_date *d = calloc((size_t)cap, sizeof *d);
	if (!d) {
		*oom = true;
		return NULL;
	}
	for (const char *p = s; *p && *n < cap; p += strcspn(p, " "), p += *p == ' ')
		if ((d[*n] = report_iso_date(p)).year)
			(*n)++;
	qsort(d, (size_t)*n, sizeof *d, date_order);
	return d;
}

static int part_row(void *arg, const lk_store_participant *s)
{
	struct part_walk *w = arg;
	bool oom = false;
	lk_reg_participant p = {.enrollment_id = s->enrollment_id, .participant_id = s->participant_id,
		.name = s->name, .referral = s->referral, .present = s->present,
		.held_expected = s->held_expected};
	lk_category cat;
	lk_enroll_status st;
	p.category = enroll_category_parse(s->category, &cat) == 0 ? cat : LK_CAT_PATIENT;
	p.status = enroll_status_parse(s->status, &st) == 0 ? st : LK_ENR_REGISTERED;
	p.meets_attendance = s->held_expected > 0 &&
		s->present * 100 >= LK_FUNDING_ATTENDANCE_PCT * s->held_expected;
	lk_date *dates = parse_dates(s->dates, &p.n_dates, &oom);
	p.dates = dates;
	if (oom) {
		w->rc = lk_fail(w->err, LK_ENOMEM, _("Out of memory."));
		return 1;
	}
	int stop = w->each(w->arg, &p);
	free(dates);
	return stop;
}

int report_registration_participants(lk_ctx *ctx, int64_t run_id, lk_page page,
	int (*each)(void *, const lk_reg_participant *), void *arg, lk_err *err)
{
	if (role_require(ctx, LK_PERM_REPORTS, err) < 0)
		return -1;
	struct part_walk w = {each, arg, err, 0};
	if (store_report_participants(ctx->db, run_id, page, part_row, &w, err) < 0)
		return -1;
	return w.rc;
}
