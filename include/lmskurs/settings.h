/*
 * settings.h — the domain's tunable numbers, as core sees them. io/config.c
 * fills them from config.ini; core never reads files.
 */
#ifndef LMSKURS_SETTINGS_H
#define LMSKURS_SETTINGS_H

typedef struct lk_settings {
	int completion_threshold_pct; /* attendance share that counts as completed; 80 */
	long honorarium_rate_ore;     /* pay per hour in øre (1/100 NOK); 0 = not set */
	int honorarium_round_min;     /* round actual time to nearest N minutes; 30 */
	int honorarium_minimum_min;   /* at least N minutes per attendance in person; 60 */
	int retention_months;         /* remove participants' names N months after their last run; 12 */
	int min_answers;              /* evaluation results below this show counts only; 5 */
} lk_settings;

/* Fills s with the shipped defaults above. */
void settings_defaults(lk_settings *s);

#endif
