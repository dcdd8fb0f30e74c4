/*
 * fuzz_evalimport.c — libFuzzer target for the evaluation import's reader
 * (evalimport.h): whatever bytes a survey export holds, matching its header
 * and reading its rows must end in forms or an error, never a crash, a leak
 * or a read out of bounds. Every form read is also checked against the
 * questionnaire (with abort(), so libFuzzer reports a breach as a crash):
 * at most one answer per question, scale values within the scale, options
 * within 1..n, yes/no 0 or 1, text only for text questions, each column on
 * at most one question. The questionnaire is built in memory: no database.
 * `make fuzz` builds and runs it from tests/fuzz/corpus/evalimport.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lmskurs/evalimport.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char *choice_opts[] = {"Pasient", "Pårørende", "Annet / vil ikke oppgi"};
static char *age_opts[] = {"Under 20", "20-30", "31-40", "41-50", "51-60", "Over 60"};

/* The shape of the shipped default form, smaller. */
static const lk_question questions[] = {
	{.id = 11, .position = 1, .kind = LK_QUESTION_CHOICE, .text = "Jeg er", .n_options = 3, .options = choice_opts},
	{.id = 12, .position = 2, .kind = LK_QUESTION_CHOICE, .text = "Alder", .n_options = 6, .options = age_opts},
	{.id = 13, .position = 3, .kind = LK_QUESTION_SCALE, .text = "Hvor relevant var kurset for deg?",
		.scale_min = 0, .scale_max = 10},
	{.id = 14, .position = 4, .kind = LK_QUESTION_SCALE, .text = "Totalt sett", .scale_min = -3, .scale_max = 3},
	{.id = 15, .position = 5, .kind = LK_QUESTION_YESNO, .text = "Vil du anbefale kurset?"},
	{.id = 16, .position = 6, .kind = LK_QUESTION_TEXT, .text = "Hva var bra?"},
};
enum { NQ = sizeof questions / sizeof questions[0] };

static FILE *stream_of(const void *data, size_t size)
{
	FILE *f = tmpfile();
	if (!f || fwrite(data, 1, size, f) != size)
		abort();
	rewind(f);
	return f;
}

static int question_index(int64_t id)
{
	for (int i = 0; i < NQ; i++)
		if (questions[i].id == id)
			return i;
	abort(); /* an answer to a question that is not on the form */
}

static void check_answer(const lk_answer *a)
{
	const lk_question *q = &questions[question_index(a->question_id)];
	switch (q->kind) {
	case LK_QUESTION_SCALE:
		if (a->text || a->value < q->scale_min || a->value > q->scale_max)
			abort();
		break;
	case LK_QUESTION_CHOICE:
		if (a->text || a->value < 1 || a->value > q->n_options)
			abort();
		break;
	case LK_QUESTION_YESNO:
		if (a->text || (a->value != 0 && a->value != 1))
			abort();
		break;
	default:
		if (!a->text)
			abort();
	}
}

static void check_row(const lk_response_row *row)
{
	int seen[NQ] = {0};
	if (row->n_answers < 0 || row->n_answers > NQ || row->line < 1)
		abort();
	for (int i = 0; i < row->n_answers; i++) {
		if (seen[question_index(row->answers[i].question_id)]++)
			abort();
		check_answer(&row->answers[i]);
	}
	if ((row->problem && !*row->problem) || (row->note && !*row->note))
		abort();
}

static void check_columns(const lk_evalimport *in)
{
	for (int i = 0; i < evalimport_ncolumns(in); i++) {
		const lk_evalimport_column *c = evalimport_column(in, i);
		if (!c || !c->header || c->question < -1 || c->question >= NQ)
			abort();
		if (c->question >= 0 && evalimport_column_of(in, c->question) != i)
			abort();
		if ((c->question < 0) != (c->match == LK_EVALCOL_NONE))
			abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	FILE *f = stream_of(data, size);
	lk_evalimport *in = NULL;
	if (evalimport_open(f, questions, NQ, &in, NULL) == 0) {
		check_columns(in);
		lk_response_row row;
		while (evalimport_next(in, &row, NULL) == 1)
			check_row(&row);
	}
	evalimport_free(in);
	fclose(f);
	return 0;
}
