/*
 * meeting.h — planning and evaluation meetings of a course's planning group
 * (DESIGN.md §2): when and where, who attended (in person or not, which the
 * honorarium needs) and what was decided. An evaluation meeting belongs to
 * one run of the course; its decisions may become revisions (revision.h).
 *
 * Reads need LK_PERM_READ_PLAN (every role); writes need LK_PERM_EDIT_PLAN
 * (coordinators), one transaction each, audited. Meetings and decisions
 * carry a version: a stale one is refused with LK_ECONFLICT.
 */
#ifndef LMSKURS_MEETING_H
#define LMSKURS_MEETING_H

#include <stdbool.h>
#include <stdint.h>
#include "lmskurs/ctx.h"
#include "lmskurs/person.h"

typedef enum lk_meeting_kind {
	LK_MEETING_PLANNING,
	LK_MEETING_EVALUATION,
	LK_MEETING_KIND_COUNT
} lk_meeting_kind;

const char *meeting_kind_code(lk_meeting_kind k);  /* "planning" | "evaluation"; "" if unknown */
const char *meeting_kind_label(lk_meeting_kind k); /* translated: "planning meeting" ... */
int meeting_kind_parse(const char *code, lk_meeting_kind *out); /* -1 if unknown */

typedef struct lk_meeting {
	int64_t id;
	int64_t course_id;      /* fixed once created */
	int64_t run_id;         /* required for evaluation meetings, else 0 or a run of the course */
	lk_meeting_kind kind;
	char *starts_at;        /* any form datetime_parse accepts; stored and read */
	char *ends_at;          /* back as "YYYY-MM-DDTHH:MM"; the end is after the start */
	char *place;
	char *notes;
	int64_t n_attendees;    /* read-only: filled by get and list */
	int64_t n_decisions;    /* read-only: filled by get and list */
	int64_t version;
} lk_meeting;

/* Frees the strings inside m (not m) and zeroes it. */
void meeting_free(lk_meeting *m);

/* Creates m for m->course_id; sets m->id and m->version (the strings in m
 * are not rewritten). LK_EINVAL for bad times, a missing run on an
 * evaluation meeting, or a run of another course; LK_ENOTFOUND for an
 * unknown course. */
int meeting_create(lk_ctx *ctx, lk_meeting *m, lk_err *err);

/* Reads one meeting (caller frees with meeting_free); LK_ENOTFOUND. */
int meeting_get(lk_ctx *ctx, int64_t id, lk_meeting *out, lk_err *err);

/* Saves kind, run, times, place and notes (not the course) if nobody
 * changed the meeting since m->version was read; bumps m->version. */
int meeting_update(lk_ctx *ctx, lk_meeting *m, lk_err *err);

/* Deletes a meeting with its attendees and decisions (revisions that came
 * from those decisions stay, without the link). Versioned; the audit detail
 * says how many attendees and decisions went. */
int meeting_delete(lk_ctx *ctx, int64_t id, int64_t version, lk_err *err);

/* Streams one page of the course's meetings, newest first. The meeting is
 * freed after each() returns; each() returning non-zero stops. kind: -1
 * any, else lk_meeting_kind. */
int meeting_list(lk_ctx *ctx, int64_t course_id, int kind, lk_page page,
	int (*each)(void *arg, const lk_meeting *m), void *arg, lk_err *err);
int64_t meeting_count(lk_ctx *ctx, int64_t course_id, int kind, lk_err *err);

/* Number of meetings of kind (-1 any) recorded for a run (for the run's
 * evaluation gate); -1 on error. */
int64_t meeting_count_for_run(lk_ctx *ctx, int64_t run_id, int kind, lk_err *err);

/* ---- attendees ---- */

typedef struct lk_attendee {
	int64_t person_id;
	char *name;
	lk_person_kind kind;
	char *profession, *organisation;
	bool in_person; /* false: took part remotely */
} lk_attendee;

void meeting_attendee_free(lk_attendee *a);

/* Records that a person attended. LK_EINVAL when already recorded;
 * LK_ENOTFOUND for an unknown meeting or person. */
int meeting_attendee_add(lk_ctx *ctx, int64_t meeting_id, int64_t person_id, bool in_person,
	lk_err *err);
/* Changes whether an attendee was there in person; LK_ENOTFOUND if the
 * person is not recorded as attending. */
int meeting_attendee_set(lk_ctx *ctx, int64_t meeting_id, int64_t person_id, bool in_person,
	lk_err *err);
int meeting_attendee_remove(lk_ctx *ctx, int64_t meeting_id, int64_t person_id, lk_err *err);
/* Streams the attendees, professionals first, then by name (bounded: no
 * paging). */
int meeting_attendee_list(lk_ctx *ctx, int64_t meeting_id,
	int (*each)(void *arg, const lk_attendee *a), void *arg, lk_err *err);

/* ---- decisions ---- */

typedef struct lk_decision {
	int64_t id;
	int64_t meeting_id;
	char *text;
	int64_t version;
} lk_decision;

void meeting_decision_free(lk_decision *d);

/* Adds d->text to meeting d->meeting_id; sets d->id and d->version. */
int meeting_decision_add(lk_ctx *ctx, lk_decision *d, lk_err *err);
int meeting_decision_get(lk_ctx *ctx, int64_t id, lk_decision *out, lk_err *err);
/* Saves d->text (versioned; bumps d->version). */
int meeting_decision_update(lk_ctx *ctx, lk_decision *d, lk_err *err);
/* Versioned; revisions that came from it stay, without the link. */
int meeting_decision_delete(lk_ctx *ctx, int64_t id, int64_t version, lk_err *err);
/* Streams a meeting's decisions in the order they were made (bounded). */
int meeting_decision_list(lk_ctx *ctx, int64_t meeting_id,
	int (*each)(void *arg, const lk_decision *d), void *arg, lk_err *err);

#endif
