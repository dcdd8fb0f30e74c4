/*
 * attendance_text.c — what the attendance screens say, as pure functions
 * (ui/attendance.h), so the words are unit-tested without a terminal.
 */
#include "lmskurs/ui/attendance.h"

#include <stdlib.h>
#include <string.h>

#include "lmskurs/i18n.h"
#include "lmskurs/ui/uitext.h"

char *attendance_count_text(int present, int absent, int excused, int unmarked)
{
	int all = present + absent + excused + unmarked;
	return uitext_printf(_("present %d, absent %d, excused %d, not marked %d of %d"),
		present, absent, excused, unmarked, all);
}

const char *attendance_cell_label(lk_att_cell c)
{
	switch (c) {
	case LK_CELL_PRESENT: return _("present");
	case LK_CELL_ABSENT: return _("absent");
	case LK_CELL_EXCUSED: return _("excused");
	case LK_CELL_UNMARKED: return _("not marked");
	case LK_CELL_NOT_EXPECTED: return _("not expected");
	case LK_CELL_CANCELLED: return _("cancelled");
	}
	return "";
}

/* The part after "|" of a translated "context|text" msgid: one letter
 * alone would be ambiguous for a translator. */
static const char *after_bar(const char *s)
{
	const char *bar = strchr(s, '|');
	return bar ? bar + 1 : s;
}

const char *attendance_cell_mark(lk_att_cell c)
{
	switch (c) {
	case LK_CELL_PRESENT: return after_bar(_("grid mark for present|P"));
	case LK_CELL_ABSENT: return after_bar(_("grid mark for absent|A"));
	case LK_CELL_EXCUSED: return after_bar(_("grid mark for excused|E"));
	case LK_CELL_UNMARKED: return "";
	case LK_CELL_NOT_EXPECTED: return "–";
	case LK_CELL_CANCELLED: return after_bar(_("grid mark for a cancelled session|x"));
	}
	return "";
}

char *attendance_rate_text(const lk_attendance_summary *s)
{
	if (s->held_expected <= 0)
		return strdup(_("none held yet"));
	return uitext_printf(_("%d/%d held (%d %%)"), s->present, s->held_expected, s->rate_pct);
}

const char *attendance_completion_text(const lk_attendance_summary *s)
{
	if (s->completed)
		return _("completed");
	if (s->completion_unreachable)
		return _("! cannot complete any more");
	return "";
}

/* Bytes a file name should not carry: separators, controls, and what
 * shells and other systems trip on. */
static bool bad_in_name(unsigned char c)
{
	return c < 0x20 || c == 0x7f || strchr(" /\\:*?\"<>|'`$&;~.,", c) != NULL;
}

/* Appends course to out (room for max bytes), "-" for runs of bad bytes,
 * without a leading or trailing "-", cut on a character boundary. */
static void slug_append(char *out, size_t max, const char *course)
{
	size_t len = strlen(out), start = len;
	bool dash = false;
	for (const unsigned char *p = (const unsigned char *)course; *p; p++) {
		if (bad_in_name(*p)) {
			dash = len > start;
			continue;
		}
		size_t n = 1;
		while ((p[n] & 0xc0) == 0x80)
			n++;
		if (len + dash + n > max)
			break;
		if (dash)
			out[len++] = '-';
		memcpy(out + len, p, n);
		len += n;
		p += n - 1;
		dash = false;
	}
	out[len] = '\0';
}

char *attendance_sheet_filename(const char *dir, lk_date day, const char *course)
{
	enum { SLUG_MAX = 40 };
	char slug[SLUG_MAX + 1] = "";
	char iso[11] = "";
	slug_append(slug, SLUG_MAX, course ? course : "");
	if (day.year)
		date_iso(day, iso);
	const char *word = _("attendance-sheet");
	const char *sep = dir && *dir && dir[strlen(dir) - 1] != '/' ? "/" : "";
	return uitext_printf("%s%s%s%s%s%s%s.pdf", dir ? dir : "", sep, word, *iso ? "-" : "", iso,
		*slug ? "-" : "", slug);
}
