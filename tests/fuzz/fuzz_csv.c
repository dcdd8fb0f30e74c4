/*
 * fuzz_csv.c — libFuzzer target for the CSV reader (csv.h) and the import's
 * column mapping (import.h): whatever bytes a file holds, reading must end
 * in records or an error, never a crash, a leak or a read out of bounds.
 * Every record read is also written with the RFC 4180 writer and read back:
 * the fields must come back byte for byte (the round trip is checked with
 * abort(), so libFuzzer reports a difference as a crash). `make fuzz`
 * builds and runs it from tests/fuzz/corpus/csv.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lmskurs/csv.h"
#include "lmskurs/import.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static FILE *stream_of(const void *data, size_t size)
{
	FILE *f = tmpfile();
	if (!f || fwrite(data, 1, size, f) != size)
		abort();
	rewind(f);
	return f;
}

static void same_record(const lk_csv_record *a, const lk_csv_record *b)
{
	if (a->n != b->n)
		abort();
	for (size_t i = 0; i < a->n; i++)
		if (strcmp(a->fields[i], b->fields[i]) != 0)
			abort();
}

/* Writes the records of data to a buffer; returns how many were read
 * before the end or an error. */
static size_t write_all(FILE *in, FILE *out)
{
	lk_csv_reader *r;
	lk_csv_writer *w;
	lk_csv_record rec;
	size_t n = 0;
	if (csv_reader_open(in, 0, &r, NULL) < 0)
		return 0;
	if (csv_writer_open(out, LK_CSV_RFC4180, &w, NULL) < 0)
		abort();
	while (csv_read(r, &rec, NULL) == 1) {
		if (csv_write_record(w, rec.fields, rec.n, NULL) < 0)
			abort(); /* the reader only gives valid UTF-8 */
		n++;
	}
	if (csv_writer_close(w, NULL) < 0)
		abort();
	csv_reader_free(r);
	return n;
}

/* Reads data and the written copy side by side: the same fields. */
static void compare(FILE *orig, FILE *copy, size_t n)
{
	lk_csv_reader *a, *b;
	lk_csv_record ra, rb;
	if (csv_reader_open(orig, 0, &a, NULL) < 0 || csv_reader_open(copy, ',', &b, NULL) < 0)
		abort();
	for (size_t i = 0; i < n; i++) {
		if (csv_read(a, &ra, NULL) != 1 || csv_read(b, &rb, NULL) != 1)
			abort();
		same_record(&ra, &rb);
	}
	if (csv_read(b, &rb, NULL) != 0)
		abort();
	csv_reader_free(a);
	csv_reader_free(b);
}

static void round_trip(const uint8_t *data, size_t size)
{
	FILE *in = stream_of(data, size), *out = tmpfile();
	if (!out)
		abort();
	size_t n = write_all(in, out);
	rewind(in);
	rewind(out);
	if (n > 0)
		compare(in, out, n);
	fclose(in);
	fclose(out);
}

static void import_rows(const uint8_t *data, size_t size)
{
	FILE *f = stream_of(data, size);
	lk_import_file *in;
	lk_import_row row;
	lk_category def = LK_CAT_PATIENT;
	if (import_file_open(f, size % 2 ? &def : NULL, &in, NULL) == 0) {
		while (import_file_next(in, &row, NULL) == 1)
			if (!row.name || !row.phone || !row.email || !row.notes)
				abort();
		import_file_free(in);
	}
	fclose(f);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	round_trip(data, size);
	import_rows(data, size);
	return 0;
}
