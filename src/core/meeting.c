/* Planning and evaluation meetings, their attendees and decisions. */
#include "lmskurs/meeting.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lmskurs/audit.h"
#include "lmskurs/codes.h"
#include "lmskurs/i18n.h"
#include "lmskurs/role.h"
#include "lmskurs/store/course.h"
#include "lmskurs/store/meeting.h"
#include "lmskurs/store/phase.h"
#include "lmskurs/text.h"

static const lk_code_name kinds[LK_MEETING_KIND_COUNT] = {
	[LK_MEETING_PLANNING] = {"planning", N_("planning meeting")},
	[LK_MEETING_EVALUATION] = {"evaluation", N_("evaluation meeting")},
};

const char *meeting_kind_code(lk_meeting_kind k) { return codes_code(kinds, LK_MEETING_KIND_COUNT, k); }
const char *meeting_kind_label(lk_meeting_kind k) { return codes_label(kinds, LK_MEETING_KIND_COUNT, k); }

int meeting_kind_parse(const char *code, lk_meeting_kind *out)
{
	int i;
	if (codes_parse(kinds, LK_MEETING_KIND_COUNT, code, &i) < 0)
		return -1;
	*out = (lk_meeting_kind)i;
	return 0;
}

void meeting_free(lk_meeting *m)
{
	if (!m)
		return;
	free(m->starts_at);
	free(m->ends_at);
	free(m->place);
	free(m->notes);
	memset(m, 0, sizeof *m);
}

void meeting_attendee_free(lk_attendee *a)
{
	if (!a)
		return;
	free(a->name);
	free(a->profession);
	free(a->organisation);
	memset(a, 0, sizeof *a);
}

void meeting_decision_free(lk_decision *d)
{
	if (!d)
		return;
	free(d->text);
	memset(d, 0, sizeof *d);
}

/* ---- meetings ---- */

/* ISO start and end of m, the end after the start. */
struct meeting_times {
	char start[17], end[17];
};

static int times_parse(const lk_meeting *m, struct meeting_times *t, lk_err *err)
{
	lk_datetime s, e;
	if (datetime_parse(m->starts_at, &s, err) < 0) {
		lk_err_prefix(err, "%s", _("Start"));
		return -1;
	}
	if (datetime_parse(m->ends_at, &e, err) < 0) {
		lk_err_prefix(err, "%s", _("End"));
		return -1;
	}
	if (datetime_cmp(e, s) <= 0)
		return lk_fail(err, LK_EINVAL, _("The meeting must end after it starts."));
	datetime_iso(s, t->start);
	datetime_iso(e, t->end);
	return 0;
}

static int meeting_validate(const lk_meeting *m, struct meeting_times *t, lk_err *err)
{
	if ((unsigned)m->kind >= LK_MEETING_KIND_COUNT)
		return lk_fail(err, LK_EINVAL, _("Choose whether it is a planning or an evaluation meeting."));
	if (m->run_id < 0 || (m->kind == LK_MEETING_EVALUATION && m->run_id == 0))
		return lk_fail(err, LK_EINVAL, _("An evaluation meeting belongs to a run: choose the run it evaluates."));
	if (times_parse(m, t, err) < 0)
		return -1;
	return text_check(_("Place"), m->place, false, LK_NAME_MAX, false, err) < 0 ||
	       text_check(_("Notes"), m->notes, false, LK_TEXT_MAX, true, err) < 0 ? -1 : 0;
}

static int course_exists(lk_ctx *ctx, int64_t id, lk_err *err)
{
	int found = id > 0 ? store_owner_exists(ctx->db, (lk_owner){.course_id = id}, err) : 0;
	if (found == 0)
		return lk_fail(err, LK_ENOTFOUND, _("There is no course with number %lld."), (long long)id);
	return found < 0 ? -1 : 0;
}

/* A run given for a meeting must be one of the meeting's course. */
static int run_of_course(lk_ctx *ctx, int64_t run_id, int64_t course_id, lk_err *err)
{
	int64_t of = 0;
	int found = run_id ? store_meeting_run_course(ctx->db, run_id, &of, err) : 1;
	if (found == 0)
		return lk_fail(err, LK_EINVAL, _("There is no run with number %lld."), (long long)run_id);
	if (found < 0)
		return -1;
	if (run_id && of != course_id)
		return lk_fail(err, LK_EINVAL, _("Run %lld is a run of another course; a meeting can only be about a run of its own course."),
			(long long)run_id);
	return 0;
}

static int meeting_read(lk_ctx *ctx, int64_t id, lk_meeting *out, lk_err *err)
{
	memset(out, 0, sizeof *out);
	int found = store_meeting_get(ctx->db, id, out, err);
	if (found == 0)
		return lk_fail(err, LK_ENOTFOUND, _("There is no meeting with number %lld."), (long long)id);
	return found < 0 ? -1 : 0;
}

int meeting_create(lk_ctx *ctx, lk_meeting *m, lk_err *err)
{
	struct meeting_times t;
	if (role_require(ctx, LK_PERM_EDIT_PLAN, err) < 0 || meeting_validate(m, &t, err) < 0 ||
	    store_begin(ctx->db, err) < 0)
		return -1;
	lk_meeting row = *m;
	row.starts_at = t.start;
	row.ends_at = t.end;
	int rc = course_exists(ctx, m->course_id, err);
	if (rc == 0)
		rc = run_of_course(ctx, m->run_id, m->course_id, err);
	if (rc == 0)
		rc = store_meeting_insert(ctx->db, &row, err);
	if (rc == 0)
		rc = audit_log(ctx, "create", "meeting", row.id, meeting_kind_code(m->kind), err);
	if (rc == 0) {
		m->id = row.id;
		m->version = row.version;
	}
	return ctx_end(ctx, rc, err);
}

int meeting_get(lk_ctx *ctx, int64_t id, lk_meeting *out, lk_err *err)
{
	memset(out, 0, sizeof *out);
	if (role_require(ctx, LK_PERM_READ_PLAN, err) < 0)
		return -1;
	return meeting_read(ctx, id, out, err);
}

static int meeting_update_in_tx(lk_ctx *ctx, lk_meeting *row, lk_err *err)
{
	lk_meeting cur;
	int rc = meeting_read(ctx, row->id, &cur, err);
	if (rc == 0)
		rc = run_of_course(ctx, row->run_id, cur.course_id, err);
	meeting_free(&cur);
	if (rc == 0)
		rc = store_meeting_update(ctx->db, row, err);
	if (rc == 0)
		rc = audit_log(ctx, "update", "meeting", row->id, NULL, err);
	return rc;
}

int meeting_update(lk_ctx *ctx, lk_meeting *m, lk_err *err)
{
	struct meeting_times t;
	if (role_require(ctx, LK_PERM_EDIT_PLAN, err) < 0 || meeting_validate(m, &t, err) < 0 ||
	    store_begin(ctx->db, err) < 0)
		return -1;
	lk_meeting row = *m;
	row.starts_at = t.start;
	row.ends_at = t.end;
	int rc = ctx_end(ctx, meeting_update_in_tx(ctx, &row, err), err);
	if (rc == 0)
		m->version = row.version;
	return rc;
}

static int meeting_delete_in_tx(lk_ctx *ctx, int64_t id, int64_t version, lk_err *err)
{
	lk_meeting cur;
	if (meeting_read(ctx, id, &cur, err) < 0)
		return -1;
	char detail[80];
	snprintf(detail, sizeof detail, "attendees=%lld decisions=%lld",
		(long long)cur.n_attendees, (long long)cur.n_decisions);
	meeting_free(&cur);
	if (store_meeting_delete(ctx->db, id, version, err) < 0)
		return -1;
	return audit_log(ctx, "delete", "meeting", id, detail, err);
}

int meeting_delete(lk_ctx *ctx, int64_t id, int64_t version, lk_err *err)
{
	if (role_require(ctx, LK_PERM_EDIT_PLAN, err) < 0 || store_begin(ctx->db, err) < 0)
		return -1;
	return ctx_end(ctx, meeting_delete_in_tx(ctx, id, version, err), err);
}

int meeting_list(lk_ctx *ctx, int64_t course_id, int kind, lk_page page,
	int (*each)(void *, const lk_meeting *), void *arg, lk_err *err)
{
	if (role_require(ctx, LK_PERM_READ_PLAN, err) < 0)
		return -1;
	return store_meeting_list(ctx->db, course_id, kind, page, each, arg, err);
}

int64_t meeting_count(lk_ctx *ctx, int64_t course_id, int kind, lk_err *err)
{
	if (role_require(ctx, LK_PERM_READ_PLAN, err) < 0)
		return -1;
	return store_meeting_count(ctx->db, course_id, kind, err);
}

int64_t meeting_count_for_run(lk_ctx *ctx, int64_t run_id, int kind, lk_err *err)
{
	if (role_require(ctx, LK_PERM_READ_PLAN, err) < 0)
		return -1;
	return store_meeting_count_for_run(ctx->db, run_id, kind, err);
}

/* ---- attendees ---- */

static int meeting_exists(lk_ctx *ctx, int64_t id, lk_err *err)
{
	lk_meeting m;
	int rc = meeting_read(ctx, id, &m, err);
	meeting_free(&m);
	return rc;
}

static int attendee_add_in_tx(lk_ctx *ctx, int64_t meeting_id, int64_t person_id, bool in_person,
	lk_err *err)
{
	if (meeting_exists(ctx, meeting_id, err) < 0)
		return -1;
	int found = person_id > 0 ? store_course_person_exists(ctx->db, person_id, NULL, err) : 0;
	if (found == 0)
		return lk_fail(err, LK_ENOTFOUND, _("There is no person with number %lld."), (long long)person_id);
	int already = found < 0 ? -1 : store_attendee_exists(ctx->db, meeting_id, person_id, err);
	if (already != 0)
		return already < 0 ? -1 : lk_fail(err, LK_EINVAL, _("The person is already recorded as attending this meeting."));
	char detail[60];
	snprintf(detail, sizeof detail, "add person %lld%s", (long long)person_id,
		in_person ? "" : " (remote)");
	if (store_attendee_insert(ctx->db, meeting_id, person_id, in_person, err) < 0)
		return -1;
	return audit_log(ctx, "update", "meeting_attendee", meeting_id, detail, err);
}

int meeting_attendee_add(lk_ctx *ctx, int64_t meeting_id, int64_t person_id, bool in_person,
	lk_err *err)
{
	if (role_require(ctx, LK_PERM_EDIT_PLAN, err) < 0 || store_begin(ctx->db, err) < 0)
		return -1;
	return ctx_end(ctx, attendee_add_in_tx(ctx, meeting_id, person_id, in_person, err), err);
}

/* Audits a change that store reported as 1 (done) or 0 (not an attendee). */
static int attendee_changed(lk_ctx *ctx, int rc, int64_t meeting_id, int64_t person_id,
	const char *what, lk_err *err)
{
	if (rc == 0)
		return lk_fail(err, LK_ENOTFOUND, _("The person is not recorded as attending this meeting."));
	if (rc < 0)
		return -1;
	char detail[60];
	snprintf(detail, sizeof detail, "%s person %lld", what, (long long)person_id);
	return audit_log(ctx, "update", "meeting_attendee", meeting_id, detail, err);
}

int meeting_attendee_set(lk_ctx *ctx, int64_t meeting_id, int64_t person_id, bool in_person,
	lk_err *err)
{
	if (role_require(ctx, LK_PERM_EDIT_PLAN, err) < 0 || store_begin(ctx->db, err) < 0)
		return -1;
	int rc = store_attendee_set(ctx->db, meeting_id, person_id, in_person, err);
	rc = attendee_changed(ctx, rc, meeting_id, person_id, in_person ? "in person" : "remote", err);
	return ctx_end(ctx, rc, err);
}

int meeting_attendee_remove(lk_ctx *ctx, int64_t meeting_id, int64_t person_id, lk_err *err)
{
	if (role_require(ctx, LK_PERM_EDIT_PLAN, err) < 0 || store_begin(ctx->db, err) < 0)
		return -1;
	int rc = store_attendee_delete(ctx->db, meeting_id, person_id, err);
	rc = attendee_changed(ctx, rc, meeting_id, person_id, "remove", err);
	return ctx_end(ctx, rc, err);
}

int meeting_attendee_list(lk_ctx *ctx, int64_t meeting_id,
	int (*each)(void *, const lk_attendee *), void *arg, lk_err *err)
{
	if (role_require(ctx, LK_PERM_READ_PLAN, err) < 0)
		return -1;
	return store_attendee_list(ctx->db, meeting_id, each, arg, err);
}

/* ---- decisions ---- */

static int decision_text_check(const lk_decision *d, lk_err *err)
{
	return text_check(_("Decision"), d->text, true, LK_TEXT_MAX, true, err);
}

int meeting_decision_add(lk_ctx *ctx, lk_decision *d, lk_err *err)
{
	if (role_require(ctx, LK_PERM_EDIT_PLAN, err) < 0 || decision_text_check(d, err) < 0 ||
	    store_begin(ctx->db, err) < 0)
		return -1;
	int rc = meeting_exists(ctx, d->meeting_id, err);
	if (rc == 0)
		rc = store_decision_insert(ctx->db, d, err);
	if (rc == 0)
		rc = audit_log(ctx, "create", "decision", d->id, NULL, err);
	return ctx_end(ctx, rc, err);
}

int meeting_decision_get(lk_ctx *ctx, int64_t id, lk_decision *out, lk_err *err)
{
	memset(out, 0, sizeof *out);
	if (role_require(ctx, LK_PERM_READ_PLAN, err) < 0)
		return -1;
	int found = store_decision_get(ctx->db, id, out, err);
	if (found == 0)
		return lk_fail(err, LK_ENOTFOUND, _("There is no decision with number %lld."), (long long)id);
	return found < 0 ? -1 : 0;
}

int meeting_decision_update(lk_ctx *ctx, lk_decision *d, lk_err *err)
{
	if (role_require(ctx, LK_PERM_EDIT_PLAN, err) < 0 || decision_text_check(d, err) < 0 ||
	    store_begin(ctx->db, err) < 0)
		return -1;
	int rc = store_decision_update(ctx->db, d, err);
	if (rc == 0)
		rc = audit_log(ctx, "update", "decision", d->id, NULL, err);
	return ctx_end(ctx, rc, err);
}

int meeting_decision_delete(lk_ctx *ctx, int64_t id, int64_t version, lk_err *err)
{
	if (role_require(ctx, LK_PERM_EDIT_PLAN, err) < 0 || store_begin(ctx->db, err) < 0)
		return -1;
	int rc = store_decision_delete(ctx->db, id, version, err);
	if (rc == 0)
		rc = audit_log(ctx, "delete", "decision", id, NULL, err);
	return ctx_end(ctx, rc, err);
}

int meeting_decision_list(lk_ctx *ctx, int64_t meeting_id,
	int (*each)(void *, const lk_decision *), void *arg, lk_err *err)
{
	if (role_require(ctx, LK_PERM_READ_PLAN, err) < 0)
		return -1;
	return store_decision_list(ctx->db, meeting_id, each, arg, err);
}
