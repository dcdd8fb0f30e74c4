/* table.c — lists as aligned text, TSV or CSV (see table.h). */
#include "table.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "lmskurs/i18n.h"

struct cli_table {
	FILE *out;
	cli_format fmt;
	const cli_column *cols;
	int ncols;
	char **held;      /* text: up to CLI_PAGE rows of ncols cells */
	int nheld;
	int64_t rows;
	bool header_done;
	bool failed;      /* a row could not be held: out of memory */
};

int table_parse_format(const char *s, cli_format *out)
{
	static const char *const names[] = {[CLI_TEXT] = "text", [CLI_TSV] = "tsv", [CLI_CSV] = "csv"};
	for (int i = 0; i < 3; i++)
		if (s && strcmp(s, names[i]) == 0) {
			*out = (cli_format)i;
			return 0;
		}
	return -1;
}

int cli_take_format(const cli_app *app, const char *s, cli_format *out)
{
	if (table_parse_format(s, out) == 0)
		return CLI_OK;
	return cli_usage_error(app, _("Unknown format '%s': choose text, tsv or csv."), s);
}

cli_table *table_new(FILE *out, cli_format fmt, const cli_column *cols, int ncols)
{
	cli_table *t = calloc(1, sizeof *t);
	if (!t)
		return NULL;
	*t = (cli_table){.out = out, .fmt = fmt, .cols = cols, .ncols = ncols};
	if (fmt == CLI_TEXT && !(t->held = calloc((size_t)CLI_PAGE * (size_t)ncols, sizeof *t->held))) {
		free(t);
		return NULL;
	}
	return t;
}

cli_format table_format(const cli_table *t) { return t->fmt; }
int64_t table_rows(const cli_table *t) { return t->rows; }

const char *table_int(char buf[static 24], int64_t v)
{
	snprintf(buf, 24, "%" PRId64, v);
	return buf;
}

const char *table_date(char buf[static 11], lk_date d, cli_format fmt)
{
	buf[0] = '\0';
	if (d.year == 0)
		return buf;
	if (fmt == CLI_TEXT)
		date_show(d, buf);
	else
		date_iso(d, buf);
	return buf;
}

/* ---- text ---- */

/* A copy fit for a terminal: C0, DEL and C1 control characters (escape
 * sequences, tabs, newlines) become spaces. */
static char *text_clean_dup(const char *s)
{
	char *d = strdup(s ? s : "");
	if (!d)
		return NULL;
	unsigned char *r = (unsigned char *)d, *w = r;
	for (; *r; r++) {
		if (r[0] == 0xC2 && r[1] >= 0x80 && r[1] <= 0x9F) {
			*w++ = ' ';
			r++;
		} else {
			*w++ = *r < 0x20 || *r == 0x7F ? ' ' : *r;
		}
	}
	*w = '\0';
	return d;
}

size_t table_text_width(const char *s)
{
	size_t n = mbstowcs(NULL, s, 0);
	if (n == (size_t)-1)
		return strlen(s); /* not valid in this locale: bytes are the best guess */
	wchar_t *ws = malloc((n + 1) * sizeof *ws);
	if (!ws)
		return n;
	mbstowcs(ws, s, n + 1);
	int w = wcswidth(ws, n);
	if (w < 0) {
		w = 0;
		for (size_t i = 0; i < n; i++)
			w += wcwidth(ws[i]) < 0 ? 1 : wcwidth(ws[i]);
	}
	free(ws);
	return (size_t)w;
}

/* Writes one text line; padding is written only when something follows
 * it, so lines never end in spaces. */
static void put_text_line(cli_table *t, const char *const *cells, const size_t *widths)
{
	size_t pending = 0;
	for (int c = 0; c < t->ncols; c++) {
		const char *s = cells[c];
		size_t w = table_text_width(s), pad = widths[c] > w ? widths[c] - w : 0;
		if (c > 0)
			pending += 2;
		if (t->cols[c].right)
			pending += pad;
		if (*s) {
			fprintf(t->out, "%*s%s", (int)pending, "", s);
			pending = 0;
		}
		if (!t->cols[c].right)
			pending += pad;
	}
	fputc('\n', t->out);
}

static void measure(const cli_table *t, const char **labels, size_t *widths)
{
	for (int c = 0; c < t->ncols; c++) {
		labels[c] = _(t->cols[c].label);
		widths[c] = table_text_width(labels[c]);
	}
	for (int r = 0; r < t->nheld; r++)
		for (int c = 0; c < t->ncols; c++) {
			size_t w = table_text_width(t->held[r * t->ncols + c]);
			if (w > widths[c])
				widths[c] = w;
		}
}

static int flush_text(cli_table *t)
{
	if (t->nheld == 0)
		return 0;
	const char **labels = calloc((size_t)t->ncols, sizeof *labels);
	size_t *widths = calloc((size_t)t->ncols, sizeof *widths);
	if (!labels || !widths) {
		free(labels);
		free(widths);
		return -1;
	}
	measure(t, labels, widths);
	if (!t->header_done)
		put_text_line(t, labels, widths);
	t->header_done = true;
	for (int r = 0; r < t->nheld; r++) {
		put_text_line(t, (const char *const *)&t->held[r * t->ncols], widths);
		for (int c = 0; c < t->ncols; c++)
			free(t->held[r * t->ncols + c]);
	}
	t->nheld = 0;
	free(labels);
	free(widths);
	return 0;
}

static int hold_text_row(cli_table *t, const char *const *cells)
{
	if (t->nheld == CLI_PAGE && flush_text(t) < 0)
		return -1;
	char **row = &t->held[t->nheld * t->ncols];
	for (int c = 0; c < t->ncols; c++)
		if (!(row[c] = text_clean_dup(cells[c]))) {
			while (c-- > 0)
				free(row[c]);
			return -1;
		}
	t->nheld++;
	return 0;
}

/* ---- tsv and csv ---- */

static void put_tsv_cell(FILE *out, const char *s)
{
	for (; *s; s++)
		fputc(*s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s, out);
}

static void put_csv_cell(FILE *out, const char *s)
{
	if (!strpbrk(s, ",\"\r\n")) {
		fputs(s, out);
		return;
	}
	fputc('"', out);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', out);
		fputc(*s, out);
	}
	fputc('"', out);
}

static void put_record(cli_table *t, const char *const *cells)
{
	for (int c = 0; c < t->ncols; c++) {
		const char *s = cells[c] ? cells[c] : "";
		if (c > 0)
			fputc(t->fmt == CLI_CSV ? ',' : '\t', t->out);
		if (t->fmt == CLI_CSV)
			put_csv_cell(t->out, s);
		else
			put_tsv_cell(t->out, s);
	}
	fputs(t->fmt == CLI_CSV ? "\r\n" : "\n", t->out);
}

static void put_header(cli_table *t)
{
	const char *codes[t->ncols];
	for (int c = 0; c < t->ncols; c++)
		codes[c] = t->cols[c].code;
	put_record(t, codes);
	t->header_done = true;
}

/* ---- both ---- */

int table_row(cli_table *t, const char *const *cells)
{
	if (t->fmt == CLI_TEXT) {
		if (hold_text_row(t, cells) < 0) {
			t->failed = true;
			return -1;
		}
	} else {
		if (!t->header_done)
			put_header(t);
		put_record(t, cells);
	}
	t->rows++;
	return 0;
}

int table_flush(cli_table *t)
{
	if (t->failed)
		return -1;
	if (t->fmt == CLI_TEXT)
		return flush_text(t);
	if (!t->header_done)
		put_header(t);
	return 0;
}

void table_free(cli_table *t)
{
	if (!t)
		return;
	if (t->fmt == CLI_TEXT) {
		flush_text(t);
		for (int i = 0; i < t->nheld * t->ncols; i++)
			free(t->held[i]);
	}
	free(t->held);
	free(t);
}

/* ---- paging ---- */

int cli_list_pages(cli_table *t, int (*fetch)(void *, lk_page, lk_err *),
	void *arg, const char *empty_msg)
{
	lk_err err;
	lk_page page = {0, t->fmt == CLI_TEXT ? CLI_PAGE : 0};
	for (;;) {
		int64_t before = t->rows;
		if (fetch(arg, page, &err) < 0)
			return cli_report(&err);
		if (table_flush(t) < 0)
			return cli_failf("%s", _("Out of memory."));
		if (page.limit <= 0 || t->rows - before < page.limit)
			break;
		page.offset += t->rows - before;
	}
	if (t->fmt == CLI_TEXT && t->rows == 0 && empty_msg)
		fprintf(t->out, "%s\n", empty_msg);
	return CLI_OK;
}
