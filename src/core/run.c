/* Runs: create, read, change, delete, list; scheduling from the course's
 * session plan; phase moves and their gates (run.h). */
#include "lmskurs/run.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lmskurs/audit.h"
#include "lmskurs/i18n.h"
#include "lmskurs/role.h"
#include "lmskurs/session.h"
#include "lmskurs/store/run.h"
#include "lmskurs/store/session.h"
#include "lmskurs/text.h"

enum { LK_CAPACITY_MAX = 1000, LK_EVERY_WEEKS_MAX = 8 };

void run_free(lk_run *r)
{
	if (!r)
		return;
	free(r->course_title);
	free(r->title);
	free(r->place);
	free(r->notes);
	free(r->closed_at);
	memset(r, 0, sizeof *r);
}

static lk_owner owner_of(int64_t run_id)
{
	return (lk_owner){.course_id = 0, .run_id = run_id};
}

static int oom(lk_err *err)
{
	return lk_fail(err, LK_ENOMEM, _("Out of memory."));
}

/* ---- create, read, change, delete ---- */

static int run_validate(const lk_run *r, lk_err *err)
{
	if (r->questionnaire_id < 0)
		return lk_fail(err, LK_EINVAL, _("Choose a questionnaire from the list."));
	return text_check(_("Title"), r->title, false, LK_NAME_MAX, false, err) < 0 ||
	       text_check(_("Place"), r->place, false, LK_NAME_MAX, false, err) < 0 ||
	       text_check(_("Notes"), r->notes, false, LK_TEXT_MAX, true, err) < 0 ? -1 : 0;
}

static int check_questionnaire(lk_ctx *ctx, int64_t id, lk_err *err)
{
	int found = id == 0 ? 1 : store_run_questionnaire_exists(ctx->db, id, err);
	if (found == 0)
		return lk_fail(err, LK_EINVAL, _("There is no questionnaire with number %lld."), (long long)id);
	return found < 0 ? -1 : 0;
}

/* The course must exist and be active or in revision; a run without its
 * own questionnaire takes the course's. */
static int check_course(lk_ctx *ctx, lk_run *r, lk_err *err)
{
	char code[16];
	int64_t qid = 0;
	int found = store_run_course(ctx->db, r->course_id, code, &qid, err);
	if (found <= 0)
		return found < 0 ? -1 : lk_fail(err, LK_ENOTFOUND, _("There is no course with number %lld."),
			(long long)r->course_id);
	lk_course_phase ph = LK_COURSE_IDEA;
	int known = course_phase_parse(code, &ph) == 0;
	if (!known || (ph != LK_COURSE_ACTIVE && ph != LK_COURSE_REVISION))
		return lk_fail(err, LK_ERULE, _("The course is in phase '%s'; it must finish planning (be active) before a run can be scheduled."),
			known ? course_phase_label(ph) : code);
	if (r->questionnaire_id == 0)
		r->questionnaire_id = qid;
	return check_questionnaire(ctx, r->questionnaire_id, err);
}

static int insert_run(lk_ctx *ctx, lk_run *r, lk_err *err)
{
	char stamp[20];
	ctx_stamp(ctx, stamp);
	int rc = check_course(ctx, r, err);
	if (rc == 0)
		rc = store_run_insert(ctx->db, r, stamp, err);
	if (rc == 0)
		rc = phase_enter_checklist(ctx, owner_of(r->id), run_phase_code(LK_RUN_SCHEDULING), err);
	if (rc == 0)
		rc = audit_log(ctx, "create", "run", r->id, NULL, err);
	return rc;
}

int run_create(lk_ctx *ctx, lk_run *r, lk_err *err)
{
	if (role_require(ctx, LK_PERM_EDIT_PLAN, err) < 0 || run_validate(r, err) < 0)
		return -1;
	if (r->capacity < 0 || r->capacity > LK_CAPACITY_MAX)
		return lk_fail(err, LK_EINVAL, _("The capacity must be between 1 and %d places (0 while not decided)."),
			LK_CAPACITY_MAX);
	if (store_begin(ctx->db, err) < 0)
		return -1;
	int64_t qid = r->questionnaire_id;
	int rc = ctx_end(ctx, insert_run(ctx, r, err), err);
	if (rc == 0) {
		r->phase = LK_RUN_SCHEDULING;
	} else {
		r->id = 0;
		r->version = 0;
		r->questionnaire_id = qid;
	}
	return rc;
}

/* Reads run id into out (zeroed first); LK_ENOTFOUND when there is none. */
static int load_run(lk_ctx *ctx, int64_t id, lk_run *out, lk_err *err)
{
	memset(out, 0, sizeof *out);
	int found = store_run_get(ctx->db, id, out, err);
	if (found == 0)
		return lk_fail(err, LK_ENOTFOUND, _("There is no run with number %lld."), (long long)id);
	return found < 0 ? -1 : 0;
}

int run_get(lk_ctx *ctx, int64_t id, lk_run *out, lk_err *err)
{
	memset(out, 0, sizeof *out);
	if (role_require(ctx, LK_PERM_READ_PLAN, err) < 0)
		return -1;
	return load_run(ctx, id, out, err);
}

int run_update(lk_ctx *ctx, lk_run *r, lk_err *err)
{
	if (role_require(ctx, LK_PERM_EDIT_PLAN, err) < 0 || run_validate(r, err) < 0 ||
	    store_begin(ctx->db, err) < 0)
		return -1;
	int64_t version = r->version;
	int rc = check_questionnaire(ctx, r->questionnaire_id, err);
	if (rc == 0)
		rc = store_run_update(ctx->db, r, err);
	if (rc == 0)
		rc = audit_log(ctx, "update", "run", r->id, NULL, err);
	rc = ctx_end(ctx, rc, err);
	if (rc < 0)
		r->version = version;
	return rc;
}

/* Deletion rules; u gets what hangs on the run. */
static int deletable(lk_ctx *ctx, int64_t id, lk_run_usage *u, lk_err *err)
{
	lk_run r;
	int rc = load_run(ctx, id, &r, err);
	lk_run_phase ph = r.phase;
	run_free(&r);
	if (rc < 0 || store_run_usage(ctx->db, id, u, err) < 0)
		return -1;
	if (ph != LK_RUN_SCHEDULING && ph != LK_RUN_CANCELLED)
		return lk_fail(err, LK_ERULE, _("The run is in phase '%s'; only a run still being scheduled, or a cancelled one, can be deleted. Cancel it instead."),
			run_phase_label(ph));
	if (u->enrollments + u->responses + u->meetings > 0)
		return lk_fail(err, LK_ERULE, _("The run has %lld enrollments, %lld evaluation forms and %lld meetings, which would be lost with it; it cannot be deleted."),
			(long long)u->enrollments, (long long)u->responses, (long long)u->meetings);
	return 0;
}

int run_delete(lk_ctx *ctx, int64_t id, int64_t version, int *sessions_deleted, lk_err *err)
{
	if (role_require(ctx, LK_PERM_EDIT_PLAN, err) < 0 || store_begin(ctx->db, err) < 0)
		return -1;
	lk_run_usage u = {0};
	char detail[48];
	int rc = deletable(ctx, id, &u, err);
	snprintf(detail, sizeof detail, "with %lld sessions", (long long)u.sessions);
	if (rc == 0)
		rc = store_run_delete(ctx->db, id, version, err);
	if (rc == 0)
		rc = audit_log(ctx, "delete", "run", id, detail, err);
	rc = ctx_end(ctx, rc, err);
	if (rc == 0 && sessions_deleted)
		*sessions_deleted = (int)u.sessions;
	return rc;
}

int run_list(lk_ctx *ctx, const lk_run_filter *f, lk_page page,
	int (*each)(void *, const lk_run *), void *arg, lk_err *err)
{
	if (role_require(ctx, LK_PERM_READ_PLAN, err) < 0)
		return -1;
	return store_run_list(ctx->db, f, page, each, arg, err);
}

int64_t run_count(lk_ctx *ctx, const lk_run_filter *f, lk_err *err)
{
	if (role_require(ctx, LK_PERM_READ_PLAN, err) < 0)
		return -1;
	return store_run_count(ctx->db, f, err);
}

/* ---- scheduling ---- */

static int schedule_validate(const lk_schedule *s, lk_err *err)
{
	if (!s || !date_valid(s->first))
		return lk_fail(err, LK_EINVAL, _("Choose a valid date for the first session."));
	if (s->every_weeks < 1 || s->every_weeks > LK_EVERY_WEEKS_MAX)
		return lk_fail(err, LK_EINVAL, _("Sessions can be every 1 to %d weeks, not every %d."),
			LK_EVERY_WEEKS_MAX, s->every_weeks);
	if (s->hour < 0 || s->hour > 23 || s->minute < 0 || s->minute > 59)
		return lk_fail(err, LK_EINVAL, _("The start time %02d:%02d is not a time of day."),
			s->hour, s->minute);
	return text_check(_("Room"), s->room, false, LK_NAME_MAX, false, err);
}

static int schedule_allowed(lk_ctx *ctx, int64_t run_id, int64_t *course_id, lk_err *err)
{
	lk_run r;
	int rc = load_run(ctx, run_id, &r, err);
	lk_run_phase ph = r.phase;
	*course_id = r.course_id;
	run_free(&r);
	if (rc < 0)
		return -1;
	if (ph != LK_RUN_SCHEDULING)
		return lk_fail(err, LK_ERULE, _("The run is in phase '%s'; it is laid out from the session plan only while being scheduled. Move it back to scheduling, or change sessions one by one."),
			run_phase_label(ph));
	int64_t n = store_session_run_attendance(ctx->db, run_id, err);
	if (n > 0)
		return lk_fail(err, LK_ERULE, _("Sessions of this run have attendance marked; laying it out again would lose it. Change the sessions one by one instead."));
	return n < 0 ? -1 : 0;
}

struct layout {
	lk_ctx *ctx;
	int64_t run_id;
	const lk_schedule *s;
	int n;
	lk_err *err;
};

/* Writes the session for one part of the plan. */
static int layout_part(void *arg, const lk_run_part *p)
{
	struct layout *l = arg;
	lk_datetime start = {date_add_days(l->s->first, 7L * l->s->every_weeks * l->n),
		l->s->hour, l->s->minute};
	lk_datetime end = datetime_from_minutes(datetime_to_minutes(start) + p->minutes);
	char a[17], b[17], shown[11];
	l->n++;
	if (date_cmp(start.date, end.date) != 0) {
		date_show(start.date, shown);
		lk_fail(l->err, LK_ERULE, _("Session %d (%s) would end after midnight; choose an earlier start time."),
			l->n, shown);
		return -1;
	}
	datetime_iso(start, a);
	datetime_iso(end, b);
	return store_session_put_seq(l->ctx->db, l->run_id, l->n, a, b, l->s->room, p->topic, l->err);
}

static int layout_run(lk_ctx *ctx, int64_t run_id, const lk_schedule *s, int *n, lk_err *err)
{
	int64_t course_id;
	if (schedule_allowed(ctx, run_id, &course_id, err) < 0)
		return -1;
	struct layout l = {ctx, run_id, s, 0, err};
	if (store_run_parts(ctx->db, course_id, layout_part, &l, err) < 0)
		return -1;
	if (l.n == 0)
		return lk_fail(err, LK_ERULE, _("The course has no session plan yet; add its parts (topics and lengths) to the course first."));
	char detail[48];
	snprintf(detail, sizeof detail, "%d sessions every %d weeks", l.n, s->every_weeks);
	*n = l.n;
	return store_session_delete_beyond(ctx->db, run_id, l.n, err) < 0 ||
	       store_run_refresh_dates(ctx->db, run_id, err) < 0 ||
	       audit_log(ctx, "schedule", "run", run_id, detail, err) < 0 ? -1 : 0;
}

int run_schedule(lk_ctx *ctx, int64_t run_id, const lk_schedule *s, lk_err *err)
{
	if (role_require(ctx, LK_PERM_EDIT_PLAN, err) < 0 || schedule_validate(s, err) < 0 ||
	    store_begin(ctx->db, err) < 0)
		return -1;
	int n = 0;
	int rc = ctx_end(ctx, layout_run(ctx, run_id, s, &n, err), err);
	return rc < 0 ? -1 : n;
}

/* ---- phases and gates ---- */

typedef enum move_kind { MOVE_NONE, MOVE_FORWARD, MOVE_BACK, MOVE_CANCEL } move_kind;

static move_kind classify(lk_run_phase from, lk_run_phase to)
{
	if (from == LK_RUN_CLOSED || from == LK_RUN_CANCELLED || from == to)
		return MOVE_NONE;
	if (to == LK_RUN_CANCELLED)
		return MOVE_CANCEL;
	if (to == from + 1)
		return MOVE_FORWARD;
	return to + 1 == from ? MOVE_BACK : MOVE_NONE;
}

static int refuse_move(lk_run_phase from, lk_run_phase to, lk_err *err)
{
	if (from == LK_RUN_CLOSED || from == LK_RUN_CANCELLED)
		return lk_fail(err, LK_ERULE, _("The run is %s; that is final."), run_phase_label(from));
	if (from == to)
		return lk_fail(err, LK_ERULE, _("The run is already in phase '%s'."), run_phase_label(from));
	return lk_fail(err, LK_ERULE, _("A run cannot go from '%s' to '%s': it moves one phase at a time, forward or back, or is cancelled."),
		run_phase_label(from), run_phase_label(to));
}

struct session_gate {
	lk_gate *g;
	lk_run_phase from;
	int failed; /* out of memory */
};

/* One session's unmet condition for leaving phase `from`. */
static int gate_session(void *arg, const lk_session *s)
{
	struct session_gate *sg = arg;
	char day[11];
	date_show(s->starts_at.date, day);
	lk_pairing p = session_pairing(s);
	int rc = 0;
	if (s->status == LK_SESSION_CANCELLED)
		return 0;
	if (sg->from == LK_RUN_SCHEDULING && !p.has_professional && !p.has_user_rep)
		rc = gate_add(sg->g, _("Session %d (%s) has neither a professional nor a user representative"), s->seq, day);
	else if (sg->from == LK_RUN_SCHEDULING && !p.has_user_rep)
		rc = gate_add(sg->g, _("Session %d (%s) has no user representative"), s->seq, day);
	else if (sg->from == LK_RUN_SCHEDULING && !p.has_professional)
		rc = gate_add(sg->g, _("Session %d (%s) has no professional"), s->seq, day);
	else if (sg->from == LK_RUN_EXECUTION && s->status == LK_SESSION_PLANNED)
		rc = gate_add(sg->g, _("Session %d (%s) is neither held nor cancelled"), s->seq, day);
	sg->failed = rc < 0;
	return sg->failed;
}

static int gate_sessions(lk_ctx *ctx, const lk_run *r, lk_gate *g, lk_err *err)
{
	struct session_gate sg = {g, r->phase, 0};
	if (store_session_list(ctx->db, r->id, false, gate_session, &sg, err) < 0)
		return -1;
	return sg.failed ? oom(err) : 0;
}

/* The rule conditions that a reason may pass. */
static int gate_soft(lk_ctx *ctx, const lk_run *r, lk_gate *g, lk_err *err)
{
	int rc = 0;
	if (r->phase == LK_RUN_SCHEDULING && r->n_sessions == 0)
		rc = gate_add(g, _("The run has no sessions yet"));
	if (rc < 0)
		return oom(err);
	if (r->phase == LK_RUN_EXECUTION)
		return gate_sessions(ctx, r, g, err);
	if (r->phase != LK_RUN_EVALUATION)
		return 0;
	int met = store_run_has_evaluation_meeting(ctx->db, r->id, err);
	if (met == 0 && gate_add(g, _("No evaluation meeting with the planning group is recorded for this run")) < 0)
		return oom(err);
	return met < 0 ? -1 : 0;
}

/* The rules no reason may pass, for leaving scheduling: a capacity (the
 * waitlist rule needs a limit) and every session paired. */
static int gate_hard(lk_ctx *ctx, const lk_run *r, lk_gate *g, lk_err *err)
{
	if (r->phase != LK_RUN_SCHEDULING)
		return 0;
	if (r->capacity == 0 && gate_add(g, _("The number of places (capacity) is not set")) < 0)
		return oom(err);
	return gate_sessions(ctx, r, g, err);
}

/* Fills g for moving r one step forward: the hard rules first (their
 * number is returned), then the rules a reason may pass, then the unticked
 * checklist items of the phase being left. */
static int gate_build(lk_ctx *ctx, const lk_run *r, lk_gate *g, lk_err *err)
{
	if (gate_hard(ctx, r, g, err) < 0)
		return -1;
	int hard = g->n;
	if (gate_soft(ctx, r, g, err) < 0 ||
	    phase_unticked(ctx, owner_of(r->id), run_phase_code(r->phase), g, err) < 0)
		return -1;
	return hard;
}

int run_gate(lk_ctx *ctx, int64_t run_id, lk_run_phase to, lk_gate *out, lk_err *err)
{
	gate_init(out);
	if (role_require(ctx, LK_PERM_READ_PLAN, err) < 0)
		return -1;
	lk_run r;
	int rc = load_run(ctx, run_id, &r, err);
	move_kind k = rc == 0 ? classify(r.phase, to) : MOVE_NONE;
	if (rc == 0 && k == MOVE_NONE)
		rc = refuse_move(r.phase, to, err);
	if (rc == 0 && k == MOVE_FORWARD)
		rc = gate_build(ctx, &r, out, err);
	run_free(&r);
	return rc;
}

static bool has_text(const char *s)
{
	char *t = text_trim_dup(s);
	bool yes = t && *t;
	free(t);
	return yes;
}

/* Passes the gate of a forward move, or refuses it. */
static int pass_gate(lk_ctx *ctx, const lk_run *r, lk_run_phase to, const char *reason,
	lk_gate *g, lk_err *err)
{
	int hard = gate_build(ctx, r, g, err);
	if (hard < 0 || g->n == 0)
		return hard < 0 ? -1 : 0;
	lk_gate shown = {.n = hard > 0 ? hard : g->n, .unmet = g->unmet};
	char *why = gate_join(&shown);
	if (!why)
		return oom(err);
	int rc;
	if (hard > 0)
		rc = lk_fail(err, LK_ERULE, _("Registration cannot open until the number of places is set and every session has a professional and a user representative (no reason can pass this): %s."), why);
	else if (!has_text(reason))
		rc = lk_fail(err, LK_ERULE, _("Cannot move to '%s': %s. Write a reason to move on anyway."),
			run_phase_label(to), why);
	else
		rc = phase_record_override(ctx, owner_of(r->id), run_phase_code(r->phase),
			run_phase_code(to), g, reason, err);
	free(why);
	return rc;
}

/* Keeps the reason of a cancellation (required) or a step back (if any). */
static int keep_reason(lk_ctx *ctx, const lk_run *r, lk_run_phase to, const char *reason,
	lk_err *err)
{
	if (to == LK_RUN_CANCELLED && !has_text(reason))
		return lk_fail(err, LK_EINVAL, _("Write why the run is cancelled."));
	if (!has_text(reason))
		return 0;
	lk_gate note;
	gate_init(&note);
	int rc = to == LK_RUN_CANCELLED
		? gate_add(&note, _("The run was cancelled while in phase '%s'"), run_phase_label(r->phase))
		: gate_add(&note, _("The run was moved back from '%s' to '%s'"), run_phase_label(r->phase),
			run_phase_label(to));
	if (rc < 0)
		rc = oom(err);
	else
		rc = phase_record_override(ctx, owner_of(r->id), run_phase_code(r->phase),
			run_phase_code(to), &note, reason, err);
	gate_free(&note);
	return rc;
}

static int enter_phase(lk_ctx *ctx, const lk_run *r, lk_run_phase to, lk_err *err)
{
	char stamp[20], detail[48];
	ctx_stamp(ctx, stamp);
	snprintf(detail, sizeof detail, "%s->%s", run_phase_code(r->phase), run_phase_code(to));
	if (store_run_set_phase(ctx->db, r->id, run_phase_code(to),
		    to == LK_RUN_CLOSED ? stamp : NULL, err) < 0)
		return -1;
	if (to <= LK_RUN_EVALUATION &&
	    phase_enter_checklist(ctx, owner_of(r->id), run_phase_code(to), err) < 0)
		return -1;
	return audit_log(ctx, "phase", "run", r->id, detail, err);
}

static int move_run(lk_ctx *ctx, int64_t run_id, lk_run_phase to, const char *reason,
	lk_gate *g, lk_err *err)
{
	lk_run r;
	int rc = load_run(ctx, run_id, &r, err);
	move_kind k = rc == 0 ? classify(r.phase, to) : MOVE_NONE;
	if (rc == 0 && k == MOVE_NONE)
		rc = refuse_move(r.phase, to, err);
	if (rc == 0)
		rc = k == MOVE_FORWARD ? pass_gate(ctx, &r, to, reason, g, err)
				       : keep_reason(ctx, &r, to, reason, err);
	if (rc == 0)
		rc = enter_phase(ctx, &r, to, err);
	run_free(&r);
	return rc;
}

int run_set_phase(lk_ctx *ctx, int64_t run_id, lk_run_phase to, const char *reason,
	lk_gate *unmet_out, lk_err *err)
{
	if (unmet_out)
		gate_init(unmet_out);
	if (role_require(ctx, LK_PERM_EDIT_PLAN, err) < 0 ||
	    text_check(_("Reason"), reason, false, LK_TEXT_MAX, true, err) < 0)
		return -1;
	if ((unsigned)to >= LK_RUN_PHASE_COUNT)
		return lk_fail(err, LK_EINVAL, _("Choose a phase from the list."));
	if (store_begin(ctx->db, err) < 0)
		return -1;
	lk_gate g;
	gate_init(&g);
	int rc = ctx_end(ctx, move_run(ctx, run_id, to, reason, &g, err), err);
	if (unmet_out)
		*unmet_out = g;
	else
		gate_free(&g);
	return rc;
}
