/* test_import.c — participants from registration CSVs (io: import.h) into
 * a run as one operation (core: enroll_import.h), and the export back out:
 * column and category words, every bad row with its line, the preview,
 * dry run and refusals that write nothing, duplicates matched, a process
 * killed half-way that leaves nothing behind. */
#include <criterion/criterion.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "lmskurs/csv.h"
#include "lmskurs/enroll_import.h"
#include "lmskurs/import.h"
#include "lmskurs/participant.h"
#include "testlib.h"

/* ---- fixtures: a second connection on the test database ---- */

static sqlite3 *fx_db(const char *path)
{
	sqlite3 *h = NULL;
	cr_assert_eq(sqlite3_open(path, &h), SQLITE_OK);
	sqlite3_busy_timeout(h, 5000);
	return h;
}

static int64_t fx_exec(lk_ctx *ctx, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *sql = sqlite3_vmprintf(fmt, ap);
	va_end(ap);
	sqlite3 *h = fx_db(tl_db_path(ctx));
	char *msg = NULL;
	cr_assert_eq(sqlite3_exec(h, sql, NULL, NULL, &msg), SQLITE_OK, "%s: %s", sql, msg ? msg : "");
	int64_t id = sqlite3_last_insert_rowid(h);
	sqlite3_close(h);
	sqlite3_free(sql);
	return id;
}

/* One integer from printf-style SQL on the database at path. */
static int64_t fx_int_at(const char *path, const char *fmt, va_list ap)
{
	char *sql = sqlite3_vmprintf(fmt, ap);
	sqlite3 *h = fx_db(path);
	sqlite3_stmt *st;
	cr_assert_eq(sqlite3_prepare_v2(h, sql, -1, &st, NULL), SQLITE_OK, "%s", sql);
	cr_assert_eq(sqlite3_step(st), SQLITE_ROW, "%s", sql);
	int64_t v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(h);
	sqlite3_free(sql);
	return v;
}

static int64_t fx_int(lk_ctx *ctx, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int64_t v = fx_int_at(tl_db_path(ctx), fmt, ap);
	va_end(ap);
	return v;
}

static int64_t fx_int_path(const char *path, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int64_t v = fx_int_at(path, fmt, ap);
	va_end(ap);
	return v;
}

/* Every row of the tables an import writes, as one string. */
static char *fx_snapshot(lk_ctx *ctx)
{
	static const char *const sql[] = {"SELECT * FROM participant ORDER BY 1",
		"SELECT * FROM enrollment ORDER BY 1", "SELECT * FROM run ORDER BY 1",
		"SELECT * FROM audit ORDER BY 1"};
	sqlite3 *h = fx_db(tl_db_path(ctx));
	size_t cap = 1 << 18, len = 0;
	char *out = calloc(1, cap);
	for (size_t i = 0; i < sizeof sql / sizeof sql[0]; i++) {
		sqlite3_stmt *st;
		cr_assert_eq(sqlite3_prepare_v2(h, sql[i], -1, &st, NULL), SQLITE_OK);
		while (sqlite3_step(st) == SQLITE_ROW)
			for (int c = 0; c < sqlite3_column_count(st); c++) {
				const char *t = (const char *)sqlite3_column_text(st, c);
				len += (size_t)snprintf(out + len, cap - len, "%s|", t ? t : "NULL");
				cr_assert_lt(len, cap);
			}
		sqlite3_finalize(st);
	}
	sqlite3_close(h);
	return out;
}

static void assert_unchanged(lk_ctx *ctx, char *before)
{
	char *after = fx_snapshot(ctx);
	cr_assert_str_eq(after, before, "a refused import changed the database");
	free(after);
	free(before);
}

/* A run of a new course in phase with capacity (0: not set). */
static int64_t fx_run(lk_ctx *ctx, const char *phase, int capacity)
{
	int64_t course = fx_exec(ctx, "INSERT INTO course (title, audience, phase, created_at, updated_at)"
		" VALUES ('Leve med diabetes', 'both', 'active', '2027-01-01T00:00:00', '2027-01-01T00:00:00')");
	return fx_exec(ctx, "INSERT INTO run (course_id, title, phase, capacity, created_at)"
		" VALUES (%lld, 'Våren 2027', %Q, nullif(%d, 0), '2027-01-01T00:00:00')",
		(long long)course, phase, capacity);
}

static FILE *sample(const char *name)
{
	char path[256];
	snprintf(path, sizeof path, "../shared/data/%s", name);
	FILE *f = fopen(path, "rb");
	cr_assert_not_null(f, "cannot open %s (run the tests from the repository root)", path);
	return f;
}

static FILE *text_file(const char *s)
{
	FILE *f = tmpfile();
	cr_assert_not_null(f);
	fputs(s, f);
	rewind(f);
	return f;
}

static lk_import_file *open_in(FILE *f, const lk_category *def)
{
	lk_import_file *in = NULL;
	lk_err err;
	cr_assert_eq(import_file_open(f, def, &in, &err), 0, "%s", err.msg);
	return in;
}

/* Each outcome as "line:result[=same]:r|w<pos>|" into a buffer. */
static int collect(void *arg, const lk_import_outcome *o)
{
	static const char *const res[] = {"bad", "new", "matched", "already"};
	char *b = arg;
	b += strlen(b);
	b += sprintf(b, "%lld:%s", (long long)o->line, res[o->result]);
	if (o->same_as_line)
		b += sprintf(b, "=%lld", (long long)o->same_as_line);
	if (o->result == LK_IMPORT_BAD)
		cr_assert(o->why && o->why[0], "a bad row says why");
	else if (o->status == LK_ENR_REGISTERED)
		b += sprintf(b, ":r");
	else
		b += sprintf(b, ":w%d", o->waitlist_pos);
	strcpy(b, "|");
	return 0;
}

/* Imports file f into run; outcomes into log (may be NULL). */
static int import_file(lk_ctx *ctx, int64_t run, FILE *f, lk_import_opts opts, char *log,
	lk_import_summary *sum, lk_err *err)
{
	lk_import_file *in = open_in(f, NULL);
	int rc = enroll_import(ctx, run, import_file_next, in, &opts, log ? collect : NULL, log, sum, err);
	import_file_free(in);
	fclose(f);
	return rc;
}

static const char *name_of(lk_ctx *ctx, const char *like)
{
	static char buf[256];
	sqlite3 *h = fx_db(tl_db_path(ctx));
	sqlite3_stmt *st;
	cr_assert_eq(sqlite3_prepare_v2(h, "SELECT name FROM participant WHERE email = ?", -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_text(st, 1, like, -1, SQLITE_STATIC);
	cr_assert_eq(sqlite3_step(st), SQLITE_ROW, "nobody with e-mail %s", like);
	snprintf(buf, sizeof buf, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	sqlite3_close(h);
	return buf;
}

static const lk_import_opts WRITE = {false, false}, DRY = {true, false}, SKIP = {false, true};

/* ---- columns and words (io) ---- */

Test(import, column_names_norwegian_and_english)
{
	static const struct {
		const char *h;
		lk_import_column k;
	} cases[] = {
		{"Navn", LK_ICOL_NAME}, {"NAVN", LK_ICOL_NAME}, {" Fullt navn ", LK_ICOL_NAME},
		{"Full name", LK_ICOL_NAME}, {"name", LK_ICOL_NAME},
		{"E-post", LK_ICOL_EMAIL}, {"epost", LK_ICOL_EMAIL}, {"E-mail", LK_ICOL_EMAIL},
		{"EMAIL", LK_ICOL_EMAIL}, {"E-postadresse", LK_ICOL_EMAIL},
		{"Telefon", LK_ICOL_PHONE}, {"Mobil", LK_ICOL_PHONE}, {"Phone", LK_ICOL_PHONE},
		{"Tlf.", LK_ICOL_PHONE},
		{"Jeg deltar som", LK_ICOL_CATEGORY}, {"Deltar som:", LK_ICOL_CATEGORY},
		{"category", LK_ICOL_CATEGORY}, {"KATEGORI", LK_ICOL_CATEGORY},
		{"Fødselsår", LK_ICOL_BIRTH_YEAR}, {"FØDSELSÅR", LK_ICOL_BIRTH_YEAR},
		{"Birth year", LK_ICOL_BIRTH_YEAR}, {"fodselsar", LK_ICOL_BIRTH_YEAR},
		{"Kommentar", LK_ICOL_NOTES}, {"Comments", LK_ICOL_NOTES},
		{"Tidsstempel", LK_ICOL_IGNORED}, {"Innsendt", LK_ICOL_IGNORED}, {"", LK_ICOL_IGNORED},
		{"Navnet", LK_ICOL_IGNORED}, {"Status", LK_ICOL_IGNORED}, {NULL, LK_ICOL_IGNORED},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		cr_assert_eq(import_column_kind(cases[i].h), cases[i].k, "'%s'", cases[i].h ? cases[i].h : "NULL");
}

Test(import, category_words_in_any_case)
{
	static const char *const patient[] = {"Pasient", "PASIENT", "pasient", " patient ", "Patient"};
	static const char *const relative[] = {"Pårørende", "PÅRØRENDE", "pårørende", "parorende", "Relative"};
	lk_category c;
	for (size_t i = 0; i < 5; i++) {
		cr_assert_eq(import_category_parse(patient[i], &c), 0, "%s", patient[i]);
		cr_assert_eq(c, LK_CAT_PATIENT, "%s", patient[i]);
		cr_assert_eq(import_category_parse(relative[i], &c), 0, "%s", relative[i]);
		cr_assert_eq(c, LK_CAT_RELATIVE, "%s", relative[i]);
	}
	static const char *const unknown[] = {"", "Lege", "pas", "pårørende x", NULL};
	for (size_t i = 0; i < 5; i++)
		cr_assert_eq(import_category_parse(unknown[i], &c), -1, "%s", unknown[i] ? unknown[i] : "NULL");
}

/* ---- rows of a file (io) ---- */

Test(import, registration_export_rows_lines_and_problems)
{
	FILE *f = sample("registration-export.csv");
	lk_import_file *in = open_in(f, NULL);
	cr_assert_not(import_file_converted(in));
	static const struct {
		int64_t line;
		const char *name;
		lk_category cat;
		int year;
		bool bad;
	} expect[] = {
		{2, "Kari Nordmann", LK_CAT_PATIENT, 1961, false},
		{3, "Ola Nordmann", LK_CAT_RELATIVE, 1958, false},
		{4, "Åse Ødegård-Bråten", LK_CAT_PATIENT, 1970, false},
		{5, "Grzegorz Brzęczyszczykiewicz", LK_CAT_PATIENT, 1982, false},
		{6, "Nguyễn Thị Hương", LK_CAT_RELATIVE, 1990, false},
		{7, "فاطمة الزهراء", LK_CAT_PATIENT, 1975, false},
		{8, "Ánde Mikkel Ánte Sara", LK_CAT_PATIENT, 1966, false},
		{9, "Kari Nordmann", LK_CAT_PATIENT, 1961, false},
		{10, "", LK_CAT_PATIENT, 0, true},
		{11, "Олександр Шевченко", LK_CAT_RELATIVE, 1988, false},
		{13, "Siri O'Brien-Hansen", LK_CAT_PATIENT, 2001, false},
	};
	lk_import_row row;
	lk_err err;
	for (size_t i = 0; i < sizeof expect / sizeof expect[0]; i++) {
		cr_assert_eq(import_file_next(in, &row, &err), 1, "%s", err.msg);
		cr_assert_eq(row.line, expect[i].line);
		cr_assert_str_eq(row.name, expect[i].name);
		cr_assert_eq(row.problem != NULL, expect[i].bad, "line %lld: %s", (long long)row.line,
			row.problem ? row.problem : "no problem");
		if (expect[i].bad) {
			cr_assert(strstr(row.problem, "name"), "%s", row.problem);
			continue;
		}
		cr_assert_eq(row.category, expect[i].cat, "line %lld", (long long)row.line);
		cr_assert_eq(row.birth_year, expect[i].year);
		if (row.line == 11)
			cr_assert_str_eq(row.notes, "Multi-line comment:\nline two");
		if (row.line == 5) {
			cr_assert_str_eq(row.phone, "+48 601 234 567");
			cr_assert_str_eq(row.email, "g.b@example.pl");
			cr_assert_str_eq(row.notes, "Snakker litt norsk, ønsker tolk \"polsk\"");
		}
	}
	cr_assert_eq(import_file_next(in, &row, &err), 0);
	import_file_free(in);
	fclose(f);
}

Test(import, cp1252_file_is_said_to_be_converted)
{
	FILE *f = sample("registration-excel-cp1252.csv");
	lk_import_file *in = open_in(f, NULL);
	cr_assert(import_file_converted(in));
	lk_import_row row;
	lk_err err;
	cr_assert_eq(import_file_next(in, &row, &err), 1);
	cr_assert_str_eq(row.name, "Bjørn Ærlig");
	cr_assert_eq(row.category, LK_CAT_RELATIVE);
	cr_assert_null(row.problem);
	import_file_free(in);
	fclose(f);
}

static const char *open_error(const char *text)
{
	static lk_err err;
	FILE *f = text_file(text);
	lk_import_file *in = NULL;
	cr_assert_eq(import_file_open(f, NULL, &in, &err), -1, "'%s' was accepted", text);
	cr_assert_eq(err.code, LK_EINVAL);
	cr_assert_null(in);
	fclose(f);
	return err.msg;
}

Test(import, header_problems_refused)
{
	const char *msg = open_error("");
	cr_assert(strstr(msg, "empty"), "%s", msg);
	msg = open_error("E-post;Telefon\nkari@example.no;123\n");
	cr_assert(strstr(msg, "name"), "%s", msg);
	msg = open_error("Navn;Telefon;Mobil\nKari;123;456\n");
	cr_assert(strstr(msg, "\"Telefon\" and \"Mobil\""), "%s", msg);
	FILE *f = text_file("Navn;Kommentar\nKari;\"uavsluttet\n");
	lk_import_file *in = open_in(f, NULL);
	lk_import_row row;
	lk_err err;
	cr_assert_eq(import_file_next(in, &row, &err), -1);
	cr_assert(strstr(err.msg, "Line 2:"), "the reader's error reaches the caller: %s", err.msg);
	import_file_free(in);
	fclose(f);
	f = text_file("\xEF\xBB\xBFNavn;E-post\r\n");
	in = open_in(f, NULL);
	cr_assert_eq(import_file_next(in, &row, &err), 0, "a header alone gives no rows");
	import_file_free(in);
	fclose(f);
}

Test(import, row_problems_each_with_a_reason)
{
	FILE *f = text_file("Navn,Kategori,Fødselsår,Kommentar\r\n"
		"Kari,Pasient,1961,\"en\r\nto\"\r\n"       /* 2: fine; CRLF in notes made LF */
		"Ola,Lege,,\r\n"                          /* 4: unknown category */
		"Per,,,\r\n"                              /* 5: no category */
		"Åse,Pasient,nitten,\r\n"                 /* 6: birth year */
		"Ali,Pasient,1990,a,b\r\n"                /* 7: a field too many */
		"Liv,Pårørende,1990,,,\r\n"               /* 8: extra empty fields are fine */
		",,,\r\n"                                 /* 9: blank: skipped */
		"  ,Pasient,,\r\n");                      /* 10: no name */
	lk_import_file *in = open_in(f, NULL);
	lk_import_row row;
	lk_err err;
	static const struct {
		int64_t line;
		const char *problem; /* a word of it, NULL for none */
	} expect[] = {
		{2, NULL}, {4, "not one of"}, {5, "missing"}, {6, "birth year"}, {7, "more fields"},
		{8, NULL}, {10, "name"},
	};
	for (size_t i = 0; i < sizeof expect / sizeof expect[0]; i++) {
		cr_assert_eq(import_file_next(in, &row, &err), 1, "%s", err.msg);
		cr_assert_eq(row.line, expect[i].line);
		if (!expect[i].problem)
			cr_assert_null(row.problem, "line %lld: %s", (long long)row.line, row.problem);
		else
			cr_assert(row.problem && strstr(row.problem, expect[i].problem), "line %lld: %s",
				(long long)row.line, row.problem ? row.problem : "(none)");
		if (row.line == 2)
			cr_assert_str_eq(row.notes, "en\nto");
		if (row.line == 8)
			cr_assert_eq(row.category, LK_CAT_RELATIVE);
	}
	cr_assert_eq(import_file_next(in, &row, &err), 0);
	import_file_free(in);
	fclose(f);
}

Test(import, default_category_fills_empty_cells_only)
{
	lk_category rel = LK_CAT_RELATIVE;
	FILE *f = text_file("Navn;Kategori\nA;\nB;Pasient\nC;Lege\n");
	lk_import_file *in = open_in(f, &rel);
	lk_import_row row;
	lk_err err;
	cr_assert_eq(import_file_next(in, &row, &err), 1);
	cr_assert_null(row.problem);
	cr_assert_eq(row.category, LK_CAT_RELATIVE);
	cr_assert_eq(import_file_next(in, &row, &err), 1);
	cr_assert_eq(row.category, LK_CAT_PATIENT);
	cr_assert_eq(import_file_next(in, &row, &err), 1);
	cr_assert_not_null(row.problem, "a wrong word is not replaced by the default");
	import_file_free(in);
	fclose(f);
	f = text_file("Navn\nA\n");
	in = open_in(f, &rel);
	cr_assert_eq(import_file_next(in, &row, &err), 1);
	cr_assert_null(row.problem);
	cr_assert_eq(row.category, LK_CAT_RELATIVE, "no category column: the default for all");
	import_file_free(in);
	fclose(f);
}

/* ---- the import (core) ---- */

static const char *REG_LOG =
	"2:new:r|3:new:r|4:new:r|5:new:r|6:new:r|7:new:r|8:new:w1|9:already=2:r|10:bad|"
	"11:new:w2|13:new:w3|";

static void assert_preview(const lk_import_summary *s)
{
	cr_assert_eq(s->rows, 11);
	cr_assert_eq(s->created, 9);
	cr_assert_eq(s->matched, 0);
	cr_assert_eq(s->already, 1, "the double sign-up is one person");
	cr_assert_eq(s->bad, 1);
	cr_assert_eq(s->registered, 6);
	cr_assert_eq(s->waitlisted, 3);
}

Test(enroll_import, preview_numbers_and_dry_run_writes_nothing)
{
	lk_ctx *ctx = tl_ctx();
	int64_t run = fx_run(ctx, "registration", 6);
	char *before = fx_snapshot(ctx);
	char log[2048] = "";
	lk_import_summary sum;
	lk_err err;
	cr_assert_eq(import_file(ctx, run, sample("registration-export.csv"), DRY, log, &sum, &err), 0, "%s", err.msg);
	cr_assert_str_eq(log, REG_LOG);
	assert_preview(&sum);
	assert_unchanged(ctx, before);
	ctx_close(ctx);
}

Test(enroll_import, a_bad_row_refuses_everything_unless_skipped)
{
	lk_ctx *ctx = tl_ctx();
	int64_t run = fx_run(ctx, "registration", 6);
	char *before = fx_snapshot(ctx);
	lk_import_summary sum;
	lk_err err;
	cr_assert_eq(import_file(ctx, run, sample("registration-export.csv"), WRITE, NULL, &sum, &err), -1);
	cr_assert_eq(err.code, LK_EINVAL);
	cr_assert(strstr(err.msg, "1 row cannot be imported; nothing was written"), "%s", err.msg);
	assert_preview(&sum);
	assert_unchanged(ctx, before);
	ctx_close(ctx);
}

Test(enroll_import, skip_bad_writes_the_good_rows_exactly)
{
	lk_ctx *ctx = tl_ctx();
	int64_t run = fx_run(ctx, "registration", 6);
	char log[2048] = "";
	lk_import_summary sum;
	lk_err err;
	cr_assert_eq(import_file(ctx, run, sample("registration-export.csv"), SKIP, log, &sum, &err), 0, "%s", err.msg);
	cr_assert_str_eq(log, REG_LOG);
	assert_preview(&sum);
	cr_assert_eq(fx_int(ctx, "SELECT count(*) FROM participant"), 9);
	cr_assert_eq(fx_int(ctx, "SELECT count(*) FROM participant WHERE name = 'Kari Nordmann'"), 1);
	cr_assert_eq(fx_int(ctx, "SELECT count(*) FROM enrollment WHERE run_id = %lld AND status = 'registered'", (long long)run), 6);
	cr_assert_eq(fx_int(ctx, "SELECT count(*) FROM enrollment WHERE run_id = %lld AND status = 'waitlisted'", (long long)run), 3);
	cr_assert_str_eq(name_of(ctx, "g.b@example.pl"), "Grzegorz Brzęczyszczykiewicz");
	cr_assert_str_eq(name_of(ctx, "huong@example.vn"), "Nguyễn Thị Hương");
	cr_assert_str_eq(name_of(ctx, "fatima@example.org"), "فاطمة الزهراء");
	cr_assert_str_eq(name_of(ctx, "ande@example.no"), "Ánde Mikkel Ánte Sara");
	cr_assert_str_eq(name_of(ctx, "o.shevchenko@example.ua"), "Олександр Шевченко");
	cr_assert_str_eq(name_of(ctx, "aase.o@example.no"), "Åse Ødegård-Bråten");
	cr_assert_eq(fx_int(ctx, "SELECT count(*) FROM participant WHERE email = 'aase.o@example.no'"
		" AND phone = '+4795551234' AND birth_year = 1970 AND notes = 'Trenger plass nær døra; bruker rullator'"), 1);
	cr_assert_eq(fx_int(ctx, "SELECT count(*) FROM participant WHERE phone = '+4791234567' AND notes = ''"), 1,
		"Kari keeps the first sign-up's details");
	cr_assert_eq(fx_int(ctx, "SELECT count(*) FROM enrollment e JOIN participant p ON p.id = e.participant_id"
		" WHERE p.email = 'ola@example.no' AND e.category = 'relative'"), 1);
	cr_assert_eq(fx_int(ctx, "SELECT count(*) FROM audit WHERE action = 'import' AND entity = 'run' AND entity_id = %lld"
		" AND detail LIKE '11 rows: 9 new, 0 matched, 1 already enrolled, 1 left out'", (long long)run), 1);
	cr_assert_eq(fx_int(ctx, "SELECT count(*) FROM audit WHERE detail LIKE '%%Kari%%' OR detail LIKE '%%@%%'"), 0,
		"no names or contact details in the audit log");
	ctx_close(ctx);
}

Test(enroll_import, importing_again_adds_nobody)
{
	lk_ctx *ctx = tl_ctx();
	int64_t run = fx_run(ctx, "registration", 6);
	lk_import_summary sum;
	lk_err err;
	cr_assert_eq(import_file(ctx, run, sample("registration-export.csv"), SKIP, NULL, &sum, &err), 0, "%s", err.msg);
	char log[2048] = "";
	cr_assert_eq(import_file(ctx, run, sample("registration-export.csv"), SKIP, log, &sum, &err), 0, "%s", err.msg);
	cr_assert_eq(sum.created, 0);
	cr_assert_eq(sum.already, 10);
	cr_assert_eq(sum.bad, 1);
	cr_assert(strstr(log, "|8:already:w1|"), "%s", log);
	cr_assert(strstr(log, "|9:already=2:r|"), "%s", log);
	cr_assert_eq(fx_int(ctx, "SELECT count(*) FROM participant"), 9);
	cr_assert_eq(fx_int(ctx, "SELECT count(*) FROM enrollment"), 9);
	ctx_close(ctx);
}

static int64_t mk(lk_ctx *ctx, const char *name, const char *phone, const char *email)
{
	lk_err err;
	lk_participant p = {.name = (char *)name, .phone = (char *)phone, .email = (char *)email};
	cr_assert_eq(participant_create(ctx, &p, &err), 0, "%s", err.msg);
	return p.id;
}

Test(enroll_import, existing_participant_matched_not_doubled)
{
	lk_ctx *ctx = tl_ctx();
	int64_t run = fx_run(ctx, "execution", 0);
	int64_t ola = mk(ctx, "ola nordmann", "+47 912 34 568", "");
	int64_t kari = mk(ctx, "Kari Nordmann", "99999999", "annen@example.no");
	char log[2048] = "";
	lk_import_summary sum;
	lk_err err;
	cr_assert_eq(import_file(ctx, run, text_file("Navn;Telefon;E-post;Kategori\n"
		"Ola Nordmann;91234568;ola@example.no;Pårørende\n"
		"Kari Nordmann;91234567;kari@example.no;Pasient\n"), WRITE, log, &sum, &err), 0, "%s", err.msg);
	cr_assert_str_eq(log, "2:matched:r|3:new:r|", "same name and phone: matched; same name only: not");
	cr_assert_eq(fx_int(ctx, "SELECT participant_id FROM enrollment WHERE category = 'relative'"), ola);
	cr_assert_eq(fx_int(ctx, "SELECT count(*) FROM participant"), 3);
	cr_assert_eq(fx_int(ctx, "SELECT count(*) FROM enrollment WHERE participant_id = %lld", (long long)kari), 0);
	cr_assert_eq(fx_int(ctx, "SELECT count(*) FROM participant WHERE id = %lld AND email = '' AND version = 1",
		(long long)ola), 1, "a matched record is not changed");
	ctx_close(ctx);
}

Test(enroll_import, cancelled_place_is_taken_up_again)
{
	lk_ctx *ctx = tl_ctx();
	int64_t run = fx_run(ctx, "registration", 0);
	int64_t p = mk(ctx, "Åse", "", "aase@example.no");
	fx_exec(ctx, "INSERT INTO enrollment (run_id, participant_id, category, status, requested_at, cancelled_at)"
		" VALUES (%lld, %lld, 'patient', 'cancelled', '2027-01-01T00:00:00', '2027-01-02T00:00:00')",
		(long long)run, (long long)p);
	char log[256] = "";
	lk_import_summary sum;
	lk_err err;
	cr_assert_eq(import_file(ctx, run, text_file("Navn,E-post,Kategori\nÅse,AASE@example.no,pasient\n"),
		WRITE, log, &sum, &err), 0, "%s", err.msg);
	cr_assert_str_eq(log, "2:matched:r|");
	cr_assert_eq(fx_int(ctx, "SELECT count(*) FROM enrollment WHERE status = 'registered'"), 1);
	ctx_close(ctx);
}

Test(enroll_import, refused_rows_of_validation_are_bad_and_others_go_on)
{
	lk_ctx *ctx = tl_ctx();
	int64_t run = fx_run(ctx, "registration", 0);
	char log[1024] = "";
	lk_import_summary sum;
	lk_err err;
	cr_assert_eq(import_file(ctx, run, text_file("Navn;Telefon;E-post;Kategori;Fødselsår\n"
		"A;12;;Pasient;\n"                   /* 2: too few digits */
		"B;;ikke-epost;Pasient;\n"           /* 3: no e-mail */
		"C;;;Pasient;1850\n"                 /* 4: birth year out of range */
		"D;22 22 22 22;d@example.no;Pasient;1980\n"), SKIP, log, &sum, &err), 0, "%s", err.msg);
	cr_assert_str_eq(log, "2:bad|3:bad|4:bad|5:new:r|");
	cr_assert_eq(fx_int(ctx, "SELECT count(*) FROM participant"), 1, "a refused row leaves nothing behind");
	cr_assert_eq(fx_int(ctx, "SELECT count(*) FROM enrollment"), 1);
	ctx_close(ctx);
}

Test(enroll_import, refused_for_roles_without_contact_details)
{
	lk_ctx *ctx = tl_ctx();
	int64_t run = fx_run(ctx, "registration", 0);
	lk_ctx *rep = tl_ctx_as(ctx, "bruker", LK_ROLE_USER_REP);
	lk_ctx *staff = tl_ctx_as(ctx, "vert", LK_ROLE_STAFF);
	char *before = fx_snapshot(ctx);
	lk_import_summary sum;
	lk_err err;
	cr_assert_eq(import_file(rep, run, sample("registration-export.csv"), SKIP, NULL, &sum, &err), -1);
	cr_assert_eq(err.code, LK_EPERM);
	cr_assert_eq(import_file(staff, run, sample("registration-export.csv"), DRY, NULL, &sum, &err), -1);
	cr_assert_eq(err.code, LK_EPERM);
	cr_assert_eq(sum.rows, 0);
	assert_unchanged(ctx, before);
	ctx_close(rep);
	ctx_close(staff);
	ctx_close(ctx);
}

Test(enroll_import, refused_for_unknown_run_and_runs_not_taking_people)
{
	lk_ctx *ctx = tl_ctx();
	int64_t sched = fx_run(ctx, "scheduling", 10), closed = fx_run(ctx, "closed", 10);
	char *before = fx_snapshot(ctx);
	lk_import_summary sum;
	lk_err err;
	cr_assert_eq(import_file(ctx, 999, sample("registration-export.csv"), SKIP, NULL, &sum, &err), -1);
	cr_assert_eq(err.code, LK_ENOTFOUND);
	cr_assert_eq(import_file(ctx, sched, sample("registration-export.csv"), SKIP, NULL, &sum, &err), -1);
	cr_assert_eq(err.code, LK_ERULE);
	cr_assert(strstr(err.msg, "registration and execution"), "%s", err.msg);
	cr_assert_eq(import_file(ctx, closed, sample("registration-export.csv"), SKIP, NULL, &sum, &err), -1);
	cr_assert_eq(err.code, LK_ERULE);
	assert_unchanged(ctx, before);
	int64_t open = fx_run(ctx, "execution", 0);
	cr_assert_eq(import_file(ctx, open, sample("registration-export.csv"), SKIP, NULL, &sum, &err), 0,
		"%s", err.msg);
	ctx_close(ctx);
}

Test(enroll_import, header_only_file_has_nothing_to_import)
{
	lk_ctx *ctx = tl_ctx();
	int64_t run = fx_run(ctx, "registration", 0);
	char *before = fx_snapshot(ctx);
	lk_import_summary sum;
	lk_err err;
	cr_assert_eq(import_file(ctx, run, text_file("Navn;E-post\r\n"), WRITE, NULL, &sum, &err), -1);
	cr_assert_eq(err.code, LK_EINVAL);
	cr_assert(strstr(err.msg, "no rows"), "%s", err.msg);
	assert_unchanged(ctx, before);
	ctx_close(ctx);
}

static int stop_at_third(void *arg, const lk_import_outcome *o)
{
	return ++*(int *)arg == 3;
}

Test(enroll_import, stopped_by_the_caller_writes_nothing)
{
	lk_ctx *ctx = tl_ctx();
	int64_t run = fx_run(ctx, "registration", 0);
	char *before = fx_snapshot(ctx);
	lk_import_file *in = open_in(sample("registration-export.csv"), NULL);
	int n = 0;
	lk_import_summary sum;
	lk_err err;
	cr_assert_eq(enroll_import(ctx, run, import_file_next, in, &SKIP, stop_at_third, &n, &sum, &err), -1);
	cr_assert(strstr(err.msg, "stopped"), "%s", err.msg);
	cr_assert_eq(sum.rows, 3);
	import_file_free(in);
	assert_unchanged(ctx, before);
	ctx_close(ctx);
}

/* A row source that fails at its second call. */
static int failing_source(void *arg, lk_import_row *row, lk_err *err)
{
	if ((*(int *)arg)++ > 0)
		return lk_fail(err, LK_EIO, "the disk went away");
	*row = (lk_import_row){.line = 2, .name = "Åse", .category = LK_CAT_PATIENT};
	return 1;
}

Test(enroll_import, failing_file_writes_nothing)
{
	lk_ctx *ctx = tl_ctx();
	int64_t run = fx_run(ctx, "registration", 0);
	char *before = fx_snapshot(ctx);
	int calls = 0;
	lk_import_summary sum;
	lk_err err;
	cr_assert_eq(enroll_import(ctx, run, failing_source, &calls, NULL, NULL, NULL, &sum, &err), -1);
	cr_assert_eq(err.code, LK_EIO);
	cr_assert_eq(sum.created, 1, "the first row went in before the file failed");
	assert_unchanged(ctx, before);
	ctx_close(ctx);
}

Test(enroll_import, cp1252_names_stored_right)
{
	lk_ctx *ctx = tl_ctx();
	int64_t run = fx_run(ctx, "registration", 2);
	char log[512] = "";
	lk_import_summary sum;
	lk_err err;
	cr_assert_eq(import_file(ctx, run, sample("registration-excel-cp1252.csv"), WRITE, log, &sum, &err), 0, "%s", err.msg);
	cr_assert_str_eq(log, "2:new:r|3:new:r|4:new:w1|");
	cr_assert_str_eq(name_of(ctx, "bjorn@example.no"), "Bjørn Ærlig");
	cr_assert_str_eq(name_of(ctx, "asmund@example.no"), "Åsmund Østby");
	cr_assert_str_eq(name_of(ctx, "line@example.no"), "Line Sæther");
	ctx_close(ctx);
}

/* ---- killed half-way ---- */

/* Child: imports csv into run and tells fd when 4000 rows are in. */
static int tell_half_way(void *arg, const lk_import_outcome *o)
{
	int *fd = arg;
	if (o->line == 4001 && write(*fd, "x", 1) != 1)
		_exit(4);
	return 0;
}

static int child_import(const char *db, const char *csv, int64_t run, int fd)
{
	lk_ctx *ctx = NULL;
	lk_err err;
	if (ctx_open(db, LK_OPEN_EXISTING, "koord", NULL, &ctx, NULL, &err) < 0)
		return 2;
	FILE *f = fopen(csv, "rb");
	lk_import_file *in = NULL;
	if (!f || import_file_open(f, NULL, &in, &err) < 0)
		return 3;
	int rc = enroll_import(ctx, run, import_file_next, in, NULL, tell_half_way, &fd, NULL, &err);
	import_file_free(in);
	ctx_close(ctx);
	return rc == 0 ? 0 : 5;
}

static void write_big_csv(const char *path, int rows)
{
	FILE *f = fopen(path, "w");
	cr_assert_not_null(f);
	fputs("Navn;E-post;Telefon;Jeg deltar som\r\n", f);
	for (int i = 0; i < rows; i++)
		fprintf(f, "Deltaker Øvre %d;d%d@example.no;9%07d;%s\r\n", i, i, i, i % 2 ? "Pasient" : "Pårørende");
	fclose(f);
}

Test(enroll_import, killed_half_way_leaves_nothing, .timeout = 180)
{
	lk_ctx *ctx = tl_ctx();
	int64_t run = fx_run(ctx, "registration", 0);
	char db[256], csv[256], wal[300];
	snprintf(db, sizeof db, "%s", tl_db_path(ctx));
	snprintf(wal, sizeof wal, "%s-wal", db);
	snprintf(csv, sizeof csv, "%s/stor.csv", tl_tmpdir());
	write_big_csv(csv, 60000);
	int64_t audit = fx_int(ctx, "SELECT count(*) FROM audit");
	ctx_close(ctx); /* never fork with an open connection */
	int fds[2];
	cr_assert_eq(pipe(fds), 0);
	pid_t pid = fork();
	cr_assert_neq(pid, -1);
	if (pid == 0) {
		close(fds[0]);
		_exit(child_import(db, csv, run, fds[1]));
	}
	close(fds[1]);
	char c;
	cr_assert_eq(read(fds[0], &c, 1), 1, "the child failed before it was half-way");
	kill(pid, SIGKILL);
	int status;
	cr_assert_eq(waitpid(pid, &status, 0), pid);
	cr_assert(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL, "the import ended before it was killed");
	close(fds[0]);
	struct stat st;
	cr_assert(stat(wal, &st) == 0 && st.st_size > 100000,
		"the import had written into the WAL before it was killed (%lld bytes)", (long long)st.st_size);
	cr_assert_eq(fx_int_path(db, "SELECT count(*) FROM participant"), 0);
	cr_assert_eq(fx_int_path(db, "SELECT count(*) FROM enrollment"), 0);
	cr_assert_eq(fx_int_path(db, "SELECT count(*) FROM audit"), audit);
	lk_ctx *again = NULL;
	lk_err err;
	cr_assert_eq(ctx_open(db, LK_OPEN_EXISTING, "koord", NULL, &again, NULL, &err), 0, "%s", err.msg);
	cr_assert_eq(participant_count(again, NULL, &err), 0);
	ctx_close(again);
}

/* ---- export ---- */

static int collect_contact(void *arg, const lk_enroll_contact *c)
{
	char *b = arg;
	sprintf(b + strlen(b), "%s:%s:%s:%s:%s|", c->name, enroll_category_code(c->category),
		enroll_status_code(c->status), c->phone, c->email);
	return 0;
}

Test(enroll_import, export_streams_contact_details_to_coordinators_only)
{
	lk_ctx *ctx = tl_ctx();
	int64_t run = fx_run(ctx, "registration", 1);
	lk_import_summary sum;
	lk_err err;
	cr_assert_eq(import_file(ctx, run, text_file("Navn;Telefon;E-post;Kategori\n"
		"Åse Ødegård;+47 912 34 567;aase@example.no;Pasient\n"
		"Олександр;;o@example.ua;Pårørende\n"), WRITE, NULL, &sum, &err), 0, "%s", err.msg);
	int64_t audit = fx_int(ctx, "SELECT count(*) FROM audit");
	char buf[1024] = "";
	cr_assert_eq(enroll_export(ctx, run, collect_contact, buf, &err), 0, "%s", err.msg);
	cr_assert_str_eq(buf, "Åse Ødegård:patient:registered:+4791234567:aase@example.no|"
		"Олександр:relative:waitlisted::o@example.ua|");
	cr_assert_eq(fx_int(ctx, "SELECT count(*) FROM audit WHERE action = 'read_contact' AND detail = 'export'"), 2);
	cr_assert_eq(fx_int(ctx, "SELECT count(*) FROM audit WHERE action = 'export' AND entity_id = %lld", (long long)run), 1);
	cr_assert_eq(fx_int(ctx, "SELECT count(*) FROM audit"), audit + 3);
	lk_ctx *staff = tl_ctx_as(ctx, "vert", LK_ROLE_STAFF);
	lk_ctx *rep = tl_ctx_as(ctx, "bruker", LK_ROLE_USER_REP);
	char *before = fx_snapshot(ctx);
	buf[0] = '\0';
	cr_assert_eq(enroll_export(staff, run, collect_contact, buf, &err), -1);
	cr_assert_eq(err.code, LK_EPERM);
	cr_assert_eq(enroll_export(rep, run, collect_contact, buf, &err), -1);
	cr_assert_eq(err.code, LK_EPERM);
	cr_assert_str_eq(buf, "", "nothing reached the refused roles");
	cr_assert_eq(enroll_export(ctx, 999, collect_contact, buf, &err), -1);
	cr_assert_eq(err.code, LK_ENOTFOUND);
	assert_unchanged(ctx, before);
	ctx_close(staff);
	ctx_close(rep);
	ctx_close(ctx);
}

static int write_contact(void *arg, const lk_enroll_contact *c)
{
	lk_err err;
	cr_assert_eq(export_write_row(arg, c, &err), 0, "%s", err.msg);
	return 0;
}

/* Exports run to a temporary file in flavour fl, rewound. */
static FILE *export_file(lk_ctx *ctx, int64_t run, lk_csv_flavour fl)
{
	FILE *f = tmpfile();
	lk_csv_writer *w;
	lk_err err;
	cr_assert_eq(csv_writer_open(f, fl, &w, &err), 0);
	cr_assert_eq(export_write_header(w, &err), 0);
	cr_assert_eq(enroll_export(ctx, run, write_contact, w, &err), 0, "%s", err.msg);
	cr_assert_eq(csv_writer_close(w, &err), 0);
	rewind(f);
	return f;
}

static void export_import_round_trip(lk_csv_flavour fl)
{
	lk_ctx *ctx = tl_ctx();
	int64_t a = fx_run(ctx, "registration", 6), b = fx_run(ctx, "registration", 0);
	lk_import_summary sum;
	lk_err err;
	cr_assert_eq(import_file(ctx, a, sample("registration-export.csv"), SKIP, NULL, &sum, &err), 0, "%s", err.msg);
	char log[1024] = "";
	cr_assert_eq(import_file(ctx, b, export_file(ctx, a, fl), WRITE, log, &sum, &err), 0, "%s", err.msg);
	cr_assert_eq(sum.rows, 9);
	cr_assert_eq(sum.matched, 9, "%s", log);
	cr_assert_eq(sum.created, 0);
	cr_assert_eq(fx_int(ctx, "SELECT count(*) FROM participant"), 9);
	cr_assert_eq(fx_int(ctx, "SELECT count(*) FROM enrollment x JOIN enrollment y"
		" ON x.participant_id = y.participant_id AND x.category = y.category"
		" WHERE x.run_id = %lld AND y.run_id = %lld", (long long)a, (long long)b), 9,
		"every category came back");
	ctx_close(ctx);
}

Test(enroll_import, export_then_import_round_trip_rfc4180) { export_import_round_trip(LK_CSV_RFC4180); }
Test(enroll_import, export_then_import_round_trip_excel) { export_import_round_trip(LK_CSV_EXCEL); }
