/*
 * ui/dialog.h — modal boxes over the current screen.
 *
 * Each runs its own small key loop through ui_modal_key, which keeps
 * resizing and the too-small screen working while it is open. A dialog
 * does not re-read data while open, so a view may hold a row across one.
 * When the user quits from inside (Ctrl-C), the dialog returns as
 * cancelled and ui->quit ends the main loop right after.
 */
#ifndef LMSKURS_UI_DIALOG_H
#define LMSKURS_UI_DIALOG_H

#include <stdbool.h>
#include <stdint.h>

#include "lmskurs/ui/view.h"

/* Asks a yes/no question; text (wrapped) should say what goes with the
 * answer ("… and 2 sessions lose their facilitator"). y answers yes; n or
 * Esc no. Returns true only for yes. */
bool dialog_confirm(lk_ui *ui, const char *title, const char *text);

/* Shows a message (an error, or a warning) until Enter, Esc or Space. */
void dialog_error(lk_ui *ui, const char *title, const char *text);

/* Asks for a written reason (several lines; Ctrl-S accepts, Esc cancels).
 * An empty reason is refused with a message in the box. Returns the
 * trimmed text, newly allocated (caller frees), or NULL when cancelled. */
char *dialog_reason(lk_ui *ui, const char *title, const char *prompt);

/* Lets the user pick an active person (person_kind: -1 any, else an
 * lk_person_kind) from a paged list; typing filters it. On Enter sets *id
 * and *name (newly allocated, caller frees) and returns true; Esc false. */
bool dialog_pick_person(lk_ui *ui, const char *title, int person_kind, int64_t *id, char **name);

#endif
