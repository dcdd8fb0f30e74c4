/*
 * ui/runs.h — runs and their sessions, and the staff's week.
 *
 *   runs_view ──Enter──▶ run_view (arg: const int64_t *run id): sessions with
 *       pairing (F+B / what is missing), conflicts and holidays marked;
 *       schedule, edit a session, facilitators, capacity, phase moves
 *   week_view: this week's sessions across all runs (Enter ▶ run_view)
 *
 *   run_view ──s──▶ run_schedule_form_view ──Ctrl-S──▶ run_schedule
 *            ──e──▶ run_session_form_view ──Ctrl-S──▶ session_update
 *            ──Enter / f──▶ run_facilitators_view ──a / d──▶ session_facilitator_add/remove
 *            ──F──▶ two person pickers ──▶ run_assign_facilitators
 *            ──c──▶ run_capacity_form_view ──Ctrl-S──▶ run_set_capacity (who moved up)
 *            ──x──▶ run_status_form_view ──Ctrl-S──▶ session_set_status
 *            ──C──▶ run_checklist_view ──Space──▶ checklist_set_done
 *            ──> / <──▶ run_gate ▶ gate_dialog ▶ run_set_phase
 *            ──X──▶ dialog_reason ▶ run_set_phase(cancelled)
 *
 * Roles that may not change plans (user representatives, staff) get the
 * same screens without the changing keys: run_view, run_facilitators_view
 * and run_checklist_view switch themselves to their *_readonly twins when
 * opened by such a role or for a closed or cancelled run (final), so
 * neither the bottom line nor the help offers what the core would refuse.
 */
#ifndef LMSKURS_UI_RUNS_H
#define LMSKURS_UI_RUNS_H

#include <stdbool.h>

#include "lmskurs/date.h"
#include "lmskurs/run.h"
#include "lmskurs/session.h"
#include "lmskurs/ui/view.h"

extern const lk_view_ops runs_view;
extern const lk_view_ops run_view;
extern const lk_view_ops week_view;   /* arg: NULL (this week) or const lk_date * in the week */

/* The run screen as roles without LK_PERM_EDIT_PLAN see it. */
extern const lk_view_ops run_view_readonly;

/* One session's facilitators (arg: const int64_t *session id). */
extern const lk_view_ops run_facilitators_view;
extern const lk_view_ops run_facilitators_readonly;

/* The run's checklist (arg: const int64_t *run id); Space ticks. */
extern const lk_view_ops run_checklist_view;
extern const lk_view_ops run_checklist_readonly;

/* Forms; each refuses to open for a role that may not change plans. */
extern const lk_view_ops run_schedule_form_view; /* arg: const int64_t *run id */
extern const lk_view_ops run_session_form_view;  /* arg: const int64_t *session id */
extern const lk_view_ops run_capacity_form_view; /* arg: const int64_t *run id */
extern const lk_view_ops run_status_form_view;   /* arg: const int64_t *session id */

/* ---- texts the run screens share (pure; newly allocated, caller frees;
 * NULL only when out of memory) ---- */

/* "10.02.–10.03.2027 wk 6–10" (the year once when both share it,
 * "28.12.2026–11.01.2027 wk 53–2" otherwise), one date alone when first == last,
 * "no sessions yet" when first.year is 0. */
char *runs_dates_text(lk_date first, lk_date last);

/* "3/12", "3/–" without capacity, then " (+2 waiting)" when any wait. */
char *runs_places_text(const lk_run *r);

/* "! 3 sessions unpaired" (marker, not colour), "paired", or "no sessions"
 * for a run without sessions. */
char *runs_pairing_text(const lk_run *r);

/* "09:00–11:30". */
char *runs_time_text(const lk_session *s);

/* The day header of the week: "Monday 08.03.2027 (week 10)", with
 * " · today" when today. */
char *runs_day_text(lk_date d, bool today);

/* The Monday of d's ISO week. */
lk_date runs_week_monday(lk_date d);

#endif
