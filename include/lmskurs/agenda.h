/*
 * agenda.h — when things happen, for calendars and scripts: the sessions of
 * a run or of one facilitator as calendar events, the database's calendar
 * id that keeps their UIDs stable, and laying out a new run in one step.
 *
 *   agenda_calendar_id ──▶ "uuid" kept in meta (made once, on first use)
 *   agenda_run_events / agenda_person_events ──▶ lk_agenda_event ──▶ io/ical
 *   run_create_scheduled = run_create + run_schedule, all or nothing
 *
 * No participant appears in an event: facilitators' names only.
 */
#ifndef LMSKURS_AGENDA_H
#define LMSKURS_AGENDA_H

#include <stdbool.h>
#include <stdint.h>
#include "lmskurs/ctx.h"
#include "lmskurs/date.h"
#include "lmskurs/run.h"

/* One session as a calendar shows it. */
typedef struct lk_agenda_event {
	int64_t session_id;
	int64_t run_id;
	int seq;                 /* the session's number within its run */
	lk_datetime starts_at, ends_at; /* Norwegian local time */
	char *topic;             /* "" when none */
	char *room;              /* "" when none */
	char *place;             /* the run's place, "" when none */
	char *course_title;
	char *run_title;         /* "" when none */
	char *facilitators;      /* names joined by ", ", professionals first; "" if none */
	bool cancelled;          /* the session or its whole run is cancelled */
	int64_t sequence;        /* 0 for a new session; grows with every change of the
	                            session or its run (their versions), never shrinks */
} lk_agenda_event;

/* Frees the strings inside ev (not ev); NULL is fine. */
void agenda_event_free(lk_agenda_event *ev);

/* The database's calendar id: a random UUID made on first use and kept in
 * the meta table (key "calendar_id"), so the UIDs of exported events stay
 * the same across exports and differ between databases. *out is newly
 * allocated (caller frees). Every role may ask; making it is audited as
 * "create" on meta. LK_EIO when no random bytes can be had. */
int agenda_calendar_id(lk_ctx *ctx, char **out, lk_err *err);

/* Streams the sessions of run_id in seq order, cancelled ones included
 * (marked cancelled), to each(); the event is freed after each() returns,
 * and each() returning non-zero stops. page.limit <= 0 streams them all.
 * LK_ENOTFOUND for an unknown run. Every role may read. */
int agenda_run_events(lk_ctx *ctx, int64_t run_id, lk_page page,
	int (*each)(void *arg, const lk_agenda_event *ev), void *arg, lk_err *err);

/* The same for every session person_id facilitates, across all runs and
 * courses, in time order; sessions of cancelled runs are included as
 * cancelled, so calendars that had them drop them. LK_ENOTFOUND for an
 * unknown person. */
int agenda_person_events(lk_ctx *ctx, int64_t person_id, lk_page page,
	int (*each)(void *arg, const lk_agenda_event *ev), void *arg, lk_err *err);

/* run_create(r) and run_schedule(r->id, s) in one transaction: either the
 * run exists with its sessions, or nothing was saved (then r->id and
 * r->version are 0 again). Refusals as the two say (course not active,
 * capacity out of range, no session plan, a session past midnight ...).
 * Returns the number of sessions laid out, or -1 with err. Coordinators
 * only. Sessions on public holidays are made all the same; the caller warns
 * (session_list gives lk_session.holiday). */
int run_create_scheduled(lk_ctx *ctx, lk_run *r, const lk_schedule *s, lk_err *err);

#endif
