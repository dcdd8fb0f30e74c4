/*
 * run.h — runs (gjennomføringer): one scheduled delivery of a course, its
 * scheduling from the course's session plan, and its phases and gates.
 *
 *   course (active|revision) ──run_create──▶ run in scheduling
 *   course_part rows ──run_schedule──▶ one session per part (session.h)
 *   run_gate / run_set_phase: scheduling → registration → execution →
 *       evaluation → closed, one step back without a gate, any but closed →
 *       cancelled (a written reason required)
 *
 * Participants, capacity changes and the waitlist belong to the enrollment
 * module (run_set_capacity there); this module sets capacity only when a run
 * is created. Every session write keeps run.first_date / last_date (the
 * dates of the first and last non-cancelled session) up to date.
 */
#ifndef LMSKURS_RUN_H
#define LMSKURS_RUN_H

#include <stdbool.h>
#include <stdint.h>
#include "lmskurs/ctx.h"
#include "lmskurs/date.h"
#include "lmskurs/phase.h"

typedef struct lk_run {
	int64_t id;
	int64_t course_id;
	char *course_title;      /* read-only, for display */
	char *title;             /* "Våren 2027"; may be empty */
	lk_run_phase phase;      /* read-only here: run_set_phase moves it */
	char *place;
	int capacity;            /* places; 0 = not set yet. Written by run_create and
	                            run_set_capacity (enroll.h) only */
	int64_t questionnaire_id;/* 0 = none */
	lk_date first_date;      /* first/last non-cancelled session; year 0 = no sessions */
	lk_date last_date;
	char *notes;
	char *closed_at;         /* "YYYY-MM-DDTHH:MM:SS" when closed, else NULL */
	int64_t version;
	/* Read-only extras filled by run_get and run_list: */
	int n_sessions;          /* sessions not cancelled */
	int n_unpaired;          /* of those, missing a professional or a user representative */
	int n_registered;        /* enrollments registered */
	int n_waitlisted;        /* enrollments waiting */
} lk_run;

typedef struct lk_run_filter {
	int64_t course_id;   /* 0: any course */
	int year;            /* 0: any year; else the year of first_date */
	int phase;           /* -1: any, else lk_run_phase */
	const char *text;    /* substring of the course title or the run title; NULL = all */
} lk_run_filter;

/* How a run is laid out from its course's session plan. */
typedef struct lk_schedule {
	lk_date first;       /* the first session's date */
	int every_weeks;     /* 1 weekly, 2 every second week ... 1..8 */
	int hour, minute;    /* start time of every session */
	const char *room;    /* room of every session; NULL or "" = not set */
} lk_schedule;

/* Frees the strings inside r (not r); NULL is fine. */
void run_free(lk_run *r);

/* Creates a run of r->course_id from r's title, place, capacity,
 * questionnaire_id (0 takes the course's questionnaire) and notes.
 * Capacity 0 means "not set yet" and is allowed here (set it later with
 * run_set_capacity; registration cannot open without it); otherwise
 * 1..1000, and a negative one is refused (LK_EINVAL). The course must be
 * active or in revision (LK_ERULE otherwise: it must finish planning
 * first); LK_ENOTFOUND for an unknown course. The run starts in scheduling
 * with that phase's checklist copied. On success r->id, r->phase,
 * r->questionnaire_id and r->version are set; on failure r->id and
 * r->version are 0. Coordinators only. */
int run_create(lk_ctx *ctx, lk_run *r, lk_err *err);

/* Reads run id with its extras into out (caller frees with run_free, also
 * after a failure). LK_ENOTFOUND when there is none. */
int run_get(lk_ctx *ctx, int64_t id, lk_run *out, lk_err *err);

/* Saves r's title, place, questionnaire_id and notes if nobody changed the
 * run since r->version was read (LK_ECONFLICT otherwise); bumps r->version.
 * course, capacity and phase are not changed here. Coordinators only. */
int run_update(lk_ctx *ctx, lk_run *r, lk_err *err);

/* Deletes a run that is still in scheduling or was cancelled and has no
 * enrollments, evaluation forms or meetings (LK_ERULE saying what it has).
 * Its sessions, facilitator bookings, checklist and gate overrides go with
 * it; *sessions_deleted (may be NULL) gets how many sessions that was.
 * Versioned like run_update. Coordinators only. */
int run_delete(lk_ctx *ctx, int64_t id, int64_t version, int *sessions_deleted, lk_err *err);

/* Streams one page of runs matching f (NULL: all) to each(), sorted by
 * first_date, newest first, runs without sessions before all others, then by
 * id; each() returning non-zero stops. each() must not list runs itself.
 * The run passed to each() is freed after it returns. */
int run_list(lk_ctx *ctx, const lk_run_filter *f, lk_page page,
	int (*each)(void *arg, const lk_run *r), void *arg, lk_err *err);
/* Number of runs matching f, or -1 with err. */
int64_t run_count(lk_ctx *ctx, const lk_run_filter *f, lk_err *err);

/* Lays out the run from its course's session plan: session i (0-based) on
 * s->first + i * s->every_weeks weeks, starting at s->hour:s->minute, ending
 * after the part's minutes (it must end the same day), with the part's topic
 * and s->room. Existing sessions are REPLACED: session number k is rewritten
 * in place with the new date, time, room and topic (status planned, notes
 * cleared, facilitators kept), and sessions numbered beyond the plan are
 * deleted with their facilitators. Refused (LK_ERULE) when the course has no
 * session plan, the run is not in scheduling, or any session of the run has
 * attendance. A session on a public holiday is created all the same (see
 * lk_session.holiday). Returns the number of sessions laid out, or -1 with
 * err. Coordinators only. */
int run_schedule(lk_ctx *ctx, int64_t run_id, const lk_schedule *s, lk_err *err);

/* What moving run_id to phase `to` would need. *out is initialised here and
 * filled with one sentence per unmet condition (caller calls gate_free,
 * also after a failure). The first k sentences are hard rules that no
 * reason can pass (when leaving scheduling: capacity not set, listed
 * first, then each unpaired session), the rest may be passed with a
 * written reason (no sessions yet, unticked checklist items ...); returns
 * k (>= 0), or -1 with err
 * (LK_ENOTFOUND; LK_ERULE when the move itself is not possible, e.g.
 * closed → anything). Moving back one step or cancelling has no gate. */
int run_gate(lk_ctx *ctx, int64_t run_id, lk_run_phase to, lk_gate *out, lk_err *err);

/* Moves run_id to phase `to`:
 * - one step forward: passes the gate (run_gate); hard rules refuse the move
 *   whatever the reason; other unmet conditions refuse it unless reason is
 *   given, which is kept with what was unmet (gate_override_list);
 * - one step back (not out of closed): no gate; reason optional;
 * - to cancelled from any phase but closed: reason required and kept;
 * anything else is refused with LK_ERULE. Entering scheduling, registration,
 * execution or evaluation copies that phase's checklist (once); reaching
 * closed sets closed_at. Refused moves change nothing. If unmet_out is not
 * NULL it is initialised and gets the gate's unmet sentences (caller calls
 * gate_free). Bumps the run's version. Coordinators only. */
int run_set_phase(lk_ctx *ctx, int64_t run_id, lk_run_phase to, const char *reason,
	lk_gate *unmet_out, lk_err *err);

#endif
