#include "lmskurs/err.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* A message cut to fit its buffer must still be valid UTF-8: step back to
 * the start of the last whole character and end with "…". */
static void cut_utf8(char *buf, size_t size, int wanted)
{
	static const char ellipsis[] = "\xe2\x80\xa6";
	if (wanted < 0 || (size_t)wanted < size)
		return;
	size_t end = size - sizeof ellipsis; /* room for "…" and the NUL */
	while (end > 0 && ((unsigned char)buf[end] & 0xC0) == 0x80)
		end--;
	memcpy(buf + end, ellipsis, sizeof ellipsis);
}

int lk_fail(lk_err *err, lk_code code, const char *fmt, ...)
{
	if (!err)
		return -1;
	va_list ap;
	va_start(ap, fmt);
	err->code = code;
	int n = vsnprintf(err->msg, sizeof err->msg, fmt, ap);
	va_end(ap);
	cut_utf8(err->msg, sizeof err->msg, n);
	return -1;
}

void lk_err_clear(lk_err *err)
{
	if (!err)
		return;
	err->code = LK_OK;
	err->msg[0] = '\0';
}

void lk_err_prefix(lk_err *err, const char *fmt, ...)
{
	if (!err)
		return;
	char head[LK_ERR_MSG_MAX], old[LK_ERR_MSG_MAX];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(head, sizeof head, fmt, ap);
	va_end(ap);
	cut_utf8(head, sizeof head, n);
	memcpy(old, err->msg, sizeof old);
	n = snprintf(err->msg, sizeof err->msg, "%s: %s", head, old);
	cut_utf8(err->msg, sizeof err->msg, n);
}
