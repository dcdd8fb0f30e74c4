/*
 * table.h — private to src/cli: how lists are printed.
 *
 *   text  aligned columns for people: headers translated, widths measured
 *         with wcswidth over UTF-8 so names in any script line up; rows are
 *         held one page (up to CLI_PAGE rows) at a time to measure them
 *   tsv   header of stable codes, one row per line, tabs/newlines in cells
 *         become spaces; streamed
 *   csv   RFC 4180: header of stable codes, fields with , " CR or LF
 *         quoted with "" doubled, CRLF line ends, UTF-8; streamed
 *
 * A list command opens a table, hands it every row as the core list
 * callback delivers it (cli_list_pages does the paging), and ends it.
 */
#ifndef LMSKURS_CLI_TABLE_H
#define LMSKURS_CLI_TABLE_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "cli.h"
#include "lmskurs/date.h"
#include "lmskurs/store.h"

typedef enum cli_format { CLI_TEXT, CLI_TSV, CLI_CSV } cli_format;

enum { CLI_PAGE = 500 };

typedef struct cli_column {
	const char *code;  /* tsv/csv header: "id", "name" */
	const char *label; /* text header, N_() */
	bool right;        /* text: right-aligned (numbers) */
} cli_column;

typedef struct cli_table cli_table;

/* Parses "text", "tsv" or "csv"; -1 for anything else. */
int table_parse_format(const char *s, cli_format *out);

/* The same for a --format option: a usage error (CLI_FAIL, reported) for
 * anything else; CLI_OK. */
int cli_take_format(const cli_app *app, const char *s, cli_format *out);

/* A table writing to out in fmt with ncols columns (cols must outlive it).
 * NULL when out of memory. Free with table_free. */
cli_table *table_new(FILE *out, cli_format fmt, const cli_column *cols, int ncols);

cli_format table_format(const cli_table *t);

/* Adds one row of ncols cells (NULL counts as empty; copied in text
 * format). tsv/csv print at once. 0, or -1 when out of memory (remembered:
 * cli_list_pages then reports it). */
int table_row(cli_table *t, const char *const *cells);

/* Text: prints the rows held (the header before the first page). tsv/csv:
 * prints the header if no row has been printed yet. -1 when a row could
 * not be added before (out of memory) or memory runs out now. */
int table_flush(cli_table *t);

/* Rows added so far. */
int64_t table_rows(const cli_table *t);

/* Flushes and frees (NULL is fine). */
void table_free(cli_table *t);

/* Display width in terminal columns of a UTF-8 string (wcswidth; characters
 * that have none count one column). */
size_t table_text_width(const char *s);

/* Runs a core list: in text format calls fetch with pages of CLI_PAGE rows,
 * flushing the table after each, until a page comes back short; in tsv/csv
 * calls it once without a limit so rows stream. fetch passes each row to
 * table_row (its callback returning table_row(...) != 0, so a failure stops
 * the list) and returns 0, or -1 with err. In text format, when no row came
 * at all, prints empty_msg (already translated) instead of a header.
 * Returns CLI_OK or CLI_FAIL (reported). */
int cli_list_pages(cli_table *t, int (*fetch)(void *arg, lk_page page, lk_err *err),
	void *arg, const char *empty_msg);

/* Frequently shown cells, written into buf. A decimal number; a date as
 * "04.03.2027" for text or "2027-03-04" for tsv/csv, "" for year 0 (no
 * date). */
const char *table_int(char buf[static 24], int64_t v);
const char *table_date(char buf[static 11], lk_date d, cli_format fmt);

#endif
