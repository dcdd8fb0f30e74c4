/* report_impl.h — private to src/core/report*.c: what the report modules
 * share. */
#ifndef LMSKURS_REPORT_IMPL_H
#define LMSKURS_REPORT_IMPL_H

#include "lmskurs/report.h"

/* The period as the store reads it: from, and the day after to. */
typedef struct report_iso {
	char from[11], to_next[11];
} report_iso;

/* Checks the role (LK_PERM_REPORTS) and the period, and fills iso. */
int report_begin(lk_ctx *ctx, lk_period p, report_iso *iso, lk_err *err);

/* A stored ISO date ("2027-03-04", may be followed by a time); year 0
 * for "" or anything that is not a date. */
lk_date report_iso_date(const char *s);

/* A stored "YYYY-MM-DDTHH:MM"; all zero when it is not one. */
lk_datetime report_iso_datetime(const char *s);

#endif
