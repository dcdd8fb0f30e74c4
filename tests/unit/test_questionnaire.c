#include <criterion/criterion.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lmskurs/questionnaire.h"
#include "lmskurs/response.h"
#include "lmskurs/text.h"
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

/* Runs sql with integer parameters; returns the new rowid. */
static int64_t fx_exec(sqlite3 *h, const char *sql, int n, const int64_t *params)
{
	sqlite3_stmt *st;
	cr_assert_eq(sqlite3_prepare_v2(h, sql, -1, &st, NULL), SQLITE_OK, "%s", sqlite3_errmsg(h));
	for (int i = 0; i < n; i++)
		sqlite3_bind_int64(st, i + 1, params[i]);
	cr_assert_eq(sqlite3_step(st), SQLITE_DONE, "%s: %s", sql, sqlite3_errmsg(h));
	sqlite3_finalize(st);
	return sqlite3_last_insert_rowid(h);
}

static int64_t fx_course(sqlite3 *h, int64_t questionnaire_id)
{
	int64_t p[] = {questionnaire_id};
	return fx_exec(h, "INSERT INTO course (title, audience, phase, questionnaire_id, created_at, updated_at) "
			  "VALUES ('Lær å leve med KOLS', 'both', 'active', nullif(?, 0), "
			  "'2026-12-01T00:00:00', '2026-12-01T00:00:00')", 1, p);
}

static int64_t fx_run(sqlite3 *h, int64_t course_id, int64_t questionnaire_id)
{
	int64_t p[] = {course_id, questionnaire_id};
	return fx_exec(h, "INSERT INTO run (course_id, phase, questionnaire_id, created_at) "
			  "VALUES (?, 'execution', nullif(?, 0), '2026-12-01T00:00:00')", 2, p);
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

/* Everything this module writes, as text: compared before and after a
 * refused operation to show nothing changed. */
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

static char *fx_snapshot(sqlite3 *h)
{
	static const char *const qs[] = {
		"SELECT * FROM questionnaire ORDER BY id", "SELECT * FROM question ORDER BY id",
		"SELECT * FROM question_option ORDER BY question_id, position",
		"SELECT * FROM response ORDER BY id", "SELECT * FROM answer ORDER BY response_id, question_id",
		"SELECT * FROM course ORDER BY id", "SELECT * FROM run ORDER BY id",
		"SELECT count(*) FROM audit",
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

/* ---- helpers on the API ---- */

static int64_t make_questionnaire(lk_ctx *ctx, const char *name)
{
	lk_err err;
	lk_questionnaire q = {.name = (char *)name, .description = "Skjema for høsten"};
	cr_assert_eq(questionnaire_create(ctx, &q, &err), 0, "%s", err.msg);
	return q.id;
}

static int64_t add_scale(lk_ctx *ctx, int64_t qid, const char *text, int lo, int hi)
{
	lk_err err;
	lk_question q = {.section = LK_SECTION_RATING, .kind = LK_QUESTION_SCALE, .text = (char *)text,
		.scale_min = lo, .scale_max = hi, .label_min = "Lite", .label_max = "Svært"};
	cr_assert_eq(question_add(ctx, qid, &q, &err), 0, "%s", err.msg);
	return q.id;
}

static int64_t add_choice(lk_ctx *ctx, int64_t qid, const char *text, int n, char **options)
{
	lk_err err;
	lk_question q = {.section = LK_SECTION_BACKGROUND, .kind = LK_QUESTION_CHOICE,
		.text = (char *)text, .n_options = n, .options = options};
	cr_assert_eq(question_add(ctx, qid, &q, &err), 0, "%s", err.msg);
	return q.id;
}

/* Enters one response on qid in a fresh run in execution. */
static int64_t answer_once(lk_ctx *ctx, sqlite3 *h, int64_t qid, int64_t question_id, int64_t value)
{
	lk_err err;
	int64_t run = fx_run(h, fx_course(h, 0), qid), id;
	lk_answer a = {.question_id = question_id, .value = value};
	cr_assert_eq(response_add(ctx, run, qid, &a, 1, LK_SOURCE_PAPER, &id, &err), 0, "%s", err.msg);
	return id;
}

/* ---- the shipped default ---- */

Test(questionnaire, shipped_default_has_the_national_questions)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	lk_questionnaire q;
	cr_assert_eq(questionnaire_get(ctx, 1, &q, &err), 0, "%s", err.msg);
	cr_assert(q.is_default);
	cr_assert_eq(q.family_id, 1);
	cr_assert_eq(q.version_no, 1);
	cr_assert_eq(q.n_questions, 12);
	cr_assert_eq(q.questions[0].kind, LK_QUESTION_CHOICE);
	cr_assert_eq(q.questions[0].section, LK_SECTION_BACKGROUND);
	cr_assert_eq(q.questions[0].n_options, 3);
	cr_assert_str_eq(q.questions[0].options[1], "Pårørende");
	cr_assert_eq(q.questions[4].kind, LK_QUESTION_SCALE);
	cr_assert_eq(q.questions[4].scale_min, 0);
	cr_assert_eq(q.questions[4].scale_max, 10);
	cr_assert_str_eq(q.questions[4].label_min, "Lite relevant");
	cr_assert_eq(q.questions[11].kind, LK_QUESTION_TEXT);
	cr_assert_eq(q.questions[11].position, 12);
	cr_assert_eq(q.n_responses, 0);
	questionnaire_free(&q);
	cr_assert_eq(questionnaire_get(ctx, 999, &q, &err), -1);
	cr_assert_eq(err.code, LK_ENOTFOUND);
	ctx_close(ctx);
}

/* ---- building a questionnaire ---- */

Test(questionnaire, create_and_add_every_kind)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	lk_questionnaire q = {.name = "Evaluering – Пациенты 患者 مشارك", .description = "Linje 1\nLinje 2"};
	cr_assert_eq(questionnaire_create(ctx, &q, &err), 0, "%s", err.msg);
	cr_assert_gt(q.id, 1);
	cr_assert_eq(q.family_id, 2, "a new family after the default's");
	cr_assert_eq(q.version_no, 1);
	char *opts[] = {"Pasient", "Pårørende", "Ærlig talt: vet ikke"};
	add_choice(ctx, q.id, "Jeg er", 3, opts);
	add_scale(ctx, q.id, "Hvor nyttig var kurset?", 1, 6);
	lk_question yn = {.section = LK_SECTION_RATING, .kind = LK_QUESTION_YESNO, .text = "Vil du anbefale kurset?",
		.n_options = 3, .options = opts, .scale_min = 3, .scale_max = 9};
	cr_assert_eq(question_add(ctx, q.id, &yn, &err), 0, "%s", err.msg);
	cr_assert_eq(yn.position, 3);
	lk_question tx = {.section = LK_SECTION_OPEN, .kind = LK_QUESTION_TEXT, .text = "Hva bør endres?"};
	cr_assert_eq(question_add(ctx, q.id, &tx, &err), 0, "%s", err.msg);
	lk_questionnaire got;
	cr_assert_eq(questionnaire_get(ctx, q.id, &got, &err), 0, "%s", err.msg);
	cr_assert_str_eq(got.name, "Evaluering – Пациенты 患者 مشارك");
	cr_assert_str_eq(got.description, "Linje 1\nLinje 2");
	cr_assert_not(got.is_default);
	cr_assert_eq(got.n_questions, 4);
	for (int i = 0; i < 4; i++)
		cr_assert_eq(got.questions[i].position, i + 1);
	cr_assert_eq(got.questions[0].n_options, 3);
	cr_assert_str_eq(got.questions[0].options[2], "Ærlig talt: vet ikke");
	cr_assert_eq(got.questions[1].scale_min, 1);
	cr_assert_eq(got.questions[1].scale_max, 6);
	cr_assert_eq(got.questions[2].n_options, 0, "yes/no keeps no options");
	cr_assert_eq(got.questions[2].scale_max, 0, "nor a scale");
	cr_assert_str_eq(got.questions[3].text, "Hva bør endres?");
	questionnaire_free(&got);
	ctx_close(ctx);
}

Test(questionnaire, invalid_input_refused_and_nothing_written)
{
	lk_ctx *ctx = tl_ctx();
	sqlite3 *h = fx_open(ctx);
	lk_err err;
	int64_t qid = make_questionnaire(ctx, "Skjema");
	char *before = fx_snapshot(h);
	char bad[] = {'S', 'k', (char)0xE6, 'r', 0};
	lk_questionnaire q = {.name = "   "};
	cr_assert_eq(questionnaire_create(ctx, &q, &err), -1);
	cr_assert_eq(err.code, LK_EINVAL);
	q.name = bad;
	cr_assert_eq(questionnaire_create(ctx, &q, &err), -1);
	cr_assert(strstr(err.msg, "UTF-8"), "%s", err.msg);

	lk_question s = {.section = LK_SECTION_RATING, .kind = LK_QUESTION_SCALE, .text = "Nytte", .scale_min = 10, .scale_max = 10};
	cr_assert_eq(question_add(ctx, qid, &s, &err), -1);
	cr_assert_eq(err.code, LK_EINVAL);
	cr_assert(strstr(err.msg, "below"), "%s", err.msg);
	s.scale_min = 0;
	s.scale_max = 1000;
	cr_assert_eq(question_add(ctx, qid, &s, &err), -1);
	cr_assert_eq(err.code, LK_EINVAL);
	s.scale_max = 10;
	s.label_min = bad;
	cr_assert_eq(question_add(ctx, qid, &s, &err), -1);
	cr_assert(strstr(err.msg, "UTF-8"), "%s", err.msg);

	char *one[] = {"Bare én"};
	char *dup[] = {"Ja", "Nei", "  JA "};
	char *empty[] = {"Ja", " "};
	lk_question c = {.section = LK_SECTION_BACKGROUND, .kind = LK_QUESTION_CHOICE, .text = "Hvem", .n_options = 1, .options = one};
	cr_assert_eq(question_add(ctx, qid, &c, &err), -1);
	cr_assert(strstr(err.msg, "2 to"), "%s", err.msg);
	c.n_options = 3;
	c.options = dup;
	cr_assert_eq(question_add(ctx, qid, &c, &err), -1);
	cr_assert(strstr(err.msg, "Option 3 repeats option 1"), "%s", err.msg);
	c.n_options = 2;
	c.options = empty;
	cr_assert_eq(question_add(ctx, qid, &c, &err), -1);
	cr_assert(strstr(err.msg, "Option 2"), "%s", err.msg);

	char longtext[LK_QUESTION_TEXT_MAX + 2];
	memset(longtext, 'q', sizeof longtext - 1);
	longtext[sizeof longtext - 1] = 0;
	lk_question t = {.section = LK_SECTION_OPEN, .kind = LK_QUESTION_TEXT, .text = longtext};
	cr_assert_eq(question_add(ctx, qid, &t, &err), -1);
	cr_assert(strstr(err.msg, "too long"), "%s", err.msg);
	t.text = "";
	cr_assert_eq(question_add(ctx, qid, &t, &err), -1);
	t.text = "Ok";
	t.kind = (lk_question_kind)9;
	cr_assert_eq(question_add(ctx, qid, &t, &err), -1);
	cr_assert_eq(err.code, LK_EINVAL);
	t.kind = LK_QUESTION_TEXT;
	t.section = (lk_question_section)7;
	cr_assert_eq(question_add(ctx, qid, &t, &err), -1);
	cr_assert_eq(err.code, LK_EINVAL);
	t.section = LK_SECTION_OPEN;
	cr_assert_eq(question_add(ctx, 4242, &t, &err), -1);
	cr_assert_eq(err.code, LK_ENOTFOUND);
	ASSERT_UNCHANGED(h, before);
	free(before);
	sqlite3_close(h);
	ctx_close(ctx);
}

Test(questionnaire, update_options_move_delete_keep_order)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	int64_t qid = make_questionnaire(ctx, "Rekkefølge");
	int64_t a = add_scale(ctx, qid, "A", 0, 10), b = add_scale(ctx, qid, "B", 0, 10);
	int64_t c = add_scale(ctx, qid, "C", 0, 10), d = add_scale(ctx, qid, "D", 0, 10);
	int64_t v = 1;
	cr_assert_eq(question_move(ctx, d, &v, 1, &err), 0, "%s", err.msg);
	cr_assert_eq(v, 2);
	cr_assert_eq(question_move(ctx, d, &v, 3, &err), 0, "%s", err.msg);
	int64_t stale = 1;
	cr_assert_eq(question_move(ctx, d, &stale, 1, &err), -1);
	cr_assert_eq(err.code, LK_ECONFLICT);
	cr_assert_eq(question_move(ctx, d, &v, 5, &err), -1);
	cr_assert_eq(err.code, LK_EINVAL);
	cr_assert_eq(question_move(ctx, d, &v, 0, &err), -1);
	cr_assert_eq(question_delete(ctx, b, 1, &err), 0, "%s", err.msg);
	lk_questionnaire got;
	cr_assert_eq(questionnaire_get(ctx, qid, &got, &err), 0, "%s", err.msg);
	cr_assert_eq(got.n_questions, 3);
	int64_t want[] = {a, d, c};
	for (int i = 0; i < 3; i++) {
		cr_assert_eq(got.questions[i].id, want[i], "position %d", i + 1);
		cr_assert_eq(got.questions[i].position, i + 1);
	}
	questionnaire_free(&got);

	/* Update turns C into a choice; then its options are replaced. */
	lk_question q;
	cr_assert_eq(question_get(ctx, c, &q, &err), 0, "%s", err.msg);
	char *opts[] = {"Kvinne", "Mann", "Annet"};
	free(q.text);
	q.text = strdup("Kjønn");
	q.kind = LK_QUESTION_CHOICE;
	q.n_options = 3;
	q.options = malloc(3 * sizeof *q.options);
	for (int i = 0; i < 3; i++)
		q.options[i] = strdup(opts[i]);
	lk_question stale_q = q;
	cr_assert_eq(question_update(ctx, &q, &err), 0, "%s", err.msg);
	cr_assert_eq(q.version, 2);
	cr_assert_eq(q.position, 3);
	stale_q.version = 1;
	cr_assert_eq(question_update(ctx, &stale_q, &err), -1);
	cr_assert_eq(err.code, LK_ECONFLICT);
	const char *two[] = {"Ja", "Nei"};
	int64_t qv = q.version;
	cr_assert_eq(question_set_options(ctx, c, &qv, two, 2, &err), 0, "%s", err.msg);
	cr_assert_eq(qv, 3);
	cr_assert_eq(question_set_options(ctx, c, &stale, two, 2, &err), -1);
	cr_assert_eq(err.code, LK_ECONFLICT);
	question_free(&q);
	cr_assert_eq(question_get(ctx, c, &q, &err), 0);
	cr_assert_eq(q.n_options, 2);
	cr_assert_str_eq(q.options[1], "Nei");
	question_free(&q);
	int64_t av = 1;
	cr_assert_eq(question_set_options(ctx, a, &av, two, 2, &err), -1, "a scale has no options");
	cr_assert_eq(err.code, LK_EINVAL);
	cr_assert_eq(question_delete(ctx, a, 7, &err), -1);
	cr_assert_eq(err.code, LK_ECONFLICT);
	ctx_close(ctx);
}

/* ---- versions ---- */

Test(questionnaire, edit_without_answers_is_in_place)
{
	lk_ctx *ctx = tl_ctx();
	sqlite3 *h = fx_open(ctx);
	lk_err err;
	int64_t qid = make_questionnaire(ctx, "Uten svar");
	add_scale(ctx, qid, "Nytte", 0, 10);
	int64_t n_before = fx_int(h, "SELECT count(*) FROM questionnaire WHERE ?1 = ?1", 0);
	int64_t editable = 0;
	cr_assert_eq(questionnaire_edit_begin(ctx, qid, &editable, &err), 0, "%s", err.msg);
	cr_assert_eq(editable, qid);
	cr_assert_eq(fx_int(h, "SELECT count(*) FROM questionnaire WHERE ?1 = ?1", 0), n_before);
	cr_assert_eq(questionnaire_edit_begin(ctx, 5555, &editable, &err), -1);
	cr_assert_eq(err.code, LK_ENOTFOUND);
	sqlite3_close(h);
	ctx_close(ctx);
}

Test(questionnaire, edit_with_answers_makes_version_2_and_old_results_stay)
{
	lk_ctx *ctx = tl_ctx();
	sqlite3 *h = fx_open(ctx);
	lk_err err;
	int64_t v1 = make_questionnaire(ctx, "Hjerteskolen");
	char *opts[] = {"Pasient", "Pårørende"};
	int64_t q_choice = add_choice(ctx, v1, "Jeg er", 2, opts);
	int64_t q_scale = add_scale(ctx, v1, "Nytte", 0, 10);
	int64_t resp = answer_once(ctx, h, v1, q_scale, 7);

	/* Every edit of v1 is refused now, and leaves everything as it was. */
	char *before = fx_snapshot(h);
	lk_question nq = {.section = LK_SECTION_OPEN, .kind = LK_QUESTION_TEXT, .text = "Nytt spørsmål"};
	cr_assert_eq(question_add(ctx, v1, &nq, &err), -1);
	cr_assert_eq(err.code, LK_ERULE);
	cr_assert(strstr(err.msg, "has answers"), "%s", err.msg);
	cr_assert(strstr(err.msg, "new version"), "%s", err.msg);
	cr_assert_eq(question_delete(ctx, q_choice, 1, &err), -1);
	cr_assert_eq(err.code, LK_ERULE);
	int64_t v = 1;
	cr_assert_eq(question_move(ctx, q_scale, &v, 1, &err), -1);
	cr_assert_eq(err.code, LK_ERULE);
	const char *three[] = {"A", "B", "C"};
	cr_assert_eq(question_set_options(ctx, q_choice, &v, three, 3, &err), -1);
	cr_assert_eq(err.code, LK_ERULE);
	lk_question upd;
	cr_assert_eq(question_get(ctx, q_scale, &upd, &err), 0);
	upd.scale_max = 5;
	cr_assert_eq(question_update(ctx, &upd, &err), -1);
	cr_assert_eq(err.code, LK_ERULE);
	question_free(&upd);
	lk_questionnaire meta;
	cr_assert_eq(questionnaire_get(ctx, v1, &meta, &err), 0);
	cr_assert_eq(meta.n_responses, 1);
	free(meta.name);
	meta.name = strdup("Nytt navn");
	cr_assert_eq(questionnaire_update(ctx, &meta, &err), -1);
	cr_assert_eq(err.code, LK_ERULE);
	questionnaire_free(&meta);
	ASSERT_UNCHANGED(h, before);
	free(before);

	int64_t v2 = 0;
	cr_assert_eq(questionnaire_edit_begin(ctx, v1, &v2, &err), 0, "%s", err.msg);
	cr_assert_neq(v2, v1);
	lk_questionnaire got;
	cr_assert_eq(questionnaire_get(ctx, v2, &got, &err), 0, "%s", err.msg);
	cr_assert_eq(got.version_no, 2);
	cr_assert_eq(got.previous_id, v1);
	cr_assert_eq(got.family_id, v1);
	cr_assert_str_eq(got.name, "Hjerteskolen");
	cr_assert_eq(got.n_questions, 2);
	cr_assert_eq(got.questions[0].n_options, 2);
	cr_assert_str_eq(got.questions[0].options[1], "Pårørende");
	cr_assert_neq(got.questions[1].id, q_scale, "questions are copies");
	int64_t v2_scale = got.questions[1].id;
	questionnaire_free(&got);

	/* v2 is editable; a second edit_begin goes on with it. */
	lk_question up2;
	cr_assert_eq(question_get(ctx, v2_scale, &up2, &err), 0);
	up2.scale_max = 5;
	cr_assert_eq(question_update(ctx, &up2, &err), 0, "%s", err.msg);
	question_free(&up2);
	int64_t again = 0;
	cr_assert_eq(questionnaire_edit_begin(ctx, v1, &again, &err), 0, "%s", err.msg);
	cr_assert_eq(again, v2);

	/* The old result stays with version 1 and its unchanged question. */
	cr_assert_eq(fx_int(h, "SELECT questionnaire_id FROM response WHERE id = ?", resp), v1);
	cr_assert_eq(fx_int(h, "SELECT scale_max FROM question WHERE id = ?", q_scale), 10);
	cr_assert_eq(fx_int(h, "SELECT value_int FROM answer WHERE response_id = ?", resp), 7);

	/* Once v2 has answers too, the next edit makes version 3 from v2. */
	answer_once(ctx, h, v2, v2_scale, 4);
	int64_t v3 = 0;
	cr_assert_eq(questionnaire_edit_begin(ctx, v1, &v3, &err), 0, "%s", err.msg);
	cr_assert_eq(fx_int(h, "SELECT version_no FROM questionnaire WHERE id = ?", v3), 3);
	cr_assert_eq(fx_int(h, "SELECT previous_id FROM questionnaire WHERE id = ?", v3), v2);
	cr_assert_eq(fx_int(h, "SELECT scale_max FROM question WHERE questionnaire_id = ? AND position = 2", v3), 5);
	sqlite3_close(h);
	ctx_close(ctx);
}

Test(questionnaire, new_version_of_the_default_becomes_the_default)
{
	lk_ctx *ctx = tl_ctx();
	sqlite3 *h = fx_open(ctx);
	lk_err err;
	int64_t q5 = fx_int(h, "SELECT id FROM question WHERE questionnaire_id = ? AND position = 5", 1);
	answer_once(ctx, h, 1, q5, 9);
	int64_t v2 = 0;
	cr_assert_eq(questionnaire_edit_begin(ctx, 1, &v2, &err), 0, "%s", err.msg);
	cr_assert_eq(fx_int(h, "SELECT is_default FROM questionnaire WHERE id = ?", v2), 1);
	cr_assert_eq(fx_int(h, "SELECT is_default FROM questionnaire WHERE id = ?", 1), 0);
	cr_assert_eq(fx_int(h, "SELECT count(*) FROM question_option o JOIN question q ON q.id = o.question_id "
			       "WHERE q.questionnaire_id = ?", v2), 20, "all 20 options copied");
	sqlite3_close(h);
	ctx_close(ctx);
}

/* ---- copy, delete, list, default ---- */

Test(questionnaire, copy_starts_a_new_family)
{
	lk_ctx *ctx = tl_ctx();
	lk_err err;
	int64_t copy = 0;
	cr_assert_eq(questionnaire_copy(ctx, 1, &copy, &err), 0, "%s", err.msg);
	lk_questionnaire got;
	cr_assert_eq(questionnaire_get(ctx, copy, &got, &err), 0, "%s", err.msg);
	cr_assert(strstr(got.name, "Standard evalueringsskjema"), "%s", got.name);
	cr_assert_str_neq(got.name, "Standard evalueringsskjema");
	cr_assert_neq(got.family_id, 1);
	cr_assert_eq(got.version_no, 1);
	cr_assert_not(got.is_default);
	cr_assert_eq(got.n_questions, 12);
	cr_assert_str_eq(got.questions[2].options[7], "Over 80");
	questionnaire_free(&got);

	/* A long name is cut to the limit in code points, not bytes. */
	char name[LK_NAME_MAX * 2 + 1] = "";
	for (int i = 0; i < LK_NAME_MAX; i++)
		strcat(name, "æ");
	int64_t longq = make_questionnaire(ctx, name);
	cr_assert_eq(questionnaire_copy(ctx, longq, &copy, &err), 0, "%s", err.msg);
	cr_assert_eq(questionnaire_get(ctx, copy, &got, &err), 0);
	cr_assert_eq(text_codepoints(got.name), LK_NAME_MAX);
	cr_assert(text_utf8_valid(got.name, strlen(got.name), NULL));
	questionnaire_free(&got);
	cr_assert_eq(questionnaire_copy(ctx, 777, &copy, &err), -1);
	cr_assert_eq(err.code, LK_ENOTFOUND);
	ctx_close(ctx);
}

Test(questionnaire, delete_refused_when_in_use_allowed_otherwise)
{
	lk_ctx *ctx = tl_ctx();
	sqlite3 *h = fx_open(ctx);
	lk_err err;
	int64_t used = make_questionnaire(ctx, "Brukt av kurs");
	fx_course(h, used);
	int64_t answered = make_questionnaire(ctx, "Besvart");
	int64_t qs = add_scale(ctx, answered, "Nytte", 0, 10);
	answer_once(ctx, h, answered, qs, 3);
	int64_t free_q = make_questionnaire(ctx, "Ledig");
	add_scale(ctx, free_q, "Nytte", 0, 10);
	char *before = fx_snapshot(h);
	cr_assert_eq(questionnaire_delete(ctx, 1, 1, &err), -1);
	cr_assert_eq(err.code, LK_ERULE);
	cr_assert(strstr(err.msg, "default"), "%s", err.msg);
	cr_assert_eq(questionnaire_delete(ctx, used, 1, &err), -1);
	cr_assert_eq(err.code, LK_ERULE);
	cr_assert(strstr(err.msg, "1 courses"), "%s", err.msg);
	cr_assert_eq(questionnaire_delete(ctx, answered, 1, &err), -1);
	cr_assert_eq(err.code, LK_ERULE);
	cr_assert_eq(questionnaire_delete(ctx, free_q, 2, &err), -1);
	cr_assert_eq(err.code, LK_ECONFLICT);
	ASSERT_UNCHANGED(h, before);
	free(before);
	cr_assert_eq(questionnaire_delete(ctx, free_q, 1, &err), 0, "%s", err.msg);
	cr_assert_eq(fx_int(h, "SELECT count(*) FROM question WHERE questionnaire_id = ?", free_q), 0);
	cr_assert_eq(questionnaire_delete(ctx, free_q, 1, &err), -1);
	cr_assert_eq(err.code, LK_ENOTFOUND);
	sqlite3_close(h);
	ctx_close(ctx);
}

typedef struct seen {
	int n;
	int64_t id[16];
	int version_no[16];
	int64_t responses[16];
} seen;

static int collect(void *arg, const lk_questionnaire *q)
{
	seen *s = arg;
	cr_assert_lt(s->n, 16);
	s->id[s->n] = q->id;
	s->version_no[s->n] = q->version_no;
	s->responses[s->n++] = q->n_responses;
	return 0;
}

Test(questionnaire, list_newest_versions_or_all_with_paging)
{
	lk_ctx *ctx = tl_ctx();
	sqlite3 *h = fx_open(ctx);
	lk_err err;
	int64_t a = make_questionnaire(ctx, "Alfa");
	int64_t qs = add_scale(ctx, a, "Nytte", 0, 10);
	answer_once(ctx, h, a, qs, 5);
	int64_t a2;
	cr_assert_eq(questionnaire_edit_begin(ctx, a, &a2, &err), 0, "%s", err.msg);
	make_questionnaire(ctx, "Ørn");
	seen s = {0};
	cr_assert_eq(questionnaire_list(ctx, NULL, (lk_page){0, 0}, collect, &s, &err), 0, "%s", err.msg);
	cr_assert_eq(s.n, 3, "Alfa v2, Standard, Ørn");
	cr_assert_eq(s.id[0], a2);
	cr_assert_eq(s.version_no[0], 2);
	memset(&s, 0, sizeof s);
	lk_questionnaire_filter all = {.all_versions = true};
	cr_assert_eq(questionnaire_list(ctx, &all, (lk_page){0, 0}, collect, &s, &err), 0);
	cr_assert_eq(s.n, 4);
	cr_assert_eq(s.id[1], a, "newest version first");
	cr_assert_eq(s.responses[1], 1);
	cr_assert_eq(s.responses[0], 0);
	memset(&s, 0, sizeof s);
	cr_assert_eq(questionnaire_list(ctx, &all, (lk_page){1, 2}, collect, &s, &err), 0);
	cr_assert_eq(s.n, 2);
	cr_assert_eq(s.id[0], a);
	sqlite3_close(h);
	ctx_close(ctx);
}

Test(questionnaire, set_default_moves_the_mark)
{
	lk_ctx *ctx = tl_ctx();
	sqlite3 *h = fx_open(ctx);
	lk_err err;
	int64_t q = make_questionnaire(ctx, "Nytt standard");
	cr_assert_eq(questionnaire_set_default(ctx, q, &err), 0, "%s", err.msg);
	cr_assert_eq(fx_int(h, "SELECT count(*) FROM questionnaire WHERE is_default = ?", 1), 1);
	cr_assert_eq(fx_int(h, "SELECT is_default FROM questionnaire WHERE id = ?", q), 1);
	cr_assert_eq(questionnaire_set_default(ctx, 99, &err), -1);
	cr_assert_eq(err.code, LK_ENOTFOUND);
	cr_assert_eq(fx_int(h, "SELECT is_default FROM questionnaire WHERE id = ?", q), 1);
	sqlite3_close(h);
	ctx_close(ctx);
}

/* ---- which questionnaire a run uses ---- */

Test(questionnaire, for_run_run_then_course_then_default_then_newest)
{
	lk_ctx *ctx = tl_ctx();
	sqlite3 *h = fx_open(ctx);
	lk_err err;
	int64_t course_q = make_questionnaire(ctx, "Kursets");
	int64_t run_q = make_questionnaire(ctx, "Gjennomføringens");
	int64_t c_plain = fx_course(h, 0), c_own = fx_course(h, course_q);
	int64_t r_plain = fx_run(h, c_plain, 0), r_course = fx_run(h, c_own, 0);
	int64_t r_own = fx_run(h, c_own, run_q);
	int64_t got = 0;
	cr_assert_eq(questionnaire_for_run(ctx, r_plain, &got, &err), 0, "%s", err.msg);
	cr_assert_eq(got, 1);
	cr_assert_eq(questionnaire_for_run(ctx, r_course, &got, &err), 0, "%s", err.msg);
	cr_assert_eq(got, course_q);
	cr_assert_eq(questionnaire_for_run(ctx, r_own, &got, &err), 0, "%s", err.msg);
	cr_assert_eq(got, run_q);

	/* The course's questionnaire gets answers elsewhere and a version 2:
	 * a run without answers follows to v2, one with answers on v1 keeps v1. */
	int64_t qs = add_scale(ctx, course_q, "Nytte", 0, 10);
	int64_t r_busy = fx_run(h, c_own, 0);
	lk_answer a = {.question_id = qs, .value = 8};
	int64_t id;
	cr_assert_eq(response_add(ctx, r_busy, course_q, &a, 1, LK_SOURCE_PAPER, &id, &err), 0, "%s", err.msg);
	int64_t v2 = 0;
	cr_assert_eq(questionnaire_edit_begin(ctx, course_q, &v2, &err), 0, "%s", err.msg);
	cr_assert_eq(questionnaire_for_run(ctx, r_course, &got, &err), 0, "%s", err.msg);
	cr_assert_eq(got, v2);
	cr_assert_eq(questionnaire_for_run(ctx, r_busy, &got, &err), 0, "%s", err.msg);
	cr_assert_eq(got, course_q);

	cr_assert_eq(questionnaire_for_run(ctx, 31337, &got, &err), -1);
	cr_assert_eq(err.code, LK_ENOTFOUND);
	sqlite3_close(h);
	ctx_close(ctx);
}

/* ---- roles ---- */

Test(questionnaire, only_coordinators_edit_everyone_reads)
{
	lk_ctx *ctx = tl_ctx();
	sqlite3 *h = fx_open(ctx);
	lk_err err;
	int64_t qid = make_questionnaire(ctx, "Roller");
	int64_t qs = add_scale(ctx, qid, "Nytte", 0, 10);
	lk_ctx *rep = tl_ctx_as(ctx, "bruker.rep", LK_ROLE_USER_REP);
	lk_ctx *staff = tl_ctx_as(ctx, "vert", LK_ROLE_STAFF);
	char *before = fx_snapshot(h);
	lk_questionnaire q = {.name = "Forsøk"};
	cr_assert_eq(questionnaire_create(rep, &q, &err), -1);
	cr_assert_eq(err.code, LK_EPERM);
	lk_question t = {.section = LK_SECTION_OPEN, .kind = LK_QUESTION_TEXT, .text = "Hei"};
	cr_assert_eq(question_add(staff, qid, &t, &err), -1);
	cr_assert_eq(err.code, LK_EPERM);
	int64_t v = 1, out = 0;
	cr_assert_eq(question_move(rep, qs, &v, 1, &err), -1);
	cr_assert_eq(err.code, LK_EPERM);
	cr_assert_eq(question_delete(rep, qs, 1, &err), -1);
	cr_assert_eq(questionnaire_edit_begin(rep, qid, &out, &err), -1);
	cr_assert_eq(err.code, LK_EPERM);
	cr_assert_eq(questionnaire_copy(staff, qid, &out, &err), -1);
	cr_assert_eq(questionnaire_set_default(rep, qid, &err), -1);
	cr_assert_eq(questionnaire_delete(rep, qid, 1, &err), -1);
	cr_assert_eq(err.code, LK_EPERM);
	ASSERT_UNCHANGED(h, before);
	free(before);
	lk_questionnaire got;
	cr_assert_eq(questionnaire_get(staff, qid, &got, &err), 0, "%s", err.msg);
	cr_assert_eq(got.n_questions, 1);
	questionnaire_free(&got);
	lk_question one;
	cr_assert_eq(question_get(rep, qs, &one, &err), 0, "%s", err.msg);
	question_free(&one);
	ctx_close(rep);
	ctx_close(staff);
	sqlite3_close(h);
	ctx_close(ctx);
}

Test(questionnaire, codes_and_labels)
{
	lk_question_kind k;
	lk_question_section s;
	cr_assert_eq(question_kind_parse("yesno", &k), 0);
	cr_assert_eq(k, LK_QUESTION_YESNO);
	cr_assert_eq(question_kind_parse("Yesno", &k), -1);
	cr_assert_eq(question_section_parse("open", &s), 0);
	cr_assert_eq(s, LK_SECTION_OPEN);
	cr_assert_eq(question_section_parse(NULL, &s), -1);
	cr_assert_str_eq(question_kind_code(LK_QUESTION_CHOICE), "choice");
	cr_assert_str_neq(question_kind_label(LK_QUESTION_TEXT), "");
	cr_assert_str_eq(question_section_label((lk_question_section)5), "");
}
