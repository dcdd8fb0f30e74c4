/*
 * text.c — UTF-8 validation, trimming, field checks and case folding.
 *
 * Decoding is done by hand (RFC 3629 table below) so that nothing here
 * depends on the process locale: the CLI and the tests may run under LANG=C.
 */
#include "lmskurs/text.h"
#include "lmskurs/i18n.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Code point given to an undecodable byte by text_equal_fold: above
 * U+10FFFF, so it never equals a real character. */
enum { BAD_BYTE_BASE = 0x110000 };

/* Length of the sequence a lead byte starts (0: never a lead byte), and the
 * allowed range of the second byte, which is where overlongs (E0 80..9F,
 * F0 80..8F), surrogates (ED A0..BF) and > U+10FFFF (F4 90..BF) are cut off.
 * C0, C1 and F5..FF are never lead bytes. */
static int utf8_lead(unsigned char c, unsigned char *lo, unsigned char *hi)
{
	*lo = 0x80;
	*hi = 0xBF;
	if (c < 0x80)
		return 1;
	if (c < 0xC2)
		return 0;
	if (c < 0xE0)
		return 2;
	if (c < 0xF0) {
		if (c == 0xE0)
			*lo = 0xA0;
		else if (c == 0xED)
			*hi = 0x9F;
		return 3;
	}
	if (c < 0xF5) {
		if (c == 0xF0)
			*lo = 0x90;
		else if (c == 0xF4)
			*hi = 0x8F;
		return 4;
	}
	return 0;
}

/* Decodes one code point from s (len bytes left, len >= 1). Returns its
 * length in bytes, or 0 when the sequence at s is malformed or truncated. */
static size_t utf8_decode(const unsigned char *s, size_t len, uint32_t *cp)
{
	static const unsigned char lead_mask[5] = { 0, 0x7F, 0x1F, 0x0F, 0x07 };
	unsigned char lo, hi;
	int n = utf8_lead(s[0], &lo, &hi);
	if (n == 0 || (size_t)n > len)
		return 0;
	uint32_t v = s[0] & lead_mask[n];
	for (int i = 1; i < n; i++) {
		unsigned char c = s[i];
		unsigned char min = i == 1 ? lo : 0x80, max = i == 1 ? hi : 0xBF;
		if (c < min || c > max)
			return 0;
		v = (v << 6) | (c & 0x3F);
	}
	*cp = v;
	return (size_t)n;
}

bool text_utf8_valid(const char *s, size_t len, size_t *bad_offset)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;
	while (i < len) {
		uint32_t cp;
		size_t n = utf8_decode(u + i, len - i, &cp);
		if (n == 0) {
			if (bad_offset)
				*bad_offset = i;
			return false;
		}
		i += n;
	}
	return true;
}

size_t text_codepoints(const char *s)
{
	size_t count = 0;
	for (const unsigned char *u = (const unsigned char *)(s ? s : ""); *u; u++)
		count += (*u & 0xC0) != 0x80;
	return count;
}

/* ---- trimming -------------------------------------------------------- */

/* Byte length of the white space starting at s (0: none there). */
static size_t space_at(const char *s)
{
	if (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
		return 1;
	if ((unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA0)
		return 2;
	return 0;
}

/* Byte length of the white space ending just before s + end (0: none). */
static size_t space_before(const char *s, size_t end)
{
	if (end >= 1 && space_at(s + end - 1) == 1)
		return 1;
	if (end >= 2 && space_at(s + end - 2) == 2)
		return 2;
	return 0;
}

/* Start and length of s without its surrounding white space. */
static const char *trim_span(const char *s, size_t *len)
{
	size_t n;
	while ((n = space_at(s)) > 0)
		s += n;
	size_t end = strlen(s);
	while ((n = space_before(s, end)) > 0)
		end -= n;
	*len = end;
	return s;
}

char *text_trim_dup(const char *s)
{
	size_t len;
	const char *start = trim_span(s ? s : "", &len);
	char *copy = malloc(len + 1);
	if (!copy)
		return NULL;
	memcpy(copy, start, len);
	copy[len] = '\0';
	return copy;
}

/* ---- field checks ---------------------------------------------------- */

/* Cc characters: C0, DEL and C1. Newline and tab pass in multiline text;
 * CR never does (callers turn CRLF into LF before checking). */
static bool is_refused_control(uint32_t cp, bool multiline)
{
	if (multiline && (cp == '\n' || cp == '\t'))
		return false;
	return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F);
}

static bool has_control(const char *s, bool multiline)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t len = strlen(s);
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t n = utf8_decode(u + i, len - i, &cp);
		if (n == 0 || is_refused_control(cp, multiline))
			return true;
		i += n;
	}
	return false;
}

int text_check(const char *field, const char *s, bool required, size_t max_chars,
	bool multiline, lk_err *err)
{
	size_t bad, trimmed, count;
	if (!s)
		s = "";
	if (!text_utf8_valid(s, strlen(s), &bad))
		return lk_fail(err, LK_EINVAL,
			_("%s: the text is not valid UTF-8 (byte %zu)"), field, bad + 1);
	trim_span(s, &trimmed);
	if (required && trimmed == 0)
		return lk_fail(err, LK_EINVAL, _("%s must not be empty"), field);
	count = text_codepoints(s);
	if (count > max_chars)
		return lk_fail(err, LK_EINVAL,
			ngettext("%s is too long: %zu character, at most %zu",
				"%s is too long: %zu characters, at most %zu", count),
			field, count, max_chars);
	if (has_control(s, multiline))
		return lk_fail(err, LK_EINVAL, _("%s contains a control character"), field);
	return 0;
}

/* ---- case folding ---------------------------------------------------- */

/* Ranges where upper and lower case alternate: the upper-case letter sits
 * at an even (odd_upper false) or odd (odd_upper true) code point and its
 * lower case right after it. */
static const struct {
	uint32_t first, last;
	bool odd_upper;
} fold_pairs[] = {
	{ 0x0100, 0x012F, false }, /* Ā..į */
	{ 0x0132, 0x0137, false }, /* Ĳ..ķ */
	{ 0x0139, 0x0148, true },  /* Ĺ..ň (Ł ł) */
	{ 0x014A, 0x0177, false }, /* Ŋ..ŷ (Ŋ ŋ, Š š, Ŧ ŧ) */
	{ 0x0179, 0x017E, true },  /* Ź..ž */
	{ 0x01A0, 0x01A1, false }, /* Ơ ơ (Vietnamese) */
	{ 0x01AF, 0x01B0, true },  /* Ư ư (Vietnamese) */
	{ 0x0460, 0x0481, false }, /* historic Cyrillic */
	{ 0x048A, 0x04BF, false }, /* Ґ ґ, Қ қ … */
	{ 0x04C1, 0x04CE, true },
	{ 0x04D0, 0x04FF, false },
	{ 0x1E00, 0x1E95, false }, /* Latin Extended Additional */
	{ 0x1EA0, 0x1EFF, false }, /* Vietnamese: Ạ ạ … Ỹ ỹ */
};

static uint32_t fold_pair(uint32_t cp)
{
	for (size_t i = 0; i < sizeof fold_pairs / sizeof fold_pairs[0]; i++) {
		if (cp < fold_pairs[i].first || cp > fold_pairs[i].last)
			continue;
		bool odd = cp & 1;
		return odd == fold_pairs[i].odd_upper ? cp + 1 : cp;
	}
	return cp;
}

/* Simple lower-casing of the scripts our users write names in; see the
 * limits documented in text.h. */
static uint32_t fold_case(uint32_t cp)
{
	if (cp >= 'A' && cp <= 'Z')
		return cp + 0x20;
	if (cp < 0xC0)
		return cp;
	if (cp <= 0xDE)
		return cp == 0xD7 ? cp : cp + 0x20; /* À..Þ, not × */
	if (cp == 0x130)
		return 'i';                         /* İ */
	if (cp == 0x178)
		return 0xFF;                        /* Ÿ */
	if (cp == 0x1E9E)
		return 0xDF;                        /* ẞ */
	if (cp >= 0x400 && cp <= 0x40F)
		return cp + 0x50;                   /* Ѐ..Џ */
	if (cp >= 0x410 && cp <= 0x42F)
		return cp + 0x20;                   /* А..Я */
	if (cp == 0x4C0)
		return 0x4CF;                       /* Ӏ */
	return fold_pair(cp);
}

/* Next folded code point of *s, advancing it; a byte that does not decode
 * becomes BAD_BYTE_BASE + byte so that it only matches the same byte. */
static uint32_t next_folded(const unsigned char **s)
{
	uint32_t cp;
	size_t left = strnlen((const char *)*s, 4);
	size_t n = utf8_decode(*s, left, &cp);
	if (n == 0) {
		cp = BAD_BYTE_BASE + **s;
		n = 1;
	}
	*s += n;
	return fold_case(cp);
}

bool text_equal_fold(const char *a, const char *b)
{
	const unsigned char *pa = (const unsigned char *)(a ? a : "");
	const unsigned char *pb = (const unsigned char *)(b ? b : "");
	while (*pa && *pb)
		if (next_folded(&pa) != next_folded(&pb))
			return false;
	return *pa == *pb;
}
