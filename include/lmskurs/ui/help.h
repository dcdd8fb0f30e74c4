/*
 * ui/help.h — the help screen: the keys of the view below it, generated
 * from the live key table (keys_help), so it never drifts from the keys.
 */
#ifndef LMSKURS_UI_HELP_H
#define LMSKURS_UI_HELP_H

#include "lmskurs/ui/view.h"

/* Push with arg = the lk_view whose keys to show. */
extern const lk_view_ops help_view;

#endif
