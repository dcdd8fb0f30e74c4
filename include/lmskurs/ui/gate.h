/*
 * ui/gate.h — moving a course or a run to another phase, the one dialog
 * both screens use.
 *
 *   gate_dialog ──gate met──▶ confirm ──▶ move(arg, NULL)
 *               ──soft conditions unmet──▶ list them ▶ "write a reason" ▶ move(arg, reason)
 *               ──hard conditions unmet (pairing)──▶ list them, refuse, say why
 *
 * The unmet sentences come from the core (course_gate / run_gate); the
 * first n_hard of them cannot be passed with a reason.
 */
#ifndef LMSKURS_UI_GATE_H
#define LMSKURS_UI_GATE_H

#include <stdbool.h>

#include "lmskurs/phase.h"
#include "lmskurs/ui/view.h"

/* Performs the move; reason is NULL when the gate was met. */
typedef int (*lk_phase_move_fn)(void *arg, const char *reason, lk_err *err);

/* Runs the dialog for a move to the phase named to_label. Returns true
 * when the move was made (the caller re-reads); false when refused or
 * cancelled (a core refusal is shown in an error dialog first). */
bool gate_dialog(lk_ui *ui, const char *to_label, const lk_gate *unmet, int n_hard,
	lk_phase_move_fn move, void *arg);

#endif
