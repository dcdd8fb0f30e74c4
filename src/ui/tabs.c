#include "lmskurs/ui/tabs.h"

#include <stdlib.h>

#include "lmskurs/i18n.h"
#include "lmskurs/ui/uitext.h"

bool tabs_request(lk_tabs *t, lk_action a)
{
	if (t->n <= 0 || (a != LK_ACT_TAB_NEXT && a != LK_ACT_TAB_PREV))
		return false;
	t->cur = (t->cur + (a == LK_ACT_TAB_NEXT ? 1 : t->n - 1)) % t->n;
	return true;
}

void tabs_draw(const lk_tabs *t, lk_ui *ui, int y, int x, int w)
{
	int used = 0;
	for (int i = 0; i < t->n && used < w; i++) {
		bool cur = i == t->cur;
		char *s = uitext_printf(cur ? "[%s]" : " %s ", _(t->labels[i]));
		used += screen_text(ui, y, x + used, w - used, s ? s : "", cur ? LK_STYLE_SELECTED : LK_STYLE_DIM);
		used += screen_text(ui, y, x + used, w - used, " ", LK_STYLE_NORMAL);
		free(s);
	}
}
