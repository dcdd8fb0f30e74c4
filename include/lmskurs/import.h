/*
 * import.h — participant lists in and out of CSV files: the io half of
 * `participants import` and `participants export` (the transaction is
 * core's: enroll_import.h).
 *
 *   FILE* ──import_file_open: csv reader, header row, which column is
 *           what──▶ lk_import_file
 *         ──import_file_next (an lk_import_next for enroll_import)──▶
 *           one lk_import_row per record, with its line and any problem
 *   lk_enroll_contact ──export_write_header / export_write_row──▶ csv writer
 *
 * Column names are recognised in Norwegian and English, case-insensitively
 * and ignoring spaces and punctuation: name / navn / fullt navn, e-post /
 * epost / email / e-mail, telefon / mobil / phone, "Jeg deltar som" /
 * deltar som / category / kategori, fødselsår / birth year, kommentar /
 * comment / notes (to the participant's notes). Other columns (a timestamp,
 * "Innsendt" …) are ignored. Category words: pasient / patient and
 * pårørende / parorende / relative, in any case.
 */
#ifndef LMSKURS_IMPORT_H
#define LMSKURS_IMPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "lmskurs/csv.h"
#include "lmskurs/enroll.h"
#include "lmskurs/enroll_import.h"

typedef enum lk_import_column {
	LK_ICOL_IGNORED,
	LK_ICOL_NAME,
	LK_ICOL_EMAIL,
	LK_ICOL_PHONE,
	LK_ICOL_CATEGORY,
	LK_ICOL_BIRTH_YEAR,
	LK_ICOL_NOTES,
	LK_ICOL_COUNT
} lk_import_column;

/* What a header cell names (LK_ICOL_IGNORED when nothing we know). */
lk_import_column import_column_kind(const char *header);

/* A category word as people write it: 0 and *out, or -1 when unknown
 * (empty included). */
int import_category_parse(const char *word, lk_category *out);

typedef struct lk_import_file lk_import_file;

/* Reads the header of the CSV in f (csv_reader_open: encoding and
 * separator found by themselves) and maps its columns. default_category
 * (may be NULL) is used for rows with an empty category cell, or for all
 * rows when there is no category column; without one such rows are bad.
 * Refused (LK_EINVAL): an empty file, no name column, a column named twice,
 * and whatever the reader refuses. f stays the caller's. Caller frees with
 * import_file_free. */
int import_file_open(FILE *f, const lk_category *default_category, lk_import_file **out,
	lk_err *err);

/* True when the file was not UTF-8 and was converted from Windows-1252:
 * the user should be told. */
bool import_file_converted(const lk_import_file *in);

/* The next data row (an lk_import_next: arg is the lk_import_file): 1 and
 * *row (strings owned by in, valid until the next call), 0 at the end, -1
 * with err when the file cannot be read on (its line in the message). Rows
 * with every cell blank are skipped. A row the file cannot give carries
 * row->problem, without its values: no name, an unknown or missing
 * category, a birth year that is not a year, more non-empty cells than the
 * header has columns. Notes get CRLF turned into LF. */
int import_file_next(void *in, lk_import_row *row, lk_err *err);

void import_file_free(lk_import_file *in);

/* The export: a header row (translated names that import_column_kind
 * recognises: name, category, status, phone, e-mail) and one row per
 * enrollment (category and status as translated words; importing the file
 * again reads the category back). LK_EIO when writing fails. */
int export_write_header(lk_csv_writer *w, lk_err *err);
int export_write_row(lk_csv_writer *w, const lk_enroll_contact *c, lk_err *err);

#endif
