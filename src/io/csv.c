/*
 * csv.c — the CSV reader and writer (csv.h).
 *
 * Reader pipeline: open → (spool a pipe to a private tmpfile) → scan the
 * raw bytes once: BOM, UTF-8 validity, separators in the first line → seek
 * back → a decoded byte stream (raw UTF-8, or Windows-1252 through iconv,
 * a chunk at a time) → a small state machine that splits one record into
 * fields, counting physical lines.
 */
#include "lmskurs/csv.h"

#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lmskurs/i18n.h"
#include "lmskurs/text.h"

enum { CHUNK = 1 << 16 };

struct lk_csv_reader {
	FILE *f;
	FILE *spool;            /* private copy of an unseekable stream; owned */
	lk_csv_encoding enc;
	char sep;
	iconv_t cd;             /* Windows-1252 → UTF-8, (iconv_t)-1 when unused */
	char raw[CHUNK];
	char *conv;             /* converted bytes (Windows-1252 only) */
	const char *out;        /* the decoded bytes being served: raw or conv */
	size_t out_len, out_pos;
	bool bad_byte;          /* iconv stopped at a byte Windows-1252 lacks */
	unsigned char bad;
	int peek;               /* a byte pushed back, -1 when none */
	int64_t line;           /* physical line being read */
	int64_t rec_line;       /* where the record being read starts */
	char *buf;              /* the record's fields, each NUL-terminated */
	size_t len, cap, field_start;
	size_t *starts;
	const char **fields;
	size_t nf, fcap;
};

/* ---- the scan: encoding and separator ---- */

typedef struct scan {
	bool utf8_ok;
	int64_t line, bad_line; /* bad_line: where the first invalid byte is */
	bool first_done, in_quote;
	size_t counts[3];       /* ';' ',' '\t' in the first line, outside quotes */
} scan;

static const char seps[3] = {';', ',', '\t'};

static void scan_bytes(scan *s, const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (p[i] == '\n')
			s->line++;
		if (s->first_done)
			continue;
		if (p[i] == '"')
			s->in_quote = !s->in_quote;
		else if (!s->in_quote && (p[i] == '\n' || p[i] == '\r'))
			s->first_done = true;
		else if (!s->in_quote)
			for (int k = 0; k < 3; k++)
				s->counts[k] += p[i] == seps[k];
	}
}

/* Scans one chunk buf[0..total); returns how many bytes at its end to
 * carry over into the next chunk (a UTF-8 sequence cut in two). */
static size_t scan_chunk(scan *s, char *buf, size_t total, bool at_end)
{
	size_t bad;
	if (!s->utf8_ok || text_utf8_valid(buf, total, &bad)) {
		scan_bytes(s, buf, total);
		return 0;
	}
	scan_bytes(s, buf, bad);
	if (!at_end && total - bad < 4) {
		memmove(buf, buf + bad, total - bad);
		return total - bad;
	}
	s->utf8_ok = false;
	s->bad_line = s->line;
	scan_bytes(s, buf + bad, total - bad);
	return 0;
}

static int read_fail(lk_err *err)
{
	return lk_fail(err, LK_EIO, _("The file could not be read: %s."), strerror(errno));
}

/* Reads f to its end: s gets what it saw, *bom whether it starts with a
 * UTF-8 byte order mark; a UTF-16 one is refused. */
static int scan_stream(lk_csv_reader *r, scan *s, bool *bom, lk_err *err)
{
	size_t carry = 0;
	bool first = true;
	*s = (scan){.utf8_ok = true, .line = 1};
	for (;;) {
		size_t n = fread(r->raw + carry, 1, CHUNK - carry, r->f), total = carry + n;
		bool at_end = n < CHUNK - carry;
		if (at_end && ferror(r->f))
			return read_fail(err);
		char *p = r->raw;
		if (first && total >= 2 && ((p[0] == '\xFF' && p[1] == '\xFE') || (p[0] == '\xFE' && p[1] == '\xFF')))
			return lk_fail(err, LK_EINVAL, _("The file is in UTF-16; save it as \"CSV UTF-8\" (or plain CSV) and try again."));
		*bom = first ? total >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0 : *bom;
		size_t skip = first && *bom ? 3 : 0;
		first = false;
		carry = scan_chunk(s, p + skip, total - skip, at_end);
		if (carry && skip)
			memmove(p, p + skip, carry);
		if (at_end)
			return 0;
	}
}

/* Copies an unseekable stream to a private temporary file (mode 0600,
 * already unlinked) and reads that instead. */
static int spool_stream(lk_csv_reader *r, lk_err *err)
{
	if (!(r->spool = tmpfile()))
		return lk_fail(err, LK_EIO, _("No temporary file for reading the input: %s."), strerror(errno));
	size_t n;
	while ((n = fread(r->raw, 1, CHUNK, r->f)) > 0)
		if (fwrite(r->raw, 1, n, r->spool) != n)
			return lk_fail(err, LK_EIO, _("The input could not be copied to a temporary file: %s."), strerror(errno));
	if (ferror(r->f))
		return read_fail(err);
	if (fflush(r->spool) != 0 || fseeko(r->spool, 0, SEEK_SET) != 0)
		return read_fail(err);
	r->f = r->spool;
	return 0;
}

static char pick_separator(const scan *s)
{
	int best = 1; /* ',' when none occurs */
	for (int k = 0; k < 3; k++)
		if (s->counts[k] > s->counts[best] || (s->counts[k] == s->counts[best] && k < best && s->counts[k]))
			best = k;
	return seps[best];
}

static int choose_encoding(lk_csv_reader *r, const scan *s, bool bom, lk_err *err)
{
	if (bom && !s->utf8_ok)
		return lk_fail(err, LK_EINVAL, _("Line %lld: the file says it is UTF-8 (it starts with a byte order mark) but has bytes that are not; save it again as \"CSV UTF-8\"."),
			(long long)s->bad_line);
	r->enc = bom ? LK_CSV_UTF8_BOM : s->utf8_ok ? LK_CSV_UTF8 : LK_CSV_CP1252;
	if (r->enc != LK_CSV_CP1252)
		return 0;
	r->cd = iconv_open("UTF-8", "WINDOWS-1252");
	r->conv = malloc(3 * CHUNK);
	if (r->cd == (iconv_t)-1)
		return lk_fail(err, LK_EIO, _("This system cannot convert from Windows-1252 (iconv): %s."), strerror(errno));
	return r->conv ? 0 : lk_fail(err, LK_ENOMEM, _("Out of memory."));
}

/* Scans f and positions it at the first byte of the first record. */
static int reader_prepare(lk_csv_reader *r, char sep, lk_err *err)
{
	off_t start = ftello(r->f);
	if (start < 0 || fseeko(r->f, start, SEEK_SET) != 0) {
		if (spool_stream(r, err) < 0)
			return -1;
		start = 0;
	}
	scan s;
	bool bom = false;
	if (scan_stream(r, &s, &bom, err) < 0 || choose_encoding(r, &s, bom, err) < 0)
		return -1;
	r->sep = sep ? sep : pick_separator(&s);
	clearerr(r->f);
	if (fseeko(r->f, start + (bom ? 3 : 0), SEEK_SET) != 0)
		return read_fail(err);
	return 0;
}

int csv_reader_open(FILE *f, char sep, lk_csv_reader **out, lk_err *err)
{
	*out = NULL;
	if (sep && sep != ';' && sep != ',' && sep != '\t')
		return lk_fail(err, LK_EINVAL, _("The separator must be ';', ',' or a tab."));
	lk_csv_reader *r = calloc(1, sizeof *r);
	if (!r)
		return lk_fail(err, LK_ENOMEM, _("Out of memory."));
	r->f = f;
	r->cd = (iconv_t)-1;
	r->peek = -1;
	r->line = 1;
	r->out = r->raw;
	if (reader_prepare(r, sep, err) < 0) {
		csv_reader_free(r);
		return -1;
	}
	*out = r;
	return 0;
}

void csv_reader_free(lk_csv_reader *r)
{
	if (!r)
		return;
	if (r->cd != (iconv_t)-1)
		iconv_close(r->cd);
	if (r->spool)
		fclose(r->spool);
	free(r->conv);
	free(r->buf);
	free(r->starts);
	free(r->fields);
	free(r);
}

lk_csv_encoding csv_reader_encoding(const lk_csv_reader *r) { return r->enc; }
char csv_reader_separator(const lk_csv_reader *r) { return r->sep; }

/* ---- the decoded byte stream ---- */

static int bad_byte_fail(const lk_csv_reader *r, lk_err *err)
{
	return lk_fail(err, LK_EINVAL, _("Line %lld: the byte 0x%02X is neither UTF-8 nor Windows-1252 text; save the file as \"CSV UTF-8\" and try again."),
		(long long)r->rec_line, r->bad);
}

/* Converts raw[0..n) from Windows-1252; a byte it lacks ends the chunk
 * there and is reported once the bytes before it are used. */
static void convert_chunk(lk_csv_reader *r, size_t n)
{
	char *in = r->raw, *o = r->conv;
	size_t inleft = n, oleft = 3 * CHUNK;
	iconv(r->cd, NULL, NULL, NULL, NULL);
	if (iconv(r->cd, &in, &inleft, &o, &oleft) == (size_t)-1) {
		r->bad_byte = true;
		r->bad = (unsigned char)*in;
	}
	r->out = r->conv;
	r->out_len = (size_t)(o - r->conv);
}

/* 1 when there are bytes to serve, 0 at the end, -1 with err. */
static int refill(lk_csv_reader *r, lk_err *err)
{
	if (r->bad_byte)
		return bad_byte_fail(r, err);
	size_t n = fread(r->raw, 1, CHUNK, r->f);
	if (n == 0)
		return ferror(r->f) ? read_fail(err) : 0;
	r->out_pos = 0;
	if (r->enc == LK_CSV_CP1252)
		convert_chunk(r, n);
	else
		r->out_len = n;
	return r->out_len ? 1 : bad_byte_fail(r, err);
}

/* The next byte into *c: 1, or 0 at the end, or -1 with err. */
static int get_byte(lk_csv_reader *r, int *c, lk_err *err)
{
	if (r->peek >= 0) {
		*c = r->peek;
		r->peek = -1;
		return 1;
	}
	if (r->out_pos == r->out_len) {
		int rc = refill(r, err);
		if (rc <= 0)
			return rc;
	}
	*c = (unsigned char)r->out[r->out_pos++];
	return 1;
}

/* ---- records ---- */

static int grow(lk_csv_reader *r, lk_err *err)
{
	size_t cap = r->cap ? 2 * r->cap : 256;
	char *b = realloc(r->buf, cap);
	if (!b)
		return lk_fail(err, LK_ENOMEM, _("Out of memory."));
	r->buf = b;
	r->cap = cap;
	return 0;
}

/* Appends byte c (0 ends a field) to the record. */
static int put_byte(lk_csv_reader *r, int c, lk_err *err)
{
	if (r->len + 1 >= LK_CSV_RECORD_MAX)
		return lk_fail(err, LK_EINVAL, _("Line %lld: the record is longer than %d bytes; perhaps a quote (\") is never closed."),
			(long long)r->rec_line, LK_CSV_RECORD_MAX);
	if (r->len == r->cap && grow(r, err) < 0)
		return -1;
	r->buf[r->len++] = (char)c;
	return 0;
}

static int put_text(lk_csv_reader *r, int c, lk_err *err)
{
	if (c == 0)
		return lk_fail(err, LK_EINVAL, _("Line %lld: the file contains a NUL byte, so it is not a text file; save it from the spreadsheet as CSV."),
			(long long)r->rec_line);
	return put_byte(r, c, err);
}

static int field_end(lk_csv_reader *r, lk_err *err)
{
	if (r->nf == LK_CSV_FIELDS_MAX)
		return lk_fail(err, LK_EINVAL, _("Line %lld: the record has more than %d fields."),
			(long long)r->rec_line, LK_CSV_FIELDS_MAX);
	if (r->nf == r->fcap) {
		size_t cap = r->fcap ? 2 * r->fcap : 16;
		size_t *s = realloc(r->starts, cap * sizeof *s);
		if (s)
			r->starts = s;
		const char **f = s ? realloc(r->fields, cap * sizeof *f) : NULL;
		if (!f)
			return lk_fail(err, LK_ENOMEM, _("Out of memory."));
		r->fields = f;
		r->fcap = cap;
	}
	r->starts[r->nf++] = r->field_start;
	if (put_byte(r, 0, err) < 0)
		return -1;
	r->field_start = r->len;
	return 0;
}

/* A line ends at LF, CRLF or a lone CR; c is the CR or LF just read. */
static int line_end(lk_csv_reader *r, int c, lk_err *err)
{
	r->line++;
	if (c != '\r')
		return 0;
	int got = get_byte(r, &c, err);
	if (got == 1 && c != '\n')
		r->peek = c;
	return got < 0 ? -1 : 0;
}

/* The rest of a quoted field after its opening quote, up to and with its
 * closing quote; "" inside stands for one quote. */
static int read_quoted(lk_csv_reader *r, lk_err *err)
{
	int64_t opened = r->line;
	for (;;) {
		int c, got = get_byte(r, &c, err);
		if (got == 0)
			return lk_fail(err, LK_EINVAL, _("Line %lld: a quoted field that starts on line %lld is never closed (a \" is missing)."),
				(long long)r->rec_line, (long long)opened);
		if (got < 0)
			return -1;
		if (c == '"') {
			if ((got = get_byte(r, &c, err)) < 0)
				return -1;
			if (got == 0 || c != '"') {
				r->peek = got ? c : -1;
				return 0;
			}
		}
		if (c == '\n')
			r->line++;
		if (put_text(r, c, err) < 0)
			return -1;
	}
}

/* Reads one field; *end gets what ended it: the separator, '\n' for a
 * line end, or EOF. */
static int read_field(lk_csv_reader *r, int *end, lk_err *err)
{
	int c, got = get_byte(r, &c, err);
	if (got == 1 && c == '"') {
		if (read_quoted(r, err) < 0)
			return -1;
		got = get_byte(r, &c, err);
	}
	while (got == 1 && c != r->sep && c != '\n' && c != '\r') {
		if (put_text(r, c, err) < 0)
			return -1;
		got = get_byte(r, &c, err);
	}
	if (got < 0)
		return -1;
	*end = got == 0 ? EOF : c == r->sep ? c : '\n';
	if (*end == '\n' && line_end(r, c, err) < 0)
		return -1;
	return field_end(r, err);
}

/* Skips empty lines; 1 when a record follows, 0 at the end, -1. */
static int skip_blank_lines(lk_csv_reader *r, lk_err *err)
{
	for (;;) {
		int c;
		r->rec_line = r->line;
		int got = get_byte(r, &c, err);
		if (got <= 0)
			return got;
		if (c != '\n' && c != '\r') {
			r->peek = c;
			return 1;
		}
		if (line_end(r, c, err) < 0)
			return -1;
	}
}

int csv_read(lk_csv_reader *r, lk_csv_record *rec, lk_err *err)
{
	r->len = r->nf = r->field_start = 0;
	int rc = skip_blank_lines(r, err);
	if (rc <= 0)
		return rc;
	int end;
	do {
		if (read_field(r, &end, err) < 0)
			return -1;
	} while (end == r->sep);
	for (size_t i = 0; i < r->nf; i++)
		r->fields[i] = r->buf + r->starts[i];
	rec->n = r->nf;
	rec->fields = r->fields;
	rec->line = r->rec_line;
	return 1;
}

/* ---- the writer ---- */

struct lk_csv_writer {
	FILE *f;
	char sep;
	bool excel;
};

int csv_writer_open(FILE *f, lk_csv_flavour flavour, lk_csv_writer **out, lk_err *err)
{
	*out = calloc(1, sizeof **out);
	if (!*out)
		return lk_fail(err, LK_ENOMEM, _("Out of memory."));
	(*out)->f = f;
	(*out)->excel = flavour == LK_CSV_EXCEL;
	(*out)->sep = (*out)->excel ? ';' : ',';
	if ((*out)->excel)
		fputs("\xEF\xBB\xBF", f);
	return 0;
}

static bool needs_quotes(const char *s, char sep)
{
	size_t n = strlen(s);
	for (const char *p = s; *p; p++)
		if (*p == sep || *p == '"' || *p == '\r' || *p == '\n')
			return true;
	if (strncmp(s, "\xEF\xBB\xBF", 3) == 0)
		return true; /* else, first in a file, it would be read as a BOM */
	return n > 0 && (strchr(" \t", s[0]) || strchr(" \t", s[n - 1]));
}

/* Text Excel would take for a formula; numbers and phone numbers are not. */
static bool formula_like(const char *s)
{
	if (!s[0] || !strchr("=+-@\t\r", s[0]))
		return false;
	bool digit = false;
	for (const char *p = s; *p; p++) {
		if (*p >= '0' && *p <= '9')
			digit = true;
		else if (!strchr("+-.,()/ ", *p))
			return true;
	}
	return !digit;
}

static void write_field(lk_csv_writer *w, const char *s, bool alone)
{
	bool guard = w->excel && formula_like(s);
	bool quote = needs_quotes(s, w->sep) || (alone && !s[0]);
	if (quote)
		putc('"', w->f);
	if (guard)
		putc('\'', w->f);
	for (const char *p = s; *p; p++) {
		if (*p == '"' && quote)
			putc('"', w->f);
		putc(*p, w->f);
	}
	if (quote)
		putc('"', w->f);
}

int csv_write_record(lk_csv_writer *w, const char *const *fields, size_t n, lk_err *err)
{
	for (size_t i = 0; i < n; i++) {
		size_t bad;
		const char *s = fields[i] ? fields[i] : "";
		if (!text_utf8_valid(s, strlen(s), &bad))
			return lk_fail(err, LK_EINVAL, _("Field %zu is not valid UTF-8 text (byte %zu)."), i + 1, bad + 1);
	}
	for (size_t i = 0; i < n; i++) {
		if (i > 0)
			putc(w->sep, w->f);
		write_field(w, fields[i] ? fields[i] : "", n == 1);
	}
	fputs("\r\n", w->f);
	if (ferror(w->f))
		return lk_fail(err, LK_EIO, _("Writing the file failed: %s."), strerror(errno));
	return 0;
}

int csv_writer_close(lk_csv_writer *w, lk_err *err)
{
	if (!w)
		return 0;
	int rc = 0;
	if (fflush(w->f) != 0 || ferror(w->f))
		rc = lk_fail(err, LK_EIO, _("Writing the file failed: %s."), strerror(errno));
	free(w);
	return rc;
}

/* ---- private output files ---- */

int csv_outfile_open(const char *path, lk_csv_outfile *of, lk_err *err)
{
	memset(of, 0, sizeof *of);
	size_t n = strlen(path);
	of->path = strdup(path);
	of->tmp = malloc(n + 8);
	if (!of->path || !of->tmp) {
		csv_outfile_close(of, false, NULL);
		return lk_fail(err, LK_ENOMEM, _("Out of memory."));
	}
	memcpy(of->tmp, path, n);
	memcpy(of->tmp + n, ".XXXXXX", 8);
	int fd = mkstemp(of->tmp);
	if (fd < 0 || fchmod(fd, 0600) != 0 || !(of->f = fdopen(fd, "w"))) {
		int e = errno;
		if (fd >= 0) {
			close(fd);
			unlink(of->tmp);
		}
		free(of->tmp);
		free(of->path);
		memset(of, 0, sizeof *of);
		return lk_fail(err, LK_EIO, _("Cannot write %s: %s."), path, strerror(e));
	}
	return 0;
}

/* Flushes, syncs and closes of->f; 0 or -1 with errno set. */
static int close_synced(FILE *f)
{
	int rc = fflush(f) != 0 || ferror(f) || fsync(fileno(f)) != 0 ? -1 : 0;
	int e = errno;
	if (fclose(f) != 0)
		rc = -1;
	else
		errno = e;
	return rc;
}

int csv_outfile_close(lk_csv_outfile *of, bool keep, lk_err *err)
{
	int rc = 0;
	if (of->f) {
		int closed = close_synced(of->f);
		if (keep && (closed < 0 || rename(of->tmp, of->path) != 0))
			rc = lk_fail(err, LK_EIO, _("Cannot write %s: %s."), of->path, strerror(errno));
		if (!keep || rc < 0)
			unlink(of->tmp);
	}
	free(of->tmp);
	free(of->path);
	memset(of, 0, sizeof *of);
	return rc;
}
