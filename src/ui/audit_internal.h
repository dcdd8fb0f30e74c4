/* audit_internal.h — private to src/ui/audit*.c. */
#ifndef LMSKURS_UI_AUDIT_INTERNAL_H
#define LMSKURS_UI_AUDIT_INTERNAL_H

#include "lmskurs/ui/audit.h"

/* The dates and participant the audit view v shows (its text filter in
 * *text when text is not NULL), or NULL when v is not an audit view. The
 * filter form and the export read it; the form changes it. */
lk_audit_filter *audit_view_filter(lk_view *v, const char **text);

#endif
