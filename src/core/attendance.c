#include "lmskurs/attendance.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lmskurs/audit.h"
#include "lmskurs/codes.h"
#include "lmskurs/i18n.h"
#include "lmskurs/phase.h"
#include "lmskurs/role.h"
#include "lmskurs/store/attendance.h"
#include "lmskurs/store/enroll.h"
#include "lmskurs/text.h"

static const lk_code_name att_statuses[] = {
	[LK_ATT_PRESENT] = {"present", N_("present")},
	[LK_ATT_ABSENT] = {"absent", N_("absent")},
	[LK_ATT_EXCUSED] = {"excused", N_("excused")},
};

const char *attendance_status_code(lk_att_status s) { return codes_code(att_statuses, LK_NCODES(att_statuses), s); }
const char *attendance_status_label(lk_att_status s) { return codes_label(att_statuses, LK_NCODES(att_statuses), s); }

int attendance_status_parse(const char *code, lk_att_status *out)
{
	int i;
	if (codes_parse(att_statuses, LK_NCODES(att_statuses), code, &i) < 0)
		return -1;
	*out = (lk_att_status)i;
	return 0;
}

/* ---- what marking checks ---- */

/* A session and an enrollment, checked for marking. */
typedef struct mark_target {
	lk_att_session s;
	bool after_day; /* today is later than the session's date */
	char old[12];   /* the existing mark's stored status, "" for none */
} mark_target;

/* Attendance is kept while the run is under way (execution) and, for the
 * late paper sheet and corrections, in evaluation. */
static int phase_check(const char *code, lk_err *err)
{
	lk_run_phase ph;
	if (run_phase_parse(code, &ph) < 0)
		return lk_fail(err, LK_EDB, _("A run has an unknown phase '%s' in the database."), code);
	if (ph == LK_RUN_EXECUTION || ph == LK_RUN_EVALUATION)
		return 0;
	if (ph == LK_RUN_CLOSED || ph == LK_RUN_CANCELLED)
		return lk_fail(err, LK_ERULE, _("The run is %s; its attendance can no longer be changed."), run_phase_label(ph));
	return lk_fail(err, LK_ERULE, _("The run is in the phase '%s'; attendance is marked once it is in '%s' (and corrected in '%s')."),
		run_phase_label(ph), run_phase_label(LK_RUN_EXECUTION), run_phase_label(LK_RUN_EVALUATION));
}

static int session_check(lk_ctx *ctx, int64_t sid, mark_target *t, lk_err *err)
{
	int found = store_att_session(ctx->db, sid, &t->s, err);
	if (found <= 0)
		return found < 0 ? -1 : lk_fail(err, LK_ENOTFOUND, _("There is no session with number %lld."), (long long)sid);
	if (phase_check(t->s.run_phase, err) < 0)
		return -1;
	if (strcmp(t->s.status, "cancelled") == 0)
		return lk_fail(err, LK_ERULE, _("This session is cancelled; no attendance is kept for it."));
	lk_datetime start;
	if (datetime_parse(t->s.starts_at, &start, err) < 0)
		return -1;
	int cmp = date_cmp(ctx_today(ctx), start.date);
	char shown[11];
	date_show(start.date, shown);
	if (cmp < 0)
		return lk_fail(err, LK_ERULE, _("This session is on %s; attendance can be marked from that day."), shown);
	t->after_day = cmp > 0;
	return 0;
}

/* The date at the start of a stored stamp ("2027-03-04T..."). */
static lk_date date_prefix(const char *iso)
{
	lk_date d = {0, 0, 0};
	sscanf(iso, "%4d-%2d-%2d", &d.year, &d.month, &d.day);
	return d;
}

/* Messages name participants by number only: they reach logs and stderr. */
static int enrollment_check(const lk_enrollment *e, const mark_target *t, lk_err *err)
{
	long long no = (long long)e->participant_id;
	if (e->run_id != t->s.run_id)
		return lk_fail(err, LK_ERULE, _("Participant no. %lld is not enrolled in this session's run."), no);
	if (e->status != LK_ENR_REGISTERED)
		return lk_fail(err, LK_ERULE, _("Participant no. %lld is %s in this run; only registered participants have attendance."),
			no, enroll_status_label(e->status));
	if (strncmp(e->placed_at, t->s.starts_at, 10) <= 0)
		return 0;
	char p[11], d[11];
	date_show(date_prefix(e->placed_at), p);
	date_show(date_prefix(t->s.starts_at), d);
	return lk_fail(err, LK_ERULE, _("Participant no. %lld got a place on %s, after this session (%s): the session is not expected of them, so it cannot be marked."),
		no, p, d);
}

static int target_load(lk_ctx *ctx, int64_t sid, int64_t eid, mark_target *t, lk_err *err)
{
	memset(t, 0, sizeof *t);
	if (session_check(ctx, sid, t, err) < 0)
		return -1;
	lk_enrollment e = {0};
	int found = store_enroll_get(ctx->db, eid, &e, err);
	int rc = found < 0 ? -1 : 0;
	if (found == 0)
		rc = lk_fail(err, LK_ENOTFOUND, _("There is no enrollment with number %lld."), (long long)eid);
	if (rc == 0)
		rc = enrollment_check(&e, t, err);
	enrollment_free(&e);
	if (rc == 0 && store_att_get(ctx->db, sid, eid, t->old, err) < 0)
		rc = -1;
	return rc;
}

/* The trimmed reason into *out (caller frees); a correction needs one. */
static int reason_take(const char *reason, bool correction, char **out, lk_err *err)
{
	*out = text_trim_dup(reason);
	if (!*out)
		return lk_fail(err, LK_ENOMEM, _("Out of memory."));
	if (correction && !(*out)[0])
		return lk_fail(err, LK_EINVAL, _("Changing attendance after the session's day is a correction: write a reason."));
	return 0;
}

/* ---- marking ---- */

static int mark_in_tx(lk_ctx *ctx, int64_t sid, int64_t eid, lk_att_status status,
	const char *reason, lk_err *err)
{
	mark_target t;
	if (target_load(ctx, sid, eid, &t, err) < 0)
		return -1;
	const char *code = attendance_status_code(status);
	if (strcmp(t.old, code) == 0)
		return 0;
	bool correction = t.old[0] && t.after_day;
	char *why = NULL, stamp[20], detail[96];
	ctx_stamp(ctx, stamp);
	if (t.old[0])
		snprintf(detail, sizeof detail, "enrollment %lld: %s -> %s", (long long)eid, t.old, code);
	else
		snprintf(detail, sizeof detail, "enrollment %lld: %s", (long long)eid, code);
	int rc = reason_take(reason, correction, &why, err);
	if (rc == 0)
		rc = store_att_put(ctx->db, sid, eid, code, ctx->login, stamp, why, err);
	if (rc == 0)
		rc = store_att_session_held(ctx->db, sid, err);
	if (rc == 0)
		rc = audit_log(ctx, correction ? "correct" : t.old[0] ? "update" : "create",
			"attendance", sid, detail, err);
	free(why);
	return rc;
}

static int input_check(const char *reason, lk_err *err)
{
	return text_check(_("Reason"), reason, false, LK_SHORT_MAX, false, err);
}

int attendance_mark(lk_ctx *ctx, int64_t session_id, int64_t enrollment_id, lk_att_status status,
	const char *reason, lk_err *err)
{
	if (role_require(ctx, LK_PERM_MARK_ATTENDANCE, err) < 0)
		return -1;
	if (status != LK_ATT_PRESENT && status != LK_ATT_ABSENT && status != LK_ATT_EXCUSED)
		return lk_fail(err, LK_EINVAL, _("Choose present, absent or excused."));
	if (input_check(reason, err) < 0 || store_begin(ctx->db, err) < 0)
		return -1;
	int rc = mark_in_tx(ctx, session_id, enrollment_id, status, reason, err);
	return ctx_end(ctx, rc, err);
}

/* "enrollment 5: present cleared; reason: …", newly allocated. */
static char *clear_detail(int64_t eid, const char *old, const char *why)
{
	const char *fmt = why[0] ? "enrollment %lld: %s cleared; reason: %s" : "enrollment %lld: %s cleared%s";
	int n = snprintf(NULL, 0, fmt, (long long)eid, old, why);
	char *s = n < 0 ? NULL : malloc((size_t)n + 1);
	if (s)
		snprintf(s, (size_t)n + 1, fmt, (long long)eid, old, why);
	return s;
}

static int clear_in_tx(lk_ctx *ctx, int64_t sid, int64_t eid, const char *reason, lk_err *err)
{
	mark_target t;
	if (target_load(ctx, sid, eid, &t, err) < 0)
		return -1;
	if (!t.old[0])
		return lk_fail(err, LK_ENOTFOUND, _("There is no attendance mark to clear."));
	char *why = NULL;
	int rc = reason_take(reason, t.after_day, &why, err);
	char *detail = NULL;
	if (rc == 0 && !(detail = clear_detail(eid, t.old, why)))
		rc = lk_fail(err, LK_ENOMEM, _("Out of memory."));
	if (rc == 0)
		rc = store_att_delete(ctx->db, sid, eid, err);
	if (rc == 0)
		rc = audit_log(ctx, t.after_day ? "correct" : "delete", "attendance", sid, detail, err);
	free(detail);
	free(why);
	return rc;
}

int attendance_clear(lk_ctx *ctx, int64_t session_id, int64_t enrollment_id, const char *reason,
	lk_err *err)
{
	if (role_require(ctx, LK_PERM_MARK_ATTENDANCE, err) < 0 || input_check(reason, err) < 0 ||
	    store_begin(ctx->db, err) < 0)
		return -1;
	int rc = clear_in_tx(ctx, session_id, enrollment_id, reason, err);
	return ctx_end(ctx, rc, err);
}

/* ---- sums ---- */

/* Rate, completion and unreachability from the counts (see attendance.h). */
static void summary_finish(const lk_ctx *ctx, lk_attendance_summary *s)
{
	long planned = s->planned_expected;
	long need = (long)ctx->settings.completion_threshold_pct * planned;
	long best = planned - s->absent - s->excused;
	s->threshold_pct = ctx->settings.completion_threshold_pct;
	s->rate_pct = s->held_expected > 0 ? s->present * 100 / s->held_expected : -1;
	s->completed = planned > 0 && (long)s->present * 100 >= need;
	s->completion_unreachable = planned > 0 && best * 100 < need;
}

int attendance_summary(lk_ctx *ctx, int64_t enrollment_id, lk_attendance_summary *out,
	lk_err *err)
{
	memset(out, 0, sizeof *out);
	if (role_require(ctx, LK_PERM_READ_PARTICIPANTS, err) < 0)
		return -1;
	int found = store_att_counts(ctx->db, enrollment_id, out, err);
	if (found == 0)
		return lk_fail(err, LK_ENOTFOUND, _("There is no enrollment with number %lld."), (long long)enrollment_id);
	if (found < 0)
		return -1;
	summary_finish(ctx, out);
	return 0;
}

typedef struct run_walk {
	lk_ctx *ctx;
	int (*each)(void *, const lk_enrollment *, const lk_attendance_summary *);
	void *arg;
	lk_err *err;
	int rc;
} run_walk;

static int run_one(void *arg, const lk_enrollment *e)
{
	run_walk *w = arg;
	lk_attendance_summary s = {0};
	if (store_att_counts(w->ctx->db, e->id, &s, w->err) < 0) {
		w->rc = -1;
		return 1;
	}
	summary_finish(w->ctx, &s);
	return w->each(w->arg, e, &s);
}

int attendance_run_summary(lk_ctx *ctx, int64_t run_id,
	int (*each)(void *, const lk_enrollment *, const lk_attendance_summary *), void *arg,
	lk_err *err)
{
	if (role_require(ctx, LK_PERM_READ_PARTICIPANTS, err) < 0)
		return -1;
	run_walk w = {ctx, each, arg, err, 0};
	lk_page all = {0, 0};
	if (store_enroll_list(ctx->db, run_id, "registered", all, run_one, &w, err) < 0)
		return -1;
	return w.rc;
}

int attendance_session_counts(lk_ctx *ctx, int64_t session_id, int *present, int *absent,
	int *excused, int *unmarked, lk_err *err)
{
	lk_att_session s;
	int c[4];
	if (role_require(ctx, LK_PERM_READ_PARTICIPANTS, err) < 0)
		return -1;
	int found = store_att_session(ctx->db, session_id, &s, err);
	if (found == 0)
		return lk_fail(err, LK_ENOTFOUND, _("There is no session with number %lld."), (long long)session_id);
	if (found < 0 || store_att_session_counts(ctx->db, session_id, c, err) < 0)
		return -1;
	int *outs[] = {present, absent, excused, unmarked};
	for (int i = 0; i < 4; i++)
		if (outs[i])
			*outs[i] = c[i];
	return 0;
}

int attendance_grid(lk_ctx *ctx, int64_t run_id,
	int (*each_cell)(void *, int64_t, int64_t, lk_att_cell), void *arg, lk_err *err)
{
	if (role_require(ctx, LK_PERM_READ_PARTICIPANTS, err) < 0)
		return -1;
	return store_att_grid(ctx->db, run_id, each_cell, arg, err);
}
