/*
 * evalimport.h — evaluation forms from an electronic survey's CSV export:
 * the io half of `evaluation import` (the transaction is core's:
 * response_import.h).
 *
 *   FILE* + the questionnaire's questions ──evalimport_open: csv reader
 *       (BOM, ';' or ',', Windows-1252), header row, columns matched to
 *       questions──▶ lk_evalimport
 *   ──evalimport_column / evalimport_column_of──▶ the mapping, for a preview
 *   ──evalimport_next (an lk_response_next for response_import)──▶ one
 *       form per record, with its line, a problem or a note
 *
 * Matching columns to questions. By text first: a header names a question
 * when both are the same by evalresult_same_question (case, spaces and
 * punctuation ignored, and a trailing "(0-10)"). Failing that — no header
 * names any question — by order: the last n columns of the file are the
 * form's n questions in order (columns before them, such as a timestamp or
 * a respondent number, are left out); a file with fewer columns than the
 * form has questions gives them to its first questions. Columns that match
 * nothing are left out (the preview lists them); questions without a
 * column are left blank on every form.
 *
 * Reading a cell (blank or white space: the question left blank):
 * - scale: a whole number within the scale; anything else (a word, 11 on a
 *   0–10 scale) is a problem: the row is left out.
 * - choice: an option's label in any case, or one of the alternatives of a
 *   label written "Annet / vil ikke oppgi", or the option's number. A word
 *   that is none of them is left blank with a note (the row is kept: a
 *   survey's own age bands should not throw away the ratings).
 * - yes/no: ja, nei, yes, no, j, n, y, 1, 0, true, false, sant, usant (any
 *   case); anything else is left blank with a note.
 * - text: as written (several lines allowed; CRLF becomes LF when saved).
 * A record with more non-empty fields than the header has columns is a
 * problem; records with every field blank are skipped.
 */
#ifndef LMSKURS_EVALIMPORT_H
#define LMSKURS_EVALIMPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "lmskurs/questionnaire.h"
#include "lmskurs/response_import.h"

typedef enum lk_evalcol_match {
	LK_EVALCOL_NONE,  /* left out */
	LK_EVALCOL_TEXT,  /* its header names the question */
	LK_EVALCOL_ORDER, /* its place in the file gives the question */
} lk_evalcol_match;

typedef struct lk_evalimport_column {
	const char *header;     /* the header cell as written (UTF-8) */
	lk_evalcol_match match;
	int question;           /* index into the questions given, -1 when left out */
} lk_evalimport_column;

typedef struct lk_evalimport lk_evalimport;

/* Reads the header of the CSV in f and matches its columns to questions[0..
 * n-1] (a questionnaire's questions in form order, e.g. from
 * questionnaire_get), which stay the caller's and must outlive *out.
 * Refused (LK_EINVAL): an empty file, a form without questions, two
 * columns naming the same question, and whatever the CSV reader refuses.
 * f stays the caller's. Caller frees with evalimport_free. */
int evalimport_open(FILE *f, const lk_question *questions, int n, lk_evalimport **out,
	lk_err *err);

/* The header's columns, in file order. */
int evalimport_ncolumns(const lk_evalimport *in);
const lk_evalimport_column *evalimport_column(const lk_evalimport *in, int i);

/* The column (index) that question i was matched to, or -1 when none. */
int evalimport_column_of(const lk_evalimport *in, int question);

/* True when the file was not UTF-8 and was converted from Windows-1252. */
bool evalimport_converted(const lk_evalimport *in);

/* The next form (an lk_response_next: arg is the lk_evalimport): 1 and
 * *row (everything in it owned by in, valid until the next call), 0 at the
 * end, -1 with err when the file cannot be read on (its line in the
 * message). */
int evalimport_next(void *in, lk_response_row *row, lk_err *err);

/* Frees in (NULL is fine); the FILE* stays open. */
void evalimport_free(lk_evalimport *in);

#endif
