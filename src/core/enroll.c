#include "lmskurs/enroll.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lmskurs/audit.h"
#include "lmskurs/codes.h"
#include "lmskurs/i18n.h"
#include "lmskurs/phase.h"
#include "lmskurs/role.h"
#include "lmskurs/store/enroll.h"
#include "lmskurs/store/participant.h"

static const lk_code_name categories[] = {
	[LK_CAT_PATIENT] = {"patient", N_("patient")},
	[LK_CAT_RELATIVE] = {"relative", N_("relative")},
};

static const lk_code_name statuses[] = {
	[LK_ENR_REGISTERED] = {"registered", N_("registered")},
	[LK_ENR_WAITLISTED] = {"waitlisted", N_("on the waitlist")},
	[LK_ENR_CANCELLED] = {"cancelled", N_("cancelled")},
};

const char *enroll_category_code(lk_category c) { return codes_code(categories, LK_NCODES(categories), c); }
const char *enroll_category_label(lk_category c) { return codes_label(categories, LK_NCODES(categories), c); }

int enroll_category_parse(const char *code, lk_category *out)
{
	int i;
	if (codes_parse(categories, LK_NCODES(categories), code, &i) < 0)
		return -1;
	*out = (lk_category)i;
	return 0;
}

const char *enroll_status_code(lk_enroll_status s) { return codes_code(statuses, LK_NCODES(statuses), s); }
const char *enroll_status_label(lk_enroll_status s) { return codes_label(statuses, LK_NCODES(statuses), s); }

int enroll_status_parse(const char *code, lk_enroll_status *out)
{
	int i;
	if (codes_parse(statuses, LK_NCODES(statuses), code, &i) < 0)
		return -1;
	*out = (lk_enroll_status)i;
	return 0;
}

void enrollment_free(lk_enrollment *e)
{
	if (!e)
		return;
	free(e->participant_name);
	free(e->requested_at);
	free(e->placed_at);
	free(e->cancelled_at);
	memset(e, 0, sizeof *e);
}

void promotion_free(lk_promotion *p)
{
	if (!p)
		return;
	free(p->name);
	memset(p, 0, sizeof *p);
}

void promotion_list_free(lk_promotion_list *l)
{
	if (!l)
		return;
	for (int i = 0; i < l->n; i++)
		promotion_free(&l->items[i]);
	free(l->items);
	memset(l, 0, sizeof *l);
}

/* ---- runs and rules ---- */

static int run_load(lk_ctx *ctx, int64_t run_id, lk_enroll_run *r, lk_run_phase *ph, lk_err *err)
{
	int found = store_enroll_run(ctx->db, run_id, r, err);
	if (found == 0)
		return lk_fail(err, LK_ENOTFOUND, _("There is no run with number %lld."), (long long)run_id);
	if (found < 0)
		return -1;
	if (run_phase_parse(r->phase, ph) < 0)
		return lk_fail(err, LK_EDB, _("Run %lld has an unknown phase '%s' in the database."),
			(long long)run_id, r->phase);
	return 0;
}

static bool phase_accepts(lk_run_phase ph)
{
	return ph == LK_RUN_REGISTRATION || ph == LK_RUN_EXECUTION;
}

static int require_accepting(lk_run_phase ph, lk_err *err)
{
	if (phase_accepts(ph))
		return 0;
	return lk_fail(err, LK_ERULE, _("The run is in the phase '%s'; it accepts enrollments only during registration and execution."),
		run_phase_label(ph));
}

static int require_open(lk_run_phase ph, lk_err *err)
{
	if (ph != LK_RUN_CLOSED && ph != LK_RUN_CANCELLED)
		return 0;
	return lk_fail(err, LK_ERULE, _("The run is %s; its enrollments can no longer be changed."),
		run_phase_label(ph));
}

static int get_enrollment(lk_ctx *ctx, int64_t id, lk_enrollment *out, lk_err *err)
{
	int found = store_enroll_get(ctx->db, id, out, err);
	if (found == 0)
		return lk_fail(err, LK_ENOTFOUND, _("There is no enrollment with number %lld."), (long long)id);
	return found < 0 ? -1 : 0;
}

static int participant_check(lk_ctx *ctx, int64_t id, lk_err *err)
{
	lk_participant p = {0};
	int found = store_participant_get(ctx->db, id, &p, err);
	bool purged = found == 1 && p.purged;
	participant_free(&p);
	if (found == 0)
		return lk_fail(err, LK_ENOTFOUND, _("There is no participant with number %lld."), (long long)id);
	if (purged)
		return lk_fail(err, LK_ERULE, _("This participant's details were removed by the privacy purge; they cannot be enrolled."));
	return found < 0 ? -1 : 0;
}

/* Messages name participants by number only: they reach logs and stderr. */
static int refuse_already(const lk_enrollment *e, lk_err *err)
{
	if (e->status == LK_ENR_WAITLISTED)
		return lk_fail(err, LK_ERULE, _("Participant no. %lld is already on the waitlist of this run (number %d)."),
			(long long)e->participant_id, e->waitlist_pos);
	return lk_fail(err, LK_ERULE, _("Participant no. %lld is already registered in this run."),
		(long long)e->participant_id);
}

/* ---- the waitlist ---- */

/* Gives the first waiting person of the run a place if one is free; out
 * says who (promoted false when nobody). */
static int promote_one(lk_ctx *ctx, int64_t run_id, int capacity, lk_promotion *out, lk_err *err)
{
	int64_t counts[3];
	memset(out, 0, sizeof *out);
	if (store_enroll_counts(ctx->db, run_id, counts, err) < 0)
		return -1;
	if (capacity > 0 && counts[0] >= capacity)
		return 0;
	lk_enrollment w = {0};
	int found = store_enroll_first_waiting(ctx->db, run_id, &w, err);
	if (found <= 0)
		return found;
	char stamp[20];
	ctx_stamp(ctx, stamp);
	int rc = store_enroll_place(ctx->db, w.id, stamp, err);
	if (rc == 0)
		rc = audit_log(ctx, "promote", "enrollment", w.id, "from the waitlist", err);
	if (rc == 0)
		*out = (lk_promotion){true, w.id, w.participant_id, w.participant_name};
	else
		free(w.participant_name);
	w.participant_name = NULL;
	enrollment_free(&w);
	return rc;
}

/* Writes the enrollment: registered when a place is free and nobody
 * waits, else at the back of the queue; old is the cancelled enrollment to
 * reuse (NULL: a new one). *id gets the enrollment. */
static int place_in_tx(lk_ctx *ctx, const lk_enroll_run *r, int64_t run_id, int64_t participant_id,
	lk_category category, bool referral, const lk_enrollment *old, int64_t *id, lk_err *err)
{
	int64_t counts[3] = {0, 0, 0};
	char now[20], req[20];
	ctx_stamp(ctx, now);
	int rc = store_enroll_counts(ctx->db, run_id, counts, err);
	if (rc == 0)
		rc = store_enroll_queue_stamp(ctx->db, run_id, now, old ? old->id : 0, req, err);
	bool place = rc == 0 && (r->capacity == 0 || counts[0] < r->capacity) && counts[1] == 0;
	lk_enrollment e = {.id = old ? old->id : 0, .run_id = run_id, .participant_id = participant_id,
		.category = category, .status = place ? LK_ENR_REGISTERED : LK_ENR_WAITLISTED,
		.requested_at = req, .placed_at = place ? now : NULL, .referral = referral,
		.version = old ? old->version : 0};
	if (rc == 0)
		rc = old ? store_enroll_reopen(ctx->db, &e, err) : store_enroll_insert(ctx->db, &e, &e.id, err);
	if (rc == 0)
		rc = audit_log(ctx, old ? "reenroll" : "create", "enrollment", e.id,
			enroll_status_code(e.status), err);
	if (rc == 0)
		*id = e.id;
	return rc;
}

/* Enrolls inside the caller's transaction; *id gets the enrollment. */
static int add_in_tx(lk_ctx *ctx, int64_t run_id, int64_t participant_id, lk_category category,
	bool referral, int64_t *id, lk_err *err)
{
	lk_enroll_run r;
	lk_run_phase ph;
	if (run_load(ctx, run_id, &r, &ph, err) < 0 || require_accepting(ph, err) < 0 ||
	    participant_check(ctx, participant_id, err) < 0)
		return -1;
	lk_enrollment old = {0};
	int found = store_enroll_find(ctx->db, run_id, participant_id, &old, err);
	int rc = found < 0 ? -1 : 0;
	if (rc == 0 && found > 0 && old.status != LK_ENR_CANCELLED)
		rc = refuse_already(&old, err);
	if (rc == 0)
		rc = place_in_tx(ctx, &r, run_id, participant_id, category, referral,
			found > 0 ? &old : NULL, id, err);
	enrollment_free(&old);
	return rc;
}

static int validate_category(lk_category c, lk_err *err)
{
	if (c == LK_CAT_PATIENT || c == LK_CAT_RELATIVE)
		return 0;
	return lk_fail(err, LK_EINVAL, _("Choose whether the participant is a patient or a relative."));
}

int enroll_add(lk_ctx *ctx, int64_t run_id, int64_t participant_id, lk_category category,
	bool referral, lk_enrollment *out, lk_err *err)
{
	if (out)
		memset(out, 0, sizeof *out);
	if (role_require(ctx, LK_PERM_EDIT_PARTICIPANTS, err) < 0 ||
	    validate_category(category, err) < 0 || store_begin(ctx->db, err) < 0)
		return -1;
	int64_t id = 0;
	int rc = add_in_tx(ctx, run_id, participant_id, category, referral, &id, err);
	if (rc == 0 && out)
		rc = get_enrollment(ctx, id, out, err);
	rc = ctx_end(ctx, rc, err);
	if (rc < 0 && out)
		enrollment_free(out);
	return rc;
}

int enroll_get(lk_ctx *ctx, int64_t id, lk_enrollment *out, lk_err *err)
{
	memset(out, 0, sizeof *out);
	if (role_require(ctx, LK_PERM_READ_PARTICIPANTS, err) < 0)
		return -1;
	return get_enrollment(ctx, id, out, err);
}

/* ---- cancelling and moving ---- */

/* Cancels inside the caller's transaction; *was gets the enrollment as it
 * was (caller frees), *freed who got its place. */
static int cancel_in_tx(lk_ctx *ctx, int64_t id, int64_t version, lk_enrollment *was,
	lk_promotion *freed, lk_err *err)
{
	lk_enroll_run r;
	lk_run_phase ph;
	if (get_enrollment(ctx, id, was, err) < 0)
		return -1;
	if (was->version != version)
		return lk_fail(err, LK_ECONFLICT, _("The enrollment was changed by someone else meanwhile; nothing was overwritten. Open it again to see their change."));
	if (was->status == LK_ENR_CANCELLED)
		return lk_fail(err, LK_ERULE, _("This enrollment is already cancelled."));
	if (run_load(ctx, was->run_id, &r, &ph, err) < 0 || require_open(ph, err) < 0)
		return -1;
	char stamp[20];
	ctx_stamp(ctx, stamp);
	if (store_enroll_cancel(ctx->db, id, version, stamp, err) < 0 ||
	    audit_log(ctx, "cancel", "enrollment", id, NULL, err) < 0)
		return -1;
	if (was->status != LK_ENR_REGISTERED || !phase_accepts(ph))
		return 0;
	return promote_one(ctx, was->run_id, r.capacity, freed, err);
}

int enroll_cancel(lk_ctx *ctx, int64_t enrollment_id, int64_t version, lk_promotion *out,
	lk_err *err)
{
	lk_promotion local = {0};
	lk_promotion *p = out ? out : &local;
	memset(p, 0, sizeof *p);
	if (role_require(ctx, LK_PERM_EDIT_PARTICIPANTS, err) < 0 || store_begin(ctx->db, err) < 0)
		return -1;
	lk_enrollment was = {0};
	int rc = cancel_in_tx(ctx, enrollment_id, version, &was, p, err);
	enrollment_free(&was);
	rc = ctx_end(ctx, rc, err);
	if (rc < 0 || !out)
		promotion_free(p);
	return rc;
}

/* The target must be another run of the same course. */
static int move_check(lk_ctx *ctx, int64_t id, int64_t to_run_id, lk_err *err)
{
	lk_enrollment e = {0};
	lk_enroll_run from, to;
	lk_run_phase ph;
	int rc = get_enrollment(ctx, id, &e, err);
	if (rc == 0 && e.run_id == to_run_id)
		rc = lk_fail(err, LK_ERULE, _("The enrollment is already in that run."));
	if (rc == 0)
		rc = run_load(ctx, e.run_id, &from, &ph, err);
	if (rc == 0)
		rc = run_load(ctx, to_run_id, &to, &ph, err);
	if (rc == 0 && from.course_id != to.course_id)
		rc = lk_fail(err, LK_ERULE, _("An enrollment can only be moved to another run of the same course."));
	enrollment_free(&e);
	return rc;
}

static int move_in_tx(lk_ctx *ctx, int64_t id, int64_t version, int64_t to_run_id,
	lk_promotion *freed, int64_t *new_id, lk_err *err)
{
	lk_enrollment was = {0};
	int rc = move_check(ctx, id, to_run_id, err);
	if (rc == 0)
		rc = cancel_in_tx(ctx, id, version, &was, freed, err);
	if (rc == 0)
		rc = add_in_tx(ctx, to_run_id, was.participant_id, was.category, was.referral, new_id, err);
	char detail[64];
	snprintf(detail, sizeof detail, "to run %lld, enrollment %lld", (long long)to_run_id,
		(long long)*new_id);
	if (rc == 0)
		rc = audit_log(ctx, "move", "enrollment", id, detail, err);
	enrollment_free(&was);
	return rc;
}

int enroll_move(lk_ctx *ctx, int64_t enrollment_id, int64_t version, int64_t to_run_id,
	lk_promotion *freed_out, lk_enrollment *out, lk_err *err)
{
	lk_promotion local = {0};
	lk_promotion *p = freed_out ? freed_out : &local;
	memset(p, 0, sizeof *p);
	if (out)
		memset(out, 0, sizeof *out);
	if (role_require(ctx, LK_PERM_EDIT_PARTICIPANTS, err) < 0 || store_begin(ctx->db, err) < 0)
		return -1;
	int64_t new_id = 0;
	int rc = move_in_tx(ctx, enrollment_id, version, to_run_id, p, &new_id, err);
	if (rc == 0 && out)
		rc = get_enrollment(ctx, new_id, out, err);
	rc = ctx_end(ctx, rc, err);
	if (rc < 0 || !freed_out)
		promotion_free(p);
	if (rc < 0 && out)
		enrollment_free(out);
	return rc;
}

/* ---- capacity ---- */

static int list_append(lk_promotion_list *l, lk_promotion *p, lk_err *err)
{
	lk_promotion *items = realloc(l->items, (size_t)(l->n + 1) * sizeof *items);
	if (!items) {
		promotion_free(p);
		return lk_fail(err, LK_ENOMEM, _("Out of memory."));
	}
	l->items = items;
	l->items[l->n++] = *p;
	return 0;
}

static int fill_places(lk_ctx *ctx, int64_t run_id, int capacity, lk_promotion_list *l, lk_err *err)
{
	for (;;) {
		lk_promotion p;
		if (promote_one(ctx, run_id, capacity, &p, err) < 0)
			return -1;
		if (!p.promoted)
			return 0;
		if (list_append(l, &p, err) < 0)
			return -1;
	}
}

static int capacity_in_tx(lk_ctx *ctx, int64_t run_id, int capacity, lk_promotion_list *l,
	lk_err *err)
{
	lk_enroll_run r;
	lk_run_phase ph;
	int64_t counts[3];
	if (run_load(ctx, run_id, &r, &ph, err) < 0 || require_open(ph, err) < 0 ||
	    store_enroll_counts(ctx->db, run_id, counts, err) < 0)
		return -1;
	if (counts[0] > capacity)
		return lk_fail(err, LK_ERULE, _("%lld participants are registered, so the capacity cannot be lower than %lld. Cancel or move enrollments first."),
			(long long)counts[0], (long long)counts[0]);
	char detail[32];
	snprintf(detail, sizeof detail, "capacity %d", capacity);
	if (store_enroll_set_capacity(ctx->db, run_id, capacity, err) < 0 ||
	    audit_log(ctx, "update", "run", run_id, detail, err) < 0)
		return -1;
	return phase_accepts(ph) ? fill_places(ctx, run_id, capacity, l, err) : 0;
}

int run_set_capacity(lk_ctx *ctx, int64_t run_id, int capacity, lk_promotion_list *out,
	lk_err *err)
{
	lk_promotion_list local = {0};
	lk_promotion_list *l = out ? out : &local;
	memset(l, 0, sizeof *l);
	if (role_require(ctx, LK_PERM_EDIT_PLAN, err) < 0)
		return -1;
	if (capacity < 1 || capacity > 1000)
		return lk_fail(err, LK_EINVAL, _("Capacity must be between 1 and 1000 places."));
	if (store_begin(ctx->db, err) < 0)
		return -1;
	int rc = capacity_in_tx(ctx, run_id, capacity, l, err);
	rc = ctx_end(ctx, rc, err);
	if (rc < 0 || !out)
		promotion_list_free(l);
	return rc;
}

/* ---- lists ---- */

int enroll_list(lk_ctx *ctx, int64_t run_id, int status, lk_page page,
	int (*each)(void *, const lk_enrollment *), void *arg, lk_err *err)
{
	if (role_require(ctx, LK_PERM_READ_PARTICIPANTS, err) < 0)
		return -1;
	if (status < -1 || status > LK_ENR_CANCELLED)
		return lk_fail(err, LK_EINVAL, _("Unknown enrollment status %d."), status);
	const char *code = status < 0 ? NULL : enroll_status_code((lk_enroll_status)status);
	return store_enroll_list(ctx->db, run_id, code, page, each, arg, err);
}

int enroll_counts(lk_ctx *ctx, int64_t run_id, int64_t *registered, int64_t *waitlisted,
	int64_t *cancelled, lk_err *err)
{
	int64_t c[3];
	if (role_require(ctx, LK_PERM_READ_PARTICIPANTS, err) < 0 ||
	    store_enroll_counts(ctx->db, run_id, c, err) < 0)
		return -1;
	if (registered)
		*registered = c[0];
	if (waitlisted)
		*waitlisted = c[1];
	if (cancelled)
		*cancelled = c[2];
	return 0;
}
