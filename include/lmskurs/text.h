/*
 * text.h — UTF-8 text as the domain validates it. Widths on screen are the
 * UI's business (wcwidth); here we count code points and refuse bad bytes.
 */
#ifndef LMSKURS_TEXT_H
#define LMSKURS_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include "lmskurs/err.h"

/* True when s (len bytes) is well-formed UTF-8: no overlongs, no surrogates,
 * nothing above U+10FFFF. If not, *bad_offset (may be NULL) gets the byte
 * offset of the first bad sequence. */
bool text_utf8_valid(const char *s, size_t len, size_t *bad_offset);

/* Number of code points in valid UTF-8 s (NULL counts as empty). */
size_t text_codepoints(const char *s);

/* Returns a newly allocated copy of s with leading and trailing white space
 * (ASCII space, tab, CR, LF, NBSP) removed; NULL only on allocation failure.
 * A NULL s gives "". Caller frees. */
char *text_trim_dup(const char *s);

/* Validates one field of a record: s may be NULL (treated as empty).
 * The rules are tried in this order; the first that fails sets err.
 * - invalid UTF-8: "<field>: the text is not valid UTF-8 (byte N)", N
 *   counting from 1
 * - required and empty after trimming: "<field> must not be empty"
 * - more than max_chars code points of s as given (not trimmed):
 *   "<field> is too long: N characters, at most M"
 * - control characters other than newline and tab: refused ("<field> contains a control character")
 *   (multiline false: newline and tab refused too). Control characters are
 *   C0, DEL and C1 (U+0080..U+009F); CR is always refused, so callers turn
 *   CRLF into LF first. Format characters such as U+200F are allowed.
 * field is the (already translated) name shown to the user. */
int text_check(const char *field, const char *s, bool required, size_t max_chars,
	bool multiline, lk_err *err);

/* Limits used across the domain (code points). */
enum {
	LK_NAME_MAX = 200,   /* names, titles, rooms, professions */
	LK_SHORT_MAX = 500,  /* e-mail, phone, short notes */
	LK_TEXT_MAX = 20000, /* plan elements, notes, free-text answers */
};

/* Case-insensitive comparison of two UTF-8 strings for matching words such
 * as "Pasient"/"PASIENT"/"pasient" or "Pårørende"/"PÅRØRENDE". Independent of
 * the process locale: lower-casing is done by hand, one code point to one,
 * for ASCII, Latin-1 Supplement, Latin Extended-A (æøå, Sámi, Polish …),
 * Ơ/Ư, Latin Extended Additional (Vietnamese), and Cyrillic U+0400..U+04FF.
 * Other scripts (Greek, Armenian …) compare exactly; there is no
 * multi-character folding ("ß" does not match "SS") and no normalisation
 * (precomposed "å" does not match "a" + U+030A). NULL counts as empty;
 * bytes that are not valid UTF-8 only match the same bytes. */
bool text_equal_fold(const char *a, const char *b);

#endif
