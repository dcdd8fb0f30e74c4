#include "lmskurs/settings.h"

void settings_defaults(lk_settings *s)
{
	s->completion_threshold_pct = 80;
	s->honorarium_rate_ore = 0;
	s->honorarium_round_min = 30;
	s->honorarium_minimum_min = 60;
	s->retention_months = 12;
	s->min_answers = 5;
}
