#include <criterion/criterion.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lmskurs/questionnaire.h"
#include "lmskurs/response.h"
#include "lmskurs/user.h"
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

/* Runs sql with parameters given as text (NULL for SQL NULL); returns the new rowid. */
static int64_t fx_exec(sqlite3 *h, const char *sql, int n, const char *const *params)
{
	sqlite3_stmt *st;
	cr_assert_eq(sqlite3_prepare_v2(h, sql, -1, &st, NULL), SQLITE_OK, "%s", sqlite3_errmsg(h));
	for (int i = 0; i < n; i++)
		sqlite3_bind_text(st, i + 1, params[i], -1, SQLITE_TRANSIENT);
	cr_assert_eq(sqlite3_step(st), SQLITE_DONE, "%s: %s", sql, sqlite3_errmsg(h));
	sqlite3_finalize(st);
	return sqlite3_last_insert_rowid(h);
}

static const char *num(char buf[24], int64_t v)
{
	snprintf(buf, 24, "%lld", (long long)v);
	return buf;
}

static int64_t fx_run(sqlite3 *h, const char *phase)
{
	const char *none[1] = {NULL};
	int64_t c = fx_exec(h, "INSERT INTO course (title, audience, phase, created_at, updated_at) VALUES "
			       "('Mestring av angst', 'patients', 'active', '2026-12-01T00:00:00', '2026-12-01T00:00:00')", 0, none);
	char b[24];
	const char *p[] = {num(b, c), phase};
	return fx_exec(h, "INSERT INTO run (course_id, phase, created_at) VALUES (?, ?, '2026-12-01T00:00:00')", 2, p);
}

static void fx_set_phase(sqlite3 *h, int64_t run, const char *phase)
{
	char b[24];
	const char *p[] = {phase, num(b, run)};
	fx_exec(h, "UPDATE run SET phase = ? WHERE id = ?", 2, p);
}

static int64_t fx_session_with(sqlite3 *h, int64_t run, int seq, int64_t person)
{
	char r[24], s[24], pe[24];
	const char *p[] = {num(r, run), num(s, seq)};
	int64_t id = fx_exec(h, "INSERT INTO session (run_id, seq, starts_at, ends_at) "
				"VALUES (?, ?, '2027-02-01T10:00', '2027-02-01T12:00')", 2, p);
	const char *f[] = {num(s, id), num(pe, person)};
	fx_exec(h, "INSERT INTO session_facilitator (session_id, person_id) VALUES (?, ?)", 2, f);
	return id;
}

static int64_t fx_int(sqlite3 *h, const char *sql, int64_t a)
{
	sqlite3_stmt *st;
	cr_assert_eq(sqlite3_prepare_v2(h, sql, -1, &st, NULL), SQLITE_OK, "%s", sqlite3_errmsg(h));
	sqlite3_bind_int64(st, 1, a);
	cr_assert_eq(sqlite3_step(st), SQLITE_ROW, "%s", sql);
	int64_t v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

typedef struct buf {
	char *s;
	size_t n;
} buf;

static int snap_row(void *arg, int n, char **vals, char **cols)
{
	(void)cols;
	buf *b = arg;
	for (int i = 0; i < n; i++) {
		const char *v = vals[i] ? vals[i] : "NULL";
		size_t len = strlen(v);
		b->s = realloc(b->s, b->n + len + 2);
		memcpy(b->s + b->n, v, len);
		b->n += len;
		b->s[b->n++] = i + 1 < n ? '|' : '\n';
		b->s[b->n] = '\0';
	}
	return 0;
}

/* What this module writes, as text, to show a refused operation changed nothing. */
static char *fx_snapshot(sqlite3 *h)
{
	static const char *const qs[] = {
		"SELECT * FROM response ORDER BY id", "SELECT * FROM answer ORDER BY response_id, question_id",
		"SELECT * FROM facilitator_evaluation ORDER BY run_id, person_id", "SELECT count(*) FROM audit",
	};
	buf b = {calloc(1, 1), 0};
	for (size_t i = 0; i < sizeof qs / sizeof qs[0]; i++)
		cr_assert_eq(sqlite3_exec(h, qs[i], snap_row, &b, NULL), SQLITE_OK, "%s", sqlite3_errmsg(h));
	return b.s;
}

#define ASSERT_UNCHANGED(h, before) do { \
		char *after_ = fx_snapshot(h); \
		cr_assert_str_eq(after_, before, "a refused operation changed the database"); \
		free(after_); \
	} while (0)

/* A context for login whose user is linked to person_id, on ctx's clock. */
static lk_ctx *ctx_as_person(lk_ctx *coord, const char *login, lk_role role, int64_t person_id)
{
	lk_err err;
	lk_ctx *c = NULL;
	cr_assert_eq(user_add(coord, login, role, person_id, &err), 0, "%s", err.msg);
	cr_assert_eq(ctx_open(tl_db_path(coord), LK_OPEN_EXISTING, login, NULL, &c, NULL, &err), 0, "%s", err.msg);
	c->clock = coord->clock;
	c->clock_arg = coord->clock_arg;
	return c;
}

/* ---- a small questionnaire: scale 0..10, choice of 3, yes/no, text ---- */

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
		{.section = LK_SECTION_RATING, .kind = LK_QUESTION_SCALE, .text = "Totalt", .scale_min = 0, .scale_max = 10},
		{.section = LK_SECTION_BACKGROUND, .kind = LK_QUESTION_CHOICE, .text = "Jeg er", .n_options = 3, .options = opts},
		{.section = LK_SECTION_RATING, .kind = LK_QUESTION_YESNO, .text = "Anbefale?"},
		{.section = LK_SECTION_OPEN, .kind = LK_QUESTION_TEXT, .text = "Hva var bra?"},
	};
	int64_t *ids[] = {&f.scale, &f.choice, &f.yesno, &f.text};
	for (int i = 0; i < 4; i++) {
		cr_assert_eq(question_add(ctx, q.id, &qs[i], &err), 0, "%s", err.msg);
		*ids[i] = qs[i].id;
	}
	/* The runs of these tests choose none, so they take the default. */
	cr_assert_eq(questionnaire_set_default(ctx, q.id, &err), 0, "%s", err.msg);
	return f;
}

/* ---- entering forms ---- */

Test(response, add_and_get_roundtrip_blank_left_out)
{
	lk_ctx *ctx = tl_ctx();
	sqlite3 *h = fx_open(ctx);
	lk_err err;
	form f = make_form(ctx);
	int64_t run = fx_run(h, "evaluation");
	lk_answer a[] = {
		{.question_id = f.text, .text = "Trygt å dele erfaringer.\r\nTakk! Дякую – شكرا 👍"},
		{.question_id = f.scale, .value = 10},
		{.question_id = f.choice, .value = 2},
		{.question_id = f.yesno, .value = 0},
	};
	int64_t id = 0;
	cr_assert_eq(response_add(ctx, run, f.id, a, 4, LK_SOURCE_PAPER, &id, &err), 0, "%s", err.msg);
	lk_response r;
	cr_assert_eq(response_get(ctx, id, &r, &err), 0, "%s", err.msg);
	cr_assert_eq(r.run_id, run);
	cr_assert_eq(r.questionnaire_id, f.id);
	cr_assert_eq(r.source, LK_SOURCE_PAPER);
	cr_assert_str_eq(r.entered_by, "koord");
	cr_assert_str_eq(r.entered_at, "2027-01-10T09:00:00");
	cr_assert_eq(r.version, 1);
	cr_assert_eq(r.n_answers, 4);
	cr_assert_eq(r.answers[0].question_id, f.scale, "answers come in question order");
	cr_assert_eq(r.answers[0].value, 10);
	cr_assert_null(r.answers[0].text);
	cr_assert_eq(r.answers[1].value, 2);
	cr_assert_eq(r.answers[2].value, 0);
	cr_assert_str_eq(r.answers[3].text, "Trygt å dele erfaringer.\nTakk! Дякую – شكرا 👍");
	response_free(&r);

	/* Only some questions answered, the text only white space: two rows. */
	lk_answer partial[] = {{.question_id = f.choice, .value = 1}, {.question_id = f.text, .text = " \n\t "}};
	cr_assert_eq(response_add(ctx, run, f.id, partial, 2, LK_SOURCE_IMPORT, &id, &err), 0, "%s", err.msg);
	cr_assert_eq(fx_int(h, "SELECT count(*) FROM answer WHERE response_id = ?", id), 1);
	cr_assert_eq(response_count(ctx, run, &err), 2);
	sqlite3_close(h);
	ctx_close(ctx);
}

Test(response, answers_checked_against_their_questions)
{
	lk_ctx *ctx = tl_ctx();
	sqlite3 *h = fx_open(ctx);
	lk_err err;
	form f = make_form(ctx);
	int64_t run = fx_run(h, "execution");
	int64_t other_q = fx_int(h, "SELECT id FROM question WHERE questionnaire_id = ? AND position = 5", 1);
	char *before = fx_snapshot(h);
	int64_t id = 0;
	struct {
		lk_answer a;
		const char *says;
	} bad[] = {
		{{.question_id = f.scale, .value = 11}, "11 is outside the scale 0 to 10"},
		{{.question_id = f.scale, .value = -1}, "outside the scale"},
		{{.question_id = f.choice, .value = 7}, "from 1 to 3; 7"},
		{{.question_id = f.choice, .value = 0}, "from 1 to 3"},
		{{.question_id = f.yesno, .value = 2}, "1 for yes or 0 for no"},
		{{.question_id = f.text, .text = "Kj\xF8rt bra"}, "UTF-8"},
		{{.question_id = f.text, .text = "Linje\x01"}, "control character"},
		{{.question_id = other_q, .value = 5}, "not on this questionnaire"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		/* A valid answer first, so one bad answer spoils the whole form. */
		int64_t good = bad[i].a.question_id == f.scale ? f.yesno : f.scale;
		lk_answer both[] = {{.question_id = good, .value = 1}, bad[i].a};
		cr_assert_eq(response_add(ctx, run, f.id, both, 2, LK_SOURCE_PAPER, &id, &err), -1, "case %zu", i);
		cr_assert_eq(err.code, LK_EINVAL, "case %zu", i);
		cr_assert(strstr(err.msg, bad[i].says), "case %zu: %s", i, err.msg);
	}
	char *huge = malloc(20002);
	memset(huge, 'x', 20001);
	huge[20001] = 0;
	lk_answer long_text = {.question_id = f.text, .text = huge};
	cr_assert_eq(response_add(ctx, run, f.id, &long_text, 1, LK_SOURCE_PAPER, &id, &err), -1);
	cr_assert(strstr(err.msg, "too long"), "%s", err.msg);
	huge[20000] = 0;
	lk_answer twice[] = {{.question_id = f.scale, .value = 1}, {.question_id = f.scale, .value = 2}};
	cr_assert_eq(response_add(ctx, run, f.id, twice, 2, LK_SOURCE_PAPER, &id, &err), -1);
	cr_assert(strstr(err.msg, "answered twice"), "%s", err.msg);
	cr_assert_eq(response_add(ctx, run, f.id, NULL, 0, LK_SOURCE_PAPER, &id, &err), -1);
	cr_assert(strstr(err.msg, "no answers"), "%s", err.msg);
	cr_assert_eq(response_add(ctx, run, f.id, twice, 1, (lk_response_source)5, &id, &err), -1);
	cr_assert_eq(err.code, LK_EINVAL);
	cr_assert_eq(response_add(ctx, run, 987, twice, 1, LK_SOURCE_PAPER, &id, &err), -1);
	cr_assert_eq(err.code, LK_ENOTFOUND);
	cr_assert_eq(response_add(ctx, 987, f.id, twice, 1, LK_SOURCE_PAPER, &id, &err), -1);
	cr_assert_eq(err.code, LK_ENOTFOUND);
	ASSERT_UNCHANGED(h, before);
	free(before);
	/* The limits themselves are fine: 20 000 characters, scale ends, last option. */
	lk_answer edge[] = {{.question_id = f.text, .text = huge}, {.question_id = f.scale, .value = 0},
		{.question_id = f.choice, .value = 3}, {.question_id = f.yesno, .value = 1}};
	cr_assert_eq(response_add(ctx, run, f.id, edge, 4, LK_SOURCE_PAPER, &id, &err), 0, "%s", err.msg);
	free(huge);
	sqlite3_close(h);
	ctx_close(ctx);
}

Test(response, anonymous_by_construction)
{
	lk_ctx *ctx = tl_ctx();
	sqlite3 *h = fx_open(ctx);
	const char *want[] = {"id", "run_id", "questionnaire_id", "source", "entered_by", "entered_at", "version"};
	sqlite3_stmt *st;
	cr_assert_eq(sqlite3_prepare_v2(h, "SELECT name FROM pragma_table_info('response') ORDER BY cid", -1, &st, NULL), SQLITE_OK);
	int n = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *col = (const char *)sqlite3_column_text(st, 0);
		cr_assert_lt(n, 7, "unexpected column %s", col);
		cr_assert_str_eq(col, want[n]);
		cr_assert_null(strstr(col, "participant"));
		cr_assert_null(strstr(col, "enrollment"));
		n++;
	}
	sqlite3_finalize(st);
	cr_assert_eq(n, 7);
	/* Nor can an answer point at a person. */
	cr_assert_eq(sqlite3_prepare_v2(h, "SELECT count(*) FROM pragma_table_info('answer') "
					   "WHERE name NOT IN ('response_id', 'question_id', 'value_int', 'value_text')", -1, &st, NULL), SQLITE_OK);
	cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
	cr_assert_eq(sqlite3_column_int(st, 0), 0);
	sqlite3_finalize(st);
	cr_assert_eq(sqlite3_prepare_v2(h, "SELECT count(*) FROM pragma_foreign_key_list('response') "
					   "WHERE \"table\" NOT IN ('run', 'questionnaire')", -1, &st, NULL), SQLITE_OK);
	cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
	cr_assert_eq(sqlite3_column_int(st, 0), 0);
	sqlite3_finalize(st);
	sqlite3_close(h);
	ctx_close(ctx);
}

Test(response, only_while_the_run_is_under_way_or_done)
{
	lk_ctx *ctx = tl_ctx();
	sqlite3 *h = fx_open(ctx);
	lk_err err;
	form f = make_form(ctx);
	lk_answer a = {.question_id = f.scale, .value = 6};
	int64_t id;
	const char *refused[] = {"scheduling", "registration", "cancelled"};
	char *before = fx_snapshot(h);
	for (int i = 0; i < 3; i++) {
		int64_t run = fx_run(h, refused[i]);
		cr_assert_eq(response_add(ctx, run, f.id, &a, 1, LK_SOURCE_PAPER, &id, &err), -1, "%s", refused[i]);
		cr_assert_eq(err.code, LK_ERULE);
		cr_assert(strstr(err.msg, "under way"), "%s", err.msg);
	}
	ASSERT_UNCHANGED(h, before);
	free(before);
	const char *allowed[] = {"execution", "evaluation", "closed"};
	for (int i = 0; i < 3; i++) {
		int64_t run = fx_run(h, allowed[i]);
		cr_assert_eq(response_add(ctx, run, f.id, &a, 1, LK_SOURCE_PAPER, &id, &err), 0, "%s: %s", allowed[i], err.msg);
	}
	/* A run moved back: its forms can no longer change. */
	int64_t run = fx_int(h, "SELECT run_id FROM response WHERE id = ?", id);
	fx_set_phase(h, run, "registration");
	int64_t v = 1;
	cr_assert_eq(response_update(ctx, id, &v, &a, 1, &err), -1);
	cr_assert_eq(err.code, LK_ERULE);
	cr_assert_eq(response_delete(ctx, id, 1, &err), -1);
	cr_assert_eq(err.code, LK_ERULE);
	sqlite3_close(h);
	ctx_close(ctx);
}

Test(response, update_replaces_answers_versioned_and_delete)
{
	lk_ctx *ctx = tl_ctx();
	sqlite3 *h = fx_open(ctx);
	lk_err err;
	form f = make_form(ctx);
	int64_t run = fx_run(h, "evaluation");
	lk_answer first[] = {{.question_id = f.scale, .value = 3}, {.question_id = f.yesno, .value = 1}};
	int64_t id;
	cr_assert_eq(response_add(ctx, run, f.id, first, 2, LK_SOURCE_PAPER, &id, &err), 0, "%s", err.msg);
	lk_answer second[] = {{.question_id = f.scale, .value = 4}, {.question_id = f.text, .text = "Bedre nå"}};
	int64_t v = 1;
	cr_assert_eq(response_update(ctx, id, &v, second, 2, &err), 0, "%s", err.msg);
	cr_assert_eq(v, 2);
	lk_response r;
	cr_assert_eq(response_get(ctx, id, &r, &err), 0);
	cr_assert_eq(r.n_answers, 2);
	cr_assert_eq(r.answers[0].value, 4);
	cr_assert_str_eq(r.answers[1].text, "Bedre nå");
	cr_assert_eq(r.version, 2);
	response_free(&r);
	char *before = fx_snapshot(h);
	int64_t stale = 1;
	cr_assert_eq(response_update(ctx, id, &stale, first, 2, &err), -1);
	cr_assert_eq(err.code, LK_ECONFLICT);
	cr_assert(strstr(err.msg, "changed by someone else"), "%s", err.msg);
	cr_assert_eq(stale, 1);
	lk_answer wrong = {.question_id = f.scale, .value = 99};
	cr_assert_eq(response_update(ctx, id, &v, &wrong, 1, &err), -1);
	cr_assert_eq(err.code, LK_EINVAL);
	cr_assert_eq(response_delete(ctx, id, 1, &err), -1);
	cr_assert_eq(err.code, LK_ECONFLICT);
	cr_assert_eq(response_update(ctx, 4040, &v, first, 1, &err), -1);
	cr_assert_eq(err.code, LK_ENOTFOUND);
	ASSERT_UNCHANGED(h, before);
	free(before);
	cr_assert_eq(response_delete(ctx, id, 2, &err), 0, "%s", err.msg);
	cr_assert_eq(fx_int(h, "SELECT count(*) FROM answer WHERE response_id = ?", id), 0);
	cr_assert_eq(response_get(ctx, id, &r, &err), -1);
	cr_assert_eq(err.code, LK_ENOTFOUND);
	response_free(&r);
	cr_assert_eq(fx_int(h, "SELECT count(*) FROM audit WHERE entity = 'response' AND entity_id = ?", id), 3);
	sqlite3_close(h);
	ctx_close(ctx);
}

typedef struct listed {
	int n;
	int64_t id[32];
	int answers[32];
} listed;

static int collect(void *arg, const lk_response *r)
{
	listed *l = arg;
	cr_assert_lt(l->n, 32);
	l->id[l->n] = r->id;
	l->answers[l->n++] = r->n_answers;
	return 0;
}

Test(response, list_pages_and_count_per_run)
{
	lk_ctx *ctx = tl_ctx();
	sqlite3 *h = fx_open(ctx);
	lk_err err;
	form f = make_form(ctx);
	int64_t run = fx_run(h, "closed"), other = fx_run(h, "closed");
	int64_t ids[7];
	for (int i = 0; i < 7; i++) {
		lk_answer a[] = {{.question_id = f.scale, .value = i}, {.question_id = f.yesno, .value = i % 2}};
		cr_assert_eq(response_add(ctx, run, f.id, a, 1 + i % 2, LK_SOURCE_PAPER, &ids[i], &err), 0, "%s", err.msg);
	}
	lk_answer a = {.question_id = f.scale, .value = 1};
	int64_t x;
	cr_assert_eq(response_add(ctx, other, f.id, &a, 1, LK_SOURCE_PAPER, &x, &err), 0);
	listed l = {0};
	cr_assert_eq(response_list(ctx, run, (lk_page){2, 3}, collect, &l, &err), 0, "%s", err.msg);
	cr_assert_eq(l.n, 3);
	cr_assert_eq(l.id[0], ids[2]);
	cr_assert_eq(l.id[2], ids[4]);
	cr_assert_eq(l.answers[0], 1);
	cr_assert_eq(l.answers[1], 2);
	cr_assert_eq(response_count(ctx, run, &err), 7);
	cr_assert_eq(response_count(ctx, other, &err), 1);
	cr_assert_eq(response_count(ctx, 777, &err), 0);
	sqlite3_close(h);
	ctx_close(ctx);
}

Test(response, questionnaire_zero_takes_the_runs)
{
	lk_ctx *ctx = tl_ctx();
	sqlite3 *h = fx_open(ctx);
	lk_err err;
	int64_t run = fx_run(h, "execution");
	int64_t q5 = fx_int(h, "SELECT id FROM question WHERE questionnaire_id = ? AND position = 5", 1);
	lk_answer a = {.question_id = q5, .value = 9};
	int64_t id;
	cr_assert_eq(response_add(ctx, run, 0, &a, 1, LK_SOURCE_PAPER, &id, &err), 0, "%s", err.msg);
	cr_assert_eq(fx_int(h, "SELECT questionnaire_id FROM response WHERE id = ?", id), 1);
	sqlite3_close(h);
	ctx_close(ctx);
}

/* A form given with its questionnaire must be on the run's questionnaire
 * (questionnaire_for_run), or on an earlier version of it that the run
 * already has forms on: one run, one form. */
Test(response, questionnaire_must_be_the_runs)
{
	lk_ctx *ctx = tl_ctx();
	sqlite3 *h = fx_open(ctx);
	lk_err err;
	form f = make_form(ctx);
	int64_t run = fx_run(h, "execution"), other_run = fx_run(h, "execution");
	int64_t id;
	lk_answer on_default = {.question_id = fx_int(h, "SELECT id FROM question WHERE questionnaire_id = ?"
		" AND position = 5", 1), .value = 7};
	lk_answer on_f = {.question_id = f.scale, .value = 6};
	char *before = fx_snapshot(h);
	/* Another family: the shipped questionnaire is not this run's any more. */
	cr_assert_eq(response_add(ctx, run, 1, &on_default, 1, LK_SOURCE_PAPER, &id, &err), -1);
	cr_assert_eq(err.code, LK_EINVAL, "%s", err.msg);
	cr_assert(strstr(err.msg, "no. 1)") && strstr(err.msg, "Skjema for Åsgårdstrand"), "names both: %s", err.msg);
	char no[32];
	snprintf(no, sizeof no, "no. %lld", (long long)f.id);
	cr_assert(strstr(err.msg, no), "%s", err.msg);
	cr_assert_eq(response_add(ctx, run, 4242, &on_f, 1, LK_SOURCE_PAPER, &id, &err), -1);
	cr_assert_eq(err.code, LK_ENOTFOUND, "%s", err.msg);
	ASSERT_UNCHANGED(h, before);
	free(before);
	cr_assert_eq(response_add(ctx, run, f.id, &on_f, 1, LK_SOURCE_PAPER, &id, &err), 0, "%s", err.msg);

	/* A version 2 is made: a run with forms on v1 keeps taking v1 ... */
	int64_t v2 = 0;
	cr_assert_eq(questionnaire_edit_begin(ctx, f.id, &v2, &err), 0, "%s", err.msg);
	cr_assert_neq(v2, f.id);
	int64_t v2_scale = fx_int(h, "SELECT id FROM question WHERE questionnaire_id = ? AND position = 1", v2);
	lk_answer on_v2 = {.question_id = v2_scale, .value = 9};
	cr_assert_eq(response_add(ctx, run, f.id, &on_f, 1, LK_SOURCE_PAPER, &id, &err), 0, "%s", err.msg);
	cr_assert_eq(response_add(ctx, run, 0, &on_f, 1, LK_SOURCE_PAPER, &id, &err), 0, "%s", err.msg);
	cr_assert_eq(fx_int(h, "SELECT questionnaire_id FROM response WHERE id = ?", id), f.id);
	/* ... while a run without forms takes v2, and v1 is refused there. */
	before = fx_snapshot(h);
	cr_assert_eq(response_add(ctx, other_run, f.id, &on_f, 1, LK_SOURCE_PAPER, &id, &err), -1);
	cr_assert_eq(err.code, LK_EINVAL, "%s", err.msg);
	ASSERT_UNCHANGED(h, before);
	free(before);
	cr_assert_eq(response_add(ctx, other_run, v2, &on_v2, 1, LK_SOURCE_PAPER, &id, &err), 0, "%s", err.msg);
	/* A later version once forms came in on it: the earlier one with forms
	 * on this run still takes the odd late paper form. */
	cr_assert_eq(response_add(ctx, run, v2, &on_v2, 1, LK_SOURCE_PAPER, &id, &err), -1,
		"this run's latest forms are on v1");
	cr_assert_eq(err.code, LK_EINVAL, "%s", err.msg);
	sqlite3_close(h);
	ctx_close(ctx);
}

Test(response, roles_user_rep_enters_staff_does_not)
{
	lk_ctx *ctx = tl_ctx();
	sqlite3 *h = fx_open(ctx);
	lk_err err;
	form f = make_form(ctx);
	int64_t run = fx_run(h, "evaluation");
	lk_ctx *rep = tl_ctx_as(ctx, "siri.brukerrep", LK_ROLE_USER_REP);
	lk_ctx *staff = tl_ctx_as(ctx, "vert", LK_ROLE_STAFF);
	lk_answer a = {.question_id = f.scale, .value = 8};
	int64_t id;
	cr_assert_eq(response_add(rep, run, f.id, &a, 1, LK_SOURCE_PAPER, &id, &err), 0, "%s", err.msg);
	cr_assert_eq(fx_int(h, "SELECT count(*) FROM response WHERE entered_by = 'siri.brukerrep' AND id = ?", id), 1);
	char *before = fx_snapshot(h);
	int64_t other, v = 1;
	cr_assert_eq(response_add(staff, run, f.id, &a, 1, LK_SOURCE_PAPER, &other, &err), -1);
	cr_assert_eq(err.code, LK_EPERM);
	cr_assert_eq(response_update(staff, id, &v, &a, 1, &err), -1);
	cr_assert_eq(err.code, LK_EPERM);
	cr_assert_eq(response_delete(staff, id, 1, &err), -1);
	cr_assert_eq(err.code, LK_EPERM);
	lk_response r;
	cr_assert_eq(response_get(staff, id, &r, &err), -1);
	cr_assert_eq(err.code, LK_EPERM);
	listed l = {0};
	cr_assert_eq(response_list(staff, run, (lk_page){0, 10}, collect, &l, &err), -1);
	ASSERT_UNCHANGED(h, before);
	free(before);
	cr_assert_eq(response_count(staff, run, &err), 1, "a count shows no answers");
	ctx_close(rep);
	ctx_close(staff);
	sqlite3_close(h);
	ctx_close(ctx);
}

/* ---- facilitators' own evaluation ---- */

typedef struct evals {
	int n;
	char names[8][64];
	char texts[8][128];
} evals;

static int collect_eval(void *arg, const lk_facilitator_eval *e)
{
	evals *s = arg;
	cr_assert_lt(s->n, 8);
	snprintf(s->names[s->n], 64, "%s", e->person_name);
	snprintf(s->texts[s->n++], 128, "%s", e->text);
	return 0;
}

Test(response, facilitator_evaluation_rules)
{
	lk_ctx *ctx = tl_ctx();
	sqlite3 *h = fx_open(ctx);
	lk_err err;
	int64_t kari = tl_person(ctx, "Kari Ødegård", LK_PROFESSIONAL);
	int64_t olav = tl_person(ctx, "Ólafur Þórsson", LK_USER_REP);
	int64_t outsider = tl_person(ctx, "Zoë Ng", LK_USER_REP);
	int64_t run = fx_run(h, "evaluation");
	fx_session_with(h, run, 1, kari);
	fx_session_with(h, run, 2, olav);
	lk_ctx *olav_ctx = ctx_as_person(ctx, "olav", LK_ROLE_USER_REP, olav);
	lk_ctx *unlinked = tl_ctx_as(ctx, "ulenket", LK_ROLE_STAFF);

	/* A coordinator writes for anyone who facilitated; a user rep their own. */
	int64_t kv = 0, ov = 0;
	cr_assert_eq(facilitator_eval_set(ctx, run, kari, "Godt samarbeid.\r\nMer tid til grupper.", &kv, &err), 0, "%s", err.msg);
	cr_assert_eq(kv, 1);
	cr_assert_eq(facilitator_eval_set(olav_ctx, run, olav, "Egen erfaring ble godt mottatt – takk!", &ov, &err), 0, "%s", err.msg);
	lk_facilitator_eval e;
	cr_assert_eq(facilitator_eval_get(olav_ctx, run, olav, &e, &err), 0, "%s", err.msg);
	cr_assert_str_eq(e.person_name, "Ólafur Þórsson");
	cr_assert_str_eq(e.written_at, "2027-01-10T09:00:00");
	facilitator_eval_free(&e);
	cr_assert_eq(facilitator_eval_get(ctx, run, kari, &e, &err), 0);
	cr_assert_str_eq(e.text, "Godt samarbeid.\nMer tid til grupper.");
	facilitator_eval_free(&e);

	char *before = fx_snapshot(h);
	int64_t zero = 0;
	cr_assert_eq(facilitator_eval_set(olav_ctx, run, kari, "Jeg skriver for Kari", &zero, &err), -1);
	cr_assert_eq(err.code, LK_EPERM);
	cr_assert(strstr(err.msg, "your own"), "%s", err.msg);
	cr_assert_eq(facilitator_eval_set(unlinked, run, kari, "Hei", &zero, &err), -1);
	cr_assert_eq(err.code, LK_EPERM);
	cr_assert(strstr(err.msg, "not linked"), "%s", err.msg);
	cr_assert_eq(facilitator_eval_set(ctx, run, outsider, "Var ikke med", &zero, &err), -1);
	cr_assert_eq(err.code, LK_ERULE);
	cr_assert_eq(facilitator_eval_set(ctx, run, kari, "Ny igjen", &zero, &err), -1);
	cr_assert_eq(err.code, LK_ECONFLICT, "already written: a new one would overwrite");
	int64_t stale = 7;
	cr_assert_eq(facilitator_eval_set(ctx, run, kari, "Endret", &stale, &err), -1);
	cr_assert_eq(err.code, LK_ECONFLICT);
	cr_assert_eq(facilitator_eval_set(ctx, run, kari, "  ", &kv, &err), -1);
	cr_assert_eq(err.code, LK_EINVAL);
	cr_assert_eq(facilitator_eval_set(ctx, run, kari, "Bad \xC3", &kv, &err), -1);
	cr_assert(strstr(err.msg, "UTF-8"), "%s", err.msg);
	evals s = {0};
	cr_assert_eq(facilitator_eval_list(unlinked, run, collect_eval, &s, &err), -1, "staff see no results");
	cr_assert_eq(err.code, LK_EPERM);
	cr_assert_eq(facilitator_eval_get(unlinked, run, kari, &e, &err), -1);
	cr_assert_eq(err.code, LK_EPERM);
	cr_assert_eq(facilitator_eval_delete(olav_ctx, run, kari, 1, &err), -1);
	cr_assert_eq(err.code, LK_EPERM);
	fx_set_phase(h, run, "registration");
	cr_assert_eq(facilitator_eval_set(ctx, run, kari, "For tidlig", &kv, &err), -1);
	cr_assert_eq(err.code, LK_ERULE);
	fx_set_phase(h, run, "evaluation");
	ASSERT_UNCHANGED(h, before);
	free(before);

	cr_assert_eq(facilitator_eval_set(ctx, run, kari, "Oppdatert", &kv, &err), 0, "%s", err.msg);
	cr_assert_eq(kv, 2);
	cr_assert_eq(facilitator_eval_list(olav_ctx, run, collect_eval, &s, &err), 0, "%s", err.msg);
	cr_assert_eq(s.n, 2);
	cr_assert_str_eq(s.names[0], "Kari Ødegård");
	cr_assert_str_eq(s.texts[0], "Oppdatert");
	cr_assert_str_eq(s.names[1], "Ólafur Þórsson");
	cr_assert_eq(facilitator_eval_delete(olav_ctx, run, olav, ov, &err), 0, "%s", err.msg);
	cr_assert_eq(facilitator_eval_get(ctx, run, olav, &e, &err), -1);
	cr_assert_eq(err.code, LK_ENOTFOUND);
	cr_assert_eq(fx_int(h, "SELECT count(*) FROM audit WHERE entity = 'facilitator_evaluation' AND entity_id = ?", run), 4);
	ctx_close(olav_ctx);
	ctx_close(unlinked);
	sqlite3_close(h);
	ctx_close(ctx);
}

Test(response, source_codes)
{
	lk_response_source s;
	cr_assert_eq(response_source_parse("import", &s), 0);
	cr_assert_eq(s, LK_SOURCE_IMPORT);
	cr_assert_eq(response_source_parse("web", &s), -1);
	cr_assert_str_eq(response_source_code(LK_SOURCE_PAPER), "paper");
	cr_assert_str_neq(response_source_label(LK_SOURCE_IMPORT), "");
}
