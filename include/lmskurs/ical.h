/*
 * ical.h — sessions as an iCalendar file (RFC 5545), written with libical,
 * which folds lines at 75 octets, escapes text and ends lines with CRLF.
 *
 *   agenda_calendar_id + ical_new ──▶ lk_ical
 *   agenda_run_events / agenda_person_events ──ical_add_event──▶ VEVENTs
 *   ical_save ──▶ FILE.ics (0644: no participant is ever in it)
 *
 * The calendar: VERSION 2.0, PRODID, CALSCALE GREGORIAN, METHOD PUBLISH and
 * one VTIMEZONE for Europe/Oslo (from the system's time zone data, cut to
 * start at the earliest event). No X-WR-CALNAME: libical does not escape
 * the text of X- properties. Each session is one VEVENT:
 *   UID       session-<session id>-<calendar id>@lmskurs, the same in every
 *             export of the same database, so a re-import updates
 *   SEQUENCE  lk_agenda_event.sequence (grows when the session or its run
 *             changes)
 *   DTSTAMP   the export time in UTC
 *   DTSTART, DTEND  local times with TZID=Europe/Oslo
 *   SUMMARY   "Course title – session N: topic" (translated)
 *   LOCATION  "room, place" (what of them is set)
 *   DESCRIPTION  the facilitators and the run's title, one line each
 *   STATUS    CONFIRMED, or CANCELLED for a cancelled session or one of a
 *             cancelled run: it is kept in the file (not left out) so that
 *             calendars which imported it before take it away.
 */
#ifndef LMSKURS_ICAL_H
#define LMSKURS_ICAL_H

#include "lmskurs/agenda.h"
#include "lmskurs/date.h"
#include "lmskurs/err.h"

typedef struct lk_ical lk_ical;

#define LK_ICAL_TZID "Europe/Oslo"

/* A new, empty calendar. calendar_id (agenda_calendar_id) goes into every
 * UID; now (local wall-clock time, e.g. ctx_now) becomes DTSTAMP in UTC.
 * LK_EIO when the system has no time zone data for Europe/Oslo (Debian: the
 * tzdata package). Caller frees *out with ical_free. */
int ical_new(const char *calendar_id, lk_datetime now, lk_ical **out, lk_err *err);

/* Adds one session as a VEVENT. */
int ical_add(lk_ical *cal, const lk_agenda_event *ev, lk_err *err);

/* ical_add as an each() for agenda_run_events / agenda_person_events (arg is
 * the lk_ical): a failure stops the list and is kept, and ical_text and
 * ical_save then report it. */
int ical_add_event(void *cal, const lk_agenda_event *ev);

/* VEVENTs added so far. */
int ical_count(const lk_ical *cal);

/* The whole calendar as RFC 5545 text, newly allocated (caller frees). */
char *ical_text(lk_ical *cal, lk_err *err);

/* Writes the calendar to path, replacing the file at once (mode 0644). */
int ical_save(lk_ical *cal, const char *path, lk_err *err);

/* Frees cal (NULL is fine). */
void ical_free(lk_ical *cal);

#endif
