/*
 * ui/view.h — screens as views on a stack, one generic driver.
 *
 *   key ──ui_run──▶ keys_lookup(view's actions) ──▶ view->request(action)
 *                                               └─ not handled ─▶ driver:
 *       move/scroll (the view's list), back, filter, help, quit
 *   key that is no action ──▶ view->input(key) (typed text in forms)
 *   every 500 ms ──PRAGMA data_version changed──▶ top view's reload
 *   KEY_RESIZE ──ui_layout──▶ redraw (or "Terminal too small")
 *
 * A view is a struct of callbacks (lk_view_ops, like tig's view_ops) plus
 * private state the framework allocates (state_size bytes, zeroed) and
 * frees after ops->done. Views keep everything they show in that state,
 * never in windows, so a resize or a too-small terminal loses nothing.
 * After a view is popped, the one below re-reads (reload): no screen keeps
 * a second copy of the truth.
 *
 * To add a screen: write src/ui/<name>.c with a `const lk_view_ops`,
 * declare it in include/lmskurs/ui/<name>.h, push it with ui_push. A list
 * screen embeds an lk_list in its state and returns it from ops->list; the
 * driver then does moving, paging, drawing and `/` filtering.
 */
#ifndef LMSKURS_UI_VIEW_H
#define LMSKURS_UI_VIEW_H

#include <stdbool.h>
#include <stdint.h>

#include "lmskurs/config.h"
#include "lmskurs/ctx.h"
#include "lmskurs/ui/edit.h"
#include "lmskurs/ui/keys.h"
#include "lmskurs/ui/list.h"
#include "lmskurs/ui/screen.h"

typedef struct lk_view lk_view;

typedef struct lk_view_ops {
	const char *name;          /* stable English name ("people"), for tests */
	const char *label;         /* msgid for people ("People"), e.g. the help title */
	size_t state_size;         /* private state, zeroed, owned by the framework */
	const lk_action *actions;  /* offered here, 0-terminated; Everywhere is added */
	const lk_action *hints;    /* on the bottom line, 0-terminated */
	bool text_entry;           /* printable keys are text (forms) */
	/* After the state is allocated; arg is ui_push's. -1 with err refuses
	 * the push (done is still called). */
	int (*open)(lk_view *v, const void *arg, lk_err *err);
	/* Frees what the state owns (not the state). May be NULL. */
	void (*done)(lk_view *v);
	/* Title bar text, newly allocated (NULL: the label). */
	char *(*title)(lk_view *v);
	/* Re-reads what the view shows (data changed). May be NULL. */
	int (*reload)(lk_view *v, lk_err *err);
	/* The view's list for the driver, or NULL (or the callback NULL). */
	lk_list *(*list)(lk_view *v);
	/* Draws the body into r. NULL: the driver draws ops->list. */
	void (*draw)(lk_view *v, lk_rect r);
	/* Handles an action; false hands it to the driver. */
	bool (*request)(lk_view *v, lk_action a);
	/* A key that is no action here (text_entry views get typed text). */
	bool (*input)(lk_view *v, lk_key key);
} lk_view_ops;

struct lk_view {
	const lk_view_ops *ops;
	lk_ui *ui;
	void *state;
	bool stale; /* data changed while covered: reload when on top again */
};

/* The running UI. Fields are the framework's (view.c, screen.c, dialog.c);
 * views use the functions below. */
struct lk_ui {
	lk_ctx *ctx;
	const lk_config *cfg;
	lk_view **stack;
	int depth, cap;
	int rows, cols;        /* terminal size from the last layout */
	bool too_small;
	bool colour;
	lk_rect body;          /* between title bar and status line */
	char *status;          /* owned; shown until the next key */
	lk_style status_style;
	bool filtering;        /* the `/` line is open */
	lk_edit filter;
	int cur_y, cur_x;      /* terminal cursor for this frame (-1: hidden) */
	int64_t data_version;
	bool quit;
	int modal;             /* depth of modal dialogs open */
};

/* Minimum terminal size for the screens. */
enum { LK_UI_MIN_COLS = 60, LK_UI_MIN_ROWS = 16 };

/* Sets up ui (no curses calls). cfg may be NULL. */
void ui_init(lk_ui *ui, lk_ctx *ctx, const lk_config *cfg, bool colour);
/* Pops every view and frees what ui owns (not ui). */
void ui_fini(lk_ui *ui);

/* Runs the key loop until quit or the last view is popped. */
void ui_run(lk_ui *ui);

/* Pushes a new view of ops; arg goes to ops->open. On failure the error is
 * shown on the status line and -1 returned (err filled when not NULL). */
int ui_push(lk_ui *ui, const lk_view_ops *ops, const void *arg, lk_err *err);

/* Pops the top view; the one below re-reads. Popping the last view ends
 * ui_run. */
void ui_pop(lk_ui *ui);

/* The top view, or NULL. */
lk_view *ui_top(const lk_ui *ui);

/* The view below v on the stack, or NULL. */
lk_view *ui_below(const lk_ui *ui, const lk_view *v);

/* Status line: a message for the user until the next key. Errors and
 * warnings are prefixed with "! " so they do not rely on colour. */
void ui_status(lk_ui *ui, lk_style st, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void ui_status_err(lk_ui *ui, const lk_err *err);

/* Recomputes the layout from the terminal size (on start and KEY_RESIZE). */
void ui_layout(lk_ui *ui);

/* Draws the whole frame (title, top view, status, bottom line) without
 * refreshing; modal dialogs draw over it. */
void ui_draw(lk_ui *ui);

/* Puts the terminal cursor where the frame asked and refreshes. */
void ui_refresh(lk_ui *ui);

/* For modal dialogs: draws via draw(arg) over the frame, then waits for
 * a key, handling resize, too-small, redraw and the data-version poll.
 * Returns 0 with *key, or -1 when the user quits (Ctrl-C, or q while the
 * terminal is too small): ui->quit is then set and the dialog should
 * close as cancelled. */
int ui_modal_key(lk_ui *ui, void (*draw)(lk_ui *ui, void *arg), void *arg, lk_key *key);

/* Reads one key with the loop's timeout: 1 with *key, 0 on timeout. */
int ui_read_key(lk_ui *ui, lk_key *key);

/* Draws a list view's list into r (height, fetch, draw); errors go to the
 * status line. */
void ui_draw_list(lk_ui *ui, lk_list *l, lk_rect r);

#endif
