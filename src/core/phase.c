/* Phases of courses and runs, gates, checklists and gate overrides
 * (DESIGN.md §2). The phase moves themselves live in course.c and run.c;
 * this file gives them the shared pieces. */
#include "lmskurs/phase.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lmskurs/audit.h"
#include "lmskurs/codes.h"
#include "lmskurs/i18n.h"
#include "lmskurs/role.h"
#include "lmskurs/store/phase.h"
#include "lmskurs/text.h"

static const lk_code_name course_phases[LK_COURSE_PHASE_COUNT] = {
	[LK_COURSE_IDEA] = {"idea", N_("idea and anchoring")},
	[LK_COURSE_PLANNING] = {"planning", N_("planning")},
	[LK_COURSE_ACTIVE] = {"active", N_("active")},
	[LK_COURSE_REVISION] = {"revision", N_("under revision")},
	[LK_COURSE_RETIRED] = {"retired", N_("retired")},
};

static const lk_code_name run_phases[LK_RUN_PHASE_COUNT] = {
	[LK_RUN_SCHEDULING] = {"scheduling", N_("scheduling")},
	[LK_RUN_REGISTRATION] = {"registration", N_("registration open")},
	[LK_RUN_EXECUTION] = {"execution", N_("running")},
	[LK_RUN_EVALUATION] = {"evaluation", N_("evaluation")},
	[LK_RUN_CLOSED] = {"closed", N_("closed")},
	[LK_RUN_CANCELLED] = {"cancelled", N_("cancelled")},
};

/* Phases with a checklist, and whose they are (0 course, 1 run). */
static const struct {
	const char *code;
	int of_run;
} checklist_phases[] = {
	{"idea", 0}, {"planning", 0}, {"scheduling", 1}, {"registration", 1},
	{"execution", 1}, {"evaluation", 1}, {"revision", 0},
};

const char *course_phase_code(lk_course_phase p) { return codes_code(course_phases, LK_COURSE_PHASE_COUNT, p); }
const char *course_phase_label(lk_course_phase p) { return codes_label(course_phases, LK_COURSE_PHASE_COUNT, p); }

int course_phase_parse(const char *code, lk_course_phase *out)
{
	int i;
	if (codes_parse(course_phases, LK_COURSE_PHASE_COUNT, code, &i) < 0)
		return -1;
	*out = (lk_course_phase)i;
	return 0;
}

const char *run_phase_code(lk_run_phase p) { return codes_code(run_phases, LK_RUN_PHASE_COUNT, p); }
const char *run_phase_label(lk_run_phase p) { return codes_label(run_phases, LK_RUN_PHASE_COUNT, p); }

int run_phase_parse(const char *code, lk_run_phase *out)
{
	int i;
	if (codes_parse(run_phases, LK_RUN_PHASE_COUNT, code, &i) < 0)
		return -1;
	*out = (lk_run_phase)i;
	return 0;
}

/* ---- gates ---- */

void gate_init(lk_gate *g)
{
	g->n = 0;
	g->unmet = NULL;
	g->n_checklist = 0;
}

void gate_free(lk_gate *g)
{
	if (!g)
		return;
	for (int i = 0; i < g->n; i++)
		free(g->unmet[i]);
	free(g->unmet);
	gate_init(g);
}

int gate_add(lk_gate *g, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int len = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	char *s = len >= 0 ? malloc((size_t)len + 1) : NULL;
	char **grown = s ? realloc(g->unmet, sizeof *g->unmet * (size_t)(g->n + 1)) : NULL;
	if (!grown) {
		free(s);
		return -1;
	}
	va_start(ap, fmt);
	vsnprintf(s, (size_t)len + 1, fmt, ap);
	va_end(ap);
	g->unmet = grown;
	g->unmet[g->n++] = s;
	return 0;
}

char *gate_join(const lk_gate *g)
{
	size_t len = 1;
	int n = g ? g->n : 0;
	for (int i = 0; i < n; i++)
		len += strlen(g->unmet[i]) + 2;
	char *s = malloc(len), *o = s;
	if (!s)
		return NULL;
	*o = '\0';
	for (int i = 0; i < n; i++)
		o += sprintf(o, "%s%s", i ? "; " : "", g->unmet[i]);
	return s;
}

/* ---- checklists ---- */

void checklist_item_free(lk_checklist_item *it)
{
	if (!it)
		return;
	free(it->phase);
	free(it->text);
	free(it->done_by);
	free(it->done_at);
	memset(it, 0, sizeof *it);
}

void gate_override_free(lk_gate_override *o)
{
	if (!o)
		return;
	free(o->from_phase);
	free(o->to_phase);
	free(o->unmet);
	free(o->reason);
	free(o->login);
	free(o->at);
	memset(o, 0, sizeof *o);
}

/* -1 unknown, else 0 course or 1 run. */
static int checklist_phase_of(const char *phase)
{
	for (size_t i = 0; i < sizeof checklist_phases / sizeof checklist_phases[0]; i++)
		if (phase && strcmp(phase, checklist_phases[i].code) == 0)
			return checklist_phases[i].of_run;
	return -1;
}

bool checklist_phase_valid(const char *phase)
{
	return checklist_phase_of(phase) >= 0;
}

static int owner_check(lk_owner o, lk_err *err)
{
	if ((o.course_id > 0) == (o.run_id > 0) || o.course_id < 0 || o.run_id < 0)
		return lk_fail(err, LK_EINVAL, _("A checklist belongs to one course or one run."));
	return 0;
}

static int owner_exists(lk_ctx *ctx, lk_owner o, lk_err *err)
{
	int found = store_owner_exists(ctx->db, o, err);
	if (found == 0)
		return o.course_id ? lk_fail(err, LK_ENOTFOUND, _("There is no course with number %lld."), (long long)o.course_id)
				   : lk_fail(err, LK_ENOTFOUND, _("There is no run with number %lld."), (long long)o.run_id);
	return found < 0 ? -1 : 0;
}

static int phase_check(const char *phase, lk_owner o, lk_err *err)
{
	int of_run = checklist_phase_of(phase);
	if (of_run < 0)
		return lk_fail(err, LK_EINVAL, _("'%s' is not a phase with a checklist."), phase ? phase : "");
	if (of_run != (o.course_id == 0))
		return lk_fail(err, LK_EINVAL, of_run ? _("The phase '%s' belongs to runs, not to courses.")
			       : _("The phase '%s' belongs to courses, not to runs."), phase);
	return 0;
}

int checklist_list(lk_ctx *ctx, lk_owner owner, const char *phase,
	int (*each)(void *arg, const lk_checklist_item *it), void *arg, lk_err *err)
{
	if (role_require(ctx, LK_PERM_READ_PLAN, err) < 0 || owner_check(owner, err) < 0)
		return -1;
	return store_checklist_list(ctx->db, owner, phase, each, arg, err);
}

int checklist_set_done(lk_ctx *ctx, int64_t item_id, int64_t version, bool done, lk_err *err)
{
	if (role_require(ctx, LK_PERM_EDIT_PLAN, err) < 0 || store_begin(ctx->db, err) < 0)
		return -1;
	char stamp[20];
	ctx_stamp(ctx, stamp);
	int rc = store_checklist_set_done(ctx->db, item_id, version, done, ctx->login, stamp, err);
	if (rc == 0)
		rc = audit_log(ctx, "update", "checklist_item", item_id, done ? "done" : "not done", err);
	return ctx_end(ctx, rc, err);
}

static int item_text_check(const char *text, lk_err *err)
{
	return text_check(_("Checklist item"), text, true, LK_SHORT_MAX, false, err);
}

int checklist_add(lk_ctx *ctx, lk_owner owner, const char *phase, const char *text, lk_err *err)
{
	if (role_require(ctx, LK_PERM_EDIT_PLAN, err) < 0 || owner_check(owner, err) < 0 ||
	    phase_check(phase, owner, err) < 0 || item_text_check(text, err) < 0)
		return -1;
	char *trimmed = text_trim_dup(text);
	if (!trimmed)
		return lk_fail(err, LK_ENOMEM, _("Out of memory."));
	int64_t id = 0;
	int rc = store_begin(ctx->db, err);
	if (rc == 0) {
		rc = owner_exists(ctx, owner, err);
		if (rc == 0)
			rc = phase_enter_checklist(ctx, owner, phase, err);
		if (rc == 0)
			rc = store_checklist_insert(ctx->db, owner, phase, trimmed, &id, err);
		if (rc == 0)
			rc = audit_log(ctx, "create", "checklist_item", id, phase, err);
		rc = ctx_end(ctx, rc, err);
	}
	free(trimmed);
	return rc;
}

int checklist_delete(lk_ctx *ctx, int64_t item_id, int64_t version, lk_err *err)
{
	if (role_require(ctx, LK_PERM_EDIT_PLAN, err) < 0 || store_begin(ctx->db, err) < 0)
		return -1;
	int rc = store_checklist_delete(ctx->db, item_id, version, err);
	if (rc == 0)
		rc = audit_log(ctx, "delete", "checklist_item", item_id, NULL, err);
	return ctx_end(ctx, rc, err);
}

int checklist_template_add(lk_ctx *ctx, const char *phase, const char *text, lk_err *err)
{
	if (role_require(ctx, LK_PERM_EDIT_PLAN, err) < 0 || item_text_check(text, err) < 0)
		return -1;
	if (!checklist_phase_valid(phase))
		return lk_fail(err, LK_EINVAL, _("'%s' is not a phase with a checklist."), phase ? phase : "");
	char *trimmed = text_trim_dup(text);
	if (!trimmed)
		return lk_fail(err, LK_ENOMEM, _("Out of memory."));
	int64_t id = 0;
	int rc = store_begin(ctx->db, err);
	if (rc == 0) {
		rc = store_template_insert(ctx->db, phase, trimmed, &id, err);
		if (rc == 0)
			rc = audit_log(ctx, "create", "checklist_template", id, phase, err);
		rc = ctx_end(ctx, rc, err);
	}
	free(trimmed);
	return rc;
}

int checklist_template_delete(lk_ctx *ctx, int64_t id, int64_t version, lk_err *err)
{
	if (role_require(ctx, LK_PERM_EDIT_PLAN, err) < 0 || store_begin(ctx->db, err) < 0)
		return -1;
	int rc = store_template_delete(ctx->db, id, version, err);
	if (rc == 0)
		rc = audit_log(ctx, "delete", "checklist_template", id, NULL, err);
	return ctx_end(ctx, rc, err);
}

int checklist_template_list(lk_ctx *ctx, const char *phase,
	int (*each)(void *arg, const lk_checklist_item *it), void *arg, lk_err *err)
{
	if (role_require(ctx, LK_PERM_READ_PLAN, err) < 0)
		return -1;
	return store_template_list(ctx->db, phase, each, arg, err);
}

int gate_override_list(lk_ctx *ctx, lk_owner owner,
	int (*each)(void *arg, const lk_gate_override *o), void *arg, lk_err *err)
{
	if (role_require(ctx, LK_PERM_READ_PLAN, err) < 0 || owner_check(owner, err) < 0)
		return -1;
	return store_override_list(ctx->db, owner, each, arg, err);
}

/* ---- for the phase moves of course.c and run.c ---- */

int phase_enter_checklist(lk_ctx *ctx, lk_owner owner, const char *phase, lk_err *err)
{
	if (owner_check(owner, err) < 0)
		return -1;
	if (!checklist_phase_valid(phase))
		return 0;
	int64_t n = store_checklist_count(ctx->db, owner, phase, err);
	if (n != 0)
		return n < 0 ? -1 : 0;
	return store_checklist_copy_template(ctx->db, owner, phase, err);
}

struct unticked {
	lk_gate *g;
	int oom;
};

static int add_unticked(void *arg, const lk_checklist_item *it)
{
	struct unticked *u = arg;
	if (it->done)
		return 0;
	if (gate_add(u->g, _("checklist: '%s' is not ticked"), it->text) < 0)
		u->oom = 1;
	else
		u->g->n_checklist++;
	return u->oom;
}

int phase_unticked(lk_ctx *ctx, lk_owner owner, const char *phase, lk_gate *g, lk_err *err)
{
	if (owner_check(owner, err) < 0)
		return -1;
	if (!phase)
		return 0;
	struct unticked u = {g, 0};
	if (store_checklist_list(ctx->db, owner, phase, add_unticked, &u, err) < 0)
		return -1;
	return u.oom ? lk_fail(err, LK_ENOMEM, _("Out of memory.")) : 0;
}

static int override_insert(lk_ctx *ctx, lk_owner owner, lk_gate_override *o, lk_err *err)
{
	char stamp[20], detail[64];
	ctx_stamp(ctx, stamp);
	o->login = ctx->login;
	o->at = stamp;
	int64_t id = 0;
	if (store_override_insert(ctx->db, owner, o, &id, err) < 0)
		return -1;
	snprintf(detail, sizeof detail, "%s->%s", o->from_phase, o->to_phase);
	return audit_log(ctx, "override", "gate_override", id, detail, err);
}

int phase_record_override(lk_ctx *ctx, lk_owner owner, const char *from, const char *to,
	const lk_gate *g, const char *reason, lk_err *err)
{
	if (owner_check(owner, err) < 0 ||
	    text_check(_("Reason"), reason, true, LK_TEXT_MAX, true, err) < 0)
		return -1;
	lk_gate_override o = {.from_phase = (char *)from, .to_phase = (char *)to};
	o.unmet = gate_join(g);
	o.reason = text_trim_dup(reason);
	int rc = o.unmet && o.reason ? override_insert(ctx, owner, &o, err)
				     : lk_fail(err, LK_ENOMEM, _("Out of memory."));
	free(o.unmet);
	free(o.reason);
	return rc;
}
