/*
 * eval_results.c — evaluation results of a run or of a course across its
 * runs (eval_results_view), as one page that scrolls by question: for each
 * scale question n, blanks, mean and median and a bar per value; choice
 * and yes/no questions as counts and bars; written answers (the first few,
 * Enter lists them all in eval_texts_view, a page at a time); the response
 * rate; below the minimum number of forms only counts, with the reason.
 * At the end the run (for a course: its latest run with forms) against the
 * course's earlier runs, question by question, with an arrow and a word.
 *
 *   evalresult_get / _compare / _versions / _texts ──reload──▶ state
 *   state ──build_lines(width)──▶ lines ──draw──▶ screen
 *
 * Every bar has its number and percentage beside it: a bar never says
 * anything alone.
 */
#include "lmskurs/ui/eval.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lmskurs/course.h"
#include "lmskurs/i18n.h"
#include "lmskurs/ui/uitext.h"

enum { FIRST_TEXTS = 3, VERSIONS_MAX = 32 };

typedef struct res_line {
	char *text;
	lk_style st;
	int q;     /* question index it belongs to, -1 none */
	bool head; /* the question's first line */
} res_line;

typedef struct q_texts {
	char *first[FIRST_TEXTS];
	int n;
} q_texts;

typedef struct results_state {
	lk_ctx *ctx;
	lk_result_query query;
	char *label;          /* the run or the course */
	lk_results res;
	q_texts *texts;       /* per question of res */
	bool has_cmp;
	lk_comparison cmp;
	char *cmp_label;      /* the compared run */
	int64_t versions[VERSIONS_MAX];
	int nversions;
	res_line *lines;
	int nlines, cap, width; /* width the lines were built for; 0: rebuild */
	int sel, top, page;
	bool oom;
} results_state;

/* ---- reading ---- */

static void texts_free(results_state *s)
{
	for (int i = 0; s->texts && i < s->res.n_questions; i++)
		for (int k = 0; k < s->texts[i].n; k++)
			free(s->texts[i].first[k]);
	free(s->texts);
	s->texts = NULL;
}

static void lines_free(results_state *s)
{
	for (int i = 0; i < s->nlines; i++)
		free(s->lines[i].text);
	s->nlines = 0;
	s->width = 0;
}

static void results_forget(results_state *s)
{
	texts_free(s);
	evalresult_free(&s->res);
	evalresult_comparison_free(&s->cmp);
	memset(&s->cmp, 0, sizeof s->cmp);
	s->has_cmp = false;
	free(s->cmp_label);
	s->cmp_label = NULL;
	lines_free(s);
}

static int text_one(void *arg, const char *text)
{
	q_texts *t = arg;
	if (t->n < FIRST_TEXTS && (t->first[t->n] = strdup(text)))
		t->n++;
	return 0;
}

static int read_texts(results_state *s, lk_err *err)
{
	lk_result_query q = s->query;
	q.questionnaire_id = s->res.questionnaire_id;
	s->texts = calloc((size_t)s->res.n_questions + 1, sizeof *s->texts);
	if (!s->texts)
		return lk_fail(err, LK_ENOMEM, _("Out of memory."));
	for (int i = 0; !s->res.counts_only && i < s->res.n_questions; i++) {
		const lk_question_result *r = &s->res.questions[i];
		if (r->kind == LK_QUESTION_TEXT && r->n > 0 &&
		    evalresult_texts(s->ctx, &q, r->question_id, (lk_page){0, FIRST_TEXTS}, text_one, &s->texts[i], err) < 0)
			return -1;
	}
	return 0;
}

static int version_one(void *arg, const lk_result_version *v)
{
	results_state *s = arg;
	if (s->nversions < VERSIONS_MAX)
		s->versions[s->nversions++] = v->questionnaire_id;
	return 0;
}

/* The run compared: the run itself, or the course's latest with forms. */
static int read_comparison(results_state *s, lk_err *err)
{
	int64_t run_id = s->query.id;
	if (s->query.scope == LK_RESULT_COURSE && evalresult_latest_run(s->ctx, s->query.id, &run_id, err) < 0)
		return -1;
	if (!run_id)
		return 0;
	if (evalresult_compare(s->ctx, run_id, &s->cmp, err) < 0)
		return -1;
	s->has_cmp = true;
	lk_run r;
	if (run_get(s->ctx, run_id, &r, err) == 0)
		s->cmp_label = eval_run_label(&r);
	run_free(&r);
	return 0;
}

static int results_read(results_state *s, lk_err *err)
{
	results_forget(s);
	s->nversions = 0;
	if (evalresult_get(s->ctx, &s->query, &s->res, err) < 0 || read_texts(s, err) < 0 ||
	    evalresult_versions(s->ctx, &s->query, version_one, s, err) < 0)
		return -1;
	if (s->query.scope != LK_RESULT_QUESTIONNAIRE && read_comparison(s, err) < 0)
		return -1;
	if (s->sel >= s->res.n_questions)
		s->sel = s->res.n_questions > 0 ? s->res.n_questions - 1 : 0;
	return 0;
}

static char *scope_label(lk_ctx *ctx, const lk_result_query *q, lk_err *err)
{
	if (q->scope == LK_RESULT_RUN) {
		lk_run r;
		char *t = run_get(ctx, q->id, &r, err) == 0 ? eval_run_label(&r) : NULL;
		run_free(&r);
		return t;
	}
	lk_course c;
	char *t = course_get(ctx, q->id, &c, err) == 0 ? strdup(c.title) : NULL;
	course_free(&c);
	return t;
}

static int results_open(lk_view *v, const void *arg, lk_err *err)
{
	results_state *s = v->state;
	s->ctx = v->ui->ctx;
	s->query = *(const lk_result_query *)arg;
	if (role_require(s->ctx, LK_PERM_READ_RESULTS, err) < 0)
		return -1;
	if (s->query.scope != LK_RESULT_RUN && s->query.scope != LK_RESULT_COURSE)
		return lk_fail(err, LK_EINVAL, "%s", _("Results are shown for a run or a course."));
	if (!(s->label = scope_label(s->ctx, &s->query, err)))
		return err->code ? -1 : lk_fail(err, LK_ENOMEM, _("Out of memory."));
	return results_read(s, err);
}

static void results_done(lk_view *v)
{
	results_state *s = v->state;
	results_forget(s);
	free(s->lines);
	free(s->label);
}

static int results_reload(lk_view *v, lk_err *err)
{
	return results_read(v->state, err);
}

static char *results_title(lk_view *v)
{
	results_state *s = v->state;
	if (s->query.scope == LK_RESULT_COURSE)
		return uitext_printf(_("Results of the course across its runs: %s"), s->label);
	return uitext_printf(_("Results: %s"), s->label);
}

/* ---- lines ---- */

static void add_line(results_state *s, int q, bool head, lk_style st, char *text)
{
	if (!text) {
		s->oom = true;
		return;
	}
	if (s->nlines == s->cap) {
		int cap = s->cap ? s->cap * 2 : 64;
		res_line *n = realloc(s->lines, (size_t)cap * sizeof *n);
		if (!n) {
			free(text);
			s->oom = true;
			return;
		}
		s->lines = n;
		s->cap = cap;
	}
	s->lines[s->nlines++] = (res_line){text, st, q, head};
}

struct wrap_ctx {
	results_state *s;
	int q;
	bool head;
	lk_style st;
	const char *indent;
};

static void wrap_line(void *arg, const char *start, size_t bytes)
{
	struct wrap_ctx *w = arg;
	add_line(w->s, w->q, w->head, w->st, uitext_printf("%s%.*s", w->indent, (int)bytes, start));
	w->head = false;
}

/* text word-wrapped to width, each line after indent. */
static void add_wrapped(results_state *s, int q, bool head, lk_style st, const char *indent, const char *text, int width)
{
	struct wrap_ctx w = {s, q, head, st, indent};
	int iw = uitext_width(indent);
	uitext_wrap(text, width - iw > 10 ? width - iw : 10, wrap_line, &w);
}

/* s padded with spaces to width columns (cut with "…" when longer), on
 * the right, or on the left for numbers (right). */
static char *padded(const char *s, int width, bool right)
{
	char *cut = uitext_cut(s, width);
	if (!cut)
		return NULL;
	int pad = width - uitext_width(cut);
	pad = pad > 0 ? pad : 0;
	char *p = right ? uitext_printf("%*s%s", pad, "", cut) : uitext_printf("%s%*s", cut, pad, "");
	free(cut);
	return p;
}

static int64_t max_count(const lk_question_result *r)
{
	int64_t m = 0;
	for (int k = 0; k < r->n_bars; k++)
		m = r->bars[k].count > m ? r->bars[k].count : m;
	return m;
}

static int bar_label_width(const lk_question_result *r, int width)
{
	int lw = 1;
	for (int k = 0; k < r->n_bars; k++) {
		int w = uitext_width(r->bars[k].label);
		lw = w > lw ? w : lw;
	}
	return lw > width / 3 ? width / 3 : lw;
}

/* "   8 Svært rel… │██████▌     4  33 %" */
static void add_bars(results_state *s, int q, const lk_question_result *r, int width)
{
	int lw = bar_label_width(r, width);
	int bw = width - 3 - lw - 3 - 12;
	int64_t max = max_count(r);
	for (int k = 0; k < r->n_bars && bw > 0; k++) {
		const lk_result_bar *b = &r->bars[k];
		char *label = padded(b->label, lw, r->kind == LK_QUESTION_SCALE);
		char *bar = eval_bar(b->count, max, bw);
		char *cell = bar ? padded(bar, bw, false) : NULL;
		int pct = r->n > 0 ? (int)((b->count * 100 + r->n / 2) / r->n) : 0;
		if (label && cell)
			add_line(s, q, false, LK_STYLE_NORMAL, uitext_printf("   %s │%s %4lld %3d %%", label, cell,
				(long long)b->count, pct));
		else
			s->oom = true;
		free(label);
		free(bar);
		free(cell);
	}
}

static void add_numbers(results_state *s, int q, const lk_question_result *r)
{
	if (r->has_stats)
		add_line(s, q, false, LK_STYLE_NORMAL, uitext_printf(_("   n %lld · blank %lld · mean %.1f · median %.1f"),
			(long long)r->n, (long long)r->blank, r->mean, r->median));
	else
		add_line(s, q, false, LK_STYLE_NORMAL, uitext_printf(_("   n %lld · blank %lld"), (long long)r->n,
			(long long)r->blank));
	if (r->kind == LK_QUESTION_SCALE && ((r->label_min && *r->label_min) || (r->label_max && *r->label_max)))
		add_line(s, q, false, LK_STYLE_DIM, uitext_printf("   %d = %s · %d = %s", r->scale_min,
			r->label_min ? r->label_min : "", r->scale_max, r->label_max ? r->label_max : ""));
}

static void add_texts(results_state *s, int q, const lk_question_result *r, int width)
{
	const q_texts *t = &s->texts[q];
	add_line(s, q, false, LK_STYLE_NORMAL, uitext_printf(ngettext("   %lld written answer · blank %lld",
		"   %lld written answers · blank %lld", (unsigned long)r->n), (long long)r->n, (long long)r->blank));
	for (int k = 0; k < t->n; k++) {
		char *cut = uitext_cut(t->first[k], width - 7);
		add_line(s, q, false, LK_STYLE_NORMAL, uitext_printf("   – %s", cut ? cut : ""));
		free(cut);
	}
	if (r->n > t->n)
		add_line(s, q, false, LK_STYLE_DIM, uitext_printf(_("   Enter lists all %lld"), (long long)r->n));
}

static void add_question(results_state *s, int q, int width)
{
	const lk_question_result *r = &s->res.questions[q];
	char *head = uitext_printf("%d. %s", r->position, r->text);
	add_wrapped(s, q, true, LK_STYLE_TITLE, "", head ? head : "", width);
	free(head);
	if (s->res.counts_only)
		add_line(s, q, false, LK_STYLE_NORMAL, uitext_printf(_("   %lld answered · %lld blank"), (long long)r->n,
			(long long)r->blank));
	else if (r->kind == LK_QUESTION_TEXT)
		add_texts(s, q, r, width);
	else {
		add_numbers(s, q, r);
		add_bars(s, q, r, width);
	}
	add_line(s, -1, false, LK_STYLE_NORMAL, strdup(""));
}

static void add_header(results_state *s, int width)
{
	const lk_results *r = &s->res;
	char *forms = uitext_printf(ngettext("%lld form", "%lld forms", (unsigned long)r->n_responses), (long long)r->n_responses);
	char *runs = uitext_printf(ngettext("%lld run", "%lld runs", (unsigned long)r->n_runs), (long long)r->n_runs);
	char *q = uitext_printf(_("Questionnaire: %s, version %d · %s from %s"), r->questionnaire_name, r->version_no,
		forms ? forms : "", runs ? runs : "");
	free(forms);
	free(runs);
	char *rate = uitext_printf(_("Response rate: %s"), r->rate_text ? r->rate_text : "");
	add_wrapped(s, -1, false, LK_STYLE_NORMAL, "", q ? q : "", width);
	add_wrapped(s, -1, false, LK_STYLE_NORMAL, "", rate ? rate : "", width);
	free(q);
	free(rate);
	if (s->nversions > 1)
		add_line(s, -1, false, LK_STYLE_DIM, uitext_printf(_("%d versions of the questionnaire have forms here; v shows the next."),
			s->nversions));
	if (r->counts_only) {
		char *why = uitext_printf("! %s", r->counts_only_reason);
		add_wrapped(s, -1, false, LK_STYLE_WARNING, "", why ? why : "", width);
		free(why);
	}
	add_line(s, -1, false, LK_STYLE_NORMAL, strdup(""));
}

static void add_compare_row(results_state *s, const lk_compare_row *c, int width)
{
	char *head = uitext_printf("%d. %s", c->position, c->text);
	char *cut = uitext_cut(head ? head : "", width);
	add_line(s, -1, false, LK_STYLE_NORMAL, cut ? cut : strdup(""));
	free(head);
	char now[48], before[48];
	if (c->has_mean)
		snprintf(now, sizeof now, _("now %.1f (n %lld)"), c->mean, (long long)c->n);
	else
		snprintf(now, sizeof now, _("now – (n %lld)"), (long long)c->n);
	if (c->has_earlier)
		snprintf(before, sizeof before, _("before %.1f (n %lld)"), c->earlier_mean, (long long)c->earlier_n);
	else
		snprintf(before, sizeof before, "%s", _("before –"));
	char *trend = c->has_mean && c->has_earlier ? eval_trend_text(c->mean, c->earlier_mean) : strdup(_("no comparison"));
	add_line(s, -1, false, LK_STYLE_NORMAL, uitext_printf("   %s · %s · %s", now, before, trend ? trend : ""));
	free(trend);
}

static void add_comparison(results_state *s, int width)
{
	const lk_comparison *c = &s->cmp;
	char *head = uitext_printf(_("%s compared with the course's earlier runs"), s->cmp_label ? s->cmp_label : "");
	add_wrapped(s, -1, false, LK_STYLE_TITLE, "", head ? head : "", width);
	free(head);
	if (c->earlier_runs == 0) {
		add_wrapped(s, -1, false, LK_STYLE_DIM, "", _("No earlier run of the course has forms on this questionnaire yet."), width);
		return;
	}
	char *n = uitext_printf(ngettext("%lld earlier run with %lld forms", "%lld earlier runs with %lld forms",
		(unsigned long)c->earlier_runs), (long long)c->earlier_runs, (long long)c->earlier_responses);
	add_wrapped(s, -1, false, LK_STYLE_DIM, "", n ? n : "", width);
	free(n);
	if (c->counts_only_reason && *c->counts_only_reason) {
		char *why = uitext_printf("! %s", c->counts_only_reason);
		add_wrapped(s, -1, false, LK_STYLE_WARNING, "", why ? why : "", width);
		free(why);
	}
	for (int i = 0; i < c->n_rows; i++)
		add_compare_row(s, &c->rows[i], width);
}

static void build_lines(results_state *s, int width)
{
	if (s->width == width)
		return;
	lines_free(s);
	s->oom = false;
	add_header(s, width);
	for (int q = 0; q < s->res.n_questions; q++)
		add_question(s, q, width);
	if (s->has_cmp)
		add_comparison(s, width);
	s->width = width;
}

char *eval_results_text(lk_view *v, int width)
{
	if (v->ops != &eval_results_view)
		return NULL;
	results_state *s = v->state;
	s->width = 0;
	build_lines(s, width);
	size_t size = 1;
	for (int i = 0; i < s->nlines; i++)
		size += strlen(s->lines[i].text) + 1;
	char *t = malloc(size), *p = t;
	for (int i = 0; t && i < s->nlines; i++)
		p += sprintf(p, "%s\n", s->lines[i].text);
	if (t)
		*p = 0;
	return t;
}

/* ---- drawing ---- */

static int head_line(const results_state *s, int q)
{
	for (int i = 0; i < s->nlines; i++)
		if (s->lines[i].head && s->lines[i].q == q)
			return i;
	return 0;
}

static int block_end(const results_state *s, int q)
{
	int end = head_line(s, q);
	while (end + 1 < s->nlines && s->lines[end + 1].q == q)
		end++;
	return end;
}

static void clamp_top(results_state *s, int h)
{
	int max = s->nlines > h ? s->nlines - h : 0;
	s->top = s->top > max ? max : s->top < 0 ? 0 : s->top;
}

/* Scrolls so the selected question shows, from its first line, above
 * the line that may say there is more below. */
static void show_selected(results_state *s, int h)
{
	h = h > 2 ? h - 1 : h;
	int head = head_line(s, s->sel), end = block_end(s, s->sel);
	if (head < s->top || end - head + 1 > h)
		s->top = head;
	else if (end >= s->top + h)
		s->top = end - h + 1;
	if (s->sel == 0 && head > 0 && head < h)
		s->top = 0;
}

static void results_draw(lk_view *v, lk_rect r)
{
	results_state *s = v->state;
	lk_rect in = {r.y + 1, r.x + 1, r.h - 1, r.w - 2};
	build_lines(s, in.w - 2);
	s->page = in.h;
	clamp_top(s, in.h);
	screen_cursor(v->ui, in.y, in.x);
	for (int i = 0; i < in.h && s->top + i < s->nlines; i++) {
		const res_line *l = &s->lines[s->top + i];
		bool sel = l->head && l->q == s->sel;
		screen_text(v->ui, in.y + i, in.x, 2, sel ? ">" : "", LK_STYLE_SELECTED);
		screen_text(v->ui, in.y + i, in.x + 2, in.w - 2, l->text, sel ? LK_STYLE_SELECTED : l->st);
		if (sel)
			screen_cursor(v->ui, in.y + i, in.x);
	}
	if (s->top + in.h < s->nlines)
		screen_cell(v->ui, in.y + in.h - 1, in.x, in.w, _("↓ more below (Down, PgDn)"), LK_STYLE_DIM);
	if (s->oom)
		ui_status(v->ui, LK_STYLE_ERROR, "%s", _("Out of memory."));
}

/* ---- keys ---- */

static void select_question(results_state *s, int q)
{
	int n = s->res.n_questions;
	s->sel = q < 0 ? 0 : q >= n ? (n > 0 ? n - 1 : 0) : q;
	show_selected(s, s->page > 0 ? s->page : 1);
}

/* After paging: the first question whose first line shows. */
static void page_by(results_state *s, int delta)
{
	s->top += delta;
	clamp_top(s, s->page);
	for (int i = s->top; i < s->top + s->page && i < s->nlines; i++)
		if (s->lines[i].head) {
			s->sel = s->lines[i].q;
			return;
		}
}

static void open_texts(lk_view *v)
{
	results_state *s = v->state;
	if (s->res.n_questions == 0)
		return;
	const lk_question_result *r = &s->res.questions[s->sel];
	if (r->kind != LK_QUESTION_TEXT) {
		ui_status(v->ui, LK_STYLE_NORMAL, "%s", _("Enter lists the written answers of an open question; this one is answered with numbers."));
		return;
	}
	if (s->res.counts_only) {
		ui_status(v->ui, LK_STYLE_WARNING, "%s", s->res.counts_only_reason);
		return;
	}
	lk_eval_texts_ref ref = {s->query, r->question_id, r->position};
	ref.query.questionnaire_id = s->res.questionnaire_id;
	ui_push(v->ui, &eval_texts_view, &ref, NULL);
}

static void next_version(lk_view *v)
{
	results_state *s = v->state;
	lk_err err;
	if (s->nversions < 2) {
		ui_status(v->ui, LK_STYLE_NORMAL, "%s", _("Only this version of the questionnaire has forms here."));
		return;
	}
	int i = 0;
	while (i < s->nversions && s->versions[i] != s->res.questionnaire_id)
		i++;
	s->query.questionnaire_id = s->versions[(i + 1) % s->nversions];
	s->sel = s->top = 0;
	if (results_read(s, &err) < 0)
		ui_status_err(v->ui, &err);
}

static bool results_request(lk_view *v, lk_action a)
{
	results_state *s = v->state;
	switch (a) {
	case LK_ACT_MOVE_UP: select_question(s, s->sel - 1); return true;
	case LK_ACT_MOVE_DOWN: select_question(s, s->sel + 1); return true;
	case LK_ACT_PAGE_UP: page_by(s, -s->page); return true;
	case LK_ACT_PAGE_DOWN: page_by(s, s->page); return true;
	case LK_ACT_MOVE_FIRST: s->top = 0; s->sel = 0; return true;
	case LK_ACT_MOVE_LAST: select_question(s, s->res.n_questions - 1); s->top = s->nlines; return true;
	case LK_ACT_OPEN: open_texts(v); return true;
	case LK_ACT_VERSION_NEXT: next_version(v); return true;
	default: return false;
	}
}

static const lk_action results_actions[] = {
	LK_ACT_MOVE_UP, LK_ACT_MOVE_DOWN, LK_ACT_PAGE_UP, LK_ACT_PAGE_DOWN, LK_ACT_MOVE_FIRST,
	LK_ACT_MOVE_LAST, LK_ACT_OPEN, LK_ACT_BACK, LK_ACT_VERSION_NEXT, 0,
};
static const lk_action results_hints[] = {LK_ACT_MOVE_DOWN, LK_ACT_OPEN, LK_ACT_VERSION_NEXT, LK_ACT_BACK, 0};

const lk_view_ops eval_results_view = {
	.name = "eval-results",
	.label = N_("Results"),
	.state_size = sizeof(results_state),
	.actions = results_actions,
	.hints = results_hints,
	.open = results_open,
	.done = results_done,
	.title = results_title,
	.reload = results_reload,
	.draw = results_draw,
	.request = results_request,
};

/* ---- the written answers to one question ---- */

typedef struct texts_state {
	lk_ctx *ctx;
	lk_eval_texts_ref ref;
	char *question;
	int64_t total;
	lk_list list;
} texts_state;

typedef struct text_row {
	int64_t index;
	char no[16];
	char *text;
} text_row;

static void text_row_free(void *row)
{
	text_row *r = row;
	free(r->text);
	free(r);
}

/* The question's text and how many wrote an answer. */
static int texts_count_read(texts_state *s, lk_err *err)
{
	lk_results res;
	int rc = evalresult_get(s->ctx, &s->ref.query, &res, err);
	for (int i = 0; rc == 0 && i < res.n_questions; i++)
		if (res.questions[i].question_id == s->ref.question_id) {
			s->total = res.questions[i].n;
			free(s->question);
			s->question = strdup(res.questions[i].text);
		}
	evalresult_free(&res);
	return rc;
}

static int64_t texts_count(lk_list *l, lk_err *err)
{
	texts_state *s = l->arg;
	return texts_count_read(s, err) < 0 ? -1 : s->total;
}

struct text_fetch {
	lk_list *l;
	int64_t index;
	lk_err *err;
	int rc;
};

static int text_row_one(void *arg, const char *text)
{
	struct text_fetch *f = arg;
	text_row *r = calloc(1, sizeof *r);
	if (!r || !(r->text = strdup(text))) {
		free(r);
		f->rc = lk_fail(f->err, LK_ENOMEM, _("Out of memory."));
		return 1;
	}
	r->index = f->index++;
	snprintf(r->no, sizeof r->no, "%lld", (long long)r->index + 1);
	f->rc = list_add_row(f->l, r, f->err);
	return f->rc < 0;
}

static int texts_fetch(lk_list *l, lk_page page, lk_err *err)
{
	texts_state *s = l->arg;
	struct text_fetch f = {l, page.offset, err, 0};
	if (evalresult_texts(s->ctx, &s->ref.query, s->ref.question_id, page, text_row_one, &f, err) < 0)
		return -1;
	return f.rc;
}

static int64_t text_row_id(const void *row)
{
	return ((const text_row *)row)->index;
}

static lk_style text_cells(const void *row, const char **cells)
{
	const text_row *r = row;
	cells[0] = r->no;
	cells[1] = r->text;
	return LK_STYLE_NORMAL;
}

static const lk_column text_cols[] = {
	{N_("No."), 4, 0},
	{N_("Answer"), 10, 1},
};

static const lk_list_ops texts_list_ops = {
	.cols = text_cols, .ncols = 2,
	.count = texts_count, .fetch = texts_fetch, .row_free = text_row_free,
	.row_id = text_row_id, .row_cells = text_cells,
	.empty_text = N_("Nobody wrote an answer to this question."),
};

static int texts_open(lk_view *v, const void *arg, lk_err *err)
{
	texts_state *s = v->state;
	s->ctx = v->ui->ctx;
	s->ref = *(const lk_eval_texts_ref *)arg;
	list_init(&s->list, &texts_list_ops, s);
	return list_reload(&s->list, err);
}

static void texts_done(lk_view *v)
{
	texts_state *s = v->state;
	list_fini(&s->list);
	free(s->question);
}

static int texts_reload(lk_view *v, lk_err *err)
{
	return list_reload(&((texts_state *)v->state)->list, err);
}

static lk_list *texts_list(lk_view *v)
{
	return &((texts_state *)v->state)->list;
}

static char *texts_title(lk_view *v)
{
	texts_state *s = v->state;
	return uitext_printf(_("Written answers to %d. %s"), s->ref.position, s->question ? s->question : "");
}

/* The list, and the selected answer in full below it. */
static void texts_draw(lk_view *v, lk_rect r)
{
	texts_state *s = v->state;
	lk_rect in = {r.y + 1, r.x + 1, r.h - 1, r.w - 2};
	int list_h = in.h / 2 > 4 ? in.h / 2 : in.h;
	ui_draw_list(v->ui, &s->list, (lk_rect){in.y, in.x, list_h, in.w});
	const text_row *row = list_selected(&s->list);
	if (row && in.h - list_h > 2)
		screen_wrap(v->ui, (lk_rect){in.y + list_h + 1, in.x, in.h - list_h - 1, in.w}, row->text, LK_STYLE_NORMAL);
}

static const lk_action texts_actions[] = {
	LK_ACT_MOVE_UP, LK_ACT_MOVE_DOWN, LK_ACT_PAGE_UP, LK_ACT_PAGE_DOWN, LK_ACT_MOVE_FIRST,
	LK_ACT_MOVE_LAST, LK_ACT_BACK, 0,
};
static const lk_action texts_hints[] = {LK_ACT_MOVE_DOWN, LK_ACT_PAGE_DOWN, LK_ACT_BACK, 0};

const lk_view_ops eval_texts_view = {
	.name = "eval-texts",
	.label = N_("Written answers"),
	.state_size = sizeof(texts_state),
	.actions = texts_actions,
	.hints = texts_hints,
	.open = texts_open,
	.done = texts_done,
	.title = texts_title,
	.reload = texts_reload,
	.list = texts_list,
	.draw = texts_draw,
	.request = NULL,
};
