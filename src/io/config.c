/*
 * config.c — config.ini through iniparser 4.1, driven by one table.
 *
 * Pipeline: read the whole file → refuse what is not UTF-8 text → scan the
 * lines ourselves (syntax, unknown sections and keys, and the line of every
 * known key) → iniparser_load() for the values → parse each table key's
 * string into lk_config. Problems are collected, one "file:line: message"
 * per line, and returned together; a bad value keeps its default.
 *
 * CVE-2023-33461: iniparser 4.1's typed getters dereference NULL when the key
 * names a section ("[rules:completion_threshold]" stores that key with a NULL
 * value). Values are therefore read only by cfg_ini_string(), which treats
 * NULL as "not set"; numbers and booleans are parsed by config_parse_*.
 *
 * iniparser reports through a process-wide callback without a context
 * pointer, so capturing its text would need global mutable state. Instead the
 * callback is silenced and our own scan, which knows line numbers, reports
 * the same syntax errors; if iniparser still refuses the file, a plain
 * "could not be read" message is added.
 */
#include "lmskurs/config.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <iniparser.h>

#include "lmskurs/i18n.h"
#include "lmskurs/text.h"

enum {
	CFG_FILE_MAX = 1 << 20, /* a config file is a few kilobytes */
	CFG_LINE_MAX = 1000,    /* iniparser 4.1 reads lines of up to 1023 bytes */
	CFG_SHOW_MAX = 48,      /* bytes of a value quoted in a message */
	CFG_ISSUES_MAX = 256,   /* problems kept; far more than err->msg shows */
};

#define CFG_ELLIPSIS "\xe2\x80\xa6" /* … */

/* How a value is parsed and where it goes. */
typedef enum cfg_kind {
	CFG_PATH,     /* char *: absolute or ~/…; empty = NULL */
	CFG_TEXT,     /* char *: one line of text; empty = NULL */
	CFG_PRINTER,  /* char *: a CUPS destination name; empty = NULL */
	CFG_LANGUAGE, /* char *: "nb" or "en"; empty = NULL */
	CFG_COLOURS,  /* lk_colour_mode: auto|on|off (or a boolean) */
	CFG_INT,      /* int within [min,max] */
	CFG_MONEY,    /* long øre from kroner "350" / "350,50" */
} cfg_kind;

typedef struct cfg_key {
	const char *section;
	const char *name;
	cfg_kind kind;
	long min, max;   /* CFG_INT only */
	const char *def; /* the default as config.ini.example writes it */
	size_t off;      /* target inside lk_config */
} cfg_key;

#define CFG_AT(field) offsetof(lk_config, field)
#define CFG_SET(field) offsetof(lk_config, settings.field)

/* Every key of config.ini. The defaults here are what config_defaults()
 * gives (tests pin that), written as config.ini.example shows them. */
static const cfg_key cfg_keys[] = {
	{ "database", "path", CFG_PATH, 0, 0, "", CFG_AT(db_path) },
	{ "ui", "language", CFG_LANGUAGE, 0, 0, "", CFG_AT(language) },
	{ "ui", "colours", CFG_COLOURS, 0, 0, "auto", CFG_AT(colours) },
	{ "organisation", "name", CFG_TEXT, 0, 0, "", CFG_AT(organisation) },
	{ "printing", "printer", CFG_PRINTER, 0, 0, "", CFG_AT(printer) },
	{ "rules", "completion_threshold", CFG_INT, 1, 100, "80",
	  CFG_SET(completion_threshold_pct) },
	{ "honorarium", "rate", CFG_MONEY, 0, 0, "0", CFG_SET(honorarium_rate_ore) },
	{ "honorarium", "rounding_minutes", CFG_INT, 1, 120, "30",
	  CFG_SET(honorarium_round_min) },
	{ "honorarium", "minimum_minutes", CFG_INT, 0, 480, "60",
	  CFG_SET(honorarium_minimum_min) },
	{ "privacy", "retention_months", CFG_INT, 1, 120, "12", CFG_SET(retention_months) },
	{ "evaluation", "min_answers", CFG_INT, 1, 100, "5", CFG_SET(min_answers) },
};

enum { CFG_NKEYS = sizeof cfg_keys / sizeof cfg_keys[0] };

/* One problem found, kept until all are known and sorted by line. */
typedef struct cfg_issue {
	int line;
	int seq; /* order found, so equal lines keep it */
	char *text;
} cfg_issue;

/* State of one config_load() call. */
typedef struct cfg_load {
	lk_config *cfg;
	const char *path;          /* as named in messages */
	int line[CFG_NKEYS];       /* where each key was last set; 0 = not seen */
	const char *section;       /* current known section (a table string) */
	bool in_unknown;           /* inside a section reported as unknown */
	bool started;              /* a [section] line has been seen */
	cfg_issue *issues;
	int problems, cap;
	bool nomem;
	bool dropped;              /* problems beyond CFG_ISSUES_MAX were not kept */
	bool full;                 /* msg was cut with "…" */
	size_t len;
	char msg[LK_ERR_MSG_MAX];
} cfg_load;

/* ---- small text helpers ---------------------------------------------- */

/* Largest n' <= n that does not split a UTF-8 sequence of s (len bytes). */
static size_t cfg_utf8_cut(const char *s, size_t len, size_t n)
{
	if (n >= len)
		return len;
	while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	return n;
}

/* Copies s (n bytes) into out for quoting in a message, cut with "…". */
static const char *cfg_clip(char *out, size_t outsz, const char *s, size_t n)
{
	size_t keep = outsz - sizeof CFG_ELLIPSIS;
	if (n < outsz) {
		memcpy(out, s, n);
		out[n] = '\0';
		return out;
	}
	keep = cfg_utf8_cut(s, n, keep);
	memcpy(out, s, keep);
	memcpy(out + keep, CFG_ELLIPSIS, sizeof CFG_ELLIPSIS);
	return out;
}

/* Length of s (n bytes) without trailing spaces, tabs, CR and LF. */
static size_t cfg_rtrim(const char *s, size_t n)
{
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'
			|| s[n - 1] == '\n'))
		n--;
	return n;
}

/* s with surrounding spaces and tabs removed, as *start and the length. */
static size_t cfg_trim(const char *s, size_t n, const char **start)
{
	while (n > 0 && (*s == ' ' || *s == '\t')) {
		s++;
		n--;
	}
	*start = s;
	return cfg_rtrim(s, n);
}

static char *cfg_strdup_printf(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));

static char *cfg_strdup_printf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return NULL;
	char *s = malloc((size_t)n + 1);
	if (!s)
		return NULL;
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return s;
}

/* ---- the problem list ------------------------------------------------- */

/* Appends one line to ld->msg; once it no longer fits, cuts with "…". */
static void cfg_append(cfg_load *ld, const char *text)
{
	size_t tlen = strlen(text), sep = ld->len > 0;
	if (ld->full)
		return;
	if (ld->len + sep + tlen < sizeof ld->msg) {
		if (sep)
			ld->msg[ld->len++] = '\n';
		memcpy(ld->msg + ld->len, text, tlen + 1);
		ld->len += tlen;
		return;
	}
	size_t keep = sizeof ld->msg - sizeof CFG_ELLIPSIS;
	if (ld->len + sep >= keep) {
		ld->len = cfg_utf8_cut(ld->msg, ld->len, keep);
	} else {
		if (sep)
			ld->msg[ld->len++] = '\n';
		size_t n = cfg_utf8_cut(text, tlen, keep - ld->len);
		memcpy(ld->msg + ld->len, text, n);
		ld->len += n;
	}
	memcpy(ld->msg + ld->len, CFG_ELLIPSIS, sizeof CFG_ELLIPSIS);
	ld->len += sizeof CFG_ELLIPSIS - 1;
	ld->full = true;
}

/* Keeps text as the problem at line; on failure only notes nomem. */
static void cfg_keep(cfg_load *ld, int line, const char *text)
{
	if (ld->problems >= CFG_ISSUES_MAX) {
		ld->dropped = true;
		return;
	}
	if (ld->problems == ld->cap) {
		int cap = ld->cap ? 2 * ld->cap : 16;
		cfg_issue *grown = realloc(ld->issues, (size_t)cap * sizeof *grown);
		if (!grown) {
			ld->nomem = true;
			return;
		}
		ld->issues = grown;
		ld->cap = cap;
	}
	char *copy = strdup(text);
	if (!copy) {
		ld->nomem = true;
		return;
	}
	ld->issues[ld->problems] = (cfg_issue){ line, ld->problems, copy };
	ld->problems++;
}

static int cfg_issue_cmp(const void *a, const void *b)
{
	const cfg_issue *x = a, *y = b;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return (x->seq > y->seq) - (x->seq < y->seq);
}

/* Joins the problems into ld->msg in line order and frees them. */
static void cfg_join(cfg_load *ld)
{
	if (ld->problems > 0)
		qsort(ld->issues, (size_t)ld->problems, sizeof *ld->issues, cfg_issue_cmp);
	for (int i = 0; i < ld->problems; i++) {
		cfg_append(ld, ld->issues[i].text);
		free(ld->issues[i].text);
	}
	if (ld->dropped)
		cfg_append(ld, CFG_ELLIPSIS);
	free(ld->issues);
	ld->issues = NULL;
	ld->cap = 0;
}

/* Adds "file:line: message" (line 0: "file: message"). */
static void cfg_problem(cfg_load *ld, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void cfg_problem(cfg_load *ld, int line, const char *fmt, ...)
{
	char text[2 * LK_ERR_MSG_MAX];
	int n = line > 0 ? snprintf(text, sizeof text, "%s:%d: ", ld->path, line)
			 : snprintf(text, sizeof text, "%s: ", ld->path);
	if (n < 0 || (size_t)n >= sizeof text)
		n = 0;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(text + n, sizeof text - (size_t)n, fmt, ap);
	va_end(ap);
	cfg_keep(ld, line, text);
}

/* ---- the exposed parsers ---------------------------------------------- */

int config_parse_int(const char *s, long min, long max, long *out)
{
	const char *p;
	size_t n = cfg_trim(s, strlen(s), &p);
	char buf[32];
	if (n == 0 || n >= sizeof buf)
		return -1;
	memcpy(buf, p, n);
	buf[n] = '\0';
	if (!(isdigit((unsigned char)buf[0]) || (buf[0] == '-' && isdigit((unsigned char)buf[1]))))
		return -1;
	char *end;
	errno = 0;
	long v = strtol(buf, &end, 10);
	if (errno == ERANGE || *end != '\0' || v < min || v > max)
		return -1;
	*out = v;
	return 0;
}

int config_parse_bool(const char *s, bool *out)
{
	static const char *const yes[] = { "yes", "true", "1", "on", "ja" };
	static const char *const no[] = { "no", "false", "0", "off", "nei" };
	const char *p;
	size_t n = cfg_trim(s, strlen(s), &p);
	for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++) {
		if (strlen(yes[i]) == n && strncasecmp(p, yes[i], n) == 0) {
			*out = true;
			return 0;
		}
		if (strlen(no[i]) == n && strncasecmp(p, no[i], n) == 0) {
			*out = false;
			return 0;
		}
	}
	return -1;
}

/* Reads 1 to max_digits digits at *p as a number; advances *p. */
static int cfg_digits(const char **p, int max_digits, long *out)
{
	long v = 0;
	int n = 0;
	while (isdigit((unsigned char)**p)) {
		if (++n > max_digits)
			return -1;
		v = v * 10 + (**p - '0');
		(*p)++;
	}
	*out = v;
	return n > 0 ? 0 : -1;
}

int config_parse_money(const char *s, long *ore)
{
	const char *p;
	size_t n = cfg_trim(s, strlen(s), &p);
	const char *end = p + n;
	long kr, frac = 0;
	if (cfg_digits(&p, 12, &kr) < 0 || kr > (LONG_MAX - 99) / 100)
		return -1;
	if (p < end && (*p == ',' || *p == '.')) {
		p++;
		const char *f = p;
		if (p + 1 == end && *p == '-') {
			p++; /* "350,-" */
		} else if (cfg_digits(&p, 2, &frac) < 0) {
			return -1;
		} else if (p - f == 1) {
			frac *= 10; /* "350,5" is 350,50 */
		}
	}
	if (p != end)
		return -1;
	*ore = kr * 100 + frac;
	return 0;
}

/* ---- the wrapper: the only read of iniparser values -------------------- */

static int cfg_ini_quiet(const char *fmt, ...)
{
	(void)fmt;
	return 0;
}

/* The value of section:key as a string, or NULL when it is not set. NULL
 * also when the name belongs to a section (CVE-2023-33461's NULL value). */
static const char *cfg_ini_string(const dictionary *d, const cfg_key *k)
{
	char full[128];
	int n = snprintf(full, sizeof full, "%s:%s", k->section, k->name);
	if (n < 0 || (size_t)n >= sizeof full)
		return NULL;
	return iniparser_getstring(d, full, NULL);
}

/* Other ini-style files (course templates) read through the same rule. */
struct lk_ini {
	dictionary *d;
};

lk_ini *config_ini_open(const char *path)
{
	lk_ini *ini = malloc(sizeof *ini);
	if (!ini)
		return NULL;
	iniparser_set_error_callback(cfg_ini_quiet);
	ini->d = iniparser_load(path);
	if (!ini->d) {
		free(ini);
		return NULL;
	}
	return ini;
}

const char *config_ini_get(const lk_ini *ini, const char *section, const char *key)
{
	char *full = cfg_strdup_printf("%s:%s", section, key);
	const char *v = full ? iniparser_getstring(ini->d, full, NULL) : NULL;
	free(full);
	return v;
}

void config_ini_close(lk_ini *ini)
{
	if (!ini)
		return;
	iniparser_freedict(ini->d);
	free(ini);
}

/* ---- applying one value ------------------------------------------------ */

static void *cfg_target(lk_config *cfg, const cfg_key *k)
{
	return (char *)cfg + k->off;
}

/* Replaces a string target by a copy of v (n bytes; 0 = NULL). */
static int cfg_store_string(cfg_load *ld, const cfg_key *k, const char *v, size_t n)
{
	char **t = cfg_target(ld->cfg, k);
	char *copy = NULL;
	if (n > 0 && !(copy = strndup(v, n))) {
		ld->nomem = true;
		return -1;
	}
	free(*t);
	*t = copy;
	return 0;
}

static int cfg_apply_path(cfg_load *ld, const cfg_key *k, const char *v, int line)
{
	char shown[CFG_SHOW_MAX];
	const char *home = getenv("HOME");
	if (*v == '\0' || *v == '/')
		return cfg_store_string(ld, k, v, strlen(v));
	if (strncmp(v, "~/", 2) == 0 && home && *home == '/') {
		char *full = cfg_strdup_printf("%s/%s", home, v + 2);
		if (!full || cfg_store_string(ld, k, full, strlen(full)) < 0)
			ld->nomem = true;
		free(full);
		return ld->nomem ? -1 : 0;
	}
	cfg_problem(ld, line, _("%s in [%s] must be an absolute path or start with ~/, not '%s'"),
		k->name, k->section, cfg_clip(shown, sizeof shown, v, strlen(v)));
	return -1;
}

static int cfg_apply_text(cfg_load *ld, const cfg_key *k, const char *v, int line)
{
	lk_err e;
	char field[64];
	snprintf(field, sizeof field, _("%s in [%s]"), k->name, k->section);
	if (text_check(field, v, false, LK_NAME_MAX, false, &e) < 0) {
		cfg_problem(ld, line, "%s", e.msg);
		return -1;
	}
	return cfg_store_string(ld, k, v, strlen(v));
}

/* CUPS destination names: printable, no space, '/' or '#'; and since the
 * name is passed to lp, no leading '-' that lp would take for an option. */
static bool cfg_printer_ok(const char *v)
{
	if (*v == '-')
		return false;
	for (const unsigned char *p = (const unsigned char *)v; *p; p++)
		if (*p <= ' ' || *p == 0x7f || *p == '/' || *p == '#' || *p == '\\')
			return false;
	return true;
}

static int cfg_apply_printer(cfg_load *ld, const cfg_key *k, const char *v, int line)
{
	char shown[CFG_SHOW_MAX];
	if (cfg_printer_ok(v))
		return cfg_store_string(ld, k, v, strlen(v));
	cfg_problem(ld, line,
		_("%s in [%s] must be a printer name without spaces or '/' that does not start with '-', not '%s'"),
		k->name, k->section, cfg_clip(shown, sizeof shown, v, strlen(v)));
	return -1;
}

static int cfg_apply_language(cfg_load *ld, const cfg_key *k, const char *v, int line)
{
	char shown[CFG_SHOW_MAX];
	if (*v == '\0')
		return cfg_store_string(ld, k, v, 0);
	if (strcasecmp(v, "nb") == 0)
		return cfg_store_string(ld, k, "nb", 2);
	if (strcasecmp(v, "en") == 0)
		return cfg_store_string(ld, k, "en", 2);
	cfg_problem(ld, line, _("%s in [%s] must be nb or en, not '%s'"), k->name, k->section,
		cfg_clip(shown, sizeof shown, v, strlen(v)));
	return -1;
}

static int cfg_apply_colours(cfg_load *ld, const cfg_key *k, const char *v, int line)
{
	char shown[CFG_SHOW_MAX];
	lk_colour_mode *t = cfg_target(ld->cfg, k);
	bool b;
	if (strcasecmp(v, "auto") == 0) {
		*t = LK_COLOUR_AUTO;
		return 0;
	}
	if (config_parse_bool(v, &b) == 0) {
		*t = b ? LK_COLOUR_ON : LK_COLOUR_OFF;
		return 0;
	}
	cfg_problem(ld, line, _("%s in [%s] must be auto, on or off, not '%s'"), k->name,
		k->section, cfg_clip(shown, sizeof shown, v, strlen(v)));
	return -1;
}

static int cfg_apply_int(cfg_load *ld, const cfg_key *k, const char *v, int line)
{
	char shown[CFG_SHOW_MAX];
	long n;
	if (config_parse_int(v, k->min, k->max, &n) == 0) {
		*(int *)cfg_target(ld->cfg, k) = (int)n;
		return 0;
	}
	cfg_problem(ld, line, _("%s in [%s] must be a whole number from %ld to %ld, not '%s'"),
		k->name, k->section, k->min, k->max, cfg_clip(shown, sizeof shown, v, strlen(v)));
	return -1;
}

static int cfg_apply_money(cfg_load *ld, const cfg_key *k, const char *v, int line)
{
	char shown[CFG_SHOW_MAX];
	long ore;
	if (config_parse_money(v, &ore) == 0) {
		*(long *)cfg_target(ld->cfg, k) = ore;
		return 0;
	}
	cfg_problem(ld, line,
		_("%s in [%s] must be an amount in kroner such as 350 or 350,50, not '%s'"),
		k->name, k->section, cfg_clip(shown, sizeof shown, v, strlen(v)));
	return -1;
}

typedef int cfg_apply_fn(cfg_load *ld, const cfg_key *k, const char *v, int line);

static cfg_apply_fn *const cfg_apply[] = {
	[CFG_PATH] = cfg_apply_path,
	[CFG_TEXT] = cfg_apply_text,
	[CFG_PRINTER] = cfg_apply_printer,
	[CFG_LANGUAGE] = cfg_apply_language,
	[CFG_COLOURS] = cfg_apply_colours,
	[CFG_INT] = cfg_apply_int,
	[CFG_MONEY] = cfg_apply_money,
};

/* ---- scanning the text for structure and line numbers ----------------- */

static const char *cfg_known_section(const char *s, size_t n)
{
	for (size_t i = 0; i < CFG_NKEYS; i++)
		if (strlen(cfg_keys[i].section) == n && strncasecmp(cfg_keys[i].section, s, n) == 0)
			return cfg_keys[i].section;
	return NULL;
}

static int cfg_key_index(const char *section, const char *s, size_t n)
{
	for (size_t i = 0; i < CFG_NKEYS; i++)
		if (cfg_keys[i].section == section && strlen(cfg_keys[i].name) == n
				&& strncasecmp(cfg_keys[i].name, s, n) == 0)
			return (int)i;
	return -1;
}

static void cfg_scan_section(cfg_load *ld, const char *s, size_t n, int line)
{
	char shown[CFG_SHOW_MAX];
	const char *close = memchr(s, ']', n);
	const char *name;
	size_t len = cfg_trim(s + 1, (size_t)(close - s - 1), &name);
	ld->started = true;
	ld->section = cfg_known_section(name, len);
	ld->in_unknown = ld->section == NULL;
	if (len == 0)
		cfg_problem(ld, line, _("a section name is missing between [ and ]"));
	else if (!ld->section)
		cfg_problem(ld, line, _("unknown section [%s]"), cfg_clip(shown, sizeof shown, name, len));
}

static void cfg_scan_key(cfg_load *ld, const char *s, size_t n, int line)
{
	char shown[CFG_SHOW_MAX];
	const char *key;
	size_t len = cfg_trim(s, (size_t)((const char *)memchr(s, '=', n) - s), &key);
	int i;
	if (ld->in_unknown)
		return; /* the section was reported already */
	cfg_clip(shown, sizeof shown, key, len);
	if (!ld->started) {
		cfg_problem(ld, line, _("'%s' is outside any [section]"), shown);
	} else if ((i = cfg_key_index(ld->section, key, len)) < 0) {
		cfg_problem(ld, line, _("unknown key '%s' in [%s]"), shown, ld->section);
	} else {
		if (ld->line[i] > 0)
			cfg_problem(ld, line,
				_("%s in [%s] is set again (first on line %d); the last value counts"),
				cfg_keys[i].name, cfg_keys[i].section, ld->line[i]);
		ld->line[i] = line;
	}
}

/* One logical line (continuations joined), s of n bytes, no newline. */
static void cfg_scan_line(cfg_load *ld, const char *s, size_t n, int line)
{
	char shown[CFG_SHOW_MAX];
	if (n > CFG_LINE_MAX) {
		cfg_problem(ld, line, _("the line is too long (more than %d bytes)"), CFG_LINE_MAX);
		ld->in_unknown = true; /* what follows may belong to anything */
		return;
	}
	n = cfg_trim(s, n, &s);
	if (n == 0 || *s == '#' || *s == ';')
		return;
	if (*s == '[' && s[n - 1] == ']') {
		cfg_scan_section(ld, s, n, line);
	} else if (*s != '=' && memchr(s, '=', n)) {
		cfg_scan_key(ld, s, n, line);
	} else {
		cfg_problem(ld, line, _("expected 'key = value' or '[section]', not '%s'"),
			cfg_clip(shown, sizeof shown, s, n));
	}
}

/* Joins the physical lines of one logical line as iniparser does: a line
 * ending in a backslash continues on the next, the backslash dropped. */
static const char *cfg_next_line(const char *p, char **buf, size_t *len, int *lines)
{
	*len = 0;
	*lines = 0;
	for (;;) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		size_t keep = cfg_rtrim(p, n);
		bool more = keep > 0 && p[keep - 1] == '\\' && nl;
		char *grown = realloc(*buf, *len + keep + 1);
		if (!grown)
			return NULL;
		*buf = grown;
		memcpy(*buf + *len, p, keep - more);
		*len += keep - more;
		(*buf)[*len] = '\0';
		(*lines)++;
		p = nl ? nl + 1 : p + n;
		if (!more)
			return p;
	}
}

static void cfg_scan(cfg_load *ld, const char *text)
{
	char *buf = NULL;
	size_t len;
	int line = 1, lines;
	for (const char *p = text; *p;) {
		p = cfg_next_line(p, &buf, &len, &lines);
		if (!p) {
			ld->nomem = true;
			break;
		}
		cfg_scan_line(ld, buf, len, line);
		line += lines;
	}
	free(buf);
}

/* ---- reading the file -------------------------------------------------- */

/* Reads path whole into *text (NUL-terminated, caller frees). */
static int cfg_read_file(const char *path, char **text, size_t *len, lk_err *err)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return lk_fail(err, LK_EIO, _("%s: cannot open the config file: %s"), path,
			strerror(errno));
	char *buf = malloc(CFG_FILE_MAX + 1);
	if (!buf) {
		fclose(f);
		return lk_fail(err, LK_ENOMEM, _("out of memory"));
	}
	size_t n = fread(buf, 1, CFG_FILE_MAX + 1, f);
	int bad = ferror(f) ? errno : 0;
	fclose(f);
	if (bad || n > CFG_FILE_MAX) {
		free(buf);
		if (bad)
			return lk_fail(err, LK_EIO, _("%s: cannot read the config file: %s"), path,
				strerror(bad));
		return lk_fail(err, LK_EINVAL, _("%s: the file is too large to be a config file (over %d bytes)"),
			path, CFG_FILE_MAX);
	}
	buf[n] = '\0';
	*text = buf;
	*len = n;
	return 0;
}

static int cfg_line_of(const char *text, size_t off)
{
	int line = 1;
	for (size_t i = 0; i < off; i++)
		line += text[i] == '\n';
	return line;
}

/* Refuses what is not UTF-8 text that iniparser can read. */
static int cfg_check_text(cfg_load *ld, const char *text, size_t len)
{
	const char *nul = memchr(text, '\0', len);
	size_t bad;
	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0) {
		cfg_problem(ld, 1, _("the file starts with a byte order mark (BOM); save it as UTF-8 without BOM"));
	} else if (nul) {
		cfg_problem(ld, cfg_line_of(text, (size_t)(nul - text)),
			_("the file contains a NUL byte, so it is not a text file"));
	} else if (!text_utf8_valid(text, len, &bad)) {
		cfg_problem(ld, cfg_line_of(text, bad),
			_("the text is not valid UTF-8 (byte %zu); save the file as UTF-8"), bad + 1);
	}
	return ld->problems > 0 || ld->nomem ? -1 : 0;
}

static void cfg_apply_all(cfg_load *ld, const dictionary *d)
{
	for (size_t i = 0; i < CFG_NKEYS && !ld->nomem; i++) {
		const char *v = cfg_ini_string(d, &cfg_keys[i]);
		if (v)
			cfg_apply[cfg_keys[i].kind](ld, &cfg_keys[i], v, ld->line[i]);
	}
}

/* Scans, loads and applies the text of ld->path. */
static void cfg_parse(cfg_load *ld, const char *text, size_t len)
{
	if (cfg_check_text(ld, text, len) < 0)
		return;
	cfg_scan(ld, text);
	if (ld->nomem)
		return;
	iniparser_set_error_callback(cfg_ini_quiet);
	dictionary *d = iniparser_load(ld->path);
	if (!d) {
		if (ld->problems == 0)
			cfg_problem(ld, 0, _("the file could not be read as an ini file"));
		return;
	}
	cfg_apply_all(ld, d);
	iniparser_freedict(d);
}

/* Where to read: path, or the XDG default when that exists. *own is set when
 * the returned name must be freed; NULL with no error = no file to read. */
static const char *cfg_choose_path(const char *path, char **own, lk_err *err)
{
	lk_err e;
	*own = NULL;
	if (path)
		return path;
	*own = config_default_config_path(&e);
	if (!*own) {
		if (e.code == LK_ENOMEM)
			lk_fail(err, LK_ENOMEM, "%s", e.msg);
		return NULL;
	}
	if (access(*own, F_OK) == 0 || errno != ENOENT)
		return *own;
	free(*own);
	*own = NULL;
	return NULL;
}

/* ---- public ------------------------------------------------------------ */

void config_defaults(lk_config *cfg)
{
	memset(cfg, 0, sizeof *cfg);
	settings_defaults(&cfg->settings);
	cfg->colours = LK_COLOUR_AUTO;
}

void config_free(lk_config *cfg)
{
	if (!cfg)
		return;
	free(cfg->db_path);
	free(cfg->language);
	free(cfg->organisation);
	free(cfg->printer);
	free(cfg->path);
	cfg->db_path = cfg->language = cfg->organisation = cfg->printer = cfg->path = NULL;
}

static int cfg_finish(cfg_load *ld, lk_err *err)
{
	cfg_join(ld);
	if (ld->nomem)
		return lk_fail(err, LK_ENOMEM, _("out of memory"));
	if (ld->problems > 0)
		return lk_fail(err, LK_EINVAL, "%s", ld->msg);
	lk_err_clear(err);
	return 0;
}

int config_load(lk_config *cfg, const char *path, lk_err *err)
{
	char *own, *text = NULL;
	size_t len = 0;
	config_defaults(cfg);
	lk_err_clear(err);
	const char *file = cfg_choose_path(path, &own, err);
	if (!file)
		return err && err->code != LK_OK ? -1 : 0;
	if (cfg_read_file(file, &text, &len, err) < 0) {
		free(own);
		return -1;
	}
	cfg->path = own ? own : strdup(file);
	if (!cfg->path) {
		free(text);
		return lk_fail(err, LK_ENOMEM, _("out of memory"));
	}
	cfg_load ld = { .cfg = cfg, .path = file };
	cfg_parse(&ld, text, len);
	free(text);
	return cfg_finish(&ld, err);
}

/* $var/leaf when var is set and absolute, else $HOME/fallback/leaf. */
static char *cfg_xdg_path(const char *var, const char *fallback, const char *leaf, lk_err *err)
{
	const char *dir = getenv(var);
	const char *home = getenv("HOME");
	char *s;
	if (dir && dir[0] == '/') {
		size_t n = strlen(dir);
		while (n > 1 && dir[n - 1] == '/')
			n--;
		s = cfg_strdup_printf("%.*s/%s", (int)n, dir, leaf);
	} else if (home && *home) {
		s = cfg_strdup_printf("%s/%s/%s", home, fallback, leaf);
	} else {
		lk_fail(err, LK_EIO, _("neither %s nor HOME is set, so there is no place for %s"),
			var, leaf);
		return NULL;
	}
	if (!s)
		lk_fail(err, LK_ENOMEM, _("out of memory"));
	return s;
}

char *config_default_db_path(lk_err *err)
{
	return cfg_xdg_path("XDG_DATA_HOME", ".local/share", "lmskurs/lmskurs.db", err);
}

char *config_default_config_path(lk_err *err)
{
	return cfg_xdg_path("XDG_CONFIG_HOME", ".config", "lmskurs/config.ini", err);
}
