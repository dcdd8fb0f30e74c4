/*
 * attendance.h — attendance (oppmøte) per session: present, absent or
 * excused, with rates and completion (DESIGN.md §2, "Attendance").
 *
 *   attendance_mark / attendance_clear ──▶ attendance rows (staff and
 *       coordinators, LK_PERM_MARK_ATTENDANCE); marking a planned session
 *       sets it held
 *   attendance_summary / _run_summary / _session_counts / _grid ──▶ what
 *       the screens and reports show (every role)
 *
 * Expected sessions. A session is expected of an enrollment when it is not
 * cancelled and its date is on or after the date the enrollment got its
 * place (placed_at) — and, for a cancelled enrollment, before the date it
 * was cancelled. Sessions before someone got a place are "not expected",
 * never absent; a waitlisted enrollment has no expected sessions.
 *
 * Denominators of lk_attendance_summary:
 * - held_expected: expected sessions with status held so far. The rate is
 *   present / held_expected ("sessions held so far", not planned).
 * - planned_expected: every expected session, held or still planned.
 *   Completion is measured against this: completed when
 *   present * 100 >= threshold_pct * planned_expected (and planned_expected
 *   > 0). Excused counts as not present.
 * - completion_unreachable: even if the person is present at every expected
 *   session not yet marked absent or excused, completion cannot be reached:
 *   (planned_expected - absent - excused) * 100 < threshold_pct * planned_expected.
 */
#ifndef LMSKURS_ATTENDANCE_H
#define LMSKURS_ATTENDANCE_H

#include <stdbool.h>
#include <stdint.h>
#include "lmskurs/ctx.h"
#include "lmskurs/enroll.h"

typedef enum lk_att_status {
	LK_ATT_PRESENT,
	LK_ATT_ABSENT,
	LK_ATT_EXCUSED, /* gyldig fravær */
} lk_att_status;

/* One cell of the attendance grid (enrollment × session). */
typedef enum lk_att_cell {
	LK_CELL_PRESENT,
	LK_CELL_ABSENT,
	LK_CELL_EXCUSED,
	LK_CELL_UNMARKED,     /* expected, no mark yet (held or planned session) */
	LK_CELL_NOT_EXPECTED, /* before the person got a place (or after cancelling) */
	LK_CELL_CANCELLED,    /* the session is cancelled */
} lk_att_cell;

typedef struct lk_attendance_summary {
	int present, absent, excused; /* marks on expected sessions */
	int unmarked;         /* expected sessions held so far without a mark */
	int not_expected;     /* sessions (not cancelled) not expected of them */
	int held_expected;    /* denominator of rate_pct: expected sessions held so far */
	int planned_expected; /* denominator of completion: all expected sessions */
	int rate_pct;         /* present * 100 / held_expected rounded down; -1 when 0 held */
	bool completed;
	bool completion_unreachable;
	int threshold_pct;    /* ctx->settings.completion_threshold_pct */
} lk_attendance_summary;

const char *attendance_status_code(lk_att_status s);  /* "present" | "absent" | "excused" */
const char *attendance_status_label(lk_att_status s); /* translated */
int attendance_status_parse(const char *code, lk_att_status *out);

/* Marks enrollment_id at session_id. The enrollment must be registered in
 * the session's run; the session must not be cancelled, its run must be in
 * execution or evaluation (the late paper sheet and corrections; not
 * scheduling or registration, and closed and cancelled runs are final), and
 * the session's day must have come (LK_ERULE otherwise, with the reason;
 * participants are named by number, never by name). A session before the
 * day the enrollment got its place is not
 * expected and is refused (LK_ERULE). Changing an existing mark on a day
 * after the session's date is a correction: reason must then be non-empty
 * (LK_EINVAL otherwise) and is kept with the mark; otherwise reason may be
 * NULL. Marking the same status again changes nothing. Marking a planned
 * session sets it held. Audited with ids and statuses only. Staff and
 * coordinators (LK_PERM_MARK_ATTENDANCE). */
int attendance_mark(lk_ctx *ctx, int64_t session_id, int64_t enrollment_id, lk_att_status status,
	const char *reason, lk_err *err);

/* Removes a mark, under the same rules as attendance_mark (after the
 * session's date a non-empty reason is required; it is written to the audit
 * log, since the mark itself is gone). LK_ENOTFOUND when there is no mark.
 * The session stays held. */
int attendance_clear(lk_ctx *ctx, int64_t session_id, int64_t enrollment_id, const char *reason,
	lk_err *err);

/* The summary of one enrollment (any status) into out. LK_ENOTFOUND for an
 * unknown enrollment. Every role. */
int attendance_summary(lk_ctx *ctx, int64_t enrollment_id, lk_attendance_summary *out,
	lk_err *err);

/* Streams each registered enrollment of run_id, by name, with its summary.
 * each() returning non-zero stops; both are freed after it returns. */
int attendance_run_summary(lk_ctx *ctx, int64_t run_id,
	int (*each)(void *arg, const lk_enrollment *e, const lk_attendance_summary *s),
	void *arg, lk_err *err);

/* Marks at one session among the enrollments it is expected of (a
 * cancelled enrollment counts for sessions before its cancellation);
 * unmarked = those without a mark. Any pointer may be NULL. LK_ENOTFOUND
 * for an unknown session. Every role. */
int attendance_session_counts(lk_ctx *ctx, int64_t session_id, int *present, int *absent,
	int *excused, int *unmarked, lk_err *err);

/* Streams the grid of run_id: for each registered enrollment (by name, then
 * id) each session of the run (by date, then number), cancelled sessions
 * included. each_cell() returning non-zero stops. Every role. */
int attendance_grid(lk_ctx *ctx, int64_t run_id,
	int (*each_cell)(void *arg, int64_t enrollment_id, int64_t session_id, lk_att_cell state),
	void *arg, lk_err *err);

#endif
