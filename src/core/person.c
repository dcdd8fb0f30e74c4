#include "lmskurs/person.h"

#include <stdlib.h>
#include <string.h>

#include "lmskurs/audit.h"
#include "lmskurs/codes.h"
#include "lmskurs/i18n.h"
#include "lmskurs/role.h"
#include "lmskurs/store/person.h"
#include "lmskurs/text.h"

static const lk_code_name kinds[] = {
	[LK_PROFESSIONAL] = {"professional", N_("professional")},
	[LK_USER_REP] = {"user_rep", N_("user representative")},
};

const char *person_kind_code(lk_person_kind k) { return codes_code(kinds, LK_NCODES(kinds), k); }
const char *person_kind_label(lk_person_kind k) { return codes_label(kinds, LK_NCODES(kinds), k); }

int person_kind_parse(const char *code, lk_person_kind *out)
{
	int i;
	if (codes_parse(kinds, LK_NCODES(kinds), code, &i) < 0)
		return -1;
	*out = (lk_person_kind)i;
	return 0;
}

void person_free(lk_person *p)
{
	if (!p)
		return;
	free(p->name);
	free(p->profession);
	free(p->organisation);
	free(p->email);
	free(p->phone);
	free(p->notes);
	memset(p, 0, sizeof *p);
}

static int person_validate(const lk_person *p, lk_err *err)
{
	if (p->kind != LK_PROFESSIONAL && p->kind != LK_USER_REP)
		return lk_fail(err, LK_EINVAL, _("Choose whether the person is a professional or a user representative."));
	return text_check(_("Name"), p->name, true, LK_NAME_MAX, false, err) < 0 ||
	       text_check(_("Profession"), p->profession, false, LK_NAME_MAX, false, err) < 0 ||
	       text_check(_("Organisation"), p->organisation, false, LK_NAME_MAX, false, err) < 0 ||
	       text_check(_("E-mail"), p->email, false, LK_SHORT_MAX, false, err) < 0 ||
	       text_check(_("Phone"), p->phone, false, LK_SHORT_MAX, false, err) < 0 ||
	       text_check(_("Notes"), p->notes, false, LK_TEXT_MAX, true, err) < 0 ? -1 : 0;
}

int person_create(lk_ctx *ctx, lk_person *p, lk_err *err)
{
	if (role_require(ctx, LK_PERM_EDIT_PLAN, err) < 0 || person_validate(p, err) < 0 ||
	    store_begin(ctx->db, err) < 0)
		return -1;
	char stamp[20];
	ctx_stamp(ctx, stamp);
	int rc = store_person_insert(ctx->db, p, stamp, err);
	if (rc == 0)
		rc = audit_log(ctx, "create", "person", p->id, NULL, err);
	return ctx_end(ctx, rc, err);
}

int person_get(lk_ctx *ctx, int64_t id, lk_person *out, lk_err *err)
{
	memset(out, 0, sizeof *out);
	if (role_require(ctx, LK_PERM_READ_PLAN, err) < 0)
		return -1;
	int found = store_person_get(ctx->db, id, out, err);
	if (found == 0)
		return lk_fail(err, LK_ENOTFOUND, _("There is no person with number %lld."), (long long)id);
	return found < 0 ? -1 : 0;
}

int person_update(lk_ctx *ctx, lk_person *p, lk_err *err)
{
	if (role_require(ctx, LK_PERM_EDIT_PLAN, err) < 0 || person_validate(p, err) < 0 ||
	    store_begin(ctx->db, err) < 0)
		return -1;
	int rc = store_person_update(ctx->db, p, err);
	if (rc == 0)
		rc = audit_log(ctx, "update", "person", p->id, NULL, err);
	return ctx_end(ctx, rc, err);
}

static int refuse_if_booked(lk_ctx *ctx, int64_t id, lk_err *err)
{
	lk_person_usage u;
	char now[17];
	datetime_iso(ctx_now(ctx), now);
	if (store_person_usage(ctx->db, id, now, &u, err) < 0)
		return -1;
	if (u.sessions + u.planning_groups + u.meetings + u.owned_courses + u.logins == 0)
		return 0;
	if (u.owned_courses + u.logins > 0)
		return lk_fail(err, LK_ERULE,
			_("This person owns %lld courses and has %lld logins linked; name another owner and unlink the login first, or mark the person inactive."),
			(long long)u.owned_courses, (long long)u.logins);
	return lk_fail(err, LK_ERULE,
		_("This person facilitates %lld sessions, is in %lld planning groups and attended %lld meetings; deleting would rewrite history. Mark the person inactive instead."),
		(long long)u.sessions, (long long)u.planning_groups, (long long)u.meetings);
}

int person_delete(lk_ctx *ctx, int64_t id, int64_t version, lk_err *err)
{
	if (role_require(ctx, LK_PERM_EDIT_PLAN, err) < 0 || store_begin(ctx->db, err) < 0)
		return -1;
	int rc = refuse_if_booked(ctx, id, err);
	if (rc == 0)
		rc = store_person_delete(ctx->db, id, version, err);
	if (rc == 0)
		rc = audit_log(ctx, "delete", "person", id, NULL, err);
	return ctx_end(ctx, rc, err);
}

int person_list(lk_ctx *ctx, const lk_person_filter *f, lk_page page,
	int (*each)(void *, const lk_person *), void *arg, lk_err *err)
{
	if (role_require(ctx, LK_PERM_READ_PLAN, err) < 0)
		return -1;
	return store_person_list(ctx->db, f, page, each, arg, err);
}

int64_t person_count(lk_ctx *ctx, const lk_person_filter *f, lk_err *err)
{
	if (role_require(ctx, LK_PERM_READ_PLAN, err) < 0)
		return -1;
	return store_person_count(ctx->db, f, err);
}

int person_usage(lk_ctx *ctx, int64_t id, lk_person_usage *out, lk_err *err)
{
	if (role_require(ctx, LK_PERM_READ_PLAN, err) < 0)
		return -1;
	char now[17];
	datetime_iso(ctx_now(ctx), now);
	return store_person_usage(ctx->db, id, now, out, err);
}
