/* test_csv.c — the CSV reader and writer (csv.h): the sample files users
 * bring (../shared/data beside the repository), malformed input with its
 * line number, encodings, separators, and the writer's round trip. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lmskurs/csv.h"
#include "testlib.h"

/* ---- helpers ---- */

/* A sample from ../shared/data (tests run from the repository's root). */
static FILE *sample(const char *name)
{
	char path[256];
	snprintf(path, sizeof path, "../shared/data/%s", name);
	FILE *f = fopen(path, "rb");
	cr_assert_not_null(f, "cannot open %s (run the tests from the repository root)", path);
	return f;
}

/* A private temporary file holding n bytes, positioned at its start. */
static FILE *mem(const char *bytes, size_t n)
{
	FILE *f = tmpfile();
	cr_assert_not_null(f);
	cr_assert_eq(fwrite(bytes, 1, n, f), n);
	rewind(f);
	return f;
}

static FILE *str(const char *s)
{
	return mem(s, strlen(s));
}

static lk_csv_reader *open_ok(FILE *f)
{
	lk_csv_reader *r = NULL;
	lk_err err;
	cr_assert_eq(csv_reader_open(f, 0, &r, &err), 0, "%s", err.msg);
	return r;
}

/* Every record as "line:field|field|...\n"; fails the test on an error. */
static char *dump(lk_csv_reader *r)
{
	size_t cap = 1 << 16, len = 0;
	char *out = calloc(1, cap);
	lk_csv_record rec;
	lk_err err;
	int got;
	while ((got = csv_read(r, &rec, &err)) == 1) {
		len += (size_t)snprintf(out + len, cap - len, "%lld:", (long long)rec.line);
		for (size_t i = 0; i < rec.n; i++)
			len += (size_t)snprintf(out + len, cap - len, "%s%s", i ? "|" : "", rec.fields[i]);
		len += (size_t)snprintf(out + len, cap - len, "\n");
		cr_assert_lt(len, cap);
	}
	cr_assert_eq(got, 0, "%s", err.msg);
	return out;
}

static char *dump_str(const char *s)
{
	FILE *f = str(s);
	lk_csv_reader *r = open_ok(f);
	char *out = dump(r);
	csv_reader_free(r);
	fclose(f);
	return out;
}

/* Reads until an error and returns its message (the test fails when
 * there is none). */
static const char *read_error(const char *bytes, size_t n)
{
	static lk_err err;
	FILE *f = mem(bytes, n);
	lk_csv_reader *r = NULL;
	lk_csv_record rec;
	int rc = csv_reader_open(f, 0, &r, &err);
	while (rc == 0 && (rc = csv_read(r, &rec, &err)) == 1)
		rc = 0;
	cr_assert_eq(rc, -1, "no error for that input");
	cr_assert_eq(err.code, LK_EINVAL, "%s", err.msg);
	csv_reader_free(r);
	fclose(f);
	return err.msg;
}

/* The n-th record (from 0) of r's remaining records. */
static lk_csv_record nth(lk_csv_reader *r, int n)
{
	lk_csv_record rec;
	lk_err err;
	for (int i = 0; i <= n; i++)
		cr_assert_eq(csv_read(r, &rec, &err), 1, "record %d: %s", i, err.msg);
	return rec;
}

/* ---- the samples ---- */

Test(csv, registration_export_names_in_every_script_exact)
{
	FILE *f = sample("registration-export.csv");
	lk_csv_reader *r = open_ok(f);
	cr_assert_eq(csv_reader_encoding(r), LK_CSV_UTF8_BOM);
	cr_assert_eq(csv_reader_separator(r), ';');
	char *all = dump(r);
	static const char *const expect[] = {
		"1:Tidsstempel|Navn|E-post|Telefon|Jeg deltar som|Fødselsår|Kommentar\n",
		"2:2027-01-04 09:12:33|Kari Nordmann|kari.nordmann@example.no|+47 912 34 567|Pasient|1961|\n",
		"3:2027-01-04 10:01:02|Ola Nordmann|ola@example.no|91234568|Pårørende|1958|Kommer sammen med Kari\n",
		"4:2027-01-04 11:45:10|Åse Ødegård-Bråten|aase.o@example.no|004795551234|Pasient|1970|Trenger plass nær døra; bruker rullator\n",
		"5:2027-01-05 08:30:00|Grzegorz Brzęczyszczykiewicz|g.b@example.pl|+48 601 234 567|Pasient|1982|Snakker litt norsk, ønsker tolk \"polsk\"\n",
		"6:2027-01-05 13:14:15|Nguyễn Thị Hương|huong@example.vn|47 48 12 34|Pårørende|1990|\n",
		"7:2027-01-05 19:20:21|فاطمة الزهراء|fatima@example.org|40000001|Pasient|1975|Har spørsmål; om kosthold, og insulin\n",
		"8:2027-01-06 07:00:00|Ánde Mikkel Ánte Sara|ande@example.no|98765432|Pasient|1966|\n",
		"9:2027-01-06 12:00:00|Kari Nordmann|kari.nordmann@example.no|+47 912 34 567|Pasient|1961|Dobbel innsending\n",
		"10:2027-01-07 09:09:09||mangler.navn@example.no||Pasient||Navn mangler\n",
		"11:2027-01-07 10:10:10|Олександр Шевченко|o.shevchenko@example.ua|+380 50 123 4567|pårørende|1988|Multi-line comment:\nline two\n",
		"13:2027-01-08 14:14:14|Siri O'Brien-Hansen|siri@example.no|22 22 22 22|PASIENT|2001|\n",
	};
	size_t off = 0;
	for (size_t i = 0; i < sizeof expect / sizeof expect[0]; i++) {
		cr_assert_eq(strncmp(all + off, expect[i], strlen(expect[i])), 0,
			"record %zu:\nexpected %sgot      %.200s", i, expect[i], all + off);
		off += strlen(expect[i]);
	}
	cr_assert_eq(all[off], '\0', "more records than expected: %s", all + off);
	free(all);
	csv_reader_free(r);
	fclose(f);
}

Test(csv, excel_cp1252_converted_with_aeoeaa)
{
	FILE *f = sample("registration-excel-cp1252.csv");
	lk_csv_reader *r = open_ok(f);
	cr_assert_eq(csv_reader_encoding(r), LK_CSV_CP1252);
	cr_assert_eq(csv_reader_separator(r), ';');
	char *all = dump(r);
	cr_assert_str_eq(all,
		"1:Navn|E-post|Telefon|Kategori\n"
		"2:Bjørn Ærlig|bjorn@example.no|41234567|Pårørende\n"
		"3:Åsmund Østby|asmund@example.no|41234568|Pasient\n"
		"4:Line Sæther|line@example.no||Pasient\n");
	free(all);
	csv_reader_free(r);
	fclose(f);
}

Test(csv, evaluation_export_multiline_and_doubled_quotes)
{
	FILE *f = sample("evaluation-export.csv");
	lk_csv_reader *r = open_ok(f);
	cr_assert_eq(csv_reader_encoding(r), LK_CSV_UTF8_BOM);
	lk_csv_record rec = nth(r, 0);
	cr_assert_eq(rec.n, 12);
	cr_assert_str_eq(rec.fields[4], "Hvor relevant var kurset for deg? (0-10)");
	rec = nth(r, 3);
	cr_assert_eq(rec.line, 5);
	cr_assert_str_eq(rec.fields[5], "");
	cr_assert_str_eq(rec.fields[11], "Rommet var for varmt\nog trangt");
	rec = nth(r, 0);
	cr_assert_eq(rec.line, 7, "the multi-line record took two lines");
	cr_assert_str_eq(rec.fields[10], "\"Alt\"");
	rec = nth(r, 0);
	cr_assert_str_eq(rec.fields[4], "11");
	rec = nth(r, 0);
	cr_assert_str_eq(rec.fields[4], "sju");
	rec = nth(r, 0);
	cr_assert_eq(rec.n, 12);
	cr_assert_eq(rec.line, 10);
	lk_err err;
	cr_assert_eq(csv_read(r, &rec, &err), 0);
	csv_reader_free(r);
	fclose(f);
}

/* ---- separators and line ends ---- */

Test(csv, separator_from_the_header_outside_quotes)
{
	lk_csv_reader *r;
	FILE *f = str("\"Navn; fullt\",E-post\r\nA;B,c\r\n");
	r = open_ok(f);
	cr_assert_eq(csv_reader_separator(r), ',', "the ; inside quotes does not count");
	csv_reader_free(r);
	fclose(f);
	f = str("a\tb\tc\nx\ty\tz\n");
	r = open_ok(f);
	cr_assert_eq(csv_reader_separator(r), '\t');
	csv_reader_free(r);
	fclose(f);
	f = str("Navn;Alder (år, ca)\n");
	r = open_ok(f);
	cr_assert_eq(csv_reader_separator(r), ';', "a tie prefers ';'");
	csv_reader_free(r);
	fclose(f);
	f = str("Navn\nKari\n");
	r = open_ok(f);
	cr_assert_eq(csv_reader_separator(r), ',', "no separator at all: ','");
	csv_reader_free(r);
	fclose(f);
	f = str("a,b;c\n");
	cr_assert_eq(csv_reader_open(f, ';', &r, NULL), 0, "a forced separator");
	cr_assert_eq(csv_reader_separator(r), ';');
	csv_reader_free(r);
	lk_err err;
	cr_assert_eq(csv_reader_open(f, '|', &r, &err), -1);
	cr_assert_eq(err.code, LK_EINVAL);
	fclose(f);
}

Test(csv, lf_crlf_and_lone_cr_with_line_numbers_and_blank_lines)
{
	char *a = dump_str("a,b\nc,d\n");
	cr_assert_str_eq(a, "1:a|b\n2:c|d\n");
	free(a);
	a = dump_str("a,b\r\nc,d\r\n");
	cr_assert_str_eq(a, "1:a|b\n2:c|d\n");
	free(a);
	a = dump_str("a,b\rc,d");
	cr_assert_str_eq(a, "1:a|b\n2:c|d\n", "a lone CR ends a line too; no final line end is fine");
	free(a);
	a = dump_str("a,b\r\n\r\n\nc,d\r\n\r\n");
	cr_assert_str_eq(a, "1:a|b\n4:c|d\n", "blank lines are skipped but counted");
	free(a);
	a = dump_str("a,\"x\r\ny\",b\r\nc,,\r\n");
	cr_assert_str_eq(a, "1:a|x\r\ny|b\n3:c||\n", "CRLF inside quotes is kept and counted");
	free(a);
}

Test(csv, quotes_lenient_where_spreadsheets_are)
{
	char *a = dump_str("a,b\nab\"c,\"x\"y,\"\"\n");
	cr_assert_str_eq(a, "1:a|b\n2:ab\"c|xy|\n");
	free(a);
	a = dump_str("h\n\"\"\"\"\n\"a,\"\"b\"\"\"\n");
	cr_assert_str_eq(a, "1:h\n2:\"\n3:a,\"b\"\n");
	free(a);
}

Test(csv, pipe_is_spooled_privately)
{
	int fds[2];
	cr_assert_eq(pipe(fds), 0);
	const char *text = "Navn;Kategori\nÅse;Pasient\n";
	cr_assert_eq(write(fds[1], text, strlen(text)), (ssize_t)strlen(text));
	close(fds[1]);
	FILE *f = fdopen(fds[0], "rb");
	lk_csv_reader *r = open_ok(f);
	char *a = dump(r);
	cr_assert_str_eq(a, "1:Navn|Kategori\n2:Åse|Pasient\n");
	free(a);
	csv_reader_free(r);
	fclose(f);
}

/* ---- encodings over chunk boundaries ---- */

/* A file of n bytes: "x\n" lines of 'a' and, at byte at, the two bytes
 * of "ø" in UTF-8 or the one of Windows-1252. */
static char *big_file(size_t n, size_t at, bool utf8)
{
	char *b = malloc(n);
	memset(b, 'a', n);
	for (size_t i = 99; i < n; i += 100)
		b[i] = '\n';
	if (utf8) {
		b[at] = (char)0xC3;
		b[at + 1] = (char)0xB8;
	} else {
		b[at] = (char)0xF8;
	}
	return b;
}

static size_t count_records(lk_csv_reader *r, const char *needle, int64_t *line)
{
	lk_csv_record rec;
	lk_err err;
	size_t n = 0;
	int got;
	while ((got = csv_read(r, &rec, &err)) == 1) {
		n++;
		if (strstr(rec.fields[0], needle))
			*line = rec.line;
	}
	cr_assert_eq(got, 0, "%s", err.msg);
	return n;
}

Test(csv, utf8_sequence_cut_by_a_chunk_is_still_utf8)
{
	size_t n = 200000;
	char *b = big_file(n, 65535, true); /* ø straddles the first 64 KiB chunk */
	FILE *f = mem(b, n);
	lk_csv_reader *r = open_ok(f);
	cr_assert_eq(csv_reader_encoding(r), LK_CSV_UTF8);
	int64_t line = 0;
	cr_assert_eq(count_records(r, "ø", &line), n / 100);
	cr_assert_eq(line, 65535 / 100 + 1);
	csv_reader_free(r);
	fclose(f);
	free(b);
}

Test(csv, cp1252_late_in_a_big_file_converted_everywhere)
{
	size_t n = 300000;
	char *b = big_file(n, 250001, false);
	FILE *f = mem(b, n);
	lk_csv_reader *r = open_ok(f);
	cr_assert_eq(csv_reader_encoding(r), LK_CSV_CP1252);
	int64_t line = 0;
	cr_assert_eq(count_records(r, "ø", &line), n / 100);
	cr_assert_eq(line, 250001 / 100 + 1);
	csv_reader_free(r);
	fclose(f);
	free(b);
}

/* ---- malformed input: refused with the line ---- */

Test(csv, unterminated_quote_names_its_line)
{
	const char *s = "Navn;Kommentar\r\nKari;ok\r\nOla;\"starter her\r\nog slutter aldri\r\n";
	const char *msg = read_error(s, strlen(s));
	cr_assert(strstr(msg, "Line 3:"), "%s", msg);
	cr_assert(strstr(msg, "never closed"), "%s", msg);
}

Test(csv, nul_byte_refused_with_its_line)
{
	const char s[] = "Navn;Telefon\nKari;123\nO\0la;456\n";
	const char *msg = read_error(s, sizeof s - 1);
	cr_assert(strstr(msg, "Line 3:"), "%s", msg);
	cr_assert(strstr(msg, "NUL"), "%s", msg);
}

Test(csv, empty_file_and_header_only)
{
	FILE *f = mem("", 0);
	lk_csv_reader *r = open_ok(f);
	lk_csv_record rec;
	lk_err err;
	cr_assert_eq(csv_read(r, &rec, &err), 0, "an empty file has no records");
	csv_reader_free(r);
	fclose(f);
	f = str("\xEF\xBB\xBFNavn;E-post\r\n");
	r = open_ok(f);
	cr_assert_eq(csv_read(r, &rec, &err), 1);
	cr_assert_eq(rec.n, 2);
	cr_assert_str_eq(rec.fields[0], "Navn", "the BOM is not part of the first field");
	cr_assert_eq(csv_read(r, &rec, &err), 0);
	csv_reader_free(r);
	fclose(f);
}

Test(csv, bom_but_not_utf8_refused_with_line)
{
	const char *s = "\xEF\xBB\xBFNavn\nKari\nBj\xF8rn\n";
	FILE *f = str(s);
	lk_csv_reader *r;
	lk_err err;
	cr_assert_eq(csv_reader_open(f, 0, &r, &err), -1);
	cr_assert_eq(err.code, LK_EINVAL);
	cr_assert(strstr(err.msg, "Line 3:"), "%s", err.msg);
	fclose(f);
}

Test(csv, utf16_refused)
{
	FILE *f = mem("\xFF\xFEN\0a\0", 6);
	lk_csv_reader *r;
	lk_err err;
	cr_assert_eq(csv_reader_open(f, 0, &r, &err), -1);
	cr_assert(strstr(err.msg, "UTF-16"), "%s", err.msg);
	fclose(f);
}

Test(csv, byte_undefined_in_cp1252_refused_with_line)
{
	const char *s = "Navn\nBj\xF8rn\n\x81x\n";
	const char *msg = read_error(s, strlen(s));
	cr_assert(strstr(msg, "Line 3:"), "%s", msg);
	cr_assert(strstr(msg, "0x81"), "%s", msg);
}

Test(csv, record_over_the_limit_refused)
{
	size_t n = LK_CSV_RECORD_MAX + 100;
	char *b = malloc(n);
	memcpy(b, "h\n\"", 3);
	memset(b + 3, 'x', n - 3);
	const char *msg = read_error(b, n);
	cr_assert(strstr(msg, "Line 2:"), "%s", msg);
	cr_assert(strstr(msg, "longer than"), "%s", msg);
	free(b);
}

/* ---- the writer ---- */

static char *write_records(lk_csv_flavour fl, const char *const *fields, size_t nrec, size_t nf,
	size_t *len)
{
	char *buf = NULL;
	FILE *f = open_memstream(&buf, len);
	lk_csv_writer *w;
	lk_err err;
	cr_assert_eq(csv_writer_open(f, fl, &w, &err), 0);
	for (size_t i = 0; i < nrec; i++)
		cr_assert_eq(csv_write_record(w, fields + i * nf, nf, &err), 0, "%s", err.msg);
	cr_assert_eq(csv_writer_close(w, &err), 0, "%s", err.msg);
	fclose(f);
	return buf;
}

Test(csv, writer_rfc4180_bytes)
{
	const char *const rec[] = {"a", "b,c", "d\"e", "", " pad", "x\ny", "Łódź"};
	size_t len;
	char *out = write_records(LK_CSV_RFC4180, rec, 1, 7, &len);
	cr_assert_str_eq(out, "a,\"b,c\",\"d\"\"e\",,\" pad\",\"x\ny\",Łódź\r\n");
	free(out);
	const char *const one[] = {""};
	out = write_records(LK_CSV_RFC4180, one, 1, 1, &len);
	cr_assert_str_eq(out, "\"\"\r\n", "a record of one empty field is not a blank line");
	free(out);
	const char *const bom[] = {"\xEF\xBB\xBFx", "y"};
	out = write_records(LK_CSV_RFC4180, bom, 1, 2, &len);
	cr_assert_str_eq(out, "\"\xEF\xBB\xBFx\",y\r\n", "a field starting with a BOM is quoted");
	FILE *f = mem(out, len);
	lk_csv_reader *r = open_ok(f);
	lk_csv_record got = nth(r, 0);
	cr_assert_str_eq(got.fields[0], "\xEF\xBB\xBFx", "so it is not taken for the file's BOM");
	csv_reader_free(r);
	fclose(f);
	free(out);
}

Test(csv, writer_excel_bom_semicolon_and_no_formulas)
{
	const char *const rec[] = {"=SUM(A1)", "+4791234567", "-", "@navn", "a;b", "1,5", "-12"};
	size_t len;
	char *out = write_records(LK_CSV_EXCEL, rec, 1, 7, &len);
	cr_assert_str_eq(out, "\xEF\xBB\xBF'=SUM(A1);+4791234567;'-;'@navn;\"a;b\";1,5;-12\r\n");
	free(out);
}

Test(csv, writer_refuses_invalid_utf8)
{
	const char *const rec[] = {"ok", "Bj\xF8rn"};
	char *buf = NULL;
	size_t len;
	FILE *f = open_memstream(&buf, &len);
	lk_csv_writer *w;
	lk_err err;
	cr_assert_eq(csv_writer_open(f, LK_CSV_RFC4180, &w, &err), 0);
	cr_assert_eq(csv_write_record(w, rec, 2, &err), -1);
	cr_assert_eq(err.code, LK_EINVAL);
	cr_assert(strstr(err.msg, "Field 2"), "%s", err.msg);
	cr_assert_eq(csv_writer_close(w, &err), 0);
	fclose(f);
	cr_assert_eq(len, 0, "nothing of the refused record was written");
	free(buf);
}

static void round_trip(lk_csv_flavour fl)
{
	const char *const recs[] = {
		"Navn", "Kommentar", "Telefon",
		"Åse Ødegård", "Trenger plass nær døra; bruker rullator", "+47 912 34 567",
		"Grzegorz Brzęczyszczykiewicz", "tolk \"polsk\", takk", "",
		"Nguyễn Thị Hương", "linje én\nlinje to\r\nlinje tre", " 47 48 12 34 ",
		"فاطمة الزهراء", "", "40000001",
		"Олександр Шевченко", ",;\"\t", "\"",
	};
	size_t len;
	char *out = write_records(fl, recs, 6, 3, &len);
	FILE *f = mem(out, len);
	lk_csv_reader *r = open_ok(f);
	cr_assert_eq(csv_reader_encoding(r), fl == LK_CSV_EXCEL ? LK_CSV_UTF8_BOM : LK_CSV_UTF8);
	cr_assert_eq(csv_reader_separator(r), fl == LK_CSV_EXCEL ? ';' : ',');
	for (int i = 0; i < 6; i++) {
		lk_csv_record rec = nth(r, 0);
		cr_assert_eq(rec.n, 3);
		for (int k = 0; k < 3; k++)
			cr_assert_str_eq(rec.fields[k], recs[i * 3 + k], "record %d field %d", i, k);
	}
	lk_csv_record rec;
	cr_assert_eq(csv_read(r, &rec, NULL), 0);
	csv_reader_free(r);
	fclose(f);
	free(out);
}

Test(csv, round_trip_rfc4180) { round_trip(LK_CSV_RFC4180); }
Test(csv, round_trip_excel) { round_trip(LK_CSV_EXCEL); }

/* ---- private output files ---- */

Test(csv, outfile_is_private_and_whole)
{
	char path[256];
	snprintf(path, sizeof path, "%s/liste.csv", tl_tmpdir());
	FILE *old = fopen(path, "w");
	fputs("old", old);
	fclose(old);
	chmod(path, 0644);
	lk_csv_outfile of;
	lk_err err;
	cr_assert_eq(csv_outfile_open(path, &of, &err), 0, "%s", err.msg);
	struct stat st;
	cr_assert_eq(fstat(fileno(of.f), &st), 0);
	cr_assert_eq(st.st_mode & 0777, 0600, "the temporary file is private from the start");
	fputs("Navn\r\nÅse\r\n", of.f);
	cr_assert_eq(csv_outfile_close(&of, true, &err), 0, "%s", err.msg);
	cr_assert_eq(stat(path, &st), 0);
	cr_assert_eq(st.st_mode & 0777, 0600, "an existing 0644 file was replaced, not reused");
	cr_assert_eq(st.st_size, 12);
	/* Not kept: nothing left behind, the old file untouched. */
	cr_assert_eq(csv_outfile_open(path, &of, &err), 0, "%s", err.msg);
	char tmp[300];
	snprintf(tmp, sizeof tmp, "%s", of.tmp);
	cr_assert_eq(csv_outfile_close(&of, false, &err), 0);
	cr_assert_neq(access(tmp, F_OK), 0);
	cr_assert_eq(stat(path, &st), 0);
	cr_assert_eq(st.st_size, 12);
	/* A folder that does not exist. */
	snprintf(path, sizeof path, "%s/mangler/liste.csv", tl_tmpdir());
	cr_assert_eq(csv_outfile_open(path, &of, &err), -1);
	cr_assert_eq(err.code, LK_EIO);
	cr_assert(strstr(err.msg, "mangler"), "%s", err.msg);
}
