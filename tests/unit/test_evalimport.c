/* test_evalimport.c — evaluation forms from a survey's CSV export: the
 * column matching and cell reading (io: evalimport.h) and the import as one
 * transaction (core: response_import.h), on the sample the centres bring
 * (../shared/data/evaluation-export.csv) and on small files made here. */
#include <criterion/criterion.h>
#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "lmskurs/evalimport.h"
#include "lmskurs/evalreport.h"
#include "lmskurs/evalresult.h"
#include "lmskurs/questionnaire.h"
#include "lmskurs/response_import.h"
#include "testlib.h"

#define SAMPLE "../shared/data/evaluation-export.csv"

/* ---- fixtures ---- */

static sqlite3 *fx_open(lk_ctx *ctx)
{
	sqlite3 *h = NULL;
	cr_assert_eq(sqlite3_open_v2(tl_db_path(ctx), &h, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
	sqlite3_busy_timeout(h, 5000);
	return h;
}

static int64_t fx_exec(sqlite3 *h, const char *sql)
{
	cr_assert_eq(sqlite3_exec(h, sql, NULL, NULL, NULL), SQLITE_OK, "%s: %s", sql, sqlite3_errmsg(h));
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

/* A run of a new course in phase (its forms: the shipped default form). */
static int64_t fx_run(sqlite3 *h, const char *phase)
{
	int64_t c = fx_exec(h, "INSERT INTO course (title, audience, phase, created_at, updated_at) VALUES "
			       "('Hjerte i rute – Tromsø', 'both', 'active', '2026-12-01T00:00:00', '2026-12-01T00:00:00')");
	char sql[200];
	snprintf(sql, sizeof sql, "INSERT INTO run (course_id, phase, created_at) VALUES (%lld, '%s', "
		"'2026-12-01T00:00:00')", (long long)c, phase);
	return fx_exec(h, sql);
}

/* What an import could change, as one number. */
static int64_t fx_fingerprint(sqlite3 *h)
{
	return fx_int(h, "SELECT (SELECT count(*) FROM audit) * 1000000 + (SELECT count(*) FROM response) "
			 "* 1000 + (SELECT count(*) FROM answer)");
}

static FILE *file_of(const char *text)
{
	FILE *f = tmpfile();
	cr_assert_not_null(f);
	fputs(text, f);
	rewind(f);
	return f;
}

/* ---- the questionnaire the file is read against ---- */

static void load_form(lk_ctx *ctx, int64_t run, lk_questionnaire *q)
{
	lk_err err;
	int64_t qid;
	cr_assert_eq(questionnaire_for_run(ctx, run, &qid, &err), 0, "%s", err.msg);
	cr_assert_eq(questionnaire_get(ctx, qid, q, &err), 0, "%s", err.msg);
}

static lk_evalimport *open_file(FILE *f, const lk_questionnaire *q)
{
	lk_err err;
	lk_evalimport *in = NULL;
	cr_assert_eq(evalimport_open(f, q->questions, q->n_questions, &in, &err), 0, "%s", err.msg);
	return in;
}

/* The outcomes of an import, kept for asserting. */
typedef struct seen {
	int n;
	int64_t line[32];
	bool bad[32];
	char why[32][LK_ERR_MSG_MAX];
	char note[32][LK_ERR_MSG_MAX];
	int stop_after; /* 0: never stop */
} seen;

static int keep(void *arg, const lk_response_outcome *o)
{
	seen *s = arg;
	cr_assert_lt(s->n, 32);
	s->line[s->n] = o->line;
	s->bad[s->n] = o->bad;
	snprintf(s->why[s->n], LK_ERR_MSG_MAX, "%s", o->why ? o->why : "");
	snprintf(s->note[s->n], LK_ERR_MSG_MAX, "%s", o->note ? o->note : "");
	s->n++;
	return s->stop_after && s->n >= s->stop_after;
}

static int import_file(lk_ctx *ctx, int64_t run, FILE *f, const lk_questionnaire *q,
	lk_import_opts opts, seen *s, lk_response_import_summary *sum, lk_err *err)
{
	lk_evalimport *in = open_file(f, q);
	int rc = response_import(ctx, run, q->id, evalimport_next, in, &opts, keep, s, sum, err);
	evalimport_free(in);
	return rc;
}

static FILE *sample(void)
{
	FILE *f = fopen(SAMPLE, "rb");
	cr_assert_not_null(f, "the sample %s (shared/ beside the repository)", SAMPLE);
	return f;
}

/* ---- the sample export ---- */

Test(evalimport, the_sample_columns_are_matched_by_text)
{
	lk_ctx *ctx = tl_ctx();
	sqlite3 *h = fx_open(ctx);
	int64_t run = fx_run(h, "evaluation");
	lk_questionnaire q;
	load_form(ctx, run, &q);
	FILE *f = sample();
	lk_evalimport *in = open_file(f, &q);
	cr_assert_not(evalimport_converted(in));
	cr_assert_eq(evalimport_ncolumns(in), 12);
	const lk_evalimport_column *c = evalimport_column(in, 0);
	cr_assert_str_eq(c->header, "Innsendt");
	cr_assert_eq(c->match, LK_EVALCOL_NONE);
	cr_assert_eq(c->question, -1);
	c = evalimport_column(in, 2);
	cr_assert_str_eq(c->header, "Kjønn");
	cr_assert_eq(c->match, LK_EVALCOL_TEXT);
	cr_assert_eq(c->question, 1);
	c = evalimport_column(in, 4);
	cr_assert_str_eq(c->header, "Hvor relevant var kurset for deg? (0-10)");
	cr_assert_eq(c->question, 4, "the trailing (0-10) is ignored");
	cr_assert_eq(evalimport_column(in, 11)->question, 11);
	cr_assert_str_eq(evalimport_column(in, 11)->header, "Hva bør endres?");
	cr_assert_eq(evalimport_column_of(in, 3), -1, "no column for 'Hvordan fikk du vite om kurset?'");
	cr_assert_eq(evalimport_column_of(in, 9), 9);
	cr_assert_null(evalimport_column(in, 12));
	evalimport_free(in);
	fclose(f);
	questionnaire_free(&q);
	sqlite3_close(h);
	ctx_close(ctx);
}

Test(evalimport, the_sample_preview_reports_bad_rows_by_line_and_writes_nothing)
{
	lk_ctx *ctx = tl_ctx();
	sqlite3 *h = fx_open(ctx);
	int64_t run = fx_run(h, "evaluation");
	lk_questionnaire q;
	load_form(ctx, run, &q);
	int64_t before = fx_fingerprint(h);
	FILE *f = sample();
	seen s = {0};
	lk_response_import_summary sum;
	lk_err err;
	cr_assert_eq(import_file(ctx, run, f, &q, (lk_import_opts){.dry_run = true}, &s, &sum, &err), 0, "%s", err.msg);
	cr_assert_eq(fx_fingerprint(h), before, "a dry run writes nothing");
	cr_assert_eq(sum.rows, 8);
	cr_assert_eq(sum.imported, 6);
	cr_assert_eq(sum.bad, 2);
	cr_assert_eq(sum.noted, 3);
	cr_assert_eq(sum.questionnaire_id, 1);
	/* Line 5 holds a two-line answer, so the rows after it start one line later. */
	int64_t lines[] = {2, 3, 4, 5, 7, 8, 9, 10};
	cr_assert_eq(s.n, 8);
	for (int i = 0; i < 8; i++)
		cr_assert_eq(s.line[i], lines[i], "row %d", i);
	cr_assert(s.bad[5]);
	cr_assert_str_eq(s.why[5], "Question 5 (\"Hvor relevant var kurset for deg? (0-10)\"): 11 is outside the scale 0 to 10.");
	cr_assert(s.bad[6]);
	cr_assert_str_eq(s.why[6], "Question 5 (\"Hvor relevant var kurset for deg? (0-10)\"): \"sju\" is not a whole number from 0 to 10.");
	cr_assert_not(s.bad[2]);
	cr_assert_str_eq(s.note[2], "Question 3 (\"Alder\"): \"40-50\" is none of the options; left blank.");
	cr_assert_str_eq(s.note[3], "Question 3 (\"Alder\"): \"over 70\" is none of the options; left blank.");
	cr_assert_str_eq(s.note[4], "Question 3 (\"Alder\"): \"20-39\" is none of the options; left blank.");
	cr_assert_str_eq(s.note[0], "");
	fclose(f);
	questionnaire_free(&q);
	sqlite3_close(h);
	ctx_close(ctx);
}

Test(evalimport, bad_rows_refuse_the_whole_import_unless_skipped)
{
	lk_ctx *ctx = tl_ctx();
	sqlite3 *h = fx_open(ctx);
	int64_t run = fx_run(h, "evaluation");
	lk_questionnaire q;
	load_form(ctx, run, &q);
	int64_t before = fx_fingerprint(h);
	FILE *f = sample();
	seen s = {0};
	lk_response_import_summary sum;
	lk_err err;
	cr_assert_eq(import_file(ctx, run, f, &q, (lk_import_opts){0}, &s, &sum, &err), -1);
	cr_assert_eq(err.code, LK_EINVAL);
	cr_assert_str_eq(err.msg, "2 rows cannot be imported; nothing was written.");
	cr_assert_eq(fx_fingerprint(h), before, "refused: nothing written");
	fclose(f);

	f = sample();
	memset(&s, 0, sizeof s);
	cr_assert_eq(import_file(ctx, run, f, &q, (lk_import_opts){.skip_bad = true}, &s, &sum, &err), 0, "%s", err.msg);
	cr_assert_eq(sum.imported, 6);
	cr_assert_eq(fx_int(h, "SELECT count(*) FROM response"), 6);
	cr_assert_eq(fx_int(h, "SELECT count(*) FROM response WHERE source = 'import' AND entered_by = 'koord' "
			      "AND questionnaire_id = 1"), 6);
	cr_assert_eq(fx_int(h, "SELECT count(*) FROM audit WHERE action = 'import' AND entity = 'run'"), 1);
	fclose(f);

	/* The sums of the six good rows (lines 2 3 4 5 7 10). Relevance 9 7 10
	 * 6 8 8: mean 48 / 6 = 8, median (8 + 8) / 2. Usefulness 8 7 9 _ 8 8:
	 * n 5, one blank, mean 8. */
	lk_results r;
	lk_result_query rq = {.scope = LK_RESULT_RUN, .id = run};
	cr_assert_eq(evalresult_get(ctx, &rq, &r, &err), 0, "%s", err.msg);
	cr_assert_eq(r.n_responses, 6);
	cr_assert_eq(r.questions[4].n, 6);
	cr_assert(fabs(r.questions[4].mean - 8.0) < 1e-9);
	cr_assert(fabs(r.questions[4].median - 8.0) < 1e-9);
	cr_assert_eq(r.questions[5].n, 5);
	cr_assert_eq(r.questions[5].blank, 1);
	cr_assert(fabs(r.questions[5].mean - 8.0) < 1e-9);
	cr_assert_eq(r.questions[2].n, 3, "three age bands matched none of the options");
	cr_assert_eq(r.questions[0].bars[1].count, 2, "Pårørende twice");
	cr_assert_eq(r.questions[3].n, 0, "no column: blank on every form");
	cr_assert_eq(r.questions[11].n, 4);
	evalresult_free(&r);
	cr_assert_eq(fx_int(h, "SELECT count(*) FROM answer WHERE value_text = 'Rommet var for varmt' || char(10) || 'og trangt'"), 1,
		"the two-line answer kept its line break");
	cr_assert_eq(fx_int(h, "SELECT count(*) FROM answer WHERE value_text = '\"Alt\"'"), 1);
	cr_assert_eq(fx_int(h, "SELECT count(*) FROM answer WHERE value_text = 'Mer om kosthold; og trening'"), 1);
	questionnaire_free(&q);
	sqlite3_close(h);
	ctx_close(ctx);
}

/* ---- matching by order, options, yes/no ---- */

/* A form of its own: scale 1..5, choice, yes/no, text. */
static void own_form(lk_ctx *ctx, lk_questionnaire *out)
{
	lk_err err;
	lk_questionnaire q = {.name = "Skjema – Bodø"};
	cr_assert_eq(questionnaire_create(ctx, &q, &err), 0, "%s", err.msg);
	char *opts[] = {"Pasient", "Pårørende", "Annet / vil ikke oppgi"};
	lk_question qs[] = {
		{.section = LK_SECTION_RATING, .kind = LK_QUESTION_SCALE, .text = "Nytte", .scale_min = 1, .scale_max = 5},
		{.section = LK_SECTION_BACKGROUND, .kind = LK_QUESTION_CHOICE, .text = "Jeg er", .n_options = 3, .options = opts},
		{.section = LK_SECTION_RATING, .kind = LK_QUESTION_YESNO, .text = "Anbefale?"},
		{.section = LK_SECTION_OPEN, .kind = LK_QUESTION_TEXT, .text = "Kommentar"},
	};
	for (int i = 0; i < 4; i++)
		cr_assert_eq(question_add(ctx, q.id, &qs[i], &err), 0, "%s", err.msg);
	cr_assert_eq(questionnaire_set_default(ctx, q.id, &err), 0, "%s", err.msg);
	cr_assert_eq(questionnaire_get(ctx, q.id, out, &err), 0, "%s", err.msg);
}

Test(evalimport, by_order_when_no_header_names_a_question)
{
	lk_ctx *ctx = tl_ctx();
	sqlite3 *h = fx_open(ctx);
	lk_questionnaire q;
	own_form(ctx, &q);
	fx_run(h, "execution");
	FILE *f = file_of("Tidspunkt,Respondent,Q1,Q2,Q3,Q4\r\n"
			  "2027-03-01,17,4,PÅRØRENDE,Ja,Бажаю більше практики\r\n"
			  "2027-03-01,18,5,annet,nei,\r\n"
			  "2027-03-01,19,3,1,YES,\"Flere\r\nlinjer\"\r\n");
	lk_evalimport *in = open_file(f, &q);
	cr_assert_eq(evalimport_column(in, 0)->match, LK_EVALCOL_NONE);
	cr_assert_eq(evalimport_column(in, 1)->match, LK_EVALCOL_NONE);
	cr_assert_eq(evalimport_column(in, 2)->match, LK_EVALCOL_ORDER);
	cr_assert_eq(evalimport_column(in, 2)->question, 0);
	cr_assert_eq(evalimport_column(in, 5)->question, 3);
	lk_response_row row;
	lk_err err;
	cr_assert_eq(evalimport_next(in, &row, &err), 1);
	cr_assert_eq(row.line, 2);
	cr_assert_null(row.problem);
	cr_assert_null(row.note);
	cr_assert_eq(row.n_answers, 4);
	cr_assert_eq(row.answers[0].value, 4);
	cr_assert_eq(row.answers[1].value, 2, "option labels in any case");
	cr_assert_eq(row.answers[2].value, 1);
	cr_assert_str_eq(row.answers[3].text, "Бажаю більше практики");
	cr_assert_eq(evalimport_next(in, &row, &err), 1);
	cr_assert_eq(row.answers[1].value, 3, "'annet' is one alternative of 'Annet / vil ikke oppgi'");
	cr_assert_eq(row.answers[2].value, 0);
	cr_assert_eq(evalimport_next(in, &row, &err), 1);
	cr_assert_eq(row.answers[1].value, 1, "an option's number");
	cr_assert_eq(row.answers[2].value, 1);
	cr_assert_str_eq(row.answers[3].text, "Flere\r\nlinjer");
	cr_assert_eq(evalimport_next(in, &row, &err), 0);
	evalimport_free(in);
	fclose(f);
	questionnaire_free(&q);
	sqlite3_close(h);
	ctx_close(ctx);
}

Test(evalimport, fewer_columns_than_questions_go_to_the_first_questions)
{
	lk_ctx *ctx = tl_ctx();
	sqlite3 *h = fx_open(ctx);
	lk_questionnaire q;
	own_form(ctx, &q);
	FILE *f = file_of("a;b\n3;Pasient\n");
	lk_evalimport *in = open_file(f, &q);
	cr_assert_eq(evalimport_column(in, 0)->question, 0);
	cr_assert_eq(evalimport_column(in, 1)->question, 1);
	cr_assert_eq(evalimport_column_of(in, 2), -1);
	evalimport_free(in);
	fclose(f);
	questionnaire_free(&q);
	sqlite3_close(h);
	ctx_close(ctx);
}

Test(evalimport, unknown_words_are_left_blank_with_a_note)
{
	lk_ctx *ctx = tl_ctx();
	sqlite3 *h = fx_open(ctx);
	lk_questionnaire q;
	own_form(ctx, &q);
	FILE *f = file_of("Nytte;JEG ER;Anbefale?\n2;Barnebarn;kanskje\n");
	lk_evalimport *in = open_file(f, &q);
	cr_assert_eq(evalimport_column(in, 1)->match, LK_EVALCOL_TEXT);
	lk_response_row row;
	lk_err err;
	cr_assert_eq(evalimport_next(in, &row, &err), 1);
	cr_assert_null(row.problem);
	cr_assert_eq(row.n_answers, 1);
	cr_assert_str_eq(row.note, "Question 2 (\"JEG ER\"): \"Barnebarn\" is none of the options; left blank. "
				   "Question 3 (\"Anbefale?\"): \"kanskje\" is neither yes nor no; left blank.");
	evalimport_free(in);
	fclose(f);
	questionnaire_free(&q);
	sqlite3_close(h);
	ctx_close(ctx);
}

Test(evalimport, malformed_rows_and_headers)
{
	lk_ctx *ctx = tl_ctx();
	sqlite3 *h = fx_open(ctx);
	lk_questionnaire q;
	own_form(ctx, &q);
	lk_err err;
	lk_evalimport *in = NULL;

	FILE *f = file_of("");
	cr_assert_eq(evalimport_open(f, q.questions, q.n_questions, &in, &err), -1);
	cr_assert_eq(err.code, LK_EINVAL);
	cr_assert_null(in);
	fclose(f);

	f = file_of("Nytte;nytte (1-5);Kommentar\n1;2;x\n");
	cr_assert_eq(evalimport_open(f, q.questions, q.n_questions, &in, &err), -1);
	cr_assert_eq(err.code, LK_EINVAL);
	cr_assert_str_eq(err.msg, "Line 1: the columns \"Nytte\" and \"nytte (1-5)\" are both question 1; remove or rename one of them.");
	fclose(f);

	f = file_of("Nytte;Kommentar\n1;2;3\n;;\n4;\"a;b\"\n-1;\n99999999999;x\n");
	in = open_file(f, &q);
	lk_response_row row;
	cr_assert_eq(evalimport_next(in, &row, &err), 1);
	cr_assert_str_eq(row.problem, "The row has more fields than the header has columns; a field with the separator in it must be in quotes.");
	cr_assert_eq(evalimport_next(in, &row, &err), 1);
	cr_assert_eq(row.line, 4, "the blank row is skipped");
	cr_assert_null(row.problem);
	cr_assert_str_eq(row.answers[1].text, "a;b");
	cr_assert_eq(evalimport_next(in, &row, &err), 1);
	cr_assert_str_eq(row.problem, "Question 1 (\"Nytte\"): -1 is outside the scale 1 to 5.");
	cr_assert_eq(evalimport_next(in, &row, &err), 1);
	cr_assert_str_eq(row.problem, "Question 1 (\"Nytte\"): \"99999999999\" is not a whole number from 1 to 5.");
	cr_assert_eq(evalimport_next(in, &row, &err), 0);
	evalimport_free(in);
	fclose(f);

	cr_assert_eq(evalimport_open(stdin, NULL, 0, &in, &err), -1, "no questions");
	cr_assert_eq(err.code, LK_EINVAL);
	questionnaire_free(&q);
	sqlite3_close(h);
	ctx_close(ctx);
}

Test(evalimport, a_windows_1252_file_is_converted)
{
	lk_ctx *ctx = tl_ctx();
	sqlite3 *h = fx_open(ctx);
	lk_questionnaire q;
	own_form(ctx, &q);
	FILE *f = file_of("Nytte;Jeg er;Kommentar\r\n5;P\xE5r\xF8rende;S\xE6rdeles bra\r\n");
	lk_evalimport *in = open_file(f, &q);
	cr_assert(evalimport_converted(in));
	lk_response_row row;
	lk_err err;
	cr_assert_eq(evalimport_next(in, &row, &err), 1);
	cr_assert_eq(row.answers[1].value, 2);
	cr_assert_str_eq(row.answers[2].text, "Særdeles bra");
	evalimport_free(in);
	fclose(f);
	questionnaire_free(&q);
	sqlite3_close(h);
	ctx_close(ctx);
}

/* ---- the import's refusals ---- */

Test(evalimport, refusals_leave_the_database_unchanged)
{
	lk_ctx *ctx = tl_ctx();
	sqlite3 *h = fx_open(ctx);
	lk_questionnaire q;
	own_form(ctx, &q);
	int64_t run = fx_run(h, "evaluation"), early = fx_run(h, "registration");
	lk_ctx *staff = tl_ctx_as(ctx, "vert", LK_ROLE_STAFF);
	lk_ctx *rep = tl_ctx_as(ctx, "asa", LK_ROLE_USER_REP);
	int64_t before = fx_fingerprint(h);
	const char *good = "Nytte;Kommentar\n4;Fint\n5;\n";
	lk_err err;
	seen s = {0};
	lk_response_import_summary sum;

	FILE *f = file_of(good);
	cr_assert_eq(import_file(staff, run, f, &q, (lk_import_opts){0}, &s, &sum, &err), -1);
	cr_assert_eq(err.code, LK_EPERM);
	fclose(f);
	f = file_of(good);
	cr_assert_eq(import_file(ctx, 9999, f, &q, (lk_import_opts){0}, &s, &sum, &err), -1);
	cr_assert_eq(err.code, LK_ENOTFOUND);
	fclose(f);
	f = file_of(good);
	cr_assert_eq(import_file(ctx, early, f, &q, (lk_import_opts){0}, &s, &sum, &err), -1);
	cr_assert_eq(err.code, LK_ERULE);
	cr_assert(strstr(err.msg, "under way"), "%s", err.msg);
	fclose(f);
	f = file_of("Nytte;Kommentar\n");
	cr_assert_eq(import_file(ctx, run, f, &q, (lk_import_opts){0}, &s, &sum, &err), -1);
	cr_assert_eq(err.code, LK_EINVAL);
	cr_assert_str_eq(err.msg, "The file has no rows to import.");
	fclose(f);
	/* A form with nothing answered is refused by response_add: a bad row. */
	f = file_of("Nytte;Kommentar;Tid\n4;Fint;1\n;;2\n");
	cr_assert_eq(import_file(ctx, run, f, &q, (lk_import_opts){0}, &s, &sum, &err), -1);
	cr_assert_eq(sum.bad, 1);
	cr_assert_str_eq(s.why[s.n - 1], "The form has no answers; there is nothing to save.");
	fclose(f);
	/* Stopped half-way by the caller: nothing written. */
	f = file_of(good);
	s = (seen){.stop_after = 1};
	cr_assert_eq(import_file(ctx, run, f, &q, (lk_import_opts){0}, &s, &sum, &err), -1);
	cr_assert_eq(err.code, LK_EINVAL);
	fclose(f);
	cr_assert_eq(fx_fingerprint(h), before, "every refusal left the database as it was");

	/* A user representative may import. */
	f = file_of(good);
	s = (seen){0};
	cr_assert_eq(import_file(rep, run, f, &q, (lk_import_opts){0}, &s, &sum, &err), 0, "%s", err.msg);
	cr_assert_eq(sum.imported, 2);
	cr_assert_eq(fx_int(h, "SELECT count(*) FROM response WHERE entered_by = 'asa'"), 2);
	fclose(f);
	ctx_close(staff);
	ctx_close(rep);
	questionnaire_free(&q);
	sqlite3_close(h);
	ctx_close(ctx);
}

/* ---- the report of the imported sample (evalreport.h) ---- */

/* The sample imported into a new run (the six good forms). */
static int64_t imported_sample(lk_ctx *ctx, sqlite3 *h)
{
	int64_t run = fx_run(h, "evaluation");
	lk_questionnaire q;
	load_form(ctx, run, &q);
	FILE *f = sample();
	seen s = {0};
	lk_response_import_summary sum;
	lk_err err;
	cr_assert_eq(import_file(ctx, run, f, &q, (lk_import_opts){.skip_bad = true}, &s, &sum, &err), 0, "%s", err.msg);
	fclose(f);
	questionnaire_free(&q);
	return run;
}

/* The CSV of run_id as text (caller frees). */
static char *report_csv(lk_ctx *ctx, int64_t run, lk_evalreport_result *res)
{
	FILE *f = tmpfile();
	lk_csv_writer *w;
	lk_err err;
	cr_assert_eq(csv_writer_open(f, LK_CSV_RFC4180, &w, &err), 0, "%s", err.msg);
	cr_assert_eq(evalreport_write_csv(ctx, run, w, res, &err), 0, "%s", err.msg);
	cr_assert_eq(csv_writer_close(w, &err), 0, "%s", err.msg);
	long n = ftell(f);
	rewind(f);
	char *s = calloc((size_t)n + 1, 1);
	cr_assert_eq(fread(s, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	return s;
}

Test(evalimport, report_csv_one_row_per_question)
{
	lk_ctx *ctx = tl_ctx();
	sqlite3 *h = fx_open(ctx);
	int64_t run = imported_sample(ctx, h);
	lk_evalreport_result res;
	char *csv = report_csv(ctx, run, &res);
	cr_assert_eq(res.responses, 6);
	cr_assert_eq(res.questions, 12);
	cr_assert_not(res.counts_only);
	cr_assert(strstr(csv, "No.,Section,Kind,Question,Answered,Left blank,Mean,Median,0,1,2,3,4,5,6,7,8,9,10,Values,Note\r\n") == csv,
		"%s", csv);
	/* Usefulness 8 7 9 _ 8 8: n 5, blank 1, mean 8, one 7, three 8s, one 9. */
	cr_assert(strstr(csv, "\r\n6,rating,scale,Hvor nyttig er det du lærte i hverdagen?,5,1,8.00,8.00,0,0,0,0,0,0,0,1,3,1,0,"
			      "0 = Lite nyttig; 10 = Svært nyttig,\r\n"), "%s", csv);
	/* Cooperation 10 8 9 7 9 9: mean 52 / 6 = 8.67, median (9 + 9) / 2. */
	cr_assert(strstr(csv, ",Samarbeidet mellom fagperson og brukerrepresentant,6,0,8.67,9.00,"), "%s", csv);
	free(csv);

	/* Below the minimum: counts and the reason, nothing else. */
	ctx->settings.min_answers = 7;
	csv = report_csv(ctx, run, &res);
	cr_assert(res.counts_only);
	cr_assert(strstr(csv, "\r\n6,rating,scale,Hvor nyttig er det du lærte i hverdagen?,5,1,,,,,,,,,,,,,,"
			      "0 = Lite nyttig; 10 = Svært nyttig,\"Fewer than 7 answers: only the number of forms is shown, "
			      "so that no one can be recognised.\"\r\n"), "%s", csv);
	free(csv);
	sqlite3_close(h);
	ctx_close(ctx);
}

static char *pdf_text_of(const char *path)
{
	char cmd[600];
	snprintf(cmd, sizeof cmd, "pdftotext -q -enc UTF-8 '%s' - | tr '\\n' ' ' | tr -s ' '", path);
	FILE *p = popen(cmd, "r");
	cr_assert_not_null(p);
	size_t cap = 1 << 16, n = 0;
	char *s = malloc(cap);
	size_t got;
	while ((got = fread(s + n, 1, cap - n - 1, p)) > 0) {
		n += got;
		if (n + 1 == cap)
			s = realloc(s, cap *= 2);
	}
	s[n] = '\0';
	cr_assert_eq(pclose(p), 0, "pdftotext failed");
	return s;
}

Test(evalimport, report_pdf_is_private_and_holds_the_means)
{
	lk_ctx *ctx = tl_ctx();
	sqlite3 *h = fx_open(ctx);
	int64_t run = imported_sample(ctx, h);
	char path[512];
	snprintf(path, sizeof path, "%s/evaluering-%lld.pdf", tl_tmpdir(), (long long)run);
	lk_evalreport_result res;
	lk_err err;
	lk_evalreport_opts opts = {.organisation = "LMS Tromsø – Sámi giellaguovddáš"};
	cr_assert_eq(evalreport_write_pdf(ctx, run, path, &opts, &res, &err), 0, "%s", err.msg);
	cr_assert_geq(res.pages, 2);
	cr_assert_eq(res.responses, 6);
	struct stat sb;
	cr_assert_eq(stat(path, &sb), 0);
	cr_assert_eq(sb.st_mode & 0777, 0600);
	char *text = pdf_text_of(path);
	const char *want[] = {"LMS Tromsø – Sámi giellaguovddáš", "Evaluation report", "Hjerte i rute – Tromsø",
		"No response rate yet", "5. Hvor relevant var kurset for deg?",
		"Answered: 6 · left blank: 0 · mean 8.0 · median 8", "0 (Lite relevant)", "10 (Svært relevant)",
		"12. Hva bør endres?", "Mer om kosthold; og trening", "Rommet var for varmt og trangt",
		"No facilitator has written an evaluation of this run.", "No evaluation meeting is recorded for this run."};
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
		cr_assert(strstr(text, want[i]), "the PDF lacks \"%s\": %s", want[i], text);
	free(text);

	/* Staff may not: refused, and no file. */
	lk_ctx *staff = tl_ctx_as(ctx, "vert", LK_ROLE_STAFF);
	char other[512];
	snprintf(other, sizeof other, "%s/staff.pdf", tl_tmpdir());
	cr_assert_eq(evalreport_write_pdf(staff, run, other, NULL, &res, &err), -1);
	cr_assert_eq(err.code, LK_EPERM);
	cr_assert_neq(stat(other, &sb), 0, "no file for a refused report");
	cr_assert_eq(evalreport_write_pdf(ctx, 9999, other, NULL, &res, &err), -1);
	cr_assert_eq(err.code, LK_ENOTFOUND);
	cr_assert_neq(stat(other, &sb), 0);
	ctx_close(staff);
	sqlite3_close(h);
	ctx_close(ctx);
}
