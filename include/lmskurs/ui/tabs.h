/*
 * ui/tabs.h — a row of tabs (Tab / Shift-Tab switch). The view keeps an
 * lk_tabs in its state and draws the current tab's content below it.
 */
#ifndef LMSKURS_UI_TABS_H
#define LMSKURS_UI_TABS_H

#include <stdbool.h>

#include "lmskurs/ui/keys.h"
#include "lmskurs/ui/screen.h"

typedef struct lk_tabs {
	const char *const *labels; /* msgids, not owned */
	int n;
	int cur;
} lk_tabs;

/* TAB_NEXT / TAB_PREV (wrapping around); true when a was one of them. */
bool tabs_request(lk_tabs *t, lk_action a);

/* Draws the tab row on line y from x, width w: the current tab marked with
 * brackets as well as the selected style, so it shows without colour. */
void tabs_draw(const lk_tabs *t, lk_ui *ui, int y, int x, int w);

#endif
