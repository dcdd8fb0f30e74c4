/*
 * ui/uitext.h — text as the screen sees it: display columns, not bytes.
 *
 * Widths come from wcwidth() under the process's UTF-8 LC_CTYPE (set by
 * i18n_init): CJK is 2 columns, combining marks 0. A "character" here is a
 * cluster: a code point and the zero-width code points after it (Vietnamese
 * "ệ" typed as e + two marks is one character). Text the UI gets from core
 * is valid UTF-8; bytes that are not decode as U+FFFD one byte at a time,
 * so nothing here can loop or overrun. No curses calls: unit-testable.
 */
#ifndef LMSKURS_UI_UITEXT_H
#define LMSKURS_UI_UITEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lmskurs/date.h"

/* Decodes one code point at s (len > 0 bytes) into *cp; returns the bytes
 * used (1..4). Bad bytes give U+FFFD and 1. */
size_t uitext_decode(const char *s, size_t len, uint32_t *cp);

/* Encodes cp as UTF-8 into out (NUL-terminated); returns the bytes written
 * (0 for a value above U+10FFFF or a surrogate, leaving out ""). */
size_t uitext_encode(uint32_t cp, char out[static 5]);

/* Columns cp takes: 0 for combining and other zero-width marks, 2 for wide
 * ones, 1 for control characters (they are drawn as a space). */
int uitext_cp_width(uint32_t cp);

/* Bytes of the cluster starting at s (a code point and its zero-width
 * followers), and its width. A newline is a cluster of its own. */
size_t uitext_cluster(const char *s, size_t len, int *width);

/* Display width of s (NULL is 0). */
int uitext_width(const char *s);

/* A newly allocated copy of s fitted to width columns: control characters
 * (newline, tab …) become spaces, and text that does not fit is cut at a
 * character boundary and ends with "…". Never wider than width; "" for
 * width <= 0. NULL only when out of memory. */
char *uitext_cut(const char *s, int width);

/* Word-wraps s into lines of at most width columns (newlines are kept,
 * words longer than a line are broken between characters) and calls
 * line(arg, start, bytes) for each. Returns the number of lines. */
int uitext_wrap(const char *s, int width, void (*line)(void *arg, const char *start, size_t bytes),
	void *arg);

/* Columns of a table: each gets min, then the rest is shared by weight.
 * xs[i] and ws[i] receive the start and width of column i; columns are one
 * space apart. Columns that do not fit get width 0. */
typedef struct lk_column {
	const char *title; /* msgid, translated when drawn */
	int min;
	int weight;
} lk_column;
void uitext_columns(const lk_column *cols, int n, int width, int *xs, int *ws);

/* A listed date: "Thu 04.03.2027 wk 9" (weekday abbreviation, dd.mm.yyyy,
 * ISO week), translated. buf must hold 48 bytes. */
void uitext_date(lk_date d, char buf[static 48]);

/* printf into a newly allocated string (NULL when out of memory). */
char *uitext_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
