/* Code/label tables of enums: see codes.h. */
#include "lmskurs/codes.h"

#include <string.h>

#include "lmskurs/i18n.h"

static const lk_code_name *entry(const lk_code_name *t, size_t n, int v)
{
	if (v < 0 || (size_t)v >= n || !t[v].code)
		return NULL;
	return &t[v];
}

const char *codes_code(const lk_code_name *t, size_t n, int v)
{
	const lk_code_name *e = entry(t, n, v);
	return e ? e->code : "";
}

/* Never gettext(""): that gives the catalogue's header. */
const char *codes_label(const lk_code_name *t, size_t n, int v)
{
	const lk_code_name *e = entry(t, n, v);
	return e && e->label && *e->label ? _(e->label) : "";
}

int codes_parse(const lk_code_name *t, size_t n, const char *code, int *out)
{
	if (!code)
		return -1;
	for (size_t i = 0; i < n; i++)
		if (t[i].code && strcmp(code, t[i].code) == 0) {
			*out = (int)i;
			return 0;
		}
	return -1;
}
