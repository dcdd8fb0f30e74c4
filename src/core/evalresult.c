/*
 * evalresult.c — sums of evaluation forms (see evalresult.h).
 *
 * The database counts answers per question and value (store/evalresult.c);
 * here those counts become bars, n, blanks, mean and median, and the
 * minimum-answers rule takes away what could identify someone.
 */
#include "lmskurs/evalresult.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lmskurs/codes.h"
#include "lmskurs/i18n.h"
#include "lmskurs/role.h"
#include "lmskurs/store/evalresult.h"
#include "lmskurs/store/questionnaire.h"
#include "lmskurs/text.h"

static const lk_code_name scopes[LK_RESULT_SCOPE_COUNT] = {
	[LK_RESULT_RUN] = {"run", N_("run")},
	[LK_RESULT_COURSE] = {"course", N_("course")},
	[LK_RESULT_QUESTIONNAIRE] = {"questionnaire", N_("questionnaire")},
};

const char *result_scope_code(lk_result_scope s) { return codes_code(scopes, LK_RESULT_SCOPE_COUNT, s); }

/* ---- freeing ---- */

static void question_result_free(lk_question_result *q)
{
	free(q->text);
	free(q->label_min);
	free(q->label_max);
	for (int i = 0; q->bars && i < q->n_bars; i++)
		free(q->bars[i].label);
	free(q->bars);
	memset(q, 0, sizeof *q);
}

void evalresult_free(lk_results *r)
{
	if (!r)
		return;
	free(r->questionnaire_name);
	free(r->rate_text);
	free(r->counts_only_reason);
	for (int i = 0; r->questions && i < r->n_questions; i++)
		question_result_free(&r->questions[i]);
	free(r->questions);
	memset(r, 0, sizeof *r);
}

void evalresult_comparison_free(lk_comparison *c)
{
	if (!c)
		return;
	free(c->counts_only_reason);
	for (int i = 0; c->rows && i < c->n_rows; i++)
		free(c->rows[i].text);
	free(c->rows);
	memset(c, 0, sizeof *c);
}

/* ---- question keys ---- */

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

static const char *skip_spaces(const char *p)
{
	while (*p == ' ' || *p == '\t')
		p++;
	return p;
}

/* After an optional '-' and digits: p past them, or NULL when no digit. */
static const char *skip_number(const char *p)
{
	p = skip_spaces(p);
	if (*p == '-')
		p++;
	if (!is_digit(*p))
		return NULL;
	while (is_digit(*p))
		p++;
	return skip_spaces(p);
}

/* p past a range dash: '-', en dash or em dash; NULL when none. */
static const char *skip_dash(const char *p)
{
	if (*p == '-')
		return p + 1;
	if (!strncmp(p, "\xE2\x80\x93", 3) || !strncmp(p, "\xE2\x80\x94", 3))
		return p + 3;
	return NULL;
}

/* Where a trailing "(0-10)" starts in s, or the end of s. */
static size_t range_start(const char *s)
{
	size_t len = strlen(s);
	const char *open = strrchr(s, '(');
	if (!open)
		return len;
	const char *p = skip_number(open + 1);
	p = p ? skip_dash(p) : NULL;
	p = p ? skip_number(p) : NULL;
	if (!p || *p != ')')
		return len;
	p = skip_spaces(p + 1);
	return *p ? len : (size_t)(open - s);
}

/* Bytes of a character dropped from keys at p: ASCII other than letters and
 * digits, NBSP and Latin-1 punctuation (U+00A0..U+00BF), General
 * Punctuation (U+2000..U+206F); 0 when it is kept. */
static size_t dropped(const unsigned char *p)
{
	if (*p < 0x80)
		return is_digit((char)*p) || ((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z') ? 0 : 1;
	if (p[0] == 0xC2 && p[1] >= 0xA0 && p[1] <= 0xBF)
		return 2;
	if (p[0] == 0xE2 && (p[1] == 0x80 || p[1] == 0x81) && p[2] >= 0x80 && p[2] <= 0xBF)
		return 3;
	return 0;
}

char *evalresult_question_key(const char *text)
{
	const char *s = text ? text : "";
	size_t end = range_start(s);
	char *k = malloc(end + 1), *o = k;
	if (!k)
		return NULL;
	for (const unsigned char *p = (const unsigned char *)s; p < (const unsigned char *)s + end;) {
		size_t d = dropped(p);
		if (d) {
			p += d;
			continue;
		}
		*o++ = (char)*p++;
	}
	*o = '\0';
	return k;
}

bool evalresult_same_question(const char *a, const char *b)
{
	char *ka = evalresult_question_key(a), *kb = evalresult_question_key(b);
	bool same = ka && kb && text_equal_fold(ka, kb);
	free(ka);
	free(kb);
	return same;
}

/* ---- which forms: the scope and its version ---- */

static int no_run(int64_t id, lk_err *err)
{
	return lk_fail(err, LK_ENOTFOUND, _("There is no run with number %lld."), (long long)id);
}

static int no_course(int64_t id, lk_err *err)
{
	return lk_fail(err, LK_ENOTFOUND, _("There is no course with number %lld."), (long long)id);
}

/* Checks that the scope's run or course exists. */
static int scope_exists(lk_ctx *ctx, const lk_result_query *q, lk_err *err)
{
	int64_t course = 0;
	int found = 1;
	if (q->scope == LK_RESULT_RUN && (found = store_evalresult_run_course(ctx->db, q->id, &course, err)) == 0)
		return no_run(q->id, err);
	if (q->scope == LK_RESULT_COURSE && (found = store_evalresult_course_exists(ctx->db, q->id, err)) == 0)
		return no_course(q->id, err);
	if ((unsigned)q->scope >= LK_RESULT_SCOPE_COUNT)
		return lk_fail(err, LK_EINVAL, _("Say whether results are for a run, a course or a questionnaire."));
	return found < 0 ? -1 : 0;
}

/* The version to sum when the query names none. */
static int default_version(lk_ctx *ctx, const lk_result_query *q, int64_t *qid, lk_err *err)
{
	if (q->scope == LK_RESULT_RUN)
		return questionnaire_for_run(ctx, q->id, qid, err);
	if (q->scope == LK_RESULT_QUESTIONNAIRE)
		return lk_fail(err, LK_EINVAL, _("Choose the questionnaire whose results to show."));
	if (store_evalresult_course_version(ctx->db, q->id, qid, err) < 0)
		return -1;
	return *qid ? 0 : lk_fail(err, LK_ENOTFOUND, _("There is no default questionnaire; choose one for the course or the run."));
}

/* Checks q and settles the version into *resolved (and its questionnaire
 * into qn when not NULL; caller frees it). */
static int resolve(lk_ctx *ctx, const lk_result_query *q, lk_result_query *resolved,
	lk_questionnaire *qn, lk_err *err)
{
	*resolved = *q;
	if (scope_exists(ctx, q, err) < 0)
		return -1;
	if (!q->questionnaire_id && default_version(ctx, q, &resolved->questionnaire_id, err) < 0)
		return -1;
	lk_questionnaire local = {0};
	lk_questionnaire *out = qn ? qn : &local;
	int found = store_questionnaire_get(ctx->db, resolved->questionnaire_id, out, err);
	questionnaire_free(&local);
	if (found == 0)
		return lk_fail(err, LK_ENOTFOUND, _("There is no questionnaire with number %lld."),
			(long long)resolved->questionnaire_id);
	return found < 0 ? -1 : 0;
}

/* ---- building the results ---- */

static char *dup_or_null(const char *s) { return strdup(s ? s : ""); }

static char *format_dup(const char *fmt, long long v)
{
	char buf[32];
	snprintf(buf, sizeof buf, fmt, v);
	return strdup(buf);
}

static int bars_scale(lk_question_result *r)
{
	r->n_bars = r->scale_max - r->scale_min + 1;
	if (!(r->bars = calloc((size_t)r->n_bars, sizeof *r->bars)))
		return -1;
	for (int i = 0; i < r->n_bars; i++) {
		r->bars[i].value = r->scale_min + i;
		if (!(r->bars[i].label = format_dup("%lld", r->bars[i].value)))
			return -1;
	}
	return 0;
}

static int bars_choice(lk_question_result *r, const lk_question *q)
{
	r->n_bars = q->n_options;
	if (r->n_bars && !(r->bars = calloc((size_t)r->n_bars, sizeof *r->bars)))
		return -1;
	for (int i = 0; i < r->n_bars; i++) {
		r->bars[i].value = i + 1;
		if (!(r->bars[i].label = dup_or_null(q->options[i])))
			return -1;
	}
	return 0;
}

static int bars_yesno(lk_question_result *r)
{
	r->n_bars = 2;
	if (!(r->bars = calloc(2, sizeof *r->bars)))
		return -1;
	r->bars[0] = (lk_result_bar){.value = 1, .label = strdup(_("yes"))};
	r->bars[1] = (lk_result_bar){.value = 0, .label = strdup(_("no"))};
	return r->bars[0].label && r->bars[1].label ? 0 : -1;
}

static int question_init(lk_question_result *r, const lk_question *q, lk_err *err)
{
	*r = (lk_question_result){.question_id = q->id, .position = q->position, .section = q->section,
		.kind = q->kind, .scale_min = q->scale_min, .scale_max = q->scale_max};
	r->text = dup_or_null(q->text);
	r->label_min = dup_or_null(q->label_min);
	r->label_max = dup_or_null(q->label_max);
	int rc = r->text && r->label_min && r->label_max ? 0 : -1;
	if (rc == 0 && q->kind == LK_QUESTION_SCALE)
		rc = bars_scale(r);
	else if (rc == 0 && q->kind == LK_QUESTION_CHOICE)
		rc = bars_choice(r, q);
	else if (rc == 0 && q->kind == LK_QUESTION_YESNO)
		rc = bars_yesno(r);
	return rc == 0 ? 0 : lk_fail(err, LK_ENOMEM, _("Out of memory."));
}

static void questions_free(lk_question *qs, int n)
{
	for (int i = 0; i < n; i++)
		question_free(&qs[i]);
	free(qs);
}

/* One row per question of the version, in form order, with empty bars. */
static int questions_init(lk_ctx *ctx, lk_results *out, lk_err *err)
{
	lk_question *qs = NULL;
	int nq = 0;
	if (store_question_load(ctx->db, out->questionnaire_id, &qs, &nq, err) < 0)
		return -1;
	out->questions = calloc((size_t)nq + 1, sizeof *out->questions);
	int rc = out->questions ? 0 : lk_fail(err, LK_ENOMEM, _("Out of memory."));
	for (int i = 0; rc == 0 && i < nq; i++) {
		rc = question_init(&out->questions[i], &qs[i], err);
		out->n_questions = i + 1;
	}
	questions_free(qs, nq);
	return rc;
}

/* The walk over the database's sums; sums[i] is question i's total. */
typedef struct sum_walk {
	lk_results *r;
	int64_t *sums;
} sum_walk;

static int find_result(const lk_results *r, int64_t question_id)
{
	for (int i = 0; i < r->n_questions; i++)
		if (r->questions[i].question_id == question_id)
			return i;
	return -1;
}

static lk_result_bar *find_bar(lk_question_result *q, int64_t value)
{
	for (int i = 0; i < q->n_bars; i++)
		if (q->bars[i].value == value)
			return &q->bars[i];
	return NULL;
}

static int take_sum(void *arg, const lk_eval_sum_row *row)
{
	sum_walk *w = arg;
	if (row->question_id == 0) {
		w->r->n_responses = row->count;
		w->r->n_runs = row->runs;
		return 0;
	}
	int i = find_result(w->r, row->question_id);
	if (i < 0)
		return 0;
	lk_question_result *q = &w->r->questions[i];
	lk_result_bar *bar = row->is_text ? NULL : find_bar(q, row->value);
	if (q->kind == LK_QUESTION_TEXT ? !row->is_text : !bar)
		return 0; /* a value the question cannot have: not counted */
	q->n += row->count;
	if (bar)
		bar->count += row->count;
	w->sums[i] += row->value * row->count;
	return 0;
}

/* The middle value of the bars' values (mean of the two middle ones). */
static double bars_median(const lk_question_result *q)
{
	int64_t lo = (q->n - 1) / 2, hi = q->n / 2, seen = 0;
	double a = 0, b = 0;
	for (int i = 0; i < q->n_bars; i++) {
		int64_t from = seen;
		seen += q->bars[i].count;
		if (lo >= from && lo < seen)
			a = q->bars[i].value;
		if (hi >= from && hi < seen)
			b = q->bars[i].value;
	}
	return (a + b) / 2.0;
}

static void drop_bars(lk_question_result *q)
{
	for (int i = 0; i < q->n_bars; i++)
		free(q->bars[i].label);
	free(q->bars);
	q->bars = NULL;
	q->n_bars = 0;
}

static void question_finish(lk_results *r, lk_question_result *q, int64_t sum)
{
	q->blank = r->n_responses > q->n ? r->n_responses - q->n : 0;
	if (r->counts_only || q->kind == LK_QUESTION_TEXT) {
		drop_bars(q);
		return;
	}
	if (q->kind == LK_QUESTION_SCALE && q->n > 0) {
		q->has_stats = true;
		q->mean = (double)sum / (double)q->n;
		q->median = bars_median(q);
	}
}

static int set_counts_only(lk_ctx *ctx, lk_results *r, lk_err *err)
{
	r->min_answers = ctx->settings.min_answers;
	r->counts_only = r->n_responses < r->min_answers;
	char buf[LK_ERR_MSG_MAX] = "";
	if (r->counts_only)
		snprintf(buf, sizeof buf, ngettext("Fewer than %d answer: only the number of forms is shown, so that no one can be recognised.",
			"Fewer than %d answers: only the number of forms is shown, so that no one can be recognised.",
			(unsigned long)r->min_answers), r->min_answers);
	r->counts_only_reason = strdup(buf);
	return r->counts_only_reason ? 0 : lk_fail(err, LK_ENOMEM, _("Out of memory."));
}

static int sum_up(lk_ctx *ctx, const lk_result_query *q, lk_results *r, lk_err *err)
{
	sum_walk w = {r, calloc((size_t)r->n_questions + 1, sizeof(int64_t))};
	if (!w.sums)
		return lk_fail(err, LK_ENOMEM, _("Out of memory."));
	int rc = store_evalresult_sums(ctx->db, q->scope, q->id, q->questionnaire_id, take_sum, &w, err);
	if (rc == 0)
		rc = set_counts_only(ctx, r, err);
	for (int i = 0; rc == 0 && i < r->n_questions; i++)
		question_finish(r, &r->questions[i], w.sums[i]);
	free(w.sums);
	return rc;
}

/* ---- response rate ---- */

static const char *no_rate_text(lk_result_scope scope)
{
	if (scope == LK_RESULT_RUN)
		return _("No response rate yet: no session of this run is marked as held with anyone present.");
	if (scope == LK_RESULT_COURSE)
		return _("No response rate: none of the runs with forms has a held session with anyone present.");
	return _("The response rate is given per run and per course, not across courses.");
}

static void rate_format(const lk_results *r, char *buf, size_t len)
{
	long long pct = (r->rate_responses * 100 + r->rate_denominator / 2) / r->rate_denominator;
	const char *fmt = r->scope == LK_RESULT_RUN
		? _("%lld of %lld who came to the last session (%lld %%)")
		: _("%lld of %lld who came to the last session of their run (%lld %%)");
	snprintf(buf, len, fmt, (long long)r->rate_responses, (long long)r->rate_denominator, pct);
}

static int rate_fill(lk_ctx *ctx, const lk_result_query *q, lk_results *r, lk_err *err)
{
	lk_eval_rate rate = {0};
	if (q->scope != LK_RESULT_QUESTIONNAIRE &&
	    store_evalresult_rate(ctx->db, q->scope, q->id, q->questionnaire_id, &rate, err) < 0)
		return -1;
	char buf[256];
	r->has_rate = rate.runs > 0 && rate.present > 0;
	r->rate_responses = r->has_rate ? rate.forms : 0;
	r->rate_denominator = r->has_rate ? rate.present : 0;
	if (r->has_rate)
		rate_format(r, buf, sizeof buf);
	else
		snprintf(buf, sizeof buf, "%s", no_rate_text(q->scope));
	r->rate_text = strdup(buf);
	return r->rate_text ? 0 : lk_fail(err, LK_ENOMEM, _("Out of memory."));
}

/* ---- the public reads ---- */

/* The result's head from the resolved query; takes qn's name. */
static void results_head(lk_results *out, const lk_result_query *q, lk_questionnaire *qn)
{
	out->scope = q->scope;
	out->scope_id = q->scope == LK_RESULT_QUESTIONNAIRE ? 0 : q->id;
	out->questionnaire_id = qn->id;
	out->family_id = qn->family_id;
	out->version_no = qn->version_no;
	out->questionnaire_name = qn->name;
	qn->name = NULL;
}

int evalresult_get(lk_ctx *ctx, const lk_result_query *q, lk_results *out, lk_err *err)
{
	memset(out, 0, sizeof *out);
	if (role_require(ctx, LK_PERM_READ_RESULTS, err) < 0)
		return -1;
	if (!q)
		return lk_fail(err, LK_EINVAL, _("Say whether results are for a run, a course or a questionnaire."));
	lk_result_query rq;
	lk_questionnaire qn = {0};
	int rc = resolve(ctx, q, &rq, &qn, err);
	if (rc == 0)
		results_head(out, &rq, &qn);
	questionnaire_free(&qn);
	if (rc == 0)
		rc = questions_init(ctx, out, err);
	if (rc == 0)
		rc = sum_up(ctx, &rq, out, err);
	if (rc == 0)
		rc = rate_fill(ctx, &rq, out, err);
	return rc;
}

static int texts_allowed(lk_ctx *ctx, const lk_result_query *rq, int64_t question_id, lk_err *err)
{
	int64_t forms = store_evalresult_forms(ctx->db, rq->scope, rq->id, rq->questionnaire_id, err);
	if (forms < 0)
		return -1;
	int min = ctx->settings.min_answers;
	if (forms < min)
		return lk_fail(err, LK_ERULE, ngettext("Fewer than %d answer: only the number of forms is shown, so that no one can be recognised.",
			"Fewer than %d answers: only the number of forms is shown, so that no one can be recognised.",
			(unsigned long)min), min);
	int found = store_evalresult_question_of(ctx->db, question_id, rq->questionnaire_id, err);
	if (found == 0)
		return lk_fail(err, LK_EINVAL, _("Question number %lld is not on this questionnaire."),
			(long long)question_id);
	return found < 0 ? -1 : 0;
}

int evalresult_texts(lk_ctx *ctx, const lk_result_query *q, int64_t question_id, lk_page page,
	int (*each)(void *, const char *), void *arg, lk_err *err)
{
	if (role_require(ctx, LK_PERM_READ_RESULTS, err) < 0)
		return -1;
	if (!q)
		return lk_fail(err, LK_EINVAL, _("Say whether results are for a run, a course or a questionnaire."));
	lk_result_query rq;
	if (resolve(ctx, q, &rq, NULL, err) < 0 || texts_allowed(ctx, &rq, question_id, err) < 0)
		return -1;
	return store_evalresult_texts(ctx->db, rq.scope, rq.id, rq.questionnaire_id, question_id, page,
		each, arg, err);
}

int evalresult_versions(lk_ctx *ctx, const lk_result_query *q,
	int (*each)(void *, const lk_result_version *), void *arg, lk_err *err)
{
	if (role_require(ctx, LK_PERM_READ_RESULTS, err) < 0)
		return -1;
	if (!q)
		return lk_fail(err, LK_EINVAL, _("Say whether results are for a run, a course or a questionnaire."));
	if (scope_exists(ctx, q, err) < 0)
		return -1;
	return store_evalresult_versions(ctx->db, q->scope, q->id, each, arg, err);
}

int evalresult_latest_run(lk_ctx *ctx, int64_t course_id, int64_t *run_id, lk_err *err)
{
	*run_id = 0;
	if (role_require(ctx, LK_PERM_READ_RESULTS, err) < 0)
		return -1;
	int found = store_evalresult_course_exists(ctx->db, course_id, err);
	if (found <= 0)
		return found < 0 ? -1 : no_course(course_id, err);
	return store_evalresult_latest_run(ctx->db, course_id, run_id, err);
}

/* ---- comparison ---- */

/* Family question id → the comparison row it counts for (-1: none). */
typedef struct cmp_map {
	lk_comparison *c;
	const lk_results *res; /* the run's results: the rows' questions */
	int64_t *ids;
	int *rows;
	int64_t *sums;         /* per row: sum of earlier answers */
	int n, cap;
	bool oom;
} cmp_map;

/* The row of c for a scale question of the run with q's text and ends. */
static int cmp_row_for(const cmp_map *m, const lk_eval_scale_q *q)
{
	for (int i = 0; i < m->c->n_rows; i++) {
		const lk_question_result *r = &m->res->questions[find_result(m->res, m->c->rows[i].question_id)];
		if (r->scale_min == q->scale_min && r->scale_max == q->scale_max &&
		    evalresult_same_question(r->text, q->text))
			return i;
	}
	return -1;
}

static int cmp_map_add(void *arg, const lk_eval_scale_q *q)
{
	cmp_map *m = arg;
	int row = cmp_row_for(m, q);
	if (row < 0)
		return 0;
	if (m->n == m->cap) {
		int cap = m->cap ? 2 * m->cap : 16;
		int64_t *ids = realloc(m->ids, (size_t)cap * sizeof *ids);
		if (ids)
			m->ids = ids;
		int *rows = ids ? realloc(m->rows, (size_t)cap * sizeof *rows) : NULL;
		if (!rows)
			return m->oom = true;
		m->rows = rows;
		m->cap = cap;
	}
	m->ids[m->n] = q->id;
	m->rows[m->n++] = row;
	return 0;
}

static int cmp_take_earlier(void *arg, const lk_eval_earlier_sum *s)
{
	cmp_map *m = arg;
	for (int i = 0; i < m->n; i++)
		if (m->ids[i] == s->question_id) {
			m->c->rows[m->rows[i]].earlier_n += s->n;
			m->sums[m->rows[i]] += s->sum;
		}
	return 0;
}

/* The rows: the run's scale questions with this run's n and mean. */
static int cmp_rows(lk_comparison *c, const lk_results *res, lk_err *err)
{
	c->rows = calloc((size_t)res->n_questions + 1, sizeof *c->rows);
	if (!c->rows)
		return lk_fail(err, LK_ENOMEM, _("Out of memory."));
	for (int i = 0; i < res->n_questions; i++) {
		const lk_question_result *q = &res->questions[i];
		if (q->kind != LK_QUESTION_SCALE)
			continue;
		lk_compare_row *row = &c->rows[c->n_rows++];
		*row = (lk_compare_row){.question_id = q->question_id, .position = q->position,
			.n = q->n, .has_mean = q->has_stats, .mean = q->mean, .text = strdup(q->text)};
		if (!row->text)
			return lk_fail(err, LK_ENOMEM, _("Out of memory."));
	}
	return 0;
}

static int cmp_earlier(lk_ctx *ctx, lk_comparison *c, const lk_results *res, lk_err *err)
{
	cmp_map m = {.c = c, .res = res, .sums = calloc((size_t)c->n_rows + 1, sizeof(int64_t))};
	int rc = m.sums ? 0 : lk_fail(err, LK_ENOMEM, _("Out of memory."));
	if (rc == 0)
		rc = store_evalresult_family_scales(ctx->db, c->family_id, cmp_map_add, &m, err);
	if (rc == 0 && m.oom)
		rc = lk_fail(err, LK_ENOMEM, _("Out of memory."));
	if (rc == 0)
		rc = store_evalresult_earlier_sums(ctx->db, c->run_id, c->family_id, cmp_take_earlier, &m, err);
	for (int i = 0; rc == 0 && i < c->n_rows; i++) {
		lk_compare_row *row = &c->rows[i];
		row->has_earlier = row->earlier_n > 0 && !c->earlier_counts_only;
		row->earlier_mean = row->has_earlier ? (double)m.sums[i] / (double)row->earlier_n : 0;
	}
	free(m.ids);
	free(m.rows);
	free(m.sums);
	return rc;
}

static int cmp_reason(lk_ctx *ctx, lk_comparison *c, const lk_results *res, lk_err *err)
{
	int min = ctx->settings.min_answers;
	c->earlier_counts_only = c->earlier_responses > 0 && c->earlier_responses < min;
	char buf[LK_ERR_MSG_MAX] = "";
	if (c->counts_only)
		snprintf(buf, sizeof buf, "%s", res->counts_only_reason);
	else if (c->earlier_counts_only)
		snprintf(buf, sizeof buf, ngettext("The earlier runs have fewer than %d answer together: their means are not shown, so that no one can be recognised.",
			"The earlier runs have fewer than %d answers together: their means are not shown, so that no one can be recognised.",
			(unsigned long)min), min);
	c->counts_only_reason = strdup(buf);
	return c->counts_only_reason ? 0 : lk_fail(err, LK_ENOMEM, _("Out of memory."));
}

static int compare(lk_ctx *ctx, lk_comparison *c, const lk_results *res, lk_err *err)
{
	c->questionnaire_id = res->questionnaire_id;
	c->family_id = res->family_id;
	c->n_responses = res->n_responses;
	c->counts_only = res->counts_only;
	if (store_evalresult_earlier_counts(ctx->db, c->run_id, c->family_id, &c->earlier_runs,
		    &c->earlier_responses, err) < 0 || cmp_reason(ctx, c, res, err) < 0)
		return -1;
	if (cmp_rows(c, res, err) < 0)
		return -1;
	return cmp_earlier(ctx, c, res, err);
}

int evalresult_compare(lk_ctx *ctx, int64_t run_id, lk_comparison *out, lk_err *err)
{
	memset(out, 0, sizeof *out);
	out->run_id = run_id;
	lk_results res;
	lk_result_query q = {.scope = LK_RESULT_RUN, .id = run_id};
	int rc = evalresult_get(ctx, &q, &res, err);
	if (rc == 0)
		rc = store_evalresult_run_course(ctx->db, run_id, &out->course_id, err) < 0 ? -1 : 0;
	if (rc == 0)
		rc = compare(ctx, out, &res, err);
	evalresult_free(&res);
	return rc;
}
