/*
 * config.h — config.ini (iniparser) and the program's file locations.
 *
 * iniparser 4.1 on Debian 12 dereferences NULL when a typed getter meets a
 * section name used as a key (CVE-2023-33461), so every value is read as a
 * string through one wrapper and numbers and booleans are parsed here.
 * Errors are "file:line: message"; loading goes on past a bad value where it
 * safely can (the bad key keeps its default) and reports every problem.
 */
#ifndef LMSKURS_CONFIG_H
#define LMSKURS_CONFIG_H

#include <stdbool.h>
#include "lmskurs/err.h"
#include "lmskurs/settings.h"

typedef enum lk_colour_mode { LK_COLOUR_AUTO, LK_COLOUR_ON, LK_COLOUR_OFF } lk_colour_mode;

typedef struct lk_config {
	lk_settings settings;   /* [rules] and [honorarium] and [privacy] and [evaluation] */
	char *db_path;          /* [database] path; NULL = XDG default */
	char *language;         /* [ui] language: "nb" or "en"; NULL = environment/nb */
	lk_colour_mode colours; /* [ui] colours: auto|on|off */
	char *organisation;     /* [organisation] name, printed on sheets and reports */
	char *printer;          /* [printing] printer for lp; NULL = lp's default */
	char *path;             /* the file read, or NULL when none was found */
} lk_config;

/* Fills cfg with defaults (no file read). */
void config_defaults(lk_config *cfg);

/* Loads path over the defaults. path NULL: the XDG default path, and a
 * missing file there is not an error. An explicitly named missing file is
 * LK_EIO. On bad values returns -1 with every problem, one per line,
 * "file:line: message", in err->msg; cfg still holds defaults for those keys
 * and the good values for the rest, so callers may warn and go on.
 *
 * Clarifications:
 * - cfg is first set by config_defaults(), so pass a fresh or config_free()d
 *   one; call config_free() afterwards whatever the result.
 * - cfg->path is set whenever a file was found, even if it had problems.
 *   A missing default file returns 0 with cfg->path NULL; one that exists
 *   but cannot be read is LK_EIO.
 * - Problems are LK_EINVAL: bad values, unknown sections and keys
 *   ("file:line: unknown key 'x' in [y]"), keys set twice (the last counts)
 *   or outside a section. All are reported, and every good key is still
 *   loaded, so a typo is never silent but never stops the program either.
 * - A file that is not UTF-8 text (bad bytes, NUL, a BOM) or has a line that
 *   is not "key = value", "[section]" or a comment is refused whole (iniparser
 *   rejects it): -1, every key at its default, the lines named in err->msg.
 * - err->msg holds 512 bytes; a longer list is cut (never inside a UTF-8
 *   character) and ends with "…".
 * - An empty string value means "not set" (NULL); [database] path must be
 *   absolute or start with ~/ (expanded with $HOME). Values containing ; or #
 *   must be in double quotes, as iniparser takes those for comments.
 * - LK_ENOMEM when memory runs out. */
int config_load(lk_config *cfg, const char *path, lk_err *err);

/* Frees the strings inside cfg (not cfg itself). */
void config_free(lk_config *cfg);

/* Paths, newly allocated, caller frees. $XDG_DATA_HOME/lmskurs/lmskurs.db
 * (default ~/.local/share) and $XDG_CONFIG_HOME/lmskurs/config.ini
 * (default ~/.config). NULL with err when HOME is unset too. */
char *config_default_db_path(lk_err *err);
char *config_default_config_path(lk_err *err);

/* Parses helpers, exposed for other readers of ini-style files (course
 * templates): whole number within [min,max]; yes/no/true/false/1/0/on/off/ja/nei;
 * money "350", "350,50", "350.50" in øre.
 * Each returns 0 and sets *out, or -1 leaving *out alone. Spaces and tabs
 * around the text are allowed. Numbers: decimal digits with an optional
 * leading '-', nothing else ("80%", "+5", "1e3" are refused). Booleans:
 * case-insensitive. Money: kroner, optionally ',' or '.' and one or two
 * digits of øre ("350,5" is 350,50), or ",-" ("350,-"); never negative. */
int config_parse_int(const char *s, long min, long max, long *out);
int config_parse_bool(const char *s, bool *out);
int config_parse_money(const char *s, long *ore);

/* Raw access to another ini-style file (course templates), through the
 * same string-only wrapper: there is no typed getter (CVE-2023-33461);
 * parse values with config_parse_*. */
typedef struct lk_ini lk_ini;

/* Loads path with iniparser, its own error output silenced. NULL when
 * iniparser refuses the file (a line it cannot parse, one longer than 1023
 * bytes) or memory runs out: check the text yourself first to name lines.
 * Close with config_ini_close (NULL is fine). */
lk_ini *config_ini_open(const char *path);

/* The value of key in section, or NULL when it is not set, also when
 * "section:key" names a section (the CVE's NULL value). iniparser matches
 * names case-insensitively (ASCII). The string is owned by ini. */
const char *config_ini_get(const lk_ini *ini, const char *section, const char *key);

void config_ini_close(lk_ini *ini);

#endif
