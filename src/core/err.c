#include "lmskurs/err.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

int lk_fail(lk_err *err, lk_code code, const char *fmt, ...)
{
	if (!err)
		return -1;
	va_list ap;
	va_start(ap, fmt);
	err->code = code;
	vsnprintf(err->msg, sizeof err->msg, fmt, ap);
	va_end(ap);
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
	vsnprintf(head, sizeof head, fmt, ap);
	va_end(ap);
	memcpy(old, err->msg, sizeof old);
	snprintf(err->msg, sizeof err->msg, "%s: %s", head, old);
}
