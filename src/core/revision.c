/* A course's revision log: what changed in the plan, why, and from which
 * decision. */
#include "lmskurs/revision.h"

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

static const lk_code_name elements[LK_ELEMENT_COUNT] = {
	[LK_ELEMENT_TARGET_GROUP] = {"target_group", N_("target group")},
	[LK_ELEMENT_GOALS] = {"goals", N_("goals")},
	[LK_ELEMENT_FRAME] = {"frame", N_("frame conditions")},
	[LK_ELEMENT_CONTENT] = {"content", N_("content")},
	[LK_ELEMENT_METHODS] = {"methods", N_("methods")},
	[LK_ELEMENT_EVALUATION] = {"evaluation", N_("evaluation")},
	[LK_ELEMENT_SESSION_PLAN] = {"session_plan", N_("session plan")},
	[LK_ELEMENT_OTHER] = {"other", N_("other")},
};

const char *revision_element_code(lk_plan_element e) { return codes_code(elements, LK_ELEMENT_COUNT, e); }
const char *revision_element_label(lk_plan_element e) { return codes_label(elements, LK_ELEMENT_COUNT, e); }

int revision_element_parse(const char *code, lk_plan_element *out)
{
	int i;
	if (codes_parse(elements, LK_ELEMENT_COUNT, code, &i) < 0)
		return -1;
	*out = (lk_plan_element)i;
	return 0;
}

void revision_free(lk_revision *r)
{
	if (!r)
		return;
	free(r->change);
	free(r->why);
	free(r->login);
	free(r->at);
	memset(r, 0, sizeof *r);
}

static int revision_validate(const lk_revision *r, lk_err *err)
{
	if ((unsigned)r->element >= LK_ELEMENT_COUNT)
		return lk_fail(err, LK_EINVAL, _("Choose which part of the plan the revision changes."));
	if (r->decision_id < 0 || r->part_id < 0)
		return lk_fail(err, LK_EINVAL, _("The revision's decision or part is not a valid number."));
	return text_check(_("Change"), r->change, true, LK_TEXT_MAX, true, err) < 0 ||
	       text_check(_("Why"), r->why, false, LK_TEXT_MAX, true, err) < 0 ? -1 : 0;
}

static int decision_of_course(lk_ctx *ctx, const lk_revision *r, lk_err *err)
{
	int64_t course_id = 0;
	int found = r->decision_id ? store_decision_course(ctx->db, r->decision_id, &course_id, err) : 1;
	if (found == 0)
		return lk_fail(err, LK_EINVAL, _("There is no decision with number %lld."), (long long)r->decision_id);
	if (found < 0)
		return -1;
	if (r->decision_id && course_id != r->course_id)
		return lk_fail(err, LK_EINVAL, _("The decision was made for another course."));
	return 0;
}

static int part_of_course(lk_ctx *ctx, const lk_revision *r, lk_err *err)
{
	lk_course_part p = {0};
	int found = r->part_id ? store_part_get(ctx->db, r->part_id, &p, err) : 1;
	bool other = r->part_id && found > 0 && p.course_id != r->course_id;
	course_part_free(&p);
	if (found == 0)
		return lk_fail(err, LK_EINVAL, _("There is no part of a session plan with number %lld."), (long long)r->part_id);
	if (found < 0)
		return -1;
	return other ? lk_fail(err, LK_EINVAL, _("The part belongs to another course's session plan.")) : 0;
}

static int revision_add_in_tx(lk_ctx *ctx, lk_revision *r, lk_err *err)
{
	int found = r->course_id > 0 ? store_owner_exists(ctx->db, (lk_owner){.course_id = r->course_id}, err) : 0;
	if (found == 0)
		return lk_fail(err, LK_ENOTFOUND, _("There is no course with number %lld."), (long long)r->course_id);
	if (found < 0 || decision_of_course(ctx, r, err) < 0 || part_of_course(ctx, r, err) < 0)
		return -1;
	char stamp[20];
	ctx_stamp(ctx, stamp);
	lk_revision row = *r;
	row.login = ctx->login;
	row.at = stamp;
	if (store_revision_insert(ctx->db, &row, err) < 0)
		return -1;
	r->id = row.id;
	r->version = row.version;
	return audit_log(ctx, "create", "revision", r->id, revision_element_code(r->element), err);
}

int revision_add(lk_ctx *ctx, lk_revision *r, lk_err *err)
{
	if (role_require(ctx, LK_PERM_EDIT_PLAN, err) < 0 || revision_validate(r, err) < 0 ||
	    store_begin(ctx->db, err) < 0)
		return -1;
	return ctx_end(ctx, revision_add_in_tx(ctx, r, err), err);
}

int revision_get(lk_ctx *ctx, int64_t id, lk_revision *out, lk_err *err)
{
	memset(out, 0, sizeof *out);
	if (role_require(ctx, LK_PERM_READ_PLAN, err) < 0)
		return -1;
	int found = store_revision_get(ctx->db, id, out, err);
	if (found == 0)
		return lk_fail(err, LK_ENOTFOUND, _("There is no revision with number %lld."), (long long)id);
	return found < 0 ? -1 : 0;
}

int revision_list(lk_ctx *ctx, int64_t course_id, lk_page page,
	int (*each)(void *, const lk_revision *), void *arg, lk_err *err)
{
	if (role_require(ctx, LK_PERM_READ_PLAN, err) < 0)
		return -1;
	return store_revision_list(ctx->db, course_id, page, each, arg, err);
}

int64_t revision_count(lk_ctx *ctx, int64_t course_id, lk_err *err)
{
	if (role_require(ctx, LK_PERM_READ_PLAN, err) < 0)
		return -1;
	return store_revision_count(ctx->db, course_id, err);
}

int revision_delete(lk_ctx *ctx, int64_t id, int64_t version, lk_err *err)
{
	if (role_require(ctx, LK_PERM_EDIT_PLAN, err) < 0 || store_begin(ctx->db, err) < 0)
		return -1;
	int rc = store_revision_delete(ctx->db, id, version, err);
	if (rc == 0)
		rc = audit_log(ctx, "delete", "revision", id, NULL, err);
	return ctx_end(ctx, rc, err);
}
