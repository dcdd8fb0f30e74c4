/*
 * conflict.h — double bookings and holidays (DESIGN.md §2, "Conflicts").
 *
 *   sessions ──conflict_list(scope)──▶ each(room | facilitator | holiday)
 *
 * Across all courses and runs, a conflict is
 * - room: two sessions overlapping in time (a.starts < b.ends and
 *   b.starts < a.ends; back-to-back is no clash) in the same room, rooms
 *   compared trimmed and case-insensitively (text_equal_fold, so "MØTEROM 2"
 *   is "møterom 2"); an empty room never clashes;
 * - facilitator: one person facilitating two overlapping sessions;
 * - holiday: a session starting on a Norwegian public holiday (date_holiday).
 * Cancelled sessions and sessions of cancelled runs never conflict. Each
 * pair is reported once (and once per shared facilitator).
 *
 * Results are streamed, never loaded whole: the pair search compares each
 * session only with sessions starting between its own day (minus the longest
 * multi-day session, if any) and its end, through the session_starts index.
 */
#ifndef LMSKURS_CONFLICT_H
#define LMSKURS_CONFLICT_H

#include <stdint.h>
#include "lmskurs/ctx.h"

typedef enum lk_conflict_kind {
	LK_CONFLICT_ROOM,
	LK_CONFLICT_FACILITATOR,
	LK_CONFLICT_HOLIDAY,
	LK_CONFLICT_KIND_COUNT
} lk_conflict_kind;

/* One session in a conflict. Strings are borrowed: valid only during the
 * each() call that received them. */
typedef struct lk_conflict_session {
	int64_t id;
	int64_t run_id;
	const char *course_title;
	int seq;
	const char *starts_at; /* "2027-03-04T12:30" */
	const char *ends_at;
	const char *room;      /* as stored (not trimmed) */
} lk_conflict_session;

typedef struct lk_conflict {
	lk_conflict_kind kind;
	lk_conflict_session a;
	lk_conflict_session b;   /* room and facilitator kinds; for holiday ids 0
	                            and strings "" */
	int64_t person_id;       /* facilitator kind, else 0 */
	const char *person_name; /* facilitator kind, else NULL */
	const char *holiday;     /* holiday kind: translated name, else NULL */
} lk_conflict;

typedef struct lk_conflict_scope {
	int64_t run_id;        /* 0: all runs; else conflicts with a session of this run */
	const char *from_iso;  /* NULL: no lower bound; else only sessions starting at or
	                          after this date or time ("2027-01-10", "2027-01-10T09:00",
	                          "10.01.2027" …); a pair needs both sessions in range */
} lk_conflict_scope;

/* Streams the conflicts in scope: first room clashes, then facilitator
 * clashes, then holidays, each ordered by a's start. In a run scope, a is
 * the run's session (when both are the run's, the lower id). Otherwise a is
 * the one starting first. each() returning non-zero stops (still 0).
 * each() must not call conflict functions. LK_EINVAL for an unreadable
 * from_iso, LK_ENOTFOUND for an unknown run. Needs LK_PERM_READ_PLAN. */
int conflict_list(lk_ctx *ctx, const lk_conflict_scope *scope,
	int (*each)(void *arg, const lk_conflict *c), void *arg, lk_err *err);

/* Streams the conflicts involving session_id (a is always that session), in
 * the same order as conflict_list. A cancelled session has none.
 * LK_ENOTFOUND for an unknown session. Needs LK_PERM_READ_PLAN. */
int conflict_for_session(lk_ctx *ctx, int64_t session_id,
	int (*each)(void *arg, const lk_conflict *c), void *arg, lk_err *err);

/* "room"/"facilitator"/"holiday" and the translated label
 * ("room double booked" …); "" for an unknown kind. */
const char *conflict_kind_code(lk_conflict_kind k);
const char *conflict_kind_label(lk_conflict_kind k);

#endif
