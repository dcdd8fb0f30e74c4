/*
 * import.c — registration CSVs to import rows, enrollments to export rows
 * (import.h). The reading of bytes, quotes and encodings is csv.c's; here
 * we only know what the columns mean.
 */
#include "lmskurs/import.h"

#include <stdlib.h>
#include <string.h>

#include "lmskurs/i18n.h"
#include "lmskurs/text.h"

/* ---- column names and category words ---- */

static const struct {
	const char *key; /* letters and digits only, compared case-insensitively */
	lk_import_column col;
} column_names[] = {
	{"navn", LK_ICOL_NAME}, {"namn", LK_ICOL_NAME}, {"name", LK_ICOL_NAME},
	{"fulltnavn", LK_ICOL_NAME}, {"fulltnamn", LK_ICOL_NAME}, {"fullname", LK_ICOL_NAME},
	{"epost", LK_ICOL_EMAIL}, {"email", LK_ICOL_EMAIL}, {"epostadresse", LK_ICOL_EMAIL},
	{"emailadresse", LK_ICOL_EMAIL}, {"emailaddress", LK_ICOL_EMAIL}, {"mail", LK_ICOL_EMAIL},
	{"telefon", LK_ICOL_PHONE}, {"mobil", LK_ICOL_PHONE}, {"phone", LK_ICOL_PHONE},
	{"tlf", LK_ICOL_PHONE}, {"telefonnummer", LK_ICOL_PHONE}, {"mobilnummer", LK_ICOL_PHONE},
	{"mobiltelefon", LK_ICOL_PHONE}, {"mobile", LK_ICOL_PHONE}, {"phonenumber", LK_ICOL_PHONE},
	{"jegdeltarsom", LK_ICOL_CATEGORY}, {"deltarsom", LK_ICOL_CATEGORY},
	{"category", LK_ICOL_CATEGORY}, {"kategori", LK_ICOL_CATEGORY},
	{"fødselsår", LK_ICOL_BIRTH_YEAR}, {"fodselsar", LK_ICOL_BIRTH_YEAR},
	{"fødselsaar", LK_ICOL_BIRTH_YEAR}, {"birthyear", LK_ICOL_BIRTH_YEAR},
	{"yearofbirth", LK_ICOL_BIRTH_YEAR},
	{"kommentar", LK_ICOL_NOTES}, {"kommentarer", LK_ICOL_NOTES}, {"comment", LK_ICOL_NOTES},
	{"comments", LK_ICOL_NOTES}, {"merknad", LK_ICOL_NOTES}, {"notes", LK_ICOL_NOTES},
};

static const struct {
	const char *word;
	lk_category cat;
} category_words[] = {
	{"pasient", LK_CAT_PATIENT}, {"patient", LK_CAT_PATIENT},
	{"pårørende", LK_CAT_RELATIVE}, {"parorende", LK_CAT_RELATIVE},
	{"pårørande", LK_CAT_RELATIVE}, {"relative", LK_CAT_RELATIVE},
};

/* s without ASCII spaces and punctuation and without no-break spaces, in
 * a new string (NULL when out of memory). */
static char *header_key(const char *s)
{
	char *k = malloc(strlen(s) + 1), *o = k;
	if (!k)
		return NULL;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (p[0] == 0xC2 && p[1] == 0xA0) {
			p++;
			continue;
		}
		if (*p >= 0x80 || (*p >= '0' && *p <= '9') || ((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z'))
			*o++ = (char)*p;
	}
	*o = '\0';
	return k;
}

lk_import_column import_column_kind(const char *header)
{
	char *k = header_key(header ? header : "");
	lk_import_column col = LK_ICOL_IGNORED;
	for (size_t i = 0; k && i < sizeof column_names / sizeof column_names[0]; i++)
		if (text_equal_fold(k, column_names[i].key)) {
			col = column_names[i].col;
			break;
		}
	free(k);
	return col;
}

int import_category_parse(const char *word, lk_category *out)
{
	char *w = text_trim_dup(word);
	int rc = -1;
	for (size_t i = 0; w && rc < 0 && i < sizeof category_words / sizeof category_words[0]; i++)
		if (text_equal_fold(w, category_words[i].word)) {
			*out = category_words[i].cat;
			rc = 0;
		}
	free(w);
	return rc;
}

/* ---- the file ---- */

struct lk_import_file {
	lk_csv_reader *csv;
	int col[LK_ICOL_COUNT]; /* field of each kind, -1 when absent */
	size_t ncols;           /* header fields */
	bool has_default;
	lk_category def;
	char *notes;            /* the row's notes, CRLF made LF; owned */
	char *by;               /* the row's trimmed birth year; owned */
};

void import_file_free(lk_import_file *in)
{
	if (!in)
		return;
	csv_reader_free(in->csv);
	free(in->notes);
	free(in->by);
	free(in);
}

bool import_file_converted(const lk_import_file *in)
{
	return csv_reader_encoding(in->csv) == LK_CSV_CP1252;
}

static int map_columns(lk_import_file *in, const lk_csv_record *h, lk_err *err)
{
	for (int k = 0; k < LK_ICOL_COUNT; k++)
		in->col[k] = -1;
	in->ncols = h->n;
	for (size_t i = 0; i < h->n; i++) {
		lk_import_column k = import_column_kind(h->fields[i]);
		if (k == LK_ICOL_IGNORED)
			continue;
		if (in->col[k] >= 0)
			return lk_fail(err, LK_EINVAL, _("Line %lld: the columns \"%s\" and \"%s\" mean the same; remove or rename one of them."),
				(long long)h->line, h->fields[in->col[k]], h->fields[i]);
		in->col[k] = (int)i;
	}
	if (in->col[LK_ICOL_NAME] < 0)
		return lk_fail(err, LK_EINVAL, _("Line %lld: the header has no column for the name (such as \"Navn\" or \"Name\")."),
			(long long)h->line);
	return 0;
}

static int read_header(lk_import_file *in, lk_err *err)
{
	lk_csv_record h;
	int got = csv_read(in->csv, &h, err);
	if (got == 0)
		return lk_fail(err, LK_EINVAL, _("The file is empty: there is not even a header row."));
	return got < 0 ? -1 : map_columns(in, &h, err);
}

int import_file_open(FILE *f, const lk_category *default_category, lk_import_file **out,
	lk_err *err)
{
	*out = NULL;
	lk_import_file *in = calloc(1, sizeof *in);
	if (!in)
		return lk_fail(err, LK_ENOMEM, _("Out of memory."));
	in->has_default = default_category != NULL;
	in->def = default_category ? *default_category : LK_CAT_PATIENT;
	if (csv_reader_open(f, 0, &in->csv, err) < 0 || read_header(in, err) < 0) {
		import_file_free(in);
		return -1;
	}
	*out = in;
	return 0;
}

/* ---- rows ---- */

static const char *cell(const lk_import_file *in, const lk_csv_record *r, lk_import_column k)
{
	int i = in->col[k];
	return i >= 0 && (size_t)i < r->n ? r->fields[i] : "";
}

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

/* A copy of s, trimmed, with CRLF and lone CR made LF. */
static char *notes_dup(const char *s)
{
	char *t = text_trim_dup(s), *o = t;
	if (!t)
		return NULL;
	for (const char *p = t; *p; p++) {
		if (*p == '\r' && p[1] == '\n')
			continue;
		*o++ = *p == '\r' ? '\n' : *p;
	}
	*o = '\0';
	return t;
}

static const char *category_problem(const lk_import_file *in, const char *word, lk_category *out)
{
	if (import_category_parse(word, out) == 0)
		return NULL;
	if (!blank(word))
		return _("The category is not one of pasient, pårørende (patient, relative).");
	if (in->has_default) {
		*out = in->def;
		return NULL;
	}
	return _("The category is missing; write pasient or pårørende (patient or relative).");
}

/* The birth year of in->by into *year (0 when empty); a problem or NULL. */
static const char *birth_year_problem(const char *by, int *year)
{
	*year = 0;
	if (!by[0])
		return NULL;
	if (strlen(by) != 4 || strspn(by, "0123456789") != 4)
		return _("The birth year is not a year (like 1961).");
	*year = atoi(by);
	return NULL;
}

/* Fills row from record r; the first problem found goes to row->problem. */
static int row_fill(lk_import_file *in, const lk_csv_record *r, lk_import_row *row, lk_err *err)
{
	free(in->notes);
	free(in->by);
	in->notes = notes_dup(cell(in, r, LK_ICOL_NOTES));
	in->by = text_trim_dup(cell(in, r, LK_ICOL_BIRTH_YEAR));
	if (!in->notes || !in->by)
		return lk_fail(err, LK_ENOMEM, _("Out of memory."));
	*row = (lk_import_row){.line = r->line, .name = cell(in, r, LK_ICOL_NAME),
		.phone = cell(in, r, LK_ICOL_PHONE), .email = cell(in, r, LK_ICOL_EMAIL), .notes = in->notes};
	const char *cat = category_problem(in, cell(in, r, LK_ICOL_CATEGORY), &row->category);
	const char *by = birth_year_problem(in->by, &row->birth_year);
	if (r->n > in->ncols && !all_blank(r, in->ncols))
		row->problem = _("The row has more fields than the header has columns; a field with the separator in it must be in quotes.");
	else if (blank(row->name))
		row->problem = _("The name is missing.");
	else
		row->problem = cat ? cat : by;
	return 1;
}

int import_file_next(void *arg, lk_import_row *row, lk_err *err)
{
	lk_import_file *in = arg;
	for (;;) {
		lk_csv_record r;
		int got = csv_read(in->csv, &r, err);
		if (got <= 0)
			return got;
		if (!all_blank(&r, 0))
			return row_fill(in, &r, row, err);
	}
}

/* ---- export ---- */

int export_write_header(lk_csv_writer *w, lk_err *err)
{
	const char *h[] = {_("Name"), _("Category"), _("Status"), _("Phone"), _("E-mail")};
	return csv_write_record(w, h, 5, err);
}

int export_write_row(lk_csv_writer *w, const lk_enroll_contact *c, lk_err *err)
{
	const char *f[] = {c->name, enroll_category_label(c->category), enroll_status_label(c->status),
		c->phone, c->email};
	return csv_write_record(w, f, 5, err);
}
