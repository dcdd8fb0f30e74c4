#include "lmskurs/questionnaire.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lmskurs/audit.h"
#include "lmskurs/codes.h"
#include "lmskurs/i18n.h"
#include "lmskurs/role.h"
#include "lmskurs/store/questionnaire.h"
#include "lmskurs/text.h"

static const lk_code_name sections[LK_SECTION_COUNT] = {
	[LK_SECTION_BACKGROUND] = {"background", N_("background")},
	[LK_SECTION_RATING] = {"rating", N_("rating")},
	[LK_SECTION_OPEN] = {"open", N_("open question")},
};

static const lk_code_name kinds[LK_QUESTION_KIND_COUNT] = {
	[LK_QUESTION_SCALE] = {"scale", N_("scale")},
	[LK_QUESTION_CHOICE] = {"choice", N_("choice")},
	[LK_QUESTION_YESNO] = {"yesno", N_("yes/no")},
	[LK_QUESTION_TEXT] = {"text", N_("free text")},
};

const char *question_section_code(lk_question_section s) { return codes_code(sections, LK_SECTION_COUNT, s); }
const char *question_section_label(lk_question_section s) { return codes_label(sections, LK_SECTION_COUNT, s); }

int question_section_parse(const char *code, lk_question_section *out)
{
	int i;
	if (codes_parse(sections, LK_SECTION_COUNT, code, &i) < 0)
		return -1;
	*out = (lk_question_section)i;
	return 0;
}

const char *question_kind_code(lk_question_kind k) { return codes_code(kinds, LK_QUESTION_KIND_COUNT, k); }
const char *question_kind_label(lk_question_kind k) { return codes_label(kinds, LK_QUESTION_KIND_COUNT, k); }

int question_kind_parse(const char *code, lk_question_kind *out)
{
	int i;
	if (codes_parse(kinds, LK_QUESTION_KIND_COUNT, code, &i) < 0)
		return -1;
	*out = (lk_question_kind)i;
	return 0;
}

void question_free(lk_question *q)
{
	if (!q)
		return;
	free(q->text);
	free(q->label_min);
	free(q->label_max);
	for (int i = 0; i < q->n_options; i++)
		free(q->options[i]);
	free(q->options);
	memset(q, 0, sizeof *q);
}

void questionnaire_free(lk_questionnaire *q)
{
	if (!q)
		return;
	free(q->name);
	free(q->description);
	for (int i = 0; i < q->n_questions; i++)
		question_free(&q->questions[i]);
	free(q->questions);
	memset(q, 0, sizeof *q);
}

/* ---- validation ---- */

static int questionnaire_validate(const lk_questionnaire *q, lk_err *err)
{
	return text_check(_("Name"), q->name, true, LK_NAME_MAX, false, err) < 0 ||
	       text_check(_("Description"), q->description, false, LK_TEXT_MAX, true, err) < 0 ? -1 : 0;
}

static int scale_validate(const lk_question *q, lk_err *err)
{
	if (q->scale_min < -LK_SCALE_LIMIT || q->scale_max > LK_SCALE_LIMIT)
		return lk_fail(err, LK_EINVAL, _("A scale must lie within %d to %d."), -LK_SCALE_LIMIT, LK_SCALE_LIMIT);
	if (q->scale_min >= q->scale_max)
		return lk_fail(err, LK_EINVAL, _("The scale's lowest value (%d) must be below its highest (%d)."),
			q->scale_min, q->scale_max);
	return text_check(_("Label at the low end"), q->label_min, false, LK_NAME_MAX, false, err) < 0 ||
	       text_check(_("Label at the high end"), q->label_max, false, LK_NAME_MAX, false, err) < 0 ? -1 : 0;
}

static int option_repeats(const char *const *labels, int i)
{
	char *a = text_trim_dup(labels[i]);
	int found = -1;
	for (int j = 0; a && j < i && found < 0; j++) {
		char *b = text_trim_dup(labels[j]);
		if (b && text_equal_fold(a, b))
			found = j;
		free(b);
	}
	free(a);
	return found;
}

static int options_validate(const char *const *labels, int n, lk_err *err)
{
	if (n < 2 || n > LK_OPTIONS_MAX)
		return lk_fail(err, LK_EINVAL, _("A choice question needs 2 to %d options; it has %d."), LK_OPTIONS_MAX, n);
	for (int i = 0; i < n; i++) {
		char field[64];
		snprintf(field, sizeof field, _("Option %d"), i + 1);
		if (text_check(field, labels[i], true, LK_NAME_MAX, false, err) < 0)
			return -1;
		int j = option_repeats(labels, i);
		if (j >= 0)
			return lk_fail(err, LK_EINVAL, _("Option %d repeats option %d (\"%s\")."), i + 1, j + 1, labels[j]);
	}
	return 0;
}

static int question_validate(const lk_question *q, lk_err *err)
{
	if ((unsigned)q->section >= LK_SECTION_COUNT)
		return lk_fail(err, LK_EINVAL, _("Choose the question's section: background, rating or open."));
	if ((unsigned)q->kind >= LK_QUESTION_KIND_COUNT)
		return lk_fail(err, LK_EINVAL, _("Choose the kind of answer: scale, choice, yes/no or free text."));
	if (text_check(_("Question"), q->text, true, LK_QUESTION_TEXT_MAX, false, err) < 0)
		return -1;
	if (q->kind == LK_QUESTION_SCALE)
		return scale_validate(q, err);
	if (q->kind == LK_QUESTION_CHOICE)
		return options_validate((const char *const *)q->options, q->n_options, err);
	return 0;
}

/* ---- shared steps inside a transaction ---- */

static int refuse_if_answered(lk_ctx *ctx, int64_t questionnaire_id, lk_err *err)
{
	int64_t n = store_questionnaire_responses(ctx->db, questionnaire_id, err);
	if (n < 0)
		return -1;
	if (n == 0)
		return 0;
	return lk_fail(err, LK_ERULE,
		_("This questionnaire has answers (%lld forms) and cannot change, so their results keep the questions they answered. Edit a new version of it instead."),
		(long long)n);
}

static int load_questionnaire(lk_ctx *ctx, int64_t id, lk_questionnaire *out, lk_err *err)
{
	memset(out, 0, sizeof *out);
	int found = store_questionnaire_get(ctx->db, id, out, err);
	if (found == 0)
		return lk_fail(err, LK_ENOTFOUND, _("There is no questionnaire with number %lld."), (long long)id);
	return found < 0 ? -1 : 0;
}

static int load_question(lk_ctx *ctx, int64_t id, lk_question *out, lk_err *err)
{
	memset(out, 0, sizeof *out);
	int found = store_question_get(ctx->db, id, out, err);
	if (found == 0)
		return lk_fail(err, LK_ENOTFOUND, _("There is no question with number %lld."), (long long)id);
	return found < 0 ? -1 : 0;
}

static int begin_edit(lk_ctx *ctx, lk_err *err)
{
	if (role_require(ctx, LK_PERM_EDIT_QUESTIONNAIRES, err) < 0)
		return -1;
	return store_begin(ctx->db, err);
}

static int audit_id(lk_ctx *ctx, const char *action, const char *entity, int64_t id,
	const char *fmt, int64_t n, lk_err *err)
{
	char detail[64];
	snprintf(detail, sizeof detail, fmt, (long long)n);
	return audit_log(ctx, action, entity, id, detail, err);
}

/* ---- questionnaires ---- */

int questionnaire_create(lk_ctx *ctx, lk_questionnaire *q, lk_err *err)
{
	if (role_require(ctx, LK_PERM_EDIT_QUESTIONNAIRES, err) < 0 || questionnaire_validate(q, err) < 0 ||
	    store_begin(ctx->db, err) < 0)
		return -1;
	char stamp[20];
	ctx_stamp(ctx, stamp);
	lk_questionnaire row = {.name = q->name, .description = q->description};
	int rc = store_questionnaire_insert(ctx->db, &row, stamp, err);
	if (rc == 0)
		rc = audit_log(ctx, "create", "questionnaire", row.id, NULL, err);
	if (ctx_end(ctx, rc, err) < 0)
		return -1;
	q->id = row.id;
	q->family_id = row.family_id;
	q->version_no = row.version_no;
	q->previous_id = 0;
	q->is_default = false;
	q->version = row.version;
	return 0;
}

/* Cuts s after max code points (s is valid UTF-8). */
static void cut_codepoints(char *s, size_t max)
{
	size_t n = 0;
	for (char *p = s; *p; p++)
		if (((unsigned char)*p & 0xC0) != 0x80 && n++ == max) {
			*p = '\0';
			return;
		}
}

static char *copy_name(const char *name)
{
	const char *fmt = _("Copy of %s");
	size_t len = strlen(fmt) + strlen(name) + 1;
	char *s = malloc(len);
	if (s) {
		snprintf(s, len, fmt, name);
		cut_codepoints(s, LK_NAME_MAX);
	}
	return s;
}

static int copy_into_new_family(lk_ctx *ctx, const lk_questionnaire *src, int64_t *new_id,
	lk_err *err)
{
	char stamp[20];
	ctx_stamp(ctx, stamp);
	lk_questionnaire row = {.name = copy_name(src->name), .description = src->description};
	if (!row.name)
		return lk_fail(err, LK_ENOMEM, _("Out of memory."));
	int rc = store_questionnaire_insert(ctx->db, &row, stamp, err);
	free(row.name);
	if (rc == 0)
		rc = store_questionnaire_copy_questions(ctx->db, src->id, row.id, err);
	if (rc == 0)
		rc = audit_id(ctx, "create", "questionnaire", row.id, "copy of questionnaire %lld", src->id, err);
	if (rc == 0)
		*new_id = row.id;
	return rc;
}

int questionnaire_copy(lk_ctx *ctx, int64_t id, int64_t *new_id, lk_err *err)
{
	if (begin_edit(ctx, err) < 0)
		return -1;
	lk_questionnaire src;
	int rc = load_questionnaire(ctx, id, &src, err);
	if (rc == 0)
		rc = copy_into_new_family(ctx, &src, new_id, err);
	questionnaire_free(&src);
	return ctx_end(ctx, rc, err);
}

int questionnaire_get(lk_ctx *ctx, int64_t id, lk_questionnaire *out, lk_err *err)
{
	memset(out, 0, sizeof *out);
	if (role_require(ctx, LK_PERM_READ_PLAN, err) < 0 || load_questionnaire(ctx, id, out, err) < 0)
		return -1;
	return store_question_load(ctx->db, id, &out->questions, &out->n_questions, err);
}

int questionnaire_update(lk_ctx *ctx, lk_questionnaire *q, lk_err *err)
{
	if (questionnaire_validate(q, err) < 0 || begin_edit(ctx, err) < 0)
		return -1;
	int rc = refuse_if_answered(ctx, q->id, err);
	if (rc == 0)
		rc = store_questionnaire_update(ctx->db, q, err);
	if (rc == 0)
		rc = audit_log(ctx, "update", "questionnaire", q->id, NULL, err);
	return ctx_end(ctx, rc, err);
}

static int refuse_delete(lk_ctx *ctx, const lk_questionnaire *q, lk_err *err)
{
	if (q->n_responses > 0)
		return lk_fail(err, LK_ERULE, _("This questionnaire has answers (%lld forms); it is kept so their results stay readable."),
			(long long)q->n_responses);
	if (q->is_default)
		return lk_fail(err, LK_ERULE, _("This is the default questionnaire; make another one the default first."));
	int64_t courses = 0, runs = 0;
	if (store_questionnaire_usage(ctx->db, q->id, &courses, &runs, err) < 0)
		return -1;
	if (courses + runs > 0)
		return lk_fail(err, LK_ERULE, _("This questionnaire is chosen for %lld courses and %lld runs; choose another for them first."),
			(long long)courses, (long long)runs);
	return 0;
}

int questionnaire_delete(lk_ctx *ctx, int64_t id, int64_t version, lk_err *err)
{
	if (begin_edit(ctx, err) < 0)
		return -1;
	lk_questionnaire q;
	int rc = load_questionnaire(ctx, id, &q, err);
	if (rc == 0)
		rc = refuse_delete(ctx, &q, err);
	if (rc == 0)
		rc = store_questionnaire_delete(ctx->db, id, version, err);
	if (rc == 0)
		rc = audit_log(ctx, "delete", "questionnaire", id, NULL, err);
	questionnaire_free(&q);
	return ctx_end(ctx, rc, err);
}

int questionnaire_list(lk_ctx *ctx, const lk_questionnaire_filter *f, lk_page page,
	int (*each)(void *, const lk_questionnaire *), void *arg, lk_err *err)
{
	if (role_require(ctx, LK_PERM_READ_PLAN, err) < 0)
		return -1;
	return store_questionnaire_list(ctx->db, f, page, each, arg, err);
}

int questionnaire_set_default(lk_ctx *ctx, int64_t id, lk_err *err)
{
	if (begin_edit(ctx, err) < 0)
		return -1;
	lk_questionnaire q;
	int rc = load_questionnaire(ctx, id, &q, err);
	questionnaire_free(&q);
	if (rc == 0)
		rc = store_questionnaire_set_default(ctx->db, id, err);
	if (rc == 0)
		rc = audit_log(ctx, "update", "questionnaire", id, "made the default", err);
	return ctx_end(ctx, rc, err);
}

/* ---- versions ---- */

/* Version version_no + 1 of newest: its questions copied, the default
 * handed on when the family held it. */
static int make_version(lk_ctx *ctx, const lk_questionnaire *newest, int64_t *new_id, lk_err *err)
{
	char stamp[20];
	ctx_stamp(ctx, stamp);
	lk_questionnaire row = {.family_id = newest->family_id, .version_no = newest->version_no + 1,
		.previous_id = newest->id, .name = newest->name, .description = newest->description};
	int holds_default = store_questionnaire_family_default(ctx->db, newest->family_id, err);
	if (holds_default < 0 || store_questionnaire_insert(ctx->db, &row, stamp, err) < 0 ||
	    store_questionnaire_copy_questions(ctx->db, newest->id, row.id, err) < 0)
		return -1;
	if (holds_default && store_questionnaire_set_default(ctx->db, row.id, err) < 0)
		return -1;
	*new_id = row.id;
	return audit_id(ctx, "create", "questionnaire", row.id, "new version of questionnaire %lld",
		newest->id, err);
}

static int editable_of(lk_ctx *ctx, const lk_questionnaire *q, int64_t *editable_id, lk_err *err)
{
	if (q->n_responses == 0) {
		*editable_id = q->id;
		return 0;
	}
	int64_t newest_id;
	if (store_questionnaire_newest(ctx->db, q->family_id, &newest_id, err) < 0)
		return -1;
	lk_questionnaire newest;
	int rc = load_questionnaire(ctx, newest_id, &newest, err);
	if (rc == 0 && newest.n_responses == 0)
		*editable_id = newest.id;
	else if (rc == 0)
		rc = make_version(ctx, &newest, editable_id, err);
	questionnaire_free(&newest);
	return rc;
}

int questionnaire_edit_begin(lk_ctx *ctx, int64_t id, int64_t *editable_id, lk_err *err)
{
	if (begin_edit(ctx, err) < 0)
		return -1;
	lk_questionnaire q;
	int rc = load_questionnaire(ctx, id, &q, err);
	if (rc == 0)
		rc = editable_of(ctx, &q, editable_id, err);
	questionnaire_free(&q);
	return ctx_end(ctx, rc, err);
}

int questionnaire_for_run(lk_ctx *ctx, int64_t run_id, int64_t *qid, lk_err *err)
{
	if (role_require(ctx, LK_PERM_READ_PLAN, err) < 0)
		return -1;
	int64_t chosen = 0, used = 0;
	int found = store_questionnaire_run_choice(ctx->db, run_id, &chosen, err);
	if (found <= 0)
		return found < 0 ? -1 : lk_fail(err, LK_ENOTFOUND, _("There is no run with number %lld."), (long long)run_id);
	if (chosen == 0)
		return lk_fail(err, LK_ENOTFOUND, _("There is no default questionnaire; choose one for the course or the run."));
	lk_questionnaire q;
	int rc = load_questionnaire(ctx, chosen, &q, err);
	if (rc == 0)
		rc = store_questionnaire_run_used(ctx->db, run_id, q.family_id, &used, err);
	if (rc == 0 && used == 0)
		rc = store_questionnaire_newest(ctx->db, q.family_id, &used, err);
	if (rc == 0)
		*qid = used;
	questionnaire_free(&q);
	return rc;
}

/* ---- questions ---- */

int question_get(lk_ctx *ctx, int64_t id, lk_question *out, lk_err *err)
{
	memset(out, 0, sizeof *out);
	if (role_require(ctx, LK_PERM_READ_PLAN, err) < 0)
		return -1;
	return load_question(ctx, id, out, err);
}

static int add_to(lk_ctx *ctx, int64_t questionnaire_id, lk_question *q, lk_err *err)
{
	lk_questionnaire owner;
	int rc = load_questionnaire(ctx, questionnaire_id, &owner, err);
	questionnaire_free(&owner);
	if (rc == 0)
		rc = refuse_if_answered(ctx, questionnaire_id, err);
	if (rc == 0)
		rc = store_question_insert(ctx->db, questionnaire_id, q, err);
	if (rc == 0)
		rc = audit_id(ctx, "create", "question", q->id, "questionnaire %lld", questionnaire_id, err);
	return rc;
}

int question_add(lk_ctx *ctx, int64_t questionnaire_id, lk_question *q, lk_err *err)
{
	if (question_validate(q, err) < 0 || begin_edit(ctx, err) < 0)
		return -1;
	return ctx_end(ctx, add_to(ctx, questionnaire_id, q, err), err);
}

/* Loads question id into cur and refuses when its questionnaire has answers. */
static int load_editable(lk_ctx *ctx, int64_t id, lk_question *cur, lk_err *err)
{
	if (load_question(ctx, id, cur, err) < 0)
		return -1;
	return refuse_if_answered(ctx, cur->questionnaire_id, err);
}

int question_update(lk_ctx *ctx, lk_question *q, lk_err *err)
{
	if (question_validate(q, err) < 0 || begin_edit(ctx, err) < 0)
		return -1;
	lk_question cur;
	int rc = load_editable(ctx, q->id, &cur, err);
	if (rc == 0)
		rc = store_question_update(ctx->db, q, err);
	if (rc == 0) {
		q->questionnaire_id = cur.questionnaire_id;
		q->position = cur.position;
		rc = audit_log(ctx, "update", "question", q->id, NULL, err);
	}
	question_free(&cur);
	return ctx_end(ctx, rc, err);
}

static int set_options(lk_ctx *ctx, int64_t id, int64_t version, const char *const *labels, int n,
	lk_err *err)
{
	lk_question cur;
	int rc = load_editable(ctx, id, &cur, err);
	if (rc == 0 && cur.kind != LK_QUESTION_CHOICE)
		rc = lk_fail(err, LK_EINVAL, _("Only a choice question has options; this one is %s."),
			question_kind_label(cur.kind));
	question_free(&cur);
	if (rc == 0)
		rc = store_question_touch(ctx->db, id, version, err);
	if (rc == 0)
		rc = store_question_set_options(ctx->db, id, labels, n, err);
	if (rc == 0)
		rc = audit_log(ctx, "update", "question", id, "options", err);
	return rc;
}

int question_set_options(lk_ctx *ctx, int64_t id, int64_t *version,
	const char *const *labels, int n, lk_err *err)
{
	if (options_validate(labels, n, err) < 0 || begin_edit(ctx, err) < 0)
		return -1;
	if (ctx_end(ctx, set_options(ctx, id, *version, labels, n, err), err) < 0)
		return -1;
	++*version;
	return 0;
}

int question_delete(lk_ctx *ctx, int64_t id, int64_t version, lk_err *err)
{
	if (begin_edit(ctx, err) < 0)
		return -1;
	lk_question cur;
	int rc = load_editable(ctx, id, &cur, err);
	cur.version = version;
	if (rc == 0)
		rc = store_question_delete(ctx->db, &cur, err);
	if (rc == 0)
		rc = audit_id(ctx, "delete", "question", id, "questionnaire %lld", cur.questionnaire_id, err);
	question_free(&cur);
	return ctx_end(ctx, rc, err);
}

static int move_to(lk_ctx *ctx, const lk_question *cur, int64_t version, int to, lk_err *err)
{
	int n = store_question_count(ctx->db, cur->questionnaire_id, err);
	if (n < 0)
		return -1;
	if (to < 1 || to > n)
		return lk_fail(err, LK_EINVAL, _("Position %d is outside the questionnaire's 1 to %d."), to, n);
	if (store_question_touch(ctx->db, cur->id, version, err) < 0 ||
	    store_question_move(ctx->db, cur, to, err) < 0)
		return -1;
	return audit_id(ctx, "update", "question", cur->id, "moved to position %lld", to, err);
}

int question_move(lk_ctx *ctx, int64_t id, int64_t *version, int to, lk_err *err)
{
	if (begin_edit(ctx, err) < 0)
		return -1;
	lk_question cur;
	int rc = load_editable(ctx, id, &cur, err);
	if (rc == 0)
		rc = move_to(ctx, &cur, *version, to, err);
	question_free(&cur);
	if (ctx_end(ctx, rc, err) < 0)
		return -1;
	++*version;
	return 0;
}
