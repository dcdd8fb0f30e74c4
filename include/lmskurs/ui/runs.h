/*
 * ui/runs.h — runs and their sessions, and the staff's week.
 *
 *   runs_view ──Enter──▶ run_view (arg: const int64_t *run id): sessions with
 *       pairing (F+B / what is missing), conflicts and holidays marked;
 *       schedule, edit a session, facilitators, capacity, phase moves
 *   week_view: this week's sessions across all runs (Enter ▶ run_view)
 */
#ifndef LMSKURS_UI_RUNS_H
#define LMSKURS_UI_RUNS_H

#include "lmskurs/ui/view.h"

extern const lk_view_ops runs_view;
extern const lk_view_ops run_view;
extern const lk_view_ops week_view;

#endif
