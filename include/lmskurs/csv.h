/*
 * csv.h — CSV files as people bring them and as spreadsheets open them.
 *
 *   FILE* ──csv_reader_open: BOM, encoding (UTF-8, else Windows-1252
 *           converted with iconv), separator from the header line──▶ reader
 *         ──csv_read: one record at a time, with the line it starts on──▶
 *           fields (UTF-8)
 *   fields ──csv_write_record: RFC 4180, CRLF, quoted when needed──▶ FILE*
 *
 * Reading is lenient where spreadsheets are (a lone CR ends a line, a quote
 * inside an unquoted field or after a closing quote is kept as text, blank
 * lines are skipped) and strict where data would be lost (a quote never
 * closed, a NUL byte, bytes that are neither UTF-8 nor Windows-1252): those
 * stop reading with the line number where the record starts.
 *
 * Memory: the reader holds one record (at most LK_CSV_RECORD_MAX bytes) and
 * a few buffers, however long the file.
 */
#ifndef LMSKURS_CSV_H
#define LMSKURS_CSV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "lmskurs/err.h"

enum {
	LK_CSV_RECORD_MAX = 1 << 20, /* bytes of one record */
	LK_CSV_FIELDS_MAX = 10000,   /* fields of one record */
};

typedef enum lk_csv_encoding {
	LK_CSV_UTF8,     /* valid UTF-8 without a byte order mark */
	LK_CSV_UTF8_BOM, /* UTF-8 after a byte order mark (skipped) */
	LK_CSV_CP1252,   /* not UTF-8: read as Windows-1252 and converted */
} lk_csv_encoding;

typedef struct lk_csv_reader lk_csv_reader;

/* One record. fields[0..n-1] are NUL-terminated UTF-8 owned by the reader,
 * valid until the next csv_read or csv_reader_free. */
typedef struct lk_csv_record {
	size_t n;                  /* >= 1 */
	const char *const *fields;
	int64_t line;              /* physical line (from 1) where it starts */
} lk_csv_record;

/* Prepares to read f from its current position. The whole stream is
 * scanned once first (in chunks) to tell UTF-8 from Windows-1252 and to
 * find the separator, then read again record by record; a stream that
 * cannot seek (a pipe) is copied to an unnamed private temporary file
 * (tmpfile, mode 0600) for that. sep is ';', ',' or '\t' to force one, or 0
 * to take the one of ';', ',' and tab that occurs most often outside quotes
 * in the first line (a tie prefers ';', then ','; none: ','). f stays the
 * caller's (not closed). Refused: a UTF-16 file and a file with a UTF-8 BOM
 * that is not UTF-8 (LK_EINVAL, with the line); read errors (LK_EIO).
 * Caller frees with csv_reader_free. */
int csv_reader_open(FILE *f, char sep, lk_csv_reader **out, lk_err *err);

/* Reads the next record into rec: 1 when there is one, 0 at the end, -1
 * with err (LK_EINVAL, message starting "Line N: ") for a quote never
 * closed, a NUL byte, a record over the limits, a byte Windows-1252 does
 * not define; LK_EIO for read errors. After -1 only csv_reader_free is
 * meaningful. */
int csv_read(lk_csv_reader *r, lk_csv_record *rec, lk_err *err);

lk_csv_encoding csv_reader_encoding(const lk_csv_reader *r);
char csv_reader_separator(const lk_csv_reader *r);

/* Frees the reader (NULL is fine); the FILE* stays open. */
void csv_reader_free(lk_csv_reader *r);

typedef enum lk_csv_flavour {
	LK_CSV_RFC4180, /* ',' separator, no BOM: the fields exactly */
	LK_CSV_EXCEL,   /* ';' and a BOM, as Norwegian Excel opens CSV */
} lk_csv_flavour;

typedef struct lk_csv_writer lk_csv_writer;

/* A writer to f (the caller's; not closed). The Excel flavour writes the
 * BOM at once. Both write CRLF line ends and quote a field (doubling its
 * quotes) when it holds the separator, a quote, CR or LF, starts or ends
 * with a space or tab or a byte order mark, or is the only, empty, field
 * of a record. The Excel
 * flavour also keeps Excel from running a field as a formula: a field
 * starting with = + - @ tab or CR that is not a number or phone number
 * (only digits and + - . , ( ) / space) gets a leading apostrophe. Caller
 * frees with csv_writer_close. */
int csv_writer_open(FILE *f, lk_csv_flavour flavour, lk_csv_writer **out, lk_err *err);

/* Writes one record of n >= 1 fields (NULL counts as empty). LK_EINVAL for
 * a field that is not valid UTF-8, LK_EIO when writing fails. */
int csv_write_record(lk_csv_writer *w, const char *const *fields, size_t n, lk_err *err);

/* Flushes and frees w (NULL is fine): -1 with LK_EIO when any write failed
 * (a full disk shows only here). */
int csv_writer_close(lk_csv_writer *w, lk_err *err);

/* An output file for participant data that no one else can read: written
 * under a temporary name (mode 0600) in path's folder and renamed to path
 * by csv_outfile_close, so no one sees half a file and an existing file of
 * another mode is replaced rather than reused. */
typedef struct lk_csv_outfile {
	FILE *f;    /* write here */
	char *tmp;  /* owned: the temporary name */
	char *path; /* owned */
} lk_csv_outfile;

/* Creates the temporary file beside path. LK_EIO with the reason (the
 * folder missing or not writable). */
int csv_outfile_open(const char *path, lk_csv_outfile *out, lk_err *err);

/* Closes the file; keep true renames it to path (-1 with LK_EIO when
 * closing or renaming fails: then nothing is left behind), false removes
 * it. Frees the strings. */
int csv_outfile_close(lk_csv_outfile *of, bool keep, lk_err *err);

#endif
