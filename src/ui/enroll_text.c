/*
 * enroll_text.c — what the participant and enrollment screens say, as
 * pure functions (no curses, no database), so the words are unit-tested.
 */
#include "lmskurs/ui/participants.h"

#include <stdlib.h>
#include <string.h>

#include "lmskurs/i18n.h"
#include "lmskurs/ui/uitext.h"

char *enroll_added_text(const char *name, const lk_enrollment *e)
{
	if (e->status == LK_ENR_WAITLISTED)
		return uitext_printf(_("%s is on the waitlist as number %d."), name, e->waitlist_pos);
	return uitext_printf(_("%s is registered."), name);
}

char *enroll_promoted_text(const lk_promotion *p)
{
	if (!p->promoted)
		return strdup("");
	return uitext_printf(_("Call %s: moved up from the waitlist. "), p->name ? p->name : "");
}

char *enroll_status_text(const lk_enrollment *e)
{
	if (e->status == LK_ENR_WAITLISTED)
		return uitext_printf(_("waitlist %d"), e->waitlist_pos);
	return strdup(enroll_status_label(e->status));
}

char *enroll_places_text(int64_t registered, int capacity, int64_t waitlisted)
{
	if (capacity <= 0)
		return uitext_printf(_("registered %lld, no limit · waitlist %lld"), (long long)registered,
			(long long)waitlisted);
	return uitext_printf(_("registered %lld/%d · waitlist %lld"), (long long)registered, capacity,
		(long long)waitlisted);
}

char *import_summary_text(const lk_import_summary *s)
{
	char *rows = uitext_printf(ngettext("%lld row", "%lld rows", (unsigned long)s->rows), (long long)s->rows);
	char *t = rows ? uitext_printf(_("%s: %lld new, %lld matched to participants already registered, %lld a second sign-up or already in the run, %lld bad. Of those enrolled: %lld registered, %lld on the waitlist."),
		rows, (long long)s->created, (long long)s->matched, (long long)s->already, (long long)s->bad,
		(long long)s->registered, (long long)s->waitlisted) : NULL;
	free(rows);
	return t;
}

char *import_row_text(const lk_preview_row *r)
{
	long long line = r->line;
	if (r->result == LK_IMPORT_BAD)
		return uitext_printf(_("line %lld: %s"), line, r->why ? r->why : "");
	if (r->same_as_line)
		return uitext_printf(_("line %lld: the same person as line %lld; counted once."), line,
			(long long)r->same_as_line);
	return uitext_printf(_("line %lld: already has a place in this run; left as it is."), line);
}

const char *participants_field_message(const char *msg, int64_t id)
{
	char *prefix = uitext_printf(_("Participant no. %lld"), (long long)id);
	const char *out = msg;
	size_t n = prefix ? strlen(prefix) : 0;
	if (prefix && strncmp(msg, prefix, n) == 0 && strncmp(msg + n, ": ", 2) == 0)
		out = msg + n + 2;
	free(prefix);
	return out;
}

char *enroll_run_name(const char *course_title, const char *run_title)
{
	if (!run_title || !*run_title)
		return strdup(course_title ? course_title : "");
	return uitext_printf("%s, %s", course_title ? course_title : "", run_title);
}
