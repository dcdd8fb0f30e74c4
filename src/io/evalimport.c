/*
 * evalimport.c — a survey's CSV export to evaluation forms (evalimport.h).
 * Bytes, quotes and encodings are csv.c's; here we only know which column
 * answers which question and how a cell becomes an answer.
 */
#include "lmskurs/evalimport.h"

#include <stdlib.h>
#include <string.h>

#include "lmskurs/csv.h"
#include "lmskurs/evalresult.h"
#include "lmskurs/i18n.h"
#include "lmskurs/text.h"

enum { HEADER_SHOWN = 48, VALUE_SHOWN = 24 };

struct lk_evalimport {
	lk_csv_reader *csv;
	const lk_question *qs;
	int nq, ncols;
	lk_evalimport_column *cols;
	int *col_of;              /* per question: its column, -1 none */
	lk_answer *answers;       /* nq of room */
	int n_answers;
	char problem[LK_ERR_MSG_MAX];
	char *note;               /* this row's notes, "" when none; owned */
	size_t note_len, note_cap;
};

void evalimport_free(lk_evalimport *in)
{
	if (!in)
		return;
	csv_reader_free(in->csv);
	for (int i = 0; in->cols && i < in->ncols; i++)
		free((char *)in->cols[i].header);
	free(in->cols);
	free(in->col_of);
	free(in->answers);
	free(in->note);
	free(in);
}

int evalimport_ncolumns(const lk_evalimport *in) { return in->ncols; }

const lk_evalimport_column *evalimport_column(const lk_evalimport *in, int i)
{
	return i >= 0 && i < in->ncols ? &in->cols[i] : NULL;
}

int evalimport_column_of(const lk_evalimport *in, int question)
{
	return question >= 0 && question < in->nq ? in->col_of[question] : -1;
}

bool evalimport_converted(const lk_evalimport *in)
{
	return csv_reader_encoding(in->csv) == LK_CSV_CP1252;
}

/* ---- the header ---- */

static void link_column(lk_evalimport *in, int col, int question, lk_evalcol_match how)
{
	in->cols[col].match = how;
	in->cols[col].question = question;
	in->col_of[question] = col;
}

/* The question whose text header names, -1 when none; -2 when out of memory. */
static int question_named(const lk_evalimport *in, const char *header)
{
	char *key = evalresult_question_key(header);
	if (!key)
		return -2;
	int found = -1;
	for (int j = 0; *key && found < 0 && j < in->nq; j++)
		if (evalresult_same_question(key, in->qs[j].text))
			found = j;
	free(key);
	return found;
}

static int match_by_text(lk_evalimport *in, int64_t line, int *matched, lk_err *err)
{
	*matched = 0;
	for (int i = 0; i < in->ncols; i++) {
		int j = question_named(in, in->cols[i].header);
		if (j == -2)
			return lk_fail(err, LK_ENOMEM, _("Out of memory."));
		if (j < 0)
			continue;
		if (in->col_of[j] >= 0)
			return lk_fail(err, LK_EINVAL, _("Line %lld: the columns \"%s\" and \"%s\" are both question %d; remove or rename one of them."),
				(long long)line, in->cols[in->col_of[j]].header, in->cols[i].header, in->qs[j].position);
		link_column(in, i, j, LK_EVALCOL_TEXT);
		++*matched;
	}
	return 0;
}

/* The last nq columns are the questions; or the first columns the first
 * questions when there are fewer columns than questions. */
static void match_by_order(lk_evalimport *in)
{
	int first = in->ncols >= in->nq ? in->ncols - in->nq : 0;
	for (int i = first, j = 0; i < in->ncols && j < in->nq; i++, j++)
		link_column(in, i, j, LK_EVALCOL_ORDER);
}

static int alloc_columns(lk_evalimport *in, const lk_csv_record *h)
{
	in->ncols = (int)h->n;
	in->cols = calloc(h->n, sizeof *in->cols);
	in->col_of = malloc((size_t)in->nq * sizeof *in->col_of);
	in->answers = calloc((size_t)in->nq, sizeof *in->answers);
	in->note = calloc(1, 1);
	if (!in->cols || !in->col_of || !in->answers || !in->note)
		return -1;
	for (int j = 0; j < in->nq; j++)
		in->col_of[j] = -1;
	for (size_t i = 0; i < h->n; i++) {
		in->cols[i].question = -1;
		if (!(in->cols[i].header = strdup(h->fields[i])))
			return -1;
	}
	return 0;
}

static int read_header(lk_evalimport *in, lk_err *err)
{
	lk_csv_record h;
	int got = csv_read(in->csv, &h, err), matched = 0;
	if (got == 0)
		return lk_fail(err, LK_EINVAL, _("The file is empty: there is not even a header row."));
	if (got < 0)
		return -1;
	if (alloc_columns(in, &h) < 0)
		return lk_fail(err, LK_ENOMEM, _("Out of memory."));
	if (match_by_text(in, h.line, &matched, err) < 0)
		return -1;
	if (matched == 0)
		match_by_order(in);
	return 0;
}

int evalimport_open(FILE *f, const lk_question *questions, int n, lk_evalimport **out,
	lk_err *err)
{
	*out = NULL;
	if (n <= 0 || !questions)
		return lk_fail(err, LK_EINVAL, _("The questionnaire has no questions to import answers to."));
	lk_evalimport *in = calloc(1, sizeof *in);
	if (!in)
		return lk_fail(err, LK_ENOMEM, _("Out of memory."));
	in->qs = questions;
	in->nq = n;
	if (csv_reader_open(f, 0, &in->csv, err) < 0 || read_header(in, err) < 0) {
		evalimport_free(in);
		return -1;
	}
	*out = in;
	return 0;
}

/* ---- what a message shows of a column and a value ---- */

/* s cut to at most max bytes at a character boundary, "…" added when cut. */
static void cut(char *buf, size_t len, const char *s, size_t max)
{
	size_t n = strlen(s);
	if (n <= max) {
		snprintf(buf, len, "%s", s);
		return;
	}
	while (n > 0 && (n > max || ((unsigned char)s[n] & 0xC0) == 0x80))
		n--;
	snprintf(buf, len, "%.*s…", (int)n, s);
}

/* "Question 5 ("Hvor relevant var …")" for question j. */
static void question_label(const lk_evalimport *in, int j, char *buf, size_t len)
{
	char head[HEADER_SHOWN + 8];
	cut(head, sizeof head, in->cols[in->col_of[j]].header, HEADER_SHOWN);
	snprintf(buf, len, _("Question %d (\"%s\")"), in->qs[j].position, head);
}

/* The value in quotes when it is short and printable, else "the answer". */
static void value_label(const char *v, char *buf, size_t len)
{
	bool plain = strlen(v) <= VALUE_SHOWN;
	for (const unsigned char *p = (const unsigned char *)v; plain && *p; p++)
		plain = *p >= 0x20 && *p != 0x7F;
	if (plain)
		snprintf(buf, len, "\"%s\"", v);
	else
		snprintf(buf, len, "%s", _("the answer"));
}

static void add_note(lk_evalimport *in, const char *s)
{
	size_t n = strlen(s), need = in->note_len + n + 2;
	if (need > in->note_cap) {
		char *p = realloc(in->note, need * 2);
		if (!p)
			return; /* a note less; the row itself is still right */
		in->note = p;
		in->note_cap = need * 2;
	}
	if (in->note_len)
		in->note[in->note_len++] = ' ';
	memcpy(in->note + in->note_len, s, n + 1);
	in->note_len += n;
}

/* ---- cells ---- */

/* A whole number of at most 9 digits with an optional '-'. */
static bool parse_int(const char *s, int64_t *v)
{
	const char *p = s + (*s == '-');
	size_t digits = strspn(p, "0123456789");
	if (digits == 0 || digits > 9 || p[digits])
		return false;
	*v = strtoll(s, NULL, 10);
	return true;
}

/* label "Annet / vil ikke oppgi" has the alternatives "Annet" and "vil
 * ikke oppgi": true when w is one of them. */
static bool is_alternative(const char *label, const char *w)
{
	if (!strchr(label, '/'))
		return false;
	char *copy = strdup(label), *save = NULL;
	bool found = false;
	for (char *part = copy ? strtok_r(copy, "/", &save) : NULL; part && !found;
	     part = strtok_r(NULL, "/", &save)) {
		char *t = text_trim_dup(part);
		found = t && *t && text_equal_fold(t, w);
		free(t);
	}
	free(copy);
	return found;
}

/* The option number w names, 0 when none. */
static int64_t option_of(const lk_question *q, const char *w)
{
	int64_t v;
	for (int k = 0; k < q->n_options; k++)
		if (text_equal_fold(w, q->options[k]))
			return k + 1;
	for (int k = 0; k < q->n_options; k++)
		if (is_alternative(q->options[k], w))
			return k + 1;
	return parse_int(w, &v) && v >= 1 && v <= q->n_options ? v : 0;
}

static const char *const yes_words[] = {"ja", "yes", "j", "y", "1", "true", "sant"};
static const char *const no_words[] = {"nei", "no", "n", "0", "false", "usant"};

/* 1 yes, 0 no, -1 neither. */
static int yesno_of(const char *w)
{
	for (size_t i = 0; i < sizeof yes_words / sizeof *yes_words; i++)
		if (text_equal_fold(w, yes_words[i]))
			return 1;
	for (size_t i = 0; i < sizeof no_words / sizeof *no_words; i++)
		if (text_equal_fold(w, no_words[i]))
			return 0;
	return -1;
}

static void answer(lk_evalimport *in, int j, int64_t value, const char *text)
{
	in->answers[in->n_answers++] = (lk_answer){.question_id = in->qs[j].id, .value = value,
		.text = (char *)text};
}

/* A scale cell w (trimmed, not empty): the answer, or the row's problem. */
static void read_scale(lk_evalimport *in, int j, const char *w)
{
	const lk_question *q = &in->qs[j];
	char what[HEADER_SHOWN + 64], val[VALUE_SHOWN + 8];
	int64_t v;
	question_label(in, j, what, sizeof what);
	if (!parse_int(w, &v)) {
		value_label(w, val, sizeof val);
		snprintf(in->problem, sizeof in->problem, _("%s: %s is not a whole number from %d to %d."),
			what, val, q->scale_min, q->scale_max);
	} else if (v < q->scale_min || v > q->scale_max) {
		snprintf(in->problem, sizeof in->problem, _("%s: %lld is outside the scale %d to %d."),
			what, (long long)v, q->scale_min, q->scale_max);
	} else {
		answer(in, j, v, NULL);
	}
}

/* A choice or yes/no cell: the answer, or a note that it was left blank. */
static void read_option(lk_evalimport *in, int j, const char *w)
{
	const lk_question *q = &in->qs[j];
	int64_t v = q->kind == LK_QUESTION_CHOICE ? option_of(q, w) - 1 : yesno_of(w);
	if (v >= 0) {
		answer(in, j, q->kind == LK_QUESTION_CHOICE ? v + 1 : v, NULL);
		return;
	}
	char what[HEADER_SHOWN + 64], val[VALUE_SHOWN + 8], note[LK_ERR_MSG_MAX];
	question_label(in, j, what, sizeof what);
	value_label(w, val, sizeof val);
	snprintf(note, sizeof note, q->kind == LK_QUESTION_CHOICE
		? _("%s: %s is none of the options; left blank.")
		: _("%s: %s is neither yes nor no; left blank."), what, val);
	add_note(in, note);
}

static int read_cell(lk_evalimport *in, int j, const char *cell)
{
	if (in->qs[j].kind == LK_QUESTION_TEXT) {
		answer(in, j, 0, cell); /* response_add trims and leaves white space out */
		return 0;
	}
	char *w = text_trim_dup(cell);
	if (!w)
		return -1;
	if (*w && in->qs[j].kind == LK_QUESTION_SCALE)
		read_scale(in, j, w);
	else if (*w)
		read_option(in, j, w);
	free(w);
	return 0;
}

/* ---- rows ---- */

static bool blank(const char *s)
{
	for (; *s; s++)
		if (!strchr(" \t\r\n", *s))
			return false;
	return true;
}

static bool all_blank(const lk_csv_record *r, size_t from)
{
	for (size_t i = from; i < r->n; i++)
		if (!blank(r->fields[i]))
			return false;
	return true;
}

static int read_cells(lk_evalimport *in, const lk_csv_record *r, lk_err *err)
{
	for (int j = 0; j < in->nq && !in->problem[0]; j++) {
		int c = in->col_of[j];
		if (c >= 0 && (size_t)c < r->n && read_cell(in, j, r->fields[c]) < 0)
			return lk_fail(err, LK_ENOMEM, _("Out of memory."));
	}
	return 0;
}

static int row_fill(lk_evalimport *in, const lk_csv_record *r, lk_response_row *row, lk_err *err)
{
	in->n_answers = 0;
	in->problem[0] = '\0';
	in->note_len = 0;
	in->note[0] = '\0';
	if (r->n > (size_t)in->ncols && !all_blank(r, (size_t)in->ncols))
		snprintf(in->problem, sizeof in->problem, "%s",
			_("The row has more fields than the header has columns; a field with the separator in it must be in quotes."));
	else if (read_cells(in, r, err) < 0)
		return -1;
	*row = (lk_response_row){.line = r->line, .answers = in->answers, .n_answers = in->n_answers,
		.problem = in->problem[0] ? in->problem : NULL, .note = in->note_len ? in->note : NULL};
	return 1;
}

int evalimport_next(void *arg, lk_response_row *row, lk_err *err)
{
	lk_evalimport *in = arg;
	for (;;) {
		lk_csv_record r;
		int got = csv_read(in->csv, &r, err);
		if (got <= 0)
			return got;
		if (!all_blank(&r, 0))
			return row_fill(in, &r, row, err);
	}
}
