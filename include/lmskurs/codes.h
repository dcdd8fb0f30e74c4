/*
 * codes.h — tables that name the values of an enum: the stored code
 * ("waitlisted") and the English label msgid (N_("on the waitlist")),
 * indexed by the enum value. A module keeps one static table per enum and
 * writes its public *_code, *_label and *_parse functions over these
 * helpers, so the lookups (range checks, translation, parsing) live here
 * once.
 */
#ifndef LMSKURS_CODES_H
#define LMSKURS_CODES_H

#include <stddef.h>

typedef struct lk_code_name {
	const char *code;  /* stored form; NULL for a hole in the table */
	const char *label; /* English msgid, marked N_() where the table is */
} lk_code_name;

/* Number of entries of a table array (not a pointer). */
#define LK_NCODES(t) (sizeof(t) / sizeof((t)[0]))

/* t[v].code, or "" when v is not an entry of the n-entry table t. The
 * string is static: never free it. */
const char *codes_code(const lk_code_name *t, size_t n, int v);

/* t[v].label translated through gettext, or "" when v is not an entry of
 * t. Static: never free it. */
const char *codes_label(const lk_code_name *t, size_t n, int v);

/* The index whose code is exactly code: 0 with *out set; -1 (out left
 * alone) when code is NULL or not in t. */
int codes_parse(const lk_code_name *t, size_t n, const char *code, int *out);

#endif
