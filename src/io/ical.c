/* ical.c — sessions as an iCalendar file through libical (ical.h). */
#include "lmskurs/ical.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libical/ical.h>

#include "io_impl.h"
#include "lmskurs/i18n.h"

#ifndef LK_VERSION
#define LK_VERSION "0"
#endif
#define ICAL_PRODID "-//lmskurs//lmskurs " LK_VERSION "//NB"

struct lk_ical {
	icaltimezone *zone;          /* Europe/Oslo, owned by libical */
	icalcomponent *events;       /* a VCALENDAR holding the VEVENTs added */
	char *calendar_id;
	struct icaltimetype stamp;   /* DTSTAMP, UTC */
	struct icaltimetype first;   /* earliest start, UTC; valid when n > 0 */
	int n;
	bool failed;                 /* ical_add_event kept an error */
	lk_err kept;
};

static char *dup_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static char *dup_printf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	char *s = n < 0 ? NULL : malloc((size_t)n + 1);
	if (!s)
		return NULL;
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return s;
}

/* ---- times ---- */

/* t as a floating (zone-less) local date-time. */
static struct icaltimetype local_time(lk_datetime t)
{
	struct icaltimetype it = icaltime_null_time();
	it.year = t.date.year;
	it.month = t.date.month;
	it.day = t.date.day;
	it.hour = t.hour;
	it.minute = t.minute;
	it.is_date = 0;
	return it;
}

/* t, Norwegian local time, in UTC. */
static struct icaltimetype utc_time(const lk_ical *cal, lk_datetime t)
{
	struct icaltimetype it = local_time(t);
	it.zone = cal->zone;
	return icaltime_convert_to_zone(it, icaltimezone_get_utc_timezone());
}

static icalproperty *with_tzid(icalproperty *p)
{
	icalproperty_add_parameter(p, icalparameter_new_tzid(LK_ICAL_TZID));
	return p;
}

/* ---- the calendar ---- */

int ical_new(const char *calendar_id, lk_datetime now, lk_ical **out, lk_err *err)
{
	*out = NULL;
	lk_ical *cal = calloc(1, sizeof *cal);
	if (!cal)
		return lk_fail(err, LK_ENOMEM, _("Out of memory."));
	cal->zone = icaltimezone_get_builtin_timezone(LK_ICAL_TZID);
	if (!cal->zone || !icaltimezone_get_component(cal->zone)) {
		free(cal);
		return lk_fail(err, LK_EIO, _("This computer has no time zone data for %s; install the tzdata package."),
			LK_ICAL_TZID);
	}
	cal->events = icalcomponent_new(ICAL_VCALENDAR_COMPONENT);
	cal->calendar_id = strdup(calendar_id ? calendar_id : "");
	if (!cal->events || !cal->calendar_id) {
		ical_free(cal);
		return lk_fail(err, LK_ENOMEM, _("Out of memory."));
	}
	cal->stamp = utc_time(cal, now);
	*out = cal;
	return 0;
}

void ical_free(lk_ical *cal)
{
	if (!cal)
		return;
	if (cal->events)
		icalcomponent_free(cal->events);
	free(cal->calendar_id);
	free(cal);
}

int ical_count(const lk_ical *cal)
{
	return cal->n;
}

/* ---- one event ---- */

/* "Åse Ødegård, Kari" → "Facilitators: ...", and the run's title. */
static char *event_description(const lk_agenda_event *ev)
{
	const char *fac = *ev->facilitators ? _("Facilitators: %s") : "%s";
	char *a = dup_printf(fac, ev->facilitators);
	char *b = *ev->run_title ? dup_printf(_("Run: %s"), ev->run_title) : strdup("");
	char *s = a && b ? dup_printf("%s%s%s", a, *a && *b ? "\n" : "", b) : NULL;
	free(a);
	free(b);
	return s;
}

static char *event_summary(const lk_agenda_event *ev)
{
	if (*ev->topic)
		return dup_printf(_("%s – session %d: %s"), ev->course_title, ev->seq, ev->topic);
	return dup_printf(_("%s – session %d"), ev->course_title, ev->seq);
}

static char *event_location(const lk_agenda_event *ev)
{
	return dup_printf("%s%s%s", ev->room, *ev->room && *ev->place ? ", " : "", ev->place);
}

/* Adds SUMMARY, LOCATION and DESCRIPTION (the last two when not empty). */
static int add_texts(icalcomponent *ve, const lk_agenda_event *ev)
{
	char *sum = event_summary(ev), *loc = event_location(ev), *desc = event_description(ev);
	int rc = sum && loc && desc ? 0 : -1;
	if (rc == 0) {
		icalcomponent_add_property(ve, icalproperty_new_summary(sum));
		if (*loc)
			icalcomponent_add_property(ve, icalproperty_new_location(loc));
		if (*desc)
			icalcomponent_add_property(ve, icalproperty_new_description(desc));
	}
	free(sum);
	free(loc);
	free(desc);
	return rc;
}

static icalcomponent *make_vevent(const lk_ical *cal, const lk_agenda_event *ev)
{
	char *uid = dup_printf("session-%lld-%s@lmskurs", (long long)ev->session_id, cal->calendar_id);
	icalcomponent *ve = uid ? icalcomponent_new_vevent() : NULL;
	if (ve) {
		icalcomponent_add_property(ve, icalproperty_new_uid(uid));
		icalcomponent_add_property(ve, icalproperty_new_sequence((int)ev->sequence));
		icalcomponent_add_property(ve, icalproperty_new_dtstamp(cal->stamp));
		icalcomponent_add_property(ve, with_tzid(icalproperty_new_dtstart(local_time(ev->starts_at))));
		icalcomponent_add_property(ve, with_tzid(icalproperty_new_dtend(local_time(ev->ends_at))));
		icalcomponent_add_property(ve, icalproperty_new_status(
			ev->cancelled ? ICAL_STATUS_CANCELLED : ICAL_STATUS_CONFIRMED));
	}
	free(uid);
	if (ve && add_texts(ve, ev) < 0) {
		icalcomponent_free(ve);
		ve = NULL;
	}
	return ve;
}

int ical_add(lk_ical *cal, const lk_agenda_event *ev, lk_err *err)
{
	if (!date_valid(ev->starts_at.date) || !date_valid(ev->ends_at.date))
		return lk_fail(err, LK_EINVAL, _("Session %d of '%s' has no valid time."), ev->seq,
			ev->course_title);
	icalcomponent *ve = make_vevent(cal, ev);
	if (!ve)
		return lk_fail(err, LK_ENOMEM, _("Out of memory."));
	icalcomponent_add_component(cal->events, ve);
	struct icaltimetype start = utc_time(cal, ev->starts_at);
	if (cal->n == 0 || icaltime_compare(start, cal->first) < 0)
		cal->first = start;
	cal->n++;
	return 0;
}

int ical_add_event(void *arg, const lk_agenda_event *ev)
{
	lk_ical *cal = arg;
	if (ical_add(cal, ev, &cal->kept) == 0)
		return 0;
	cal->failed = true;
	return 1;
}

/* ---- output ---- */

/* Europe/Oslo as a VTIMEZONE named plainly, from the earliest event on. */
static icalcomponent *make_vtimezone(const lk_ical *cal)
{
	icalcomponent *vtz = icalcomponent_new_clone(icaltimezone_get_component(cal->zone));
	if (!vtz)
		return NULL;
	icalproperty *id = icalcomponent_get_first_property(vtz, ICAL_TZID_PROPERTY);
	if (id)
		icalproperty_set_tzid(id, LK_ICAL_TZID);
	icaltimezone_truncate_vtimezone(vtz, cal->n > 0 ? cal->first : cal->stamp,
		icaltime_null_time(), 0);
	return vtz;
}

static icalcomponent *make_vcalendar(const lk_ical *cal)
{
	icalcomponent *vc = icalcomponent_vanew(ICAL_VCALENDAR_COMPONENT,
		icalproperty_new_version("2.0"), icalproperty_new_prodid(ICAL_PRODID),
		icalproperty_new_calscale("GREGORIAN"), icalproperty_new_method(ICAL_METHOD_PUBLISH),
		(void *)0);
	icalcomponent *vtz = vc ? make_vtimezone(cal) : NULL;
	if (!vtz) {
		if (vc)
			icalcomponent_free(vc);
		return NULL;
	}
	icalcomponent_add_component(vc, vtz);
	for (icalcomponent *ve = icalcomponent_get_first_component(cal->events, ICAL_VEVENT_COMPONENT);
	     ve; ve = icalcomponent_get_next_component(cal->events, ICAL_VEVENT_COMPONENT))
		icalcomponent_add_component(vc, icalcomponent_new_clone(ve));
	return vc;
}

char *ical_text(lk_ical *cal, lk_err *err)
{
	if (cal->failed) {
		if (err)
			*err = cal->kept;
		return NULL;
	}
	icalcomponent *vc = make_vcalendar(cal);
	char *text = vc ? icalcomponent_as_ical_string_r(vc) : NULL;
	if (vc)
		icalcomponent_free(vc);
	if (!text)
		lk_fail(err, LK_ENOMEM, _("Out of memory."));
	return text;
}

int ical_save(lk_ical *cal, const char *path, lk_err *err)
{
	char *text = ical_text(cal, err);
	if (!text)
		return -1;
	int rc = io_write_file(path, text, strlen(text), 0644, err);
	free(text);
	return rc;
}
