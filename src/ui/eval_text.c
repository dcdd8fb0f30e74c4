/*
 * eval_text.c — the pure helpers of the evaluation screens: typing a
 * number answer digit by digit, bars of block characters, trends and the
 * fast entry's counter and hints. No curses; unit-tested.
 */
#include "lmskurs/ui/eval.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lmskurs/i18n.h"
#include "lmskurs/ui/uitext.h"

/* ---- typing a number ---- */

/* Whether the decimal form of some value in min..max starts with s, and
 * whether one of them is longer (a digit more could follow). */
static void prefix_of(const char *s, int min, int max, bool *some, bool *longer)
{
	size_t n = strlen(s);
	*some = *longer = false;
	for (int x = min; x <= max; x++) {
		char buf[16];
		int len = snprintf(buf, sizeof buf, "%d", x);
		if (strncmp(buf, s, n) != 0)
			continue;
		*some = true;
		*longer |= (size_t)len > n;
	}
}

static bool is_value(const char *s, int min, int max)
{
	for (int x = min; x <= max; x++) {
		char buf[16];
		snprintf(buf, sizeof buf, "%d", x);
		if (strcmp(buf, s) == 0)
			return true;
	}
	return false;
}

/* Tries text + key; on success stores it and says how it stands. */
static lk_eval_typed try_append(lk_eval_number *n, const char *base, char c)
{
	char cand[sizeof n->text];
	if (strlen(base) + 2 > sizeof cand)
		return LK_TYPED_REFUSED;
	snprintf(cand, sizeof cand, "%s%c", base, c);
	bool some, longer;
	prefix_of(cand, n->min, n->max, &some, &longer);
	if (!some)
		return LK_TYPED_REFUSED;
	memcpy(n->text, cand, sizeof cand);
	return longer || !is_value(cand, n->min, n->max) ? LK_TYPED_PARTIAL : LK_TYPED_COMPLETE;
}

lk_eval_typed eval_number_type(lk_eval_number *n, lk_key key)
{
	bool digit = key >= '0' && key <= '9';
	if (!digit && !(key == '-' && n->min < 0))
		return LK_TYPED_REFUSED;
	bool some, longer;
	prefix_of(n->text, n->min, n->max, &some, &longer);
	/* A complete answer typed over starts again. */
	const char *base = *n->text && !longer ? "" : n->text;
	if (key == '-')
		return *base ? LK_TYPED_REFUSED : try_append(n, "", '-');
	return try_append(n, base, (char)key);
}

int eval_number_value(const lk_eval_number *n, int *value)
{
	if (!*n->text)
		return 0;
	if (!is_value(n->text, n->min, n->max))
		return -1;
	*value = atoi(n->text);
	return 1;
}

/* ---- bars ---- */

char *eval_bar(int64_t count, int64_t max, int width)
{
	static const char *const part[8] = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};
	if (width < 0)
		width = 0;
	int64_t eighths = count <= 0 || max <= 0 ? 0 : (count * width * 8 + max / 2) / max;
	if (count > 0 && max > 0 && eighths == 0)
		eighths = 1;
	if (eighths > (int64_t)width * 8)
		eighths = (int64_t)width * 8;
	size_t full = (size_t)(eighths / 8);
	char *s = malloc(full * 3 + 4);
	if (!s)
		return NULL;
	char *p = s;
	for (size_t i = 0; i < full; i++, p += 3)
		memcpy(p, "█", 3);
	strcpy(p, part[eighths % 8]);
	return s;
}

char *eval_trend_text(double now, double before)
{
	double d = now - before;
	if (fabs(d) < 0.05)
		return uitext_printf("%s", _("→ same"));
	return uitext_printf(d > 0 ? _("↑ up %.1f") : _("↓ down %.1f"), fabs(d));
}

char *eval_counter_text(int64_t forms, int came)
{
	if (came < 0)
		return uitext_printf(_("forms entered: %lld — no session held yet"), (long long)forms);
	return uitext_printf(_("forms entered: %lld — came to the last session: %d"), (long long)forms, came);
}

/* ---- the fast entry's hint line ---- */

/* The smallest value that waits for a second digit, and the value that
 * digit makes ("1" and "10" on 0..10); false when every value is
 * complete at its first digit. */
static bool waiting_value(int min, int max, int *v, int *longer, int *digit)
{
	for (int x = min; x <= max; x++) {
		char buf[16];
		snprintf(buf, sizeof buf, "%d", x);
		for (int d = 0; d <= 9; d++) {
			int y = x < 0 ? x * 10 - d : x * 10 + d;
			if (x != 0 && y >= min && y <= max) {
				*v = x, *longer = y, *digit = d;
				return true;
			}
		}
	}
	return false;
}

static char *number_hint(const char *what, int min, int max)
{
	int v, longer, digit;
	if (!waiting_value(min, max, &v, &longer, &digit))
		return uitext_printf(_("%s: type %d–%d · Space blank"), what, min, max);
	return uitext_printf(_("%s: type %d–%d; %d then Enter is %d, %d then %d is %d · Space blank"),
		what, min, max, v, v, v, digit, longer);
}

char *eval_entry_hint(const lk_question *q)
{
	switch (q->kind) {
	case LK_QUESTION_SCALE: return number_hint(_("Scale"), q->scale_min, q->scale_max);
	case LK_QUESTION_CHOICE: return number_hint(_("Option"), 1, q->n_options);
	case LK_QUESTION_YESNO: return uitext_printf("%s", _("Yes/no: 1 or y yes, 0 or n no · Space blank"));
	default: return uitext_printf("%s", _("Written answer: type it; Enter on an empty line goes on · Tab next question"));
	}
}
