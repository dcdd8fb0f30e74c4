/* The course concept: records, planning group, session plan, phase moves. */
#include "lmskurs/course.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lmskurs/audit.h"
#include "lmskurs/codes.h"
#include "lmskurs/i18n.h"
#include "lmskurs/role.h"
#include "lmskurs/store/course.h"
#include "lmskurs/store/phase.h"
#include "lmskurs/text.h"

static const lk_code_name audiences[LK_AUDIENCE_COUNT] = {
	[LK_AUDIENCE_PATIENTS] = {"patients", N_("patients")},
	[LK_AUDIENCE_RELATIVES] = {"relatives", N_("relatives")},
	[LK_AUDIENCE_BOTH] = {"both", N_("patients and relatives")},
};

static const lk_code_name needs_names[LK_NEEDS_COUNT] = {
	[LK_NEEDS_BOTH] = {"both", N_("professional and user representative")},
	[LK_NEEDS_PROFESSIONAL] = {"professional", N_("professional")},
	[LK_NEEDS_USER_REP] = {"user_rep", N_("user representative")},
};

const char *course_audience_code(lk_audience a) { return codes_code(audiences, LK_AUDIENCE_COUNT, a); }
const char *course_audience_label(lk_audience a) { return codes_label(audiences, LK_AUDIENCE_COUNT, a); }

int course_audience_parse(const char *code, lk_audience *out)
{
	int i;
	if (codes_parse(audiences, LK_AUDIENCE_COUNT, code, &i) < 0)
		return -1;
	*out = (lk_audience)i;
	return 0;
}

const char *course_part_needs_code(lk_part_needs n) { return codes_code(needs_names, LK_NEEDS_COUNT, n); }
const char *course_part_needs_label(lk_part_needs n) { return codes_label(needs_names, LK_NEEDS_COUNT, n); }

int course_part_needs_parse(const char *code, lk_part_needs *out)
{
	int i;
	if (codes_parse(needs_names, LK_NEEDS_COUNT, code, &i) < 0)
		return -1;
	*out = (lk_part_needs)i;
	return 0;
}

void course_free(lk_course *c)
{
	if (!c)
		return;
	char *s[] = {c->title, c->why, c->management_backing, c->target_group, c->goals, c->frame,
		c->content, c->methods, c->evaluation, c->created_at, c->updated_at};
	for (size_t i = 0; i < sizeof s / sizeof s[0]; i++)
		free(s[i]);
	memset(c, 0, sizeof *c);
}

void course_member_free(lk_member *m)
{
	if (!m)
		return;
	free(m->name);
	free(m->profession);
	free(m->organisation);
	free(m->role_note);
	memset(m, 0, sizeof *m);
}

void course_part_free(lk_course_part *p)
{
	if (!p)
		return;
	free(p->topic);
	free(p->description);
	memset(p, 0, sizeof *p);
}

/* ---- shared checks ---- */

static int course_exists(lk_ctx *ctx, int64_t id, lk_err *err)
{
	int found = id > 0 ? store_owner_exists(ctx->db, (lk_owner){.course_id = id}, err) : 0;
	if (found == 0)
		return lk_fail(err, LK_ENOTFOUND, _("There is no course with number %lld."), (long long)id);
	return found < 0 ? -1 : 0;
}

static int person_exists(lk_ctx *ctx, int64_t id, bool *active, lk_err *err)
{
	int found = id > 0 ? store_course_person_exists(ctx->db, id, active, err) : 0;
	if (found == 0)
		return lk_fail(err, LK_ENOTFOUND, _("There is no person with number %lld."), (long long)id);
	return found < 0 ? -1 : 0;
}

/* The six plan elements with their field names, for validation. */
static int course_check_texts(const lk_course *c, lk_err *err)
{
	const struct {
		const char *field, *text;
	} f[] = {
		{N_("Why"), c->why}, {N_("Management backing"), c->management_backing},
		{N_("Target group"), c->target_group}, {N_("Goals"), c->goals},
		{N_("Frame conditions"), c->frame}, {N_("Content"), c->content},
		{N_("Methods"), c->methods}, {N_("Evaluation"), c->evaluation},
	};
	for (size_t i = 0; i < sizeof f / sizeof f[0]; i++)
		if (text_check(_(f[i].field), f[i].text, false, LK_TEXT_MAX, true, err) < 0)
			return -1;
	return 0;
}

static int course_validate(const lk_course *c, lk_err *err)
{
	if ((unsigned)c->audience >= LK_AUDIENCE_COUNT)
		return lk_fail(err, LK_EINVAL, _("Choose who the course is for: patients, relatives or both."));
	if (c->owner_id < 0 || c->questionnaire_id < 0)
		return lk_fail(err, LK_EINVAL, _("The course's owner or questionnaire is not a valid number."));
	if (text_check(_("Title"), c->title, true, LK_NAME_MAX, false, err) < 0)
		return -1;
	return course_check_texts(c, err);
}

/* Inside the transaction: the owner and questionnaire must exist. */
static int course_check_refs(lk_ctx *ctx, const lk_course *c, lk_err *err)
{
	int found = c->owner_id ? store_course_person_exists(ctx->db, c->owner_id, NULL, err) : 1;
	if (found == 0)
		return lk_fail(err, LK_EINVAL, _("There is no person with number %lld to own the course."),
			(long long)c->owner_id);
	if (found > 0 && c->questionnaire_id)
		found = store_course_questionnaire_exists(ctx->db, c->questionnaire_id, err);
	if (found == 0)
		return lk_fail(err, LK_EINVAL, _("There is no questionnaire with number %lld."),
			(long long)c->questionnaire_id);
	return found < 0 ? -1 : 0;
}

/* ---- courses ---- */

static int course_insert_in_tx(lk_ctx *ctx, lk_course *c, lk_err *err)
{
	char stamp[20];
	ctx_stamp(ctx, stamp);
	int rc = course_check_refs(ctx, c, err);
	if (rc == 0)
		rc = store_course_insert(ctx->db, c, stamp, err);
	if (rc == 0)
		rc = phase_enter_checklist(ctx, (lk_owner){.course_id = c->id}, "idea", err);
	if (rc == 0)
		rc = audit_log(ctx, "create", "course", c->id, NULL, err);
	return rc;
}

int course_create(lk_ctx *ctx, lk_course *c, lk_err *err)
{
	if (role_require(ctx, LK_PERM_EDIT_PLAN, err) < 0 || course_validate(c, err) < 0 ||
	    store_begin(ctx->db, err) < 0)
		return -1;
	lk_course_phase phase = c->phase;
	int rc = ctx_end(ctx, course_insert_in_tx(ctx, c, err), err);
	if (rc < 0) { /* rolled back: no id of a row that is gone */
		c->id = 0;
		c->version = 0;
		c->phase = phase;
	}
	return rc;
}

int course_get(lk_ctx *ctx, int64_t id, lk_course *out, lk_err *err)
{
	memset(out, 0, sizeof *out);
	if (role_require(ctx, LK_PERM_READ_PLAN, err) < 0)
		return -1;
	int found = store_course_get(ctx->db, id, out, err);
	if (found == 0)
		return lk_fail(err, LK_ENOTFOUND, _("There is no course with number %lld."), (long long)id);
	return found < 0 ? -1 : 0;
}

int course_update(lk_ctx *ctx, lk_course *c, lk_err *err)
{
	if (role_require(ctx, LK_PERM_EDIT_PLAN, err) < 0 || course_validate(c, err) < 0 ||
	    store_begin(ctx->db, err) < 0)
		return -1;
	char stamp[20];
	ctx_stamp(ctx, stamp);
	int64_t version = c->version;
	int rc = course_check_refs(ctx, c, err);
	if (rc == 0)
		rc = store_course_update(ctx->db, c, stamp, err);
	if (rc == 0)
		rc = audit_log(ctx, "update", "course", c->id, NULL, err);
	rc = ctx_end(ctx, rc, err);
	if (rc < 0)
		c->version = version;
	return rc;
}

static int course_delete_in_tx(lk_ctx *ctx, int64_t id, int64_t version, lk_err *err)
{
	lk_course_usage u = {0};
	if (course_exists(ctx, id, err) < 0 || store_course_usage(ctx->db, id, &u, err) < 0)
		return -1;
	if (u.runs > 0)
		return lk_fail(err, LK_ERULE,
			ngettext("This course has %lld run; a course with runs cannot be deleted. Retire it instead.",
				 "This course has %lld runs; a course with runs cannot be deleted. Retire it instead.",
				 (unsigned long)u.runs),
			(long long)u.runs);
	if (store_course_delete(ctx->db, id, version, err) < 0)
		return -1;
	char detail[200];
	snprintf(detail, sizeof detail,
		"parts=%lld members=%lld meetings=%lld checklist=%lld overrides=%lld revisions=%lld",
		(long long)u.parts, (long long)u.members, (long long)u.meetings,
		(long long)u.checklist, (long long)u.overrides, (long long)u.revisions);
	return audit_log(ctx, "delete", "course", id, detail, err);
}

int course_delete(lk_ctx *ctx, int64_t id, int64_t version, lk_err *err)
{
	if (role_require(ctx, LK_PERM_EDIT_PLAN, err) < 0 || store_begin(ctx->db, err) < 0)
		return -1;
	return ctx_end(ctx, course_delete_in_tx(ctx, id, version, err), err);
}

int course_list(lk_ctx *ctx, const lk_course_filter *f, lk_page page,
	int (*each)(void *, const lk_course_row *), void *arg, lk_err *err)
{
	if (role_require(ctx, LK_PERM_READ_PLAN, err) < 0)
		return -1;
	char today[11];
	date_iso(ctx_today(ctx), today);
	return store_course_list(ctx->db, f, today, page, each, arg, err);
}

int64_t course_count(lk_ctx *ctx, const lk_course_filter *f, lk_err *err)
{
	if (role_require(ctx, LK_PERM_READ_PLAN, err) < 0)
		return -1;
	return store_course_count(ctx->db, f, err);
}

/* ---- planning group ---- */

static int member_add_in_tx(lk_ctx *ctx, int64_t course_id, int64_t person_id,
	const char *note, lk_err *err)
{
	bool active = false;
	if (course_exists(ctx, course_id, err) < 0 || person_exists(ctx, person_id, &active, err) < 0)
		return -1;
	if (!active)
		return lk_fail(err, LK_EINVAL, _("The person is marked inactive; make them active before adding them to a planning group."));
	int member = store_member_exists(ctx->db, course_id, person_id, err);
	if (member != 0)
		return member < 0 ? -1 : lk_fail(err, LK_EINVAL, _("The person is already in the planning group."));
	char stamp[20], detail[40];
	ctx_stamp(ctx, stamp);
	snprintf(detail, sizeof detail, "add person %lld", (long long)person_id);
	if (store_member_insert(ctx->db, course_id, person_id, note, stamp, err) < 0)
		return -1;
	return audit_log(ctx, "update", "planning_member", course_id, detail, err);
}

int course_member_add(lk_ctx *ctx, int64_t course_id, int64_t person_id, const char *role_note,
	lk_err *err)
{
	if (role_require(ctx, LK_PERM_EDIT_PLAN, err) < 0 ||
	    text_check(_("Role in the group"), role_note, false, LK_NAME_MAX, false, err) < 0 ||
	    store_begin(ctx->db, err) < 0)
		return -1;
	return ctx_end(ctx, member_add_in_tx(ctx, course_id, person_id, role_note, err), err);
}

int course_member_remove(lk_ctx *ctx, int64_t course_id, int64_t person_id, lk_err *err)
{
	if (role_require(ctx, LK_PERM_EDIT_PLAN, err) < 0 || store_begin(ctx->db, err) < 0)
		return -1;
	int rc = store_member_delete(ctx->db, course_id, person_id, err);
	if (rc == 0)
		rc = lk_fail(err, LK_ENOTFOUND, _("The person is not in this course's planning group."));
	if (rc == 1) {
		char detail[40];
		snprintf(detail, sizeof detail, "remove person %lld", (long long)person_id);
		rc = audit_log(ctx, "update", "planning_member", course_id, detail, err);
	}
	return ctx_end(ctx, rc, err);
}

int course_member_list(lk_ctx *ctx, int64_t course_id,
	int (*each)(void *, const lk_member *), void *arg, lk_err *err)
{
	if (role_require(ctx, LK_PERM_READ_PLAN, err) < 0)
		return -1;
	return store_member_list(ctx->db, course_id, each, arg, err);
}

int course_group_balance(lk_ctx *ctx, int64_t course_id, int64_t *n_prof, int64_t *n_userrep,
	lk_err *err)
{
	*n_prof = *n_userrep = 0;
	if (role_require(ctx, LK_PERM_READ_PLAN, err) < 0)
		return -1;
	return store_member_balance(ctx->db, course_id, n_prof, n_userrep, err);
}

/* ---- session plan ---- */

static int part_validate(const lk_course_part *p, lk_err *err)
{
	if ((unsigned)p->needs >= LK_NEEDS_COUNT)
		return lk_fail(err, LK_EINVAL, _("Choose who the part needs: a professional, a user representative or both."));
	if (p->minutes < LK_PART_MINUTES_MIN || p->minutes > LK_PART_MINUTES_MAX)
		return lk_fail(err, LK_EINVAL, _("A part lasts from %d to %d minutes, not %d."),
			LK_PART_MINUTES_MIN, LK_PART_MINUTES_MAX, p->minutes);
	return text_check(_("Topic"), p->topic, true, LK_NAME_MAX, false, err) < 0 ||
	       text_check(_("Description"), p->description, false, LK_TEXT_MAX, true, err) < 0 ? -1 : 0;
}

int course_part_add(lk_ctx *ctx, lk_course_part *p, lk_err *err)
{
	if (role_require(ctx, LK_PERM_EDIT_PLAN, err) < 0 || part_validate(p, err) < 0 ||
	    store_begin(ctx->db, err) < 0)
		return -1;
	int rc = course_exists(ctx, p->course_id, err);
	if (rc == 0)
		rc = store_part_insert(ctx->db, p, err);
	if (rc == 0)
		rc = audit_log(ctx, "create", "course_part", p->id, NULL, err);
	rc = ctx_end(ctx, rc, err);
	if (rc < 0) { /* rolled back: no id of a row that is gone */
		p->id = 0;
		p->position = 0;
		p->version = 0;
	}
	return rc;
}

static int part_read(lk_ctx *ctx, int64_t id, lk_course_part *out, lk_err *err)
{
	memset(out, 0, sizeof *out);
	int found = store_part_get(ctx->db, id, out, err);
	if (found == 0)
		return lk_fail(err, LK_ENOTFOUND, _("There is no part of a session plan with number %lld."), (long long)id);
	return found < 0 ? -1 : 0;
}

int course_part_get(lk_ctx *ctx, int64_t id, lk_course_part *out, lk_err *err)
{
	memset(out, 0, sizeof *out);
	if (role_require(ctx, LK_PERM_READ_PLAN, err) < 0)
		return -1;
	return part_read(ctx, id, out, err);
}

int course_part_update(lk_ctx *ctx, lk_course_part *p, lk_err *err)
{
	if (role_require(ctx, LK_PERM_EDIT_PLAN, err) < 0 || part_validate(p, err) < 0 ||
	    store_begin(ctx->db, err) < 0)
		return -1;
	int64_t version = p->version;
	int rc = store_part_update(ctx->db, p, err);
	if (rc == 0)
		rc = audit_log(ctx, "update", "course_part", p->id, NULL, err);
	rc = ctx_end(ctx, rc, err);
	if (rc < 0)
		p->version = version;
	return rc;
}

int course_part_delete(lk_ctx *ctx, int64_t id, int64_t version, lk_err *err)
{
	if (role_require(ctx, LK_PERM_EDIT_PLAN, err) < 0 || store_begin(ctx->db, err) < 0)
		return -1;
	lk_course_part p;
	int rc = part_read(ctx, id, &p, err);
	if (rc == 0) {
		p.version = version;
		rc = store_part_delete(ctx->db, &p, err);
	}
	if (rc == 0)
		rc = audit_log(ctx, "delete", "course_part", id, NULL, err);
	course_part_free(&p);
	return ctx_end(ctx, rc, err);
}

static int part_move_in_tx(lk_ctx *ctx, int64_t id, int64_t version, int step, lk_err *err)
{
	lk_course_part p;
	if (part_read(ctx, id, &p, err) < 0)
		return -1;
	int with = p.position + step;
	p.version = version;
	int rc = with < 1 ? 0 : store_part_swap(ctx->db, &p, with, err);
	course_part_free(&p);
	if (rc == 0)
		return lk_fail(err, LK_EINVAL, step < 0 ? _("The part is already the first of the session plan.")
							: _("The part is already the last of the session plan."));
	if (rc < 0)
		return -1;
	return audit_log(ctx, "update", "course_part", id, step < 0 ? "move up" : "move down", err);
}

int course_part_move(lk_ctx *ctx, int64_t id, int64_t version, int step, lk_err *err)
{
	if (role_require(ctx, LK_PERM_EDIT_PLAN, err) < 0)
		return -1;
	if (step != -1 && step != 1)
		return lk_fail(err, LK_EINVAL, _("A part moves one place up or down at a time."));
	if (store_begin(ctx->db, err) < 0)
		return -1;
	return ctx_end(ctx, part_move_in_tx(ctx, id, version, step, err), err);
}

int course_part_list(lk_ctx *ctx, int64_t course_id,
	int (*each)(void *, const lk_course_part *), void *arg, lk_err *err)
{
	if (role_require(ctx, LK_PERM_READ_PLAN, err) < 0)
		return -1;
	return store_part_list(ctx->db, course_id, each, arg, err);
}

/* ---- phases ---- */

/* The allowed moves; gated ones pass a gate, the rest (back one step, to
 * retired, retired back to revision) do not. */
static const struct {
	lk_course_phase from, to;
	bool gated;
} moves[] = {
	{LK_COURSE_IDEA, LK_COURSE_PLANNING, true},
	{LK_COURSE_PLANNING, LK_COURSE_ACTIVE, true},
	{LK_COURSE_ACTIVE, LK_COURSE_REVISION, true},
	{LK_COURSE_REVISION, LK_COURSE_ACTIVE, true},
	{LK_COURSE_PLANNING, LK_COURSE_IDEA, false},
	{LK_COURSE_ACTIVE, LK_COURSE_PLANNING, false},
	{LK_COURSE_RETIRED, LK_COURSE_REVISION, false},
};

/* 1 gated, 0 free, -1 not allowed. */
static int move_kind(lk_course_phase from, lk_course_phase to)
{
	if (to == LK_COURSE_RETIRED)
		return from == LK_COURSE_RETIRED ? -1 : 0;
	for (size_t i = 0; i < sizeof moves / sizeof moves[0]; i++)
		if (moves[i].from == from && moves[i].to == to)
			return moves[i].gated;
	return -1;
}

static int plan_conditions(lk_ctx *ctx, int64_t id, lk_gate *g, lk_err *err)
{
	int64_t n_prof = 0, n_rep = 0, n_parts = 0;
	lk_course_usage u;
	if (store_member_balance(ctx->db, id, &n_prof, &n_rep, err) < 0 ||
	    store_course_usage(ctx->db, id, &u, err) < 0)
		return -1;
	n_parts = u.parts;
	if ((n_prof == 0 && gate_add(g, "%s", _("the planning group has no professional")) < 0) ||
	    (n_rep == 0 && gate_add(g, "%s", _("the planning group has no user representative")) < 0) ||
	    (n_parts == 0 && gate_add(g, "%s", _("the session plan has no parts")) < 0))
		return lk_fail(err, LK_ENOMEM, _("Out of memory."));
	return 0;
}

/* Fills g for moving c to `to`; LK_ERULE when the move is not allowed. */
static int gate_compute(lk_ctx *ctx, const lk_course *c, lk_course_phase to, lk_gate *g, lk_err *err)
{
	int kind = move_kind(c->phase, to);
	if (kind < 0)
		return lk_fail(err, LK_ERULE, _("A course cannot move from '%s' to '%s'."),
			course_phase_label(c->phase), course_phase_label(to));
	if (kind == 0)
		return 0;
	if (c->phase == LK_COURSE_IDEA && c->owner_id == 0 && gate_add(g, "%s", _("no owner is named")) < 0)
		return lk_fail(err, LK_ENOMEM, _("Out of memory."));
	if (to == LK_COURSE_ACTIVE && plan_conditions(ctx, c->id, g, err) < 0)
		return -1;
	return phase_unticked(ctx, (lk_owner){.course_id = c->id}, course_phase_code(c->phase), g, err);
}

static int course_read(lk_ctx *ctx, int64_t id, lk_course *c, lk_err *err)
{
	memset(c, 0, sizeof *c);
	int found = store_course_get(ctx->db, id, c, err);
	if (found == 0)
		return lk_fail(err, LK_ENOTFOUND, _("There is no course with number %lld."), (long long)id);
	return found < 0 ? -1 : 0;
}

int course_gate(lk_ctx *ctx, int64_t id, lk_course_phase to, lk_gate *out, lk_err *err)
{
	gate_init(out);
	if (role_require(ctx, LK_PERM_READ_PLAN, err) < 0)
		return -1;
	if ((unsigned)to >= LK_COURSE_PHASE_COUNT)
		return lk_fail(err, LK_EINVAL, _("There is no such course phase."));
	lk_course c;
	int rc = course_read(ctx, id, &c, err);
	if (rc == 0)
		rc = gate_compute(ctx, &c, to, out, err);
	course_free(&c);
	return rc;
}

static bool is_blank(const char *s)
{
	char *t = text_trim_dup(s);
	bool blank = !t || !*t;
	free(t);
	return blank;
}

/* Refuses or records the override; the gate g is already computed. */
static int gate_pass(lk_ctx *ctx, const lk_course *c, lk_course_phase to, const lk_gate *g,
	const char *reason, lk_err *err)
{
	if (g->n == 0)
		return 0;
	if (is_blank(reason)) {
		char *joined = gate_join(g);
		lk_fail(err, LK_ERULE, _("Cannot move to %s: %s"), course_phase_label(to), joined ? joined : "");
		free(joined);
		return -1;
	}
	return phase_record_override(ctx, (lk_owner){.course_id = c->id}, course_phase_code(c->phase),
		course_phase_code(to), g, reason, err);
}

static int set_phase_in_tx(lk_ctx *ctx, int64_t id, lk_course_phase to, const char *reason,
	lk_gate *g, lk_err *err)
{
	lk_course c;
	char stamp[20], detail[40];
	int rc = course_read(ctx, id, &c, err);
	if (rc == 0)
		rc = gate_compute(ctx, &c, to, g, err);
	if (rc == 0)
		rc = gate_pass(ctx, &c, to, g, reason, err);
	ctx_stamp(ctx, stamp);
	if (rc == 0)
		rc = store_course_set_phase(ctx->db, id, course_phase_code(to), stamp, err);
	if (rc == 0)
		rc = phase_enter_checklist(ctx, (lk_owner){.course_id = id}, course_phase_code(to), err);
	snprintf(detail, sizeof detail, "%s->%s", course_phase_code(c.phase), course_phase_code(to));
	if (rc == 0)
		rc = audit_log(ctx, "phase", "course", id, detail, err);
	course_free(&c);
	return rc;
}

int course_set_phase(lk_ctx *ctx, int64_t id, lk_course_phase to, const char *reason,
	lk_gate *unmet_out, lk_err *err)
{
	lk_gate g;
	gate_init(&g);
	if (unmet_out)
		gate_init(unmet_out);
	if (role_require(ctx, LK_PERM_EDIT_PLAN, err) < 0 ||
	    text_check(_("Reason"), reason, false, LK_TEXT_MAX, true, err) < 0)
		return -1;
	if ((unsigned)to >= LK_COURSE_PHASE_COUNT)
		return lk_fail(err, LK_EINVAL, _("There is no such course phase."));
	if (store_begin(ctx->db, err) < 0)
		return -1;
	int rc = ctx_end(ctx, set_phase_in_tx(ctx, id, to, reason, &g, err), err);
	if (unmet_out)
		*unmet_out = g;
	else
		gate_free(&g);
	return rc;
}
