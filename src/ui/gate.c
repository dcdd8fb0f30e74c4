/*
 * gate.c — the phase-move dialog (ui/gate.h), shared by the course and the
 * run screens. The core says what is unmet (course_gate / run_gate); this
 * file only words it, asks, and hands the answer to the caller's move.
 */
#include "lmskurs/ui/gate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lmskurs/i18n.h"
#include "lmskurs/ui/dialog.h"
#include "lmskurs/ui/uitext.h"

/* The dialogs' inner width (dialog.c: boxes are at most 72 wide with a
 * margin of 2 on each side) and the lines the reason box needs besides its
 * prompt (frame, editor, problem line, hint). */
enum { DIALOG_MAX_W = 72, DIALOG_MARGIN = 4, REASON_BOX_EXTRA = 12 };

/* The unmet sentences from first to last-1, one per line, each marked. */
static void list_lines(FILE *f, const lk_gate *g, int first, int last, const char *mark)
{
	for (int i = first; i < last && i < g->n; i++)
		fprintf(f, "\n%s %s", mark, g->unmet[i]);
}

/* Closes a memstream and returns its text (*buf, which fclose sets), or
 * NULL when out of memory. */
static char *stream_text(FILE *f, char **buf)
{
	if (fclose(f) != 0) {
		free(*buf);
		return NULL;
	}
	return *buf;
}

/* ---- advice on unticked checklist items ---- */

static bool offers(const lk_view *v, lk_action a)
{
	for (const lk_action *p = v && v->ops->actions ? v->ops->actions : NULL; p && *p; p++)
		if (*p == a)
			return true;
	return false;
}

/* How to tick n items, by what the screen that asks offers: the run's C
 * (its checklist), the course tab's Space (the checklist is on it), or in
 * general words. Newly allocated. */
static char *tick_advice(const lk_ui *ui, int n)
{
	const lk_view *v = ui_top(ui);
	char keys[64];
	unsigned long un = (unsigned long)n;
	if (offers(v, LK_ACT_CHECKLIST) && keys_names(LK_ACT_CHECKLIST, false, keys, sizeof keys) > 0)
		return uitext_printf(ngettext("To tick it: Esc, then %s opens the checklist.",
			"To tick them: Esc, then %s opens the checklist.", un), keys);
	if (offers(v, LK_ACT_TOGGLE) && keys_names(LK_ACT_TOGGLE, false, keys, sizeof keys) > 0)
		return uitext_printf(ngettext("To tick it: Esc, then %s ticks the selected item of the checklist on this tab.",
			"To tick them: Esc, then %s ticks the selected item of the checklist on this tab.", un), keys);
	return uitext_printf("%s", _("Tick the checklist items first, or write why you move on anyway."));
}

/* The advice as a paragraph of f when some unmet sentences are unticked
 * checklist items (the core counts them). */
static void put_advice(FILE *f, const lk_ui *ui, const lk_gate *g)
{
	int n = g->n_checklist;
	char *advice = n > 0 ? tick_advice(ui, n) : NULL;
	if (advice)
		fprintf(f, "\n\n%s", advice);
	free(advice);
}

/* ---- the texts ---- */

/* Why the move is refused: the hard conditions (marked "!" and named as
 * such), the pairing rule in plain words, then the rest. */
static char *hard_text(const lk_ui *ui, const char *to, const lk_gate *g, int n_hard)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	if (!f)
		return NULL;
	fprintf(f, _("Cannot move to %s. These must be fixed first; no reason can pass them:"), to);
	list_lines(f, g, 0, n_hard, _("! must be fixed:"));
	fprintf(f, "\n\n%s", _("Registration can open only when every session has both a professional and a user representative, and the number of places is set. Fix what is marked \"must be fixed\", then try again."));
	if (g->n > n_hard) {
		fprintf(f, "\n\n%s", _("Also not met (a reason could pass these):"));
		list_lines(f, g, n_hard, g->n, "-");
		put_advice(f, ui, g);
	}
	return stream_text(f, &buf);
}

/* "Not met for moving to X:" and the sentences, one per line, then how
 * to tick unticked checklist items. */
static char *soft_list(const lk_ui *ui, const char *to, const lk_gate *g)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	if (!f)
		return NULL;
	fprintf(f, _("Not met for moving to %s:"), to);
	list_lines(f, g, 0, g->n, "-");
	put_advice(f, ui, g);
	return stream_text(f, &buf);
}

static int dialog_inner_width(const lk_ui *ui)
{
	int w = ui->cols - 4 < DIALOG_MAX_W ? ui->cols - 4 : DIALOG_MAX_W;
	return w - DIALOG_MARGIN;
}

/* The list on its own, when it is too long to sit above the editor. */
static bool ask_first(lk_ui *ui, const char *title, const char *list)
{
	char *q = uitext_printf("%s\n\n%s", list, _("Move on anyway with a written reason?"));
	bool yes = dialog_confirm(ui, title, q ? q : list);
	free(q);
	return yes;
}

/* Asks for the reason. When the list leaves room for the editor it is the
 * reason box's prompt; otherwise it is shown first in a question of its own.
 * Returns the reason (caller frees) or NULL when cancelled. */
static char *ask_reason(lk_ui *ui, const char *to, const lk_gate *g)
{
	char *list = soft_list(ui, to, g);
	if (!list)
		return NULL;
	char *prompt = uitext_printf("%s\n\n%s", list,
		_("To move on anyway, write why. The reason is kept with what was not met."));
	char *reason = NULL;
	char *title = uitext_printf(_("Move to %s"), to);
	const char *t = title ? title : to;
	if (prompt && screen_wrap_lines(prompt, dialog_inner_width(ui)) + REASON_BOX_EXTRA <= ui->rows - 2)
		reason = dialog_reason(ui, t, prompt);
	else if (ask_first(ui, t, list))
		reason = dialog_reason(ui, t, _("Why move on anyway? The reason is kept with what was not met."));
	free(prompt);
	free(list);
	free(title);
	return reason;
}

/* Calls move; a refusal is shown. True when the move was made. */
static bool do_move(lk_ui *ui, const char *to, const char *reason, lk_phase_move_fn move_fn, void *arg)
{
	lk_err err;
	lk_err_clear(&err);
	if (move_fn(arg, reason, &err) == 0) {
		ui_status(ui, LK_STYLE_OK, _("Moved to %s."), to);
		return true;
	}
	dialog_error(ui, _("Not moved"), err.msg[0] ? err.msg : _("Something went wrong."));
	return false;
}

static bool refuse_hard(lk_ui *ui, const char *to, const lk_gate *g, int n_hard)
{
	char *text = hard_text(ui, to, g, n_hard);
	dialog_error(ui, _("Not moved"), text ? text : _("Out of memory."));
	free(text);
	ui_status(ui, LK_STYLE_WARNING, _("Not moved to %s."), to);
	return false;
}

static bool confirm_met(lk_ui *ui, const char *to, lk_phase_move_fn move_fn, void *arg)
{
	char *q = uitext_printf(_("Every condition for %s is met. Move there now?"), to);
	char *title = uitext_printf(_("Move to %s"), to);
	bool yes = dialog_confirm(ui, title ? title : to, q ? q : to);
	free(q);
	free(title);
	if (!yes) {
		ui_status(ui, LK_STYLE_NORMAL, "%s", _("The phase was not changed."));
		return false;
	}
	return do_move(ui, to, NULL, move_fn, arg);
}

bool gate_dialog(lk_ui *ui, const char *to_label, const lk_gate *unmet, int n_hard,
	lk_phase_move_fn move_fn, void *arg)
{
	if (!unmet || unmet->n == 0)
		return confirm_met(ui, to_label, move_fn, arg);
	if (n_hard > 0)
		return refuse_hard(ui, to_label, unmet, n_hard);
	char *reason = ask_reason(ui, to_label, unmet);
	if (!reason) {
		ui_status(ui, LK_STYLE_NORMAL, "%s", _("The phase was not changed."));
		return false;
	}
	bool moved = do_move(ui, to_label, reason, move_fn, arg);
	free(reason);
	return moved;
}
