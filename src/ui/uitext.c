#include "lmskurs/ui/uitext.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "lmskurs/i18n.h"

static size_t decode_tail(const unsigned char *u, size_t len, size_t n, uint32_t min, uint32_t *cp)
{
	if (len < n)
		return 0;
	uint32_t c = *cp;
	for (size_t i = 1; i < n; i++) {
		if ((u[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (u[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return n;
}

size_t uitext_decode(const char *s, size_t len, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t n = 0;
	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	if ((u[0] & 0xe0) == 0xc0)
		*cp = u[0] & 0x1f, n = decode_tail(u, len, 2, 0x80, cp);
	else if ((u[0] & 0xf0) == 0xe0)
		*cp = u[0] & 0x0f, n = decode_tail(u, len, 3, 0x800, cp);
	else if ((u[0] & 0xf8) == 0xf0)
		*cp = u[0] & 0x07, n = decode_tail(u, len, 4, 0x10000, cp);
	if (n == 0)
		*cp = 0xfffd, n = 1;
	return n;
}

size_t uitext_encode(uint32_t cp, char out[static 5])
{
	unsigned char *o = (unsigned char *)out;
	size_t n = 0;
	if (cp < 0x80)
		o[n++] = (unsigned char)cp;
	else if (cp < 0x800)
		o[n++] = (unsigned char)(0xc0 | cp >> 6), o[n++] = (unsigned char)(0x80 | (cp & 0x3f));
	else if (cp < 0x10000 && !(cp >= 0xd800 && cp <= 0xdfff))
		o[n++] = (unsigned char)(0xe0 | cp >> 12), o[n++] = (unsigned char)(0x80 | ((cp >> 6) & 0x3f)),
		o[n++] = (unsigned char)(0x80 | (cp & 0x3f));
	else if (cp >= 0x10000 && cp <= 0x10ffff)
		o[n++] = (unsigned char)(0xf0 | cp >> 18), o[n++] = (unsigned char)(0x80 | ((cp >> 12) & 0x3f)),
		o[n++] = (unsigned char)(0x80 | ((cp >> 6) & 0x3f)), o[n++] = (unsigned char)(0x80 | (cp & 0x3f));
	out[n] = 0;
	return n;
}

static bool is_control(uint32_t cp)
{
	return cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0);
}

int uitext_cp_width(uint32_t cp)
{
	if (is_control(cp))
		return 1;
	int w = wcwidth((wchar_t)cp);
	return w < 0 ? 1 : w;
}

size_t uitext_cluster(const char *s, size_t len, int *width)
{
	uint32_t cp;
	size_t n = uitext_decode(s, len, &cp);
	*width = uitext_cp_width(cp);
	if (cp == '\n')
		return n;
	while (n < len) {
		uint32_t next;
		size_t m = uitext_decode(s + n, len - n, &next);
		if (is_control(next) || uitext_cp_width(next) != 0)
			break;
		n += m;
	}
	return n;
}

int uitext_width(const char *s)
{
	if (!s)
		return 0;
	int total = 0;
	size_t len = strlen(s);
	for (size_t i = 0; i < len;) {
		int w;
		i += uitext_cluster(s + i, len - i, &w);
		total += w;
	}
	return total;
}

/* Appends the cluster at s to out, controls as one space. */
static size_t put_cluster(char *out, size_t o, const char *s, size_t n)
{
	uint32_t cp;
	uitext_decode(s, n, &cp);
	if (is_control(cp)) {
		out[o] = ' ';
		return o + 1;
	}
	memcpy(out + o, s, n);
	return o + n;
}

/* Bytes of s that fit in width columns, whole clusters only. */
static size_t fit_bytes(const char *s, size_t len, int width, int *used)
{
	size_t i = 0;
	int cols = 0;
	while (i < len) {
		int w;
		size_t n = uitext_cluster(s + i, len - i, &w);
		if (cols + w > width)
			break;
		cols += w;
		i += n;
	}
	*used = cols;
	return i;
}

char *uitext_cut(const char *s, int width)
{
	s = s ? s : "";
	size_t len = strlen(s);
	char *out = malloc(len + 4);
	if (!out)
		return NULL;
	int used;
	bool whole = width > 0 && fit_bytes(s, len, width, &used) == len;
	size_t end = width <= 0 ? 0 : whole ? len : fit_bytes(s, len, width - 1, &used);
	size_t o = 0;
	for (size_t i = 0; i < end;) {
		int w;
		size_t n = uitext_cluster(s + i, end - i, &w);
		o = put_cluster(out, o, s + i, n);
		i += n;
	}
	if (!whole && width > 0)
		memcpy(out + o, "\xe2\x80\xa6", 3), o += 3;
	out[o] = 0;
	return out;
}

/* Bytes of the line starting at s: up to a newline, or the last space
 * that keeps it within width, or as many characters as fit. *next is
 * where the following line starts. */
static size_t wrap_one(const char *s, size_t len, int width, size_t *next)
{
	size_t i = 0, last_space = 0;
	int cols = 0;
	while (i < len && s[i] != '\n') {
		int w;
		size_t n = uitext_cluster(s + i, len - i, &w);
		if (cols + w > width && i > 0) {
			if (last_space > 0) {
				*next = last_space + 1;
				return last_space;
			}
			*next = i;
			return i;
		}
		if (s[i] == ' ')
			last_space = i;
		cols += w;
		i += n;
	}
	*next = i < len ? i + 1 : i;
	return i;
}

int uitext_wrap(const char *s, int width, void (*line)(void *, const char *, size_t), void *arg)
{
	if (!s || width <= 0)
		return 0;
	size_t len = strlen(s);
	int lines = 0;
	size_t i = 0;
	do {
		size_t next;
		size_t n = wrap_one(s + i, len - i, width, &next);
		line(arg, s + i, n);
		lines++;
		i += next;
	} while (i < len);
	return lines;
}

void uitext_columns(const lk_column *cols, int n, int width, int *xs, int *ws)
{
	int need = 0, weights = 0;
	for (int i = 0; i < n; i++)
		need += cols[i].min + (i > 0), weights += cols[i].weight;
	int spare = width > need ? width - need : 0, x = 0;
	for (int i = 0; i < n; i++) {
		int extra = weights ? spare * cols[i].weight / weights : 0;
		int w = cols[i].min + extra;
		if (x + w > width)
			w = width > x ? width - x : 0;
		xs[i] = x;
		ws[i] = w;
		x += w + 1;
	}
}

void uitext_date(lk_date d, char buf[static 48])
{
	char shown[11];
	date_show(d, shown);
	snprintf(buf, 48, _("%s %s wk %d"), date_weekday_name(date_weekday(d), true), shown,
		date_iso_week(d, NULL));
}

char *uitext_printf(const char *fmt, ...)
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
