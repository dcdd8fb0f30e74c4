/*
 * template.c — course templates as ini files (template.h).
 *
 * Reading: read the file whole → refuse a BOM, NUL bytes and what is not
 * UTF-8 → scan the lines ourselves for structure (known sections and keys,
 * each key's line, keys set twice) → iniparser through the config wrapper
 * for the values → decode escapes, parse and check each value → lk_concept.
 * Every problem is kept as "path:line: message" and all are returned
 * together; nothing is returned half.
 *
 * Writing: the concept as text in memory (open_memstream), then the file
 * replaced at once.
 */
#include "lmskurs/template.h"

#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "io_impl.h"
#include "lmskurs/config.h"
#include "lmskurs/i18n.h"
#include "lmskurs/text.h"

enum {
	TPL_FILE_MAX = 8 << 20,  /* far above any course concept */
	TPL_LINE_MAX = 1000,     /* iniparser 4.1 reads lines of up to 1023 bytes */
	TPL_CHUNK = 900,         /* bytes of an encoded text per key when writing */
	TPL_NUMBER_MAX = 999,    /* parts, checklist items, continuation keys */
	TPL_PROBLEMS_MAX = 40,   /* problems kept; err shows fewer */
};

/* The course's texts in the order they are written. */
static const struct {
	const char *key;
	size_t off;
	bool multiline;
} course_texts[] = {
	{"why", offsetof(lk_course, why), true},
	{"target_group", offsetof(lk_course, target_group), true},
	{"goals", offsetof(lk_course, goals), true},
	{"frame", offsetof(lk_course, frame), true},
	{"content", offsetof(lk_course, content), true},
	{"methods", offsetof(lk_course, methods), true},
	{"evaluation", offsetof(lk_course, evaluation), true},
};
enum { N_COURSE_TEXTS = sizeof course_texts / sizeof course_texts[0] };

static const lk_course_phase checklist_phases[] = {
	LK_COURSE_IDEA, LK_COURSE_PLANNING, LK_COURSE_REVISION,
};
enum { N_CHECKLIST_PHASES = 3 };

static char **course_text(lk_course *c, int i)
{
	return (char **)((char *)c + course_texts[i].off);
}

/* ==== writing ========================================================== */

/* Writes s quoted and escaped as key, key.2, … of at most TPL_CHUNK bytes. */
static void write_text(FILE *f, const char *key, const char *s)
{
	int part = 1;
	size_t used = 0;
	fprintf(f, "%s = \"", key);
	for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p;) {
		char piece[8];
		size_t len = 1;
		if (*p == '\\' || *p == '\n' || *p == '\t' || *p == '"') {
			snprintf(piece, sizeof piece, "%s", *p == '\\' ? "\\\\" : *p == '\n' ? "\\n" :
				*p == '\t' ? "\\t" : "\\x22");
		} else {
			while ((p[len] & 0xC0) == 0x80 && len < 4)
				len++;
			memcpy(piece, p, len);
			piece[len] = 0;
		}
		if (used + strlen(piece) > TPL_CHUNK) {
			fprintf(f, "\"\n%s.%d = \"", key, ++part);
			used = 0;
		}
		fputs(piece, f);
		used += strlen(piece);
		p += len;
	}
	fputs("\"\n", f);
}

static void write_course(FILE *f, const lk_course *c)
{
	fprintf(f, "[template]\nformat = %d\n\n[course]\n", LK_TEMPLATE_FORMAT);
	write_text(f, "title", c->title);
	fprintf(f, "audience = %s\nreferral_required = %s\n", course_audience_code(c->audience),
		c->referral_required ? "yes" : "no");
	for (int i = 0; i < N_COURSE_TEXTS; i++)
		write_text(f, course_texts[i].key, *course_text((lk_course *)c, i));
}

static void write_parts(FILE *f, const lk_concept *c)
{
	for (int i = 0; i < c->n_parts; i++) {
		const lk_course_part *p = &c->parts[i];
		fprintf(f, "\n[part %d]\n", i + 1);
		write_text(f, "topic", p->topic);
		fprintf(f, "minutes = %d\nneeds = %s\n", p->minutes, course_part_needs_code(p->needs));
		write_text(f, "description", p->description);
	}
}

static void write_checklists(FILE *f, const lk_concept *c)
{
	for (int k = 0; k < N_CHECKLIST_PHASES; k++) {
		lk_course_phase ph = checklist_phases[k];
		if (!c->has_checklist[ph])
			continue;
		fprintf(f, "\n[checklist %s]\n", course_phase_code(ph));
		int n = 0;
		for (int i = 0; i < c->n_items; i++) {
			char key[24];
			if (c->items[i].phase != ph)
				continue;
			snprintf(key, sizeof key, "item%d", ++n);
			write_text(f, key, c->items[i].text);
		}
	}
}

int template_write(const lk_concept *c, const char *path, lk_err *err)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	if (!f)
		return lk_fail(err, LK_ENOMEM, _("Out of memory."));
	fputs(_("; lmskurs course template: a course concept to share with other centres.\n"
		"; Import it with: lmskurs course import FILE.ini\n"), f);
	write_course(f, &c->course);
	write_parts(f, c);
	write_checklists(f, c);
	int bad = ferror(f);
	if (fclose(f) != 0 || bad) {
		free(buf);
		return lk_fail(err, LK_ENOMEM, _("Out of memory."));
	}
	int rc = io_write_file(path, buf, len, 0644, err);
	free(buf);
	return rc;
}

/* ==== reading: problems ================================================= */

typedef enum sect_kind { S_TEMPLATE, S_COURSE, S_PART, S_CHECKLIST } sect_kind;

typedef struct tpl_section {
	sect_kind kind;
	int number;            /* S_PART: its number; S_CHECKLIST: its lk_course_phase */
	char *name;            /* as iniparser keys it: lower-case */
	int line;
} tpl_section;

typedef struct tpl_key {
	int section;           /* index into sections */
	char *name;            /* lower-case */
	int line;
	bool used;
} tpl_key;

typedef struct tpl_read {
	const char *path;
	tpl_section *sections;
	int n_sections;
	tpl_key *keys;
	int n_keys;
	int current;           /* section of the lines being scanned; -1 none, -2 unknown */
	struct tpl_problem {
		int line, seq;
		char *text;        /* "path:line: message" */
	} *problems;
	int n_problems;        /* found, also beyond TPL_PROBLEMS_MAX (not kept) */
	bool nomem;
	lk_ini *ini;
	lk_concept *out;
} tpl_read;

static void problem(tpl_read *r, int line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void problem(tpl_read *r, int line, const char *fmt, ...)
{
	char msg[LK_ERR_MSG_MAX], text[2 * LK_ERR_MSG_MAX];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (line > 0)
		snprintf(text, sizeof text, "%s:%d: %s", r->path, line, msg);
	else
		snprintf(text, sizeof text, "%s: %s", r->path, msg);
	int i = r->n_problems++;
	if (i >= TPL_PROBLEMS_MAX)
		return;
	if (!r->problems && !(r->problems = calloc(TPL_PROBLEMS_MAX, sizeof *r->problems))) {
		r->nomem = true;
		return;
	}
	r->problems[i] = (struct tpl_problem){line, i, strdup(text)};
	r->nomem = r->nomem || !r->problems[i].text;
}

static int problem_cmp(const void *a, const void *b)
{
	const struct tpl_problem *x = a, *y = b;
	if (x->line != y->line)
		return (x->line > y->line) - (x->line < y->line);
	return (x->seq > y->seq) - (x->seq < y->seq);
}

/* Copies s (n bytes) for quoting in a message: at most 40 bytes, whole
 * characters, "…" when cut. */
static const char *shown(char out[static 48], const char *s, size_t n)
{
	size_t keep = n <= 40 ? n : 37;
	while (keep < n && keep > 0 && ((unsigned char)s[keep] & 0xC0) == 0x80)
		keep--;
	memcpy(out, s, keep);
	strcpy(out + keep, keep < n ? "\xe2\x80\xa6" : "");
	return out;
}

/* ==== reading: structure ================================================ */

/* A decimal number 1..TPL_NUMBER_MAX of exactly n bytes, no leading zero. */
static int parse_number(const char *s, size_t n, int *out)
{
	int v = 0;
	if (n == 0 || n > 3 || *s == '0')
		return -1;
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 0;
}

/* Recognises "template", "course", "part N", "checklist PHASE". */
static int section_kind(const char *name, sect_kind *kind, int *number)
{
	lk_course_phase ph;
	*number = 0;
	if (strcmp(name, "template") == 0 || strcmp(name, "course") == 0) {
		*kind = *name == 't' ? S_TEMPLATE : S_COURSE;
		return 0;
	}
	if (strncmp(name, "part ", 5) == 0) {
		*kind = S_PART;
		return parse_number(name + 5, strlen(name + 5), number);
	}
	if (strncmp(name, "checklist ", 10) == 0 && course_phase_parse(name + 10, &ph) == 0 &&
	    (ph == LK_COURSE_IDEA || ph == LK_COURSE_PLANNING || ph == LK_COURSE_REVISION)) {
		*kind = S_CHECKLIST;
		*number = (int)ph;
		return 0;
	}
	return -1;
}

static void lower_ascii(char *s)
{
	for (; *s; s++)
		if (*s >= 'A' && *s <= 'Z')
			*s = (char)(*s - 'A' + 'a');
}

/* s (n bytes) without surrounding spaces and tabs: start and length. */
static size_t trim(const char *s, size_t n, const char **start)
{
	while (n > 0 && (*s == ' ' || *s == '\t')) {
		s++;
		n--;
	}
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		n--;
	*start = s;
	return n;
}

static void scan_section(tpl_read *r, const char *s, size_t n, int line)
{
	char q[48];
	const char *name;
	size_t len = trim(s + 1, n - 2, &name);
	char *low = strndup(name, len);
	tpl_section *grown = low ? realloc(r->sections, (size_t)(r->n_sections + 1) * sizeof *grown) : NULL;
	if (!grown) {
		free(low);
		r->nomem = true;
		return;
	}
	r->sections = grown;
	lower_ascii(low);
	tpl_section sec = {S_TEMPLATE, 0, low, line};
	r->current = -2;
	for (int i = 0; i < r->n_sections; i++)
		if (strcmp(r->sections[i].name, low) == 0) {
			problem(r, line, _("[%s] appears again (first on line %d)"), low, r->sections[i].line);
			free(low);
			return;
		}
	if (section_kind(low, &sec.kind, &sec.number) < 0) {
		problem(r, line, _("unknown section [%s]"),
			shown(q, name, len));
		free(low);
		return;
	}
	r->current = r->n_sections;
	r->sections[r->n_sections++] = sec;
}

/* For a key that may go on in numbered keys ("goals.2"): its base name's
 * length, and the number (1 for the base itself); -1 if malformed. */
static int split_continuation(const char *key, size_t *base_len, int *number)
{
	const char *dot = strchr(key, '.');
	*base_len = dot ? (size_t)(dot - key) : strlen(key);
	*number = 1;
	if (!dot)
		return 0;
	return parse_number(dot + 1, strlen(dot + 1), number) < 0 || *number < 2 ? -1 : 0;
}

static bool name_is(const char *key, size_t n, const char *name)
{
	return strlen(name) == n && strncmp(key, name, n) == 0;
}

/* True when key (lower-case) belongs in a section of kind. */
static bool key_known(sect_kind kind, const char *key)
{
	static const char *const plain[][4] = {
		[S_TEMPLATE] = {"format"},
		[S_COURSE] = {"audience", "referral_required"},
		[S_PART] = {"minutes", "needs"},
	};
	size_t n;
	int number, item;
	for (int i = 0; kind != S_CHECKLIST && i < 4 && plain[kind][i]; i++)
		if (strcmp(key, plain[kind][i]) == 0)
			return true;
	if (kind == S_TEMPLATE || split_continuation(key, &n, &number) < 0)
		return false;
	if (kind == S_CHECKLIST)
		return n > 4 && strncmp(key, "item", 4) == 0 && parse_number(key + 4, n - 4, &item) == 0;
	if (kind == S_PART)
		return name_is(key, n, "topic") || name_is(key, n, "description");
	for (int i = 0; i < N_COURSE_TEXTS; i++)
		if (name_is(key, n, course_texts[i].key))
			return true;
	return name_is(key, n, "title");
}

static void add_key(tpl_read *r, char *low, int line)
{
	tpl_key *grown = realloc(r->keys, (size_t)(r->n_keys + 1) * sizeof *grown);
	if (!grown) {
		free(low);
		r->nomem = true;
		return;
	}
	r->keys = grown;
	r->keys[r->n_keys++] = (tpl_key){r->current, low, line, false};
}

static void scan_key(tpl_read *r, const char *s, size_t n, int line)
{
	char q[48];
	const char *key;
	size_t len = trim(s, (size_t)((const char *)memchr(s, '=', n) - s), &key);
	if (r->current == -2)
		return; /* its section was reported */
	if (r->current < 0) {
		problem(r, line, _("'%s' is outside any [section]"), shown(q, key, len));
		return;
	}
	char *low = strndup(key, len);
	if (!low) {
		r->nomem = true;
		return;
	}
	lower_ascii(low);
	const tpl_section *sec = &r->sections[r->current];
	for (int i = 0; i < r->n_keys; i++)
		if (r->keys[i].section == r->current && strcmp(r->keys[i].name, low) == 0) {
			problem(r, line, _("%s in [%s] is set again (first on line %d)"), low, sec->name,
				r->keys[i].line);
			free(low);
			return;
		}
	if (!key_known(sec->kind, low)) {
		problem(r, line, _("unknown key '%s' in [%s]"), shown(q, key, len), sec->name);
		free(low);
		return;
	}
	add_key(r, low, line);
}

/* One logical line s of n bytes (no newline). */
static void scan_line(tpl_read *r, const char *s, size_t n, int line)
{
	char q[48];
	if (n > TPL_LINE_MAX) {
		problem(r, line, _("the line is longer than %d bytes; a long text goes on in numbered keys (goals.2, goals.3 …)"),
			TPL_LINE_MAX);
		r->current = -2;
		return;
	}
	n = trim(s, n, &s);
	if (n == 0 || *s == ';' || *s == '#')
		return;
	if (*s == '[' && s[n - 1] == ']')
		scan_section(r, s, n, line);
	else if (*s != '=' && memchr(s, '=', n))
		scan_key(r, s, n, line);
	else
		problem(r, line, _("expected 'key = value' or '[section]', not '%s'"), shown(q, s, n));
}

/* Scans text line by line; a line ending in a backslash goes on in the
 * next, as iniparser joins them. */
static void scan(tpl_read *r, const char *text)
{
	int line = 1;
	for (const char *p = text; *p && !r->nomem;) {
		const char *start = p;
		int first = line;
		for (;;) {
			const char *nl = strchr(p, '\n');
			const char *end = nl ? nl : p + strlen(p);
			const char *t;
			size_t n = trim(p, (size_t)(end - p), &t);
			p = nl ? nl + 1 : end;
			line++;
			if (!(n > 0 && t[n - 1] == '\\' && nl))
				break;
		}
		/* Joined lines keep their backslashes here: only the length and
		 * the structure matter for the scan, iniparser reads the values. */
		scan_line(r, start, (size_t)(p - start) - (p[-1] == '\n'), first);
	}
}

/* ==== reading: the file ================================================ */

/* Reads path whole into *text (NUL-terminated; caller frees). */
static int read_whole(const char *path, char **text, size_t *len, lk_err *err)
{
	FILE *f = fopen(path, "rb");
	struct stat st;
	if (!f || fstat(fileno(f), &st) < 0) {
		int e = errno;
		if (f)
			fclose(f);
		return lk_fail(err, LK_EIO, _("%s: cannot open the template: %s"), path, strerror(e));
	}
	if (st.st_size > TPL_FILE_MAX) {
		fclose(f);
		return lk_fail(err, LK_EINVAL, _("%s: the file is too large to be a course template"), path);
	}
	char *buf = malloc((size_t)st.st_size + 1);
	size_t n = buf ? fread(buf, 1, (size_t)st.st_size, f) : 0;
	int bad = ferror(f) ? errno : 0;
	fclose(f);
	if (!buf)
		return lk_fail(err, LK_ENOMEM, _("Out of memory."));
	if (bad) {
		free(buf);
		return lk_fail(err, LK_EIO, _("%s: cannot read the template: %s"), path, strerror(bad));
	}
	buf[n] = 0;
	*text = buf;
	*len = n;
	return 0;
}

static int line_of(const char *text, size_t off)
{
	int line = 1;
	for (size_t i = 0; i < off; i++)
		line += text[i] == '\n';
	return line;
}

/* Refuses what iniparser cannot read as UTF-8 text. */
static int check_bytes(tpl_read *r, const char *text, size_t len)
{
	const char *nul = memchr(text, 0, len);
	size_t bad;
	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0)
		problem(r, 1, "%s", _("the file starts with a byte order mark (BOM); save it as UTF-8 without BOM"));
	else if (nul)
		problem(r, line_of(text, (size_t)(nul - text)), "%s",
			_("the file contains a NUL byte, so it is not a text file"));
	else if (!text_utf8_valid(text, len, &bad))
		problem(r, line_of(text, bad), _("the text is not valid UTF-8 (byte %zu); save the file as UTF-8"),
			bad + 1);
	return r->n_problems > 0 ? -1 : 0;
}

/* ==== reading: values ================================================== */

static tpl_key *find_key(tpl_read *r, int section, const char *name)
{
	for (int i = 0; i < r->n_keys; i++)
		if (r->keys[i].section == section && strcmp(r->keys[i].name, name) == 0)
			return &r->keys[i];
	return NULL;
}

static int hex(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = (char)(c | 0x20);
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* Decodes the escapes of v, appending to *out (of *len bytes). */
static int decode(tpl_read *r, const tpl_key *k, const char *v, char **out, size_t *len)
{
	char *grown = realloc(*out, *len + strlen(v) + 1), *o;
	if (!grown) {
		r->nomem = true;
		return -1;
	}
	*out = grown;
	o = grown + *len;
	for (const char *p = v; *p; p++) {
		int h = p[0] == '\\' && p[1] == 'x' && p[2] && hex(p[2]) >= 0 && hex(p[3]) >= 0
			? hex(p[2]) * 16 + hex(p[3]) : -1;
		if (*p != '\\') {
			*o++ = *p;
		} else if (p[1] == '\\' || p[1] == 'n' || p[1] == 't') {
			*o++ = p[1] == '\\' ? '\\' : p[1] == 'n' ? '\n' : '\t';
			p++;
		} else if (h > 0) {
			*o++ = (char)h;
			p += 3;
		} else {
			int n = 1;
			while (p[1] && ((unsigned char)p[1 + n] & 0xC0) == 0x80)
				n++;
			problem(r, k->line, _("%s: '\\%.*s' is not an escape (\\\\, \\n, \\t or \\x22)"),
				k->name, p[1] ? n : 0, p + 1);
			return -1;
		}
	}
	*len = (size_t)(o - *out);
	(*out)[*len] = 0;
	return 0;
}

/* Marks and returns the key called name in section, or NULL. */
static tpl_key *take_key(tpl_read *r, int section, const char *name)
{
	tpl_key *k = find_key(r, section, name);
	if (k)
		k->used = true;
	return k;
}

/* The text of base in section: base, base.2, … joined and decoded into
 * *out (NULL when base is not there). -1 after a problem. */
static int joined_text(tpl_read *r, int section, const char *base, char **out)
{
	size_t len = 0;
	*out = NULL;
	for (int part = 1; part <= TPL_NUMBER_MAX; part++) {
		char name[64];
		snprintf(name, sizeof name, part == 1 ? "%s" : "%s.%d", base, part);
		tpl_key *k = take_key(r, section, name);
		if (!k)
			break;
		const char *v = config_ini_get(r->ini, r->sections[section].name, name);
		if (!v) { /* iniparser holds no string for it (CVE-2023-33461's NULL) */
			problem(r, k->line, _("%s has no value"), name);
		}
		if (!v || decode(r, k, v, out, &len) < 0) {
			free(*out);
			*out = NULL;
			return -1;
		}
	}
	return 0;
}

/* A checked text (text_check's rules) into *out, "" when absent and not
 * required. -1 after a problem. */
static int text_value(tpl_read *r, int section, const char *base, bool required, size_t max,
	bool multiline, char **out)
{
	lk_err e;
	if (joined_text(r, section, base, out) < 0)
		return -1;
	if (!*out && required) {
		problem(r, r->sections[section].line, _("%s is missing in [%s]"), base, r->sections[section].name);
		return -1;
	}
	if (!*out && !(*out = strdup(""))) {
		r->nomem = true;
		return -1;
	}
	if (text_check(base, *out, required, max, multiline, &e) == 0)
		return 0;
	problem(r, find_key(r, section, base)->line, "%s", e.msg);
	free(*out);
	*out = NULL;
	return -1;
}

/* A plain value (a number or a word), NULL when absent; *line gets its
 * line (the section's when absent). */
static const char *plain_value(tpl_read *r, int section, const char *key, int *line)
{
	tpl_key *k = take_key(r, section, key);
	*line = k ? k->line : r->sections[section].line;
	return k ? config_ini_get(r->ini, r->sections[section].name, key) : NULL;
}

static int section_of(const tpl_read *r, sect_kind kind)
{
	for (int i = 0; i < r->n_sections; i++)
		if (r->sections[i].kind == kind)
			return i;
	return -1;
}

static void read_format(tpl_read *r)
{
	int s = section_of(r, S_TEMPLATE), line;
	long f;
	if (s < 0) {
		problem(r, 0, "%s", _("there is no [template] section; is this a course template made by \"lmskurs course export\"?"));
		return;
	}
	const char *v = plain_value(r, s, "format", &line);
	if (!v)
		problem(r, line, "%s", _("format is missing in [template]"));
	else if (config_parse_int(v, 1, 1000000, &f) < 0)
		problem(r, line, _("format must be a whole number, not '%s'"), v);
	else if (f > LK_TEMPLATE_FORMAT)
		problem(r, line, _("the template has format %ld, made by a newer lmskurs; this one reads format %d"),
			f, LK_TEMPLATE_FORMAT);
}

static void read_course_words(tpl_read *r, int s, lk_course *c)
{
	int line;
	const char *v = plain_value(r, s, "audience", &line);
	if (!v)
		problem(r, line, "%s", _("audience is missing in [course]: patients, relatives or both"));
	else if (course_audience_parse(v, &c->audience) < 0)
		problem(r, line, _("audience must be patients, relatives or both, not '%s'"), v);
	v = plain_value(r, s, "referral_required", &line);
	if (v && config_parse_bool(v, &c->referral_required) < 0)
		problem(r, line, _("referral_required must be yes or no, not '%s'"), v);
}

static void read_course(tpl_read *r)
{
	int s = section_of(r, S_COURSE);
	lk_course *c = &r->out->course;
	if (s < 0) {
		problem(r, 0, "%s", _("there is no [course] section"));
		return;
	}
	c->phase = LK_COURSE_IDEA;
	text_value(r, s, "title", true, LK_NAME_MAX, false, &c->title);
	read_course_words(r, s, c);
	for (int i = 0; i < N_COURSE_TEXTS; i++)
		text_value(r, s, course_texts[i].key, false, LK_TEXT_MAX, true, course_text(c, i));
}

/* Sections or keys by their number. */
typedef struct tpl_order {
	int number, index;
} tpl_order;

static int order_cmp(const void *a, const void *b)
{
	const tpl_order *x = a, *y = b;
	return (x->number > y->number) - (x->number < y->number);
}

/* The sections of kind in number order; *n gets how many. NULL when there
 * are none or memory ran out (r->nomem). */
static tpl_order *sections_in_order(tpl_read *r, sect_kind kind, int *n)
{
	tpl_order *o = malloc((size_t)(r->n_sections + 1) * sizeof *o);
	*n = 0;
	if (!o) {
		r->nomem = true;
		return NULL;
	}
	for (int i = 0; i < r->n_sections; i++)
		if (r->sections[i].kind == kind)
			o[(*n)++] = (tpl_order){r->sections[i].number, i};
	qsort(o, (size_t)*n, sizeof *o, order_cmp);
	return o;
}

static void read_part_words(tpl_read *r, int s, lk_course_part *p)
{
	int line;
	long minutes;
	const char *v = plain_value(r, s, "minutes", &line);
	if (!v)
		problem(r, line, _("minutes is missing in [%s]"), r->sections[s].name);
	else if (config_parse_int(v, LK_PART_MINUTES_MIN, LK_PART_MINUTES_MAX, &minutes) < 0)
		problem(r, line, _("minutes must be a whole number from %d to %d, not '%s'"),
			LK_PART_MINUTES_MIN, LK_PART_MINUTES_MAX, v);
	else
		p->minutes = (int)minutes;
	v = plain_value(r, s, "needs", &line);
	if (v && course_part_needs_parse(v, &p->needs) < 0)
		problem(r, line, _("needs must be both, professional or user_rep, not '%s'"), v);
}

static void read_part(tpl_read *r, int s)
{
	lk_course_part p = {.needs = LK_NEEDS_BOTH};
	lk_err e;
	int before = r->n_problems;
	text_value(r, s, "topic", true, LK_NAME_MAX, false, &p.topic);
	read_part_words(r, s, &p);
	text_value(r, s, "description", false, LK_TEXT_MAX, true, &p.description);
	if (r->n_problems == before && !r->nomem && concept_add_part(r->out, &p, &e) < 0)
		r->nomem = true;
	course_part_free(&p);
}

static void read_parts(tpl_read *r)
{
	int n;
	tpl_order *o = sections_in_order(r, S_PART, &n);
	for (int i = 0; i < n; i++)
		read_part(r, o[i].index);
	free(o);
}

/* The item keys (not their continuations) of section s in number order. */
static tpl_order *items_in_order(tpl_read *r, int s, int *n)
{
	tpl_order *o = malloc((size_t)(r->n_keys + 1) * sizeof *o);
	*n = 0;
	if (!o) {
		r->nomem = true;
		return NULL;
	}
	for (int i = 0; i < r->n_keys; i++) {
		const char *k = r->keys[i].name;
		int number;
		if (r->keys[i].section == s && !strchr(k, '.') &&
		    parse_number(k + 4, strlen(k + 4), &number) == 0)
			o[(*n)++] = (tpl_order){number, i};
	}
	qsort(o, (size_t)*n, sizeof *o, order_cmp);
	return o;
}

static void read_checklist(tpl_read *r, int s)
{
	lk_course_phase ph = (lk_course_phase)r->sections[s].number;
	int n;
	lk_err e;
	r->out->has_checklist[ph] = true;
	tpl_order *o = items_in_order(r, s, &n);
	for (int i = 0; i < n; i++) {
		char *text, base[32];
		snprintf(base, sizeof base, "%s", r->keys[o[i].index].name);
		if (text_value(r, s, base, true, LK_SHORT_MAX, false, &text) == 0 &&
		    concept_add_item(r->out, ph, text, &e) < 0)
			r->nomem = true;
		free(text);
	}
	free(o);
}

static void read_checklists(tpl_read *r)
{
	int n;
	tpl_order *o = sections_in_order(r, S_CHECKLIST, &n);
	for (int i = 0; i < n; i++)
		read_checklist(r, o[i].index);
	free(o);
}

/* Continuation keys that continue nothing ("goals.3" without "goals.2"). */
static void check_unused(tpl_read *r)
{
	for (int i = 0; i < r->n_keys; i++) {
		const tpl_key *k = &r->keys[i];
		size_t base;
		int number;
		if (k->used || split_continuation(k->name, &base, &number) < 0)
			continue;
		char prev[64];
		snprintf(prev, sizeof prev, number > 2 ? "%.*s.%d" : "%.*s", (int)base, k->name, number - 1);
		problem(r, k->line, _("%s continues no text: %s is missing before it"), k->name, prev);
	}
}

static void read_values(tpl_read *r)
{
	r->ini = config_ini_open(r->path);
	if (!r->ini) {
		problem(r, 0, "%s", _("the file could not be read as an ini file"));
		return;
	}
	read_format(r);
	read_course(r);
	read_parts(r);
	read_checklists(r);
	check_unused(r);
	config_ini_close(r->ini);
	r->ini = NULL;
}

static void read_free(tpl_read *r)
{
	for (int i = 0; i < r->n_sections; i++)
		free(r->sections[i].name);
	for (int i = 0; i < r->n_keys; i++)
		free(r->keys[i].name);
	free(r->sections);
	free(r->keys);
	for (int i = 0; r->problems && i < r->n_problems && i < TPL_PROBLEMS_MAX; i++)
		free(r->problems[i].text);
	free(r->problems);
}

/* The problems in line order, one per line, into err (cut with "…"). */
static int read_finish(tpl_read *r, lk_err *err)
{
	int kept = r->n_problems < TPL_PROBLEMS_MAX ? r->n_problems : TPL_PROBLEMS_MAX;
	char msg[LK_ERR_MSG_MAX + 8] = "";
	size_t len = 0;
	if (r->nomem)
		return lk_fail(err, LK_ENOMEM, _("Out of memory."));
	if (r->n_problems == 0)
		return 0;
	qsort(r->problems, (size_t)kept, sizeof *r->problems, problem_cmp);
	for (int i = 0; i < kept && len < sizeof msg; i++)
		len += (size_t)snprintf(msg + len, sizeof msg - len, "%s%s", i ? "\n" : "", r->problems[i].text);
	return lk_fail(err, LK_EINVAL, "%s%s", msg, kept < r->n_problems ? "\n\xe2\x80\xa6" : "");
}

int template_read(const char *path, lk_concept *out, lk_err *err)
{
	char *text = NULL;
	size_t len = 0;
	memset(out, 0, sizeof *out);
	if (read_whole(path, &text, &len, err) < 0)
		return -1;
	tpl_read r = {.path = path, .current = -1, .out = out};
	if (check_bytes(&r, text, len) == 0) {
		scan(&r, text);
		if (r.n_problems == 0 && !r.nomem)
			read_values(&r);
	}
	free(text);
	int rc = read_finish(&r, err);
	read_free(&r);
	if (rc < 0)
		concept_free(out);
	return rc;
}
