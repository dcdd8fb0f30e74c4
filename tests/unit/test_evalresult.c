/* test_evalresult.c — sums of evaluation forms: n, blanks, mean, median,
 * bars, the minimum-answers rule, response rate, versions, comparison. The
 * numbers are worked out by hand in the comments beside each test. */
#include <criterion/criterion.h>
#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lmskurs/evalresult.h"
#include "lmskurs/questionnaire.h"
#include "lmskurs/response.h"
#include "testlib.h"

/* ---- fixtures: raw rows through a second connection (tests only) ---- */

static sqlite3 *fx_open(lk_ctx *ctx)
{
	sqlite3 *h = NULL;
	cr_assert_eq(sqlite3_open_v2(tl_db_path(ctx), &h, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
	sqlite3_busy_timeout(h, 5000);
	cr_assert_eq(sqlite3_exec(h, "PRAGMA foreign_keys = ON", NULL, NULL, NULL), SQLITE_OK);
	return h;
}

/* Runs sql with ?1, ?2 … bound to the integers given; returns the new rowid. */
static int64_t fx_exec(sqlite3 *h, const char *sql, int n, const int64_t *v)
{
	sqlite3_stmt *st;
	cr_assert_eq(sqlite3_prepare_v2(h, sql, -1, &st, NULL), SQLITE_OK, "%s", sqlite3_errmsg(h));
	for (int i = 0; i < n; i++)
		sqlite3_bind_int64(st, i + 1, v[i]);
	cr_assert_eq(sqlite3_step(st), SQLITE_DONE, "%s: %s", sql, sqlite3_errmsg(h));
	sqlite3_finalize(st);
	return sqlite3_last_insert_rowid(h);
}

static int64_t fx_int(sqlite3 *h, const char *sql)
{
	sqlite3_stmt *st;
	cr_assert_eq(sqlite3_prepare_v2(h, sql, -1, &st, NULL), SQLITE_OK, "%s", sqlite3_errmsg(h));
	cr_assert_eq(sqlite3_step(st), SQLITE_ROW, "%s", sql);
	int64_t v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

static int64_t fx_course(sqlite3 *h)
{
	return fx_exec(h, "INSERT INTO course (title, audience, phase, created_at, updated_at) VALUES "
			  "('Leve med KOLS – Åsgård', 'both', 'active', '2025-01-01T00:00:00', "
			  "'2025-01-01T00:00:00')", 0, NULL);
}

/* A run of course in phase evaluation starting on year-month-01. */
static int64_t fx_run(sqlite3 *h, int64_t course, int year, int month)
{
	int64_t v[] = {course, year, month};
	return fx_exec(h, "INSERT INTO run (course_id, phase, first_date, created_at) VALUES "
			  "(?1, 'evaluation', printf('%04d-%02d-01', ?2, ?3), '2025-01-01T00:00:00')", 3, v);
}

/* Session seq of run on day 2027-02-<day> with status (0 planned, 1 held,
 * 2 cancelled) and `present` participants marked present. */
static int64_t fx_session(sqlite3 *h, int64_t run, int seq, int day, int status, int present)
{
	int64_t v[] = {run, seq, day, status};
	int64_t s = fx_exec(h, "INSERT INTO session (run_id, seq, starts_at, ends_at, status) VALUES "
			       "(?1, ?2, printf('2027-02-%02dT10:00', ?3), printf('2027-02-%02dT12:00', ?3), "
			       "CASE ?4 WHEN 0 THEN 'planned' WHEN 1 THEN 'held' ELSE 'cancelled' END)", 4, v);
	for (int i = 0; i < present; i++) {
		int64_t p = fx_exec(h, "INSERT INTO participant (name, created_at) VALUES "
				       "('Åse Ødegård', '2027-01-01T00:00:00')", 0, NULL);
		int64_t ev[] = {run, p};
		int64_t e = fx_exec(h, "INSERT INTO enrollment (run_id, participant_id, category, status, "
				       "requested_at, placed_at) VALUES (?1, ?2, 'patient', 'registered', "
				       "'2027-01-01T00:00:00', '2027-01-01T00:00:00')", 2, ev);
		int64_t av[] = {s, e};
		fx_exec(h, "INSERT INTO attendance (session_id, enrollment_id, status, marked_by, marked_at) "
			   "VALUES (?1, ?2, 'present', 'koord', '2027-02-01T10:00:00')", 2, av);
	}
	return s;
}

/* What reads could change, to show they change nothing. */
static int64_t fx_fingerprint(sqlite3 *h)
{
	return fx_int(h, "SELECT (SELECT count(*) FROM audit) * 1000000 + (SELECT count(*) FROM response) "
			 "* 1000 + (SELECT count(*) FROM answer)");
}

/* ---- a small form: scale 1..5, choice of 3, yes/no, text ---- */

typedef struct form {
	int64_t id, scale, choice, yesno, text;
} form;

static form make_form(lk_ctx *ctx)
{
	lk_err err;
	form f;
	lk_questionnaire q = {.name = "Skjema for Åsgårdstrand"};
	cr_assert_eq(questionnaire_create(ctx, &q, &err), 0, "%s", err.msg);
	f.id = q.id;
	char *opts[] = {"Pasient", "Pårørende", "Annet"};
	lk_question qs[] = {
		{.section = LK_SECTION_BACKGROUND, .kind = LK_QUESTION_CHOICE, .text = "Jeg er", .n_options = 3, .options = opts},
		{.section = LK_SECTION_RATING, .kind = LK_QUESTION_SCALE, .text = "Hvor nyttig var kurset?",
			.scale_min = 1, .scale_max = 5, .label_min = "Lite nyttig", .label_max = "Svært nyttig"},
		{.section = LK_SECTION_RATING, .kind = LK_QUESTION_YESNO, .text = "Vil du anbefale kurset?"},
		{.section = LK_SECTION_OPEN, .kind = LK_QUESTION_TEXT, .text = "Hva var bra?"},
	};
	int64_t *ids[] = {&f.choice, &f.scale, &f.yesno, &f.text};
	for (int i = 0; i < 4; i++) {
		cr_assert_eq(question_add(ctx, q.id, &qs[i], &err), 0, "%s", err.msg);
		*ids[i] = qs[i].id;
	}
	cr_assert_eq(questionnaire_set_default(ctx, q.id, &err), 0, "%s", err.msg);
	return f;
}

/* One form: scale -1, choice 0, yesno -1 and text NULL are left blank. */
static void add_form(lk_ctx *ctx, int64_t run, const form *f, int scale, int choice, int yesno,
	const char *text)
{
	lk_answer a[4];
	int n = 0;
	if (scale >= 0)
		a[n++] = (lk_answer){.question_id = f->scale, .value = scale};
	if (choice > 0)
		a[n++] = (lk_answer){.question_id = f->choice, .value = choice};
	if (yesno >= 0)
		a[n++] = (lk_answer){.question_id = f->yesno, .value = yesno};
	if (text)
		a[n++] = (lk_answer){.question_id = f->text, .text = (char *)text};
	lk_err err;
	int64_t id;
	cr_assert_eq(response_add(ctx, run, 0, a, n, LK_SOURCE_PAPER, &id, &err), 0, "%s", err.msg);
}

/* Forms with only a scale answer, one per value. */
static void add_scales(lk_ctx *ctx, int64_t run, const form *f, const int *values, int n)
{
	for (int i = 0; i < n; i++)
		add_form(ctx, run, f, values[i], 0, -1, NULL);
}

static const lk_question_result *question_of(const lk_results *r, int64_t id)
{
	for (int i = 0; i < r->n_questions; i++)
		if (r->questions[i].question_id == id)
			return &r->questions[i];
	cr_assert_fail("question %lld missing from the results", (long long)id);
	return NULL;
}

static void get_run(lk_ctx *ctx, int64_t run, lk_results *r)
{
	lk_err err;
	lk_result_query q = {.scope = LK_RESULT_RUN, .id = run};
	cr_assert_eq(evalresult_get(ctx, &q, r, &err), 0, "%s", err.msg);
}

#define ASSERT_NEAR(a, b) cr_assert(fabs((a) - (b)) < 1e-9, "%s = %.12g, expected %.12g", #a, (double)(a), (double)(b))

/* The six forms of the sums test (scale, choice, yes/no, text). */
static void six_forms(lk_ctx *ctx, int64_t run, const form *f)
{
	add_form(ctx, run, f, 5, 1, 1, "Trygt å dele erfaringer");
	add_form(ctx, run, f, 4, 1, 1, NULL);
	add_form(ctx, run, f, -1, 2, 0, "Godt møte – 좋아요, شكرا");
	add_form(ctx, run, f, 2, 0, 1, "   ");
	add_form(ctx, run, f, 4, 1, -1, "Mer tid til spørsmål");
	add_form(ctx, run, f, 3, 3, 1, NULL);
}

/* ---- sums ---- */

Test(evalresult, sums_means_and_blanks_by_hand)
{
	lk_ctx *ctx = tl_ctx();
	sqlite3 *h = fx_open(ctx);
	form f = make_form(ctx);
	int64_t run = fx_run(h, fx_course(h), 2027, 1);
	six_forms(ctx, run, &f);
	lk_results r;
	get_run(ctx, run, &r);
	cr_assert_eq(r.n_responses, 6);
	cr_assert_eq(r.n_runs, 1);
	cr_assert_eq(r.questionnaire_id, f.id);
	cr_assert_str_eq(r.questionnaire_name, "Skjema for Åsgårdstrand");
	cr_assert_not(r.counts_only);
	cr_assert_str_eq(r.counts_only_reason, "");
	cr_assert_eq(r.n_questions, 4);
	cr_assert_eq(r.questions[0].question_id, f.choice, "in form order");

	/* Scale 5, 4, (blank), 2, 4, 3: n 5, blank 1, sum 18, mean 3.6;
	 * sorted 2 3 4 4 5: median 4 (odd n: the middle one). */
	const lk_question_result *s = question_of(&r, f.scale);
	cr_assert_eq(s->n, 5);
	cr_assert_eq(s->blank, 1);
	cr_assert(s->has_stats);
	ASSERT_NEAR(s->mean, 3.6);
	ASSERT_NEAR(s->median, 4.0);
	cr_assert_eq(s->n_bars, 5);
	int64_t want[] = {0, 1, 1, 2, 1}; /* values 1..5 */
	for (int i = 0; i < 5; i++) {
		cr_assert_eq(s->bars[i].value, i + 1);
		cr_assert_eq(s->bars[i].count, want[i], "value %d", i + 1);
	}
	cr_assert_str_eq(s->bars[3].label, "4");
	cr_assert_str_eq(s->label_max, "Svært nyttig");

	/* Choice Pasient, Pasient, Pårørende, (blank), Pasient, Annet. */
	const lk_question_result *c = question_of(&r, f.choice);
	cr_assert_eq(c->n, 5);
	cr_assert_eq(c->blank, 1);
	cr_assert_not(c->has_stats, "no mean of option numbers");
	cr_assert_eq(c->n_bars, 3);
	cr_assert_str_eq(c->bars[1].label, "Pårørende");
	cr_assert_eq(c->bars[0].count, 3);
	cr_assert_eq(c->bars[1].count, 1);
	cr_assert_eq(c->bars[2].count, 1);

	/* Yes/no: yes yes no yes (blank) yes — yes first, then no. */
	const lk_question_result *y = question_of(&r, f.yesno);
	cr_assert_eq(y->n, 5);
	cr_assert_eq(y->blank, 1);
	cr_assert_eq(y->n_bars, 2);
	cr_assert_eq(y->bars[0].value, 1);
	cr_assert_eq(y->bars[0].count, 4);
	cr_assert_eq(y->bars[1].value, 0);
	cr_assert_eq(y->bars[1].count, 1);

	/* Text: three written, one only spaces (blank), two left out. */
	const lk_question_result *t = question_of(&r, f.text);
	cr_assert_eq(t->n, 3);
	cr_assert_eq(t->blank, 3);
	cr_assert_eq(t->n_bars, 0);
	cr_assert_null(t->bars);
	evalresult_free(&r);
	cr_assert_null(r.questions, "free zeroes");
	sqlite3_close(h);
	ctx_close(ctx);
}

Test(evalresult, median_of_an_even_number_is_the_mean_of_the_middle_two)
{
	lk_ctx *ctx = tl_ctx();
	sqlite3 *h = fx_open(ctx);
	form f = make_form(ctx);
	int64_t run = fx_run(h, fx_course(h), 2027, 1);
	/* 5 4 2 4 3 1: sorted 1 2 3 4 4 5, median (3 + 4) / 2 = 3.5; sum 19. */
	int v[] = {5, 4, 2, 4, 3, 1};
	add_scales(ctx, run, &f, v, 6);
	lk_results r;
	get_run(ctx, run, &r);
	const lk_question_result *s = question_of(&r, f.scale);
	cr_assert_eq(s->n, 6);
	cr_assert_eq(s->blank, 0);
	ASSERT_NEAR(s->median, 3.5);
	ASSERT_NEAR(s->mean, 19.0 / 6.0);
	evalresult_free(&r);

	/* One more 5: 1 2 3 4 4 5 5, median the 4th = 4; mean 24 / 7. */
	add_form(ctx, run, &f, 5, 0, -1, NULL);
	get_run(ctx, run, &r);
	s = question_of(&r, f.scale);
	ASSERT_NEAR(s->median, 4.0);
	ASSERT_NEAR(s->mean, 24.0 / 7.0);
	/* The other questions were left blank on all seven forms. */
	cr_assert_eq(question_of(&r, f.choice)->blank, 7);
	cr_assert_eq(question_of(&r, f.choice)->n, 0);
	evalresult_free(&r);
	sqlite3_close(h);
	ctx_close(ctx);
}

Test(evalresult, median_when_the_middle_two_are_far_apart)
{
	lk_ctx *ctx = tl_ctx();
	sqlite3 *h = fx_open(ctx);
	form f = make_form(ctx);
	int64_t run = fx_run(h, fx_course(h), 2027, 1);
	/* 1 1 1 5 5 5: median (1 + 5) / 2 = 3, mean 3. */
	int v[] = {1, 5, 1, 5, 1, 5};
	add_scales(ctx, run, &f, v, 6);
	lk_results r;
	get_run(ctx, run, &r);
	const lk_question_result *s = question_of(&r, f.scale);
	ASSERT_NEAR(s->median, 3.0);
	ASSERT_NEAR(s->mean, 3.0);
	cr_assert_eq(s->bars[0].count, 3);
	cr_assert_eq(s->bars[4].count, 3);
	evalresult_free(&r);
	sqlite3_close(h);
	ctx_close(ctx);
}

/* ---- free texts ---- */

typedef struct texts {
	char *t[8];
	int n;
} texts;

static int collect(void *arg, const char *text)
{
	texts *x = arg;
	cr_assert_lt(x->n, 8);
	x->t[x->n++] = strdup(text);
	return 0;
}

static void texts_free(texts *x)
{
	for (int i = 0; i < x->n; i++)
		free(x->t[i]);
	x->n = 0;
}

Test(evalresult, free_texts_are_streamed_a_page_at_a_time)
{
	lk_ctx *ctx = tl_ctx();
	sqlite3 *h = fx_open(ctx);
	form f = make_form(ctx);
	int64_t run = fx_run(h, fx_course(h), 2027, 1);
	six_forms(ctx, run, &f);
	lk_err err;
	texts x = {0};
	lk_result_query q = {.scope = LK_RESULT_RUN, .id = run};
	cr_assert_eq(evalresult_texts(ctx, &q, f.text, (lk_page){0, 0}, collect, &x, &err), 0, "%s", err.msg);
	cr_assert_eq(x.n, 3, "the blank one is not listed");
	cr_assert_str_eq(x.t[0], "Trygt å dele erfaringer");
	cr_assert_str_eq(x.t[1], "Godt møte – 좋아요, شكرا");
	texts_free(&x);
	cr_assert_eq(evalresult_texts(ctx, &q, f.text, (lk_page){1, 1}, collect, &x, &err), 0, "%s", err.msg);
	cr_assert_eq(x.n, 1);
	cr_assert_str_eq(x.t[0], "Godt møte – 좋아요, شكرا");
	texts_free(&x);

	/* A question of another questionnaire: refused. */
	cr_assert_eq(evalresult_texts(ctx, &q, 99999, (lk_page){0, 0}, collect, &x, &err), -1);
	cr_assert_eq(err.code, LK_EINVAL);
	cr_assert_eq(x.n, 0);
	sqlite3_close(h);
	ctx_close(ctx);
}

/* ---- the minimum-answers rule ---- */

Test(evalresult, below_min_answers_only_counts_with_the_reason)
{
	lk_ctx *ctx = tl_ctx();
	sqlite3 *h = fx_open(ctx);
	form f = make_form(ctx);
	int64_t run = fx_run(h, fx_course(h), 2027, 1);
	add_form(ctx, run, &f, 5, 1, 1, "Fint");
	add_form(ctx, run, &f, 4, 2, 1, "Godt");
	add_form(ctx, run, &f, -1, 1, 0, NULL);
	add_form(ctx, run, &f, 2, 1, 1, NULL);
	int64_t before = fx_fingerprint(h);
	lk_results r;
	get_run(ctx, run, &r);
	cr_assert_eq(ctx->settings.min_answers, 5, "the default");
	cr_assert_eq(r.n_responses, 4);
	cr_assert(r.counts_only);
	cr_assert_eq(r.min_answers, 5);
	cr_assert_str_eq(r.counts_only_reason,
		"Fewer than 5 answers: only the number of forms is shown, so that no one can be recognised.");
	for (int i = 0; i < r.n_questions; i++) {
		cr_assert_not(r.questions[i].has_stats);
		cr_assert_eq(r.questions[i].n_bars, 0);
		cr_assert_null(r.questions[i].bars);
	}
	const lk_question_result *s = question_of(&r, f.scale);
	cr_assert_eq(s->n, 3, "how many answered is still given");
	cr_assert_eq(s->blank, 1);
	cr_assert_eq(s->mean, 0);
	evalresult_free(&r);

	lk_err err;
	texts x = {0};
	lk_result_query q = {.scope = LK_RESULT_RUN, .id = run};
	cr_assert_eq(evalresult_texts(ctx, &q, f.text, (lk_page){0, 0}, collect, &x, &err), -1);
	cr_assert_eq(err.code, LK_ERULE);
	cr_assert(strstr(err.msg, "Fewer than 5 answers"), "%s", err.msg);
	cr_assert_eq(x.n, 0, "no text leaks out");
	cr_assert_eq(fx_fingerprint(h), before, "reading writes nothing");

	/* The fifth form: everything is shown. */
	add_form(ctx, run, &f, 3, 3, 1, NULL);
	get_run(ctx, run, &r);
	cr_assert_not(r.counts_only);
	cr_assert_str_eq(r.counts_only_reason, "");
	s = question_of(&r, f.scale);
	cr_assert(s->has_stats);
	ASSERT_NEAR(s->mean, 14.0 / 4.0);
	cr_assert_eq(s->n_bars, 5);
	evalresult_free(&r);
	cr_assert_eq(evalresult_texts(ctx, &q, f.text, (lk_page){0, 0}, collect, &x, &err), 0, "%s", err.msg);
	cr_assert_eq(x.n, 2);
	texts_free(&x);
	sqlite3_close(h);
	ctx_close(ctx);
}

Test(evalresult, the_minimum_comes_from_the_settings)
{
	lk_ctx *ctx = tl_ctx();
	sqlite3 *h = fx_open(ctx);
	form f = make_form(ctx);
	int64_t run = fx_run(h, fx_course(h), 2027, 1);
	int v[] = {3, 4, 5};
	add_scales(ctx, run, &f, v, 3);
	lk_results r;
	ctx->settings.min_answers = 3;
	get_run(ctx, run, &r);
	cr_assert_not(r.counts_only, "3 forms, minimum 3");
	ASSERT_NEAR(question_of(&r, f.scale)->mean, 4.0);
	evalresult_free(&r);
	ctx->settings.min_answers = 4;
	get_run(ctx, run, &r);
	cr_assert(r.counts_only);
	cr_assert(strstr(r.counts_only_reason, "Fewer than 4 answers"), "%s", r.counts_only_reason);
	evalresult_free(&r);
	sqlite3_close(h);
	ctx_close(ctx);
}

Test(evalresult, a_run_without_forms_gives_zero_counts)
{
	lk_ctx *ctx = tl_ctx();
	sqlite3 *h = fx_open(ctx);
	form f = make_form(ctx);
	int64_t run = fx_run(h, fx_course(h), 2027, 1);
	lk_results r;
	get_run(ctx, run, &r);
	cr_assert_eq(r.questionnaire_id, f.id, "the run's form: the default");
	cr_assert_eq(r.n_responses, 0);
	cr_assert_eq(r.n_runs, 0);
	cr_assert(r.counts_only);
	cr_assert_eq(r.n_questions, 4);
	cr_assert_eq(question_of(&r, f.scale)->n, 0);
	cr_assert_eq(question_of(&r, f.scale)->blank, 0);
	evalresult_free(&r);
	sqlite3_close(h);
	ctx_close(ctx);
}

/* ---- response rate ---- */

Test(evalresult, response_rate_against_the_last_held_session)
{
	lk_ctx *ctx = tl_ctx();
	sqlite3 *h = fx_open(ctx);
	form f = make_form(ctx);
	int64_t run = fx_run(h, fx_course(h), 2027, 2);
	lk_results r;
	get_run(ctx, run, &r);
	cr_assert_not(r.has_rate, "no session held yet");
	cr_assert(strstr(r.rate_text, "No response rate"), "%s", r.rate_text);
	evalresult_free(&r);

	fx_session(h, run, 1, 1, 1, 8);  /* held, 8 came */
	fx_session(h, run, 2, 8, 1, 7);  /* held, 7 came: the last held */
	fx_session(h, run, 3, 15, 2, 0); /* cancelled later */
	fx_session(h, run, 4, 22, 0, 0); /* planned */
	six_forms(ctx, run, &f);
	get_run(ctx, run, &r);
	cr_assert(r.has_rate);
	cr_assert_eq(r.rate_responses, 6);
	cr_assert_eq(r.rate_denominator, 7);
	/* 6 / 7 = 85.7 %: rounded 86 */
	cr_assert_str_eq(r.rate_text, "6 of 7 who came to the last session (86 %)");
	evalresult_free(&r);
	sqlite3_close(h);
	ctx_close(ctx);
}

/* ---- per course, per version ---- */

Test(evalresult, per_course_and_per_version)
{
	lk_ctx *ctx = tl_ctx();
	sqlite3 *h = fx_open(ctx);
	lk_err err;
	form f = make_form(ctx);
	int64_t course = fx_course(h), other = fx_course(h);
	int64_t a = fx_run(h, course, 2026, 3), b = fx_run(h, course, 2027, 1), c = fx_run(h, other, 2027, 1);
	fx_session(h, a, 1, 1, 1, 7);
	fx_session(h, b, 1, 2, 1, 6);
	int va[] = {4, 4, 4, 4, 4, 4};
	add_scales(ctx, a, &f, va, 6);
	int vc[] = {1, 1, 1, 1, 1};
	add_scales(ctx, c, &f, vc, 5);

	/* The form gets answers, so editing it makes version 2; the scale
	 * question's words change a little. Run b's forms go on version 2. */
	int64_t v2 = 0;
	cr_assert_eq(questionnaire_edit_begin(ctx, f.id, &v2, &err), 0, "%s", err.msg);
	cr_assert_neq(v2, f.id);
	lk_questionnaire q2;
	cr_assert_eq(questionnaire_get(ctx, v2, &q2, &err), 0, "%s", err.msg);
	cr_assert_eq(q2.version_no, 2);
	int64_t scale2 = q2.questions[1].id;
	questionnaire_free(&q2);
	tl_set_now(ctx, "2027-02-10T10:00");
	lk_answer ans = {.question_id = scale2, .value = 2};
	int64_t id;
	for (int i = 0; i < 5; i++)
		cr_assert_eq(response_add(ctx, b, 0, &ans, 1, LK_SOURCE_PAPER, &id, &err), 0, "%s", err.msg);

	/* Per version across runs: v1 has a's 6 and c's 5, v2 b's 5. */
	lk_results r;
	lk_result_query q = {.scope = LK_RESULT_QUESTIONNAIRE, .questionnaire_id = f.id};
	cr_assert_eq(evalresult_get(ctx, &q, &r, &err), 0, "%s", err.msg);
	cr_assert_eq(r.n_responses, 11);
	cr_assert_eq(r.n_runs, 2);
	cr_assert_eq(r.version_no, 1);
	ASSERT_NEAR(question_of(&r, f.scale)->mean, 29.0 / 11.0);
	cr_assert_not(r.has_rate);
	evalresult_free(&r);
	q.questionnaire_id = v2;
	cr_assert_eq(evalresult_get(ctx, &q, &r, &err), 0, "%s", err.msg);
	cr_assert_eq(r.n_responses, 5);
	cr_assert_eq(r.family_id, f.id);
	ASSERT_NEAR(question_of(&r, scale2)->mean, 2.0);
	evalresult_free(&r);

	/* The course: its newest form's version (v2) unless one is chosen. */
	q = (lk_result_query){.scope = LK_RESULT_COURSE, .id = course};
	cr_assert_eq(evalresult_get(ctx, &q, &r, &err), 0, "%s", err.msg);
	cr_assert_eq(r.questionnaire_id, v2);
	cr_assert_eq(r.n_responses, 5);
	cr_assert_eq(r.n_runs, 1);
	/* Rate over the runs with forms on v2 (only b): 5 of 6. */
	cr_assert_str_eq(r.rate_text, "5 of 6 who came to the last session of their run (83 %)");
	evalresult_free(&r);
	q.questionnaire_id = f.id;
	cr_assert_eq(evalresult_get(ctx, &q, &r, &err), 0, "%s", err.msg);
	cr_assert_eq(r.n_responses, 6, "only this course's run a, not c of the other course");
	ASSERT_NEAR(question_of(&r, f.scale)->mean, 4.0);
	cr_assert_eq(r.rate_denominator, 7);
	evalresult_free(&r);

	/* The run b: its version is v2. */
	get_run(ctx, b, &r);
	cr_assert_eq(r.questionnaire_id, v2);
	evalresult_free(&r);
	sqlite3_close(h);
	ctx_close(ctx);
}

typedef struct vlist {
	int n;
	int64_t ids[4], counts[4];
	int nos[4];
} vlist;

static int collect_version(void *arg, const lk_result_version *v)
{
	vlist *l = arg;
	cr_assert_lt(l->n, 4);
	l->ids[l->n] = v->questionnaire_id;
	l->counts[l->n] = v->n_responses;
	l->nos[l->n++] = v->version_no;
	cr_assert_str_eq(v->name, "Skjema for Åsgårdstrand");
	return 0;
}

Test(evalresult, versions_with_forms_newest_first)
{
	lk_ctx *ctx = tl_ctx();
	sqlite3 *h = fx_open(ctx);
	lk_err err;
	form f = make_form(ctx);
	int64_t course = fx_course(h);
	int64_t a = fx_run(h, course, 2026, 3), b = fx_run(h, course, 2027, 1);
	int va[] = {4, 4, 3};
	add_scales(ctx, a, &f, va, 3);
	int64_t v2 = 0;
	cr_assert_eq(questionnaire_edit_begin(ctx, f.id, &v2, &err), 0, "%s", err.msg);
	lk_questionnaire q2;
	cr_assert_eq(questionnaire_get(ctx, v2, &q2, &err), 0, "%s", err.msg);
	form f2 = f;
	f2.scale = q2.questions[1].id;
	questionnaire_free(&q2);
	tl_set_now(ctx, "2027-02-10T10:00");
	add_scales(ctx, b, &f2, va, 2);

	vlist l = {0};
	lk_result_query q = {.scope = LK_RESULT_COURSE, .id = course};
	cr_assert_eq(evalresult_versions(ctx, &q, collect_version, &l, &err), 0, "%s", err.msg);
	cr_assert_eq(l.n, 2);
	cr_assert_eq(l.ids[0], v2);
	cr_assert_eq(l.nos[0], 2);
	cr_assert_eq(l.counts[0], 2);
	cr_assert_eq(l.ids[1], f.id);
	cr_assert_eq(l.counts[1], 3);
	l.n = 0;
	q = (lk_result_query){.scope = LK_RESULT_RUN, .id = a};
	cr_assert_eq(evalresult_versions(ctx, &q, collect_version, &l, &err), 0, "%s", err.msg);
	cr_assert_eq(l.n, 1);
	cr_assert_eq(l.ids[0], f.id);
	sqlite3_close(h);
	ctx_close(ctx);
}

/* ---- comparison ---- */

Test(evalresult, the_latest_run_against_the_earlier_ones)
{
	lk_ctx *ctx = tl_ctx();
	sqlite3 *h = fx_open(ctx);
	lk_err err;
	form f = make_form(ctx);
	int64_t course = fx_course(h);
	/* Created out of date order on purpose: r3 is the latest by date. */
	int64_t r3 = fx_run(h, course, 2027, 1), r1 = fx_run(h, course, 2025, 9), r2 = fx_run(h, course, 2026, 3);
	int v1[] = {3, 3, 3, 3, 3};
	add_scales(ctx, r1, &f, v1, 5);

	/* Version 2: the scale question written in other case and
	 * punctuation (the same question), and a new scale question. */
	int64_t v2 = 0;
	cr_assert_eq(questionnaire_edit_begin(ctx, f.id, &v2, &err), 0, "%s", err.msg);
	lk_questionnaire q2;
	cr_assert_eq(questionnaire_get(ctx, v2, &q2, &err), 0, "%s", err.msg);
	lk_question sq = q2.questions[1];
	sq.text = "HVOR NYTTIG VAR KURSET (1-5)";
	cr_assert_eq(question_update(ctx, &sq, &err), 0, "%s", err.msg);
	int64_t scale2 = sq.id;
	questionnaire_free(&q2);
	lk_question fresh = {.section = LK_SECTION_RATING, .kind = LK_QUESTION_SCALE,
		.text = "Hvor godt var samarbeidet?", .scale_min = 1, .scale_max = 5};
	cr_assert_eq(question_add(ctx, v2, &fresh, &err), 0, "%s", err.msg);

	int64_t id;
	int v2vals[] = {5, 5, 5, 4, 4};
	for (int i = 0; i < 5; i++) {
		lk_answer a[] = {{.question_id = scale2, .value = v2vals[i]}, {.question_id = fresh.id, .value = 4}};
		cr_assert_eq(response_add(ctx, r2, 0, a, 2, LK_SOURCE_PAPER, &id, &err), 0, "%s", err.msg);
	}
	int v3vals[] = {4, 4, 5, 5, 5, 5};
	for (int i = 0; i < 6; i++) {
		lk_answer a[] = {{.question_id = scale2, .value = v3vals[i]}, {.question_id = fresh.id, .value = 2}};
		cr_assert_eq(response_add(ctx, r3, 0, a, 2, LK_SOURCE_PAPER, &id, &err), 0, "%s", err.msg);
	}

	int64_t latest = 0;
	cr_assert_eq(evalresult_latest_run(ctx, course, &latest, &err), 0, "%s", err.msg);
	cr_assert_eq(latest, r3);

	/* r3: 4 4 5 5 5 5 → 28 / 6. Earlier: r1 3×5 = 15 and r2 23, over 10
	 * answers → 3.8. The new question only in r2: 4 × 5. */
	lk_comparison c;
	cr_assert_eq(evalresult_compare(ctx, r3, &c, &err), 0, "%s", err.msg);
	cr_assert_eq(c.course_id, course);
	cr_assert_eq(c.questionnaire_id, v2);
	cr_assert_eq(c.family_id, f.id);
	cr_assert_eq(c.n_responses, 6);
	cr_assert_eq(c.earlier_runs, 2);
	cr_assert_eq(c.earlier_responses, 10);
	cr_assert_not(c.counts_only);
	cr_assert_not(c.earlier_counts_only);
	cr_assert_eq(c.n_rows, 2, "only the scale questions");
	cr_assert_eq(c.rows[0].question_id, scale2);
	cr_assert_str_eq(c.rows[0].text, "HVOR NYTTIG VAR KURSET (1-5)");
	cr_assert_eq(c.rows[0].n, 6);
	cr_assert(c.rows[0].has_mean);
	ASSERT_NEAR(c.rows[0].mean, 28.0 / 6.0);
	cr_assert_eq(c.rows[0].earlier_n, 10);
	cr_assert(c.rows[0].has_earlier);
	ASSERT_NEAR(c.rows[0].earlier_mean, 3.8);
	cr_assert_eq(c.rows[1].question_id, fresh.id);
	ASSERT_NEAR(c.rows[1].mean, 2.0);
	cr_assert_eq(c.rows[1].earlier_n, 5);
	cr_assert(c.rows[1].has_earlier);
	ASSERT_NEAR(c.rows[1].earlier_mean, 4.0);
	evalresult_comparison_free(&c);

	/* r2 against r1 only: 3.0 over 5; the new question has nothing earlier. */
	cr_assert_eq(evalresult_compare(ctx, r2, &c, &err), 0, "%s", err.msg);
	cr_assert_eq(c.earlier_runs, 1);
	cr_assert_eq(c.rows[0].earlier_n, 5);
	ASSERT_NEAR(c.rows[0].earlier_mean, 3.0);
	cr_assert_eq(c.rows[1].earlier_n, 0);
	cr_assert_not(c.rows[1].has_earlier);
	evalresult_comparison_free(&c);

	/* r1 has nothing before it. */
	cr_assert_eq(evalresult_compare(ctx, r1, &c, &err), 0, "%s", err.msg);
	cr_assert_eq(c.questionnaire_id, f.id);
	cr_assert_eq(c.earlier_runs, 0);
	cr_assert_eq(c.n_rows, 1);
	cr_assert_not(c.rows[0].has_earlier);
	evalresult_comparison_free(&c);
	sqlite3_close(h);
	ctx_close(ctx);
}

Test(evalresult, comparison_keeps_the_minimum_rule_on_both_sides)
{
	lk_ctx *ctx = tl_ctx();
	sqlite3 *h = fx_open(ctx);
	lk_err err;
	form f = make_form(ctx);
	int64_t course = fx_course(h);
	int64_t first = fx_run(h, course, 2026, 1), second = fx_run(h, course, 2027, 1);
	int few[] = {1, 2};
	add_scales(ctx, first, &f, few, 2);
	int many[] = {4, 4, 4, 5, 5};
	add_scales(ctx, second, &f, many, 5);
	lk_comparison c;
	cr_assert_eq(evalresult_compare(ctx, second, &c, &err), 0, "%s", err.msg);
	cr_assert_not(c.counts_only);
	cr_assert(c.earlier_counts_only, "2 earlier forms, minimum 5");
	cr_assert(strstr(c.counts_only_reason, "earlier runs have fewer than 5 answers"), "%s", c.counts_only_reason);
	cr_assert(c.rows[0].has_mean);
	ASSERT_NEAR(c.rows[0].mean, 4.4);
	cr_assert_eq(c.rows[0].earlier_n, 2, "the count is still given");
	cr_assert_not(c.rows[0].has_earlier);
	cr_assert_eq(c.rows[0].earlier_mean, 0);
	evalresult_comparison_free(&c);

	/* The first run itself is below the minimum: no mean of its own. */
	cr_assert_eq(evalresult_compare(ctx, first, &c, &err), 0, "%s", err.msg);
	cr_assert(c.counts_only);
	cr_assert_not(c.rows[0].has_mean);
	cr_assert(strstr(c.counts_only_reason, "Fewer than 5 answers"), "%s", c.counts_only_reason);
	evalresult_comparison_free(&c);
	sqlite3_close(h);
	ctx_close(ctx);
}

/* ---- refusals ---- */

Test(evalresult, staff_may_not_see_results_user_reps_may)
{
	lk_ctx *ctx = tl_ctx();
	sqlite3 *h = fx_open(ctx);
	form f = make_form(ctx);
	int64_t course = fx_course(h), run = fx_run(h, course, 2027, 1);
	six_forms(ctx, run, &f);
	lk_ctx *staff = tl_ctx_as(ctx, "vert", LK_ROLE_STAFF);
	lk_ctx *rep = tl_ctx_as(ctx, "brukerrep", LK_ROLE_USER_REP);
	int64_t before = fx_fingerprint(h);
	lk_err err;
	lk_results r;
	lk_result_query q = {.scope = LK_RESULT_RUN, .id = run};
	cr_assert_eq(evalresult_get(staff, &q, &r, &err), -1);
	cr_assert_eq(err.code, LK_EPERM);
	cr_assert_null(r.questions);
	texts x = {0};
	cr_assert_eq(evalresult_texts(staff, &q, f.text, (lk_page){0, 0}, collect, &x, &err), -1);
	cr_assert_eq(err.code, LK_EPERM);
	cr_assert_eq(x.n, 0);
	vlist l = {0};
	cr_assert_eq(evalresult_versions(staff, &q, collect_version, &l, &err), -1);
	cr_assert_eq(err.code, LK_EPERM);
	lk_comparison c;
	cr_assert_eq(evalresult_compare(staff, run, &c, &err), -1);
	cr_assert_eq(err.code, LK_EPERM);
	evalresult_comparison_free(&c);
	int64_t latest = 7;
	cr_assert_eq(evalresult_latest_run(staff, course, &latest, &err), -1);
	cr_assert_eq(err.code, LK_EPERM);
	cr_assert_eq(latest, 0);

	cr_assert_eq(evalresult_get(rep, &q, &r, &err), 0, "%s", err.msg);
	ASSERT_NEAR(question_of(&r, f.scale)->mean, 3.6);
	evalresult_free(&r);
	cr_assert_eq(fx_fingerprint(h), before);
	ctx_close(staff);
	ctx_close(rep);
	sqlite3_close(h);
	ctx_close(ctx);
}

Test(evalresult, unknown_scopes_are_refused)
{
	lk_ctx *ctx = tl_ctx();
	sqlite3 *h = fx_open(ctx);
	lk_err err;
	lk_results r;
	lk_result_query q = {.scope = LK_RESULT_RUN, .id = 4242};
	cr_assert_eq(evalresult_get(ctx, &q, &r, &err), -1);
	cr_assert_eq(err.code, LK_ENOTFOUND);
	cr_assert_str_eq(err.msg, "There is no run with number 4242.");
	q = (lk_result_query){.scope = LK_RESULT_COURSE, .id = 4242};
	cr_assert_eq(evalresult_get(ctx, &q, &r, &err), -1);
	cr_assert_eq(err.code, LK_ENOTFOUND);
	q = (lk_result_query){.scope = LK_RESULT_QUESTIONNAIRE};
	cr_assert_eq(evalresult_get(ctx, &q, &r, &err), -1);
	cr_assert_eq(err.code, LK_EINVAL);
	q.questionnaire_id = 4242;
	cr_assert_eq(evalresult_get(ctx, &q, &r, &err), -1);
	cr_assert_eq(err.code, LK_ENOTFOUND);
	q = (lk_result_query){.scope = (lk_result_scope)17, .id = 1};
	cr_assert_eq(evalresult_get(ctx, &q, &r, &err), -1);
	cr_assert_eq(err.code, LK_EINVAL);
	cr_assert_eq(evalresult_get(ctx, NULL, &r, &err), -1);
	cr_assert_eq(err.code, LK_EINVAL);
	lk_comparison c;
	cr_assert_eq(evalresult_compare(ctx, 4242, &c, &err), -1);
	cr_assert_eq(err.code, LK_ENOTFOUND);
	int64_t latest;
	cr_assert_eq(evalresult_latest_run(ctx, 4242, &latest, &err), -1);
	cr_assert_eq(err.code, LK_ENOTFOUND);
	/* A course without runs has no latest run. */
	int64_t course = fx_course(h);
	cr_assert_eq(evalresult_latest_run(ctx, course, &latest, &err), 0, "%s", err.msg);
	cr_assert_eq(latest, 0);
	sqlite3_close(h);
	ctx_close(ctx);
}

/* ---- question keys ---- */

Test(evalresult, question_texts_match_without_case_punctuation_or_range)
{
	cr_assert(evalresult_same_question("Hvor relevant var kurset for deg? (0-10)", "Hvor relevant var kurset for deg?"));
	cr_assert(evalresult_same_question("ROM FOR Å DELE ERFARINGER", "Rom for å dele erfaringer"));
	cr_assert(evalresult_same_question("Totalt sett (1–5)", "totalt  sett"));
	cr_assert(evalresult_same_question("«Hva bør endres?»", "Hva bør endres"));
	cr_assert(evalresult_same_question("Samarbeidet\xC2\xA0mellom fagperson – og brukerrepresentant",
		"Samarbeidet mellom fagperson og brukerrepresentant"));
	cr_assert(evalresult_same_question("ЯК ВАМ КУРС?", "як вам курс"));
	cr_assert_not(evalresult_same_question("Alder (år)", "Alder"), "only a number range is left out");
	cr_assert_not(evalresult_same_question("Hva var bra?", "Hva bør endres?"));
	cr_assert_not(evalresult_same_question("Skala (0-10) for nytte", "Skala for nytte"), "only at the end");
	char *k = evalresult_question_key("Hvor nyttig? (0 - 10) ");
	cr_assert_str_eq(k, "Hvornyttig");
	free(k);
	k = evalresult_question_key(NULL);
	cr_assert_str_eq(k, "");
	free(k);
}
