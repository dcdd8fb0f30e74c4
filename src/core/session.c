/* Sessions of a run, their facilitators and the pairing rule (session.h). */
#include "lmskurs/session.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lmskurs/audit.h"
#include "lmskurs/codes.h"
#include "lmskurs/i18n.h"
#include "lmskurs/phase.h"
#include "lmskurs/role.h"
#include "lmskurs/store/person.h"
#include "lmskurs/store/run.h"
#include "lmskurs/store/session.h"
#include "lmskurs/text.h"

static const lk_code_name statuses[] = {
	[LK_SESSION_PLANNED] = {"planned", N_("planned")},
	[LK_SESSION_HELD] = {"held", N_("held")},
	[LK_SESSION_CANCELLED] = {"cancelled", N_("cancelled")},
};

const char *session_status_code(lk_session_status st) { return codes_code(statuses, LK_NCODES(statuses), st); }
const char *session_status_label(lk_session_status st) { return codes_label(statuses, LK_NCODES(statuses), st); }

int session_status_parse(const char *code, lk_session_status *out)
{
	int i;
	if (codes_parse(statuses, LK_NCODES(statuses), code, &i) < 0)
		return -1;
	*out = (lk_session_status)i;
	return 0;
}

void session_free(lk_session *s)
{
	if (!s)
		return;
	free(s->room);
	free(s->topic);
	free(s->notes);
	free(s->course_title);
	free(s->run_title);
	memset(s, 0, sizeof *s);
}

/* ---- validation ---- */

static bool datetime_ok(lk_datetime t)
{
	return date_valid(t.date) && t.hour >= 0 && t.hour <= 23 && t.minute >= 0 && t.minute <= 59;
}

static int check_times(lk_datetime a, lk_datetime b, lk_err *err)
{
	if (!datetime_ok(a))
		return lk_fail(err, LK_EINVAL, _("The start is not a valid date and time."));
	if (!datetime_ok(b))
		return lk_fail(err, LK_EINVAL, _("The end is not a valid date and time."));
	if (date_cmp(a.date, b.date) != 0)
		return lk_fail(err, LK_EINVAL, _("A session must end on the day it starts."));
	if (datetime_cmp(b, a) <= 0)
		return lk_fail(err, LK_EINVAL, _("The session must end after it starts (%02d:%02d)."),
			a.hour, a.minute);
	return 0;
}

static int session_validate(const lk_session *s, lk_err *err)
{
	return check_times(s->starts_at, s->ends_at, err) < 0 ||
	       text_check(_("Room"), s->room, false, LK_NAME_MAX, false, err) < 0 ||
	       text_check(_("Topic"), s->topic, false, LK_SHORT_MAX, false, err) < 0 ||
	       text_check(_("Notes"), s->notes, false, LK_TEXT_MAX, true, err) < 0 ? -1 : 0;
}

/* 0 when the sessions of run_id may be changed now (run in scheduling,
 * registration or execution); LK_ENOTFOUND or LK_ERULE otherwise. */
static int require_run_open(lk_ctx *ctx, int64_t run_id, lk_err *err)
{
	lk_run_phase ph;
	int found = store_run_phase(ctx->db, run_id, &ph, err);
	if (found <= 0)
		return found < 0 ? -1 : lk_fail(err, LK_ENOTFOUND, _("There is no run with number %lld."),
			(long long)run_id);
	if (ph == LK_RUN_EVALUATION)
		return lk_fail(err, LK_ERULE, _("The run is in evaluation; move it back to running to change its sessions."));
	if (ph == LK_RUN_CLOSED || ph == LK_RUN_CANCELLED)
		return lk_fail(err, LK_ERULE, _("The run is %s; its sessions can no longer be changed."),
			run_phase_label(ph));
	return 0;
}

/* Reads session id into cur for a change: it must exist and its run must be
 * open. cur is filled (caller frees) whenever it was found. */
static int load_for_write(lk_ctx *ctx, int64_t id, lk_session *cur, lk_err *err)
{
	memset(cur, 0, sizeof *cur);
	int found = store_session_get(ctx->db, id, cur, err);
	if (found == 0)
		return lk_fail(err, LK_ENOTFOUND, _("There is no session with number %lld."), (long long)id);
	return found < 0 ? -1 : require_run_open(ctx, cur->run_id, err);
}

static void audit_detail(char *buf, size_t n, const char *what, int64_t v)
{
	snprintf(buf, n, "%s %lld", what, (long long)v);
}

/* ---- sessions ---- */

int session_add(lk_ctx *ctx, lk_session *s, lk_err *err)
{
	if (role_require(ctx, LK_PERM_EDIT_PLAN, err) < 0 || session_validate(s, err) < 0 ||
	    store_begin(ctx->db, err) < 0)
		return -1;
	lk_session_status status = s->status;
	int rc = require_run_open(ctx, s->run_id, err);
	if (rc == 0)
		rc = store_session_insert(ctx->db, s, err);
	if (rc == 0)
		rc = store_run_refresh_dates(ctx->db, s->run_id, err);
	if (rc == 0)
		rc = audit_log(ctx, "create", "session", s->id, NULL, err);
	rc = ctx_end(ctx, rc, err);
	if (rc < 0) { /* rolled back: no id of a row that is gone */
		s->id = 0;
		s->seq = 0;
		s->version = 0;
		s->status = status;
	}
	return rc;
}

int session_get(lk_ctx *ctx, int64_t id, lk_session *out, lk_err *err)
{
	memset(out, 0, sizeof *out);
	if (role_require(ctx, LK_PERM_READ_PLAN, err) < 0)
		return -1;
	int found = store_session_get(ctx->db, id, out, err);
	if (found == 0)
		return lk_fail(err, LK_ENOTFOUND, _("There is no session with number %lld."), (long long)id);
	return found < 0 ? -1 : 0;
}

/* Attendance ties a session to its day: with marks it may not move to
 * another day, nor start later when that start is still ahead (marks are
 * only taken from the day of a session). Times on the day may be corrected. */
static int move_rules(lk_ctx *ctx, const lk_session *cur, const lk_session *s, lk_err *err)
{
	bool other_day = date_cmp(s->starts_at.date, cur->starts_at.date) != 0;
	bool later_ahead = datetime_cmp(s->starts_at, cur->starts_at) > 0 &&
		datetime_cmp(s->starts_at, ctx_now(ctx)) > 0;
	if (!other_day && !later_ahead)
		return 0;
	int64_t n = store_session_attendance(ctx->db, cur->id, err);
	if (n < 0)
		return -1;
	char day[11];
	date_show(cur->starts_at.date, day);
	if (n > 0 && other_day)
		return lk_fail(err, LK_ERULE, _("Session %d (%s) has attendance marked for %lld participants; it cannot be moved to another day. Cancel it and add a new session instead."),
			cur->seq, day, (long long)n);
	if (n > 0)
		return lk_fail(err, LK_ERULE, _("Session %d (%s) has attendance marked; its start cannot be moved to a time still ahead. Correct the times once the session has taken place."),
			cur->seq, day);
	return 0;
}

int session_update(lk_ctx *ctx, lk_session *s, lk_err *err)
{
	if (role_require(ctx, LK_PERM_EDIT_PLAN, err) < 0 || session_validate(s, err) < 0 ||
	    store_begin(ctx->db, err) < 0)
		return -1;
	int64_t version = s->version;
	lk_session cur;
	int rc = load_for_write(ctx, s->id, &cur, err);
	if (rc == 0)
		rc = move_rules(ctx, &cur, s, err);
	if (rc == 0)
		rc = store_session_update(ctx->db, s, err);
	if (rc == 0)
		rc = store_run_refresh_dates(ctx->db, cur.run_id, err);
	if (rc == 0)
		rc = audit_log(ctx, "update", "session", s->id, NULL, err);
	session_free(&cur);
	rc = ctx_end(ctx, rc, err);
	if (rc < 0)
		s->version = version;
	return rc;
}

/* The rules of a status change of cur to st. */
static int status_rules(lk_ctx *ctx, const lk_session *cur, lk_session_status st, lk_err *err)
{
	char when[17];
	datetime_show(cur->starts_at, when);
	if (st == LK_SESSION_HELD && datetime_cmp(ctx_now(ctx), cur->starts_at) < 0)
		return lk_fail(err, LK_ERULE, _("Session %d starts %s; it cannot be marked held before it starts."),
			cur->seq, when);
	if (cur->status != LK_SESSION_HELD || st == LK_SESSION_HELD)
		return 0;
	int64_t n = store_session_attendance(ctx->db, cur->id, err);
	if (n > 0)
		return lk_fail(err, LK_ERULE, _("Session %d (%s) has attendance marked, so it was held; it cannot be marked %s."),
			cur->seq, when, session_status_label(st));
	return n < 0 ? -1 : 0;
}

int session_set_status(lk_ctx *ctx, int64_t id, int64_t version, lk_session_status st,
	lk_err *err)
{
	if (role_require(ctx, LK_PERM_EDIT_PLAN, err) < 0)
		return -1;
	if ((unsigned)st >= LK_NCODES(statuses))
		return lk_fail(err, LK_EINVAL, _("A session is planned, held or cancelled."));
	if (store_begin(ctx->db, err) < 0)
		return -1;
	lk_session cur;
	int rc = load_for_write(ctx, id, &cur, err);
	if (rc == 0)
		rc = status_rules(ctx, &cur, st, err);
	if (rc == 0)
		rc = store_session_set_status(ctx->db, id, version, session_status_code(st), err);
	if (rc == 0)
		rc = store_run_refresh_dates(ctx->db, cur.run_id, err);
	if (rc == 0)
		rc = audit_log(ctx, "status", "session", id, session_status_code(st), err);
	session_free(&cur);
	return ctx_end(ctx, rc, err);
}

static int refuse_if_attended(lk_ctx *ctx, const lk_session *cur, lk_err *err)
{
	int64_t n = store_session_attendance(ctx->db, cur->id, err);
	if (n > 0)
		return lk_fail(err, LK_ERULE, _("Session %d has attendance marked for %lld participants; it cannot be deleted. Mark it cancelled instead."),
			cur->seq, (long long)n);
	return n < 0 ? -1 : 0;
}

int session_delete(lk_ctx *ctx, int64_t id, int64_t version, lk_err *err)
{
	if (role_require(ctx, LK_PERM_EDIT_PLAN, err) < 0 || store_begin(ctx->db, err) < 0)
		return -1;
	lk_session cur;
	int rc = load_for_write(ctx, id, &cur, err);
	if (rc == 0)
		rc = refuse_if_attended(ctx, &cur, err);
	if (rc == 0)
		rc = store_session_delete(ctx->db, id, version, err);
	if (rc == 0)
		rc = store_session_renumber(ctx->db, cur.run_id, cur.seq, err);
	if (rc == 0)
		rc = store_run_refresh_dates(ctx->db, cur.run_id, err);
	if (rc == 0)
		rc = audit_log(ctx, "delete", "session", id, NULL, err);
	session_free(&cur);
	return ctx_end(ctx, rc, err);
}

static int require_run(lk_ctx *ctx, int64_t run_id, lk_err *err)
{
	lk_run_phase ph;
	int found = store_run_phase(ctx->db, run_id, &ph, err);
	if (found == 0)
		return lk_fail(err, LK_ENOTFOUND, _("There is no run with number %lld."), (long long)run_id);
	return found < 0 ? -1 : 0;
}

int session_list(lk_ctx *ctx, int64_t run_id,
	int (*each)(void *, const lk_session *), void *arg, lk_err *err)
{
	if (role_require(ctx, LK_PERM_READ_PLAN, err) < 0 || require_run(ctx, run_id, err) < 0)
		return -1;
	return store_session_list(ctx->db, run_id, false, each, arg, err);
}

int session_list_range(lk_ctx *ctx, lk_date from, lk_date to,
	int (*each)(void *, const lk_session *), void *arg, lk_err *err)
{
	if (role_require(ctx, LK_PERM_READ_PLAN, err) < 0)
		return -1;
	if (!date_valid(from) || !date_valid(to))
		return lk_fail(err, LK_EINVAL, _("Choose a valid first and last date."));
	if (date_cmp(from, to) > 0)
		return lk_fail(err, LK_EINVAL, _("The first date must not be after the last date."));
	char a[11], b[11];
	date_iso(from, a);
	date_iso(date_add_days(to, 1), b);
	return store_session_list_range(ctx->db, a, b, each, arg, err);
}

/* ---- facilitators ---- */

/* Reads person id for booking: it must exist and be active. */
static int bookable_person(lk_ctx *ctx, int64_t id, lk_person *p, lk_err *err)
{
	memset(p, 0, sizeof *p);
	int found = store_person_get(ctx->db, id, p, err);
	if (found == 0)
		return lk_fail(err, LK_ENOTFOUND, _("There is no person with number %lld."), (long long)id);
	if (found < 0)
		return -1;
	if (!p->active)
		return lk_fail(err, LK_EINVAL, _("%s is marked inactive; make the person active again to book them."),
			p->name);
	return 0;
}

static int add_booking(lk_ctx *ctx, const lk_session *s, int64_t person_id, lk_err *err)
{
	lk_person p;
	int rc = bookable_person(ctx, person_id, &p, err);
	int has = rc == 0 ? store_session_facilitator_has(ctx->db, s->id, person_id, err) : -1;
	if (has > 0)
		rc = lk_fail(err, LK_EINVAL, _("%s already facilitates session %d."), p.name, s->seq);
	else if (has == 0)
		rc = store_session_facilitator_add(ctx->db, s->id, person_id, err);
	else
		rc = -1;
	person_free(&p);
	return rc;
}

int session_facilitator_add(lk_ctx *ctx, int64_t session_id, int64_t person_id, lk_err *err)
{
	if (role_require(ctx, LK_PERM_EDIT_PLAN, err) < 0 || store_begin(ctx->db, err) < 0)
		return -1;
	lk_session cur;
	char detail[48];
	audit_detail(detail, sizeof detail, "add person", person_id);
	int rc = load_for_write(ctx, session_id, &cur, err);
	if (rc == 0)
		rc = add_booking(ctx, &cur, person_id, err);
	if (rc == 0)
		rc = audit_log(ctx, "facilitator", "session", session_id, detail, err);
	session_free(&cur);
	return ctx_end(ctx, rc, err);
}

int session_facilitator_remove(lk_ctx *ctx, int64_t session_id, int64_t person_id, lk_err *err)
{
	if (role_require(ctx, LK_PERM_EDIT_PLAN, err) < 0 || store_begin(ctx->db, err) < 0)
		return -1;
	lk_session cur;
	char detail[48];
	audit_detail(detail, sizeof detail, "remove person", person_id);
	int rc = load_for_write(ctx, session_id, &cur, err);
	if (rc == 0) {
		int gone = store_session_facilitator_remove(ctx->db, session_id, person_id, err);
		rc = gone > 0 ? 0 : gone < 0 ? -1 :
			lk_fail(err, LK_ENOTFOUND, _("That person does not facilitate session %d."), cur.seq);
	}
	if (rc == 0)
		rc = audit_log(ctx, "facilitator", "session", session_id, detail, err);
	session_free(&cur);
	return ctx_end(ctx, rc, err);
}

int session_facilitator_list(lk_ctx *ctx, int64_t session_id,
	int (*each)(void *, const lk_person *), void *arg, lk_err *err)
{
	if (role_require(ctx, LK_PERM_READ_PLAN, err) < 0)
		return -1;
	return store_session_facilitator_list(ctx->db, session_id, each, arg, err);
}

static int assign_all(lk_ctx *ctx, int64_t run_id, const int64_t ids[], int n, lk_err *err)
{
	for (int i = 0; i < n; i++) {
		lk_person p;
		int rc = bookable_person(ctx, ids[i], &p, err);
		person_free(&p);
		if (rc < 0 || store_session_facilitator_assign_run(ctx->db, run_id, ids[i], err) < 0)
			return -1;
	}
	return 0;
}

int run_assign_facilitators(lk_ctx *ctx, int64_t run_id, const int64_t person_ids[], int n,
	lk_err *err)
{
	if (role_require(ctx, LK_PERM_EDIT_PLAN, err) < 0)
		return -1;
	if (n < 1 || !person_ids)
		return lk_fail(err, LK_EINVAL, _("Choose at least one facilitator."));
	if (store_begin(ctx->db, err) < 0)
		return -1;
	int64_t planned = -1;
	char detail[48];
	snprintf(detail, sizeof detail, "%d people", n);
	int rc = require_run_open(ctx, run_id, err);
	if (rc == 0)
		rc = assign_all(ctx, run_id, person_ids, n, err);
	if (rc == 0 && (planned = store_session_count_planned(ctx->db, run_id, err)) < 0)
		rc = -1;
	if (rc == 0)
		rc = audit_log(ctx, "facilitators", "run", run_id, detail, err);
	return ctx_end(ctx, rc, err) < 0 ? -1 : (int)planned;
}

/* ---- pairing ---- */

lk_pairing session_pairing(const lk_session *s)
{
	return (lk_pairing){s->n_professionals > 0, s->n_user_reps > 0};
}

const char *session_pairing_text(const lk_session *s)
{
	lk_pairing p = session_pairing(s);
	if (p.has_professional && p.has_user_rep)
		/* TRANSLATORS: paired: fagperson + brukerrepresentant */
		return _("F+B");
	if (!p.has_professional && !p.has_user_rep)
		return _("missing both");
	return p.has_professional ? _("missing user representative") : _("missing professional");
}

int run_unpaired(lk_ctx *ctx, int64_t run_id,
	int (*each)(void *, const lk_session *), void *arg, lk_err *err)
{
	if (role_require(ctx, LK_PERM_READ_PLAN, err) < 0 || require_run(ctx, run_id, err) < 0)
		return -1;
	return store_session_list(ctx->db, run_id, true, each, arg, err);
}
