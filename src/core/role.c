#include "lmskurs/role.h"

#include "lmskurs/i18n.h"

/* C = coordinator, U = user representative, S = staff. User representatives
 * and staff never see contact details (DESIGN.md §2, privacy). */
enum { C = 1 << LK_ROLE_COORDINATOR, U = 1 << LK_ROLE_USER_REP, S = 1 << LK_ROLE_STAFF };

static const struct {
	unsigned roles;
	const char *what;
} perm_table[LK_PERM_COUNT] = {
	[LK_PERM_READ_PLAN] = {C | U | S, N_("see courses and runs")},
	[LK_PERM_EDIT_PLAN] = {C, N_("change courses, runs, sessions and people")},
	[LK_PERM_READ_PARTICIPANTS] = {C | U | S, N_("see participants")},
	[LK_PERM_READ_CONTACT] = {C, N_("see participants' contact details")},
	[LK_PERM_EDIT_PARTICIPANTS] = {C, N_("register and change participants")},
	[LK_PERM_MARK_ATTENDANCE] = {C | S, N_("mark attendance")},
	[LK_PERM_ENTER_RESPONSES] = {C | U, N_("enter evaluation forms")},
	[LK_PERM_READ_RESULTS] = {C | U, N_("see evaluation results")},
	[LK_PERM_WRITE_FACILITATOR_EVALUATION] = {C | U | S, N_("write a facilitator's evaluation")},
	[LK_PERM_EDIT_QUESTIONNAIRES] = {C, N_("change questionnaires")},
	[LK_PERM_MANAGE_USERS] = {C, N_("manage users")},
	[LK_PERM_READ_AUDIT] = {C, N_("read the audit log")},
	[LK_PERM_REPORTS] = {C, N_("make reports")},
	[LK_PERM_BACKUP] = {C, N_("copy the whole database")},
};

bool role_allows(lk_role role, lk_perm perm)
{
	return perm < LK_PERM_COUNT && (perm_table[perm].roles & (1u << role)) != 0;
}

int role_require(const lk_ctx *ctx, lk_perm perm, lk_err *err)
{
	if (ctx->revoked)
		return lk_fail(err, LK_EPERM, _("A coordinator has taken away the access of '%s' to this database."), ctx->login);
	if (role_allows(ctx->role, perm))
		return 0;
	return lk_fail(err, LK_EPERM, _("As %s you may not %s."), role_label(ctx->role),
		_(perm_table[perm].what));
}
