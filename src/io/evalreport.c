/* evalreport.c — a run's evaluation report as PDF and as CSV (see
 * evalreport.h).
 *
 * The bar charts are rows of a pdf.h table whose middle cell is a bar of
 * block characters (U+2588 and the eighth blocks U+2589..U+258F for the
 * last part), scaled to the largest count of the question, so each bar is
 * drawn by cairo through pango as solid ink of the right length and stays
 * text a search or a screen reader can follow. */
#include "lmskurs/evalreport.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lmskurs/date.h"
#include "lmskurs/evalresult.h"
#include "lmskurs/i18n.h"
#include "lmskurs/meeting.h"
#include "lmskurs/pdf.h"
#include "lmskurs/questionnaire.h"
#include "lmskurs/response.h"
#include "lmskurs/run.h"

enum {
	BAR_BLOCKS = 32,   /* the longest bar, in full blocks (fits the column) */
	TEXT_PAGE = 100,   /* free texts read per page */
	MEETINGS_MAX = 16, /* evaluation meetings of one run shown */
};

/* Heights for keeping a chart on one page: a table row of one line, the
 * title with the counts above it, and the most a chart may need before it
 * is simply let run over the page end. */
#define ROW_H_EST 20.0
#define TITLE_H_EST 40.0
#define CHART_H_MAX 560.0

/* ---- a growing string ---- */

typedef struct strbuf {
	char *s;
	size_t len, cap;
	bool oom;
} strbuf;

static void sb_add(strbuf *b, const char *t)
{
	size_t n = strlen(t);
	if (b->oom)
		return;
	if (b->len + n + 1 > b->cap) {
		size_t cap = (b->len + n + 1) * 2;
		char *s = realloc(b->s, cap);
		if (!s) {
			b->oom = true;
			return;
		}
		b->s = s;
		b->cap = cap;
	}
	memcpy(b->s + b->len, t, n + 1);
	b->len += n;
}

static int sb_done(strbuf *b, lk_err *err)
{
	if (!b->oom && !b->s)
		sb_add(b, "");
	if (!b->oom)
		return 0;
	free(b->s);
	b->s = NULL;
	return lk_fail(err, LK_ENOMEM, "%s", _("Out of memory."));
}

/* ---- what the report reads ---- */

typedef struct report {
	lk_ctx *ctx;
	lk_pdf *pdf;
	const char *organisation;
	lk_run run;
	lk_results res;
	bool table_open;  /* the last chart's table, left open to measure the next */
	char run_text[600], dates[64], form[300];
} report;

static void report_free(report *r)
{
	run_free(&r->run);
	evalresult_free(&r->res);
}

static void dates_text(const lk_run *run, char *buf, size_t n)
{
	char a[11], b[11];
	if (run->first_date.year == 0) {
		snprintf(buf, n, "%s", _("no sessions"));
		return;
	}
	date_show(run->first_date, a);
	date_show(run->last_date, b);
	snprintf(buf, n, "%s–%s", a, b);
}

static void head_texts(report *r)
{
	const char *t = r->run.title && *r->run.title ? r->run.title : "";
	const char *p = r->run.place && *r->run.place ? r->run.place : "";
	snprintf(r->run_text, sizeof r->run_text, _("no. %lld"), (long long)r->run.id);
	if (*t || *p)
		snprintf(r->run_text + strlen(r->run_text), sizeof r->run_text - strlen(r->run_text),
			" – %s%s%s", t, *t && *p ? ", " : "", p);
	dates_text(&r->run, r->dates, sizeof r->dates);
	snprintf(r->form, sizeof r->form, _("%s (version %d)"), r->res.questionnaire_name, r->res.version_no);
}

static int report_load(lk_ctx *ctx, int64_t run_id, report *r, lk_err *err)
{
	memset(r, 0, sizeof *r);
	r->ctx = ctx;
	lk_result_query q = {.scope = LK_RESULT_RUN, .id = run_id};
	if (evalresult_get(ctx, &q, &r->res, err) < 0 || run_get(ctx, run_id, &r->run, err) < 0)
		return -1;
	head_texts(r);
	return 0;
}

static void result_of(const report *r, lk_evalreport_result *out, int pages)
{
	if (!out)
		return;
	out->pages = pages;
	out->responses = r->res.n_responses;
	out->questions = r->res.n_questions;
	out->counts_only = r->res.counts_only;
}

/* ---- numbers as people read them ---- */

/* A median: whole, or with its half ("7.5"). */
static void show_decimal(double v, char *buf, size_t n)
{
	if (fabs(v - round(v)) < 1e-9)
		snprintf(buf, n, "%.0f", v);
	else
		snprintf(buf, n, "%.1f", v);
}

/* The bar of count against max: full blocks and an eighth block. */
static void bar_text(int64_t count, int64_t max, char *buf, size_t n)
{
	static const char *const eighths[8] = {"", "\u258F", "\u258E", "\u258D", "\u258C", "\u258B", "\u258A", "\u2589"};
	buf[0] = '\0';
	if (count <= 0 || max <= 0)
		return;
	long units = lround((double)count * BAR_BLOCKS * 8 / (double)max);
	if (units < 1)
		units = 1;
	size_t len = 0;
	for (long i = 0; i < units / 8 && len + 4 < n; i++, len += 3)
		memcpy(buf + len, "\u2588", 4);
	snprintf(buf + len, n - len, "%s", eighths[units % 8]);
}

/* ---- the page head ---- */

static int draw_head(lk_pdf *pdf, void *arg, lk_err *err)
{
	report *r = arg;
	const char *org = r->organisation;
	if (org && *org && pdf_text(pdf, org, LK_PDF_SMALL, LK_PDF_LEFT, err) < 0)
		return -1;
	if (pdf_text(pdf, _("Evaluation report"), LK_PDF_BOLD, LK_PDF_LEFT, err) < 0 ||
	    pdf_text(pdf, r->run.course_title, LK_PDF_TITLE, LK_PDF_LEFT, err) < 0)
		return -1;
	pdf_gap(pdf, 4);
	if (pdf_field(pdf, _("Run"), r->run_text, err) < 0 || pdf_field(pdf, _("Dates"), r->dates, err) < 0 ||
	    pdf_field(pdf, _("Questionnaire"), r->form, err) < 0)
		return -1;
	pdf_gap(pdf, 10);
	return 0;
}

/* ---- the summary ---- */

static int heading(lk_pdf *pdf, const char *text, lk_err *err)
{
	pdf_gap(pdf, 6);
	return pdf_text(pdf, text, LK_PDF_BOLD, LK_PDF_LEFT, err);
}

static int draw_summary(report *r, lk_err *err)
{
	char forms[32];
	snprintf(forms, sizeof forms, "%lld", (long long)r->res.n_responses);
	if (pdf_field(r->pdf, _("Forms"), forms, err) < 0 ||
	    pdf_field(r->pdf, _("Response rate"), r->res.rate_text, err) < 0)
		return -1;
	if (r->res.n_responses == 0 &&
	    pdf_text(r->pdf, _("No forms have been entered for this run yet."), LK_PDF_BODY, LK_PDF_LEFT, err) < 0)
		return -1;
	if (r->res.counts_only && r->res.n_responses > 0)
		return pdf_text(r->pdf, r->res.counts_only_reason, LK_PDF_BOLD, LK_PDF_LEFT, err);
	return 0;
}

/* ---- one question ---- */

static int draw_counts(lk_pdf *pdf, const lk_question_result *q, lk_err *err)
{
	char line[256], mean[32], median[32];
	if (q->has_stats) {
		snprintf(mean, sizeof mean, "%.1f", q->mean);
		show_decimal(q->median, median, sizeof median);
		snprintf(line, sizeof line, _("Answered: %lld · left blank: %lld · mean %s · median %s"),
			(long long)q->n, (long long)q->blank, mean, median);
	} else {
		snprintf(line, sizeof line, _("Answered: %lld · left blank: %lld"), (long long)q->n,
			(long long)q->blank);
	}
	return pdf_text(pdf, line, LK_PDF_BODY, LK_PDF_LEFT, err);
}

/* "0 (Lite relevant)" at a scale's ends, else the bar's own label. */
static void bar_label(const lk_question_result *q, const lk_result_bar *b, char *buf, size_t n)
{
	const char *end = NULL;
	if (q->kind == LK_QUESTION_SCALE && b->value == q->scale_min)
		end = q->label_min;
	else if (q->kind == LK_QUESTION_SCALE && b->value == q->scale_max)
		end = q->label_max;
	if (end && *end)
		snprintf(buf, n, "%s (%s)", b->label, end);
	else
		snprintf(buf, n, "%s", b->label);
}

static int draw_bars(lk_pdf *pdf, const lk_question_result *q, lk_err *err)
{
	const lk_pdf_column cols[3] = {
		{q->kind == LK_QUESTION_SCALE ? _("Value") : _("Answer"), 2.6, LK_PDF_LEFT, 2, false},
		{_("Number of answers"), 6.0, LK_PDF_LEFT, 1, false},
		{_("Count"), 1.0, LK_PDF_RIGHT, 1, false},
	};
	int64_t max = 0;
	for (int i = 0; i < q->n_bars; i++)
		max = q->bars[i].count > max ? q->bars[i].count : max;
	if (pdf_table_begin(pdf, cols, 3, err) < 0)
		return -1;
	for (int i = 0; i < q->n_bars; i++) {
		char label[600], bar[BAR_BLOCKS * 3 + 8], count[24];
		bar_label(q, &q->bars[i], label, sizeof label);
		bar_text(q->bars[i].count, max, bar, sizeof bar);
		snprintf(count, sizeof count, "%lld", (long long)q->bars[i].count);
		const char *cells[3] = {label, bar, count};
		if (pdf_table_row(pdf, cells, 0, err) < 0)
			return -1;
	}
	return 0;
}

/* A chart is drawn for a question with bars and at least one answer. */
static bool has_chart(const lk_question_result *q)
{
	return q->n_bars > 0 && q->n > 0;
}

/* Ends the last chart's table; when q's chart (or the title and first
 * answers of a text question) would not fit below it but fits on a page,
 * moves to the end of the page so it starts a new one. */
static void chart_break(report *r, const lk_question_result *q)
{
	if (!r->table_open)
		return;
	bool text = q->kind == LK_QUESTION_TEXT && q->n > 0;
	double h = TITLE_H_EST + (text ? 2 * ROW_H_EST : ROW_H_EST * (q->n_bars + 1));
	const char *cells[3] = {"", "", ""};
	bool move = (has_chart(q) || text) && h < CHART_H_MAX && !pdf_table_row_fits(r->pdf, cells, h);
	pdf_table_end(r->pdf);
	r->table_open = false;
	if (move)
		pdf_gap(r->pdf, LK_PDF_PAGE_H);
}

typedef struct text_walk {
	lk_pdf *pdf;
	lk_err *err;
	int n, rc;
} text_walk;

static int draw_one_text(void *arg, const char *text)
{
	text_walk *w = arg;
	size_t len = strlen(text) + 8;
	char *line = malloc(len);
	if (!line) {
		w->rc = lk_fail(w->err, LK_ENOMEM, "%s", _("Out of memory."));
		return 1;
	}
	snprintf(line, len, "– %s", text);
	w->rc = pdf_text(w->pdf, line, LK_PDF_BODY, LK_PDF_LEFT, w->err);
	free(line);
	w->n++;
	return w->rc < 0;
}

/* The free texts, read a page at a time. */
static int draw_texts(report *r, const lk_question_result *q, lk_err *err)
{
	lk_result_query rq = {.scope = LK_RESULT_RUN, .id = r->run.id, .questionnaire_id = r->res.questionnaire_id};
	text_walk w = {r->pdf, err, 0, 0};
	for (int64_t from = 0;; from += TEXT_PAGE) {
		int before = w.n;
		if (evalresult_texts(r->ctx, &rq, q->question_id, (lk_page){from, TEXT_PAGE}, draw_one_text,
			    &w, err) < 0 || w.rc < 0)
			return -1;
		if (w.n - before < TEXT_PAGE)
			return 0;
	}
}

static int draw_question(report *r, const lk_question_result *q, lk_err *err)
{
	char title[700];
	snprintf(title, sizeof title, "%d. %s", q->position, q->text);
	chart_break(r, q);
	pdf_gap(r->pdf, 8);
	if (pdf_text(r->pdf, title, LK_PDF_BOLD, LK_PDF_LEFT, err) < 0 || draw_counts(r->pdf, q, err) < 0)
		return -1;
	if (has_chart(q)) {
		pdf_gap(r->pdf, 3);
		r->table_open = true;
		return draw_bars(r->pdf, q, err);
	}
	if (q->kind == LK_QUESTION_TEXT && !r->res.counts_only && q->n > 0)
		return draw_texts(r, q, err);
	return 0;
}

static int draw_questions(report *r, lk_err *err)
{
	if (heading(r->pdf, _("Answers question by question"), err) < 0)
		return -1;
	for (int i = 0; i < r->res.n_questions; i++)
		if (draw_question(r, &r->res.questions[i], err) < 0)
			return -1;
	const lk_question_result none = {0};
	chart_break(r, &none);
	return 0;
}

/* ---- comparison with earlier runs ---- */

static void mean_cell(bool has, double mean, int64_t n, char *buf, size_t len)
{
	char m[32];
	if (!has) {
		snprintf(buf, len, _("answered: %lld"), (long long)n);
		return;
	}
	snprintf(m, sizeof m, "%.1f", mean);
	snprintf(buf, len, _("mean %s (n = %lld)"), m, (long long)n);
}

static int draw_compare_rows(lk_pdf *pdf, const lk_comparison *c, lk_err *err)
{
	const lk_pdf_column cols[3] = {
		{_("Question"), 5.0, LK_PDF_LEFT, 3, false},
		{_("This run"), 2.2, LK_PDF_LEFT, 1, false},
		{_("Earlier runs"), 2.2, LK_PDF_LEFT, 1, false},
	};
	if (pdf_table_begin(pdf, cols, 3, err) < 0)
		return -1;
	for (int i = 0; i < c->n_rows; i++) {
		const lk_compare_row *row = &c->rows[i];
		char q[700], now[64], before[64];
		snprintf(q, sizeof q, "%d. %s", row->position, row->text);
		mean_cell(row->has_mean, row->mean, row->n, now, sizeof now);
		mean_cell(row->has_earlier, row->earlier_mean, row->earlier_n, before, sizeof before);
		const char *cells[3] = {q, now, before};
		if (pdf_table_row(pdf, cells, 0, err) < 0)
			return -1;
	}
	pdf_table_end(pdf);
	return 0;
}

static int draw_comparison(report *r, lk_err *err)
{
	lk_comparison c;
	int rc = evalresult_compare(r->ctx, r->run.id, &c, err);
	if (rc == 0 && c.earlier_runs > 0 && c.n_rows > 0) {
		char what[160];
		snprintf(what, sizeof what, _("%lld earlier runs of the course with %lld forms on this questionnaire"),
			(long long)c.earlier_runs, (long long)c.earlier_responses);
		rc = heading(r->pdf, _("Compared with earlier runs"), err);
		if (rc == 0)
			rc = pdf_text(r->pdf, what, LK_PDF_BODY, LK_PDF_LEFT, err);
		if (rc == 0 && *c.counts_only_reason)
			rc = pdf_text(r->pdf, c.counts_only_reason, LK_PDF_BODY, LK_PDF_LEFT, err);
		if (rc == 0)
			rc = draw_compare_rows(r->pdf, &c, err);
	}
	evalresult_comparison_free(&c);
	return rc;
}

/* ---- facilitators' evaluations ---- */

typedef struct feval_walk {
	lk_pdf *pdf;
	lk_err *err;
	int n, rc;
} feval_walk;

static int draw_feval(void *arg, const lk_facilitator_eval *e)
{
	feval_walk *w = arg;
	char who[400];
	snprintf(who, sizeof who, "%s · %.10s", e->person_name, e->written_at);
	pdf_gap(w->pdf, 4);
	w->rc = pdf_text(w->pdf, who, LK_PDF_BOLD, LK_PDF_LEFT, w->err);
	if (w->rc == 0)
		w->rc = pdf_text(w->pdf, e->text, LK_PDF_BODY, LK_PDF_LEFT, w->err);
	w->n++;
	return w->rc < 0;
}

static int draw_fevals(report *r, lk_err *err)
{
	feval_walk w = {r->pdf, err, 0, 0};
	if (heading(r->pdf, _("The facilitators' evaluations"), err) < 0 ||
	    facilitator_eval_list(r->ctx, r->run.id, draw_feval, &w, err) < 0 || w.rc < 0)
		return -1;
	if (w.n == 0)
		return pdf_text(r->pdf, _("No facilitator has written an evaluation of this run."), LK_PDF_BODY,
			LK_PDF_LEFT, err);
	return 0;
}

/* ---- evaluation meetings ---- */

typedef struct meeting_ids {
	int64_t run_id;
	int64_t ids[MEETINGS_MAX];
	int n;
} meeting_ids;

static int take_meeting(void *arg, const lk_meeting *m)
{
	meeting_ids *l = arg;
	if (m->run_id == l->run_id && l->n < MEETINGS_MAX)
		l->ids[l->n++] = m->id;
	return 0;
}

static int add_attendee(void *arg, const lk_attendee *a)
{
	strbuf *b = arg;
	if (b->len)
		sb_add(b, ", ");
	sb_add(b, a->name);
	sb_add(b, " (");
	sb_add(b, person_kind_label(a->kind));
	sb_add(b, ")");
	return 0;
}

static int add_decision(void *arg, const lk_decision *d)
{
	strbuf *b = arg;
	sb_add(b, b->len ? "\n– " : "– ");
	sb_add(b, d->text);
	return 0;
}

static void meeting_when(const lk_meeting *m, char *buf, size_t n)
{
	lk_datetime a, b;
	char sa[17], sb[17];
	if (datetime_parse(m->starts_at, &a, NULL) < 0 || datetime_parse(m->ends_at, &b, NULL) < 0) {
		snprintf(buf, n, "%s", m->starts_at);
		return;
	}
	datetime_show(a, sa);
	datetime_show(b, sb);
	snprintf(buf, n, "%s–%s%s%s", sa, sb + 11, *m->place ? ", " : "", m->place);
}

static int draw_meeting_lists(report *r, int64_t id, lk_err *err)
{
	strbuf who = {0}, what = {0};
	int rc = meeting_attendee_list(r->ctx, id, add_attendee, &who, err);
	if (rc == 0)
		rc = meeting_decision_list(r->ctx, id, add_decision, &what, err);
	if (rc == 0 && (rc = sb_done(&who, err)) == 0)
		rc = sb_done(&what, err);
	if (rc == 0)
		rc = pdf_field(r->pdf, _("Attended"), who.s, err);
	if (rc == 0)
		rc = pdf_field(r->pdf, _("Decisions"), what.s, err);
	free(who.s);
	free(what.s);
	return rc;
}

static int draw_meeting(report *r, int64_t id, lk_err *err)
{
	lk_meeting m = {0};
	char when[400];
	int rc = meeting_get(r->ctx, id, &m, err);
	if (rc == 0) {
		meeting_when(&m, when, sizeof when);
		pdf_gap(r->pdf, 4);
		rc = pdf_field(r->pdf, _("Meeting"), when, err);
	}
	if (rc == 0)
		rc = draw_meeting_lists(r, id, err);
	if (rc == 0)
		rc = pdf_field(r->pdf, _("Notes"), m.notes, err);
	meeting_free(&m);
	return rc;
}

static int draw_meetings(report *r, lk_err *err)
{
	meeting_ids l = {.run_id = r->run.id};
	if (heading(r->pdf, _("Evaluation meeting"), err) < 0 ||
	    meeting_list(r->ctx, r->run.course_id, LK_MEETING_EVALUATION, (lk_page){0, 0}, take_meeting, &l,
		    err) < 0)
		return -1;
	if (l.n == 0)
		return pdf_text(r->pdf, _("No evaluation meeting is recorded for this run."), LK_PDF_BODY,
			LK_PDF_LEFT, err);
	for (int i = l.n - 1; i >= 0; i--) /* oldest first */
		if (draw_meeting(r, l.ids[i], err) < 0)
			return -1;
	return 0;
}

/* ---- the PDF ---- */

static int draw_report(report *r, lk_err *err)
{
	if (pdf_set_begin(r->pdf, draw_head, r, _("Evaluation forms are anonymous; free text is given as written."),
		    err) < 0)
		return -1;
	if (draw_summary(r, err) < 0 || draw_questions(r, err) < 0 || draw_comparison(r, err) < 0 ||
	    draw_fevals(r, err) < 0 || draw_meetings(r, err) < 0)
		return -1;
	return pdf_set_end(r->pdf, err);
}

int evalreport_write_pdf(lk_ctx *ctx, int64_t run_id, const char *path,
	const lk_evalreport_opts *opts, lk_evalreport_result *out, lk_err *err)
{
	report r;
	int pages = -1;
	if (out)
		memset(out, 0, sizeof *out);
	if (report_load(ctx, run_id, &r, err) == 0 && pdf_create(path, _("Evaluation report"), &r.pdf, err) == 0) {
		r.organisation = opts ? opts->organisation : NULL;
		pages = draw_report(&r, err);
		if (pages < 0)
			pdf_abort(r.pdf);
		else if (pdf_finish(r.pdf, err) < 0)
			pages = -1;
	}
	if (pages >= 0)
		result_of(&r, out, pages);
	report_free(&r);
	return pages < 0 ? -1 : 0;
}

/* ---- the CSV ---- */

/* The values any question of the form can have: [*lo, *hi]; false when
 * none has any (only text questions). */
static bool value_range(const lk_questionnaire *q, int *lo, int *hi)
{
	bool any = false;
	for (int i = 0; i < q->n_questions; i++) {
		const lk_question *x = &q->questions[i];
		int a = x->kind == LK_QUESTION_SCALE ? x->scale_min : x->kind == LK_QUESTION_YESNO ? 0 : 1;
		int b = x->kind == LK_QUESTION_SCALE ? x->scale_max : x->kind == LK_QUESTION_YESNO ? 1 : x->n_options;
		if (x->kind == LK_QUESTION_TEXT)
			continue;
		*lo = any && *lo < a ? *lo : a;
		*hi = any && *hi > b ? *hi : b;
		any = true;
	}
	return any;
}

/* "8.50": two decimals with a point, whatever the locale. */
static void csv_decimal(double v, char *buf, size_t n)
{
	long long c = llround(v * 100);
	snprintf(buf, n, "%s%lld.%02lld", c < 0 ? "-" : "", llabs(c) / 100, llabs(c) % 100);
}

typedef struct csv_table {
	int lo, hi, nvals;
	size_t ncols;
	char **cells; /* one row of ncols, owned */
} csv_table;

enum { CSV_FIXED = 8 }; /* no., section, kind, question, answered, blank, mean, median */

static void table_clear(csv_table *t)
{
	for (size_t i = 0; i < t->ncols; i++) {
		free(t->cells[i]);
		t->cells[i] = NULL;
	}
}

static int set_cell(csv_table *t, size_t i, const char *s)
{
	free(t->cells[i]);
	t->cells[i] = strdup(s ? s : "");
	return t->cells[i] ? 0 : -1;
}

static int write_row(lk_csv_writer *w, csv_table *t, lk_err *err)
{
	int rc = csv_write_record(w, (const char *const *)t->cells, t->ncols, err);
	table_clear(t);
	return rc;
}

static int csv_header(lk_csv_writer *w, csv_table *t, lk_err *err)
{
	const char *fixed[CSV_FIXED] = {_("No."), _("Section"), _("Kind"), _("Question"), _("Answered"),
		_("Left blank"), _("Mean"), _("Median")};
	int rc = 0;
	for (size_t i = 0; rc == 0 && i < CSV_FIXED; i++)
		rc = set_cell(t, i, fixed[i]);
	for (int v = 0; rc == 0 && v < t->nvals; v++) {
		char num[16];
		snprintf(num, sizeof num, "%d", t->lo + v);
		rc = set_cell(t, CSV_FIXED + (size_t)v, num);
	}
	if (rc == 0)
		rc = set_cell(t, t->ncols - 2, _("Values"));
	if (rc == 0)
		rc = set_cell(t, t->ncols - 1, _("Note"));
	if (rc < 0)
		return lk_fail(err, LK_ENOMEM, "%s", _("Out of memory."));
	return write_row(w, t, err);
}

/* "1 = Pasient; 2 = Pårørende", "1 = yes; 0 = no", "1 = Lite; 5 = Mye". */
static int values_text(const lk_question *x, strbuf *b)
{
	char num[16];
	for (int k = 0; x->kind == LK_QUESTION_CHOICE && k < x->n_options; k++) {
		snprintf(num, sizeof num, "%s%d = ", k ? "; " : "", k + 1);
		sb_add(b, num);
		sb_add(b, x->options[k]);
	}
	if (x->kind == LK_QUESTION_YESNO) {
		sb_add(b, "1 = ");
		sb_add(b, _("yes"));
		sb_add(b, "; 0 = ");
		sb_add(b, _("no"));
	}
	for (int end = 0; x->kind == LK_QUESTION_SCALE && end < 2; end++) {
		const char *label = end ? x->label_max : x->label_min;
		if (!label || !*label)
			continue;
		snprintf(num, sizeof num, "%s%d = ", b->len ? "; " : "", end ? x->scale_max : x->scale_min);
		sb_add(b, num);
		sb_add(b, label);
	}
	sb_add(b, "");
	return b->oom ? -1 : 0;
}

static int fill_numbers(csv_table *t, const lk_question_result *q)
{
	char num[32];
	int rc = 0;
	snprintf(num, sizeof num, "%lld", (long long)q->n);
	rc |= set_cell(t, 4, num);
	snprintf(num, sizeof num, "%lld", (long long)q->blank);
	rc |= set_cell(t, 5, num);
	if (q->has_stats) {
		csv_decimal(q->mean, num, sizeof num);
		rc |= set_cell(t, 6, num);
		csv_decimal(q->median, num, sizeof num);
		rc |= set_cell(t, 7, num);
	}
	for (int i = 0; i < q->n_bars; i++) {
		int col = q->bars[i].value - t->lo;
		snprintf(num, sizeof num, "%lld", (long long)q->bars[i].count);
		if (col >= 0 && col < t->nvals)
			rc |= set_cell(t, CSV_FIXED + (size_t)col, num);
	}
	return rc;
}

static int csv_question(lk_csv_writer *w, csv_table *t, const lk_results *res,
	const lk_question_result *q, const lk_question *x, lk_err *err)
{
	char num[16];
	strbuf vals = {0};
	snprintf(num, sizeof num, "%d", q->position);
	int rc = set_cell(t, 0, num) | set_cell(t, 1, question_section_label(q->section)) |
		 set_cell(t, 2, question_kind_label(q->kind)) | set_cell(t, 3, q->text) | fill_numbers(t, q);
	rc |= values_text(x, &vals);
	if (rc == 0)
		rc = set_cell(t, t->ncols - 2, vals.s) | set_cell(t, t->ncols - 1, res->counts_only_reason);
	free(vals.s);
	if (rc != 0) {
		table_clear(t);
		return lk_fail(err, LK_ENOMEM, "%s", _("Out of memory."));
	}
	return write_row(w, t, err);
}

static int csv_table_init(csv_table *t, const lk_questionnaire *qn, lk_err *err)
{
	memset(t, 0, sizeof *t);
	if (value_range(qn, &t->lo, &t->hi))
		t->nvals = t->hi - t->lo + 1;
	t->ncols = CSV_FIXED + (size_t)t->nvals + 2;
	t->cells = calloc(t->ncols, sizeof *t->cells);
	return t->cells ? 0 : lk_fail(err, LK_ENOMEM, "%s", _("Out of memory."));
}

static int csv_rows(lk_csv_writer *w, const lk_results *res, const lk_questionnaire *qn, lk_err *err)
{
	csv_table t;
	int rc = csv_table_init(&t, qn, err);
	if (rc == 0)
		rc = csv_header(w, &t, err);
	for (int i = 0; rc == 0 && i < res->n_questions && i < qn->n_questions; i++)
		rc = csv_question(w, &t, res, &res->questions[i], &qn->questions[i], err);
	if (t.cells)
		table_clear(&t);
	free(t.cells);
	return rc;
}

int evalreport_write_csv(lk_ctx *ctx, int64_t run_id, lk_csv_writer *w, lk_evalreport_result *out,
	lk_err *err)
{
	report r;
	lk_questionnaire qn = {0};
	if (out)
		memset(out, 0, sizeof *out);
	int rc = report_load(ctx, run_id, &r, err);
	if (rc == 0)
		rc = questionnaire_get(ctx, r.res.questionnaire_id, &qn, err);
	if (rc == 0)
		rc = csv_rows(w, &r.res, &qn, err);
	if (rc == 0)
		result_of(&r, out, 0);
	questionnaire_free(&qn);
	report_free(&r);
	return rc;
}
