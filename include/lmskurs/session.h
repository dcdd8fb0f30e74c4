/*
 * session.h — sessions (samlinger) of a run, their facilitators and the
 * pairing rule (DESIGN.md §2: every session is led by at least one
 * professional and at least one user representative).
 *
 *   run_schedule (run.h) or session_add ──▶ session rows (seq 1..n)
 *   session_facilitator_add / run_assign_facilitators ──▶ who leads them
 *   session_pairing / run_unpaired ──▶ the warning wherever a session shows
 *
 * Sessions of a run can be changed while the run is in scheduling,
 * registration or execution; in evaluation move the run back first, closed
 * and cancelled runs are final. Every write keeps the run's first_date and
 * last_date up to date.
 */
#ifndef LMSKURS_SESSION_H
#define LMSKURS_SESSION_H

#include <stdbool.h>
#include <stdint.h>
#include "lmskurs/ctx.h"
#include "lmskurs/date.h"
#include "lmskurs/person.h"

typedef enum lk_session_status {
	LK_SESSION_PLANNED,
	LK_SESSION_HELD,
	LK_SESSION_CANCELLED,
} lk_session_status;

typedef struct lk_session {
	int64_t id;
	int64_t run_id;
	int seq;                  /* 1-based number within the run; set by the module */
	lk_datetime starts_at, ends_at;
	char *room;
	char *topic;
	lk_session_status status; /* read-only here: session_set_status changes it */
	char *notes;
	int64_t version;
	/* Read-only extras filled by every read: */
	int n_professionals;      /* facilitators who are professionals */
	int n_user_reps;          /* facilitators who are user representatives */
	const char *holiday;      /* translated name of the public holiday on
	                             starts_at's date, else NULL; not owned */
	char *course_title;       /* of the run's course */
	char *run_title;
} lk_session;

/* Frees the strings inside s (not s); NULL is fine. */
void session_free(lk_session *s);

const char *session_status_code(lk_session_status st);  /* "planned" | "held" | "cancelled" */
const char *session_status_label(lk_session_status st); /* translated */
int session_status_parse(const char *code, lk_session_status *out); /* -1 if unknown */

/* Appends a planned session to s->run_id (seq = last + 1) from s's
 * starts_at, ends_at (after the start, same day), room, topic and notes.
 * Sets s->id, s->seq, s->status and s->version (id, seq and version are 0
 * again on failure). Coordinators only. */
int session_add(lk_ctx *ctx, lk_session *s, lk_err *err);

/* Reads one session into out (caller frees with session_free, also after a
 * failure); LK_ENOTFOUND when there is none. */
int session_get(lk_ctx *ctx, int64_t id, lk_session *out, lk_err *err);

/* Saves s's starts_at, ends_at, room, topic and notes if nobody changed the
 * session since s->version was read (LK_ECONFLICT otherwise); bumps
 * s->version (left as it was on failure). A session with attendance marks
 * cannot be moved (LK_ERULE): not to another day, and its start not to a
 * later time that is still ahead; its times on the day may be corrected
 * (it ran over, it started earlier). Coordinators only. */
int session_update(lk_ctx *ctx, lk_session *s, lk_err *err);

/* Marks a session planned, held or cancelled (versioned). A session cannot
 * be marked held before it starts, and one with attendance marked stays
 * held. Coordinators only. */
int session_set_status(lk_ctx *ctx, int64_t id, int64_t version, lk_session_status st,
	lk_err *err);

/* Deletes a session without attendance (LK_ERULE otherwise: cancel it
 * instead); its facilitator bookings go with it and the later sessions are
 * renumbered to close the gap. Versioned. Coordinators only. */
int session_delete(lk_ctx *ctx, int64_t id, int64_t version, lk_err *err);

/* Streams the sessions of run_id in seq order to each() (which may stop the
 * listing by returning non-zero, and must not list sessions itself; the
 * session is freed after each() returns). LK_ENOTFOUND for an unknown run.
 * Every role may list. */
int session_list(lk_ctx *ctx, int64_t run_id,
	int (*each)(void *arg, const lk_session *s), void *arg, lk_err *err);

/* Streams every session starting on a date from `from` to `to` (both
 * included) across all runs, in time order, for "today" and "this week".
 * Sessions of cancelled runs are left out; cancelled sessions of other runs
 * are listed (with their status). Every role may list. */
int session_list_range(lk_ctx *ctx, lk_date from, lk_date to,
	int (*each)(void *arg, const lk_session *s), void *arg, lk_err *err);

/* ---- facilitators and pairing ---- */

/* Books an active person as facilitator of a session (LK_EINVAL if already
 * booked or inactive, LK_ENOTFOUND if either does not exist). Coordinators
 * only. */
int session_facilitator_add(lk_ctx *ctx, int64_t session_id, int64_t person_id, lk_err *err);
/* Removes the booking (LK_ENOTFOUND if there is none). Coordinators only. */
int session_facilitator_remove(lk_ctx *ctx, int64_t session_id, int64_t person_id, lk_err *err);
/* Streams a session's facilitators, professionals first, then by name. The
 * person passed to each() is freed after it returns. */
int session_facilitator_list(lk_ctx *ctx, int64_t session_id,
	int (*each)(void *arg, const lk_person *p), void *arg, lk_err *err);

/* Adds each of the n people (n >= 1; active, existing) as facilitator of
 * every planned session of the run; held and cancelled sessions are left
 * alone, people already booked stay booked once, other facilitators stay.
 * Returns the number of planned sessions, or -1 with err. Coordinators
 * only. */
int run_assign_facilitators(lk_ctx *ctx, int64_t run_id, const int64_t person_ids[], int n,
	lk_err *err);

typedef struct lk_pairing {
	bool has_professional, has_user_rep;
} lk_pairing;

/* Which kinds lead s (from its n_professionals / n_user_reps). */
lk_pairing session_pairing(const lk_session *s);

/* "F+B" (fagperson + brukerrepresentant) when s is paired, else the
 * translated "missing user representative", "missing professional" or
 * "missing both". A static string; do not free. */
const char *session_pairing_text(const lk_session *s);

/* Streams the run's sessions that are not cancelled and lack a professional
 * or a user representative, in seq order (each() as in session_list). */
int run_unpaired(lk_ctx *ctx, int64_t run_id,
	int (*each)(void *arg, const lk_session *s), void *arg, lk_err *err);

#endif
