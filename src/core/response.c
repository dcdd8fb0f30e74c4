#include "lmskurs/response.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lmskurs/audit.h"
#include "lmskurs/codes.h"
#include "lmskurs/i18n.h"
#include "lmskurs/phase.h"
#include "lmskurs/questionnaire.h"
#include "lmskurs/role.h"
#include "lmskurs/store/questionnaire.h"
#include "lmskurs/store/response.h"
#include "lmskurs/text.h"

static const lk_code_name sources[LK_SOURCE_COUNT] = {
	[LK_SOURCE_PAPER] = {"paper", N_("paper form")},
	[LK_SOURCE_IMPORT] = {"import", N_("imported")},
};

const char *response_source_code(lk_response_source s) { return codes_code(sources, LK_SOURCE_COUNT, s); }
const char *response_source_label(lk_response_source s) { return codes_label(sources, LK_SOURCE_COUNT, s); }

int response_source_parse(const char *code, lk_response_source *out)
{
	int i;
	if (codes_parse(sources, LK_SOURCE_COUNT, code, &i) < 0)
		return -1;
	*out = (lk_response_source)i;
	return 0;
}

void response_free(lk_response *r)
{
	if (!r)
		return;
	free(r->entered_by);
	free(r->entered_at);
	for (int i = 0; r->answers && i < r->n_answers; i++)
		free(r->answers[i].text);
	free(r->answers);
	memset(r, 0, sizeof *r);
}

void facilitator_eval_free(lk_facilitator_eval *e)
{
	if (!e)
		return;
	free(e->person_name);
	free(e->text);
	free(e->written_at);
	memset(e, 0, sizeof *e);
}

/* ---- shared steps ---- */

/* Forms and evaluations belong to a run under way or done. */
static int require_open_run(lk_ctx *ctx, int64_t run_id, lk_err *err)
{
	char code[16];
	int found = store_response_run_phase(ctx->db, run_id, code, err);
	if (found <= 0)
		return found < 0 ? -1 : lk_fail(err, LK_ENOTFOUND, _("There is no run with number %lld."), (long long)run_id);
	if (!strcmp(code, "execution") || !strcmp(code, "evaluation") || !strcmp(code, "closed"))
		return 0;
	lk_run_phase p;
	return lk_fail(err, LK_ERULE,
		_("Evaluations are entered once the run is under way (execution, evaluation or closed); this run is in %s."),
		run_phase_parse(code, &p) == 0 ? run_phase_label(p) : code);
}

/* A copy of s with CRLF and lone CR turned into LF; NULL when out of memory. */
static char *normalise_newlines(const char *s)
{
	char *out = malloc(strlen(s) + 1), *o = out;
	if (!out)
		return NULL;
	for (; *s; s++) {
		if (*s == '\r' && s[1] == '\n')
			continue;
		*o++ = *s == '\r' ? '\n' : *s;
	}
	*o = '\0';
	return out;
}

/* ---- answers ---- */

/* Answers as they will be stored: text owned (NULL for numbers). */
typedef struct checked {
	int n;
	lk_answer *rows;
} checked;

static void checked_free(checked *c)
{
	for (int i = 0; i < c->n; i++)
		free(c->rows[i].text);
	free(c->rows);
	memset(c, 0, sizeof *c);
}

static int check_number(const lk_question *q, int64_t v, lk_err *err)
{
	switch (q->kind) {
	case LK_QUESTION_SCALE:
		if (v < q->scale_min || v > q->scale_max)
			return lk_fail(err, LK_EINVAL, _("Question %d: %lld is outside the scale %d to %d."),
				q->position, (long long)v, q->scale_min, q->scale_max);
		return 0;
	case LK_QUESTION_CHOICE:
		if (v < 1 || v > q->n_options)
			return lk_fail(err, LK_EINVAL, _("Question %d: choose an option from 1 to %d; %lld is not one."),
				q->position, q->n_options, (long long)v);
		return 0;
	default:
		if (v != 0 && v != 1)
			return lk_fail(err, LK_EINVAL, _("Question %d: answer 1 for yes or 0 for no, not %lld."),
				q->position, (long long)v);
		return 0;
	}
}

/* A text answer: NULL in *out when left blank. */
static int check_text(const lk_question *q, const char *text, char **out, lk_err *err)
{
	*out = NULL;
	if (!text)
		return 0;
	char *norm = normalise_newlines(text), field[64];
	if (!norm)
		return lk_fail(err, LK_ENOMEM, _("Out of memory."));
	snprintf(field, sizeof field, _("Answer to question %d"), q->position);
	int rc = text_check(field, norm, false, LK_TEXT_MAX, true, err);
	char *trimmed = rc == 0 ? text_trim_dup(norm) : NULL;
	free(norm);
	if (rc < 0)
		return -1;
	if (!trimmed)
		return lk_fail(err, LK_ENOMEM, _("Out of memory."));
	if (*trimmed)
		*out = trimmed;
	else
		free(trimmed);
	return 0;
}

static int find_question(const lk_question *qs, int nq, int64_t id)
{
	for (int i = 0; i < nq; i++)
		if (qs[i].id == id)
			return i;
	return -1;
}

/* Checks answer i against the questions; appends what is not blank. */
static int check_one(const lk_question *qs, int nq, char *seen, const lk_answer *a, int i,
	checked *out, lk_err *err)
{
	int k = find_question(qs, nq, a->question_id);
	if (k < 0)
		return lk_fail(err, LK_EINVAL, _("Answer %d is to a question (number %lld) that is not on this questionnaire."),
			i + 1, (long long)a->question_id);
	if (seen[k]++)
		return lk_fail(err, LK_EINVAL, _("Question %d is answered twice."), qs[k].position);
	lk_answer row = {.question_id = a->question_id, .value = a->value};
	if (qs[k].kind == LK_QUESTION_TEXT) {
		if (check_text(&qs[k], a->text, &row.text, err) < 0)
			return -1;
		if (!row.text)
			return 0;
	} else if (check_number(&qs[k], a->value, err) < 0) {
		return -1;
	}
	out->rows[out->n++] = row;
	return 0;
}

static int check_all(const lk_question *qs, int nq, const lk_answer *answers, int n,
	checked *out, lk_err *err)
{
	char *seen = calloc((size_t)nq + 1, 1);
	out->rows = calloc((size_t)n + 1, sizeof *out->rows);
	if (!seen || !out->rows) {
		free(seen);
		return lk_fail(err, LK_ENOMEM, _("Out of memory."));
	}
	int rc = 0;
	for (int i = 0; i < n && rc == 0; i++)
		rc = check_one(qs, nq, seen, &answers[i], i, out, err);
	free(seen);
	if (rc == 0 && out->n == 0)
		rc = lk_fail(err, LK_EINVAL, _("The form has no answers; there is nothing to save."));
	return rc;
}

/* Loads questionnaire_id's questions and checks the answers against them. */
static int check_answers(lk_ctx *ctx, int64_t questionnaire_id, const lk_answer *answers, int n,
	checked *out, lk_err *err)
{
	if (n < 0 || (n > 0 && !answers))
		return lk_fail(err, LK_EINVAL, _("The form has no answers; there is nothing to save."));
	lk_question *qs = NULL;
	int nq = 0;
	int rc = store_question_load(ctx->db, questionnaire_id, &qs, &nq, err);
	if (rc == 0)
		rc = check_all(qs, nq, answers, n, out, err);
	for (int i = 0; i < nq; i++)
		question_free(&qs[i]);
	free(qs);
	return rc;
}

static int save_answers(lk_ctx *ctx, int64_t response_id, const checked *c, lk_err *err)
{
	for (int i = 0; i < c->n; i++)
		if (store_answer_insert(ctx->db, response_id, c->rows[i].question_id, c->rows[i].value,
			    c->rows[i].text, err) < 0)
			return -1;
	return 0;
}

/* ---- responses ---- */

static int load_questionnaire(lk_ctx *ctx, int64_t id, lk_questionnaire *q, lk_err *err)
{
	int found = store_questionnaire_get(ctx->db, id, q, err);
	if (found == 0)
		return lk_fail(err, LK_ENOTFOUND, _("There is no questionnaire with number %lld."), (long long)id);
	return found < 0 ? -1 : 0;
}

/* 0 when given (not the run's questionnaire `want`) is an earlier version
 * of the same family that the run already has forms on; else LK_EINVAL
 * naming both. */
static int other_version_check(lk_ctx *ctx, int64_t run_id, int64_t given, int64_t want, lk_err *err)
{
	lk_questionnaire g = {0}, w = {0};
	int rc = load_questionnaire(ctx, given, &g, err);
	if (rc == 0)
		rc = load_questionnaire(ctx, want, &w, err);
	int64_t n = 0;
	if (rc == 0 && g.family_id == w.family_id && g.version_no < w.version_no)
		n = store_response_count_on(ctx->db, run_id, given, err);
	if (rc == 0 && n == 0)
		rc = lk_fail(err, LK_EINVAL, _("This run's forms are entered on '%s' (version %d, questionnaire no. %lld), not on '%s' (version %d, questionnaire no. %lld)."),
			w.name, w.version_no, (long long)w.id, g.name, g.version_no, (long long)g.id);
	questionnaire_free(&g);
	questionnaire_free(&w);
	return rc < 0 || n < 0 ? -1 : 0;
}

/* The questionnaire to enter on: the run's (questionnaire_for_run) when
 * *qid is 0; a given one must be that one, or an earlier version of it
 * that the run already has forms on (one run, one form). */
static int pick_questionnaire(lk_ctx *ctx, int64_t run_id, int64_t *qid, lk_err *err)
{
	int64_t want = 0;
	if (questionnaire_for_run(ctx, run_id, &want, err) < 0)
		return -1;
	if (*qid != 0 && *qid != want)
		return other_version_check(ctx, run_id, *qid, want, err);
	*qid = want;
	return 0;
}

static int add_response(lk_ctx *ctx, lk_response *r, const lk_answer *answers, int n, lk_err *err)
{
	checked c = {0};
	char stamp[20];
	ctx_stamp(ctx, stamp);
	int rc = require_open_run(ctx, r->run_id, err);
	if (rc == 0)
		rc = pick_questionnaire(ctx, r->run_id, &r->questionnaire_id, err);
	if (rc == 0)
		rc = check_answers(ctx, r->questionnaire_id, answers, n, &c, err);
	if (rc == 0)
		rc = store_response_insert(ctx->db, r, stamp, &r->id, err);
	if (rc == 0)
		rc = save_answers(ctx, r->id, &c, err);
	checked_free(&c);
	if (rc == 0) {
		char detail[48];
		snprintf(detail, sizeof detail, "run %lld", (long long)r->run_id);
		rc = audit_log(ctx, "create", "response", r->id, detail, err);
	}
	return rc;
}

int response_add(lk_ctx *ctx, int64_t run_id, int64_t questionnaire_id, const lk_answer *answers,
	int n, lk_response_source source, int64_t *id, lk_err *err)
{
	if (role_require(ctx, LK_PERM_ENTER_RESPONSES, err) < 0)
		return -1;
	if ((unsigned)source >= LK_SOURCE_COUNT)
		return lk_fail(err, LK_EINVAL, _("Say whether the form came on paper or by import."));
	if (store_begin(ctx->db, err) < 0)
		return -1;
	lk_response r = {.run_id = run_id, .questionnaire_id = questionnaire_id, .source = source,
		.entered_by = ctx->login};
	if (ctx_end(ctx, add_response(ctx, &r, answers, n, err), err) < 0)
		return -1;
	*id = r.id;
	return 0;
}

/* Loads response id and checks its run still takes forms. */
static int load_changeable(lk_ctx *ctx, int64_t id, lk_response *cur, lk_err *err)
{
	memset(cur, 0, sizeof *cur);
	int found = store_response_get(ctx->db, id, cur, err);
	if (found == 0)
		return lk_fail(err, LK_ENOTFOUND, _("There is no evaluation form with number %lld."), (long long)id);
	return found < 0 ? -1 : require_open_run(ctx, cur->run_id, err);
}

static int replace_answers(lk_ctx *ctx, int64_t id, int64_t version, const lk_answer *answers,
	int n, lk_err *err)
{
	lk_response cur;
	checked c = {0};
	int rc = load_changeable(ctx, id, &cur, err);
	if (rc == 0)
		rc = check_answers(ctx, cur.questionnaire_id, answers, n, &c, err);
	response_free(&cur);
	if (rc == 0)
		rc = store_response_touch(ctx->db, id, version, err);
	if (rc == 0)
		rc = store_response_clear_answers(ctx->db, id, err);
	if (rc == 0)
		rc = save_answers(ctx, id, &c, err);
	checked_free(&c);
	return rc == 0 ? audit_log(ctx, "update", "response", id, NULL, err) : -1;
}

int response_update(lk_ctx *ctx, int64_t id, int64_t *version, const lk_answer *answers, int n,
	lk_err *err)
{
	if (role_require(ctx, LK_PERM_ENTER_RESPONSES, err) < 0 || store_begin(ctx->db, err) < 0)
		return -1;
	if (ctx_end(ctx, replace_answers(ctx, id, *version, answers, n, err), err) < 0)
		return -1;
	++*version;
	return 0;
}

int response_delete(lk_ctx *ctx, int64_t id, int64_t version, lk_err *err)
{
	if (role_require(ctx, LK_PERM_ENTER_RESPONSES, err) < 0 || store_begin(ctx->db, err) < 0)
		return -1;
	lk_response cur;
	int rc = load_changeable(ctx, id, &cur, err);
	response_free(&cur);
	if (rc == 0)
		rc = store_response_delete(ctx->db, id, version, err);
	if (rc == 0)
		rc = audit_log(ctx, "delete", "response", id, NULL, err);
	return ctx_end(ctx, rc, err);
}

int response_get(lk_ctx *ctx, int64_t id, lk_response *out, lk_err *err)
{
	memset(out, 0, sizeof *out);
	if (role_require(ctx, LK_PERM_ENTER_RESPONSES, err) < 0)
		return -1;
	int found = store_response_get(ctx->db, id, out, err);
	if (found == 0)
		return lk_fail(err, LK_ENOTFOUND, _("There is no evaluation form with number %lld."), (long long)id);
	return found < 0 ? -1 : 0;
}

int response_list(lk_ctx *ctx, int64_t run_id, lk_page page,
	int (*each)(void *, const lk_response *), void *arg, lk_err *err)
{
	if (role_require(ctx, LK_PERM_ENTER_RESPONSES, err) < 0)
		return -1;
	return store_response_list(ctx->db, run_id, page, each, arg, err);
}

int64_t response_count(lk_ctx *ctx, int64_t run_id, lk_err *err)
{
	if (role_require(ctx, LK_PERM_READ_PLAN, err) < 0)
		return -1;
	return store_response_count(ctx->db, run_id, err);
}

/* ---- facilitators' evaluations ---- */

static bool is_own(const lk_ctx *ctx, int64_t person_id)
{
	return ctx->person_id != 0 && ctx->person_id == person_id;
}

static int may_write_for(const lk_ctx *ctx, int64_t person_id, lk_err *err)
{
	if (role_require(ctx, LK_PERM_WRITE_FACILITATOR_EVALUATION, err) < 0)
		return -1;
	if (ctx->role == LK_ROLE_COORDINATOR || is_own(ctx, person_id))
		return 0;
	if (ctx->person_id == 0)
		return lk_fail(err, LK_EPERM, _("Your login is not linked to a person, so you cannot write a facilitator's evaluation; a coordinator can link it."));
	return lk_fail(err, LK_EPERM, _("You may write only your own evaluation as facilitator."));
}

static int require_facilitator(lk_ctx *ctx, int64_t run_id, int64_t person_id, lk_err *err)
{
	int yes = store_feval_is_facilitator(ctx->db, run_id, person_id, err);
	if (yes < 0)
		return -1;
	return yes ? 0 : lk_fail(err, LK_ERULE, _("This person facilitates no session of this run, so cannot write a facilitator's evaluation of it."));
}

static int save_eval(lk_ctx *ctx, lk_facilitator_eval *e, lk_err *err)
{
	if (e->version != 0)
		return store_feval_update(ctx->db, e, err);
	lk_facilitator_eval cur;
	int found = store_feval_get(ctx->db, e->run_id, e->person_id, &cur, err);
	if (found != 0) {
		facilitator_eval_free(&cur);
		return found < 0 ? -1 : lk_fail(err, LK_ECONFLICT, _("This facilitator's evaluation was written by someone else meanwhile; nothing was overwritten. Open it again to see it."));
	}
	e->version = 1;
	return store_feval_insert(ctx->db, e, err);
}

static int set_eval(lk_ctx *ctx, lk_facilitator_eval *e, lk_err *err)
{
	bool is_new = e->version == 0;
	int rc = require_open_run(ctx, e->run_id, err);
	if (rc == 0)
		rc = require_facilitator(ctx, e->run_id, e->person_id, err);
	if (rc == 0)
		rc = save_eval(ctx, e, err);
	if (rc == 0) {
		char detail[48];
		snprintf(detail, sizeof detail, "person %lld", (long long)e->person_id);
		rc = audit_log(ctx, is_new ? "create" : "update", "facilitator_evaluation", e->run_id, detail, err);
	}
	return rc;
}

int facilitator_eval_set(lk_ctx *ctx, int64_t run_id, int64_t person_id, const char *text,
	int64_t *version, lk_err *err)
{
	if (may_write_for(ctx, person_id, err) < 0)
		return -1;
	char *norm = normalise_newlines(text ? text : ""), stamp[20];
	if (!norm)
		return lk_fail(err, LK_ENOMEM, _("Out of memory."));
	ctx_stamp(ctx, stamp);
	lk_facilitator_eval e = {.run_id = run_id, .person_id = person_id, .text = norm,
		.written_at = stamp, .version = *version};
	int rc = text_check(_("Evaluation"), norm, true, LK_TEXT_MAX, true, err);
	if (rc == 0 && (rc = store_begin(ctx->db, err)) == 0)
		rc = ctx_end(ctx, set_eval(ctx, &e, err), err);
	free(norm);
	if (rc == 0)
		*version = e.version;
	return rc;
}

int facilitator_eval_get(lk_ctx *ctx, int64_t run_id, int64_t person_id,
	lk_facilitator_eval *out, lk_err *err)
{
	memset(out, 0, sizeof *out);
	bool own = is_own(ctx, person_id) && role_allows(ctx->role, LK_PERM_WRITE_FACILITATOR_EVALUATION);
	if (!own && role_require(ctx, LK_PERM_READ_RESULTS, err) < 0)
		return -1;
	int found = store_feval_get(ctx->db, run_id, person_id, out, err);
	if (found == 0)
		return lk_fail(err, LK_ENOTFOUND, _("This facilitator has written no evaluation of this run."));
	return found < 0 ? -1 : 0;
}

int facilitator_eval_list(lk_ctx *ctx, int64_t run_id,
	int (*each)(void *, const lk_facilitator_eval *), void *arg, lk_err *err)
{
	if (role_require(ctx, LK_PERM_READ_RESULTS, err) < 0)
		return -1;
	return store_feval_list(ctx->db, run_id, each, arg, err);
}

int facilitator_eval_delete(lk_ctx *ctx, int64_t run_id, int64_t person_id, int64_t version,
	lk_err *err)
{
	if (may_write_for(ctx, person_id, err) < 0 || store_begin(ctx->db, err) < 0)
		return -1;
	int rc = require_open_run(ctx, run_id, err);
	if (rc == 0)
		rc = store_feval_delete(ctx->db, run_id, person_id, version, err);
	if (rc == 0) {
		char detail[48];
		snprintf(detail, sizeof detail, "person %lld", (long long)person_id);
		rc = audit_log(ctx, "delete", "facilitator_evaluation", run_id, detail, err);
	}
	return ctx_end(ctx, rc, err);
}
