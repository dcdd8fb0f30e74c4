/*
 * run_text.c — the texts the run screens share (ui/runs.h): dates with ISO
 * weeks, places, pairing in words. No curses: unit-tested.
 */
#include "lmskurs/ui/runs.h"

#include <stdlib.h>

#include "lmskurs/i18n.h"
#include "lmskurs/ui/uitext.h"

char *runs_dates_text(lk_date first, lk_date last)
{
	if (first.year == 0)
		return uitext_printf("%s", _("no sessions yet"));
	char a[11], b[11];
	date_show(first, a);
	date_show(last, b);
	int wa = date_iso_week(first, NULL), wb = date_iso_week(last, NULL);
	if (date_cmp(first, last) == 0)
		return uitext_printf(_("%s wk %d"), a, wa);
	if (first.year == last.year)
		a[6] = 0; /* "18.02.–04.03.2027": the year once */
	if (wa == wb && date_to_days(last) - date_to_days(first) < 7)
		return uitext_printf(_("%s–%s wk %d"), a, b, wa);
	return uitext_printf(_("%s–%s wk %d–%d"), a, b, wa, wb);
}

char *runs_places_text(const lk_run *r)
{
	char *base = r->capacity > 0 ? uitext_printf("%d/%d", r->n_registered, r->capacity)
	                             : uitext_printf("%d/–", r->n_registered);
	if (!base || r->n_waitlisted <= 0)
		return base;
	char *s = uitext_printf(_("%s (+%d waiting)"), base, r->n_waitlisted);
	free(base);
	return s;
}

char *runs_pairing_text(const lk_run *r)
{
	if (r->n_unpaired > 0) {
		char *words = uitext_printf(ngettext("%d session unpaired", "%d sessions unpaired",
			(unsigned long)r->n_unpaired), r->n_unpaired);
		char *s = words ? uitext_printf("! %s", words) : NULL;
		free(words);
		return s;
	}
	return uitext_printf("%s", r->n_sessions > 0 ? _("paired") : _("no sessions"));
}

char *runs_time_text(const lk_session *s)
{
	return uitext_printf("%02d:%02d–%02d:%02d", s->starts_at.hour, s->starts_at.minute,
		s->ends_at.hour, s->ends_at.minute);
}

char *runs_day_text(lk_date d, bool today)
{
	char shown[11];
	date_show(d, shown);
	/* TRANSLATORS: the day header of the week: "Monday 08.03.2027 (week 10)" */
	char *s = uitext_printf(_("%s %s (week %d)"), date_weekday_name(date_weekday(d), false), shown,
		date_iso_week(d, NULL));
	if (!s || !today)
		return s;
	char *t = uitext_printf(_("%s · today"), s);
	free(s);
	return t;
}

lk_date runs_week_monday(lk_date d)
{
	return date_add_days(d, 1 - date_weekday(d));
}
